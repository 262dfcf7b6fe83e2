// SPDX-License-Identifier: GPL-2.0
/*
 * Fuzz API call sequences on a software-engine channel: the input is
 * decoded into client operations (prep+submit with/without callback,
 * issue_pending, pause, resume, terminate_sync, terminate_async +
 * synchronize, wait, tx_status) run in lock-step with the reference model
 * of tests/model; any disagreement with the model, any sanitizer report,
 * any hang (libFuzzer's -timeout) is a crash.
 *
 * Input: byte 0 picks the starting cookie (odd: just below INT_MAX, so
 * cookies wrap); then 3 bytes per operation: kind, and a 16-bit argument.
 */
#include <limits.h>
#include <string.h>
#include <dmakit/board.h>
#include <dmakit/log.h>
#include "fuzz.h"
#include "model.h"

static void cleanup(void)
{
	dmakit_shutdown();
	model_teardown();
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	dmakit_log_set_level(0);
	model_setup();
	if (dmakit_boot(NULL))
		abort();
	atexit(cleanup);	/* engine threads down before leak checks */
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct seq s = { 0 };
	size_t i;

	if (!size)
		return 0;
	s.base = data[0] & 1 ? INT_MAX - (data[0] >> 1) % 24 : DMA_MIN_COOKIE;
	for (i = 1; i + 3 <= size && s.n < MAX_OPS; i += 3) {
		struct op *op = &s.ops[s.n++];
		u32 arg = data[i + 1] | data[i + 2] << 8;

		op->kind = data[i] % OP_NR;
		op->arg = op->kind == OP_SUBMIT || op->kind == OP_SUBMIT_CB ?
			  1 + arg % MAX_LEN : arg;
	}
	if (run_seq(&s, false) >= 0) {
		fprintf(stderr, "model and channel disagree: %s\n", model_why());
		print_seq(&s);
		abort();
	}
	return 0;
}
