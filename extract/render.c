/*
 * Parameter rendering, following what sysdig prints for each Falco type
 * (sinsp_evt::get_param_as_str), with these choices of ours:
 *   - a value cut at its bound (SG_PARAM_TRUNC) is followed by "...";
 *   - a value the probe could not read (SG_PARAM_FAULT) is "<fault>";
 *   - a captured value the probe did not send (condition not met) is
 *     "NULL", as sysdig shows empty parameters;
 *   - CHARBUFARRAY (argv, env) shows each string followed by '.', as sysdig
 *     shows execve's args ("-c.ls."), but keeps the other bytes as they are;
 *   - FDPAIR (pipe, socketpair) is "fd1=3(<p>) fd2=4(<p>)" in evt.args, as
 *     Falco has two parameters there; one value alone is "3(<p>),4(<p>)".
 * Text is kept raw here (paths may hold newlines or escape sequences): the
 * output formats escape it for their medium.
 */
#include "extract/render.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <sys/socket.h>
#include <sys/un.h>

#include "state/state.h"
#include "event/abi.h"
#include "event/flagtables.h"

/*
 * An event's tuple shows the direction of the data, as Falco's driver does:
 * calls that take data or a connection in (accept, recvfrom, read-like) print
 * remote->local, the others local->remote.  fd.name, from state, is always
 * client->server instead.
 */
static bool tuple_inbound(const struct sg_event *e, const struct sg_param *p)
{
	if (p->def->cap == SG_CAP_RES_TUPLE)
		return true;
	return e && e->def && (e->def->flags & SG_SC_READ);
}

static void render_tuple_param(struct sg_strbuf *b, const struct sg_event *e,
			       const struct sg_param *p)
{
	struct sg_tuple t;

	if (p->len < sizeof(t)) {
		sg_sb_puts(b, "NULL");
		return;
	}
	memcpy(&t, p->data, sizeof(t));
	if (t.family == 0) {
		sg_sb_puts(b, "NULL");
		return;
	}
	sg_render_tuple(b, &t, tuple_inbound(e, p), (const char *)p->data + sizeof(t),
			p->len - (uint32_t)sizeof(t));
}

/* ---- numbers with names ---------------------------------------------- */

/* "(name)" after a number; nothing for NULL. */
static void put_paren(struct sg_strbuf *b, const char *name)
{
	if (!name)
		return;
	sg_sb_putc(b, '(');
	sg_sb_puts(b, name);
	sg_sb_putc(b, ')');
}

static void render_errno(struct sg_strbuf *b, int64_t v)
{
	const char *name = v < 0 && v > -4096 ? sg_errno_name((int)-v) : NULL;

	sg_sb_i64(b, v);
	put_paren(b, name);
}

static const struct sg_fd *find_fd(const struct sg_event *e, int64_t fd)
{
	/* the event's own fd is resolved already, even when the state layer
	 * has dropped it from the table (close) */
	if (e->fd && e->fdnum == fd)
		return e->fd;
	if (!e->state)
		return NULL;
	return sg_state_fd(e->state, e->pid, fd);
}

/* libs' second type letter of an IP socket: its l4 protocol (t, u, i, r),
 * none while unknown; a SOCK_RAW socket is raw whatever its protocol, as
 * libs' socket parser decides. */
static char l4_char(const struct sg_fd *f)
{
	if (f->type != SG_FDT_IPV4 && f->type != SG_FDT_IPV6)
		return 0;
	if (f->tuple.type == SOCK_RAW)
		return 'r';
	switch (f->tuple.l4proto) {
	case IPPROTO_TCP: return 't';
	case IPPROTO_UDP: return 'u';
	case IPPROTO_ICMP:
	case IPPROTO_ICMPV6: return 'i';
	case IPPROTO_RAW: return 'r';
	default: return 0;
	}
}

static void render_fd(struct sg_strbuf *b, const struct sg_event *e, int64_t fd)
{
	if (fd < 0) {
		render_errno(b, fd);
		return;
	}
	sg_sb_i64(b, fd);
	const struct sg_fd *f = find_fd(e, fd);
	if (!f)
		return;
	char open[4] = {'(', '<', sg_fdtype_char(f->type), l4_char(f)};
	sg_sb_put(b, open, open[3] ? 4 : 3);
	sg_sb_putc(b, '>');
	if (f->name)
		sg_sb_puts(b, f->name);
	sg_sb_putc(b, ')');
}

