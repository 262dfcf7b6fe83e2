// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * lib/xor/xor_8regs.c - portable block XOR.
 *
 * Eight unsigned long words per pass, each an independent accumulator,
 * loaded with memcpy() so any alignment works; then single words, then
 * single bytes.
 */
#include <string.h>
#include "xor_int.h"

typedef unsigned long ul;
#define W	sizeof(ul)

static inline ul ldw(const void *p, size_t i)
{
	ul v;

	memcpy(&v, (const u8 *)p + i, W);
	return v;
}

static inline void stw(void *p, size_t i, ul v)
{
	memcpy((u8 *)p + i, &v, W);
}

static __always_inline ul xor_word(const void *d, const void *const *s,
				   size_t i, const int n)
{
	ul v = ldw(d, i) ^ ldw(s[0], i);

	if (n >= 2)
		v ^= ldw(s[1], i);
	if (n >= 3)
		v ^= ldw(s[2], i);
	if (n >= 4)
		v ^= ldw(s[3], i);
	return v;
}

static __always_inline void xor_8regs(unsigned long bytes, void *d,
				      const void *const *s, const int n)
{
	const u8 *const *sb = (const u8 *const *)s;
	u8 *db = d;
	size_t i = 0;
	int k;

	for (; bytes - i >= 8 * W; i += 8 * W)
		for (k = 0; k < 8; k++)
			stw(d, i + k * W, xor_word(d, s, i + k * W, n));
	for (; bytes - i >= W; i += W)
		stw(d, i, xor_word(d, s, i, n));
	for (; i < bytes; i++) {
		u8 v = db[i] ^ sb[0][i];

		if (n >= 2)
			v ^= sb[1][i];
		if (n >= 3)
			v ^= sb[2][i];
		if (n >= 4)
			v ^= sb[3][i];
		db[i] = v;
	}
}

void xor_8regs_n(unsigned long bytes, void *d, const void *const *s, int n)
{
	switch (n) {
	case 1:
		xor_8regs(bytes, d, s, 1);
		break;
	case 2:
		xor_8regs(bytes, d, s, 2);
		break;
	case 3:
		xor_8regs(bytes, d, s, 3);
		break;
	default:
		xor_8regs(bytes, d, s, 4);
		break;
	}
}

static void xor_8regs_2(unsigned long bytes, unsigned long * __restrict p1,
			const unsigned long * __restrict p2)
{
	const void *s[1] = { p2 };

	xor_8regs(bytes, p1, s, 1);
}

static void xor_8regs_3(unsigned long bytes, unsigned long * __restrict p1,
			const unsigned long * __restrict p2,
			const unsigned long * __restrict p3)
{
	const void *s[2] = { p2, p3 };

	xor_8regs(bytes, p1, s, 2);
}

static void xor_8regs_4(unsigned long bytes, unsigned long * __restrict p1,
			const unsigned long * __restrict p2,
			const unsigned long * __restrict p3,
			const unsigned long * __restrict p4)
{
	const void *s[3] = { p2, p3, p4 };

	xor_8regs(bytes, p1, s, 3);
}

static void xor_8regs_5(unsigned long bytes, unsigned long * __restrict p1,
			const unsigned long * __restrict p2,
			const unsigned long * __restrict p3,
			const unsigned long * __restrict p4,
			const unsigned long * __restrict p5)
{
	const void *s[4] = { p2, p3, p4, p5 };

	xor_8regs(bytes, p1, s, 4);
}

struct xor_block_template xor_block_8regs = {
	.name = "8regs",
	.do_2 = xor_8regs_2,
	.do_3 = xor_8regs_3,
	.do_4 = xor_8regs_4,
	.do_5 = xor_8regs_5,
};
