/*
 * The live source's loop: probe records -> decoder (+ state) -> the
 * pipeline (filter -> output).  At every stop the probe is detached first
 * and the ring drained, so what was sent is read and accounted for.
 */
#include "cmd/live.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <linux/capability.h>

#include "bpf/caps.h"
#include "bpf/decode.h"
#include "bpf/features.h"
#include "cmd/kcount.h"
#include "cmd/pipeline.h"
#include "cmd/signals.h"
#include "bpf/probe.h"
#include "state/state.h"
#include "event/syscalls.h"

#define SG_POLL_MS 100 /* upper bound on a wait: signals, -t and ticks are checked */
#define SG_KCOUNT_POLL_MS 10 /* -q counted in the kernel: how often the count is read */
/* After the detach, calls already inside the probe may still count: they
 * take microseconds; the final read waits this long for them. */
#define SG_KCOUNT_SETTLE_US 10000

static uint64_t now_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

struct live {
	const struct sg_opts *o;
	struct sg_pipeline pl;
	struct sg_decoder dec;
	struct sg_event ev;
	struct sg_run_result r;
	bool draining; /* the probe is detached: every record left is read */
	uint32_t kf;   /* SG_KF_*: the kernel counts, no record is sent */
	struct sg_kcount *kc;
	struct sg_probe *p;
	struct sg_state *st;
	bool scanning; /* the /proc scan has more to read (a step per drain) */
};

/* Processes the /proc scan reads between two drains: some milliseconds,
 * so the first events are printed long before 10,000 processes are read */
#define SG_SCAN_STEP 64

static int on_record(void *vctx, const void *rec, size_t len)
{
	struct live *l = vctx;
	if (sg_decode(&l->dec, rec, len, &l->ev) <= 0)
		return 0;
	/* after -n the records left are still read, to account for each */
	bool done = sg_pipeline_event(&l->pl, &l->ev);
	return done && !l->draining;
}

/* The syscalls whose events keep process and fd state right are sent even
 * when the filter cannot match them, if anything reads that state. */
static void add_state_syscalls(struct sg_pushdown *pd)
{
	unsigned n = sg_syscall_count();
	for (unsigned nr = 0; nr < n && nr < SG_MAX_SYSCALLS; nr++) {
		pd->sel[nr] |= (uint8_t)sg_state_sel(sg_syscall_by_nr(nr));
	}
}

static bool needs_state(const struct sg_opts *o, const struct sg_pushdown *pd)
{
	if (pd->uses_fd_state || pd->uses_proc_state)
		return true;
	/* a capture lists processes and fds; printed events render them */
	return o->write_file || !(o->quiet || o->count);
}

/* Before the (slow) load: a run that would show wrong fd names is refused
 * with the capability that is missing. */
static bool missing_proc_caps(void)
{
	int cap = sg_caps_missing_proc(sg_caps_effective());

	if (cap < 0)
		return false;
	fprintf(stderr, "sysgrep: missing capability %s, needed %s: run sysgrep as root, or give it "
		"CAP_BPF, CAP_PERFMON, CAP_SYS_PTRACE and CAP_DAC_READ_SEARCH "
		"(sysgrep --check lists what is missing)\n", sg_cap_name(cap), sg_cap_purpose(cap));
	return true;
}

/*
 * Attached and seeded: keep only what reading /proc of new processes needs
 * (nothing when the kernel counts), and CAP_BPF too where the kernel wants
 * it for every map read (tried with the effective set lowered first).
 */
static void drop_privileges(struct live *l, struct sg_probe *p)
{
	uint64_t eff = sg_caps_effective();
	uint64_t keep = sg_caps_runtime(eff, !l->kf);
	char why[256];

	if (sg_caps_set_effective(keep) == 0 && sg_probe_ping(p) != 0) {
		uint64_t bpf = SG_CAP_BIT(CAP_BPF), admin = SG_CAP_BIT(CAP_SYS_ADMIN);

		keep |= eff & bpf ? bpf : eff & admin;
		l->r.kept_bpf = true;
	}
	if (sg_caps_keep_only(keep, why, sizeof(why)))
		fprintf(stderr, "sysgrep: warning: %s: it runs with the capabilities it has\n", why);
	l->r.caps_kept = sg_caps_effective();
	l->r.caps_dropped = eff & ~l->r.caps_kept;
	l->r.no_new_privs = sg_caps_no_new_privs();
}

