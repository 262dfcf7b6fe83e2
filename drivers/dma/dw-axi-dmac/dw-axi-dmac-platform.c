// SPDX-License-Identifier: GPL-2.0
/*
 * Synopsys DesignWare AXI DMA Controller driver.
 *
 * A dmaengine provider for DW_axi_dmac ("snps,axi-dma-1.01a"), written
 * after the kernel's driver of the same name and programming the
 * controller the same way: LLI chains from a dma_pool, one channel per
 * virt-dma channel, channel enable/suspend with write-enable bits, the
 * per-channel interrupt status read and cleared in the handler.
 *
 * Where the kernel's driver falls short, this one does not (see
 * docs/differences.md): the burst length follows maxburst, the residue
 * comes from the hardware's LLP and block status at burst granularity,
 * an error interrupt completes the descriptor with the failure in its
 * dmaengine_result, and the interrupt handler starts the next issued
 * descriptor as soon as one completes.
 */
#include <linux/bitops.h>
#include <linux/delay.h>
#include <linux/device.h>
#include <linux/dmaengine.h>
#include <linux/dmapool.h>
#include <linux/dma-mapping.h>
#include <linux/err.h>
#include <linux/interrupt.h>
#include <linux/io.h>
#include <linux/iopoll.h>
#include <linux/of_dma.h>
#include <linux/platform_device.h>
#include <linux/platform_data/dma-dw-axi.h>
#include <linux/property.h>
#include <linux/slab.h>
#if __has_include(<linux/of.h>)
#include <linux/of.h>
#define DW_AXI_HAVE_OF	1
#endif

#include "dw-axi-dmac.h"
#include "../dmaengine.h"
#include "../virt-dma.h"

/*
 * The set of bus widths supported by the DMA controller (as the kernel's
 * driver declares them: the enum values OR-ed, not BIT(width)).
 */
#define AXI_DMA_BUSWIDTHS		  \
	(DMA_SLAVE_BUSWIDTH_1_BYTE	| \
	DMA_SLAVE_BUSWIDTH_2_BYTES	| \
	DMA_SLAVE_BUSWIDTH_4_BYTES	| \
	DMA_SLAVE_BUSWIDTH_8_BYTES	| \
	DMA_SLAVE_BUSWIDTH_16_BYTES	| \
	DMA_SLAVE_BUSWIDTH_32_BYTES	| \
	DMA_SLAVE_BUSWIDTH_64_BYTES)

#define MAX_BLOCK_SIZE			0x1000

static inline void
axi_dma_iowrite32(struct axi_dma_chip *chip, u32 reg, u32 val)
{
	iowrite32(val, chip->regs + reg);
}

static inline u32 axi_dma_ioread32(struct axi_dma_chip *chip, u32 reg)
{
	return ioread32(chip->regs + reg);
}

static inline void
axi_chan_iowrite32(struct axi_dma_chan *chan, u32 reg, u32 val)
{
	iowrite32(val, chan->chan_regs + reg);
}

static inline u32 axi_chan_ioread32(struct axi_dma_chan *chan, u32 reg)
{
	return ioread32(chan->chan_regs + reg);
}

static inline void
axi_chan_iowrite64(struct axi_dma_chan *chan, u32 reg, u64 val)
{
	/* Two 32-bit writes: not every interconnect does 64-bit accesses. */
	iowrite32(lower_32_bits(val), chan->chan_regs + reg);
	iowrite32(upper_32_bits(val), chan->chan_regs + reg + 4);
}

static inline u64 axi_chan_ioread64(struct axi_dma_chan *chan, u32 reg)
{
	u32 lo = ioread32(chan->chan_regs + reg);

	return lo | (u64)ioread32(chan->chan_regs + reg + 4) << 32;
}

/* Set and clear bits of DMAC_CFG, atomically against every other user. */
static void axi_dma_cfg_update(struct axi_dma_chip *chip, u32 clear, u32 set)
{
	unsigned long flags;
	u32 val;

	spin_lock_irqsave(&chip->cfg_lock, flags);
	val = axi_dma_ioread32(chip, DMAC_CFG);
	axi_dma_iowrite32(chip, DMAC_CFG, (val & ~clear) | set);
	spin_unlock_irqrestore(&chip->cfg_lock, flags);
}

static inline void axi_dma_disable(struct axi_dma_chip *chip)
{
	axi_dma_cfg_update(chip, DMAC_EN_MASK, 0);
}

static inline void axi_dma_enable(struct axi_dma_chip *chip)
{
	axi_dma_cfg_update(chip, 0, DMAC_EN_MASK);
}

static inline void axi_dma_irq_disable(struct axi_dma_chip *chip)
{
	axi_dma_cfg_update(chip, INT_EN_MASK, 0);
}

static inline void axi_dma_irq_enable(struct axi_dma_chip *chip)
{
	axi_dma_cfg_update(chip, 0, INT_EN_MASK);
}

static inline void axi_chan_irq_disable(struct axi_dma_chan *chan, u32 irq_mask)
{
	u32 val;

	if (likely(irq_mask == (u32)DWAXIDMAC_IRQ_ALL)) {
		axi_chan_iowrite32(chan, CH_INTSTATUS_ENA, DWAXIDMAC_IRQ_NONE);
	} else {
		val = axi_chan_ioread32(chan, CH_INTSTATUS_ENA);
		axi_chan_iowrite32(chan, CH_INTSTATUS_ENA, val & ~irq_mask);
	}
}

static inline void axi_chan_irq_set(struct axi_dma_chan *chan, u32 irq_mask)
{
	axi_chan_iowrite32(chan, CH_INTSTATUS_ENA, irq_mask);
}

static inline void axi_chan_irq_sig_set(struct axi_dma_chan *chan, u32 irq_mask)
{
	axi_chan_iowrite32(chan, CH_INTSIGNAL_ENA, irq_mask);
}

static inline void axi_chan_irq_clear(struct axi_dma_chan *chan, u32 irq_mask)
{
	axi_chan_iowrite32(chan, CH_INTCLEAR, irq_mask);
}

static inline u32 axi_chan_irq_read(struct axi_dma_chan *chan)
{
	return axi_chan_ioread32(chan, CH_INTSTATUS);
}

static inline void axi_chan_disable(struct axi_dma_chan *chan)
{
	u32 val = axi_dma_ioread32(chan->chip, DMAC_CHEN);

	val &= ~(BIT(chan->id) << DMAC_CHAN_EN_SHIFT);
	val |= BIT(chan->id) << DMAC_CHAN_EN_WE_SHIFT;
	axi_dma_iowrite32(chan->chip, DMAC_CHEN, val);
}

static inline void axi_chan_enable(struct axi_dma_chan *chan)
{
	u32 val = axi_dma_ioread32(chan->chip, DMAC_CHEN);

	val |= BIT(chan->id) << DMAC_CHAN_EN_SHIFT |
	       BIT(chan->id) << DMAC_CHAN_EN_WE_SHIFT;
	axi_dma_iowrite32(chan->chip, DMAC_CHEN, val);
}

static inline bool axi_chan_is_hw_enable(struct axi_dma_chan *chan)
{
	u32 val = axi_dma_ioread32(chan->chip, DMAC_CHEN);

	return !!(val & (BIT(chan->id) << DMAC_CHAN_EN_SHIFT));
}

