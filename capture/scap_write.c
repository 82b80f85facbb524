/*
 * sysgrep events -> .scap blocks.  The layouts are the ones scap_read.c
 * reads (libs userspace/libscap/engine/savefile): section header 1.2,
 * machine info, user list v1, process list v9 (entries sized, so readers
 * of either age skip what they do not know), fd lists v1 and event blocks
 * v2 (with nparams).  Each event is written as its libs enter event (the
 * parameters older readers take from it) and exit event (all of the
 * current version's parameters), both at the syscall's exit time; a call
 * libs has no event of its own becomes the generic pair, named by libs'
 * syscall code.
 */
#include "capture/scap_write.h"

#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>
#include <zlib.h>

#include "capture/ppmflags.h"
#include "capture/scap_events.h"
#include "event/abi.h"
#include "event/flagtables.h"
#include "event/strbuf.h"
#include "event/syscalls.h"

#define PATH_MAX_W 1024      /* libs' SCAP_MAX_PATH_SIZE: readers refuse longer */
#define ARGS_MAX_W 4096      /* SCAP_MAX_ARGS_SIZE, ENV, CGROUPS */
#define CRED_MAX_W 255       /* MAX_CREDENTIALS_STR_LEN - 1 */
#define FLUSH_AT (256u << 10) /* buffered bytes that go to the file at once */
#define CHUNK (16u << 10)    /* a write: whole blocks, about this many bytes */
#define PL_BLOCK_MAX (8u << 20) /* process list bytes per block */
#define PARAM16_MAX 65535u   /* a parameter's length in a u16-length event */
#define CODE_UNSET 0
#define CODE_NONE 0xffff     /* not a syscall libs names: nothing is written */

struct sg_scap_writer {
	struct sg_scap_wopts o;
	struct sg_state *st;
	char *path;              /* of the current file */
	int fd;
	bool own_fd, regular;
	bool header_done, dead;
	z_stream z;
	bool z_on;
	struct sg_strbuf buf;    /* whole blocks, not yet in the file */
	uint64_t file_bytes;     /* written to the current file */
	uint64_t good_bytes;     /* of which end on a block boundary */
	uint64_t file_ts;        /* event time the current file began */
	uint64_t seq;            /* rotation: number of the current file */
	char hostname[129];
	uint16_t code_by_nr[SG_MAX_SYSCALLS]; /* enter code + 1, CODE_NONE, or unset */
	struct sg_scap_wstats stats;
	char err[512];
	int errnum;              /* of the first failure */
};

/* ---- little-endian output ------------------------------------------------ */

static void put_le(struct sg_strbuf *b, uint64_t v, size_t n)
{
	uint8_t t[8];
	for (size_t i = 0; i < n; i++)
		t[i] = (uint8_t)(v >> (8 * i));
	sg_sb_put(b, t, n);
}

static void set_le(struct sg_strbuf *b, size_t at, uint64_t v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		b->p[at + i] = (char)(uint8_t)(v >> (8 * i));
}

/* A u16-length string of at most max bytes (readers refuse longer). */
static void put_str16(struct sg_strbuf *b, const char *s, size_t n, size_t max)
{
	if (!s)
		n = 0;
	if (n > max)
		n = max;
	put_le(b, n, 2);
	if (n)
		sg_sb_put(b, s, n);
}

static void put_cstr16(struct sg_strbuf *b, const char *s, size_t max)
{
	put_str16(b, s, s ? strlen(s) : 0, max);
}

/* Opens a block at the end of b: its offset, for block_end. */
static size_t block_begin(struct sg_strbuf *b, uint32_t type)
{
	size_t at = b->len;
	put_le(b, type, 4);
	put_le(b, 0, 4);
	return at;
}

/* Pads to 4 bytes, writes the trailer and both lengths. */
static void block_end(struct sg_strbuf *b, size_t at)
{
	while ((b->len - at) % 4)
		sg_sb_putc(b, 0);
	uint32_t total = (uint32_t)(b->len - at + 4);
	put_le(b, total, 4);
	set_le(b, at + 4, total, 4);
}

/* ---- the file -------------------------------------------------------------- */

static int fail(struct sg_scap_writer *w, const char *what, int err)
{
	if (!w->err[0])
		snprintf(w->err, sizeof(w->err), "%s: %s: %s", w->path ? w->path : "-w",
			 what, strerror(err));
	if (!w->errnum)
		w->errnum = err;
	w->dead = true;
	return -1;
}

static int write_all(struct sg_scap_writer *w, const void *p, size_t n)
{
	const char *c = p;
	while (n) {
		ssize_t k = write(w->fd, c, n);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0) {
			int e = k < 0 ? errno : ENOSPC;
			/* a regular file is cut back to its last whole block, so
			 * what it holds stays a valid capture */
			if (w->regular && !w->z_on && ftruncate(w->fd, (off_t)w->good_bytes) == 0)
				w->file_bytes = w->good_bytes;
			return fail(w, "cannot write the capture", e);
		}
		c += k;
		n -= (size_t)k;
		w->file_bytes += (uint64_t)k;
		w->stats.bytes += (uint64_t)k;
	}
	return 0;
}

/* The buffer in chunks that end on block boundaries: a write that fails
 * part way cuts the file back to the last whole chunk, not to the start
 * of the buffer. */
