/*
 * The field catalogue as a table, plus the two things every consumer of a
 * field name needs: finding a field (with a suggestion when it is
 * misspelt) and parsing a reference with its argument ("evt.arg.fd",
 * "proc.aname[2]", "proc.env[HOME]").  The filter parser and the -p format
 * compiler both go through sg_fieldref_parse, so both accept exactly the
 * same spellings and report the same errors.
 */
#include "event/fields.h"
#include "event/suggest.h"
#include "event/syscalls.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "event/diag.h"

const struct sg_field_info sg_fields[SG_F_MAX] = {
#define FIELD(id, name, type, argmode, flags, desc) \
	[SG_F_##id] = { name, SG_FT_##type, SG_ARG_##argmode, flags, desc },
#include "event/fields.def"
#undef FIELD
};

/* Longest index accepted in x[N]: no ancestor chain or argv is longer, and
 * the bound keeps the number far from int32 overflow. */
#define SG_FIELD_INDEX_MAX 1000000

int sg_field_lookup(const char *name, size_t len)
{
	for (int i = 0; i < SG_F_MAX; i++) {
		const char *n = sg_fields[i].name;
		if (strlen(n) == len && memcmp(n, name, len) == 0)
			return i;
	}
	return -1;
}

const char *sg_field_suggest(const char *name, size_t len)
{
	/* a third of the name, at least 1 and at most 3 edits: closer
	 * guesses than that are more confusing than helpful */
	size_t limit = len / 3;
	if (limit < 1)
		limit = 1;
	if (limit > 3)
		limit = 3;
	struct sg_suggest sg;
	sg_suggest_init(&sg, name, len, limit);
	for (int i = 0; i < SG_F_MAX; i++)
		sg_suggest_try(&sg, sg_fields[i].name);
	return sg_suggest_result(&sg);
}

static int is_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int is_word(char c)
{
	return is_alpha(c) || (c >= '0' && c <= '9') || c == '_';
}

/* Length of "ident(.ident)*" at s; *ncomp the number of components. */
static size_t scan_dotted(const char *s, int *ncomp)
{
	size_t n = 0;
	*ncomp = 0;
	for (;;) {
		if (!is_alpha(s[n]))
			return n;
		size_t e = n + 1;
		while (is_word(s[e]))
			e++;
		n = e;
		(*ncomp)++;
		if (s[n] != '.' || !is_alpha(s[n + 1]))
			return n;
		n++;
	}
}

static void report_unknown(const char *base, const char *s, size_t len, struct sg_diag *d)
{
	const char *sug = sg_field_suggest(s, len);
	int shown = len > 200 ? 200 : (int)len;
	if (sug)
		sg_diag_set(d, base, (int)(s - base),
			    "unknown field '%.*s' (did you mean '%s'?)", shown, s, sug);
	else
		sg_diag_set(d, base, (int)(s - base),
			    "unknown field '%.*s' (see --list-fields)", shown, s);
}

/* Resolve the dotted name at s[0..n): an exact field, or a NAME-mode field
 * followed by ".key".  Returns the field id, setting *keyoff to the key. */
static int resolve_name(const char *s, size_t n, size_t *keyoff)
{
	*keyoff = 0;
	int id = sg_field_lookup(s, n);
	if (id >= 0)
		return id;
	/* the longest prefix that takes a named argument */
	for (size_t i = n; i-- > 0;) {
		if (s[i] != '.')
			continue;
		id = sg_field_lookup(s, i);
		if (id >= 0 && sg_fields[id].argmode == SG_ARG_NAME) {
			*keyoff = i + 1;
			return id;
		}
	}
	return -1;
}

static int all_digits(const char *p, size_t n)
{
	if (n == 0)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (p[i] < '0' || p[i] > '9')
			return 0;
	return 1;
}

static int is_argchar(char c)
{
	return c && c != '[' && c != ']' && c != '"' && c != '\'' && c != ' ' &&
	       c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v';
}

/* "[arg]" at s (s[0] == '['): the argument text, quoted or bare.  Returns
 * the bytes consumed or -1. */
static int parse_bracket(const char *base, const char *s, const char **arg, size_t *alen,
			 struct sg_diag *d)
{
	size_t i = 1;
	if (s[i] == '"' || s[i] == '\'') {
		char q = s[i];
		size_t st = ++i;
		while (s[i] && s[i] != q) {
			if (s[i] == '\\') {
				sg_diag_set(d, base, (int)(s + i - base),
					    "escapes are not supported in a field argument");
				return -1;
			}
			i++;
		}
		if (!s[i]) {
			sg_diag_set(d, base, (int)(s + st - 1 - base),
				    "unterminated string in field argument: add the closing %c", q);
			return -1;
		}
		*arg = s + st;
		*alen = i - st;
		i++;
	} else {
		size_t st = i;
		while (is_argchar(s[i]))
			i++;
		*arg = s + st;
		*alen = i - st;
	}
	if (*alen == 0) {
		sg_diag_set(d, base, (int)(s + 1 - base), "expected a field argument inside '[ ]'");
		return -1;
	}
	if (s[i] != ']') {
		sg_diag_set(d, base, (int)(s + i - base), "expected ']' to close the field argument");
		return -1;
	}
	return (int)(i + 1);
}

/* Offset of an argument for messages: arg lies in the text, or it is a
 * decoded copy (the filter parser's), and the '[' at at is shown. */
static int argoff(const char *base, const char *arg, const char *at)
{
	size_t blen = strlen(base);
	if (arg >= base && arg <= base + blen)
		return (int)(arg - base);
	return at ? (int)(at - base) + 1 : 0;
}

static int set_index(const char *base, const char *arg, size_t alen, struct sg_fieldref *out,
		     struct sg_diag *d)
{
	long v = 0;
	for (size_t i = 0; i < alen; i++) {
		v = v * 10 + (arg[i] - '0');
		if (v > SG_FIELD_INDEX_MAX) {
			sg_diag_set(d, base, argoff(base, arg, NULL), "index %.*s is too large (at most %d)",
				    alen > 20 ? 20 : (int)alen, arg, SG_FIELD_INDEX_MAX);
			return -1;
		}
	}
	out->index = (int32_t)v;
	return 0;
}

/* Apply the bracket argument to the reference according to the field's
 * argument mode. */
static int apply_arg(const char *base, const char *at, const char *arg, size_t alen,
		     struct sg_fieldref *out, struct sg_diag *d)
{
	const struct sg_field_info *f = &sg_fields[out->id];
	switch (f->argmode) {
	case SG_ARG_NOARG:
		sg_diag_set(d, base, (int)(at - base), "'%s' takes no argument", f->name);
		return -1;
	case SG_ARG_INDEX:
	case SG_ARG_OPTINDEX:
		if (!all_digits(arg, alen)) {
			sg_diag_set(d, base, argoff(base, arg, at),
				    "'%s' takes a number in brackets, like %s[1]", f->name, f->name);
			return -1;
		}
		return set_index(base, arg, alen, out, d);
	case SG_ARG_NAME:
		if (all_digits(arg, alen))
			return set_index(base, arg, alen, out, d);
		/* fall through */
	case SG_ARG_KEY:
	default:
		if (alen > UINT16_MAX) {
			sg_diag_set(d, base, argoff(base, arg, at), "field argument too long");
			return -1;
		}
		out->key = arg;
		out->keylen = (uint16_t)alen;
		return 0;
	}
}

/* evt.arg.NAME / evt.rawarg[NAME]: libs refuses a name no event has, at
 * compile time; so do filters, -p formats and --count-by here. */
static int check_argname(const char *base, const struct sg_fieldref *ref, struct sg_diag *d)
{
	const char *sug;
	int shown = ref->keylen > 64 ? 64 : (int)ref->keylen;

	if (!(sg_fields[ref->id].flags & SG_FF_DYNARG) || !ref->key ||
	    sg_syscall_param_known(ref->key, ref->keylen, &sug))
		return 0;
	if (sug)
		sg_diag_set(d, base, argoff(base, ref->key, NULL),
			    "unknown event argument '%.*s' (did you mean '%s'?)", shown, ref->key, sug);
	else
		sg_diag_set(d, base, argoff(base, ref->key, NULL),
			    "unknown event argument '%.*s': no syscall sysgrep decodes has it "
			    "(sysgrep --list-events shows them)", shown, ref->key);
	return -1;
}

/* The reference named s[0..n) with the bracket argument arg (has_arg), for
 * sg_fieldref_parse and for the filter parser, which lexes brackets by
 * libs' rules itself.  Returns 0 or -1 with *d set. */
static int resolve_ref(const char *base, const char *s, size_t n, bool has_arg,
		       const char *arg, size_t alen, const char *argpos, struct sg_fieldref *out,
		       struct sg_diag *d)
{
	size_t keyoff;
	int ncomp = 0;
	for (size_t i = 0; i < n; i++)
		ncomp += s[i] == '.';
	int id = ncomp < 1 ? -1 : resolve_name(s, n, &keyoff);
	if (id < 0) {
		report_unknown(base, s, n, d);
		return -1;
	}
	out->id = (uint16_t)id;
	const struct sg_field_info *f = &sg_fields[id];
	if (keyoff) {
		if (has_arg) {
			sg_diag_set(d, base, (int)(argpos - base), "'%.*s' takes no argument in brackets",
				    (int)(n > 200 ? 200 : n), s);
			return -1;
		}
		if (n - keyoff > UINT16_MAX) {
			sg_diag_set(d, base, (int)(s + keyoff - base), "field argument too long");
			return -1;
		}
		out->key = s + keyoff;
		out->keylen = (uint16_t)(n - keyoff);
		return check_argname(base, out, d);
	}
	if (has_arg) {
		if (apply_arg(base, argpos, arg, alen, out, d) < 0 || check_argname(base, out, d))
			return -1;
		return 0;
	}
	if (f->argmode == SG_ARG_INDEX) {
		sg_diag_set(d, base, (int)(s + n - base), "'%s' needs an index, like %s[1]",
			    f->name, f->name);
		return -1;
	}
	if (f->argmode == SG_ARG_NAME && (f->flags & SG_FF_DYNARG)) {
		sg_diag_set(d, base, (int)(s + n - base),
			    "'%s' needs an argument, like %s.fd or %s[0]", f->name, f->name, f->name);
		return -1;
	}
	if (f->argmode == SG_ARG_NAME) {
		sg_diag_set(d, base, (int)(s + n - base), "'%s' needs an argument, like %s[0]",
			    f->name, f->name);
		return -1;
	}
	return 0;
}

int sg_fieldref_resolve(const char *base, const char *name, size_t nlen, bool has_arg,
			const char *arg, size_t alen, const char *argpos,
			struct sg_fieldref *out, struct sg_diag *d)
{
	memset(out, 0, sizeof(*out));
	out->index = -1;
	return resolve_ref(base, name, nlen, has_arg, arg, alen, argpos, out, d);
}

size_t sg_fieldname_len(const char *s)
{
	int ncomp;
	size_t n = scan_dotted(s, &ncomp);
	return ncomp < 2 ? 0 : n;
}

int sg_fieldref_parse(const char *base, const char *s, struct sg_fieldref *out,
		      struct sg_diag *d)
{
	memset(out, 0, sizeof(*out));
	out->index = -1;
	int ncomp;
	size_t n = scan_dotted(s, &ncomp);
	if (n == 0) {
		sg_diag_set(d, base, (int)(s - base), "expected a field name, like proc.name");
		return -1;
	}
	if (ncomp < 2) {
		report_unknown(base, s, n, d);
		return -1;
	}
	if (s[n] != '[')
		return resolve_ref(base, s, n, false, NULL, 0, NULL, out, d) ? -1 : (int)n;
	const char *arg;
	size_t alen;
	int used = parse_bracket(base, s + n, &arg, &alen, d);
	if (used < 0)
		return -1;
	if (resolve_ref(base, s, n, true, arg, alen, s + n, out, d))
		return -1;
	return (int)(n + used);
}

void sg_fieldref_name(const struct sg_fieldref *ref, char *buf, size_t size)
{
	if (!buf || size == 0)
		return;
	if (ref->id >= SG_F_MAX) {
		snprintf(buf, size, "?");
		return;
	}
	const struct sg_field_info *f = &sg_fields[ref->id];
	if (ref->key && f->argmode == SG_ARG_NAME)
		snprintf(buf, size, "%s.%.*s", f->name, (int)ref->keylen, ref->key);
	else if (ref->key)
		snprintf(buf, size, "%s[%.*s]", f->name, (int)ref->keylen, ref->key);
	else if (ref->index >= 0)
		snprintf(buf, size, "%s[%d]", f->name, (int)ref->index);
	else
		snprintf(buf, size, "%s", f->name);
}
