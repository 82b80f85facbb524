/*
 * Field catalogue and values.  The catalogue itself is event/fields.def;
 * this header turns it into an enum and a table, and declares the getter
 * that filter and output share.
 */
#ifndef SG_FIELDS_H
#define SG_FIELDS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "event/event.h"

/* Value types of fields. */
enum sg_ftype {
	SG_FT_NONE = 0,
	SG_FT_U64,
	SG_FT_S64,
	SG_FT_BOOL,
	SG_FT_STR,
	SG_FT_BYTES,   /* like STR but may hold any byte */
	SG_FT_ABSTIME, /* ns since the epoch, compares as a number */
	SG_FT_IPADDR,
	SG_FT_IPNET,   /* an address compared against networks */
	SG_FT_PORT,    /* number; accepts service names in filters */
	SG_FT_SYSCALL, /* string; values checked against syscall names */
	SG_FT_DYN,     /* decided per event (evt.rawarg.X) */
};

enum sg_argmode {
	SG_ARG_NOARG = 0,
	SG_ARG_INDEX,    /* x[N] required */
	SG_ARG_NAME,     /* x.NAME or x[NAME] or x[N] (evt.arg) */
	SG_ARG_KEY,      /* x[KEY] optional: bare x = all */
	SG_ARG_OPTINDEX, /* x[N] optional: bare x = any of them */
};

#define SG_FF_STATE 0x1      /* needs the process table */
#define SG_FF_FD 0x2         /* needs the fd table */
#define SG_FF_DYNARG 0x4     /* the argument names an event parameter */
#define SG_FF_FILTERONLY 0x8 /* cannot be printed (any-of fields) */
#define SG_FF_ENGINE 0x10    /* asks the container engine (<NA> until it answers) */
#define SG_FF_RESOLVER 0x20  /* resolves the names a filter gives (DNS, hosts) */

enum sg_field_id {
#define FIELD(id, name, type, argmode, flags, desc) SG_F_##id,
#include "event/fields.def"
#undef FIELD
	SG_F_MAX
};

struct sg_field_info {
	const char *name;
	uint8_t type;     /* enum sg_ftype */
	uint8_t argmode;  /* enum sg_argmode */
	uint8_t flags;    /* SG_FF_* */
	const char *desc;
};

extern const struct sg_field_info sg_fields[SG_F_MAX];

/* Field by exact name ("proc.name"), or -1. */
int sg_field_lookup(const char *name, size_t len);

/* Closest field name to a misspelt one, or NULL. */
const char *sg_field_suggest(const char *name, size_t len);

/* A field reference: the field plus its argument, resolved at compile time. */
struct sg_fieldref {
	uint16_t id;      /* enum sg_field_id */
	int32_t index;    /* x[N]; -1 when none */
	const char *key;  /* x.NAME / x[KEY]; NULL when none (owned by the parser) */
	uint16_t keylen;
};

struct sg_diag;

/*
 * Parse a field reference at s ("proc.name", "evt.arg.fd", "evt.arg[0]",
 * "proc.aname[2]", "proc.env[HOME]").  Consumes the longest field name and
 * its argument; returns the bytes consumed, or -1 with *d set (unknown
 * field with a suggestion, missing or unexpected argument).  `base` is the
 * whole source text, for error positions.  key points into s.
 */
int sg_fieldref_parse(const char *base, const char *s, struct sg_fieldref *out,
		      struct sg_diag *d);

/* The same, for a name and bracket argument already lexed (the filter
 * parser lexes brackets by libs' rules: quoted, escaped, maybe empty).
 * name[0..nlen) is the dotted name, arg the decoded argument when has_arg
 * (out->key may point into it), argpos where the '[' is in base. */
int sg_fieldref_resolve(const char *base, const char *name, size_t nlen, bool has_arg,
			const char *arg, size_t alen, const char *argpos,
			struct sg_fieldref *out, struct sg_diag *d);

/* Length of the field name (ident(.ident)+) at s, 0 if there is none. */
size_t sg_fieldname_len(const char *s);

/* Write "name", "name[N]", "name.key" or "name[key]" back into buf. */
void sg_fieldref_name(const struct sg_fieldref *ref, char *buf, size_t size);

struct sg_ipaddr {
	uint8_t family;   /* 4 or 6 */
	uint8_t addr[16]; /* IPv4 in the first 4 bytes */
};

/* A field's value for one event.  Strings point into the event, the state
 * or the scratch arena: valid until the arena is reset (next event). */
struct sg_value {
	uint8_t type;     /* enum sg_ftype of this value (never DYN) */
	union {
		uint64_t u;
		int64_t i;
		bool b;
		struct {
			const char *p;
			uint32_t len;
		} s;
		struct sg_ipaddr ip;
	};
};

/* A bump allocator reset once per event: field getters render into it. */
struct sg_arena {
	char *base;
	size_t size;
	size_t used;
};

void sg_arena_init(struct sg_arena *a, size_t size);
void sg_arena_reset(struct sg_arena *a);
void sg_arena_free(struct sg_arena *a);
/* n bytes, or NULL when full (callers then report the field as missing). */
char *sg_arena_alloc(struct sg_arena *a, size_t n);
#endif /* SG_FIELDS_H */
