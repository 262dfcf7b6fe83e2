/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The device model: devices, drivers, buses, devres.
 *
 * As in the kernel, a driver binds to a device on its bus when the bus's
 * match() says so; probe() runs, and devres registered during probe is
 * released, newest first, on unbind or when probe fails.
 */
#ifndef _DMAKIT_LINUX_DEVICE_H
#define _DMAKIT_LINUX_DEVICE_H

#include <dmakit/kernel.h>
#include <linux/gfp.h>
#include <linux/kref.h>
#include <linux/ioport.h>
#include <linux/mod_devicetable.h>

struct device;
struct device_driver;
struct device_node;
struct fwnode_handle;
struct dma_map_ops;
struct bus_dma_region;
struct iommu_group;
struct dev_iommu;
struct dmakit_bus_master;

struct bus_type {
	const char *name;
	const char *dev_name;
	int (*match)(struct device *dev, struct device_driver *drv);
	int (*probe)(struct device *dev);
	void (*remove)(struct device *dev);
	void (*shutdown)(struct device *dev);
	/* private */
	struct list_head devices;
	struct list_head drivers;
};

enum probe_type {
	PROBE_DEFAULT_STRATEGY,
	PROBE_PREFER_ASYNCHRONOUS,
	PROBE_FORCE_SYNCHRONOUS,
};

struct device_driver {
	const char *name;
	struct bus_type *bus;
	struct module *owner;
	const char *mod_name;
	bool suppress_bind_attrs;
	enum probe_type probe_type;
	const struct of_device_id *of_match_table;
	const struct acpi_device_id *acpi_match_table;
	int (*probe)(struct device *dev);
	int (*remove)(struct device *dev);
	void (*shutdown)(struct device *dev);
	/* private */
	struct list_head bus_node;
};

struct class {
	const char *name;
	void (*dev_release)(struct device *dev);
};

struct device_type {
	const char *name;
	void (*release)(struct device *dev);
};

struct device_dma_parameters {
	unsigned int max_segment_size;
	unsigned int min_align_mask;
	unsigned long segment_boundary_mask;
};

struct device {
	struct kref kref;
	struct device *parent;
	const char *init_name;
	const struct device_type *type;
	struct bus_type *bus;
	struct device_driver *driver;
	void *platform_data;
	void *driver_data;
	struct device_node *of_node;
	struct fwnode_handle *fwnode;
	int numa_node;
	u64 *dma_mask;
	u64 coherent_dma_mask;
	u64 bus_dma_limit;
	const struct bus_dma_region *dma_range_map;
	struct device_dma_parameters *dma_parms;
	const struct dma_map_ops *dma_ops;
	struct list_head dma_pools;
	bool dma_coherent;
	struct iommu_group *iommu_group;
	struct dev_iommu *iommu;
	struct class *class;
	void (*release)(struct device *dev);

	/* private to the device core */
	char *name;
	struct list_head bus_node;
	struct list_head devres_head;
	spinlock_t devres_lock;
	bool registered;
	bool probe_deferred;
	struct list_head deferred_node;
	/* the simulated machine's view of this device as a bus master */
	struct dmakit_bus_master *bus_master;
};

static inline const char *dev_name(const struct device *dev)
{
	if (dev->init_name && !dev->name)
		return dev->init_name;
	return dev->name ? dev->name : "";
}

__printf(2, 3) int dev_set_name(struct device *dev, const char *name, ...);
const char *dev_driver_string(const struct device *dev);

static inline void *dev_get_drvdata(const struct device *dev)
{
	return dev->driver_data;
}

static inline void dev_set_drvdata(struct device *dev, void *data)
{
	dev->driver_data = data;
}

static inline void *dev_get_platdata(const struct device *dev)
{
	return dev->platform_data;
}

static inline int dev_to_node(struct device *dev)
{
	return dev->numa_node;
}

static inline void set_dev_node(struct device *dev, int node)
{
	dev->numa_node = node;
}

static inline struct device_node *dev_of_node(struct device *dev)
{
	return dev->of_node;
}

static inline struct fwnode_handle *dev_fwnode(struct device *dev)
{
	return dev->fwnode;
}

static inline bool device_is_bound(struct device *dev)
{
	return dev->driver != NULL;
}

void device_initialize(struct device *dev);
int device_add(struct device *dev);
void device_del(struct device *dev);
int device_register(struct device *dev);
void device_unregister(struct device *dev);
struct device *get_device(struct device *dev);
void put_device(struct device *dev);
int device_attach(struct device *dev);
void device_release_driver(struct device *dev);
int driver_register(struct device_driver *drv);
void driver_unregister(struct device_driver *drv);
int bus_register(struct bus_type *bus);
void bus_unregister(struct bus_type *bus);
struct device *bus_find_device_by_name(struct bus_type *bus,
				       struct device *start, const char *name);
int bus_for_each_dev(struct bus_type *bus, struct device *start, void *data,
		     int (*fn)(struct device *dev, void *data));
/*
 * Called by device_add() before drivers are matched and by device_del()
 * after the driver is gone (the kernel's platform_notify hooks); the
 * simulated machine uses them to know its bus masters.
 */
extern int (*platform_notify)(struct device *dev);
extern int (*platform_notify_remove)(struct device *dev);
/* Retry every deferred probe (run after each successful bind). */
void driver_deferred_probe_trigger(void);

