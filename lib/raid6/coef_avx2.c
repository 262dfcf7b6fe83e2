// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * lib/raid6/coef_avx2.c - coefficient P/Q with AVX2.
 *
 * 64 bytes of P and Q are accumulated in registers across all sources;
 * each source's coefficient multiply is two vpshufb lookups in its
 * raid6_vgfmul nibble tables.  The tail under 64 bytes is portable.
 */
#include "raid6.h"

#if RAID6_X86

__avx2_inline void avx2_pq_coef(int src_cnt, size_t off, size_t len,
				u8 **srcs, const u8 *coefs, u8 *p, u8 *q,
				const bool do_p, const bool do_q,
				bool continue_pq)
{
	__m256i wp0, wp1, wq0, wq1, d0, d1, lo, hi;
	size_t d;
	int i;

	for (d = 0; len - d >= 64; d += 64) {
		wp0 = wp1 = wq0 = wq1 = _mm256_setzero_si256();
		if (continue_pq && do_p) {
			wp0 = raid6_ld32(p + d);
			wp1 = raid6_ld32(p + d + 32);
		}
		if (continue_pq && do_q) {
			wq0 = raid6_ld32(q + d);
			wq1 = raid6_ld32(q + d + 32);
		}
		for (i = 0; i < src_cnt; i++) {
			const u8 *s = srcs[i] + off + d;

			d0 = raid6_ld32(s);
			d1 = raid6_ld32(s + 32);
			if (do_p) {
				wp0 = _mm256_xor_si256(wp0, d0);
				wp1 = _mm256_xor_si256(wp1, d1);
			}
			if (do_q) {
				lo = raid6_bcast16(raid6_vgfmul[coefs[i]]);
				hi = raid6_bcast16(raid6_vgfmul[coefs[i]] + 16);
				wq0 = _mm256_xor_si256(wq0,
						raid6_vgfmul32(lo, hi, d0));
				wq1 = _mm256_xor_si256(wq1,
						raid6_vgfmul32(lo, hi, d1));
			}
		}
		if (do_p) {
			raid6_st32(p + d, wp0);
			raid6_st32(p + d + 32, wp1);
		}
		if (do_q) {
			raid6_st32(q + d, wq0);
			raid6_st32(q + d + 32, wq1);
		}
	}
	if (d < len)
		raid6_int_gen_pq_coef(src_cnt, off + d, len - d, srcs, coefs,
				      do_p ? p + d : NULL, do_q ? q + d : NULL,
				      do_p, do_q, continue_pq);
}

static __avx2 void raid6_avx2_gen_pq_coef(int src_cnt, size_t off,
					  size_t len, u8 **srcs,
					  const u8 *coefs, u8 *p, u8 *q,
					  bool do_p, bool do_q,
					  bool continue_pq)
{
	if (do_p && do_q)
		avx2_pq_coef(src_cnt, off, len, srcs, coefs, p, q, true, true,
			     continue_pq);
	else if (do_p)
		avx2_pq_coef(src_cnt, off, len, srcs, coefs, p, q, true, false,
			     continue_pq);
	else if (do_q)
		avx2_pq_coef(src_cnt, off, len, srcs, coefs, p, q, false, true,
			     continue_pq);
}

const struct raid6_coef_calls raid6_coef_avx2 = {
	.gen_pq		= raid6_avx2_gen_pq_coef,
	.valid		= raid6_have_avx2,
	.name		= "avx2",
	.priority	= 2,
};

#endif /* RAID6_X86 */
