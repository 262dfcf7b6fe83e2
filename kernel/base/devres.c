// SPDX-License-Identifier: GPL-2.0
/* Managed resources (drivers/base/devres.c): released newest first. */
#include <stdlib.h>
#include <linux/device.h>
#include <linux/slab.h>

struct devres {
	struct list_head entry;
	dr_release_t release;
	size_t size;
	unsigned long long data[];	/* aligned for any object */
};

static struct devres *to_devres(void *res)
{
	return container_of(res, struct devres, data);
}

void *devres_alloc(dr_release_t release, size_t size, gfp_t gfp)
{
	struct devres *dr = kmalloc(sizeof(*dr) + size, gfp | __GFP_ZERO);

	if (!dr)
		return NULL;
	INIT_LIST_HEAD(&dr->entry);
	dr->release = release;
	dr->size = size;
	return dr->data;
}

void devres_free(void *res)
{
	if (res) {
		struct devres *dr = to_devres(res);

		BUG_ON(!list_empty(&dr->entry));
		kfree(dr);
	}
}

void devres_add(struct device *dev, void *res)
{
	struct devres *dr = to_devres(res);
	unsigned long flags;

	spin_lock_irqsave(&dev->devres_lock, flags);
	list_add_tail(&dr->entry, &dev->devres_head);
	spin_unlock_irqrestore(&dev->devres_lock, flags);
}

static struct devres *find_dr(struct device *dev, dr_release_t release,
			      dr_match_t match, void *match_data)
{
	struct devres *dr;

	list_for_each_entry_reverse(dr, &dev->devres_head, entry) {
		if (dr->release != release)
			continue;
		if (match && !match(dev, dr->data, match_data))
			continue;
		return dr;
	}
	return NULL;
}

void *devres_find(struct device *dev, dr_release_t release, dr_match_t match,
		  void *match_data)
{
	struct devres *dr;
	unsigned long flags;

	spin_lock_irqsave(&dev->devres_lock, flags);
	dr = find_dr(dev, release, match, match_data);
	spin_unlock_irqrestore(&dev->devres_lock, flags);
	return dr ? dr->data : NULL;
}

static void *devres_remove(struct device *dev, dr_release_t release,
			   dr_match_t match, void *match_data)
{
	struct devres *dr;
	unsigned long flags;

	spin_lock_irqsave(&dev->devres_lock, flags);
	dr = find_dr(dev, release, match, match_data);
	if (dr)
		list_del_init(&dr->entry);
	spin_unlock_irqrestore(&dev->devres_lock, flags);
	return dr ? dr->data : NULL;
}

int devres_destroy(struct device *dev, dr_release_t release, dr_match_t match,
		   void *match_data)
{
	void *res = devres_remove(dev, release, match, match_data);

	if (unlikely(!res))
		return -ENOENT;
	devres_free(res);
	return 0;
}

int devres_release(struct device *dev, dr_release_t release, dr_match_t match,
		   void *match_data)
{
	void *res = devres_remove(dev, release, match, match_data);

	if (unlikely(!res))
		return -ENOENT;
	release(dev, res);
	devres_free(res);
	return 0;
}

void devres_release_all(struct device *dev)
{
	unsigned long flags;

	if (!dev->devres_head.next)
		return;
	for (;;) {
		struct devres *dr;

		spin_lock_irqsave(&dev->devres_lock, flags);
		if (list_empty(&dev->devres_head)) {
			spin_unlock_irqrestore(&dev->devres_lock, flags);
			break;
		}
		dr = list_last_entry(&dev->devres_head, struct devres, entry);
		list_del_init(&dr->entry);
		spin_unlock_irqrestore(&dev->devres_lock, flags);
		if (dr->release)
			dr->release(dev, dr->data);
		kfree(dr);
	}
}

static void devm_kmalloc_release(struct device *dev, void *res)
{
	(void)dev;
	(void)res;
}

void *devm_kmalloc(struct device *dev, size_t size, gfp_t gfp)
{
	void *p = devres_alloc(devm_kmalloc_release, size, gfp);

	if (!p)
		return NULL;
	devres_add(dev, p);
	return p;
}

static int devm_kmalloc_match(struct device *dev, void *res, void *data)
{
	(void)dev;
	return res == data;
}

void devm_kfree(struct device *dev, const void *p)
{
	if (!p)
		return;
	WARN_ON(devres_destroy(dev, devm_kmalloc_release, devm_kmalloc_match,
			       (void *)p));
}

char *devm_kstrdup(struct device *dev, const char *s, gfp_t gfp)
{
	size_t size;
	char *buf;

	if (!s)
		return NULL;
	size = strlen(s) + 1;
	buf = devm_kmalloc(dev, size, gfp);
	if (buf)
		memcpy(buf, s, size);
	return buf;
}

char *devm_kasprintf(struct device *dev, gfp_t gfp, const char *fmt, ...)
{
	va_list ap, aq;
	char *p;
	int len;

	va_start(ap, fmt);
	va_copy(aq, ap);
	len = vsnprintf(NULL, 0, fmt, aq);
	va_end(aq);
	p = devm_kmalloc(dev, len + 1, gfp);
	if (p)
		vsnprintf(p, len + 1, fmt, ap);
	va_end(ap);
	return p;
}

void *devm_kmemdup(struct device *dev, const void *src, size_t len, gfp_t gfp)
{
	void *p = devm_kmalloc(dev, len, gfp);

	if (p)
		memcpy(p, src, len);
	return p;
}

struct action_devres {
	void *data;
	void (*action)(void *);
};

static void devm_action_release(struct device *dev, void *res)
{
	struct action_devres *devres = res;

	(void)dev;
	devres->action(devres->data);
}

static int devm_action_match(struct device *dev, void *res, void *p)
{
	struct action_devres *devres = res, *target = p;

	(void)dev;
	return devres->action == target->action && devres->data == target->data;
}

int devm_add_action(struct device *dev, void (*action)(void *), void *data)
{
	struct action_devres *devres;

	devres = devres_alloc(devm_action_release, sizeof(*devres), GFP_KERNEL);
	if (!devres)
		return -ENOMEM;
	devres->data = data;
	devres->action = action;
	devres_add(dev, devres);
	return 0;
}

int devm_add_action_or_reset(struct device *dev, void (*action)(void *),
			     void *data)
{
	int ret = devm_add_action(dev, action, data);

	if (ret)
		action(data);
	return ret;
}

void devm_remove_action(struct device *dev, void (*action)(void *), void *data)
{
	struct action_devres devres = { .data = data, .action = action };

	WARN_ON(devres_destroy(dev, devm_action_release, devm_action_match,
			       &devres));
}

void devm_release_action(struct device *dev, void (*action)(void *), void *data)
{
	struct action_devres devres = { .data = data, .action = action };

	WARN_ON(devres_release(dev, devm_action_release, devm_action_match,
			       &devres));
}
