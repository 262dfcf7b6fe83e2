/* SPDX-License-Identifier: GPL-2.0 */
/* Buffers mapped for a soft-engine channel, the way a client maps them. */
#ifndef _TESTS_SOFT_HELPERS_H
#define _TESTS_SOFT_HELPERS_H

#include <linux/dma-mapping.h>
#include <linux/dmaengine.h>
#include "helpers.h"

struct tbuf {
	struct device *dev;
	unsigned char *cpu;
	size_t len;
	dma_addr_t dma;
	enum dma_data_direction dir;
};

static inline void tbuf_map(struct tbuf *b, struct dma_chan *chan, size_t len,
			    enum dma_data_direction dir)
{
	b->dev = dmaengine_get_dma_device(chan);
	b->cpu = malloc(len ? len : 1);
	ASSERT_NOT_NULL(b->cpu);
	b->len = len;
	b->dir = dir;
	b->dma = dma_map_single(b->dev, b->cpu, len, dir);
	ASSERT_EQ(dma_mapping_error(b->dev, b->dma), 0);
}

/* Hand the buffer back to the CPU (after the transfer). */
static inline void tbuf_sync_cpu(struct tbuf *b)
{
	dma_sync_single_for_cpu(b->dev, b->dma, b->len, b->dir);
}

static inline void tbuf_sync_dev(struct tbuf *b)
{
	dma_sync_single_for_device(b->dev, b->dma, b->len, b->dir);
}

static inline void tbuf_unmap(struct tbuf *b)
{
	dma_unmap_single(b->dev, b->dma, b->len, b->dir);
	free(b->cpu);
	b->cpu = NULL;
}

static inline struct dma_chan *soft_memcpy_chan(void)
{
	dma_cap_mask_t mask;

	dma_cap_zero(mask);
	dma_cap_set(DMA_MEMCPY, mask);
	return dma_request_channel(mask, NULL, NULL);
}

#endif
