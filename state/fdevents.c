/*
 * What each syscall does to the fd table and the cwd, applied from its
 * event: new fds (open, socket, accept, pipe, dup, eventfd...), socket
 * tuples (connect, bind, listen), cwd (chdir), and removals (close).
 * Values come from the event's parameters when the table captures them,
 * from the raw arguments when the meaning is fixed by the kernel ABI.
 */
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>

#include "state/state_int.h"
#include "event/flagtables.h"

#ifndef CLOSE_RANGE_CLOEXEC
#define CLOSE_RANGE_CLOEXEC (1U << 2)
#endif
#define SG_F_DUPFD 0
#define SG_F_SETFD 2
#define SG_F_DUPFD_CLOEXEC 1030
#define SG_MFD_CLOEXEC 1u

static const struct {
	const char *name;
	uint8_t act;
} act_names[] = {
	{"open", SG_ACT_OPEN},		    {"openat", SG_ACT_OPEN},
	{"openat2", SG_ACT_OPEN},	    {"creat", SG_ACT_OPEN},
	{"open_by_handle_at", SG_ACT_OPEN}, {"socket", SG_ACT_SOCKET},
	{"socketpair", SG_ACT_SOCKETPAIR},  {"accept", SG_ACT_ACCEPT},
	{"accept4", SG_ACT_ACCEPT},	    {"pipe", SG_ACT_PIPE},
	{"pipe2", SG_ACT_PIPE},		    {"dup", SG_ACT_DUP},
	{"dup2", SG_ACT_DUP},		    {"dup3", SG_ACT_DUP},
	{"fcntl", SG_ACT_FCNTL},	    {"eventfd", SG_ACT_EVENTFD},
	{"eventfd2", SG_ACT_EVENTFD},	    {"signalfd", SG_ACT_SIGNALFD},
	{"signalfd4", SG_ACT_SIGNALFD},	    {"inotify_init", SG_ACT_INOTIFY},
	{"inotify_init1", SG_ACT_INOTIFY},  {"timerfd_create", SG_ACT_TIMERFD},
	{"epoll_create", SG_ACT_EPOLL},	    {"epoll_create1", SG_ACT_EPOLL},
	{"memfd_create", SG_ACT_MEMFD},	    {"userfaultfd", SG_ACT_USERFAULTFD},
	{"io_uring_setup", SG_ACT_IO_URING}, {"bpf", SG_ACT_BPF},
	{"connect", SG_ACT_CONNECT},	    {"bind", SG_ACT_BIND},
	{"listen", SG_ACT_LISTEN},	    {"chdir", SG_ACT_CHDIR},
	{"fchdir", SG_ACT_FCHDIR},	    {"close", SG_ACT_CLOSE},
	{"close_range", SG_ACT_CLOSE_RANGE}, {"capset", SG_ACT_CAPSET},
	{"setsid", SG_ACT_SETSID},	    {"setpgid", SG_ACT_SETPGID},
};

enum sg_act sg_act_of(const struct sg_syscall_def *def)
{
	if (!def || !def->name)
		return SG_ACT_NONE;
	for (size_t i = 0; i < sizeof(act_names) / sizeof(act_names[0]); i++)
		if (strcmp(def->name, act_names[i].name) == 0)
			return (enum sg_act)act_names[i].act;
	if ((def->flags & SG_SC_NET) && (def->flags & (SG_SC_READ | SG_SC_WRITE)))
		return SG_ACT_NETIO;
	return def->flags & SG_SC_FD_RES ? SG_ACT_NEWFD : SG_ACT_NONE;
}

unsigned sg_state_sel(const struct sg_syscall_def *d)
{
	if (!d)
		return 0;
	enum sg_act act = sg_act_of(d);
	if (act == SG_ACT_NETIO)
		return SG_SEL_STATE_DGRAM;
	return act != SG_ACT_NONE || (d->flags & SG_SC_STATE) ? SG_SEL_STATE : 0;
}

/* ---- parameters -------------------------------------------------------- */