static void axi_chan_set_suspend(struct axi_dma_chan *chan, bool suspend)
{
	u32 val = axi_dma_ioread32(chan->chip, DMAC_CHEN);

	if (suspend)
		val |= BIT(chan->id) << DMAC_CHAN_SUSP_SHIFT;
	else
		val &= ~(BIT(chan->id) << DMAC_CHAN_SUSP_SHIFT);
	val |= BIT(chan->id) << DMAC_CHAN_SUSP_WE_SHIFT;
	axi_dma_iowrite32(chan->chip, DMAC_CHEN, val);
}

/* Disable the channel and wait until the hardware says it stopped. */
static void axi_chan_stop(struct axi_dma_chan *chan)
{
	u32 val;

	axi_chan_disable(chan);
	if (readl_poll_timeout_atomic(chan->chip->regs + DMAC_CHEN, val,
				      !(val & (BIT(chan->id) << DMAC_CHAN_EN_SHIFT)),
				      10, 50000))
		dev_warn(chan2dev(chan), "%s failed to stop\n",
			 dma_chan_name(&chan->vc.chan));
}

static void axi_dma_hw_init(struct axi_dma_chip *chip)
{
	u32 i;

	for (i = 0; i < chip->dw->hdata->nr_channels; i++) {
		axi_chan_irq_disable(&chip->dw->chan[i], DWAXIDMAC_IRQ_ALL);
		axi_chan_disable(&chip->dw->chan[i]);
	}
}

static u32 axi_chan_get_xfer_width(struct axi_dma_chan *chan, dma_addr_t src,
				   dma_addr_t dst, size_t len)
{
	u32 max_width = chan->chip->dw->hdata->m_data_width;

	return __ffs(src | dst | len | BIT(max_width));
}

static inline const char *axi_chan_name(struct axi_dma_chan *chan)
{
	return dma_chan_name(&chan->vc.chan);
}

/* dma_slave_config maxburst (items) to the CTL MSIZE encoding. */
static u32 axi_msize(u32 maxburst)
{
	if (maxburst < 4)
		return DWAXIDMAC_BURST_TRANS_LEN_1;
	maxburst = min_t(u32, maxburst, 1024);
	return fls(maxburst) - 2;
}

/* ------------------------------------------------------- descriptors */

static struct axi_dma_desc *axi_desc_alloc(struct axi_dma_chan *chan, u32 num)
{
	struct axi_dma_desc *desc;

	desc = kzalloc(sizeof(*desc), GFP_NOWAIT);
	if (!desc)
		return NULL;
	desc->hw_desc = kcalloc(num, sizeof(*desc->hw_desc), GFP_NOWAIT);
	if (!desc->hw_desc) {
		kfree(desc);
		return NULL;
	}
	desc->chan = chan;
	return desc;
}

static struct axi_dma_lli *axi_desc_get(struct axi_dma_chan *chan,
					dma_addr_t *addr)
{
	struct axi_dma_lli *lli;
	dma_addr_t phys;

	lli = dma_pool_zalloc(chan->desc_pool, GFP_NOWAIT, &phys);
	if (unlikely(!lli)) {
		dev_err(chan2dev(chan), "%s: not enough descriptors available\n",
			axi_chan_name(chan));
		return NULL;
	}
	atomic_inc(&chan->descs_allocated);
	*addr = phys;
	return lli;
}

static void axi_desc_put(struct axi_dma_desc *desc)
{
	struct axi_dma_chan *chan = desc->chan;
	u32 i;

	for (i = 0; i < desc->nr_hw_descs; i++) {
		struct axi_dma_hw_desc *hw_desc = &desc->hw_desc[i];

		if (hw_desc->lli) {
			dma_pool_free(chan->desc_pool, hw_desc->lli, hw_desc->llp);
			atomic_dec(&chan->descs_allocated);
		}
	}
	kfree(desc->hw_desc);
	kfree(desc);
}

static void vchan_desc_put(struct virt_dma_desc *vdesc)
{
	axi_desc_put(vd_to_axi_desc(vdesc));
}

/* Chain the LLIs: each points at the next, the last at @last_llp. */
static void axi_desc_link(struct axi_dma_desc *desc, dma_addr_t last_llp)
{
	u32 i;

	for (i = 0; i < desc->nr_hw_descs; i++) {
		dma_addr_t next = i + 1 < desc->nr_hw_descs ?
				  desc->hw_desc[i + 1].llp : last_llp;

		desc->hw_desc[i].lli->llp = cpu_to_le64(next);
	}
}

static void set_desc_last(struct axi_dma_hw_desc *desc)
{
	u32 val = le32_to_cpu(desc->lli->ctl_hi);

	desc->lli->ctl_hi = cpu_to_le32(val | CH_CTL_H_LLI_LAST);
}

static u32 axi_ctl_hi(struct axi_dma_chan *chan)
{
	struct dw_axi_dma_hcfg *hdata = chan->chip->dw->hdata;
	u32 reg = CH_CTL_H_LLI_VALID;

	if (hdata->restrict_axi_burst_len) {
		u32 burst_len = hdata->axi_rw_burst_len;

		reg |= CH_CTL_H_ARLEN_EN | burst_len << CH_CTL_H_ARLEN_POS |
		       CH_CTL_H_AWLEN_EN | burst_len << CH_CTL_H_AWLEN_POS;
	}
	return reg;
}

/* ------------------------------------------------------ starting */

/* Called with vc.lock held. */
static void axi_chan_block_xfer_start(struct axi_dma_chan *chan,
				      struct axi_dma_desc *first)
{
	u32 priority = chan->chip->dw->hdata->priority[chan->id];
	u32 reg_lo, reg_hi, irq_mask;
	u8 lms = 0; /* Select AXI0 master for LLI fetching */

	if (unlikely(axi_chan_is_hw_enable(chan))) {
		dev_err(chan2dev(chan), "%s is non-idle!\n", axi_chan_name(chan));
		return;
	}

	axi_dma_enable(chan->chip);

	reg_lo = (DWAXIDMAC_MBLK_TYPE_LL << CH_CFG_L_DST_MULTBLK_TYPE_POS |
		  DWAXIDMAC_MBLK_TYPE_LL << CH_CFG_L_SRC_MULTBLK_TYPE_POS);
	reg_hi = (DWAXIDMAC_TT_FC_MEM_TO_MEM_DMAC << CH_CFG_H_TT_FC_POS |
		  priority << CH_CFG_H_PRIORITY_POS |
		  DWAXIDMAC_HS_SEL_HW << CH_CFG_H_HS_SEL_DST_POS |
		  DWAXIDMAC_HS_SEL_HW << CH_CFG_H_HS_SEL_SRC_POS);
	switch (chan->direction) {
	case DMA_MEM_TO_DEV:
		reg_hi |= (chan->config.device_fc ?
			   DWAXIDMAC_TT_FC_MEM_TO_PER_DST :
			   DWAXIDMAC_TT_FC_MEM_TO_PER_DMAC) << CH_CFG_H_TT_FC_POS;
		reg_hi |= (u32)chan->hw_handshake_num << CH_CFG_H_DST_PER_POS;
		break;
	case DMA_DEV_TO_MEM:
		reg_hi |= (chan->config.device_fc ?
			   DWAXIDMAC_TT_FC_PER_TO_MEM_SRC :
			   DWAXIDMAC_TT_FC_PER_TO_MEM_DMAC) << CH_CFG_H_TT_FC_POS;
		reg_hi |= (u32)chan->hw_handshake_num << CH_CFG_H_SRC_PER_POS;
		break;
	default:
		break;
	}
	axi_chan_iowrite32(chan, CH_CFG_L, reg_lo);
	axi_chan_iowrite32(chan, CH_CFG_H, reg_hi);

