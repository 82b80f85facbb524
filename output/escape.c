/*
 * Escaping for each medium.  Event values are hostile: a file name can
 * hold a newline (a fake second event), an ESC sequence (drive the
 * terminal), a quote (break out of a JSON string or CSV field), or bytes
 * that are not UTF-8 at all.
 */
#include "output/internal.h"

#include <string.h>

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

static const char hexdig[] = "0123456789abcdef";

/* "\xHH" into buf; its length. */
static size_t hex_escape(uint8_t c, char *buf)
{
	buf[0] = '\\';
	buf[1] = 'x';
	buf[2] = hexdig[c >> 4];
	buf[3] = hexdig[c & 15];
	return 4;
}

/* Escape of one ASCII control or backslash, in buf; its length. */
static size_t ascii_escape(uint8_t c, char buf[4])
{
	char e;
	switch (c) {
	case '\n':
		e = 'n';
		break;
	case '\t':
		e = 't';
		break;
	case '\r':
		e = 'r';
		break;
	case '\\':
		e = '\\';
		break;
	default:
		return hex_escape(c, buf);
	}
	buf[0] = '\\';
	buf[1] = e;
	return 2;
}

/* Printable ASCII other than the backslash: copied as it is in text. */
static inline bool text_safe(uint8_t c)
{
	return c >= 0x20 && c < 0x7f && c != '\\';
}

/* Printable ASCII other than the quote and backslash: as it is in JSON. */
static inline bool json_safe(uint8_t c)
{
	return c >= 0x20 && c < 0x7f && c != '"' && c != '\\';
}

/*
 * Values are mostly plain ASCII: the escapers copy runs of safe bytes at
 * once and look at code points only where a run stops.  Runs are found
 * eight bytes at a time: each test below sets the top bit of some byte
 * iff a byte of x is in the class (the classic "has less / has more /
 * has zero" word tricks, exact as to whether any byte is).
 */
#define ONES 0x0101010101010101ull
#define HIGHS 0x8080808080808080ull

static inline uint64_t has_less(uint64_t x, uint8_t n) /* n <= 128 */
{
	return (x - ONES * n) & ~x & HIGHS;
}

static inline uint64_t has_more(uint64_t x, uint8_t n) /* n <= 127 */
{
	return ((x + ONES * (uint8_t)(127 - n)) | x) & HIGHS;
}

static inline uint64_t has_byte(uint64_t x, uint8_t c)
{
	return has_less(x ^ (ONES * c), 1);
}

static inline uint64_t load8(const uint8_t *u)
{
	uint64_t x;
	memcpy(&x, u, sizeof(x));
	return x;
}

/* The flags of the bytes a class does not keep as they are. */
static inline uint64_t text_unsafe(uint64_t x)
{
	return has_less(x, 0x20) | has_more(x, 0x7e) | has_byte(x, '\\');
}

static inline uint64_t json_unsafe(uint64_t x)
{
	return has_less(x, 0x20) | has_more(x, 0x7e) | has_byte(x, '"') | has_byte(x, '\\');
}

/* Offset in the word at u of the first flagged byte (m != 0).  The tests
 * may also flag bytes above a real hit (borrows and carries run upwards),
 * never below one, so the lowest flag is exact. */
static inline size_t first_flagged(const uint8_t *u, uint64_t m, bool json)
{
	size_t i = 0;

	if (__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__)
		return (size_t)__builtin_ctzll(m) / 8;
	while (i < 8 && (json ? json_safe(u[i]) : text_safe(u[i])))
		i++;
	return i;
}

/* The length of the run of bytes at u that class json (or text) keeps:
 * whole words, then the last bytes one by one (copying them into a padded
 * word to test it whole stalled on the store-to-load forward: it was the
 * largest cost of printing short fields). */
static inline __attribute__((always_inline)) size_t safe_run(const uint8_t *u, size_t n, bool json)
{
	size_t i = 0;

	for (; i + 8 <= n; i += 8) {
		uint64_t x = load8(u + i);
		uint64_t m = json ? json_unsafe(x) : text_unsafe(x);
		if (m)
			return i + first_flagged(u + i, m, json);
	}
	while (i < n && (json ? json_safe(u[i]) : text_safe(u[i])))
		i++;
	return i;
}

static size_t text_run(const uint8_t *u, size_t n)
{
	return safe_run(u, n, false);
}

static size_t json_run(const uint8_t *u, size_t n)
{
	return safe_run(u, n, true);
}

bool sg_json_plain(const char *s, size_t n)
{
	return json_run((const uint8_t *)s, n) == n;
}

