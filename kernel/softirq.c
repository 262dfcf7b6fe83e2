// SPDX-License-Identifier: GPL-2.0
/*
 * Tasklets on softirq threads, one per CPU like ksoftirqd.
 *
 * tasklet_schedule() queues on the scheduling CPU's thread.  A tasklet
 * runs in softirq context, never on two threads at once (the RUN bit),
 * and is re-queued if it is disabled or already running elsewhere.  An
 * idle thread spins briefly before it sleeps, so a completion followed
 * by another soon after does not pay a wake-up.
 *
 * As in the kernel, a tasklet scheduled with bottom halves disabled
 * (local_bh_disable(), spin_lock_bh()) by a thread that is not itself
 * serving softirqs runs on that thread when it enables them again:
 * __local_bh_enable_ip() runs pending softirqs on the spot.  A driver's
 * completion thread uses that the way a CPU runs softirqs at irq_exit().
 */
#include <pthread.h>
#include <sched.h>
#include <stdlib.h>
#include <linux/delay.h>
#include <linux/interrupt.h>
#include <linux/kthread.h>
#include <linux/ktime.h>
#include "internal.h"

#define SOFTIRQ_SPIN_NS 20000

struct softirq_cpu {
	spinlock_t lock;
	struct tasklet_struct *head, **tail;
	struct task_struct *thread;
	int cpu;
} __aligned(64);

static struct softirq_cpu *cpus;
static unsigned int nr_threads;
static pthread_mutex_t start_lock = PTHREAD_MUTEX_INITIALIZER;
static bool started;

static struct tasklet_struct *softirq_take(struct softirq_cpu *sc)
{
	struct tasklet_struct *list;

	spin_lock(&sc->lock);
	list = sc->head;
	WRITE_ONCE(sc->head, NULL);	/* softirq_idle() reads it unlocked */
	sc->tail = &sc->head;
	spin_unlock(&sc->lock);
	return list;
}

static void softirq_queue(struct softirq_cpu *sc, struct tasklet_struct *t)
{
	t->next = NULL;
	spin_lock(&sc->lock);
	WRITE_ONCE(*sc->tail, t);	/* may be sc->head: see softirq_idle() */
	sc->tail = &t->next;
	spin_unlock(&sc->lock);
	smp_mb();
	if (READ_ONCE(sc->thread->__state) != TASK_RUNNING)
		wake_up_process(sc->thread);
}

/* Run one tasklet; false if it had to be put back. */
static bool tasklet_run_one(struct tasklet_struct *t)
{
	if (test_and_set_bit(TASKLET_STATE_RUN, &t->state))
		return false;
	if (atomic_read(&t->count)) {
		clear_bit_unlock(TASKLET_STATE_RUN, &t->state);
		return false;
	}
	if (!test_and_clear_bit(TASKLET_STATE_SCHED, &t->state))
		BUG();
	__dmakit_ctx.softirq++;
	if (t->use_callback)
		t->callback(t);
	else
		t->func(t->data);
	__dmakit_ctx.softirq--;
	clear_bit_unlock(TASKLET_STATE_RUN, &t->state);
	return true;
}

static bool softirq_run(struct softirq_cpu *sc)
{
	struct tasklet_struct *list = softirq_take(sc), *t;
	bool progress = false;

	while ((t = list)) {
		list = t->next;
		if (tasklet_run_one(t))
			progress = true;
		else
			softirq_queue(sc, t);
	}
	return progress;
}

static bool softirq_idle(struct softirq_cpu *sc)
{
	return READ_ONCE(sc->head) == NULL;
}

static int ksoftirqd(void *data)
{
	struct softirq_cpu *sc = data;

	while (!kthread_should_stop()) {
		u64 spin_until;

		if (softirq_run(sc))
			continue;
		if (!softirq_idle(sc)) {
			/* Only disabled or busy tasklets: don't burn the CPU. */
			usleep_range(50, 100);
			continue;
		}
		spin_until = ktime_get_ns() + SOFTIRQ_SPIN_NS;
		while (softirq_idle(sc) && ktime_get_ns() < spin_until &&
		       !kthread_should_stop())
			cpu_relax();
		set_current_state(TASK_INTERRUPTIBLE);
		if (softirq_idle(sc) && !kthread_should_stop())
			schedule();
		__set_current_state(TASK_RUNNING);
	}
	return 0;
}

