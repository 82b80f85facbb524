// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * The sysgrep probe.  One tp_btf program at sys_exit sees every system call
 * once, with its arguments (from pt_regs) and its result, and sends one
 * record per call the filter can match.  Three sched tracepoints send the
 * process records (exec, fork, exit) that keep userspace state right.
 *
 * Hot path order: syscall number -> selection table -> our own process ->
 * pushdown conditions -> build the record.  A syscall nobody asked for
 * costs one table lookup.
 *
 * Verifier notes: every copy into a scratch area goes to
 * (offset & (SG_SCRATCH_SIZE - 1)) with a length masked by
 * (SG_SCRATCH_SLACK - 1), and the area is SG_SCRATCH_SIZE + SG_SCRATCH_SLACK
 * bytes, so the bound holds for any offset and length the verifier imagines.
 * The real offsets and lengths are clamped separately so nothing past
 * SG_SCRATCH_SIZE is ever emitted.  The capture code lives in global
 * functions (sg_capture, sg_gather_iov, sg_copy_iov), each verified once on
 * its own: inlined per payload and per iovec it would cost the verifier
 * hundreds of thousands of instructions instead of about ten thousand.
 */
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include <bpf/bpf_core_read.h>
#include <bpf/bpf_endian.h>

#include "event/abi.h"

char LICENSE[] SEC("license") = "Dual BSD/GPL";

#define SCR_MASK (SG_SCRATCH_SIZE - 1)
#define LEN_MASK (SG_SCRATCH_SLACK - 1)
#define PL_HDR ((__u32)sizeof(struct sg_payload))
/* Room kept at the end of the scratch for the headers of later payloads. */
#define SCR_LIMIT (SG_SCRATCH_SIZE - SG_MAX_CAPS * PL_HDR)

#define SG_IOV_MAX 32        /* iovecs walked per call */
#define SG_SOCKADDR_MAX 128  /* sizeof(struct sockaddr_storage) */
#define SG_UNIX_PATH_MAX 108 /* sizeof(sun_path) */
#define SG_PIDNS_MAX 32      /* MAX_PID_NS_LEVEL */

#define SG_AF_UNIX 1
#define SG_AF_INET 2
#define SG_AF_INET6 10
#define SG_S_IFMT 0170000
#define SG_S_IFSOCK 0140000
#define SG_SOCK_STREAM 1
#define SG_TS_COMPAT 0x0002 /* x86 thread_info.status: a 32-bit syscall */

/* Settings, written by userspace before load (frozen: the verifier sees
 * them as constants, so unused pushdown lists cost no instructions). */
const volatile __u32 self_tgid = 0;
const volatile __u32 snaplen = 80;
const volatile __u64 wake_bytes = 1 << 20;
const volatile __u8 sel[SG_MAX_SYSCALLS] = {};
const volatile struct sg_spec specs[SG_MAX_SYSCALLS] = {};
const volatile struct sg_push push = {};
const volatile __u32 kcount = 0; /* SG_KF_*: counting in the kernel */
/* SG_SEL_FILTER: the filter may select procexit (a lost exit record may
 * then be a lost match) */
const volatile __u8 sel_procexit = 0;

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 8 << 20);
} rb SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, SG_CNT_MAX);
	__type(key, __u32);
	__type(value, __u64);
} counters SEC(".maps");

/* Counting in the kernel (event/abi.h): by syscall number, or by key. */
struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, SG_MAX_SYSCALLS + 1);
	__type(key, __u32);
	__type(value, __u64);
} kcount_nr SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_HASH);
	__uint(max_entries, SG_KCOUNT_MAX);
	__type(key, struct sg_kkey);
	__type(value, __u64);
} kcount_by SEC(".maps");

/* One scratch area per CPU.  A per-CPU array cannot hold values above
 * 32 KiB, so this is a plain array with one entry per possible CPU
 * (max_entries set by userspace), indexed by the current CPU. */
struct sg_scratch {
	__u8 b[SG_SCRATCH_SIZE + SG_SCRATCH_SLACK];
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct sg_scratch);
} scratch SEC(".maps");

/* ---- small helpers ----------------------------------------------------- */

/* This CPU's counter (the lookup is inlined: a per-CPU array). */
static __always_inline __u64 *counter(__u32 key)
{
	return bpf_map_lookup_elem(&counters, &key);
}

static __always_inline void count(__u32 key)
{
	__u64 *v = counter(key);

	if (v)
		*v += 1;
}

static __always_inline void bump(__u64 *v)
{
	if (v)
		*v += 1;
}

/* min(v, max) the verifier cannot lose: the compare is on the very
 * register that is used afterwards. */
#define CLAMP(v, max)                                                        \
	({                                                                   \
		__u64 v_ = (v);                                              \
		asm volatile("if %[x] <= %[m] goto +1; %[x] = %[m]"          \
			     : [x] "+r"(v_)                                  \
			     : [m] "i"(max));                                \
		v_;                                                          \
	})

/* v & m that clang cannot drop as redundant: the verifier needs to see the
 * mask even where the C code already proved the bound. */
#define MASK(v, m)                                                           \
	({                                                                   \
		__u64 v_ = (v);                                              \
		asm volatile("%[x] &= %[k]" : [x] "+r"(v_) : [k] "i"(m));    \
		v_;                                                          \
	})

/*
 * The reader drains on its own timer (SG_READER_BATCH_MS), so a low-rate
 * stream needs no wakeup at all; a forced one only keeps a fast stream from
 * filling the ring between two ticks.  Asking how much is unread reads the
 * consumer position, a cache line the reader keeps writing from another CPU:
 * on every record that miss was a large part of the probe's cost.  So ask
 * once every WAKE_EVERY records of this CPU (emitted is its count), and for
 * every big record, and wake while more than wake_bytes is unread.
 */
#define WAKE_EVERY 256  /* power of 2 */
#define WAKE_BIG 1024   /* bytes */

static __always_inline __u64 wake_flag(const __u64 *emitted, __u64 len)
{
	if (len < WAKE_BIG && emitted && (*emitted & (WAKE_EVERY - 1)))
		return BPF_RB_NO_WAKEUP;
	if (bpf_ringbuf_query(&rb, BPF_RB_AVAIL_DATA) + len > wake_bytes)
		return BPF_RB_FORCE_WAKEUP;
	return BPF_RB_NO_WAKEUP;
}

static __always_inline __u8 *scratch_area(void)
{
	__u32 cpu = bpf_get_smp_processor_id();
	struct sg_scratch *s = bpf_map_lookup_elem(&scratch, &cpu);

	return s ? s->b : 0;
}

static __always_inline void *at(__u8 *buf, __u32 pos)
{
	return buf + MASK(pos, SCR_MASK);
}

static __always_inline void put_payload(__u8 *buf, __u32 off, __u32 len, __u8 kind, __u8 flags)
{
	struct sg_payload *pl = at(buf, off);

	pl->len = len;
	pl->kind = kind;
	pl->flags = flags;
}

static __always_inline bool comm_eq(const char *a, const volatile char *b)
{
	/* both NUL padded to 16 bytes: compare two words */
	return *(const __u64 *)a == *(const volatile __u64 *)b &&
	       *(const __u64 *)(a + 8) == *(const volatile __u64 *)(b + 8);
}

/* ---- task context -------------------------------------------------------- */

/*
 * Who made the call: every header field that describes the task.  Read once
 * per record, before the pushdown, which tests some of them.
 */
struct task_ids {
	__u64 cgroup;
	__u32 tid, pid, ppid, uid, gid, loginuid;
	__u64 comm[SG_COMM_LEN / 8];
};

#define HAVE_TASK_BTF bpf_core_enum_value_exists(enum bpf_func_id, BPF_FUNC_get_current_task_btf)

/* x with every byte from its first NUL on cleared (little endian: the first
 * byte is the lowest).  The lowest bit of z marks the first zero byte. */
static __always_inline __u64 upto_nul(__u64 x, bool *ended)
{
	__u64 z = (x - 0x0101010101010101ull) & ~x & 0x8080808080808080ull;

	if (!z)
		return x;
	*ended = true;
	return x & (((z & -z) >> 7) - 1);
}

/* The comm of t, NUL padded to 16 bytes (the pushdown compares all of
 * them; older kernels leave old bytes after the NUL).  Two loads instead of
 * bpf_get_current_comm's string copy and pad. */
