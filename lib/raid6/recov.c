// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * lib/raid6/recov.c - RAID-6 recovery of two failed blocks, portable.
 *
 * With data blocks a < b lost, compute the syndrome with both read as
 * zero: P' and Q'.  Then Pxy = P ^ P' = Da ^ Db and Qxy = Q ^ Q' =
 * g^a Da ^ g^b Db, which give
 *
 *	Db = (g^(b-a) + 1)^-1 * Pxy ^ (g^a + g^b)^-1 * Qxy,  Da = Pxy ^ Db.
 *
 * With data block a and P lost: Da = (g^a)^-1 * (Q ^ Q'), P = P' ^ Da.
 *
 * The partial syndrome is built in chunks of RAID6_ZERO_PAGE_SIZE bytes
 * on a private copy of the pointer table, using the failed blocks as
 * scratch, so blocks of any length work and @ptrs is never modified.
 */
#include <stdio.h>
#include <stdlib.h>
#include "raid6.h"

void raid6_recov_syndrome(int disks, size_t off, size_t len, void **ptrs,
			  int faila, int failb, u8 *dp, u8 *dq)
{
	void *lp[RAID6_MAX_DISKS];
	int i;

	if (disks < RAID6_MIN_DISKS || disks > RAID6_MAX_DISKS ||
	    len > RAID6_ZERO_PAGE_SIZE) {
		fprintf(stderr, "raid6: recovery of %d disks unsupported\n",
			disks);
		abort();
	}
	for (i = 0; i < disks; i++)
		lp[i] = (u8 *)ptrs[i] + off;
	lp[faila] = (void *)raid6_empty_zero_page;
	if (failb >= 0)
		lp[failb] = (void *)raid6_empty_zero_page;
	if (dp)
		lp[disks - 2] = dp;
	lp[disks - 1] = dq;
	raid6_call.gen_syndrome(disks, len, lp);
}

/* Recover two failed data blocks. */
static void raid6_2data_recov_intx1(int disks, size_t bytes, int faila,
				    int failb, void **ptrs)
{
	u8 *p = ptrs[disks - 2], *q = ptrs[disks - 1], *dp, *dq;
	const u8 *pbmul, *qmul;
	size_t off, len;

	if (faila > failb) {
		int t = faila;

		faila = failb;
		failb = t;
	}
	dp = ptrs[faila];
	dq = ptrs[failb];
	pbmul = raid6_gfmul[raid6_gfexi[failb - faila]];
	qmul = raid6_gfmul[raid6_gfinv[raid6_gfexp[faila] ^
				       raid6_gfexp[failb]]];

	for (off = 0; off < bytes; off += len) {
		len = raid6_min(bytes - off, RAID6_ZERO_PAGE_SIZE);
		raid6_recov_syndrome(disks, off, len, ptrs, faila, failb,
				     dp + off, dq + off);
		raid6_2data_bytes(len, p + off, q + off, dp + off, dq + off,
				  pbmul, qmul);
	}
}

/* Recover failure of one data block plus the P block */
static void raid6_datap_recov_intx1(int disks, size_t bytes, int faila,
				    void **ptrs)
{
	u8 *p = ptrs[disks - 2], *q = ptrs[disks - 1], *dq = ptrs[faila];
	const u8 *qmul = raid6_gfmul[raid6_gfinv[raid6_gfexp[faila]]];
	size_t off, len;

	for (off = 0; off < bytes; off += len) {
		len = raid6_min(bytes - off, RAID6_ZERO_PAGE_SIZE);
		/* P' goes straight into the lost P block */
		raid6_recov_syndrome(disks, off, len, ptrs, faila, -1, NULL,
				     dq + off);
		raid6_datap_bytes(len, p + off, q + off, dq + off, qmul);
	}
}

const struct raid6_recov_calls raid6_recov_intx1 = {
	.data2		= raid6_2data_recov_intx1,
	.datap		= raid6_datap_recov_intx1,
	.valid		= NULL,
	.name		= "intx1",
	.priority	= 0,
};

/* Data block a and Q lost: Da = P ^ P', then Q = Q' ^ g^a Da. */
static void raid6_dataq_recov(int disks, size_t bytes, int faila,
			      void **ptrs)
{
	u8 *p = ptrs[disks - 2], *q = ptrs[disks - 1], *da = ptrs[faila];
	const u8 *qmul = raid6_gfmul[raid6_gfexp[faila]];
	size_t off, len, i;

	for (off = 0; off < bytes; off += len) {
		len = raid6_min(bytes - off, RAID6_ZERO_PAGE_SIZE);
		raid6_recov_syndrome(disks, off, len, ptrs, faila, -1,
				     da + off, q + off);
		for (i = off; i < off + len; i++) {
			da[i] ^= p[i];
			q[i] ^= qmul[da[i]];
		}
	}
}

void raid6_dual_recov(int disks, size_t bytes, int faila, int failb,
		      void **ptrs)
{
	if (faila > failb) {
		int t = faila;

		faila = failb;
		failb = t;
	}

	if (failb == disks - 1) {
		if (faila == disks - 2)
			raid6_call.gen_syndrome(disks, bytes, ptrs);	/* P+Q */
		else
			raid6_dataq_recov(disks, bytes, faila, ptrs);
	} else if (failb == disks - 2) {
		raid6_datap_recov(disks, bytes, faila, ptrs);
	} else {
		raid6_2data_recov(disks, bytes, faila, failb, ptrs);
	}
}
