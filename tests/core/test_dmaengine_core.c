// SPDX-License-Identifier: GPL-2.0
/*
 * The dmaengine core against the kernel's client and provider guides:
 * channel naming, dma_request_channel / dma_request_chan /
 * dma_request_chan_by_mask, DMA_PRIVATE rules, dmaengine_get/put and the
 * per-CPU channel table, dma_get_slave_caps, registration errors and
 * unregistration, cookies (first is 2, wrap, is_complete), unimplemented
 * ops and the prep wrappers' NULL returns.
 */
#define _GNU_SOURCE
#include <sched.h>
#include <unistd.h>
#include <linux/dmaengine.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <dmakit/board.h>
#include <dmakit/dmaengine.h>
#include <dmakit/log.h>
#include "dmaengine.h"
#include "tprov.h"

#include "helpers.h"

static struct platform_device *pdev0, *pdev1, *client;

static bool filter_dev(struct dma_chan *chan, void *param)
{
	return chan->device == param;
}

static bool filter_dev_chan2(struct dma_chan *chan, void *param)
{
	return chan->device == param && chan->chan_id == 2;
}

static bool filter_none(struct dma_chan *chan, void *param)
{
	return false;
}

static struct tprov *new_registered(struct platform_device *pdev,
				    const struct tprov_cfg *cfg)
{
	struct tprov *tp = tprov_new(pdev, cfg);

	if (!tp || tprov_register(tp))
		TEST_FAIL_AT("cannot register test provider");
	return tp;
}

static const struct tprov_cfg slave_cfg = {
	.nr_chans = 3, .memcpy = true, .slave = true, .control = true,
};

/* ---- names and request by mask/filter --------------------------------- */

static int test_channel_names(void)
{
	struct tprov *tp = new_registered(pdev0, &slave_cfg);
	struct dma_chan *chan;
	char want[32];
	int i = 0;

	ASSERT_EQ(tp->dma.chancnt, 3);
	list_for_each_entry(chan, &tp->dma.channels, device_node) {
		ASSERT_EQ(chan->chan_id, i);
		snprintf(want, sizeof(want), "dma%dchan%d", tp->dma.dev_id, i);
		ASSERT_STREQ(dma_chan_name(chan), want);
		ASSERT_EQ(chan->client_count, 0);
		i++;
	}
	ASSERT_EQ(i, 3);
	tprov_unregister_free(tp);
	return 0;
}

static int test_request_channel(void)
{
	struct tprov *tp = new_registered(pdev0, &slave_cfg);
	struct dma_chan *a, *b, *c;
	dma_cap_mask_t mask;

	dma_cap_zero(mask);
	dma_cap_set(DMA_SLAVE, mask);
	/* only the test provider has DMA_SLAVE */
	a = dma_request_channel(mask, NULL, NULL);
	ASSERT_NOT_NULL(a);
	ASSERT_PTR_EQ(a->device, &tp->dma);
	ASSERT_EQ(a->client_count, 1);
	ASSERT_EQ(to_tprov_chan(a)->alloc_calls, 1);
	/* the filter picks */
	b = dma_request_channel(mask, filter_dev_chan2, &tp->dma);
	ASSERT_NOT_NULL(b);
	ASSERT_EQ(b->chan_id, 2);
	/* nothing matches: NULL */
	ASSERT_NULL(dma_request_channel(mask, filter_none, NULL));
	ASSERT_NULL(dma_request_channel(mask, filter_dev_chan2, &tp->dma));
	dma_cap_set(DMA_XOR, mask);
	ASSERT_NULL(dma_request_channel(mask, NULL, NULL));
	dma_cap_zero(mask);
	dma_cap_set(DMA_SLAVE, mask);
	c = dma_request_channel(mask, NULL, NULL);
	ASSERT_NOT_NULL(c);
	ASSERT_EQ(c->chan_id, 1);	/* the one left */
	ASSERT_NULL(dma_request_channel(mask, NULL, NULL));
	dma_release_channel(a);
	ASSERT_EQ(a->client_count, 0);
	ASSERT_EQ(to_tprov_chan(a)->free_calls, 1);
	dma_release_channel(b);
	dma_release_channel(c);
	tprov_unregister_free(tp);
	return 0;
}

/* ---- DMA_PRIVATE ------------------------------------------------------ */

