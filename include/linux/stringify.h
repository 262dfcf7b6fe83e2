/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _DMAKIT_LINUX_STRINGIFY_H
#define _DMAKIT_LINUX_STRINGIFY_H
#include <linux/compiler.h>
#endif
