// SPDX-License-Identifier: GPL-2.0
/*
 * Injected faults in the DW AXI DMAC model (hw_model_fault()), under the
 * dw-axi-dmac driver on the default board: a lost interrupt (the client
 * times out; terminate_sync cleans up; a later interrupt of the shared
 * line finds the status and completes it), a duplicated interrupt (never
 * a second or early completion), a channel stalled mid-transfer, bus
 * errors on read and write (the right dmaengine_tx_result), and the
 * same knobs as device tree properties.  After each fault the channel
 * works again and the other channels are not disturbed.  Leaks are
 * LeakSanitizer's to find (make asan).
 */
#include <stdlib.h>
#include <linux/completion.h>
#include <linux/dmaengine.h>
#include <linux/slab.h>
#include <dmakit/board.h>
#include <dmakit/hw.h>
#include "helpers.h"

#define AXI_NAME	"20000000.dma-controller"
#define AXI_BASE	0x20000000
#define LEN		65536
#define SHORT_WAIT_MS	300	/* "never completes": nothing within this */
#define LONG_WAIT_MS	20000	/* must complete: generous, under load */
#define POISON		0xee

static struct hw_model *axi;
static struct dma_chan *cha, *chb;

struct xfer {
	struct dma_chan *chan;
	u8 *src, *dst;
	dma_addr_t s, d;
	size_t len;
	dma_cookie_t cookie;
	struct completion done;
	struct dmaengine_result res;
	int calls;
	int order;		/* the callback's place among all callbacks */
};

static int callbacks_seen;

static void xfer_cb(void *param, const struct dmaengine_result *res)
{
	struct xfer *x = param;

	x->res = *res;
	x->order = __atomic_add_fetch(&callbacks_seen, 1, __ATOMIC_SEQ_CST);
	__atomic_add_fetch(&x->calls, 1, __ATOMIC_SEQ_CST);
	complete(&x->done);
}

static int calls(struct xfer *x)
{
	return __atomic_load_n(&x->calls, __ATOMIC_SEQ_CST);
}

/* Prepare and submit a memcpy of @len on @chan (not issued). */
static struct xfer *xfer_submit(struct dma_chan *chan, size_t len,
				unsigned int seed)
{
	struct device *dev = dmaengine_get_dma_device(chan);
	struct dma_async_tx_descriptor *tx;
	struct xfer *x = calloc(1, sizeof(*x));

	ASSERT_NOT_NULL(x);
	x->chan = chan;
	x->len = len;
	x->src = kmalloc(len, GFP_KERNEL);
	x->dst = kmalloc(len, GFP_KERNEL);
	ASSERT_TRUE(x->src && x->dst);
	test_pattern(x->src, len, seed);
	memset(x->dst, POISON, len);
	init_completion(&x->done);
	x->s = dma_map_single(dev, x->src, len, DMA_TO_DEVICE);
	x->d = dma_map_single(dev, x->dst, len, DMA_FROM_DEVICE);
	tx = dmaengine_prep_dma_memcpy(chan, x->d, x->s, len,
				       DMA_PREP_INTERRUPT | DMA_CTRL_ACK);
	ASSERT_NOT_NULL(tx);
	tx->callback_result = xfer_cb;
	tx->callback_param = x;
	x->cookie = dmaengine_submit(tx);
	ASSERT_GT(x->cookie, 0);
	return x;
}

static bool xfer_wait(struct xfer *x, unsigned int ms)
{
	return wait_for_completion_timeout(&x->done, msecs_to_jiffies(ms));
}

/* Unmap (the CPU sees the destination from here on) and compare. */
static bool xfer_unmap_ok(struct xfer *x)
{
	struct device *dev = dmaengine_get_dma_device(x->chan);

	if (x->s) {
		dma_unmap_single(dev, x->s, x->len, DMA_TO_DEVICE);
		dma_unmap_single(dev, x->d, x->len, DMA_FROM_DEVICE);
		x->s = x->d = 0;
	}
	return !memcmp(x->src, x->dst, x->len);
}

static bool dst_untouched(struct xfer *x, size_t from)
{
	size_t i;

	xfer_unmap_ok(x);
	for (i = from; i < x->len; i++)
		if (x->dst[i] != POISON)
			return false;
	return true;
}

static void xfer_free(struct xfer *x)
{
	xfer_unmap_ok(x);
	kfree(x->src);
	kfree(x->dst);
	free(x);
}

