/*
 * One event through state, filter and output, the same for every source
 * (the live probe, a capture file).  Order of work per event matters:
 * sg_state_before makes what the event creates visible to the filter (the
 * fd an open returns), sg_state_after removes what it destroys only once it
 * has been printed (the name of the fd a close closes).
 */
#ifndef SG_PIPELINE_H
#define SG_PIPELINE_H

#include <stdbool.h>
#include <stdint.h>

#include "capture/scap_write.h"
#include "cmd/options.h"
#include "event/fields.h"
#include "filter/filter.h"
#include "output/output.h"
#include "state/state.h"

struct sg_pipeline {
	const struct sg_opts *o;
	struct sg_filter *f;
	struct sg_output *out;
	struct sg_state *state;
	struct sg_arena arena;
	struct sg_scap_writer *w; /* -w: the capture the selected events go to */
	uint64_t written;  /* events recorded with -w */
	uint64_t events;   /* events that reached the filter */
	uint64_t matched;  /* events the filter selected */
	uint64_t no_field; /* of those, skipped by a -p format for a missing field */
	uint64_t skipped;  /* events read after the run was done (-n, -q, closed output) */
	bool done;         /* -n reached or the output is gone: nothing more is printed */
	bool out_dead;     /* a write failed: nothing more is written at all */
	bool error;        /* exit status 2 wanted (already reported) */
};

int sg_pipeline_init(struct sg_pipeline *pl, const struct sg_opts *o, struct sg_filter *f,
		     struct sg_output *out, struct sg_state *st);
void sg_pipeline_free(struct sg_pipeline *pl);

/* -w: creates the capture now (an existing file is an error before the
 * run starts); its lists are the state's at the first event.  hostname:
 * the machine info's, NULL for this host's.  False after saying why. */
bool sg_pipeline_open_writer(struct sg_pipeline *pl, const char *hostname);

/* One decoded event.  Returns true once the run is done (-n reached, the
 * output failed); later events are only counted as skipped. */
bool sg_pipeline_event(struct sg_pipeline *pl, struct sg_event *e);

/* The events of a drain leave now; an --interval table when it is due.
 * False when the output failed (the run is then done). */
bool sg_pipeline_flush(struct sg_pipeline *pl);
bool sg_pipeline_tick(struct sg_pipeline *pl);

/* End of the run: totals (-c, --count-by) and the last flush.  Returns the
 * exit status: 2 after an error, 0 when something was printed, else 1. */
int sg_pipeline_end(struct sg_pipeline *pl);

/* --stats: what -w wrote (nothing without -w); after sg_pipeline_end. */
void sg_pipeline_write_stats(const struct sg_pipeline *pl, bool json);

#endif /* SG_PIPELINE_H */
