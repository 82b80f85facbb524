/*
 * The dispatcher: picks the format, renders each event whole into the
 * writer's buffer, and hands it to the writer.  -q writes nothing; -c and
 * --count-by only count until a tick or the end.
 */
#include "output/internal.h"

#include <errno.h>
#include <stdlib.h>

static bool counting(const struct sg_output *out)
{
	return out->o.count || out->o.count_by;
}

/* The format: -p, else the default of text and CSV (JSON has its own
 * default object and needs none). */
static int compile_format(struct sg_output *out, struct sg_diag *d)
{
	const char *src = out->o.format;
	if (!src && out->o.fmt == SG_OUT_TEXT)
		src = sg_text_default_format;
	if (!src && out->o.fmt == SG_OUT_CSV)
		src = sg_csv_default_format;
	if (!src)
		return 0;
	out->fmt = sg_fmt_compile(src, d);
	if (!out->fmt)
		return -1;
	/* every argument at once is an object: JSON has them, a line has not */
	if (out->fmt->whole && out->o.fmt != SG_OUT_JSON) {
		const struct sg_fmt_item *it = &out->fmt->items[out->fmt->whole - 1];
		sg_diag_set(d, src, -1, "'%%%s' alone (every argument, as an object) needs -o json; "
			    "or name one, like %%%s.fd", it->text, it->text);
		return -1;
	}
	return 0;
}

struct sg_output *sg_output_new(const struct sg_output_opts *o, struct sg_diag *d)
{
	if (o->fmt != SG_OUT_TEXT && o->fmt != SG_OUT_JSON && o->fmt != SG_OUT_CSV) {
		sg_diag_set(d, NULL, -1, "unknown output format");
		return NULL;
	}
	struct sg_output *out = calloc(1, sizeof(*out));
	if (!out) {
		sg_diag_set(d, NULL, -1, "out of memory");
		return NULL;
	}
	out->o = *o;
	out->w.fd = o->fd;
	out->w.buffered = o->buffered;
	sg_sb_init(&out->w.buf);
	sg_sb_init(&out->tmp);
	sg_sb_init(&out->raw);
	sg_sb_init(&out->key);
	sg_sb_init(&out->jproc.text);
	if (o->fmt == SG_OUT_JSON)
		sg_json_prepare(out);
	/* a bad -p is an error even where it is not used (-c), as in sysdig */
	if (o->format && compile_format(out, d) < 0)
		goto fail;
	if (counting(out)) {
		out->tally = sg_tally_new(o, d);
		if (!out->tally) {
			sg_diag_set(d, NULL, -1, "out of memory");
			goto fail;
		}
	} else if (!o->format && compile_format(out, d) < 0) {
		goto fail;
	}
	return out;
fail:
	sg_output_free(out);
	return NULL;
}

static bool render(struct sg_output *out, struct sg_event *e, struct sg_arena *a)
{
	switch (out->o.fmt) {
	case SG_OUT_JSON:
		return sg_json_event(out, e, a);
	case SG_OUT_CSV:
		if (!out->header_done && out->o.header)
			sg_csv_header(out);
		return sg_csv_event(out, e, a);
	default:
		return sg_text_event(out, e, a);
	}
}

int sg_output_event(struct sg_output *out, struct sg_event *e, struct sg_arena *a)
{
	if (out->o.quiet) {
		out->shown++;
		return 0;
	}
	if (out->tally) {
		sg_tally_event(out->tally, e, a);
		out->shown++;
		return 0;
	}
	if (!render(out, e, a))
		return 0;
	out->printed++;
	out->shown++;
	return sg_writer_commit(&out->w);
}

int sg_output_count(struct sg_output *out, struct sg_event *e, struct sg_arena *a, uint64_t n)
{
	if (out->o.quiet) {
		out->shown += n;
		return 0;
	}
	if (!out->tally) {
		errno = EINVAL;
		return -1;
	}
	sg_tally_add(out->tally, e, a, n);
	out->shown += n;
	return 0;
}

uint64_t sg_output_shown(const struct sg_output *out)
{
	return out->shown;
}

void sg_output_batch(struct sg_output *out)
{
	out->w.batch = true;
}

int sg_output_flush(struct sg_output *out)
{
	/* --buffered asked for blocks: they go at 64 KiB and at the end */
	if (out->w.buffered || (!out->w.buf.len && !out->w.buf.oom))
		return 0;
	return sg_writer_flush(&out->w);
}

int sg_output_tick(struct sg_output *out)
{
	if (out->o.quiet)
		return 0;
	if (out->tally)
		sg_tally_print(out, false);
	return sg_writer_flush(&out->w);
}

void sg_output_clock(struct sg_output *out, uint64_t ns)
{
	if (out->tally)
		sg_tally_clock(out->tally, ns);
}

int sg_output_end(struct sg_output *out)
{
	if (out->o.quiet)
		return 0;
	if (out->tally)
		sg_tally_print(out, true);
	/* CSV keeps its header even when nothing matched: readers see the
	 * columns of an empty result */
	else if (out->o.fmt == SG_OUT_CSV && out->o.header && !out->header_done)
		sg_csv_header(out);
	return sg_writer_flush(&out->w);
}

void sg_output_free(struct sg_output *out)
{
	if (!out)
		return;
	sg_fmt_free(out->fmt);
	sg_tally_free(out->tally);
	sg_writer_free(&out->w);
	sg_sb_free(&out->tmp);
	sg_sb_free(&out->raw);
	sg_sb_free(&out->key);
	sg_sb_free(&out->jproc.text);
	free(out);
}
