// SPDX-License-Identifier: GPL-2.0
/*
 * The simulated machine: MMIO regions decoded to model register tables,
 * interrupt lines, DMA request lines, a clock with an event queue run by
 * the machine's own thread, and bus-master access to memory through the
 * DMA address space of the device each model is.
 *
 * One lock (the machine lock) serialises every model: register accesses
 * from CPUs and events on the machine thread.  Each bus master has its
 * own small lock for the address ranges the DMA API gave it, because the
 * DMA mapping layer reports those from any context.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <pthread.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <time.h>
#include <linux/dma-map-ops.h>
#include <linux/io.h>
#include <linux/ktime.h>
#include <linux/platform_device.h>
#include <dmakit/dma-observer.h>
#include <dmakit/irq.h>
#include "internal.h"

#define HW_MMIO_WINDOW	(64UL << 20)

struct hw_machine {
	pthread_mutex_t lock;
	pthread_cond_t work;		/* to the machine thread */
	pthread_cond_t idle;		/* from it */
	pthread_t thread;
	bool stop;
	enum hw_clock_mode mode;
	u64 now;
	u64 limit;			/* hold: run nothing after this */
	u64 seq;
	u64 nr_events;
	u64 rt_base_wall;
	u64 rt_base_virt;
	struct list_head events;	/* sorted by (when, seq) */
	struct list_head models;
	unsigned long win_next;
};

static struct hw_machine *the_machine;

static const struct {
	const char *compatible;
	hw_model_factory_t create;
} hw_factories[] = {
	{ "snps,axi-dma-1.01a", hw_dw_axi_dmac_create },
	{ "dmakit,test-fifo", hw_test_fifo_create },
};

/* ---------------------------------------------------------------- clock */

static u64 wall_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (u64)ts.tv_sec * NSEC_PER_SEC + ts.tv_nsec;
}

/* Realtime mode: the machine time the wall clock says it is. */
static u64 rt_virt_now(struct hw_machine *m)
{
	return m->rt_base_virt + (wall_ns() - m->rt_base_wall);
}

/* Bring time up to the wall clock before a CPU touches a model. */
static void clock_sync(struct hw_machine *m)
{
	if (m->mode == HW_CLOCK_REALTIME) {
		u64 t = rt_virt_now(m);

		if (t > m->now)
			m->now = t;
	}
}

static void machine_run_event(struct hw_machine *m, struct hw_event *ev)
{
	list_del(&ev->node);
	ev->pending = false;
	if (ev->when > m->now)
		m->now = ev->when;
	m->nr_events++;
	ev->fn(ev);
}

/* Realtime: wait for the wall clock to reach @when; false if woken early. */
static bool rt_wait(struct hw_machine *m, u64 when)
{
	u64 deadline = m->rt_base_wall + (when - m->rt_base_virt);
	struct timespec ts;

	if (wall_ns() >= deadline)
		return true;
	ts.tv_sec = deadline / NSEC_PER_SEC;
	ts.tv_nsec = deadline % NSEC_PER_SEC;
	pthread_cond_timedwait(&m->work, &m->lock, &ts);
	return false;
}

static void *machine_thread(void *arg)
{
	struct hw_machine *m = arg;

	pthread_mutex_lock(&m->lock);
	while (!m->stop) {
		struct hw_event *ev = list_first_entry_or_null(&m->events,
						struct hw_event, node);

		if (!ev || ev->when > m->limit) {
			if (m->limit != U64_MAX && m->now < m->limit)
				m->now = m->limit;
			pthread_cond_broadcast(&m->idle);
			pthread_cond_wait(&m->work, &m->lock);
			continue;
		}
		if (m->mode == HW_CLOCK_REALTIME && !rt_wait(m, ev->when))
			continue;
		machine_run_event(m, ev);
	}
	pthread_mutex_unlock(&m->lock);
	return NULL;
}

u64 hw_clock_now(struct hw_machine *m)
{
	u64 t;

	pthread_mutex_lock(&m->lock);
	clock_sync(m);
	t = m->now;
	pthread_mutex_unlock(&m->lock);
	return t;
}

u64 hw_clock_events(struct hw_machine *m)
{
	u64 n;

	pthread_mutex_lock(&m->lock);
	n = m->nr_events;
	pthread_mutex_unlock(&m->lock);
	return n;
}

