// SPDX-License-Identifier: GPL-2.0
/*
 * async_tx RAID operations, first with no DMA channel (before boot: the
 * synchronous CPU paths), then on the software engine after boot: XOR
 * (zero-dst, drop-dst, more sources than max_xor), xor_val, memcpy,
 * gen_syndrome (more data disks than max_pq: continued P+Q), omitted P
 * or Q, syndrome_val catching one flipped bit in P and in Q, and
 * recovery of every pair of lost data disks and of data+P.  Everything
 * is checked against a byte-at-a-time reference, and the two phases must
 * produce identical bytes (same seed, digest of every result).
 */
#include <linux/async_tx.h>
#include <linux/completion.h>
#include <linux/mm.h>
#include <dmakit/board.h>
#include "raid_ref.h"

#define MAXD	48

struct waiter {
	struct completion done;
	int calls;
};

static void cb(void *p)
{
	struct waiter *w = p;

	__atomic_add_fetch(&w->calls, 1, __ATOMIC_SEQ_CST);
	complete(&w->done);
}

static bool engine;
static uint64_t digest;
static int offloaded;

static void digest_add(const void *p, size_t len)
{
	const unsigned char *b = p;
	size_t i;

	for (i = 0; i < len; i++)
		digest = (digest ^ b[i]) * 0x100000001b3ull;
}

/* Wait for @tx (NULL: it ran synchronously) and its one callback. */
static void finish(struct dma_async_tx_descriptor *tx, struct waiter *w,
		   const char *what)
{
	if (tx) {
		offloaded++;
		async_tx_issue_pending_all();
	}
	CHECK(wait_for_completion_timeout(&w->done, msecs_to_jiffies(20000)),
	      "%s: no callback", what);
	CHECK(!engine || tx || !strcmp(what, "sync"), "%s: not offloaded",
	      what);
	if (tx)
		async_tx_quiesce(&tx);
	CHECK(w->calls == 1, "%s: %d callbacks", what, w->calls);
}

static void submit_init(struct async_submit_ctl *s, enum async_tx_flags f,
			struct waiter *w, addr_conv_t *scribble)
{
	init_completion(&w->done);
	w->calls = 0;
	init_async_submit(s, f, NULL, cb, w, scribble);
}

static struct page *page_alloc(size_t len)
{
	size_t n = (len + 64 + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1);

	return aligned_alloc(PAGE_SIZE, n);
}

struct stripe {
	int disks;
	size_t len;
	struct page *blk[MAXD];
	unsigned int off[MAXD];
	unsigned char *orig[MAXD];
};

static unsigned char *at(struct stripe *s, int i)
{
	return (unsigned char *)page_address(s->blk[i]) + s->off[i];
}

static void stripe_init(struct stripe *s, int disks, size_t len)
{
	int i;

	s->disks = disks;
	s->len = len;
	for (i = 0; i < disks; i++) {
		s->blk[i] = page_alloc(len);
		s->off[i] = rnd() % 64;
		s->orig[i] = malloc(len);
		fill_random(at(s, i), len);
	}
}

static void stripe_free(struct stripe *s)
{
	int i;

	for (i = 0; i < s->disks; i++) {
		free(s->blk[i]);
		free(s->orig[i]);
	}
}

static void ref_stripe_pq(struct stripe *s, unsigned char *p, unsigned char *q)
{
	unsigned char *srcs[MAXD], coefs[MAXD];
	int i;

	for (i = 0; i < s->disks - 2; i++) {
		srcs[i] = at(s, i);
		coefs[i] = ref_gfexp(i);
	}
	ref_pq(p, q, srcs, coefs, s->disks - 2, s->len);
}

