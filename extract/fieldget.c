/*
 * The value of every field of event/fields.def for one event, with
 * sysdig/Falco meanings.  A field that does not apply to the event (no fd,
 * no such argument, unknown process) yields false, never a made-up value.
 * Strings point into the event or the state when they live there, and are
 * rendered into the per-event arena otherwise.
 */
#include <fcntl.h>
#include <inttypes.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>

#include "state/state.h"
#include "event/fields.h"
#include "extract/fieldget.h"
#include "extract/container.h"
#include "event/flagtables.h"
#include "extract/render.h"
#include "event/strbuf.h"

#ifndef __O_TMPFILE
#define __O_TMPFILE 020000000
#endif

static const char *const category_names[] = {
#define SG_CAT_NAME(id, s) s,
	SG_CATEGORIES(SG_CAT_NAME)
#undef SG_CAT_NAME
};

/* get() dispatches on a field's class, the part of its name before the
 * first dot, so fields.def can grow anywhere. */
enum fclass { FC_PROC = 0, FC_EVT, FC_FD, FC_FS, FC_USER, FC_THREAD, FC_CONTAINER };

static uint8_t fclass_of[SG_F_MAX];

__attribute__((constructor)) static void fclass_init(void)
{
	static const struct {
		const char *prefix;
		uint8_t c;
	} classes[] = {
		{"evt.", FC_EVT},   {"fd.", FC_FD},	{"fs.", FC_FS},
		{"user.", FC_USER}, {"group.", FC_USER}, {"thread.", FC_THREAD},
		{"container.", FC_CONTAINER}, {"k8s.", FC_CONTAINER},
	};
	for (int i = 0; i < SG_F_MAX; i++)
		for (size_t k = 0; k < sizeof(classes) / sizeof(classes[0]); k++)
			if (!strncmp(sg_fields[i].name, classes[k].prefix, strlen(classes[k].prefix)))
				fclass_of[i] = classes[k].c;
	fclass_of[SG_F_CONTAINER_ID] = FC_PROC; /* from cgroups, with the process */
}

/* Shells whose oldest instance is the login shell (proc.loginshellid). */
static const char *const shells[] = {
	"ash", "bash", "csh", "dash", "fish", "ksh", "sh", "tcsh", "zsh",
};

/* ---- values ------------------------------------------------------------ */

static bool v_str(struct sg_value *v, const char *s, size_t n)
{
	if (!s)
		return false;
	v->type = SG_FT_STR;
	v->s.p = s;
	v->s.len = n > UINT32_MAX ? UINT32_MAX : (uint32_t)n;
	return true;
}

static bool v_cstr(struct sg_value *v, const char *s)
{
	return s ? v_str(v, s, strlen(s)) : false;
}

static bool v_u64(struct sg_value *v, uint64_t x)
{
	v->type = SG_FT_U64;
	v->u = x;
	return true;
}

static bool v_s64(struct sg_value *v, int64_t x)
{
	v->type = SG_FT_S64;
	v->i = x;
	return true;
}

static bool v_bool(struct sg_value *v, bool x)
{
	v->type = SG_FT_BOOL;
	v->b = x;
	return true;
}

/* strnlen(comm, 16) without the call: two words, first zero byte.  The
 * name is in nearly every filter, and the call cost more than the scan. */
static uint32_t comm_len(const char *comm)
{
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__ && SG_EVENT_COMM_LEN == 16
	const uint64_t lo = 0x0101010101010101ull, hi = 0x8080808080808080ull;
	for (uint32_t i = 0; i < 16; i += 8) {
		uint64_t w;
		memcpy(&w, comm + i, 8);
		/* exact: a high bit is set for each zero byte below the first */
		uint64_t z = (w - lo) & ~w & hi;
		if (z)
			return i + (uint32_t)__builtin_ctzll(z) / 8;
	}
	return 16;
#else
	return (uint32_t)strnlen(comm, SG_EVENT_COMM_LEN);
#endif
}

/* A copy of n bytes in the arena; false when the arena is full. */
static bool v_arena(struct sg_value *v, struct sg_arena *a, const char *s, size_t n)
{
	char *d = sg_arena_alloc(a, n + 1);
	if (!d)
		return false;
	memcpy(d, s, n);
	d[n] = 0;
	return v_str(v, d, n);
}

/* Scratch text for composed values; the result is copied to the arena. */
static struct sg_strbuf *scratch(void)
{
	static __thread struct sg_strbuf sb;
	sg_sb_reset(&sb);
	return &sb;
}

static bool v_sb(struct sg_value *v, struct sg_arena *a, struct sg_strbuf *b)
{
	if (b->oom)
		return false;
	return v_arena(v, a, b->p ? b->p : "", b->len);
}

/* ---- parameters -------------------------------------------------------- */

static unsigned nparams(const struct sg_event *e)
{
	return e->nparams < SG_MAX_PARAMS ? e->nparams : SG_MAX_PARAMS;
}

static const struct sg_param *param_named(const struct sg_event *e, const char *k,
					  size_t klen)
{
	for (unsigned i = 0; i < nparams(e); i++) {
		const struct sg_param *p = &e->params[i];
		if (p->def && p->def->name && strlen(p->def->name) == klen &&
		    memcmp(p->def->name, k, klen) == 0)
			return p;
	}
	return NULL;
}

static const struct sg_param *param_ref(const struct sg_event *e,
					const struct sg_fieldref *ref)
{
	if (ref->key)
		return param_named(e, ref->key, ref->keylen);
	if (ref->index >= 0 && (unsigned)ref->index < nparams(e))
		return &e->params[ref->index];
	return NULL;
}

static bool is_captured(unsigned t)
{
	switch (t) {
	case SG_PT_PATH: case SG_PT_STR: case SG_PT_BYTES: case SG_PT_SOCKADDR:
	case SG_PT_TUPLE: case SG_PT_FDPAIR: case SG_PT_CHARBUFARRAY: case SG_PT_RAW:
		return true;
	default:
		return false;
	}
}

static bool is_signed(unsigned t)
{
	return t == SG_PT_INT || t == SG_PT_ERRNO || t == SG_PT_FD || t == SG_PT_DIRFD ||
	       t == SG_PT_PID;
}

