/*
 * What the output files share among themselves (not part of the public
 * interface, output/output.h): the writer, the escapers, compiled -p
 * formats, field values as text, and each format's entry points.
 */
#ifndef SG_OUTPUT_INTERNAL_H
#define SG_OUTPUT_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "event/utf8.h"
#include <time.h>

#include "event/fields.h"
#include "extract/fieldget.h"
#include "event/strbuf.h"
#include "output/output.h"

/* ---- writer.c: whole events out with write(2) ------------------------- */

#define SG_WRITER_FLUSH_AT (64 * 1024)

struct sg_writer {
	int fd;
	bool buffered; /* flush at SG_WRITER_FLUSH_AT instead of every event */
	bool batch;    /* the caller flushes at the end of each batch */
	struct sg_strbuf buf;
	size_t whole;  /* bytes of buf that are complete events */
	/* where each complete event in buf ends, ascending: a write that
	 * fails part way through a regular file (a full disk) is cut back to
	 * the last whole event, so no partial record is left in the file */
	size_t *ends;
	size_t nends, capends;
	bool ends_lost; /* no room to track them: nothing is cut back */
};

void sg_writer_free(struct sg_writer *w);

/* Write everything buffered.  0, or -1 with errno (EPIPE: reader gone).
 * When memory ran out, the complete events are written and the cut one
 * dropped, and it fails with ENOMEM. */
int sg_writer_flush(struct sg_writer *w);
/* An event (or table) is complete in buf: flush if the mode says so
 * (every event, unless --buffered or batching). */
int sg_writer_commit(struct sg_writer *w);
/* Drop what was rendered since mark (an event that is skipped). */
void sg_writer_rewind(struct sg_writer *w, size_t mark);

/* ---- escape.c: values made safe for each medium ----------------------- */

/* sg_utf8_next and the rest: event/utf8.h */

/* Text: no raw control byte ever (\n \t \r \\ as C escapes, other
 * controls, C1 controls, bidi overrides and invalid bytes as \xHH).
 * Writes at most maxcols columns (a code point or an escape counts as its
 * width, 1 per code point); returns the columns written. */
size_t sg_esc_text(struct sg_strbuf *b, const char *s, size_t n, size_t maxcols);
#define SG_NO_LIMIT ((size_t)-1)

/* JSON string with its quotes.  Returns false when bytes were not valid
 * UTF-8: each maximal invalid subpart is written as one U+FFFD, as
 * Python's and jq's decoders do. */
bool sg_esc_json(struct sg_strbuf *b, const char *s, size_t n);

/* Does s need no escaping at all in JSON (printable ASCII, no quote or
 * backslash)? */
bool sg_json_plain(const char *s, size_t n);

/* Does s need no escaping in text (printable ASCII, no backslash)? */
bool sg_text_plain(const char *s, size_t n);

/* Does s need no quotes in CSV (no comma, quote, CR or LF)? */
bool sg_csv_plain(const char *s, size_t n);

/* CSV field, quoted when it holds a comma, quote, CR or LF. */
void sg_esc_csv(struct sg_strbuf *b, const char *s, size_t n);

/* Standard base64 with padding. */
void sg_base64(struct sg_strbuf *b, const void *d, size_t n);

/* ---- format.c: -p formats and field lists ----------------------------- */

enum sg_item_kind { SG_ITEM_LIT, SG_ITEM_FIELD };

struct sg_fmt_item {
	uint8_t kind;        /* enum sg_item_kind */
	uint32_t width;      /* %Nfield: pad or cut to N columns; 0 = as is */
	struct sg_fieldref ref;
	char *text;          /* LIT: the bytes; FIELD: the name as written */
	size_t len;
	/* FIELD, decided once at compile time: its getter, and whether its
	 * text needs no escaping (sg_field_text_safe) */
	sg_field_fn get;
	bool safe;
	/* %evt.arg or %evt.rawarg alone: every argument, as one JSON object
	 * (-o json only) */
	bool whole;
};

struct sg_fmt {
	char *src;           /* own copy of the text: field keys point into it */
	bool star;           /* leading '*': missing fields print as <NA> */
	size_t nitems;
	struct sg_fmt_item *items;
	size_t nfields;      /* FIELD items */
	size_t whole;        /* 1 + the index of the first whole-args item; 0: none */
};

/* Compile a -p format ("*%evt.num %proc.name\n").  NULL with *d set. */
struct sg_fmt *sg_fmt_compile(const char *src, struct sg_diag *d);
/* Compile a list of fields "proc.name,evt.type" (--count-by). */
struct sg_fmt *sg_fmt_compile_list(const char *src, struct sg_diag *d);
void sg_fmt_free(struct sg_fmt *f);

/* ---- value.c: field values ------------------------------------------- */

/* The raw text of a value (numbers in decimal, booleans true / false,
 * addresses as text, strings as their bytes). */
