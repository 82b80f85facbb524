/*
 * Compiler-style diagnostics: the caret sits under the offending byte's
 * column as the terminal shows the line, with UTF-8 text and tabs (shown
 * as '?') before it.
 */
#include <stdlib.h>
#include <string.h>

#include "event/diag.h"
#include "t.h"

static const struct {
	const char *src;
	int off;
	const char *want;
} cases[] = {
	{ "proc.nmae=x", 0, "sysgrep: filter:1:1: m\n  proc.nmae=x\n  ^\n" },
	{ "a and proc.nmae=x", 6, "sysgrep: filter:1:7: m\n  a and proc.nmae=x\n        ^\n" },
	{ "proc.name=\"h\xc3\xa9llo w\xc3\xb6rld\" and proc.nmae=x", 30,
	  "sysgrep: filter:1:31: m\n  proc.name=\"h\xc3\xa9llo w\xc3\xb6rld\" and proc.nmae=x\n"
	  "  " "                            ^\n" },
	{ "a\tand proc.nmae=x", 6, "sysgrep: filter:1:7: m\n  a?and proc.nmae=x\n        ^\n" },
	/* an emoji (like CJK) takes two columns on a terminal */
	{ "\xe2\x82\xac\xf0\x9f\x98\x80 x", 8, "sysgrep: filter:1:9: m\n  \xe2\x82\xac\xf0\x9f\x98\x80 x\n      ^\n" },
	{ "\xe6\x97\xa5\xe6\x9c\xac x", 7, "sysgrep: filter:1:8: m\n  \xe6\x97\xa5\xe6\x9c\xac x\n       ^\n" },
	/* an invalid byte shows as one '?' */
	{ "\x80 x", 2, "sysgrep: filter:1:3: m\n  ? x\n    ^\n" },
	/* C1 CSI and a bidi override would drive the terminal: '?' */
	{ "\xc2\x9b\xe2\x80\xae x", 6, "sysgrep: filter:1:7: m\n  ?? x\n     ^\n" },
	{ "a\nbb\xc3\xa9 x", 7, "sysgrep: filter:2:6: m\n  bb\xc3\xa9 x\n      ^\n" },
};

static const char *render(const char *src, int off)
{
	static char buf[512];
	struct sg_diag d = { .what = "filter" };
	sg_diag_set(&d, src, off, "m");
	FILE *m = fmemopen(buf, sizeof(buf) - 1, "w");
	if (!m)
		return NULL;
	sg_diag_print(&d, m);
	size_t n = (size_t)ftell(m);
	fclose(m);
	buf[n] = '\0';
	return buf;
}

int main(void)
{
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		T_STREQ(render(cases[i].src, cases[i].off), cases[i].want, "caret %zu", i);
	return t_done();
}
