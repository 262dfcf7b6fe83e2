/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Per-CPU data.  Threads can migrate between host CPUs at any moment, so
 * dmakit keeps one shared copy updated with atomic operations: readers
 * that sum over for_each_possible_cpu() see the total in CPU 0's copy and
 * zero elsewhere.  See docs/differences.md.
 */
#ifndef _DMAKIT_LINUX_PERCPU_H
#define _DMAKIT_LINUX_PERCPU_H

#include <linux/slab.h>

void *__alloc_percpu(size_t size, size_t align);
void free_percpu(void *ptr);
#define alloc_percpu(type) \
	((type *)__alloc_percpu(sizeof(type), __alignof__(type)))
#define alloc_percpu_gfp(type, gfp) alloc_percpu(type)
void *__dmakit_per_cpu_ptr(void *ptr, int cpu);
#define per_cpu_ptr(ptr, cpu) ((typeof(ptr))__dmakit_per_cpu_ptr((ptr), (cpu)))
#define this_cpu_ptr(ptr) (ptr)
#define raw_cpu_ptr(ptr) (ptr)

#define this_cpu_read(pcp)	__atomic_load_n(&(pcp), __ATOMIC_RELAXED)
#define this_cpu_write(pcp, v)	__atomic_store_n(&(pcp), (v), __ATOMIC_RELAXED)
#define this_cpu_add(pcp, v)	((void)__atomic_fetch_add(&(pcp), (v), __ATOMIC_RELAXED))
#define this_cpu_sub(pcp, v)	((void)__atomic_fetch_sub(&(pcp), (v), __ATOMIC_RELAXED))
#define this_cpu_inc(pcp)	this_cpu_add(pcp, 1)
#define this_cpu_dec(pcp)	this_cpu_sub(pcp, 1)
#define __this_cpu_add		this_cpu_add
#define __this_cpu_inc		this_cpu_inc
#define __this_cpu_read		this_cpu_read

#endif
