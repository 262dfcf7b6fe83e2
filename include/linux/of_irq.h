/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Interrupts from the device tree (drivers/of/irq.c).  Interrupt
 * controllers are simulated: each (controller node, first specifier
 * cell) pair is given a Linux IRQ number from dmakit_irq_alloc() the
 * first time it is mapped, level-triggered unless the second cell says
 * edge (IRQ_TYPE_EDGE_*); a device model finds its line the same way,
 * with of_irq_get() on its own node.  No interrupt-map support.
 */
#ifndef _DMAKIT_LINUX_OF_IRQ_H
#define _DMAKIT_LINUX_OF_IRQ_H

#include <linux/ioport.h>
#include <linux/of.h>

#define IRQ_TYPE_NONE		0x00000000
#define IRQ_TYPE_EDGE_RISING	0x00000001
#define IRQ_TYPE_EDGE_FALLING	0x00000002
#define IRQ_TYPE_EDGE_BOTH	(IRQ_TYPE_EDGE_FALLING | IRQ_TYPE_EDGE_RISING)
#define IRQ_TYPE_LEVEL_HIGH	0x00000004
#define IRQ_TYPE_LEVEL_LOW	0x00000008
#define IRQ_TYPE_LEVEL_MASK	(IRQ_TYPE_LEVEL_LOW | IRQ_TYPE_LEVEL_HIGH)
#define IRQ_TYPE_SENSE_MASK	0x0000000f

struct device_node *of_irq_find_parent(struct device_node *child);
int of_irq_parse_one(struct device_node *device, int index,
		     struct of_phandle_args *out_irq);
unsigned int irq_create_of_mapping(struct of_phandle_args *irq_data);
unsigned int irq_of_parse_and_map(struct device_node *node, int index);
int of_irq_get(struct device_node *dev, int index);
int of_irq_get_byname(struct device_node *dev, const char *name);
int of_irq_count(struct device_node *dev);
int of_irq_to_resource(struct device_node *dev, int index, struct resource *r);
int of_irq_to_resource_table(struct device_node *dev, struct resource *res,
			     int nr_irqs);

#endif
