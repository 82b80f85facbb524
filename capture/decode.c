/*
 * libs events -> sysgrep events.  Values are converted from libs' wire
 * types to the event model's (sockaddrs and tuples to the kernel structs
 * the probe sends, flags from libs' encodings), so that every field, -p
 * format and filter sees what a live capture of the same call would show.
 */
#include "capture/decode.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>

#include "capture/ppmflags.h"
#include "capture/scap_events.h"
#include "capture/scap_read.h"
#include "event/abi.h"
#include "event/strbuf.h"
#include "event/syscalls.h"

#define SCRATCH_SIZE (64u * 1024)
/* Enter events wait for their exit; a file of endless unfinished calls
 * must not hold unbounded memory. */
#define PENDING_BUDGET (64u << 20)

struct pend {
	uint16_t code;   /* enter event code, 0: none */
	uint32_t nparams;
	uint32_t len[SG_SCAP_MAX_PARAMS];
	uint8_t *data;   /* the values, back to back */
	uint32_t size;
};

struct thr {
	uint64_t tid;    /* 0: empty slot (tid 0 is the idle task, never a syscall) */
	uint32_t pid;
	bool forked;     /* state already has the child of its clone */
	struct pend pend;
};

struct sg_capdec {
	struct sg_source *src;
	struct sg_scap_reader *r;
	struct sg_state *st;
	struct thr *t;
	size_t tcap, tn;
	uint64_t pending_bytes;
	struct sg_strbuf passwd, group;
	bool ids_dirty;
	uint64_t num;
	uint64_t clear_tid; /* the thread whose pending enter the last event used */
	struct pend en;     /* that enter (its data is the thread's) */
	bool has_res;       /* the current exit carries a result */
	uint8_t *scratch;
	size_t scratch_used;
	struct sg_scap_evt ev;
	struct sg_capdec_stats stats;
	struct sg_tuple tuple; /* scratch for a tuple's l4proto lookup */
	char err[400];
};

/* ---- threads: tid -> pid, pending enter ---------------------------------- */

static size_t thash(uint64_t tid, size_t cap)
{
	return (size_t)((tid * 0x9e3779b97f4a7c15ull) >> 17) & (cap - 1);
}

static struct thr *thr_find(struct sg_capdec *d, uint64_t tid)
{
	if (!d->tcap || !tid)
		return NULL;
	for (size_t i = thash(tid, d->tcap);; i = (i + 1) & (d->tcap - 1)) {
		if (d->t[i].tid == tid)
			return &d->t[i];
		if (!d->t[i].tid)
			return NULL;
	}
}

static bool thr_grow(struct sg_capdec *d)
{
	size_t nc = d->tcap ? d->tcap * 2 : 1024;
	struct thr *nt = calloc(nc, sizeof(*nt));
	if (!nt)
		return false;
	for (size_t i = 0; i < d->tcap; i++) {
		if (!d->t[i].tid)
			continue;
		size_t j = thash(d->t[i].tid, nc);
		while (nt[j].tid)
			j = (j + 1) & (nc - 1);
		nt[j] = d->t[i];
	}
	free(d->t);
	d->t = nt;
	d->tcap = nc;
	return true;
}

static struct thr *thr_get(struct sg_capdec *d, uint64_t tid)
{
	struct thr *t = thr_find(d, tid);
	if (t || !tid)
		return t;
	if ((d->tn + 1) * 2 > d->tcap && !thr_grow(d))
		return NULL;
	size_t i = thash(tid, d->tcap);
	while (d->t[i].tid)
		i = (i + 1) & (d->tcap - 1);
	t = &d->t[i];
	memset(t, 0, sizeof(*t));
	t->tid = tid;
	t->pid = (uint32_t)tid;
	d->tn++;
	return t;
}

static void pend_clear(struct sg_capdec *d, struct thr *t)
{
	d->pending_bytes -= t->pend.size;
	free(t->pend.data);
	memset(&t->pend, 0, sizeof(t->pend));
}

/* Backward-shift deletion keeps the probe chains whole. */
static void thr_del(struct sg_capdec *d, uint64_t tid)
{
	struct thr *t = thr_find(d, tid);
	if (!t)
		return;
	pend_clear(d, t);
	size_t i = (size_t)(t - d->t);
	d->t[i].tid = 0;
	d->tn--;
	for (size_t j = (i + 1) & (d->tcap - 1); d->t[j].tid; j = (j + 1) & (d->tcap - 1)) {
		size_t h = thash(d->t[j].tid, d->tcap);
		bool move = i <= j ? (h <= i || h > j) : (h <= i && h > j);
		if (move) {
			d->t[i] = d->t[j];
			/* the pending data moved with it: the old slot owns nothing */
			memset(&d->t[j], 0, sizeof(d->t[j]));
			i = j;
		}
	}
}

/* ---- lists ----------------------------------------------------------------- */

static void on_machine(void *ctx, const char *host, uint32_t ncpus, uint64_t boot)
{
	struct sg_capdec *d = ctx;
	(void)ncpus;
	(void)boot;
	snprintf(d->stats.hostname, sizeof(d->stats.hostname), "%s", host);
}