static const struct sg_param *param_of_type(const struct sg_event *e, unsigned type)
{
	unsigned n = e->nparams < SG_MAX_PARAMS ? e->nparams : SG_MAX_PARAMS;
	for (unsigned i = 0; i < n; i++)
		if (e->params[i].def && e->params[i].def->type == type)
			return &e->params[i];
	return NULL;
}

static bool has_data(const struct sg_param *p)
{
	return p && (p->flags & SG_PARAM_DATA) && p->data && p->len;
}

static bool num_by_name(const struct sg_event *e, const char *name, int64_t *v)
{
	return sg_param_num(sg_event_param(e, name), v);
}

static int32_t arg_int(const struct sg_event *e, int i)
{
	return (int32_t)(uint32_t)e->args[i];
}

/* ---- fd helpers -------------------------------------------------------- */

static struct sg_fd *add_fd(struct sg_state *st, struct sg_proc *p, int64_t num,
			    unsigned type, const char *name, size_t len, bool cloexec)
{
	struct sg_fd *f = sg_fd_new(num, type, name, len);
	if (!f)
		return NULL;
	f->cloexec = cloexec;
	return sg_fdtab_put(st, p->fds, f);
}

/* The fd, or what /proc says it is (opened before sysgrep started, or while
 * the probe dropped records); the answer is cached in the table. */
static struct sg_fd *find_fd(struct sg_state *st, struct sg_proc *p, int64_t num,
			     bool ask_proc)
{
	struct sg_fd *f = sg_fdtab_get(p->fds, num);
	if (f || !ask_proc || num < 0)
		return f;
	return sg_procfs_fd(st, p, num);
}

static unsigned type_of_family(int family)
{
	switch (family) {
	case AF_INET: return SG_FDT_IPV4;
	case AF_INET6: return SG_FDT_IPV6;
	case AF_UNIX: return SG_FDT_UNIX;
	case AF_NETLINK: return SG_FDT_NETLINK;
	default: return SG_FDT_SOCKET;
	}
}

/* A kernel tuple parameter: the struct, then (AF_UNIX) the bound path. */
static bool tuple_of(const struct sg_event *e, struct sg_tuple *t, const char **upath,
		     size_t *ulen)
{
	const struct sg_param *p = sg_event_param(e, "tuple");
	if (!has_data(p) || p->def->type != SG_PT_TUPLE || p->len < sizeof(*t))
		return false;
	memcpy(t, p->data, sizeof(*t));
	*upath = (const char *)p->data + sizeof(*t);
	*ulen = p->len - sizeof(*t);
	return t->family != 0;
}

/* A struct sockaddr the program passed (network byte order) into one side
 * of t.  For AF_UNIX the path is returned instead. */
static bool sockaddr_into(const struct sg_param *p, struct sg_tuple *t, bool local,
			  const char **upath, size_t *ulen)
{
	uint16_t family, port;
	if (!has_data(p) || p->len < sizeof(family))
		return false;
	memcpy(&family, p->data, sizeof(family));
	uint8_t *addr = local ? t->laddr : t->raddr;
	uint16_t *tport = local ? &t->lport : &t->rport;
	if (family == AF_INET && p->len >= 8) {
		memcpy(&port, p->data + 2, 2);
		memset(addr, 0, 16);
		memcpy(addr, p->data + 4, 4);
	} else if (family == AF_INET6 && p->len >= 24) {
		memcpy(&port, p->data + 2, 2);
		memcpy(addr, p->data + 8, 16);
	} else if (family == AF_UNIX) {
		*upath = (const char *)p->data + 2;
		*ulen = p->len - 2;
		t->family = AF_UNIX;
		return true;
	} else {
		return false;
	}
	t->family = (uint8_t)family;
	*tport = ntohs(port);
	return true;
}

/* ---- creators ---------------------------------------------------------- */

