// SPDX-License-Identifier: GPL-2.0
/*
 * The of_* API over a real board (of-api.dts): lookups, property reads
 * and their error codes, phandles, address translation, interrupts,
 * device creation and naming, driver matching by compatible with match
 * data and device_property_*, models and machine hooks, references.
 */
#include <linux/of.h>
#include <linux/of_address.h>
#include <linux/of_irq.h>
#include <linux/of_platform.h>
#include <linux/property.h>
#include <dmakit/board.h>
#include <dmakit/irq.h>
#include "board-test.h"

/* --- a driver for "dmakit,test-uart", checking what probe sees --- */

struct uart_data {
	const char *kind;
};
static const struct uart_data uart_data = { .kind = "test-uart" };

static int uart_probes, uart_removes, model_seen_at_probe;
static int uart_irq[2], uart_irq_count;
static struct resource uart_mem[2];
static u32 uart_prop_count;
static int models_created, models_destroyed, machine_inits, machine_exits;
static int model_irq;

static int test_uart_probe(struct platform_device *pdev)
{
	const struct uart_data *d = device_get_match_data(&pdev->dev);
	struct resource *r;
	void *mem;

	if (!d || strcmp(d->kind, "test-uart"))
		return -EINVAL;
	if (!strcmp(dev_name(&pdev->dev), "10000000.serial")) {
		r = platform_get_resource(pdev, IORESOURCE_MEM, 0);
		if (r)
			uart_mem[0] = *r;
		r = platform_get_resource_byname(pdev, IORESOURCE_MEM, "fifo");
		if (r)
			uart_mem[1] = *r;
		uart_irq[0] = platform_get_irq_byname(pdev, "rx");
		uart_irq[1] = platform_get_irq(pdev, 1);
		uart_irq_count = platform_irq_count(pdev);
		uart_prop_count = device_property_count_u32(&pdev->dev, "reg");
		model_seen_at_probe = models_created;
	}
	/* devres is released on unbind: valgrind sees it if not. */
	mem = devm_kzalloc(&pdev->dev, 64, GFP_KERNEL);
	if (!mem)
		return -ENOMEM;
	uart_probes++;
	return 0;
}

static void test_uart_remove(struct platform_device *pdev)
{
	uart_removes++;
}

static const struct of_device_id test_uart_of_match[] = {
	{ .compatible = "dmakit,test-uart", .data = &uart_data },
	{}
};

static struct platform_driver test_uart_driver = {
	.probe = test_uart_probe,
	.remove_new = test_uart_remove,
	.driver = {
		.name = "test-uart",
		.of_match_table = test_uart_of_match,
	},
};
module_platform_driver(test_uart_driver);

/* --- models and machine --- */

static int timer_model_create(struct device_node *np, void **state)
{
	CHECK_EQ(machine_inits, models_created + 1);
	CHECK_EQ(uart_probes, 2 * models_created);	/* models come first */
	model_irq = of_irq_get(np, 0);
	*state = (void *)np;
	models_created++;
	return 0;
}

static void timer_model_destroy(struct device_node *np, void *state)
{
	CHECK(state == np);
	CHECK_EQ(uart_removes, uart_probes);	/* drivers are gone first */
	models_destroyed++;
}

static int broken_model_create(struct device_node *np, void **state)
{
	return -EIO;
}

static struct dmakit_model timer_model = {
	.compatible = "dmakit,test-timer",
	.create = timer_model_create,
	.destroy = timer_model_destroy,
};

static struct dmakit_model broken_model = {
	.compatible = "dmakit,test-broken",
	.create = broken_model_create,
};

static int machine_init(struct device_node *root)
{
	CHECK(root && !strcmp(root->full_name, "/"));
	CHECK_EQ(models_created, machine_inits);
	machine_inits++;
	return 0;
}

static void machine_exit(void)
{
	CHECK_EQ(models_destroyed, machine_exits + 1);
	machine_exits++;
}

static const struct dmakit_board_hooks hooks = {
	.machine_init = machine_init,
	.machine_exit = machine_exit,
};

/* --- checks --- */

