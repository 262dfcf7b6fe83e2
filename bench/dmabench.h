/* SPDX-License-Identifier: GPL-2.0 */
/*
 * dmabench: the DPDK dma_skeleton peer, behind a small interface so the
 * DPDK headers and dmakit's kernel headers never meet in one file.
 */
#ifndef DMABENCH_H
#define DMABENCH_H

#include <stddef.h>
#include <stdint.h>

/* 0 if the peer is ready; otherwise it is skipped and *why says why. */
int skel_init(int worker_cpu, const char **why);
int skel_start(void);
void skel_stop(void);
/* Enqueue one copy (submitted at once if @submit); 0 or -errno. */
int skel_copy(void *dst, const void *src, uint32_t len, int submit);
void skel_submit(void);
/* Completions harvested now (up to @max); -1 on a reported error. */
int skel_completed(unsigned int max);
void skel_exit(void);

#endif
