/* SPDX-License-Identifier: GPL-2.0 */
/*
 * dmakit/dmaengine.h - host views of the dmaengine core (what the kernel
 * shows in debugfs dmaengine/summary and /sys/class/dma).
 */
#ifndef _DMAKIT_DMAENGINE_H
#define _DMAKIT_DMAENGINE_H

#include <stdio.h>

struct seq_file;
struct dma_device;
struct dma_chan;

/* The debugfs dmaengine/summary text. */
void dmaengine_summary_show(struct seq_file *s);
/* Walk registered devices under the core's lock; stop on non-zero. */
int dmaengine_for_each_device(int (*fn)(struct dma_device *dev, void *data),
			      void *data);
/* Sums of the per-CPU counters (sysfs memcpy_count, bytes_transferred). */
void dmaengine_chan_stats(struct dma_chan *chan, unsigned long *memcpy_count,
			  unsigned long *bytes_transferred);

/*
 * The views, for tools and tests (drivers/dma/dmaengine-sysfs.c).
 *
 * dmakit_dump_summary() prints what `cat /sys/kernel/debug/dmaengine/
 * summary` prints.  dmakit_dump_sysfs() prints the class "dma" part of
 * sysfs as `grep . ` and `ls -l` show it, one line per entry, channels
 * in registration order, entries in name order:
 *
 *   /sys/class/dma/dma0chan0 -> ../../devices/platform/dma-controller/dma/dma0chan0
 *   /sys/class/dma/dma0chan0/bytes_transferred:0
 *   /sys/class/dma/dma0chan0/device -> ../../../dma-controller
 *   /sys/class/dma/dma0chan0/in_use:1
 *   /sys/class/dma/dma0chan0/memcpy_count:0
 *   /sys/class/dma/dma0chan0/slave -> ../../../soc/10000000.serial
 *   /sys/devices/platform/soc/10000000.serial/dma:rx -> ../../dma-controller/dma/dma0chan0
 *
 * (slave and dma:<name> exist while a client holds the channel through
 * dma_request_chan()).  dmakit_write_sysfs() creates the same files and
 * relative symlinks under @dir (as if @dir were /sys); the attribute
 * files hold "%lu\n" / "%d\n" as the kernel's do.  Return 0 or -errno.
 */
void dmakit_dump_summary(FILE *f);
int dmakit_dump_sysfs(FILE *f);
int dmakit_write_sysfs(const char *dir);

#endif
