// SPDX-License-Identifier: GPL-2.0
/*
 * "dmakit,test-fifo": the smallest peripheral with DMA handshaking.
 *
 * TX: writes to DATA push bytes into a FIFO that drains one byte every
 * "byte-ns" into a capture buffer the test reads back.  RX: a FIFO that
 * fills one byte every "byte-ns" with hw_test_fifo_rx_byte(i), "rx-bytes"
 * in all; reads of DATA pop it.  With DMA enabled in CTRL, each side
 * drives its request line into the controller given by "dma-controller"
 * ("dma-tx-line", "dma-rx-line"): SINGLE while one item fits (TX) or is
 * there (RX), BURST while the watermark's worth of items does.  A write
 * to a full TX FIFO or a read of an empty RX FIFO is counted as an error
 * in ERR: a DMA controller that honours the requests never causes one.
 *
 * Registers (32-bit):
 *   0x00 DATA   W: push to TX, R: pop from RX (access size bytes)
 *   0x04 STATUS R: [15:0] TX level, [31:16] RX level (bytes)
 *   0x08 CTRL   RW: bit 0 TX_DMA_EN, bit 1 RX_DMA_EN, [15:8] TX watermark
 *               (items), [23:16] RX watermark (items), [26:24] log2 of the
 *               item size in bytes.  Reset 0x02040400.
 *   0x0C ERR    W1C: bit 0 TX overflow, bit 1 RX underflow
 */
#include <stdlib.h>
#include <dmakit/hw-model.h>

#define FIFO_MAX_DEPTH	4096

#define FIFO_DATA	0x00
#define FIFO_STATUS	0x04
#define FIFO_CTRL	0x08
#define FIFO_ERR	0x0c

#define CTRL_TX_DMA_EN	BIT(0)
#define CTRL_RX_DMA_EN	BIT(1)
#define CTRL_TX_WM(v)	(((v) >> 8) & 0xff)
#define CTRL_RX_WM(v)	(((v) >> 16) & 0xff)
#define CTRL_ITEM(v)	(((v) >> 24) & 7)
#define CTRL_RESET	0x02040400

#define ERR_TX_OVERFLOW	BIT(0)
#define ERR_RX_UNDERFLOW BIT(1)

enum { R_DATA, R_STATUS, R_CTRL, R_ERR };

struct fifo_ring {
	u8 buf[FIFO_MAX_DEPTH];
	unsigned int head, level;
};

struct test_fifo {
	struct hw_model *md;
	unsigned int depth;
	u64 byte_ns;
	u64 rx_total, rx_made;
	struct fifo_ring tx, rx;
	struct hw_event drain, fill;
	struct hw_drq *tx_drq, *rx_drq;
	u8 *cap;
	size_t cap_len, cap_size;
	unsigned long errors;
};

static struct test_fifo *to_fifo(struct hw_model *md)
{
	return hw_model_priv(md);
}

static void ring_push(struct fifo_ring *r, unsigned int depth, u8 b)
{
	r->buf[(r->head + r->level) % depth] = b;
	r->level++;
}

static u8 ring_pop(struct fifo_ring *r, unsigned int depth)
{
	u8 b = r->buf[r->head];

	r->head = (r->head + 1) % depth;
	r->level--;
	return b;
}

static void fifo_update_drq(struct test_fifo *f)
{
	u64 ctrl = hw_reg_get(f->md, R_CTRL, 0);
	unsigned int item = 1U << CTRL_ITEM(ctrl);
	unsigned int free = f->depth - f->tx.level;
	u32 s;

	if (f->tx_drq) {
		s = 0;
		if (ctrl & CTRL_TX_DMA_EN) {
			if (free >= item)
				s |= HW_DRQ_SINGLE;
			if (CTRL_TX_WM(ctrl) && free >= CTRL_TX_WM(ctrl) * item)
				s |= HW_DRQ_BURST;
		}
		hw_drq_signal(f->tx_drq, s);
	}
	if (f->rx_drq) {
		s = 0;
		if (ctrl & CTRL_RX_DMA_EN) {
			if (f->rx.level >= item)
				s |= HW_DRQ_SINGLE;
			if (CTRL_RX_WM(ctrl) && f->rx.level >= CTRL_RX_WM(ctrl) * item)
				s |= HW_DRQ_BURST;
		}
		hw_drq_signal(f->rx_drq, s);
	}
}

