// SPDX-License-Identifier: GPL-2.0
/*
 * A slave-DMA style client written from the kernel's client guide
 * (Documentation/driver-api/dmaengine/client.rst): allocate a channel,
 * set parameters, get a descriptor, submit, issue pending and wait for
 * the callback.  Built against an installed dmakit with pkg-config.
 */
#include <linux/completion.h>
#include <linux/dmaengine.h>
#include <linux/dma-mapping.h>
#include <linux/slab.h>
#include <linux/types.h>	/* the UAPI header must still be reachable */
#include <dmakit/board.h>
#include <stdio.h>

static void xfer_done(void *param)
{
	complete(param);
}

int main(void)
{
	struct dma_async_tx_descriptor *desc;
	DECLARE_COMPLETION_ONSTACK(done);
	struct dma_chan *chan;
	dma_cap_mask_t mask;
	dma_addr_t src, dst;
	dma_cookie_t cookie;
	struct device *dev;
	__u32 uapi_type = 0;	/* from /usr/include/linux/types.h */
	u8 *a, *b;
	int ret = 1;

	if (dmakit_boot(NULL))
		return 1;
	dma_cap_zero(mask);
	dma_cap_set(DMA_MEMCPY, mask);
	chan = dma_request_channel(mask, NULL, NULL);
	if (!chan)
		goto out;
	dev = dmaengine_get_dma_device(chan);
	a = kmalloc(4096, GFP_KERNEL);
	b = kzalloc(4096, GFP_KERNEL);
	memset(a, 0xa5, 4096);
	src = dma_map_single(dev, a, 4096, DMA_TO_DEVICE);
	dst = dma_map_single(dev, b, 4096, DMA_FROM_DEVICE);
	if (dma_mapping_error(dev, src) || dma_mapping_error(dev, dst))
		goto unmap;
	desc = dmaengine_prep_dma_memcpy(chan, dst, src, 4096,
					 DMA_PREP_INTERRUPT | DMA_CTRL_ACK);
	if (!desc)
		goto unmap;
	desc->callback = xfer_done;
	desc->callback_param = &done;
	cookie = dmaengine_submit(desc);
	if (dma_submit_error(cookie))
		goto unmap;
	dma_async_issue_pending(chan);
	if (!wait_for_completion_timeout(&done, msecs_to_jiffies(3000)))
		goto unmap;
	if (dma_async_is_tx_complete(chan, cookie, NULL, NULL) == DMA_COMPLETE &&
	    !memcmp(a, b, 4096) && uapi_type == 0)
		ret = 0;
unmap:
	dma_unmap_single(dev, dst, 4096, DMA_FROM_DEVICE);
	dma_unmap_single(dev, src, 4096, DMA_TO_DEVICE);
	kfree(a);
	kfree(b);
	dma_release_channel(chan);
out:
	dmakit_shutdown();
	printf("client: %s\n", ret ? "FAILED" : "ok");
	return ret;
}
