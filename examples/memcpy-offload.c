// SPDX-License-Identifier: GPL-2.0
/*
 * The five-step dmaengine client flow on the software engine: request a
 * channel, configure it, prepare a descriptor, submit it, issue pending
 * work and wait for the completion callback.
 */
#include <stdio.h>
#include <stdlib.h>
#include <linux/completion.h>
#include <linux/dmaengine.h>
#include <dmakit/board.h>

static void done(void *param, const struct dmaengine_result *result)
{
	if (result->result != DMA_TRANS_NOERROR)
		fprintf(stderr, "transfer failed: %d\n", result->result);
	complete(param);
}

static int copy_on_channel(struct dma_chan *chan, size_t len)
{
	struct device *dev = dmaengine_get_dma_device(chan);
	struct dma_async_tx_descriptor *tx;
	char *src = malloc(len), *dst = calloc(1, len);
	dma_addr_t s, d;
	DECLARE_COMPLETION_ONSTACK(cmp);
	dma_cookie_t cookie;
	int ret = -EIO;

	memset(src, 0x5a, len);
	s = dma_map_single(dev, src, len, DMA_TO_DEVICE);
	d = dma_map_single(dev, dst, len, DMA_FROM_DEVICE);
	tx = dmaengine_prep_dma_memcpy(chan, d, s, len, DMA_PREP_INTERRUPT);
	if (tx) {
		tx->callback_result = done;
		tx->callback_param = &cmp;
		cookie = dmaengine_submit(tx);
		dma_async_issue_pending(chan);
		if (!dma_submit_error(cookie) &&
		    wait_for_completion_timeout(&cmp, msecs_to_jiffies(3000)) &&
		    !memcmp(src, dst, len))
			ret = 0;
	}
	dma_unmap_single(dev, d, len, DMA_FROM_DEVICE);
	dma_unmap_single(dev, s, len, DMA_TO_DEVICE);
	free(src);
	free(dst);
	return ret;
}

int main(void)
{
	struct dma_chan *chans[64];
	dma_cap_mask_t mask;
	int ret, failed = 0, n = 0, i;

	ret = dmakit_boot(NULL);
	if (ret) {
		fprintf(stderr, "dmakit_boot: %d\n", ret);
		return 1;
	}
	dma_cap_zero(mask);
	dma_cap_set(DMA_MEMCPY, mask);
	/* Take every memcpy channel and copy 1 MiB through each. */
	while (n < 64 && (chans[n] = dma_request_channel(mask, NULL, NULL)))
		n++;
	for (i = 0; i < n; i++) {
		ret = copy_on_channel(chans[i], 1 << 20);
		printf("%s: 1 MiB copy %s\n", dma_chan_name(chans[i]),
		       ret ? "FAILED" : "ok");
		failed += !!ret;
	}
	for (i = 0; i < n; i++)
		dma_release_channel(chans[i]);
	dmakit_shutdown();
	printf("%d passed, %d failed\n", n - failed, failed);
	return failed || !n;
}
