// SPDX-License-Identifier: GPL-2.0
/*
 * raid6bench - throughput of every usable RAID-6 / XOR implementation.
 *
 * For 8 data disks of 4 KiB, 64 KiB and 1 MiB: gen_syndrome and
 * xor_syndrome of every syndrome algorithm, coefficient P/Q and
 * two-data recovery of every implementation, and xor_blocks (4 sources
 * into the destination) of every template.  Each figure is the median
 * of several samples, in MB/s (10^6 bytes) of source data processed.
 *
 * Usage: raid6bench [-s SAMPLES] [-t MS_PER_SAMPLE]
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <linux/raid/pq.h>
#include <linux/raid/xor.h>

#define NDATA		8
#define NDISKS		(NDATA + 2)
#define MAX_SAMPLES	51

static const size_t sizes[] = { 4096, 65536, 1 << 20 };
#define NSIZES	(sizeof(sizes) / sizeof(sizes[0]))

static int samples = 7;
static double sample_ms = 20;

static void *blocks[NDISKS];
static u8 coefs[NDATA];

struct op {
	const char *name;
	const void *impl;
	void (*run)(const void *impl, size_t len);
};

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec * 1e-9;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/* Median MB/s of NDATA * len source bytes per call */
static double measure(const struct op *op, size_t len)
{
	double rate[MAX_SAMPLES], t0, t;
	unsigned long iters = 1, i;
	int s;

	/* warm up and find an iteration count filling one sample */
	for (;;) {
		t0 = now();
		for (i = 0; i < iters; i++)
			op->run(op->impl, len);
		t = now() - t0;
		if (t * 1e3 >= sample_ms / 4 || iters >= (1UL << 30))
			break;
		iters *= 2;
	}
	iters = iters * (sample_ms / 1e3) / (t > 0 ? t : 1e-9) + 1;

	for (s = 0; s < samples; s++) {
		t0 = now();
		for (i = 0; i < iters; i++)
			op->run(op->impl, len);
		t = now() - t0;
		rate[s] = (double)NDATA * len * iters / t / 1e6;
	}
	qsort(rate, samples, sizeof(rate[0]), cmp_double);
	return rate[samples / 2];
}

static void run_gen(const void *impl, size_t len)
{
	((const struct raid6_calls *)impl)->gen_syndrome(NDISKS, len, blocks);
}

static void run_xor_syndrome(const void *impl, size_t len)
{
	/* rmw of the second half of the data disks, as the kernel times */
	((const struct raid6_calls *)impl)->xor_syndrome(NDISKS, NDATA / 2,
							 NDATA - 1, len,
							 blocks);
}

static void run_coef(const void *impl, size_t len)
{
	((const struct raid6_coef_calls *)impl)->gen_pq(NDATA, 0, len,
			(u8 **)blocks, coefs, blocks[NDATA],
			blocks[NDATA + 1], true, true, false);
}

static void run_recov(const void *impl, size_t len)
{
	/* recovers garbage: the timing is what matters here */
	((const struct raid6_recov_calls *)impl)->data2(NDISKS, len, 1, 5,
							blocks);
}

static void run_xor_blocks(const void *impl, size_t len)
{
	size_t off;

	if (xor_active_template() != impl)
		xor_select_template((struct xor_block_template *)impl);
	/* NDATA sources: dest = block 8 (P), two calls of four sources */
	for (off = 0; off < NDATA; off += MAX_XOR_BLOCKS)
		xor_blocks(MAX_XOR_BLOCKS, len, blocks[NDATA], blocks + off);
}

