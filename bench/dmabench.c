// SPDX-License-Identifier: GPL-2.0
/*
 * dmabench: the software engine through the public dmaengine API against
 * memcpy/memset in the calling thread and DPDK's dma_skeleton, on the
 * same buffers in the same run.  Method: shared/reference/perf-baselines.md
 * (pinned threads, medians of short samples and wall time).  See
 * docs/performance.md for what the figures mean.
 *
 *   dmabench [--quick] [--csv FILE] [--plot FILE.png] [--no-skel]
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <dirent.h>
#include <getopt.h>
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <linux/dmaengine.h>
#include <linux/dma-mapping.h>
#include <linux/moduleparam.h>
#include <linux/scatterlist.h>
#include <linux/slab.h>
#include <dmakit/board.h>
#include "dmabench.h"

#define KiB	1024UL
#define MiB	(1024UL * 1024)
#define MAX_N	256
#define FILL	0x5a

enum method {
	M_MEMCPY,	/* memcpy (or memset) in the calling thread */
	M_POLL,		/* engine, polled with dma_async_is_tx_complete */
	M_WORKER,	/* engine, polled, the worker only (no poll, no inline) */
	M_CB,		/* engine, a callback per op */
	M_SKEL,		/* DPDK dma_skeleton */
	M_SG,		/* engine, one memset_sg descriptor per pass */
	NR_METHODS
};

static const char *const method_name[NR_METHODS] = {
	"caller", "engine-poll", "engine-worker", "engine-cb", "dpdk-skel",
	"engine-sg",
};

struct cell {
	bool fill;
	size_t size;
	unsigned int n;
};

struct result {
	bool valid;
	double med_ns;		/* median ns per op */
	double wall_ns;		/* total time / total ops */
	double caller_ns;	/* median ns per op in prep+submit */
	unsigned int samples;
};

static struct dma_chan *chan;
static u8 *src, *dst;
static dma_addr_t sdma, ddma;
static size_t region;
static bool quick, have_skel;
static const char *skel_why = "";
static void *(*volatile memcpy_fn)(void *, const void *, size_t) = memcpy;
static void *(*volatile memset_fn)(void *, int, size_t) = memset;
static long cb_count;
static double lat64_poll, lat64_cb, idle_poll, idle_cb;

static u64 now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (u64)ts.tv_sec * 1000000000ULL + (u64)ts.tv_nsec;
}

/*
 * The caller's enqueue time is read on one pass in CALLER_EVERY only:
 * two clock reads (27 ns each) on every pass would be charged to the
 * engine's throughput and not to the caller-memcpy baseline's.
 */
#define CALLER_EVERY	16
static bool timed_pass = true;

static u64 clock_if_timed(void)
{
	return timed_pass ? now_ns() : 0;
}

static void die(const char *what)
{
	fprintf(stderr, "dmabench: %s\n", what);
	exit(1);
}

/* inline_bytes=<the module's default>, read at start-up. */
static char inline_default[64];

static void set_param(const char *kv)
{
	char buf[128];

	snprintf(buf, sizeof(buf), "dmakit_soft.%s", kv);
	if (dmakit_parse_cmdline(buf))
		die("cannot set module parameter");
}