/* A parameter has a value unless it is a capture that did not happen (or
 * text the state did not know).  Numbers from the state are always set. */
static bool has_value(const struct sg_param *p)
{
	if (!p || !p->def)
		return false;
	if (p->def->src == SG_SRC_CAP)
		return (p->flags & SG_PARAM_DATA) != 0;
	if (p->def->src == SG_SRC_STATE && is_captured(p->def->type))
		return (p->flags & SG_PARAM_DATA) != 0;
	return true;
}

static bool param_int(const struct sg_event *e, const char *name, int64_t *out)
{
	const struct sg_param *p = sg_event_param(e, name);
	return has_value(p) && sg_param_num(p, out);
}

static bool evt_arg(struct sg_event *e, const struct sg_fieldref *ref, struct sg_value *v,
		    struct sg_arena *a)
{
	const struct sg_param *p = param_ref(e, ref);
	if (!has_value(p))
		return false;
	/* libs semantics: the value's name when it has one (O_RDONLY|O_CLOEXEC,
	 * ENOENT, <f>/etc/passwd), the same text JSON's "evt.arg" shows */
	struct sg_strbuf *b = scratch();
	sg_render_param_resolved(b, e, p);
	return v_sb(v, a, b);
}

static bool evt_rawarg(struct sg_event *e, const struct sg_fieldref *ref,
		       struct sg_value *v, struct sg_arena *a)
{
	const struct sg_param *p = param_ref(e, ref);
	if (!has_value(p))
		return false;
	unsigned t = p->def->type;
	int64_t x;
	if (!is_captured(t)) {
		if (!sg_param_num(p, &x))
			return false;
		return is_signed(t) ? v_s64(v, x) : v_u64(v, (uint64_t)x);
	}
	if (t == SG_PT_PATH || t == SG_PT_STR) {
		const char *s = (const char *)p->data;
		const char *nul = memchr(s, 0, p->len);
		return v_str(v, s, nul ? (size_t)(nul - s) : p->len);
	}
	if (t == SG_PT_BYTES || t == SG_PT_RAW || t == SG_PT_CHARBUFARRAY) {
		v->type = SG_FT_BYTES;
		v->s.p = (const char *)p->data;
		v->s.len = p->len;
		return true;
	}
	struct sg_strbuf *b = scratch(); /* tuples, addresses: their text */
	sg_render_param_plain(b, e, p);
	return v_sb(v, a, b);
}

/* ---- evt.* ------------------------------------------------------------- */

static bool is_syscall(const struct sg_event *e)
{
	return e->kind == SG_EV_SYSCALL;
}

/* The kernel's error range: results in [-4095, -1] are -errno. */
static bool failed(const struct sg_event *e)
{
	return is_syscall(e) && e->res < 0 && e->res >= -4095;
}

/* Nine digits of the nanoseconds, zero padded. */
static void put_ns9(char *d, uint64_t ts)
{
	unsigned ns = (unsigned)(ts % 1000000000u);

	for (int i = 8; i >= 0; i--, ns /= 10)
		d[i] = (char)('0' + ns % 10);
}

/* prefix + "." + nine digits + an optional 'Z', in the arena. */
static bool v_stamp(struct sg_value *v, struct sg_arena *a, const char *prefix, size_t plen,
		    uint64_t ts, bool zulu)
{
	size_t n = plen + 10 + zulu;
	char *d = sg_arena_alloc(a, n + 1);

	if (!d)
		return false;
	memcpy(d, prefix, plen);
	d[plen] = '.';
	put_ns9(d + plen + 1, ts);
	if (zulu)
		d[n - 1] = 'Z';
	d[n] = 0;
	return v_str(v, d, n);
}

/* Local time of day; the text of the second is cached (events come in
 * bursts within one second). */
static bool evt_time(const struct sg_event *e, struct sg_value *v, struct sg_arena *a,
		     bool with_ns)
{
	static __thread time_t last = -1;
	static __thread char hms[16];
	static __thread size_t len;
	time_t sec = (time_t)(e->ts / 1000000000u);
	if (sec != last) {
		struct tm tm;
		if (!localtime_r(&sec, &tm))
			return false;
		int n = snprintf(hms, sizeof(hms), "%02d:%02d:%02d", tm.tm_hour, tm.tm_min,
				 tm.tm_sec);
		len = n > 0 && (size_t)n < sizeof(hms) ? (size_t)n : 0;
		last = sec;
	}
	if (!with_ns)
		return v_arena(v, a, hms, len);
	return v_stamp(v, a, hms, len, e->ts, false);
}

/* UTC date and time (JSON's evt.datetime, on every line): as evt_time,
 * the text of the second is cached. */
static bool evt_datetime(const struct sg_event *e, struct sg_value *v, struct sg_arena *a)
{
	static __thread time_t last = -1;
	static __thread char ymdhms[48];
	static __thread size_t len;
	time_t sec = (time_t)(e->ts / 1000000000u);
	if (sec != last) {
		struct tm tm;
		if (!gmtime_r(&sec, &tm))
			return false;
		int n = snprintf(ymdhms, sizeof(ymdhms), "%04d-%02d-%02dT%02d:%02d:%02d",
				 tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
				 tm.tm_min, tm.tm_sec);
		len = n > 0 && (size_t)n < sizeof(ymdhms) ? (size_t)n : 0;
		last = sec;
	}
	return v_stamp(v, a, ymdhms, len, e->ts, true);
}

static bool evt_res(const struct sg_event *e, struct sg_value *v, struct sg_arena *a)
{
	if (!is_syscall(e))
		return false;
	/* a capture's old event versions may carry no result: the decoder
	 * leaves the def's first (result) parameter out then */
	if (e->def && e->def->nparams && e->def->params[0].src == SG_SRC_RES &&
	    (!e->nparams || e->params[0].def != &e->def->params[0]))
		return false;
	if (!failed(e))
		return v_cstr(v, "SUCCESS");
	const char *name = sg_errno_name((int)-e->res);
	if (name)
		return v_cstr(v, name);
	char buf[24];
	int n = snprintf(buf, sizeof(buf), "%" PRId64, e->res);
	return v_arena(v, a, buf, (size_t)n);
}

