/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * The kernel/user ABI of sysgrep: the only file both the BPF probe and the
 * userspace half include.  Everything that crosses the ring buffer or the
 * settings (rodata / maps) is declared here and nowhere else.
 *
 * Included from the probe with vmlinux.h (so no libc types), and from
 * userspace with <linux/types.h>.
 */
#ifndef SYSGREP_ABI_H
#define SYSGREP_ABI_H

#ifndef __bpf__
#include <linux/types.h>
#endif

#define SG_MAX_SYSCALLS 512 /* syscall numbers the tables cover (x86_64 ~460) */
#define SG_COMM_LEN 16
#define SG_NARGS 6
#define SG_MAX_CAPS 5 /* captured payloads per syscall (openat2: name, how x 3, kernel path) */
#define SG_PUSH_MAX 8 /* values per pushed-down condition */

/* Bounds of what the probe copies.  Userspace never trusts them: it
 * re-checks every length against the record it received. */
#define SG_STR_MAX 4096    /* paths and names */
#define SG_ARGS_MAX 4096   /* argv / env of an exec, NUL separated */
#define SG_SNAPLEN_MAX 16384 /* largest -s the probe accepts */
#define SG_SCRATCH_SIZE 65536 /* per-CPU scratch for variable events (power of 2) */

/* Record kinds. */
enum sg_rec_kind {
	SG_REC_SYSCALL = 1, /* one per system call, at its exit */
	SG_REC_EXEC = 2,    /* sched_process_exec: new image (state only) */
	SG_REC_FORK = 3,    /* sched_process_fork: new task (state only) */
	SG_REC_EXIT = 4,    /* sched_process_exit: task gone (evt.type=procexit) */
};

/*
 * How the probe captures one payload of a syscall.  The capture list of each
 * syscall is derived by userspace from the event table (event/syscalls.c) and
 * written into the `specs` map, so the probe itself stays generic.
 */
enum sg_cap_kind {
	SG_CAP_NONE = 0,
	SG_CAP_STR,          /* user NUL-terminated string at arg[arg], <= SG_STR_MAX */
	SG_CAP_BUF_RES,      /* user buffer at arg[arg], length = result (read-like) */
	SG_CAP_BUF_ARG,      /* user buffer at arg[arg], length = arg[aux] (write-like) */
	SG_CAP_SOCKADDR,     /* user sockaddr at arg[arg], length = arg[aux] */
	SG_CAP_SOCKADDR_PLEN,/* user sockaddr at arg[arg], length = *(int *)arg[aux] */
	SG_CAP_FD_TUPLE,     /* struct sg_tuple of the socket whose fd is arg[arg] */
	SG_CAP_RES_TUPLE,    /* struct sg_tuple of the socket whose fd is the result */
	SG_CAP_IOVEC_RES,    /* iovec array at arg[arg], count arg[aux], total = result */
	SG_CAP_IOVEC_ARG,    /* iovec array at arg[arg], count arg[aux], whole */
	SG_CAP_STRUCT,       /* fixed user struct at arg[arg], aux = size in bytes */
	SG_CAP_INT2,         /* two ints at arg[arg] (pipe, socketpair) */
	SG_CAP_MSGHDR_ADDR,  /* msg_name of the msghdr at arg[arg] */
	SG_CAP_MSGHDR_BUF,   /* msg_iov of the msghdr at arg[arg], total = result */
	SG_CAP_RES_PATH,     /* path of the file whose fd is the result, as the kernel
			      * holds it (dentry walk of its struct file), <= SG_STR_MAX */
	SG_CAP_KIND_MAX
};

/* sg_cap.flags: when to capture. */
#define SG_CAPF_ON_FAIL 0x1    /* only when result < 0 (execve path: old mm) */
#define SG_CAPF_ON_SUCCESS 0x2 /* only when result >= 0 */

struct sg_cap {
	__u8 kind;  /* enum sg_cap_kind */
	__u8 arg;   /* argument index */
	__u8 aux;   /* argument index of the length, or struct size / 8 for STRUCT */
	__u8 flags; /* SG_CAPF_* */
};

struct sg_spec {
	struct sg_cap cap[SG_MAX_CAPS];
};

/* sel[] values in the selection table (rodata). */
#define SG_SEL_FILTER 0x1 /* the filter can match this syscall */
#define SG_SEL_STATE 0x2  /* needed to keep process / fd state right */
/* A 32-bit (ia32) call with this number is one the filter may select:
 * it is counted, not decoded (its numbers, registers and structs differ). */