static __always_inline void comm_btf(struct task_struct *t, __u64 *w)
{
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	bool ended = false;

	w[0] = upto_nul(*(const __u64 *)&t->comm[0], &ended);
	w[1] = ended ? 0 : upto_nul(*(const __u64 *)&t->comm[8], &ended);
#else
	w[0] = w[1] = 0;
	bpf_probe_read_kernel_str(w, SG_COMM_LEN, t->comm);
#endif
}

/* 5.11+: direct BTF loads from the current task, one helper call in all
 * (what bpf_get_current_cgroup_id reads is the same chain of pointers). */
static __always_inline void ids_btf(struct task_struct *t, struct task_ids *o)
{
	const struct cred *c = t->cred;

	o->tid = t->pid;
	o->pid = t->tgid;
	o->ppid = t->real_parent->tgid;
	o->uid = c->euid.val;
	o->gid = c->egid.val;
	o->loginuid = (__u32)-1;
	if (bpf_core_field_exists(t->loginuid))
		o->loginuid = t->loginuid.val;
	o->cgroup = t->cgroups->dfl_cgrp->kn->id;
	comm_btf(t, o->comm);
}

/* Any task by probe reads, before 5.11 (bpf_get_current_task gives no BTF
 * pointer, and older verifiers refuse loads from task arrays); the cgroup
 * is the current task's. */
static __always_inline void ids_of(struct task_struct *t, struct task_ids *o)
{
	o->tid = BPF_CORE_READ(t, pid);
	o->pid = BPF_CORE_READ(t, tgid);
	o->ppid = BPF_CORE_READ(t, real_parent, tgid);
	o->uid = BPF_CORE_READ(t, cred, euid.val);
	o->gid = BPF_CORE_READ(t, cred, egid.val);
	o->loginuid = (__u32)-1;
	if (bpf_core_field_exists(t->loginuid))
		o->loginuid = BPF_CORE_READ(t, loginuid.val);
	o->cgroup = bpf_get_current_cgroup_id();
	o->comm[0] = o->comm[1] = 0;
	bpf_probe_read_kernel_str(o->comm, SG_COMM_LEN, t->comm);
}

/* The current task (NULL before 5.11: read it with ids_of). */
static __always_inline struct task_struct *current_btf(void)
{
	if (HAVE_TASK_BTF)
		return bpf_get_current_task_btf();
	return 0;
}

static __always_inline void current_ids(struct task_struct *t, struct task_ids *o)
{
	if (HAVE_TASK_BTF && t) {
		ids_btf(t, o);
		return;
	}
	ids_of((void *)bpf_get_current_task(), o);
}

/* Every field of the header but nr, res and args. */
static __always_inline void fill_header(struct sg_rec *r, __u16 kind, const struct task_ids *ids)
{
	r->ts = bpf_ktime_get_boot_ns();
	r->cgroup_id = ids->cgroup;
	r->tid = ids->tid;
	r->pid = ids->pid;
	r->ppid = ids->ppid;
	r->uid = ids->uid;
	r->gid = ids->gid;
	r->loginuid = ids->loginuid;
	r->kind = kind;
	r->cpu = bpf_get_smp_processor_id();
	r->npayloads = 0;
	r->flags = 0;
	r->len = sizeof(*r);
	__builtin_memcpy(r->comm, ids->comm, SG_COMM_LEN);
}

/* ---- syscall arguments ----------------------------------------------------- */

static __always_inline __u64 sc_nr(struct pt_regs *regs)
{
#if defined(__TARGET_ARCH_x86)
	return regs->orig_ax;
#elif defined(__TARGET_ARCH_arm64)
	return regs->syscallno;
#elif defined(__TARGET_ARCH_s390)
	/* the SVC's interruption code: its low half is the number */
	return regs->int_code & 0xffff;
#else
#error "sysgrep: the probe knows the syscall registers of x86, arm64 and s390 only"
#endif
}

/* Argument 0 alone (the fd of the send/recv family). */
static __always_inline __u64 sc_arg0(struct pt_regs *regs)
{
#if defined(__TARGET_ARCH_x86)
	return regs->di;
#elif defined(__TARGET_ARCH_arm64)
	return regs->orig_x0;
#elif defined(__TARGET_ARCH_s390)
	return regs->orig_gpr2;
#endif
}

static __always_inline void sc_args(struct pt_regs *regs, __u64 *a)
{
#if defined(__TARGET_ARCH_x86)
	a[0] = regs->di;
	a[1] = regs->si;
	a[2] = regs->dx;
	a[3] = regs->r10;
	a[4] = regs->r8;
	a[5] = regs->r9;
#elif defined(__TARGET_ARCH_arm64)
	a[0] = regs->orig_x0;
	a[1] = regs->regs[1];
	a[2] = regs->regs[2];
	a[3] = regs->regs[3];
	a[4] = regs->regs[4];
	a[5] = regs->regs[5];
#elif defined(__TARGET_ARCH_s390)
	/* r2 is overwritten by the result: the kernel keeps the first
	 * argument in orig_gpr2; the others are r3-r7 */
	a[0] = regs->orig_gpr2;
	a[1] = regs->gprs[3];
	a[2] = regs->gprs[4];
	a[3] = regs->gprs[5];
	a[4] = regs->gprs[6];
	a[5] = regs->gprs[7];
#endif
}

/* 32-bit syscalls on a 64-bit kernel use another numbering: never decode
 * them with the native table. */
static __always_inline bool compat_syscall(struct task_struct *t)
{
#if defined(__TARGET_ARCH_x86)
	if (!bpf_core_field_exists(t->thread_info.status))
		return false;
	if (HAVE_TASK_BTF && t)
		return t->thread_info.status & SG_TS_COMPAT;
	/* before 5.11 (no task BTF pointer): the same field by a probe read,
	 * else int 0x80 calls would be decoded with the 64-bit table */
	t = (void *)bpf_get_current_task();
	return BPF_CORE_READ(t, thread_info.status) & SG_TS_COMPAT;
#else
	return false;
#endif
}

/* ---- pushdown ------------------------------------------------------------- */

static __always_inline bool in_list32(__u32 v, __u32 n, const volatile __u32 *list)
{
#pragma unroll
	for (int i = 0; i < SG_PUSH_MAX; i++) {
		if (i >= n)
			break;
		if (list[i] == v)
			return true;
	}
	return false;
}

static __always_inline bool push_comm(const __u64 *comm)
{
#pragma unroll
	for (int i = 0; i < SG_PUSH_MAX; i++) {
		if (i >= push.ncomm)
			break;
		if (comm_eq((const char *)comm, push.comm[i]))
			return true;
	}
	return false;
}

static __always_inline bool push_cgroup(__u64 id)
{
#pragma unroll
	for (int i = 0; i < SG_PUSH_MAX; i++) {
		if (i >= push.ncgroup)
			break;
		if (push.cgroup[i] == id)
			return true;
	}
	return false;
}

/* Every non-empty list must hold.  The counts are rodata constants, so the
 * verifier removes the checks of empty lists.  The uid is the effective
 * one, as in the record (bpf_get_current_uid_gid() gives the real one,
 * which would drop setuid programs' events). */
static __always_inline bool push_pass(const struct task_ids *ids)
{
	if (push.npid && !in_list32(ids->pid, push.npid, push.pid))
		return false;
	if (push.ntid && !in_list32(ids->tid, push.ntid, push.tid))
		return false;
	if (push.nuid && !in_list32(ids->uid, push.nuid, push.uid))
		return false;
	if (push.ncgroup && !push_cgroup(ids->cgroup))
		return false;
	if (push.ncomm && !push_comm(ids->comm))
		return false;
	return true;
}

/* ---- counting in the kernel ------------------------------------------------ */

/* One selected call (or procexit) counted: nothing is sent.  A key the
 * full table cannot take is counted as such, never dropped unseen. */
