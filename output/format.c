/*
 * The -p format compiler, sysdig's syntax:
 *   %field  %Nfield (pad or cut to N columns)  %field[arg]  %evt.arg.name
 *   %% a percent sign; \n \t \r \\ escapes; anything else is literal text
 *   a leading '*' prints events with missing fields (as <NA>); without it
 *   an event lacking any field is not printed.
 * Field names are parsed by sg_fieldref_parse, as in filters, so both
 * accept the same spellings and report the same errors.  Also the
 * --count-by field list "proc.name,evt.type".
 */
#include "output/internal.h"

#include <stdlib.h>
#include <string.h>

#include "event/diag.h"

/* Widest %N: wider than any terminal, and keeps padding bounded. */
#define SG_FMT_WIDTH_MAX 4096

static struct sg_fmt_item *add_item(struct sg_fmt *f, size_t *cap)
{
	if (f->nitems == *cap) {
		size_t ncap = *cap ? *cap * 2 : 8;
		struct sg_fmt_item *p = realloc(f->items, ncap * sizeof(*p));
		if (!p)
			return NULL;
		f->items = p;
		*cap = ncap;
	}
	struct sg_fmt_item *it = &f->items[f->nitems++];
	memset(it, 0, sizeof(*it));
	return it;
}

/* Append one literal byte, to the last item if it is literal text. */
static int add_lit(struct sg_fmt *f, size_t *cap, char c)
{
	struct sg_fmt_item *it = f->nitems ? &f->items[f->nitems - 1] : NULL;
	if (!it || it->kind != SG_ITEM_LIT) {
		it = add_item(f, cap);
		if (!it)
			return -1;
		it->kind = SG_ITEM_LIT;
	}
	char *p = realloc(it->text, it->len + 2);
	if (!p)
		return -1;
	p[it->len++] = c;
	p[it->len] = 0;
	it->text = p;
	return 0;
}

static char unescape(char c)
{
	switch (c) {
	case 'n':
		return '\n';
	case 't':
		return '\t';
	case 'r':
		return '\r';
	case '\\':
		return '\\';
	default:
		return 0;
	}
}

/*
 * "[N]field" at src + j, just after a '%'; returns the bytes used or -1.
 * src is the caller's text (diagnostics point into it); keys are rebased
 * into f->src, the copy the format owns.
 */
