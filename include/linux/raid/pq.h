/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * linux/raid/pq.h - RAID-6 P/Q syndrome generation and recovery.
 *
 * GF(2^8) with the polynomial x^8 + x^4 + x^3 + x^2 + 1 (0x11d) and the
 * generator {02}, exactly as the kernel's lib/raid6.  For a stripe of
 * n data blocks D_0 .. D_{n-1}:
 *
 *	P = D_0 ^ D_1 ^ ... ^ D_{n-1}
 *	Q = g^0 * D_0 ^ g^1 * D_1 ^ ... ^ g^{n-1} * D_{n-1}
 *
 * Pointer arrays follow the kernel layout: ptrs[0 .. disks-3] are the data
 * blocks, ptrs[disks-2] is P and ptrs[disks-1] is Q.
 *
 * Every routine is reentrant and may run on many threads at once; only
 * changing the selection (raid6_select_algo() or assigning raid6_call)
 * must not race with operations.
 *
 * Differences from the kernel (see docs/differences.md):
 *  - every routine accepts any byte count and any pointer alignment (the
 *    kernel's vector code wants multiples of its vector stride); the bulk
 *    runs vectorised and the tail byte at a time;
 *  - algorithms are ranked by priority instead of being timed at boot;
 *    setting DMAKIT_NO_AVX2=1 in the environment makes the AVX2 code
 *    report itself unusable (here and in <linux/raid/xor.h>), to run the
 *    portable fallback on an AVX2 machine;
 *  - dmakit adds byte-granular "coefficient" entry points (raid6_gen_pq_coef
 *    and raid6_val_pq_coef) that compute what a DMA engine's
 *    device_prep_dma_pq / device_prep_dma_pq_val with a scf[] array computes.
 */
#ifndef LINUX_RAID_RAID6_H
#define LINUX_RAID_RAID6_H

#include <dmakit/types.h>

#define RAID6_MIN_DISKS		4
/* Largest stripe (data + P + Q) the recovery routines accept. */
#define RAID6_MAX_DISKS		256

/* Size of raid6_empty_zero_page; the kernel uses PAGE_SIZE. */
#define RAID6_ZERO_PAGE_SIZE	4096

extern const char raid6_empty_zero_page[RAID6_ZERO_PAGE_SIZE];

/* Routine choices */
struct raid6_calls {
	void (*gen_syndrome)(int disks, size_t bytes, void **ptrs);
	void (*xor_syndrome)(int disks, int start, int stop, size_t bytes,
			     void **ptrs);
	int (*valid)(void);	/* Returns 1 if this routine set is usable */
	const char *name;	/* Name of this routine set */
	int priority;		/* Relative priority ranking if non-zero */
};

/* Selected algorithm */
extern struct raid6_calls raid6_call;

/* Algorithms: portable integer (unsigned long, unrolled 1/2/4 times) */
extern const struct raid6_calls raid6_intx1;
extern const struct raid6_calls raid6_intx2;
extern const struct raid6_calls raid6_intx4;
/* Algorithms: x86 AVX2 (one, two or four ymm registers per pass) */
extern const struct raid6_calls raid6_avx2x1;
extern const struct raid6_calls raid6_avx2x2;
extern const struct raid6_calls raid6_avx2x4;

struct raid6_recov_calls {
	void (*data2)(int disks, size_t bytes, int faila, int failb,
		      void **ptrs);
	void (*datap)(int disks, size_t bytes, int faila, void **ptrs);
	int (*valid)(void);
	const char *name;
	int priority;
};

extern const struct raid6_recov_calls raid6_recov_intx1;
extern const struct raid6_recov_calls raid6_recov_avx2;

/* NULL-terminated lists of every compiled-in algorithm, best first */
extern const struct raid6_calls * const raid6_algos[];
extern const struct raid6_recov_calls *const raid6_recov_algos[];

/**
 * raid6_select_algo() - choose the best usable algorithms
 *
 * Sets raid6_call, raid6_2data_recov, raid6_datap_recov and
 * raid6_coef_call to the valid implementation of highest priority (the
 * first listed wins a tie).  Runs automatically when the program is
 * loaded; may be called again at any time when no RAID-6 operation is in
 * flight (e.g. to undo a test's override of raid6_call).
 *
 * Return: 0, or -EINVAL if no usable algorithm exists.
 */
int raid6_select_algo(void);

/* Galois field tables (identical to the kernel's mktables output) */
extern const u8 raid6_gfmul[256][256] __attribute__((aligned(256)));
extern const u8 raid6_vgfmul[256][32] __attribute__((aligned(256)));
extern const u8 raid6_gfexp[256]      __attribute__((aligned(256)));
extern const u8 raid6_gflog[256]      __attribute__((aligned(256)));
extern const u8 raid6_gfinv[256]      __attribute__((aligned(256)));
extern const u8 raid6_gfexi[256]      __attribute__((aligned(256)));

/*
 * Recovery routines.  faila < failb are data block indices (the order is
 * fixed up if swapped); on return the failed blocks hold their
 * reconstructed contents.  disks may not exceed RAID6_MAX_DISKS.
 */
extern void (*raid6_2data_recov)(int disks, size_t bytes, int faila,
				 int failb, void **ptrs);
extern void (*raid6_datap_recov)(int disks, size_t bytes, int faila,
				 void **ptrs);

/**
 * raid6_dual_recov() - recover any two failed blocks of a stripe
 * @disks: number of blocks including P and Q
 * @bytes: length of each block
 * @faila: index of one failed block (0 .. disks-1)
 * @failb: index of the other failed block (!= @faila)
 * @ptrs:  the stripe, kernel layout
 *
 * Handles data+data, data+P, data+Q and P+Q failures.
 */
void raid6_dual_recov(int disks, size_t bytes, int faila, int failb,
		      void **ptrs);

/*
 * Convenience wrappers under the names newer kernels export.
 */
static inline void raid6_gen_syndrome(int disks, size_t bytes, void **ptrs)
{
	raid6_call.gen_syndrome(disks, bytes, ptrs);
}

static inline void raid6_xor_syndrome(int disks, int start, int stop,
				      size_t bytes, void **ptrs)
{
	raid6_call.xor_syndrome(disks, start, stop, bytes, ptrs);
}

static inline bool raid6_can_xor_syndrome(void)
{
	return raid6_call.xor_syndrome != NULL;
}

static inline void raid6_recov_2data(int disks, size_t bytes, int faila,
				     int failb, void **ptrs)
{
	raid6_2data_recov(disks, bytes, faila, failb, ptrs);
}

static inline void raid6_recov_datap(int disks, size_t bytes, int faila,
				     void **ptrs)
{
	raid6_datap_recov(disks, bytes, faila, ptrs);
}

/*
 * dmakit: byte-granular P/Q with arbitrary coefficients, for the software
 * DMA engine (DMA_PQ / DMA_PQ_VAL) and the async_tx synchronous paths.
 */

/* Bits returned by raid6_val_pq_coef(); equal to SUM_CHECK_{P,Q}_RESULT */
#define RAID6_VAL_P_BAD		(1 << 0)
#define RAID6_VAL_Q_BAD		(1 << 1)

/**
 * struct raid6_coef_calls - one implementation of the coefficient P/Q
 * @gen_pq: as raid6_gen_pq_coef(), except that sources are read from
 *	    srcs[i] + @off while @p and @q are written from their start
 * @valid:  returns 1 if usable on this CPU (NULL: always)
 * @name:   implementation name
 * @priority: ranking used by raid6_select_algo()
 */
struct raid6_coef_calls {
	void (*gen_pq)(int src_cnt, size_t off, size_t len, u8 **srcs,
		       const u8 *coefs, u8 *p, u8 *q, bool do_p, bool do_q,
		       bool continue_pq);
	int (*valid)(void);
	const char *name;
	int priority;
};

extern const struct raid6_coef_calls raid6_coef_int;
extern const struct raid6_coef_calls raid6_coef_avx2;
extern const struct raid6_coef_calls *const raid6_coef_algos[];
/* Selected implementation, set by raid6_select_algo() */
extern struct raid6_coef_calls raid6_coef_call;

/**
 * raid6_gen_pq_coef() - compute P and/or Q with explicit coefficients
 * @src_cnt: number of sources (>= 0, no upper limit)
 * @len:     bytes per block, any value (0 does nothing)
 * @srcs:    source blocks, any alignment
 * @coefs:   one GF(2^8) coefficient per source (the DMA engine's scf[])
 * @p:       P destination (unused if !@do_p)
 * @q:       Q destination (unused if !@do_q)
 * @do_p:    compute P = srcs[0] ^ ... ^ srcs[src_cnt-1]
 * @do_q:    compute Q = coefs[0]*srcs[0] ^ ... ^ coefs[n-1]*srcs[n-1]
 * @continue_pq: accumulate: P ^= ..., Q ^= ... (old P/Q are inputs)
 *
 * With coefs[i] = raid6_gfexp[i] this is the RAID-6 syndrome.  @p and
 * @q must not overlap any source or each other.  Uses raid6_coef_call.
 */
void raid6_gen_pq_coef(int src_cnt, size_t len, u8 **srcs, const u8 *coefs,
		       u8 *p, u8 *q, bool do_p, bool do_q, bool continue_pq);

/**
 * raid6_val_pq_coef() - check P and/or Q without writing anything
 * @src_cnt, @len, @srcs, @coefs: as raid6_gen_pq_coef()
 * @p:    expected P (ignored if !@do_p)
 * @q:    expected Q (ignored if !@do_q)
 * @do_p: check P
 * @do_q: check Q
 *
 * Return: 0 if all checked syndromes match, else RAID6_VAL_P_BAD and/or
 * RAID6_VAL_Q_BAD (the same bits as SUM_CHECK_P_RESULT/SUM_CHECK_Q_RESULT).
 */
int raid6_val_pq_coef(int src_cnt, size_t len, u8 **srcs, const u8 *coefs,
		      const u8 *p, const u8 *q, bool do_p, bool do_q);

#endif /* LINUX_RAID_RAID6_H */
