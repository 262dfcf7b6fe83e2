// SPDX-License-Identifier: GPL-2.0
/*
 * DMA mapping (kernel/dma/mapping.c + direct.c).
 *
 * A device without dma_ops maps directly: bus address = CPU address +
 * the dma-ranges offset, and the result must fit the DMA mask and the
 * bus limit, or the mapping fails with the kernel's overflow warning.
 * Devices with dma_ops (bounce buffers, IOMMU) dispatch through them.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <stdlib.h>
#include <sys/mman.h>
#include <linux/dma-map-ops.h>
#include <linux/slab.h>
#include <dmakit/dma-observer.h>

/*
 * The simulated machine watches what its bus masters may touch.
 */
static const struct dmakit_dma_observer *dma_observer;

int dmakit_dma_observer_register(const struct dmakit_dma_observer *obs)
{
	const struct dmakit_dma_observer *old = NULL;

	if (!__atomic_compare_exchange_n(&dma_observer, &old, obs, false,
					 __ATOMIC_ACQ_REL, __ATOMIC_RELAXED))
		return -EBUSY;
	return 0;
}

void dmakit_dma_observer_unregister(const struct dmakit_dma_observer *obs)
{
	const struct dmakit_dma_observer *cur = obs;

	__atomic_compare_exchange_n(&dma_observer, &cur, NULL, false,
				    __ATOMIC_ACQ_REL, __ATOMIC_RELAXED);
}

static void observe_map(struct device *dev, dma_addr_t addr, size_t size,
			enum dma_data_direction dir)
{
	const struct dmakit_dma_observer *obs = READ_ONCE(dma_observer);

	if (unlikely(dev->bus_master && obs) && addr != DMA_MAPPING_ERROR)
		obs->map(dev, addr, size, dir);
}

static void observe_unmap(struct device *dev, dma_addr_t addr, size_t size,
			  enum dma_data_direction dir)
{
	const struct dmakit_dma_observer *obs = READ_ONCE(dma_observer);

	if (unlikely(dev->bus_master && obs))
		obs->unmap(dev, addr, size, dir);
}

dma_addr_t phys_to_dma(struct device *dev, phys_addr_t paddr)
{
	const struct bus_dma_region *m = dev->dma_range_map;

	if (!m)
		return paddr;
	for (; m->size; m++)
		if (paddr >= m->cpu_start && paddr - m->cpu_start < m->size)
			return paddr - m->offset;
	return DMA_MAPPING_ERROR;
}

phys_addr_t dma_to_phys(struct device *dev, dma_addr_t dma_addr)
{
	const struct bus_dma_region *m = dev->dma_range_map;

	if (!m)
		return dma_addr;
	for (; m->size; m++)
		if (dma_addr >= m->dma_start && dma_addr - m->dma_start < m->size)
			return dma_addr + m->offset;
	return (phys_addr_t)-1;
}

static u64 dma_limit(struct device *dev, bool coherent)
{
	u64 mask = coherent ? dev->coherent_dma_mask :
			      (dev->dma_mask ? *dev->dma_mask : 0);

	if (dev->bus_dma_limit)
		mask = min_t(u64, mask, dev->bus_dma_limit);
	return mask;
}

bool dma_capable(struct device *dev, dma_addr_t addr, size_t size, bool is_ram)
{
	dma_addr_t end = addr + size - 1;

	(void)is_ram;
	if (addr == DMA_MAPPING_ERROR)
		return false;
	if (!dev->dma_mask)
		return false;
	return end >= addr && end <= dma_limit(dev, false);
}

static dma_addr_t direct_map_phys(struct device *dev, phys_addr_t phys,
				  size_t size)
{
	dma_addr_t addr = phys_to_dma(dev, phys);

	if (unlikely(!dma_capable(dev, addr, size, true))) {
		dev_WARN_ONCE(dev, 1,
			      "DMA addr %#llx+%zu overflow (mask %llx, bus limit %llx).\n",
			      (unsigned long long)addr, size,
			      (unsigned long long)(dev->dma_mask ? *dev->dma_mask : 0),
			      (unsigned long long)dev->bus_dma_limit);
		return DMA_MAPPING_ERROR;
	}
	return addr;
}

dma_addr_t dma_map_page_attrs(struct device *dev, struct page *page,
			      size_t offset, size_t size,
			      enum dma_data_direction dir, unsigned long attrs)
{
	const struct dma_map_ops *ops = get_dma_ops(dev);
	dma_addr_t addr;

	BUG_ON(!valid_dma_direction(dir));
	if (ops)
		addr = ops->map_page(dev, page, offset, size, dir, attrs);
	else
		addr = direct_map_phys(dev, page_to_phys(page) + offset, size);
	observe_map(dev, addr, size, dir);
	return addr;
}

void dma_unmap_page_attrs(struct device *dev, dma_addr_t addr, size_t size,
			  enum dma_data_direction dir, unsigned long attrs)
{
	const struct dma_map_ops *ops = get_dma_ops(dev);