static void check_lookups(void)
{
	struct device_node *np, *a, *child;
	int n;

	np = of_find_node_by_path("/soc/serial@10000000");
	REQUIRE(np);
	CHECK_STR(np->name, "serial");
	CHECK_STR(np->full_name, "serial@10000000");
	CHECK_STR(of_node_path(np), "/soc/serial@10000000");
	a = of_find_node_by_path("serial0");
	CHECK(a == np);
	of_node_put(a);
	a = of_find_node_by_path("serial1");
	CHECK(a && !strcmp(of_node_path(a), "/soc/serial@10001000"));
	of_node_put(a);
	CHECK_EQ(of_alias_get_id(np, "serial"), 0);
	a = of_find_node_by_path("/soc/serial");	/* no unit: by name */
	CHECK(a == np);
	of_node_put(a);
	CHECK(of_find_node_by_path("/soc/nothing") == NULL);
	CHECK(of_find_node_by_path("nothing0") == NULL);
	of_node_put(np);

	np = of_find_compatible_node(NULL, NULL, "dmakit,test-uart");
	CHECK(np && !strcmp(np->full_name, "serial@10000000"));
	np = of_find_compatible_node(np, NULL, "dmakit,test-uart");
	CHECK(np && !strcmp(np->full_name, "serial@10001000"));
	np = of_find_compatible_node(np, NULL, "dmakit,test-uart");
	CHECK(np == NULL);

	np = of_find_node_by_path("/soc/leds");
	REQUIRE(np);
	CHECK_EQ(of_get_child_count(np), 3);
	CHECK_EQ(of_get_available_child_count(np), 2);
	n = 0;
	for_each_available_child_of_node(np, child) {
		const char *label;

		CHECK_EQ(of_property_read_string(child, "label", &label), 0);
		CHECK_STR(label, n ? "c" : "a");
		n++;
	}
	CHECK_EQ(n, 2);
	child = of_get_child_by_name(np, "led-b");
	CHECK(child && !of_device_is_available(child));
	a = of_get_parent(child);
	CHECK(a == np);
	of_node_put(a);
	of_node_put(child);
	of_node_put(np);

	np = of_find_node_by_path("/off");
	CHECK(np && !of_device_is_available(np));
	of_node_put(np);
	np = of_find_node_by_path("/props");
	CHECK(of_device_is_available(np));
	CHECK(of_device_is_compatible(np, "dmakit,props") >
	      of_device_is_compatible(np, "dmakit,props-fallback"));
	CHECK(of_device_is_compatible(np, "dmakit,props-fallback") > 0);
	CHECK_EQ(of_device_is_compatible(np, "dmakit,other"), 0);
	of_node_put(np);
}

static void check_props(void)
{
	struct device_node *np = of_find_node_by_path("/props");
	const char *s, *strs[4];
	u32 v, arr[4];
	u64 v64;
	u8 b[3];
	u16 h[2];
	int len;

	REQUIRE(np);
	CHECK_EQ(of_property_read_u32(np, "u32", &v), 0);
	CHECK_EQ(v, 0x12345678);
	CHECK_EQ(of_property_read_u32(np, "missing", &v), -EINVAL);
	CHECK_EQ(of_property_read_u32(np, "empty", &v), -EOVERFLOW);
	CHECK_EQ(of_property_read_u32_index(np, "u32s", 3, &v), 0);
	CHECK_EQ(v, 4);
	CHECK_EQ(of_property_read_u32_index(np, "u32s", 4, &v), -EOVERFLOW);
	CHECK_EQ(of_property_read_u32_array(np, "u32s", arr, 4), 0);
	CHECK(arr[0] == 1 && arr[3] == 4);
	CHECK_EQ(of_property_read_u32_array(np, "u32s", arr, 5), -EOVERFLOW);
	CHECK_EQ(of_property_read_variable_u32_array(np, "u32s", arr, 1, 4), 4);
	CHECK_EQ(of_property_read_variable_u32_array(np, "u32s", arr, 1, 2),
		 -EOVERFLOW);
	CHECK_EQ(of_property_count_u32_elems(np, "u32s"), 4);
	CHECK_EQ(of_property_count_u32_elems(np, "odd"), -EINVAL);
	CHECK_EQ(of_property_count_u8_elems(np, "odd"), 3);
	CHECK_EQ(of_property_count_u32_elems(np, "missing"), -EINVAL);
	CHECK_EQ(of_property_read_u64(np, "u64", &v64), 0);
	CHECK(v64 == 0x1122334455667788ull);
	CHECK_EQ(of_property_read_u8_array(np, "u8s", b, 3), 0);
	CHECK(b[0] == 0xa && b[2] == 0xc);
	CHECK_EQ(of_property_read_u16_array(np, "u16s", h, 2), 0);
	CHECK(h[0] == 0x102 && h[1] == 0x304);
	CHECK(of_property_read_bool(np, "empty"));
	CHECK(!of_property_read_bool(np, "missing"));
	CHECK(of_get_property(np, "str", &len) && len == 6);

	CHECK_EQ(of_property_read_string(np, "str", &s), 0);
	CHECK_STR(s, "hello");
	CHECK_EQ(of_property_read_string(np, "notstr", &s), -EILSEQ);
	CHECK_EQ(of_property_read_string(np, "empty", &s), -ENODATA);
	CHECK_EQ(of_property_read_string(np, "missing", &s), -EINVAL);
	CHECK_EQ(of_property_count_strings(np, "strs"), 3);
	CHECK_EQ(of_property_count_strings(np, "notstr"), -EILSEQ);
	CHECK_EQ(of_property_read_string_index(np, "strs", 2, &s), 0);
	CHECK_STR(s, "ccc");
	CHECK_EQ(of_property_read_string_index(np, "strs", 3, &s), -ENODATA);
	CHECK_EQ(of_property_read_string_array(np, "strs", strs, 2), 2);
	CHECK_STR(strs[1], "bb");
	CHECK_EQ(of_property_match_string(np, "strs", "bb"), 1);
	CHECK_EQ(of_property_match_string(np, "strs", "zz"), -ENODATA);
	CHECK_EQ(of_property_match_string(np, "missing", "zz"), -EINVAL);
	of_node_put(np);
}

