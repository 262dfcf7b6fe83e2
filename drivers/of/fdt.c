// SPDX-License-Identifier: GPL-2.0+
/*
 * Unflatten the board's device tree blob (drivers/of/fdt.c), with
 * libfdt.  The blob is copied and kept until of_fdt_free(): property
 * names and values point into it.  Every structural error is reported
 * once, naming the node, and leaves no tree behind.
 */
#define pr_fmt(fmt) "OF: fdt: " fmt

#include <libfdt.h>
#include <linux/slab.h>
#include "of_private.h"

struct device_node *of_root;
static void *of_blob;

static void node_free(struct device_node *np)
{
	struct property *pp, *next;

	for (pp = np->properties; pp; pp = next) {
		next = pp->next;
		kfree(pp);
	}
	kfree(np->path);
	kfree(np->full_name);
	kfree(np->name);
	kfree(np);
}

static void tree_free(struct device_node *root)
{
	struct device_node *np = root, *next;

	while (np) {
		next = np->allnext;
		if (kref_read(&np->kref) != 1)
			pr_warn("%s: %u reference(s) still held at shutdown\n",
				np->path, kref_read(&np->kref) - 1);
		node_free(np);
		np = next;
	}
}

static int node_props(const void *fdt, struct device_node *np)
{
	struct property **tail = &np->properties;
	int off, len;

	fdt_for_each_property_offset(off, fdt, np->fdt_offset) {
		const char *name;
		const void *val = fdt_getprop_by_offset(fdt, off, &name, &len);
		struct property *pp;

		if (!val || !name) {
			pr_err("%s: bad property (%s)\n", np->path,
			       fdt_strerror(len));
			return -EINVAL;
		}
		pp = kzalloc(sizeof(*pp), GFP_KERNEL);
		if (!pp)
			return -ENOMEM;
		pp->name = (char *)name;
		pp->length = len;
		pp->value = (void *)val;
		*tail = pp;
		tail = &pp->next;
		if (!strcmp(name, "phandle") || !strcmp(name, "linux,phandle")) {
			if (len != 4) {
				pr_err("%s: property %s has %d bytes, not 4\n",
				       np->path, name, len);
				return -EINVAL;
			}
			np->phandle = be32_to_cpu(*(const __be32 *)val);
		}
	}
	if (off != -FDT_ERR_NOTFOUND) {
		pr_err("%s: bad property list (%s)\n", np->path,
		       fdt_strerror(off));
		return -EINVAL;
	}
	return 0;
}

static struct device_node *node_alloc(const void *fdt, int offset,
				      struct device_node *parent)
{
	struct device_node *np;
	const char *full;
	char *at;
	int len;

	full = fdt_get_name(fdt, offset, &len);
	if (!full) {
		pr_err("%s: node at offset %d has no name (%s)\n",
		       parent ? parent->path : "/", offset, fdt_strerror(len));
		return NULL;
	}
	np = kzalloc(sizeof(*np), GFP_KERNEL);
	if (!np)
		return NULL;
	kref_init(&np->kref);
	np->fdt_offset = offset;
	np->parent = parent;
	np->full_name = kstrdup(parent ? full : "/", GFP_KERNEL);
	if (!parent)
		np->path = kstrdup("/", GFP_KERNEL);
	else if (!parent->parent)
		np->path = kasprintf(GFP_KERNEL, "/%s", full);
	else
		np->path = kasprintf(GFP_KERNEL, "%s/%s", parent->path, full);
	np->name = kstrdup(parent ? full : "", GFP_KERNEL);
	if (!np->full_name || !np->path || !np->name) {
		node_free(np);
		return NULL;
	}
	at = strchr((char *)np->name, '@');
	if (at)
		*at = '\0';
	return np;
}

/* Depth-first: node @offset and its subtree; appends to *@tail. */
static int unflatten(const void *fdt, int offset, struct device_node *parent,
		     struct device_node ***tail, struct device_node **out,
		     int depth)
{
	struct device_node *np, **child_tail;
	int child, ret;

	if (depth > 64) {
		pr_err("%s: nesting deeper than 64 levels\n", parent->path);
		return -EINVAL;
	}
	np = node_alloc(fdt, offset, parent);
	if (!np)
		return -ENOMEM;
	**tail = np;
	*tail = &np->allnext;
	*out = np;
	ret = node_props(fdt, np);
	if (ret)
		return ret;
	child_tail = &np->child;
	fdt_for_each_subnode(child, fdt, offset) {
		struct device_node *cnp;

		ret = unflatten(fdt, child, np, tail, &cnp, depth + 1);
		if (ret)
			return ret;
		*child_tail = cnp;
		child_tail = &cnp->sibling;
	}
	if (child != -FDT_ERR_NOTFOUND) {
		pr_err("%s: bad structure block (%s)\n", np->path,
		       fdt_strerror(child));
		return -EINVAL;
	}
	return 0;
}

static int check_phandles(struct device_node *root)
{
	struct device_node *a, *b;

	for (a = root; a; a = a->allnext) {
		if (!a->phandle)
			continue;
		if (a->phandle == 0xffffffff) {
			pr_err("%s: property phandle has the reserved value -1\n",
			       a->path);
			return -EINVAL;
		}
		for (b = a->allnext; b; b = b->allnext)
			if (b->phandle == a->phandle) {
				pr_err("%s: property phandle 0x%x duplicates %s\n",
				       b->path, b->phandle, a->path);
				return -EINVAL;
			}
	}
	return 0;
}

int of_fdt_unflatten(const void *blob, size_t size, const char *origin)
{
	struct device_node *root = NULL, **tail = &root, *top;
	int ret;

	if (of_root)
		return -EBUSY;
	if (size < sizeof(struct fdt_header) || fdt_check_header(blob) ||
	    fdt_totalsize(blob) > size) {
		pr_err("%s: not a valid device tree blob (%s)\n", origin,
		       size < sizeof(struct fdt_header) ? "too short" :
		       fdt_check_header(blob) ?
		       fdt_strerror(fdt_check_header(blob)) : "truncated");
		return -EINVAL;
	}
	/*
	 * Versions before 16 (full-path node names, no size_dt_struct) are
	 * not what dtc has written for years, and the libfdt of Debian 12
	 * (1.6.1) dereferences NULL checking some of them (fuzz_dtb).
	 */
	if (fdt_version(blob) < 16) {
		pr_err("%s: device tree blob version %u not supported (at least 16)\n",
		       origin, fdt_version(blob));
		return -EINVAL;
	}
	of_blob = kmemdup(blob, fdt_totalsize(blob), GFP_KERNEL);
	if (!of_blob)
		return -ENOMEM;
	ret = fdt_check_full(of_blob, fdt_totalsize(of_blob));
	if (ret) {
		pr_err("%s: device tree blob is corrupt (%s)\n", origin,
		       fdt_strerror(ret));
		ret = -EINVAL;
		goto fail;
	}
	ret = unflatten(of_blob, 0, NULL, &tail, &top, 0);
	if (!ret)
		ret = check_phandles(root);
	if (ret)
		goto fail;
	of_root = root;
	return 0;
fail:
	tree_free(root);
	kfree(of_blob);
	of_blob = NULL;
	return ret;
}

void of_fdt_free(void)
{
	struct device_node *root = of_root;

	of_root = NULL;
	tree_free(root);
	kfree(of_blob);
	of_blob = NULL;
}
