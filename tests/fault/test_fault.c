// SPDX-License-Identifier: GPL-2.0
/*
 * Fault injection on the software engine: each injected engine fault ends
 * in the dmaengine_tx_result or the client timeout it should, never in a
 * hang or a crash; the faulty channel works again afterwards (after a
 * terminate where the fault holds it) and other channels are not
 * disturbed.  Allocation failures in prep return NULL, leak nothing, and
 * the next prep works.  Leaks are LeakSanitizer's to find (make asan).
 */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <linux/completion.h>
#include <linux/dmaengine.h>
#include <linux/jiffies.h>
#include <linux/moduleparam.h>
#include <linux/scatterlist.h>
#include <linux/slab.h>
#include <dmakit/board.h>
#include <dmakit/fault.h>

#define CHUNK		4096
#define LEN		(16 * CHUNK)
#define SHORT_WAIT_MS	300	/* "never completes": nothing within this */
#define LONG_WAIT_MS	20000	/* must complete: generous, under load */

static int failures;

#define CHECK(cond, ...) do {						\
	if (!(cond)) {							\
		fprintf(stderr, "FAIL %s:%d: %s: ", __func__, __LINE__, #cond); \
		fprintf(stderr, __VA_ARGS__);				\
		fputc('\n', stderr);					\
		failures++;						\
		return;							\
	}								\
} while (0)

struct xfer {
	u8 *src, *dst;
	size_t len;
	dma_cookie_t cookie;
	struct completion done;
	struct dmaengine_result res;
	int calls;
};

static void xfer_cb(void *param, const struct dmaengine_result *res)
{
	struct xfer *x = param;

	x->res = *res;
	__atomic_add_fetch(&x->calls, 1, __ATOMIC_SEQ_CST);
	complete(&x->done);
}

static struct xfer *xfer_new(size_t len)
{
	struct xfer *x = calloc(1, sizeof(*x));
	size_t i;

	x->len = len;
	x->src = malloc(len);
	x->dst = calloc(1, len);
	for (i = 0; i < len; i++)
		x->src[i] = (u8)(i * 13 + 7) | 1;	/* never 0 */
	init_completion(&x->done);
	return x;
}

static void xfer_free(struct xfer *x)
{
	free(x->src);
	free(x->dst);
	free(x);
}

/* Prep, submit and issue a memcpy with a result callback; false if prep failed. */
static bool xfer_start(struct dma_chan *chan, struct xfer *x, bool issue)
{
	struct dma_async_tx_descriptor *tx;

	tx = dmaengine_prep_dma_memcpy(chan, (dma_addr_t)(uintptr_t)x->dst,
				       (dma_addr_t)(uintptr_t)x->src, x->len,
				       DMA_PREP_INTERRUPT | DMA_CTRL_ACK);
	if (!tx)
		return false;
	tx->callback_result = xfer_cb;
	tx->callback_param = x;
	x->cookie = dmaengine_submit(tx);
	if (issue)
		dma_async_issue_pending(chan);
	return !dma_submit_error(x->cookie);
}

static bool xfer_wait(struct xfer *x, unsigned int ms)
{
	return wait_for_completion_timeout(&x->done, msecs_to_jiffies(ms)) != 0;
}

static bool zero(const u8 *p, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (p[i])
			return false;
	return true;
}

static struct dma_chan *request(void)
{
	dma_cap_mask_t mask;

	dma_cap_zero(mask);
	dma_cap_set(DMA_MEMCPY, mask);
	return dma_request_channel(mask, NULL, NULL);
}

static int set(const char *param, unsigned long v)
{
	int ret = dmakit_fault_set_param(param, v);

	if (ret)
		fprintf(stderr, "FAIL: dmakit_fault_set_param(%s) = %d\n", param, ret);
	return ret;
}

/* A good transfer on @chan: the channel works. */
static bool works(struct dma_chan *chan)
{
	struct xfer *x = xfer_new(LEN);
	bool ok = xfer_start(chan, x, true) && xfer_wait(x, LONG_WAIT_MS) &&
		  x->res.result == DMA_TRANS_NOERROR && x->calls == 1 &&
		  !memcmp(x->src, x->dst, x->len) &&
		  dma_async_is_tx_complete(chan, x->cookie, NULL, NULL) == DMA_COMPLETE;

	xfer_free(x);
	return ok;
}

