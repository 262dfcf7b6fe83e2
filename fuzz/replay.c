// SPDX-License-Identifier: GPL-2.0
/*
 * Replay inputs through a fuzz target without libFuzzer: every file named
 * on the command line, or in a directory named there, is one input.
 * Exit 0 if all ran (a failed property aborts).
 */
#include <dirent.h>
#include <string.h>
#include <sys/stat.h>
#include "fuzz.h"

static int replay_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	uint8_t *buf;
	long len;

	if (!f) {
		perror(path);
		return -1;
	}
	fseek(f, 0, SEEK_END);
	len = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = malloc(len ? len : 1);
	if (fread(buf, 1, len, f) != (size_t)len) {
		fclose(f);
		free(buf);
		return -1;
	}
	fclose(f);
	LLVMFuzzerTestOneInput(buf, len);
	free(buf);
	return 0;
}

static int replay_path(const char *path, int *count)
{
	struct dirent **names;
	struct stat st;
	int n, i, ret = 0;

	if (stat(path, &st))
		return 0;	/* no such corpus yet: nothing to replay */
	if (!S_ISDIR(st.st_mode)) {
		(*count)++;
		return replay_file(path);
	}
	n = scandir(path, &names, NULL, alphasort);
	for (i = 0; i < n; i++) {
		char full[4096];

		if (names[i]->d_name[0] != '.' &&
		    snprintf(full, sizeof(full), "%s/%s", path,
			     names[i]->d_name) < (int)sizeof(full) &&
		    !stat(full, &st) && S_ISREG(st.st_mode)) {
			(*count)++;
			if (replay_file(full))
				ret = -1;
		}
		free(names[i]);
	}
	free(names);
	return ret;
}

int main(int argc, char **argv)
{
	int i, count = 0, ret = 0;

	LLVMFuzzerInitialize(&argc, &argv);
	for (i = 1; i < argc; i++)
		if (replay_path(argv[i], &count))
			ret = 1;
	printf("replayed %d inputs\n", count);
	return ret;
}
