// SPDX-License-Identifier: GPL-2.0
/*
 * Regression, found by test_model: a client polling a descriptor that asked
 * for no interrupt executes it itself (poll_progress).  The worker, finding
 * the channel busy with the poller's chunk, went to sleep; when the poller
 * had finished its own descriptor nobody ran the interrupt descriptor
 * queued behind it, and the channel hung until the next issue_pending.
 *
 * Each round: A (no interrupt, many chunks) then B (interrupt) issued
 * together; the client polls A to completion, then B's callback must come.
 */
#include <stdio.h>
#include <stdlib.h>
#include <linux/completion.h>
#include <linux/dmaengine.h>
#include <linux/jiffies.h>
#include <dmakit/board.h>

#define ROUNDS	300
#define LEN	(32 * 4096)

static void done_cb(void *param)
{
	complete(param);
}

int main(void)
{
	static u8 src[LEN], a_dst[LEN], b_dst[4096];
	struct dma_async_tx_descriptor *a, *b;
	struct completion b_done;
	dma_cap_mask_t mask;
	struct dma_chan *chan;
	dma_cookie_t ca;
	int round, ret = 0;

	setenv("DMAKIT_CMDLINE", "dmakit_soft.chunk_size=4096", 1);
	if (dmakit_boot(NULL))
		return 1;
	dma_cap_zero(mask);
	dma_cap_set(DMA_MEMCPY, mask);
	chan = dma_request_channel(mask, NULL, NULL);
	if (!chan)
		return 1;
	for (round = 0; round < ROUNDS && !ret; round++) {
		memset(src, round + 1, sizeof(src));
		init_completion(&b_done);
		a = dmaengine_prep_dma_memcpy(chan, (dma_addr_t)(uintptr_t)a_dst,
					      (dma_addr_t)(uintptr_t)src, LEN,
					      DMA_CTRL_ACK);
		b = dmaengine_prep_dma_memcpy(chan, (dma_addr_t)(uintptr_t)b_dst,
					      (dma_addr_t)(uintptr_t)src, 4096,
					      DMA_PREP_INTERRUPT | DMA_CTRL_ACK);
		if (!a || !b) {
			fprintf(stderr, "FAIL: prep\n");
			ret = 1;
			break;
		}
		b->callback = done_cb;
		b->callback_param = &b_done;
		ca = dmaengine_submit(a);
		dmaengine_submit(b);
		dma_async_issue_pending(chan);
		while (dma_async_is_tx_complete(chan, ca, NULL, NULL) != DMA_COMPLETE)
			;
		if (!wait_for_completion_timeout(&b_done, msecs_to_jiffies(20000))) {
			fprintf(stderr, "FAIL: round %d: the interrupt descriptor behind a polled one never ran\n",
				round);
			ret = 1;
		} else if (memcmp(a_dst, src, LEN) || memcmp(b_dst, src, 4096)) {
			fprintf(stderr, "FAIL: round %d: wrong bytes\n", round);
			ret = 1;
		}
	}
	dmaengine_terminate_sync(chan);
	dma_release_channel(chan);
	dmakit_shutdown();
	if (!ret)
		printf("poll handoff: %d rounds, every descriptor behind a polled one ran\n",
		       ROUNDS);
	return ret;
}
