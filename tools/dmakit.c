// SPDX-License-Identifier: GPL-2.0
/*
 * dmakit - look at a booted board the way one looks at a kernel's.
 *
 *   dmakit summary [--board FILE]             debugfs dmaengine/summary
 *   dmakit sysfs [--board FILE] [--dir PATH]  /sys/class/dma (printed, or
 *                                             written as files under PATH)
 *
 * FILE is a .dtb or a .dts (compiled with dtc); without it the embedded
 * default board boots.  Exit status: 0, 1 on failure, 2 on bad usage.
 */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <dmakit/board.h>
#include <dmakit/dmaengine.h>

static int usage(FILE *f)
{
	fprintf(f,
		"usage: dmakit summary [--board FILE]\n"
		"       dmakit sysfs [--board FILE] [--dir PATH]\n");
	return f == stderr ? 2 : 0;
}

struct cli {
	const char *cmd;
	const char *board;
	const char *dir;
	bool help;
};

/* 0, or 2 (bad usage, said on stderr); c->help for -h/--help/help. */
static int parse_args(struct cli *c, int argc, char **argv)
{
	int i;

	if (argc < 2)
		return usage(stderr);
	c->cmd = argv[1];
	if (!strcmp(c->cmd, "-h") || !strcmp(c->cmd, "--help") ||
	    !strcmp(c->cmd, "help")) {
		c->help = true;
		return 0;
	}
	if (strcmp(c->cmd, "summary") && strcmp(c->cmd, "sysfs")) {
		fprintf(stderr, "dmakit: unknown command '%s'\n", c->cmd);
		return usage(stderr);
	}
	for (i = 2; i < argc; i++) {
		if (!strcmp(argv[i], "--board") && i + 1 < argc) {
			c->board = argv[++i];
		} else if (!strcmp(argv[i], "--dir") && i + 1 < argc &&
			   !strcmp(c->cmd, "sysfs")) {
			c->dir = argv[++i];
		} else {
			fprintf(stderr, "dmakit: bad argument '%s'\n", argv[i]);
			return usage(stderr);
		}
	}
	return 0;
}

/* The command on the booted board: 0 or a negative errno. */
static int run_cmd(const struct cli *c, FILE *out)
{
	if (!strcmp(c->cmd, "summary")) {
		dmakit_dump_summary(out);
		return 0;
	}
	if (c->dir)
		return dmakit_write_sysfs(c->dir);
	return dmakit_dump_sysfs(out);
}

int main(int argc, char **argv)
{
	struct cli c = { 0 };
	int ret;

	ret = parse_args(&c, argc, argv);
	if (ret)
		return ret;
	if (c.help)
		return usage(stdout);
	ret = dmakit_boot(c.board);
	if (ret) {
		fprintf(stderr, "dmakit: cannot boot %s: %s\n",
			c.board ? c.board : "the default board", strerror(-ret));
		return 1;
	}
	ret = run_cmd(&c, stdout);
	dmakit_shutdown();
	if (ret) {
		fprintf(stderr, "dmakit: %s: %s\n", c.cmd, strerror(-ret));
		return 1;
	}
	return 0;
}
