// SPDX-License-Identifier: GPL-2.0
/*
 * The MMIO window: a reserved, inaccessible address range.  ioremap()
 * asks the registered bus (the simulated machine) to decode a physical
 * range and returns the matching address in the window; accesses there
 * are routed to the bus's handlers.  A stray access faults, like a
 * dereference of a bad pointer would.
 */
#include <sys/mman.h>
#include <linux/io.h>
#include "internal.h"

unsigned long __dmakit_mmio_base, __dmakit_mmio_size;
static struct dmakit_mmio_bus mmio_bus;
static void *mmio_window;

int dmakit_mmio_bus_register(const struct dmakit_mmio_bus *bus,
			     unsigned long window_size)
{
	void *w;

	if (mmio_window)
		return -EBUSY;
	w = mmap(NULL, window_size, PROT_NONE,
		 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (w == MAP_FAILED)
		return -ENOMEM;
	mmio_bus = *bus;
	mmio_window = w;
	WRITE_ONCE(__dmakit_mmio_size, window_size);
	WRITE_ONCE(__dmakit_mmio_base, (unsigned long)w);
	return 0;
}

void dmakit_mmio_bus_unregister(void)
{
	if (!mmio_window)
		return;
	munmap(mmio_window, __dmakit_mmio_size);
	WRITE_ONCE(__dmakit_mmio_base, 0);
	WRITE_ONCE(__dmakit_mmio_size, 0);
	mmio_window = NULL;
	memset(&mmio_bus, 0, sizeof(mmio_bus));
}

void __iomem *ioremap(phys_addr_t offset, size_t size)
{
	long off;

	if (!mmio_window || !mmio_bus.map)
		return NULL;
	off = mmio_bus.map(mmio_bus.priv, offset, size);
	if (off < 0)
		return NULL;
	return (char *)mmio_window + off;
}

void iounmap(volatile void __iomem *addr)
{
	(void)addr;
}

u64 __dmakit_mmio_read(const volatile void __iomem *addr, unsigned int size)
{
	return mmio_bus.read(mmio_bus.priv,
			     (unsigned long)addr - __dmakit_mmio_base, size);
}

void __dmakit_mmio_write(volatile void __iomem *addr, u64 val, unsigned int size)
{
	mmio_bus.write(mmio_bus.priv, (unsigned long)addr - __dmakit_mmio_base,
		       val, size);
}
