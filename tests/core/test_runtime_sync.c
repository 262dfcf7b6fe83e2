// SPDX-License-Identifier: GPL-2.0
/*
 * The hosted kernel runtime's synchronisation and deferred-work
 * primitives, checked against the kernel's documented semantics:
 * spinlocks and mutexes exclude, completions count (complete) or latch
 * (complete_all) and time out with 0, wait_event_timeout returns what
 * the kernel's does, a tasklet never runs concurrently with itself and
 * tasklet_kill waits, workqueues flush and cancel, timers can be moved
 * and deleted synchronously, kthread_stop returns the thread's value,
 * and the IDA hands out the lowest free id.
 */
#include <linux/atomic.h>
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/idr.h>
#include <linux/interrupt.h>
#include <linux/kthread.h>
#include <linux/mutex.h>
#include <linux/spinlock.h>
#include <linux/timer.h>
#include <linux/workqueue.h>
#include <dmakit/board.h>

#include "helpers.h"

#define NR_THREADS	4

/* ---- spinlock and mutex exclusion ------------------------------------ */

struct excl_ctx {
	spinlock_t lock;
	struct mutex mutex;
	struct completion go;
	unsigned long counter;		/* plain: protected by the lock */
	int inside;			/* plain: who is inside */
	atomic_t overlaps;
	atomic_t started;
	unsigned int iters;
	bool use_mutex;
};

static int excl_thread(void *data)
{
	struct excl_ctx *x = data;
	unsigned int i;

	atomic_inc(&x->started);
	wait_for_completion(&x->go);
	for (i = 0; i < x->iters; i++) {
		if (x->use_mutex)
			mutex_lock(&x->mutex);
		else
			spin_lock(&x->lock);
		if (x->inside)
			atomic_inc(&x->overlaps);
		x->inside = 1;
		/* a non-atomic read-modify-write with a window */
		{
			unsigned long v = x->counter;

			if ((i & 63) == 0)
				cpu_relax();
			x->counter = v + 1;
		}
		x->inside = 0;
		if (x->use_mutex)
			mutex_unlock(&x->mutex);
		else
			spin_unlock(&x->lock);
	}
	while (!kthread_should_stop())
		msleep(1);
	return (int)i;
}

static int run_exclusion(bool use_mutex, unsigned int iters)
{
	struct task_struct *t[NR_THREADS];
	struct excl_ctx x;
	int i;

	memset(&x, 0, sizeof(x));
	spin_lock_init(&x.lock);
	mutex_init(&x.mutex);
	init_completion(&x.go);
	atomic_set(&x.overlaps, 0);
	atomic_set(&x.started, 0);
	x.iters = iters;
	x.use_mutex = use_mutex;
	for (i = 0; i < NR_THREADS; i++) {
		t[i] = kthread_run(excl_thread, &x, "excl/%d", i);
		ASSERT_FALSE(IS_ERR(t[i]));
	}
	/*
	 * As in the kernel, kthread_stop() on a thread that has not run yet
	 * returns -EINTR without calling threadfn: let them all start.
	 */
	while (atomic_read(&x.started) < NR_THREADS)
		msleep(1);
	complete_all(&x.go);		/* release every thread at once */
	for (i = 0; i < NR_THREADS; i++)
		ASSERT_EQ(kthread_stop(t[i]), iters);
	ASSERT_EQ(atomic_read(&x.overlaps), 0);
	ASSERT_EQ(x.counter, (unsigned long)NR_THREADS * iters);
	ASSERT_FALSE(mutex_is_locked(&x.mutex));
	return 0;
}

static int test_spinlock_exclusion(void)
{
	return run_exclusion(false, 100000);
}

static int test_mutex_exclusion(void)
{
	return run_exclusion(true, 20000);
}

static int test_trylock(void)
{
	DEFINE_SPINLOCK(s);
	DEFINE_MUTEX(m);

	ASSERT_TRUE(spin_trylock(&s));
	ASSERT_FALSE(spin_trylock(&s));
	spin_unlock(&s);
	ASSERT_TRUE(mutex_trylock(&m));
	ASSERT_TRUE(mutex_is_locked(&m));
	ASSERT_FALSE(mutex_trylock(&m));
	mutex_unlock(&m);
	ASSERT_FALSE(mutex_is_locked(&m));
	return 0;
}

/* ---- completions -------------------------------------------------------- */

struct waiter_ctx {
	struct completion *c;
	atomic_t *woken;
};

static int waiter_thread(void *data)
{
	struct waiter_ctx *w = data;

	wait_for_completion(w->c);
	atomic_inc(w->woken);
	while (!kthread_should_stop())
		msleep(1);
	return 0;
}

