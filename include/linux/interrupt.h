/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Interrupts and tasklets.
 *
 * Interrupt handlers run on the IRQ thread in hardirq context; threaded
 * handlers on a thread of their own.  Tasklets run on the softirq
 * threads (one per CPU, like ksoftirqd), in softirq context, never two
 * instances of the same tasklet at once.
 */
#ifndef _DMAKIT_LINUX_INTERRUPT_H
#define _DMAKIT_LINUX_INTERRUPT_H

#include <dmakit/kernel.h>
#include <linux/irqreturn.h>

struct device;

typedef irqreturn_t (*irq_handler_t)(int irq, void *dev_id);

#define IRQF_SHARED		0x00000080
#define IRQF_PROBE_SHARED	0x00000100
#define IRQF_TRIGGER_NONE	0x00000000
#define IRQF_TRIGGER_RISING	0x00000001
#define IRQF_TRIGGER_FALLING	0x00000002
#define IRQF_TRIGGER_HIGH	0x00000004
#define IRQF_TRIGGER_LOW	0x00000008
#define IRQF_ONESHOT		0x00002000
#define IRQF_NO_SUSPEND		0x00004000
#define IRQF_NO_THREAD		0x00010000
#define IRQF_NO_AUTOEN		0x00080000

int request_threaded_irq(unsigned int irq, irq_handler_t handler,
			 irq_handler_t thread_fn, unsigned long flags,
			 const char *name, void *dev);
static inline int request_irq(unsigned int irq, irq_handler_t handler,
			      unsigned long flags, const char *name, void *dev)
{
	return request_threaded_irq(irq, handler, NULL, flags, name, dev);
}
const void *free_irq(unsigned int irq, void *dev_id);
int devm_request_threaded_irq(struct device *dev, unsigned int irq,
			      irq_handler_t handler, irq_handler_t thread_fn,
			      unsigned long irqflags, const char *devname,
			      void *dev_id);
static inline int devm_request_irq(struct device *dev, unsigned int irq,
				   irq_handler_t handler, unsigned long flags,
				   const char *devname, void *dev_id)
{
	return devm_request_threaded_irq(dev, irq, handler, NULL, flags,
					 devname, dev_id);
}
void devm_free_irq(struct device *dev, unsigned int irq, void *dev_id);
void disable_irq(unsigned int irq);
void disable_irq_nosync(unsigned int irq);
void enable_irq(unsigned int irq);
void synchronize_irq(unsigned int irq);

/* Tasklets */
enum {
	TASKLET_STATE_SCHED,	/* scheduled for execution */
	TASKLET_STATE_RUN,	/* running */
};

struct tasklet_struct {
	struct tasklet_struct *next;
	unsigned long state;
	atomic_t count;
	bool use_callback;
	union {
		void (*func)(unsigned long data);
		void (*callback)(struct tasklet_struct *t);
	};
	unsigned long data;
};

#define DECLARE_TASKLET(name, _callback)				\
	struct tasklet_struct name = { .count = ATOMIC_INIT(0),	\
		.use_callback = true, .callback = _callback }
#define DECLARE_TASKLET_DISABLED(name, _callback)			\
	struct tasklet_struct name = { .count = ATOMIC_INIT(1),	\
		.use_callback = true, .callback = _callback }
#define from_tasklet(var, callback_tasklet, tasklet_fieldname)		\
	container_of(callback_tasklet, typeof(*var), tasklet_fieldname)

void tasklet_init(struct tasklet_struct *t, void (*func)(unsigned long),
		  unsigned long data);
void tasklet_setup(struct tasklet_struct *t,
		   void (*callback)(struct tasklet_struct *));
void __tasklet_schedule(struct tasklet_struct *t);
void __tasklet_hi_schedule(struct tasklet_struct *t);

static inline void tasklet_schedule(struct tasklet_struct *t)
{
	if (!test_and_set_bit(TASKLET_STATE_SCHED, &t->state))
		__tasklet_schedule(t);
}

static inline void tasklet_hi_schedule(struct tasklet_struct *t)
{
	if (!test_and_set_bit(TASKLET_STATE_SCHED, &t->state))
		__tasklet_hi_schedule(t);
}

static inline void tasklet_disable_nosync(struct tasklet_struct *t)
{
	atomic_inc(&t->count);
	smp_mb__after_atomic();
}

void tasklet_unlock_wait(struct tasklet_struct *t);

static inline void tasklet_disable(struct tasklet_struct *t)
{
	tasklet_disable_nosync(t);
	tasklet_unlock_wait(t);
	smp_mb();
}

void tasklet_enable(struct tasklet_struct *t);
void tasklet_kill(struct tasklet_struct *t);

#endif
