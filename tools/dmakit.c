// SPDX-License-Identifier: GPL-2.0
/*
 * dmakit - look at a booted board the way one looks at a kernel's.
 *
 *   dmakit summary [--board FILE]             debugfs dmaengine/summary
 *   dmakit sysfs [--board FILE] [--dir PATH]  /sys/class/dma (printed, or
 *                                             written as files under PATH)
 *
 * FILE is a .dtb or a .dts (compiled with dtc); without it the embedded
 * default board boots.  Exit status: 0, 1 on failure, 2 on bad usage.
 */
#include <stdio.h>
#include <string.h>
#include <dmakit/board.h>
#include <dmakit/dmaengine.h>

static int usage(FILE *f)
{
	fprintf(f,
		"usage: dmakit summary [--board FILE]\n"
		"       dmakit sysfs [--board FILE] [--dir PATH]\n");
	return f == stderr ? 2 : 0;
}

int main(int argc, char **argv)
{
	const char *cmd, *board = NULL, *dir = NULL;
	int i, ret;

	if (argc < 2)
		return usage(stderr);
	cmd = argv[1];
	if (!strcmp(cmd, "-h") || !strcmp(cmd, "--help") || !strcmp(cmd, "help"))
		return usage(stdout);
	if (strcmp(cmd, "summary") && strcmp(cmd, "sysfs")) {
		fprintf(stderr, "dmakit: unknown command '%s'\n", cmd);
		return usage(stderr);
	}
	for (i = 2; i < argc; i++) {
		if (!strcmp(argv[i], "--board") && i + 1 < argc) {
			board = argv[++i];
		} else if (!strcmp(argv[i], "--dir") && i + 1 < argc &&
			   !strcmp(cmd, "sysfs")) {
			dir = argv[++i];
		} else {
			fprintf(stderr, "dmakit: bad argument '%s'\n", argv[i]);
			return usage(stderr);
		}
	}
	ret = dmakit_boot(board);
	if (ret) {
		fprintf(stderr, "dmakit: cannot boot %s: %s\n",
			board ? board : "the default board", strerror(-ret));
		return 1;
	}
	if (!strcmp(cmd, "summary"))
		dmakit_dump_summary(stdout);
	else if (dir)
		ret = dmakit_write_sysfs(dir);
	else
		ret = dmakit_dump_sysfs(stdout);
	dmakit_shutdown();
	if (ret) {
		fprintf(stderr, "dmakit: %s: %s\n", cmd, strerror(-ret));
		return 1;
	}
	return 0;
}
