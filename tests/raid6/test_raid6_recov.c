// SPDX-License-Identifier: GPL-2.0
/*
 * test_raid6_recov - every usable recovery implementation, over portable
 * and best syndrome generators, rebuilds every pair of lost data blocks
 * and every data+P loss for several disk counts and sizes; and
 * raid6_dual_recov rebuilds every pair of any two blocks.
 */
#include "raid6_test.h"

#define MAX_TEST_DISKS	24
#define POISON		0x5a

struct stripe {
	int disks;
	size_t len;
	struct tbuf b[MAX_TEST_DISKS];
	void *ptrs[MAX_TEST_DISKS];
	u8 *orig[MAX_TEST_DISKS];
};

static void stripe_alloc(struct stripe *s, int disks, size_t len)
{
	int i;

	s->disks = disks;
	s->len = len;
	for (i = 0; i < disks; i++) {
		tbuf_alloc(&s->b[i], len, rnd_below(64));
		s->ptrs[i] = s->b[i].p;
		s->orig[i] = malloc(len);
		if (i < disks - 2)
			fill_random(s->b[i].p, len);
	}
	ref_syndrome(disks - 2, len, (u8 **)s->ptrs, s->ptrs[disks - 2],
		     s->ptrs[disks - 1]);
	for (i = 0; i < disks; i++)
		memcpy(s->orig[i], s->ptrs[i], len);
}

static void stripe_free(struct stripe *s)
{
	int i;

	for (i = 0; i < s->disks; i++) {
		tbuf_free(&s->b[i]);
		free(s->orig[i]);
	}
}

/* All blocks equal the originals, no canary touched, ptrs unchanged */
static bool stripe_intact(struct stripe *s, const char *what, int fa, int fb)
{
	bool ok = true;
	long bad;
	int i;

	for (i = 0; i < s->disks; i++) {
		CHECK(s->ptrs[i] == s->b[i].p, "%s: ptrs[%d] changed", what, i);
		bad = first_diff(s->ptrs[i], s->orig[i], s->len);
		if (bad >= 0 || !tbuf_canary_ok(&s->b[i])) {
			CHECK(0, "%s disks=%d len=%zu lost %d,%d: block %d byte %ld",
			      what, s->disks, s->len, fa, fb, i, bad);
			ok = false;
		}
	}
	return ok;
}

static void lose(struct stripe *s, int i)
{
	memset(s->ptrs[i], POISON, s->len);
}

static void test_stripe(const struct raid6_recov_calls *r, int disks,
			size_t len)
{
	char what[96];
	struct stripe s;
	int a, b;

	snprintf(what, sizeof(what), "%s/%s", r->name, raid6_call.name);
	stripe_alloc(&s, disks, len);
	for (a = 0; a < disks - 2; a++) {
		for (b = a + 1; b < disks - 2; b++) {
			lose(&s, a);
			lose(&s, b);
			/* either order of the failed indices is accepted */
			if ((a + b) & 1)
				r->data2(disks, len, a, b, s.ptrs);
			else
				r->data2(disks, len, b, a, s.ptrs);
			if (!stripe_intact(&s, what, a, b))
				goto out;
		}
		lose(&s, a);
		lose(&s, disks - 2);
		r->datap(disks, len, a, s.ptrs);
		if (!stripe_intact(&s, what, a, disks - 2))
			goto out;
	}
out:
	stripe_free(&s);
}

static void test_dual(int disks, size_t len)
{
	struct stripe s;
	int a, b;

	stripe_alloc(&s, disks, len);
	for (a = 0; a < disks; a++) {
		for (b = 0; b < disks; b++) {
			if (a == b)
				continue;
			lose(&s, a);
			lose(&s, b);
			raid6_dual_recov(disks, len, a, b, s.ptrs);
			if (!stripe_intact(&s, "raid6_dual_recov", a, b))
				goto out;
		}
	}
out:
	stripe_free(&s);
}

static const int disk_counts[] = { 4, 5, 6, 8, 13, 20 };
static const size_t sizes[] = { 1, 31, 32, 33, 4096, 2 * 4096 + 17 };

int main(void)
{
	const struct raid6_calls *gens[] = { &raid6_intx1, NULL };
	const struct raid6_recov_calls *const *r;
	struct raid6_calls best;
	size_t i, k, g;
	int n = 0;

	raid6_select_algo();
	best = raid6_call;
	gens[1] = raid6_algos[0];	/* the fastest compiled-in */
	if (!algo_valid(gens[1]->valid))
		gens[1] = &best;

	for (r = raid6_recov_algos; *r; r++) {
		if (!algo_valid((*r)->valid)) {
			printf("%s: not usable on this CPU, skipped\n",
			       (*r)->name);
			continue;
		}
		n++;
		for (g = 0; g < 2; g++) {
			raid6_call = *gens[g];
			for (i = 0; i < sizeof(disk_counts) / sizeof(int); i++)
				for (k = 0; k < sizeof(sizes) / sizeof(sizes[0]); k++)
					test_stripe(*r, disk_counts[i],
						    sizes[k]);
			test_stripe(*r, 7, 1 + rnd_below(30000));
		}
		raid6_call = best;
		test_stripe(*r, 6, 1 << 20);
		printf("%s: checked\n", (*r)->name);
	}
	CHECK(n >= 1, "no usable recovery implementation");

	raid6_select_algo();
	test_dual(6, 1000);
	test_dual(10, 4096 + 5);
	test_dual(4, 1);
	return test_result("test_raid6_recov");
}
