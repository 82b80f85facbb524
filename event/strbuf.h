/* A growable byte buffer for rendering; never fails silently: on allocation
 * failure it stops growing and sets `oom`, and the text is cut. */
#ifndef SG_STRBUF_H
#define SG_STRBUF_H

#include <stdarg.h>
#include <stddef.h>

struct sg_strbuf {
	char *p;
	size_t len;
	size_t cap;
	int oom;
};

void sg_sb_init(struct sg_strbuf *b);
void sg_sb_free(struct sg_strbuf *b);
void sg_sb_reset(struct sg_strbuf *b);
void sg_sb_put(struct sg_strbuf *b, const void *s, size_t n);
void sg_sb_putc(struct sg_strbuf *b, char c);
void sg_sb_puts(struct sg_strbuf *b, const char *s);
void sg_sb_printf(struct sg_strbuf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* NUL-terminated view (the NUL is not counted in len). */
const char *sg_sb_cstr(struct sg_strbuf *b);

#endif /* SG_STRBUF_H */
