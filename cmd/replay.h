/* The file source's loop: capture (-r) -> decoder/state -> the pipeline. */
#ifndef SG_REPLAY_H
#define SG_REPLAY_H

#include "cmd/options.h"
#include "filter/filter.h"
#include "output/output.h"

/* Read o->read_file to its end (or -n).  Returns the exit status: 0
 * matched, 1 nothing matched, 2 error (reported: a truncated or corrupt
 * file after the events before the damage were printed). */
int sg_replay_run(const struct sg_opts *o, struct sg_filter *f, struct sg_output *out);

#endif
