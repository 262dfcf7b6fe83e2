// SPDX-License-Identifier: GPL-2.0+
/*
 * The device tree API (drivers/of/base.c and property.c): finding
 * nodes, reading properties, phandles and matching.  The tree does not
 * change after boot, so walks take no lock; references are counted.
 */
#define pr_fmt(fmt) "OF: " fmt

#include <strings.h>
#include <linux/of.h>
#include <linux/of_device.h>
#include <linux/slab.h>
#include "of_private.h"

struct device_node *of_node_get(struct device_node *node)
{
	if (node)
		kref_get(&node->kref);
	return node;
}

static void of_node_release(struct kref *kref)
{
	struct device_node *np = container_of(kref, struct device_node, kref);

	/* Nodes from the blob live until shutdown frees the whole tree. */
	pr_err("ERROR: Bad of_node_put() on %s\n", np->path);
	kref_init(&np->kref);
}

void of_node_put(struct device_node *node)
{
	if (node)
		kref_put(&node->kref, of_node_release);
}

bool of_node_name_eq(const struct device_node *np, const char *name)
{
	return np && name && !strcmp(np->name, name);
}

bool of_node_name_prefix(const struct device_node *np, const char *prefix)
{
	return np && prefix && !strncmp(np->name, prefix, strlen(prefix));
}

struct property *of_find_property(const struct device_node *np,
				  const char *name, int *lenp)
{
	struct property *pp;

	if (!np || !name)
		return NULL;
	for (pp = np->properties; pp; pp = pp->next)
		if (!strcmp(pp->name, name)) {
			if (lenp)
				*lenp = pp->length;
			return pp;
		}
	return NULL;
}

const void *of_get_property(const struct device_node *np, const char *name,
			    int *lenp)
{
	struct property *pp = of_find_property(np, name, lenp);

	return pp ? pp->value : NULL;
}

/* --- walking the tree --- */

struct device_node *of_find_all_nodes(struct device_node *prev)
{
	struct device_node *np = prev ? prev->allnext : of_root;

	of_node_get(np);
	of_node_put(prev);
	return np;
}

struct device_node *of_get_parent(const struct device_node *node)
{
	return node ? of_node_get(node->parent) : NULL;
}

struct device_node *of_get_next_parent(struct device_node *node)
{
	struct device_node *parent = of_get_parent(node);

	of_node_put(node);
	return parent;
}

struct device_node *of_get_next_child(const struct device_node *node,
				      struct device_node *prev)
{
	struct device_node *next;

	if (!node)
		return NULL;
	next = prev ? prev->sibling : node->child;
	of_node_get(next);
	of_node_put(prev);
	return next;
}

struct device_node *of_get_next_available_child(const struct device_node *node,
						struct device_node *prev)
{
	struct device_node *next = prev;

	do {
		next = of_get_next_child(node, next);
	} while (next && !of_device_is_available(next));
	return next;
}

struct device_node *of_get_child_by_name(const struct device_node *node,
					 const char *name)
{
	struct device_node *child;

	for_each_child_of_node(node, child)
		if (of_node_name_eq(child, name))
			break;
	return child;
}

int of_get_child_count(const struct device_node *np)
{
	struct device_node *child;
	int num = 0;

	for_each_child_of_node(np, child)
		num++;
	return num;
}

int of_get_available_child_count(const struct device_node *np)
{
	struct device_node *child;
	int num = 0;

	for_each_available_child_of_node(np, child)
		num++;
	return num;
}

/* Next node after @from (exclusive; the root when NULL) satisfying @fn. */
static struct device_node *find_from(struct device_node *from,
				     bool (*fn)(struct device_node *np,
						const void *a, const void *b),
				     const void *a, const void *b)
{
	struct device_node *np = from ? from->allnext : of_root;

	for (; np; np = np->allnext)
		if (fn(np, a, b) && of_node_get(np))
			break;
	of_node_put(from);
	return np;
}

static bool match_name(struct device_node *np, const void *name,
		       const void *unused)
{
	return of_node_name_eq(np, name);
}

struct device_node *of_find_node_by_name(struct device_node *from,
					 const char *name)
{
	return find_from(from, match_name, name, NULL);
}

