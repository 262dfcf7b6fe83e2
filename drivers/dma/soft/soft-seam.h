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
/* Channel and worker counts when neither parameters nor firmware say. */
void soft_seam_defaults(unsigned int *nr_channels, unsigned int *nr_workers);
/* Place worker @index of @nr; may do nothing. */
void soft_seam_place_worker(struct task_struct *t, unsigned int index,
			    unsigned int nr);
/* Create the engine's platform device where no firmware describes it. */
int soft_seam_register_device(void);
void soft_seam_unregister_device(void);

#ifndef __KERNEL__
/* dmakit only, for tests: the non-temporal kernels, NULL without AVX2. */
void (*dmakit_soft_nt_copy(void))(void *dst, const void *src, size_t len);
void (*dmakit_soft_nt_fill(void))(void *dst, int value, size_t len);
#endif

#endif
