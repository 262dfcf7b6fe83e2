// SPDX-License-Identifier: GPL-2.0
/*
 * The software engine's fast path keeps dmaengine semantics:
 *  - steady state allocates nothing per descriptor (polled, callbacks,
 *    memset) for a client that acks (DMA_CTRL_ACK; un-acked ones are
 *    kept for async_tx until acked), and one descriptor takes at most
 *    256 bytes;
 *  - batches of mixed sizes complete byte-exact, callbacks in order, in
 *    softirq context and never on the submitting thread, except for
 *    small work issue_pending runs itself with nothing held (then before
 *    it returns, and with inline_callbacks=0 never);
 *  - DMA_CTRL_REUSE descriptors are reused, terminate in the middle of
 *    batches leaves a working channel;
 *  - poll_progress=0 (worker only), inline_bytes (issue_pending runs
 *    small work itself) and worker_callbacks=0 (callbacks on ksoftirqd)
 *    give the same results;
 *  - with the booting thread pinned, the worker is not on its CPU.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <dirent.h>
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <linux/delay.h>
#include <linux/dmaengine.h>
#include <linux/dma-mapping.h>
#include <linux/interrupt.h>
#include <linux/moduleparam.h>
#include <linux/slab.h>
#include <dmakit/board.h>

#define BUF	(4 << 20)
#define NB	256

static struct dma_chan *chan;
static u8 *src, *dst;
static dma_addr_t sd, dd;

#define CHECK(c, ...) do { if (!(c)) { \
	fprintf(stderr, "FAIL %s:%d: %s: ", __FILE__, __LINE__, #c); \
	fprintf(stderr, __VA_ARGS__); fprintf(stderr, "\n"); \
	return 1; } } while (0)

struct cbinfo {
	int next;		/* index expected next */
	int bad_order, bad_ctx, on_caller, errors;
	struct task_struct *caller;
};

static struct cbinfo cbi;
static bool callbacks_expected;
static int cb_index[NB];

static void cb(void *param, const struct dmaengine_result *res)
{
	int idx = *(int *)param;

	if (idx != cbi.next)
		cbi.bad_order++;
	if (!in_softirq())
		cbi.bad_ctx++;
	if (current == cbi.caller)
		cbi.on_caller++;
	if (res->result != DMA_TRANS_NOERROR)
		cbi.errors++;
	/* Release, last: batch() reads it with acquire on its own thread. */
	__atomic_store_n(&cbi.next, idx + 1, __ATOMIC_RELEASE);
}

static size_t len_of(int i, int pass)
{
	static const size_t lens[] = { 1, 64, 100, 4096, 777, 65536, 33,
				       70000, 256 };

	return lens[(i + pass) % ARRAY_SIZE(lens)];
}

static size_t off_of(int i)
{
	return (size_t)i * 16384 + (size_t)(i % 7);
}

static dma_cookie_t batch_last;

/* Prepare, submit and issue @n copies (some memsets). */
static int batch_start(int n, int pass, bool callbacks, bool fills)
{
	int i;

	memset(dst, 0, min_t(size_t, (size_t)n * 16384 + 16384, BUF));
	cbi.next = 0;
	for (i = 0; i < n; i++) {
		struct dma_async_tx_descriptor *tx;
		size_t len = min_t(size_t, len_of(i, pass), 16000);
		bool fill = fills && i % 3 == 1;
		/* Acked: the engine may recycle it at once (async_tx rule). */
		unsigned long fl = DMA_CTRL_ACK |
				   (callbacks ? DMA_PREP_INTERRUPT : 0);

		if (fill)
			tx = dmaengine_prep_dma_memset(chan, dd + off_of(i),
						       i & 0xff, len, fl);
		else
			tx = dmaengine_prep_dma_memcpy(chan, dd + off_of(i),
						       sd + off_of(i), len, fl);
		CHECK(tx, "prep %d", i);
		if (callbacks) {
			cb_index[i] = i;
			tx->callback_result = cb;
			tx->callback_param = &cb_index[i];
		}
		batch_last = dmaengine_submit(tx);
		CHECK(!dma_submit_error(batch_last), "submit");
	}
	dma_async_issue_pending(chan);
	return 0;
}

/* Wait for the batch and its callbacks, then check every byte. */
static int batch_wait(int n, int pass, bool fills)
{
	int i, k;

	CHECK(dma_sync_wait(chan, batch_last) == DMA_COMPLETE, "wait");
	if (callbacks_expected) {
		for (k = 0; k < 10000 && __atomic_load_n(&cbi.next, __ATOMIC_ACQUIRE) < n; k++)
			usleep_range(100, 200);
		CHECK(cbi.next == n, "callbacks %d of %d", cbi.next, n);
	}
	for (i = 0; i < n; i++) {
		size_t len = min_t(size_t, len_of(i, pass), 16000), j;
		bool fill = fills && i % 3 == 1;

		for (j = 0; j < len; j++)
			CHECK(dst[off_of(i) + j] ==
			      (fill ? (u8)i : src[off_of(i) + j]),
			      "op %d byte %zu", i, j);
		CHECK(dst[off_of(i) + len] == 0, "op %d wrote past its end", i);
	}
	return 0;
}