static int test_private_rules(void)
{
	struct tprov *tp = new_registered(pdev0, &slave_cfg);
	struct dma_chan *a, *b;
	dma_cap_mask_t mask;

	dma_cap_zero(mask);
	dma_cap_set(DMA_MEMCPY, mask);
	ASSERT_FALSE(dma_has_cap(DMA_PRIVATE, tp->dma.cap_mask));
	ASSERT_EQ(tp->dma.privatecnt, 0);
	a = dma_request_channel(mask, filter_dev, &tp->dma);
	ASSERT_NOT_NULL(a);
	ASSERT_TRUE(dma_has_cap(DMA_PRIVATE, tp->dma.cap_mask));
	ASSERT_EQ(tp->dma.privatecnt, 1);
	b = dma_request_channel(mask, filter_dev, &tp->dma);
	ASSERT_NOT_NULL(b);
	ASSERT_EQ(tp->dma.privatecnt, 2);
	dma_release_channel(a);
	ASSERT_TRUE(dma_has_cap(DMA_PRIVATE, tp->dma.cap_mask));
	dma_release_channel(b);
	ASSERT_EQ(tp->dma.privatecnt, 0);
	ASSERT_FALSE(dma_has_cap(DMA_PRIVATE, tp->dma.cap_mask));

	/* public multi-channel device with a channel in use: not private */
	dmaengine_get();
	ASSERT_GT(list_first_entry(&tp->dma.channels, struct dma_chan,
				   device_node)->client_count, 0);
	ASSERT_NULL(dma_request_channel(mask, filter_dev, &tp->dma));
	ASSERT_FALSE(dma_has_cap(DMA_PRIVATE, tp->dma.cap_mask));
	ASSERT_EQ(tp->dma.privatecnt, 0);
	dmaengine_put();
	a = dma_request_channel(mask, filter_dev, &tp->dma);
	ASSERT_NOT_NULL(a);
	dma_release_channel(a);
	tprov_unregister_free(tp);
	return 0;
}

static int test_always_private(void)
{
	struct tprov_cfg cfg = slave_cfg;
	struct tprov *tp;
	struct dma_chan *a, *c;
	dma_cap_mask_t mask;

	cfg.is_private = true;
	tp = new_registered(pdev0, &cfg);
	ASSERT_EQ(tp->dma.privatecnt, 1);
	dmaengine_get();
	/* never taken by the public (async_tx) interface */
	list_for_each_entry(c, &tp->dma.channels, device_node)
		ASSERT_EQ(c->client_count, 0);
	dma_cap_zero(mask);
	dma_cap_set(DMA_MEMCPY, mask);
	a = dma_request_channel(mask, filter_dev, &tp->dma);
	ASSERT_NOT_NULL(a);
	ASSERT_EQ(tp->dma.privatecnt, 2);
	dma_release_channel(a);
	ASSERT_EQ(tp->dma.privatecnt, 1);
	ASSERT_TRUE(dma_has_cap(DMA_PRIVATE, tp->dma.cap_mask));
	dmaengine_put();
	tprov_unregister_free(tp);
	return 0;
}

/* ---- dma_request_chan ------------------------------------------------- */

static bool filter_chan_id(struct dma_chan *chan, void *param)
{
	return chan->chan_id == (int)(long)param;
}

static int test_request_chan(void)
{
	static const struct dma_slave_map map[] = {
		{ "t-client.0", "rx", (void *)2L },
		{ "t-client.0", "tx", (void *)1L },
		{ "t-other.0", "rx", (void *)0L },
	};
	struct tprov *tp = tprov_new(pdev0, &slave_cfg);
	struct dma_chan *rx, *tx, *err;

	ASSERT_NOT_NULL(tp);
	tp->dma.filter.map = map;
	tp->dma.filter.mapcnt = ARRAY_SIZE(map);
	tp->dma.filter.fn = filter_chan_id;
	ASSERT_EQ(tprov_register(tp), 0);

	/* unknown name, non-OF device: ERR_PTR(-EPROBE_DEFER), never NULL */
	err = dma_request_chan(&client->dev, "nope");
	ASSERT_TRUE(IS_ERR(err));
	ASSERT_EQ(PTR_ERR(err), -EPROBE_DEFER);

	rx = dma_request_chan(&client->dev, "rx");
	ASSERT_FALSE(IS_ERR_OR_NULL(rx));
	ASSERT_PTR_EQ(rx->device, &tp->dma);
	ASSERT_EQ(rx->chan_id, 2);
	ASSERT_STREQ(rx->name, "dma:rx");
	ASSERT_PTR_EQ(rx->slave, &client->dev);
	ASSERT_TRUE(dma_has_cap(DMA_PRIVATE, tp->dma.cap_mask));
	tx = dma_request_chan(&client->dev, "tx");
	ASSERT_FALSE(IS_ERR_OR_NULL(tx));
	ASSERT_EQ(tx->chan_id, 1);
	ASSERT_STREQ(tx->name, "dma:tx");
	/* the mapped channel is busy: defer */
	err = dma_request_chan(&client->dev, "rx");
	ASSERT_TRUE(IS_ERR(err));
	ASSERT_EQ(PTR_ERR(err), -EPROBE_DEFER);
	/* the deprecated wrapper turns errors into NULL */
	ASSERT_NULL(dma_request_slave_channel(&client->dev, "rx"));

	dma_release_channel(rx);
	ASSERT_NULL(rx->slave);
	ASSERT_NULL(rx->name);
	ASSERT_EQ(tp->dma.privatecnt, 1);
	dma_release_channel(tx);
	ASSERT_EQ(tp->dma.privatecnt, 0);
	/* released: can be requested again */
	rx = dma_request_chan(&client->dev, "rx");
	ASSERT_FALSE(IS_ERR_OR_NULL(rx));
	dma_release_channel(rx);
	tprov_unregister_free(tp);
	return 0;
}

