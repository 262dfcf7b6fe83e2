// SPDX-License-Identifier: GPL-2.0
/*
 * Fuzz the dmakit CLI's arguments (tools/dmakit.c, included with its
 * main() renamed): argv is the input split at NULs.  Parsing must
 * accept or refuse with the usage status (2), never crash or read past
 * argv; an accepted summary/sysfs command then runs on the default
 * board, booted once, into /dev/null.  --board and --dir are parsed but
 * not acted on: the fuzzer neither boots nor writes files it names.
 */
#include <errno.h>
#include <dmakit/log.h>
#include "fuzz.h"

#define main dmakit_tool_main
#include "../tools/dmakit.c"
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
	char **argv, *buf;
	int argc, ret;

	argc = fuzz_argv(data, size, "dmakit", &argv, &buf, 64);
	ret = parse_args(&c, argc, argv);
	FUZZ_CHECK(ret == 0 || ret == 2, "parse_args returned %d", ret);
	if (!ret && !c.help) {
		FUZZ_CHECK(c.cmd && (!strcmp(c.cmd, "summary") ||
				     !strcmp(c.cmd, "sysfs")),
			   "accepted command '%s'", c.cmd ? c.cmd : "(null)");
		FUZZ_CHECK(!c.dir || !strcmp(c.cmd, "sysfs"),
			   "--dir accepted for %s", c.cmd);
		c.dir = NULL;
		ret = run_cmd(&c, null_out);
		FUZZ_CHECK(!ret, "%s on the default board: %d", c.cmd, ret);
	}
	free(argv);
	free(buf);
	return 0;
}
