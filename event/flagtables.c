/*
 * Name tables for FLAGS and ENUM parameters.  Values are the Linux ABI
 * numbers written out (x86_64, which shares them with the generic ABI for
 * everything here except the few x86-only entries marked), not taken from
 * libc headers: the tables must not change with the build host, and the
 * tests check them against the numbers the kernel documents.
 */
#include "event/flagtables.h"

#include <fcntl.h>
#include <stdbool.h>
#include <stddef.h>
#include <string.h>
#include <strings.h>

/*
 * One table.  names render; aliases (AF_LOCAL, SIGIOT...) are only known to
 * sg_flags_value().  A flags table may keep an enumerated field in its low
 * bits (enum_mask): the open access mode, the socket type, clone's exit
 * signal (named by the table sub).
 */
struct sg_flagtable {
	const struct sg_flagname *names;
	const struct sg_flagname *aliases;
	uint16_t n;
	uint16_t naliases;
	bool is_enum;      /* one value, never a combination */
	bool enum_last;    /* render the enum field after the bits (clone) */
	uint16_t sub;      /* table naming the enum field; NONE = this one */
	uint64_t enum_mask;
};

#define N(a) (uint16_t)(sizeof(a) / sizeof((a)[0]))

/* ---- files ------------------------------------------------------------- */

/* Falco's encoding (SG_PPM_O_*), in the order libs names them, so the
 * text is sysdig's: 262(O_TRUNC|O_CREAT|O_WRONLY). */
static const struct sg_flagname open_flags[] = {
	{ SG_PPM_O_LARGEFILE, "O_LARGEFILE" }, { SG_PPM_O_DIRECTORY, "O_DIRECTORY" },
	{ SG_PPM_O_DIRECT, "O_DIRECT" }, { SG_PPM_O_TRUNC, "O_TRUNC" },
	{ SG_PPM_O_SYNC, "O_SYNC" }, { SG_PPM_O_NONBLOCK, "O_NONBLOCK" },
	{ SG_PPM_O_EXCL, "O_EXCL" }, { SG_PPM_O_DSYNC, "O_DSYNC" },
	{ SG_PPM_O_APPEND, "O_APPEND" }, { SG_PPM_O_CREAT, "O_CREAT" },
	{ SG_PPM_O_RDWR, "O_RDWR" }, { SG_PPM_O_WRONLY, "O_WRONLY" },
	{ SG_PPM_O_RDONLY, "O_RDONLY" }, { SG_PPM_O_CLOEXEC, "O_CLOEXEC" },
	{ 0, "O_NONE" }, { SG_PPM_O_TMPFILE, "O_TMPFILE" },
};

static const struct sg_flagname open_flags_alias[] = {
	{ SG_PPM_O_NONBLOCK, "O_NDELAY" }, { SG_PPM_O_SYNC, "O_FSYNC" },
	{ SG_PPM_O_SYNC, "O_RSYNC" },
};

/* The kernel's values for the architecture built for: the C library's,
 * but for O_LARGEFILE, which it defines as 0 on 64-bit targets (the kernel
 * sets it itself there; a caller or /proc's fdinfo may still show it). */
#define K_O_ACCMODE O_ACCMODE
#define K_O_WRONLY O_WRONLY
#define K_O_RDWR O_RDWR
#define K_O_CREAT O_CREAT
#define K_O_EXCL O_EXCL
#define K_O_TRUNC O_TRUNC
#define K_O_APPEND O_APPEND
#define K_O_NONBLOCK O_NONBLOCK
#define K_O_DSYNC O_DSYNC
#define K_O_DIRECT O_DIRECT
#if defined(__aarch64__)
#define K_O_LARGEFILE 0400000
#else
#define K_O_LARGEFILE 0100000 /* asm-generic: x86, s390x, riscv */
#endif
#define K_O_DIRECTORY O_DIRECTORY
#define K_O_CLOEXEC O_CLOEXEC
#define K_O_SYNC O_SYNC       /* includes O_DSYNC's bit */
#define K_O_TMPFILE O_TMPFILE /* includes O_DIRECTORY's bit */

uint32_t sg_open_flags_ppm(uint64_t k)
{
	static const struct { uint64_t k; uint32_t ppm; } bits[] = {
		{ K_O_CREAT, SG_PPM_O_CREAT }, { K_O_APPEND, SG_PPM_O_APPEND },
		{ K_O_DSYNC, SG_PPM_O_DSYNC }, { K_O_EXCL, SG_PPM_O_EXCL },
		{ K_O_NONBLOCK, SG_PPM_O_NONBLOCK }, { K_O_TRUNC, SG_PPM_O_TRUNC },
		{ K_O_DIRECT, SG_PPM_O_DIRECT }, { K_O_DIRECTORY, SG_PPM_O_DIRECTORY },
		{ K_O_LARGEFILE, SG_PPM_O_LARGEFILE }, { K_O_CLOEXEC, SG_PPM_O_CLOEXEC },
	};
	uint32_t r;

	switch (k & K_O_ACCMODE) {
	case K_O_WRONLY: r = SG_PPM_O_WRONLY; break;
	case K_O_RDWR: r = SG_PPM_O_RDWR; break;
	default: r = SG_PPM_O_RDONLY; break;
	}
	for (size_t i = 0; i < sizeof(bits) / sizeof(bits[0]); i++)
		if (k & bits[i].k)
			r |= bits[i].ppm;
	/* the two multi-bit flags only when all their bits are there (libs
	 * tests any bit, which would call every O_DIRECTORY open a TMPFILE) */
	if ((k & K_O_SYNC) == K_O_SYNC)
		r |= SG_PPM_O_SYNC;
	if ((k & K_O_TMPFILE) == K_O_TMPFILE)
		r |= SG_PPM_O_TMPFILE;
	return r;
}

static const struct sg_flagname at_flags[] = {
	{ 0x100, "AT_SYMLINK_NOFOLLOW" }, { 0x200, "AT_REMOVEDIR" },
	{ 0x400, "AT_SYMLINK_FOLLOW" }, { 0x800, "AT_NO_AUTOMOUNT" },
	{ 0x1000, "AT_EMPTY_PATH" }, { 0x2000, "AT_STATX_FORCE_SYNC" },
	{ 0x4000, "AT_STATX_DONT_SYNC" }, { 0x8000, "AT_RECURSIVE" },
};

/* faccessat2 reuses AT_REMOVEDIR's bit */
static const struct sg_flagname at_flags_alias[] = {
	{ 0x200, "AT_EACCESS" }, { 0x0, "AT_STATX_SYNC_AS_STAT" },
	{ (uint64_t)-100, "AT_FDCWD" },
};

/* faccessat2's own flags: 0x200 is AT_EACCESS there, not AT_REMOVEDIR */
static const struct sg_flagname access_at_flags[] = {
	{ 0x100, "AT_SYMLINK_NOFOLLOW" }, { 0x200, "AT_EACCESS" },
	{ 0x1000, "AT_EMPTY_PATH" },
};

static const struct sg_flagname rename_flags[] = {
	{ 0x1, "RENAME_NOREPLACE" }, { 0x2, "RENAME_EXCHANGE" },
	{ 0x4, "RENAME_WHITEOUT" },
};

static const struct sg_flagname access_mode[] = {
	{ 0x0, "F_OK" }, { 0x4, "R_OK" }, { 0x2, "W_OK" }, { 0x1, "X_OK" },
};

