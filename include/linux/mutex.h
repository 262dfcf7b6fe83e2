/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _DMAKIT_LINUX_MUTEX_H
#define _DMAKIT_LINUX_MUTEX_H

#include <linux/spinlock.h>

/* struct mutex shares spinlock_t's layout so lockdep_assert_held() works. */
struct mutex {
	struct dmakit_lock rlock;
};

#define __MUTEX_INITIALIZER(name) { { 0, NULL } }
#define DEFINE_MUTEX(name) struct mutex name = __MUTEX_INITIALIZER(name)

static inline void mutex_init(struct mutex *m)
{
	m->rlock.val = 0;
	m->rlock.owner = NULL;
}

static inline void mutex_destroy(struct mutex *m)
{
	(void)m;
}

static inline void mutex_lock(struct mutex *m)
{
	might_sleep();
	__dmakit_lock(&m->rlock);
}

#define mutex_lock_nested(m, sub) mutex_lock(m)

static inline int mutex_lock_interruptible(struct mutex *m)
{
	mutex_lock(m);
	return 0;
}

static inline int mutex_trylock(struct mutex *m)
{
	return __dmakit_trylock(&m->rlock);
}

static inline void mutex_unlock(struct mutex *m)
{
	__dmakit_unlock(&m->rlock);
}

static inline bool mutex_is_locked(struct mutex *m)
{
	return __dmakit_is_locked(&m->rlock);
}

#endif