	axi_chan_iowrite64(chan, CH_LLP, first->hw_desc[0].llp | lms);

	irq_mask = DWAXIDMAC_IRQ_DMA_TRF | DWAXIDMAC_IRQ_ALL_ERR;
	axi_chan_irq_sig_set(chan, irq_mask);

	/* Generate 'suspend' status but don't generate interrupt */
	irq_mask |= DWAXIDMAC_IRQ_SUSPENDED;
	axi_chan_irq_set(chan, irq_mask);

	axi_chan_enable(chan);
}

/* Called with vc.lock held: put the first issued descriptor on the hw. */
static void axi_chan_start_first_queued(struct axi_dma_chan *chan)
{
	struct axi_dma_desc *desc;
	struct virt_dma_desc *vd;

	vd = vchan_next_desc(&chan->vc);
	if (!vd)
		return;

	desc = vd_to_axi_desc(vd);
	dev_vdbg(chan2dev(chan), "%s: started %u\n", axi_chan_name(chan),
		 vd->tx.cookie);
	desc->cur = 0;
	chan->active = desc;
	chan->direction = desc->direction;
	axi_chan_block_xfer_start(chan, desc);
}

static void dma_chan_issue_pending(struct dma_chan *dchan)
{
	struct axi_dma_chan *chan = dchan_to_axi_dma_chan(dchan);
	unsigned long flags;

	spin_lock_irqsave(&chan->vc.lock, flags);
	if (vchan_issue_pending(&chan->vc) && !chan->active)
		axi_chan_start_first_queued(chan);
	spin_unlock_irqrestore(&chan->vc.lock, flags);
}

/* -------------------------------------------------------- residue */

/*
 * Bytes of @desc still to move, from the hardware: CH_LLP holds the
 * pointer of the LLI being worked on (the address of the one after it),
 * CH_STATUS the items of source width done in that block.
 * Called with vc.lock held, @desc on the hardware.
 */
static u32 axi_chan_residue(struct axi_dma_chan *chan, struct axi_dma_desc *desc)
{
	u32 i, cur, done = 0, status, ctl_lo, block_done;
	u64 llp, llp2;
	int tries = 8;
	bool fetched;

	do {
		llp = axi_chan_ioread64(chan, CH_LLP);
		status = axi_chan_ioread32(chan, CH_STATUS);
		ctl_lo = axi_chan_ioread32(chan, CH_CTL_L);
		llp2 = axi_chan_ioread64(chan, CH_LLP);
	} while (llp != llp2 && --tries);

	if (desc->cyclic) {
		cur = desc->cur;
		fetched = llp == le64_to_cpu(desc->hw_desc[cur].lli->llp);
	} else {
		fetched = false;
		for (cur = 0; cur < desc->nr_hw_descs; cur++) {
			if (llp == le64_to_cpu(desc->hw_desc[cur].lli->llp)) {
				fetched = true;
				break;
			}
		}
		if (!fetched)
			return desc->length;	/* the first LLI not fetched yet */
	}
	for (i = 0; i < cur; i++)
		done += desc->hw_desc[i].len;
	if (fetched) {
		block_done = (status & CH_STATUS_CMPLTD_BLK_TFR_SIZE) <<
			     ((ctl_lo & CH_CTL_L_SRC_WIDTH_MASK) >>
			      CH_CTL_L_SRC_WIDTH_POS);
		done += min(block_done, desc->hw_desc[cur].len);
	}
	return desc->length - done;
}

static struct virt_dma_desc *axi_find_desc(struct virt_dma_chan *vc,
					   dma_cookie_t cookie)
{
	struct virt_dma_desc *vd = vchan_find_desc(vc, cookie);

	if (vd)
		return vd;
	list_for_each_entry(vd, &vc->desc_submitted, node)
		if (vd->tx.cookie == cookie)
			return vd;
	return NULL;
}

static enum dma_status
dma_chan_tx_status(struct dma_chan *dchan, dma_cookie_t cookie,
		   struct dma_tx_state *txstate)
{
	struct axi_dma_chan *chan = dchan_to_axi_dma_chan(dchan);
	struct virt_dma_desc *vdesc;
	enum dma_status status;
	unsigned long flags;
	u32 bytes = 0;

	status = dma_cookie_status(dchan, cookie, txstate);
	if (status == DMA_COMPLETE)
		return status;

	spin_lock_irqsave(&chan->vc.lock, flags);
	vdesc = axi_find_desc(&chan->vc, cookie);
	if (vdesc) {
		struct axi_dma_desc *desc = vd_to_axi_desc(vdesc);

		if (desc == chan->active) {
			bytes = axi_chan_residue(chan, desc);
			if (chan->is_paused)
				status = DMA_PAUSED;
		} else {
			bytes = desc->length;
		}
	}
	spin_unlock_irqrestore(&chan->vc.lock, flags);
	dma_set_residue(txstate, bytes);

	return status;
}

/* ------------------------------------------------------- channels */

static void dw_axi_dma_synchronize(struct dma_chan *dchan)
{
	struct axi_dma_chan *chan = dchan_to_axi_dma_chan(dchan);

	synchronize_irq(chan->chip->irq);
	vchan_synchronize(&chan->vc);
}

static int dma_chan_alloc_chan_resources(struct dma_chan *dchan)
{
	struct axi_dma_chan *chan = dchan_to_axi_dma_chan(dchan);

	/* ASSERT: channel is idle */
	if (axi_chan_is_hw_enable(chan)) {
		dev_err(chan2dev(chan), "%s is non-idle!\n", axi_chan_name(chan));
		return -EBUSY;
	}

	/* LLI address must be aligned to a 64-byte boundary */
	chan->desc_pool = dma_pool_create(dev_name(chan2dev(chan)),
					  chan->chip->dev,
					  sizeof(struct axi_dma_lli), 64, 0);
	if (!chan->desc_pool) {
		dev_err(chan2dev(chan), "No memory for descriptors\n");
		return -ENOMEM;
	}
	dev_vdbg(dchan2dev(dchan), "%s: allocating\n", axi_chan_name(chan));
	return 0;
}

static void dma_chan_free_chan_resources(struct dma_chan *dchan)
{
	struct axi_dma_chan *chan = dchan_to_axi_dma_chan(dchan);
	unsigned long flags;

	/* ASSERT: channel is idle */
	if (axi_chan_is_hw_enable(chan))
		dev_err(dchan2dev(dchan), "%s is non-idle!\n", axi_chan_name(chan));

	spin_lock_irqsave(&chan->vc.lock, flags);
	axi_chan_disable(chan);
	axi_chan_irq_disable(chan, DWAXIDMAC_IRQ_ALL);
	axi_chan_irq_clear(chan, DWAXIDMAC_IRQ_ALL);
	chan->active = NULL;
	if (chan->is_paused) {
		axi_chan_set_suspend(chan, false);
		chan->is_paused = false;
	}
	spin_unlock_irqrestore(&chan->vc.lock, flags);

	synchronize_irq(chan->chip->irq);
	vchan_free_chan_resources(&chan->vc);

	dma_pool_destroy(chan->desc_pool);
	chan->desc_pool = NULL;
	dev_vdbg(dchan2dev(dchan),
		 "%s: free resources, descriptor still allocated: %u\n",
		 axi_chan_name(chan), atomic_read(&chan->descs_allocated));
}

