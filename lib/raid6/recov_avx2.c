// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * lib/raid6/recov_avx2.c - RAID-6 two-failure recovery with AVX2.
 *
 * Same algebra as recov.c; the two constant multiplications are done 32
 * bytes at a time with vpshufb on the raid6_vgfmul nibble tables.
 */
#include "raid6.h"

#if RAID6_X86

static __avx2 void raid6_2data_recov_avx2(int disks, size_t bytes, int faila,
					  int failb, void **ptrs)
{
	u8 *p = ptrs[disks - 2], *q = ptrs[disks - 1], *dp, *dq;
	__m256i plo, phi, qlo, qhi, px, db;
	u8 pc, qc;
	size_t off, len, i;

	if (faila > failb) {
		int t = faila;

		faila = failb;
		failb = t;
	}
	dp = ptrs[faila];
	dq = ptrs[failb];
	pc = raid6_gfexi[failb - faila];
	qc = raid6_gfinv[raid6_gfexp[faila] ^ raid6_gfexp[failb]];
	plo = raid6_bcast16(raid6_vgfmul[pc]);
	phi = raid6_bcast16(raid6_vgfmul[pc] + 16);
	qlo = raid6_bcast16(raid6_vgfmul[qc]);
	qhi = raid6_bcast16(raid6_vgfmul[qc] + 16);

	for (off = 0; off < bytes; off += len) {
		len = raid6_min(bytes - off, RAID6_ZERO_PAGE_SIZE);
		raid6_recov_syndrome(disks, off, len, ptrs, faila, failb,
				     dp + off, dq + off);
		for (i = off; off + len - i >= 32; i += 32) {
			px = _mm256_xor_si256(raid6_ld32(p + i),
					      raid6_ld32(dp + i));
			db = _mm256_xor_si256(raid6_ld32(q + i),
					      raid6_ld32(dq + i));
			db = _mm256_xor_si256(raid6_vgfmul32(qlo, qhi, db),
					      raid6_vgfmul32(plo, phi, px));
			raid6_st32(dq + i, db);
			raid6_st32(dp + i, _mm256_xor_si256(db, px));
		}
		raid6_2data_bytes(off + len - i, p + i, q + i, dp + i, dq + i,
				  raid6_gfmul[pc], raid6_gfmul[qc]);
	}
}

static __avx2 void raid6_datap_recov_avx2(int disks, size_t bytes, int faila,
					  void **ptrs)
{
	u8 *p = ptrs[disks - 2], *q = ptrs[disks - 1], *dq = ptrs[faila];
	u8 qc = raid6_gfinv[raid6_gfexp[faila]];
	__m256i qlo, qhi, v;
	size_t off, len, i;

	qlo = raid6_bcast16(raid6_vgfmul[qc]);
	qhi = raid6_bcast16(raid6_vgfmul[qc] + 16);

	for (off = 0; off < bytes; off += len) {
		len = raid6_min(bytes - off, RAID6_ZERO_PAGE_SIZE);
		raid6_recov_syndrome(disks, off, len, ptrs, faila, -1, NULL,
				     dq + off);
		for (i = off; off + len - i >= 32; i += 32) {
			v = _mm256_xor_si256(raid6_ld32(q + i),
					     raid6_ld32(dq + i));
			v = raid6_vgfmul32(qlo, qhi, v);
			raid6_st32(dq + i, v);
			raid6_st32(p + i, _mm256_xor_si256(raid6_ld32(p + i), v));
		}
		raid6_datap_bytes(off + len - i, p + i, q + i, dq + i,
				  raid6_gfmul[qc]);
	}
}

const struct raid6_recov_calls raid6_recov_avx2 = {
	.data2		= raid6_2data_recov_avx2,
	.datap		= raid6_datap_recov_avx2,
	.valid		= raid6_have_avx2,
	.name		= "avx2",
	.priority	= 2,
};

#endif /* RAID6_X86 */
