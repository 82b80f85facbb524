/*
 * Private to the state files (state.c, proc.c, procfs.c, netscan.c,
 * fdtable.c, fdevents.c, path.c, users.c, container.c): the table layout
 * and the helpers they share.  Nothing outside state/ (but its unit tests) includes this.
 */
#ifndef SG_STATE_INT_H
#define SG_STATE_INT_H

#include <dirent.h>
#include <limits.h>
#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>
#include <time.h>

#include "state/state.h"
#include "event/strbuf.h"

/* Bounds of what a /proc scan reads per process: argv and environment can
 * be megabytes; the probe itself sends at most SG_ARGS_MAX of them. */
#define SG_PROCFS_ARGS_MAX (32 * 1024)
/* Above this many processes the table is checked for processes that died
 * while their exit record was lost (full ring buffer). */
#define SG_REAP_MIN 4096
/* A process is reaped only when idle this long (event time): if sysgrep
 * runs in another pid namespace, kill(2) cannot see the processes it
 * watches, and busy ones must not be dropped. */
#define SG_REAP_IDLE_NS (30ull * 1000000000ull)

/* ---- users / groups (users.c) ---------------------------------------- */

struct sg_identry {
	uint32_t id;
	uint32_t line;     /* order in the file: the first entry of an id wins */
	uint32_t gid;      /* users only: the primary group */
	char *name;
	char *home;        /* users only */
	char *shell;       /* users only */
};

struct sg_idfile {
	const char *base;  /* "passwd" or "group" */
	struct sg_identry *v;
	size_t n;
	char *text;        /* the file, entries point into it */
	/* The generation before: names handed out stay valid until the next
	 * reload (a second later at the soonest), not just until this one. */
	struct sg_identry *old_v;
	char *old_text;
	struct timespec mtime;
	uint64_t ino;
	off_t size;
	time_t checked;    /* CLOCK_MONOTONIC second of the last stat */
	bool loaded;
	bool fixed;        /* seeded from a capture: never read from /etc */
};

void sg_idfile_init(struct sg_idfile *f, const char *base);
void sg_idfile_free(struct sg_idfile *f);
const struct sg_identry *sg_idfile_get(struct sg_idfile *f, const char *etc,
				       uint32_t id);

/* ---- u64-keyed hash table (idmap.c) ----------------------------------- */

/* Entries of esz bytes, each starting with its u64 key; 0 = empty slot. */
struct sg_idmap {
	void *v;
	size_t cap, n;     /* open addressing, cap a power of 2 */
	size_t esz;        /* set by the first put */
};

void *sg_idmap_get(const struct sg_idmap *m, uint64_t key);
/* The entry of key (nonzero), added zeroed but for its key when absent
 * (*added true); NULL when out of memory or esz differs from before. */
void *sg_idmap_put(struct sg_idmap *m, size_t esz, uint64_t key, bool *added);
/* Slot i (0 <= i < cap) when it holds an entry, else NULL: for walks. */
void *sg_idmap_at(const struct sg_idmap *m, size_t i);
/* Frees the table only: what entries point to is the caller's. */
void sg_idmap_free(struct sg_idmap *m);

/* ---- containers (container.c) ----------------------------------------- */

/* The engine client (engine.c), for ctrmeta.c's worker and the tests. */
enum sg_engine_rc { SG_ENG_OK, SG_ENG_NOTFOUND, SG_ENG_DOWN, SG_ENG_BAD };
/* GET /containers/<cid>/json on the unix socket sock; gives up when *stop
 * turns true or after a few seconds.  *out is set on SG_ENG_OK. */
enum sg_engine_rc sg_engine_inspect(const char *sock, const char *cid, const bool *stop,
				    struct sg_ctrinfo **out);
/* An HTTP/1.x reply in place: status, body (NUL-terminated, dechunked),
 * and whether podman sent it.  -1 when it is not one. */
int sg_http_reply_parse(char *reply, size_t len, int *status, const char **body,
			size_t *blen, bool *podman);
