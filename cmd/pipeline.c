/*
 * The per-event path shared by every source: state, filter, output, and
 * what a failed write or a reached -n means for the rest of the run.
 */
#include "cmd/pipeline.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#define SG_ARENA_SIZE (1u << 20)

int sg_pipeline_init(struct sg_pipeline *pl, const struct sg_opts *o, struct sg_filter *f,
		     struct sg_output *out, struct sg_state *st)
{
	memset(pl, 0, sizeof(*pl));
	pl->o = o;
	pl->f = f;
	pl->out = out;
	pl->state = st;
	if (o->nctr_sockets)
		sg_state_set_engines(st, o->ctr_sockets, o->nctr_sockets);
	sg_arena_init(&pl->arena, SG_ARENA_SIZE);
	/* one write per drain instead of one per event: sg_pipeline_flush */
	sg_output_batch(out);
	return 0;
}

void sg_pipeline_free(struct sg_pipeline *pl)
{
	sg_scap_writer_free(pl->w);
	pl->w = NULL;
	sg_arena_free(&pl->arena);
}

bool sg_pipeline_open_writer(struct sg_pipeline *pl, const char *hostname)
{
	const struct sg_opts *o = pl->o;
	struct sg_scap_wopts wo = {
		.path = o->write_file, .compress = o->compress, .force = o->force,
		.rotate_bytes = o->rotate_bytes, .rotate_ns = o->rotate_ns,
		.rotate_files = o->rotate_files, .hostname = hostname,
	};
	char err[600];
	pl->w = sg_scap_writer_open(&wo, pl->state, err, sizeof(err));
	if (!pl->w) {
		fprintf(stderr, "sysgrep: -w: %s\n", err);
		return false;
	}
	return true;
}

/* Events are printed unless -w records them without -p / -o (options
 * made by hand, as the benches do, print). */
static bool printing(const struct sg_pipeline *pl)
{
	return !pl->o->write_file || pl->o->print;
}

/* A capture that cannot be written ends the run: status 2, said once. */
static void writer_failed(struct sg_pipeline *pl)
{
	const char *why = sg_scap_writer_error(pl->w);
	/* -w - into a reader that went away ends the run quietly, as the
	 * printed output does */
	if (sg_scap_writer_errno(pl->w) == EPIPE) {
		pl->done = true;
		return;
	}
	fflush(stdout);
	fprintf(stderr, "sysgrep: -w: %s\n", why ? why : "cannot write the capture");
	pl->error = true;
	pl->done = true;
}

/* A write failed (errno set): a reader that went away ends the run
 * quietly, anything else is an error. */
static void output_failed(struct sg_pipeline *pl)
{
	if (errno != EPIPE) {
		fprintf(stderr, "sysgrep: cannot write the output: %s\n", strerror(errno));
		pl->error = true;
	}
	pl->out_dead = true;
	pl->done = true;
}

bool sg_pipeline_event(struct sg_pipeline *pl, struct sg_event *e)
{
	if (pl->done) {
		pl->skipped++;
		return true;
	}
	pl->events++;
	sg_arena_reset(&pl->arena);
	sg_state_before(pl->state, e);
	if (sg_filter_match(pl->f, e, &pl->arena)) {
		uint64_t shown = sg_output_shown(pl->out);

		pl->matched++;
		if (pl->w && !pl->error) {
			if (sg_scap_writer_event(pl->w, e) < 0)
				writer_failed(pl);
			else
				pl->written++;
			if (!printing(pl) && pl->o->max_events && pl->written >= pl->o->max_events)
				pl->done = true;
		}
		if (!printing(pl) || pl->error)
			;
		else if (sg_output_event(pl->out, e, &pl->arena) < 0)
			output_failed(pl);
		else if (sg_output_shown(pl->out) == shown)
			pl->no_field++; /* a user-space drop reason, for --stats */
		/* -n counts what was printed, as the exit status does */
		else if (pl->o->max_events && sg_output_shown(pl->out) >= pl->o->max_events)
			pl->done = true;
	}
	sg_state_after(pl->state, e);
	return pl->done;
}

bool sg_pipeline_flush(struct sg_pipeline *pl)
{
	if (pl->w && !pl->error && sg_scap_writer_flush(pl->w) < 0) {
		writer_failed(pl);
		return false;
	}
	if (pl->out_dead)
		return false;
	if (sg_output_flush(pl->out) < 0) {
		output_failed(pl);
		return false;
	}
	return true;
}

bool sg_pipeline_tick(struct sg_pipeline *pl)
{
	if (pl->out_dead)
		return false;
	/* a table that cannot be written ends the run now, as an event that
	 * cannot be written does */
	if (sg_output_tick(pl->out) < 0) {
		output_failed(pl);
		return false;
	}
	return true;
}

void sg_pipeline_write_stats(const struct sg_pipeline *pl, bool json)
{
	if (!pl->w)
		return;
	struct sg_scap_wstats s;
	sg_scap_writer_stats(pl->w, &s);
	if (json)
		fprintf(stderr, "{\"write\":{\"events\":%llu,\"blocks\":%llu,\"generic\":%llu,"
			"\"files\":%llu,\"bytes\":%llu}}\n", (unsigned long long)s.events,
			(unsigned long long)s.blocks, (unsigned long long)s.generic,
			(unsigned long long)s.files, (unsigned long long)s.bytes);
	else
		fprintf(stderr, "sysgrep: stats: -w: %llu events written as %llu event blocks "
			"(%llu as libs' generic event), %llu files, %llu bytes\n",
			(unsigned long long)s.events, (unsigned long long)s.blocks,
			(unsigned long long)s.generic, (unsigned long long)s.files,
			(unsigned long long)s.bytes);
}

int sg_pipeline_end(struct sg_pipeline *pl)
{
	/* the capture is finished first: a partial run still leaves a whole file */
	if (pl->w && sg_scap_writer_close(pl->w) < 0 && !pl->error)
		writer_failed(pl);
	/* recording only: the status says whether the filter selected
	 * anything (a reader of -w - that went away does not change that) */
	if (!printing(pl))
		return pl->error ? 2 : pl->matched ? 0 : 1;
	if (!pl->out_dead && sg_output_end(pl->out) < 0)
		output_failed(pl);
	if (pl->error)
		return 2;
	/* matched but all skipped by -p (a missing field) is not found */
	return sg_output_shown(pl->out) ? 0 : 1;
}