bool sg_text_plain(const char *s, size_t n)
{
	return text_run((const uint8_t *)s, n) == n;
}

/* The flags of the bytes that make a CSV field need quotes. */
static inline uint64_t csv_special(uint64_t x)
{
	return has_byte(x, ',') | has_byte(x, '"') | has_byte(x, '\r') | has_byte(x, '\n');
}

bool sg_csv_plain(const char *s, size_t n)
{
	const uint8_t *u = (const uint8_t *)s;
	size_t i = 0;

	for (; i + 8 <= n; i += 8)
		if (csv_special(load8(u + i)))
			return false;
	for (; i < n; i++)
		if (u[i] == ',' || u[i] == '"' || u[i] == '\r' || u[i] == '\n')
			return false;
	return true;
}

/* The escape of the code point (or invalid byte) at u, in esc; its length
 * (0: copy the bytes as they are).  *len receives the bytes it covers. */
static size_t text_escape_at(const uint8_t *u, size_t n, size_t *len, char esc[32])
{
	uint32_t cp;
	size_t l = sg_utf8_next(u, n, &cp), elen = 0;

	if (l == 0) {
		*len = 1;
		return ascii_escape(u[0], esc);
	}
	*len = l;
	if (l == 1 && (cp < 0x20 || cp == 0x7f || cp == '\\'))
		return ascii_escape(u[0], esc);
	if (sg_utf8_dangerous(cp))
		for (size_t k = 0; k < l; k++)
			elen += hex_escape(u[k], esc + elen);
	return elen;
}

size_t sg_esc_text(struct sg_strbuf *b, const char *s, size_t n, size_t maxcols)
{
	const uint8_t *u = (const uint8_t *)s;
	size_t cols = 0, i = 0;
	char esc[32];

	while (i < n && cols != maxcols) {
		size_t run = text_run(u + i, n - i);
		if (run) {
			if (maxcols != SG_NO_LIMIT && run > maxcols - cols)
				run = maxcols - cols;
			sg_sb_put(b, u + i, run);
			cols += run;
			i += run;
			continue;
		}
		size_t len, elen = text_escape_at(u + i, n - i, &len, esc);
		size_t w = elen ? elen : 1;
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

/* The JSON escape of the code point (or invalid bytes) at u, in ubuf or a
 * constant; NULL when the bytes are kept.  *len receives the bytes it
 * covers; *valid is cleared for invalid UTF-8. */
static const char *json_escape_at(const uint8_t *u, size_t n, size_t *len, bool *valid,
				  char ubuf[8])
{
	uint32_t cp;
	size_t l = sg_utf8_next(u, n, &cp);

	*len = l;
	if (l == 0) {
		*valid = false;
		*len = utf8_bad_len(u, n);
		return "\\ufffd";
	}
	switch (cp) {
	case '"':
		return "\\\"";
	case '\\':
		return "\\\\";
	case '\n':
		return "\\n";
	case '\t':
		return "\\t";
	case '\r':
		return "\\r";
	}
	/* U+2028/9 are valid JSON but end lines in JavaScript */
	if (cp >= 0x20 && cp != 0x7f && cp != 0x2028 && cp != 0x2029)
		return NULL;
	memcpy(ubuf, "\\u", 2);
	ubuf[2] = hexdig[(cp >> 12) & 15];
	ubuf[3] = hexdig[(cp >> 8) & 15];
	ubuf[4] = hexdig[(cp >> 4) & 15];
	ubuf[5] = hexdig[cp & 15];
	ubuf[6] = 0;
	return ubuf;
}

bool sg_esc_json(struct sg_strbuf *b, const char *s, size_t n)
{
	const uint8_t *u = (const uint8_t *)s;
	bool valid = true;
	size_t i = 0, run = 0; /* run: bytes at i - run .. i copied as they are */
	char ubuf[8];

	/* most values need no escape: one reservation, one copy */
	size_t safe0 = json_run(u, n);
	if (safe0 == n) {
		char *d = sg_sb_room(b, n + 2);
		if (!d)
			return true;
		d[0] = '"';
		sg_sb_copy(d + 1, u, n);
		d[n + 1] = '"';
		sg_sb_commit(b, n + 2);
		return true;
	}
	sg_sb_putc(b, '"');
	run = i = safe0;
	while (i < n) {
		size_t safe = json_run(u + i, n - i);
		run += safe;
		i += safe;
		if (i >= n)
			break;
		size_t len;
		const char *rep = json_escape_at(u + i, n - i, &len, &valid, ubuf);
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
	if (sg_csv_plain(s, n)) {
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
