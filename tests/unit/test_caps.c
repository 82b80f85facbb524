/*
 * The capability rules of bpf/caps.c that need no privilege: which one is
 * missing first, what a run keeps, and the names printed.
 */
#include <stdint.h>
#include <string.h>

#include <linux/capability.h>

#include "bpf/caps.h"
#include "tests/unit/t.h"

#define B(c) SG_CAP_BIT(c)

static void test_missing(void)
{
	uint64_t all4 = B(CAP_BPF) | B(CAP_PERFMON) | B(CAP_SYS_PTRACE) | B(CAP_DAC_READ_SEARCH);

	T_OK(sg_caps_missing_load(all4) == -1, "the four: load is allowed");
	T_OK(sg_caps_missing_load(all4 & ~B(CAP_BPF)) == CAP_BPF, "without CAP_BPF: names it");
	T_OK(sg_caps_missing_load(all4 & ~B(CAP_PERFMON)) == CAP_PERFMON,
	     "without CAP_PERFMON: names it");
	T_OK(sg_caps_missing_load(B(CAP_SYS_ADMIN)) == -1, "CAP_SYS_ADMIN stands in for both");
	T_OK(sg_caps_missing_load(0) == CAP_BPF, "nothing: CAP_BPF first");
	T_OK(sg_caps_missing_proc(all4) == -1, "the four: /proc is readable");
	T_OK(sg_caps_missing_proc(all4 & ~B(CAP_SYS_PTRACE)) == CAP_SYS_PTRACE,
	     "without CAP_SYS_PTRACE: names it");
	T_OK(sg_caps_missing_proc(all4 & ~B(CAP_DAC_READ_SEARCH)) == CAP_DAC_READ_SEARCH,
	     "without CAP_DAC_READ_SEARCH: names it");
	T_OK(sg_caps_missing_proc(B(CAP_SYS_PTRACE) | B(CAP_DAC_OVERRIDE)) == -1,
	     "CAP_DAC_OVERRIDE stands in for CAP_DAC_READ_SEARCH");
	T_OK(sg_caps_missing_proc(B(CAP_SYS_ADMIN)) == CAP_SYS_PTRACE,
	     "CAP_SYS_ADMIN does not read other users' /proc/PID/fd");
}

static void test_runtime(void)
{
	uint64_t root = ~0ull >> (63 - 40);
	uint64_t proc = B(CAP_SYS_PTRACE) | B(CAP_DAC_READ_SEARCH);

	T_OK(sg_caps_runtime(root, true) == proc, "root keeps CAP_SYS_PTRACE and CAP_DAC_READ_SEARCH");
	T_OK(sg_caps_runtime(root, false) == 0, "counting in the kernel keeps nothing");
	T_OK(sg_caps_runtime(B(CAP_SYS_PTRACE) | B(CAP_DAC_OVERRIDE), true) ==
		     (B(CAP_SYS_PTRACE) | B(CAP_DAC_OVERRIDE)),
	     "CAP_DAC_OVERRIDE kept when it is the one held");
	T_OK(sg_caps_runtime(B(CAP_BPF) | B(CAP_PERFMON), true) == 0,
	     "the load capabilities are never kept by the rule");
}

static void test_names(void)
{
	char b[256];

	T_STREQ(sg_cap_name(CAP_BPF), "CAP_BPF", "name of 39");
	T_STREQ(sg_cap_name(CAP_SYS_PTRACE), "CAP_SYS_PTRACE", "name of 19");
	T_OK(sg_cap_name(63) == NULL, "no name for 63");
	T_OK(sg_cap_name(-1) == NULL, "no name for -1");
	sg_caps_text(0, b, sizeof(b));
	T_STREQ(b, "none", "empty set");
	sg_caps_text(B(CAP_SYS_PTRACE) | B(CAP_DAC_READ_SEARCH), b, sizeof(b));
	T_STREQ(b, "CAP_DAC_READ_SEARCH, CAP_SYS_PTRACE", "two, in number order");
	sg_caps_text(B(62), b, sizeof(b));
	T_STREQ(b, "cap_62", "an unnamed bit by number");
	sg_caps_text(~0ull, b, 20);
	T_OK(strlen(b) < 20, "cut to the buffer: '%s'", b);
	T_OK(strcmp(sg_cap_purpose(CAP_SYS_PTRACE), "not used by sysgrep") != 0,
	     "CAP_SYS_PTRACE has a purpose");
	T_STREQ(sg_cap_purpose(CAP_NET_RAW), "not used by sysgrep", "CAP_NET_RAW has none");
}

int main(void)
{
	test_missing();
	test_runtime();
	test_names();
	return t_done();
}