static struct sg_probe *open_probe(const struct sg_opts *o, struct sg_filter *f,
				   struct sg_pushdown *pd, uint32_t *kf)
{
	char why[512];
	if (sg_probe_check(why, sizeof(why))) {
		fprintf(stderr, "sysgrep: %s\n", why);
		return NULL;
	}
	sg_filter_pushdown(f, pd);
	*kf = sg_kcount_plan(o, pd, why, sizeof(why));
	if (o->verbose)
		fprintf(stderr, "sysgrep: counting %s%s\n", *kf ? "in the kernel" : "in user space: ",
			*kf ? "" : why);
	/* counts made in the kernel need no state at all; any other run
	 * reads /proc, of every user's processes */
	if (!*kf && missing_proc_caps())
		return NULL;
	if (!*kf && needs_state(o, pd))
		add_state_syscalls(pd);
	struct sg_probe_opts po = {
		.kcount = *kf,
		.pd = o->no_pushdown ? NULL : pd, /* NULL: every syscall, no conditions */
		.snaplen = o->snaplen,
		.ringbuf_bytes = o->ringbuf_bytes,
		.verbose = o->verbose,
	};
	struct sg_probe *p = sg_probe_open(&po, why, sizeof(why));
	/* a load a stop signal cut short is the stop, not an error */
	if (!p && !sg_signals_stop())
		fprintf(stderr, "sysgrep: %s\n", why);
	return p;
}

/* Why records were lost, and what helps: said every time it happens. */
static void report_losses(const struct sg_run_result *r)
{
	uint64_t total = r->emitted + r->lost;
	if (r->lost && r->lost_match)
		fprintf(stderr, "sysgrep: %llu events lost in the kernel buffer (%.1f%%), "
			"%llu of them of calls the filter selects: up to that many matches are "
			"missing; try a larger --buffer-size, a narrower filter, or -o csv / -p "
			"(cheaper to print than json)\n",
			(unsigned long long)r->lost, total ? 100.0 * (double)r->lost / (double)total : 0.0,
			(unsigned long long)r->lost_match);
	else if (r->lost)
		fprintf(stderr, "sysgrep: %llu events lost in the kernel buffer (%.1f%%), none of "
			"calls the filter selects: no match is missing, but process and fd names "
			"may be stale; try a larger --buffer-size\n",
			(unsigned long long)r->lost, total ? 100.0 * (double)r->lost / (double)total : 0.0);
	if (r->unread)
		fprintf(stderr, "sysgrep: %llu events sent by the probe were never read "
			"(the ring did not drain within %d ms of the stop)\n",
			(unsigned long long)r->unread, SG_DRAIN_WAIT_MS);
	if (r->cut)
		fprintf(stderr, "sysgrep: %llu events were cut short: their captures did not fit "
			"the probe's scratch area (try a smaller -s)\n", (unsigned long long)r->cut);
	if (r->malformed)
		fprintf(stderr, "sysgrep: %llu malformed records dropped\n",
			(unsigned long long)r->malformed);
	if (r->kfull)
		fprintf(stderr, "sysgrep: %llu events counted in the kernel under no key: its table "
			"holds %u keys (count by fewer fields)\n", (unsigned long long)r->kfull,
			SG_KCOUNT_MAX);
	if (r->compat)
		fprintf(stderr, "sysgrep: %llu 32-bit system calls (int 0x80, ia32) the filter may "
			"select were seen but not decoded: sysgrep decodes 64-bit calls only\n",
			(unsigned long long)r->compat);
}

