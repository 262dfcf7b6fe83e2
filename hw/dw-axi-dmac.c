// SPDX-License-Identifier: GPL-2.0
/*
 * Model of the Synopsys DesignWare AXI DMA controller (DW_axi_dmac 1.01a),
 * compatible "snps,axi-dma-1.01a", up to 8 channels (the 8-channel
 * register map: CH_EN/CH_SUSP/CH_ABORT and their write enables in
 * DMAC_CHEN).
 *
 * Registers: the common block at 0x000 and channel n at 0x100 + n * 0x100.
 * A channel, once enabled, runs block after block: in linked-list mode
 * (CFG.SRC/DST_MULTBLK_TYPE = LL) it fetches 64-byte LLIs from CH_LLP as
 * a bus master, loads SAR/DAR/BLOCK_TS/CTL/LLP from them and writes CTL
 * (valid bit cleared) and STATUS back when the block is done; otherwise
 * it runs the single block programmed in the registers.  Data moves one
 * burst (CTL.SRC/DST_MSIZE items of the transfer width) per event; a
 * peripheral side waits for its DMA request line (hardware handshake,
 * CFG.HS_SEL = 0) or CH_SWHSSRC/DST (software handshake) before each
 * burst, and is acknowledged after it.  The time a burst takes follows
 * from its size, the transfer widths, the master data width and the bus
 * clock ("clock-frequency").
 *
 * Suspend, disable and abort take effect at once: data moves only at
 * burst boundaries, so the channel is always between bursts when a CPU
 * writes DMAC_CHEN.  CH_STATUS.CMPLTD_BLK_TFR_SIZE counts the items of
 * source width done in the current block; it is cleared when the channel
 * is enabled and when a block starts.
 *
 * Reset values where the databook was not at hand are the model's own:
 * DMAC_ID = the "id" parameter, DMAC_COMPVER = 0x3130312a ("101*"),
 * CH_INTSTATUS_ENA and DMAC_COMMON_INTSTATUS_ENA all ones, everything
 * else zero.  Not modelled: reload and shadow-register multi-block types
 * (MULTIBLKTYPE_ERR), channel locking, AXI ID/QoS effects, arbitration
 * between channels (they run in parallel), the >8-channel register map.
 */
#include <linux/ktime.h>
#include <dmakit/hw-model.h>

#define AXI_COMMON_LEN		0x100
#define AXI_CHAN_LEN		0x100
#define AXI_MAX_CHANNELS	8
#define AXI_NR_HS_IF		16
#define AXI_LLI_SIZE		64

/* Common registers. */
#define AXI_DMAC_ID		0x000
#define AXI_DMAC_COMPVER	0x008
#define AXI_DMAC_CFG		0x010
#define AXI_DMAC_CHEN		0x018
#define AXI_DMAC_INTSTATUS	0x030
#define AXI_DMAC_COMMON_INTCLEAR	0x038
#define AXI_DMAC_COMMON_INTSTATUS_ENA	0x040
#define AXI_DMAC_COMMON_INTSIGNAL_ENA	0x048
#define AXI_DMAC_COMMON_INTSTATUS	0x050
#define AXI_DMAC_RESET		0x058

#define AXI_COMPVER_101A	0x3130312aULL
#define AXI_CFG_DMAC_EN		BIT_ULL(0)
#define AXI_CFG_INT_EN		BIT_ULL(1)

/* DMAC_CHEN, 8-channel map. */
#define AXI_CHEN_EN(ch)		BIT_ULL(ch)
#define AXI_CHEN_EN_WE(ch)	BIT_ULL((ch) + 8)
#define AXI_CHEN_SUSP(ch)	BIT_ULL((ch) + 16)
#define AXI_CHEN_SUSP_WE(ch)	BIT_ULL((ch) + 24)
#define AXI_CHEN_ABORT(ch)	BIT_ULL((ch) + 32)
#define AXI_CHEN_ABORT_WE(ch)	BIT_ULL((ch) + 40)

/* Channel registers (offsets in the channel block). */
#define AXI_CH_SAR		0x000
#define AXI_CH_DAR		0x008
#define AXI_CH_BLOCK_TS		0x010
#define AXI_CH_CTL		0x018
#define AXI_CH_CFG		0x020
#define AXI_CH_LLP		0x028
#define AXI_CH_STATUS		0x030
#define AXI_CH_SWHSSRC		0x038
#define AXI_CH_SWHSDST		0x040
#define AXI_CH_BLK_TFR_RESUMEREQ	0x048
#define AXI_CH_AXI_ID		0x050
#define AXI_CH_AXI_QOS		0x058
#define AXI_CH_SSTAT		0x060
#define AXI_CH_DSTAT		0x068
#define AXI_CH_SSTATAR		0x070
#define AXI_CH_DSTATAR		0x078
#define AXI_CH_INTSTATUS_ENA	0x080
#define AXI_CH_INTSTATUS	0x088
#define AXI_CH_INTSIGNAL_ENA	0x090
#define AXI_CH_INTCLEAR		0x098

/* CH_CTL. */
#define CTL_SRC_INC_NO		BIT_ULL(4)
#define CTL_DST_INC_NO		BIT_ULL(6)
#define CTL_SRC_WIDTH(v)	(((v) >> 8) & 7)
#define CTL_DST_WIDTH(v)	(((v) >> 11) & 7)
#define CTL_SRC_MSIZE(v)	(((v) >> 14) & 0xf)
#define CTL_DST_MSIZE(v)	(((v) >> 18) & 0xf)
#define CTL_IOC_BLKTFR		BIT_ULL(32 + 26)
#define CTL_LLI_LAST		BIT_ULL(32 + 30)
#define CTL_LLI_VALID		BIT_ULL(32 + 31)

