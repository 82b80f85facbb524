/*
 * -c: the number of matching events (like grep -c): text "N", JSON
 * {"count":N}, CSV a "count" column.
 * --count-by F1,F2: a table of counts by the values of those fields, most
 * frequent first, ties in key order (numbers by value, text by bytes,
 * missing values first).  Text: aligned columns under a header; JSON: one
 * object per row {"count":N,"F1":v1,...}; CSV: header and rows.  A missing
 * value is <NA> (null in JSON).  Each sg_tally_print starts a new
 * interval.  Past SG_COUNT_MAX_KEYS distinct keys (or SG_COUNT_MAX_BYTES of
 * them), further new keys are counted in one last row whose values are all
 * "<other>", so memory stays bounded whatever the fields' cardinality.
 * With --interval, JSON rows and CSV rows also carry "interval", the UTC
 * time (as evt.datetime) the interval ended, so the rows of successive
 * intervals can be told apart; an interval without events is one row of
 * count 0 and no values (JSON: no field keys, CSV: empty cells), so a
 * reader sees that it passed.
 */
#include "output/internal.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define SG_COUNT_MAX_KEYS (1u << 20)
#define SG_COUNT_MAX_BYTES (64u << 20)

struct entry {
	struct entry *next;
	uint64_t count;
	uint64_t hash;
	size_t keylen;
	uint8_t key[]; /* per column: type (0 = missing), u32 length, bytes */
};

struct sg_tally {
	enum sg_outfmt fmt;
	bool header;
	struct sg_fmt *fields;   /* NULL for -c */
	uint64_t total;          /* events this interval */
	struct entry **buckets;
	size_t nbuckets, nentries, keybytes;
	uint64_t other;          /* events of keys past the bounds */
	struct sg_strbuf key;    /* the key being built */
	unsigned tables;         /* tables printed so far */
	bool interval;           /* rows carry the interval's end */
	struct sg_clock clock;   /* its text */
	const char *when;        /* the end of the interval being printed */
	size_t whenlen;
	uint64_t at_ns;          /* that end given by the source; 0 = the wall clock */
};

struct sg_tally *sg_tally_new(const struct sg_output_opts *o, struct sg_diag *d)
{
	struct sg_tally *c = calloc(1, sizeof(*c));
	if (!c)
		return NULL;
	c->fmt = o->fmt;
	c->header = o->header;
	c->interval = o->interval && o->count_by;
	if (!o->count_by)
		return c;
	const char *what = d ? d->what : NULL;
	if (d)
		d->what = "count-by";
	c->fields = sg_fmt_compile_list(o->count_by, d);
	if (d && !d->set)
		d->what = what;
	if (!c->fields) {
		free(c);
		return NULL;
	}
	return c;
}

static void free_entries(struct sg_tally *c)
{
	for (size_t i = 0; i < c->nbuckets; i++) {
		struct entry *e = c->buckets[i];
		while (e) {
			struct entry *next = e->next;
			free(e);
			e = next;
		}
	}
	free(c->buckets);
	c->buckets = NULL;
	c->nbuckets = c->nentries = c->keybytes = 0;
	c->other = 0;
	c->total = 0;
}

void sg_tally_free(struct sg_tally *c)
{
	if (!c)
		return;
	free_entries(c);
	sg_fmt_free(c->fields);
	sg_sb_free(&c->key);
	free(c);
}

/* FNV-1a, 64 bit. */
static uint64_t hash_bytes(const void *p, size_t n)
{
	const uint8_t *s = p;
	uint64_t h = 0xcbf29ce484222325ull;
	for (size_t i = 0; i < n; i++) {
		h ^= s[i];
		h *= 0x100000001b3ull;
	}
	return h;
}

static bool grow(struct sg_tally *c)
{
	size_t n = c->nbuckets ? c->nbuckets * 2 : 256;
	struct entry **b = calloc(n, sizeof(*b));
	if (!b)
		return false;
	for (size_t i = 0; i < c->nbuckets; i++) {
		struct entry *e = c->buckets[i];
		while (e) {
			struct entry *next = e->next;
			e->next = b[e->hash & (n - 1)];
			b[e->hash & (n - 1)] = e;
			e = next;
		}
	}
	free(c->buckets);
	c->buckets = b;
	c->nbuckets = n;
	return true;
}

static void put_cell(struct sg_strbuf *k, uint8_t type, const char *s, uint32_t len)
{
	sg_sb_put(k, &type, 1);
	sg_sb_put(k, &len, sizeof(len));
	sg_sb_put(k, s, len);
}