static void stats_text(const struct sg_run_result *r)
{
	fprintf(stderr,
		"sysgrep: stats: %llu events, %llu matched, %llu sent by the probe, "
		"%llu read, %llu lost, %llu cut, %llu malformed, %llu unread, "
		"%llu skipped after the end (-n, -q, closed output), %llu counted in the kernel, "
		"%.3f s (%.0f events/s)\n",
		(unsigned long long)r->events, (unsigned long long)r->matched,
		(unsigned long long)r->emitted, (unsigned long long)r->read,
		(unsigned long long)r->lost, (unsigned long long)r->cut,
		(unsigned long long)r->malformed, (unsigned long long)r->unread,
		(unsigned long long)r->skipped, (unsigned long long)r->kernel_counted, r->seconds,
		r->seconds > 0 ? (double)r->events / r->seconds : 0.0);
	/* where every record read went, and every match: the drop reasons */
	fprintf(stderr,
		"sysgrep: stats: of the lost, %llu of calls the filter selects; of the read, "
		"%llu process records (state only); of the matched, %llu printed, "
		"%llu skipped by -p for a missing field\n",
		(unsigned long long)r->lost_match, (unsigned long long)r->proc_records,
		(unsigned long long)r->printed, (unsigned long long)r->no_field);
	for (uint32_t i = 0; i < r->ncpu; i++) {
		const struct sg_run_cpu *c = &r->cpu[i];
		if (!c->emitted && !c->lost && !c->cut && !c->read && !c->malformed)
			continue;
		fprintf(stderr, "sysgrep: stats: cpu %u: %llu sent, %llu read, %llu lost "
			"(%llu of calls the filter selects), %llu cut, %llu malformed\n", i,
			(unsigned long long)c->emitted, (unsigned long long)c->read,
			(unsigned long long)c->lost, (unsigned long long)c->lost_match,
			(unsigned long long)c->cut, (unsigned long long)c->malformed);
	}
	/* counting in the kernel reads no state: zeros would look like a
	 * state that lost every process */
	if (r->no_state) {
		fprintf(stderr, "sysgrep: state: not kept (counted in the kernel)\n");
		return;
	}
	/* the tables must not grow with what exited: a fork storm shows here */
	fprintf(stderr,
		"sysgrep: state: %llu processes, %llu fds (at start %llu processes, %llu fds), "
		"%llu processes dropped\n",
		(unsigned long long)r->state_end.procs, (unsigned long long)r->state_end.fds,
		(unsigned long long)r->state_start.procs, (unsigned long long)r->state_start.fds,
		(unsigned long long)r->state_end.procs_dropped);
}

/* What the run kept after attaching and seeding, and why. */
static void stats_privileges(const struct sg_run_result *r)
{
	char kept[512], dropped[1024];

	/* stopped before the probe was attached: nothing was dropped */
	if (!r->caps_kept && !r->caps_dropped && !r->no_new_privs)
		return;
	sg_caps_text(r->caps_kept, kept, sizeof(kept));
	sg_caps_text(r->caps_dropped, dropped, sizeof(dropped));
	fprintf(stderr, "sysgrep: privileges: kept %s (%s); dropped %s; no_new_privs %s\n", kept,
		!r->caps_kept ? "nothing is needed once attached"
		: r->kept_bpf ? "/proc of new processes, and CAP_BPF: this kernel wants it to "
				"read the probe's maps"
			      : "to read /proc of processes and fds that appear while running",
		dropped, r->no_new_privs ? "set" : "not set");
}

#define U(x) ((unsigned long long)(x))

/* ["CAP_A","CAP_B"]: the names are ours, plain ASCII. */
static void caps_json(uint64_t mask)
{
	const char *sep = "";

	fputc('[', stderr);
	for (int c = 0; c < 64; c++) {
		const char *name = sg_cap_name(c);

		if (!(mask & SG_CAP_BIT(c)))
			continue;
		if (name)
			fprintf(stderr, "%s\"%s\"", sep, name);
		else
			fprintf(stderr, "%s\"cap_%d\"", sep, c);
		sep = ",";
	}
	fputc(']', stderr);
}

/* With -o json, --stats is one JSON object on stderr (jq reads it there). */
static void stats_json(const struct sg_run_result *r)
{
	fprintf(stderr,
		"{\"stats\":{\"events\":%llu,\"matched\":%llu,\"printed\":%llu,\"no_field\":%llu,"
		"\"emitted\":%llu,\"read\":%llu,\"lost\":%llu,\"lost_match\":%llu,\"cut\":%llu,"
		"\"malformed\":%llu,\"proc_records\":%llu,\"unread\":%llu,"
		"\"skipped\":%llu,\"compat\":%llu,\"kernel_counted\":%llu,\"kernel_unkeyed\":%llu,"
		"\"seconds\":%.3f,\"cpus\":[",
		U(r->events), U(r->matched), U(r->printed), U(r->no_field), U(r->emitted),
		U(r->read), U(r->lost), U(r->lost_match), U(r->cut), U(r->malformed),
		U(r->proc_records), U(r->unread), U(r->skipped), U(r->compat), U(r->kernel_counted),
		U(r->kfull), r->seconds);
	for (uint32_t i = 0; i < r->ncpu; i++) {
		const struct sg_run_cpu *c = &r->cpu[i];
		fprintf(stderr, "%s{\"cpu\":%u,\"emitted\":%llu,\"read\":%llu,\"lost\":%llu,"
			"\"lost_match\":%llu,\"cut\":%llu,\"malformed\":%llu}", i ? "," : "", i,
			U(c->emitted), U(c->read), U(c->lost), U(c->lost_match), U(c->cut),
			U(c->malformed));
	}
	if (r->no_state)
		fprintf(stderr, "],\"state\":null");
	else
		fprintf(stderr, "],\"state\":{\"procs\":%llu,\"fds\":%llu,\"procs_start\":%llu,"
			"\"fds_start\":%llu,\"procs_dropped\":%llu}",
			U(r->state_end.procs), U(r->state_end.fds), U(r->state_start.procs),
			U(r->state_start.fds), U(r->state_end.procs_dropped));
	fprintf(stderr, ",\"privileges\":{\"kept\":");
	caps_json(r->caps_kept);
	fprintf(stderr, ",\"dropped\":");
	caps_json(r->caps_dropped);
	fprintf(stderr, ",\"no_new_privs\":%s}}}\n", r->no_new_privs ? "true" : "false");
}

