// SPDX-License-Identifier: GPL-2.0
/*
 * The software engine's RAID operations through the provider API, as a
 * client (dmatest, async_tx) drives them: device_prep_dma_xor, _xor_val,
 * _pq and _pq_val on mapped buffers, checked against a byte-at-a-time
 * reference for 1..max sources and 1 B..1 MiB, at odd offsets; P/Q
 * disable, DMA_PREP_CONTINUE, destinations that are sources, the
 * dmatest pattern (odd source count, coefficients 1), _VAL detecting one
 * flipped bit, bad arguments giving NULL.  Run by CTest with the default
 * chunk size and with a small odd one (dmakit_soft.chunk_size).
 */
#include <linux/dmaengine.h>
#include <linux/dma-mapping.h>
#include <linux/err.h>
#include <dmakit/board.h>
#include "../async_tx/raid_ref.h"

#define MAXB		(1 << 20)
#define NBUF		20
#define SLACK		64

static struct dma_chan *chan;
static struct dma_device *dma;
static struct device *ddev;
static unsigned char *buf[NBUF];	/* MAXB + SLACK each */

static dma_addr_t map(void *p, size_t len, enum dma_data_direction dir)
{
	dma_addr_t a = dma_map_single(ddev, p, len, dir);

	CHECK(!dma_mapping_error(ddev, a), "map failed");
	return a;
}

static enum dma_status run(struct dma_async_tx_descriptor *tx)
{
	dma_cookie_t cookie;

	if (!tx)
		return DMA_ERROR;
	cookie = dmaengine_submit(tx);
	if (dma_submit_error(cookie))
		return DMA_ERROR;
	return dma_sync_wait(chan, cookie);
}

/* P and Q of @n sources of @len bytes, with the given flags. */
static void test_pq_one(int n, size_t len, unsigned long flags, bool alias_q)
{
	unsigned char *src[NBUF], *p, *q, coefs[NBUF];
	unsigned char *refp = malloc(len), *refq = malloc(len);
	dma_addr_t sa[NBUF], pq[2];
	bool do_p = !(flags & DMA_PREP_PQ_DISABLE_P);
	bool do_q = !(flags & DMA_PREP_PQ_DISABLE_Q);
	bool cont = flags & DMA_PREP_CONTINUE;
	int i;

	for (i = 0; i < n; i++) {
		src[i] = buf[i] + rnd() % SLACK;
		fill_random(src[i], len);
		coefs[i] = (unsigned char)(rnd() >> 40);
	}
	p = buf[NBUF - 2] + rnd() % SLACK;
	q = alias_q ? src[n - 1] : buf[NBUF - 1] + rnd() % SLACK;
	fill_random(p, len);
	if (!alias_q)
		fill_random(q, len);
	/* the reference, including the continued and disabled cases */
	ref_pq(refp, refq, src, coefs, n, len);
	for (size_t b = 0; b < len; b++) {
		if (cont) {
			refp[b] ^= p[b];
			refq[b] ^= q[b];
		}
		if (!do_p)
			refp[b] = p[b];
		if (!do_q)
			refq[b] = q[b];
	}

	for (i = 0; i < n; i++)
		sa[i] = map(src[i], len, alias_q && i == n - 1 ?
			    DMA_BIDIRECTIONAL : DMA_TO_DEVICE);
	pq[0] = do_p ? map(p, len, DMA_BIDIRECTIONAL) : 0;
	pq[1] = do_q ? (alias_q ? sa[n - 1] : map(q, len, DMA_BIDIRECTIONAL)) : 0;
	CHECK(run(dma->device_prep_dma_pq(chan, pq, sa, n, coefs, len,
					  flags | DMA_CTRL_ACK)) == DMA_COMPLETE,
	      "pq n=%d len=%zu flags=%#lx: not complete", n, len, flags);
	for (i = 0; i < n; i++)
		dma_unmap_single(ddev, sa[i], len, DMA_TO_DEVICE);
	if (do_p)
		dma_unmap_single(ddev, pq[0], len, DMA_BIDIRECTIONAL);
	if (do_q && !alias_q)
		dma_unmap_single(ddev, pq[1], len, DMA_BIDIRECTIONAL);
	CHECK(!memcmp(p, refp, len), "P n=%d len=%zu flags=%#lx alias=%d",
	      n, len, flags, alias_q);
	CHECK(!memcmp(q, refq, len), "Q n=%d len=%zu flags=%#lx alias=%d",
	      n, len, flags, alias_q);
	free(refp);
	free(refq);
}

