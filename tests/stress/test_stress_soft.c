// SPDX-License-Identifier: GPL-2.0
/*
 * Stress: client threads on several software-engine channels issue
 * random sequences of prep/submit/issue_pending/pause/resume/
 * terminate_async/terminate_sync/synchronize/release/re-request, with
 * callbacks that themselves submit or terminate.  Every submitted cookie
 * must end exactly once: completed (callback or poll) with the bytes
 * verified, or terminated without a callback.  A watchdog fails the run
 * if it hangs.  DMAKIT_STRESS_SEED and DMAKIT_STRESS_SECONDS set the run;
 * the seed is printed on failure.
 */
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <linux/dmaengine.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <dmakit/board.h>

#define NR_THREADS	4
#define MAX_INFLIGHT	48
#define MAX_LEN		(96 * 1024)

enum { R_SUBMITTED = 1, R_COMPLETED, R_TERMINATED };

struct record {
	int state;
	bool with_cb;
	bool chained;		/* submitted by a callback */
	u8 *src, *dst;
	size_t len;
	dma_cookie_t cookie;
	struct worker *w;
};

struct worker {
	int id;
	u64 rng;
	struct dma_chan *chan;
	struct record *recs[MAX_INFLIGHT * 2];
	int nrecs;
	/*
	 * recs[], touched by callbacks too: as in a kernel client, taken
	 * with bottom halves off outside the callbacks (softirq context).
	 */
	spinlock_t lock;
	unsigned long completed, terminated, verified_bytes, ops;
	int terminate_in_cb;
	bool stopping;		/* under lock: callbacks must not submit */
};

static unsigned long long seed;
static int failed;

static void fail(const char *what, struct record *r)
{
	fprintf(stderr, "FAIL: %s (cookie %d len %zu) seed=%llu\n", what,
		r ? r->cookie : -1, r ? r->len : 0, seed);
	__atomic_store_n(&failed, 1, __ATOMIC_SEQ_CST);
}

static u32 xorshift(u64 *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return (u32)(*s >> 11);
}

/* The worker's stream; callbacks (softirq threads) draw from their own. */
static u32 rnd(struct worker *w)
{
	return xorshift(&w->rng);
}

static __thread u64 cb_rng;

static u32 cb_rnd(void)
{
	if (!cb_rng)
		cb_rng = seed * 0x9e3779b97f4a7c15ULL + (u64)(uintptr_t)&cb_rng;
	return xorshift(&cb_rng);
}

static void watchdog(int sig)
{
	(void)sig;
	fprintf(stderr, "FAIL: watchdog: no progress (deadlock?) seed=%llu\n",
		seed);
	_exit(1);
}

static struct record *new_record(struct worker *w, bool with_cb, u32 r32)
{
	struct record *r = calloc(1, sizeof(*r));
	size_t i;

	r->w = w;
	r->len = 1 + r32 % MAX_LEN;
	r->src = malloc(r->len);
	r->dst = calloc(1, r->len);
	r->with_cb = with_cb;
	for (i = 0; i < r->len; i++)
		r->src[i] = (u8)(i * 7 + r->len);
	return r;
}

static void callback(void *param, const struct dmaengine_result *res);

/* Prep and submit @r on @w's channel, w->lock held; false if prep failed. */
static bool submit_record_locked(struct worker *w, struct record *r)
{
	struct dma_async_tx_descriptor *tx;
	unsigned long flags = r->with_cb ? DMA_PREP_INTERRUPT : 0;

	tx = dmaengine_prep_dma_memcpy(w->chan, (dma_addr_t)(uintptr_t)r->dst,
				       (dma_addr_t)(uintptr_t)r->src, r->len,
				       flags | DMA_CTRL_ACK);
	if (!tx)
		return false;
	if (r->with_cb) {
		tx->callback_result = callback;
		tx->callback_param = r;
	}
	r->state = R_SUBMITTED;
	r->cookie = dmaengine_submit(tx);
	w->recs[w->nrecs++] = r;
	if (dma_submit_error(r->cookie))
		fail("submit error", r);
	return true;
}

/*
 * The client guide makes the caller responsible for not issuing new
 * work between terminate_async() and synchronize(): the worker closes
 * the gate under w->lock before it terminates or waits.
 */
static void gate(struct worker *w, bool closed)
{
	spin_lock_bh(&w->lock);
	w->stopping = closed;
	spin_unlock_bh(&w->lock);
}