/* CH_CFG. */
#define CFG_SRC_MULTBLK(v)	((v) & 3)
#define CFG_DST_MULTBLK(v)	(((v) >> 2) & 3)
#define MBLK_CONTIGUOUS		0
#define MBLK_LL			3
#define CFG_TT_FC(v)		(((v) >> 32) & 7)
#define CFG_HS_SEL_SRC		BIT_ULL(32 + 3)
#define CFG_HS_SEL_DST		BIT_ULL(32 + 4)
#define CFG_SRC_PER(v)		(((v) >> (32 + 7)) & 0xf)
#define CFG_DST_PER(v)		(((v) >> (32 + 12)) & 0xf)

/* CH_SWHSSRC / CH_SWHSDST. */
#define SWHS_REQ		BIT_ULL(0)
#define SWHS_REQ_WE		BIT_ULL(1)
#define SWHS_SGLREQ		BIT_ULL(2)
#define SWHS_SGLREQ_WE		BIT_ULL(3)
#define SWHS_LST		BIT_ULL(4)
#define SWHS_LST_WE		BIT_ULL(5)

/* Channel interrupt bits. */
#define IRQ_BLOCK_TRF		BIT_ULL(0)
#define IRQ_DMA_TRF		BIT_ULL(1)
#define IRQ_SRC_TRAN		BIT_ULL(3)
#define IRQ_DST_TRAN		BIT_ULL(4)
#define IRQ_SRC_DEC_ERR		BIT_ULL(5)
#define IRQ_DST_DEC_ERR		BIT_ULL(6)
#define IRQ_LLI_RD_DEC_ERR	BIT_ULL(9)
#define IRQ_LLI_WR_DEC_ERR	BIT_ULL(10)
#define IRQ_INVALID_ERR		BIT_ULL(13)
#define IRQ_MULTIBLKTYPE_ERR	BIT_ULL(14)
#define IRQ_WRONCHEN_ERR	BIT_ULL(19)
#define IRQ_SUSPENDED		BIT_ULL(29)
#define IRQ_DISABLED		BIT_ULL(30)
#define IRQ_ABORTED		BIT_ULL(31)

/* DMAC_COMMON_INTSTATUS. */
#define COMMON_WR2RO_ERR	BIT_ULL(1)

enum {
	R_ID, R_COMPVER, R_CFG, R_CHEN, R_INTSTATUS, R_COMMON_INTCLEAR,
	R_COMMON_INTSTATUS_ENA, R_COMMON_INTSIGNAL_ENA, R_COMMON_INTSTATUS,
	R_RESET,
	R_CH_SAR, R_CH_DAR, R_CH_BLOCK_TS, R_CH_CTL, R_CH_CFG, R_CH_LLP,
	R_CH_STATUS, R_CH_SWHSSRC, R_CH_SWHSDST, R_CH_RESUMEREQ, R_CH_AXI_ID,
	R_CH_AXI_QOS, R_CH_SSTAT, R_CH_DSTAT, R_CH_SSTATAR, R_CH_DSTATAR,
	R_CH_INTSTATUS_ENA, R_CH_INTSTATUS, R_CH_INTSIGNAL_ENA, R_CH_INTCLEAR,
};

struct axi_lli {
	__le64 sar;
	__le64 dar;
	__le32 block_ts_lo;
	__le32 block_ts_hi;
	__le64 llp;
	__le32 ctl_lo;
	__le32 ctl_hi;
	__le32 sstat;
	__le32 dstat;
	__le32 status_lo;
	__le32 status_hi;
	__le32 reserved_lo;
	__le32 reserved_hi;
} __packed;

struct axi_model_chan {
	struct hw_event ev;
	unsigned int id;
	bool enabled;
	bool suspended;		/* CH_SUSP set */
	bool halted;		/* fetched an invalid LLI; waits for RESUMEREQ */
	bool loaded;		/* a block is in the registers */
	bool ll;		/* linked-list mode */
	bool last_block;	/* peripheral said LAST */
	u64 lli_addr;		/* where the current LLI came from */
	u64 block_bytes;
	u64 done_bytes;
	u64 src, dst;		/* current addresses */
	/* injected faults (hw_model_fault()) */
	u64 irq_hidden;		/* status bits kept off the line (lost) */
	bool dup_pending;	/* set DMA_TRF again once it is cleared */
	bool stall;		/* this transfer stalls after a burst */
	bool stalled;
	bool read_fault;	/* this transfer's first read fails */
	bool write_fault;	/* this transfer's first write fails */
};

struct axi_model {
	struct hw_model *md;
	unsigned int nr_channels;
	unsigned int data_width;	/* log2 bytes of the master data bus */
	u64 id;
	u64 clock_hz;
	struct axi_model_chan chan[AXI_MAX_CHANNELS];
	unsigned int fault_every[HW_FAULT_NR];
	unsigned long fault_events[HW_FAULT_NR];
	unsigned long fault_fired[HW_FAULT_NR];
};

static const char *const fault_params[HW_FAULT_NR] = {
	[HW_FAULT_IRQ_LOST]	= "dmakit,fault-irq-lost-every",
	[HW_FAULT_IRQ_DUP]	= "dmakit,fault-irq-dup-every",
	[HW_FAULT_STALL]	= "dmakit,fault-stall-every",
	[HW_FAULT_READ]		= "dmakit,fault-read-every",
	[HW_FAULT_WRITE]	= "dmakit,fault-write-every",
};

static struct axi_model *to_axi(struct hw_model *md)
{
	return hw_model_priv(md);
}

static u64 msize_items(unsigned int msize)
{
	return msize ? 1ULL << (msize + 1) : 1;
}