/* Logging, in the kernel's "<driver> <device>: message" form. */
__printf(3, 4) void _dev_printk(const char *level, const struct device *dev,
				const char *fmt, ...);
#define dev_printk(level, dev, fmt, ...) \
	_dev_printk(level, dev, fmt, ##__VA_ARGS__)
#define dev_emerg(dev, fmt, ...) _dev_printk(KERN_EMERG, dev, fmt, ##__VA_ARGS__)
#define dev_alert(dev, fmt, ...) _dev_printk(KERN_ALERT, dev, fmt, ##__VA_ARGS__)
#define dev_crit(dev, fmt, ...) _dev_printk(KERN_CRIT, dev, fmt, ##__VA_ARGS__)
#define dev_err(dev, fmt, ...) _dev_printk(KERN_ERR, dev, fmt, ##__VA_ARGS__)
#define dev_warn(dev, fmt, ...) _dev_printk(KERN_WARNING, dev, fmt, ##__VA_ARGS__)
#define dev_notice(dev, fmt, ...) _dev_printk(KERN_NOTICE, dev, fmt, ##__VA_ARGS__)
#define dev_info(dev, fmt, ...) _dev_printk(KERN_INFO, dev, fmt, ##__VA_ARGS__)
#define dev_dbg(dev, fmt, ...) do {					\
	if (dmakit_debug_on())						\
		_dev_printk(KERN_DEBUG, dev, fmt, ##__VA_ARGS__);	\
} while (0)
/* Verbose debug is compiled out, as without VERBOSE_DEBUG in the kernel. */
#define dev_vdbg(dev, fmt, ...) \
	do { if (0) dev_dbg(dev, fmt, ##__VA_ARGS__); } while (0)
#define dev_level_once(fn, dev, fmt, ...) ({			\
	static bool __print_once;				\
	if (!__atomic_exchange_n(&__print_once, true, __ATOMIC_RELAXED)) \
		fn(dev, fmt, ##__VA_ARGS__);			\
	})
#define dev_err_once(dev, fmt, ...) dev_level_once(dev_err, dev, fmt, ##__VA_ARGS__)
#define dev_warn_once(dev, fmt, ...) dev_level_once(dev_warn, dev, fmt, ##__VA_ARGS__)
#define dev_info_once(dev, fmt, ...) dev_level_once(dev_info, dev, fmt, ##__VA_ARGS__)
#define dev_dbg_once(dev, fmt, ...) dev_level_once(dev_dbg, dev, fmt, ##__VA_ARGS__)
#define dev_err_ratelimited dev_err
#define dev_warn_ratelimited dev_warn
#define dev_info_ratelimited dev_info
#define dev_dbg_ratelimited dev_dbg
#define dev_WARN(dev, fmt, ...) \
	WARN(1, "%s %s: " fmt, dev_driver_string(dev), dev_name(dev), ##__VA_ARGS__)
#define dev_WARN_ONCE(dev, cond, fmt, ...) \
	WARN_ONCE(cond, "%s %s: " fmt, dev_driver_string(dev), dev_name(dev), \
		  ##__VA_ARGS__)
__printf(3, 4) int dev_err_probe(const struct device *dev, int err,
				 const char *fmt, ...);

/* devres */
typedef void (*dr_release_t)(struct device *dev, void *res);
typedef int (*dr_match_t)(struct device *dev, void *res, void *match_data);
void *devres_alloc(dr_release_t release, size_t size, gfp_t gfp);
void devres_free(void *res);
void devres_add(struct device *dev, void *res);
void *devres_find(struct device *dev, dr_release_t release, dr_match_t match,
		  void *match_data);
int devres_destroy(struct device *dev, dr_release_t release, dr_match_t match,
		   void *match_data);
int devres_release(struct device *dev, dr_release_t release, dr_match_t match,
		   void *match_data);
void devres_release_all(struct device *dev);

void *devm_kmalloc(struct device *dev, size_t size, gfp_t gfp) __attribute__((malloc));
static inline void *devm_kzalloc(struct device *dev, size_t size, gfp_t gfp)
{
	return devm_kmalloc(dev, size, gfp | __GFP_ZERO);
}
static inline void *devm_kmalloc_array(struct device *dev, size_t n,
				       size_t size, gfp_t flags)
{
	size_t bytes;

	if (unlikely(check_mul_overflow(n, size, &bytes)))
		return NULL;
	return devm_kmalloc(dev, bytes, flags);
}
static inline void *devm_kcalloc(struct device *dev, size_t n, size_t size,
				 gfp_t flags)
{
	return devm_kmalloc_array(dev, n, size, flags | __GFP_ZERO);
}
void devm_kfree(struct device *dev, const void *p);
char *devm_kstrdup(struct device *dev, const char *s, gfp_t gfp);
__printf(3, 4) char *devm_kasprintf(struct device *dev, gfp_t gfp,
				    const char *fmt, ...);
void *devm_kmemdup(struct device *dev, const void *src, size_t len, gfp_t gfp);
int devm_add_action(struct device *dev, void (*action)(void *), void *data);
int devm_add_action_or_reset(struct device *dev, void (*action)(void *),
			     void *data);
void devm_remove_action(struct device *dev, void (*action)(void *), void *data);
void devm_release_action(struct device *dev, void (*action)(void *), void *data);

#endif
