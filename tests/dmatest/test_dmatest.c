// SPDX-License-Identifier: GPL-2.0
/*
 * dmatest on the software engine through the library API: memcpy and
 * memset, callbacks and polled, random and fixed sizes; the report and
 * the result/summary lines in the kernel's formats; bad parameters.
 */
#include <errno.h>
#include <stdlib.h>
#include <linux/dmaengine.h>
#include <dmakit/board.h>
#include <dmakit/dmatest.h>
#include "capture.h"

#define ITER	40

static unsigned int nr_chans;
static unsigned int extra_ops;	/* xor and pq threads per channel */

/* Run and check: every thread passed every iteration, lines in shape. */
static void run_ok(struct dmatest_params *p, unsigned int threads_per_op,
		   unsigned int ops)
{
	struct dmatest_report r;
	/* The kernel adds xor and pq threads whenever the channel can. */
	unsigned int threads = nr_chans * threads_per_op * (ops + extra_ops);
	char re[512];

	cap_reset();
	CHECK(dmatest_run(p, &r) == 0);
	CHECK(r.channels == nr_chans);
	CHECK(r.threads == threads);
	CHECK(r.passed == threads && r.failed == 0);
	CHECK(r.tests == (unsigned long long)threads * p->iterations);
	CHECK(r.failures == 0);
	/* one summary line per thread, with the iteration count */
	CHECK(cap_count(RE_SUMMARY) == threads);
	snprintf(re, sizeof(re), ": summary %u tests, 0 failures .* \\(0\\)\n$",
		 p->iterations);
	CHECK(cap_count(re) == threads);
	CHECK(cap_count("^dmatest: Added [0-9]+ threads using dma[0-9]+chan[0-9]+\n$") == nr_chans);
	CHECK(cap_count("^dmatest: Started [0-9]+ threads using dma[0-9]+chan[0-9]+\n$") == nr_chans);
	if (p->verbose)
		CHECK(cap_count(RE_RESULT("test passed")) == r.tests);
	else
		CHECK(cap_count(" result #") == 0);
}

static void test_modes(void)
{
	struct dmatest_params p;
	unsigned int op, polled, random;

	for (op = DMATEST_MEMCPY; op <= DMATEST_MEMSET; op++)
		for (polled = 0; polled <= 1; polled++)
			for (random = 0; random <= 1; random++) {
				dmatest_params_init(&p);
				p.iterations = ITER;
				p.dmatest = op;
				p.polled = polled;
				p.norandom = !random;
				p.buf_size = 4096;
				p.verbose = random;
				run_ok(&p, 1, 1);
			}

	/* both ops, 2 threads each, fixed transfer size and alignment */
	dmatest_params_init(&p);
	p.iterations = ITER;
	p.dmatest = DMATEST_ALL;
	p.threads_per_chan = 2;
	p.transfer_size = 1000;
	p.alignment = 3;
	run_ok(&p, 2, 2);
	CHECK(cap_count("len=0x3e8") == 0);	/* not verbose */

	/* verbose result lines carry the fixed length */
	p.verbose = true;
	p.iterations = 5;
	run_ok(&p, 2, 2);
	CHECK(cap_count("len=0x3e8 \\(0\\)\n$") ==
	      nr_chans * 2 * (2 + extra_ops) * 5);

	/* noverify: no verification, still every iteration */
	dmatest_params_init(&p);
	p.iterations = ITER;
	p.noverify = true;
	run_ok(&p, 1, 1);
}

