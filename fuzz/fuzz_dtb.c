// SPDX-License-Identifier: GPL-2.0
/*
 * Fuzz device-tree boot: the input is a blob for dmakit_boot_blob().
 * Whatever it holds, boot either succeeds (then the board is shut down
 * again: every device unbound, every model, IRQ and node freed) or fails
 * with an errno and leaves nothing behind; a second boot of the same
 * blob must give the same answer (nothing of the first one survived).
 * Leaks are LeakSanitizer's to find, at exit.
 */
#include <errno.h>
#include <dmakit/board.h>
#include <dmakit/log.h>
#include "fuzz.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	dmakit_log_set_level(0);
	return 0;
}

static int boot_once(const uint8_t *data, size_t size)
{
	int r = dmakit_boot_blob(data, size);

	FUZZ_CHECK(r <= 0 && r > -4096, "dmakit_boot_blob returned %d", r);
	FUZZ_CHECK(r != -EBUSY, "a previous boot was left behind");
	FUZZ_CHECK(!!dmakit_booted() == !r, "booted %d after %d",
		   dmakit_booted(), r);
	if (!r)
		dmakit_shutdown();
	FUZZ_CHECK(!dmakit_booted(), "still booted after shutdown");
	return r;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	int r1, r2;

	r1 = boot_once(data, size);
	/* A blob that boots is booted twice: shutdown really reset. */
	if (!r1) {
		r2 = boot_once(data, size);
		FUZZ_CHECK(r2 == r1, "second boot %d, first %d", r2, r1);
	}
	return 0;
}
