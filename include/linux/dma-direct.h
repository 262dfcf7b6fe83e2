/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _DMAKIT_LINUX_DMA_DIRECT_H
#define _DMAKIT_LINUX_DMA_DIRECT_H
#include <linux/dma-map-ops.h>
#endif
