// SPDX-License-Identifier: GPL-2.0
/*
 * of-dma over a real board (of-dma.dts): a client driver bound by
 * compatible requests its channels by name through dmas/dma-names; a
 * plain device through a dma_slave_map; the debugfs summary and sysfs
 * views in the kernel's format; every failing lookup; deferral while
 * the controller is unbound, and the rebind that ends it.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <limits.h>
#include <unistd.h>
#include <linux/dmaengine.h>
#include <linux/of.h>
#include <linux/of_dma.h>
#include <linux/of_platform.h>
#include <linux/property.h>
#include <dmakit/board.h>
#include <dmakit/dmaengine.h>
#include "dmaengine.h"
#include "board-test.h"

/* --- a slave DMA controller bound by request line (simple_xlate) --- */

#define TDMAC_MAX_CHANS 8

struct tdmac_chan {
	struct dma_chan chan;
	u32 request;
};

struct tdmac {
	struct dma_device dma;
	struct tdmac_chan chans[TDMAC_MAX_CHANS];
	struct of_dma_filter_info info;
};

static struct platform_driver tdmac_driver;
static u32 map_request = 7;

static const struct dma_slave_map tdmac_map[] = {
	{ "10002000.map-client", "rx", &map_request },
};

static bool tdmac_filter(struct dma_chan *chan, void *param)
{
	if (chan->device->dev->driver != &tdmac_driver.driver)
		return false;
	container_of(chan, struct tdmac_chan, chan)->request = *(u32 *)param;
	return true;
}

static void tdmac_issue_pending(struct dma_chan *chan)
{
}

static void tdmac_of_free(void *np)
{
	of_dma_controller_free(np);
}

static int tdmac_probe(struct platform_device *pdev)
{
	struct device *dev = &pdev->dev;
	struct tdmac *t;
	u32 i, n;
	int ret;

	if (device_property_read_u32(dev, "dma-channels", &n) || !n ||
	    n > TDMAC_MAX_CHANS)
		return -EINVAL;
	t = devm_kzalloc(dev, sizeof(*t), GFP_KERNEL);
	if (!t)
		return -ENOMEM;
	t->dma.dev = dev;
	INIT_LIST_HEAD(&t->dma.channels);
	dma_cap_set(DMA_SLAVE, t->dma.cap_mask);
	t->dma.device_issue_pending = tdmac_issue_pending;
	t->dma.device_tx_status = dma_cookie_status;
	t->dma.filter.map = tdmac_map;
	t->dma.filter.mapcnt = ARRAY_SIZE(tdmac_map);
	t->dma.filter.fn = tdmac_filter;
	for (i = 0; i < n; i++) {
		t->chans[i].chan.device = &t->dma;
		dma_cookie_init(&t->chans[i].chan);
		list_add_tail(&t->chans[i].chan.device_node, &t->dma.channels);
	}
	ret = dmaenginem_async_device_register(&t->dma);
	if (ret)
		return ret;
	dma_cap_set(DMA_SLAVE, t->info.dma_cap);
	t->info.filter_fn = tdmac_filter;
	ret = of_dma_controller_register(dev->of_node, of_dma_simple_xlate,
					 &t->info);
	if (ret)
		return ret;
	return devm_add_action_or_reset(dev, tdmac_of_free, dev->of_node);
}

static const struct of_device_id tdmac_of_match[] = {
	{ .compatible = "dmakit,test-dmac" },
	{}
};

static struct platform_driver tdmac_driver = {
	.probe = tdmac_probe,
	.driver = {
		.name = "test-dmac",
		.of_match_table = tdmac_of_match,
	},
};
module_platform_driver(tdmac_driver);

/* --- a request router in front of sdma: line N is sdma's N - 32 --- */

struct test_route {
	u32 line;
};

static int routes_allocated, routes_freed;

static void *router_allocate(struct of_phandle_args *dma_spec,
			     struct of_dma *ofdma)
{
	struct test_route *route;

	if (dma_spec->args_count != 1 || dma_spec->args[0] < 32)
		return ERR_PTR(-EINVAL);
	route = kzalloc(sizeof(*route), GFP_KERNEL);
	if (!route)
		return ERR_PTR(-ENOMEM);
	route->line = dma_spec->args[0];
	dma_spec->np = of_parse_phandle(ofdma->of_node, "dma-masters", 0);
	dma_spec->args[0] -= 32;
	routes_allocated++;
	return route;
}

static void router_free(struct device *dev, void *route_data)
{
	kfree(route_data);
	routes_freed++;
}

