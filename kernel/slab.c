// SPDX-License-Identifier: GPL-2.0
/*
 * kmalloc and friends over the C allocator.  Every allocation is counted
 * (so a test can prove a fast path allocates nothing), GFP_KERNEL
 * allocations check for atomic context like the kernel's might_sleep_if(),
 * and the fault injector can make allocations fail.
 */
#include <malloc.h>
#include <stdlib.h>
#include <linux/slab.h>
#include <dmakit/fault.h>
#include "internal.h"

static unsigned long kmalloc_count;

unsigned long dmakit_kmalloc_count(void)
{
	return __atomic_load_n(&kmalloc_count, __ATOMIC_RELAXED);
}

static bool alloc_prologue(gfp_t flags)
{
	might_sleep_if(gfpflags_allow_blocking(flags));
	__atomic_fetch_add(&kmalloc_count, 1, __ATOMIC_RELAXED);
	return !dmakit_should_fail(DMAKIT_FAULT_KMALLOC, flags);
}

void *kmalloc(size_t size, gfp_t flags)
{
	void *p;

	if (!alloc_prologue(flags))
		return NULL;
	if (!size)
		return ZERO_SIZE_PTR;
	/* Kernel kmalloc memory is at least 8- and ARCH_KMALLOC_MINALIGN-aligned. */
	p = (flags & __GFP_ZERO) ? calloc(1, size) : malloc(size);
	return p;
}

void *kmalloc_node(size_t size, gfp_t flags, int node)
{
	(void)node;
	return kmalloc(size, flags);
}

void kfree(const void *objp)
{
	if (ZERO_OR_NULL_PTR(objp))
		return;
	free((void *)objp);
}

void kfree_sensitive(const void *objp)
{
	if (ZERO_OR_NULL_PTR(objp))
		return;
	memset((void *)objp, 0, malloc_usable_size((void *)objp));
	free((void *)objp);
}

size_t ksize(const void *objp)
{
	if (ZERO_OR_NULL_PTR(objp))
		return 0;
	return malloc_usable_size((void *)objp);
}

void *krealloc(const void *p, size_t new_size, gfp_t flags)
{
	size_t old;
	void *n;

	if (!new_size) {
		kfree(p);
		return ZERO_SIZE_PTR;
	}
	if (!alloc_prologue(flags))
		return NULL;
	old = ksize(p);
	n = realloc(ZERO_OR_NULL_PTR(p) ? NULL : (void *)p, new_size);
	if (n && (flags & __GFP_ZERO) && new_size > old)
		memset((char *)n + old, 0, new_size - old);
	return n;
}

char *kstrdup(const char *s, gfp_t gfp)
{
	size_t len;
	char *buf;

	if (!s)
		return NULL;
	len = strlen(s) + 1;
	buf = kmalloc(len, gfp);
	if (buf)
		memcpy(buf, s, len);
	return buf;
}

const char *kstrdup_const(const char *s, gfp_t gfp)
{
	return kstrdup(s, gfp);
}

void kfree_const(const void *x)
{
	kfree(x);
}

char *kstrndup(const char *s, size_t max, gfp_t gfp)
{
	size_t len;
	char *buf;

	if (!s)
		return NULL;
	len = strnlen(s, max);
	buf = kmalloc(len + 1, gfp);
	if (buf) {
		memcpy(buf, s, len);
		buf[len] = '\0';
	}
	return buf;
}

void *kmemdup(const void *src, size_t len, gfp_t gfp)
{
	void *p = kmalloc(len, gfp);

	if (p)
		memcpy(p, src, len);
	return p;
}

char *kvasprintf(gfp_t gfp, const char *fmt, va_list args)
{
	va_list aq;
	char *p;
	int len;

	va_copy(aq, args);
	len = vsnprintf(NULL, 0, fmt, aq);
	va_end(aq);
	p = kmalloc(len + 1, gfp);
	if (!p)
		return NULL;
	vsnprintf(p, len + 1, fmt, args);
	return p;
}

char *kasprintf(gfp_t gfp, const char *fmt, ...)
{
	va_list args;
	char *p;

	va_start(args, fmt);
	p = kvasprintf(gfp, fmt, args);
	va_end(args);
	return p;
}

struct kmem_cache {
	const char *name;
	unsigned int size;
	unsigned int align;
	void (*ctor)(void *);
};

struct kmem_cache *kmem_cache_create(const char *name, unsigned int size,
				     unsigned int align, unsigned long flags,
				     void (*ctor)(void *))
{
	struct kmem_cache *s = kzalloc(sizeof(*s), GFP_KERNEL);

	if (!s)
		return NULL;
	if (flags & SLAB_HWCACHE_ALIGN)
		align = max(align, 64u);
	s->name = name;
	s->size = size;
	s->align = align ? roundup_pow_of_two(align) : 8;
	if (s->align < sizeof(void *))
		s->align = sizeof(void *);
	s->ctor = ctor;
	return s;
}

void *kmem_cache_alloc(struct kmem_cache *s, gfp_t flags)
{
	void *p;

	if (!alloc_prologue(flags))
		return NULL;
	if (posix_memalign(&p, s->align, s->size))
		return NULL;
	if (flags & __GFP_ZERO)
		memset(p, 0, s->size);
	if (s->ctor)
		s->ctor(p);
	return p;
}

void kmem_cache_free(struct kmem_cache *s, void *objp)
{
	(void)s;
	free(objp);
}

void kmem_cache_destroy(struct kmem_cache *s)
{
	kfree(s);
}

struct page *alloc_pages(gfp_t gfp, unsigned int order)
{
	size_t size = PAGE_SIZE << order;
	void *p;

	if (!alloc_prologue(gfp))
		return NULL;
	if (posix_memalign(&p, PAGE_SIZE, size))
		return NULL;
	if (gfp & __GFP_ZERO)
		memset(p, 0, size);
	return p;
}

void __free_pages(struct page *page, unsigned int order)
{
	(void)order;
	free(page);
}

unsigned long __get_free_pages(gfp_t gfp, unsigned int order)
{
	return (unsigned long)alloc_pages(gfp, order);
}

unsigned long get_zeroed_page(gfp_t gfp)
{
	return __get_free_pages(gfp | __GFP_ZERO, 0);
}

void free_pages(unsigned long addr, unsigned int order)
{
	if (addr)
		__free_pages((struct page *)addr, order);
}
