// SPDX-License-Identifier: GPL-2.0
/*
 * dmatest must catch a broken engine.  A test-only provider on virt-dma
 * ("dmatest-broken", DMA_MEMCPY and DMA_MEMSET) does its transfers in
 * issue_pending and, on one chosen transfer, corrupts one byte after
 * the destination region, or one byte inside it, or never completes it.
 * Each must show up as exactly one failed test of the one thread, with
 * the kernel's lines; the same provider without a fault passes.
 */
#include <errno.h>
#include <linux/dmaengine.h>
#include <linux/dma-mapping.h>
#include <linux/mm.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <dmakit/board.h>
#include <dmakit/dmatest.h>
#include "dmaengine.h"
#include "virt-dma.h"
#include "capture.h"

enum broken_mode { BROKEN_NONE, BROKEN_OUTSIDE, BROKEN_INSIDE, BROKEN_DROP };

#define XOR_MAX_SRC	5

struct broken_desc {
	struct virt_dma_desc vd;
	enum dma_transaction_type type;
	dma_addr_t dst[2], src[XOR_MAX_SRC];
	unsigned int src_cnt;
	u8 coef[XOR_MAX_SRC];
	size_t len;
	int value;
};

struct broken_chan {
	struct virt_dma_chan vc;
	struct list_head lost;		/* completions dropped on purpose */
	unsigned int count;
};

static struct dma_device broken_dma, xor_dma;
static struct broken_chan broken_chan, xor_chan;
static enum broken_mode mode;
static unsigned int fault_at;		/* transfer number that goes wrong */

static struct broken_chan *to_broken_chan(struct dma_chan *c)
{
	return container_of(to_virt_chan(c), struct broken_chan, vc);
}

static void broken_desc_free(struct virt_dma_desc *vd)
{
	kfree(container_of(vd, struct broken_desc, vd));
}

static struct broken_desc *broken_desc_alloc(enum dma_transaction_type type,
					     size_t len)
{
	struct broken_desc *d = kzalloc(sizeof(*d), GFP_NOWAIT);

	if (d) {
		d->type = type;
		d->len = len;
	}
	return d;
}

static struct dma_async_tx_descriptor *
broken_prep_memcpy(struct dma_chan *c, dma_addr_t dst, dma_addr_t src,
		   size_t len, unsigned long flags)
{
	struct broken_desc *d = broken_desc_alloc(DMA_MEMCPY, len);

	if (!d)
		return NULL;
	d->dst[0] = dst;
	d->src[0] = src;
	return vchan_tx_prep(to_virt_chan(c), &d->vd, flags);
}

static struct dma_async_tx_descriptor *
broken_prep_memset(struct dma_chan *c, dma_addr_t dst, int value, size_t len,
		   unsigned long flags)
{
	struct broken_desc *d = broken_desc_alloc(DMA_MEMSET, len);

	if (!d)
		return NULL;
	d->dst[0] = dst;
	d->value = value;
	return vchan_tx_prep(to_virt_chan(c), &d->vd, flags);
}

static struct dma_async_tx_descriptor *
broken_prep_xor(struct dma_chan *c, dma_addr_t dst, dma_addr_t *src,
		unsigned int src_cnt, size_t len, unsigned long flags)
{
	struct broken_desc *d;

	if (src_cnt > XOR_MAX_SRC)
		return NULL;
	d = broken_desc_alloc(DMA_XOR, len);
	if (!d)
		return NULL;
	d->dst[0] = dst;
	memcpy(d->src, src, src_cnt * sizeof(*src));
	d->src_cnt = src_cnt;
	return vchan_tx_prep(to_virt_chan(c), &d->vd, flags);
}

static struct dma_async_tx_descriptor *
broken_prep_pq(struct dma_chan *c, dma_addr_t *dst, dma_addr_t *src,
	       unsigned int src_cnt, const unsigned char *scf, size_t len,
	       unsigned long flags)
{
	struct broken_desc *d;

	if (src_cnt > XOR_MAX_SRC)
		return NULL;
	d = broken_desc_alloc(DMA_PQ, len);
	if (!d)
		return NULL;
	memcpy(d->dst, dst, 2 * sizeof(*dst));
	memcpy(d->src, src, src_cnt * sizeof(*src));
	memcpy(d->coef, scf, src_cnt);
	d->src_cnt = src_cnt;
	return vchan_tx_prep(to_virt_chan(c), &d->vd, flags);
}