static int write_blocks(struct sg_scap_writer *w)
{
	const uint8_t *p = (const uint8_t *)w->buf.p;
	size_t n = w->buf.len, start = 0, at = 0;
	while (at < n) {
		uint32_t len = (uint32_t)p[at + 4] | (uint32_t)p[at + 5] << 8 |
			       (uint32_t)p[at + 6] << 16 | (uint32_t)p[at + 7] << 24;
		at += len;
		if (at - start < CHUNK && at < n)
			continue;
		if (write_all(w, p + start, at - start))
			return -1;
		w->good_bytes = w->file_bytes;
		start = at;
	}
	return 0;
}

static int deflate_out(struct sg_scap_writer *w, int flush)
{
	uint8_t out[64 << 10];
	do {
		w->z.next_out = out;
		w->z.avail_out = sizeof(out);
		int rc = deflate(&w->z, flush);
		if (rc == Z_STREAM_ERROR)
			return fail(w, "compressing", EIO);
		size_t n = sizeof(out) - w->z.avail_out;
		if (n && write_all(w, out, n))
			return -1;
	} while (w->z.avail_out == 0 || (flush == Z_FINISH && w->z.avail_in));
	return 0;
}

/* The buffered blocks into the file (through zlib with -z). */
static int push(struct sg_scap_writer *w, int zflush)
{
	if (w->dead)
		return -1;
	if (!w->buf.len && zflush == Z_NO_FLUSH)
		return 0;
	int rc;
	if (w->z_on) {
		w->z.next_in = (Bytef *)w->buf.p;
		w->z.avail_in = (uInt)w->buf.len;
		rc = deflate_out(w, zflush);
	} else {
		rc = write_blocks(w);
	}
	sg_sb_reset(&w->buf);
	if (!rc)
		w->good_bytes = w->file_bytes;
	return rc;
}

static int open_file(struct sg_scap_writer *w, const char *path, bool replace)
{
	free(w->path);
	w->path = strdup(path);
	if (!w->path)
		return fail(w, "out of memory", ENOMEM);
	if (!strcmp(path, "-")) {
		w->fd = STDOUT_FILENO;
		w->own_fd = false;
	} else {
		int flags = O_WRONLY | O_CREAT | O_CLOEXEC | (replace ? O_TRUNC : O_EXCL);
		w->fd = open(path, flags, 0600);
		if (w->fd < 0) {
			if (errno == EEXIST)
				snprintf(w->err, sizeof(w->err), "%s: the file exists: sysgrep does "
					 "not replace it unless --force is given", path);
			return fail(w, "cannot create the capture", errno);
		}
		w->own_fd = true;
	}
	struct stat sb;
	w->regular = !fstat(w->fd, &sb) && S_ISREG(sb.st_mode);
	w->file_bytes = w->good_bytes = 0;
	w->header_done = false;
	w->z_on = false;
	if (w->o.compress) {
		memset(&w->z, 0, sizeof(w->z));
		/* 15 + 16: a gzip stream, as gunzip and libs' gzread expect */
		if (deflateInit2(&w->z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8,
				 Z_DEFAULT_STRATEGY) != Z_OK)
			return fail(w, "cannot start zlib", ENOMEM);
		w->z_on = true;
	}
	w->stats.files++;
	return 0;
}

static int close_file(struct sg_scap_writer *w)
{
	int rc = push(w, w->z_on ? Z_FINISH : Z_NO_FLUSH);
	if (w->z_on) {
		deflateEnd(&w->z);
		w->z_on = false;
	}
	if (w->own_fd && close(w->fd) && !rc)
		rc = fail(w, "cannot close the capture", errno);
	w->own_fd = false;
	w->fd = -1;
	return rc;
}

/* ---- the lists -------------------------------------------------------------- */

static void section_header(struct sg_strbuf *b)
{
	size_t at = block_begin(b, SG_SCAP_SHB);
	put_le(b, SG_SCAP_MAGIC, 4);
	put_le(b, 1, 2);            /* major */
	put_le(b, 2, 2);            /* minor: 1.2, what libs writes */
	put_le(b, UINT64_MAX, 8);   /* section length: not known */
	block_end(b, at);
}

static void machine_info(struct sg_scap_writer *w, struct sg_strbuf *b)
{
	size_t at = block_begin(b, SG_SCAP_MI);
	long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
	long pages = sysconf(_SC_PHYS_PAGES), psz = sysconf(_SC_PAGESIZE);
	put_le(b, ncpu > 0 ? (uint64_t)ncpu : 1, 4);
	put_le(b, pages > 0 && psz > 0 ? (uint64_t)pages * (uint64_t)psz : 0, 8);
	put_le(b, 0, 8);           /* max cpu frequency */
	char host[128];
	memset(host, 0, sizeof(host));
	memcpy(host, w->hostname, strnlen(w->hostname, sizeof(host) - 1));
	sg_sb_put(b, host, sizeof(host));
	put_le(b, 0, 8);           /* boot time */
	put_le(b, 0, 8);           /* flags */
	put_le(b, 0, 8);           /* reserved */
	put_le(b, 0, 8);
	block_end(b, at);
}

struct idctx {
	struct sg_strbuf *b;
	bool group;
};

static void user_entry(void *ctx, const struct sg_id *id)
{
	struct idctx *c = ctx;
	put_le(c->b, c->group ? 1 : 0, 1);
	if (c->group) {
		put_le(c->b, id->id, 4);
		put_cstr16(c->b, id->name, CRED_MAX_W);
		return;
	}
	put_le(c->b, id->id, 4);
	put_le(c->b, id->gid, 4);
	put_cstr16(c->b, id->name, CRED_MAX_W);
	put_cstr16(c->b, id->home, CRED_MAX_W);
	put_cstr16(c->b, id->shell, CRED_MAX_W);
}

