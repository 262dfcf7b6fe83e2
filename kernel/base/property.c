// SPDX-License-Identifier: GPL-2.0
/* device_property_*() over the firmware layer's ops (drivers/of). */
#include <linux/platform_device.h>
#include <linux/property.h>

const struct dmakit_fwnode_ops *dmakit_fwnode_ops;

static bool has_fwnode(const struct device *dev)
{
	return dev && dev->of_node && dmakit_fwnode_ops;
}

bool device_property_present(const struct device *dev, const char *propname)
{
	return has_fwnode(dev) && dmakit_fwnode_ops->present(dev, propname);
}

static int read_ints(const struct device *dev, const char *propname,
		     unsigned int elem_size, void *val, size_t nval)
{
	if (!has_fwnode(dev))
		return -EINVAL;
	return dmakit_fwnode_ops->read_int_array(dev, propname, elem_size, val,
						 nval);
}

int device_property_read_u8_array(const struct device *dev, const char *propname,
				  u8 *val, size_t nval)
{
	return read_ints(dev, propname, 1, val, nval);
}

int device_property_read_u16_array(const struct device *dev, const char *propname,
				   u16 *val, size_t nval)
{
	return read_ints(dev, propname, 2, val, nval);
}

int device_property_read_u32_array(const struct device *dev, const char *propname,
				   u32 *val, size_t nval)
{
	return read_ints(dev, propname, 4, val, nval);
}

int device_property_read_u64_array(const struct device *dev, const char *propname,
				   u64 *val, size_t nval)
{
	return read_ints(dev, propname, 8, val, nval);
}

int device_property_read_string_array(const struct device *dev,
				      const char *propname, const char **val,
				      size_t nval)
{
	if (!has_fwnode(dev))
		return -EINVAL;
	return dmakit_fwnode_ops->read_string_array(dev, propname, val, nval);
}

int device_property_read_string(const struct device *dev, const char *propname,
				const char **val)
{
	int ret = device_property_read_string_array(dev, propname, val, 1);

	return ret < 0 ? ret : 0;
}

int device_property_match_string(const struct device *dev,
				 const char *propname, const char *string)
{
	const char *values[32];
	int n, i;

	n = device_property_read_string_array(dev, propname, values,
					      ARRAY_SIZE(values));
	if (n < 0)
		return n;
	for (i = 0; i < n; i++)
		if (!strcmp(values[i], string))
			return i;
	return -ENODATA;
}

const void *device_get_match_data(const struct device *dev)
{
	const struct of_device_id *match;

	if (!dev || !dev->driver || !dev->of_node || !dmakit_of_hooks)
		return NULL;
	match = dmakit_of_hooks->match(dev->driver->of_match_table, dev);
	return match ? match->data : NULL;
}