static bool match_type(struct device_node *np, const void *type,
		       const void *unused)
{
	const char *t = of_get_property(np, "device_type", NULL);

	return t && !strcmp(t, type);
}

struct device_node *of_find_node_by_type(struct device_node *from,
					 const char *type)
{
	return find_from(from, match_type, type, NULL);
}

static bool match_compat(struct device_node *np, const void *type,
			 const void *compat)
{
	if (type && !match_type(np, type, NULL))
		return false;
	return of_device_is_compatible(np, compat) > 0;
}

struct device_node *of_find_compatible_node(struct device_node *from,
					    const char *type,
					    const char *compat)
{
	return find_from(from, match_compat, type, compat);
}

static bool match_prop(struct device_node *np, const void *name,
		       const void *unused)
{
	return of_property_present(np, name);
}

struct device_node *of_find_node_with_property(struct device_node *from,
					       const char *prop_name)
{
	return find_from(from, match_prop, prop_name, NULL);
}

struct device_node *of_find_matching_node_and_match(struct device_node *from,
					const struct of_device_id *matches,
					const struct of_device_id **match)
{
	struct device_node *np = from ? from->allnext : of_root;
	const struct of_device_id *m = NULL;

	if (match)
		*match = NULL;
	for (; np; np = np->allnext) {
		m = of_match_node(matches, np);
		if (m) {
			of_node_get(np);
			if (match)
				*match = m;
			break;
		}
	}
	of_node_put(from);
	return np;
}

struct device_node *of_find_node_by_phandle(phandle handle)
{
	struct device_node *np;

	if (!handle)
		return NULL;
	for (np = of_root; np; np = np->allnext)
		if (np->phandle == handle)
			return of_node_get(np);
	return NULL;
}

/* A child of @parent named by path component [@s, @s + @len). */
static struct device_node *child_by_component(struct device_node *parent,
					      const char *s, size_t len)
{
	bool has_unit = memchr(s, '@', len) != NULL;
	struct device_node *child;

	for (child = parent->child; child; child = child->sibling) {
		const char *cmp = has_unit ? child->full_name : child->name;

		if (strlen(cmp) == len && !strncmp(cmp, s, len))
			return child;
	}
	return NULL;
}

static struct device_node *walk_path(struct device_node *np, const char *path,
				     const char *end)
{
	while (np && path < end) {
		size_t len;

		while (*path == '/')
			path++;
		len = strcspn(path, "/");
		if (path + len > end)
			len = end - path;
		if (!len)
			break;
		np = child_by_component(np, path, len);
		path += len;
	}
	return np;
}

struct device_node *of_find_node_opts_by_path(const char *path,
					      const char **opts)
{
	const char *separator, *end;
	struct device_node *np = NULL;

	if (!path || !of_root)
		return NULL;
	separator = strchr(path, ':');
	if (opts)
		*opts = separator ? separator + 1 : NULL;
	end = separator ? separator : path + strlen(path);
	if (path[0] == '/')
		return of_node_get(walk_path(of_root, path, end));

	/* An alias: "serial0" or "serial0/child". */
	{
		static const char aliases_path[] = "/aliases";
		size_t len = strcspn(path, "/");
		struct device_node *aliases;
		struct property *pp;

		if (len > (size_t)(end - path))
			len = end - path;
		aliases = walk_path(of_root, aliases_path,
				    aliases_path + sizeof(aliases_path) - 1);
		for (pp = aliases ? aliases->properties : NULL; pp; pp = pp->next) {
			if (strlen(pp->name) != len || strncmp(pp->name, path, len))
				continue;
			if (!pp->length ||
			    strnlen(pp->value, pp->length) >= (size_t)pp->length)
				return NULL;
			np = walk_path(of_root, pp->value,
				       (char *)pp->value + strlen(pp->value));
			break;
		}
		np = np ? walk_path(np, path + len, end) : NULL;
	}
	return of_node_get(np);
}

