/*
 * The .scap block reader (capture/scap_read.c) on hand-built files: each
 * section header version, every process-list version, both fd and user
 * list versions, event blocks v1 / v2 / with flags / with u32 lengths, an
 * unknown block skipped by its length, and the bad ones: truncated (an
 * error naming the offset), lying lengths (a clear error, no allocation
 * of what the length claims), gzip input read as the plain bytes are.
 */
#include <malloc.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <zlib.h>

#include "capture/scap_read.h"
#include "capture/source.h"
#include "tests/unit/t.h"

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define T_ASAN 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__) && !defined(T_ASAN)
#define T_ASAN 1
#endif
#ifdef T_ASAN
#include <sanitizer/allocator_interface.h>
#endif

/* ---- byte builder ---------------------------------------------------------- */

struct bb {
	uint8_t *p;
	size_t n, cap;
};

static void bb_put(struct bb *b, const void *d, size_t n)
{
	if (!n)
		return;
	if (b->n + n > b->cap) {
		size_t nc = b->cap ? b->cap * 2 : 256;
		while (nc < b->n + n)
			nc *= 2;
		b->p = realloc(b->p, nc);
		if (!b->p)
			abort();
		b->cap = nc;
	}
	memcpy(b->p + b->n, d, n);
	b->n += n;
}

static void bb_le(struct bb *b, uint64_t v, size_t n)
{
	uint8_t x[8];
	for (size_t i = 0; i < n; i++)
		x[i] = (uint8_t)(v >> (8 * i));
	bb_put(b, x, n);
}

#define U8(b, v) bb_le(b, v, 1)
#define U16(b, v) bb_le(b, v, 2)
#define U32(b, v) bb_le(b, v, 4)
#define U64(b, v) bb_le(b, v, 8)

/* a u16-length string; n bytes of s (NULs included) */
static void S16(struct bb *b, const char *s, size_t n)
{
	U16(b, n);
	bb_put(b, s, n);
}
#define STR(b, lit) S16(b, lit, sizeof(lit) - 1)

static void bb_free(struct bb *b)
{
	free(b->p);
	memset(b, 0, sizeof(*b));
}

/* A block: type, total length, the body padded to 4, the total again. */
static void block(struct bb *out, uint32_t type, const struct bb *body)
{
	size_t pad = (4 - body->n % 4) % 4;
	uint32_t total = (uint32_t)(12 + body->n + pad);
	static const uint8_t zero[4];
	U32(out, type);
	U32(out, total);
	bb_put(out, body->p, body->n);
	bb_put(out, zero, pad);
	U32(out, total);
}

static void shb(struct bb *out, uint16_t major, uint16_t minor)
{
	struct bb b = {0};
	U32(&b, SG_SCAP_MAGIC);
	U16(&b, major);
	U16(&b, minor);
	U64(&b, UINT64_MAX); /* section length: unknown */
	block(out, SG_SCAP_SHB, &b);
	bb_free(&b);
}

/* ---- reading --------------------------------------------------------------- */

struct seen {
	int threads, fds, users, machines;
	struct sg_scap_thread t;   /* the last thread, strings copied */
	char comm[64], exe[64], exepath[64], cwd[64], root[64], args[64], env[64], cgroups[64];
	struct sg_scap_fd f;
	char fname[128];
	struct sg_scap_user u;
	char uname[64], uhome[64], ushell[64];
	char host[64];
	uint32_t ncpus;
};

static void cp(char *dst, size_t cap, const char *s, size_t n)
{
	if (n >= cap)
		n = cap - 1;
	memcpy(dst, s, n);
	dst[n] = 0;
}

static void on_machine(void *ctx, const char *h, uint32_t ncpus, uint64_t boot)
{
	struct seen *s = ctx;
	(void)boot;
	s->machines++;
	s->ncpus = ncpus;
	cp(s->host, sizeof(s->host), h, strlen(h));
}

static void on_thread(void *ctx, const struct sg_scap_thread *t)
{
	struct seen *s = ctx;
	s->threads++;
	s->t = *t;
	cp(s->comm, sizeof(s->comm), t->comm, strlen(t->comm));
	cp(s->exe, sizeof(s->exe), t->exe, strlen(t->exe));
	cp(s->exepath, sizeof(s->exepath), t->exepath, strlen(t->exepath));
	cp(s->cwd, sizeof(s->cwd), t->cwd, strlen(t->cwd));
	cp(s->root, sizeof(s->root), t->root, strlen(t->root));
	/* NUL-separated lists: made printable with '|' */
	cp(s->args, sizeof(s->args), t->args, t->args_len);
	cp(s->env, sizeof(s->env), t->env, t->env_len);
	cp(s->cgroups, sizeof(s->cgroups), t->cgroups, t->cgroups_len);
	for (char *p = s->args; p < s->args + (t->args_len < 63 ? t->args_len : 63); p++)
		if (!*p)
			*p = '|';
	for (char *p = s->env; p < s->env + (t->env_len < 63 ? t->env_len : 63); p++)
		if (!*p)
			*p = '|';
}

