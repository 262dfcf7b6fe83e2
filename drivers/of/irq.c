// SPDX-License-Identifier: GPL-2.0+
/*
 * Interrupts from the device tree (drivers/of/irq.c) over simulated
 * interrupt controllers: every node with "interrupt-controller" is one,
 * needing no driver.  A specifier is mapped to a Linux IRQ number from
 * dmakit_irq_alloc() the first time it is seen; the mapping (and so the
 * number) is shared by the driver and the device model of the node.
 */
#define pr_fmt(fmt) "OF: " fmt

#include <linux/of_irq.h>
#include <linux/slab.h>
#include <dmakit/irq.h>
#include "of_private.h"

struct of_irq_map {
	struct list_head node;
	struct device_node *ctrl;
	u32 hwirq;
	unsigned int virq;
};

static LIST_HEAD(of_irq_maps);
static DEFINE_MUTEX(of_irq_lock);

/* @why says what went wrong when NULL is returned (or stays NULL). */
static struct device_node *__of_irq_find_parent(struct device_node *child,
						const char **why)
{
	struct device_node *p;
	phandle parent;
	int hops = 0;

	if (!of_node_get(child))
		return NULL;
	do {
		if (of_property_read_u32(child, "interrupt-parent", &parent)) {
			p = of_get_parent(child);
		} else {
			p = of_find_node_by_phandle(parent);
			if (!p)
				*why = "interrupt-parent names no node";
		}
		of_node_put(child);
		child = p;
		/* A loop of interrupt-parent links would never end. */
		if (p && ++hops > 64) {
			*why = "interrupt-parent links loop";
			of_node_put(p);
			return NULL;
		}
	} while (p && !of_get_property(p, "#interrupt-cells", NULL));
	return p;
}

struct device_node *of_irq_find_parent(struct device_node *child)
{
	const char *why = NULL;

	return __of_irq_find_parent(child, &why);
}

int of_irq_parse_one(struct device_node *device, int index,
		     struct of_phandle_args *out_irq)
{
	struct device_node *p;
	const char *why = NULL;
	const __be32 *intspec;
	u32 intsize;
	int intlen, i, res;

	if (!device || index < 0)
		return -EINVAL;
	/* "interrupts-extended" first: a phandle with each specifier. */
	res = of_parse_phandle_with_args(device, "interrupts-extended",
					 "#interrupt-cells", index, out_irq);
	if (!res)
		return 0;
	if (of_property_present(device, "interrupts-extended"))
		return res;

	intspec = of_get_property(device, "interrupts", &intlen);
	if (!intspec)
		return -EINVAL;
	intlen /= sizeof(*intspec);
	p = __of_irq_find_parent(device, &why);
	if (!p) {
		pr_err("%s: property interrupts: %s\n", of_node_path(device),
		       why ? why : "no interrupt-parent with #interrupt-cells");
		return -EINVAL;
	}
	if (of_property_read_u32(p, "#interrupt-cells", &intsize) ||
	    intsize > MAX_PHANDLE_ARGS) {
		pr_err("%s: bad #interrupt-cells\n", of_node_path(p));
		of_node_put(p);
		return -EINVAL;
	}
	if ((u32)(index + 1) * intsize > (u32)intlen) {
		of_node_put(p);
		return -EINVAL;
	}
	out_irq->np = p;
	out_irq->args_count = (int)intsize;
	for (i = 0; i < (int)intsize; i++)
		out_irq->args[i] = be32_to_cpup(intspec + index * intsize + i);
	return 0;
}

static bool irq_find_host(struct device_node *np)
{
	return np && of_property_read_bool(np, "interrupt-controller");
}

