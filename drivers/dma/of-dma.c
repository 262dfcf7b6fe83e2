// SPDX-License-Identifier: GPL-2.0-only
/*
 * Device tree helpers for DMA request / controller (drivers/dma/of-dma.c).
 *
 * A controller registers its node and an xlate function; a client's
 * "dmas"/"dma-names" pair names a controller and a specifier per channel
 * name.  As in the kernel, a specifier whose controller has not (yet)
 * registered gives -EPROBE_DEFER, and no matching name gives -ENODEV.
 *
 * Beyond the kernel (which returns the same values silently), each
 * failing specifier logs one line naming the node and the property: a
 * missing controller node, a #dma-cells mismatch, a channel number not
 * below "dma-channels" or a request line not below "dma-requests"; and
 * registering a second controller for one node fails with -EEXIST.
 */
#define pr_fmt(fmt) "of-dma: " fmt

#include <linux/device.h>
#include <linux/err.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <linux/of.h>
#include <linux/of_dma.h>

#include "dmaengine.h"

static LIST_HEAD(of_dma_list);
static DEFINE_MUTEX(of_dma_lock);

static struct of_dma *of_dma_find_controller(struct of_phandle_args *dma_spec)
{
	struct of_dma *ofdma;

	list_for_each_entry(ofdma, &of_dma_list, of_dma_controllers)
		if (ofdma->of_node == dma_spec->np)
			return ofdma;

	pr_debug("%s: can't find DMA controller %s\n", __func__,
		 of_node_path(dma_spec->np));
	return NULL;
}

/* One cell below the controller's @prop ("dma-channels"/"dma-requests"). */
static bool of_dma_cell_in_range(struct of_phandle_args *dma_spec,
				 const char *prop)
{
	u32 limit;

	if (dma_spec->args_count < 1 ||
	    of_property_read_u32(dma_spec->np, prop, &limit) ||
	    dma_spec->args[0] < limit)
		return true;
	pr_err("%s: specifier %u is beyond %s = <%u>\n",
	       of_node_path(dma_spec->np), dma_spec->args[0], prop, limit);
	return false;
}

static bool of_dma_one_cell(struct of_phandle_args *dma_spec,
			    const char *xlate)
{
	if (dma_spec->args_count == 1)
		return true;
	pr_err("%s: #dma-cells = <%d>, but %s needs 1\n",
	       of_node_path(dma_spec->np), dma_spec->args_count, xlate);
	return false;
}

static struct dma_chan *of_dma_router_xlate(struct of_phandle_args *dma_spec,
					    struct of_dma *ofdma)
{
	struct dma_chan *chan;
	struct of_dma *ofdma_target;
	struct of_phandle_args dma_spec_target;
	void *route_data;

	/* translate the request for the real DMA controller */
	memcpy(&dma_spec_target, dma_spec, sizeof(dma_spec_target));
	route_data = ofdma->of_dma_route_allocate(&dma_spec_target, ofdma);
	if (IS_ERR(route_data))
		return NULL;

	ofdma_target = of_dma_find_controller(&dma_spec_target);
	if (!ofdma_target) {
		ofdma->dma_router->route_free(ofdma->dma_router->dev,
					      route_data);
		chan = ERR_PTR(-EPROBE_DEFER);
		goto err;
	}

	chan = ofdma_target->of_dma_xlate(&dma_spec_target, ofdma_target);
	if (IS_ERR_OR_NULL(chan)) {
		ofdma->dma_router->route_free(ofdma->dma_router->dev,
					      route_data);
	} else {
		int ret = 0;

		chan->router = ofdma->dma_router;
		chan->route_data = route_data;

		if (chan->device->device_router_config)
			ret = chan->device->device_router_config(chan);

		if (ret) {
			dma_release_channel(chan);
			chan = ERR_PTR(ret);
		}
	}

err:
	/* route_allocate took a reference on the target's node */
	of_node_put(dma_spec_target.np);
	return chan;
}

/* Append @ofdma unless its node already has a controller; lock held. */
static int of_dma_add(struct of_dma *ofdma)
{
	struct of_dma *o;

	list_for_each_entry(o, &of_dma_list, of_dma_controllers)
		if (o->of_node == ofdma->of_node) {
			pr_err("%s: a DMA controller is already registered for this node\n",
			       of_node_path(ofdma->of_node));
			return -EEXIST;
		}
	list_add_tail(&ofdma->of_dma_controllers, &of_dma_list);
	return 0;
}

int of_dma_controller_register(struct device_node *np,
				struct dma_chan *(*of_dma_xlate)
				(struct of_phandle_args *, struct of_dma *),
				void *data)
{
	struct of_dma *ofdma;
	int ret;

	if (!np || !of_dma_xlate) {
		pr_err("%s: not enough information provided\n", __func__);
		return -EINVAL;
	}

	ofdma = kzalloc(sizeof(*ofdma), GFP_KERNEL);
	if (!ofdma)
		return -ENOMEM;

	ofdma->of_node = np;
	ofdma->of_dma_xlate = of_dma_xlate;
	ofdma->of_dma_data = data;

	mutex_lock(&of_dma_lock);
	ret = of_dma_add(ofdma);
	mutex_unlock(&of_dma_lock);
	if (ret)
		kfree(ofdma);
	return ret;
}
EXPORT_SYMBOL_GPL(of_dma_controller_register);