static void on_fd(void *ctx, const struct sg_scap_fd *f)
{
	struct seen *s = ctx;
	s->fds++;
	s->f = *f;
	cp(s->fname, sizeof(s->fname), f->name, strlen(f->name));
}

static void on_user(void *ctx, const struct sg_scap_user *u)
{
	struct seen *s = ctx;
	s->users++;
	s->u = *u;
	cp(s->uname, sizeof(s->uname), u->name, strlen(u->name));
	cp(s->uhome, sizeof(s->uhome), u->home, strlen(u->home));
	cp(s->ushell, sizeof(s->ushell), u->shell, strlen(u->shell));
}

/* The whole file: events read, the result of the last sg_scap_next, and
 * its error text (copied). */
struct run {
	int events, rc;
	uint16_t version;
	char err[320];
	struct sg_scap_evt ev;     /* the first event */
	uint8_t ev_data[256];      /* its first parameter's bytes */
	struct sg_scap_read_stats st;
	struct seen seen;
};

static void read_all(struct sg_source *src, struct run *r)
{
	memset(r, 0, sizeof(*r));
	struct sg_scap_cb cb = {&r->seen, on_machine, on_thread, on_fd, on_user};
	struct sg_scap_reader *rd = sg_scap_reader_new(src, &cb);
	static struct sg_scap_evt ev;
	while ((r->rc = sg_scap_next(rd, &ev)) > 0) {
		if (!r->events++) {
			r->ev = ev;
			if (ev.nparams && ev.p[0].len <= sizeof(r->ev_data))
				memcpy(r->ev_data, ev.p[0].data, ev.p[0].len);
		}
		if (r->events > 1000)
			break;
	}
	const char *e = sg_scap_reader_error(rd);
	snprintf(r->err, sizeof(r->err), "%s", e ? e : "");
	r->version = sg_scap_version(rd);
	sg_scap_reader_stats(rd, &r->st);
	sg_scap_reader_free(rd);
}

static void read_mem(const struct bb *b, struct run *r)
{
	struct sg_source *src = sg_source_mem(b->p, b->n);
	read_all(src, r);
	sg_source_close(src);
}

static bool has(const char *s, const char *part)
{
	bool ok = strstr(s, part) != NULL;
	if (!ok)
		t_note("'%s' does not say '%s'", s, part);
	return ok;
}

/* ---- section header ---------------------------------------------------------- */

static void test_section_header(void)
{
	struct run r;
	for (uint16_t minor = 0; minor <= 2; minor++) {
		struct bb f = {0};
		shb(&f, 1, minor);
		read_mem(&f, &r);
		T_OK(r.rc == 0 && r.version == (0x100 | minor) && !r.err[0],
		     "section header 1.%u: read, version 0x%x", minor, r.version);
		bb_free(&f);
	}

	struct bb f = {0};
	shb(&f, 2, 0);
	read_mem(&f, &r);
	T_OK(r.rc < 0 && has(r.err, "version 2.0") && has(r.err, "offset 12"),
	     "section header 2.0: refused, with the version and its offset");
	bb_free(&f);

	struct bb b = {0};
	U32(&b, 0x4D3C2B1Au); /* the magic as a big-endian writer leaves it */
	U16(&b, 1);
	U16(&b, 2);
	U64(&b, 0);
	block(&f, SG_SCAP_SHB, &b);
	read_mem(&f, &r);
	T_OK(r.rc < 0 && has(r.err, "big-endian"), "big-endian capture: refused by name");
	bb_free(&f);
	bb_free(&b);

	U32(&b, 0x12345678);
	U16(&b, 1);
	U16(&b, 2);
	U64(&b, 0);
	block(&f, SG_SCAP_SHB, &b);
	read_mem(&f, &r);
	T_OK(r.rc < 0 && has(r.err, "bad byte-order magic 0x12345678") && has(r.err, "offset 8"),
	     "bad magic: refused with the value and its offset");
	bb_free(&f);
	bb_free(&b);

	U32(&b, 7);
	block(&f, SG_SCAP_MI, &b);
	read_mem(&f, &r);
	T_OK(r.rc < 0 && has(r.err, "no section header at offset 0"),
	     "first block not a section header: not a .scap capture");
	bb_free(&f);
	bb_free(&b);

	read_mem(&f, &r);
	T_OK(r.rc < 0 && has(r.err, "empty file"), "empty input: an error, not a clean end");
}

/* ---- machine info and process lists -------------------------------------------- */