static void fifo_error(struct test_fifo *f, u32 bit)
{
	f->errors++;
	hw_reg_set(f->md, R_ERR, 0, hw_reg_get(f->md, R_ERR, 0) | bit);
}

static void fifo_drain(struct hw_event *ev)
{
	struct test_fifo *f = to_fifo(ev->model);

	if (!f->tx.level)
		return;
	if (f->cap_len == f->cap_size) {
		size_t n = f->cap_size ? 2 * f->cap_size : 4096;
		u8 *p = realloc(f->cap, n);

		if (!p)
			return;
		f->cap = p;
		f->cap_size = n;
	}
	f->cap[f->cap_len++] = ring_pop(&f->tx, f->depth);
	if (f->tx.level)
		hw_event_schedule(&f->drain, f->byte_ns);
	fifo_update_drq(f);
}

static void fifo_fill(struct hw_event *ev)
{
	struct test_fifo *f = to_fifo(ev->model);

	if (f->rx_made >= f->rx_total || f->rx.level >= f->depth)
		return;
	ring_push(&f->rx, f->depth, hw_test_fifo_rx_byte(f->rx_made++));
	if (f->rx_made < f->rx_total && f->rx.level < f->depth)
		hw_event_schedule(&f->fill, f->byte_ns);
	fifo_update_drq(f);
}

static void fifo_write_data(struct hw_model *md, unsigned int reg,
			    unsigned int idx, u64 val, u64 mask)
{
	struct test_fifo *f = to_fifo(md);

	for (; mask; mask >>= 8, val >>= 8) {
		if (!(mask & 0xff))
			continue;
		if (f->tx.level >= f->depth) {
			fifo_error(f, ERR_TX_OVERFLOW);
			continue;
		}
		ring_push(&f->tx, f->depth, (u8)val);
	}
	if (!hw_event_pending(&f->drain))
		hw_event_schedule(&f->drain, f->byte_ns);
	fifo_update_drq(f);
}

/* A read pops as many bytes as the access is wide. */
static u64 fifo_read_data(struct hw_model *md, unsigned int reg,
			  unsigned int idx, u64 mask)
{
	struct test_fifo *f = to_fifo(md);
	unsigned int i;
	u64 v = 0;

	for (i = 0; i < 8; i++) {
		if (!(mask & (0xffULL << (8 * i))))
			continue;
		if (!f->rx.level) {
			fifo_error(f, ERR_RX_UNDERFLOW);
			break;
		}
		v |= (u64)ring_pop(&f->rx, f->depth) << (8 * i);
	}
	if (!hw_event_pending(&f->fill))
		hw_event_schedule(&f->fill, f->byte_ns);
	fifo_update_drq(f);
	return v;
}

static u64 fifo_read_status(struct hw_model *md, unsigned int reg,
			    unsigned int idx, u64 mask)
{
	struct test_fifo *f = to_fifo(md);

	return f->tx.level | (u64)f->rx.level << 16;
}

static void fifo_write_ctrl(struct hw_model *md, unsigned int reg,
			    unsigned int idx, u64 val, u64 mask)
{
	hw_reg_store(md, reg, idx, val, mask);
	fifo_update_drq(to_fifo(md));
}

