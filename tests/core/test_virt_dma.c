// SPDX-License-Identifier: GPL-2.0
/*
 * virt-dma and the descriptor-level client API, through the test
 * provider: callbacks run from the tasklet (softirq, never on the
 * submitting thread) in completion order; callback_result wins over
 * callback and a NULL result reads NOERROR; terminate drops incomplete
 * and completed-but-undelivered descriptors; terminate_async works from
 * a callback; synchronize waits for a running callback; the metadata API
 * in both modes; descriptor reuse; unmap data refcounting;
 * dma_run_dependencies; release frees what is left.
 */
#include <pthread.h>
#include <linux/delay.h>
#include <linux/dma-mapping.h>
#include <linux/dmaengine.h>
#include <linux/slab.h>
#include <dmakit/board.h>
#include "dmaengine.h"
#include "tprov.h"

#include "helpers.h"

static struct platform_device *pdev0;
static pthread_t main_thread;

static bool filter_dev(struct dma_chan *chan, void *param)
{
	return chan->device == param;
}

static struct tprov *new_registered(const struct tprov_cfg *cfg)
{
	struct tprov *tp = tprov_new(pdev0, cfg);

	if (!tp || tprov_register(tp))
		TEST_FAIL_AT("cannot register test provider");
	return tp;
}

static struct dma_chan *get_chan(struct tprov *tp, enum dma_transaction_type t)
{
	dma_cap_mask_t mask;

	dma_cap_zero(mask);
	dma_cap_set(t, mask);
	return dma_request_channel(mask, filter_dev, &tp->dma);
}

/* ---- a callback recorder ----------------------------------------------- */

struct rec {
	int order[256];
	int n;			/* atomic */
	int bad_context;	/* atomic */
	int on_main;		/* atomic */
	int plain_calls;	/* atomic */
	enum dmaengine_tx_result result;
	u32 residue;
	struct dma_chan *chan;
	int terminate_ret;
	bool terminate_in_cb;
	int started, finished;	/* atomic */
	unsigned int busy_ms;
};

static struct rec rec;

static void rec_reset(void)
{
	memset(&rec, 0, sizeof(rec));
	rec.terminate_ret = 12345;
}

static void note_context(void)
{
	if (!in_softirq() || in_irq())
		__atomic_add_fetch(&rec.bad_context, 1, __ATOMIC_RELAXED);
	if (pthread_equal(pthread_self(), main_thread))
		__atomic_add_fetch(&rec.on_main, 1, __ATOMIC_RELAXED);
}

static void cb_record(void *param)
{
	int i;

	note_context();
	__atomic_add_fetch(&rec.started, 1, __ATOMIC_SEQ_CST);
	if (rec.terminate_in_cb)
		rec.terminate_ret = dmaengine_terminate_async(rec.chan);
	if (rec.busy_ms)
		mdelay(rec.busy_ms);	/* callbacks must not sleep */
	i = __atomic_load_n(&rec.n, __ATOMIC_RELAXED);
	if (i < (int)ARRAY_SIZE(rec.order))
		rec.order[i] = (int)(long)param;
	__atomic_store_n(&rec.n, i + 1, __ATOMIC_RELEASE);
	__atomic_add_fetch(&rec.finished, 1, __ATOMIC_SEQ_CST);
}

static void cb_result(void *param, const struct dmaengine_result *r)
{
	note_context();
	rec.result = r->result;
	rec.residue = r->residue;
	__atomic_store_n(&rec.n, rec.n + 1, __ATOMIC_RELEASE);
}

static void cb_plain(void *param)
{
	__atomic_add_fetch(&rec.plain_calls, 1, __ATOMIC_RELAXED);
}

static int wait_calls(int n)
{
	int i;

	for (i = 0; i < 20000 && __atomic_load_n(&rec.n, __ATOMIC_ACQUIRE) < n;
	     i++)
		usleep_range(500, 1000);
	return __atomic_load_n(&rec.n, __ATOMIC_ACQUIRE);
}