static void on_thread(void *ctx, const struct sg_scap_thread *t)
{
	struct sg_capdec *d = ctx;
	struct thr *th = thr_get(d, t->tid);
	if (th) {
		th->pid = (uint32_t)t->pid;
		th->forked = true;
	}
	struct thr *parent = thr_find(d, t->ptid);
	struct sg_proc_seed s = {
		.pid = (uint32_t)t->pid,
		/* ptid is a thread: the parent process is its pid */
		.ppid = parent ? parent->pid : (uint32_t)t->ptid,
		.vpid = t->vpid != (uint64_t)-1 ? (uint32_t)t->vpid : 0,
		.sid = t->sid != (uint64_t)-1 ? (uint32_t)t->sid : 0,
		.pgid = t->pgid != (uint64_t)-1 ? (uint32_t)t->pgid
			: t->vpgid != (uint64_t)-1 ? (uint32_t)t->vpgid : 0,
		.tty = t->tty, .uid = t->uid, .gid = t->gid, .loginuid = t->loginuid,
		.comm = t->comm, .exe = t->exe, .exepath = t->exepath, .cwd = t->cwd,
		.args = t->args, .args_len = t->args_len, .env = t->env, .env_len = t->env_len,
		.cgroups = t->cgroups, .cgroups_len = t->cgroups_len,
	};
	/* args in the list are argv[1..]: put argv[0] (exe) in front */
	struct sg_strbuf av;
	sg_sb_init(&av);
	if (t->exe) {
		sg_sb_puts(&av, t->exe);
		sg_sb_putc(&av, 0);
		sg_sb_put(&av, t->args, t->args_len);
		s.args = av.p;
		s.args_len = (uint32_t)av.len;
	}
	if (sg_state_seed_proc(d->st, &s))
		d->stats.threads++;
	sg_sb_free(&av);
}

static unsigned fdtype_of(uint8_t t)
{
	switch (t) {
	case SG_SCAP_FD_FILE: case SG_SCAP_FD_FILE_V2: return SG_FDT_FILE;
	case SG_SCAP_FD_DIRECTORY: return SG_FDT_DIRECTORY;
	case SG_SCAP_FD_IPV4_SOCK: case SG_SCAP_FD_IPV4_SERVSOCK: return SG_FDT_IPV4;
	case SG_SCAP_FD_IPV6_SOCK: case SG_SCAP_FD_IPV6_SERVSOCK: return SG_FDT_IPV6;
	case SG_SCAP_FD_FIFO: return SG_FDT_PIPE;
	case SG_SCAP_FD_UNIX_SOCK: return SG_FDT_UNIX;
	case SG_SCAP_FD_EVENT: return SG_FDT_EVENT;
	case SG_SCAP_FD_SIGNALFD: return SG_FDT_SIGNALFD;
	case SG_SCAP_FD_EVENTPOLL: return SG_FDT_EVENTPOLL;
	case SG_SCAP_FD_INOTIFY: return SG_FDT_INOTIFY;
	case SG_SCAP_FD_TIMERFD: return SG_FDT_TIMERFD;
	case SG_SCAP_FD_NETLINK: return SG_FDT_NETLINK;
	case SG_SCAP_FD_BPF: return SG_FDT_BPF;
	case SG_SCAP_FD_USERFAULTFD: return SG_FDT_USERFAULTFD;
	case SG_SCAP_FD_IOURING: return SG_FDT_IO_URING;
	case SG_SCAP_FD_MEMFD: return SG_FDT_MEMFD;
	}
	return SG_FDT_UNKNOWN;
}

static uint8_t l4_of(uint8_t scap)
{
	switch (scap) {
	case SG_SCAP_L4_TCP: return IPPROTO_TCP;
	case SG_SCAP_L4_UDP: return IPPROTO_UDP;
	case SG_SCAP_L4_ICMP: return IPPROTO_ICMP;
	case SG_SCAP_L4_RAW: return IPPROTO_RAW;
	}
	return 0;
}

static void on_fd(void *ctx, const struct sg_scap_fd *f)
{
	struct sg_capdec *d = ctx;
	struct thr *th = thr_find(d, f->tid);
	uint32_t pid = th ? th->pid : (uint32_t)f->tid;
	struct sg_tuple t;
	struct sg_fd_seed s = {
		.num = f->fd, .type = (uint8_t)fdtype_of(f->type), .openflags = f->open_flags,
		.name = f->name, .name_len = strlen(f->name),
	};
	if (f->family == AF_INET || f->family == AF_INET6) {
		bool v6 = f->family == AF_INET6;
		memset(&t, 0, sizeof(t));
		t.family = f->family;
		t.l4proto = l4_of(f->l4proto);
		t.type = t.l4proto == IPPROTO_UDP ? SOCK_DGRAM : SOCK_STREAM;
		memcpy(t.laddr, f->sip, v6 ? 16 : 4);
		t.lport = f->sport;
		bool server = f->type == SG_SCAP_FD_IPV4_SERVSOCK || f->type == SG_SCAP_FD_IPV6_SERVSOCK;
		if (server) {
			t.state = 10; /* TCP_LISTEN */
			s.is_server = 1;
		} else {
			/* libs lists a connection client->server: the local end is
			 * the server when its port is the destination */
			memcpy(t.raddr, f->dip, v6 ? 16 : 4);
			t.rport = f->dport;
		}
		s.tuple = &t;
	}
	if (sg_state_seed_fd(d->st, pid, &s))
		d->stats.fds++;
}

/* A name that would break the passwd / group line format names nobody. */
static bool id_text_ok(const char *s)
{
	return !strpbrk(s, ":\n\r");
}

static void on_user(void *ctx, const struct sg_scap_user *u)
{
	struct sg_capdec *d = ctx;
	if (!id_text_ok(u->name) || !id_text_ok(u->home) || !id_text_ok(u->shell) || !u->name[0])
		return;
	if (u->group)
		sg_sb_printf(&d->group, "%s:x:%u:\n", u->name, u->gid);
	else
		sg_sb_printf(&d->passwd, "%s:x:%u:%u::%s:%s\n", u->name, u->uid, u->gid, u->home,
			     u->shell);
	d->ids_dirty = true;
	d->stats.users++;
}