	BUG_ON(!valid_dma_direction(dir));
	observe_unmap(dev, addr, size, dir);
	if (ops && ops->unmap_page)
		ops->unmap_page(dev, addr, size, dir, attrs);
}

int dma_map_sg_attrs(struct device *dev, struct scatterlist *sgl, int nents,
		     enum dma_data_direction dir, unsigned long attrs)
{
	const struct dma_map_ops *ops = get_dma_ops(dev);
	struct scatterlist *sg;
	int i;

	int mapped = nents;

	BUG_ON(!valid_dma_direction(dir));
	if (ops) {
		mapped = ops->map_sg(dev, sgl, nents, dir, attrs);
	} else {
		for_each_sg(sgl, sg, nents, i) {
			sg->dma_address = direct_map_phys(dev, sg_phys(sg),
							  sg->length);
			if (sg->dma_address == DMA_MAPPING_ERROR)
				return 0;
			sg_dma_len(sg) = sg->length;
		}
	}
	if (unlikely(dev->bus_master) && mapped > 0)
		for_each_sg(sgl, sg, mapped, i)
			observe_map(dev, sg_dma_address(sg), sg_dma_len(sg), dir);
	return mapped;
}

void dma_unmap_sg_attrs(struct device *dev, struct scatterlist *sg, int nents,
			enum dma_data_direction dir, unsigned long attrs)
{
	const struct dma_map_ops *ops = get_dma_ops(dev);

	BUG_ON(!valid_dma_direction(dir));
	if (unlikely(dev->bus_master)) {
		struct scatterlist *s;
		int i;

		/* Each mapped segment until the first unused one. */
		for_each_sg(sg, s, nents, i) {
			if (!sg_dma_len(s))
				break;
			observe_unmap(dev, sg_dma_address(s), sg_dma_len(s), dir);
		}
	}
	if (ops && ops->unmap_sg)
		ops->unmap_sg(dev, sg, nents, dir, attrs);
}

int dma_map_sgtable(struct device *dev, struct sg_table *sgt,
		    enum dma_data_direction dir, unsigned long attrs)
{
	int nents = dma_map_sg_attrs(dev, sgt->sgl, sgt->orig_nents, dir, attrs);

	if (nents <= 0)
		return -EIO;
	sgt->nents = nents;
	return 0;
}

dma_addr_t dma_map_resource(struct device *dev, phys_addr_t phys_addr,
			    size_t size, enum dma_data_direction dir,
			    unsigned long attrs)
{
	const struct dma_map_ops *ops = get_dma_ops(dev);

	BUG_ON(!valid_dma_direction(dir));
	if (ops && ops->map_resource)
		return ops->map_resource(dev, phys_addr, size, dir, attrs);
	return phys_addr;
}

void dma_unmap_resource(struct device *dev, dma_addr_t addr, size_t size,
			enum dma_data_direction dir, unsigned long attrs)
{
	const struct dma_map_ops *ops = get_dma_ops(dev);

	if (ops && ops->unmap_resource)
		ops->unmap_resource(dev, addr, size, dir, attrs);
}

/* Direct mappings are cache-coherent on the host: syncs are no-ops. */
void dma_sync_single_for_cpu(struct device *dev, dma_addr_t addr, size_t size,
			     enum dma_data_direction dir)
{
	const struct dma_map_ops *ops = get_dma_ops(dev);

	if (ops && ops->sync_single_for_cpu)
		ops->sync_single_for_cpu(dev, addr, size, dir);
}

void dma_sync_single_for_device(struct device *dev, dma_addr_t addr,
				size_t size, enum dma_data_direction dir)
{
	const struct dma_map_ops *ops = get_dma_ops(dev);

	if (ops && ops->sync_single_for_device)
		ops->sync_single_for_device(dev, addr, size, dir);
}

void dma_sync_sg_for_cpu(struct device *dev, struct scatterlist *sg, int nelems,
			 enum dma_data_direction dir)
{
	const struct dma_map_ops *ops = get_dma_ops(dev);

	if (ops && ops->sync_sg_for_cpu)
		ops->sync_sg_for_cpu(dev, sg, nelems, dir);
}

void dma_sync_sg_for_device(struct device *dev, struct scatterlist *sg,
			    int nelems, enum dma_data_direction dir)
{
	const struct dma_map_ops *ops = get_dma_ops(dev);

	if (ops && ops->sync_sg_for_device)
		ops->sync_sg_for_device(dev, sg, nelems, dir);
}

/*
 * Coherent memory for direct mapping must sit below the coherent mask:
 * memory for masks under the process's address range comes from
 * MAP_32BIT (below 2 GiB) mappings.
 */
