/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Spinlocks.  A holder thread can be preempted on the host, so a lock
 * spins briefly and then sleeps on a futex instead of spinning forever.
 * Holding one puts the thread in atomic context, as in the kernel.
 */
#ifndef _DMAKIT_LINUX_SPINLOCK_H
#define _DMAKIT_LINUX_SPINLOCK_H

#include <linux/compiler.h>
#include <dmakit/context.h>

struct task_struct;

/* Futex lock word: 0 free, 1 held, 2 held with waiters. */
struct dmakit_lock {
	int val;
	struct task_struct *owner;
};

void __dmakit_lock_slow(struct dmakit_lock *l);
void __dmakit_lock_wake(struct dmakit_lock *l);
extern __thread struct task_struct *__dmakit_current
	__attribute__((tls_model("initial-exec")));
struct task_struct *__dmakit_current_slow(void);

static inline struct task_struct *__dmakit_lock_owner(void)
{
	struct task_struct *t = __dmakit_current;

	return likely(t) ? t : __dmakit_current_slow();
}

static inline void __dmakit_lock(struct dmakit_lock *l)
{
	int z = 0;

	if (unlikely(!__atomic_compare_exchange_n(&l->val, &z, 1, false,
						  __ATOMIC_ACQUIRE,
						  __ATOMIC_RELAXED)))
		__dmakit_lock_slow(l);
	__atomic_store_n(&l->owner, __dmakit_lock_owner(), __ATOMIC_RELAXED);
}

static inline bool __dmakit_trylock(struct dmakit_lock *l)
{
	int z = 0;

	if (!__atomic_compare_exchange_n(&l->val, &z, 1, false,
					 __ATOMIC_ACQUIRE, __ATOMIC_RELAXED))
		return false;
	__atomic_store_n(&l->owner, __dmakit_lock_owner(), __ATOMIC_RELAXED);
	return true;
}

static inline void __dmakit_unlock(struct dmakit_lock *l)
{
	__atomic_store_n(&l->owner, NULL, __ATOMIC_RELAXED);
	if (unlikely(__atomic_exchange_n(&l->val, 0, __ATOMIC_RELEASE) == 2))
		__dmakit_lock_wake(l);
}

static inline bool __dmakit_is_locked(struct dmakit_lock *l)
{
	return __atomic_load_n(&l->val, __ATOMIC_RELAXED) != 0;
}

typedef struct spinlock {
	struct dmakit_lock rlock;
} spinlock_t;
typedef spinlock_t raw_spinlock_t;

#define __SPIN_LOCK_UNLOCKED(name) { { 0, NULL } }
#define DEFINE_SPINLOCK(x) spinlock_t x = __SPIN_LOCK_UNLOCKED(x)
#define DEFINE_RAW_SPINLOCK(x) DEFINE_SPINLOCK(x)

static inline void spin_lock_init(spinlock_t *lock)
{
	lock->rlock.val = 0;
	lock->rlock.owner = NULL;
}

static inline void spin_lock(spinlock_t *lock)
{
	preempt_disable();
	__dmakit_lock(&lock->rlock);
}

static inline int spin_trylock(spinlock_t *lock)
{
	preempt_disable();
	if (__dmakit_trylock(&lock->rlock))
		return 1;
	preempt_enable();
	return 0;
}

static inline void spin_unlock(spinlock_t *lock)
{
	__dmakit_unlock(&lock->rlock);
	preempt_enable();
}

static inline void spin_lock_irq(spinlock_t *lock)
{
	local_irq_disable();
	spin_lock(lock);
}

static inline void spin_unlock_irq(spinlock_t *lock)
{
	spin_unlock(lock);
	local_irq_enable();
}

static inline void spin_lock_bh(spinlock_t *lock)
{
	local_bh_disable();
	spin_lock(lock);
}

static inline void spin_unlock_bh(spinlock_t *lock)
{
	spin_unlock(lock);
	local_bh_enable();
}

#define spin_lock_irqsave(lock, flags)				\
	do { local_irq_save(flags); spin_lock(lock); } while (0)
#define spin_unlock_irqrestore(lock, flags)			\
	do { spin_unlock(lock); local_irq_restore(flags); } while (0)
#define spin_trylock_irqsave(lock, flags) ({			\
	local_irq_save(flags);					\
	spin_trylock(lock) ? 1 : ({ local_irq_restore(flags); 0; }); })
#define spin_lock_nested(lock, sub)	spin_lock(lock)
#define spin_lock_irqsave_nested(lock, flags, sub) spin_lock_irqsave(lock, flags)

static inline int spin_is_locked(spinlock_t *lock)
{
	return __dmakit_is_locked(&lock->rlock);
}

#define raw_spin_lock_init		spin_lock_init
#define raw_spin_lock			spin_lock
#define raw_spin_unlock			spin_unlock
#define raw_spin_lock_irqsave		spin_lock_irqsave
#define raw_spin_unlock_irqrestore	spin_unlock_irqrestore
#define raw_spin_lock_irq		spin_lock_irq
#define raw_spin_unlock_irq		spin_unlock_irq

/*
 * lockdep_assert_held() checks real ownership: a driver that calls a
 * "caller holds vc.lock" helper without the lock gets a warning.
 */
void __dmakit_lock_assert_held(struct dmakit_lock *l, const char *file, int line);
#define lockdep_assert_held(l) do {					\
	struct dmakit_lock *__l = &(l)->rlock;				\
									\
	if (unlikely(!__atomic_load_n(&__l->val, __ATOMIC_RELAXED) ||	\
		     __atomic_load_n(&__l->owner, __ATOMIC_RELAXED) !=	\
		     __dmakit_current))					\
		__dmakit_lock_assert_held(__l, __FILE__, __LINE__);	\
} while (0)
#define assert_spin_locked(l) lockdep_assert_held(l)
#define lockdep_assert_not_held(l) do { } while (0)
#define lockdep_set_class(l, k) do { } while (0)
struct lock_class_key { int unused; };

#endif
