// SPDX-License-Identifier: GPL-2.0
/*
 * Boards: loading the device tree (the embedded default, a .dtb, or a
 * .dts compiled with dtc), and the registry of device models and of the
 * machine hooks that hw/ plugs in (include/dmakit/board.h).
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <linux/of.h>
#include <linux/slab.h>
#include <dmakit/board.h>
#include "board.h"

extern char **environ;

/* dts/default.dts, compiled at build time (init/default-dtb.c). */
extern const char dmakit_default_dtb[] __attribute__((visibility("hidden")));
extern const char dmakit_default_dtb_end[] __attribute__((visibility("hidden")));

#define BOARD_MAX_SIZE	(16u << 20)
#define FDT_MAGIC_BE	0xd00dfeed

static DEFINE_MUTEX(model_lock);
static struct dmakit_model *models;
#define BOARD_MAX_HOOKS 4
static const struct dmakit_board_hooks *board_hooks[BOARD_MAX_HOOKS];
static unsigned int nr_board_hooks;
static bool board_up;

struct model_instance {
	struct list_head node;
	struct dmakit_model *model;
	struct device_node *np;
	void *state;
};
static LIST_HEAD(instances);
static bool machine_up;

int dmakit_model_register(struct dmakit_model *model)
{
	struct dmakit_model *m;
	int ret = 0;

	if (!model || !model->compatible || !model->create)
		return -EINVAL;
	mutex_lock(&model_lock);
	if (board_up) {
		ret = -EBUSY;
		goto out;
	}
	for (m = models; m; m = m->next)
		if (m == model || !strcmp(m->compatible, model->compatible)) {
			pr_err("dmakit: a model for \"%s\" is already registered\n",
			       model->compatible);
			ret = -EEXIST;
			goto out;
		}
	model->next = models;
	models = model;
out:
	mutex_unlock(&model_lock);
	return ret;
}

void dmakit_model_unregister(struct dmakit_model *model)
{
	struct dmakit_model **p;

	mutex_lock(&model_lock);
	for (p = &models; *p; p = &(*p)->next)
		if (*p == model) {
			*p = model->next;
			break;
		}
	mutex_unlock(&model_lock);
}

int dmakit_board_hooks_register(const struct dmakit_board_hooks *hooks)
{
	unsigned int i;
	int ret = 0;

	if (!hooks)
		return -EINVAL;
	mutex_lock(&model_lock);
	for (i = 0; i < nr_board_hooks; i++)
		if (board_hooks[i] == hooks)
			ret = -EEXIST;
	if (!ret && (board_up || nr_board_hooks == BOARD_MAX_HOOKS))
		ret = -EBUSY;
	if (!ret)
		board_hooks[nr_board_hooks++] = hooks;
	mutex_unlock(&model_lock);
	return ret;
}

void dmakit_board_hooks_unregister(const struct dmakit_board_hooks *hooks)
{
	unsigned int i;

	mutex_lock(&model_lock);
	for (i = 0; i < nr_board_hooks; i++)
		if (board_hooks[i] == hooks) {
			memmove(&board_hooks[i], &board_hooks[i + 1],
				(nr_board_hooks - i - 1) * sizeof(board_hooks[0]));
			nr_board_hooks--;
			break;
		}
	mutex_unlock(&model_lock);
}

/* Run the machine exit hooks of the first @n registrants, newest first. */
static void board_hooks_exit(unsigned int n)
{
	while (n--)
		if (board_hooks[n]->machine_exit)
			board_hooks[n]->machine_exit();
}

/* The registered model that best matches @np, or NULL. */
static struct dmakit_model *model_for(struct device_node *np)
{
	struct dmakit_model *m, *best = NULL;
	int score, best_score = 0;

	for (m = models; m; m = m->next) {
		score = of_device_is_compatible(np, m->compatible);
		if (score > best_score) {
			best = m;
			best_score = score;
		}
	}
	return best;
}

int board_models_create(void)
{
	struct device_node *np;
	unsigned int i;
	int ret;

	mutex_lock(&model_lock);
	board_up = true;
	mutex_unlock(&model_lock);
	for (i = 0; i < nr_board_hooks; i++) {
		if (!board_hooks[i]->machine_init)
			continue;
		ret = board_hooks[i]->machine_init(of_root);
		if (ret) {
			pr_err("dmakit: machine initialisation failed (%d)\n", ret);
			board_hooks_exit(i);
			return ret;
		}
	}
	machine_up = true;
	for_each_of_allnodes(np) {
		struct model_instance *inst;
		struct dmakit_model *m;

		if (!of_device_is_available(np))
			continue;
		m = model_for(np);
		if (!m)
			continue;
		inst = kzalloc(sizeof(*inst), GFP_KERNEL);
		if (!inst) {
			of_node_put(np);
			return -ENOMEM;
		}
		ret = m->create(np, &inst->state);
		if (ret) {
			pr_err("dmakit: %s: model for \"%s\" failed (%d); device skipped\n",
			       of_node_path(np), m->compatible, ret);
			of_node_set_flag(np, OF_DMAKIT_NO_MODEL);
			kfree(inst);
			continue;
		}
		inst->model = m;
		inst->np = of_node_get(np);
		list_add(&inst->node, &instances);	/* newest first */
	}
	return 0;
}

