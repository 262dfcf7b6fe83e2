/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _DMAKIT_LINUX_ATOMIC_H
#define _DMAKIT_LINUX_ATOMIC_H

#include <linux/compiler.h>

typedef struct { int counter; } atomic_t;
typedef struct { s64 counter; } atomic64_t;
typedef struct { long counter; } atomic_long_t;

#define ATOMIC_INIT(i)		{ (i) }
#define ATOMIC64_INIT(i)	{ (i) }
#define ATOMIC_LONG_INIT(i)	{ (i) }

#define __DMAKIT_ATOMIC_OPS(pfx, atype, t)				\
static inline t pfx##_read(const atype *v)				\
{ return __atomic_load_n(&v->counter, __ATOMIC_RELAXED); }		\
static inline t pfx##_read_acquire(const atype *v)			\
{ return __atomic_load_n(&v->counter, __ATOMIC_ACQUIRE); }		\
static inline void pfx##_set(atype *v, t i)				\
{ __atomic_store_n(&v->counter, i, __ATOMIC_RELAXED); }		\
static inline void pfx##_set_release(atype *v, t i)			\
{ __atomic_store_n(&v->counter, i, __ATOMIC_RELEASE); }		\
static inline void pfx##_add(t i, atype *v)				\
{ __atomic_fetch_add(&v->counter, i, __ATOMIC_RELAXED); }		\
static inline void pfx##_sub(t i, atype *v)				\
{ __atomic_fetch_sub(&v->counter, i, __ATOMIC_RELAXED); }		\
static inline void pfx##_inc(atype *v) { pfx##_add(1, v); }		\
static inline void pfx##_dec(atype *v) { pfx##_sub(1, v); }		\
static inline t pfx##_add_return(t i, atype *v)				\
{ return __atomic_add_fetch(&v->counter, i, __ATOMIC_SEQ_CST); }	\
static inline t pfx##_sub_return(t i, atype *v)				\
{ return __atomic_sub_fetch(&v->counter, i, __ATOMIC_SEQ_CST); }	\
static inline t pfx##_fetch_add(t i, atype *v)				\
{ return __atomic_fetch_add(&v->counter, i, __ATOMIC_SEQ_CST); }	\
static inline t pfx##_fetch_sub(t i, atype *v)				\
{ return __atomic_fetch_sub(&v->counter, i, __ATOMIC_SEQ_CST); }	\
static inline t pfx##_fetch_or(t i, atype *v)				\
{ return __atomic_fetch_or(&v->counter, i, __ATOMIC_SEQ_CST); }	\
static inline t pfx##_fetch_and(t i, atype *v)				\
{ return __atomic_fetch_and(&v->counter, i, __ATOMIC_SEQ_CST); }	\
static inline void pfx##_or(t i, atype *v)				\
{ __atomic_fetch_or(&v->counter, i, __ATOMIC_SEQ_CST); }		\
static inline void pfx##_and(t i, atype *v)				\
{ __atomic_fetch_and(&v->counter, i, __ATOMIC_SEQ_CST); }		\
static inline t pfx##_inc_return(atype *v) { return pfx##_add_return(1, v); } \
static inline t pfx##_dec_return(atype *v) { return pfx##_sub_return(1, v); } \
static inline bool pfx##_dec_and_test(atype *v)				\
{ return pfx##_sub_return(1, v) == 0; }				\
static inline bool pfx##_inc_and_test(atype *v)				\
{ return pfx##_add_return(1, v) == 0; }				\
static inline bool pfx##_sub_and_test(t i, atype *v)			\
{ return pfx##_sub_return(i, v) == 0; }				\
static inline t pfx##_xchg(atype *v, t n)				\
{ return __atomic_exchange_n(&v->counter, n, __ATOMIC_SEQ_CST); }	\
static inline t pfx##_cmpxchg(atype *v, t o, t n)			\
{ __atomic_compare_exchange_n(&v->counter, &o, n, false,		\
			      __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);	\
  return o; }								\
static inline bool pfx##_try_cmpxchg(atype *v, t *o, t n)		\
{ return __atomic_compare_exchange_n(&v->counter, o, n, false,		\
				     __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST); } \
static inline bool pfx##_add_unless(atype *v, t a, t u)		\
{ t c = pfx##_read(v);							\
  do { if (c == u) return false; }					\
  while (!pfx##_try_cmpxchg(v, &c, c + a));				\
  return true; }							\
static inline bool pfx##_inc_not_zero(atype *v)			\
{ return pfx##_add_unless(v, 1, 0); }

__DMAKIT_ATOMIC_OPS(atomic, atomic_t, int)
__DMAKIT_ATOMIC_OPS(atomic64, atomic64_t, s64)
__DMAKIT_ATOMIC_OPS(atomic_long, atomic_long_t, long)

#define xchg(ptr, v)	__atomic_exchange_n((ptr), (v), __ATOMIC_SEQ_CST)
#define cmpxchg(ptr, o, n) ({						\
	typeof(*(ptr)) __o = (o);					\
	__atomic_compare_exchange_n((ptr), &__o, (n), false,		\
				    __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);\
	__o; })
#define try_cmpxchg(ptr, po, n)						\
	__atomic_compare_exchange_n((ptr), (po), (n), false,		\
				    __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST)

#endif