static void router_of_free(void *np)
{
	of_dma_router_free(np);
}

static int router_probe(struct platform_device *pdev)
{
	struct dma_router *router;
	int ret;

	router = devm_kzalloc(&pdev->dev, sizeof(*router), GFP_KERNEL);
	if (!router)
		return -ENOMEM;
	router->dev = &pdev->dev;
	router->route_free = router_free;
	ret = of_dma_router_register(pdev->dev.of_node, router_allocate,
				     router);
	if (ret)
		return ret;
	return devm_add_action_or_reset(&pdev->dev, router_of_free,
					pdev->dev.of_node);
}

static const struct of_device_id router_of_match[] = {
	{ .compatible = "dmakit,test-router" },
	{}
};

static struct platform_driver router_driver = {
	.probe = router_probe,
	.driver = {
		.name = "test-router",
		.of_match_table = router_of_match,
	},
};
module_platform_driver(router_driver);

/* --- a client driver: takes "rx" in probe (deferring if need be) --- */

static int client_probes, client_defers;

static void client_release(void *chan)
{
	dma_release_channel(chan);
}

static int client_probe(struct platform_device *pdev)
{
	struct dma_chan *chan = dma_request_chan(&pdev->dev, "rx");

	if (IS_ERR(chan)) {
		if (PTR_ERR(chan) == -EPROBE_DEFER)
			client_defers++;
		return (int)PTR_ERR(chan);
	}
	platform_set_drvdata(pdev, chan);
	client_probes++;
	return devm_add_action_or_reset(&pdev->dev, client_release, chan);
}

static const struct of_device_id client_of_match[] = {
	{ .compatible = "dmakit,test-client" },
	{}
};

static struct platform_driver client_driver = {
	.probe = client_probe,
	.driver = {
		.name = "test-client",
		.of_match_table = client_of_match,
	},
};
module_platform_driver(client_driver);

/* --- helpers --- */

static struct device *dev_at(const char *path)
{
	struct device *dev = dmakit_of_find_device_by_path(path);

	if (!dev)
		fprintf(stderr, "no device for %s\n", path);
	REQUIRE(dev);
	put_device(dev);	/* the board keeps it alive */
	return dev;
}

static long request_err(const char *path, const char *name)
{
	struct dma_chan *chan = dma_request_chan(dev_at(path), name);

	if (!IS_ERR(chan)) {
		dma_release_channel(chan);
		return 0;
	}
	return PTR_ERR(chan);
}

static char *capture(int (*fn)(FILE *f))
{
	char *buf = NULL;
	size_t size = 0;
	FILE *f = open_memstream(&buf, &size);

	REQUIRE(f);
	fn(f);
	fclose(f);
	return buf;
}

static int summary(FILE *f)
{
	dmakit_dump_summary(f);
	return 0;
}

static char *read_text(const char *dir, const char *rel)
{
	static char buf[256];
	char path[PATH_MAX];
	FILE *f;
	size_t n;

	snprintf(path, sizeof(path), "%s/%s", dir, rel);
	f = fopen(path, "r");
	if (!f)
		return NULL;
	n = fread(buf, 1, sizeof(buf) - 1, f);
	buf[n] = '\0';
	fclose(f);
	return buf;
}

static char *read_link(const char *dir, const char *rel)
{
	static char buf[256];
	char path[PATH_MAX];
	ssize_t n;

	snprintf(path, sizeof(path), "%s/%s", dir, rel);
	n = readlink(path, buf, sizeof(buf) - 1);
	if (n < 0)
		return NULL;
	buf[n] = '\0';
	return buf;
}

static const char expected_summary[] =
	"dma0 (dma-controller): number of channels: 2\n"
	" dma0chan0    | 10000000.client:tx\n"
	" dma0chan1    | 10000000.client:rx\n"
	"\n"
	"dma1 (1000000.dma-controller): number of channels: 4\n"
	" dma1chan0    | 10000000.client:aux\n"
	" dma1chan1    | 10000000.client:aux\n"
	" dma1chan2    | 10002000.map-client:rx\n"
	" dma1chan3    | 1000a000.routed:rx (via router: 4000000.dma-router)\n"
	"\n"
	"dma2 (2000000.dma-controller): number of channels: 2\n";

