/* SPDX-License-Identifier: GPL-2.0 */
/*
 * dmakit/dmaengine.h - host views of the dmaengine core (what the kernel
 * shows in debugfs dmaengine/summary and /sys/class/dma).
 */
#ifndef _DMAKIT_DMAENGINE_H
#define _DMAKIT_DMAENGINE_H

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

#endif
