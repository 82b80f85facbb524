/*
 * CSV (RFC 4180): a header row of field names, then one row per event.
 * Fields are quoted when they hold a comma, a quote, CR or LF, with quotes
 * doubled; every other byte is written as it is (a value that is not UTF-8
 * stays byte-exact).  Rows end with LF, which every CSV reader accepts.
 * Columns: the -p fields in order (literal text of the format is ignored),
 * or sg_csv_default_format.  A missing field is <NA> with a leading '*' in
 * the format and skips the event without it.
 */
#include "output/internal.h"

const char sg_csv_default_format[] =
	"*%evt.num %evt.datetime %evt.cpu %proc.name %thread.tid %proc.pid %evt.dir "
	"%evt.type %evt.res %evt.args";

void sg_csv_header(struct sg_output *out)
{
	const struct sg_fmt *f = out->fmt;
	bool first = true;

	for (size_t i = 0; i < f->nitems; i++) {
		const struct sg_fmt_item *it = &f->items[i];
		if (it->kind != SG_ITEM_FIELD)
			continue;
		if (!first)
			sg_sb_putc(&out->w.buf, ',');
		first = false;
		sg_esc_csv(&out->w.buf, it->text, it->len);
	}
	sg_sb_putc(&out->w.buf, '\n');
	out->header_done = true;
}

bool sg_csv_event(struct sg_output *out, struct sg_event *e, struct sg_arena *a)
{
	const struct sg_fmt *f = out->fmt;
	size_t mark = out->w.buf.len;
	bool first = true;

	for (size_t i = 0; i < f->nitems; i++) {
		const struct sg_fmt_item *it = &f->items[i];
		const char *text;
		size_t len;
		if (it->kind != SG_ITEM_FIELD)
			continue;
		if (!first)
			sg_sb_putc(&out->w.buf, ',');
		first = false;
		/* a lone empty column would be a blank line, which readers skip */
		if (f->nfields == 1) {
			if (!sg_field_text(out, e, &it->ref, a, &text, &len))
				goto missing;
			if (len == 0)
				sg_sb_puts(&out->w.buf, "\"\"");
			else
				sg_esc_csv(&out->w.buf, text, len);
			continue;
		}
		if (sg_field_put(out, &out->w.buf, e, it, a, SG_MED_CSV))
			continue;
missing:
		if (!f->star) {
			sg_writer_rewind(&out->w, mark);
			return false;
		}
		sg_sb_puts(&out->w.buf, "<NA>");
	}
	sg_sb_putc(&out->w.buf, '\n');
	return true;
}
