// SPDX-License-Identifier: GPL-2.0
/* Fault injection for the runtime's allocators. */
#include <stdio.h>
#include <linux/gfp.h>
#include <linux/moduleparam.h>
#include <dmakit/fault.h>
#include "internal.h"

struct fault_state {
	spinlock_t lock;
	bool armed;
	struct dmakit_fault_attr attr;
	unsigned long calls;
	unsigned long injected;
};

static struct fault_state faults[DMAKIT_FAULT_NR];

void dmakit_fault_set(enum dmakit_fault_kind kind,
		      const struct dmakit_fault_attr *attr)
{
	struct fault_state *f = &faults[kind];

	spin_lock(&f->lock);
	f->attr = *attr;
	f->calls = 0;
	f->injected = 0;
	WRITE_ONCE(f->armed, attr->fail_nth || attr->probability);
	spin_unlock(&f->lock);
}

void dmakit_fault_clear(enum dmakit_fault_kind kind)
{
	struct fault_state *f = &faults[kind];

	spin_lock(&f->lock);
	WRITE_ONCE(f->armed, false);
	spin_unlock(&f->lock);
}

unsigned long dmakit_fault_injected(enum dmakit_fault_kind kind)
{
	return READ_ONCE(faults[kind].injected);
}

bool dmakit_should_fail(enum dmakit_fault_kind kind, gfp_t gfp)
{
	struct fault_state *f = &faults[kind];
	bool fail = false;

	if (likely(!READ_ONCE(f->armed)))
		return false;
	spin_lock(&f->lock);
	if (!f->armed || (f->attr.ignore_gfp_wait && gfpflags_allow_blocking(gfp)))
		goto out;
	f->calls++;
	if (f->attr.fail_nth)
		fail = f->calls == f->attr.fail_nth;
	else
		fail = get_random_u32_below(100) < f->attr.probability;
	if (fail) {
		WRITE_ONCE(f->injected, f->injected + 1);
		if (f->attr.fail_nth ||
		    (f->attr.times && f->injected >= f->attr.times))
			WRITE_ONCE(f->armed, false);
	}
out:
	spin_unlock(&f->lock);
	return fail;
}

/* "module.param" = @value, through the module parameter registry. */
int dmakit_fault_set_param(const char *param, unsigned long value)
{
	char mod[64], val[32];
	const char *dot = param ? strchr(param, '.') : NULL;

	if (!dot || dot == param || (size_t)(dot - param) >= sizeof(mod)) {
		pr_err("fault: bad parameter name '%s' (want module.param)\n",
		       param ? param : "(null)");
		return -EINVAL;
	}
	memcpy(mod, param, dot - param);
	mod[dot - param] = '\0';
	snprintf(val, sizeof(val), "%lu", value);
	return dmakit_param_set(mod, dot + 1, val);
}