/* dst = XOR of n sources; @alias: dst is source @alias (or -1) */
static void test_xor_one(int n, size_t len, int alias)
{
	unsigned char *src[NBUF], *dst, *ref = malloc(len), one = 1;
	unsigned char coefs[NBUF];
	dma_addr_t sa[NBUF], da;
	int i;

	for (i = 0; i < n; i++) {
		src[i] = buf[i] + rnd() % SLACK;
		fill_random(src[i], len);
		coefs[i] = one;
	}
	dst = alias >= 0 ? src[alias] : buf[NBUF - 1] + rnd() % SLACK;
	if (alias < 0)
		fill_random(dst, len);
	ref_pq(ref, NULL, src, coefs, n, len);
	for (i = 0; i < n; i++)
		sa[i] = map(src[i], len, DMA_BIDIRECTIONAL);
	da = alias >= 0 ? sa[alias] : map(dst, len, DMA_BIDIRECTIONAL);
	CHECK(run(dma->device_prep_dma_xor(chan, da, sa, n, len,
					   DMA_PREP_INTERRUPT | DMA_CTRL_ACK))
	      == DMA_COMPLETE, "xor n=%d len=%zu: not complete", n, len);
	for (i = 0; i < n; i++)
		dma_unmap_single(ddev, sa[i], len, DMA_BIDIRECTIONAL);
	if (alias < 0)
		dma_unmap_single(ddev, da, len, DMA_BIDIRECTIONAL);
	CHECK(!memcmp(dst, ref, len), "xor n=%d len=%zu alias=%d", n, len,
	      alias);
	free(ref);
}

static const size_t sizes[] = { 1, 2, 3, 31, 32, 33, 63, 64, 65, 127, 1000,
				4095, 4096, 4097, 65535, 65536, 65537,
				300001, MAXB };

static void test_pq_xor_sizes(void)
{
	int maxpq = dma_maxpq(dma, 0), maxxor = dma->max_xor;
	size_t s;
	int n;

	for (s = 0; s < ARRAY_SIZE(sizes); s++) {
		size_t len = sizes[s];
		bool big = len > 70000;

		for (n = 1; n <= maxpq; n++) {
			if (big && n != 2 && n != maxpq && n != 7)
				continue;
			test_pq_one(n, len, 0, false);
		}
		for (n = 2; n <= maxxor; n++) {
			if (big && n != 2 && n != maxxor)
				continue;
			test_xor_one(n, len, -1);
		}
	}
}

static void test_pq_variants(void)
{
	static const size_t lens[] = { 1, 77, 4096, 65536 + 129, 200000 };
	size_t i;

	for (i = 0; i < ARRAY_SIZE(lens); i++) {
		test_pq_one(5, lens[i], DMA_PREP_PQ_DISABLE_P, false);
		test_pq_one(5, lens[i], DMA_PREP_PQ_DISABLE_Q, false);
		test_pq_one(6, lens[i], DMA_PREP_CONTINUE, false);
		test_pq_one(3, lens[i], DMA_PREP_CONTINUE |
			    DMA_PREP_PQ_DISABLE_P, false);
		/* async_mult / async_sum_product: Q is one of the sources */
		test_pq_one(1, lens[i], DMA_PREP_PQ_DISABLE_P, true);
		test_pq_one(2, lens[i], DMA_PREP_PQ_DISABLE_P, true);
		/* async_xor's intermediate results: dst is src[0] (or other) */
		test_xor_one(4, lens[i], 0);
		test_xor_one(4, lens[i], 2);
	}
}

