/*
 * Filters evaluated on hand-built events: every operator and type, missing
 * fields, any-of fields, escapes, odd bytes, deep nesting; and the
 * pushdown pre-check never changes which events are selected.
 */
#include <arpa/inet.h>
#include <stdlib.h>
#include <string.h>

#include "state/state.h"
#include "event/strbuf.h"
#include "event/syscalls.h"
#include "filter/filter.h"
#include "t.h"

/* Processes do not come from /proc: pids above pid_max never exist. */
#define PID_INIT 5000001u
#define PID_SSHD 5000100u
#define PID_BASH 5000200u
#define PID_CAT 5000300u

enum { E_OPENAT, E_READ, E_CONNECT, E_ACCEPT, E_EXIT, E_EXECVE, E_V6, NEV };

static struct sg_state *st;
static struct sg_event ev[NEV];
static struct sg_fd fds[NEV];

static void add_proc(uint32_t pid, uint32_t ppid, const char *comm, const char *argv,
		     size_t alen, const char *env, size_t elen)
{
	struct sg_rec r = { .kind = SG_REC_EXEC, .pid = pid, .tid = pid, .ppid = ppid };
	struct sg_procinfo pi = { .vpid = pid, .vtid = pid, .sid = pid, .pgid = pid };
	strncpy(r.comm, comm, SG_COMM_LEN - 1);
	sg_state_exec(st, &r, &pi, argv, (uint32_t)strlen(argv), argv, (uint32_t)alen, env,
		      (uint32_t)elen, 0);
}

/* A syscall event: the params come from args/res, captures by name. */
static struct sg_event *syscall_ev(int i, const char *name, uint32_t pid, uint32_t tid,
				   const char *comm, int64_t res, const uint64_t args[6])
{
	struct sg_event *e = &ev[i];
	unsigned nr;
	memset(e, 0, sizeof(*e));
	e->kind = SG_EV_SYSCALL;
	e->def = sg_syscall_by_name(name, &nr);
	e->nr = (uint16_t)nr;
	e->num = (uint64_t)i + 1;
	e->ts = 1700000000123456789ull;
	e->pid = pid;
	e->tid = tid;
	e->uid = 1000;
	e->gid = 1000;
	e->loginuid = 1000;
	e->res = res;
	e->fdnum = -1;
	e->state = st;
	e->proc = sg_state_proc(st, pid);
	snprintf(e->comm, sizeof(e->comm), "%s", comm);
	memcpy(e->args, args, sizeof(e->args));
	e->nparams = e->def->nparams;
	for (unsigned k = 0; k < e->def->nparams; k++) {
		const struct sg_param_def *d = &e->def->params[k];
		struct sg_param *p = &e->params[k];
		p->def = d;
		p->num = d->src == SG_SRC_RES ? res : sg_syscall_arg_num(d, args[d->arg]);
	}
	return e;
}

static void capture(struct sg_event *e, const char *param, const void *data, uint32_t len)
{
	for (unsigned k = 0; k < e->nparams; k++) {
		if (strcmp(e->params[k].def->name, param))
			continue;
		e->params[k].data = data;
		e->params[k].len = len;
		e->params[k].flags = SG_PARAM_DATA;
	}
}

static void inet_fd(struct sg_fd *f, int64_t num, int family, const char *laddr,
		    uint16_t lport, const char *raddr, uint16_t rport, bool server)
{
	memset(f, 0, sizeof(*f));
	f->num = num;
	f->type = family == AF_INET ? SG_FDT_IPV4 : SG_FDT_IPV6;
	f->is_server = server;
	f->tuple.family = (uint8_t)family;
	f->tuple.l4proto = 6;
	f->tuple.type = 1;
	f->tuple.lport = lport;
	f->tuple.rport = rport;
	inet_pton(family, laddr, f->tuple.laddr);
	inet_pton(family, raddr, f->tuple.raddr);
	static char names[2][80];
	char *n = names[family == AF_INET6];
	snprintf(n, 80, "%s:%u->%s:%u", laddr, lport, raddr, rport);
	f->name = n;
}

