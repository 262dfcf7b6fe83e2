// SPDX-License-Identifier: GPL-2.0
/* tprov: the test-only virt-dma provider (see tprov.h). */
#include <linux/dma-mapping.h>
#include <linux/slab.h>
#include <linux/string.h>
#include "dmaengine.h"
#include "tprov.h"

static struct tprov *to_tprov(struct dma_device *d)
{
	return container_of(d, struct tprov, dma);
}

static struct tprov_desc *to_tdesc(struct dma_async_tx_descriptor *tx)
{
	return container_of(tx, struct tprov_desc, vd.tx);
}

/* ---- metadata ops --------------------------------------------------- */

static int tprov_meta_attach(struct dma_async_tx_descriptor *tx, void *data,
			     size_t len)
{
	struct tprov_desc *d = to_tdesc(tx);

	if (len > TPROV_META_MAX)
		return -EINVAL;
	d->client_meta = data;
	d->client_meta_len = len;
	memcpy(d->meta, data, len);
	d->meta_len = len;
	return 0;
}

static void *tprov_meta_get_ptr(struct dma_async_tx_descriptor *tx,
				size_t *payload_len, size_t *max_len)
{
	struct tprov_desc *d = to_tdesc(tx);

	*payload_len = d->meta_len;
	*max_len = TPROV_META_MAX;
	return d->meta;
}

static int tprov_meta_set_len(struct dma_async_tx_descriptor *tx,
			      size_t payload_len)
{
	struct tprov_desc *d = to_tdesc(tx);

	if (payload_len > TPROV_META_MAX)
		return -EINVAL;
	d->meta_len = payload_len;
	return 0;
}

static struct dma_descriptor_metadata_ops tprov_meta_ops = {
	.attach = tprov_meta_attach,
	.get_ptr = tprov_meta_get_ptr,
	.set_len = tprov_meta_set_len,
};

/* ---- descriptors ------------------------------------------------------ */

static void tprov_desc_free(struct virt_dma_desc *vd)
{
	struct tprov *tp = to_tprov(vd->tx.chan->device);

	dma_descriptor_unmap(&vd->tx);
	kfree(container_of(vd, struct tprov_desc, vd));
	__atomic_sub_fetch(&tp->descs_live, 1, __ATOMIC_RELAXED);
}

static struct dma_async_tx_descriptor *
tprov_prep(struct dma_chan *chan, dma_addr_t dst, dma_addr_t src, size_t len,
	   unsigned long flags)
{
	struct tprov *tp = to_tprov(chan->device);
	struct tprov_desc *d = kzalloc(sizeof(*d), GFP_NOWAIT);

	if (!d)
		return NULL;
	d->dst = dst;
	d->src = src;
	d->len = len;
	__atomic_add_fetch(&tp->descs_live, 1, __ATOMIC_RELAXED);
	if (tp->cfg.meta_modes)
		d->vd.tx.metadata_ops = &tprov_meta_ops;
	return vchan_tx_prep(&to_tprov_chan(chan)->vc, &d->vd, flags);
}

static struct dma_async_tx_descriptor *
tprov_prep_memcpy(struct dma_chan *chan, dma_addr_t dst, dma_addr_t src,
		  size_t len, unsigned long flags)
{
	return tprov_prep(chan, dst, src, len, flags);
}

static struct dma_async_tx_descriptor *
tprov_prep_slave_sg(struct dma_chan *chan, struct scatterlist *sgl,
		    unsigned int sg_len, enum dma_transfer_direction dir,
		    unsigned long flags, void *context)
{
	struct scatterlist *sg;
	size_t len = 0;
	unsigned int i;

	if (!is_slave_direction(dir))
		return NULL;
	for_each_sg(sgl, sg, sg_len, i)
		len += sg_dma_len(sg);
	return tprov_prep(chan, 0, 0, len, flags);
}

static struct dma_async_tx_descriptor *
tprov_prep_interleaved(struct dma_chan *chan, struct dma_interleaved_template *xt,
		       unsigned long flags)
{
	return tprov_prep(chan, 0, 0, xt->numf * xt->sgl[0].size, flags);
}

