// SPDX-License-Identifier: GPL-2.0+
/*
 * Platform devices from the device tree (drivers/of/platform.c and
 * device.c), and the hooks through which the device core below reads
 * properties (device_property_*) and matches of_match_table.
 */
#define pr_fmt(fmt) "OF: " fmt

#include <linux/dma-mapping.h>
#include <linux/of_address.h>
#include <linux/of_irq.h>
#include <linux/of_platform.h>
#include <linux/slab.h>
#include <dmakit/board.h>
#include "of_private.h"

const struct of_device_id of_default_bus_match_table[] = {
	{ .compatible = "simple-bus", },
	{ .compatible = "simple-mfd", },
	{ .compatible = "isa", },
	{ .compatible = "arm,amba-bus", },
	{} /* Empty terminated list */
};

/* Every device created from a node, in creation order (parents first). */
struct of_pdev {
	struct list_head node;
	struct platform_device *pdev;
};
static LIST_HEAD(of_pdevs);
static DEFINE_MUTEX(of_pdevs_lock);

/*
 * The kernel's name: "<translated reg address>.<node name>", or, for a
 * node without a translatable reg, its name prefixed by its parents'
 * ("soc:leds") up to the first translatable one.
 */
static char *of_device_make_bus_id(struct device_node *node)
{
	char *name = NULL, *next;

	while (node->parent) {
		const __be32 *reg = of_get_property(node, "reg", NULL);
		u64 addr = reg ? of_translate_address(node, reg) : OF_BAD_ADDR;
		u32 mask;

		if (reg && addr != OF_BAD_ADDR) {
			if (!of_property_read_u32(node, "mask", &mask))
				next = name ? kasprintf(GFP_KERNEL, "%llx.%x.%s:%s",
						(unsigned long long)addr,
						ffs(mask) - 1, node->name, name) :
					kasprintf(GFP_KERNEL, "%llx.%x.%s",
						  (unsigned long long)addr,
						  ffs(mask) - 1, node->name);
			else
				next = name ? kasprintf(GFP_KERNEL, "%llx.%s:%s",
						(unsigned long long)addr,
						node->name, name) :
					kasprintf(GFP_KERNEL, "%llx.%s",
						  (unsigned long long)addr,
						  node->name);
			kfree(name);
			return next;
		}
		next = name ? kasprintf(GFP_KERNEL, "%s:%s", node->full_name,
					name) :
			kstrdup(node->full_name, GFP_KERNEL);
		kfree(name);
		name = next;
		if (!name)
			return NULL;
		node = node->parent;
	}
	return name;
}

static int of_device_resources(struct platform_device *dev,
			       struct device_node *np)
{
	int num_reg = of_address_count(np), num_irq = of_irq_count(np);
	struct resource *res;
	int i, rc;

	if (!num_reg && !num_irq)
		return 0;
	res = kcalloc(num_reg + num_irq, sizeof(*res), GFP_KERNEL);
	if (!res)
		return -ENOMEM;
	for (i = 0; i < num_reg; i++) {
		rc = of_address_to_resource(np, i, &res[i]);
		if (rc) {
			pr_err("%s: property reg entry %d cannot be translated\n",
			       of_node_path(np), i);
			kfree(res);
			return rc;
		}
	}
	rc = of_irq_to_resource_table(np, res + num_reg, num_irq);
	if (rc != num_irq)
		pr_debug("not all legacy IRQ resources mapped for %s\n",
			 np->name);
	rc = platform_device_add_resources(dev, res, num_reg + rc);
	kfree(res);
	return rc;
}

static struct platform_device *of_device_alloc(struct device_node *np,
					       const char *bus_id,
					       struct device *parent)
{
	struct platform_device *dev;
	char *name;

	name = bus_id ? kstrdup(bus_id, GFP_KERNEL) : of_device_make_bus_id(np);
	if (!name)
		return NULL;
	dev = platform_device_alloc(name, PLATFORM_DEVID_NONE);
	kfree(name);
	if (!dev)
		return NULL;
	dev->dev.of_node = of_node_get(np);
	dev->dev.fwnode = of_fwnode_handle(np);
	dev->dev.parent = parent ? parent : &platform_bus;
	if (of_device_resources(dev, np)) {
		platform_device_put(dev);
		return NULL;
	}
	return dev;
}

