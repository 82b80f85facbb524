/*
 * Comparing an event's value with a constant, with libsinsp's semantics
 * (filter_compare.cpp): numbers numerically, strings bytewise (any byte,
 * NUL included), addresses against networks; 'in' is set membership,
 * 'pmatch' a prefix match on whole path components.
 */
#include "filter/bytecode.h"
#include "filter/bytes.h"
#include "filter/values.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <ctype.h>
#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool value_numeric(uint8_t t)
{
	return t == SG_FT_U64 || t == SG_FT_S64 || t == SG_FT_ABSTIME || t == SG_FT_PORT;
}

static bool value_text(uint8_t t)
{
	return t == SG_FT_STR || t == SG_FT_BYTES || t == SG_FT_SYSCALL;
}

static __int128 value_num(const struct sg_value *v)
{
	return v->type == SG_FT_S64 ? (__int128)v->i : (__int128)v->u;
}

static inline bool cmp_num(uint8_t op, __int128 a, __int128 b)
{
	switch (op) {
	case SG_CMP_EQ:
	case SG_CMP_IN:
	case SG_CMP_INTERSECTS:
		return a == b;
	case SG_CMP_NE:
		return a != b;
	case SG_CMP_LT:
		return a < b;
	case SG_CMP_LE:
		return a <= b;
	case SG_CMP_GT:
		return a > b;
	case SG_CMP_GE:
		return a >= b;
	default:
		return false;
	}
}

static int order(const char *a, uint32_t al, const char *b, uint32_t bl)
{
	int r = memcmp(a, b, al < bl ? al : bl);
	if (r)
		return r;
	return (al > bl) - (al < bl);
}

static bool icontains(const char *h, uint32_t hl, const char *n, uint32_t nl)
{
	if (nl == 0)
		return true;
	for (uint32_t i = 0; i + nl <= hl; i++) {
		uint32_t j = 0;
		while (j < nl && tolower((unsigned char)h[i + j]) == tolower((unsigned char)n[j]))
			j++;
		if (j == nl)
			return true;
	}
	return false;
}

/* The next '/'-separated component of s from *at, skipping empty ones
 * ("/etc//passwd" is etc, passwd); false when there is none left. */
static bool next_comp(const char *s, uint32_t len, uint32_t *at, const char **c, uint32_t *clen)
{
	uint32_t i = *at;
	while (i < len && s[i] == '/')
		i++;
	if (i == len)
		return false;
	uint32_t start = i;
	while (i < len && s[i] != '/')
		i++;
	*c = s + start;
	*clen = i - start;
	*at = i;
	return true;
}

/*
 * libsinsp's path_prefix_search: the pattern's components must match the
 * value's first components, in order.  "/var/run" matches "/var/run" and
 * "/var/run/x", not "/var/running"; a component with * ? or [ is a glob
 * matched against one whole component (so "/etc/" then a star matches
 * "/etc/passwd"); empty components do not count, so "/etc//passwd" is
 * "/etc/passwd" and "/" matches every path.
 */
static bool pmatch(const char *v, uint32_t vl, const char *p, uint32_t pl)
{
	uint32_t vi = 0, pi = 0, vcl, pcl;
	const char *vc, *pc;
	while (next_comp(p, pl, &pi, &pc, &pcl)) {
		if (!next_comp(v, vl, &vi, &vc, &vcl))
			return false;
		bool glob = memchr(pc, '*', pcl) || memchr(pc, '?', pcl) || memchr(pc, '[', pcl);
		if (glob ? !sg_glob(pc, pcl, vc, vcl, false)
			 : pcl != vcl || memcmp(pc, vc, pcl) != 0)
			return false;
	}
	return true;
}

