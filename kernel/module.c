// SPDX-License-Identifier: GPL-2.0
/*
 * Built-in modules: init/exit calls registered by constructors, run by
 * dmakit_boot()/dmakit_shutdown(); module parameters set from the
 * DMAKIT_CMDLINE environment variable, like the kernel command line.
 */
#include <stdlib.h>
#include <linux/init.h>
#include <linux/moduleparam.h>
#include <dmakit/module.h>
#include "internal.h"

struct module __this_module = { .name = "dmakit" };

static struct dmakit_initcall *initcalls;	/* registration order */
static struct dmakit_param *params;
static DEFINE_SPINLOCK(registry_lock);

void dmakit_register_initcall(struct dmakit_initcall *call)
{
	struct dmakit_initcall **p;

	spin_lock(&registry_lock);
	for (p = &initcalls; *p; p = &(*p)->next)
		;
	call->next = NULL;
	*p = call;
	spin_unlock(&registry_lock);
}

/* Run every init call not yet run, lowest level first. */
int dmakit_run_initcalls(void)
{
	struct dmakit_initcall *c;
	int level, ret = 0;

	for (level = 0; level <= 7; level++) {
		for (c = initcalls; c; c = c->next) {
			int r;

			if (c->level != level || c->done || !c->init)
				continue;
			c->done = true;
			r = c->init();
			if (r) {
				pr_err("initcall %s returned %d\n", c->name, r);
				ret = ret ? ret : r;
			}
		}
	}
	return ret;
}

/* Exit calls, newest registration first; init calls may run again later. */
void dmakit_run_exitcalls(void)
{
	struct dmakit_initcall *c, *rev[256];
	int n = 0;

	for (c = initcalls; c && n < (int)ARRAY_SIZE(rev); c = c->next)
		rev[n++] = c;
	while (n--) {
		c = rev[n];
		if (c->exit)
			c->exit();
		c->done = false;
	}
}

void dmakit_register_param(struct dmakit_param *p)
{
	spin_lock(&registry_lock);
	p->next = params;
	params = p;
	spin_unlock(&registry_lock);
}

static int param_set(struct dmakit_param *p, const char *val)
{
	bool b;

	switch (p->type) {
	case DMAKIT_PARAM_bool:
	case DMAKIT_PARAM_invbool:
		if (!val || !*val)
			b = true;
		else if (kstrtobool(val, &b))
			return -EINVAL;
		/* A running driver may read it (READ_ONCE) meanwhile. */
		__atomic_store_n((bool *)p->ptr,
				 p->type == DMAKIT_PARAM_invbool ? !b : b,
				 __ATOMIC_RELAXED);
		return 0;
	case DMAKIT_PARAM_int:
		return kstrtoint(val, 0, p->ptr);
	case DMAKIT_PARAM_uint:
		return kstrtouint(val, 0, p->ptr);
	case DMAKIT_PARAM_long:
		return kstrtol(val, 0, p->ptr);
	case DMAKIT_PARAM_ulong:
		return kstrtoul(val, 0, p->ptr);
	case DMAKIT_PARAM_short: {
		int v;

		if (kstrtoint(val, 0, &v) || v < SHRT_MIN || v > SHRT_MAX)
			return -EINVAL;
		*(short *)p->ptr = (short)v;
		return 0;
	}
	case DMAKIT_PARAM_ushort:
	case DMAKIT_PARAM_byte: {
		unsigned int v, lim = p->type == DMAKIT_PARAM_byte ? 255 : 65535;

		if (kstrtouint(val, 0, &v) || v > lim)
			return -EINVAL;
		if (p->type == DMAKIT_PARAM_byte)
			*(unsigned char *)p->ptr = (unsigned char)v;
		else
			*(unsigned short *)p->ptr = (unsigned short)v;
		return 0;
	}
	case DMAKIT_PARAM_charp:
		*(const char **)p->ptr = strdup(val ? val : "");
		return 0;
	case DMAKIT_PARAM_string:
		if (strlen(val) >= p->maxlen)
			return -ENOSPC;
		strscpy(p->ptr, val, p->maxlen);
		return 0;
	}
	return -EINVAL;
}

static int parse_one(char *arg)
{
	char *eq = strchr(arg, '='), *dot = strchr(arg, '.');
	struct dmakit_param *p;
	const char *val = eq ? eq + 1 : "";

	if (!dot || (eq && dot > eq))
		return 0;	/* not a module parameter: ignored, as the kernel does */
	*dot = '\0';
	if (eq)
		*eq = '\0';
	for (p = params; p; p = p->next) {
		/* Module names match with '-' and '_' equivalent. */
		char mod[64];
		size_t i;

		strscpy(mod, arg, sizeof(mod));
		for (i = 0; mod[i]; i++)
			if (mod[i] == '-')
				mod[i] = '_';
		if (strcmp(p->module, mod) || strcmp(p->name, dot + 1))
			continue;
		if (param_set(p, val)) {
			pr_err("%s: bad value '%s' for parameter %s\n", mod, val,
			       p->name);
			return -EINVAL;
		}
		return 0;
	}
	pr_warn("Unknown module parameter %s.%s ignored\n", arg, dot + 1);
	return 0;
}