/* One good copy on @chan, start to finish. */
static void copy_ok(struct dma_chan *chan, unsigned int seed)
{
	struct xfer *x = xfer_submit(chan, LEN, seed);

	dma_async_issue_pending(chan);
	ASSERT_TRUE(xfer_wait(x, LONG_WAIT_MS));
	ASSERT_EQ(x->res.result, DMA_TRANS_NOERROR);
	ASSERT_EQ(x->res.residue, 0);
	ASSERT_TRUE(xfer_unmap_ok(x));
	ASSERT_EQ(calls(x), 1);
	xfer_free(x);
}

static enum dma_status status_of(struct xfer *x, u32 *residue)
{
	struct dma_tx_state st = { 0 };
	enum dma_status s = dmaengine_tx_status(x->chan, x->cookie, &st);

	if (residue)
		*residue = st.residue;
	return s;
}

/* Lost interrupt: the client times out, terminate_sync cleans up. */
static int test_irq_lost(void)
{
	struct xfer *x;

	ASSERT_EQ(hw_model_fault(axi, HW_FAULT_IRQ_LOST, 1), 0);
	x = xfer_submit(cha, LEN, 1);
	dma_async_issue_pending(cha);
	ASSERT_FALSE(xfer_wait(x, SHORT_WAIT_MS));	/* the client's timeout */
	ASSERT_EQ(hw_model_faults_injected(axi, HW_FAULT_IRQ_LOST), 1);
	ASSERT_EQ(hw_model_fault(axi, HW_FAULT_IRQ_LOST, 0), 0);
	/* the hardware did the copy; nobody told the driver */
	ASSERT_EQ(status_of(x, NULL), DMA_IN_PROGRESS);
	ASSERT_EQ(calls(x), 0);
	ASSERT_EQ(dmaengine_terminate_sync(cha), 0);
	ASSERT_TRUE(xfer_unmap_ok(x));
	/* nothing completes it later: not this channel, not another one */
	copy_ok(chb, 2);
	copy_ok(cha, 3);
	ASSERT_FALSE(xfer_wait(x, SHORT_WAIT_MS));
	ASSERT_EQ(calls(x), 0);
	xfer_free(x);
	return 0;
}

/*
 * Lost interrupt, not terminated: the next interrupt of the controller
 * (another channel's) makes the handler read every channel's status,
 * and the lost completion is found then, once.
 */
static int test_irq_lost_recovered(void)
{
	struct xfer *x;

	ASSERT_EQ(hw_model_fault(axi, HW_FAULT_IRQ_LOST, 1), 0);
	x = xfer_submit(cha, LEN, 4);
	dma_async_issue_pending(cha);
	ASSERT_FALSE(xfer_wait(x, SHORT_WAIT_MS));
	ASSERT_EQ(hw_model_fault(axi, HW_FAULT_IRQ_LOST, 0), 0);
	ASSERT_EQ(calls(x), 0);
	copy_ok(chb, 5);
	ASSERT_TRUE(xfer_wait(x, LONG_WAIT_MS));
	ASSERT_EQ(x->res.result, DMA_TRANS_NOERROR);
	ASSERT_EQ(status_of(x, NULL), DMA_COMPLETE);
	ASSERT_TRUE(xfer_unmap_ok(x));
	copy_ok(cha, 6);
	ASSERT_EQ(calls(x), 1);
	xfer_free(x);
	return 0;
}

/* Duplicated interrupt on every completion: one callback each, in order. */
static int test_irq_dup(void)
{
	enum { N = 16 };
	struct xfer *x[N];
	int i, base = callbacks_seen;

	ASSERT_EQ(hw_model_fault(axi, HW_FAULT_IRQ_DUP, 1), 0);
	for (i = 0; i < N; i++)
		x[i] = xfer_submit(cha, 4096 * (1 + i % 4), 10 + i);
	dma_async_issue_pending(cha);
	for (i = 0; i < N; i++)
		ASSERT_TRUE(xfer_wait(x[i], LONG_WAIT_MS));
	copy_ok(chb, 30);		/* the other channel meanwhile */
	copy_ok(cha, 31);		/* and a last duplicate settles */
	ASSERT_EQ(hw_model_fault(axi, HW_FAULT_IRQ_DUP, 0), 0);
	ASSERT_GE(hw_model_faults_injected(axi, HW_FAULT_IRQ_DUP), N);
	for (i = 0; i < N; i++) {
		ASSERT_EQ(calls(x[i]), 1);
		ASSERT_EQ(x[i]->order, base + i + 1);
		ASSERT_EQ(x[i]->res.result, DMA_TRANS_NOERROR);
		ASSERT_TRUE(xfer_unmap_ok(x[i]));
		xfer_free(x[i]);
	}
	return 0;
}