/* open flags of an open-family call; creat() implies them. */
static bool open_flags(const struct sg_event *e, int64_t *flags)
{
	if (!is_syscall(e) || !e->def || !(e->def->flags & SG_SC_OPEN))
		return false;
	if (strcmp(e->def->name, "creat") == 0) {
		*flags = SG_PPM_O_CREAT | SG_PPM_O_WRONLY | SG_PPM_O_TRUNC;
		return true;
	}
	return param_int(e, "flags", flags);
}

static bool evt_is_open(const struct sg_event *e, struct sg_value *v, unsigned id)
{
	int64_t flags;
	if (!open_flags(e, &flags))
		return v_bool(v, false);
	/* Falco's encoding: O_RDWR is both access bits */
	if (id == SG_F_EVT_IS_OPEN_READ)
		return v_bool(v, (flags & SG_PPM_O_RDONLY) != 0);
	if (id == SG_F_EVT_IS_OPEN_WRITE)
		return v_bool(v, (flags & SG_PPM_O_WRONLY) != 0);
	/* Falco: a file created (O_CREAT or O_TMPFILE) with an exec bit */
	int64_t mode = 0;
	bool creates = (flags & (SG_PPM_O_CREAT | SG_PPM_O_TMPFILE)) != 0;
	return v_bool(v, creates && param_int(e, "mode", &mode) && (mode & 0111));
}

static bool evt_buffer(struct sg_event *e, struct sg_value *v)
{
	const struct sg_param *p = sg_event_param(e, "data");
	if (!has_value(p) || p->def->type != SG_PT_BYTES)
		return false;
	v->type = SG_FT_BYTES;
	v->s.p = (const char *)p->data;
	v->s.len = p->len;
	return true;
}

static bool is_io(const struct sg_event *e, uint16_t which)
{
	return is_syscall(e) && e->def && (e->def->flags & which);
}

static bool evt_field(struct sg_event *e, const struct sg_fieldref *ref, struct sg_value *v,
		      struct sg_arena *a)
{
	struct sg_strbuf *b;
	switch (ref->id) {
	case SG_F_EVT_NUM: return v_u64(v, e->num);
	case SG_F_EVT_TIME: return evt_time(e, v, a, true);
	case SG_F_EVT_TIME_S: return evt_time(e, v, a, false);
	case SG_F_EVT_DATETIME: return evt_datetime(e, v, a);
	case SG_F_EVT_RAWTIME:
		v->type = SG_FT_ABSTIME;
		v->u = e->ts;
		return true;
	case SG_F_EVT_RAWTIME_S: return v_u64(v, e->ts / 1000000000u);
	case SG_F_EVT_TYPE:
		if (!e->def || !e->def->name)
			return false;
		v_cstr(v, e->def->name);
		v->type = SG_FT_SYSCALL;
		return true;
	case SG_F_EVT_DIR: return v_cstr(v, "<");
	case SG_F_EVT_CPU: return v_u64(v, e->cpu);
	case SG_F_EVT_ARGS:
	case SG_F_EVT_INFO:
		b = scratch();
		sg_render_args(b, e);
		return v_sb(v, a, b);
	case SG_F_EVT_ARG: return evt_arg(e, ref, v, a);
	case SG_F_EVT_RAWARG: return evt_rawarg(e, ref, v, a);
	case SG_F_EVT_RES: return evt_res(e, v, a);
	case SG_F_EVT_RAWRES: return v_s64(v, e->res);
	case SG_F_EVT_FAILED: return v_bool(v, failed(e));
	case SG_F_EVT_CATEGORY:
		if (!e->def || e->def->category >= SG_CAT_MAX)
			return false;
		return v_cstr(v, category_names[e->def->category]);
	case SG_F_EVT_IS_OPEN_READ:
	case SG_F_EVT_IS_OPEN_WRITE:
	case SG_F_EVT_IS_OPEN_EXEC: return evt_is_open(e, v, ref->id);
	case SG_F_EVT_IS_IO: return v_bool(v, is_io(e, SG_SC_READ | SG_SC_WRITE));
	case SG_F_EVT_IS_IO_READ: return v_bool(v, is_io(e, SG_SC_READ));
	case SG_F_EVT_IS_IO_WRITE: return v_bool(v, is_io(e, SG_SC_WRITE));
	case SG_F_EVT_BUFFER: return evt_buffer(e, v);
	case SG_F_EVT_BUFLEN:
		if (!is_io(e, SG_SC_READ | SG_SC_WRITE) || e->res < 0)
			return false;
		return v_u64(v, (uint64_t)e->res);
	default: return false;
	}
}

/* ---- proc.* ------------------------------------------------------------ */

static struct sg_proc *parent_of(struct sg_event *e, const struct sg_proc *p)
{
	if (!p || !e->state || !p->ppid || p->ppid == p->pid)
		return NULL;
	return sg_state_proc(e->state, p->ppid);
}

/* The first max links of the process's ancestry into chain (chain[0] =
 * the process); returns how many.  Stops at a missing parent and at a pid
 * already in the chain: a stale ppid plus pid reuse can make a loop, which
 * must end (as libsinsp's traverse_parent_state) rather than repeat. */
static int ancestry(struct sg_event *e, struct sg_proc **chain, int max)
{
	int n = 0;
	for (struct sg_proc *p = e->proc; p && n < max; p = parent_of(e, p)) {
		for (int i = 0; i < n; i++)
			if (chain[i]->pid == p->pid)
				return n;
		chain[n++] = p;
	}
	return n;
}

/* The nth ancestor (0 = the process itself), none past SG_ANCESTORS_MAX:
 * proc.aname as an any-of field asks for n = 1, 2, ... until none. */
static struct sg_proc *ancestor(struct sg_event *e, int n)
{
	struct sg_proc *chain[SG_ANCESTORS_MAX + 1];
	if (n < 0 || n > SG_ANCESTORS_MAX)
		return NULL;
	return ancestry(e, chain, n + 1) > n ? chain[n] : NULL;
}

/* Each NUL of s[0..n) turned into a space.  Branch free, so the compiler
 * can do it a vector at a time: arguments are short, and a call to memchr
 * per argument cost more than this whole loop. */
static void nul_to_space(char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		s[i] = s[i] ? s[i] : ' ';
}