void of_dma_controller_free(struct device_node *np)
{
	struct of_dma *ofdma;

	mutex_lock(&of_dma_lock);

	list_for_each_entry(ofdma, &of_dma_list, of_dma_controllers)
		if (ofdma->of_node == np) {
			list_del(&ofdma->of_dma_controllers);
			kfree(ofdma);
			break;
		}

	mutex_unlock(&of_dma_lock);
}
EXPORT_SYMBOL_GPL(of_dma_controller_free);

int of_dma_router_register(struct device_node *np,
			   void *(*of_dma_route_allocate)
			   (struct of_phandle_args *, struct of_dma *),
			   struct dma_router *dma_router)
{
	struct of_dma *ofdma;
	int ret;

	if (!np || !of_dma_route_allocate || !dma_router) {
		pr_err("%s: not enough information provided\n", __func__);
		return -EINVAL;
	}

	ofdma = kzalloc(sizeof(*ofdma), GFP_KERNEL);
	if (!ofdma)
		return -ENOMEM;

	ofdma->of_node = np;
	ofdma->of_dma_xlate = of_dma_router_xlate;
	ofdma->of_dma_route_allocate = of_dma_route_allocate;
	ofdma->dma_router = dma_router;

	mutex_lock(&of_dma_lock);
	ret = of_dma_add(ofdma);
	mutex_unlock(&of_dma_lock);
	if (ret)
		kfree(ofdma);
	return ret;
}
EXPORT_SYMBOL_GPL(of_dma_router_register);

static int of_dma_match_channel(struct device_node *np, const char *name,
				int index, struct of_phandle_args *dma_spec)
{
	const char *s;

	if (of_property_read_string_index(np, "dma-names", index, &s))
		return -ENODEV;

	if (strcmp(name, s))
		return -ENODEV;

	/* A bad phandle or #dma-cells is logged by the parser. */
	if (of_parse_phandle_with_args(np, "dmas", "#dma-cells", index,
				       dma_spec))
		return -ENODEV;

	return 0;
}

struct dma_chan *of_dma_request_slave_channel(struct device_node *np,
					      const char *name)
{
	struct of_phandle_args	dma_spec;
	struct of_dma		*ofdma;
	struct dma_chan		*chan;
	int			count, i, start;
	int			ret_no_channel = -ENODEV;
	static atomic_t		last_index;

	if (!np || !name) {
		pr_err("%s: not enough information provided\n", __func__);
		return ERR_PTR(-ENODEV);
	}

	/* Silently fail if there is not even the "dmas" property */
	if (!of_property_present(np, "dmas"))
		return ERR_PTR(-ENODEV);

	count = of_property_count_strings(np, "dma-names");
	if (count < 0) {
		pr_err("%s: dma-names property of node '%s' missing or empty\n",
			__func__, of_node_path(np));
		return ERR_PTR(-ENODEV);
	}

	/*
	 * approximate an average distribution across multiple
	 * entries with the same name
	 */
	start = atomic_inc_return(&last_index);
	for (i = 0; i < count; i++) {
		if (of_dma_match_channel(np, name,
					 (i + start) % count,
					 &dma_spec))
			continue;

		mutex_lock(&of_dma_lock);
		ofdma = of_dma_find_controller(&dma_spec);

		if (ofdma) {
			chan = ofdma->of_dma_xlate(&dma_spec, ofdma);
		} else {
			ret_no_channel = -EPROBE_DEFER;
			chan = NULL;
		}

		mutex_unlock(&of_dma_lock);

		of_node_put(dma_spec.np);

		if (chan)
			return chan;
	}

	return ERR_PTR(ret_no_channel);
}
EXPORT_SYMBOL_GPL(of_dma_request_slave_channel);

struct dma_chan *of_dma_simple_xlate(struct of_phandle_args *dma_spec,
						struct of_dma *ofdma)
{
	struct of_dma_filter_info *info = ofdma->of_dma_data;

	if (!info || !info->filter_fn)
		return NULL;

	if (!of_dma_one_cell(dma_spec, __func__) ||
	    !of_dma_cell_in_range(dma_spec, "dma-requests"))
		return NULL;

	return __dma_request_channel(&info->dma_cap, info->filter_fn,
				     &dma_spec->args[0], dma_spec->np);
}
EXPORT_SYMBOL_GPL(of_dma_simple_xlate);

struct dma_chan *of_dma_xlate_by_chan_id(struct of_phandle_args *dma_spec,
					 struct of_dma *ofdma)
{
	struct dma_device *dev = ofdma->of_dma_data;
	struct dma_chan *chan, *candidate = NULL;

	if (!dev || !of_dma_one_cell(dma_spec, __func__) ||
	    !of_dma_cell_in_range(dma_spec, "dma-channels"))
		return NULL;

	list_for_each_entry(chan, &dev->channels, device_node)
		if ((u32)chan->chan_id == dma_spec->args[0]) {
			candidate = chan;
			break;
		}

	if (!candidate) {
		pr_err("%s: no channel %u (the controller has %u)\n",
		       of_node_path(dma_spec->np), dma_spec->args[0],
		       dev->chancnt);
		return NULL;
	}

	return dma_get_slave_channel(candidate);
}
EXPORT_SYMBOL_GPL(of_dma_xlate_by_chan_id);