static struct platform_device *
of_platform_device_create_pdata(struct device_node *np, const char *bus_id,
				void *platform_data, struct device *parent)
{
	struct platform_device *dev;
	struct of_pdev *entry;

	if (!of_device_is_available(np) ||
	    of_node_check_flag(np, OF_DMAKIT_NO_MODEL) ||
	    of_node_test_and_set_flag(np, OF_POPULATED))
		return NULL;
	entry = kzalloc(sizeof(*entry), GFP_KERNEL);
	dev = entry ? of_device_alloc(np, bus_id, parent) : NULL;
	if (!dev)
		goto err_clear_flag;
	dev->dev.coherent_dma_mask = DMA_BIT_MASK(32);
	dev->dev.platform_data = platform_data;
	entry->pdev = dev;
	mutex_lock(&of_pdevs_lock);
	list_add_tail(&entry->node, &of_pdevs);
	mutex_unlock(&of_pdevs_lock);
	if (platform_device_add(dev)) {
		pr_err("%s: cannot add device %s\n", of_node_path(np),
		       dev_name(&dev->dev));
		mutex_lock(&of_pdevs_lock);
		list_del(&entry->node);
		mutex_unlock(&of_pdevs_lock);
		dev->dev.platform_data = NULL;
		platform_device_put(dev);
		goto err_clear_flag;
	}
	return dev;

err_clear_flag:
	kfree(entry);
	of_node_clear_flag(np, OF_POPULATED);
	return NULL;
}

struct platform_device *of_platform_device_create(struct device_node *np,
						  const char *bus_id,
						  struct device *parent)
{
	return of_platform_device_create_pdata(np, bus_id, NULL, parent);
}

static int of_platform_bus_create(struct device_node *bus,
				  const struct of_device_id *matches,
				  const struct of_dev_auxdata *lookup,
				  struct device *parent, bool strict)
{
	const struct of_dev_auxdata *auxdata = NULL;
	struct device_node *child;
	struct platform_device *dev;
	const char *bus_id = NULL;
	void *platform_data = NULL;
	int rc = 0;

	/* Make sure it has a compatible property */
	if (strict && !of_get_property(bus, "compatible", NULL))
		return 0;
	if (of_node_check_flag(bus, OF_POPULATED_BUS))
		return 0;
	for (; lookup && lookup->compatible; lookup++) {
		struct resource res;

		if (!of_device_is_compatible(bus, lookup->compatible))
			continue;
		if (!of_address_to_resource(bus, 0, &res) &&
		    res.start != lookup->phys_addr)
			continue;
		auxdata = lookup;
		break;
	}
	if (auxdata) {
		bus_id = auxdata->name;
		platform_data = auxdata->platform_data;
	}
	dev = of_platform_device_create_pdata(bus, bus_id, platform_data,
					      parent);
	if (!dev || !of_match_node(matches, bus))
		return 0;
	for_each_child_of_node(bus, child) {
		rc = of_platform_bus_create(child, matches, lookup, &dev->dev,
					    strict);
		if (rc) {
			of_node_put(child);
			break;
		}
	}
	of_node_set_flag(bus, OF_POPULATED_BUS);
	return rc;
}

int of_platform_populate(struct device_node *root,
			 const struct of_device_id *matches,
			 const struct of_dev_auxdata *lookup,
			 struct device *parent)
{
	struct device_node *child;
	int rc = 0;

	root = root ? of_node_get(root) : of_find_node_by_path("/");
	if (!root)
		return -EINVAL;
	for_each_child_of_node(root, child) {
		rc = of_platform_bus_create(child, matches, lookup, parent,
					    true);
		if (rc) {
			of_node_put(child);
			break;
		}
	}
	of_node_set_flag(root, OF_POPULATED_BUS);
	of_node_put(root);
	return rc;
}

int of_platform_default_populate(struct device_node *root,
				 const struct of_dev_auxdata *lookup,
				 struct device *parent)
{
	return of_platform_populate(root, of_default_bus_match_table, lookup,
				    parent);
}

int of_platform_bus_probe(struct device_node *root,
			  const struct of_device_id *matches,
			  struct device *parent)
{
	return of_platform_populate(root, matches, NULL, parent);
}

static bool is_descendant(struct device *dev, struct device *ancestor)
{
	for (dev = dev->parent; dev; dev = dev->parent)
		if (dev == ancestor)
			return true;
	return false;
}

/*
 * Take the newest populated device that @fn accepts off the list, or
 * NULL.  The lock is not held while devices go away: a driver's remove
 * may depopulate its own children.
 */
static struct platform_device *
of_pdev_take(bool (*fn)(struct device *dev, struct device *arg),
	     struct device *arg)
{
	struct platform_device *pdev = NULL;
	struct of_pdev *entry;

	mutex_lock(&of_pdevs_lock);
	list_for_each_entry_reverse(entry, &of_pdevs, node)
		if (fn(&entry->pdev->dev, arg)) {
			pdev = entry->pdev;
			list_del(&entry->node);
			kfree(entry);
			break;
		}
	mutex_unlock(&of_pdevs_lock);
	return pdev;
}

