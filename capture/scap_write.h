/*
 * The .scap writer: the inverse of scap_read.c and decode.c.  A file
 * starts with the section header, machine info, user, process and fd lists
 * of the state sysgrep holds when the first event is written; then each
 * sysgrep event (one merged syscall) becomes the libs enter and exit event
 * pair, its values in libs' encodings, in block and event versions that
 * Debian's sysdig 0.29.3 and current libs both read.  Optional gzip and
 * rotation by size (-C), time (-G) and file count (-W).  Every block is
 * written whole, so a file stopped at any event boundary is a valid
 * capture.
 */
#ifndef SG_CAPTURE_SCAP_WRITE_H
#define SG_CAPTURE_SCAP_WRITE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "event/event.h"
#include "state/state.h"

struct sg_scap_wopts {
	const char *path;      /* "-": stdout */
	bool compress;         /* gzip (zlib) */
	bool force;            /* replace existing files */
	uint64_t rotate_bytes; /* -C: a new file once this many bytes are written; 0: never */
	uint64_t rotate_ns;    /* -G: a new file this long (event time) after the last; 0 */
	uint64_t rotate_files; /* -W: keep the last N files (names cycle); 0: no limit */
	const char *hostname;  /* machine info; NULL: this host's */
};

struct sg_scap_writer;

/* Creates the (first) file now, so that an existing file or a bad
 * directory is an error before anything runs.  NULL with the reason. */
struct sg_scap_writer *sg_scap_writer_open(const struct sg_scap_wopts *o, struct sg_state *st,
					   char *err, size_t errlen);

/* One event (its state already applied by sg_state_before).  -1 once a
 * write failed: sg_scap_writer_error says what; nothing more is written. */
int sg_scap_writer_event(struct sg_scap_writer *w, const struct sg_event *e);
/* What is buffered goes to the file (end of a drain). */
int sg_scap_writer_flush(struct sg_scap_writer *w);
/* Finishes the file (the lists if no event came, the gzip trailer) and
 * closes it; -1 when that failed (sg_scap_writer_error). */
int sg_scap_writer_close(struct sg_scap_writer *w);
void sg_scap_writer_free(struct sg_scap_writer *w);
/* The machine info's hostname, until the lists are written. */
void sg_scap_writer_set_hostname(struct sg_scap_writer *w, const char *name);
const char *sg_scap_writer_error(const struct sg_scap_writer *w);

struct sg_scap_wstats {
	uint64_t events;   /* sysgrep events written */
	uint64_t blocks;   /* event blocks (enter + exit) */
	uint64_t generic;  /* written as libs' generic event (no dedicated one) */
	uint64_t files;    /* files opened (rotation) */
	uint64_t bytes;    /* bytes written to files (after compression) */
};
void sg_scap_writer_stats(const struct sg_scap_writer *w, struct sg_scap_wstats *out);

#endif
