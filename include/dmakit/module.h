/* SPDX-License-Identifier: GPL-2.0 */
/* What the kernel's <linux/module.h> gives drivers (that name is UAPI's). */
#ifndef _DMAKIT_MODULE_H
#define _DMAKIT_MODULE_H

#include <linux/export.h>
#include <linux/init.h>
#include <linux/moduleparam.h>

struct module {
	const char *name;
};

extern struct module __this_module;
#define THIS_MODULE (&__this_module)

#define MODULE_LICENSE(x)		extern int __dmakit_modinfo_unused
#define MODULE_AUTHOR(x)		extern int __dmakit_modinfo_unused
#define MODULE_DESCRIPTION(x)		extern int __dmakit_modinfo_unused
#define MODULE_ALIAS(x)			extern int __dmakit_modinfo_unused
#define MODULE_VERSION(x)		extern int __dmakit_modinfo_unused
#define MODULE_SOFTDEP(x)		extern int __dmakit_modinfo_unused
#define MODULE_IMPORT_NS(x)		extern int __dmakit_modinfo_unused
#define MODULE_DEVICE_TABLE(type, name)	extern int __dmakit_modinfo_unused

static inline bool try_module_get(struct module *m)
{
	(void)m;
	return true;
}

static inline void module_put(struct module *m)
{
	(void)m;
}

static inline void __module_get(struct module *m)
{
	(void)m;
}

#endif
