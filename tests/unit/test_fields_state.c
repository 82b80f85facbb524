/*
 * The fields built on what the process records and a few process calls
 * leave in the state: capabilities (exec record, capset), process groups
 * and sessions (setsid, setpgid, leaders the table does not know), start
 * times and the executable's inode, and the fd fields fd.nameraw,
 * fd.connected and fd.name_changed.  Events and state are built by hand;
 * every value is checked exactly, and a field that does not apply must be
 * absent.
 */
#include <fcntl.h>
#include <inttypes.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <sys/socket.h>

#include "event/abi.h"
#include "event/diag.h"
#include "event/fields.h"
#include "event/syscalls.h"
#include "extract/fieldget.h"
#include "state/state_int.h"
#include "t.h"

#define PID_A 4194001u /* the session leader */
#define PID_B 4194002u /* a group leader in A's session */
#define PID_C 4194003u /* B's child, in B's group */

static struct sg_state *st;
static struct sg_arena arena;
static struct sg_event ev;

struct cap {
	const char *name;
	const void *data;
	uint32_t len;
};

static void mkev(const char *sc, uint32_t pid, int64_t res, const uint64_t *args,
		 const struct cap *caps, int ncaps)
{
	unsigned nr;
	const struct sg_syscall_def *d = sg_syscall_by_name(sc, &nr);
	if (!d)
		abort();
	memset(&ev, 0, sizeof(ev));
	ev.def = d;
	ev.nr = (uint16_t)nr;
	ev.kind = SG_EV_SYSCALL;
	ev.ts = 1795610096ull * 1000000000ull;
	ev.pid = ev.tid = pid;
	struct sg_proc *p = sg_state_proc(st, pid);
	ev.ppid = p ? p->ppid : 1;
	snprintf(ev.comm, sizeof(ev.comm), "%s", p ? p->comm : "x");
	for (int i = 0; i < 6 && args; i++)
		ev.args[i] = args[i];
	ev.res = res;
	ev.nparams = d->nparams;
	for (unsigned i = 0; i < d->nparams; i++) {
		struct sg_param *pa = &ev.params[i];
		pa->def = &d->params[i];
		if (pa->def->src == SG_SRC_RES)
			pa->num = res;
		else if (pa->def->src == SG_SRC_ARG)
			pa->num = sg_syscall_arg_num(pa->def, ev.args[pa->def->arg]);
		for (int c = 0; c < ncaps; c++) {
			if (strcmp(caps[c].name, pa->def->name))
				continue;
			pa->data = caps[c].data;
			pa->len = caps[c].len;
			pa->flags = SG_PARAM_DATA;
		}
	}
}

static char got[4096];

static const char *field(const char *text)
{
	struct sg_fieldref ref;
	struct sg_diag d = {0};
	struct sg_value v;

	sg_arena_reset(&arena);
	if (sg_fieldref_parse(text, text, &ref, &d) != (int)strlen(text)) {
		snprintf(got, sizeof(got), "<parse error: %s>", d.msg);
		return got;
	}
	if (!sg_field_get(&ev, &ref, &v, &arena))
		return NULL;
	switch (v.type) {
	case SG_FT_STR:
		snprintf(got, sizeof(got), "%.*s", (int)v.s.len, v.s.p);
		break;
	case SG_FT_U64:
	case SG_FT_ABSTIME:
		snprintf(got, sizeof(got), "%" PRIu64, v.u);
		break;
	case SG_FT_BOOL:
		snprintf(got, sizeof(got), "%s", v.b ? "true" : "false");
		break;
	default:
		snprintf(got, sizeof(got), "<type %u>", v.type);
	}
	return got;
}

static void check(const char *f, const char *want)
{
	const char *g = field(f);
	if (!want) {
		if (!t_check(g == NULL, "%s is absent", f))
			t_note("got '%s'", g);
		return;
	}
	T_STREQ(g, want, "%s = %s", f, want);
}

