/*
 * Escaping for each medium.  Event values are hostile: a file name can
 * hold a newline (a fake second event), an ESC sequence (drive the
 * terminal), a quote (break out of a JSON string or CSV field), or bytes
 * that are not UTF-8 at all.
 */
#include "output/internal.h"

#include <stdio.h>

size_t sg_utf8_next(const uint8_t *s, size_t n, uint32_t *cp)
{
	if (!n)
		return 0;
	uint8_t c = s[0];
	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	size_t len;
	uint32_t v, min;
	if (c >= 0xc2 && c <= 0xdf)
		len = 2, v = c & 0x1f, min = 0x80;
	else if (c >= 0xe0 && c <= 0xef)
		len = 3, v = c & 0x0f, min = 0x800;
	else if (c >= 0xf0 && c <= 0xf4)
		len = 4, v = c & 0x07, min = 0x10000;
	else
		return 0;
	if (n < len)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		v = (v << 6) | (s[i] & 0x3f);
	}
	if (v < min || v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff))
		return 0;
	*cp = v;
	return len;
}

/*
 * Length of the invalid bytes at s to replace by one U+FFFD: the longest
 * start of a well-formed sequence ("maximal subpart", Unicode ch. 3), as
 * Python, jq and browsers do, so our JSON matches what they would decode.
 */
static size_t utf8_bad_len(const uint8_t *s, size_t n)
{
	uint8_t c = s[0], lo = 0x80, hi = 0xbf;
	size_t need;
	if (c >= 0xc2 && c <= 0xdf)
		need = 1;
	else if (c >= 0xe0 && c <= 0xef)
		need = 2, lo = c == 0xe0 ? 0xa0 : lo, hi = c == 0xed ? 0x9f : hi;
	else if (c >= 0xf0 && c <= 0xf4)
		need = 3, lo = c == 0xf0 ? 0x90 : lo, hi = c == 0xf4 ? 0x8f : hi;
	else
		return 1;
	size_t i = 1;
	for (; i <= need && i < n; i++) {
		uint8_t b = s[i];
		if (i == 1 ? (b < lo || b > hi) : (b & 0xc0) != 0x80)
			break;
	}
	return i;
}

/* Code points a terminal acts on even in UTF-8: C1 controls (U+009B is a
 * CSI in xterm) and the bidi overrides that reorder what is shown. */
static bool is_dangerous_cp(uint32_t cp)
{
	return (cp >= 0x80 && cp <= 0x9f) || (cp >= 0x202a && cp <= 0x202e) ||
	       (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200e || cp == 0x200f ||
	       cp == 0x061c;
}

/* Escape of one ASCII control or backslash, in buf; its length. */
static size_t ascii_escape(uint8_t c, char buf[5])
{
	switch (c) {
	case '\n':
		buf[0] = '\\', buf[1] = 'n';
		return 2;
	case '\t':
		buf[0] = '\\', buf[1] = 't';
		return 2;
	case '\r':
		buf[0] = '\\', buf[1] = 'r';
		return 2;
	case '\\':
		buf[0] = '\\', buf[1] = '\\';
		return 2;
	default:
		snprintf(buf, 5, "\\x%02x", c);
		return 4;
	}
}

size_t sg_esc_text(struct sg_strbuf *b, const char *s, size_t n, size_t maxcols)
{
	const uint8_t *u = (const uint8_t *)s;
	size_t cols = 0, i = 0;
	char esc[4 * 5];

	while (i < n) {
		uint32_t cp;
		size_t len = sg_utf8_next(u + i, n - i, &cp);
		size_t elen = 0, w;
		if (len == 1 && (cp < 0x20 || cp == 0x7f || cp == '\\')) {
			elen = ascii_escape(u[i], esc);
		} else if (len == 0) {
			len = 1;
			elen = ascii_escape(u[i], esc);
		} else if (is_dangerous_cp(cp)) {
			for (size_t k = 0; k < len; k++)
				elen += (size_t)snprintf(esc + elen, sizeof(esc) - elen, "\\x%02x", u[i + k]);
		}
		w = elen ? elen : 1;
		if (maxcols != SG_NO_LIMIT && cols + w > maxcols)
			break;
		if (elen)
			sg_sb_put(b, esc, elen);
		else
			sg_sb_put(b, u + i, len);
		cols += w;
		i += len;
	}
	return cols;
}

bool sg_esc_json(struct sg_strbuf *b, const char *s, size_t n)
{
	const uint8_t *u = (const uint8_t *)s;
	bool valid = true;
	size_t i = 0, run = 0; /* run: bytes at i - run .. i copied as they are */

	sg_sb_putc(b, '"');
	while (i < n) {
		uint32_t cp;
		size_t len = sg_utf8_next(u + i, n - i, &cp);
		const char *rep = NULL;
		char ubuf[8];
		if (len == 0) {
			valid = false;
			len = utf8_bad_len(u + i, n - i);
			rep = "\\ufffd";
		} else if (cp == '"') {
			rep = "\\\"";
		} else if (cp == '\\') {
			rep = "\\\\";
		} else if (cp == '\n') {
			rep = "\\n";
		} else if (cp == '\t') {
			rep = "\\t";
		} else if (cp == '\r') {
			rep = "\\r";
		} else if (cp < 0x20 || cp == 0x7f || cp == 0x2028 || cp == 0x2029) {
			/* U+2028/9 are valid JSON but end lines in JavaScript */
			snprintf(ubuf, sizeof(ubuf), "\\u%04x", cp);
			rep = ubuf;
		}
		if (!rep) {
			run += len;
			i += len;
			continue;
		}
		sg_sb_put(b, u + i - run, run);
		run = 0;
		sg_sb_puts(b, rep);
		i += len;
	}
	sg_sb_put(b, u + i - run, run);
	sg_sb_putc(b, '"');
	return valid;
}

void sg_esc_csv(struct sg_strbuf *b, const char *s, size_t n)
{
	bool quote = false;
	for (size_t i = 0; i < n && !quote; i++)
		quote = s[i] == ',' || s[i] == '"' || s[i] == '\r' || s[i] == '\n';
	if (!quote) {
		sg_sb_put(b, s, n);
		return;
	}
	sg_sb_putc(b, '"');
	size_t start = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] != '"')
			continue;
		sg_sb_put(b, s + start, i + 1 - start);
		sg_sb_putc(b, '"');
		start = i + 1;
	}
	sg_sb_put(b, s + start, n - start);
	sg_sb_putc(b, '"');
}

void sg_base64(struct sg_strbuf *b, const void *d, size_t n)
{
	static const char tab[] =
		"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	const uint8_t *p = d;
	char q[4];

	for (size_t i = 0; i < n; i += 3) {
		uint32_t v = (uint32_t)p[i] << 16;
		if (i + 1 < n)
			v |= (uint32_t)p[i + 1] << 8;
		if (i + 2 < n)
			v |= p[i + 2];
		q[0] = tab[(v >> 18) & 63];
		q[1] = tab[(v >> 12) & 63];
		q[2] = i + 1 < n ? tab[(v >> 6) & 63] : '=';
		q[3] = i + 2 < n ? tab[v & 63] : '=';
		sg_sb_put(b, q, 4);
	}
}
