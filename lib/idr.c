// SPDX-License-Identifier: GPL-2.0
/* IDA: the lowest free ID in a range, from a growing bitmap. */
#include <stdlib.h>
#include <linux/idr.h>

int ida_alloc_range(struct ida *ida, unsigned int min, unsigned int max,
		    gfp_t gfp)
{
	unsigned long flags, bit;
	int ret;

	if ((int)min < 0 || min > max)
		return -ENOSPC;
	might_sleep_if(gfpflags_allow_blocking(gfp));
	spin_lock_irqsave(&ida->lock, flags);
	bit = ida->nbits ? find_next_zero_bit(ida->bits, ida->nbits, min) : min;
	if (bit < min)
		bit = min;
	if (bit > max) {
		ret = -ENOSPC;
		goto out;
	}
	if (bit >= ida->nbits) {
		unsigned int nbits = max_t(unsigned int, 64, ida->nbits * 2);
		unsigned long *nb;

		while (nbits <= bit)
			nbits *= 2;
		nb = calloc(BITS_TO_LONGS(nbits), sizeof(long));
		if (!nb) {
			ret = -ENOMEM;
			goto out;
		}
		if (ida->bits)
			memcpy(nb, ida->bits, BITS_TO_LONGS(ida->nbits) * sizeof(long));
		free(ida->bits);
		ida->bits = nb;
		ida->nbits = nbits;
	}
	__set_bit(bit, ida->bits);
	ret = (int)bit;
out:
	spin_unlock_irqrestore(&ida->lock, flags);
	return ret;
}

void ida_free(struct ida *ida, unsigned int id)
{
	unsigned long flags;

	spin_lock_irqsave(&ida->lock, flags);
	if (id >= ida->nbits || !test_bit(id, ida->bits))
		WARN(1, "ida_free called for id=%u which is not allocated.\n", id);
	else
		__clear_bit(id, ida->bits);
	spin_unlock_irqrestore(&ida->lock, flags);
}

void ida_destroy(struct ida *ida)
{
	unsigned long flags;

	spin_lock_irqsave(&ida->lock, flags);
	free(ida->bits);
	ida->bits = NULL;
	ida->nbits = 0;
	spin_unlock_irqrestore(&ida->lock, flags);
}

bool ida_is_empty(struct ida *ida)
{
	return !ida->nbits || bitmap_empty(ida->bits, ida->nbits);
}
