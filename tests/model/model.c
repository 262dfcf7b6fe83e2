// SPDX-License-Identifier: GPL-2.0
/*
 * The reference model of one channel and its lock-step runner, checker
 * and shrinker: what it checks is described in test_model.c.
 */
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>
#include <linux/dmaengine.h>
#include <linux/interrupt.h>
#include <dmakit/board.h>

#include "model.h"

#define WAIT_POLLS	20000		/* x 1 ms: generous, never a timing assertion */

const char *const op_names[OP_NR] = {
	"submit", "submit+callback", "issue_pending", "pause", "resume",
	"terminate_sync", "terminate_async+synchronize", "wait", "tx_status",
};

enum { M_SUBMITTED = 1, M_ISSUED, M_DONE, M_TERMINATED };

struct mdesc {
	int idx;
	dma_cookie_t cookie;
	bool cb;
	u32 len;
	int state;		/* M_*, read by callbacks */
	int epoch;		/* terminates before its submit */
	int cb_calls;
};

/* The reference model of the channel, and the run's bookkeeping. */
static struct model {
	struct dma_chan *chan;
	dma_cookie_t used, completed;
	int done_idx;		/* last descriptor index known complete, or -1 */
	bool paused;
	dma_cookie_t paused_last;
	int epoch;		/* read by callbacks */
	int last_cb_idx;	/* written by callbacks (one channel: serial) */
	int n;			/* published with release: callbacks scan d[] */
	struct mdesc d[MAX_OPS];
	bool mutant;		/* --mutant: forgets DMA_PAUSED */
	char why[256];		/* first disagreement */
	int failed;
} m;

static u8 *src_pool, *dst_pool;

static u8 *src_of(int i) { return src_pool + (size_t)i * MAX_LEN; }
static u8 *dst_of(int i) { return dst_pool + (size_t)i * MAX_LEN; }

static void disagree(const char *fmt, ...)
{
	va_list ap;

	if (__atomic_exchange_n(&m.failed, 1, __ATOMIC_SEQ_CST))
		return;
	va_start(ap, fmt);
	vsnprintf(m.why, sizeof(m.why), fmt, ap);
	va_end(ap);
}

static bool failed(void)
{
	return __atomic_load_n(&m.failed, __ATOMIC_SEQ_CST);
}

/* --- the model's own cookie arithmetic --- */

static dma_cookie_t model_next_cookie(dma_cookie_t c)
{
	return c >= INT_MAX ? DMA_MIN_COOKIE : c + 1;
}

static enum dma_status model_is_complete(dma_cookie_t cookie,
					 dma_cookie_t last_complete,
					 dma_cookie_t last_used)
{
	if (last_complete <= last_used)
		return cookie <= last_complete || cookie > last_used ?
		       DMA_COMPLETE : DMA_IN_PROGRESS;
	return cookie <= last_complete && cookie > last_used ?
	       DMA_COMPLETE : DMA_IN_PROGRESS;
}

/* --- callbacks --- */

/* Has the channel's last completed cookie reached descriptor @d? */
static bool reached(const struct mdesc *d)
{
	dma_cookie_t last = smp_load_acquire(&m.chan->completed_cookie);
	int n = __atomic_load_n(&m.n, __ATOMIC_ACQUIRE), j;

	for (j = n - 1; j >= 0; j--)
		if (m.d[j].cookie == last)
			return j >= d->idx;
	return false;	/* still the starting cookie */
}

static void model_cb(void *param, const struct dmaengine_result *res)
{
	struct mdesc *d = param;
	int state = __atomic_load_n(&d->state, __ATOMIC_SEQ_CST);

	if (__atomic_add_fetch(&d->cb_calls, 1, __ATOMIC_SEQ_CST) > 1)
		disagree("descriptor %d (cookie %d): callback ran twice", d->idx,
			 d->cookie);
	if (d->epoch != __atomic_load_n(&m.epoch, __ATOMIC_SEQ_CST))
		disagree("descriptor %d (cookie %d): callback after terminate_sync returned",
			 d->idx, d->cookie);
	if (state == M_SUBMITTED)
		disagree("descriptor %d (cookie %d): callback before issue_pending",
			 d->idx, d->cookie);
	if (!reached(d))
		disagree("descriptor %d (cookie %d): callback before completion",
			 d->idx, d->cookie);
	if (d->idx <= m.last_cb_idx)
		disagree("descriptor %d: callback after descriptor %d's (out of order)",
			 d->idx, m.last_cb_idx);
	m.last_cb_idx = d->idx;
	if (res->result != DMA_TRANS_NOERROR)
		disagree("descriptor %d: result %d", d->idx, res->result);
	if (!in_softirq())
		disagree("descriptor %d: callback outside softirq context", d->idx);
}