int hw_clock_hold(struct hw_machine *m)
{
	if (m->mode != HW_CLOCK_VIRTUAL)
		return -EINVAL;
	pthread_mutex_lock(&m->lock);
	m->limit = m->now;
	pthread_mutex_unlock(&m->lock);
	return 0;
}

int hw_clock_step(struct hw_machine *m, u64 ns)
{
	u64 target;

	if (m->mode != HW_CLOCK_VIRTUAL)
		return -EINVAL;
	pthread_mutex_lock(&m->lock);
	if (m->limit == U64_MAX) {
		pthread_mutex_unlock(&m->lock);
		return -EINVAL;
	}
	target = m->now + ns;
	m->limit = target;
	pthread_cond_broadcast(&m->work);
	while (m->now < target && !m->stop)
		pthread_cond_wait(&m->idle, &m->lock);
	pthread_mutex_unlock(&m->lock);
	return 0;
}

void hw_clock_release(struct hw_machine *m)
{
	pthread_mutex_lock(&m->lock);
	m->limit = U64_MAX;
	pthread_cond_broadcast(&m->work);
	pthread_mutex_unlock(&m->lock);
}

u64 hw_now(struct hw_model *md)
{
	return md->mach->now;
}

void hw_event_init(struct hw_event *ev, struct hw_model *md,
		   void (*fn)(struct hw_event *ev))
{
	INIT_LIST_HEAD(&ev->node);
	ev->model = md;
	ev->fn = fn;
	ev->pending = false;
}

void hw_event_cancel(struct hw_event *ev)
{
	if (ev->pending) {
		list_del_init(&ev->node);
		ev->pending = false;
	}
}

void hw_event_schedule(struct hw_event *ev, u64 delay_ns)
{
	struct hw_machine *m = ev->model->mach;
	struct hw_event *pos;

	hw_event_cancel(ev);
	ev->when = m->now + delay_ns;
	ev->seq = m->seq++;
	ev->pending = true;
	/* After every event due at the same time: FIFO order among equals. */
	list_for_each_entry_reverse(pos, &m->events, node) {
		if (pos->when <= ev->when) {
			list_add(&ev->node, &pos->node);
			goto added;
		}
	}
	list_add(&ev->node, &m->events);
added:
	if (m->events.next == &ev->node)
		pthread_cond_broadcast(&m->work);
}

/* ----------------------------------------------------------- registers */

void *hw_model_priv(struct hw_model *md)
{
	return md->priv;
}

struct hw_machine *hw_model_machine(struct hw_model *md)
{
	return md->mach;
}

const char *hw_model_name(struct hw_model *md)
{
	return md->name;
}

void hw_model_lock(struct hw_model *md)
{
	pthread_mutex_lock(&md->mach->lock);
}

void hw_model_unlock(struct hw_model *md)
{
	pthread_mutex_unlock(&md->mach->lock);
}

static u64 *reg_slot(struct hw_model *md, unsigned int reg, unsigned int idx)
{
	return &md->vals[md->reg_base[reg] + idx];
}

u64 hw_reg_get(struct hw_model *md, unsigned int reg, unsigned int idx)
{
	return *reg_slot(md, reg, idx);
}

void hw_reg_set(struct hw_model *md, unsigned int reg, unsigned int idx, u64 val)
{
	*reg_slot(md, reg, idx) = val;
}

void hw_reg_store(struct hw_model *md, unsigned int reg, unsigned int idx,
		  u64 val, u64 mask)
{
	const struct hw_reg *r = &md->type->regs[reg];
	u64 *v = reg_slot(md, reg, idx);
	u64 rw = r->rw & mask;

	*v = (*v & ~rw) | (val & rw);
	*v &= ~(val & r->w1c & mask);
}

void hw_reg_reset_all(struct hw_model *md)
{
	unsigned int i, j;

	for (i = 0; i < md->type->nr_regs; i++) {
		const struct hw_reg *r = &md->type->regs[i];

		for (j = 0; j < max_t(u32, r->count, 1); j++)
			*reg_slot(md, i, j) = r->reset;
	}
}

