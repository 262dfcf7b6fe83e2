// SPDX-License-Identifier: GPL-2.0
/*
 * The software engine's seam, dmakit side: addresses are process
 * addresses behind the device's DMA mapping, worker counts come from
 * the environment, and the board (not the driver) creates the device.
 */
#include <stdlib.h>
#include <linux/dma-map-ops.h>
#include <linux/kthread.h>
#include <linux/mm.h>
#include "soft-seam.h"

void *soft_seam_map(struct device *dev, dma_addr_t addr, size_t len)
{
	phys_addr_t phys = dma_to_phys(dev, addr);

	if (phys == (phys_addr_t)-1 || !phys || phys + len < phys)
		return NULL;
	return phys_to_virt(phys);
}

void soft_seam_copy(void *dst, const void *src, size_t len)
{
	memcpy(dst, src, len);
}

void soft_seam_fill(void *dst, int value, size_t len)
{
	memset(dst, value, len);
}

static unsigned int env_uint(const char *name, unsigned int def)
{
	const char *v = getenv(name);
	unsigned int n;

	if (!v || kstrtouint(v, 0, &n) || !n)
		return def;
	return n;
}

void soft_seam_defaults(unsigned int *nr_channels, unsigned int *nr_workers)
{
	unsigned int cpus = num_online_cpus();

	*nr_channels = env_uint("DMAKIT_SOFT_CHANNELS", cpus);
	*nr_workers = env_uint("DMAKIT_SOFT_WORKERS", cpus > 1 ? cpus - 1 : 1);
}

void soft_seam_place_worker(struct task_struct *t, unsigned int index,
			    unsigned int nr)
{
	(void)t;
	(void)index;
	(void)nr;
}

int soft_seam_register_device(void)
{
	return 0;
}

void soft_seam_unregister_device(void)
{
}