static void on_open(struct sg_state *st, struct sg_event *e)
{
	struct sg_proc *p = e->proc;
	int64_t flags = 0;
	/* the event's flags are Falco's encoding (SG_PPM_O_*) */
	if (strcmp(e->def->name, "creat") == 0)
		flags = SG_PPM_O_CREAT | SG_PPM_O_WRONLY | SG_PPM_O_TRUNC;
	else
		num_by_name(e, "flags", &flags);
	/* the file the kernel opened (its struct file's path) names the fd:
	 * the caller's path (the param) is what its memory held at the exit,
	 * which another thread may have rewritten during the call, and it
	 * names a symlink, not the file; without the kernel's, the caller's */
	const struct sg_param *path = param_of_type(e, SG_PT_PATH);
	if (e->kpath) {
		sg_sb_reset(&st->sb);
		sg_sb_put(&st->sb, e->kpath, e->kpath_len);
	} else if (!path || !sg_state_path(e, path, &st->sb)) {
		sg_procfs_fd(st, p, e->res); /* no usable path: ask /proc */
		return;
	}
	unsigned type = flags & SG_PPM_O_DIRECTORY ? SG_FDT_DIRECTORY : SG_FDT_FILE;
	struct sg_fd *f = add_fd(st, p, e->res, type, sg_sb_cstr(&st->sb), st->sb.len,
				 (flags & SG_PPM_O_CLOEXEC) != 0);
	if (!f)
		return;
	f->openflags = (uint32_t)flags;
	sg_fd_set_name_raw(f, (const char *)path->data, path->len);
}

static void on_socket(struct sg_state *st, struct sg_event *e)
{
	int domain = arg_int(e, 0), type = arg_int(e, 1), proto = arg_int(e, 2);
	struct sg_fd *f = add_fd(st, e->proc, e->res, type_of_family(domain), "", 0,
				 (type & SOCK_CLOEXEC) != 0);
	if (!f)
		return;
	f->tuple.family = (uint8_t)domain;
	f->tuple.type = (uint8_t)(type & 0xf);
	f->netrole = SG_ROLE_UNBOUND;
	if (domain != AF_INET && domain != AF_INET6) {
		f->tuple.l4proto = (uint8_t)proto;
		return;
	}
	if (!proto)
		proto = (type & 0xf) == SOCK_STREAM ? IPPROTO_TCP
			: (type & 0xf) == SOCK_DGRAM ? IPPROTO_UDP : 0;
	f->tuple.l4proto = (uint8_t)proto;
}

/* pipe, pipe2, socketpair: the pair is in fd1 / fd2. */
static void on_pair(struct sg_state *st, struct sg_event *e, bool is_pipe)
{
	int64_t fds[2];
	if (e->res != 0 || !num_by_name(e, "fd1", &fds[0]) || !num_by_name(e, "fd2", &fds[1]))
		return;
	int flags = is_pipe ? (strcmp(e->def->name, "pipe2") == 0 ? arg_int(e, 1) : 0)
			    : arg_int(e, 1);
	bool cloexec = is_pipe ? (flags & O_CLOEXEC) != 0 : (flags & SOCK_CLOEXEC) != 0;
	for (int i = 0; i < 2; i++) {
		if (fds[i] < 0)
			continue;
		/* nameless, as sysdig has them: by the time the event is read
		 * the fds may be gone from /proc, and a name that depends on
		 * timing would make filters flaky */
		struct sg_fd *f = add_fd(st, e->proc, fds[i],
					 is_pipe ? SG_FDT_PIPE : type_of_family(arg_int(e, 0)),
					 "", 0, cloexec);
		if (!f)
			continue;
		if (!is_pipe) {
			f->tuple.family = (uint8_t)arg_int(e, 0);
			f->tuple.type = (uint8_t)(flags & 0xf);
		}
	}
}

