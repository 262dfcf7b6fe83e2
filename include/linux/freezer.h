/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _DMAKIT_LINUX_FREEZER_H
#define _DMAKIT_LINUX_FREEZER_H
#include <dmakit/kernel.h>
#endif