static struct dma_async_tx_descriptor *prep_cb(struct dma_chan *chan,
					       void *dst, void *src, size_t len,
					       long id)
{
	struct dma_async_tx_descriptor *tx;

	tx = dmaengine_prep_dma_memcpy(chan, (dma_addr_t)(uintptr_t)dst,
				       (dma_addr_t)(uintptr_t)src, len,
				       DMA_PREP_INTERRUPT);
	if (tx) {
		tx->callback = cb_record;
		tx->callback_param = (void *)id;
	}
	return tx;
}

static const struct tprov_cfg mc_cfg = {
	.nr_chans = 2, .memcpy = true, .control = true, .slave = true,
};

/* ---- callbacks --------------------------------------------------------- */

static int test_callback_order_context(void)
{
	struct tprov *tp = new_registered(&mc_cfg);
	struct dma_chan *chan = get_chan(tp, DMA_MEMCPY);
	static char src[100][32], dst[100][32];
	int i;

	ASSERT_NOT_NULL(chan);
	rec_reset();
	for (i = 0; i < 100; i++) {
		test_pattern(src[i], 32, i);
		ASSERT_GT(dmaengine_submit(prep_cb(chan, dst[i], src[i], 32, i)),
			  0);
	}
	dma_async_issue_pending(chan);
	/* complete in several batches so several tasklet runs happen */
	for (i = 0; i < 100; i += 7) {
		tprov_complete(chan, 7);
		if (i % 21 == 0)
			msleep(1);
	}
	ASSERT_EQ(wait_calls(100), 100);
	for (i = 0; i < 100; i++) {
		ASSERT_EQ(rec.order[i], i);
		ASSERT_MEMEQ(dst[i], src[i], 32);
	}
	ASSERT_EQ(rec.bad_context, 0);
	ASSERT_EQ(rec.on_main, 0);
	dma_release_channel(chan);
	ASSERT_EQ(tp->descs_live, 0);
	tprov_unregister_free(tp);
	return 0;
}

static int test_callback_result(void)
{
	struct tprov *tp = new_registered(&mc_cfg);
	struct dma_chan *chan = get_chan(tp, DMA_MEMCPY);
	struct dma_async_tx_descriptor *tx, fake;
	static char a[8], b[8];

	ASSERT_NOT_NULL(chan);
	rec_reset();
	tx = prep_cb(chan, b, a, sizeof(a), 0);
	ASSERT_NOT_NULL(tx);
	tx->callback = cb_plain;
	tx->callback_result = cb_result;
	dmaengine_submit(tx);
	dma_async_issue_pending(chan);
	ASSERT_EQ(tprov_complete_result(chan, DMA_TRANS_READ_FAILED, 5), 1);
	ASSERT_EQ(wait_calls(1), 1);
	ASSERT_EQ(rec.result, DMA_TRANS_READ_FAILED);
	ASSERT_EQ(rec.residue, 5);
	ASSERT_EQ(rec.plain_calls, 0);		/* callback_result wins */
	ASSERT_EQ(rec.bad_context, 0);
	dma_release_channel(chan);
	tprov_unregister_free(tp);

	/* the provider helper: NULL result reads as NOERROR, residue 0 */
	rec_reset();
	memset(&fake, 0, sizeof(fake));
	rec.result = DMA_TRANS_ABORTED;
	rec.residue = 99;
	fake.callback = cb_plain;
	fake.callback_result = cb_result;
	local_bh_disable();		/* as from a tasklet */
	dmaengine_desc_get_callback_invoke(&fake, NULL);
	local_bh_enable();
	ASSERT_EQ(rec.n, 1);
	ASSERT_EQ(rec.result, DMA_TRANS_NOERROR);
	ASSERT_EQ(rec.residue, 0);
	ASSERT_EQ(rec.plain_calls, 0);
	fake.callback_result = NULL;
	dmaengine_desc_get_callback_invoke(&fake, NULL);
	ASSERT_EQ(rec.plain_calls, 1);
	return 0;
}

/* ---- terminate and synchronize -------------------------------------------- */

