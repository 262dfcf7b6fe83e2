// SPDX-License-Identifier: GPL-2.0
/*
 * test_xor - xor_blocks with every usable template, xor_gen and
 * xor_check_zero against a byte-at-a-time reference; any size, any
 * alignment, any number of sources.
 */
#include <errno.h>
#include <linux/raid/xor.h>
#include "raid6_test.h"

#define MAX_SRCS	64

struct set {
	int n;
	size_t len;
	struct tbuf dst, src[MAX_SRCS];
	u8 *srcs[MAX_SRCS];
	u8 *ref;
};

static void set_alloc(struct set *s, int n, size_t len)
{
	int i;

	s->n = n;
	s->len = len;
	tbuf_alloc(&s->dst, len, rnd_below(64));
	fill_random(s->dst.p, len);
	for (i = 0; i < n; i++) {
		tbuf_alloc(&s->src[i], len, rnd_below(64));
		fill_random(s->src[i].p, len);
		s->srcs[i] = s->src[i].p;
	}
	s->ref = malloc(len ? len : 1);
}

static void set_free(struct set *s)
{
	int i;

	tbuf_free(&s->dst);
	for (i = 0; i < s->n; i++)
		tbuf_free(&s->src[i]);
	free(s->ref);
}

/* ref = (acc ? dst : 0) ^ srcs... */
static void set_ref(struct set *s, bool acc)
{
	size_t k;
	int i;

	for (k = 0; k < s->len; k++) {
		u8 v = acc ? s->dst.p[k] : 0;

		for (i = 0; i < s->n; i++)
			v ^= s->srcs[i][k];
		s->ref[k] = v;
	}
}

static bool set_ok(struct set *s)
{
	int i;

	if (!tbuf_canary_ok(&s->dst))
		return false;
	for (i = 0; i < s->n; i++)
		if (!tbuf_canary_ok(&s->src[i]))
			return false;
	return true;
}

static void test_blocks(const char *name, int n, unsigned int len)
{
	struct set s;
	long bad;

	set_alloc(&s, n, len);
	set_ref(&s, true);
	xor_blocks(n, len, s.dst.p, (void **)s.srcs);
	bad = first_diff(s.dst.p, s.ref, len);
	CHECK(bad < 0, "%s xor_blocks n=%d len=%u: byte %ld", name, n, len,
	      bad);
	CHECK(set_ok(&s), "%s xor_blocks n=%d len=%u: overrun", name, n, len);
	set_free(&s);
}

static void test_gen(const char *name, int n, size_t len, bool acc,
		     bool dst_src0)
{
	struct set s;
	u8 *dst;
	long bad;

	set_alloc(&s, n, len);
	dst = s.dst.p;
	if (dst_src0 && n)
		dst = s.srcs[0];	/* DROP_DST style: dst is srcs[0] */
	set_ref(&s, false);
	if (acc && !(dst_src0 && n)) {
		size_t k;

		for (k = 0; k < len; k++)
			s.ref[k] ^= dst[k];
	}
	xor_gen(dst, s.srcs, n, len, acc && !(dst_src0 && n));
	bad = first_diff(dst, s.ref, len);
	CHECK(bad < 0, "%s xor_gen n=%d len=%zu acc=%d same=%d: byte %ld",
	      name, n, len, acc, dst_src0, bad);
	CHECK(set_ok(&s), "%s xor_gen n=%d len=%zu: overrun", name, n, len);
	set_free(&s);
}

static void test_check_zero(const char *name, int n, size_t len)
{
	struct set s;
	size_t pos;
	int i;

	set_alloc(&s, n, len);
	/* make the last source the XOR of the others */
	memset(s.srcs[n - 1], 0, len);
	set_ref(&s, false);
	memcpy(s.srcs[n - 1], s.ref, len);
	CHECK(xor_check_zero(s.srcs, n, len),
	      "%s check_zero n=%d len=%zu: false on zero sum", name, n, len);

	for (i = 0; i < 3; i++) {
		int src = rnd_below(n), bit = 1 << rnd_below(8);

		pos = i == 0 ? 0 : i == 1 ? len - 1 : rnd_below(len);
		s.srcs[src][pos] ^= bit;
		CHECK(!xor_check_zero(s.srcs, n, len),
		      "%s check_zero n=%d len=%zu: missed bit at src %d byte %zu",
		      name, n, len, src, pos);
		s.srcs[src][pos] ^= bit;
	}
	CHECK(set_ok(&s), "%s check_zero: overrun", name);
	set_free(&s);
}

static const size_t sizes[] = {
	1, 2, 7, 8, 9, 31, 32, 33, 63, 64, 65, 127, 128, 129, 255, 256, 1023,
	1024, 1025, 4095, 4096, 4097, 8195,
};

int main(void)
{
	struct xor_block_template *const *t;
	u8 zero[100] = { 0 }, *zp = zero;
	int n, used = 0;
	size_t k;

	for (t = xor_block_templates; *t; t++) {
		const char *name = (*t)->name;

		if (!xor_template_usable(*t)) {
			CHECK(xor_select_template(*t) == -ENODEV,
			      "%s selectable without CPU support", name);
			printf("%s: not usable on this CPU, skipped\n", name);
			continue;
		}
		used++;
		CHECK(xor_select_template(*t) == 0, "select %s", name);
		CHECK(xor_active_template() == *t, "active != %s", name);
		for (n = 1; n <= MAX_XOR_BLOCKS + 5; n++)
			for (k = 0; k < sizeof(sizes) / sizeof(sizes[0]); k++)
				test_blocks(name, n, sizes[k]);
		test_blocks(name, 4, 1 << 20);
		test_blocks(name, 1, (1 << 20) + 3);

		for (n = 0; n <= 40; n++) {
			size_t len = sizes[rnd_below(sizeof(sizes) / sizeof(sizes[0]))];

			test_gen(name, n, len, false, false);
			test_gen(name, n, len, true, false);
			test_gen(name, n, len, false, true);
			test_gen(name, n, 1 + rnd_below(20000), rnd_below(2),
				 false);
		}
		test_gen(name, MAX_SRCS, 4096 * 3 + 1, false, false);
		test_gen(name, 5, 1 << 20, false, false);
		test_gen(name, 3, (1 << 20) - 1, true, false);

		for (n = 1; n <= 20; n++)
			for (k = 0; k < sizeof(sizes) / sizeof(sizes[0]); k++)
				test_check_zero(name, n, sizes[k]);
		test_check_zero(name, 6, 1 << 20);
		printf("%s: checked\n", name);
	}
	CHECK(used >= 1, "no usable template");
	CHECK(xor_check_zero(NULL, 0, 100), "check_zero with no sources");
	CHECK(xor_check_zero(&zp, 1, sizeof(zero)), "check_zero zero block");
	zero[99] = 1;
	CHECK(!xor_check_zero(&zp, 1, sizeof(zero)), "check_zero last byte");

	CHECK(xor_select_template(NULL) == 0, "select best");
	CHECK(xor_template_usable(xor_active_template()), "best not usable");
	CHECK(xor_active_template() == xor_block_templates[0] ||
	      !xor_template_usable(xor_block_templates[0]),
	      "best is %s", xor_active_template()->name);
	return test_result("test_xor");
}
