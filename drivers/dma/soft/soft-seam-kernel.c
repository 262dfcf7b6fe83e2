// SPDX-License-Identifier: GPL-2.0
/*
 * The software engine's seam, Linux side: bus addresses go back to
 * kernel virtual addresses through the IOMMU domain or dma_to_phys(),
 * copies are plain memcpy/memset, the scheduler places the workers, and
 * the module creates its own platform device (x86 has no device tree).
 * This is the only soft-engine file that is kernel-only.
 */
#include <linux/cpumask.h>
#include <linux/dma-direct.h>
#include <linux/iommu.h>
#include <linux/io.h>
#include <linux/mm.h>
#include <linux/platform_device.h>
#include <linux/string.h>

#include "soft-seam.h"

void *soft_seam_map(struct device *dev, dma_addr_t addr, size_t len)
{
	struct iommu_domain *dom = iommu_get_domain_for_dev(dev);
	phys_addr_t phys;

	if (!len)
		return NULL;
	if (dom && (dom->type & __IOMMU_DOMAIN_PAGING)) {
		size_t off;

		phys = iommu_iova_to_phys(dom, addr);
		if (!phys)
			return NULL;
		/* One CPU pointer needs the IOVA range to be contiguous. */
		for (off = PAGE_SIZE - offset_in_page(addr); off < len; off += PAGE_SIZE)
			if (iommu_iova_to_phys(dom, addr + off) != phys + off)
				return NULL;
	} else {
		phys = dma_to_phys(dev, addr);
	}
	if (!pfn_valid(PHYS_PFN(phys)) || !pfn_valid(PHYS_PFN(phys + len - 1)))
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

void soft_seam_defaults(unsigned int *nr_channels, unsigned int *nr_workers)
{
	*nr_channels = num_online_cpus();
	*nr_workers = num_online_cpus();
}

void soft_seam_place_worker(struct task_struct *t, unsigned int index,
			    unsigned int nr)
{
	/* The scheduler places kernel threads. */
}

static struct platform_device *soft_pdev;

int soft_seam_register_device(void)
{
	soft_pdev = platform_device_register_simple(SOFT_DMA_NAME,
						    PLATFORM_DEVID_NONE, NULL, 0);
	return PTR_ERR_OR_ZERO(soft_pdev);
}

void soft_seam_unregister_device(void)
{
	platform_device_unregister(soft_pdev);
}