static const struct sg_flagname fcntl_cmd[] = {
	{ 0, "F_DUPFD" }, { 1, "F_GETFD" }, { 2, "F_SETFD" }, { 3, "F_GETFL" },
	{ 4, "F_SETFL" }, { 5, "F_GETLK" }, { 6, "F_SETLK" }, { 7, "F_SETLKW" },
	{ 8, "F_SETOWN" }, { 9, "F_GETOWN" }, { 10, "F_SETSIG" }, { 11, "F_GETSIG" },
	{ 15, "F_SETOWN_EX" }, { 16, "F_GETOWN_EX" }, { 17, "F_GETOWNER_UIDS" },
	{ 36, "F_OFD_GETLK" }, { 37, "F_OFD_SETLK" }, { 38, "F_OFD_SETLKW" },
	{ 1024, "F_SETLEASE" }, { 1025, "F_GETLEASE" }, { 1026, "F_NOTIFY" },
	{ 1027, "F_DUPFD_QUERY" }, { 1029, "F_CANCELLK" }, { 1030, "F_DUPFD_CLOEXEC" },
	{ 1031, "F_SETPIPE_SZ" }, { 1032, "F_GETPIPE_SZ" }, { 1033, "F_ADD_SEALS" },
	{ 1034, "F_GET_SEALS" }, { 1035, "F_GET_RW_HINT" }, { 1036, "F_SET_RW_HINT" },
	{ 1037, "F_GET_FILE_RW_HINT" }, { 1038, "F_SET_FILE_RW_HINT" },
};

static const struct sg_flagname whence[] = {
	{ 0, "SEEK_SET" }, { 1, "SEEK_CUR" }, { 2, "SEEK_END" },
	{ 3, "SEEK_DATA" }, { 4, "SEEK_HOLE" },
};

static const struct sg_flagname splice_flags[] = {
	{ 0x1, "SPLICE_F_MOVE" }, { 0x2, "SPLICE_F_NONBLOCK" },
	{ 0x4, "SPLICE_F_MORE" }, { 0x8, "SPLICE_F_GIFT" },
};

static const struct sg_flagname statx_mask[] = {
	/* the composite first: strace and users read STATX_BASIC_STATS */
	{ 0x7ff, "STATX_BASIC_STATS" },
	{ 0x1, "STATX_TYPE" }, { 0x2, "STATX_MODE" }, { 0x4, "STATX_NLINK" },
	{ 0x8, "STATX_UID" }, { 0x10, "STATX_GID" }, { 0x20, "STATX_ATIME" },
	{ 0x40, "STATX_MTIME" }, { 0x80, "STATX_CTIME" }, { 0x100, "STATX_INO" },
	{ 0x200, "STATX_SIZE" }, { 0x400, "STATX_BLOCKS" }, { 0x800, "STATX_BTIME" },
	{ 0x1000, "STATX_MNT_ID" }, { 0x2000, "STATX_DIOALIGN" },
	{ 0x4000, "STATX_MNT_ID_UNIQUE" }, { 0x8000, "STATX_SUBVOL" },
	{ 0x10000, "STATX_WRITE_ATOMIC" }, { 0x20000, "STATX_DIO_READ_ALIGN" },
};

static const struct sg_flagname statx_mask_alias[] = {
	{ 0xfff, "STATX_ALL" },
};

/* pipe2, eventfd2, inotify_init1, timerfd_create, signalfd4: all reuse
 * the O_ values of their CLOEXEC and NONBLOCK flags. */
static const struct sg_flagname pipe_flags[] = {
	{ 0x80000, "O_CLOEXEC" }, { 0x800, "O_NONBLOCK" }, { 0x4000, "O_DIRECT" },
	{ 0x80, "O_NOTIFICATION_PIPE" },
};

static const struct sg_flagname pipe_flags_alias[] = {
	{ 0x80000, "EFD_CLOEXEC" }, { 0x800, "EFD_NONBLOCK" }, { 0x1, "EFD_SEMAPHORE" },
	{ 0x80000, "IN_CLOEXEC" }, { 0x800, "IN_NONBLOCK" },
	{ 0x80000, "TFD_CLOEXEC" }, { 0x800, "TFD_NONBLOCK" },
	{ 0x80000, "SFD_CLOEXEC" }, { 0x800, "SFD_NONBLOCK" },
};

static const struct sg_flagname epoll_flags[] = {
	{ 0x80000, "EPOLL_CLOEXEC" },
};

static const struct sg_flagname memfd_flags[] = {
	{ 0x1, "MFD_CLOEXEC" }, { 0x2, "MFD_ALLOW_SEALING" }, { 0x4, "MFD_HUGETLB" },
	{ 0x8, "MFD_NOEXEC_SEAL" }, { 0x10, "MFD_EXEC" },
};

static const struct sg_flagname fsconfig_cmd[] = {
	{ 0, "FSCONFIG_SET_FLAG" }, { 1, "FSCONFIG_SET_STRING" },
	{ 2, "FSCONFIG_SET_BINARY" }, { 3, "FSCONFIG_SET_PATH" },
	{ 4, "FSCONFIG_SET_PATH_EMPTY" }, { 5, "FSCONFIG_SET_FD" },
	{ 6, "FSCONFIG_CMD_CREATE" }, { 7, "FSCONFIG_CMD_RECONFIGURE" },
	{ 8, "FSCONFIG_CMD_CREATE_EXCL" },
};

static const struct sg_flagname mount_flags[] = {
	/* the pre-2.4 magic in the high half: all its bits, so it goes first */
	{ 0xc0ed0000, "MS_MGC_VAL" },
	{ 0x1, "MS_RDONLY" }, { 0x2, "MS_NOSUID" }, { 0x4, "MS_NODEV" },
	{ 0x8, "MS_NOEXEC" }, { 0x10, "MS_SYNCHRONOUS" }, { 0x20, "MS_REMOUNT" },
	{ 0x40, "MS_MANDLOCK" }, { 0x80, "MS_DIRSYNC" }, { 0x100, "MS_NOSYMFOLLOW" },
	{ 0x400, "MS_NOATIME" }, { 0x800, "MS_NODIRATIME" }, { 0x1000, "MS_BIND" },
	{ 0x2000, "MS_MOVE" }, { 0x4000, "MS_REC" }, { 0x8000, "MS_SILENT" },
	{ 0x10000, "MS_POSIXACL" }, { 0x20000, "MS_UNBINDABLE" },
	{ 0x40000, "MS_PRIVATE" }, { 0x80000, "MS_SLAVE" }, { 0x100000, "MS_SHARED" },
	{ 0x200000, "MS_RELATIME" }, { 0x400000, "MS_KERNMOUNT" },
	{ 0x800000, "MS_I_VERSION" }, { 0x1000000, "MS_STRICTATIME" },
	{ 0x2000000, "MS_LAZYTIME" },
};

static const struct sg_flagname mount_flags_alias[] = {
	{ 0x8000, "MS_VERBOSE" },
};

static const struct sg_flagname umount_flags[] = {
	{ 0x1, "MNT_FORCE" }, { 0x2, "MNT_DETACH" }, { 0x4, "MNT_EXPIRE" },
	{ 0x8, "UMOUNT_NOFOLLOW" },
};

/* ---- processes ------------------------------------------------------------ */

