/* The filter parser: accepted filters with their AST, rejected ones with
 * the exact message and position. */
#include <stdlib.h>
#include <string.h>

#include "filter/ast.h"
#include "t.h"

static const struct {
	const char *in;
	const char *ast;
} good[] = {
	{ "", "true" },
	{ "   \n\t ", "true" },
	{ "proc.name=bash", "(= proc.name \"bash\")" },
	{ "proc.name = bash", "(= proc.name \"bash\")" },
	{ "proc.name==bash", "(= proc.name \"bash\")" },
	{ "proc.name != bash", "(!= proc.name \"bash\")" },
	{ "proc.pid<10", "(< proc.pid \"10\")" },
	{ "proc.pid <= 0x10", "(<= proc.pid \"0x10\")" },
	{ "proc.pid>-1", "(> proc.pid \"-1\")" },
	{ "proc.pid >= 10", "(>= proc.pid \"10\")" },
	{ "fd.name contains /etc", "(contains fd.name \"/etc\")" },
	{ "fd.name icontains ETC", "(icontains fd.name \"ETC\")" },
	{ "evt.buffer bcontains 2f6574", "(bcontains evt.buffer \"2f6574\")" },
	{ "fd.name startswith /etc", "(startswith fd.name \"/etc\")" },
	{ "evt.buffer bstartswith 7f454c46", "(bstartswith evt.buffer \"7f454c46\")" },
	{ "fd.name endswith .so", "(endswith fd.name \".so\")" },
	{ "fd.name glob '/etc/*'", "(glob fd.name \"/etc/*\")" },
	{ "fd.name iglob *.SO", "(iglob fd.name \"*.SO\")" },
	{ "proc.name regex 'ba.*'", "(regex proc.name \"ba.*\")" },
	{ "fd.name exists", "(exists fd.name)" },
	{ "evt.type in (open, openat)", "(in evt.type (\"open\" \"openat\"))" },
	{ "evt.type in(open,openat)", "(in evt.type (\"open\" \"openat\"))" },
	{ "evt.type in ()", "(in evt.type ())" },
	{ "evt.type in ( )", "(in evt.type ())" },
	{ "proc.name in (\"a b\", 'c,d', e)", "(in proc.name (\"a b\" \"c,d\" \"e\"))" },
	{ "evt.type intersects (open)", "(intersects evt.type (\"open\"))" },
	{ "fd.name pmatch (/etc, /var/run)", "(pmatch fd.name (\"/etc\" \"/var/run\"))" },
	{ "a.b=1 and c.d=2", NULL },
	{ "proc.name=a and proc.pid=1", "(and (= proc.name \"a\") (= proc.pid \"1\"))" },
	{ "proc.name=a or proc.pid=1", "(or (= proc.name \"a\") (= proc.pid \"1\"))" },
	{ "proc.name=a or proc.name=b and proc.pid=1",
	  "(or (= proc.name \"a\") (and (= proc.name \"b\") (= proc.pid \"1\")))" },
	{ "(proc.name=a or proc.name=b) and proc.pid=1",
	  "(and (or (= proc.name \"a\") (= proc.name \"b\")) (= proc.pid \"1\"))" },
	{ "not proc.name=a", "(not (= proc.name \"a\"))" },
	{ "not not proc.name=a", "(= proc.name \"a\")" },
	{ "not proc.name=a and proc.pid=1", "(and (not (= proc.name \"a\")) (= proc.pid \"1\"))" },
	{ "not (proc.name=a and proc.pid=1)", "(not (and (= proc.name \"a\") (= proc.pid \"1\")))" },
	{ "not(proc.name=a)", "(not (= proc.name \"a\"))" },
	{ "proc.name=a and(proc.pid=1)", "(and (= proc.name \"a\") (= proc.pid \"1\"))" },
	{ "proc.name=a or(proc.pid=1)", "(or (= proc.name \"a\") (= proc.pid \"1\"))" },
	{ "proc.name=a and not proc.pid=1 or fd.num=3",
	  "(or (and (= proc.name \"a\") (not (= proc.pid \"1\"))) (= fd.num \"3\"))" },
	{ "((proc.name=a))", "(= proc.name \"a\")" },
	{ "proc.name=a\nand\tproc.pid=1", "(and (= proc.name \"a\") (= proc.pid \"1\"))" },
	{ "evt.arg.fd=3", "(= evt.arg.fd \"3\")" },
	{ "evt.arg[0]=3", "(= evt.arg[0] \"3\")" },
	{ "evt.arg[name]=x", "(= evt.arg.name \"x\")" },
	{ "evt.rawarg.res<0", "(< evt.rawarg.res \"0\")" },
	{ "proc.aname[2]=bash", "(= proc.aname[2] \"bash\")" },
	{ "proc.aname=bash", "(= proc.aname \"bash\")" },
	{ "proc.args[1]=-c", "(= proc.args[1] \"-c\")" },
	{ "proc.env[HOME]=/root", "(= proc.env[HOME] \"/root\")" },
	{ "proc.env['HOME']=/root", "(= proc.env[HOME] \"/root\")" },
	{ "tolower(proc.name)=bash", "(= (tolower proc.name) \"bash\")" },
	{ "toupper( proc.name )=BASH", "(= (toupper proc.name) \"BASH\")" },
	{ "len(proc.name)>3", "(> (len proc.name) \"3\")" },
	{ "tolower(basename(proc.exe))=bash", "(= (tolower (basename proc.exe)) \"bash\")" },
	{ "b64(evt.buffer) contains x", "(contains (b64 evt.buffer) \"x\")" },
	{ "proc.name=val(proc.pname)", "(= proc.name (val proc.pname))" },
	{ "proc.name = val( proc.pname )", "(= proc.name (val proc.pname))" },
	{ "proc.name=tolower(proc.pname)", "(= proc.name (val (tolower proc.pname)))" },
	{ "proc.pid < val(proc.ppid)", "(< proc.pid (val proc.ppid))" },
	{ "proc.name=\"a\\nb\"", "(= proc.name \"a\\nb\")" },
	{ "proc.name='\\x01'", "(= proc.name \"\\x01\")" },
	{ "proc.name=caf\xc3\xa9", "(= proc.name \"caf\\xc3\\xa9\")" },
	{ "proc.name=and", "(= proc.name \"and\")" },
	{ "fd.name=/tmp/a.b-c_d", "(= fd.name \"/tmp/a.b-c_d\")" },
	{ "proc.name contains  x", "(contains proc.name \"x\")" },
};

