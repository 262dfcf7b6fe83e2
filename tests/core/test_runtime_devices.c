// SPDX-License-Identifier: GPL-2.0
/*
 * The device model: devres resources are released in reverse order of
 * acquisition after ->remove() on unbind, and on probe failure; a probe
 * returning -EPROBE_DEFER is retried after another driver binds; the
 * log is filtered by the console level (DMAKIT_LOG) while the hook sees
 * every message with its level.
 */
#include <linux/delay.h>
#include <linux/device.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <dmakit/board.h>
#include <dmakit/log.h>
#include <dmakit/module.h>

#include "helpers.h"

/* ---- an event log ---------------------------------------------------- */

static int events[64];
static int nr_events;

static void ev(int e)
{
	if (nr_events < (int)ARRAY_SIZE(events))
		events[nr_events++] = e;
}

static void ev_action(void *data)
{
	ev((int)(long)data);
}

struct tres {
	int id;
};

static void tres_release(struct device *dev, void *res)
{
	ev(((struct tres *)res)->id);
}

static int add_tres(struct device *dev, int id)
{
	struct tres *r = devres_alloc(tres_release, sizeof(*r), GFP_KERNEL);

	if (!r)
		return -ENOMEM;
	r->id = id;
	devres_add(dev, r);
	return 0;
}

/* ---- devres on unbind and on probe failure --------------------------- */

static int fail_probe_with;
static int probe_calls;

static int devres_probe(struct platform_device *pdev)
{
	struct device *dev = &pdev->dev;
	void *mem;

	probe_calls++;
	if (devm_add_action(dev, ev_action, (void *)1L))
		return -ENOMEM;
	if (add_tres(dev, 2))
		return -ENOMEM;
	mem = devm_kzalloc(dev, 4096, GFP_KERNEL);
	if (!mem)
		return -ENOMEM;
	if (devm_add_action_or_reset(dev, ev_action, (void *)3L))
		return -ENOMEM;
	/* added then removed again: must not run */
	if (devm_add_action(dev, ev_action, (void *)99L))
		return -ENOMEM;
	devm_remove_action(dev, ev_action, (void *)99L);
	if (add_tres(dev, 4))
		return -ENOMEM;
	if (fail_probe_with)
		return fail_probe_with;
	return 0;
}

static int devres_remove(struct platform_device *pdev)
{
	ev(100);	/* ->remove() runs before devres is released */
	return 0;
}

static struct platform_driver devres_driver = {
	.probe = devres_probe,
	.remove = devres_remove,
	.driver = { .name = "t-devres" },
};

static int test_devres_unbind(void)
{
	struct platform_device *pdev;
	static const int want[] = { 100, 4, 3, 2, 1 };

	nr_events = 0;
	probe_calls = 0;
	fail_probe_with = 0;
	ASSERT_EQ(platform_driver_register(&devres_driver), 0);
	pdev = platform_device_register_simple("t-devres", PLATFORM_DEVID_NONE,
					       NULL, 0);
	ASSERT_FALSE(IS_ERR(pdev));
	ASSERT_EQ(probe_calls, 1);
	ASSERT_TRUE(device_is_bound(&pdev->dev));
	ASSERT_EQ(nr_events, 0);
	platform_device_unregister(pdev);
	ASSERT_EQ(nr_events, (int)ARRAY_SIZE(want));
	ASSERT_MEMEQ(events, want, sizeof(want));
	platform_driver_unregister(&devres_driver);
	return 0;
}

static int test_devres_probe_failure(void)
{
	struct platform_device *pdev;
	static const int want[] = { 4, 3, 2, 1 };

	nr_events = 0;
	probe_calls = 0;
	fail_probe_with = -EINVAL;
	ASSERT_EQ(platform_driver_register(&devres_driver), 0);
	pdev = platform_device_register_simple("t-devres", 3, NULL, 0);
	ASSERT_FALSE(IS_ERR(pdev));
	ASSERT_EQ(probe_calls, 1);
	ASSERT_FALSE(device_is_bound(&pdev->dev));
	/* released on failure, in reverse; ->remove() not called */
	ASSERT_EQ(nr_events, (int)ARRAY_SIZE(want));
	ASSERT_MEMEQ(events, want, sizeof(want));
	nr_events = 0;
	platform_device_unregister(pdev);
	ASSERT_EQ(nr_events, 0);
	platform_driver_unregister(&devres_driver);
	fail_probe_with = 0;
	return 0;
}