/* Low byte of clone(2)'s flags: the exit signal, named with SIGNALS. */
static const struct sg_flagname clone_flags[] = {
	{ 0x100, "CLONE_VM" }, { 0x200, "CLONE_FS" }, { 0x400, "CLONE_FILES" },
	{ 0x800, "CLONE_SIGHAND" }, { 0x1000, "CLONE_PIDFD" },
	{ 0x2000, "CLONE_PTRACE" }, { 0x4000, "CLONE_VFORK" },
	{ 0x8000, "CLONE_PARENT" }, { 0x10000, "CLONE_THREAD" },
	{ 0x20000, "CLONE_NEWNS" }, { 0x40000, "CLONE_SYSVSEM" },
	{ 0x80000, "CLONE_SETTLS" }, { 0x100000, "CLONE_PARENT_SETTID" },
	{ 0x200000, "CLONE_CHILD_CLEARTID" }, { 0x400000, "CLONE_DETACHED" },
	{ 0x800000, "CLONE_UNTRACED" }, { 0x1000000, "CLONE_CHILD_SETTID" },
	{ 0x2000000, "CLONE_NEWCGROUP" }, { 0x4000000, "CLONE_NEWUTS" },
	{ 0x8000000, "CLONE_NEWIPC" }, { 0x10000000, "CLONE_NEWUSER" },
	{ 0x20000000, "CLONE_NEWPID" }, { 0x40000000, "CLONE_NEWNET" },
	{ 0x80000000, "CLONE_IO" }, { 0x100000000ULL, "CLONE_CLEAR_SIGHAND" },
	{ 0x200000000ULL, "CLONE_INTO_CGROUP" },
};

/* clone3 and unshare use the low byte for this */
static const struct sg_flagname clone_flags_alias[] = {
	{ 0x80, "CLONE_NEWTIME" },
};

/* setns(2) nstype and unshare(2) flags. */
static const struct sg_flagname ns_flags[] = {
	{ 0x80, "CLONE_NEWTIME" }, { 0x100, "CLONE_VM" }, { 0x200, "CLONE_FS" },
	{ 0x400, "CLONE_FILES" }, { 0x800, "CLONE_SIGHAND" },
	{ 0x10000, "CLONE_THREAD" }, { 0x20000, "CLONE_NEWNS" },
	{ 0x40000, "CLONE_SYSVSEM" }, { 0x2000000, "CLONE_NEWCGROUP" },
	{ 0x4000000, "CLONE_NEWUTS" }, { 0x8000000, "CLONE_NEWIPC" },
	{ 0x10000000, "CLONE_NEWUSER" }, { 0x20000000, "CLONE_NEWPID" },
	{ 0x40000000, "CLONE_NEWNET" },
};

static const struct sg_flagname signals[] = {
	{ 1, "SIGHUP" }, { 2, "SIGINT" }, { 3, "SIGQUIT" }, { 4, "SIGILL" },
	{ 5, "SIGTRAP" }, { 6, "SIGABRT" }, { 7, "SIGBUS" }, { 8, "SIGFPE" },
	{ 9, "SIGKILL" }, { 10, "SIGUSR1" }, { 11, "SIGSEGV" }, { 12, "SIGUSR2" },
	{ 13, "SIGPIPE" }, { 14, "SIGALRM" }, { 15, "SIGTERM" }, { 16, "SIGSTKFLT" },
	{ 17, "SIGCHLD" }, { 18, "SIGCONT" }, { 19, "SIGSTOP" }, { 20, "SIGTSTP" },
	{ 21, "SIGTTIN" }, { 22, "SIGTTOU" }, { 23, "SIGURG" }, { 24, "SIGXCPU" },
	{ 25, "SIGXFSZ" }, { 26, "SIGVTALRM" }, { 27, "SIGPROF" }, { 28, "SIGWINCH" },
	{ 29, "SIGIO" }, { 30, "SIGPWR" }, { 31, "SIGSYS" },
	/* the kernel's real-time range (libc reserves the first two or three) */
	{ 32, "SIGRTMIN" }, { 33, "SIGRTMIN+1" }, { 34, "SIGRTMIN+2" },
	{ 35, "SIGRTMIN+3" }, { 36, "SIGRTMIN+4" }, { 37, "SIGRTMIN+5" },
	{ 38, "SIGRTMIN+6" }, { 39, "SIGRTMIN+7" }, { 40, "SIGRTMIN+8" },
	{ 41, "SIGRTMIN+9" }, { 42, "SIGRTMIN+10" }, { 43, "SIGRTMIN+11" },
	{ 44, "SIGRTMIN+12" }, { 45, "SIGRTMIN+13" }, { 46, "SIGRTMIN+14" },
	{ 47, "SIGRTMIN+15" }, { 48, "SIGRTMIN+16" }, { 49, "SIGRTMAX-15" },
	{ 50, "SIGRTMAX-14" }, { 51, "SIGRTMAX-13" }, { 52, "SIGRTMAX-12" },
	{ 53, "SIGRTMAX-11" }, { 54, "SIGRTMAX-10" }, { 55, "SIGRTMAX-9" },
	{ 56, "SIGRTMAX-8" }, { 57, "SIGRTMAX-7" }, { 58, "SIGRTMAX-6" },
	{ 59, "SIGRTMAX-5" }, { 60, "SIGRTMAX-4" }, { 61, "SIGRTMAX-3" },
	{ 62, "SIGRTMAX-2" }, { 63, "SIGRTMAX-1" }, { 64, "SIGRTMAX" },
};

static const struct sg_flagname signals_alias[] = {
	{ 6, "SIGIOT" }, { 29, "SIGPOLL" }, { 17, "SIGCLD" },
};

static const struct sg_flagname ptrace_req[] = {
	{ 0, "PTRACE_TRACEME" }, { 1, "PTRACE_PEEKTEXT" }, { 2, "PTRACE_PEEKDATA" },
	{ 3, "PTRACE_PEEKUSER" }, { 4, "PTRACE_POKETEXT" }, { 5, "PTRACE_POKEDATA" },
	{ 6, "PTRACE_POKEUSER" }, { 7, "PTRACE_CONT" }, { 8, "PTRACE_KILL" },
	{ 9, "PTRACE_SINGLESTEP" },
	/* 12..33: x86 */
	{ 12, "PTRACE_GETREGS" }, { 13, "PTRACE_SETREGS" }, { 14, "PTRACE_GETFPREGS" },
	{ 15, "PTRACE_SETFPREGS" }, { 16, "PTRACE_ATTACH" }, { 17, "PTRACE_DETACH" },
	{ 18, "PTRACE_GETFPXREGS" }, { 19, "PTRACE_SETFPXREGS" },
	{ 24, "PTRACE_SYSCALL" }, { 25, "PTRACE_GET_THREAD_AREA" },
	{ 26, "PTRACE_SET_THREAD_AREA" }, { 30, "PTRACE_ARCH_PRCTL" },
	{ 31, "PTRACE_SYSEMU" }, { 32, "PTRACE_SYSEMU_SINGLESTEP" },
	{ 33, "PTRACE_SINGLEBLOCK" },
	{ 0x4200, "PTRACE_SETOPTIONS" }, { 0x4201, "PTRACE_GETEVENTMSG" },
	{ 0x4202, "PTRACE_GETSIGINFO" }, { 0x4203, "PTRACE_SETSIGINFO" },
	{ 0x4204, "PTRACE_GETREGSET" }, { 0x4205, "PTRACE_SETREGSET" },
	{ 0x4206, "PTRACE_SEIZE" }, { 0x4207, "PTRACE_INTERRUPT" },
	{ 0x4208, "PTRACE_LISTEN" }, { 0x4209, "PTRACE_PEEKSIGINFO" },
	{ 0x420a, "PTRACE_GETSIGMASK" }, { 0x420b, "PTRACE_SETSIGMASK" },
	{ 0x420c, "PTRACE_SECCOMP_GET_FILTER" },
	{ 0x420d, "PTRACE_SECCOMP_GET_METADATA" },
	{ 0x420e, "PTRACE_GET_SYSCALL_INFO" },
	{ 0x420f, "PTRACE_GET_RSEQ_CONFIGURATION" },
	{ 0x4210, "PTRACE_SET_SYSCALL_USER_DISPATCH_CONFIG" },
	{ 0x4211, "PTRACE_GET_SYSCALL_USER_DISPATCH_CONFIG" },
};

