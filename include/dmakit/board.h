/* SPDX-License-Identifier: GPL-2.0 */
/*
 * dmakit/board.h - bring the simulated system up and down (host API).
 *
 * dmakit_boot(NULL) boots the default board: the built-in drivers'
 * init calls run (module parameters come from DMAKIT_CMDLINE, like the
 * kernel command line) and the board's devices are created and bound,
 * so the software DMA engine's channels are registered when it returns.
 * dmakit_shutdown() unbinds and frees everything again.
 */
#ifndef _DMAKIT_BOARD_H
#define _DMAKIT_BOARD_H

int dmakit_boot(const char *board);
void dmakit_shutdown(void);
/* True between a successful dmakit_boot() and dmakit_shutdown(). */
int dmakit_booted(void);

#endif