/* A process the state learns from an exec record. */
static struct sg_proc *exec_proc(uint32_t pid, uint32_t ppid, const char *comm,
				 const struct sg_procinfo *pi)
{
	struct sg_rec r;
	memset(&r, 0, sizeof(r));
	r.kind = SG_REC_EXEC;
	r.pid = r.tid = pid;
	r.ppid = ppid;
	r.loginuid = (uint32_t)-1;
	snprintf(r.comm, sizeof(r.comm), "%s", comm);
	char argv[64];
	int n = snprintf(argv, sizeof(argv), "/usr/bin/%s", comm);
	sg_state_exec(st, &r, pi, argv, (uint32_t)n, argv, (uint32_t)n + 1, NULL, 0, 0);
	return sg_state_proc(st, pid);
}

static void test_exec_record(void)
{
	struct sg_procinfo pi = {
		.vpid = 7, .vtid = 7, .sid = PID_A, .pgid = PID_B, .vpgid = 5, .pidns_level = 1,
		.cap_effective = (1ull << 21) | (1ull << 0),
		.cap_permitted = (1ull << 21) | (1ull << 0) | (1ull << 40),
		.cap_inheritable = 0,
		.start_ns = 5000000000ull, .pidns_start_ns = 1000000000ull,
		.exe_ino = 4242, .exe_ctime_ns = 1795610000000000001ull,
		.exe_mtime_ns = 1795600000000000000ull,
		.exe_flags = SG_EXE_UPPER_LAYER | SG_EXE_WRITABLE,
		.fdlimit = 1024, .maj_flt = 3, .min_flt = 99,
		.vm_size_kb = 2048, .vm_rss_kb = 512, .vm_swap_kb = 1,
	};
	sg_state_set_clock(st, 1795000000000000000ull);
	exec_proc(PID_A, 1, "login", NULL);
	exec_proc(PID_C, PID_A, "evil", &pi);

	mkev("getppid", PID_C, PID_A, NULL, NULL, 0);
	sg_state_before(st, &ev);
	check("thread.cap_effective", "CAP_CHOWN CAP_SYS_ADMIN");
	check("thread.cap_permitted", "CAP_CHOWN CAP_SYS_ADMIN CAP_CHECKPOINT_RESTORE");
	check("thread.cap_inheritable", "");
	check("proc.vpgid", "5");
	check("proc.is_exe_upper_layer", "true");
	check("proc.is_exe_lower_layer", "false");
	check("proc.is_exe_writable", "true");
	check("proc.is_exe_from_memfd", "false");
	check("proc.exe_ino", "4242");
	check("proc.exe_ino.ctime", "1795610000000000001");
	check("proc.exe_ino.mtime", "1795600000000000000");
	/* start = boottime 5 s + the clock's offset */
	check("proc.pid.ts", "1795000005000000000");
	check("proc.duration", "610091000000000");
	check("proc.pidns_init_start_ts", "1795000001000000000");
	check("proc.exe_ino.ctime_duration_proc_start", NULL); /* ctime after the start */
	check("proc.exe_ino.ctime_duration_pidns_start", "609999000000001");
	check("proc.pvpid", "4194001"); /* the parent is a host process */
	sg_state_after(st, &ev);

}

static void test_capset(void)
{
	/* effective CAP_KILL (5), permitted KILL + NET_RAW (13), high word:
	 * CAP_BPF (39) permitted */
	uint32_t data[6] = {1u << 5, (1u << 5) | (1u << 13), 0, 0, 1u << 7, 0};
	struct cap c[] = {{"data", data, sizeof(data)}};
	uint64_t a[6] = {0x1000, 0x2000};

	mkev("capset", PID_C, -1, a, c, 1); /* failed: nothing changes */
	sg_state_before(st, &ev);
	check("thread.cap_effective", "CAP_CHOWN CAP_SYS_ADMIN");
	sg_state_after(st, &ev);

	mkev("capset", PID_C, 0, a, c, 1);
	sg_state_before(st, &ev);
	check("thread.cap_effective", "CAP_KILL");
	check("thread.cap_permitted", "CAP_KILL CAP_NET_RAW CAP_BPF");
	check("thread.cap_inheritable", "");
	sg_state_after(st, &ev);

	/* a short capture (faulted read) is not applied */
	struct cap shortc[] = {{"data", data, 8}};
	mkev("capset", PID_C, 0, a, shortc, 1);
	sg_state_before(st, &ev);
	check("thread.cap_permitted", "CAP_KILL CAP_NET_RAW CAP_BPF");
	sg_state_after(st, &ev);
	T_OK(sg_state_sel(sg_syscall_by_name("capset", NULL)) == SG_SEL_STATE,
	     "capset is sent for the state whatever the filter selects");
}

