// SPDX-License-Identifier: GPL-2.0
/*
 * Execution contexts and CONFIG_DEBUG_ATOMIC_SLEEP: IRQ handlers run in
 * hardirq context, tasklets in softirq context; a sleeping call (msleep,
 * mutex_lock, kmalloc(GFP_KERNEL), wait_for_completion) made in a
 * tasklet, in an IRQ handler or under a spinlock is reported with the
 * kernel's "BUG: sleeping function called from invalid context" and
 * counted; non-sleeping calls are not; DMAKIT_STRICT=1 (or
 * dmakit_set_strict) makes the report fatal with SIGABRT.
 */
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/interrupt.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <dmakit/board.h>
#include <dmakit/irq.h>
#include <dmakit/log.h>

#include "helpers.h"

#define BUG_TEXT "BUG: sleeping function called from invalid context"

static int bug_lines;

static void log_hook(int level, const char *msg, void *arg)
{
	if (strstr(msg, BUG_TEXT))
		__atomic_add_fetch(&bug_lines, 1, __ATOMIC_RELAXED);
}

struct ctx_probe {
	bool hardirq, softirq, atomic;
	unsigned long sleeps_before, sleeps_after;
	unsigned long nonsleep_before, nonsleep_after;
	struct completion done;
	bool do_sleep;
};

static DEFINE_MUTEX(tmutex);
static DEFINE_SPINLOCK(tlock);

/* Non-sleeping calls first (must not be reported), then the 4 sleeping. */
static void exercise(struct ctx_probe *p)
{
	struct completion already;
	void *m;

	p->hardirq = in_irq();
	p->softirq = in_softirq();
	p->atomic = in_atomic();
	p->nonsleep_before = dmakit_atomic_sleep_count();
	m = kmalloc(64, GFP_ATOMIC);
	kfree(m);
	m = kmalloc(64, GFP_NOWAIT);
	kfree(m);
	udelay(10);
	spin_lock(&tlock);
	spin_unlock(&tlock);
	p->nonsleep_after = dmakit_atomic_sleep_count();
	if (!p->do_sleep)
		return;
	init_completion(&already);
	complete(&already);
	p->sleeps_before = dmakit_atomic_sleep_count();
	msleep(1);
	mutex_lock(&tmutex);
	mutex_unlock(&tmutex);
	m = kmalloc(64, GFP_KERNEL);
	kfree(m);
	wait_for_completion(&already);
	p->sleeps_after = dmakit_atomic_sleep_count();
}

static int check_reported(struct ctx_probe *p, int lines_before)
{
	ASSERT_EQ(p->nonsleep_after, p->nonsleep_before);
	ASSERT_EQ(p->sleeps_after - p->sleeps_before, 4);
	ASSERT_GE(__atomic_load_n(&bug_lines, __ATOMIC_RELAXED) - lines_before, 4);
	return 0;
}

/* ---- tasklet ----------------------------------------------------------- */

static struct ctx_probe tl_probe;

static void tl_func(struct tasklet_struct *t)
{
	exercise(&tl_probe);
	complete(&tl_probe.done);
}

static int test_tasklet(void)
{
	struct tasklet_struct t;
	int lines = bug_lines;

	memset(&tl_probe, 0, sizeof(tl_probe));
	init_completion(&tl_probe.done);
	tl_probe.do_sleep = true;
	tasklet_setup(&t, tl_func);
	tasklet_schedule(&t);
	wait_for_completion(&tl_probe.done);
	tasklet_kill(&t);
	ASSERT_TRUE(tl_probe.softirq);
	ASSERT_FALSE(tl_probe.hardirq);
	ASSERT_TRUE(tl_probe.atomic);
	return check_reported(&tl_probe, lines);
}

/* ---- IRQ handler --------------------------------------------------------- */

static irqreturn_t irq_handler(int irq, void *dev_id)
{
	struct ctx_probe *p = dev_id;

	exercise(p);
	complete(&p->done);
	return IRQ_HANDLED;
}

static int test_irq_handler(void)
{
	struct ctx_probe p;
	int irq, lines = bug_lines;

	memset(&p, 0, sizeof(p));
	init_completion(&p.done);
	p.do_sleep = true;
	irq = dmakit_irq_alloc(1, false);
	ASSERT_GE(irq, 0);
	ASSERT_EQ(request_irq(irq, irq_handler, 0, "t-irq", &p), 0);
	dmakit_irq_trigger(irq);
	ASSERT_GT(wait_for_completion_timeout(&p.done, msecs_to_jiffies(20000)),
		  0);
	synchronize_irq(irq);
	ASSERT_EQ(dmakit_irq_count(irq), 1);
	free_irq(irq, &p);
	dmakit_irq_free(irq, 1);
	ASSERT_TRUE(p.hardirq);
	ASSERT_TRUE(p.atomic);
	return check_reported(&p, lines);
}

