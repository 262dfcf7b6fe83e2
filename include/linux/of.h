/* SPDX-License-Identifier: GPL-2.0+ */
/*
 * The device tree (drivers/of): the unflattened tree of struct
 * device_node and its struct property lists, built at boot from the
 * board's flattened tree (libfdt) and read-only afterwards.
 *
 * As in the kernel, full_name is the node's own name with its unit
 * address ("dma-controller@1000000"); the path ("/soc/dma-controller@
 * 1000000", what the kernel prints with %pOF) is of_node_path().
 * Lookups return a counted reference: drop it with of_node_put().
 */
#ifndef _DMAKIT_LINUX_OF_H
#define _DMAKIT_LINUX_OF_H

#include <dmakit/kernel.h>
#include <linux/fwnode.h>
#include <linux/kref.h>
#include <linux/mod_devicetable.h>
#include <linux/property.h>

#ifndef be32_to_cpup
static inline u32 be32_to_cpup(const __be32 *p)
{
	return be32_to_cpu(*p);
}
#define be32_to_cpup be32_to_cpup
#endif

typedef u32 phandle;
typedef u32 ihandle;

struct property {
	char *name;
	int length;
	void *value;		/* big-endian cells, as in the blob */
	struct property *next;
	unsigned long _flags;
};

struct device_node {
	const char *name;	/* without the unit address */
	phandle phandle;
	const char *full_name;	/* name@unit */
	struct fwnode_handle fwnode;

	struct property *properties;
	struct device_node *parent;
	struct device_node *child;
	struct device_node *sibling;
	unsigned long _flags;
	void *data;

	/* dmakit */
	struct kref kref;
	int fdt_offset;		/* offset of the node in the board's blob */
	char *path;		/* full path, for messages */
	struct device_node *allnext;	/* depth-first order */
};

#define MAX_PHANDLE_ARGS 16
struct of_phandle_args {
	struct device_node *np;
	int args_count;
	u32 args[MAX_PHANDLE_ARGS];
};

/* _flags bits */
#define OF_DYNAMIC		1
#define OF_DETACHED		2
#define OF_POPULATED		3
#define OF_POPULATED_BUS	4
#define OF_DMAKIT_NO_MODEL	30	/* its model failed: not populated */

#define OF_BAD_ADDR	((u64)-1)

/* The root of the booted board's tree (NULL before boot). */
extern struct device_node *of_root;

static inline int of_node_check_flag(const struct device_node *n,
				     unsigned long flag)
{
	return test_bit(flag, &n->_flags);
}

static inline int of_node_test_and_set_flag(struct device_node *n,
					    unsigned long flag)
{
	return test_and_set_bit(flag, &n->_flags);
}

static inline void of_node_set_flag(struct device_node *n, unsigned long flag)
{
	set_bit(flag, &n->_flags);
}

static inline void of_node_clear_flag(struct device_node *n, unsigned long flag)
{
	clear_bit(flag, &n->_flags);
}

static inline const char *of_node_full_name(const struct device_node *np)
{
	return np ? np->full_name : "<no-node>";
}

/* The node's path ("/soc/serial@10000000"): the kernel's %pOF. */
static inline const char *of_node_path(const struct device_node *np)
{
	return np ? np->path : "<no-node>";
}

static inline struct fwnode_handle *of_fwnode_handle(struct device_node *np)
{
	return np ? &np->fwnode : NULL;
}

#define to_of_node(__fwnode) \
	((__fwnode) ? container_of(__fwnode, struct device_node, fwnode) : NULL)

static inline bool is_of_node(const struct fwnode_handle *fwnode)
{
	return fwnode != NULL;
}

struct device_node *of_node_get(struct device_node *node);
void of_node_put(struct device_node *node);

bool of_node_name_eq(const struct device_node *np, const char *name);
bool of_node_name_prefix(const struct device_node *np, const char *prefix);

struct device_node *of_find_all_nodes(struct device_node *prev);
struct device_node *of_find_node_by_name(struct device_node *from,
					 const char *name);
struct device_node *of_find_node_by_type(struct device_node *from,
					 const char *type);
struct device_node *of_find_compatible_node(struct device_node *from,
					    const char *type,
					    const char *compat);
struct device_node *of_find_matching_node_and_match(struct device_node *from,
					const struct of_device_id *matches,
					const struct of_device_id **match);
