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
 * A finished descriptor is completed with vchan_cookie_complete(); its
 * callback runs from the channel's tasklet, in softirq context.
 *
 * One executor at a time per channel (sc->busy).  The worker is one;
 * tx_status() is the other: a poller asking about a descriptor that did
 * not ask for an interrupt runs pending copies itself (poll_progress),
 * so a client that busy-polls cannot starve the worker of its CPU.
 *
 * Locking: vc.lock protects the lists, busy, paused, active and done.
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
#include <linux/property.h>
#include <linux/sched.h>
#include <linux/slab.h>

#include "virt-dma.h"
#include "dmaengine.h"
#include "soft-seam.h"

#define SOFT_MAX_CHANNELS	64
#define SOFT_MAX_WORKERS	64
#define SOFT_DESC_CACHE		256

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
	enum soft_op op;
	int value;
	size_t len;		/* payload bytes */
	size_t done;		/* bytes executed so far */
	bool repeat;		/* DMA_PREP_REPEAT */
	bool cached;		/* goes back to the channel's cache */
	bool fault_picked;	/* injected fault chosen (at its first chunk) */
	u8 fault;		/* enum soft_fault */
	struct dma_interleaved_template *xt;
	/* async_tx / RAID (additive) */
	dma_addr_t dst[2];		/* XOR: dst[0]; PQ, PQ_VAL: P, Q */
	unsigned int src_cnt;
	dma_addr_t *srcs;		/* one allocation: srcs[src_cnt], */
	void **ptrs;			/* CPU pointers of the chunk, */
	u8 *coefs;			/* PQ coefficients */
	enum sum_check_flags *result;	/* _VAL: written at completion */
	enum sum_check_flags sum;	/* _VAL: mismatches found so far */
	bool completed;			/* went through soft_complete() */
	unsigned int nsegs;
	struct soft_seg segs[];
};

struct soft_worker;

struct soft_chan {
	struct virt_dma_chan vc;
	struct soft_worker *worker;
	struct soft_desc *active;	/* head of issued, started */
	bool busy;			/* an executor is inside a chunk */
	bool paused;
	struct list_head worker_node;
	/*
	 * The descriptor an executor may still be copying when terminate
	 * runs: off every vchan list (vchan_get_all_descriptors() would
	 * free it at once), freed by synchronize once the executor is out.
	 */
	struct list_head dead;
	spinlock_t cache_lock;
	struct list_head cache;
	unsigned int cached;
	/* async_tx: completed descriptors waiting for DMA_CTRL_ACK */
	struct list_head unacked;	/* under cache_lock */
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

static struct soft_chan *to_soft_chan(struct dma_chan *chan)
{
	return container_of(to_virt_chan(chan), struct soft_chan, vc);
}

static struct soft_dma *to_soft_dma(struct dma_device *dma)
{
	return container_of(dma, struct soft_dma, dma);
}

/* --- descriptors --- */

static void soft_reap_unacked(struct soft_chan *sc, bool all);

static struct soft_desc *soft_desc_alloc(struct soft_chan *sc,
					 unsigned int nsegs)
{
	struct soft_desc *d = NULL;
	unsigned long flags;

	soft_reap_unacked(sc, false);	/* async_tx: acked since completion */
	if (nsegs == 1) {
		spin_lock_irqsave(&sc->cache_lock, flags);
		if (!list_empty(&sc->cache)) {
			d = list_first_entry(&sc->cache, struct soft_desc,
					     vd.node);
			list_del(&d->vd.node);
			sc->cached--;
		}
		spin_unlock_irqrestore(&sc->cache_lock, flags);
		if (d) {
			memset(d, 0, sizeof(*d) + sizeof(d->segs[0]));
			d->cached = true;
			d->nsegs = 1;
			return d;
		}
	}
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
		spin_lock_irqsave(&sc->cache_lock, flags);
		if (sc->cached < SOFT_DESC_CACHE) {
			list_add(&d->vd.node, &sc->cache);
			sc->cached++;
			d = NULL;
		}
		spin_unlock_irqrestore(&sc->cache_lock, flags);
	}
	kfree(d);
}

/*
 * async_tx: free the kept descriptors the client has acked since (all of
 * them with @all); past SOFT_UNACKED_MAX the oldest go acked or not, so
 * a client that never acks cannot grow the list without bound.
 */
