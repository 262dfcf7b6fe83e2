// SPDX-License-Identifier: GPL-2.0
/*
 * test_raid6_coef - raid6_gen_pq_coef / raid6_val_pq_coef for every
 * usable implementation: P and Q with arbitrary coefficients against a
 * byte-at-a-time reference, up to 300 sources, 1 B .. 1 MiB, odd sizes,
 * misaligned blocks, P-only / Q-only / continue; the checker reports a
 * single flipped bit in P and in Q.
 */
#include "raid6_test.h"

static u8 mul[256][256];	/* the test's own table, by shift-and-xor */

struct job {
	int src_cnt;
	size_t len;
	struct tbuf *src;
	u8 **srcs;
	u8 *coefs;
	struct tbuf p, q;
};

static void job_alloc(struct job *j, int src_cnt, size_t len)
{
	int i;

	j->src_cnt = src_cnt;
	j->len = len;
	j->src = calloc(src_cnt + 1, sizeof(*j->src));
	j->srcs = calloc(src_cnt + 1, sizeof(*j->srcs));
	j->coefs = calloc(src_cnt + 1, 1);
	for (i = 0; i < src_cnt; i++) {
		tbuf_alloc(&j->src[i], len, rnd_below(64));
		fill_random(j->src[i].p, len);
		j->srcs[i] = j->src[i].p;
		/* mostly random, sometimes the special values 0 and 1 */
		j->coefs[i] = rnd_below(8) ? (u8)rnd() : (u8)rnd_below(2);
	}
	tbuf_alloc(&j->p, len, rnd_below(64));
	tbuf_alloc(&j->q, len, rnd_below(64));
	fill_random(j->p.p, len);
	fill_random(j->q.p, len);
}

static void job_free(struct job *j)
{
	int i;

	for (i = 0; i < j->src_cnt; i++)
		tbuf_free(&j->src[i]);
	tbuf_free(&j->p);
	tbuf_free(&j->q);
	free(j->src);
	free(j->srcs);
	free(j->coefs);
}

static void ref_pq(const struct job *j, u8 *p, u8 *q, bool cont)
{
	size_t k;
	int i;

	for (k = 0; k < j->len; k++) {
		u8 wp = cont ? p[k] : 0, wq = cont ? q[k] : 0;

		for (i = 0; i < j->src_cnt; i++) {
			wp ^= j->srcs[i][k];
			wq ^= mul[j->coefs[i]][j->srcs[i][k]];
		}
		p[k] = wp;
		q[k] = wq;
	}
}

static void test_gen(const char *name, int src_cnt, size_t len, bool do_p,
		     bool do_q, bool cont)
{
	u8 *rp = malloc(len), *rq = malloc(len);
	u8 *op = malloc(len), *oq = malloc(len);
	struct job j;
	long bad;

	job_alloc(&j, src_cnt, len);
	memcpy(rp, j.p.p, len);
	memcpy(rq, j.q.p, len);
	memcpy(op, j.p.p, len);
	memcpy(oq, j.q.p, len);
	ref_pq(&j, rp, rq, cont);
	raid6_gen_pq_coef(src_cnt, len, j.srcs, j.coefs, j.p.p, j.q.p, do_p,
			  do_q, cont);

	bad = first_diff(j.p.p, do_p ? rp : op, len);
	CHECK(bad < 0, "%s P n=%d len=%zu p%d q%d c%d: byte %ld", name,
	      src_cnt, len, do_p, do_q, cont, bad);
	bad = first_diff(j.q.p, do_q ? rq : oq, len);
	CHECK(bad < 0, "%s Q n=%d len=%zu p%d q%d c%d: byte %ld", name,
	      src_cnt, len, do_p, do_q, cont, bad);
	CHECK(tbuf_canary_ok(&j.p) && tbuf_canary_ok(&j.q),
	      "%s n=%d len=%zu: overrun", name, src_cnt, len);
	job_free(&j);
	free(rp);
	free(rq);
	free(op);
	free(oq);
}

/* With coefs[i] = g^i the result is the RAID-6 syndrome */
static void test_syndrome(const char *name, int ndata, size_t len)
{
	u8 *rp = malloc(len), *rq = malloc(len);
	struct job j;

	job_alloc(&j, ndata, len);
	memcpy(j.coefs, raid6_gfexp, ndata);
	ref_syndrome(ndata, len, j.srcs, rp, rq);
	raid6_gen_pq_coef(ndata, len, j.srcs, j.coefs, j.p.p, j.q.p, true,
			  true, false);
	CHECK(!memcmp(j.p.p, rp, len) && !memcmp(j.q.p, rq, len),
	      "%s syndrome n=%d len=%zu", name, ndata, len);
	job_free(&j);
	free(rp);
	free(rq);
}