static u64 reg_access(struct hw_model *md, unsigned long off,
		      unsigned int size, u64 val, bool write)
{
	const struct hw_reg *r;
	unsigned int reg, idx, shift;
	u64 mask, roff;
	u32 code;

	if (off + size > md->size || (off & (size - 1)))
		goto bad;
	code = md->decode[off / 4];
	if (!code)
		goto bad;
	reg = (code & 0xffff) - 1;
	idx = code >> 16;
	r = &md->type->regs[reg];
	roff = r->offset + (u64)idx * r->stride;
	if (off + size > roff + r->size) {
		/* A 64-bit access to two 32-bit registers. */
		u64 lo, hi;

		lo = reg_access(md, off, 4, val, write);
		hi = reg_access(md, off + 4, 4, val >> 32, write);
		return lo | hi << 32;
	}
	shift = (off - roff) * 8;
	mask = (size == 8 ? ~0ULL : (1ULL << (size * 8)) - 1) << shift;
	if (write) {
		if (r->write)
			r->write(md, reg, idx, val << shift, mask);
		else
			hw_reg_store(md, reg, idx, val << shift, mask);
		return 0;
	}
	return ((r->read ? r->read(md, reg, idx, mask) : *reg_slot(md, reg, idx)) &
		mask) >> shift;
bad:
	pr_debug("hw: %s: %s of undefined register %#lx (size %u)\n", md->name,
		 write ? "write" : "read", off, size);
	return 0;
}

static int reg_table_build(struct hw_model *md)
{
	const struct hw_model_type *t = md->type;
	unsigned int i, j, nvals = 0;

	md->reg_base = calloc(t->nr_regs ? t->nr_regs : 1, sizeof(*md->reg_base));
	md->decode = calloc(md->size / 4, sizeof(*md->decode));
	if (!md->reg_base || !md->decode)
		return -ENOMEM;
	for (i = 0; i < t->nr_regs; i++) {
		const struct hw_reg *r = &t->regs[i];
		unsigned int n = max_t(u32, r->count, 1);

		md->reg_base[i] = nvals;
		nvals += n;
		for (j = 0; j < n; j++) {
			u64 off = r->offset + (u64)j * r->stride, w;

			if (off + r->size > md->size) {
				pr_err("hw: %s: register %s[%u] at %#llx is outside the %#zx-byte region\n",
				       md->name, r->name, j,
				       (unsigned long long)off, md->size);
				return -EINVAL;
			}
			for (w = off; w < off + r->size; w += 4)
				md->decode[w / 4] = (i + 1) | j << 16;
		}
	}
	md->vals = calloc(nvals ? nvals : 1, sizeof(*md->vals));
	return md->vals ? 0 : -ENOMEM;
}

/* ----------------------------------------------------------- MMIO bus */

static struct hw_model *model_at_phys(struct hw_machine *m, phys_addr_t phys,
				      size_t len)
{
	struct hw_model *md;

	list_for_each_entry(md, &m->models, node)
		if (phys >= md->base && phys - md->base < md->size &&
		    len <= md->size - (phys - md->base))
			return md;
	return NULL;
}

static struct hw_model *model_at_window(struct hw_machine *m, unsigned long off)
{
	struct hw_model *md;

	list_for_each_entry(md, &m->models, node)
		if (off >= md->win_off && off - md->win_off < md->size)
			return md;
	return NULL;
}

static long bus_map(void *priv, phys_addr_t phys, size_t size)
{
	struct hw_machine *m = priv;
	struct hw_model *md;
	long off = -1;

	pthread_mutex_lock(&m->lock);
	md = model_at_phys(m, phys, size);
	if (md)
		off = (long)(md->win_off + (phys - md->base));
	pthread_mutex_unlock(&m->lock);
	return off;
}

static u64 bus_read(void *priv, unsigned long off, unsigned int size)
{
	struct hw_machine *m = priv;
	struct hw_model *md;
	u64 val = ~0ULL;

	pthread_mutex_lock(&m->lock);
	md = model_at_window(m, off);
	if (md) {
		clock_sync(m);
		val = reg_access(md, off - md->win_off, size, 0, false);
	} else {
		pr_warn("hw: read of MMIO with no device behind it (window offset %#lx)\n",
			off);
	}
	pthread_mutex_unlock(&m->lock);
	return val;
}