/* ------------------------------------------------------ prep */

/*
 * One LLI of a slave transfer: @mem_addr is the memory side, the device
 * side comes from the slave config.
 */
static int dw_axi_dma_set_hw_desc(struct axi_dma_chan *chan,
				  struct axi_dma_hw_desc *hw_desc,
				  dma_addr_t mem_addr, size_t len,
				  enum dma_transfer_direction direction)
{
	unsigned int data_width = BIT(chan->chip->dw->hdata->m_data_width);
	unsigned int reg_width, mem_width;
	dma_addr_t device_addr;
	size_t axi_block_ts, block_ts;
	u32 ctllo, burst;

	axi_block_ts = chan->chip->dw->hdata->block_size[chan->id];

	mem_width = __ffs(data_width | mem_addr | len);
	if (mem_width > DWAXIDMAC_TRANS_WIDTH_32)
		mem_width = DWAXIDMAC_TRANS_WIDTH_32;

	if (!IS_ALIGNED(mem_addr, 4)) {
		dev_err(chan->chip->dev, "invalid buffer alignment\n");
		return -EINVAL;
	}

	switch (direction) {
	case DMA_MEM_TO_DEV:
		reg_width = __ffs(chan->config.dst_addr_width);
		device_addr = chan->config.dst_addr;
		burst = axi_msize(chan->config.dst_maxburst);
		ctllo = reg_width << CH_CTL_L_DST_WIDTH_POS |
			mem_width << CH_CTL_L_SRC_WIDTH_POS |
			DWAXIDMAC_CH_CTL_L_NOINC << CH_CTL_L_DST_INC_POS |
			DWAXIDMAC_CH_CTL_L_INC << CH_CTL_L_SRC_INC_POS;
		block_ts = len >> mem_width;
		break;
	case DMA_DEV_TO_MEM:
		reg_width = __ffs(chan->config.src_addr_width);
		device_addr = chan->config.src_addr;
		burst = axi_msize(chan->config.src_maxburst);
		ctllo = reg_width << CH_CTL_L_SRC_WIDTH_POS |
			mem_width << CH_CTL_L_DST_WIDTH_POS |
			DWAXIDMAC_CH_CTL_L_INC << CH_CTL_L_DST_INC_POS |
			DWAXIDMAC_CH_CTL_L_NOINC << CH_CTL_L_SRC_INC_POS;
		if (len & (BIT(reg_width) - 1)) {
			dev_err(chan->chip->dev,
				"%s: length %zu is not a multiple of the %u-byte register width\n",
				axi_chan_name(chan), len, 1U << reg_width);
			return -EINVAL;
		}
		block_ts = len >> reg_width;
		break;
	default:
		return -EINVAL;
	}

	if (!block_ts || block_ts > axi_block_ts)
		return -EINVAL;

	hw_desc->lli = axi_desc_get(chan, &hw_desc->llp);
	if (unlikely(!hw_desc->lli))
		return -ENOMEM;

	hw_desc->lli->ctl_hi = cpu_to_le32(axi_ctl_hi(chan));
	if (direction == DMA_MEM_TO_DEV) {
		hw_desc->lli->sar = cpu_to_le64(mem_addr);
		hw_desc->lli->dar = cpu_to_le64(device_addr);
	} else {
		hw_desc->lli->sar = cpu_to_le64(device_addr);
		hw_desc->lli->dar = cpu_to_le64(mem_addr);
	}
	hw_desc->lli->block_ts_lo = cpu_to_le32(block_ts - 1);
	ctllo |= burst << CH_CTL_L_DST_MSIZE_POS |
		 burst << CH_CTL_L_SRC_MSIZE_POS;
	/* Both sides on AXI master 0. */
	hw_desc->lli->ctl_lo = cpu_to_le32(ctllo);
	hw_desc->len = len;
	return 0;
}

/* The largest block (bytes) one LLI moves in @direction at @dma_addr. */
static size_t calculate_block_len(struct axi_dma_chan *chan,
				  dma_addr_t dma_addr, size_t buf_len,
				  enum dma_transfer_direction direction)
{
	u32 data_width, reg_width, mem_width;
	size_t axi_block_ts;

	axi_block_ts = chan->chip->dw->hdata->block_size[chan->id];

	switch (direction) {
	case DMA_MEM_TO_DEV:
		data_width = BIT(chan->chip->dw->hdata->m_data_width);
		mem_width = __ffs(data_width | dma_addr | buf_len);
		if (mem_width > DWAXIDMAC_TRANS_WIDTH_32)
			mem_width = DWAXIDMAC_TRANS_WIDTH_32;
		return axi_block_ts << mem_width;
	case DMA_DEV_TO_MEM:
		reg_width = __ffs(chan->config.src_addr_width);
		return axi_block_ts << reg_width;
	default:
		return 0;
	}
}

static bool axi_slave_config_ok(struct axi_dma_chan *chan,
				enum dma_transfer_direction direction)
{
	enum dma_slave_buswidth w = direction == DMA_MEM_TO_DEV ?
				    chan->config.dst_addr_width :
				    chan->config.src_addr_width;

	if (!is_slave_direction(direction) || direction == DMA_DEV_TO_DEV) {
		dev_err(chan2dev(chan), "%s: unsupported direction %d\n",
			axi_chan_name(chan), direction);
		return false;
	}
	if (!w || !is_power_of_2(w) || w > DMA_SLAVE_BUSWIDTH_64_BYTES) {
		dev_err(chan2dev(chan), "%s: bad slave bus width %d\n",
			axi_chan_name(chan), w);
		return false;
	}
	return true;
}

/* Split [mem, mem+len) into pieces of at most @block_len. */
static u32 axi_count_segments(size_t len, size_t block_len)
{
	return DIV_ROUND_UP(len, block_len);
}

static int axi_fill_segments(struct axi_dma_chan *chan,
			     struct axi_dma_desc *desc, dma_addr_t mem,
			     size_t len, size_t block_len)
{
	while (len) {
		size_t seg = min(len, block_len);
		struct axi_dma_hw_desc *hw_desc = &desc->hw_desc[desc->nr_hw_descs];
		int ret;

		ret = dw_axi_dma_set_hw_desc(chan, hw_desc, mem, seg,
					     desc->direction);
		if (ret)
			return ret;
		desc->nr_hw_descs++;
		desc->length += seg;
		mem += seg;
		len -= seg;
	}
	return 0;
}

