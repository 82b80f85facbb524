/*
 * Text output: sysdig's default line, or a -p format, one line per event.
 * Field values go through sg_esc_text, so no raw control byte ever reaches
 * the terminal; literal text of a -p format is the user's own and is kept.
 * With colour: the process name cyan, the event type bold, and the type
 * and result red when the call failed.
 */
#include "output/internal.h"

#include <string.h>

/* sysdig's default, with its '*': events lacking a field still print. */
const char sg_text_default_format[] =
	"*%evt.num %evt.time %evt.cpu %proc.name (%thread.tid) %evt.dir %evt.type %evt.info";

#define COL_NAME "\033[36m"
#define COL_TYPE "\033[1m"
#define COL_FAIL "\033[1;31m"
#define COL_OFF "\033[0m"

struct text_ctx {
	struct sg_output *out;
	struct sg_event *e;
	struct sg_arena *a;
	int failed; /* -1 not looked up yet */
};

static bool event_failed(struct text_ctx *c)
{
	if (c->failed < 0) {
		struct sg_fieldref ref = {.id = SG_F_EVT_FAILED, .index = -1};
		struct sg_value v;
		c->failed = sg_field_get(c->e, &ref, &v, c->a) && v.type == SG_FT_BOOL && v.b;
	}
	return c->failed;
}

static const char *colour_of(struct text_ctx *c, unsigned id)
{
	if (!c->out->o.color)
		return NULL;
	switch (id) {
	case SG_F_PROC_NAME:
		return COL_NAME;
	case SG_F_EVT_TYPE:
		return event_failed(c) ? COL_FAIL : COL_TYPE;
	case SG_F_EVT_RES:
	case SG_F_EVT_RAWRES:
		return event_failed(c) ? COL_FAIL : NULL;
	default:
		return NULL;
	}
}

static void pad(struct sg_strbuf *b, size_t cols, uint32_t width)
{
	static const char spaces[] = "                                ";
	while (cols < width) {
		size_t n = width - cols < sizeof(spaces) - 1 ? width - cols : sizeof(spaces) - 1;
		sg_sb_put(b, spaces, n);
		cols += n;
	}
}

/* The marker of a missing field with '*'; false without it. */
static bool put_missing(struct sg_output *out, struct sg_strbuf *b)
{
	if (!out->fmt->star)
		return false;
	sg_sb_put(b, "<NA>", 4);
	return true;
}

/* One field; false when it is missing and the format has no '*'. */
static bool put_field(struct text_ctx *c, const struct sg_fmt_item *it)
{
	struct sg_output *out = c->out;
	struct sg_strbuf *b = &out->w.buf;
	const char *text;
	size_t len;
	size_t limit = it->width ? it->width : SG_NO_LIMIT;

	/* the common case: no width, no colour */
	if (!it->width && !out->o.color)
		return sg_field_put(out, b, c->e, it, c->a, SG_MED_TEXT) ||
		       put_missing(out, b);
	if (!sg_field_text(out, c->e, &it->ref, c->a, &text, &len)) {
		if (!out->fmt->star)
			return false;
		text = "<NA>";
		len = 4;
		limit = SG_NO_LIMIT; /* a width cuts values, never the marker */
	}
	const char *col = colour_of(c, it->ref.id);
	if (col)
		sg_sb_puts(b, col);
	size_t cols = sg_esc_text(b, text, len, limit);
	if (col)
		sg_sb_puts(b, COL_OFF);
	pad(b, cols, it->width);
	return true;
}

bool sg_text_event(struct sg_output *out, struct sg_event *e, struct sg_arena *a)
{
	struct text_ctx c = {.out = out, .e = e, .a = a, .failed = -1};
	size_t mark = out->w.buf.len;

	for (size_t i = 0; i < out->fmt->nitems; i++) {
		const struct sg_fmt_item *it = &out->fmt->items[i];
		if (it->kind == SG_ITEM_LIT) {
			sg_sb_put(&out->w.buf, it->text, it->len);
			continue;
		}
		if (!put_field(&c, it)) {
			sg_writer_rewind(&out->w, mark);
			return false;
		}
	}
	sg_sb_putc(&out->w.buf, '\n');
	return true;
}
