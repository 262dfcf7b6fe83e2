// SPDX-License-Identifier: GPL-2.0
/*
 * The host views of the dmaengine core: the debugfs summary and the
 * class "dma" sysfs tree (attributes and links as drivers/dma/dmaengine.c
 * creates them), printed or written out as files (dmakit/dmaengine.h).
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <errno.h>
#include <sys/stat.h>
#include <unistd.h>
#include <linux/dmaengine.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <dmakit/dmaengine.h>

#define SYSFS_MAX_DEPTH	16
#define SYSFS_PATH_MAX	1024

void dmakit_dump_summary(FILE *f)
{
	struct seq_file s = { .out = f };

	dmaengine_summary_show(&s);
	fflush(f);
}

/* A sysfs path as its components ("devices", "platform", ...). */
struct sysfs_path {
	const char *c[SYSFS_MAX_DEPTH];
	int n;
};

static int dev_path(struct device *dev, struct sysfs_path *p)
{
	const char *rev[SYSFS_MAX_DEPTH];
	int n = 0, i;

	for (; dev; dev = dev->parent) {
		if (n == SYSFS_MAX_DEPTH - 1)
			return -ENAMETOOLONG;
		rev[n++] = dev_name(dev);
	}
	p->c[0] = "devices";
	for (i = 0; i < n; i++)
		p->c[i + 1] = rev[n - 1 - i];
	p->n = n + 1;
	return 0;
}

static int path_push(struct sysfs_path *p, const char *c)
{
	if (p->n == SYSFS_MAX_DEPTH)
		return -ENAMETOOLONG;
	p->c[p->n++] = c;
	return 0;
}

static void path_str(const struct sysfs_path *p, int from, char *buf,
		     size_t size)
{
	size_t len = 0;
	int i;

	buf[0] = '\0';
	for (i = from; i < p->n && len < size; i++)
		len += snprintf(buf + len, size - len, "%s%s",
				i > from ? "/" : "", p->c[i]);
}

/*
 * The relative target of a link in directory @dir to @target, as sysfs
 * makes it: up from @dir to the first ancestor of @target's parent.
 */
static void link_target(const struct sysfs_path *dir,
			const struct sysfs_path *target, char *buf,
			size_t size)
{
	size_t len = 0;
	int k = 0, i;

	while (k < dir->n && k < target->n - 1 &&
	       !strcmp(dir->c[k], target->c[k]))
		k++;
	buf[0] = '\0';
	for (i = k; i < dir->n && len < size; i++)
		len += snprintf(buf + len, size - len, "../");
	if (len < size)
		path_str(target, k, buf + len, size - len);
}

/*
 * Entries are made in their real directory @dir; @shown is where the
 * printed view lists them (a channel's through /sys/class/dma).
 */
struct sysfs_emit {
	int (*attr)(struct sysfs_emit *e, const struct sysfs_path *dir,
		    const struct sysfs_path *shown, const char *name,
		    const char *value);
	int (*link)(struct sysfs_emit *e, const struct sysfs_path *dir,
		    const struct sysfs_path *shown, const char *name,
		    const char *target);
	FILE *out;
	const char *root;
};

static int emit_link_to(struct sysfs_emit *e, const struct sysfs_path *dir,
			const struct sysfs_path *shown, const char *name,
			const struct sysfs_path *target)
{
	char buf[SYSFS_PATH_MAX];

	link_target(dir, target, buf, sizeof(buf));
	return e->link(e, dir, shown, name, buf);
}

static int emit_chan(struct sysfs_emit *e, struct dma_device *dma_dev,
		     struct dma_chan *chan)
{
	struct sysfs_path class = { { "class", "dma" }, 2 };
	struct sysfs_path cdir = class, real, devp, slave;
	unsigned long count, bytes;
	char val[32];
	int ret;

	if (dev_path(dma_dev->dev, &devp))
		return -ENAMETOOLONG;
	real = devp;
	if (path_push(&real, "dma") || path_push(&real, dma_chan_name(chan)) ||
	    path_push(&cdir, dma_chan_name(chan)))
		return -ENAMETOOLONG;
	ret = emit_link_to(e, &class, &class, dma_chan_name(chan), &real);
	if (ret)
		return ret;

