/*
 * Field values, checked exactly, for events built by hand over a state
 * built by hand: a process tree (bash -> sh -> python3) with users from a
 * temporary passwd, and open / connect / accept / read / rename / symlink /
 * procexit events.  Fields that do not apply must be absent, not empty.
 */
#include <arpa/inet.h>
#include <fcntl.h>
#include <inttypes.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "state/state_int.h"
#include "event/diag.h"
#include "event/fields.h"
#include "extract/fieldget.h"
#include "event/syscalls.h"
#include "filter/filter.h"
#include "t.h"

#define PID_BASH 4193100u
#define PID_SH 4193101u
#define PID_PY 4193102u

static struct sg_state *st;
static struct sg_arena arena;
static struct sg_event ev;

/* ---- events ---------------------------------------------------------- */

struct cap {
	const char *name;
	const void *data;
	uint32_t len;
};

static void mkev(struct sg_event *e, const char *sc, uint32_t pid, int64_t res,
		 const uint64_t *args, const struct cap *caps, int ncaps)
{
	unsigned nr;
	const struct sg_syscall_def *d = sg_syscall_by_name(sc, &nr);
	memset(e, 0, sizeof(*e));
	if (!d)
		abort();
	e->def = d;
	e->nr = (uint16_t)nr;
	e->kind = SG_EV_SYSCALL;
	e->num = 5;
	e->cpu = 3;
	/* 2026-11-25T12:34:56.123456789Z */
	e->ts = 1795610096ull * 1000000000ull + 123456789ull;
	e->pid = pid;
	e->tid = pid;
	e->uid = 1000;
	e->gid = 100;
	e->loginuid = 1000;
	e->res = res;
	struct sg_proc *p = sg_state_proc(st, pid);
	e->ppid = p ? p->ppid : 1;
	snprintf(e->comm, sizeof(e->comm), "%s", p ? p->comm : "x");
	for (int i = 0; i < 6 && args; i++)
		e->args[i] = args[i];
	e->nparams = d->nparams;
	for (unsigned i = 0; i < d->nparams; i++) {
		struct sg_param *pa = &e->params[i];
		pa->def = &d->params[i];
		if (pa->def->src == SG_SRC_RES)
			pa->num = res;
		else if (pa->def->src == SG_SRC_ARG)
			pa->num = sg_syscall_arg_num(pa->def, e->args[pa->def->arg]);
		for (int c = 0; c < ncaps; c++) {
			if (strcmp(caps[c].name, pa->def->name) == 0) {
				pa->data = caps[c].data;
				pa->len = caps[c].len;
				pa->flags = SG_PARAM_DATA;
			}
		}
	}
}

/* ---- values as text -------------------------------------------------- */

static char got[8192];

/* The value of field text (e.g. "proc.aname[2]") for ev, n-th of any-of
 * when n > 0, as text; NULL when the field does not apply. */
static const char *field_n(const char *text, int n, uint8_t *type)
{
	struct sg_fieldref ref;
	struct sg_diag d = {0};
	if (sg_fieldref_parse(text, text, &ref, &d) != (int)strlen(text)) {
		snprintf(got, sizeof(got), "<parse error: %s>", d.msg);
		return got;
	}
	struct sg_value v;
	bool ok = n ? sg_field_get_nth(&ev, &ref, n, &v, &arena)
		    : sg_field_get(&ev, &ref, &v, &arena);
	if (!ok)
		return NULL;
	if (type)
		*type = v.type;
	switch (v.type) {
	case SG_FT_STR:
	case SG_FT_SYSCALL:
	case SG_FT_BYTES:
		snprintf(got, sizeof(got), "%.*s", (int)v.s.len, v.s.p);
		break;
	case SG_FT_U64:
	case SG_FT_ABSTIME:
	case SG_FT_PORT:
		snprintf(got, sizeof(got), "%" PRIu64, v.u);
		break;
	case SG_FT_S64:
		snprintf(got, sizeof(got), "%" PRId64, v.i);
		break;
	case SG_FT_BOOL:
		snprintf(got, sizeof(got), "%s", v.b ? "true" : "false");
		break;
	case SG_FT_IPADDR:
	case SG_FT_IPNET:
		inet_ntop(v.ip.family == 4 ? AF_INET : AF_INET6, v.ip.addr, got, sizeof(got));
		break;
	default:
		snprintf(got, sizeof(got), "<type %u>", v.type);
	}
	return got;
}

