/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _DMAKIT_LINUX_MOD_DEVICETABLE_H
#define _DMAKIT_LINUX_MOD_DEVICETABLE_H

#include <dmakit/kernel.h>

typedef unsigned long kernel_ulong_t;

struct of_device_id {
	char name[32];
	char type[32];
	char compatible[128];
	const void *data;
};

#define PLATFORM_NAME_SIZE	20
#define PLATFORM_MODULE_PREFIX	"platform:"

struct platform_device_id {
	char name[PLATFORM_NAME_SIZE];
	kernel_ulong_t driver_data;
};

struct acpi_device_id {
	u8 id[16];
	kernel_ulong_t driver_data;
	u32 cls;
	u32 cls_msk;
};

#endif