static __always_inline void kcount_one(__u32 nr, const struct task_ids *ids)
{
	if (!(kcount & SG_KF_BY)) {
		__u32 k = kcount & SG_KF_TYPE ? nr : 0;
		__u64 *v = bpf_map_lookup_elem(&kcount_nr, &k);

		bump(v);
		return;
	}
	struct sg_kkey key = {};
	__u64 one = 1, *v;

	if (kcount & SG_KF_TYPE)
		key.nr = nr;
	if (kcount & SG_KF_PID)
		key.pid = ids->pid;
	if (kcount & SG_KF_TID)
		key.tid = ids->tid;
	if (kcount & SG_KF_UID)
		key.uid = ids->uid;
	if (kcount & SG_KF_CGROUP)
		key.cgroup = ids->cgroup;
	if (kcount & SG_KF_COMM)
		__builtin_memcpy(key.comm, ids->comm, SG_COMM_LEN);
	v = bpf_map_lookup_elem(&kcount_by, &key);
	if (v) {
		*v += 1; /* this CPU's own value */
		return;
	}
	/* another CPU may have made it meanwhile: then add to it */
	if (bpf_map_update_elem(&kcount_by, &key, &one, BPF_NOEXIST) == 0)
		return;
	v = bpf_map_lookup_elem(&kcount_by, &key);
	if (v)
		*v += 1;
	else
		count(SG_CNT_KFULL);
}

/* ---- captures -------------------------------------------------------------- */

/* Each cap_* writes the data of one payload at pos (just after its header),
 * at most avail bytes, and returns the bytes written; flags gets
 * SG_PLF_TRUNC / SG_PLF_FAULT. */

static __always_inline __u32 cap_user_bytes(__u8 *buf, __u32 pos, const void *p, __u64 len,
					    __u32 avail, __u8 *flags)
{
	__u32 n = CLAMP(len, SG_SNAPLEN_MAX);

	if (n > avail)
		n = avail;
	if (bpf_probe_read_user(at(buf, pos), MASK(n, LEN_MASK), p)) {
		*flags |= SG_PLF_FAULT;
		return 0;
	}
	return n;
}

static __always_inline __u32 cap_str(__u8 *buf, __u32 pos, const void *p, bool user,
				     __u32 avail, __u8 *flags)
{
	/* SG_STR_MAX + 2 bytes: room for one byte more than the bound, so a
	 * string of exactly SG_STR_MAX bytes is not reported as cut */
	long n;

	if (user)
		n = bpf_probe_read_user_str(at(buf, pos), SG_STR_MAX + 2, p);
	else
		n = bpf_probe_read_kernel_str(at(buf, pos), SG_STR_MAX + 2, p);
	if (n <= 0) {
		*flags |= SG_PLF_FAULT;
		return 0;
	}
	n -= 1; /* the NUL is not part of the value */
	if (n > SG_STR_MAX) {
		*flags |= SG_PLF_TRUNC;
		n = SG_STR_MAX;
	}
	if (n > avail) {
		*flags |= SG_PLF_TRUNC;
		n = avail;
	}
	return n;
}

/* A data buffer bounded by the snaplen. */
static __always_inline __u32 cap_buf(__u8 *buf, __u32 pos, const void *p, __s64 len,
				     __u32 avail, __u8 *flags)
{
	if (len <= 0)
		return 0;
	if ((__u64)len > snaplen) {
		*flags |= SG_PLF_TRUNC;
		len = snaplen;
	}
	return cap_user_bytes(buf, pos, p, len, avail, flags);
}

static __always_inline __u32 cap_sockaddr(__u8 *buf, __u32 pos, const void *p, __s64 len,
					  __u32 avail, __u8 *flags)
{
	if (len <= 0)
		return 0;
	if (len > SG_SOCKADDR_MAX) {
		*flags |= SG_PLF_TRUNC;
		len = SG_SOCKADDR_MAX;
	}
	return cap_user_bytes(buf, pos, p, len, avail, flags);
}

/*
 * Copy the data of one iovec (at most left bytes) to pos in the scratch.
 * Returns the bytes copied; SG_PLF_FAULT in bits 32..39 when unreadable,
 * and bit 40 when the iovec held more than was copied.  A global function
 * so the verifier checks it once, not once per loop iteration.
 */
#define IOV_MORE (1ull << 40)

__noinline __u64 sg_copy_iov(__u32 pos, __u64 iovp, __u64 left)
{
	__u8 *buf = scratch_area();
	struct iovec v;
	__u64 n;

	if (!buf)
		return 0;
	if (bpf_probe_read_user(&v, sizeof(v), (const void *)iovp))
		return (__u64)SG_PLF_FAULT << 32;
	n = v.iov_len < left ? v.iov_len : left;
	n = CLAMP(n, SG_SNAPLEN_MAX);
	if (bpf_probe_read_user(at(buf, pos), MASK(n, LEN_MASK), v.iov_base))
		return (__u64)SG_PLF_FAULT << 32;
	return n | (v.iov_len > n ? IOV_MORE : 0);
}

/*
 * Gather the bytes of an iovec array into the scratch at pos, at most the
 * snaplen.  Returns the bytes written, with the SG_PLF_* flags in bits
 * 32..39.
 */
__noinline __u64 sg_gather_iov(__u32 pos, __u64 iovp, __u64 cnt, __u64 total, __u32 avail)
{
	const struct iovec *iov = (const void *)iovp;
	__u32 want = total > snaplen ? snaplen : total;
	__u32 got = 0;
	__u64 flags = 0;

	if (total > snaplen && total != (__u64)-1)
		flags |= SG_PLF_TRUNC;
	if (want > avail)
		want = avail;
	for (int i = 0; i < SG_IOV_MAX && i < cnt && got < want; i++) {
		__u64 r = sg_copy_iov(pos + got, (__u64)&iov[i], want - got);

		/* bytes already gathered are a true prefix of the data: a cut
		 * value (msghdr gathers too); only nothing at all is a fault */
		if (r >> 32 & SG_PLF_FAULT) {
			flags |= got ? SG_PLF_TRUNC : SG_PLF_FAULT;
			break;
		}
		got += (__u32)r;
		/* a write's total is not known up front: cut when data is left */
		if (total == (__u64)-1 && got >= want && ((r & IOV_MORE) || i + 1 < cnt))
			flags |= SG_PLF_TRUNC;
	}
	return got | flags << 32;
}

static __always_inline __u32 cap_iov(__u8 *buf, __u32 pos, const struct iovec *iov, __u64 cnt,
				     __u64 total, __u32 avail, __u8 *flags)
{
	__u64 v = sg_gather_iov(pos, (__u64)iov, cnt, total, avail);

	*flags |= v >> 32;
	return (__u32)v;
}

/* The struct file behind fd in the current task, or NULL. */
static __always_inline struct file *fd_file(int fd)
{
	struct task_struct *t = (void *)bpf_get_current_task();
	struct fdtable *fdt = BPF_CORE_READ(t, files, fdt);
	struct file **fds;
	struct file *f = 0;

	if (!fdt || fd < 0 || (unsigned)fd >= BPF_CORE_READ(fdt, max_fds))
		return 0;
	fds = BPF_CORE_READ(fdt, fd);
	bpf_core_read(&f, sizeof(f), &fds[fd]);
	return f;
}

/* ---- kernel paths ---------------------------------------------------------- */

/*
 * The path of a (dentry, vfsmount) pair as the task sees it, rebuilt the way
 * the kernel's d_path does: the names of the dentries from the file up to the
 * root of its mount, then across to the mount point in the parent mount, and
 * so on up to the task's root directory (fs->root: a chroot stops there).
 * bpf_d_path is not allowed on tp_btf programs, hence the walk by hand.
 *
 * The text is built backwards (the leaf's name first) in a work area in the
 * scratch's slack, past everything a record holds, then copied forward to
 * pos.  Bounded: SG_PATH_DEPTH steps (names and mount crossings) and
 * SG_STR_MAX bytes; a longer path is not sent cut (a suffix names another
 * file): it is flagged SG_PLF_TRUNC with no text.  The walk reads dentries
 * without the locks d_path takes: a rename racing the walk can give a mix of
 * the old and new names, as Falco's walk can.
 *
 * Each step is a global function keeping the walk's state in the slack too:
 * verified once, so the loop of steps costs the verifier a call and a test
 * per iteration (the whole walk inlined did not verify within 1M
 * instructions: its branches multiply per level).  Global functions take
 * scalars only, so kernel pointers travel as u64 and are read by probe reads.
 *
 * Any program can call sg_path_walk: sg_file_path() for a struct file, or
 * directly for a struct path (an exe_file's, a cwd's).  It returns the bytes
 * written at pos (at most avail), with SG_PLF_* flags in bits 32..39.
 */
#define SG_PATH_DEPTH 128           /* dentries + mount crossings walked */
#define SG_NAME_MAX 255             /* NAME_MAX */
#define PW_BASE SG_SCRATCH_SIZE     /* the work area: in the slack */
#define PW_SIZE 8192                /* power of 2, > SG_STR_MAX + SG_NAME_MAX + 1 */
#define PW_MASK (PW_SIZE - 1)
#define PW_FLOOR (PW_SIZE - SG_STR_MAX) /* the text may start no lower */
#define PW_STATE (PW_BASE + PW_SIZE + SG_NAME_MAX + 1) /* past any masked write */