struct sg_ctrinfo *sg_ctrinfo_parse(const char *json, size_t len, bool podman);
void sg_ctrinfo_free(struct sg_ctrinfo *ci);
void sg_image_split(const char *image, char **repo, char **tag, char **digest);
struct sg_ctrmeta;
void sg_ctrmeta_free(struct sg_ctrmeta *cm);

struct sg_cgent {
	uint64_t id;       /* cgroup v2 id (inode) */
	bool missing;      /* a walk did not find it: do not walk again for it */
	char cid[16];
};

struct sg_cgmap {
	struct sg_idmap map; /* of struct sg_cgent */
	time_t scanned;    /* CLOCK_MONOTONIC second of the last walk */
	bool ever;
};

void sg_cgmap_free(struct sg_cgmap *m);
/* Container id of a cgroup path ("/system.slice/docker-<id>.scope"). */
void sg_container_from_path(const char *path, size_t len, char out[16]);
/* Container id from /proc/PID/cgroup text; *cgpath set to the v2 path. */
void sg_container_from_procfile(const char *text, size_t len, char out[16],
				const char **v2path, size_t *v2len);
/* Container id of a cgroup id; "" when the cgroup is not found. */
void sg_container_of_cgroup(struct sg_state *st, uint64_t cgid, char out[16]);
/* The cgroup id of a v2 path (its directory inode), 0 if unknown. */
uint64_t sg_cgroup_id_of_path(struct sg_state *st, const char *path, size_t len);

/* ---- sockets seen in /proc/net (netscan.c) ----------------------------- */

struct sg_sockent {
	uint64_t ino;
	struct sg_tuple t;
	bool listening;
	bool server;       /* accepted: this end is the server */
	bool ambiguous;    /* listed more than once: names nothing */
	char *path;        /* AF_UNIX bound path, or NULL */
};

struct sg_sockmap {
	struct sg_idmap map; /* of struct sg_sockent */
};

int sg_sockmap_load(struct sg_sockmap *m);
/* Add the sockets of /proc/net/unix text (exposed for tests). */
void sg_sockmap_parse_unix(struct sg_sockmap *m, const char *text, size_t len);
const struct sg_sockent *sg_sockmap_get(const struct sg_sockmap *m, uint64_t ino);
void sg_sockmap_free(struct sg_sockmap *m);

/* sg_fd.netrole: whether is_server is known, or must be guessed when a
 * datagram's tuple arrives (read/write-family calls on a socket). */
/* The start of Linux's default ip_local_port_range: a port at or above it
 * was most likely handed out by the kernel, to a client. */
#define SG_EPHEMERAL_PORT_MIN 32768

enum sg_netrole {
	SG_ROLE_GUESS = 0, /* history unknown (/proc): guess from ports / direction */
	SG_ROLE_UNBOUND,   /* made by socket(), never bound: its port is ephemeral */
	SG_ROLE_KNOWN,     /* accept, listen, bind, connect or /proc said */
};

/* ---- the state -------------------------------------------------------- */

struct sg_fdtab {
	struct sg_fd **b;
	uint32_t mask;     /* buckets - 1 */
	uint32_t n;
};

struct sg_state {
	struct sg_proc **pb;
	uint32_t pmask;
	uint32_t nprocs;
	uint64_t nfds;
	uint64_t procs_dropped;
	uint32_t reap_at;  /* nprocs that triggers the next reap */
	uint64_t now_ts;   /* evt.rawtime of the latest event */
	uint64_t boot_to_epoch_ns; /* CLOCK_BOOTTIME -> epoch (sg_state_set_clock) */
	long clk_tck;      /* /proc/PID/stat starttime ticks a second */

	char etc[PATH_MAX];
	char cgroot[PATH_MAX]; /* cgroup v2 mount, "/sys/fs/cgroup" */
	struct sg_idfile passwd, group;
	struct sg_cgmap cg;
	struct sg_sockmap socks; /* during a scan, and for /proc fallbacks */
	time_t socks_loaded;     /* CLOCK_MONOTONIC second of the last load */
	DIR *scan;               /* /proc, while sg_state_scan_step has more */

