/* Checking, compiling, validating and pushdown of filters; the field
 * reference parser; glob against fnmatch(3); constant parsers. */
#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "event/syscalls.h"
#include "filter/bytecode.h"
#include "filter/filter.h"
#include "filter/values.h"
#include "t.h"

static const char *show(const char *s)
{
	static char buf[200];
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

/* ---- type errors found at compile time --------------------------------- */

static const struct {
	const char *in;
	int col;
	const char *msg;
} rejected[] = {
	{ "proc.pid contains 3", 10, "'contains' cannot compare the number field 'proc.pid' (use =, !=, <, <=, >, >=, in or exists)" },
	{ "evt.type=exceve", 10, "unknown syscall 'exceve' (did you mean 'execve'?)" },
	{ "proc.name=averylongname_over15", 1, "this filter can never match: proc.name is the kernel's comm: at most 15 bytes, no NUL" },
	{ "evt.type=openat and proc.name in (averylongname_over15, \"sixteen bytes ..\")", 21, "this filter can never match: proc.name is the kernel's comm: at most 15 bytes, no NUL" },
	{ "proc.pid=1 and proc.name=\"a\\x00b\"", 26, "a filter value cannot contain a NUL byte (\\x00), except for a buffer like evt.buffer" },
	{ "evt.type=open and evt.arg.nosuch=x", 27, "unknown event argument 'nosuch': no syscall sysgrep decodes has it (sysgrep --list-events shows them)" },
	{ "evt.arg.nmae=x", 9, "unknown event argument 'nmae' (did you mean 'name'?)" },
	{ "evt.arg[nmae] exists", 9, "unknown event argument 'nmae' (did you mean 'name'?)" },
	{ "proc.name=x and evt.rawarg.flgs=1", 28, "unknown event argument 'flgs' (did you mean 'flags'?)" },
	{ "proc.name = val(evt.arg.nosuch)", 25, "unknown event argument 'nosuch': no syscall sysgrep decodes has it (sysgrep --list-events shows them)" },
	{ "evt.type in (open, opnat)", 20, "unknown syscall 'opnat' (did you mean 'openat'?)" },
	{ "evt.type=zzzzzzzzzz", 10, "unknown syscall 'zzzzzzzzzz' (sysgrep --list-events shows them)" },
	{ "evt.type=exit_group", 1,
	  "this filter can never match: exit and exit_group never return, so no event shows them: "
	  "a process's end is evt.type=procexit" },
	{ "evt.type intersects (exit)", 1,
	  "this filter can never match: exit and exit_group never return, so no event shows them: "
	  "a process's end is evt.type=procexit" },
	{ "evt.type=open and evt.type=close", 1, "this filter can never match: no event type satisfies its conditions on evt.type" },
	{ "proc.name=x and (evt.type=open and evt.type=close)", 18, "this filter can never match: no event type satisfies its conditions on evt.type" },
	{ "evt.type in (open) and not evt.type in (open, close)", 1, "this filter can never match: no event type satisfies its conditions on evt.type" },
	{ "proc.pid=1 and proc.pid=2", 16, "this filter can never match: its conditions on proc.pid cannot all hold" },
	{ "proc.pid=abc", 10, "'abc' is not a number: 'proc.pid' compares whole numbers (like 42 or -1)" },
	{ "proc.pid=1.5", 10, "'1.5' is not a number: 'proc.pid' compares whole numbers (like 42 or -1)" },
	/* libs: proc.pid is signed, so -1 is a value (that no process has) */
	{ "proc.pid=-1 and proc.pid=2", 1, "this filter can never match: its conditions on proc.pid cannot all hold" },
	{ "proc.pid=18446744073709551616", 10, "'18446744073709551616' is not a number: 'proc.pid' compares whole numbers (like 42 or -1)" },
	{ "fd.num=9223372036854775808", 8, "9223372036854775808 is out of range for 'fd.num' (a signed 64-bit number)" },
	{ "fd.sport=nosuchservice", 10, "'nosuchservice' is not a port number or a known service name (like ssh, http)" },
	{ "fd.sport=70000", 10, "70000 is out of range for 'fd.sport' (0 to 65535)" },
	{ "evt.failed=yes", 12, "'yes' is not a bool: 'evt.failed' is true or false" },
	{ "evt.failed contains t", 12, "'contains' cannot compare the bool field 'evt.failed' (use =, !=, in or exists)" },
	{ "fd.sip=300.1.1.1", 8, "'300.1.1.1' is not an IP address or network (like 10.0.0.1, 10.0.0.0/8 or fe80::/10)" },
	{ "fd.net=10.0.0.0/33", 8, "'10.0.0.0/33' is not an IP address or network (like 10.0.0.1, 10.0.0.0/8 or fe80::/10)" },
	{ "fd.sip startswith 10", 8, "'startswith' cannot compare the IP address field 'fd.sip' (use =, !=, in or exists)" },
	{ "proc.name regex 'a(b'", 21, "bad regex: missing closing parenthesis" },
	{ "proc.name regex '[z-a]'", 21, "bad regex: range out of order in character class" },
	{ "proc.name bcontains 41", 11, "'bcontains' cannot compare the string field 'proc.name' (use contains or startswith on strings)" },
	{ "evt.buffer bcontains xyz", 22, "'bcontains' takes bytes in hex, like 2f657463 for \"/etc\"" },
	{ "evt.buffer glob x*", 12, "'glob' cannot compare the buffer field 'evt.buffer' (use =, !=, contains, bcontains, startswith, bstartswith, endswith, in or exists)" },
	{ "len(proc.name) contains 3", 16, "'contains' cannot compare the number 'len(proc.name)' (use =, !=, <, <=, >, >=, in or exists)" },
	{ "tolower(proc.pid)=1", 1, "tolower() cannot take the number 'proc.pid': it works on strings" },
	{ "len(len(proc.name))=1", 1, "len() cannot take the number 'len(proc.name)': it works on strings and buffers" },
	{ "tolower(proc.aname)=a", 9, "'proc.aname' has several values per event, so it cannot be transformed: pick one, like proc.aname[1]" },
	{ "proc.name=val(proc.aname)", 15, "'proc.aname' has several values per event, so it cannot be a right-hand side field: pick one, like proc.aname[1]" },
	{ "proc.name=val(fd.ip)", 15, "'fd.ip' has several values per event, so it cannot be a right-hand side field" },
	{ "proc.pid=val(proc.name)", 10, "cannot compare the number 'proc.pid' with the string 'proc.name'" },
	{ "proc.name regex val(proc.pname)", 17, "'regex' needs constants on its right, not a field" },
	{ "fd.ip contains 1", 7, "'contains' cannot compare the IP address field 'fd.ip' (use =, !=, in or exists)" },
};

static void test_rejected(void)
{
	for (size_t i = 0; i < sizeof(rejected) / sizeof(rejected[0]); i++) {
		struct sg_diag d = { 0 };
		struct sg_filter *f = sg_filter_compile(rejected[i].in, &d);
		/* a filter that can never match compiles, with a warning (Falco
		 * loads such rules): the table gives its message after "warning: " */
		const struct sg_diag *w = sg_filter_warning(f);
		if (w && !strncmp(w->msg, "warning: ", 9)) {
			d = *w;
			memmove(d.msg, d.msg + 9, strlen(d.msg + 9) + 1);
		}
		bool ok = (!f || w) && d.set && d.col == rejected[i].col && !strcmp(d.msg, rejected[i].msg);
		if (!t_check(ok, "reject %zu: %s", i, show(rejected[i].in)))
			t_note("got %d:%d '%s'", d.line, d.col, d.msg);
		sg_filter_free(f);
	}
}

/* ---- listings ------------------------------------------------------------- */

static char *dump(const char *text)
{
	struct sg_diag d = { 0 };
	struct sg_filter *f = sg_filter_compile(text, &d);
	if (!f)
		return strdup(d.msg);
	char *buf = NULL;
	size_t len = 0;
	FILE *m = open_memstream(&buf, &len);
	sg_filter_dump(f, m);
	fclose(m);
	sg_filter_free(f);
	return buf;
}

static const struct {
	const char *in;
	const char *listing;
} listings[] = {
	{ "evt.type=openat and proc.name=bash and fd.name startswith /etc",
	  "0000 ftype    evt.type = \"openat\"\n"
	  "0001 jf       0005\n"
	  "0002 fcmp     proc.name = \"bash\"\n"
	  "0003 jf       0005\n"
	  "0004 fcmp     fd.name startswith \"/etc\"\n"
	  "0005 ret\n"
	  "pushdown:\n"
	  "  syscalls: 1 of N: openat\n"
	  "  procexit: no\n"
	  "  proc.name in (\"bash\")\n"
	  "  state: proc no, fd yes\n" },
	{ "proc.pid=1 or not (proc.name=a and proc.pid in (3, 2, 0x10))",
	  "0000 fcmp     proc.pid = 1\n"
	  "0001 jt       0006\n"
	  "0002 fcmp     proc.name = \"a\"\n"
	  "0003 jf       0005\n"
	  "0004 fcmp     proc.pid in (3, 2, 16)\n"
	  "0005 not\n"
	  "0006 ret\n"
	  "pushdown:\n"
	  "  syscalls: all\n"
	  "  procexit: yes\n"
	  "  state: proc no, fd no\n" },
	{ "proc.aname=bash and fd.ip != 10.0.0.0/8 and proc.cwd exists",
	  "0000 cmpany   proc.aname = \"bash\"\n"
	  "0001 jf       0006\n"
	  "0002 cmpany   fd.ip != 10.0.0.0/8\n"
	  "0003 jf       0006\n"
	  "0004 field    proc.cwd\n"
	  "0005 exists\n"
	  "0006 ret\n"
	  "pushdown:\n"
	  "  syscalls: all\n"
	  "  procexit: yes\n"
	  "  state: proc yes, fd yes\n" },
	{ "proc.name = oneof (a, b) or join(\"-\", (proc.name, fd.name)) = x",
	  "0000 fcmp     proc.name = oneof (\"a\", \"b\")\n"
	  "0001 jt       0003\n"
	  "0002 mvcmp    (join \"-\" (list proc.name fd.name)) = \"x\"\n"
	  "0003 ret\n"
	  "pushdown:\n"
	  "  syscalls: all\n"
	  "  procexit: yes\n"
	  "  state: proc no, fd yes\n" },
	{ "tolower(proc.name) = val(proc.pname) and fd.sport=ssh and evt.failed=true",
	  "0000 field    proc.name\n"
	  "0001 xform    tolower\n"
	  "0002 field    proc.pname\n"
	  "0003 cmpv     =\n"
	  "0004 jf       0008\n"
	  "0005 fcmp     fd.sport = 22\n"
	  "0006 jf       0008\n"
	  "0007 fcmp     evt.failed = true\n"
	  "0008 ret\n"
	  "pushdown:\n"
	  "  syscalls: all\n"
	  "  procexit: yes\n"
	  "  state: proc yes, fd yes\n" },
	{ "",
	  "0000 true\n"
	  "0001 ret\n"
	  "pushdown:\n"
	  "  syscalls: all\n"
	  "  procexit: yes\n"
	  "  state: proc no, fd no\n" },
	{ "evt.type=procexit and proc.pid in (1, 2) and thread.tid=2 and user.uid=0",
	  "0000 ftype    evt.type = \"procexit\"\n"
	  "0001 jf       0007\n"
	  "0002 fcmp     proc.pid in (1, 2)\n"
	  "0003 jf       0007\n"
	  "0004 fcmp     thread.tid = 2\n"
	  "0005 jf       0007\n"
	  "0006 fcmp     user.uid = 0\n"
	  "0007 ret\n"
	  "pushdown:\n"
	  "  syscalls: 0 of N:\n"
	  "  procexit: yes\n"
	  "  proc.pid in (1, 2)\n"
	  "  thread.tid in (2)\n"
	  "  user.uid in (0)\n"
	  "  state: proc no, fd no\n" },
	{ "len(proc.name) > 3 and proc.name regex 'b.*h' and evt.type in (open, openat, read)",
	  "0000 field    proc.name\n"
	  "0001 xform    len\n"
	  "0002 cmp      > 3\n"
	  "0003 jf       0007\n"
	  "0004 fcmp     proc.name regex \"b.*h\"\n"
	  "0005 jf       0007\n"
	  "0006 ftype    evt.type in (\"open\", \"openat\", \"read\")\n"
	  "0007 ret\n"
	  "pushdown:\n"
	  "  syscalls: 3 of N: read open openat\n"
	  "  procexit: no\n"
	  "  state: proc no, fd no\n" },
};

/* "N of 362" depends on the architecture: write it as N. */
static void normalize(char *s)
{
	char *p = strstr(s, " of ");
	if (!p)
		return;
	char *q = p + 4;
	while (*q >= '0' && *q <= '9')
		q++;
	memmove(p + 5, q, strlen(q) + 1);
	p[4] = 'N';
}

static void test_listings(void)
{
	for (size_t i = 0; i < sizeof(listings) / sizeof(listings[0]); i++) {
		char *got = dump(listings[i].in);
		normalize(got);
		T_STREQ(got, listings[i].listing, "listing %zu: %s", i, listings[i].in);
		free(got);
	}
}

/* ---- the validator rejects broken programs ------------------------------ */

static void test_validator(void)
{
	struct sg_diag d = { 0 };
	/* 0 field, 1 xform, 2 cmp, 3 jf 7, 4 field, 5 xform, 6 cmp, 7 ret */
	struct sg_filter *f = sg_filter_compile("tolower(proc.name)=a and len(proc.exe)=1", &d);
	t_check(f != NULL, "compile for the validator tests");
	if (!f)
		return;
	/* the filter's program is the first member of struct sg_filter */
	struct sg_prog *p = (struct sg_prog *)f;
	uint32_t pc;
	t_check(sg_validate(p, &pc) == NULL && p->ncode == 8, "a compiled program validates");
	struct sg_insn save[16];
	memcpy(save, p->code, p->ncode * sizeof(*p->code));
	static const struct {
		uint32_t pc;
		struct sg_insn in;
		const char *why;
	} breaks[] = {
		{ 0, { SG_OP_MAX, 0, 0, 0 }, "bad opcode" },
		{ 0, { SG_OP_FIELD, 0, 9, 0 }, "bad field slot" },
		{ 2, { SG_OP_CMP, 0, 0, 99 }, "bad operator or constant" },
		{ 2, { SG_OP_CMP, SG_CMP_REGEX, 0, 0 }, "regex operator without a regex" },
		{ 2, { SG_OP_CMP, SG_CMP_EXISTS, 0, 0 }, "exists takes no constant" },
		{ 3, { SG_OP_JF, 0, 0, 1 }, "jump not forward or out of range" },
		{ 3, { SG_OP_JF, 0, 0, 99 }, "jump not forward or out of range" },
		{ 3, { SG_OP_NOT, 0, 0, 0 }, "values left on the stack at ret" },
		{ 2, { SG_OP_NOT, 0, 0, 0 }, "expected a boolean on the stack" },
		{ 0, { SG_OP_CMP, SG_CMP_EQ, 0, 0 }, "stack underflow" },
		{ 7, { SG_OP_TRUE, 0, 0, 0 }, "program does not end with ret" },
		{ 6, { SG_OP_FIELD, 0, 0, 0 }, "paths join with different stacks" },
		{ 3, { SG_OP_RET, 0, 0, 0 }, "unreachable instruction" },
		{ 1, { SG_OP_XFORM, 77, 0, 0 }, "bad transformer" },
		{ 2, { SG_OP_CMPV, SG_CMP_PMATCH, 0, 0 }, "bad operator for two values" },
		{ 2, { SG_OP_FCMP, SG_CMP_EQ, 0, 0 }, "values left on the stack at ret" },
		{ 2, { SG_OP_CMPANY, SG_CMP_EQ, 0, 0 }, "bad any-of field slot" },
		{ 2, { SG_OP_CMPANYV, SG_CMP_EQ, 0, 0 }, "bad any-of field slot" },
		{ 0, { SG_OP_FCMP, SG_CMP_EQ, 7, 0 }, "bad field slot" },
	};
	for (size_t i = 0; i < sizeof(breaks) / sizeof(breaks[0]); i++) {
		p->code[breaks[i].pc] = breaks[i].in;
		const char *why = sg_validate(p, &pc);
		if (!t_check(why && !strcmp(why, breaks[i].why), "validator catches: %s",
			     breaks[i].why))
			t_note("got '%s'", why ? why : "(valid)");
		memcpy(p->code, save, p->ncode * sizeof(*p->code));
	}
	sg_filter_free(f);
}

/* ---- pushdown ------------------------------------------------------------- */

static bool sel(const struct sg_pushdown *pd, const char *name)
{
	unsigned nr;
	if (!sg_syscall_by_name(name, &nr) || nr == SG_NR_NONE || nr >= SG_MAX_SYSCALLS)
		return false;
	return pd->sel[nr] != 0;
}

/* A syscall an event can show: named, and returning (exit and exit_group
 * never reach sys_exit). */
static bool showable(unsigned nr)
{
	const struct sg_syscall_def *d = sg_syscall_by_nr(nr);
	return sg_syscall_name(nr) && !(d && (d->flags & SG_SC_NORETURN));
}

static unsigned nsel(const struct sg_pushdown *pd)
{
	unsigned n = 0;
	for (unsigned nr = 0; nr < SG_MAX_SYSCALLS; nr++)
		n += pd->sel[nr] && showable(nr);
	return n;
}

static unsigned named(void)
{
	unsigned n = 0;
	for (unsigned nr = 0; nr < SG_MAX_SYSCALLS && nr < sg_syscall_count(); nr++)
		n += showable(nr);
	return n;
}

static void test_pushdown(void)
{
	static const struct {
		const char *in;
		int count;      /* -1: all named syscalls */
		const char *yes, *no;
		bool procexit;
		uint32_t npid, ncomm, nuid, ntid;
		bool pstate, fstate;
	} cases[] = {
		{ "evt.type=openat", 1, "openat", "open", false, 0, 0, 0, 0, false, false },
		{ "evt.type in (open, openat) and proc.name=bash", 2, "open", "read", false, 0, 1, 0, 0, false, false },
		{ "evt.type=open or evt.type=close", 2, "close", "read", false, 0, 0, 0, 0, false, false },
		{ "not evt.type=open", -2, "read", "open", true, 0, 0, 0, 0, false, false },
		/* a list may name a call that never returns: it selects the others */
		{ "evt.type in (open, exit_group)", 1, "open", "exit_group", false, 0, 0, 0, 0, false, false },
		{ "not evt.type = exit", -1, "read", "exit", true, 0, 0, 0, 0, false, false },
		{ "not (evt.type=open and proc.name=x)", -1, "open", NULL, true, 0, 0, 0, 0, false, false },
		{ "evt.type=open or proc.name=x", -1, "read", NULL, true, 0, 0, 0, 0, false, false },
		{ "evt.type != open", -2, "read", "open", true, 0, 0, 0, 0, false, false },
		{ "evt.type startswith open and evt.type endswith at", 2, "open_by_handle_at", "open", false, 0, 0, 0, 0, false, false },
		{ "evt.type glob 'execve*'", 2, "execveat", "open", false, 0, 0, 0, 0, false, false },
		{ "evt.type regex 'exec.*'", 2, "execve", "open", false, 0, 0, 0, 0, false, false },
		{ "evt.type=procexit", 0, NULL, "open", true, 0, 0, 0, 0, false, false },
		{ "proc.pid in (1, 2, 3) and proc.pid in (3, 4)", -1, "open", NULL, true, 1, 0, 0, 0, false, false },
		{ "proc.pid=1 or proc.pid=2", -1, "open", NULL, true, 0, 0, 0, 0, false, false },
		{ "not proc.pid=1", -1, "open", NULL, true, 0, 0, 0, 0, false, false },
		{ "proc.pid in (1,2,3,4,5,6,7,8,9)", -1, "open", NULL, true, 0, 0, 0, 0, false, false },
		/* a name longer than a comm can never be one: only bash is pushed */
		{ "proc.name in (averyveryverylongname, bash)", -1, "open", NULL, true, 0, 1, 0, 0, false, false },
		{ "proc.name != averyveryverylongname", -1, "open", NULL, true, 0, 0, 0, 0, false, false },
		{ "proc.name in (bash, sh) and user.uid=0 and thread.tid=5", -1, "open", NULL, true, 0, 2, 1, 1, false, false },
		{ "proc.cwd=/ and fd.name=x", -1, "open", NULL, true, 0, 0, 0, 0, true, true },
		{ "proc.name=val(proc.pname)", -1, "open", NULL, true, 0, 0, 0, 0, true, false },
		{ "tolower(evt.type)=open", -1, "open", NULL, true, 0, 0, 0, 0, false, false },
	};
	unsigned all = named();
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct sg_diag d = { 0 };
		struct sg_pushdown pd;
		struct sg_filter *f = sg_filter_compile(cases[i].in, &d);
		if (!t_check(f != NULL, "pushdown %zu compiles: %s", i, cases[i].in)) {
			t_note("%s", d.msg);
			continue;
		}
		sg_filter_pushdown(f, &pd);
		unsigned want = cases[i].count == -1 ? all
				: cases[i].count == -2 ? all - 1 : (unsigned)cases[i].count;
		bool ok = nsel(&pd) == want && pd.procexit == cases[i].procexit && !pd.never;
		ok = ok && (!cases[i].yes || sel(&pd, cases[i].yes));
		ok = ok && (!cases[i].no || !sel(&pd, cases[i].no));
		ok = ok && pd.npid == cases[i].npid && pd.ncomm == cases[i].ncomm &&
		     pd.nuid == cases[i].nuid && pd.ntid == cases[i].ntid;
		ok = ok && pd.uses_proc_state == cases[i].pstate && pd.uses_fd_state == cases[i].fstate;
		if (!t_check(ok, "pushdown %zu: %s", i, cases[i].in))
			t_note("sel %u/%u procexit %d pid %u comm %u uid %u tid %u state %d %d",
			       nsel(&pd), want, pd.procexit, pd.npid, pd.ncomm, pd.nuid, pd.ntid,
			       pd.uses_proc_state, pd.uses_fd_state);
		sg_filter_free(f);
	}
	struct sg_pushdown pd;
	sg_filter_pushdown(NULL, &pd);
	t_check(nsel(&pd) == all && pd.procexit && !pd.npid, "no filter: everything");
}

