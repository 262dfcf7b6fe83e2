/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * OF helpers for DMA request / controller (drivers/dma/of-dma.c).
 */
#ifndef __LINUX_OF_DMA_H
#define __LINUX_OF_DMA_H

#include <linux/dmaengine.h>

struct device_node;
struct of_phandle_args;

struct of_dma {
	struct list_head of_dma_controllers;
	struct device_node *of_node;
	struct dma_chan *(*of_dma_xlate)(struct of_phandle_args *, struct of_dma *);
	void *(*of_dma_route_allocate)(struct of_phandle_args *, struct of_dma *);
	struct dma_router *dma_router;
	void *of_dma_data;
};

struct of_dma_filter_info {
	dma_cap_mask_t dma_cap;
	dma_filter_fn filter_fn;
};

int of_dma_controller_register(struct device_node *np,
		struct dma_chan *(*of_dma_xlate)(struct of_phandle_args *, struct of_dma *),
		void *data);
void of_dma_controller_free(struct device_node *np);
int of_dma_router_register(struct device_node *np,
		void *(*of_dma_route_allocate)(struct of_phandle_args *, struct of_dma *),
		struct dma_router *dma_router);
#define of_dma_router_free of_dma_controller_free
struct dma_chan *of_dma_request_slave_channel(struct device_node *np,
					      const char *name);
struct dma_chan *of_dma_simple_xlate(struct of_phandle_args *dma_spec,
				     struct of_dma *ofdma);
struct dma_chan *of_dma_xlate_by_chan_id(struct of_phandle_args *dma_spec,
					 struct of_dma *ofdma);

#endif