static void build_events(void)
{
	static const char bash_argv[] = "-bash\0-c\0ls -l";
	static const char bash_env[] = "HOME=/home/al\0LANG=C.UTF-8\0EMPTY=";
	static const char cat_argv[] = "cat\0/etc/passwd";
	st = sg_state_new();
	add_proc(PID_INIT, 0, "systemd", "/sbin/init", 11, "", 0);
	add_proc(PID_SSHD, PID_INIT, "sshd", "sshd\0-D", 8, "", 0);
	add_proc(PID_BASH, PID_SSHD, "bash", bash_argv, sizeof(bash_argv), bash_env,
		 sizeof(bash_env));
	add_proc(PID_CAT, PID_BASH, "cat", cat_argv, sizeof(cat_argv), "", 0);

	/* bash opens /etc/passwd O_RDONLY|O_CLOEXEC: fd 3 */
	uint64_t a0[6] = { (uint64_t)-100, 0x1000, 0x80000, 0, 0, 0 };
	struct sg_event *e = syscall_ev(E_OPENAT, "openat", PID_BASH, PID_BASH + 1, "bash", 3, a0);
	capture(e, "name", "/etc/passwd", 11);
	fds[E_OPENAT] = (struct sg_fd){ .num = 3, .type = SG_FDT_FILE, .name = "/etc/passwd" };
	e->fd = &fds[E_OPENAT];
	e->fdnum = 3;

	/* cat reads from a pipe and fails with EAGAIN; data has odd bytes */
	uint64_t a1[6] = { 0, 0x2000, 4096, 0, 0, 0 };
	e = syscall_ev(E_READ, "read", PID_CAT, PID_CAT, "cat", -11, a1);
	static const char data[] = "hello\nworld\0bin\xff";
	capture(e, "data", data, sizeof(data) - 1);
	fds[E_READ] = (struct sg_fd){ .num = 0, .type = SG_FDT_PIPE, .name = "pipe:[1234]" };
	e->fd = &fds[E_READ];
	e->fdnum = 0;

	/* curl (unknown to the state) connects 192.168.1.10:51000 -> 10.1.2.3:443 */
	uint64_t a2[6] = { 5, 0x3000, 16, 0, 0, 0 };
	e = syscall_ev(E_CONNECT, "connect", 5000400, 5000400, "curl", 0, a2);
	e->uid = 0;
	inet_fd(&fds[E_CONNECT], 5, AF_INET, "192.168.1.10", 51000, "10.1.2.3", 443, false);
	e->fd = &fds[E_CONNECT];
	e->fdnum = 5;

	/* sshd accepts 192.168.5.5:60000 on 10.0.0.1:22 */
	uint64_t a3[6] = { 3, 0, 0, 0, 0, 0 };
	e = syscall_ev(E_ACCEPT, "accept", PID_SSHD, PID_SSHD, "sshd", 6, a3);
	e->uid = 0;
	inet_fd(&fds[E_ACCEPT], 6, AF_INET, "10.0.0.1", 22, "192.168.5.5", 60000, true);
	e->fd = &fds[E_ACCEPT];
	e->fdnum = 6;

	/* cat exits */
	e = &ev[E_EXIT];
	memset(e, 0, sizeof(*e));
	e->kind = SG_EV_PROCEXIT;
	e->def = &sg_procexit_def;
	e->nr = SG_NR_NONE;
	e->num = E_EXIT + 1;
	e->pid = e->tid = PID_CAT;
	e->uid = 1000;
	e->fdnum = -1;
	e->state = st;
	e->proc = sg_state_proc(st, PID_CAT);
	strcpy(e->comm, "cat");

	/* an unknown process with an odd name runs execve and fails */
	uint64_t a5[6] = { 0x4000, 0x5000, 0x6000, 0, 0, 0 };
	e = syscall_ev(E_EXECVE, "execve", 5000500, 5000501, "we\"ird\ncaf\xc3\xa9", -2, a5);
	e->proc = NULL;

	/* IPv6: [::1]:8080 serving [fe80::1]:40000 on a write */
	uint64_t a6[6] = { 7, 0x7000, 5, 0, 0, 0 };
	e = syscall_ev(E_V6, "write", PID_BASH, PID_BASH, "bash", 5, a6);
	capture(e, "data", "GET /", 5);
	inet_fd(&fds[E_V6], 7, AF_INET6, "::1", 8080, "fe80::1", 40000, true);
	e->fd = &fds[E_V6];
	e->fdnum = 7;
}

