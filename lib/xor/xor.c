// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * lib/xor/xor.c - xor_blocks() and the dmakit byte-granular helpers.
 *
 * As on x86 in the kernel, the AVX2 template is used whenever the CPU has
 * AVX2 instead of timing every template at start-up.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "xor_int.h"

#if defined(__x86_64__) || defined(__i386__)
#define XOR_X86		1
#else
#define XOR_X86		0
#endif

#define XOR_GEN_CHUNK	4096	/* destination bytes kept hot at a time */
#define XOR_VAL_CHUNK	1024	/* scratch bytes in xor_check_zero() */

/* The template used by xor_blocks() */
static struct xor_block_template *active_template = &xor_block_8regs;

struct xor_block_template *const xor_block_templates[] = {
#if XOR_X86
	&xor_block_avx2,
#endif
	&xor_block_8regs,
	NULL
};

bool xor_template_usable(const struct xor_block_template *tmpl)
{
#if XOR_X86
	if (tmpl == &xor_block_avx2) {
		const char *no = getenv("DMAKIT_NO_AVX2");

		if (no && *no && strcmp(no, "0"))
			return false;
		__builtin_cpu_init();
		return __builtin_cpu_supports("avx2");
	}
#endif
	return tmpl == &xor_block_8regs;
}

int xor_select_template(struct xor_block_template *tmpl)
{
	int i;

	if (tmpl) {
		if (!xor_template_usable(tmpl))
			return -ENODEV;
		active_template = tmpl;
		return 0;
	}
	for (i = 0; xor_block_templates[i]; i++) {
		if (xor_template_usable(xor_block_templates[i])) {
			active_template = xor_block_templates[i];
			return 0;
		}
	}
	return -ENODEV;
}

struct xor_block_template *xor_active_template(void)
{
	return active_template;
}

static void __attribute__((constructor(101))) xor_init(void)
{
	xor_select_template(NULL);
}

/* dest ^= up to four sources */
static void xor_upto4(unsigned int src_count, unsigned long bytes,
		      void *dest, void *const *srcs)
{
	switch (src_count) {
	case 1:
		active_template->do_2(bytes, dest, srcs[0]);
		break;
	case 2:
		active_template->do_3(bytes, dest, srcs[0], srcs[1]);
		break;
	case 3:
		active_template->do_4(bytes, dest, srcs[0], srcs[1], srcs[2]);
		break;
	default:
		active_template->do_5(bytes, dest, srcs[0], srcs[1], srcs[2],
				      srcs[3]);
		break;
	}
}

/*
 * The kernel takes 1 .. MAX_XOR_BLOCKS sources; more are handled here in
 * groups of MAX_XOR_BLOCKS and 0 does nothing.
 */
void xor_blocks(unsigned int src_count, unsigned int bytes, void *dest,
		void **srcs)
{
	unsigned int i, n;

	for (i = 0; i < src_count; i += n) {
		n = src_count - i < MAX_XOR_BLOCKS ? src_count - i
						   : MAX_XOR_BLOCKS;
		xor_upto4(n, bytes, dest, srcs + i);
	}
}

/* d ^= srcs[first ..] + off over n bytes */
static void xor_srcs_at(u8 *d, u8 **srcs, int first, int src_cnt,
			size_t off, size_t n)
{
	void *s[MAX_XOR_BLOCKS];
	int i, k;

	for (i = first; i < src_cnt; i += k) {
		for (k = 0; k < MAX_XOR_BLOCKS && i + k < src_cnt; k++)
			s[k] = srcs[i + k] + off;
		xor_upto4(k, n, d, s);
	}
}

void xor_gen(u8 *dst, u8 **srcs, int src_cnt, size_t len, bool dst_is_src)
{
	size_t off, n;

	for (off = 0; off < len; off += n) {
		n = len - off < XOR_GEN_CHUNK ? len - off : XOR_GEN_CHUNK;
		if (dst_is_src) {
			xor_srcs_at(dst + off, srcs, 0, src_cnt, off, n);
			continue;
		}
		if (src_cnt == 0)
			memset(dst + off, 0, n);
		else if (dst != srcs[0])
			memcpy(dst + off, srcs[0] + off, n);
		xor_srcs_at(dst + off, srcs, 1, src_cnt, off, n);
	}
}

bool xor_check_zero(u8 **srcs, int src_cnt, size_t len)
{
	u8 buf[XOR_VAL_CHUNK] __aligned(32);
	size_t off, n;

	if (src_cnt <= 0)
		return true;
	for (off = 0; off < len; off += n) {
		n = len - off < XOR_VAL_CHUNK ? len - off : XOR_VAL_CHUNK;
		memcpy(buf, srcs[0] + off, n);
		xor_srcs_at(buf, srcs, 1, src_cnt, off, n);
		if (buf[0] || memcmp(buf, buf + 1, n - 1))
			return false;
	}
	return true;
}
