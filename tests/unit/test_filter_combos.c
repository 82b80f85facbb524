/*
 * Every field of the catalogue against every operator and a range of right
 * sides (constants, lists, val(), transformed fields), plain and
 * transformed: the compiler must either accept the filter and build
 * bytecode the validator accepts, or reject it with a positioned message.
 * "internal error" means the checker let through what the compiler cannot
 * build.  Accepted filters also run once on a hand-built event.
 */
#include <stdlib.h>
#include <string.h>

#include "state/state.h"
#include "event/strbuf.h"
#include "event/syscalls.h"
#include "filter/ast.h"
#include "filter/filter.h"
#include "t.h"

/* A usable reference to field id: its name with an argument if it needs one. */
static void field_text(unsigned id, int form, char *buf, size_t size)
{
	const struct sg_field_info *f = &sg_fields[id];
	switch (f->argmode) {
	case SG_ARG_INDEX:
		snprintf(buf, size, "%s[1]", f->name);
		return;
	case SG_ARG_NAME:
		snprintf(buf, size, form ? "%s[0]" : "%s.fd", f->name);
		return;
	case SG_ARG_KEY:
		snprintf(buf, size, form ? "%s[HOME]" : "%s", f->name);
		return;
	case SG_ARG_OPTINDEX:
		snprintf(buf, size, form ? "%s[1]" : "%s", f->name);
		return;
	default:
		snprintf(buf, size, "%s", f->name);
	}
}

static const char *const rhs[] = {
	"",
	"x",
	"1",
	"-1",
	"true",
	"10.0.0.1",
	"10.0.0.0/8",
	"ssh",
	"openat",
	"2f657463",
	"'a*'",
	"()",
	"(a, 1)",
	"(openat, read)",
	"val(proc.name)",
	"val(proc.pid)",
	"val(fd.sip)",
	"val(fd.sport)",
	"val(evt.failed)",
	"val(evt.rawarg.fd)",
	"val(proc.aname[1])",
	"val(evt.type)",
	"tolower(proc.name)",
	"len(proc.name)",
	"b64(evt.buffer)",
	"basename(proc.exe)",
};

static const char *const lhs_xf[] = { "%s", "tolower(%s)", "len(%s)", "b64(%s)" };

static struct sg_event ev;

static void event_init(void)
{
	unsigned nr;
	memset(&ev, 0, sizeof(ev));
	ev.kind = SG_EV_SYSCALL;
	ev.def = sg_syscall_by_name("openat", &nr);
	ev.nr = (uint16_t)nr;
	ev.pid = ev.tid = 42;
	ev.res = 3;
	ev.fdnum = -1;
	strcpy(ev.comm, "combo");
	ev.nparams = ev.def->nparams;
	for (unsigned k = 0; k < ev.nparams; k++)
		ev.params[k].def = &ev.def->params[k];
}

/* 1 accepted, 0 rejected properly, -1 internal error (msg in *why). */
static int try(const char *text, struct sg_arena *a, struct sg_diag *d)
{
	memset(d, 0, sizeof(*d));
	d->what = "filter";
	struct sg_filter *f = sg_filter_compile(text, d);
	if (!f)
		return strncmp(d->msg, "internal error", 14) == 0 || d->col == 0 ? -1 : 0;
	sg_arena_reset(a);
	sg_filter_match(f, &ev, a);
	sg_filter_free(f);
	return 1;
}

static void test_combos(void)
{
	struct sg_arena a;
	struct sg_diag d;
	char field[128], lhs[160], text[400];
	unsigned accepted = 0, rejected = 0, bad = 0, total = 0;
	sg_arena_init(&a, 1 << 16);
	for (unsigned id = 0; id < SG_F_MAX; id++)
		for (int form = 0; form < 2; form++)
			for (size_t x = 0; x < sizeof(lhs_xf) / sizeof(lhs_xf[0]); x++)
				for (int op = 0; op < SG_CMP_MAX; op++)
					for (size_t r = 0; r < sizeof(rhs) / sizeof(rhs[0]); r++) {
						field_text(id, form, field, sizeof(field));
						snprintf(lhs, sizeof(lhs), lhs_xf[x], field);
						snprintf(text, sizeof(text), "%s %s %s", lhs,
							 sg_cmpop_names[op], rhs[r]);
						total++;
						int got = try(text, &a, &d);
						accepted += got == 1;
						rejected += got == 0;
						if (got < 0 && bad++ < 20)
							T_OK(0, "no internal error: %s (%s)", text, d.msg);
					}
	sg_arena_free(&a);
	T_OK(bad == 0, "%u of %u combinations without an internal error or position", total - bad,
	     total);
	t_note("%u accepted, %u rejected with a position", accepted, rejected);
	/* the enumeration must exercise both sides, or it proves nothing */
	T_OK(accepted > 1000 && rejected > 1000, "both accepted and rejected combinations");
}

/* The cases that used to be internal errors, by name: libs refuses them
 * (EPF_NO_RHS), with a position; and the multi-value transformers run. */
