/* SPDX-License-Identifier: GPL-2.0 */
/*
 * dmakit/context.h - per-thread execution context.
 *
 * The kernel knows from preempt_count() whether code runs in hard IRQ,
 * softirq or with preemption disabled.  dmakit keeps the same counters per
 * thread: the IRQ thread raises hardirq, softirq threads raise softirq,
 * every spinlock raises preempt.  might_sleep() reads them.
 */
#ifndef _DMAKIT_CONTEXT_H
#define _DMAKIT_CONTEXT_H

#include <linux/compiler.h>

struct dmakit_context {
	int preempt;	/* spinlocks held, preempt_disable() */
	int softirq;	/* running a tasklet/softirq, or bh disabled */
	int hardirq;	/* running an interrupt handler */
	int irqs_off;	/* local_irq_save() nesting */
	int bh;		/* local_bh_disable() nesting (counted in softirq too) */
	void *bh_pending;	/* tasklets raised with bottom halves off */
};

extern __thread struct dmakit_context __dmakit_ctx
	__attribute__((tls_model("initial-exec")));

static inline void preempt_disable(void)
{
	__dmakit_ctx.preempt++;
	barrier();
}

static inline void preempt_enable(void)
{
	barrier();
	__dmakit_ctx.preempt--;
}

#define preempt_enable_no_resched() preempt_enable()
#define preempt_count()	(__dmakit_ctx.preempt + __dmakit_ctx.softirq + \
			 __dmakit_ctx.hardirq)

#define in_hardirq()		(__dmakit_ctx.hardirq != 0)
#define in_irq()		in_hardirq()
#define in_softirq()		(__dmakit_ctx.softirq != 0)
#define in_serving_softirq()	in_softirq()
#define in_interrupt()		(in_hardirq() || in_softirq())
#define in_task()		(!in_interrupt())
#define in_atomic()		(preempt_count() != 0)
#define irqs_disabled()		(__dmakit_ctx.irqs_off != 0)
/* As CONFIG_PREEMPTION kernels count it: no lock held, no BH, IRQs on. */
#define preemptible()		(preempt_count() == 0 && !irqs_disabled())

#define local_irq_disable()	do { __dmakit_ctx.irqs_off++; barrier(); } while (0)
#define local_irq_enable()	do { barrier(); __dmakit_ctx.irqs_off = 0; } while (0)
#define local_irq_save(flags)						\
	do { (flags) = (unsigned long)__dmakit_ctx.irqs_off;		\
	     __dmakit_ctx.irqs_off++; barrier(); } while (0)
#define local_irq_restore(flags)					\
	do { barrier(); __dmakit_ctx.irqs_off = (int)(flags); } while (0)
/*
 * As in the kernel, a tasklet raised with bottom halves disabled (outside
 * softirq service) runs on this thread when they are enabled again.
 */
void __dmakit_do_softirq(void);
#define local_bh_disable()						\
	do { __dmakit_ctx.softirq++; __dmakit_ctx.bh++; barrier(); } while (0)
#define local_bh_enable()						\
	do {								\
		barrier();						\
		__dmakit_ctx.bh--;					\
		if (--__dmakit_ctx.softirq == 0 &&			\
		    unlikely(__dmakit_ctx.bh_pending != NULL))		\
			__dmakit_do_softirq();				\
	} while (0)

/* Report a sleeping call from atomic context (CONFIG_DEBUG_ATOMIC_SLEEP). */
void __might_sleep(const char *file, int line);
#define might_sleep()	__might_sleep(__FILE__, __LINE__)
#define might_sleep_if(cond) do { if (cond) might_sleep(); } while (0)
#define might_resched() do { } while (0)
#define non_block_start() do { } while (0)
#define non_block_end() do { } while (0)

#endif
