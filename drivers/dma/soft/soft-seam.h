/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The seam between the software engine's driver logic (soft-dma.c, the
 * same source in dmakit and in the Linux module) and the place it runs:
 * soft-seam-host.c in dmakit, soft-seam-kernel.c in the kernel.  Only
 * what differs lives behind it: how a bus address becomes a pointer the
 * CPU can use, the copy and fill kernels, worker placement, defaults,
 * and who creates the engine's device.
 */
#ifndef SOFT_SEAM_H
#define SOFT_SEAM_H

#include <linux/dmaengine.h>

/* The platform device (and driver) name of the engine. */
#define SOFT_DMA_NAME		"dmakit-soft-dma"

struct device;
struct task_struct;

/* CPU pointer for [@addr, @addr + @len) on @dev's bus, or NULL. */
void *soft_seam_map(struct device *dev, dma_addr_t addr, size_t len);
/*
 * Copy or fill @len bytes, part of a transfer of @total bytes: the host
 * picks its kernel by @total (non-temporal stores for large transfers).
 * Every store is visible to the CPU that observes the completion.
 */
void soft_seam_copy(void *dst, const void *src, size_t len, size_t total);
void soft_seam_fill(void *dst, int value, size_t len, size_t total);
/*
 * XOR and RAID-6 P/Q kernels (DMA_XOR, DMA_XOR_VAL, DMA_PQ, DMA_PQ_VAL)
 * on CPU pointers to the same byte range of every block.  GF(2^8) is
 * the kernel's lib/raid6 field (polynomial 0x11d).  A destination may be
 * the very same block as a source (async_tx does this: the XOR dest is
 * src[0], the Q of async_mult is its source) but must not otherwise
 * overlap one.
 */
/* @dst = srcs[0] ^ ... ^ srcs[src_cnt - 1]; srcs[] may be reordered. */
void soft_seam_xor(void *dst, void **srcs, unsigned int src_cnt, size_t len);
/* True if srcs[0] ^ ... ^ srcs[src_cnt - 1] is all zero bytes. */
bool soft_seam_xor_zero(void **srcs, unsigned int src_cnt, size_t len);
/*
 * @p = XOR of srcs, @q = XOR of coefs[i] * srcs[i]; a NULL @p or @q is
 * not computed (DMA_PREP_PQ_DISABLE_P/Q).  With @cont
 * (DMA_PREP_CONTINUE) the old P and Q are inputs too: P ^= ..., Q ^= ...
 */
void soft_seam_pq(void *p, void *q, void **srcs, const u8 *coefs,
		  unsigned int src_cnt, size_t len, bool cont);
/*
 * Check @p and/or @q (NULL: not checked) against the syndromes of srcs:
 * SUM_CHECK_P_RESULT / SUM_CHECK_Q_RESULT set for each that differs.
 */
enum sum_check_flags soft_seam_pq_val(const void *p, const void *q,
				      void **srcs, const u8 *coefs,
				      unsigned int src_cnt, size_t len);
/*
 * Whether the engine offers XOR/PQ by default (module parameter raid).
 * A device with DMA_XOR/DMA_PQ gets xor and pq threads from dmatest on
 * every channel, and polled dmatest cannot pass with more than one thread
 * per channel (each polled iteration terminates the channel).
 */
bool soft_seam_raid_default(void);
/* Channel and worker counts when neither parameters nor firmware say. */
void soft_seam_defaults(unsigned int *nr_channels, unsigned int *nr_workers);
/* Place worker @index of @nr; may do nothing. */
void soft_seam_place_worker(struct task_struct *t, unsigned int index,
			    unsigned int nr);
/* Create the engine's platform device where no firmware describes it. */
int soft_seam_register_device(void);
void soft_seam_unregister_device(void);

#endif