static struct dma_async_tx_descriptor *
dw_axi_dma_chan_prep_cyclic(struct dma_chan *dchan, dma_addr_t dma_addr,
			    size_t buf_len, size_t period_len,
			    enum dma_transfer_direction direction,
			    unsigned long flags)
{
	struct axi_dma_chan *chan = dchan_to_axi_dma_chan(dchan);
	struct axi_dma_desc *desc = NULL;
	u32 num_periods, num_segments, i;
	size_t axi_block_len;

	if (!period_len || !axi_slave_config_ok(chan, direction))
		return NULL;
	num_periods = buf_len / period_len;
	if (!num_periods)
		return NULL;
	axi_block_len = calculate_block_len(chan, dma_addr, buf_len, direction);
	if (!axi_block_len)
		return NULL;
	num_segments = axi_count_segments(period_len, axi_block_len);

	desc = axi_desc_alloc(chan, num_periods * num_segments);
	if (unlikely(!desc))
		return NULL;
	desc->direction = direction;
	desc->cyclic = true;
	desc->period_len = period_len;

	for (i = 0; i < num_periods; i++) {
		if (axi_fill_segments(chan, desc, dma_addr + i * period_len,
				      period_len, axi_block_len))
			goto err_desc_get;
		desc->hw_desc[desc->nr_hw_descs - 1].period_end = true;
	}
	/*
	 * Every block ends the transfer (LLI_LAST): the channel stops after
	 * each one, the interrupt reports it and the handler re-validates
	 * the LLI and re-enables the channel on the next one of the ring.
	 */
	for (i = 0; i < desc->nr_hw_descs; i++)
		set_desc_last(&desc->hw_desc[i]);
	axi_desc_link(desc, desc->hw_desc[0].llp);

	return vchan_tx_prep(&chan->vc, &desc->vd, flags);

err_desc_get:
	axi_desc_put(desc);
	return NULL;
}

static struct dma_async_tx_descriptor *
dw_axi_dma_chan_prep_slave_sg(struct dma_chan *dchan, struct scatterlist *sgl,
			      unsigned int sg_len,
			      enum dma_transfer_direction direction,
			      unsigned long flags, void *context)
{
	struct axi_dma_chan *chan = dchan_to_axi_dma_chan(dchan);
	struct axi_dma_desc *desc = NULL;
	struct scatterlist *sg;
	u32 num_sgs = 0;
	unsigned int i;

	if (unlikely(!sg_len) || !axi_slave_config_ok(chan, direction))
		return NULL;

	for_each_sg(sgl, sg, sg_len, i) {
		size_t bl = calculate_block_len(chan, sg_dma_address(sg),
						sg_dma_len(sg), direction);

		if (!bl)
			return NULL;
		num_sgs += axi_count_segments(sg_dma_len(sg), bl);
	}

	desc = axi_desc_alloc(chan, num_sgs);
	if (unlikely(!desc))
		return NULL;
	desc->direction = direction;

	for_each_sg(sgl, sg, sg_len, i) {
		size_t bl = calculate_block_len(chan, sg_dma_address(sg),
						sg_dma_len(sg), direction);

		if (axi_fill_segments(chan, desc, sg_dma_address(sg),
				      sg_dma_len(sg), bl))
			goto err_desc_get;
	}

	/* Set end-of-link to the last link descriptor of list */
	set_desc_last(&desc->hw_desc[desc->nr_hw_descs - 1]);
	axi_desc_link(desc, 0);

	return vchan_tx_prep(&chan->vc, &desc->vd, flags);

err_desc_get:
	axi_desc_put(desc);
	return NULL;
}

static struct dma_async_tx_descriptor *
dma_chan_prep_dma_memcpy(struct dma_chan *dchan, dma_addr_t dst_adr,
			 dma_addr_t src_adr, size_t len, unsigned long flags)
{
	struct axi_dma_chan *chan = dchan_to_axi_dma_chan(dchan);
	size_t block_ts, max_block_ts, xfer_len, left;
	struct dw_axi_dma_hcfg *hdata = chan->chip->dw->hdata;
	struct axi_dma_hw_desc *hw_desc;
	struct axi_dma_desc *desc;
	dma_addr_t s, d;
	u32 xfer_width, reg, num, burst;

	dev_dbg(chan2dev(chan), "%s: memcpy: src: %pad dst: %pad length: %zd flags: %#lx",
		axi_chan_name(chan), &src_adr, &dst_adr, len, flags);

	if (!len)
		return NULL;
	max_block_ts = hdata->block_size[chan->id];

	/* Count the blocks first: the width can shrink from block to block. */
	for (num = 0, left = len, s = src_adr, d = dst_adr; left; num++) {
		xfer_width = axi_chan_get_xfer_width(chan, s, d, left);
		xfer_len = min(left, max_block_ts << xfer_width);
		xfer_len &= ~(size_t)(BIT(xfer_width) - 1);
		left -= xfer_len;
		s += xfer_len;
		d += xfer_len;
	}

	desc = axi_desc_alloc(chan, num);
	if (unlikely(!desc))
		return NULL;
	desc->direction = DMA_MEM_TO_MEM;

	/* memcpy bursts follow the channel's maxburst when one was set. */
	burst = chan->config.src_maxburst ?
		axi_msize(chan->config.src_maxburst) :
		DWAXIDMAC_BURST_TRANS_LEN_4;

	while (len) {
		hw_desc = &desc->hw_desc[desc->nr_hw_descs];
		/*
		 * Take care for the alignment: source and destination use the
		 * same width, the widest all three of src, dst and len allow.
		 */
		xfer_width = axi_chan_get_xfer_width(chan, src_adr, dst_adr, len);
		block_ts = min(len >> xfer_width, max_block_ts);
		xfer_len = block_ts << xfer_width;

		hw_desc->lli = axi_desc_get(chan, &hw_desc->llp);
		if (unlikely(!hw_desc->lli))
			goto err_desc_get;
		desc->nr_hw_descs++;

		hw_desc->lli->sar = cpu_to_le64(src_adr);
		hw_desc->lli->dar = cpu_to_le64(dst_adr);
		/* BLOCK_TS register should be set to block_ts - 1 */
		hw_desc->lli->block_ts_lo = cpu_to_le32(block_ts - 1);
		hw_desc->lli->ctl_hi = cpu_to_le32(axi_ctl_hi(chan));

		reg = (burst << CH_CTL_L_DST_MSIZE_POS |
		       burst << CH_CTL_L_SRC_MSIZE_POS |
		       xfer_width << CH_CTL_L_DST_WIDTH_POS |
		       xfer_width << CH_CTL_L_SRC_WIDTH_POS |
		       DWAXIDMAC_CH_CTL_L_INC << CH_CTL_L_DST_INC_POS |
		       DWAXIDMAC_CH_CTL_L_INC << CH_CTL_L_SRC_INC_POS);
		/* Source on AXI0, destination on AXI1 if there is one. */
		if (hdata->nr_masters > 1)
			reg |= CH_CTL_L_DST_MAST;
		hw_desc->lli->ctl_lo = cpu_to_le32(reg);

		hw_desc->len = xfer_len;
		desc->length += xfer_len;
		len -= xfer_len;
		dst_adr += xfer_len;
		src_adr += xfer_len;
	}

	/* Set end-of-link to the last link descriptor of list */
	set_desc_last(&desc->hw_desc[desc->nr_hw_descs - 1]);
	axi_desc_link(desc, 0);

	return vchan_tx_prep(&chan->vc, &desc->vd, flags);

err_desc_get:
	axi_desc_put(desc);
	return NULL;
}

