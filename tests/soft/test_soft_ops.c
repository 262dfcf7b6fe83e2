// SPDX-License-Identifier: GPL-2.0
/*
 * The software engine's operations besides memcpy: memset (the value is
 * a single byte), memset_sg, interleaved with inter-chunk gaps and
 * src_inc/dst_inc, DMA_PREP_REPEAT replaced by a DMA_PREP_LOAD_EOT
 * transfer (and a non-LOAD_EOT one that waits forever), DMA_INTERRUPT
 * descriptors ordered after earlier work.
 */
#include <linux/delay.h>
#include <linux/dmaengine.h>
#include <linux/scatterlist.h>
#include <dmakit/board.h>

#include "soft-helpers.h"

#define GUARD 64

static int cb_calls;

static void cb(void *param)
{
	__atomic_add_fetch(&cb_calls, 1, __ATOMIC_RELEASE);
}

static int wait_cb(int n)
{
	int i;

	for (i = 0; i < 20000 && __atomic_load_n(&cb_calls, __ATOMIC_ACQUIRE) < n;
	     i++)
		usleep_range(500, 1000);
	return __atomic_load_n(&cb_calls, __ATOMIC_ACQUIRE);
}

static struct dma_chan *chan_with(enum dma_transaction_type t)
{
	dma_cap_mask_t mask;

	dma_cap_zero(mask);
	dma_cap_set(t, mask);
	return dma_request_channel(mask, NULL, NULL);
}

/* ---- memset, memset_sg ---------------------------------------------- */

static int test_memset(void)
{
	struct dma_chan *chan = chan_with(DMA_MEMSET);
	struct dma_async_tx_descriptor *tx;
	const size_t len = 100003;
	struct tbuf b;
	dma_cookie_t c;

	ASSERT_NOT_NULL(chan);
	tbuf_map(&b, chan, len + 2 * GUARD, DMA_BIDIRECTIONAL);
	memset(b.cpu, 0x11, b.len);
	tbuf_sync_dev(&b);
	/* "value is treated as a single byte" */
	tx = dmaengine_prep_dma_memset(chan, b.dma + GUARD, 0x3a5, len,
				       DMA_PREP_INTERRUPT);
	ASSERT_NOT_NULL(tx);
	tx->callback = cb;
	c = dmaengine_submit(tx);
	ASSERT_EQ(dma_sync_wait(chan, c), DMA_COMPLETE);
	tbuf_sync_cpu(&b);
	ASSERT_FILLED(b.cpu, 0x11, GUARD);
	ASSERT_FILLED(b.cpu + GUARD, 0xa5, len);
	ASSERT_FILLED(b.cpu + GUARD + len, 0x11, GUARD);
	dma_release_channel(chan);
	tbuf_unmap(&b);
	return 0;
}

static int test_memset_sg(void)
{
	static const size_t off[3] = { 10, 5000, 70000 };
	static const size_t len[3] = { 1000, 1, 65536 };
	struct dma_chan *chan = chan_with(DMA_MEMSET_SG);
	struct dma_async_tx_descriptor *tx;
	struct scatterlist sg[3];
	unsigned char *ref;
	struct tbuf b;
	dma_cookie_t c;
	int i;

	ASSERT_NOT_NULL(chan);
	ASSERT_NOT_NULL(chan->device->device_prep_dma_memset_sg);
	tbuf_map(&b, chan, 150000, DMA_BIDIRECTIONAL);
	ref = malloc(b.len);
	ASSERT_NOT_NULL(ref);
	test_pattern(b.cpu, b.len, 9);
	memcpy(ref, b.cpu, b.len);
	tbuf_sync_dev(&b);
	sg_init_table(sg, 3);
	for (i = 0; i < 3; i++) {
		sg_dma_address(&sg[i]) = b.dma + off[i];
		sg_dma_len(&sg[i]) = len[i];
		memset(ref + off[i], 0x5c, len[i]);
	}
	/* no client wrapper: callers use the device op, as async_tx does */
	tx = chan->device->device_prep_dma_memset_sg(chan, sg, 3, 0x5c,
						     DMA_PREP_INTERRUPT);
	ASSERT_NOT_NULL(tx);
	c = dmaengine_submit(tx);
	ASSERT_EQ(dma_sync_wait(chan, c), DMA_COMPLETE);
	tbuf_sync_cpu(&b);
	ASSERT_MEMEQ(b.cpu, ref, b.len);
	dma_release_channel(chan);
	tbuf_unmap(&b);
	free(ref);
	return 0;
}