static void check_phandles(void)
{
	struct device_node *np = of_find_node_by_path("/soc/bus@20000000/timer@100");
	struct device_node *intc = of_find_node_by_path("/interrupt-controller");
	struct of_phandle_args args;

	REQUIRE(np && intc);
	CHECK(intc->phandle != 0);
	CHECK(of_find_node_by_phandle(intc->phandle) == intc);
	of_node_put(intc);
	CHECK_EQ(kref_read(&intc->kref), 5);	/* tree, 3 IRQs, ours */
	CHECK(of_find_node_by_phandle(0) == NULL);
	CHECK_EQ(of_parse_phandle_with_args(np, "interrupts-extended",
					    "#interrupt-cells", 0, &args), 0);
	CHECK(args.np == intc);
	CHECK_EQ(args.args_count, 2);
	CHECK(args.args[0] == 9 && args.args[1] == 1);
	of_node_put(args.np);
	CHECK_EQ(of_parse_phandle_with_args(np, "interrupts-extended",
					    "#interrupt-cells", 1, &args),
		 -ENOENT);
	CHECK_EQ(of_count_phandle_with_args(np, "interrupts-extended",
					    "#interrupt-cells"), 1);
	CHECK(of_parse_phandle(np, "interrupts-extended", 0) == intc);
	of_node_put(intc);
	of_node_put(intc);	/* of_find_node_by_path's */
	CHECK_EQ(of_parse_phandle_with_args(np, "missing", "#x-cells", 0,
					    &args), -ENOENT);
	of_node_put(np);
}

