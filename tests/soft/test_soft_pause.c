// SPDX-License-Identifier: GPL-2.0
/*
 * Pause and resume on the software engine, with a small chunk
 * (DMAKIT_CMDLINE="dmakit_soft.chunk_size=4096", parsed at boot): pause
 * is synchronous and keeps the data, tx_status says DMA_PAUSED, the
 * residue is a multiple of the chunk and equals the bytes the
 * destination has not received yet, nothing moves while paused, and
 * resume finishes the transfer.
 */
#include <linux/delay.h>
#include <linux/dmaengine.h>
#include <dmakit/board.h>
#include <dmakit/log.h>

#include "soft-helpers.h"

#define CHUNK	4096
#define BIG	(24u << 20)
#define SMALL	(64u << 10)

static int cb_calls;
static int unknown_params;

static void log_hook(int level, const char *msg, void *arg)
{
	if (strstr(msg, "Unknown module parameter"))
		unknown_params++;
}

static void cb(void *param)
{
	__atomic_add_fetch(&cb_calls, 1, __ATOMIC_RELEASE);
}

/* Bytes of @dst that already equal @src, counted from the start. */
static size_t copied_prefix(const unsigned char *dst, const unsigned char *src,
			    size_t len)
{
	size_t i = 0;

	while (i < len && dst[i] == src[i])
		i++;
	return i;
}

static void fill_nonzero(unsigned char *p, size_t n, unsigned int seed)
{
	size_t i;

	for (i = 0; i < n; i++)
		p[i] = (unsigned char)(((i + seed) % 255) + 1);
}

static dma_cookie_t submit(struct dma_chan *chan, struct tbuf *dst,
			   struct tbuf *src)
{
	struct dma_async_tx_descriptor *tx;

	tx = dmaengine_prep_dma_memcpy(chan, dst->dma, src->dma, src->len,
				       DMA_PREP_INTERRUPT);
	ASSERT_NOT_NULL(tx);
	tx->callback = cb;
	return dmaengine_submit(tx);
}

/* One attempt; returns 1 if the pause caught the transfer in flight. */
static int pause_once(struct dma_chan *chan, struct tbuf *src, struct tbuf *dst,
		      struct tbuf *src2, struct tbuf *dst2)
{
	struct dma_tx_state st, st2;
	dma_cookie_t c, c2;
	enum dma_status s;
	size_t done;
	int i;

	memset(dst->cpu, 0, dst->len);
	memset(dst2->cpu, 0, dst2->len);
	tbuf_sync_dev(dst);
	tbuf_sync_dev(dst2);
	__atomic_store_n(&cb_calls, 0, __ATOMIC_RELAXED);
	c = submit(chan, dst, src);
	c2 = submit(chan, dst2, src2);
	dma_async_issue_pending(chan);
	ASSERT_EQ(dmaengine_pause(chan), 0);
	s = dmaengine_tx_status(chan, c, &st);
	if (s == DMA_COMPLETE) {
		ASSERT_EQ(dmaengine_resume(chan), 0);
		ASSERT_EQ(dma_sync_wait(chan, c2), DMA_COMPLETE);
		return 0;	/* too fast: try again */
	}
	ASSERT_EQ(s, DMA_PAUSED);
	ASSERT_EQ(st.residue % CHUNK, 0);
	ASSERT_GT(st.residue, 0);
	ASSERT_LE(st.residue, BIG);
	tbuf_sync_cpu(dst);
	done = copied_prefix(dst->cpu, src->cpu, BIG);
	/* exactly len - residue bytes landed, the rest is untouched */
	ASSERT_EQ(done, BIG - st.residue);
	for (i = 0; i < 64 && done + i < BIG; i++)
		ASSERT_EQ(dst->cpu[done + i], 0);
	ASSERT_EQ(dst->cpu[BIG - 1], 0);
	/* the queued descriptor has not started: full residue */
	ASSERT_EQ(dmaengine_tx_status(chan, c2, &st2), DMA_PAUSED);
	ASSERT_EQ(st2.residue, SMALL);

	/* nothing moves while paused */
	msleep(50);
	ASSERT_EQ(dmaengine_tx_status(chan, c, &st2), DMA_PAUSED);
	ASSERT_EQ(st2.residue, st.residue);
	tbuf_sync_cpu(dst);
	ASSERT_EQ(copied_prefix(dst->cpu, src->cpu, BIG), done);
	ASSERT_EQ(__atomic_load_n(&cb_calls, __ATOMIC_ACQUIRE), 0);

