// SPDX-License-Identifier: GPL-2.0
/*
 * The software DMA engine: a dmaengine provider whose "hardware" is a
 * set of worker threads that execute descriptors on memory.
 *
 * It is written as a Linux driver on virt-dma and builds unchanged as a
 * kernel module (kmod/); what differs between the two homes sits behind
 * soft-seam.h.
 *
 * Each channel is a virt_dma_chan.  issue_pending moves submitted
 * descriptors to the issued list and kicks the channel's worker; the
 * worker executes the head of the issued list in chunks of at most
 * chunk_size bytes, so pause, terminate and residue act within one chunk.
 * A finished descriptor is completed like vchan_cookie_complete(); its
 * callback runs from the channel's tasklet, in softirq context.
 *
 * One executor at a time per channel (sc->busy).  The worker is one;
 * tx_status() is the other: a poller asking about a descriptor that did
 * not ask for an interrupt runs pending copies itself (poll_progress),
 * so a client that busy-polls cannot starve the worker of its CPU.
 *
 * Fast path (docs/performance.md): an executor takes a batch of up to
 * SOFT_BATCH whole descriptors (chunk_size bytes in all) under one lock
 * hold and completes them under one more.  A completed descriptor with
 * nothing left to run in the tasklet -- no callback, no dependency chained
 * behind it -- is recycled on the spot (to the cache, or, not acked yet,
 * to the un-acked list), so only callbacks and dependencies go through
 * softirq.  The worker completes with bottom halves disabled, so the
 * tasklet runs on the worker's CPU when they are enabled again, as after
 * a hardware interrupt.  Small issued work (inline_bytes) runs in
 * issue_pending itself, its callbacks in softirq context as the caller
 * re-enables bottom halves.  Single-segment descriptors come from a
 * per-channel cache: steady state allocates nothing.
 *
 * Locking: vc.lock protects the lists (issued, dead, cache, unacked),
 * busy, paused, active and done.
 *
 * async_tx support (DMA_XOR, DMA_XOR_VAL, DMA_PQ, DMA_PQ_VAL, dependency
 * chains) follows the kernel's async_tx-capable drivers (mv_xor,
 * ioatdma): the RAID operations run in chunks like the others, over the
 * same byte range [pos, pos + n) of every source and destination; a
 * prepared descriptor's cookie is -EBUSY until it is submitted; at
 * completion the descriptor is unmapped (tx->unmap), the _VAL result is
 * written through the client's pointer, and once its callback has run
 * dma_run_dependencies() submits what was chained behind it; a
 * descriptor the client has not acked (DMA_CTRL_ACK) is kept, not
 * recycled, until it is acked (async_tx uses it after completion).
 */
#include <linux/dma-mapping.h>
#include <linux/dmaengine.h>
#include <linux/interrupt.h>
#include <linux/kthread.h>
#include <linux/ktime.h>
#include <linux/mod_devicetable.h>
#include <linux/module.h>
#include <linux/of_dma.h>
#include <linux/platform_device.h>
#include <linux/prefetch.h>
#include <linux/property.h>
#include <linux/sched.h>
#include <linux/slab.h>

#include "virt-dma.h"
#include "dmaengine.h"
#include "soft-seam.h"

#define SOFT_MAX_CHANNELS	64
#define SOFT_MAX_WORKERS	64
#define SOFT_DESC_CACHE		1024
#define SOFT_BATCH		32
#define SOFT_POLL_WAIT		64	/* cpu_relax()es, ~60 ns each on Zen 3 */
#define SOFT_INLINE_MAX		64	/* descriptors issue_pending runs itself */

static unsigned int nr_channels;
module_param(nr_channels, uint, 0444);
MODULE_PARM_DESC(nr_channels, "Number of channels (default: one per online CPU)");

static unsigned int nr_workers;
module_param(nr_workers, uint, 0444);
MODULE_PARM_DESC(nr_workers, "Number of worker threads");

static unsigned int chunk_size = 65536;
module_param(chunk_size, uint, 0644);
MODULE_PARM_DESC(chunk_size, "Bytes executed between pause/terminate checks");

static bool poll_progress = true;
module_param(poll_progress, bool, 0644);
MODULE_PARM_DESC(poll_progress, "tx_status runs pending non-interrupt descriptors");

static unsigned int spin_us = 20;
module_param(spin_us, uint, 0644);
MODULE_PARM_DESC(spin_us, "Microseconds an idle worker polls before sleeping");

static unsigned int inline_bytes = 4096;
module_param(inline_bytes, uint, 0644);
MODULE_PARM_DESC(inline_bytes,
		 "issue_pending runs issued work of up to this many bytes itself when no executor is in (0: never)");

static bool inline_callbacks = true;
module_param(inline_callbacks, bool, 0644);
MODULE_PARM_DESC(inline_callbacks,
		 "Inline work may have callbacks: they run in softirq context as issue_pending re-enables bottom halves");

static bool worker_callbacks = true;
module_param(worker_callbacks, bool, 0644);
MODULE_PARM_DESC(worker_callbacks,
		 "Callbacks run on the worker's CPU as it completes (else: ksoftirqd)");

static unsigned int fault_every;
module_param(fault_every, uint, 0644);
MODULE_PARM_DESC(fault_every, "Corrupt the last byte of every Nth copy (test hook)");

/*
 * Engine faults (test hooks, off by default): every Nth descriptor that
 * starts while a knob is non-zero gets that fault.  Counts restart at probe.
 */
static unsigned int fault_read_every;
module_param(fault_read_every, uint, 0644);
MODULE_PARM_DESC(fault_read_every, "Fail every Nth descriptor with a source bus error");

static unsigned int fault_write_every;
module_param(fault_write_every, uint, 0644);
MODULE_PARM_DESC(fault_write_every, "Fail every Nth descriptor with a destination bus error");

static unsigned int fault_drop_every;
module_param(fault_drop_every, uint, 0644);
MODULE_PARM_DESC(fault_drop_every, "Lose the completion of every Nth descriptor (held until terminated)");

static unsigned int fault_stall_every;
module_param(fault_stall_every, uint, 0644);
MODULE_PARM_DESC(fault_stall_every, "Stall the channel after the first chunk of every Nth descriptor, until terminated");

static unsigned int fault_dup_every;
module_param(fault_dup_every, uint, 0644);
MODULE_PARM_DESC(fault_dup_every, "Signal the completion of every Nth descriptor twice");

/* async_tx: source limits of DMA_XOR / DMA_PQ (the engine has none) */
static int raid = -1;
module_param(raid, int, 0444);
MODULE_PARM_DESC(raid, "Offer DMA_XOR/XOR_VAL/PQ/PQ_VAL (1), not (0), or the build's default (-1)");

static unsigned int max_xor = 16;
module_param(max_xor, uint, 0444);
MODULE_PARM_DESC(max_xor, "Sources per DMA_XOR / DMA_XOR_VAL descriptor (2..255)");

static unsigned int max_pq = 16;
module_param(max_pq, uint, 0444);
MODULE_PARM_DESC(max_pq, "Sources per DMA_PQ / DMA_PQ_VAL descriptor (1..255)");

/* Completed, un-acked descriptors kept per channel before the oldest go. */
#define SOFT_UNACKED_MAX	1024
#define SOFT_REAP_SCAN		32

enum soft_op {
	SOFT_MEMCPY,
	SOFT_MEMSET,
	SOFT_MEMSET_SG,
	SOFT_INTERLEAVE,
	SOFT_INTERRUPT,
	SOFT_XOR,		/* async_tx / RAID (additive) */
	SOFT_XOR_VAL,
	SOFT_PQ,
	SOFT_PQ_VAL,
};

struct soft_seg {
	dma_addr_t dst;
	dma_addr_t src;
	size_t len;
};

struct soft_desc {
	struct virt_dma_desc vd;
	u8 op;			/* enum soft_op */
	u8 fault;		/* enum soft_fault */
	bool repeat;		/* DMA_PREP_REPEAT */
	bool cached;		/* goes back to the channel's cache */
	bool fault_picked;	/* injected fault chosen (at its first chunk) */
	bool completed;		/* async_tx: went through soft_complete() */
	int value;
	unsigned int nsegs;
	size_t len;		/* payload bytes */
	size_t done;		/* bytes executed so far */
	struct dma_interleaved_template *xt;
	/*
	 * async_tx / RAID (additive).  One allocation at srcs: the source
	 * addresses, the CPU pointers of a chunk (soft_raid_ptrs()) and the
	 * PQ coefficients (soft_raid_coefs()), src_cnt of each.
	 */
	unsigned int src_cnt;
	enum sum_check_flags sum;	/* _VAL: mismatches found so far */
	dma_addr_t *srcs;
	enum sum_check_flags *result;	/* _VAL: written at completion */
	dma_addr_t dst[2];		/* XOR: dst[0]; PQ, PQ_VAL: P, Q */
	struct soft_seg segs[];
};

struct soft_worker;

