// SPDX-License-Identifier: GPL-2.0
/*
 * Model-based check of one dmaengine channel: a reference model of the
 * channel's state machine, written from the client guide
 * (Documentation/driver-api/dmaengine/client.rst) and <linux/dmaengine.h>,
 * runs in lock-step with a software-engine channel over random sequences
 * of client operations:
 *
 *   prep+submit (with or without a callback), issue_pending, pause, resume,
 *   terminate_sync, terminate_async + synchronize, wait (quiesce), and
 *   tx_status of any cookie of the run.
 *
 * The model knows cookies (the first after dma_cookie_init is 2, each
 * submit adds one, INT_MAX wraps to DMA_MIN_COOKIE), which descriptors
 * were submitted, issued, terminated, and that
 *
 *   - submit starts nothing: only issue_pending does;
 *   - completions are a prefix of issue order, and stop while paused;
 *   - tx_status is dma_async_is_complete() on the channel's last completed
 *     and last used cookies (DMA_PAUSED for what is not complete while
 *     paused), with last_used the model's and last completed never going
 *     back;
 *   - a callback runs only for a completed descriptor, at most once, in
 *     submission order, and never after terminate_sync() (or
 *     terminate_async() + synchronize()) returned for a descriptor submitted
 *     before it; at a quiescent point every completed descriptor of the
 *     current epoch has had its callback exactly once, its bytes are right,
 *     and a never-issued descriptor has not touched its destination;
 *   - the residue of a descriptor that has not completed is its length less
 *     a whole number of chunks (chunk_size = 4096 here), exactly its
 *     length while merely submitted.
 *
 * What the engine may legitimately choose (how far it got before a pause
 * or a terminate) the model learns by observation, checking that the
 * choice is legal.  On a disagreement the sequence is shrunk by delta
 * debugging (re-running candidate subsequences on a fresh channel) and
 * the shortest failing one is printed with the seed.
 *
 * Environment: DMAKIT_MODEL_SEED, DMAKIT_MODEL_RUNS (default 400),
 * DMAKIT_MODEL_OPS (ops per run, default 40), DMAKIT_MODEL_SECONDS (time
 * cap, default 8).  "test_model --mutant" runs with a deliberately wrong
 * model and passes only if the disagreement is found and shrunk to a
 * 1-minimal sequence: the checker checks itself.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <dmakit/board.h>

#include "model.h"

#if __has_include(<valgrind/valgrind.h>)
#include <valgrind/valgrind.h>
#else
#define RUNNING_ON_VALGRIND 0
#endif

static u64 rng;

static u32 rnd(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (u32)(rng >> 11);
}

/* With !issue, nothing ever runs: the channel is deterministic. */
static void gen_seq(struct seq *s, int nops, bool issue)
{
	/* Weights: submits dominate, terminates are rarer. */
	u8 weight[OP_NR] = { 22, 22, 16, 5, 8, 3, 3, 10, 11 };
	int i, k, total = 0;

	if (!issue)
		weight[OP_ISSUE] = 0;
	for (k = 0; k < OP_NR; k++)
		total += weight[k];
	s->n = nops;
	/* Half the runs start just below INT_MAX: cookies wrap. */
	s->base = rnd() % 2 ? INT_MAX - (dma_cookie_t)(rnd() % 24) :
			      DMA_MIN_COOKIE;
	for (i = 0; i < nops; i++) {
		int r = rnd() % total;

		for (k = 0; r >= weight[k]; k++)
			r -= weight[k];
		s->ops[i].kind = k;
		if (k == OP_SUBMIT || k == OP_SUBMIT_CB)
			s->ops[i].arg = rnd() % 2 ? 1 + rnd() % CHUNK :
						    1 + rnd() % MAX_LEN;
		else
			s->ops[i].arg = rnd();
	}
}

static int env_int(const char *name, int def)
{
	const char *v = getenv(name);

	return v && *v ? atoi(v) : def;
}

/* --mutant: the checker must catch a wrong model and shrink it. */
static int selftest(unsigned long long seed)
{
	struct seq s;
	int run, i;

	for (run = 0; run < 200; run++) {
		/*
		 * Without issue_pending, so that whether a candidate fails
		 * never depends on timing; shorter under valgrind.
		 */
		gen_seq(&s, RUNNING_ON_VALGRIND ? 16 : 40, false);
		if (run_seq(&s, true) >= 0)
			break;
	}
	if (run == 200) {
		fprintf(stderr, "FAIL: the mutant model was never caught (seed %llu)\n",
			seed);
		return 1;
	}
	fprintf(stderr, "mutant caught in run %d: %s\n", run, model_why());
	shrink(&s, true);
	fprintf(stderr, "shrunk to %d ops:\n", s.n);
	print_seq(&s);
	/* submit, pause, tx_status is the shortest story. */
	if (s.n > 3) {
		fprintf(stderr, "FAIL: not shrunk to <= 3 ops (seed %llu)\n", seed);
		return 1;
	}
	for (i = 0; i < s.n; i++) {
		struct seq c = { .base = s.base };
		int j;

		for (j = 0; j < s.n; j++)
			if (j != i)
				c.ops[c.n++] = s.ops[j];
		if (fails(&c, true)) {
			fprintf(stderr, "FAIL: not 1-minimal: op %d can go (seed %llu)\n",
				i, seed);
			return 1;
		}
	}
	printf("model: mutant caught and shrunk to %d ops (seed %llu)\n", s.n, seed);
	return 0;
}

int main(int argc, char **argv)
{
	const char *sv = getenv("DMAKIT_MODEL_SEED");
	unsigned long long seed = sv ? strtoull(sv, NULL, 0) :
				  (unsigned long long)time(NULL);
	int runs = env_int("DMAKIT_MODEL_RUNS", 400);
	int nops = env_int("DMAKIT_MODEL_OPS", 40);
	time_t end = time(NULL) + env_int("DMAKIT_MODEL_SECONDS", 8);
	unsigned long total_ops = 0;
	struct seq s;
	int run, ret = 0;

	if (nops < 1 || nops > MAX_OPS)
		nops = 40;
	rng = seed * 2654435761ULL + 1;
	model_setup();
	if (dmakit_boot(NULL))
		return 1;
	if (argc > 1 && !strcmp(argv[1], "--mutant")) {
		ret = selftest(seed);
		goto out;
	}
	for (run = 0; run < runs && time(NULL) < end; run++) {
		int bad;

		gen_seq(&s, nops, true);
		bad = run_seq(&s, false);
		total_ops += s.n;
		if (bad < 0)
			continue;
		fprintf(stderr, "FAIL: model and channel disagree in run %d, op %d (%s): %s\n"
			"seed %llu (re-run with DMAKIT_MODEL_SEED=%llu)\n",
			run, bad, op_names[s.ops[bad].kind], model_why(), seed, seed);
		s.n = bad + 1;
		shrink(&s, false);
		if (run_seq(&s, false) < 0 && run_seq(&s, false) < 0)
			fprintf(stderr, "shortest failing sequence (%d ops; timing-dependent: it passed when re-run):\n",
				s.n);
		else
			fprintf(stderr, "shortest failing sequence (%d ops): %s\n",
				s.n, model_why());
		print_seq(&s);
		ret = 1;
		goto out;
	}
	printf("model: seed %llu: %d runs, %lu operations, model and channel agree\n",
	       seed, run, total_ops);
	if (!run)
		ret = 1;
out:
	dmakit_shutdown();
	model_teardown();
	return ret;
}