static void build_key(struct sg_tally *c, struct sg_event *e, struct sg_arena *a)
{
	struct sg_strbuf val;
	sg_sb_init(&val);
	sg_sb_reset(&c->key);
	for (size_t i = 0; i < c->fields->nitems; i++) {
		struct sg_value v;
		if (!sg_field_get(e, &c->fields->items[i].ref, &v, a)) {
			put_cell(&c->key, 0, "", 0);
			continue;
		}
		sg_sb_reset(&val);
		sg_value_text(&val, &v);
		put_cell(&c->key, v.type ? v.type : SG_FT_STR, val.p ? val.p : "",
			 (uint32_t)val.len);
	}
	sg_sb_free(&val);
}

static void add_key(struct sg_tally *c, uint64_t n)
{
	uint64_t h = hash_bytes(c->key.p, c->key.len);
	if (c->nbuckets) {
		for (struct entry *e = c->buckets[h & (c->nbuckets - 1)]; e; e = e->next) {
			if (e->hash == h && e->keylen == c->key.len &&
			    memcmp(e->key, c->key.p, e->keylen) == 0) {
				e->count += n;
				return;
			}
		}
	}
	if (c->nentries >= SG_COUNT_MAX_KEYS || c->keybytes + c->key.len > SG_COUNT_MAX_BYTES ||
	    c->key.oom || (c->nentries >= c->nbuckets / 2 && !grow(c))) {
		c->other += n;
		return;
	}
	struct entry *e = malloc(sizeof(*e) + c->key.len);
	if (!e) {
		c->other += n;
		return;
	}
	e->count = n;
	e->hash = h;
	e->keylen = c->key.len;
	memcpy(e->key, c->key.p, c->key.len);
	e->next = c->buckets[h & (c->nbuckets - 1)];
	c->buckets[h & (c->nbuckets - 1)] = e;
	c->nentries++;
	c->keybytes += c->key.len;
}

void sg_tally_event(struct sg_tally *c, struct sg_event *e, struct sg_arena *a)
{
	sg_tally_add(c, e, a, 1);
}

void sg_tally_add(struct sg_tally *c, struct sg_event *e, struct sg_arena *a, uint64_t n)
{
	if (!n)
		return;
	c->total += n;
	if (!c->fields)
		return;
	build_key(c, e, a);
	add_key(c, n);
}

/* ---- reading keys back ------------------------------------------------ */

struct cell {
	uint8_t type; /* 0 = missing */
	const char *s;
	uint32_t len;
};

/* The next cell at *p (keys are built by put_cell: trusted layout). */
static struct cell next_cell(const uint8_t **p)
{
	struct cell c;
	c.type = (*p)[0];
	memcpy(&c.len, *p + 1, sizeof(c.len));
	c.s = (const char *)*p + 1 + sizeof(c.len);
	*p += 1 + sizeof(c.len) + c.len;
	return c;
}

static bool is_numeric_type(uint8_t t)
{
	return t == SG_FT_U64 || t == SG_FT_S64 || t == SG_FT_PORT || t == SG_FT_ABSTIME;
}

static int cmp_numbers(const struct cell *x, const struct cell *y)
{
	char a[32], b[32];
	snprintf(a, sizeof(a), "%.*s", (int)x->len, x->s);
	snprintf(b, sizeof(b), "%.*s", (int)y->len, y->s);
	if (x->type == SG_FT_S64 || y->type == SG_FT_S64) {
		long long u = strtoll(a, NULL, 10), v = strtoll(b, NULL, 10);
		return u < v ? -1 : u > v;
	}
	unsigned long long u = strtoull(a, NULL, 10), v = strtoull(b, NULL, 10);
	return u < v ? -1 : u > v;
}

static int cmp_cells(const struct cell *x, const struct cell *y)
{
	if (!x->type || !y->type)
		return (x->type != 0) - (y->type != 0);
	if (is_numeric_type(x->type) && is_numeric_type(y->type))
		return cmp_numbers(x, y);
	uint32_t n = x->len < y->len ? x->len : y->len;
	int r = memcmp(x->s, y->s, n);
	if (r)
		return r;
	return x->len < y->len ? -1 : x->len > y->len;
}

static int cmp_entries(const void *va, const void *vb)
{
	const struct entry *a = *(const struct entry *const *)va;
	const struct entry *b = *(const struct entry *const *)vb;
	if (a->count != b->count)
		return a->count > b->count ? -1 : 1;
	const uint8_t *pa = a->key, *pb = b->key;
	while (pa < a->key + a->keylen && pb < b->key + b->keylen) {
		struct cell x = next_cell(&pa), y = next_cell(&pb);
		int r = cmp_cells(&x, &y);
		if (r)
			return r;
	}
	return 0;
}

