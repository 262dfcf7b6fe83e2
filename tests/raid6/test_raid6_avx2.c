// SPDX-License-Identifier: GPL-2.0
/*
 * test_raid6_avx2 - the AVX2 code gives byte-identical results to the
 * portable code for the syndrome, xor_syndrome, coefficient P/Q,
 * recovery and block XOR.  Exits 77 (skip) without AVX2.
 */
#include <linux/raid/xor.h>
#include "raid6_test.h"

#define NDISKS_MAX	64

static const struct raid6_calls *find_gen(const char *prefix, int *count)
{
	const struct raid6_calls *const *a, *first = NULL;

	*count = 0;
	for (a = raid6_algos; *a; a++) {
		if (!strncmp((*a)->name, prefix, strlen(prefix))) {
			if (!first)
				first = *a;
			(*count)++;
		}
	}
	return first;
}

/* Two identical random stripes at random alignments, one per implementation */
struct pair {
	int disks;
	void *a[NDISKS_MAX], *b[NDISKS_MAX];
	u8 *mem_a[NDISKS_MAX], *mem_b[NDISKS_MAX];
};

static void pair_alloc(struct pair *s, int disks, size_t len)
{
	unsigned int mis;
	int i;

	s->disks = disks;
	for (i = 0; i < disks; i++) {
		s->mem_a[i] = malloc(len + 64);
		s->mem_b[i] = malloc(len + 64);
		mis = rnd_below(64);
		s->a[i] = s->mem_a[i] + mis;
		mis = rnd_below(64);
		s->b[i] = s->mem_b[i] + mis;
		fill_random(s->a[i], len);
		memcpy(s->b[i], s->a[i], len);
	}
}

static void pair_free(struct pair *s)
{
	int i;

	for (i = 0; i < s->disks; i++) {
		free(s->mem_a[i]);
		free(s->mem_b[i]);
	}
}

static bool pair_same(const struct pair *s, size_t len)
{
	int i;

	for (i = 0; i < s->disks; i++)
		if (memcmp(s->a[i], s->b[i], len))
			return false;
	return true;
}

static void compare_gen(const struct raid6_calls *v, int disks, size_t len)
{
	struct pair s;
	int start, stop;

	pair_alloc(&s, disks, len);
	raid6_intx1.gen_syndrome(disks, len, s.a);
	v->gen_syndrome(disks, len, s.b);
	CHECK(pair_same(&s, len), "%s gen != int disks=%d len=%zu",
	      v->name, disks, len);
	stop = rnd_below(disks - 2);
	start = rnd_below(stop + 1);
	raid6_intx1.xor_syndrome(disks, start, stop, len, s.a);
	v->xor_syndrome(disks, start, stop, len, s.b);
	CHECK(pair_same(&s, len),
	      "%s xor != int disks=%d %d..%d len=%zu", v->name, disks, start,
	      stop, len);
	pair_free(&s);
}

static void compare_coef(int n, size_t len, bool do_p, bool do_q, bool cont)
{
	struct pair s;
	u8 coefs[NDISKS_MAX];
	int i;

	pair_alloc(&s, n + 2, len);
	for (i = 0; i < n; i++)
		coefs[i] = (u8)rnd();
	raid6_coef_int.gen_pq(n, 0, len, (u8 **)s.a, coefs, s.a[n], s.a[n + 1],
			      do_p, do_q, cont);
	raid6_coef_avx2.gen_pq(n, 0, len, (u8 **)s.b, coefs, s.b[n], s.b[n + 1],
			       do_p, do_q, cont);
	CHECK(pair_same(&s, len),
	      "coef avx2 != int n=%d len=%zu p%d q%d c%d", n, len, do_p, do_q,
	      cont);
	pair_free(&s);
}

static void compare_recov(int disks, size_t len)
{
	struct pair s;
	int fa, fb;

	pair_alloc(&s, disks, len);
	raid6_call.gen_syndrome(disks, len, s.a);
	raid6_call.gen_syndrome(disks, len, s.b);
	fa = rnd_below(disks - 2);
	do
		fb = rnd_below(disks - 2);
	while (fb == fa);
	/* garbage in the lost blocks: results must still agree */
	fill_random(s.a[fa], len);
	memcpy(s.b[fa], s.a[fa], len);
	fill_random(s.a[fb], len);
	memcpy(s.b[fb], s.a[fb], len);
	raid6_recov_intx1.data2(disks, len, fa, fb, s.a);
	raid6_recov_avx2.data2(disks, len, fa, fb, s.b);
	CHECK(pair_same(&s, len), "recov 2data disks=%d len=%zu",
	      disks, len);
	raid6_recov_intx1.datap(disks, len, fa, s.a);
	raid6_recov_avx2.datap(disks, len, fa, s.b);
	CHECK(pair_same(&s, len), "recov datap disks=%d len=%zu",
	      disks, len);
	pair_free(&s);
}

static void compare_xor(int n, size_t len)
{
	struct pair s;

	pair_alloc(&s, n + 1, len);
	xor_select_template(&xor_block_8regs);
	xor_blocks(n, len, s.a[n], s.a);
	xor_gen(s.a[0], (u8 **)s.a + 1, n, len, false);
	xor_select_template(&xor_block_avx2);
	xor_blocks(n, len, s.b[n], s.b);
	xor_gen(s.b[0], (u8 **)s.b + 1, n, len, false);
	CHECK(pair_same(&s, len), "xor avx2 != 8regs n=%d len=%zu",
	      n, len);
	CHECK(xor_check_zero((u8 **)s.a, n + 1, len) ==
	      xor_check_zero((u8 **)s.b, n + 1, len), "check_zero differs");
	pair_free(&s);
}

int main(void)
{
	const struct raid6_calls *const *v;
	int i, navx2;

	if (!find_gen("avx2", &navx2) || !raid6_avx2x1.valid()) {
		printf("test_raid6_avx2: no AVX2 here, skipped\n");
		return EXIT_SKIP;
	}
	CHECK(navx2 == 3, "%d AVX2 syndrome algorithms listed", navx2);
	CHECK(xor_template_usable(&xor_block_avx2), "xor avx2 unusable");
	CHECK(raid6_recov_avx2.valid() && raid6_coef_avx2.valid(),
	      "avx2 recov/coef not valid");

	for (v = raid6_algos; *v; v++) {
		if (strncmp((*v)->name, "avx2", 4))
			continue;
		for (i = 0; i < 300; i++)
			compare_gen(*v, 4 + rnd_below(NDISKS_MAX - 3),
				    1 + rnd_below(i < 200 ? 600 : 20000));
		compare_gen(*v, 12, 1 << 20);
	}
	for (i = 0; i < 300; i++)
		compare_coef(rnd_below(NDISKS_MAX - 1),
			     1 + rnd_below(i < 200 ? 600 : 20000),
			     rnd_below(4) != 0, rnd_below(4) != 0,
			     rnd_below(2));
	compare_coef(NDISKS_MAX - 2, 1 << 20, true, true, false);
	for (i = 0; i < 200; i++)
		compare_recov(4 + rnd_below(NDISKS_MAX - 3),
			      1 + rnd_below(i < 150 ? 600 : 15000));
	compare_recov(10, (1 << 20) + 31);
	for (i = 0; i < 300; i++)
		compare_xor(1 + rnd_below(NDISKS_MAX - 2),
			    1 + rnd_below(i < 200 ? 600 : 20000));
	compare_xor(4, 1 << 20);
	xor_select_template(NULL);
	return test_result("test_raid6_avx2");
}