struct sg_pathwalk {
	__u64 d, m, mnt;       /* the dentry, its vfsmount and struct mount */
	__u64 root_d, root_m;  /* the task's root */
	__u64 moff;            /* offsetof(struct mount, mnt) */
	__u32 w;               /* the text starts at work[w], ends at work[PW_SIZE] */
	__u32 flags;           /* SG_PLF_* */
};

_Static_assert(PW_STATE + sizeof(struct sg_pathwalk) <= SG_SCRATCH_SIZE + SG_SCRATCH_SLACK,
	       "the path walk's work area and state fit the slack");
_Static_assert(SG_STR_MAX <= LEN_MASK, "a path's copy length fits the copy mask");

/* One step up: 1 when the walk is over (the root reached, or an error in
 * flags), 0 to go on. */
__noinline int sg_path_step(void)
{
	__u8 *buf = scratch_area();
	struct sg_pathwalk *s;
	struct dentry *d, *parent, *mnt_root;
	struct mount *mnt, *up;
	struct vfsmount *vm;
	const unsigned char *name;
	__u32 w, len;

	if (!buf)
		return 1;
	s = (void *)(buf + PW_STATE);
	if (s->d == s->root_d && s->m == s->root_m)
		return 1;
	/* plain loads first: inside BPF_CORE_READ, s-> would be relocated */
	d = (void *)s->d;
	mnt = (void *)s->mnt;
	vm = (void *)s->m;
	mnt_root = BPF_CORE_READ(vm, mnt_root);
	parent = BPF_CORE_READ(d, d_parent);
	if (d == mnt_root || d == parent) {
		up = BPF_CORE_READ(mnt, mnt_parent);
		/* the top of a mount tree that is not the task's root: a
		 * namespace's root mount, above a chroot (d_path gives the path
		 * from there, as this does); or a tree mounted nowhere: a lazy
		 * unmount leaves mnt_ns NULL, internal mounts (pipefs...) hold
		 * an error pointer there; a dentry that is its own parent but
		 * not a mount's root is a disconnected one.  Those are said. */
		if (d != mnt_root || up == mnt || !up) {
			__u64 ns = (__u64)BPF_CORE_READ(mnt, mnt_ns);

			if (d != mnt_root || !up || !ns || ns >= (__u64)-4095)
				s->flags |= SG_PLF_DETACHED;
			return 1;
		}
		s->d = (__u64)BPF_CORE_READ(mnt, mnt_mountpoint);
		s->mnt = (__u64)up;
		s->m = (__u64)up + s->moff;
		return 0;
	}
	len = BPF_CORE_READ(d, d_name.len);
	name = BPF_CORE_READ(d, d_name.name);
	w = s->w;
	if (w > PW_SIZE || len > SG_NAME_MAX || len + 1 > w - PW_FLOOR) {
		s->flags |= SG_PLF_TRUNC;
		return 1;
	}
	w -= len;
	if (bpf_probe_read_kernel(buf + PW_BASE + MASK(w, PW_MASK), MASK(len, SG_NAME_MAX), name)) {
		s->flags |= SG_PLF_FAULT;
		return 1;
	}
	w -= 1;
	buf[PW_BASE + MASK(w, PW_MASK)] = '/';
	s->w = w;
	s->d = (__u64)parent;
	return 0;
}

/* The walk's text to pos: bytes | flags << 32, as sg_path_walk. */
__noinline __u64 sg_path_done(__u32 pos, __u32 avail)
{
	__u8 *buf = scratch_area();
	struct sg_pathwalk *s;
	__u32 w, n;

	if (!buf)
		return (__u64)SG_PLF_FAULT << 32;
	s = (void *)(buf + PW_STATE);
	if (s->flags & (SG_PLF_TRUNC | SG_PLF_FAULT))
		return (__u64)(s->flags & (SG_PLF_TRUNC | SG_PLF_FAULT)) << 32;
	w = s->w;
	if (w > PW_SIZE || w < PW_FLOOR)
		return (__u64)SG_PLF_FAULT << 32;
	if (w == PW_SIZE) {
		/* the root itself */
		w -= 1;
		buf[PW_BASE + MASK(w, PW_MASK)] = '/';
	}
	n = PW_SIZE - w;
	if (n > avail)
		return (__u64)SG_PLF_TRUNC << 32;
	if (bpf_probe_read_kernel(at(buf, pos), MASK(n, LEN_MASK), buf + PW_BASE + MASK(w, PW_MASK)))
		return (__u64)SG_PLF_FAULT << 32;
	return n | (__u64)(s->flags & SG_PLF_DETACHED) << 32;
}

__noinline __u64 sg_path_walk(__u32 pos, __u64 dentry, __u64 vfsmnt, __u32 avail)
{
	__u8 *buf = scratch_area();
	struct task_struct *task = (void *)bpf_get_current_task();
	struct sg_pathwalk *s;
	int i;

	if (!buf || !dentry || !vfsmnt)
		return (__u64)SG_PLF_FAULT << 32;
	s = (void *)(buf + PW_STATE);
	s->d = dentry;
	s->m = vfsmnt;
	s->moff = bpf_core_field_offset(struct mount, mnt);
	s->mnt = vfsmnt - s->moff;
	s->root_d = (__u64)BPF_CORE_READ(task, fs, root.dentry);
	s->root_m = (__u64)BPF_CORE_READ(task, fs, root.mnt);
	s->w = PW_SIZE;
	s->flags = 0;
	for (i = 0; i < SG_PATH_DEPTH; i++)
		if (sg_path_step())
			break;
	/* out of steps before the root: cut */
	if (i == SG_PATH_DEPTH)
		s->flags |= SG_PLF_TRUNC;
	return sg_path_done(pos, avail);
}

/* The path of an open file, as sg_path_walk gives it. */
static __always_inline __u64 sg_file_path(__u32 pos, struct file *f, __u32 avail)
{
	if (!f)
		return (__u64)SG_PLF_FAULT << 32;
	return sg_path_walk(pos, (__u64)BPF_CORE_READ(f, f_path.dentry),
			    (__u64)BPF_CORE_READ(f, f_path.mnt), avail);
}

static __always_inline __u32 cap_res_path(__u8 *buf, __u32 pos, long ret, __u32 avail,
					  __u8 *flags)
{
	__u64 v;

	if (ret < 0) {
		*flags |= SG_PLF_SKIP;
		return 0;
	}
	v = sg_file_path(pos, fd_file((int)ret), avail);
	*flags |= v >> 32;
	return (__u32)v;
}

static __always_inline void inet_tuple(struct sock *sk, struct sg_tuple *tp)
{
	tp->lport = BPF_CORE_READ(sk, __sk_common.skc_num);
	tp->rport = bpf_ntohs(BPF_CORE_READ(sk, __sk_common.skc_dport));
	if (tp->family == SG_AF_INET) {
		bpf_core_read(tp->laddr, 4, &sk->__sk_common.skc_rcv_saddr);
		bpf_core_read(tp->raddr, 4, &sk->__sk_common.skc_daddr);
		return;
	}
	if (bpf_core_field_exists(sk->__sk_common.skc_v6_daddr)) {
		bpf_core_read(tp->laddr, 16, &sk->__sk_common.skc_v6_rcv_saddr);
		bpf_core_read(tp->raddr, 16, &sk->__sk_common.skc_v6_daddr);
	}
}

/* AF_UNIX: the socket pointers, and the bound path (ours, else the
 * peer's) written right after the tuple.  Returns the path bytes. */
static __always_inline __u32 unix_tuple(struct sock *sk, struct sg_tuple *tp, __u8 *buf,
					__u32 pos, __u32 avail)
{
	struct unix_sock *u = (void *)sk;
	struct sock *peer = BPF_CORE_READ(u, peer);
	struct unix_address *ua = BPF_CORE_READ(u, addr);
	__u64 a = (__u64)sk, b = (__u64)peer;
	int len;

	__builtin_memcpy(tp->laddr, &a, 8);
	__builtin_memcpy(tp->raddr, &b, 8);
	if (!ua && peer)
		ua = BPF_CORE_READ((struct unix_sock *)peer, addr);
	if (!ua)
		return 0;
	len = BPF_CORE_READ(ua, len) - 2; /* minus sun_family */
	if (len <= 0)
		return 0;
	if (len > SG_UNIX_PATH_MAX)
		len = SG_UNIX_PATH_MAX;
	if (len > avail)
		return 0;
	len = CLAMP(len, SG_UNIX_PATH_MAX);
	if (bpf_probe_read_kernel(at(buf, pos), len, ua->name[0].sun_path))
		return 0;
	return len;
}