#define SG_SEL_COMPAT 0x4
/* Needed for state only when arg 0 is a socket that is not a stream (the
 * send/recv family: a datagram socket learns its peer from them), so that
 * state never depends on what the filter selects and TCP I/O costs nothing. */
#define SG_SEL_STATE_DGRAM 0x8

/*
 * Header of every record.  Fixed size; `len` covers the header and the
 * payloads that follow it.  Each payload is a struct sg_payload followed by
 * `len` bytes, packed without padding (read them with memcpy).
 */
struct sg_rec {
	__u64 ts;        /* CLOCK_BOOTTIME ns */
	__u64 cgroup_id; /* cgroup v2 id of the task */
	__s64 res;       /* syscall result; exit code for SG_REC_EXIT */
	__u64 args[SG_NARGS];
	__u32 tid;
	__u32 pid;       /* tgid */
	__u32 ppid;      /* tgid of real_parent */
	__u32 uid;       /* effective uid (as Falco's user.uid) */
	__u32 gid;       /* effective gid */
	__u32 loginuid;  /* (u32)-1 when unset */
	__u16 kind;      /* enum sg_rec_kind */
	__u16 nr;        /* syscall number */
	__u16 cpu;
	__u16 npayloads;
	__u32 len;       /* total bytes of this record */
	__u32 flags;     /* SG_RECF_* */
	char comm[SG_COMM_LEN];
};

#define SG_RECF_THREAD 0x1 /* FORK: the new task is a thread */
#define SG_RECF_GROUP_DEAD 0x2 /* EXIT: the last thread of the process */

struct sg_payload {
	__u16 len;   /* bytes that follow */
	__u8 kind;   /* enum sg_cap_kind, or SG_PL_* for process records */
	__u8 flags;  /* SG_PLF_* */
};

#define SG_PLF_TRUNC 0x1 /* the value was longer than the bound: cut */
#define SG_PLF_FAULT 0x2 /* could not read the memory (not resident, bad pointer) */
#define SG_PLF_SKIP 0x4  /* not captured (condition not met); len is 0 */
/* SG_CAP_RES_PATH: the walk ended at the root of a mount that is not
 * attached below the task's root (a lazily unmounted tree, an internal
 * mount): the text is the path inside that mount only */
#define SG_PLF_DETACHED 0x8

/* Payload kinds of SG_REC_EXEC / SG_REC_FORK records. */
enum sg_pl_kind {
	SG_PL_PROCINFO = 100, /* struct sg_procinfo */
	SG_PL_FILENAME,       /* bprm->filename */
	SG_PL_ARGS,           /* argv, NUL separated, from the new mm */
	SG_PL_ENV,            /* envp, NUL separated, from the new mm */
};

struct sg_procinfo {
	__u32 vpid;    /* pid in the task's own pid namespace */
	__u32 vtid;
	__u32 sid;     /* session id (host namespace) */
	__u32 pgid;
	__u32 tty;     /* dev_t of the controlling tty, 0 if none */
	__u32 loginuid;
	__u64 cap_effective;
	__u32 pidns_level; /* > 0 inside a pid namespace */
	__u32 vpgid;   /* process group id in the task's own pid namespace */
	__u64 cap_permitted;
	__u64 cap_inheritable;
	__u64 start_ns;       /* the process's start (group leader), CLOCK_BOOTTIME ns */
	__u64 pidns_start_ns; /* start of its pid namespace's init, CLOCK_BOOTTIME ns */
	/* The executable (mm->exe_file); all 0 for kernel threads. */
	__u64 exe_ino;
	__u64 exe_ctime_ns;   /* inode change time, ns since the epoch */
	__u64 exe_mtime_ns;   /* inode modification time, ns since the epoch */
	__u64 fdlimit;        /* RLIMIT_NOFILE soft limit */
	__u64 maj_flt, min_flt; /* page faults of the task so far */
	__u32 vm_size_kb, vm_rss_kb, vm_swap_kb;
	__u32 exe_flags;      /* SG_EXE_* */
};

/* sg_procinfo.exe_flags: Falco's execve "flags" (PPM_EXE_*), same bits. */
#define SG_EXE_WRITABLE 0x1    /* writable by the task's fsuid / fsgid */
#define SG_EXE_UPPER_LAYER 0x2 /* in the upper (container-written) layer of an overlayfs */
#define SG_EXE_FROM_MEMFD 0x4  /* a memfd_create() file: exists in memory only */
#define SG_EXE_LOWER_LAYER 0x8 /* in a lower (image) layer of an overlayfs */

