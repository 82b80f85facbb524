/*
 * A capture file as sysgrep events: the lists seed the (offline) state,
 * and each syscall's enter and exit events become one struct sg_event
 * with the exit's timestamp and the parameters of both, as the live probe
 * sends one event per syscall at its exit.  Process events (clone,
 * execve, procexit) update the state before their event is returned, as
 * the probe's process records do.
 */
#ifndef SG_CAPTURE_DECODE_H
#define SG_CAPTURE_DECODE_H

#include <stdint.h>

#include "capture/source.h"
#include "event/event.h"
#include "state/state.h"

struct sg_capdec;

/* st is made offline and seeded from the file.  NULL when out of memory. */
struct sg_capdec *sg_capdec_new(struct sg_source *src, struct sg_state *st);
void sg_capdec_free(struct sg_capdec *d);

/* 1 with the next event in *e (valid until the next call), 0 at the end
 * of the file, -1 on an error (sg_capdec_error: what and at which offset;
 * the events before it were returned). */
int sg_capdec_next(struct sg_capdec *d, struct sg_event *e);
const char *sg_capdec_error(const struct sg_capdec *d);

struct sg_capdec_stats {
	uint64_t blocks, file_events;  /* event blocks read */
	uint64_t events;          /* sysgrep events returned */
	uint64_t unknown;         /* event codes sysgrep's table does not know */
	uint64_t other;           /* non-syscall events (switch, procinfo...) */
	uint64_t unpaired;        /* exits without their enter (merged from the exit alone) */
	uint64_t threads, fds, users; /* list entries seeded */
	char hostname[129];
};
void sg_capdec_stats(const struct sg_capdec *d, struct sg_capdec_stats *out);

#endif