/* The nth argument (from 1); argv[0] for 0. */
static bool nth_arg(const struct sg_proc *p, int n, struct sg_value *v)
{
	if (n == 0)
		return v_cstr(v, p->exe);
	if (!p->args || n < 1 || (uint32_t)n > p->nargs)
		return false;
	const char *s = p->args, *end = p->args + p->args_len;
	for (int i = 1; i < n; i++)
		s += strlen(s) + 1;
	if (s > end)
		return false;
	return v_str(v, s, strnlen(s, (size_t)(end - s)));
}

static bool env_get(const struct sg_proc *p, const struct sg_fieldref *ref,
		    struct sg_value *v, struct sg_arena *a)
{
	if (!p->env)
		return false;
	const char *s = p->env, *end = p->env + p->env_len;
	if (!ref->key) {
		struct sg_strbuf *b = scratch();
		for (const char *c = s; c < end; c++)
			sg_sb_putc(b, *c ? *c : ' ');
		return v_sb(v, a, b);
	}
	while (s < end) {
		size_t n = strnlen(s, (size_t)(end - s));
		if (n > ref->keylen && s[ref->keylen] == '=' &&
		    memcmp(s, ref->key, ref->keylen) == 0)
			return v_str(v, s + ref->keylen + 1, n - ref->keylen - 1);
		s += n + 1;
	}
	return false;
}

static bool is_shell(const char *comm)
{
	for (size_t i = 0; i < sizeof(shells) / sizeof(shells[0]); i++)
		if (strcmp(comm, shells[i]) == 0)
			return true;
	return false;
}

static bool loginshellid(struct sg_event *e, struct sg_value *v)
{
	struct sg_proc *chain[SG_ANCESTORS_MAX + 1];
	int n = ancestry(e, chain, SG_ANCESTORS_MAX + 1);
	/* the oldest shell: walk from the top */
	for (int i = n - 1; i >= 0; i--)
		if (is_shell(i == 0 ? e->comm : chain[i]->comm))
			return v_u64(v, chain[i]->pid);
	return false;
}

/* head + " " + each argument (NUL separated in p->args), built in place in
 * the arena: every JSON line carries proc.cmdline. */
static bool cmdline_of(const struct sg_proc *p, const char *head, struct sg_value *v,
		       struct sg_arena *a)
{
	size_t hlen = head ? strlen(head) : 0;
	size_t alen = p->args ? p->args_len : 0;
	size_t sep = head && alen ? 1 : 0;
	size_t n = hlen + sep + alen;
	char *d = sg_arena_alloc(a, n + 1);

	if (!d)
		return false;
	memcpy(d, head ? head : "", hlen);
	d[hlen] = ' ';
	memcpy(d + hlen + sep, alen ? p->args : "", alen);
	nul_to_space(d + hlen + sep, alen);
	d[n] = 0;
	return v_str(v, d, n);
}

/* The leader of p's session or process group: the process with that pid,
 * else (a leader sysgrep does not know, or one of another pid namespace)
 * the eldest ancestor still in the group, as libs'
 * get_oldest_matching_ancestor. */
static struct sg_proc *leader_of(struct sg_event *e, struct sg_proc *p, bool session)
{
	uint32_t id = session ? p->sid : p->pgid;
	struct sg_proc *chain[SG_ANCESTORS_MAX + 1];

	if (!id)
		return NULL;
	struct sg_proc *l = e->state ? sg_state_proc(e->state, id) : NULL;
	if (l)
		return l;
	int n = ancestry(e, chain, SG_ANCESTORS_MAX + 1);
	l = NULL;
	for (int i = 1; i < n; i++) {
		if ((session ? chain[i]->sid : chain[i]->pgid) != id)
			break;
		l = chain[i];
	}
	return l;
}

/* "CAP_CHOWN CAP_KILL ...": libs' caps_to_string. */
static bool v_caps(struct sg_value *v, struct sg_arena *a, uint64_t caps)
{
	unsigned n;
	const struct sg_flagname *names = sg_flags_names(SG_TBL_CAPS, &n);
	struct sg_strbuf *b = scratch();

	for (unsigned i = 0; names && i < n; i++) {
		if (!(caps & names[i].value))
			continue;
		if (b->len)
			sg_sb_putc(b, ' ');
		sg_sb_puts(b, names[i].name);
	}
	return v_sb(v, a, b);
}

static uint64_t since(uint64_t now, uint64_t then)
{
	return now > then ? now - then : 0;
}

static bool v_abstime(struct sg_value *v, uint64_t ns)
{
	if (!ns)
		return false; /* 0: not known */
	v->type = SG_FT_ABSTIME;
	v->u = ns;
	return true;
}

static uint64_t args_chars(const struct sg_proc *p)
{
	uint64_t n = 0;
	for (uint32_t i = 0; p->args && i < p->args_len; i++)
		n += p->args[i] != 0;
	return n;
}

static bool leader_str(struct sg_event *e, struct sg_proc *p, bool session, int what,
		       struct sg_value *v)
{
	struct sg_proc *l = leader_of(e, p, session);
	if (!l)
		return false;
	if (what == 0)
		return v_cstr(v, l == p ? e->comm : l->comm);
	return v_cstr(v, what == 1 ? l->exe : l->exepath);
}