static void test_gen_val(struct stripe *s)
{
	int d = s->disks, i, round;
	unsigned char *rp = malloc(s->len), *rq = malloc(s->len);
	struct page *spare = page_alloc(s->len);
	struct page *keep;
	addr_conv_t scribble[MAXD];
	struct async_submit_ctl sub;
	struct dma_async_tx_descriptor *tx;
	enum sum_check_flags res;
	struct waiter w;
	size_t bit;

	ref_stripe_pq(s, rp, rq);
	submit_init(&sub, 0, &w, scribble);
	tx = async_gen_syndrome(s->blk, s->off, d, s->len, &sub);
	finish(tx, &w, "gen_syndrome");
	CHECK(!memcmp(at(s, d - 2), rp, s->len), "P disks=%d len=%zu", d,
	      s->len);
	CHECK(!memcmp(at(s, d - 1), rq, s->len), "Q disks=%d len=%zu", d,
	      s->len);
	digest_add(at(s, d - 2), s->len);
	digest_add(at(s, d - 1), s->len);
	for (i = 0; i < d; i++)
		memcpy(s->orig[i], at(s, i), s->len);

	/* P omitted, then Q omitted: the other one is still computed */
	for (round = 0; round < 2; round++) {
		int gone = round ? d - 1 : d - 2, kept = round ? d - 2 : d - 1;

		keep = s->blk[gone];
		s->blk[gone] = NULL;
		memset(at(s, kept), 0xa5, s->len);
		submit_init(&sub, 0, &w, scribble);
		tx = async_gen_syndrome(s->blk, s->off, d, s->len, &sub);
		finish(tx, &w, "gen_syndrome P or Q omitted");
		s->blk[gone] = keep;
		CHECK(!memcmp(at(s, kept), s->orig[kept], s->len),
		      "%s alone, disks=%d len=%zu", round ? "P" : "Q", d,
		      s->len);
	}

	/* validation: clean, P bit, Q bit */
	bit = rnd() % (s->len * 8);
	for (round = 0; round < 3; round++) {
		unsigned char *victim = round == 1 ? at(s, d - 2) :
					round == 2 ? at(s, d - 1) : NULL;
		enum sum_check_flags want = round == 1 ? SUM_CHECK_P_RESULT :
					    round == 2 ? SUM_CHECK_Q_RESULT : 0;

		if (victim)
			victim[bit / 8] ^= (unsigned char)(1 << (bit % 8));
		res = 0xbad;
		submit_init(&sub, 0, &w, scribble);
		tx = async_syndrome_val(s->blk, s->off, d, s->len, &res, spare,
					0, &sub);
		finish(tx, &w, d <= 16 ? "syndrome_val" : "sync");
		CHECK(res == want, "syndrome_val disks=%d len=%zu round %d: %#x",
		      d, s->len, round, res);
		if (victim)
			victim[bit / 8] ^= (unsigned char)(1 << (bit % 8));
	}
	free(spare);
	free(rp);
	free(rq);
}

static void check_stripe(struct stripe *s, const char *what, int a, int b)
{
	int i;

	for (i = 0; i < s->disks; i++)
		CHECK(!memcmp(at(s, i), s->orig[i], s->len),
		      "%s(%d,%d) disks=%d len=%zu: block %d wrong", what, a, b,
		      s->disks, s->len, i);
	digest_add(at(s, a), s->len);
}

static void test_recov(struct stripe *s)
{
	int data = s->disks - 2, a, b, n = 0;
	addr_conv_t scribble[MAXD];
	struct async_submit_ctl sub;
	struct dma_async_tx_descriptor *tx;
	struct waiter w;

	for (a = 0; a < data; a++) {
		for (b = a + 1; b < data; b++) {
			if (data > 8 && rnd() % 8)
				continue;
			fill_random(at(s, a), s->len);
			fill_random(at(s, b), s->len);
			submit_init(&sub, 0, &w, scribble);
			/* either order of the failed indices */
			n++;
			tx = async_raid6_2data_recov(s->disks, s->len,
						     n % 2 ? a : b,
						     n % 2 ? b : a,
						     s->blk, s->off, &sub);
			finish(tx, &w, "2data_recov");
			check_stripe(s, "2data_recov", a, b);
		}
		fill_random(at(s, a), s->len);
		fill_random(at(s, s->disks - 2), s->len);
		submit_init(&sub, 0, &w, scribble);
		tx = async_raid6_datap_recov(s->disks, s->len, a, s->blk,
					     s->off, &sub);
		finish(tx, &w, "datap_recov");
		check_stripe(s, "datap_recov", a, s->disks - 2);
	}
	/*
	 * Without a scribble buffer: synchronous even with a channel, and
	 * (as in the kernel) blocks[] is overwritten with the addresses.
	 */
	{
		struct page *saved[MAXD];

		memcpy(saved, s->blk, sizeof(saved));
		fill_random(at(s, 0), s->len);
		fill_random(at(s, 1), s->len);
		submit_init(&sub, 0, &w, NULL);
		tx = async_raid6_2data_recov(s->disks, s->len, 0, 1, s->blk,
					     s->off, &sub);
		CHECK(!tx, "2data_recov without scribble offloaded");
		finish(tx, &w, "sync");
		memcpy(s->blk, saved, sizeof(saved));
	}
	check_stripe(s, "2data_recov sync", 0, 1);
}

