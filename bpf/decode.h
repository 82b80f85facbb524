/*
 * Record -> struct sg_event.  The decoder trusts nothing in a record: every
 * length is checked against the bytes received, and a malformed record is
 * counted and dropped, never crashes.
 */
#ifndef SG_DECODE_H
#define SG_DECODE_H

#include <stddef.h>
#include <stdint.h>

#include "state/state.h"
#include "event/event.h"

#define SG_DECODE_CPUS 1024

struct sg_decoder {
	struct sg_state *state;
	uint64_t boot_to_epoch_ns; /* CLOCK_REALTIME - CLOCK_BOOTTIME at start */
	uint64_t next_num;         /* evt.num of the next event */
	uint64_t records;          /* records seen */
	uint64_t malformed;        /* records dropped as malformed */
	uint64_t proc_records;     /* exec / fork records: state only, no event */
	/* per CPU of the record's header (the probe's CPU), for --stats;
	 * records too short to name one, or past the table, count in the
	 * last row */
	struct sg_decode_cpu {
		uint64_t records, malformed;
	} cpu[SG_DECODE_CPUS + 1];
	/* a tuple completed from the call's sockaddr: the current event's
	 * "tuple" param may point here (valid until the next decode) */
	struct sg_tuple fixed_tuple;
};

void sg_decoder_init(struct sg_decoder *d, struct sg_state *st);

/*
 * Decode one record.  Returns 1 when *e is an event for the filter (a
 * syscall, or procexit), 0 when the record only updated state (exec, fork),
 * -1 when it was malformed.  e's params point into rec: valid while rec is.
 * For execve/execveat, params whose source is SG_SRC_STATE (exe, args, cwd,
 * env...) are filled from the process table.
 */
int sg_decode(struct sg_decoder *d, const void *rec, size_t len, struct sg_event *e);

#endif /* SG_DECODE_H */
