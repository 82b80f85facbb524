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

#include <bpf/bpf.h>
#include <bpf/btf.h>
#include <bpf/libbpf.h>
#include <linux/bpf.h>
#include <linux/capability.h>

#include "bpf/caps.h"
#include "bpf/probe.h"

#define SG_BTF_PATH "/sys/kernel/btf/vmlinux"
#define SG_LOCKDOWN_PATH "/sys/kernel/security/lockdown"

static struct btf *kernel_btf;

struct btf *sg_kernel_btf(void)
{
	if (!kernel_btf)
		kernel_btf = btf__load_vmlinux_btf();
	return kernel_btf;
}

void sg_kernel_btf_release(void)
{
	btf__free(kernel_btf);
	kernel_btf = NULL;
}

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

bool sg_uid_map_is_initial(const char *text)
{
	unsigned long a, b, c;
	int used = 0;

	if (!text || sscanf(text, " %lu %lu %lu %n", &a, &b, &c, &used) != 3)
		return false;
	return a == 0 && b == 0 && c == 4294967295ul && text[used] == '\0';
}

bool sg_read_small(const char *path, char *b, size_t n)
{
	FILE *f = fopen(path, "re");
	size_t got;

	if (!f)
		return false;
	got = fread(b, 1, n - 1, f);
	fclose(f);
	b[got] = '\0';
	return true;
}

static int check_userns(char *why, size_t n)
{
	char map[256];

	if (!sg_read_small("/proc/self/uid_map", map, sizeof(map)) || sg_uid_map_is_initial(map))
		return 0;
	snprintf(why, n, "sysgrep is running in a user namespace (a rootless container or "
		 "unshare -U): its capabilities there do not allow BPF tracing; run it on the "
		 "host, or in a container with CAP_BPF and CAP_PERFMON in the host's namespace");
	return -1;
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

/* Create a small ring buffer map and look at why it fails, if it does:
 * libbpf's own probe reports a refusal (EPERM) as "unsupported". */
static int check_ringbuf(char *why, size_t n)
{
	/* the size must be a power of two and a whole number of pages */
	long page = sysconf(_SC_PAGESIZE);
	int fd = bpf_map_create(BPF_MAP_TYPE_RINGBUF, "sg_probe", 0, 0,
				page > 0 ? (uint32_t)page : 4096, NULL);
	int err = errno;

	if (fd >= 0) {
		close(fd);
		return 0;
	}
	if (err == EINVAL || err == EOPNOTSUPP) {
		snprintf(why, n, "this kernel does not support BPF ring buffers (%s): "
			 "sysgrep needs Linux 5.8 or later", strerror(err));
		return -1;
	}
	if (err == EPERM || err == EACCES) {
		snprintf(why, n, "the kernel refused to create a BPF map (%s) although the "
			 "capabilities are there: check seccomp, an LSM policy (SELinux, AppArmor) "
			 "or the container's restrictions", strerror(err));
		return -1;
	}
	if (err == ENOSYS) {
		snprintf(why, n, "the bpf() system call is not available (%s): the kernel is "
			 "built without CONFIG_BPF_SYSCALL, or a seccomp filter blocks it",
			 strerror(err));
		return -1;
	}
	snprintf(why, n, "cannot create a BPF ring buffer map: %s", strerror(err));
	return -1;
}

/* tp_btf programs attach to a tracepoint through its btf_trace_<name>
 * typedef in the kernel's BTF: without it the load fails obscurely. */
static int check_tracepoints(char *why, size_t n)
{
	static const char *const tps[] = {
		"sys_exit", "sched_process_exec", "sched_process_fork", "sched_process_exit",
	};
	struct btf *btf = sg_kernel_btf();
	int rc = 0;

	if (!btf) {
		snprintf(why, n, "cannot read the kernel's BTF (%s): %s", SG_BTF_PATH,
			 strerror(errno));
		return -1;
	}
	for (size_t i = 0; i < sizeof(tps) / sizeof(tps[0]) && !rc; i++) {
		char name[64];

		snprintf(name, sizeof(name), "btf_trace_%s", tps[i]);
		if (btf__find_by_name_kind(btf, name, BTF_KIND_TYPEDEF) > 0)
			continue;
		snprintf(why, n, "the kernel's BTF has no tracepoint %s (type %s): sysgrep needs "
			 "BTF-enabled tracepoints (tp_btf, Linux 5.8 or later with "
			 "CONFIG_DEBUG_INFO_BTF=y)", tps[i], name);
		rc = -1;
	}
	return rc;
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
	if (check_userns(why, n))
		return -1;
	int cap = sg_caps_missing_load(sg_caps_effective());
	if (cap >= 0) {
		snprintf(why, n, "missing capability %s, needed %s: run sysgrep as root, or give it "
			 "CAP_BPF, CAP_PERFMON, CAP_SYS_PTRACE and CAP_DAC_READ_SEARCH "
			 "(sysgrep --check lists what is missing)", sg_cap_name(cap),
			 sg_cap_purpose(cap));
		return -1;
	}
	if (check_lockdown(why, n))
		return -1;
	if (check_ringbuf(why, n))
		return -1;
	return check_tracepoints(why, n);
}