/* A connected stream's send/recv tells state nothing new: only datagram
 * sockets (and fds that are not sockets at all: no) are worth a record. */
static __always_inline bool stream_socket(__s64 fdv)
{
	struct file *f = fd_file((int)fdv);
	struct socket *sock;
	struct sock *sk;

	if (!f || (BPF_CORE_READ(f, f_inode, i_mode) & SG_S_IFMT) != SG_S_IFSOCK)
		return true;
	sock = BPF_CORE_READ(f, private_data);
	sk = BPF_CORE_READ(sock, sk);
	return !sk || BPF_CORE_READ(sk, sk_type) == SG_SOCK_STREAM;
}

static __always_inline __u32 cap_tuple(__u8 *buf, __u32 pos, __s64 fdv, __u32 avail, __u8 *flags)
{
	struct sg_tuple tp = {};
	struct file *f;
	struct socket *sock;
	struct sock *sk;
	__u32 extra = 0;

	if (avail < sizeof(tp)) {
		*flags |= SG_PLF_TRUNC;
		return 0;
	}
	f = fd_file((int)fdv);
	if (!f) {
		*flags |= SG_PLF_FAULT;
		return 0;
	}
	if ((BPF_CORE_READ(f, f_inode, i_mode) & SG_S_IFMT) != SG_S_IFSOCK)
		goto out; /* family 0: not a socket */
	sock = BPF_CORE_READ(f, private_data);
	sk = BPF_CORE_READ(sock, sk);
	if (!sk)
		goto out;
	tp.family = BPF_CORE_READ(sk, __sk_common.skc_family);
	tp.state = BPF_CORE_READ(sk, __sk_common.skc_state);
	tp.type = BPF_CORE_READ(sk, sk_type);
	tp.l4proto = BPF_CORE_READ(sk, sk_protocol);
	if (tp.family == SG_AF_INET || tp.family == SG_AF_INET6)
		inet_tuple(sk, &tp);
	else if (tp.family == SG_AF_UNIX)
		extra = unix_tuple(sk, &tp, buf, pos + sizeof(tp), avail - sizeof(tp));
out:
	__builtin_memcpy(at(buf, pos), &tp, sizeof(tp));
	return sizeof(tp) + extra;
}

static __always_inline __u32 cap_msghdr(__u8 *buf, __u32 pos, const void *p, bool addr, long ret,
					__u32 avail, __u8 *flags)
{
	struct user_msghdr m;

	if (bpf_probe_read_user(&m, sizeof(m), p)) {
		*flags |= SG_PLF_FAULT;
		return 0;
	}
	if (addr) {
		if (!m.msg_name) {
			*flags |= SG_PLF_SKIP;
			return 0;
		}
		return cap_sockaddr(buf, pos, m.msg_name, m.msg_namelen, avail, flags);
	}
	return cap_iov(buf, pos, m.msg_iov, m.msg_iovlen, ret > 0 ? ret : 0, avail, flags);
}

static __always_inline bool cap_wanted(__u8 cflags, long ret)
{
	if ((cflags & SG_CAPF_ON_FAIL) && ret >= 0)
		return false;
	if ((cflags & SG_CAPF_ON_SUCCESS) && ret < 0)
		return false;
	return true;
}

/* The data of one payload; dispatch on the capture kind. */
static __always_inline __u32 cap_data(__u8 *buf, __u32 pos, __u8 kind, const __u64 *a,
				      __u8 arg, __u8 aux, long ret, __u32 avail, __u8 *flags)
{
	const void *p = (const void *)a[arg];

	switch (kind) {
	case SG_CAP_FD_TUPLE:
		return cap_tuple(buf, pos, (int)a[arg], avail, flags);
	case SG_CAP_RES_TUPLE:
		return ret < 0 ? 0 : cap_tuple(buf, pos, ret, avail, flags);
	case SG_CAP_RES_PATH:
		return cap_res_path(buf, pos, ret, avail, flags);
	}
	if (!p) {
		*flags |= SG_PLF_SKIP; /* NULL pointer: nothing to read */
		return 0;
	}
	switch (kind) {
	case SG_CAP_STR:
		return cap_str(buf, pos, p, true, avail, flags);
	case SG_CAP_BUF_RES:
		return cap_buf(buf, pos, p, ret, avail, flags);
	case SG_CAP_BUF_ARG:
		return cap_buf(buf, pos, p, a[aux], avail, flags);
	case SG_CAP_SOCKADDR:
		return cap_sockaddr(buf, pos, p, (int)a[aux], avail, flags);
	case SG_CAP_SOCKADDR_PLEN: {
		int len = 0;

		if (bpf_probe_read_user(&len, sizeof(len), (void *)a[aux])) {
			*flags |= SG_PLF_FAULT;
			return 0;
		}
		return cap_sockaddr(buf, pos, p, len, avail, flags);
	}
	case SG_CAP_IOVEC_RES:
		return cap_iov(buf, pos, p, a[aux], ret > 0 ? ret : 0, avail, flags);
	case SG_CAP_IOVEC_ARG:
		return cap_iov(buf, pos, p, a[aux], (__u64)-1, avail, flags);
	case SG_CAP_STRUCT:
		return cap_user_bytes(buf, pos, p, (__u32)aux * 8, avail, flags);
	case SG_CAP_INT2:
		return cap_user_bytes(buf, pos, p, 2 * sizeof(int), avail, flags);
	case SG_CAP_MSGHDR_ADDR:
		return cap_msghdr(buf, pos, p, true, ret, avail, flags);
	case SG_CAP_MSGHDR_BUF:
		return cap_msghdr(buf, pos, p, false, ret, avail, flags);
	}
	*flags |= SG_PLF_SKIP;
	return 0;
}

/*
 * One payload (header + data) at off in this CPU's scratch; returns the
 * offset after it.  A global function, verified once on its own instead of
 * once per payload of the caller.  cw packs the sg_cap (kind, arg, aux,
 * flags) into one scalar, as global functions take scalars only.
 */
__noinline __u32 sg_capture(__u32 off, __u32 cw, long ret)
{
	__u8 *buf = scratch_area();
	struct sg_rec *r = (void *)buf;
	__u8 kind = cw, arg = cw >> 8, aux = cw >> 16, cflags = cw >> 24;
	__u8 flags = 0;
	__u32 avail, n = 0;

	if (!buf || off > SCR_LIMIT - PL_HDR)
		return off;
	avail = SCR_LIMIT - PL_HDR - off;
	if (arg >= SG_NARGS)
		flags |= SG_PLF_SKIP;
	else if (!cap_wanted(cflags, ret))
		flags |= SG_PLF_SKIP;
	else
		n = cap_data(buf, off + PL_HDR, kind, r->args, arg, aux, ret, avail, &flags);
	if (n > avail)
		n = avail;
	/* near the end of the scratch a payload that fills all the room left
	 * was (almost surely) cut by it */
	if (n == avail && avail < SG_SNAPLEN_MAX) {
		flags |= SG_PLF_TRUNC;
		count(SG_CNT_SCRATCH);
	}
	put_payload(buf, off, n, kind, flags);
	return off + PL_HDR + n;
}

/* ---- sys_exit -------------------------------------------------------------- */

/*
 * A record the ring had no room for: counted, never silent.  One the filter
 * may select (its call is one the filter can match, and the pushed-down
 * conditions hold) is counted apart too: that many matches may be missing
 * from the output, where a lost state record only risks a stale name.
 * Worked out only when a record is lost, off the hot path.
 */
static __always_inline void count_lost(bool may_match)
{
	count(SG_CNT_LOST);
	if (may_match)
		count(SG_CNT_LOST_MATCH);
}

static __always_inline bool may_match(__u8 s, const struct task_ids *ids)
{
	return (s & SG_SEL_FILTER) && push_pass(ids);
}