unsigned int irq_create_of_mapping(struct of_phandle_args *irq_data)
{
	struct of_irq_map *map;
	unsigned int virq = 0;
	bool level = true;
	u32 hwirq;
	int ret;

	if (!irq_find_host(irq_data->np)) {
		pr_warn("no irq domain found for %s !\n",
			of_node_path(irq_data->np));
		return 0;
	}
	if (irq_data->args_count < 1) {
		pr_err("%s: empty interrupt specifier\n",
		       of_node_path(irq_data->np));
		return 0;
	}
	hwirq = irq_data->args[0];
	if (irq_data->args_count >= 2 &&
	    (irq_data->args[1] & IRQ_TYPE_SENSE_MASK) &&
	    !(irq_data->args[1] & IRQ_TYPE_LEVEL_MASK))
		level = false;

	mutex_lock(&of_irq_lock);
	list_for_each_entry(map, &of_irq_maps, node)
		if (map->ctrl == irq_data->np && map->hwirq == hwirq) {
			virq = map->virq;
			goto out;
		}
	map = kzalloc(sizeof(*map), GFP_KERNEL);
	if (!map)
		goto out;
	ret = dmakit_irq_alloc(1, level);
	if (ret < 0) {
		pr_err("%s: no Linux IRQ number left for hwirq %u (%d)\n",
		       of_node_path(irq_data->np), hwirq, ret);
		kfree(map);
		goto out;
	}
	map->ctrl = of_node_get(irq_data->np);
	map->hwirq = hwirq;
	map->virq = (unsigned int)ret;
	list_add_tail(&map->node, &of_irq_maps);
	virq = map->virq;
out:
	mutex_unlock(&of_irq_lock);
	return virq;
}

unsigned int irq_of_parse_and_map(struct device_node *dev, int index)
{
	struct of_phandle_args oirq;
	unsigned int virq;

	if (of_irq_parse_one(dev, index, &oirq))
		return 0;
	virq = irq_create_of_mapping(&oirq);
	of_node_put(oirq.np);
	return virq;
}

int of_irq_get(struct device_node *dev, int index)
{
	struct of_phandle_args oirq;
	int rc;

	rc = of_irq_parse_one(dev, index, &oirq);
	if (rc)
		return rc;
	if (!irq_find_host(oirq.np)) {
		rc = -EPROBE_DEFER;
		goto out;
	}
	rc = (int)irq_create_of_mapping(&oirq);
out:
	of_node_put(oirq.np);
	return rc;
}

int of_irq_get_byname(struct device_node *dev, const char *name)
{
	int index;

	if (unlikely(!name))
		return -EINVAL;
	index = of_property_match_string(dev, "interrupt-names", name);
	if (index < 0)
		return index;
	return of_irq_get(dev, index);
}

int of_irq_count(struct device_node *dev)
{
	struct of_phandle_args irq;
	int nr = 0;

	while (of_irq_parse_one(dev, nr, &irq) == 0) {
		of_node_put(irq.np);
		nr++;
	}
	return nr;
}

int of_irq_to_resource(struct device_node *dev, int index, struct resource *r)
{
	int irq = of_irq_get(dev, index);

	if (irq < 0)
		return irq;
	if (r && irq) {
		const char *name = NULL;

		memset(r, 0, sizeof(*r));
		of_property_read_string_index(dev, "interrupt-names", index,
					      &name);
		r->start = r->end = irq;
		r->flags = IORESOURCE_IRQ;
		r->name = name ? name : of_node_full_name(dev);
	}
	return irq;
}

int of_irq_to_resource_table(struct device_node *dev, struct resource *res,
			     int nr_irqs)
{
	int i;

	for (i = 0; i < nr_irqs; i++, res++)
		if (of_irq_to_resource(dev, i, res) <= 0)
			break;
	return i;
}

void of_irq_teardown(void)
{
	struct of_irq_map *map, *n;

	mutex_lock(&of_irq_lock);
	list_for_each_entry_safe(map, n, &of_irq_maps, node) {
		list_del(&map->node);
		dmakit_irq_free(map->virq, 1);
		of_node_put(map->ctrl);
		kfree(map);
	}
	mutex_unlock(&of_irq_lock);
}

/*
 * The simulated interrupt controllers ("dmakit,intc") are initialised
 * here, as of_irq_init() initialises irqchips: flagged OF_POPULATED, so
 * that no platform device is made for them.
 */
void of_irq_init(void)
{
	struct device_node *np;

	for_each_compatible_node(np, NULL, "dmakit,intc")
		if (of_property_read_bool(np, "interrupt-controller"))
			of_node_set_flag(np, OF_POPULATED);
}
