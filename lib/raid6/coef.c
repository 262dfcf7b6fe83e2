// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * lib/raid6/coef.c - byte-granular P/Q with arbitrary coefficients.
 *
 * What a DMA engine's DMA_PQ operation computes: P is the XOR of the
 * sources and Q is the GF(2^8) sum of coefs[i] * srcs[i].  The portable
 * version works through the blocks in chunks that stay in L1, adding one
 * source at a time: P by words, Q by a lookup in raid6_gfmul[coef].
 */
#include "raid6.h"

#define COEF_CHUNK	2048	/* bytes of P and Q kept hot at a time */
#define VAL_CHUNK	1024	/* scratch bytes per syndrome in the checker */

static void xor_into(u8 *d, const u8 *s, size_t n)
{
	unsigned long a, b;
	size_t i = 0;

	for (; n - i >= sizeof(a); i += sizeof(a)) {
		memcpy(&a, d + i, sizeof(a));
		memcpy(&b, s + i, sizeof(b));
		a ^= b;
		memcpy(d + i, &a, sizeof(a));
	}
	for (; i < n; i++)
		d[i] ^= s[i];
}

static void gfmul_into(u8 *d, const u8 *s, size_t n, u8 coef)
{
	const u8 *tbl = raid6_gfmul[coef];
	size_t i;

	if (coef == 0)
		return;
	if (coef == 1) {
		xor_into(d, s, n);
		return;
	}
	for (i = 0; i < n; i++)
		d[i] ^= tbl[s[i]];
}

void raid6_int_gen_pq_coef(int src_cnt, size_t off, size_t len, u8 **srcs,
			   const u8 *coefs, u8 *p, u8 *q, bool do_p,
			   bool do_q, bool continue_pq)
{
	size_t c, n;
	int i;

	for (c = 0; c < len; c += n) {
		n = raid6_min(len - c, COEF_CHUNK);
		if (!continue_pq) {
			if (do_p)
				memset(p + c, 0, n);
			if (do_q)
				memset(q + c, 0, n);
		}
		for (i = 0; i < src_cnt; i++) {
			if (do_p)
				xor_into(p + c, srcs[i] + off + c, n);
			if (do_q)
				gfmul_into(q + c, srcs[i] + off + c, n,
					   coefs[i]);
		}
	}
}

const struct raid6_coef_calls raid6_coef_int = {
	.gen_pq		= raid6_int_gen_pq_coef,
	.valid		= NULL,
	.name		= "int",
	.priority	= 0,
};

void raid6_gen_pq_coef(int src_cnt, size_t len, u8 **srcs, const u8 *coefs,
		       u8 *p, u8 *q, bool do_p, bool do_q, bool continue_pq)
{
	if (!len || (!do_p && !do_q))
		return;
	raid6_coef_call.gen_pq(src_cnt, 0, len, srcs, coefs, p, q, do_p, do_q,
			       continue_pq);
}

int raid6_val_pq_coef(int src_cnt, size_t len, u8 **srcs, const u8 *coefs,
		      const u8 *p, const u8 *q, bool do_p, bool do_q)
{
	u8 sp[VAL_CHUNK] __aligned(32), sq[VAL_CHUNK] __aligned(32);
	size_t off, n;
	int res = 0;

	for (off = 0; off < len && (do_p || do_q); off += n) {
		n = raid6_min(len - off, VAL_CHUNK);
		raid6_coef_call.gen_pq(src_cnt, off, n, srcs, coefs, sp, sq,
				       do_p, do_q, false);
		if (do_p && memcmp(sp, p + off, n)) {
			res |= RAID6_VAL_P_BAD;
			do_p = false;
		}
		if (do_q && memcmp(sq, q + off, n)) {
			res |= RAID6_VAL_Q_BAD;
			do_q = false;
		}
	}
	return res;
}
