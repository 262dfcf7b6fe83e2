// SPDX-License-Identifier: GPL-2.0
/*
 * Regression: device_prep_dma_memset_sg over entries that are all empty
 * returns NULL (it used to free the unprepared descriptor through the
 * channel pointer it did not have yet, and crash).
 */
#include <stdio.h>
#include <linux/dmaengine.h>
#include <linux/scatterlist.h>
#include <linux/err.h>
#include <dmakit/board.h>

int main(void)
{
	dma_cap_mask_t mask;
	struct dma_chan *chan;
	struct scatterlist sg[2];
	static char buf[64];
	int i, bad = 0;

	if (dmakit_boot(NULL))
		return 1;
	dma_cap_zero(mask);
	dma_cap_set(DMA_MEMSET_SG, mask);
	chan = dma_request_chan_by_mask(&mask);
	if (IS_ERR(chan))
		return 1;
	for (i = 1; i <= 2; i++) {
		sg_init_table(sg, i);
		sg_dma_address(&sg[0]) = (dma_addr_t)(unsigned long)buf;
		sg_dma_len(&sg[0]) = 0;
		if (i == 2) {
			sg_dma_address(&sg[1]) = (dma_addr_t)(unsigned long)buf;
			sg_dma_len(&sg[1]) = 0;
		}
		if (chan->device->device_prep_dma_memset_sg(chan, sg, i, 0x5a,
							    DMA_CTRL_ACK)) {
			fprintf(stderr, "FAIL: empty memset_sg (%d) prepared\n", i);
			bad = 1;
		}
	}
	dma_release_channel(chan);
	dmakit_shutdown();
	return bad;
}