static void flush_ids(struct sg_capdec *d)
{
	if (!d->ids_dirty)
		return;
	d->ids_dirty = false;
	char *p = strndup(d->passwd.len ? d->passwd.p : "", d->passwd.len);
	char *g = strndup(d->group.len ? d->group.p : "", d->group.len);
	sg_state_seed_ids(d->st, p, g);
}

struct sg_capdec *sg_capdec_new(struct sg_source *src, struct sg_state *st)
{
	struct sg_capdec *d = calloc(1, sizeof(*d));
	if (!d)
		return NULL;
	d->src = src;
	d->st = st;
	d->scratch = malloc(SCRATCH_SIZE);
	struct sg_scap_cb cb = {
		.ctx = d, .machine = on_machine, .thread = on_thread, .fd = on_fd, .user = on_user,
	};
	d->r = sg_scap_reader_new(src, &cb);
	if (!d->scratch || !d->r) {
		sg_capdec_free(d);
		return NULL;
	}
	sg_sb_init(&d->passwd);
	sg_sb_init(&d->group);
	sg_state_set_offline(st);
	sg_syscalls_init();
	return d;
}

void sg_capdec_free(struct sg_capdec *d)
{
	if (!d)
		return;
	for (size_t i = 0; i < d->tcap; i++)
		free(d->t[i].pend.data);
	free(d->t);
	sg_scap_reader_free(d->r);
	sg_sb_free(&d->passwd);
	sg_sb_free(&d->group);
	free(d->scratch);
	free(d);
}

const char *sg_capdec_error(const struct sg_capdec *d)
{
	return d->err[0] ? d->err : NULL;
}

void sg_capdec_stats(const struct sg_capdec *d, struct sg_capdec_stats *out)
{
	struct sg_scap_read_stats rs;
	sg_scap_reader_stats(d->r, &rs);
	*out = d->stats;
	out->blocks = rs.blocks;
	out->file_events = rs.events + rs.unknown_events;
	out->unknown = rs.unknown_events;
}

/* ---- values ---------------------------------------------------------------- */

static void *scratch(struct sg_capdec *d, size_t n)
{
	if (n > SCRATCH_SIZE - d->scratch_used)
		return NULL;
	void *p = d->scratch + d->scratch_used;
	d->scratch_used += (n + 7) & ~(size_t)7;
	if (d->scratch_used > SCRATCH_SIZE)
		d->scratch_used = SCRATCH_SIZE;
	return p;
}

static uint64_t rd(const uint8_t *p, size_t n)
{
	uint64_t v = 0;
	for (size_t i = 0; i < n; i++)
		v |= (uint64_t)p[i] << (8 * i);
	return v;
}

static bool lpt_signed(unsigned t)
{
	switch (t) {
	case SG_LPT_INT8: case SG_LPT_INT16: case SG_LPT_INT32: case SG_LPT_INT64:
	case SG_LPT_ERRNO: case SG_LPT_FD: case SG_LPT_PID: case SG_LPT_FD32: case SG_LPT_PID32:
		return true;
	}
	return false;
}

/* Types whose values have a fixed width: numbers. */
static bool lpt_fixed(unsigned t)
{
	switch (t) {
	case SG_LPT_CHARBUF: case SG_LPT_BYTEBUF: case SG_LPT_SOCKADDR: case SG_LPT_SOCKTUPLE:
	case SG_LPT_FDLIST: case SG_LPT_FSPATH: case SG_LPT_DYN: case SG_LPT_CHARBUFARRAY:
	case SG_LPT_CHARBUF_PAIR_ARRAY: case SG_LPT_FSRELPATH: case SG_LPT_NONE:
		return false;
	}
	return true;
}

/* A libs number of any width the file used (1, 2, 4 or 8 bytes). */
static bool lnum(unsigned t, const uint8_t *p, uint32_t len, int64_t *out)
{
	if (len != 1 && len != 2 && len != 4 && len != 8)
		return false;
	uint64_t v = rd(p, len);
	if (lpt_signed(t) && len < 8 && (v >> (8 * len - 1)) & 1)
		v |= ~0ull << (8 * len);
	*out = (int64_t)v;
	return true;
}

/* The parameters of the exit, then of the enter, by name. */
struct lparams {
	const struct sg_scap_evinfo *xi, *ei;
	const struct sg_scap_evt *x;
	const struct pend *en;
};

struct lval {
	const struct sg_scap_pinfo *info;
	const uint8_t *data;
	uint32_t len;
};

static bool lfind(const struct lparams *lp, const char *name, struct lval *v)
{
	unsigned n = lp->x->nparams < lp->xi->nparams ? lp->x->nparams : lp->xi->nparams;
	for (unsigned i = 0; i < n; i++) {
		if (strcmp(lp->xi->params[i].name, name))
			continue;
		*v = (struct lval){&lp->xi->params[i], lp->x->p[i].data, lp->x->p[i].len};
		return true;
	}
	if (!lp->en || !lp->ei)
		return false;
	n = lp->en->nparams < lp->ei->nparams ? lp->en->nparams : lp->ei->nparams;
	/* an offset, not a pointer: a pending enter without data has none,
	 * and NULL + 0 is undefined (UBSan, found by fuzz_capture) */
	size_t off = 0;
	for (unsigned i = 0; i < n; i++) {
		if (!strcmp(lp->ei->params[i].name, name)) {
			const uint8_t *d = lp->en->data ? lp->en->data + off : NULL;
			*v = (struct lval){&lp->ei->params[i], d, lp->en->len[i]};
			return true;
		}
		off += lp->en->len[i];
	}
	return false;
}

