/*
 * Output formats, peers behind one interface: text (sysdig line), -p
 * format strings, JSON Lines, CSV, and the counting outputs (-c, --count-by).
 * Every event is rendered whole into memory and written whole (one write per
 * event, or per batch of events), so lines are never torn or interleaved.
 */
#ifndef SG_OUTPUT_H
#define SG_OUTPUT_H

#include <stdbool.h>
#include <stdio.h>

#include "event/diag.h"
#include "event/event.h"
#include "event/fields.h"

enum sg_outfmt { SG_OUT_TEXT, SG_OUT_JSON, SG_OUT_CSV };

struct sg_output_opts {
	enum sg_outfmt fmt;
	const char *format;      /* -p FORMAT or NULL */
	const char *count_by;    /* --count-by FIELD[,FIELD] or NULL */
	bool count;              /* -c */
	bool quiet;              /* -q */
	bool color;              /* resolved by cmd/: tty && !NO_COLOR && --color */
	bool header;             /* CSV header row (default true) */
	bool buffered;           /* --buffered: block buffering */
	bool interval;           /* --interval: each table row carries its interval's end */
	int fd;                  /* where to write (1) */
};

struct sg_output;

struct sg_output *sg_output_new(const struct sg_output_opts *o, struct sg_diag *d);

/* Write one matching event.  0 = ok; -1 = write error (errno set: EPIPE
 * means the reader went away, anything else is an error to report). */
int sg_output_event(struct sg_output *out, struct sg_event *e, struct sg_arena *a);

/* n matching events like e at once, for the counting outputs (-c, -q,
 * --count-by) fed by counts made elsewhere (the kernel): the same as n
 * calls of sg_output_event.  -1 with EINVAL for a printing output. */
int sg_output_count(struct sg_output *out, struct sg_event *e, struct sg_arena *a, uint64_t n);

/* The events that count as found, for the exit status and -n: those
 * printed (a -p format skips events that lack a field, as sysdig does),
 * or with -c, --count-by and -q every event handed over. */
uint64_t sg_output_shown(const struct sg_output *out);

/* Batch the writes: from now on events are written when the caller calls
 * sg_output_flush (or when 64 KiB are pending), not one by one.  The caller
 * must flush before it waits for more events, so output stays live. */
void sg_output_batch(struct sg_output *out);

/* Write the events rendered so far (the end of a batch, e.g. of one
 * ring-buffer drain); with --buffered, nothing (blocks of 64 KiB).  Same
 * return as sg_output_event. */
int sg_output_flush(struct sg_output *out);

/* Periodic flush point (--interval for --count-by); may print a table. */
int sg_output_tick(struct sg_output *out);

/* The time that ends the interval being counted, in ns since the epoch,
 * for a source whose clock is not this host's (a capture file: its events'
 * time); 0, the default, takes the wall clock at each table. */
void sg_output_clock(struct sg_output *out, uint64_t ns);

/* End of stream: counts, tables, final flush.  Same return as above. */
int sg_output_end(struct sg_output *out);

void sg_output_free(struct sg_output *out);

#endif /* SG_OUTPUT_H */