/* uid/gid (uint32_t)-1 means "unchanged" (setresuid): shown as -1. */
static int is_minus_one_id(int64_t v)
{
	return v == -1 || v == (int64_t)UINT32_MAX;
}

/* As libs renders PT_UID / PT_GID: "-1(<NONE>)" for -1, else the id and
 * its name, or "<NA>" when it has none (no such user, no state). */
static void render_id(struct sg_strbuf *b, const struct sg_event *e, int64_t v, bool gid)
{
	if (is_minus_one_id(v)) {
		sg_sb_puts(b, "-1(<NONE>)");
		return;
	}
	sg_sb_u64(b, (uint32_t)v);
	const char *name = NULL;
	if (e->state)
		name = gid ? sg_group_name(e->state, (uint32_t)v)
			   : sg_user_name(e->state, (uint32_t)v);
	put_paren(b, name && *name ? name : "<NA>");
}

static void render_pid(struct sg_strbuf *b, const struct sg_event *e, int64_t v)
{
	sg_sb_i64(b, v);
	if (v <= 0 || v > UINT32_MAX)
		return;
	const char *comm = NULL;
	if ((uint32_t)v == e->pid && e->proc)
		comm = e->proc->comm;
	else if (e->state) {
		const struct sg_proc *pr = sg_state_proc(e->state, (uint32_t)v);
		comm = pr ? pr->comm : NULL;
	}
	if (comm && *comm) {
		sg_sb_putc(b, '(');
		sg_sb_put(b, comm, strnlen(comm, SG_COMM_LEN));
		sg_sb_putc(b, ')');
	}
}

/* "4097(O_RDONLY|O_CLOEXEC)"; just the number when no name applies. */
static void render_named(struct sg_strbuf *b, unsigned table, uint64_t v, int is_enum)
{
	sg_sb_u64(b, v);
	size_t mark = b->len;
	sg_sb_putc(b, '(');
	if (table == 0 || sg_flags_render(b, table, v, is_enum) <= 0 || b->len == mark + 1) {
		b->len = mark;
		if (b->p)
			b->p[mark] = 0;
		return;
	}
	sg_sb_putc(b, ')');
}

static void render_dirfd(struct sg_strbuf *b, const struct sg_event *e, int64_t v)
{
	if (v == -100) { /* AT_FDCWD, the same value on every architecture */
		sg_sb_puts(b, "-100(AT_FDCWD)");
		return;
	}
	render_fd(b, e, v);
}

/* ---- captured bytes --------------------------------------------------- */

/* sysdig's buffer rendering: printable ASCII kept, anything else '.'. */
static void render_dotted(struct sg_strbuf *b, const uint8_t *d, uint32_t len)
{
	char chunk[256];
	uint32_t n = 0;

	for (uint32_t i = 0; i < len; i++) {
		chunk[n++] = d[i] >= 0x20 && d[i] < 0x7f ? (char)d[i] : '.';
		if (n == sizeof(chunk)) {
			sg_sb_put(b, chunk, n);
			n = 0;
		}
	}
	sg_sb_put(b, chunk, n);
}

/*
 * argv / env, NUL separated (the last terminator may be there or not).
 * sysdig shows each string followed by '.' ("-c.ls."); the plain form
 * (sep ' ') joins them like proc.args.  Other bytes stay raw.
 */
static void render_strarray(struct sg_strbuf *b, const uint8_t *d, uint32_t len, char sep)
{
	uint32_t start = 0;

	if (len && d[len - 1] == 0)
		len--;
	for (uint32_t i = 0; i < len; i++) {
		if (d[i])
			continue;
		sg_sb_put(b, d + start, i - start);
		sg_sb_putc(b, sep);
		start = i + 1;
	}
	sg_sb_put(b, d + start, len - start);
	if (sep == '.' && len)
		sg_sb_putc(b, '.');
}