static int test_terminate_drops(void)
{
	struct tprov *tp = new_registered(&mc_cfg);
	struct dma_chan *chan = get_chan(tp, DMA_MEMCPY);
	struct virt_dma_chan *vc = &to_tprov_chan(chan)->vc;
	static char a[8], b[8];
	dma_cookie_t c[6];
	int i;

	ASSERT_NOT_NULL(chan);
	rec_reset();
	for (i = 0; i < 6; i++)
		c[i] = dmaengine_submit(prep_cb(chan, b, a, 8, i));
	dma_async_issue_pending(chan);
	ASSERT_EQ(tprov_complete(chan, 1), 1);
	ASSERT_EQ(wait_calls(1), 1);
	/* completed but not yet delivered: the tasklet is held off */
	tasklet_disable(&vc->task);
	ASSERT_EQ(tprov_complete(chan, 2), 2);
	/* tx_status is COMPLETE as soon as the cookie completed */
	ASSERT_EQ(dmaengine_tx_status(chan, c[2], NULL), DMA_COMPLETE);
	ASSERT_EQ(dmaengine_tx_status(chan, c[3], NULL), DMA_IN_PROGRESS);
	ASSERT_EQ(dmaengine_terminate_async(chan), 0);
	tasklet_enable(&vc->task);
	dmaengine_synchronize(chan);
	msleep(20);
	ASSERT_EQ(rec.n, 1);		/* no callback for the dropped ones */
	ASSERT_EQ(tprov_complete(chan, 10), 0);
	ASSERT_EQ(tp->descs_live, 0);
	dma_release_channel(chan);
	tprov_unregister_free(tp);
	return 0;
}

static int test_terminate_from_callback(void)
{
	struct tprov *tp = new_registered(&mc_cfg);
	struct dma_chan *chan = get_chan(tp, DMA_MEMCPY);
	static char a[8], b[8];
	int i;

	ASSERT_NOT_NULL(chan);
	rec_reset();
	rec.chan = chan;
	rec.terminate_in_cb = true;
	for (i = 0; i < 4; i++)
		dmaengine_submit(prep_cb(chan, b, a, 8, i));
	dma_async_issue_pending(chan);
	ASSERT_EQ(tprov_complete(chan, 1), 1);
	ASSERT_EQ(wait_calls(1), 1);
	dmaengine_synchronize(chan);
	ASSERT_EQ(rec.terminate_ret, 0);
	ASSERT_EQ(tprov_complete(chan, 10), 0);	/* nothing left issued */
	msleep(10);
	ASSERT_EQ(rec.n, 1);
	ASSERT_EQ(tp->descs_live, 0);
	/* the channel works again afterwards */
	rec.terminate_in_cb = false;
	ASSERT_GT(dmaengine_submit(prep_cb(chan, b, a, 8, 9)), 0);
	dma_async_issue_pending(chan);
	ASSERT_EQ(tprov_complete(chan, 1), 1);
	ASSERT_EQ(wait_calls(2), 2);
	ASSERT_EQ(rec.order[1], 9);
	dma_release_channel(chan);
	tprov_unregister_free(tp);
	return 0;
}

static int test_synchronize_waits_callback(void)
{
	struct tprov *tp = new_registered(&mc_cfg);
	struct dma_chan *chan = get_chan(tp, DMA_MEMCPY);
	static char a[8], b[8];
	int i;

	ASSERT_NOT_NULL(chan);
	rec_reset();
	rec.busy_ms = 100;
	dmaengine_submit(prep_cb(chan, b, a, 8, 0));
	dma_async_issue_pending(chan);
	ASSERT_EQ(tprov_complete(chan, 1), 1);
	for (i = 0; i < 20000 && !__atomic_load_n(&rec.started, __ATOMIC_SEQ_CST);
	     i++)
		usleep_range(100, 200);
	ASSERT_EQ(rec.started, 1);
	ASSERT_EQ(dmaengine_terminate_sync(chan), 0);
	ASSERT_EQ(__atomic_load_n(&rec.finished, __ATOMIC_SEQ_CST), 1);
	dma_release_channel(chan);
	tprov_unregister_free(tp);
	return 0;
}