static int wait_atomic_at_least(atomic_t *a, int v, unsigned int ms)
{
	while (atomic_read(a) < v && ms--)
		msleep(1);
	return atomic_read(a) >= v;
}

static int test_completion(void)
{
	struct task_struct *t[3];
	struct waiter_ctx w;
	struct completion c;
	atomic_t woken;
	int i;

	init_completion(&c);
	ASSERT_FALSE(completion_done(&c));
	ASSERT_FALSE(try_wait_for_completion(&c));
	/* Nothing completes it: times out with 0. */
	ASSERT_EQ(wait_for_completion_timeout(&c, msecs_to_jiffies(20)), 0);

	/* complete() is counted: one wait each. */
	complete(&c);
	complete(&c);
	ASSERT_TRUE(completion_done(&c));
	ASSERT_GT(wait_for_completion_timeout(&c, msecs_to_jiffies(1000)), 0);
	ASSERT_TRUE(try_wait_for_completion(&c));
	ASSERT_FALSE(try_wait_for_completion(&c));
	ASSERT_EQ(wait_for_completion_timeout(&c, 1), 0);

	/* complete_all() wakes every waiter and stays done. */
	atomic_set(&woken, 0);
	w.c = &c;
	w.woken = &woken;
	for (i = 0; i < 3; i++) {
		t[i] = kthread_run(waiter_thread, &w, "waiter/%d", i);
		ASSERT_FALSE(IS_ERR(t[i]));
	}
	msleep(20);
	ASSERT_EQ(atomic_read(&woken), 0);
	complete_all(&c);
	ASSERT_TRUE(wait_atomic_at_least(&woken, 3, 10000));
	for (i = 0; i < 3; i++)
		ASSERT_EQ(kthread_stop(t[i]), 0);
	ASSERT_TRUE(completion_done(&c));
	ASSERT_GT(wait_for_completion_timeout(&c, 1), 0);
	wait_for_completion(&c);
	ASSERT_TRUE(try_wait_for_completion(&c));

	/* reinit_completion() makes it pending again. */
	reinit_completion(&c);
	ASSERT_FALSE(completion_done(&c));
	ASSERT_EQ(wait_for_completion_timeout(&c, 1), 0);
	return 0;
}

/* ---- wait_event_timeout --------------------------------------------- */

static DECLARE_WAIT_QUEUE_HEAD(wq_head);
static int wq_cond;

static int setter_thread(void *data)
{
	msleep(10);
	WRITE_ONCE(wq_cond, 1);
	wake_up(&wq_head);
	while (!kthread_should_stop())
		msleep(1);
	return 0;
}

static int test_wait_event_timeout(void)
{
	struct task_struct *t;
	long ret;

	/* Condition already true: the whole timeout is returned. */
	wq_cond = 1;
	ret = wait_event_timeout(wq_head, READ_ONCE(wq_cond), 500);
	ASSERT_EQ(ret, 500);
	/* Never true: 0 once the timeout elapsed. */
	wq_cond = 0;
	ret = wait_event_timeout(wq_head, READ_ONCE(wq_cond),
				 msecs_to_jiffies(20));
	ASSERT_EQ(ret, 0);
	/* Becomes true while waiting: the remaining jiffies, at least 1. */
	t = kthread_run(setter_thread, NULL, "setter");
	ASSERT_FALSE(IS_ERR(t));
	ret = wait_event_timeout(wq_head, READ_ONCE(wq_cond),
				 msecs_to_jiffies(20000));
	ASSERT_GE(ret, 1);
	ASSERT_LE(ret, msecs_to_jiffies(20000));
	ASSERT_EQ(READ_ONCE(wq_cond), 1);
	ASSERT_EQ(kthread_stop(t), 0);
	return 0;
}

/* ---- tasklets ------------------------------------------------------------ */

struct tl_ctx {
	struct tasklet_struct t;
	atomic_t running;
	atomic_t overlaps;
	atomic_t runs;
	atomic_t started;
	atomic_t finished;
	atomic_t not_softirq;
	atomic_t thr_started;
	unsigned int delay_us;
	struct completion go;
};

static void tl_func(struct tasklet_struct *t)
{
	struct tl_ctx *c = from_tasklet(c, t, t);

	if (!in_softirq() || in_irq())
		atomic_inc(&c->not_softirq);
	if (atomic_inc_return(&c->running) != 1)
		atomic_inc(&c->overlaps);
	atomic_inc(&c->started);
	if (c->delay_us)
		udelay(c->delay_us);
	atomic_inc(&c->runs);
	atomic_dec(&c->running);
	atomic_inc(&c->finished);
}