static void render_hexbytes(struct sg_strbuf *b, const uint8_t *d, uint32_t len)
{
	static const char hex[] = "0123456789abcdef";
	char *out = sg_sb_room(b, (size_t)len * 2);

	if (!out)
		return;
	for (uint32_t i = 0; i < len; i++) {
		out[2 * i] = hex[d[i] >> 4];
		out[2 * i + 1] = hex[d[i] & 15];
	}
	sg_sb_commit(b, (size_t)len * 2);
}

/* The two ints of a pipe / socketpair; false when not captured whole. */
static bool fdpair(const struct sg_param *p, int64_t out[2])
{
	int32_t v[2];

	if (!(p->flags & SG_PARAM_DATA) || p->len < sizeof(v))
		return false;
	memcpy(v, p->data, sizeof(v));
	out[0] = v[0];
	out[1] = v[1];
	return true;
}

static void render_fdpair(struct sg_strbuf *b, const struct sg_event *e,
			  const struct sg_param *p, bool names)
{
	int64_t fds[2];

	if (p->flags & SG_PARAM_FAULT) {
		sg_sb_puts(b, names ? "fd1=<fault> fd2=<fault>" : "<fault>");
		return;
	}
	if (!fdpair(p, fds)) {
		sg_sb_puts(b, names ? "fd1=NULL fd2=NULL" : "NULL");
		return;
	}
	sg_sb_puts(b, names ? "fd1=" : "");
	render_fd(b, e, fds[0]);
	sg_sb_puts(b, names ? " fd2=" : ",");
	render_fd(b, e, fds[1]);
}

static bool is_captured_type(unsigned t)
{
	switch (t) {
	case SG_PT_PATH:
	case SG_PT_STR:
	case SG_PT_BYTES:
	case SG_PT_SOCKADDR:
	case SG_PT_TUPLE:
	case SG_PT_FDPAIR:
	case SG_PT_CHARBUFARRAY:
	case SG_PT_RAW:
		return true;
	default:
		return false;
	}
}

/* Markers for captured values without bytes; true when one was written. */
static bool render_missing(struct sg_strbuf *b, const struct sg_param *p)
{
	if (p->flags & SG_PARAM_FAULT) {
		sg_sb_puts(b, "<fault>");
		return true;
	}
	if (!(p->flags & SG_PARAM_DATA) || (!p->data && p->len)) {
		sg_sb_puts(b, "NULL");
		return true;
	}
	return false;
}

static void render_captured(struct sg_strbuf *b, const struct sg_event *e,
			    const struct sg_param *p, bool plain)
{
	if (render_missing(b, p))
		return;
	switch (p->def->type) {
	case SG_PT_BYTES:
		if (plain)
			sg_sb_put(b, p->data, p->len);
		else
			render_dotted(b, p->data, p->len);
		break;
	case SG_PT_CHARBUFARRAY:
		/* plain: what proc.args shows, for comparisons */
		render_strarray(b, p->data, p->len, plain ? ' ' : '.');
		break;
	case SG_PT_SOCKADDR:
		sg_render_sockaddr(b, p->data, p->len);
		break;
	case SG_PT_TUPLE:
		render_tuple_param(b, e, p);
		break;
	case SG_PT_FDPAIR:
		render_fdpair(b, e, p, false);
		break;
	case SG_PT_RAW:
		render_hexbytes(b, p->data, p->len);
		break;
	default: /* PATH, STR: the bytes up to a NUL, if the probe kept one */
		sg_sb_put(b, p->data, sg_strnlen32((const char *)p->data, p->len));
		break;
	}
	if (!plain && (p->flags & SG_PARAM_TRUNC))
		sg_sb_puts(b, "...");
}

/* Numeric types whose value is signed. */
static bool is_signed_type(unsigned t)
{
	return t == SG_PT_INT || t == SG_PT_ERRNO || t == SG_PT_FD ||
	       t == SG_PT_DIRFD || t == SG_PT_PID;
}

/* libs' PT_ABSTIME text: "2024-05-01 12:34:56.123456789 +0200", local time;
 * 0 (unknown) stays 0. */
static void render_abstime(struct sg_strbuf *b, uint64_t v)
{
	time_t sec = (time_t)(v / 1000000000u);
	struct tm tm;
	char buf[64];

	if (!v || !localtime_r(&sec, &tm)) {
		sg_sb_u64(b, v);
		return;
	}
	size_t n = strftime(buf, sizeof(buf), "%Y-%m-%d %H:%M:%S", &tm);
	int m = snprintf(buf + n, sizeof(buf) - n, ".%09u ", (unsigned)(v % 1000000000u));
	if (m > 0 && (size_t)m < sizeof(buf) - n)
		n += (size_t)m;
	n += strftime(buf + n, sizeof(buf) - n, "%z", &tm);
	sg_sb_put(b, buf, n);
}

