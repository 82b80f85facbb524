// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * The floor of the benchmark: a tp_btf program on each of sys_enter and
 * sys_exit that returns at once.  What sysgrep's probe costs above this is
 * its own work; this much is the price of any syscall tracing at all.
 */
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

char LICENSE[] SEC("license") = "Dual BSD/GPL";

SEC("tp_btf/sys_enter")
int BPF_PROG(bare_enter, struct pt_regs *regs, long id)
{
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(bare_exit, struct pt_regs *regs, long ret)
{
	return 0;
}
