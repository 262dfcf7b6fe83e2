// SPDX-License-Identifier: GPL-2.0
/*
 * Many boot/shutdown cycles in one process: each boots the default
 * board, moves data through the software engine (callbacks and
 * polling), releases the channel with work still queued, and shuts
 * down; afterwards no DMA device is left.  Run under `make asan`, the
 * leak checker proves release and shutdown free everything.
 */
#include <linux/delay.h>
#include <linux/dmaengine.h>
#include <dmakit/board.h>

#include "soft-helpers.h"

#define CYCLES 25

static int cb_calls;

static void cb(void *param)
{
	__atomic_add_fetch(&cb_calls, 1, __ATOMIC_RELEASE);
}

static int one_cycle(int n)
{
	struct dma_async_tx_descriptor *tx;
	struct tbuf src, dst;
	struct dma_chan *chan;
	dma_cookie_t c;
	int i;

	ASSERT_FALSE(dmakit_booted());
	ASSERT_EQ(dmakit_boot(NULL), 0);
	ASSERT_TRUE(dmakit_booted());
	ASSERT_EQ(dmakit_boot(NULL), -EBUSY);
	chan = soft_memcpy_chan();
	ASSERT_NOT_NULL(chan);
	tbuf_map(&src, chan, 65536 + n, DMA_TO_DEVICE);
	tbuf_map(&dst, chan, 65536 + n, DMA_FROM_DEVICE);
	test_pattern(src.cpu, src.len, n);
	memset(dst.cpu, 0, dst.len);
	__atomic_store_n(&cb_calls, 0, __ATOMIC_RELAXED);
	tx = dmaengine_prep_dma_memcpy(chan, dst.dma, src.dma, src.len,
				       DMA_PREP_INTERRUPT);
	ASSERT_NOT_NULL(tx);
	tx->callback = cb;
	c = dmaengine_submit(tx);
	ASSERT_EQ(c, 2);			/* a fresh channel each boot */
	ASSERT_EQ(dma_sync_wait(chan, c), DMA_COMPLETE);
	tbuf_sync_cpu(&dst);
	ASSERT_MEMEQ(dst.cpu, src.cpu, src.len);
	for (i = 0; i < 20000 && !__atomic_load_n(&cb_calls, __ATOMIC_ACQUIRE);
	     i++)
		usleep_range(200, 500);
	ASSERT_EQ(cb_calls, 1);
	/* leave work queued and issued: release must clean up */
	for (i = 0; i < 8; i++) {
		tx = dmaengine_prep_dma_memcpy(chan, dst.dma, src.dma,
					       src.len, DMA_PREP_INTERRUPT);
		ASSERT_NOT_NULL(tx);
		tx->callback = cb;
		dmaengine_submit(tx);
		if (i == 3)
			dma_async_issue_pending(chan);
	}
	dma_release_channel(chan);
	tbuf_unmap(&src);
	tbuf_unmap(&dst);
	dmakit_shutdown();
	ASSERT_FALSE(dmakit_booted());
	return 0;
}

int main(void)
{
	dma_cap_mask_t mask;
	int n;

	for (n = 0; n < CYCLES; n++)
		if (one_cycle(n))
			return TEST_FAIL;
	dma_cap_zero(mask);
	dma_cap_set(DMA_MEMCPY, mask);
	ASSERT_NULL(dma_request_channel(mask, NULL, NULL));
	dmakit_shutdown();			/* idempotent */
	fprintf(stderr, "ok %d boot/shutdown cycles\n", CYCLES);
	return 0;
}
