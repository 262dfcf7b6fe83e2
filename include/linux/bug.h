/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _DMAKIT_LINUX_BUG_H
#define _DMAKIT_LINUX_BUG_H

#include <linux/compiler.h>
#include <linux/printk.h>

/* Report helpers (kernel/panic.c): print the kernel's lines, count them. */
__printf(4, 5) __cold void __warn_printk(const char *file, int line,
					 const char *func, const char *fmt, ...);
__attribute__((noreturn)) __cold void __dmakit_bug(const char *file, int line,
						   const char *func);

#define BUG() __dmakit_bug(__FILE__, __LINE__, __func__)
#define BUG_ON(cond) do { if (unlikely(cond)) BUG(); } while (0)

#define WARN(cond, fmt...) ({						\
	int __ret_warn_on = !!(cond);					\
	if (unlikely(__ret_warn_on))					\
		__warn_printk(__FILE__, __LINE__, __func__, fmt);	\
	unlikely(__ret_warn_on);					\
})

#define WARN_ON(cond) ({						\
	int __ret_warn_on = !!(cond);					\
	if (unlikely(__ret_warn_on))					\
		__warn_printk(__FILE__, __LINE__, __func__, "%s", "");	\
	unlikely(__ret_warn_on);					\
})

#define __WARN_ONCE_FLAG() ({						\
	static bool __warned;						\
	!__atomic_exchange_n(&__warned, true, __ATOMIC_RELAXED); })

#define WARN_ONCE(cond, fmt...) ({					\
	int __ret_warn_once = !!(cond);					\
	if (unlikely(__ret_warn_once) && __WARN_ONCE_FLAG())		\
		__warn_printk(__FILE__, __LINE__, __func__, fmt);	\
	unlikely(__ret_warn_once);					\
})

#define WARN_ON_ONCE(cond) WARN_ONCE(cond, "%s", "")

#define BUILD_BUG_ON(cond) _Static_assert(!(cond), "BUILD_BUG_ON: " #cond)
#define BUILD_BUG_ON_MSG(cond, msg) _Static_assert(!(cond), msg)
#define BUILD_BUG() do { } while (0)

#endif
