/*
 * The .scap (libs savefile) format: block types, the fixed layouts, and the
 * libs event table (capture/scap_events.c).  Shared by the reader and the
 * writer; every multi-byte field on disk is little-endian and unaligned.
 */
#ifndef SG_SCAP_EVENTS_H
#define SG_SCAP_EVENTS_H

#include <stdint.h>

/* Block types (libs userspace/libscap/scap_savefile.h). */
#define SG_SCAP_SHB 0x0A0D0D0Au   /* section header */
#define SG_SCAP_MAGIC 0x1A2B3C4Du
#define SG_SCAP_MI 0x201u         /* machine info */
#define SG_SCAP_MI_INT 0x8002ABCDu
#define SG_SCAP_PL_V1 0x202u      /* process lists, by version */
#define SG_SCAP_PL_V1_INT 0x8000ABCDu
#define SG_SCAP_PL_V2 0x207u
#define SG_SCAP_PL_V2_INT 0x8013ABCDu
#define SG_SCAP_PL_V3 0x209u
#define SG_SCAP_PL_V3_INT 0x8014ABCDu
#define SG_SCAP_PL_V4 0x210u
#define SG_SCAP_PL_V5 0x211u
#define SG_SCAP_PL_V6 0x212u
#define SG_SCAP_PL_V7 0x213u
#define SG_SCAP_PL_V8 0x214u
#define SG_SCAP_PL_V9 0x215u
#define SG_SCAP_FDL 0x203u        /* fd lists */
#define SG_SCAP_FDL_INT 0x8001ABCDu
#define SG_SCAP_FDL_V2 0x218u
#define SG_SCAP_EV 0x204u         /* events: v1 headers have no nparams */
#define SG_SCAP_EV_INT 0x8010ABCDu
#define SG_SCAP_EV_V2 0x216u
#define SG_SCAP_EV_V2_LARGE 0x221u
#define SG_SCAP_EVF 0x208u        /* events with 32 bits of flags */
#define SG_SCAP_EVF_V2 0x217u
#define SG_SCAP_EVF_V2_LARGE 0x222u
#define SG_SCAP_IL 0x205u         /* interface lists */
#define SG_SCAP_IL_INT 0x8011ABCDu
#define SG_SCAP_IL_V2 0x219u
#define SG_SCAP_UL 0x206u         /* user lists */
#define SG_SCAP_UL_INT 0x8012ABCDu
#define SG_SCAP_UL_V2 0x220u

#define SG_SCAP_BLOCK_HDR 8u      /* u32 type, u32 total length */
#define SG_SCAP_MI_SIZE 180u      /* packed scap_machine_info */
#define SG_SCAP_EVT_HDR 26u       /* u64 ts, u64 tid, u32 len, u16 type, u32 nparams */
#define SG_SCAP_EVT_HDR_V1 22u    /* the same without nparams */

/* fd list entry types (scap_fd_type). */
enum sg_scap_fdtype {
	SG_SCAP_FD_UNKNOWN = 0, SG_SCAP_FD_FILE = 1, SG_SCAP_FD_DIRECTORY = 2,
	SG_SCAP_FD_IPV4_SOCK = 3, SG_SCAP_FD_IPV6_SOCK = 4, SG_SCAP_FD_IPV4_SERVSOCK = 5,
	SG_SCAP_FD_IPV6_SERVSOCK = 6, SG_SCAP_FD_FIFO = 7, SG_SCAP_FD_UNIX_SOCK = 8,
	SG_SCAP_FD_EVENT = 9, SG_SCAP_FD_UNSUPPORTED = 10, SG_SCAP_FD_SIGNALFD = 11,
	SG_SCAP_FD_EVENTPOLL = 12, SG_SCAP_FD_INOTIFY = 13, SG_SCAP_FD_TIMERFD = 14,
	SG_SCAP_FD_NETLINK = 15, SG_SCAP_FD_FILE_V2 = 16, SG_SCAP_FD_BPF = 17,
	SG_SCAP_FD_USERFAULTFD = 18, SG_SCAP_FD_IOURING = 19, SG_SCAP_FD_MEMFD = 20,
	SG_SCAP_FD_PIDFD = 21,
};

/* scap_l4_proto */
enum { SG_SCAP_L4_UNKNOWN = 0, SG_SCAP_L4_NA = 1, SG_SCAP_L4_TCP = 2, SG_SCAP_L4_UDP = 3,
       SG_SCAP_L4_ICMP = 4, SG_SCAP_L4_RAW = 5 };

/* libs parameter types (PT_*), with libs' numbers. */
#define SG_LPTYPES(X)                                                         \
	X(NONE, 0) X(INT8, 1) X(INT16, 2) X(INT32, 3) X(INT64, 4) X(UINT8, 5) \
	X(UINT16, 6) X(UINT32, 7) X(UINT64, 8) X(CHARBUF, 9) X(BYTEBUF, 10)   \
	X(ERRNO, 11) X(SOCKADDR, 12) X(SOCKTUPLE, 13) X(FD, 14) X(PID, 15)    \
	X(FDLIST, 16) X(FSPATH, 17) X(SYSCALLID, 18) X(SIGTYPE, 19)           \
	X(RELTIME, 20) X(ABSTIME, 21) X(PORT, 22) X(L4PROTO, 23)              \
	X(SOCKFAMILY, 24) X(BOOL, 25) X(IPV4ADDR, 26) X(DYN, 27) X(FLAGS8, 28) \
	X(FLAGS16, 29) X(FLAGS32, 30) X(UID, 31) X(GID, 32) X(DOUBLE, 33)     \
	X(SIGSET, 34) X(CHARBUFARRAY, 35) X(CHARBUF_PAIR_ARRAY, 36)           \
	X(IPV4NET, 37) X(IPV6ADDR, 38) X(IPV6NET, 39) X(IPADDR, 40)           \
	X(IPNET, 41) X(MODE, 42) X(FSRELPATH, 43) X(ENUMFLAGS8, 44)           \
	X(ENUMFLAGS16, 45) X(ENUMFLAGS32, 46) X(FD32, 47) X(PID32, 48)