static void check_devices(void)
{
	struct device_node *np, *intc;
	struct platform_device *pdev;
	struct device *dev;
	struct resource r;
	static const char *const names[] = {
		"dma-controller", "props", "soc", "10000000.serial",
		"10001000.serial", "soc:leds", "20000000.bus",
		"20000100.timer", "soc:nobus",
	};
	static const char *const absent[] = {
		"/interrupt-controller", "/off", "/broken", "/soc/leds/led-a",
		"/soc/nobus/hidden@0",
	};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(names); i++) {
		dev = bus_find_device_by_name(&platform_bus_type, NULL, names[i]);
		CHECK(dev != NULL);
		if (!dev)
			fprintf(stderr, "  no device %s\n", names[i]);
		put_device(dev);
	}
	for (i = 0; i < ARRAY_SIZE(absent); i++) {
		dev = dmakit_of_find_device_by_path(absent[i]);
		CHECK(dev == NULL);
		put_device(dev);
	}
	dev = dmakit_of_find_device_by_path("/soc/bus@20000000/timer@100");
	REQUIRE(dev);
	CHECK_STR(dev_name(dev), "20000100.timer");
	CHECK_STR(dev_name(dev->parent), "20000000.bus");
	CHECK_STR(dev_name(dev->parent->parent), "soc");
	pdev = to_platform_device(dev);
	CHECK_EQ(pdev->num_resources, 2);
	CHECK(pdev->resource[0].start == 0x20000100 &&
	      pdev->resource[0].end == 0x2000010f);
	CHECK_EQ(platform_get_irq(pdev, 0), model_irq);
	put_device(dev);

	/* resources as the driver saw them */
	CHECK(uart_mem[0].start == 0x10000000 && uart_mem[0].end == 0x100000ff);
	CHECK(uart_mem[0].flags == IORESOURCE_MEM);
	CHECK_STR(uart_mem[0].name, "regs");
	CHECK(uart_mem[1].start == 0x10000800 && resource_size(&uart_mem[1]) == 0x40);
	CHECK(uart_irq[0] > 0 && uart_irq[1] > 0 && uart_irq[0] != uart_irq[1]);
	CHECK_EQ(uart_irq_count, 2);
	CHECK_EQ(uart_prop_count, 4);
	CHECK(model_irq > 0 && model_irq != uart_irq[0] && model_irq != uart_irq[1]);
	/* the second UART shares hwirq 5 of the controller: same number */
	pdev = of_find_device_by_node(np = of_find_node_by_path("/soc/serial@10001000"));
	REQUIRE(pdev);
	CHECK_EQ(platform_get_irq(pdev, 0), uart_irq[0]);
	CHECK_EQ(of_irq_get(np, 0), uart_irq[0]);
	CHECK_EQ(of_irq_get(np, 1), -EINVAL);
	put_device(&pdev->dev);
	of_node_put(np);

	np = of_find_node_by_path("/soc/nobus/hidden@0");
	CHECK_EQ(of_address_to_resource(np, 0, &r), -EINVAL);	/* no ranges */
	of_node_put(np);
	np = of_find_node_by_path("/soc/serial@10000000");
	CHECK_EQ(of_address_to_resource(np, 2, &r), -EINVAL);
	CHECK_EQ(of_address_count(np), 2);
	CHECK_EQ(of_irq_count(np), 2);
	CHECK_EQ(of_irq_get_byname(np, "tx"), uart_irq[1]);
	CHECK_EQ(of_irq_get_byname(np, "none"), -ENODATA);
	/* the tree, the platform device and ours: nothing else */
	CHECK_EQ(kref_read(&np->kref), 3);
	of_node_put(np);
	intc = of_find_node_by_path("/interrupt-controller");
	/* the tree's own, three IRQ mappings, and ours */
	CHECK_EQ(kref_read(&intc->kref), 5);
	of_node_put(intc);
}

static void check_soft_engine_props(void)
{
	struct device *dev = dmakit_of_find_device_by_path("/dma-controller");
	u32 v;

	REQUIRE(dev);
	CHECK(dev->driver != NULL);
	CHECK_EQ(device_property_read_u32(dev, "dma-channels", &v), 0);
	CHECK_EQ(v, 3);
	CHECK(device_property_present(dev, "#dma-cells"));
	CHECK_EQ(device_property_read_u32(dev, "missing", &v), -EINVAL);
	CHECK_EQ(device_property_match_string(dev, "compatible",
					      "dmakit,soft-dma"), 0);
	put_device(dev);
}

int main(void)
{
	int ret;

	REQUIRE(dmakit_board_hooks_register(&hooks) == 0);
	REQUIRE(dmakit_model_register(&timer_model) == 0);
	REQUIRE(dmakit_model_register(&broken_model) == 0);
	CHECK_EQ(dmakit_model_register(&timer_model), -EEXIST);

	ret = dmakit_boot(bt_board("of-api.dts"));
	REQUIRE(ret == 0);
	CHECK_EQ(dmakit_boot(NULL), -EBUSY);
	CHECK_EQ(dmakit_model_register(&(struct dmakit_model){
		.compatible = "x", .create = broken_model_create }), -EBUSY);
	CHECK_EQ(machine_inits, 1);
	CHECK_EQ(models_created, 1);
	CHECK_EQ(model_seen_at_probe, 1);
	CHECK_EQ(uart_probes, 2);

	check_lookups();
	check_props();
	check_phandles();
	check_devices();
	check_soft_engine_props();

	dmakit_shutdown();
	CHECK_EQ(uart_removes, 2);
	CHECK_EQ(models_destroyed, 1);
	CHECK_EQ(machine_exits, 1);
	CHECK(of_root == NULL);

	/* A second boot of the same board gives the same devices again. */
	REQUIRE(dmakit_boot(BOARD_BIN_DIR "/of-api.dtb") == 0);
	CHECK_EQ(uart_probes, 4);
	CHECK_EQ(models_created, 2);
	dmakit_shutdown();
	CHECK_EQ(models_destroyed, 2);
	dmakit_model_unregister(&timer_model);
	dmakit_model_unregister(&broken_model);
	dmakit_board_hooks_unregister(&hooks);
	return bt_result("test_of_api");
}
