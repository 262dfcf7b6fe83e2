/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _DMAKIT_LINUX_PRINTK_H
#define _DMAKIT_LINUX_PRINTK_H

#include <stdarg.h>
#include <linux/compiler.h>

#define KERN_SOH	"\001"
#define KERN_EMERG	KERN_SOH "0"
#define KERN_ALERT	KERN_SOH "1"
#define KERN_CRIT	KERN_SOH "2"
#define KERN_ERR	KERN_SOH "3"
#define KERN_WARNING	KERN_SOH "4"
#define KERN_NOTICE	KERN_SOH "5"
#define KERN_INFO	KERN_SOH "6"
#define KERN_DEBUG	KERN_SOH "7"
#define KERN_DEFAULT	""
#define KERN_CONT	KERN_SOH "c"

#define LOGLEVEL_EMERG		0
#define LOGLEVEL_ALERT		1
#define LOGLEVEL_CRIT		2
#define LOGLEVEL_ERR		3
#define LOGLEVEL_WARNING	4
#define LOGLEVEL_NOTICE		5
#define LOGLEVEL_INFO		6
#define LOGLEVEL_DEBUG		7

__printf(1, 2) int printk(const char *fmt, ...);
int vprintk(const char *fmt, va_list args);
/* printk() with the KERN_<level> string given apart from the format. */
__printf(2, 3) int printk_with_level(const char *level, const char *fmt, ...);
/* True when a message of this level would be printed (DMAKIT_LOG). */
bool printk_level_enabled(int level);

#ifndef pr_fmt
#define pr_fmt(fmt) fmt
#endif

#define pr_emerg(fmt, ...)	printk(KERN_EMERG pr_fmt(fmt), ##__VA_ARGS__)
#define pr_alert(fmt, ...)	printk(KERN_ALERT pr_fmt(fmt), ##__VA_ARGS__)
#define pr_crit(fmt, ...)	printk(KERN_CRIT pr_fmt(fmt), ##__VA_ARGS__)
#define pr_err(fmt, ...)	printk(KERN_ERR pr_fmt(fmt), ##__VA_ARGS__)
#define pr_warn(fmt, ...)	printk(KERN_WARNING pr_fmt(fmt), ##__VA_ARGS__)
#define pr_warning		pr_warn
#define pr_notice(fmt, ...)	printk(KERN_NOTICE pr_fmt(fmt), ##__VA_ARGS__)
#define pr_info(fmt, ...)	printk(KERN_INFO pr_fmt(fmt), ##__VA_ARGS__)
#define pr_cont(fmt, ...)	printk(KERN_CONT fmt, ##__VA_ARGS__)
/*
 * Nonzero when a KERN_DEBUG message could go anywhere (DMAKIT_LOG=debug,
 * a log hook, or not decided yet): the static key of dynamic debug, so a
 * disabled pr_debug()/dev_dbg() on a hot path costs one load.
 */
extern int __dmakit_debug_on;
#define dmakit_debug_on()	unlikely(__atomic_load_n(&__dmakit_debug_on, \
							 __ATOMIC_RELAXED))

/* pr_debug behaves like dynamic debug: printed when DMAKIT_LOG=debug. */
#define pr_debug(fmt, ...) do {						\
	if (dmakit_debug_on())						\
		printk(KERN_DEBUG pr_fmt(fmt), ##__VA_ARGS__);		\
} while (0)
#define pr_devel(fmt, ...)	pr_debug(fmt, ##__VA_ARGS__)

#define printk_once(fmt, ...) ({				\
	static bool __print_once;				\
	if (!__atomic_exchange_n(&__print_once, true, __ATOMIC_RELAXED)) \
		printk(fmt, ##__VA_ARGS__);			\
	})
#define pr_err_once(fmt, ...)	printk_once(KERN_ERR pr_fmt(fmt), ##__VA_ARGS__)
#define pr_warn_once(fmt, ...)	printk_once(KERN_WARNING pr_fmt(fmt), ##__VA_ARGS__)
#define pr_info_once(fmt, ...)	printk_once(KERN_INFO pr_fmt(fmt), ##__VA_ARGS__)
#define pr_err_ratelimited	pr_err
#define pr_warn_ratelimited	pr_warn
#define pr_info_ratelimited	pr_info
#define pr_debug_ratelimited	pr_debug

#define DUMP_PREFIX_NONE	0
#define DUMP_PREFIX_ADDRESS	1
#define DUMP_PREFIX_OFFSET	2
void print_hex_dump(const char *level, const char *prefix_str, int prefix_type,
		    int rowsize, int groupsize, const void *buf, size_t len,
		    bool ascii);

#endif
