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

#endif
