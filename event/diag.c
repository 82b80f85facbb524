#include "event/diag.h"

#include <stdbool.h>
#include <string.h>

#include "event/utf8.h"

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

/* One character of the source line at s (n bytes left) as the terminal
 * will show it: its bytes, or "?" for a control byte, an invalid byte or a
 * code point that would drive the terminal.  Sets *len (bytes taken) and
 * returns the columns shown. */
static int shown_char(const char *s, size_t n, size_t *len, bool *raw)
{
	uint32_t cp;
	size_t l = sg_utf8_next((const uint8_t *)s, n, &cp);

	if (l == 0 || cp < 0x20 || cp == 0x7f || sg_utf8_dangerous(cp)) {
		*len = l ? l : 1;
		*raw = false;
		return 1;
	}
	*len = l;
	*raw = true;
	return sg_utf8_width(cp);
}

/* Print the source line with anything that could drive the terminal shown
 * as '?', and a caret under the column: as many columns as the characters
 * before it take (wide ones two). */
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
	size_t n = strcspn(s, "\n"), at = d->col > 0 ? (size_t)d->col - 1 : 0, cols = 0;
	fputs("  ", out);
	for (size_t i = 0; i < n;) {
		size_t len;
		bool raw;
		int w = shown_char(s + i, n - i, &len, &raw);
		if (raw)
			fwrite(s + i, 1, len, out);
		else
			fputc('?', out);
		if (i < at)
			cols += (size_t)w;
		i += len;
	}
	fputs("\n  ", out);
	for (size_t i = 0; i < cols; i++)
		fputc(' ', out);
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