/* -------------------------------------------------- injected faults */

/* Count one event of @kind; true if this one is to fail. */
static bool axi_fault_hit(struct axi_model *dw, enum hw_fault kind)
{
	if (!dw->fault_every[kind])
		return false;
	if (++dw->fault_events[kind] % dw->fault_every[kind])
		return false;
	dw->fault_fired[kind]++;
	pr_debug("hw: %s: injecting fault %d\n", hw_model_name(dw->md), kind);
	return true;
}

static int axi_fault(struct hw_model *md, enum hw_fault kind,
		     unsigned int every)
{
	struct axi_model *dw = to_axi(md);

	dw->fault_every[kind] = every;
	dw->fault_events[kind] = 0;
	return 0;
}

static unsigned long axi_faults_injected(struct hw_model *md,
					 enum hw_fault kind)
{
	return to_axi(md)->fault_fired[kind];
}

/* ------------------------------------------------------- interrupts */

static void axi_update_irq(struct axi_model *dw)
{
	struct hw_model *md = dw->md;
	bool level = false;
	unsigned int i;

	if (hw_reg_get(md, R_CFG, 0) & AXI_CFG_INT_EN) {
		for (i = 0; i < dw->nr_channels; i++)
			if (hw_reg_get(md, R_CH_INTSTATUS, i) &
			    ~dw->chan[i].irq_hidden &
			    hw_reg_get(md, R_CH_INTSIGNAL_ENA, i))
				level = true;
		if (hw_reg_get(md, R_COMMON_INTSTATUS, 0) &
		    hw_reg_get(md, R_COMMON_INTSIGNAL_ENA, 0))
			level = true;
	}
	hw_irq_set(md, level);
}

/* Record status bits the status-enable register lets through. */
static void axi_raise(struct axi_model *dw, unsigned int ch, u64 bits)
{
	struct hw_model *md = dw->md;

	bits &= hw_reg_get(md, R_CH_INTSTATUS_ENA, ch);
	hw_reg_set(md, R_CH_INTSTATUS, ch,
		   hw_reg_get(md, R_CH_INTSTATUS, ch) | bits);
	axi_update_irq(dw);
}

/* --------------------------------------------------------- channels */

static void axi_chan_stop(struct axi_model *dw, struct axi_model_chan *c)
{
	c->enabled = false;
	c->loaded = false;
	c->halted = false;
	c->stall = c->stalled = false;
	c->read_fault = c->write_fault = false;
	hw_event_cancel(&c->ev);
	hw_reg_set(dw->md, R_CHEN, 0,
		   hw_reg_get(dw->md, R_CHEN, 0) & ~AXI_CHEN_EN(c->id));
}

static void axi_chan_error(struct axi_model *dw, struct axi_model_chan *c,
			   u64 bits)
{
	axi_chan_stop(dw, c);
	axi_raise(dw, c->id, bits);
}

static void axi_chan_kick(struct axi_model_chan *c)
{
	if (c->enabled && !c->suspended && !c->halted && !c->stalled)
		hw_event_schedule(&c->ev, 0);
}

static void axi_set_status(struct axi_model *dw, struct axi_model_chan *c)
{
	u64 ctl = hw_reg_get(dw->md, R_CH_CTL, c->id);

	hw_reg_set(dw->md, R_CH_STATUS, c->id,
		   (c->done_bytes >> CTL_SRC_WIDTH(ctl)) & GENMASK_ULL(21, 0));
}

/* Time for @bytes read at @sw and written at @dw (log2 widths). */
static u64 axi_xfer_ns(struct axi_model *dw, u64 bytes, unsigned int sw,
		       unsigned int dwid)
{
	unsigned int bus = dw->data_width;
	u64 beats;

	beats = DIV_ROUND_UP(bytes, 1ULL << min(sw, bus)) +
		DIV_ROUND_UP(bytes, 1ULL << min(dwid, bus)) + 2;
	return DIV_ROUND_UP(beats * NSEC_PER_SEC, dw->clock_hz);
}

static void axi_block_start(struct axi_model *dw, struct axi_model_chan *c)
{
	struct hw_model *md = dw->md;
	u64 ctl = hw_reg_get(md, R_CH_CTL, c->id);
	u64 bts = hw_reg_get(md, R_CH_BLOCK_TS, c->id) & GENMASK_ULL(21, 0);

	c->block_bytes = (bts + 1) << CTL_SRC_WIDTH(ctl);
	c->done_bytes = 0;
	c->last_block = false;
	c->src = hw_reg_get(md, R_CH_SAR, c->id);
	c->dst = hw_reg_get(md, R_CH_DAR, c->id);
	c->loaded = true;
	axi_set_status(dw, c);
}

/* Fetch the LLI at CH_LLP; false if the channel stopped. */
static bool axi_fetch_lli(struct axi_model *dw, struct axi_model_chan *c)
{
	struct hw_model *md = dw->md;
	u64 addr = hw_reg_get(md, R_CH_LLP, c->id) & ~0x3fULL;
	struct axi_lli lli;
	u64 ctl;

	if (hw_dma_read(md, addr, &lli, sizeof(lli))) {
		axi_chan_error(dw, c, IRQ_LLI_RD_DEC_ERR);
		return false;
	}
	ctl = le32_to_cpu(lli.ctl_lo) | (u64)le32_to_cpu(lli.ctl_hi) << 32;
	if (!(ctl & CTL_LLI_VALID)) {
		c->halted = true;
		axi_raise(dw, c->id, IRQ_INVALID_ERR);
		return false;
	}
	c->lli_addr = addr;
	hw_reg_set(md, R_CH_SAR, c->id, le64_to_cpu(lli.sar));
	hw_reg_set(md, R_CH_DAR, c->id, le64_to_cpu(lli.dar));
	hw_reg_set(md, R_CH_BLOCK_TS, c->id, le32_to_cpu(lli.block_ts_lo));
	hw_reg_set(md, R_CH_CTL, c->id, ctl);
	hw_reg_set(md, R_CH_LLP, c->id, le64_to_cpu(lli.llp));
	axi_block_start(dw, c);
	return true;
}

