// SPDX-License-Identifier: GPL-2.0
/*
 * The DW AXI DMAC model at register level, as a qtest would drive it:
 * reset values, read-only registers, write-enable bits in DMAC_CHEN,
 * W1C interrupt clear, writes to a running channel refused, suspend,
 * the interrupt line, soft reset, and one single-block mem-to-mem
 * transfer programmed by hand through a device mapped for DMA.
 */
#include <stdlib.h>
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/dma-mapping.h>
#include <linux/interrupt.h>
#include <linux/io.h>
#include <linux/platform_device.h>
#include <dmakit/board.h>
#include <dmakit/hw.h>

#define BASE	0x10000000UL
#define SIZE	0x10000UL
#define CH(n)	(0x100 + (n) * 0x100)

static int failures;

#define CHECK(cond) do {						\
	if (!(cond)) {							\
		fprintf(stderr, "%s:%d: FAILED: %s\n", __FILE__, __LINE__, #cond); \
		failures++;						\
	}								\
} while (0)

static void __iomem *regs;
static atomic_t irqs = ATOMIC_INIT(0);
static u32 irq_status;

static irqreturn_t test_isr(int irq, void *dev)
{
	u32 st = readl(regs + CH(1) + 0x88);

	__atomic_fetch_or(&irq_status, st, __ATOMIC_SEQ_CST);	/* IRQ thread */
	writel(st, regs + CH(1) + 0x98);
	atomic_inc(&irqs);
	return st ? IRQ_HANDLED : IRQ_NONE;
}

static bool wait_for(bool (*cond)(void))
{
	int i;

	for (i = 0; i < 10000; i++) {
		if (cond())
			return true;
		usleep_range(1000, 1000);
	}
	return false;
}

static bool ch1_done(void)
{
	return readl(regs + CH(1) + 0x88) & BIT(1);
}

static bool ch1_src_err(void)
{
	return readl(regs + CH(1) + 0x88) & BIT(5);
}

static bool got_irq(void)
{
	return atomic_read(&irqs) > 0;
}

static void test_reset_values(void)
{
	int i;

	CHECK(readq(regs + 0x000) == 0x1234);			/* DMAC_ID */
	CHECK(readq(regs + 0x008) == 0x3130312a);		/* DMAC_COMPVER */
	CHECK(readl(regs + 0x010) == 0);			/* DMAC_CFG */
	CHECK(readq(regs + 0x018) == 0);			/* DMAC_CHEN */
	CHECK(readl(regs + 0x040) == 0xffffffff);		/* COMMON_INTSTATUS_ENA */
	for (i = 0; i < 4; i++) {
		CHECK(readq(regs + CH(i) + 0x018) == 0);	/* CH_CTL */
		CHECK(readq(regs + CH(i) + 0x020) == 0);	/* CH_CFG */
		CHECK(readl(regs + CH(i) + 0x080) == 0xffffffff);/* INTSTATUS_ENA */
		CHECK(readl(regs + CH(i) + 0x088) == 0);	/* INTSTATUS */
		CHECK(readl(regs + CH(i) + 0x090) == 0);	/* INTSIGNAL_ENA */
	}
	/* Plain read/write storage, 32-bit halves of 64-bit registers. */
	writel(0x89abcdef, regs + CH(2) + 0x000);
	writel(0x01234567, regs + CH(2) + 0x004);
	CHECK(readq(regs + CH(2) + 0x000) == 0x0123456789abcdefULL);
	CHECK(readl(regs + CH(2) + 0x004) == 0x01234567);
	writel(0xffffffff, regs + CH(2) + 0x010);		/* BLOCK_TS: 22 bits */
	CHECK(readl(regs + CH(2) + 0x010) == 0x3fffff);
}

static void test_read_only(void)
{
	writel(0xdead, regs + 0x008);
	CHECK(readq(regs + 0x008) == 0x3130312a);
	CHECK(readl(regs + 0x050) & BIT(1));			/* WR2RO status */
	writel(BIT(1), regs + 0x038);				/* COMMON_INTCLEAR */
	CHECK(!(readl(regs + 0x050) & BIT(1)));
}

/*
 * Channel 1 as memory to peripheral with software handshaking: enabled,
 * it waits for a request that never comes, so it stays enabled.
 */
static void park_channel1(void)
{
	writel(0, regs + CH(1) + 0x020);			/* contiguous */
	writel(1 | 1 << 4, regs + CH(1) + 0x024);		/* M2P, SW hs dst */
	writel(15, regs + CH(1) + 0x010);
}