static const struct {
	const char *in;
	int col;
	const char *msg;
} bad[] = {
	{ "proc.name=", 11, "expected a value after '='" },
	{ "proc.name =  ", 14, "expected a value after '='" },
	{ "proc.name==", 12, "expected a value after '=='" },
	{ "proc.name contains ", 20, "expected a value after 'contains'" },
	{ "proc.name contains", 19, "expected a value after 'contains'" },
	{ "proc.name glob\"x\"", 15, "expected a blank after 'glob', like glob \"x\"" },
	{ "proc.name icontains'x'", 20, "expected a blank after 'icontains', like icontains \"x\"" },
	{ "proc.name startswith(x)", 21, "expected a blank after 'startswith', like startswith \"x\"" },
	{ "proc.name endswith", 19, "expected a value after 'endswith'" },
	{ "proc.pid < x", 12, "expected a number after '<', not 'x'" },
	{ "proc.name = (a, b)", 13, "expected a value after '=' (use 'in' to compare with a list)" },
	{ "proc.name", 10, "expected an operator after 'proc.name', like = or contains" },
	{ "proc.name like x", 11, "unknown operator 'like' after 'proc.name': use =, !=, <, <=, >, >=, contains, icontains, bcontains, startswith, bstartswith, endswith, glob, iglob, regex, in, intersects, pmatch or exists" },
	{ "proc.name containsx", 11, "unknown operator 'containsx' after 'proc.name': use =, !=, <, <=, >, >=, contains, icontains, bcontains, startswith, bstartswith, endswith, glob, iglob, regex, in, intersects, pmatch or exists" },
	{ "proc.nmae=bash", 1, "unknown field 'proc.nmae' (did you mean 'proc.name'?)" },
	{ "evt.type=execve and proc.nmae=bash", 21, "unknown field 'proc.nmae' (did you mean 'proc.name'?)" },
	{ "foo.bar.baz=1", 1, "unknown field 'foo.bar.baz' (see --list-fields)" },
	{ "bash = x", 6, "unexpected '=': expected 'and', 'or' or the end of the filter" },
	{ "(proc.name=a", 1, "unbalanced parenthesis: this '(' is never closed" },
	{ "proc.name=a)", 12, "unbalanced parenthesis: this ')' has no matching '('" },
	{ "((proc.name=a)", 1, "unbalanced parenthesis: this '(' is never closed" },
	{ "proc.name=a and", 16, "expected a condition after 'and'" },
	{ "proc.name=a and ", 17, "expected a condition after 'and'" },
	{ "proc.name=a or ", 16, "expected a condition after 'or'" },
	{ "proc.name=a andx proc.pid=1", 13, "expected a blank or '(' after 'and'" },
	{ "proc.name=a b", 13, "unexpected 'b': expected 'and', 'or' or the end of the filter" },
	{ "proc.name=a && proc.pid=1", 13, "unexpected '&&': expected 'and', 'or' or the end of the filter (write 'and' for '&&')" },
	{ "proc.name=a AND proc.pid=1", 13, "unexpected 'AND': expected 'and', 'or' or the end of the filter (and, or and not are lowercase)" },
	{ "not", 1, "expected a condition after 'not'" },
	{ "not ", 5, "expected a condition after 'not'" },
	{ "()", 2, "unexpected ')': expected a condition, like proc.name=bash" },
	{ "proc.name=\"abc", 11, "unterminated string: add the closing \"" },
	{ "proc.name='a\\qb'", 13, "unknown escape \\q: use \\\\ for a backslash, or one of \\b \\f \\n \\r \\t \\/ \\xHH" },
	{ "evt.type in (open", 13, "unbalanced parenthesis: this list is never closed with ')'" },
	{ "evt.type in 1open", 13, "expected a list after 'in', like (a, b)" },
	{ "evt.type in (a b)", 16, "unexpected 'b': expected ',' or ')' in the list" },
	{ "evt.type in (a,)", 16, "unexpected ')': expected a value in the list" },
	{ "evt.type in (val(evt.type))", 17, "unexpected '(': expected ',' or ')' in the list" },
	{ "proc.name[1]=a", 10, "'proc.name' takes no argument" },
	{ "proc.aname[x]=a", 12, "'proc.aname' takes a number in brackets, like proc.aname[1]" },
	{ "proc.aname[1=a", 15, "expected ']' to close the field argument" },
	{ "proc.env[]=a", 10, "expected a field argument inside '[ ]': a quoted string or a bare string" },
	{ "evt.arg=3", 8, "'evt.arg' needs an argument, like evt.arg.fd or evt.arg[0]" },
	{ "tolower(proc.name=a", 18, "expected ')' to close tolower( at column 1" },
	{ "val(proc.name)=a", 1, "val() belongs on the right of an operator: proc.name = val(proc.pname)" },
	{ "proc.name=val(proc.pname", 25, "expected ')' to close val( at column 11" },
	{ "proc.name=a or (proc.pid=1 x)", 28, "unexpected 'x': expected 'and', 'or' or ')'" },
	{ "proc.aname[99999999]=a", 12, "index 99999999 is too large (at most 1000000)" },
	{ "proc.name=a\nand proc.nmae=b", 5, "unknown field 'proc.nmae' (did you mean 'proc.name'?)" },
};

