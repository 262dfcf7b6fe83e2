/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _DMAKIT_LINUX_STRING_HELPERS_H
#define _DMAKIT_LINUX_STRING_HELPERS_H
#include <dmakit/kernel.h>
#endif