	uint8_t act[SG_MAX_SYSCALLS]; /* per syscall nr: enum sg_act + 1, 0 = not yet */
	uint8_t fdarg[SG_MAX_SYSCALLS]; /* per nr: index of an "fd" ARG param + 2, 1 none, 0 not yet */
	char *scratch;     /* SG_PROCFS_ARGS_MAX + 2 bytes for /proc reads */
	struct sg_strbuf sb; /* scratch text (names, paths) */
	/* chdir changes the cwd before the filter runs (proc.cwd is the new
	 * one), but its own relative path was relative to the old one: kept
	 * here for that one event (sg_state_path). */
	struct sg_strbuf oldcwd;
	const struct sg_event *oldcwd_ev;
	/* Seeded from a capture file (state/seed.c): this host's /proc, /etc,
	 * cgroups and pids say nothing about the processes it recorded. */
	bool offline;
	/* container metadata (ctrmeta.c): made on the first field that asks */
	struct sg_ctrmeta *ctrmeta;
	bool ctrmeta_failed;
	const char *engines[SG_ENGINES_MAX];
	unsigned nengines;
	bool engines_set;
	const struct sg_ctrinfo *ctr_last; /* the last one read, for ctr_last_id */
	char ctr_last_id[16];
};

/* What a syscall does to state, by its name (fdevents.c). */
enum sg_act {
	SG_ACT_NONE = 0,
	SG_ACT_OPEN,
	SG_ACT_SOCKET,
	SG_ACT_SOCKETPAIR,
	SG_ACT_ACCEPT,
	SG_ACT_PIPE,
	SG_ACT_DUP,
	SG_ACT_FCNTL,
	SG_ACT_EVENTFD,
	SG_ACT_SIGNALFD,
	SG_ACT_INOTIFY,
	SG_ACT_TIMERFD,
	SG_ACT_EPOLL,
	SG_ACT_MEMFD,
	SG_ACT_USERFAULTFD,
	SG_ACT_IO_URING,
	SG_ACT_BPF,
	SG_ACT_CONNECT,
	SG_ACT_BIND,
	SG_ACT_LISTEN,
	SG_ACT_CHDIR,
	SG_ACT_FCHDIR,
	SG_ACT_CLOSE,
	SG_ACT_CLOSE_RANGE,
	SG_ACT_NEWFD,      /* some other call returning an fd: ask /proc */
	SG_ACT_NETIO,      /* send/recv family: the tuple may name the fd */
	SG_ACT_CAPSET,     /* the process's capabilities (procevents.c) */
	SG_ACT_SETSID,     /* a new session and process group */
	SG_ACT_SETPGID,    /* a new process group */
};

enum sg_act sg_act_of(const struct sg_syscall_def *def);

/* users.c: the entries of passwd- / group-format text (owned by f). */
void sg_idfile_set_text(struct sg_idfile *f, char *text);

/* proc.c */
struct sg_proc *sg_proc_alloc(uint32_t pid);
void sg_proc_insert(struct sg_state *st, struct sg_proc *p);
void sg_proc_remove(struct sg_state *st, uint32_t pid);
void sg_proc_destroy(struct sg_state *st, struct sg_proc *p);
void sg_proc_set_str(char **dst, const char *s, size_t n);
/* exepath, and its memo dropped */
void sg_proc_set_exepath(struct sg_proc *p, const char *s, size_t n);
/* argv / environment as NUL-separated bytes (argv[0] becomes exe). */
void sg_proc_set_argv(struct sg_proc *p, const char *a, size_t n);
void sg_proc_set_env(struct sg_proc *p, const char *a, size_t n);
void sg_proc_set_container(struct sg_state *st, struct sg_proc *p, uint64_t cgid);
void sg_state_reap(struct sg_state *st);
/* No argv captured: no args, and exe is the filename (may be NULL). */
void sg_proc_clear_argv(struct sg_proc *p, const char *filename, size_t flen);
/* A new process's strings (exe, exepath, cwd, argv, env) from its parent's. */
void sg_proc_copy_strings(struct sg_proc *c, const struct sg_proc *pp);

