// SPDX-License-Identifier: GPL-2.0
/*
 * The default board's DesignWare AXI DMAC: boot creates the machine and
 * the model from the device tree, the driver binds to the node, and its
 * channels copy memory correctly, in virtual and in realtime clock mode.
 */
#include <stdlib.h>
#include <linux/completion.h>
#include <linux/dmaengine.h>
#include <linux/slab.h>
#include <dmakit/board.h>
#include <dmakit/dmaengine.h>
#include <dmakit/hw.h>
#include "helpers.h"

#define AXI_NAME "20000000.dma-controller"

static bool on_axi(struct dma_chan *chan, void *param)
{
	return !strcmp(dev_name(chan->device->dev), param);
}

struct xfer_wait {
	int result;
	struct completion cmp;
};

static void done(void *param, const struct dmaengine_result *res)
{
	struct xfer_wait *w = param;

	w->result = res->result;
	complete(&w->cmp);
}

static int copy_once(struct dma_chan *chan, size_t len, size_t off)
{
	struct device *dev = dmaengine_get_dma_device(chan);
	u8 *src = kmalloc(len + 64, GFP_KERNEL), *dst = kmalloc(len + 64, GFP_KERNEL);
	struct dma_async_tx_descriptor *tx;
	struct xfer_wait w = { .result = -1 };
	dma_addr_t s, d;
	size_t i;
	int ret = -1;

	init_completion(&w.cmp);
	for (i = 0; i < len + 64; i++) {
		src[i] = (u8)(i * 13 + len);
		dst[i] = 0xee;
	}
	s = dma_map_single(dev, src, len + 64, DMA_TO_DEVICE);
	d = dma_map_single(dev, dst, len + 64, DMA_BIDIRECTIONAL);
	tx = dmaengine_prep_dma_memcpy(chan, d + off, s + off, len,
				       DMA_PREP_INTERRUPT | DMA_CTRL_ACK);
	if (tx) {
		tx->callback_result = done;
		tx->callback_param = &w;
		dmaengine_submit(tx);
		dma_async_issue_pending(chan);
		if (wait_for_completion_timeout(&w.cmp, msecs_to_jiffies(10000)))
			ret = w.result;
	}
	dma_unmap_single(dev, d, len + 64, DMA_BIDIRECTIONAL);
	dma_unmap_single(dev, s, len + 64, DMA_TO_DEVICE);
	if (!ret) {
		for (i = 0; i < len + 64; i++) {
			u8 want = (i >= off && i < off + len) ? src[i] : 0xee;

			if (dst[i] != want) {
				fprintf(stderr, "%s: len %zu off %zu: byte %zu is %02x, want %02x\n",
					dma_chan_name(chan), len, off, i, dst[i], want);
				ret = -1;
				break;
			}
		}
	}
	kfree(src);
	kfree(dst);
	return ret;
}

static void run_board(const char *clock)
{
	static const size_t lens[] = { 1, 3, 64, 4096, 65536 + 7, 1 << 20 };
	struct dma_chan *chans[8];
	dma_cap_mask_t mask;
	char summary[4096] = "";
	FILE *f;
	int n = 0, i;
	unsigned int j;

	setenv("DMAKIT_CLOCK", clock, 1);
	ASSERT_EQ(dmakit_boot(NULL), 0);
	ASSERT_TRUE(hw_machine_get() != NULL);
	ASSERT_EQ(hw_machine_clock_mode(hw_machine_get()),
		  strcmp(clock, "realtime") ? HW_CLOCK_VIRTUAL : HW_CLOCK_REALTIME);

	f = fmemopen(summary, sizeof(summary), "w");
	dmakit_dump_summary(f);
	fclose(f);
	ASSERT_TRUE(strstr(summary, "(" AXI_NAME "): number of channels: 4\n") != NULL);

	dma_cap_zero(mask);
	dma_cap_set(DMA_MEMCPY, mask);
	while (n < 8 && (chans[n] = dma_request_channel(mask, on_axi, AXI_NAME)))
		n++;
	ASSERT_EQ(n, 4);
	for (i = 0; i < n; i++)
		for (j = 0; j < ARRAY_SIZE(lens); j++)
			ASSERT_EQ(copy_once(chans[i], lens[j], j % 8), 0);
	for (i = 0; i < n; i++)
		dma_release_channel(chans[i]);
	dmakit_shutdown();
	ASSERT_TRUE(hw_machine_get() == NULL);
	unsetenv("DMAKIT_CLOCK");
}

int main(void)
{
	run_board("virtual");
	run_board("realtime");
	printf("AXI DMAC from the default board: ok in virtual and realtime mode\n");
	return 0;
}