static int test_request_chan_by_mask(void)
{
	struct dma_chan *chan;
	dma_cap_mask_t mask;

	ASSERT_EQ(PTR_ERR(dma_request_chan_by_mask(NULL)), -ENODEV);
	dma_cap_zero(mask);
	dma_cap_set(DMA_CYCLIC, mask);	/* nobody here does cyclic */
	chan = dma_request_chan_by_mask(&mask);
	ASSERT_TRUE(IS_ERR(chan));
	ASSERT_EQ(PTR_ERR(chan), -ENODEV);	/* devices exist, none fits */
	dma_cap_zero(mask);
	dma_cap_set(DMA_MEMCPY, mask);
	chan = dma_request_chan_by_mask(&mask);
	ASSERT_FALSE(IS_ERR_OR_NULL(chan));
	ASSERT_TRUE(dma_has_cap(DMA_MEMCPY, chan->device->cap_mask));
	ASSERT_EQ(chan->client_count, 1);
	dma_release_channel(chan);
	return 0;
}

/* ---- dmaengine_get/put and the channel table -------------------------- */

static int count_table(struct dma_device *d, void *data)
{
	unsigned long *sums = data;	/* [0]=table_count sum, [1]=caps seen */
	struct dma_chan *c;
	int cap;

	if (dma_has_cap(DMA_PRIVATE, d->cap_mask))
		return 0;
	list_for_each_entry(c, &d->channels, device_node)
		sums[0] += c->table_count;
	for (cap = 0; cap < DMA_TX_TYPE_END; cap++) {
		if (cap == DMA_INTERRUPT || cap == DMA_PRIVATE ||
		    cap == DMA_SLAVE)
			continue;
		if (dma_has_cap(cap, d->cap_mask))
			sums[1] |= 1UL << cap;
	}
	return 0;
}

/* Run on each CPU in turn: dma_find_channel answers there too. */
static int check_every_cpu(void)
{
	cpu_set_t saved, one;
	struct dma_chan *c;
	int cpu, host_cpus = (int)sysconf(_SC_NPROCESSORS_ONLN);

	ASSERT_EQ(sched_getaffinity(0, sizeof(saved), &saved), 0);
	for (cpu = 0; cpu < host_cpus && cpu < CPU_SETSIZE; cpu++) {
		if (!CPU_ISSET(cpu, &saved))
			continue;
		CPU_ZERO(&one);
		CPU_SET(cpu, &one);
		ASSERT_EQ(sched_setaffinity(0, sizeof(one), &one), 0);
		ASSERT_EQ(smp_processor_id(), cpu % (int)nr_cpu_ids);
		c = dma_find_channel(DMA_MEMCPY);
		ASSERT_NOT_NULL(c);
		ASSERT_TRUE(dma_has_cap(DMA_MEMCPY, c->device->cap_mask));
		ASSERT_GT(c->table_count, 0);
	}
	ASSERT_EQ(sched_setaffinity(0, sizeof(saved), &saved), 0);
	return 0;
}

