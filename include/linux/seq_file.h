/* SPDX-License-Identifier: GPL-2.0 */
/* seq_file over a stdio stream, for the debugfs-style views. */
#ifndef _DMAKIT_LINUX_SEQ_FILE_H
#define _DMAKIT_LINUX_SEQ_FILE_H

#include <dmakit/kernel.h>

struct seq_file {
	FILE *out;
	void *private;
};

__printf(2, 3) void seq_printf(struct seq_file *m, const char *fmt, ...);
void seq_puts(struct seq_file *m, const char *s);
void seq_putc(struct seq_file *m, char c);

#endif