static void user_list(struct sg_scap_writer *w, struct sg_strbuf *b)
{
	size_t at = block_begin(b, SG_SCAP_UL);
	struct idctx c = {b, false};
	sg_state_each_id(w->st, true, user_entry, &c);
	c.group = true;
	sg_state_each_id(w->st, false, user_entry, &c);
	block_end(b, at);
}

/* A NUL-separated list as libs keeps it (each string NUL-terminated),
 * cut to max bytes. */
static void put_list16(struct sg_strbuf *b, const char *s, uint32_t n, size_t max)
{
	if (!s || !n) {
		put_le(b, 0, 2);
		return;
	}
	size_t len = (size_t)n + 1 > max ? max : (size_t)n + 1;
	put_le(b, len, 2);
	size_t text = len > n ? n : len;
	sg_sb_put(b, s, text);
	if (len > text)
		sg_sb_putc(b, 0);
}

/* The container a process is in, as a cgroup path any reader takes the
 * id from (docker's: its first 12 hex digits; state keeps only those, so
 * the rest of the 64 are zeros); nothing for the host. */
static void put_cgroups(struct sg_strbuf *b, const struct sg_proc *p)
{
	size_t n = strnlen(p->container_id, sizeof(p->container_id));
	if (!p->in_container || n != 12) {
		put_le(b, 0, 2);
		return;
	}
	static const char pre[] = "cpuset=/docker/";
	put_le(b, sizeof(pre) - 1 + 64 + 1, 2);
	sg_sb_put(b, pre, sizeof(pre) - 1);
	sg_sb_put(b, p->container_id, 12);
	for (int i = 12; i < 64; i++)
		sg_sb_putc(b, '0');
	sg_sb_putc(b, 0);
}

struct plctx {
	struct sg_scap_writer *w;
	struct sg_strbuf *b;
	size_t at;
};

static void proc_entry(void *ctx, struct sg_proc *p)
{
	struct plctx *c = ctx;
	struct sg_strbuf *b = c->b;
	if (b->len - c->at > PL_BLOCK_MAX) {
		block_end(b, c->at);
		c->at = block_begin(b, SG_SCAP_PL_V9);
	}
	size_t e = b->len;
	put_le(b, 0, 4);           /* entry length, set below */
	put_le(b, p->pid, 8);      /* tid: sysgrep keeps processes */
	put_le(b, p->pid, 8);
	put_le(b, p->ppid, 8);
	put_le(b, p->sid, 8);
	put_le(b, p->vpgid ? p->vpgid : p->pgid, 8);
	put_str16(b, p->comm, strnlen(p->comm, sizeof(p->comm)), PATH_MAX_W);
	put_cstr16(b, p->exe, PATH_MAX_W);
	put_cstr16(b, p->exepath, PATH_MAX_W);
	put_list16(b, p->args, p->args_len, ARGS_MAX_W);
	/* libs keeps the cwd with its trailing slash */
	if (p->cwd && strcmp(p->cwd, "/")) {
		size_t n = strlen(p->cwd);
		if (n + 1 > PATH_MAX_W)
			n = PATH_MAX_W - 1;
		put_le(b, n + 1, 2);
		sg_sb_put(b, p->cwd, n);
		sg_sb_putc(b, '/');
	} else {
		put_cstr16(b, p->cwd, PATH_MAX_W);
	}
	put_le(b, p->fdlimit, 8);
	put_le(b, 0, 4);           /* flags */
	put_le(b, p->uid, 4);
	put_le(b, p->gid, 4);
	put_le(b, p->vm_size_kb, 4);
	put_le(b, p->vm_rss_kb, 4);
	put_le(b, p->vm_swap_kb, 4);
	put_le(b, p->maj_flt, 8);
	put_le(b, p->min_flt, 8);
	put_list16(b, p->env, p->env_len, ARGS_MAX_W);
	put_le(b, p->pid, 8);      /* vtid */
	put_le(b, p->vpid ? p->vpid : p->pid, 8);
	put_cgroups(b, p);
	put_le(b, 1, 2);           /* root */
	sg_sb_putc(b, '/');
	put_le(b, p->pidns_start_ns, 8);
	put_le(b, p->tty, 4);
	put_le(b, p->loginuid, 4);
	put_le(b, (p->exe_flags & SG_EXE_WRITABLE) ? 1 : 0, 1);
	put_le(b, p->cap_inh, 8);
	put_le(b, p->cap_prm, 8);
	put_le(b, p->cap_eff, 8);
	put_le(b, (p->exe_flags & SG_EXE_UPPER_LAYER) ? 1 : 0, 1);
	put_le(b, p->exe_ino, 8);
	put_le(b, p->exe_ctime_ns, 8);
	put_le(b, p->exe_mtime_ns, 8);
	put_le(b, (p->exe_flags & SG_EXE_FROM_MEMFD) ? 1 : 0, 1);
	put_le(b, (p->exe_flags & SG_EXE_LOWER_LAYER) ? 1 : 0, 1);
	put_le(b, p->pgid, 8);
	set_le(b, e, b->len - e, 4);
}