static void test_groups(void)
{
	struct sg_proc *a = sg_state_proc(st, PID_A);
	a->sid = a->pgid = PID_A;
	/* B: a process group leader in A's session, known from /proc only */
	struct sg_proc *b = sg_proc_alloc(PID_B);
	b->ppid = PID_A;
	strcpy(b->comm, "sh");
	sg_proc_set_argv(b, "sh\0-c\0x", 7);
	sg_proc_set_str(&b->exepath, "/bin/dash", 9);
	b->sid = PID_A;
	b->pgid = PID_B;
	sg_proc_insert(st, b);
	struct sg_proc *c = sg_state_proc(st, PID_C);
	c->ppid = PID_B;
	c->sid = PID_A;
	c->pgid = PID_B;

	mkev("getppid", PID_C, PID_B, NULL, NULL, 0);
	ev.ppid = PID_B;
	sg_state_before(st, &ev);
	check("proc.sname", "login");
	check("proc.sid.exepath", "/usr/bin/login");
	check("proc.pgid.name", "sh");
	check("proc.vpgid.exe", "sh");
	check("proc.vpgid.exepath", "/bin/dash");
	check("proc.is_vpgid_leader", "false");
	check("proc.is_sid_leader", "false");
	check("proc.aexe[1]", "sh");
	check("proc.aexepath[1]", "/bin/dash");
	check("proc.aexepath[2]", "/usr/bin/login");
	check("proc.acmdline[1]", "sh -c x");
	check("proc.aexe[3]", NULL);
	sg_state_after(st, &ev);

	/* the leader gone from the table: the eldest ancestor still in the
	 * group stands in for it (libs' get_oldest_matching_ancestor) */
	sg_proc_remove(st, PID_A);
	c->sid = 4194999u; /* a session whose leader sysgrep never saw */
	b->sid = 4194999u;
	mkev("getppid", PID_C, PID_B, NULL, NULL, 0);
	ev.ppid = PID_B;
	sg_state_before(st, &ev);
	check("proc.sname", "sh");
	sg_state_after(st, &ev);

	/* setsid: C leads a new session and group */
	mkev("setsid", PID_C, PID_C, NULL, NULL, 0);
	sg_state_before(st, &ev);
	check("proc.is_sid_leader", "true");
	check("proc.is_vpgid_leader", "true");
	check("proc.vpgid", "7"); /* its own vpid */
	check("proc.sname", "evil");
	sg_state_after(st, &ev);

	/* setpgid(0, 0) by B after joining C's group: leads its own again */
	b->pgid = PID_C;
	uint64_t a0[6] = {0, 0};
	mkev("setpgid", PID_B, -1, a0, NULL, 0); /* failed */
	sg_state_before(st, &ev);
	check("proc.is_pgid_leader", "false");
	sg_state_after(st, &ev);
	mkev("setpgid", PID_B, 0, a0, NULL, 0);
	sg_state_before(st, &ev);
	check("proc.is_pgid_leader", "true");
	check("proc.pgid.exepath", "/bin/dash");
	sg_state_after(st, &ev);
}

