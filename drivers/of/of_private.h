/* SPDX-License-Identifier: GPL-2.0+ */
/* Private interfaces of drivers/of. */
#ifndef _DMAKIT_OF_PRIVATE_H
#define _DMAKIT_OF_PRIVATE_H

#include <linux/of.h>

/* fdt.c: unflatten a blob (copied) into of_root; free it again. */
int of_fdt_unflatten(const void *blob, size_t size, const char *origin);
void of_fdt_free(void);

/* irq.c: mark the simulated controllers initialised; forget every
 * mapping and free its IRQ numbers. */
void of_irq_init(void);
void of_irq_teardown(void);

/* platform.c */
void of_core_hooks_init(void);

#endif
