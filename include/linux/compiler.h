/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _DMAKIT_LINUX_COMPILER_H
#define _DMAKIT_LINUX_COMPILER_H

#include <dmakit/types.h>

#define likely(x)	__builtin_expect(!!(x), 1)
#define unlikely(x)	__builtin_expect(!!(x), 0)
#define barrier()	__asm__ __volatile__("" ::: "memory")

#define READ_ONCE(x)	__atomic_load_n(&(x), __ATOMIC_RELAXED)
#define WRITE_ONCE(x, v) __atomic_store_n(&(x), (v), __ATOMIC_RELAXED)

#if defined(__SANITIZE_THREAD__)
#define __DMAKIT_TSAN 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define __DMAKIT_TSAN 1
#endif
#endif

#ifdef __DMAKIT_TSAN
/*
 * ThreadSanitizer does not model fences (GCC refuses them with -Wtsan):
 * under TSan a barrier is a seq_cst read-modify-write of one shared word,
 * which is at least as strong and which TSan turns into happens-before
 * edges between the threads that pass through barriers.
 */
extern int __dmakit_tsan_barrier;
#define smp_mb()	((void)__atomic_fetch_add(&__dmakit_tsan_barrier, 0, \
						  __ATOMIC_SEQ_CST))
#define smp_rmb()	smp_mb()
#define smp_wmb()	smp_mb()
#else
#define smp_mb()	__atomic_thread_fence(__ATOMIC_SEQ_CST)
#define smp_rmb()	__atomic_thread_fence(__ATOMIC_ACQUIRE)
#define smp_wmb()	__atomic_thread_fence(__ATOMIC_RELEASE)
#endif
#define mb()		smp_mb()
#define rmb()		smp_rmb()
#define wmb()		smp_wmb()
#define dma_rmb()	smp_rmb()
#define dma_wmb()	smp_wmb()
#define smp_mb__before_atomic()	smp_mb()
#define smp_mb__after_atomic()	smp_mb()
#define smp_store_release(p, v) __atomic_store_n((p), (v), __ATOMIC_RELEASE)
#define smp_load_acquire(p)	__atomic_load_n((p), __ATOMIC_ACQUIRE)
#define smp_store_mb(var, value) \
	do { WRITE_ONCE(var, value); smp_mb(); } while (0)

#if defined(__x86_64__) || defined(__i386__)
#define cpu_relax()	__builtin_ia32_pause()
#else
#define cpu_relax()	barrier()
#endif

#define __same_type(a, b) __builtin_types_compatible_p(typeof(a), typeof(b))
#define __stringify_1(x...) #x
#define __stringify(x...) __stringify_1(x)
#define ___PASTE(a, b) a##b
#define __PASTE(a, b) ___PASTE(a, b)
#define __UNIQUE_ID(prefix) __PASTE(__PASTE(__UNIQUE_ID_, prefix), __COUNTER__)

#endif
