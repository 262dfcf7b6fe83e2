/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _DMAKIT_LINUX_LOCKDEP_H
#define _DMAKIT_LINUX_LOCKDEP_H
#include <linux/spinlock.h>
#endif
