// SPDX-License-Identifier: GPL-2.0
/* RCU as a readers-preferring rwlock (see include/linux/rcupdate.h). */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <pthread.h>
#include <linux/rcupdate.h>

static pthread_rwlock_t rcu_lock;

__attribute__((constructor)) static void rcu_init(void)
{
	pthread_rwlockattr_t attr;

	pthread_rwlockattr_init(&attr);
	pthread_rwlockattr_setkind_np(&attr, PTHREAD_RWLOCK_PREFER_READER_NP);
	pthread_rwlock_init(&rcu_lock, &attr);
	pthread_rwlockattr_destroy(&attr);
}

void rcu_read_lock(void)
{
	pthread_rwlock_rdlock(&rcu_lock);
}

void rcu_read_unlock(void)
{
	pthread_rwlock_unlock(&rcu_lock);
}

void synchronize_rcu(void)
{
	might_sleep();
	pthread_rwlock_wrlock(&rcu_lock);
	pthread_rwlock_unlock(&rcu_lock);
}