static void check(const char *field, const char *want)
{
	sg_arena_reset(&arena);
	const char *g = field_n(field, 0, NULL);
	if (!want) {
		if (!t_check(g == NULL, "%s is absent", field))
			t_note("got '%s'", g);
		return;
	}
	char shown[128];
	size_t i = 0;
	for (; want[i] && i < sizeof(shown) - 1; i++)
		shown[i] = want[i] == '\n' ? '|' : want[i]; /* one TAP line */
	shown[i] = 0;
	T_STREQ(g, want, "%s = %s", field, shown);
}

static void check_nth(const char *field, int n, const char *want)
{
	sg_arena_reset(&arena);
	const char *g = field_n(field, n, NULL);
	if (!want) {
		if (!t_check(g == NULL, "%s #%d is absent", field, n))
			t_note("got '%s'", g);
		return;
	}
	T_STREQ(g, want, "%s #%d = %s", field, n, want);
}

static void check_type(const char *field, uint8_t want)
{
	uint8_t t = 0;
	sg_arena_reset(&arena);
	const char *g = field_n(field, 0, &t);
	T_OK(g && t == want, "%s has value type %u (got %u)", field, want, t);
}

/* ---- the world ------------------------------------------------------- */

static struct sg_proc *mkproc(uint32_t pid, uint32_t ppid, const char *comm)
{
	struct sg_event e;
	memset(&e, 0, sizeof(e));
	e.kind = SG_EV_SYSCALL;
	e.def = sg_syscall_by_name("getpid", NULL);
	e.pid = e.tid = pid;
	e.ppid = ppid;
	e.uid = 1000;
	e.gid = 100;
	e.loginuid = 1000;
	snprintf(e.comm, sizeof(e.comm), "%s", comm);
	sg_state_before(st, &e);
	sg_state_after(st, &e);
	return sg_state_proc(st, pid);
}

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	fputs(text, f);
	fclose(f);
}

static char etc[] = "/tmp/sg_fg_XXXXXX";

static void setup(void)
{
	char path[64];
	if (!mkdtemp(etc))
		abort();
	snprintf(path, sizeof(path), "%s/passwd", etc);
	write_file(path, "root:x:0:0:root:/root:/bin/bash\n"
			 "alice:x:1000:100:Alice:/home/alice:/bin/bash\n");
	snprintf(path, sizeof(path), "%s/group", etc);
	write_file(path, "root:x:0:\nusers:x:100:alice\n");
	st = sg_state_new();
	sg_state_set_etc(st, etc);
	sg_arena_init(&arena, 64 * 1024);

	struct sg_proc *b = mkproc(PID_BASH, 1, "bash");
	sg_proc_set_argv(b, "-bash", 6);
	sg_proc_set_str(&b->exepath, "/usr/bin/bash", 13);
	struct sg_proc *s = mkproc(PID_SH, PID_BASH, "sh");
	sg_proc_set_argv(s, "sh\0-c\0x\0", 8);
	sg_proc_set_str(&s->exepath, "/usr/bin/dash", 13);
	struct sg_proc *p = mkproc(PID_PY, PID_SH, "python3");
	sg_proc_set_argv(p, "/usr/bin/python3\0-c\0print(1)\0", 29);
	sg_proc_set_env(p, "HOME=/root\0LANG=C\0HOMEX=no\0", 27);
	sg_proc_set_str(&p->exepath, "/usr/bin/python3.11", 19);
	sg_proc_set_str(&p->cwd, "/work/src", 9);
	p->tty = 34816;
	p->sid = PID_BASH;
	p->pgid = PID_SH;
	p->vpid = PID_PY;
	strcpy(p->container_id, "host");
}

/* ---- checks ---------------------------------------------------------- */

