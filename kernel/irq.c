// SPDX-License-Identifier: GPL-2.0
/*
 * Interrupt delivery.  One IRQ thread plays the CPU that takes
 * interrupts: it runs the primary handlers of every pending, enabled line
 * in hardirq context.  A handler that returns IRQ_WAKE_THREAD wakes the
 * line's handler thread.  A level line still asserted after its handlers
 * ran is serviced again; one nobody handles 100000 times is disabled
 * with the kernel's "nobody cared" message.
 */
#include <pthread.h>
#include <stdlib.h>
#include <linux/device.h>
#include <linux/interrupt.h>
#include <linux/kthread.h>
#include <dmakit/irq.h>
#include "internal.h"

struct irqaction {
	irq_handler_t handler;
	irq_handler_t thread_fn;
	void *dev_id;
	const char *name;
	unsigned long flags;
	struct task_struct *thread;
	unsigned long thread_pending;	/* bit 0 */
	int irq;
	struct irqaction *next;
};

struct irq_desc {
	bool allocated;
	bool level;
	bool asserted;		/* level line state */
	bool edge_latched;
	int depth;		/* disable nesting */
	bool in_progress;
	unsigned long count;
	unsigned int unhandled;
	struct irqaction *action;
};

static struct irq_desc irq_descs[DMAKIT_NR_IRQS];
static DEFINE_SPINLOCK(irq_lock);
static struct task_struct *irq_thread;
static pthread_mutex_t start_lock = PTHREAD_MUTEX_INITIALIZER;
static DECLARE_WAIT_QUEUE_HEAD(irq_idle_wq);

static bool irq_should_run(struct irq_desc *d)
{
	return d->action && !d->depth && !d->in_progress &&
	       (d->level ? d->asserted : d->edge_latched);
}

static int irq_find_pending(void)
{
	int i;

	for (i = 0; i < DMAKIT_NR_IRQS; i++)
		if (irq_descs[i].allocated && irq_should_run(&irq_descs[i]))
			return i;
	return -1;
}

static void irq_run_handlers(int irq, struct irq_desc *d)
{
	irqreturn_t ret = IRQ_NONE;
	struct irqaction *a;

	__dmakit_ctx.hardirq++;
	__dmakit_ctx.irqs_off++;
	for (a = d->action; a; a = a->next) {
		irqreturn_t r = a->handler ? a->handler(irq, a->dev_id) :
					     IRQ_WAKE_THREAD;

		if (r & IRQ_WAKE_THREAD && a->thread) {
			set_bit(0, &a->thread_pending);
			wake_up_process(a->thread);
		}
		ret |= r;
	}
	__dmakit_ctx.irqs_off--;
	__dmakit_ctx.hardirq--;

	spin_lock(&irq_lock);
	d->count++;
	if (ret == IRQ_NONE && ++d->unhandled >= 100000) {
		pr_emerg("irq %d: nobody cared (try booting with the \"irqpoll\" option)\n",
			 irq);
		pr_emerg("Disabling IRQ #%d\n", irq);
		d->depth++;
	} else if (ret != IRQ_NONE) {
		d->unhandled = 0;
	}
	spin_unlock(&irq_lock);
}

static int irq_thread_fn(void *unused)
{
	(void)unused;
	while (!kthread_should_stop()) {
		struct irq_desc *d;
		int irq;

		spin_lock(&irq_lock);
		irq = irq_find_pending();
		if (irq < 0) {
			set_current_state(TASK_INTERRUPTIBLE);
			spin_unlock(&irq_lock);
			wake_up_all(&irq_idle_wq);
			if (!kthread_should_stop())
				schedule();
			__set_current_state(TASK_RUNNING);
			continue;
		}
		d = &irq_descs[irq];
		d->edge_latched = false;
		WRITE_ONCE(d->in_progress, true);
		spin_unlock(&irq_lock);

		irq_run_handlers(irq, d);

		spin_lock(&irq_lock);
		/* pairs with synchronize_irq(): the handler's work is visible */
		smp_store_release(&d->in_progress, false);
		spin_unlock(&irq_lock);
		wake_up_all(&irq_idle_wq);
	}
	return 0;
}