struct device_node *of_find_node_opts_by_path(const char *path,
					      const char **opts);
static inline struct device_node *of_find_node_by_path(const char *path)
{
	return of_find_node_opts_by_path(path, NULL);
}
struct device_node *of_find_node_by_phandle(phandle handle);
struct device_node *of_find_node_with_property(struct device_node *from,
					       const char *prop_name);

struct device_node *of_get_parent(const struct device_node *node);
struct device_node *of_get_next_parent(struct device_node *node);
struct device_node *of_get_next_child(const struct device_node *node,
				      struct device_node *prev);
struct device_node *of_get_next_available_child(const struct device_node *node,
						struct device_node *prev);
struct device_node *of_get_child_by_name(const struct device_node *node,
					 const char *name);
int of_get_child_count(const struct device_node *np);
int of_get_available_child_count(const struct device_node *np);

struct property *of_find_property(const struct device_node *np,
				  const char *name, int *lenp);
const void *of_get_property(const struct device_node *node, const char *name,
			    int *lenp);

static inline bool of_property_present(const struct device_node *np,
				       const char *propname)
{
	return of_find_property(np, propname, NULL) != NULL;
}

static inline bool of_property_read_bool(const struct device_node *np,
					 const char *propname)
{
	return of_property_present(np, propname);
}

int of_property_count_elems_of_size(const struct device_node *np,
				    const char *propname, int elem_size);
int of_property_read_u32_index(const struct device_node *np,
			       const char *propname, u32 index, u32 *out_value);
int of_property_read_u64_index(const struct device_node *np,
			       const char *propname, u32 index, u64 *out_value);
int of_property_read_variable_u8_array(const struct device_node *np,
				       const char *propname, u8 *out_values,
				       size_t sz_min, size_t sz_max);
int of_property_read_variable_u16_array(const struct device_node *np,
					const char *propname, u16 *out_values,
					size_t sz_min, size_t sz_max);
int of_property_read_variable_u32_array(const struct device_node *np,
					const char *propname, u32 *out_values,
					size_t sz_min, size_t sz_max);
int of_property_read_variable_u64_array(const struct device_node *np,
					const char *propname, u64 *out_values,
					size_t sz_min, size_t sz_max);
int of_property_read_u64(const struct device_node *np, const char *propname,
			 u64 *out_value);
int of_property_read_string(const struct device_node *np, const char *propname,
			    const char **out_string);
int of_property_match_string(const struct device_node *np,
			     const char *propname, const char *string);
int of_property_read_string_helper(const struct device_node *np,
				   const char *propname, const char **out_strs,
				   size_t sz, int index);

#define __OF_READ_ARRAY(bits)						\
static inline int of_property_read_u##bits##_array(			\
	const struct device_node *np, const char *propname,		\
	u##bits *out_values, size_t sz)					\
{									\
	int ret = of_property_read_variable_u##bits##_array(np, propname, \
							out_values, sz, 0); \
	return ret >= 0 ? 0 : ret;					\
}
__OF_READ_ARRAY(8)
__OF_READ_ARRAY(16)
__OF_READ_ARRAY(32)
__OF_READ_ARRAY(64)
#undef __OF_READ_ARRAY

static inline int of_property_read_u8(const struct device_node *np,
				      const char *propname, u8 *out_value)
{
	return of_property_read_u8_array(np, propname, out_value, 1);
}

static inline int of_property_read_u16(const struct device_node *np,
				       const char *propname, u16 *out_value)
{
	return of_property_read_u16_array(np, propname, out_value, 1);
}

static inline int of_property_read_u32(const struct device_node *np,
				       const char *propname, u32 *out_value)
{
	return of_property_read_u32_array(np, propname, out_value, 1);
}

static inline int of_property_read_s32(const struct device_node *np,
				       const char *propname, s32 *out_value)
{
	return of_property_read_u32(np, propname, (u32 *)out_value);
}

static inline int of_property_read_string_array(const struct device_node *np,
						const char *propname,
						const char **out_strs,
						size_t sz)
{
	return of_property_read_string_helper(np, propname, out_strs, sz, 0);
}

static inline int of_property_count_strings(const struct device_node *np,
					    const char *propname)
{
	return of_property_read_string_helper(np, propname, NULL, 0, 0);
}