static void test_open(void)
{
	struct cap c[] = {{"name", "../etc/./passwd", 16}};
	uint64_t a[6] = {(uint64_t)(int64_t)AT_FDCWD, 0, O_RDWR | O_CREAT, 0755};
	mkev(&ev, "openat", PID_PY, 7, a, c, 1);
	sg_state_before(st, &ev);

	check("evt.num", "5");
	check("evt.type", "openat");
	check_type("evt.type", SG_FT_SYSCALL);
	check("evt.dir", "<");
	check("evt.cpu", "3");
	check("evt.time", "12:34:56.123456789");
	check("evt.time.s", "12:34:56");
	check("evt.datetime", "2026-11-25T12:34:56.123456789Z");
	check("evt.rawtime", "1795610096123456789");
	check_type("evt.rawtime", SG_FT_ABSTIME);
	check("evt.rawtime.s", "1795610096");
	check("evt.res", "SUCCESS");
	check("evt.rawres", "7");
	check("evt.failed", "false");
	check("evt.category", "file");
	check("evt.is_open_read", "true");
	check("evt.is_open_write", "true");
	check("evt.is_open_exec", "true");
	check("evt.is_io", "false");
	check("evt.buffer", NULL);
	check("evt.buflen", NULL);
	/* resolved, like libs: a relative path against the cwd (/work/src) */
	check("evt.arg.name", "/work/etc/passwd");
	check("evt.arg[2]", "/work/etc/passwd");
	check("evt.arg.flags", "O_CREAT|O_RDWR"); /* resolved, like libs */
	check("evt.arg.tuple", NULL); /* another event's parameter: absent here */
	check("evt.arg.nosuch", "<parse error: unknown event argument 'nosuch': no syscall sysgrep "
				"decodes has it (sysgrep --list-events shows them)>");
	check("evt.arg[11]", NULL);
	check("evt.rawarg.fd", "7");
	check_type("evt.rawarg.fd", SG_FT_S64);
	check("evt.rawarg.flags", "7"); /* Falco's encoding: O_RDWR 3 | O_CREAT 4 */
	check_type("evt.rawarg.flags", SG_FT_U64);
	check("evt.rawarg.name", "../etc/./passwd");
	check_type("evt.rawarg.name", SG_FT_STR);
	sg_arena_reset(&arena);
	const char *args = field_n("evt.args", 0, NULL);
	T_OK(args && strstr(args, "name=../etc/./passwd"), "evt.args has the name (%s)",
	     args ? args : "null");
	sg_arena_reset(&arena);
	const char *info = field_n("evt.info", 0, NULL);
	T_OK(info && args && !strcmp(info, got), "evt.info = evt.args");

	check("fd.num", "7");
	check("fd.type", "file");
	check("fd.typechar", "f");
	check("fd.name", "/work/etc/passwd");
	check("fd.directory", "/work/etc");
	check("fd.filename", "passwd");
	check("fd.cip", NULL);
	check("fd.lport", NULL);
	check("fd.l4proto", NULL);
	check("fd.sockfamily", NULL);
	check("fd.is_server", "false");
	check("fs.path.name", "/work/etc/passwd");
	check("fs.path.source", NULL);
	check("fs.path.target", NULL);

	check("proc.pid", "4193102");
	check("proc.ppid", "4193101");
	check("proc.name", "python3");
	check("proc.exe", "/usr/bin/python3");
	check("proc.exepath", "/usr/bin/python3.11");
	check("proc.cmdline", "python3 -c print(1)");
	check("proc.exeline", "/usr/bin/python3 -c print(1)");
	check("proc.args", "-c print(1)");
	check("proc.args[1]", "-c");
	check("proc.args[2]", "print(1)");
	check("proc.args[3]", NULL);
	check_nth("proc.args", 2, "print(1)");
	check("proc.cmdnargs", "2");
	check("proc.env", "HOME=/root LANG=C HOMEX=no");
	check("proc.env[HOME]", "/root");
	check("proc.env[LANG]", "C");
	check("proc.env[HOM]", NULL);
	check("proc.cwd", "/work/src");
	check("proc.pname", "sh");
	check("proc.pexe", "sh");
	check("proc.pexepath", "/usr/bin/dash");
	check("proc.pcmdline", "sh -c x");
	check("proc.aname[0]", "python3");
	check("proc.aname[1]", "sh");
	check("proc.aname[2]", "bash");
	check("proc.aname[3]", NULL);
	check("proc.apid[2]", "4193100");
	check_nth("proc.aname", 1, "sh");
	check_nth("proc.aname", 2, "bash");
	check_nth("proc.aname", 3, NULL);
	check_nth("proc.apid", 1, "4193101");
	check("proc.tty", "34816");
	check("proc.sid", "4193100");
	check("proc.pgid", "4193101");
	check("proc.vpid", "4193102");
	check("proc.loginshellid", "4193100");
	check("proc.is_container", "false");
	check("container.id", "host");
	check("thread.tid", "4193102");
	check("thread.vtid", "4193102");
	check("thread.ismain", "true");
	check("user.uid", "1000");
	check("user.name", "alice");
	check("user.homedir", "/home/alice");
	check("user.shell", "/bin/bash");
	check("user.loginuid", "1000");
	check("user.loginname", "alice");
	check("group.gid", "100");
	check("group.name", "users");
	sg_state_after(st, &ev);

	/* the same open failing: no fd, but the path it asked for */
	mkev(&ev, "openat", PID_PY, -2, a, c, 1);
	ev.loginuid = UINT32_MAX;
	ev.uid = 4242;
	ev.tid = PID_PY + 7;
	sg_state_before(st, &ev);
	check("evt.res", "ENOENT");
	check("evt.rawres", "-2");
	check("evt.failed", "true");
	check("fd.num", NULL);
	check("fd.name", NULL);
	check("fs.path.name", "/work/etc/passwd");
	check("user.loginuid", "-1");
	check("user.loginname", NULL);
	check("user.name", NULL);
	check("thread.ismain", "false");
	check("thread.vtid", "4193109");
	sg_state_after(st, &ev);

	/* read-only open without O_CREAT: not an exec open */
	uint64_t r[6] = {(uint64_t)(int64_t)AT_FDCWD, 0, O_RDONLY, 0755};
	mkev(&ev, "openat", PID_PY, 8, r, c, 1);
	sg_state_before(st, &ev);
	check("evt.is_open_read", "true");
	check("evt.is_open_write", "false");
	check("evt.is_open_exec", "false");
	sg_state_after(st, &ev);

	/* a read of it: the buffer, its length, I/O flags */
	uint64_t rd[6] = {8, 0, 100};
	struct cap data[] = {{"data", "hello\nworld", 11}};
	mkev(&ev, "read", PID_PY, 11, rd, data, 1);
	sg_state_before(st, &ev);
	check("fd.name", "/work/etc/passwd");
	check("evt.buffer", "hello\nworld");
	check_type("evt.buffer", SG_FT_BYTES);
	check("evt.buflen", "11");
	check("evt.is_io", "true");
	check("evt.is_io_read", "true");
	check("evt.is_io_write", "false");
	check("evt.is_open_read", "false");
	check("fs.path.name", NULL);
	sg_state_after(st, &ev);
	mkev(&ev, "read", PID_PY, -11, rd, NULL, 0);
	sg_state_before(st, &ev);
	check("evt.buffer", NULL);
	check("evt.buflen", NULL);
	check("evt.rawarg.data", NULL);
	check("evt.res", "EAGAIN");
	sg_state_after(st, &ev);
}