static void on_accept(struct sg_state *st, struct sg_event *e)
{
	bool cloexec = strcmp(e->def->name, "accept4") == 0 &&
		       (arg_int(e, 3) & SOCK_CLOEXEC);
	struct sg_tuple t;
	const char *upath = NULL;
	size_t ulen = 0;
	if (!tuple_of(e, &t, &upath, &ulen)) {
		/* no tuple: inherit what the listening socket is */
		struct sg_fd *l = sg_fdtab_get(e->proc->fds, arg_int(e, 0));
		memset(&t, 0, sizeof(t));
		if (l)
			t = l->tuple;
		t.rport = 0;
		memset(t.raddr, 0, sizeof(t.raddr));
	}
	struct sg_fd *f = add_fd(st, e->proc, e->res, type_of_family(t.family), "", 0, cloexec);
	if (!f)
		return;
	f->tuple = t;
	f->is_server = 1;
	f->netrole = SG_ROLE_KNOWN;
	f->connected = 1;
	if (t.family)
		sg_fd_name_from_tuple(st, f, upath, ulen);
}

static void on_dup(struct sg_state *st, struct sg_event *e, bool cloexec)
{
	int64_t old = arg_int(e, 0);
	if (old == e->res)
		return; /* dup2(fd, fd): nothing changes */
	const struct sg_fd *src = find_fd(st, e->proc, old, true);
	if (!src) {
		sg_procfs_fd(st, e->proc, e->res);
		return;
	}
	struct sg_fd *f = sg_fd_new(e->res, src->type, src->name, strlen(src->name));
	if (!f)
		return;
	f->tuple = src->tuple;
	f->is_server = src->is_server;
	f->netrole = src->netrole;
	f->openflags = src->openflags;
	f->connected = src->connected;
	f->raw_is_name = src->raw_is_name;
	if (src->name_raw)
		sg_fd_set_name_raw(f, src->name_raw, strlen(src->name_raw));
	f->cloexec = cloexec;
	sg_fdtab_put(st, e->proc->fds, f);
}

static void on_fcntl(struct sg_state *st, struct sg_event *e)
{
	int cmd = arg_int(e, 1);
	if (cmd == SG_F_DUPFD || cmd == SG_F_DUPFD_CLOEXEC) {
		on_dup(st, e, cmd == SG_F_DUPFD_CLOEXEC);
		return;
	}
	if (cmd != SG_F_SETFD || e->res != 0)
		return;
	struct sg_fd *f = sg_fdtab_get(e->proc->fds, arg_int(e, 0));
	if (f)
		f->cloexec = (e->args[2] & FD_CLOEXEC) != 0;
}

/* bpf(2) commands whose result is a new fd (the others return 0). */
static bool bpf_makes_fd(int cmd)
{
	static const int cmds[] = {
		0 /* MAP_CREATE */,	      5 /* PROG_LOAD */,
		7 /* OBJ_GET */,	      13 /* PROG_GET_FD_BY_ID */,
		14 /* MAP_GET_FD_BY_ID */,    17 /* RAW_TRACEPOINT_OPEN */,
		18 /* BTF_LOAD */,	      19 /* BTF_GET_FD_BY_ID */,
		28 /* LINK_CREATE */,	      30 /* LINK_GET_FD_BY_ID */,
		33 /* ITER_CREATE */,	      36 /* TOKEN_CREATE */,
	};
	for (size_t i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++)
		if (cmds[i] == cmd)
			return true;
	return false;
}

/* The anonymous kinds: typed, nameless (sysdig shows them as <e>, <t>...).
 * Their flags share O_CLOEXEC's value except memfd's MFD_CLOEXEC. */