static const struct sg_flagname ptrace_req_alias[] = {
	{ 3, "PTRACE_PEEKUSR" }, { 6, "PTRACE_POKEUSR" },
};

static const struct sg_flagname prctl_opt[] = {
	{ 1, "PR_SET_PDEATHSIG" }, { 2, "PR_GET_PDEATHSIG" }, { 3, "PR_GET_DUMPABLE" },
	{ 4, "PR_SET_DUMPABLE" }, { 5, "PR_GET_UNALIGN" }, { 6, "PR_SET_UNALIGN" },
	{ 7, "PR_GET_KEEPCAPS" }, { 8, "PR_SET_KEEPCAPS" }, { 9, "PR_GET_FPEMU" },
	{ 10, "PR_SET_FPEMU" }, { 11, "PR_GET_FPEXC" }, { 12, "PR_SET_FPEXC" },
	{ 13, "PR_GET_TIMING" }, { 14, "PR_SET_TIMING" }, { 15, "PR_SET_NAME" },
	{ 16, "PR_GET_NAME" }, { 19, "PR_GET_ENDIAN" }, { 20, "PR_SET_ENDIAN" },
	{ 21, "PR_GET_SECCOMP" }, { 22, "PR_SET_SECCOMP" }, { 23, "PR_CAPBSET_READ" },
	{ 24, "PR_CAPBSET_DROP" }, { 25, "PR_GET_TSC" }, { 26, "PR_SET_TSC" },
	{ 27, "PR_GET_SECUREBITS" }, { 28, "PR_SET_SECUREBITS" },
	{ 29, "PR_SET_TIMERSLACK" }, { 30, "PR_GET_TIMERSLACK" },
	{ 31, "PR_TASK_PERF_EVENTS_DISABLE" }, { 32, "PR_TASK_PERF_EVENTS_ENABLE" },
	{ 33, "PR_MCE_KILL" }, { 34, "PR_MCE_KILL_GET" }, { 35, "PR_SET_MM" },
	{ 36, "PR_SET_CHILD_SUBREAPER" }, { 37, "PR_GET_CHILD_SUBREAPER" },
	{ 38, "PR_SET_NO_NEW_PRIVS" }, { 39, "PR_GET_NO_NEW_PRIVS" },
	{ 40, "PR_GET_TID_ADDRESS" }, { 41, "PR_SET_THP_DISABLE" },
	{ 42, "PR_GET_THP_DISABLE" }, { 43, "PR_MPX_ENABLE_MANAGEMENT" },
	{ 44, "PR_MPX_DISABLE_MANAGEMENT" }, { 45, "PR_SET_FP_MODE" },
	{ 46, "PR_GET_FP_MODE" }, { 47, "PR_CAP_AMBIENT" }, { 50, "PR_SVE_SET_VL" },
	{ 51, "PR_SVE_GET_VL" }, { 52, "PR_GET_SPECULATION_CTRL" },
	{ 53, "PR_SET_SPECULATION_CTRL" }, { 54, "PR_PAC_RESET_KEYS" },
	{ 55, "PR_SET_TAGGED_ADDR_CTRL" }, { 56, "PR_GET_TAGGED_ADDR_CTRL" },
	{ 57, "PR_SET_IO_FLUSHER" }, { 58, "PR_GET_IO_FLUSHER" },
	{ 59, "PR_SET_SYSCALL_USER_DISPATCH" }, { 60, "PR_PAC_SET_ENABLED_KEYS" },
	{ 61, "PR_PAC_GET_ENABLED_KEYS" }, { 62, "PR_SCHED_CORE" },
	{ 63, "PR_SME_SET_VL" }, { 64, "PR_SME_GET_VL" }, { 65, "PR_SET_MDWE" },
	{ 66, "PR_GET_MDWE" }, { 67, "PR_SET_MEMORY_MERGE" },
	{ 68, "PR_GET_MEMORY_MERGE" }, { 69, "PR_RISCV_V_SET_CONTROL" },
	{ 70, "PR_RISCV_V_GET_CONTROL" }, { 71, "PR_RISCV_SET_ICACHE_FLUSH_CTX" },
	{ 72, "PR_PPC_GET_DEXCR" }, { 73, "PR_PPC_SET_DEXCR" },
	{ 74, "PR_GET_SHADOW_STACK_STATUS" }, { 75, "PR_SET_SHADOW_STACK_STATUS" },
	{ 76, "PR_LOCK_SHADOW_STACK_STATUS" },
	{ 0x53564d41, "PR_SET_VMA" },
};

static const struct sg_flagname seccomp_op[] = {
	{ 0, "SECCOMP_SET_MODE_STRICT" }, { 1, "SECCOMP_SET_MODE_FILTER" },
	{ 2, "SECCOMP_GET_ACTION_AVAIL" }, { 3, "SECCOMP_GET_NOTIF_SIZES" },
};

static const struct sg_flagname bpf_cmd[] = {
	{ 0, "BPF_MAP_CREATE" }, { 1, "BPF_MAP_LOOKUP_ELEM" },
	{ 2, "BPF_MAP_UPDATE_ELEM" }, { 3, "BPF_MAP_DELETE_ELEM" },
	{ 4, "BPF_MAP_GET_NEXT_KEY" }, { 5, "BPF_PROG_LOAD" }, { 6, "BPF_OBJ_PIN" },
	{ 7, "BPF_OBJ_GET" }, { 8, "BPF_PROG_ATTACH" }, { 9, "BPF_PROG_DETACH" },
	{ 10, "BPF_PROG_TEST_RUN" }, { 11, "BPF_PROG_GET_NEXT_ID" },
	{ 12, "BPF_MAP_GET_NEXT_ID" }, { 13, "BPF_PROG_GET_FD_BY_ID" },
	{ 14, "BPF_MAP_GET_FD_BY_ID" }, { 15, "BPF_OBJ_GET_INFO_BY_FD" },
	{ 16, "BPF_PROG_QUERY" }, { 17, "BPF_RAW_TRACEPOINT_OPEN" },
	{ 18, "BPF_BTF_LOAD" }, { 19, "BPF_BTF_GET_FD_BY_ID" },
	{ 20, "BPF_TASK_FD_QUERY" }, { 21, "BPF_MAP_LOOKUP_AND_DELETE_ELEM" },
	{ 22, "BPF_MAP_FREEZE" }, { 23, "BPF_BTF_GET_NEXT_ID" },
	{ 24, "BPF_MAP_LOOKUP_BATCH" }, { 25, "BPF_MAP_LOOKUP_AND_DELETE_BATCH" },
	{ 26, "BPF_MAP_UPDATE_BATCH" }, { 27, "BPF_MAP_DELETE_BATCH" },
	{ 28, "BPF_LINK_CREATE" }, { 29, "BPF_LINK_UPDATE" },
	{ 30, "BPF_LINK_GET_FD_BY_ID" }, { 31, "BPF_LINK_GET_NEXT_ID" },
	{ 32, "BPF_ENABLE_STATS" }, { 33, "BPF_ITER_CREATE" },
	{ 34, "BPF_LINK_DETACH" }, { 35, "BPF_PROG_BIND_MAP" },
	{ 36, "BPF_TOKEN_CREATE" },
};