static void machine(struct bb *f)
{
	struct bb b = {0};
	char host[128] = "scaphost";
	U32(&b, 4);            /* cpus */
	U64(&b, 1ull << 30);   /* memory */
	U64(&b, 32768);        /* max pid */
	bb_put(&b, host, sizeof(host));
	U64(&b, 1700000000ull * 1000000000ull); /* boot time */
	U64(&b, 0);
	U64(&b, 0);
	U64(&b, 0);
	block(f, SG_SCAP_MI, &b);
	bb_free(&b);
}

/* One thread entry as libs' process list version v lays it out. */
static void proc_entry(struct bb *e, int v)
{
	U64(e, 101);  /* tid */
	U64(e, 100);  /* pid */
	U64(e, 1);    /* ptid */
	if (v >= 6)
		U64(e, 90); /* sid */
	if (v >= 8)
		U64(e, 91); /* vpgid */
	STR(e, "cat");
	STR(e, "cat");
	if (v >= 7)
		STR(e, "/usr/bin/cat");
	S16(e, "-n\0/etc/hosts", 13);
	STR(e, "/tmp");
	U64(e, 1024); /* fdlimit */
	U32(e, 0);    /* flags */
	U32(e, 1000); /* uid */
	U32(e, 1001); /* gid */
	if (v < 2)
		return;
	U32(e, 1);    /* vm size, rss, swap */
	U32(e, 2);
	U32(e, 3);
	U64(e, 4);    /* page faults */
	U64(e, 5);
	if (v >= 3)
		S16(e, "HOME=/\0TERM=xterm", 17);
	if (v < 4)
		return;
	U64(e, 7);    /* vtid */
	U64(e, 6);    /* vpid */
	S16(e, "cpu=/user.slice", 16);
	if (v >= 5)
		STR(e, "/");
	if (v < 9)
		return;
	U64(e, 0);    /* pidns_init_start_ts */
	U32(e, 34816); /* tty */
	U32(e, 1000); /* loginuid */
	U8(e, 0);     /* exe_writable */
	U64(e, 0);    /* capabilities */
	U64(e, 0);
	U64(e, 0);
	U8(e, 0);     /* exe_upper_layer */
	U64(e, 0);    /* exe inode, ctime, mtime */
	U64(e, 0);
	U64(e, 0);
	U8(e, 0);     /* exe_from_memfd */
	U8(e, 0);     /* exe_lower_layer */
	U64(e, 92);   /* pgid */
}

static void proc_list(struct bb *f, uint32_t type, int v, const uint8_t *extra, size_t nextra)
{
	struct bb body = {0}, e = {0};
	proc_entry(&e, v);
	bb_put(&e, extra, nextra);
	if (v >= 9)
		U32(&body, e.n + 4); /* v9 entries carry their own length */
	bb_put(&body, e.p, e.n);
	block(f, type, &body);
	bb_free(&e);
	bb_free(&body);
}