static int test_release_frees(void)
{
	struct tprov *tp = new_registered(&mc_cfg);
	struct dma_chan *chan = get_chan(tp, DMA_MEMCPY);
	static char a[8], b[8];
	int i;

	ASSERT_NOT_NULL(chan);
	rec_reset();
	ASSERT_NOT_NULL(prep_cb(chan, b, a, 8, 0));		/* allocated */
	dmaengine_submit(prep_cb(chan, b, a, 8, 1));		/* submitted */
	for (i = 0; i < 3; i++)
		dmaengine_submit(prep_cb(chan, b, a, 8, 2));
	dma_async_issue_pending(chan);				/* issued */
	dmaengine_submit(prep_cb(chan, b, a, 8, 3));
	ASSERT_EQ(tp->descs_live, 6);
	dma_release_channel(chan);
	ASSERT_EQ(tp->descs_live, 0);
	ASSERT_EQ(rec.n, 0);
	tprov_unregister_free(tp);
	return 0;
}

/* ---- metadata ------------------------------------------------------------ */

static int test_metadata(void)
{
	struct tprov_cfg cfg = mc_cfg;
	struct dma_async_tx_descriptor *d1, *d2, *d3;
	struct tprov *tp;
	struct dma_chan *chan, *soft;
	u8 data[8] = { 1, 2, 3, 4, 5, 6, 7, 8 };
	size_t pl = 99, ml = 99;
	dma_cap_mask_t mask;
	u8 *p;

	cfg.meta_modes = DESC_METADATA_CLIENT | DESC_METADATA_ENGINE;
	tp = new_registered(&cfg);
	chan = get_chan(tp, DMA_SLAVE);
	ASSERT_NOT_NULL(chan);
	ASSERT_TRUE(dmaengine_is_metadata_mode_supported(chan,
							 DESC_METADATA_CLIENT));
	ASSERT_TRUE(dmaengine_is_metadata_mode_supported(chan,
							 DESC_METADATA_ENGINE));
	ASSERT_FALSE(dmaengine_is_metadata_mode_supported(NULL,
							  DESC_METADATA_CLIENT));
	dma_cap_zero(mask);
	dma_cap_set(DMA_MEMCPY, mask);
	soft = dma_request_channel(mask, NULL, NULL);
	ASSERT_NOT_NULL(soft);
	if (soft->device != &tp->dma)
		ASSERT_FALSE(dmaengine_is_metadata_mode_supported(soft,
							DESC_METADATA_CLIENT));
	dma_release_channel(soft);

	ASSERT_EQ(dmaengine_desc_attach_metadata(NULL, data, 8), -EINVAL);
	ASSERT_EQ(PTR_ERR(dmaengine_desc_get_metadata_ptr(NULL, &pl, &ml)),
		  -EINVAL);
	ASSERT_EQ(dmaengine_desc_set_metadata_len(NULL, 4), -EINVAL);

	/* client mode, then an engine-mode call: no mixing */
	d1 = dmaengine_prep_slave_single(chan, 0x1000, 64, DMA_MEM_TO_DEV, 0);
	ASSERT_NOT_NULL(d1);
	ASSERT_EQ(dmaengine_desc_attach_metadata(d1, data, sizeof(data)), 0);
	ASSERT_EQ(d1->desc_metadata_mode, DESC_METADATA_CLIENT);
	ASSERT_MEMEQ(container_of(d1, struct tprov_desc, vd.tx)->meta, data, 8);
	p = dmaengine_desc_get_metadata_ptr(d1, &pl, &ml);
	ASSERT_TRUE(IS_ERR(p));
	ASSERT_EQ(PTR_ERR(p), -EINVAL);
	ASSERT_EQ(dmaengine_desc_set_metadata_len(d1, 4), -EINVAL);

	/* engine mode, then a client-mode call */
	d2 = dmaengine_prep_slave_single(chan, 0x1000, 64, DMA_MEM_TO_DEV, 0);
	ASSERT_NOT_NULL(d2);
	p = dmaengine_desc_get_metadata_ptr(d2, &pl, &ml);
	ASSERT_FALSE(IS_ERR_OR_NULL(p));
	ASSERT_EQ(pl, 0);
	ASSERT_EQ(ml, TPROV_META_MAX);
	memcpy(p, data, 6);
	ASSERT_EQ(dmaengine_desc_set_metadata_len(d2, 6), 0);
	ASSERT_EQ(container_of(d2, struct tprov_desc, vd.tx)->meta_len, 6);
	ASSERT_EQ(dmaengine_desc_attach_metadata(d2, data, 8), -EINVAL);
	ASSERT_EQ(d2->desc_metadata_mode, DESC_METADATA_ENGINE);

	/* a channel supporting only CLIENT refuses ENGINE */
	tp->dma.desc_metadata_modes = DESC_METADATA_CLIENT;
	d3 = dmaengine_prep_slave_single(chan, 0x1000, 64, DMA_MEM_TO_DEV, 0);
	ASSERT_NOT_NULL(d3);
	p = dmaengine_desc_get_metadata_ptr(d3, &pl, &ml);
	ASSERT_TRUE(IS_ERR(p));
	ASSERT_EQ(PTR_ERR(p), -ENOTSUPP);
	ASSERT_EQ(dmaengine_desc_set_metadata_len(d3, 1), -ENOTSUPP);
	/* supported mode but no ops on the descriptor */
	d3->metadata_ops = NULL;
	ASSERT_EQ(dmaengine_desc_attach_metadata(d3, data, 8), -ENOTSUPP);
	dma_release_channel(chan);
	ASSERT_EQ(tp->descs_live, 0);
	tprov_unregister_free(tp);
	return 0;
}

