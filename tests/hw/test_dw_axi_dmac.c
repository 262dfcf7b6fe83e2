// SPDX-License-Identifier: GPL-2.0
/*
 * The dw-axi-dmac driver on the DW AXI DMAC model, through dmaengine,
 * once with the virtual clock and once with the realtime clock:
 *  - memcpy on every channel over every transfer width and burst size
 *    the configuration allows, with guard bytes, and LLI chains longer
 *    than one block;
 *  - pause mid-way: the residue is exactly what memory shows, nothing
 *    moves while paused, resume finishes with correct data;
 *  - terminate mid-chain: the channel stops, no callback runs, the
 *    channel works for the next transfer;
 *  - bus errors (buffer or LLI outside mapped memory) complete the
 *    descriptor with DMA_TRANS_READ/WRITE_FAILED and the next issued
 *    descriptor still runs;
 *  - slave mem-to-dev and dev-to-mem against the test FIFO with
 *    hardware handshaking (no overflow, no underflow), and a cyclic
 *    mem-to-dev ring with per-period callbacks.
 */
#include <stdlib.h>
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/dma-mapping.h>
#include <linux/dmaengine.h>
#include <linux/io.h>
#include <linux/platform_device.h>
#include <linux/platform_data/dma-dw-axi.h>
#include <linux/scatterlist.h>
#include <dmakit/board.h>
#include <dmakit/hw.h>
#include "dw-axi-dmac/dw-axi-dmac.h"

#define DMAC_BASE	0x10000000UL
#define FIFO_BASE	0x10010000UL
#define NR_CHAN		8
#define DATA_WIDTH	4		/* 16-byte master bus */
#define TX_LINE		3
#define RX_LINE		4
#define TIMEOUT_MS	20000

static int failures;
static const char *mode_name;

#define CHECK(cond) ({							\
	bool __ok = (cond);						\
	if (!__ok) {							\
		fprintf(stderr, "%s:%d: [%s] FAILED: %s\n", __FILE__, __LINE__, \
			mode_name, #cond);				\
		failures++;						\
	}								\
	__ok;								\
})

static struct {
	enum hw_clock_mode mode;
	struct hw_machine *m;
	struct hw_model *dmac, *fifo;
	struct platform_device *pdev;
	void __iomem *regs, *fifo_regs;
} E;

struct xfer {
	struct completion done;
	struct dmaengine_result res;
	atomic_t calls;
};

static void xfer_init(struct xfer *x)
{
	init_completion(&x->done);
	atomic_set(&x->calls, 0);
	x->res.result = DMA_TRANS_NOERROR;
	x->res.residue = ~0U;
}

static void xfer_cb(void *p, const struct dmaengine_result *r)
{
	struct xfer *x = p;

	x->res = *r;
	atomic_inc(&x->calls);
	complete(&x->done);
}

static bool xfer_wait(struct xfer *x)
{
	return wait_for_completion_timeout(&x->done,
					   msecs_to_jiffies(TIMEOUT_MS)) != 0;
}

static bool filter_dev(struct dma_chan *chan, void *param)
{
	return chan->device->dev == param;
}

static struct dma_chan *get_chan(void)
{
	dma_cap_mask_t mask;

	dma_cap_zero(mask);
	dma_cap_set(DMA_MEMCPY, mask);
	return dma_request_channel(mask, filter_dev, &E.pdev->dev);
}

static struct dma_chan *get_slave_chan(u8 line)
{
	struct dw_axi_dma_slave slave = { .dma_dev = &E.pdev->dev,
					  .handshake = line };
	dma_cap_mask_t mask;

	dma_cap_zero(mask);
	dma_cap_set(DMA_SLAVE, mask);
	return dma_request_channel(mask, dw_axi_dma_filter, &slave);
}

static void __iomem *chan_regs(struct dma_chan *c)
{
	return E.regs + 0x100 + c->chan_id * 0x100;
}

static u32 msize_of(u32 maxburst)
{
	if (maxburst < 4)
		return 0;
	return fls(min_t(u32, maxburst, 1024)) - 2;
}

/* Let (virtual) time pass or wait (realtime). */
static void let_time_pass(u64 ns)
{
	if (E.mode == HW_CLOCK_VIRTUAL)
		hw_clock_step(E.m, ns);
	else
		msleep(DIV_ROUND_UP(ns, NSEC_PER_MSEC));
}

