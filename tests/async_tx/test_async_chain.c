// SPDX-License-Identifier: GPL-2.0
/*
 * async_tx dependency chains and life cycle on the software engine:
 *  - an XOR on channel B that depends on a memcpy on channel A (channel
 *    switch through a DMA_INTERRUPT descriptor on A) reads the copied
 *    data, and the callbacks run in dependency order;
 *  - a longer chain alternating A, B, A, B, and async_trigger_callback;
 *  - same-channel chains through the public API (async_memcpy ->
 *    async_xor -> async_gen_syndrome with depend_tx);
 *  - boot/shutdown cycles: async_tx gives its public channels back, so a
 *    private request succeeds after a cycle and async_tx offloads again.
 */
#include <stdlib.h>
#include <linux/async_tx.h>
#include <linux/completion.h>
#include <linux/dma-mapping.h>
#include <linux/err.h>
#include <linux/mm.h>
#include <dmakit/board.h>
#include "raid_ref.h"

#define LEN	(1 << 20)
#define NOPS	8

static int seq;

struct rec {
	int order;
	struct completion done;
};

static void rec_cb(void *p)
{
	struct rec *r = p;

	r->order = __atomic_add_fetch(&seq, 1, __ATOMIC_SEQ_CST);
	complete(&r->done);
}

static void rec_init(struct rec *r)
{
	r->order = 0;
	init_completion(&r->done);
}

static bool rec_wait(struct rec *r)
{
	return wait_for_completion_timeout(&r->done, msecs_to_jiffies(20000));
}

static struct dma_chan *other_chan(struct dma_chan *a)
{
	struct dma_chan *c;

	list_for_each_entry(c, &a->device->channels, device_node)
		if (c != a && c->client_count)
			return c;
	return NULL;
}

/* tx[i] on chan[i % 2]: memcpy, xor, memcpy, xor ... each using the last */
static void test_cross_channel(void)
{
	struct dma_chan *ch[2];
	struct device *dev;
	unsigned char *b[NOPS + 2], *ref = malloc(LEN), *x = malloc(LEN);
	dma_addr_t a[NOPS + 2];
	struct dma_async_tx_descriptor *tx, *prev = NULL;
	struct async_submit_ctl sub;
	struct rec r[NOPS], last;
	int i;

	async_tx_get_channels();
	ch[0] = dma_find_channel(DMA_MEMCPY);
	ch[1] = ch[0] ? other_chan(ch[0]) : NULL;
	if (!ch[0] || !ch[1]) {
		CHECK(0, "two public channels: %p %p", ch[0], ch[1]);
		return;
	}
	dev = ch[0]->device->dev;
	for (i = 0; i < NOPS + 2; i++) {
		b[i] = malloc(LEN);
		fill_random(b[i], LEN);
		a[i] = dma_map_single(dev, b[i], LEN, DMA_BIDIRECTIONAL);
	}
	x[0] = 0;
	/*
	 * b[0] is the source.  op i writes b[i + 1]: even ops copy b[i],
	 * odd ops xor b[i] with the key b[NOPS + 1].
	 */
	memcpy(ref, b[0], LEN);
	for (i = 0; i < NOPS; i++) {
		struct dma_chan *c = ch[i % 2];
		dma_addr_t srcs[2] = { a[i], a[NOPS + 1] };

		if (i % 2 == 0)
			tx = c->device->device_prep_dma_memcpy(c, a[i + 1], a[i],
						LEN, DMA_PREP_INTERRUPT);
		else
			tx = c->device->device_prep_dma_xor(c, a[i + 1], srcs,
						2, LEN, DMA_PREP_INTERRUPT);
		if (!tx) {
			CHECK(0, "prep %d", i);
			return;
		}
		if (i % 2)
			for (size_t k = 0; k < LEN; k++)
				ref[k] ^= b[NOPS + 1][k];
		rec_init(&r[i]);
		init_async_submit(&sub, i == NOPS - 1 ? ASYNC_TX_ACK : 0, prev,
				  rec_cb, &r[i], NULL);
		async_tx_submit(c, tx, &sub);
		CHECK(i == 0 || async_tx_test_ack(prev),
		      "depend_tx acked by submit");
		prev = tx;
	}
	async_tx_issue_pending_all();
	for (i = 0; i < NOPS; i++)
		CHECK(rec_wait(&r[i]), "op %d never completed", i);
	for (i = 1; i < NOPS; i++)
		CHECK(r[i].order > r[i - 1].order, "op %d ran before op %d",
		      i, i - 1);
	for (i = 0; i < NOPS + 2; i++)
		dma_unmap_single(dev, a[i], LEN, DMA_BIDIRECTIONAL);
	CHECK(!memcmp(b[NOPS], ref, LEN), "chained result wrong");

	/* async_trigger_callback behind a memcpy on the other channel */
	rec_init(&r[0]);
	rec_init(&last);
	a[0] = dma_map_single(dev, b[0], LEN, DMA_TO_DEVICE);
	a[1] = dma_map_single(dev, x, 1, DMA_FROM_DEVICE);
	tx = ch[1]->device->device_prep_dma_memcpy(ch[1], a[1], a[0], 1, 0);
	init_async_submit(&sub, 0, NULL, rec_cb, &r[0], NULL);
	async_tx_submit(ch[1], tx, &sub);
	init_async_submit(&sub, ASYNC_TX_ACK, tx, rec_cb, &last, NULL);
	CHECK(async_trigger_callback(&sub) != NULL, "trigger_callback sync");
	async_tx_issue_pending_all();
	CHECK(rec_wait(&r[0]) && rec_wait(&last), "trigger_callback");
	CHECK(last.order > r[0].order, "callback before its dependency");
	CHECK(x[0] == b[0][0], "memcpy before trigger_callback");
	dma_unmap_single(dev, a[0], LEN, DMA_TO_DEVICE);
	dma_unmap_single(dev, a[1], 1, DMA_FROM_DEVICE);

	for (i = 0; i < NOPS + 2; i++)
		free(b[i]);
	free(ref);
	free(x);
}

