// SPDX-License-Identifier: GPL-2.0
/*
 * The software engine against the client guide's guarantees: callbacks
 * run in softirq context, never on the submitting thread, once per
 * descriptor, in submission order per channel; terminate drops
 * descriptors without calling their callbacks, works from inside a
 * callback, and dmaengine_synchronize returns only after running
 * callbacks finished; dma_async_is_tx_complete follows the last
 * completed cookie; polling without DMA_PREP_INTERRUPT works; the
 * per-channel counters and in_use follow the traffic.
 */
#include <pthread.h>
#include <linux/delay.h>
#include <linux/dmaengine.h>
#include <dmakit/board.h>
#include <dmakit/dmaengine.h>

#include "soft-helpers.h"

static pthread_t main_thread;

struct rec {
	int order[1024];
	int n;			/* atomics below */
	int bad_context;
	int on_main;
	int data_bad;
	int started, finished;
	struct dma_chan *chan;
	bool terminate_in_cb;
	int terminate_ret;
	unsigned int busy_ms;
	struct tbuf *src, *dst;	/* per descriptor buffers, for checks */
};

static struct rec rec;

static void rec_reset(void)
{
	memset(&rec, 0, sizeof(rec));
	rec.terminate_ret = 12345;
}

static void cb(void *param)
{
	int id = (int)(long)param, i;

	if (!in_softirq() || in_irq())
		__atomic_add_fetch(&rec.bad_context, 1, __ATOMIC_RELAXED);
	if (pthread_equal(pthread_self(), main_thread))
		__atomic_add_fetch(&rec.on_main, 1, __ATOMIC_RELAXED);
	__atomic_add_fetch(&rec.started, 1, __ATOMIC_SEQ_CST);
	/* a callback only ever sees a fully copied buffer */
	if (rec.src && memcmp(rec.src[id].cpu, rec.dst[id].cpu, rec.src[id].len))
		__atomic_add_fetch(&rec.data_bad, 1, __ATOMIC_RELAXED);
	if (rec.terminate_in_cb)
		rec.terminate_ret = dmaengine_terminate_async(rec.chan);
	if (rec.busy_ms)
		mdelay(rec.busy_ms);
	i = __atomic_load_n(&rec.n, __ATOMIC_RELAXED);
	if (i < (int)ARRAY_SIZE(rec.order))
		rec.order[i] = id;
	__atomic_store_n(&rec.n, i + 1, __ATOMIC_RELEASE);
	__atomic_add_fetch(&rec.finished, 1, __ATOMIC_SEQ_CST);
}

static int wait_calls(int n)
{
	int i;

	for (i = 0; i < 40000 && __atomic_load_n(&rec.n, __ATOMIC_ACQUIRE) < n;
	     i++)
		usleep_range(500, 1000);
	return __atomic_load_n(&rec.n, __ATOMIC_ACQUIRE);
}

static dma_cookie_t submit_copy(struct dma_chan *chan, struct tbuf *dst,
				struct tbuf *src, long id, unsigned long flags)
{
	struct dma_async_tx_descriptor *tx;

	tx = dmaengine_prep_dma_memcpy(chan, dst->dma, src->dma, src->len,
				       flags);
	if (!tx)
		TEST_FAIL_AT("prep_dma_memcpy failed");
	if (flags & DMA_PREP_INTERRUPT) {
		tx->callback = cb;
		tx->callback_param = (void *)id;
	}
	return dmaengine_submit(tx);
}

static void make_bufs(struct dma_chan *chan, struct tbuf *src, struct tbuf *dst,
		      int n, size_t (*size)(int))
{
	int i;

	for (i = 0; i < n; i++) {
		tbuf_map(&src[i], chan, size(i), DMA_TO_DEVICE);
		tbuf_map(&dst[i], chan, size(i), DMA_FROM_DEVICE);
		test_pattern(src[i].cpu, src[i].len, i + 1);
		memset(dst[i].cpu, 0, dst[i].len);
		tbuf_sync_dev(&src[i]);
	}
}

static void free_bufs(struct tbuf *src, struct tbuf *dst, int n)
{
	int i;

	for (i = 0; i < n; i++) {
		tbuf_unmap(&src[i]);
		tbuf_unmap(&dst[i]);
	}
}

static size_t size_var(int i)
{
	return 1 + ((i * 7919) % 20000);
}

static size_t size_1m(int i)
{
	return 1 << 20;
}

/* ---- order, context, status ------------------------------------------ */

#define NORD 300

