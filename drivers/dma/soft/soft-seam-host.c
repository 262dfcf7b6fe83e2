// SPDX-License-Identifier: GPL-2.0
/*
 * The software engine's seam, dmakit side: addresses are process
 * addresses behind the device's DMA mapping, worker counts come from
 * the environment, and the board (not the driver) creates the device.
 *
 * Copy and fill kernels: glibc's memcpy/memset for everything a cache
 * can hold; above nt_copy_threshold / nt_fill_threshold bytes (of the
 * whole transfer) an AVX2 loop with non-temporal stores, which does not
 * read the destination for ownership and so moves 2x the payload in
 * DRAM traffic instead of 3x.  glibc only does that from 3/4 of the
 * "shared cache size" up (192 MiB on a VM whose hypervisor reports a
 * 256 MiB L3), see docs/performance.md.  The choice is made once, at
 * start-up, from __builtin_cpu_supports("avx2").  XOR and P/Q run on
 * lib/xor and lib/raid6 (their own start-up choice of code).
 *
 * Worker placement: worker_cpus (or DMAKIT_SOFT_WORKER_CPUS) lists the
 * CPUs workers are pinned to, round robin ("1", "1,3", "2-5"); "none"
 * leaves them to the scheduler.  By default a worker never shares the
 * CPUs of the thread that boots the engine when that thread is pinned:
 * a busy-polling worker next to a busy-polling submitter gets a time
 * slice per handoff.  An unpinned booting thread leaves workers unpinned.
 */
#include <sched.h>
#include <stdlib.h>
#include <pthread.h>
#include <immintrin.h>
#include <linux/dma-map-ops.h>
#include <linux/kthread.h>
#include <linux/mm.h>
#include <linux/raid/pq.h>
#include <linux/raid/xor.h>
#include <linux/module.h>
#include <dmakit/soft-engine.h>
#include "soft-seam.h"

static unsigned long nt_copy_threshold = 1UL << 20;
module_param(nt_copy_threshold, ulong, 0644);
MODULE_PARM_DESC(nt_copy_threshold,
		 "Copies of at least this many bytes use non-temporal stores (0: never)");

static unsigned long nt_fill_threshold = 1UL << 20;
module_param(nt_fill_threshold, ulong, 0644);
MODULE_PARM_DESC(nt_fill_threshold,
		 "Fills of at least this many bytes use non-temporal stores (0: never)");

static char *worker_cpus;
module_param(worker_cpus, charp, 0444);
MODULE_PARM_DESC(worker_cpus,
		 "CPUs to pin workers to (\"1,3\", \"2-5\", \"none\"); default: not the booting thread's");

void *soft_seam_map(struct device *dev, dma_addr_t addr, size_t len)
{
	phys_addr_t phys = dma_to_phys(dev, addr);

	if (phys == (phys_addr_t)-1 || !phys || phys + len < phys)
		return NULL;
	return phys_to_virt(phys);
}

/* --- copy and fill kernels --- */

__attribute__((target("avx2")))
static void nt_copy_avx2(void *dst, const void *src, size_t len)
{
	const u8 *s = src;
	u8 *d = dst;
	size_t head = (32 - ((uintptr_t)d & 31)) & 31;

	if (head) {
		head = min(head, len);
		memcpy(d, s, head);
		d += head;
		s += head;
		len -= head;
	}
	while (len >= 128) {
		__m256i a = _mm256_loadu_si256((const __m256i *)s);
		__m256i b = _mm256_loadu_si256((const __m256i *)(s + 32));
		__m256i c = _mm256_loadu_si256((const __m256i *)(s + 64));
		__m256i e = _mm256_loadu_si256((const __m256i *)(s + 96));

		_mm256_stream_si256((__m256i *)d, a);
		_mm256_stream_si256((__m256i *)(d + 32), b);
		_mm256_stream_si256((__m256i *)(d + 64), c);
		_mm256_stream_si256((__m256i *)(d + 96), e);
		s += 128;
		d += 128;
		len -= 128;
	}
	while (len >= 32) {
		_mm256_stream_si256((__m256i *)d,
				    _mm256_loadu_si256((const __m256i *)s));
		s += 32;
		d += 32;
		len -= 32;
	}
	/* NT stores are weakly ordered: land them before completion. */
	_mm_sfence();
	if (len)
		memcpy(d, s, len);
}

