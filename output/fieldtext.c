/*
 * A field's value as raw text, for the text and CSV outputs, on the path
 * every printed event takes.  The generic way (sg_field_get into the
 * arena, then sg_value_text into a scratch buffer) costs a printf and two
 * copies of the longest value, evt.info; here:
 *   - strings are used where they are, not copied;
 *   - numbers are written by hand;
 *   - evt.time and evt.datetime keep their text up to the seconds for the
 *     second they are in, and add the nanoseconds;
 *   - evt.info / evt.args are rendered straight into a scratch buffer.
 * The text is exactly what the generic way gives (test_output_fast.c
 * compares the two on every field of the catalogue).
 */
#include "output/internal.h"

#include <stdio.h>
#include <time.h>

#include "extract/render.h"

/* %02d of a clock field (0..60). */
static void two_digits(char *d, int v)
{
	unsigned u = (unsigned)v % 100;
	d[0] = (char)('0' + u / 10);
	d[1] = (char)('0' + u % 10);
}

/* "HH:MM:SS.nnnnnnnnn" of ts (ns since the epoch), local time, as
 * evt.time: the part before the '.' is recomputed once per second. */
static bool local_time(struct sg_clock *c, uint64_t ts, const char **text, size_t *len)
{
	time_t sec = (time_t)(ts / 1000000000u);

	if (!c->valid || sec != c->sec) {
		struct tm tm;
		if (!localtime_r(&sec, &tm))
			return false;
		two_digits(c->text, tm.tm_hour);
		two_digits(c->text + 3, tm.tm_min);
		two_digits(c->text + 6, tm.tm_sec);
		c->text[2] = c->text[5] = ':';
		c->text[8] = '.';
		c->sec = sec;
		c->valid = true;
	}
	uint32_t ns = (uint32_t)(ts % 1000000000u);
	for (int i = 17; i >= 9; i--, ns /= 10)
		c->text[i] = (char)('0' + ns % 10);
	*text = c->text;
	*len = 18;
	return true;
}

/* "YYYY-MM-DDTHH:MM:SS.nnnnnnnnnZ" of ts, UTC, as evt.datetime: the part
 * before the '.' is formatted once per second. */
bool sg_clock_utc(struct sg_clock *c, uint64_t ts, const char **text, size_t *len)
{
	time_t sec = (time_t)(ts / 1000000000u);

	if (!c->valid || sec != c->sec) {
		struct tm tm;
		if (!gmtime_r(&sec, &tm))
			return false;
		int n = snprintf(c->text, sizeof(c->text) - 11, "%04d-%02d-%02dT%02d:%02d:%02d.",
				 tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
				 tm.tm_min, tm.tm_sec);
		if (n < 0 || (size_t)n >= sizeof(c->text) - 11)
			return false;
		c->prefix = (size_t)n;
		c->sec = sec;
		c->valid = true;
	}
	uint32_t ns = (uint32_t)(ts % 1000000000u);
	char *d = c->text + c->prefix;
	for (int i = 8; i >= 0; i--, ns /= 10)
		d[i] = (char)('0' + ns % 10);
	d[9] = 'Z';
	*text = c->text;
	*len = c->prefix + 10;
	return true;
}

static void text_of_number(struct sg_output *out, const struct sg_value *v,
			   const char **text, size_t *len)
{
	char *end = out->num + sizeof(out->num);
	char *p;

	if (v->type == SG_FT_S64 && v->i < 0) {
		p = sg_fmt_u64(end, 0 - (uint64_t)v->i);
		*--p = '-';
	} else {
		p = sg_fmt_u64(end, v->u);
	}
	*text = p;
	*len = (size_t)(end - p);
}

static bool text_of_value(struct sg_output *out, const struct sg_value *v,
			  const char **text, size_t *len)
{
	switch (v->type) {
	case SG_FT_STR:
	case SG_FT_BYTES:
	case SG_FT_SYSCALL:
		*text = v->s.p ? v->s.p : "";
		*len = v->s.p ? v->s.len : 0;
		return true;
	case SG_FT_U64:
	case SG_FT_S64:
	case SG_FT_PORT:
	case SG_FT_ABSTIME:
		text_of_number(out, v, text, len);
		return true;
	default:
		sg_sb_reset(&out->tmp);
		sg_value_text(&out->tmp, v);
		if (out->tmp.oom)
			return false;
		*text = out->tmp.p ? out->tmp.p : "";
		*len = out->tmp.len;
		return true;
	}
}