static __always_inline int emit_fixed(struct pt_regs *regs, __u16 nr, long ret,
				      const struct task_ids *ids, __u8 s)
{
	__u64 *emitted = counter(SG_CNT_EMITTED);
	__u64 wake = wake_flag(emitted, sizeof(struct sg_rec));
	struct sg_rec *r = bpf_ringbuf_reserve(&rb, sizeof(*r), 0);

	if (!r) {
		count_lost(may_match(s, ids));
		return 0;
	}
	fill_header(r, SG_REC_SYSCALL, ids);
	r->nr = nr;
	r->res = ret;
	sc_args(regs, r->args);
	bpf_ringbuf_submit(r, wake);
	bump(emitted);
	return 0;
}

/* Send a record built in the scratch area: 0, or -1 when the ring was
 * full (the caller counts the loss). */
static __always_inline int output_scratch(struct sg_rec *r, __u8 *buf, __u64 off)
{
	__u64 len = CLAMP(off, SG_SCRATCH_SIZE);
	__u64 *emitted;

	r->len = len;
	emitted = counter(SG_CNT_EMITTED);
	if (bpf_ringbuf_output(&rb, buf, len, wake_flag(emitted, len)))
		return -1;
	bump(emitted);
	return 0;
}

static __always_inline int emit_caps(struct pt_regs *regs, __u16 nr, long ret,
				     const struct task_ids *ids, __u8 s)
{
	__u8 *buf = scratch_area();
	struct sg_rec *r = (void *)buf;
	__u32 off = sizeof(*r);
	__u16 np = 0;

	if (!buf) {
		count_lost(may_match(s, ids));
		return 0;
	}
	fill_header(r, SG_REC_SYSCALL, ids);
	r->nr = nr;
	r->res = ret;
	sc_args(regs, r->args);
#pragma unroll
	for (int i = 0; i < SG_MAX_CAPS; i++) {
		const volatile struct sg_cap *c = &specs[nr].cap[i];
		__u32 cw = c->kind | c->arg << 8 | c->aux << 16 | (__u32)c->flags << 24;

		if (!c->kind)
			break;
		off = sg_capture(off, cw, ret);
		np++;
	}
	r->npayloads = np;
	if (output_scratch(r, buf, off))
		count_lost(may_match(s, ids));
	return 0;
}

/* Cheapest tests first: a syscall nobody asked for costs one table load. */
SEC("tp_btf/sys_exit")
int BPF_PROG(sg_sys_exit, struct pt_regs *regs, long ret)
{
	struct task_struct *t;
	struct task_ids ids;
	__u64 nr = sc_nr(regs);
	__u8 s;

	if (nr >= SG_MAX_SYSCALLS)
		return 0;
	s = sel[nr];
	if (!s)
		return 0;
	t = current_btf();
	if (t ? t->tgid == self_tgid : bpf_get_current_pid_tgid() >> 32 == self_tgid)
		return 0;
	if (compat_syscall(t)) {
		/* never silently: a 32-bit call the filter may select is
		 * counted and reported, so int 0x80 cannot hide a call */
		if (s & SG_SEL_COMPAT) {
			current_ids(t, &ids);
			if (push_pass(&ids))
				count(SG_CNT_COMPAT);
		}
		return 0;
	}
	s &= ~SG_SEL_COMPAT;
	if (!s)
		return 0;
	current_ids(t, &ids);
	/* the kernel decides the whole filter and only counts are wanted */
	if (kcount) {
		if ((s & SG_SEL_FILTER) && push_pass(&ids))
			kcount_one((__u32)nr, &ids);
		return 0;
	}
	/* a state call is sent for every process; one the filter wants only
	 * where the pushed-down conditions hold */
	if ((s & (SG_SEL_FILTER | SG_SEL_STATE)) == SG_SEL_FILTER && !push_pass(&ids))
		s &= SG_SEL_STATE_DGRAM;
	if (s == SG_SEL_STATE_DGRAM && (ret < 0 || stream_socket((__s64)sc_arg0(regs))))
		return 0;
	if (!s)
		return 0;
	if (!specs[nr].cap[0].kind)
		return emit_fixed(regs, nr, ret, &ids, s);
	return emit_caps(regs, nr, ret, &ids, s);
}

/* ---- process records ------------------------------------------------------- */

static __always_inline __u32 ns_nr(struct pid *pid)
{
	unsigned int level;
	int nr = 0;

	if (!pid)
		return 0;
	level = BPF_CORE_READ(pid, level);
	if (level > SG_PIDNS_MAX)
		level = SG_PIDNS_MAX;
	bpf_core_read(&nr, sizeof(nr), &pid->numbers[level].nr);
	return nr;
}

static __always_inline __u32 tty_dev(struct task_struct *t)
{
	struct tty_struct *tty = BPF_CORE_READ(t, signal, tty);
	__u32 major, minor;

	if (!tty)
		return 0;
	major = BPF_CORE_READ(tty, driver, major);
	minor = BPF_CORE_READ(tty, driver, minor_start) + BPF_CORE_READ(tty, index);
	/* userspace dev_t layout, as in /proc/PID/stat tty_nr */
	return (minor & 0xff) | (major << 8) | ((minor & ~0xffu) << 12);
}

/* ---- what procinfo knows of the executable ---------------------------- */

#define SG_OVERLAYFS_SUPER_MAGIC 0x794c7630
#define SG_SB_RDONLY 0x1
#define SG_S_IMMUTABLE 0x8
#define SG_S_IFREG 0100000
#define SG_S_IFDIR 0040000
#define SG_S_IFLNK 0120000
#define SG_MAY_WRITE 0x2
#define SG_CAP_DAC_OVERRIDE 1
#define SG_CAP_FOWNER 3
#define SG_GROUPS_MAX 32 /* supplementary groups looked at (binary search steps) */
#define SG_RLIMIT_NOFILE 7
#define SG_MM_FILEPAGES 0
#define SG_MM_ANONPAGES 1
#define SG_MM_SWAPENTS 2
#define SG_MM_SHMEMPAGES 3

/* Inode times moved twice: a timespec64 i_ctime before 6.6, __i_ctime in
 * 6.6, split seconds / nanoseconds fields from 6.11 (6.7 for mtime). */
struct inode___ts {
	struct timespec64 i_ctime;
	struct timespec64 i_mtime;
} __attribute__((preserve_access_index));

struct inode___v6_6 {
	struct timespec64 __i_ctime;
} __attribute__((preserve_access_index));

struct inode___v6_7 {
	struct timespec64 __i_mtime;
} __attribute__((preserve_access_index));

struct inode___v6_11 {
	time64_t i_ctime_sec;
	time64_t i_mtime_sec;
	__u32 i_ctime_nsec;
	__u32 i_mtime_nsec;
} __attribute__((preserve_access_index));

/* kernel_cap_t is a u64 since 6.3, two u32 before: the same 8 bytes. */
static __always_inline __u64 read_caps(const kernel_cap_t *c)
{
	__u64 v = 0;

	bpf_core_read(&v, sizeof(v), c);
	return v;
}

static __always_inline __u64 ts_ns(__s64 sec, __s64 nsec)
{
	return sec > 0 ? (__u64)sec * 1000000000ull + (__u64)nsec : 0;
}

static __always_inline void inode_times(struct inode *ino, struct sg_procinfo *pi)
{
	struct inode___ts *o = (void *)ino;
	struct inode___v6_6 *c66 = (void *)ino;
	struct inode___v6_7 *m67 = (void *)ino;
	struct inode___v6_11 *n = (void *)ino;
	struct timespec64 ts = {};

	if (bpf_core_field_exists(o->i_ctime)) {
		BPF_CORE_READ_INTO(&ts, o, i_ctime);
		pi->exe_ctime_ns = ts_ns(ts.tv_sec, ts.tv_nsec);
	} else if (bpf_core_field_exists(c66->__i_ctime)) {
		BPF_CORE_READ_INTO(&ts, c66, __i_ctime);
		pi->exe_ctime_ns = ts_ns(ts.tv_sec, ts.tv_nsec);
	} else if (bpf_core_field_exists(n->i_ctime_sec)) {
		/* bit 31 is I_CTIME_QUERIED since 6.13 (multigrain times) */
		pi->exe_ctime_ns = ts_ns(BPF_CORE_READ(n, i_ctime_sec),
					 BPF_CORE_READ(n, i_ctime_nsec) & ~(1u << 31));
	}
	if (bpf_core_field_exists(o->i_mtime)) {
		BPF_CORE_READ_INTO(&ts, o, i_mtime);
		pi->exe_mtime_ns = ts_ns(ts.tv_sec, ts.tv_nsec);
	} else if (bpf_core_field_exists(m67->__i_mtime)) {
		BPF_CORE_READ_INTO(&ts, m67, __i_mtime);
		pi->exe_mtime_ns = ts_ns(ts.tv_sec, ts.tv_nsec);
	} else if (bpf_core_field_exists(n->i_mtime_sec)) {
		pi->exe_mtime_ns = ts_ns(BPF_CORE_READ(n, i_mtime_sec), BPF_CORE_READ(n, i_mtime_nsec));
	}
}