static const struct sg_flagname bpf_cmd_alias[] = {
	{ 8, "BPF_LINK_ATTACH" }, { 10, "BPF_PROG_RUN" },
};

/* openat2's struct open_how .resolve (linux/openat2.h) */
static const struct sg_flagname resolve_flags[] = {
	{ 0x01, "RESOLVE_NO_XDEV" }, { 0x02, "RESOLVE_NO_MAGICLINKS" },
	{ 0x04, "RESOLVE_NO_SYMLINKS" }, { 0x08, "RESOLVE_BENEATH" },
	{ 0x10, "RESOLVE_IN_ROOT" }, { 0x20, "RESOLVE_CACHED" },
};

/* The personality type (low byte) and its flag bits. */
static const struct sg_flagname personality[] = {
	{ 0x00, "PER_LINUX" }, { 0x01, "PER_SVR4" }, { 0x02, "PER_SVR3" },
	{ 0x03, "PER_SCOSVR3" }, { 0x04, "PER_WYSEV386" }, { 0x05, "PER_ISCR4" },
	{ 0x06, "PER_BSD" }, { 0x07, "PER_XENIX" }, { 0x08, "PER_LINUX32" },
	{ 0x09, "PER_IRIX32" }, { 0x0a, "PER_IRIXN32" }, { 0x0b, "PER_IRIX64" },
	{ 0x0c, "PER_RISCOS" }, { 0x0d, "PER_SOLARIS" }, { 0x0e, "PER_UW7" },
	{ 0x0f, "PER_OSF4" }, { 0x10, "PER_HPUX" },
	{ 0x20000, "UNAME26" }, { 0x40000, "ADDR_NO_RANDOMIZE" },
	{ 0x80000, "FDPIC_FUNCPTRS" }, { 0x100000, "MMAP_PAGE_ZERO" },
	{ 0x200000, "ADDR_COMPAT_LAYOUT" }, { 0x400000, "READ_IMPLIES_EXEC" },
	{ 0x800000, "ADDR_LIMIT_32BIT" }, { 0x1000000, "SHORT_INODE" },
	{ 0x2000000, "WHOLE_SECONDS" }, { 0x4000000, "STICKY_TIMEOUTS" },
	{ 0x8000000, "ADDR_LIMIT_3GB" },
};

static const struct sg_flagname personality_alias[] = {
	{ 0x03, "PER_OSR5" }, { 0x06, "PER_SUNOS" },
};

static const struct sg_flagname caps[] = {
	{ 1ULL << 0, "CAP_CHOWN" }, { 1ULL << 1, "CAP_DAC_OVERRIDE" },
	{ 1ULL << 2, "CAP_DAC_READ_SEARCH" }, { 1ULL << 3, "CAP_FOWNER" },
	{ 1ULL << 4, "CAP_FSETID" }, { 1ULL << 5, "CAP_KILL" },
	{ 1ULL << 6, "CAP_SETGID" }, { 1ULL << 7, "CAP_SETUID" },
	{ 1ULL << 8, "CAP_SETPCAP" }, { 1ULL << 9, "CAP_LINUX_IMMUTABLE" },
	{ 1ULL << 10, "CAP_NET_BIND_SERVICE" }, { 1ULL << 11, "CAP_NET_BROADCAST" },
	{ 1ULL << 12, "CAP_NET_ADMIN" }, { 1ULL << 13, "CAP_NET_RAW" },
	{ 1ULL << 14, "CAP_IPC_LOCK" }, { 1ULL << 15, "CAP_IPC_OWNER" },
	{ 1ULL << 16, "CAP_SYS_MODULE" }, { 1ULL << 17, "CAP_SYS_RAWIO" },
	{ 1ULL << 18, "CAP_SYS_CHROOT" }, { 1ULL << 19, "CAP_SYS_PTRACE" },
	{ 1ULL << 20, "CAP_SYS_PACCT" }, { 1ULL << 21, "CAP_SYS_ADMIN" },
	{ 1ULL << 22, "CAP_SYS_BOOT" }, { 1ULL << 23, "CAP_SYS_NICE" },
	{ 1ULL << 24, "CAP_SYS_RESOURCE" }, { 1ULL << 25, "CAP_SYS_TIME" },
	{ 1ULL << 26, "CAP_SYS_TTY_CONFIG" }, { 1ULL << 27, "CAP_MKNOD" },
	{ 1ULL << 28, "CAP_LEASE" }, { 1ULL << 29, "CAP_AUDIT_WRITE" },
	{ 1ULL << 30, "CAP_AUDIT_CONTROL" }, { 1ULL << 31, "CAP_SETFCAP" },
	{ 1ULL << 32, "CAP_MAC_OVERRIDE" }, { 1ULL << 33, "CAP_MAC_ADMIN" },
	{ 1ULL << 34, "CAP_SYSLOG" }, { 1ULL << 35, "CAP_WAKE_ALARM" },
	{ 1ULL << 36, "CAP_BLOCK_SUSPEND" }, { 1ULL << 37, "CAP_AUDIT_READ" },
	{ 1ULL << 38, "CAP_PERFMON" }, { 1ULL << 39, "CAP_BPF" },
	{ 1ULL << 40, "CAP_CHECKPOINT_RESTORE" },
};

/* What the exec record says of the executable (SG_EXE_*, libs' PPM_EXE_*). */
static const struct sg_flagname execve_flags[] = {
	{ 0x1, "EXE_WRITABLE" }, { 0x2, "EXE_UPPER_LAYER" },
	{ 0x4, "EXE_FROM_MEMFD" }, { 0x8, "EXE_LOWER_LAYER" },
};

/* ---- memory ---------------------------------------------------------------- */

static const struct sg_flagname prot_flags[] = {
	{ 0x0, "PROT_NONE" }, { 0x1, "PROT_READ" }, { 0x2, "PROT_WRITE" },
	{ 0x4, "PROT_EXEC" }, { 0x8, "PROT_SEM" }, { 0x1000000, "PROT_GROWSDOWN" },
	{ 0x2000000, "PROT_GROWSUP" },
};