static bool lfind_num(const struct lparams *lp, const char *name, int64_t *out)
{
	struct lval v;
	return lfind(lp, name, &v) && lnum(v.info->type, v.data, v.len, out);
}

/* Text up to its NUL (libs strings carry one). */
static uint32_t text_len(const uint8_t *p, uint32_t len)
{
	const uint8_t *nul = memchr(p, 0, len);
	return nul ? (uint32_t)(nul - p) : len;
}

/* libs PT_SOCKADDR (family byte, address, port in host order, or a path)
 * -> the struct sockaddr the probe captures. */
static bool conv_sockaddr(struct sg_capdec *d, const struct lval *v, struct sg_param *p)
{
	if (v->len < 1)
		return false;
	const uint8_t *s = v->data;
	if (s[0] == AF_INET && v->len >= 7) {
		struct sockaddr_in *a = scratch(d, sizeof(*a));
		if (!a)
			return false;
		memset(a, 0, sizeof(*a));
		a->sin_family = AF_INET;
		memcpy(&a->sin_addr, s + 1, 4);
		a->sin_port = htons((uint16_t)rd(s + 5, 2));
		p->data = (const uint8_t *)a;
		p->len = sizeof(*a);
		return true;
	}
	if (s[0] == AF_INET6 && v->len >= 19) {
		struct sockaddr_in6 *a = scratch(d, sizeof(*a));
		if (!a)
			return false;
		memset(a, 0, sizeof(*a));
		a->sin6_family = AF_INET6;
		memcpy(&a->sin6_addr, s + 1, 16);
		a->sin6_port = htons((uint16_t)rd(s + 17, 2));
		p->data = (const uint8_t *)a;
		p->len = sizeof(*a);
		return true;
	}
	if (s[0] == AF_UNIX) {
		struct sockaddr_un *a = scratch(d, sizeof(*a));
		if (!a)
			return false;
		memset(a, 0, sizeof(*a));
		a->sun_family = AF_UNIX;
		uint32_t n = text_len(s + 1, v->len - 1);
		if (n > sizeof(a->sun_path))
			n = sizeof(a->sun_path);
		memcpy(a->sun_path, s + 1, n);
		p->data = (const uint8_t *)a;
		p->len = (uint32_t)(offsetof(struct sockaddr_un, sun_path) + n);
		return true;
	}
	return false;
}

/* libs PT_SOCKTUPLE (family, source, destination, in the direction of the
 * data) -> struct sg_tuple (local, remote) followed by a unix path. */
static bool conv_tuple(struct sg_capdec *d, const struct sg_event *e, const struct lval *v,
		       struct sg_param *p)
{
	if (v->len < 1)
		return false;
	const uint8_t *s = v->data;
	bool inbound = p->def->cap == SG_CAP_RES_TUPLE || (e->def->flags & SG_SC_READ);
	struct sg_tuple t;
	memset(&t, 0, sizeof(t));
	t.family = s[0];
	uint32_t extra = 0;
	const uint8_t *upath = NULL;
	if (s[0] == AF_INET && v->len >= 13) {
		const uint8_t *src = s + 1, *dst = s + 7;
		const uint8_t *l = inbound ? dst : src, *r = inbound ? src : dst;
		memcpy(t.laddr, l, 4);
		t.lport = (uint16_t)rd(l + 4, 2);
		memcpy(t.raddr, r, 4);
		t.rport = (uint16_t)rd(r + 4, 2);
	} else if (s[0] == AF_INET6 && v->len >= 37) {
		const uint8_t *src = s + 1, *dst = s + 19;
		const uint8_t *l = inbound ? dst : src, *r = inbound ? src : dst;
		memcpy(t.laddr, l, 16);
		t.lport = (uint16_t)rd(l + 16, 2);
		memcpy(t.raddr, r, 16);
		t.rport = (uint16_t)rd(r + 16, 2);
	} else if (s[0] == AF_UNIX && v->len >= 17) {
		memcpy(t.laddr, s + 1, 8);
		memcpy(t.raddr, s + 9, 8);
		upath = s + 17;
		extra = text_len(upath, v->len - 17);
		if (extra > 108)
			extra = 108;
	} else {
		return false;
	}
	uint8_t *out = scratch(d, sizeof(t) + extra);
	if (!out)
		return false;
	memcpy(out, &t, sizeof(t));
	if (extra)
		memcpy(out + sizeof(t), upath, extra);
	p->data = out;
	p->len = (uint32_t)(sizeof(t) + extra);
	return true;
}

/* A captured number the model reads from its payload (pipe's fd pair, a
 * field of a struct): the payload the probe would have sent. */
static void cap_num_payload(struct sg_capdec *d, struct sg_param *p, int64_t v)
{
	const struct sg_param_def *pd = p->def;
	if (pd->cap == SG_CAP_INT2) {
		int32_t *two = scratch(d, 8);
		if (!two || pd->aux > 1)
			return;
		two[0] = two[1] = 0;
		two[pd->aux] = (int32_t)v;
		p->data = (const uint8_t *)two;
		p->len = 8;
	} else if (pd->cap == SG_CAP_STRUCT && pd->aux) {
		uint32_t n = (uint32_t)pd->aux * 8;
		uint8_t *b = scratch(d, n);
		if (!b)
			return;
		memset(b, 0, n);
		uint64_t u = (uint64_t)v;
		memcpy(b + n - 8, &u, 8);
		p->data = b;
		p->len = n;
	} else {
		return;
	}
	p->flags |= SG_PARAM_DATA;
}

/* A capture the probe makes only on success (or failure) has no value
 * on the other result, as live (execve's filename is then the file run,
 * exec_path). */
