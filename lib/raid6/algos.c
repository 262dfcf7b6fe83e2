// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * lib/raid6/algos.c - algorithm lists and selection for RAID-6.
 *
 * The kernel times every valid algorithm at boot; dmakit picks the valid
 * one of highest priority (first listed on a tie) so start-up is instant
 * and the choice is reproducible.  bench/raid6bench measures them all.
 */
#include <errno.h>
#include <stdlib.h>
#include "raid6.h"

/* In .bss so it's zeroed */
const char raid6_empty_zero_page[RAID6_ZERO_PAGE_SIZE]
	__attribute__((aligned(256)));

struct raid6_calls raid6_call;
struct raid6_coef_calls raid6_coef_call;

const struct raid6_calls * const raid6_algos[] = {
#if RAID6_X86
	&raid6_avx2x2,
	&raid6_avx2x4,
	&raid6_avx2x1,
#endif
	&raid6_intx2,
	&raid6_intx4,
	&raid6_intx1,
	NULL
};

void (*raid6_2data_recov)(int, size_t, int, int, void **);
void (*raid6_datap_recov)(int, size_t, int, void **);

const struct raid6_recov_calls *const raid6_recov_algos[] = {
#if RAID6_X86
	&raid6_recov_avx2,
#endif
	&raid6_recov_intx1,
	NULL
};

const struct raid6_coef_calls *const raid6_coef_algos[] = {
#if RAID6_X86
	&raid6_coef_avx2,
#endif
	&raid6_coef_int,
	NULL
};

/* DMAKIT_NO_AVX2=1 in the environment hides AVX2 (to test the fallback) */
int raid6_have_avx2(void)
{
#if RAID6_X86
	const char *no = getenv("DMAKIT_NO_AVX2");

	if (no && *no && strcmp(no, "0"))
		return 0;
	__builtin_cpu_init();	/* may run before libgcc's constructor */
	return __builtin_cpu_supports("avx2");
#else
	return 0;
#endif
}

/*
 * The three lists hold different structure types that share the
 * valid/priority members; pick from each with the same rule.
 */
#define raid6_choose(list)						\
({									\
	typeof(*(list)[0]) *__best = NULL;			\
	int __i;							\
									\
	for (__i = 0; (list)[__i]; __i++) {				\
		if ((list)[__i]->valid && !(list)[__i]->valid())	\
			continue;					\
		if (!__best || (list)[__i]->priority > __best->priority) \
			__best = (list)[__i];				\
	}								\
	__best;								\
})

int raid6_select_algo(void)
{
	const struct raid6_calls *gen = raid6_choose(raid6_algos);
	const struct raid6_recov_calls *rec = raid6_choose(raid6_recov_algos);
	const struct raid6_coef_calls *coef = raid6_choose(raid6_coef_algos);

	if (!gen || !rec || !coef)
		return -EINVAL;
	raid6_call = *gen;
	raid6_2data_recov = rec->data2;
	raid6_datap_recov = rec->datap;
	raid6_coef_call = *coef;
	return 0;
}

/* Before ordinary constructors, which may already use the library */
static void __attribute__((constructor(101))) raid6_init(void)
{
	raid6_select_algo();
}
