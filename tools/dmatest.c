// SPDX-License-Identifier: GPL-2.0
/*
 * dmatest - the kernel's DMA engine test client from the command line.
 *
 * Every module parameter of the kernel's dmatest is a long option with
 * the same name and default; the test prints the kernel's lines
 * ("dmatest: dma0chan0-copy0: summary ...") on stdout and ends with
 * "N passed, N failed" over the test threads.  Exit status: 0 when every
 * thread ran every iteration without a failure, 1 when a test failed,
 * 2 for bad input.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <dmakit/board.h>
#include <dmakit/dmatest.h>
#include <dmakit/log.h>

#define EXIT_TESTFAIL	1
#define EXIT_BADINPUT	2

enum {
	OPT_BUF_SIZE = 256, OPT_CHANNEL, OPT_DEVICE, OPT_THREADS, OPT_MAX_CHANS,
	OPT_ITERATIONS, OPT_XOR, OPT_PQ, OPT_TIMEOUT, OPT_NOVERIFY,
	OPT_NORANDOM, OPT_ALIGNMENT, OPT_TRANSFER, OPT_POLLED, OPT_DMATEST,
	OPT_VERBOSE, OPT_NOBOUNCE, OPT_BOARD, OPT_LIST, OPT_HELP,
};

static const struct option options[] = {
	{ "test_buf_size",	required_argument, NULL, OPT_BUF_SIZE },
	{ "channel",		required_argument, NULL, OPT_CHANNEL },
	{ "device",		required_argument, NULL, OPT_DEVICE },
	{ "threads_per_chan",	required_argument, NULL, OPT_THREADS },
	{ "max_channels",	required_argument, NULL, OPT_MAX_CHANS },
	{ "iterations",		required_argument, NULL, OPT_ITERATIONS },
	{ "xor_sources",	required_argument, NULL, OPT_XOR },
	{ "pq_sources",		required_argument, NULL, OPT_PQ },
	{ "timeout",		required_argument, NULL, OPT_TIMEOUT },
	{ "noverify",		optional_argument, NULL, OPT_NOVERIFY },
	{ "norandom",		optional_argument, NULL, OPT_NORANDOM },
	{ "alignment",		required_argument, NULL, OPT_ALIGNMENT },
	{ "transfer_size",	required_argument, NULL, OPT_TRANSFER },
	{ "polled",		optional_argument, NULL, OPT_POLLED },
	{ "dmatest",		required_argument, NULL, OPT_DMATEST },
	{ "verbose",		optional_argument, NULL, OPT_VERBOSE },
	{ "nobounce",		optional_argument, NULL, OPT_NOBOUNCE },
	{ "board",		required_argument, NULL, OPT_BOARD },
	{ "list",		no_argument,	   NULL, OPT_LIST },
	{ "help",		no_argument,	   NULL, OPT_HELP },
	{ NULL, 0, NULL, 0 },
};

static void usage(FILE *out)
{
	fputs(
"usage: dmatest [OPTION]...\n"
"Run the kernel's DMA engine test client on the channels of a dmakit board.\n"
"Options are the dmatest module parameters (kernel defaults in brackets):\n"
"  --test_buf_size=N     size of the memcpy test buffer [16384]\n"
"  --channel=NAME        bus ID of the channel to test, e.g. dma0chan0 [any]\n"
"  --device=NAME         bus ID of the DMA engine to test [any]\n"
"  --threads_per_chan=N  threads to start per channel and operation [1]\n"
"  --max_channels=N      maximum number of channels to use [0 = all]\n"
"  --iterations=N        iterations before stopping a thread [0 = until ^C]\n"
"  --xor_sources=N       number of xor source buffers [3]\n"
"  --pq_sources=N        number of p+q source buffers [3]\n"
"  --timeout=MS          transfer timeout in msec, -1 for infinite [3000]\n"
"  --noverify[=BOOL]     disable data verification [0]\n"
"  --norandom[=BOOL]     disable random offset setup [0]\n"
"  --alignment=N         data address alignment 2^N, -1: device's [-1]\n"
"  --transfer_size=N     custom transfer size in bytes, < test_buf_size [0]\n"
"  --polled[=BOOL]       poll for completion instead of callbacks [0]\n"
"  --dmatest=N           0 memcpy, 1 memset, 2 all supported operations [0]\n"
"  --verbose[=BOOL]      print \"test passed\" result lines [0]\n"
"  --nobounce[=BOOL]     prevent using swiotlb (bounce) buffers [0]\n"
"dmakit options:\n"
"  --board=FILE          boot this board instead of the default board\n"
"  --list                print the channels and threads that would run\n"
"  --help                print this help\n"
"Exit status: 0 when every thread ran every iteration without failure,\n"
"1 when a test failed, 2 for bad input.\n", out);
}

/* --- log lines: stdout (errors: stderr), clearing the progress line --- */

