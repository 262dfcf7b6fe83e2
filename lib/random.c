// SPDX-License-Identifier: GPL-2.0
/* A fast per-thread pseudo-random generator (xoshiro256**), seeded once. */
#include <sys/random.h>
#include <dmakit/kernel.h>
#include <linux/ktime.h>

static __thread u64 rng_state[4];
static __thread bool rng_seeded;

static inline u64 rotl(u64 x, int k)
{
	return (x << k) | (x >> (64 - k));
}

static void rng_seed(void)
{
	u64 seed;
	int i;

	if (getrandom(&seed, sizeof(seed), GRND_NONBLOCK) != sizeof(seed))
		seed = ktime_get_ns() ^ (u64)(unsigned long)&seed;
	for (i = 0; i < 4; i++) {
		/* splitmix64 */
		u64 z = (seed += 0x9e3779b97f4a7c15ULL);

		z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
		z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
		rng_state[i] = z ^ (z >> 31);
	}
	rng_seeded = true;
}

u64 get_random_u64(void)
{
	u64 *s = rng_state;
	u64 result, t;

	if (unlikely(!rng_seeded))
		rng_seed();
	result = rotl(s[1] * 5, 7) * 9;
	t = s[1] << 17;
	s[2] ^= s[0];
	s[3] ^= s[1];
	s[1] ^= s[2];
	s[0] ^= s[3];
	s[2] ^= t;
	s[3] = rotl(s[3], 45);
	return result;
}

u32 get_random_u32(void)
{
	return (u32)(get_random_u64() >> 32);
}

void get_random_bytes(void *buf, size_t len)
{
	u8 *p = buf;

	while (len) {
		u64 r = get_random_u64();
		size_t n = min(len, sizeof(r));

		memcpy(p, &r, n);
		p += n;
		len -= n;
	}
}