/* Which of the NEV events match, as a string of 0/1 in event order. */
static const struct {
	const char *filter;
	const char *want; /* openat read connect accept exit execve v6 */
} cases[] = {
	/* evt.type */
	{ "evt.type=openat", "1000000" },
	{ "evt.type!=openat", "0111111" },
	{ "evt.type in (read, write, procexit)", "0100101" },
	{ "evt.type=procexit", "0000100" },
	{ "evt.type startswith re", "0100000" },
	{ "evt.type glob 'acc*'", "0001000" },
	{ "evt.type pmatch (open)", "0000000" },
	{ "not evt.type in (openat, read)", "0011111" },
	{ "evt.type regex 'e.*e'", "0000010" },
	/* strings */
	{ "proc.name=bash", "1000001" },
	{ "proc.name==cat", "0100100" },
	{ "proc.name!=bash", "0111110" },
	{ "proc.name contains ss", "0001000" },
	{ "proc.name icontains SS", "0001000" },
	{ "proc.name startswith ba", "1000001" },
	{ "proc.name endswith sh", "1000001" },
	{ "proc.name glob 'c?*'", "0110100" },
	{ "proc.name iglob 'C*'", "0110100" },
	{ "proc.name in (cat, curl)", "0110100" },
	{ "proc.name intersects (sshd)", "0001000" },
	{ "proc.name < c", "expected a number after '<', not 'c'" },
	{ "proc.name > 9", "1111111" },
	{ "proc.name <= 0x10", "0000000" },
	{ "proc.name regex 'c.t'", "0100100" },
	{ "proc.name regex 'c'", "0000000" },
	{ "proc.name regex '.*\\\\n.*'", "0000010" },
	{ "proc.name = \"we\\\"ird\\ncaf\\xc3\\xa9\"", "0000010" },
	{ "proc.name contains 'caf\xc3\xa9'", "0000010" },
	{ "proc.name contains \"\\n\"", "0000010" },
	{ "proc.name exists", "1111111" },
	/* numbers */
	{ "proc.pid=5000200", "1000001" },
	{ "proc.pid = 0x4C4C08", "1000001" },
	{ "proc.pid != 5000200", "0111110" },
	{ "proc.pid < 5000200", "0001000" },
	{ "proc.pid <= 5000200", "1001001" },
	{ "proc.pid > 5000300", "0010010" },
	{ "proc.pid >= 5000300", "0110110" },
	{ "proc.pid in (5000100, 5000300)", "0101100" },
	{ "thread.tid=5000201", "1000000" },
	{ "thread.ismain=false", "1000010" },
	{ "user.uid=0", "0011000" },
	{ "user.uid in (0, 1000) and not user.uid=0", "1100111" },
	{ "evt.rawres < 0", "0100010" },
	{ "evt.rawres = -11", "0100000" },
	{ "evt.failed=true", "0100010" },
	{ "evt.failed=false", "1011101" },
	{ "evt.res=EAGAIN", "0100000" },
	{ "evt.num > 5", "0000011" },
	{ "fd.num=3", "1000000" },
	{ "fd.num >= 5", "0011001" },
	{ "fd.num exists", "1111001" },
	/* missing fields: the comparison is false, its negation true */
	{ "fd.name=/etc/passwd", "1000000" },
	{ "fd.name!=/etc/passwd", "0111001" },
	{ "not fd.name=/etc/passwd", "0111111" },
	{ "not fd.name exists", "0000110" },
	{ "fd.name contains passwd or evt.type=procexit", "1000100" },
	{ "proc.exe=-bash", "1000001" },
	{ "proc.exe exists", "1101101" },
	{ "not proc.exe exists", "0010010" },
	/* file fields */
	{ "fd.type=file", "1000000" },
	{ "fd.typechar=p", "0100000" },
	{ "fd.directory=/etc", "1000000" },
	{ "fd.filename=passwd", "1000000" },
	{ "fd.name pmatch (/etc, /var/run)", "1000000" },
	{ "fd.name pmatch (/et)", "0000000" },
	{ "fd.name pmatch (/etc/)", "1000000" },
	/* libs' path_prefix_search: glob components, empty components dropped */
	{ "fd.name pmatch (/etc/*)", "1000000" },
	{ "fd.name pmatch (/etc//passwd)", "1000000" },
	{ "fd.name pmatch ('/e?c/pass*')", "1000000" },
	{ "fd.name pmatch ('/[a-e]tc')", "1000000" },
	{ "fd.name pmatch (/et*/nosuch, /var)", "0000000" },
	{ "fd.name pmatch (/etc/passwd/x)", "0000000" },
	{ "fd.name pmatch (/)", "1111001" },
	{ "fd.name pmatch (etc)", "1000000" },
	{ "fd.name pmatch (/*/passwd)", "1000000" },
	{ "fd.name glob /etc/*", "1000000" },
	{ "fd.name glob '*'", "1111001" },
	{ "fd.name startswith /etc and evt.type=openat and proc.name=bash", "1000000" },
	/* network: single-valued */
	{ "fd.sip=10.1.2.3", "0010000" },
	{ "fd.sip=10.0.0.0/8", "0011000" },
	{ "fd.cip=192.168.0.0/16", "0011000" },
	{ "fd.lip=10.0.0.1", "0001000" },
	{ "fd.rip=10.1.2.3", "0010000" },
	{ "fd.sip!=10.1.2.3", "0001001" },
	{ "fd.sport=https", "0010000" },
	{ "fd.sport=ssh", "0001000" },
	{ "fd.sport in (22, 443)", "0011000" },
	{ "fd.cport > 50000", "0011000" },
	{ "fd.cport=40000", "0000001" },
	{ "fd.lport=8080", "0000001" },
	{ "fd.sip=::1", "0000001" },
	{ "fd.cip=fe80::/10", "0000001" },
	{ "fd.snet=10.0.0.0/8", "0011000" },
	{ "fd.cnet in (192.168.1.0/24, fe80::/16)", "0010001" },
	{ "fd.l4proto=tcp", "0011001" },
	{ "fd.is_server=true", "0001001" },
	/* any-of: fd.ip, fd.port, fd.net */
	{ "fd.ip=10.1.2.3", "0010000" },
	{ "fd.ip=192.168.1.10", "0010000" },
	{ "fd.ip!=10.1.2.3", "0001001" },
	{ "fd.ip!=1.1.1.1", "0011001" },
	{ "not fd.ip=10.1.2.3", "1101111" },
	{ "fd.port=22", "0001000" },
	{ "fd.port=60000", "0001000" },
	{ "fd.port!=22", "0010001" },
	{ "fd.port > 59999", "0001000" },
	{ "fd.port in (443, 8080)", "0010001" },
	{ "fd.net=192.168.0.0/16", "0011000" },
	{ "fd.net!=192.168.0.0/16", "0000001" },
	{ "fd.ip exists", "0011001" },
	/* ancestors */
	{ "proc.aname=sshd", "1100101" },
	{ "proc.aname=bash", "0100100" },
	{ "proc.aname[1]=bash", "0100100" },
	{ "proc.aname[2]=sshd", "0100100" },
	{ "proc.aname[0]=cat", "0100100" },
	{ "proc.aname in (systemd)", "1101101" },
	{ "proc.aname!=sshd", "1101101" },
	{ "proc.aname startswith sys", "1101101" },
	{ "proc.apid=5000001", "1101101" },
	{ "proc.apid[1]=5000100", "1000001" },
	{ "proc.aname exists", "1101101" },
	{ "proc.pname=bash", "0100100" },
	/* arguments and environment */
	{ "proc.args[1]=-c", "1000001" },
	{ "proc.args[2]='ls -l'", "1000001" },
	{ "proc.args contains 'ls -l'", "1000001" },
	{ "proc.cmdnargs=2", "1000001" },
	{ "proc.env[HOME]=/home/al", "1000001" },
	{ "proc.env[LANG] startswith C.", "1000001" },
	{ "proc.env[NOPE] exists", "0000000" },
	/* event arguments */
	{ "evt.arg.name=/etc/passwd", "1000000" },
	{ "evt.arg[2]=/etc/passwd", "1000000" },
	{ "evt.rawarg.fd=3", "1000000" },
	{ "evt.rawarg.fd=5", "0010000" },
	{ "evt.rawarg.fd in (5, 7)", "0010001" },
	{ "evt.rawarg.size > 100", "0100000" },
	{ "evt.rawarg.name=/etc/passwd", "1000000" },
	{ "evt.rawarg.name startswith /etc", "1000000" },
	{ "evt.rawarg.fd=abc", "'abc' is not a number: 'evt.rawarg.fd' compares whole numbers (like 42 or -1)" },
	{ "evt.rawarg.fd!=abc", "'abc' is not a number: 'evt.rawarg.fd' compares whole numbers (like 42 or -1)" },
	{ "evt.rawarg.flags=4097", "1000000" }, /* O_RDONLY|O_CLOEXEC, Falco's encoding */
	{ "evt.rawarg.flags=0x80000", "0000000" }, /* the kernel's value is not kept */
	{ "evt.rawarg.nosuch=1", "unknown event argument 'nosuch': no syscall sysgrep decodes has it (sysgrep --list-events shows them)" },
	/* buffers */
	{ "evt.buffer contains world", "0100000" },
	{ "evt.buffer bcontains 00626966", "0000000" },
	{ "evt.buffer bcontains 0062696e", "0100000" },
	{ "evt.buffer bstartswith 68656c6c6f", "0100000" },
	{ "evt.buffer startswith 'GET '", "0000001" },
	{ "evt.buffer endswith \"bin\\xff\"", "0100000" },
	{ "evt.buffer = \"hello\\nworld\\x00bin\\xff\"", "0100000" },
	{ "evt.buflen = 5", "0000001" },
	/* transformers */
	{ "toupper(proc.name)=BASH", "1000001" },
	{ "tolower(toupper(proc.name))=bash", "1000001" },
	{ "len(proc.name)=4", "1011001" },
	{ "len(proc.name) > 10", "0000010" },
	{ "basename(fd.name)=passwd", "1000000" },
	{ "basename(proc.exe)=init", "0000000" },
	{ "b64(proc.env[LANG])=x", "0000000" },
	{ "tolower(evt.type)=openat", "1000000" },
	{ "len(evt.buffer)=16", "0100000" },
	{ "len(evt.rawarg.fd)=1", "'evt.rawarg' does not take transformers (use evt.arg.X, its text)" },
	/* field to field */
	{ "proc.name=val(proc.pname)", "0000000" },
	{ "proc.pid=val(thread.tid)", "0111101" },
	{ "proc.pid<val(thread.tid)", "1000010" },
	{ "proc.name!=val(proc.aname[1])", "1101101" },
	{ "fd.sport < val(fd.cport)", "0011001" },
	{ "proc.name=tolower(proc.pname)", "0000000" },
	{ "proc.pname=val(proc.aname[1])", "1101101" },
	/* any-of fields against val() and transformed fields: any value holds */
	{ "proc.aname=val(proc.pname)", "'proc.aname' cannot be compared with a right-hand side field (libs: EPF_NO_RHS)" },
	{ "proc.aname=val(proc.name)", "'proc.aname' cannot be compared with a right-hand side field (libs: EPF_NO_RHS)" },
	{ "proc.aname=tolower(proc.pname)", "'proc.aname' cannot be compared with a right-hand side field (libs: EPF_NO_RHS)" },
	{ "proc.aname=toupper(proc.pname)", "'proc.aname' cannot be compared with a right-hand side field (libs: EPF_NO_RHS)" },
	{ "proc.aname!=val(proc.pname)", "'proc.aname' cannot be compared with a right-hand side field (libs: EPF_NO_RHS)" },
	{ "proc.apid<val(proc.pid)", "'proc.apid' cannot be compared with a right-hand side field (libs: EPF_NO_RHS)" },
	{ "fd.ip=val(fd.sip)", "'fd.ip' cannot be compared with a right-hand side field (libs: EPF_NO_RHS)" },
	{ "fd.ip!=val(fd.sip)", "'fd.ip' cannot be compared with a right-hand side field (libs: EPF_NO_RHS)" },
	{ "fd.port>val(fd.sport)", "'fd.port' cannot be compared with a right-hand side field (libs: EPF_NO_RHS)" },
	{ "fd.net=val(fd.cip)", "'fd.net' cannot be compared with a right-hand side field (libs: EPF_NO_RHS)" },
	/* logic */
	{ "proc.name=bash and evt.type=openat", "1000000" },
	{ "proc.name=bash or proc.name=cat", "1100101" },
	{ "proc.name=bash or proc.name=cat and evt.type=read", "1100001" },
	{ "(proc.name=bash or proc.name=cat) and evt.type=read", "0100000" },
	{ "not (proc.name=bash or proc.name=cat)", "0011010" },
	{ "not proc.name=bash and not proc.name=cat", "0011010" },
	{ "not not proc.name=bash", "1000001" },
	{ "proc.name=bash and (evt.type=openat or fd.lport=8080)", "1000001" },
	{ "", "1111111" },
	{ "evt.type in ()", "0000000" }, /* compiles, with a warning */
	{ "proc.name in ()", "0000000" },
	{ "proc.name in () or proc.pid=5000200", "1000001" },
	{ "not proc.name in ()", "1111111" },
};