static int test_devres_group_api(void)
{
	struct platform_device *pdev;
	struct tres *r;

	/* a device without a driver still owns devres until released */
	pdev = platform_device_register_simple("t-nodriver", 0, NULL, 0);
	ASSERT_FALSE(IS_ERR(pdev));
	nr_events = 0;
	ASSERT_EQ(add_tres(&pdev->dev, 7), 0);
	ASSERT_EQ(add_tres(&pdev->dev, 8), 0);
	r = devres_find(&pdev->dev, tres_release, NULL, NULL);
	ASSERT_NOT_NULL(r);
	ASSERT_EQ(r->id, 8);			/* most recent first */
	/* devres_release runs the release of the found one */
	ASSERT_EQ(devres_release(&pdev->dev, tres_release, NULL, NULL), 0);
	ASSERT_EQ(nr_events, 1);
	ASSERT_EQ(events[0], 8);
	/* devres_destroy removes without running release */
	ASSERT_EQ(devres_destroy(&pdev->dev, tres_release, NULL, NULL), 0);
	ASSERT_EQ(nr_events, 1);
	ASSERT_EQ(devres_destroy(&pdev->dev, tres_release, NULL, NULL),
		  -ENOENT);
	devm_add_action(&pdev->dev, ev_action, (void *)5L);
	devm_release_action(&pdev->dev, ev_action, (void *)5L);
	ASSERT_EQ(nr_events, 2);
	ASSERT_EQ(events[1], 5);
	platform_device_unregister(pdev);
	ASSERT_EQ(nr_events, 2);
	return 0;
}

/* ---- deferred probe ---------------------------------------------------- */

static bool supplier_ready;
static int consumer_probes;

static int consumer_probe(struct platform_device *pdev)
{
	consumer_probes++;
	if (!READ_ONCE(supplier_ready))
		return -EPROBE_DEFER;
	return 0;
}

static int supplier_probe(struct platform_device *pdev)
{
	WRITE_ONCE(supplier_ready, true);
	return 0;
}

static struct platform_driver consumer_driver = {
	.probe = consumer_probe,
	.driver = { .name = "t-consumer" },
};

static struct platform_driver supplier_driver = {
	.probe = supplier_probe,
	.driver = { .name = "t-supplier" },
};

static int test_deferred_probe(void)
{
	struct platform_device *cons, *supp;
	int i;

	supplier_ready = false;
	consumer_probes = 0;
	ASSERT_EQ(platform_driver_register(&consumer_driver), 0);
	cons = platform_device_register_simple("t-consumer", PLATFORM_DEVID_NONE,
					       NULL, 0);
	ASSERT_FALSE(IS_ERR(cons));
	ASSERT_EQ(consumer_probes, 1);
	ASSERT_FALSE(device_is_bound(&cons->dev));

	ASSERT_EQ(platform_driver_register(&supplier_driver), 0);
	supp = platform_device_register_simple("t-supplier", PLATFORM_DEVID_NONE,
					       NULL, 0);
	ASSERT_FALSE(IS_ERR(supp));
	ASSERT_TRUE(device_is_bound(&supp->dev));
	/* the kernel retries deferred probes after a bind (maybe async) */
	for (i = 0; i < 10000 && !device_is_bound(&cons->dev); i++)
		msleep(1);
	ASSERT_TRUE(device_is_bound(&cons->dev));
	ASSERT_GE(consumer_probes, 2);

	platform_device_unregister(cons);
	platform_device_unregister(supp);
	platform_driver_unregister(&consumer_driver);
	platform_driver_unregister(&supplier_driver);
	return 0;
}

