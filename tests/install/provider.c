// SPDX-License-Identifier: GPL-2.0
/*
 * An out-of-tree provider, written the kernel's way: it includes the
 * drivers/dma-private "dmaengine.h" and "virt-dma.h", registers a
 * platform driver with module_platform_driver() and a DMA_MEMCPY device
 * on virt-dma whose "hardware" copies at issue_pending time.
 */
#include <linux/module.h>	/* the UAPI one; MODULE_* come from dmakit */
#include <linux/platform_device.h>
#include <linux/dmaengine.h>
#include <linux/slab.h>
#include <dmakit/board.h>
#include <stdio.h>

#include "dmaengine.h"
#include "virt-dma.h"

struct oot_desc {
	struct virt_dma_desc vd;
	void *dst, *src;
	size_t len;
};

struct oot {
	struct dma_device dma;
	struct virt_dma_chan vc;
};

static void oot_desc_free(struct virt_dma_desc *vd)
{
	kfree(container_of(vd, struct oot_desc, vd));
}

static struct dma_async_tx_descriptor *
oot_prep_memcpy(struct dma_chan *chan, dma_addr_t dst, dma_addr_t src,
		size_t len, unsigned long flags)
{
	struct oot_desc *d = kzalloc(sizeof(*d), GFP_NOWAIT);

	if (!d)
		return NULL;
	d->dst = (void *)(uintptr_t)dst;
	d->src = (void *)(uintptr_t)src;
	d->len = len;
	return vchan_tx_prep(to_virt_chan(chan), &d->vd, flags);
}

static void oot_issue_pending(struct dma_chan *chan)
{
	struct virt_dma_chan *vc = to_virt_chan(chan);
	struct virt_dma_desc *vd;
	unsigned long flags;

	spin_lock_irqsave(&vc->lock, flags);
	if (vchan_issue_pending(vc)) {
		while ((vd = vchan_next_desc(vc))) {
			struct oot_desc *d = container_of(vd, struct oot_desc, vd);

			memcpy(d->dst, d->src, d->len);
			list_del(&vd->node);
			vchan_cookie_complete(vd);
		}
	}
	spin_unlock_irqrestore(&vc->lock, flags);
}

static enum dma_status oot_tx_status(struct dma_chan *chan, dma_cookie_t cookie,
				     struct dma_tx_state *txstate)
{
	return dma_cookie_status(chan, cookie, txstate);
}

static int oot_probe(struct platform_device *pdev)
{
	struct oot *o = devm_kzalloc(&pdev->dev, sizeof(*o), GFP_KERNEL);

	if (!o)
		return -ENOMEM;
	dma_coerce_mask_and_coherent(&pdev->dev, DMA_BIT_MASK(64));
	INIT_LIST_HEAD(&o->dma.channels);
	dma_cap_set(DMA_MEMCPY, o->dma.cap_mask);
	dma_cap_set(DMA_PRIVATE, o->dma.cap_mask);
	o->dma.dev = &pdev->dev;
	o->dma.device_prep_dma_memcpy = oot_prep_memcpy;
	o->dma.device_issue_pending = oot_issue_pending;
	o->dma.device_tx_status = oot_tx_status;
	o->vc.desc_free = oot_desc_free;
	vchan_init(&o->vc, &o->dma);
	return dmaenginem_async_device_register(&o->dma);
}

static struct platform_driver oot_driver = {
	.probe = oot_probe,
	.driver = { .name = "oot-dma" },
};
module_platform_driver(oot_driver);
MODULE_LICENSE("GPL");

static bool is_oot(struct dma_chan *chan, void *param)
{
	return !strcmp(dev_name(chan->device->dev), param);
}

int main(void)
{
	struct platform_device *pdev;
	dma_cap_mask_t mask;
	struct dma_chan *chan;
	char a[64] = "out-of-tree provider", b[64] = "";
	struct dma_async_tx_descriptor *tx;
	dma_cookie_t cookie;
	int ret = 1;

	if (dmakit_boot(NULL))
		return 1;
	pdev = platform_device_register_simple("oot-dma", PLATFORM_DEVID_NONE,
					       NULL, 0);
	dma_cap_zero(mask);
	dma_cap_set(DMA_MEMCPY, mask);
	chan = dma_request_channel(mask, is_oot, "oot-dma");
	if (!IS_ERR(pdev) && chan) {
		tx = dmaengine_prep_dma_memcpy(chan, (dma_addr_t)(uintptr_t)b,
					       (dma_addr_t)(uintptr_t)a, sizeof(a), 0);
		cookie = dmaengine_submit(tx);
		if (dma_sync_wait(chan, cookie) == DMA_COMPLETE && !strcmp(a, b))
			ret = 0;
		dmaengine_terminate_sync(chan);
		dma_release_channel(chan);
	}
	if (!IS_ERR(pdev))
		platform_device_unregister(pdev);
	dmakit_shutdown();
	printf("provider: %s\n", ret ? "FAILED" : "ok");
	return ret;
}
