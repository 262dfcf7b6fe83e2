// SPDX-License-Identifier: GPL-2.0
/*
 * test_raid6_select - algorithm selection: at load time and on demand
 * the valid implementation of highest priority is chosen (first listed
 * on a tie) for syndrome, recovery and coefficient P/Q; overrides are
 * undone by selecting again; xor_blocks gets the best usable template.
 */
#include <linux/raid/xor.h>
#include "raid6_test.h"

#define choose(list, best)						\
do {									\
	int __i;							\
									\
	best = NULL;							\
	for (__i = 0; (list)[__i]; __i++)				\
		if (algo_valid((list)[__i]->valid) &&			\
		    (!best || (list)[__i]->priority > best->priority))	\
			best = (list)[__i];				\
} while (0)

static void check_selected(const char *when)
{
	const struct raid6_recov_calls *r;
	const struct raid6_coef_calls *c;
	const struct raid6_calls *g;

	choose(raid6_algos, g);
	choose(raid6_recov_algos, r);
	choose(raid6_coef_algos, c);
	CHECK(g && !strcmp(raid6_call.name, g->name) &&
	      raid6_call.gen_syndrome == g->gen_syndrome &&
	      raid6_call.xor_syndrome == g->xor_syndrome,
	      "%s: syndrome algo %s, want %s", when, raid6_call.name,
	      g ? g->name : "none");
	CHECK(r && raid6_2data_recov == r->data2 &&
	      raid6_datap_recov == r->datap, "%s: recovery is not %s", when,
	      r ? r->name : "none");
	CHECK(c && raid6_coef_call.gen_pq == c->gen_pq,
	      "%s: coef algo %s, want %s", when, raid6_coef_call.name,
	      c ? c->name : "none");
	if (raid6_avx2x1.valid()) {
		CHECK(!strncmp(raid6_call.name, "avx2", 4),
		      "%s: AVX2 present but %s chosen", when, raid6_call.name);
		CHECK(!strcmp(raid6_coef_call.name, "avx2"),
		      "%s: coef %s chosen", when, raid6_coef_call.name);
	}
}

int main(void)
{
	const struct raid6_calls *const *a;
	bool seen_int = false;

	/* every listed algorithm is complete and named */
	for (a = raid6_algos; *a; a++) {
		CHECK((*a)->gen_syndrome && (*a)->xor_syndrome && (*a)->name,
		      "incomplete algorithm entry");
		if (!(*a)->valid)
			seen_int = true;
	}
	CHECK(seen_int, "no always-valid algorithm");
	printf("selected at load: %s, recovery %s, coef %s, xor %s\n",
	       raid6_call.name,
	       raid6_2data_recov == raid6_recov_intx1.data2 ? "intx1" : "avx2",
	       raid6_coef_call.name, xor_active_template()->name);

	check_selected("at load");

	raid6_call = raid6_intx1;
	raid6_2data_recov = NULL;
	raid6_datap_recov = NULL;
	raid6_coef_call = raid6_coef_int;
	CHECK(raid6_select_algo() == 0, "raid6_select_algo failed");
	check_selected("after reselect");
	CHECK(raid6_select_algo() == 0, "raid6_select_algo failed twice");
	check_selected("after second reselect");

	CHECK(xor_template_usable(xor_active_template()),
	      "xor template %s unusable", xor_active_template()->name);
	if (xor_template_usable(&xor_block_avx2))
		CHECK(xor_active_template() == &xor_block_avx2,
		      "AVX2 present but xor uses %s",
		      xor_active_template()->name);
	CHECK(xor_select_template(&xor_block_8regs) == 0 &&
	      xor_active_template() == &xor_block_8regs, "select 8regs");
	CHECK(xor_select_template(NULL) == 0, "reselect xor");
	CHECK(xor_active_template() == xor_block_templates[0] ||
	      !xor_template_usable(xor_block_templates[0]),
	      "xor best is %s", xor_active_template()->name);
	return test_result("test_raid6_select");
}