static struct sg_tuple tup(int family, const char *l, uint16_t lp, const char *r, uint16_t rp)
{
	struct sg_tuple t;
	memset(&t, 0, sizeof(t));
	t.family = (uint8_t)family;
	t.l4proto = IPPROTO_TCP;
	t.type = SOCK_STREAM;
	inet_pton(family, l, t.laddr);
	inet_pton(family, r, t.raddr);
	t.lport = lp;
	t.rport = rp;
	return t;
}

static void test_sockets(void)
{
	uint64_t sa[6] = {AF_INET, SOCK_STREAM, 0};
	mkev(&ev, "socket", PID_PY, 9, sa, NULL, 0);
	sg_state_before(st, &ev);
	check("fd.type", "ipv4");
	check("fd.typechar", "4");
	check("fd.name", "");
	check("fd.l4proto", "tcp");
	check("evt.category", "net");
	sg_state_after(st, &ev);

	struct sg_tuple t = tup(AF_INET, "10.1.1.1", 40000, "93.184.216.34", 443);
	struct cap c[] = {{"tuple", &t, sizeof(t)}};
	uint64_t ca[6] = {9};
	mkev(&ev, "connect", PID_PY, 0, ca, c, 1);
	sg_state_before(st, &ev);
	check("fd.name", "10.1.1.1:40000->93.184.216.34:443");
	check("fd.cip", "10.1.1.1");
	check_type("fd.cip", SG_FT_IPADDR);
	check("fd.sip", "93.184.216.34");
	check("fd.lip", "10.1.1.1");
	check("fd.rip", "93.184.216.34");
	check("fd.cport", "40000");
	check_type("fd.cport", SG_FT_PORT);
	check("fd.sport", "443");
	check("fd.lport", "40000");
	check("fd.rport", "443");
	check_nth("fd.ip", 1, "10.1.1.1");
	check_nth("fd.ip", 2, "93.184.216.34");
	check_nth("fd.ip", 3, NULL);
	check_nth("fd.port", 2, "443");
	check_nth("fd.net", 2, "93.184.216.34");
	check_type("fd.snet", SG_FT_IPNET);
	check("fd.l4proto", "tcp");
	check("fd.sockfamily", "ip");
	check("fd.is_server", "false");
	check("fd.directory", NULL);
	check("evt.res", "SUCCESS");
	sg_state_after(st, &ev);

	/* the server side: the remote end is the client */
	struct sg_tuple at = tup(AF_INET6, "::ffff:10.0.0.5", 22, "::ffff:10.0.0.9", 51000);
	struct cap c2[] = {{"tuple", &at, sizeof(at)}};
	uint64_t aa[6] = {3};
	mkev(&ev, "accept", PID_PY, 10, aa, c2, 1);
	sg_state_before(st, &ev);
	check("fd.num", "10");
	check("fd.is_server", "true");
	check("fd.type", "ipv6");
	check("fd.cip", "10.0.0.9");
	check("fd.sip", "10.0.0.5");
	check("fd.lip", "10.0.0.5");
	check("fd.rip", "10.0.0.9");
	check("fd.cport", "51000");
	check("fd.sport", "22");
	check("fd.lport", "22");
	check_nth("fd.ip", 1, "10.0.0.9");
	sg_state_after(st, &ev);

	struct sg_tuple t6 = tup(AF_INET6, "2001:db8::1", 5000, "2001:db8::2", 80);
	struct cap c3[] = {{"tuple", &t6, sizeof(t6)}};
	uint64_t sa6[6] = {AF_INET6, SOCK_STREAM, 0};
	mkev(&ev, "socket", PID_PY, 11, sa6, NULL, 0);
	sg_state_before(st, &ev);
	sg_state_after(st, &ev);
	uint64_t ca6[6] = {11};
	mkev(&ev, "connect", PID_PY, 0, ca6, c3, 1);
	sg_state_before(st, &ev);
	check("fd.cip", "2001:db8::1");
	check("fd.sip", "2001:db8::2");
	sg_state_after(st, &ev);
}

