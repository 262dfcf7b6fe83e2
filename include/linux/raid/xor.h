/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/raid/xor.h - block XOR (the kernel's crypto/xor.c API).
 *
 * Differences from the kernel: any byte count and any alignment are
 * accepted, the template is chosen by CPU feature rather than timed at
 * boot (DMAKIT_NO_AVX2=1 in the environment hides the AVX2 template),
 * and dmakit adds byte-granular helpers for the software DMA
 * engine: xor_gen() (DMA_XOR) and xor_check_zero() (DMA_XOR_VAL).
 */
#ifndef _XOR_H
#define _XOR_H

#include <dmakit/types.h>

#define MAX_XOR_BLOCKS 4

/**
 * xor_blocks() - dest ^= srcs[0] ^ ... ^ srcs[src_count-1]
 * @src_count: 1 .. MAX_XOR_BLOCKS
 * @bytes:     length of every block
 * @dest:      accumulator; also a source
 * @srcs:      the other sources
 */
extern void xor_blocks(unsigned int count, unsigned int bytes, void *dest,
		       void **srcs);

struct xor_block_template {
	struct xor_block_template *next;
	const char *name;
	int speed;
	void (*do_2)(unsigned long, unsigned long * __restrict,
		     const unsigned long * __restrict);
	void (*do_3)(unsigned long, unsigned long * __restrict,
		     const unsigned long * __restrict,
		     const unsigned long * __restrict);
	void (*do_4)(unsigned long, unsigned long * __restrict,
		     const unsigned long * __restrict,
		     const unsigned long * __restrict,
		     const unsigned long * __restrict);
	void (*do_5)(unsigned long, unsigned long * __restrict,
		     const unsigned long * __restrict,
		     const unsigned long * __restrict,
		     const unsigned long * __restrict,
		     const unsigned long * __restrict);
};

/* Portable: eight unsigned long accumulators per pass */
extern struct xor_block_template xor_block_8regs;
/* x86 AVX2: four ymm accumulators per pass */
extern struct xor_block_template xor_block_avx2;

/* dmakit: every compiled-in template, best first, NULL-terminated */
extern struct xor_block_template *const xor_block_templates[];

/**
 * xor_template_usable() - can this CPU run @tmpl?
 */
bool xor_template_usable(const struct xor_block_template *tmpl);

/**
 * xor_select_template() - choose the template xor_blocks() uses
 * @tmpl: a template, or NULL for the best usable one (done at load time)
 *
 * Not to be called while XOR operations are in flight.
 * Return: 0, or -ENODEV if @tmpl cannot run on this CPU.
 */
int xor_select_template(struct xor_block_template *tmpl);

/**
 * xor_active_template() - the template xor_blocks() currently uses
 */
struct xor_block_template *xor_active_template(void);

/**
 * xor_gen() - byte-granular XOR of any number of sources
 * @dst:     destination; may be identical to srcs[0], must not otherwise
 *	     overlap a source
 * @srcs:    sources, any alignment
 * @src_cnt: number of sources (>= 0, no upper limit)
 * @len:     bytes, any value
 * @dst_is_src: if true, dst ^= srcs[0] ^ ...; else dst = srcs[0] ^ ...
 */
void xor_gen(u8 *dst, u8 **srcs, int src_cnt, size_t len, bool dst_is_src);

/**
 * xor_check_zero() - is the XOR of all sources zero? (DMA_XOR_VAL)
 * @srcs:    sources, any alignment; not written
 * @src_cnt: number of sources (0 gives true)
 * @len:     bytes, any value
 *
 * Return: true if srcs[0] ^ ... ^ srcs[src_cnt-1] is all zero bytes.
 */
bool xor_check_zero(u8 **srcs, int src_cnt, size_t len);

#endif /* _XOR_H */
