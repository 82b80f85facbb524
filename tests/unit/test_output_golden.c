/*
 * Golden tests: a fixed set of hand-built events rendered as text (no
 * colour), JSON Lines and CSV, compared byte for byte with
 * tests/golden/events.{txt,json,csv}.  SG_UPDATE_GOLDEN=1 rewrites the
 * files instead (review the diff before committing them).
 * Run from the top of the tree (make unit does); SG_GOLDEN_DIR overrides.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "state/state.h"
#include "event/syscalls.h"
#include "output/output.h"
#include "t.h"

#define NEV 11

struct gev {
	struct sg_event e;
	struct sg_proc proc;
	struct sg_fd fd;
};

static struct gev ev[NEV];
static struct sg_state *state;

/* ---- building events --------------------------------------------------- */

static struct sg_event *ev_init(struct gev *g, const char *type, uint64_t num, int64_t res)
{
	unsigned nr = 0;
	memset(g, 0, sizeof(*g));
	struct sg_event *e = &g->e;
	e->def = strcmp(type, "procexit") == 0 ? &sg_procexit_def : sg_syscall_by_name(type, &nr);
	e->kind = e->def == &sg_procexit_def ? SG_EV_PROCEXIT : SG_EV_SYSCALL;
	e->nr = (uint16_t)nr;
	e->num = num;
	e->ts = 1700000000123456789ull + num * 1000003ull;
	e->cpu = (uint32_t)(num % 2);
	e->pid = e->tid = 1234;
	e->ppid = 1;
	e->res = res;
	e->fdnum = -1;
	e->state = state;
	e->nparams = e->def->nparams;
	for (unsigned i = 0; i < e->nparams; i++) {
		e->params[i].def = &e->def->params[i];
		if (e->def->params[i].src == SG_SRC_RES)
			e->params[i].num = res;
	}
	g->proc = (struct sg_proc){.pid = 1234, .ppid = 1, .uid = 0, .gid = 0};
	e->proc = &g->proc;
	return e;
}

static struct sg_param *param(struct gev *g, const char *name)
{
	for (unsigned i = 0; i < g->e.nparams; i++)
		if (strcmp(g->e.params[i].def->name, name) == 0)
			return &g->e.params[i];
	t_note("no param %s in %s", name, g->e.def->name);
	abort();
}

static void set_num(struct gev *g, const char *name, int64_t v)
{
	struct sg_param *p = param(g, name);
	p->num = v;
	if (p->def->src == SG_SRC_STATE)
		p->flags |= SG_PARAM_DATA;
}

static void set_data(struct gev *g, const char *name, const void *d, uint32_t len, uint8_t fl)
{
	struct sg_param *p = param(g, name);
	p->data = d;
	p->len = len;
	p->flags = SG_PARAM_DATA | fl;
}

static void set_proc(struct gev *g, const char *comm, const char *exepath, const char *args,
		     uint32_t alen, uint32_t nargs)
{
	snprintf(g->e.comm, sizeof(g->e.comm), "%s", comm);
	snprintf(g->proc.comm, sizeof(g->proc.comm), "%s", comm);
	g->proc.exe = (char *)comm;
	g->proc.exepath = (char *)exepath;
	g->proc.args = (char *)args;
	g->proc.args_len = alen;
	g->proc.nargs = nargs;
	g->proc.cwd = "/root";
}

static void set_fd(struct gev *g, int64_t num, unsigned type, const char *name)
{
	g->fd = (struct sg_fd){.num = num, .type = (uint8_t)type, .name = (char *)name};
	g->e.fd = &g->fd;
	g->e.fdnum = num;
}

static struct sg_tuple tuple;
static const char hostile_name[] = "evil\nname,\"q\"\t\033[31m\xff.txt";

