/* SPDX-License-Identifier: GPL-2.0 */
/*
 * dmakit/irq.h - interrupt lines, the hardware side (host API).
 *
 * A simulated device drives its interrupt line; the IRQ thread runs the
 * handlers registered with request_irq() in hardirq context.  A level
 * line keeps interrupting while it is asserted and enabled; an edge is
 * latched until handled.
 */
#ifndef _DMAKIT_IRQ_H
#define _DMAKIT_IRQ_H

#include <dmakit/types.h>

#define DMAKIT_NR_IRQS 1024

/* Reserve @count consecutive interrupt numbers; returns the first or -errno. */
int dmakit_irq_alloc(unsigned int count, bool level);
void dmakit_irq_free(unsigned int first, unsigned int count);
/* Drive a level line (true = asserted). */
void dmakit_irq_set_level(unsigned int irq, bool asserted);
/* Signal an edge. */
void dmakit_irq_trigger(unsigned int irq);
/* How many times handlers ran for @irq. */
unsigned long dmakit_irq_count(unsigned int irq);

#endif
