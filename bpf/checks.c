/*
 * sysgrep --check: each requirement of the live source tried for real.
 * A ring buffer map is created, a two-instruction tp_btf program is
 * loaded, attached to each tracepoint the probe uses and detached, the
 * task iterators are run, the whole probe is loaded: what the kernel
 * answers is the result, with its errno, never a guess from the version.
 */
#include "bpf/checks.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/statfs.h>
#include <sys/utsname.h>
#include <unistd.h>

#include <bpf/bpf.h>
#include <bpf/btf.h>
#include <bpf/libbpf.h>
#include <linux/bpf.h>
#include <linux/capability.h>

#include "bpf/caps.h"
#include "bpf/features.h"
#include "bpf/probe.h"

#define SG_BTF_PATH "/sys/kernel/btf/vmlinux"
#define SG_TRACEFS_MAGIC 0x74726163

/* What the checks share: the effective capabilities, the kernel's BTF. */
struct run {
	struct sg_checks *out;
	uint64_t eff;
	int load_cap;     /* the first capability missing to load, or -1 */
	struct btf *btf;  /* the kernel's own BTF, NULL when unreadable */
};

static struct sg_hostcheck *add(struct run *r, const char *check, const char *what,
			    bool required)
{
	static struct sg_hostcheck spare; /* past SG_CHECKS_MAX: written, not shown */
	struct sg_hostcheck *c = r->out->n < SG_CHECKS_MAX ? &r->out->c[r->out->n++] : &spare;

	memset(c, 0, sizeof(*c));
	c->check = check;
	snprintf(c->what, sizeof(c->what), "%s", what ? what : "");
	c->required = required;
	return c;
}