static const char *run(const char *filter, char *out)
{
	static struct sg_diag d;
	struct sg_arena a;
	memset(&d, 0, sizeof(d));
	struct sg_filter *f = sg_filter_compile(filter, &d);
	if (!f)
		return d.msg;
	sg_arena_init(&a, 1 << 16);
	for (int i = 0; i < NEV; i++) {
		sg_arena_reset(&a);
		out[i] = sg_filter_match(f, &ev[i], &a) ? '1' : '0';
	}
	out[NEV] = '\0';
	sg_arena_free(&a);
	sg_filter_free(f);
	return out;
}

static const char *show(const char *s)
{
	static char buf[200];
	size_t n = 0;
	for (; *s && n + 5 < sizeof(buf); s++) {
		if ((unsigned char)*s < 0x20 || (unsigned char)*s >= 0x7f)
			n += (size_t)snprintf(buf + n, sizeof(buf) - n, "\\x%02x", (unsigned char)*s);
		else
			buf[n++] = *s;
	}
	buf[n] = '\0';
	return buf;
}

static void test_cases(void)
{
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char out[NEV + 1];
		T_STREQ(run(cases[i].filter, out), cases[i].want, "eval %zu: %s", i,
			show(cases[i].filter));
	}
}

/* What the probe would let through: selected syscall (or procexit), then
 * the pid / tid / uid / comm conditions. */
