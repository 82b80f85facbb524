/*
 * Glob matching with fnmatch(3) semantics and flags 0 (no FNM_PATHNAME, so
 * '*' crosses '/'; backslash escapes; no special leading '.'), but on byte
 * strings with lengths: event data may hold NUL bytes, and fnmatch would
 * need a copy.  '*' is matched by backtracking to the last star only, so
 * the cost is O(len(pattern) * len(text)) at worst, never exponential.
 */
#include "filter/bytecode.h"

#include <ctype.h>
#include <string.h>

static int fold(int c, bool icase)
{
	return icase ? tolower(c) : c;
}

static bool in_class(const char *name, size_t n, int c)
{
	static const struct {
		const char *name;
		int (*fn)(int);
	} classes[] = {
		{ "alnum", isalnum }, { "alpha", isalpha }, { "blank", isblank },
		{ "cntrl", iscntrl }, { "digit", isdigit }, { "graph", isgraph },
		{ "lower", islower }, { "print", isprint }, { "punct", ispunct },
		{ "space", isspace }, { "upper", isupper }, { "xdigit", isxdigit },
	};
	for (size_t i = 0; i < sizeof(classes) / sizeof(classes[0]); i++)
		if (strlen(classes[i].name) == n && !memcmp(classes[i].name, name, n))
			return classes[i].fn(c) != 0;
	return false;
}

/* One bracket element at p[*i]: a [:class:], an escaped or plain byte, or
 * a range.  Returns -1 when the pattern ends inside the bracket. */
static int bracket_elem(const char *p, uint32_t pl, uint32_t *i, int c, bool icase)
{
	if (p[*i] == '[' && *i + 1 < pl && p[*i + 1] == ':') {
		const char *end = memmem(p + *i + 2, pl - *i - 2, ":]", 2);
		if (end) {
			/* as glibc: classes are not case-folded */
			size_t n = (size_t)(end - (p + *i + 2));
			*i = (uint32_t)(end - p) + 2;
			return in_class(p + *i - n - 2, n, c);
		}
	}
	if (p[*i] == '\\' && *i + 1 < pl)
		(*i)++;
	int lo = (unsigned char)p[(*i)++];
	int hi = lo;
	if (*i + 1 < pl && p[*i] == '-' && p[*i + 1] != ']') {
		(*i)++;
		if (p[*i] == '\\' && *i + 1 < pl)
			(*i)++;
		hi = (unsigned char)p[(*i)++];
	}
	if (c >= lo && c <= hi)
		return 1;
	if (icase) {
		int l = tolower(c), u = toupper(c);
		return (l >= lo && l <= hi) || (u >= lo && u <= hi);
	}
	return 0;
}

/* A bracket expression starting at p[i] == '['.  Returns the index after
 * it and sets *hit, or 0 when it is not terminated (then '[' is literal). */
static uint32_t bracket(const char *p, uint32_t pl, uint32_t i, int c, bool icase, bool *hit)
{
	i++;
	bool neg = i < pl && (p[i] == '!' || p[i] == '^');
	if (neg)
		i++;
	bool any = false, first = true;
	while (i < pl && (first || p[i] != ']')) {
		first = false;
		int r = bracket_elem(p, pl, &i, c, icase);
		if (r < 0)
			return 0;
		any = any || r;
	}
	if (i >= pl)
		return 0;
	*hit = any != neg;
	return i + 1;
}

/* Does the pattern element at p[*pi] match byte c?  Advances *pi. */
static bool match_one(const char *p, uint32_t pl, uint32_t *pi, int c, bool icase)
{
	char pc = p[*pi];
	if (pc == '?') {
		(*pi)++;
		return true;
	}
	if (pc == '[') {
		bool hit = false;
		uint32_t next = bracket(p, pl, *pi, c, icase, &hit);
		if (next) {
			*pi = next;
			return hit;
		}
	}
	if (pc == '\\') {
		/* a lone backslash at the end matches nothing, as in glibc */
		if (*pi + 1 >= pl)
			return false;
		pc = p[++*pi];
	}
	(*pi)++;
	return fold((unsigned char)pc, icase) == fold(c, icase);
}

bool sg_glob(const char *pat, uint32_t plen, const char *s, uint32_t slen, bool icase)
{
	uint32_t pi = 0, si = 0;
	uint32_t star_p = UINT32_MAX, star_s = 0;
	while (si < slen) {
		if (pi < plen && pat[pi] == '*') {
			while (pi < plen && pat[pi] == '*')
				pi++;
			star_p = pi;
			star_s = si;
			continue;
		}
		uint32_t save = pi;
		if (pi < plen && match_one(pat, plen, &pi, (unsigned char)s[si], icase)) {
			si++;
			continue;
		}
		pi = save;
		if (star_p == UINT32_MAX)
			return false;
		pi = star_p;
		si = ++star_s;
	}
	while (pi < plen && pat[pi] == '*')
		pi++;
	return pi == plen;
}
