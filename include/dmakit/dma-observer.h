/* SPDX-License-Identifier: GPL-2.0 */
/*
 * dmakit/dma-observer.h - who else sees DMA mappings (host API).
 *
 * The simulated machine needs to know which bus addresses a device may
 * touch: kernel/dma/mapping.c tells the registered observer about every
 * streaming mapping, coherent allocation (dma_pool pages included) and
 * their release, for devices that are bus masters of the machine
 * (dev->bus_master set).  Calls come from any context, atomic included.
 */
#ifndef _DMAKIT_DMA_OBSERVER_H
#define _DMAKIT_DMA_OBSERVER_H

#include <linux/dma-direction.h>
#include <dmakit/types.h>

struct device;

struct dmakit_dma_observer {
	void (*map)(struct device *dev, dma_addr_t addr, size_t size,
		    enum dma_data_direction dir);
	void (*unmap)(struct device *dev, dma_addr_t addr, size_t size,
		      enum dma_data_direction dir);
};

/* One observer at a time; -EBUSY if another is registered. */
int dmakit_dma_observer_register(const struct dmakit_dma_observer *obs);
void dmakit_dma_observer_unregister(const struct dmakit_dma_observer *obs);

#endif
