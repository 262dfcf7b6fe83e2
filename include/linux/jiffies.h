/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _DMAKIT_LINUX_JIFFIES_H
#define _DMAKIT_LINUX_JIFFIES_H

#include <dmakit/kernel.h>

/* One jiffy is one millisecond of CLOCK_MONOTONIC since start-up. */
#define HZ 1000
#define MAX_JIFFY_OFFSET ((LONG_MAX >> 1) - 1)
#define LONG_MAX_JIFFY ((long)(~0UL >> 1))

unsigned long dmakit_jiffies(void);
#define jiffies dmakit_jiffies()
#define jiffies_64 ((u64)dmakit_jiffies())
#define get_jiffies_64() ((u64)dmakit_jiffies())
#define INITIAL_JIFFIES 0

#define time_after(a, b)	((long)((b) - (a)) < 0)
#define time_before(a, b)	time_after(b, a)
#define time_after_eq(a, b)	((long)((a) - (b)) >= 0)
#define time_before_eq(a, b)	time_after_eq(b, a)
#define time_is_before_jiffies(a) time_after(jiffies, a)
#define time_is_after_jiffies(a) time_before(jiffies, a)

static inline unsigned long msecs_to_jiffies(const unsigned int m)
{
	return m;
}

static inline unsigned long usecs_to_jiffies(const unsigned int u)
{
	return (u + 999) / 1000;
}

static inline unsigned long nsecs_to_jiffies(u64 n)
{
	return (unsigned long)((n + 999999) / 1000000);
}

static inline unsigned int jiffies_to_msecs(const unsigned long j)
{
	return (unsigned int)j;
}

static inline unsigned int jiffies_to_usecs(const unsigned long j)
{
	return (unsigned int)(j * 1000);
}

#endif
