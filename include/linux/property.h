/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Unified device property interface.  Properties come from the device's
 * firmware node (the device tree in dmakit); without one, every read
 * returns -EINVAL as in the kernel.
 */
#ifndef _DMAKIT_LINUX_PROPERTY_H
#define _DMAKIT_LINUX_PROPERTY_H

#include <linux/device.h>

struct fwnode_handle;

bool device_property_present(const struct device *dev, const char *propname);
int device_property_read_u8_array(const struct device *dev, const char *propname,
				  u8 *val, size_t nval);
int device_property_read_u16_array(const struct device *dev, const char *propname,
				   u16 *val, size_t nval);
int device_property_read_u32_array(const struct device *dev, const char *propname,
				   u32 *val, size_t nval);
int device_property_read_u64_array(const struct device *dev, const char *propname,
				   u64 *val, size_t nval);
int device_property_read_string_array(const struct device *dev,
				      const char *propname, const char **val,
				      size_t nval);
int device_property_read_string(const struct device *dev, const char *propname,
				const char **val);
int device_property_match_string(const struct device *dev,
				 const char *propname, const char *string);

/* The matched of_device_id's data of the bound driver, or NULL. */
const void *device_get_match_data(const struct device *dev);

static inline bool device_property_read_bool(const struct device *dev,
					     const char *propname)
{
	return device_property_present(dev, propname);
}

static inline int device_property_read_u8(const struct device *dev,
					  const char *propname, u8 *val)
{
	return device_property_read_u8_array(dev, propname, val, 1);
}

static inline int device_property_read_u16(const struct device *dev,
					   const char *propname, u16 *val)
{
	return device_property_read_u16_array(dev, propname, val, 1);
}

static inline int device_property_read_u32(const struct device *dev,
					   const char *propname, u32 *val)
{
	return device_property_read_u32_array(dev, propname, val, 1);
}

static inline int device_property_read_u64(const struct device *dev,
					   const char *propname, u64 *val)
{
	return device_property_read_u64_array(dev, propname, val, 1);
}

static inline int device_property_count_u32(const struct device *dev,
					    const char *propname)
{
	return device_property_read_u32_array(dev, propname, NULL, 0);
}

/*
 * The firmware layer (drivers/of) plugs in here; the device core sits
 * below it.  Each op follows the device_property_* contract: nval == 0
 * and val == NULL returns the element count.
 */
struct dmakit_fwnode_ops {
	bool (*present)(const struct device *dev, const char *propname);
	int (*read_int_array)(const struct device *dev, const char *propname,
			      unsigned int elem_size, void *val, size_t nval);
	int (*read_string_array)(const struct device *dev, const char *propname,
				 const char **val, size_t nval);
};
extern const struct dmakit_fwnode_ops *dmakit_fwnode_ops;

#endif