static pthread_mutex_t out_lock = PTHREAD_MUTEX_INITIALIZER;
static bool progress_shown;
static bool progress_enabled;
static unsigned int err_lines;
static struct timespec start_time;

static void clear_progress_locked(void)
{
	if (progress_shown) {
		fputs("\r\033[K", stderr);
		fflush(stderr);
		progress_shown = false;
	}
}

static void log_hook(int level, const char *msg, void *arg)
{
	FILE *out = level <= 3 ? stderr : stdout;

	(void)arg;
	if (level > dmakit_log_get_level())
		return;
	pthread_mutex_lock(&out_lock);
	if (level <= 3)
		err_lines++;
	clear_progress_locked();
	fputs(msg, out);
	fflush(out);
	pthread_mutex_unlock(&out_lock);
}

static double elapsed(void)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)(now.tv_sec - start_time.tv_sec) +
	       (now.tv_nsec - start_time.tv_nsec) / 1e9;
}

static void progress(const struct dmatest_progress *p, void *arg)
{
	double t = elapsed();

	(void)arg;
	if (!progress_enabled || t < 1.0)
		return;
	pthread_mutex_lock(&out_lock);
	if (p->total)
		fprintf(stderr, "\r\033[K%.1fs: %llu/%llu tests (%llu%%), %llu failures, %u/%u threads running",
			t, p->tests, p->total, p->tests * 100 / p->total,
			p->failures, p->running, p->threads);
	else
		fprintf(stderr, "\r\033[K%.1fs: %llu tests, %llu failures, %u/%u threads running (^C stops)",
			t, p->tests, p->failures, p->running, p->threads);
	fflush(stderr);
	progress_shown = true;
	pthread_mutex_unlock(&out_lock);
}

static void on_signal(int sig)
{
	(void)sig;
	dmatest_stop();
}

/* --- argument parsing: one clear line for anything that is not right --- */

static const char *opt_name(int opt)
{
	const struct option *o;

	for (o = options; o->name; o++)
		if (o->val == opt)
			return o->name;
	return "?";
}

static int parse_long(int opt, const char *arg, long min, long max, long *val)
{
	char *end;

	errno = 0;
	*val = arg && *arg ? strtol(arg, &end, 0) : 0;
	if (!arg || !*arg || errno || *end || *val < min || *val > max) {
		fprintf(stderr, "dmatest: invalid --%s value '%s' (expected an integer %ld..%ld)\n",
			opt_name(opt), arg ? arg : "", min, max);
		return -EINVAL;
	}
	return 0;
}

static int parse_uint(int opt, const char *arg, unsigned int *val)
{
	long v;

	if (parse_long(opt, arg, 0, UINT_MAX, &v))
		return -EINVAL;
	*val = (unsigned int)v;
	return 0;
}

/* Kernel bool parameters: 1/0, y/n, Y/N, on/off; no value means true. */
static int parse_bool(int opt, const char *arg, bool *val)
{
	if (!arg || !strcmp(arg, "1") || !strcasecmp(arg, "y") ||
	    !strcasecmp(arg, "yes") || !strcasecmp(arg, "on") ||
	    !strcasecmp(arg, "true")) {
		*val = true;
		return 0;
	}
	if (!strcmp(arg, "0") || !strcasecmp(arg, "n") ||
	    !strcasecmp(arg, "no") || !strcasecmp(arg, "off") ||
	    !strcasecmp(arg, "false")) {
		*val = false;
		return 0;
	}
	fprintf(stderr, "dmatest: invalid --%s value '%s' (expected 0 or 1)\n",
		opt_name(opt), arg);
	return -EINVAL;
}

static int parse_string(int opt, const char *arg, char *buf, size_t size)
{
	if (strlen(arg) >= size) {
		fprintf(stderr, "dmatest: --%s name '%s' too long (at most %zu characters)\n",
			opt_name(opt), arg, size - 1);
		return -EINVAL;
	}
	strcpy(buf, arg);
	return 0;
}

struct cli {
	struct dmatest_params p;
	const char *board;
	bool list;
	bool help;
};