static void test_paths(void)
{
	struct cap c[] = {{"oldpath", "a.txt", 6}, {"newpath", "/tmp/../b.txt", 14}};
	mkev(&ev, "rename", PID_PY, 0, NULL, c, 2);
	sg_state_before(st, &ev);
	check("fs.path.name", NULL);
	check("fs.path.source", "/work/src/a.txt");
	check("fs.path.target", "/b.txt");
	check("fd.num", NULL);
	sg_state_after(st, &ev);

	/* symlinkat: the content as written; the link against its dirfd */
	struct cap od[] = {{"name", "/opt/app", 9}};
	uint64_t oa[6] = {(uint64_t)(int64_t)AT_FDCWD, 0, O_RDONLY | O_DIRECTORY};
	mkev(&ev, "openat", PID_PY, 12, oa, od, 1);
	sg_state_before(st, &ev);
	check("fd.type", "directory");
	check("fd.typechar", "d");
	check("fd.directory", "/opt");
	check("fd.filename", "app");
	sg_state_after(st, &ev);
	struct cap s[] = {{"target", "../lib/x.so", 12}, {"linkpath", "cur", 4}};
	uint64_t sa[6] = {0, 12};
	mkev(&ev, "symlinkat", PID_PY, 0, sa, s, 2);
	sg_state_before(st, &ev);
	check("fs.path.source", "../lib/x.so");
	check("fs.path.target", "/opt/app/cur");
	sg_state_after(st, &ev);

	/* unlinkat against an unknown dirfd cannot be resolved */
	struct cap u[] = {{"name", "gone", 5}};
	uint64_t ua[6] = {99};
	mkev(&ev, "unlinkat", PID_PY, 0, ua, u, 1);
	sg_state_before(st, &ev);
	check("fs.path.name", NULL);
	sg_state_after(st, &ev);
}