/* ---- interleaved ------------------------------------------------------ */

static struct dma_interleaved_template *xt_alloc(size_t frame_size)
{
	struct dma_interleaved_template *xt;

	xt = calloc(1, struct_size(xt, sgl, frame_size));
	ASSERT_NOT_NULL(xt);
	xt->frame_size = frame_size;
	xt->dir = DMA_MEM_TO_MEM;
	return xt;
}

/* The reference: what the header's data_chunk/icg rules describe. */
static void xt_reference(unsigned char *dst_base, const unsigned char *src_base,
			 struct dma_interleaved_template *xt)
{
	size_t soff = 0, doff = 0, f, i, k;

	for (f = 0; f < xt->numf; f++) {
		for (i = 0; i < xt->frame_size; i++) {
			struct data_chunk *c = &xt->sgl[i];

			for (k = 0; k < c->size; k++) {
				size_t s = xt->src_inc ? soff + k : 0;
				size_t d = xt->dst_inc ? doff + k : 0;

				dst_base[d] = src_base[s];
			}
			soff += c->size + dmaengine_get_src_icg(xt, c);
			doff += c->size + dmaengine_get_dst_icg(xt, c);
		}
	}
}

static int run_xt(struct dma_chan *chan, struct dma_interleaved_template *xt,
		  const char *what)
{
	struct dma_async_tx_descriptor *tx;
	struct tbuf src, dst;
	unsigned char *ref;
	dma_cookie_t c;

	tbuf_map(&src, chan, 1 << 16, DMA_TO_DEVICE);
	tbuf_map(&dst, chan, 1 << 16, DMA_FROM_DEVICE);
	ref = malloc(dst.len);
	ASSERT_NOT_NULL(ref);
	test_pattern(src.cpu, src.len, 4);
	memset(dst.cpu, 0xee, dst.len);
	memcpy(ref, dst.cpu, dst.len);
	tbuf_sync_dev(&src);
	tbuf_sync_dev(&dst);
	xt->src_start = src.dma;
	xt->dst_start = dst.dma;
	xt_reference(ref, src.cpu, xt);
	tx = dmaengine_prep_interleaved_dma(chan, xt, DMA_PREP_INTERRUPT);
	if (!tx)
		TEST_FAIL_AT("interleaved prep failed (%s)", what);
	c = dmaengine_submit(tx);
	ASSERT_EQ(dma_sync_wait(chan, c), DMA_COMPLETE);
	tbuf_sync_cpu(&dst);
	if (memcmp(dst.cpu, ref, dst.len))
		fprintf(stderr, "interleaved mismatch: %s\n", what);
	ASSERT_MEMEQ(dst.cpu, ref, dst.len);
	tbuf_unmap(&src);
	tbuf_unmap(&dst);
	free(ref);
	return 0;
}