/*
 * The duplicate arrives while the next transfer runs (held there by a
 * stall): the driver must not take it for that transfer's end.  (The
 * kernel's driver stops the channel and completes the descriptor half
 * done: "BUG: ... caught DWAXIDMAC_IRQ_DMA_TRF, but channel not idle!")
 */
static int test_irq_dup_while_running(void)
{
	struct xfer *x1, *x2;
	u32 residue;

	ASSERT_EQ(hw_model_fault(axi, HW_FAULT_IRQ_DUP, 1), 0);
	ASSERT_EQ(hw_model_fault(axi, HW_FAULT_STALL, 2), 0);
	x1 = xfer_submit(cha, LEN, 40);
	x2 = xfer_submit(cha, LEN, 41);
	dma_async_issue_pending(cha);
	ASSERT_TRUE(xfer_wait(x1, LONG_WAIT_MS));
	ASSERT_EQ(x1->res.result, DMA_TRANS_NOERROR);
	ASSERT_FALSE(xfer_wait(x2, SHORT_WAIT_MS));
	ASSERT_EQ(hw_model_faults_injected(axi, HW_FAULT_STALL), 1);
	ASSERT_EQ(hw_model_fault(axi, HW_FAULT_IRQ_DUP, 0), 0);
	ASSERT_EQ(hw_model_fault(axi, HW_FAULT_STALL, 0), 0);
	ASSERT_EQ(calls(x2), 0);
	ASSERT_EQ(status_of(x2, &residue), DMA_IN_PROGRESS);
	ASSERT_GT(residue, 0);
	ASSERT_LT(residue, LEN);
	ASSERT_EQ(dmaengine_terminate_sync(cha), 0);
	ASSERT_EQ(calls(x1), 1);
	ASSERT_EQ(calls(x2), 0);
	ASSERT_TRUE(xfer_unmap_ok(x1));
	ASSERT_FALSE(dst_untouched(x2, 0));	/* the first burst landed */
	ASSERT_EQ(x2->dst[0], x2->src[0]);
	ASSERT_TRUE(dst_untouched(x2, LEN - residue));
	copy_ok(cha, 42);
	xfer_free(x1);
	xfer_free(x2);
	return 0;
}

/* A channel that stops mid-transfer: timeout, others work, terminate. */
static int test_stall(bool async)
{
	struct xfer *x;
	u32 residue;

	ASSERT_EQ(hw_model_fault(axi, HW_FAULT_STALL, 1), 0);
	x = xfer_submit(cha, LEN, 50);
	dma_async_issue_pending(cha);
	ASSERT_FALSE(xfer_wait(x, SHORT_WAIT_MS));
	ASSERT_EQ(hw_model_fault(axi, HW_FAULT_STALL, 0), 0);
	ASSERT_EQ(status_of(x, &residue), DMA_IN_PROGRESS);
	ASSERT_GT(residue, 0);
	ASSERT_LT(residue, LEN);
	copy_ok(chb, 51);
	ASSERT_EQ(calls(x), 0);
	if (async) {
		ASSERT_EQ(dmaengine_terminate_async(cha), 0);
		dmaengine_synchronize(cha);
	} else {
		ASSERT_EQ(dmaengine_terminate_sync(cha), 0);
	}
	ASSERT_EQ(calls(x), 0);
	ASSERT_TRUE(dst_untouched(x, LEN - residue));
	ASSERT_EQ(x->dst[0], x->src[0]);
	copy_ok(cha, 52);
	ASSERT_EQ(calls(x), 0);
	xfer_free(x);
	return 0;
}

static int test_stall_sync(void)
{
	return test_stall(false);
}

static int test_stall_async(void)
{
	return test_stall(true);
}