static void build(void)
{
	struct gev *g = ev;

	/* 1: a successful open */
	ev_init(g, "openat", 1, 3);
	set_proc(g, "cat", "/usr/bin/cat", "/etc/passwd", 11, 1);
	set_num(g, "dirfd", -100);
	set_data(g, "name", "/etc/passwd", 11, 0);
	set_num(g, "flags", 4097); /* O_RDONLY|O_CLOEXEC in Falco's encoding */
	set_num(g, "mode", 0);
	set_fd(g, 3, SG_FDT_FILE, "/etc/passwd");

	/* 2: a failed open */
	ev_init(++g, "openat", 2, -ENOENT);
	set_proc(g, "cat", "/usr/bin/cat", "/nonexistent", 12, 1);
	set_num(g, "dirfd", -100);
	set_data(g, "name", "/nonexistent", 12, 0);
	set_num(g, "flags", 262); /* O_WRONLY|O_CREAT|O_TRUNC */
	set_num(g, "mode", 0644);

	/* 3: connect on a TCP socket */
	ev_init(++g, "connect", 3, 0);
	set_proc(g, "curl", "/usr/bin/curl", "-s\0http://127.0.0.1:22/", 23, 2);
	tuple = (struct sg_tuple){.family = AF_INET, .l4proto = 6, .type = 1,
				  .lport = 41234, .rport = 22};
	memcpy(tuple.laddr, (uint8_t[]){127, 0, 0, 1}, 4);
	memcpy(tuple.raddr, (uint8_t[]){127, 0, 0, 1}, 4);
	set_data(g, "tuple", &tuple, sizeof(tuple), 0);
	set_num(g, "fd", 4);
	static uint8_t sin[16];
	uint16_t fam = AF_INET, port = htons(22);
	memcpy(sin, &fam, 2);
	memcpy(sin + 2, &port, 2);
	memcpy(sin + 4, (uint8_t[]){127, 0, 0, 1}, 4);
	set_data(g, "addr", sin, sizeof(sin), 0);
	set_fd(g, 4, SG_FDT_IPV4, "127.0.0.1:41234->127.0.0.1:22");
	g->fd.tuple = tuple;

	/* 4: a read whose buffer was cut at the snaplen */
	ev_init(++g, "read", 4, 16);
	set_proc(g, "nginx", "/usr/sbin/nginx", "", 0, 0);
	set_data(g, "data", "GET / HTTP/1.1\r\n", 16, SG_PARAM_TRUNC);
	set_num(g, "fd", 5);
	set_num(g, "size", 4096);
	set_fd(g, 5, SG_FDT_IPV4, "10.0.0.2:50000->10.0.0.1:80");
	g->fd.is_server = 1;
	g->fd.tuple = (struct sg_tuple){.family = AF_INET, .l4proto = 6, .type = 1,
					.lport = 80, .rport = 50000};
	memcpy(g->fd.tuple.laddr, (uint8_t[]){10, 0, 0, 1}, 4);
	memcpy(g->fd.tuple.raddr, (uint8_t[]){10, 0, 0, 2}, 4);

	/* 5: execve, its exe and argv from the process table */
	ev_init(++g, "execve", 5, 0);
	set_proc(g, "ls", "/usr/bin/ls", "-l\0/tmp", 7, 2);
	set_data(g, "exe", "ls", 2, 0);
	set_data(g, "args", "-l\0/tmp", 7, 0); /* text only, as decode.c */
	set_num(g, "tid", 1234);
	set_num(g, "pid", 1234);
	set_num(g, "ptid", 1);
	set_data(g, "cwd", "/root", 5, 0);
	set_data(g, "comm", "ls", 2, 0);
	set_num(g, "uid", 0);
	set_num(g, "loginuid", 0xffffffffll);

	/* 6: kill refused, by a user without a name */
	ev_init(++g, "kill", 6, -EPERM);
	set_proc(g, "bash", "/usr/bin/bash", "", 0, 0);
	g->e.uid = g->proc.uid = 4000000;
	set_num(g, "pid", 1234);
	set_num(g, "sig", 9);

	/* 7: setuid(0) */
	ev_init(++g, "setuid", 7, 0);
	set_proc(g, "sudo", "/usr/bin/sudo", "id", 2, 1);
	set_num(g, "uid", 0);

	/* 8: pipe2, its fds captured as a pair */
	ev_init(++g, "pipe2", 8, 0);
	set_proc(g, "sh", "/usr/bin/dash", "", 0, 0);
	static int32_t fds[2] = {6, 7};
	set_data(g, "fd1", fds, sizeof(fds), 0);
	set_data(g, "fd2", fds, sizeof(fds), 0);
	set_num(g, "flags", 0x80000);

	/* 9: a path full of hostile bytes; the process name too */
	ev_init(++g, "openat", 9, 8);
	set_proc(g, "x\ty,\"z\"", "/tmp/a b,c", "", 0, 0);
	set_num(g, "dirfd", -100);
	set_data(g, "name", hostile_name, sizeof(hostile_name) - 1, 0);
	set_num(g, "flags", 1); /* O_RDONLY */
	set_num(g, "mode", 0);
	set_fd(g, 8, SG_FDT_FILE, hostile_name);

	/* 10: an unreadable path, and an unknown process */
	ev_init(++g, "openat", 10, -EFAULT);
	g->e.proc = NULL;
	snprintf(g->e.comm, sizeof(g->e.comm), "a.out");
	set_num(g, "dirfd", -100);
	param(g, "name")->flags = SG_PARAM_FAULT;
	set_num(g, "flags", 1);
	set_num(g, "mode", 0);

	/* 11: the process exits */
	ev_init(++g, "procexit", 11, 0);
	set_proc(g, "cat", "/usr/bin/cat", "/etc/passwd", 11, 1);
	set_num(g, "ret", 0);
	set_num(g, "sig", 0);
}

