/* SPDX-License-Identifier: GPL-2.0 */
/* Small helpers shared by the board tests. */
#ifndef BOARD_TEST_H
#define BOARD_TEST_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int bt_failures;

#define CHECK(cond) do {						\
	if (!(cond)) {							\
		fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__,	\
			__LINE__, #cond);				\
		bt_failures++;						\
	}								\
} while (0)

#define CHECK_EQ(a, b) do {						\
	long long __a = (long long)(a), __b = (long long)(b);		\
	if (__a != __b) {						\
		fprintf(stderr, "%s:%d: CHECK_EQ failed: %s = %lld, %s = %lld\n", \
			__FILE__, __LINE__, #a, __a, #b, __b);		\
		bt_failures++;						\
	}								\
} while (0)

#define CHECK_STR(a, b) do {						\
	const char *__a = (a), *__b = (b);				\
	if (!__a || !__b || strcmp(__a, __b)) {				\
		fprintf(stderr, "%s:%d: CHECK_STR failed: %s =\n\"%s\"\nexpected\n\"%s\"\n", \
			__FILE__, __LINE__, #a, __a ? __a : "(null)",	\
			__b ? __b : "(null)");				\
		bt_failures++;						\
	}								\
} while (0)

/* Fatal: stop here (the rest would crash). */
#define REQUIRE(cond) do {						\
	if (!(cond)) {							\
		fprintf(stderr, "%s:%d: REQUIRE failed: %s\n", __FILE__, \
			__LINE__, #cond);				\
		exit(1);						\
	}								\
} while (0)

static inline int bt_result(const char *name)
{
	if (bt_failures) {
		fprintf(stderr, "%s: %d check(s) failed\n", name, bt_failures);
		return 1;
	}
	printf("%s: ok\n", name);
	return 0;
}

/* A board file of this folder. */
static inline const char *bt_board(const char *file)
{
	static char path[8][1024];
	static int n;
	char *p = path[n++ % 8];

	snprintf(p, sizeof(path[0]), "%s/%s", BOARD_DIR, file);
	return p;
}

#endif