static uint8_t scap_fdtype(const struct sg_fd *f)
{
	switch (f->type) {
	case SG_FDT_FILE: return SG_SCAP_FD_FILE_V2;
	case SG_FDT_DIRECTORY: return SG_SCAP_FD_DIRECTORY;
	case SG_FDT_IPV4:
		return f->tuple.state == 10 || (f->is_server && !f->tuple.rport)
			? SG_SCAP_FD_IPV4_SERVSOCK : SG_SCAP_FD_IPV4_SOCK;
	case SG_FDT_IPV6:
		return f->tuple.state == 10 || (f->is_server && !f->tuple.rport)
			? SG_SCAP_FD_IPV6_SERVSOCK : SG_SCAP_FD_IPV6_SOCK;
	case SG_FDT_UNIX: return SG_SCAP_FD_UNIX_SOCK;
	case SG_FDT_PIPE: return SG_SCAP_FD_FIFO;
	case SG_FDT_EVENT: return SG_SCAP_FD_EVENT;
	case SG_FDT_SIGNALFD: return SG_SCAP_FD_SIGNALFD;
	case SG_FDT_EVENTPOLL: return SG_SCAP_FD_EVENTPOLL;
	case SG_FDT_INOTIFY: return SG_SCAP_FD_INOTIFY;
	case SG_FDT_TIMERFD: return SG_SCAP_FD_TIMERFD;
	case SG_FDT_NETLINK: return SG_SCAP_FD_NETLINK;
	}
	/* bpf, userfaultfd, io_uring and memfd have types sysdig 0.29.3
	 * refuses in a list (it stops reading the file): listed as unknown,
	 * which every reader takes */
	return SG_SCAP_FD_UNKNOWN;
}

static uint8_t scap_l4(uint8_t p)
{
	switch (p) {
	case IPPROTO_TCP: return SG_SCAP_L4_TCP;
	case IPPROTO_UDP: return SG_SCAP_L4_UDP;
	case IPPROTO_ICMP: return SG_SCAP_L4_ICMP;
	case IPPROTO_RAW: return SG_SCAP_L4_RAW;
	}
	return SG_SCAP_L4_UNKNOWN;
}

static void fd_entry(void *ctx, struct sg_fd *f)
{
	struct sg_strbuf *b = ctx;
	uint8_t t = scap_fdtype(f);
	const struct sg_tuple *tu = &f->tuple;
	size_t alen = f->type == SG_FDT_IPV6 ? 16 : 4;
	if ((t == SG_SCAP_FD_IPV4_SOCK || t == SG_SCAP_FD_IPV4_SERVSOCK) && tu->family != AF_INET)
		t = SG_SCAP_FD_UNKNOWN; /* a socket whose ends were never learnt */
	if ((t == SG_SCAP_FD_IPV6_SOCK || t == SG_SCAP_FD_IPV6_SERVSOCK) && tu->family != AF_INET6)
		t = SG_SCAP_FD_UNKNOWN;
	put_le(b, (uint64_t)f->num, 8);
	put_le(b, 0, 8);           /* inode */
	put_le(b, t, 1);
	switch (t) {
	case SG_SCAP_FD_IPV4_SOCK:
	case SG_SCAP_FD_IPV6_SOCK: {
		/* libs lists a connection client -> server, as fd.name reads */
		bool srv = f->is_server;
		sg_sb_put(b, srv ? tu->raddr : tu->laddr, alen);
		sg_sb_put(b, srv ? tu->laddr : tu->raddr, alen);
		put_le(b, srv ? tu->rport : tu->lport, 2);
		put_le(b, srv ? tu->lport : tu->rport, 2);
		put_le(b, scap_l4(tu->l4proto), 1);
		break;
	}
	case SG_SCAP_FD_IPV4_SERVSOCK:
	case SG_SCAP_FD_IPV6_SERVSOCK:
		sg_sb_put(b, tu->laddr, alen);
		put_le(b, tu->lport, 2);
		put_le(b, scap_l4(tu->l4proto), 1);
		break;
	case SG_SCAP_FD_UNIX_SOCK:
		sg_sb_put(b, tu->laddr, 8);
		sg_sb_put(b, tu->raddr, 8);
		put_str16(b, f->name, sg_fd_name_len(f), PATH_MAX_W - 1);
		break;
	case SG_SCAP_FD_FILE_V2:
		put_le(b, f->openflags, 4);
		put_str16(b, f->name, sg_fd_name_len(f), PATH_MAX_W - 1);
		break;
	case SG_SCAP_FD_UNKNOWN:
		break;
	default:
		put_str16(b, f->name, sg_fd_name_len(f), PATH_MAX_W - 1);
		break;
	}
}

static void fd_list(void *ctx, struct sg_proc *p)
{
	struct sg_strbuf *b = ctx;
	if (!sg_state_fd_count(p))
		return;
	size_t at = block_begin(b, SG_SCAP_FDL);
	put_le(b, p->pid, 8);
	sg_proc_each_fd(p, fd_entry, b);
	block_end(b, at);
}

static int header(struct sg_scap_writer *w)
{
	struct sg_strbuf *b = &w->buf;
	section_header(b);
	machine_info(w, b);
	user_list(w, b);
	struct plctx c = {w, b, block_begin(b, SG_SCAP_PL_V9)};
	sg_state_each_proc(w->st, proc_entry, &c);
	block_end(b, c.at);
	sg_state_each_proc(w->st, fd_list, b);
	w->header_done = true;
	return push(w, Z_NO_FLUSH);
}

/* ---- events ------------------------------------------------------------------ */

