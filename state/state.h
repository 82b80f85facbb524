/*
 * Process, file-descriptor, user and container state, kept from the event
 * stream (and seeded from /proc).  Filter and output read it only through
 * the event (e->proc, e->fd) and the lookups below.
 */
#ifndef SG_STATE_H
#define SG_STATE_H

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "event/abi.h"
#include "event/event.h"
#include "event/fields.h"

/* fd types: X(id, "fd.type name", typechar) */
#define SG_FDTYPES(X)                        \
	X(UNKNOWN, "unknown", '?')           \
	X(FILE, "file", 'f')                 \
	X(DIRECTORY, "directory", 'd')       \
	X(IPV4, "ipv4", '4')                 \
	X(IPV6, "ipv6", '6')                 \
	X(UNIX, "unix", 'u')                 \
	X(PIPE, "pipe", 'p')                 \
	X(EVENT, "event", 'e')               \
	X(SIGNALFD, "signalfd", 's')         \
	X(EVENTPOLL, "eventpoll", 'l')       \
	X(INOTIFY, "inotify", 'i')           \
	X(TIMERFD, "timerfd", 't')           \
	X(NETLINK, "netlink", 'n')           \
	X(MEMFD, "memfd", 'm')               \
	X(BPF, "bpf", 'b')                   \
	X(USERFAULTFD, "userfaultfd", 'u')   \
	X(IO_URING, "io_uring", 'r')         \
	X(SOCKET, "socket", 'o')

enum sg_fdtype {
#define SG_FDT_ENUM(id, s, c) SG_FDT_##id,
	SG_FDTYPES(SG_FDT_ENUM)
#undef SG_FDT_ENUM
	SG_FDT_MAX
};

const char *sg_fdtype_name(unsigned t);
char sg_fdtype_char(unsigned t);

/*
 * A string that an output format derives from an entry's string (its
 * JSON-escaped form, quotes included), made once by the output and kept
 * with the entry; state drops it whenever the string it came from changes
 * (exec, rename, a new name) and when the entry goes, so it is never
 * stale and no format escapes the same path for every event.
 */
struct sg_memo {
	char *p; /* NULL: not made */
	uint32_t len;
};

/* Keep a copy of s as m (nothing when memory runs out: made again later). */
void sg_memo_set(struct sg_memo *m, const char *s, size_t n);
void sg_memo_drop(struct sg_memo *m);

struct sg_fd {
	int64_t num;
	uint8_t type;       /* enum sg_fdtype */
	uint8_t is_server;  /* accepted or listening socket */
	uint8_t cloexec;
	uint8_t netrole;    /* sockets: how is_server was learnt (SG_ROLE_*, state_int.h) */
	uint32_t openflags;
	char *name;         /* path, tuple text "1.2.3.4:5->6.7.8.9:10", or pipe:[ino] */
	uint32_t name_len1; /* strlen(name) + 1 as sg_fd_set_name measured it; 0: not */
	struct sg_memo name_memo; /* of name; dropped with it */
	uint32_t name_gen;  /* bumped when the name's text changes (fd.name_changed) */
	/* fd.nameraw: the path as the open call passed it; NULL with
	 * raw_is_name when it was the name itself, NULL alone when the fd was
	 * not opened by path in sysgrep's view (found in /proc, a socket) */
	char *name_raw;
	uint8_t raw_is_name;
	uint8_t connected;  /* sockets: connect() / accept() made it (fd.connected) */
	struct sg_tuple tuple; /* sockets: local/remote as the kernel saw them */
	/* hash-table links are private to the implementation */
	struct sg_fd *next;
};

/* fd.name's length without a strlen per event (the filter asks often). */
static inline size_t sg_fd_name_len(const struct sg_fd *f)
{
	if (f->name_len1)
		return f->name_len1 - 1;
	return f->name ? strlen(f->name) : 0;
}

