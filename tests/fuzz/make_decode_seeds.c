/*
 * Writes the seeds of fuzz_decode (tests/fuzz/seeds/decode/): record
 * streams laid out as the probe writes them (event/abi.h), made from the
 * event table itself, so each syscall gets the payloads, in the order and
 * of the kinds, its definition asks for.  `make fuzz-seeds` runs it.
 *
 *   make_decode_seeds DIR
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "event/abi.h"
#include "event/syscalls.h"

static uint8_t buf[1 << 16];
static size_t used;

struct val {
	const char *name;
	const void *data;
	uint16_t len;
};

static void put(const void *p, size_t n)
{
	if (used + n > sizeof(buf))
		abort();
	memcpy(buf + used, p, n);
	used += n;
}

static void payload(uint8_t kind, uint8_t flags, const void *p, uint16_t n)
{
	struct sg_payload h = {.len = n, .kind = kind, .flags = flags};
	put(&h, sizeof(h));
	put(p, n);
}

/* The header at start, finished once its payloads are written; records
 * are 8-byte aligned as in the ring buffer. */
static size_t rec_begin(uint16_t kind, uint32_t pid, int64_t res)
{
	struct sg_rec r;
	memset(&r, 0, sizeof(r));
	r.ts = 1000000000ull * 5 + used;
	r.kind = kind;
	r.tid = r.pid = pid;
	r.ppid = 1;
	r.uid = r.gid = 1000;
	r.loginuid = 1000;
	r.res = res;
	r.cpu = 1;
	memcpy(r.comm, "cat", 3);
	size_t at = used;
	put(&r, sizeof(r));
	return at;
}

static void rec_end(size_t at, uint16_t nr, const uint64_t *args, uint16_t npl, uint32_t flags)
{
	struct sg_rec *r = (struct sg_rec *)(buf + at);
	r->nr = nr;
	r->npayloads = npl;
	r->flags = flags;
	r->len = (uint32_t)(used - at);
	if (args)
		memcpy(r->args, args, sizeof(r->args));
	while (used % 8)
		buf[used++] = 0;
}

/* A syscall record: each captured parameter's payload from vals (by
 * name; missing ones are sent as not captured), then the kernel path. */
static void syscall_rec(const char *name, int64_t res, const uint64_t *args,
			const struct val *vals, unsigned nvals, const char *kpath)
{
	unsigned nr;
	const struct sg_syscall_def *d = sg_syscall_by_name(name, &nr);
	if (!d)
		abort();
	size_t at = rec_begin(SG_REC_SYSCALL, 4242, res);
	uint16_t npl = 0;
	for (unsigned i = 0; i < d->nparams && npl < SG_MAX_CAPS; i++) {
		const struct sg_param_def *p = &d->params[i];
		if (p->src != SG_SRC_CAP)
			continue;
		const struct val *v = NULL;
		for (unsigned k = 0; k < nvals; k++)
			if (!strcmp(vals[k].name, p->name))
				v = &vals[k];
		if (v)
			payload(p->cap, 0, v->data, v->len);
		else
			payload(p->cap, SG_PLF_SKIP, "", 0);
		npl++;
	}
	if ((d->flags & SG_SC_KPATH) && npl < SG_MAX_CAPS) {
		payload(SG_CAP_RES_PATH, kpath ? 0 : SG_PLF_SKIP, kpath ? kpath : "",
			kpath ? (uint16_t)strlen(kpath) : 0);
		npl++;
	}
	rec_end(at, (uint16_t)nr, args, npl, 0);
}

static void proc_rec(uint16_t kind, uint32_t pid, bool exec, uint32_t flags)
{
	static const char file[] = "/usr/bin/cat", args[] = "cat\0/etc/passwd", env[] = "HOME=/\0X=\033[2J";
	struct sg_procinfo pi;
	memset(&pi, 0, sizeof(pi));
	pi.vpid = pi.vtid = pi.sid = pi.pgid = pid;
	pi.loginuid = 1000;
	pi.cap_effective = pi.cap_permitted = 0x1ff;
	pi.fdlimit = 1024;
	pi.exe_ino = 77;
	size_t at = rec_begin(kind, pid, 0);
	payload(SG_PL_PROCINFO, 0, &pi, sizeof(pi));
	if (exec) {
		payload(SG_PL_FILENAME, 0, file, sizeof(file) - 1);
		payload(SG_PL_ARGS, 0, args, sizeof(args));
		payload(SG_PL_ENV, SG_PLF_TRUNC, env, sizeof(env));
	}
	rec_end(at, 0, NULL, exec ? 4 : 1, flags);
}

static void exit_rec(uint32_t pid)
{
	size_t at = rec_begin(SG_REC_EXIT, pid, 0);
	rec_end(at, 0, NULL, 0, SG_RECF_GROUP_DEAD);
}

static void save(const char *dir, const char *name)
{
	char path[512];
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	FILE *f = fopen(path, "wb");
	if (!f || fwrite(buf, 1, used, f) != used || fclose(f)) {
		perror(path);
		exit(1);
	}
	used = 0;
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: make_decode_seeds DIR\n");
		return 2;
	}
	sg_syscalls_init();
	static const char path[] = "/etc/passwd", data[] = "root:x:0:0:\n\xff";
	struct sg_tuple t = {.family = AF_INET, .l4proto = 6, .type = SOCK_STREAM, .lport = 40000,
			     .rport = 0, .laddr = {127, 0, 0, 1}};
	uint8_t sa[16] = {AF_INET, 0, 0, 80, 127, 0, 0, 1};
	const uint64_t a_open[6] = {(uint64_t)-100, 0x7ffd0000, 0x80000, 0};
	const uint64_t a_read[6] = {3, 0x7ffd1000, 4096};
	const uint64_t a_conn[6] = {4, 0x7ffd2000, 16};
	const uint64_t a_close[6] = {3};
	const struct val v_open[] = {{"name", path, sizeof(path)}};
	const struct val v_read[] = {{"data", data, sizeof(data) - 1}};
	const struct val v_conn[] = {{"tuple", &t, sizeof(t)}, {"addr", sa, sizeof(sa)}};

	proc_rec(SG_REC_EXEC, 4242, true, 0);
	save(argv[1], "exec");
	proc_rec(SG_REC_FORK, 4243, false, SG_RECF_THREAD);
	exit_rec(4243);
	save(argv[1], "fork-exit");
	syscall_rec("openat", 3, a_open, v_open, 1, "/etc/passwd");
	syscall_rec("read", sizeof(data) - 1, a_read, v_read, 1, NULL);
	syscall_rec("close", 0, a_close, NULL, 0, NULL);
	save(argv[1], "open-read-close");
	syscall_rec("socket", 4, (const uint64_t[6]){AF_INET, SOCK_STREAM, 0}, NULL, 0, NULL);
	syscall_rec("connect", -111, a_conn, v_conn, 2, NULL);
	save(argv[1], "socket-connect");
	/* a whole run: exec, files, a socket, a failed open, the exit */
	proc_rec(SG_REC_EXEC, 4242, true, 0);
	syscall_rec("openat", 3, a_open, v_open, 1, "/etc/passwd");
	syscall_rec("read", sizeof(data) - 1, a_read, v_read, 1, NULL);
	syscall_rec("connect", -111, a_conn, v_conn, 2, NULL);
	syscall_rec("openat", -2, a_open, v_open, 1, NULL);
	syscall_rec("close", 0, a_close, NULL, 0, NULL);
	exit_rec(4242);
	save(argv[1], "run");
	return 0;
}
