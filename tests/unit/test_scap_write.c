/*
 * The capture writer against the capture reader, without a kernel: a state
 * with a listed process and fds, hand-built events (open, read, connect,
 * close, a generic call), written plain and gzip, read back: the lists
 * seed the offline state, every value comes back as it went in.
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include "capture/decode.h"
#include "capture/scap_write.h"
#include "capture/source.h"
#include "event/flagtables.h"
#include "event/syscalls.h"
#include "state/state.h"
#include "t.h"

#define PID 4242

static struct sg_state *make_state(void)
{
	struct sg_state *st = sg_state_new();
	sg_state_set_offline(st);
	static const char args[] = "/bin/tproc\0-v\0file one";
	struct sg_proc_seed ps = {
		.pid = PID, .ppid = 1, .uid = 1000, .gid = 1000, .loginuid = 1000,
		.comm = "tproc", .exe = "/bin/tproc", .exepath = "/usr/bin/tproc",
		.cwd = "/home/t", .args = args, .args_len = sizeof(args),
	};
	sg_state_seed_proc(st, &ps);
	struct sg_fd_seed fs = {.num = 5, .type = SG_FDT_FILE, .name = "/etc/hosts",
				.name_len = 10, .openflags = SG_PPM_O_RDONLY};
	sg_state_seed_fd(st, PID, &fs);
	sg_state_seed_ids(st, strdup("t:x:1000:1000::/home/t:/bin/sh\n"), strdup("t:x:1000:\n"));
	return st;
}

static void header(struct sg_event *e, struct sg_state *st, const char *name, uint64_t ts)
{
	unsigned nr;
	memset(e, 0, sizeof(*e));
	e->def = sg_syscall_by_name(name, &nr);
	e->nr = (uint16_t)nr;
	e->kind = SG_EV_SYSCALL;
	e->ts = ts;
	e->tid = e->pid = PID;
	e->ppid = 1;
	e->uid = e->gid = e->loginuid = 1000;
	snprintf(e->comm, sizeof(e->comm), "tproc");
	e->state = st;
	e->proc = sg_state_proc(st, PID);
	e->fdnum = -1;
	e->nparams = e->def->nparams;
	for (unsigned i = 0; i < e->nparams; i++)
		e->params[i] = (struct sg_param){.def = &e->def->params[i]};
}

static struct sg_param *par(struct sg_event *e, const char *name)
{
	return (struct sg_param *)sg_event_param(e, name);
}

static void set_data(struct sg_param *p, const void *d, uint32_t n)
{
	p->data = d;
	p->len = n;
	p->flags |= SG_PARAM_DATA;
}

static struct sockaddr_in addr_in;
static struct sg_tuple tup;

/* The events, in order; each through sg_state_before as the pipeline does. */
static int write_events(struct sg_scap_writer *w, struct sg_state *st)
{
	struct sg_event e;
	int rc = 0;

	header(&e, st, "openat", 1000);
	e.res = 7;
	par(&e, "fd")->num = 7;
	par(&e, "dirfd")->num = -100;
	set_data(par(&e, "name"), "/tmp/new file", 13);
	par(&e, "flags")->num = SG_PPM_O_RDONLY | SG_PPM_O_CLOEXEC;
	sg_state_before(st, &e);
	rc |= sg_scap_writer_event(w, &e);
	sg_state_after(st, &e);

	header(&e, st, "read", 2000);
	e.res = 3;
	par(&e, "res")->num = 3;
	par(&e, "fd")->num = 5;
	e.args[0] = 5;
	par(&e, "size")->num = 16;
	set_data(par(&e, "data"), "abc", 3);
	rc |= sg_scap_writer_event(w, &e);

	/* a failed read: no data, as the probe sends it */
	header(&e, st, "read", 2500);
	e.res = -9;
	par(&e, "res")->num = -9;
	par(&e, "fd")->num = 99;
	par(&e, "size")->num = 8;
	rc |= sg_scap_writer_event(w, &e);

	header(&e, st, "connect", 3000);
	e.res = -111;
	par(&e, "res")->num = -111;
	par(&e, "fd")->num = 6;
	addr_in.sin_family = AF_INET;
	addr_in.sin_port = htons(8080);
	addr_in.sin_addr.s_addr = htonl(0x0a000001);
	set_data(par(&e, "addr"), &addr_in, sizeof(addr_in));
	tup.family = AF_INET;
	tup.l4proto = IPPROTO_TCP;
	tup.lport = 40000;
	tup.rport = 8080;
	memcpy(tup.laddr, "\x7f\0\0\x01", 4);
	memcpy(tup.raddr, "\x0a\0\0\x01", 4);
	set_data(par(&e, "tuple"), &tup, sizeof(tup));
	rc |= sg_scap_writer_event(w, &e);

	header(&e, st, "close", 4000);
	par(&e, "fd")->num = 7;
	e.args[0] = 7;
	rc |= sg_scap_writer_event(w, &e);
	return rc;
}

static const struct sg_param *got(const struct sg_event *e, const char *n)
{
	return sg_event_param(e, n);
}

static bool num_is(const struct sg_event *e, const char *n, int64_t v)
{
	int64_t x;
	return sg_param_num(got(e, n), &x) && x == v;
}

static bool data_is(const struct sg_event *e, const char *n, const void *d, uint32_t len)
{
	const struct sg_param *p = got(e, n);
	return p && (p->flags & SG_PARAM_DATA) && p->len == len && !memcmp(p->data, d, len);
}