static int lpt_size(unsigned t)
{
	switch (t) {
	case SG_LPT_INT8: case SG_LPT_UINT8: case SG_LPT_FLAGS8: case SG_LPT_SIGTYPE:
	case SG_LPT_L4PROTO: case SG_LPT_SOCKFAMILY: case SG_LPT_ENUMFLAGS8:
		return 1;
	case SG_LPT_INT16: case SG_LPT_UINT16: case SG_LPT_SYSCALLID: case SG_LPT_PORT:
	case SG_LPT_FLAGS16: case SG_LPT_ENUMFLAGS16:
		return 2;
	case SG_LPT_INT32: case SG_LPT_UINT32: case SG_LPT_BOOL: case SG_LPT_IPV4ADDR:
	case SG_LPT_UID: case SG_LPT_GID: case SG_LPT_FLAGS32: case SG_LPT_SIGSET:
	case SG_LPT_MODE: case SG_LPT_ENUMFLAGS32: case SG_LPT_FD32: case SG_LPT_PID32:
		return 4;
	case SG_LPT_INT64: case SG_LPT_UINT64: case SG_LPT_ERRNO: case SG_LPT_FD:
	case SG_LPT_PID: case SG_LPT_RELTIME: case SG_LPT_ABSTIME: case SG_LPT_DOUBLE:
		return 8;
	}
	return 0;
}

/* The libs enter code of a syscall (its exit is the next code): the
 * current version of its event, one sysdig 0.29.3 knows when there is one;
 * else 0 for the generic pair, CODE_NONE when libs has no syscall code.
 * A current event 0.29.3 does not know (newfstatat) is still preferred to
 * the generic pair: that would lose its arguments and result for every
 * reader, while 0.29.3 only skips an event it does not know. */
static bool sc_known(const char *name);

static uint16_t find_code(const char *kname)
{
	const char *name = sg_scap_libs_name(kname);
	unsigned newer = 0;
	for (unsigned c = 2; c + 1 < SG_SCAP_EVENT_MAX; c += 2) {
		const struct sg_scap_evinfo *x = &sg_scap_events[c + 1];
		if (!x->name || strcmp(x->name, name) || (x->flags & (SG_EF_OLD | SG_EF_UNUSED)))
			continue;
		if (!sg_scap_events[c].name)
			continue;
		if (x->nparams_old != 0xff)
			return (uint16_t)c;
		if (!newer)
			newer = c;
	}
	if (newer)
		return (uint16_t)newer;
	return sc_known(kname) ? 0 : CODE_NONE;
}

/* libs' syscall code (PPM_SC_*) of a call, for the generic events. */
static int sc_find(const char *name)
{
	for (unsigned i = 0; i < SG_SCAP_SC_MAX; i++)
		if (sg_scap_sc_names[i] && !strcmp(sg_scap_sc_names[i], name))
			return (int)i;
	return -1;
}

static bool sc_known(const char *name)
{
	return sc_find(name) >= 0;
}

static uint16_t sc_code(const char *name)
{
	int c = sc_find(name);
	return c < 0 ? 0 : (uint16_t)c;
}

static uint16_t code_of(struct sg_scap_writer *w, const struct sg_event *e)
{
	if (e->nr >= SG_MAX_SYSCALLS)
		return find_code(e->def->name);
	uint16_t *slot = &w->code_by_nr[e->nr];
	if (*slot == CODE_UNSET) {
		uint16_t c = find_code(e->def->name);
		*slot = c == CODE_NONE ? CODE_NONE : (uint16_t)(c + 1);
	}
	return *slot == CODE_NONE ? CODE_NONE : (uint16_t)(*slot - 1);
}

/* What a libs parameter the sysgrep event does not carry is, from the
 * event header and the process table (execve's and clone's exits list
 * the process as it is after the call). */
static bool state_num(const struct sg_event *e, const char *n, int64_t *v)
{
	const struct sg_proc *p = e->proc;
	static const char *const zero[] = {"core", "reaper_tid", "pidns_init_start_ts", "flags",
					   "exe_ino", "exe_ino_ctime", "exe_ino_mtime",
					   "cap_inheritable", "cap_permitted", "cap_effective"};
	if (!strcmp(n, "tid") || !strcmp(n, "vtid"))
		*v = e->tid;
	else if (!strcmp(n, "pid") || !strcmp(n, "vpid"))
		*v = p && !strcmp(n, "vpid") && p->vpid ? p->vpid : e->pid;
	else if (!strcmp(n, "ptid"))
		*v = e->ppid;
	else if (!strcmp(n, "uid"))
		*v = e->uid;
	else if (!strcmp(n, "gid"))
		*v = e->gid;
	else if (!strcmp(n, "loginuid"))
		*v = (int32_t)e->loginuid;
	else if (p && !strcmp(n, "fdlimit"))
		*v = (int64_t)p->fdlimit;
	else if (p && !strcmp(n, "pgft_maj"))
		*v = (int64_t)p->maj_flt;
	else if (p && !strcmp(n, "pgft_min"))
		*v = (int64_t)p->min_flt;
	else if (p && !strcmp(n, "vm_size"))
		*v = p->vm_size_kb;
	else if (p && !strcmp(n, "vm_rss"))
		*v = p->vm_rss_kb;
	else if (p && !strcmp(n, "vm_swap"))
		*v = p->vm_swap_kb;
	else if (p && !strcmp(n, "tty"))
		*v = p->tty;
	else if (p && (!strcmp(n, "pgid") || !strcmp(n, "vpgid")))
		*v = p->pgid;
	else {
		*v = 0;
		for (size_t i = 0; i < sizeof(zero) / sizeof(zero[0]); i++)
			if (!strcmp(n, zero[i]))
				return true;
		/* an fd the call did not name */
		return false;
	}
	return true;
}