struct soft_chan {
	struct virt_dma_chan vc;
	struct soft_worker *worker;
	struct soft_desc *active;	/* head of issued, started */
	unsigned int nr_active;		/* descriptors in that batch */
	bool busy;			/* an executor is inside a chunk */
	bool paused;
	struct list_head worker_node;
	/*
	 * The batch an executor may still be executing when terminate runs:
	 * off every vchan list (vchan_get_all_descriptors() would free it
	 * at once), freed by synchronize once the executor is out.
	 */
	struct list_head dead;
	struct list_head cache;		/* free one-segment descriptors */
	unsigned int cached;
	/* async_tx: completed descriptors waiting for DMA_CTRL_ACK */
	struct list_head unacked;
	unsigned int nr_unacked;
};

struct soft_worker {
	struct task_struct *task;
	struct list_head chans;
	int pending;
	int sleeping;
};

struct soft_dma {
	struct dma_device dma;
	struct soft_chan *chans;
	unsigned int nr_chans;
	struct soft_worker *workers;
	unsigned int nr_workers;
	atomic_t copies;
	atomic_t fault_seq[5];	/* descriptors seen per fault knob */
};

static struct soft_desc *to_soft_desc(struct virt_dma_desc *vd)
{
	return container_of(vd, struct soft_desc, vd);
}

static void **soft_raid_ptrs(struct soft_desc *d)
{
	return (void **)(d->srcs + d->src_cnt);
}

static u8 *soft_raid_coefs(struct soft_desc *d)
{
	return (u8 *)(soft_raid_ptrs(d) + d->src_cnt);
}

static struct soft_chan *to_soft_chan(struct dma_chan *chan)
{
	return container_of(to_virt_chan(chan), struct soft_chan, vc);
}

static struct soft_dma *to_soft_dma(struct dma_device *dma)
{
	return container_of(dma, struct soft_dma, dma);
}

/* --- descriptors --- */

/* vc.lock held: a descriptor from the channel's cache, or NULL. */
static struct soft_desc *soft_cache_pop(struct soft_chan *sc)
{
	struct soft_desc *d;

	d = list_first_entry_or_null(&sc->cache, struct soft_desc, vd.node);
	if (!d)
		return NULL;
	list_del(&d->vd.node);
	sc->cached--;
	if (!list_empty(&sc->cache))
		prefetchw(list_first_entry(&sc->cache, struct soft_desc,
					   vd.node));
	/*
	 * What kzalloc() gives a new one, field by field (a struct-wide
	 * clear becomes "rep stos", slow to start); the caller sets the rest.
	 * Cached descriptors are one-segment ones: never RAID, never xt.
	 */
	d->vd.tx.cookie = 0;
	d->vd.tx.phys = 0;
	d->vd.tx.callback = NULL;
	d->vd.tx.callback_result = NULL;
	d->vd.tx.callback_param = NULL;
	d->vd.tx.unmap = NULL;
	d->vd.tx.desc_metadata_mode = 0;
	d->vd.tx.metadata_ops = NULL;
	txd_clear_next(&d->vd.tx);
	txd_clear_parent(&d->vd.tx);
	d->done = 0;
	d->repeat = false;
	d->fault_picked = false;
	d->fault = 0;
	d->completed = false;
	d->xt = NULL;
	return d;
}

/* vc.lock held: keep @d for reuse; false if the cache is full. */
static bool soft_cache_push(struct soft_chan *sc, struct soft_desc *d)
{
	if (!d->cached || sc->cached >= SOFT_DESC_CACHE)
		return false;
	list_add(&d->vd.node, &sc->cache);
	sc->cached++;
	return true;
}

static struct soft_desc *soft_desc_alloc(struct soft_chan *sc,
					 unsigned int nsegs)
{
	struct soft_desc *d = NULL;

	d = kzalloc(struct_size(d, segs, nsegs), GFP_NOWAIT);
	if (!d)
		return NULL;
	d->nsegs = nsegs;
	d->cached = nsegs == 1;
	return d;
}

/* Free @vd for good (or to the cache): nothing refers to it any more. */
static void soft_desc_release(struct virt_dma_desc *vd)
{
	struct soft_chan *sc = to_soft_chan(vd->tx.chan);
	struct soft_desc *d = to_soft_desc(vd);
	unsigned long flags;

	dma_descriptor_unmap(&vd->tx);	/* async_tx: if terminated unrun */
	kfree(d->srcs);
	d->srcs = NULL;
	kfree(d->xt);
	d->xt = NULL;
	if (d->cached) {
		spin_lock_irqsave(&sc->vc.lock, flags);
		if (soft_cache_push(sc, d))
			d = NULL;
		spin_unlock_irqrestore(&sc->vc.lock, flags);
	}
	kfree(d);
}

/* vc.lock held: keep @d, completed or dropped, until the client acks it. */
static void soft_keep_unacked(struct soft_chan *sc, struct soft_desc *d)
{
	list_add_tail(&d->vd.node, &sc->unacked);
	WRITE_ONCE(sc->nr_unacked, sc->nr_unacked + 1);
}

/*
 * async_tx: free the kept descriptors the client has acked since (all of
 * them with @all); past SOFT_UNACKED_MAX the oldest go acked or not, so
 * a client that never acks cannot grow the list without bound.
 */
static noinline void __soft_reap_unacked(struct soft_chan *sc, bool all)
{
	struct soft_desc *d, *n;
	unsigned int scanned = 0;
	unsigned long flags;
	LIST_HEAD(head);

	spin_lock_irqsave(&sc->vc.lock, flags);
	list_for_each_entry_safe(d, n, &sc->unacked, vd.node) {
		bool over = sc->nr_unacked > SOFT_UNACKED_MAX;

		if (!all && !over && scanned++ >= SOFT_REAP_SCAN)
			break;
		if (all || over || async_tx_test_ack(&d->vd.tx)) {
			list_move_tail(&d->vd.node, &head);
			WRITE_ONCE(sc->nr_unacked, sc->nr_unacked - 1);
		}
	}
	spin_unlock_irqrestore(&sc->vc.lock, flags);
	list_for_each_entry_safe(d, n, &head, vd.node) {
		list_del(&d->vd.node);
		soft_desc_release(&d->vd);
	}
}

static inline void soft_reap_unacked(struct soft_chan *sc, bool all)
{
	if (all || READ_ONCE(sc->nr_unacked))	/* fast path: nothing kept */
		__soft_reap_unacked(sc, all);
}

/*
 * virt-dma's desc_free: called once the callback has run (or when the
 * descriptor is dropped).  async_tx: a completed descriptor first
 * submits the descriptors chained behind it (as mv_xor and ioatdma do
 * from their cleanup); one the client has not acked is kept, since
 * async_tx still reads and acks it (DMA_CTRL_ACK: "the descriptor cannot
 * be reused by provider until the client acknowledges receipt").
 */
static void soft_desc_free(struct virt_dma_desc *vd)
{
	struct soft_chan *sc = to_soft_chan(vd->tx.chan);
	struct soft_desc *d = to_soft_desc(vd);
	unsigned long flags;

	if (d->completed) {
		d->completed = false;
		dma_run_dependencies(&vd->tx);
	}
	if (!async_tx_test_ack(&vd->tx)) {
		spin_lock_irqsave(&sc->vc.lock, flags);
		soft_keep_unacked(sc, d);
		spin_unlock_irqrestore(&sc->vc.lock, flags);
		return;
	}
	soft_desc_release(vd);
}

static void soft_desc_cache_drain(struct soft_chan *sc)
{
	struct soft_desc *d, *n;
	unsigned long flags;
	LIST_HEAD(head);

	spin_lock_irqsave(&sc->vc.lock, flags);
	list_splice_init(&sc->cache, &head);
	sc->cached = 0;
	spin_unlock_irqrestore(&sc->vc.lock, flags);
	list_for_each_entry_safe(d, n, &head, vd.node)
		kfree(d);
}

/* --- execution --- */

/* Interleaved: the stride of one frame on one side. */
static size_t xt_frame_stride(struct dma_interleaved_template *xt, bool src)
{
	size_t stride = 0, i;

	for (i = 0; i < xt->frame_size; i++)
		stride += xt->sgl[i].size +
			  (src ? dmaengine_get_src_icg(xt, &xt->sgl[i]) :
				 dmaengine_get_dst_icg(xt, &xt->sgl[i]));
	return stride;
}

/*
 * Find where payload byte @pos of an interleaved transfer lives: the
 * source and destination bus addresses and the bytes left in its chunk.
 */
static size_t xt_locate(struct dma_interleaved_template *xt, size_t pos,
			dma_addr_t *src, dma_addr_t *dst)
{
	size_t frame_len = 0, i, f, off, soff, doff;

	for (i = 0; i < xt->frame_size; i++)
		frame_len += xt->sgl[i].size;
	f = pos / frame_len;
	off = pos % frame_len;
	soff = f * xt_frame_stride(xt, true);
	doff = f * xt_frame_stride(xt, false);
	for (i = 0; i < xt->frame_size; i++) {
		struct data_chunk *c = &xt->sgl[i];

		if (off < c->size)
			break;
		off -= c->size;
		soff += c->size + dmaengine_get_src_icg(xt, c);
		doff += c->size + dmaengine_get_dst_icg(xt, c);
	}
	*src = xt->src_start + (xt->src_inc ? soff + off : 0);
	*dst = xt->dst_start + (xt->dst_inc ? doff + off : 0);
	return xt->sgl[i].size - off;
}

