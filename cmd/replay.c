/*
 * sysgrep -r: events from a capture file through the same pipeline as the
 * live probe's.  No root, no BPF, nothing of this host: the state is the
 * file's own.
 */
#include "cmd/replay.h"

#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "bpf/caps.h"
#include "capture/decode.h"
#include "capture/source.h"
#include "cmd/pipeline.h"
#include "cmd/signals.h"
#include "state/state.h"

/* Events between two flushes of the output batch. */
#define SG_REPLAY_BATCH 1024

static const char *shown_name(const char *path)
{
	return strcmp(path, "-") ? path : "<stdin>";
}

static void stats(const struct sg_opts *o, const struct sg_pipeline *pl, struct sg_capdec *d)
{
	unsigned long long printed = sg_output_shown(pl->out);

	struct sg_capdec_stats s;
	sg_capdec_stats(d, &s);
	if (o->fmt == SG_OUT_JSON) {
		fprintf(stderr, "{\"stats\":{\"events\":%llu,\"matched\":%llu,\"printed\":%llu,"
			"\"no_field\":%llu,\"skipped\":%llu,\"blocks\":%llu,\"file_events\":%llu,\"unknown\":%llu,\"other\":%llu,"
			"\"unpaired\":%llu,\"threads\":%llu,\"fds\":%llu,\"users\":%llu}}\n",
			(unsigned long long)pl->events, (unsigned long long)pl->matched, printed,
			(unsigned long long)pl->no_field,
			(unsigned long long)pl->skipped, (unsigned long long)s.blocks,
			(unsigned long long)s.file_events, (unsigned long long)s.unknown,
			(unsigned long long)s.other, (unsigned long long)s.unpaired,
			(unsigned long long)s.threads, (unsigned long long)s.fds,
			(unsigned long long)s.users);
		return;
	}
	fprintf(stderr, "sysgrep: stats: %llu events, %llu matched (%llu printed, %llu skipped by -p "
		"for a missing field), %llu skipped after the end; "
		"file: %llu blocks, %llu event blocks (%llu of codes sysgrep does not know, "
		"%llu not system calls: switch, procinfo...), %llu exits without their enter; "
		"lists: %llu threads, %llu fds, %llu users and groups\n",
		(unsigned long long)pl->events, (unsigned long long)pl->matched, printed,
		(unsigned long long)pl->no_field,
		(unsigned long long)pl->skipped, (unsigned long long)s.blocks,
		(unsigned long long)s.file_events, (unsigned long long)s.unknown,
		(unsigned long long)s.other, (unsigned long long)s.unpaired,
		(unsigned long long)s.threads, (unsigned long long)s.fds,
		(unsigned long long)s.users);
}

/*
 * -t and --interval with -r run on the capture's clock, from its first
 * event: `-t 10s` reads the first ten seconds of the recording, and each
 * --interval table covers that much recorded time, ending at its boundary,
 * however fast the file is read.  Events of one capture are not strictly
 * in time order across CPUs; an event is counted in the interval that is
 * open when it is read, as live counts it when it is drained.
 */
struct clock {
	uint64_t first;    /* the first event's time; 0 before it */
	uint64_t deadline; /* -t: events from here on are not read */
	uint64_t tick;     /* --interval: the next boundary */
	uint64_t last;     /* the latest event time read */
};

/* False when the event is past -t: the run ends before it. */
static bool clock_event(struct clock *c, const struct sg_opts *o, struct sg_pipeline *pl,
			uint64_t ts)
{
	if (!c->first) {
		c->first = ts ? ts : 1;
		c->deadline = o->timeout_ns ? c->first + o->timeout_ns : 0;
		c->tick = o->interval_ns ? c->first + o->interval_ns : 0;
	}
	if (c->deadline && ts >= c->deadline)
		return false;
	while (c->tick && ts >= c->tick) {
		/* an interval without events still prints its row, as live */
		sg_output_clock(pl->out, c->tick);
		if (!sg_pipeline_tick(pl))
			return false;
		sg_pipeline_flush(pl);
		c->tick += o->interval_ns;
	}
	if (ts > c->last)
		c->last = ts;
	return true;
}

int sg_replay_run(const struct sg_opts *o, struct sg_filter *f, struct sg_output *out)
{
	char err[256];
	const char *name = shown_name(o->read_file);

	struct sg_source *src = sg_source_open(o->read_file, err, sizeof(err));
	if (!src) {
		fprintf(stderr, "sysgrep: %s: cannot open: %s\n", name, err);
		return 2;
	}
	/* the file is open: nothing after needs a privilege, so none is kept
	 * while its (untrusted) bytes are parsed */
	if (sg_caps_keep_only(0, err, sizeof(err)))
		fprintf(stderr, "sysgrep: warning: %s: it reads the file with the capabilities "
			"it has\n", err);
	struct sg_state *st = sg_state_new();
	struct sg_capdec *d = st ? sg_capdec_new(src, st) : NULL;
	if (!d) {
		fprintf(stderr, "sysgrep: out of memory\n");
		sg_state_free(st);
		sg_source_close(src);
		return 2;
	}
	struct sg_pipeline pl;
	sg_pipeline_init(&pl, o, f, out, st);
	if (o->write_file && !sg_pipeline_open_writer(&pl, NULL)) {
		sg_pipeline_free(&pl);
		sg_capdec_free(d);
		sg_state_free(st);
		sg_source_close(src);
		return 2;
	}
	struct sg_event ev;
	int rc;
	unsigned n = 0;
	struct clock clk = {0};
	while (!sg_signals_stop() && (rc = sg_capdec_next(d, &ev)) > 0) {
		if ((o->timeout_ns || o->interval_ns) && !clock_event(&clk, o, &pl, ev.ts))
			break;
		/* the file's machine is the one the capture describes */
		if (!n && pl.w) {
			struct sg_capdec_stats cs;
			sg_capdec_stats(d, &cs);
			sg_scap_writer_set_hostname(pl.w, cs.hostname);
		}
		if (sg_pipeline_event(&pl, &ev))
			break;
		if (++n % SG_REPLAY_BATCH == 0)
			sg_pipeline_flush(&pl);
	}
	if (!n && pl.w) {
		struct sg_capdec_stats cs;
		sg_capdec_stats(d, &cs);
		sg_scap_writer_set_hostname(pl.w, cs.hostname);
	}
	sg_pipeline_flush(&pl);
	if (!pl.done && !sg_signals_stop() && sg_capdec_error(d)) {
		/* after the events before the damage, which are printed */
		fflush(stdout);
		fprintf(stderr, "sysgrep: %s: %s\n", name, sg_capdec_error(d));
		pl.error = true;
	}
	/* the last, partial interval ends at the last event read (live: at the stop) */
	if (o->interval_ns && clk.last)
		sg_output_clock(out, clk.last);
	int status = sg_pipeline_end(&pl);
	if (o->stats) {
		stats(o, &pl, d);
		sg_pipeline_write_stats(&pl, o->fmt == SG_OUT_JSON);
	}
	sg_pipeline_free(&pl);
	sg_capdec_free(d);
	sg_state_free(st);
	sg_source_close(src);
	return status;
}