static void test_proc_lists(void)
{
	static const struct {
		uint32_t type;
		int v;
	} pls[] = {
		{SG_SCAP_PL_V1, 1}, {SG_SCAP_PL_V1_INT, 1}, {SG_SCAP_PL_V2, 2},
		{SG_SCAP_PL_V2_INT, 2}, {SG_SCAP_PL_V3, 3}, {SG_SCAP_PL_V3_INT, 3},
		{SG_SCAP_PL_V4, 4}, {SG_SCAP_PL_V5, 5}, {SG_SCAP_PL_V6, 6}, {SG_SCAP_PL_V7, 7},
		{SG_SCAP_PL_V8, 8}, {SG_SCAP_PL_V9, 9},
	};
	for (size_t i = 0; i < sizeof(pls) / sizeof(pls[0]); i++) {
		int v = pls[i].v;
		struct bb f = {0};
		struct run r;
		shb(&f, 1, 2);
		machine(&f);
		proc_list(&f, pls[i].type, v, NULL, 0);
		read_mem(&f, &r);
		const struct seen *s = &r.seen;
		T_OK(r.rc == 0 && s->machines == 1 && s->ncpus == 4 && !strcmp(s->host, "scaphost"),
		     "process list v%d (0x%x): machine info read (%s)", v, pls[i].type, r.err);
		T_OK(s->threads == 1 && s->t.tid == 101 && s->t.pid == 100 && s->t.ptid == 1 &&
			     !strcmp(s->comm, "cat") && !strcmp(s->args, "-n|/etc/hosts") &&
			     !strcmp(s->cwd, "/tmp") && s->t.fdlimit == 1024 && s->t.uid == 1000 &&
			     s->t.gid == 1001,
		     "process list v%d: ids, comm, args, cwd, fdlimit, uid, gid", v);
		T_OK(v >= 3 ? !strcmp(s->env, "HOME=/|TERM=xterm") : s->t.env_len == 0,
		     "process list v%d: env %s", v, v >= 3 ? "read" : "absent");
		T_OK(v >= 4 ? s->t.vtid == 7 && s->t.vpid == 6 && !strcmp(s->cgroups, "cpu=/user.slice")
			    : s->t.vtid == (uint64_t)-1 && s->t.cgroups_len == 0,
		     "process list v%d: vtid, vpid, cgroups %s", v, v >= 4 ? "read" : "absent");
		T_OK(!strcmp(s->root, v >= 5 ? "/" : ""), "process list v%d: root", v);
		T_OK(s->t.sid == (v >= 6 ? 90 : (uint64_t)-1), "process list v%d: sid", v);
		T_OK(!strcmp(s->exepath, v >= 7 ? "/usr/bin/cat" : ""), "process list v%d: exepath", v);
		T_OK(s->t.vpgid == (v >= 8 ? 91 : (uint64_t)-1), "process list v%d: vpgid", v);
		T_OK(v >= 9 ? s->t.loginuid == 1000 && s->t.tty == 34816 && s->t.pgid == 92
			    : s->t.loginuid == UINT32_MAX,
		     "process list v%d: loginuid, tty, pgid %s", v, v >= 9 ? "read" : "absent");
		bb_free(&f);
	}

	/* a v9 entry from a newer library: fields past the known ones are
	 * skipped by the entry's length, and the next entry still read */
	struct bb f = {0}, body = {0}, e = {0};
	static const uint8_t future[13] = {1, 2, 3};
	shb(&f, 1, 2);
	proc_entry(&e, 9);
	bb_put(&e, future, sizeof(future));
	for (int k = 0; k < 2; k++) {
		U32(&body, e.n + 4);
		bb_put(&body, e.p, e.n);
	}
	block(&f, SG_SCAP_PL_V9, &body);
	struct run r;
	read_mem(&f, &r);
	T_OK(r.rc == 0 && r.seen.threads == 2 && r.seen.t.pgid == 92,
	     "process list v9: unknown trailing fields skipped by the entry length");
	bb_free(&f);
	bb_free(&body);

	/* an entry claiming more than its block holds */
	shb(&f, 1, 2);
	U32(&body, 5000);
	bb_put(&body, e.p, e.n);
	block(&f, SG_SCAP_PL_V9, &body);
	read_mem(&f, &r);
	T_OK(r.rc < 0 && has(r.err, "process list at offset 28") && has(r.err, "5000 bytes") &&
		     has(r.err, "does not fit"),
	     "process list v9: an entry longer than its block is an error with its offsets");
	bb_free(&f);
	bb_free(&body);
	bb_free(&e);

	/* a string length running past a v1 entry */
	shb(&f, 1, 2);
	U64(&body, 1);
	U64(&body, 1);
	U64(&body, 0);
	U16(&body, 900);
	bb_put(&body, "cat", 3);
	block(&f, SG_SCAP_PL_V1, &body);
	read_mem(&f, &r);
	T_OK(r.rc < 0 && has(r.err, "is corrupt") && r.seen.threads == 0,
	     "process list v1: a string longer than the entry is an error, no thread");
	bb_free(&f);
	bb_free(&body);
}

/* ---- fd and user lists ----------------------------------------------------------- */

static void fd_entry(struct bb *list, bool v2, const struct bb *e)
{
	if (v2)
		U32(list, e->n + 4);
	bb_put(list, e->p, e->n);
}