/* The fields the exec and fork records (or /proc) filled in. */
static bool proc_more(struct sg_event *e, struct sg_proc *p, const struct sg_fieldref *ref,
		      struct sg_value *v, struct sg_arena *a)
{
	struct sg_proc *pp;
	switch (ref->id) {
	case SG_F_PROC_PVPID: return (pp = parent_of(e, p)) && v_u64(v, pp->vpid);
	case SG_F_PROC_SNAME: return leader_str(e, p, true, 0, v);
	case SG_F_PROC_SID_EXE: return leader_str(e, p, true, 1, v);
	case SG_F_PROC_SID_EXEPATH: return leader_str(e, p, true, 2, v);
	case SG_F_PROC_VPGID: return p->vpgid && v_u64(v, p->vpgid);
	case SG_F_PROC_VPGID_NAME:
	case SG_F_PROC_PGID_NAME: return leader_str(e, p, false, 0, v);
	case SG_F_PROC_VPGID_EXE:
	case SG_F_PROC_PGID_EXE: return leader_str(e, p, false, 1, v);
	case SG_F_PROC_VPGID_EXEPATH:
	case SG_F_PROC_PGID_EXEPATH: return leader_str(e, p, false, 2, v);
	/* host ids, so a process in a container compares in one namespace:
	 * the same answer as libs' vpgid == vpid and sid == vpid */
	case SG_F_PROC_IS_SID_LEADER: return v_bool(v, p->sid == p->pid);
	case SG_F_PROC_IS_VPGID_LEADER:
	case SG_F_PROC_IS_PGID_LEADER: return v_bool(v, p->pgid == p->pid);
	case SG_F_PROC_DURATION: return p->start_ns && v_u64(v, since(e->ts, p->start_ns));
	case SG_F_PROC_PID_TS: return p->start_ns && v_u64(v, p->start_ns);
	case SG_F_PROC_PPID_DURATION:
		return (pp = parent_of(e, p)) && pp->start_ns && v_u64(v, since(e->ts, pp->start_ns));
	case SG_F_PROC_PPID_TS:
		return (pp = parent_of(e, p)) && pp->start_ns && v_u64(v, pp->start_ns);
	case SG_F_PROC_EXE_INO: return p->exe_ino && v_u64(v, p->exe_ino);
	case SG_F_PROC_EXE_INO_CTIME: return v_abstime(v, p->exe_ctime_ns);
	case SG_F_PROC_EXE_INO_MTIME: return v_abstime(v, p->exe_mtime_ns);
	case SG_F_PROC_EXE_INO_CTIME_DURATION_PROC_START:
		return p->exe_ctime_ns && p->start_ns &&
		       v_abstime(v, since(p->start_ns, p->exe_ctime_ns));
	case SG_F_PROC_EXE_INO_CTIME_DURATION_PIDNS_START:
		return p->exe_ctime_ns && p->pidns_start_ns && p->exe_ctime_ns > p->pidns_start_ns &&
		       v_abstime(v, p->exe_ctime_ns - p->pidns_start_ns);
	case SG_F_PROC_PIDNS_INIT_START_TS: return p->pidns_start_ns && v_u64(v, p->pidns_start_ns);
	case SG_F_PROC_IS_EXE_WRITABLE: return v_bool(v, p->exe_flags & SG_EXE_WRITABLE);
	case SG_F_PROC_IS_EXE_UPPER_LAYER: return v_bool(v, p->exe_flags & SG_EXE_UPPER_LAYER);
	case SG_F_PROC_IS_EXE_LOWER_LAYER: return v_bool(v, p->exe_flags & SG_EXE_LOWER_LAYER);
	case SG_F_PROC_IS_EXE_FROM_MEMFD: return v_bool(v, p->exe_flags & SG_EXE_FROM_MEMFD);
	case SG_F_PROC_CMDLENARGS: return v_u64(v, args_chars(p));
	case SG_F_PROC_NTHREADS: return v_u64(v, p->nthreads);
	case SG_F_PROC_NCHILDS: return v_u64(v, p->nthreads ? p->nthreads - 1 : 0);
	case SG_F_PROC_FDOPENCOUNT: return v_u64(v, sg_state_fd_count(p));
	case SG_F_THREAD_CAP_PERMITTED: return p->caps_known && v_caps(v, a, p->cap_prm);
	case SG_F_THREAD_CAP_INHERITABLE: return p->caps_known && v_caps(v, a, p->cap_inh);
	case SG_F_THREAD_CAP_EFFECTIVE: return p->caps_known && v_caps(v, a, p->cap_eff);
	default: return false;
	}
}

static bool proc_field(struct sg_event *e, const struct sg_fieldref *ref,
		       struct sg_value *v, struct sg_arena *a)
{
	struct sg_proc *p = e->proc, *pp;
	switch (ref->id) {
	case SG_F_PROC_PID: return v_u64(v, e->pid);
	case SG_F_PROC_PPID: return v_u64(v, p ? p->ppid : e->ppid);
	case SG_F_PROC_NAME: return v_str(v, e->comm, comm_len(e->comm));
	default: break;
	}
	if (!p)
		return false;
	switch (ref->id) {
	case SG_F_PROC_EXE: return v_cstr(v, p->exe);
	case SG_F_PROC_EXEPATH: return v_cstr(v, p->exepath);
	case SG_F_PROC_CMDLINE: return cmdline_of(p, e->comm, v, a);
	case SG_F_PROC_EXELINE: return p->exe && cmdline_of(p, p->exe, v, a);
	case SG_F_PROC_ARGS:
		if (ref->index >= 0)
			return nth_arg(p, ref->index, v);
		return cmdline_of(p, NULL, v, a);
	case SG_F_PROC_CMDNARGS: return v_u64(v, p->nargs);
	case SG_F_PROC_ENV: return env_get(p, ref, v, a);
	case SG_F_PROC_CWD: return v_cstr(v, p->cwd);
	case SG_F_PROC_PNAME: return (pp = parent_of(e, p)) && v_cstr(v, pp->comm);
	case SG_F_PROC_PEXE: return (pp = parent_of(e, p)) && v_cstr(v, pp->exe);
	case SG_F_PROC_PEXEPATH: return (pp = parent_of(e, p)) && v_cstr(v, pp->exepath);
	case SG_F_PROC_PCMDLINE:
		return (pp = parent_of(e, p)) && cmdline_of(pp, pp->comm, v, a);
	case SG_F_PROC_ANAME:
	case SG_F_PROC_APID:
	case SG_F_PROC_AEXE:
	case SG_F_PROC_AEXEPATH:
	case SG_F_PROC_ACMDLINE: {
		int n = ref->index < 0 ? 1 : ref->index;
		struct sg_proc *an = ancestor(e, n);
		if (!an)
			return false;
		switch (ref->id) {
		case SG_F_PROC_APID: return v_u64(v, an->pid);
		case SG_F_PROC_AEXE: return v_cstr(v, an->exe);
		case SG_F_PROC_AEXEPATH: return v_cstr(v, an->exepath);
		case SG_F_PROC_ACMDLINE:
			return cmdline_of(an, n == 0 ? e->comm : an->comm, v, a);
		default:
			return n == 0 ? v_str(v, e->comm, comm_len(e->comm))
				      : v_cstr(v, an->comm);
		}
	}
	case SG_F_PROC_TTY: return v_u64(v, p->tty);
	case SG_F_PROC_SID: return v_u64(v, p->sid);
	case SG_F_PROC_PGID: return v_u64(v, p->pgid);
	case SG_F_PROC_VPID: return v_u64(v, p->vpid);
	case SG_F_PROC_LOGINSHELLID: return loginshellid(e, v);
	case SG_F_PROC_IS_CONTAINER:
		return v_bool(v, p->in_container ||
				 (p->container_id[0] && strcmp(p->container_id, "host") != 0));
	case SG_F_CONTAINER_ID:
		return v_str(v, p->container_id, strnlen(p->container_id, sizeof(p->container_id)));
	case SG_F_THREAD_VTID:
		if (e->tid == e->pid)
			return v_u64(v, p->vpid);
		/* outside a pid namespace the thread id is its own vtid */
		return p->vpid == p->pid && v_u64(v, e->tid);
	default: return proc_more(e, p, ref, v, a);
	}
}