/* GF(2^8) multiply, RAID-6 polynomial 0x11d. */
static u8 gf_mul(u8 a, u8 b)
{
	u8 p = 0;

	while (b) {
		if (b & 1)
			p ^= a;
		a = (a << 1) ^ (a & 0x80 ? 0x1d : 0);
		b >>= 1;
	}
	return p;
}

static void broken_do(struct broken_desc *d)
{
	u8 *dst = phys_to_virt(d->dst[0]), *q;
	unsigned int i, s;

	switch (d->type) {
	case DMA_MEMSET:
		memset(dst, d->value, d->len);
		break;
	case DMA_MEMCPY:
		memcpy(dst, phys_to_virt(d->src[0]), d->len);
		break;
	case DMA_XOR:
	case DMA_PQ:
		q = d->type == DMA_PQ ? phys_to_virt(d->dst[1]) : NULL;
		for (i = 0; i < d->len; i++) {
			u8 p = 0, qv = 0;

			for (s = 0; s < d->src_cnt; s++) {
				u8 v = ((u8 *)phys_to_virt(d->src[s]))[i];

				p ^= v;
				if (q)
					qv ^= gf_mul(v, d->coef[s]);
			}
			dst[i] = p;
			if (q)
				q[i] = qv;
		}
		break;
	default:
		break;
	}
}

/* The "hardware": bus addresses are CPU addresses (direct mapping). */
static bool broken_execute(struct broken_chan *bc, struct broken_desc *d)
{
	u8 *dst = phys_to_virt(d->dst[0]);

	broken_do(d);
	if (++bc->count != fault_at)
		return true;
	switch (mode) {
	case BROKEN_OUTSIDE:
		dst[d->len] ^= 0x80;	/* first byte after the region */
		break;
	case BROKEN_INSIDE:
		dst[d->len / 2] ^= 0x01;
		break;
	case BROKEN_DROP:
		return false;
	default:
		break;
	}
	return true;
}

static void broken_issue_pending(struct dma_chan *c)
{
	struct broken_chan *bc = to_broken_chan(c);
	struct virt_dma_desc *vd;
	unsigned long flags;

	spin_lock_irqsave(&bc->vc.lock, flags);
	if (vchan_issue_pending(&bc->vc)) {
		while ((vd = vchan_next_desc(&bc->vc))) {
			list_del(&vd->node);
			if (broken_execute(bc, container_of(vd, struct broken_desc, vd)))
				vchan_cookie_complete(vd);
			else
				list_add_tail(&vd->node, &bc->lost);
		}
	}
	spin_unlock_irqrestore(&bc->vc.lock, flags);
}

static enum dma_status broken_tx_status(struct dma_chan *c, dma_cookie_t cookie,
					struct dma_tx_state *state)
{
	return dma_cookie_status(c, cookie, state);
}

static int broken_terminate_all(struct dma_chan *c)
{
	struct broken_chan *bc = to_broken_chan(c);
	unsigned long flags;
	LIST_HEAD(head);

	spin_lock_irqsave(&bc->vc.lock, flags);
	vchan_get_all_descriptors(&bc->vc, &head);
	list_splice_tail_init(&bc->lost, &head);
	spin_unlock_irqrestore(&bc->vc.lock, flags);
	vchan_dma_desc_free_list(&bc->vc, &head);
	return 0;
}

static void broken_synchronize(struct dma_chan *c)
{
	vchan_synchronize(to_virt_chan(c));
}

static void broken_free_chan_resources(struct dma_chan *c)
{
	broken_terminate_all(c);
}