static dma_cookie_t submit(struct dma_chan *c, struct dma_async_tx_descriptor *tx,
			   struct xfer *x)
{
	tx->callback_result = xfer_cb;
	tx->callback_param = x;
	return dmaengine_submit(tx);
}

/* ------------------------------------------------------------ memcpy */

static void fill_src(u8 *p, size_t len, unsigned int seed)
{
	size_t i;

	for (i = 0; i < len; i++)
		p[i] = (u8)((i * 13 + seed) | 0x80);
}

static bool do_memcpy(struct dma_chan *c, size_t soff, size_t doff,
		      size_t len, u32 maxburst)
{
	struct device *dev = c->device->dev;
	size_t total = len + 64;
	u8 *src = aligned_alloc(64, ALIGN(total, 64));
	u8 *dst = aligned_alloc(64, ALIGN(total, 64));
	struct dma_slave_config cfg = { .src_maxburst = maxburst,
					.dst_maxburst = maxburst };
	struct dma_async_tx_descriptor *tx;
	dma_addr_t s, d;
	struct xfer x;
	bool ok = true;
	size_t i;

	fill_src(src, total, (unsigned int)len);
	memset(dst, 0x5a, total);
	s = dma_map_single(dev, src + soff, len, DMA_TO_DEVICE);
	d = dma_map_single(dev, dst + doff, len, DMA_FROM_DEVICE);
	xfer_init(&x);
	ok &= CHECK(dmaengine_slave_config(c, &cfg) == 0);
	tx = dmaengine_prep_dma_memcpy(c, d, s, len, DMA_PREP_INTERRUPT);
	if (!CHECK(tx))
		goto out;
	submit(c, tx, &x);
	dma_async_issue_pending(c);
	ok &= CHECK(xfer_wait(&x));
	ok &= CHECK(x.res.result == DMA_TRANS_NOERROR);
	ok &= CHECK(x.res.residue == 0);
	/* The last block's CTL is still in the channel's registers. */
	if (maxburst) {
		u32 ctl = readl(chan_regs(c) + CH_CTL_L);

		ok &= CHECK(((ctl >> CH_CTL_L_SRC_MSIZE_POS) & 0xf) == msize_of(maxburst));
		ok &= CHECK(((ctl >> CH_CTL_L_SRC_WIDTH_POS) & 7) <= DATA_WIDTH);
	}
out:
	dma_unmap_single(dev, s, len, DMA_TO_DEVICE);
	dma_unmap_single(dev, d, len, DMA_FROM_DEVICE);
	ok &= CHECK(memcmp(dst + doff, src + soff, len) == 0);
	for (i = 0; i < total; i++) {
		if ((i < doff || i >= doff + len) && dst[i] != 0x5a) {
			ok &= CHECK(dst[i] == 0x5a);
			break;
		}
	}
	if (!ok)
		fprintf(stderr, "  memcpy %s soff %zu doff %zu len %zu maxburst %u\n",
			dma_chan_name(c), soff, doff, len, maxburst);
	free(src);
	free(dst);
	return ok;
}

static void test_memcpy_all_channels(void)
{
	static const u32 bursts[] = { 0, 1, 4, 8, 16, 32, 64, 128, 256 };
	struct dma_chan *chans[NR_CHAN];
	unsigned int n, i, w, b = 0;

	for (n = 0; n < NR_CHAN; n++) {
		chans[n] = get_chan();
		if (!CHECK(chans[n]))
			break;
	}
	CHECK(get_chan() == NULL);	/* all eight are taken */
	for (i = 0; i < n; i++) {
		/* Every width 8..128 bits: alignment and length set it. */
		for (w = 0; w <= DATA_WIDTH; w++) {
			size_t unit = 1U << w;

			do_memcpy(chans[i], unit, unit * (i % 2 ? 3 : 1),
				  unit * (37 + i), bursts[b++ % ARRAY_SIZE(bursts)]);
		}
		do_memcpy(chans[i], 0, 0, 1, 4);
		/* Longer than one block: a chain of LLIs. */
		do_memcpy(chans[i], 0, 16, 16384 + 48, bursts[i % ARRAY_SIZE(bursts)]);
	}
	for (i = 0; i < n; i++)
		dma_release_channel(chans[i]);
}