/* Entries sorted for printing, with the "<other>" row (if any) last. */
static struct entry **sorted(struct sg_tally *c, size_t *n)
{
	size_t k = 0;
	struct entry **v = malloc((c->nentries + 1) * sizeof(*v));
	*n = 0;
	if (!v)
		return NULL;
	for (size_t i = 0; i < c->nbuckets; i++)
		for (struct entry *e = c->buckets[i]; e; e = e->next)
			v[k++] = e;
	qsort(v, k, sizeof(*v), cmp_entries);
	*n = k;
	return v;
}

/* ---- printing ---------------------------------------------------------- */

struct row {
	uint64_t count;
	const uint8_t *key; /* NULL: the "<other>" row */
};

static struct cell row_cell(const struct row *r, const uint8_t **p)
{
	if (!r->key)
		return (struct cell){.type = SG_FT_STR, .s = "<other>", .len = 7};
	struct cell c = next_cell(p);
	if (!c.type)
		c = (struct cell){.type = 0, .s = "<NA>", .len = 4};
	return c;
}

static size_t text_width(const char *s, size_t n)
{
	struct sg_strbuf tmp;
	sg_sb_init(&tmp);
	size_t w = sg_esc_text(&tmp, s, n, SG_NO_LIMIT);
	sg_sb_free(&tmp);
	return w;
}

static void pad_to(struct sg_strbuf *b, size_t have, size_t want)
{
	while (have++ < want)
		sg_sb_putc(b, ' ');
}

static void print_text(struct sg_output *out, struct sg_tally *c, struct row *rows, size_t n)
{
	struct sg_strbuf *b = &out->w.buf;
	size_t ncol = c->fields->nitems;
	size_t *w = calloc(ncol + 1, sizeof(*w));
	if (!w) {
		b->oom = 1;
		return;
	}
	w[0] = 5; /* "count" */
	for (size_t i = 0; i < ncol; i++)
		w[i + 1] = text_width(c->fields->items[i].text, c->fields->items[i].len);
	for (size_t r = 0; r < n; r++) {
		char num[24];
		size_t len = (size_t)snprintf(num, sizeof(num), "%" PRIu64, rows[r].count);
		w[0] = len > w[0] ? len : w[0];
		const uint8_t *p = rows[r].key;
		for (size_t i = 0; i < ncol; i++) {
			struct cell x = row_cell(&rows[r], &p);
			size_t cw = text_width(x.s, x.len);
			w[i + 1] = cw > w[i + 1] ? cw : w[i + 1];
		}
	}
	if (c->tables)
		sg_sb_putc(b, '\n');
	pad_to(b, 5, w[0]);
	sg_sb_puts(b, "count");
	for (size_t i = 0; i < ncol; i++) {
		sg_sb_puts(b, "  ");
		size_t cw = sg_esc_text(b, c->fields->items[i].text, c->fields->items[i].len,
					SG_NO_LIMIT);
		if (i + 1 < ncol)
			pad_to(b, cw, w[i + 1]);
	}
	sg_sb_putc(b, '\n');
	for (size_t r = 0; r < n; r++) {
		char num[24];
		size_t len = (size_t)snprintf(num, sizeof(num), "%" PRIu64, rows[r].count);
		pad_to(b, len, w[0]);
		sg_sb_puts(b, num);
		const uint8_t *p = rows[r].key;
		for (size_t i = 0; i < ncol; i++) {
			struct cell x = row_cell(&rows[r], &p);
			sg_sb_puts(b, "  ");
			size_t cw = sg_esc_text(b, x.s, x.len, SG_NO_LIMIT);
			if (i + 1 < ncol)
				pad_to(b, cw, w[i + 1]);
		}
		sg_sb_putc(b, '\n');
	}
	free(w);
}

static void print_json_row(struct sg_output *out, struct sg_tally *c, const struct row *r)
{
	struct sg_strbuf *b = &out->w.buf;
	const uint8_t *p = r->key;

	sg_sb_reset(&out->raw);
	sg_sb_printf(b, "{\"count\":%" PRIu64, r->count);
	if (c->interval) {
		sg_sb_puts(b, ",\"interval\":\"");
		sg_sb_put(b, c->when, c->whenlen);
		sg_sb_putc(b, '"');
	}
	for (size_t i = 0; r->count && i < c->fields->nitems; i++) {
		const struct sg_fmt_item *it = &c->fields->items[i];
		struct cell x = row_cell(r, &p);
		sg_sb_putc(b, ',');
		sg_esc_json(b, it->text, it->len);
		sg_sb_putc(b, ':');
		if (!x.type) {
			sg_sb_puts(b, "null");
		} else if (is_numeric_type(x.type) || x.type == SG_FT_BOOL) {
			sg_sb_put(b, x.s, x.len);
		} else if (!sg_esc_json(b, x.s, x.len)) {
			if (out->raw.len)
				sg_sb_putc(&out->raw, ',');
			sg_esc_json(&out->raw, it->text, it->len);
			sg_sb_puts(&out->raw, ":\"");
			sg_base64(&out->raw, x.s, x.len);
			sg_sb_putc(&out->raw, '"');
		}
	}
	if (out->raw.len) {
		sg_sb_puts(b, ",\"_raw\":{");
		sg_sb_put(b, out->raw.p, out->raw.len);
		sg_sb_putc(b, '}');
	}
	sg_sb_puts(b, "}\n");
}