/* ---- field references ----------------------------------------------------- */

static void test_fieldrefs(void)
{
	static const struct {
		const char *in;
		int used;
		const char *name;
	} refs[] = {
		{ "proc.name", 9, "proc.name" },
		{ "proc.name:x", 9, "proc.name" },
		{ "proc.name.", 9, "proc.name" },
		{ "evt.time.s rest", 10, "evt.time.s" },
		{ "evt.time)", 8, "evt.time" },
		{ "evt.arg.fd", 10, "evt.arg.fd" },
		{ "evt.arg[0]", 10, "evt.arg[0]" },
		{ "evt.arg[fd]", 11, "evt.arg.fd" },
		{ "evt.rawarg.res<0", 14, "evt.rawarg.res" },
		{ "proc.aname[2]", 13, "proc.aname[2]" },
		{ "proc.aname", 10, "proc.aname" },
		{ "proc.env[HOME]", 14, "proc.env[HOME]" },
		{ "proc.env", 8, "proc.env" },
		{ "proc.args[1]", 12, "proc.args[1]" },
		{ "fd.name%", 7, "fd.name" },
	};
	for (size_t i = 0; i < sizeof(refs) / sizeof(refs[0]); i++) {
		struct sg_fieldref r;
		struct sg_diag d = { 0 };
		char name[64];
		int used = sg_fieldref_parse(refs[i].in, refs[i].in, &r, &d);
		if (used > 0)
			sg_fieldref_name(&r, name, sizeof(name));
		bool ok = used == refs[i].used && !strcmp(name, refs[i].name);
		if (!t_check(ok, "fieldref %zu: %s", i, refs[i].in))
			t_note("used %d '%s'", used, used > 0 ? name : d.msg);
	}
	struct sg_fieldref r;
	struct sg_diag d = { 0 };
	const char *base = "%proc.nmae";
	t_check(sg_fieldref_parse(base, base + 1, &r, &d) == -1 && d.col == 2 &&
		!strcmp(d.msg, "unknown field 'proc.nmae' (did you mean 'proc.name'?)"),
		"fieldref error position is relative to base");
	char small[6];
	sg_fieldref_parse("proc.aname[12]", "proc.aname[12]", &r, &d);
	sg_fieldref_name(&r, small, sizeof(small));
	t_check(!strcmp(small, "proc."), "fieldref name is bounded");
	t_check(sg_field_lookup("fd.name", 7) == SG_F_FD_NAME && sg_field_lookup("fd.nam", 6) < 0,
		"field lookup is exact");
	t_check(sg_field_suggest("xyzzy.plugh", 11) == NULL, "no suggestion for nonsense");
	t_check(!strcmp(sg_field_suggest("fd.nmae", 7), "fd.name"), "suggestion for a transposition");
}

