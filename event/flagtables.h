/*
 * Name tables for FLAGS and ENUM parameters (open flags, clone flags, signals,
 * socket families, prctl options...).  A param def names its table by id.
 */
#ifndef SG_FLAGTABLES_H
#define SG_FLAGTABLES_H

#include <stdint.h>

#include "event/strbuf.h"

struct sg_flagname {
	uint64_t value;
	const char *name;
};

/* X(id): one table each; the tables themselves live in event/flagtables.c */
#define SG_FLAGTABLES(X)                                                    \
	X(NONE)                                                             \
	X(OPEN_FLAGS)      /* O_RDONLY|O_CLOEXEC... (access mode handled) */ \
	X(AT_FLAGS)        /* AT_SYMLINK_NOFOLLOW, AT_REMOVEDIR, AT_EMPTY_PATH */ \
	X(RENAME_FLAGS)    /* RENAME_NOREPLACE... */                          \
	X(CLONE_FLAGS)     /* CLONE_VM|CLONE_FS... */                         \
	X(SIGNALS)         /* SIGKILL (enum) */                               \
	X(SOCK_FAMILY)     /* AF_INET (enum) */                               \
	X(SOCK_TYPE)       /* SOCK_STREAM|SOCK_NONBLOCK */                    \
	X(SOCK_PROTO)      /* IPPROTO_TCP (enum) */                           \
	X(SHUTDOWN_HOW)    /* SHUT_RD (enum) */                               \
	X(MSG_FLAGS)       /* MSG_DONTWAIT... */                              \
	X(PROT_FLAGS)      /* PROT_READ|PROT_WRITE */                         \
	X(MMAP_FLAGS)      /* MAP_SHARED|MAP_ANONYMOUS */                     \
	X(ACCESS_MODE)     /* R_OK|W_OK|X_OK, F_OK */                         \
	X(FCNTL_CMD)       /* F_DUPFD (enum) */                               \
	X(PTRACE_REQ)      /* PTRACE_ATTACH (enum) */                         \
	X(PRCTL_OPT)       /* PR_SET_NAME (enum) */                           \
	X(SECCOMP_OP)      /* SECCOMP_SET_MODE_FILTER (enum) */               \
	X(BPF_CMD)         /* BPF_PROG_LOAD (enum) */                         \
	X(MOUNT_FLAGS)     /* MS_RDONLY|MS_BIND */                            \
	X(UMOUNT_FLAGS)    /* MNT_FORCE|MNT_DETACH */                         \
	X(NS_FLAGS)        /* CLONE_NEWNS|CLONE_NEWPID (setns, unshare) */    \
	X(EPOLL_FLAGS)     /* EPOLL_CLOEXEC */                                \
	X(PIPE_FLAGS)      /* O_CLOEXEC|O_NONBLOCK|O_DIRECT */                \
	X(MEMFD_FLAGS)     /* MFD_CLOEXEC|MFD_ALLOW_SEALING */                \
	X(FSCONFIG_CMD)    /* FSCONFIG_SET_STRING (enum) */                   \
	X(SOCKOPT_LEVEL)   /* SOL_SOCKET (enum) */                            \
	X(SOCKOPT_NAME)    /* SO_REUSEADDR (enum, SOL_SOCKET) */              \
	X(WHENCE)          /* SEEK_SET (enum) */                              \
	X(IO_URING_FLAGS)  /* IORING_SETUP_* */                               \
	X(SPLICE_FLAGS)    /* SPLICE_F_* */                                   \
	X(STATX_MASK)      /* STATX_TYPE|... */                               \
	X(CAPS)            /* capability bits */                              \
	X(PERSONALITY)     /* PER_LINUX... */                                \
	X(ACCESS_AT_FLAGS) /* faccessat2: AT_EACCESS, AT_SYMLINK_NOFOLLOW */    \
	X(RESOLVE_FLAGS)   /* openat2 how.resolve: RESOLVE_* */                 \
	X(EXECVE_FLAGS)    /* Falco's execve flags: EXE_WRITABLE|EXE_UPPER_LAYER */

/*
 * Open flags as Falco's drivers encode them (PPM_O_* in libs): the value an
 * open event carries in evt.rawarg.flags and sysdig prints, e.g.
 * flags=4097(O_RDONLY|O_CLOEXEC).  The access mode is two bits, RDONLY
 * being one of them (RDWR = both).  Kernel flags libs has no bit for
 * (O_NOCTTY, O_ASYNC, O_NOATIME, O_PATH, O_NOFOLLOW) are not kept.
 */
#define SG_PPM_O_RDONLY (1u << 0)
#define SG_PPM_O_WRONLY (1u << 1)
#define SG_PPM_O_RDWR (SG_PPM_O_RDONLY | SG_PPM_O_WRONLY)
#define SG_PPM_O_CREAT (1u << 2)
#define SG_PPM_O_APPEND (1u << 3)
#define SG_PPM_O_DSYNC (1u << 4)
#define SG_PPM_O_EXCL (1u << 5)
#define SG_PPM_O_NONBLOCK (1u << 6)
#define SG_PPM_O_SYNC (1u << 7)
#define SG_PPM_O_TRUNC (1u << 8)
#define SG_PPM_O_DIRECT (1u << 9)
#define SG_PPM_O_DIRECTORY (1u << 10)
#define SG_PPM_O_LARGEFILE (1u << 11)
#define SG_PPM_O_CLOEXEC (1u << 12)
#define SG_PPM_O_TMPFILE (1u << 13)

/* The kernel's open(2) flags of this architecture in Falco's encoding. */
uint32_t sg_open_flags_ppm(uint64_t kernel_flags);

enum sg_flagtable_id {
#define SG_FTB_ENUM(id) SG_TBL_##id,
	SG_FLAGTABLES(SG_FTB_ENUM)
#undef SG_FTB_ENUM
	SG_TBL_MAX
};

/* Render v with table t: "O_RDONLY|O_CLOEXEC" for flags, "SIGKILL" for an
 * enum; nothing is appended when no name applies.  Returns names written. */
int sg_flags_render(struct sg_strbuf *b, unsigned t, uint64_t v, int is_enum);

/* Value of one name in table t ("O_CLOEXEC"), for filters; -1 if unknown. */
int64_t sg_flags_value(unsigned t, const char *name);

/* The names table t renders (aliases not included), *n of them; NULL when
 * t is unknown.  For tests and completion. */
const struct sg_flagname *sg_flags_names(unsigned t, unsigned *n);

#endif /* SG_FLAGTABLES_H */