void sg_value_text(struct sg_strbuf *b, const struct sg_value *v);
/* Written as a JSON number / boolean rather than a string. */
bool sg_value_is_number(const struct sg_value *v);

/* ---- fieldtext.c: a field's value as raw text -------------------------- */

/* evt.time's or evt.datetime's text, the part up to the seconds kept for
 * the second it is of. */
struct sg_clock {
	bool valid;
	time_t sec;
	size_t prefix;  /* datetime: bytes before the nanoseconds */
	char text[64];  /* "HH:MM:SS.nnnnnnnnn", "YYYY-MM-DDTHH:MM:SS.nnnnnnnnnZ" */
};

/* "YYYY-MM-DDTHH:MM:SS.nnnnnnnnnZ" of ts (ns since the epoch), UTC, the
 * text of evt.datetime. */
bool sg_clock_utc(struct sg_clock *c, uint64_t ts, const char **text, size_t *len);

struct sg_output;

/* The text sg_value_text would give for field ref of e, without copying
 * when it can: *text is valid until the next call or the arena's reset.
 * False when the field is missing (or memory ran out). */
bool sg_field_text(struct sg_output *out, struct sg_event *e, const struct sg_fieldref *ref,
		   struct sg_arena *a, const char **text, size_t *len);

/* The fields sg_field_text renders itself (evt.time, evt.datetime,
 * evt.info, evt.args): 1 with the text, 0 when missing, -1 for any other
 * field.  These are strings in every format. */
int sg_field_text_special(struct sg_output *out, struct sg_event *e,
			  const struct sg_fieldref *ref, const char **text, size_t *len);

/* Is every text field id can have free of bytes any medium escapes
 * (numbers, booleans, syscall names, clocks, constant words)?  Those are
 * copied as they are, with no escaper. */
bool sg_field_text_safe(unsigned id);

/* Medium of sg_field_put: how a value is made safe. */
enum sg_medium { SG_MED_TEXT, SG_MED_CSV };

/* Append field ref's text to b made safe for the medium, without a scratch
 * copy where it can (safe fields as they are, evt.info / evt.args rendered
 * in place and checked); false when the field is missing. */
struct sg_fmt_item;
bool sg_field_put(struct sg_output *out, struct sg_strbuf *b, struct sg_event *e,
		  const struct sg_fmt_item *it, struct sg_arena *a, enum sg_medium m);

/* ---- the output object and its formats ------------------------------- */

struct sg_tally;

struct sg_output {
	struct sg_output_opts o;
	struct sg_writer w;
	struct sg_fmt *fmt;          /* -p, the default text line, or CSV columns */
	struct sg_tally *tally;  /* -c / --count-by */
	struct sg_strbuf tmp;        /* scratch for one value */
	struct sg_strbuf raw;        /* JSON: the _raw object being built */
	struct sg_strbuf key;        /* JSON: a key of _raw */
	uint8_t fieldkey[SG_F_MAX];  /* JSON: length of each plain field name */
	struct sg_clock clock;       /* evt.time */
	struct sg_clock utc;         /* evt.datetime */
	char num[24];                /* a number's text */
	/* JSON: the process part of the last default record, kept while the
	 * next event is of the same thread, process entry and generation */
	struct sg_jproc {
		bool valid;
		uint32_t tid, pid, uid, ppid;
		const void *proc;
		uint64_t gen;
		char comm[16];
		struct sg_strbuf text;
	} jproc;
	uint64_t printed;            /* events written */
	uint64_t shown;              /* printed, or counted (-c, --count-by, -q) */
	bool header_done;            /* CSV header row */
};

/* Each renders one event at the end of out->w.buf and returns true, or
 * returns false (and leaves buf as it was) when the event is skipped. */
bool sg_text_event(struct sg_output *out, struct sg_event *e, struct sg_arena *a);
bool sg_json_event(struct sg_output *out, struct sg_event *e, struct sg_arena *a);
/* Once, before the first JSON event. */
void sg_json_prepare(struct sg_output *out);
bool sg_csv_event(struct sg_output *out, struct sg_event *e, struct sg_arena *a);
void sg_csv_header(struct sg_output *out);

/* The default text line and CSV columns. */
extern const char sg_text_default_format[];
extern const char sg_csv_default_format[];

/* count.c: -c and --count-by. */
struct sg_tally *sg_tally_new(const struct sg_output_opts *o, struct sg_diag *d);
void sg_tally_event(struct sg_tally *c, struct sg_event *e, struct sg_arena *a);
/* n events of e's key at once. */
void sg_tally_add(struct sg_tally *c, struct sg_event *e, struct sg_arena *a, uint64_t n);
/* Render the count or table of this interval into out->w.buf and reset it. */
void sg_tally_print(struct sg_output *out, bool final);
void sg_tally_clock(struct sg_tally *c, uint64_t ns);
void sg_tally_free(struct sg_tally *c);

#endif /* SG_OUTPUT_INTERNAL_H */