/* --- observation: learn how far the engine got, checking it is legal --- */

static void observe(dma_cookie_t last, dma_cookie_t used, const char *where)
{
	int j, k;

	if (used != m.used) {
		disagree("%s: last used cookie %d, model %d", where, used, m.used);
		return;
	}
	if (last == m.completed)
		return;
	for (j = m.done_idx + 1; j < m.n; j++)
		if (m.d[j].cookie == last)
			break;
	if (j == m.n) {
		disagree("%s: last completed cookie %d is no descriptor issued after %d",
			 where, last, m.completed);
		return;
	}
	if (m.paused) {
		disagree("%s: cookie %d completed while paused (at pause: %d)",
			 where, last, m.paused_last);
		return;
	}
	for (k = m.done_idx + 1; k <= j; k++) {
		struct mdesc *d = &m.d[k];

		if (d->state == M_SUBMITTED) {
			disagree("%s: descriptor %d (cookie %d) completed without issue_pending",
				 where, k, d->cookie);
			return;
		}
		if (d->state == M_TERMINATED && k == j) {
			disagree("%s: terminated descriptor %d (cookie %d) completed",
				 where, k, d->cookie);
			return;
		}
		if (d->state == M_ISSUED)
			__atomic_store_n(&d->state, M_DONE, __ATOMIC_SEQ_CST);
	}
	m.done_idx = j;
	m.completed = last;
}

/* tx_status of descriptor @i, checked against the model. */
static void check_status(int i, const char *where)
{
	struct mdesc *d = &m.d[i];
	struct dma_tx_state st;
	enum dma_status s, want;

	s = dmaengine_tx_status(m.chan, d->cookie, &st);
	observe(st.last, st.used, where);
	if (failed())
		return;
	want = model_is_complete(d->cookie, st.last, st.used);
	if (want != DMA_COMPLETE && m.paused && !m.mutant)
		want = DMA_PAUSED;
	if (s != want) {
		disagree("%s: descriptor %d (cookie %d, last %d used %d) status %d, model %d",
			 where, i, d->cookie, st.last, st.used, s, want);
		return;
	}
	if (s == DMA_COMPLETE)
		return;
	if (d->state == M_SUBMITTED && st.residue != d->len)
		disagree("%s: submitted descriptor %d: residue %u, length %u",
			 where, i, st.residue, d->len);
	if (d->state == M_ISSUED && st.residue > d->len)
		disagree("%s: descriptor %d: residue %u > length %u", where, i,
			 st.residue, d->len);
	/* Running, residue 0 means it completed between the two reads. */
	if (d->state == M_ISSUED && (st.residue || m.paused) &&
	    ((d->len - st.residue) % CHUNK || !st.residue))
		disagree("%s: descriptor %d (len %u): residue %u not len - k * %d",
			 where, i, d->len, st.residue, CHUNK);
}

static void observe_now(const char *where)
{
	struct dma_tx_state st;

	dmaengine_tx_status(m.chan, m.used, &st);
	observe(st.last, st.used, where);
}

/* --- operations --- */

static void op_submit(bool cb, u32 len)
{
	struct dma_async_tx_descriptor *tx;
	struct mdesc *d = &m.d[m.n];
	dma_cookie_t c, want = model_next_cookie(m.used);
	int i = m.n;

	*d = (struct mdesc){ .idx = i, .cb = cb, .len = len, .epoch = m.epoch };
	tx = dmaengine_prep_dma_memcpy(m.chan, (dma_addr_t)(uintptr_t)dst_of(i),
				       (dma_addr_t)(uintptr_t)src_of(i), len,
				       (cb ? DMA_PREP_INTERRUPT : 0) | DMA_CTRL_ACK);
	if (!tx) {
		disagree("prep_dma_memcpy(%u) returned NULL", len);
		return;
	}
	if (cb) {
		tx->callback_result = model_cb;
		tx->callback_param = d;
	}
	d->state = M_SUBMITTED;
	d->cookie = want;	/* before submit: callbacks compare it */
	__atomic_store_n(&m.n, i + 1, __ATOMIC_RELEASE);
	c = dmaengine_submit(tx);
	if (c != want)
		disagree("submit returned cookie %d, model %d", c, want);
	m.used = want;
}