/* Bus errors: the descriptor completes with the error, the channel goes on. */
static void test_bus_error(const char *param, enum dmaengine_tx_result want)
{
	struct dma_chan *chan = request();
	struct xfer *x = xfer_new(LEN);

	CHECK(chan, "no channel");
	if (set(param, 1))
		failures++;
	CHECK(xfer_start(chan, x, true), "prep/submit failed");
	CHECK(xfer_wait(x, LONG_WAIT_MS), "%s: no callback", param);
	set(param, 0);
	CHECK(x->res.result == want, "%s: result %d, want %d", param,
	      x->res.result, want);
	CHECK(x->res.residue == x->len, "%s: residue %u", param,
	      x->res.residue);
	CHECK(zero(x->dst, x->len), "%s: failed transfer wrote memory", param);
	CHECK(dma_async_is_tx_complete(chan, x->cookie, NULL, NULL) == DMA_COMPLETE,
	      "%s: cookie not complete", param);
	usleep(50 * 1000);
	CHECK(x->calls == 1, "%s: %d callbacks", param, x->calls);
	CHECK(works(chan), "%s: channel dead after a bus error", param);
	xfer_free(x);
	dma_release_channel(chan);
}

/*
 * Lost completion: the transfer runs but never completes; a callback
 * client's timeout fires, a polling client's dma_sync_wait() times out,
 * what waits behind it waits, terminate_sync cleans up without a callback.
 */
static void test_drop(void)
{
	struct dma_chan *chan = request(), *other = request();
	struct xfer *a = xfer_new(LEN), *b = xfer_new(LEN);
	struct dma_async_tx_descriptor *tx;
	struct dma_tx_state st;
	dma_cookie_t polled;
	int i;

	CHECK(chan && other, "no channels");
	set("dmakit_soft.fault_drop_every", 1);
	CHECK(xfer_start(chan, a, true), "prep a");
	CHECK(!xfer_wait(a, SHORT_WAIT_MS), "lost completion completed");
	set("dmakit_soft.fault_drop_every", 0);
	/* It runs to the end (residue 0) but stays in progress. */
	for (i = 0; i < 2000; i++) {
		CHECK(dmaengine_tx_status(chan, a->cookie, &st) == DMA_IN_PROGRESS,
		      "lost completion not in progress");
		if (!st.residue)
			break;
		usleep(1000);
	}
	CHECK(!st.residue, "dropped transfer did not run to the end");
	CHECK(!memcmp(a->src, a->dst, a->len), "dropped transfer has wrong bytes");
	CHECK(xfer_start(chan, b, true), "prep b");
	CHECK(!xfer_wait(b, SHORT_WAIT_MS), "b overtook the lost completion");
	/* A polling client behind it: dma_sync_wait's 5 s timeout fires. */
	tx = dmaengine_prep_dma_memcpy(chan, (dma_addr_t)(uintptr_t)b->dst,
				       (dma_addr_t)(uintptr_t)b->src, 64,
				       DMA_CTRL_ACK);
	CHECK(tx, "prep polled");
	polled = dmaengine_submit(tx);
	CHECK(dma_sync_wait(chan, polled) == DMA_ERROR, "dma_sync_wait did not time out");
	CHECK(works(other), "other channel disturbed");
	CHECK(dmaengine_terminate_sync(chan) == 0, "terminate_sync");
	CHECK(a->calls == 0 && b->calls == 0, "callback after terminate (%d %d)",
	      a->calls, b->calls);
	CHECK(works(chan), "channel dead after terminate");
	xfer_free(a);
	xfer_free(b);
	dma_release_channel(chan);
	dma_release_channel(other);
}

/*
 * Stall mid-transfer: the first chunk lands, then nothing until a
 * terminate; the residue says how far it got; other channels go on.
 */
static void test_stall(bool terminate_async)
{
	struct dma_chan *chan = request(), *other = request();
	struct xfer *a = xfer_new(LEN);
	struct dma_tx_state st;
	int i;

	CHECK(chan && other, "no channels");
	set("dmakit_soft.fault_stall_every", 1);
	CHECK(xfer_start(chan, a, true), "prep");
	for (i = 0; i < 2000; i++) {
		if (dmaengine_tx_status(chan, a->cookie, &st) == DMA_IN_PROGRESS &&
		    st.residue < a->len)
			break;
		usleep(1000);
	}
	set("dmakit_soft.fault_stall_every", 0);
	CHECK(!xfer_wait(a, SHORT_WAIT_MS), "stalled transfer completed");
	CHECK(dmaengine_tx_status(chan, a->cookie, &st) == DMA_IN_PROGRESS,
	      "stalled transfer not in progress");
	CHECK(st.residue == a->len - CHUNK, "stalled residue %u", st.residue);
	CHECK(works(other), "other channel disturbed by a stall");
	if (terminate_async) {
		CHECK(dmaengine_terminate_async(chan) == 0, "terminate_async");
		dmaengine_synchronize(chan);
	} else {
		CHECK(dmaengine_terminate_sync(chan) == 0, "terminate_sync");
	}
	CHECK(a->calls == 0, "callback after terminate");
	CHECK(!memcmp(a->src, a->dst, CHUNK), "first chunk did not land");
	CHECK(zero(a->dst + CHUNK, a->len - CHUNK), "stalled channel kept writing");
	CHECK(works(chan), "channel dead after a stall");
	xfer_free(a);
	dma_release_channel(chan);
	dma_release_channel(other);
}

