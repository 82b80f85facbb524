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
	/* one blank per column the line above used: a control byte shows as
	 * one '?', a UTF-8 character as one glyph (the continuation bytes a
	 * lead byte announces take no column; a stray one shows as one) */
	int pending = 0;
	for (int i = 1; i < d->col && s[i - 1]; i++) {
		unsigned char c = (unsigned char)s[i - 1];
		if ((c & 0xc0) == 0x80 && pending > 0) {
			pending--;
			continue;
		}
		pending = c >= 0xf0 ? 3 : c >= 0xe0 ? 2 : c >= 0xc0 ? 1 : 0;
		fputc(' ', out);
	}
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
