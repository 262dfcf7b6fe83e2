/* SPDX-License-Identifier: GPL-2.0 */
/*
 * dmakit/soft-engine.h - the software engine's host-side kernels, for
 * tests and benchmarks (host API; the Linux module has none of this).
 */
#ifndef _DMAKIT_SOFT_ENGINE_H
#define _DMAKIT_SOFT_ENGINE_H

#include <stddef.h>

/* The non-temporal copy and fill kernels, or NULL without AVX2. */
void (*dmakit_soft_nt_copy(void))(void *dst, const void *src, size_t len);
void (*dmakit_soft_nt_fill(void))(void *dst, int value, size_t len);

#endif