static struct sg_fd *on_typed(struct sg_state *st, struct sg_event *e, enum sg_act act)
{
	const char *n = e->def->name;
	switch (act) {
	case SG_ACT_EVENTFD:
		return add_fd(st, e->proc, e->res, SG_FDT_EVENT, "", 0,
			      !strcmp(n, "eventfd2") && (arg_int(e, 1) & O_CLOEXEC));
	case SG_ACT_SIGNALFD:
		if (arg_int(e, 0) != -1)
			return NULL; /* an existing signalfd got a new mask */
		return add_fd(st, e->proc, e->res, SG_FDT_SIGNALFD, "", 0,
			      !strcmp(n, "signalfd4") && (arg_int(e, 3) & O_CLOEXEC));
	case SG_ACT_INOTIFY:
		return add_fd(st, e->proc, e->res, SG_FDT_INOTIFY, "", 0,
			      !strcmp(n, "inotify_init1") && (arg_int(e, 0) & O_CLOEXEC));
	case SG_ACT_TIMERFD:
		return add_fd(st, e->proc, e->res, SG_FDT_TIMERFD, "", 0,
			      arg_int(e, 1) & O_CLOEXEC);
	case SG_ACT_EPOLL:
		return add_fd(st, e->proc, e->res, SG_FDT_EVENTPOLL, "", 0,
			      !strcmp(n, "epoll_create1") && (arg_int(e, 0) & O_CLOEXEC));
	case SG_ACT_USERFAULTFD:
		return add_fd(st, e->proc, e->res, SG_FDT_USERFAULTFD, "", 0,
			      arg_int(e, 0) & O_CLOEXEC);
	case SG_ACT_IO_URING: /* always close-on-exec */
		return add_fd(st, e->proc, e->res, SG_FDT_IO_URING, "", 0, true);
	case SG_ACT_BPF:
		if (!bpf_makes_fd(arg_int(e, 0)))
			return NULL;
		return add_fd(st, e->proc, e->res, SG_FDT_BPF, "", 0, true);
	case SG_ACT_MEMFD: {
		const struct sg_param *p = sg_event_param(e, "name");
		bool cx = (e->args[1] & SG_MFD_CLOEXEC) != 0;
		if (has_data(p))
			return add_fd(st, e->proc, e->res, SG_FDT_MEMFD, (const char *)p->data,
				      p->len, cx);
		return add_fd(st, e->proc, e->res, SG_FDT_MEMFD, "", 0, cx);
	}
	default:
		return NULL;
	}
}

/* ---- sockets ----------------------------------------------------------- */

static void on_connect(struct sg_state *st, struct sg_event *e)
{
	if (e->res != 0 && e->res != -EINPROGRESS)
		return;
	int64_t num = arg_int(e, 0);
	struct sg_tuple t;
	const char *upath = NULL;
	size_t ulen = 0;
	bool have = tuple_of(e, &t, &upath, &ulen);
	struct sg_fd *f = find_fd(st, e->proc, num, true);
	if (!have) {
		/* fall back to the address the program asked for */
		memset(&t, 0, sizeof(t));
		if (f)
			t = f->tuple;
		if (!sockaddr_into(sg_event_param(e, "addr"), &t, false, &upath, &ulen))
			return;
	}
	if (!f)
		f = add_fd(st, e->proc, num, type_of_family(t.family), "", 0, false);
	if (!f)
		return;
	if (!t.l4proto)
		t.l4proto = f->tuple.l4proto;
	f->tuple = t;
	f->type = (uint8_t)type_of_family(t.family);
	f->is_server = 0;
	f->netrole = SG_ROLE_KNOWN;
	/* libs: a connect that succeeded or is under way (fd.connected) */
	f->connected = 1;
	e->fd = f;
	sg_fd_name_from_tuple(st, f, upath, ulen);
}

/* The port a bind asked for (network order in the sockaddr), or -1 when
 * the address is not IPv4/IPv6 or was not captured. */
static int bind_port(const struct sg_event *e)
{
	const struct sg_param *a = sg_event_param(e, "addr");
	uint16_t family, port;

	if (!a || !(a->flags & SG_PARAM_DATA) || a->len < 4)
		return -1;
	memcpy(&family, a->data, 2);
	if (family != AF_INET && family != AF_INET6)
		return -1;
	memcpy(&port, a->data + 2, 2);
	return ntohs(port);
}