static void report(const struct sg_opts *o, const struct sg_run_result *r)
{
	report_losses(r);
	if (!o->stats)
		return;
	if (o->fmt == SG_OUT_JSON) {
		stats_json(r);
		return;
	}
	stats_text(r);
	stats_privileges(r);
}

/* Wait at most until the next deadline (timeout, interval tick). */
static int poll_timeout(uint64_t now, uint64_t deadline, uint64_t tick)
{
	uint64_t wait = SG_POLL_MS * 1000000ull;
	if (deadline && deadline - now < wait)
		wait = deadline - now;
	if (tick && tick - now < wait)
		wait = tick - now;
	return (int)(wait / 1000000ull);
}

/* Counts made in the kernel since the last read, into the output. */
static void kcount_collect(struct live *l)
{
	int64_t n = sg_kcount_collect(l->kc, l->p, l->pl.out);

	if (n < 0) {
		fprintf(stderr, "sysgrep: reading the kernel's counts: %s\n", strerror(errno));
		l->pl.error = true;
		l->pl.done = true;
		return;
	}
	l->pl.events += (uint64_t)n;
	l->pl.matched += (uint64_t)n;
	/* -q: the first match settles it */
	if (l->o->max_events && sg_output_shown(l->pl.out) >= l->o->max_events)
		l->pl.done = true;
}

static void loop(struct live *l, struct sg_probe *p)
{
	const struct sg_opts *o = l->o;
	uint64_t start = now_ns();
	uint64_t deadline = o->timeout_ns ? start + o->timeout_ns : 0;
	uint64_t tick = o->interval_ns ? start + o->interval_ns : 0;

	while (!l->pl.done && !sg_signals_stop()) {
		uint64_t now = now_ns();
		if (deadline && now >= deadline)
			break;
		if (tick && now >= tick) {
			if (l->kf)
				kcount_collect(l);
			sg_pipeline_tick(&l->pl);
			tick += o->interval_ns;
			continue;
		}
		int wait = poll_timeout(now, deadline, tick);
		if (l->scanning) {
			l->scanning = sg_state_scan_step(l->st, SG_SCAN_STEP);
			if (!l->scanning)
				sg_state_stats(l->st, &l->r.state_start);
			wait = 0; /* back to the scan once the ring is drained */
		}
		/* -q counted in the kernel: look at the count often */
		if (l->kf && o->max_events) {
			kcount_collect(l);
			if (l->pl.done)
				break;
			wait = wait < SG_KCOUNT_POLL_MS ? wait : SG_KCOUNT_POLL_MS;
		}
		int n = sg_probe_poll(p, wait, on_record, l);
		/* the drain's events leave before the next wait */
		sg_pipeline_flush(&l->pl);
		if (n < 0 && n != -EINTR) {
			fprintf(stderr, "sysgrep: reading the ring buffer: %s\n", strerror(-n));
			l->pl.error = true;
			break;
		}
	}
	l->r.seconds = (double)(now_ns() - start) / 1e9;
}

/* Every stop ends the same way: nothing new is produced, everything
 * already in the ring is read (printed, counted, or skipped after -n),
 * and only then are the totals taken. */