static void bus_write(void *priv, unsigned long off, u64 val, unsigned int size)
{
	struct hw_machine *m = priv;
	struct hw_model *md;

	pthread_mutex_lock(&m->lock);
	md = model_at_window(m, off);
	if (md) {
		clock_sync(m);
		reg_access(md, off - md->win_off, size, val, true);
	} else {
		pr_warn("hw: write to MMIO with no device behind it (window offset %#lx)\n",
			off);
	}
	pthread_mutex_unlock(&m->lock);
}

/* ------------------------------------------------------------ interrupts */

void hw_irq_set(struct hw_model *md, bool level)
{
	if (md->irq <= 0 || md->irq_level == level)
		return;
	md->irq_level = level;
	dmakit_irq_set_level(md->irq, level);
}

/* ------------------------------------------------------- request lines */

struct hw_drq *hw_drq_connect(struct hw_model *ctrl, unsigned int line,
			      struct hw_model *peri,
			      void (*ack)(struct hw_model *peri,
					  struct hw_drq *drq, u32 what))
{
	struct hw_drq *drq;

	if (!ctrl || line >= ctrl->type->nr_drq) {
		pr_err("hw: %s: no DMA request line %u on %s\n", peri->name,
		       line, ctrl ? ctrl->name : "(none)");
		return ERR_PTR(-EINVAL);
	}
	drq = &ctrl->drqs[line];
	if (drq->peri) {
		pr_err("hw: %s: DMA request line %u of %s is already driven by %s\n",
		       peri->name, line, ctrl->name, drq->peri->name);
		return ERR_PTR(-EBUSY);
	}
	drq->peri = peri;
	drq->ack = ack;
	drq->signals = 0;
	return drq;
}

void hw_drq_disconnect(struct hw_drq *drq)
{
	if (IS_ERR_OR_NULL(drq))
		return;
	hw_drq_signal(drq, 0);
	drq->peri = NULL;
	drq->ack = NULL;
}

void hw_drq_signal(struct hw_drq *drq, u32 signals)
{
	struct hw_model *ctrl = drq->ctrl;

	if (drq->signals == signals)
		return;
	drq->signals = signals;
	if (ctrl->type->drq_changed)
		ctrl->type->drq_changed(ctrl, drq->line);
}

u32 hw_drq_state(struct hw_model *ctrl, unsigned int line)
{
	if (line >= ctrl->type->nr_drq || !ctrl->drqs[line].peri)
		return 0;
	return ctrl->drqs[line].signals;
}

void hw_drq_ack(struct hw_model *ctrl, unsigned int line, u32 what)
{
	struct hw_drq *drq;

	if (line >= ctrl->type->nr_drq)
		return;
	drq = &ctrl->drqs[line];
	if (drq->peri && drq->ack)
		drq->ack(drq->peri, drq, what);
}

/* ------------------------------------------------ bus-master accesses */

static void bm_init(struct dmakit_bus_master *bm, struct hw_model *md)
{
	bm->model = md;
	bm->dev = NULL;
	pthread_mutex_init(&bm->lock, NULL);
	INIT_LIST_HEAD(&bm->ranges);
	bm->nr_ranges = 0;
	bm->bus_errors = 0;
}

static unsigned long bm_drop_ranges(struct dmakit_bus_master *bm)
{
	struct hw_dma_range *r, *n;
	unsigned long nr;

	pthread_mutex_lock(&bm->lock);
	nr = bm->nr_ranges;
	list_for_each_entry_safe(r, n, &bm->ranges, node) {
		list_del(&r->node);
		free(r);
	}
	bm->nr_ranges = 0;
	pthread_mutex_unlock(&bm->lock);
	return nr;
}

static void observer_map(struct device *dev, dma_addr_t addr, size_t size,
			 enum dma_data_direction dir)
{
	struct dmakit_bus_master *bm = dev->bus_master;
	struct hw_dma_range *r = malloc(sizeof(*r));

	if (!r) {
		pr_err("hw: %s: no memory to track a DMA mapping\n", dev_name(dev));
		return;
	}
	r->start = addr;
	r->len = size;
	r->dir = dir;
	pthread_mutex_lock(&bm->lock);
	list_add(&r->node, &bm->ranges);
	bm->nr_ranges++;
	pthread_mutex_unlock(&bm->lock);
}