int of_alias_get_id(struct device_node *np, const char *stem)
{
	struct device_node *aliases = of_find_node_by_path("/aliases");
	struct property *pp;
	int id = -ENODEV;

	for (pp = aliases ? aliases->properties : NULL; pp; pp = pp->next) {
		size_t len = strlen(stem);
		struct device_node *target;
		unsigned int n;

		if (strncmp(pp->name, stem, len) || kstrtouint(pp->name + len, 10, &n))
			continue;
		target = of_find_node_by_path(pp->name);
		of_node_put(target);
		if (target == np) {
			id = (int)n;
			break;
		}
	}
	of_node_put(aliases);
	return id;
}

/* --- properties --- */

static void *of_find_property_value_of_size(const struct device_node *np,
					    const char *propname, u32 min,
					    u32 max, size_t *len)
{
	struct property *prop = of_find_property(np, propname, NULL);

	if (!prop)
		return ERR_PTR(-EINVAL);
	if (!prop->value)
		return ERR_PTR(-ENODATA);
	if ((u32)prop->length < min)
		return ERR_PTR(-EOVERFLOW);
	if (max && (u32)prop->length > max)
		return ERR_PTR(-EOVERFLOW);
	if (len)
		*len = prop->length;
	return prop->value;
}

int of_property_count_elems_of_size(const struct device_node *np,
				    const char *propname, int elem_size)
{
	struct property *prop = of_find_property(np, propname, NULL);

	if (!prop)
		return -EINVAL;
	if (!prop->value)
		return -ENODATA;
	if (prop->length % elem_size != 0) {
		pr_err("size of %s in node %s is not a multiple of %d\n",
		       propname, of_node_path(np), elem_size);
		return -EINVAL;
	}
	return prop->length / elem_size;
}

int of_property_read_u32_index(const struct device_node *np,
			       const char *propname, u32 index, u32 *out_value)
{
	const __be32 *val = of_find_property_value_of_size(np, propname,
					((index + 1) * sizeof(*out_value)),
					0, NULL);

	if (IS_ERR(val))
		return (int)PTR_ERR(val);
	*out_value = be32_to_cpu(val[index]);
	return 0;
}

int of_property_read_u64_index(const struct device_node *np,
			       const char *propname, u32 index, u64 *out_value)
{
	const __be32 *val = of_find_property_value_of_size(np, propname,
					((index + 1) * sizeof(*out_value)),
					0, NULL);

	if (IS_ERR(val))
		return (int)PTR_ERR(val);
	*out_value = of_read_number(val + index * 2, 2);
	return 0;
}

#define OF_VARIABLE_ARRAY(bits, load)					\
int of_property_read_variable_u##bits##_array(const struct device_node *np, \
		const char *propname, u##bits *out_values,		\
		size_t sz_min, size_t sz_max)				\
{									\
	size_t sz, count;						\
	const u8 *val = of_find_property_value_of_size(np, propname,	\
			(u32)(sz_min * sizeof(*out_values)),		\
			(u32)(sz_max * sizeof(*out_values)), &sz);	\
									\
	if (IS_ERR(val))						\
		return (int)PTR_ERR(val);				\
	if (!sz_max)							\
		sz = sz_min;						\
	else								\
		sz /= sizeof(*out_values);				\
	for (count = sz; count--; val += sizeof(*out_values))		\
		*out_values++ = load;					\
	return (int)sz;							\
}

OF_VARIABLE_ARRAY(8, *val)
OF_VARIABLE_ARRAY(16, (u16)(val[0] << 8 | val[1]))
OF_VARIABLE_ARRAY(32, be32_to_cpu(*(const __be32 *)val))
OF_VARIABLE_ARRAY(64, of_read_number((const __be32 *)val, 2))

int of_property_read_u64(const struct device_node *np, const char *propname,
			 u64 *out_value)
{
	const __be32 *val = of_find_property_value_of_size(np, propname,
						sizeof(*out_value), 0, NULL);

	if (IS_ERR(val))
		return (int)PTR_ERR(val);
	*out_value = of_read_number(val, 2);
	return 0;
}

int of_property_read_string(const struct device_node *np, const char *propname,
			    const char **out_string)
{
	const struct property *prop = of_find_property(np, propname, NULL);

	if (!prop)
		return -EINVAL;
	if (!prop->length)
		return -ENODATA;
	if (strnlen(prop->value, prop->length) >= (size_t)prop->length)
		return -EILSEQ;
	*out_string = prop->value;
	return 0;
}

