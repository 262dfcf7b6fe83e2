/* SPDX-License-Identifier: GPL-2.0 */
/*
 * dmakit/sched.h - tasks and sleeping: what the kernel's <linux/sched.h>
 * gives drivers (that name belongs to the UAPI here).
 *
 * Every thread that enters dmakit gets a task_struct; its state word is
 * also the futex it sleeps on, so set_current_state()/schedule()/
 * wake_up_process() have the kernel's race-free protocol.
 */
#ifndef _DMAKIT_SCHED_H
#define _DMAKIT_SCHED_H

#include <linux/compiler.h>
#include <linux/spinlock.h>
#include <dmakit/context.h>

#define TASK_RUNNING		0x0000
#define TASK_INTERRUPTIBLE	0x0001
#define TASK_UNINTERRUPTIBLE	0x0002
#define TASK_NOLOAD		0x0400
#define TASK_IDLE		(TASK_UNINTERRUPTIBLE | TASK_NOLOAD)
#define TASK_KILLABLE		TASK_UNINTERRUPTIBLE
#define TASK_FREEZABLE		0
#define TASK_NORMAL		(TASK_INTERRUPTIBLE | TASK_UNINTERRUPTIBLE)
#define TASK_COMM_LEN		16

#define MAX_SCHEDULE_TIMEOUT	((long)(~0UL >> 1))

struct kthread;

struct task_struct {
	int __state;			/* futex word */
	pid_t pid;
	char comm[TASK_COMM_LEN];
	struct kthread *kthread;	/* set for kthread_create() threads */
	int refs;
	bool on_exit;
};

static inline struct task_struct *get_current(void)
{
	struct task_struct *t = __dmakit_current;

	return likely(t) ? t : __dmakit_current_slow();
}
#define current get_current()

#define __set_current_state(s) WRITE_ONCE(current->__state, (s))
#define set_current_state(s)	smp_store_mb(current->__state, (s))
#define task_pid_nr(t)		((t)->pid)
#define task_pid_vnr(t)		((t)->pid)

void schedule(void);
long schedule_timeout(long timeout);
long schedule_timeout_interruptible(long timeout);
long schedule_timeout_uninterruptible(long timeout);
long schedule_timeout_idle(long timeout);
int wake_up_process(struct task_struct *p);
void yield(void);

static inline int cond_resched(void)
{
	return 0;
}

static inline int signal_pending(struct task_struct *p)
{
	(void)p;
	return 0;
}

static inline int fatal_signal_pending(struct task_struct *p)
{
	(void)p;
	return 0;
}

/* CPUs are the host's online CPUs. */
extern unsigned int nr_cpu_ids;
unsigned int num_online_cpus(void);
int smp_processor_id(void);
#define raw_smp_processor_id() smp_processor_id()
#define get_cpu() ({ preempt_disable(); smp_processor_id(); })
#define put_cpu() preempt_enable()
#define cpu_online(cpu) ((unsigned int)(cpu) < nr_cpu_ids)
#define for_each_possible_cpu(cpu) for ((cpu) = 0; (cpu) < (int)nr_cpu_ids; (cpu)++)
#define for_each_online_cpu(cpu) for_each_possible_cpu(cpu)
#define NUMA_NO_NODE (-1)
#define cpu_to_node(cpu) 0
#define numa_node_id() 0

/* Freezer: nothing freezes in dmakit. */
static inline bool try_to_freeze(void)
{
	return false;
}

static inline void set_freezable(void)
{
}

static inline bool freezing(struct task_struct *p)
{
	(void)p;
	return false;
}

#endif