/* dmatest: odd source count of the same pattern, coefs 1: dst == src */
static void test_dmatest_pattern(void)
{
	int n = min_t(int, 3 | 1, dma_maxpq(dma, 0));
	size_t len = 16384, i;
	unsigned char coefs[NBUF];
	dma_addr_t sa[NBUF], pq[2];
	int k;

	CHECK(n % 2 == 1, "source count %d", n);
	for (k = 0; k < n; k++) {
		for (i = 0; i < len; i++)
			buf[k][i] = (unsigned char)(0x80 | 0x40 | (i & 0x1f));
		coefs[k] = 1;
		sa[k] = map(buf[k], len, DMA_TO_DEVICE);
	}
	memset(buf[NBUF - 2], 0, len);
	memset(buf[NBUF - 1], 0, len);
	pq[0] = map(buf[NBUF - 2], len, DMA_BIDIRECTIONAL);
	pq[1] = map(buf[NBUF - 1], len, DMA_BIDIRECTIONAL);
	CHECK(run(dma->device_prep_dma_pq(chan, pq, sa, n, coefs, len,
			DMA_CTRL_ACK | DMA_PREP_INTERRUPT)) == DMA_COMPLETE,
	      "dmatest pq");
	CHECK(!memcmp(buf[NBUF - 2], buf[0], len), "dmatest P != src");
	CHECK(!memcmp(buf[NBUF - 1], buf[0], len), "dmatest Q != src");
	memset(buf[NBUF - 2], 0, len);
	CHECK(run(dma->device_prep_dma_xor(chan, pq[0], sa, n, len,
			DMA_CTRL_ACK | DMA_PREP_INTERRUPT)) == DMA_COMPLETE,
	      "dmatest xor");
	CHECK(!memcmp(buf[NBUF - 2], buf[0], len), "dmatest xor != src");
	for (k = 0; k < n; k++)
		dma_unmap_single(ddev, sa[k], len, DMA_TO_DEVICE);
	dma_unmap_single(ddev, pq[0], len, DMA_BIDIRECTIONAL);
	dma_unmap_single(ddev, pq[1], len, DMA_BIDIRECTIONAL);
}

/* _VAL: a matching stripe gives 0, one flipped bit is found */
static void test_val(size_t len)
{
	int n = 6, k;
	unsigned char *src[NBUF], coefs[NBUF];
	unsigned char *p = buf[NBUF - 2], *q = buf[NBUF - 1];
	dma_addr_t sa[NBUF + 1], pq[2];
	enum sum_check_flags res;
	size_t bit = rnd() % (len * 8);
	int round;

	for (k = 0; k < n; k++) {
		src[k] = buf[k];
		fill_random(src[k], len);
		coefs[k] = ref_gfexp(k);
	}
	ref_pq(p, q, src, coefs, n, len);
	for (k = 0; k < n; k++)
		sa[k] = map(src[k], len, DMA_TO_DEVICE);
	pq[0] = map(p, len, DMA_TO_DEVICE);
	pq[1] = map(q, len, DMA_TO_DEVICE);

	/* round 0: clean; 1: P bit; 2: Q bit; 3: Q bit, Q disabled */
	for (round = 0; round < 4; round++) {
		unsigned char *victim = round == 1 ? p : round >= 2 ? q : NULL;
		unsigned long fl = round == 3 ? DMA_PREP_PQ_DISABLE_Q : 0;
		enum sum_check_flags want = round == 1 ? SUM_CHECK_P_RESULT :
					    round == 2 ? SUM_CHECK_Q_RESULT : 0;

		if (victim)
			victim[bit / 8] ^= (unsigned char)(1 << (bit % 8));
		res = 0xdead;
		CHECK(run(dma->device_prep_dma_pq_val(chan, pq, sa, n, coefs,
				len, &res, fl | DMA_CTRL_ACK)) == DMA_COMPLETE,
		      "pq_val round %d", round);
		CHECK(res == want, "pq_val len=%zu round %d: %#x, want %#x",
		      len, round, res, want);
		if (victim)
			victim[bit / 8] ^= (unsigned char)(1 << (bit % 8));
	}

	/* xor_val over data + P: zero unless a bit flips */
	sa[n] = pq[0];
	for (round = 0; round < 2; round++) {
		if (round)
			src[n / 2][bit / 8] ^= (unsigned char)(1 << (bit % 8));
		res = 0xdead;
		CHECK(run(dma->device_prep_dma_xor_val(chan, sa, n + 1, len,
				&res, DMA_CTRL_ACK)) == DMA_COMPLETE,
		      "xor_val round %d", round);
		CHECK(res == (round ? SUM_CHECK_P_RESULT : 0),
		      "xor_val len=%zu round %d: %#x", len, round, res);
	}
	for (k = 0; k < n; k++)
		dma_unmap_single(ddev, sa[k], len, DMA_TO_DEVICE);
	dma_unmap_single(ddev, pq[0], len, DMA_TO_DEVICE);
	dma_unmap_single(ddev, pq[1], len, DMA_TO_DEVICE);
}

