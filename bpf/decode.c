/*
 * Record -> struct sg_event.  Records come from the kernel, but the decoder
 * treats them as hostile bytes: the header is copied out, every length is
 * checked against what was received and against the bound the probe
 * applies, and a record that does not fit its syscall's definition is
 * counted as malformed and dropped.
 */
#include "bpf/decode.h"

#include <arpa/inet.h>
#include <stddef.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>

#include <linux/types.h>

#include "event/abi.h"
#include "event/syscalls.h"

#define SG_SOCKADDR_MAX 128  /* sizeof(struct sockaddr_storage) */
#define SG_UNIX_PATH_MAX 108 /* sun_path */

/* Walks the payloads that follow a record header. */
struct pl_iter {
	const uint8_t *p;
	size_t left;        /* bytes of the record not yet walked */
	unsigned remaining; /* payloads the header announced, not yet walked */
};

struct pl {
	uint8_t kind;
	uint8_t flags;
	uint32_t len;
	const uint8_t *data;
};

static uint64_t clock_ns(clockid_t id)
{
	struct timespec ts;

	if (clock_gettime(id, &ts) != 0)
		return 0;
	return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

void sg_decoder_init(struct sg_decoder *d, struct sg_state *st)
{
	memset(d, 0, sizeof(*d));
	d->state = st;
	sg_syscalls_init();
	/* realtime read on both sides of boottime: the midpoint pairs them */
	uint64_t r1 = clock_ns(CLOCK_REALTIME);
	uint64_t b = clock_ns(CLOCK_BOOTTIME);
	uint64_t r2 = clock_ns(CLOCK_REALTIME);

	d->boot_to_epoch_ns = r1 / 2 + r2 / 2 - b;
	/* process start times are boottime too: one clock for both */
	sg_state_set_clock(st, d->boot_to_epoch_ns);
}

/* 1 with the next payload in *out, 0 when none is left, -1 when the bytes
 * do not hold the payload the header announced. */
static int pl_next(struct pl_iter *it, struct pl *out)
{
	struct sg_payload h;

	if (!it->remaining)
		return 0;
	if (it->left < sizeof(h))
		return -1;
	memcpy(&h, it->p, sizeof(h));
	if (h.len > it->left - sizeof(h))
		return -1;
	out->kind = h.kind;
	out->flags = h.flags;
	out->len = h.len;
	out->data = it->p + sizeof(h);
	it->p += sizeof(h) + h.len;
	it->left -= sizeof(h) + h.len;
	it->remaining--;
	return 1;
}

/* Nothing may follow the last payload. */
static bool pl_done(const struct pl_iter *it)
{
	return it->remaining == 0 && it->left == 0;
}

/* The most bytes the probe sends for a capture kind (0: no bound here). */
static uint32_t cap_max(const struct sg_param_def *pd)
{
	switch (pd->cap) {
	case SG_CAP_STR:
	case SG_CAP_RES_PATH:
		return SG_STR_MAX;
	case SG_CAP_BUF_RES:
	case SG_CAP_BUF_ARG:
	case SG_CAP_IOVEC_RES:
	case SG_CAP_IOVEC_ARG:
	case SG_CAP_MSGHDR_BUF:
		return SG_SNAPLEN_MAX;
	case SG_CAP_SOCKADDR:
	case SG_CAP_SOCKADDR_PLEN:
	case SG_CAP_MSGHDR_ADDR:
		return SG_SOCKADDR_MAX;
	case SG_CAP_FD_TUPLE:
	case SG_CAP_RES_TUPLE:
		return sizeof(struct sg_tuple) + SG_UNIX_PATH_MAX;
	case SG_CAP_STRUCT:
		return (uint32_t)pd->aux * 8;
	case SG_CAP_INT2:
		return 2 * sizeof(int32_t);
	}
	return 0;
}

/* A payload whose length the probe could not have produced is a lie. */
static bool cap_len_ok(const struct sg_param_def *pd, const struct pl *p)
{
	uint32_t max = cap_max(pd);

	if (p->len > max)
		return false;
	if (p->len == 0)
		return true;
	if (pd->cap == SG_CAP_FD_TUPLE || pd->cap == SG_CAP_RES_TUPLE)
		return p->len >= sizeof(struct sg_tuple);
	if (pd->cap == SG_CAP_INT2)
		return p->len == max;
	return true;
}

/* The kernel's path of the file the call opened, when it is whole: it
 * names the new fd (state/fdevents.c). */
static void set_kpath(struct sg_event *e, const struct pl *pl)
{
	if (!pl->len || (pl->flags & (SG_PLF_TRUNC | SG_PLF_FAULT | SG_PLF_SKIP | SG_PLF_DETACHED)) ||
	    pl->data[0] != '/' || memchr(pl->data, 0, pl->len))
		return;
	e->kpath = (const char *)pl->data;
	e->kpath_len = pl->len;
}

static int param_cap(struct sg_event *e, struct sg_param *p, struct pl_iter *it)
{
	struct pl pl;
	int r = pl_next(it, &pl);

	if (r <= 0 || pl.kind != p->def->cap || !cap_len_ok(p->def, &pl))
		return -1;
	if (pl.kind == SG_CAP_RES_PATH)
		set_kpath(e, &pl);
	if (pl.flags & SG_PLF_TRUNC)
		p->flags |= SG_PARAM_TRUNC;
	if (pl.flags & SG_PLF_SKIP)
		return pl.len ? -1 : 0;
	if (pl.flags & SG_PLF_FAULT) {
		/* a gather (iovec, msghdr) that faults part way keeps what it
		 * read: that is data cut short, not a malformed record, and
		 * dropping the event would let a process hide its writes */
		if (!pl.len) {
			p->flags |= SG_PARAM_FAULT;
			return 0;
		}
		p->flags |= SG_PARAM_TRUNC;
	}
	p->data = pl.data;
	p->len = pl.len;
	p->flags |= SG_PARAM_DATA;
	sg_syscall_cap_num(p->def, pl.data, pl.len, &p->num);
	return 0;
}

static void set_text(struct sg_param *p, const char *s, uint32_t len)
{
	if (!s)
		return;
	p->data = (const uint8_t *)s;
	p->len = len;
	p->flags |= SG_PARAM_DATA;
}

/* The exec / clone parameters the process record filled in (Falco's
 * execve and clone exit events carry them). */
static void param_proc_num(const struct sg_event *e, const struct sg_proc *pr,
			   struct sg_param *p)
{
	static const struct {
		const char *name;
		size_t off;
		uint8_t size;
	} nums[] = {
#define NUM(n, f) { n, offsetof(struct sg_proc, f), sizeof(((struct sg_proc *)0)->f) }
		NUM("fdlimit", fdlimit), NUM("pgft_maj", maj_flt), NUM("pgft_min", min_flt),
		NUM("vm_size", vm_size_kb), NUM("vm_rss", vm_rss_kb), NUM("vm_swap", vm_swap_kb),
		NUM("vpgid", vpgid), NUM("cap_inheritable", cap_inh),
		NUM("cap_permitted", cap_prm), NUM("cap_effective", cap_eff),
		NUM("exe_ino", exe_ino), NUM("exe_ino_ctime", exe_ctime_ns),
		NUM("exe_ino_mtime", exe_mtime_ns), NUM("flags", exe_flags),
		NUM("vpid", vpid), NUM("pidns_init_start_ts", pidns_start_ns),
#undef NUM
	};
	const char *n = p->def->name;

	if (!strcmp(n, "vtid")) {
		/* outside a pid namespace a thread's id is its own vtid */
		p->num = e->tid == e->pid ? pr->vpid : pr->vpid == pr->pid ? e->tid : 0;
		return;
	}
	for (size_t i = 0; i < sizeof(nums) / sizeof(nums[0]); i++) {
		if (strcmp(n, nums[i].name))
			continue;
		const char *f = (const char *)pr + nums[i].off;
		uint64_t v = 0;
		if (nums[i].size == 8)
			memcpy(&v, f, 8);
		else if (nums[i].size == 4) {
			uint32_t x;
			memcpy(&x, f, 4);
			v = x;
		} else {
			v = *(const uint8_t *)f;
		}
		p->num = (int64_t)v;
		return;
	}
}

static void param_state(struct sg_decoder *d, struct sg_event *e, struct sg_param *p)
{
	const char *n = p->def->name;
	struct sg_proc *pr = NULL;

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
	else if (!strcmp(n, "ret"))
		p->num = (e->res >> 8) & 0xff;
	else if (!strcmp(n, "sig"))
		p->num = e->res & 0x7f;
	else if (!strcmp(n, "comm"))
		set_text(p, e->comm, (uint32_t)strnlen(e->comm, sizeof(e->comm)));
	else if (d->state && (pr = sg_state_proc(d->state, e->pid)) != NULL) {
		if (!strcmp(n, "exe"))
			set_text(p, pr->exe, pr->exe ? (uint32_t)strlen(pr->exe) : 0);
		else if (!strcmp(n, "args")) {
			set_text(p, pr->args, pr->args_len);
			if (pr->args_cut)
				p->flags |= SG_PARAM_TRUNC;
		} else if (!strcmp(n, "env")) {
			set_text(p, pr->env, pr->env_len);
			if (pr->env_cut)
				p->flags |= SG_PARAM_TRUNC;
		}
		else if (!strcmp(n, "cwd"))
			set_text(p, pr->cwd, pr->cwd ? (uint32_t)strlen(pr->cwd) : 0);
		else if (!strcmp(n, "tty"))
			p->num = pr->tty;
		else if (!strcmp(n, "pgid"))
			p->num = pr->pgid;
		else
			param_proc_num(e, pr, p);
	}
}

/*
 * A path the probe captures only when the call failed (execve's filename:
 * on success the caller's memory is gone with the old image).  On success
 * the exec record, decoded just before, has put the file that was run in
 * the process table: the parameter gets that, as Falco's exit event has it.
 */
static void param_exec_path(struct sg_decoder *d, struct sg_event *e, struct sg_param *p)
{
	const struct sg_proc *pr;

	if ((p->flags & SG_PARAM_DATA) || e->res != 0 || !(p->def->capflags & SG_CAPF_ON_FAIL))
		return;
	if (!d->state || e->def->category != SG_CAT_PROCESS)
		return;
	pr = sg_state_proc(d->state, e->pid);
	if (pr && pr->exepath)
		set_text(p, pr->exepath, (uint32_t)strlen(pr->exepath));
}

/* The header fields every event has. */
static void event_header(struct sg_decoder *d, const struct sg_rec *r, struct sg_event *e)
{
	/* every header field is set here or by the caller (kind, nr, def,
	 * nparams): no memset, whose rep stos was half the cost of decoding;
	 * fill_params initialises each parameter it uses */
	e->num = 0;
	e->kind = 0;
	e->nr = 0;
	e->def = NULL;
	e->nparams = 0;
	e->proc = NULL;
	e->fd = NULL;
	e->kpath = NULL;
	e->kpath_len = 0;
	e->ts = r->ts + d->boot_to_epoch_ns;
	e->cpu = r->cpu;
	e->tid = r->tid;
	e->pid = r->pid;
	e->ppid = r->ppid;
	e->uid = r->uid;
	e->gid = r->gid;
	e->loginuid = r->loginuid;
	e->cgroup_id = r->cgroup_id;
	memcpy(e->comm, r->comm, SG_COMM_LEN < SG_EVENT_COMM_LEN ? SG_COMM_LEN : SG_EVENT_COMM_LEN);
	e->comm[SG_EVENT_COMM_LEN - 1] = '\0';
	e->res = r->res;
	memcpy(e->args, r->args, sizeof(e->args));
	e->state = d->state;
	e->fdnum = -1;
}

/* SG_SC_KPATH: the payload after the params' captures (bpf/probe.c). */
static int kpath_cap(struct sg_event *e, struct pl_iter *it)
{
	struct pl pl;

	if (pl_next(it, &pl) <= 0 || pl.kind != SG_CAP_RES_PATH || pl.len > SG_STR_MAX)
		return -1;
	if ((pl.flags & SG_PLF_SKIP) && pl.len)
		return -1;
	set_kpath(e, &pl);
	return 0;
}

static int fill_params(struct sg_decoder *d, struct sg_event *e, struct pl_iter *it)
{
	const struct sg_syscall_def *def = e->def;
	unsigned ncap = 0;

	e->nparams = def->nparams < SG_MAX_PARAMS ? def->nparams : SG_MAX_PARAMS;
	for (unsigned i = 0; i < e->nparams; i++) {
		struct sg_param *p = &e->params[i];

		*p = (struct sg_param){.def = &def->params[i]};
		switch (p->def->src) {
		case SG_SRC_RES:
			p->num = e->res;
			break;
		case SG_SRC_ARG:
			if (p->def->arg < SG_NARGS)
				p->num = sg_syscall_arg_num(p->def, e->args[p->def->arg]);
			break;
		case SG_SRC_CAP:
			/* the probe captures the first SG_MAX_CAPS only */
			if (ncap++ < SG_MAX_CAPS && param_cap(e, p, it))
				return -1;
			if (p->def->type == SG_PT_PATH)
				param_exec_path(d, e, p);
			break;
		case SG_SRC_STATE:
			param_state(d, e, p);
			break;
		}
	}
	if ((def->flags & SG_SC_KPATH) && ncap < SG_MAX_CAPS && kpath_cap(e, it))
		return -1;
	return pl_done(it) ? 0 : -1;
}

/*
 * A connect that failed (ECONNREFUSED) or has not finished leaves the socket
 * without its remote end: the kernel resets it before the syscall returns.
 * The address the caller asked for is in the captured sockaddr; complete the
 * tuple's remote side from it, as sysdig does, so fd.sip/fd.sport and the
 * tuple text still name the target.
 */
static void complete_tuple(struct sg_decoder *d, struct sg_event *e)
{
	/* bind's address is its own end, not a peer */
	if (!strcmp(e->def->name, "bind"))
		return;
	struct sg_param *tp = NULL;
	const struct sg_param *ap = NULL;
	for (unsigned i = 0; i < e->nparams; i++) {
		const struct sg_param_def *pd = e->params[i].def;
		if (pd->type == SG_PT_TUPLE)
			tp = &e->params[i];
		else if (pd->type == SG_PT_SOCKADDR && !strcmp(pd->name, "addr"))
			ap = &e->params[i];
	}
	if (!tp || !ap || !(tp->flags & SG_PARAM_DATA) || !(ap->flags & SG_PARAM_DATA) ||
	    tp->len < sizeof(struct sg_tuple) || ap->len < 8)
		return;
	struct sg_tuple t;
	memcpy(&t, tp->data, sizeof(t));
	if (t.rport)
		return;
	uint16_t family, port;
	memcpy(&family, ap->data, 2);
	memcpy(&port, ap->data + 2, 2);
	if (family == AF_INET && t.family == AF_INET) {
		memcpy(t.raddr, ap->data + 4, 4);
	} else if (family == AF_INET6 && t.family == AF_INET6 && ap->len >= 24) {
		memcpy(t.raddr, ap->data + 8, 16);
	} else {
		return;
	}
	t.rport = ntohs(port);
	d->fixed_tuple = t;
	tp->data = (const uint8_t *)&d->fixed_tuple;
	tp->len = sizeof(d->fixed_tuple);
}

static int decode_syscall(struct sg_decoder *d, const struct sg_rec *r,
			  const uint8_t *pl, size_t pllen, struct sg_event *e)
{
	const struct sg_syscall_def *def = sg_syscall_by_nr(r->nr);
	struct pl_iter it = {pl, pllen, r->npayloads};

	if (!def || r->npayloads > SG_MAX_CAPS)
		return -1;
	event_header(d, r, e);
	e->kind = SG_EV_SYSCALL;
	e->nr = r->nr;
	e->def = def;
	if (fill_params(d, e, &it))
		return -1;
	if (def->flags & SG_SC_NET)
		complete_tuple(d, e);
	return 0;
}

static int decode_exit(struct sg_decoder *d, const struct sg_rec *r, size_t pllen,
		       struct sg_event *e)
{
	struct pl_iter it = {NULL, pllen, r->npayloads};

	if (!pl_done(&it))
		return -1;
	if (d->state)
		sg_state_exit(d->state, r);
	event_header(d, r, e);
	e->kind = SG_EV_PROCEXIT;
	e->nr = SG_NR_NONE;
	e->def = &sg_procexit_def;
	memset(e->args, 0, sizeof(e->args));
	/* sg_state_after drops the process when its last thread is gone */
	e->args[0] = r->flags;
	return fill_params(d, e, &it);
}

/* Process records: one payload of each SG_PL_* kind at most. */
struct procrec {
	struct sg_procinfo pi;
	bool have_pi;
	struct pl file, args, env;
};

static int procrec_parse(struct pl_iter *it, struct procrec *pr)
{
	struct pl p;
	int r;

	memset(pr, 0, sizeof(*pr));
	while ((r = pl_next(it, &p)) > 0) {
		struct pl *slot = NULL;

		switch (p.kind) {
		case SG_PL_PROCINFO:
			if (pr->have_pi || p.len != sizeof(pr->pi))
				return -1;
			memcpy(&pr->pi, p.data, sizeof(pr->pi));
			pr->have_pi = true;
			continue;
		case SG_PL_FILENAME:
			slot = &pr->file;
			break;
		case SG_PL_ARGS:
			slot = &pr->args;
			break;
		case SG_PL_ENV:
			slot = &pr->env;
			break;
		default:
			return -1;
		}
		if (slot->data || p.len > (p.kind == SG_PL_FILENAME ? SG_STR_MAX : SG_ARGS_MAX))
			return -1;
		*slot = p;
	}
	if (r < 0 || !pl_done(it) || !pr->have_pi)
		return -1;
	return 0;
}

static const char *pl_text(const struct pl *p)
{
	return p->len ? (const char *)p->data : NULL;
}

static int decode_proc(struct sg_decoder *d, const struct sg_rec *r,
		       const uint8_t *pl, size_t pllen)
{
	struct pl_iter it = {pl, pllen, r->npayloads};
	struct procrec pr;

	if (r->npayloads > 4 || procrec_parse(&it, &pr))
		return -1;
	if (r->kind == SG_REC_FORK && (pr.file.data || pr.args.data || pr.env.data))
		return -1;
	if (!d->state)
		return 0;
	if (r->kind == SG_REC_FORK)
		sg_state_fork(d->state, r, &pr.pi);
	else
		sg_state_exec(d->state, r, &pr.pi, pl_text(&pr.file), pr.file.len,
			      pl_text(&pr.args), pr.args.len, pl_text(&pr.env), pr.env.len,
			      (pr.args.flags & SG_PLF_TRUNC ? SG_EXEC_ARGS_CUT : 0) |
				      (pr.env.flags & SG_PLF_TRUNC ? SG_EXEC_ENV_CUT : 0));
	return 0;
}

static int decode(struct sg_decoder *d, const void *rec, size_t len, struct sg_event *e)
{
	struct sg_rec copy;
	const struct sg_rec *r = rec;

	if (!rec || len < sizeof(copy))
		return -1;
	/* ring buffer records are 8-byte aligned and stay put until consumed:
	 * read the header in place (a copy to the stack stalled each event on
	 * its first reads); a misaligned one (a test's) is copied */
	if ((uintptr_t)rec % _Alignof(struct sg_rec)) {
		memcpy(&copy, rec, sizeof(copy));
		r = &copy;
	}
	/* bytes past r->len (none from the probe) are ignored, never read */
	if (r->len < sizeof(*r) || r->len > len)
		return -1;
	const uint8_t *pl = (const uint8_t *)rec + sizeof(*r);
	size_t pllen = r->len - sizeof(*r);

	switch (r->kind) {
	case SG_REC_SYSCALL:
		return decode_syscall(d, r, pl, pllen, e) ? -1 : 1;
	case SG_REC_EXIT:
		return decode_exit(d, r, pllen, e) ? -1 : 1;
	case SG_REC_EXEC:
	case SG_REC_FORK:
		return decode_proc(d, r, pl, pllen);
	}
	return -1;
}

/* The row of d->cpu a record counts in. */
static unsigned record_cpu(const void *rec, size_t len)
{
	uint16_t cpu;

	if (len < sizeof(struct sg_rec))
		return SG_DECODE_CPUS;
	memcpy(&cpu, (const char *)rec + offsetof(struct sg_rec, cpu), sizeof(cpu));
	return cpu < SG_DECODE_CPUS ? cpu : SG_DECODE_CPUS;
}

int sg_decode(struct sg_decoder *d, const void *rec, size_t len, struct sg_event *e)
{
	int r;

	d->records++;
	struct sg_decode_cpu *c = &d->cpu[record_cpu(rec, len)];
	c->records++;
	r = decode(d, rec, len, e);
	if (r < 0) {
		d->malformed++;
		c->malformed++;
		return -1;
	}
	if (r == 1)
		e->num = ++d->next_num;
	else
		d->proc_records++;
	return r;
}