/* The mapping type is the low nibble (MAP_TYPE); the rest are bits. */
static const struct sg_flagname mmap_flags[] = {
	{ 0x1, "MAP_SHARED" }, { 0x2, "MAP_PRIVATE" }, { 0x3, "MAP_SHARED_VALIDATE" },
	{ 0x10, "MAP_FIXED" }, { 0x20, "MAP_ANONYMOUS" },
	{ 0x40, "MAP_32BIT" }, /* x86 */
	{ 0x100, "MAP_GROWSDOWN" }, { 0x800, "MAP_DENYWRITE" },
	{ 0x1000, "MAP_EXECUTABLE" }, { 0x2000, "MAP_LOCKED" },
	{ 0x4000, "MAP_NORESERVE" }, { 0x8000, "MAP_POPULATE" },
	{ 0x10000, "MAP_NONBLOCK" }, { 0x20000, "MAP_STACK" },
	{ 0x40000, "MAP_HUGETLB" }, { 0x80000, "MAP_SYNC" },
	{ 0x100000, "MAP_FIXED_NOREPLACE" }, { 0x4000000, "MAP_UNINITIALIZED" },
};

static const struct sg_flagname mmap_flags_alias[] = {
	{ 0x20, "MAP_ANON" }, { 0x0, "MAP_FILE" },
};

static const struct sg_flagname io_uring_flags[] = {
	{ 0x1, "IORING_SETUP_IOPOLL" }, { 0x2, "IORING_SETUP_SQPOLL" },
	{ 0x4, "IORING_SETUP_SQ_AFF" }, { 0x8, "IORING_SETUP_CQSIZE" },
	{ 0x10, "IORING_SETUP_CLAMP" }, { 0x20, "IORING_SETUP_ATTACH_WQ" },
	{ 0x40, "IORING_SETUP_R_DISABLED" }, { 0x80, "IORING_SETUP_SUBMIT_ALL" },
	{ 0x100, "IORING_SETUP_COOP_TASKRUN" }, { 0x200, "IORING_SETUP_TASKRUN_FLAG" },
	{ 0x400, "IORING_SETUP_SQE128" }, { 0x800, "IORING_SETUP_CQE32" },
	{ 0x1000, "IORING_SETUP_SINGLE_ISSUER" },
	{ 0x2000, "IORING_SETUP_DEFER_TASKRUN" }, { 0x4000, "IORING_SETUP_NO_MMAP" },
	{ 0x8000, "IORING_SETUP_REGISTERED_FD_ONLY" },
	{ 0x10000, "IORING_SETUP_NO_SQARRAY" },
	{ 0x20000, "IORING_SETUP_HYBRID_IOPOLL" },
};

/* ---- network --------------------------------------------------------------- */

static const struct sg_flagname sock_family[] = {
	{ 0, "AF_UNSPEC" }, { 1, "AF_UNIX" }, { 2, "AF_INET" }, { 3, "AF_AX25" },
	{ 4, "AF_IPX" }, { 5, "AF_APPLETALK" }, { 6, "AF_NETROM" }, { 7, "AF_BRIDGE" },
	{ 8, "AF_ATMPVC" }, { 9, "AF_X25" }, { 10, "AF_INET6" }, { 11, "AF_ROSE" },
	{ 12, "AF_DECnet" }, { 13, "AF_NETBEUI" }, { 14, "AF_SECURITY" },
	{ 15, "AF_KEY" }, { 16, "AF_NETLINK" }, { 17, "AF_PACKET" }, { 18, "AF_ASH" },
	{ 19, "AF_ECONET" }, { 20, "AF_ATMSVC" }, { 21, "AF_RDS" }, { 22, "AF_SNA" },
	{ 23, "AF_IRDA" }, { 24, "AF_PPPOX" }, { 25, "AF_WANPIPE" }, { 26, "AF_LLC" },
	{ 27, "AF_IB" }, { 28, "AF_MPLS" }, { 29, "AF_CAN" }, { 30, "AF_TIPC" },
	{ 31, "AF_BLUETOOTH" }, { 32, "AF_IUCV" }, { 33, "AF_RXRPC" },
	{ 34, "AF_ISDN" }, { 35, "AF_PHONET" }, { 36, "AF_IEEE802154" },
	{ 37, "AF_CAIF" }, { 38, "AF_ALG" }, { 39, "AF_NFC" }, { 40, "AF_VSOCK" },
	{ 41, "AF_KCM" }, { 42, "AF_QIPCRTR" }, { 43, "AF_SMC" }, { 44, "AF_XDP" },
	{ 45, "AF_MCTP" },
};

static const struct sg_flagname sock_family_alias[] = {
	{ 1, "AF_LOCAL" }, { 16, "AF_ROUTE" }, { 1, "AF_FILE" },
};

/* The type is the low nibble; SOCK_NONBLOCK and SOCK_CLOEXEC are bits. */
static const struct sg_flagname sock_type[] = {
	{ 1, "SOCK_STREAM" }, { 2, "SOCK_DGRAM" }, { 3, "SOCK_RAW" },
	{ 4, "SOCK_RDM" }, { 5, "SOCK_SEQPACKET" }, { 6, "SOCK_DCCP" },
	{ 10, "SOCK_PACKET" },
	{ 0x800, "SOCK_NONBLOCK" }, { 0x80000, "SOCK_CLOEXEC" },
};

/* IPPROTO_IP (0) only as an alias: protocol 0 means "the default" and for
 * AF_UNIX or AF_NETLINK the name would mislead. */
static const struct sg_flagname sock_proto[] = {
	{ 1, "IPPROTO_ICMP" }, { 2, "IPPROTO_IGMP" }, { 4, "IPPROTO_IPIP" },
	{ 6, "IPPROTO_TCP" }, { 8, "IPPROTO_EGP" }, { 12, "IPPROTO_PUP" },
	{ 17, "IPPROTO_UDP" }, { 22, "IPPROTO_IDP" }, { 29, "IPPROTO_TP" },
	{ 33, "IPPROTO_DCCP" }, { 41, "IPPROTO_IPV6" }, { 46, "IPPROTO_RSVP" },
	{ 47, "IPPROTO_GRE" }, { 50, "IPPROTO_ESP" }, { 51, "IPPROTO_AH" },
	{ 58, "IPPROTO_ICMPV6" }, { 92, "IPPROTO_MTP" }, { 94, "IPPROTO_BEETPH" },
	{ 98, "IPPROTO_ENCAP" }, { 103, "IPPROTO_PIM" }, { 108, "IPPROTO_COMP" },
	{ 115, "IPPROTO_L2TP" }, { 132, "IPPROTO_SCTP" }, { 136, "IPPROTO_UDPLITE" },
	{ 137, "IPPROTO_MPLS" }, { 143, "IPPROTO_ETHERNET" }, { 255, "IPPROTO_RAW" },
	{ 262, "IPPROTO_MPTCP" },
};

static const struct sg_flagname sock_proto_alias[] = {
	{ 0, "IPPROTO_IP" },
};

static const struct sg_flagname shutdown_how[] = {
	{ 0, "SHUT_RD" }, { 1, "SHUT_WR" }, { 2, "SHUT_RDWR" },
};

static const struct sg_flagname msg_flags[] = {
	{ 0x1, "MSG_OOB" }, { 0x2, "MSG_PEEK" }, { 0x4, "MSG_DONTROUTE" },
	{ 0x8, "MSG_CTRUNC" }, { 0x10, "MSG_PROXY" }, { 0x20, "MSG_TRUNC" },
	{ 0x40, "MSG_DONTWAIT" }, { 0x80, "MSG_EOR" }, { 0x100, "MSG_WAITALL" },
	{ 0x200, "MSG_FIN" }, { 0x400, "MSG_SYN" }, { 0x800, "MSG_CONFIRM" },
	{ 0x1000, "MSG_RST" }, { 0x2000, "MSG_ERRQUEUE" }, { 0x4000, "MSG_NOSIGNAL" },
	{ 0x8000, "MSG_MORE" }, { 0x10000, "MSG_WAITFORONE" },
	{ 0x40000, "MSG_BATCH" }, { 0x4000000, "MSG_ZEROCOPY" },
	{ 0x20000000, "MSG_FASTOPEN" }, { 0x40000000, "MSG_CMSG_CLOEXEC" },
};