/* ---- descriptor reuse ------------------------------------------------------ */

static int test_reuse(void)
{
	struct tprov_cfg cfg = mc_cfg;
	struct dma_async_tx_descriptor *tx;
	struct dma_chan *chan, *soft;
	dma_cookie_t c1, c2;
	dma_cap_mask_t mask;
	struct tprov *tp;
	static char a[64], b[64];

	/* memcpy-only channel: dma_get_slave_caps fails with -ENXIO */
	dma_cap_zero(mask);
	dma_cap_set(DMA_MEMCPY, mask);
	soft = dma_request_channel(mask, NULL, NULL);
	ASSERT_NOT_NULL(soft);
	tx = dmaengine_prep_dma_memcpy(soft, (dma_addr_t)(uintptr_t)b,
				       (dma_addr_t)(uintptr_t)a, 64, 0);
	ASSERT_NOT_NULL(tx);
	ASSERT_EQ(dmaengine_desc_set_reuse(tx), -ENXIO);
	ASSERT_FALSE(dmaengine_desc_test_reuse(tx));
	c1 = dmaengine_submit(tx);
	ASSERT_EQ(dma_sync_wait(soft, c1), DMA_COMPLETE);
	dma_release_channel(soft);

	/* slave channel without descriptor_reuse: -EPERM */
	tp = new_registered(&cfg);
	chan = get_chan(tp, DMA_SLAVE);
	ASSERT_NOT_NULL(chan);
	tx = dmaengine_prep_slave_single(chan, 0x1000, 64, DMA_MEM_TO_DEV, 0);
	ASSERT_NOT_NULL(tx);
	ASSERT_EQ(dmaengine_desc_set_reuse(tx), -EPERM);
	ASSERT_EQ(dmaengine_desc_free(tx), -EPERM);
	dma_release_channel(chan);
	ASSERT_EQ(tp->descs_live, 0);
	tprov_unregister_free(tp);

	/* with reuse: resubmittable after its callback, then freed */
	cfg.reuse = true;
	tp = new_registered(&cfg);
	chan = get_chan(tp, DMA_SLAVE);
	ASSERT_NOT_NULL(chan);
	rec_reset();
	tx = dmaengine_prep_slave_single(chan, 0x1000, 64, DMA_MEM_TO_DEV,
					 DMA_PREP_INTERRUPT);
	ASSERT_NOT_NULL(tx);
	tx->callback = cb_record;
	tx->callback_param = (void *)1L;
	ASSERT_EQ(dmaengine_desc_set_reuse(tx), 0);
	ASSERT_TRUE(dmaengine_desc_test_reuse(tx));
	c1 = dmaengine_submit(tx);
	dma_async_issue_pending(chan);
	ASSERT_EQ(tprov_complete(chan, 1), 1);
	ASSERT_EQ(wait_calls(1), 1);
	dmaengine_synchronize(chan);	/* the tasklet is done with it */
	ASSERT_EQ(tp->descs_live, 1);	/* kept, not freed */
	c2 = dmaengine_submit(tx);
	ASSERT_EQ(c2, c1 + 1);
	dma_async_issue_pending(chan);
	ASSERT_EQ(tprov_complete(chan, 1), 1);
	ASSERT_EQ(wait_calls(2), 2);
	dmaengine_synchronize(chan);
	ASSERT_EQ(dmaengine_tx_status(chan, c2, NULL), DMA_COMPLETE);
	ASSERT_EQ(tp->descs_live, 1);
	ASSERT_EQ(dmaengine_desc_free(tx), 0);
	ASSERT_EQ(tp->descs_live, 0);

	/* clear_reuse: the next completion frees it */
	tx = dmaengine_prep_slave_single(chan, 0x1000, 64, DMA_MEM_TO_DEV,
					 DMA_PREP_INTERRUPT);
	ASSERT_NOT_NULL(tx);
	tx->callback = cb_record;
	ASSERT_EQ(dmaengine_desc_set_reuse(tx), 0);
	dmaengine_desc_clear_reuse(tx);
	ASSERT_FALSE(dmaengine_desc_test_reuse(tx));
	dmaengine_submit(tx);
	dma_async_issue_pending(chan);
	ASSERT_EQ(tprov_complete(chan, 1), 1);
	ASSERT_EQ(wait_calls(3), 3);
	dmaengine_synchronize(chan);
	ASSERT_EQ(tp->descs_live, 0);

	/* a reusable descriptor still held at release is freed */
	tx = dmaengine_prep_slave_single(chan, 0x1000, 64, DMA_MEM_TO_DEV, 0);
	ASSERT_NOT_NULL(tx);
	ASSERT_EQ(dmaengine_desc_set_reuse(tx), 0);
	dmaengine_submit(tx);
	dma_async_issue_pending(chan);
	ASSERT_EQ(dmaengine_terminate_sync(chan), 0);
	dma_release_channel(chan);
	ASSERT_EQ(tp->descs_live, 0);
	tprov_unregister_free(tp);
	return 0;
}