/* The input for a TAP line: control bytes would break the line. */
static const char *show(const char *s)
{
	static char buf[160];
	size_t n = 0;
	for (; *s && n + 4 < sizeof(buf); s++) {
		if ((unsigned char)*s < 0x20)
			n += (size_t)snprintf(buf + n, sizeof(buf) - n, "\\x%02x", *s);
		else
			buf[n++] = *s;
	}
	buf[n] = '\0';
	return buf;
}

static void test_good(void)
{
	for (size_t i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
		struct sg_diag d = { 0 };
		struct sg_ast *a = sg_parse(good[i].in, &d);
		if (!good[i].ast) {
			/* unknown fields are parse errors: the grammar alone is fine */
			t_check(!a && d.set && strstr(d.msg, "unknown field"),
				"parse %zu fails only on the field: %s", i, show(good[i].in));
			sg_ast_free(a);
			continue;
		}
		struct sg_strbuf b;
		sg_sb_init(&b);
		if (a)
			sg_ast_print(a, &b);
		T_STREQ(a ? sg_sb_cstr(&b) : d.msg, good[i].ast, "parse %zu: %s", i, show(good[i].in));
		sg_sb_free(&b);
		sg_ast_free(a);
	}
}

static void test_bad(void)
{
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct sg_diag d = { 0 };
		struct sg_ast *a = sg_parse(bad[i].in, &d);
		bool ok = !a && d.set && d.col == bad[i].col && !strcmp(d.msg, bad[i].msg);
		int line = strchr(bad[i].in, '\n') && strstr(bad[i].msg, "nmae") ? 2 : 1;
		ok = ok && d.line == line;
		if (!t_check(ok, "reject %zu: %s", i, show(bad[i].in)))
			t_note("got %d:%d '%s'", d.line, d.col, d.msg);
		sg_ast_free(a);
	}
}

