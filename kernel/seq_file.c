// SPDX-License-Identifier: GPL-2.0
#include <linux/seq_file.h>

void seq_printf(struct seq_file *m, const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	vfprintf(m->out, fmt, args);
	va_end(args);
}

void seq_puts(struct seq_file *m, const char *s)
{
	fputs(s, m->out);
}

void seq_putc(struct seq_file *m, char c)
{
	fputc(c, m->out);
}
