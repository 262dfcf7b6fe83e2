/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _DMAKIT_LINUX_MODULEPARAM_H
#define _DMAKIT_LINUX_MODULEPARAM_H

#include <linux/compiler.h>

#ifndef KBUILD_MODNAME
#define KBUILD_MODNAME "dmakit"
#endif

enum dmakit_param_type {
	DMAKIT_PARAM_bool, DMAKIT_PARAM_invbool, DMAKIT_PARAM_int,
	DMAKIT_PARAM_uint, DMAKIT_PARAM_long, DMAKIT_PARAM_ulong,
	DMAKIT_PARAM_short, DMAKIT_PARAM_ushort, DMAKIT_PARAM_byte,
	DMAKIT_PARAM_charp, DMAKIT_PARAM_string,
};

/*
 * Module parameters are set like on the kernel command line, from the
 * environment: DMAKIT_CMDLINE="dmakit_soft.nr_channels=4 dmatest.timeout=500".
 */
struct dmakit_param {
	const char *module;
	const char *name;
	enum dmakit_param_type type;
	void *ptr;
	unsigned int maxlen;	/* string */
	struct dmakit_param *next;
};

void dmakit_register_param(struct dmakit_param *p);
/* Parse "mod.param=value ..." and set matching parameters; -errno. */
int dmakit_parse_cmdline(const char *cmdline);
/* Set one parameter at run time (like its sysfs file); -errno. */
int dmakit_param_set(const char *mod, const char *name, const char *val);
/* Read one, as its sysfs file shows it; length written or -ENOENT. */
int dmakit_param_get(const char *mod, const char *name, char *buf,
		     size_t len);

#define __module_param(name, var, type, len)				\
	static struct dmakit_param __param_##name = {			\
		KBUILD_MODNAME, #name, type, &(var), len };	\
	__attribute__((constructor)) static void __param_reg_##name(void) \
	{ dmakit_register_param(&__param_##name); }			\
	extern int __dmakit_param_unused

#define module_param(name, type, perm) \
	__module_param(name, name, DMAKIT_PARAM_##type, 0)
#define module_param_named(name, var, type, perm) \
	__module_param(name, var, DMAKIT_PARAM_##type, 0)
#define module_param_string(name, string, len, perm) \
	__module_param(name, string, DMAKIT_PARAM_string, len)
#define MODULE_PARM_DESC(name, desc) extern int __dmakit_param_unused

#endif
