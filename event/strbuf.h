/* A growable byte buffer for rendering; never fails silently: on allocation
 * failure it stops growing and sets `oom`, and the text is cut.
 *
 * Rendering every event goes through here, so the common calls are inline:
 * a put that fits is a bounds check and a memcpy, and numbers are written
 * by hand rather than through vsnprintf. */
#ifndef SG_STRBUF_H
#define SG_STRBUF_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

struct sg_strbuf {
	char *p;
	size_t len;
	size_t cap;
	int oom;
};

void sg_sb_init(struct sg_strbuf *b);
void sg_sb_free(struct sg_strbuf *b);
void sg_sb_reset(struct sg_strbuf *b);
void sg_sb_printf(struct sg_strbuf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* NUL-terminated view (the NUL is not counted in len). */
const char *sg_sb_cstr(struct sg_strbuf *b);

/* Room for n more bytes plus the NUL; 0 when memory ran out (slow path of
 * the inline calls below). */
int sg_sb_grow(struct sg_strbuf *b, size_t n);

/* Where the next n bytes go, or NULL when memory ran out.  The caller
 * writes at most n bytes there and then calls sg_sb_commit with the number
 * it wrote. */
inline char *sg_sb_room(struct sg_strbuf *b, size_t n)
{
	if (b->len + n + 1 > b->cap && !sg_sb_grow(b, n))
		return NULL;
	return b->p + b->len;
}

inline void sg_sb_commit(struct sg_strbuf *b, size_t n)
{
	b->len += n;
	b->p[b->len] = 0;
}

/* Copy n bytes: most pieces of a line are a few bytes long, and two
 * fixed-size overlapping moves beat a call to memcpy for them. */
inline void sg_sb_copy(char *d, const void *src, size_t n)
{
	const char *s = (const char *)src;
	uint64_t x, y;
	uint32_t u, v;

	if (n > 16) {
		memcpy(d, s, n);
	} else if (n >= 8) {
		memcpy(&x, s, 8);
		memcpy(&y, s + n - 8, 8);
		memcpy(d, &x, 8);
		memcpy(d + n - 8, &y, 8);
	} else if (n >= 4) {
		memcpy(&u, s, 4);
		memcpy(&v, s + n - 4, 4);
		memcpy(d, &u, 4);
		memcpy(d + n - 4, &v, 4);
	} else {
		for (size_t i = 0; i < n; i++)
			d[i] = s[i];
	}
}

inline void sg_sb_put(struct sg_strbuf *b, const void *s, size_t n)
{
	char *d;
	if (!n || !(d = sg_sb_room(b, n)))
		return;
	sg_sb_copy(d, s, n);
	sg_sb_commit(b, n);
}

inline void sg_sb_putc(struct sg_strbuf *b, char c)
{
	char *d = sg_sb_room(b, 1);
	if (!d)
		return;
	*d = c;
	sg_sb_commit(b, 1);
}

inline void sg_sb_puts(struct sg_strbuf *b, const char *s)
{
	sg_sb_put(b, s, strlen(s));
}

/* Numbers as printf would write them, without printf. */
void sg_sb_u64(struct sg_strbuf *b, uint64_t v);        /* %llu */
void sg_sb_i64(struct sg_strbuf *b, int64_t v);         /* %lld */
void sg_sb_hex64(struct sg_strbuf *b, uint64_t v);      /* %llx */
void sg_sb_oct64(struct sg_strbuf *b, uint64_t v);      /* %#llo */
/* v in exactly width decimal digits, zero padded (%0*llu), width <= 20. */
void sg_sb_u64_pad(struct sg_strbuf *b, uint64_t v, unsigned width);

/* The digits of v, written backwards ending at end; returns the first
 * byte.  end must have room for 20 digits before it.  For callers that
 * format into their own small buffers. */
char *sg_fmt_u64(char *end, uint64_t v);
/* The %llx digits of v at out (at most 16, no prefix); their number. */
size_t sg_fmt_hex64(char out[16], uint64_t v);

#endif /* SG_STRBUF_H */