static bool state_text(const struct sg_event *e, const char *n, const char **s, uint32_t *len)
{
	const struct sg_proc *p = e->proc;
	*s = NULL;
	*len = 0;
	if (!strcmp(n, "comm")) {
		*s = e->comm;
		*len = (uint32_t)strnlen(e->comm, sizeof(e->comm));
	} else if (p && !strcmp(n, "exe") && p->exe) {
		*s = p->exe, *len = (uint32_t)strlen(p->exe);
	} else if (p && !strcmp(n, "args")) {
		*s = p->args, *len = p->args_len;
	} else if (p && !strcmp(n, "env")) {
		*s = p->env, *len = p->env_len;
	} else if (p && !strcmp(n, "cwd") && p->cwd) {
		*s = p->cwd, *len = (uint32_t)strlen(p->cwd);
	} else if (!strcmp(n, "cgroups")) {
		*s = "", *len = 0;
	} else {
		return false;
	}
	return true;
}

/* struct sockaddr (as the probe captures it) -> libs' PT_SOCKADDR. */
static void put_sockaddr(struct sg_strbuf *b, const uint8_t *d, uint32_t len)
{
	sa_family_t fam;
	if (len < sizeof(fam))
		return;
	memcpy(&fam, d, sizeof(fam));
	if (fam == AF_INET && len >= sizeof(struct sockaddr_in)) {
		struct sockaddr_in a;
		memcpy(&a, d, sizeof(a));
		put_le(b, AF_INET, 1);
		sg_sb_put(b, &a.sin_addr, 4);
		put_le(b, ntohs(a.sin_port), 2);
	} else if (fam == AF_INET6 && len >= sizeof(struct sockaddr_in6)) {
		struct sockaddr_in6 a;
		memcpy(&a, d, sizeof(a));
		put_le(b, AF_INET6, 1);
		sg_sb_put(b, &a.sin6_addr, 16);
		put_le(b, ntohs(a.sin6_port), 2);
	} else if (fam == AF_UNIX) {
		size_t off = offsetof(struct sockaddr_un, sun_path);
		size_t n = len > off ? len - off : 0;
		const uint8_t *path = d + off;
		const uint8_t *nul = n && path[0] ? memchr(path, 0, n) : NULL;
		if (nul)
			n = (size_t)(nul - path);
		put_le(b, AF_UNIX, 1);
		sg_sb_put(b, path, n);
		sg_sb_putc(b, 0);
	} else {
		put_le(b, fam & 0xff, 1);
	}
}

/* struct sg_tuple (local, remote) + unix path -> libs' PT_SOCKTUPLE
 * (source, destination: in the direction of the data). */
static void put_tuple(struct sg_strbuf *b, const struct sg_event *e, const struct sg_param *p)
{
	struct sg_tuple t;
	if (p->len < sizeof(t))
		return;
	memcpy(&t, p->data, sizeof(t));
	bool inbound = p->def->cap == SG_CAP_RES_TUPLE || (e->def->flags & SG_SC_READ);
	if (t.family == AF_INET || t.family == AF_INET6) {
		size_t n = t.family == AF_INET ? 4 : 16;
		const uint8_t *sa = inbound ? t.raddr : t.laddr, *da = inbound ? t.laddr : t.raddr;
		uint16_t sp = inbound ? t.rport : t.lport, dp = inbound ? t.lport : t.rport;
		put_le(b, t.family, 1);
		sg_sb_put(b, sa, n);
		put_le(b, sp, 2);
		sg_sb_put(b, da, n);
		put_le(b, dp, 2);
	} else if (t.family == AF_UNIX) {
		put_le(b, AF_UNIX, 1);
		sg_sb_put(b, t.laddr, 8);
		sg_sb_put(b, t.raddr, 8);
		sg_sb_put(b, p->data + sizeof(t), p->len - sizeof(t));
		sg_sb_putc(b, 0);
	}
}

static bool numeric_lpt(unsigned t)
{
	return lpt_size(t) != 0;
}

/* Text (NUL-terminated as libs has it), bounded by what the event's
 * lengths can hold. */
static void put_text(struct sg_strbuf *b, const void *s, uint32_t n, uint32_t max)
{
	if (n >= max)
		n = max - 1;
	sg_sb_put(b, s, n);
	sg_sb_putc(b, 0);
}

/* One libs parameter of event e into b: false when it stays empty (a
 * zero length: libs' "no value"). */
