/* SPDX-License-Identifier: GPL-2.0 */
/*
 * libFuzzer entry points, built two ways: with clang -fsanitize=fuzzer
 * by `make fuzz` (fuzz/CMakeLists.txt), and with replay.c's main() by
 * the normal build, which runs the seed corpus and every crasher kept
 * under tests/fuzz-regressions/ as a regression test.
 */
#ifndef DMAKIT_FUZZ_H
#define DMAKIT_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A property failed: report and crash, so libFuzzer keeps the input. */
#define FUZZ_CHECK(cond, ...) do {					\
	if (!(cond)) {							\
		fprintf(stderr, "fuzz check failed: %s: ", #cond);	\
		fprintf(stderr, __VA_ARGS__);				\
		fputc('\n', stderr);					\
		abort();						\
	}								\
} while (0)

/*
 * An argv from fuzzer bytes: @argv0, then the input split at its NULs
 * (a last argument without a NUL counts), at most @max - 2 arguments.
 * The strings point into *@buf, which the caller frees with *@argvp.
 */
static inline int fuzz_argv(const uint8_t *data, size_t size,
			    const char *argv0, char ***argvp, char **buf,
			    int max)
{
	char **argv = calloc(max, sizeof(*argv));
	char *s = malloc(size + 1), *p = s, *end = s + size;
	int argc = 0;

	memcpy(s, data, size);
	s[size] = '\0';
	argv[argc++] = (char *)argv0;
	while (p < end && argc < max - 1) {
		argv[argc++] = p;
		p += strlen(p) + 1;
	}
	argv[argc] = NULL;
	*argvp = argv;
	*buf = s;
	return argc;
}

#endif