static int test_order_and_context(void)
{
	struct dma_chan *chan = soft_memcpy_chan();
	static struct tbuf src[NORD], dst[NORD];
	dma_cookie_t c, first = 0, last = 0, used, prev_last = 0;
	enum dma_status st;
	int i;

	ASSERT_NOT_NULL(chan);
	rec_reset();
	make_bufs(chan, src, dst, NORD, size_var);
	rec.src = src;
	rec.dst = dst;
	for (i = 0; i < NORD; i++) {
		c = submit_copy(chan, &dst[i], &src[i], i, DMA_PREP_INTERRUPT);
		ASSERT_GT(c, 0);
		if (!first)
			first = c;
		ASSERT_EQ(c, first + i);	/* cookies follow submission */
	}
	/* submit does not start anything */
	msleep(5);
	ASSERT_EQ(dmaengine_tx_status(chan, first, NULL), DMA_IN_PROGRESS);
	ASSERT_EQ(rec.n, 0);
	dma_async_issue_pending(chan);
	/* the last completed cookie only moves forward */
	do {
		st = dma_async_is_tx_complete(chan, first + NORD - 1, &last,
					      &used);
		ASSERT_EQ(used, first + NORD - 1);
		ASSERT_GE(last, prev_last);
		prev_last = last;
		usleep_range(20, 50);
	} while (st != DMA_COMPLETE);
	ASSERT_EQ(last, first + NORD - 1);
	ASSERT_EQ(wait_calls(NORD), NORD);
	for (i = 0; i < NORD; i++) {
		ASSERT_EQ(rec.order[i], i);
		tbuf_sync_cpu(&dst[i]);
		ASSERT_MEMEQ(dst[i].cpu, src[i].cpu, src[i].len);
	}
	ASSERT_EQ(rec.bad_context, 0);
	ASSERT_EQ(rec.on_main, 0);
	ASSERT_EQ(rec.data_bad, 0);
	msleep(10);
	ASSERT_EQ(rec.n, NORD);		/* exactly once each */
	dma_release_channel(chan);
	free_bufs(src, dst, NORD);
	return 0;
}

static int test_polling(void)
{
	struct dma_chan *chan = soft_memcpy_chan();
	struct tbuf src[8], dst[8];
	dma_cookie_t c = 0;
	int i;

	ASSERT_NOT_NULL(chan);
	rec_reset();
	make_bufs(chan, src, dst, 8, size_var);
	for (i = 0; i < 8; i++)
		c = submit_copy(chan, &dst[i], &src[i], i, 0);
	ASSERT_EQ(dma_sync_wait(chan, c), DMA_COMPLETE);
	for (i = 0; i < 8; i++) {
		tbuf_sync_cpu(&dst[i]);
		ASSERT_MEMEQ(dst[i].cpu, src[i].cpu, src[i].len);
	}
	ASSERT_EQ(dmaengine_tx_status(chan, c, NULL), DMA_COMPLETE);
	ASSERT_EQ(rec.n, 0);		/* no callbacks were asked for */
	dma_release_channel(chan);
	free_bufs(src, dst, 8);
	return 0;
}

/* ---- terminate --------------------------------------------------------- */

#define NTERM 48

static int test_terminate_drops(void)
{
	struct dma_chan *chan = soft_memcpy_chan();
	static struct tbuf src[NTERM], dst[NTERM];
	dma_cookie_t c[NTERM];
	int i, n1, round;

	ASSERT_NOT_NULL(chan);
	make_bufs(chan, src, dst, NTERM, size_1m);
	for (round = 0; round < 3; round++) {
		rec_reset();
		rec.src = src;
		rec.dst = dst;
		for (i = 0; i < NTERM; i++) {
			memset(dst[i].cpu, 0, dst[i].len);
			tbuf_sync_dev(&dst[i]);
		}
		for (i = 0; i < NTERM; i++)
			c[i] = submit_copy(chan, &dst[i], &src[i], i,
					   DMA_PREP_INTERRUPT);
		/* round 0 terminates at once, the others mid-stream */
		dma_async_issue_pending(chan);
		if (round == 1)
			dma_async_is_tx_complete(chan, c[0], NULL, NULL);
		if (round == 2)
			wait_calls(1);
		ASSERT_EQ(dmaengine_terminate_sync(chan), 0);
		n1 = rec.n;
		msleep(30);
		/* no late callbacks, and they were a prefix in order */
		ASSERT_EQ(rec.n, n1);
		for (i = 0; i < n1; i++)
			ASSERT_EQ(rec.order[i], i);
		ASSERT_EQ(rec.data_bad, 0);
		ASSERT_EQ(rec.bad_context, 0);
	}

	/* submitted but never issued: dropped without a callback */
	rec_reset();
	for (i = 0; i < 4; i++)
		submit_copy(chan, &dst[i], &src[i], i, DMA_PREP_INTERRUPT);
	ASSERT_EQ(dmaengine_terminate_sync(chan), 0);
	dma_async_issue_pending(chan);
	msleep(30);
	ASSERT_EQ(rec.n, 0);

	/* the channel still works */
	rec_reset();
	c[0] = submit_copy(chan, &dst[0], &src[0], 0, DMA_PREP_INTERRUPT);
	dma_async_issue_pending(chan);
	ASSERT_EQ(wait_calls(1), 1);
	ASSERT_EQ(dmaengine_tx_status(chan, c[0], NULL), DMA_COMPLETE);
	dma_release_channel(chan);
	free_bufs(src, dst, NTERM);
	return 0;
}