/* "evt.arg" or "evt.rawarg" with no argument at s: the field, or -1. */
static int whole_args(const char *s, size_t *n)
{
	static const struct { const char *name; int id; } w[] = {
		{"evt.arg", SG_F_EVT_ARG}, {"evt.rawarg", SG_F_EVT_RAWARG}};
	for (size_t i = 0; i < sizeof(w) / sizeof(w[0]); i++) {
		size_t l = strlen(w[i].name);
		/* the name first: s may end before s[l] */
		if (strncmp(s, w[i].name, l))
			continue;
		char c = s[l];
		if (c == '.' || c == '[' || c == '_' ||
		    (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
			continue;
		*n = l;
		return w[i].id;
	}
	return -1;
}

static int parse_field(const char *src, size_t j, struct sg_fmt *f, size_t *cap,
		       struct sg_diag *d)
{
	size_t start = j;
	uint32_t width = 0;
	while (src[j] >= '0' && src[j] <= '9') {
		width = width * 10 + (uint32_t)(src[j] - '0');
		if (width > SG_FMT_WIDTH_MAX) {
			sg_diag_set(d, src, (int)start, "field width too large (at most %d)",
				    SG_FMT_WIDTH_MAX);
			return -1;
		}
		j++;
	}
	struct sg_fieldref ref;
	size_t wlen;
	int wid = whole_args(src + j, &wlen);
	int n;
	if (wid >= 0) {
		memset(&ref, 0, sizeof(ref));
		ref.id = (uint16_t)wid;
		ref.index = -1;
		n = (int)wlen;
	} else {
		n = sg_fieldref_parse(src, src + j, &ref, d);
	}
	if (n < 0)
		return -1;
	if (sg_fields[ref.id].flags & SG_FF_FILTERONLY) {
		sg_diag_set(d, src, (int)j,
			    "'%s' can only be used in filters (it has several values)",
			    sg_fields[ref.id].name);
		return -1;
	}
	if (ref.key)
		ref.key = f->src + (ref.key - src);
	struct sg_fmt_item *it = add_item(f, cap);
	if (!it || !(it->text = strndup(src + j, (size_t)n))) {
		sg_diag_set(d, src, -1, "out of memory");
		return -1;
	}
	it->kind = SG_ITEM_FIELD;
	it->width = width;
	it->ref = ref;
	it->len = (size_t)n;
	it->get = sg_field_getter(&it->ref);
	it->safe = sg_field_text_safe(ref.id);
	it->whole = wid >= 0;
	if (it->whole)
		f->whole = (size_t)(it - f->items) + 1;
	f->nfields++;
	return (int)(j - start) + n;
}

static struct sg_fmt *fmt_alloc(const char *src)
{
	struct sg_fmt *f = calloc(1, sizeof(*f));
	if (!f)
		return NULL;
	f->src = strdup(src);
	if (!f->src) {
		free(f);
		return NULL;
	}
	return f;
}

struct sg_fmt *sg_fmt_compile(const char *text, struct sg_diag *d)
{
	const char *src = text ? text : "";
	struct sg_fmt *f = fmt_alloc(src);
	size_t cap = 0, i = 0;
	if (!f) {
		sg_diag_set(d, NULL, -1, "out of memory");
		return NULL;
	}
	if (src[0] == '*') {
		f->star = true;
		i = 1;
	}
	while (src[i]) {
		int used = 1, r = 0;
		char c = src[i];
		if (c == '%' && src[i + 1] == '%') {
			r = add_lit(f, &cap, '%');
			used = 2;
		} else if (c == '%') {
			used = parse_field(src, i + 1, f, &cap, d);
			if (used < 0) {
				sg_fmt_free(f);
				return NULL;
			}
			used++;
		} else if (c == '\\' && unescape(src[i + 1])) {
			r = add_lit(f, &cap, unescape(src[i + 1]));
			used = 2;
		} else {
			r = add_lit(f, &cap, c);
		}
		if (r < 0) {
			sg_diag_set(d, src, -1, "out of memory");
			sg_fmt_free(f);
			return NULL;
		}
		i += (size_t)used;
	}
	return f;
}

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* A field listed twice would be a JSON key twice and a CSV column twice
 * with the same name: is the last item a repeat? */
static bool repeats(const struct sg_fmt *f)
{
	const struct sg_fmt_item *it = &f->items[f->nitems - 1];
	for (size_t j = 0; j + 1 < f->nitems; j++) {
		const struct sg_fmt_item *o = &f->items[j];
		if (o->len == it->len && memcmp(o->text, it->text, it->len) == 0)
			return true;
	}
	return false;
}

struct sg_fmt *sg_fmt_compile_list(const char *text, struct sg_diag *d)
{
	const char *src = text ? text : "";
	struct sg_fmt *f = fmt_alloc(src);
	size_t cap = 0, i = 0;
	if (!f) {
		sg_diag_set(d, NULL, -1, "out of memory");
		return NULL;
	}
	for (;;) {
		while (is_space(src[i]))
			i++;
		/* "%proc.name" is accepted too: users paste from -p formats */
		if (src[i] == '%')
			i++;
		if (src[i] >= '0' && src[i] <= '9') {
			sg_diag_set(d, src, (int)i, "expected a field name, like proc.name");
			sg_fmt_free(f);
			return NULL;
		}
		int used = parse_field(src, i, f, &cap, d);
		if (used < 0) {
			sg_fmt_free(f);
			return NULL;
		}
		if (f->whole) {
			sg_diag_set(d, src, (int)i, "'%s' needs an argument, like %s.fd",
				    f->items[f->nitems - 1].text, f->items[f->nitems - 1].text);
			sg_fmt_free(f);
			return NULL;
		}
		if (repeats(f)) {
			sg_diag_set(d, src, (int)i, "%s is listed twice", f->items[f->nitems - 1].text);
			sg_fmt_free(f);
			return NULL;
		}
		i += (size_t)used;
		while (is_space(src[i]))
			i++;
		if (!src[i])
			return f;
		if (src[i] != ',') {
			sg_diag_set(d, src, (int)i, "expected ',' between fields");
			sg_fmt_free(f);
			return NULL;
		}
		i++;
	}
}

void sg_fmt_free(struct sg_fmt *f)
{
	if (!f)
		return;
	for (size_t i = 0; i < f->nitems; i++)
		free(f->items[i].text);
	free(f->items);
	free(f->src);
	free(f);
}