enum sg_libs_ptype {
#define SG_LPT_ENUM(n, v) SG_LPT_##n = v,
	SG_LPTYPES(SG_LPT_ENUM)
#undef SG_LPT_ENUM
};

/* The libs name tables a parameter's values are encoded with. */
#define SG_LIBS_TABLES(X) \
	X(NONE) \
	X(ACCESS_FLAGS) \
	X(ANON_INODE_FD_TYPES) \
	X(BPF_COMMANDS) \
	X(BPF_DYNAMIC_PARAM) \
	X(CHMOD_MODE) \
	X(CLONE_FLAGS) \
	X(CLOSE_RANGE_FLAGS) \
	X(CREAT_FLAGS) \
	X(DELETE_MODULE_FLAGS) \
	X(EPOLL_CREATE1_FLAGS) \
	X(EXECVE_FLAGS) \
	X(EXECVEAT_FLAGS) \
	X(FCHOWNAT_FLAGS) \
	X(FCNTL_COMMANDS) \
	X(FILE_FLAGS) \
	X(FINIT_MODULE_FLAGS) \
	X(FLOCK_FLAGS) \
	X(FSCONFIG_CMDS) \
	X(FUTEX_OPERATIONS) \
	X(IO_URING_ENTER_FLAGS) \
	X(IO_URING_REGISTER_OPCODES) \
	X(IO_URING_SETUP_FEATS) \
	X(IO_URING_SETUP_FLAGS) \
	X(KEYCTL_DYNAMIC_PARAM) \
	X(KEYCTL_OPERATIONS) \
	X(LINKAT_FLAGS) \
	X(LSEEK_WHENCE) \
	X(MEMFD_CREATE_FLAGS) \
	X(MKNOD_MODE) \
	X(MLOCK2_FLAGS) \
	X(MLOCKALL_FLAGS) \
	X(MMAP_FLAGS) \
	X(MOUNT_FLAGS) \
	X(NEWFSTATAT_FLAGS) \
	X(OPENAT2_FLAGS) \
	X(PF_FLAGS) \
	X(PIDFD_OPEN_FLAGS) \
	X(PRCTL_OPTIONS) \
	X(PROT_FLAGS) \
	X(PTRACE_DYNAMIC_PARAM) \
	X(PTRACE_REQUESTS) \
	X(QUOTACTL_CMDS) \
	X(QUOTACTL_DQI_FLAGS) \
	X(QUOTACTL_QUOTA_FMTS) \
	X(QUOTACTL_TYPES) \
	X(RENAMEAT2_FLAGS) \
	X(RLIMIT_RESOURCES) \
	X(SEMCTL_COMMANDS) \
	X(SEMGET_FLAGS) \
	X(SEMOP_FLAGS) \
	X(SHUTDOWN_HOW) \
	X(SOCKET_FAMILIES) \
	X(SOCKOPT_DYNAMIC_PARAM) \
	X(SOCKOPT_LEVELS) \
	X(SOCKOPT_OPTIONS) \
	X(SPLICE_FLAGS) \
	X(UMOUNT_FLAGS) \
	X(UNLINKAT_FLAGS)

enum sg_libs_table {
#define SG_LT_ENUM(n) SG_LT_##n,
	SG_LIBS_TABLES(SG_LT_ENUM)
#undef SG_LT_ENUM
	SG_LT_MAX
};

struct sg_scap_pinfo {
	const char *name;
	uint8_t type;  /* enum sg_libs_ptype */
	uint8_t table; /* enum sg_libs_table */
};

#define SG_EF_OLD 0x1    /* no longer sent by current drivers */
#define SG_EF_UNUSED 0x2 /* a hole in the table */
#define SG_EF_LARGE 0x4  /* parameter lengths are u32, not u16 */

struct sg_scap_evinfo {
	const char *name;   /* evt.type; "syscall" for the generic events */
	uint8_t flags;      /* SG_EF_* */
	uint8_t nparams;
	uint8_t nparams_old; /* what sysdig 0.29.3 knows; 0xff: not the code */
	const struct sg_scap_pinfo *params;
};

#define SG_SCAP_EVENT_MAX 454
#define SG_SCAP_SC_MAX 454
/* The syscall codes Debian's sysdig 0.29.3 knows: it indexes its table
 * with a generic event's ID unchecked (a larger one crashes it). */
#define SG_SCAP_SC_MAX_OLD 330

/* Codes the reader and writer name (fixed by the format). */
#define SG_PPME_GENERIC_E 0
#define SG_PPME_GENERIC_X 1
#define SG_PPME_PROCEXIT_1_E 186

/* Indexed by event code; a code with no name is not an event. */
extern const struct sg_scap_evinfo sg_scap_events[SG_SCAP_EVENT_MAX];
/* libs syscall codes (PPM_SC_*) of the generic events' ID -> name. */
extern const char *const sg_scap_sc_names[SG_SCAP_SC_MAX];

/* libs names a few calls other than the kernel does (pread for pread64):
 * the kernel's name of a libs event name, and back; the name itself when
 * they agree. */
const char *sg_scap_kernel_name(const char *libs_name);
const char *sg_scap_libs_name(const char *kernel_name);

/* Enter events have even codes, exit events odd ones. */
static inline int sg_scap_is_exit(unsigned code)
{
	return code & 1;
}

#endif /* SG_SCAP_EVENTS_H */