static enum dmaengine_tx_result soft_copy(struct device *dev, dma_addr_t dst,
					  dma_addr_t src, size_t len,
					  bool src_inc, bool dst_inc,
					  size_t total)
{
	u8 *s = soft_seam_map(dev, src, src_inc ? len : 1);
	u8 *d = soft_seam_map(dev, dst, dst_inc ? len : 1);

	if (!s)
		return DMA_TRANS_READ_FAILED;
	if (!d)
		return DMA_TRANS_WRITE_FAILED;
	if (src_inc && dst_inc)
		soft_seam_copy(d, s, len, total);
	else if (dst_inc)
		soft_seam_fill(d, *s, len, total);
	else if (src_inc)
		*d = s[len - 1];	/* a non-incrementing sink keeps the last */
	else
		*d = *s;
	return DMA_TRANS_NOERROR;
}

static enum dmaengine_tx_result soft_fill(struct device *dev, dma_addr_t dst,
					  int value, size_t len, size_t total)
{
	u8 *d = soft_seam_map(dev, dst, len);

	if (!d)
		return DMA_TRANS_WRITE_FAILED;
	soft_seam_fill(d, value, len, total);
	return DMA_TRANS_NOERROR;
}

/* Bytes [@pos, @pos + @n) of a segment list (memcpy, memset, memset_sg). */
static enum dmaengine_tx_result soft_exec_segs(struct device *dev,
					       struct soft_desc *d,
					       size_t pos, size_t n)
{
	enum dmaengine_tx_result r = DMA_TRANS_NOERROR;
	unsigned int i;

	for (i = 0; i < d->nsegs && n && r == DMA_TRANS_NOERROR; i++) {
		struct soft_seg *s = &d->segs[i];
		size_t len;

		if (pos >= s->len) {
			pos -= s->len;
			continue;
		}
		len = min(n, s->len - pos);
		/* Kernels go by the size of one buffer: the segment. */
		if (d->op == SOFT_MEMCPY)
			r = soft_copy(dev, s->dst + pos, s->src + pos, len,
				      true, true, s->len);
		else
			r = soft_fill(dev, s->dst + pos, d->value, len, s->len);
		n -= len;
		pos = 0;
	}
	return r;
}

static enum dmaengine_tx_result soft_exec_xt(struct device *dev,
					     struct soft_desc *d,
					     size_t pos, size_t n)
{
	struct dma_interleaved_template *xt = d->xt;
	enum dmaengine_tx_result r = DMA_TRANS_NOERROR;

	while (n && r == DMA_TRANS_NOERROR) {
		dma_addr_t src, dst;
		size_t len = min(n, xt_locate(xt, pos, &src, &dst));

		r = soft_copy(dev, dst, src, len, xt->src_inc, xt->dst_inc,
			      d->len);
		pos += len;
		n -= len;
	}
	return r;
}

static void soft_fault_hook(struct soft_dma *sd, struct device *dev,
			    struct soft_desc *d)
{
	u8 *last;

	if (!fault_every || d->op != SOFT_MEMCPY)
		return;
	if (atomic_inc_return(&sd->copies) % fault_every)
		return;
	last = soft_seam_map(dev, d->segs[0].dst + d->len - 1, 1);
	if (last)
		*last ^= 0xff;
}

/*
 * async_tx / RAID: bytes [@pos, @pos + @n) of every source and
 * destination.  The _VAL operations accumulate mismatches in d->sum.
 */
static enum dmaengine_tx_result soft_exec_raid(struct device *dev,
					       struct soft_desc *d,
					       size_t pos, size_t n)
{
	unsigned long flags = READ_ONCE(d->vd.tx.flags);  /* vs async_tx_ack() */
	bool do_p = !(flags & DMA_PREP_PQ_DISABLE_P);
	bool do_q = !(flags & DMA_PREP_PQ_DISABLE_Q);
	void **ptrs = soft_raid_ptrs(d);
	u8 *coefs = soft_raid_coefs(d);
	void *dst[2] = { NULL, NULL };
	unsigned int i;

	if (d->op == SOFT_XOR)
		do_q = false;		/* dst[0] only */
	if (d->op == SOFT_XOR_VAL)
		do_p = do_q = false;	/* sources only */
	if (d->op == SOFT_PQ_VAL) {	/* a syndrome already bad is done */
		do_p = do_p && !(d->sum & SUM_CHECK_P_RESULT);
		do_q = do_q && !(d->sum & SUM_CHECK_Q_RESULT);
		if (!do_p && !do_q)
			return DMA_TRANS_NOERROR;
	}
	if (d->op == SOFT_XOR_VAL && (d->sum & SUM_CHECK_P_RESULT))
		return DMA_TRANS_NOERROR;

	for (i = 0; i < d->src_cnt; i++) {
		ptrs[i] = soft_seam_map(dev, d->srcs[i] + pos, n);
		if (!ptrs[i])
			return DMA_TRANS_READ_FAILED;
	}
	for (i = 0; i < 2; i++) {
		if (!(i ? do_q : do_p))
			continue;
		dst[i] = soft_seam_map(dev, d->dst[i] + pos, n);
		if (!dst[i])
			return d->op == SOFT_PQ_VAL ? DMA_TRANS_READ_FAILED :
						      DMA_TRANS_WRITE_FAILED;
	}

	switch (d->op) {
	case SOFT_XOR:
		soft_seam_xor(dst[0], ptrs, d->src_cnt, n);
		break;
	case SOFT_XOR_VAL:
		if (!soft_seam_xor_zero(ptrs, d->src_cnt, n))
			d->sum |= SUM_CHECK_P_RESULT;
		break;
	case SOFT_PQ:
		soft_seam_pq(dst[0], dst[1], ptrs, coefs, d->src_cnt, n,
			     flags & DMA_PREP_CONTINUE);
		break;
	case SOFT_PQ_VAL:
		d->sum |= soft_seam_pq_val(dst[0], dst[1], ptrs, coefs,
					   d->src_cnt, n);
		break;
	default:
		break;
	}
	return DMA_TRANS_NOERROR;
}

/* --- injected engine faults --- */

enum soft_fault {
	SOFT_FAULT_NONE,
	SOFT_FAULT_READ,	/* source bus error: DMA_TRANS_READ_FAILED */
	SOFT_FAULT_WRITE,	/* destination bus error: DMA_TRANS_WRITE_FAILED */
	SOFT_FAULT_DROP,	/* runs to the end, completion never signalled */
	SOFT_FAULT_STALL,	/* channel stops after the first chunk */
	SOFT_FAULT_DUP,		/* completion signalled twice */
};

/* Which fault, if any, the descriptor starting now gets. */
static u8 soft_fault_pick(struct soft_dma *sd)
{
	unsigned int every[] = {
		READ_ONCE(fault_read_every), READ_ONCE(fault_write_every),
		READ_ONCE(fault_drop_every), READ_ONCE(fault_stall_every),
		READ_ONCE(fault_dup_every),
	};
	u8 fault = SOFT_FAULT_NONE;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(every); i++)
		if (every[i] && !(atomic_inc_return(&sd->fault_seq[i]) % every[i]) &&
		    fault == SOFT_FAULT_NONE)
			fault = SOFT_FAULT_READ + i;
	return fault;
}

/* Is any descriptor fault knob set?  (Off: nothing to count.) */
static __always_inline bool soft_faults_armed(void)
{
	return READ_ONCE(fault_read_every) | READ_ONCE(fault_write_every) |
	       READ_ONCE(fault_drop_every) | READ_ONCE(fault_stall_every) |
	       READ_ONCE(fault_dup_every);
}

/* vc.lock held: the fault @d gets, picked once, as it is about to start. */
static u8 soft_fault_of(struct soft_dma *sd, struct soft_desc *d)
{
	if (!d->fault_picked && d->len && !d->repeat) {
		d->fault_picked = true;
		if (unlikely(soft_faults_armed()))
			d->fault = soft_fault_pick(sd);
	}
	return d->fault;
}

/* vc.lock held: true if @d is held by a lost completion or a stall. */
static bool soft_fault_held(struct soft_dma *sd, struct soft_desc *d)
{
	u8 fault = soft_fault_of(sd, d);

	if (fault == SOFT_FAULT_DROP)
		return d->done == d->len;
	return fault == SOFT_FAULT_STALL && d->done;
}

/*
 * vc.lock held: true if this completion must not be reported: the fault
 * holds @d, or @d is not the descriptor at the head of the issued list
 * (a duplicated or stale completion, which a driver must ignore rather
 * than complete the wrong descriptor or the same one twice).  Completions
 * come in order: a batch completes its descriptors head first.
 */
static bool soft_fault_complete(struct soft_chan *sc, struct soft_desc *d,
				enum dmaengine_tx_result result)
{
	if (vchan_next_desc(&sc->vc) != &d->vd) {
		dev_warn_ratelimited(sc->vc.chan.device->dev,
				     "%s: stale completion ignored\n",
				     dma_chan_name(&sc->vc.chan));
		return true;
	}
	return result == DMA_TRANS_NOERROR &&
	       (d->fault == SOFT_FAULT_DROP || d->fault == SOFT_FAULT_STALL);
}

