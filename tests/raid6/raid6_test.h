/* SPDX-License-Identifier: GPL-2.0 */
/*
 * tests/raid6/raid6_test.h - helpers for the RAID-6 / XOR tests.
 *
 * The reference arithmetic here is written independently of lib/raid6:
 * GF(2^8) multiplication by shift-and-xor with the polynomial 0x11d.
 */
#ifndef _TESTS_RAID6_TEST_H
#define _TESTS_RAID6_TEST_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/raid/pq.h>

#define EXIT_SKIP	77
#define MAX_FAILURES	20

static int failures;

#define CHECK(cond, ...)						\
do {									\
	if (!(cond)) {							\
		fprintf(stderr, "FAIL %s:%d: ", __FILE__, __LINE__);	\
		fprintf(stderr, __VA_ARGS__);				\
		fputc('\n', stderr);					\
		if (++failures >= MAX_FAILURES) {			\
			fprintf(stderr, "too many failures\n");		\
			exit(1);					\
		}							\
	}								\
} while (0)

static inline int test_result(const char *name)
{
	if (failures) {
		fprintf(stderr, "%s: %d failure(s)\n", name, failures);
		return 1;
	}
	printf("%s: PASS\n", name);
	return 0;
}

/* xorshift64* - deterministic so failures reproduce */
static u64 rng_state = 0x9e3779b97f4a7c15ULL;

static inline u64 rnd(void)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * 0x2545f4914f6cdd1dULL;
}

static inline unsigned int rnd_below(unsigned int n)
{
	return (unsigned int)(rnd() % n);
}

static inline void fill_random(u8 *b, size_t n)
{
	size_t i = 0;
	u64 v;

	for (; n - i >= 8; i += 8) {
		v = rnd();
		memcpy(b + i, &v, 8);
	}
	for (v = rnd(); i < n; i++, v >>= 8)
		b[i] = (u8)v;
}

/* Reference GF(2^8) arithmetic, poly 0x11d */
static inline u8 ref_mul2(u8 a)
{
	return (u8)((a << 1) ^ ((a & 0x80) ? 0x1d : 0));
}

static inline u8 ref_gfmul(u8 a, u8 b)
{
	u8 r = 0;

	while (b) {
		if (b & 1)
			r ^= a;
		a = ref_mul2(a);
		b >>= 1;
	}
	return r;
}

static inline u8 ref_gfpow2(int n)	/* {02}^n */
{
	u8 r = 1;

	while (n-- > 0)
		r = ref_mul2(r);
	return r;
}

/*
 * Test buffers: each block is placed at a chosen misalignment inside its
 * own allocation and followed by a canary, so overruns are caught with
 * or without AddressSanitizer.
 */
#define CANARY_LEN	32
#define CANARY_BYTE	0xa5

struct tbuf {
	u8 *base;
	u8 *p;
	size_t len;
};

static inline void tbuf_alloc(struct tbuf *b, size_t len, unsigned int mis)
{
	b->base = malloc(mis + len + CANARY_LEN);
	if (!b->base) {
		perror("malloc");
		exit(1);
	}
	b->p = b->base + mis;
	b->len = len;
	memset(b->base, CANARY_BYTE, mis);
	memset(b->p + len, CANARY_BYTE, CANARY_LEN);
}

static inline bool tbuf_canary_ok(const struct tbuf *b)
{
	const u8 *c = b->p + b->len;
	size_t i;

	for (i = 0; i < CANARY_LEN; i++)
		if (c[i] != CANARY_BYTE)
			return false;
	for (c = b->base; c < b->p; c++)
		if (*c != CANARY_BYTE)
			return false;
	return true;
}

static inline void tbuf_free(struct tbuf *b)
{
	free(b->base);
	b->base = b->p = NULL;
}

/* Index of the first differing byte, or -1 */
static inline long first_diff(const u8 *a, const u8 *b, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (a[i] != b[i])
			return (long)i;
	return -1;
}

/*
 * Reference syndrome, byte at a time: P = xor, Q by Horner's rule from
 * the highest data block with ref_mul2.
 */
static inline void ref_syndrome(int ndata, size_t len, u8 *const *data,
				u8 *p, u8 *q)
{
	size_t j;
	int z;
	u8 wp, wq;

	for (j = 0; j < len; j++) {
		wp = wq = 0;
		for (z = ndata - 1; z >= 0; z--) {
			wp ^= data[z][j];
			wq = ref_mul2(wq) ^ data[z][j];
		}
		p[j] = wp;
		q[j] = wq;
	}
}

static inline bool algo_valid(int (*valid)(void))
{
	return !valid || valid();
}

#endif /* _TESTS_RAID6_TEST_H */
