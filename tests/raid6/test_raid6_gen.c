// SPDX-License-Identifier: GPL-2.0
/*
 * test_raid6_gen - gen_syndrome and xor_syndrome of every usable
 * algorithm equal a byte-at-a-time reference, for 4..40 disks, sizes
 * from 1 byte to 1 MiB (odd ones included) and misaligned blocks.
 */
#include "raid6_test.h"

#define MAX_TEST_DISKS	40

struct stripe {
	int disks;
	size_t len;
	struct tbuf b[MAX_TEST_DISKS];
	void *ptrs[MAX_TEST_DISKS];
};

static void stripe_alloc(struct stripe *s, int disks, size_t len,
			 bool aligned)
{
	int i;

	s->disks = disks;
	s->len = len;
	for (i = 0; i < disks; i++) {
		tbuf_alloc(&s->b[i], len, aligned ? 0 : rnd_below(64));
		fill_random(s->b[i].p, len);
		s->ptrs[i] = s->b[i].p;
	}
}

static void stripe_free(struct stripe *s)
{
	int i;

	for (i = 0; i < s->disks; i++)
		tbuf_free(&s->b[i]);
}

static bool stripe_canaries_ok(const struct stripe *s)
{
	int i;

	for (i = 0; i < s->disks; i++)
		if (!tbuf_canary_ok(&s->b[i]))
			return false;
	return true;
}

/* Is the reference itself right?  Q straight from the definition. */
static void check_reference(void)
{
	u8 d[5][3], p[3], q[3], *data[5];
	int z, j;

	for (z = 0; z < 5; z++) {
		fill_random(d[z], 3);
		data[z] = d[z];
	}
	ref_syndrome(5, 3, data, p, q);
	for (j = 0; j < 3; j++) {
		u8 wq = 0, wp = 0;

		for (z = 0; z < 5; z++) {
			wp ^= d[z][j];
			wq ^= ref_gfmul(ref_gfpow2(z), d[z][j]);
		}
		CHECK(p[j] == wp && q[j] == wq, "reference syndrome wrong");
	}
}

static void test_gen(const struct raid6_calls *a, int disks, size_t len,
		     bool aligned)
{
	struct stripe s;
	u8 *rp = malloc(len), *rq = malloc(len);
	long bad;

	stripe_alloc(&s, disks, len, aligned);
	ref_syndrome(disks - 2, len, (u8 **)s.ptrs, rp, rq);
	a->gen_syndrome(disks, len, s.ptrs);

	bad = first_diff(s.ptrs[disks - 2], rp, len);
	CHECK(bad < 0, "%s gen P disks=%d len=%zu: byte %ld", a->name, disks,
	      len, bad);
	bad = first_diff(s.ptrs[disks - 1], rq, len);
	CHECK(bad < 0, "%s gen Q disks=%d len=%zu: byte %ld", a->name, disks,
	      len, bad);
	CHECK(stripe_canaries_ok(&s), "%s gen disks=%d len=%zu: overrun",
	      a->name, disks, len);
	stripe_free(&s);
	free(rp);
	free(rq);
}

/*
 * P ^= D_start..D_stop, Q ^= sum g^z D_z over the same range; blocks
 * outside the range must not be read (they are NULL here).
 */
static void test_xor(const struct raid6_calls *a, int disks, size_t len)
{
	int ndata = disks - 2, start, stop, z;
	u8 *rp = malloc(len), *rq = malloc(len);
	struct stripe s;
	size_t j;
	long bad;

	stop = rnd_below(ndata);
	start = rnd_below(stop + 1);
	stripe_alloc(&s, disks, len, false);
	memcpy(rp, s.ptrs[disks - 2], len);
	memcpy(rq, s.ptrs[disks - 1], len);
	for (j = 0; j < len; j++) {
		u8 wp = 0, wq = 0;

		for (z = stop; z >= 0; z--) {
			u8 d = z >= start ? ((u8 *)s.ptrs[z])[j] : 0;

			wp ^= d;
			wq = ref_mul2(wq) ^ d;
		}
		rp[j] ^= wp;
		rq[j] ^= wq;
	}
	for (z = 0; z < ndata; z++)
		if (z < start || z > stop)
			s.ptrs[z] = NULL;
	a->xor_syndrome(disks, start, stop, len, s.ptrs);

	bad = first_diff(s.ptrs[disks - 2], rp, len);
	CHECK(bad < 0, "%s xor P disks=%d %d..%d len=%zu: byte %ld", a->name,
	      disks, start, stop, len, bad);
	bad = first_diff(s.ptrs[disks - 1], rq, len);
	CHECK(bad < 0, "%s xor Q disks=%d %d..%d len=%zu: byte %ld", a->name,
	      disks, start, stop, len, bad);
	CHECK(stripe_canaries_ok(&s), "%s xor disks=%d len=%zu: overrun",
	      a->name, disks, len);
	stripe_free(&s);
	free(rp);
	free(rq);
}

static const size_t sizes[] = {
	1, 2, 3, 7, 8, 9, 15, 16, 17, 31, 32, 33, 63, 64, 65, 95, 127, 128,
	129, 191, 255, 256, 257, 511, 512, 1000, 4096, 4099, 8191,
};

int main(void)
{
	const struct raid6_calls *const *a;
	int disks, n = 0;
	size_t i;

	check_reference();
	for (a = raid6_algos; *a; a++) {
		if (!algo_valid((*a)->valid)) {
			printf("%s: not usable on this CPU, skipped\n",
			       (*a)->name);
			continue;
		}
		n++;
		for (disks = RAID6_MIN_DISKS; disks <= MAX_TEST_DISKS; disks++) {
			for (i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
				/* sizes over 300 for a subset, to save time */
				if (sizes[i] > 300 && disks > 8 && disks % 4)
					continue;
				test_gen(*a, disks, sizes[i], false);
				test_xor(*a, disks, sizes[i]);
			}
			/* a random odd size, and a page-aligned stripe */
			test_gen(*a, disks, 1 + rnd_below(5000), false);
			test_gen(*a, disks, 4096, true);
		}
		test_gen(*a, 4, 1 << 20, true);
		test_gen(*a, 5, (1 << 20) + 13, false);
		test_xor(*a, 6, (1 << 20) - 7);
		printf("%s: checked\n", (*a)->name);
	}
	CHECK(n >= 3, "only %d algorithms usable", n);

	/* The selected algorithm, through the newer kernels' wrappers */
	{
		struct stripe s;
		u8 rp[777], rq[777];

		stripe_alloc(&s, 7, 777, false);
		ref_syndrome(5, 777, (u8 **)s.ptrs, rp, rq);
		raid6_gen_syndrome(7, 777, s.ptrs);
		CHECK(!memcmp(s.ptrs[5], rp, 777) &&
		      !memcmp(s.ptrs[6], rq, 777), "raid6_gen_syndrome");
		CHECK(raid6_can_xor_syndrome(), "raid6_can_xor_syndrome");
		/* removing every data block's contribution leaves zero */
		raid6_xor_syndrome(7, 0, 4, 777, s.ptrs);
		memset(rp, 0, sizeof(rp));
		CHECK(!memcmp(s.ptrs[5], rp, 777) &&
		      !memcmp(s.ptrs[6], rp, 777), "raid6_xor_syndrome");
		stripe_free(&s);
	}
	return test_result("test_raid6_gen");
}
