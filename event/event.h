/*
 * The decoded event: the one structure that flows from the event source
 * (live probe today, capture files later) through state and filter to output.
 * Nothing here knows where the event came from.
 */
#ifndef SG_EVENT_H
#define SG_EVENT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define SG_MAX_PARAMS 32
#define SG_EVENT_COMM_LEN 16

/* Parameter types: how a parameter is stored, compared and rendered.
 * Names follow the Falco event table's PT_* where one exists. */
#define SG_PTYPES(X)                                                          \
	X(NONE)                                                               \
	X(INT)      /* signed decimal */                                      \
	X(UINT)     /* unsigned decimal */                                    \
	X(HEX)      /* unsigned, shown 0x... (addresses, raw args) */         \
	X(ERRNO)    /* result: negative = -errno, rendered -2(ENOENT) */      \
	X(FD)       /* file descriptor, rendered 3(<f>/etc/passwd) */         \
	X(DIRFD)    /* dirfd, -100 rendered AT_FDCWD */                       \
	X(PID)      /* pid, rendered 123(bash) when known */                  \
	X(UID)      /* uid, rendered 1000(alice) */                           \
	X(GID)      /* gid, rendered 1000(users) */                           \
	X(MODE)     /* octal file mode, 0644 */                               \
	X(FLAGS)    /* bit flags with a name table: 4097(O_RDONLY|O_CLOEXEC) */\
	X(ENUM)     /* one value of a name table: 2(SIGINT) */                \
	X(SIGNAL)   /* signal number */                                       \
	X(PATH)     /* captured path (relative ones resolved for fs.path) */  \
	X(STR)      /* captured string */                                     \
	X(BYTES)    /* captured buffer, bounded by the snaplen */             \
	X(SOCKADDR) /* captured struct sockaddr */                            \
	X(TUPLE)    /* struct sg_tuple read in the kernel */                  \
	X(FDPAIR)   /* two fds (pipe, socketpair) */                          \
	X(CHARBUFARRAY) /* NUL separated strings (argv, env) */               \
	X(DEV)      /* device number */                                       \
	X(RAW)      /* captured struct shown as hex bytes */                  \
	X(ABSTIME)  /* ns since the epoch, shown as local date and time */

enum sg_ptype {
#define SG_PT_ENUM(n) SG_PT_##n,
	SG_PTYPES(SG_PT_ENUM)
#undef SG_PT_ENUM
	SG_PT_MAX
};

/* Where a parameter's value comes from. */
enum sg_psrc {
	SG_SRC_RES = 1, /* the syscall result */
	SG_SRC_ARG,     /* raw argument arg (int value) */
	SG_SRC_CAP,     /* a payload captured by the probe (cap kind, arg, aux) */
	SG_SRC_STATE,   /* filled by the event source from state (execve exe/args) */
};

struct sg_param_def {
	const char *name;  /* Falco event-table name: fd, name, flags, res... */
	uint8_t type;      /* enum sg_ptype */
	uint8_t src;       /* enum sg_psrc */
	uint8_t arg;       /* argument index (ARG, CAP) */
	uint8_t cap;       /* enum sg_cap_kind (CAP) */
	uint8_t aux;       /* cap aux: length arg index, or struct size / 8 */
	uint8_t capflags;  /* SG_CAPF_* */
	uint16_t table;    /* name table for FLAGS / ENUM (event/flagtables.h) */
};

/* evt.category values. */
#define SG_CATEGORIES(X)                                                     \
	X(OTHER, "other")                                                    \
	X(FILE, "file")                                                      \
	X(NET, "net")                                                        \
	X(PROCESS, "process")                                                \
	X(MEMORY, "memory")                                                  \
	X(IPC, "ipc")                                                        \
	X(SIGNAL, "signal")                                                  \
	X(TIME, "time")                                                      \
	X(SYSTEM, "system")                                                  \
	X(SECURITY, "security")                                              \
	X(USER, "user")

enum sg_category {
#define SG_CAT_ENUM(id, s) SG_CAT_##id,
	SG_CATEGORIES(SG_CAT_ENUM)
#undef SG_CAT_ENUM
	SG_CAT_MAX
};

