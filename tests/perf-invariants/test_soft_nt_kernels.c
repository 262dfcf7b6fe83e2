// SPDX-License-Identifier: GPL-2.0
/*
 * The software engine's non-temporal copy and fill kernels are
 * byte-exact at every size and alignment around their internal steps
 * (32-byte alignment head, 128-byte loop, 32-byte loop, tail) and never
 * write outside the destination; and the engine stays byte-exact when
 * its size thresholds pick them, across chunk boundaries.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/dmaengine.h>
#include <linux/dma-mapping.h>
#include <linux/moduleparam.h>
#include <dmakit/board.h>
#include <dmakit/soft-engine.h>

#define GUARD	64
#define MAXLEN	(300 * 1024)

static u8 *src, *dst, *ref;

#define CHECK(c, ...) do { if (!(c)) { \
	fprintf(stderr, "FAIL %s:%d: %s: ", __FILE__, __LINE__, #c); \
	fprintf(stderr, __VA_ARGS__); fprintf(stderr, "\n"); \
	return 1; } } while (0)

static void fill_pattern(u8 *p, size_t n, unsigned int seed)
{
	size_t i;

	for (i = 0; i < n; i++)
		p[i] = (u8)(i * 167 + seed * 13 + (i >> 8));
}

/* dst (guarded) must equal ref; guards must hold 0xee. */
static int verify(size_t doff, size_t len, const char *what)
{
	size_t i;

	for (i = 0; i < GUARD; i++) {
		CHECK(dst[doff - GUARD + i] == 0xee, "%s len %zu doff %zu: guard before", what, len, doff);
		CHECK(dst[doff + len + i] == 0xee, "%s len %zu doff %zu: guard after", what, len, doff);
	}
	CHECK(!memcmp(dst + doff, ref, len), "%s len %zu doff %zu: data", what, len, doff);
	return 0;
}

static void prepare(size_t doff, size_t len)
{
	memset(dst + doff - GUARD, 0xee, len + 2 * GUARD);
}

static const size_t big[] = { 4095, 4096, 4097, 65535, 65536, 65537,
			      131072 + 31, 262144 - 1, 262144 };

static int kernels(void)
{
	void (*copy)(void *, const void *, size_t) = dmakit_soft_nt_copy();
	void (*fill)(void *, int, size_t) = dmakit_soft_nt_fill();
	static const size_t soffs[] = { 0, 1, 7, 31, 32, 33 };
	size_t len, doff, k, n = 0;

	if (!copy || !fill) {
		printf("no AVX2: the non-temporal kernels are not used\n");
		return 0;
	}
	for (len = 0; len < 600 + ARRAY_SIZE(big); len++) {
		size_t l = len < 600 ? len : big[len - 600];

		for (doff = GUARD; doff < GUARD + 41; doff++) {
			for (k = 0; k < ARRAY_SIZE(soffs); k++) {
				if (l > 600 && (doff % 8 || k % 2))
					continue;	/* big ones: fewer */
				fill_pattern(src + soffs[k], l, (unsigned int)(l + doff));
				memcpy(ref, src + soffs[k], l);
				prepare(doff, l);
				copy(dst + doff, src + soffs[k], l);
				if (verify(doff, l, "nt copy"))
					return 1;
				n++;
			}
			memset(ref, (int)(l & 0xff) ^ 0x5a, l);
			prepare(doff, l);
			fill(dst + doff, (int)(l & 0xff) ^ 0x5a, l);
			if (verify(doff, l, "nt fill"))
				return 1;
		}
	}
	printf("kernels: %zu copies and fills byte-exact\n", n);
	return 0;
}

static int engine_op(struct dma_chan *chan, dma_addr_t sd, dma_addr_t dd,
		     size_t soff, size_t doff, size_t len, bool fill)
{
	struct dma_async_tx_descriptor *tx;
	dma_cookie_t cookie;
	int value = (int)(len & 0xff) ^ 0xa5;

	fill_pattern(src + soff, len, (unsigned int)len);
	if (fill)
		memset(ref, value, len);
	else
		memcpy(ref, src + soff, len);
	prepare(doff, len);
	if (fill)
		tx = dmaengine_prep_dma_memset(chan, dd + doff, value, len, 0);
	else
		tx = dmaengine_prep_dma_memcpy(chan, dd + doff, sd + soff, len, 0);
	CHECK(tx, "prep len %zu", len);
	cookie = dmaengine_submit(tx);
	CHECK(!dma_submit_error(cookie), "submit");
	dma_async_issue_pending(chan);
	CHECK(dma_sync_wait(chan, cookie) == DMA_COMPLETE, "wait len %zu", len);
	return verify(doff, len, fill ? "engine fill" : "engine copy");
}

static int engine(void)
{
	static const size_t thr = 4096;
	struct dma_chan *chan;
	dma_cap_mask_t mask;
	dma_addr_t sd, dd;
	size_t i, a;
	int ret = 0;

	if (dmakit_parse_cmdline("dmakit_soft.nt_copy_threshold=4096 dmakit_soft.nt_fill_threshold=4096"))
		return 1;
	dma_cap_zero(mask);
	dma_cap_set(DMA_MEMCPY, mask);
	dma_cap_set(DMA_MEMSET, mask);
	chan = dma_request_channel(mask, NULL, NULL);
	CHECK(chan, "no channel");
	sd = dma_map_single(chan->device->dev, src, MAXLEN + 256, DMA_TO_DEVICE);
	dd = dma_map_single(chan->device->dev, dst, MAXLEN + 256, DMA_FROM_DEVICE);
	for (i = 0; i < 5 && !ret; i++) {
		/* Around the threshold, and across 64 KiB chunks. */
		size_t lens[] = { thr - 1, thr, thr + 1, thr + 33,
				  3 * 65536 + 17, MAXLEN - 3 };

		for (a = 0; a < ARRAY_SIZE(lens) && !ret; a++) {
			ret = engine_op(chan, sd, dd, i * 7, GUARD + i * 9,
					lens[a], false);
			if (!ret)
				ret = engine_op(chan, sd, dd, 0, GUARD + i * 5,
						lens[a], true);
		}
	}
	dma_unmap_single(chan->device->dev, dd, MAXLEN + 256, DMA_FROM_DEVICE);
	dma_unmap_single(chan->device->dev, sd, MAXLEN + 256, DMA_TO_DEVICE);
	dma_release_channel(chan);
	if (!ret)
		printf("engine: copies and fills around the threshold byte-exact\n");
	return ret;
}

int main(void)
{
	int ret;

	src = aligned_alloc(4096, MAXLEN + 4096);
	dst = aligned_alloc(4096, MAXLEN + 4096);
	ref = malloc(MAXLEN + 256);
	if (!src || !dst || !ref || dmakit_boot(NULL))
		return 1;
	ret = kernels() || engine();
	dmakit_shutdown();
	free(src);
	free(dst);
	free(ref);
	return ret;
}