static int dw_axi_dma_chan_slave_config(struct dma_chan *dchan,
					struct dma_slave_config *config)
{
	struct axi_dma_chan *chan = dchan_to_axi_dma_chan(dchan);
	unsigned long flags;

	spin_lock_irqsave(&chan->vc.lock, flags);
	memcpy(&chan->config, config, sizeof(*config));
	spin_unlock_irqrestore(&chan->vc.lock, flags);

	return 0;
}

/* ------------------------------------------------------ interrupts */

static void axi_chan_dump_lli(struct axi_dma_chan *chan,
			      struct axi_dma_hw_desc *desc)
{
	dev_err(dchan2dev(&chan->vc.chan),
		"SAR: 0x%llx DAR: 0x%llx LLP: 0x%llx BTS 0x%x CTL: 0x%x:%08x\n",
		(unsigned long long)le64_to_cpu(desc->lli->sar),
		(unsigned long long)le64_to_cpu(desc->lli->dar),
		(unsigned long long)le64_to_cpu(desc->lli->llp),
		le32_to_cpu(desc->lli->block_ts_lo),
		le32_to_cpu(desc->lli->ctl_hi),
		le32_to_cpu(desc->lli->ctl_lo));
}

static void axi_chan_list_dump_lli(struct axi_dma_chan *chan,
				   struct axi_dma_desc *desc_head)
{
	u32 i;

	for (i = 0; i < desc_head->nr_hw_descs; i++)
		axi_chan_dump_lli(chan, &desc_head->hw_desc[i]);
}

static enum dmaengine_tx_result axi_err_result(u32 status)
{
	if (status & (DWAXIDMAC_IRQ_SRC_DEC_ERR | DWAXIDMAC_IRQ_SRC_SLV_ERR |
		      DWAXIDMAC_IRQ_LLI_RD_DEC_ERR | DWAXIDMAC_IRQ_LLI_RD_SLV_ERR))
		return DMA_TRANS_READ_FAILED;
	if (status & (DWAXIDMAC_IRQ_DST_DEC_ERR | DWAXIDMAC_IRQ_DST_SLV_ERR |
		      DWAXIDMAC_IRQ_LLI_WR_DEC_ERR | DWAXIDMAC_IRQ_LLI_WR_SLV_ERR))
		return DMA_TRANS_WRITE_FAILED;
	return DMA_TRANS_ABORTED;
}

/* Called with vc.lock held. */
static noinline void axi_chan_handle_err(struct axi_dma_chan *chan, u32 status)
{
	struct axi_dma_desc *desc = chan->active;
	struct virt_dma_desc *vd;

	/* The channel already stopped on the error; make sure of it. */
	axi_chan_stop(chan);

	if (!desc) {
		dev_warn(chan2dev(chan), "%s error irq 0x%08x without a transfer\n",
			 axi_chan_name(chan), status);
		return;
	}
	vd = &desc->vd;
	vd->tx_result.result = axi_err_result(status);
	vd->tx_result.residue = axi_chan_residue(chan, desc);

	/* Remove the failed descriptor from issued list */
	list_del(&vd->node);
	chan->active = NULL;

	dev_err(chan2dev(chan),
		"Bad descriptor submitted for %s, cookie: %d, irq: 0x%08x\n",
		axi_chan_name(chan), vd->tx.cookie, status);
	axi_chan_list_dump_lli(chan, desc);

	vchan_cookie_complete(vd);

	/* Try to restart the controller */
	axi_chan_start_first_queued(chan);
}

/* Called with vc.lock held. */
static void axi_chan_block_xfer_complete(struct axi_dma_chan *chan)
{
	struct axi_dma_desc *desc = chan->active;
	struct axi_dma_hw_desc *hw_desc;
	struct virt_dma_desc *vd;

	/*
	 * The controller clears CHEN before it raises DMA_TRF: a DMA_TRF
	 * seen while the channel runs belongs to a transfer that has
	 * already been completed (a duplicated interrupt), not to the one
	 * running now.  The kernel stops the channel and completes the
	 * active descriptor here, half done; leave it running instead.
	 */
	if (unlikely(axi_chan_is_hw_enable(chan))) {
		dev_warn(chan2dev(chan), "%s: stale DWAXIDMAC_IRQ_DMA_TRF while the channel runs, ignored\n",
			 axi_chan_name(chan));
		return;
	}

	if (!desc) {
		dev_dbg(chan2dev(chan), "%s: transfer done without a descriptor\n",
			axi_chan_name(chan));
		return;
	}
	vd = &desc->vd;

	if (desc->cyclic) {
		hw_desc = &desc->hw_desc[desc->cur];
		/* The hardware consumed this LLI: make it valid again. */
		hw_desc->lli->ctl_hi |= cpu_to_le32(CH_CTL_H_LLI_VALID);
		hw_desc->lli->status_lo = 0;
		desc->cur = (desc->cur + 1) % desc->nr_hw_descs;
		if (hw_desc->period_end)
			vchan_cyclic_callback(vd);
		/* CH_LLP already points at the next LLI of the ring. */
		axi_chan_enable(chan);
		return;
	}

	/* Remove the completed descriptor from issued list before completing */
	list_del(&vd->node);
	chan->active = NULL;
	vd->tx_result.result = DMA_TRANS_NOERROR;
	vd->tx_result.residue = 0;
	vchan_cookie_complete(vd);

	/* Submit queued descriptors after processing the completed ones */
	axi_chan_start_first_queued(chan);
}

static irqreturn_t dw_axi_dma_interrupt(int irq, void *dev_id)
{
	struct axi_dma_chip *chip = dev_id;
	struct dw_axi_dma *dw = chip->dw;
	struct axi_dma_chan *chan;
	bool handled = false;
	u32 status, i;

	/* Disable DMAC interrupts. We'll enable them after processing channels */
	axi_dma_irq_disable(chip);

	/* Poll, clear and process every channel interrupt status */
	for (i = 0; i < dw->hdata->nr_channels; i++) {
		chan = &dw->chan[i];
		spin_lock(&chan->vc.lock);
		status = axi_chan_irq_read(chan);
		if (status) {
			axi_chan_irq_clear(chan, status);
			handled = true;
		}

		dev_vdbg(chip->dev, "%s %u IRQ status: 0x%08x\n",
			 axi_chan_name(chan), i, status);

		if (status & DWAXIDMAC_IRQ_ALL_ERR)
			axi_chan_handle_err(chan, status);
		else if (status & DWAXIDMAC_IRQ_DMA_TRF)
			axi_chan_block_xfer_complete(chan);
		spin_unlock(&chan->vc.lock);
	}

	/* Re-enable interrupts */
	axi_dma_irq_enable(chip);

	return handled ? IRQ_HANDLED : IRQ_NONE;
}

/* ------------------------------------------------------ control */

