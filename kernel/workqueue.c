// SPDX-License-Identifier: GPL-2.0
/*
 * Workqueues: each queue has up to max_active worker threads, started on
 * first use.  A work item is never run by two workers at once; it may be
 * queued again while it runs (PENDING is cleared before the call).
 */
#include <pthread.h>
#include <stdlib.h>
#include <linux/kthread.h>
#include <linux/slab.h>
#include <linux/workqueue.h>
#include "internal.h"

#define WQ_NAME_LEN 24

struct worker {
	struct task_struct *task;
	struct work_struct *current_work;
	struct workqueue_struct *wq;
};

struct workqueue_struct {
	char name[WQ_NAME_LEN];
	unsigned int flags;
	int max_active;
	spinlock_t lock;
	struct list_head works;
	struct worker *workers;
	int nr_workers;
	bool started;
	struct wait_queue_head more_work;
	struct wait_queue_head work_done;
	struct list_head list;
};

static LIST_HEAD(all_wqs);
static pthread_mutex_t wq_list_lock = PTHREAD_MUTEX_INITIALIZER;
struct workqueue_struct *system_wq;
struct workqueue_struct *system_highpri_wq;
struct workqueue_struct *system_long_wq;
struct workqueue_struct *system_unbound_wq;

static bool work_running_locked(struct workqueue_struct *wq,
				struct work_struct *work)
{
	int i;

	for (i = 0; i < wq->nr_workers; i++)
		if (wq->workers[i].current_work == work)
			return true;
	return false;
}

static struct work_struct *next_runnable(struct workqueue_struct *wq)
{
	struct work_struct *w;

	list_for_each_entry(w, &wq->works, entry)
		if (!work_running_locked(wq, w))
			return w;
	return NULL;
}

static int worker_thread(void *data)
{
	struct worker *worker = data;
	struct workqueue_struct *wq = worker->wq;

	for (;;) {
		struct work_struct *work;

		spin_lock_irq(&wq->lock);
		wait_event_lock_irq(wq->more_work,
				    next_runnable(wq) || kthread_should_stop(),
				    wq->lock);
		work = next_runnable(wq);
		if (!work) {
			spin_unlock_irq(&wq->lock);
			break;
		}
		list_del_init(&work->entry);
		clear_bit(WORK_STRUCT_PENDING_BIT, &work->data);
		worker->current_work = work;
		spin_unlock_irq(&wq->lock);

		work->func(work);

		spin_lock_irq(&wq->lock);
		worker->current_work = NULL;
		spin_unlock_irq(&wq->lock);
		wake_up_all(&wq->work_done);
		wake_up(&wq->more_work);
	}
	return 0;
}

static void wq_start(struct workqueue_struct *wq)
{
	int i;

	pthread_mutex_lock(&wq_list_lock);
	if (wq->started)
		goto out;
	wq->workers = calloc(wq->max_active, sizeof(*wq->workers));
	BUG_ON(!wq->workers);
	for (i = 0; i < wq->max_active; i++) {
		struct worker *w = &wq->workers[i];
		char name[TASK_COMM_LEN];

		snprintf(name, sizeof(name), "kworker/%d:%s", i, wq->name);
		w->wq = wq;
		w->task = dmakit_kthread_create(worker_thread, w, name);
		BUG_ON(IS_ERR(w->task));
	}
	wq->nr_workers = wq->max_active;
	for (i = 0; i < wq->max_active; i++)
		wake_up_process(wq->workers[i].task);
	__atomic_store_n(&wq->started, true, __ATOMIC_RELEASE);
out:
	pthread_mutex_unlock(&wq_list_lock);
}

static void wq_stop(struct workqueue_struct *wq)
{
	int i;

	if (!wq->started)
		return;
	drain_workqueue(wq);
	for (i = 0; i < wq->nr_workers; i++) {
		struct task_struct *t = wq->workers[i].task;

		/* The worker checks should_stop only after being woken. */
		kthread_stop(t);
	}
	free(wq->workers);
	wq->workers = NULL;
	wq->nr_workers = 0;
	wq->started = false;
}

struct workqueue_struct *alloc_workqueue(const char *fmt, unsigned int flags,
					 int max_active, ...)
{
	struct workqueue_struct *wq = kzalloc(sizeof(*wq), GFP_KERNEL);
	va_list args;

	if (!wq)
		return NULL;
	va_start(args, max_active);
	vsnprintf(wq->name, sizeof(wq->name), fmt, args);
	va_end(args);
	wq->flags = flags;
	if (max_active <= 0)
		max_active = (flags & __WQ_ORDERED) ? 1 : (int)nr_cpu_ids;
	wq->max_active = min(max_active, 8);
	spin_lock_init(&wq->lock);
	INIT_LIST_HEAD(&wq->works);
	init_waitqueue_head(&wq->more_work);
	init_waitqueue_head(&wq->work_done);
	pthread_mutex_lock(&wq_list_lock);
	list_add_tail(&wq->list, &all_wqs);
	pthread_mutex_unlock(&wq_list_lock);
	return wq;
}

void destroy_workqueue(struct workqueue_struct *wq)
{
	if (!wq)
		return;
	wq_stop(wq);
	pthread_mutex_lock(&wq_list_lock);
	list_del(&wq->list);
	pthread_mutex_unlock(&wq_list_lock);
	kfree(wq);
}