/* overlayfs keeps the upper dentry right after the VFS inode inside its
 * own inode (struct ovl_inode, possibly a module's type): an upper one
 * that has an inode means the file was written in the container. */
static __always_inline __u32 overlay_layer(struct dentry *d)
{
	struct dentry *upper = 0;
	char *vfs;
	__u64 isz;

	if (BPF_CORE_READ(d, d_sb, s_magic) != SG_OVERLAYFS_SUPER_MAGIC)
		return 0;
	vfs = (char *)BPF_CORE_READ(d, d_inode);
	isz = bpf_core_type_size(struct inode);
	if (!vfs || !isz)
		return SG_EXE_LOWER_LAYER;
	bpf_probe_read_kernel(&upper, sizeof(upper), vfs + isz);
	if (upper && BPF_CORE_READ(upper, d_inode, i_ino))
		return SG_EXE_UPPER_LAYER;
	return SG_EXE_LOWER_LAYER;
}

/* memfd_create() files are pseudo files: a dentry that is its own parent,
 * named "memfd:NAME". */
static __always_inline bool memfd_dentry(struct dentry *d)
{
	char name[8] = {};

	if (BPF_CORE_READ(d, d_parent) != d)
		return false;
	if (bpf_probe_read_kernel_str(name, 7, BPF_CORE_READ(d, d_name.name)) != 7)
		return false;
	return name[0] == 'm' && name[1] == 'e' && name[2] == 'm' && name[3] == 'f' &&
	       name[4] == 'd' && name[5] == ':';
}

static __always_inline bool in_groups(const struct cred *c, __u32 gid)
{
	struct group_info *gi = BPF_CORE_READ(c, group_info);
	__u32 lo = 0, hi, mid, g;

	if (!gi)
		return false;
	hi = BPF_CORE_READ(gi, ngroups);
	/* the kernel keeps them sorted: a bounded binary search */
	for (int i = 0; i < SG_GROUPS_MAX && lo < hi; i++) {
		mid = (lo + hi) / 2;
		g = 0;
		bpf_core_read(&g, sizeof(g), &gi->gid[mid].val);
		if (gid > g)
			lo = mid + 1;
		else if (gid < g)
			hi = mid;
		else
			return true;
	}
	return false;
}

/* Could the task write its executable (libs' approximation of
 * inode_permission: read-only mounts, immutable files, owner, mode bits,
 * CAP_DAC_OVERRIDE / CAP_FOWNER; ACLs and id maps are not looked at). */
static __always_inline bool exe_writable(const struct cred *c, struct inode *ino, __u64 cap_eff)
{
	__u32 mode = BPF_CORE_READ(ino, i_mode);
	__u32 fmt = mode & SG_S_IFMT;
	__u32 uid = BPF_CORE_READ(ino, i_uid.val), gid = BPF_CORE_READ(ino, i_gid.val);
	__u32 fsuid = BPF_CORE_READ(c, fsuid.val), fsgid = BPF_CORE_READ(c, fsgid.val);

	if ((BPF_CORE_READ(ino, i_sb, s_flags) & SG_SB_RDONLY) &&
	    (fmt == SG_S_IFREG || fmt == SG_S_IFDIR || fmt == SG_S_IFLNK))
		return false;
	if (BPF_CORE_READ(ino, i_flags) & SG_S_IMMUTABLE)
		return false;
	if (uid == (__u32)-1 || gid == (__u32)-1)
		return false;
	if (fsuid == uid)
		return true; /* the owner can chmod it */
	if (gid == fsgid || in_groups(c, gid))
		mode >>= 3;
	if (mode & SG_MAY_WRITE)
		return true;
	return cap_eff & ((1ull << SG_CAP_DAC_OVERRIDE) | (1ull << SG_CAP_FOWNER));
}

static __always_inline void exe_info(struct task_struct *t, const struct cred *c,
				     struct sg_procinfo *pi)
{
	struct file *f = BPF_CORE_READ(t, mm, exe_file);
	struct inode *ino;
	struct dentry *d;

	if (!f)
		return;
	ino = BPF_CORE_READ(f, f_inode);
	d = BPF_CORE_READ(f, f_path.dentry);
	if (!ino || !d)
		return;
	pi->exe_ino = BPF_CORE_READ(ino, i_ino);
	inode_times(ino, pi);
	pi->exe_flags = overlay_layer(d);
	if (memfd_dentry(d))
		pi->exe_flags |= SG_EXE_FROM_MEMFD;
	if (exe_writable(c, ino, pi->cap_effective))
		pi->exe_flags |= SG_EXE_WRITABLE;
}

/* A percpu_counter since 6.2, an atomic_long_t array before. */
struct mm_rss_stat___old {
	atomic_long_t count[4];
} __attribute__((preserve_access_index));

struct mm_struct___old {
	struct mm_rss_stat___old rss_stat;
} __attribute__((preserve_access_index));

/* both spelled here, so the probe builds against either kernel's header
 * (a cross build's vmlinux.h comes from the target's 6.1 kernel package) */
struct mm_struct___new {
	struct percpu_counter rss_stat[4];
} __attribute__((preserve_access_index));

static __always_inline __s64 mm_counter(struct mm_struct *mm, int i)
{
	struct mm_struct___old *old = (void *)mm;
	struct mm_struct___new *new = (void *)mm;
	__s64 v = 0;

	if (bpf_core_field_exists(old->rss_stat.count))
		v = BPF_CORE_READ(old, rss_stat.count[i].counter);
	else
		v = BPF_CORE_READ(new, rss_stat[i].count);
	return v > 0 ? v : 0;
}

/* Sizes in KiB, as Falco's vm_size / vm_rss / vm_swap (4 KiB pages). */
static __always_inline void vm_info(struct task_struct *t, struct sg_procinfo *pi)
{
	struct mm_struct *mm = BPF_CORE_READ(t, mm);

	if (!mm)
		return;
	pi->vm_size_kb = BPF_CORE_READ(mm, total_vm) * 4;
	pi->vm_rss_kb = (mm_counter(mm, SG_MM_FILEPAGES) + mm_counter(mm, SG_MM_ANONPAGES) +
			 mm_counter(mm, SG_MM_SHMEMPAGES)) * 4;
	pi->vm_swap_kb = mm_counter(mm, SG_MM_SWAPENTS) * 4;
}

/* The init of the task's pid namespace: its start is the container's. */
static __always_inline __u64 pidns_start(struct pid *tp)
{
	unsigned int level;
	struct upid up = {};

	if (!tp)
		return 0;
	level = BPF_CORE_READ(tp, level);
	if (level > SG_PIDNS_MAX)
		level = SG_PIDNS_MAX;
	bpf_core_read(&up, sizeof(up), &tp->numbers[level]);
	return BPF_CORE_READ(up.ns, child_reaper, start_boottime);
}

/* The number of pid p in the pid namespace of task pid tp (pid_nr_ns):
 * 0 when p is not visible there (a group leader outside a container). */
static __always_inline __u32 nr_in_ns_of(struct pid *p, struct pid *tp)
{
	unsigned int level;
	struct upid a = {}, b = {};

	if (!p || !tp)
		return 0;
	level = BPF_CORE_READ(tp, level);
	if (level > SG_PIDNS_MAX || BPF_CORE_READ(p, level) < level)
		return 0;
	bpf_core_read(&a, sizeof(a), &p->numbers[level]);
	bpf_core_read(&b, sizeof(b), &tp->numbers[level]);
	return a.ns == b.ns ? a.nr : 0;
}

