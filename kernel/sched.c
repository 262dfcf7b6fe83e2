// SPDX-License-Identifier: GPL-2.0
/*
 * Tasks, sleeping and waking, CPUs, and the atomic-sleep check.
 *
 * Every host thread that uses dmakit gets a task_struct on first use of
 * current.  A task sleeps by setting its state and waiting on that state
 * word as a futex; wake_up_process() sets it to TASK_RUNNING and wakes
 * the futex, so a wake-up between set_current_state() and schedule() is
 * never lost -- the kernel's protocol.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <linux/futex.h>
#include <pthread.h>
#include <sched.h>
#include <stdlib.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <dmakit/kernel.h>
#include <dmakit/log.h>
#include <linux/jiffies.h>
#include <linux/ktime.h>
#include "internal.h"

__thread struct dmakit_context __dmakit_ctx
	__attribute__((tls_model("initial-exec")));
__thread struct task_struct *__dmakit_current
	__attribute__((tls_model("initial-exec")));

unsigned int nr_cpu_ids = 1;
static pthread_key_t task_key;
static pthread_once_t task_key_once = PTHREAD_ONCE_INIT;
static unsigned long atomic_sleep_count;
static int strict_mode = -1;

/* First of all constructors: others size per-CPU tables by nr_cpu_ids. */
__attribute__((constructor(101))) static void dmakit_cpus_init(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	nr_cpu_ids = n > 0 ? (unsigned int)n : 1;
}

unsigned int num_online_cpus(void)
{
	return nr_cpu_ids;
}

int smp_processor_id(void)
{
	int cpu = sched_getcpu();

	return cpu < 0 ? 0 : cpu % (int)nr_cpu_ids;
}

int dmakit_futex_wait(int *addr, int val, const struct timespec *abs_mono)
{
	long r = syscall(SYS_futex, addr,
			 abs_mono ? FUTEX_WAIT_BITSET_PRIVATE : FUTEX_WAIT_PRIVATE,
			 val, abs_mono, NULL, FUTEX_BITSET_MATCH_ANY);

	return r < 0 ? -errno : 0;
}

void dmakit_futex_wake(int *addr, int nr)
{
	syscall(SYS_futex, addr, FUTEX_WAKE_PRIVATE, nr, NULL, NULL, 0);
}

struct timespec dmakit_deadline_ns(u64 ns)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	ts.tv_sec += ns / NSEC_PER_SEC;
	ts.tv_nsec += ns % NSEC_PER_SEC;
	if (ts.tv_nsec >= NSEC_PER_SEC) {
		ts.tv_sec++;
		ts.tv_nsec -= NSEC_PER_SEC;
	}
	return ts;
}

void dmakit_set_thread_name(const char *name)
{
	prctl(PR_SET_NAME, name, 0, 0, 0);
}

static void task_key_destroy(void *p)
{
	struct task_struct *t = p;

	__dmakit_current = NULL;
	dmakit_task_put(t);
}

static void task_key_init(void)
{
	pthread_key_create(&task_key, task_key_destroy);
}

struct task_struct *dmakit_task_alloc(const char *name)
{
	struct task_struct *t = calloc(1, sizeof(*t));

	if (!t)
		return NULL;
	t->__state = TASK_RUNNING;
	t->refs = 1;
	strscpy(t->comm, name, sizeof(t->comm));
	return t;
}

void dmakit_task_put(struct task_struct *t)
{
	if (t && __atomic_sub_fetch(&t->refs, 1, __ATOMIC_ACQ_REL) == 0)
		free(t);
}

/* Make @t the current task of the calling thread (takes a reference). */
void dmakit_task_attach(struct task_struct *t)
{
	pthread_once(&task_key_once, task_key_init);
	__atomic_add_fetch(&t->refs, 1, __ATOMIC_RELAXED);
	t->pid = (pid_t)syscall(SYS_gettid);
	__dmakit_current = t;
	pthread_setspecific(task_key, t);
}

struct task_struct *__dmakit_current_slow(void)
{
	char name[TASK_COMM_LEN] = "";
	struct task_struct *t;