static void on_bind_listen(struct sg_state *st, struct sg_event *e, bool listen)
{
	if (e->res != 0)
		return;
	struct sg_fd *f = find_fd(st, e->proc, arg_int(e, 0), true);
	if (!f)
		return;
	struct sg_tuple t;
	const char *upath = NULL;
	size_t ulen = 0;
	if (tuple_of(e, &t, &upath, &ulen)) {
		if (!t.l4proto)
			t.l4proto = f->tuple.l4proto;
		if (!listen && t.family != AF_UNIX) {
			/* not connected: a remote side here is the decoder's
			 * completion from bind's own (local) address */
			memset(t.raddr, 0, sizeof(t.raddr));
			t.rport = 0;
		}
		f->tuple = t;
	} else if (!listen) {
		sockaddr_into(sg_event_param(e, "addr"), &f->tuple, true, &upath, &ulen);
	}
	/* bound to a port it chose: the server end, as libsinsp assumes of a
	 * bind to a port > 0; a bind to port 0 (a client pinning its address)
	 * says nothing, and its ports tell later */
	if (listen || bind_port(e) != 0) {
		f->is_server = 1;
		f->netrole = SG_ROLE_KNOWN;
	} else {
		f->is_server = 0;
		f->netrole = SG_ROLE_UNBOUND;
	}
	sg_fd_name_from_tuple(st, f, upath, ulen);
	e->fd = f;
}

/* ---- datagrams --------------------------------------------------------- */


/* A socket whose role nothing told: the side with an ephemeral port is
 * the client; when the ports do not tell, a server usually starts by
 * reading, a client by writing (libsinsp's guess too). */
static bool guess_server(const struct sg_tuple *t, bool incoming)
{
	bool leph = t->lport >= SG_EPHEMERAL_PORT_MIN, reph = t->rport >= SG_EPHEMERAL_PORT_MIN;
	if (leph != reph)
		return reph;
	return incoming;
}

/*
 * send/recv family: an unconnected (UDP) socket, or one whose name nothing
 * gave, learns its peer from the event's tuple (the decoder completed it
 * from the call's address), as libsinsp does on read/write exits.  A
 * connected TCP socket keeps what connect/accept said.
 */
static void on_netio(struct sg_state *st, struct sg_event *e)
{
	struct sg_fd *f = e->fd;
	if (!f || e->res < 0 || (f->type != SG_FDT_IPV4 && f->type != SG_FDT_IPV6 &&
				 f->type != SG_FDT_SOCKET))
		return;
	if (f->name[0] && f->tuple.l4proto == IPPROTO_TCP)
		return;
	struct sg_tuple t;
	const char *upath = NULL;
	size_t ulen = 0;
	if (!tuple_of(e, &t, &upath, &ulen) || !t.rport ||
	    (t.family != AF_INET && t.family != AF_INET6))
		return;
	if (!t.l4proto)
		t.l4proto = f->tuple.l4proto ? f->tuple.l4proto : IPPROTO_UDP;
	f->tuple = t;
	f->type = (uint8_t)type_of_family(t.family);
	if (f->netrole == SG_ROLE_UNBOUND)
		f->is_server = 0; /* its port came from the kernel on first send */
	else if (f->netrole == SG_ROLE_GUESS)
		f->is_server = guess_server(&t, (e->def->flags & SG_SC_READ) != 0);
	f->netrole = SG_ROLE_KNOWN;
	sg_fd_name_from_tuple(st, f, upath, ulen);
}

/* ---- cwd --------------------------------------------------------------- */

static void on_chdir(struct sg_state *st, struct sg_event *e, bool by_fd)
{
	if (e->res != 0)
		return;
	struct sg_proc *p = e->proc;
	if (by_fd) {
		const struct sg_fd *f = find_fd(st, p, arg_int(e, 0), true);
		if (f && f->name[0] == '/')
			sg_proc_set_str(&p->cwd, f->name, strlen(f->name));
		return;
	}
	const struct sg_param *path = param_of_type(e, SG_PT_PATH);
	if (!path || !sg_state_path(e, path, &st->sb))
		return;
	/* fs.path.name of this chdir resolves against the cwd it left */
	sg_sb_reset(&st->oldcwd);
	if (p->cwd)
		sg_sb_put(&st->oldcwd, p->cwd, strlen(p->cwd));
	st->oldcwd_ev = e;
	sg_proc_set_str(&p->cwd, sg_sb_cstr(&st->sb), st->sb.len);
}