/* Which sides are peripherals, from CFG.TT_FC. */
static bool tt_src_per(unsigned int fc)
{
	return fc == 2 || fc == 3 || fc == 4 || fc == 5 || fc == 7;
}

static bool tt_dst_per(unsigned int fc)
{
	return fc == 1 || fc == 3 || fc == 5 || fc == 6 || fc == 7;
}

/* The flow controller is the source (4, 5) or destination (6, 7) peripheral. */
static bool tt_periph_fc(unsigned int fc, bool src)
{
	return src ? (fc == 4 || fc == 5) : (fc == 6 || fc == 7);
}

static u32 axi_hs_signals(struct axi_model *dw, unsigned int ch, bool src)
{
	struct hw_model *md = dw->md;
	u64 cfg = hw_reg_get(md, R_CH_CFG, ch);
	u64 sw;
	u32 s = 0;

	if (!(cfg & (src ? CFG_HS_SEL_SRC : CFG_HS_SEL_DST)))
		return hw_drq_state(md, src ? CFG_SRC_PER(cfg) : CFG_DST_PER(cfg));
	sw = hw_reg_get(md, src ? R_CH_SWHSSRC : R_CH_SWHSDST, ch);
	if (sw & SWHS_REQ)
		s |= HW_DRQ_BURST;
	if (sw & SWHS_SGLREQ)
		s |= HW_DRQ_SINGLE;
	if (sw & SWHS_LST)
		s |= HW_DRQ_LAST;
	return s;
}

static void axi_hs_ack(struct axi_model *dw, unsigned int ch, bool src,
		       u32 what)
{
	struct hw_model *md = dw->md;
	u64 cfg = hw_reg_get(md, R_CH_CFG, ch);

	if (!(cfg & (src ? CFG_HS_SEL_SRC : CFG_HS_SEL_DST))) {
		hw_drq_ack(md, src ? CFG_SRC_PER(cfg) : CFG_DST_PER(cfg), what);
		return;
	}
	/* Software handshake: the request is consumed. */
	hw_reg_set(md, src ? R_CH_SWHSSRC : R_CH_SWHSDST, ch, 0);
}

/*
 * How many bytes the next transaction moves, given the handshakes;
 * 0 means wait for a request.  @what gets the kind of transaction.  The
 * peripheral side sets the transaction size (the destination's when
 * both sides are peripherals).
 */
static u64 axi_burst_bytes(struct axi_model *dw, struct axi_model_chan *c,
			   u64 ctl, unsigned int fc, u32 *what)
{
	u64 left = c->block_bytes - c->done_bytes, burst, bytes = 0;
	bool src_hs = tt_src_per(fc), dst_hs = tt_dst_per(fc), last = false;
	unsigned int width = CTL_SRC_WIDTH(ctl);
	u32 sig = ~0U, s;

	burst = msize_items(CTL_SRC_MSIZE(ctl)) << width;
	*what = HW_DRQ_BURST;
	if (!src_hs && !dst_hs)
		return min(burst, left);
	if (src_hs) {
		s = axi_hs_signals(dw, c->id, true);
		sig &= s;
		if (tt_periph_fc(fc, true))
			last = s & HW_DRQ_LAST;
	}
	if (dst_hs) {
		width = CTL_DST_WIDTH(ctl);
		burst = msize_items(CTL_DST_MSIZE(ctl)) << width;
		s = axi_hs_signals(dw, c->id, false);
		sig &= s;
		if (tt_periph_fc(fc, false))
			last = s & HW_DRQ_LAST;
	}
	if ((sig & HW_DRQ_BURST) && left >= burst) {
		bytes = burst;
	} else if (sig & HW_DRQ_SINGLE) {
		*what = HW_DRQ_SINGLE;
		bytes = min(1ULL << width, left);
	} else if (sig & HW_DRQ_BURST) {
		bytes = left;
	}
	if (bytes)
		c->last_block = last;
	return bytes;
}

/* Copy @bytes from the source to the destination side, item by item
 * on a side that does not increment. */
static int axi_move(struct axi_model *dw, struct axi_model_chan *c, u64 ctl,
		    u64 bytes, u64 *err)
{
	struct hw_model *md = dw->md;
	u8 buf[4096];
	u64 off = 0;

	while (off < bytes) {
		u64 n = min_t(u64, bytes - off, sizeof(buf));
		u64 sw = 1ULL << CTL_SRC_WIDTH(ctl), dwd = 1ULL << CTL_DST_WIDTH(ctl);
		u64 i;

		if (c->read_fault) {
			c->read_fault = false;
			goto src_err;
		}
		if (ctl & CTL_SRC_INC_NO) {
			for (i = 0; i < n; i += sw)
				if (hw_dma_read(md, c->src, buf + i, min(sw, n - i)))
					goto src_err;
		} else {
			if (hw_dma_read(md, c->src + off, buf, n))
				goto src_err;
		}
		if (c->write_fault) {
			c->write_fault = false;
			goto dst_err;
		}
		if (ctl & CTL_DST_INC_NO) {
			for (i = 0; i < n; i += dwd)
				if (hw_dma_write(md, c->dst, buf + i, min(dwd, n - i)))
					goto dst_err;
		} else {
			if (hw_dma_write(md, c->dst + off, buf, n))
				goto dst_err;
		}
		off += n;
	}
	if (!(ctl & CTL_SRC_INC_NO))
		c->src += bytes;
	if (!(ctl & CTL_DST_INC_NO))
		c->dst += bytes;
	return 0;
src_err:
	*err = IRQ_SRC_DEC_ERR;
	return -EFAULT;
dst_err:
	*err = IRQ_DST_DEC_ERR;
	return -EFAULT;
}

