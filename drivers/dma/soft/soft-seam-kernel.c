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

void soft_seam_copy(void *dst, const void *src, size_t len, size_t total)
{
	memcpy(dst, src, len);
}

void soft_seam_fill(void *dst, int value, size_t len, size_t total)
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

/*
 * XOR and RAID-6 P/Q, byte at a time: each output byte depends only on
 * the input bytes at its offset, so a destination that is also a source
 * is safe.  Only used when the raid parameter turns the capabilities on
 * (they are off by default in the module: see soft_seam_raid_default()).
 */
static u8 seam_gfmul(u8 a, u8 b)
{
	u8 r = 0;

	while (b) {
		if (b & 1)
			r ^= a;
		a = (a << 1) ^ ((a & 0x80) ? 0x1d : 0);
		b >>= 1;
	}
	return r;
}

void soft_seam_xor(void *dst, void **srcs, unsigned int src_cnt, size_t len)
{
	size_t i;
	unsigned int s;

	for (i = 0; i < len; i++) {
		u8 x = 0;

		for (s = 0; s < src_cnt; s++)
			x ^= ((u8 *)srcs[s])[i];
		((u8 *)dst)[i] = x;
	}
}

bool soft_seam_xor_zero(void **srcs, unsigned int src_cnt, size_t len)
{
	size_t i;
	unsigned int s;

	for (i = 0; i < len; i++) {
		u8 x = 0;

		for (s = 0; s < src_cnt; s++)
			x ^= ((u8 *)srcs[s])[i];
		if (x)
			return false;
	}
	return true;
}

void soft_seam_pq(void *p, void *q, void **srcs, const u8 *coefs,
		  unsigned int src_cnt, size_t len, bool cont)
{
	size_t i;
	unsigned int s;

	for (i = 0; i < len; i++) {
		u8 pp = cont && p ? ((u8 *)p)[i] : 0;
		u8 qq = cont && q ? ((u8 *)q)[i] : 0;

		for (s = 0; s < src_cnt; s++) {
			u8 d = ((u8 *)srcs[s])[i];

			pp ^= d;
			qq ^= seam_gfmul(coefs[s], d);
		}
		if (p)
			((u8 *)p)[i] = pp;
		if (q)
			((u8 *)q)[i] = qq;
	}
}

enum sum_check_flags soft_seam_pq_val(const void *p, const void *q,
				      void **srcs, const u8 *coefs,
				      unsigned int src_cnt, size_t len)
{
	enum sum_check_flags res = 0;
	size_t i;
	unsigned int s;

	for (i = 0; i < len; i++) {
		u8 pp = 0, qq = 0;

		for (s = 0; s < src_cnt; s++) {
			u8 d = ((u8 *)srcs[s])[i];

			pp ^= d;
			qq ^= seam_gfmul(coefs[s], d);
		}
		if (p && pp != ((const u8 *)p)[i])
			res |= SUM_CHECK_P_RESULT;
		if (q && qq != ((const u8 *)q)[i])
			res |= SUM_CHECK_Q_RESULT;
	}
	return res;
}

bool soft_seam_raid_default(void)
{
	return false;
}
