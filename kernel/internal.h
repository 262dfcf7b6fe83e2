/* SPDX-License-Identifier: GPL-2.0 */
/* Private interfaces of the hosted kernel runtime. */
#ifndef _DMAKIT_KERNEL_INTERNAL_H
#define _DMAKIT_KERNEL_INTERNAL_H

#include <pthread.h>
#include <time.h>
#include <dmakit/kernel.h>

/* futex on an int; timeout NULL = forever. Returns 0 or -errno. */
int dmakit_futex_wait(int *addr, int val, const struct timespec *abs_mono);
void dmakit_futex_wake(int *addr, int nr);

/* Absolute CLOCK_MONOTONIC time @ns nanoseconds from now. */
struct timespec dmakit_deadline_ns(u64 ns);

/* Bind a new host thread to a task_struct (kthreads, softirq, irq). */
struct task_struct *dmakit_task_alloc(const char *name);
void dmakit_task_attach(struct task_struct *t);
void dmakit_task_put(struct task_struct *t);
void dmakit_set_thread_name(const char *name);
struct task_struct *dmakit_kthread_create(int (*threadfn)(void *data),
					  void *data, const char *name);

/* Start-up and tear-down of the runtime's own threads. */
void dmakit_softirq_stop(void);
/* printk.c: would a message with this KERN_<level> prefix be printed or hooked? */
bool dmakit_printk_wanted(const char *level_fmt);
void dmakit_timer_stop(void);
void dmakit_workqueue_stop(void);
void dmakit_irq_stop(void);
void dmakit_run_exitcalls(void);
int dmakit_run_initcalls(void);

#endif
