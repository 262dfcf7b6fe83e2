/* SPDX-License-Identifier: GPL-2.0 */
/* Timers: callbacks run on the timer thread in softirq context. */
#ifndef _DMAKIT_LINUX_TIMER_H
#define _DMAKIT_LINUX_TIMER_H

#include <linux/jiffies.h>

struct timer_list {
	struct list_head entry;
	unsigned long expires;
	void (*function)(struct timer_list *);
	u32 flags;
	bool pending;
};

#define TIMER_DEFERRABLE	0x00080000
#define TIMER_PINNED		0x00100000
#define TIMER_IRQSAFE		0x00200000

#define from_timer(var, callback_timer, timer_fieldname) \
	container_of(callback_timer, typeof(*var), timer_fieldname)

void timer_setup(struct timer_list *timer,
		 void (*func)(struct timer_list *), unsigned int flags);
void add_timer(struct timer_list *timer);
int mod_timer(struct timer_list *timer, unsigned long expires);
int del_timer(struct timer_list *timer);
int del_timer_sync(struct timer_list *timer);
#define timer_delete(t)		del_timer(t)
#define timer_delete_sync(t)	del_timer_sync(t)
#define timer_shutdown_sync(t)	del_timer_sync(t)

static inline int timer_pending(const struct timer_list *timer)
{
	return READ_ONCE(timer->pending);
}

#endif