static struct platform_device *broken_register(const char *name,
					       struct dma_device *dma,
					       struct broken_chan *bc,
					       bool xor)
{
	struct platform_device *pdev;

	pdev = platform_device_register_simple(name, PLATFORM_DEVID_NONE,
					       NULL, 0);
	CHECK(!IS_ERR(pdev));
	CHECK(!dma_coerce_mask_and_coherent(&pdev->dev, DMA_BIT_MASK(64)));

	dma->dev = &pdev->dev;
	INIT_LIST_HEAD(&dma->channels);
	if (xor) {
		/* an XOR/PQ-only engine: dmatest adds xor and pq threads */
		dma_cap_set(DMA_XOR, dma->cap_mask);
		dma_cap_set(DMA_PQ, dma->cap_mask);
		dma->max_xor = XOR_MAX_SRC;
		dma_set_maxpq(dma, XOR_MAX_SRC, 0);
		dma->device_prep_dma_xor = broken_prep_xor;
		dma->device_prep_dma_pq = broken_prep_pq;
	} else {
		dma_cap_set(DMA_MEMCPY, dma->cap_mask);
		dma_cap_set(DMA_MEMSET, dma->cap_mask);
		dma->device_prep_dma_memcpy = broken_prep_memcpy;
		dma->device_prep_dma_memset = broken_prep_memset;
	}
	dma->device_issue_pending = broken_issue_pending;
	dma->device_tx_status = broken_tx_status;
	dma->device_terminate_all = broken_terminate_all;
	dma->device_synchronize = broken_synchronize;
	dma->device_free_chan_resources = broken_free_chan_resources;

	INIT_LIST_HEAD(&bc->lost);
	bc->vc.desc_free = broken_desc_free;
	vchan_init(&bc->vc, dma);
	CHECK(!dma_async_device_register(dma));
	return pdev;
}

/* One thread on the broken device, @iter transfers, fault on number 2. */
static void run_broken(enum broken_mode m, unsigned int op, bool polled,
		       unsigned int iter, unsigned int failures)
{
	struct dmatest_params p;
	struct dmatest_report r;
	char re[256];

	mode = m;
	fault_at = 2;
	broken_chan.count = 0;
	dmatest_params_init(&p);
	strcpy(p.device, "dmatest-broken");
	p.dmatest = op;
	p.polled = polled;
	p.iterations = iter;
	p.buf_size = 1024;
	p.norandom = true;
	p.transfer_size = 512;		/* offsets 0, room after the region */
	p.timeout = 300;		/* ms: the dropped completion */

	cap_reset();
	CHECK(dmatest_run(&p, &r) == 0);
	CHECK(r.channels == 1 && r.threads == 1);
	CHECK(r.tests == iter);
	CHECK(r.failures == failures);
	CHECK(r.passed == !failures && r.failed == !!failures);
	CHECK(broken_chan.count == iter);
	snprintf(re, sizeof(re), "^dmatest: dma[0-9]+chan0-(copy|set)0: summary %u tests, %u failures [0-9]+\\.[0-9]{2} iops [0-9]+ KB/s \\(0\\)\n$",
		 iter, failures);
	CHECK(cap_count(RE_SUMMARY) == 1);
	CHECK(cap_count(re) == 1);
}

/*
 * XOR and PQ threads on an engine that has them: 3 sources (odd, so
 * dst = src), all PQ coefficients 1; an inside corruption is caught.
 */