	/* resume finishes both, in order */
	ASSERT_EQ(dmaengine_resume(chan), 0);
	ASSERT_EQ(dma_sync_wait(chan, c2), DMA_COMPLETE);
	ASSERT_EQ(dmaengine_tx_status(chan, c, &st), DMA_COMPLETE);
	ASSERT_EQ(st.residue, 0);
	tbuf_sync_cpu(dst);
	tbuf_sync_cpu(dst2);
	ASSERT_MEMEQ(dst->cpu, src->cpu, BIG);
	ASSERT_MEMEQ(dst2->cpu, src2->cpu, SMALL);
	for (i = 0; i < 20000 && __atomic_load_n(&cb_calls, __ATOMIC_ACQUIRE) < 2;
	     i++)
		usleep_range(500, 1000);
	ASSERT_EQ(cb_calls, 2);
	return 1;
}

static int test_pause_residue(void)
{
	struct dma_chan *chan = soft_memcpy_chan();
	struct tbuf src, dst, src2, dst2;
	struct dma_slave_caps caps;
	int tries, caught = 0;

	ASSERT_NOT_NULL(chan);
	/* a memcpy engine: no slave caps, but pause/resume are there */
	ASSERT_EQ(dma_get_slave_caps(chan, &caps), -ENXIO);
	ASSERT_NOT_NULL(chan->device->device_pause);
	ASSERT_NOT_NULL(chan->device->device_resume);
	tbuf_map(&src, chan, BIG, DMA_TO_DEVICE);
	tbuf_map(&dst, chan, BIG, DMA_FROM_DEVICE);
	tbuf_map(&src2, chan, SMALL, DMA_TO_DEVICE);
	tbuf_map(&dst2, chan, SMALL, DMA_FROM_DEVICE);
	fill_nonzero(src.cpu, BIG, 1);
	fill_nonzero(src2.cpu, SMALL, 2);
	tbuf_sync_dev(&src);
	tbuf_sync_dev(&src2);
	for (tries = 0; tries < 10 && !caught; tries++)
		caught = pause_once(chan, &src, &dst, &src2, &dst2);
	ASSERT_TRUE(caught);
	dma_release_channel(chan);
	tbuf_unmap(&src);
	tbuf_unmap(&dst);
	tbuf_unmap(&src2);
	tbuf_unmap(&dst2);
	return 0;
}

static int test_pause_idle_and_terminate_paused(void)
{
	struct dma_chan *chan = soft_memcpy_chan();
	struct tbuf src, dst;
	dma_cookie_t c;

	ASSERT_NOT_NULL(chan);
	tbuf_map(&src, chan, BIG, DMA_TO_DEVICE);
	tbuf_map(&dst, chan, BIG, DMA_FROM_DEVICE);
	fill_nonzero(src.cpu, BIG, 3);
	/* terminating a paused channel drops the work without callbacks */
	__atomic_store_n(&cb_calls, 0, __ATOMIC_RELAXED);
	c = submit(chan, &dst, &src);
	dma_async_issue_pending(chan);
	ASSERT_EQ(dmaengine_pause(chan), 0);
	ASSERT_EQ(dmaengine_terminate_sync(chan), 0);
	msleep(20);
	if (dmaengine_tx_status(chan, c, NULL) != DMA_COMPLETE)
		ASSERT_EQ(cb_calls, 0);
	/* after terminate, the channel takes new work */
	c = submit(chan, &dst, &src);
	dma_async_issue_pending(chan);
	ASSERT_EQ(dma_sync_wait(chan, c), DMA_COMPLETE);
	tbuf_sync_cpu(&dst);
	ASSERT_MEMEQ(dst.cpu, src.cpu, BIG);
	dma_release_channel(chan);
	tbuf_unmap(&src);
	tbuf_unmap(&dst);
	return 0;
}

int main(void)
{
	struct dma_chan *chan;

	/* nr_channels proves the parameters reach the module (dmakit_soft) */
	setenv("DMAKIT_CMDLINE",
	       "dmakit_soft.chunk_size=4096 dmakit_soft.nr_channels=3", 1);
	dmakit_log_set_hook(log_hook, NULL);
	ASSERT_EQ(dmakit_boot(NULL), 0);
	dmakit_log_set_hook(NULL, NULL);
	ASSERT_EQ(unknown_params, 0);
	chan = soft_memcpy_chan();
	ASSERT_NOT_NULL(chan);
	ASSERT_EQ(chan->device->chancnt, 3);
	dma_release_channel(chan);
	RUN_TEST(test_pause_residue);
	RUN_TEST(test_pause_idle_and_terminate_paused);
	dmakit_shutdown();
	return 0;
}