static int test_dmaengine_get_put(void)
{
	unsigned long sums[2] = { 0, 0 };
	struct tprov *tp;
	struct dma_chan *c, *found;

	ASSERT_NULL(dma_find_channel(DMA_MEMCPY));
	dmaengine_get();
	found = dma_find_channel(DMA_MEMCPY);
	ASSERT_NOT_NULL(found);
	ASSERT_TRUE(dma_has_cap(DMA_MEMCPY, found->device->cap_mask));
	ASSERT_GT(found->client_count, 0);
	ASSERT_GT(found->table_count, 0);

	/* a public device registered while referenced joins in */
	tp = new_registered(pdev1, &slave_cfg);
	list_for_each_entry(c, &tp->dma.channels, device_node) {
		ASSERT_EQ(c->client_count, 1);
		ASSERT_EQ(to_tprov_chan(c)->alloc_calls, 1);
	}
	/* rebalance: every (cap, online cpu) slot names one channel */
	dmaengine_for_each_device(count_table, sums);
	ASSERT_EQ(sums[0], (unsigned long)__builtin_popcountl(sums[1]) *
			   num_online_cpus());
	/* the per-CPU table has an entry for every CPU */
	ASSERT_EQ(check_every_cpu(), 0);
	dma_issue_pending_all();
	list_for_each_entry(c, &tp->dma.channels, device_node)
		ASSERT_EQ(to_tprov_chan(c)->issue_calls, 1);

	dmaengine_put();
	list_for_each_entry(c, &tp->dma.channels, device_node) {
		ASSERT_EQ(c->client_count, 0);
		ASSERT_EQ(to_tprov_chan(c)->free_calls, 1);
	}
	/* like the kernel, put does not rebalance; the next change does */
	tprov_unregister_free(tp);
	ASSERT_NULL(dma_find_channel(DMA_MEMCPY));
	return 0;
}

/* ---- dma_get_slave_caps ---------------------------------------------- */

static int test_slave_caps(void)
{
	struct tprov_cfg cfg = slave_cfg;
	struct dma_slave_caps caps;
	struct dma_chan *chan;
	dma_cap_mask_t mask;
	struct tprov *tp;

	dma_cap_zero(mask);
	dma_cap_set(DMA_MEMCPY, mask);
	chan = dma_request_channel(mask, NULL, NULL);	/* memcpy-only soft */
	ASSERT_NOT_NULL(chan);
	ASSERT_FALSE(dma_has_cap(DMA_SLAVE, chan->device->cap_mask));
	ASSERT_EQ(dma_get_slave_caps(chan, &caps), -ENXIO);
	ASSERT_EQ(dma_get_slave_caps(chan, NULL), -EINVAL);
	ASSERT_EQ(dma_get_slave_caps(NULL, &caps), -EINVAL);
	dma_release_channel(chan);

	cfg.caps_override = true;
	cfg.control = false;
	tp = tprov_new(pdev0, &cfg);
	ASSERT_NOT_NULL(tp);
	ASSERT_EQ(tprov_register(tp), 0);
	chan = list_first_entry(&tp->dma.channels, struct dma_chan, device_node);
	memset(&caps, 0xff, sizeof(caps));
	ASSERT_EQ(dma_get_slave_caps(chan, &caps), 0);
	ASSERT_EQ(caps.directions, BIT(DMA_MEM_TO_DEV) | BIT(DMA_DEV_TO_MEM));
	ASSERT_EQ(caps.src_addr_widths, BIT(DMA_SLAVE_BUSWIDTH_4_BYTES));
	ASSERT_EQ(caps.dst_addr_widths, BIT(DMA_SLAVE_BUSWIDTH_1_BYTE) |
					BIT(DMA_SLAVE_BUSWIDTH_4_BYTES));
	ASSERT_EQ(caps.min_burst, 1);
	ASSERT_EQ(caps.max_burst, 16);
	ASSERT_EQ(caps.max_sg_burst, 77);	/* device_caps override */
	ASSERT_EQ(caps.residue_granularity, DMA_RESIDUE_GRANULARITY_SEGMENT);
	ASSERT_FALSE(caps.descriptor_reuse);
	ASSERT_FALSE(caps.cmd_pause);
	ASSERT_FALSE(caps.cmd_resume);
	ASSERT_FALSE(caps.cmd_terminate);
	tprov_unregister_free(tp);

	cfg.control = true;
	cfg.caps_override = false;
	cfg.reuse = true;
	tp = tprov_new(pdev0, &cfg);
	ASSERT_NOT_NULL(tp);
	tp->dma.device_resume = NULL;		/* pause without resume */
	ASSERT_EQ(tprov_register(tp), 0);
	chan = list_first_entry(&tp->dma.channels, struct dma_chan, device_node);
	ASSERT_EQ(dma_get_slave_caps(chan, &caps), 0);
	ASSERT_TRUE(caps.cmd_pause);
	ASSERT_FALSE(caps.cmd_resume);
	ASSERT_TRUE(caps.cmd_terminate);
	ASSERT_TRUE(caps.descriptor_reuse);
	ASSERT_EQ(caps.max_sg_burst, 0);
	/* no directions: -ENXIO */
	tp->dma.directions = 0;
	ASSERT_EQ(dma_get_slave_caps(chan, &caps), -ENXIO);
	tprov_unregister_free(tp);
	return 0;
}