static const char expected_sysfs_dma0[] =
	"/sys/class/dma/dma0chan0 -> ../../devices/platform/dma-controller/dma/dma0chan0\n"
	"/sys/class/dma/dma0chan0/bytes_transferred:0\n"
	"/sys/class/dma/dma0chan0/device -> ../../../dma-controller\n"
	"/sys/class/dma/dma0chan0/in_use:1\n"
	"/sys/class/dma/dma0chan0/memcpy_count:0\n"
	"/sys/class/dma/dma0chan0/slave -> ../../../soc/10000000.client\n"
	"/sys/devices/platform/soc/10000000.client/dma:tx -> ../../dma-controller/dma/dma0chan0\n"
	"/sys/class/dma/dma0chan1 -> ../../devices/platform/dma-controller/dma/dma0chan1\n"
	"/sys/class/dma/dma0chan1/bytes_transferred:0\n"
	"/sys/class/dma/dma0chan1/device -> ../../../dma-controller\n"
	"/sys/class/dma/dma0chan1/in_use:1\n"
	"/sys/class/dma/dma0chan1/memcpy_count:0\n"
	"/sys/class/dma/dma0chan1/slave -> ../../../soc/10000000.client\n"
	"/sys/devices/platform/soc/10000000.client/dma:rx -> ../../dma-controller/dma/dma0chan1\n"
	"/sys/class/dma/dma1chan0 -> ../../devices/platform/soc/1000000.dma-controller/dma/dma1chan0\n";

static const char expected_sysfs_dma2[] =
	"/sys/class/dma/dma2chan1 -> ../../devices/platform/soc/2000000.dma-controller/dma/dma2chan1\n"
	"/sys/class/dma/dma2chan1/bytes_transferred:0\n"
	"/sys/class/dma/dma2chan1/device -> ../../../2000000.dma-controller\n"
	"/sys/class/dma/dma2chan1/in_use:0\n"
	"/sys/class/dma/dma2chan1/memcpy_count:0\n";

static void check_views(void)
{
	char dir[] = "/tmp/dmakit-sysfs-XXXXXX", *s, *text, cmd[64];

	text = capture(summary);
	CHECK_STR(text, expected_summary);
	free(text);

	text = capture(dmakit_dump_sysfs);
	CHECK(!strncmp(text, expected_sysfs_dma0, strlen(expected_sysfs_dma0)));
	if (strncmp(text, expected_sysfs_dma0, strlen(expected_sysfs_dma0)))
		fprintf(stderr, "sysfs view:\n%s", text);
	s = strstr(text, "/sys/class/dma/dma2chan1 ");
	CHECK(s && !strcmp(s, expected_sysfs_dma2));
	CHECK(strstr(text, "/sys/devices/platform/soc/10002000.map-client/dma:rx -> ../1000000.dma-controller/dma/dma1chan2\n"));
	free(text);

	REQUIRE(mkdtemp(dir));
	CHECK_EQ(dmakit_write_sysfs(dir), 0);
	CHECK_STR(read_text(dir, "class/dma/dma0chan1/in_use"), "1\n");
	CHECK_STR(read_text(dir, "class/dma/dma2chan0/in_use"), "0\n");
	CHECK_STR(read_text(dir, "class/dma/dma1chan2/memcpy_count"), "0\n");
	CHECK_STR(read_text(dir, "devices/platform/soc/10000000.client/dma:rx/in_use"),
		  "1\n");
	CHECK_STR(read_link(dir, "class/dma/dma0chan1/slave"),
		  "../../../soc/10000000.client");
	CHECK_STR(read_link(dir, "class/dma/dma1chan0"),
		  "../../devices/platform/soc/1000000.dma-controller/dma/dma1chan0");
	/* rewriting over an existing tree works */
	CHECK_EQ(dmakit_write_sysfs(dir), 0);
	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	CHECK_EQ(system(cmd), 0);
}

static void check_failures(void)
{
	CHECK_EQ(request_err("/soc/client@10000000", "nonesuch"), -ENODEV);
	CHECK_EQ(request_err("/soc/bad-beyond@10003000", "rx"), -ENODEV);
	CHECK_EQ(request_err("/soc/bad-missing@10004000", "rx"), -ENODEV);
	CHECK_EQ(request_err("/soc/bad-short@10005000", "rx"), -ENODEV);
	CHECK_EQ(request_err("/soc/bad-request@10006000", "rx"), -ENODEV);
	CHECK_EQ(request_err("/soc/bad-cells@10007000", "rx"), -ENODEV);
	CHECK_EQ(request_err("/soc/bad-names@10008000", "rx"), -ENODEV);
	/* the controller node exists, but no driver registered it */
	CHECK_EQ(request_err("/soc/deferred@10009000", "rx"), -EPROBE_DEFER);
	/* an OF device without dmas and without a map entry */
	CHECK_EQ(request_err("/soc/map-client@10002000", "tx"), -ENODEV);
	/* one controller per node */
	CHECK_EQ(of_dma_controller_register(dev_at("/dma-controller")->of_node,
					    of_dma_xlate_by_chan_id, NULL),
		 -EEXIST);
	CHECK_EQ(of_dma_controller_register(NULL, of_dma_xlate_by_chan_id,
					    NULL), -EINVAL);
}