static void set(struct sg_hostcheck *c, enum sg_check_status s, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void set(struct sg_hostcheck *c, enum sg_check_status s, const char *fmt, ...)
{
	va_list ap;

	c->status = s;
	va_start(ap, fmt);
	vsnprintf(c->detail, sizeof(c->detail), fmt, ap);
	va_end(ap);
}

/* A check the kernel would refuse for want of privilege: not tried. */
static bool untried(struct run *r, struct sg_hostcheck *c)
{
	if (r->load_cap < 0)
		return false;
	set(c, SG_CHECK_UNKNOWN, "not tried: trying it needs %s, which is missing",
	    sg_cap_name(r->load_cap));
	return true;
}

static void check_kernel(struct run *r)
{
	struct sg_hostcheck *c = add(r, "kernel", NULL, false);
	struct utsname u;

	if (uname(&u) != 0) {
		set(c, SG_CHECK_UNKNOWN, "uname: %s", strerror(errno));
		return;
	}
	set(c, SG_CHECK_OK, "Linux %.64s %.16s (for the record: every check below is tried, "
	    "not read from the version)", u.release, u.machine);
}

/* On-disk vmlinux files libbpf would also read for CO-RE; tp_btf still
 * needs the kernel's own BTF, so they only make the message precise. */
static const char *disk_vmlinux(char *b, size_t n)
{
	static const char *const fmts[] = {
		"/boot/vmlinux-%s", "/lib/modules/%s/vmlinux-%s", "/lib/modules/%s/build/vmlinux",
		"/usr/lib/debug/boot/vmlinux-%s",
	};
	struct utsname u;

	if (uname(&u) != 0)
		return NULL;
	for (size_t i = 0; i < sizeof(fmts) / sizeof(fmts[0]); i++) {
		snprintf(b, n, fmts[i], u.release, u.release);
		if (access(b, R_OK) == 0)
			return b;
	}
	return NULL;
}

static void check_btf(struct run *r)
{
	struct sg_hostcheck *c = add(r, "btf", SG_BTF_PATH, true);
	char disk[256];
	int err;

	r->btf = btf__parse(SG_BTF_PATH, NULL);
	err = errno;
	if (r->btf) {
		set(c, SG_CHECK_OK, "found at %s: the running kernel's own BTF, %u types; the "
		    "probe's CO-RE relocations and its tp_btf attachments use it", SG_BTF_PATH,
		    btf__type_cnt(r->btf));
		return;
	}
	r->btf = NULL;
	if (disk_vmlinux(disk, sizeof(disk)))
		set(c, SG_CHECK_MISSING, "%s: %s; %s exists on disk, but tp_btf programs attach "
		    "through the kernel's own BTF: boot a kernel built with "
		    "CONFIG_DEBUG_INFO_BTF=y", SG_BTF_PATH, strerror(err), disk);
	else
		set(c, SG_CHECK_MISSING, "%s: %s: boot a kernel built with CONFIG_DEBUG_INFO_BTF=y",
		    SG_BTF_PATH, strerror(err));
}

static void check_userns(struct run *r)
{
	struct sg_hostcheck *c = add(r, "namespace", "user", true);
	char map[256];

	if (!sg_read_small("/proc/self/uid_map", map, sizeof(map))) {
		set(c, SG_CHECK_OK, "no /proc/self/uid_map: a kernel without user namespaces");
		return;
	}
	if (sg_uid_map_is_initial(map)) {
		set(c, SG_CHECK_OK, "the initial user namespace: capabilities here count for BPF");
		return;
	}
	set(c, SG_CHECK_MISSING, "running in a user namespace (rootless container, unshare -U): "
	    "capabilities there do not allow BPF tracing; run on the host, or in a container "
	    "given CAP_BPF and CAP_PERFMON in the host's namespace");
}

static void check_cap(struct run *r, int cap, bool held, const char *instead)
{
	struct sg_hostcheck *c = add(r, "capability", sg_cap_name(cap), true);

	if (held)
		set(c, SG_CHECK_OK, "%s; needed %s", instead ? instead : "held",
		    sg_cap_purpose(cap));
	else
		set(c, SG_CHECK_MISSING, "not held; needed %s: run as root, or grant it "
		    "(setpriv --ambient-caps, systemd AmbientCapabilities=, file capabilities)",
		    sg_cap_purpose(cap));
}

static void check_caps(struct run *r)
{
	uint64_t e = r->eff;
	bool admin = e & SG_CAP_BIT(CAP_SYS_ADMIN);
	bool dac = e & SG_CAP_BIT(CAP_DAC_READ_SEARCH);
	const char *by_admin = "held as CAP_SYS_ADMIN, which stands in for it";

	check_cap(r, CAP_BPF, admin || (e & SG_CAP_BIT(CAP_BPF)),
		  admin && !(e & SG_CAP_BIT(CAP_BPF)) ? by_admin : NULL);
	check_cap(r, CAP_PERFMON, admin || (e & SG_CAP_BIT(CAP_PERFMON)),
		  admin && !(e & SG_CAP_BIT(CAP_PERFMON)) ? by_admin : NULL);
	check_cap(r, CAP_SYS_PTRACE, e & SG_CAP_BIT(CAP_SYS_PTRACE), NULL);
	check_cap(r, CAP_DAC_READ_SEARCH, dac || (e & SG_CAP_BIT(CAP_DAC_OVERRIDE)),
		  !dac && (e & SG_CAP_BIT(CAP_DAC_OVERRIDE)) ? "held as CAP_DAC_OVERRIDE" : NULL);
}

static void check_lockdown(struct run *r)
{
	static const char path[] = "/sys/kernel/security/lockdown";
	struct sg_hostcheck *c = add(r, "lockdown", path, true);
	char text[128];
	const char *mode;

	if (!sg_read_small(path, text, sizeof(text))) {
		if (errno == ENOENT)
			set(c, SG_CHECK_OK, "no lockdown LSM in this kernel (%s is absent)", path);
		else
			set(c, SG_CHECK_UNKNOWN, "cannot read %s: %s", path, strerror(errno));
		return;
	}
	text[strcspn(text, "\n")] = '\0';
	mode = sg_lockdown_mode(text);
	if (strcmp(mode, "confidentiality") == 0)
		set(c, SG_CHECK_MISSING, "mode confidentiality (%s) forbids BPF programs reading "
		    "kernel memory: boot with lockdown=integrity or none", text);
	else
		set(c, SG_CHECK_OK, "mode %s (%s): BPF tracing is allowed", mode, text);
}

/* Whether BPF memory is charged to the memory cgroup instead of
 * RLIMIT_MEMLOCK, as libbpf itself finds out: bpf_ktime_get_coarse_ns
 * came with that accounting.  1 yes, 0 no, -errno not tried. */
static int memcg_accounting(void)
{
	int rc = libbpf_probe_bpf_helper(BPF_PROG_TYPE_CGROUP_SKB, BPF_FUNC_ktime_get_coarse_ns,
					 NULL);

	return rc < 0 ? rc : rc > 0;
}

static void rlim_text(rlim_t v, char *b, size_t n)
{
	if (v == RLIM_INFINITY)
		snprintf(b, n, "unlimited");
	else
		snprintf(b, n, "%llu KiB", (unsigned long long)v / 1024);
}

static void check_memlock(struct run *r)
{
	struct sg_hostcheck *c = add(r, "memlock", "RLIMIT_MEMLOCK", true);
	struct rlimit rl;
	char cur[32], max[32];
	int memcg;

	if (getrlimit(RLIMIT_MEMLOCK, &rl) != 0) {
		set(c, SG_CHECK_UNKNOWN, "getrlimit: %s", strerror(errno));
		return;
	}
	rlim_text(rl.rlim_cur, cur, sizeof(cur));
	rlim_text(rl.rlim_max, max, sizeof(max));
	if (untried(r, c))
		return;
	memcg = memcg_accounting();
	if (memcg > 0) {
		set(c, SG_CHECK_OK, "not used: this kernel charges BPF memory to the memory cgroup "
		    "(limit %s, hard %s; CAP_SYS_RESOURCE not needed)", cur, max);
		return;
	}
	if (memcg < 0) {
		set(c, SG_CHECK_UNKNOWN, "cannot tell whether BPF memory counts against the limit "
		    "(%s, hard %s): the probe program failed: %s", cur, max, strerror(-memcg));
		return;
	}
	if (rl.rlim_max == RLIM_INFINITY || (r->eff & SG_CAP_BIT(CAP_SYS_RESOURCE)))
		set(c, SG_CHECK_OK, "this kernel counts BPF memory against RLIMIT_MEMLOCK (%s, "
		    "hard %s): it is raised to unlimited at load", cur, max);
	else
		set(c, SG_CHECK_MISSING, "this kernel counts BPF memory against RLIMIT_MEMLOCK, "
		    "limited to %s (hard %s): raise it (ulimit -l unlimited, systemd "
		    "LimitMEMLOCK=infinity) or grant CAP_SYS_RESOURCE", cur, max);
}

static void check_unpriv_sysctl(struct run *r)
{
	static const char path[] = "/proc/sys/kernel/unprivileged_bpf_disabled";
	struct sg_hostcheck *c = add(r, "sysctl", "kernel.unprivileged_bpf_disabled", false);
	char text[32];

	if (!sg_read_small(path, text, sizeof(text))) {
		set(c, SG_CHECK_OK, "cannot read %s (%s); it does not matter to sysgrep", path,
		    strerror(errno));
		return;
	}
	text[strcspn(text, "\n")] = '\0';
	set(c, SG_CHECK_OK, "%s (%s); it does not matter: tracing programs need CAP_BPF and "
	    "CAP_PERFMON whatever it says (where the kernel also wants CAP_BPF to read a map, "
	    "sysgrep keeps CAP_BPF: --stats says)", text,
	    !strcmp(text, "0") ? "unprivileged BPF allowed" : "unprivileged BPF off");
}

static void check_ringbuf(struct run *r)
{
	struct sg_hostcheck *c = add(r, "map", "BPF_MAP_TYPE_RINGBUF", true);
	long page = sysconf(_SC_PAGESIZE);
	uint32_t size = page > 0 ? (uint32_t)page : 4096;
	int fd, err;

	if (untried(r, c))
		return;
	fd = bpf_map_create(BPF_MAP_TYPE_RINGBUF, "sg_check", 0, 0, size, NULL);
	err = errno;
	if (fd >= 0) {
		close(fd);
		set(c, SG_CHECK_OK, "created a %u-byte ring buffer map", size);
		return;
	}
	if (err == EINVAL || err == EOPNOTSUPP)
		set(c, SG_CHECK_MISSING, "creating a ring buffer map: %s: this kernel has no BPF "
		    "ring buffer (it came in Linux 5.8)", strerror(err));
	else
		set(c, SG_CHECK_MISSING, "creating a ring buffer map: %s (check seccomp, an LSM "
		    "policy, the container's restrictions)", strerror(err));
}

/* r0 = 0; exit: the smallest program the verifier accepts. */
static int load_tiny(enum bpf_attach_type type, int btf_id)
{
	struct bpf_insn insns[2] = {
		{.code = BPF_ALU64 | BPF_MOV | BPF_K, .dst_reg = BPF_REG_0, .imm = 0},
		{.code = BPF_JMP | BPF_EXIT},
	};
	LIBBPF_OPTS(bpf_prog_load_opts, o, .expected_attach_type = type,
		    .attach_btf_id = (uint32_t)btf_id);

	return bpf_prog_load(BPF_PROG_TYPE_TRACING, "sg_check", "GPL", insns, 2, &o);
}

static void check_tracepoint(struct run *r, const char *tp)
{
	struct sg_hostcheck *c = add(r, "tracepoint", tp, true);
	char type[64];
	int id, prog, link;

	snprintf(type, sizeof(type), "btf_trace_%s", tp);
	if (!r->btf) {
		set(c, SG_CHECK_UNKNOWN, "not tried: the kernel's BTF is not readable");
		return;
	}
	id = btf__find_by_name_kind(r->btf, type, BTF_KIND_TYPEDEF);
	if (id <= 0) {
		set(c, SG_CHECK_MISSING, "the kernel's BTF has no %s: this tracepoint is not "
		    "there for tp_btf programs", type);
		return;
	}
	if (untried(r, c))
		return;
	prog = load_tiny(BPF_TRACE_RAW_TP, id);
	if (prog < 0) {
		set(c, SG_CHECK_MISSING, "loading a tp_btf program for %s (BTF id %d): %s", tp, id,
		    strerror(errno));
		return;
	}
	link = bpf_raw_tracepoint_open(NULL, prog);
	if (link < 0)
		set(c, SG_CHECK_MISSING, "a tp_btf program for %s loaded, attaching it: %s", tp,
		    strerror(errno));
	else
		set(c, SG_CHECK_OK, "tp_btf: a test program loaded, attached (BTF id %d) and "
		    "detached", id);
	if (link >= 0)
		close(link);
	close(prog);
}

/* Load, attach and run one BPF iterator to its end. */
static void check_iter(struct run *r, const char *target)
{
	struct sg_hostcheck *c = add(r, "iterator", target, false);
	char fn[64], buf[256];
	int id, prog, link = -1, it = -1;
	ssize_t got = 0;

	snprintf(fn, sizeof(fn), "bpf_iter_%s", target);
	if (!r->btf) {
		set(c, SG_CHECK_UNKNOWN, "not tried: the kernel's BTF is not readable");
		return;
	}
	id = btf__find_by_name_kind(r->btf, fn, BTF_KIND_FUNC);
	if (id <= 0) {
		set(c, SG_CHECK_MISSING, "the kernel's BTF has no %s (not needed: sysgrep seeds its "
		    "state from /proc)", fn);
		return;
	}
	if (untried(r, c))
		return;
	prog = load_tiny(BPF_TRACE_ITER, id);
	if (prog < 0) {
		set(c, SG_CHECK_MISSING, "loading a %s iterator: %s", target, strerror(errno));
		return;
	}
	link = bpf_link_create(prog, 0, BPF_TRACE_ITER, NULL);
	if (link >= 0)
		it = bpf_iter_create(link);
	/* bounded: each read is a batch of tasks, and the program prints nothing */
	for (int i = 0; it >= 0 && i < 100000 && (got = read(it, buf, sizeof(buf))) > 0; i++)
		;
	if (link < 0 || it < 0 || got < 0)
		set(c, SG_CHECK_MISSING, "a %s iterator loaded; %s: %s", target,
		    link < 0 ? "attaching it" : it < 0 ? "creating it" : "reading it",
		    strerror(errno));
	else
		set(c, SG_CHECK_OK, "loaded, attached and run to its end (not needed: sysgrep "
		    "seeds its state from /proc)");
	if (it >= 0)
		close(it);
	if (link >= 0)
		close(link);
	close(prog);
}

/* The real thing last: the whole probe through the verifier and attached. */
static void check_probe(struct run *r, bool so_far)
{
	struct sg_hostcheck *c = add(r, "probe", "sysgrep.bpf.c", true);
	char why[512];
	struct sg_probe *p;

	if (!so_far) {
		set(c, SG_CHECK_UNKNOWN, "not tried: a requirement above is missing");
		return;
	}
	p = sg_probe_open(NULL, why, sizeof(why));
	if (!p) {
		set(c, SG_CHECK_MISSING, "%s", why);
		return;
	}
	sg_probe_close(p);
	set(c, SG_CHECK_OK, "the probe loaded (the verifier accepted it), attached and "
	    "detached");
}

static void check_tracefs(struct run *r)
{
	struct sg_hostcheck *c = add(r, "tracefs", "/sys/kernel/tracing", false);
	struct statfs fs;
	bool mounted = statfs("/sys/kernel/tracing", &fs) == 0 &&
		       (unsigned long)fs.f_type == SG_TRACEFS_MAGIC;

	set(c, SG_CHECK_OK, "not needed (%s here): sysgrep attaches through BTF and never "
	    "reads tracefs; tools that attach through perf tracepoint events (bpftrace "
	    "tracepoint:, perf trace, trace-cmd) need it mounted", mounted ? "mounted" :
	    "not mounted");
}

static bool required_ok(const struct sg_checks *c)
{
	for (unsigned i = 0; i < c->n; i++)
		if (c->c[i].required && c->c[i].status != SG_CHECK_OK)
			return false;
	return true;
}

/* Whether everything loading needs is there: the /proc capabilities are
 * not, so the probe is tried without them too. */
static bool load_ok(const struct run *r)
{
	const struct sg_checks *c = r->out;

	if (r->load_cap >= 0)
		return false;
	for (unsigned i = 0; i < c->n; i++)
		if (c->c[i].required && c->c[i].status != SG_CHECK_OK &&
		    strcmp(c->c[i].check, "capability") != 0)
			return false;
	return true;
}

bool sg_checks_run(struct sg_checks *out)
{
	static const char *const tps[] = {
		"sys_exit", "sched_process_exec", "sched_process_fork", "sched_process_exit",
	};
	struct run r = {.out = out};

	memset(out, 0, sizeof(*out));
	/* the checks' own programs fail by design: no libbpf noise */
	libbpf_set_print(NULL);
	r.eff = sg_caps_effective();
	r.load_cap = sg_caps_missing_load(r.eff);
	check_kernel(&r);
	check_btf(&r);
	check_userns(&r);
	check_caps(&r);
	check_lockdown(&r);
	check_memlock(&r);
	check_unpriv_sysctl(&r);
	check_ringbuf(&r);
	for (size_t i = 0; i < sizeof(tps) / sizeof(tps[0]); i++)
		check_tracepoint(&r, tps[i]);
	check_iter(&r, "task");
	check_iter(&r, "task_file");
	check_probe(&r, load_ok(&r));
	check_tracefs(&r);
	btf__free(r.btf);
	return required_ok(out);
}

const char *sg_check_status_name(enum sg_check_status s)
{
	switch (s) {
	case SG_CHECK_OK: return "ok";
	case SG_CHECK_MISSING: return "missing";
	case SG_CHECK_UNKNOWN: return "unknown";
	}
	return "?";
}