/* ---- running ----------------------------------------------------------- */

static char *render_all(enum sg_outfmt fmt, const char *format, const char *count_by,
			bool count, size_t *len)
{
	char name[] = "/tmp/sg-golden-XXXXXX";
	int fd = mkstemp(name);
	unlink(name);
	struct sg_output_opts o = {.fmt = fmt, .format = format, .count_by = count_by,
				   .count = count, .header = true, .fd = fd};
	struct sg_diag d = {.what = "format"};
	struct sg_output *out = sg_output_new(&o, &d);
	struct sg_arena a;
	sg_arena_init(&a, 1 << 16);
	for (int i = 0; out && i < NEV; i++) {
		sg_arena_reset(&a);
		if (sg_output_event(out, &ev[i].e, &a) < 0)
			t_note("write error %d", errno);
	}
	if (out)
		sg_output_end(out);
	sg_output_free(out);
	sg_arena_free(&a);

	off_t n = lseek(fd, 0, SEEK_END);
	char *buf = calloc(1, (size_t)n + 1);
	*len = (size_t)pread(fd, buf, (size_t)n, 0);
	close(fd);
	return buf;
}

static void golden_of(const char *file, enum sg_outfmt fmt, const char *format,
		      const char *count_by, bool count)
{
	char path[512];
	const char *dir = getenv("SG_GOLDEN_DIR");
	snprintf(path, sizeof(path), "%s/%s", dir ? dir : "tests/golden", file);
	size_t len;
	char *got = render_all(fmt, format, count_by, count, &len);

	if (getenv("SG_UPDATE_GOLDEN")) {
		FILE *f = fopen(path, "wb");
		T_OK(f && fwrite(got, 1, len, f) == len && fclose(f) == 0, "wrote %s", path);
		free(got);
		return;
	}
	FILE *f = fopen(path, "rb");
	char *want = calloc(1, 1 << 20);
	size_t wlen = f ? fread(want, 1, (1 << 20) - 1, f) : 0;
	if (f)
		fclose(f);
	bool same = f && wlen == len && memcmp(want, got, len) == 0;
	T_OK(same, "%s matches byte for byte", path);
	if (!same) {
		size_t i = 0;
		while (i < len && i < wlen && want[i] == got[i])
			i++;
		t_note("first difference at byte %zu (got %zu bytes, want %zu)", i, len, wlen);
		t_note("got: %.200s", got + (i > 40 ? i - 40 : 0));
	}
	free(want);
	free(got);
}

static void golden(const char *file, enum sg_outfmt fmt, const char *format)
{
	golden_of(file, fmt, format, NULL, false);
}

int main(void)
{
	setenv("TZ", "UTC", 1);
	tzset();
	sg_syscalls_init();
	state = sg_state_new();
	build();

	golden("events.txt", SG_OUT_TEXT, NULL);
	golden("events.json", SG_OUT_JSON, NULL);
	golden("events.csv", SG_OUT_CSV, NULL);
	golden("format.txt", SG_OUT_TEXT,
	       "*%evt.num %10proc.name|%evt.arg.name|%evt.rawarg.res|%fd.name|%user.name");
	golden("format.json", SG_OUT_JSON,
	       "*%evt.num %proc.name %evt.arg.name %evt.rawarg.res %evt.failed %fd.num %user.name");
	golden("format.csv", SG_OUT_CSV, "%evt.num %proc.name %evt.type %fd.name %evt.args");
	/* -c and --count-by over the same events (hostile keys included) */
	golden_of("count.txt", SG_OUT_TEXT, NULL, NULL, true);
	golden_of("count.json", SG_OUT_JSON, NULL, NULL, true);
	golden_of("count.csv", SG_OUT_CSV, NULL, NULL, true);
	golden_of("countby.txt", SG_OUT_TEXT, NULL, "proc.name,evt.type,fd.name", false);
	golden_of("countby.json", SG_OUT_JSON, NULL, "proc.name,evt.type,fd.name", false);
	golden_of("countby.csv", SG_OUT_CSV, NULL, "proc.name,evt.type,fd.name", false);

	sg_state_free(state);
	return t_done();
}