/* ---- log levels ---------------------------------------------------------- */

struct seen {
	int level;
	char msg[128];
};
static struct seen seen[32];
static int nr_seen;

static void log_hook(int level, const char *msg, void *arg)
{
	if (strstr(msg, "tlog-") && nr_seen < (int)ARRAY_SIZE(seen)) {
		seen[nr_seen].level = level;
		snprintf(seen[nr_seen].msg, sizeof(seen[0].msg), "%s", msg);
		nr_seen++;
	}
}

static int seen_level(const char *tag)
{
	int i;

	for (i = 0; i < nr_seen; i++)
		if (strstr(seen[i].msg, tag))
			return seen[i].level;
	return -1;
}

static char *read_stream(FILE *f)
{
	long n;
	char *buf;

	fflush(f);
	n = ftell(f);
	buf = calloc(1, n + 1);
	if (!buf)
		return NULL;
	rewind(f);
	if (fread(buf, 1, n, f) != (size_t)n) {
		free(buf);
		return NULL;
	}
	return buf;
}

static int test_log_levels(void)
{
	struct platform_device *pdev;
	FILE *f = tmpfile();
	char *out;

	ASSERT_NOT_NULL(f);
	/* main() set DMAKIT_LOG=err before anything logged */
	ASSERT_EQ(dmakit_log_get_level(), LOGLEVEL_ERR);
	pdev = platform_device_register_simple("t-log", 0, NULL, 0);
	ASSERT_FALSE(IS_ERR(pdev));
	nr_seen = 0;
	dmakit_log_set_hook(log_hook, NULL);
	dmakit_log_set_stream(f);
	dev_err(&pdev->dev, "tlog-err %d\n", 1);
	dev_warn(&pdev->dev, "tlog-warn %d\n", 2);
	pr_crit("tlog-crit\n");
	pr_info("tlog-info\n");
	pr_debug("tlog-debug1\n");
	ASSERT_EQ(dmakit_log_set_level(LOGLEVEL_DEBUG), LOGLEVEL_ERR);
	pr_debug("tlog-debug2\n");
	dev_info(&pdev->dev, "tlog-info2\n");
	dmakit_log_set_level(LOGLEVEL_ERR);
	dmakit_log_set_stream(NULL);
	dmakit_log_set_hook(NULL, NULL);

	out = read_stream(f);
	ASSERT_NOT_NULL(out);
	ASSERT_TRUE(strstr(out, "tlog-err 1"));
	ASSERT_TRUE(strstr(out, "t-log.0: tlog-err 1"));	/* names the device */
	ASSERT_TRUE(strstr(out, "tlog-crit"));
	ASSERT_FALSE(strstr(out, "tlog-warn"));
	ASSERT_FALSE(strstr(out, "tlog-info\n"));
	ASSERT_FALSE(strstr(out, "tlog-debug1"));
	ASSERT_TRUE(strstr(out, "tlog-debug2"));
	ASSERT_TRUE(strstr(out, "tlog-info2"));
	free(out);
	fclose(f);

	/* the hook sees every message with its level */
	ASSERT_EQ(seen_level("tlog-err"), LOGLEVEL_ERR);
	ASSERT_EQ(seen_level("tlog-warn"), LOGLEVEL_WARNING);
	ASSERT_EQ(seen_level("tlog-crit"), LOGLEVEL_CRIT);
	ASSERT_EQ(seen_level("tlog-debug2"), LOGLEVEL_DEBUG);
	ASSERT_EQ(seen_level("tlog-info2"), LOGLEVEL_INFO);
	platform_device_unregister(pdev);
	return 0;
}

int main(void)
{
	setenv("DMAKIT_LOG", "err", 1);
	ASSERT_EQ(dmakit_boot(NULL), 0);
	RUN_TEST(test_log_levels);
	RUN_TEST(test_devres_unbind);
	RUN_TEST(test_devres_probe_failure);
	RUN_TEST(test_devres_group_api);
	RUN_TEST(test_deferred_probe);
	dmakit_shutdown();
	return 0;
}