struct sg_proc {
	uint32_t pid;       /* tgid */
	uint32_t ppid;
	uint32_t vpid;
	uint32_t sid;
	uint32_t pgid;
	uint32_t tty;
	uint32_t loginuid;
	uint32_t uid, gid;
	char comm[SG_COMM_LEN];
	char *exe;          /* argv[0] */
	char *exepath;      /* full path of the executable (set: sg_proc_set_exepath) */
	struct sg_memo exepath_memo; /* of exepath; dropped with it */
	/* unique over the run, new whenever exepath changes: an output may
	 * keep text made from this entry for as long as it is the same */
	uint64_t gen;
	char *args;         /* argv[1..], NUL separated */
	uint32_t args_len;
	uint32_t nargs;
	char *env;          /* NUL separated */
	uint32_t env_len;
	bool args_cut, env_cut; /* argv / envp longer than was captured */
	char *cwd;          /* absolute, no trailing slash (except "/") */
	uint64_t cgroup_id;
	char container_id[16]; /* "" unknown, "host", or 12 hex digits */
	bool in_container;
	uint32_t nthreads;
	uint64_t last_ts;   /* evt.rawtime of its latest event (for reaping) */
	/* From the probe's process records, else /proc (0: not known). */
	uint32_t vpgid;     /* process group in its own pid namespace */
	bool caps_known;
	uint64_t cap_eff, cap_prm, cap_inh;
	uint64_t start_ns;  /* the process's start, ns since the epoch (proc.pid.ts) */
	uint64_t pidns_start_ns; /* start of its pid namespace's init, epoch ns */
	uint64_t exe_ino;   /* the executable's inode, its change and modification times */
	uint64_t exe_ctime_ns, exe_mtime_ns;
	uint8_t exe_flags;  /* SG_EXE_* (event/abi.h) */
	uint64_t fdlimit;   /* at its exec (or fork, or /proc): Falco's execve / clone params */
	uint64_t maj_flt, min_flt;
	uint32_t vm_size_kb, vm_rss_kb, vm_swap_kb;
	/* fd table and hash links: private to the implementation */
	void *fds;
	struct sg_proc *next;
};

struct sg_state;

struct sg_state *sg_state_new(void);
void sg_state_free(struct sg_state *st);

/* Seed processes and their fds from /proc (at start, before events flow). */
int sg_state_scan_proc(struct sg_state *st);

/* The same scan in steps, so that events flow while it goes on (10,000
 * processes take seconds to read): sg_state_scan_begin, then
 * sg_state_scan_step (at most MAX processes each) until it returns false.
 * A process an event named first was loaded from /proc then and is left
 * as it is; a zombie is skipped, as its exit may already have been seen. */
int sg_state_scan_begin(struct sg_state *st);
bool sg_state_scan_step(struct sg_state *st, unsigned max);

/*
 * Before the filter runs: find (or create) the event's process, resolve its
 * fd (e->fd, e->fdnum) and apply what the event creates (open: the new fd
 * is visible to the filter).  After output: apply what it removes (close,
 * exit), so the filter and output of a close still see the fd's name.
 */
void sg_state_before(struct sg_state *st, struct sg_event *e);
void sg_state_after(struct sg_state *st, struct sg_event *e);

/* Process records (exec / fork / exit) from the probe, already decoded.
 * FORK: the header is the new task's (tid, pid = its tgid, ppid = its
 * parent's tgid); a thread (SG_RECF_THREAD) only joins its process.
 * EXIT: thread bookkeeping only; the process is dropped by sg_state_after()
 * of its procexit event (args[0] & SG_RECF_GROUP_DEAD), so the filter and
 * output of that event still see it. */
/* cut: SG_EXEC_ARGS_CUT / SG_EXEC_ENV_CUT when the probe's capture of
 * argv / envp stopped at its bound. */
#define SG_EXEC_ARGS_CUT 0x1
#define SG_EXEC_ENV_CUT 0x2
void sg_state_exec(struct sg_state *st, const struct sg_rec *r,
		   const struct sg_procinfo *pi, const char *filename, uint32_t flen,
		   const char *args, uint32_t alen, const char *env, uint32_t elen,
		   unsigned cut);