/* ---- registration ------------------------------------------------------ */

static int find_dev(struct dma_device *d, void *data)
{
	return d == data;
}

static int expect_register_error(struct tprov *tp, int err)
{
	ASSERT_EQ(dma_async_device_register(&tp->dma), err);
	ASSERT_EQ(dmaengine_for_each_device(find_dev, &tp->dma), 0);
	return 0;
}

static int test_register_errors(void)
{
	static const struct tprov_cfg all = {
		.nr_chans = 2, .memcpy = true, .slave = true,
		.interleave = true, .interrupt = true, .control = true,
	};
	struct tprov *tp = tprov_new(pdev0, &all);
	struct dma_device saved;
	int level;

	ASSERT_NOT_NULL(tp);
	level = dmakit_log_set_level(LOGLEVEL_CRIT);	/* expected errors */
	ASSERT_EQ(dma_async_device_register(NULL), -ENODEV);
	saved = tp->dma;

	tp->dma.dev = NULL;
	ASSERT_EQ(expect_register_error(tp, -EIO), 0);
	tp->dma = saved;

#define CLAIM_WITHOUT_OP(cap, op)					\
	do {								\
		dma_cap_set(cap, tp->dma.cap_mask);			\
		tp->dma.op = NULL;					\
		ASSERT_EQ(expect_register_error(tp, -EIO), 0);		\
		tp->dma = saved;					\
	} while (0)
	CLAIM_WITHOUT_OP(DMA_MEMCPY, device_prep_dma_memcpy);
	CLAIM_WITHOUT_OP(DMA_XOR, device_prep_dma_xor);
	CLAIM_WITHOUT_OP(DMA_XOR_VAL, device_prep_dma_xor_val);
	CLAIM_WITHOUT_OP(DMA_PQ, device_prep_dma_pq);
	CLAIM_WITHOUT_OP(DMA_PQ_VAL, device_prep_dma_pq_val);
	CLAIM_WITHOUT_OP(DMA_MEMSET, device_prep_dma_memset);
	CLAIM_WITHOUT_OP(DMA_INTERRUPT, device_prep_dma_interrupt);
	CLAIM_WITHOUT_OP(DMA_CYCLIC, device_prep_dma_cyclic);
	CLAIM_WITHOUT_OP(DMA_INTERLEAVE, device_prep_interleaved_dma);
#undef CLAIM_WITHOUT_OP

	tp->dma.device_tx_status = NULL;
	ASSERT_EQ(expect_register_error(tp, -EIO), 0);
	tp->dma = saved;
	tp->dma.device_issue_pending = NULL;
	ASSERT_EQ(expect_register_error(tp, -EIO), 0);
	tp->dma = saved;
	dmakit_log_set_level(level);

	/* DMA_SLAVE's prep op is not checked */
	tp->dma.device_prep_slave_sg = NULL;
	ASSERT_EQ(dma_async_device_register(&tp->dma), 0);
	ASSERT_EQ(dmaengine_for_each_device(find_dev, &tp->dma), 1);
	ASSERT_EQ(tp->dma.chancnt, 2);
	tprov_unregister_free(tp);
	return 0;
}

static int test_unregister(void)
{
	struct tprov *tp = new_registered(pdev0, &slave_cfg);
	struct tprov *tp2;
	int id = tp->dma.dev_id;
	dma_cap_mask_t mask;

	ASSERT_EQ(dmaengine_for_each_device(find_dev, &tp->dma), 1);
	tprov_unregister_free(tp);
	dma_cap_zero(mask);
	dma_cap_set(DMA_SLAVE, mask);
	ASSERT_NULL(dma_request_channel(mask, NULL, NULL));
	/* the device id is free again */
	tp2 = new_registered(pdev0, &slave_cfg);
	ASSERT_EQ(tp2->dma.dev_id, id);
	tprov_unregister_free(tp2);
	return 0;
}