int of_property_match_string(const struct device_node *np,
			     const char *propname, const char *string)
{
	const struct property *prop = of_find_property(np, propname, NULL);
	const char *p, *end;
	size_t l;
	int i;

	if (!string)
		return -EINVAL;
	if (!prop)
		return -EINVAL;
	if (!prop->value)
		return -ENODATA;
	p = prop->value;
	end = p + prop->length;
	for (i = 0; p < end; i++, p += l) {
		l = strnlen(p, end - p) + 1;
		if (p + l > end)
			return -EILSEQ;
		if (!strcmp(string, p))
			return i;
	}
	return -ENODATA;
}

int of_property_read_string_helper(const struct device_node *np,
				   const char *propname, const char **out_strs,
				   size_t sz, int skip)
{
	const struct property *prop = of_find_property(np, propname, NULL);
	const char *p, *end;
	size_t l;
	int i;

	if (!prop)
		return -EINVAL;
	if (!prop->value)
		return -ENODATA;
	p = prop->value;
	end = p + prop->length;
	for (i = 0; p < end && (!out_strs || i < skip + (int)sz); i++, p += l) {
		l = strnlen(p, end - p) + 1;
		if (p + l > end)
			return -EILSEQ;
		if (out_strs && i >= skip)
			*out_strs++ = p;
	}
	i -= skip;
	return i <= 0 ? -ENODATA : i;
}

const __be32 *of_prop_next_u32(struct property *prop, const __be32 *cur,
			       u32 *pu)
{
	const void *curv = cur;

	if (!prop)
		return NULL;
	if (!cur) {
		curv = prop->value;
		goto out_val;
	}
	curv += sizeof(*cur);
	if (curv >= prop->value + prop->length)
		return NULL;
out_val:
	if (prop->length < 4)
		return NULL;
	*pu = be32_to_cpup(curv);
	return curv;
}

const char *of_prop_next_string(struct property *prop, const char *cur)
{
	const void *curv = cur;

	if (!prop)
		return NULL;
	if (!cur)
		return prop->length ? prop->value : NULL;
	curv += strlen(cur) + 1;
	if (curv >= prop->value + prop->length)
		return NULL;
	return curv;
}

/* --- compatible, status, matching --- */

static int __of_device_is_compatible(const struct device_node *device,
				     const char *compat, const char *type,
				     const char *name)
{
	int index = 0, score = 0;

	if (compat && compat[0]) {
		const struct property *prop;
		const char *cp;

		prop = of_find_property(device, "compatible", NULL);
		for (cp = of_prop_next_string((struct property *)prop, NULL);
		     cp; cp = of_prop_next_string((struct property *)prop, cp),
		     index++) {
			if (!strcasecmp(cp, compat)) {
				score = INT_MAX / 2 - (index << 2);
				break;
			}
		}
		if (!score)
			return 0;
	}
	if (type && type[0]) {
		const char *t = of_get_property(device, "device_type", NULL);

		if (!t || strcasecmp(type, t))
			return 0;
		score += 2;
	}
	if (name && name[0]) {
		if (!of_node_name_eq(device, name))
			return 0;
		score++;
	}
	return score;
}

int of_device_is_compatible(const struct device_node *device,
			    const char *compat)
{
	return device ? __of_device_is_compatible(device, compat, NULL, NULL) : 0;
}

int of_device_compatible_match(const struct device_node *device,
			       const char *const *compat)
{
	int score = 0, tmp;

	if (!compat)
		return 0;
	for (; *compat; compat++) {
		tmp = of_device_is_compatible(device, *compat);
		if (tmp > score)
			score = tmp;
	}
	return score;
}

bool of_device_is_available(const struct device_node *device)
{
	const char *status;
	int statlen;

	if (!device)
		return false;
	status = of_get_property(device, "status", &statlen);
	if (!status)
		return true;
	if (statlen > 0 && strnlen(status, statlen) < (size_t)statlen &&
	    (!strcmp(status, "okay") || !strcmp(status, "ok")))
		return true;
	return false;
}