static bool precheck(const struct sg_pushdown *pd, const struct sg_event *e)
{
	if (pd->never)
		return false;
	if (e->kind == SG_EV_PROCEXIT ? !pd->procexit
				      : e->nr >= SG_MAX_SYSCALLS || !pd->sel[e->nr])
		return false;
	struct {
		uint32_t n;
		const uint32_t *v;
		uint32_t x;
	} nums[] = { { pd->npid, pd->pid, e->pid }, { pd->ntid, pd->tid, e->tid },
		     { pd->nuid, pd->uid, e->uid } };
	for (int k = 0; k < 3; k++) {
		bool hit = nums[k].n == 0;
		for (uint32_t j = 0; j < nums[k].n; j++)
			hit = hit || nums[k].v[j] == nums[k].x;
		if (!hit)
			return false;
	}
	bool hit = pd->ncomm == 0;
	for (uint32_t j = 0; j < pd->ncomm; j++)
		hit = hit || strncmp(pd->comm[j], e->comm, SG_COMM_LEN) == 0;
	return hit;
}

/* Extra filters aimed at the pushdown: lists, conjunctions, negations. */
static const char *const pushdown_filters[] = {
	"proc.pid in (5000200, 5000300) and evt.type in (openat, read, procexit)",
	"proc.name in (bash, cat) and not evt.type=read",
	"thread.tid=5000201 or proc.name=sshd",
	"user.uid=0 and (evt.type=connect or evt.type=accept)",
	"not (evt.type=openat and proc.name=bash)",
	"not (evt.type=openat or evt.type=read)",
	"proc.name=averylongname_over15 or evt.type=procexit",
	"evt.type startswith e and proc.pid > 0",
	"proc.pid in (1,2,3,4,5,6,7,8,9,5000200)",
	"proc.name in (bash) and proc.name in (bash, cat) and user.uid in (1000)",
	"evt.type!=procexit and not proc.name=cat",
};

