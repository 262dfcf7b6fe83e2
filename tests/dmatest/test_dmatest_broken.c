// SPDX-License-Identifier: GPL-2.0
/*
 * dmatest must catch a broken engine.  A test-only provider on virt-dma
 * ("dmatest-broken", DMA_MEMCPY and DMA_MEMSET) does its transfers in
 * issue_pending and, on one chosen transfer, corrupts one byte after
 * the destination region, or one byte inside it, or never completes it.
 * Each must show up as exactly one failed test of the one thread, with
 * the kernel's lines; the same provider without a fault passes.
 */
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

struct broken_desc {
	struct virt_dma_desc vd;
	dma_addr_t dst, src;
	size_t len;
	int value;
	bool memset;
};

struct broken_chan {
	struct virt_dma_chan vc;
	struct list_head lost;		/* completions dropped on purpose */
	unsigned int count;
};

static struct dma_device broken_dma;
static struct broken_chan broken_chan;
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

static struct dma_async_tx_descriptor *
broken_prep(struct dma_chan *c, dma_addr_t dst, dma_addr_t src, int value,
	    size_t len, unsigned long flags, bool is_memset)
{
	struct broken_desc *d = kzalloc(sizeof(*d), GFP_NOWAIT);

	if (!d)
		return NULL;
	d->dst = dst;
	d->src = src;
	d->value = value;
	d->len = len;
	d->memset = is_memset;
	return vchan_tx_prep(to_virt_chan(c), &d->vd, flags);
}

static struct dma_async_tx_descriptor *
broken_prep_memcpy(struct dma_chan *c, dma_addr_t dst, dma_addr_t src,
		   size_t len, unsigned long flags)
{
	return broken_prep(c, dst, src, 0, len, flags, false);
}

static struct dma_async_tx_descriptor *
broken_prep_memset(struct dma_chan *c, dma_addr_t dst, int value, size_t len,
		   unsigned long flags)
{
	return broken_prep(c, dst, 0, value, len, flags, true);
}

/* The "hardware": bus addresses are CPU addresses (direct mapping). */
static bool broken_execute(struct broken_chan *bc, struct broken_desc *d)
{
	u8 *dst = phys_to_virt(d->dst);

	if (d->memset)
		memset(dst, d->value, d->len);
	else
		memcpy(dst, phys_to_virt(d->src), d->len);
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

static struct platform_device *broken_register(void)
{
	struct platform_device *pdev;
	struct dma_device *dma = &broken_dma;

	pdev = platform_device_register_simple("dmatest-broken",
					       PLATFORM_DEVID_NONE, NULL, 0);
	CHECK(!IS_ERR(pdev));
	CHECK(!dma_coerce_mask_and_coherent(&pdev->dev, DMA_BIT_MASK(64)));

	dma->dev = &pdev->dev;
	INIT_LIST_HEAD(&dma->channels);
	dma_cap_set(DMA_MEMCPY, dma->cap_mask);
	dma_cap_set(DMA_MEMSET, dma->cap_mask);
	dma->device_prep_dma_memcpy = broken_prep_memcpy;
	dma->device_prep_dma_memset = broken_prep_memset;
	dma->device_issue_pending = broken_issue_pending;
	dma->device_tx_status = broken_tx_status;
	dma->device_terminate_all = broken_terminate_all;
	dma->device_synchronize = broken_synchronize;
	dma->device_free_chan_resources = broken_free_chan_resources;

	INIT_LIST_HEAD(&broken_chan.lost);
	broken_chan.vc.desc_free = broken_desc_free;
	vchan_init(&broken_chan.vc, dma);
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

int main(void)
{
	struct platform_device *pdev;
	unsigned int op;
	unsigned long warns;

	cap_start();
	if (dmakit_boot(NULL))
		return 1;
	pdev = broken_register();
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
	/* no callback arrived after its thread finished */
	CHECK(dmakit_warn_count() == warns);

	dma_async_device_unregister(&broken_dma);
	platform_device_unregister(pdev);
	dmakit_shutdown();
	dmakit_log_set_hook(NULL, NULL);
	cap_reset();
	printf("dmatest catches corruption and lost completions: ok\n");
	return 0;
}
