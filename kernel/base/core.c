// SPDX-License-Identifier: GPL-2.0
/*
 * The device core: naming, reference counts, buses, and binding drivers
 * to devices (drivers/base/{core,bus,dd}.c).  A probe that returns
 * -EPROBE_DEFER puts the device on the deferred list; every successful
 * bind retries that list, as the kernel's deferred probe does.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <pthread.h>
#include <linux/device.h>
#include <linux/slab.h>
#include "../internal.h"

/*
 * Buses, bindings and the deferred list.  Recursive, because a probe may
 * register devices of its own (the kernel uses per-device locks).
 */
static pthread_mutex_t device_lock = PTHREAD_RECURSIVE_MUTEX_INITIALIZER_NP;

static void core_lock(void)
{
	might_sleep();
	pthread_mutex_lock(&device_lock);
}

static void core_unlock(void)
{
	pthread_mutex_unlock(&device_lock);
}
static LIST_HEAD(deferred_list);

/* Platform hooks on device add/remove (the simulated machine's). */
int (*platform_notify)(struct device *dev);
int (*platform_notify_remove)(struct device *dev);

int dev_set_name(struct device *dev, const char *fmt, ...)
{
	va_list args;
	char *name;

	va_start(args, fmt);
	name = kvasprintf(GFP_KERNEL, fmt, args);
	va_end(args);
	if (!name)
		return -ENOMEM;
	kfree(dev->name);
	dev->name = name;
	return 0;
}

const char *dev_driver_string(const struct device *dev)
{
	struct device_driver *drv = READ_ONCE(dev->driver);

	if (drv)
		return drv->name;
	if (dev->bus)
		return dev->bus->name;
	if (dev->class)
		return dev->class->name;
	return "";
}

void _dev_printk(const char *level, const struct device *dev, const char *fmt,
		 ...)
{
	char msg[1024];
	va_list args;

	/* dev_dbg() on a hot path must not pay for formatting. */
	if (!dmakit_printk_wanted(level))
		return;
	va_start(args, fmt);
	vsnprintf(msg, sizeof(msg), fmt, args);
	va_end(args);
	/* The level must open the format, as printk() parses it there. */
	if (dev)
		printk_with_level(level, "%s %s: %s", dev_driver_string(dev),
				  dev_name(dev), msg);
	else
		printk_with_level(level, "(NULL device *): %s", msg);
}

int dev_err_probe(const struct device *dev, int err, const char *fmt, ...)
{
	char msg[512];
	va_list args;

	va_start(args, fmt);
	vsnprintf(msg, sizeof(msg), fmt, args);
	va_end(args);
	if (err != -EPROBE_DEFER)
		dev_err(dev, "error %d: %s", err, msg);
	else
		dev_dbg(dev, "error %d: %s", err, msg);
	return err;
}

void device_initialize(struct device *dev)
{
	kref_init(&dev->kref);
	INIT_LIST_HEAD(&dev->devres_head);
	spin_lock_init(&dev->devres_lock);
	INIT_LIST_HEAD(&dev->dma_pools);
	INIT_LIST_HEAD(&dev->bus_node);
	INIT_LIST_HEAD(&dev->deferred_node);
	dev->numa_node = NUMA_NO_NODE;
}

static void device_release(struct kref *kref)
{
	struct device *dev = container_of(kref, struct device, kref);
	char *name = dev->name;

	devres_release_all(dev);
	if (dev->release)
		dev->release(dev);
	else if (dev->type && dev->type->release)
		dev->type->release(dev);
	else if (dev->class && dev->class->dev_release)
		dev->class->dev_release(dev);
	else
		WARN(1, "Device '%s' does not have a release() function, it is broken and must be fixed.\n",
		     name ? name : "");
	kfree(name);
}

struct device *get_device(struct device *dev)
{
	if (dev)
		kref_get(&dev->kref);
	return dev;
}

void put_device(struct device *dev)
{
	if (dev)
		kref_put(&dev->kref, device_release);
}

static int really_probe(struct device *dev, struct device_driver *drv)
{
	int ret;

	dev->driver = drv;
	if (dev->bus && dev->bus->probe)
		ret = dev->bus->probe(dev);
	else if (drv->probe)
		ret = drv->probe(dev);
	else
		ret = 0;
	if (ret) {
		devres_release_all(dev);
		dev->driver = NULL;
		dev_set_drvdata(dev, NULL);
	}
	return ret;
}

/* Try each driver of the bus; device_lock held. */
static int __device_attach(struct device *dev)
{
	struct device_driver *drv;
	int ret = 0;

	if (dev->driver || !dev->bus)
		return 1;
	list_for_each_entry(drv, &dev->bus->drivers, bus_node) {
		if (dev->bus->match && !dev->bus->match(dev, drv))
			continue;
		ret = really_probe(dev, drv);
		if (ret == -EPROBE_DEFER) {
			dev_dbg(dev, "Driver %s requests probe deferral\n",
				drv->name);
			if (list_empty(&dev->deferred_node))
				list_add_tail(&dev->deferred_node,
					      &deferred_list);
			dev->probe_deferred = true;
			return ret;
		}
		if (ret) {
			dev_warn(dev, "probe with driver %s failed with error %d\n",
				 drv->name, ret);
			continue;
		}
		if (!list_empty(&dev->deferred_node))
			list_del_init(&dev->deferred_node);
		dev->probe_deferred = false;
		return 1;
	}
	return 0;
}