static void test_xor(int n, size_t len)
{
	struct page *src[MAXD + 1], *dst = page_alloc(len);
	unsigned char *p[MAXD + 1], *ref = malloc(len), ones[MAXD + 1];
	struct async_submit_ctl sub;
	struct dma_async_tx_descriptor *tx;
	enum sum_check_flags res;
	struct waiter w;
	unsigned int off = rnd() % 64;
	int i;

	for (i = 0; i < n; i++) {
		src[i] = page_alloc(len);
		p[i] = (unsigned char *)page_address(src[i]) + off;
		fill_random(p[i], len);
		ones[i] = 1;
	}
	fill_random((unsigned char *)dst + off, len);
	ref_pq(ref, NULL, p, ones, n, len);
	submit_init(&sub, ASYNC_TX_XOR_ZERO_DST, &w, NULL);
	{
		struct page *list[MAXD + 1];

		memcpy(list, src, sizeof(*src) * n);
		tx = async_xor(dst, list, off, n, len, &sub);
	}
	finish(tx, &w, "xor");
	CHECK(!memcmp((unsigned char *)dst + off, ref, len),
	      "xor n=%d len=%zu", n, len);
	digest_add((unsigned char *)dst + off, len);

	/* parity check: data ^ parity == 0, then one flipped bit */
	for (i = 0; i < 2; i++) {
		struct page *list[MAXD + 1];

		if (i)
			p[n / 2][len / 2] ^= 0x10;
		list[0] = dst;
		memcpy(list + 1, src, sizeof(*src) * n);
		res = 0xbad;
		submit_init(&sub, 0, &w, NULL);
		tx = async_xor_val(dst, list, off, n + 1, len, &res, &sub);
		finish(tx, &w, n + 1 <= 16 ? "xor_val" : "sync");
		CHECK(res == (i ? SUM_CHECK_P_RESULT : 0),
		      "xor_val n=%d len=%zu flip=%d: %#x", n, len, i, res);
		if (i)
			p[n / 2][len / 2] ^= 0x10;
	}

	/* drop-dst: dst ^= the others, dst listed first */
	if (!engine || n + 1 <= 16) {
		struct page *list[MAXD + 1];

		memcpy(ref, (unsigned char *)dst + off, len);
		for (i = 0; i < (int)len; i++)
			ref[i] ^= p[0][i] ^ p[n - 1][i];
		list[0] = dst;
		list[1] = src[0];
		list[2] = src[n - 1];
		submit_init(&sub, ASYNC_TX_XOR_DROP_DST, &w, NULL);
		tx = async_xor(dst, list, off, 3, len, &sub);
		finish(tx, &w, "xor drop-dst");
		CHECK(!memcmp((unsigned char *)dst + off, ref, len),
		      "xor drop-dst len=%zu", len);
	}

	/* memcpy between two offsets */
	submit_init(&sub, 0, &w, NULL);
	tx = async_memcpy(dst, src[0], 3, off, len, &sub);
	finish(tx, &w, "memcpy");
	CHECK(!memcmp((unsigned char *)dst + 3, p[0], len), "memcpy len=%zu",
	      len);

	for (i = 0; i < n; i++)
		free(src[i]);
	free(dst);
	free(ref);
}

static const struct { int disks; size_t len; } cfg[] = {
	{ 4, 1 }, { 4, 4096 }, { 5, 1000 }, { 5, 3 * 4096 + 5 },
	{ 6, 65536 }, { 8, 100000 }, { 20, 4096 * 3 + 5 }, { 40, 8192 },
};

static uint64_t phase(void)
{
	size_t c;

	rng_state = 0x1234567;
	digest = 0xcbf29ce484222325ull;
	offloaded = 0;
	for (c = 0; c < ARRAY_SIZE(cfg); c++) {
		struct stripe s;

		stripe_init(&s, cfg[c].disks, cfg[c].len);
		test_gen_val(&s);
		test_recov(&s);
		stripe_free(&s);
	}
	test_xor(2, 1);
	test_xor(3, 4096);
	test_xor(15, 70000);
	test_xor(40, 5000);	/* more than max_xor: chained XORs */
	return digest;
}

int main(void)
{
	uint64_t cpu, dma;

	/* no channel yet: every operation runs on the CPU */
	engine = false;
	cpu = phase();
	CHECK(offloaded == 0, "%d operations offloaded with no channel",
	      offloaded);

	if (dmakit_boot(NULL))
		return 1;
	engine = true;
	dma = phase();
	CHECK(offloaded > 100, "only %d operations offloaded", offloaded);
	CHECK(cpu == dma, "CPU and engine results differ");
	dmakit_shutdown();
	if (failures)
		return 1;
	printf("test_async_raid: ok (%d offloaded)\n", offloaded);
	return 0;
}
