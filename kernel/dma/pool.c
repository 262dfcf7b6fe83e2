// SPDX-License-Identifier: GPL-2.0
/*
 * DMA pools (mm/dmapool.c): small, aligned blocks carved from coherent
 * pages.  No block crosses a @boundary; blocks are handed out from a
 * free list, newest-freed first.
 */
#include <linux/dma-mapping.h>
#include <linux/dmapool.h>
#include <linux/slab.h>

struct dma_block {
	struct dma_block *next_block;
	dma_addr_t dma;
};

struct dma_page {
	struct list_head page_list;
	void *vaddr;
	dma_addr_t dma;
};

struct dma_pool {
	struct list_head page_list;
	spinlock_t lock;
	struct dma_block *next_block;
	size_t nr_blocks;
	size_t nr_active;
	size_t nr_pages;
	struct device *dev;
	unsigned int size;
	unsigned int allocation;
	unsigned int boundary;
	char name[32];
	struct list_head pools;
};

static DEFINE_MUTEX(pools_lock);

struct dma_pool *dma_pool_create(const char *name, struct device *dev,
				 size_t size, size_t align, size_t boundary)
{
	struct dma_pool *retval;
	size_t allocation;

	if (!dev)
		return NULL;
	if (align == 0)
		align = 1;
	else if (align & (align - 1))
		return NULL;
	if (size == 0 || size > INT_MAX)
		return NULL;
	if (size < sizeof(struct dma_block))
		size = sizeof(struct dma_block);
	size = ALIGN(size, align);
	allocation = max_t(size_t, size, PAGE_SIZE);
	if (!boundary)
		boundary = allocation;
	else if ((boundary < size) || (boundary & (boundary - 1)))
		return NULL;
	boundary = min(boundary, allocation);

	retval = kzalloc(sizeof(*retval), GFP_KERNEL);
	if (!retval)
		return retval;
	strscpy(retval->name, name, sizeof(retval->name));
	retval->dev = dev;
	INIT_LIST_HEAD(&retval->page_list);
	spin_lock_init(&retval->lock);
	retval->size = size;
	retval->boundary = boundary;
	retval->allocation = allocation;
	mutex_lock(&pools_lock);
	list_add(&retval->pools, &dev->dma_pools);
	mutex_unlock(&pools_lock);
	return retval;
}

static void pool_initialise_page(struct dma_pool *pool, struct dma_page *page)
{
	unsigned int next_boundary = pool->boundary, offset = 0;
	struct dma_block *block, *first = NULL, *last = NULL;

	while (offset + pool->size <= pool->allocation) {
		if (offset + pool->size > next_boundary) {
			offset = next_boundary;
			next_boundary += pool->boundary;
			continue;
		}
		block = (struct dma_block *)((u8 *)page->vaddr + offset);
		block->dma = page->dma + offset;
		block->next_block = NULL;
		if (last)
			last->next_block = block;
		else
			first = block;
		last = block;
		offset += pool->size;
		pool->nr_blocks++;
	}
	last->next_block = pool->next_block;
	pool->next_block = first;
	list_add(&page->page_list, &pool->page_list);
	pool->nr_pages++;
}

static struct dma_page *pool_alloc_page(struct dma_pool *pool, gfp_t mem_flags)
{
	struct dma_page *page = kmalloc(sizeof(*page), mem_flags);

	if (!page)
		return NULL;
	page->vaddr = dma_alloc_coherent(pool->dev, pool->allocation,
					 &page->dma, mem_flags);
	if (!page->vaddr) {
		kfree(page);
		return NULL;
	}
	return page;
}

void dma_pool_destroy(struct dma_pool *pool)
{
	struct dma_page *page, *tmp;

	if (unlikely(!pool))
		return;
	mutex_lock(&pools_lock);
	list_del(&pool->pools);
	mutex_unlock(&pools_lock);
	if (unlikely(pool->nr_active))
		dev_err(pool->dev, "%s %s busy\n", __func__, pool->name);
	list_for_each_entry_safe(page, tmp, &pool->page_list, page_list) {
		/* Leak pages with blocks still in use, as the kernel does. */
		if (!pool->nr_active)
			dma_free_coherent(pool->dev, pool->allocation,
					  page->vaddr, page->dma);
		list_del(&page->page_list);
		kfree(page);
	}
	kfree(pool);
}

void *dma_pool_alloc(struct dma_pool *pool, gfp_t mem_flags, dma_addr_t *handle)
{
	struct dma_block *block;
	struct dma_page *page;
	unsigned long flags;

	might_sleep_if(gfpflags_allow_blocking(mem_flags));
	spin_lock_irqsave(&pool->lock, flags);
	block = pool->next_block;
	if (block) {
		pool->next_block = block->next_block;
		pool->nr_active++;
	}
	spin_unlock_irqrestore(&pool->lock, flags);
	if (!block) {
		page = pool_alloc_page(pool, mem_flags & ~__GFP_ZERO);
		if (!page)
			return NULL;
		spin_lock_irqsave(&pool->lock, flags);
		pool_initialise_page(pool, page);
		block = pool->next_block;
		pool->next_block = block->next_block;
		pool->nr_active++;
		spin_unlock_irqrestore(&pool->lock, flags);
	}
	*handle = block->dma;
	if (mem_flags & __GFP_ZERO)
		memset(block, 0, pool->size);
	return block;
}

void dma_pool_free(struct dma_pool *pool, void *vaddr, dma_addr_t dma)
{
	struct dma_block *block = vaddr;
	unsigned long flags;

	spin_lock_irqsave(&pool->lock, flags);
	block->dma = dma;
	block->next_block = pool->next_block;
	pool->next_block = block;
	pool->nr_active--;
	spin_unlock_irqrestore(&pool->lock, flags);
}

static void dmam_pool_release(struct device *dev, void *res)
{
	(void)dev;
	dma_pool_destroy(*(struct dma_pool **)res);
}

static int dmam_pool_match(struct device *dev, void *res, void *match_data)
{
	(void)dev;
	return *(struct dma_pool **)res == match_data;
}

struct dma_pool *dmam_pool_create(const char *name, struct device *dev,
				  size_t size, size_t align, size_t allocation)
{
	struct dma_pool **ptr, *pool;

	ptr = devres_alloc(dmam_pool_release, sizeof(*ptr), GFP_KERNEL);
	if (!ptr)
		return NULL;
	pool = *ptr = dma_pool_create(name, dev, size, align, allocation);
	if (pool)
		devres_add(dev, ptr);
	else
		devres_free(ptr);
	return pool;
}

void dmam_pool_destroy(struct dma_pool *pool)
{
	struct device *dev = pool->dev;

	WARN_ON(devres_release(dev, dmam_pool_release, dmam_pool_match, pool));
}
