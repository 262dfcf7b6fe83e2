// SPDX-License-Identifier: GPL-2.0
/*
 * Timers: a list sorted by expiry, run by one timer thread in softirq
 * context.  del_timer_sync() waits for a running callback to finish.
 */
#include <pthread.h>
#include <linux/delay.h>
#include <linux/kthread.h>
#include <linux/timer.h>
#include "internal.h"

static DEFINE_SPINLOCK(timer_lock);
static LIST_HEAD(timer_list_head);
static struct timer_list *running_timer;
static struct task_struct *timer_thread;
static pthread_mutex_t start_lock = PTHREAD_MUTEX_INITIALIZER;

void timer_setup(struct timer_list *timer, void (*func)(struct timer_list *),
		 unsigned int flags)
{
	INIT_LIST_HEAD(&timer->entry);
	timer->function = func;
	timer->flags = flags;
	timer->expires = 0;
	timer->pending = false;
}

static int timer_thread_fn(void *unused)
{
	(void)unused;
	while (!kthread_should_stop()) {
		struct timer_list *t;
		long wait = MAX_SCHEDULE_TIMEOUT;

		spin_lock(&timer_lock);
		t = list_first_entry_or_null(&timer_list_head, struct timer_list,
					     entry);
		if (t && time_after_eq(jiffies, t->expires)) {
			list_del_init(&t->entry);
			WRITE_ONCE(t->pending, false);
			running_timer = t;
			spin_unlock(&timer_lock);
			__dmakit_ctx.softirq++;
			t->function(t);
			__dmakit_ctx.softirq--;
			spin_lock(&timer_lock);
			running_timer = NULL;
			spin_unlock(&timer_lock);
			continue;
		}
		if (t)
			wait = (long)(t->expires - jiffies) + 1;
		set_current_state(TASK_INTERRUPTIBLE);
		spin_unlock(&timer_lock);
		if (!kthread_should_stop())
			schedule_timeout(wait);
		__set_current_state(TASK_RUNNING);
	}
	return 0;
}

static void timer_start(void)
{
	pthread_mutex_lock(&start_lock);
	if (!timer_thread) {
		struct task_struct *t = dmakit_kthread_create(timer_thread_fn,
							      NULL, "ktimerd");

		BUG_ON(IS_ERR(t));
		wake_up_process(t);
		__atomic_store_n(&timer_thread, t, __ATOMIC_RELEASE);
	}
	pthread_mutex_unlock(&start_lock);
}

void dmakit_timer_stop(void)
{
	pthread_mutex_lock(&start_lock);
	if (timer_thread) {
		kthread_stop(timer_thread);
		timer_thread = NULL;
	}
	pthread_mutex_unlock(&start_lock);
}

static void timer_insert(struct timer_list *timer)
{
	struct timer_list *pos;

	list_for_each_entry(pos, &timer_list_head, entry)
		if (time_before(timer->expires, pos->expires))
			break;
	list_add_tail(&timer->entry, &pos->entry);
	WRITE_ONCE(timer->pending, true);
}

int mod_timer(struct timer_list *timer, unsigned long expires)
{
	struct task_struct *thr;
	int was_pending;

	if (!__atomic_load_n(&timer_thread, __ATOMIC_ACQUIRE))
		timer_start();
	spin_lock(&timer_lock);
	was_pending = timer->pending;
	if (was_pending)
		list_del_init(&timer->entry);
	timer->expires = expires;
	timer_insert(timer);
	thr = timer_thread;
	spin_unlock(&timer_lock);
	wake_up_process(thr);
	return was_pending;
}

void add_timer(struct timer_list *timer)
{
	BUG_ON(timer_pending(timer));
	mod_timer(timer, timer->expires);
}

int del_timer(struct timer_list *timer)
{
	int was_pending;

	spin_lock(&timer_lock);
	was_pending = timer->pending;
	if (was_pending) {
		list_del_init(&timer->entry);
		WRITE_ONCE(timer->pending, false);
	}
	spin_unlock(&timer_lock);
	return was_pending;
}

int del_timer_sync(struct timer_list *timer)
{
	int ret = del_timer(timer);

	for (;;) {
		bool running;

		spin_lock(&timer_lock);
		running = running_timer == timer;
		spin_unlock(&timer_lock);
		if (!running)
			break;
		usleep_range(10, 20);
	}
	return ret;
}
