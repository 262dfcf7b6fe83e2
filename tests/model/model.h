/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The reference model of one dmaengine channel, run in lock-step with a
 * software-engine channel (see test_model.c); shared with the fuzzer
 * (fuzz/fuzz_chan_ops.c), which drives it with its own byte sequences.
 */
#ifndef DMAKIT_TEST_MODEL_H
#define DMAKIT_TEST_MODEL_H

#include <linux/dmaengine.h>

#define CHUNK		4096
#define MAX_OPS		64
#define MAX_LEN		(5 * CHUNK + 100)

enum op_kind {
	OP_SUBMIT, OP_SUBMIT_CB, OP_ISSUE, OP_PAUSE, OP_RESUME,
	OP_TERM_SYNC, OP_TERM_ASYNC, OP_WAIT, OP_STATUS, OP_NR
};

extern const char *const op_names[OP_NR];

struct op {
	u8 kind;
	u32 arg;	/* submit: length (1..MAX_LEN); tx_status: which descriptor */
};

struct seq {
	int n;
	dma_cookie_t base;	/* cookie state the channel starts from */
	struct op ops[MAX_OPS];
};

/* Before dmakit_boot(): chunk_size on the command line, buffers. */
void model_setup(void);
void model_teardown(void);
/* Run @s on a fresh channel; the index of the op that disagreed, or -1. */
int run_seq(const struct seq *s, bool mutant);
/* Why the last run_seq() failed. */
const char *model_why(void);
bool fails(const struct seq *s, bool mutant);
/* Delta debugging: shrink @s to a 1-minimal failing subsequence. */
void shrink(struct seq *s, bool mutant);
void print_seq(const struct seq *s);

#endif