bool of_device_is_big_endian(const struct device_node *device)
{
	return of_property_read_bool(device, "big-endian");
}

const struct of_device_id *of_match_node(const struct of_device_id *matches,
					 const struct device_node *node)
{
	const struct of_device_id *best_match = NULL;
	int score, best_score = 0;

	if (!matches || !node)
		return NULL;
	for (; matches->name[0] || matches->type[0] || matches->compatible[0];
	     matches++) {
		score = __of_device_is_compatible(node, matches->compatible,
						  matches->type, matches->name);
		if (score > best_score) {
			best_match = matches;
			best_score = score;
		}
	}
	return best_match;
}

int of_modalias_node(struct device_node *node, char *modalias, int len)
{
	const char *compatible, *p;
	int cplen;

	compatible = of_get_property(node, "compatible", &cplen);
	if (!compatible || strlen(compatible) > (size_t)cplen)
		return -ENODEV;
	p = strchr(compatible, ',');
	strscpy(modalias, p ? p + 1 : compatible, len);
	return 0;
}

const struct of_device_id *of_match_device(const struct of_device_id *matches,
					   const struct device *dev)
{
	if (!matches || !dev || !dev->of_node)
		return NULL;
	return of_match_node(matches, dev->of_node);
}

const void *of_device_get_match_data(const struct device *dev)
{
	const struct of_device_id *match;

	if (!dev || !dev->driver)
		return NULL;
	match = of_match_device(dev->driver->of_match_table, dev);
	return match ? match->data : NULL;
}

/* --- addresses cells --- */

int of_n_addr_cells(struct device_node *np)
{
	u32 cells = 0;

	do {
		if (np->parent)
			np = np->parent;
		if (!of_property_read_u32(np, "#address-cells", &cells))
			return (int)cells;
	} while (np->parent);
	/* The devicetree specification's default for the root. */
	return 2;
}

int of_n_size_cells(struct device_node *np)
{
	u32 cells = 0;

	do {
		if (np->parent)
			np = np->parent;
		if (!of_property_read_u32(np, "#size-cells", &cells))
			return (int)cells;
	} while (np->parent);
	return 1;
}

/* --- phandles --- */

struct of_phandle_iterator {
	const char *list_name;	/* dmakit: for messages */
	const char *cells_name;
	int cell_count;
	const struct device_node *parent;
	const __be32 *list_end;
	const __be32 *phandle_end;
	const __be32 *cur;
	u32 cur_count;
	phandle phandle;
	struct device_node *node;
};

static int of_phandle_iterator_init(struct of_phandle_iterator *it,
				    const struct device_node *np,
				    const char *list_name,
				    const char *cells_name, int cell_count)
{
	const __be32 *list;
	int size;

	memset(it, 0, sizeof(*it));
	if (cell_count < 0 && !cells_name)
		return -EINVAL;
	list = of_get_property(np, list_name, &size);
	if (!list)
		return -ENOENT;
	it->list_name = list_name;
	it->cells_name = cells_name;
	it->cell_count = cell_count;
	it->parent = np;
	it->list_end = list + size / sizeof(*list);
	it->phandle_end = list;
	it->cur = list;
	return 0;
}