/* -------------------------------------------------- pause, terminate */

struct big {
	struct dma_chan *c;
	u8 *src, *dst;
	dma_addr_t s, d;
	size_t len;
	struct xfer x;
	dma_cookie_t cookie;
};

static bool big_start(struct big *b, size_t len)
{
	struct device *dev;
	struct dma_async_tx_descriptor *tx;

	b->c = get_chan();
	if (!CHECK(b->c))
		return false;
	dev = b->c->device->dev;
	b->len = len;
	b->src = aligned_alloc(64, ALIGN(len, 64));
	b->dst = aligned_alloc(64, ALIGN(len, 64));
	fill_src(b->src, len, 1);
	memset(b->dst, 0, len);
	b->s = dma_map_single(dev, b->src, len, DMA_TO_DEVICE);
	b->d = dma_map_single(dev, b->dst, len, DMA_FROM_DEVICE);
	xfer_init(&b->x);
	tx = dmaengine_prep_dma_memcpy(b->c, b->d, b->s, len, DMA_PREP_INTERRUPT);
	if (!CHECK(tx))
		return false;
	b->cookie = submit(b->c, tx, &b->x);
	dma_async_issue_pending(b->c);
	return true;
}

static void big_end(struct big *b)
{
	struct device *dev = b->c->device->dev;

	dma_unmap_single(dev, b->s, b->len, DMA_TO_DEVICE);
	dma_unmap_single(dev, b->d, b->len, DMA_FROM_DEVICE);
	dma_release_channel(b->c);
	free(b->src);
	free(b->dst);
}

/* Bytes the hardware has written: dst starts zeroed, src has bit 7 set. */
static size_t copied(const u8 *dst, size_t len)
{
	size_t i = 0;

	while (i < len && dst[i])
		i++;
	return i;
}

/*
 * In realtime mode the machine catches up with the wall clock after the
 * host has stalled this process, so a transfer can finish before the
 * pause (or terminate) lands: such an attempt proves nothing and is
 * retried.  Virtual mode checks the same things deterministically.
 */
#define REALTIME_ATTEMPTS 8

static bool outran(struct big *b, bool terminated)
{
	if (E.mode != HW_CLOCK_REALTIME ||
	    dma_async_is_tx_complete(b->c, b->cookie, NULL, NULL) != DMA_COMPLETE)
		return false;
	if (!terminated) {
		dmaengine_resume(b->c);	/* paused after the end */
		xfer_wait(&b->x);
	}
	big_end(b);
	return true;
}

static void test_pause_resume(void)
{
	struct dma_tx_state st;
	enum dma_status status;
	size_t done, len = 256 * 1024;
	struct big b;
	u8 *snap;
	int attempt = 0;

again:
	if (E.mode == HW_CLOCK_VIRTUAL)
		hw_clock_hold(E.m);
	if (!big_start(&b, len))
		return;
	let_time_pass(200 * NSEC_PER_USEC * (E.mode == HW_CLOCK_VIRTUAL ? 1 : 50));
	CHECK(dmaengine_pause(b.c) == 0);
	if (outran(&b, false) && ++attempt < REALTIME_ATTEMPTS)
		goto again;
	status = dmaengine_tx_status(b.c, b.cookie, &st);
	done = copied(b.dst, len);
	CHECK(status == DMA_PAUSED);
	CHECK(st.residue == len - done);
	CHECK(done < len);
	if (E.mode == HW_CLOCK_VIRTUAL)
		CHECK(done > 0);
	/* Paused: time passes, nothing moves. */
	snap = malloc(len);
	memcpy(snap, b.dst, len);
	let_time_pass(100 * NSEC_PER_USEC * (E.mode == HW_CLOCK_VIRTUAL ? 1 : 50));
	CHECK(memcmp(snap, b.dst, len) == 0);
	CHECK(dmaengine_tx_status(b.c, b.cookie, &st) == DMA_PAUSED);
	CHECK(st.residue == len - done);
	CHECK(atomic_read(&b.x.calls) == 0);

	CHECK(dmaengine_resume(b.c) == 0);
	if (E.mode == HW_CLOCK_VIRTUAL)
		hw_clock_release(E.m);
	CHECK(xfer_wait(&b.x));
	CHECK(b.x.res.result == DMA_TRANS_NOERROR);
	CHECK(dmaengine_tx_status(b.c, b.cookie, &st) == DMA_COMPLETE);
	CHECK(memcmp(b.src, b.dst, len) == 0);
	free(snap);
	big_end(&b);
}