static void put_param(struct sg_strbuf *b, const struct sg_event *e,
		      const struct sg_scap_pinfo *pi, uint32_t max)
{
	const struct sg_param *p = sg_event_param(e, pi->name);
	int sz = lpt_size(pi->type);
	if (numeric_lpt(pi->type)) {
		int64_t v = 0;
		if (p && !(p->def->type == SG_PT_PATH || p->def->type == SG_PT_STR ||
			   p->def->type == SG_PT_BYTES)) {
			if (!sg_param_num(p, &v))
				v = 0;
			if (pi->table != SG_LT_NONE)
				v = (int64_t)sg_ppm_encode(pi->table, p->def->table, (uint64_t)v);
		} else if (!strcmp(pi->name, "res")) {
			v = e->res;
		} else if (!state_num(e, pi->name, &v)) {
			/* an fd or pid the call does not name: -1, as libs has it */
			v = pi->type == SG_LPT_FD || pi->type == SG_LPT_PID ? -1 : 0;
		}
		put_le(b, (uint64_t)v, (size_t)sz);
		return;
	}
	if (!p) {
		const char *s;
		uint32_t n;
		if (!state_text(e, pi->name, &s, &n))
			return;
		if (pi->type == SG_LPT_BYTEBUF && !strcmp(pi->name, "args"))
			put_text(b, s, n, max); /* NUL-separated: the last one too */
		else if (s)
			put_text(b, s, n, max);
		return;
	}
	if (!(p->flags & SG_PARAM_DATA) || (!p->data && p->len))
		return;
	switch (p->def->type) {
	case SG_PT_SOCKADDR:
		if (pi->type == SG_LPT_SOCKADDR)
			put_sockaddr(b, p->data, p->len);
		return;
	case SG_PT_TUPLE:
		if (pi->type == SG_LPT_SOCKTUPLE)
			put_tuple(b, e, p);
		return;
	case SG_PT_PATH:
	case SG_PT_STR:
	case SG_PT_CHARBUFARRAY:
		put_text(b, p->data, p->len, max);
		return;
	default:
		if (pi->type == SG_LPT_FDLIST || pi->type == SG_LPT_DYN)
			return; /* no sysgrep value in that shape */
		sg_sb_put(b, p->data, p->len > max ? max : p->len);
		return;
	}
}

/* The generic events' ID: libs' syscall code, or PPM_SC_UNKNOWN (0) for
 * a code sysdig 0.29.3 does not have (the native number in nativeID then
 * names the call: sysgrep's reader takes it). */
static uint16_t generic_id(const struct sg_event *e)
{
	uint16_t c = sc_code(e->def->name);
	return c < SG_SCAP_SC_MAX_OLD ? c : 0;
}

/* A parameter sysgrep's event model has for the call but this event does
 * not carry (it came from a capture of an older event version). */
static bool absent(const struct sg_event *e, const char *name)
{
	if (sg_event_param(e, name))
		return false;
	for (unsigned i = 0; i < e->def->nparams && i < SG_MAX_PARAMS; i++)
		if (!strcmp(e->def->params[i].name, name))
			return true;
	return false;
}

/* An event of code c with its table's parameters, less the trailing ones
 * the event does not carry (as the older event version it came from had
 * them) beyond what sysdig 0.29.3 needs; any other it does not carry is
 * empty, libs' "no value". */
static void event_block(struct sg_scap_writer *w, const struct sg_event *e, uint16_t c)
{
	const struct sg_scap_evinfo *info = &sg_scap_events[c];
	struct sg_strbuf *b = &w->buf;
	bool large = info->flags & SG_EF_LARGE;
	size_t lsz = large ? 4 : 2;
	uint32_t max = large ? (16u << 20) : PARAM16_MAX;
	unsigned n = info->nparams;
	/* sysdig 0.29.3 reads as many lengths as its table has, whatever the
	 * event says: never fewer than that */
	unsigned floor = info->nparams_old != 0xff ? info->nparams_old : 0;
	while (n > floor && c > SG_PPME_GENERIC_X && absent(e, info->params[n - 1].name))
		n--;
	size_t at = block_begin(b, SG_SCAP_EV_V2);
	put_le(b, e->cpu, 2);
	size_t ev = b->len;
	put_le(b, e->ts, 8);
	put_le(b, e->tid, 8);
	put_le(b, 0, 4);           /* length, set below */
	put_le(b, c, 2);
	put_le(b, n, 4);
	size_t lens = b->len;
	for (unsigned i = 0; i < n; i++)
		put_le(b, 0, lsz);
	for (unsigned i = 0; i < n; i++) {
		size_t before = b->len;
		const struct sg_scap_pinfo *pi = &info->params[i];
		if (c <= SG_PPME_GENERIC_X && !strcmp(pi->name, "ID"))
			put_le(b, generic_id(e), 2);
		else if (c <= SG_PPME_GENERIC_X && !strcmp(pi->name, "nativeID"))
			put_le(b, e->nr == SG_NR_NONE ? 0 : e->nr, 2);
		else if (!absent(e, pi->name))
			put_param(b, e, pi, max);
		set_le(b, lens + i * lsz, b->len - before, lsz);
	}
	set_le(b, ev + 16, b->len - ev, 4);
	block_end(b, at);
	w->stats.blocks++;
}

static void procexit_block(struct sg_scap_writer *w, const struct sg_event *e)
{
	const struct sg_scap_evinfo *info = &sg_scap_events[SG_PPME_PROCEXIT_1_E];
	struct sg_strbuf *b = &w->buf;
	size_t at = block_begin(b, SG_SCAP_EV_V2);
	put_le(b, e->cpu, 2);
	size_t ev = b->len;
	put_le(b, e->ts, 8);
	put_le(b, e->tid, 8);
	put_le(b, 0, 4);
	put_le(b, SG_PPME_PROCEXIT_1_E, 2);
	put_le(b, info->nparams, 4);
	size_t lens = b->len;
	for (unsigned i = 0; i < info->nparams; i++)
		put_le(b, 0, 2);
	for (unsigned i = 0; i < info->nparams; i++) {
		const struct sg_scap_pinfo *pi = &info->params[i];
		size_t before = b->len;
		int64_t v = 0;
		const struct sg_param *p = sg_event_param(e, pi->name);
		if (p)
			sg_param_num(p, &v);
		else if (!strcmp(pi->name, "status"))
			v = e->res;
		int sz = lpt_size(pi->type);
		put_le(b, (uint64_t)v, (size_t)(sz ? sz : 8));
		set_le(b, lens + i * 2, b->len - before, 2);
	}
	set_le(b, ev + 16, b->len - ev, 4);
	block_end(b, at);
	w->stats.blocks++;
}

