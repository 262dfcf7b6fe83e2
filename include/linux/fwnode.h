/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Firmware node handle, embedded in each firmware description (struct
 * device_node in dmakit).  Only the handle itself: the unified property
 * API reaches the device tree through dmakit_fwnode_ops (property.h).
 */
#ifndef _DMAKIT_LINUX_FWNODE_H
#define _DMAKIT_LINUX_FWNODE_H

#include <dmakit/kernel.h>

struct fwnode_operations;
struct device;

struct fwnode_handle {
	struct fwnode_handle *secondary;
	const struct fwnode_operations *ops;
	struct device *dev;
	u8 flags;
};

#endif