	dmaengine_chan_stats(chan, &count, &bytes);
	snprintf(val, sizeof(val), "%lu\n", bytes);
	ret = e->attr(e, &real, &cdir, "bytes_transferred", val);
	if (!ret)
		ret = emit_link_to(e, &real, &cdir, "device", &devp);
	snprintf(val, sizeof(val), "%d\n", chan->client_count);
	if (!ret)
		ret = e->attr(e, &real, &cdir, "in_use", val);
	snprintf(val, sizeof(val), "%lu\n", count);
	if (!ret)
		ret = e->attr(e, &real, &cdir, "memcpy_count", val);
	if (ret || !chan->slave)
		return ret;

	if (dev_path(chan->slave, &slave))
		return -ENAMETOOLONG;
	ret = emit_link_to(e, &real, &cdir, "slave", &slave);
	if (!ret && chan->name)
		ret = emit_link_to(e, &slave, &slave, chan->name, &real);
	return ret;
}

static int emit_device(struct dma_device *dma_dev, void *data)
{
	struct dma_chan *chan;
	int ret = 0;

	list_for_each_entry(chan, &dma_dev->channels, device_node) {
		ret = emit_chan(data, dma_dev, chan);
		if (ret)
			break;
	}
	return ret;
}

/* --- printed --- */

static int print_attr(struct sysfs_emit *e, const struct sysfs_path *dir,
		      const struct sysfs_path *shown, const char *name,
		      const char *value)
{
	char buf[SYSFS_PATH_MAX];

	path_str(shown, 0, buf, sizeof(buf));
	fprintf(e->out, "/sys/%s/%s:%s", buf, name, value);
	return 0;
}

static int print_link(struct sysfs_emit *e, const struct sysfs_path *dir,
		      const struct sysfs_path *shown, const char *name,
		      const char *target)
{
	char buf[SYSFS_PATH_MAX];

	path_str(shown, 0, buf, sizeof(buf));
	fprintf(e->out, "/sys/%s/%s -> %s\n", buf, name, target);
	return 0;
}

int dmakit_dump_sysfs(FILE *f)
{
	struct sysfs_emit e = { .attr = print_attr, .link = print_link,
				.out = f };
	int ret = dmaengine_for_each_device(emit_device, &e);

	fflush(f);
	return ret;
}

/* --- written out --- */

static int mkdirs(const char *root, const struct sysfs_path *dir, char *buf,
		  size_t size)
{
	size_t len = snprintf(buf, size, "%s", root);
	int i;

	if (mkdir(buf, 0755) && errno != EEXIST)
		return -errno;
	for (i = 0; i < dir->n; i++) {
		len += snprintf(buf + len, size - len, "/%s", dir->c[i]);
		if (len >= size)
			return -ENAMETOOLONG;
		if (mkdir(buf, 0755) && errno != EEXIST)
			return -errno;
	}
	return 0;
}

static int entry_path(struct sysfs_emit *e, const struct sysfs_path *dir,
		      const char *name, char *buf, size_t size)
{
	size_t len;
	int ret = mkdirs(e->root, dir, buf, size);

	if (ret)
		return ret;
	len = strlen(buf);
	if ((size_t)snprintf(buf + len, size - len, "/%s", name) >= size - len)
		return -ENAMETOOLONG;
	if (unlink(buf) && errno != ENOENT)
		return -errno;
	return 0;
}

static int write_attr(struct sysfs_emit *e, const struct sysfs_path *dir,
		      const struct sysfs_path *shown, const char *name,
		      const char *value)
{
	char buf[SYSFS_PATH_MAX];
	FILE *f;
	int ret = entry_path(e, dir, name, buf, sizeof(buf));

	if (ret)
		return ret;
	f = fopen(buf, "w");
	if (!f)
		return -errno;
	fputs(value, f);
	return fclose(f) ? -errno : 0;
}

static int write_link(struct sysfs_emit *e, const struct sysfs_path *dir,
		      const struct sysfs_path *shown, const char *name,
		      const char *target)
{
	char buf[SYSFS_PATH_MAX];
	int ret = entry_path(e, dir, name, buf, sizeof(buf));

	if (ret)
		return ret;
	return symlink(target, buf) ? -errno : 0;
}

int dmakit_write_sysfs(const char *dir)
{
	struct sysfs_emit e = { .attr = write_attr, .link = write_link,
				.root = dir };
	int ret;

	if (!dir || !*dir)
		return -EINVAL;
	ret = dmaengine_for_each_device(emit_device, &e);
	if (ret)
		pr_err("dmakit: cannot write the sysfs view under %s: %d\n",
		       dir, ret);
	return ret;
}