/* ---- unmap data ----------------------------------------------------------- */

static int test_unmap_data(void)
{
	struct tprov *tp = new_registered(&mc_cfg);
	struct dma_chan *chan = get_chan(tp, DMA_MEMCPY);
	struct dmaengine_unmap_data *u;
	struct dma_async_tx_descriptor *tx;
	struct device *dev;
	char *src = malloc(256), *dst = calloc(1, 256);

	ASSERT_NOT_NULL(chan);
	ASSERT_TRUE(src && dst);
	dev = chan->device->dev;
	test_pattern(src, 256, 3);
	u = dmaengine_get_unmap_data(dev, 2, GFP_KERNEL);
	ASSERT_NOT_NULL(u);
	ASSERT_EQ(u->map_cnt, 2);
	ASSERT_EQ(kref_read(&u->kref), 1);
	ASSERT_EQ(u->to_cnt + u->from_cnt + u->bidi_cnt, 0);
	u->len = 256;
	u->addr[0] = dma_map_single(dev, src, 256, DMA_TO_DEVICE);
	ASSERT_EQ(dma_mapping_error(dev, u->addr[0]), 0);
	u->to_cnt = 1;
	u->addr[1] = dma_map_single(dev, dst, 256, DMA_FROM_DEVICE);
	ASSERT_EQ(dma_mapping_error(dev, u->addr[1]), 0);
	u->from_cnt = 1;
	rec_reset();
	tx = dmaengine_prep_dma_memcpy(chan, u->addr[1], u->addr[0], 256,
				       DMA_PREP_INTERRUPT);
	ASSERT_NOT_NULL(tx);
	tx->callback = cb_record;
	dma_set_unmap(tx, u);
	ASSERT_PTR_EQ(tx->unmap, u);
	ASSERT_EQ(kref_read(&u->kref), 2);
	dmaengine_unmap_put(u);		/* the client's reference */
	ASSERT_EQ(kref_read(&u->kref), 1);
	dmaengine_submit(tx);
	dma_async_issue_pending(chan);
	ASSERT_EQ(tprov_complete(chan, 1), 1);
	ASSERT_EQ(wait_calls(1), 1);
	dmaengine_synchronize(chan);
	/* the driver's desc_free dropped the last reference (LSan: no leak) */
	ASSERT_EQ(tp->descs_live, 0);
	ASSERT_MEMEQ(dst, src, 256);
	dma_release_channel(chan);
	tprov_unregister_free(tp);
	free(src);
	free(dst);
	return 0;
}