static void test_fd_lists(void)
{
	for (int v2 = 0; v2 <= 1; v2++) {
		struct bb f = {0}, body = {0}, e = {0};
		struct run r;
		shb(&f, 1, 2);
		U64(&body, 100); /* tid */
		/* a file: FILE_V2 carries its open flags */
		U64(&e, 3);
		U64(&e, 55);
		U8(&e, SG_SCAP_FD_FILE_V2);
		U32(&e, 1);
		STR(&e, "/etc/passwd");
		fd_entry(&body, v2, &e);
		bb_free(&e);
		/* an IPv4 socket */
		U64(&e, 4);
		U64(&e, 0);
		U8(&e, SG_SCAP_FD_IPV4_SOCK);
		bb_put(&e, (uint8_t[]){10, 0, 0, 1, 10, 0, 0, 2}, 8);
		U16(&e, 40000);
		U16(&e, 443);
		U8(&e, SG_SCAP_L4_TCP);
		fd_entry(&body, v2, &e);
		bb_free(&e);
		block(&f, v2 ? SG_SCAP_FDL_V2 : SG_SCAP_FDL, &body);
		bb_free(&body);
		/* a second list: an IPv6 server socket and a unix socket */
		U64(&body, 100);
		U64(&e, 5);
		U64(&e, 0);
		U8(&e, SG_SCAP_FD_IPV6_SERVSOCK);
		bb_put(&e, (uint8_t[16]){[15] = 1}, 16);
		U16(&e, 8080);
		U8(&e, SG_SCAP_L4_TCP);
		fd_entry(&body, v2, &e);
		bb_free(&e);
		U64(&e, 6);
		U64(&e, 0);
		U8(&e, SG_SCAP_FD_UNIX_SOCK);
		U64(&e, 0xaaaa);
		U64(&e, 0xbbbb);
		STR(&e, "/run/x.sock");
		fd_entry(&body, v2, &e);
		bb_free(&e);
		block(&f, v2 ? SG_SCAP_FDL_V2 : SG_SCAP_FDL_INT, &body);
		bb_free(&body);
		read_mem(&f, &r);
		T_OK(r.rc == 0 && r.seen.fds == 4, "fd list v%d: four entries in two lists (%s)",
		     v2 + 1, r.err);
		T_OK(r.seen.f.fd == 6 && r.seen.f.family == AF_UNIX && r.seen.f.usrc == 0xaaaa &&
			     r.seen.f.udst == 0xbbbb && !strcmp(r.seen.fname, "/run/x.sock"),
		     "fd list v%d: the unix socket's ends and name", v2 + 1);
		bb_free(&f);
	}

	/* the file and socket entries in detail, one list each */
	struct bb f = {0}, body = {0}, e = {0};
	struct run r;
	shb(&f, 1, 2);
	U64(&body, 7);
	U64(&e, 4);
	U64(&e, 0);
	U8(&e, SG_SCAP_FD_IPV4_SOCK);
	bb_put(&e, (uint8_t[]){10, 0, 0, 1, 10, 0, 0, 2}, 8);
	U16(&e, 40000);
	U16(&e, 443);
	U8(&e, SG_SCAP_L4_TCP);
	fd_entry(&body, true, &e);
	bb_free(&e);
	block(&f, SG_SCAP_FDL_V2, &body);
	bb_free(&body);
	read_mem(&f, &r);
	const struct sg_scap_fd *d = &r.seen.f;
	T_OK(r.rc == 0 && d->tid == 7 && d->fd == 4 && d->family == AF_INET && d->sip[0] == 10 &&
		     d->sip[3] == 1 && d->dip[3] == 2 && d->sport == 40000 && d->dport == 443 &&
		     d->l4proto == SG_SCAP_L4_TCP,
	     "fd list: an IPv4 socket's tid, fd, addresses, ports and protocol");
	bb_free(&f);

	/* a type newer than this reader: skipped in v2 (sized), refused in v1 */
	for (int v2 = 0; v2 <= 1; v2++) {
		shb(&f, 1, 2);
		U64(&body, 100);
		U64(&e, 9);
		U64(&e, 0);
		U8(&e, 200);
		U32(&e, 0xdeadbeef);
		fd_entry(&body, v2, &e);
		bb_free(&e);
		U64(&e, 3);
		U64(&e, 0);
		U8(&e, SG_SCAP_FD_FILE_V2);
		U32(&e, 0);
		STR(&e, "/after");
		fd_entry(&body, v2, &e);
		bb_free(&e);
		block(&f, v2 ? SG_SCAP_FDL_V2 : SG_SCAP_FDL, &body);
		bb_free(&body);
		read_mem(&f, &r);
		if (v2)
			T_OK(r.rc == 0 && !strcmp(r.seen.fname, "/after"),
			     "fd list v2: an unknown fd type is skipped by its entry length");
		else
			T_OK(r.rc < 0 && has(r.err, "fd list at offset 28") && has(r.err, "corrupt"),
			     "fd list v1: an unknown fd type cannot be skipped: an error with the offset");
		bb_free(&f);
	}

	/* an fd list too short for its tid */
	shb(&f, 1, 2);
	U32(&body, 1);
	block(&f, SG_SCAP_FDL_V2, &body);
	bb_free(&body);
	read_mem(&f, &r);
	T_OK(r.rc < 0 && has(r.err, "too short"), "fd list shorter than its tid: an error");
	bb_free(&f);
}

static void test_user_lists(void)
{
	for (int v2 = 0; v2 <= 1; v2++) {
		struct bb f = {0}, body = {0}, e = {0};
		struct run r;
		shb(&f, 1, 2);
		U8(&e, 1); /* a group */
		U32(&e, 100);
		STR(&e, "users");
		fd_entry(&body, v2, &e);
		bb_free(&e);
		U8(&e, 0); /* a user */
		U32(&e, 1000);
		U32(&e, 100);
		STR(&e, "alice");
		STR(&e, "/home/alice");
		STR(&e, "/bin/sh");
		if (v2)
			U32(&e, 0xfeed); /* a later field: skipped by the length */
		fd_entry(&body, v2, &e);
		bb_free(&e);
		block(&f, v2 ? SG_SCAP_UL_V2 : SG_SCAP_UL, &body);
		bb_free(&body);
		read_mem(&f, &r);
		T_OK(r.rc == 0 && r.seen.users == 2 && !r.seen.u.group && r.seen.u.uid == 1000 &&
			     r.seen.u.gid == 100 && !strcmp(r.seen.uname, "alice") &&
			     !strcmp(r.seen.uhome, "/home/alice") && !strcmp(r.seen.ushell, "/bin/sh"),
		     "user list v%d: a group and a user with home and shell (%s)", v2 + 1, r.err);
		bb_free(&f);
	}
}