static void test_xor_pq(void)
{
	struct dmatest_params p;
	struct dmatest_report r;

	dmatest_params_init(&p);
	strcpy(p.device, "dmatest-xor");
	p.iterations = 6;
	p.buf_size = 2048;
	mode = BROKEN_NONE;
	xor_chan.count = 0;
	cap_reset();
	CHECK(dmatest_run(&p, &r) == 0);
	CHECK(r.channels == 1 && r.threads == 2);
	CHECK(r.passed == 2 && r.failures == 0 && r.tests == 12);
	CHECK(xor_chan.count == 12);
	CHECK(cap_count("^dmatest: dma[0-9]+chan0-xor0: summary 6 tests, 0 failures") == 1);
	CHECK(cap_count("^dmatest: dma[0-9]+chan0-pq0: summary 6 tests, 0 failures") == 1);

	/* even source count: forced odd (4 | 1 = 5), still passes */
	p.xor_sources = 4;
	p.pq_sources = 4;
	CHECK(dmatest_run(&p, &r) == 0);
	CHECK(r.passed == 2);

	/*
	 * One byte inside the third destination (xor's or pq's) goes
	 * wrong.  As in the kernel, the thread that failed terminates the
	 * whole channel when it ends, which may cost the other thread on
	 * the channel a transfer ("test timed out"): so only the data
	 * error is counted exactly.
	 */
	p.xor_sources = 3;
	p.pq_sources = 3;
	p.norandom = true;
	p.transfer_size = 1024;
	p.timeout = 500;
	mode = BROKEN_INSIDE;
	fault_at = 3;
	xor_chan.count = 0;
	cap_reset();
	CHECK(dmatest_run(&p, &r) == 0);
	CHECK(r.failures >= 1 && r.failed >= 1);
	CHECK(cap_count(RE_RESULT("data error")) == 1);
	CHECK(cap_count("dstbuf\\[0x200\\] mismatch! Expected df, got de\n$") == 1);

	/* more sources than the engine takes: one clear error */
	p.xor_sources = 7;
	cap_reset();
	CHECK(dmatest_run(&p, &r) == -EINVAL);
	CHECK(cap_count("^dmatest: xor_sources=7: dmatest-xor supports at most 5\n$") == 1);
	CHECK(cap_count(RE_SUMMARY) == 0);
	mode = BROKEN_NONE;
}

int main(void)
{
	struct platform_device *pdev, *xdev;
	unsigned int op;
	unsigned long warns;

	cap_start();
	if (dmakit_boot(NULL))
		return 1;
	pdev = broken_register("dmatest-broken", &broken_dma, &broken_chan,
			       false);
	xdev = broken_register("dmatest-xor", &xor_dma, &xor_chan, true);
	warns = dmakit_warn_count();

	for (op = DMATEST_MEMCPY; op <= DMATEST_MEMSET; op++) {
		/* control: the same engine without a fault passes */
		run_broken(BROKEN_NONE, op, false, 4, 0);
		run_broken(BROKEN_NONE, op, true, 4, 0);

		/* (a) one byte after the destination region */
		run_broken(BROKEN_OUTSIDE, op, false, 4, 1);
		CHECK(cap_count(RE_RESULT("data error")) == 1);
		CHECK(cap_count("result #2: 'data error' with src_off=0x0 dst_off=0x0 len=0x200 \\(1\\)\n$") == 1);
		CHECK(cap_count("^dmatest: dma[0-9]+chan0-(copy|set)0: dstbuf\\[0x200\\] was copied! Expected [0-9a-f]{2}, got [0-9a-f]{2}\n$") == 1);

		/* ... also when polled */
		run_broken(BROKEN_OUTSIDE, op, true, 4, 1);
		CHECK(cap_count("result #2: 'data error' .* \\(1\\)\n$") == 1);

		/* (b) one byte inside it */
		run_broken(BROKEN_INSIDE, op, false, 4, 1);
		CHECK(cap_count("result #2: 'data error' with src_off=0x0 dst_off=0x0 len=0x200 \\(1\\)\n$") == 1);
		CHECK(cap_count("^dmatest: dma[0-9]+chan0-(copy|set)0: dstbuf\\[0x100\\] mismatch! Expected [0-9a-f]{2}, got [0-9a-f]{2}\n$") == 1);

		/* (c) one completion never comes */
		run_broken(BROKEN_DROP, op, false, 4, 1);
		CHECK(cap_count(RE_RESULT("test timed out")) == 1);
		CHECK(cap_count("result #2: 'test timed out' with src_off=0x0 dst_off=0x0 len=0x200 \\(0\\)\n$") == 1);
		CHECK(cap_count("data error") == 0);
	}
	test_xor_pq();

	/* no callback arrived after its thread finished */
	CHECK(dmakit_warn_count() == warns);

	dma_async_device_unregister(&xor_dma);
	platform_device_unregister(xdev);
	dma_async_device_unregister(&broken_dma);
	platform_device_unregister(pdev);
	dmakit_shutdown();
	dmakit_log_set_hook(NULL, NULL);
	cap_reset();
	printf("dmatest catches corruption and lost completions: ok\n");
	return 0;
}