static struct dma_async_tx_descriptor *
tprov_prep_interrupt(struct dma_chan *chan, unsigned long flags)
{
	return tprov_prep(chan, 0, 0, 0, flags);
}

/* ---- channel ops --------------------------------------------------------- */

static int tprov_alloc_chan(struct dma_chan *chan)
{
	to_tprov_chan(chan)->alloc_calls++;
	return 0;
}

static void tprov_free_chan(struct dma_chan *chan)
{
	struct tprov_chan *tc = to_tprov_chan(chan);

	vchan_free_chan_resources(&tc->vc);
	tc->free_calls++;
}

static void tprov_issue_pending(struct dma_chan *chan)
{
	struct tprov_chan *tc = to_tprov_chan(chan);
	unsigned long flags;

	spin_lock_irqsave(&tc->vc.lock, flags);
	tc->issue_calls++;
	vchan_issue_pending(&tc->vc);
	spin_unlock_irqrestore(&tc->vc.lock, flags);
}

static enum dma_status tprov_tx_status(struct dma_chan *chan,
				       dma_cookie_t cookie,
				       struct dma_tx_state *state)
{
	struct tprov_chan *tc = to_tprov_chan(chan);
	struct virt_dma_desc *vd;
	enum dma_status ret;
	unsigned long flags;

	ret = dma_cookie_status(chan, cookie, state);
	if (ret == DMA_COMPLETE)
		return ret;
	spin_lock_irqsave(&tc->vc.lock, flags);
	vd = vchan_find_desc(&tc->vc, cookie);
	if (vd)
		dma_set_residue(state, to_tdesc(&vd->tx)->len);
	if (tc->paused)
		ret = DMA_PAUSED;
	spin_unlock_irqrestore(&tc->vc.lock, flags);
	return ret;
}

static int tprov_pause(struct dma_chan *chan)
{
	to_tprov_chan(chan)->paused = true;
	return 0;
}

static int tprov_resume(struct dma_chan *chan)
{
	to_tprov_chan(chan)->paused = false;
	return 0;
}

static int tprov_config(struct dma_chan *chan, struct dma_slave_config *cfg)
{
	to_tprov_chan(chan)->cfg = *cfg;
	return 0;
}

static int tprov_terminate_all(struct dma_chan *chan)
{
	struct tprov_chan *tc = to_tprov_chan(chan);
	unsigned long flags;
	LIST_HEAD(head);

	spin_lock_irqsave(&tc->vc.lock, flags);
	vchan_get_all_descriptors(&tc->vc, &head);
	spin_unlock_irqrestore(&tc->vc.lock, flags);
	vchan_dma_desc_free_list(&tc->vc, &head);
	return 0;
}

static void tprov_synchronize(struct dma_chan *chan)
{
	vchan_synchronize(&to_tprov_chan(chan)->vc);
}

static void tprov_caps(struct dma_chan *chan, struct dma_slave_caps *caps)
{
	caps->max_sg_burst = 77;
}

/* ---- completion, driven by the test ------------------------------------ */

int tprov_complete_result(struct dma_chan *chan, enum dmaengine_tx_result r,
			  u32 residue)
{
	struct tprov_chan *tc = to_tprov_chan(chan);
	struct virt_dma_desc *vd;
	unsigned long flags;
	int done = 0;

	spin_lock_irqsave(&tc->vc.lock, flags);
	vd = vchan_next_desc(&tc->vc);
	if (vd) {
		struct tprov_desc *d = to_tdesc(&vd->tx);

		if (d->len && d->dst && d->src)
			memcpy((void *)(uintptr_t)d->dst,
			       (void *)(uintptr_t)d->src, d->len);
		vd->tx_result.result = r;
		vd->tx_result.residue = residue;
		list_del(&vd->node);
		vchan_cookie_complete(vd);
		done = 1;
	}
	spin_unlock_irqrestore(&tc->vc.lock, flags);
	return done;
}

int tprov_complete(struct dma_chan *chan, int n)
{
	int done = 0;

	while (done < n && tprov_complete_result(chan, DMA_TRANS_NOERROR, 0))
		done++;
	return done;
}

/* ---- device ---------------------------------------------------------- */

