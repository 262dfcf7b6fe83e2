// SPDX-License-Identifier: GPL-2.0
/*
 * Boot and shutdown (init/main.c): run the init calls of the built-in
 * drivers, then create the board's devices so drivers bind to them.
 */
#include <stdlib.h>
#include <linux/platform_device.h>
#include <dmakit/board.h>
#include "../kernel/internal.h"

extern void dmakit_builtin_anchor(void);

static DEFINE_MUTEX(boot_lock);
static bool booted;
static struct platform_device *board_devs[8];
static unsigned int nr_board_devs;

static int board_add(const char *name)
{
	struct platform_device *pdev;

	if (nr_board_devs >= ARRAY_SIZE(board_devs))
		return -ENOSPC;
	pdev = platform_device_register_simple(name, PLATFORM_DEVID_NONE,
					       NULL, 0);
	if (IS_ERR(pdev))
		return (int)PTR_ERR(pdev);
	board_devs[nr_board_devs++] = pdev;
	return 0;
}

static void board_remove_all(void)
{
	while (nr_board_devs)
		platform_device_unregister(board_devs[--nr_board_devs]);
}

/* The board without a device tree: the software DMA engine. */
static int default_board(void)
{
	return board_add("dmakit-soft-dma");
}

int dmakit_boot(const char *board)
{
	int ret;

	mutex_lock(&boot_lock);
	if (booted) {
		ret = -EBUSY;
		goto out;
	}
	dmakit_builtin_anchor();
	ret = dmakit_parse_cmdline(getenv("DMAKIT_CMDLINE"));
	if (ret)
		goto out;
	ret = dmakit_run_initcalls();
	if (ret)
		goto fail;
	if (board) {
		pr_err("dmakit: boards from device trees are not supported by this build (%s)\n",
		       board);
		ret = -ENOENT;
		goto fail;
	}
	ret = default_board();
	if (ret)
		goto fail;
	booted = true;
	goto out;
fail:
	board_remove_all();
	dmakit_run_exitcalls();
out:
	mutex_unlock(&boot_lock);
	return ret;
}

void dmakit_shutdown(void)
{
	mutex_lock(&boot_lock);
	if (!booted)
		goto out;
	board_remove_all();
	dmakit_run_exitcalls();
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
