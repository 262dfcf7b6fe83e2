// SPDX-License-Identifier: GPL-2.0
/*
 * A tasklet scheduled with bottom halves disabled runs on the same
 * thread at local_bh_enable() (the kernel's __local_bh_enable_ip()), in
 * softirq context and in the order scheduled; one scheduled with them
 * enabled still runs on a softirq thread.
 */
#include <stdio.h>
#include <linux/delay.h>
#include <linux/interrupt.h>
#include <dmakit/board.h>

static struct task_struct *ran_on[3];
static int order[3], nr_ran, in_sirq[3];

static void record(int id)
{
	ran_on[id] = current;
	in_sirq[id] = in_softirq();
	order[nr_ran] = id;
	__atomic_add_fetch(&nr_ran, 1, __ATOMIC_RELEASE);
}

static void t0_fn(struct tasklet_struct *t) { (void)t; record(0); }
static void t1_fn(struct tasklet_struct *t) { (void)t; record(1); }
static void t2_fn(struct tasklet_struct *t) { (void)t; record(2); }

#define CHECK(c) do { if (!(c)) { \
	fprintf(stderr, "FAIL %s:%d: %s\n", __FILE__, __LINE__, #c); \
	return 1; } } while (0)

int main(void)
{
	struct tasklet_struct t0, t1, t2;
	int i;

	if (dmakit_boot(NULL))
		return 1;
	tasklet_setup(&t0, t0_fn);
	tasklet_setup(&t1, t1_fn);
	tasklet_setup(&t2, t2_fn);

	local_bh_disable();
	tasklet_schedule(&t1);
	local_bh_disable();		/* nested */
	tasklet_schedule(&t0);
	local_bh_enable();
	CHECK(nr_ran == 0);		/* still disabled once */
	local_bh_enable();
	CHECK(nr_ran == 2);
	CHECK(order[0] == 1 && order[1] == 0);
	CHECK(ran_on[0] == current && ran_on[1] == current);
	CHECK(in_sirq[0] && in_sirq[1]);
	CHECK(!in_softirq());

	/* Enabled: a softirq thread runs it, not this one. */
	tasklet_schedule(&t2);
	for (i = 0; i < 5000 && __atomic_load_n(&nr_ran, __ATOMIC_ACQUIRE) < 3; i++)
		usleep_range(1000, 2000);
	CHECK(nr_ran == 3);
	CHECK(ran_on[2] != current && in_sirq[2]);

	tasklet_kill(&t0);
	tasklet_kill(&t1);
	tasklet_kill(&t2);
	dmakit_shutdown();
	printf("ok\n");
	return 0;
}
