/* SPDX-License-Identifier: GPL-2.0 */
/*
 * dmakit/hw.h - the simulated machine (host API).
 *
 * The machine is what drivers cannot see: RAM as bus masters see it,
 * MMIO regions decoded to device models, interrupt lines, DMA request
 * lines and a clock with an event queue run by the machine's own thread.
 *
 * A model is instantiated at a physical base with an interrupt line;
 * hw_model_resources() gives the IORESOURCE_MEM and IORESOURCE_IRQ to
 * put on the platform_device its driver binds to.  When that device is
 * added, the machine makes it the model's bus master: from then on the
 * model reaches memory only through what the driver mapped for that
 * device with the DMA API (see docs/writing-a-model.md).
 *
 * Clock modes: HW_CLOCK_VIRTUAL jumps to the next event (fast,
 * deterministic); HW_CLOCK_REALTIME paces events to the wall clock.
 */
#ifndef _DMAKIT_HW_H
#define _DMAKIT_HW_H

#include <dmakit/types.h>

struct resource;
struct hw_machine;
struct hw_model;

enum hw_clock_mode {
	HW_CLOCK_VIRTUAL,
	HW_CLOCK_REALTIME,
};

struct hw_machine_config {
	enum hw_clock_mode clock;
};

/*
 * Create the machine (one per process) and register it as the MMIO bus.
 * @cfg may be NULL (virtual clock).  Returns ERR_PTR(-EBUSY) if one
 * already exists.
 */
struct hw_machine *hw_machine_create(const struct hw_machine_config *cfg);
/* Stop the clock thread, destroy every model, unregister the bus. */
void hw_machine_destroy(struct hw_machine *m);
/* The machine, or NULL. */
struct hw_machine *hw_machine_get(void);
enum hw_clock_mode hw_machine_clock_mode(struct hw_machine *m);

/* Machine time in nanoseconds. */
u64 hw_clock_now(struct hw_machine *m);
/*
 * Virtual clock only: hold time where it is (events due now still run),
 * advance it by @ns running every event due, then let it run freely
 * again.  For tests that need a transfer stopped at an exact point.
 */
int hw_clock_hold(struct hw_machine *m);
int hw_clock_step(struct hw_machine *m, u64 ns);
void hw_clock_release(struct hw_machine *m);
/* Number of events the machine has run (for tests and traces). */
u64 hw_clock_events(struct hw_machine *m);

/*
 * Model parameters: what a device tree node would say, as name/value
 * pairs, terminated by an entry with a NULL name.  Arrays (one value
 * per channel) are given as "name[i]" lookups by the model, see
 * hw_param_u64_idx().
 */
struct hw_param {
	const char *name;
	u64 val;
	const void *ptr;
};
#define HW_PARAM(n, v)		{ .name = (n), .val = (v) }
#define HW_PARAM_PTR(n, p)	{ .name = (n), .ptr = (p) }
#define HW_PARAM_END		{ .name = NULL }

/*
 * A model factory: one function per model, the same shape for every
 * model, so a device tree node with a known compatible maps to one call.
 * @irq < 0 allocates a level interrupt line for the model (0 = none).
 * Returns the model or ERR_PTR.
 */
typedef struct hw_model *(*hw_model_factory_t)(struct hw_machine *m,
					       phys_addr_t base, size_t size,
					       int irq,
					       const struct hw_param *params);

/* Instantiate a model by compatible ("snps,axi-dma-1.01a", ...). */
struct hw_model *hw_model_create(struct hw_machine *m, const char *compatible,
				 phys_addr_t base, size_t size, int irq,
				 const struct hw_param *params);
/* The factory for @compatible, or NULL. */
hw_model_factory_t hw_model_factory(const char *compatible);
void hw_model_destroy(struct hw_model *model);
/*
 * Fill @res (at most @max entries) with the model's MMIO region and
 * interrupt; returns the number of entries.
 */
int hw_model_resources(struct hw_model *model, struct resource *res,
		       unsigned int max);
int hw_model_irq(struct hw_model *model);
phys_addr_t hw_model_base(struct hw_model *model);
const char *hw_model_compatible(struct hw_model *model);
/* Bus errors the model's DMA accesses have hit so far. */
unsigned long hw_model_bus_errors(struct hw_model *model);

/*
 * Injected faults (models that support them: the DW AXI DMAC).  Each
 * kind counts its own events from the model's creation while it is
 * armed, and fires on every @every-th (0 disarms; the count restarts).
 * The same knobs are device tree properties of the model's node,
 * "dmakit,fault-<kind>-every" = <N>, e.g. dmakit,fault-irq-lost-every.
 *
 *  HW_FAULT_IRQ_LOST   a transfer's end: CH_INTSTATUS says DMA_TRF but
 *                      the line is not raised for it (another interrupt
 *                      of the controller still shows it; clearing it
 *                      re-arms the line)
 *  HW_FAULT_IRQ_DUP    a transfer's end: once the driver has cleared
 *                      DMA_TRF, it is set again and the line pulses a
 *                      second time (whatever the channel does by then)
 *  HW_FAULT_STALL      a transfer: after its first burst the channel
 *                      makes no more progress (CH_STATUS stays), until
 *                      it is disabled or aborted
 *  HW_FAULT_READ       a transfer: its first source read is a bus
 *                      error (SRC_DEC_ERR), as for an unmapped address
 *  HW_FAULT_WRITE      a transfer: its first destination write is a bus
 *                      error (DST_DEC_ERR)
 *
 * A "transfer" is a channel enable (one dmaengine descriptor for the
 * dw-axi-dmac driver); a "transfer's end" is a DMA_TRF raised.
 * Returns 0, -EINVAL for an unknown kind, -EOPNOTSUPP if the model has
 * no injected faults.
 */
enum hw_fault {
	HW_FAULT_IRQ_LOST,
	HW_FAULT_IRQ_DUP,
	HW_FAULT_STALL,
	HW_FAULT_READ,
	HW_FAULT_WRITE,
	HW_FAULT_NR,
};

int hw_model_fault(struct hw_model *model, enum hw_fault kind,
		   unsigned int every);
/* How many faults of @kind have fired so far. */
unsigned long hw_model_faults_injected(struct hw_model *model,
				       enum hw_fault kind);
/* The model whose MMIO region starts at @base, or NULL. */
struct hw_model *hw_machine_find_model(struct hw_machine *m, phys_addr_t base);

/* The factories of the built-in models. */
struct hw_model *hw_dw_axi_dmac_create(struct hw_machine *m, phys_addr_t base,
				       size_t size, int irq,
				       const struct hw_param *params);
struct hw_model *hw_test_fifo_create(struct hw_machine *m, phys_addr_t base,
				     size_t size, int irq,
				     const struct hw_param *params);

/*
 * The test FIFO ("dmakit,test-fifo"): a peripheral with a TX FIFO that
 * drains into a capture buffer and an RX FIFO filled with a pattern,
 * each with a DMA request line.  Copy out up to @max captured bytes
 * (from the start); returns how many were captured in total.
 */
size_t hw_test_fifo_captured(struct hw_model *fifo, void *buf, size_t max);
/* TX overflows and RX underflows seen (a DMA that ignored the DRQs). */
unsigned long hw_test_fifo_errors(struct hw_model *fifo);
/* The byte the RX side produces at position @i. */
static inline u8 hw_test_fifo_rx_byte(size_t i)
{
	return (u8)(i * 7 + 3);
}

#endif