static inline __attribute__((always_inline)) bool cmp_str(uint8_t op, const char *a, uint32_t al, const char *b, uint32_t bl)
{
	switch (op) {
	case SG_CMP_EQ:
	case SG_CMP_IN:
	case SG_CMP_INTERSECTS:
		return al == bl && sg_same_bytes(a, b, al);
	case SG_CMP_NE:
		return al != bl || !sg_same_bytes(a, b, al);
	case SG_CMP_LT:
		return order(a, al, b, bl) < 0;
	case SG_CMP_LE:
		return order(a, al, b, bl) <= 0;
	case SG_CMP_GT:
		return order(a, al, b, bl) > 0;
	case SG_CMP_GE:
		return order(a, al, b, bl) >= 0;
	case SG_CMP_CONTAINS:
	case SG_CMP_BCONTAINS:
		return bl == 0 || memmem(a, al, b, bl) != NULL;
	case SG_CMP_ICONTAINS:
		return icontains(a, al, b, bl);
	case SG_CMP_STARTSWITH:
	case SG_CMP_BSTARTSWITH:
		return bl <= al && sg_same_bytes(a, b, bl);
	case SG_CMP_ENDSWITH:
		return bl <= al && sg_same_bytes(a + al - bl, b, bl);
	case SG_CMP_GLOB:
		return sg_glob(b, bl, a, al, false);
	case SG_CMP_IGLOB:
		return sg_glob(b, bl, a, al, true);
	case SG_CMP_PMATCH:
		return pmatch(a, al, b, bl);
	default:
		return false;
	}
}

static bool in_net(const struct sg_ipaddr *ip, const struct sg_cval *c)
{
	if ((ip->family != 4 && ip->family != 6) || ip->family != c->family)
		return false;
	unsigned full = c->prefix / 8, rest = c->prefix % 8;
	if (memcmp(ip->addr, c->addr, full) != 0)
		return false;
	if (!rest)
		return true;
	uint8_t mask = (uint8_t)(0xff << (8 - rest));
	return (ip->addr[full] & mask) == (c->addr[full] & mask);
}

/* A number against a constant's text (evt.rawarg of a numeric argument
 * compared with a word): compare the decimal text. */
static bool num_as_text(uint8_t op, const struct sg_value *v, const struct sg_cval *c)
{
	char buf[48];
	int n = v->type == SG_FT_S64 ? snprintf(buf, sizeof(buf), "%lld", (long long)v->i)
				     : snprintf(buf, sizeof(buf), "%llu", (unsigned long long)v->u);
	return cmp_str(op, buf, (uint32_t)n, c->s, c->len);
}

bool sg_cmp_one(uint8_t op, const struct sg_value *v, const struct sg_cval *c)
{
	bool has_text = c->kind == SG_CK_STR || c->kind == SG_CK_DYN;
	if (value_numeric(v->type)) {
		if (c->has_num)
			return cmp_num(op, value_num(v), c->n);
		return has_text && num_as_text(op, v, c);
	}
	if (value_text(v->type)) {
		if (has_text)
			return cmp_str(op, v->s.p, v->s.len, c->s, c->len);
		/* a getter gave text for a numeric field: compare as a number */
		__int128 n;
		return c->kind == SG_CK_NUM && sg_parse_int(v->s.p, v->s.len, &n) &&
		       cmp_num(op, n, c->n);
	}
	if (v->type == SG_FT_BOOL && c->kind == SG_CK_BOOL) {
		if (op == SG_CMP_NE)
			return v->b != c->b;
		return (op == SG_CMP_EQ || op == SG_CMP_IN || op == SG_CMP_INTERSECTS) &&
		       v->b == c->b;
	}
	if ((v->type == SG_FT_IPADDR || v->type == SG_FT_IPNET) && c->kind == SG_CK_NET) {
		if (op == SG_CMP_NE)
			return !in_net(&v->ip, c);
		return (op == SG_CMP_EQ || op == SG_CMP_IN || op == SG_CMP_INTERSECTS) &&
		       in_net(&v->ip, c);
	}
	return false;
}