static void soft_reap_unacked(struct soft_chan *sc, bool all)
{
	struct soft_desc *d, *n;
	unsigned int scanned = 0;
	unsigned long flags;
	LIST_HEAD(head);

	spin_lock_irqsave(&sc->cache_lock, flags);
	list_for_each_entry_safe(d, n, &sc->unacked, vd.node) {
		bool over = sc->nr_unacked > SOFT_UNACKED_MAX;

		if (!all && !over && scanned++ >= SOFT_REAP_SCAN)
			break;
		if (all || over || async_tx_test_ack(&d->vd.tx)) {
			list_move_tail(&d->vd.node, &head);
			sc->nr_unacked--;
		}
	}
	spin_unlock_irqrestore(&sc->cache_lock, flags);
	list_for_each_entry_safe(d, n, &head, vd.node) {
		list_del(&d->vd.node);
		soft_desc_release(&d->vd);
	}
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
		spin_lock_irqsave(&sc->cache_lock, flags);
		list_add_tail(&vd->node, &sc->unacked);
		sc->nr_unacked++;
		spin_unlock_irqrestore(&sc->cache_lock, flags);
		return;
	}
	soft_desc_release(vd);
}

static void soft_desc_cache_drain(struct soft_chan *sc)
{
	struct soft_desc *d, *n;
	unsigned long flags;
	LIST_HEAD(head);

	spin_lock_irqsave(&sc->cache_lock, flags);
	list_splice_init(&sc->cache, &head);
	sc->cached = 0;
	spin_unlock_irqrestore(&sc->cache_lock, flags);
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
					  bool src_inc, bool dst_inc)
{
	u8 *s = soft_seam_map(dev, src, src_inc ? len : 1);
	u8 *d = soft_seam_map(dev, dst, dst_inc ? len : 1);

	if (!s)
		return DMA_TRANS_READ_FAILED;
	if (!d)
		return DMA_TRANS_WRITE_FAILED;
	if (src_inc && dst_inc)
		soft_seam_copy(d, s, len);
	else if (dst_inc)
		soft_seam_fill(d, *s, len);
	else if (src_inc)
		*d = s[len - 1];	/* a non-incrementing sink keeps the last */
	else
		*d = *s;
	return DMA_TRANS_NOERROR;
}

static enum dmaengine_tx_result soft_fill(struct device *dev, dma_addr_t dst,
					  int value, size_t len)
{
	u8 *d = soft_seam_map(dev, dst, len);

	if (!d)
		return DMA_TRANS_WRITE_FAILED;
	soft_seam_fill(d, value, len);
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
		if (d->op == SOFT_MEMCPY)
			r = soft_copy(dev, s->dst + pos, s->src + pos, len,
				      true, true);
		else
			r = soft_fill(dev, s->dst + pos, d->value, len);
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

		r = soft_copy(dev, dst, src, len, xt->src_inc, xt->dst_inc);
		pos += len;
		n -= len;
	}
	return r;
}

/*
 * async_tx / RAID: bytes [@pos, @pos + @n) of every source and
 * destination.  The _VAL operations accumulate mismatches in d->sum.
 */
static enum dmaengine_tx_result soft_exec_raid(struct device *dev,
					       struct soft_desc *d,
					       size_t pos, size_t n)
{
	unsigned long flags = d->vd.tx.flags;
	bool do_p = !(flags & DMA_PREP_PQ_DISABLE_P);
	bool do_q = !(flags & DMA_PREP_PQ_DISABLE_Q);
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
		d->ptrs[i] = soft_seam_map(dev, d->srcs[i] + pos, n);
		if (!d->ptrs[i])
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
		soft_seam_xor(dst[0], d->ptrs, d->src_cnt, n);
		break;
	case SOFT_XOR_VAL:
		if (!soft_seam_xor_zero(d->ptrs, d->src_cnt, n))
			d->sum |= SUM_CHECK_P_RESULT;
		break;
	case SOFT_PQ:
		soft_seam_pq(dst[0], dst[1], d->ptrs, d->coefs, d->src_cnt, n,
			     flags & DMA_PREP_CONTINUE);
		break;
	case SOFT_PQ_VAL:
		d->sum |= soft_seam_pq_val(dst[0], dst[1], d->ptrs, d->coefs,
					   d->src_cnt, n);
		break;
	default:
		break;
	}
	return DMA_TRANS_NOERROR;
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