/* Bad arguments: NULL, every other channel untouched. */
static void test_bad_args(void)
{
	dma_addr_t sa[300], pq[2];
	unsigned char coefs[300] = { 0 };
	enum sum_check_flags res;
	int i;

	for (i = 0; i < 300; i++)
		sa[i] = dma_map_single(ddev, buf[i % NBUF], 64, DMA_TO_DEVICE);
	pq[0] = sa[0];
	pq[1] = sa[1];
	CHECK(!dma->device_prep_dma_xor(chan, sa[0], sa, dma->max_xor + 1, 64,
					0), "xor past max_xor");
	CHECK(!dma->device_prep_dma_pq(chan, pq, sa, dma_maxpq(dma, 0) + 1,
				       coefs, 64, 0), "pq past max_pq");
	CHECK(!dma->device_prep_dma_pq(chan, pq, sa, 2, coefs, 64,
			DMA_PREP_PQ_DISABLE_P | DMA_PREP_PQ_DISABLE_Q),
	      "pq with P and Q disabled");
	CHECK(!dma->device_prep_dma_xor(chan, sa[0], sa, 2, 0, 0), "xor len 0");
	CHECK(!dma->device_prep_dma_pq(chan, pq, sa, 0, coefs, 64, 0),
	      "pq without sources");
	CHECK(!dma->device_prep_dma_pq(chan, pq, sa, 2, NULL, 64, 0),
	      "pq without coefficients");
	CHECK(!dma->device_prep_dma_xor_val(chan, sa, 2, 64, NULL, 0),
	      "xor_val without result");
	CHECK(!dma->device_prep_dma_pq_val(chan, pq, sa, 2, coefs, 64, NULL, 0),
	      "pq_val without result");
	(void)res;
	for (i = 0; i < 300; i++)
		dma_unmap_single(ddev, sa[i], 64, DMA_TO_DEVICE);
}

/* Residue and pause act within one chunk of a RAID operation. */
static void test_pause_residue(void)
{
	size_t len = MAXB;
	dma_addr_t sa[4], da;
	struct dma_tx_state st;
	dma_cookie_t cookie;
	enum dma_status s;
	unsigned char *ref = malloc(len), *src[4], ones[4] = { 1, 1, 1, 1 };
	int k;

	for (k = 0; k < 4; k++) {
		src[k] = buf[k];
		fill_random(src[k], len);
		sa[k] = map(src[k], len, DMA_TO_DEVICE);
	}
	ref_pq(ref, NULL, src, ones, 4, len);
	da = map(buf[NBUF - 1], len, DMA_FROM_DEVICE);
	CHECK(!dmaengine_pause(chan), "pause");
	cookie = dmaengine_submit(dma->device_prep_dma_xor(chan, da, sa, 4, len,
						DMA_PREP_INTERRUPT | DMA_CTRL_ACK));
	dma_async_issue_pending(chan);
	s = dmaengine_tx_status(chan, cookie, &st);
	CHECK(s == DMA_PAUSED && st.residue == len,
	      "paused xor: status %d residue %u", s, st.residue);
	CHECK(!dmaengine_resume(chan), "resume");
	CHECK(dma_sync_wait(chan, cookie) == DMA_COMPLETE, "xor after resume");
	s = dmaengine_tx_status(chan, cookie, &st);
	CHECK(s == DMA_COMPLETE && st.residue == 0, "done: %d %u", s,
	      st.residue);
	CHECK(!memcmp(buf[NBUF - 1], ref, len), "xor after pause");
	for (k = 0; k < 4; k++)
		dma_unmap_single(ddev, sa[k], len, DMA_TO_DEVICE);
	dma_unmap_single(ddev, da, len, DMA_FROM_DEVICE);
	free(ref);
}

