/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _DMAKIT_LINUX_PLATFORM_DEVICE_H
#define _DMAKIT_LINUX_PLATFORM_DEVICE_H

#include <linux/device.h>

#define PLATFORM_DEVID_NONE	(-1)
#define PLATFORM_DEVID_AUTO	(-2)

struct property_entry;

struct platform_device {
	const char *name;
	int id;
	bool id_auto;
	struct device dev;
	u64 platform_dma_mask;
	struct device_dma_parameters dma_parms;
	u32 num_resources;
	struct resource *resource;
	const struct platform_device_id *id_entry;
	const char *driver_override;
};

#define to_platform_device(x) container_of((x), struct platform_device, dev)
#define platform_get_device_id(pdev) ((pdev)->id_entry)

struct platform_device_info {
	struct device *parent;
	struct fwnode_handle *fwnode;
	bool of_node_reused;
	const char *name;
	int id;
	const struct resource *res;
	unsigned int num_res;
	const void *data;
	size_t size_data;
	u64 dma_mask;
	const struct property_entry *properties;
};

/*
 * remove() returns int as in v6.1 (the kernel the parity build targets);
 * remove_new() is the void-returning form of v6.3+.
 */
struct platform_driver {
	int (*probe)(struct platform_device *);
	int (*remove)(struct platform_device *);
	void (*remove_new)(struct platform_device *);
	void (*shutdown)(struct platform_device *);
	struct device_driver driver;
	const struct platform_device_id *id_table;
	bool prevent_deferred_probe;
	bool driver_managed_dma;
};

#define to_platform_driver(drv) container_of((drv), struct platform_driver, driver)

extern struct bus_type platform_bus_type;
extern struct device platform_bus;

int platform_device_register(struct platform_device *pdev);
void platform_device_unregister(struct platform_device *pdev);
struct platform_device *platform_device_alloc(const char *name, int id);
int platform_device_add_resources(struct platform_device *pdev,
				  const struct resource *res, unsigned int num);
int platform_device_add_data(struct platform_device *pdev, const void *data,
			     size_t size);
int platform_device_add(struct platform_device *pdev);
void platform_device_del(struct platform_device *pdev);
void platform_device_put(struct platform_device *pdev);
struct platform_device *
platform_device_register_full(const struct platform_device_info *pdevinfo);

static inline struct platform_device *
platform_device_register_resndata(struct device *parent, const char *name,
				  int id, const struct resource *res,
				  unsigned int num, const void *data,
				  size_t size)
{
	struct platform_device_info pdevinfo = {
		.parent = parent, .name = name, .id = id, .res = res,
		.num_res = num, .data = data, .size_data = size,
		.dma_mask = 0,
	};

	return platform_device_register_full(&pdevinfo);
}

static inline struct platform_device *
platform_device_register_simple(const char *name, int id,
				const struct resource *res, unsigned int num)
{
	return platform_device_register_resndata(NULL, name, id, res, num,
						 NULL, 0);
}

static inline struct platform_device *
platform_device_register_data(struct device *parent, const char *name, int id,
			      const void *data, size_t size)
{
	return platform_device_register_resndata(parent, name, id, NULL, 0,
						 data, size);
}

int __platform_driver_register(struct platform_driver *drv, struct module *owner);
#define platform_driver_register(drv) __platform_driver_register(drv, THIS_MODULE)
void platform_driver_unregister(struct platform_driver *drv);

#define module_driver(__driver, __register, __unregister, ...)		\
static int __init __driver##_init(void)					\
{									\
	return __register(&(__driver), ##__VA_ARGS__);			\
}									\
module_init(__driver##_init);						\
static void __exit __driver##_exit(void)				\
{									\
	__unregister(&(__driver), ##__VA_ARGS__);			\
}									\
module_exit(__driver##_exit)

#define module_platform_driver(__platform_driver) \
	module_driver(__platform_driver, platform_driver_register, \
		      platform_driver_unregister)
#define builtin_platform_driver(__platform_driver) \
	module_platform_driver(__platform_driver)

static inline void *platform_get_drvdata(const struct platform_device *pdev)
{
	return dev_get_drvdata(&pdev->dev);
}

static inline void platform_set_drvdata(struct platform_device *pdev, void *data)
{
	dev_set_drvdata(&pdev->dev, data);
}

struct resource *platform_get_resource(struct platform_device *dev,
				       unsigned int type, unsigned int num);
struct resource *platform_get_resource_byname(struct platform_device *dev,
					      unsigned int type,
					      const char *name);
int platform_get_irq(struct platform_device *dev, unsigned int num);
int platform_get_irq_optional(struct platform_device *dev, unsigned int num);
int platform_get_irq_byname(struct platform_device *dev, const char *name);
int platform_irq_count(struct platform_device *dev);
void __iomem *devm_platform_ioremap_resource(struct platform_device *pdev,
					     unsigned int index);
void __iomem *devm_platform_ioremap_resource_byname(struct platform_device *pdev,
						    const char *name);
void __iomem *devm_ioremap_resource(struct device *dev,
				    const struct resource *res);

/*
 * Hook through which the device tree layer (drivers/of) matches drivers
 * by compatible and fills resources; the device core sits below it.
 */
struct dmakit_of_hooks {
	const struct of_device_id *(*match)(const struct of_device_id *matches,
					    const struct device *dev);
	void (*node_put)(struct device_node *np);
};
extern const struct dmakit_of_hooks *dmakit_of_hooks;

#endif