static void observer_unmap(struct device *dev, dma_addr_t addr, size_t size,
			   enum dma_data_direction dir)
{
	struct dmakit_bus_master *bm = dev->bus_master;
	struct hw_dma_range *r, *found = NULL;

	pthread_mutex_lock(&bm->lock);
	list_for_each_entry(r, &bm->ranges, node) {
		if (r->start == addr && r->len == size) {
			found = r;
			list_del(&r->node);
			bm->nr_ranges--;
			break;
		}
	}
	pthread_mutex_unlock(&bm->lock);
	if (!found)
		pr_warn("hw: %s: unmap of %#llx+%zu (%d) that was never mapped\n",
			dev_name(dev), (unsigned long long)addr, size, dir);
	free(found);
}

static const struct dmakit_dma_observer hw_observer = {
	.map = observer_map,
	.unmap = observer_unmap,
};

/* Is [addr, addr+len) inside one mapping that allows the access? */
static bool bm_allowed(struct dmakit_bus_master *bm, dma_addr_t addr,
		       size_t len, bool write)
{
	enum dma_data_direction bad = write ? DMA_TO_DEVICE : DMA_FROM_DEVICE;
	struct hw_dma_range *r;
	bool ok = false;

	pthread_mutex_lock(&bm->lock);
	list_for_each_entry(r, &bm->ranges, node) {
		if (addr >= r->start && addr - r->start < r->len &&
		    len <= r->len - (addr - r->start) && r->dir != bad) {
			ok = true;
			/* Keep hot ranges at the front. */
			list_move(&r->node, &bm->ranges);
			break;
		}
	}
	pthread_mutex_unlock(&bm->lock);
	return ok;
}

/* A bus master's access to another model's registers. */
static void mmio_access(struct hw_model *md, phys_addr_t addr, void *buf,
			size_t len, bool write)
{
	unsigned long off = addr - md->base;
	u8 *p = buf;

	while (len) {
		unsigned int n = 8;
		u64 v = 0;

		while (n > len || (off & (n - 1)))
			n >>= 1;
		if (write) {
			memcpy(&v, p, n);
			reg_access(md, off, n, v, true);
		} else {
			v = reg_access(md, off, n, 0, false);
			memcpy(p, &v, n);
		}
		off += n;
		p += n;
		len -= n;
	}
}

static int hw_dma_access(struct hw_model *master, dma_addr_t addr, void *buf,
			 size_t len, bool write)
{
	struct dmakit_bus_master *bm = &master->bm;
	struct hw_model *target;
	struct device *dev = bm->dev;

	if (!len)
		return 0;
	if (addr + len < addr)
		goto fault;
	target = model_at_phys(master->mach, addr, len);
	if (target) {
		mmio_access(target, addr, buf, len, write);
		return 0;
	}
	if (!dev || !bm_allowed(bm, addr, len, write))
		goto fault;
	if (write)
		memcpy(phys_to_virt(dma_to_phys(dev, addr)), buf, len);
	else
		memcpy(buf, phys_to_virt(dma_to_phys(dev, addr)), len);
	return 0;
fault:
	bm->bus_errors++;
	pr_warn("hw: %s: bus error: %s of %#llx+%zu is outside what %s mapped for DMA\n",
		master->name, write ? "write" : "read",
		(unsigned long long)addr, len, dev ? dev_name(dev) : "(no device)");
	return -EFAULT;
}

int hw_dma_read(struct hw_model *master, dma_addr_t addr, void *buf, size_t len)
{
	return hw_dma_access(master, addr, buf, len, false);
}

int hw_dma_write(struct hw_model *master, dma_addr_t addr, const void *buf,
		 size_t len)
{
	return hw_dma_access(master, addr, (void *)buf, len, true);
}

unsigned long hw_model_bus_errors(struct hw_model *md)
{
	unsigned long n;

	pthread_mutex_lock(&md->mach->lock);
	n = md->bm.bus_errors;
	pthread_mutex_unlock(&md->mach->lock);
	return n;
}

int hw_model_fault(struct hw_model *md, enum hw_fault kind, unsigned int every)
{
	int ret;

	if ((unsigned int)kind >= HW_FAULT_NR)
		return -EINVAL;
	if (!md->type->fault)
		return -EOPNOTSUPP;
	pthread_mutex_lock(&md->mach->lock);
	ret = md->type->fault(md, kind, every);
	pthread_mutex_unlock(&md->mach->lock);
	return ret;
}