static int tl_sched_thread(void *data)
{
	struct tl_ctx *c = data;
	int i;

	atomic_inc(&c->thr_started);
	wait_for_completion(&c->go);
	for (i = 0; i < 2000; i++) {
		tasklet_schedule(&c->t);
		if ((i & 15) == 0)
			udelay(20);
	}
	while (!kthread_should_stop())
		msleep(1);
	return 0;
}

static int test_tasklet_not_reentrant(void)
{
	struct task_struct *th[NR_THREADS];
	struct tl_ctx *c = calloc(1, sizeof(*c));
	int i;

	ASSERT_NOT_NULL(c);
	tasklet_setup(&c->t, tl_func);
	init_completion(&c->go);
	c->delay_us = 30;
	for (i = 0; i < NR_THREADS; i++) {
		th[i] = kthread_run(tl_sched_thread, c, "tlsched/%d", i);
		ASSERT_FALSE(IS_ERR(th[i]));
	}
	ASSERT_TRUE(wait_atomic_at_least(&c->thr_started, NR_THREADS, 20000));
	complete_all(&c->go);
	for (i = 0; i < NR_THREADS; i++)
		ASSERT_EQ(kthread_stop(th[i]), 0);
	tasklet_kill(&c->t);
	ASSERT_EQ(atomic_read(&c->overlaps), 0);
	ASSERT_EQ(atomic_read(&c->not_softirq), 0);
	ASSERT_GE(atomic_read(&c->runs), 1);
	/* scheduling while scheduled coalesces: never more runs than calls */
	ASSERT_LE(atomic_read(&c->runs), NR_THREADS * 2000);
	ASSERT_EQ(atomic_read(&c->running), 0);
	free(c);
	return 0;
}

static int test_tasklet_kill_waits(void)
{
	struct tl_ctx *c = calloc(1, sizeof(*c));
	int i;

	ASSERT_NOT_NULL(c);
	tasklet_setup(&c->t, tl_func);
	/* kill while the handler is running: returns after it finished */
	c->delay_us = 50000;
	tasklet_schedule(&c->t);
	for (i = 0; i < 20000 && !atomic_read(&c->started); i++)
		usleep_range(100, 200);
	ASSERT_EQ(atomic_read(&c->started), 1);
	tasklet_kill(&c->t);
	ASSERT_EQ(atomic_read(&c->finished), 1);
	ASSERT_FALSE(test_bit(TASKLET_STATE_SCHED, &c->t.state));

	/* kill right after schedule: the scheduled run has completed */
	c->delay_us = 1000;
	for (i = 0; i < 50; i++) {
		tasklet_schedule(&c->t);
		tasklet_kill(&c->t);
		ASSERT_EQ(atomic_read(&c->finished), 2 + i);
		ASSERT_EQ(atomic_read(&c->running), 0);
	}
	ASSERT_EQ(atomic_read(&c->overlaps), 0);
	free(c);
	return 0;
}

static int test_tasklet_disable(void)
{
	struct tl_ctx *c = calloc(1, sizeof(*c));

	ASSERT_NOT_NULL(c);
	tasklet_setup(&c->t, tl_func);
	tasklet_disable(&c->t);
	tasklet_schedule(&c->t);
	msleep(30);
	ASSERT_EQ(atomic_read(&c->runs), 0);	/* disabled: not run */
	tasklet_enable(&c->t);
	tasklet_kill(&c->t);
	ASSERT_EQ(atomic_read(&c->runs), 1);	/* runs once enabled */
	free(c);
	return 0;
}

/* ---- workqueues ---------------------------------------------------------- */

struct wk_ctx {
	struct work_struct work;
	atomic_t *count;
	struct completion *block;	/* wait on it if set */
	struct completion started;
	unsigned int sleep_ms;
};

static void wk_func(struct work_struct *w)
{
	struct wk_ctx *c = container_of(w, struct wk_ctx, work);

	complete(&c->started);
	if (c->block)
		wait_for_completion(c->block);
	if (c->sleep_ms)
		msleep(c->sleep_ms);
	atomic_inc(c->count);
}

static void wk_init(struct wk_ctx *c, atomic_t *count)
{
	memset(c, 0, sizeof(*c));
	INIT_WORK(&c->work, wk_func);
	init_completion(&c->started);
	c->count = count;
}