static int dma_chan_terminate_all(struct dma_chan *dchan)
{
	struct axi_dma_chan *chan = dchan_to_axi_dma_chan(dchan);
	unsigned long flags;
	LIST_HEAD(head);

	spin_lock_irqsave(&chan->vc.lock, flags);

	axi_chan_stop(chan);
	/* What the stopped transfer left in the status means nothing now. */
	axi_chan_irq_clear(chan, DWAXIDMAC_IRQ_ALL);
	if (chan->is_paused) {
		axi_chan_set_suspend(chan, false);
		chan->is_paused = false;
	}

	/*
	 * The active descriptor may have a cyclic callback in flight in the
	 * tasklet: it is freed by synchronize, not here.
	 */
	if (chan->active) {
		list_del(&chan->active->vd.node);
		vchan_terminate_vdesc(&chan->active->vd);
		chan->active = NULL;
	}
	vchan_get_all_descriptors(&chan->vc, &head);

	spin_unlock_irqrestore(&chan->vc.lock, flags);

	vchan_dma_desc_free_list(&chan->vc, &head);

	dev_vdbg(dchan2dev(dchan), "terminated: %s\n", axi_chan_name(chan));

	return 0;
}

static int dma_chan_pause(struct dma_chan *dchan)
{
	struct axi_dma_chan *chan = dchan_to_axi_dma_chan(dchan);
	unsigned long flags;
	unsigned int timeout = 1000; /* timeout iterations of 2 us */
	int ret = 0;

	spin_lock_irqsave(&chan->vc.lock, flags);

	axi_chan_set_suspend(chan, true);

	/* Only a running channel reports that it suspended. */
	if (axi_chan_is_hw_enable(chan)) {
		do {
			if (axi_chan_irq_read(chan) & DWAXIDMAC_IRQ_SUSPENDED)
				break;
			udelay(2);
		} while (--timeout);
		axi_chan_irq_clear(chan, DWAXIDMAC_IRQ_SUSPENDED);
		if (!timeout)
			ret = -EAGAIN;
	}

	chan->is_paused = true;

	spin_unlock_irqrestore(&chan->vc.lock, flags);

	return ret;
}

static int dma_chan_resume(struct dma_chan *dchan)
{
	struct axi_dma_chan *chan = dchan_to_axi_dma_chan(dchan);
	unsigned long flags;

	spin_lock_irqsave(&chan->vc.lock, flags);

	if (chan->is_paused) {
		axi_chan_set_suspend(chan, false);
		chan->is_paused = false;
	}

	spin_unlock_irqrestore(&chan->vc.lock, flags);

	return 0;
}

/*
 * The non-DT way to bind a request line: dma_request_channel(mask,
 * dw_axi_dma_filter, &slave) picks a free channel of slave->dma_dev and
 * gives it the handshake interface (like dw_dmac's dw_dma_filter).
 */
bool dw_axi_dma_filter(struct dma_chan *dchan, void *param)
{
	struct dw_axi_dma_slave *slave = param;
	struct axi_dma_chan *chan;

	if (!slave || dchan->device->dev != slave->dma_dev ||
	    dchan->device->device_prep_dma_memcpy != dma_chan_prep_dma_memcpy)
		return false;
	chan = dchan_to_axi_dma_chan(dchan);
	chan->hw_handshake_num = slave->handshake;
	return true;
}
EXPORT_SYMBOL_GPL(dw_axi_dma_filter);

#ifdef DW_AXI_HAVE_OF
static struct dma_chan *dw_axi_dma_of_xlate(struct of_phandle_args *dma_spec,
					    struct of_dma *ofdma)
{
	struct dw_axi_dma *dw = ofdma->of_dma_data;
	struct axi_dma_chan *chan;
	struct dma_chan *dchan;

	if (dma_spec->args_count < 1)
		return NULL;
	dchan = dma_get_any_slave_channel(&dw->dma);
	if (!dchan)
		return NULL;

	chan = dchan_to_axi_dma_chan(dchan);
	chan->hw_handshake_num = dma_spec->args[0];
	return dchan;
}
#endif

/* ------------------------------------------------------ probe */

static int parse_platform_data(struct axi_dma_chip *chip)
{
	struct dw_axi_dma_platform_data *pdata = dev_get_platdata(chip->dev);
	struct dw_axi_dma_hcfg *hdata = chip->dw->hdata;
	u32 i;

	if (!pdata)
		return -EINVAL;
	if (!pdata->nr_channels || pdata->nr_channels > DMAC_MAX_CHANNELS ||
	    !pdata->nr_masters || pdata->nr_masters > DMAC_MAX_MASTERS ||
	    pdata->m_data_width > DWAXIDMAC_TRANS_WIDTH_MAX ||
	    pdata->axi_rw_burst_len > DWAXIDMAC_ARWLEN_MAX + 1)
		return -EINVAL;
	hdata->nr_channels = pdata->nr_channels;
	hdata->nr_masters = pdata->nr_masters;
	hdata->m_data_width = pdata->m_data_width;
	for (i = 0; i < hdata->nr_channels; i++) {
		if (!pdata->block_size[i] || pdata->block_size[i] > DMAC_MAX_BLK_SIZE ||
		    pdata->priority[i] >= hdata->nr_channels)
			return -EINVAL;
		hdata->block_size[i] = pdata->block_size[i];
		hdata->priority[i] = pdata->priority[i];
	}
	if (pdata->axi_rw_burst_len) {
		hdata->restrict_axi_burst_len = true;
		hdata->axi_rw_burst_len = pdata->axi_rw_burst_len;
	}
	return 0;
}

static int parse_device_properties(struct axi_dma_chip *chip)
{
	struct device *dev = chip->dev;
	u32 tmp, carr[DMAC_MAX_CHANNELS];
	int ret;

	ret = device_property_read_u32(dev, "dma-channels", &tmp);
	if (ret == -EINVAL && dev_get_platdata(dev))
		return parse_platform_data(chip);
	if (ret)
		return ret;
	if (tmp == 0 || tmp > DMAC_MAX_CHANNELS)
		return -EINVAL;

	chip->dw->hdata->nr_channels = tmp;

	ret = device_property_read_u32(dev, "snps,dma-masters", &tmp);
	if (ret)
		return ret;
	if (tmp == 0 || tmp > DMAC_MAX_MASTERS)
		return -EINVAL;

	chip->dw->hdata->nr_masters = tmp;

	ret = device_property_read_u32(dev, "snps,data-width", &tmp);
	if (ret)
		return ret;
	if (tmp > DWAXIDMAC_TRANS_WIDTH_MAX)
		return -EINVAL;

	chip->dw->hdata->m_data_width = tmp;

	ret = device_property_read_u32_array(dev, "snps,block-size", carr,
					     chip->dw->hdata->nr_channels);
	if (ret)
		return ret;
	for (tmp = 0; tmp < chip->dw->hdata->nr_channels; tmp++) {
		if (carr[tmp] == 0 || carr[tmp] > DMAC_MAX_BLK_SIZE)
			return -EINVAL;

		chip->dw->hdata->block_size[tmp] = carr[tmp];
	}

	ret = device_property_read_u32_array(dev, "snps,priority", carr,
					     chip->dw->hdata->nr_channels);
	if (ret)
		return ret;
	/* Priority value must be programmed within [0:nr_channels-1] range */
	for (tmp = 0; tmp < chip->dw->hdata->nr_channels; tmp++) {
		if (carr[tmp] >= chip->dw->hdata->nr_channels)
			return -EINVAL;

		chip->dw->hdata->priority[tmp] = carr[tmp];
	}

	/* axi-max-burst-len is optional property */
	ret = device_property_read_u32(dev, "snps,axi-max-burst-len", &tmp);
	if (!ret) {
		if (tmp > DWAXIDMAC_ARWLEN_MAX + 1)
			return -EINVAL;
		if (tmp < DWAXIDMAC_ARWLEN_MIN + 1)
			return -EINVAL;

		chip->dw->hdata->restrict_axi_burst_len = true;
		chip->dw->hdata->axi_rw_burst_len = tmp;
	}

	return 0;
}

