/* SPDX-License-Identifier: GPL-2.0 */
/*
 * lib/xor/xor_int.h - shared by the xor templates.
 */
#ifndef _LIB_XOR_XOR_INT_H
#define _LIB_XOR_XOR_INT_H

#include <linux/raid/xor.h>

/*
 * d ^= s[0] ^ ... ^ s[n-1] over @bytes bytes, n = 1..4, any alignment
 * and length; the portable code, also used for vector tails.
 */
void xor_8regs_n(unsigned long bytes, void *d, const void *const *s, int n);

#endif /* _LIB_XOR_XOR_INT_H */
