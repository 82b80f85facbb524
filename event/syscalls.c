/*
 * The event table.  Parameter names and order follow the exit events of the
 * Falco event table (falcosecurity/libs), so evt.arg.X means what Falco
 * users expect; params Falco fills from kernel internals we cannot read at
 * syscall exit are left out, and a few enter-event params (the raw args) are
 * added because our probe sees them at exit too.
 */
#include "event/syscalls.h"

#include <stdbool.h>
#include <string.h>

#include <linux/types.h>

#include "event/abi.h"
#include "event/flagtables.h"
#include "event/suggest.h"

/* ---- parameter shorthands ------------------------------------------------ */

#define P_RES(n, t) { n, SG_PT_##t, SG_SRC_RES, 0, 0, 0, 0, 0 }
#define P_ARG(n, t, i) { n, SG_PT_##t, SG_SRC_ARG, i, 0, 0, 0, 0 }
#define P_ARGT(n, t, i, tb) { n, SG_PT_##t, SG_SRC_ARG, i, 0, 0, 0, SG_TBL_##tb }
#define P_CAP(n, t, k, i, x, f) { n, SG_PT_##t, SG_SRC_CAP, i, SG_CAP_##k, x, f, 0 }
#define P_CAPT(n, t, k, i, x, f, tb) \
	{ n, SG_PT_##t, SG_SRC_CAP, i, SG_CAP_##k, x, f, SG_TBL_##tb }
#define P_STATE(n, t) { n, SG_PT_##t, SG_SRC_STATE, 0, 0, 0, 0, 0 }

/* Common shapes. */
#define R_ERR P_RES("res", ERRNO)
#define R_FD(n) P_RES(n, FD)
#define A_FD(n, i) P_ARG(n, FD, i)
#define A_DIRFD(n, i) P_ARG(n, DIRFD, i)
#define C_PATH(n, i) P_CAP(n, PATH, STR, i, 0, 0)
#define C_STR(n, i) P_CAP(n, STR, STR, i, 0, 0)
#define C_TUPLE(i) P_CAP("tuple", TUPLE, FD_TUPLE, i, 0, 0)
#define ON_OK SG_CAPF_ON_SUCCESS
#define ON_FAIL SG_CAPF_ON_FAIL

/* s390 passes clone(2)'s stack first and its flags second (the kernel's
 * CLONE_BACKWARDS2); x86 and arm64 pass the flags first. */
#if defined(__s390x__)
#define SG_CLONE_FLAGS_ARG 1
#else
#define SG_CLONE_FLAGS_ARG 0
#endif

/* What the process table knows after exec / clone. */
#define S_PROC                                                               \
	P_STATE("exe", STR), P_STATE("args", CHARBUFARRAY),                  \
	P_STATE("tid", PID), P_STATE("pid", PID), P_STATE("ptid", PID),     \
	P_STATE("cwd", PATH)

/* What else Falco's execve exit event tells of the new image: the
 * controlling tty (tty_nr), the process group and the group id. */
#define S_EXEC P_STATE("tty", UINT), P_STATE("pgid", PID), P_STATE("gid", GID)

/* The rest of Falco's execve / execveat exit parameters, from the exec
 * record: limits, page faults and memory at the exec, the process group
 * in its own namespace, the executable's flags (EXE_UPPER_LAYER...),
 * capabilities, and the executable's inode. */
#define S_PROC_MEM                                                           \
	P_STATE("fdlimit", UINT), P_STATE("pgft_maj", UINT),                 \
	P_STATE("pgft_min", UINT), P_STATE("vm_size", UINT),                 \
	P_STATE("vm_rss", UINT), P_STATE("vm_swap", UINT)
#define S_EXEC_MORE                                                          \
	S_PROC_MEM, P_STATE("vpgid", PID),                                   \
	P_STATE("cap_inheritable", HEX), P_STATE("cap_permitted", HEX),     \
	P_STATE("cap_effective", HEX), P_STATE("exe_ino", UINT),            \
	P_STATE("exe_ino_ctime", ABSTIME), P_STATE("exe_ino_mtime", ABSTIME)
/* execve's exit "flags" (execveat's "flags" is its AT_* argument) */
#define S_EXE_FLAGS { "flags", SG_PT_FLAGS, SG_SRC_STATE, 0, 0, 0, 0, SG_TBL_EXECVE_FLAGS }
/* ... and of clone / fork / vfork exit events. */
#define S_CLONE_MORE                                                         \
	S_PROC_MEM, P_STATE("vtid", PID), P_STATE("vpid", PID),              \
	P_STATE("pidns_init_start_ts", UINT)

#define NPARAMS(...) \
	(sizeof((struct sg_param_def[]){ __VA_ARGS__ }) / sizeof(struct sg_param_def))
#define SC(nm, cat, fl, ...) \
	{ nm, SG_CAT_##cat, NPARAMS(__VA_ARGS__), fl, { __VA_ARGS__ } }

/* Flag shorthands. */
#define FDA SG_SC_FD_ARG0
#define FDR SG_SC_FD_RES
#define OPN SG_SC_OPEN
#define CLS SG_SC_CLOSE
#define NET SG_SC_NET
#define RD SG_SC_READ
#define WR SG_SC_WRITE
#define ST SG_SC_STATE
#define DFD SG_SC_DIRFD_ARG0
#define KP SG_SC_KPATH

/* ---- the table ----------------------------------------------------------- */

static const struct sg_syscall_def sg_table[] = {
	/* process */
	SC("execve", PROCESS, ST, R_ERR, S_PROC, P_STATE("env", CHARBUFARRAY),
	   P_STATE("comm", STR), P_STATE("uid", UID), P_STATE("loginuid", UID),
	   /* argv's memory is gone after a successful exec */
	   P_CAP("filename", PATH, STR, 0, 0, ON_FAIL), S_EXEC, S_EXE_FLAGS, S_EXEC_MORE),
	SC("execveat", PROCESS, ST, R_ERR, A_DIRFD("dirfd", 0),
	   P_CAP("pathname", PATH, STR, 1, 0, ON_FAIL),
	   P_ARGT("flags", FLAGS, 4, AT_FLAGS), S_PROC,
	   P_STATE("env", CHARBUFARRAY), P_STATE("comm", STR), P_STATE("uid", UID),
	   P_STATE("loginuid", UID), S_EXEC, S_EXEC_MORE),
	SC("clone", PROCESS, ST, P_RES("res", PID), S_PROC, P_STATE("comm", STR),
	   P_ARGT("flags", FLAGS, SG_CLONE_FLAGS_ARG, CLONE_FLAGS), P_STATE("uid", UID),
	   P_STATE("gid", GID), S_CLONE_MORE),
	/* clone_args.flags is the first u64 of the struct */
	SC("clone3", PROCESS, ST, P_RES("res", PID), S_PROC, P_STATE("comm", STR),
	   P_CAPT("flags", FLAGS, STRUCT, 0, 1, 0, CLONE_FLAGS),
	   P_STATE("uid", UID), P_STATE("gid", GID), S_CLONE_MORE),
	SC("fork", PROCESS, ST, P_RES("res", PID), S_PROC, P_STATE("comm", STR),
	   P_STATE("uid", UID), P_STATE("gid", GID), S_CLONE_MORE),
	SC("vfork", PROCESS, ST, P_RES("res", PID), S_PROC, P_STATE("comm", STR),
	   P_STATE("uid", UID), P_STATE("gid", GID), S_CLONE_MORE),
	/* they never return, so sys_exit never sees them: procexit is their end */
	SC("exit", PROCESS, SG_SC_NORETURN, P_ARG("status", INT, 0)),
	SC("exit_group", PROCESS, SG_SC_NORETURN, P_ARG("status", INT, 0)),
	SC("setuid", USER, 0, R_ERR, P_ARG("uid", UID, 0)),
	SC("setgid", USER, 0, R_ERR, P_ARG("gid", GID, 0)),
	SC("setresuid", USER, 0, R_ERR, P_ARG("ruid", UID, 0), P_ARG("euid", UID, 1),
	   P_ARG("suid", UID, 2)),
	SC("setresgid", USER, 0, R_ERR, P_ARG("rgid", GID, 0), P_ARG("egid", GID, 1),
	   P_ARG("sgid", GID, 2)),
	SC("setreuid", USER, 0, R_ERR, P_ARG("ruid", UID, 0), P_ARG("euid", UID, 1)),
	SC("setregid", USER, 0, R_ERR, P_ARG("rgid", GID, 0), P_ARG("egid", GID, 1)),
	/* two __user_cap_data_struct: effective, permitted, inheritable x 2 */
	SC("capset", SECURITY, ST, R_ERR, P_ARG("hdrp", HEX, 0), P_ARG("datap", HEX, 1),
	   P_CAP("data", RAW, STRUCT, 1, 3, 0)),
	/* arg2 is a string for PR_SET_NAME / PR_GET_NAME (Falco's arg2_str); for
	 * other options the read of a non-pointer fails and shows as a fault */
	SC("prctl", PROCESS, 0, R_ERR, P_ARGT("option", ENUM, 0, PRCTL_OPT),
	   C_STR("arg2_str", 1), P_ARG("arg2_int", INT, 1), P_ARG("arg3", HEX, 2), P_ARG("arg4", HEX, 3),
	   P_ARG("arg5", HEX, 4)),
	SC("ptrace", PROCESS, 0, R_ERR, P_ARGT("request", ENUM, 0, PTRACE_REQ),
	   P_ARG("pid", PID, 1), P_ARG("addr", HEX, 2), P_ARG("data", HEX, 3)),
	SC("kill", SIGNAL, 0, R_ERR, P_ARG("pid", PID, 0),
	   P_ARGT("sig", SIGNAL, 1, SIGNALS)),
	SC("tkill", SIGNAL, 0, R_ERR, P_ARG("tid", PID, 0),
	   P_ARGT("sig", SIGNAL, 1, SIGNALS)),
	SC("tgkill", SIGNAL, 0, R_ERR, P_ARG("pid", PID, 0), P_ARG("tid", PID, 1),
	   P_ARGT("sig", SIGNAL, 2, SIGNALS)),
	SC("setns", PROCESS, FDA, R_ERR, A_FD("fd", 0),
	   P_ARGT("nstype", FLAGS, 1, NS_FLAGS)),
	SC("unshare", PROCESS, 0, R_ERR, P_ARGT("flags", FLAGS, 0, NS_FLAGS)),
	SC("setpgid", PROCESS, 0, R_ERR, P_ARG("pid", PID, 0), P_ARG("pgid", PID, 1)),
	SC("setsid", PROCESS, 0, P_RES("res", PID)),
	SC("seccomp", SECURITY, 0, R_ERR, P_ARGT("op", ENUM, 0, SECCOMP_OP),
	   P_ARG("flags", HEX, 1)),
	/* not every command returns an fd: the state layer decides by cmd */
	SC("bpf", SYSTEM, ST, R_FD("fd"), P_ARGT("cmd", ENUM, 0, BPF_CMD),
	   P_ARG("size", UINT, 2)),
	SC("init_module", SYSTEM, 0, R_ERR, P_CAP("img", BYTES, BUF_ARG, 0, 1, 0),
	   P_ARG("length", UINT, 1), C_STR("uargs", 2)),
	SC("finit_module", SYSTEM, FDA, R_ERR, A_FD("fd", 0), C_STR("uargs", 1),
	   P_ARG("flags", HEX, 2)),
	SC("delete_module", SYSTEM, 0, R_ERR, C_STR("name", 0), P_ARG("flags", HEX, 1)),
	SC("memfd_create", MEMORY, FDR | ST, R_FD("fd"), C_STR("name", 0),
	   P_ARGT("flags", FLAGS, 1, MEMFD_FLAGS)),
	SC("personality", PROCESS, 0, P_RES("res", HEX),
	   P_ARGT("persona", FLAGS, 0, PERSONALITY)),
	SC("chroot", PROCESS, 0, R_ERR, C_PATH("path", 0)),
	SC("pivot_root", PROCESS, 0, R_ERR, C_PATH("new_root", 0), C_PATH("put_old", 1)),
	SC("mount", FILE, 0, R_ERR, C_STR("dev", 0), C_PATH("dir", 1), C_STR("type", 2),
	   P_ARGT("flags", FLAGS, 3, MOUNT_FLAGS)),
	SC("umount2", FILE, 0, R_ERR, C_PATH("name", 0),
	   P_ARGT("flags", FLAGS, 1, UMOUNT_FLAGS)),
	SC("userfaultfd", SYSTEM, FDR | ST, R_FD("res"),
	   P_ARGT("flags", FLAGS, 0, PIPE_FLAGS)),
	SC("io_uring_setup", SYSTEM, FDR | ST, R_FD("res"), P_ARG("entries", UINT, 0)),
	SC("io_uring_enter", SYSTEM, FDA, R_ERR, A_FD("fd", 0),
	   P_ARG("to_submit", UINT, 1), P_ARG("min_complete", UINT, 2),
	   P_ARG("flags", HEX, 3)),
	SC("io_uring_register", SYSTEM, FDA, R_ERR, A_FD("fd", 0),
	   P_ARG("opcode", UINT, 1), P_ARG("arg", HEX, 2), P_ARG("nr_args", UINT, 3)),

	/* files */
	/* name is what the caller passed (its memory, read at exit); the fd's
	 * name in state is the kernel's (KP) */
	SC("open", FILE, FDR | OPN | ST | KP, R_FD("fd"), C_PATH("name", 0),
	   P_ARGT("flags", FLAGS, 1, OPEN_FLAGS), P_ARG("mode", MODE, 2)),
	SC("openat", FILE, FDR | OPN | ST | DFD | KP, R_FD("fd"), A_DIRFD("dirfd", 0),
	   C_PATH("name", 1), P_ARGT("flags", FLAGS, 2, OPEN_FLAGS),
	   P_ARG("mode", MODE, 3)),
	/* struct open_how: u64 flags, mode, resolve; see the STRUCT convention */
	SC("openat2", FILE, FDR | OPN | ST | DFD | KP, R_FD("fd"), A_DIRFD("dirfd", 0),
	   C_PATH("name", 1), P_CAPT("flags", FLAGS, STRUCT, 2, 1, 0, OPEN_FLAGS),
	   P_CAP("mode", MODE, STRUCT, 2, 2, 0),
	   P_CAPT("resolve", FLAGS, STRUCT, 2, 3, 0, RESOLVE_FLAGS)),
	SC("creat", FILE, FDR | OPN | ST | KP, R_FD("fd"), C_PATH("name", 0),
	   P_ARG("mode", MODE, 1)),
	/* a handle names no path: libs' path is the kernel's, of the new fd */
	SC("open_by_handle_at", FILE, FDR | OPN | ST, R_FD("fd"), A_FD("mountfd", 0),
	   P_ARGT("flags", FLAGS, 2, OPEN_FLAGS),
	   P_CAP("path", PATH, RES_PATH, 0, 0, ON_OK)),
	SC("close", FILE, FDA | CLS | ST, R_ERR, A_FD("fd", 0)),
	SC("read", FILE, FDA | RD, R_ERR, P_CAP("data", BYTES, BUF_RES, 1, 0, ON_OK),
	   A_FD("fd", 0), P_ARG("size", UINT, 2)),
	SC("write", FILE, FDA | WR, R_ERR, P_CAP("data", BYTES, BUF_ARG, 1, 2, 0),
	   A_FD("fd", 0), P_ARG("size", UINT, 2)),
	SC("pread64", FILE, FDA | RD, R_ERR, P_CAP("data", BYTES, BUF_RES, 1, 0, ON_OK),
	   A_FD("fd", 0), P_ARG("size", UINT, 2), P_ARG("pos", UINT, 3)),
	SC("pwrite64", FILE, FDA | WR, R_ERR, P_CAP("data", BYTES, BUF_ARG, 1, 2, 0),
	   A_FD("fd", 0), P_ARG("size", UINT, 2), P_ARG("pos", UINT, 3)),
	SC("readv", FILE, FDA | RD, R_ERR, P_CAP("data", BYTES, IOVEC_RES, 1, 2, ON_OK),
	   A_FD("fd", 0)),
	SC("writev", FILE, FDA | WR, R_ERR, P_CAP("data", BYTES, IOVEC_ARG, 1, 2, 0),
	   A_FD("fd", 0)),
	SC("preadv", FILE, FDA | RD, R_ERR, P_CAP("data", BYTES, IOVEC_RES, 1, 2, ON_OK),
	   A_FD("fd", 0), P_ARG("pos", UINT, 3)),
	SC("pwritev", FILE, FDA | WR, R_ERR, P_CAP("data", BYTES, IOVEC_ARG, 1, 2, 0),
	   A_FD("fd", 0), P_ARG("pos", UINT, 3)),
	/* fd.* is the destination: that is where the data goes */
	SC("sendfile", FILE, FDA | WR, R_ERR, A_FD("out_fd", 0), A_FD("in_fd", 1),
	   P_ARG("size", UINT, 3)),
	SC("splice", FILE, FDA, R_ERR, A_FD("fd_in", 0), A_FD("fd_out", 2),
	   P_ARG("size", UINT, 4), P_ARGT("flags", FLAGS, 5, SPLICE_FLAGS)),
	SC("dup", FILE, FDR | ST, R_FD("res"), A_FD("oldfd", 0)),
	SC("dup2", FILE, FDR | ST, R_FD("res"), A_FD("oldfd", 0), A_FD("newfd", 1)),
	SC("dup3", FILE, FDR | ST, R_FD("res"), A_FD("oldfd", 0), A_FD("newfd", 1),
	   P_ARGT("flags", FLAGS, 2, PIPE_FLAGS)),
	/* F_DUPFD makes an fd, F_SETFD/F_SETFL change it: the state layer looks */
	SC("fcntl", FILE, FDA | ST, R_ERR, A_FD("fd", 0),
	   P_ARGT("cmd", ENUM, 1, FCNTL_CMD), P_ARG("arg", HEX, 2)),
	SC("pipe", IPC, ST, R_ERR, P_CAP("fd1", FD, INT2, 0, 0, ON_OK),
	   P_CAP("fd2", FD, INT2, 0, 1, ON_OK)),
	SC("pipe2", IPC, ST, R_ERR, P_CAP("fd1", FD, INT2, 0, 0, ON_OK),
	   P_CAP("fd2", FD, INT2, 0, 1, ON_OK), P_ARGT("flags", FLAGS, 1, PIPE_FLAGS)),
	SC("eventfd2", IPC, FDR | ST, R_FD("res"), P_ARG("initval", UINT, 0),
	   P_ARGT("flags", FLAGS, 1, PIPE_FLAGS)),
	/* the mask is a kernel sigset: 8 bytes */
	SC("signalfd4", SIGNAL, FDR | ST, R_FD("res"), A_FD("fd", 0),
	   P_CAP("mask", HEX, STRUCT, 1, 1, 0), P_ARGT("flags", FLAGS, 3, PIPE_FLAGS)),
	SC("inotify_init1", FILE, FDR | ST, R_FD("res"),
	   P_ARGT("flags", FLAGS, 0, PIPE_FLAGS)),
	SC("timerfd_create", TIME, FDR | ST, R_FD("res"), P_ARG("clockid", INT, 0),
	   P_ARGT("flags", FLAGS, 1, PIPE_FLAGS)),
	SC("epoll_create1", FILE, FDR | ST, R_FD("res"),
	   P_ARGT("flags", FLAGS, 0, EPOLL_FLAGS)),
	SC("chdir", FILE, ST, R_ERR, C_PATH("path", 0)),
	SC("fchdir", FILE, FDA | ST, R_ERR, A_FD("fd", 0)),
	SC("mkdir", FILE, 0, R_ERR, C_PATH("path", 0), P_ARG("mode", MODE, 1)),
	SC("mkdirat", FILE, DFD, R_ERR, A_DIRFD("dirfd", 0), C_PATH("path", 1),
	   P_ARG("mode", MODE, 2)),
	SC("rmdir", FILE, 0, R_ERR, C_PATH("path", 0)),
	SC("unlink", FILE, 0, R_ERR, C_PATH("path", 0)),
	SC("unlinkat", FILE, DFD, R_ERR, A_DIRFD("dirfd", 0), C_PATH("name", 1),
	   P_ARGT("flags", FLAGS, 2, AT_FLAGS)),
	SC("rename", FILE, 0, R_ERR, C_PATH("oldpath", 0), C_PATH("newpath", 1)),
	SC("renameat", FILE, DFD, R_ERR, A_DIRFD("olddirfd", 0), C_PATH("oldpath", 1),
	   A_DIRFD("newdirfd", 2), C_PATH("newpath", 3)),
	SC("renameat2", FILE, DFD, R_ERR, A_DIRFD("olddirfd", 0), C_PATH("oldpath", 1),
	   A_DIRFD("newdirfd", 2), C_PATH("newpath", 3),
	   P_ARGT("flags", FLAGS, 4, RENAME_FLAGS)),
	SC("link", FILE, 0, R_ERR, C_PATH("oldpath", 0), C_PATH("newpath", 1)),
	SC("linkat", FILE, DFD, R_ERR, A_DIRFD("olddir", 0), C_PATH("oldpath", 1),
	   A_DIRFD("newdir", 2), C_PATH("newpath", 3),
	   P_ARGT("flags", FLAGS, 4, AT_FLAGS)),
	/* the target is stored as written, never resolved */
	SC("symlink", FILE, 0, R_ERR, C_STR("target", 0), C_PATH("linkpath", 1)),
	SC("symlinkat", FILE, 0, R_ERR, C_STR("target", 0), A_DIRFD("linkdirfd", 1),
	   C_PATH("linkpath", 2)),
	SC("chmod", FILE, 0, R_ERR, C_PATH("filename", 0), P_ARG("mode", MODE, 1)),
	SC("fchmod", FILE, FDA, R_ERR, A_FD("fd", 0), P_ARG("mode", MODE, 1)),
	SC("fchmodat", FILE, DFD, R_ERR, A_DIRFD("dirfd", 0), C_PATH("filename", 1),
	   P_ARG("mode", MODE, 2)),
	/* 6.6: fchmodat with the flags argument fchmodat lacks */
	SC("fchmodat2", FILE, DFD, R_ERR, A_DIRFD("dirfd", 0), C_PATH("filename", 1),
	   P_ARG("mode", MODE, 2), P_ARGT("flags", FLAGS, 3, AT_FLAGS)),
	SC("chown", FILE, 0, R_ERR, C_PATH("path", 0), P_ARG("uid", UID, 1),
	   P_ARG("gid", GID, 2)),
	SC("lchown", FILE, 0, R_ERR, C_PATH("path", 0), P_ARG("uid", UID, 1),
	   P_ARG("gid", GID, 2)),
	SC("fchown", FILE, FDA, R_ERR, A_FD("fd", 0), P_ARG("uid", UID, 1),
	   P_ARG("gid", GID, 2)),
	SC("fchownat", FILE, DFD, R_ERR, A_DIRFD("dirfd", 0), C_PATH("pathname", 1),
	   P_ARG("uid", UID, 2), P_ARG("gid", GID, 3),
	   P_ARGT("flags", FLAGS, 4, AT_FLAGS)),
	SC("truncate", FILE, 0, R_ERR, C_PATH("path", 0), P_ARG("length", UINT, 1)),
	SC("ftruncate", FILE, FDA, R_ERR, A_FD("fd", 0), P_ARG("length", UINT, 1)),
	SC("mmap", MEMORY, 0, R_ERR, P_ARG("addr", HEX, 0), P_ARG("length", UINT, 1),
	   P_ARGT("prot", FLAGS, 2, PROT_FLAGS), P_ARGT("flags", FLAGS, 3, MMAP_FLAGS),
	   A_FD("fd", 4), P_ARG("offset", UINT, 5)),
	SC("mprotect", MEMORY, 0, R_ERR, P_ARG("addr", HEX, 0), P_ARG("length", UINT, 1),
	   P_ARGT("prot", FLAGS, 2, PROT_FLAGS)),
	SC("access", FILE, 0, R_ERR, C_PATH("name", 0),
	   P_ARGT("mode", FLAGS, 1, ACCESS_MODE)),
	SC("faccessat", FILE, DFD, R_ERR, A_DIRFD("dirfd", 0), C_PATH("name", 1),
	   P_ARGT("mode", FLAGS, 2, ACCESS_MODE)),
	SC("faccessat2", FILE, DFD, R_ERR, A_DIRFD("dirfd", 0), C_PATH("name", 1),
	   P_ARGT("mode", FLAGS, 2, ACCESS_MODE), P_ARGT("flags", FLAGS, 3, ACCESS_AT_FLAGS)),
	SC("newfstatat", FILE, DFD, R_ERR, A_DIRFD("dirfd", 0), C_PATH("path", 1),
	   P_ARGT("flags", FLAGS, 3, AT_FLAGS)),
	SC("statx", FILE, DFD, R_ERR, A_DIRFD("dirfd", 0), C_PATH("path", 1),
	   P_ARGT("flags", FLAGS, 2, AT_FLAGS), P_ARGT("mask", FLAGS, 3, STATX_MASK)),
	SC("stat", FILE, 0, R_ERR, C_PATH("path", 0)),
	SC("lstat", FILE, 0, R_ERR, C_PATH("path", 0)),
	SC("fstat", FILE, FDA, R_ERR, A_FD("fd", 0)),
	SC("getdents64", FILE, FDA, R_ERR, A_FD("fd", 0)),
	SC("fsconfig", SYSTEM, FDA, R_ERR, A_FD("fd", 0),
	   P_ARGT("cmd", ENUM, 1, FSCONFIG_CMD), C_STR("key", 2), C_STR("value", 3),
	   P_ARG("aux", INT, 4)),

	/* network */
	SC("socket", NET, FDR | NET | ST, R_FD("fd"),
	   P_ARGT("domain", ENUM, 0, SOCK_FAMILY), P_ARGT("type", FLAGS, 1, SOCK_TYPE),
	   P_ARGT("proto", ENUM, 2, SOCK_PROTO)),
	SC("socketpair", IPC, NET | ST, R_ERR, P_CAP("fd1", FD, INT2, 3, 0, ON_OK),
	   P_CAP("fd2", FD, INT2, 3, 1, ON_OK), P_ARGT("domain", ENUM, 0, SOCK_FAMILY),
	   P_ARGT("type", FLAGS, 1, SOCK_TYPE), P_ARGT("proto", ENUM, 2, SOCK_PROTO)),
	SC("connect", NET, FDA | NET | ST, R_ERR, C_TUPLE(0), A_FD("fd", 0),
	   P_CAP("addr", SOCKADDR, SOCKADDR, 1, 2, 0)),
	SC("accept", NET, FDR | NET | ST, R_FD("fd"),
	   P_CAP("tuple", TUPLE, RES_TUPLE, 0, 0, ON_OK)),
	SC("accept4", NET, FDR | NET | ST, R_FD("fd"),
	   P_CAP("tuple", TUPLE, RES_TUPLE, 0, 0, ON_OK),
	   P_ARGT("flags", FLAGS, 3, SOCK_TYPE)),
	SC("bind", NET, FDA | NET | ST, R_ERR, P_CAP("addr", SOCKADDR, SOCKADDR, 1, 2, 0),
	   A_FD("fd", 0), C_TUPLE(0)),
	SC("listen", NET, FDA | NET | ST, R_ERR, A_FD("fd", 0), P_ARG("backlog", INT, 1),
	   C_TUPLE(0)),
	SC("sendto", NET, FDA | NET | WR, R_ERR, P_CAP("data", BYTES, BUF_ARG, 1, 2, 0),
	   A_FD("fd", 0), P_ARG("size", UINT, 2), C_TUPLE(0),
	   P_CAP("addr", SOCKADDR, SOCKADDR, 4, 5, 0),
	   P_ARGT("flags", FLAGS, 3, MSG_FLAGS)),
	SC("recvfrom", NET, FDA | NET | RD, R_ERR,
	   P_CAP("data", BYTES, BUF_RES, 1, 0, ON_OK), C_TUPLE(0), A_FD("fd", 0),
	   P_ARG("size", UINT, 2), P_CAP("addr", SOCKADDR, SOCKADDR_PLEN, 4, 5, ON_OK),
	   P_ARGT("flags", FLAGS, 3, MSG_FLAGS)),
	SC("sendmsg", NET, FDA | NET | WR, R_ERR, P_CAP("data", BYTES, MSGHDR_BUF, 1, 0, 0),
	   A_FD("fd", 0), C_TUPLE(0), P_CAP("addr", SOCKADDR, MSGHDR_ADDR, 1, 0, 0),
	   P_ARGT("flags", FLAGS, 2, MSG_FLAGS)),
	SC("recvmsg", NET, FDA | NET | RD, R_ERR,
	   P_CAP("data", BYTES, MSGHDR_BUF, 1, 0, ON_OK), C_TUPLE(0),
	   P_CAP("addr", SOCKADDR, MSGHDR_ADDR, 1, 0, ON_OK), A_FD("fd", 0),
	   P_ARGT("flags", FLAGS, 2, MSG_FLAGS)),
	SC("sendmmsg", NET, FDA | NET | WR, R_ERR, A_FD("fd", 0), C_TUPLE(0),
	   P_ARG("vlen", UINT, 2), P_ARGT("flags", FLAGS, 3, MSG_FLAGS)),
	SC("recvmmsg", NET, FDA | NET | RD, R_ERR, A_FD("fd", 0), C_TUPLE(0),
	   P_ARG("vlen", UINT, 2), P_ARGT("flags", FLAGS, 3, MSG_FLAGS)),
	SC("shutdown", NET, FDA | NET, R_ERR, A_FD("fd", 0),
	   P_ARGT("how", ENUM, 1, SHUTDOWN_HOW), C_TUPLE(0)),
	SC("getsockopt", NET, FDA | NET, R_ERR, A_FD("fd", 0),
	   P_ARGT("level", ENUM, 1, SOCKOPT_LEVEL), P_ARGT("optname", ENUM, 2, SOCKOPT_NAME)),
	SC("setsockopt", NET, FDA | NET, R_ERR, A_FD("fd", 0),
	   P_ARGT("level", ENUM, 1, SOCKOPT_LEVEL), P_ARGT("optname", ENUM, 2, SOCKOPT_NAME),
	   P_CAP("val", BYTES, BUF_ARG, 3, 4, 0), P_ARG("optlen", UINT, 4)),
};

#define SG_TABLE_LEN (sizeof(sg_table) / sizeof(sg_table[0]))

/* The raw exit code is the status; ret and sig are derived by the decoder. */
const struct sg_syscall_def sg_procexit_def = SC("procexit", PROCESS, 0,
	P_RES("status", INT), P_STATE("ret", INT),
	{ "sig", SG_PT_SIGNAL, SG_SRC_STATE, 0, 0, 0, 0, SG_TBL_SIGNALS });

/* ---- numbers of this architecture ---------------------------------------- */

struct sg_nrname {
	const char *name;
	unsigned nr;
};

static const struct sg_nrname sg_nrs[] = {
#define SG_NR(n, v) { #n, v },
#include "syscall_nrs.h"
#include "event/syscall_nrs_unified.h"
#undef SG_NR
};

#define SG_NRS_LEN (sizeof(sg_nrs) / sizeof(sg_nrs[0]))

/* The 32-bit table (x86: ia32), empty elsewhere; NULL ends it. */
static const struct sg_nrname sg_nrs32[] = {
#define SG_NR32(n, v) { #n, v },
#include "syscall_nrs_compat.h"
#undef SG_NR32
	{ NULL, 0 },
};

static const struct sg_syscall_def *by_nr[SG_MAX_SYSCALLS];
static const char *nr_name[SG_MAX_SYSCALLS];
static struct sg_syscall_def generic[SG_MAX_SYSCALLS];
static unsigned nr_count;
static bool inited;

static const struct sg_syscall_def *table_find(const char *name)
{
	for (size_t i = 0; i < SG_TABLE_LEN; i++)
		if (strcmp(sg_table[i].name, name) == 0)
			return &sg_table[i];
	return NULL;
}

/* A syscall the table does not describe still shows its result and the six
 * raw arguments, so evt.type=getppid and evt.arg[3] work everywhere. */
static void make_generic(struct sg_syscall_def *d, const char *name)
{
	static const char *const argn[SG_NARGS] = {
		"arg0", "arg1", "arg2", "arg3", "arg4", "arg5",
	};

	memset(d, 0, sizeof(*d));
	d->name = name;
	d->category = SG_CAT_OTHER;
	d->flags = SG_SC_GENERIC;
	d->params[0] = (struct sg_param_def)P_RES("res", ERRNO);
	for (unsigned i = 0; i < SG_NARGS; i++)
		d->params[i + 1] = (struct sg_param_def)P_ARG(argn[i], HEX, i);
	d->nparams = SG_NARGS + 1;
}

void sg_syscalls_init(void)
{
	if (inited)
		return;
	for (size_t i = 0; i < SG_NRS_LEN; i++) {
		unsigned nr = sg_nrs[i].nr;
		const struct sg_syscall_def *d;

		/* the probe's tables stop at SG_MAX_SYSCALLS: so do we */
		if (nr >= SG_MAX_SYSCALLS || nr_name[nr])
			continue;
		nr_name[nr] = sg_nrs[i].name;
		if (nr + 1 > nr_count)
			nr_count = nr + 1;
		d = table_find(sg_nrs[i].name);
		if (!d) {
			make_generic(&generic[nr], sg_nrs[i].name);
			d = &generic[nr];
		}
		by_nr[nr] = d;
	}
	inited = true;
}

const struct sg_syscall_def *sg_syscall_by_nr(unsigned nr)
{
	sg_syscalls_init();
	return nr < SG_MAX_SYSCALLS ? by_nr[nr] : NULL;
}

const char *sg_syscall_name(unsigned nr)
{
	sg_syscalls_init();
	return nr < SG_MAX_SYSCALLS ? nr_name[nr] : NULL;
}

unsigned sg_syscall_count(void)
{
	sg_syscalls_init();
	return nr_count;
}

static unsigned nr_of(const char *name)
{
	for (unsigned nr = 0; nr < nr_count; nr++)
		if (nr_name[nr] && strcmp(nr_name[nr], name) == 0)
			return nr;
	return SG_NR_NONE;
}

static bool def_has_param(const struct sg_syscall_def *d, const char *k, size_t len,
			  struct sg_suggest *sg)
{
	for (unsigned i = 0; d && i < d->nparams; i++) {
		const char *name = d->params[i].name;
		if (!name)
			continue;
		if (strlen(name) == len && memcmp(name, k, len) == 0)
			return true;
		sg_suggest_try(sg, name);
	}
	return false;
}

bool sg_syscall_param_known(const char *k, size_t len, const char **suggest)
{
	struct sg_suggest sg;
	const struct sg_syscall_def *d;

	sg_syscalls_init();
	*suggest = NULL;
	sg_suggest_init(&sg, k, len, 2);
	if (memchr(k, '\0', len))
		return false;
	for (size_t i = 0; i < SG_TABLE_LEN; i++)
		if (def_has_param(&sg_table[i], k, len, &sg))
			return true;
	if (def_has_param(&sg_procexit_def, k, len, &sg))
		return true;
	for (unsigned nr = 0; nr < nr_count; nr++)
		if ((d = by_nr[nr]) && (d->flags & SG_SC_GENERIC) && def_has_param(d, k, len, &sg))
			return true;
	*suggest = sg_suggest_result(&sg);
	return false;
}

static int def_param_type(const struct sg_syscall_def *d, const char *k, size_t len)
{
	for (unsigned i = 0; d && i < d->nparams; i++) {
		const char *name = d->params[i].name;
		if (name && strlen(name) == len && memcmp(name, k, len) == 0)
			return d->params[i].type;
	}
	return -1;
}

int sg_syscall_param_type(const char *k, size_t len)
{
	const struct sg_syscall_def *d;
	int t;

	sg_syscalls_init();
	if (memchr(k, '\0', len))
		return -1;
	for (size_t i = 0; i < SG_TABLE_LEN; i++)
		if ((t = def_param_type(&sg_table[i], k, len)) >= 0)
			return t;
	if ((t = def_param_type(&sg_procexit_def, k, len)) >= 0)
		return t;
	for (unsigned nr = 0; nr < nr_count; nr++)
		if ((d = by_nr[nr]) && (d->flags & SG_SC_GENERIC) &&
		    (t = def_param_type(d, k, len)) >= 0)
			return t;
	return -1;
}

const char *sg_syscall_compat_name(unsigned nr32)
{
	for (size_t i = 0; sg_nrs32[i].name; i++)
		if (sg_nrs32[i].nr == nr32)
			return sg_nrs32[i].name;
	return NULL;
}

/* The native call a 32-bit variant of another name stands for. */
static unsigned compat_alias(const char *n)
{
	static const struct { const char *n32, *n; } alias[] = {
		{ "mmap2", "mmap" }, { "fstatat64", "newfstatat" }, { "_llseek", "lseek" },
		{ "_newselect", "select" }, { "sigaction", "rt_sigaction" },
		{ "sigprocmask", "rt_sigprocmask" }, { "sigreturn", "rt_sigreturn" },
		{ "sigpending", "rt_sigpending" }, { "sigsuspend", "rt_sigsuspend" },
		{ "ugetrlimit", "getrlimit" }, { "oldumount", "umount2" }, { "umount", "umount2" },
	};
	char base[64];
	size_t len = strlen(n);

	for (size_t i = 0; i < sizeof(alias) / sizeof(alias[0]); i++)
		if (!strcmp(n, alias[i].n32))
			return nr_of(alias[i].n);
	/* setuid32, chown32, stat64, fcntl64, truncate64, sendfile64... */
	if (len > 2 && len < sizeof(base) &&
	    (!strcmp(n + len - 2, "32") || !strcmp(n + len - 2, "64"))) {
		memcpy(base, n, len - 2);
		base[len - 2] = '\0';
		return nr_of(base);
	}
	return SG_NR_NONE;
}

unsigned sg_syscall_compat_native(unsigned nr32)
{
	const char *n = sg_syscall_compat_name(nr32);
	unsigned nr;

	sg_syscalls_init();
	if (!n)
		return SG_NR_NONE;
	nr = nr_of(n);
	return nr != SG_NR_NONE ? nr : compat_alias(n);
}

const struct sg_syscall_def *sg_syscall_by_name(const char *name, unsigned *nr)
{
	const struct sg_syscall_def *d;
	unsigned n;

	sg_syscalls_init();
	if (nr)
		*nr = SG_NR_NONE;
	if (!name)
		return NULL;
	n = nr_of(name);
	if (n != SG_NR_NONE) {
		if (nr)
			*nr = n;
		return by_nr[n];
	}
	d = table_find(name);
	if (d)
		return d;
	if (strcmp(name, sg_procexit_def.name) == 0)
		return &sg_procexit_def;
	return NULL;
}

const struct sg_syscall_def *sg_syscall_table_at(unsigned i)
{
	return i < SG_TABLE_LEN ? &sg_table[i] : NULL;
}

/* ---- suggestions ----------------------------------------------------------- */

#define SG_SUGGEST_DIST 2

const char *sg_syscall_suggest(const char *name)
{
	struct sg_suggest sg;

	sg_syscalls_init();
	if (!name || !*name)
		return NULL;
	sg_suggest_init(&sg, name, strlen(name), SG_SUGGEST_DIST);
	/* table names first: on a tie the decoded syscall is the better guess */
	for (size_t i = 0; i < SG_TABLE_LEN; i++)
		sg_suggest_try(&sg, sg_table[i].name);
	sg_suggest_try(&sg, sg_procexit_def.name);
	for (unsigned nr = 0; nr < nr_count; nr++)
		if (nr_name[nr])
			sg_suggest_try(&sg, nr_name[nr]);
	return sg_suggest_result(&sg);
}

/* ---- numeric values inside payloads ---------------------------------------- */

static bool ptype_numeric(unsigned t)
{
	switch (t) {
	case SG_PT_INT: case SG_PT_UINT: case SG_PT_HEX: case SG_PT_ERRNO:
	case SG_PT_FD: case SG_PT_DIRFD: case SG_PT_PID: case SG_PT_UID:
	case SG_PT_GID: case SG_PT_MODE: case SG_PT_FLAGS: case SG_PT_ENUM:
	case SG_PT_SIGNAL: case SG_PT_DEV:
		return true;
	}
	return false;
}

static bool is_int32(uint8_t type)
{
	switch (type) {
	case SG_PT_INT:
	case SG_PT_FD:
	case SG_PT_DIRFD:
	case SG_PT_PID:
	case SG_PT_SIGNAL:
	case SG_PT_ERRNO:
		return true;
	}
	return false;
}

static bool is_uint32(uint8_t type)
{
	return type == SG_PT_UID || type == SG_PT_GID || type == SG_PT_MODE;
}

/* Falco's encoding of a value libs converts (open flags), else as it is. */
static int64_t encode(const struct sg_param_def *d, int64_t v)
{
	if (d->table == SG_TBL_OPEN_FLAGS)
		return sg_open_flags_ppm((uint64_t)v);
	return v;
}

int64_t sg_syscall_arg_num(const struct sg_param_def *d, uint64_t raw)
{
	if (!d)
		return (int64_t)raw;
	if (is_int32(d->type))
		return (int32_t)(uint32_t)raw;
	if (is_uint32(d->type))
		return (uint32_t)raw;
	return encode(d, (int64_t)raw);
}

int sg_syscall_cap_num(const struct sg_param_def *d, const void *data,
		       uint32_t len, int64_t *out)
{
	if (!d || !data || d->src != SG_SRC_CAP || !ptype_numeric(d->type))
		return 0;
	if (d->cap == SG_CAP_INT2) {
		int32_t v[2];

		if (d->aux > 1 || len < sizeof(v))
			return 0;
		memcpy(v, data, sizeof(v));
		*out = v[d->aux];
		return 1;
	}
	if (d->cap == SG_CAP_STRUCT) {
		uint64_t v;
		uint32_t want = (uint32_t)d->aux * 8;

		/* a cut struct would give another field's bytes */
		if (d->aux == 0 || len < want)
			return 0;
		memcpy(&v, (const uint8_t *)data + want - 8, sizeof(v));
		*out = encode(d, (int64_t)v);
		return 1;
	}
	return 0;
}

/* A captured number (pipe's fd pair, a field of a user struct) is read by
 * sg_syscall_cap_num, the rule the decoder fills num with: one place says
 * where it sits, so the two cannot drift.  A pair or struct cut short has
 * no number (its bytes would be another field's). */
bool sg_param_num(const struct sg_param *p, int64_t *v)
{
	if (!p || !p->def)
		return false;
	if (p->def->src != SG_SRC_CAP) {
		*v = p->num;
		return true;
	}
	if (!(p->flags & SG_PARAM_DATA) || !p->data || !p->len)
		return false;
	if (p->def->cap == SG_CAP_INT2 || p->def->cap == SG_CAP_STRUCT)
		return sg_syscall_cap_num(p->def, p->data, p->len, v) != 0;
	*v = p->num;
	return true;
}

/* ---- names and listing ------------------------------------------------------ */

const char *sg_ptype_name(unsigned t)
{
	static const char *const names[] = {
#define SG_PT_NAME(n) #n,
		SG_PTYPES(SG_PT_NAME)
#undef SG_PT_NAME
	};

	return t < SG_PT_MAX ? names[t] : "?";
}

const char *sg_category_name(unsigned c)
{
	static const char *const names[] = {
#define SG_CAT_NAME(id, s) s,
		SG_CATEGORIES(SG_CAT_NAME)
#undef SG_CAT_NAME
	};

	return c < SG_CAT_MAX ? names[c] : "?";
}

static void list_text(FILE *out, const struct sg_syscall_def *d)
{
	fprintf(out, "%s(", d->name);
	for (unsigned i = 0; i < d->nparams; i++)
		fprintf(out, "%s%s %s", i ? ", " : "", d->params[i].name,
			sg_ptype_name(d->params[i].type));
	fprintf(out, ") [%s]\n", sg_category_name(d->category));
}

/* Names are our own identifiers (syscall and param names): no escaping. */
static void list_json(FILE *out, const struct sg_syscall_def *d, unsigned nr)
{
	fprintf(out, "{\"name\":\"%s\",\"nr\":", d->name);
	if (nr == SG_NR_NONE)
		fputs("null", out);
	else
		fprintf(out, "%u", nr);
	fprintf(out, ",\"category\":\"%s\",\"params\":[", sg_category_name(d->category));
	for (unsigned i = 0; i < d->nparams; i++)
		fprintf(out, "%s{\"name\":\"%s\",\"type\":\"%s\"}", i ? "," : "",
			d->params[i].name, sg_ptype_name(d->params[i].type));
	fputs("]}\n", out);
}

static void list_one(FILE *out, const struct sg_syscall_def *d, unsigned nr, int json)
{
	if (json)
		list_json(out, d, nr);
	else
		list_text(out, d);
}

void sg_syscalls_list(FILE *out, int json)
{
	sg_syscalls_init();
	for (unsigned nr = 0; nr < nr_count; nr++)
		if (by_nr[nr])
			list_one(out, by_nr[nr], nr, json);
	list_one(out, &sg_procexit_def, SG_NR_NONE, json);
}
