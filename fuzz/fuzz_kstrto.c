// SPDX-License-Identifier: GPL-2.0
/*
 * Fuzz the kernel string helpers (lib/string.c) against a reference
 * written from their kernel-doc: kstrto{ull,ll,ul,l,uint,int} (an
 * optional '+', or '-' for the signed ones; base 0 detects 0x/0;
 * one trailing newline; -ERANGE on overflow, checked before -EINVAL),
 * kstrtobool, strscpy and sysfs_streq.
 *
 * Input: byte 0 picks the base, the rest (up to its first NUL) is the
 * string.
 */
#include <ctype.h>
#include <string.h>
#include <dmakit/kernel.h>
#include <dmakit/log.h>
#include "fuzz.h"

static int digit(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c |= 0x20;
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return 99;
}

/* The unsigned grammar, after any sign: [0x]digits[\n]. */
static int ref_unsigned(const char *s, unsigned int base,
			unsigned long long *res)
{
	unsigned __int128 v = 0;
	bool overflow = false;
	int n = 0;

	if (base == 0) {
		if (s[0] == '0' && (s[1] | 0x20) == 'x' && isxdigit((unsigned char)s[2]))
			base = 16;
		else
			base = s[0] == '0' ? 8 : 10;
	}
	if (base == 16 && s[0] == '0' && (s[1] | 0x20) == 'x')
		s += 2;
	for (; digit((unsigned char)*s) < (int)base; s++, n++) {
		v = v * base + digit((unsigned char)*s);
		if (v > ULLONG_MAX) {
			overflow = true;
			v &= ULLONG_MAX;
		}
	}
	if (overflow)
		return -ERANGE;
	if (!n || (*s && !(*s == '\n' && !s[1])))
		return -EINVAL;
	*res = (unsigned long long)v;
	return 0;
}

static int ref_kstrtoull(const char *s, unsigned int base, unsigned long long *res)
{
	return ref_unsigned(s + (s[0] == '+'), base, res);
}

static int ref_kstrtoll(const char *s, unsigned int base, long long *res)
{
	unsigned long long v;
	int r;

	if (s[0] == '-') {
		r = ref_unsigned(s + 1, base, &v);
		if (r)
			return r;
		if (v > (unsigned long long)LLONG_MAX + 1)
			return -ERANGE;
		*res = v ? -(long long)(v - 1) - 1 : 0;
		return 0;
	}
	r = ref_kstrtoull(s, base, &v);
	if (r)
		return r;
	if (v > LLONG_MAX)
		return -ERANGE;
	*res = (long long)v;
	return 0;
}

static void check_ints(const char *s, unsigned int base)
{
	unsigned long long ull = 0, rull = 0;
	long long ll = 0, rll = 0;
	unsigned long ul = 0;
	unsigned int ui = 0;
	long l = 0;
	int i = 0, r, want;

	want = ref_kstrtoull(s, base, &rull);
	r = kstrtoull(s, base, &ull);
	FUZZ_CHECK(r == want && (r || ull == rull),
		   "kstrtoull(\"%s\", %u) = %d/%llu, want %d/%llu", s, base, r,
		   ull, want, rull);
	r = kstrtoul(s, base, &ul);
	FUZZ_CHECK(r == want && (r || ul == rull), "kstrtoul(\"%s\", %u) = %d",
		   s, base, r);
	r = kstrtouint(s, base, &ui);
	if (!want && rull > UINT_MAX)
		want = -ERANGE;
	FUZZ_CHECK(r == want && (r || ui == rull), "kstrtouint(\"%s\", %u) = %d/%u, want %d",
		   s, base, r, ui, want);

	want = ref_kstrtoll(s, base, &rll);
	r = kstrtoll(s, base, &ll);
	FUZZ_CHECK(r == want && (r || ll == rll),
		   "kstrtoll(\"%s\", %u) = %d/%lld, want %d/%lld", s, base, r, ll,
		   want, rll);
	r = kstrtol(s, base, &l);
	FUZZ_CHECK(r == want && (r || l == rll), "kstrtol(\"%s\", %u) = %d", s,
		   base, r);
	r = kstrtoint(s, base, &i);
	if (!want && (rll > INT_MAX || rll < INT_MIN))
		want = -ERANGE;
	FUZZ_CHECK(r == want && (r || i == rll), "kstrtoint(\"%s\", %u) = %d/%d, want %d",
		   s, base, r, i, want);
}

static void check_bool(const char *s)
{
	bool b = false, want = false;
	int r = kstrtobool(s, &b), rw = 0;

	if (strchr("yYtT1", s[0]) && s[0])
		want = true;
	else if (strchr("nNfF0", s[0]) && s[0])
		want = false;
	else if ((s[0] | 0x20) == 'o' && (s[1] | 0x20) == 'n')
		want = true;
	else if ((s[0] | 0x20) == 'o' && (s[1] | 0x20) == 'f')
		want = false;
	else
		rw = -EINVAL;
	FUZZ_CHECK(r == rw && (r || b == want), "kstrtobool(\"%s\") = %d/%d", s,
		   r, b);
}

static void check_strings(const char *s, size_t count)
{
	char dst[80];
	size_t len = strlen(s);
	ssize_t r;

	memset(dst, 0x55, sizeof(dst));
	r = strscpy(dst, s, count);
	if (!count) {
		FUZZ_CHECK(r == -E2BIG && dst[0] == 0x55, "strscpy count 0");
	} else if (len < count) {
		FUZZ_CHECK(r == (ssize_t)len && !strcmp(dst, s), "strscpy fits");
	} else {
		FUZZ_CHECK(r == -E2BIG && !strncmp(dst, s, count - 1) &&
			   !dst[count - 1], "strscpy truncates");
	}
	FUZZ_CHECK(count >= sizeof(dst) || (unsigned char)dst[count] == 0x55,
		   "strscpy wrote past count");
	/* sysfs_streq: equal, or equal but for one trailing newline. */
	if (len && len + 1 < sizeof(dst)) {
		strcpy(dst, s);
		if (dst[len - 1] == '\n')
			dst[len - 1] = '\0';
		else
			strcat(dst, "\n");
		FUZZ_CHECK(sysfs_streq(s, dst) && sysfs_streq(dst, s),
			   "sysfs_streq(\"%s\") with the newline toggled", s);
		if (len + 2 < sizeof(dst)) {
			strcpy(dst, s);
			strcat(dst, "x");
			FUZZ_CHECK(!sysfs_streq(s, dst), "sysfs_streq(\"%s\", +x)", s);
		}
		FUZZ_CHECK(sysfs_streq(s, s), "sysfs_streq not reflexive");
	}
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	dmakit_log_set_level(0);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const unsigned int bases[] = { 0, 10, 16, 8, 2 };
	unsigned int base;
	char s[128];
	size_t n;

	if (!size)
		return 0;
	base = bases[data[0] % ARRAY_SIZE(bases)];
	n = min(size - 1, sizeof(s) - 1);
	memcpy(s, data + 1, n);
	s[n] = '\0';
	check_ints(s, base);
	check_bool(s);
	check_strings(s, data[0] % 80);
	return 0;
}
