/* The filter language against falcosecurity/libs' own expectations: every
 * case of filter_libs_cases.def, parsed, compiled or compared by the event
 * types it can match, as its category says. */
#include <stdlib.h>
#include <string.h>

#include "event/syscalls.h"
#include "filter/ast.h"
#include "filter/filter.h"
#include "t.h"

enum cat { parse, compile, types };
enum exp { A, R, EQ };

static const struct {
	enum cat cat;
	enum exp exp;
	const char *in, *ref;
} cases[] = {
#define CASE(c, e, in, ref) { c, e, in, ref },
#include "filter_libs_cases.def"
#undef CASE
};

static const char *show(const char *s)
{
	static char buf[160];
	size_t n = 0;
	for (; *s && n + 5 < sizeof(buf); s++) {
		if ((unsigned char)*s < 0x20)
			n += (size_t)snprintf(buf + n, sizeof(buf) - n, "\\x%02x", *s);
		else
			buf[n++] = *s;
	}
	buf[n] = '\0';
	return buf;
}

/* libs' recursion test: 100000 '(' must be refused cleanly */
static char *deep(void)
{
	char *s = malloc(100001);
	if (s) {
		memset(s, '(', 100000);
		s[100000] = '\0';
	}
	return s;
}

static bool same_types(const char *a, const char *b, struct sg_diag *d)
{
	struct sg_filter *fa = sg_filter_compile(a, d);
	struct sg_filter *fb = fa ? sg_filter_compile(b, d) : NULL;
	bool ok = fa && fb;
	if (ok) {
		struct sg_pushdown pa, pb;
		sg_filter_pushdown(fa, &pa);
		sg_filter_pushdown(fb, &pb);
		ok = pa.never == pb.never && pa.procexit == pb.procexit &&
		     !memcmp(pa.sel, pb.sel, sizeof(pa.sel));
	}
	sg_filter_free(fa);
	sg_filter_free(fb);
	return ok;
}

int main(void)
{
	unsigned n[3] = { 0 };
	sg_syscalls_init();
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct sg_diag d = { .what = "filter" };
		char *text = cases[i].in ? NULL : deep();
		const char *in = cases[i].in ? cases[i].in : text;
		bool ok;
		n[cases[i].cat]++;
		if (cases[i].cat == parse) {
			struct sg_ast *a = sg_parse(in, &d);
			ok = (a != NULL) == (cases[i].exp == A);
			sg_ast_free(a);
		} else if (cases[i].cat == compile) {
			struct sg_filter *f = sg_filter_compile(in, &d);
			ok = (f != NULL) == (cases[i].exp == A);
			/* a refusal always says where */
			ok = ok && (f || (d.set && d.col > 0));
			sg_filter_free(f);
		} else {
			ok = same_types(in, cases[i].ref, &d);
		}
		static const char *const cn[] = { "parse", "compile", "types" };
		static const char *const en[] = { "accepts", "refuses", "same event types as" };
		if (!t_check(ok, "libs %s %s: %s%s%s", cn[cases[i].cat], en[cases[i].exp],
			     cases[i].in ? show(in) : "100000 '('", cases[i].ref ? " ~ " : "",
			     cases[i].ref ? cases[i].ref : ""))
			t_note("sysgrep: %s", d.set ? d.msg : "accepted");
		free(text);
	}
	t_note("%u parser, %u compiler, %u event-type cases", n[parse], n[compile], n[types]);
	T_OK(n[parse] + n[compile] + n[types] >= 300, "at least 300 cases");
	return t_done();
}
