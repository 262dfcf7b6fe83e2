/* SPDX-License-Identifier: GPL-2.0 */
/*
 * dmakit/dmatest.h - the kernel's DMA engine test client (dmatest) as a
 * library call (host API).
 *
 * The kernel drives dmatest through /sys/module/dmatest/parameters
 * (channel=, run=1, wait); here one call does the same: it requests the
 * channels that match, starts one kthread per (channel, operation) up to
 * threads_per_chan, waits for them, lets every thread print its kernel
 * "summary" line (pr_info, "dmatest: " prefix) and releases the channels.
 * See docs/dmatest.md.
 */
#ifndef _DMAKIT_DMATEST_H
#define _DMAKIT_DMATEST_H

#include <stdbool.h>

/* Values of dmatest_params.dmatest. */
#define DMATEST_MEMCPY	0	/* kernel: "0-memcpy" */
#define DMATEST_MEMSET	1	/* kernel: "1-memset" */
#define DMATEST_ALL	2	/* dmakit: memcpy and memset */
/* XOR and PQ threads are added whenever a channel has the capability. */

struct dmatest_progress {
	unsigned int threads;		/* threads started */
	unsigned int running;		/* threads not done yet */
	unsigned long long tests;	/* tests started, over all threads */
	unsigned long long failures;
	unsigned long long total;	/* threads * iterations; 0: infinite */
};

/*
 * The kernel's module parameters, with their names.  The first block is
 * the kernel's struct dmatest_params; dmatest and verbose are module-wide
 * parameters there.
 */
struct dmatest_params {
	bool		nobounce;
	unsigned int	buf_size;	/* test_buf_size */
	char		channel[20];	/* "" = any */
	char		device[32];	/* "" = any */
	unsigned int	threads_per_chan;
	unsigned int	max_channels;	/* 0 = all */
	unsigned int	iterations;	/* 0 = until dmatest_stop() */
	unsigned int	xor_sources;
	unsigned int	pq_sources;
	int		timeout;	/* ms per transfer, -1 = infinite */
	bool		noverify;
	bool		norandom;
	int		alignment;	/* 2^alignment, -1 = device's */
	unsigned int	transfer_size;	/* 0 = random / buf_size */
	bool		polled;

	unsigned int	dmatest;	/* DMATEST_MEMCPY/_MEMSET/_ALL */
	bool		verbose;	/* print "test passed" results */

	/* Host only: called about every 100 ms while the test runs. */
	void (*progress)(const struct dmatest_progress *p, void *arg);
	void *progress_arg;
};

struct dmatest_report {
	unsigned int channels;		/* channels tested */
	unsigned int threads;		/* threads started */
	unsigned int passed;		/* ran every iteration, no failure */
	unsigned int failed;
	unsigned long long tests;	/* over all threads */
	unsigned long long failures;
};

/* The kernel's defaults (test_buf_size=16384, timeout=3000, ...). */
void dmatest_params_init(struct dmatest_params *params);

/*
 * Run the test and wait for it.  Returns 0 when the test ran (then
 * @report says how it went: report->failed == 0 means every thread ran
 * every iteration without failure), or a negative errno with one
 * pr_err() line for bad parameters (-EINVAL) or when no channel matches
 * (-ENODEV).  Needs dmakit_boot().  One test runs at a time.
 */
int dmatest_run(const struct dmatest_params *params,
		struct dmatest_report *report);

/*
 * What dmatest_run() would test: requests the channels, prints the
 * kernel's test_list lines ("%u threads using %s") and releases them.
 * Returns the number of channels, or a negative errno as dmatest_run().
 */
int dmatest_list(const struct dmatest_params *params,
		 struct dmatest_report *report);

/* Ask a running dmatest_run() to stop its threads (async-signal-safe). */
void dmatest_stop(void);

#endif
