/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _DMAKIT_LINUX_PREEMPT_H
#define _DMAKIT_LINUX_PREEMPT_H
#include <dmakit/context.h>
#endif