/* One batch of @n copies (some memsets), then check every byte. */
static int batch(int n, int pass, bool callbacks, bool fills)
{
	callbacks_expected = callbacks;
	return batch_start(n, pass, callbacks, fills) ||
	       batch_wait(n, pass, fills);
}

/* A batch with callbacks, issued by the caller (who may hold a lock). */
static int batch_issue_only(int n, int pass)
{
	callbacks_expected = true;
	return batch_start(n, pass, true, true);
}

static int steady_state(void)
{
	struct dma_async_tx_descriptor *tx;
	unsigned long before;
	int pass;

	tx = dmaengine_prep_dma_memcpy(chan, dd, sd, 64, DMA_CTRL_ACK);
	CHECK(tx, "prep");
	printf("descriptor: %zu bytes\n", ksize(tx));
	CHECK(ksize(tx) <= 256, "descriptor of %zu bytes", ksize(tx));
	{
		dma_cookie_t c = dmaengine_submit(tx);

		dma_async_issue_pending(chan);
		CHECK(dma_sync_wait(chan, c) == DMA_COMPLETE, "wait");
	}

	for (pass = 0; pass < 3; pass++)	/* warm the cache */
		if (batch(NB, pass, pass & 1, true))
			return 1;
	before = dmakit_kmalloc_count();
	for (pass = 0; pass < 20; pass++)
		if (batch(pass % 2 ? NB : 32, pass, pass % 3 == 0, true))
			return 1;
	CHECK(dmakit_kmalloc_count() == before,
	      "%lu allocations in steady state",
	      dmakit_kmalloc_count() - before);
	CHECK(!cbi.bad_order && !cbi.bad_ctx && !cbi.on_caller && !cbi.errors,
	      "callbacks: order %d ctx %d on caller %d errors %d",
	      cbi.bad_order, cbi.bad_ctx, cbi.on_caller, cbi.errors);
	printf("steady state: 0 allocations over 20 batches\n");
	return 0;
}

static int reuse(void)
{
	struct dma_async_tx_descriptor *tx;
	int i;

	tx = dmaengine_prep_dma_memcpy(chan, dd, sd, 5000, 0);
	CHECK(tx, "prep");
	/*
	 * dmaengine_desc_set_reuse() needs slave caps (the kernel's rule):
	 * set the flag as a provider-level user would, to test vchan reuse.
	 */
	tx->flags |= DMA_CTRL_REUSE;
	for (i = 0; i < 4; i++) {
		dma_cookie_t c;

		memset(dst, 0, 5000);
		c = dmaengine_submit(tx);
		dma_async_issue_pending(chan);
		CHECK(dma_sync_wait(chan, c) == DMA_COMPLETE, "reuse %d", i);
		CHECK(!memcmp(dst, src, 5000), "reuse %d data", i);
	}
	CHECK(!dmaengine_desc_free(tx), "desc_free");
	return 0;
}

static int terminate(void)
{
	int round, i;

	for (round = 0; round < 20; round++) {
		for (i = 0; i < NB; i++) {
			struct dma_async_tx_descriptor *tx;

			tx = dmaengine_prep_dma_memcpy(chan, dd + off_of(i),
						       sd + off_of(i),
						       min_t(size_t, len_of(i, round),
							     16000), 0);
			CHECK(tx, "prep");
			dmaengine_submit(tx);
			if (i == NB / 2)
				dma_async_issue_pending(chan);
		}
		dma_async_issue_pending(chan);
		if (round & 1)
			udelay(round * 3);
		CHECK(!dmaengine_terminate_sync(chan), "terminate");
	}
	return batch(64, 0, true, true);
}