/* ---- cookies ------------------------------------------------------------ */

static int test_cookies(void)
{
	struct tprov *tp = new_registered(pdev0, &slave_cfg);
	struct dma_async_tx_descriptor *tx;
	dma_cookie_t c[4], last, used;
	struct dma_tx_state st;
	struct dma_chan *chan;
	dma_cap_mask_t mask;
	char a[16] = "cookie", b[16];
	int i;

	dma_cap_zero(mask);
	dma_cap_set(DMA_MEMCPY, mask);
	chan = dma_request_channel(mask, filter_dev, &tp->dma);
	ASSERT_NOT_NULL(chan);
	ASSERT_EQ(chan->cookie, DMA_MIN_COOKIE);
	ASSERT_EQ(chan->completed_cookie, DMA_MIN_COOKIE);
	for (i = 0; i < 3; i++) {
		tx = dmaengine_prep_dma_memcpy(chan, (dma_addr_t)(uintptr_t)b,
					       (dma_addr_t)(uintptr_t)a,
					       sizeof(a), 0);
		ASSERT_NOT_NULL(tx);
		c[i] = dmaengine_submit(tx);
		ASSERT_EQ(dma_submit_error(c[i]), 0);
	}
	ASSERT_EQ(c[0], 2);		/* first cookie on a fresh channel */
	ASSERT_EQ(c[1], 3);
	ASSERT_EQ(c[2], 4);
	/* submitted, not issued: in progress, nothing runs */
	ASSERT_EQ(dmaengine_tx_status(chan, c[0], NULL), DMA_IN_PROGRESS);
	ASSERT_EQ(tprov_complete(chan, 1), 0);
	/* cookie 1 always reads complete */
	ASSERT_EQ(dmaengine_tx_status(chan, 1, NULL), DMA_COMPLETE);
	dma_async_issue_pending(chan);
	memset(&st, 0xaa, sizeof(st));
	ASSERT_EQ(dmaengine_tx_status(chan, c[0], &st), DMA_IN_PROGRESS);
	ASSERT_EQ(st.last, 1);
	ASSERT_EQ(st.used, 4);
	ASSERT_EQ(st.residue, sizeof(a));
	ASSERT_EQ(tprov_complete(chan, 1), 1);
	ASSERT_MEMEQ(b, a, sizeof(a));
	ASSERT_EQ(dma_async_is_tx_complete(chan, c[0], &last, &used),
		  DMA_COMPLETE);
	ASSERT_EQ(last, 2);
	ASSERT_EQ(used, 4);
	ASSERT_EQ(dma_async_is_tx_complete(chan, c[1], NULL, NULL),
		  DMA_IN_PROGRESS);
	ASSERT_EQ(tprov_complete(chan, 2), 2);
	ASSERT_EQ(dma_async_is_tx_complete(chan, c[2], &last, NULL),
		  DMA_COMPLETE);
	ASSERT_EQ(last, 4);

	/* wrap: INT32_MAX is followed by DMA_MIN_COOKIE */
	chan->cookie = INT32_MAX - 1;
	chan->completed_cookie = INT32_MAX - 1;
	for (i = 0; i < 3; i++) {
		tx = dmaengine_prep_dma_memcpy(chan, (dma_addr_t)(uintptr_t)b,
					       (dma_addr_t)(uintptr_t)a,
					       sizeof(a), 0);
		ASSERT_NOT_NULL(tx);
		c[i] = dmaengine_submit(tx);
	}
	ASSERT_EQ(c[0], INT32_MAX);
	ASSERT_EQ(c[1], DMA_MIN_COOKIE);
	ASSERT_EQ(c[2], DMA_MIN_COOKIE + 1);
	dma_async_issue_pending(chan);
	ASSERT_EQ(dmaengine_tx_status(chan, c[0], NULL), DMA_IN_PROGRESS);
	ASSERT_EQ(dmaengine_tx_status(chan, c[1], NULL), DMA_IN_PROGRESS);
	ASSERT_EQ(tprov_complete(chan, 1), 1);
	/* completed = INT32_MAX, used = 2: wrapped window */
	ASSERT_EQ(dmaengine_tx_status(chan, c[0], NULL), DMA_COMPLETE);
	ASSERT_EQ(dmaengine_tx_status(chan, c[1], NULL), DMA_IN_PROGRESS);
	ASSERT_EQ(dmaengine_tx_status(chan, c[2], NULL), DMA_IN_PROGRESS);
	ASSERT_EQ(dmaengine_tx_status(chan, 100, NULL), DMA_COMPLETE);
	ASSERT_EQ(tprov_complete(chan, 2), 2);
	ASSERT_EQ(dmaengine_tx_status(chan, c[2], NULL), DMA_COMPLETE);
	dma_release_channel(chan);
	tprov_unregister_free(tp);
	return 0;
}