static void test_terminate(void)
{
	size_t done, len = 256 * 1024;
	struct big b;
	u8 *snap;
	int attempt = 0;

again:
	if (E.mode == HW_CLOCK_VIRTUAL)
		hw_clock_hold(E.m);
	if (!big_start(&b, len))
		return;
	let_time_pass(150 * NSEC_PER_USEC * (E.mode == HW_CLOCK_VIRTUAL ? 1 : 50));
	CHECK(dmaengine_terminate_sync(b.c) == 0);
	if (outran(&b, true) && ++attempt < REALTIME_ATTEMPTS)
		goto again;
	CHECK(!(readl(E.regs + DMAC_CHEN) & BIT(b.c->chan_id)));
	done = copied(b.dst, len);
	CHECK(done < len);
	snap = malloc(len);
	memcpy(snap, b.dst, len);
	let_time_pass(200 * NSEC_PER_USEC * (E.mode == HW_CLOCK_VIRTUAL ? 1 : 50));
	if (E.mode == HW_CLOCK_VIRTUAL)
		hw_clock_release(E.m);
	msleep(20);
	CHECK(memcmp(snap, b.dst, len) == 0);
	CHECK(atomic_read(&b.x.calls) == 0);
	CHECK(dma_async_is_tx_complete(b.c, b.cookie, NULL, NULL) != DMA_COMPLETE);
	free(snap);

	/* The channel is fine for the next transfer. */
	CHECK(do_memcpy(b.c, 0, 0, 8192, 16));
	big_end(&b);
}

/* -------------------------------------------------------- bus errors */

static void test_bus_errors(void)
{
	struct dma_chan *c = get_chan();
	struct dma_async_tx_descriptor *tx, *tx2;
	struct device *dev;
	size_t len = 8192;
	u8 *src, *dst, *stray;
	dma_addr_t s, d;
	struct xfer x, y;
	unsigned long errs;
	struct axi_dma_desc *desc;
	u32 len0 = 0;

	if (!CHECK(c))
		return;
	dev = c->device->dev;
	src = aligned_alloc(64, ALIGN(len, 64));
	dst = aligned_alloc(64, ALIGN(len, 64));
	stray = aligned_alloc(64, ALIGN(len, 64));
	fill_src(src, len, 3);
	memset(dst, 0, len);
	memset(stray, 0, len);
	s = dma_map_single(dev, src, len, DMA_TO_DEVICE);
	d = dma_map_single(dev, dst, len, DMA_FROM_DEVICE);
	errs = hw_model_bus_errors(E.dmac);

	/* Destination never mapped: write failure, then a good one runs. */
	xfer_init(&x);
	xfer_init(&y);
	tx = dmaengine_prep_dma_memcpy(c, (dma_addr_t)(unsigned long)stray, s,
				       len, DMA_PREP_INTERRUPT);
	tx2 = dmaengine_prep_dma_memcpy(c, d, s, len, DMA_PREP_INTERRUPT);
	if (CHECK(tx && tx2)) {
		submit(c, tx, &x);
		submit(c, tx2, &y);
		dma_async_issue_pending(c);
		CHECK(xfer_wait(&x));
		CHECK(x.res.result == DMA_TRANS_WRITE_FAILED);
		CHECK(x.res.residue > 0 && x.res.residue <= len);
		CHECK(xfer_wait(&y));
		CHECK(y.res.result == DMA_TRANS_NOERROR);
		CHECK(memcmp(src, dst, len) == 0);
	}
	CHECK(memchr_inv(stray, 0, len) == NULL);	/* never written */
	CHECK(hw_model_bus_errors(E.dmac) > errs);

	/* Source never mapped: read failure. */
	xfer_init(&x);
	tx = dmaengine_prep_dma_memcpy(c, d, (dma_addr_t)(unsigned long)stray,
				       len, DMA_PREP_INTERRUPT);
	if (CHECK(tx)) {
		submit(c, tx, &x);
		dma_async_issue_pending(c);
		CHECK(xfer_wait(&x));
		CHECK(x.res.result == DMA_TRANS_READ_FAILED);
	}

	/* An LLI whose next pointer leads outside mapped memory. */
	xfer_init(&x);
	memset(dst, 0, len);
	tx = dmaengine_prep_dma_memcpy(c, d, s, len, DMA_PREP_INTERRUPT);
	if (CHECK(tx)) {
		desc = container_of(tx, struct axi_dma_desc, vd.tx);
		CHECK(desc->nr_hw_descs > 1);
		len0 = desc->hw_desc[0].len;
		desc->hw_desc[0].lli->llp = cpu_to_le64(0x20000000);
		submit(c, tx, &x);
		dma_async_issue_pending(c);
		CHECK(xfer_wait(&x));
		CHECK(x.res.result == DMA_TRANS_READ_FAILED);
		/* The first block was done, the second never fetched. */
		CHECK(x.res.residue == len - len0);
		CHECK(memcmp(dst, src, len0) == 0 && !dst[len0]);
	}

	/* And the channel still works. */
	dma_unmap_single(dev, s, len, DMA_TO_DEVICE);
	dma_unmap_single(dev, d, len, DMA_FROM_DEVICE);
	CHECK(do_memcpy(c, 0, 0, len, 8));
	dma_release_channel(c);
	free(src);
	free(dst);
	free(stray);
}

