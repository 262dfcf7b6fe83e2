// SPDX-License-Identifier: GPL-2.0
/* Per-CPU allocations: one copy per possible CPU; see <linux/percpu.h>. */
#include <stdlib.h>
#include <linux/percpu.h>

struct pcpu_hdr {
	size_t stride;
};

void *__alloc_percpu(size_t size, size_t align)
{
	size_t stride = ALIGN(size, max_t(size_t, align, 64));
	struct pcpu_hdr *h;
	void *base;

	if (posix_memalign(&base, 64, 64 + stride * nr_cpu_ids))
		return NULL;
	memset(base, 0, 64 + stride * nr_cpu_ids);
	h = base;
	h->stride = stride;
	return (char *)base + 64;
}

void free_percpu(void *ptr)
{
	if (ptr)
		free((char *)ptr - 64);
}

void *__dmakit_per_cpu_ptr(void *ptr, int cpu)
{
	struct pcpu_hdr *h = (struct pcpu_hdr *)((char *)ptr - 64);

	return (char *)ptr + h->stride * cpu;
}
