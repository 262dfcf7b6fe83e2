/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Board data for the DesignWare AXI DMA controller, for boards without a
 * device tree (dmakit's tests).  The driver reads the device tree
 * properties first; this is its fallback when "dma-channels" is absent.
 */
#ifndef _DMAKIT_PLATFORM_DATA_DMA_DW_AXI_H
#define _DMAKIT_PLATFORM_DATA_DMA_DW_AXI_H

#include <dmakit/types.h>

#define DW_AXI_DMA_PDATA_MAX_CHANNELS	8

struct dw_axi_dma_platform_data {
	u32 nr_channels;		/* dma-channels */
	u32 nr_masters;			/* snps,dma-masters */
	u32 m_data_width;		/* snps,data-width (log2 bytes) */
	u32 block_size[DW_AXI_DMA_PDATA_MAX_CHANNELS];	/* snps,block-size */
	u32 priority[DW_AXI_DMA_PDATA_MAX_CHANNELS];	/* snps,priority */
	u32 axi_rw_burst_len;		/* snps,axi-max-burst-len, 0 = absent */
};

struct device;
struct dma_chan;

/*
 * A client's request line on a controller, for dma_request_channel()
 * with dw_axi_dma_filter() when there is no device tree "dmas" binding.
 */
struct dw_axi_dma_slave {
	struct device *dma_dev;		/* the controller's device */
	u8 handshake;			/* hardware handshake interface */
};

bool dw_axi_dma_filter(struct dma_chan *chan, void *param);

#endif