static void finish(struct live *l, struct sg_probe *p)
{
	struct sg_probe_counters c;

	sg_probe_stop(p);
	if (l->kf) {
		usleep(SG_KCOUNT_SETTLE_US);
		if (!l->pl.error)
			kcount_collect(l);
	}
	l->draining = true;
	uint64_t sent = sg_probe_drain(p, on_record, l);
	sg_pipeline_flush(&l->pl);
	l->r.read = sg_probe_delivered(p);
	l->r.unread = sent > l->r.read ? sent - l->r.read : 0;

	sg_probe_counters(p, &c);
	l->r.emitted = c.emitted;
	l->r.lost = c.lost;
	l->r.lost_match = c.lost_match;
	l->r.cut = c.cut;
	l->r.compat = c.compat;
	l->r.kfull = c.kfull;
	l->r.kernel_counted = l->kf ? l->pl.matched : 0;
	l->r.malformed = l->dec.malformed;
	l->r.proc_records = l->dec.proc_records;
	l->r.ncpu = c.ncpu;
	l->r.cpu = calloc(c.ncpu ? c.ncpu : 1, sizeof(*l->r.cpu));
	for (uint32_t i = 0; l->r.cpu && i < c.ncpu; i++) {
		struct sg_run_cpu *rc = &l->r.cpu[i];
		rc->emitted = c.cpu[i].emitted;
		rc->lost = c.cpu[i].lost;
		rc->lost_match = c.cpu[i].lost_match;
		rc->cut = c.cpu[i].cut;
		if (i < SG_DECODE_CPUS) {
			rc->read = l->dec.cpu[i].records;
			rc->malformed = l->dec.cpu[i].malformed;
		}
	}
	if (!l->r.cpu)
		l->r.ncpu = 0;
	sg_probe_counters_free(&c);
}

int sg_live_run(const struct sg_opts *o, struct sg_filter *f, struct sg_output *out)
{
	struct sg_pushdown pd;
	memset(&pd, 0, sizeof(pd));
	struct live l = {.o = o};

	struct sg_state *st = sg_state_new();
	if (!st) {
		fprintf(stderr, "sysgrep: out of memory\n");
		return 2;
	}
	sg_pipeline_init(&l.pl, o, f, out, st);
	/* the file first: an existing one is refused before the probe loads */
	if (o->write_file && !sg_pipeline_open_writer(&l.pl, NULL)) {
		sg_pipeline_free(&l.pl);
		sg_state_free(st);
		return 2;
	}
	/* a stop during start-up: nothing is loaded, the totals (none) said */
	struct sg_probe *p = sg_signals_stop() ? NULL : open_probe(o, f, &pd, &l.kf);
	if (!p && !sg_signals_stop()) {
		sg_pipeline_free(&l.pl);
		sg_state_free(st);
		return 2;
	}
	l.p = p;
	if (p && l.kf && !(l.kc = sg_kcount_new(l.kf, st))) {
		fprintf(stderr, "sysgrep: out of memory\n");
		sg_probe_close(p);
		sg_pipeline_free(&l.pl);
		sg_state_free(st);
		return 2;
	}
	/* after attaching, so nothing that starts in between is missed, and in
	 * steps between drains (loop()), so events are printed meanwhile: a
	 * process an event names first is read from /proc then.  Counting in
	 * the kernel reads no state. */
	l.st = st;
	l.scanning = p && !l.kf && sg_state_scan_begin(st) == 0;
	/* the /proc capabilities it keeps are the ones the rest of the scan needs */
	if (p)
		drop_privileges(&l, p);
	l.r.no_state = l.kf != 0;
	sg_state_stats(st, &l.r.state_start);
	sg_decoder_init(&l.dec, st);

	if (p) {
		loop(&l, p);
		finish(&l, p);
		sg_probe_close(p);
	}
	/* stopped before the scan was done: the start is what it had read */
	if (l.scanning)
		sg_state_stats(st, &l.r.state_start);

	int rc = sg_pipeline_end(&l.pl);
	l.r.events = l.pl.events;
	l.r.matched = l.pl.matched;
	l.r.printed = sg_output_shown(out);
	l.r.no_field = l.pl.no_field;
	l.r.skipped = l.pl.skipped;
	sg_state_stats(st, &l.r.state_end);
	report(o, &l.r);
	if (o->stats)
		sg_pipeline_write_stats(&l.pl, o->fmt == SG_OUT_JSON);
	free(l.r.cpu);
	sg_kcount_free(l.kc);
	sg_pipeline_free(&l.pl);
	sg_state_free(st);
	return rc;
}
