// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * What BPF iterators would give the state seeding, to measure them against
 * sysgrep's /proc scan: one record per process (iter/task) and one per open
 * fd (iter/task_file), with what the kernel holds for them directly.
 * argv, environ and paths are not here: reading another task's memory
 * needs a sleepable iterator (bpf_copy_from_user_task, 5.18+), and paths
 * bpf_d_path, which iterators may not call on every kernel.
 */
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include <bpf/bpf_core_read.h>

char LICENSE[] SEC("license") = "Dual BSD/GPL";

struct task_rec {
	__u32 pid, ppid, uid, gid;
	char comm[16];
};

struct file_rec {
	__u32 pid, fd;
	__u64 ino;
	__u32 flags, pad;
};

SEC("iter/task")
int seed_task(struct bpf_iter__task *ctx)
{
	struct task_struct *t = ctx->task;
	struct task_rec r = {};

	if (!t || t->pid != t->tgid) /* processes, not threads */
		return 0;
	r.pid = t->tgid;
	r.ppid = BPF_CORE_READ(t, real_parent, tgid);
	r.uid = BPF_CORE_READ(t, cred, euid.val);
	r.gid = BPF_CORE_READ(t, cred, egid.val);
	bpf_probe_read_kernel_str(r.comm, sizeof(r.comm), t->comm);
	bpf_seq_write(ctx->meta->seq, &r, sizeof(r));
	return 0;
}

SEC("iter/task_file")
int seed_file(struct bpf_iter__task_file *ctx)
{
	struct task_struct *t = ctx->task;
	struct file *f = ctx->file;
	struct file_rec r = {};

	if (!t || !f || t->pid != t->tgid) /* a process's table, once */
		return 0;
	r.pid = t->tgid;
	r.fd = ctx->fd;
	r.ino = BPF_CORE_READ(f, f_inode, i_ino);
	r.flags = BPF_CORE_READ(f, f_flags);
	bpf_seq_write(ctx->meta->seq, &r, sizeof(r));
	return 0;
}
