/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _DMAKIT_LINUX_KTIME_H
#define _DMAKIT_LINUX_KTIME_H

#include <linux/jiffies.h>

typedef s64 ktime_t;

#define NSEC_PER_USEC	1000L
#define NSEC_PER_MSEC	1000000L
#define NSEC_PER_SEC	1000000000L
#define USEC_PER_MSEC	1000L
#define USEC_PER_SEC	1000000L
#define MSEC_PER_SEC	1000L
#define KTIME_MAX	((s64)~((u64)1 << 63))

u64 ktime_get_ns(void);
static inline ktime_t ktime_get(void)
{
	return (ktime_t)ktime_get_ns();
}
#define ktime_get_raw()		ktime_get()
#define ktime_get_mono_fast_ns() ktime_get_ns()
#define ktime_get_boottime()	ktime_get()
u64 ktime_get_real_ns(void);
#define ktime_sub(a, b)		((a) - (b))
#define ktime_add(a, b)		((a) + (b))
#define ktime_add_ns(kt, ns)	((kt) + (ns))
#define ktime_add_us(kt, us)	((kt) + (s64)(us) * NSEC_PER_USEC)
#define ktime_add_ms(kt, ms)	((kt) + (s64)(ms) * NSEC_PER_MSEC)
#define ktime_set(s, ns)	((s64)(s) * NSEC_PER_SEC + (s64)(ns))
#define ns_to_ktime(ns)		((ktime_t)(ns))
#define ms_to_ktime(ms)		((ktime_t)(ms) * NSEC_PER_MSEC)
#define us_to_ktime(us)		((ktime_t)(us) * NSEC_PER_USEC)
#define ktime_to_ns(kt)		((s64)(kt))
#define ktime_to_us(kt)		((s64)(kt) / NSEC_PER_USEC)
#define ktime_to_ms(kt)		((s64)(kt) / NSEC_PER_MSEC)
#define ktime_compare(a, b)	((a) < (b) ? -1 : (a) > (b) ? 1 : 0)
#define ktime_after(a, b)	((a) > (b))
#define ktime_before(a, b)	((a) < (b))
#define ktime_us_delta(later, earlier) ktime_to_us(ktime_sub(later, earlier))
#define ktime_ms_delta(later, earlier) ktime_to_ms(ktime_sub(later, earlier))

#endif
