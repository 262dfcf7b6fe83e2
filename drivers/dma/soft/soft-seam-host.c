// SPDX-License-Identifier: GPL-2.0
/*
 * The software engine's seam, dmakit side: addresses are process
 * addresses behind the device's DMA mapping, worker counts come from
 * the environment, and the board (not the driver) creates the device.
 */
#include <stdlib.h>
#include <linux/dma-map-ops.h>
#include <linux/kthread.h>
#include <linux/mm.h>
#include <linux/raid/pq.h>
#include <linux/raid/xor.h>
#include "soft-seam.h"

void *soft_seam_map(struct device *dev, dma_addr_t addr, size_t len)
{
	phys_addr_t phys = dma_to_phys(dev, addr);

	if (phys == (phys_addr_t)-1 || !phys || phys + len < phys)
		return NULL;
	return phys_to_virt(phys);
}

void soft_seam_copy(void *dst, const void *src, size_t len)
{
	memcpy(dst, src, len);
}

void soft_seam_fill(void *dst, int value, size_t len)
{
	memset(dst, value, len);
}

/*
 * XOR and P/Q run on lib/raid6 and lib/xor, which pick their AVX2 or
 * portable code once at start-up.
 */
void soft_seam_xor(void *dst, void **srcs, unsigned int src_cnt, size_t len)
{
	unsigned int i;

	/* xor_gen() takes dst == srcs[0] only: bring an aliased source first */
	for (i = 1; i < src_cnt; i++) {
		if (srcs[i] == dst) {
			swap(srcs[0], srcs[i]);
			break;
		}
	}
	xor_gen(dst, (u8 **)srcs, (int)src_cnt, len, false);
}

bool soft_seam_xor_zero(void **srcs, unsigned int src_cnt, size_t len)
{
	return xor_check_zero((u8 **)srcs, (int)src_cnt, len);
}

#define SEAM_PQ_BOUNCE	2048

static bool seam_overlaps(const u8 *d, void **srcs, unsigned int src_cnt,
			  size_t len)
{
	unsigned int i;

	for (i = 0; d && i < src_cnt; i++) {
		const u8 *s = srcs[i];

		if (d < s + len && s < d + len)
			return true;
	}
	return false;
}

/*
 * A P or Q that is also a source: every output byte depends only on the
 * input bytes at the same offset, so compute a slice into a bounce
 * buffer, then store it; later slices read only later offsets.
 */
static void seam_pq_bounced(u8 *p, u8 *q, void **srcs, const u8 *coefs,
			    unsigned int src_cnt, size_t len, bool cont)
{
	u8 bp[SEAM_PQ_BOUNCE] __aligned(32), bq[SEAM_PQ_BOUNCE] __aligned(32);
	size_t off, n;

	for (off = 0; off < len; off += n) {
		n = min_t(size_t, len - off, SEAM_PQ_BOUNCE);
		if (cont && p)
			memcpy(bp, p + off, n);
		if (cont && q)
			memcpy(bq, q + off, n);
		raid6_coef_call.gen_pq((int)src_cnt, off, n, (u8 **)srcs, coefs,
				       bp, bq, p, q, cont);
		if (p)
			memcpy(p + off, bp, n);
		if (q)
			memcpy(q + off, bq, n);
	}
}

void soft_seam_pq(void *p, void *q, void **srcs, const u8 *coefs,
		  unsigned int src_cnt, size_t len, bool cont)
{
	if (seam_overlaps(p, srcs, src_cnt, len) ||
	    seam_overlaps(q, srcs, src_cnt, len))
		seam_pq_bounced(p, q, srcs, coefs, src_cnt, len, cont);
	else
		raid6_gen_pq_coef((int)src_cnt, len, (u8 **)srcs, coefs, p, q,
				  p, q, cont);
}

enum sum_check_flags soft_seam_pq_val(const void *p, const void *q,
				      void **srcs, const u8 *coefs,
				      unsigned int src_cnt, size_t len)
{
	int r = raid6_val_pq_coef((int)src_cnt, len, (u8 **)srcs, coefs, p, q,
				  p, q);
	enum sum_check_flags res = 0;

	if (r & RAID6_VAL_P_BAD)
		res |= SUM_CHECK_P_RESULT;
	if (r & RAID6_VAL_Q_BAD)
		res |= SUM_CHECK_Q_RESULT;
	return res;
}

/* dmakit offers XOR/PQ by default: async_tx and RAID work want them. */
bool soft_seam_raid_default(void)
{
	return true;
}

static unsigned int env_uint(const char *name, unsigned int def)
{
	const char *v = getenv(name);
	unsigned int n;

	if (!v || kstrtouint(v, 0, &n) || !n)
		return def;
	return n;
}

void soft_seam_defaults(unsigned int *nr_channels, unsigned int *nr_workers)
{
	unsigned int cpus = num_online_cpus();

	*nr_channels = env_uint("DMAKIT_SOFT_CHANNELS", cpus);
	*nr_workers = env_uint("DMAKIT_SOFT_WORKERS", cpus > 1 ? cpus - 1 : 1);
}

void soft_seam_place_worker(struct task_struct *t, unsigned int index,
			    unsigned int nr)
{
	(void)t;
	(void)index;
	(void)nr;
}

int soft_seam_register_device(void)
{
	return 0;
}

void soft_seam_unregister_device(void)
{
}
