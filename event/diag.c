#include "event/diag.h"

#include <string.h>

void sg_diag_set(struct sg_diag *d, const char *src, int offset, const char *fmt, ...)
{
	if (!d || d->set)
		return;
	d->set = 1;
	d->src = src;
	d->line = 1;
	d->col = 0;
	if (src && offset >= 0) {
		/* line and column of offset, both 1-based */
		int col = 1;
		for (int i = 0; i < offset && src[i]; i++) {
			if (src[i] == '\n') {
				d->line++;
				col = 1;
			} else {
				col++;
			}
		}
		d->col = col;
	}
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(d->msg, sizeof(d->msg), fmt, ap);
	va_end(ap);
}

/* Print the source line with control bytes shown as '?', so a hostile
 * filter cannot drive the terminal, and a caret under the column. */
static void print_line(const struct sg_diag *d, FILE *out)
{
	const char *s = d->src;
	for (int l = 1; l < d->line && s; l++) {
		s = strchr(s, '\n');
		if (s)
			s++;
	}
	if (!s)
		return;
	fputs("  ", out);
	for (const char *p = s; *p && *p != '\n'; p++)
		fputc((unsigned char)*p < 0x20 || *p == 0x7f ? '?' : *p, out);
	fputs("\n  ", out);
	for (int i = 1; i < d->col; i++)
		fputc(s[i - 1] == '\t' ? '\t' : ' ', out);
	fputs("^\n", out);
}

void sg_diag_print(const struct sg_diag *d, FILE *out)
{
	const char *what = d->what ? d->what : "filter";
	if (d->col > 0)
		fprintf(out, "sysgrep: %s:%d:%d: %s\n", what, d->line, d->col, d->msg);
	else
		fprintf(out, "sysgrep: %s: %s\n", what, d->msg);
	if (d->col > 0 && d->src)
		print_line(d, out);
}
