/* SPDX-License-Identifier: GPL-2.0 */
/* The machine's private structures (hw/ only). */
#ifndef _DMAKIT_HW_INTERNAL_H
#define _DMAKIT_HW_INTERNAL_H

#include <pthread.h>
#include <linux/dma-direction.h>
#include <dmakit/hw-model.h>

struct device;

/* A model seen as a bus master: the device it is and what it may touch. */
struct dmakit_bus_master {
	struct hw_model *model;
	struct device *dev;		/* bound by platform_notify */
	pthread_mutex_t lock;		/* ranges */
	struct list_head ranges;	/* struct hw_dma_range, newest first */
	unsigned long nr_ranges;
	unsigned long bus_errors;
};

struct hw_dma_range {
	struct list_head node;
	dma_addr_t start;
	size_t len;
	enum dma_data_direction dir;
};

struct hw_drq {
	struct hw_model *ctrl;
	unsigned int line;
	struct hw_model *peri;
	void (*ack)(struct hw_model *peri, struct hw_drq *drq, u32 what);
	u32 signals;
};

struct hw_model {
	struct list_head node;
	struct hw_machine *mach;
	const struct hw_model_type *type;
	phys_addr_t base;
	size_t size;
	unsigned long win_off;
	int irq;
	bool irq_owned;
	bool irq_level;
	void *priv;
	u64 *vals;
	unsigned int *reg_base;		/* first value slot of each register */
	u32 *decode;			/* per 32-bit word: reg + 1 | idx << 16 */
	struct dmakit_bus_master bm;
	struct hw_drq *drqs;
	void *reserved;			/* the physical range, kept from RAM */
	char name[64];
};

#endif