/* Everything but the common case (soft_exec()). */
static noinline enum dmaengine_tx_result soft_exec_any(struct soft_chan *sc,
							struct soft_desc *d,
							size_t pos, size_t n)
{
	struct device *dev = sc->vc.chan.device->dev;

	if (d->fault == SOFT_FAULT_READ)
		return DMA_TRANS_READ_FAILED;
	if (d->fault == SOFT_FAULT_WRITE)
		return DMA_TRANS_WRITE_FAILED;
	switch (d->op) {
	case SOFT_MEMCPY:
	case SOFT_MEMSET:
	case SOFT_MEMSET_SG:
		return soft_exec_segs(dev, d, pos, n);
	case SOFT_INTERLEAVE:
		return soft_exec_xt(dev, d, pos, n);
	case SOFT_INTERRUPT:
		break;
	case SOFT_XOR:
	case SOFT_XOR_VAL:
	case SOFT_PQ:
	case SOFT_PQ_VAL:
		return soft_exec_raid(dev, d, pos, n);
	}
	return DMA_TRANS_NOERROR;
}

/*
 * Bytes [@pos, @pos + @n) of @d.  The common case, a one-segment copy
 * with no fault injected, inline here: it is most of the cost of a small
 * descriptor otherwise (a big function's prologue, two calls).
 */
static __always_inline enum dmaengine_tx_result
soft_exec(struct soft_chan *sc, struct soft_desc *d, size_t pos, size_t n)
{
	if (likely(d->op == SOFT_MEMCPY && d->nsegs == 1 && !d->fault)) {
		struct device *dev = sc->vc.chan.device->dev;
		struct soft_seg *sg = &d->segs[0];
		u8 *s = soft_seam_map(dev, sg->src + pos, n);
		u8 *t = soft_seam_map(dev, sg->dst + pos, n);

		if (unlikely(!s))
			return DMA_TRANS_READ_FAILED;
		if (unlikely(!t))
			return DMA_TRANS_WRITE_FAILED;
		soft_seam_copy(t, s, n, sg->len);
		return DMA_TRANS_NOERROR;
	}
	return soft_exec_any(sc, d, pos, n);
}

/* A repeated transfer ends when a DMA_PREP_LOAD_EOT one waits behind it. */
static bool soft_repeat_again(struct soft_chan *sc, struct soft_desc *d)
{
	struct virt_dma_desc *next;

	if (!d->repeat)
		return false;
	if (list_is_last(&d->vd.node, &sc->vc.desc_issued))
		return true;
	next = list_next_entry(&d->vd, node);
	return !(next->tx.flags & DMA_PREP_LOAD_EOT);
}

/* What one lock hold completed, published at once (soft_tally_end). */
struct soft_tally {
	struct list_head done;	/* to free after the lock */
	dma_cookie_t cookie;	/* the last completed, 0 if none */
	unsigned long count, bytes;
	bool wake;		/* the tasklet has callbacks to run */
};

static void soft_tally_init(struct soft_tally *t)
{
	INIT_LIST_HEAD(&t->done);
	t->cookie = 0;
	t->count = 0;
	t->bytes = 0;
	t->wake = false;
}

/*
 * vc.lock held: where a completed descriptor goes.  Through the tasklet
 * (desc_completed) if it has a callback to run or dependencies to submit
 * after it (async_tx: dma_run_dependencies() from desc_free); otherwise
 * recycled here instead of waking the tasklet only to free it: reusable
 * ones back to desc_allocated, un-acked ones (async_tx) kept until acked,
 * the rest into the cache or onto t->done for vchan_dma_desc_free_list()
 * after the lock.  tx->unmap has been released already.
 */
static void soft_retire(struct soft_chan *sc, struct soft_desc *d,
			struct soft_tally *t)
{
	struct dma_async_tx_descriptor *tx = &d->vd.tx;

	if (tx->callback || tx->callback_result || txd_next(tx)) {
		list_add_tail(&d->vd.node, &sc->vc.desc_completed);
		t->wake = true;
	} else if (dmaengine_desc_test_reuse(tx)) {
		/* vchan_vdesc_fini(), under this lock: ready to resubmit. */
		list_add(&d->vd.node, &sc->vc.desc_allocated);
	} else if (!async_tx_test_ack(tx)) {
		soft_keep_unacked(sc, d);
	} else if (d->xt || d->srcs || !soft_cache_push(sc, d)) {
		list_add_tail(&d->vd.node, &t->done);
	}
}

/*
 * vc.lock held: the descriptor is done, with @result.  What
 * vchan_cookie_complete() does, with two differences: the channel's
 * completed cookie and counters are written once per batch (pollers read
 * that line), and the descriptor is retired by soft_retire().  Returns
 * false if the completion was not reported (soft_fault_complete()).
 */
static bool soft_complete_any(struct soft_chan *sc, struct soft_desc *d,
			      enum dmaengine_tx_result result,
			      struct soft_tally *t);

/*
 * A descriptor nothing waits on: no callback, no dependency, no unmap
 * data, no _VAL result, acked and not reusable, one segment (cached),
 * nothing allocated beside it.
 */
static __always_inline bool soft_desc_plain(struct soft_desc *d)
{
	struct dma_async_tx_descriptor *tx = &d->vd.tx;

	return !tx->callback && !tx->callback_result && !txd_next(tx) &&
	       !tx->unmap && !d->result && d->cached && !d->srcs && !d->xt &&
	       (tx->flags & (DMA_CTRL_ACK | DMA_CTRL_REUSE)) == DMA_CTRL_ACK;
}

/*
 * vc.lock held: soft_complete_any() for a plain descriptor that
 * succeeded, the common case, inline: straight back to the cache.
 */
static __always_inline bool soft_complete(struct soft_chan *sc,
					  struct soft_desc *d,
					  enum dmaengine_tx_result result,
					  struct soft_tally *t)
{
	struct dma_async_tx_descriptor *tx = &d->vd.tx;

	if (unlikely(result != DMA_TRANS_NOERROR || d->fault ||
		     !soft_desc_plain(d) || sc->cached >= SOFT_DESC_CACHE ||
		     vchan_next_desc(&sc->vc) != &d->vd))
		return soft_complete_any(sc, d, result, t);
	d->vd.tx_result.result = DMA_TRANS_NOERROR;
	d->vd.tx_result.residue = 0;
	t->count++;
	t->bytes += d->len;
	list_del(&d->vd.node);
	BUG_ON(tx->cookie < DMA_MIN_COOKIE);
	t->cookie = tx->cookie;
	tx->cookie = 0;
	soft_cache_push(sc, d);		/* room checked above */
	return true;
}

static noinline bool soft_complete_any(struct soft_chan *sc,
				       struct soft_desc *d,
				       enum dmaengine_tx_result result,
				       struct soft_tally *t)
{
	struct dma_async_tx_descriptor *tx = &d->vd.tx;

	if (soft_fault_complete(sc, d, result))
		return false;
	d->vd.tx_result.result = result;
	d->vd.tx_result.residue = (u32)(d->len - d->done);
	if (result == DMA_TRANS_NOERROR) {
		t->count++;
		t->bytes += d->len;
	}
	list_del(&d->vd.node);
	/* async_tx: the _VAL result, the client's mappings, then dependents */
	if (d->result && result == DMA_TRANS_NOERROR)
		*d->result = d->sum;
	dma_descriptor_unmap(tx);
	d->completed = true;
	if (dmaengine_desc_test_reuse(tx)) {	/* it may be submitted again */
		d->done = 0;
		d->sum = 0;
		d->fault_picked = false;
		d->fault = 0;
	}
	/* dma_cookie_complete(), the channel's part in soft_tally_end() */
	BUG_ON(tx->cookie < DMA_MIN_COOKIE);
	t->cookie = tx->cookie;
	tx->cookie = 0;
	soft_retire(sc, d, t);
	if (d->fault == SOFT_FAULT_DUP)
		soft_complete_any(sc, d, result, t);  /* ignored: not the head */
	return true;
}

/* vc.lock held: publish what soft_complete() tallied. */
static void soft_tally_end(struct soft_chan *sc, struct soft_tally *t)
{
	struct dma_chan *chan = &sc->vc.chan;

	/*
	 * Release (dma_cookie_complete()): a poller that sees the cookie
	 * complete through dma_cookie_status() also sees the data.
	 */
	if (t->cookie)
		smp_store_release(&chan->completed_cookie, t->cookie);
	if (t->count) {
		this_cpu_add(chan->local->memcpy_count, t->count);
		this_cpu_add(chan->local->bytes_transferred, t->bytes);
	}
	if (t->wake)
		tasklet_schedule(&sc->vc.task);
}

/*
 * vc.lock held: descriptors that follow @d on the issued list and fit in
 * one batch.  A descriptor with an injected fault runs alone, at the head
 * (a held completion must hold everything behind it).
 */
static unsigned int soft_batch(struct soft_chan *sc, struct soft_desc *d,
			       size_t budget, bool poll_only,
			       struct soft_desc **batch)
{
	struct soft_dma *sd = to_soft_dma(sc->vc.chan.device);
	struct list_head *issued = &sc->vc.desc_issued;
	bool armed = soft_faults_armed();	/* once per batch */
	size_t total = d->len;
	unsigned int nr = 1;

