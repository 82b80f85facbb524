/*
 * .scap blocks -> lists (callbacks) and located events.  The layouts are
 * libs' (userspace/libscap/engine/savefile): each process-list version
 * adds fields, v9 entries and v2 fd / user entries carry their own length
 * so later fields can be skipped, and v1 event blocks lack nparams, which
 * is then worked out from the parameter lengths as libs does.
 */
#include "capture/scap_read.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#define PATH_CAP 1024  /* SCAP_MAX_PATH_SIZE */
#define ARGS_CAP 4096  /* SCAP_MAX_ARGS_SIZE, ENV, CGROUPS */
#define CRED_CAP 256   /* MAX_CREDENTIALS_STR_LEN */
#define READ_STEP (1u << 20)

struct sg_scap_reader {
	struct sg_source *src;
	struct sg_scap_cb cb;
	uint8_t *buf;      /* the current block's body */
	size_t cap;
	bool got_shb;
	uint16_t version;
	uint64_t block_off;
	struct sg_scap_read_stats st;
	char err[320];
	/* NUL-terminated copies of a list entry's strings */
	char comm[PATH_CAP + 1], exe[PATH_CAP + 1], exepath[PATH_CAP + 1];
	char cwd[PATH_CAP + 1], root[PATH_CAP + 1], fname[PATH_CAP + 1];
	char args[ARGS_CAP + 1], env[ARGS_CAP + 1], cgroups[ARGS_CAP + 1];
	char uname[CRED_CAP + 1], uhome[CRED_CAP + 1], ushell[CRED_CAP + 1];
};

