/* The live capture loop: probe -> decoder/state -> filter -> output. */
#ifndef SG_LIVE_H
#define SG_LIVE_H

#include <stdint.h>

#include "state/state.h"
#include "cmd/options.h"
#include "filter/filter.h"
#include "output/output.h"

struct sg_run_cpu {
	uint64_t emitted, read, lost, lost_match, cut, malformed;
};

struct sg_run_result {
	uint64_t events;   /* events that reached the filter */
	uint64_t matched;  /* events the filter selected */
	uint64_t printed;  /* of those, printed (or counted: -c, --count-by, -q) */
	uint64_t no_field; /* of those, skipped by -p for a missing field */
	uint64_t proc_records; /* exec / fork records read: state only, no event */
	uint64_t skipped;  /* events read after -n / -q / a closed output: not printed */
	uint64_t read;     /* records read from the ring */
	uint64_t unread;   /* records sent but not read by the end of the drain */
	uint64_t malformed;
	uint64_t emitted, lost, lost_match, cut, compat; /* the probe's counters */
	uint64_t kernel_counted; /* events counted in the kernel (no record sent) */
	uint64_t kfull;          /* of those, counted under no key (table full) */
	uint32_t ncpu;
	struct sg_run_cpu *cpu; /* per CPU, ncpu rows */
	double seconds;
	struct sg_state_stats state_start, state_end; /* table sizes, for --stats */
	bool no_state;     /* counted in the kernel: no state was kept at all */
	uint64_t caps_kept;    /* capabilities still effective after the drop */
	uint64_t caps_dropped; /* those given up once attached and seeded */
	bool kept_bpf;         /* CAP_BPF kept: this kernel wants it for map reads */
	bool no_new_privs;
};

/* Run until -n, -t, a signal, a closed pipe or an error.  Returns the exit
 * status: 0 matched, 1 nothing matched, 2 error (already reported). */
int sg_live_run(const struct sg_opts *o, struct sg_filter *f, struct sg_output *out);

#endif
