// SPDX-License-Identifier: GPL-2.0
/*
 * Boot and shutdown (init/main.c): run the init calls of the built-in
 * drivers, bring up the board's device tree, its machine and models,
 * then create the board's devices so drivers bind to them
 * (include/dmakit/board.h tells the whole sequence).
 */
#include <stdlib.h>
#include <linux/of_irq.h>
#include <linux/of_platform.h>
#include <linux/slab.h>
#include <dmakit/board.h>
#include "../kernel/internal.h"
#include "../drivers/of/of_private.h"
#include "board.h"

extern void dmakit_builtin_anchor(void);

static DEFINE_MUTEX(boot_lock);
static bool booted;

static int board_up(const char *board, const void *dtb, size_t dtb_size)
{
	void *blob;
	size_t size = dtb_size;
	int ret;

	if (dtb) {
		/* a copy: the caller's buffer need not be aligned or live on */
		blob = kmalloc(size ? size : 1, GFP_KERNEL);
		ret = blob ? 0 : -ENOMEM;
		if (blob)
			memcpy(blob, dtb, size);
	} else {
		ret = board_load(board, &blob, &size);
	}
	if (ret)
		return ret;
	ret = of_fdt_unflatten(blob, size, board ? board :
			       dtb ? "blob" : "default board");
	kfree(blob);
	if (ret)
		return ret;
	ret = board_models_create();
	if (ret)
		return ret;
	of_irq_init();
	return of_platform_default_populate(NULL, NULL, NULL);
}

static void board_down(void)
{
	of_platform_depopulate(NULL);
}

static void board_free(void)
{
	board_models_destroy();
	of_irq_teardown();
	of_fdt_free();
}

static int boot(const char *board, const void *dtb, size_t dtb_size)
{
	int ret;

	mutex_lock(&boot_lock);
	if (booted) {
		ret = -EBUSY;
		goto out;
	}
	dmakit_builtin_anchor();
	of_core_hooks_init();
	ret = dmakit_parse_cmdline(getenv("DMAKIT_CMDLINE"));
	if (ret)
		goto out;
	ret = dmakit_run_initcalls();
	if (ret)
		goto fail;
	ret = board_up(board, dtb, dtb_size);
	if (ret)
		goto fail;
	booted = true;
	goto out;
fail:
	board_down();
	dmakit_run_exitcalls();
	board_free();
out:
	mutex_unlock(&boot_lock);
	return ret;
}

int dmakit_boot(const char *board)
{
	return boot(board, NULL, 0);
}

int dmakit_boot_blob(const void *dtb, size_t size)
{
	if (!dtb)
		return -EINVAL;
	return boot(NULL, dtb, size);
}

void dmakit_shutdown(void)
{
	mutex_lock(&boot_lock);
	if (!booted)
		goto out;
	board_down();
	dmakit_run_exitcalls();
	board_free();
	dmakit_irq_stop();
	dmakit_timer_stop();
	dmakit_workqueue_stop();
	dmakit_softirq_stop();
	booted = false;
out:
	mutex_unlock(&boot_lock);
}

int dmakit_booted(void)
{
	return booted;
}