/* ---- events ----------------------------------------------------------------------- */

/* An event block of type; params as (length, bytes) pairs.  v2 headers
 * carry nparams; flags blocks put 32 bits of flags after the cpu. */
static void event(struct bb *f, uint32_t type, uint16_t code, uint32_t flags, unsigned np,
		  const uint32_t *lens, const char *const *vals)
{
	bool v2 = type == SG_SCAP_EV_V2 || type == SG_SCAP_EVF_V2 || type == SG_SCAP_EV_V2_LARGE ||
		  type == SG_SCAP_EVF_V2_LARGE;
	bool hasflags = type == SG_SCAP_EVF || type == SG_SCAP_EVF_V2 || type == SG_SCAP_EVF_V2_LARGE;
	size_t lsz = code < SG_SCAP_EVENT_MAX && (sg_scap_events[code].flags & SG_EF_LARGE) ? 4 : 2;
	uint32_t len = v2 ? SG_SCAP_EVT_HDR : SG_SCAP_EVT_HDR_V1;
	for (unsigned i = 0; i < np; i++)
		len += (uint32_t)lsz + lens[i];
	struct bb b = {0};
	U16(&b, 1); /* cpu */
	if (hasflags)
		U32(&b, flags);
	U64(&b, 5000); /* ts */
	U64(&b, 101);  /* tid */
	U32(&b, len);
	U16(&b, code);
	if (v2)
		U32(&b, np);
	for (unsigned i = 0; i < np; i++)
		bb_le(&b, lens[i], lsz);
	for (unsigned i = 0; i < np; i++)
		bb_put(&b, vals[i], lens[i]);
	block(f, type, &b);
	bb_free(&b);
}

/* PPME_SYSCALL_OPEN_E: name, flags, mode */
static void open_e(struct bb *f, uint32_t type)
{
	static const uint32_t lens[] = {12, 4, 4};
	static const char *const vals[] = {"/etc/passwd", "\1\0\0\0", "\0\0\0\0"};
	event(f, type, 2, 0x5, 3, lens, vals);
}

