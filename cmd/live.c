/*
 * The live loop.  Data flows one way: probe records -> decoder (+ state)
 * -> filter -> output.  Order of work per event matters: state_before makes
 * what the event creates visible to the filter (the fd an open returns),
 * state_after removes what it destroys only once it has been printed (the
 * name of the fd a close closes).
 */
#include "cmd/live.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "bpf/decode.h"
#include "bpf/probe.h"
#include "state/state.h"
#include "event/syscalls.h"

#define SG_ARENA_SIZE (1u << 20)
#define SG_POLL_MS 100 /* upper bound on a wait: signals, -t and ticks are checked */

static volatile sig_atomic_t stop_signal;

static void on_signal(int sig)
{
	stop_signal = sig;
}

static void setup_signals(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal; /* no SA_RESTART: poll returns EINTR */
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	/* a closed pipe is an EPIPE from write, handled quietly */
	signal(SIGPIPE, SIG_IGN);
}

static uint64_t now_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

struct live {
	const struct sg_opts *o;
	struct sg_filter *f;
	struct sg_output *out;
	struct sg_state *state;
	struct sg_decoder dec;
	struct sg_arena arena;
	struct sg_event ev;
	struct sg_run_result r;
	bool stop;
	bool out_dead; /* a write failed: nothing more is written */
};

/* A write failed (errno set): a reader that went away ends the run
 * quietly, anything else is an error. */
static void output_failed(struct live *l)
{
	l->out_dead = true;
	if (errno != EPIPE) {
		fprintf(stderr, "sysgrep: cannot write the output: %s\n", strerror(errno));
		l->r.error = 1;
	}
	l->stop = true;
}

static int on_record(void *vctx, const void *rec, size_t len)
{
	struct live *l = vctx;
	if (l->stop)
		return 1;
	if (sg_decode(&l->dec, rec, len, &l->ev) <= 0)
		return 0;

	struct sg_event *e = &l->ev;
	l->r.events++;
	sg_arena_reset(&l->arena);
	sg_state_before(l->state, e);
	if (sg_filter_match(l->f, e, &l->arena)) {
		l->r.matched++;
		if (sg_output_event(l->out, e, &l->arena) < 0)
			output_failed(l);
		/* -n counts what was printed, as the exit status does */
		if (l->o->max_events && sg_output_shown(l->out) >= l->o->max_events)
			l->stop = true;
	}
	sg_state_after(l->state, e);
	return l->stop;
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
	/* printed events render fd names and process data */
	return !(o->quiet || o->count);
}

static struct sg_probe *open_probe(const struct sg_opts *o, struct sg_filter *f,
				   struct sg_pushdown *pd)
{
	char why[512];
	if (sg_probe_check(why, sizeof(why))) {
		fprintf(stderr, "sysgrep: %s\n", why);
		return NULL;
	}
	sg_filter_pushdown(f, pd);
	if (needs_state(o, pd))
		add_state_syscalls(pd);
	struct sg_probe_opts po = {
		.pd = o->no_pushdown ? NULL : pd, /* NULL: every syscall, no conditions */
		.snaplen = o->snaplen,
		.ringbuf_bytes = o->ringbuf_bytes,
		.verbose = o->verbose,
	};
	struct sg_probe *p = sg_probe_open(&po, why, sizeof(why));
	if (!p)
		fprintf(stderr, "sysgrep: %s\n", why);
	return p;
}

