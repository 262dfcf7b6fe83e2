/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _DMAKIT_LINUX_BITMAP_H
#define _DMAKIT_LINUX_BITMAP_H

#include <string.h>
#include <linux/bits.h>
#include <linux/compiler.h>

#define DECLARE_BITMAP(name, bits) unsigned long name[BITS_TO_LONGS(bits)]
#define BITMAP_LAST_WORD_MASK(nbits) (~0UL >> (-(nbits) & (BITS_PER_LONG - 1)))

static inline void bitmap_zero(unsigned long *dst, unsigned int nbits)
{
	memset(dst, 0, BITS_TO_LONGS(nbits) * sizeof(unsigned long));
}

static inline void bitmap_fill(unsigned long *dst, unsigned int nbits)
{
	unsigned int n = BITS_TO_LONGS(nbits);

	memset(dst, 0xff, n * sizeof(unsigned long));
	if (n)
		dst[n - 1] &= BITMAP_LAST_WORD_MASK(nbits);
}

static inline void bitmap_copy(unsigned long *dst, const unsigned long *src,
			       unsigned int nbits)
{
	memcpy(dst, src, BITS_TO_LONGS(nbits) * sizeof(unsigned long));
}

static inline bool bitmap_and(unsigned long *dst, const unsigned long *a,
			      const unsigned long *b, unsigned int nbits)
{
	unsigned long res = 0;
	unsigned int k;

	for (k = 0; k < BITS_TO_LONGS(nbits); k++)
		res |= (dst[k] = a[k] & b[k]);
	return res != 0;
}

static inline void bitmap_or(unsigned long *dst, const unsigned long *a,
			     const unsigned long *b, unsigned int nbits)
{
	unsigned int k;

	for (k = 0; k < BITS_TO_LONGS(nbits); k++)
		dst[k] = a[k] | b[k];
}

static inline bool bitmap_equal(const unsigned long *a, const unsigned long *b,
				unsigned int nbits)
{
	unsigned int k, full = nbits / BITS_PER_LONG;

	for (k = 0; k < full; k++)
		if (a[k] != b[k])
			return false;
	if (nbits % BITS_PER_LONG)
		return !((a[k] ^ b[k]) & BITMAP_LAST_WORD_MASK(nbits));
	return true;
}

static inline bool bitmap_empty(const unsigned long *src, unsigned int nbits)
{
	unsigned int k, full = nbits / BITS_PER_LONG;

	for (k = 0; k < full; k++)
		if (src[k])
			return false;
	if (nbits % BITS_PER_LONG)
		return !(src[k] & BITMAP_LAST_WORD_MASK(nbits));
	return true;
}

static inline unsigned int bitmap_weight(const unsigned long *src, unsigned int nbits)
{
	unsigned int k, w = 0, full = nbits / BITS_PER_LONG;

	for (k = 0; k < full; k++)
		w += __builtin_popcountl(src[k]);
	if (nbits % BITS_PER_LONG)
		w += __builtin_popcountl(src[k] & BITMAP_LAST_WORD_MASK(nbits));
	return w;
}

static inline unsigned long __find_next(const unsigned long *addr,
					unsigned long size, unsigned long start,
					unsigned long invert)
{
	while (start < size) {
		unsigned long w = addr[BIT_WORD(start)] ^ invert;

		w &= ~0UL << (start & (BITS_PER_LONG - 1));
		if (w) {
			unsigned long bit = (start & ~(BITS_PER_LONG - 1)) +
					    __builtin_ctzl(w);
			return bit < size ? bit : size;
		}
		start = (start & ~(BITS_PER_LONG - 1)) + BITS_PER_LONG;
	}
	return size;
}

static inline unsigned long find_next_bit(const unsigned long *addr,
					  unsigned long size, unsigned long off)
{
	return __find_next(addr, size, off, 0);
}

static inline unsigned long find_next_zero_bit(const unsigned long *addr,
					       unsigned long size, unsigned long off)
{
	return __find_next(addr, size, off, ~0UL);
}

static inline unsigned long find_first_bit(const unsigned long *addr,
					   unsigned long size)
{
	return __find_next(addr, size, 0, 0);
}

static inline unsigned long find_first_zero_bit(const unsigned long *addr,
						unsigned long size)
{
	return __find_next(addr, size, 0, ~0UL);
}

#endif