static void test_events(void)
{
	static const struct {
		uint32_t type;
		const char *what;
	} evb[] = {
		{SG_SCAP_EV, "v1"}, {SG_SCAP_EV_INT, "v1 (internal)"}, {SG_SCAP_EV_V2, "v2"},
		{SG_SCAP_EVF, "v1 with flags"}, {SG_SCAP_EVF_V2, "v2 with flags"},
		{SG_SCAP_EV_V2_LARGE, "v2 large"}, {SG_SCAP_EVF_V2_LARGE, "v2 large with flags"},
	};
	T_OK(sg_scap_events[2].name && !strcmp(sg_scap_events[2].name, "open") &&
		     sg_scap_events[2].nparams == 3,
	     "event table: code 2 is open's enter, 3 parameters");
	for (size_t i = 0; i < sizeof(evb) / sizeof(evb[0]); i++) {
		struct bb f = {0};
		struct run r;
		bool hasflags = evb[i].type == SG_SCAP_EVF || evb[i].type == SG_SCAP_EVF_V2 ||
				evb[i].type == SG_SCAP_EVF_V2_LARGE;
		shb(&f, 1, 2);
		open_e(&f, evb[i].type);
		read_mem(&f, &r);
		T_OK(r.rc == 0 && r.events == 1 && r.ev.type == 2 && r.ev.ts == 5000 &&
			     r.ev.tid == 101 && r.ev.cpu == 1 && r.ev.nparams == 3 &&
			     r.ev.offset == 28,
		     "event block %s: one open event, header and offset (%s)", evb[i].what, r.err);
		T_OK(r.ev.p[0].len == 12 && !memcmp(r.ev_data, "/etc/passwd", 12) &&
			     r.ev.p[1].len == 4 && r.ev.p[2].len == 4,
		     "event block %s: the parameters located", evb[i].what);
		T_OK(r.ev.flags == (hasflags ? 0x5u : 0), "event block %s: flags %s", evb[i].what,
		     hasflags ? "read" : "0");
		bb_free(&f);
	}

	/* v1 blocks have no nparams: an older event version with fewer
	 * parameters is told by its lengths adding up */
	struct bb f = {0};
	struct run r;
	shb(&f, 1, 2);
	static const uint32_t l2[] = {12, 4};
	static const char *const v2vals[] = {"/etc/passwd", "\1\0\0\0"};
	event(&f, SG_SCAP_EV, 2, 0, 2, l2, v2vals);
	read_mem(&f, &r);
	T_OK(r.rc == 0 && r.events == 1 && r.ev.nparams == 2,
	     "event block v1: two parameters found from the lengths (%s)", r.err);
	bb_free(&f);

	/* u32 parameter lengths of the large events */
	T_OK(sg_scap_events[322].flags & SG_EF_LARGE, "event table: code 322 has u32 lengths");
	shb(&f, 1, 2);
	static const uint32_t ll[] = {4, 70000};
	char *big = calloc(1, 70000);
	const char *lv[] = {"\7\0\0\0", big};
	event(&f, SG_SCAP_EV_V2_LARGE, 322, 0, 2, ll, lv);
	read_mem(&f, &r);
	T_OK(r.rc == 0 && r.events == 1 && r.ev.nparams == 2 && r.ev.p[1].len == 70000,
	     "event with u32 lengths: a 70000-byte parameter located (%s)", r.err);
	free(big);
	bb_free(&f);

	/* an unknown code is skipped and counted, the next event read */
	shb(&f, 1, 2);
	event(&f, SG_SCAP_EV_V2, 9999, 0, 0, NULL, NULL);
	open_e(&f, SG_SCAP_EV_V2);
	read_mem(&f, &r);
	T_OK(r.rc == 0 && r.events == 1 && r.st.unknown_events == 1,
	     "event of an unknown code: skipped and counted");
	bb_free(&f);

	/* parameters that do not fit the event's length */
	shb(&f, 1, 2);
	static const uint32_t lie[] = {4000, 4, 4};
	struct bb b = {0};
	U16(&b, 0);
	U64(&b, 1);
	U64(&b, 1);
	U32(&b, SG_SCAP_EVT_HDR + 6 + 8);
	U16(&b, 2);
	U32(&b, 3);
	for (int i = 0; i < 3; i++)
		U16(&b, lie[i]);
	U64(&b, 0);
	block(&f, SG_SCAP_EV_V2, &b);
	bb_free(&b);
	read_mem(&f, &r);
	T_OK(r.rc < 0 && r.events == 0 && has(r.err, "event at offset 28 (open)") &&
		     has(r.err, "do not fit"),
	     "event whose parameter lengths exceed its length: an error with its offset");
	bb_free(&f);

	/* an event length beyond its block */
	shb(&f, 1, 2);
	U16(&b, 0);
	U64(&b, 1);
	U64(&b, 1);
	U32(&b, 100000);
	U16(&b, 2);
	U32(&b, 0);
	block(&f, SG_SCAP_EV_V2, &b);
	bb_free(&b);
	read_mem(&f, &r);
	T_OK(r.rc < 0 && has(r.err, "its length 100000 does not fit its block"),
	     "event longer than its block: an error");
	bb_free(&f);
}

/* ---- unknown blocks, truncation, lying lengths ------------------------------------ */

static void test_skip_and_truncation(void)
{
	struct bb f = {0}, b = {0};
	struct run r;
	shb(&f, 1, 2);
	for (int i = 0; i < 37; i++)
		U8(&b, (uint8_t)i);
	block(&f, 0x7777, &b); /* a type no library wrote yet */
	block(&f, SG_SCAP_IL_V2, &b); /* interface lists: sysgrep names no interfaces */
	bb_free(&b);
	open_e(&f, SG_SCAP_EV_V2);
	read_mem(&f, &r);
	T_OK(r.rc == 0 && r.events == 1 && r.st.skipped_blocks == 2,
	     "unknown and interface-list blocks: skipped by their length, the event after read");
	size_t whole = f.n;

	/* cut inside the last block: the events before it, then the error */
	open_e(&f, SG_SCAP_EV_V2);
	size_t cut = f.n - 10;
	struct bb c = {f.p, cut, f.cap};
	read_mem(&c, &r);
	char want[96];
	snprintf(want, sizeof(want), "truncated at offset %zu", cut);
	T_OK(r.rc < 0 && r.events == 1 && has(r.err, want),
	     "cut in a block: the event before it, then '%s'", want);

	/* cut inside a block header */
	c.n = whole + 5;
	read_mem(&c, &r);
	snprintf(want, sizeof(want), "truncated at offset %zu", whole + 5);
	T_OK(r.rc < 0 && r.events == 1 && has(r.err, want), "cut in a block header: '%s'", want);
	bb_free(&f);

	/* lying lengths */
	shb(&f, 1, 2);
	whole = f.n;
	U32(&f, SG_SCAP_EV_V2);
	U32(&f, 8);
	U32(&f, 8);
	read_mem(&f, &r);
	T_OK(r.rc < 0 && has(r.err, "corrupt block at offset 28") && has(r.err, "shorter than"),
	     "a block length shorter than a header: a clear error");
	f.n = whole;
	U32(&f, SG_SCAP_EV_V2);
	U32(&f, 0xfffffff0u);
	U32(&f, 0);
	read_mem(&f, &r);
	T_OK(r.rc < 0 && has(r.err, "4294967280") && has(r.err, "largest block"),
	     "a 4 GiB block length: refused before any read");
	f.n = whole;
	U32(&f, SG_SCAP_EV_V2);
	U32(&f, 5000);
	U32(&f, 0);
	read_mem(&f, &r);
	T_OK(r.rc < 0 && has(r.err, "claims 5000 bytes, past the end of the file"),
	     "a block longer than the file: an error naming both");
	f.n = whole;
	U32(&b, 0);
	block(&f, 0x7777, &b);
	bb_free(&b);
	f.p[f.n - 4] ^= 0x40; /* the trailing length differs from the header's */
	read_mem(&f, &r);
	T_OK(r.rc < 0 && has(r.err, "corrupt block at offset 28") && has(r.err, "trailing length"),
	     "trailing length unlike the header's: a clear error");
	bb_free(&f);
}