static __always_inline void procinfo(struct task_struct *t, struct sg_procinfo *pi)
{
	struct pid *tp = BPF_CORE_READ(t, thread_pid);
	struct pid *gp = BPF_CORE_READ(t, group_leader, thread_pid);
	struct pid *pg = BPF_CORE_READ(t, signal, pids[PIDTYPE_PGID]);
	const struct cred *c = BPF_CORE_READ(t, cred);

	__builtin_memset(pi, 0, sizeof(*pi));
	pi->vtid = ns_nr(tp);
	pi->vpid = ns_nr(gp);
	pi->pidns_level = tp ? BPF_CORE_READ(tp, level) : 0;
	pi->sid = BPF_CORE_READ(t, signal, pids[PIDTYPE_SID], numbers[0].nr);
	pi->pgid = BPF_CORE_READ(pg, numbers[0].nr);
	pi->vpgid = nr_in_ns_of(pg, tp);
	pi->tty = tty_dev(t);
	pi->loginuid = (__u32)-1;
	if (bpf_core_field_exists(t->loginuid))
		pi->loginuid = BPF_CORE_READ(t, loginuid.val);
	pi->cap_effective = read_caps(&c->cap_effective);
	pi->cap_permitted = read_caps(&c->cap_permitted);
	pi->cap_inheritable = read_caps(&c->cap_inheritable);
	pi->start_ns = BPF_CORE_READ(t, group_leader, start_boottime);
	pi->pidns_start_ns = pidns_start(tp);
	pi->fdlimit = BPF_CORE_READ(t, signal, rlim[SG_RLIMIT_NOFILE].rlim_cur);
	pi->maj_flt = BPF_CORE_READ(t, maj_flt);
	pi->min_flt = BPF_CORE_READ(t, min_flt);
	vm_info(t, pi);
	exe_info(t, c, pi);
}

/* A fork record: header + one procinfo payload, packed (no padding). */
#define PI_REC_LEN (sizeof(struct sg_rec) + PL_HDR + sizeof(struct sg_procinfo))

/* t is a tracepoint argument, a BTF pointer: from 5.11 (the kernels with
 * bpf_get_current_task_btf) its fields are plain loads; older verifiers
 * refuse the word loads from its comm array, so they get probe reads. */
static __always_inline void task_header(struct sg_rec *r, __u16 kind, struct task_struct *t)
{
	struct task_ids ids;

	if (HAVE_TASK_BTF)
		ids_btf(t, &ids);
	else
		ids_of(t, &ids);
	fill_header(r, kind, &ids);
	r->nr = 0;
	r->res = 0;
	__builtin_memset(r->args, 0, sizeof(r->args));
}

/* argv or envp of the new image, NUL separated, from its user memory. */
static __always_inline __u32 cap_mm_range(__u8 *buf, __u32 off, __u64 start, __u64 end, __u8 kind)
{
	__u64 len = end > start ? end - start : 0;
	__u8 flags = 0;

	if (len > SG_ARGS_MAX) {
		flags |= SG_PLF_TRUNC;
		len = SG_ARGS_MAX;
	}
	len = CLAMP(len, SG_ARGS_MAX);
	if (len && bpf_probe_read_user(at(buf, off + PL_HDR), len, (void *)start)) {
		flags |= SG_PLF_FAULT;
		len = 0;
	}
	put_payload(buf, off, len, kind, flags);
	return off + PL_HDR + len;
}

SEC("tp_btf/sched_process_exec")
int BPF_PROG(sg_exec, struct task_struct *p, pid_t old_pid, struct linux_binprm *bprm)
{
	__u8 *buf;
	struct sg_rec *r;
	struct sg_procinfo pi;
	struct mm_struct *mm;
	__u32 off = sizeof(*r), n;
	__u8 flags = 0;

	/* counting in the kernel keeps no state */
	if (kcount || (bpf_get_current_pid_tgid() >> 32) == self_tgid)
		return 0;
	buf = scratch_area();
	if (!buf) {
		count_lost(false);
		return 0;
	}
	r = (void *)buf;
	task_header(r, SG_REC_EXEC, p);

	procinfo(p, &pi);
	put_payload(buf, off, sizeof(pi), SG_PL_PROCINFO, 0);
	__builtin_memcpy(at(buf, off + PL_HDR), &pi, sizeof(pi));
	off += PL_HDR + sizeof(pi);

	n = cap_str(buf, off + PL_HDR, BPF_CORE_READ(bprm, filename), false, SG_STR_MAX, &flags);
	put_payload(buf, off, n, SG_PL_FILENAME, flags);
	off += PL_HDR + n;

	mm = BPF_CORE_READ(p, mm);
	off = cap_mm_range(buf, off, BPF_CORE_READ(mm, arg_start), BPF_CORE_READ(mm, arg_end), SG_PL_ARGS);
	off = cap_mm_range(buf, off, BPF_CORE_READ(mm, env_start), BPF_CORE_READ(mm, env_end), SG_PL_ENV);

	r->npayloads = 4;
	/* state only: the process's exe, args and env go stale */
	if (output_scratch(r, buf, off))
		count_lost(false);
	return 0;
}

SEC("tp_btf/sched_process_fork")
int BPF_PROG(sg_fork, struct task_struct *parent, struct task_struct *child)
{
	__u64 *emitted, wake;
	struct sg_procinfo pi;
	struct sg_payload *pl;
	struct sg_rec *r;
	__u8 *x;

	/* counting in the kernel keeps no state */
	if (kcount || (bpf_get_current_pid_tgid() >> 32) == self_tgid)
		return 0;
	/* before the reserve, as sg_exec does: with a ring buffer reference
	 * held across procinfo's branches, 6.1's verifier explores every path
	 * to the end of the program and gives up (1M instructions) */
	procinfo(child, &pi);
	emitted = counter(SG_CNT_EMITTED);
	wake = wake_flag(emitted, PI_REC_LEN);
	x = bpf_ringbuf_reserve(&rb, PI_REC_LEN, 0);
	if (!x) {
		count_lost(false); /* state only */
		return 0;
	}
	r = (void *)x;
	task_header(r, SG_REC_FORK, child);
	if (r->pid != r->tid)
		r->flags |= SG_RECF_THREAD;
	r->npayloads = 1;
	r->len = PI_REC_LEN;
	pl = (void *)(x + sizeof(*r));
	pl->len = sizeof(pi);
	pl->kind = SG_PL_PROCINFO;
	pl->flags = 0;
	__builtin_memcpy(x + sizeof(*r) + PL_HDR, &pi, sizeof(pi));
	bpf_ringbuf_submit(x, wake);
	bump(emitted);
	return 0;
}

/* Whether the exit of p passes the pushed-down conditions. */
static __always_inline bool exit_may_match(struct task_struct *p, struct task_ids *ids)
{
	if (HAVE_TASK_BTF)
		ids_btf(p, ids);
	else
		ids_of(p, ids);
	return push_pass(ids);
}

/* procexit counted in the kernel, when the filter may select it. */
static __always_inline int kcount_exit(struct task_struct *p)
{
	struct task_ids ids;

	if ((sel_procexit & SG_SEL_FILTER) && exit_may_match(p, &ids))
		kcount_one(SG_KNR_PROCEXIT, &ids);
	return 0;
}

static __always_inline int emit_exit(struct task_struct *p, bool group_dead)
{
	__u64 *emitted;
	__u64 wake;
	struct sg_rec *r;

	if ((bpf_get_current_pid_tgid() >> 32) == self_tgid)
		return 0;
	if (kcount)
		return kcount_exit(p);
	emitted = counter(SG_CNT_EMITTED);
	wake = wake_flag(emitted, sizeof(struct sg_rec));
	r = bpf_ringbuf_reserve(&rb, sizeof(*r), 0);
	if (!r) {
		struct task_ids ids;

		count_lost((sel_procexit & SG_SEL_FILTER) && exit_may_match(p, &ids));
		return 0;
	}
	task_header(r, SG_REC_EXIT, p);
	r->res = BPF_CORE_READ(p, exit_code);
	if (group_dead)
		r->flags |= SG_RECF_GROUP_DEAD;
	bpf_ringbuf_submit(r, wake);
	bump(emitted);
	return 0;
}

/*
 * Two variants, one loaded (probe.c picks by the tracepoint's BTF): older
 * kernels fire the tracepoint after signal->live dropped, so a zero count
 * means the last thread; newer ones fire it earlier and pass group_dead
 * instead, the live count then still holding this thread.
 */
SEC("tp_btf/sched_process_exit")
int BPF_PROG(sg_exit, struct task_struct *p)
{
	return emit_exit(p, BPF_CORE_READ(p, signal, live.counter) == 0);
}

SEC("tp_btf/sched_process_exit")
int BPF_PROG(sg_exit_gd, struct task_struct *p, bool group_dead)
{
	return emit_exit(p, group_dead);
}