static void test_val(const char *name, int src_cnt, size_t len)
{
	struct job j;
	size_t pos;
	int r, bit;

	job_alloc(&j, src_cnt, len);
	ref_pq(&j, j.p.p, j.q.p, false);
	r = raid6_val_pq_coef(src_cnt, len, j.srcs, j.coefs, j.p.p, j.q.p,
			      true, true);
	CHECK(r == 0, "%s val clean n=%d len=%zu: %d", name, src_cnt, len, r);

	pos = rnd_below(len);
	bit = 1 << rnd_below(8);
	j.p.p[pos] ^= bit;
	r = raid6_val_pq_coef(src_cnt, len, j.srcs, j.coefs, j.p.p, j.q.p,
			      true, true);
	CHECK(r == RAID6_VAL_P_BAD, "%s val P flip @%zu n=%d len=%zu: %d",
	      name, pos, src_cnt, len, r);
	r = raid6_val_pq_coef(src_cnt, len, j.srcs, j.coefs, j.p.p, j.q.p,
			      false, true);
	CHECK(r == 0, "%s val P flip, P unchecked: %d", name, r);
	j.p.p[pos] ^= bit;

	pos = len - 1 - rnd_below(len);
	j.q.p[pos] ^= bit;
	r = raid6_val_pq_coef(src_cnt, len, j.srcs, j.coefs, j.p.p, j.q.p,
			      true, true);
	CHECK(r == RAID6_VAL_Q_BAD, "%s val Q flip @%zu n=%d len=%zu: %d",
	      name, pos, src_cnt, len, r);
	r = raid6_val_pq_coef(src_cnt, len, j.srcs, j.coefs, NULL, j.q.p,
			      false, true);
	CHECK(r == RAID6_VAL_Q_BAD, "%s val Q-only: %d", name, r);

	j.p.p[0] ^= 0x80;
	r = raid6_val_pq_coef(src_cnt, len, j.srcs, j.coefs, j.p.p, j.q.p,
			      true, true);
	CHECK(r == (RAID6_VAL_P_BAD | RAID6_VAL_Q_BAD),
	      "%s val P+Q flip n=%d len=%zu: %d", name, src_cnt, len, r);
	r = raid6_val_pq_coef(src_cnt, len, j.srcs, j.coefs, j.p.p, NULL,
			      true, false);
	CHECK(r == RAID6_VAL_P_BAD, "%s val P-only: %d", name, r);

	/* a source change shows in both */
	j.p.p[0] ^= 0x80;
	j.q.p[pos] ^= bit;
	if (src_cnt) {
		int i = rnd_below(src_cnt);

		if (j.coefs[i] == 0)
			j.coefs[i] = 1;
		j.srcs[i][len / 2] ^= 1;
		r = raid6_val_pq_coef(src_cnt, len, j.srcs, j.coefs, j.p.p,
				      j.q.p, true, true);
		CHECK(r == (RAID6_VAL_P_BAD | RAID6_VAL_Q_BAD),
		      "%s val source flip: %d", name, r);
	}
	job_free(&j);
}

static const size_t sizes[] = {
	1, 2, 5, 8, 31, 32, 33, 63, 64, 65, 100, 127, 128, 129, 1023, 1024,
	1025, 2047, 2049, 4096, 4103,
};
static const int counts[] = { 0, 1, 2, 3, 4, 5, 8, 16, 17, 40 };

int main(void)
{
	const struct raid6_coef_calls *const *a;
	int a_b, b, n = 0;
	size_t i, k;

	for (a_b = 0; a_b < 256; a_b++)
		for (b = 0; b < 256; b++)
			mul[a_b][b] = ref_gfmul(a_b, b);

	for (a = raid6_coef_algos; *a; a++) {
		const char *name = (*a)->name;

		if (!algo_valid((*a)->valid)) {
			printf("%s: not usable on this CPU, skipped\n", name);
			continue;
		}
		n++;
		raid6_coef_call = **a;
		for (i = 0; i < sizeof(counts) / sizeof(counts[0]); i++) {
			for (k = 0; k < sizeof(sizes) / sizeof(sizes[0]); k++) {
				int mode = rnd_below(4);

				test_gen(name, counts[i], sizes[k], true, true,
					 false);
				test_gen(name, counts[i], sizes[k], mode & 1,
					 !(mode & 1), mode & 2);
				test_gen(name, counts[i], sizes[k], true, true,
					 true);
			}
		}
		test_gen(name, 255, 4096 + 77, true, true, false);
		test_gen(name, 255, 1 + rnd_below(3000), true, true, true);
		test_gen(name, 300, 333, true, true, false);
		test_gen(name, 8, 1 << 20, true, true, false);
		test_gen(name, 6, (1 << 20) + 3, true, false, true);
		test_gen(name, 6, (1 << 20) - 3, false, true, false);
		test_syndrome(name, 2, 4096);
		test_syndrome(name, 37, 5003);
		test_syndrome(name, 253, 1031);
		for (k = 0; k < sizeof(sizes) / sizeof(sizes[0]); k++)
			test_val(name, 1 + rnd_below(20), sizes[k]);
		test_val(name, 255, 3000);
		test_val(name, 8, 1 << 20);
		printf("%s: checked\n", name);
	}
	CHECK(n >= 1, "no usable implementation");
	raid6_select_algo();
	return test_result("test_raid6_coef");
}
