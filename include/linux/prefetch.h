/* SPDX-License-Identifier: GPL-2.0 */
/* Cache prefetch hints (the kernel's <linux/prefetch.h>). */
#ifndef _DMAKIT_LINUX_PREFETCH_H
#define _DMAKIT_LINUX_PREFETCH_H

#define prefetch(x)	__builtin_prefetch(x)
#define prefetchw(x)	__builtin_prefetch(x, 1)

#endif