static void print_csv(struct sg_output *out, struct sg_tally *c, struct row *rows, size_t n)
{
	struct sg_strbuf *b = &out->w.buf;
	size_t ncol = c->fields->nitems;

	if (c->header && !c->tables) {
		sg_sb_puts(b, c->interval ? "count,interval" : "count");
		for (size_t i = 0; i < ncol; i++) {
			sg_sb_putc(b, ',');
			sg_esc_csv(b, c->fields->items[i].text, c->fields->items[i].len);
		}
		sg_sb_putc(b, '\n');
	}
	for (size_t r = 0; r < n; r++) {
		const uint8_t *p = rows[r].key;
		sg_sb_printf(b, "%" PRIu64, rows[r].count);
		if (c->interval) {
			sg_sb_putc(b, ',');
			sg_sb_put(b, c->when, c->whenlen);
		}
		for (size_t i = 0; i < ncol; i++) {
			sg_sb_putc(b, ',');
			if (!rows[r].count)
				continue; /* an empty interval's row: no values */
			struct cell x = row_cell(&rows[r], &p);
			sg_esc_csv(b, x.s, x.len);
		}
		sg_sb_putc(b, '\n');
	}
}

static void print_total(struct sg_output *out, struct sg_tally *c)
{
	struct sg_strbuf *b = &out->w.buf;
	if (c->fmt == SG_OUT_JSON) {
		sg_sb_printf(b, "{\"count\":%" PRIu64 "}\n", c->total);
		return;
	}
	if (c->fmt == SG_OUT_CSV && c->header && !c->tables)
		sg_sb_puts(b, "count\n");
	sg_sb_printf(b, "%" PRIu64 "\n", c->total);
}

static void print_table(struct sg_output *out, struct sg_tally *c)
{
	size_t n = 0;
	struct entry **v = sorted(c, &n);
	struct row *rows = malloc((n + 1) * sizeof(*rows));
	if (!rows || (!v && c->nentries)) {
		out->w.buf.oom = 1;
		free(v);
		free(rows);
		return;
	}
	for (size_t i = 0; i < n; i++)
		rows[i] = (struct row){.count = v[i]->count, .key = v[i]->key};
	if (c->other)
		rows[n++] = (struct row){.count = c->other, .key = NULL};
	/* an empty interval still says it passed (text: its header) */
	if (!n && c->interval && c->fmt != SG_OUT_TEXT)
		rows[n++] = (struct row){.count = 0, .key = NULL};
	if (c->fmt == SG_OUT_JSON) {
		for (size_t i = 0; i < n; i++)
			print_json_row(out, c, &rows[i]);
	} else if (c->fmt == SG_OUT_CSV) {
		print_csv(out, c, rows, n);
	} else {
		print_text(out, c, rows, n);
	}
	free(rows);
	free(v);
}

void sg_tally_clock(struct sg_tally *c, uint64_t ns)
{
	c->at_ns = ns;
}

/* The end of the interval being printed: the source's time when it gave
 * one (a capture's), else the wall-clock time now. */
static void interval_end(struct sg_tally *c)
{
	uint64_t ns = c->at_ns;
	if (!ns) {
		struct timespec ts;
		clock_gettime(CLOCK_REALTIME, &ts);
		ns = (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
	}
	if (!sg_clock_utc(&c->clock, ns, &c->when, &c->whenlen)) {
		c->when = "";
		c->whenlen = 0;
	}
}

void sg_tally_print(struct sg_output *out, bool final)
{
	struct sg_tally *c = out->tally;
	/* the last interval of a run with --interval may be empty: then the
	 * tables already printed said it all */
	if (final && c->tables && !c->total)
		return;
	if (c->interval)
		interval_end(c);
	if (c->fields)
		print_table(out, c);
	else
		print_total(out, c);
	c->tables++;
	free_entries(c);
}
