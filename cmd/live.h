/* The live capture loop: probe -> decoder/state -> filter -> output. */
#ifndef SG_LIVE_H
#define SG_LIVE_H

#include <stdint.h>

#include "state/state.h"
#include "cmd/options.h"
#include "filter/filter.h"
#include "output/output.h"

struct sg_run_result {
	uint64_t events;   /* events decoded */
	uint64_t matched;  /* events the filter selected */
	uint64_t malformed;
	uint64_t emitted, lost, cut, compat; /* the probe's counters */
	double seconds;
	struct sg_state_stats state_start, state_end; /* table sizes, for --stats */
	int error;         /* exit status 2 wanted */
};

/* Run until -n, -t, a signal, a closed pipe or an error.  Returns the exit
 * status: 0 matched, 1 nothing matched, 2 error (already reported). */
int sg_live_run(const struct sg_opts *o, struct sg_filter *f, struct sg_output *out);

#endif