static void test_procexit(void)
{
	memset(&ev, 0, sizeof(ev));
	ev.kind = SG_EV_PROCEXIT;
	ev.def = &sg_procexit_def;
	ev.pid = ev.tid = PID_SH;
	ev.ppid = PID_BASH;
	ev.res = 256;
	ev.loginuid = UINT32_MAX;
	strcpy(ev.comm, "sh");
	ev.args[0] = SG_RECF_GROUP_DEAD;
	ev.nparams = 1;
	ev.params[0].def = &sg_procexit_def.params[0];
	ev.params[0].num = 256;
	sg_state_before(st, &ev);
	check("evt.type", "procexit");
	check("evt.res", NULL);
	check("evt.failed", "false");
	check("evt.rawres", "256");
	check("evt.arg.status", "256");
	check("proc.name", "sh");
	check("proc.pname", "bash");
	check("fd.num", NULL);
	check("fd.name", NULL);
	check("evt.is_io", "false");
	sg_state_after(st, &ev);
	T_OK(sg_state_proc(st, PID_SH) == NULL, "procexit: process dropped after");

	/* python's parent is gone: ancestors stop there */
	mkev(&ev, "getpid", PID_PY, PID_PY, NULL, NULL, 0);
	sg_state_before(st, &ev);
	check("proc.pname", NULL);
	check("proc.aname[1]", NULL);
	check("proc.loginshellid", NULL);
	check("evt.arg.res", "4193102");
	sg_state_after(st, &ev);

	/* execve: numbers from the state are set, texts only when known */
	mkev(&ev, "execve", PID_PY, 0, NULL, NULL, 0);
	for (unsigned i = 0; i < ev.nparams; i++)
		if (!strcmp(ev.params[i].def->name, "pid"))
			ev.params[i].num = PID_PY;
	sg_state_before(st, &ev);
	check("evt.rawarg.pid", "4193102");
	check("evt.arg.exe", NULL);
	check("evt.arg.filename", NULL);
	check("evt.category", "process");
	check("fs.path.name", NULL);
	sg_state_after(st, &ev);
}

/* Without any state (a capture file, a state-less run): event-only fields
 * still work, state fields are absent. */
static void test_no_state(void)
{
	mkev(&ev, "getpid", PID_PY, PID_PY, NULL, NULL, 0);
	ev.state = NULL;
	ev.proc = NULL;
	ev.fd = NULL;
	ev.fdnum = -1;
	check("proc.name", "python3");
	check("proc.pid", "4193102");
	check("proc.ppid", "4193101");
	check("proc.exe", NULL);
	check("proc.cwd", NULL);
	check("user.uid", "1000");
	check("user.name", NULL);
	check("container.id", NULL);
	check("thread.vtid", NULL);
}

/* Hostile events: every syscall of the architecture with random arguments
 * and random captured bytes (short, long, no NUL, bad tuples), through the
 * state and every field.  Must not crash (run under ASan) and every value
 * must be well formed. */
static uint64_t rng = 0x9e3779b97f4a7c15ull;