	batch[0] = d;
	if (d->repeat || d->done || d->len > budget || d->fault)
		return 1;
	while (nr < SOFT_BATCH && !list_is_last(&d->vd.node, issued)) {
		d = list_next_entry(d, vd.node);
		if (d->repeat || d->len > budget - total ||
		    (poll_only && (d->vd.tx.flags & DMA_PREP_INTERRUPT)) ||
		    (armed && soft_fault_of(sd, d)))
			break;
		total += d->len;
		batch[nr++] = d;
	}
	return nr;
}

/*
 * vc.lock held: the executor is back from @batch, whose head ran bytes
 * [@pos, @pos + @n); complete what it did, head first.  A head that is
 * not finished (more chunks, or held by a fault) stays active.  done only
 * advances on success: a failed chunk did not land (residue).
 */
static void soft_batch_done(struct soft_chan *sc, struct soft_desc **batch,
			    unsigned int nr, size_t pos, size_t n,
			    enum dmaengine_tx_result *res,
			    struct soft_tally *t)
{
	struct soft_dma *sd = to_soft_dma(sc->vc.chan.device);
	struct device *dev = sc->vc.chan.device->dev;
	struct soft_desc *d = batch[0];
	unsigned int i;

	if (res[0] == DMA_TRANS_NOERROR)
		WRITE_ONCE(d->done, pos + n);
	if (res[0] == DMA_TRANS_NOERROR && (d->done != d->len || d->repeat))
		return;			/* more chunks to go: still active */
	for (i = 0; i < nr; i++) {
		d = batch[i];
		if (i && res[i] == DMA_TRANS_NOERROR)
			WRITE_ONCE(d->done, d->len);
		if (res[i] == DMA_TRANS_NOERROR)
			soft_fault_hook(sd, dev, d);
		if (!soft_complete(sc, d, res[i], t))
			break;		/* held by a fault (it runs alone) */
	}
	/* What is left of the batch stays at the head of issued, active. */
	sc->active = i < nr ? batch[i] : NULL;
	sc->nr_active = nr - i;
}

/* Who executes: the worker, a poller in tx_status, or issue_pending. */
enum soft_executor {
	SOFT_RUN_WORKER,
	SOFT_RUN_POLL,
	SOFT_RUN_INLINE,
};

/*
 * Execute up to @budget bytes of the channel's next descriptors: a part
 * of the first, or a batch of whole ones.  A poller takes only
 * descriptors that asked for no interrupt.  The worker (and
 * issue_pending, where a softirq could run) completes with bottom halves
 * off: callbacks then run on its CPU as soon as it enables them, as after
 * an interrupt, not after a ksoftirqd wake-up.  Returns true if it made
 * progress.
 */
/* vc.lock held: is issued work waiting that an executor may run? */
static bool soft_issued_left(struct soft_chan *sc)
{
	return !list_empty(&sc->vc.desc_issued) && !sc->paused;
}

/* What soft_chan_run() did. */
enum soft_ran {
	SOFT_IDLE,	/* nothing: no work it may take, or another is in */
	SOFT_DRAINED,	/* ran, and nothing more is issued */
	SOFT_MORE,	/* ran, and more is issued */
};

static enum soft_ran soft_chan_run(struct soft_chan *sc, size_t budget,
				   enum soft_executor who)
{
	struct soft_dma *sd = to_soft_dma(sc->vc.chan.device);
	bool poll_only = who == SOFT_RUN_POLL;
	bool bh = who == SOFT_RUN_WORKER ? READ_ONCE(worker_callbacks) :
		  who == SOFT_RUN_INLINE && !irqs_disabled() && !in_hardirq();
	enum dmaengine_tx_result res[SOFT_BATCH];
	struct soft_desc *batch[SOFT_BATCH];
	struct virt_dma_desc *vd;
	struct soft_desc *d;
	unsigned long flags;
	struct soft_tally t;
	unsigned int nr, i;
	size_t pos, n;
	bool more;

	soft_tally_init(&t);
	if (bh)
		local_bh_disable();
	spin_lock_irqsave(&sc->vc.lock, flags);
	if (sc->busy || sc->paused)
		goto idle;
	vd = vchan_next_desc(&sc->vc);
	if (!vd)
		goto idle;
	d = to_soft_desc(vd);
	if (poll_only && ((vd->tx.flags & DMA_PREP_INTERRUPT) || d->repeat))
		goto idle;
	if (soft_fault_held(sd, d))
		goto idle;
	if (d->repeat && d->done == d->len) {
		if (soft_repeat_again(sc, d)) {
			d->done = 0;
		} else {
			if (soft_complete(sc, d, DMA_TRANS_NOERROR, &t))
				sc->active = NULL;
			goto out;
		}
	}
	nr = soft_batch(sc, d, budget, poll_only, batch);
	WRITE_ONCE(sc->busy, true);
	sc->active = d;
	sc->nr_active = nr;
	pos = d->done;
	n = min(budget, d->len - pos);
	spin_unlock_irqrestore(&sc->vc.lock, flags);
	if (bh)
		local_bh_enable();

	res[0] = soft_exec(sc, d, pos, n);
	for (i = 1; i < nr; i++) {
		if (i + 1 < nr)
			prefetch(&batch[i + 1]->segs[0]);
		res[i] = soft_exec(sc, batch[i], 0, batch[i]->len);
	}

	if (bh)
		local_bh_disable();
	spin_lock_irqsave(&sc->vc.lock, flags);
	/* Release: soft_wait_idle() then sees every byte this batch wrote. */
	smp_store_release(&sc->busy, false);
	/* Unless terminated while we ran: then nothing here is ours. */
	if (sc->active == d)
		soft_batch_done(sc, batch, nr, pos, n, res, &t);
out:
	soft_tally_end(sc, &t);
	more = soft_issued_left(sc);
	spin_unlock_irqrestore(&sc->vc.lock, flags);
	if (unlikely(!list_empty(&t.done)))
		vchan_dma_desc_free_list(&sc->vc, &t.done);
	if (bh)
		local_bh_enable();
	return more ? SOFT_MORE : SOFT_DRAINED;
idle:
	spin_unlock_irqrestore(&sc->vc.lock, flags);
	if (bh)
		local_bh_enable();
	return SOFT_IDLE;
}

/* --- workers --- */

static void soft_worker_kick(struct soft_worker *w)
{
	WRITE_ONCE(w->pending, 1);
	smp_mb();
	if (READ_ONCE(w->sleeping))
		wake_up_process(w->task);
}

static bool soft_worker_round(struct soft_worker *w)
{
	struct soft_chan *sc;
	bool progress = false;

	list_for_each_entry(sc, &w->chans, worker_node) {
		unsigned int i;

		/* A few descriptors per channel per round keeps them fair. */
		for (i = 0; i < 64; i++) {
			enum soft_ran r = soft_chan_run(sc, chunk_size,
							SOFT_RUN_WORKER);

			if (r == SOFT_IDLE)
				break;
			progress = true;
			if (r == SOFT_DRAINED)
				break;
		}
	}
	return progress;
}

static int soft_worker_fn(void *data)
{
	struct soft_worker *w = data;

	while (!kthread_should_stop()) {
		u64 until;

		/* Clear only when set: a store would steal the kicker's line. */
		if (READ_ONCE(w->pending)) {
			WRITE_ONCE(w->pending, 0);
			smp_mb();
		}
		if (soft_worker_round(w))
			continue;
		until = ktime_get_ns() + (u64)spin_us * NSEC_PER_USEC;
		while (!READ_ONCE(w->pending) && ktime_get_ns() < until &&
		       !kthread_should_stop())
			cpu_relax();
		if (READ_ONCE(w->pending))
			continue;
		set_current_state(TASK_INTERRUPTIBLE);
		smp_store_mb(w->sleeping, 1);
		if (!READ_ONCE(w->pending) && !kthread_should_stop())
			schedule();
		WRITE_ONCE(w->sleeping, 0);
		__set_current_state(TASK_RUNNING);
	}
	return 0;
}

/* --- dmaengine ops --- */

/*
 * vchan_tx_prep(), and the cookie async_tx expects of a prepared
 * descriptor: -EBUSY until tx_submit assigns one (dma_wait_for_async_tx
 * waits on it while the descriptor sits on a dependency chain).
 */
static struct dma_async_tx_descriptor *
soft_tx_prep(struct soft_chan *sc, struct soft_desc *d, unsigned long flags)
{
	struct dma_async_tx_descriptor *tx = vchan_tx_prep(&sc->vc, &d->vd,
							   flags);

	tx->cookie = -EBUSY;
	return tx;
}

static void soft_desc_set(struct soft_desc *d, enum soft_op op,
			  dma_addr_t dst, dma_addr_t src, int value, size_t len)
{
	d->op = op;
	d->value = value & 0xff;
	d->len = len;
	d->segs[0].dst = dst;
	d->segs[0].src = src;
	d->segs[0].len = len;
}

/*
 * vchan_tx_prep() for a descriptor from the cache: the cache and
 * desc_allocated share vc.lock, so one lock hold takes and lists it.
 * tx.chan, tx.lock, tx_submit and desc_free stay as vchan_tx_prep() set
 * them the first time: the cache is the channel's own.
 */