static int test_cookie_math(void)
{
	/* last_complete <= last_used */
	ASSERT_EQ(dma_async_is_complete(5, 5, 10), DMA_COMPLETE);
	ASSERT_EQ(dma_async_is_complete(4, 5, 10), DMA_COMPLETE);
	ASSERT_EQ(dma_async_is_complete(6, 5, 10), DMA_IN_PROGRESS);
	ASSERT_EQ(dma_async_is_complete(10, 5, 10), DMA_IN_PROGRESS);
	ASSERT_EQ(dma_async_is_complete(11, 5, 10), DMA_COMPLETE);
	/* wrapped: last_complete > last_used */
	ASSERT_EQ(dma_async_is_complete(INT32_MAX - 1, INT32_MAX - 1, 3),
		  DMA_COMPLETE);
	ASSERT_EQ(dma_async_is_complete(INT32_MAX, INT32_MAX - 1, 3),
		  DMA_IN_PROGRESS);
	ASSERT_EQ(dma_async_is_complete(2, INT32_MAX - 1, 3), DMA_IN_PROGRESS);
	ASSERT_EQ(dma_async_is_complete(3, INT32_MAX - 1, 3), DMA_IN_PROGRESS);
	ASSERT_EQ(dma_async_is_complete(4, INT32_MAX - 1, 3), DMA_COMPLETE);
	ASSERT_EQ(dma_submit_error(-EBUSY), -EBUSY);
	ASSERT_EQ(dma_submit_error(-ENOMEM), -ENOMEM);
	ASSERT_EQ(dma_submit_error(2), 0);
	ASSERT_EQ(dma_submit_error(INT32_MAX), 0);
	return 0;
}

/* ---- unimplemented ops and prep wrappers -------------------------------- */

static int prep_all_null(struct dma_chan *chan, bool interleave_ok)
{
	static char buf[64];
	dma_addr_t a = (dma_addr_t)(uintptr_t)buf;
	struct dma_interleaved_template *xt;
	struct dma_async_tx_descriptor *tx;
	struct scatterlist sg;
	struct dma_vec vec = { a, 16 };

	sg_init_one(&sg, buf, 16);
	sg_dma_address(&sg) = a;
	sg_dma_len(&sg) = 16;
	ASSERT_NULL(dmaengine_prep_slave_single(chan, a, 16, DMA_MEM_TO_DEV, 0));
	ASSERT_NULL(dmaengine_prep_slave_sg(chan, &sg, 1, DMA_MEM_TO_DEV, 0));
	ASSERT_NULL(dmaengine_prep_dma_cyclic(chan, a, 64, 16, DMA_MEM_TO_DEV, 0));
	ASSERT_NULL(dmaengine_prep_peripheral_dma_vec(chan, &vec, 1,
						      DMA_MEM_TO_DEV, 0));
	ASSERT_NULL(dmaengine_prep_dma_memset(chan, a, 0, 16, 0));
	xt = calloc(1, sizeof(*xt) + sizeof(struct data_chunk));
	ASSERT_NOT_NULL(xt);
	xt->src_start = a;
	xt->dst_start = a + 32;
	xt->dir = DMA_MEM_TO_MEM;
	xt->src_inc = xt->dst_inc = true;
	xt->numf = 1;
	xt->frame_size = 1;
	xt->sgl[0].size = 16;
	/* REPEAT needs DMA_REPEAT */
	ASSERT_NULL(dmaengine_prep_interleaved_dma(chan, xt,
			DMA_PREP_REPEAT | DMA_PREP_LOAD_EOT));
	tx = dmaengine_prep_interleaved_dma(chan, xt, 0);
	if (interleave_ok) {
		ASSERT_NOT_NULL(tx);
		ASSERT_EQ(dmaengine_desc_free(tx), -EPERM);	/* no REUSE */
		/* give it back the way a client may: terminate */
		ASSERT_GT(dmaengine_submit(tx), 0);
	} else {
		ASSERT_NULL(tx);
	}
	free(xt);
	return 0;
}

