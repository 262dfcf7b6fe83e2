/* SPDX-License-Identifier: GPL-2.0 */
/*
 * dmakit/hw-model.h - writing a device model (host API).
 *
 * A model is a register table, a private state struct and event
 * handlers.  Everything a model does runs under the machine lock: MMIO
 * handlers (on the thread of the CPU doing readl/writel), event handlers
 * (on the machine thread) and DMA request notifications.  A model never
 * sleeps and never calls driver code; it drives its interrupt line, its
 * DMA request lines and memory (as a bus master) only.
 *
 * See docs/writing-a-model.md.
 */
#ifndef _DMAKIT_HW_MODEL_H
#define _DMAKIT_HW_MODEL_H

#include <dmakit/kernel.h>
#include <dmakit/hw.h>

struct hw_model;

/*
 * One register, or a bank of @count registers @stride bytes apart (one
 * per channel).  Without hooks, a write stores the bits in @rw and
 * clears the bits in @w1c that are written as 1; a read returns the
 * stored value.  @read/@write hooks replace that (hw_reg_store() does
 * the default store from a hook).  @mask has the bits the access
 * touches (a 32-bit access to half of a 64-bit register); a read hook
 * may have side effects for those bits only (a FIFO pop).
 */
struct hw_reg {
	const char *name;
	u32 offset;
	u32 count;		/* 0 or 1: a single register */
	u32 stride;
	u8 size;		/* 4 or 8 bytes */
	u64 reset;
	u64 rw;
	u64 w1c;
	u64 (*read)(struct hw_model *m, unsigned int reg, unsigned int idx,
		    u64 mask);
	void (*write)(struct hw_model *m, unsigned int reg, unsigned int idx,
		      u64 val, u64 mask);
};

struct hw_model_type {
	const char *compatible;
	size_t priv_size;
	const struct hw_reg *regs;
	unsigned int nr_regs;
	unsigned int nr_drq;	/* DMA request lines it accepts (controllers) */
	/* Parse @params into the private state; registers are reset after. */
	int (*init)(struct hw_model *m, const struct hw_param *params);
	/* After a register reset (creation and soft reset). */
	void (*reset)(struct hw_model *m);
	/* A DMA request line into this controller changed (schedule work). */
	void (*drq_changed)(struct hw_model *m, unsigned int line);
	void (*destroy)(struct hw_model *m);
	/* Injected faults (<dmakit/hw.h>), called with the machine locked. */
	int (*fault)(struct hw_model *m, enum hw_fault kind, unsigned int every);
	unsigned long (*faults_injected)(struct hw_model *m, enum hw_fault kind);
};

/* Generic instantiation, for a model's factory. */
struct hw_model *hw_model_create_type(struct hw_machine *mach,
				      const struct hw_model_type *type,
				      phys_addr_t base, size_t size, int irq,
				      const struct hw_param *params);

void *hw_model_priv(struct hw_model *m);
struct hw_machine *hw_model_machine(struct hw_model *m);
const char *hw_model_name(struct hw_model *m);

/*
 * A model's host API (called by tests and tools, not by drivers) takes
 * the machine lock around what it reads or changes.
 */
void hw_model_lock(struct hw_model *m);
void hw_model_unlock(struct hw_model *m);

/* Parameters. */
u64 hw_param_u64(const struct hw_param *p, const char *name, u64 def);
u64 hw_param_u64_idx(const struct hw_param *p, const char *name,
		     unsigned int idx, u64 def);
const void *hw_param_ptr(const struct hw_param *p, const char *name);
bool hw_param_present(const struct hw_param *p, const char *name);

/* Register storage. */
u64 hw_reg_get(struct hw_model *m, unsigned int reg, unsigned int idx);
void hw_reg_set(struct hw_model *m, unsigned int reg, unsigned int idx, u64 val);
/* The default write semantics (rw bits stored, w1c bits cleared). */
void hw_reg_store(struct hw_model *m, unsigned int reg, unsigned int idx,
		  u64 val, u64 mask);
/* Put every register back to its reset value. */
void hw_reg_reset_all(struct hw_model *m);

/* The interrupt line (level): assert or deassert. */
void hw_irq_set(struct hw_model *m, bool level);

/* Time and events. */
struct hw_event {
	struct list_head node;
	struct hw_model *model;
	void (*fn)(struct hw_event *ev);
	u64 when;
	u64 seq;
	bool pending;
};

void hw_event_init(struct hw_event *ev, struct hw_model *m,
		   void (*fn)(struct hw_event *ev));
/* (Re)schedule @ev @delay_ns after now; an earlier schedule is dropped. */
void hw_event_schedule(struct hw_event *ev, u64 delay_ns);
void hw_event_cancel(struct hw_event *ev);
static inline bool hw_event_pending(const struct hw_event *ev)
{
	return ev->pending;
}
u64 hw_now(struct hw_model *m);

/*
 * Bus-master access through the DMA address space of the device the
 * model is bound to.  An address that is neither a model's MMIO region
 * nor inside a buffer the driver mapped for that device (streaming
 * mapping, coherent allocation, dma_pool page) is a bus error: nothing
 * is read or written and -EFAULT is returned, for the model to report
 * as hardware does.  Writes into a DMA_TO_DEVICE mapping and reads from
 * a DMA_FROM_DEVICE one are errors too.
 */
int hw_dma_read(struct hw_model *master, dma_addr_t addr, void *buf, size_t len);
int hw_dma_write(struct hw_model *master, dma_addr_t addr, const void *buf,
		 size_t len);

/*
 * DMA request lines: a peripheral drives single/burst/last request
 * signals into line @line of controller @ctrl; the controller reads
 * them and acknowledges each transaction.
 */
#define HW_DRQ_SINGLE	BIT(0)	/* room for / data for one item */
#define HW_DRQ_BURST	BIT(1)	/* room for / data for a burst */
#define HW_DRQ_LAST	BIT(2)	/* this is the last transaction (peripheral flow control) */

struct hw_drq;
/*
 * Connect peripheral @peri to line @line of @ctrl; @ack runs (under the
 * machine lock) when the controller completes a transaction on the line,
 * with HW_DRQ_SINGLE or HW_DRQ_BURST (| HW_DRQ_LAST at the end of a block).
 */
struct hw_drq *hw_drq_connect(struct hw_model *ctrl, unsigned int line,
			      struct hw_model *peri,
			      void (*ack)(struct hw_model *peri,
					  struct hw_drq *drq, u32 what));
/* Peripheral side: drop the connection (in its destroy). */
void hw_drq_disconnect(struct hw_drq *drq);
/* Peripheral side: set the request signals (level). */
void hw_drq_signal(struct hw_drq *drq, u32 signals);
/* Controller side. */
u32 hw_drq_state(struct hw_model *ctrl, unsigned int line);
void hw_drq_ack(struct hw_model *ctrl, unsigned int line, u32 what);

#endif