/* Print one table; the ratio is best vector / best portable per size */
static void bench(const char *title, struct op *ops, int nops,
		  bool (*is_vec)(const char *name))
{
	double r[16][NSIZES], best_v[NSIZES] = { 0 }, best_p[NSIZES] = { 0 };
	size_t k;
	int i;

	printf("\n%s (%d data disks, MB/s of data, median of %d)\n", title,
	       NDATA, samples);
	printf("  %-10s", "algorithm");
	for (k = 0; k < NSIZES; k++)
		printf(" %10zu KiB", sizes[k] >> 10);
	printf("\n");
	for (i = 0; i < nops; i++) {
		printf("  %-10s", ops[i].name);
		for (k = 0; k < NSIZES; k++) {
			r[i][k] = measure(&ops[i], sizes[k]);
			printf(" %14.0f", r[i][k]);
			fflush(stdout);
			if (is_vec(ops[i].name)) {
				if (r[i][k] > best_v[k])
					best_v[k] = r[i][k];
			} else if (r[i][k] > best_p[k]) {
				best_p[k] = r[i][k];
			}
		}
		printf("\n");
	}
	if (best_v[0] > 0 && best_p[0] > 0) {
		printf("  %-10s", "avx2/port");
		for (k = 0; k < NSIZES; k++)
			printf(" %13.2fx", best_v[k] / best_p[k]);
		printf("\n");
	}
}

static bool name_is_avx2(const char *name)
{
	return !strncmp(name, "avx2", 4);
}

int main(int argc, char **argv)
{
	struct op ops[16];
	int i, n, c;

	while ((c = getopt(argc, argv, "s:t:")) != -1) {
		switch (c) {
		case 's':
			samples = atoi(optarg);
			break;
		case 't':
			sample_ms = atof(optarg);
			break;
		default:
			fprintf(stderr, "usage: %s [-s SAMPLES] [-t MS]\n",
				argv[0]);
			return 2;
		}
	}
	if (samples < 1 || samples > MAX_SAMPLES || sample_ms <= 0) {
		fprintf(stderr, "bad -s (1..%d) or -t\n", MAX_SAMPLES);
		return 2;
	}

	for (i = 0; i < NDISKS; i++) {
		if (posix_memalign(&blocks[i], 64, sizes[NSIZES - 1])) {
			perror("posix_memalign");
			return 1;
		}
		memset(blocks[i], 0x11 * (i + 1), sizes[NSIZES - 1]);
	}
	for (i = 0; i < NDATA; i++)
		coefs[i] = raid6_gfexp[i];

	printf("raid6bench: selected %s, recovery %s, coef %s, xor %s\n",
	       raid6_call.name,
	       raid6_2data_recov == raid6_recov_intx1.data2 ? "intx1" : "avx2",
	       raid6_coef_call.name, xor_active_template()->name);

	for (n = 0, i = 0; raid6_algos[i]; i++)
		if (!raid6_algos[i]->valid || raid6_algos[i]->valid())
			ops[n++] = (struct op){ raid6_algos[i]->name,
						raid6_algos[i], run_gen };
	bench("gen_syndrome", ops, n, name_is_avx2);
	for (i = 0; i < n; i++)
		ops[i].run = run_xor_syndrome;
	bench("xor_syndrome (disks 4..7 of 0..7)", ops, n, name_is_avx2);

	for (n = 0, i = 0; raid6_coef_algos[i]; i++)
		if (!raid6_coef_algos[i]->valid || raid6_coef_algos[i]->valid())
			ops[n++] = (struct op){ raid6_coef_algos[i]->name,
						raid6_coef_algos[i], run_coef };
	bench("raid6_gen_pq_coef (P+Q, coefs g^i)", ops, n, name_is_avx2);

	for (n = 0, i = 0; raid6_recov_algos[i]; i++)
		if (!raid6_recov_algos[i]->valid ||
		    raid6_recov_algos[i]->valid())
			ops[n++] = (struct op){ raid6_recov_algos[i]->name,
						raid6_recov_algos[i],
						run_recov };
	bench("raid6_2data_recov (with selected gen_syndrome)", ops, n,
	      name_is_avx2);

	for (n = 0, i = 0; xor_block_templates[i]; i++)
		if (xor_template_usable(xor_block_templates[i]))
			ops[n++] = (struct op){ xor_block_templates[i]->name,
						xor_block_templates[i],
						run_xor_blocks };
	bench("xor_blocks (8 sources in 2 calls of 4)", ops, n, name_is_avx2);
	xor_select_template(NULL);

	for (i = 0; i < NDISKS; i++)
		free(blocks[i]);
	return 0;
}
