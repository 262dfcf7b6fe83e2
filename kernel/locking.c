// SPDX-License-Identifier: GPL-2.0
/*
 * The slow paths of dmakit's spinlocks and mutexes: spin a little (the
 * holder is usually running on the other CPU), then sleep on the lock
 * word as a futex so a preempted holder is not spun on for a time slice.
 */
#include <dmakit/kernel.h>
#include "internal.h"

/*
 * Spin for about 10 us before sleeping: a holder that runs releases a
 * spinlock well within that (a batch of completions takes ~1 us), and a
 * futex sleep costs a wake-up syscall on the release side and several
 * microseconds on this one.  Counted in TSC ticks where there is one:
 * PAUSE lasts from ~10 to ~140 cycles depending on the CPU.
 */
#if defined(__x86_64__) || defined(__i386__)
#define LOCK_SPIN_TICKS 25000
static inline u64 lock_clock(void)
{
	return __builtin_ia32_rdtsc();
}
#else
#define LOCK_SPIN_TICKS 2000
static inline u64 lock_clock(void)
{
	static __thread u64 n;

	return n++;
}
#endif

void __dmakit_lock_slow(struct dmakit_lock *l)
{
	u64 start = lock_clock();
	int z;

	while (lock_clock() - start < LOCK_SPIN_TICKS) {
		cpu_relax();
		z = 0;
		if (__atomic_load_n(&l->val, __ATOMIC_RELAXED) == 0 &&
		    __atomic_compare_exchange_n(&l->val, &z, 1, false,
						__ATOMIC_ACQUIRE,
						__ATOMIC_RELAXED))
			return;
	}
	while (__atomic_exchange_n(&l->val, 2, __ATOMIC_ACQUIRE) != 0)
		dmakit_futex_wait(&l->val, 2, NULL);
}

void __dmakit_lock_wake(struct dmakit_lock *l)
{
	dmakit_futex_wake(&l->val, 1);
}

void __dmakit_lock_assert_held(struct dmakit_lock *l, const char *file, int line)
{
	if (likely(READ_ONCE(l->val) &&
		   __atomic_load_n(&l->owner, __ATOMIC_RELAXED) == __dmakit_lock_owner()))
		return;
	__warn_printk(file, line, "lockdep_assert_held",
		      "lock %p is not held by %s\n", l, current->comm);
}