/* Duplicated completions: each descriptor completes once, in order. */
static void test_dup(void)
{
	enum { N = 16 };
	struct dma_chan *chan = request();
	struct xfer *x[N];
	int i;

	CHECK(chan, "no channel");
	set("dmakit_soft.fault_dup_every", 1);
	for (i = 0; i < N; i++) {
		x[i] = xfer_new(i % 2 ? LEN : 100);
		CHECK(xfer_start(chan, x[i], i == N - 1), "prep %d", i);
	}
	for (i = 0; i < N; i++)
		CHECK(xfer_wait(x[i], LONG_WAIT_MS), "descriptor %d never completed", i);
	set("dmakit_soft.fault_dup_every", 0);
	usleep(50 * 1000);
	for (i = 0; i < N; i++) {
		CHECK(x[i]->calls == 1, "descriptor %d: %d callbacks", i, x[i]->calls);
		CHECK(x[i]->res.result == DMA_TRANS_NOERROR, "descriptor %d result", i);
		CHECK(!memcmp(x[i]->src, x[i]->dst, x[i]->len), "descriptor %d data", i);
		CHECK(dma_async_is_tx_complete(chan, x[i]->cookie, NULL, NULL) ==
		      DMA_COMPLETE, "descriptor %d status", i);
		xfer_free(x[i]);
	}
	CHECK(works(chan), "channel dead after duplicated completions");
	dma_release_channel(chan);
}

/* Every Nth: exactly the Nth descriptors fault, in submission order. */
static void test_every_nth(void)
{
	enum { N = 12 };
	struct dma_chan *chan = request();
	struct xfer *x[N];
	int i, errors = 0;

	CHECK(chan, "no channel");
	set("dmakit_soft.fault_write_every", 3);
	for (i = 0; i < N; i++) {
		x[i] = xfer_new(200);
		CHECK(xfer_start(chan, x[i], true), "prep %d", i);
	}
	for (i = 0; i < N; i++)
		CHECK(xfer_wait(x[i], LONG_WAIT_MS), "descriptor %d never completed", i);
	set("dmakit_soft.fault_write_every", 0);
	for (i = 0; i < N; i++) {
		bool bad = x[i]->res.result == DMA_TRANS_WRITE_FAILED;

		errors += bad;
		CHECK(bad ? zero(x[i]->dst, x[i]->len) :
		      x[i]->res.result == DMA_TRANS_NOERROR &&
		      !memcmp(x[i]->src, x[i]->dst, x[i]->len),
		      "descriptor %d result %d", i, x[i]->res.result);
		xfer_free(x[i]);
	}
	CHECK(errors == N / 3, "%d write errors, want %d", errors, N / 3);
	dma_release_channel(chan);
}