bool queue_work(struct workqueue_struct *wq, struct work_struct *work)
{
	unsigned long flags;

	if (test_and_set_bit(WORK_STRUCT_PENDING_BIT, &work->data))
		return false;
	if (!__atomic_load_n(&wq->started, __ATOMIC_ACQUIRE))
		wq_start(wq);
	spin_lock_irqsave(&wq->lock, flags);
	work->wq = wq;
	list_add_tail(&work->entry, &wq->works);
	spin_unlock_irqrestore(&wq->lock, flags);
	wake_up(&wq->more_work);
	return true;
}

static bool work_busy_on(struct workqueue_struct *wq, struct work_struct *work)
{
	unsigned long flags;
	bool busy;

	spin_lock_irqsave(&wq->lock, flags);
	busy = work_pending(work) || work_running_locked(wq, work);
	spin_unlock_irqrestore(&wq->lock, flags);
	return busy;
}

bool flush_work(struct work_struct *work)
{
	struct workqueue_struct *wq = READ_ONCE(work->wq);
	bool waited = false;

	might_sleep();
	if (!wq)
		return false;
	while (work_busy_on(wq, work)) {
		waited = true;
		wait_event_timeout(wq->work_done, !work_busy_on(wq, work), 10);
	}
	return waited;
}

bool cancel_work(struct work_struct *work)
{
	struct workqueue_struct *wq = READ_ONCE(work->wq);
	unsigned long flags;
	bool was_pending = false;

	if (!wq)
		return false;
	spin_lock_irqsave(&wq->lock, flags);
	if (work_pending(work) && !list_empty(&work->entry)) {
		list_del_init(&work->entry);
		clear_bit(WORK_STRUCT_PENDING_BIT, &work->data);
		was_pending = true;
	}
	spin_unlock_irqrestore(&wq->lock, flags);
	return was_pending;
}

bool cancel_work_sync(struct work_struct *work)
{
	bool ret = cancel_work(work);

	flush_work(work);
	return ret;
}

void flush_workqueue(struct workqueue_struct *wq)
{
	might_sleep();
	for (;;) {
		unsigned long flags;
		bool idle;
		int i;

		spin_lock_irqsave(&wq->lock, flags);
		idle = list_empty(&wq->works);
		for (i = 0; i < wq->nr_workers; i++)
			if (wq->workers[i].current_work)
				idle = false;
		spin_unlock_irqrestore(&wq->lock, flags);
		if (idle)
			return;
		wait_event_timeout(wq->work_done, false, 1);
	}
}

void drain_workqueue(struct workqueue_struct *wq)
{
	flush_workqueue(wq);
}

void delayed_work_timer_fn(struct timer_list *t)
{
	struct delayed_work *dwork = from_timer(dwork, t, timer);

	/* PENDING is already set: put the work on the queue directly. */
	clear_bit(WORK_STRUCT_PENDING_BIT, &dwork->work.data);
	queue_work(dwork->wq, &dwork->work);
}

bool queue_delayed_work(struct workqueue_struct *wq, struct delayed_work *dwork,
			unsigned long delay)
{
	if (test_and_set_bit(WORK_STRUCT_PENDING_BIT, &dwork->work.data))
		return false;
	dwork->wq = wq;
	dwork->work.wq = wq;
	if (!delay) {
		clear_bit(WORK_STRUCT_PENDING_BIT, &dwork->work.data);
		return queue_work(wq, &dwork->work);
	}
	mod_timer(&dwork->timer, jiffies + delay);
	return true;
}

bool cancel_delayed_work(struct delayed_work *dwork)
{
	bool ret = del_timer(&dwork->timer);

	if (ret)
		clear_bit(WORK_STRUCT_PENDING_BIT, &dwork->work.data);
	return cancel_work(&dwork->work) || ret;
}

bool cancel_delayed_work_sync(struct delayed_work *dwork)
{
	bool ret = del_timer_sync(&dwork->timer);

	if (ret)
		clear_bit(WORK_STRUCT_PENDING_BIT, &dwork->work.data);
	return cancel_work_sync(&dwork->work) || ret;
}

bool mod_delayed_work(struct workqueue_struct *wq, struct delayed_work *dwork,
		      unsigned long delay)
{
	bool ret = cancel_delayed_work(dwork);

	queue_delayed_work(wq, dwork, delay);
	return ret;
}

bool flush_delayed_work(struct delayed_work *dwork)
{
	if (del_timer_sync(&dwork->timer)) {
		clear_bit(WORK_STRUCT_PENDING_BIT, &dwork->work.data);
		queue_work(dwork->wq, &dwork->work);
	}
	return flush_work(&dwork->work);
}

__attribute__((constructor)) static void workqueue_init(void)
{
	system_wq = alloc_workqueue("events", 0, 0);
	system_highpri_wq = alloc_workqueue("events_highpri", WQ_HIGHPRI, 0);
	system_long_wq = alloc_workqueue("events_long", 0, 0);
	system_unbound_wq = alloc_workqueue("events_unbound", WQ_UNBOUND, 0);
}

void dmakit_workqueue_stop(void)
{
	struct workqueue_struct *wq;

	pthread_mutex_lock(&wq_list_lock);
	list_for_each_entry(wq, &all_wqs, list) {
		pthread_mutex_unlock(&wq_list_lock);
		wq_stop(wq);
		pthread_mutex_lock(&wq_list_lock);
	}
	pthread_mutex_unlock(&wq_list_lock);
}

__attribute__((destructor)) static void workqueue_exit(void)
{
	struct workqueue_struct *wqs[] = { system_wq, system_highpri_wq,
					   system_long_wq, system_unbound_wq };
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(wqs); i++)
		destroy_workqueue(wqs[i]);
}