static void irq_kick(void)
{
	struct task_struct *t = __atomic_load_n(&irq_thread, __ATOMIC_ACQUIRE);

	if (!t) {
		pthread_mutex_lock(&start_lock);
		if (!irq_thread) {
			t = dmakit_kthread_create(irq_thread_fn, NULL, "irq");
			BUG_ON(IS_ERR(t));
			__atomic_store_n(&irq_thread, t, __ATOMIC_RELEASE);
		}
		t = irq_thread;
		pthread_mutex_unlock(&start_lock);
	}
	wake_up_process(t);
}

void dmakit_irq_stop(void)
{
	pthread_mutex_lock(&start_lock);
	if (irq_thread) {
		kthread_stop(irq_thread);
		irq_thread = NULL;
	}
	pthread_mutex_unlock(&start_lock);
}

int dmakit_irq_alloc(unsigned int count, bool level)
{
	unsigned int first, i;
	int ret = -ENOSPC;

	spin_lock(&irq_lock);
	/* IRQ 0 is never handed out: 0 means "no interrupt" to drivers. */
	for (first = 1; first + count <= DMAKIT_NR_IRQS; first++) {
		for (i = 0; i < count; i++)
			if (irq_descs[first + i].allocated)
				break;
		if (i == count)
			break;
	}
	if (first + count <= DMAKIT_NR_IRQS) {
		for (i = 0; i < count; i++) {
			memset(&irq_descs[first + i], 0, sizeof(irq_descs[0]));
			irq_descs[first + i].allocated = true;
			irq_descs[first + i].level = level;
		}
		ret = (int)first;
	}
	spin_unlock(&irq_lock);
	return ret;
}

void dmakit_irq_free(unsigned int first, unsigned int count)
{
	unsigned int i;

	spin_lock(&irq_lock);
	for (i = first; i < first + count && i < DMAKIT_NR_IRQS; i++) {
		WARN(irq_descs[i].action, "freeing irq %u with a handler\n", i);
		irq_descs[i].allocated = false;
	}
	spin_unlock(&irq_lock);
}

static struct irq_desc *irq_to_desc(unsigned int irq)
{
	if (irq >= DMAKIT_NR_IRQS || !irq_descs[irq].allocated)
		return NULL;
	return &irq_descs[irq];
}

void dmakit_irq_set_level(unsigned int irq, bool asserted)
{
	struct irq_desc *d = irq_to_desc(irq);
	bool kick;

	if (!d)
		return;
	spin_lock(&irq_lock);
	d->asserted = asserted;
	kick = irq_should_run(d);
	spin_unlock(&irq_lock);
	if (kick)
		irq_kick();
}

void dmakit_irq_trigger(unsigned int irq)
{
	struct irq_desc *d = irq_to_desc(irq);
	bool kick;

	if (!d)
		return;
	spin_lock(&irq_lock);
	if (d->level)
		d->asserted = true;
	else
		d->edge_latched = true;
	kick = irq_should_run(d);
	spin_unlock(&irq_lock);
	if (kick)
		irq_kick();
}

unsigned long dmakit_irq_count(unsigned int irq)
{
	struct irq_desc *d = irq_to_desc(irq);

	return d ? READ_ONCE(d->count) : 0;
}

static int irq_thread_action(void *data)
{
	struct irqaction *a = data;

	while (!kthread_should_stop()) {
		set_current_state(TASK_INTERRUPTIBLE);
		if (!test_and_clear_bit(0, &a->thread_pending)) {
			if (!kthread_should_stop())
				schedule();
			continue;
		}
		__set_current_state(TASK_RUNNING);
		a->thread_fn(a->irq, a->dev_id);
	}
	return 0;
}