static bool regex_match(const struct sg_cval *c, const struct sg_value *v)
{
	char buf[48];
	const char *s = v->s.p;
	size_t len = v->s.len;
	if (value_numeric(v->type)) {
		int n = v->type == SG_FT_S64 ? snprintf(buf, sizeof(buf), "%lld", (long long)v->i)
					     : snprintf(buf, sizeof(buf), "%llu", (unsigned long long)v->u);
		s = buf;
		len = (size_t)n;
	} else if (!value_text(v->type)) {
		return false;
	}
	if (!c->re || !c->md)
		return false;
	return pcre2_match(c->re, (PCRE2_SPTR)(s ? s : ""), len, 0, 0, c->md, NULL) >= 0;
}

static int cmp_i128(const void *a, const void *b)
{
	__int128 x, y;
	memcpy(&x, a, sizeof(x));
	memcpy(&y, b, sizeof(y));
	return (x > y) - (x < y);
}

static int cmp_strp(const void *a, const void *b)
{
	const struct sg_cval *x = *(const struct sg_cval *const *)a;
	const struct sg_cval *y = *(const struct sg_cval *const *)b;
	return order(x->s, x->len, y->s, y->len);
}

static bool find_num(const struct sg_konst *k, __int128 n)
{
	uint32_t lo = 0, hi = k->nnums;
	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;
		if (k->nums[mid] == n)
			return true;
		if (k->nums[mid] < n)
			lo = mid + 1;
		else
			hi = mid;
	}
	return false;
}