/* ---- rotation -------------------------------------------------------------- */

/* tcpdump's names: FILE, then FILE1, FILE2...; with -W N, FILE0 to FILE(N-1)
 * padded to the same width, the oldest replaced. */
static char *rotated_name(const struct sg_scap_writer *w, uint64_t seq)
{
	const char *base = w->o.path;
	size_t n = strlen(base) + 24;
	char *s = malloc(n);
	if (!s)
		return NULL;
	if (w->o.rotate_files) {
		int width = snprintf(NULL, 0, "%llu", (unsigned long long)(w->o.rotate_files - 1));
		snprintf(s, n, "%s%0*llu", base, width,
			 (unsigned long long)(seq % w->o.rotate_files));
	} else if (seq) {
		snprintf(s, n, "%s%llu", base, (unsigned long long)seq);
	} else {
		snprintf(s, n, "%s", base);
	}
	return s;
}

static bool rotating(const struct sg_scap_writer *w)
{
	return w->o.rotate_bytes || w->o.rotate_ns;
}

static int rotate(struct sg_scap_writer *w)
{
	if (close_file(w))
		return -1;
	w->seq++;
	char *name = rotated_name(w, w->seq);
	if (!name)
		return fail(w, "out of memory", ENOMEM);
	/* a name this run wrote before (-W cycles) is replaced */
	bool replace = w->o.force || (w->o.rotate_files && w->seq >= w->o.rotate_files);
	int rc = open_file(w, name, replace);
	free(name);
	return rc;
}

static bool rotate_due(const struct sg_scap_writer *w, const struct sg_event *e)
{
	if (!rotating(w) || !w->header_done)
		return false;
	if (w->o.rotate_bytes && w->file_bytes + (w->z_on ? 0 : w->buf.len) >= w->o.rotate_bytes)
		return true;
	return w->o.rotate_ns && e->ts >= w->file_ts && e->ts - w->file_ts >= w->o.rotate_ns;
}

/* ---- public -------------------------------------------------------------- */

struct sg_scap_writer *sg_scap_writer_open(const struct sg_scap_wopts *o, struct sg_state *st,
					   char *err, size_t errlen)
{
	struct sg_scap_writer *w = calloc(1, sizeof(*w));
	if (!w) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	w->o = *o;
	w->st = st;
	w->fd = -1;
	sg_sb_init(&w->buf);
	if (o->hostname) {
		snprintf(w->hostname, sizeof(w->hostname), "%s", o->hostname);
	} else {
		struct utsname u;
		if (!uname(&u))
			snprintf(w->hostname, sizeof(w->hostname), "%s", u.nodename);
	}
	char *name = rotated_name(w, 0);
	int rc = name ? open_file(w, name, o->force) : fail(w, "out of memory", ENOMEM);
	free(name);
	if (rc) {
		snprintf(err, errlen, "%s", w->err);
		sg_sb_free(&w->buf);
		free(w->path);
		free(w);
		return NULL;
	}
	return w;
}

int sg_scap_writer_event(struct sg_scap_writer *w, const struct sg_event *e)
{
	if (w->dead)
		return -1;
	if (rotate_due(w, e) && rotate(w))
		return -1;
	if (!w->header_done) {
		if (header(w))
			return -1;
		w->file_ts = e->ts;
	}
	if (e->kind == SG_EV_PROCEXIT) {
		procexit_block(w, e);
	} else {
		uint16_t c = code_of(w, e);
		if (c == CODE_NONE)
			return 0; /* nothing libs could name */
		if (c == 0)
			w->stats.generic++;
		const struct sg_scap_evinfo *en = &sg_scap_events[c];
		/* an enter older readers do not know is left out: the exit has it all */
		if (en->nparams_old != 0xff)
			event_block(w, e, c);
		event_block(w, e, (uint16_t)(c + 1));
	}
	w->stats.events++;
	if (w->buf.len >= FLUSH_AT)
		return push(w, Z_NO_FLUSH);
	return 0;
}

int sg_scap_writer_flush(struct sg_scap_writer *w)
{
	return push(w, Z_NO_FLUSH);
}

int sg_scap_writer_close(struct sg_scap_writer *w)
{
	if (!w)
		return 0;
	int rc = w->dead ? -1 : 0;
	if (!rc && !w->header_done)
		rc = header(w);
	if (w->fd >= 0 && close_file(w))
		rc = -1;
	if (w->z_on)
		deflateEnd(&w->z);
	return rc;
}

void sg_scap_writer_set_hostname(struct sg_scap_writer *w, const char *name)
{
	if (name && name[0])
		snprintf(w->hostname, sizeof(w->hostname), "%s", name);
}

int sg_scap_writer_errno(const struct sg_scap_writer *w)
{
	return w ? w->errnum : 0;
}

const char *sg_scap_writer_error(const struct sg_scap_writer *w)
{
	return w && w->err[0] ? w->err : NULL;
}

void sg_scap_writer_stats(const struct sg_scap_writer *w, struct sg_scap_wstats *out)
{
	*out = w->stats;
}

void sg_scap_writer_free(struct sg_scap_writer *w)
{
	if (!w)
		return;
	sg_sb_free(&w->buf);
	free(w->path);
	free(w);
}