/* ---- glob: same answers as fnmatch(pattern, text, 0) --------------------- */

static void test_glob(void)
{
	static const char *pats[] = {
		"*", "?", "a*", "*a", "a?c", "*.so", "/etc/*", "/etc/*/x", "[abc]", "[!abc]",
		"[^abc]", "[a-c]x", "[]a]", "[!]a]", "\\*", "a\\?", "[[:digit:]]*", "[[:alpha:]]?",
		"**a**", "*a*b*c", "[a-", "[", "a[", "*[", "x\\", "[\\]]", "[a\\-z]", "?*?",
		"/usr/lib/*.so.*", "[[:upper:][:digit:]]", "",
	};
	static const char *texts[] = {
		"", "a", "b", "abc", "aXc", "libc.so", "/etc/passwd", "/etc/a/x", "/etc/a/b/x",
		"]", "*", "a?", "5x", "x5", "xa", "aaa", "axbxc", "[", "a[", "x\\", "-", "A", "1b",
		"/usr/lib/libz.so.1", "ab", "Bx", "bX", "B", "Z",
	};
	int bad = 0, total = 0;
	for (size_t i = 0; i < sizeof(pats) / sizeof(pats[0]); i++) {
		for (size_t j = 0; j < sizeof(texts) / sizeof(texts[0]); j++) {
			for (int icase = 0; icase < 2; icase++) {
				bool want = fnmatch(pats[i], texts[j], icase ? FNM_CASEFOLD : 0) == 0;
				bool got = sg_glob(pats[i], (uint32_t)strlen(pats[i]), texts[j],
						   (uint32_t)strlen(texts[j]), icase);
				total++;
				if (got != want) {
					bad++;
					t_note("glob '%s' '%s' icase %d: got %d want %d", pats[i],
					       texts[j], icase, got, want);
				}
			}
		}
	}
	t_check(bad == 0, "glob agrees with fnmatch on %d cases", total);
	t_check(sg_glob("a*", 2, "a\0b", 3, false) && !sg_glob("a", 1, "a\0b", 3, false),
		"glob sees bytes after a NUL");
	/* no exponential blow-up on many stars */
	char text[4001];
	memset(text, 'a', 4000);
	text[4000] = '\0';
	t_check(!sg_glob("*a*a*a*a*a*a*a*a*b", 18, text, 4000, false), "many stars stay fast");
}

