// SPDX-License-Identifier: GPL-2.0
/*
 * Device-tree boards meet the simulated machine: the machine is created
 * when a board has a node whose compatible names a device model, and each
 * such node gets its model at the node's reg, on the node's interrupt,
 * with the node's one-cell properties as the model's parameters (so
 * dma-channels, snps,data-width, clock-frequency mean the same to the
 * model as to the driver).  Boot does this before drivers bind.
 */
#include <stdlib.h>
#include <linux/of.h>
#include <linux/of_address.h>
#include <linux/of_irq.h>
#include <linux/slab.h>
#include <dmakit/board.h>
#include <dmakit/hw.h>

#define HW_BOARD_MAX_PARAMS 32

static const char *const hw_board_compatibles[] = {
	"snps,axi-dma-1.01a",
	"dmakit,test-fifo",
};

static bool node_has_model(struct device_node *np)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(hw_board_compatibles); i++)
		if (of_device_is_compatible(np, hw_board_compatibles[i]))
			return true;
	return false;
}

/* The clock: "dmakit,clock" on the root ("virtual" or "realtime"), or DMAKIT_CLOCK. */
static enum hw_clock_mode board_clock_mode(struct device_node *root)
{
	const char *mode = getenv("DMAKIT_CLOCK");

	if (!mode && root)
		of_property_read_string(root, "dmakit,clock", &mode);
	if (mode && !strcmp(mode, "realtime"))
		return HW_CLOCK_REALTIME;
	if (mode && strcmp(mode, "virtual"))
		pr_warn("dmakit: unknown clock mode \"%s\", using virtual\n", mode);
	return HW_CLOCK_VIRTUAL;
}

static int hw_board_machine_init(struct device_node *root)
{
	struct hw_machine_config cfg;
	struct hw_machine *m;
	struct device_node *np;
	bool needed = false;

	for_each_of_allnodes(np)
		if (of_device_is_available(np) && node_has_model(np))
			needed = true;
	if (!needed)
		return 0;	/* a board of software devices needs no machine */
	cfg.clock = board_clock_mode(root);
	m = hw_machine_create(&cfg);
	return PTR_ERR_OR_ZERO(m);
}

static void hw_board_machine_exit(void)
{
	hw_machine_destroy(hw_machine_get());
}

/* Every one-cell property of @np, by name. */
static void node_params(struct device_node *np, struct hw_param *p,
			unsigned int max)
{
	struct property *pp;
	unsigned int n = 0;

	for_each_property_of_node(np, pp) {
		if (pp->length != 4 || n + 1 >= max)
			continue;
		p[n].name = pp->name;
		p[n].val = be32_to_cpup(pp->value);
		p[n].ptr = NULL;
		n++;
	}
	p[n].name = NULL;
}

static int hw_board_model_create(struct device_node *np, void **state)
{
	struct hw_param params[HW_BOARD_MAX_PARAMS];
	struct hw_machine *m = hw_machine_get();
	const char *compatible = NULL;
	struct hw_model *model;
	struct resource res;
	unsigned int i;
	int irq, ret;

	if (!m)
		return -ENODEV;
	ret = of_address_to_resource(np, 0, &res);
	if (ret) {
		pr_err("%s: a device model needs reg\n", of_node_path(np));
		return ret;
	}
	irq = of_irq_get(np, 0);
	if (irq < 0)
		irq = 0;	/* no interrupt line */
	for (i = 0; i < ARRAY_SIZE(hw_board_compatibles); i++)
		if (of_device_is_compatible(np, hw_board_compatibles[i]))
			compatible = hw_board_compatibles[i];
	node_params(np, params, ARRAY_SIZE(params));
	model = hw_model_create(m, compatible, res.start, resource_size(&res),
				irq, params);
	if (IS_ERR(model))
		return PTR_ERR(model);
	*state = model;
	return 0;
}

static void hw_board_model_destroy(struct device_node *np, void *state)
{
	(void)np;
	/* hw_machine_destroy() destroys what is left; do it now if alive. */
	if (hw_machine_get())
		hw_model_destroy(state);
}

static struct dmakit_model hw_board_models[] = {
	{ .compatible = "snps,axi-dma-1.01a", .create = hw_board_model_create,
	  .destroy = hw_board_model_destroy },
	{ .compatible = "dmakit,test-fifo", .create = hw_board_model_create,
	  .destroy = hw_board_model_destroy },
};

static const struct dmakit_board_hooks hw_board_hooks = {
	.machine_init = hw_board_machine_init,
	.machine_exit = hw_board_machine_exit,
};

__attribute__((constructor)) static void hw_board_register(void)
{
	unsigned int i;

	dmakit_board_hooks_register(&hw_board_hooks);
	for (i = 0; i < ARRAY_SIZE(hw_board_models); i++)
		dmakit_model_register(&hw_board_models[i]);
}