/* ------------------------------------------------------------- slave */

static bool fifo_drained(void)
{
	int i;

	for (i = 0; i < TIMEOUT_MS; i++) {
		if ((readl(E.fifo_regs + 0x04) & 0xffff) == 0)
			return true;
		msleep(1);
	}
	return false;
}

static void test_slave_tx(void)
{
	struct dma_slave_config cfg = {
		.direction = DMA_MEM_TO_DEV, .dst_addr = FIFO_BASE,
		.dst_addr_width = DMA_SLAVE_BUSWIDTH_4_BYTES, .dst_maxburst = 8,
	};
	struct dma_chan *c = get_slave_chan(TX_LINE);
	struct dma_async_tx_descriptor *tx;
	struct scatterlist sg[3];
	size_t len = 6000, base, n, i;
	struct device *dev;
	u8 *buf, *cap;
	struct xfer x;

	if (!CHECK(c))
		return;
	dev = c->device->dev;
	buf = aligned_alloc(64, ALIGN(len, 64));
	for (i = 0; i < len; i++)
		buf[i] = (u8)(i * 5 + 1);
	base = hw_test_fifo_captured(E.fifo, NULL, 0);
	/* TX DMA on, burst request at 8 free 32-bit items. */
	writel(BIT(0) | 8 << 8 | 4 << 16 | 2 << 24, E.fifo_regs + 0x08);
	sg_init_table(sg, 3);
	for (i = 0; i < 3; i++)
		sg_set_buf(&sg[i], buf + i * 2000, 2000);
	CHECK(dma_map_sg(dev, sg, 3, DMA_TO_DEVICE) == 3);
	CHECK(dmaengine_slave_config(c, &cfg) == 0);
	xfer_init(&x);
	tx = dmaengine_prep_slave_sg(c, sg, 3, DMA_MEM_TO_DEV, DMA_PREP_INTERRUPT);
	if (CHECK(tx)) {
		submit(c, tx, &x);
		dma_async_issue_pending(c);
		CHECK(xfer_wait(&x));
		CHECK(x.res.result == DMA_TRANS_NOERROR);
		CHECK(fifo_drained());
		n = hw_test_fifo_captured(E.fifo, NULL, 0);
		CHECK(n == base + len);
		cap = malloc(n);
		hw_test_fifo_captured(E.fifo, cap, n);
		CHECK(n >= base + len && memcmp(cap + base, buf, len) == 0);
		free(cap);
	}
	CHECK(hw_test_fifo_errors(E.fifo) == 0);	/* paced by DRQ */
	dma_unmap_sg(dev, sg, 3, DMA_TO_DEVICE);
	writel(0, E.fifo_regs + 0x08);
	dma_release_channel(c);
	free(buf);
}