static void render_plain_number(struct sg_strbuf *b, unsigned t, int64_t v)
{
	if (t == SG_PT_HEX || t == SG_PT_DEV) {
		sg_sb_put(b, "0x", 2);
		sg_sb_hex64(b, (uint64_t)v);
	} else if (t == SG_PT_MODE)
		sg_sb_oct64(b, (uint64_t)v);
	else if ((t == SG_PT_UID || t == SG_PT_GID) && is_minus_one_id(v))
		sg_sb_puts(b, "-1");
	else if (is_signed_type(t))
		sg_sb_i64(b, v);
	else
		sg_sb_u64(b, (uint64_t)v);
}

/* The value of a numeric parameter (captured ones too: pipe's fds, a field
 * of a user struct); false, with a marker written, when there is none. */
static bool number_of(struct sg_strbuf *b, const struct sg_param *p, int64_t *v)
{
	if (p->flags & SG_PARAM_FAULT) {
		sg_sb_puts(b, "<fault>");
		return false;
	}
	if (!sg_param_num(p, v)) {
		sg_sb_puts(b, "NULL");
		return false;
	}
	return true;
}

/*
 * A relative path's absolute form, as libs resolves PT_FSPATH and
 * PT_FSRELPATH (against the dirfd or cwd): appended to b, false when the
 * path is absolute, empty, cut or cannot be resolved.  The state layer
 * computes it, the same as fs.path.name.
 */
static bool resolve_path(struct sg_strbuf *b, const struct sg_event *e,
			 const struct sg_param *p)
{
	if (!e || p->def->type != SG_PT_PATH || (p->flags & (SG_PARAM_FAULT | SG_PARAM_TRUNC)) ||
	    !(p->flags & SG_PARAM_DATA) || !p->data || !p->len)
		return false;
	const char *s = (const char *)p->data;
	if (s[0] == '/' || s[0] == 0)
		return false;
	struct sg_strbuf abs;
	sg_sb_init(&abs);
	/* sg_state_path only reads the event (it is not const for its other
	 * callers) and writes from the start of its buffer */
	bool ok = sg_state_path((struct sg_event *)e, p, &abs) && abs.len && !abs.oom;
	if (ok)
		sg_sb_put(b, abs.p, abs.len);
	sg_sb_free(&abs);
	return ok;
}

/* "name(/abs/dir/name)" for a relative path, as sysdig prints it. */
static void render_path_resolved(struct sg_strbuf *b, const struct sg_event *e,
				 const struct sg_param *p)
{
	size_t mark = b->len;
	sg_sb_putc(b, '(');
	if (!resolve_path(b, e, p)) {
		b->len = mark;
		if (b->p)
			b->p[mark] = 0;
		return;
	}
	sg_sb_putc(b, ')');
}

void sg_render_param(struct sg_strbuf *b, const struct sg_event *e,
		     const struct sg_param *p)
{
	int64_t v;

	if (!p || !p->def)
		return;
	const struct sg_param_def *d = p->def;
	if (is_captured_type(d->type)) {
		render_captured(b, e, p, false);
		if (d->type == SG_PT_PATH)
			render_path_resolved(b, e, p);
		return;
	}
	if (!number_of(b, p, &v))
		return;
	switch (d->type) {
	case SG_PT_ERRNO:
		render_errno(b, v);
		break;
	case SG_PT_FD:
		render_fd(b, e, v);
		break;
	case SG_PT_DIRFD:
		render_dirfd(b, e, v);
		break;
	case SG_PT_PID:
		render_pid(b, e, v);
		break;
	case SG_PT_UID:
	case SG_PT_GID:
		render_id(b, e, v, d->type == SG_PT_GID);
		break;
	case SG_PT_FLAGS:
		render_named(b, d->table, (uint64_t)v, 0);
		break;
	case SG_PT_ENUM:
		render_named(b, d->table, (uint64_t)v, 1);
		break;
	case SG_PT_SIGNAL:
		render_named(b, d->table ? d->table : SG_TBL_SIGNALS, (uint64_t)v, 1);
		break;
	case SG_PT_ABSTIME:
		render_abstime(b, (uint64_t)v);
		break;
	default:
		render_plain_number(b, d->type, v);
		break;
	}
}

