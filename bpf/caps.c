/*
 * Which capabilities the live source needs, what each is for, and
 * dropping every other one once the probe is attached and /proc seeded.
 * Raw capget/capset and prctl: no libcap needed for five calls.
 */
#include "bpf/caps.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <linux/capability.h>

#include "event/flagtables.h"

#ifndef PR_CAP_AMBIENT
#define PR_CAP_AMBIENT 47
#define PR_CAP_AMBIENT_CLEAR_ALL 4
#endif

/* The highest capability number any kernel sysgrep knows has. */
#define SG_CAP_LAST 63

const char *sg_cap_name(int cap)
{
	unsigned n = 0;
	const struct sg_flagname *t = sg_flags_names(SG_TBL_CAPS, &n);

	for (unsigned i = 0; t && i < n && cap >= 0 && cap < 64; i++)
		if (t[i].value == SG_CAP_BIT(cap))
			return t[i].name;
	return NULL;
}

void sg_caps_text(uint64_t mask, char *out, size_t n)
{
	size_t used = 0;

	if (!n)
		return;
	out[0] = '\0';
	for (int c = 0; c < 64; c++) {
		const char *name;
		char num[16];
		int w;

		if (!(mask & SG_CAP_BIT(c)))
			continue;
		name = sg_cap_name(c);
		if (!name) {
			snprintf(num, sizeof(num), "cap_%d", c);
			name = num;
		}
		w = snprintf(out + used, n - used, "%s%s", used ? ", " : "", name);
		if (w < 0 || (size_t)w >= n - used)
			return; /* cut: what fits is already there */
		used += (size_t)w;
	}
	if (!used)
		snprintf(out, n, "none");
}

int sg_caps_missing_load(uint64_t eff)
{
	if (eff & SG_CAP_BIT(CAP_SYS_ADMIN))
		return -1;
	if (!(eff & SG_CAP_BIT(CAP_BPF)))
		return CAP_BPF;
	if (!(eff & SG_CAP_BIT(CAP_PERFMON)))
		return CAP_PERFMON;
	return -1;
}

int sg_caps_missing_proc(uint64_t eff)
{
	if (!(eff & SG_CAP_BIT(CAP_SYS_PTRACE)))
		return CAP_SYS_PTRACE;
	if (!(eff & (SG_CAP_BIT(CAP_DAC_READ_SEARCH) | SG_CAP_BIT(CAP_DAC_OVERRIDE))))
		return CAP_DAC_READ_SEARCH;
	return -1;
}

const char *sg_cap_purpose(int cap)
{
	switch (cap) {
	case CAP_BPF:
		return "to create the probe's BPF maps and load its programs";
	case CAP_PERFMON:
		return "to load tracing (tp_btf) programs and attach them to tracepoints";
	case CAP_SYS_ADMIN:
		return "stands in for CAP_BPF and CAP_PERFMON together";
	case CAP_SYS_PTRACE:
		return "to read /proc/PID/fd, fdinfo and exe of other users' processes, for "
		       "fd names and executables";
	case CAP_DAC_READ_SEARCH:
		return "to list /proc/PID/fd and fdinfo, mode 0500, of other users' processes "
		       "(CAP_DAC_OVERRIDE also does)";
	case CAP_SYS_RESOURCE:
		return "to raise the locked-memory limit, only on kernels that count BPF "
		       "memory against RLIMIT_MEMLOCK";
	}
	return "not used by sysgrep";
}

uint64_t sg_caps_runtime(uint64_t eff, bool state)
{
	uint64_t keep = 0;

	if (!state)
		return 0;
	keep |= eff & SG_CAP_BIT(CAP_SYS_PTRACE);
	/* the narrower of the two DAC capabilities does: reading is all */
	if (eff & SG_CAP_BIT(CAP_DAC_READ_SEARCH))
		keep |= SG_CAP_BIT(CAP_DAC_READ_SEARCH);
	else
		keep |= eff & SG_CAP_BIT(CAP_DAC_OVERRIDE);
	return keep;
}

static int get_caps(struct __user_cap_data_struct d[2])
{
	struct __user_cap_header_struct h = {.version = _LINUX_CAPABILITY_VERSION_3};

	memset(d, 0, 2 * sizeof(d[0]));
	return (int)syscall(SYS_capget, &h, d);
}

static int set_caps(uint64_t eff, uint64_t perm, uint64_t inh)
{
	struct __user_cap_header_struct h = {.version = _LINUX_CAPABILITY_VERSION_3};
	struct __user_cap_data_struct d[2] = {
		{(uint32_t)eff, (uint32_t)perm, (uint32_t)inh},
		{(uint32_t)(eff >> 32), (uint32_t)(perm >> 32), (uint32_t)(inh >> 32)},
	};

	return (int)syscall(SYS_capset, &h, d);
}

uint64_t sg_caps_permitted(void)
{
	struct __user_cap_data_struct d[2];

	if (get_caps(d) != 0)
		return 0;
	return (uint64_t)d[1].permitted << 32 | d[0].permitted;
}

int sg_caps_set_effective(uint64_t eff)
{
	uint64_t perm = sg_caps_permitted();

	return set_caps(eff & perm, perm, 0);
}

bool sg_caps_no_new_privs(void)
{
	return prctl(PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0) == 1;
}

/* Cut the bounding set to keep: it needs CAP_SETPCAP, so first. */
static void cut_bounding(uint64_t keep)
{
	for (int c = 0; c <= SG_CAP_LAST; c++) {
		if (keep & SG_CAP_BIT(c))
			continue;
		/* EINVAL past the kernel's last capability: done */
		if (prctl(PR_CAPBSET_DROP, c, 0, 0, 0) != 0 && errno == EINVAL)
			break;
	}
}

int sg_caps_keep_only(uint64_t keep, char *why, size_t n)
{
	uint64_t perm = sg_caps_permitted();

	keep &= perm;
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0) {
		snprintf(why, n, "cannot set no_new_privs: %s", strerror(errno));
		return -1;
	}
	if (perm & SG_CAP_BIT(CAP_SETPCAP)) {
		/* effective for the bounding set's drops, which it allows */
		set_caps(perm, perm, 0);
		cut_bounding(keep);
	}
	/* ambient capabilities only matter across execve, which sysgrep
	 * never does: none left for anything that would */
	prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0);
	if (set_caps(keep, keep, 0) != 0) {
		snprintf(why, n, "cannot drop capabilities: %s", strerror(errno));
		return -1;
	}
	return 0;
}
