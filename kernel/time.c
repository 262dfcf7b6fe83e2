// SPDX-License-Identifier: GPL-2.0
/* Jiffies, ktime and delays over CLOCK_MONOTONIC. */
#include <time.h>
#include <linux/delay.h>
#include <linux/ktime.h>
#include "internal.h"

static u64 boot_ns;

static u64 mono_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (u64)ts.tv_sec * NSEC_PER_SEC + ts.tv_nsec;
}

__attribute__((constructor(101))) static void time_init(void)
{
	boot_ns = mono_ns();
}

u64 ktime_get_ns(void)
{
	return mono_ns() - boot_ns;
}

u64 ktime_get_real_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (u64)ts.tv_sec * NSEC_PER_SEC + ts.tv_nsec;
}

unsigned long dmakit_jiffies(void)
{
	return (unsigned long)(ktime_get_ns() / NSEC_PER_MSEC);
}

void ndelay(unsigned long nsecs)
{
	u64 end = mono_ns() + nsecs;

	while (mono_ns() < end)
		cpu_relax();
}

void udelay(unsigned long usecs)
{
	ndelay(usecs * NSEC_PER_USEC);
}

void mdelay(unsigned long msecs)
{
	ndelay(msecs * NSEC_PER_MSEC);
}

static void sleep_ns(u64 ns)
{
	struct timespec ts = dmakit_deadline_ns(ns);

	while (clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &ts, NULL) == EINTR)
		;
}

void msleep(unsigned int msecs)
{
	might_sleep();
	sleep_ns((u64)msecs * NSEC_PER_MSEC);
}

unsigned long msleep_interruptible(unsigned int msecs)
{
	msleep(msecs);
	return 0;
}

void usleep_range(unsigned long min, unsigned long max)
{
	(void)max;
	might_sleep();
	sleep_ns((u64)min * NSEC_PER_USEC);
}
