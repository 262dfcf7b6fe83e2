// SPDX-License-Identifier: GPL-2.0
/*
 * Kernel threads on POSIX threads.  As in the kernel, kthread_create()
 * returns a thread that sleeps until wake_up_process(), and kthread_stop()
 * sets should_stop, wakes the thread and waits for its result.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <pthread.h>
#include <sched.h>
#include <stdlib.h>
#include <linux/kthread.h>
#include <linux/slab.h>
#include "internal.h"

struct kthread {
	int (*threadfn)(void *data);
	void *data;
	pthread_t thread;
	bool should_stop;
	bool started;
	long result;
	struct task_struct *task;
};

static void *kthread_main(void *arg)
{
	struct task_struct *t = arg;
	struct kthread *kt = t->kthread;

	dmakit_task_attach(t);
	dmakit_set_thread_name(t->comm);
	/* Sleep until the creator's first wake_up_process(). */
	schedule();
	if (!READ_ONCE(kt->should_stop)) {
		WRITE_ONCE(kt->started, true);
		kt->result = kt->threadfn(kt->data);
	} else {
		kt->result = -EINTR;
	}
	return NULL;
}

/* The runtime's own threads may be started lazily from atomic context. */
struct task_struct *dmakit_kthread_create(int (*threadfn)(void *data),
					  void *data, const char *name)
{
	struct task_struct *t;
	struct kthread *kt;

	kt = calloc(1, sizeof(*kt));
	t = dmakit_task_alloc(name);
	if (!kt || !t) {
		free(kt);
		dmakit_task_put(t);
		return ERR_PTR(-ENOMEM);
	}
	kt->threadfn = threadfn;
	kt->data = data;
	kt->task = t;
	t->kthread = kt;
	t->__state = TASK_UNINTERRUPTIBLE;
	if (pthread_create(&kt->thread, NULL, kthread_main, t)) {
		free(kt);
		dmakit_task_put(t);
		return ERR_PTR(-EAGAIN);
	}
	return t;
}

struct task_struct *kthread_create_on_node(int (*threadfn)(void *data),
					   void *data, int node,
					   const char namefmt[], ...)
{
	char name[TASK_COMM_LEN];
	va_list args;

	(void)node;
	might_sleep();
	va_start(args, namefmt);
	vsnprintf(name, sizeof(name), namefmt, args);
	va_end(args);
	return dmakit_kthread_create(threadfn, data, name);
}

bool kthread_should_stop(void)
{
	struct kthread *kt = current->kthread;

	return kt && READ_ONCE(kt->should_stop);
}

void *kthread_data(struct task_struct *k)
{
	return k->kthread ? k->kthread->data : NULL;
}

void kthread_exit(long result)
{
	struct kthread *kt = current->kthread;

	if (kt)
		kt->result = result;
	pthread_exit(NULL);
}

int kthread_stop(struct task_struct *k)
{
	struct kthread *kt = k->kthread;
	int ret;

	might_sleep();
	WRITE_ONCE(kt->should_stop, true);
	smp_mb();
	wake_up_process(k);
	pthread_join(kt->thread, NULL);
	ret = (int)kt->result;
	k->kthread = NULL;
	free(kt);
	dmakit_task_put(k);	/* the creator's reference */
	return ret;
}

int dmakit_kthread_set_affinity(struct task_struct *k, const unsigned long *cpus,
				unsigned int ncpus)
{
	cpu_set_t set;
	unsigned int i;

	CPU_ZERO(&set);
	for (i = 0; i < ncpus; i++)
		CPU_SET(cpus[i], &set);
	return -pthread_setaffinity_np(k->kthread->thread, sizeof(set), &set);
}

void kthread_bind(struct task_struct *k, unsigned int cpu)
{
	unsigned long c = cpu;

	dmakit_kthread_set_affinity(k, &c, 1);
}