static int dw_probe(struct platform_device *pdev)
{
	struct axi_dma_chip *chip;
	struct dw_axi_dma *dw;
	struct dw_axi_dma_hcfg *hdata;
	u32 i;
	int ret;

	chip = devm_kzalloc(&pdev->dev, sizeof(*chip), GFP_KERNEL);
	if (!chip)
		return -ENOMEM;

	dw = devm_kzalloc(&pdev->dev, sizeof(*dw), GFP_KERNEL);
	if (!dw)
		return -ENOMEM;

	hdata = devm_kzalloc(&pdev->dev, sizeof(*hdata), GFP_KERNEL);
	if (!hdata)
		return -ENOMEM;

	chip->dw = dw;
	chip->dev = &pdev->dev;
	spin_lock_init(&chip->cfg_lock);
	chip->dw->hdata = hdata;

	chip->irq = platform_get_irq(pdev, 0);
	if (chip->irq < 0)
		return chip->irq;

	chip->regs = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(chip->regs))
		return PTR_ERR(chip->regs);

	ret = parse_device_properties(chip);
	if (ret)
		return dev_err_probe(chip->dev, ret,
				     "missing or bad controller properties\n");

	ret = dma_set_mask_and_coherent(chip->dev, DMA_BIT_MASK(64));
	if (ret)
		return ret;

	dw->chan = devm_kcalloc(chip->dev, hdata->nr_channels,
				sizeof(*dw->chan), GFP_KERNEL);
	if (!dw->chan)
		return -ENOMEM;

	ret = devm_request_irq(chip->dev, chip->irq, dw_axi_dma_interrupt,
			       IRQF_SHARED, KBUILD_MODNAME, chip);
	if (ret)
		return ret;

	INIT_LIST_HEAD(&dw->dma.channels);
	for (i = 0; i < hdata->nr_channels; i++) {
		struct axi_dma_chan *chan = &dw->chan[i];

		chan->chip = chip;
		chan->id = i;
		chan->chan_regs = chip->regs + COMMON_REG_LEN + i * CHAN_REG_LEN;
		atomic_set(&chan->descs_allocated, 0);

		chan->vc.desc_free = vchan_desc_put;
		vchan_init(&chan->vc, &dw->dma);
	}

	/* Set capabilities */
	dma_cap_set(DMA_MEMCPY, dw->dma.cap_mask);
	dma_cap_set(DMA_SLAVE, dw->dma.cap_mask);
	dma_cap_set(DMA_CYCLIC, dw->dma.cap_mask);

	/* DMA capabilities */
	dw->dma.max_burst = hdata->axi_rw_burst_len;
	dw->dma.src_addr_widths = AXI_DMA_BUSWIDTHS;
	dw->dma.dst_addr_widths = AXI_DMA_BUSWIDTHS;
	dw->dma.directions = BIT(DMA_MEM_TO_MEM);
	dw->dma.directions |= BIT(DMA_MEM_TO_DEV) | BIT(DMA_DEV_TO_MEM);
	dw->dma.residue_granularity = DMA_RESIDUE_GRANULARITY_BURST;

	dw->dma.dev = chip->dev;
	dw->dma.device_tx_status = dma_chan_tx_status;
	dw->dma.device_issue_pending = dma_chan_issue_pending;
	dw->dma.device_terminate_all = dma_chan_terminate_all;
	dw->dma.device_pause = dma_chan_pause;
	dw->dma.device_resume = dma_chan_resume;

	dw->dma.device_alloc_chan_resources = dma_chan_alloc_chan_resources;
	dw->dma.device_free_chan_resources = dma_chan_free_chan_resources;

	dw->dma.device_prep_dma_memcpy = dma_chan_prep_dma_memcpy;
	dw->dma.device_synchronize = dw_axi_dma_synchronize;
	dw->dma.device_config = dw_axi_dma_chan_slave_config;
	dw->dma.device_prep_slave_sg = dw_axi_dma_chan_prep_slave_sg;
	dw->dma.device_prep_dma_cyclic = dw_axi_dma_chan_prep_cyclic;

	/*
	 * Synopsys DesignWare AxiDMA datasheet mentioned Maximum
	 * supported blocks is 1024. Device register width is 4 bytes.
	 * Therefore, set constraint to 1024 * 4.
	 */
	dw->dma.dev->dma_parms = &dw->dma_parms;
	dma_set_max_seg_size(&pdev->dev, MAX_BLOCK_SIZE);
	platform_set_drvdata(pdev, chip);

	axi_dma_enable(chip);
	axi_dma_irq_enable(chip);
	axi_dma_hw_init(chip);

	ret = dmaenginem_async_device_register(&dw->dma);
	if (ret)
		return ret;

#ifdef DW_AXI_HAVE_OF
	/* Register with OF helpers for DMA lookups */
	if (pdev->dev.of_node) {
		ret = of_dma_controller_register(pdev->dev.of_node,
						 dw_axi_dma_of_xlate, dw);
		if (ret < 0)
			dev_warn(&pdev->dev,
				 "Failed to register OF DMA controller, fallback to MEM_TO_MEM mode\n");
	}
#endif

	dev_info(chip->dev, "DesignWare AXI DMA Controller, %d channels\n",
		 dw->hdata->nr_channels);

	return 0;
}

static int dw_remove(struct platform_device *pdev)
{
	struct axi_dma_chip *chip = platform_get_drvdata(pdev);
	struct dw_axi_dma *dw = chip->dw;
	u32 i;

	axi_dma_irq_disable(chip);
	for (i = 0; i < dw->hdata->nr_channels; i++) {
		axi_chan_disable(&chip->dw->chan[i]);
		axi_chan_irq_disable(&chip->dw->chan[i], DWAXIDMAC_IRQ_ALL);
	}
	axi_dma_disable(chip);

	devm_free_irq(chip->dev, chip->irq, chip);

#ifdef DW_AXI_HAVE_OF
	if (pdev->dev.of_node)
		of_dma_controller_free(pdev->dev.of_node);
#endif

	for (i = 0; i < dw->hdata->nr_channels; i++)
		tasklet_kill(&dw->chan[i].vc.task);

	return 0;
}

static const struct of_device_id dw_dma_of_id_table[] = {
	{ .compatible = "snps,axi-dma-1.01a" },
	{}
};
MODULE_DEVICE_TABLE(of, dw_dma_of_id_table);

static const struct platform_device_id dw_dma_id_table[] = {
	{ .name = "dw-axi-dmac" },
	{ .name = "snps,axi-dma-1.01a" },
	{}
};
MODULE_DEVICE_TABLE(platform, dw_dma_id_table);

static struct platform_driver dw_driver = {
	.probe		= dw_probe,
	.remove		= dw_remove,
	.id_table	= dw_dma_id_table,
	.driver = {
		.name	= KBUILD_MODNAME,
		.of_match_table = dw_dma_of_id_table,
	},
};
module_platform_driver(dw_driver);

MODULE_LICENSE("GPL v2");
MODULE_DESCRIPTION("Synopsys DesignWare AXI DMA Controller platform driver");