/* ---- constants ------------------------------------------------------------ */

static void test_values(void)
{
	__int128 n;
	t_check(sg_parse_int("0x10", 4, &n) && n == 16, "hex number");
	t_check(sg_parse_int("-42", 3, &n) && n == -42, "negative number");
	t_check(sg_parse_int("18446744073709551615", 20, &n) && n == (__int128)UINT64_MAX, "u64 max");
	t_check(!sg_parse_int("0x", 2, &n) && !sg_parse_int("", 0, &n) && !sg_parse_int("1a", 2, &n),
		"not numbers");
	uint8_t fam, addr[16], pfx;
	t_check(sg_parse_net("10.1.2.3", 8, &fam, addr, &pfx) && fam == 4 && pfx == 32 &&
		addr[0] == 10 && addr[3] == 3, "IPv4 address");
	t_check(sg_parse_net("fe80::/10", 9, &fam, addr, &pfx) && fam == 6 && pfx == 10 &&
		addr[0] == 0xfe, "IPv6 network");
	t_check(!sg_parse_net("10.0.0.0/", 9, &fam, addr, &pfx) &&
		!sg_parse_net("::1/129", 7, &fam, addr, &pfx) &&
		!sg_parse_net("1.2.3.4\0", 8, &fam, addr, &pfx), "bad networks");
	char *b;
	uint32_t bl;
	t_check(sg_parse_hexbytes("00ff41", 6, &b, &bl) && bl == 3 && !memcmp(b, "\0\xff" "A", 3),
		"hex bytes");
	free(b);
	t_check(!sg_parse_hexbytes("0", 1, &b, &bl) && !sg_parse_hexbytes("zz", 2, &b, &bl),
		"bad hex bytes");
	t_check(sg_service_port_in("/nonexistent", "ssh", 3) == 22 &&
		sg_service_port_in("/nonexistent", "https", 5) == 443 &&
		sg_service_port_in("/nonexistent", "nope", 4) == -1, "built-in services");
	char path[] = "/tmp/sg-services-XXXXXX";
	int fd = mkstemp(path);
	FILE *fp = fd >= 0 ? fdopen(fd, "w") : NULL;
	if (fp) {
		fputs("# comment\nmyproto\t\t12345/tcp  alias1 alias2 # x\nssh 2222/tcp\n", fp);
		fclose(fp);
	}
	t_check(sg_service_port_in(path, "myproto", 7) == 12345 &&
		sg_service_port_in(path, "alias2", 6) == 12345 &&
		sg_service_port_in(path, "ssh", 3) == 2222, "services file wins");
	unlink(path);
}

int main(void)
{
	sg_syscalls_init();
	test_rejected();
	test_listings();
	test_validator();
	test_pushdown();
	test_fieldrefs();
	test_glob();
	test_values();
	return t_done();
}