unsigned long hw_model_faults_injected(struct hw_model *md, enum hw_fault kind)
{
	unsigned long n = 0;

	if ((unsigned int)kind >= HW_FAULT_NR || !md->type->faults_injected)
		return 0;
	pthread_mutex_lock(&md->mach->lock);
	n = md->type->faults_injected(md, kind);
	pthread_mutex_unlock(&md->mach->lock);
	return n;
}

struct hw_model *hw_machine_find_model(struct hw_machine *m, phys_addr_t base)
{
	struct hw_model *md, *found = NULL;

	if (!m)
		return NULL;
	pthread_mutex_lock(&m->lock);
	list_for_each_entry(md, &m->models, node)
		if (md->base == base) {
			found = md;
			break;
		}
	pthread_mutex_unlock(&m->lock);
	return found;
}

/* A platform device whose registers are a model's is that bus master. */
static int hw_platform_notify(struct device *dev)
{
	struct hw_machine *m = the_machine;
	struct platform_device *pdev;
	struct hw_model *md = NULL;
	u32 i;

	if (!m || dev->bus != &platform_bus_type || dev->bus_master)
		return 0;
	pdev = to_platform_device(dev);
	pthread_mutex_lock(&m->lock);
	for (i = 0; i < pdev->num_resources && !md; i++) {
		struct resource *r = &pdev->resource[i];

		if (resource_type(r) == IORESOURCE_MEM)
			md = model_at_phys(m, r->start, resource_size(r));
	}
	if (md && !md->bm.dev) {
		md->bm.dev = dev;
		dev->bus_master = &md->bm;
	}
	pthread_mutex_unlock(&m->lock);
	return 0;
}

static int hw_platform_notify_remove(struct device *dev)
{
	struct hw_machine *m = the_machine;
	struct dmakit_bus_master *bm = dev->bus_master;
	unsigned long live;

	if (!m || !bm)
		return 0;
	pthread_mutex_lock(&m->lock);
	bm->dev = NULL;
	dev->bus_master = NULL;
	pthread_mutex_unlock(&m->lock);
	live = bm_drop_ranges(bm);
	if (live)
		pr_warn("hw: %s: %lu DMA mappings still live when the device went away\n",
			dev_name(dev), live);
	return 0;
}

/* --------------------------------------------------------------- models */

u64 hw_param_u64(const struct hw_param *p, const char *name, u64 def)
{
	for (; p && p->name; p++)
		if (!strcmp(p->name, name))
			return p->val;
	return def;
}

u64 hw_param_u64_idx(const struct hw_param *p, const char *name,
		     unsigned int idx, u64 def)
{
	char key[64];

	snprintf(key, sizeof(key), "%s[%u]", name, idx);
	if (hw_param_present(p, key))
		return hw_param_u64(p, key, def);
	return hw_param_u64(p, name, def);
}

const void *hw_param_ptr(const struct hw_param *p, const char *name)
{
	for (; p && p->name; p++)
		if (!strcmp(p->name, name))
			return p->ptr;
	return NULL;
}

bool hw_param_present(const struct hw_param *p, const char *name)
{
	for (; p && p->name; p++)
		if (!strcmp(p->name, name))
			return true;
	return false;
}

static void model_free(struct hw_model *md)
{
	if (md->irq_owned)
		dmakit_irq_free(md->irq, 1);
	if (md->reserved)
		munmap(md->reserved, md->size);
	pthread_mutex_destroy(&md->bm.lock);
	free(md->drqs);
	free(md->vals);
	free(md->reg_base);
	free(md->decode);
	free(md->priv);
	free(md);
}

static int model_check_place(struct hw_machine *m, phys_addr_t base,
			     size_t size)
{
	struct hw_model *md;

	if (!size || (base | size) & (PAGE_SIZE - 1) || base + size < base)
		return -EINVAL;
	list_for_each_entry(md, &m->models, node)
		if (base < md->base + md->size && md->base < base + size)
			return -EBUSY;
	if (m->win_next + size > HW_MMIO_WINDOW)
		return -ENOSPC;
	return 0;
}

