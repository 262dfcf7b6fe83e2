/* SPDX-License-Identifier: GPL-2.0+ */
/*
 * Platform devices from the device tree (drivers/of/platform.c): one
 * platform_device per enabled node with a compatible, under the root
 * and under bus nodes ("simple-bus", "simple-mfd", "isa",
 * "arm,amba-bus"), named as the kernel names them
 * ("1000000.dma-controller", or "soc:leds" for a node without reg).
 */
#ifndef _DMAKIT_LINUX_OF_PLATFORM_H
#define _DMAKIT_LINUX_OF_PLATFORM_H

#include <linux/of_device.h>

struct of_dev_auxdata {
	char *compatible;
	resource_size_t phys_addr;
	char *name;
	void *platform_data;
};

extern const struct of_device_id of_default_bus_match_table[];

struct platform_device *of_platform_device_create(struct device_node *np,
						  const char *bus_id,
						  struct device *parent);
struct platform_device *of_find_device_by_node(struct device_node *np);
int of_platform_bus_probe(struct device_node *root,
			  const struct of_device_id *matches,
			  struct device *parent);
int of_platform_populate(struct device_node *root,
			 const struct of_device_id *matches,
			 const struct of_dev_auxdata *lookup,
			 struct device *parent);
int of_platform_default_populate(struct device_node *root,
				 const struct of_dev_auxdata *lookup,
				 struct device *parent);
void of_platform_depopulate(struct device *parent);
int devm_of_platform_populate(struct device *dev);
void devm_of_platform_depopulate(struct device *dev);

int of_platform_device_destroy(struct device *dev, void *data);

#endif