void sg_state_fork(struct sg_state *st, const struct sg_rec *r,
		   const struct sg_procinfo *pi);
void sg_state_exit(struct sg_state *st, const struct sg_rec *r);

/* Longest chain of ppid links followed (proc.aname[N], proc.loginshellid):
 * stale ppids after pid reuse can make a loop, and a walk must end. */
#define SG_ANCESTORS_MAX 64

/* What the probe must send of syscall d for the state to stay right when
 * anything reads it, whatever the filter selects: SG_SEL_STATE for calls
 * that change process or fd state, SG_SEL_STATE_DGRAM for the send/recv
 * family (a datagram socket learns its peer there), else 0. */
unsigned sg_state_sel(const struct sg_syscall_def *d);

struct sg_proc *sg_state_proc(struct sg_state *st, uint32_t pid);
/* How many fds p has open, as far as the state knows (proc.fdopencount). */
uint32_t sg_state_fd_count(const struct sg_proc *p);
struct sg_fd *sg_state_fd(struct sg_state *st, uint32_t pid, int64_t fd);

struct sg_strbuf;
/* The absolute path of a path parameter of e (PATH / STR bytes), resolved
 * against its dirfd (the DIRFD parameter just before it, or arg 0 for
 * SG_SC_DIRFD_ARG0 calls) or the process's cwd, and normalised ("." and
 * ".." removed).  False when it cannot be resolved (unknown cwd or dirfd). */
bool sg_state_path(struct sg_event *e, const struct sg_param *p, struct sg_strbuf *out);

/* Users and groups from /etc/passwd and /etc/group (no NSS: works static).
 * The directory is /etc, or $SYSGREP_ETC, or what sg_state_set_etc says
 * (tests); the files are re-read when they change. */
void sg_state_set_etc(struct sg_state *st, const char *dir);

/* The offset from CLOCK_BOOTTIME to the epoch that event times use, so
 * process start times (boottime in the kernel) compare with them; the
 * state measures its own until the source sets it. */
void sg_state_set_clock(struct sg_state *st, uint64_t boot_to_epoch_ns);
const char *sg_user_name(struct sg_state *st, uint32_t uid);
const char *sg_user_home(struct sg_state *st, uint32_t uid);
const char *sg_user_shell(struct sg_state *st, uint32_t uid);
const char *sg_group_name(struct sg_state *st, uint32_t gid);

/*
 * A capture file's state (state/seed.c): seeded from its process, fd and
 * user lists, never from this host.  sg_state_set_offline() first: from
 * then on /proc, /etc, cgroups and kill(2) are never consulted.
 */
void sg_state_set_offline(struct sg_state *st);
bool sg_state_is_offline(const struct sg_state *st);

struct sg_proc_seed {
	uint32_t pid, ppid, vpid, sid, pgid, tty, uid, gid, loginuid;
	const char *comm, *exe, *exepath, *cwd; /* NUL terminated, or NULL */
	const char *args;    /* argv[0] NUL argv[1] ... (exe wins for argv[0]) */
	uint32_t args_len;
	const char *env;     /* NUL separated */
	uint32_t env_len;
	const char *cgroups; /* libs' "controller=/path" NUL separated */
	uint32_t cgroups_len;
};
/* A listed thread: the first of a pid makes the process, later ones count
 * as its threads. */
struct sg_proc *sg_state_seed_proc(struct sg_state *st, const struct sg_proc_seed *s);

struct sg_fd_seed {
	int64_t num;
	uint8_t type;        /* enum sg_fdtype */
	uint8_t is_server;
	uint32_t openflags;  /* Falco's encoding */
	const char *name;    /* fd.name (a socket's is made from the tuple) */
	size_t name_len;
	const struct sg_tuple *tuple; /* sockets, or NULL */
};
struct sg_fd *sg_state_seed_fd(struct sg_state *st, uint32_t pid, const struct sg_fd_seed *s);