/* vc.lock held: true if @d is held by a lost completion or a stall. */
static bool soft_fault_held(struct soft_dma *sd, struct soft_desc *d)
{
	if (!d->fault_picked && d->len && !d->repeat) {
		d->fault_picked = true;
		d->fault = soft_fault_pick(sd);
	}
	if (d->fault == SOFT_FAULT_DROP)
		return d->done == d->len;
	return d->fault == SOFT_FAULT_STALL && d->done;
}

/*
 * vc.lock held: true if this completion must not be reported: the fault
 * holds @d, or @d is no longer the active descriptor (a duplicated or
 * stale completion, which a driver must ignore rather than complete the
 * wrong descriptor or the same one twice).
 */
static bool soft_fault_complete(struct soft_chan *sc, struct soft_desc *d,
				enum dmaengine_tx_result result)
{
	if (sc->active != d) {
		dev_warn_ratelimited(sc->vc.chan.device->dev,
				     "%s: stale completion ignored\n",
				     dma_chan_name(&sc->vc.chan));
		return true;
	}
	return result == DMA_TRANS_NOERROR &&
	       (d->fault == SOFT_FAULT_DROP || d->fault == SOFT_FAULT_STALL);
}

static enum dmaengine_tx_result soft_exec(struct soft_chan *sc,
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

/* vc.lock held: the descriptor is done, with @result. */
static void soft_complete(struct soft_chan *sc, struct soft_desc *d,
			  enum dmaengine_tx_result result)
{
	struct dma_chan *chan = &sc->vc.chan;

	if (soft_fault_complete(sc, d, result))
		return;
	d->vd.tx_result.result = result;
	d->vd.tx_result.residue = (u32)(d->len - d->done);
	if (result == DMA_TRANS_NOERROR) {
		this_cpu_inc(chan->local->memcpy_count);
		this_cpu_add(chan->local->bytes_transferred, d->len);
	}
	list_del(&d->vd.node);
	sc->active = NULL;
	/* async_tx: the _VAL result, the client's mappings, then dependents */
	if (d->result && result == DMA_TRANS_NOERROR)
		*d->result = d->sum;
	dma_descriptor_unmap(&d->vd.tx);
	d->completed = true;
	vchan_cookie_complete(&d->vd);
	if (d->fault == SOFT_FAULT_DUP)
		soft_complete(sc, d, result);	/* ignored: no longer active */
}

/*
 * Execute up to @budget bytes of the channel's next descriptor.  With
 * @poll_only, only a descriptor that asked for no interrupt is taken.
 * Returns true if it made progress.
 */
static bool soft_chan_run(struct soft_chan *sc, size_t budget, bool poll_only)
{
	struct soft_dma *sd = to_soft_dma(sc->vc.chan.device);
	enum dmaengine_tx_result r;
	struct virt_dma_desc *vd;
	struct soft_desc *d;
	unsigned long flags;
	size_t pos, n;

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
		if (soft_repeat_again(sc, d))
			d->done = 0;
		else {
			soft_complete(sc, d, DMA_TRANS_NOERROR);
			spin_unlock_irqrestore(&sc->vc.lock, flags);
			return true;
		}
	}
	WRITE_ONCE(sc->busy, true);
	sc->active = d;
	pos = d->done;
	n = min(budget, d->len - pos);
	spin_unlock_irqrestore(&sc->vc.lock, flags);

	r = soft_exec(sc, d, pos, n);

	spin_lock_irqsave(&sc->vc.lock, flags);
	/* Release: soft_wait_idle() then sees every byte this chunk wrote. */
	smp_store_release(&sc->busy, false);
	if (sc->active != d)
		goto out;	/* terminated while we ran */
	if (r == DMA_TRANS_NOERROR)	/* residue: a failed chunk did not land */
		WRITE_ONCE(d->done, pos + n);
	if (r != DMA_TRANS_NOERROR)
		soft_complete(sc, d, r);
	else if (d->done == d->len && !d->repeat) {
		soft_fault_hook(sd, sc->vc.chan.device->dev, d);
		soft_complete(sc, d, r);
	}
out:
	spin_unlock_irqrestore(&sc->vc.lock, flags);
	return true;
idle:
	spin_unlock_irqrestore(&sc->vc.lock, flags);
	return false;
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
			if (!soft_chan_run(sc, chunk_size, false))
				break;
			progress = true;
		}
	}
	return progress;
}

