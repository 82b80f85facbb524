#include "event/strbuf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void sg_sb_init(struct sg_strbuf *b)
{
	memset(b, 0, sizeof(*b));
}

void sg_sb_free(struct sg_strbuf *b)
{
	free(b->p);
	sg_sb_init(b);
}

void sg_sb_reset(struct sg_strbuf *b)
{
	b->len = 0;
	if (b->p)
		b->p[0] = 0;
}

/* Room for n more bytes plus a NUL; false when memory ran out. */
static int reserve(struct sg_strbuf *b, size_t n)
{
	if (b->oom)
		return 0;
	if (b->len + n + 1 <= b->cap)
		return 1;
	size_t cap = b->cap ? b->cap : 256;
	while (cap < b->len + n + 1)
		cap *= 2;
	char *p = realloc(b->p, cap);
	if (!p) {
		b->oom = 1;
		return 0;
	}
	b->p = p;
	b->cap = cap;
	return 1;
}

void sg_sb_put(struct sg_strbuf *b, const void *s, size_t n)
{
	if (!n || !reserve(b, n))
		return;
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = 0;
}

void sg_sb_putc(struct sg_strbuf *b, char c)
{
	sg_sb_put(b, &c, 1);
}

void sg_sb_puts(struct sg_strbuf *b, const char *s)
{
	sg_sb_put(b, s, strlen(s));
}

void sg_sb_printf(struct sg_strbuf *b, const char *fmt, ...)
{
	char small[256];
	va_list ap;

	va_start(ap, fmt);
	int n = vsnprintf(small, sizeof(small), fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if ((size_t)n < sizeof(small)) {
		sg_sb_put(b, small, (size_t)n);
		return;
	}
	if (!reserve(b, (size_t)n))
		return;
	va_start(ap, fmt);
	vsnprintf(b->p + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

const char *sg_sb_cstr(struct sg_strbuf *b)
{
	if (!b->p && !reserve(b, 0))
		return "";
	return b->p;
}
