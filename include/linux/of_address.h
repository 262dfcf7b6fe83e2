/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Addresses from "reg" (drivers/of/address.c), translated to the CPU's
 * view through each parent bus's "ranges" ("ranges;" is identity; a bus
 * without "ranges" is not translatable).
 */
#ifndef _DMAKIT_LINUX_OF_ADDRESS_H
#define _DMAKIT_LINUX_OF_ADDRESS_H

#include <linux/ioport.h>
#include <linux/of.h>

u64 of_translate_address(struct device_node *np, const __be32 *addr);
const __be32 *of_get_address(struct device_node *dev, int index, u64 *size,
			     unsigned int *flags);
int of_address_to_resource(struct device_node *dev, int index,
			   struct resource *r);
void __iomem *of_iomap(struct device_node *node, int index);
int of_address_count(struct device_node *np);

#endif
