/* SPDX-License-Identifier: GPL-2.0 */
/*
 * dmakit/log.h - where the kernel log goes, and what it has counted.
 *
 * The console level comes from DMAKIT_LOG (emerg, alert, crit, err, warn,
 * notice, info, debug, or 0-7; default warn): a message is printed when
 * its level is at or above it in severity.  DMAKIT_STRICT=1 makes a
 * "BUG: sleeping function called from invalid context" report fatal.
 */
#ifndef _DMAKIT_LOG_H
#define _DMAKIT_LOG_H

#include <stdio.h>

/* Set the console level (0-7); returns the previous one. */
int dmakit_log_set_level(int level);
int dmakit_log_get_level(void);
/* Send log lines to @stream (default stderr); NULL restores stderr. */
void dmakit_log_set_stream(FILE *stream);
/* Optional hook that sees every message (level, text without prefix). */
void dmakit_log_set_hook(void (*hook)(int level, const char *msg, void *arg),
			 void *arg);

/* Counters of what the runtime reported since start-up. */
unsigned long dmakit_warn_count(void);		/* WARN*() fired */
unsigned long dmakit_atomic_sleep_count(void);	/* sleeping in atomic ctx */
/* Make atomic-sleep reports fatal (also DMAKIT_STRICT=1). */
void dmakit_set_strict(int strict);

#endif
