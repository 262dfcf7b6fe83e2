/* SPDX-License-Identifier: GPL-2.0 */
/* Kernel threads, backed by POSIX threads. */
#ifndef _DMAKIT_LINUX_KTHREAD_H
#define _DMAKIT_LINUX_KTHREAD_H

#include <dmakit/kernel.h>

__printf(4, 5) struct task_struct *
kthread_create_on_node(int (*threadfn)(void *data), void *data, int node,
		       const char namefmt[], ...);
#define kthread_create(threadfn, data, namefmt, arg...) \
	kthread_create_on_node(threadfn, data, NUMA_NO_NODE, namefmt, ##arg)

#define kthread_run(threadfn, data, namefmt, ...) ({			\
	struct task_struct *__k =					\
		kthread_create(threadfn, data, namefmt, ##__VA_ARGS__);	\
	if (!IS_ERR(__k))						\
		wake_up_process(__k);					\
	__k;								\
})

void kthread_bind(struct task_struct *k, unsigned int cpu);
int kthread_stop(struct task_struct *k);
bool kthread_should_stop(void);
void *kthread_data(struct task_struct *k);
__attribute__((noreturn)) void kthread_exit(long result);
/* Pin a kthread to a set of host CPUs (host-only; 0 on success). */
int dmakit_kthread_set_affinity(struct task_struct *k, const unsigned long *cpus,
				unsigned int ncpus);

#endif