static int test_workqueue_flush_cancel(void)
{
	struct workqueue_struct *wq;
	struct wk_ctx w[8], blocker, victim;
	struct completion release;
	atomic_t count, vcount;
	int i;

	atomic_set(&count, 0);
	atomic_set(&vcount, 0);
	wq = alloc_workqueue("t-wq", 0, 0);
	ASSERT_NOT_NULL(wq);
	for (i = 0; i < 8; i++) {
		wk_init(&w[i], &count);
		w[i].sleep_ms = 5;
		ASSERT_TRUE(queue_work(wq, &w[i].work));
	}
	flush_workqueue(wq);
	ASSERT_EQ(atomic_read(&count), 8);
	destroy_workqueue(wq);

	/* An ordered queue: the second work stays pending behind the first. */
	wq = alloc_ordered_workqueue("t-ord", 0);
	ASSERT_NOT_NULL(wq);
	init_completion(&release);
	atomic_set(&count, 0);
	wk_init(&blocker, &count);
	blocker.block = &release;
	wk_init(&victim, &vcount);
	ASSERT_TRUE(queue_work(wq, &blocker.work));
	ASSERT_TRUE(queue_work(wq, &victim.work));
	ASSERT_FALSE(queue_work(wq, &victim.work));	/* already pending */
	wait_for_completion(&blocker.started);
	ASSERT_TRUE(work_pending(&victim.work));
	ASSERT_TRUE(cancel_work_sync(&victim.work));	/* was pending */
	ASSERT_FALSE(work_pending(&victim.work));
	ASSERT_FALSE(cancel_work_sync(&victim.work));	/* nothing left */
	complete(&release);
	flush_work(&blocker.work);
	ASSERT_EQ(atomic_read(&count), 1);
	flush_workqueue(wq);
	ASSERT_EQ(atomic_read(&vcount), 0);		/* never ran */

	/* flush_work waits for a running work. */
	wk_init(&w[0], &count);
	w[0].sleep_ms = 50;
	ASSERT_TRUE(queue_work(wq, &w[0].work));
	wait_for_completion(&w[0].started);
	flush_work(&w[0].work);
	ASSERT_EQ(atomic_read(&count), 2);

	/* cancel_work_sync on a running work waits for it to finish. */
	wk_init(&w[1], &count);
	w[1].sleep_ms = 50;
	ASSERT_TRUE(queue_work(wq, &w[1].work));
	wait_for_completion(&w[1].started);
	cancel_work_sync(&w[1].work);
	ASSERT_EQ(atomic_read(&count), 3);
	destroy_workqueue(wq);
	return 0;
}

struct dw_ctx {
	struct delayed_work dw;
	atomic_t runs;
};

static void dw_func(struct work_struct *w)
{
	struct dw_ctx *c = container_of(to_delayed_work(w), struct dw_ctx, dw);

	atomic_inc(&c->runs);
}

static int test_delayed_work(void)
{
	struct dw_ctx c;

	atomic_set(&c.runs, 0);
	INIT_DELAYED_WORK(&c.dw, dw_func);
	ASSERT_TRUE(schedule_delayed_work(&c.dw, msecs_to_jiffies(10000)));
	ASSERT_TRUE(delayed_work_pending(&c.dw));
	ASSERT_TRUE(cancel_delayed_work_sync(&c.dw));
	ASSERT_FALSE(delayed_work_pending(&c.dw));
	msleep(20);
	ASSERT_EQ(atomic_read(&c.runs), 0);

	ASSERT_TRUE(schedule_delayed_work(&c.dw, msecs_to_jiffies(10000)));
	/* flush_delayed_work runs it now instead of waiting 10 s */
	flush_delayed_work(&c.dw);
	ASSERT_EQ(atomic_read(&c.runs), 1);

	ASSERT_TRUE(schedule_delayed_work(&c.dw, msecs_to_jiffies(10000)));
	mod_delayed_work(system_wq, &c.dw, 1);
	ASSERT_TRUE(wait_atomic_at_least(&c.runs, 2, 10000));
	ASSERT_FALSE(cancel_delayed_work_sync(&c.dw));
	return 0;
}

/* ---- timers ---------------------------------------------------------- */

struct tm_ctx {
	struct timer_list timer;
	atomic_t fired;
	atomic_t started;
	atomic_t not_softirq;
	unsigned int delay_us;
};

static void tm_func(struct timer_list *t)
{
	struct tm_ctx *c = from_timer(c, t, timer);

	if (!in_softirq())
		atomic_inc(&c->not_softirq);
	atomic_inc(&c->started);
	if (c->delay_us)
		udelay(c->delay_us);
	atomic_inc(&c->fired);
}

