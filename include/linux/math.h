/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _DMAKIT_LINUX_MATH_H
#define _DMAKIT_LINUX_MATH_H

#define DIV_ROUND_UP(n, d)	(((n) + (d) - 1) / (d))
#define DIV_ROUND_UP_ULL(n, d)	DIV_ROUND_UP((unsigned long long)(n), (d))
#define DIV_ROUND_CLOSEST(x, d)	(((x) + ((d) / 2)) / (d))
#define round_up(x, y)		((((x) - 1) | ((typeof(x))((y) - 1))) + 1)
#define round_down(x, y)	((x) & ~((typeof(x))((y) - 1)))
#define roundup(x, y)		((((x) + ((y) - 1)) / (y)) * (y))
#define rounddown(x, y)		((x) - ((x) % (y)))
#define abs_diff(a, b)		((a) > (b) ? (a) - (b) : (b) - (a))

/* do_div: divides n in place, returns the remainder. */
#define do_div(n, base) ({					\
	unsigned int __base = (base);				\
	unsigned int __rem = (unsigned int)((n) % __base);	\
	(n) = (n) / __base;					\
	__rem; })

static inline unsigned long long div_u64(unsigned long long n, unsigned int d)
{
	return n / d;
}

static inline unsigned long long div64_u64(unsigned long long n,
					   unsigned long long d)
{
	return n / d;
}

#endif