static int pushdown_same(const char *filter)
{
	struct sg_diag d = { 0 };
	struct sg_arena a;
	struct sg_pushdown pd;
	struct sg_filter *f = sg_filter_compile(filter, &d);
	if (!f)
		return -1;
	sg_filter_pushdown(f, &pd);
	sg_arena_init(&a, 1 << 16);
	int same = 1;
	for (int i = 0; i < NEV; i++) {
		sg_arena_reset(&a);
		bool plain = sg_filter_match(f, &ev[i], &a);
		sg_arena_reset(&a);
		bool pushed = precheck(&pd, &ev[i]) && sg_filter_match(f, &ev[i], &a);
		same = same && plain == pushed;
	}
	sg_arena_free(&a);
	sg_filter_free(f);
	return same;
}

static void test_pushdown_equivalence(void)
{
	int bad = 0, n = 0;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++, n++) {
		int r = pushdown_same(cases[i].filter);
		if (r == 0) {
			bad++;
			t_note("pushdown changes the result of: %s", show(cases[i].filter));
		}
	}
	t_check(bad == 0, "pushdown keeps the selection of %d filters", n);
	for (size_t i = 0; i < sizeof(pushdown_filters) / sizeof(pushdown_filters[0]); i++)
		t_check(pushdown_same(pushdown_filters[i]) == 1, "pushdown same: %s",
			pushdown_filters[i]);
	/* the pre-check really filters: a pid condition rejects other pids */
	struct sg_diag d = { 0 };
	struct sg_pushdown pd;
	struct sg_filter *f = sg_filter_compile("proc.pid=5000200 and evt.type=openat", &d);
	sg_filter_pushdown(f, &pd);
	t_check(f && precheck(&pd, &ev[E_OPENAT]) && !precheck(&pd, &ev[E_READ]) &&
		!precheck(&pd, &ev[E_V6]), "pushdown pre-check rejects events");
	sg_filter_free(f);
}

