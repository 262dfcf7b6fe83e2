// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * lib/raid6/avx2.c - AVX2 RAID-6 syndrome routines.
 *
 * 32 bytes per ymm register; one, two or four registers per pass.  Every
 * byte is multiplied by {02} with add (shift left), a signed compare
 * against zero to find the bytes whose top bit was set, and an xor of
 * 0x1d into those.  Compiled with target("avx2") per function, chosen at
 * run time only if the CPU has AVX2; the tail shorter than a pass is left
 * to the portable code.
 */
#include "raid6.h"

#if RAID6_X86

#define ld32	raid6_ld32
#define st32	raid6_st32

/* Every byte of v times {02} */
__avx2_inline __m256i vmul2(__m256i v)
{
	__m256i hi = _mm256_cmpgt_epi8(_mm256_setzero_si256(), v);

	hi = _mm256_and_si256(hi, _mm256_set1_epi8(0x1d));
	return _mm256_xor_si256(_mm256_add_epi8(v, v), hi);
}

__avx2_inline void avx2_gen(int disks, size_t bytes, void **ptrs,
			    const int nv)
{
	u8 **dptr = (u8 **)ptrs;
	int z0 = disks - 3, z, i;
	u8 *p = dptr[z0 + 1], *q = dptr[z0 + 2];
	__m256i wp[4], wq[4], wd;
	size_t d;

	for (d = 0; bytes - d >= nv * 32u; d += nv * 32u) {
		_Pragma("GCC unroll 4")
		for (i = 0; i < nv; i++)
			wp[i] = wq[i] = ld32(dptr[z0] + d + 32 * i);
		for (z = z0 - 1; z >= 0; z--) {
			_Pragma("GCC unroll 4")
			for (i = 0; i < nv; i++) {
				wd = ld32(dptr[z] + d + 32 * i);
				wp[i] = _mm256_xor_si256(wp[i], wd);
				wq[i] = _mm256_xor_si256(vmul2(wq[i]), wd);
			}
		}
		_Pragma("GCC unroll 4")
		for (i = 0; i < nv; i++) {
			st32(p + d + 32 * i, wp[i]);
			st32(q + d + 32 * i, wq[i]);
		}
	}
	if (d < bytes)
		raid6_int_gen_range(disks, d, bytes - d, ptrs);
}

__avx2_inline void avx2_xor(int disks, int start, int stop, size_t bytes,
			    void **ptrs, const int nv)
{
	u8 **dptr = (u8 **)ptrs;
	u8 *p = dptr[disks - 2], *q = dptr[disks - 1];
	__m256i wp[4], wq[4], wd;
	int z, i;
	size_t d;

	for (d = 0; bytes - d >= nv * 32u; d += nv * 32u) {
		_Pragma("GCC unroll 4")
		for (i = 0; i < nv; i++)
			wp[i] = wq[i] = ld32(dptr[stop] + d + 32 * i);
		for (z = stop - 1; z >= start; z--) {
			_Pragma("GCC unroll 4")
			for (i = 0; i < nv; i++) {
				wd = ld32(dptr[z] + d + 32 * i);
				wp[i] = _mm256_xor_si256(wp[i], wd);
				wq[i] = _mm256_xor_si256(vmul2(wq[i]), wd);
			}
		}
		for (z = start - 1; z >= 0; z--)
			_Pragma("GCC unroll 4")
			for (i = 0; i < nv; i++)
				wq[i] = vmul2(wq[i]);
		_Pragma("GCC unroll 4")
		for (i = 0; i < nv; i++) {
			u8 *pp = p + d + 32 * i, *qq = q + d + 32 * i;

			st32(pp, _mm256_xor_si256(ld32(pp), wp[i]));
			st32(qq, _mm256_xor_si256(ld32(qq), wq[i]));
		}
	}
	if (d < bytes)
		raid6_int_xor_range(disks, start, stop, d, bytes - d, ptrs);
}

#define RAID6_AVX2(n)							\
static __avx2 void raid6_avx2##n##_gen_syndrome(int disks, size_t bytes,\
						void **ptrs)		\
{									\
	avx2_gen(disks, bytes, ptrs, n);				\
}									\
static __avx2 void raid6_avx2##n##_xor_syndrome(int disks, int start,	\
						int stop, size_t bytes,	\
						void **ptrs)		\
{									\
	avx2_xor(disks, start, stop, bytes, ptrs, n);			\
}									\
const struct raid6_calls raid6_avx2x##n = {				\
	.gen_syndrome	= raid6_avx2##n##_gen_syndrome,			\
	.xor_syndrome	= raid6_avx2##n##_xor_syndrome,			\
	.valid		= raid6_have_avx2,				\
	.name		= "avx2x" #n,					\
	.priority	= 2,	/* prefer AVX2 over the integer code */	\
}

RAID6_AVX2(1);
RAID6_AVX2(2);
RAID6_AVX2(4);

#endif /* RAID6_X86 */