/* Socket tuple, read in the kernel from the socket behind an fd.
 * AF_UNIX: saddr/daddr hold the socket pointers (8 bytes each) and the
 * bound path follows the struct in the same payload. */
struct sg_tuple {
	__u8 family;  /* AF_INET, AF_INET6, AF_UNIX, or 0 if not a socket */
	__u8 l4proto; /* IPPROTO_TCP, IPPROTO_UDP, ... (sk_protocol) */
	__u8 type;    /* SOCK_STREAM, SOCK_DGRAM, ... */
	__u8 state;   /* sk_state (TCP_LISTEN = 10) */
	__u16 lport;  /* local port, host byte order */
	__u16 rport;  /* remote port, host byte order */
	__u8 laddr[16]; /* IPv4 in the first 4 bytes */
	__u8 raddr[16];
};

/*
 * Pushdown conditions as the probe sees them (rodata `push`), copied by
 * userspace from struct sg_pushdown (event/pushdown.h).  All lists that are
 * non-empty must hold; a list holds when any of its values matches.  Applied
 * only to syscalls whose sel[] is SG_SEL_FILTER alone: state syscalls are
 * sent for every process.
 */
struct sg_push {
	__u32 npid, pid[SG_PUSH_MAX];   /* tgid */
	__u32 ntid, tid[SG_PUSH_MAX];
	__u32 nuid, uid[SG_PUSH_MAX];   /* effective uid */
	__u32 ncomm;
	__u32 ncgroup;
	char comm[SG_PUSH_MAX][SG_COMM_LEN]; /* NUL padded to SG_COMM_LEN */
	__u64 cgroup[SG_PUSH_MAX];
};

/* Bytes past SG_SCRATCH_SIZE in each scratch area: the verifier proves
 * every copy as (offset masked to the scratch size) + (length masked to
 * SG_SCRATCH_SLACK - 1), so the area carries that much slack.  The probe's
 * own logic never emits bytes past SG_SCRATCH_SIZE. */
#define SG_SCRATCH_SLACK 32768

/*
 * Counting in the kernel (-c, -q, --count-by when the kernel decides the
 * whole filter and every field counted by is one it knows): the probe
 * sends no record at all and counts each selected call, by syscall number
 * in `kcount_nr` (a per-CPU array; index SG_KNR_PROCEXIT for procexit), or
 * by key in `kcount_by` (a per-CPU hash of struct sg_kkey) when the count
 * is by more than the event type.  rodata `kcount` is 0 (off), or the
 * SG_KF_* components of the key plus SG_KF_ON.
 */
#define SG_KNR_PROCEXIT SG_MAX_SYSCALLS
#define SG_KCOUNT_MAX 65536 /* distinct keys kcount_by holds */

#define SG_KF_ON 0x01     /* counting in the kernel */
#define SG_KF_TYPE 0x02   /* evt.type (syscall number) */
#define SG_KF_PID 0x04    /* proc.pid */
#define SG_KF_TID 0x08    /* thread.tid */
#define SG_KF_UID 0x10    /* user.uid */
#define SG_KF_COMM 0x20   /* proc.name */
#define SG_KF_CGROUP 0x40 /* the cgroup v2 id (container.id) */
#define SG_KF_BY (SG_KF_PID | SG_KF_TID | SG_KF_UID | SG_KF_COMM | SG_KF_CGROUP)

/* Components not counted by are zero. */
struct sg_kkey {
	__u32 nr;  /* syscall number or SG_KNR_PROCEXIT (0 without SG_KF_TYPE) */
	__u32 pid;
	__u32 tid;
	__u32 uid;
	__u64 cgroup;
	char comm[SG_COMM_LEN];
};

/* Keys of the `counters` per-CPU array map. */
enum sg_counter {
	SG_CNT_EMITTED = 0, /* records submitted */
	SG_CNT_LOST,        /* records dropped: ring buffer full */
	SG_CNT_SCRATCH,     /* records cut because the scratch area was too small */
	SG_CNT_COMPAT,      /* 32-bit calls the filter may select, not decoded */
	SG_CNT_LOST_MATCH,  /* of SG_CNT_LOST, records the filter may select (the
			     * call's sel has SG_SEL_FILTER and the pushdown holds) */
	SG_CNT_KFULL,       /* calls counted in the kernel under no key: kcount_by full */
	SG_CNT_MAX
};

#endif /* SYSGREP_ABI_H */