static void *direct_alloc(struct device *dev, size_t size, dma_addr_t *handle,
			  gfp_t gfp)
{
	u64 limit = dma_limit(dev, true);
	size_t len = PAGE_ALIGN(size);
	void *p;

	if (limit >= (1ULL << 47) - 1) {
		p = alloc_pages(gfp, get_count_order(DIV_ROUND_UP(len, PAGE_SIZE)));
		if (!p)
			return NULL;
	} else {
		p = mmap(NULL, len, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS | MAP_32BIT, -1, 0);
		if (p == MAP_FAILED)
			return NULL;
	}
	*handle = phys_to_dma(dev, virt_to_phys(p));
	if (*handle == DMA_MAPPING_ERROR || *handle + size - 1 > limit) {
		if (limit >= (1ULL << 47) - 1)
			__free_pages(p, 0);
		else
			munmap(p, len);
		return NULL;
	}
	memset(p, 0, size);
	return p;
}

static void direct_free(struct device *dev, size_t size, void *vaddr)
{
	u64 limit = dma_limit(dev, true);

	if (limit >= (1ULL << 47) - 1)
		__free_pages(vaddr, 0);
	else
		munmap(vaddr, PAGE_ALIGN(size));
}

void *dma_alloc_attrs(struct device *dev, size_t size, dma_addr_t *dma_handle,
		      gfp_t flag, unsigned long attrs)
{
	const struct dma_map_ops *ops = get_dma_ops(dev);

	might_sleep_if(gfpflags_allow_blocking(flag));
	void *vaddr;

	if (!size)
		return NULL;
	if (ops && ops->alloc)
		vaddr = ops->alloc(dev, size, dma_handle, flag, attrs);
	else
		vaddr = direct_alloc(dev, size, dma_handle, flag);
	if (vaddr)
		observe_map(dev, *dma_handle, size, DMA_BIDIRECTIONAL);
	return vaddr;
}

void dma_free_attrs(struct device *dev, size_t size, void *cpu_addr,
		    dma_addr_t dma_handle, unsigned long attrs)
{
	const struct dma_map_ops *ops = get_dma_ops(dev);

	if (!cpu_addr)
		return;
	observe_unmap(dev, dma_handle, size, DMA_BIDIRECTIONAL);
	if (ops && ops->free)
		ops->free(dev, size, cpu_addr, dma_handle, attrs);
	else
		direct_free(dev, size, cpu_addr);
}

struct dma_devres {
	size_t size;
	void *vaddr;
	dma_addr_t dma_handle;
	unsigned long attrs;
};

static void dmam_release(struct device *dev, void *res)
{
	struct dma_devres *this = res;

	dma_free_attrs(dev, this->size, this->vaddr, this->dma_handle,
		       this->attrs);
}

static int dmam_match(struct device *dev, void *res, void *match_data)
{
	struct dma_devres *this = res, *match = match_data;

	(void)dev;
	return this->vaddr == match->vaddr;
}

void *dmam_alloc_attrs(struct device *dev, size_t size, dma_addr_t *dma_handle,
		       gfp_t gfp, unsigned long attrs)
{
	struct dma_devres *dr;
	void *vaddr;

	dr = devres_alloc(dmam_release, sizeof(*dr), gfp);
	if (!dr)
		return NULL;
	vaddr = dma_alloc_attrs(dev, size, dma_handle, gfp, attrs);
	if (!vaddr) {
		devres_free(dr);
		return NULL;
	}
	dr->vaddr = vaddr;
	dr->dma_handle = *dma_handle;
	dr->size = size;
	dr->attrs = attrs;
	devres_add(dev, dr);
	return vaddr;
}

void dmam_free_coherent(struct device *dev, size_t size, void *vaddr,
			dma_addr_t dma_handle)
{
	struct dma_devres match_data = { size, vaddr, dma_handle, 0 };

	WARN_ON(devres_destroy(dev, dmam_release, dmam_match, &match_data));
	dma_free_coherent(dev, size, vaddr, dma_handle);
}

int dma_supported(struct device *dev, u64 mask)
{
	const struct dma_map_ops *ops = get_dma_ops(dev);

	if (ops && ops->dma_supported)
		return ops->dma_supported(dev, mask);
	/* Direct mapping needs the mask to cover where memory can be. */
	return mask >= DMA_BIT_MASK(24);
}

int dma_set_mask(struct device *dev, u64 mask)
{
	if (!dev->dma_mask || !dma_supported(dev, mask))
		return -EIO;
	*dev->dma_mask = mask;
	return 0;
}

int dma_set_coherent_mask(struct device *dev, u64 mask)
{
	if (!dma_supported(dev, mask))
		return -EIO;
	dev->coherent_dma_mask = mask;
	return 0;
}

u64 dma_get_required_mask(struct device *dev)
{
	(void)dev;
	return DMA_BIT_MASK(47);
}

size_t dma_max_mapping_size(struct device *dev)
{
	const struct dma_map_ops *ops = get_dma_ops(dev);

	if (ops && ops->max_mapping_size)
		return ops->max_mapping_size(dev);
	return SIZE_MAX;
}