/* The block is done: write back, raise, go on or stop. */
static void axi_block_end(struct axi_model *dw, struct axi_model_chan *c)
{
	struct hw_model *md = dw->md;
	u64 ctl = hw_reg_get(md, R_CH_CTL, c->id);
	bool last = !c->ll || (ctl & CTL_LLI_LAST) || c->last_block;
	u64 bits = 0;

	if (c->ll) {
		__le32 wb[2];
		__le32 st = cpu_to_le32((u32)hw_reg_get(md, R_CH_STATUS, c->id));

		wb[0] = cpu_to_le32((u32)(ctl >> 32) & ~(u32)(CTL_LLI_VALID >> 32));
		if (hw_dma_write(md, c->lli_addr + offsetof(struct axi_lli, ctl_hi),
				 wb, sizeof(wb[0])) ||
		    hw_dma_write(md, c->lli_addr + offsetof(struct axi_lli, status_lo),
				 &st, sizeof(st))) {
			axi_chan_error(dw, c, IRQ_LLI_WR_DEC_ERR);
			return;
		}
	}
	if (ctl & CTL_IOC_BLKTFR)
		bits |= IRQ_BLOCK_TRF;
	c->loaded = false;
	if (last) {
		axi_chan_stop(dw, c);
		bits |= IRQ_DMA_TRF;
		if (axi_fault_hit(dw, HW_FAULT_IRQ_LOST))
			c->irq_hidden |= bits;
		if (axi_fault_hit(dw, HW_FAULT_IRQ_DUP))
			c->dup_pending = true;
	} else {
		hw_event_schedule(&c->ev, 0);
	}
	if (bits)
		axi_raise(dw, c->id, bits);
}

static void axi_chan_step(struct hw_event *ev)
{
	struct axi_model_chan *c = container_of(ev, struct axi_model_chan, ev);
	struct axi_model *dw = to_axi(ev->model);
	struct hw_model *md = dw->md;
	u64 ctl, cfg, bytes, err = 0;
	unsigned int fc;
	u32 what;

	if (!c->enabled || c->suspended || c->halted || c->stalled)
		return;
	if (!c->loaded) {
		if (c->ll) {
			if (!axi_fetch_lli(dw, c))
				return;
			/* The fetch itself takes bus time. */
			hw_event_schedule(&c->ev, axi_xfer_ns(dw, AXI_LLI_SIZE,
					  dw->data_width, dw->data_width) / 2);
			return;
		}
		axi_block_start(dw, c);
	}
	if (c->done_bytes >= c->block_bytes) {
		axi_block_end(dw, c);
		return;
	}
	ctl = hw_reg_get(md, R_CH_CTL, c->id);
	cfg = hw_reg_get(md, R_CH_CFG, c->id);
	fc = CFG_TT_FC(cfg);
	bytes = axi_burst_bytes(dw, c, ctl, fc, &what);
	if (!bytes)
		return;		/* wait for a request: drq_changed kicks us */
	if (axi_move(dw, c, ctl, bytes, &err)) {
		axi_chan_error(dw, c, err);
		return;
	}
	c->done_bytes += bytes;
	hw_reg_set(md, R_CH_SAR, c->id, c->src);
	hw_reg_set(md, R_CH_DAR, c->id, c->dst);
	axi_set_status(dw, c);
	if (c->last_block)
		c->block_bytes = c->done_bytes;
	if (c->done_bytes >= c->block_bytes)
		what |= HW_DRQ_LAST;
	if (tt_src_per(fc))
		axi_hs_ack(dw, c->id, true, what);
	if (tt_dst_per(fc))
		axi_hs_ack(dw, c->id, false, what);
	if (c->stall) {
		c->stalled = true;	/* no more progress until disabled */
		return;
	}
	hw_event_schedule(&c->ev, axi_xfer_ns(dw, bytes, CTL_SRC_WIDTH(ctl),
					      CTL_DST_WIDTH(ctl)));
}

static void axi_chan_enable(struct axi_model *dw, struct axi_model_chan *c)
{
	struct hw_model *md = dw->md;
	u64 cfg = hw_reg_get(md, R_CH_CFG, c->id);
	unsigned int s = CFG_SRC_MULTBLK(cfg), d = CFG_DST_MULTBLK(cfg);

	if (!(hw_reg_get(md, R_CFG, 0) & AXI_CFG_DMAC_EN) || c->enabled)
		return;
	hw_reg_set(md, R_CHEN, 0, hw_reg_get(md, R_CHEN, 0) | AXI_CHEN_EN(c->id));
	c->enabled = true;
	c->halted = false;
	c->loaded = false;
	c->done_bytes = 0;
	hw_reg_set(md, R_CH_STATUS, c->id, 0);
	if ((s != MBLK_LL && s != MBLK_CONTIGUOUS) ||
	    (d != MBLK_LL && d != MBLK_CONTIGUOUS)) {
		axi_chan_error(dw, c, IRQ_MULTIBLKTYPE_ERR);
		return;
	}
	c->ll = s == MBLK_LL || d == MBLK_LL;
	c->stall = axi_fault_hit(dw, HW_FAULT_STALL);
	c->read_fault = axi_fault_hit(dw, HW_FAULT_READ);
	c->write_fault = axi_fault_hit(dw, HW_FAULT_WRITE);
	if (c->suspended)
		axi_raise(dw, c->id, IRQ_SUSPENDED);
	axi_chan_kick(c);
}

