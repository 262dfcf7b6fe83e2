/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Test helpers for XOR / RAID-6: a byte-at-a-time reference written
 * independently of lib/raid6 (GF(2^8) by shift-and-xor, polynomial
 * 0x11d), a seeded PRNG, and CHECK().
 */
#ifndef _TESTS_RAID_REF_H
#define _TESTS_RAID_REF_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>

#define EXIT_SKIP	77

static int failures;

#define CHECK(cond, ...)						\
do {									\
	if (!(cond)) {							\
		fprintf(stderr, "FAIL %s:%d: ", __FILE__, __LINE__);	\
		fprintf(stderr, __VA_ARGS__);				\
		fputc('\n', stderr);					\
		if (++failures >= 20) {					\
			fprintf(stderr, "too many failures\n");		\
			exit(1);					\
		}							\
	}								\
} while (0)

static uint64_t rng_state = 0x9e3779b97f4a7c15ull;

static inline uint64_t rnd(void)
{
	uint64_t x = rng_state;

	x ^= x << 13;
	x ^= x >> 7;
	x ^= x << 17;
	rng_state = x;
	return x;
}

static inline void fill_random(void *buf, size_t len)
{
	unsigned char *b = buf;
	size_t i;

	for (i = 0; i < len; i++)
		b[i] = (unsigned char)(rnd() >> 32);
}

static inline unsigned char ref_gfmul(unsigned char a, unsigned char b)
{
	unsigned char r = 0;

	while (b) {
		if (b & 1)
			r ^= a;
		a = (unsigned char)((a << 1) ^ ((a & 0x80) ? 0x1d : 0));
		b >>= 1;
	}
	return r;
}

/* g^i for the generator {02} */
static inline unsigned char ref_gfexp(int i)
{
	unsigned char r = 1;

	while (i-- > 0)
		r = ref_gfmul(r, 2);
	return r;
}

/* p = XOR srcs, q = XOR coefs[i] * srcs[i]; either may be NULL */
static inline void ref_pq(unsigned char *p, unsigned char *q,
			  unsigned char **srcs, const unsigned char *coefs,
			  int n, size_t len)
{
	size_t b;
	int i;

	for (b = 0; b < len; b++) {
		unsigned char pv = 0, qv = 0;

		for (i = 0; i < n; i++) {
			pv ^= srcs[i][b];
			qv ^= ref_gfmul(coefs[i], srcs[i][b]);
		}
		if (p)
			p[b] = pv;
		if (q)
			q[b] = qv;
	}
}

#endif