static void test_known(void)
{
	static const char *const refused[] = {
		"proc.aname=val(proc.name)",
		"fd.ip=val(fd.sip)",
		"proc.aname = tolower(proc.name)",
		"fd.port > val(fd.sport)",
		"proc.apid < val(proc.pid)",
		"fd.net = val(fd.cip)",
		"proc.aname contains val(proc.name)",
	};
	static const char *const run[] = {
		"join(\"-\", (proc.name, fd.name, proc.aname[1])) = x",
		"getopt((proc.args[1], \"-x\"), \"x:\") intersects (a)",
		"len(getopt((\"-a\", \"-b\"), \"ab\")) = 2",
		"concat(proc.name, toupper(fd.name)) contains val(proc.name)",
	};
	struct sg_arena a;
	struct sg_diag d;
	sg_arena_init(&a, 1 << 16);
	for (size_t i = 0; i < sizeof(refused) / sizeof(refused[0]); i++)
		T_OK(try(refused[i], &a, &d) == 0, "refused with a position: %s (%s)", refused[i],
		     d.msg);
	for (size_t i = 0; i < sizeof(run) / sizeof(run[0]); i++)
		T_OK(try(run[i], &a, &d) == 1, "compiles and runs: %s (%s)", run[i], d.msg);
	sg_arena_free(&a);
}

static bool match(const char *text, struct sg_event *e, struct sg_arena *a)
{
	struct sg_diag d = { .what = "filter" };
	struct sg_filter *f = sg_filter_compile(text, &d);
	if (!f)
		return false;
	sg_arena_reset(a);
	bool m = sg_filter_match(f, e, a);
	sg_filter_free(f);
	return m;
}

/* evt.type against constants is decided per syscall def and remembered
 * (FTYPE): over every syscall, twice (the second time from the memo), it
 * must agree with the same comparison made on the text (tolower(evt.type)
 * is compiled to a plain FIELD XFORM CMP). */
static void test_type_memo(void)
{
	static const char *const conds[] = {
		"= openat", "!= openat", "startswith open", "glob '*at'", "in (read, write, procexit)",
		"regex 'e.*e'", "contains e", "icontains AT", "pmatch (open)", "endswith 64",
	};
	struct sg_arena a;
	struct sg_diag d = { .what = "filter" };
	char t1[128], t2[128];
	unsigned bad = 0, n = 0;
	sg_arena_init(&a, 1 << 16);
	for (size_t c = 0; c < sizeof(conds) / sizeof(conds[0]); c++) {
		snprintf(t1, sizeof(t1), "evt.type %s", conds[c]);
		snprintf(t2, sizeof(t2), "tolower(evt.type) %s", conds[c]);
		struct sg_filter *f1 = sg_filter_compile(t1, &d), *f2 = sg_filter_compile(t2, &d);
		T_OK(f1 && f2, "compiles: %s", t1);
		for (int pass = 0; pass < 2 && f1 && f2; pass++)
			for (unsigned nr = 0; nr <= sg_syscall_count(); nr++) {
				struct sg_event e = ev;
				e.def = nr < sg_syscall_count() ? sg_syscall_by_nr(nr) : &sg_procexit_def;
				if (!e.def)
					continue;
				sg_arena_reset(&a);
				bool m1 = sg_filter_match(f1, &e, &a);
				sg_arena_reset(&a);
				bool m2 = sg_filter_match(f2, &e, &a);
				n++;
				if (m1 != m2 && bad++ < 10)
					T_OK(0, "%s on %s: %d, on the text %d", t1, e.def->name, m1, m2);
			}
		sg_filter_free(f1);
		sg_filter_free(f2);
	}
	T_OK(bad == 0 && n > 1000, "evt.type memo agrees with text comparison (%u events)", n);
	/* no def: no evt.type, so '!=' is false too */
	struct sg_event e = ev;
	e.def = NULL;
	T_OK(!match("evt.type != openat", &e, &a), "no def: evt.type != x is false");
	sg_arena_free(&a);
}

/* The specialised getters agree with the general one; comm of every
 * length, with junk after the NUL and without a NUL at all. */
static void test_getters(void)
{
	static const unsigned ids[] = { SG_F_PROC_NAME, SG_F_PROC_PID, SG_F_THREAD_TID,
					 SG_F_USER_UID, SG_F_FD_NAME, SG_F_EVT_TYPE };
	struct sg_fd fd = { .num = 3, .type = SG_FDT_FILE, .name = "/etc/passwd" };
	struct sg_arena a;
	unsigned bad = 0;
	sg_arena_init(&a, 4096);
	for (int len = 0; len <= 16; len++)
		for (int withfd = 0; withfd < 3; withfd++) {
			struct sg_event e = ev;
			memset(e.comm, 'x', sizeof(e.comm));
			memcpy(e.comm, "abcdefghijklmnop", (size_t)len);
			if (len < 16)
				e.comm[len] = '\0';
			e.fd = withfd ? &fd : NULL;
			e.fdnum = withfd == 1 ? 3 : -1;
			fd.name = withfd == 2 ? NULL : "/etc/passwd";
			for (size_t i = 0; i < sizeof(ids) / sizeof(ids[0]); i++) {
				struct sg_fieldref r = { .id = (uint16_t)ids[i], .index = -1 };
				struct sg_value v1 = { 0 }, v2 = { 0 };
				bool p1 = sg_field_get(&e, &r, &v1, &a);
				bool p2 = sg_field_getter(&r)(&e, &r, &v2, &a);
				bool same = p1 == p2 && (!p1 || (v1.type == v2.type && v1.u == v2.u &&
								  v1.s.len == v2.s.len));
				if (!same && bad++ < 10)
					T_OK(0, "getter of %s, comm length %d, fd %d", sg_fields[ids[i]].name,
					     len, withfd);
			}
		}
	T_OK(bad == 0, "specialised getters agree with sg_field_get");
	sg_arena_free(&a);
}

int main(void)
{
	sg_syscalls_init();
	event_init();
	test_known();
	test_combos();
	test_type_memo();
	test_getters();
	return t_done();
}