static void check_rebind(void)
{
	struct device *client = dev_at("/soc/client@10000000");
	struct device *ctrl = dev_at("/dma-controller");
	struct dma_chan *rx;

	device_release_driver(client);
	CHECK(!client->driver);
	device_release_driver(ctrl);
	CHECK(!ctrl->driver);
	/* its OF registration went with the driver: lookups now defer */
	CHECK_EQ(request_err("/soc/client@10000000", "tx"), -EPROBE_DEFER);
	CHECK_EQ(device_attach(client), -EPROBE_DEFER);
	CHECK(!client->driver);
	CHECK_EQ(client_defers, 1);
	/* binding the controller retries the deferred client */
	CHECK_EQ(device_attach(ctrl), 1);
	CHECK(ctrl->driver);
	CHECK(client->driver);
	CHECK_EQ(client_probes, 2);
	rx = dev_get_drvdata(client);
	REQUIRE(rx);
	CHECK_EQ(rx->chan_id, 1);
	CHECK(rx->device->dev == ctrl);
	CHECK_STR(rx->dbg_client_name, "10000000.client:rx");
}

int main(void)
{
	struct device *client, *mapdev;
	struct dma_chan *tx, *aux1, *aux2, *aux3, *mapped, *routed;
	u32 r1, r2;

	REQUIRE(dmakit_boot(bt_board("of-dma.dts")) == 0);
	client = dev_at("/soc/client@10000000");
	CHECK(client->driver == &client_driver.driver);
	CHECK_EQ(client_probes, 1);

	tx = dma_request_chan(client, "tx");
	REQUIRE(!IS_ERR(tx));
	CHECK_EQ(tx->chan_id, 0);
	CHECK_STR(dev_name(tx->device->dev), "dma-controller");
	/* "aux" names two request lines: both are handed out, then none */
	aux1 = dma_request_chan(client, "aux");
	aux2 = dma_request_chan(client, "aux");
	REQUIRE(!IS_ERR(aux1) && !IS_ERR(aux2));
	CHECK(aux1 != aux2);
	r1 = container_of(aux1, struct tdmac_chan, chan)->request;
	r2 = container_of(aux2, struct tdmac_chan, chan)->request;
	CHECK((r1 == 3 && r2 == 5) || (r1 == 5 && r2 == 3));
	CHECK_STR(dev_name(aux1->device->dev), "1000000.dma-controller");
	/* by the slave map: the device has an of_node but no dmas */
	mapdev = dev_at("/soc/map-client@10002000");
	mapped = dma_request_chan(mapdev, "rx");
	REQUIRE(!IS_ERR(mapped));
	CHECK_EQ(container_of(mapped, struct tdmac_chan, chan)->request, 7);
	CHECK_EQ(mapped->chan_id, 2);
	/* through the router: line 40 is sdma's request line 8 */
	routed = dma_request_chan(dev_at("/soc/routed@1000a000"), "rx");
	REQUIRE(!IS_ERR(routed));
	CHECK_EQ(container_of(routed, struct tdmac_chan, chan)->request, 8);
	CHECK(routed->router && !strcmp(dev_name(routed->router->dev),
					"4000000.dma-router"));
	CHECK_EQ(routes_allocated, 1);
	/* sdma's four channels are all taken: the new route is undone */
	aux3 = dma_request_chan(dev_at("/soc/routed@1000a000"), "rx");
	CHECK(IS_ERR(aux3) && PTR_ERR(aux3) == -ENODEV);
	CHECK_EQ(routes_allocated, 2);
	CHECK_EQ(routes_freed, 1);
	/* channel 0 of dma0 is taken: "tx" again finds nothing */
	aux3 = dma_request_chan(client, "tx");
	CHECK(IS_ERR(aux3) && PTR_ERR(aux3) == -ENODEV);

	check_views();
	check_failures();

	dma_release_channel(tx);
	dma_release_channel(aux1);
	dma_release_channel(aux2);
	dma_release_channel(mapped);
	dma_release_channel(routed);
	CHECK_EQ(routes_freed, 2);
	check_rebind();

	dmakit_shutdown();
	CHECK(!dmakit_booted());
	return bt_result("test_of_dma");
}
