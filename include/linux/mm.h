/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Pages.  A process has no physical memory of its own, so dmakit's
 * "physical address" of a byte is its address in the process, and
 * struct page is the page-sized, page-aligned block itself:
 * page + 1 is the next page, page_address(page) is the page.
 */
#ifndef _DMAKIT_LINUX_MM_H
#define _DMAKIT_LINUX_MM_H

#include <dmakit/kernel.h>

#define PAGE_SHIFT	12
#define PAGE_SIZE	(1UL << PAGE_SHIFT)
#define PAGE_MASK	(~(PAGE_SIZE - 1))
#define PAGE_ALIGN(addr) ALIGN(addr, PAGE_SIZE)
#define PAGE_ALIGNED(addr) IS_ALIGNED((unsigned long)(addr), PAGE_SIZE)
#define offset_in_page(p) ((unsigned long)(p) & ~PAGE_MASK)
#define PFN_DOWN(x)	((x) >> PAGE_SHIFT)
#define PFN_UP(x)	(((x) + PAGE_SIZE - 1) >> PAGE_SHIFT)
#define PFN_PHYS(x)	((phys_addr_t)(x) << PAGE_SHIFT)
#define PHYS_PFN(x)	((unsigned long)((x) >> PAGE_SHIFT))

struct page {
	u8 __data[PAGE_SIZE];
} __aligned(PAGE_SIZE);

static inline void *page_address(const struct page *page)
{
	return (void *)page;
}

static inline struct page *virt_to_page(const void *addr)
{
	return (struct page *)((unsigned long)addr & PAGE_MASK);
}

static inline phys_addr_t virt_to_phys(const volatile void *addr)
{
	return (phys_addr_t)(unsigned long)addr;
}

static inline void *phys_to_virt(phys_addr_t addr)
{
	return (void *)(unsigned long)addr;
}

static inline phys_addr_t page_to_phys(const struct page *page)
{
	return (phys_addr_t)(unsigned long)page;
}

static inline struct page *phys_to_page(phys_addr_t phys)
{
	return (struct page *)(unsigned long)(phys & PAGE_MASK);
}

#define page_to_pfn(page)	((unsigned long)(page) >> PAGE_SHIFT)
#define pfn_to_page(pfn)	((struct page *)((unsigned long)(pfn) << PAGE_SHIFT))
#define nth_page(page, n)	((page) + (n))
#define virt_addr_valid(addr)	((addr) != NULL)
#define kmap(page)		page_address(page)
#define kunmap(page)		do { (void)(page); } while (0)
#define kmap_local_page(page)	page_address(page)
#define kunmap_local(addr)	do { (void)(addr); } while (0)
#define kmap_atomic(page)	page_address(page)
#define kunmap_atomic(addr)	do { (void)(addr); } while (0)

static inline bool is_vmalloc_addr(const void *x)
{
	(void)x;
	return false;
}

#endif
