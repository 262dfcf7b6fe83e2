/* SPDX-License-Identifier: GPL-2.0 */
/*
 * dmakit/kernel.h - the base every dmakit <linux/...> header includes.
 *
 * It stands in for the kernel headers whose names the UAPI owns in
 * /usr/include/linux (kernel.h, types.h, module.h, sched.h, wait.h,
 * string.h, limits.h, random.h, ...): a driver that includes those gets
 * the UAPI file, and the kernel definitions arrive through this one.
 */
#ifndef _DMAKIT_KERNEL_H
#define _DMAKIT_KERNEL_H

#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <dmakit/types.h>
#include <dmakit/errno.h>
#include <linux/compiler.h>
#include <linux/stringify.h>
#include <linux/bits.h>
#include <linux/bitops.h>
#include <linux/minmax.h>
#include <linux/container_of.h>
#include <linux/err.h>
#include <linux/printk.h>
#include <linux/bug.h>
#include <linux/log2.h>
#include <linux/math.h>
#include <linux/align.h>
#include <linux/overflow.h>
#include <dmakit/module.h>
#include <linux/list.h>
#include <linux/atomic.h>
#include <linux/spinlock.h>
#include <linux/mutex.h>
#include <dmakit/sched.h>
#include <dmakit/wait.h>

#define ARRAY_SIZE(arr) (sizeof(arr) / sizeof((arr)[0]))
#define upper_32_bits(n) ((u32)(((n) >> 16) >> 16))
#define lower_32_bits(n) ((u32)((n) & 0xffffffff))
#define upper_16_bits(n) ((u16)((n) >> 16))
#define lower_16_bits(n) ((u16)((n) & 0xffff))

#define U8_MAX		((u8)~0U)
#define S8_MAX		((s8)(U8_MAX >> 1))
#define U16_MAX		((u16)~0U)
#define S16_MAX		((s16)(U16_MAX >> 1))
#define U32_MAX		((u32)~0U)
#define S32_MAX		((s32)(U32_MAX >> 1))
#define S32_MIN		((s32)(-S32_MAX - 1))
#define U64_MAX		((u64)~0ULL)
#define S64_MAX		((s64)(U64_MAX >> 1))
#define SIZE_MAX_K	(~(size_t)0)

/* Byte order: dmakit runs on little-endian hosts. */
#define cpu_to_le16(x)	((__le16)(u16)(x))
#define cpu_to_le32(x)	((__le32)(u32)(x))
#define cpu_to_le64(x)	((__le64)(u64)(x))
#define le16_to_cpu(x)	((u16)(__le16)(x))
#define le32_to_cpu(x)	((u32)(__le32)(x))
#define le64_to_cpu(x)	((u64)(__le64)(x))
#define cpu_to_be16(x)	((__be16)__builtin_bswap16(x))
#define cpu_to_be32(x)	((__be32)__builtin_bswap32(x))
#define cpu_to_be64(x)	((__be64)__builtin_bswap64(x))
#define be16_to_cpu(x)	__builtin_bswap16((u16)(x))
#define be32_to_cpu(x)	__builtin_bswap32((u32)(x))
#define be64_to_cpu(x)	__builtin_bswap64((u64)(x))

/* lib/string.c and lib/kstrtox.c */
ssize_t strscpy(char *dest, const char *src, size_t count);
char *strim(char *s);
char *skip_spaces(const char *str);
bool sysfs_streq(const char *s1, const char *s2);
int match_string(const char * const *array, size_t n, const char *string);
void *memchr_inv(const void *start, int c, size_t bytes);
int kstrtoull(const char *s, unsigned int base, unsigned long long *res);
int kstrtoll(const char *s, unsigned int base, long long *res);
int kstrtoul(const char *s, unsigned int base, unsigned long *res);
int kstrtol(const char *s, unsigned int base, long *res);
int kstrtouint(const char *s, unsigned int base, unsigned int *res);
int kstrtoint(const char *s, unsigned int base, int *res);
int kstrtobool(const char *s, bool *res);
__printf(3, 4) int scnprintf(char *buf, size_t size, const char *fmt, ...);

/* lib/random: a fast per-thread generator (not for cryptography). */
u32 get_random_u32(void);
u64 get_random_u64(void);
void get_random_bytes(void *buf, size_t len);
static inline u32 get_random_u32_below(u32 ceil)
{
	return (u32)(((u64)get_random_u32() * ceil) >> 32);
}
#define prandom_u32() get_random_u32()
#define prandom_u32_max(c) get_random_u32_below(c)
#define get_random_int() get_random_u32()

#include <linux/jiffies.h>

#endif