/* Injected bus errors: every 2nd read fails, then every write. */
static int test_bus_errors(void)
{
	enum { N = 6 };
	struct xfer *x[N];
	unsigned long before = hw_model_bus_errors(axi);
	int i;

	ASSERT_EQ(hw_model_fault(axi, HW_FAULT_READ, 2), 0);
	for (i = 0; i < N; i++)
		x[i] = xfer_submit(cha, LEN, 60 + i);
	dma_async_issue_pending(cha);
	for (i = 0; i < N; i++)
		ASSERT_TRUE(xfer_wait(x[i], LONG_WAIT_MS));
	ASSERT_EQ(hw_model_fault(axi, HW_FAULT_READ, 0), 0);
	ASSERT_EQ(hw_model_faults_injected(axi, HW_FAULT_READ), N / 2);
	for (i = 0; i < N; i++) {
		ASSERT_EQ(calls(x[i]), 1);
		ASSERT_EQ(status_of(x[i], NULL), DMA_COMPLETE);
		if (i % 2) {
			ASSERT_EQ(x[i]->res.result, DMA_TRANS_READ_FAILED);
			ASSERT_EQ(x[i]->res.residue, LEN);
			ASSERT_TRUE(dst_untouched(x[i], 0));
		} else {
			ASSERT_EQ(x[i]->res.result, DMA_TRANS_NOERROR);
			ASSERT_TRUE(xfer_unmap_ok(x[i]));
		}
		xfer_free(x[i]);
	}

	ASSERT_EQ(hw_model_fault(axi, HW_FAULT_WRITE, 1), 0);
	x[0] = xfer_submit(cha, LEN, 70);
	dma_async_issue_pending(cha);
	ASSERT_TRUE(xfer_wait(x[0], LONG_WAIT_MS));
	ASSERT_EQ(hw_model_fault(axi, HW_FAULT_WRITE, 0), 0);
	ASSERT_EQ(x[0]->res.result, DMA_TRANS_WRITE_FAILED);
	ASSERT_EQ(x[0]->res.residue, LEN);
	ASSERT_TRUE(dst_untouched(x[0], 0));
	xfer_free(x[0]);
	ASSERT_EQ(hw_model_faults_injected(axi, HW_FAULT_WRITE), 1);
	/* injected, not decoded: the bus saw no error */
	ASSERT_EQ(hw_model_bus_errors(axi), before);
	copy_ok(cha, 71);
	copy_ok(chb, 72);
	return 0;
}

static int test_api_errors(void)
{
	ASSERT_EQ(hw_model_fault(axi, HW_FAULT_NR, 1), -EINVAL);
	ASSERT_EQ(hw_model_fault(axi, (enum hw_fault)-1, 1), -EINVAL);
	ASSERT_EQ(hw_model_faults_injected(axi, HW_FAULT_NR), 0);
	return 0;
}

static bool on_axi(struct dma_chan *chan, void *param)
{
	return !strcmp(dev_name(chan->device->dev), param);
}

static void boot(const char *board)
{
	dma_cap_mask_t mask;

	ASSERT_EQ(dmakit_boot(board), 0);
	axi = hw_machine_find_model(hw_machine_get(), AXI_BASE);
	ASSERT_NOT_NULL(axi);
	ASSERT_NULL(hw_machine_find_model(hw_machine_get(), AXI_BASE + 8));
	dma_cap_zero(mask);
	dma_cap_set(DMA_MEMCPY, mask);
	cha = dma_request_channel(mask, on_axi, AXI_NAME);
	chb = dma_request_channel(mask, on_axi, AXI_NAME);
	ASSERT_TRUE(cha && chb);
}

static void shutdown(void)
{
	dma_release_channel(cha);
	dma_release_channel(chb);
	dmakit_shutdown();
}

/* The knobs as device tree properties of the controller's node. */
static int test_dt_params(void)
{
	struct xfer *x;
	int i;

	boot(HW_TEST_DIR "/faults.dts");
	for (i = 0; i < 3; i++) {
		x = xfer_submit(cha, LEN, 80 + i);
		dma_async_issue_pending(cha);
		ASSERT_TRUE(xfer_wait(x, LONG_WAIT_MS));
		/* dmakit,fault-write-every = <3> */
		ASSERT_EQ(x->res.result, i == 2 ? DMA_TRANS_WRITE_FAILED :
						  DMA_TRANS_NOERROR);
		ASSERT_TRUE(i == 2 ? dst_untouched(x, 0) : xfer_unmap_ok(x));
		xfer_free(x);
	}
	ASSERT_EQ(hw_model_faults_injected(axi, HW_FAULT_WRITE), 1);
	ASSERT_EQ(hw_model_faults_injected(axi, HW_FAULT_READ), 0);
	shutdown();
	return 0;
}

int main(void)
{
	boot(NULL);
	RUN_TEST(test_api_errors);
	RUN_TEST(test_irq_lost);
	RUN_TEST(test_irq_lost_recovered);
	RUN_TEST(test_irq_dup);
	RUN_TEST(test_irq_dup_while_running);
	RUN_TEST(test_stall_sync);
	RUN_TEST(test_stall_async);
	RUN_TEST(test_bus_errors);
	shutdown();
	RUN_TEST(test_dt_params);
	printf("AXI DMAC model faults: lost and duplicated interrupts, stall, bus errors: ok\n");
	return 0;
}