int sg_field_text_special(struct sg_output *out, struct sg_event *e,
			  const struct sg_fieldref *ref, const char **text, size_t *len)
{
	switch (ref->id) {
	case SG_F_EVT_TIME:
		return local_time(&out->clock, e->ts, text, len);
	case SG_F_EVT_DATETIME:
		return sg_clock_utc(&out->utc, e->ts, text, len);
	case SG_F_EVT_INFO:
	case SG_F_EVT_ARGS:
		sg_sb_reset(&out->tmp);
		sg_render_args(&out->tmp, e);
		if (out->tmp.oom)
			return 0;
		*text = out->tmp.p ? out->tmp.p : "";
		*len = out->tmp.len;
		return 1;
	default:
		return -1;
	}
}

bool sg_field_text(struct sg_output *out, struct sg_event *e, const struct sg_fieldref *ref,
		   struct sg_arena *a, const char **text, size_t *len)
{
	struct sg_value v;
	int r = sg_field_text_special(out, e, ref, text, len);

	if (r >= 0)
		return r;
	if (!sg_field_get(e, ref, &v, a))
		return false;
	return text_of_value(out, &v, text, len);
}

bool sg_field_text_safe(unsigned id)
{
	if (id >= SG_F_MAX)
		return false;
	switch (sg_fields[id].type) {
	case SG_FT_U64:
	case SG_FT_S64:
	case SG_FT_PORT:
	case SG_FT_ABSTIME:
	case SG_FT_BOOL:
	case SG_FT_SYSCALL:
		return true;
	}
	switch (id) {
	case SG_F_EVT_TIME:
	case SG_F_EVT_DATETIME:
	case SG_F_EVT_DIR:
	case SG_F_EVT_RES:
	case SG_F_FD_TYPE:
		return true;
	default:
		return false;
	}
}

static bool plain_for(enum sg_medium m, const char *s, size_t n)
{
	return m == SG_MED_CSV ? sg_csv_plain(s, n) : sg_text_plain(s, n);
}

static void escape_for(enum sg_medium m, struct sg_strbuf *b, const char *s, size_t n)
{
	if (m == SG_MED_CSV)
		sg_esc_csv(b, s, n);
	else
		sg_esc_text(b, s, n, SG_NO_LIMIT);
}

/* evt.info / evt.args straight into b: arguments are mostly numbers and
 * plain names, and then the rendering is the line; otherwise the rendered
 * bytes move to the scratch buffer and are escaped back from there. */
static void put_args_in_place(struct sg_output *out, struct sg_strbuf *b, struct sg_event *e,
			      enum sg_medium m)
{
	size_t at = b->len;

	bool plain = sg_render_args(b, e);
	if (b->oom)
		return;
	size_t n = b->len - at;
	if (plain || plain_for(m, b->p + at, n))
		return;
	sg_sb_reset(&out->tmp);
	sg_sb_put(&out->tmp, b->p + at, n);
	b->len = at;
	b->p[at] = 0;
	escape_for(m, b, out->tmp.p ? out->tmp.p : "", out->tmp.len);
}

bool sg_field_put(struct sg_output *out, struct sg_strbuf *b, struct sg_event *e,
		  const struct sg_fmt_item *it, struct sg_arena *a, enum sg_medium m)
{
	const struct sg_fieldref *ref = &it->ref;
	const char *text;
	size_t len;
	struct sg_value v;

	switch (ref->id) {
	case SG_F_EVT_INFO:
	case SG_F_EVT_ARGS:
		put_args_in_place(out, b, e, m);
		return true;
	case SG_F_EVT_TIME:
	case SG_F_EVT_DATETIME:
		if (sg_field_text_special(out, e, ref, &text, &len) <= 0)
			return false;
		sg_sb_put(b, text, len);
		return true;
	}
	if (!it->get(e, ref, &v, a))
		return false;
	/* numbers straight into the line */
	if (v.type == SG_FT_U64 || v.type == SG_FT_PORT || v.type == SG_FT_ABSTIME) {
		sg_sb_u64(b, v.u);
		return true;
	}
	if (v.type == SG_FT_S64) {
		sg_sb_i64(b, v.i);
		return true;
	}
	if (!text_of_value(out, &v, &text, &len))
		return false;
	/* a lone empty CSV column is the caller's business (it knows the
	 * number of columns) */
	if (it->safe)
		sg_sb_put(b, text, len);
	else
		escape_for(m, b, text, len);
	return true;
}