void board_models_destroy(void)
{
	struct model_instance *inst, *n;

	list_for_each_entry_safe(inst, n, &instances, node) {
		list_del(&inst->node);
		if (inst->model->destroy)
			inst->model->destroy(inst->np, inst->state);
		of_node_put(inst->np);
		kfree(inst);
	}
	if (machine_up)
		board_hooks_exit(nr_board_hooks);
	machine_up = false;
	mutex_lock(&model_lock);
	board_up = false;
	mutex_unlock(&model_lock);
}

/* --- loading the tree --- */

static int read_file(const char *path, void **buf, size_t *size)
{
	struct stat st;
	ssize_t n;
	size_t done = 0;
	int fd, ret = 0;

	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		ret = -errno;
		pr_err("dmakit: cannot open board %s: %s\n", path,
		       strerror(errno));
		return ret;
	}
	if (fstat(fd, &st) || !S_ISREG(st.st_mode) ||
	    st.st_size > BOARD_MAX_SIZE) {
		pr_err("dmakit: board %s is not a regular file of at most %u bytes\n",
		       path, BOARD_MAX_SIZE);
		close(fd);
		return -EINVAL;
	}
	*buf = kmalloc(st.st_size + 1, GFP_KERNEL);
	if (!*buf) {
		close(fd);
		return -ENOMEM;
	}
	while (done < (size_t)st.st_size) {
		n = read(fd, (char *)*buf + done, st.st_size - done);
		if (n <= 0) {
			if (n < 0 && errno == EINTR)
				continue;
			ret = n < 0 ? -errno : -EIO;
			pr_err("dmakit: cannot read board %s\n", path);
			break;
		}
		done += n;
	}
	close(fd);
	if (ret) {
		kfree(*buf);
		*buf = NULL;
		return ret;
	}
	((char *)*buf)[done] = '\0';
	*size = done;
	return 0;
}

/* Compile @dts with dtc into a temporary blob; read it back. */
static int compile_dts(const char *dts, void **buf, size_t *size)
{
	const char *tmpdir = getenv("TMPDIR");
	char out[4096];
	char *argv[] = { "dtc", "-q", "-I", "dts", "-O", "dtb", "-o", out,
			 (char *)dts, NULL };
	pid_t pid;
	int fd, status, ret;

	snprintf(out, sizeof(out), "%s/dmakit-board-XXXXXX.dtb",
		 tmpdir && *tmpdir ? tmpdir : "/tmp");
	fd = mkstemps(out, 4);
	if (fd < 0) {
		pr_err("dmakit: cannot create a temporary file for %s: %s\n",
		       dts, strerror(errno));
		return -errno;
	}
	close(fd);
	ret = posix_spawnp(&pid, "dtc", NULL, NULL, argv, environ);
	if (!ret) {
		while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
			;
		/* 127: the child could not exec (reported so under valgrind) */
		if (WIFEXITED(status) && WEXITSTATUS(status) == 127)
			ret = ENOENT;
	}
	if (ret) {
		unlink(out);
		if (ret == ENOENT) {
			pr_err("dmakit: cannot compile %s: dtc not found (install device-tree-compiler, or pass a .dtb)\n",
			       dts);
			return -ENOENT;
		}
		pr_err("dmakit: cannot run dtc for %s: %s\n", dts,
		       strerror(ret));
		return -ret;
	}
	if (!WIFEXITED(status) || WEXITSTATUS(status)) {
		unlink(out);
		pr_err("dmakit: dtc failed to compile %s\n", dts);
		return -EINVAL;
	}
	ret = read_file(out, buf, size);
	unlink(out);
	return ret;
}

static bool is_blob(const void *buf, size_t size)
{
	const unsigned char *b = buf;

	return size >= 4 &&
	       ((u32)b[0] << 24 | (u32)b[1] << 16 | (u32)b[2] << 8 | b[3]) ==
	       FDT_MAGIC_BE;
}

int board_load(const char *path, void **buf, size_t *size)
{
	size_t len;
	int ret;

	*buf = NULL;
	if (!path) {
		*size = dmakit_default_dtb_end - dmakit_default_dtb;
		*buf = kmemdup(dmakit_default_dtb, *size, GFP_KERNEL);
		return *buf ? 0 : -ENOMEM;
	}
	len = strlen(path);
	if (len > 4 && !strcmp(path + len - 4, ".dts"))
		return compile_dts(path, buf, size);
	ret = read_file(path, buf, size);
	if (ret)
		return ret;
	if (is_blob(*buf, *size))
		return 0;
	if (strstr(*buf, "/dts-v1/")) {
		kfree(*buf);
		return compile_dts(path, buf, size);
	}
	pr_err("dmakit: board %s is neither a device tree blob nor a source\n",
	       path);
	kfree(*buf);
	*buf = NULL;
	return -EINVAL;
}
