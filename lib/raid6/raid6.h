/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * lib/raid6/raid6.h - helpers shared by the RAID-6 implementations.
 */
#ifndef _LIB_RAID6_RAID6_H
#define _LIB_RAID6_RAID6_H

#include <string.h>
#include <linux/raid/pq.h>

#if defined(__x86_64__) || defined(__i386__)
#define RAID6_X86	1
#define __avx2		__attribute__((target("avx2")))
#define __avx2_inline	static inline __attribute__((always_inline, target("avx2")))
#else
#define RAID6_X86	0
#endif

/* Multiply one byte by {02} */
static inline u8 raid6_mul2(u8 v)
{
	return (u8)((v << 1) ^ ((v & 0x80) ? 0x1d : 0));
}

static inline size_t raid6_min(size_t a, size_t b)
{
	return a < b ? a : b;
}

/* Portable syndrome routines on bytes [off, off + bytes) of every block */
void raid6_int_gen_range(int disks, size_t off, size_t bytes, void **ptrs);
void raid6_int_xor_range(int disks, int start, int stop, size_t off,
			 size_t bytes, void **ptrs);

/* Portable coefficient P/Q (see struct raid6_coef_calls) */
void raid6_int_gen_pq_coef(int src_cnt, size_t off, size_t len, u8 **srcs,
			   const u8 *coefs, u8 *p, u8 *q, bool do_p,
			   bool do_q, bool continue_pq);

/*
 * Recovery: compute the partial syndrome of bytes [off, off + len) with
 * the failed data blocks @faila and @failb read as zero (failb < 0 for
 * a single failure), storing the partial P in @dp (unless NULL, in which
 * case P is written in place) and the partial Q in @dq.
 */
void raid6_recov_syndrome(int disks, size_t off, size_t len, void **ptrs,
			  int faila, int failb, u8 *dp, u8 *dq);

/* Byte-at-a-time combine steps of the two recovery cases */
static inline void raid6_2data_bytes(size_t len, const u8 *p, const u8 *q,
				     u8 *dp, u8 *dq, const u8 *pbmul,
				     const u8 *qmul)
{
	size_t i;
	u8 px, db;

	for (i = 0; i < len; i++) {
		px = p[i] ^ dp[i];
		db = pbmul[px] ^ qmul[q[i] ^ dq[i]];
		dq[i] = db;		/* reconstructed B */
		dp[i] = db ^ px;	/* reconstructed A */
	}
}

static inline void raid6_datap_bytes(size_t len, u8 *p, const u8 *q,
				     u8 *dq, const u8 *qmul)
{
	size_t i;

	for (i = 0; i < len; i++) {
		dq[i] = qmul[q[i] ^ dq[i]];
		p[i] ^= dq[i];
	}
}

int raid6_have_avx2(void);

#if RAID6_X86
#include <immintrin.h>

__avx2_inline __m256i raid6_ld32(const u8 *p)
{
	return _mm256_loadu_si256((const __m256i *)p);
}

__avx2_inline void raid6_st32(u8 *p, __m256i v)
{
	_mm256_storeu_si256((__m256i *)p, v);
}

/* Both 128-bit lanes = the 16-byte table at t */
__avx2_inline __m256i raid6_bcast16(const u8 *t)
{
	return _mm256_broadcastsi128_si256(_mm_loadu_si128((const __m128i *)t));
}

/*
 * Multiply every byte of x by the constant c whose raid6_vgfmul[c]
 * nibble tables are lo (c * n) and hi (c * (n << 4)), n = 0..15.
 */
__avx2_inline __m256i raid6_vgfmul32(__m256i lo, __m256i hi, __m256i x)
{
	const __m256i x0f = _mm256_set1_epi8(0x0f);
	__m256i xl = _mm256_and_si256(x, x0f);
	__m256i xh = _mm256_and_si256(_mm256_srli_epi16(x, 4), x0f);

	return _mm256_xor_si256(_mm256_shuffle_epi8(lo, xl),
				_mm256_shuffle_epi8(hi, xh));
}
#endif /* RAID6_X86 */

#endif /* _LIB_RAID6_RAID6_H */
