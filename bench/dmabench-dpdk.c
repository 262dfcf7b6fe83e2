// SPDX-License-Identifier: GPL-2.0
/*
 * dmabench's peer: DPDK's dma_skeleton dmadev (a software copy engine
 * with one worker thread), run as in shared/reference/perf-baselines.md:
 * EAL without hugepages, IOVA as VA, the skeleton worker on its own CPU.
 */
#include <stdio.h>
#include <string.h>
#include "dmabench.h"

#ifdef HAVE_DPDK
#include <rte_eal.h>
#include <rte_dmadev.h>
#include <rte_lcore.h>

#define SKEL_DESC 1024

static int16_t dev = -1;
static int started;

int skel_init(int worker_cpu, const char **why)
{
	static char vdev[64], lcores[16];
	char *argv[] = { "dmabench", "--no-huge", "-m", "128", "--no-pci",
			 "--no-shconf", "-l", lcores, vdev,
			 "--log-level=lib.eal:error", NULL };
	struct rte_dma_vchan_conf vconf = {
		.direction = RTE_DMA_DIR_MEM_TO_MEM,
		.nb_desc = SKEL_DESC,
	};
	struct rte_dma_conf conf = { .nb_vchans = 1 };

	snprintf(lcores, sizeof(lcores), "0-%d", worker_cpu);
	snprintf(vdev, sizeof(vdev), "--vdev=dma_skeleton,lcore=%d",
		 worker_cpu);
	if (rte_eal_init((int)(sizeof(argv) / sizeof(argv[0])) - 1, argv) < 0) {
		*why = "rte_eal_init failed";
		return -1;
	}
	dev = (int16_t)rte_dma_get_dev_id_by_name("dma_skeleton");
	if (dev < 0) {
		*why = "no dma_skeleton device (PMD not installed?)";
		return -1;
	}
	if (rte_dma_configure(dev, &conf) ||
	    rte_dma_vchan_setup(dev, 0, &vconf)) {
		*why = "dma_skeleton configuration failed";
		return -1;
	}
	return 0;
}

int skel_start(void)
{
	if (!started && rte_dma_start(dev))
		return -1;
	started = 1;
	return 0;
}

void skel_stop(void)
{
	if (started)
		rte_dma_stop(dev);
	started = 0;
}

int skel_copy(void *dst, const void *src, uint32_t len, int submit)
{
	int r = rte_dma_copy(dev, 0, (rte_iova_t)(uintptr_t)src,
			     (rte_iova_t)(uintptr_t)dst, len,
			     submit ? RTE_DMA_OP_FLAG_SUBMIT : 0);

	return r < 0 ? r : 0;
}

void skel_submit(void)
{
	rte_dma_submit(dev, 0);
}

int skel_completed(unsigned int max)
{
	uint16_t last;
	bool err = false;
	uint16_t n = rte_dma_completed(dev, 0, (uint16_t)max, &last, &err);

	return err ? -1 : n;
}

void skel_exit(void)
{
	skel_stop();
	if (dev >= 0)
		rte_dma_close(dev);
	rte_eal_cleanup();
}

#else

int skel_init(int worker_cpu, const char **why)
{
	(void)worker_cpu;
	*why = "built without DPDK (apt-get install libdpdk-dev, then rebuild)";
	return -1;
}
int skel_start(void) { return -1; }
void skel_stop(void) { }
int skel_copy(void *dst, const void *src, uint32_t len, int submit)
{
	(void)dst; (void)src; (void)len; (void)submit;
	return -1;
}
void skel_submit(void) { }
int skel_completed(unsigned int max) { (void)max; return -1; }
void skel_exit(void) { }

#endif
