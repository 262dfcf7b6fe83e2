// SPDX-License-Identifier: GPL-2.0
/*
 * printk and the kernel's report lines (WARNING, BUG), printed to a
 * host stream and filtered by the console level from DMAKIT_LOG.
 */
#include <ctype.h>
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>
#include <dmakit/kernel.h>
#include <dmakit/log.h>
#include "internal.h"

static int console_level = -1;
static FILE *log_stream;
static void (*log_hook)(int level, const char *msg, void *arg);
static void *log_hook_arg;
static unsigned long warn_count;
static pthread_mutex_t log_lock = PTHREAD_MUTEX_INITIALIZER;
int __dmakit_debug_on = 1;	/* until the level is known */

/* Keep the dev_dbg()/pr_debug() gate in step with the level and hook. */
static void debug_gate_update(int level)
{
	__atomic_store_n(&__dmakit_debug_on,
			 level >= LOGLEVEL_DEBUG ||
			 __atomic_load_n(&log_hook, __ATOMIC_RELAXED) != NULL,
			 __ATOMIC_RELAXED);
}

static const char *const level_names[] = {
	"emerg", "alert", "crit", "err", "warn", "notice", "info", "debug",
};

static int parse_level(const char *s)
{
	unsigned int i;

	if (!s || !*s)
		return LOGLEVEL_WARNING;
	if (isdigit((unsigned char)s[0]) && !s[1])
		return s[0] - '0' > 7 ? 7 : s[0] - '0';
	for (i = 0; i < ARRAY_SIZE(level_names); i++)
		if (!strcasecmp(s, level_names[i]))
			return i;
	if (!strcasecmp(s, "warning") || !strcasecmp(s, "error"))
		return s[0] == 'w' || s[0] == 'W' ? LOGLEVEL_WARNING :
						     LOGLEVEL_ERR;
	return LOGLEVEL_WARNING;
}

static int level_now(void)
{
	int l = __atomic_load_n(&console_level, __ATOMIC_RELAXED);

	if (unlikely(l < 0)) {
		l = parse_level(getenv("DMAKIT_LOG"));
		__atomic_store_n(&console_level, l, __ATOMIC_RELAXED);
		debug_gate_update(l);
	}
	return l;
}

int dmakit_log_set_level(int level)
{
	int old = level_now();

	__atomic_store_n(&console_level, clamp(level, 0, 7), __ATOMIC_RELAXED);
	debug_gate_update(clamp(level, 0, 7));
	return old;
}

int dmakit_log_get_level(void)
{
	return level_now();
}

void dmakit_log_set_stream(FILE *stream)
{
	pthread_mutex_lock(&log_lock);
	log_stream = stream;
	pthread_mutex_unlock(&log_lock);
}

void dmakit_log_set_hook(void (*hook)(int, const char *, void *), void *arg)
{
	pthread_mutex_lock(&log_lock);
	log_hook = hook;
	log_hook_arg = arg;
	debug_gate_update(level_now());
	pthread_mutex_unlock(&log_lock);
}

bool printk_level_enabled(int level)
{
	return level <= level_now();
}

static const char *printk_skip_level(const char *fmt, int *level);

/* Would a message with this KERN_<level> prefix go anywhere? */
bool dmakit_printk_wanted(const char *level_fmt)
{
	int level;

	printk_skip_level(level_fmt, &level);
	return __atomic_load_n(&log_hook, __ATOMIC_RELAXED) ||
	       level <= level_now();
}

/* Split the KERN_<level> prefix off @fmt. */
static const char *printk_skip_level(const char *fmt, int *level)
{
	*level = LOGLEVEL_WARNING;	/* the kernel's default_message_loglevel */
	while (fmt[0] == KERN_SOH[0] && fmt[1]) {
		if (fmt[1] >= '0' && fmt[1] <= '7')
			*level = fmt[1] - '0';
		else if (fmt[1] == 'c')
			*level = LOGLEVEL_INFO;
		fmt += 2;
	}
	return fmt;
}

int vprintk(const char *fmt, va_list args)
{
	char buf[1024];
	int level, n;

	fmt = printk_skip_level(fmt, &level);
	if (!log_hook && level > level_now())
		return 0;
	n = vsnprintf(buf, sizeof(buf), fmt, args);
	if (n < 0)
		return n;
	pthread_mutex_lock(&log_lock);
	if (log_hook)
		log_hook(level, buf, log_hook_arg);
	if (level <= level_now()) {
		FILE *out = log_stream ? log_stream : stderr;

		fputs(buf, out);
		fflush(out);
	}
	pthread_mutex_unlock(&log_lock);
	return n;
}

int printk_with_level(const char *level, const char *fmt, ...)
{
	char buf[1024], lfmt[16];
	va_list args;

	va_start(args, fmt);
	vsnprintf(buf, sizeof(buf), fmt, args);
	va_end(args);
	snprintf(lfmt, sizeof(lfmt), "%s%%s", level);
	return printk(lfmt, buf);
}

int printk(const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vprintk(fmt, args);
	va_end(args);
	return n;
}

void print_hex_dump(const char *level, const char *prefix_str, int prefix_type,
		    int rowsize, int groupsize, const void *buf, size_t len,
		    bool ascii)
{
	const u8 *p = buf;
	size_t i, j;

	(void)groupsize;
	if (rowsize != 16 && rowsize != 32)
		rowsize = 16;
	for (i = 0; i < len; i += rowsize) {
		char line[200];
		int n = 0;

		for (j = i; j < len && j < i + rowsize; j++)
			n += snprintf(line + n, sizeof(line) - n, "%02x ", p[j]);
		if (ascii) {
			n += snprintf(line + n, sizeof(line) - n, " ");
			for (j = i; j < len && j < i + rowsize; j++)
				line[n++] = isprint(p[j]) ? p[j] : '.';
			line[n] = 0;
		}
		if (prefix_type == DUMP_PREFIX_OFFSET)
			printk("%s%s%.8zx: %s\n", level, prefix_str, i, line);
		else if (prefix_type == DUMP_PREFIX_ADDRESS)
			printk("%s%s%p: %s\n", level, prefix_str, p + i, line);
		else
			printk("%s%s%s\n", level, prefix_str, line);
	}
}

void __warn_printk(const char *file, int line, const char *func,
		   const char *fmt, ...)
{
	struct task_struct *t = current;
	char msg[512];
	va_list args;

	va_start(args, fmt);
	vsnprintf(msg, sizeof(msg), fmt, args);
	va_end(args);
	__atomic_fetch_add(&warn_count, 1, __ATOMIC_RELAXED);
	if (msg[0])
		printk(KERN_WARNING "%s%s", msg,
		       msg[strlen(msg) - 1] == '\n' ? "" : "\n");
	printk(KERN_WARNING "WARNING: CPU: %d PID: %d at %s:%d %s\n",
	       smp_processor_id(), t->pid, file, line, func);
}

void __dmakit_bug(const char *file, int line, const char *func)
{
	printk(KERN_EMERG "kernel BUG at %s:%d! (%s)\n", file, line, func);
	abort();
}

unsigned long dmakit_warn_count(void)
{
	return __atomic_load_n(&warn_count, __ATOMIC_RELAXED);
}
