// SPDX-License-Identifier: GPL-2.0
/*
 * Fuzz the module parameter parser: dmakit_parse_cmdline() on arbitrary
 * text (as DMAKIT_CMDLINE), and dmakit_param_set() on an arbitrary
 * module, name and value (the input split at its first two NULs).  Both
 * must return 0 or an errno, never crash or read out of bounds, and
 * leave their input alone.
 */
#include <errno.h>
#include <string.h>
#include <linux/moduleparam.h>
#include <dmakit/log.h>
#include "fuzz.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	dmakit_log_set_level(0);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1), *copy = malloc(size + 1);
	const char *mod, *name, *val;
	int r;

	memcpy(s, data, size);
	s[size] = '\0';
	memcpy(copy, s, size + 1);
	r = dmakit_parse_cmdline(s);
	FUZZ_CHECK(r == 0 || r == -EINVAL || r == -ENOSPC || r == -ERANGE,
		   "dmakit_parse_cmdline returned %d", r);
	FUZZ_CHECK(!memcmp(s, copy, size + 1), "cmdline modified");

	/* mod \0 name \0 value */
	mod = s;
	name = memchr(s, '\0', size + 1) + 1;
	val = name <= s + size ? name + strlen(name) + 1 : NULL;
	if (val && val <= s + size) {
		r = dmakit_param_set(mod, name, val);
		FUZZ_CHECK(r == 0 || r == -ENOENT || r == -EINVAL ||
			   r == -ENOSPC || r == -ERANGE,
			   "dmakit_param_set returned %d", r);
	}
	free(s);
	free(copy);
	return 0;
}
