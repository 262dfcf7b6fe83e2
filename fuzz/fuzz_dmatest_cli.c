// SPDX-License-Identifier: GPL-2.0
/*
 * Fuzz the dmatest command line (tools/dmatest.c, included with its
 * main() renamed): argv is the input split at NULs.  parse_args() must
 * accept it or refuse it with one line, never crash; accepted parameters
 * then go through dmatest's own validation and channel selection
 * (dmatest_list(), which requests the channels and releases them, no
 * transfer) on the default board, booted once: 0..channels, or -EINVAL,
 * -ENODEV, -EBUSY.  --board is parsed but not booted.  threads_per_chan
 * is capped at 16 before the listing: the kernel (and dmatest_list())
 * allocates every thread asked for, and 4 billion of them is a memory
 * test, not a parser test.
 */
#include <errno.h>
#include <dmakit/log.h>
#include "fuzz.h"

#define main dmatest_tool_main
#include "../tools/dmatest.c"
#undef main

static FILE *null_out;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	dmakit_log_set_level(0);
	null_out = fopen("/dev/null", "w");
	if (!null_out || dmakit_boot(NULL))
		abort();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct cli c = { 0 };
	struct dmatest_report r;
	char **argv, *buf;
	int argc, ret;

	argc = fuzz_argv(data, size, "dmatest", &argv, &buf, 64);
	dmatest_params_init(&c.p);
	optind = 0;		/* a fresh getopt scan (GNU) */
	ret = parse_args(&c, argc, argv);
	FUZZ_CHECK(ret == 0 || ret == -EINVAL, "parse_args returned %d", ret);
	if (!ret && c.help)
		usage(null_out);
	if (!ret && !c.help) {
		FUZZ_CHECK(memchr(c.p.channel, 0, sizeof(c.p.channel)) &&
			   memchr(c.p.device, 0, sizeof(c.p.device)),
			   "unterminated channel or device name");
		if (c.p.threads_per_chan > 16)
			c.p.threads_per_chan = 16;
		ret = dmatest_list(&c.p, &r);
		FUZZ_CHECK(ret >= 0 || ret == -EINVAL || ret == -ENODEV ||
			   ret == -EBUSY, "dmatest_list returned %d", ret);
		FUZZ_CHECK(ret < 0 || r.channels == (unsigned int)ret,
			   "listed %d channels, report says %u", ret,
			   r.channels);
	}
	free(argv);
	free(buf);
	return 0;
}