static void softirq_start(void)
{
	unsigned int i;

	pthread_mutex_lock(&start_lock);
	if (started)
		goto out;
	nr_threads = nr_cpu_ids;
	cpus = calloc(nr_threads, sizeof(*cpus));
	for (i = 0; i < nr_threads; i++) {
		struct softirq_cpu *sc = &cpus[i];
		char name[TASK_COMM_LEN];

		spin_lock_init(&sc->lock);
		sc->tail = &sc->head;
		sc->cpu = i;
		snprintf(name, sizeof(name), "ksoftirqd/%u", i % 1000);
		sc->thread = dmakit_kthread_create(ksoftirqd, sc, name);
		BUG_ON(IS_ERR(sc->thread));
		wake_up_process(sc->thread);
	}
	__atomic_store_n(&started, true, __ATOMIC_RELEASE);
out:
	pthread_mutex_unlock(&start_lock);
}

void dmakit_softirq_stop(void)
{
	unsigned int i;

	pthread_mutex_lock(&start_lock);
	if (!started)
		goto out;
	for (i = 0; i < nr_threads; i++) {
		/* Drain what is queued before the thread goes. */
		while (!softirq_idle(&cpus[i]))
			usleep_range(100, 200);
		kthread_stop(cpus[i].thread);
	}
	free(cpus);
	cpus = NULL;
	__atomic_store_n(&started, false, __ATOMIC_RELEASE);
out:
	pthread_mutex_unlock(&start_lock);
}

static __thread struct tasklet_struct **bh_tail
	__attribute__((tls_model("initial-exec")));

static void softirq_queue_here(struct tasklet_struct *t)
{
	if (unlikely(!__atomic_load_n(&started, __ATOMIC_ACQUIRE)))
		softirq_start();
	softirq_queue(&cpus[smp_processor_id() % nr_threads], t);
}

void __tasklet_schedule(struct tasklet_struct *t)
{
	struct dmakit_context *ctx = &__dmakit_ctx;

	if (ctx->bh && ctx->softirq == ctx->bh && !ctx->hardirq) {
		/* Bottom halves off: run at local_bh_enable(), in order. */
		t->next = NULL;
		if (!ctx->bh_pending)
			bh_tail = (struct tasklet_struct **)&ctx->bh_pending;
		*bh_tail = t;
		bh_tail = &t->next;
		return;
	}
	softirq_queue_here(t);
}

/* local_bh_enable() with tasklets raised while bottom halves were off. */
void __dmakit_do_softirq(void)
{
	struct tasklet_struct *list, *t;

	bool here = !in_interrupt() && !irqs_disabled();

	while ((list = __dmakit_ctx.bh_pending)) {
		__dmakit_ctx.bh_pending = NULL;
		while ((t = list)) {
			list = t->next;
			/* Running elsewhere or disabled: ksoftirqd retries. */
			if (!here || !tasklet_run_one(t))
				softirq_queue_here(t);
		}
	}
}

void __tasklet_hi_schedule(struct tasklet_struct *t)
{
	__tasklet_schedule(t);
}

void tasklet_init(struct tasklet_struct *t, void (*func)(unsigned long),
		  unsigned long data)
{
	t->next = NULL;
	t->state = 0;
	atomic_set(&t->count, 0);
	t->func = func;
	t->use_callback = false;
	t->data = data;
}

void tasklet_setup(struct tasklet_struct *t,
		   void (*callback)(struct tasklet_struct *))
{
	t->next = NULL;
	t->state = 0;
	atomic_set(&t->count, 0);
	t->callback = callback;
	t->use_callback = true;
	t->data = 0;
}

void tasklet_enable(struct tasklet_struct *t)
{
	smp_mb__before_atomic();
	atomic_dec(&t->count);
}

void tasklet_unlock_wait(struct tasklet_struct *t)
{
	while (test_bit(TASKLET_STATE_RUN, &t->state))
		cpu_relax();
}

void tasklet_kill(struct tasklet_struct *t)
{
	if (in_interrupt())
		pr_notice("Attempt to kill tasklet from interrupt\n");

	while (test_and_set_bit(TASKLET_STATE_SCHED, &t->state)) {
		while (test_bit(TASKLET_STATE_SCHED, &t->state))
			sched_yield();
	}
	tasklet_unlock_wait(t);
	clear_bit(TASKLET_STATE_SCHED, &t->state);
}