static int test_interleaved(void)
{
	struct dma_chan *chan = chan_with(DMA_INTERLEAVE);
	struct dma_interleaved_template *xt;

	ASSERT_NOT_NULL(chan);
	/* 2-D: 16 lines of 100 bytes, source stride 160, dest packed */
	xt = xt_alloc(1);
	xt->numf = 16;
	xt->sgl[0].size = 100;
	xt->sgl[0].icg = 60;
	xt->src_inc = xt->dst_inc = true;
	xt->src_sgl = true;
	xt->dst_sgl = false;
	ASSERT_EQ(run_xt(chan, xt, "src gaps"), 0);
	/* the same gaps on the destination side only */
	xt->src_sgl = false;
	xt->dst_sgl = true;
	ASSERT_EQ(run_xt(chan, xt, "dst gaps"), 0);
	free(xt);

	/* several chunks per frame, per-side icgs overriding icg */
	xt = xt_alloc(3);
	xt->numf = 7;
	xt->sgl[0] = (struct data_chunk){ .size = 33, .icg = 5, .src_icg = 11 };
	xt->sgl[1] = (struct data_chunk){ .size = 1, .icg = 2, .dst_icg = 9 };
	xt->sgl[2] = (struct data_chunk){ .size = 250, .icg = 0 };
	xt->src_inc = xt->dst_inc = true;
	xt->src_sgl = xt->dst_sgl = true;
	ASSERT_EQ(run_xt(chan, xt, "multi-chunk icg"), 0);

	/* a fixed source (src_inc = false): every byte from one address */
	xt->src_inc = false;
	ASSERT_EQ(run_xt(chan, xt, "fixed source"), 0);
	/* a fixed destination (dst_inc = false): it keeps the last byte */
	xt->src_inc = true;
	xt->dst_inc = false;
	ASSERT_EQ(run_xt(chan, xt, "fixed destination"), 0);
	free(xt);
	dma_release_channel(chan);
	return 0;
}

/* ---- REPEAT / LOAD_EOT -------------------------------------------------- */

static struct dma_async_tx_descriptor *
prep_frame(struct dma_chan *chan, struct tbuf *dst, struct tbuf *src,
	   unsigned long flags)
{
	struct dma_interleaved_template *xt = xt_alloc(1);
	struct dma_async_tx_descriptor *tx;

	xt->numf = 1;
	xt->sgl[0].size = src->len;
	xt->src_inc = xt->dst_inc = true;
	xt->src_start = src->dma;
	xt->dst_start = dst->dma;
	tx = dmaengine_prep_interleaved_dma(chan, xt, flags);
	free(xt);		/* the template belongs to the caller */
	return tx;
}

static int wait_equal(struct tbuf *dst, struct tbuf *src)
{
	int i;

	for (i = 0; i < 20000; i++) {
		tbuf_sync_cpu(dst);
		if (!memcmp(dst->cpu, src->cpu, src->len))
			return 1;
		usleep_range(200, 500);
	}
	return 0;
}

static int __maybe_unused test_repeat_load_eot(void)
{
	struct dma_chan *chan = chan_with(DMA_REPEAT);
	struct dma_async_tx_descriptor *t1, *t2, *t3;
	struct tbuf s1, s2, dst;
	dma_cookie_t c1, c2, c3;

	ASSERT_NOT_NULL(chan);
	ASSERT_TRUE(dma_has_cap(DMA_LOAD_EOT, chan->device->cap_mask));
	tbuf_map(&s1, chan, 4096, DMA_TO_DEVICE);
	tbuf_map(&s2, chan, 4096, DMA_TO_DEVICE);
	tbuf_map(&dst, chan, 4096, DMA_FROM_DEVICE);
	memset(s1.cpu, 0x01, s1.len);
	memset(s2.cpu, 0x02, s2.len);
	memset(dst.cpu, 0, dst.len);

	t1 = prep_frame(chan, &dst, &s1, DMA_PREP_REPEAT | DMA_PREP_INTERRUPT);
	ASSERT_NOT_NULL(t1);
	c1 = dmaengine_submit(t1);
	dma_async_issue_pending(chan);
	ASSERT_TRUE(wait_equal(&dst, &s1));
	/* it repeats: the source changes, the destination follows */
	memset(s1.cpu, 0x03, s1.len);
	tbuf_sync_dev(&s1);
	ASSERT_TRUE(wait_equal(&dst, &s1));
	ASSERT_EQ(dmaengine_tx_status(chan, c1, NULL), DMA_IN_PROGRESS);

	/* without LOAD_EOT a new transfer waits behind it forever */
	t2 = prep_frame(chan, &dst, &s2, DMA_PREP_INTERRUPT);
	ASSERT_NOT_NULL(t2);
	c2 = dmaengine_submit(t2);
	dma_async_issue_pending(chan);
	msleep(30);
	ASSERT_EQ(dmaengine_tx_status(chan, c2, NULL), DMA_IN_PROGRESS);
	ASSERT_EQ(dmaengine_tx_status(chan, c1, NULL), DMA_IN_PROGRESS);
	ASSERT_EQ(dmaengine_terminate_sync(chan), 0);

	/* LOAD_EOT replaces the repeated transfer at its end */
	__atomic_store_n(&cb_calls, 0, __ATOMIC_RELAXED);
	t1 = prep_frame(chan, &dst, &s1, DMA_PREP_REPEAT);
	ASSERT_NOT_NULL(t1);
	c1 = dmaengine_submit(t1);
	dma_async_issue_pending(chan);
	ASSERT_TRUE(wait_equal(&dst, &s1));
	t3 = prep_frame(chan, &dst, &s2, DMA_PREP_LOAD_EOT | DMA_PREP_INTERRUPT);
	ASSERT_NOT_NULL(t3);
	t3->callback = cb;
	c3 = dmaengine_submit(t3);
	dma_async_issue_pending(chan);
	ASSERT_EQ(dma_sync_wait(chan, c3), DMA_COMPLETE);
	ASSERT_EQ(dmaengine_tx_status(chan, c1, NULL), DMA_COMPLETE);
	tbuf_sync_cpu(&dst);
	ASSERT_MEMEQ(dst.cpu, s2.cpu, s2.len);
	ASSERT_EQ(wait_cb(1), 1);
	/* and nothing writes the destination afterwards */
	memset(dst.cpu, 0x7f, dst.len);
	msleep(20);
	ASSERT_FILLED(dst.cpu, 0x7f, dst.len);
	dma_release_channel(chan);
	tbuf_unmap(&s1);
	tbuf_unmap(&s2);
	tbuf_unmap(&dst);
	return 0;
}