/* -------------------------------------------------- register hooks */

static void axi_write_chen(struct hw_model *md, unsigned int reg,
			   unsigned int idx, u64 val, u64 mask)
{
	struct axi_model *dw = to_axi(md);
	unsigned int i;

	for (i = 0; i < dw->nr_channels; i++) {
		struct axi_model_chan *c = &dw->chan[i];

		if ((mask & AXI_CHEN_ABORT_WE(i)) && (val & AXI_CHEN_ABORT_WE(i)) &&
		    (val & AXI_CHEN_ABORT(i)) && c->enabled) {
			axi_chan_stop(dw, c);
			axi_raise(dw, i, IRQ_ABORTED);
		}
		if ((mask & AXI_CHEN_SUSP_WE(i)) && (val & AXI_CHEN_SUSP_WE(i))) {
			bool susp = val & AXI_CHEN_SUSP(i);

			if (susp && !c->suspended) {
				c->suspended = true;
				hw_event_cancel(&c->ev);
				if (c->enabled)
					axi_raise(dw, i, IRQ_SUSPENDED);
			} else if (!susp && c->suspended) {
				c->suspended = false;
				axi_chan_kick(c);
			}
		}
		if ((mask & AXI_CHEN_EN_WE(i)) && (val & AXI_CHEN_EN_WE(i))) {
			if (val & AXI_CHEN_EN(i)) {
				axi_chan_enable(dw, c);
			} else if (c->enabled) {
				axi_chan_stop(dw, c);
				axi_raise(dw, i, IRQ_DISABLED);
			}
		}
	}
}

static u64 axi_read_chen(struct hw_model *md, unsigned int reg,
			 unsigned int idx, u64 mask)
{
	struct axi_model *dw = to_axi(md);
	unsigned int i;
	u64 v = 0;

	for (i = 0; i < dw->nr_channels; i++) {
		if (dw->chan[i].enabled)
			v |= AXI_CHEN_EN(i);
		if (dw->chan[i].suspended)
			v |= AXI_CHEN_SUSP(i);
	}
	return v;
}

static void axi_write_cfg(struct hw_model *md, unsigned int reg,
			  unsigned int idx, u64 val, u64 mask)
{
	struct axi_model *dw = to_axi(md);
	unsigned int i;

	hw_reg_store(md, reg, idx, val, mask);
	if (!(hw_reg_get(md, R_CFG, 0) & AXI_CFG_DMAC_EN))
		for (i = 0; i < dw->nr_channels; i++)
			if (dw->chan[i].enabled)
				axi_chan_stop(dw, &dw->chan[i]);
	axi_update_irq(dw);
}

static u64 axi_read_intstatus(struct hw_model *md, unsigned int reg,
			      unsigned int idx, u64 mask)
{
	struct axi_model *dw = to_axi(md);
	unsigned int i;
	u64 v = 0;

	for (i = 0; i < dw->nr_channels; i++)
		if (hw_reg_get(md, R_CH_INTSTATUS, i))
			v |= BIT_ULL(i);
	if (hw_reg_get(md, R_COMMON_INTSTATUS, 0))
		v |= BIT_ULL(16);
	return v;
}

static void axi_write_common_intclear(struct hw_model *md, unsigned int reg,
				      unsigned int idx, u64 val, u64 mask)
{
	hw_reg_set(md, R_COMMON_INTSTATUS, 0,
		   hw_reg_get(md, R_COMMON_INTSTATUS, 0) & ~(val & mask));
	axi_update_irq(to_axi(md));
}

static void axi_write_ro(struct hw_model *md, unsigned int reg,
			 unsigned int idx, u64 val, u64 mask)
{
	u64 bits = COMMON_WR2RO_ERR & hw_reg_get(md, R_COMMON_INTSTATUS_ENA, 0);

	hw_reg_set(md, R_COMMON_INTSTATUS, 0,
		   hw_reg_get(md, R_COMMON_INTSTATUS, 0) | bits);
	axi_update_irq(to_axi(md));
}

static void axi_reset(struct hw_model *md);

static void axi_write_reset(struct hw_model *md, unsigned int reg,
			    unsigned int idx, u64 val, u64 mask)
{
	struct axi_model *dw = to_axi(md);

	if (!(val & mask & 1))
		return;
	hw_reg_reset_all(md);
	axi_reset(md);
	axi_update_irq(dw);
}

/* Channel configuration registers cannot change under a running channel. */
static void axi_write_chan_cfg(struct hw_model *md, unsigned int reg,
			       unsigned int idx, u64 val, u64 mask)
{
	struct axi_model *dw = to_axi(md);

	if (idx >= dw->nr_channels)
		return;
	if (dw->chan[idx].enabled) {
		axi_raise(dw, idx, IRQ_WRONCHEN_ERR);
		return;
	}
	hw_reg_store(md, reg, idx, val, mask);
}

static void axi_write_swhs(struct hw_model *md, unsigned int reg,
			   unsigned int idx, u64 val, u64 mask)
{
	struct axi_model *dw = to_axi(md);
	u64 v = hw_reg_get(md, reg, idx);
	static const u64 pairs[][2] = {
		{ SWHS_REQ, SWHS_REQ_WE }, { SWHS_SGLREQ, SWHS_SGLREQ_WE },
		{ SWHS_LST, SWHS_LST_WE },
	};
	unsigned int i;

	if (idx >= dw->nr_channels)
		return;
	for (i = 0; i < ARRAY_SIZE(pairs); i++)
		if (val & mask & pairs[i][1])
			v = (v & ~pairs[i][0]) | (val & pairs[i][0]);
	hw_reg_set(md, reg, idx, v);
	axi_chan_kick(&dw->chan[idx]);
}