static const struct sg_flagname msg_flags_alias[] = {
	{ 0x4, "MSG_TRYHARD" },
};

static const struct sg_flagname sockopt_level[] = {
	{ 0, "SOL_IP" }, { 1, "SOL_SOCKET" }, { 6, "SOL_TCP" }, { 17, "SOL_UDP" },
	{ 41, "SOL_IPV6" }, { 58, "SOL_ICMPV6" }, { 132, "SOL_SCTP" },
	{ 136, "SOL_UDPLITE" }, { 255, "SOL_RAW" }, { 263, "SOL_PACKET" },
	{ 270, "SOL_NETLINK" }, { 282, "SOL_TLS" }, { 283, "SOL_XDP" },
	{ 284, "SOL_MPTCP" },
};

static const struct sg_flagname sockopt_level_alias[] = {
	{ 6, "IPPROTO_TCP" }, { 17, "IPPROTO_UDP" }, { 41, "IPPROTO_IPV6" },
	{ 0, "IPPROTO_IP" },
};

/* SOL_SOCKET option names (generic and x86 numbering).  The 64-bit time
 * variants render under the names programs use on 64-bit. */
static const struct sg_flagname sockopt_name[] = {
	{ 1, "SO_DEBUG" }, { 2, "SO_REUSEADDR" }, { 3, "SO_TYPE" }, { 4, "SO_ERROR" },
	{ 5, "SO_DONTROUTE" }, { 6, "SO_BROADCAST" }, { 7, "SO_SNDBUF" },
	{ 8, "SO_RCVBUF" }, { 9, "SO_KEEPALIVE" }, { 10, "SO_OOBINLINE" },
	{ 11, "SO_NO_CHECK" }, { 12, "SO_PRIORITY" }, { 13, "SO_LINGER" },
	{ 14, "SO_BSDCOMPAT" }, { 15, "SO_REUSEPORT" }, { 16, "SO_PASSCRED" },
	{ 17, "SO_PEERCRED" }, { 18, "SO_RCVLOWAT" }, { 19, "SO_SNDLOWAT" },
	{ 20, "SO_RCVTIMEO" }, { 21, "SO_SNDTIMEO" },
	{ 22, "SO_SECURITY_AUTHENTICATION" },
	{ 23, "SO_SECURITY_ENCRYPTION_TRANSPORT" },
	{ 24, "SO_SECURITY_ENCRYPTION_NETWORK" }, { 25, "SO_BINDTODEVICE" },
	{ 26, "SO_ATTACH_FILTER" }, { 27, "SO_DETACH_FILTER" }, { 28, "SO_PEERNAME" },
	{ 29, "SO_TIMESTAMP" }, { 30, "SO_ACCEPTCONN" }, { 31, "SO_PEERSEC" },
	{ 32, "SO_SNDBUFFORCE" }, { 33, "SO_RCVBUFFORCE" }, { 34, "SO_PASSSEC" },
	{ 35, "SO_TIMESTAMPNS" }, { 36, "SO_MARK" }, { 37, "SO_TIMESTAMPING" },
	{ 38, "SO_PROTOCOL" }, { 39, "SO_DOMAIN" }, { 40, "SO_RXQ_OVFL" },
	{ 41, "SO_WIFI_STATUS" }, { 42, "SO_PEEK_OFF" }, { 43, "SO_NOFCS" },
	{ 44, "SO_LOCK_FILTER" }, { 45, "SO_SELECT_ERR_QUEUE" },
	{ 46, "SO_BUSY_POLL" }, { 47, "SO_MAX_PACING_RATE" },
	{ 48, "SO_BPF_EXTENSIONS" }, { 49, "SO_INCOMING_CPU" },
	{ 50, "SO_ATTACH_BPF" }, { 51, "SO_ATTACH_REUSEPORT_CBPF" },
	{ 52, "SO_ATTACH_REUSEPORT_EBPF" }, { 53, "SO_CNX_ADVICE" },
	{ 54, "SCM_TIMESTAMPING_OPT_STATS" }, { 55, "SO_MEMINFO" },
	{ 56, "SO_INCOMING_NAPI_ID" }, { 57, "SO_COOKIE" },
	{ 58, "SCM_TIMESTAMPING_PKTINFO" }, { 59, "SO_PEERGROUPS" },
	{ 60, "SO_ZEROCOPY" }, { 61, "SO_TXTIME" }, { 62, "SO_BINDTOIFINDEX" },
	{ 63, "SO_TIMESTAMP_NEW" }, { 64, "SO_TIMESTAMPNS_NEW" },
	{ 65, "SO_TIMESTAMPING_NEW" }, { 66, "SO_RCVTIMEO_NEW" },
	{ 67, "SO_SNDTIMEO_NEW" }, { 68, "SO_DETACH_REUSEPORT_BPF" },
	{ 69, "SO_PREFER_BUSY_POLL" }, { 70, "SO_BUSY_POLL_BUDGET" },
	{ 71, "SO_NETNS_COOKIE" }, { 72, "SO_BUF_LOCK" }, { 73, "SO_RESERVE_MEM" },
	{ 74, "SO_TXREHASH" }, { 75, "SO_RCVMARK" }, { 76, "SO_PASSPIDFD" },
	{ 77, "SO_PEERPIDFD" },
};

static const struct sg_flagname sockopt_name_alias[] = {
	{ 20, "SO_RCVTIMEO_OLD" }, { 21, "SO_SNDTIMEO_OLD" },
	{ 29, "SO_TIMESTAMP_OLD" }, { 35, "SO_TIMESTAMPNS_OLD" },
	{ 37, "SO_TIMESTAMPING_OLD" }, { 26, "SO_GET_FILTER" },
	{ 27, "SO_DETACH_BPF" }, { 50, "SO_ATTACH_BPF" },
};

/* ---- the index ------------------------------------------------------------- */