/* Retry deferred devices until a pass binds nothing more; lock held. */
static void deferred_probe_work(void)
{
	bool progress = true;

	while (progress && !list_empty(&deferred_list)) {
		struct device *dev, *n;

		progress = false;
		list_for_each_entry_safe(dev, n, &deferred_list, deferred_node) {
			list_del_init(&dev->deferred_node);
			if (__device_attach(dev) == 1)
				progress = true;
		}
	}
}

int device_attach(struct device *dev)
{
	int ret;

	core_lock();
	ret = __device_attach(dev);
	if (ret == 1)
		deferred_probe_work();
	core_unlock();
	return ret;
}

void driver_deferred_probe_trigger(void)
{
	core_lock();
	deferred_probe_work();
	core_unlock();
}

static void __device_release_driver(struct device *dev)
{
	struct device_driver *drv = dev->driver;

	if (!drv)
		return;
	if (dev->bus && dev->bus->remove)
		dev->bus->remove(dev);
	else if (drv->remove)
		drv->remove(dev);
	devres_release_all(dev);
	dev->driver = NULL;
	dev_set_drvdata(dev, NULL);
}

void device_release_driver(struct device *dev)
{
	core_lock();
	__device_release_driver(dev);
	core_unlock();
}

int device_add(struct device *dev)
{
	if (!dev->name && dev->init_name) {
		int ret = dev_set_name(dev, "%s", dev->init_name);

		if (ret)
			return ret;
		dev->init_name = NULL;
	}
	if (!dev_name(dev)[0])
		return -EINVAL;
	get_device(dev);
	core_lock();
	if (platform_notify)
		platform_notify(dev);
	if (dev->bus)
		list_add_tail(&dev->bus_node, &dev->bus->devices);
	dev->registered = true;
	if (dev->bus) {
		if (__device_attach(dev) == 1)
			deferred_probe_work();
	}
	core_unlock();
	return 0;
}

int device_register(struct device *dev)
{
	device_initialize(dev);
	return device_add(dev);
}

void device_del(struct device *dev)
{
	core_lock();
	if (!list_empty(&dev->deferred_node))
		list_del_init(&dev->deferred_node);
	__device_release_driver(dev);
	if (dev->registered && dev->bus)
		list_del_init(&dev->bus_node);
	if (dev->registered && platform_notify_remove)
		platform_notify_remove(dev);
	dev->registered = false;
	core_unlock();
	put_device(dev);
}

void device_unregister(struct device *dev)
{
	device_del(dev);
	put_device(dev);
}

int bus_register(struct bus_type *bus)
{
	INIT_LIST_HEAD(&bus->devices);
	INIT_LIST_HEAD(&bus->drivers);
	return 0;
}

void bus_unregister(struct bus_type *bus)
{
	(void)bus;
}

int driver_register(struct device_driver *drv)
{
	struct device *dev;
	struct bus_type *bus = drv->bus;
	bool bound = false;

	if (!bus)
		return -EINVAL;
	core_lock();
	if (!bus->drivers.next)
		bus_register(bus);
	list_add_tail(&drv->bus_node, &bus->drivers);
	list_for_each_entry(dev, &bus->devices, bus_node) {
		if (dev->driver || (bus->match && !bus->match(dev, drv)))
			continue;
		if (!list_empty(&dev->deferred_node))
			list_del_init(&dev->deferred_node);
		if (__device_attach(dev) == 1)
			bound = true;
	}
	if (bound)
		deferred_probe_work();
	core_unlock();
	return 0;
}

void driver_unregister(struct device_driver *drv)
{
	struct device *dev;

	core_lock();
	list_for_each_entry_reverse(dev, &drv->bus->devices, bus_node)
		if (dev->driver == drv)
			__device_release_driver(dev);
	list_del_init(&drv->bus_node);
	core_unlock();
}

struct device *bus_find_device_by_name(struct bus_type *bus,
				       struct device *start, const char *name)
{
	struct device *dev, *found = NULL;
	bool started = !start;

	core_lock();
	list_for_each_entry(dev, &bus->devices, bus_node) {
		if (!started) {
			started = dev == start;
			continue;
		}
		if (!strcmp(dev_name(dev), name)) {
			found = get_device(dev);
			break;
		}
	}
	core_unlock();
	return found;
}

int bus_for_each_dev(struct bus_type *bus, struct device *start, void *data,
		     int (*fn)(struct device *dev, void *data))
{
	struct device *dev;
	bool started = !start;
	int ret = 0;

	core_lock();
	list_for_each_entry(dev, &bus->devices, bus_node) {
		if (!started) {
			started = dev == start;
			continue;
		}
		ret = fn(dev, data);
		if (ret)
			break;
	}
	core_unlock();
	return ret;
}