/* Allocation failure in prep: NULL, nothing leaks, the next prep works. */
static void test_prep_nomem(void)
{
	struct dmakit_fault_attr attr = { .ignore_gfp_wait = true };
	struct dma_chan *chan = request();	/* fresh: no cached descriptors */
	struct dma_interleaved_template *xt;
	struct scatterlist sg[2];
	static u8 buf[2][256];
	unsigned long before;
	int nth;

	CHECK(chan, "no channel");
	before = dmakit_fault_injected(DMAKIT_FAULT_KMALLOC);
	attr.fail_nth = 1;
	dmakit_fault_set(DMAKIT_FAULT_KMALLOC, &attr);
	CHECK(!dmaengine_prep_dma_memcpy(chan, (dma_addr_t)(uintptr_t)buf[0],
					 (dma_addr_t)(uintptr_t)buf[1], 256, 0),
	      "memcpy prep survived a failed allocation");
	CHECK(dmakit_fault_injected(DMAKIT_FAULT_KMALLOC) == before + 1,
	      "no allocation failure injected");

	sg_init_table(sg, 2);
	sg_set_buf(&sg[0], buf[0], 128);
	sg_set_buf(&sg[1], buf[1], 128);
	sg_dma_address(&sg[0]) = (dma_addr_t)(uintptr_t)buf[0];
	sg_dma_address(&sg[1]) = (dma_addr_t)(uintptr_t)buf[1];
	sg_dma_len(&sg[0]) = sg_dma_len(&sg[1]) = 128;
	dmakit_fault_set(DMAKIT_FAULT_KMALLOC, &attr);
	CHECK(!chan->device->device_prep_dma_memset_sg(chan, sg, 2, 0x5a, 0),
	      "memset_sg prep survived a failed allocation");

	/* Interleaved allocates twice: fail each in turn. */
	xt = calloc(1, struct_size(xt, sgl, 1));
	xt->src_start = (dma_addr_t)(uintptr_t)buf[1];
	xt->dst_start = (dma_addr_t)(uintptr_t)buf[0];
	xt->dir = DMA_MEM_TO_MEM;
	xt->src_inc = xt->dst_inc = true;
	xt->numf = 2;
	xt->frame_size = 1;
	xt->sgl[0].size = 64;
	for (nth = 1; nth <= 2; nth++) {
		attr.fail_nth = nth;
		dmakit_fault_set(DMAKIT_FAULT_KMALLOC, &attr);
		CHECK(!dmaengine_prep_interleaved_dma(chan, xt, 0),
		      "interleaved prep survived failed allocation %d", nth);
	}
	dmakit_fault_clear(DMAKIT_FAULT_KMALLOC);
	free(xt);
	CHECK(dmakit_fault_injected(DMAKIT_FAULT_KMALLOC) >= 1, "injected count");
	CHECK(works(chan), "prep does not work after allocation failures");
	dma_release_channel(chan);
}

static void test_bad_params(void)
{
	CHECK(dmakit_fault_set_param("dmakit_soft.no_such_knob", 1) == -ENOENT,
	      "unknown parameter accepted");
	CHECK(dmakit_fault_set_param("no_module_dot", 1) == -EINVAL,
	      "name without module accepted");
	CHECK(dmakit_param_set("dmakit_soft", "fault_read_every", "x") == -EINVAL,
	      "bad value accepted");
	CHECK(dmakit_param_set("dmakit-soft", "fault_read_every", "0") == 0,
	      "'-' in module name not accepted");
	{
		char v[16] = "";

		/* Read back as the sysfs file shows it. */
		CHECK(dmakit_param_get("dmakit_soft", "chunk_size", v,
				       sizeof(v)) == 4 && !strcmp(v, "4096"),
		      "chunk_size reads '%s'", v);
		CHECK(dmakit_param_set("dmakit_soft", "poll_progress", "0") == 0 &&
		      dmakit_param_get("dmakit_soft", "poll_progress", v,
				       sizeof(v)) == 1 && !strcmp(v, "N"),
		      "poll_progress=0 reads '%s'", v);
		CHECK(dmakit_param_set("dmakit_soft", "poll_progress", "1") == 0 &&
		      dmakit_param_get("dmakit_soft", "poll_progress", v,
				       sizeof(v)) == 1 && !strcmp(v, "Y"),
		      "poll_progress=1 reads '%s'", v);
		CHECK(dmakit_param_get("dmakit_soft", "no_such", v, sizeof(v)) ==
		      -ENOENT, "unknown parameter read");
	}
}

int main(void)
{
	/* Small chunks so a stall lands mid-transfer and residues are exact. */
	setenv("DMAKIT_CMDLINE", "dmakit_soft.chunk_size=4096", 1);
	setenv("DMAKIT_SOFT_CHANNELS", "4", 1);
	if (dmakit_boot(NULL))
		return 1;
	test_bad_params();
	test_bus_error("dmakit_soft.fault_read_every", DMA_TRANS_READ_FAILED);
	test_bus_error("dmakit_soft.fault_write_every", DMA_TRANS_WRITE_FAILED);
	test_drop();
	test_stall(false);
	test_stall(true);
	test_dup();
	test_prep_nomem();
	/* A failed test may still hold channels: don't shut down under them. */
	if (failures)
		goto out;
	dmakit_shutdown();
	/* Counts restart at probe: a fresh boot makes "every 3rd" exact. */
	if (dmakit_boot(NULL))
		return 1;
	test_every_nth();
	dmakit_shutdown();
out:
	if (failures) {
		fprintf(stderr, "%d failures\n", failures);
		return 1;
	}
	printf("fault: read/write bus errors, lost completions, stalls, duplicated completions, prep allocation failures: all survived\n");
	return 0;
}
