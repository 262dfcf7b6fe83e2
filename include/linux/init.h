/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _DMAKIT_LINUX_INIT_H
#define _DMAKIT_LINUX_INIT_H

#include <linux/compiler.h>

#define __init
#define __exit
#define __initdata
#define __initconst
#define __exitdata
#define __ref
#define __refdata

typedef int (*initcall_t)(void);
typedef void (*exitcall_t)(void);

/*
 * Init and exit calls register themselves from an ELF constructor, at
 * load time; dmakit_boot() runs the init calls by level (the kernel's
 * initcall levels) and dmakit_shutdown() runs the exit calls in reverse.
 */
struct dmakit_initcall {
	initcall_t init;
	exitcall_t exit;
	const char *name;
	int level;
	bool done;
	struct dmakit_initcall *next;
};

void dmakit_register_initcall(struct dmakit_initcall *call);

#define __define_initcall(fn, lvl)					\
	static struct dmakit_initcall __initcall_##fn = {		\
		.init = fn, .name = #fn, .level = lvl };		\
	__attribute__((constructor)) static void __initcall_reg_##fn(void) \
	{ dmakit_register_initcall(&__initcall_##fn); }			\
	char __dmakit_anchor_##fn

#define __define_exitcall(fn)						\
	static struct dmakit_initcall __exitcall_##fn = {		\
		.exit = fn, .name = #fn, .level = -1 };			\
	__attribute__((constructor)) static void __exitcall_reg_##fn(void) \
	{ dmakit_register_initcall(&__exitcall_##fn); }			\
	extern int __dmakit_exitcall_unused

#define core_initcall(fn)	__define_initcall(fn, 1)
#define postcore_initcall(fn)	__define_initcall(fn, 2)
#define arch_initcall(fn)	__define_initcall(fn, 3)
#define subsys_initcall(fn)	__define_initcall(fn, 4)
#define fs_initcall(fn)		__define_initcall(fn, 5)
#define device_initcall(fn)	__define_initcall(fn, 6)
#define late_initcall(fn)	__define_initcall(fn, 7)
#define module_init(fn)		device_initcall(fn)
#define module_exit(fn)		__define_exitcall(fn)

#endif