#define T(a, en, last, sub, mask) { a, NULL, N(a), 0, en, last, SG_TBL_##sub, mask }
#define TA(a, en, last, sub, mask) \
	{ a, a##_alias, N(a), N(a##_alias), en, last, SG_TBL_##sub, mask }
#define FLAGS(a) T(a, false, false, NONE, 0)
#define FLAGS_A(a) TA(a, false, false, NONE, 0)
#define ENUM(a) T(a, true, false, NONE, 0)
#define ENUM_A(a) TA(a, true, false, NONE, 0)
#define MIXED(a, mask) T(a, false, false, NONE, mask)
#define MIXED_A(a, mask) TA(a, false, false, NONE, mask)

static const struct sg_flagtable tables[SG_TBL_MAX] = {
	[SG_TBL_NONE] = { NULL, NULL, 0, 0, false, false, SG_TBL_NONE, 0 },
	[SG_TBL_OPEN_FLAGS] = FLAGS_A(open_flags),
	[SG_TBL_AT_FLAGS] = FLAGS_A(at_flags),
	[SG_TBL_RENAME_FLAGS] = FLAGS(rename_flags),
	[SG_TBL_ACCESS_AT_FLAGS] = FLAGS(access_at_flags),
	[SG_TBL_CLONE_FLAGS] = TA(clone_flags, false, true, SIGNALS, 0xff),
	[SG_TBL_SIGNALS] = ENUM_A(signals),
	[SG_TBL_SOCK_FAMILY] = ENUM_A(sock_family),
	[SG_TBL_SOCK_TYPE] = MIXED(sock_type, 0xf),
	[SG_TBL_SOCK_PROTO] = ENUM_A(sock_proto),
	[SG_TBL_SHUTDOWN_HOW] = ENUM(shutdown_how),
	[SG_TBL_MSG_FLAGS] = FLAGS_A(msg_flags),
	[SG_TBL_PROT_FLAGS] = FLAGS(prot_flags),
	[SG_TBL_MMAP_FLAGS] = MIXED_A(mmap_flags, 0xf),
	[SG_TBL_ACCESS_MODE] = FLAGS(access_mode),
	[SG_TBL_FCNTL_CMD] = ENUM(fcntl_cmd),
	[SG_TBL_PTRACE_REQ] = ENUM_A(ptrace_req),
	[SG_TBL_PRCTL_OPT] = ENUM(prctl_opt),
	[SG_TBL_SECCOMP_OP] = ENUM(seccomp_op),
	[SG_TBL_BPF_CMD] = ENUM_A(bpf_cmd),
	[SG_TBL_MOUNT_FLAGS] = FLAGS_A(mount_flags),
	[SG_TBL_UMOUNT_FLAGS] = FLAGS(umount_flags),
	[SG_TBL_NS_FLAGS] = FLAGS(ns_flags),
	[SG_TBL_EPOLL_FLAGS] = FLAGS(epoll_flags),
	[SG_TBL_PIPE_FLAGS] = FLAGS_A(pipe_flags),
	[SG_TBL_MEMFD_FLAGS] = FLAGS(memfd_flags),
	[SG_TBL_FSCONFIG_CMD] = ENUM(fsconfig_cmd),
	[SG_TBL_SOCKOPT_LEVEL] = ENUM_A(sockopt_level),
	[SG_TBL_SOCKOPT_NAME] = ENUM_A(sockopt_name),
	[SG_TBL_WHENCE] = ENUM(whence),
	[SG_TBL_IO_URING_FLAGS] = FLAGS(io_uring_flags),
	[SG_TBL_SPLICE_FLAGS] = FLAGS(splice_flags),
	[SG_TBL_STATX_MASK] = FLAGS_A(statx_mask),
	[SG_TBL_CAPS] = FLAGS(caps),
	[SG_TBL_PERSONALITY] = MIXED_A(personality, 0xff),
	[SG_TBL_RESOLVE_FLAGS] = FLAGS(resolve_flags),
	[SG_TBL_EXECVE_FLAGS] = FLAGS(execve_flags),
};

/* ---- rendering --------------------------------------------------------------- */

static const struct sg_flagtable *table(unsigned t)
{
	if (t >= SG_TBL_MAX || !tables[t].names)
		return NULL;
	return &tables[t];
}

static const char *enum_name(const struct sg_flagtable *tb, uint64_t v)
{
	for (unsigned i = 0; i < tb->n; i++)
		if (tb->names[i].value == v)
			return tb->names[i].name;
	return NULL;
}

static void put_name(struct sg_strbuf *b, int *n, const char *name)
{
	if (*n)
		sg_sb_putc(b, '|');
	sg_sb_puts(b, name);
	(*n)++;
}

/* The name of the enumerated low field of a mixed table, or NULL. */
static const char *field_name(const struct sg_flagtable *tb, uint64_t part)
{
	const struct sg_flagtable *sub = tb->sub ? table(tb->sub) : NULL;

	if (sub)
		return enum_name(sub, part);
	for (unsigned i = 0; i < tb->n; i++)
		if ((tb->names[i].value & ~tb->enum_mask) == 0 && tb->names[i].value == part)
			return tb->names[i].name;
	return NULL;
}

/* Set bits, in table order; composite entries take all their bits. */
static uint64_t render_bits(struct sg_strbuf *b, int *n, const struct sg_flagtable *tb,
			    uint64_t v, uint64_t rest)
{
	for (unsigned i = 0; i < tb->n; i++) {
		uint64_t bit = tb->names[i].value;

		if (bit == 0) {
			/* PROT_NONE, F_OK: the name of "nothing set" */
			if (v == 0 && !tb->enum_mask)
				put_name(b, n, tb->names[i].name);
			continue;
		}
		if (bit & tb->enum_mask)
			continue;
		if ((rest & bit) == bit) {
			put_name(b, n, tb->names[i].name);
			rest &= ~bit;
		}
	}
	return rest;
}

static int render_flags(struct sg_strbuf *b, const struct sg_flagtable *tb, uint64_t v)
{
	uint64_t part = v & tb->enum_mask, rest = v & ~tb->enum_mask;
	const char *field = tb->enum_mask ? field_name(tb, part) : NULL;
	int n = 0;

	if (tb->enum_mask && !field)
		rest |= part;
	if (field && !tb->enum_last)
		put_name(b, &n, field);
	rest = render_bits(b, &n, tb, v, rest);
	if (field && tb->enum_last)
		put_name(b, &n, field);
	/* bits we have no name for stay visible, but never alone */
	if (rest && n) {
		sg_sb_printf(b, "|0x%llx", (unsigned long long)rest);
	}
	return n;
}

int sg_flags_render(struct sg_strbuf *b, unsigned t, uint64_t v, int is_enum)
{
	const struct sg_flagtable *tb = table(t);
	const char *name;

	if (!tb || !b)
		return 0;
	if (!is_enum && !tb->is_enum)
		return render_flags(b, tb, v);
	name = enum_name(tb, v);
	if (!name)
		return 0;
	sg_sb_puts(b, name);
	return 1;
}

/* ---- lookup -------------------------------------------------------------------- */

static const struct sg_flagname *find(const struct sg_flagtable *tb, const char *name,
				      int (*cmp)(const char *, const char *))
{
	for (unsigned i = 0; i < tb->n; i++)
		if (cmp(tb->names[i].name, name) == 0)
			return &tb->names[i];
	for (unsigned i = 0; i < tb->naliases; i++)
		if (cmp(tb->aliases[i].name, name) == 0)
			return &tb->aliases[i];
	return NULL;
}

int64_t sg_flags_value(unsigned t, const char *name)
{
	const struct sg_flagtable *tb = table(t);
	const struct sg_flagname *f;

	if (!tb || !name || !*name)
		return -1;
	f = find(tb, name, strcmp);
	if (!f)
		f = find(tb, name, strcasecmp);
	/* clone's exit signal: "SIGCHLD" in a clone flags filter */
	if (!f && tb->sub && table(tb->sub))
		f = find(table(tb->sub), name, strcmp);
	return f ? (int64_t)f->value : -1;
}

const struct sg_flagname *sg_flags_names(unsigned t, unsigned *n)
{
	const struct sg_flagtable *tb = table(t);

	if (n)
		*n = tb ? tb->n : 0;
	return tb ? tb->names : NULL;
}