static __always_inline struct dma_async_tx_descriptor *
soft_prep_cached(struct soft_chan *sc, enum soft_op op, dma_addr_t dst,
		 dma_addr_t src, int value, size_t len, unsigned long tx_flags)
{
	struct virt_dma_chan *vc = &sc->vc;
	struct soft_desc *d;
	unsigned long flags;

	spin_lock_irqsave(&vc->lock, flags);
	d = soft_cache_pop(sc);
	if (likely(d)) {
		/* Cached descriptors are one-segment ones: cached, nsegs. */
		soft_desc_set(d, op, dst, src, value, len);
		d->vd.tx.flags = tx_flags;
		d->vd.tx_result.result = DMA_TRANS_NOERROR;
		d->vd.tx_result.residue = 0;
		d->vd.tx.cookie = -EBUSY;	/* soft_tx_prep() */
		list_add_tail(&d->vd.node, &vc->desc_allocated);
	}
	spin_unlock_irqrestore(&vc->lock, flags);
	return d ? &d->vd.tx : NULL;
}

/* The cache was empty: a new one-segment descriptor. */
static noinline struct dma_async_tx_descriptor *
soft_prep_new(struct soft_chan *sc, enum soft_op op, dma_addr_t dst,
	      dma_addr_t src, int value, size_t len, unsigned long flags)
{
	struct soft_desc *d = soft_desc_alloc(sc, 1);

	if (!d)
		return NULL;
	soft_desc_set(d, op, dst, src, value, len);
	return soft_tx_prep(sc, d, flags);
}

static __always_inline struct dma_async_tx_descriptor *
soft_prep_segs(struct soft_chan *sc, enum soft_op op, dma_addr_t dst,
	       dma_addr_t src, int value, size_t len, unsigned long flags)
{
	struct dma_async_tx_descriptor *tx;

	if (!len && op != SOFT_INTERRUPT)
		return NULL;
	soft_reap_unacked(sc, false);	/* async_tx: acked since completion */
	tx = soft_prep_cached(sc, op, dst, src, value, len, flags);
	if (likely(tx))
		return tx;
	return soft_prep_new(sc, op, dst, src, value, len, flags);
}

static struct dma_async_tx_descriptor *
soft_prep_memcpy(struct dma_chan *chan, dma_addr_t dst, dma_addr_t src,
		 size_t len, unsigned long flags)
{
	return soft_prep_segs(to_soft_chan(chan), SOFT_MEMCPY, dst, src, 0, len,
			      flags);
}

static struct dma_async_tx_descriptor *
soft_prep_memset(struct dma_chan *chan, dma_addr_t dst, int value, size_t len,
		 unsigned long flags)
{
	return soft_prep_segs(to_soft_chan(chan), SOFT_MEMSET, dst, 0, value,
			      len, flags);
}

static struct dma_async_tx_descriptor *
soft_prep_memset_sg(struct dma_chan *chan, struct scatterlist *sgl,
		    unsigned int nents, int value, unsigned long flags)
{
	struct soft_chan *sc = to_soft_chan(chan);
	struct scatterlist *sg;
	struct soft_desc *d;
	unsigned int i;

	if (!sgl || !nents)
		return NULL;
	soft_reap_unacked(sc, false);
	d = soft_desc_alloc(sc, nents);
	if (!d)
		return NULL;
	d->op = SOFT_MEMSET_SG;
	d->value = value & 0xff;
	for_each_sg(sgl, sg, nents, i) {
		d->segs[i].dst = sg_dma_address(sg);
		d->segs[i].len = sg_dma_len(sg);
		d->len += sg_dma_len(sg);
	}
	if (!d->len) {
		kfree(d);	/* not prepared: no channel to return it to */
		return NULL;
	}
	return soft_tx_prep(sc, d, flags);
}

static struct dma_async_tx_descriptor *
soft_prep_interleaved(struct dma_chan *chan, struct dma_interleaved_template *xt,
		      unsigned long flags)
{
	struct soft_chan *sc = to_soft_chan(chan);
	struct soft_desc *d;
	size_t frame_len = 0, i;

	if (!xt || xt->dir != DMA_MEM_TO_MEM || !xt->numf || !xt->frame_size)
		return NULL;
	for (i = 0; i < xt->frame_size; i++)
		frame_len += xt->sgl[i].size;
	if (!frame_len)
		return NULL;
	soft_reap_unacked(sc, false);
	d = soft_desc_alloc(sc, 0);
	if (!d)
		return NULL;
	d->xt = kmemdup(xt, struct_size(xt, sgl, xt->frame_size), GFP_NOWAIT);
	if (!d->xt) {
		kfree(d);
		return NULL;
	}
	d->op = SOFT_INTERLEAVE;
	d->len = frame_len * xt->numf;
	d->repeat = !!(flags & DMA_PREP_REPEAT);
	return soft_tx_prep(sc, d, flags);
}

static struct dma_async_tx_descriptor *
soft_prep_interrupt(struct dma_chan *chan, unsigned long flags)
{
	return soft_prep_segs(to_soft_chan(chan), SOFT_INTERRUPT, 0, 0, 0, 0,
			      flags);
}

/*
 * async_tx / RAID: a descriptor over @src_cnt sources of @len bytes each;
 * the caller fills in the destinations.
 */
static struct soft_desc *soft_prep_raid(struct soft_chan *sc, enum soft_op op,
					const dma_addr_t *src,
					unsigned int src_cnt,
					const unsigned char *scf, size_t len)
{
	struct device *dev = sc->vc.chan.device->dev;
	bool pq = op == SOFT_PQ || op == SOFT_PQ_VAL;
	unsigned int max = pq ? max_pq : max_xor;
	struct soft_desc *d;
	unsigned int i;

	if (!len || !src || !src_cnt || (pq && !scf))
		return NULL;
	if (src_cnt > clamp_t(unsigned int, max, pq ? 1 : 2, 255)) {
		dev_err(dev, "%s: %u sources, the engine takes at most %u\n",
			dma_chan_name(&sc->vc.chan), src_cnt, max);
		return NULL;
	}
	soft_reap_unacked(sc, false);
	d = soft_desc_alloc(sc, 0);
	if (!d)
		return NULL;
	d->srcs = kmalloc(src_cnt * (sizeof(*d->srcs) + sizeof(void *) + 1),
			  GFP_NOWAIT);
	if (!d->srcs) {
		kfree(d);
		return NULL;
	}
	d->src_cnt = src_cnt;
	for (i = 0; i < src_cnt; i++) {
		d->srcs[i] = src[i];
		soft_raid_coefs(d)[i] = pq ? scf[i] : 1;
	}
	d->op = op;
	d->len = len;
	return d;
}

static struct dma_async_tx_descriptor *
soft_prep_xor(struct dma_chan *chan, dma_addr_t dst, dma_addr_t *src,
	      unsigned int src_cnt, size_t len, unsigned long flags)
{
	struct soft_chan *sc = to_soft_chan(chan);
	struct soft_desc *d = soft_prep_raid(sc, SOFT_XOR, src, src_cnt, NULL,
					     len);

	if (!d)
		return NULL;
	d->dst[0] = dst;
	return soft_tx_prep(sc, d, flags);
}

/* src[0 .. src_cnt-1] XOR to zero?  *result: SUM_CHECK_P_RESULT if not. */
static struct dma_async_tx_descriptor *
soft_prep_xor_val(struct dma_chan *chan, dma_addr_t *src, unsigned int src_cnt,
		  size_t len, enum sum_check_flags *result, unsigned long flags)
{
	struct soft_chan *sc = to_soft_chan(chan);
	struct soft_desc *d;

	if (!result)
		return NULL;
	d = soft_prep_raid(sc, SOFT_XOR_VAL, src, src_cnt, NULL, len);
	if (!d)
		return NULL;
	d->result = result;
	return soft_tx_prep(sc, d, flags);
}

static bool soft_pq_flags_ok(struct soft_chan *sc, unsigned long flags)
{
	unsigned long both = DMA_PREP_PQ_DISABLE_P | DMA_PREP_PQ_DISABLE_Q;

	if ((flags & both) != both)
		return true;
	dev_err(sc->vc.chan.device->dev, "%s: P and Q both disabled\n",
		dma_chan_name(&sc->vc.chan));
	return false;
}

/*
 * P = src[0] ^ ... , Q = scf[0]*src[0] ^ ... in GF(2^8); dst[0] is P,
 * dst[1] is Q, either disabled by DMA_PREP_PQ_DISABLE_P/Q (its address
 * is then not read).  DMA_PREP_CONTINUE: the engine continues natively
 * (dma_set_maxpq(.., 1)): the old P and Q are inputs, P ^= ..., Q ^= ...
 */
static struct dma_async_tx_descriptor *
soft_prep_pq(struct dma_chan *chan, dma_addr_t *dst, dma_addr_t *src,
	     unsigned int src_cnt, const unsigned char *scf, size_t len,
	     unsigned long flags)
{
	struct soft_chan *sc = to_soft_chan(chan);
	struct soft_desc *d;

	if (!dst || !soft_pq_flags_ok(sc, flags))
		return NULL;
	d = soft_prep_raid(sc, SOFT_PQ, src, src_cnt, scf, len);
	if (!d)
		return NULL;
	if (!(flags & DMA_PREP_PQ_DISABLE_P))
		d->dst[0] = dst[0];
	if (!(flags & DMA_PREP_PQ_DISABLE_Q))
		d->dst[1] = dst[1];
	return soft_tx_prep(sc, d, flags);
}