/* Descriptors not acked at prep are kept until acked; many, unacked. */
static void test_unacked(void)
{
	dma_addr_t sa[2], da;
	int i;

	sa[0] = map(buf[0], 256, DMA_TO_DEVICE);
	sa[1] = map(buf[1], 256, DMA_TO_DEVICE);
	da = map(buf[2], 256, DMA_FROM_DEVICE);
	for (i = 0; i < 3000; i++) {
		struct dma_async_tx_descriptor *tx;

		tx = dma->device_prep_dma_xor(chan, da, sa, 2, 256, 0);
		CHECK(tx && tx->cookie == -EBUSY, "prepared cookie -EBUSY");
		if (run(tx) != DMA_COMPLETE) {
			CHECK(0, "unacked xor %d", i);
			break;
		}
		if (i % 2)
			async_tx_ack(tx);	/* still valid: not acked */
	}
	dma_unmap_single(ddev, sa[0], 256, DMA_TO_DEVICE);
	dma_unmap_single(ddev, sa[1], 256, DMA_TO_DEVICE);
	dma_unmap_single(ddev, da, 256, DMA_FROM_DEVICE);
}

int main(void)
{
	dma_cap_mask_t mask;
	int i;

	if (dmakit_boot(NULL))
		return 1;
	dma_cap_zero(mask);
	dma_cap_set(DMA_XOR, mask);
	dma_cap_set(DMA_PQ, mask);
	dma_cap_set(DMA_XOR_VAL, mask);
	dma_cap_set(DMA_PQ_VAL, mask);
	chan = dma_request_chan_by_mask(&mask);
	if (IS_ERR(chan)) {
		fprintf(stderr, "no XOR/PQ channel: %ld\n", PTR_ERR(chan));
		return 1;
	}
	dma = chan->device;
	ddev = dmaengine_get_dma_device(chan);
	CHECK(dma->max_xor >= 2, "max_xor %u", dma->max_xor);
	CHECK(dma_dev_has_pq_continue(dma), "native PQ continue");
	CHECK(dma_maxpq(dma, DMA_PREP_CONTINUE) == dma_maxpq(dma, 0),
	      "continue costs no sources");
	CHECK(dma_has_cap(DMA_ASYNC_TX, dma->cap_mask), "DMA_ASYNC_TX");
	CHECK(dma->xor_align == DMAENGINE_ALIGN_1_BYTE &&
	      dma->pq_align == DMAENGINE_ALIGN_1_BYTE, "alignment");
	for (i = 0; i < NBUF; i++) {
		buf[i] = malloc(MAXB + SLACK);
		if (!buf[i])
			return 1;
	}

	test_pq_xor_sizes();
	test_pq_variants();
	test_dmatest_pattern();
	test_val(1);
	test_val(4096);
	test_val(MAXB - 7);
	test_bad_args();
	test_pause_residue();
	test_unacked();

	dma_release_channel(chan);
	for (i = 0; i < NBUF; i++)
		free(buf[i]);
	dmakit_shutdown();
	if (failures)
		return 1;
	printf("test_soft_raid: ok\n");
	return 0;
}