static int modes(void)
{
	int ret, k;

	if (dmakit_parse_cmdline("dmakit_soft.poll_progress=0"))
		return 1;
	ret = batch(NB, 1, false, true) || batch(NB, 2, true, false);
	dmakit_parse_cmdline("dmakit_soft.poll_progress=1");
	if (ret)
		return 1;
	if (dmakit_parse_cmdline("dmakit_soft.inline_bytes=65536"))
		return 1;
	/*
	 * Inline with callbacks: issue_pending runs the batch, and the
	 * callbacks in softirq context on this thread before it returns.
	 */
	msleep(5);	/* let the worker fall asleep */
	cbi.on_caller = 0;
	ret = batch(4, 3, true, true);
	CHECK(!ret && cbi.on_caller == 4, "inline callbacks on caller: %d of 4",
	      cbi.on_caller);
	cbi.on_caller = 0;
	/* Not with a spinlock held: those callbacks go to the worker. */
	{
		DEFINE_SPINLOCK(client_lock);

		spin_lock_bh(&client_lock);
		ret = batch_issue_only(4, 7);
		spin_unlock_bh(&client_lock);
		/* The worker's (dma_sync_wait() would issue again, inline). */
		for (k = 0; k < 10000 && __atomic_load_n(&cbi.next, __ATOMIC_ACQUIRE) < 4; k++)
			usleep_range(100, 200);
		ret = ret || batch_wait(4, 7, true);
	}
	CHECK(!ret && cbi.on_caller == 0, "callbacks ran under the caller's lock");
	/* inline_callbacks=0: only callback-less work runs inline. */
	if (dmakit_parse_cmdline("dmakit_soft.inline_callbacks=0"))
		return 1;
	ret = batch(4, 8, true, true);
	dmakit_parse_cmdline("dmakit_soft.inline_callbacks=1");
	CHECK(!ret && cbi.on_caller == 0, "inline_callbacks=0: %d on caller",
	      cbi.on_caller);
	msleep(5);
	ret = ret || batch(4, 4, false, true);
	dmakit_parse_cmdline("dmakit_soft.inline_bytes=0");
	msleep(5);
	ret = ret || batch(4, 5, false, true);
	if (dmakit_parse_cmdline("dmakit_soft.worker_callbacks=0"))
		return 1;
	ret = ret || batch(64, 6, true, true);
	dmakit_parse_cmdline("dmakit_soft.worker_callbacks=1");
	ret = ret || !!cbi.bad_order || !!cbi.bad_ctx || !!cbi.on_caller;
	if (!ret)
		printf("worker-only and inline modes: ok\n");
	return ret;
}

/* Every softdma worker's allowed CPUs, as a mask (0: not found). */
static unsigned long worker_cpus(void)
{
	DIR *d = opendir("/proc/self/task");
	unsigned long mask = 0;
	struct dirent *e;

	while (d && (e = readdir(d))) {
		char path[300], line[256], comm[64] = "";
		cpu_set_t set;
		FILE *f;
		pid_t tid = atoi(e->d_name);
		int c;

		if (e->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "/proc/self/task/%s/comm", e->d_name);
		f = fopen(path, "r");
		if (!f)
			continue;
		if (fgets(line, sizeof(line), f))
			sscanf(line, "%63s", comm);
		fclose(f);
		if (strncmp(comm, "softdma/", 8) ||
		    sched_getaffinity(tid, sizeof(set), &set))
			continue;
		for (c = 0; c < 64; c++)
			if (CPU_ISSET(c, &set))
				mask |= 1UL << c;
	}
	if (d)
		closedir(d);
	return mask;
}

int main(void)
{
	bool pinned = sysconf(_SC_NPROCESSORS_ONLN) > 1;
	dma_cap_mask_t mask;
	size_t i;
	int ret;

	if (pinned) {
		cpu_set_t set;

		CPU_ZERO(&set);
		CPU_SET(0, &set);
		pinned = !pthread_setaffinity_np(pthread_self(), sizeof(set), &set);
	}
	src = aligned_alloc(4096, BUF);
	dst = aligned_alloc(4096, BUF);
	if (!src || !dst || dmakit_boot(NULL))
		return 1;
	for (i = 0; i < BUF; i++)
		src[i] = (u8)(i * 31 + (i >> 12));
	dma_cap_zero(mask);
	dma_cap_set(DMA_MEMCPY, mask);
	dma_cap_set(DMA_MEMSET, mask);
	chan = dma_request_channel(mask, NULL, NULL);
	if (!chan)
		return 1;
	sd = dma_map_single(chan->device->dev, src, BUF, DMA_TO_DEVICE);
	dd = dma_map_single(chan->device->dev, dst, BUF, DMA_BIDIRECTIONAL);
	cbi.caller = current;

	if (pinned) {
		unsigned long m = 0;
		int k;

		/* A new worker names itself once it runs. */
		for (k = 0; k < 2000 && !(m = worker_cpus()); k++)
			usleep_range(1000, 2000);

		printf("worker CPUs mask %#lx\n", m);
		if (!m || (m & 1)) {
			fprintf(stderr, "FAIL: worker allowed on the booting thread's CPU 0 (mask %#lx)\n", m);
			return 1;
		}
	}
	ret = steady_state() || reuse() || terminate() || modes();

	dma_unmap_single(chan->device->dev, dd, BUF, DMA_BIDIRECTIONAL);
	dma_unmap_single(chan->device->dev, sd, BUF, DMA_TO_DEVICE);
	dma_release_channel(chan);
	dmakit_shutdown();
	free(src);
	free(dst);
	return ret;
}