static void op_issue(void)
{
	int i;

	/* Mark first: a callback may run before issue_pending returns. */
	for (i = 0; i < m.n; i++)
		if (m.d[i].state == M_SUBMITTED)
			__atomic_store_n(&m.d[i].state, M_ISSUED, __ATOMIC_SEQ_CST);
	dma_async_issue_pending(m.chan);
}

static void op_pause(void)
{
	int ret = dmaengine_pause(m.chan);

	if (ret) {
		disagree("pause returned %d", ret);
		return;
	}
	if (!m.paused) {
		observe_now("pause");
		m.paused = true;
		m.paused_last = m.completed;
	}
}

static void op_resume(void)
{
	int ret = dmaengine_resume(m.chan);

	if (ret)
		disagree("resume returned %d", ret);
	m.paused = false;
}

static void op_terminate(bool sync)
{
	int ret, i;

	ret = sync ? dmaengine_terminate_sync(m.chan) :
		     dmaengine_terminate_async(m.chan);
	if (ret) {
		disagree("terminate returned %d", ret);
		return;
	}
	if (!sync)
		dmaengine_synchronize(m.chan);
	/* What completed before the terminate is the engine's choice. */
	m.paused_last = m.completed;
	observe_now("terminate");
	m.paused = false;	/* terminate_all leaves the channel running */
	for (i = 0; i < m.n; i++) {
		struct mdesc *d = &m.d[i];

		if (d->state == M_ISSUED || d->state == M_SUBMITTED)
			__atomic_store_n(&d->state, M_TERMINATED, __ATOMIC_SEQ_CST);
	}
	__atomic_add_fetch(&m.epoch, 1, __ATOMIC_SEQ_CST);
}

static bool all_zero(const u8 *p, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (p[i])
			return false;
	return true;
}

/* Quiesce: everything issued completes; then the whole state is checked. */
static void op_wait(void)
{
	int i, last = -1, polls;

	if (m.paused) {
		usleep(2000);
		observe_now("wait while paused");
		return;
	}
	for (i = 0; i < m.n; i++)
		if (m.d[i].state == M_ISSUED)
			last = i;
	for (polls = 0; last >= 0 && polls < WAIT_POLLS; polls++) {
		if (dma_async_is_tx_complete(m.chan, m.d[last].cookie, NULL, NULL) ==
		    DMA_COMPLETE)
			break;
		usleep(1000);
	}
	observe_now("wait");
	if (failed())
		return;
	for (i = 0; i < m.n; i++) {
		struct mdesc *d = &m.d[i];
		int state = d->state;

		if (state == M_ISSUED) {
			disagree("wait: issued descriptor %d (cookie %d) never completed",
				 i, d->cookie);
			return;
		}
		if (state == M_DONE && memcmp(src_of(i), dst_of(i), d->len)) {
			disagree("wait: completed descriptor %d has wrong bytes", i);
			return;
		}
		if (state == M_SUBMITTED && !all_zero(dst_of(i), d->len)) {
			disagree("wait: descriptor %d wrote memory before issue_pending", i);
			return;
		}
		if (state == M_DONE && d->cb && d->epoch == m.epoch) {
			for (polls = 0; polls < WAIT_POLLS &&
			     !__atomic_load_n(&d->cb_calls, __ATOMIC_SEQ_CST); polls++)
				usleep(1000);
			if (d->cb_calls != 1) {
				disagree("wait: completed descriptor %d: %d callbacks",
					 i, d->cb_calls);
				return;
			}
		}
		if (state == M_TERMINATED && d->cb_calls) {
			disagree("wait: terminated descriptor %d had a callback", i);
			return;
		}
		if (state != M_DONE || d->epoch != m.epoch)
			check_status(i, "wait");
	}
}