static inline int of_property_read_string_index(const struct device_node *np,
						const char *propname,
						int index, const char **output)
{
	int rc = of_property_read_string_helper(np, propname, output, 1, index);

	return rc < 0 ? rc : 0;
}

static inline int of_property_count_u8_elems(const struct device_node *np,
					     const char *propname)
{
	return of_property_count_elems_of_size(np, propname, sizeof(u8));
}

static inline int of_property_count_u16_elems(const struct device_node *np,
					      const char *propname)
{
	return of_property_count_elems_of_size(np, propname, sizeof(u16));
}

static inline int of_property_count_u32_elems(const struct device_node *np,
					      const char *propname)
{
	return of_property_count_elems_of_size(np, propname, sizeof(u32));
}

static inline int of_property_count_u64_elems(const struct device_node *np,
					      const char *propname)
{
	return of_property_count_elems_of_size(np, propname, sizeof(u64));
}

int of_device_is_compatible(const struct device_node *device,
			    const char *compat);
int of_device_compatible_match(const struct device_node *device,
			       const char *const *compat);
bool of_device_is_available(const struct device_node *device);
bool of_device_is_big_endian(const struct device_node *device);
const struct of_device_id *of_match_node(const struct of_device_id *matches,
					 const struct device_node *node);
int of_modalias_node(struct device_node *node, char *modalias, int len);

int of_n_addr_cells(struct device_node *np);
int of_n_size_cells(struct device_node *np);
static inline u64 of_read_number(const __be32 *cell, int size)
{
	u64 r = 0;

	for (; size--; cell++)
		r = (r << 32) | be32_to_cpu(*cell);
	return r;
}

struct device_node *of_parse_phandle(const struct device_node *np,
				     const char *phandle_name, int index);
int of_parse_phandle_with_args(const struct device_node *np,
			       const char *list_name, const char *cells_name,
			       int index, struct of_phandle_args *out_args);
int of_parse_phandle_with_fixed_args(const struct device_node *np,
				     const char *list_name, int cell_count,
				     int index, struct of_phandle_args *out_args);
int of_parse_phandle_with_optional_args(const struct device_node *np,
					const char *list_name,
					const char *cells_name, int index,
					struct of_phandle_args *out_args);
int of_count_phandle_with_args(const struct device_node *np,
			       const char *list_name, const char *cells_name);

int of_alias_get_id(struct device_node *np, const char *stem);

#define for_each_of_allnodes_from(from, dn) \
	for (dn = of_find_all_nodes(from); dn; dn = of_find_all_nodes(dn))
#define for_each_of_allnodes(dn) for_each_of_allnodes_from(NULL, dn)
#define for_each_node_by_name(dn, name) \
	for (dn = of_find_node_by_name(NULL, name); dn; \
	     dn = of_find_node_by_name(dn, name))
#define for_each_compatible_node(dn, type, compatible) \
	for (dn = of_find_compatible_node(NULL, type, compatible); dn; \
	     dn = of_find_compatible_node(dn, type, compatible))
#define for_each_matching_node_and_match(dn, matches, match) \
	for (dn = of_find_matching_node_and_match(NULL, matches, match); \
	     dn; dn = of_find_matching_node_and_match(dn, matches, match))
#define for_each_child_of_node(parent, child) \
	for (child = of_get_next_child(parent, NULL); child != NULL; \
	     child = of_get_next_child(parent, child))
#define for_each_available_child_of_node(parent, child) \
	for (child = of_get_next_available_child(parent, NULL); child != NULL; \
	     child = of_get_next_available_child(parent, child))
#define for_each_property_of_node(dn, pp) \
	for (pp = dn->properties; pp != NULL; pp = pp->next)

/* Walk a u32 list property: for each value @u of @propname. */
const __be32 *of_prop_next_u32(struct property *prop, const __be32 *cur,
			       u32 *pu);
const char *of_prop_next_string(struct property *prop, const char *cur);
#define of_property_for_each_u32(np, propname, prop, p, u)	\
	for (prop = of_find_property(np, propname, NULL),	\
		p = of_prop_next_u32(prop, NULL, &u);		\
		p;						\
		p = of_prop_next_u32(prop, p, &u))
#define of_property_for_each_string(np, propname, prop, s)	\
	for (prop = of_find_property(np, propname, NULL),	\
		s = of_prop_next_string(prop, NULL);		\
		s;						\
		s = of_prop_next_string(prop, s))

#endif