static void callback(void *param, const struct dmaengine_result *res)
{
	struct record *r = param;
	struct worker *w = r->w;
	int old = R_SUBMITTED;

	if (!in_softirq())
		fail("callback outside softirq context", r);
	if (res->result != DMA_TRANS_NOERROR)
		fail("transfer error", r);
	/* Callbacks may submit new work, or terminate the channel. */
	if (!r->chained && cb_rnd() % 8 == 0) {
		struct record *n = new_record(w, true, cb_rnd());
		bool ok = false;

		n->chained = true;
		spin_lock(&w->lock);
		if (!w->stopping && w->nrecs < MAX_INFLIGHT &&
		    submit_record_locked(w, n)) {
			ok = true;
			dma_async_issue_pending(w->chan);
		}
		spin_unlock(&w->lock);
		if (!ok) {
			free(n->src);
			free(n->dst);
			free(n);
		}
	} else if (cb_rnd() % 64 == 0) {
		spin_lock(&w->lock);
		if (!w->stopping) {
			/* Nobody may issue again until the worker synchronizes. */
			w->stopping = true;
			w->terminate_in_cb = 1;
			dmaengine_terminate_async(w->chan);
		}
		spin_unlock(&w->lock);
	}
	/* Last: once marked, the worker may free the record. */
	if (!__atomic_compare_exchange_n(&r->state, &old, R_COMPLETED, false,
					 __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST))
		fail(old == R_COMPLETED ? "callback twice" :
		     "callback after terminate", NULL);
}

/* After terminate_sync: nothing pending will ever complete. */
static void settle(struct worker *w, bool terminated)
{
	int i;

	spin_lock_bh(&w->lock);
	for (i = 0; i < w->nrecs; i++) {
		struct record *r = w->recs[i];
		int st = __atomic_load_n(&r->state, __ATOMIC_SEQ_CST);

		/*
		 * Cookie order says nothing once a terminate dropped
		 * descriptors: only without one may a poll prove completion.
		 */
		if (st == R_SUBMITTED && !r->with_cb && !terminated &&
		    dma_async_is_tx_complete(w->chan, r->cookie, NULL, NULL) ==
		    DMA_COMPLETE)
			st = r->state = R_COMPLETED;
		if (st == R_SUBMITTED) {
			if (!terminated)
				fail("unfinished transfer left behind", r);
			r->state = R_TERMINATED;
			w->terminated++;
		} else {
			if (memcmp(r->src, r->dst, r->len))
				fail("completed transfer has wrong bytes", r);
			w->verified_bytes += r->len;
			w->completed++;
		}
		free(r->src);
		free(r->dst);
		free(r);
	}
	w->nrecs = 0;
	spin_unlock_bh(&w->lock);
}

static void wait_all(struct worker *w)
{
	dma_cookie_t last;
	int i;

	spin_lock_bh(&w->lock);
	last = w->nrecs ? w->recs[w->nrecs - 1]->cookie : 0;
	spin_unlock_bh(&w->lock);
	if (!last)
		return;
	if (dma_sync_wait(w->chan, last) != DMA_COMPLETE)
		fail("dma_sync_wait", NULL);
	/* Callbacks of completed cookies may still be queued: wait for them. */
	for (i = 0; i < 2000; i++) {
		int j, pending = 0;

		spin_lock_bh(&w->lock);
		for (j = 0; j < w->nrecs; j++)
			if (w->recs[j]->with_cb &&
			    __atomic_load_n(&w->recs[j]->state, __ATOMIC_SEQ_CST) ==
			    R_SUBMITTED)
				pending++;
		spin_unlock_bh(&w->lock);
		if (!pending)
			return;
		usleep(1000);
	}
	fail("callbacks never arrived", NULL);
}

static struct dma_chan *request(void)
{
	dma_cap_mask_t mask;
	struct dma_chan *chan;
	int tries;

	dma_cap_zero(mask);
	dma_cap_set(DMA_MEMCPY, mask);
	for (tries = 0; tries < 10000; tries++) {
		chan = dma_request_channel(mask, NULL, NULL);
		if (chan)
			return chan;
		usleep(100);
	}
	return NULL;
}

/* Submit or issue only while the gate is open. */
static void worker_submit(struct worker *w, bool with_cb, bool issue)
{
	struct record *r = new_record(w, with_cb, rnd(w));
	bool ok = false;

	spin_lock_bh(&w->lock);
	if (!w->stopping && w->nrecs < MAX_INFLIGHT)
		ok = submit_record_locked(w, r);
	if (!w->stopping && issue)
		dma_async_issue_pending(w->chan);
	spin_unlock_bh(&w->lock);
	if (!ok) {
		free(r->src);
		free(r->dst);
		free(r);
	}
}