/* Keep RAM away from the physical range: bus addresses are CPU addresses. */
static void *reserve_phys(phys_addr_t base, size_t size)
{
	void *p = mmap((void *)(unsigned long)base, size, PROT_NONE,
		       MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE |
		       MAP_FIXED_NOREPLACE, -1, 0);

	if (p == MAP_FAILED)
		return NULL;
	if (p != (void *)(unsigned long)base) {
		munmap(p, size);
		return NULL;
	}
	return p;
}

struct hw_model *hw_model_create_type(struct hw_machine *m,
				      const struct hw_model_type *type,
				      phys_addr_t base, size_t size, int irq,
				      const struct hw_param *params)
{
	const char *short_name = strchr(type->compatible, ',');
	struct hw_model *md;
	unsigned int i;
	int ret;

	if (!m)
		return ERR_PTR(-ENODEV);
	md = calloc(1, sizeof(*md));
	if (!md)
		return ERR_PTR(-ENOMEM);
	md->mach = m;
	md->type = type;
	md->base = base;
	md->size = size;
	md->irq = irq;
	bm_init(&md->bm, md);
	snprintf(md->name, sizeof(md->name), "%s@%llx",
		 short_name ? short_name + 1 : type->compatible,
		 (unsigned long long)base);
	md->priv = calloc(1, type->priv_size ? type->priv_size : 1);
	md->drqs = calloc(type->nr_drq ? type->nr_drq : 1, sizeof(*md->drqs));
	if (!md->priv || !md->drqs) {
		ret = -ENOMEM;
		goto fail;
	}
	for (i = 0; i < type->nr_drq; i++) {
		md->drqs[i].ctrl = md;
		md->drqs[i].line = i;
	}
	pthread_mutex_lock(&m->lock);
	ret = model_check_place(m, base, size);
	pthread_mutex_unlock(&m->lock);
	if (ret) {
		pr_err("hw: %s: cannot place %#zx bytes at %#llx (%d)\n",
		       md->name, size, (unsigned long long)base, ret);
		goto fail;
	}
	ret = reg_table_build(md);
	if (ret)
		goto fail;
	md->reserved = reserve_phys(base, size);
	if (!md->reserved) {
		pr_err("hw: %s: physical range %#llx+%#zx collides with process memory\n",
		       md->name, (unsigned long long)base, size);
		ret = -EBUSY;
		goto fail;
	}
	if (irq < 0) {
		md->irq = dmakit_irq_alloc(1, true);
		if (md->irq < 0) {
			ret = md->irq;
			md->irq = 0;
			goto fail;
		}
		md->irq_owned = true;
	}

	pthread_mutex_lock(&m->lock);
	ret = model_check_place(m, base, size);
	if (!ret && type->init)
		ret = type->init(md, params);
	if (!ret) {
		hw_reg_reset_all(md);
		if (type->reset)
			type->reset(md);
		md->win_off = m->win_next;
		m->win_next += size;
		list_add_tail(&md->node, &m->models);
	}
	pthread_mutex_unlock(&m->lock);
	if (ret) {
		pr_err("hw: %s: init failed (%d)\n", md->name, ret);
		goto fail;
	}
	return md;
fail:
	model_free(md);
	return ERR_PTR(ret);
}

hw_model_factory_t hw_model_factory(const char *compatible)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(hw_factories); i++)
		if (!strcmp(hw_factories[i].compatible, compatible))
			return hw_factories[i].create;
	return NULL;
}

struct hw_model *hw_model_create(struct hw_machine *m, const char *compatible,
				 phys_addr_t base, size_t size, int irq,
				 const struct hw_param *params)
{
	hw_model_factory_t create = hw_model_factory(compatible);

	if (!create) {
		pr_err("hw: no model for compatible \"%s\"\n", compatible);
		return ERR_PTR(-ENODEV);
	}
	return create(m, base, size, irq, params);
}

void hw_model_destroy(struct hw_model *md)
{
	struct hw_machine *m;
	struct hw_event *ev, *n;
	struct device *dev;

	if (IS_ERR_OR_NULL(md))
		return;
	m = md->mach;
	pthread_mutex_lock(&m->lock);
	list_for_each_entry_safe(ev, n, &m->events, node)
		if (ev->model == md)
			hw_event_cancel(ev);
	if (md->type->destroy)
		md->type->destroy(md);
	hw_irq_set(md, false);
	list_del(&md->node);
	dev = md->bm.dev;
	if (dev) {
		dev->bus_master = NULL;
		md->bm.dev = NULL;
	}
	pthread_mutex_unlock(&m->lock);
	bm_drop_ranges(&md->bm);
	model_free(md);
}

