#include "event/strbuf.h"

#include <stdio.h>
#include <stdlib.h>

/* The external definitions of the inline calls (C99 inline model). */
extern inline char *sg_sb_room(struct sg_strbuf *b, size_t n);
extern inline void sg_sb_commit(struct sg_strbuf *b, size_t n);
extern inline void sg_sb_copy(char *d, const void *src, size_t n);
extern inline void sg_sb_put(struct sg_strbuf *b, const void *s, size_t n);
extern inline void sg_sb_putc(struct sg_strbuf *b, char c);
extern inline void sg_sb_puts(struct sg_strbuf *b, const char *s);

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
	if (b->oom)
		b->cap = 0; /* still cut: see give_up */
}

/* Out of memory for good: cap shrinks to len so that the inline fast
 * path fails too, and nothing lands after the cut. */
static int give_up(struct sg_strbuf *b)
{
	b->oom = 1;
	b->cap = b->len;
	return 0;
}

int sg_sb_grow(struct sg_strbuf *b, size_t n)
{
	if (b->oom)
		return 0;
	if (n > SIZE_MAX / 4 || b->len > SIZE_MAX / 4)
		return give_up(b);
	if (b->len + n + 1 <= b->cap)
		return 1;
	size_t cap = b->cap ? b->cap : 256;
	while (cap < b->len + n + 1)
		cap *= 2;
	char *p = realloc(b->p, cap);
	if (!p)
		return give_up(b);
	b->p = p;
	b->cap = cap;
	return 1;
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
	if (!sg_sb_room(b, (size_t)n))
		return;
	va_start(ap, fmt);
	vsnprintf(b->p + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

const char *sg_sb_cstr(struct sg_strbuf *b)
{
	if (!b->p && !sg_sb_grow(b, 0))
		return "";
	return b->p;
}

/* ---- numbers ---------------------------------------------------------- */

/* Two digits at a time: half the divisions of the naive loop. */
static const char digit_pairs[201] =
	"00010203040506070809101112131415161718192021222324252627282930313233343536373839"
	"40414243444546474849505152535455565758596061626364656667686970717273747576777879"
	"8081828384858687888990919293949596979899";

/* The eight digits of v < 10^8, zero padded, ending at end. */
static void fmt_8digits(char *end, uint32_t v)
{
	for (int k = 0; k < 4; k++) {
		unsigned i = (v % 100) * 2;
		v /= 100;
		*--end = digit_pairs[i + 1];
		*--end = digit_pairs[i];
	}
}

char *sg_fmt_u64(char *end, uint64_t v)
{
	char *p = end;
	/* 64-bit divisions are slow: peel off blocks of eight digits, then
	 * finish in 32 bits (timestamps have 19 digits) */
	while (v >= 100000000) {
		fmt_8digits(p, (uint32_t)(v % 100000000));
		v /= 100000000;
		p -= 8;
	}
	uint32_t w = (uint32_t)v;
	while (w >= 100) {
		unsigned i = (w % 100) * 2;
		w /= 100;
		*--p = digit_pairs[i + 1];
		*--p = digit_pairs[i];
	}
	if (w >= 10) {
		unsigned i = w * 2;
		*--p = digit_pairs[i + 1];
		*--p = digit_pairs[i];
	} else {
		*--p = (char)('0' + w);
	}
	return p;
}

void sg_sb_u64(struct sg_strbuf *b, uint64_t v)
{
	char buf[24], *end = buf + sizeof(buf);
	char *p = sg_fmt_u64(end, v);
	sg_sb_put(b, p, (size_t)(end - p));
}

void sg_sb_i64(struct sg_strbuf *b, int64_t v)
{
	char buf[24], *end = buf + sizeof(buf);
	/* negate in unsigned: -INT64_MIN does not fit an int64_t */
	uint64_t mag = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
	char *p = sg_fmt_u64(end, mag);
	if (v < 0)
		*--p = '-';
	sg_sb_put(b, p, (size_t)(end - p));
}

size_t sg_fmt_hex64(char out[16], uint64_t v)
{
	static const char hex[] = "0123456789abcdef";
	/* digits: one per started nibble, at least one */
	size_t n = v ? (size_t)(67 - __builtin_clzll(v)) / 4 : 1;

	for (size_t i = n; i-- > 0; v >>= 4)
		out[i] = hex[v & 15];
	return n;
}

void sg_sb_hex64(struct sg_strbuf *b, uint64_t v)
{
	char *d = sg_sb_room(b, 16);

	if (!d)
		return;
	sg_sb_commit(b, sg_fmt_hex64(d, v));
}

void sg_sb_oct64(struct sg_strbuf *b, uint64_t v)
{
	char buf[24], *end = buf + sizeof(buf), *p = end;
	/* %#o: a leading 0, except for 0 itself which is just "0" */
	do {
		*--p = (char)('0' + (v & 7));
		v >>= 3;
	} while (v);
	if (*p != '0')
		*--p = '0';
	sg_sb_put(b, p, (size_t)(end - p));
}

void sg_sb_u64_pad(struct sg_strbuf *b, uint64_t v, unsigned width)
{
	char buf[24], *end = buf + sizeof(buf);
	char *p = sg_fmt_u64(end, v);
	if (width > 20)
		width = 20;
	while ((size_t)(end - p) < width)
		*--p = '0';
	sg_sb_put(b, p, (size_t)(end - p));
}