/* ---- user.* / group.* / thread.* --------------------------------------- */

static bool user_field(struct sg_event *e, const struct sg_fieldref *ref,
		       struct sg_value *v)
{
	struct sg_state *st = e->state;
	switch (ref->id) {
	case SG_F_THREAD_TID: return v_u64(v, e->tid);
	case SG_F_THREAD_ISMAIN: return v_bool(v, e->tid == e->pid);
	case SG_F_USER_UID: return v_u64(v, e->uid);
	case SG_F_USER_NAME: return v_cstr(v, sg_user_name(st, e->uid));
	case SG_F_USER_HOMEDIR: return v_cstr(v, sg_user_home(st, e->uid));
	case SG_F_USER_SHELL: return v_cstr(v, sg_user_shell(st, e->uid));
	case SG_F_USER_LOGINUID:
		return v_s64(v, e->loginuid == UINT32_MAX ? -1 : (int64_t)e->loginuid);
	case SG_F_USER_LOGINNAME:
		return e->loginuid != UINT32_MAX && v_cstr(v, sg_user_name(st, e->loginuid));
	case SG_F_GROUP_GID: return v_u64(v, e->gid);
	case SG_F_GROUP_NAME: return v_cstr(v, sg_group_name(st, e->gid));
	default: return false;
	}
}

/* ---- fd.* -------------------------------------------------------------- */

static const uint8_t v4mapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};

static bool is_inet(const struct sg_fd *f)
{
	return (f->type == SG_FDT_IPV4 || f->type == SG_FDT_IPV6) &&
	       (f->tuple.family == AF_INET || f->tuple.family == AF_INET6);
}

/* side: 'c' client, 's' server, 'l' local, 'r' remote. */
static bool fd_endpoint(const struct sg_fd *f, char side, const uint8_t **addr,
			uint16_t *port)
{
	if (!is_inet(f))
		return false;
	bool local = side == 'l' || (side == 'c' && !f->is_server) ||
		     (side == 's' && f->is_server);
	*addr = local ? f->tuple.laddr : f->tuple.raddr;
	*port = local ? f->tuple.lport : f->tuple.rport;
	return true;
}

static bool fd_ip(const struct sg_fd *f, char side, struct sg_value *v, uint8_t type)
{
	const uint8_t *addr;
	uint16_t port;
	if (!fd_endpoint(f, side, &addr, &port))
		return false;
	v->type = type;
	memset(&v->ip, 0, sizeof(v->ip));
	if (f->tuple.family == AF_INET) {
		v->ip.family = 4;
		memcpy(v->ip.addr, addr, 4);
	} else if (memcmp(addr, v4mapped, sizeof(v4mapped)) == 0) {
		v->ip.family = 4; /* ::ffff:a.b.c.d is the IPv4 peer it carries */
		memcpy(v->ip.addr, addr + 12, 4);
	} else {
		v->ip.family = 6;
		memcpy(v->ip.addr, addr, 16);
	}
	return true;
}

/* fd.cip.name, fd.sip.name, fd.lip.name, fd.rip.name: the nth of the
 * names the filter resolved (state/dns.c) whose addresses include that
 * end's address, on an IP socket with a peer, as libs.  For the filter
 * (any-of) an address no name has is one empty value, so that '!= name'
 * holds there as libs' !match(name) does; printed, it is missing. */
static bool fd_ipname(struct sg_event *e, const struct sg_fieldref *ref, int n, bool filter,
		      struct sg_value *v)
{
	const struct sg_fd *f = e->fd;
	if (!f || e->fdnum < 0 || !is_inet(f) || !f->tuple.rport || n < 1)
		return false;
	char side = ref->id == SG_F_FD_CIP_NAME ? 'c' : ref->id == SG_F_FD_SIP_NAME ? 's'
		  : ref->id == SG_F_FD_LIP_NAME ? 'l' : 'r';
	struct sg_value ip;
	if (!fd_ip(f, side, &ip, SG_FT_IPADDR))
		return false;
	const char *name = sg_dns_name_nth(&ip.ip, n);
	if (name)
		return v_cstr(v, name);
	return filter && n == 1 && !sg_dns_name_nth(&ip.ip, 1) && v_str(v, "", 0);
}

static bool fd_port(const struct sg_fd *f, char side, struct sg_value *v)
{
	const uint8_t *addr;
	uint16_t port;
	if (!fd_endpoint(f, side, &addr, &port))
		return false;
	v->type = SG_FT_PORT;
	v->u = port;
	return true;
}

static bool fd_path_part(const struct sg_fd *f, bool dir, struct sg_value *v,
			 struct sg_arena *a)
{
	if (f->type != SG_FDT_FILE && f->type != SG_FDT_DIRECTORY && f->type != SG_FDT_PIPE)
		return false;
	const char *slash = f->name ? strrchr(f->name, '/') : NULL;
	if (!slash)
		return false;
	if (!dir)
		return v_cstr(v, slash + 1);
	size_t n = (size_t)(slash - f->name);
	return n ? v_arena(v, a, f->name, n) : v_cstr(v, "/");
}