static void test_fds(void)
{
	/* openat(AT_FDCWD, "sub//../f") in cwd /w: name absolute, raw as passed */
	struct sg_proc *c = sg_state_proc(st, PID_C);
	sg_proc_set_str(&c->cwd, "/w", 2);
	struct cap name[] = {{"name", "sub//../f", 10}};
	uint64_t a[6] = {(uint64_t)(int64_t)AT_FDCWD, 0, O_RDONLY};
	mkev("openat", PID_C, 5, a, name, 1);
	sg_state_before(st, &ev);
	check("fd.name", "/w/f");
	check("fd.nameraw", "sub/../f");
	check("fd.name_changed", "true"); /* a new fd: it had no name */
	sg_state_after(st, &ev);

	uint64_t r[6] = {5, 0, 16};
	mkev("read", PID_C, 3, r, NULL, 0);
	sg_state_before(st, &ev);
	check("fd.nameraw", "sub/../f");
	check("fd.name_changed", "false");
	check("fd.connected", "false");
	check("proc.fdopencount", "1");
	sg_state_after(st, &ev);

	/* an absolute path: no copy, the same text */
	struct cap abs[] = {{"name", "/etc/hosts", 11}};
	uint64_t a2[6] = {(uint64_t)(int64_t)AT_FDCWD, 0, O_RDONLY};
	mkev("openat", PID_C, 6, a2, abs, 1);
	sg_state_before(st, &ev);
	check("fd.nameraw", "/etc/hosts");
	T_OK(ev.fd && ev.fd->raw_is_name && !ev.fd->name_raw, "an absolute raw path is not copied");
	sg_state_after(st, &ev);

	/* a failed open has no fd: fd.nameraw is what it asked for */
	struct cap miss[] = {{"name", "//nope", 7}};
	mkev("openat", PID_C, -2, a2, miss, 1);
	sg_state_before(st, &ev);
	check("fd.nameraw", "/nope");
	check("fd.name", NULL);
	sg_state_after(st, &ev);

	/* a socket: not opened by path, "" as libs has it; connect names it */
	uint64_t s[6] = {AF_INET, SOCK_DGRAM, 0};
	mkev("socket", PID_C, 7, s, NULL, 0);
	sg_state_before(st, &ev);
	check("fd.nameraw", "");
	check("fd.connected", "false");
	check("fd.name_changed", "false"); /* nameless still */
	sg_state_after(st, &ev);

	struct sg_tuple t = {.family = AF_INET, .l4proto = IPPROTO_UDP, .type = SOCK_DGRAM,
			     .lport = 40000, .rport = 53, .laddr = {127, 0, 0, 1},
			     .raddr = {127, 0, 0, 53}};
	struct cap tc[] = {{"tuple", &t, sizeof(t)}};
	uint64_t cn[6] = {7};
	mkev("connect", PID_C, 0, cn, tc, 1);
	sg_state_before(st, &ev);
	check("fd.connected", "true");
	check("fd.name_changed", "true");
	check("fd.name", "127.0.0.1:40000->127.0.0.53:53");
	sg_state_after(st, &ev);

	/* the same connect again: the same name is no change */
	mkev("connect", PID_C, 0, cn, tc, 1);
	sg_state_before(st, &ev);
	check("fd.name_changed", "false");
	sg_state_after(st, &ev);
}

static void test_no_proc_state(void)
{
	/* a process never seen and gone from /proc: none of these apply */
	mkev("getppid", 4194300u, 1, NULL, NULL, 0);
	ev.state = NULL;
	check("thread.cap_effective", NULL);
	check("proc.duration", NULL);
	check("proc.is_vpgid_leader", NULL);
	check("proc.exe_ino.ctime", NULL);
	check("fd.nameraw", NULL);
}

int main(void)
{
	st = sg_state_new();
	sg_arena_init(&arena, 64 * 1024);
	sg_syscalls_init();
	test_exec_record();
	test_capset();
	test_groups();
	test_fds();
	test_no_proc_state();
	sg_arena_free(&arena);
	sg_state_free(st);
	return t_done();
}
