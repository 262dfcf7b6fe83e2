/* SPDX-License-Identifier: GPL-2.0 */
/* Private to init/: loading boards and running their models. */
#ifndef _DMAKIT_INIT_BOARD_H
#define _DMAKIT_INIT_BOARD_H

#include <stddef.h>

/* The blob for @path (NULL: the embedded default board), kmalloc'ed. */
int board_load(const char *path, void **buf, size_t *size);
/* Machine hook, then a model per enabled node with a registered one. */
int board_models_create(void);
void board_models_destroy(void);

#endif
