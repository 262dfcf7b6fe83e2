/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _DMAKIT_LINUX_DELAY_H
#define _DMAKIT_LINUX_DELAY_H

#include <linux/ktime.h>

/* Busy-wait delays (callable in atomic context, like the kernel's). */
void ndelay(unsigned long nsecs);
void udelay(unsigned long usecs);
void mdelay(unsigned long msecs);

/* Sleeping delays. */
void msleep(unsigned int msecs);
unsigned long msleep_interruptible(unsigned int msecs);
void usleep_range(unsigned long min, unsigned long max);
#define usleep_range_idle usleep_range
static inline void ssleep(unsigned int seconds)
{
	msleep(seconds * 1000);
}

static inline void fsleep(unsigned long usecs)
{
	if (usecs <= 10)
		udelay(usecs);
	else if (usecs <= 20000)
		usleep_range(usecs, 2 * usecs);
	else
		msleep(DIV_ROUND_UP(usecs, 1000));
}

#endif