static bool fd_l4proto(const struct sg_fd *f, struct sg_value *v)
{
	if (!is_inet(f))
		return false;
	switch (f->tuple.l4proto) {
	case IPPROTO_TCP: return v_cstr(v, "tcp");
	case IPPROTO_UDP: return v_cstr(v, "udp");
	case IPPROTO_ICMP:
	case IPPROTO_ICMPV6: return v_cstr(v, "icmp");
	default: return v_cstr(v, "raw");
	}
}

/* fd.nameraw: the path as the open passed it, with runs of '/' made one
 * (libs' remove_duplicate_path_separators); "" for an fd not opened by a
 * path in sysgrep's view, as libs has it. */
static bool fd_nameraw(const struct sg_fd *f, struct sg_value *v, struct sg_arena *a)
{
	const char *s = f->name_raw ? f->name_raw : f->raw_is_name ? f->name : "";
	size_t n = strlen(s);
	char *d = sg_arena_alloc(a, n + 1);
	size_t k = 0;

	if (!d)
		return false;
	for (size_t i = 0; i < n; i++)
		if (s[i] != '/' || k == 0 || d[k - 1] != '/')
			d[k++] = s[i];
	d[k] = 0;
	return v_str(v, d, k);
}

static bool open_path_raw(const struct sg_event *e, struct sg_value *v, struct sg_arena *a)
{
	if (!is_syscall(e) || !e->def || !(e->def->flags & SG_SC_OPEN))
		return false;
	for (unsigned i = 0; i < nparams(e); i++) {
		const struct sg_param *p = &e->params[i];
		if (!p->def || p->def->type != SG_PT_PATH || !has_value(p))
			continue;
		struct sg_fd tmp = {0};
		char *s = sg_arena_alloc(a, p->len + 1);
		if (!s)
			return false;
		memcpy(s, p->data, p->len);
		s[p->len] = 0;
		tmp.name_raw = s;
		return fd_nameraw(&tmp, v, a);
	}
	return false;
}

static bool fd_field(struct sg_event *e, const struct sg_fieldref *ref, int n,
		     struct sg_value *v, struct sg_arena *a)
{
	static const char typechars[SG_FDT_MAX][2] = {
#define SG_FDT_TC(id, s, c) {c, 0},
		SG_FDTYPES(SG_FDT_TC)
#undef SG_FDT_TC
	};
	if (ref->id == SG_F_FD_NUM)
		return e->fdnum >= 0 && v_s64(v, e->fdnum);
	if (ref->id == SG_F_FD_NAMERAW && !e->fd)
		return open_path_raw(e, v, a); /* a failed open: what it asked for */
	if (sg_fields[ref->id].flags & SG_FF_RESOLVER)
		return fd_ipname(e, ref, 1, false, v);
	const struct sg_fd *f = e->fd;
	if (!f || e->fdnum < 0)
		return false;
	char any = n == 2 ? 's' : 'c'; /* any-of fields: 1 client, 2 server */
	if (n > 2)
		return false;
	switch (ref->id) {
	case SG_F_FD_TYPE: return v_cstr(v, sg_fdtype_name(f->type));
	case SG_F_FD_TYPECHAR:
		return f->type < SG_FDT_MAX && v_str(v, typechars[f->type], 1);
	case SG_F_FD_NAME: return v_str(v, f->name ? f->name : "", sg_fd_name_len(f));
	case SG_F_FD_DIRECTORY: return fd_path_part(f, true, v, a);
	case SG_F_FD_FILENAME: return fd_path_part(f, false, v, a);
	case SG_F_FD_CIP: return fd_ip(f, 'c', v, SG_FT_IPADDR);
	case SG_F_FD_SIP: return fd_ip(f, 's', v, SG_FT_IPADDR);
	case SG_F_FD_LIP: return fd_ip(f, 'l', v, SG_FT_IPADDR);
	case SG_F_FD_RIP: return fd_ip(f, 'r', v, SG_FT_IPADDR);
	case SG_F_FD_IP: return fd_ip(f, any, v, SG_FT_IPADDR);
	case SG_F_FD_CPORT: return fd_port(f, 'c', v);
	case SG_F_FD_SPORT: return fd_port(f, 's', v);
	case SG_F_FD_LPORT: return fd_port(f, 'l', v);
	case SG_F_FD_RPORT: return fd_port(f, 'r', v);
	case SG_F_FD_PORT: return fd_port(f, any, v);
	case SG_F_FD_L4PROTO: return fd_l4proto(f, v);
	case SG_F_FD_SOCKFAMILY:
		if (is_inet(f))
			return v_cstr(v, "ip");
		return f->type == SG_FDT_UNIX && v_cstr(v, "unix");
	case SG_F_FD_IS_SERVER: return v_bool(v, f->is_server);
	case SG_F_FD_NET: return fd_ip(f, any, v, SG_FT_IPNET);
	case SG_F_FD_CNET: return fd_ip(f, 'c', v, SG_FT_IPNET);
	case SG_F_FD_SNET: return fd_ip(f, 's', v, SG_FT_IPNET);
	case SG_F_FD_LNET: return fd_ip(f, 'l', v, SG_FT_IPNET);
	case SG_F_FD_RNET: return fd_ip(f, 'r', v, SG_FT_IPNET);
	case SG_F_FD_NAMERAW: return fd_nameraw(f, v, a);
	case SG_F_FD_CONNECTED: return v_bool(v, f->connected);
	case SG_F_FD_NAME_CHANGED: return v_bool(v, e->fd_name_changed);
	default: return false;
	}
}

/* ---- fs.path.* --------------------------------------------------------- */

/* rename*, link*, symlink*: a source and a target instead of one path. */
static bool two_paths(const struct sg_event *e)
{
	const char *n = e->def ? e->def->name : "";
	return strncmp(n, "rename", 6) == 0 || strncmp(n, "link", 4) == 0 ||
	       strncmp(n, "symlink", 7) == 0;
}

