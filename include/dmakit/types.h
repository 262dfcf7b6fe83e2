/* SPDX-License-Identifier: GPL-2.0 */
/*
 * dmakit/types.h - the kernel's basic types for the hosted runtime.
 *
 * The kernel gets these from <linux/types.h>; that name belongs to the
 * user-space API headers in /usr/include/linux, which dmakit must not
 * shadow.  So every dmakit <linux/...> header includes this one instead.
 */
#ifndef _DMAKIT_TYPES_H
#define _DMAKIT_TYPES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include <linux/types.h>	/* __u32, __le32, ... from the UAPI */

typedef uint8_t u8;
typedef uint16_t u16;
typedef uint32_t u32;
typedef uint64_t u64;
typedef int8_t s8;
typedef int16_t s16;
typedef int32_t s32;
typedef int64_t s64;

typedef u64 dma_addr_t;
typedef u64 phys_addr_t;
typedef u64 resource_size_t;
typedef unsigned int gfp_t;
typedef unsigned int fmode_t;
typedef unsigned long irq_hw_number_t;

#ifndef __iomem
#define __iomem
#endif
#ifndef __percpu
#define __percpu
#endif
#ifndef __rcu
#define __rcu
#endif
#ifndef __user
#define __user
#endif
#ifndef __force
#define __force
#endif
#ifndef __must_check
#define __must_check __attribute__((warn_unused_result))
#endif
#ifndef __packed
#define __packed __attribute__((packed))
#endif
#ifndef __aligned
#define __aligned(x) __attribute__((aligned(x)))
#endif
#ifndef __always_inline
#define __always_inline inline __attribute__((always_inline))
#endif
#ifndef __maybe_unused
#define __maybe_unused __attribute__((unused))
#endif
#ifndef __printf
#define __printf(a, b) __attribute__((format(printf, a, b)))
#endif
#ifndef __cold
#define __cold __attribute__((cold))
#endif
#ifndef noinline
#define noinline __attribute__((noinline))
#endif
#ifndef __deprecated
#define __deprecated
#endif
#ifndef fallthrough
#define fallthrough __attribute__((fallthrough))
#endif

#endif /* _DMAKIT_TYPES_H */