struct tprov *tprov_new(struct platform_device *pdev, const struct tprov_cfg *cfg)
{
	struct tprov *tp = kzalloc(sizeof(*tp), GFP_KERNEL);
	struct dma_device *dma;
	unsigned int i;

	if (!tp)
		return NULL;
	tp->cfg = *cfg;
	tp->pdev = pdev;
	dma = &tp->dma;
	dma->dev = &pdev->dev;
	INIT_LIST_HEAD(&dma->channels);
	if (cfg->memcpy) {
		dma_cap_set(DMA_MEMCPY, dma->cap_mask);
		dma->device_prep_dma_memcpy = tprov_prep_memcpy;
	}
	if (cfg->slave) {
		dma_cap_set(DMA_SLAVE, dma->cap_mask);
		dma->device_prep_slave_sg = tprov_prep_slave_sg;
		dma->directions = BIT(DMA_MEM_TO_DEV) | BIT(DMA_DEV_TO_MEM);
		dma->src_addr_widths = BIT(DMA_SLAVE_BUSWIDTH_4_BYTES);
		dma->dst_addr_widths = BIT(DMA_SLAVE_BUSWIDTH_1_BYTE) |
				       BIT(DMA_SLAVE_BUSWIDTH_4_BYTES);
		dma->min_burst = 1;
		dma->max_burst = 16;
		dma->residue_granularity = DMA_RESIDUE_GRANULARITY_SEGMENT;
	}
	if (cfg->interleave) {
		dma_cap_set(DMA_INTERLEAVE, dma->cap_mask);
		dma->device_prep_interleaved_dma = tprov_prep_interleaved;
	}
	if (cfg->interrupt) {
		dma_cap_set(DMA_INTERRUPT, dma->cap_mask);
		dma->device_prep_dma_interrupt = tprov_prep_interrupt;
	}
	if (cfg->is_private)
		dma_cap_set(DMA_PRIVATE, dma->cap_mask);
	if (cfg->control) {
		dma->device_pause = tprov_pause;
		dma->device_resume = tprov_resume;
		dma->device_config = tprov_config;
		dma->device_terminate_all = tprov_terminate_all;
		dma->device_synchronize = tprov_synchronize;
	}
	if (cfg->caps_override)
		dma->device_caps = tprov_caps;
	dma->descriptor_reuse = cfg->reuse;
	dma->desc_metadata_modes = cfg->meta_modes;
	dma->device_alloc_chan_resources = tprov_alloc_chan;
	dma->device_free_chan_resources = tprov_free_chan;
	dma->device_issue_pending = tprov_issue_pending;
	dma->device_tx_status = tprov_tx_status;
	for (i = 0; i < cfg->nr_chans && i < TPROV_MAX_CHANS; i++) {
		tp->chans[i].vc.desc_free = tprov_desc_free;
		vchan_init(&tp->chans[i].vc, dma);
	}
	return tp;
}

int tprov_register(struct tprov *tp)
{
	return dma_async_device_register(&tp->dma);
}

void tprov_unregister_free(struct tprov *tp)
{
	unsigned int i;

	dma_async_device_unregister(&tp->dma);
	for (i = 0; i < tp->cfg.nr_chans; i++)
		tasklet_kill(&tp->chans[i].vc.task);
	kfree(tp);
}

/* ---- a bound platform device ---------------------------------------------- */

static int tdev_probe(struct platform_device *pdev)
{
	return dma_coerce_mask_and_coherent(&pdev->dev, DMA_BIT_MASK(64));
}

static struct platform_driver tdev_driver = {
	.probe = tdev_probe,
	.driver = { .name = "t-dma" },
};

static int tdev_users;

struct platform_device *tprov_pdev(int id)
{
	struct platform_device *pdev;

	if (!tdev_users++ && platform_driver_register(&tdev_driver))
		return NULL;
	pdev = platform_device_register_simple("t-dma", id, NULL, 0);
	if (IS_ERR(pdev) || !device_is_bound(&pdev->dev))
		return NULL;
	return pdev;
}

void tprov_pdev_put(struct platform_device *pdev)
{
	platform_device_unregister(pdev);
	if (!--tdev_users)
		platform_driver_unregister(&tdev_driver);
}