/* ---- dma_run_dependencies ------------------------------------------------- */

static int test_run_dependencies(void)
{
	struct tprov_cfg cfg = mc_cfg;
	struct dma_async_tx_descriptor *a, *b, *c, *d;
	struct dma_chan *c0, *c1;
	static char x[8], y[8];
	struct tprov *tp;

	tp = new_registered(&cfg);
	c0 = get_chan(tp, DMA_MEMCPY);
	c1 = get_chan(tp, DMA_MEMCPY);
	ASSERT_TRUE(c0 && c1 && c0 != c1);
	a = prep_cb(c0, y, x, 8, 0);
	b = prep_cb(c1, y, x, 8, 1);
	c = prep_cb(c1, y, x, 8, 2);
	d = prep_cb(c0, y, x, 8, 3);
	ASSERT_TRUE(a && b && c && d);
	/* async_tx parks dependents with cookie -EBUSY */
	b->cookie = c->cookie = d->cookie = -EBUSY;
	txd_chain(a, b);
	txd_chain(b, c);
	txd_chain(c, d);
	dmaengine_submit(a);
	dma_run_dependencies(a);
	ASSERT_NULL(txd_next(a));
	ASSERT_GT(b->cookie, 0);	/* same channel run: both submitted */
	ASSERT_GT(c->cookie, 0);
	ASSERT_NULL(txd_parent(b));
	ASSERT_NULL(txd_next(b));
	ASSERT_EQ(d->cookie, -EBUSY);	/* stops at the channel switch */
	ASSERT_PTR_EQ(txd_next(c), d);
	ASSERT_EQ(to_tprov_chan(c1)->issue_calls, 1);
	ASSERT_EQ(to_tprov_chan(c0)->issue_calls, 0);
	/* as a driver's cleanup does, before the descriptor is freed */
	dma_run_dependencies(c);
	ASSERT_GT(d->cookie, 0);
	ASSERT_EQ(to_tprov_chan(c0)->issue_calls, 1);
	dma_run_dependencies(d);		/* no dependents: no-op */
	ASSERT_EQ(to_tprov_chan(c0)->issue_calls, 1);
	rec_reset();
	ASSERT_EQ(tprov_complete(c1, 5), 2);	/* b and c */
	ASSERT_EQ(tprov_complete(c0, 5), 2);	/* a and d */
	ASSERT_EQ(wait_calls(4), 4);
	dma_release_channel(c0);
	dma_release_channel(c1);
	ASSERT_EQ(tp->descs_live, 0);
	tprov_unregister_free(tp);
	return 0;
}

int main(void)
{
	main_thread = pthread_self();
	ASSERT_EQ(dmakit_boot(NULL), 0);
	pdev0 = tprov_pdev(0);
	ASSERT_NOT_NULL(pdev0);
	RUN_TEST(test_callback_order_context);
	RUN_TEST(test_callback_result);
	RUN_TEST(test_terminate_drops);
	RUN_TEST(test_terminate_from_callback);
	RUN_TEST(test_synchronize_waits_callback);
	RUN_TEST(test_release_frees);
	RUN_TEST(test_metadata);
	RUN_TEST(test_reuse);
	RUN_TEST(test_unmap_data);
	RUN_TEST(test_run_dependencies);
	tprov_pdev_put(pdev0);
	dmakit_shutdown();
	return 0;
}