static bool cap_skipped(const struct sg_event *e, const struct sg_param_def *pd)
{
	return ((pd->capflags & SG_CAPF_ON_SUCCESS) && e->res < 0) ||
	       ((pd->capflags & SG_CAPF_ON_FAIL) && e->res >= 0 && pd->type != SG_PT_PATH);
}

static bool numeric(unsigned t)
{
	switch (t) {
	case SG_PT_INT: case SG_PT_UINT: case SG_PT_HEX: case SG_PT_ERRNO: case SG_PT_FD:
	case SG_PT_DIRFD: case SG_PT_PID: case SG_PT_UID: case SG_PT_GID: case SG_PT_MODE:
	case SG_PT_FLAGS: case SG_PT_ENUM: case SG_PT_SIGNAL: case SG_PT_DEV:
	case SG_PT_ABSTIME: /* a number, as the probe's is */
		return true;
	}
	return false;
}

static void fill_value(struct sg_capdec *d, struct sg_event *e, struct sg_param *p,
		       const struct lval *v)
{
	const struct sg_param_def *pd = p->def;
	if (cap_skipped(e, pd))
		return;
	if (numeric(pd->type)) {
		int64_t n;
		if (!lnum(v->info->type, v->data, v->len, &n))
			return;
		if (v->info->table != SG_LT_NONE)
			n = (int64_t)sg_ppm_decode(v->info->table, pd->table, (uint64_t)n);
		if (pd->type == SG_PT_UID || pd->type == SG_PT_GID || pd->type == SG_PT_MODE)
			n = (int64_t)(uint32_t)n;
		p->num = n;
		if (pd->src == SG_SRC_ARG && pd->arg < SG_NARGS)
			e->args[pd->arg] = (uint64_t)n;
		if (pd->src == SG_SRC_CAP)
			cap_num_payload(d, p, n);
		return;
	}
	bool ok = true;
	switch (pd->type) {
	case SG_PT_SOCKADDR:
		ok = conv_sockaddr(d, v, p);
		break;
	case SG_PT_TUPLE:
		ok = conv_tuple(d, e, v, p);
		break;
	case SG_PT_PATH:
	case SG_PT_STR:
		p->data = v->data;
		p->len = text_len(v->data, v->len);
		break;
	case SG_PT_CHARBUFARRAY:
		p->data = v->data;
		p->len = v->len && !v->data[v->len - 1] ? v->len - 1 : v->len;
		break;
	default:
		p->data = v->data;
		p->len = v->len;
		break;
	}
	if (ok && (p->data || !p->len))
		p->flags |= SG_PARAM_DATA;
}

/* What state knows, for a parameter the file does not carry. */
static void fill_state(struct sg_event *e, struct sg_param *p)
{
	const char *n = p->def->name;
	const struct sg_proc *pr = sg_state_proc(e->state, e->pid);
	if (!strcmp(n, "tid"))
		p->num = e->tid;
	else if (!strcmp(n, "pid"))
		p->num = e->pid;
	else if (!strcmp(n, "ptid"))
		p->num = e->ppid;
	else if (!strcmp(n, "uid"))
		p->num = e->uid;
	else if (!strcmp(n, "gid"))
		p->num = e->gid;
	else if (!strcmp(n, "loginuid"))
		p->num = e->loginuid;
	else if (!strcmp(n, "comm")) {
		p->data = (const uint8_t *)e->comm;
		p->len = (uint32_t)strnlen(e->comm, sizeof(e->comm));
		p->flags |= SG_PARAM_DATA;
	} else if (pr) {
		const char *s = NULL;
		uint32_t len = 0;
		if (!strcmp(n, "exe") && pr->exe)
			s = pr->exe, len = (uint32_t)strlen(pr->exe);
		else if (!strcmp(n, "args") && pr->args)
			s = pr->args, len = pr->args_len;
		else if (!strcmp(n, "env") && pr->env)
			s = pr->env, len = pr->env_len;
		else if (!strcmp(n, "cwd") && pr->cwd)
			s = pr->cwd, len = (uint32_t)strlen(pr->cwd);
		else if (!strcmp(n, "tty"))
			p->num = pr->tty;
		else if (!strcmp(n, "pgid"))
			p->num = pr->pgid;
		if (s) {
			p->data = (const uint8_t *)s;
			p->len = len;
			p->flags |= SG_PARAM_DATA;
		}
	}
}

/* ---- process events -------------------------------------------------------- */

static void rec_of(const struct sg_event *e, struct sg_rec *r)
{
	memset(r, 0, sizeof(*r));
	r->ts = e->ts;
	r->tid = e->tid;
	r->pid = e->pid;
	r->ppid = e->ppid;
	r->uid = e->uid;
	r->gid = e->gid;
	r->loginuid = e->loginuid;
	memcpy(r->comm, e->comm, SG_COMM_LEN);
	r->comm[SG_COMM_LEN - 1] = 0;
}

static void set_comm(struct sg_event *e, const struct lparams *lp)
{
	struct lval v;
	if (!lfind(lp, "comm", &v))
		return;
	uint32_t n = text_len(v.data, v.len);
	if (n >= SG_EVENT_COMM_LEN)
		n = SG_EVENT_COMM_LEN - 1;
	memcpy(e->comm, v.data, n);
	e->comm[n] = 0;
}

static bool is_clone(const char *n)
{
	return !strcmp(n, "clone") || !strcmp(n, "clone3") || !strcmp(n, "fork") ||
	       !strcmp(n, "vfork");
}

/* The new task of a clone, in state before its event is filtered (the
 * probe's fork record does the same live).  Either side's exit may come
 * first: whichever does makes the child. */