static void test_slave_rx(void)
{
	struct dma_slave_config cfg = {
		.direction = DMA_DEV_TO_MEM, .src_addr = FIFO_BASE,
		.src_addr_width = DMA_SLAVE_BUSWIDTH_4_BYTES, .src_maxburst = 4,
	};
	struct dma_chan *c = get_slave_chan(RX_LINE);
	struct dma_async_tx_descriptor *tx;
	size_t len = 4096, i;
	struct device *dev;
	dma_addr_t d;
	struct xfer x;
	u8 *buf;

	if (!CHECK(c))
		return;
	dev = c->device->dev;
	buf = aligned_alloc(64, ALIGN(len, 64));
	memset(buf, 0, len);
	d = dma_map_single(dev, buf, len, DMA_FROM_DEVICE);
	CHECK(dmaengine_slave_config(c, &cfg) == 0);
	xfer_init(&x);
	tx = dmaengine_prep_slave_single(c, d, len, DMA_DEV_TO_MEM,
					 DMA_PREP_INTERRUPT);
	if (CHECK(tx)) {
		submit(c, tx, &x);
		dma_async_issue_pending(c);
		/* The request line only rises once DMA is on in the FIFO. */
		writel(BIT(1) | 4 << 16 | 2 << 24, E.fifo_regs + 0x08);
		CHECK(xfer_wait(&x));
		CHECK(x.res.result == DMA_TRANS_NOERROR);
	}
	dma_unmap_single(dev, d, len, DMA_FROM_DEVICE);
	for (i = 0; i < len; i++)
		if (buf[i] != hw_test_fifo_rx_byte(i)) {
			CHECK(buf[i] == hw_test_fifo_rx_byte(i));
			fprintf(stderr, "  rx byte %zu\n", i);
			break;
		}
	CHECK(hw_test_fifo_errors(E.fifo) == 0);
	writel(0, E.fifo_regs + 0x08);
	dma_release_channel(c);
	free(buf);
}

static atomic_t periods;

static void period_cb(void *p)
{
	atomic_inc(&periods);
}

static void test_cyclic(void)
{
	struct dma_slave_config cfg = {
		.direction = DMA_MEM_TO_DEV, .dst_addr = FIFO_BASE,
		.dst_addr_width = DMA_SLAVE_BUSWIDTH_4_BYTES, .dst_maxburst = 4,
	};
	struct dma_chan *c = get_slave_chan(TX_LINE);
	struct dma_async_tx_descriptor *tx;
	size_t len = 2048, period = 512, base, n, i;
	struct dma_tx_state st;
	struct device *dev;
	dma_addr_t d;
	int seen, k;
	u8 *buf, *cap;

	if (!CHECK(c))
		return;
	dev = c->device->dev;
	buf = aligned_alloc(64, ALIGN(len, 64));
	for (i = 0; i < len; i++)
		buf[i] = (u8)(i * 11 + 2);
	CHECK(fifo_drained());
	base = hw_test_fifo_captured(E.fifo, NULL, 0);
	writel(BIT(0) | 4 << 8 | 4 << 16 | 2 << 24, E.fifo_regs + 0x08);
	d = dma_map_single(dev, buf, len, DMA_TO_DEVICE);
	CHECK(dmaengine_slave_config(c, &cfg) == 0);
	atomic_set(&periods, 0);
	tx = dmaengine_prep_dma_cyclic(c, d, len, period, DMA_MEM_TO_DEV,
				       DMA_PREP_INTERRUPT);
	if (CHECK(tx)) {
		dma_cookie_t cookie;

		tx->callback = period_cb;
		cookie = dmaengine_submit(tx);
		dma_async_issue_pending(c);
		for (k = 0; k < TIMEOUT_MS && atomic_read(&periods) < 10; k++)
			msleep(1);
		CHECK(atomic_read(&periods) >= 10);
		CHECK(dmaengine_tx_status(c, cookie, &st) == DMA_IN_PROGRESS);
		CHECK(st.residue <= len);
		CHECK(dmaengine_terminate_sync(c) == 0);
		seen = atomic_read(&periods);
		msleep(20);
		CHECK(atomic_read(&periods) == seen);	/* none after sync */
		CHECK(fifo_drained());
		n = hw_test_fifo_captured(E.fifo, NULL, 0) - base;
		CHECK(n >= (size_t)seen * period);
		cap = malloc(base + n);
		hw_test_fifo_captured(E.fifo, cap, base + n);
		for (i = 0; i < n; i++)
			if (cap[base + i] != buf[i % len]) {
				CHECK(cap[base + i] == buf[i % len]);
				fprintf(stderr, "  cyclic byte %zu\n", i);
				break;
			}
		free(cap);
	}
	CHECK(hw_test_fifo_errors(E.fifo) == 0);
	dma_unmap_single(dev, d, len, DMA_TO_DEVICE);
	writel(0, E.fifo_regs + 0x08);
	dma_release_channel(c);
	free(buf);
}