static int test_terminate_from_callback(void)
{
	struct dma_chan *chan = soft_memcpy_chan();
	static struct tbuf src[16], dst[16];
	int i, n1;

	ASSERT_NOT_NULL(chan);
	rec_reset();
	make_bufs(chan, src, dst, 16, size_1m);
	rec.chan = chan;
	rec.terminate_in_cb = true;
	for (i = 0; i < 16; i++)
		submit_copy(chan, &dst[i], &src[i], i, DMA_PREP_INTERRUPT);
	dma_async_issue_pending(chan);
	ASSERT_GE(wait_calls(1), 1);
	dmaengine_synchronize(chan);
	ASSERT_EQ(rec.terminate_ret, 0);
	n1 = rec.n;
	msleep(30);
	ASSERT_EQ(rec.n, n1);
	ASSERT_EQ(rec.order[0], 0);
	ASSERT_EQ(rec.bad_context, 0);
	dma_release_channel(chan);
	free_bufs(src, dst, 16);
	return 0;
}

static int test_synchronize_waits(void)
{
	struct dma_chan *chan = soft_memcpy_chan();
	struct tbuf src[1], dst[1];
	int i;

	ASSERT_NOT_NULL(chan);
	rec_reset();
	make_bufs(chan, src, dst, 1, size_var);
	rec.busy_ms = 100;
	submit_copy(chan, &dst[0], &src[0], 0, DMA_PREP_INTERRUPT);
	dma_async_issue_pending(chan);
	for (i = 0; i < 40000 && !__atomic_load_n(&rec.started, __ATOMIC_SEQ_CST);
	     i++)
		usleep_range(100, 200);
	ASSERT_EQ(rec.started, 1);
	ASSERT_EQ(dmaengine_terminate_sync(chan), 0);
	/* the running callback finished before synchronize returned */
	ASSERT_EQ(__atomic_load_n(&rec.finished, __ATOMIC_SEQ_CST), 1);
	dma_release_channel(chan);
	free_bufs(src, dst, 1);
	return 0;
}

/* ---- counters ---------------------------------------------------------- */

static int test_stats(void)
{
	struct dma_chan *chan = soft_memcpy_chan();
	unsigned long cnt0, bytes0, cnt1, bytes1;
	struct tbuf src[10], dst[10];
	size_t total = 0;
	dma_cookie_t c = 0;
	int i;

	ASSERT_NOT_NULL(chan);
	ASSERT_EQ(chan->client_count, 1);		/* sysfs in_use */
	make_bufs(chan, src, dst, 10, size_var);
	dmaengine_chan_stats(chan, &cnt0, &bytes0);
	for (i = 0; i < 10; i++) {
		c = submit_copy(chan, &dst[i], &src[i], i, 0);
		total += src[i].len;
	}
	ASSERT_EQ(dma_sync_wait(chan, c), DMA_COMPLETE);
	dmaengine_chan_stats(chan, &cnt1, &bytes1);
	ASSERT_EQ(cnt1 - cnt0, 10);
	ASSERT_EQ(bytes1 - bytes0, total);
	dma_release_channel(chan);
	ASSERT_EQ(chan->client_count, 0);
	free_bufs(src, dst, 10);
	return 0;
}

int main(void)
{
	main_thread = pthread_self();
	ASSERT_EQ(dmakit_boot(NULL), 0);
	RUN_TEST(test_order_and_context);
	RUN_TEST(test_polling);
	RUN_TEST(test_terminate_drops);
	RUN_TEST(test_terminate_from_callback);
	RUN_TEST(test_synchronize_waits);
	RUN_TEST(test_stats);
	dmakit_shutdown();
	return 0;
}
