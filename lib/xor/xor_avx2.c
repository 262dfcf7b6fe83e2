// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * lib/xor/xor_avx2.c - block XOR with AVX2.
 *
 * Four ymm accumulators (128 bytes) per pass, then single ymm words; the
 * tail under 32 bytes is left to the portable code.  Functions carry
 * target("avx2") and are only reached when the CPU has AVX2.
 */
#include "xor_int.h"

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>

#define __avx2_inline	static inline __attribute__((always_inline, target("avx2")))
#define __avx2		__attribute__((target("avx2")))

__avx2_inline __m256i ld(const void *p, size_t i)
{
	return _mm256_loadu_si256((const __m256i *)((const u8 *)p + i));
}

__avx2_inline void st(void *p, size_t i, __m256i v)
{
	_mm256_storeu_si256((__m256i *)((u8 *)p + i), v);
}

__avx2_inline __m256i xor_ymm(const void *d, const void *const *s, size_t i,
			      const int n)
{
	__m256i v = _mm256_xor_si256(ld(d, i), ld(s[0], i));

	if (n >= 2)
		v = _mm256_xor_si256(v, ld(s[1], i));
	if (n >= 3)
		v = _mm256_xor_si256(v, ld(s[2], i));
	if (n >= 4)
		v = _mm256_xor_si256(v, ld(s[3], i));
	return v;
}

__avx2_inline void xor_avx2(unsigned long bytes, void *d,
			    const void *const *s, const int n)
{
	__m256i v0, v1, v2, v3;
	const void *t[4];
	size_t i = 0;
	int k;

	for (; bytes - i >= 128; i += 128) {
		v0 = xor_ymm(d, s, i, n);
		v1 = xor_ymm(d, s, i + 32, n);
		v2 = xor_ymm(d, s, i + 64, n);
		v3 = xor_ymm(d, s, i + 96, n);
		st(d, i, v0);
		st(d, i + 32, v1);
		st(d, i + 64, v2);
		st(d, i + 96, v3);
	}
	for (; bytes - i >= 32; i += 32)
		st(d, i, xor_ymm(d, s, i, n));
	if (i < bytes) {
		for (k = 0; k < n; k++)
			t[k] = (const u8 *)s[k] + i;
		xor_8regs_n(bytes - i, (u8 *)d + i, t, n);
	}
}

static __avx2 void xor_avx2_2(unsigned long bytes,
			      unsigned long * __restrict p1,
			      const unsigned long * __restrict p2)
{
	const void *s[1] = { p2 };

	xor_avx2(bytes, p1, s, 1);
}

static __avx2 void xor_avx2_3(unsigned long bytes,
			      unsigned long * __restrict p1,
			      const unsigned long * __restrict p2,
			      const unsigned long * __restrict p3)
{
	const void *s[2] = { p2, p3 };

	xor_avx2(bytes, p1, s, 2);
}

static __avx2 void xor_avx2_4(unsigned long bytes,
			      unsigned long * __restrict p1,
			      const unsigned long * __restrict p2,
			      const unsigned long * __restrict p3,
			      const unsigned long * __restrict p4)
{
	const void *s[3] = { p2, p3, p4 };

	xor_avx2(bytes, p1, s, 3);
}

static __avx2 void xor_avx2_5(unsigned long bytes,
			      unsigned long * __restrict p1,
			      const unsigned long * __restrict p2,
			      const unsigned long * __restrict p3,
			      const unsigned long * __restrict p4,
			      const unsigned long * __restrict p5)
{
	const void *s[4] = { p2, p3, p4, p5 };

	xor_avx2(bytes, p1, s, 4);
}

struct xor_block_template xor_block_avx2 = {
	.name = "avx2",
	.do_2 = xor_avx2_2,
	.do_3 = xor_avx2_3,
	.do_4 = xor_avx2_4,
	.do_5 = xor_avx2_5,
};

#endif /* x86 */