int hw_model_resources(struct hw_model *md, struct resource *res,
		       unsigned int max)
{
	unsigned int n = 0;

	if (n < max) {
		memset(&res[n], 0, sizeof(res[n]));
		res[n].start = md->base;
		res[n].end = md->base + md->size - 1;
		res[n].flags = IORESOURCE_MEM;
		n++;
	}
	if (md->irq > 0 && n < max) {
		memset(&res[n], 0, sizeof(res[n]));
		res[n].start = res[n].end = md->irq;
		res[n].flags = IORESOURCE_IRQ;
		n++;
	}
	return n;
}

int hw_model_irq(struct hw_model *md)
{
	return md->irq;
}

phys_addr_t hw_model_base(struct hw_model *md)
{
	return md->base;
}

const char *hw_model_compatible(struct hw_model *md)
{
	return md->type->compatible;
}

/* -------------------------------------------------------------- machine */

struct hw_machine *hw_machine_get(void)
{
	return READ_ONCE(the_machine);
}

enum hw_clock_mode hw_machine_clock_mode(struct hw_machine *m)
{
	return m->mode;
}

struct hw_machine *hw_machine_create(const struct hw_machine_config *cfg)
{
	struct dmakit_mmio_bus bus = {
		.map = bus_map, .read = bus_read, .write = bus_write,
	};
	pthread_condattr_t ca;
	struct hw_machine *m;
	int ret;

	if (READ_ONCE(the_machine))
		return ERR_PTR(-EBUSY);
	m = calloc(1, sizeof(*m));
	if (!m)
		return ERR_PTR(-ENOMEM);
	m->mode = cfg ? cfg->clock : HW_CLOCK_VIRTUAL;
	m->limit = U64_MAX;
	INIT_LIST_HEAD(&m->events);
	INIT_LIST_HEAD(&m->models);
	pthread_mutex_init(&m->lock, NULL);
	pthread_condattr_init(&ca);
	pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
	pthread_cond_init(&m->work, &ca);
	pthread_cond_init(&m->idle, &ca);
	pthread_condattr_destroy(&ca);
	m->rt_base_wall = wall_ns();
	m->rt_base_virt = 0;
	bus.priv = m;
	ret = dmakit_mmio_bus_register(&bus, HW_MMIO_WINDOW);
	if (ret)
		goto fail;
	ret = dmakit_dma_observer_register(&hw_observer);
	if (ret)
		goto fail_bus;
	ret = -pthread_create(&m->thread, NULL, machine_thread, m);
	if (ret)
		goto fail_obs;
	pthread_setname_np(m->thread, "hw-machine");
	WRITE_ONCE(the_machine, m);
	platform_notify = hw_platform_notify;
	platform_notify_remove = hw_platform_notify_remove;
	return m;
fail_obs:
	dmakit_dma_observer_unregister(&hw_observer);
fail_bus:
	dmakit_mmio_bus_unregister();
fail:
	pr_err("hw: cannot create the machine (%d)\n", ret);
	free(m);
	return ERR_PTR(ret);
}

void hw_machine_destroy(struct hw_machine *m)
{
	if (IS_ERR_OR_NULL(m))
		return;
	platform_notify = NULL;
	platform_notify_remove = NULL;
	while (!list_empty(&m->models))
		hw_model_destroy(list_last_entry(&m->models, struct hw_model,
						 node));
	pthread_mutex_lock(&m->lock);
	m->stop = true;
	pthread_cond_broadcast(&m->work);
	pthread_cond_broadcast(&m->idle);
	pthread_mutex_unlock(&m->lock);
	pthread_join(m->thread, NULL);
	dmakit_dma_observer_unregister(&hw_observer);
	dmakit_mmio_bus_unregister();
	WRITE_ONCE(the_machine, NULL);
	pthread_cond_destroy(&m->work);
	pthread_cond_destroy(&m->idle);
	pthread_mutex_destroy(&m->lock);
	free(m);
}