static void worker_issue(struct worker *w)
{
	bool stopping, locked = rnd(w) % 2;

	spin_lock_bh(&w->lock);
	stopping = w->stopping;
	if (!stopping && locked)
		dma_async_issue_pending(w->chan);
	spin_unlock_bh(&w->lock);
	/*
	 * Or with nothing held, where the engine may run small work and its
	 * callbacks (softirq) before issue_pending returns.  A callback may
	 * close the gate in between; all its terminate left is nothing to
	 * issue, since submits check the gate under the lock.
	 */
	if (!stopping && !locked)
		dma_async_issue_pending(w->chan);
}

/* Close the gate; true if a callback terminated the channel meanwhile. */
static bool gate_close(struct worker *w)
{
	bool terminated;

	spin_lock_bh(&w->lock);
	w->stopping = true;
	terminated = w->terminate_in_cb;
	w->terminate_in_cb = 0;
	spin_unlock_bh(&w->lock);
	return terminated;
}

static void *worker_fn(void *arg)
{
	struct worker *w = arg;
	time_t end = time(NULL) + atoi(getenv("DMAKIT_STRESS_SECONDS") ?: "4");

	w->chan = request();
	if (!w->chan) {
		fail("no channel", NULL);
		return NULL;
	}
	while (time(NULL) < end && !__atomic_load_n(&failed, __ATOMIC_SEQ_CST)) {
		u32 op = rnd(w) % 100;

		w->ops++;
		if (op < 55) {
			worker_submit(w, rnd(w) % 3 != 0, rnd(w) % 4 == 0);
		} else if (op < 70) {
			worker_issue(w);
		} else if (op < 75) {
			dmaengine_pause(w->chan);
			if (rnd(w) % 2)
				usleep(rnd(w) % 200);
			dmaengine_resume(w->chan);
		} else if (op < 82) {
			if (gate_close(w)) {
				dmaengine_synchronize(w->chan);
				settle(w, true);
			} else {
				dma_async_issue_pending(w->chan);
				wait_all(w);
				settle(w, false);
			}
			gate(w, false);
		} else if (op < 90) {
			gate_close(w);
			dmaengine_terminate_sync(w->chan);
			settle(w, true);
			gate(w, false);
		} else if (op < 95) {
			gate_close(w);
			dmaengine_terminate_async(w->chan);
			dmaengine_synchronize(w->chan);
			settle(w, true);
			gate(w, false);
		} else {
			gate_close(w);
			dmaengine_terminate_sync(w->chan);
			settle(w, true);
			dma_release_channel(w->chan);
			w->chan = request();
			if (!w->chan) {
				fail("re-request failed", NULL);
				return NULL;
			}
			gate(w, false);
		}
		alarm(30);
	}
	gate_close(w);
	dmaengine_terminate_sync(w->chan);
	settle(w, true);
	dma_release_channel(w->chan);
	return NULL;
}

int main(void)
{
	struct worker workers[NR_THREADS] = {};
	pthread_t th[NR_THREADS];
	unsigned long done = 0, term = 0, bytes = 0, ops = 0;
	const char *s = getenv("DMAKIT_STRESS_SEED");
	int i;

	seed = s ? strtoull(s, NULL, 0) : (unsigned long long)time(NULL);
	signal(SIGALRM, watchdog);
	alarm(60);
	setenv("DMAKIT_SOFT_CHANNELS", "4", 1);
	if (dmakit_boot(NULL))
		return 1;
	for (i = 0; i < NR_THREADS; i++) {
		workers[i].id = i;
		workers[i].rng = seed * 2654435761ULL + i + 1;
		spin_lock_init(&workers[i].lock);
		pthread_create(&th[i], NULL, worker_fn, &workers[i]);
	}
	for (i = 0; i < NR_THREADS; i++) {
		pthread_join(th[i], NULL);
		done += workers[i].completed;
		term += workers[i].terminated;
		bytes += workers[i].verified_bytes;
		ops += workers[i].ops;
	}
	dmakit_shutdown();
	printf("stress: seed %llu: %lu ops, %lu transfers completed and verified (%lu bytes), %lu terminated without callback\n",
	       seed, ops, done, bytes, term);
	if (!done)
		fail("nothing completed", NULL);
	return failed;
}