static int test_timers(void)
{
	struct tm_ctx c;
	int i;

	memset(&c, 0, sizeof(c));
	timer_setup(&c.timer, tm_func, 0);
	/* mod_timer: 0 on an inactive timer, 1 on a pending one */
	ASSERT_EQ(mod_timer(&c.timer, jiffies + msecs_to_jiffies(10000)), 0);
	ASSERT_TRUE(timer_pending(&c.timer));
	ASSERT_EQ(mod_timer(&c.timer, jiffies + msecs_to_jiffies(10)), 1);
	ASSERT_TRUE(wait_atomic_at_least(&c.fired, 1, 10000));
	ASSERT_FALSE(timer_pending(&c.timer));
	ASSERT_EQ(atomic_read(&c.not_softirq), 0);

	/* del_timer: 1 if it was pending; it then never fires */
	ASSERT_EQ(mod_timer(&c.timer, jiffies + msecs_to_jiffies(30)), 0);
	ASSERT_EQ(del_timer(&c.timer), 1);
	ASSERT_EQ(del_timer(&c.timer), 0);
	msleep(60);
	ASSERT_EQ(atomic_read(&c.fired), 1);

	/* del_timer_sync waits for a running callback */
	c.delay_us = 50000;
	mod_timer(&c.timer, jiffies + 1);
	for (i = 0; i < 20000 && atomic_read(&c.started) < 2; i++)
		usleep_range(100, 200);
	ASSERT_EQ(atomic_read(&c.started), 2);
	del_timer_sync(&c.timer);
	ASSERT_EQ(atomic_read(&c.fired), 2);
	return 0;
}

/* ---- kthreads ------------------------------------------------------------ */

static int kt_func(void *data)
{
	atomic_t *ran = data;

	atomic_inc(ran);
	while (!kthread_should_stop())
		msleep(1);
	return 42;
}

static int test_kthread_stop(void)
{
	struct task_struct *t;
	atomic_t ran;

	atomic_set(&ran, 0);
	t = kthread_run(kt_func, &ran, "kt-%s", "test");
	ASSERT_FALSE(IS_ERR(t));
	ASSERT_TRUE(wait_atomic_at_least(&ran, 1, 10000));
	ASSERT_EQ(kthread_stop(t), 42);
	ASSERT_FALSE(kthread_should_stop());	/* not a stopping kthread */
	return 0;
}

/* ---- IDA --------------------------------------------------------------- */

static int test_ida(void)
{
	DEFINE_IDA(ida);
	int i;

	ASSERT_TRUE(ida_is_empty(&ida));
	for (i = 0; i < 100; i++)
		ASSERT_EQ(ida_alloc(&ida, GFP_KERNEL), i);
	ASSERT_FALSE(ida_is_empty(&ida));
	ida_free(&ida, 1);
	ida_free(&ida, 50);
	ASSERT_EQ(ida_alloc(&ida, GFP_KERNEL), 1);	/* lowest free */
	ASSERT_EQ(ida_alloc(&ida, GFP_KERNEL), 50);
	ASSERT_EQ(ida_alloc(&ida, GFP_KERNEL), 100);
	ASSERT_EQ(ida_alloc_min(&ida, 1000, GFP_KERNEL), 1000);
	ASSERT_EQ(ida_alloc_range(&ida, 2000, 2001, GFP_KERNEL), 2000);
	ASSERT_EQ(ida_alloc_range(&ida, 2000, 2001, GFP_KERNEL), 2001);
	ASSERT_EQ(ida_alloc_range(&ida, 2000, 2001, GFP_KERNEL), -ENOSPC);
	ASSERT_EQ(ida_alloc_max(&ida, 100, GFP_KERNEL), -ENOSPC);
	ida_free(&ida, 7);
	ASSERT_EQ(ida_alloc_max(&ida, 100, GFP_KERNEL), 7);
	ida_destroy(&ida);
	ASSERT_TRUE(ida_is_empty(&ida));
	ASSERT_EQ(ida_alloc(&ida, GFP_KERNEL), 0);
	ida_destroy(&ida);
	return 0;
}

int main(void)
{
	ASSERT_EQ(dmakit_boot(NULL), 0);
	RUN_TEST(test_trylock);
	RUN_TEST(test_spinlock_exclusion);
	RUN_TEST(test_mutex_exclusion);
	RUN_TEST(test_completion);
	RUN_TEST(test_wait_event_timeout);
	RUN_TEST(test_tasklet_not_reentrant);
	RUN_TEST(test_tasklet_kill_waits);
	RUN_TEST(test_tasklet_disable);
	RUN_TEST(test_workqueue_flush_cancel);
	RUN_TEST(test_delayed_work);
	RUN_TEST(test_timers);
	RUN_TEST(test_kthread_stop);
	RUN_TEST(test_ida);
	dmakit_shutdown();
	return 0;
}
