/* SPDX-License-Identifier: GPL-2.0 */
/*
 * tprov: a small test-only dmaengine provider on virt-dma, written as the
 * provider guide says a driver is written.  Descriptors complete only
 * when the test says so (tprov_complete), so a test controls exactly
 * what is issued, completed, and delivered.  MEMCPY descriptors copy
 * their data when completed.  Optional: DMA_SLAVE with descriptor_reuse,
 * metadata ops (client and engine modes), pause/resume/config/terminate.
 */
#ifndef _TESTS_TPROV_H
#define _TESTS_TPROV_H

#include <linux/dmaengine.h>
#include <linux/platform_device.h>
#include "virt-dma.h"

#define TPROV_MAX_CHANS	8
#define TPROV_META_MAX	64

struct tprov_desc {
	struct virt_dma_desc vd;
	dma_addr_t dst, src;
	size_t len;
	u8 meta[TPROV_META_MAX];
	size_t meta_len;
	void *client_meta;		/* attached client buffer */
	size_t client_meta_len;
};

struct tprov_chan {
	struct virt_dma_chan vc;
	int alloc_calls;
	int free_calls;
	int issue_calls;
	bool paused;
	struct dma_slave_config cfg;
};

struct tprov_cfg {
	unsigned int nr_chans;
	bool memcpy;		/* DMA_MEMCPY */
	bool slave;		/* DMA_SLAVE + prep_slave_sg, directions */
	bool interleave;	/* DMA_INTERLEAVE (no DMA_REPEAT) */
	bool interrupt;		/* DMA_INTERRUPT */
	bool control;		/* pause/resume/config/terminate_all/synchronize */
	bool reuse;		/* dma_device.descriptor_reuse */
	enum dma_desc_metadata_mode meta_modes;
	bool is_private;	/* register with DMA_PRIVATE */
	bool caps_override;	/* device_caps sets max_sg_burst = 77 */
};

struct tprov {
	struct dma_device dma;
	struct tprov_chan chans[TPROV_MAX_CHANS];
	struct tprov_cfg cfg;
	struct platform_device *pdev;
	int descs_live;			/* allocated minus freed */
};

/* A bound platform device "t-dma.<id>" to hang providers on. */
struct platform_device *tprov_pdev(int id);
void tprov_pdev_put(struct platform_device *pdev);

/* Fill a dma_device from @cfg (not registered). */
struct tprov *tprov_new(struct platform_device *pdev, const struct tprov_cfg *cfg);
int tprov_register(struct tprov *tp);
void tprov_unregister_free(struct tprov *tp);

/* Complete up to @n issued descriptors in order; returns how many. */
int tprov_complete(struct dma_chan *chan, int n);
/* Complete the first issued descriptor with a given result. */
int tprov_complete_result(struct dma_chan *chan, enum dmaengine_tx_result r,
			  u32 residue);
static inline struct tprov_chan *to_tprov_chan(struct dma_chan *c)
{
	return container_of(c, struct tprov_chan, vc.chan);
}

#endif