int request_threaded_irq(unsigned int irq, irq_handler_t handler,
			 irq_handler_t thread_fn, unsigned long flags,
			 const char *name, void *dev)
{
	struct irq_desc *d = irq_to_desc(irq);
	struct irqaction *a, **p;
	bool kick;

	might_sleep();
	if (!d)
		return -EINVAL;
	if (!handler && !thread_fn)
		return -EINVAL;
	if ((flags & IRQF_SHARED) && !dev)
		return -EINVAL;
	a = calloc(1, sizeof(*a));
	if (!a)
		return -ENOMEM;
	a->handler = handler;
	a->thread_fn = thread_fn;
	a->dev_id = dev;
	a->name = name;
	a->flags = flags;
	a->irq = (int)irq;
	if (thread_fn) {
		char tname[TASK_COMM_LEN];

		snprintf(tname, sizeof(tname), "irq/%u-%s", irq, name ? name : "");
		a->thread = dmakit_kthread_create(irq_thread_action, a, tname);
		if (IS_ERR(a->thread)) {
			free(a);
			return -ENOMEM;
		}
		wake_up_process(a->thread);
	}
	spin_lock(&irq_lock);
	if (d->action && (!(d->action->flags & IRQF_SHARED) ||
			  !(flags & IRQF_SHARED))) {
		spin_unlock(&irq_lock);
		pr_err("genirq: Flags mismatch irq %u. %08lx (%s) vs. %08lx (%s)\n",
		       irq, flags, name, d->action->flags, d->action->name);
		if (a->thread)
			kthread_stop(a->thread);
		free(a);
		return -EBUSY;
	}
	for (p = &d->action; *p; p = &(*p)->next)
		;
	*p = a;
	if (!d->action->next && (flags & IRQF_NO_AUTOEN))
		d->depth = 1;
	else if (!d->action->next)
		d->depth = 0;
	kick = irq_should_run(d);
	spin_unlock(&irq_lock);
	if (kick)
		irq_kick();
	return 0;
}

void synchronize_irq(unsigned int irq)
{
	struct irq_desc *d = irq_to_desc(irq);

	if (!d)
		return;
	wait_event(irq_idle_wq, !smp_load_acquire(&d->in_progress));
}

const void *free_irq(unsigned int irq, void *dev_id)
{
	struct irq_desc *d = irq_to_desc(irq);
	struct irqaction *a = NULL, **p;
	const char *name = NULL;

	might_sleep();
	if (!d)
		return NULL;
	spin_lock(&irq_lock);
	for (p = &d->action; *p; p = &(*p)->next) {
		if ((*p)->dev_id == dev_id) {
			a = *p;
			*p = a->next;
			break;
		}
	}
	spin_unlock(&irq_lock);
	if (!a) {
		WARN(1, "Trying to free already-free IRQ %u\n", irq);
		return NULL;
	}
	synchronize_irq(irq);
	if (a->thread)
		kthread_stop(a->thread);
	name = a->name;
	free(a);
	return name;
}

void disable_irq_nosync(unsigned int irq)
{
	struct irq_desc *d = irq_to_desc(irq);

	if (!d)
		return;
	spin_lock(&irq_lock);
	d->depth++;
	spin_unlock(&irq_lock);
}

void disable_irq(unsigned int irq)
{
	disable_irq_nosync(irq);
	synchronize_irq(irq);
}

void enable_irq(unsigned int irq)
{
	struct irq_desc *d = irq_to_desc(irq);
	bool kick;

	if (!d)
		return;
	spin_lock(&irq_lock);
	if (WARN(!d->depth, "Unbalanced enable for IRQ %u\n", irq)) {
		spin_unlock(&irq_lock);
		return;
	}
	d->depth--;
	kick = irq_should_run(d);
	spin_unlock(&irq_lock);
	if (kick)
		irq_kick();
}

struct irq_devres {
	unsigned int irq;
	void *dev_id;
};

static void devm_irq_release(struct device *dev, void *res)
{
	struct irq_devres *this = res;

	(void)dev;
	free_irq(this->irq, this->dev_id);
}

int devm_request_threaded_irq(struct device *dev, unsigned int irq,
			      irq_handler_t handler, irq_handler_t thread_fn,
			      unsigned long irqflags, const char *devname,
			      void *dev_id)
{
	struct irq_devres *dr;
	int rc;

	dr = devres_alloc(devm_irq_release, sizeof(*dr), GFP_KERNEL);
	if (!dr)
		return -ENOMEM;
	if (!devname)
		devname = dev_name(dev);
	rc = request_threaded_irq(irq, handler, thread_fn, irqflags, devname,
				  dev_id);
	if (rc) {
		devres_free(dr);
		return rc;
	}
	dr->irq = irq;
	dr->dev_id = dev_id;
	devres_add(dev, dr);
	return 0;
}

static int devm_irq_match(struct device *dev, void *res, void *data)
{
	struct irq_devres *this = res, *match = data;

	(void)dev;
	return this->irq == match->irq && this->dev_id == match->dev_id;
}

void devm_free_irq(struct device *dev, unsigned int irq, void *dev_id)
{
	struct irq_devres match_data = { irq, dev_id };

	WARN_ON(devres_destroy(dev, devm_irq_release, devm_irq_match,
			       &match_data));
	free_irq(irq, dev_id);
}
