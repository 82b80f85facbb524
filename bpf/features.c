/*
 * Kernel and privilege checks before loading the probe, so a missing
 * feature is reported as one plain sentence instead of a verifier dump.
 */
#include "bpf/features.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <unistd.h>

#include <bpf/libbpf.h>
#include <linux/bpf.h>
#include <linux/capability.h>

#include "bpf/probe.h"

#define SG_BTF_PATH "/sys/kernel/btf/vmlinux"
#define SG_LOCKDOWN_PATH "/sys/kernel/security/lockdown"

#ifndef CAP_PERFMON
#define CAP_PERFMON 38
#endif
#ifndef CAP_BPF
#define CAP_BPF 39
#endif

uint32_t sg_kernel_version_parse(const char *release)
{
	unsigned v[3] = {0, 0, 0};
	const char *s = release;

	if (!s || *s < '0' || *s > '9')
		return 0;
	for (int i = 0; i < 3; i++) {
		unsigned long x = 0;

		while (*s >= '0' && *s <= '9') {
			if (x < 1000)
				x = x * 10 + (unsigned)(*s - '0');
			s++;
		}
		v[i] = x > 255 ? 255 : (unsigned)x;
		/* "6.1" and "6.1-rc2" have no patch level */
		if (*s != '.' || s[1] < '0' || s[1] > '9')
			break;
		s++;
	}
	return v[0] << 16 | v[1] << 8 | v[2];
}

bool sg_caps_allow_bpf(uint64_t eff)
{
	if (eff & (1ull << CAP_SYS_ADMIN))
		return true;
	return (eff & (1ull << CAP_BPF)) && (eff & (1ull << CAP_PERFMON));
}

uint64_t sg_caps_effective(void)
{
	struct __user_cap_header_struct h = {.version = _LINUX_CAPABILITY_VERSION_3};
	struct __user_cap_data_struct d[2];

	memset(d, 0, sizeof(d));
	if (syscall(SYS_capget, &h, d) != 0)
		return 0;
	return (uint64_t)d[1].effective << 32 | d[0].effective;
}

const char *sg_lockdown_mode(const char *text)
{
	static const char *const modes[] = {"integrity", "confidentiality"};

	if (!text)
		return "none";
	for (size_t i = 0; i < sizeof(modes) / sizeof(modes[0]); i++) {
		char b[32];

		snprintf(b, sizeof(b), "[%s]", modes[i]);
		if (strstr(text, b))
			return modes[i];
	}
	return "none";
}

static int check_version(char *why, size_t n)
{
	struct utsname u;

	if (uname(&u) != 0)
		return 0; /* cannot tell: let loading decide */
	uint32_t v = sg_kernel_version_parse(u.release);
	if (v && v < SG_KERNEL_MIN) {
		snprintf(why, n, "kernel %s is too old: sysgrep needs Linux 5.8 or later "
			 "(BPF ring buffer and BTF tracepoints)", u.release);
		return -1;
	}
	return 0;
}

static int check_lockdown(char *why, size_t n)
{
	char text[128] = "";
	FILE *f = fopen(SG_LOCKDOWN_PATH, "r");

	if (!f)
		return 0;
	if (!fgets(text, sizeof(text), f))
		text[0] = '\0';
	fclose(f);
	if (strcmp(sg_lockdown_mode(text), "confidentiality") != 0)
		return 0;
	snprintf(why, n, "the kernel is locked down in confidentiality mode, which forbids "
		 "BPF tracing: boot with lockdown=integrity (or none) to use sysgrep");
	return -1;
}

static int check_ringbuf(char *why, size_t n)
{
	int r = libbpf_probe_bpf_map_type(BPF_MAP_TYPE_RINGBUF, NULL);

	if (r == 1)
		return 0;
	if (r == 0) {
		snprintf(why, n, "this kernel does not support BPF ring buffers: "
			 "sysgrep needs Linux 5.8 or later");
		return -1;
	}
	if (r == -EPERM || r == -EACCES) {
		snprintf(why, n, "the kernel refused to create a BPF map (%s): check "
			 "kernel.unprivileged_bpf_disabled, seccomp or the container's "
			 "restrictions", strerror(-r));
		return -1;
	}
	snprintf(why, n, "cannot probe the kernel for BPF ring buffer support: %s",
		 strerror(-r));
	return -1;
}

int sg_probe_check(char *why, size_t n)
{
	if (check_version(why, n))
		return -1;
	if (access(SG_BTF_PATH, R_OK) != 0) {
		snprintf(why, n, "this kernel has no BTF type information (%s is missing): "
			 "sysgrep needs a kernel built with CONFIG_DEBUG_INFO_BTF=y", SG_BTF_PATH);
		return -1;
	}
	if (!sg_caps_allow_bpf(sg_caps_effective())) {
		snprintf(why, n, "sysgrep needs root, or the capabilities CAP_BPF and "
			 "CAP_PERFMON: run it with sudo");
		return -1;
	}
	if (check_lockdown(why, n))
		return -1;
	return check_ringbuf(why, n);
}
