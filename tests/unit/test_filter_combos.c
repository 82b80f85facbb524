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

/* The cases that used to be internal errors, by name. */
static void test_known(void)
{
	static const char *const filters[] = {
		"proc.aname=val(proc.name)",
		"fd.ip=val(fd.sip)",
		"proc.aname = tolower(proc.name)",
		"fd.port > val(fd.sport)",
		"proc.apid < val(proc.pid)",
		"fd.net = val(fd.cip)",
		"proc.aname contains val(proc.name)",
	};
	struct sg_arena a;
	struct sg_diag d;
	sg_arena_init(&a, 1 << 16);
	for (size_t i = 0; i < sizeof(filters) / sizeof(filters[0]); i++)
		T_OK(try(filters[i], &a, &d) == 1, "compiles: %s (%s)", filters[i], d.msg);
	sg_arena_free(&a);
}

int main(void)
{
	sg_syscalls_init();
	event_init();
	test_known();
	test_combos();
	return t_done();
}
