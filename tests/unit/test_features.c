/*
 * The parts of the kernel checks that need no root: version parsing,
 * the capability rule, the lockdown file.
 */
#include <stdint.h>
#include <string.h>

#include "bpf/features.h"
#include "tests/unit/t.h"

static void test_version(void)
{
	static const struct {
		const char *in;
		uint32_t want;
	} cases[] = {
		{"6.1.0-18-amd64", 0x060100},
		{"5.8.0", 0x050800},
		{"5.7.19", 0x050713},
		{"6.18.44-fc-v669", 0x06122c},
		{"4.19", 0x041300},
		{"6.9-rc2", 0x060900},
		{"5.15.0.1", 0x050f00},
		{"3.10.0-1160.el7.x86_64", 0x030a00},
		{"6.300.1", 0x06ff01},
		{"99999999999999999999.1", 0xff0100},
		{"", 0},
		{"linux", 0},
		{NULL, 0},
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		uint32_t got = sg_kernel_version_parse(cases[i].in);

		T_OK(got == cases[i].want, "version '%s' -> %#x (got %#x)",
		     cases[i].in ? cases[i].in : "(null)", cases[i].want, got);
	}
	T_OK(sg_kernel_version_parse("5.7.19") < SG_KERNEL_MIN &&
	     sg_kernel_version_parse("5.8") >= SG_KERNEL_MIN, "5.8 is the oldest supported");
}

static void test_caps(void)
{
	const uint64_t sys_admin = 1ull << 21, perfmon = 1ull << 38, bpf = 1ull << 39;

	T_OK(sg_caps_allow_bpf(sys_admin), "CAP_SYS_ADMIN alone is enough");
	T_OK(sg_caps_allow_bpf(bpf | perfmon), "CAP_BPF + CAP_PERFMON is enough");
	T_OK(!sg_caps_allow_bpf(bpf), "CAP_BPF alone is not");
	T_OK(!sg_caps_allow_bpf(perfmon), "CAP_PERFMON alone is not");
	T_OK(!sg_caps_allow_bpf(0), "no capabilities");
	T_OK(!sg_caps_allow_bpf(~(sys_admin | bpf)), "everything but SYS_ADMIN and BPF");
}

static void test_lockdown(void)
{
	T_STREQ(sg_lockdown_mode("[none] integrity confidentiality\n"), "none", "lockdown none");
	T_STREQ(sg_lockdown_mode("none [integrity] confidentiality\n"), "integrity",
		"lockdown integrity");
	T_STREQ(sg_lockdown_mode("none integrity [confidentiality]\n"), "confidentiality",
		"lockdown confidentiality");
	T_STREQ(sg_lockdown_mode(""), "none", "empty lockdown file");
	T_STREQ(sg_lockdown_mode(NULL), "none", "no lockdown file");
}

static void test_uid_map(void)
{
	T_OK(sg_uid_map_is_initial("         0          0 4294967295\n"), "the initial namespace");
	T_OK(sg_uid_map_is_initial("0 0 4294967295"), "without padding or newline");
	T_OK(!sg_uid_map_is_initial("         0          0          1\n"), "unshare -Ur");
	T_OK(!sg_uid_map_is_initial("         0     100000      65536\n"), "a rootless container");
	T_OK(!sg_uid_map_is_initial("0 0 4294967295\n1 1 1\n"), "a second line");
	T_OK(!sg_uid_map_is_initial(""), "empty");
	T_OK(!sg_uid_map_is_initial(NULL), "no text");
}

int main(void)
{
	test_version();
	test_caps();
	test_lockdown();
	test_uid_map();
	return t_done();
}
