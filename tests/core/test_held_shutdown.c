// SPDX-License-Identifier: GPL-2.0
/*
 * Shutting down while a client still holds a private channel must not
 * leave the provider on the core's device list: the next boot's lookups
 * would walk freed memory (ASan reports it; a plain build may crash).
 */
#include <linux/dmaengine.h>
#include <dmakit/board.h>
#include <dmakit/log.h>
#include "helpers.h"

static struct dma_chan *take(void)
{
	dma_cap_mask_t mask;

	dma_cap_zero(mask);
	dma_cap_set(DMA_MEMCPY, mask);
	return dma_request_channel(mask, NULL, NULL);
}

int main(void)
{
	struct dma_chan *chan;
	int round;

	dmakit_log_set_level(LOGLEVEL_ERR);	/* the warning is expected */
	for (round = 0; round < 3; round++) {
		ASSERT_EQ(dmakit_boot(SOFT_ONLY_BOARD), 0);
		chan = take();
		ASSERT_TRUE(chan != NULL);
		/* ... and never released: a client bug dmakit survives */
		dmakit_shutdown();
	}
	ASSERT_EQ(dmakit_boot(SOFT_ONLY_BOARD), 0);
	chan = take();
	ASSERT_TRUE(chan != NULL);
	dma_release_channel(chan);
	dmakit_shutdown();
	printf("shutdown with a held channel: the next boot works\n");
	return 0;
}