/* engine-worker: the pure offload, neither a poller nor issue_pending run work. */
static void worker_only(bool on)
{
	set_param(on ? "poll_progress=0" : "poll_progress=1");
	set_param(on ? "inline_bytes=0" : inline_default);
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static double pct(double *v, unsigned int n, double p)
{
	qsort(v, n, sizeof(*v), cmp_double);
	return v[(unsigned int)(p * (n - 1) + 0.5)];
}

/* Offset of op @i of pass @pass: reused buffers below 1 MiB, else a walk. */
static size_t op_off(const struct cell *c, unsigned long pass, unsigned int i)
{
	size_t slots;

	if (c->size < MiB)
		return (size_t)i * c->size;
	slots = region / c->size;
	return ((pass * c->n + i) % slots) * c->size;
}

/* --- one pass of each method; returns the caller's enqueue time --- */

static void cb_inc(void *param)
{
	(void)param;
	__atomic_fetch_add(&cb_count, 1, __ATOMIC_RELEASE);
}

static struct dma_async_tx_descriptor *prep(const struct cell *c, size_t off,
					    unsigned long flags)
{
	flags |= DMA_CTRL_ACK;	/* recyclable at completion (async_tx rule) */
	if (c->fill)
		return dmaengine_prep_dma_memset(chan, ddma + off, FILL,
						 c->size, flags);
	return dmaengine_prep_dma_memcpy(chan, ddma + off, sdma + off,
					 c->size, flags);
}

static void wait_cookie(dma_cookie_t cookie)
{
	while (dma_async_is_tx_complete(chan, cookie, NULL, NULL) !=
	       DMA_COMPLETE)
		;
}

static u64 pass_engine(const struct cell *c, unsigned long pass, bool cb)
{
	long target = __atomic_load_n(&cb_count, __ATOMIC_RELAXED) + c->n;
	dma_cookie_t cookie = 0;
	u64 t0 = clock_if_timed(), t1;
	unsigned int i;

	for (i = 0; i < c->n; i++) {
		struct dma_async_tx_descriptor *tx;

		tx = prep(c, op_off(c, pass, i), cb ? DMA_PREP_INTERRUPT : 0);
		if (!tx)
			die("prep failed");
		if (cb)
			tx->callback = cb_inc;
		cookie = dmaengine_submit(tx);
	}
	t1 = clock_if_timed();
	dma_async_issue_pending(chan);
	if (cb) {
		while (__atomic_load_n(&cb_count, __ATOMIC_ACQUIRE) < target)
			;
	} else {
		wait_cookie(cookie);
	}
	return t1 - t0;
}

static u64 pass_sg(const struct cell *c, unsigned long pass)
{
	static struct scatterlist sgl[MAX_N];
	struct dma_async_tx_descriptor *tx;
	unsigned int i;
	u64 t0 = clock_if_timed(), t1;

	sg_init_table(sgl, c->n);
	for (i = 0; i < c->n; i++) {
		sg_dma_address(&sgl[i]) = ddma + op_off(c, pass, i);
		sg_dma_len(&sgl[i]) = (unsigned int)c->size;
	}
	tx = chan->device->device_prep_dma_memset_sg(chan, sgl, c->n, FILL,
						  DMA_CTRL_ACK);
	if (!tx)
		die("memset_sg prep failed");
	t1 = clock_if_timed();
	{
		dma_cookie_t cookie = dmaengine_submit(tx);

		dma_async_issue_pending(chan);
		wait_cookie(cookie);
	}
	return t1 - t0;
}

static u64 pass_caller(const struct cell *c, unsigned long pass)
{
	unsigned int i;

	for (i = 0; i < c->n; i++) {
		size_t off = op_off(c, pass, i);

		if (c->fill)
			memset_fn(dst + off, FILL, c->size);
		else
			memcpy_fn(dst + off, src + off, c->size);
	}
	return 0;
}

static u64 pass_skel(const struct cell *c, unsigned long pass)
{
	unsigned int i, done = 0;
	u64 t0 = clock_if_timed(), t1;

	for (i = 0; i < c->n; i++) {
		size_t off = op_off(c, pass, i);

		if (skel_copy(dst + off, src + off, (uint32_t)c->size, 0))
			die("rte_dma_copy failed");
	}
	t1 = clock_if_timed();
	skel_submit();
	while (done < c->n) {
		int r = skel_completed(c->n - done);

		if (r < 0)
			die("dma_skeleton reported an error");
		done += (unsigned int)r;
	}
	return t1 - t0;
}

static u64 run_pass(const struct cell *c, enum method m, unsigned long pass)
{
	switch (m) {
	case M_MEMCPY:
		return pass_caller(c, pass);
	case M_POLL:
	case M_WORKER:
		return pass_engine(c, pass, false);
	case M_CB:
		return pass_engine(c, pass, true);
	case M_SKEL:
		return pass_skel(c, pass);
	case M_SG:
		return pass_sg(c, pass);
	default:
		return 0;
	}
}

/*
 * Samples of whole passes, each at least ~0.3 ms (or one pass), until
 * enough samples or the time cap: median ns/op, wall ns/op, caller ns/op.
 */
static struct result measure(const struct cell *c, enum method m)
{
	unsigned int max_samples = quick ? 11 : 31, k, i, s;
	double target = quick ? 150e3 : 300e3, cap = quick ? 0.06e9 : 0.25e9;
	double smp[64], clr[64], total_t = 0, total_ops = 0;
	struct result r = { .valid = true };
	unsigned long pass = 0;
	u64 t0, begin;

	if (m == M_SKEL && skel_start())
		die("rte_dma_start failed");
	if (m == M_WORKER)
		worker_only(true);
	t0 = now_ns();
	run_pass(c, m, pass++);
	run_pass(c, m, pass++);
	k = (unsigned int)(target / ((double)(now_ns() - t0) / 2 + 1));
	k = clamp_t(unsigned int, k, 1, 100000);
	begin = now_ns();
	for (s = 0; s < max_samples; s++) {
		u64 clr_sum = 0, dt;
		unsigned int timed = 0;

		t0 = now_ns();
		for (i = 0; i < k; i++) {
			timed_pass = pass % CALLER_EVERY == 0 || k < CALLER_EVERY;
			timed += timed_pass;
			clr_sum += run_pass(c, m, pass++);
		}
		timed_pass = true;
		dt = now_ns() - t0;
		smp[s] = (double)dt / ((double)k * c->n);
		clr[s] = timed ? (double)clr_sum / ((double)timed * c->n) : 0;
		total_t += (double)dt;
		total_ops += (double)k * c->n;
		if (s >= 2 && (double)(now_ns() - begin) > cap) {
			s++;
			break;
		}
	}
	if (m == M_WORKER)
		worker_only(false);
	if (m == M_SKEL)
		skel_stop();
	r.samples = s;
	r.med_ns = pct(smp, s, 0.5);
	r.caller_ns = pct(clr, s, 0.5);
	r.wall_ns = total_t / total_ops;
	return r;
}

/* --- the table --- */

#define MAX_CELLS 64

struct row {
	struct cell c;
	struct result r[NR_METHODS];
};

static struct row rows[MAX_CELLS];
static unsigned int nr_rows;

static double gbs(size_t size, double ns)
{
	return ns > 0 ? (double)size / ns : 0;
}

static const char *size_str(size_t s)
{
	static char buf[8][16];
	static int i;
	char *b = buf[i++ & 7];

	if (s >= MiB)
		snprintf(b, 16, "%zu MiB", s / MiB);
	else if (s >= KiB)
		snprintf(b, 16, "%zu KiB", s / KiB);
	else
		snprintf(b, 16, "%zu B", s);
	return b;
}

static void print_row(FILE *f, struct row *w, enum method m, bool csv)
{
	struct result *r = &w->r[m], *base = &w->r[M_MEMCPY];
	struct result *sk = &w->r[M_SKEL];
	double rm = base->valid ? base->med_ns / r->med_ns : 0;
	double rs = sk->valid && m != M_SKEL ? sk->med_ns / r->med_ns : 0;
	const char *name = method_name[m];

	if (w->c.fill && m == M_MEMCPY)
		name = "caller-memset";
	if (csv) {
		fprintf(f, "%s,%zu,%u,%s,%.3f,%.3f,%.3f,%.1f,%.3f,%.3f,%u\n",
			w->c.fill ? "fill" : "copy", w->c.size, w->c.n, name,
			1e3 / r->med_ns, gbs(w->c.size, r->med_ns),
			gbs(w->c.size, r->wall_ns),
			m == M_MEMCPY ? 0 : r->caller_ns, m ? rm : 1, rs,
			r->samples);
		return;
	}
	fprintf(f, "%-4s %8s %4u %-14s %9.2f %8.2f %8.2f %8.1f",
		w->c.fill ? "fill" : "copy", size_str(w->c.size), w->c.n,
		name, 1e3 / r->med_ns, gbs(w->c.size, r->med_ns),
		gbs(w->c.size, r->wall_ns),
		m == M_MEMCPY ? 0.0 : r->caller_ns);
	if (m != M_MEMCPY)
		fprintf(f, " %7.2f", rm);
	else
		fprintf(f, " %7s", "1");
	if (rs > 0)
		fprintf(f, " %7.2f", rs);
	fprintf(f, "\n");
}

static void run_cell(bool fill, size_t size, unsigned int n)
{
	struct row *w = &rows[nr_rows++];
	enum method m;

	w->c.fill = fill;
	w->c.size = size;
	w->c.n = n;
	for (m = 0; m < NR_METHODS; m++) {
		if (m == M_SKEL && (fill || !have_skel))
			continue;
		if (m == M_SG && (!fill || n == 1))
			continue;
		if (fill && m == M_WORKER)
			continue;
		w->r[m] = measure(&w->c, m);
	}
	/* Printed once all are in: the ratios need the skeleton's row. */
	for (m = 0; m < NR_METHODS; m++)
		if (w->r[m].valid)
			print_row(stdout, w, m, false);
	fflush(stdout);
}

/* --- latency --- */

struct lat {
	double med, p90, p99;
};

static volatile int cb_flag;

static void cb_flag_set(void *param)
{
	(void)param;
	__atomic_store_n(&cb_flag, 1, __ATOMIC_RELEASE);
}

/* One op of @size, start to completion seen by the caller, in ns. */
static double one_op(enum method m, size_t size)
{
	struct dma_async_tx_descriptor *tx;
	u64 t0 = now_ns();

	switch (m) {
	case M_MEMCPY:
		memcpy_fn(dst, src, size);
		break;
	case M_SKEL:
		if (skel_copy(dst, src, (uint32_t)size, 1))
			die("rte_dma_copy failed");
		while (skel_completed(1) == 0)
			;
		break;
	case M_CB:
		cb_flag = 0;
		tx = dmaengine_prep_dma_memcpy(chan, ddma, sdma, size,
					       DMA_PREP_INTERRUPT | DMA_CTRL_ACK);
		if (!tx)
			die("prep failed");
		tx->callback = cb_flag_set;
		dmaengine_submit(tx);
		dma_async_issue_pending(chan);
		while (!__atomic_load_n(&cb_flag, __ATOMIC_ACQUIRE))
			;
		break;
	default:
		tx = dmaengine_prep_dma_memcpy(chan, ddma, sdma, size,
					       DMA_CTRL_ACK);
		if (!tx)
			die("prep failed");
		{
			dma_cookie_t c = dmaengine_submit(tx);

			dma_async_issue_pending(chan);
			wait_cookie(c);
		}
		break;
	}
	return (double)(now_ns() - t0);
}

static struct lat latency(enum method m, size_t size, unsigned int n,
			  unsigned int idle_us)
{
	static double v[4096];
	struct timespec ts = { 0, (long)idle_us * 1000 };
	struct lat l;
	unsigned int i;

	if (m == M_SKEL && skel_start())
		die("rte_dma_start failed");
	for (i = 0; i < 20 && !idle_us; i++)
		one_op(m, size);
	for (i = 0; i < n; i++) {
		if (idle_us)
			nanosleep(&ts, NULL);
		v[i] = one_op(m, size);
	}
	if (m == M_SKEL)
		skel_stop();
	l.med = pct(v, n, 0.5);
	l.p90 = pct(v, n, 0.9);
	l.p99 = pct(v, n, 0.99);
	return l;
}

/* --- environment --- */

static void pin_self(int cpu)
{
	cpu_set_t set;

	CPU_ZERO(&set);
	CPU_SET(cpu, &set);
	if (pthread_setaffinity_np(pthread_self(), sizeof(set), &set))
		fprintf(stderr, "dmabench: cannot pin to CPU %d\n", cpu);
}

/* The threads of this process and the CPUs they may run on. */
static void print_threads(void)
{
	DIR *d = opendir("/proc/self/task");
	struct dirent *e;

	if (!d)
		return;
	printf("threads:");
	while ((e = readdir(d))) {
		char path[300], comm[64] = "", line[256], cpus[64] = "?";
		FILE *f;

		if (e->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "/proc/self/task/%s/status",
			 e->d_name);
		f = fopen(path, "r");
		if (!f)
			continue;
		while (fgets(line, sizeof(line), f)) {
			if (!strncmp(line, "Name:", 5))
				sscanf(line + 5, "%63s", comm);
			if (!strncmp(line, "Cpus_allowed_list:", 18))
				sscanf(line + 18, "%63s", cpus);
		}
		fclose(f);
		printf(" %s@%s", comm, cpus);
	}
	closedir(d);
	printf("\n");
}

/* Two pinned spinning threads: how much of the time both run at once. */
struct probe {
	int cpu;
	u64 end, stalled;
};

static void *probe_fn(void *arg)
{
	struct probe *p = arg;
	u64 last = now_ns(), t;

	pin_self(p->cpu);
	while ((t = now_ns()) < p->end) {
		if (t - last > 20000)
			p->stalled += t - last;
		last = t;
	}
	return NULL;
}

static void stall_probe(void)
{
	struct probe p[2] = { { 0, 0, 0 }, { 1, 0, 0 } };
	pthread_t th;
	u64 len = quick ? 100000000ULL : 300000000ULL;

	p[0].end = p[1].end = now_ns() + len;
	if (pthread_create(&th, NULL, probe_fn, &p[1]))
		return;
	probe_fn(&p[0]);
	pthread_join(th, NULL);
	printf("stall probe (2 pinned spinning threads, %.1f s): CPU0 stalled %.0f%%, CPU1 stalled %.0f%%\n",
	       (double)len / 1e9, 100.0 * (double)p[0].stalled / (double)len,
	       100.0 * (double)p[1].stalled / (double)len);
}

/* --- goals --- */

static struct row *find_row(bool fill, size_t size, unsigned int n)
{
	unsigned int i;

	for (i = 0; i < nr_rows; i++)
		if (rows[i].c.fill == fill && rows[i].c.size == size &&
		    rows[i].c.n == n)
			return &rows[i];
	return NULL;
}

static void goal(const char *what, double v, double lim, bool ge,
		 const char *unit)
{
	bool ok = ge ? v >= lim : v <= lim;

	printf("  %-58s %10.2f %-6s (goal %s %g) %s\n", what, v, unit,
	       ge ? ">=" : "<=", lim, ok ? "met" : "MISSED");
}

/* Lowest engine/caller ratio over copy (or fill) rows in [lo, hi]. */
static double min_ratio(bool fill, size_t lo, size_t hi, enum method m)
{
	double best = 1e9;
	unsigned int i;

	for (i = 0; i < nr_rows; i++) {
		struct row *w = &rows[i];
		double r;

		if (w->c.fill != fill || w->c.size < lo || w->c.size > hi ||
		    !w->r[m].valid)
			continue;
		r = w->r[M_MEMCPY].med_ns / w->r[m].med_ns;
		if (r < best)
			best = r;
	}
	return best;
}

/* --- plot and csv --- */

static void write_csv(const char *path)
{
	FILE *f = fopen(path, "w");
	unsigned int i;
	enum method m;

	if (!f)
		die("cannot write the CSV file");
	fprintf(f, "op,size,batch,method,mops_median,gbs_median,gbs_wall,caller_ns,ratio_caller,ratio_skel,samples\n");
	for (i = 0; i < nr_rows; i++)
		for (m = 0; m < NR_METHODS; m++)
			if (rows[i].r[m].valid)
				print_row(f, &rows[i], m, true);
	fclose(f);
}

/* The copy row plotted for @size: batch 32, else the largest batch. */
static struct row *plot_row(size_t size)
{
	struct row *best = find_row(false, size, 32);
	unsigned int i;

	if (best)
		return best;
	for (i = 0; i < nr_rows; i++)
		if (!rows[i].c.fill && rows[i].c.size == size &&
		    (!best || rows[i].c.n > best->c.n))
			best = &rows[i];
	return best;
}

static void write_plot(const char *path)
{
	static const enum method ms[] = { M_MEMCPY, M_POLL, M_WORKER, M_CB,
					  M_SKEL };
	FILE *g = popen("gnuplot", "w");
	unsigned int i, j;

	if (!g) {
		fprintf(stderr, "dmabench: gnuplot not found, no plot\n");
		return;
	}
	fprintf(g, "set terminal png size 1000,600\nset output '%s'\n", path);
	fprintf(g, "set logscale x 2\nset format x '%%.0b %%BB'\nset xlabel 'copy size'\n"
		   "set ylabel 'GB/s (payload, median)'\nset key top right\n"
		   "set title 'dmakit software engine, copies in batches of 32 (or the largest batch that fits)'\n");
	for (j = 0; j < ARRAY_SIZE(ms); j++) {
		fprintf(g, "$d%u << EOD\n", j);
		for (i = 0; i < nr_rows; i++) {
			struct row *w = &rows[i];

			if (w->c.fill || !w->r[ms[j]].valid ||
			    w != plot_row(w->c.size))
				continue;
			fprintf(g, "%zu %.3f\n", w->c.size,
				gbs(w->c.size, w->r[ms[j]].med_ns));
		}
		fprintf(g, "EOD\n");
	}
	fprintf(g, "plot ");
	for (j = 0; j < ARRAY_SIZE(ms); j++)
		fprintf(g, "%s$d%u with linespoints title '%s'", j ? ", " : "",
			j, method_name[ms[j]]);
	fprintf(g, "\n");
	if (pclose(g))
		fprintf(stderr, "dmabench: gnuplot failed\n");
	else
		printf("plot: %s\n", path);
}

/* --- main --- */

static void linearity(void)
{
	unsigned int counts[2] = { quick ? 10000 : 100000,
				   quick ? 100000 : 1000000 };
	double per_op[2];
	unsigned int k;

	for (k = 0; k < 2; k++) {
		unsigned int i, n = counts[k];
		dma_cookie_t cookie = 0;
		u64 t0, t1, t2;

		t0 = now_ns();
		for (i = 0; i < n; i++) {
			size_t off = ((size_t)i * 64) % region;
			struct dma_async_tx_descriptor *tx;

			tx = dmaengine_prep_dma_memcpy(chan, ddma + off,
						       sdma + off, 64,
						       DMA_CTRL_ACK);
			if (!tx)
				die("prep failed");
			cookie = dmaengine_submit(tx);
		}
		t1 = now_ns();
		dma_async_issue_pending(chan);
		wait_cookie(cookie);
		t2 = now_ns();
		per_op[k] = (double)(t2 - t0) / n;
		printf("  %7u x 64 B before one issue_pending: prep+submit %.1f ms, issue->done %.1f ms, %.1f ns/op\n",
		       n, (double)(t1 - t0) / 1e6, (double)(t2 - t1) / 1e6,
		       per_op[k]);
	}
	printf("  per-op time ratio %ux / %ux descriptors: %.2f (1.00 = linear)\n",
	       counts[1], counts[0], per_op[1] / per_op[0]);
}

static void descriptor_size(void)
{
	struct dma_async_tx_descriptor *tx;
	dma_cookie_t c;

	tx = dmaengine_prep_dma_memcpy(chan, ddma, sdma, 64, DMA_CTRL_ACK);
	if (!tx)
		die("prep failed");
	/* The soft engine's descriptor starts with its tx descriptor. */
	printf("memory per in-flight descriptor: %zu bytes (allocation of one soft descriptor)\n",
	       ksize(tx));
	c = dmaengine_submit(tx);
	dma_async_issue_pending(chan);
	wait_cookie(c);
}

static void print_header(void)
{
	printf("%-4s %8s %4s %-14s %9s %8s %8s %8s %7s %7s\n", "op", "size",
	       "N", "method", "Mops/s", "GB/s", "GB/s", "caller", "ratio",
	       "ratio");
	printf("%-4s %8s %4s %-14s %9s %8s %8s %8s %7s %7s\n", "", "", "",
	       "", "median", "median", "wall", "ns/op", "/caller",
	       "/skel");
}

int main(int argc, char **argv)
{
	static const size_t sizes[] = { 64, 256, 4 * KiB, 64 * KiB, MiB,
					16 * MiB, 256 * MiB };
	static const unsigned int batches[] = { 1, 32, 256 };
	static const struct option opts[] = {
		{ "quick", no_argument, NULL, 'q' },
		{ "csv", required_argument, NULL, 'c' },
		{ "plot", required_argument, NULL, 'p' },
		{ "no-skel", no_argument, NULL, 's' },
		{ "only", required_argument, NULL, 'o' },
		{ NULL, 0, NULL, 0 }
	};
	const char *csv = NULL, *plot = NULL;
	size_t only_size = 0;
	unsigned int only_n = 0;
	bool no_skel = false, two_cpus = sysconf(_SC_NPROCESSORS_ONLN) > 1;
	dma_cap_mask_t mask;
	unsigned long allocs;
	unsigned int i, j;
	struct row *w;
	int o;

	while ((o = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (o) {
		case 'q': quick = true; break;
		case 'c': csv = optarg; break;
		case 'p': plot = optarg; break;
		case 's': no_skel = true; break;
		case 'o':
			if (sscanf(optarg, "%zu:%u", &only_size, &only_n) != 2 ||
			    !only_size || !only_n || only_n > MAX_N)
				die("--only SIZE:N");
			break;
		default:
			fprintf(stderr, "usage: dmabench [--quick] [--csv FILE] [--plot FILE.png] [--no-skel]\n");
			return 2;
		}
	}
	region = quick ? 64 * MiB : 256 * MiB;
	/* Submitter on CPU 0 before boot: the engine's workers avoid it. */
	if (two_cpus)
		pin_self(0);
	src = aligned_alloc(2 * MiB, region);
	dst = aligned_alloc(2 * MiB, region);
	if (!src || !dst)
		die("out of memory");
	for (i = 0; i < region; i++)
		src[i] = (u8)(i * 131 + 7);
	memset(dst, 0, region);

	if (dmakit_boot(NULL))
		die("dmakit_boot failed");
	{
		char v[32];

		if (dmakit_param_get("dmakit_soft", "inline_bytes", v,
				     sizeof(v)) < 0)
			die("no dmakit_soft.inline_bytes");
		snprintf(inline_default, sizeof(inline_default),
			 "inline_bytes=%s", v);
	}
	dma_cap_zero(mask);
	dma_cap_set(DMA_MEMCPY, mask);
	dma_cap_set(DMA_MEMSET, mask);
	chan = dma_request_channel(mask, NULL, NULL);
	if (!chan)
		die("no memcpy channel");
	sdma = dma_map_single(chan->device->dev, src, region, DMA_TO_DEVICE);
	ddma = dma_map_single(chan->device->dev, dst, region,
			      DMA_BIDIRECTIONAL);
	if (dma_mapping_error(chan->device->dev, sdma) ||
	    dma_mapping_error(chan->device->dev, ddma))
		die("dma_map_single failed");

	if (no_skel)
		skel_why = "--no-skel";
	else if (!two_cpus)
		skel_why = "needs 2 CPUs";
	else
		have_skel = !skel_init(1, &skel_why);

	printf("dmabench%s: %s, buffers 2 x %zu MiB, submitter pinned to CPU 0%s\n",
	       quick ? " --quick" : "", dma_chan_name(chan), region / MiB,
	       two_cpus ? "" : " (one CPU: no pinning)");
	printf("peer dma_skeleton: %s\n", have_skel ? "yes (worker on CPU 1)" :
	       skel_why);
	print_threads();
	stall_probe();
	descriptor_size();
	printf("\nThroughput: N ops per pass (prep+submit each, one issue_pending), median of samples and wall.\n"
	       "Sizes below 1 MiB reuse N buffers (cache-hot); from 1 MiB each op takes the next slot of the\n"
	       "%zu MiB region (out of cache); N is capped so that N x size fits the region.\n\n",
	       region / MiB);
	print_header();
	if (only_size) {
		/* One copy cell, for profiling. */
		run_cell(false, only_size, only_n);
		goto out;
	}
	allocs = 0;
	for (i = 0; i < ARRAY_SIZE(sizes); i++) {
		size_t s = sizes[i];

		if (s > region)
			continue;
		for (j = 0; j < ARRAY_SIZE(batches); j++) {
			unsigned int n = batches[j];

			if (n * s > region)
				n = (unsigned int)(region / s);
			if (j && n <= batches[j - 1] && find_row(false, s, n))
				continue;
			if (quick && n == 256 && s >= MiB)
				continue;
			if (s == 64 && n == 32) {
				unsigned long a = dmakit_kmalloc_count();

				run_cell(false, s, n);
				allocs = dmakit_kmalloc_count() - a;
			} else {
				run_cell(false, s, n);
			}
		}
	}
	printf("\n");
	print_header();
	for (i = 0; i < ARRAY_SIZE(sizes); i++) {
		size_t s = sizes[i];
		unsigned int n = s * 32 > region ? (unsigned int)(region / s) : 32;

		if (s >= 4 * KiB && s <= region)
			run_cell(true, s, n);
	}
	printf("\nkmalloc calls during the 64 B x 32 copy cell (its warm-up included): %lu\n",
	       allocs);
	{
		struct cell c = { false, 64, 32 };
		unsigned long a = dmakit_kmalloc_count();

		for (i = 0; i < 300; i++)
			pass_engine(&c, 0, i % 3 == 0);
		printf("kmalloc calls in 300 more passes of 64 B x 32 (polled and callbacks): %lu\n",
		       dmakit_kmalloc_count() - a);
	}

	printf("\nSingle-op latency (ns; prep+submit+issue to completion seen by the caller, one clock read included):\n");
	{
		static const size_t ls[] = { 64, 4 * KiB, 64 * KiB };
		static const enum method lm[] = { M_MEMCPY, M_POLL, M_WORKER,
						  M_CB, M_SKEL };
		unsigned int n = quick ? 500 : 3000;

		printf("  %-8s %-14s %9s %9s %9s\n", "size", "method", "median",
		       "p90", "p99");
		for (i = 0; i < ARRAY_SIZE(ls); i++) {
			for (j = 0; j < ARRAY_SIZE(lm); j++) {
				struct lat l;

				if (lm[j] == M_SKEL && !have_skel)
					continue;
				if (lm[j] == M_WORKER)
					worker_only(true);
				l = latency(lm[j], ls[i], n, 0);
				if (lm[j] == M_WORKER)
					worker_only(false);
				printf("  %-8s %-14s %9.0f %9.0f %9.0f\n",
				       size_str(ls[i]), method_name[lm[j]],
				       l.med, l.p90, l.p99);
				if (ls[i] == 64 && lm[j] == M_POLL)
					lat64_poll = l.med;
				if (ls[i] == 64 && lm[j] == M_CB)
					lat64_cb = l.med;
			}
		}
	}

	printf("\nFirst 64 B op after 1 ms idle (ns):\n");
	{
		/*
		 * The defaults first (issue_pending runs small work itself,
		 * callbacks included); then the pure offload, where the
		 * worker has fallen asleep and must be woken.
		 */
		static const struct {
			enum method m;
			const char *name, *params;
		} im[] = {
			{ M_POLL, "engine-poll", "" },
			{ M_CB, "engine-cb", "" },
			{ M_WORKER, "engine-worker, inline off",
			  "inline_bytes=0" },
			{ M_CB, "engine-cb, inline off", "inline_bytes=0" },
			{ M_SKEL, "dpdk-skel", "" },
		};
		unsigned int n = quick ? 15 : 60;

		printf("  %-26s %9s %9s %9s\n", "method", "median", "p90",
		       "p99");
		for (j = 0; j < ARRAY_SIZE(im); j++) {
			enum method m = im[j].m;
			struct lat l;

			if (m == M_SKEL && !have_skel)
				continue;
			if (m == M_WORKER)
				set_param("poll_progress=0");
			if (*im[j].params)
				set_param(im[j].params);
			l = latency(m, 64, n, 1000);
			set_param("poll_progress=1");
			set_param(inline_default);
			printf("  %-26s %9.0f %9.0f %9.0f\n", im[j].name,
			       l.med, l.p90, l.p99);
			if (j == 0)
				idle_poll = l.med;
			if (j == 1)
				idle_cb = l.med;
		}
	}

	printf("\nDescriptors submitted before one issue_pending (64 B copies, polled):\n");
	linearity();

	printf("\nGoals (medians, this run):\n");
	w = find_row(false, 64, 32);
	if (w) {
		goal("64 B copies, batch 32, engine-poll (M ops/s)",
		     1e3 / w->r[M_POLL].med_ns, 30, true, "Mops/s");
		goal("64 B copies, batch 32, engine-worker (M ops/s)",
		     1e3 / w->r[M_WORKER].med_ns, 30, true, "Mops/s");
		if (w->r[M_SKEL].valid) {
			goal("  engine-poll / dpdk-skel",
			     w->r[M_SKEL].med_ns / w->r[M_POLL].med_ns, 3,
			     true, "x");
			goal("  engine-worker / dpdk-skel",
			     w->r[M_SKEL].med_ns / w->r[M_WORKER].med_ns, 3,
			     true, "x");
		}
		goal("caller cost prep+submit, 64 B batch 32",
		     w->r[M_POLL].caller_ns, 30, false, "ns/op");
		goal("framework overhead at 64 B, batch 32 (engine-poll - caller)",
		     w->r[M_POLL].med_ns - w->r[M_MEMCPY].med_ns, 100, false,
		     "ns/op");
		goal("framework overhead at 64 B, batch 32 (engine-worker - caller)",
		     w->r[M_WORKER].med_ns - w->r[M_MEMCPY].med_ns, 100, false,
		     "ns/op");
	}
	goal("64 B single-op latency, polled, median", lat64_poll, 250, false,
	     "ns");
	goal("64 B single-op latency, callback, median", lat64_cb, 1000, false,
	     "ns");
	goal("first op after 1 ms idle, polled, median", idle_poll / 1e3, 15,
	     false, "us");
	goal("first op after 1 ms idle, callback, median", idle_cb / 1e3, 15,
	     false, "us");
	goal("copies 1-16 MiB, lowest engine-poll / caller",
	     min_ratio(false, MiB, 16 * MiB, M_POLL), 1.2, true, "x");
	goal("copies 1-16 MiB, lowest engine-worker / caller",
	     min_ratio(false, MiB, 16 * MiB, M_WORKER), 1.2, true, "x");
	if (region >= 256 * MiB)
		goal("copies 256 MiB, engine-poll / caller",
		     min_ratio(false, 256 * MiB, 256 * MiB, M_POLL), 1.0, true,
		     "x");
	goal("copies 4-64 KiB, lowest engine-poll / caller",
	     min_ratio(false, 4 * KiB, 64 * KiB, M_POLL), 0.9, true, "x");
	goal("copies 4-64 KiB, lowest engine-worker / caller",
	     min_ratio(false, 4 * KiB, 64 * KiB, M_WORKER), 0.9, true, "x");
	goal("memset >= 64 KiB, lowest engine-poll / caller",
	     min_ratio(true, 64 * KiB, region, M_POLL), 1.0, true, "x");
	goal("memset_sg >= 64 KiB, lowest engine-sg / caller",
	     min_ratio(true, 64 * KiB, region, M_SG), 1.0, true, "x");

out:
	if (csv) {
		write_csv(csv);
		printf("csv: %s\n", csv);
	}
	if (plot)
		write_plot(plot);
	if (have_skel)
		skel_exit();
	dma_unmap_single(chan->device->dev, ddma, region, DMA_BIDIRECTIONAL);
	dma_unmap_single(chan->device->dev, sdma, region, DMA_TO_DEVICE);
	dma_release_channel(chan);
	dmakit_shutdown();
	free(src);
	free(dst);
	return 0;
}
