/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _DMAKIT_LINUX_EXPORT_H
#define _DMAKIT_LINUX_EXPORT_H

/*
 * Every non-static symbol of libdmakit is visible, so exports are
 * declarations only.  They take a semicolon like the kernel's.
 */
#define EXPORT_SYMBOL(sym)		extern int __dmakit_export_unused
#define EXPORT_SYMBOL_GPL(sym)		extern int __dmakit_export_unused
#define EXPORT_SYMBOL_NS(sym, ns)	extern int __dmakit_export_unused
#define EXPORT_SYMBOL_NS_GPL(sym, ns)	extern int __dmakit_export_unused

#endif