static void test_write_enable(void)
{
	writel(1, regs + 0x010);				/* DMAC_EN */
	park_channel1();
	writel(BIT(1), regs + 0x018);				/* EN without WE */
	CHECK(readl(regs + 0x018) == 0);
	writel(BIT(1) | BIT(9), regs + 0x018);			/* EN + WE */
	CHECK(readl(regs + 0x018) == BIT(1));
	/* Other channels' bits without their WE change nothing. */
	writel(BIT(1) | BIT(0) | BIT(2), regs + 0x018);
	CHECK(readl(regs + 0x018) == BIT(1));
	writel(0, regs + 0x018);				/* no WE: still on */
	CHECK(readl(regs + 0x018) == BIT(1));

	/* A running channel refuses its configuration registers. */
	writel(0x1000, regs + CH(1) + 0x000);
	CHECK(readl(regs + CH(1) + 0x000) == 0);
	CHECK(readl(regs + CH(1) + 0x088) & BIT(19));		/* WRONCHEN_ERR */

	/* Suspend with and without its write enable. */
	writel(BIT(1) | BIT(17), regs + 0x018);
	CHECK(!(readl(regs + 0x018) & BIT(17)));
	writel(BIT(1) | BIT(17) | BIT(25), regs + 0x018);
	CHECK(readl(regs + 0x018) & BIT(17));
	CHECK(readl(regs + CH(1) + 0x088) & BIT(29));		/* SUSPENDED */
	writel(BIT(1) | BIT(25), regs + 0x018);			/* resume */
	CHECK(!(readl(regs + 0x018) & BIT(17)));

	/* W1C: INTSTATUS is read-only, INTCLEAR clears what is written. */
	writel(0xffffffff, regs + CH(1) + 0x088);
	CHECK(readl(regs + CH(1) + 0x088) & BIT(19));
	writel(BIT(19), regs + CH(1) + 0x098);
	CHECK(!(readl(regs + CH(1) + 0x088) & BIT(19)));
	CHECK(readl(regs + CH(1) + 0x088) & BIT(29));
	writel(BIT(29), regs + CH(1) + 0x098);
	CHECK(readl(regs + CH(1) + 0x088) == 0);
	/* Writing the read-only CH_INTSTATUS was itself a WR2RO error. */
	CHECK(readl(regs + 0x030) == BIT(16));			/* DMAC_INTSTATUS */
	writel(~0U, regs + 0x038);
	CHECK(readl(regs + 0x030) == 0);

	/* Disable: EN cleared, DISABLED status. */
	writel(BIT(9), regs + 0x018);
	CHECK(readl(regs + 0x018) == 0);
	CHECK(readl(regs + CH(1) + 0x088) & BIT(30));
	CHECK(readl(regs + 0x030) & BIT(1));
	writel(~0U, regs + CH(1) + 0x098);

	/* Abort via the upper half of DMAC_CHEN. */
	writel(BIT(1) | BIT(9), regs + 0x018);
	CHECK(readl(regs + 0x018) == BIT(1));
	writel(BIT(1) | BIT(9), regs + 0x01c);
	CHECK(readl(regs + 0x018) == 0);
	CHECK(readl(regs + CH(1) + 0x088) & BIT(31));		/* ABORTED */
	writel(~0U, regs + CH(1) + 0x098);

	/* Status enable gates what is recorded. */
	writel(0, regs + CH(1) + 0x080);
	writel(BIT(1) | BIT(9), regs + 0x018);
	writel(BIT(9), regs + 0x018);
	CHECK(readl(regs + CH(1) + 0x088) == 0);
	writel(0xffffffff, regs + CH(1) + 0x080);
}

static void test_irq_line(int irq)
{
	CHECK(request_irq(irq, test_isr, IRQF_SHARED, "axi-regs-test", &irqs) == 0);
	writel(BIT(30), regs + CH(1) + 0x090);			/* signal DISABLED */
	writel(1 | 2, regs + 0x010);				/* DMAC_EN | INT_EN */
	park_channel1();
	writel(BIT(1) | BIT(9), regs + 0x018);
	CHECK(atomic_read(&irqs) == 0);
	writel(BIT(9), regs + 0x018);				/* disable -> irq */
	CHECK(wait_for(got_irq));
	CHECK(__atomic_load_n(&irq_status, __ATOMIC_SEQ_CST) & BIT(30));
	free_irq(irq, &irqs);
	writel(0, regs + CH(1) + 0x090);
}

