// SPDX-License-Identifier: GPL-2.0
/*
 * Regression, found by test_model: dmaengine_pause() on the software
 * engine returned as soon as the executor left its chunk, but before the
 * executor had completed the descriptor that chunk finished, so a cookie
 * could still complete after pause returned.  After pause, the channel's
 * state must be frozen until resume.  The window is short: CPU hogs make
 * the executor's thread get preempted inside it now and then.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <linux/dmaengine.h>
#include <dmakit/board.h>

#if __has_include(<valgrind/valgrind.h>)
#include <valgrind/valgrind.h>
#else
#define RUNNING_ON_VALGRIND 0
#endif

#define ROUNDS	3000
#define LEN	4096
#define HOGS	3

static int stop;

static void *hog(void *arg)
{
	(void)arg;
	while (!__atomic_load_n(&stop, __ATOMIC_RELAXED))
		cpu_relax();
	return NULL;
}

int main(void)
{
	static u8 src[LEN], dst[LEN];
	struct dma_async_tx_descriptor *tx;
	dma_cap_mask_t mask;
	struct dma_chan *chan;
	int round, ret = 0, caught_running = 0, rounds = ROUNDS, nhogs = HOGS;
	pthread_t hogs[HOGS];

	setenv("DMAKIT_CMDLINE", "dmakit_soft.chunk_size=4096", 1);
	if (dmakit_boot(NULL))
		return 1;
	dma_cap_zero(mask);
	dma_cap_set(DMA_MEMCPY, mask);
	chan = dma_request_channel(mask, NULL, NULL);
	if (!chan)
		return 1;
	/* Valgrind runs one thread at a time: hogs would only burn its time. */
	if (RUNNING_ON_VALGRIND) {
		rounds = ROUNDS / 10;
		nhogs = 0;
	}
	for (round = 0; round < nhogs; round++)
		pthread_create(&hogs[round], NULL, hog, NULL);
	for (round = 0; round < rounds && !ret; round++) {
		enum dma_status before, after;
		dma_cookie_t c;
		int i;

		tx = dmaengine_prep_dma_memcpy(chan, (dma_addr_t)(uintptr_t)dst,
					       (dma_addr_t)(uintptr_t)src, LEN,
					       DMA_PREP_INTERRUPT | DMA_CTRL_ACK);
		if (!tx)
			return 1;
		c = dmaengine_submit(tx);
		dma_async_issue_pending(chan);
		for (i = round % 64; i; i--)
			cpu_relax();
		dmaengine_pause(chan);
		before = dma_async_is_tx_complete(chan, c, NULL, NULL);
		usleep(100);
		after = dma_async_is_tx_complete(chan, c, NULL, NULL);
		if (before != DMA_COMPLETE) {
			caught_running++;
			if (after == DMA_COMPLETE) {
				fprintf(stderr, "FAIL: round %d: cookie %d completed after pause returned\n",
					round, c);
				ret = 1;
			}
		}
		dmaengine_resume(chan);
		while (dma_async_is_tx_complete(chan, c, NULL, NULL) != DMA_COMPLETE)
			usleep(10);
	}
	__atomic_store_n(&stop, 1, __ATOMIC_RELAXED);
	for (round = 0; round < nhogs; round++)
		pthread_join(hogs[round], NULL);
	dmaengine_terminate_sync(chan);
	dma_release_channel(chan);
	dmakit_shutdown();
	if (!ret)
		printf("pause sync: %d rounds, %d paused before completion, none completed while paused\n",
		       rounds, caught_running);
	return ret;
}
