/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _DMAKIT_LINUX_IDR_H
#define _DMAKIT_LINUX_IDR_H

#include <linux/gfp.h>

/* IDA: a growing bitmap of allocated IDs under its own lock. */
struct ida {
	spinlock_t lock;
	unsigned long *bits;
	unsigned int nbits;
};

#define IDA_INIT(name) { .lock = __SPIN_LOCK_UNLOCKED(name.lock) }
#define DEFINE_IDA(name) struct ida name = IDA_INIT(name)

static inline void ida_init(struct ida *ida)
{
	spin_lock_init(&ida->lock);
	ida->bits = NULL;
	ida->nbits = 0;
}

int ida_alloc_range(struct ida *ida, unsigned int min, unsigned int max,
		    gfp_t gfp);
void ida_free(struct ida *ida, unsigned int id);
void ida_destroy(struct ida *ida);
bool ida_is_empty(struct ida *ida);

static inline int ida_alloc(struct ida *ida, gfp_t gfp)
{
	return ida_alloc_range(ida, 0, ~0U >> 1, gfp);
}

static inline int ida_alloc_min(struct ida *ida, unsigned int min, gfp_t gfp)
{
	return ida_alloc_range(ida, min, ~0U >> 1, gfp);
}

static inline int ida_alloc_max(struct ida *ida, unsigned int max, gfp_t gfp)
{
	return ida_alloc_range(ida, 0, max, gfp);
}

#define ida_simple_get(ida, start, end, gfp) \
	ida_alloc_range(ida, start, (end) ? (end) - 1 : ~0U >> 1, gfp)
#define ida_simple_remove(ida, id) ida_free(ida, id)

#endif