static void read_back(const char *path, const char *what)
{
	char err[256];
	struct sg_source *src = sg_source_open(path, err, sizeof(err));
	struct sg_state *st = sg_state_new();
	struct sg_capdec *d = src ? sg_capdec_new(src, st) : NULL;
	if (!t_check(d != NULL, "%s: the file opens (%s)", what, src ? "" : err))
		return;
	struct sg_event e;
	int rc = sg_capdec_next(d, &e);
	t_check(rc == 1 && !strcmp(e.def->name, "openat"), "%s: first event openat", what);
	t_check(e.ts == 1000 && e.tid == PID && e.pid == PID, "%s: time, thread, process", what);
	t_check(e.res == 7 && num_is(&e, "dirfd", -100), "%s: openat fd and dirfd", what);
	t_check(data_is(&e, "name", "/tmp/new file", 13), "%s: openat name", what);
	t_check(num_is(&e, "flags", SG_PPM_O_RDONLY | SG_PPM_O_CLOEXEC), "%s: openat flags", what);
	const struct sg_proc *p = sg_state_proc(st, PID);
	t_check(p && !strcmp(p->comm, "tproc") && p->exe && !strcmp(p->exe, "/bin/tproc"),
		"%s: process list: comm, exe", what);
	t_check(p && p->cwd && !strcmp(p->cwd, "/home/t") && p->exepath &&
		!strcmp(p->exepath, "/usr/bin/tproc"), "%s: process list: cwd, exepath", what);
	t_check(p && p->args_len == 11 && !memcmp(p->args, "-v\0file one", 11),
		"%s: process list: args (%u)", what, p ? p->args_len : 0);
	t_check(p && p->uid == 1000 && p->ppid == 1, "%s: process list: uid, ppid", what);
	const struct sg_fd *f = sg_state_fd(st, PID, 5);
	t_check(f && f->name && !strcmp(f->name, "/etc/hosts") && f->type == SG_FDT_FILE,
		"%s: fd list: the file open before the first event", what);
	const char *u = sg_user_name(st, 1000);
	t_check(u && !strcmp(u, "t"), "%s: user list", what);

	rc = sg_capdec_next(d, &e);
	t_check(rc == 1 && !strcmp(e.def->name, "read") && e.res == 3, "%s: read", what);
	t_check(data_is(&e, "data", "abc", 3) && num_is(&e, "fd", 5) && num_is(&e, "size", 16),
		"%s: read data, fd (enter), size", what);
	rc = sg_capdec_next(d, &e);
	const struct sg_param *dp = got(&e, "data");
	t_check(rc == 1 && e.res == -9 && dp && !(dp->flags & SG_PARAM_DATA),
		"%s: a failed read has no data", what);
	rc = sg_capdec_next(d, &e);
	t_check(rc == 1 && !strcmp(e.def->name, "connect") && e.res == -111, "%s: connect", what);
	t_check(data_is(&e, "addr", &addr_in, sizeof(addr_in)), "%s: connect sockaddr", what);
	const struct sg_param *tp = got(&e, "tuple");
	struct sg_tuple t2;
	memset(&t2, 0, sizeof(t2));
	if (tp && tp->len >= sizeof(t2))
		memcpy(&t2, tp->data, sizeof(t2));
	t_check(t2.family == AF_INET && t2.lport == 40000 && t2.rport == 8080 &&
		!memcmp(t2.laddr, tup.laddr, 4) && !memcmp(t2.raddr, tup.raddr, 4),
		"%s: connect tuple, local and remote", what);
	rc = sg_capdec_next(d, &e);
	t_check(rc == 1 && !strcmp(e.def->name, "close") && num_is(&e, "fd", 7), "%s: close", what);
	rc = sg_capdec_next(d, &e);
	t_check(rc == 0 && !sg_capdec_error(d), "%s: a clean end", what);
	sg_capdec_free(d);
	sg_state_free(st);
	sg_source_close(src);
}

static void test_round_trip(bool gz)
{
	char path[] = "/tmp/sg-scapw-XXXXXX";
	int fd = mkstemp(path);
	close(fd);
	unlink(path);
	struct sg_state *st = make_state();
	struct sg_scap_wopts o = {.path = path, .compress = gz, .hostname = "testhost"};
	char err[256];
	struct sg_scap_writer *w = sg_scap_writer_open(&o, st, err, sizeof(err));
	t_check(w != NULL, "%s: writer opens", gz ? "gzip" : "plain");
	if (!w)
		return;
	struct stat sb;
	t_check(!stat(path, &sb) && (sb.st_mode & 0777) == 0600, "the file is created 0600");
	t_check(write_events(w, st) == 0, "%s: events written", gz ? "gzip" : "plain");
	t_check(sg_scap_writer_close(w) == 0, "%s: closed", gz ? "gzip" : "plain");
	struct sg_scap_wstats ws;
	sg_scap_writer_stats(w, &ws);
	/* openat, read x2, connect, close: enter + exit each */
	t_check(ws.events == 5 && ws.blocks == 10 && ws.files == 1, "%s: 5 events, 10 blocks",
		gz ? "gzip" : "plain");
	sg_scap_writer_free(w);
	/* an existing file is refused without force */
	struct sg_scap_writer *w2 = sg_scap_writer_open(&o, st, err, sizeof(err));
	t_check(!w2 && strstr(err, "exists"), "an existing file is refused: %s", err);
	sg_scap_writer_free(w2);
	read_back(path, gz ? "gzip" : "plain");
	unlink(path);
	sg_state_free(st);
}

int main(void)
{
	sg_syscalls_init();
	test_round_trip(false);
	test_round_trip(true);
	return t_failed ? 1 : 0;
}