static void on_clone(struct sg_capdec *d, struct sg_event *e, const struct lparams *lp)
{
	int64_t flags = 0, tid, pid, v;
	lfind_num(lp, "flags", &flags);
	bool thread = (uint64_t)sg_ppm_decode(SG_LT_CLONE_FLAGS, 0, (uint64_t)flags) & 0x10000;
	uint64_t child_tid;
	uint32_t child_pid, child_ppid, uid = e->uid, gid = e->gid;
	/* the ids are the child's: sysdig keeps the parent's as they were */
	if (lfind_num(lp, "uid", &v))
		uid = (uint32_t)v;
	if (lfind_num(lp, "gid", &v))
		gid = (uint32_t)v;
	if (e->res > 0) {
		child_tid = (uint64_t)e->res;
		child_pid = thread ? e->pid : (uint32_t)e->res;
		child_ppid = thread ? e->ppid : e->pid;
	} else if (e->res == 0 && lfind_num(lp, "tid", &tid) && lfind_num(lp, "pid", &pid)) {
		child_tid = (uint64_t)tid;
		child_pid = (uint32_t)pid;
		child_ppid = e->ppid;
		e->pid = child_pid;
		e->uid = uid;
		e->gid = gid;
	} else {
		return;
	}
	struct thr *c = thr_get(d, child_tid);
	if (!c || c->forked)
		return;
	c->pid = child_pid;
	c->forked = true;
	struct sg_rec r;
	rec_of(e, &r);
	r.tid = (uint32_t)child_tid;
	r.pid = child_pid;
	r.ppid = child_ppid;
	r.uid = uid;
	r.gid = gid;
	r.flags = thread ? SG_RECF_THREAD : 0;
	sg_state_fork(d->st, &r, NULL);
}

/* clone and execve say who the process and its parent are: ptid is the
 * parent process's thread (libs names the process's parent even in a new
 * thread's clone). */
static void proc_ids(struct sg_capdec *d, struct sg_event *e, const struct lparams *lp)
{
	int64_t ptid, pid;
	if (lfind_num(lp, "ptid", &ptid) && ptid > 0) {
		struct thr *pt = thr_find(d, (uint64_t)ptid);
		e->ppid = pt ? pt->pid : (uint32_t)ptid;
	}
	if (e->res >= 0 && lfind_num(lp, "pid", &pid) && pid > 0 && !strcmp(e->def->name, "execve")) {
		struct thr *t = thr_get(d, e->tid);
		if (t)
			t->pid = (uint32_t)pid;
		e->pid = (uint32_t)pid;
	}
}

static void on_exec(struct sg_capdec *d, struct sg_event *e, const struct lparams *lp)
{
	if (e->res != 0)
		return;
	struct lval exe, args, env, fname, cwd;
	bool has_exe = lfind(lp, "exe", &exe), has_args = lfind(lp, "args", &args);
	struct sg_strbuf *av = NULL, sb;
	sg_sb_init(&sb);
	if (has_exe) {
		sg_sb_put(&sb, exe.data, text_len(exe.data, exe.len));
		sg_sb_putc(&sb, 0);
		if (has_args)
			sg_sb_put(&sb, args.data, args.len);
		av = &sb;
	}
	bool has_env = lfind(lp, "env", &env);
	bool has_fname = lfind(lp, "filename", &fname) || lfind(lp, "trusted_exepath", &fname) ||
			 lfind(lp, "pathname", &fname);
	int64_t v;
	if (lfind_num(lp, "uid", &v))
		e->uid = (uint32_t)v;
	if (lfind_num(lp, "gid", &v))
		e->gid = (uint32_t)v;
	if (lfind_num(lp, "loginuid", &v))
		e->loginuid = (uint32_t)v;
	struct sg_rec r;
	rec_of(e, &r);
	struct sg_procinfo pi;
	memset(&pi, 0, sizeof(pi));
	struct sg_proc *old = sg_state_proc(d->st, e->pid);
	pi.vpid = old ? old->vpid : e->pid;
	pi.sid = old ? old->sid : 0;
	pi.pgid = old ? old->pgid : 0;
	pi.tty = old ? old->tty : 0;
	pi.loginuid = e->loginuid;
	if (lfind_num(lp, "tty", &v))
		pi.tty = (uint32_t)v;
	if (lfind_num(lp, "pgid", &v))
		pi.pgid = (uint32_t)v;
	/* a filename in the file; else the path only a failed exec keeps */
	uint32_t flen = has_fname ? text_len(fname.data, fname.len) : 0;
	sg_state_exec(d->st, &r, &pi, flen ? (const char *)fname.data : NULL, flen,
		      av ? av->p : NULL, av ? (uint32_t)av->len : 0,
		      has_env ? (const char *)env.data : NULL, has_env ? env.len : 0, 0);
	struct sg_proc *p = sg_state_proc(d->st, e->pid);
	if (p && lfind(lp, "cwd", &cwd) && cwd.len) {
		uint32_t n = text_len(cwd.data, cwd.len);
		while (n > 1 && cwd.data[n - 1] == '/')
			n--;
		sg_state_set_cwd(d->st, p, (const char *)cwd.data, n);
	}
	sg_sb_free(&sb);
}

/* setuid and friends change the identity later events carry. */
static void on_ids(struct sg_event *e, const struct lparams *lp)
{
	const char *n = e->def->name;
	int64_t v;
	if (e->res != 0)
		return;
	if (!strcmp(n, "setuid") && lfind_num(lp, "uid", &v) && v != -1)
		e->uid = (uint32_t)v;
	else if ((!strcmp(n, "setresuid") || !strcmp(n, "setreuid")) && lfind_num(lp, "euid", &v) &&
		 (uint32_t)v != UINT32_MAX)
		e->uid = (uint32_t)v;
	else if (!strcmp(n, "setgid") && lfind_num(lp, "gid", &v) && v != -1)
		e->gid = (uint32_t)v;
	else if ((!strcmp(n, "setresgid") || !strcmp(n, "setregid")) && lfind_num(lp, "egid", &v) &&
		 (uint32_t)v != UINT32_MAX)
		e->gid = (uint32_t)v;
}

