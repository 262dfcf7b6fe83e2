/* SPDX-License-Identifier: GPL-2.0 */
/*
 * tests/helpers.h - tiny assertion kit shared by dmakit's test programs.
 *
 * A test program is one executable: exit 0 = pass, 1 = fail, 77 = skip.
 * ASSERT_* print file:line, the expression and both operands, then exit
 * with 1 (after the test's optional cleanup hook, so the log stays
 * readable; no cleanup is attempted on a failed run otherwise).
 *
 * Use RUN_TEST(fn) to run a `static int fn(void)` returning 0 on success;
 * it prints "ok"/"FAIL" lines like a tiny TAP.
 */
#ifndef _DMAKIT_TESTS_HELPERS_H
#define _DMAKIT_TESTS_HELPERS_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>

#define TEST_PASS	0
#define TEST_FAIL	1
#define TEST_SKIP	77

#define TEST_FAIL_AT(fmt, ...)						\
	do {								\
		fprintf(stderr, "%s:%d: FAIL: " fmt "\n", __FILE__,	\
			__LINE__, ##__VA_ARGS__);			\
		fflush(stderr);						\
		exit(TEST_FAIL);					\
	} while (0)

#define ASSERT_TRUE(cond)						\
	do {								\
		if (!(cond))						\
			TEST_FAIL_AT("ASSERT_TRUE(%s)", #cond);		\
	} while (0)

#define ASSERT_FALSE(cond)						\
	do {								\
		if (cond)						\
			TEST_FAIL_AT("ASSERT_FALSE(%s)", #cond);	\
	} while (0)

/* Integer comparisons: both operands are printed as long long. */
#define __ASSERT_CMP(a, op, b)						\
	do {								\
		long long __a = (long long)(a);				\
		long long __b = (long long)(b);				\
		if (!(__a op __b))					\
			TEST_FAIL_AT("%s %s %s (%lld vs %lld)", #a, #op,	\
				     #b, __a, __b);			\
	} while (0)

#define ASSERT_EQ(a, b)	__ASSERT_CMP(a, ==, b)
#define ASSERT_NE(a, b)	__ASSERT_CMP(a, !=, b)
#define ASSERT_LT(a, b)	__ASSERT_CMP(a, <, b)
#define ASSERT_LE(a, b)	__ASSERT_CMP(a, <=, b)
#define ASSERT_GT(a, b)	__ASSERT_CMP(a, >, b)
#define ASSERT_GE(a, b)	__ASSERT_CMP(a, >=, b)

#define ASSERT_PTR_EQ(a, b)						\
	do {								\
		const void *__a = (const void *)(a);			\
		const void *__b = (const void *)(b);			\
		if (__a != __b)						\
			TEST_FAIL_AT("%s == %s (%p vs %p)", #a, #b,	\
				     __a, __b);				\
	} while (0)

#define ASSERT_NULL(p)		ASSERT_PTR_EQ(p, NULL)
#define ASSERT_NOT_NULL(p)						\
	do {								\
		if ((p) == NULL)					\
			TEST_FAIL_AT("%s != NULL", #p);			\
	} while (0)

#define ASSERT_STREQ(a, b)						\
	do {								\
		const char *__a = (a), *__b = (b);			\
		if (!__a || !__b || strcmp(__a, __b))			\
			TEST_FAIL_AT("%s == %s (\"%s\" vs \"%s\")", #a,	\
				     #b, __a ? __a : "(null)",		\
				     __b ? __b : "(null)");		\
	} while (0)

#define ASSERT_MEMEQ(a, b, n)						\
	do {								\
		const unsigned char *__a = (const void *)(a);		\
		const unsigned char *__b = (const void *)(b);		\
		size_t __n = (n), __i;					\
		for (__i = 0; __i < __n; __i++)				\
			if (__a[__i] != __b[__i])			\
				TEST_FAIL_AT("%s[%zu] == %s[%zu] "	\
					     "(0x%02x vs 0x%02x)", #a,	\
					     __i, #b, __i, __a[__i],	\
					     __b[__i]);			\
	} while (0)

/* Every byte of @p[0..n) equals @v. */
#define ASSERT_FILLED(p, v, n)						\
	do {								\
		const unsigned char *__p = (const void *)(p);		\
		size_t __n = (n), __i;					\
		for (__i = 0; __i < __n; __i++)				\
			if (__p[__i] != (unsigned char)(v))		\
				TEST_FAIL_AT("%s[%zu] == %s (0x%02x vs "	\
					     "0x%02x)", #p, __i, #v,	\
					     __p[__i],			\
					     (unsigned char)(v));	\
	} while (0)

#define RUN_TEST(fn)							\
	do {								\
		fprintf(stderr, "-- %s\n", #fn);			\
		if (fn())						\
			TEST_FAIL_AT("%s returned failure", #fn);	\
		fprintf(stderr, "ok %s\n", #fn);			\
	} while (0)

/* Fill @p with a position-dependent pattern that differs per @seed. */
static inline void test_pattern(void *p, size_t n, unsigned int seed)
{
	unsigned char *b = p;
	size_t i;

	for (i = 0; i < n; i++)
		b[i] = (unsigned char)((i * 31u + seed * 7u + (i >> 8)) ^ seed);
}

#endif