/* procfs.c: fill p from /proc/PID; false when the process is gone. */
bool sg_procfs_load(struct sg_state *st, struct sg_proc *p, bool with_fds);
/* Container id again from /proc/PID/cgroup (exec): on a cgroup v1 host a
 * move into a v1 container cgroup leaves the v2 id the probe sends as it was. */
void sg_procfs_cgroup(struct sg_state *st, struct sg_proc *p);
/* One fd of pid from /proc/PID/fd/N (readlink + fdinfo), or NULL. */
struct sg_fd *sg_procfs_fd(struct sg_state *st, struct sg_proc *p, int64_t num);
/* Classify a /proc fd link ("socket:[12]", "/etc/passwd") into f. */
void sg_fd_from_link(struct sg_state *st, struct sg_fd *f, const char *link,
		     size_t len, uint32_t flags);

/* fdtable.c */
struct sg_fdtab *sg_fdtab_new(void);
void sg_fdtab_free(struct sg_state *st, struct sg_fdtab *t);
struct sg_fdtab *sg_fdtab_copy(struct sg_state *st, const struct sg_fdtab *t);
struct sg_fd *sg_fdtab_get(struct sg_fdtab *t, int64_t num);
/* Add (replacing any fd of that number); takes ownership of f. */
struct sg_fd *sg_fdtab_put(struct sg_state *st, struct sg_fdtab *t, struct sg_fd *f);
void sg_fdtab_del(struct sg_state *st, struct sg_fdtab *t, int64_t num);
void sg_fdtab_drop_cloexec(struct sg_state *st, struct sg_fdtab *t);
void sg_fdtab_del_range(struct sg_state *st, struct sg_fdtab *t, uint64_t lo,
			uint64_t hi);
void sg_fdtab_cloexec_range(struct sg_fdtab *t, uint64_t lo, uint64_t hi);
struct sg_fd *sg_fd_new(int64_t num, unsigned type, const char *name, size_t len);
void sg_fd_free(struct sg_fd *f);
void sg_fd_set_name(struct sg_fd *f, const char *name, size_t len);
/* sizeof(sun_path): the longest AF_UNIX address */
#define SG_UNIX_ADDR_MAX 108
/* fd.name of an AF_UNIX address (raw sun_path bytes or /proc text). */
void sg_fd_set_unix_name(struct sg_fd *f, const char *a, size_t n);
/* Name of a socket fd from its tuple: "client->server", or the server's
 * own "ip:port" when listening. */
void sg_fd_name_from_tuple(struct sg_state *st, struct sg_fd *f,
			   const char *unix_path, size_t ulen);

/* fdevents.c: apply what a syscall event does to the fd table; returns
 * the fd its result names when it made one. */
struct sg_fd *sg_fdevents_before(struct sg_state *st, struct sg_event *e, enum sg_act act);
void sg_fdevents_after(struct sg_state *st, struct sg_event *e, enum sg_act act);

/* procevents.c: the process an event belongs to (found, else read from
 * /proc, else made from the event header), its header fields refreshed. */
struct sg_proc *sg_proc_get(struct sg_state *st, const struct sg_event *e);
/* ... and what capset, setsid and setpgid change in the process. */
void sg_procevents_before(struct sg_state *st, struct sg_event *e, enum sg_act act);
/* Copy what a process record says into p (exec, fork). */
void sg_proc_from_info(struct sg_state *st, struct sg_proc *p, const struct sg_procinfo *pi);
/* Boottime ns -> ns since the epoch (0 stays 0: unknown); inline, as the
 * clock is the state's own and every filler (/proc, records) needs it. */
static inline uint64_t sg_state_epoch_ns(const struct sg_state *st, uint64_t boot_ns)
{
	return boot_ns ? boot_ns + st->boot_to_epoch_ns : 0;
}
/* fd.nameraw of f: the path an open passed (raw is_name: same as the name). */
void sg_fd_set_name_raw(struct sg_fd *f, const char *raw, size_t len);

/* path.c: "/a/b" + "../c" -> "/a/c" into out (reset first). */
void sg_path_join(struct sg_strbuf *out, const char *base, const char *rel, size_t rlen);

/* time */
time_t sg_mono_sec(void);

#endif /* SG_STATE_INT_H */