static bool fs_path(struct sg_event *e, unsigned id, struct sg_value *v, struct sg_arena *a)
{
	if (!is_syscall(e) || !e->def)
		return false;
	const struct sg_param *first = NULL, *last = NULL;
	for (unsigned i = 0; i < nparams(e); i++) {
		const struct sg_param *p = &e->params[i];
		if (!p->def || p->def->type != SG_PT_PATH)
			continue;
		if (!first)
			first = p;
		last = p;
	}
	const struct sg_param *p;
	if (id == SG_F_FS_PATH_NAME) {
		p = two_paths(e) ? NULL : first;
	} else if (!two_paths(e)) {
		return false;
	} else if (id == SG_F_FS_PATH_TARGET) {
		p = last;
	} else {
		/* symlink's source is the link's content, kept as written */
		const struct sg_param *t = sg_event_param(e, "target");
		if (t && t->def->type != SG_PT_PATH) {
			if (!has_value(t))
				return false;
			const char *s = (const char *)t->data;
			return v_str(v, s, strnlen(s, t->len));
		}
		p = first != last ? first : NULL;
	}
	if (!has_value(p))
		return false;
	struct sg_strbuf *b = scratch();
	return sg_state_path(e, p, b) && v_sb(v, a, b);
}

/* ---- entry points ------------------------------------------------------ */

static bool get(struct sg_event *e, const struct sg_fieldref *ref, int n,
		struct sg_value *v, struct sg_arena *a)
{
	if (ref->id >= SG_F_MAX)
		return false;
	switch (fclass_of[ref->id]) {
	case FC_EVT: return evt_field(e, ref, v, a);
	case FC_FD: return fd_field(e, ref, n, v, a);
	case FC_FS: return fs_path(e, ref->id, v, a);
	case FC_USER: return user_field(e, ref, v);
	case FC_CONTAINER: return sg_container_field(e, ref, v, a);
	case FC_THREAD:
		if (ref->id == SG_F_THREAD_TID || ref->id == SG_F_THREAD_ISMAIN)
			return user_field(e, ref, v);
		return proc_field(e, ref, v, a);
	default: return proc_field(e, ref, v, a);
	}
}

bool sg_field_get(struct sg_event *e, const struct sg_fieldref *ref, struct sg_value *v,
		  struct sg_arena *a)
{
	if (!e || !ref || !v)
		return false;
	return get(e, ref, 1, v, a);
}

bool sg_field_get_nth(struct sg_event *e, const struct sg_fieldref *ref, int n,
		      struct sg_value *v, struct sg_arena *a)
{
	if (!e || !ref || !v || n < 1)
		return false;
	const struct sg_field_info *f = &sg_fields[ref->id < SG_F_MAX ? ref->id : 0];
	if (f->argmode == SG_ARG_OPTINDEX && ref->index < 0) {
		struct sg_fieldref r = *ref;
		r.index = n;
		return get(e, &r, 1, v, a);
	}
	if (f->flags & SG_FF_RESOLVER)
		return fd_ipname(e, ref, n, true, v);
	if (f->flags & SG_FF_FILTERONLY)
		return get(e, ref, n, v, a);
	return n == 1 && get(e, ref, 1, v, a);
}

/* ---- specialised getters (sg_field_getter) ------------------------------ */

static bool get_proc_name(struct sg_event *e, const struct sg_fieldref *ref,
			  struct sg_value *v, struct sg_arena *a)
{
	(void)ref, (void)a;
	return v_str(v, e->comm, comm_len(e->comm));
}

static bool get_proc_pid(struct sg_event *e, const struct sg_fieldref *ref,
			 struct sg_value *v, struct sg_arena *a)
{
	(void)ref, (void)a;
	return v_u64(v, e->pid);
}

static bool get_thread_tid(struct sg_event *e, const struct sg_fieldref *ref,
			   struct sg_value *v, struct sg_arena *a)
{
	(void)ref, (void)a;
	return v_u64(v, e->tid);
}

static bool get_user_uid(struct sg_event *e, const struct sg_fieldref *ref,
			 struct sg_value *v, struct sg_arena *a)
{
	(void)ref, (void)a;
	return v_u64(v, e->uid);
}

static bool get_fd_name(struct sg_event *e, const struct sg_fieldref *ref,
			struct sg_value *v, struct sg_arena *a)
{
	(void)ref, (void)a;
	const struct sg_fd *f = e->fd;
	if (!f || e->fdnum < 0)
		return false;
	return v_str(v, f->name ? f->name : "", sg_fd_name_len(f));
}

static bool get_evt_type(struct sg_event *e, const struct sg_fieldref *ref,
			 struct sg_value *v, struct sg_arena *a)
{
	(void)ref, (void)a;
	if (!e->def || !e->def->name)
		return false;
	v_cstr(v, e->def->name);
	v->type = SG_FT_SYSCALL;
	return true;
}

/* The event's own numbers, for the fields every output line prints. */
static bool get_evt_num(struct sg_event *e, const struct sg_fieldref *ref,
			struct sg_value *v, struct sg_arena *a)
{
	(void)ref, (void)a;
	return v_u64(v, e->num);
}

static bool get_evt_cpu(struct sg_event *e, const struct sg_fieldref *ref,
			struct sg_value *v, struct sg_arena *a)
{
	(void)ref, (void)a;
	return v_u64(v, e->cpu);
}

static bool get_evt_rawres(struct sg_event *e, const struct sg_fieldref *ref,
			   struct sg_value *v, struct sg_arena *a)
{
	(void)ref, (void)a;
	return v_s64(v, e->res);
}

static bool get_evt_dir(struct sg_event *e, const struct sg_fieldref *ref,
			struct sg_value *v, struct sg_arena *a)
{
	(void)e, (void)ref, (void)a;
	return v_str(v, "<", 1);
}

sg_field_fn sg_field_getter(const struct sg_fieldref *ref)
{
	if (!ref)
		return sg_field_get;
	switch (ref->id) {
	case SG_F_EVT_NUM: return get_evt_num;
	case SG_F_EVT_CPU: return get_evt_cpu;
	case SG_F_EVT_RAWRES: return get_evt_rawres;
	case SG_F_EVT_DIR: return get_evt_dir;
	case SG_F_PROC_NAME: return get_proc_name;
	case SG_F_PROC_PID: return get_proc_pid;
	case SG_F_THREAD_TID: return get_thread_tid;
	case SG_F_USER_UID: return get_user_uid;
	case SG_F_FD_NAME: return get_fd_name;
	case SG_F_EVT_TYPE: return get_evt_type;
	default: return sg_field_get;
	}
}
