/* SPDX-License-Identifier: GPL-2.0 */
/*
 * dmakit/fault.h - fault injection (host API).
 *
 * Like the kernel's failslab/fail_page_alloc: make the Nth allocation of
 * a kind fail, or every one with a given probability, optionally only
 * for non-sleeping (GFP_NOWAIT/GFP_ATOMIC) requests.
 */
#ifndef _DMAKIT_FAULT_H
#define _DMAKIT_FAULT_H

#include <dmakit/types.h>

enum dmakit_fault_kind {
	DMAKIT_FAULT_KMALLOC,	/* kmalloc, kmem_cache_alloc, pages */
	DMAKIT_FAULT_NR,
};

struct dmakit_fault_attr {
	unsigned long fail_nth;		/* fail the Nth call from now (1 = next); 0 = off */
	unsigned int probability;	/* percent, 0 = off */
	unsigned long times;		/* stop after this many failures; 0 = unlimited */
	bool ignore_gfp_wait;		/* only fail allocations that cannot sleep */
};

void dmakit_fault_set(enum dmakit_fault_kind kind,
		      const struct dmakit_fault_attr *attr);
void dmakit_fault_clear(enum dmakit_fault_kind kind);
unsigned long dmakit_fault_injected(enum dmakit_fault_kind kind);
bool dmakit_should_fail(enum dmakit_fault_kind kind, gfp_t gfp);

/*
 * Engine faults are module parameters of the engine drivers, set at run
 * time by "module.param" (0 turns one off).  The software engine has:
 *
 *   dmakit_soft.fault_read_every=N   every Nth descriptor ends with a source
 *                                    bus error (DMA_TRANS_READ_FAILED)
 *   dmakit_soft.fault_write_every=N  ... destination bus error
 *                                    (DMA_TRANS_WRITE_FAILED)
 *   dmakit_soft.fault_drop_every=N   every Nth descriptor runs to the end but
 *                                    its completion is lost: it stays
 *                                    DMA_IN_PROGRESS, and the channel behind
 *                                    it waits, until terminated
 *   dmakit_soft.fault_stall_every=N  the channel stops after the first chunk
 *                                    of every Nth descriptor, until terminated
 *   dmakit_soft.fault_dup_every=N    every Nth completion is signalled twice;
 *                                    the second must be ignored
 *
 * "Every Nth" counts descriptors started while the knob is non-zero,
 * from the engine's probe.  The same knobs are DMAKIT_CMDLINE parameters.
 * Returns 0, or -ENOENT / -EINVAL.
 */
int dmakit_fault_set_param(const char *param, unsigned long value);

#endif
