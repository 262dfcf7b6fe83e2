/* SPDX-License-Identifier: GPL-2.0 */
/*
 * MMIO.  ioremap() of a physical range that a simulated device decodes
 * returns an address inside dmakit's MMIO window (reserved, never
 * accessible memory); readl()/writel() on such an address call the
 * device model's register handler synchronously, like a bus cycle.
 * Anything else is plain memory.
 */
#ifndef _DMAKIT_LINUX_IO_H
#define _DMAKIT_LINUX_IO_H

#include <dmakit/kernel.h>

struct device;

/* Set by the machine (hw/) when it boots. */
extern unsigned long __dmakit_mmio_base, __dmakit_mmio_size;
u64 __dmakit_mmio_read(const volatile void __iomem *addr, unsigned int size);
void __dmakit_mmio_write(volatile void __iomem *addr, u64 val, unsigned int size);

static inline bool __dmakit_is_mmio(const volatile void __iomem *addr)
{
	return (unsigned long)addr - __dmakit_mmio_base < __dmakit_mmio_size;
}

#define __DMAKIT_IO_ACCESSORS(sfx, type, bytes)				\
static inline type read##sfx(const volatile void __iomem *addr)	\
{									\
	if (__dmakit_is_mmio(addr))					\
		return (type)__dmakit_mmio_read(addr, bytes);		\
	return *(const volatile type *)addr;				\
}									\
static inline void write##sfx(type val, volatile void __iomem *addr)	\
{									\
	if (__dmakit_is_mmio(addr)) {					\
		__dmakit_mmio_write(addr, val, bytes);			\
		return;							\
	}								\
	*(volatile type *)addr = val;					\
}

__DMAKIT_IO_ACCESSORS(b, u8, 1)
__DMAKIT_IO_ACCESSORS(w, u16, 2)
__DMAKIT_IO_ACCESSORS(l, u32, 4)
__DMAKIT_IO_ACCESSORS(q, u64, 8)

#define readb_relaxed readb
#define readw_relaxed readw
#define readl_relaxed readl
#define readq_relaxed readq
#define writeb_relaxed writeb
#define writew_relaxed writew
#define writel_relaxed writel
#define writeq_relaxed writeq
#define ioread8(a)	readb(a)
#define ioread16(a)	readw(a)
#define ioread32(a)	readl(a)
#define ioread64(a)	readq(a)
#define iowrite8(v, a)	writeb(v, a)
#define iowrite16(v, a)	writew(v, a)
#define iowrite32(v, a)	writel(v, a)
#define iowrite64(v, a)	writeq(v, a)
#define lo_hi_readq(a)	readq(a)
#define lo_hi_writeq(v, a) writeq(v, a)
#define IOMEM_ERR_PTR(err) ((__force void __iomem *)ERR_PTR(err))

static inline void memcpy_fromio(void *dst, const volatile void __iomem *src,
				 size_t n)
{
	u8 *d = dst;
	size_t i;

	for (i = 0; i < n; i++)
		d[i] = readb((const volatile u8 __iomem *)src + i);
}

static inline void memcpy_toio(volatile void __iomem *dst, const void *src,
			       size_t n)
{
	const u8 *s = src;
	size_t i;

	for (i = 0; i < n; i++)
		writeb(s[i], (volatile u8 __iomem *)dst + i);
}

void __iomem *ioremap(phys_addr_t offset, size_t size);
void iounmap(volatile void __iomem *addr);
#define ioremap_wc ioremap
#define ioremap_uc ioremap
#define ioremap_np ioremap
void __iomem *devm_ioremap(struct device *dev, resource_size_t offset,
			   resource_size_t size);

/*
 * The bus side: the machine registers a decoder that maps a physical
 * range to a window offset, and read/write handlers for the window.
 */
struct dmakit_mmio_bus {
	/* Return the window offset for [phys, phys+size) or -1. */
	long (*map)(void *priv, phys_addr_t phys, size_t size);
	u64 (*read)(void *priv, unsigned long off, unsigned int size);
	void (*write)(void *priv, unsigned long off, u64 val, unsigned int size);
	void *priv;
};
int dmakit_mmio_bus_register(const struct dmakit_mmio_bus *bus,
			     unsigned long window_size);
void dmakit_mmio_bus_unregister(void);

#endif