static void run_op(const struct op *op)
{
	switch (op->kind) {
	case OP_SUBMIT:
	case OP_SUBMIT_CB:
		if (m.n < MAX_OPS)
			op_submit(op->kind == OP_SUBMIT_CB, op->arg);
		break;
	case OP_ISSUE:
		op_issue();
		break;
	case OP_PAUSE:
		op_pause();
		break;
	case OP_RESUME:
		op_resume();
		break;
	case OP_TERM_SYNC:
	case OP_TERM_ASYNC:
		op_terminate(op->kind == OP_TERM_SYNC);
		break;
	case OP_WAIT:
		op_wait();
		break;
	case OP_STATUS:
		if (m.n)
			check_status(op->arg % m.n, "tx_status");
		break;
	}
}

static struct dma_chan *request(void)
{
	dma_cap_mask_t mask;

	dma_cap_zero(mask);
	dma_cap_set(DMA_MEMCPY, mask);
	return dma_request_channel(mask, NULL, NULL);
}

/* Run @s on a fresh channel; the failing op's index, or -1. */
int run_seq(const struct seq *s, bool mutant)
{
	int i, bad = -1;

	memset(&m, 0, sizeof(m));
	m.mutant = mutant;
	m.done_idx = -1;
	m.last_cb_idx = -1;
	m.chan = request();
	if (!m.chan) {
		fprintf(stderr, "model: no channel\n");
		exit(1);
	}
	/* Start from the sequence's cookie state (the channel is idle). */
	WRITE_ONCE(m.chan->cookie, s->base);
	smp_store_release(&m.chan->completed_cookie, s->base);
	m.used = m.completed = s->base;
	for (i = 0; i < s->n; i++) {
		if (s->ops[i].kind == OP_SUBMIT || s->ops[i].kind == OP_SUBMIT_CB)
			memset(dst_of(m.n), 0, MAX_LEN);
		run_op(&s->ops[i]);
		if (failed()) {
			bad = i;
			break;
		}
	}
	dmaengine_terminate_sync(m.chan);
	if (failed() && bad < 0)
		bad = s->n - 1;
	dma_release_channel(m.chan);
	return bad;
}

/* A timing-dependent failure may not repeat: try a candidate twice. */
bool fails(const struct seq *s, bool mutant)
{
	return run_seq(s, mutant) >= 0 || run_seq(s, mutant) >= 0;
}

/* ddmin: the shortest failing subsequence we can find, 1-minimal. */
void shrink(struct seq *s, bool mutant)
{
	int n = 2;

	while (s->n >= 2) {
		int chunk = (s->n + n - 1) / n, start;
		bool reduced = false;

		for (start = 0; start < s->n; start += chunk) {
			struct seq c = { .base = s->base };
			int i;

			for (i = 0; i < s->n; i++)
				if (i < start || i >= start + chunk)
					c.ops[c.n++] = s->ops[i];
			if (c.n && fails(&c, mutant)) {
				*s = c;
				n = n > 2 ? n - 1 : 2;
				reduced = true;
				break;
			}
		}
		if (reduced)
			continue;
		if (n >= s->n)
			break;
		n = n * 2 < s->n ? n * 2 : s->n;
	}
}

void print_seq(const struct seq *s)
{
	int i;

	fprintf(stderr, "  channel starts at cookie %d\n", s->base);
	for (i = 0; i < s->n; i++) {
		const struct op *op = &s->ops[i];

		if (op->kind == OP_SUBMIT || op->kind == OP_SUBMIT_CB)
			fprintf(stderr, "  %2d: %s len %u\n", i, op_names[op->kind],
				op->arg);
		else if (op->kind == OP_STATUS)
			fprintf(stderr, "  %2d: %s of descriptor #%u (mod count)\n",
				i, op_names[op->kind], op->arg);
		else
			fprintf(stderr, "  %2d: %s\n", i, op_names[op->kind]);
	}
}

const char *model_why(void)
{
	return m.why;
}

void model_setup(void)
{
	static char cmdline[512];
	size_t i;

	snprintf(cmdline, sizeof(cmdline), "%s dmakit_soft.chunk_size=%d",
		 getenv("DMAKIT_CMDLINE") ?: "", CHUNK);
	setenv("DMAKIT_CMDLINE", cmdline, 1);
	src_pool = malloc((size_t)MAX_OPS * MAX_LEN);
	dst_pool = malloc((size_t)MAX_OPS * MAX_LEN);
	for (i = 0; i < (size_t)MAX_OPS * MAX_LEN; i++)
		src_pool[i] = (u8)(i * 31 + i / 4099) | 1;
}

void model_teardown(void)
{
	free(src_pool);
	free(dst_pool);
	src_pool = dst_pool = NULL;
}