	prctl(PR_GET_NAME, name, 0, 0, 0);
	t = dmakit_task_alloc(name);
	if (!t)
		abort();
	dmakit_task_attach(t);
	dmakit_task_put(t);	/* the thread-specific slot owns it now */
	return t;
}

void schedule(void)
{
	struct task_struct *t = current;
	int s;

	if (unlikely(in_atomic()))
		printk(KERN_ERR "BUG: scheduling while atomic: %s/%d/0x%08x\n",
		       t->comm, t->pid, preempt_count());
	while ((s = READ_ONCE(t->__state)) != TASK_RUNNING)
		dmakit_futex_wait(&t->__state, s, NULL);
}

long schedule_timeout(long timeout)
{
	struct task_struct *t = current;
	struct timespec deadline;
	u64 end;
	int s;

	if (timeout == MAX_SCHEDULE_TIMEOUT) {
		schedule();
		return timeout;
	}
	if (timeout < 0)
		timeout = 0;
	end = ktime_get_ns() + (u64)timeout * NSEC_PER_MSEC;
	deadline = dmakit_deadline_ns((u64)timeout * NSEC_PER_MSEC);
	while ((s = READ_ONCE(t->__state)) != TASK_RUNNING) {
		if (dmakit_futex_wait(&t->__state, s, &deadline) == -ETIMEDOUT) {
			__set_current_state(TASK_RUNNING);
			return 0;
		}
	}
	{
		u64 now = ktime_get_ns();

		if (now >= end)
			return 0;
		return (long)DIV_ROUND_UP(end - now, NSEC_PER_MSEC);
	}
}

long schedule_timeout_interruptible(long timeout)
{
	__set_current_state(TASK_INTERRUPTIBLE);
	return schedule_timeout(timeout);
}

long schedule_timeout_uninterruptible(long timeout)
{
	__set_current_state(TASK_UNINTERRUPTIBLE);
	return schedule_timeout(timeout);
}

long schedule_timeout_idle(long timeout)
{
	__set_current_state(TASK_IDLE);
	return schedule_timeout(timeout);
}

int wake_up_process(struct task_struct *p)
{
	int old = __atomic_exchange_n(&p->__state, TASK_RUNNING,
				      __ATOMIC_SEQ_CST);

	if (old == TASK_RUNNING)
		return 0;
	dmakit_futex_wake(&p->__state, 1);
	return 1;
}

void yield(void)
{
	sched_yield();
}

void dmakit_set_strict(int strict)
{
	__atomic_store_n(&strict_mode, !!strict, __ATOMIC_RELAXED);
}

static bool strict_now(void)
{
	int s = __atomic_load_n(&strict_mode, __ATOMIC_RELAXED);

	if (s < 0) {
		const char *e = getenv("DMAKIT_STRICT");

		s = e && *e && strcmp(e, "0");
		__atomic_store_n(&strict_mode, s, __ATOMIC_RELAXED);
	}
	return s;
}

unsigned long dmakit_atomic_sleep_count(void)
{
	return __atomic_load_n(&atomic_sleep_count, __ATOMIC_RELAXED);
}

/*
 * CONFIG_DEBUG_ATOMIC_SLEEP: report a call that may sleep from IRQ or
 * softirq context, under a spinlock, or with interrupts disabled.
 */
void __might_sleep(const char *file, int line)
{
	struct task_struct *t;

	if (likely(!in_atomic() && !irqs_disabled()))
		return;
	t = current;
	__atomic_fetch_add(&atomic_sleep_count, 1, __ATOMIC_RELAXED);
	printk(KERN_ERR "BUG: sleeping function called from invalid context at %s:%d\n",
	       file, line);
	printk(KERN_ERR "in_atomic(): %d, irqs_disabled(): %d, non_block: 0, pid: %d, name: %s\n",
	       in_atomic(), irqs_disabled(), t->pid, t->comm);
	printk(KERN_ERR "preempt_count: %x, expected: 0 (hardirq %d, softirq %d)\n",
	       preempt_count(), __dmakit_ctx.hardirq, __dmakit_ctx.softirq);
	if (strict_now()) {
		printk(KERN_EMERG "DMAKIT_STRICT: aborting\n");
		abort();
	}
}