static void test_soft_reset(void)
{
	writel(0x5555, regs + CH(3) + 0x028);
	writel(1, regs + 0x058);
	CHECK(readq(regs + CH(3) + 0x028) == 0);
	CHECK(readl(regs + 0x010) == 0);
	CHECK(readq(regs + 0x000) == 0x1234);
}

/* One block, registers only, through a device whose buffers are mapped. */
static void test_manual_block(struct platform_device *pdev)
{
	struct device *dev = &pdev->dev;
	size_t len = 256;
	u8 *src = malloc(len), *dst = calloc(1, len);
	dma_addr_t s, d;
	size_t i;

	for (i = 0; i < len; i++)
		src[i] = (u8)(i * 3 + 1);
	CHECK(dma_set_mask_and_coherent(dev, DMA_BIT_MASK(64)) == 0);
	s = dma_map_single(dev, src, len, DMA_TO_DEVICE);
	d = dma_map_single(dev, dst, len, DMA_FROM_DEVICE);
	CHECK(!dma_mapping_error(dev, s) && !dma_mapping_error(dev, d));

	writel(1, regs + 0x010);
	writeq(s, regs + CH(1) + 0x000);
	writeq(d, regs + CH(1) + 0x008);
	writel(len / 4 - 1, regs + CH(1) + 0x010);		/* 32-bit items */
	writel(2 << 8 | 2 << 11 | 1 << 14 | 1 << 18, regs + CH(1) + 0x018);
	writel(0, regs + CH(1) + 0x020);
	writel(0, regs + CH(1) + 0x024);			/* M2M */
	writel(BIT(1) | BIT(9), regs + 0x018);
	CHECK(wait_for(ch1_done));
	CHECK(readl(regs + 0x018) == 0);			/* stopped by itself */
	CHECK((readl(regs + CH(1) + 0x030) & 0x3fffff) == len / 4);
	CHECK(readq(regs + CH(1) + 0x008) == d + len);		/* DAR advanced */
	dma_unmap_single(dev, s, len, DMA_TO_DEVICE);
	dma_unmap_single(dev, d, len, DMA_FROM_DEVICE);
	CHECK(memcmp(src, dst, len) == 0);

	/* Unmapped now: the same block is a source decode error. */
	writel(~0U, regs + CH(1) + 0x098);
	writeq(s, regs + CH(1) + 0x000);
	writeq(d, regs + CH(1) + 0x008);
	writel(BIT(1) | BIT(9), regs + 0x018);
	CHECK(wait_for(ch1_src_err));				/* SRC_DEC_ERR */
	CHECK(readl(regs + 0x018) == 0);
	free(src);
	free(dst);
}

int main(void)
{
	struct hw_param params[] = {
		HW_PARAM("dma-channels", 4), HW_PARAM("id", 0x1234), HW_PARAM_END,
	};
	struct platform_device_info info = { .name = "axi-regs-test",
					     .id = PLATFORM_DEVID_NONE };
	struct platform_device *pdev;
	struct resource res[2];
	struct hw_machine *m;
	struct hw_model *dmac;

	if (dmakit_boot(SOFT_ONLY_BOARD))
		return 1;
	m = hw_machine_create(NULL);
	if (IS_ERR(m))
		return 1;
	dmac = hw_model_create(m, "snps,axi-dma-1.01a", BASE, SIZE, -1, params);
	if (IS_ERR(dmac))
		return 1;
	regs = ioremap(BASE, SIZE);
	CHECK(regs != NULL);
	CHECK(ioremap(BASE + SIZE, 4) == NULL);

	test_reset_values();
	test_read_only();
	test_write_enable();
	test_irq_line(hw_model_irq(dmac));
	test_soft_reset();

	/* A device with no driver, only to be the model's bus master. */
	info.num_res = hw_model_resources(dmac, res, ARRAY_SIZE(res));
	info.res = res;
	pdev = platform_device_register_full(&info);
	CHECK(!IS_ERR(pdev));
	if (!IS_ERR(pdev)) {
		test_manual_block(pdev);
		platform_device_unregister(pdev);
	}

	hw_machine_destroy(m);
	dmakit_shutdown();
	if (failures)
		fprintf(stderr, "test_axi_regs: %d failures\n", failures);
	return failures ? 1 : 0;
}
