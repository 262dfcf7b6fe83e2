// SPDX-License-Identifier: GPL-2.0
/*
 * The built-in drivers.  Their init calls register from constructors;
 * referencing each driver's anchor here makes a static link keep the
 * driver's object file (nothing else refers to it).
 */
extern char __dmakit_anchor_soft_dma_init;
extern char __dmakit_anchor_dw_driver_init;

static volatile const void *const builtin_anchors[] = {
	&__dmakit_anchor_soft_dma_init,
	&__dmakit_anchor_dw_driver_init,
};

void dmakit_builtin_anchor(void);
void dmakit_builtin_anchor(void)
{
	(void)builtin_anchors[0];
}