static void of_pdev_destroy(struct platform_device *pdev)
{
	struct device_node *np = pdev->dev.of_node;

	of_node_clear_flag(np, OF_POPULATED);
	of_node_clear_flag(np, OF_POPULATED_BUS);
	/* platform_data came from auxdata: not ours to free. */
	pdev->dev.platform_data = NULL;
	platform_device_unregister(pdev);
}

static bool below(struct device *dev, struct device *ancestor)
{
	return !ancestor || is_descendant(dev, ancestor);
}

static bool same(struct device *dev, struct device *other)
{
	return dev == other;
}

int of_platform_device_destroy(struct device *dev, void *data)
{
	struct platform_device *pdev;

	if (!dev->of_node || !of_node_check_flag(dev->of_node, OF_POPULATED))
		return 0;
	/* Children were created after their parent: newest first. */
	while ((pdev = of_pdev_take(below, dev)))
		of_pdev_destroy(pdev);
	pdev = of_pdev_take(same, dev);
	if (pdev)
		of_pdev_destroy(pdev);
	return 0;
}

void of_platform_depopulate(struct device *parent)
{
	struct platform_device *pdev;

	while ((pdev = of_pdev_take(below, parent)))
		of_pdev_destroy(pdev);
	if (parent && parent->of_node)
		of_node_clear_flag(parent->of_node, OF_POPULATED_BUS);
}

static void devm_of_platform_populate_release(struct device *dev, void *res)
{
	of_platform_depopulate(*(struct device **)res);
}

int devm_of_platform_populate(struct device *dev)
{
	struct device **ptr;
	int ret;

	if (!dev)
		return -EINVAL;
	ptr = devres_alloc(devm_of_platform_populate_release, sizeof(*ptr),
			   GFP_KERNEL);
	if (!ptr)
		return -ENOMEM;
	ret = of_platform_populate(dev->of_node, NULL, NULL, dev);
	if (ret) {
		devres_free(ptr);
	} else {
		*ptr = dev;
		devres_add(dev, ptr);
	}
	return ret;
}

static int devm_of_platform_match(struct device *dev, void *res, void *data)
{
	struct device **ptr = res;

	return *ptr == data;
}

void devm_of_platform_depopulate(struct device *dev)
{
	devres_release(dev, devm_of_platform_populate_release,
		       devm_of_platform_match, dev);
}

struct of_find_ctx {
	struct device_node *np;
	struct device *found;
};

static int match_of_node(struct device *dev, void *data)
{
	struct of_find_ctx *ctx = data;

	if (dev->of_node != ctx->np)
		return 0;
	ctx->found = get_device(dev);
	return 1;
}

struct platform_device *of_find_device_by_node(struct device_node *np)
{
	struct of_find_ctx ctx = { .np = np };

	if (!np)
		return NULL;
	bus_for_each_dev(&platform_bus_type, NULL, &ctx, match_of_node);
	return ctx.found ? to_platform_device(ctx.found) : NULL;
}

struct device *dmakit_of_find_device_by_path(const char *path)
{
	struct device_node *np = of_find_node_by_path(path);
	struct platform_device *pdev = of_find_device_by_node(np);

	of_node_put(np);
	return pdev ? &pdev->dev : NULL;
}

/* --- the hooks the device core calls --- */

static bool of_fwnode_present(const struct device *dev, const char *propname)
{
	return of_property_read_bool(dev->of_node, propname);
}

static int of_fwnode_read_int_array(const struct device *dev,
				    const char *propname,
				    unsigned int elem_size, void *val,
				    size_t nval)
{
	struct device_node *np = dev->of_node;

	if (!val)
		return of_property_count_elems_of_size(np, propname,
						       (int)elem_size);
	switch (elem_size) {
	case sizeof(u8):
		return of_property_read_u8_array(np, propname, val, nval);
	case sizeof(u16):
		return of_property_read_u16_array(np, propname, val, nval);
	case sizeof(u32):
		return of_property_read_u32_array(np, propname, val, nval);
	case sizeof(u64):
		return of_property_read_u64_array(np, propname, val, nval);
	default:
		return -ENXIO;
	}
}

static int of_fwnode_read_string_array(const struct device *dev,
				       const char *propname, const char **val,
				       size_t nval)
{
	struct device_node *np = dev->of_node;

	return val ? of_property_read_string_array(np, propname, val, nval) :
		     of_property_count_strings(np, propname);
}

static const struct dmakit_fwnode_ops of_fwnode_ops = {
	.present = of_fwnode_present,
	.read_int_array = of_fwnode_read_int_array,
	.read_string_array = of_fwnode_read_string_array,
};

static const struct dmakit_of_hooks of_hooks = {
	.match = of_match_device,
	.node_put = of_node_put,
};

void of_core_hooks_init(void)
{
	dmakit_fwnode_ops = &of_fwnode_ops;
	dmakit_of_hooks = &of_hooks;
}