static bool find_str(const struct sg_konst *k, const char *s, uint32_t len)
{
	uint32_t lo = 0, hi = k->nstrs;
	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;
		int r = order(k->strs[mid]->s, k->strs[mid]->len, s, len);
		if (r == 0)
			return true;
		if (r < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return false;
}

/* FNV-1a: strings in a set are hashed once at compile time, and each
 * lookup costs one hash and (almost always) one comparison. */
static uint32_t hash_bytes(const char *s, uint32_t len)
{
	uint32_t h = 2166136261u;
	for (uint32_t i = 0; i < len; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h;
}

static bool hash_find(const struct sg_konst *k, const char *s, uint32_t len)
{
	for (uint32_t i = hash_bytes(s, len) & k->hmask;; i = (i + 1) & k->hmask) {
		uint32_t at = k->hash[i];
		if (!at)
			return false;
		const struct sg_cval *c = k->strs[at - 1];
		if (c->len == len && sg_same_bytes(c->s, s, len))
			return true;
	}
}

static bool build_hash(struct sg_konst *k)
{
	uint32_t size = 8;
	while (size < k->nstrs * 2)
		size *= 2;
	k->hash = calloc(size, sizeof(*k->hash));
	if (!k->hash)
		return false;
	k->hmask = size - 1;
	for (uint32_t j = 0; j < k->nstrs; j++) {
		uint32_t i = hash_bytes(k->strs[j]->s, k->strs[j]->len) & k->hmask;
		while (k->hash[i])
			i = (i + 1) & k->hmask;
		k->hash[i] = j + 1;
	}
	return true;
}

static bool in_set(const struct sg_konst *k, const struct sg_value *v)
{
	if (value_numeric(v->type) && k->nums)
		return find_num(k, value_num(v));
	if (value_text(v->type) && k->hash)
		return hash_find(k, v->s.p, v->s.len);
	if (value_text(v->type) && k->strs)
		return find_str(k, v->s.p, v->s.len);
	for (uint32_t i = 0; i < k->ncv; i++)
		if (sg_cmp_one(SG_CMP_EQ, v, &k->cv[i]))
			return true;
	return false;
}

/* libs' compare_rhs_with_mod: v op r for each r of the list, counted;
 * oneof wants exactly one, anyof at least one, allof all (an empty list
 * is never true). */
static bool cmp_mod(uint8_t op, const struct sg_value *v, const struct sg_konst *k)
{
	uint32_t hits = 0;
	if (k->ncv == 0)
		return false;
	for (uint32_t i = 0; i < k->ncv; i++) {
		bool hit = op == SG_CMP_REGEX ? regex_match(&k->cv[i], v) : sg_cmp_one(op, v, &k->cv[i]);
		if (hit)
			hits++;
		else if (k->mod == SG_MOD_ALLOF)
			return false;
		if (hits && k->mod == SG_MOD_ANYOF)
			return true;
		if (hits > 1 && k->mod == SG_MOD_ONEOF)
			return false;
	}
	return k->mod == SG_MOD_ALLOF || hits == 1;
}

bool sg_cmp_konst(uint8_t op, const struct sg_value *v, const struct sg_konst *k)
{
	if (k->mod && op != SG_CMP_EXISTS)
		return cmp_mod(op, v, k);
	switch (op) {
	case SG_CMP_EXISTS:
		return true;
	case SG_CMP_REGEX:
		return k->ncv > 0 && regex_match(&k->cv[0], v);
	case SG_CMP_IN:
	case SG_CMP_INTERSECTS:
		return in_set(k, v);
	case SG_CMP_PMATCH:
		for (uint32_t i = 0; i < k->ncv; i++)
			if (sg_cmp_one(SG_CMP_PMATCH, v, &k->cv[i]))
				return true;
		return false;
	default:
		break;
	}
	if (k->ncv == 0)
		return false;
	/* the common cases first, without the general dispatch */
	const struct sg_cval *c = &k->cv[0];
	if (c->kind == SG_CK_STR && value_text(v->type))
		return cmp_str(op, v->s.p, v->s.len, c->s, c->len);
	if (c->kind == SG_CK_NUM && value_numeric(v->type))
		return cmp_num(op, value_num(v), c->n);
	return sg_cmp_one(op, v, c);
}

bool sg_konst_memo(struct sg_konst *k)
{
	k->memo = calloc(SG_DEFMEMO, sizeof(*k->memo));
	return k->memo != NULL;
}

bool sg_cmp_def(uint8_t op, struct sg_konst *k, const struct sg_syscall_def *d)
{
	/* defs sit in arrays: their index there spreads them over the memo */
	uintptr_t h = ((uintptr_t)d / sizeof(*d)) % SG_DEFMEMO;
	struct sg_defmemo *m = &k->memo[h];
	if (m->def == d)
		return m->hit;
	struct sg_value v = { .type = SG_FT_SYSCALL };
	v.s.p = d->name;
	v.s.len = (uint32_t)strlen(d->name);
	m->hit = sg_cmp_konst(op, &v, k);
	m->def = d;
	return m->hit;
}

/* Sorted views of a set's numbers and strings.  A set with nothing of a
 * kind leaves that view NULL, and lookups fall back to a linear scan. */
static bool build_views(struct sg_konst *k)
{
	uint32_t nn = 0, ns = 0;
	for (uint32_t i = 0; i < k->ncv; i++) {
		nn += k->cv[i].has_num;
		ns += k->cv[i].kind == SG_CK_STR || k->cv[i].kind == SG_CK_DYN;
	}
	if (nn) {
		k->nums = malloc(nn * sizeof(*k->nums));
		if (!k->nums)
			return false;
		for (uint32_t i = 0; i < k->ncv; i++)
			if (k->cv[i].has_num)
				k->nums[k->nnums++] = k->cv[i].n;
		qsort(k->nums, k->nnums, sizeof(*k->nums), cmp_i128);
	}
	if (ns) {
		k->strs = malloc(ns * sizeof(*k->strs));
		if (!k->strs)
			return false;
		for (uint32_t i = 0; i < k->ncv; i++)
			if (k->cv[i].kind == SG_CK_STR || k->cv[i].kind == SG_CK_DYN)
				k->strs[k->nstrs++] = &k->cv[i];
		qsort(k->strs, k->nstrs, sizeof(*k->strs), cmp_strp);
		return build_hash(k);
	}
	return true;
}

bool sg_konst_prepare(struct sg_konst *k)
{
	if (k->cmp == SG_CMP_IN || k->cmp == SG_CMP_INTERSECTS)
		return build_views(k);
	return true;
}

void sg_konst_free(struct sg_konst *k)
{
	for (uint32_t i = 0; i < k->ncv; i++)
		sg_cval_free(&k->cv[i]);
	free(k->cv);
	free(k->nums);
	free(k->strs);
	free(k->hash);
	free(k->memo);
	memset(k, 0, sizeof(*k));
}