/* Check P (pq[0]) and/or Q (pq[1]); *pqres: SUM_CHECK_{P,Q}_RESULT bits. */
static struct dma_async_tx_descriptor *
soft_prep_pq_val(struct dma_chan *chan, dma_addr_t *pq, dma_addr_t *src,
		 unsigned int src_cnt, const unsigned char *scf, size_t len,
		 enum sum_check_flags *pqres, unsigned long flags)
{
	struct soft_chan *sc = to_soft_chan(chan);
	struct soft_desc *d;

	if (!pq || !pqres || !soft_pq_flags_ok(sc, flags))
		return NULL;
	d = soft_prep_raid(sc, SOFT_PQ_VAL, src, src_cnt, scf, len);
	if (!d)
		return NULL;
	if (!(flags & DMA_PREP_PQ_DISABLE_P))
		d->dst[0] = pq[0];
	if (!(flags & DMA_PREP_PQ_DISABLE_Q))
		d->dst[1] = pq[1];
	d->result = pqres;
	return soft_tx_prep(sc, d, flags);
}

/*
 * vc.lock held: inline execution.  Handing work to the worker costs a
 * cross-CPU handoff (the descriptors' cache lines travel, ~100 ns) or,
 * when it sleeps, a wake-up (a syscall for the caller and 5-20 us for
 * the work); below inline_bytes in all, the copy is cheaper than either,
 * so the caller runs what it issued itself when no executor is in.
 * Callbacks are still deferred: the completion schedules the vchan
 * tasklet with bottom halves disabled, and it runs in softirq context
 * when issue_pending enables them again, as a softirq raised on this CPU
 * would.  Only for a caller that holds nothing (@cb_ok: preemptible(),
 * so no spinlock a callback might take, interrupts on, not in softirq);
 * otherwise work with a callback goes to the worker.
 */
static bool soft_issue_inline(struct soft_chan *sc, bool cb_ok)
{
	unsigned int limit = READ_ONCE(inline_bytes), nr = 0;
	struct virt_dma_desc *vd;
	size_t total = 0;

	if (!limit || sc->busy)
		return false;
	cb_ok = cb_ok && READ_ONCE(inline_callbacks);
	list_for_each_entry(vd, &sc->vc.desc_issued, node) {
		struct soft_desc *d = to_soft_desc(vd);

		total += d->len;
		if (d->repeat || d->done || total > limit ||
		    ++nr > SOFT_INLINE_MAX ||
		    (!cb_ok && (vd->tx.callback || vd->tx.callback_result)))
			return false;
	}
	return true;
}

static void soft_issue_pending(struct dma_chan *chan)
{
	struct soft_chan *sc = to_soft_chan(chan);
	struct soft_worker *w = sc->worker;
	bool cb_ok = preemptible();
	bool kick, run_here = false;
	unsigned long flags;

	spin_lock_irqsave(&sc->vc.lock, flags);
	kick = vchan_issue_pending(&sc->vc) && !sc->paused;
	if (kick)
		run_here = soft_issue_inline(sc, cb_ok);
	/*
	 * A kick the worker has not consumed yet covers this issue too: it
	 * clears pending (with a full barrier) before it takes vc.lock.
	 */
	if (kick && READ_ONCE(w->pending) && !READ_ONCE(w->sleeping))
		kick = false;
	spin_unlock_irqrestore(&sc->vc.lock, flags);
	if (run_here) {
		enum soft_ran r;

		do {
			r = soft_chan_run(sc, chunk_size, SOFT_RUN_INLINE);
		} while (r == SOFT_MORE);
		kick = false;
		if (r == SOFT_IDLE) {
			/* Another executor was in: what is left is its job,
			 * or the worker's. */
			spin_lock_irqsave(&sc->vc.lock, flags);
			kick = soft_issued_left(sc);
			spin_unlock_irqrestore(&sc->vc.lock, flags);
		}
	}
	if (kick)
		soft_worker_kick(w);
}

/*
 * vc.lock held: bytes left of @cookie, if it is still queued.  Lists are
 * in cookie order; the executing head and the newest tail are checked
 * first, so a poller of the last cookie of a long batch costs O(1).
 */
static size_t soft_residue(struct soft_chan *sc, dma_cookie_t cookie)
{
	struct list_head *lists[] = { &sc->vc.desc_issued,
				      &sc->vc.desc_submitted };
	struct virt_dma_desc *vd;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(lists); i++) {
		if (list_empty(lists[i]))
			continue;
		vd = list_first_entry(lists[i], struct virt_dma_desc, node);
		if (vd->tx.cookie == cookie)
			return to_soft_desc(vd)->len -
			       READ_ONCE(to_soft_desc(vd)->done);
		list_for_each_entry_reverse(vd, lists[i], node)
			if (vd->tx.cookie == cookie)
				return to_soft_desc(vd)->len -
				       READ_ONCE(to_soft_desc(vd)->done);
	}
	return 0;
}

static enum dma_status soft_tx_status(struct dma_chan *chan,
				      dma_cookie_t cookie,
				      struct dma_tx_state *txstate)
{
	struct soft_chan *sc = to_soft_chan(chan);
	enum dma_status ret;
	unsigned long flags;
	unsigned int i;

	ret = dma_cookie_status(chan, cookie, txstate);
	if (ret == DMA_COMPLETE)
		return ret;

	if (READ_ONCE(poll_progress)) {
		bool ran = false, left = false;

		while (ret == DMA_IN_PROGRESS && !READ_ONCE(sc->busy)) {
			enum soft_ran r = soft_chan_run(sc, chunk_size,
							SOFT_RUN_POLL);

			left = r != SOFT_DRAINED;
			if (r == SOFT_IDLE)
				break;
			ran = true;
			ret = dma_cookie_status(chan, cookie, txstate);
			if (r == SOFT_DRAINED)
				break;
		}
		/*
		 * The worker may have found the channel busy with our chunk
		 * and gone to sleep: hand it whatever is queued behind.
		 */
		if (ran && left)
			soft_worker_kick(sc->worker);
		if (ret == DMA_COMPLETE)
			return ret;
	}
	/*
	 * A poller in a tight loop would win vc.lock from an executor that
	 * needs it nearly every time (a spinlock is not fair here): wait out
	 * a chunk in flight (a few microseconds at most) without the lock.
	 */
	for (i = 0; i < SOFT_POLL_WAIT &&
		    (READ_ONCE(sc->busy) || READ_ONCE(sc->worker->pending)); i++) {
		cpu_relax();
		ret = dma_cookie_status(chan, cookie, txstate);
		if (ret == DMA_COMPLETE)
			return ret;
	}

	spin_lock_irqsave(&sc->vc.lock, flags);
	dma_set_residue(txstate, (u32)soft_residue(sc, cookie));
	if (sc->paused)
		ret = DMA_PAUSED;
	spin_unlock_irqrestore(&sc->vc.lock, flags);
	return ret;
}

/* Wait until no executor is inside a chunk of this channel. */
static void soft_wait_idle(struct soft_chan *sc)
{
	unsigned long flags;

	while (smp_load_acquire(&sc->busy))
		cpu_relax();
	/*
	 * The executor clears busy under vc.lock and may then complete the
	 * descriptors its batch finished: wait for that critical section too.
	 */
	spin_lock_irqsave(&sc->vc.lock, flags);
	spin_unlock_irqrestore(&sc->vc.lock, flags);
}

static int soft_pause(struct dma_chan *chan)
{
	struct soft_chan *sc = to_soft_chan(chan);
	unsigned long flags;

	spin_lock_irqsave(&sc->vc.lock, flags);
	sc->paused = true;
	spin_unlock_irqrestore(&sc->vc.lock, flags);
	/* Pause is synchronous: the chunk in flight lands first. */
	soft_wait_idle(sc);
	return 0;
}

static int soft_resume(struct dma_chan *chan)
{
	struct soft_chan *sc = to_soft_chan(chan);
	unsigned long flags;
	bool kick;

	spin_lock_irqsave(&sc->vc.lock, flags);
	kick = sc->paused && !list_empty(&sc->vc.desc_issued);
	sc->paused = false;
	spin_unlock_irqrestore(&sc->vc.lock, flags);
	if (kick)
		soft_worker_kick(sc->worker);
	return 0;
}

static int soft_terminate_all(struct dma_chan *chan)
{
	struct soft_chan *sc = to_soft_chan(chan);
	unsigned long flags;
	LIST_HEAD(head);

	spin_lock_irqsave(&sc->vc.lock, flags);
	sc->paused = false;
	if (sc->active) {
		/*
		 * An executor may still be executing the batch at the head of
		 * issued: off every vchan list (vchan_get_all_descriptors()
		 * would free it at once), freed in synchronize, once the
		 * executor is out.
		 */
		unsigned int i;

		for (i = 0; i < sc->nr_active; i++) {
			struct virt_dma_desc *vd = vchan_next_desc(&sc->vc);

			if (WARN_ON(!vd))
				break;
			list_move_tail(&vd->node, &sc->dead);
		}
		sc->active = NULL;
	}
	vchan_get_all_descriptors(&sc->vc, &head);
	spin_unlock_irqrestore(&sc->vc.lock, flags);
	vchan_dma_desc_free_list(&sc->vc, &head);
	return 0;
}