/* ---- entry points ------------------------------------------------------ */

/* Does the call's result name a new (or, for signalfd, updated) fd? */
static bool result_is_fd(const struct sg_event *e, enum sg_act act)
{
	switch (act) {
	case SG_ACT_OPEN: case SG_ACT_SOCKET: case SG_ACT_ACCEPT: case SG_ACT_DUP:
	case SG_ACT_EVENTFD: case SG_ACT_SIGNALFD: case SG_ACT_INOTIFY: case SG_ACT_TIMERFD:
	case SG_ACT_EPOLL: case SG_ACT_MEMFD: case SG_ACT_USERFAULTFD: case SG_ACT_IO_URING:
	case SG_ACT_NEWFD:
		return true;
	case SG_ACT_BPF:
		return bpf_makes_fd(arg_int(e, 0));
	case SG_ACT_FCNTL:
		return arg_int(e, 1) == SG_F_DUPFD || arg_int(e, 1) == SG_F_DUPFD_CLOEXEC;
	default:
		return false;
	}
}

struct sg_fd *sg_fdevents_before(struct sg_state *st, struct sg_event *e, enum sg_act act)
{
	bool ok = e->res >= 0;
	switch (act) {
	case SG_ACT_OPEN: if (ok) on_open(st, e); break;
	case SG_ACT_SOCKET: if (ok) on_socket(st, e); break;
	case SG_ACT_SOCKETPAIR: on_pair(st, e, false); break;
	case SG_ACT_PIPE: on_pair(st, e, true); break;
	case SG_ACT_ACCEPT: if (ok) on_accept(st, e); break;
	case SG_ACT_DUP:
		if (ok)
			on_dup(st, e, !strcmp(e->def->name, "dup3") && (arg_int(e, 2) & O_CLOEXEC));
		break;
	case SG_ACT_FCNTL: if (ok) on_fcntl(st, e); break;
	case SG_ACT_CONNECT: on_connect(st, e); break;
	case SG_ACT_BIND: on_bind_listen(st, e, false); break;
	case SG_ACT_LISTEN: on_bind_listen(st, e, true); break;
	case SG_ACT_CHDIR: on_chdir(st, e, false); break;
	case SG_ACT_FCHDIR: on_chdir(st, e, true); break;
	case SG_ACT_NEWFD: if (ok) sg_procfs_fd(st, e->proc, e->res); break;
	case SG_ACT_NETIO: on_netio(st, e); break;
	case SG_ACT_NONE:
	case SG_ACT_CLOSE:
	case SG_ACT_CLOSE_RANGE:
	case SG_ACT_CAPSET: /* procevents.c */
	case SG_ACT_SETSID:
	case SG_ACT_SETPGID:
		break;
	default: if (ok) on_typed(st, e, act); break;
	}
	if (!ok || !result_is_fd(e, act))
		return NULL;
	return sg_fdtab_get(e->proc->fds, e->res);
}

void sg_fdevents_after(struct sg_state *st, struct sg_event *e, enum sg_act act)
{
	struct sg_fdtab *t = e->proc->fds;
	if (act == SG_ACT_CLOSE && e->res == 0) {
		sg_fdtab_del(st, t, arg_int(e, 0));
		return;
	}
	if (act != SG_ACT_CLOSE_RANGE || e->res != 0)
		return;
	uint64_t lo = (uint32_t)e->args[0], hi = (uint32_t)e->args[1];
	if (!(e->args[2] & CLOSE_RANGE_CLOEXEC)) {
		sg_fdtab_del_range(st, t, lo, hi);
		return;
	}
	sg_fdtab_cloexec_range(t, lo, hi);
}