static void axi_write_resumereq(struct hw_model *md, unsigned int reg,
				unsigned int idx, u64 val, u64 mask)
{
	struct axi_model *dw = to_axi(md);
	struct axi_model_chan *c;

	if (idx >= dw->nr_channels || !(val & mask & 1))
		return;
	c = &dw->chan[idx];
	if (c->enabled && c->halted) {
		c->halted = false;
		axi_chan_kick(c);
	}
}

static void axi_write_irq_reg(struct hw_model *md, unsigned int reg,
			      unsigned int idx, u64 val, u64 mask)
{
	hw_reg_store(md, reg, idx, val, mask);
	axi_update_irq(to_axi(md));
}

static void axi_write_intclear(struct hw_model *md, unsigned int reg,
			       unsigned int idx, u64 val, u64 mask)
{
	struct axi_model *dw = to_axi(md);
	struct axi_model_chan *c;
	u64 st = hw_reg_get(md, R_CH_INTSTATUS, idx) & ~(val & mask);

	if (idx >= dw->nr_channels)
		return;
	c = &dw->chan[idx];
	c->irq_hidden &= st;
	if (c->dup_pending && (val & mask & IRQ_DMA_TRF)) {
		/* the duplicate: DMA_TRF again, a second pulse of the line */
		c->dup_pending = false;
		st |= IRQ_DMA_TRF & hw_reg_get(md, R_CH_INTSTATUS_ENA, idx);
	}
	hw_reg_set(md, R_CH_INTSTATUS, idx, st);
	axi_update_irq(dw);
}

static u64 axi_read_zero(struct hw_model *md, unsigned int reg,
			 unsigned int idx, u64 mask)
{
	return 0;
}