static uint64_t rnd(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

static uint64_t rnd_arg(void)
{
	switch (rnd() % 5) {
	case 0: return rnd() % 8;
	case 1: return (uint64_t)(int64_t)AT_FDCWD;
	case 2: return rnd() % 40;
	case 3: return (uint64_t)-1;
	default: return rnd();
	}
}

static bool value_ok(const struct sg_value *v)
{
	switch (v->type) {
	case SG_FT_STR: case SG_FT_SYSCALL: case SG_FT_BYTES:
		return v->s.p != NULL || v->s.len == 0;
	case SG_FT_IPADDR: case SG_FT_IPNET:
		return v->ip.family == 4 || v->ip.family == 6;
	default:
		return v->type != SG_FT_NONE && v->type != SG_FT_DYN;
	}
}

static void test_hostile(void)
{
	static uint8_t bytes[SG_MAX_PARAMS][600];
	static const char *const paths[] = {"", "/", "..", "a/../../..", "//x//", "\n\x1b[31m",
					     "dir/", "/proc/self/fd/0"};
	unsigned count = sg_syscall_count(), bad = 0, events = 0;
	for (int round = 0; round < 40; round++) {
		for (unsigned nr = 0; nr < count && nr < SG_MAX_SYSCALLS; nr++) {
			const struct sg_syscall_def *d = sg_syscall_by_nr(nr);
			if (!d)
				continue;
			uint64_t a[6];
			for (int i = 0; i < 6; i++)
				a[i] = rnd_arg();
			int64_t res = rnd() % 3 ? (int64_t)(rnd() % 40) : -(int64_t)(rnd() % 200);
			struct cap caps[SG_MAX_PARAMS];
			int nc = 0;
			for (unsigned i = 0; i < d->nparams && i < SG_MAX_PARAMS; i++) {
				if (d->params[i].src != SG_SRC_CAP || rnd() % 4 == 0)
					continue;
				uint32_t len = (uint32_t)(rnd() % sizeof(bytes[i]));
				for (uint32_t k = 0; k < len; k++)
					bytes[i][k] = (uint8_t)rnd();
				if (rnd() % 2) {
					const char *pth = paths[rnd() % 8];
					len = (uint32_t)strlen(pth);
					memcpy(bytes[i], pth, len);
				}
				if (d->params[i].type == SG_PT_TUPLE && len >= 1)
					bytes[i][0] = (uint8_t)(rnd() % 3 ? AF_INET6 : AF_UNIX);
				caps[nc++] = (struct cap){d->params[i].name, bytes[i], len};
			}
			/* our own pid too: its unknown fds are looked up in /proc */
			uint32_t pid = rnd() % 4 ? PID_PY + (uint32_t)(rnd() % 3) : (uint32_t)getpid();
			mkev(&ev, d->name, pid, res, a, caps, nc);
			ev.nr = (uint16_t)nr;
			sg_state_before(st, &ev);
			for (unsigned id = 0; id < SG_F_MAX; id++) {
				static const int idx[] = {-1, 0, 1, 2, 7};
				for (int k = 0; k < 5; k++) {
					struct sg_fieldref ref = {.id = (uint16_t)id, .index = idx[k]};
					if (k == 4 && sg_fields[id].argmode != SG_ARG_NOARG) {
						ref.key = "HOME";
						ref.keylen = 4;
					}
					struct sg_value v;
					sg_arena_reset(&arena);
					if (sg_field_get(&ev, &ref, &v, &arena) && !value_ok(&v))
						bad++;
					if (sg_field_get_nth(&ev, &ref, k + 1, &v, &arena) && !value_ok(&v))
						bad++;
				}
			}
			sg_state_after(st, &ev);
			events++;
		}
	}
	T_OK(events > 1000 && bad == 0, "hostile: %u random events, %u bad values", events, bad);
	struct sg_state_stats ss;
	sg_state_stats(st, &ss);
	T_OK(ss.procs < 16, "hostile: no process explosion (%llu)", (unsigned long long)ss.procs);
}

/* Ancestry walks are bounded: a ppid loop (stale ppid plus pid reuse)
 * ends at the first repeated pid, and a chain ends after SG_ANCESTORS_MAX
 * links, also for the any-of form the filter iterates. */
#define PID_LOOP_A 4194200u
#define PID_LOOP_B 4194201u
#define PID_CHAIN 4194210u /* .. + SG_ANCESTORS_MAX + 5 */

static double now_s(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static void test_ancestor_loop(void)
{
	struct sg_proc *a = mkproc(PID_LOOP_A, PID_LOOP_B, "bash");
	struct sg_proc *b = mkproc(PID_LOOP_B, PID_LOOP_A, "sh");
	T_OK(a && b && a->ppid == PID_LOOP_B && b->ppid == PID_LOOP_A, "loop: two processes, each the other's parent");
	mkev(&ev, "getpid", PID_LOOP_A, PID_LOOP_A, NULL, NULL, 0);
	sg_state_before(st, &ev);
	check("proc.aname[0]", "bash");
	check("proc.aname[1]", "sh");
	check("proc.aname[2]", NULL);
	check("proc.aname[5]", NULL);
	check("proc.apid[1]", "4194201");
	check("proc.apid[2]", NULL);
	check_nth("proc.aname", 1, "sh");
	check_nth("proc.aname", 2, NULL);
	check_nth("proc.apid", 1, "4194201");
	check_nth("proc.apid", 2, NULL);
	/* the oldest shell of the chain bash <- sh, the loop cut */
	check("proc.loginshellid", "4194201");

	struct sg_diag d = {0};
	struct sg_filter *yes = sg_filter_compile("proc.aname=sh", &d);
	struct sg_filter *no = sg_filter_compile("proc.aname=bash or proc.apid=1", &d);
	T_OK(yes && no, "loop: filters compile");
	if (!yes || !no)
		return;
	bool ok = true;
	double t0 = now_s();
	for (int i = 0; i < 2000; i++) {
		sg_arena_reset(&arena);
		ok &= sg_filter_match(yes, &ev, &arena);
		ok &= !sg_filter_match(no, &ev, &arena);
	}
	double dt = now_s() - t0;
	T_OK(ok, "loop: proc.aname=sh matches, proc.aname=bash does not");
	/* unbounded, each match walked 4096 ancestors 4096 times (~30 ms) */
	T_OK(dt < 1.0, "loop: 4000 matches in %.3f s", dt);
	sg_filter_free(yes);
	sg_filter_free(no);
	sg_state_after(st, &ev);
}

static void test_ancestor_cap(void)
{
	uint32_t last = PID_CHAIN + SG_ANCESTORS_MAX + 5;
	for (uint32_t pid = PID_CHAIN; pid <= last; pid++)
		mkproc(pid, pid == PID_CHAIN ? 1 : pid - 1, pid == PID_CHAIN ? "bash" : "cat");
	mkev(&ev, "getpid", last, last, NULL, NULL, 0);
	sg_state_before(st, &ev);
	char f[32], want[16];
	snprintf(f, sizeof(f), "proc.apid[%d]", SG_ANCESTORS_MAX);
	snprintf(want, sizeof(want), "%u", last - SG_ANCESTORS_MAX);
	check(f, want);
	snprintf(f, sizeof(f), "proc.apid[%d]", SG_ANCESTORS_MAX + 1);
	check(f, NULL);
	check("proc.aname[1000000]", NULL);
	check_nth("proc.aname", SG_ANCESTORS_MAX, "cat");
	check_nth("proc.aname", SG_ANCESTORS_MAX + 1, NULL);
	/* the only shell is past the cap */
	check("proc.loginshellid", NULL);
	sg_state_after(st, &ev);
}

int main(void)
{
	setenv("TZ", "UTC", 1);
	tzset();
	sg_syscalls_init();
	setup();
	test_open();
	test_sockets();
	test_paths();
	test_procexit();
	test_no_state();
	test_hostile();
	test_ancestor_loop();
	test_ancestor_cap();

	char path[64];
	snprintf(path, sizeof(path), "%s/passwd", etc);
	unlink(path);
	snprintf(path, sizeof(path), "%s/group", etc);
	unlink(path);
	rmdir(etc);
	sg_arena_free(&arena);
	sg_state_free(st);
	return t_done();
}