/* sg_syscall_def.flags: what a syscall means for state and fields. */
#define SG_SC_FD_ARG0 0x0001    /* arg0 is the fd the event is about (fd.*) */
#define SG_SC_FD_RES 0x0002     /* the result is a new fd (fd.* of the new fd) */
#define SG_SC_OPEN 0x0004       /* open family (evt.is_open_read/write) */
#define SG_SC_CLOSE 0x0008      /* removes the fd in arg0 */
#define SG_SC_NET 0x0010        /* socket call (tuple fields) */
#define SG_SC_READ 0x0020       /* reads data (evt.is_io_read) */
#define SG_SC_WRITE 0x0040      /* writes data (evt.is_io_write) */
#define SG_SC_STATE 0x0080      /* changes process / fd state: always captured */
#define SG_SC_DIRFD_ARG0 0x0100 /* arg0 is a dirfd for the path param */
#define SG_SC_NORETURN 0x0200   /* never returns: no exit event (exit, exit_group) */
/* The probe also sends the path of the new fd (the result) as the kernel
 * holds it (SG_CAP_RES_PATH, after the params' captures): the event's
 * kpath, which names the fd in state; the path param stays the caller's. */
#define SG_SC_KPATH 0x0400
#define SG_SC_GENERIC 0x8000    /* not in the event table: raw args only */

struct sg_syscall_def {
	const char *name;     /* evt.type */
	uint8_t category;     /* enum sg_category */
	uint8_t nparams;
	uint16_t flags;       /* SG_SC_* */
	struct sg_param_def params[SG_MAX_PARAMS];
};

/* One decoded parameter of an event. */
struct sg_param {
	const struct sg_param_def *def;
	int64_t num;          /* numeric value (ARG, RES) */
	const uint8_t *data;  /* captured bytes (CAP, STATE); not NUL terminated */
	uint32_t len;
	uint8_t flags;        /* SG_PARAM_* */
};

#define SG_PARAM_DATA 0x1  /* data/len are valid */
#define SG_PARAM_TRUNC 0x2 /* cut at the bound (snaplen, SG_STR_MAX) */
#define SG_PARAM_FAULT 0x4 /* the probe could not read it */

struct sg_proc; /* state/state.h */
struct sg_fd;   /* state/state.h */
struct sg_state;

/* Event kinds as seen by filter and output. */
enum sg_evkind {
	SG_EV_SYSCALL = 1,
	SG_EV_PROCEXIT, /* evt.type=procexit */
};

struct sg_event {
	uint64_t num;         /* evt.num, from 1 */
	uint64_t ts;          /* ns since the Unix epoch */
	uint32_t cpu;
	uint32_t tid;
	uint32_t pid;
	uint32_t ppid;
	uint32_t uid;
	uint32_t gid;
	uint32_t loginuid;
	uint64_t cgroup_id;
	char comm[SG_EVENT_COMM_LEN]; /* NUL terminated */
	uint16_t kind;        /* enum sg_evkind */
	uint16_t nr;          /* syscall number (SG_EV_SYSCALL) */
	const struct sg_syscall_def *def; /* never NULL once decoded */
	int64_t res;
	uint64_t args[6];
	uint8_t nparams;
	struct sg_param params[SG_MAX_PARAMS];

	/* Resolved by the state layer before the filter runs; may be NULL. */
	struct sg_state *state;
	struct sg_proc *proc;
	struct sg_fd *fd;     /* the fd the event is about (fd.*) */
	int64_t fdnum;        /* its number, -1 if the event has none */

	/* The path of the file the call opened, from the new fd's struct file
	 * (SG_SC_KPATH, or a SG_CAP_RES_PATH param); NULL when not captured
	 * or not whole.  Absolute, not NUL terminated; points into the record. */
	const char *kpath;
	uint32_t kpath_len;
	bool fd_name_changed; /* the event gave fd a new name (fd.name_changed) */
};

/* The parameter called name, or NULL. */
const struct sg_param *sg_event_param(const struct sg_event *e, const char *name);

/* The number a numeric parameter holds, also when it was captured (pipe's
 * fd pair, a field of a user struct); false for a capture that did not
 * happen.  Defined in syscalls.c, beside the capture rule it applies. */
bool sg_param_num(const struct sg_param *p, int64_t *v);

#endif /* SG_EVENT_H */