/* A field used twice is fetched once per event, and again for the next. */
static void test_cache(void)
{
	struct sg_diag d = { 0 };
	struct sg_arena a;
	sg_arena_init(&a, 1 << 16);
	struct sg_filter *f = sg_filter_compile("proc.name=bash or proc.name=cat", &d);
	bool r0 = sg_filter_match(f, &ev[E_OPENAT], &a);
	bool r1 = sg_filter_match(f, &ev[E_READ], &a);
	bool r2 = sg_filter_match(f, &ev[E_CONNECT], &a);
	t_check(r0 && r1 && !r2, "cached fields do not leak between events");
	sg_filter_free(f);
	sg_arena_free(&a);
}

/* 100-deep nesting evaluates right. */
static void test_deep(void)
{
	struct sg_strbuf b;
	sg_sb_init(&b);
	for (int i = 0; i < 100; i++)
		sg_sb_puts(&b, i % 2 ? "(proc.pid>0 and " : "not (proc.name=zz or ");
	sg_sb_puts(&b, "proc.name=bash");
	for (int i = 0; i < 100; i++)
		sg_sb_puts(&b, ")");
	char out[NEV + 1];
	/* 50 nots: even, so the innermost test decides */
	T_STREQ(run(sg_sb_cstr(&b), out), "1000001", "100-deep nesting");
	sg_sb_free(&b);
}

int main(void)
{
	sg_syscalls_init();
	build_events();
	test_cases();
	test_pushdown_equivalence();
	test_cache();
	test_deep();
	sg_state_free(st);
	return t_done();
}
