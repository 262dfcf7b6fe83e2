/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * linux/async_tx.h - the asynchronous memory transfer/transform API
 * (crypto/async_tx): memcpy, XOR, RAID-6 P+Q generation, validation and
 * recovery, offloaded to any public DMA channel with the capability and
 * chained across channels, or run synchronously on the CPU (same bytes)
 * when no channel can.
 *
 * Pages are dmakit's struct page: the page-aligned block itself
 * (page_address(page) == page, see <linux/mm.h>).
 *
 * Differences from the kernel (docs/differences.md):
 *  - the public channels are taken (dmaengine_get()) by the first
 *    async_* call, not when the module loads, so that programs which
 *    never use async_tx can still request the engine's channels
 *    privately; that first call may sleep.  dmakit_shutdown() gives them
 *    back.
 *  - async_xor_val() (the pre-5.10 name, without per-source offsets) is
 *    kept next to async_xor_val_offs().
 *  - a block may be longer than PAGE_SIZE; where the kernel needs a
 *    page-sized spare (a NULL P/Q or data block in the synchronous
 *    paths), dmakit handles any length.
 */
#ifndef _ASYNC_TX_H_
#define _ASYNC_TX_H_

#include <linux/dmaengine.h>
#include <linux/spinlock.h>
#include <linux/interrupt.h>

struct page;

#define __async_inline

/**
 * enum async_tx_flags - modifiers for the async_* calls
 * @ASYNC_TX_XOR_ZERO_DST: the XOR destination is not a source; the
 *	synchronous path zeroes it first (xor_blocks() always uses it as one)
 * @ASYNC_TX_XOR_DROP_DST: the destination is also src_list[0]; the
 *	synchronous path drops it from the list (it is an implied source)
 * @ASYNC_TX_ACK: ack the descriptor at once; it cannot be a dependency
 * @ASYNC_TX_FENCE: the next operation in the chain uses this result
 * @ASYNC_TX_PQ_XOR_DST: XOR the syndrome into P/Q rather than overwrite
 *	them (read-modify-write); software only
 */
enum async_tx_flags {
	ASYNC_TX_XOR_ZERO_DST	 = (1 << 0),
	ASYNC_TX_XOR_DROP_DST	 = (1 << 1),
	ASYNC_TX_ACK		 = (1 << 2),
	ASYNC_TX_FENCE		 = (1 << 3),
	ASYNC_TX_PQ_XOR_DST	 = (1 << 4),
};

/**
 * struct async_submit_ctl - async_tx submission/completion modifiers
 * @flags: submission modifiers
 * @depend_tx: parent dependency of the current operation being submitted
 * @cb_fn: callback routine to run at operation completion
 * @cb_param: parameter for the callback routine
 * @scribble: caller provided space for dma/page address conversions
 */
struct async_submit_ctl {
	enum async_tx_flags flags;
	struct dma_async_tx_descriptor *depend_tx;
	dma_async_tx_callback cb_fn;
	void *cb_param;
	void *scribble;
};

#define async_tx_issue_pending_all dma_issue_pending_all

/**
 * async_tx_issue_pending - send pending descriptor to the hardware channel
 * @tx: descriptor handle to retrieve hardware context
 */
static inline void async_tx_issue_pending(struct dma_async_tx_descriptor *tx)
{
	if (likely(tx)) {
		struct dma_chan *chan = tx->chan;
		struct dma_device *dma = chan->device;

		dma->device_issue_pending(chan);
	}
}

#define async_tx_find_channel(dep, type, dst, dst_count, src, src_count, len) \
	 __async_tx_find_channel(dep, type)
struct dma_chan *
__async_tx_find_channel(struct async_submit_ctl *submit,
			enum dma_transaction_type tx_type);

/*
 * dmakit: take the public channels for async_tx if not yet done (the
 * kernel does it at module load).  Every async_* call does it; may sleep.
 */
void async_tx_get_channels(void);

/**
 * async_tx_sync_epilog - actions to take if an operation is run synchronously
 * @submit: submission and completion modifiers
 */
static inline void
async_tx_sync_epilog(struct async_submit_ctl *submit)
{
	if (submit->cb_fn)
		submit->cb_fn(submit->cb_param);
}

typedef union {
	unsigned long addr;
	struct page *page;
	dma_addr_t dma;
} addr_conv_t;

static inline void
init_async_submit(struct async_submit_ctl *args, enum async_tx_flags flags,
		  struct dma_async_tx_descriptor *tx,
		  dma_async_tx_callback cb_fn, void *cb_param,
		  addr_conv_t *scribble)
{
	args->flags = flags;
	args->depend_tx = tx;
	args->cb_fn = cb_fn;
	args->cb_param = cb_param;
	args->scribble = scribble;
}

void async_tx_submit(struct dma_chan *chan, struct dma_async_tx_descriptor *tx,
		     struct async_submit_ctl *submit);

struct dma_async_tx_descriptor *
async_xor(struct page *dest, struct page **src_list, unsigned int offset,
	  int src_cnt, size_t len, struct async_submit_ctl *submit);

struct dma_async_tx_descriptor *
async_xor_offs(struct page *dest, unsigned int offset,
		struct page **src_list, unsigned int *src_offset,
		int src_cnt, size_t len, struct async_submit_ctl *submit);

struct dma_async_tx_descriptor *
async_xor_val(struct page *dest, struct page **src_list, unsigned int offset,
	      int src_cnt, size_t len, enum sum_check_flags *result,
	      struct async_submit_ctl *submit);

struct dma_async_tx_descriptor *
async_xor_val_offs(struct page *dest, unsigned int offset,
		struct page **src_list, unsigned int *src_offset,
		int src_cnt, size_t len, enum sum_check_flags *result,
		struct async_submit_ctl *submit);

struct dma_async_tx_descriptor *
async_memcpy(struct page *dest, struct page *src, unsigned int dest_offset,
	     unsigned int src_offset, size_t len,
	     struct async_submit_ctl *submit);

struct dma_async_tx_descriptor *async_trigger_callback(struct async_submit_ctl *submit);

struct dma_async_tx_descriptor *
async_gen_syndrome(struct page **blocks, unsigned int *offsets, int src_cnt,
		   size_t len, struct async_submit_ctl *submit);

struct dma_async_tx_descriptor *
async_syndrome_val(struct page **blocks, unsigned int *offsets, int src_cnt,
		   size_t len, enum sum_check_flags *pqres, struct page *spare,
		   unsigned int s_off, struct async_submit_ctl *submit);

struct dma_async_tx_descriptor *
async_raid6_2data_recov(int src_num, size_t bytes, int faila, int failb,
			struct page **ptrs, unsigned int *offs,
			struct async_submit_ctl *submit);

struct dma_async_tx_descriptor *
async_raid6_datap_recov(int src_num, size_t bytes, int faila,
			struct page **ptrs, unsigned int *offs,
			struct async_submit_ctl *submit);

void async_tx_quiesce(struct dma_async_tx_descriptor **tx);
#endif /* _ASYNC_TX_H_ */