static int fail(struct sg_scap_reader *r, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static int fail(struct sg_scap_reader *r, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(r->err, sizeof(r->err), fmt, ap);
	va_end(ap);
	return -1;
}

static void nop_machine(void *c, const char *h, uint32_t n, uint64_t b) { (void)c; (void)h; (void)n; (void)b; }
static void nop_thread(void *c, const struct sg_scap_thread *t) { (void)c; (void)t; }
static void nop_fd(void *c, const struct sg_scap_fd *f) { (void)c; (void)f; }
static void nop_user(void *c, const struct sg_scap_user *u) { (void)c; (void)u; }

struct sg_scap_reader *sg_scap_reader_new(struct sg_source *src, const struct sg_scap_cb *cb)
{
	struct sg_scap_reader *r = calloc(1, sizeof(*r));
	if (!r)
		return NULL;
	r->src = src;
	if (cb)
		r->cb = *cb;
	if (!r->cb.machine)
		r->cb.machine = nop_machine;
	if (!r->cb.thread)
		r->cb.thread = nop_thread;
	if (!r->cb.fd)
		r->cb.fd = nop_fd;
	if (!r->cb.user)
		r->cb.user = nop_user;
	return r;
}

void sg_scap_reader_free(struct sg_scap_reader *r)
{
	if (!r)
		return;
	free(r->buf);
	free(r);
}

const char *sg_scap_reader_error(const struct sg_scap_reader *r)
{
	return r->err[0] ? r->err : NULL;
}

uint16_t sg_scap_version(const struct sg_scap_reader *r)
{
	return r->version;
}

void sg_scap_reader_stats(const struct sg_scap_reader *r, struct sg_scap_read_stats *out)
{
	*out = r->st;
}

/* ---- bounded little-endian cursor ----------------------------------------- */

struct cur {
	const uint8_t *p, *end;
	bool bad;
};

static bool need(struct cur *c, size_t n)
{
	if (c->bad || (size_t)(c->end - c->p) < n) {
		c->bad = true;
		return false;
	}
	return true;
}

/* n <= 8 */
static uint64_t get(struct cur *c, size_t n)
{
	uint64_t v = 0;
	if (n > 8 || !need(c, n))
		return 0;
	for (size_t i = 0; i < n; i++)
		v |= (uint64_t)c->p[i] << (8 * i);
	c->p += n;
	return v;
}

#define U8(c) ((uint8_t)get(c, 1))
#define U16(c) ((uint16_t)get(c, 2))
#define U32(c) ((uint32_t)get(c, 4))
#define U64(c) get(c, 8)

static void skip(struct cur *c, size_t n)
{
	if (need(c, n))
		c->p += n;
}

static void bytes(struct cur *c, void *dst, size_t n)
{
	if (need(c, n)) {
		memcpy(dst, c->p, n);
		c->p += n;
	}
}

/* A u16-length string into dst (cap bytes + NUL): longer ones are an error
 * as in libs, whose writer never produces them. */
static size_t str16(struct cur *c, char *dst, size_t cap)
{
	uint16_t n = U16(c);
	dst[0] = 0;
	if (c->bad || n > cap || !need(c, n)) {
		c->bad = true;
		return 0;
	}
	memcpy(dst, c->p, n);
	dst[n] = 0;
	c->p += n;
	return n;
}

static uint64_t le(const uint8_t *p, size_t n)
{
	uint64_t v = 0;
	for (size_t i = 0; i < n; i++)
		v |= (uint64_t)p[i] << (8 * i);
	return v;
}

/* ---- blocks --------------------------------------------------------------- */

/* The rest of a block of total bytes into r->buf, grown only as the data
 * really arrives: a lying length costs what the file holds, not what it
 * claims. */
static int read_body(struct sg_scap_reader *r, uint32_t total, const char *what)
{
	size_t want = total - SG_SCAP_BLOCK_HDR, got = 0;
	while (got < want) {
		size_t step = want - got > READ_STEP ? READ_STEP : want - got;
		if (got + step > r->cap) {
			size_t nc = r->cap ? r->cap : 4096;
			while (nc < got + step)
				nc *= 2;
			uint8_t *nb = realloc(r->buf, nc);
			if (!nb)
				return fail(r, "out of memory reading the %s at offset %" PRIu64, what,
					    r->block_off);
			r->buf = nb;
			r->cap = nc;
		}
		size_t n = sg_source_read(r->src, r->buf + got, step);
		got += n;
		if (n < step) {
			const char *e = sg_source_error(r->src);
			return fail(r, "truncated at offset %" PRIu64 " (in a %s of %u bytes at offset %"
				    PRIu64 "%s%s)", sg_source_offset(r->src), what, total, r->block_off,
				    e ? ": " : "", e ? e : "");
		}
	}
	uint32_t trailer = (uint32_t)le(r->buf + want - 4, 4);
	if (trailer != total)
		return fail(r, "corrupt %s at offset %" PRIu64 ": its trailing length %u does not "
			    "match the %u of its header", what, r->block_off, trailer, total);
	return 0;
}

static int section_header(struct sg_scap_reader *r, const uint8_t *b, size_t n)
{
	if (n < 16)
		return fail(r, "section header at offset %" PRIu64 " is too short", r->block_off);
	uint32_t magic = (uint32_t)le(b, 4);
	if (magic == 0x4D3C2B1Au)
		return fail(r, "the capture is big-endian (byte-order magic at offset %" PRIu64
			    "): sysgrep reads little-endian captures", r->block_off + 8);
	if (magic != SG_SCAP_MAGIC)
		return fail(r, "not a .scap capture: bad byte-order magic 0x%08x at offset %" PRIu64,
			    magic, r->block_off + 8);
	uint16_t major = (uint16_t)le(b + 4, 2), minor = (uint16_t)le(b + 6, 2);
	if (major != 1)
		return fail(r, "capture format version %u.%u (offset %" PRIu64 ") is not one sysgrep "
			    "reads (1.0 to 1.2)", major, minor, r->block_off + 12);
	r->version = (uint16_t)(major << 8 | (minor & 0xff));
	return 0;
}

static int machine_info(struct sg_scap_reader *r, const uint8_t *b, size_t n)
{
	if (n < SG_SCAP_MI_SIZE)
		return fail(r, "machine info block at offset %" PRIu64 " is %zu bytes, not %u",
			    r->block_off, n, SG_SCAP_MI_SIZE);
	char host[129];
	memcpy(host, b + 20, 128);
	host[128] = 0;
	r->cb.machine(r->cb.ctx, host, (uint32_t)le(b, 4), le(b + 148, 8));
	return 0;
}

static int pl_version(uint32_t type)
{
	switch (type) {
	case SG_SCAP_PL_V1: case SG_SCAP_PL_V1_INT: return 1;
	case SG_SCAP_PL_V2: case SG_SCAP_PL_V2_INT: return 2;
	case SG_SCAP_PL_V3: case SG_SCAP_PL_V3_INT: return 3;
	case SG_SCAP_PL_V4: return 4;
	case SG_SCAP_PL_V5: return 5;
	case SG_SCAP_PL_V6: return 6;
	case SG_SCAP_PL_V7: return 7;
	case SG_SCAP_PL_V8: return 8;
	case SG_SCAP_PL_V9: return 9;
	}
	return 0;
}

/* The fields v9 entries may carry after root, each only if the entry is
 * long enough (libs 0.10 put two of them in the middle: pre-0.10 writers
 * leave 29 bytes or fewer here). */
static void pl_tail(struct cur *c, struct sg_scap_thread *t)
{
	size_t left = (size_t)(c->end - c->p);
	if (left > 29) {
		if (need(c, 8))
			(void)U64(c); /* pidns_init_start_ts */
		if (need(c, 4))
			t->tty = U32(c);
	}
	if ((size_t)(c->end - c->p) >= 4)
		t->loginuid = U32(c);
	/* exe_writable, capabilities, exe inode data, memfd, lower layer */
	static const uint8_t skip[] = {1, 8, 8, 8, 1, 8, 8, 8, 1, 1};
	for (size_t i = 0; i < sizeof(skip); i++) {
		if ((size_t)(c->end - c->p) < skip[i])
			return;
		c->p += skip[i];
	}
	if ((size_t)(c->end - c->p) >= 8)
		t->pgid = U64(c);
}

static int proc_entry(struct sg_scap_reader *r, struct cur *c, int v)
{
	struct sg_scap_thread t;
	memset(&t, 0, sizeof(t));
	t.loginuid = UINT32_MAX;
	t.vtid = t.vpid = t.sid = t.vpgid = t.pgid = (uint64_t)-1;
	t.tid = U64(c);
	t.pid = U64(c);
	t.ptid = U64(c);
	if (v >= 6)
		t.sid = U64(c);
	if (v >= 8)
		t.vpgid = U64(c);
	str16(c, r->comm, PATH_CAP);
	str16(c, r->exe, PATH_CAP);
	r->exepath[0] = 0;
	if (v >= 7)
		str16(c, r->exepath, PATH_CAP);
	t.args_len = (uint32_t)str16(c, r->args, ARGS_CAP);
	str16(c, r->cwd, PATH_CAP);
	t.fdlimit = U64(c);
	t.flags = U32(c);
	t.uid = U32(c);
	t.gid = U32(c);
	r->env[0] = r->cgroups[0] = r->root[0] = 0;
	if (v >= 2) {
		skip(c, 4 + 4 + 4 + 8 + 8); /* vm sizes, page faults */
		if (v >= 3)
			t.env_len = (uint32_t)str16(c, r->env, ARGS_CAP);
		if (v >= 4) {
			t.vtid = U64(c);
			t.vpid = U64(c);
			t.cgroups_len = (uint32_t)str16(c, r->cgroups, ARGS_CAP);
			if (v >= 5)
				str16(c, r->root, PATH_CAP);
		}
	}
	if (v >= 9 && !c->bad)
		pl_tail(c, &t);
	if (c->bad)
		return -1;
	t.comm = r->comm;
	t.exe = r->exe;
	t.exepath = r->exepath;
	t.cwd = r->cwd;
	t.root = r->root;
	t.args = r->args;
	t.env = r->env;
	t.cgroups = r->cgroups;
	r->cb.thread(r->cb.ctx, &t);
	return 0;
}

static int proc_list(struct sg_scap_reader *r, uint32_t type, const uint8_t *b, size_t n)
{
	int v = pl_version(type);
	struct cur c = {b, b + n, false};
	while (c.end - c.p >= 4) {
		const uint8_t *start = c.p;
		struct cur e = c;
		if (v >= 9) {
			uint32_t len = U32(&c);
			if (len < 4 || len > (size_t)(c.end - start))
				return fail(r, "process list at offset %" PRIu64 ": an entry of %u bytes "
					    "at offset %" PRIu64 " does not fit its block", r->block_off,
					    len, r->block_off + 8 + (uint64_t)(start - b));
			e = (struct cur){c.p, start + len, false};
			c.p = start + len;
		}
		if (proc_entry(r, &e, v))
			return fail(r, "process list at offset %" PRIu64 ": the entry at offset %" PRIu64
				    " is corrupt (a length runs past it)", r->block_off,
				    r->block_off + 8 + (uint64_t)(start - b));
		if (v < 9)
			c.p = e.p;
	}
	return 0;
}

static void inet_addr(struct cur *c, uint8_t *dst, bool v6)
{
	bytes(c, dst, v6 ? 16 : 4);
}

static int fd_entry(struct sg_scap_reader *r, struct cur *c, uint64_t tid, bool v2)
{
	struct sg_scap_fd f;
	memset(&f, 0, sizeof(f));
	f.tid = tid;
	f.fd = (int64_t)U64(c);
	f.ino = U64(c);
	f.type = U8(c);
	r->fname[0] = 0;
	switch (f.type) {
	case SG_SCAP_FD_IPV4_SOCK:
	case SG_SCAP_FD_IPV6_SOCK: {
		bool v6 = f.type == SG_SCAP_FD_IPV6_SOCK;
		f.family = v6 ? AF_INET6 : AF_INET;
		inet_addr(c, f.sip, v6);
		inet_addr(c, f.dip, v6);
		f.sport = U16(c);
		f.dport = U16(c);
		f.l4proto = U8(c);
		break;
	}
	case SG_SCAP_FD_IPV4_SERVSOCK:
	case SG_SCAP_FD_IPV6_SERVSOCK: {
		bool v6 = f.type == SG_SCAP_FD_IPV6_SERVSOCK;
		f.family = v6 ? AF_INET6 : AF_INET;
		inet_addr(c, f.sip, v6);
		f.sport = U16(c);
		f.l4proto = U8(c);
		break;
	}
	case SG_SCAP_FD_UNIX_SOCK:
		f.family = AF_UNIX;
		f.usrc = U64(c);
		f.udst = U64(c);
		str16(c, r->fname, PATH_CAP - 1);
		break;
	case SG_SCAP_FD_FILE_V2:
		f.open_flags = U32(c);
		str16(c, r->fname, PATH_CAP - 1);
		/* dev may follow; the entry length skips it */
		break;
	case SG_SCAP_FD_UNKNOWN:
		break;
	default:
		if (f.type > SG_SCAP_FD_PIDFD) {
			/* a newer library's type: only a sized entry can be skipped */
			if (!v2)
				return -1;
			break;
		}
		str16(c, r->fname, PATH_CAP - 1);
		break;
	}
	if (c->bad)
		return -1;
	f.name = r->fname;
	r->cb.fd(r->cb.ctx, &f);
	return 0;
}

static int fd_list(struct sg_scap_reader *r, uint32_t type, const uint8_t *b, size_t n)
{
	bool v2 = type == SG_SCAP_FDL_V2;
	struct cur c = {b, b + n, false};
	uint64_t tid = U64(&c);
	if (c.bad)
		return fail(r, "fd list at offset %" PRIu64 " is too short", r->block_off);
	while (c.end - c.p >= 4) {
		const uint8_t *start = c.p;
		struct cur e = c;
		if (v2) {
			uint32_t len = U32(&c);
			if (len < 4 || len > (size_t)(c.end - start))
				return fail(r, "fd list at offset %" PRIu64 ": an entry of %u bytes at "
					    "offset %" PRIu64 " does not fit its block", r->block_off, len,
					    r->block_off + 8 + (uint64_t)(start - b));
			e = (struct cur){c.p, start + len, false};
			c.p = start + len;
		}
		if (fd_entry(r, &e, tid, v2))
			return fail(r, "fd list at offset %" PRIu64 ": the entry at offset %" PRIu64
				    " is corrupt", r->block_off, r->block_off + 8 + (uint64_t)(start - b));
		if (!v2)
			c.p = e.p;
	}
	return 0;
}

static int user_entry(struct sg_scap_reader *r, struct cur *c)
{
	struct sg_scap_user u;
	memset(&u, 0, sizeof(u));
	u.group = U8(c) != 0;
	r->uhome[0] = r->ushell[0] = 0;
	if (u.group) {
		u.gid = U32(c);
		str16(c, r->uname, CRED_CAP - 1);
	} else {
		u.uid = U32(c);
		u.gid = U32(c);
		str16(c, r->uname, CRED_CAP - 1);
		str16(c, r->uhome, CRED_CAP - 1);
		str16(c, r->ushell, CRED_CAP - 1);
	}
	if (c->bad)
		return -1;
	u.name = r->uname;
	u.home = r->uhome;
	u.shell = r->ushell;
	r->cb.user(r->cb.ctx, &u);
	return 0;
}

static int user_list(struct sg_scap_reader *r, uint32_t type, const uint8_t *b, size_t n)
{
	bool v2 = type == SG_SCAP_UL_V2;
	struct cur c = {b, b + n, false};
	while (c.end - c.p >= 4) {
		const uint8_t *start = c.p;
		struct cur e = c;
		if (v2) {
			uint32_t len = U32(&c);
			if (len < 4 || len > (size_t)(c.end - start))
				return fail(r, "user list at offset %" PRIu64 ": an entry of %u bytes "
					    "does not fit its block", r->block_off, len);
			e = (struct cur){c.p, start + len, false};
			c.p = start + len;
		}
		if (user_entry(r, &e))
			return fail(r, "user list at offset %" PRIu64 ": the entry at offset %" PRIu64
				    " is corrupt", r->block_off, r->block_off + 8 + (uint64_t)(start - b));
		if (!v2)
			c.p = e.p;
	}
	return 0;
}

/* ---- events --------------------------------------------------------------- */

static bool is_event_block(uint32_t t, bool *v2, bool *flags)
{
	*v2 = t == SG_SCAP_EV_V2 || t == SG_SCAP_EV_V2_LARGE || t == SG_SCAP_EVF_V2 ||
	      t == SG_SCAP_EVF_V2_LARGE;
	*flags = t == SG_SCAP_EVF || t == SG_SCAP_EVF_V2 || t == SG_SCAP_EVF_V2_LARGE;
	return *v2 || t == SG_SCAP_EV || t == SG_SCAP_EV_INT || t == SG_SCAP_EVF;
}

/* Lengths then values: fills ev->p; false when they do not add up to len. */
static bool locate(struct sg_scap_evt *ev, const uint8_t *e, uint32_t hdr, uint32_t len,
		   uint32_t np, size_t lsz, bool exact)
{
	uint64_t off = hdr + (uint64_t)np * lsz;
	if (off > len)
		return false;
	for (uint32_t i = 0; i < np; i++) {
		uint32_t pl = (uint32_t)le(e + hdr + i * lsz, lsz);
		if (pl > len - off)
			return false;
		ev->p[i].data = e + off;
		ev->p[i].len = pl;
		off += pl;
	}
	ev->nparams = np;
	return !exact || off == len;
}

/* 1 with the event, 0 for an event of a code not in the table, -1 bad. */
static int event_block(struct sg_scap_reader *r, uint32_t type, const uint8_t *b, size_t n,
		       struct sg_scap_evt *ev)
{
	bool v2, hasflags;
	is_event_block(type, &v2, &hasflags);
	size_t pre = 2 + (hasflags ? 4 : 0);
	uint32_t hdr = v2 ? SG_SCAP_EVT_HDR : SG_SCAP_EVT_HDR_V1;
	if (n < pre + hdr)
		return fail(r, "event block at offset %" PRIu64 " is too short (%zu bytes)",
			    r->block_off, n);
	const uint8_t *e = b + pre;
	size_t avail = n - pre;
	ev->cpu = (uint16_t)le(b, 2);
	ev->flags = hasflags ? (uint32_t)le(b + 2, 4) : 0;
	ev->ts = le(e, 8);
	ev->tid = le(e + 8, 8);
	uint32_t len = (uint32_t)le(e + 16, 4);
	ev->type = (uint16_t)le(e + 20, 2);
	ev->offset = r->block_off;
	if (len < hdr || len > avail)
		return fail(r, "event at offset %" PRIu64 ": its length %u does not fit its block "
			    "(%zu bytes)", r->block_off, len, avail);
	ev->raw = e;
	ev->raw_len = len;
	if (ev->type >= SG_SCAP_EVENT_MAX || !sg_scap_events[ev->type].name ||
	    (sg_scap_events[ev->type].flags & SG_EF_UNUSED))
		return 0;
	const struct sg_scap_evinfo *info = &sg_scap_events[ev->type];
	size_t lsz = info->flags & SG_EF_LARGE ? 4 : 2;
	if (v2) {
		uint32_t np = (uint32_t)le(e + 22, 4);
		if (np > SG_SCAP_MAX_PARAMS || !locate(ev, e, hdr, len, np, lsz, false))
			return fail(r, "event at offset %" PRIu64 " (%s): its %u parameters do not fit "
				    "its length %u", r->block_off, info->name, np, len);
		return 1;
	}
	/* v1: no nparams; the count whose lengths add up to len is it */
	for (int np = info->nparams; np >= 0; np--)
		if (locate(ev, e, hdr, len, (uint32_t)np, lsz, true))
			return 1;
	return fail(r, "event at offset %" PRIu64 " (%s): its parameter lengths do not add up "
		    "to its length %u", r->block_off, info->name, len);
}

int sg_scap_next(struct sg_scap_reader *r, struct sg_scap_evt *ev)
{
	if (r->err[0])
		return -1;
	for (;;) {
		uint8_t h[SG_SCAP_BLOCK_HDR];
		r->block_off = sg_source_offset(r->src);
		size_t got = sg_source_read(r->src, h, sizeof(h));
		if (got == 0 && !sg_source_error(r->src)) {
			if (!r->got_shb)
				return fail(r, "empty file: not a .scap capture");
			return 0;
		}
		if (got < sizeof(h)) {
			const char *e = sg_source_error(r->src);
			return fail(r, "truncated at offset %" PRIu64 "%s%s%s", sg_source_offset(r->src),
				    e ? " (" : "", e ? e : "", e ? ")" : "");
		}
		uint32_t type = (uint32_t)le(h, 4), total = (uint32_t)le(h + 4, 4);
		if (!r->got_shb && type != SG_SCAP_SHB)
			return fail(r, "not a .scap capture: no section header at offset 0 "
				    "(block type 0x%08x)", type);
		if (total < SG_SCAP_BLOCK_HDR + 4)
			return fail(r, "corrupt block at offset %" PRIu64 ": length %u is shorter than "
				    "a block's header and trailer", r->block_off, total);
		if (total > SG_SCAP_BLOCK_MAX)
			return fail(r, "corrupt block at offset %" PRIu64 ": length %u is over the %u "
				    "bytes of the largest block sysgrep reads", r->block_off, total,
				    SG_SCAP_BLOCK_MAX);
		uint64_t size = sg_source_size(r->src);
		if (size && r->block_off + total > size)
			return fail(r, "truncated at offset %" PRIu64 " (the block at offset %" PRIu64
				    " claims %u bytes, past the end of the file)", size, r->block_off,
				    total);
		bool v2, hasflags, evb = is_event_block(type, &v2, &hasflags);
		const char *what = evb ? "event block" : "block";
		if (read_body(r, total, what))
			return -1;
		r->st.blocks++;
		const uint8_t *b = r->buf;
		size_t n = total - SG_SCAP_BLOCK_HDR - 4;
		int rc = 0;
		if (evb) {
			rc = event_block(r, type, b, n, ev);
			if (rc > 0) {
				r->st.events++;
				return 1;
			}
			if (rc == 0)
				r->st.unknown_events++;
			if (rc < 0)
				return -1;
			continue;
		}
		switch (type) {
		case SG_SCAP_SHB:
			rc = section_header(r, b, n);
			r->got_shb = true;
			break;
		case SG_SCAP_MI:
		case SG_SCAP_MI_INT:
			rc = machine_info(r, b, n);
			break;
		case SG_SCAP_FDL:
		case SG_SCAP_FDL_INT:
		case SG_SCAP_FDL_V2:
			rc = fd_list(r, type, b, n);
			break;
		case SG_SCAP_UL:
		case SG_SCAP_UL_INT:
		case SG_SCAP_UL_V2:
			rc = user_list(r, type, b, n);
			break;
		default:
			if (pl_version(type)) {
				rc = proc_list(r, type, b, n);
				break;
			}
			/* interface lists (sysgrep names no interfaces) and blocks
			 * of types it does not know: skipped by their length */
			r->st.skipped_blocks++;
			break;
		}
		if (rc)
			return -1;
	}
}
