/* SPDX-License-Identifier: GPL-2.0 */
/* Devices described by the device tree (drivers/of/device.c). */
#ifndef _DMAKIT_LINUX_OF_DEVICE_H
#define _DMAKIT_LINUX_OF_DEVICE_H

#include <linux/of.h>
#include <linux/platform_device.h>

const struct of_device_id *of_match_device(const struct of_device_id *matches,
					   const struct device *dev);
const void *of_device_get_match_data(const struct device *dev);

static inline int of_driver_match_device(struct device *dev,
					 const struct device_driver *drv)
{
	return of_match_device(drv->of_match_table, dev) != NULL;
}

static inline struct device_node *of_cpu_device_node_get(int cpu)
{
	(void)cpu;
	return NULL;
}

#endif