static int soft_worker_fn(void *data)
{
	struct soft_worker *w = data;

	while (!kthread_should_stop()) {
		u64 until;

		WRITE_ONCE(w->pending, 0);
		smp_mb();
		if (soft_worker_round(w)) {
			cond_resched();	/* no soft lockup under load */
			continue;
		}
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

static struct dma_async_tx_descriptor *
soft_prep_segs(struct soft_chan *sc, enum soft_op op, dma_addr_t dst,
	       dma_addr_t src, int value, size_t len, unsigned long flags)
{
	struct soft_desc *d;

	if (!len)
		return NULL;
	d = soft_desc_alloc(sc, 1);
	if (!d)
		return NULL;
	d->op = op;
	d->value = value & 0xff;
	d->len = len;
	d->segs[0].dst = dst;
	d->segs[0].src = src;
	d->segs[0].len = len;
	return soft_tx_prep(sc, d, flags);
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
	struct soft_chan *sc = to_soft_chan(chan);
	struct soft_desc *d = soft_desc_alloc(sc, 1);

	if (!d)
		return NULL;
	d->op = SOFT_INTERRUPT;
	return soft_tx_prep(sc, d, flags);
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
	d = soft_desc_alloc(sc, 0);
	if (!d)
		return NULL;
	d->srcs = kmalloc(src_cnt * (sizeof(*d->srcs) + sizeof(*d->ptrs) + 1),
			  GFP_NOWAIT);
	if (!d->srcs) {
		kfree(d);
		return NULL;
	}
	d->ptrs = (void **)(d->srcs + src_cnt);
	d->coefs = (u8 *)(d->ptrs + src_cnt);
	for (i = 0; i < src_cnt; i++) {
		d->srcs[i] = src[i];
		d->coefs[i] = pq ? scf[i] : 1;
	}
	d->src_cnt = src_cnt;
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

static void soft_issue_pending(struct dma_chan *chan)
{
	struct soft_chan *sc = to_soft_chan(chan);
	unsigned long flags;
	bool kick;

	spin_lock_irqsave(&sc->vc.lock, flags);
	kick = vchan_issue_pending(&sc->vc) && !sc->paused;
	spin_unlock_irqrestore(&sc->vc.lock, flags);
	if (kick)
		soft_worker_kick(sc->worker);
}

/* vc.lock held: bytes left of @cookie, if it is still queued. */
static size_t soft_residue(struct soft_chan *sc, dma_cookie_t cookie)
{
	struct virt_dma_desc *vd = vchan_find_desc(&sc->vc, cookie);

	if (vd) {
		struct soft_desc *d = to_soft_desc(vd);

		return d->len - READ_ONCE(d->done);
	}
	list_for_each_entry(vd, &sc->vc.desc_submitted, node)
		if (vd->tx.cookie == cookie)
			return to_soft_desc(vd)->len;
	return 0;
}

static enum dma_status soft_tx_status(struct dma_chan *chan,
				      dma_cookie_t cookie,
				      struct dma_tx_state *txstate)
{
	struct soft_chan *sc = to_soft_chan(chan);
	enum dma_status ret;
	unsigned long flags;

	ret = dma_cookie_status(chan, cookie, txstate);
	if (ret == DMA_COMPLETE)
		return ret;

	if (poll_progress) {
		bool ran = false;

		while (ret == DMA_IN_PROGRESS &&
		       soft_chan_run(sc, chunk_size, true)) {
			ran = true;
			ret = dma_cookie_status(chan, cookie, txstate);
		}
		/*
		 * The worker may have found the channel busy with our chunk
		 * and gone to sleep: hand it whatever is queued behind.
		 */
		if (ran)
			soft_worker_kick(sc->worker);
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
	 * descriptor its chunk finished: wait for that critical section too.
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
		/* An executor may still be copying: free it in synchronize. */
		list_move_tail(&sc->active->vd.node, &sc->dead);
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
		spin_lock_init(&sc->cache_lock);
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
