/* SPDX-License-Identifier: GPL-2.0 */
/*
 * RCU, reduced to a reader-writer lock: readers never block each other
 * and synchronize_rcu() waits until no reader is inside.  Enough for the
 * dmaengine core's device list walks.
 */
#ifndef _DMAKIT_LINUX_RCUPDATE_H
#define _DMAKIT_LINUX_RCUPDATE_H

#include <dmakit/kernel.h>

void rcu_read_lock(void);
void rcu_read_unlock(void);
void synchronize_rcu(void);
#define rcu_dereference(p)	READ_ONCE(p)
#define rcu_dereference_protected(p, c) (p)
#define rcu_assign_pointer(p, v) smp_store_release(&(p), (v))
#define RCU_INIT_POINTER(p, v)	WRITE_ONCE(p, v)
#define rcu_access_pointer(p)	READ_ONCE(p)

#endif