/* async_memcpy -> async_xor -> async_gen_syndrome -> callback */
static bool test_public_chain(void)
{
	size_t len = 3 * PAGE_SIZE + 100;
	struct page *pg[6];
	unsigned int off[6] = { 0 };
	struct page *list[3];
	struct dma_async_tx_descriptor *tx;
	struct async_submit_ctl sub;
	addr_conv_t scribble[8];
	unsigned char *p[6], refp[3 * PAGE_SIZE + 100], refq[3 * PAGE_SIZE + 100];
	unsigned char *srcs[4], coefs[4];
	struct rec done;
	bool offloaded;
	int i;

	for (i = 0; i < 6; i++) {
		pg[i] = aligned_alloc(PAGE_SIZE, 4 * PAGE_SIZE);
		p[i] = (unsigned char *)pg[i];
		fill_random(p[i], len);
	}
	/* d1 = copy of d0; d2 = d0 ^ d1 (all zero); then P/Q of d0..d3 */
	init_async_submit(&sub, 0, NULL, NULL, NULL, NULL);
	tx = async_memcpy(pg[1], pg[0], 0, 0, len, &sub);
	offloaded = tx != NULL;
	list[0] = pg[0];
	list[1] = pg[1];
	init_async_submit(&sub, ASYNC_TX_XOR_ZERO_DST, tx, NULL, NULL, NULL);
	tx = async_xor(pg[2], list, 0, 2, len, &sub);
	offloaded &= tx != NULL;
	rec_init(&done);
	init_async_submit(&sub, ASYNC_TX_ACK, tx, rec_cb, &done, scribble);
	tx = async_gen_syndrome(pg, off, 6, len, &sub);
	offloaded &= tx != NULL;
	async_tx_issue_pending_all();
	CHECK(rec_wait(&done), "public chain never completed");
	for (i = 0; i < 4; i++) {
		srcs[i] = p[i];
		coefs[i] = ref_gfexp(i);
	}
	CHECK(!memcmp(p[1], p[0], len), "memcpy in chain");
	CHECK(!memchr_inv(p[2], 0, len), "xor in chain");
	ref_pq(refp, refq, srcs, coefs, 4, len);
	CHECK(!memcmp(p[4], refp, len) && !memcmp(p[5], refq, len),
	      "P/Q at the end of the chain");
	for (i = 0; i < 6; i++)
		free(pg[i]);
	return offloaded;
}

static void cycle(int n)
{
	dma_cap_mask_t mask;
	struct dma_chan *chan;

	if (dmakit_boot(NULL)) {
		CHECK(0, "boot %d", n);
		exit(1);
	}
	/* nothing holds the channels: a private request succeeds */
	dma_cap_zero(mask);
	dma_cap_set(DMA_PQ, mask);
	chan = dma_request_chan_by_mask(&mask);
	CHECK(!IS_ERR(chan), "cycle %d: private request failed (%ld)", n,
	      PTR_ERR(chan));
	if (!IS_ERR(chan))
		dma_release_channel(chan);

	CHECK(test_public_chain(), "cycle %d: chain not offloaded", n);
	/* async_tx holds them now: a private request is refused */
	chan = dma_request_chan_by_mask(&mask);
	CHECK(IS_ERR(chan), "cycle %d: private request while public", n);
	if (!IS_ERR(chan))
		dma_release_channel(chan);
	test_cross_channel();
	dmakit_shutdown();
}

int main(void)
{
	int i;

	if (!getenv("DMAKIT_CMDLINE"))
		setenv("DMAKIT_CMDLINE", "soft_dma.nr_channels=4", 1);
	for (i = 0; i < 3; i++)
		cycle(i);
	/* with no channel at all, the same chain runs synchronously */
	CHECK(!test_public_chain(), "offloaded with no engine");
	if (failures)
		return 1;
	printf("test_async_chain: ok\n");
	return 0;
}