/* 100-deep nesting of parentheses and of 'not(', and a long chain. */
static void test_deep(void)
{
	struct sg_strbuf b, want;
	sg_sb_init(&b);
	sg_sb_init(&want);
	for (int i = 0; i < 100; i++)
		sg_sb_puts(&b, "(");
	sg_sb_puts(&b, "proc.name=a");
	for (int i = 0; i < 100; i++)
		sg_sb_puts(&b, ")");
	struct sg_diag d = { 0 };
	struct sg_ast *a = sg_parse(sg_sb_cstr(&b), &d);
	t_check(a && a->kind == SG_AST_CMP, "100 nested parentheses");
	sg_ast_free(a);

	sg_sb_reset(&b);
	for (int i = 0; i < 101; i++)
		sg_sb_puts(&b, "not(");
	sg_sb_puts(&b, "proc.name=a");
	for (int i = 0; i < 101; i++)
		sg_sb_puts(&b, ")");
	a = sg_parse(sg_sb_cstr(&b), &d);
	t_check(a && a->kind == SG_AST_NOT, "101 nested not( is one not");
	sg_ast_free(a);

	sg_sb_reset(&b);
	for (int i = 0; i < SG_FILTER_MAX_DEPTH + 1; i++)
		sg_sb_puts(&b, "(");
	sg_sb_puts(&b, "proc.name=a");
	memset(&d, 0, sizeof(d));
	a = sg_parse(sg_sb_cstr(&b), &d);
	t_check(!a && strstr(d.msg, "nested deeper than"), "too deep is an error, not a crash");
	sg_ast_free(a);

	sg_sb_reset(&b);
	for (int i = 0; i < 1000; i++)
		sg_sb_printf(&b, "%sproc.pid=%d", i ? " or " : "", i);
	memset(&d, 0, sizeof(d));
	a = sg_parse(sg_sb_cstr(&b), &d);
	t_check(a && a->kind == SG_AST_OR && a->nkids == 1000, "1000-term or chain is flat");
	sg_ast_free(a);
	sg_sb_free(&b);
	sg_sb_free(&want);
}

int main(void)
{
	test_good();
	test_bad();
	test_deep();
	return t_done();
}