void sg_render_param_plain(struct sg_strbuf *b, const struct sg_event *e,
			   const struct sg_param *p)
{
	int64_t v;

	if (!p || !p->def)
		return;
	if (is_captured_type(p->def->type)) {
		render_captured(b, e, p, true);
		return;
	}
	if (number_of(b, p, &v))
		render_plain_number(b, p->def->type, v);
}

void sg_render_param_resolved(struct sg_strbuf *b, const struct sg_event *e,
			       const struct sg_param *p)
{
	size_t mark = b->len;

	/* a relative path resolves to its absolute form, as libs' resolved
	 * PT_FSPATH/PT_FSRELPATH value (evt.rawarg.X keeps what was passed);
	 * other captured values as rendered */
	if (p && p->def && is_captured_type(p->def->type)) {
		if (!resolve_path(b, e, p))
			render_captured(b, e, p, false);
		return;
	}
	sg_render_param(b, e, p);
	if (!p || !p->def || b->len == mark)
		return;
	/* numbers render as "N" or "N(resolved)", and N has no '(' */
	char *open = memchr(b->p + mark, '(', b->len - mark);
	if (!open || b->p[b->len - 1] != ')')
		return;
	size_t n = (size_t)(b->p + b->len - 1 - (open + 1));
	memmove(b->p + mark, open + 1, n);
	b->len = mark + n;
	b->p[b->len] = 0;
}

/* " name=0x1f" / " name=-3" of a plain number argument (not captured,
 * not resolved: HEX, INT, UINT), written with one reservation; false for
 * any other parameter.  Generic syscalls have six of them, and they were
 * most of the cost of their lines. */
static bool render_plain_arg(struct sg_strbuf *b, const struct sg_param *p, bool space)
{
	const struct sg_param_def *d = p->def;
	unsigned t = d->type;

	if ((t != SG_PT_HEX && t != SG_PT_INT && t != SG_PT_UINT) || d->src == SG_SRC_CAP ||
	    (p->flags & SG_PARAM_FAULT))
		return false;
	size_t nl = strlen(d->name);
	char *o = sg_sb_room(b, nl + 24);
	if (!o)
		return true;
	size_t at = 0;
	if (space)
		o[at++] = ' ';
	memcpy(o + at, d->name, nl);
	at += nl;
	o[at++] = '=';
	uint64_t v = (uint64_t)p->num;
	if (t == SG_PT_HEX) {
		o[at++] = '0';
		o[at++] = 'x';
		at += sg_fmt_hex64(o + at, v);
	} else {
		char digits[24], *end = digits + sizeof(digits), *q;
		if (t == SG_PT_INT && p->num < 0) {
			q = sg_fmt_u64(end, 0 - v);
			*--q = '-';
		} else {
			q = sg_fmt_u64(end, v);
		}
		memcpy(o + at, q, (size_t)(end - q));
		at += (size_t)(end - q);
	}
	sg_sb_commit(b, at);
	return true;
}

bool sg_render_args(struct sg_strbuf *b, const struct sg_event *e)
{
	unsigned n = e->nparams < SG_MAX_PARAMS ? e->nparams : SG_MAX_PARAMS;
	bool first = true, plain = true;

	for (unsigned i = 0; i < n; i++) {
		const struct sg_param *p = &e->params[i];
		if (!p->def || !p->def->name)
			continue;
		if (render_plain_arg(b, p, !first)) {
			first = false;
			continue;
		}
		if (!first)
			sg_sb_putc(b, ' ');
		first = false;
		if (p->def->type == SG_PT_FDPAIR) {
			render_fdpair(b, e, p, true);
			plain = false;
			continue;
		}
		sg_sb_puts(b, p->def->name);
		sg_sb_putc(b, '=');
		sg_render_param(b, e, p);
		/* a result is digits, and an errno's name in brackets */
		if (p->def->type != SG_PT_ERRNO)
			plain = false;
	}
	return plain;
}
