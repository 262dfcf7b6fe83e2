/* SPDX-License-Identifier: GPL-2.0 */
/* Capture the kernel log lines of a dmatest run and check their shapes. */
#ifndef _DMATEST_CAPTURE_H
#define _DMATEST_CAPTURE_H

#include <pthread.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dmakit/log.h>

#define CAP_MAX_LINES	4096

static pthread_mutex_t cap_lock = PTHREAD_MUTEX_INITIALIZER;
static char *cap_lines[CAP_MAX_LINES];
static unsigned int cap_nr;

static void cap_hook(int level, const char *msg, void *arg)
{
	(void)arg;
	if (level > 6)		/* pr_debug lines are not needed */
		return;
	pthread_mutex_lock(&cap_lock);
	if (cap_nr < CAP_MAX_LINES)
		cap_lines[cap_nr++] = strdup(msg);
	pthread_mutex_unlock(&cap_lock);
}

static void cap_start(void)
{
	dmakit_log_set_hook(cap_hook, NULL);
}

static void cap_reset(void)
{
	pthread_mutex_lock(&cap_lock);
	while (cap_nr)
		free(cap_lines[--cap_nr]);
	pthread_mutex_unlock(&cap_lock);
}

/* Lines matching the extended regex @re. */
static unsigned int cap_count(const char *re)
{
	regex_t r;
	unsigned int i, n = 0;

	if (regcomp(&r, re, REG_EXTENDED | REG_NOSUB)) {
		fprintf(stderr, "bad regex %s\n", re);
		exit(1);
	}
	pthread_mutex_lock(&cap_lock);
	for (i = 0; i < cap_nr; i++)
		n += !regexec(&r, cap_lines[i], 0, NULL, 0);
	pthread_mutex_unlock(&cap_lock);
	regfree(&r);
	return n;
}

static void cap_dump(void)
{
	unsigned int i;

	for (i = 0; i < cap_nr; i++)
		fputs(cap_lines[i], stderr);
}

/* The kernel's formats (drivers/dma/dmatest.c). */
#define RE_THREAD	"dma[0-9]+chan[0-9]+-(copy|set|xor|pq)[0-9]+"
#define RE_SUMMARY	"^dmatest: " RE_THREAD ": summary [0-9]+ tests, " \
			"[0-9]+ failures [0-9]+\\.[0-9]{2} iops [0-9]+ KB/s " \
			"\\((0|-[0-9]+)\\)\n$"
#define RE_RESULT(msg)	"^dmatest: " RE_THREAD ": result #[0-9]+: '" msg \
			"' with src_off=0x[0-9a-f]+ dst_off=0x[0-9a-f]+ " \
			"len=0x[0-9a-f]+ \\(-?[0-9]+\\)\n$"

#define CHECK(cond) do {						\
	if (!(cond)) {							\
		fprintf(stderr, "%s:%d: check failed: %s\n",		\
			__FILE__, __LINE__, #cond);			\
		cap_dump();						\
		exit(1);						\
	}								\
} while (0)

#endif
