/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _DMAKIT_LINUX_TIMEKEEPING_H
#define _DMAKIT_LINUX_TIMEKEEPING_H
#include <linux/ktime.h>
#endif