static void test_select(void)
{
	struct dmatest_params p;
	struct dmatest_report r;

	dmatest_params_init(&p);
	p.iterations = 5;
	strcpy(p.channel, "dma0chan1");
	cap_reset();
	CHECK(dmatest_run(&p, &r) == 0);
	CHECK(r.channels == 1 && r.threads == 1 + extra_ops &&
	      r.passed == 1 + extra_ops);
	CHECK(cap_count("^dmatest: dma0chan1-copy0: summary 5 tests, 0 failures") == 1);

	dmatest_params_init(&p);
	p.iterations = 5;
	p.max_channels = 1;
	p.dmatest = DMATEST_ALL;
	CHECK(dmatest_run(&p, &r) == 0);
	CHECK(r.channels == 1 && r.threads == 2 && r.passed == 2);

	/* the list of what would run */
	dmatest_params_init(&p);
	p.dmatest = DMATEST_ALL;
	p.threads_per_chan = 3;
	cap_reset();
	CHECK(dmatest_list(&p, &r) == (int)nr_chans);
	CHECK(r.threads == nr_chans * 6);
	CHECK(cap_count("^dmatest: 6 threads using dma0chan[0-9]+\n$") == nr_chans);
}

static void expect_err(struct dmatest_params *p, int err, const char *line)
{
	struct dmatest_report r;

	cap_reset();
	CHECK(dmatest_run(p, &r) == err);
	CHECK(cap_count(line) == 1);
	CHECK(cap_count(RE_SUMMARY) == 0);
}

static void test_bad_params(void)
{
	struct dmatest_params p;

	dmatest_params_init(&p);
	p.buf_size = 0;
	expect_err(&p, -EINVAL, "^dmatest: test_buf_size must not be 0\n$");

	dmatest_params_init(&p);
	p.transfer_size = 16384;
	expect_err(&p, -EINVAL, "^dmatest: 16384-byte transfer size must be lower than 16384-buffer size\n$");

	dmatest_params_init(&p);
	p.buf_size = 64;
	p.alignment = 7;
	expect_err(&p, -EINVAL, "^dmatest: 64-byte buffer too small for 128-byte alignment\n$");

	dmatest_params_init(&p);
	p.xor_sources = 0;
	expect_err(&p, -EINVAL, "^dmatest: xor_sources=0 out of range");

	dmatest_params_init(&p);
	strcpy(p.channel, "dma9chan9");
	expect_err(&p, -ENODEV, "^dmatest: channel=dma9chan9: no such DMA channel\n$");

	dmatest_params_init(&p);
	strcpy(p.device, "no-such-dma");
	expect_err(&p, -ENODEV, "^dmatest: device=no-such-dma: no such DMA device\n$");

	/* after all that, a good run still works and nothing leaked */
	dmatest_params_init(&p);
	p.iterations = 3;
	run_ok(&p, 1, 1);
}

/* How many of DMA_XOR, DMA_PQ the soft engine's channels have. */
static unsigned int count_xor_pq(void)
{
	struct dma_chan *chan;
	dma_cap_mask_t mask;
	unsigned int n;

	dma_cap_zero(mask);
	dma_cap_set(DMA_MEMCPY, mask);
	chan = dma_request_channel(mask, NULL, NULL);
	CHECK(chan != NULL);
	n = !!dma_has_cap(DMA_XOR, chan->device->cap_mask) +
	    !!dma_has_cap(DMA_PQ, chan->device->cap_mask);
	dma_release_channel(chan);
	return n;
}

static int count_chans(void)
{
	struct dmatest_params p;

	dmatest_params_init(&p);
	return dmatest_list(&p, NULL);
}

int main(void)
{
	int n;

	cap_start();
	/*
	 * memcpy and memset, polled too: without XOR/PQ, or dmatest would
	 * add xor and pq threads whose polled terminates break each other
	 * (as in the kernel; see docs/dmatest.md).
	 */
	setenv("DMAKIT_CMDLINE", "dmakit_soft.raid=0", 1);
	if (dmakit_boot(SOFT_ONLY_BOARD))	/* the soft engine alone */
		return 1;
	n = count_chans();
	CHECK(n >= 1);
	nr_chans = n;
	extra_ops = count_xor_pq();

	test_modes();
	test_select();
	test_bad_params();

	dmakit_shutdown();
	dmakit_log_set_hook(NULL, NULL);
	cap_reset();
	printf("dmatest on %u channels: ok\n", nr_chans);
	return 0;
}