__attribute__((target("avx2")))
static void nt_fill_avx2(void *dst, int value, size_t len)
{
	__m256i v = _mm256_set1_epi8((char)value);
	size_t head = (32 - ((uintptr_t)dst & 31)) & 31;
	u8 *d = dst;

	if (head) {
		head = min(head, len);
		memset(d, value, head);
		d += head;
		len -= head;
	}
	while (len >= 128) {
		_mm256_stream_si256((__m256i *)d, v);
		_mm256_stream_si256((__m256i *)(d + 32), v);
		_mm256_stream_si256((__m256i *)(d + 64), v);
		_mm256_stream_si256((__m256i *)(d + 96), v);
		d += 128;
		len -= 128;
	}
	while (len >= 32) {
		_mm256_stream_si256((__m256i *)d, v);
		d += 32;
		len -= 32;
	}
	_mm_sfence();
	if (len)
		memset(d, value, len);
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

static void (*nt_copy)(void *dst, const void *src, size_t len);
static void (*nt_fill)(void *dst, int value, size_t len);

__attribute__((constructor)) static void soft_seam_pick_kernels(void)
{
	__builtin_cpu_init();
	if (__builtin_cpu_supports("avx2")) {
		nt_copy = nt_copy_avx2;
		nt_fill = nt_fill_avx2;
	}
}

void soft_seam_copy(void *dst, const void *src, size_t len, size_t total)
{
	unsigned long t = READ_ONCE(nt_copy_threshold);

	if (nt_copy && t && total >= t)
		nt_copy(dst, src, len);
	else
		memcpy(dst, src, len);
}

void soft_seam_fill(void *dst, int value, size_t len, size_t total)
{
	unsigned long t = READ_ONCE(nt_fill_threshold);

	if (nt_fill && t && total >= t)
		nt_fill(dst, value, len);
	else
		memset(dst, value, len);
}

/* For tests and the benchmark: the kernels themselves, or NULL. */
void (*dmakit_soft_nt_copy(void))(void *, const void *, size_t)
{
	return nt_copy;
}

void (*dmakit_soft_nt_fill(void))(void *, int, size_t)
{
	return nt_fill;
}

/* --- counts and placement --- */

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

/* Parse "1,3,5-7" into @set; false if malformed. */
static bool parse_cpu_list(const char *s, cpu_set_t *set)
{
	CPU_ZERO(set);
	while (*s) {
		char *end;
		unsigned long a = strtoul(s, &end, 10), b;

		if (end == s)
			return false;
		b = a;
		s = end;
		if (*s == '-') {
			b = strtoul(s + 1, &end, 10);
			if (end == s + 1 || b < a)
				return false;
			s = end;
		}
		for (; a <= b && a < CPU_SETSIZE; a++)
			CPU_SET(a, set);
		if (*s == ',')
			s++;
		else if (*s)
			return false;
	}
	return CPU_COUNT(set) > 0;
}

/*
 * The CPUs workers may use: the parameter's list, or the online CPUs
 * the booting thread is not pinned to.  False: leave them unpinned.
 */
static bool worker_cpu_set(cpu_set_t *set)
{
	const char *list = worker_cpus ? worker_cpus :
			   getenv("DMAKIT_SOFT_WORKER_CPUS");
	cpu_set_t mine;
	unsigned int cpu;

	if (list && *list) {
		if (!strcmp(list, "none"))
			return false;
		if (parse_cpu_list(list, set))
			return true;
		pr_warn("dmakit_soft: bad worker_cpus \"%s\", ignored\n", list);
	}
	if (sched_getaffinity(0, sizeof(mine), &mine))
		return false;
	if ((unsigned int)CPU_COUNT(&mine) >= num_online_cpus())
		return false;	/* the booting thread is not pinned */
	CPU_ZERO(set);
	for (cpu = 0; cpu < num_online_cpus(); cpu++)
		if (!CPU_ISSET(cpu, &mine))
			CPU_SET(cpu, set);
	return CPU_COUNT(set) > 0;
}

void soft_seam_place_worker(struct task_struct *t, unsigned int index,
			    unsigned int nr)
{
	unsigned long cpus[CPU_SETSIZE];
	unsigned int n = 0, cpu;
	cpu_set_t set;
	int ret;

	(void)nr;
	if (!worker_cpu_set(&set))
		return;
	for (cpu = 0; cpu < CPU_SETSIZE; cpu++)
		if (CPU_ISSET(cpu, &set))
			cpus[n++] = cpu;
	ret = dmakit_kthread_set_affinity(t, &cpus[index % n], 1);
	if (ret)
		pr_warn("dmakit_soft: cannot pin worker %u to CPU %lu: %d\n",
			index, cpus[index % n], ret);
}

int soft_seam_register_device(void)
{
	return 0;
}

void soft_seam_unregister_device(void)
{
}