/* ---- spinlock / process context --------------------------------------- */

static int test_under_spinlock(void)
{
	DEFINE_SPINLOCK(outer);
	struct ctx_probe p;
	int lines = bug_lines;

	memset(&p, 0, sizeof(p));
	p.do_sleep = true;
	spin_lock(&outer);
	exercise(&p);
	spin_unlock(&outer);
	ASSERT_FALSE(p.hardirq);
	ASSERT_FALSE(p.softirq);
	ASSERT_TRUE(p.atomic);
	return check_reported(&p, lines);
}

static int test_process_context_is_fine(void)
{
	struct ctx_probe p;
	unsigned long before = dmakit_atomic_sleep_count();
	int lines = bug_lines;

	memset(&p, 0, sizeof(p));
	p.do_sleep = true;
	exercise(&p);
	ASSERT_FALSE(p.atomic);
	ASSERT_FALSE(p.hardirq);
	ASSERT_FALSE(p.softirq);
	ASSERT_EQ(dmakit_atomic_sleep_count(), before);
	ASSERT_EQ(bug_lines, lines);
	return 0;
}

/* ---- strict mode: the report aborts ----------------------------------- */

enum strict_how { STRICT_ENV_SPINLOCK, STRICT_API_TASKLET, STRICT_API_IRQ };

static void strict_tl(struct tasklet_struct *t)
{
	msleep(1);
}

static irqreturn_t strict_irq(int irq, void *dev_id)
{
	void *m = kmalloc(16, GFP_KERNEL);

	kfree(m);
	return IRQ_HANDLED;
}

static void strict_child(enum strict_how how)
{
	struct rlimit nocore = { 0, 0 };
	DEFINE_SPINLOCK(l);
	struct tasklet_struct t;
	int irq;

	setrlimit(RLIMIT_CORE, &nocore);
	dmakit_log_set_level(0);	/* keep the child quiet */
	if (how == STRICT_ENV_SPINLOCK)
		setenv("DMAKIT_STRICT", "1", 1);
	if (dmakit_boot(NULL))
		_exit(3);
	if (how != STRICT_ENV_SPINLOCK)
		dmakit_set_strict(1);
	switch (how) {
	case STRICT_ENV_SPINLOCK:
		spin_lock(&l);
		msleep(1);
		spin_unlock(&l);
		break;
	case STRICT_API_TASKLET:
		tasklet_setup(&t, strict_tl);
		tasklet_schedule(&t);
		msleep(20000);
		break;
	case STRICT_API_IRQ:
		irq = dmakit_irq_alloc(1, false);
		if (irq < 0 || request_irq(irq, strict_irq, 0, "s", &l))
			_exit(4);
		dmakit_irq_trigger(irq);
		msleep(20000);
		break;
	}
	_exit(0);	/* not reached when strict works */
}

static int run_strict(enum strict_how how)
{
	int status;
	pid_t pid;

	fflush(NULL);
	pid = fork();
	ASSERT_GE(pid, 0);
	if (pid == 0)
		strict_child(how);
	ASSERT_EQ(waitpid(pid, &status, 0), pid);
	if (!WIFSIGNALED(status))
		TEST_FAIL_AT("strict child %d exited with %d instead of SIGABRT",
			     how, WIFEXITED(status) ? WEXITSTATUS(status) : -1);
	ASSERT_EQ(WTERMSIG(status), SIGABRT);
	return 0;
}

int main(void)
{
	/* fork while single-threaded, before dmakit starts any thread */
	ASSERT_EQ(run_strict(STRICT_ENV_SPINLOCK), 0);
	ASSERT_EQ(run_strict(STRICT_API_TASKLET), 0);
	ASSERT_EQ(run_strict(STRICT_API_IRQ), 0);
	fprintf(stderr, "ok strict mode aborts (spinlock, tasklet, irq)\n");

	unsetenv("DMAKIT_STRICT");
	ASSERT_EQ(dmakit_boot(NULL), 0);
	dmakit_set_strict(0);
	dmakit_log_set_hook(log_hook, NULL);
	/* the reports are expected here: keep them off the console */
	dmakit_log_set_level(LOGLEVEL_CRIT);
	RUN_TEST(test_process_context_is_fine);
	RUN_TEST(test_tasklet);
	RUN_TEST(test_irq_handler);
	RUN_TEST(test_under_spinlock);
	dmakit_log_set_hook(NULL, NULL);
	dmakit_shutdown();
	return 0;
}