static int of_phandle_iterator_next(struct of_phandle_iterator *it)
{
	u32 count = 0;

	if (it->node) {
		of_node_put(it->node);
		it->node = NULL;
	}
	if (!it->cur || it->phandle_end >= it->list_end)
		return -ENOENT;
	it->cur = it->phandle_end;
	/* A phandle of 0 is an empty entry with no arguments. */
	it->phandle = be32_to_cpup(it->cur++);
	if (it->phandle) {
		it->node = of_find_node_by_phandle(it->phandle);
		if (it->cells_name) {
			if (!it->node) {
				pr_err("%s: could not find phandle %d in %s\n",
				       of_node_path(it->parent), it->phandle,
				       it->list_name);
				goto err;
			}
			if (of_property_read_u32(it->node, it->cells_name,
						 &count)) {
				if (it->cell_count >= 0) {
					count = it->cell_count;
				} else {
					pr_err("%s: could not get %s for %s in %s\n",
					       of_node_path(it->parent),
					       it->cells_name,
					       of_node_path(it->node),
					       it->list_name);
					goto err;
				}
			}
		} else {
			count = it->cell_count;
		}
		if (count > MAX_PHANDLE_ARGS) {
			pr_err("%s: %s = %u for %s exceeds %d in %s\n",
			       of_node_path(it->parent),
			       it->cells_name ?: "cell count", count,
			       of_node_path(it->node), MAX_PHANDLE_ARGS,
			       it->list_name);
			goto err;
		}
		if (it->cur + count > it->list_end) {
			if (it->cells_name)
				pr_err("%s: %s = %d found %td in %s\n",
				       of_node_path(it->parent), it->cells_name,
				       count, it->list_end - it->cur,
				       it->list_name);
			else
				pr_err("%s: phandle %s needs %d, found %td in %s\n",
				       of_node_path(it->parent),
				       of_node_full_name(it->node), count,
				       it->list_end - it->cur, it->list_name);
			goto err;
		}
	}
	it->phandle_end = it->cur + count;
	it->cur_count = count;
	return 0;
err:
	if (it->node) {
		of_node_put(it->node);
		it->node = NULL;
	}
	return -EINVAL;
}

static int __of_parse_phandle_with_args(const struct device_node *np,
					const char *list_name,
					const char *cells_name, int cell_count,
					int index, struct of_phandle_args *out_args)
{
	struct of_phandle_iterator it;
	int rc, cur_index = 0;

	if (index < 0)
		return -EINVAL;
	rc = of_phandle_iterator_init(&it, np, list_name, cells_name,
				      cell_count);
	if (rc)
		return rc;
	while ((rc = of_phandle_iterator_next(&it)) == 0) {
		if (cur_index == index) {
			if (!it.phandle)
				return -ENOENT;
			if (out_args) {
				u32 i;

				out_args->np = it.node;
				out_args->args_count = (int)it.cur_count;
				for (i = 0; i < it.cur_count; i++)
					out_args->args[i] =
						be32_to_cpup(it.cur + i);
			} else {
				of_node_put(it.node);
			}
			return 0;
		}
		cur_index++;
	}
	/* -ENOENT past the end, -EINVAL on a parse error (logged). */
	return rc;
}

struct device_node *of_parse_phandle(const struct device_node *np,
				     const char *phandle_name, int index)
{
	struct of_phandle_args args;

	if (__of_parse_phandle_with_args(np, phandle_name, NULL, 0, index,
					 &args))
		return NULL;
	return args.np;
}

int of_parse_phandle_with_args(const struct device_node *np,
			       const char *list_name, const char *cells_name,
			       int index, struct of_phandle_args *out_args)
{
	int cell_count = -1;

	/* If cells_name is NULL we assume a cell count of 0 */
	if (!cells_name)
		cell_count = 0;
	return __of_parse_phandle_with_args(np, list_name, cells_name,
					    cell_count, index, out_args);
}

int of_parse_phandle_with_fixed_args(const struct device_node *np,
				     const char *list_name, int cell_count,
				     int index, struct of_phandle_args *out_args)
{
	return __of_parse_phandle_with_args(np, list_name, NULL, cell_count,
					    index, out_args);
}

int of_parse_phandle_with_optional_args(const struct device_node *np,
					const char *list_name,
					const char *cells_name, int index,
					struct of_phandle_args *out_args)
{
	return __of_parse_phandle_with_args(np, list_name, cells_name, 0,
					    index, out_args);
}

int of_count_phandle_with_args(const struct device_node *np,
			       const char *list_name, const char *cells_name)
{
	struct of_phandle_iterator it;
	int rc, cur_index = 0;

	if (!cells_name) {
		const __be32 *list;
		int size;

		list = of_get_property(np, list_name, &size);
		if (!list)
			return -ENOENT;
		return size / sizeof(*list);
	}
	rc = of_phandle_iterator_init(&it, np, list_name, cells_name, -1);
	if (rc)
		return rc;
	while ((rc = of_phandle_iterator_next(&it)) == 0)
		cur_index += 1;
	if (rc != -ENOENT)
		return rc;
	return cur_index;
}
