/* SPDX-License-Identifier: GPL-2.0 */
/*
 * dmakit/board.h - bring the simulated system up and down (host API).
 *
 * A board is a device tree.  dmakit_boot(NULL) boots the default board,
 * dts/default.dts, compiled at build time and embedded in the library;
 * dmakit_boot("board.dtb") boots a blob, and dmakit_boot("board.dts") a
 * source, compiled with dtc(1) at run time (-ENOENT, with a message, if
 * dtc is not installed).  Boot, in order:
 *
 *  1. runs the built-in drivers' init calls (module parameters come from
 *     DMAKIT_CMDLINE, like the kernel command line), which register
 *     their platform drivers;
 *  2. unflattens the tree (a blob failing fdt_check_header() or with a
 *     broken structure fails the boot with -EINVAL, nothing left behind);
 *  3. calls the machine hook, then the model factory registered for each
 *     enabled node's compatible (depth-first, in tree order): simulated
 *     hardware exists before any driver probes it;
 *  4. creates a platform_device for every enabled node with a compatible
 *     under the root and under "simple-bus" nodes, as the kernel's
 *     of_platform_default_populate() does, named as the kernel names
 *     them ("1000000.dma-controller", or "dma-controller" for a node
 *     without reg), with IORESOURCE_MEM resources from reg and IRQ
 *     resources from interrupts; drivers bind by of_match_table (a probe
 *     returning -EPROBE_DEFER is retried after each successful bind).
 *
 * Interrupt controllers are simulated: a node with "interrupt-controller"
 * needs no driver, and each specifier gets a Linux IRQ number (see
 * <linux/of_irq.h>).  dmakit_shutdown() unbinds and frees everything, in
 * reverse: devices (newest first), drivers, models, machine, IRQ numbers
 * and the tree.
 */
#ifndef _DMAKIT_BOARD_H
#define _DMAKIT_BOARD_H

#include <stddef.h>

struct device;
struct device_node;

int dmakit_boot(const char *board);
/*
 * Boot the device tree blob at @dtb (@size bytes, copied: any alignment,
 * the caller's buffer may go once this returns).  Like dmakit_boot() of
 * a .dtb file: -EINVAL for a blob that is not a sound tree.
 */
int dmakit_boot_blob(const void *dtb, size_t size);
void dmakit_shutdown(void);
/* True between a successful dmakit_boot() and dmakit_shutdown(). */
int dmakit_booted(void);

/*
 * The device created from the node at @path ("/soc/serial@10000000" or
 * an alias), with a reference (put_device() it), or NULL.  The kernel's
 * of_find_device_by_node(of_find_node_by_path(path)) in one call.
 */
struct device *dmakit_of_find_device_by_path(const char *path);

/*
 * Device models (simulated hardware, hw/).  Register a factory for a
 * compatible string before dmakit_boot() (a constructor will do).  For
 * every enabled node whose "compatible" list contains @compatible (the
 * best-scoring model wins if several match, as of_match_node() decides),
 * boot calls create(np, &state) before any driver binds; the model reads
 * its node with the of_* API (reg via of_address_to_resource(), its
 * interrupt number via of_irq_get(np, i)) and keeps whatever it needs in
 * *state.  A create() error is logged and that node's device is skipped;
 * the rest of the board boots.  At shutdown, after every driver has been
 * unbound, destroy(np, state) runs for each created model, newest first.
 * The node stays valid (and referenced) between create and destroy.
 */
struct dmakit_model {
	const char *compatible;
	int (*create)(struct device_node *np, void **state);
	void (*destroy)(struct device_node *np, void *state);
	/* private */
	struct dmakit_model *next;
};

/* -EBUSY while booted; -EEXIST if @model or its compatible is registered. */
int dmakit_model_register(struct dmakit_model *model);
void dmakit_model_unregister(struct dmakit_model *model);

/*
 * The machine: called once per boot with the tree's root, before any
 * model is created (the place to build RAM, the MMIO bus, the clock and
 * the event loop), and machine_exit() after every model is destroyed.
 * An error from machine_init() fails the boot.  One set of hooks at a
 * time: NULL unregisters; -EBUSY while booted or if already set.
 */
struct dmakit_board_hooks {
	int (*machine_init)(struct device_node *root);
	void (*machine_exit)(void);
};

/*
 * Several sets of hooks may be registered (-EEXIST twice, -EBUSY while
 * booted); machine_init runs in registration order, machine_exit in
 * reverse.
 */
int dmakit_board_hooks_register(const struct dmakit_board_hooks *hooks);
void dmakit_board_hooks_unregister(const struct dmakit_board_hooks *hooks);

#endif
