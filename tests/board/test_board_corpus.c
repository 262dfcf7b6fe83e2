// SPDX-License-Identifier: GPL-2.0
/*
 * Bad boards (corpus/): every file must boot or fail to boot cleanly,
 * never crash; a booted one has each of its dmas/dma-names lookups
 * tried, and must shut down again.  Each corpus file's first line (or
 * the corpus/EXPECT list for blobs) says which: "boot" or "fail".
 * Also: a missing file, a file that is no tree, and dtc not found.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <dirent.h>
#include <linux/dmaengine.h>
#include <linux/of.h>
#include <linux/of_platform.h>
#include <dmakit/board.h>
#include "board-test.h"

static int requests, channels;

/* Ask for every named channel of every node that has dmas. */
static void exercise_dmas(void)
{
	struct device_node *np;

	for_each_of_allnodes(np) {
		struct platform_device *pdev;
		const char *name;
		int i, n;

		if (!of_property_present(np, "dmas"))
			continue;
		pdev = of_find_device_by_node(np);
		if (!pdev)
			continue;
		n = of_property_count_strings(np, "dma-names");
		for (i = 0; i < (n > 0 ? n : 1); i++) {
			struct dma_chan *chan;

			if (of_property_read_string_index(np, "dma-names", i,
							  &name))
				name = "rx";
			chan = dma_request_chan(&pdev->dev, name);
			requests++;
			if (!IS_ERR(chan)) {
				channels++;
				dma_release_channel(chan);
			}
		}
		put_device(&pdev->dev);
	}
}

/* "boot" or "fail" for @file, from corpus/EXPECT. */
static const char *expectation(const char *file)
{
	static char line[512];
	FILE *f = fopen(bt_board("corpus/EXPECT"), "r");
	const char *ret = NULL;

	REQUIRE(f);
	while (fgets(line, sizeof(line), f)) {
		char name[256], what[16];

		if (line[0] == '#' || sscanf(line, "%255s %15s", name, what) != 2)
			continue;
		if (!strcmp(name, file)) {
			ret = strstr(line, "boot") ? "boot" : "fail";
			break;
		}
	}
	fclose(f);
	return ret;
}

int main(void)
{
	struct dirent **list;
	int i, n, files = 0;
	char *path;

	n = scandir(bt_board("corpus"), &list, NULL, alphasort);
	REQUIRE(n > 0);
	for (i = 0; i < n; i++) {
		const char *name = list[i]->d_name, *want;
		int ret;

		if (name[0] == '.' || !strcmp(name, "EXPECT")) {
			free(list[i]);
			continue;
		}
		want = expectation(name);
		if (!want)
			fprintf(stderr, "corpus/%s: not listed in corpus/EXPECT\n",
				name);
		CHECK(want != NULL);
		if (asprintf(&path, "corpus/%s", name) < 0)
			return 1;
		ret = dmakit_boot(bt_board(path));
		printf("corpus/%s: %s (%d)\n", name, ret ? "failed" : "booted",
		       ret);
		if (!ret) {
			exercise_dmas();
			dmakit_shutdown();
		} else {
			CHECK(ret < 0);
			CHECK(!dmakit_booted());
			CHECK(of_root == NULL);
		}
		if (want && strcmp(want, ret ? "fail" : "boot")) {
			fprintf(stderr, "corpus/%s: expected to %s\n", name, want);
			bt_failures++;
		}
		free(path);
		free(list[i]);
		files++;
	}
	free(list);
	CHECK(files >= 10);
	CHECK(requests > 0);

	CHECK_EQ(dmakit_boot(bt_board("corpus/no-such-file.dtb")), -ENOENT);
	CHECK_EQ(dmakit_boot(bt_board("board-test.h")), -EINVAL);
	/* without dtc a .dts cannot boot, and says why */
	{
		char *saved = getenv("PATH") ? strdup(getenv("PATH")) : NULL;

		setenv("PATH", "/nonexistent", 1);
		CHECK_EQ(dmakit_boot(bt_board("of-dma.dts")), -ENOENT);
		if (saved)
			setenv("PATH", saved, 1);
		free(saved);
	}
	/* and after all that, the default board still boots */
	REQUIRE(dmakit_boot(NULL) == 0);
	dmakit_shutdown();
	printf("%d requests, %d channels granted\n", requests, channels);
	return bt_result("test_board_corpus");
}