static int parse_opt(struct cli *c, int opt, const char *arg)
{
	struct dmatest_params *p = &c->p;
	long v;

	switch (opt) {
	case OPT_BUF_SIZE:	return parse_uint(opt, arg, &p->buf_size);
	case OPT_CHANNEL:	return parse_string(opt, arg, p->channel,
						    sizeof(p->channel));
	case OPT_DEVICE:	return parse_string(opt, arg, p->device,
						    sizeof(p->device));
	case OPT_THREADS:	return parse_uint(opt, arg, &p->threads_per_chan);
	case OPT_MAX_CHANS:	return parse_uint(opt, arg, &p->max_channels);
	case OPT_ITERATIONS:	return parse_uint(opt, arg, &p->iterations);
	case OPT_XOR:		return parse_uint(opt, arg, &p->xor_sources);
	case OPT_PQ:		return parse_uint(opt, arg, &p->pq_sources);
	case OPT_TIMEOUT:
		if (parse_long(opt, arg, INT_MIN, INT_MAX, &v))
			return -EINVAL;
		p->timeout = (int)v;
		return 0;
	case OPT_NOVERIFY:	return parse_bool(opt, arg, &p->noverify);
	case OPT_NORANDOM:	return parse_bool(opt, arg, &p->norandom);
	case OPT_ALIGNMENT:
		if (parse_long(opt, arg, INT_MIN, INT_MAX, &v))
			return -EINVAL;
		p->alignment = (int)v;
		return 0;
	case OPT_TRANSFER:	return parse_uint(opt, arg, &p->transfer_size);
	case OPT_POLLED:	return parse_bool(opt, arg, &p->polled);
	case OPT_DMATEST:	return parse_uint(opt, arg, &p->dmatest);
	case OPT_VERBOSE:	return parse_bool(opt, arg, &p->verbose);
	case OPT_NOBOUNCE:	return parse_bool(opt, arg, &p->nobounce);
	case OPT_BOARD:		c->board = arg; return 0;
	case OPT_LIST:		c->list = true; return 0;
	case OPT_HELP:		c->help = true; return 0;
	}
	return -EINVAL;
}

static int parse_args(struct cli *c, int argc, char **argv)
{
	int opt;

	opterr = 0;
	while ((opt = getopt_long(argc, argv, "h", options, NULL)) != -1) {
		if (opt == 'h')
			opt = OPT_HELP;
		if (opt == '?' || opt == ':') {
			if (optopt >= OPT_BUF_SIZE)
				fprintf(stderr, "dmatest: option --%s needs a value\n",
					opt_name(optopt));
			else if (optopt)
				fprintf(stderr, "dmatest: unknown option -%c (see --help)\n",
					optopt);
			else
				fprintf(stderr, "dmatest: unknown option %s (see --help)\n",
					argv[optind - 1]);
			return -EINVAL;
		}
		if (parse_opt(c, opt, optarg))
			return -EINVAL;
	}
	if (optind < argc) {
		fprintf(stderr, "dmatest: unexpected argument '%s' (see --help)\n",
			argv[optind]);
		return -EINVAL;
	}
	return 0;
}

static void setup_output(void)
{
	FILE *null = fopen("/dev/null", "w");

	/* The kernel lines come through the hook; the stream gets none. */
	if (null)
		dmakit_log_set_stream(null);
	dmakit_log_set_hook(log_hook, NULL);
	if (dmakit_log_get_level() < 6)
		dmakit_log_set_level(6);	/* KERN_INFO: summaries */
	progress_enabled = isatty(STDERR_FILENO);
	clock_gettime(CLOCK_MONOTONIC, &start_time);
}

static int run(struct cli *c)
{
	struct dmatest_report r;
	struct sigaction sa;
	int ret;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sa.sa_flags = SA_RESETHAND;
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);

	c->p.progress = progress;
	ret = dmatest_run(&c->p, &r);
	pthread_mutex_lock(&out_lock);
	clear_progress_locked();
	pthread_mutex_unlock(&out_lock);
	if (ret)
		return EXIT_BADINPUT;
	printf("%u passed, %u failed\n", r.passed, r.failed);
	fflush(stdout);
	return r.failed || !r.threads ? EXIT_TESTFAIL : 0;
}

int main(int argc, char **argv)
{
	struct cli c = { 0 };
	int ret;

	dmatest_params_init(&c.p);
	if (parse_args(&c, argc, argv))
		return EXIT_BADINPUT;
	if (c.help) {
		usage(stdout);
		return 0;
	}

	setup_output();
	ret = dmakit_boot(c.board);
	if (ret) {
		if (!err_lines)	/* the board has said nothing itself */
			fprintf(stderr, "dmatest: cannot boot board %s: %s\n",
				c.board ? c.board : "(default)",
				strerror(-ret));
		return EXIT_BADINPUT;
	}
	if (c.list)
		ret = dmatest_list(&c.p, NULL) < 0 ? EXIT_BADINPUT : 0;
	else
		ret = run(&c);
	dmakit_shutdown();
	dmakit_log_set_hook(NULL, NULL);
	return ret;
}