/* ------------------------------------------------------------- setup */

static bool setup(enum hw_clock_mode mode)
{
	struct hw_machine_config mc = { .clock = mode };
	/* Realtime: a slow bus so that a CPU can catch a transfer mid-way. */
	u64 clk = mode == HW_CLOCK_VIRTUAL ? 100000000 : 1000000;
	struct hw_param dp[] = {
		HW_PARAM("dma-channels", NR_CHAN),
		HW_PARAM("snps,data-width", DATA_WIDTH),
		HW_PARAM("clock-frequency", clk),
		HW_PARAM_END,
	};
	struct dw_axi_dma_platform_data pdata = {
		.nr_channels = NR_CHAN, .nr_masters = 2,
		.m_data_width = DATA_WIDTH,
	};
	struct platform_device_info info = {
		.name = "dw-axi-dmac", .id = 0,
		.data = &pdata, .size_data = sizeof(pdata),
	};
	struct resource res[2];
	unsigned int i;

	E.mode = mode;
	mode_name = mode == HW_CLOCK_VIRTUAL ? "virtual" : "realtime";
	E.m = hw_machine_create(&mc);
	if (!CHECK(!IS_ERR(E.m)))
		return false;
	E.dmac = hw_model_create(E.m, "snps,axi-dma-1.01a", DMAC_BASE, 0x10000,
				 -1, dp);
	if (!CHECK(!IS_ERR(E.dmac)))
		return false;
	{
		struct hw_param fp[] = {
			HW_PARAM_PTR("dma-controller", E.dmac),
			HW_PARAM("dma-tx-line", TX_LINE),
			HW_PARAM("dma-rx-line", RX_LINE),
			HW_PARAM("fifo-depth", 64),
			HW_PARAM("byte-ns", 20),
			HW_PARAM("rx-bytes", 1 << 30),
			HW_PARAM_END,
		};

		E.fifo = hw_model_create(E.m, "dmakit,test-fifo", FIFO_BASE,
					 0x1000, 0, fp);
		if (!CHECK(!IS_ERR(E.fifo)))
			return false;
	}
	for (i = 0; i < NR_CHAN; i++) {
		pdata.block_size[i] = 64U << (i % 4);	/* 64..512 items */
		pdata.priority[i] = i;
	}
	info.num_res = hw_model_resources(E.dmac, res, ARRAY_SIZE(res));
	info.res = res;
	E.pdev = platform_device_register_full(&info);
	if (!CHECK(!IS_ERR(E.pdev)) || !CHECK(device_is_bound(&E.pdev->dev)))
		return false;
	E.regs = ioremap(DMAC_BASE, 0x10000);
	E.fifo_regs = ioremap(FIFO_BASE, 0x1000);
	return CHECK(E.regs && E.fifo_regs);
}

static void teardown(void)
{
	if (!IS_ERR_OR_NULL(E.pdev))
		platform_device_unregister(E.pdev);
	E.pdev = NULL;
	hw_machine_destroy(E.m);
	E.m = NULL;
}

int main(void)
{
	static const enum hw_clock_mode modes[] = {
		HW_CLOCK_VIRTUAL, HW_CLOCK_REALTIME,
	};
	unsigned int i;

	if (dmakit_boot(SOFT_ONLY_BOARD))
		return 1;
	for (i = 0; i < ARRAY_SIZE(modes); i++) {
		if (setup(modes[i])) {
			test_memcpy_all_channels();
			test_pause_resume();
			test_terminate();
			test_bus_errors();
			test_slave_tx();
			test_slave_rx();
			test_cyclic();
		}
		teardown();
	}
	dmakit_shutdown();
	if (failures)
		fprintf(stderr, "test_dw_axi_dmac: %d failures\n", failures);
	return failures ? 1 : 0;
}