/* The cwd a capture's event reports (execve's); absolute paths only. */
void sg_state_set_cwd(struct sg_state *st, struct sg_proc *p, const char *cwd, size_t n);

/* passwd- and group-format text (name:x:uid:gid:gecos:home:shell), owned
 * by the state from now on; NULL leaves that list as it is. */
void sg_state_seed_ids(struct sg_state *st, char *passwd, char *group);

/* Walks, for the capture writer's lists. */
struct sg_id {
	uint32_t id, gid;
	const char *name, *home, *shell; /* home, shell: users only */
};
void sg_state_each_proc(struct sg_state *st, void (*cb)(void *ctx, struct sg_proc *p), void *ctx);
void sg_proc_each_fd(struct sg_proc *p, void (*cb)(void *ctx, struct sg_fd *f), void *ctx);
void sg_state_each_id(struct sg_state *st, bool users,
		      void (*cb)(void *ctx, const struct sg_id *id), void *ctx);

/* container.id of a cgroup v2 id ("host", 12 hex digits, or "" when the
 * cgroup is not found), as a process in it gets. */
void sg_state_container_of_cgroup(struct sg_state *st, uint64_t cgid, char out[16]);

/* ---- container metadata from the engine (ctrmeta.c, engine.c) ---------- */

struct sg_ctrmount {
	char *source, *dest, *mode, *propagation;
	bool rw;
};
struct sg_ctrlabel {
	char *key, *value;
};
/* What the engine's inspect document says of a container.  Strings are
 * never NULL ("" when the engine gave none); labels are sorted by key. */
struct sg_ctrinfo {
	char *name, *image, *imageid, *repo, *tag, *digest, *type, *ip;
	bool privileged;
	struct sg_ctrmount *mounts;
	uint32_t nmounts;
	struct sg_ctrlabel *labels;
	uint32_t nlabels;
};

#define SG_ENGINES_MAX 8
/* The engine sockets to ask, in order ("none" skips; no call: podman's
 * /run/podman/podman.sock, then docker's /var/run/docker.sock).  The
 * strings must outlive the state.  -1 when too many or too long. */
int sg_state_set_engines(struct sg_state *st, const char *const *paths, unsigned n);
/* The metadata of container cid (12 hex digits), or NULL while it is not
 * known: the first call queues the question for a worker thread and
 * returns at once; "host", "" and offline states are never asked.  The
 * result stays valid until sg_state_free. */
const struct sg_ctrinfo *sg_state_container_info(struct sg_state *st, const char *cid);
/* The value of label key[0..klen), or NULL. */
const char *sg_ctrinfo_label(const struct sg_ctrinfo *ci, const char *key, size_t klen);

/* ---- names of addresses (dns.c): fd.cip.name, fd.sip.name, ... --------- */

/* Resolve name now (the hosts file, then DNS) and remember its addresses,
 * for the events of the run: a filter's compiler calls it for each name it
 * compares with.  -1 with *err when it has no address (it is remembered
 * anyway, so a comparison with it is simply false). */
int sg_dns_want(const char *name, size_t len, const char **err);
/* The nth (from 1) name given to sg_dns_want, in that order, whose
 * addresses include ip; NULL past the last. */
const char *sg_dns_name_nth(const struct sg_ipaddr *ip, int n);
/* From the first lookup on, the names are resolved again every 30 s by a
 * thread (seconds: another period, for tests; 0 the default). */
void sg_dns_set_refresh(unsigned seconds);
/* Stop that thread and forget every name (tests). */
void sg_dns_forget(void);

/* Sizes, for --stats and the memory-bound tests. */
struct sg_state_stats {
	uint64_t procs, fds, procs_dropped;
};
void sg_state_stats(struct sg_state *st, struct sg_state_stats *out);

#endif /* SG_STATE_H */
