/*
 * Reading one process from /proc/PID: identity (stat, status), command line,
 * environment, executable, cwd, login uid, cgroup, and its open fds with
 * their names and types.  Used for the start-up scan and for processes the
 * event stream reveals without a fork record (started before sysgrep, or
 * while records were lost).
 */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include "state/state_int.h"
#include "event/flagtables.h"

/* Read a whole small file at dfd/name into buf (NUL-terminated); bytes read
 * or -1.  At most cap - 1 bytes: longer files are cut. */
static ssize_t read_at(int dfd, const char *name, char *buf, size_t cap)
{
	int fd = openat(dfd, name, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	size_t n = 0;
	while (n < cap - 1) {
		ssize_t r = read(fd, buf + n, cap - 1 - n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		n += (size_t)r;
	}
	close(fd);
	buf[n] = 0;
	return (ssize_t)n;
}

static ssize_t link_at(int dfd, const char *name, char *buf, size_t cap)
{
	ssize_t n = readlinkat(dfd, name, buf, cap - 1);
	if (n < 0)
		return -1;
	buf[n] = 0;
	return n;
}

/* "pid (comm) S ppid pgrp session tty_nr ...": comm may hold ") " itself,
 * so the fields start after the last ')'. */
static void parse_stat(struct sg_proc *p, const char *s, unsigned long long *startp, char *statep)
{
	unsigned long long start_ticks = 0;
	const char *open = strchr(s, '(');
	const char *close = strrchr(s, ')');
	if (!open || !close || close < open)
		return;
	size_t n = (size_t)(close - open - 1);
	if (n > SG_COMM_LEN - 1)
		n = SG_COMM_LEN - 1;
	memcpy(p->comm, open + 1, n);
	p->comm[n] = 0;
	char state;
	int ppid, pgrp, sid, tty;
	if (sscanf(close + 1, " %c %d %d %d %d", &state, &ppid, &pgrp, &sid, &tty) != 5)
		return;
	*statep = state;
	p->ppid = (uint32_t)ppid;
	p->pgid = (uint32_t)pgrp;
	p->sid = (uint32_t)sid;
	p->tty = (uint32_t)tty;
	/* fields 10 minflt, 12 majflt, 22 starttime (ticks since boot):
	 * counted from the state (field 3) that follows the ')' */
	unsigned long long v[20];
	const char *q = close + 2;
	int nv = 0;
	while (nv < 20 && *q) {
		while (*q == ' ')
			q++;
		char *end;
		unsigned long long x = strtoull(q, &end, 10);
		if (end == q) { /* the state letter, or a negative number */
			while (*q && *q != ' ')
				q++;
			x = 0;
		} else {
			q = end;
		}
		v[nv++] = x; /* v[0] is field 3 */
	}
	if (nv < 20)
		return;
	p->min_flt = v[10 - 3];
	p->maj_flt = v[12 - 3];
	start_ticks = v[22 - 3];
	*startp = start_ticks;
}

/* The value after "Key:" on its own line, or NULL. */
static const char *status_field(const char *s, const char *key)
{
	size_t k = strlen(key);
	for (const char *l = s; l && *l; l = strchr(l, '\n'), l = l ? l + 1 : NULL)
		if (strncmp(l, key, k) == 0 && l[k] == ':')
			return l + k + 1;
	return NULL;
}

/* The last number of a status line like "NSpid:\t4242\t1" (the id in the
 * innermost namespace), or dflt; *levels (if asked) how many there were. */
static uint32_t last_of(const char *v, uint32_t dflt, unsigned *levels)
{
	unsigned n = 0;
	unsigned long last = dflt;

	if (v) {
		const char *end = strchr(v, '\n');
		if (!end)
			end = v + strlen(v);
		for (const char *q = v; q < end;) {
			char *next;
			unsigned long x = strtoul(q, &next, 10);
			if (next == q)
				break;
			last = x;
			n++;
			q = next;
		}
	}
	if (levels)
		*levels = n;
	return (uint32_t)last;
}

static void parse_status(struct sg_proc *p, const char *s)
{
	unsigned long real, eff;
	const char *v;

	/* Falco's user.uid is the effective id: the second column */
	if ((v = status_field(s, "Uid")) && sscanf(v, "%lu %lu", &real, &eff) == 2)
		p->uid = (uint32_t)eff;
	if ((v = status_field(s, "Gid")) && sscanf(v, "%lu %lu", &real, &eff) == 2)
		p->gid = (uint32_t)eff;
	if ((v = status_field(s, "Threads")))
		p->nthreads = (uint32_t)strtoul(v, NULL, 10);
	if (!p->nthreads)
		p->nthreads = 1;
	const char *ci = status_field(s, "CapInh"), *cp = status_field(s, "CapPrm"),
		   *ce = status_field(s, "CapEff");
	if (ci && cp && ce) {
		p->cap_inh = strtoull(ci, NULL, 16);
		p->cap_prm = strtoull(cp, NULL, 16);
		p->cap_eff = strtoull(ce, NULL, 16);
		p->caps_known = true;
	}
	if ((v = status_field(s, "VmSize")))
		p->vm_size_kb = (uint32_t)strtoul(v, NULL, 10);
	if ((v = status_field(s, "VmRSS")))
		p->vm_rss_kb = (uint32_t)strtoul(v, NULL, 10);
	if ((v = status_field(s, "VmSwap")))
		p->vm_swap_kb = (uint32_t)strtoul(v, NULL, 10);
	p->vpgid = last_of(status_field(s, "NSpgid"), p->pgid, NULL);
	/* NSpid: host pid first, then one per nested namespace: the last is
	 * the pid the process sees, and more than one means a pid namespace */
	unsigned levels = 0;
	p->vpid = last_of(status_field(s, "NSpid"), p->pid, &levels);
	if (levels > 1)
		p->in_container = true;
}

static void load_cgroup(struct sg_state *st, struct sg_proc *p, int dfd)
{
	char buf[4096];
	ssize_t n = read_at(dfd, "cgroup", buf, sizeof(buf));
	if (n <= 0)
		return;
	const char *v2 = NULL;
	size_t v2len = 0;
	sg_container_from_procfile(buf, (size_t)n, p->container_id, &v2, &v2len);
	if (v2)
		p->cgroup_id = sg_cgroup_id_of_path(st, v2, v2len);
	if (strcmp(p->container_id, "host") && p->container_id[0])
		p->in_container = true;
}

void sg_procfs_cgroup(struct sg_state *st, struct sg_proc *p)
{
	char path[32];
	if (st->offline)
		return;
	snprintf(path, sizeof(path), "/proc/%u", p->pid);
	int dfd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dfd < 0)
		return;
	load_cgroup(st, p, dfd);
	close(dfd);
}

/* ---- fds --------------------------------------------------------------- */

static const struct {
	const char *name;
	uint8_t type;
} anon_types[] = {
	{"[eventfd]", SG_FDT_EVENT},	     {"[signalfd]", SG_FDT_SIGNALFD},
	{"[eventpoll]", SG_FDT_EVENTPOLL},   {"inotify", SG_FDT_INOTIFY},
	{"[timerfd]", SG_FDT_TIMERFD},	     {"[userfaultfd]", SG_FDT_USERFAULTFD},
	{"[io_uring]", SG_FDT_IO_URING},     {"bpf-prog", SG_FDT_BPF},
	{"bpf-map", SG_FDT_BPF},	     {"bpf_link", SG_FDT_BPF},
	{"bpf-link", SG_FDT_BPF},	     {"btf", SG_FDT_BPF},
	{"bpf_iter", SG_FDT_BPF},	     {"[eventfd-count]", SG_FDT_EVENT},
};

static bool has_prefix(const char *s, size_t n, const char *pre)
{
	size_t k = strlen(pre);
	return n >= k && memcmp(s, pre, k) == 0;
}

/* The socket of inode ino: from the scan's snapshot of /proc/net, or from a
 * fresh one (a socket made while the probe dropped records), at most once
 * a second. */
static const struct sg_sockent *socket_of(struct sg_state *st, uint64_t ino)
{
	const struct sg_sockent *s = sg_sockmap_get(&st->socks, ino);
	time_t now = sg_mono_sec();
	if (s || st->socks_loaded == now || st->offline)
		return s;
	sg_sockmap_load(&st->socks);
	st->socks_loaded = now;
	return sg_sockmap_get(&st->socks, ino);
}

static void fd_from_socket(struct sg_state *st, struct sg_fd *f, uint64_t ino)
{
	const struct sg_sockent *s = socket_of(st, ino);
	f->type = SG_FDT_SOCKET;
	if (!s)
		return;
	f->tuple = s->t;
	f->is_server = s->listening || s->server;
	/* a peer in /proc/net: accepted, or connected (TCP or UDP) */
	f->connected = !s->listening && s->t.rport != 0;
	/* an unconnected UDP socket's role shows only once a datagram comes */
	f->netrole = f->is_server || s->t.l4proto == IPPROTO_TCP ? SG_ROLE_KNOWN
								  : SG_ROLE_GUESS;
	switch (s->t.family) {
	case AF_INET: f->type = SG_FDT_IPV4; break;
	case AF_INET6: f->type = SG_FDT_IPV6; break;
	case AF_UNIX: f->type = SG_FDT_UNIX; break;
	case AF_NETLINK: f->type = SG_FDT_NETLINK; return;
	default: return;
	}
	sg_fd_name_from_tuple(st, f, s->path, s->path ? strlen(s->path) : 0);
}

/* Classify a /proc/PID/fd link.  mode is the stat of the target (0 if
 * unknown); the name keeps sysdig's conventions: a path, a tuple, "pipe:[N]",
 * and "" for the anonymous kinds whose type says everything. */
void sg_fd_from_link(struct sg_state *st, struct sg_fd *f, const char *link,
		     size_t len, uint32_t mode)
{
	unsigned long long ino;

	f->type = SG_FDT_UNKNOWN;
	if (has_prefix(link, len, "/memfd:")) {
		const char *name = link + 7;
		size_t n = len - 7;
		if (n >= 10 && memcmp(name + n - 10, " (deleted)", 10) == 0)
			n -= 10;
		f->type = SG_FDT_MEMFD;
		sg_fd_set_name(f, name, n);
		return;
	}
	if (len && link[0] == '/') {
		f->type = S_ISDIR(mode) ? SG_FDT_DIRECTORY
			: S_ISFIFO(mode) ? SG_FDT_PIPE : SG_FDT_FILE;
		sg_fd_set_name(f, link, len);
		return;
	}
	if (sscanf(link, "socket:[%llu]", &ino) == 1) {
		sg_fd_set_name(f, "", 0);
		fd_from_socket(st, f, ino);
		return;
	}
	sg_fd_set_name(f, link, len);
	if (has_prefix(link, len, "pipe:[")) {
		f->type = SG_FDT_PIPE;
		return;
	}
	if (!has_prefix(link, len, "anon_inode:"))
		return;
	for (size_t i = 0; i < sizeof(anon_types) / sizeof(anon_types[0]); i++) {
		if (strcmp(link + 11, anon_types[i].name) == 0) {
			f->type = anon_types[i].type;
			sg_fd_set_name(f, "", 0);
			return;
		}
	}
}

/* "flags:\t02100002" of /proc/PID/fdinfo/N (octal). */
static uint32_t fdinfo_flags(int infod, const char *name)
{
	char buf[256];
	if (infod < 0 || read_at(infod, name, buf, sizeof(buf)) <= 0)
		return 0;
	const char *v = status_field(buf, "flags");
	return v ? (uint32_t)strtoul(v, NULL, 8) : 0;
}

static struct sg_fd *fd_at(struct sg_state *st, int fdd, int infod, const char *name,
			   int64_t num)
{
	char link[PATH_MAX];
	ssize_t n = link_at(fdd, name, link, sizeof(link));
	if (n < 0)
		return NULL;
	struct sg_fd *f = sg_fd_new(num, SG_FDT_UNKNOWN, "", 0);
	if (!f)
		return NULL;
	struct stat sb;
	uint32_t mode = 0;
	if (link[0] == '/' && fstatat(fdd, name, &sb, 0) == 0)
		mode = sb.st_mode;
	uint32_t kflags = fdinfo_flags(infod, name);
	/* kept as open events carry them: Falco's encoding */
	f->openflags = sg_open_flags_ppm(kflags);
	f->cloexec = (kflags & O_CLOEXEC) != 0;
	sg_fd_from_link(st, f, link, (size_t)n, mode);
	return f;
}

static void load_fds(struct sg_state *st, struct sg_proc *p, int dfd)
{
	int fdd = openat(dfd, "fd", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fdd < 0)
		return;
	int infod = openat(dfd, "fdinfo", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	int dupd = dup(fdd);
	DIR *d = dupd >= 0 ? fdopendir(dupd) : NULL;
	if (!d && dupd >= 0)
		close(dupd);
	struct dirent *de;
	while (d && (de = readdir(d))) {
		if (!isdigit((unsigned char)de->d_name[0]))
			continue;
		int64_t num = strtoll(de->d_name, NULL, 10);
		sg_fdtab_put(st, p->fds, fd_at(st, fdd, infod, de->d_name, num));
	}
	if (d)
		closedir(d);
	if (infod >= 0)
		close(infod);
	close(fdd);
}

struct sg_fd *sg_procfs_fd(struct sg_state *st, struct sg_proc *p, int64_t num)
{
	char path[64];
	if (st->offline || num < 0 || num > INT32_MAX)
		return NULL;
	snprintf(path, sizeof(path), "/proc/%u", p->pid);
	int dfd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dfd < 0)
		return NULL;
	int fdd = openat(dfd, "fd", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	int infod = openat(dfd, "fdinfo", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	char name[24];
	snprintf(name, sizeof(name), "%lld", (long long)num);
	struct sg_fd *f = fdd >= 0 ? fd_at(st, fdd, infod, name, num) : NULL;
	if (fdd >= 0)
		close(fdd);
	if (infod >= 0)
		close(infod);
	close(dfd);
	return f ? sg_fdtab_put(st, p->fds, f) : NULL;
}

/* ---- the process ------------------------------------------------------- */

static void load_argv_env(struct sg_state *st, struct sg_proc *p, int dfd)
{
	/* read one byte more than is kept: it shows whether the text goes on */
	ssize_t n = read_at(dfd, "cmdline", st->scratch, SG_PROCFS_ARGS_MAX + 2);
	if (n > 0) {
		p->args_cut = n > SG_PROCFS_ARGS_MAX;
		sg_proc_set_argv(p, st->scratch, p->args_cut ? SG_PROCFS_ARGS_MAX : (size_t)n);
	} else { /* kernel threads have no argv: sysdig shows their name */
		sg_proc_set_str(&p->exe, p->comm, strlen(p->comm));
	}
	n = read_at(dfd, "environ", st->scratch, SG_PROCFS_ARGS_MAX + 2);
	if (n > 0) {
		p->env_cut = n > SG_PROCFS_ARGS_MAX;
		sg_proc_set_env(p, st->scratch, p->env_cut ? SG_PROCFS_ARGS_MAX : (size_t)n);
	}
}

/* "Max open files            1024                 524288               files" */
static void load_limits(struct sg_proc *p, int dfd)
{
	char buf[4096];
	if (read_at(dfd, "limits", buf, sizeof(buf)) <= 0)
		return;
	const char *l = strstr(buf, "\nMax open files");
	if (l)
		p->fdlimit = strtoull(l + 16, NULL, 10);
}

/* The executable's inode, its times and whether it is a memfd (libscap
 * reads the same from /proc; the overlayfs layer is not known here). */
static void load_exe(struct sg_proc *p, int dfd, const char *link, ssize_t n)
{
	struct stat sb;
	if (fstatat(dfd, "exe", &sb, 0) == 0) {
		p->exe_ino = (uint64_t)sb.st_ino;
		p->exe_ctime_ns = (uint64_t)sb.st_ctim.tv_sec * 1000000000ull +
				  (uint64_t)sb.st_ctim.tv_nsec;
		p->exe_mtime_ns = (uint64_t)sb.st_mtim.tv_sec * 1000000000ull +
				  (uint64_t)sb.st_mtim.tv_nsec;
	}
	if (n > 7 && memcmp(link, "/memfd:", 7) == 0)
		p->exe_flags |= SG_EXE_FROM_MEMFD;
}

static void load_links(struct sg_proc *p, int dfd)
{
	char buf[PATH_MAX];
	ssize_t n = link_at(dfd, "exe", buf, sizeof(buf));
	if (n >= 0)
		sg_proc_set_exepath(p, buf, (size_t)n);
	load_exe(p, dfd, buf, n);
	n = link_at(dfd, "cwd", buf, sizeof(buf));
	if (n > 0 && buf[0] == '/')
		sg_proc_set_str(&p->cwd, buf, (size_t)n);
	n = read_at(dfd, "loginuid", buf, 32);
	if (n > 0)
		p->loginuid = (uint32_t)strtoul(buf, NULL, 10);
}

/* STATEP: the state letter of /proc/PID/stat (R, S, Z, ...) */
static bool procfs_load(struct sg_state *st, struct sg_proc *p, bool with_fds, char *statep)
{
	char path[64], buf[4096];

	if (st->offline)
		return false;
	snprintf(path, sizeof(path), "/proc/%u", p->pid);
	int dfd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dfd < 0)
		return false;
	if (read_at(dfd, "stat", buf, sizeof(buf)) <= 0) {
		close(dfd);
		return false;
	}
	unsigned long long start = 0;
	parse_stat(p, buf, &start, statep);
	if (start)
		p->start_ns = sg_state_epoch_ns(st, start * (1000000000ull / (uint64_t)st->clk_tck));
	if (read_at(dfd, "status", buf, sizeof(buf)) > 0)
		parse_status(p, buf);
	load_argv_env(st, p, dfd);
	load_links(p, dfd);
	load_limits(p, dfd);
	load_cgroup(st, p, dfd);
	if (with_fds)
		load_fds(st, p, dfd);
	close(dfd);
	return true;
}

bool sg_procfs_load(struct sg_state *st, struct sg_proc *p, bool with_fds)
{
	char state = 0;

	return procfs_load(st, p, with_fds, &state);
}

int sg_state_scan_begin(struct sg_state *st)
{
	if (st->scan)
		return 0;
	st->scan = opendir("/proc");
	if (!st->scan)
		return -1;
	sg_sockmap_load(&st->socks);
	st->socks_loaded = sg_mono_sec();
	/* no reap half way: the processes not read yet are not idle */
	st->reap_at = UINT32_MAX;
	return 0;
}

static void scan_end(struct sg_state *st)
{
	closedir(st->scan);
	st->scan = NULL;
	/* the snapshot is stale from now on: later lookups load their own */
	sg_sockmap_free(&st->socks);
	st->socks_loaded = -1;
	st->reap_at = st->nprocs * 2 > SG_REAP_MIN ? st->nprocs * 2 : SG_REAP_MIN;
}

/* One /proc entry: loaded unless an event loaded it first, it exited
 * meanwhile or it is a zombie (dead: it makes no call, and its exit may
 * have been applied before the scan came to it) */
static bool scan_one(struct sg_state *st, uint32_t pid)
{
	char state = 0;

	if (sg_state_proc(st, pid))
		return true;
	struct sg_proc *p = sg_proc_alloc(pid);
	if (!p)
		return false;
	if (!procfs_load(st, p, true, &state) || state == 'Z' || state == 'X') {
		sg_proc_destroy(st, p);
		return true;
	}
	sg_proc_insert(st, p);
	return true;
}

bool sg_state_scan_step(struct sg_state *st, unsigned max)
{
	struct dirent *de = NULL;

	if (!st->scan)
		return false;
	if (!max)
		return true;
	for (unsigned n = 0; n < max && (de = readdir(st->scan));) {
		if (!isdigit((unsigned char)de->d_name[0]))
			continue;
		n++;
		if (!scan_one(st, (uint32_t)strtoul(de->d_name, NULL, 10)))
			break; /* out of memory: what was read stays */
	}
	if (de)
		return true;
	scan_end(st);
	return false;
}

int sg_state_scan_proc(struct sg_state *st)
{
	if (sg_state_scan_begin(st) < 0)
		return -1;
	while (sg_state_scan_step(st, UINT_MAX))
		;
	return 0;
}