#define COMMON(_r, _name, _off, _reset, _rw, ...) \
	[_r] = { .name = _name, .offset = _off, .size = 8, .reset = _reset, \
		 .rw = _rw, ##__VA_ARGS__ }
#define CHAN(_r, _name, _off, _reset, _rw, ...) \
	[_r] = { .name = _name, .offset = AXI_COMMON_LEN + (_off), \
		 .count = AXI_MAX_CHANNELS, .stride = AXI_CHAN_LEN, .size = 8, \
		 .reset = _reset, .rw = _rw, ##__VA_ARGS__ }

static const struct hw_reg axi_regs[] = {
	COMMON(R_ID, "DMAC_ID", AXI_DMAC_ID, 0, 0, .write = axi_write_ro),
	COMMON(R_COMPVER, "DMAC_COMPVER", AXI_DMAC_COMPVER, AXI_COMPVER_101A, 0,
	       .write = axi_write_ro),
	COMMON(R_CFG, "DMAC_CFG", AXI_DMAC_CFG, 0, AXI_CFG_DMAC_EN | AXI_CFG_INT_EN,
	       .write = axi_write_cfg),
	COMMON(R_CHEN, "DMAC_CHEN", AXI_DMAC_CHEN, 0, 0,
	       .read = axi_read_chen, .write = axi_write_chen),
	COMMON(R_INTSTATUS, "DMAC_INTSTATUS", AXI_DMAC_INTSTATUS, 0, 0,
	       .read = axi_read_intstatus, .write = axi_write_ro),
	COMMON(R_COMMON_INTCLEAR, "DMAC_COMMON_INTCLEAR", AXI_DMAC_COMMON_INTCLEAR,
	       0, 0, .read = axi_read_zero, .write = axi_write_common_intclear),
	COMMON(R_COMMON_INTSTATUS_ENA, "DMAC_COMMON_INTSTATUS_ENA",
	       AXI_DMAC_COMMON_INTSTATUS_ENA, 0xffffffffULL, 0xffffffffULL,
	       .write = axi_write_irq_reg),
	COMMON(R_COMMON_INTSIGNAL_ENA, "DMAC_COMMON_INTSIGNAL_ENA",
	       AXI_DMAC_COMMON_INTSIGNAL_ENA, 0, 0xffffffffULL,
	       .write = axi_write_irq_reg),
	COMMON(R_COMMON_INTSTATUS, "DMAC_COMMON_INTSTATUS",
	       AXI_DMAC_COMMON_INTSTATUS, 0, 0, .write = axi_write_ro),
	COMMON(R_RESET, "DMAC_RESET", AXI_DMAC_RESET, 0, 0,
	       .read = axi_read_zero, .write = axi_write_reset),

	CHAN(R_CH_SAR, "CH_SAR", AXI_CH_SAR, 0, ~0ULL, .write = axi_write_chan_cfg),
	CHAN(R_CH_DAR, "CH_DAR", AXI_CH_DAR, 0, ~0ULL, .write = axi_write_chan_cfg),
	CHAN(R_CH_BLOCK_TS, "CH_BLOCK_TS", AXI_CH_BLOCK_TS, 0, GENMASK_ULL(21, 0),
	     .write = axi_write_chan_cfg),
	CHAN(R_CH_CTL, "CH_CTL", AXI_CH_CTL, 0, ~0ULL, .write = axi_write_chan_cfg),
	CHAN(R_CH_CFG, "CH_CFG", AXI_CH_CFG, 0, ~0ULL, .write = axi_write_chan_cfg),
	CHAN(R_CH_LLP, "CH_LLP", AXI_CH_LLP, 0, ~0ULL, .write = axi_write_chan_cfg),
	CHAN(R_CH_STATUS, "CH_STATUS", AXI_CH_STATUS, 0, 0, .write = axi_write_ro),
	CHAN(R_CH_SWHSSRC, "CH_SWHSSRC", AXI_CH_SWHSSRC, 0, 0,
	     .write = axi_write_swhs),
	CHAN(R_CH_SWHSDST, "CH_SWHSDST", AXI_CH_SWHSDST, 0, 0,
	     .write = axi_write_swhs),
	CHAN(R_CH_RESUMEREQ, "CH_BLK_TFR_RESUMEREQ", AXI_CH_BLK_TFR_RESUMEREQ, 0, 0,
	     .read = axi_read_zero, .write = axi_write_resumereq),
	CHAN(R_CH_AXI_ID, "CH_AXI_ID", AXI_CH_AXI_ID, 0, ~0ULL),
	CHAN(R_CH_AXI_QOS, "CH_AXI_QOS", AXI_CH_AXI_QOS, 0, 0xff),
	CHAN(R_CH_SSTAT, "CH_SSTAT", AXI_CH_SSTAT, 0, 0, .write = axi_write_ro),
	CHAN(R_CH_DSTAT, "CH_DSTAT", AXI_CH_DSTAT, 0, 0, .write = axi_write_ro),
	CHAN(R_CH_SSTATAR, "CH_SSTATAR", AXI_CH_SSTATAR, 0, ~0ULL),
	CHAN(R_CH_DSTATAR, "CH_DSTATAR", AXI_CH_DSTATAR, 0, ~0ULL),
	CHAN(R_CH_INTSTATUS_ENA, "CH_INTSTATUS_ENA", AXI_CH_INTSTATUS_ENA,
	     0xffffffffULL, 0xffffffffULL, .write = axi_write_irq_reg),
	CHAN(R_CH_INTSTATUS, "CH_INTSTATUS", AXI_CH_INTSTATUS, 0, 0,
	     .write = axi_write_ro),
	CHAN(R_CH_INTSIGNAL_ENA, "CH_INTSIGNAL_ENA", AXI_CH_INTSIGNAL_ENA, 0,
	     0xffffffffULL, .write = axi_write_irq_reg),
	CHAN(R_CH_INTCLEAR, "CH_INTCLEAR", AXI_CH_INTCLEAR, 0, 0,
	     .read = axi_read_zero, .write = axi_write_intclear),
};

/* ------------------------------------------------------------ the type */

static void axi_reset_channels(struct axi_model *dw)
{
	unsigned int i;

	for (i = 0; i < AXI_MAX_CHANNELS; i++) {
		struct axi_model_chan *c = &dw->chan[i];

		hw_event_cancel(&c->ev);
		c->enabled = c->suspended = c->halted = c->loaded = false;
		c->stall = c->stalled = c->read_fault = c->write_fault = false;
		c->dup_pending = false;
		c->irq_hidden = 0;
	}
}

static void axi_drq_changed(struct hw_model *md, unsigned int line)
{
	struct axi_model *dw = to_axi(md);
	unsigned int i;

	for (i = 0; i < dw->nr_channels; i++) {
		u64 cfg = hw_reg_get(md, R_CH_CFG, i);
		unsigned int fc = CFG_TT_FC(cfg);
		struct axi_model_chan *c = &dw->chan[i];

		if (!c->enabled || hw_event_pending(&c->ev))
			continue;
		if ((tt_src_per(fc) && CFG_SRC_PER(cfg) == line) ||
		    (tt_dst_per(fc) && CFG_DST_PER(cfg) == line))
			axi_chan_kick(c);
	}
}

static int axi_init(struct hw_model *md, const struct hw_param *p)
{
	struct axi_model *dw = to_axi(md);
	unsigned int i;

	dw->md = md;
	dw->nr_channels = hw_param_u64(p, "dma-channels", 8);
	dw->data_width = hw_param_u64(p, "snps,data-width", 3);
	dw->clock_hz = hw_param_u64(p, "clock-frequency", 100000000);
	dw->id = hw_param_u64(p, "id", 0);
	for (i = 0; i < HW_FAULT_NR; i++)
		dw->fault_every[i] = hw_param_u64(p, fault_params[i], 0);
	if (!dw->nr_channels || dw->nr_channels > AXI_MAX_CHANNELS ||
	    dw->data_width > 6 || !dw->clock_hz) {
		pr_err("hw: %s: unsupported configuration (%u channels, data width %u)\n",
		       hw_model_name(md), dw->nr_channels, dw->data_width);
		return -EINVAL;
	}
	if (hw_model_irq(md) <= 0)
		pr_warn("hw: %s: no interrupt line\n", hw_model_name(md));
	for (i = 0; i < AXI_MAX_CHANNELS; i++) {
		dw->chan[i].id = i;
		hw_event_init(&dw->chan[i].ev, md, axi_chan_step);
	}
	return 0;
}

static void axi_reset(struct hw_model *md)
{
	struct axi_model *dw = to_axi(md);

	hw_reg_set(md, R_ID, 0, dw->id);
	axi_reset_channels(dw);
}

static const struct hw_model_type dw_axi_dmac_type = {
	.compatible = "snps,axi-dma-1.01a",
	.priv_size = sizeof(struct axi_model),
	.regs = axi_regs,
	.nr_regs = ARRAY_SIZE(axi_regs),
	.nr_drq = AXI_NR_HS_IF,
	.init = axi_init,
	.reset = axi_reset,
	.drq_changed = axi_drq_changed,
	.fault = axi_fault,
	.faults_injected = axi_faults_injected,
};

struct hw_model *hw_dw_axi_dmac_create(struct hw_machine *m, phys_addr_t base,
				       size_t size, int irq,
				       const struct hw_param *params)
{
	return hw_model_create_type(m, &dw_axi_dmac_type, base, size, irq,
				    params);
}