/* ---- DMA_INTERRUPT ------------------------------------------------------- */

static struct tbuf *irq_src, *irq_dst;
static int irq_saw_data;

static void irq_cb(void *param)
{
	if (!memcmp(irq_dst->cpu, irq_src->cpu, irq_src->len))
		__atomic_store_n(&irq_saw_data, 1, __ATOMIC_RELAXED);
	cb(param);
}

static int test_interrupt_desc(void)
{
	struct dma_chan *chan = chan_with(DMA_INTERRUPT);
	struct dma_async_tx_descriptor *tx;
	struct tbuf src, dst;
	dma_cookie_t c;

	ASSERT_NOT_NULL(chan);
	ASSERT_TRUE(dma_has_cap(DMA_MEMCPY, chan->device->cap_mask));
	tbuf_map(&src, chan, 8 << 20, DMA_TO_DEVICE);
	tbuf_map(&dst, chan, 8 << 20, DMA_FROM_DEVICE);
	test_pattern(src.cpu, src.len, 5);
	memset(dst.cpu, 0, dst.len);
	irq_src = &src;
	irq_dst = &dst;
	__atomic_store_n(&cb_calls, 0, __ATOMIC_RELAXED);
	/* a silent copy, then an interrupt descriptor behind it */
	tx = dmaengine_prep_dma_memcpy(chan, dst.dma, src.dma, src.len, 0);
	ASSERT_NOT_NULL(tx);
	dmaengine_submit(tx);
	tx = chan->device->device_prep_dma_interrupt(chan, DMA_PREP_INTERRUPT);
	ASSERT_NOT_NULL(tx);
	tx->callback = irq_cb;
	c = dmaengine_submit(tx);
	dma_async_issue_pending(chan);
	ASSERT_EQ(wait_cb(1), 1);
	ASSERT_EQ(irq_saw_data, 1);
	ASSERT_EQ(dmaengine_tx_status(chan, c, NULL), DMA_COMPLETE);
	dma_release_channel(chan);
	tbuf_unmap(&src);
	tbuf_unmap(&dst);
	return 0;
}

int main(void)
{
	ASSERT_EQ(dmakit_boot(NULL), 0);
	RUN_TEST(test_memset);
	RUN_TEST(test_memset_sg);
	RUN_TEST(test_interleaved);
#ifndef __SANITIZE_THREAD__
	/* the CPU watches memory the engine keeps rewriting: a TSan race */
	RUN_TEST(test_repeat_load_eot);
#endif
	RUN_TEST(test_interrupt_desc);
	dmakit_shutdown();
	return 0;
}