/* Store a parsed number in @p with one atomic store of its size. */
static void param_store(struct dmakit_param *p, const void *v)
{
	switch (p->type) {
	case DMAKIT_PARAM_bool:
	case DMAKIT_PARAM_invbool:
		__atomic_store_n((bool *)p->ptr, *(const bool *)v, __ATOMIC_RELAXED);
		break;
	case DMAKIT_PARAM_int:
	case DMAKIT_PARAM_uint:
		__atomic_store_n((int *)p->ptr, *(const int *)v, __ATOMIC_RELAXED);
		break;
	case DMAKIT_PARAM_long:
	case DMAKIT_PARAM_ulong:
		__atomic_store_n((long *)p->ptr, *(const long *)v, __ATOMIC_RELAXED);
		break;
	case DMAKIT_PARAM_short:
	case DMAKIT_PARAM_ushort:
		__atomic_store_n((short *)p->ptr, *(const short *)v, __ATOMIC_RELAXED);
		break;
	default:
		__atomic_store_n((char *)p->ptr, *(const char *)v, __ATOMIC_RELAXED);
		break;
	}
}

/*
 * Set @mod.@name to @val at run time, as a write to
 * /sys/module/<mod>/parameters/<name> does.  A number is parsed aside and
 * stored atomically, so a driver reading it with READ_ONCE() while it
 * runs never sees a torn value.  -ENOENT if there is no such parameter.
 */
int dmakit_param_set(const char *mod, const char *name, const char *val)
{
	struct dmakit_param *p, tmp;
	unsigned long v = 0;
	char m[64];
	size_t i;
	int ret;

	if (!mod || !name)
		return -EINVAL;
	strscpy(m, mod, sizeof(m));
	for (i = 0; m[i]; i++)
		if (m[i] == '-')
			m[i] = '_';
	spin_lock(&registry_lock);
	for (p = params; p; p = p->next)
		if (!strcmp(p->module, m) && !strcmp(p->name, name))
			break;
	spin_unlock(&registry_lock);
	if (!p) {
		pr_err("no module parameter %s.%s\n", m, name);
		return -ENOENT;
	}
	if (p->type == DMAKIT_PARAM_charp || p->type == DMAKIT_PARAM_string)
		return param_set(p, val ? val : "");
	tmp = *p;
	tmp.ptr = &v;
	ret = param_set(&tmp, val ? val : "");
	if (ret) {
		pr_err("%s: bad value '%s' for parameter %s\n", m,
		       val ? val : "", name);
		return ret;
	}
	param_store(p, &v);
	return 0;
}

/*
 * Read @mod.@name as its /sys/module/<mod>/parameters/<name> file shows
 * it ("Y"/"N" for bools, a number, a string), without the newline.
 * Returns the length written, or -ENOENT.
 */
int dmakit_param_get(const char *mod, const char *name, char *buf,
		     size_t len)
{
	struct dmakit_param *p;

	spin_lock(&registry_lock);
	for (p = params; p; p = p->next)
		if (!strcmp(p->module, mod) && !strcmp(p->name, name))
			break;
	spin_unlock(&registry_lock);
	if (!p)
		return -ENOENT;
	switch (p->type) {
	case DMAKIT_PARAM_bool:
		return scnprintf(buf, len, "%c",
				 READ_ONCE(*(bool *)p->ptr) ? 'Y' : 'N');
	case DMAKIT_PARAM_invbool:
		return scnprintf(buf, len, "%c",
				 READ_ONCE(*(bool *)p->ptr) ? 'N' : 'Y');
	case DMAKIT_PARAM_int:
		return scnprintf(buf, len, "%d", READ_ONCE(*(int *)p->ptr));
	case DMAKIT_PARAM_uint:
		return scnprintf(buf, len, "%u",
				 READ_ONCE(*(unsigned int *)p->ptr));
	case DMAKIT_PARAM_long:
		return scnprintf(buf, len, "%ld", READ_ONCE(*(long *)p->ptr));
	case DMAKIT_PARAM_ulong:
		return scnprintf(buf, len, "%lu",
				 READ_ONCE(*(unsigned long *)p->ptr));
	case DMAKIT_PARAM_short:
		return scnprintf(buf, len, "%hd", READ_ONCE(*(short *)p->ptr));
	case DMAKIT_PARAM_ushort:
		return scnprintf(buf, len, "%hu",
				 READ_ONCE(*(unsigned short *)p->ptr));
	case DMAKIT_PARAM_byte:
		return scnprintf(buf, len, "%u",
				 READ_ONCE(*(unsigned char *)p->ptr));
	case DMAKIT_PARAM_charp:
		return scnprintf(buf, len, "%s",
				 *(char **)p->ptr ? *(char **)p->ptr : "(null)");
	default:
		return scnprintf(buf, len, "%s", (char *)p->ptr);
	}
}

int dmakit_parse_cmdline(const char *cmdline)
{
	char *copy, *tok, *save;
	int ret = 0;

	if (!cmdline)
		return 0;
	copy = strdup(cmdline);
	if (!copy)
		return -ENOMEM;
	for (tok = strtok_r(copy, " \t\n", &save); tok;
	     tok = strtok_r(NULL, " \t\n", &save)) {
		int r = parse_one(tok);

		if (r && !ret)
			ret = r;
	}
	free(copy);
	return ret;
}
