/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _DMAKIT_LINUX_WORKQUEUE_H
#define _DMAKIT_LINUX_WORKQUEUE_H

#include <linux/timer.h>

struct work_struct;
struct workqueue_struct;
typedef void (*work_func_t)(struct work_struct *work);

struct work_struct {
	unsigned long data;	/* WORK_STRUCT_PENDING bit */
	struct list_head entry;
	work_func_t func;
	struct workqueue_struct *wq;
	unsigned long seq;	/* bumped each time it finishes a run */
};

#define WORK_STRUCT_PENDING_BIT	0

struct delayed_work {
	struct work_struct work;
	struct timer_list timer;
	struct workqueue_struct *wq;
};

#define __WORK_INITIALIZER(n, f) {					\
	.data = 0, .entry = { &(n).entry, &(n).entry }, .func = (f) }
#define DECLARE_WORK(n, f) struct work_struct n = __WORK_INITIALIZER(n, f)

static inline void INIT_WORK(struct work_struct *work, work_func_t func)
{
	work->data = 0;
	INIT_LIST_HEAD(&work->entry);
	work->func = func;
	work->wq = NULL;
	work->seq = 0;
}
#define INIT_WORK_ONSTACK INIT_WORK

void delayed_work_timer_fn(struct timer_list *t);
static inline void INIT_DELAYED_WORK(struct delayed_work *dw, work_func_t func)
{
	INIT_WORK(&dw->work, func);
	timer_setup(&dw->timer, delayed_work_timer_fn, 0);
	dw->wq = NULL;
}
#define INIT_DEFERRABLE_WORK INIT_DELAYED_WORK

static inline struct delayed_work *to_delayed_work(struct work_struct *work)
{
	return container_of(work, struct delayed_work, work);
}

#define work_pending(work) test_bit(WORK_STRUCT_PENDING_BIT, &(work)->data)
#define delayed_work_pending(w) work_pending(&(w)->work)

enum {
	WQ_UNBOUND		= 1 << 1,
	WQ_FREEZABLE		= 1 << 2,
	WQ_MEM_RECLAIM		= 1 << 3,
	WQ_HIGHPRI		= 1 << 4,
	WQ_CPU_INTENSIVE	= 1 << 5,
	WQ_SYSFS		= 1 << 6,
	__WQ_ORDERED		= 1 << 17,
	WQ_MAX_ACTIVE		= 512,
};

__printf(1, 4) struct workqueue_struct *
alloc_workqueue(const char *fmt, unsigned int flags, int max_active, ...);
#define alloc_ordered_workqueue(fmt, flags, args...) \
	alloc_workqueue(fmt, __WQ_ORDERED | WQ_UNBOUND | (flags), 1, ##args)
#define create_workqueue(name) alloc_workqueue("%s", WQ_MEM_RECLAIM, 1, (name))
#define create_singlethread_workqueue(name) \
	alloc_ordered_workqueue("%s", WQ_MEM_RECLAIM, name)
void destroy_workqueue(struct workqueue_struct *wq);
void flush_workqueue(struct workqueue_struct *wq);
void drain_workqueue(struct workqueue_struct *wq);

extern struct workqueue_struct *system_wq;
extern struct workqueue_struct *system_highpri_wq;
extern struct workqueue_struct *system_long_wq;
extern struct workqueue_struct *system_unbound_wq;

bool queue_work(struct workqueue_struct *wq, struct work_struct *work);
#define queue_work_on(cpu, wq, work) queue_work(wq, work)
bool queue_delayed_work(struct workqueue_struct *wq, struct delayed_work *dwork,
			unsigned long delay);
bool mod_delayed_work(struct workqueue_struct *wq, struct delayed_work *dwork,
		      unsigned long delay);
bool flush_work(struct work_struct *work);
bool cancel_work(struct work_struct *work);
bool cancel_work_sync(struct work_struct *work);
bool flush_delayed_work(struct delayed_work *dwork);
bool cancel_delayed_work(struct delayed_work *dwork);
bool cancel_delayed_work_sync(struct delayed_work *dwork);

static inline bool schedule_work(struct work_struct *work)
{
	return queue_work(system_wq, work);
}

static inline bool schedule_delayed_work(struct delayed_work *dwork,
					 unsigned long delay)
{
	return queue_delayed_work(system_wq, dwork, delay);
}

#define flush_scheduled_work() flush_workqueue(system_wq)

#endif