/* ---- gzip --------------------------------------------------------------------------- */

static void gzip(const struct bb *in, struct bb *out)
{
	z_stream z;
	memset(&z, 0, sizeof(z));
	if (deflateInit2(&z, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY) != Z_OK)
		abort();
	out->n = 0;
	size_t cap = deflateBound(&z, in->n) + 64;
	out->p = realloc(out->p, cap);
	out->cap = cap;
	z.next_in = in->p;
	z.avail_in = (uInt)in->n;
	z.next_out = out->p;
	z.avail_out = (uInt)cap;
	if (deflate(&z, Z_FINISH) != Z_STREAM_END)
		abort();
	out->n = z.total_out;
	deflateEnd(&z);
}

/* bytes the heap holds now */
static size_t heap_used(void)
{
#ifdef T_ASAN
	return __sanitizer_get_current_allocated_bytes();
#else
	struct mallinfo2 m = mallinfo2();
	return m.uordblks + m.hblkhd;
#endif
}

static void test_gzip(void)
{
	struct bb f = {0}, z = {0};
	struct run r, rz;
	shb(&f, 1, 1);
	machine(&f);
	proc_list(&f, SG_SCAP_PL_V9, 9, NULL, 0);
	for (int i = 0; i < 50; i++)
		open_e(&f, SG_SCAP_EVF_V2);
	read_mem(&f, &r);
	gzip(&f, &z);
	struct sg_source *src = sg_source_mem(z.p, z.n);
	T_OK(src && sg_source_gzip(src) && sg_source_size(src) == 0,
	     "gzip: told by its magic, size not known in advance");
	read_all(src, &rz);
	sg_source_close(src);
	T_OK(rz.rc == 0 && rz.events == 50 && rz.events == r.events && rz.version == 0x101 &&
		     rz.seen.threads == 1 && !strcmp(rz.seen.comm, "cat"),
	     "gzip: the same lists and %d events as the plain bytes (%s)", rz.events, rz.err);

	/* cut compressed stream: offsets of the inflated bytes */
	struct bb zc = {z.p, z.n - 20, z.cap};
	src = sg_source_mem(zc.p, zc.n);
	read_all(src, &rz);
	sg_source_close(src);
	T_OK(rz.rc < 0 && rz.events > 0 && rz.events < 50 && has(rz.err, "truncated at offset"),
	     "gzip cut short: %d events, then '%s'", rz.events, rz.err);
	bb_free(&f);

	/* a block claiming 60 MiB in a stream of unknown size: read as the
	 * bytes arrive, so what is allocated follows the data, not the claim */
	shb(&f, 1, 2);
	U32(&f, SG_SCAP_EV_V2);
	U32(&f, 60u << 20);
	for (int i = 0; i < 100; i++)
		U8(&f, 0);
	gzip(&f, &z);
	size_t before = heap_used();
	src = sg_source_mem(z.p, z.n);
	struct sg_scap_reader *rd = sg_scap_reader_new(src, NULL);
	struct sg_scap_evt *ev = malloc(sizeof(*ev));
	int rc = sg_scap_next(rd, ev);
	size_t grown = heap_used() - before; /* with the reader and its buffer alive */
	const char *err = sg_scap_reader_error(rd);
	T_OK(rc < 0 && err && has(err, "truncated at offset 136") && has(err, "62914560 bytes"),
	     "gzip, a 60 MiB claim over 100 bytes: truncated at the real end");
	T_OK(grown < (8u << 20), "gzip, a 60 MiB claim: %zu KiB allocated, not 60 MiB", grown >> 10);
	free(ev);
	sg_scap_reader_free(rd);
	sg_source_close(src);
	bb_free(&f);
	bb_free(&z);
}

int main(void)
{
	test_section_header();
	test_proc_lists();
	test_fd_lists();
	test_user_lists();
	test_events();
	test_skip_and_truncation();
	test_gzip();
	return t_done();
}