static int test_unimplemented(void)
{
	struct tprov_cfg cfg = { .nr_chans = 1, .interrupt = true,
				 .interleave = true };
	struct dma_slave_config sc = { .direction = DMA_MEM_TO_DEV };
	struct tprov *tp = new_registered(pdev0, &cfg);
	struct dma_chan *chan;
	dma_cap_mask_t mask;

	dma_cap_zero(mask);
	dma_cap_set(DMA_INTERRUPT, mask);
	chan = dma_request_channel(mask, filter_dev, &tp->dma);
	ASSERT_NOT_NULL(chan);
	ASSERT_EQ(dmaengine_pause(chan), -ENOSYS);
	ASSERT_EQ(dmaengine_resume(chan), -ENOSYS);
	ASSERT_EQ(dmaengine_slave_config(chan, &sc), -ENOSYS);
	ASSERT_EQ(dmaengine_terminate_all(chan), -ENOSYS);
	ASSERT_EQ(dmaengine_terminate_async(chan), -EINVAL);
	ASSERT_EQ(dmaengine_terminate_sync(chan), -EINVAL);
	dmaengine_synchronize(chan);		/* no op: fine */
	ASSERT_NULL(dmaengine_prep_dma_memcpy(chan, 0x1000, 0x2000, 16, 0));
	ASSERT_EQ(prep_all_null(chan, true), 0);
	dma_release_channel(chan);		/* frees the submitted desc */
	ASSERT_EQ(tp->descs_live, 0);
	tprov_unregister_free(tp);

	/* the soft engine: memcpy/memset/interleave but no slave ops */
	dma_cap_zero(mask);
	dma_cap_set(DMA_MEMCPY, mask);
	chan = dma_request_channel(mask, NULL, NULL);
	ASSERT_NOT_NULL(chan);
	ASSERT_FALSE(dma_has_cap(DMA_SLAVE, chan->device->cap_mask));
	ASSERT_NULL(dmaengine_prep_slave_single(chan, 0x1000, 16,
						DMA_DEV_TO_MEM, 0));
	ASSERT_NULL(dmaengine_prep_dma_cyclic(chan, 0x1000, 64, 16,
					      DMA_DEV_TO_MEM, 0));
	ASSERT_EQ(dmaengine_slave_config(chan, &sc), -ENOSYS);
	dma_release_channel(chan);
	return 0;
}

static int test_dma_get_slave_channel(void)
{
	struct tprov *tp = new_registered(pdev0, &slave_cfg);
	struct dma_chan *c0, *any;

	c0 = list_first_entry(&tp->dma.channels, struct dma_chan, device_node);
	ASSERT_PTR_EQ(dma_get_slave_channel(c0), c0);
	ASSERT_EQ(c0->client_count, 1);
	ASSERT_TRUE(dma_has_cap(DMA_PRIVATE, tp->dma.cap_mask));
	ASSERT_NULL(dma_get_slave_channel(c0));		/* busy */
	any = dma_get_any_slave_channel(&tp->dma);
	ASSERT_NOT_NULL(any);
	ASSERT_NE(any->chan_id, 0);
	dma_release_channel(any);
	dma_release_channel(c0);
	ASSERT_EQ(tp->dma.privatecnt, 0);
	tprov_unregister_free(tp);
	return 0;
}

int main(void)
{
	/* Only the soft engine besides the test providers (no DMA_SLAVE). */
	ASSERT_EQ(dmakit_boot(SOFT_ONLY_BOARD), 0);
	pdev0 = tprov_pdev(0);
	pdev1 = tprov_pdev(1);
	ASSERT_NOT_NULL(pdev0);
	ASSERT_NOT_NULL(pdev1);
	client = platform_device_register_simple("t-client", 0, NULL, 0);
	ASSERT_FALSE(IS_ERR(client));

	RUN_TEST(test_cookie_math);
	RUN_TEST(test_channel_names);
	RUN_TEST(test_request_channel);
	RUN_TEST(test_private_rules);
	RUN_TEST(test_always_private);
	RUN_TEST(test_request_chan);
	RUN_TEST(test_request_chan_by_mask);
	RUN_TEST(test_dmaengine_get_put);
	RUN_TEST(test_slave_caps);
	RUN_TEST(test_register_errors);
	RUN_TEST(test_unregister);
	RUN_TEST(test_cookies);
	RUN_TEST(test_unimplemented);
	RUN_TEST(test_dma_get_slave_channel);

	platform_device_unregister(client);
	tprov_pdev_put(pdev1);
	tprov_pdev_put(pdev0);
	dmakit_shutdown();
	return 0;
}
