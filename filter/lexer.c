/*
 * Scanning functions of the filter language; see lexer.h for why the lexer
 * is driven by the parser.  Token shapes follow libsinsp's parser: bare
 * strings are [^()"'[:space:]=,]+, numbers [+-]?[0-9]+[.]?[0-9]*([eE][+-][0-9]+)?
 * or 0x..., quoted strings take \b \f \n \r \t \\ \/ \xHH and their own quote.
 */
#include "filter/lexer.h"

#include <stdlib.h>
#include <string.h>

void sg_lex_init(struct sg_lexer *lx, const char *src, struct sg_diag *d)
{
	lx->src = src ? src : "";
	lx->len = strlen(lx->src);
	lx->pos = 0;
	lx->d = d;
}

static char cur(const struct sg_lexer *lx)
{
	return lx->pos < lx->len ? lx->src[lx->pos] : '\0';
}

/* libs' lex_blank: the blanks that separate tokens.  \f and \v are not
 * among them (a filter holding one between tokens is refused, as in libs),
 * but they do end a bare string, like every POSIX space. */
static bool is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\b' || c == '\r' || c == '\n';
}

/* [[:space:]]: what ends a bare string and what "not" needs after it. */
static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

static bool is_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool is_xdigit(char c)
{
	return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

bool sg_lex_blank(struct sg_lexer *lx)
{
	size_t start = lx->pos;
	while (is_blank(cur(lx)))
		lx->pos++;
	return lx->pos != start;
}

bool sg_lex_eof(const struct sg_lexer *lx)
{
	return lx->pos >= lx->len;
}

bool sg_lex_peek(const struct sg_lexer *lx, const char *w)
{
	size_t n = strlen(w);
	return lx->len - lx->pos >= n && memcmp(lx->src + lx->pos, w, n) == 0;
}

bool sg_lex_lit(struct sg_lexer *lx, const char *w)
{
	if (!sg_lex_peek(lx, w))
		return false;
	lx->pos += strlen(w);
	return true;
}

bool sg_lex_not_blank(struct sg_lexer *lx)
{
	if (!sg_lex_peek(lx, "not"))
		return false;
	/* libs: "not[[:space:]]+", then its blanks ("not\b" is no "not") */
	if (lx->pos + 3 >= lx->len || !is_space(lx->src[lx->pos + 3]))
		return false;
	lx->pos += 3;
	while (is_space(cur(lx)))
		lx->pos++;
	sg_lex_blank(lx);
	return true;
}

int sg_lex_oneof(struct sg_lexer *lx, const char *const *ops)
{
	for (int i = 0; ops[i]; i++) {
		size_t save = lx->pos;
		if (!sg_lex_lit(lx, ops[i]))
			continue;
		/* word operators need a blank after them, so "containsx" is not
		 * "contains x"; "in" and friends take "(" directly */
		bool word = is_alpha(ops[i][0]);
		bool list = !strcmp(ops[i], "in") || !strcmp(ops[i], "intersects") ||
			    !strcmp(ops[i], "pmatch") || !strcmp(ops[i], "exists");
		if (!word || list || is_blank(cur(lx)))
			return i;
		lx->pos = save;
	}
	return -1;
}

static int hexval(char c)
{
	if (is_digit(c))
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return c - 'A' + 10;
}

/*
 * libs' unescape_str (escaping.cpp), byte for byte: \b \f \n \r \t \\ \/,
 * "\ " read as a backslash (old Falco rules escape blanks: libs keeps them
 * working, so the same rule means the same here), the string's own quote,
 * and \xHH with exactly two hex digits.  src[i] is the byte after the
 * backslash, end the closing quote.
 */
static int decode_escape(struct sg_lexer *lx, size_t i, size_t end, char q, char *out,
			 uint32_t *n, size_t *adv)
{
	char c = lx->src[i];
	const char *map = "b\bf\fn\nr\rt\t\\\\// \\";
	*adv = 1;
	for (const char *m = map; *m; m += 2) {
		if (*m == c) {
			out[(*n)++] = m[1];
			return 0;
		}
	}
	if (c == q) {
		out[(*n)++] = q;
		return 0;
	}
	if (c == 'x') {
		if (i + 2 < end && is_xdigit(lx->src[i + 1]) && is_xdigit(lx->src[i + 2])) {
			out[(*n)++] = (char)(hexval(lx->src[i + 1]) * 16 + hexval(lx->src[i + 2]));
			*adv = 3;
			return 0;
		}
		sg_diag_set(lx->d, lx->src, (int)i - 1,
			    "bad escape: \\x needs two hex digits, like \\x41");
		return -1;
	}
	if (c == '"' || c == '\'')
		sg_diag_set(lx->d, lx->src, (int)i - 1,
			    "bad escape \\%c in a %c-quoted string: write %c without a backslash",
			    c, q, c);
	else if ((unsigned char)c >= 0x20 && c != 0x7f)
		sg_diag_set(lx->d, lx->src, (int)i - 1,
			    "unknown escape \\%c: use \\\\ for a backslash, or one of \\b \\f \\n \\r \\t \\/ \\xHH",
			    c);
	else
		sg_diag_set(lx->d, lx->src, (int)i - 1,
			    "unknown escape: use \\\\ for a backslash, or one of \\b \\f \\n \\r \\t \\/ \\xHH");
	return -1;
}

/* Where libs' lexer ends a quoted string: at the first quote of its kind
 * that does not follow a backslash.  That byte rule means "a\\" does not
 * end at its last quote (the quote follows a backslash): say so when that
 * is why the string never ends. */
static size_t quote_end(const struct sg_lexer *lx, size_t start, bool *after_bs)
{
	char q = lx->src[start];
	*after_bs = false;
	for (size_t i = start + 1; i < lx->len; i++) {
		if (lx->src[i] != q)
			continue;
		if (lx->src[i - 1] != '\\')
			return i;
		*after_bs = true;
	}
	return lx->len;
}

int sg_lex_quoted(struct sg_lexer *lx, struct sg_tok *t)
{
	char q = cur(lx);
	if (q != '"' && q != '\'')
		return 0;
	size_t start = lx->pos;
	bool after_bs;
	size_t end = quote_end(lx, start, &after_bs);
	if (end >= lx->len) {
		if (after_bs)
			sg_diag_set(lx->d, lx->src, (int)start,
				    "unterminated string: a %c right after a backslash does not close it "
				    "(libs' rule); end a string with a backslash as \\x5c%c", q, q);
		else
			sg_diag_set(lx->d, lx->src, (int)start,
				    "unterminated string: add the closing %c", q);
		return -1;
	}
	/* the decoded text is never longer than the source */
	char *out = malloc(end - start + 1);
	if (!out) {
		sg_diag_set(lx->d, lx->src, (int)start, "out of memory");
		return -1;
	}
	uint32_t n = 0;
	for (size_t i = start + 1; i < end;) {
		if (lx->src[i] != '\\') {
			out[n++] = lx->src[i++];
			continue;
		}
		size_t adv;
		if (i + 1 >= end) {
			/* unreachable by quote_end; a bound all the same */
			free(out);
			sg_diag_set(lx->d, lx->src, (int)i, "unknown escape");
			return -1;
		}
		if (decode_escape(lx, i + 1, end, q, out, &n, &adv) < 0) {
			free(out);
			return -1;
		}
		i += 1 + adv;
	}
	out[n] = '\0';
	lx->pos = end + 1;
	*t = (struct sg_tok){ .off = (int)start, .end = (int)lx->pos, .s = out, .len = n,
			      .quoted = true };
	return 1;
}

static int make_tok(struct sg_lexer *lx, size_t start, struct sg_tok *t)
{
	size_t n = lx->pos - start;
	char *s = malloc(n + 1);
	if (!s) {
		sg_diag_set(lx->d, lx->src, (int)start, "out of memory");
		return -1;
	}
	memcpy(s, lx->src + start, n);
	s[n] = '\0';
	*t = (struct sg_tok){ .off = (int)start, .end = (int)lx->pos, .s = s, .len = (uint32_t)n };
	return 1;
}

static bool is_bare(char c)
{
	return c && !is_space(c) && c != '(' && c != ')' && c != '"' && c != '\'' && c != '=' &&
	       c != ',';
}

int sg_lex_bare(struct sg_lexer *lx, struct sg_tok *t)
{
	size_t start = lx->pos;
	while (lx->pos < lx->len && is_bare(lx->src[lx->pos]))
		lx->pos++;
	if (lx->pos == start)
		return 0;
	return make_tok(lx, start, t);
}

static size_t digits(const struct sg_lexer *lx, size_t i)
{
	while (i < lx->len && is_digit(lx->src[i]))
		i++;
	return i;
}

int sg_lex_number(struct sg_lexer *lx, struct sg_tok *t)
{
	size_t start = lx->pos, i = start;
	const char *s = lx->src;
	if (i + 2 < lx->len && s[i] == '0' && (s[i + 1] == 'x' || s[i + 1] == 'X') &&
	    is_xdigit(s[i + 2])) {
		i += 2;
		while (i < lx->len && is_xdigit(s[i]))
			i++;
		lx->pos = i;
		return make_tok(lx, start, t);
	}
	if (i < lx->len && (s[i] == '+' || s[i] == '-'))
		i++;
	size_t d = digits(lx, i);
	if (d == i)
		return 0;
	i = d;
	if (i < lx->len && s[i] == '.')
		i = digits(lx, i + 1);
	if (i + 2 < lx->len && (s[i] == 'e' || s[i] == 'E') && (s[i + 1] == '+' || s[i + 1] == '-') &&
	    is_digit(s[i + 2]))
		i = digits(lx, i + 2);
	lx->pos = i;
	return make_tok(lx, start, t);
}

size_t sg_lex_ident_len(const struct sg_lexer *lx)
{
	size_t i = lx->pos;
	if (i >= lx->len || !is_alpha(lx->src[i]))
		return 0;
	while (i < lx->len && (is_alpha(lx->src[i]) || is_digit(lx->src[i]) || lx->src[i] == '_'))
		i++;
	return i - lx->pos;
}

size_t sg_lex_word_len(const struct sg_lexer *lx)
{
	size_t i = lx->pos;
	if (i < lx->len && !is_bare(lx->src[i]) && !is_blank(lx->src[i]))
		return 1;
	while (i < lx->len && is_bare(lx->src[i]) && i - lx->pos < 40)
		i++;
	return i - lx->pos;
}