static void report(const struct sg_opts *o, const struct sg_run_result *r)
{
	uint64_t total = r->emitted + r->lost;
	if (r->lost)
		fprintf(stderr, "sysgrep: %llu events lost in the kernel buffer (%.1f%%)\n",
			(unsigned long long)r->lost, total ? 100.0 * (double)r->lost / (double)total : 0.0);
	if (r->malformed)
		fprintf(stderr, "sysgrep: %llu malformed records dropped\n",
			(unsigned long long)r->malformed);
	if (r->compat)
		fprintf(stderr, "sysgrep: %llu 32-bit system calls (int 0x80, ia32) the filter may "
			"select were seen but not decoded: sysgrep decodes 64-bit calls only\n",
			(unsigned long long)r->compat);
	if (!o->stats)
		return;
	fprintf(stderr,
		"sysgrep: stats: %llu events, %llu matched, %llu sent by the probe, "
		"%llu lost, %llu cut, %llu malformed, %.3f s (%.0f events/s)\n",
		(unsigned long long)r->events, (unsigned long long)r->matched,
		(unsigned long long)r->emitted, (unsigned long long)r->lost,
		(unsigned long long)r->cut, (unsigned long long)r->malformed, r->seconds,
		r->seconds > 0 ? (double)r->events / r->seconds : 0.0);
	/* the tables must not grow with what exited: a fork storm shows here */
	fprintf(stderr,
		"sysgrep: state: %llu processes, %llu fds (at start %llu processes, %llu fds), "
		"%llu processes dropped\n",
		(unsigned long long)r->state_end.procs, (unsigned long long)r->state_end.fds,
		(unsigned long long)r->state_start.procs, (unsigned long long)r->state_start.fds,
		(unsigned long long)r->state_end.procs_dropped);
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

static void loop(struct live *l, struct sg_probe *p)
{
	const struct sg_opts *o = l->o;
	uint64_t start = now_ns();
	uint64_t deadline = o->timeout_ns ? start + o->timeout_ns : 0;
	uint64_t tick = o->interval_ns ? start + o->interval_ns : 0;

	/* one write per drain instead of one per event: flushed below */
	sg_output_batch(l->out);

	while (!l->stop && !stop_signal) {
		uint64_t now = now_ns();
		if (deadline && now >= deadline)
			break;
		if (tick && now >= tick) {
			/* a table that cannot be written ends the run now,
			 * as an event that cannot be written does */
			if (sg_output_tick(l->out) < 0)
				output_failed(l);
			tick += o->interval_ns;
			continue;
		}
		int n = sg_probe_poll(p, poll_timeout(now, deadline, tick), on_record, l);
		/* the drain's events leave before the next wait */
		if (!l->out_dead && sg_output_flush(l->out) < 0)
			output_failed(l);
		if (n < 0 && n != -EINTR) {
			fprintf(stderr, "sysgrep: reading the ring buffer: %s\n", strerror(-n));
			l->r.error = 1;
			break;
		}
	}
	l->r.seconds = (double)(now_ns() - start) / 1e9;
}

int sg_live_run(const struct sg_opts *o, struct sg_filter *f, struct sg_output *out)
{
	struct sg_pushdown pd;
	memset(&pd, 0, sizeof(pd));
	struct live l = {.o = o, .f = f, .out = out};

	setup_signals();
	l.state = sg_state_new();
	if (!l.state) {
		fprintf(stderr, "sysgrep: out of memory\n");
		return 2;
	}
	struct sg_probe *p = open_probe(o, f, &pd);
	if (!p) {
		sg_state_free(l.state);
		return 2;
	}
	/* after attaching, so nothing that starts in between is missed; the
	 * records that queue meanwhile are applied on top of the scan */
	sg_state_scan_proc(l.state);
	sg_state_stats(l.state, &l.r.state_start);
	sg_decoder_init(&l.dec, l.state);
	sg_arena_init(&l.arena, SG_ARENA_SIZE);

	loop(&l, p);

	struct sg_probe_counters c;
	sg_probe_counters(p, &c);
	sg_probe_close(p);
	l.r.emitted = c.emitted;
	l.r.lost = c.lost;
	l.r.cut = c.cut;
	l.r.compat = c.compat;
	l.r.malformed = l.dec.malformed;

	if (!l.out_dead && sg_output_end(out) < 0)
		output_failed(&l);
	sg_state_stats(l.state, &l.r.state_end);
	report(o, &l.r);
	sg_arena_free(&l.arena);
	sg_state_free(l.state);
	if (l.r.error)
		return 2;
	/* matched but all skipped by -p (a missing field) is not found */
	return sg_output_shown(out) ? 0 : 1;
}