/* ---- events ---------------------------------------------------------------- */

static void header(struct sg_capdec *d, const struct sg_scap_evt *ev, struct sg_event *e)
{
	struct thr *t = thr_find(d, ev->tid);
	e->num = 0;
	e->ts = ev->ts;
	e->cpu = ev->cpu;
	e->tid = (uint32_t)ev->tid;
	e->pid = t ? t->pid : (uint32_t)ev->tid;
	const struct sg_proc *p = sg_state_proc(d->st, e->pid);
	e->ppid = p ? p->ppid : 0;
	/* a process the file never described: its ids are unknown, as sysdig
	 * has them (-1), not root's */
	e->uid = p ? p->uid : UINT32_MAX;
	e->gid = p ? p->gid : UINT32_MAX;
	e->loginuid = p ? p->loginuid : UINT32_MAX;
	e->cgroup_id = 0;
	memset(e->comm, 0, sizeof(e->comm));
	if (p)
		memcpy(e->comm, p->comm, sizeof(e->comm) - 1);
	e->kind = SG_EV_SYSCALL;
	e->nr = SG_NR_NONE;
	e->def = NULL;
	e->res = 0;
	memset(e->args, 0, sizeof(e->args));
	e->nparams = 0;
	e->state = d->st;
	e->proc = NULL;
	e->fd = NULL;
	e->fdnum = -1;
	/* a capture has no kernel path of the fd: state names it from the
	 * path argument */
	e->kpath = NULL;
	e->kpath_len = 0;
}

/* A path the probe captures only when the call failed (execve's
 * filename): on success it is the file that was run, from state. */
static bool exec_path(struct sg_event *e, struct sg_param *p)
{
	if (!(p->def->capflags & SG_CAPF_ON_FAIL) || p->def->type != SG_PT_PATH || e->res != 0)
		return false;
	const struct sg_proc *pr = sg_state_proc(e->state, e->pid);
	if (!pr || !pr->exepath)
		return false;
	p->data = (const uint8_t *)pr->exepath;
	p->len = (uint32_t)strlen(pr->exepath);
	p->flags |= SG_PARAM_DATA;
	return true;
}

/* The event's parameters in the table's order; one this version of the
 * libs event does not carry is left out (as sysdig shows it), not shown
 * as a zero the call never had. */
static void fill_params(struct sg_capdec *d, struct sg_event *e, const struct lparams *lp)
{
	const struct sg_syscall_def *def = e->def;
	unsigned n = def->nparams < SG_MAX_PARAMS ? def->nparams : SG_MAX_PARAMS, j = 0;
	for (unsigned i = 0; i < n; i++) {
		struct sg_param *p = &e->params[j];
		struct lval v;
		*p = (struct sg_param){.def = &def->params[i]};
		if (p->def->src == SG_SRC_RES) {
			if (!d->has_res)
				continue; /* this version of the event has no result */
			p->num = e->res;
		} else if (lfind(lp, p->def->name, &v)) {
			/* an empty value is libs' "no value": left out (but
			 * data, which can be empty, and a capture the probe
			 * skips on this result, which stays as such) */
			if (!v.len && !cap_skipped(e, p->def) &&
			    (numeric(p->def->type) ? lpt_fixed(v.info->type)
						   : p->def->type != SG_PT_BYTES ||
							     v.info->type == SG_LPT_DYN))
				continue;
			fill_value(d, e, p, &v);
		} else if (p->def->src == SG_SRC_STATE) {
			fill_state(e, p);
		} else if (!exec_path(e, p)) {
			continue;
		}
		j++;
	}
	e->nparams = (uint8_t)j;
}

/* The syscall an event stands for: generic events name it by libs' own
 * syscall code (nativeID, this host's number, only as the last resort). */
static const char *syscall_name(const struct sg_scap_evt *ev, const struct pend *en)
{
	const struct sg_scap_evinfo *info = &sg_scap_events[ev->type];
	if (ev->type != SG_PPME_GENERIC_E && ev->type != SG_PPME_GENERIC_X)
		return sg_scap_kernel_name(info->name);
	const uint8_t *id = NULL, *native = NULL;
	if (ev->nparams >= 1 && ev->p[0].len == 2)
		id = ev->p[0].data;
	else if (en && en->nparams >= 1 && en->len[0] == 2)
		id = en->data;
	if (ev->nparams >= 2 && ev->p[1].len == 2)
		native = ev->p[1].data;
	else if (en && en->nparams >= 2 && en->len[0] == 2 && en->len[1] == 2)
		native = en->data + 2;
	if (!id)
		return NULL;
	uint16_t sc = (uint16_t)rd(id, 2);
	if (sc && sc < SG_SCAP_SC_MAX && sg_scap_sc_names[sc])
		return sg_scap_sc_names[sc];
	/* PPM_SC_UNKNOWN: the call by its native number (sysgrep writes this
	 * for codes sysdig 0.29.3 would index its table out of bounds with) */
	return native ? sg_syscall_name((unsigned)rd(native, 2)) : NULL;
}