static void soft_synchronize(struct dma_chan *chan)
{
	struct soft_chan *sc = to_soft_chan(chan);
	unsigned long flags;
	LIST_HEAD(head);

	soft_wait_idle(sc);
	spin_lock_irqsave(&sc->vc.lock, flags);
	list_splice_tail_init(&sc->dead, &head);
	spin_unlock_irqrestore(&sc->vc.lock, flags);
	vchan_dma_desc_free_list(&sc->vc, &head);
	vchan_synchronize(&sc->vc);
}

static void soft_free_chan_resources(struct dma_chan *chan)
{
	struct soft_chan *sc = to_soft_chan(chan);

	soft_terminate_all(chan);
	soft_synchronize(chan);
	vchan_free_chan_resources(&sc->vc);
	soft_reap_unacked(sc, true);	/* async_tx: kept un-acked ones */
	soft_desc_cache_drain(sc);
}
/* --- probe --- */

static void soft_stop_workers(void *data)
{
	struct soft_dma *sd = data;
	unsigned int i;

	for (i = 0; i < sd->nr_workers; i++)
		if (!IS_ERR_OR_NULL(sd->workers[i].task))
			kthread_stop(sd->workers[i].task);
}

static int soft_start_workers(struct device *dev, struct soft_dma *sd)
{
	unsigned int i;

	sd->workers = devm_kcalloc(dev, sd->nr_workers, sizeof(*sd->workers),
				   GFP_KERNEL);
	if (!sd->workers)
		return -ENOMEM;
	for (i = 0; i < sd->nr_workers; i++)
		INIT_LIST_HEAD(&sd->workers[i].chans);
	for (i = 0; i < sd->nr_chans; i++) {
		struct soft_chan *sc = &sd->chans[i];

		sc->worker = &sd->workers[i % sd->nr_workers];
		list_add_tail(&sc->worker_node, &sc->worker->chans);
	}
	for (i = 0; i < sd->nr_workers; i++) {
		struct task_struct *t;

		t = kthread_create(soft_worker_fn, &sd->workers[i],
				   "softdma/%u", i);
		if (IS_ERR(t)) {
			soft_stop_workers(sd);
			return PTR_ERR(t);
		}
		sd->workers[i].task = t;
		soft_seam_place_worker(t, i, sd->nr_workers);
		wake_up_process(t);
	}
	return devm_add_action_or_reset(dev, soft_stop_workers, sd);
}

static void soft_read_counts(struct device *dev, struct soft_dma *sd)
{
	unsigned int def_chans, def_workers;
	u32 val;

	soft_seam_defaults(&def_chans, &def_workers);
	sd->nr_chans = def_chans;
	sd->nr_workers = def_workers;
	if (!device_property_read_u32(dev, "dma-channels", &val))
		sd->nr_chans = val;
	if (!device_property_read_u32(dev, "dmakit,workers", &val))
		sd->nr_workers = val;
	if (nr_channels)
		sd->nr_chans = nr_channels;
	if (nr_workers)
		sd->nr_workers = nr_workers;
	sd->nr_chans = clamp_t(unsigned int, sd->nr_chans, 1, SOFT_MAX_CHANNELS);
	sd->nr_workers = clamp_t(unsigned int, sd->nr_workers, 1,
				 min_t(unsigned int, sd->nr_chans,
				       SOFT_MAX_WORKERS));
}

static void soft_init_dma_device(struct device *dev, struct soft_dma *sd)
{
	struct dma_device *dma = &sd->dma;

	dma->dev = dev;
	INIT_LIST_HEAD(&dma->channels);
	dma_cap_set(DMA_MEMCPY, dma->cap_mask);
	dma_cap_set(DMA_MEMSET, dma->cap_mask);
	dma_cap_set(DMA_MEMSET_SG, dma->cap_mask);
	dma_cap_set(DMA_INTERLEAVE, dma->cap_mask);
	dma_cap_set(DMA_REPEAT, dma->cap_mask);
	dma_cap_set(DMA_LOAD_EOT, dma->cap_mask);
	dma_cap_set(DMA_INTERRUPT, dma->cap_mask);
	dma->copy_align = DMAENGINE_ALIGN_1_BYTE;
	dma->fill_align = DMAENGINE_ALIGN_1_BYTE;
	dma->residue_granularity = DMA_RESIDUE_GRANULARITY_BURST;
	dma->device_free_chan_resources = soft_free_chan_resources;
	dma->device_prep_dma_memcpy = soft_prep_memcpy;
	dma->device_prep_dma_memset = soft_prep_memset;
	dma->device_prep_dma_memset_sg = soft_prep_memset_sg;
	dma->device_prep_interleaved_dma = soft_prep_interleaved;
	dma->device_prep_dma_interrupt = soft_prep_interrupt;
	dma->device_issue_pending = soft_issue_pending;
	dma->device_tx_status = soft_tx_status;
	dma->device_pause = soft_pause;
	dma->device_resume = soft_resume;
	dma->device_terminate_all = soft_terminate_all;
	dma->device_synchronize = soft_synchronize;

	/* async_tx / RAID offload: XOR and P+Q, checks, native continue */
	if (raid == 0 || (raid < 0 && !soft_seam_raid_default()))
		return;
	dma_cap_set(DMA_XOR, dma->cap_mask);
	dma_cap_set(DMA_XOR_VAL, dma->cap_mask);
	dma_cap_set(DMA_PQ, dma->cap_mask);
	dma_cap_set(DMA_PQ_VAL, dma->cap_mask);
	dma->max_xor = (unsigned short)clamp_t(unsigned int, max_xor, 2, 255);
	dma_set_maxpq(dma, (int)clamp_t(unsigned int, max_pq, 1, 255), 1);
	dma->xor_align = DMAENGINE_ALIGN_1_BYTE;
	dma->pq_align = DMAENGINE_ALIGN_1_BYTE;
	dma->device_prep_dma_xor = soft_prep_xor;
	dma->device_prep_dma_xor_val = soft_prep_xor_val;
	dma->device_prep_dma_pq = soft_prep_pq;
	dma->device_prep_dma_pq_val = soft_prep_pq_val;
}

static void soft_of_dma_free(void *np)
{
	of_dma_controller_free(np);
}

/* Clients described in the device tree bind channels by number. */
static int soft_of_dma_register(struct device *dev, struct soft_dma *sd)
{
	int ret;

	if (!dev->of_node)
		return 0;
	ret = of_dma_controller_register(dev->of_node, of_dma_xlate_by_chan_id,
					 &sd->dma);
	if (ret)
		return ret;
	return devm_add_action_or_reset(dev, soft_of_dma_free, dev->of_node);
}

static int soft_dma_probe(struct platform_device *pdev)
{
	struct device *dev = &pdev->dev;
	struct soft_dma *sd;
	unsigned int i;
	int ret;

	ret = dma_coerce_mask_and_coherent(dev, DMA_BIT_MASK(64));
	if (ret)
		return ret;
	sd = devm_kzalloc(dev, sizeof(*sd), GFP_KERNEL);
	if (!sd)
		return -ENOMEM;
	soft_read_counts(dev, sd);
	sd->chans = devm_kcalloc(dev, sd->nr_chans, sizeof(*sd->chans),
				 GFP_KERNEL);
	if (!sd->chans)
		return -ENOMEM;
	soft_init_dma_device(dev, sd);
	for (i = 0; i < sd->nr_chans; i++) {
		struct soft_chan *sc = &sd->chans[i];

		sc->vc.desc_free = soft_desc_free;
		INIT_LIST_HEAD(&sc->dead);
		INIT_LIST_HEAD(&sc->cache);
		INIT_LIST_HEAD(&sc->unacked);	/* async_tx */
		vchan_init(&sc->vc, &sd->dma);
	}
	ret = soft_start_workers(dev, sd);
	if (ret)
		return ret;
	ret = dmaenginem_async_device_register(&sd->dma);
	if (ret)
		return dev_err_probe(dev, ret, "failed to register\n");
	ret = soft_of_dma_register(dev, sd);
	if (ret)
		return dev_err_probe(dev, ret, "failed to register as OF DMA controller\n");
	platform_set_drvdata(pdev, sd);
	dev_info(dev, "%u channels, %u workers\n", sd->nr_chans, sd->nr_workers);
	return 0;
}

static const struct of_device_id soft_dma_of_match[] = {
	{ .compatible = "dmakit,soft-dma" },
	{}
};
MODULE_DEVICE_TABLE(of, soft_dma_of_match);

static struct platform_driver soft_dma_driver = {
	.probe = soft_dma_probe,
	.driver = {
		.name = SOFT_DMA_NAME,
		.of_match_table = soft_dma_of_match,
	},
};

static int __init soft_dma_init(void)
{
	int ret = platform_driver_register(&soft_dma_driver);

	if (ret)
		return ret;
	ret = soft_seam_register_device();
	if (ret)
		platform_driver_unregister(&soft_dma_driver);
	return ret;
}
module_init(soft_dma_init);

static void __exit soft_dma_exit(void)
{
	soft_seam_unregister_device();
	platform_driver_unregister(&soft_dma_driver);
}
module_exit(soft_dma_exit);

MODULE_DESCRIPTION("dmakit software DMA engine");
MODULE_AUTHOR("dmakit");
MODULE_LICENSE("GPL");