static const struct hw_reg fifo_regs[] = {
	[R_DATA] = { .name = "DATA", .offset = FIFO_DATA, .size = 4,
		     .read = fifo_read_data, .write = fifo_write_data },
	[R_STATUS] = { .name = "STATUS", .offset = FIFO_STATUS, .size = 4,
		       .read = fifo_read_status },
	[R_CTRL] = { .name = "CTRL", .offset = FIFO_CTRL, .size = 4,
		     .reset = CTRL_RESET, .rw = 0x07ffff03,
		     .write = fifo_write_ctrl },
	[R_ERR] = { .name = "ERR", .offset = FIFO_ERR, .size = 4,
		    .w1c = ERR_TX_OVERFLOW | ERR_RX_UNDERFLOW },
};

static void fifo_ack(struct hw_model *peri, struct hw_drq *drq, u32 what)
{
	fifo_update_drq(to_fifo(peri));
}

static struct hw_drq *fifo_connect(struct hw_model *md, struct hw_model *ctrl,
				   const struct hw_param *p, const char *name)
{
	if (!ctrl || !hw_param_present(p, name))
		return NULL;
	return hw_drq_connect(ctrl, hw_param_u64(p, name, 0), md, fifo_ack);
}

static int fifo_init(struct hw_model *md, const struct hw_param *p)
{
	struct test_fifo *f = to_fifo(md);
	struct hw_model *ctrl = (struct hw_model *)hw_param_ptr(p, "dma-controller");

	f->md = md;
	f->depth = hw_param_u64(p, "fifo-depth", 64);
	f->byte_ns = hw_param_u64(p, "byte-ns", 100);
	f->rx_total = hw_param_u64(p, "rx-bytes", 0);
	if (!f->depth || f->depth > FIFO_MAX_DEPTH)
		return -EINVAL;
	hw_event_init(&f->drain, md, fifo_drain);
	hw_event_init(&f->fill, md, fifo_fill);
	f->tx_drq = fifo_connect(md, ctrl, p, "dma-tx-line");
	if (IS_ERR(f->tx_drq))
		return PTR_ERR(f->tx_drq);
	f->rx_drq = fifo_connect(md, ctrl, p, "dma-rx-line");
	if (IS_ERR(f->rx_drq)) {
		hw_drq_disconnect(f->tx_drq);
		return PTR_ERR(f->rx_drq);
	}
	return 0;
}

static void fifo_reset(struct hw_model *md)
{
	struct test_fifo *f = to_fifo(md);

	memset(&f->tx, 0, sizeof(f->tx));
	memset(&f->rx, 0, sizeof(f->rx));
	f->rx_made = 0;
	if (f->rx_total)
		hw_event_schedule(&f->fill, f->byte_ns);
	fifo_update_drq(f);
}

static void fifo_destroy(struct hw_model *md)
{
	struct test_fifo *f = to_fifo(md);

	hw_drq_disconnect(f->tx_drq);
	hw_drq_disconnect(f->rx_drq);
	free(f->cap);
}

static const struct hw_model_type test_fifo_type = {
	.compatible = "dmakit,test-fifo",
	.priv_size = sizeof(struct test_fifo),
	.regs = fifo_regs,
	.nr_regs = ARRAY_SIZE(fifo_regs),
	.init = fifo_init,
	.reset = fifo_reset,
	.destroy = fifo_destroy,
};

struct hw_model *hw_test_fifo_create(struct hw_machine *m, phys_addr_t base,
				     size_t size, int irq,
				     const struct hw_param *params)
{
	return hw_model_create_type(m, &test_fifo_type, base, size, irq, params);
}

size_t hw_test_fifo_captured(struct hw_model *md, void *buf, size_t max)
{
	struct test_fifo *f = to_fifo(md);
	size_t n;

	hw_model_lock(md);
	n = f->cap_len;
	if (buf)
		memcpy(buf, f->cap, min(n, max));
	hw_model_unlock(md);
	return n;
}

unsigned long hw_test_fifo_errors(struct hw_model *md)
{
	struct test_fifo *f = to_fifo(md);
	unsigned long n;

	hw_model_lock(md);
	n = f->errors;
	hw_model_unlock(md);
	return n;
}