static void pend_store(struct sg_capdec *d, struct thr *t, const struct sg_scap_evt *ev)
{
	pend_clear(d, t);
	uint32_t size = 0;
	for (uint32_t i = 0; i < ev->nparams; i++)
		size += ev->p[i].len;
	if (d->pending_bytes + size > PENDING_BUDGET)
		return;
	uint8_t *data = size ? malloc(size) : NULL;
	if (size && !data)
		return;
	uint32_t off = 0;
	for (uint32_t i = 0; i < ev->nparams; i++) {
		if (ev->p[i].len)
			memcpy(data + off, ev->p[i].data, ev->p[i].len);
		t->pend.len[i] = ev->p[i].len;
		off += ev->p[i].len;
	}
	t->pend.code = (uint16_t)(ev->type ? ev->type : 0xffff);
	t->pend.nparams = ev->nparams;
	t->pend.data = data;
	t->pend.size = size;
	d->pending_bytes += size;
}

static int procexit(struct sg_capdec *d, const struct sg_scap_evt *ev, struct sg_event *e)
{
	header(d, ev, e);
	struct lparams lp = {&sg_scap_events[ev->type], NULL, ev, NULL};
	int64_t status = 0;
	lfind_num(&lp, "status", &status);
	struct sg_proc *p = sg_state_proc(d->st, e->pid);
	bool dead = !p || p->nthreads <= 1;
	struct sg_rec r;
	rec_of(e, &r);
	sg_state_exit(d->st, &r);
	e->kind = SG_EV_PROCEXIT;
	e->def = &sg_procexit_def;
	e->res = status;
	e->args[0] = dead ? SG_RECF_GROUP_DEAD : 0;
	e->nparams = sg_procexit_def.nparams;
	for (unsigned i = 0; i < e->nparams; i++) {
		struct sg_param *pp = &e->params[i];
		*pp = (struct sg_param){.def = &sg_procexit_def.params[i]};
		if (!strcmp(pp->def->name, "status"))
			pp->num = status;
		else if (!strcmp(pp->def->name, "ret"))
			pp->num = (status >> 8) & 0xff;
		else if (!strcmp(pp->def->name, "sig"))
			pp->num = status & 0x7f;
	}
	thr_del(d, ev->tid);
	return 1;
}

/* An exit (and its enter): 1 with the event, 0 when it is not a syscall
 * sysgrep models. */
static int syscall_event(struct sg_capdec *d, const struct sg_scap_evt *ev, struct sg_event *e)
{
	struct thr *t = thr_find(d, ev->tid);
	const struct pend *en = NULL;
	/* a copy: a clone below may grow (move) the thread table */
	if (t && t->pend.code && (t->pend.code == ev->type - 1 ||
				  (ev->type == SG_PPME_GENERIC_X && t->pend.code == 0xffff))) {
		d->en = t->pend;
		en = &d->en;
	}
	const char *name = syscall_name(ev, en);
	unsigned nr;
	const struct sg_syscall_def *def = name ? sg_syscall_by_name(name, &nr) : NULL;
	if (!def || def == &sg_procexit_def) {
		d->stats.other++;
		if (t)
			pend_clear(d, t);
		return 0;
	}
	if (!en && t)
		pend_clear(d, t); /* an enter of another call: its exit was lost */
	if (!en)
		d->stats.unpaired++;
	header(d, ev, e);
	e->def = def;
	e->nr = (uint16_t)nr;
	const struct sg_scap_evinfo *xi = &sg_scap_events[ev->type];
	struct lparams lp = {xi, en ? &sg_scap_events[ev->type - 1] : NULL, ev, en};
	/* the result is the exit's first parameter: res, or the new fd */
	d->has_res = ev->nparams && xi->nparams &&
		     (!strcmp(xi->params[0].name, "res") || !strcmp(xi->params[0].name, "fd")) &&
		     lnum(xi->params[0].type, ev->p[0].data, ev->p[0].len, &e->res);
	if (is_clone(def->name)) {
		set_comm(e, &lp);
		proc_ids(d, e, &lp);
		on_clone(d, e, &lp);
	} else if (!strcmp(def->name, "execve") || !strcmp(def->name, "execveat")) {
		set_comm(e, &lp);
		proc_ids(d, e, &lp);
		on_exec(d, e, &lp);
	} else {
		on_ids(e, &lp);
	}
	fill_params(d, e, &lp);
	/* the parameters point into the pending copy: freed on the next call */
	d->clear_tid = ev->tid;
	return 1;
}

int sg_capdec_next(struct sg_capdec *d, struct sg_event *e)
{
	for (;;) {
		/* what the last event left pending is done with now */
		d->scratch_used = 0;
		if (d->clear_tid) {
			struct thr *last = thr_find(d, d->clear_tid);
			if (last)
				pend_clear(d, last);
			d->clear_tid = 0;
		}
		int rc = sg_scap_next(d->r, &d->ev);
		flush_ids(d);
		if (rc < 0) {
			snprintf(d->err, sizeof(d->err), "%s", sg_scap_reader_error(d->r));
			return -1;
		}
		if (rc == 0)
			return 0;
		const struct sg_scap_evt *ev = &d->ev;
		int got = 0;
		if (ev->type == SG_PPME_PROCEXIT_1_E || !strcmp(sg_scap_events[ev->type].name, "procexit")) {
			got = procexit(d, ev, e);
		} else if (!sg_scap_is_exit(ev->type)) {
			const char *name = syscall_name(ev, NULL);
			struct thr *t = name && sg_syscall_by_name(name, NULL) ? thr_get(d, ev->tid) : NULL;
			if (t)
				pend_store(d, t, ev);
			else
				d->stats.other++;
			continue;
		} else {
			got = syscall_event(d, ev, e);
		}
		if (got) {
			e->num = ++d->num;
			d->stats.events++;
			return 1;
		}
	}
}
