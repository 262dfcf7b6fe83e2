// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * lib/raid6/int.c - portable integer RAID-6 syndrome routines.
 *
 * Works on unsigned long words, so each operation handles 4 or 8 bytes in
 * parallel ("SWAR").  Multiplying every byte of a word by {02} is a shift
 * with the carries masked off, xored with 0x1d in each byte whose top bit
 * was set.  Words are loaded with memcpy() so any alignment is fine; the
 * tail shorter than a word is done byte by byte.
 */
#include <limits.h>
#include "raid6.h"

typedef unsigned long unative_t;

#if ULONG_MAX > 0xffffffffUL
#define NSTRING		"64"
#else
#define NSTRING		"32"
#endif

#define NSIZE		sizeof(unative_t)
#define NBYTES(x)	((unative_t)(x) * (~(unative_t)0 / 0xff))

static inline unative_t ld(const u8 *p)
{
	unative_t v;

	memcpy(&v, p, sizeof(v));
	return v;
}

static inline void st(u8 *p, unative_t v)
{
	memcpy(p, &v, sizeof(v));
}

/* Every byte of v times {02} */
static inline unative_t mul2(unative_t v)
{
	unative_t hi = v & NBYTES(0x80);

	hi = (hi << 1) - (hi >> 7);	/* 0xff where the top bit was set */
	return ((v << 1) & NBYTES(0xfe)) ^ (hi & NBYTES(0x1d));
}

/*
 * Syndrome of @nw words per block starting at byte @d, nw a compile-time
 * constant after inlining.  Horner's rule from the highest data disk:
 * q = ((D_z0 * 2 + D_z0-1) * 2 + ...) + D_0.
 */
static __always_inline void int_gen_words(u8 **dptr, int z0, size_t d,
					  const int nw)
{
	unative_t wp[4], wq[4], wd;
	int z, i;

	for (i = 0; i < nw; i++)
		wp[i] = wq[i] = ld(dptr[z0] + d + i * NSIZE);
	for (z = z0 - 1; z >= 0; z--) {
		for (i = 0; i < nw; i++) {
			wd = ld(dptr[z] + d + i * NSIZE);
			wp[i] ^= wd;
			wq[i] = mul2(wq[i]) ^ wd;
		}
	}
	for (i = 0; i < nw; i++) {
		st(dptr[z0 + 1] + d + i * NSIZE, wp[i]);
		st(dptr[z0 + 2] + d + i * NSIZE, wq[i]);
	}
}

static void int_gen_bytes(u8 **dptr, int z0, size_t d, size_t end)
{
	int z;
	u8 wp, wq;

	for (; d < end; d++) {
		wp = wq = dptr[z0][d];
		for (z = z0 - 1; z >= 0; z--) {
			wp ^= dptr[z][d];
			wq = raid6_mul2(wq) ^ dptr[z][d];
		}
		dptr[z0 + 1][d] = wp;
		dptr[z0 + 2][d] = wq;
	}
}

void raid6_int_gen_range(int disks, size_t off, size_t bytes, void **ptrs)
{
	u8 **dptr = (u8 **)ptrs;
	size_t d = off, end = off + bytes;

	for (; end - d >= NSIZE; d += NSIZE)
		int_gen_words(dptr, disks - 3, d, 1);
	int_gen_bytes(dptr, disks - 3, d, end);
}

static __always_inline void int_gen_unrolled(int disks, size_t bytes,
					     void **ptrs, const int nw)
{
	u8 **dptr = (u8 **)ptrs;
	size_t d;

	for (d = 0; bytes - d >= nw * NSIZE; d += nw * NSIZE)
		int_gen_words(dptr, disks - 3, d, nw);
	raid6_int_gen_range(disks, d, bytes - d, ptrs);
}

/*
 * P ^= D_start ^ ... ^ D_stop, Q ^= sum g^z D_z for start <= z <= stop:
 * Horner from @stop down to @start, then keep doubling for the disks
 * below @start (their data does not take part).
 */
static __always_inline void int_xor_words(u8 **dptr, int disks, int start,
					  int stop, size_t d, const int nw)
{
	unative_t wp[4], wq[4], wd;
	int z, i;

	for (i = 0; i < nw; i++)
		wp[i] = wq[i] = ld(dptr[stop] + d + i * NSIZE);
	for (z = stop - 1; z >= start; z--) {
		for (i = 0; i < nw; i++) {
			wd = ld(dptr[z] + d + i * NSIZE);
			wp[i] ^= wd;
			wq[i] = mul2(wq[i]) ^ wd;
		}
	}
	for (z = start - 1; z >= 0; z--)
		for (i = 0; i < nw; i++)
			wq[i] = mul2(wq[i]);
	for (i = 0; i < nw; i++) {
		u8 *p = dptr[disks - 2] + d + i * NSIZE;
		u8 *q = dptr[disks - 1] + d + i * NSIZE;

		st(p, ld(p) ^ wp[i]);
		st(q, ld(q) ^ wq[i]);
	}
}

static void int_xor_bytes(u8 **dptr, int disks, int start, int stop,
			  size_t d, size_t end)
{
	int z;
	u8 wp, wq;

	for (; d < end; d++) {
		wp = wq = dptr[stop][d];
		for (z = stop - 1; z >= start; z--) {
			wp ^= dptr[z][d];
			wq = raid6_mul2(wq) ^ dptr[z][d];
		}
		for (z = start - 1; z >= 0; z--)
			wq = raid6_mul2(wq);
		dptr[disks - 2][d] ^= wp;
		dptr[disks - 1][d] ^= wq;
	}
}

void raid6_int_xor_range(int disks, int start, int stop, size_t off,
			 size_t bytes, void **ptrs)
{
	u8 **dptr = (u8 **)ptrs;
	size_t d = off, end = off + bytes;

	for (; end - d >= NSIZE; d += NSIZE)
		int_xor_words(dptr, disks, start, stop, d, 1);
	int_xor_bytes(dptr, disks, start, stop, d, end);
}

static __always_inline void int_xor_unrolled(int disks, int start, int stop,
					     size_t bytes, void **ptrs,
					     const int nw)
{
	u8 **dptr = (u8 **)ptrs;
	size_t d;

	for (d = 0; bytes - d >= nw * NSIZE; d += nw * NSIZE)
		int_xor_words(dptr, disks, start, stop, d, nw);
	raid6_int_xor_range(disks, start, stop, d, bytes - d, ptrs);
}

#define RAID6_INT(n, prio)						\
static void raid6_int##n##_gen_syndrome(int disks, size_t bytes,	\
					void **ptrs)			\
{									\
	int_gen_unrolled(disks, bytes, ptrs, n);			\
}									\
static void raid6_int##n##_xor_syndrome(int disks, int start, int stop,\
					size_t bytes, void **ptrs)	\
{									\
	int_xor_unrolled(disks, start, stop, bytes, ptrs, n);		\
}									\
const struct raid6_calls raid6_intx##n = {				\
	.gen_syndrome	= raid6_int##n##_gen_syndrome,			\
	.xor_syndrome	= raid6_int##n##_xor_syndrome,			\
	.valid		= NULL,		/* always valid */		\
	.name		= "int" NSTRING "x" #n,				\
	.priority	= prio,						\
}

RAID6_INT(1, 0);
RAID6_INT(2, 0);
RAID6_INT(4, 0);
