// SPDX-License-Identifier: GPL-2.0
/*
 * "reg" and "ranges" (drivers/of/address.c): a node's register windows,
 * translated bus by bus up to the root's (the CPU's) address space.
 */
#define pr_fmt(fmt) "OF: " fmt

#include <linux/io.h>
#include <linux/of_address.h>

#define OF_MAX_ADDR_CELLS	4
#define OF_CHECK_ADDR_COUNT(na)	((na) > 0 && (na) <= OF_MAX_ADDR_CELLS)
#define OF_CHECK_COUNTS(na, ns)	(OF_CHECK_ADDR_COUNT(na) && (ns) >= 0 && \
				 (ns) <= OF_MAX_ADDR_CELLS)

/* Translate @addr, on @bus's child address space, into @bus's parent's. */
static int translate_one(struct device_node *bus, u64 *addr, int na, int ns,
			 int pna)
{
	const __be32 *ranges;
	int rlen, rone;

	ranges = of_get_property(bus, "ranges", &rlen);
	if (!ranges)
		return -EINVAL;		/* no "ranges": not translatable */
	if (!rlen)
		return 0;		/* "ranges;": identity */
	rone = na + pna + ns;
	for (rlen /= 4; rlen >= rone; rlen -= rone, ranges += rone) {
		u64 cp = of_read_number(ranges, na);
		u64 pp = of_read_number(ranges + na, pna);
		u64 s = of_read_number(ranges + na + pna, ns);

		if (*addr >= cp && *addr - cp < s) {
			*addr = pp + (*addr - cp);
			return 0;
		}
	}
	return -EINVAL;
}

u64 of_translate_address(struct device_node *dev, const __be32 *in_addr)
{
	struct device_node *bus = dev->parent;
	int na, ns;
	u64 addr;

	if (!bus)
		return OF_BAD_ADDR;
	na = of_n_addr_cells(dev);
	ns = of_n_size_cells(dev);
	if (!OF_CHECK_COUNTS(na, ns)) {
		pr_err("Bad cell count for %s\n", of_node_path(dev));
		return OF_BAD_ADDR;
	}
	addr = of_read_number(in_addr, na);
	/* Walk up until the bus is the root. */
	while (bus->parent) {
		int pna = of_n_addr_cells(bus);
		int pns = of_n_size_cells(bus);

		if (!OF_CHECK_COUNTS(pna, pns)) {
			pr_err("Bad cell count for %s\n", of_node_path(bus));
			return OF_BAD_ADDR;
		}
		if (translate_one(bus, &addr, na, ns, pna)) {
			pr_debug("%s: no ranges on %s to translate through\n",
				 of_node_path(dev), of_node_path(bus));
			return OF_BAD_ADDR;
		}
		na = pna;
		ns = pns;
		bus = bus->parent;
	}
	return addr;
}

const __be32 *of_get_address(struct device_node *dev, int index, u64 *size,
			     unsigned int *flags)
{
	const __be32 *prop;
	int psize, onesize, i, na, ns;

	if (!dev->parent)
		return NULL;
	na = of_n_addr_cells(dev);
	ns = of_n_size_cells(dev);
	if (!OF_CHECK_ADDR_COUNT(na) || ns < 0 || ns > OF_MAX_ADDR_CELLS)
		return NULL;
	prop = of_get_property(dev, "reg", &psize);
	if (!prop)
		return NULL;
	psize /= 4;
	onesize = na + ns;
	for (i = 0; psize >= onesize; psize -= onesize, prop += onesize, i++)
		if (i == index) {
			if (size)
				*size = of_read_number(prop + na, ns);
			if (flags)
				*flags = IORESOURCE_MEM;
			return prop;
		}
	return NULL;
}

int of_address_count(struct device_node *np)
{
	int count = 0;

	while (of_get_address(np, count, NULL, NULL))
		count++;
	return count;
}

int of_address_to_resource(struct device_node *dev, int index,
			   struct resource *r)
{
	const char *name = NULL;
	const __be32 *addrp;
	unsigned int flags;
	u64 size, taddr;

	addrp = of_get_address(dev, index, &size, &flags);
	if (!addrp)
		return -EINVAL;
	of_property_read_string_index(dev, "reg-names", index, &name);
	taddr = of_translate_address(dev, addrp);
	if (taddr == OF_BAD_ADDR)
		return -EINVAL;
	memset(r, 0, sizeof(*r));
	r->start = taddr;
	r->end = taddr + size - 1;
	r->flags = flags;
	r->name = name ? name : dev->full_name;
	return 0;
}

void __iomem *of_iomap(struct device_node *np, int index)
{
	struct resource res;

	if (of_address_to_resource(np, index, &res))
		return NULL;
	return ioremap(res.start, resource_size(&res));
}
