/*
 * libs' multi-value transformers at run time: join(sep, list),
 * concat(a, b, ...), getopt(list, optstring)[c] and transformer lists
 * "(a, b)", evaluated over the checked operand tree.  Every string they
 * build goes into the per-event arena; when it is full the value is
 * missing (the comparison is false), never cut.  Numbers in a list are
 * their decimal text, as libs' rawnum_check makes them.
 */
#include "filter/multival.h"

#include <stdio.h>
#include <string.h>

#include "extract/fieldget.h"
#include "filter/bytecode.h"

#define SG_MV_MAX_ITEMS 4096 /* values one list may hold */

static bool text_of(struct sg_value *v, struct sg_arena *a)
{
	char *buf;
	int n;
	switch (v->type) {
	case SG_FT_STR:
	case SG_FT_SYSCALL:
	case SG_FT_BYTES:
		return true;
	case SG_FT_U64:
	case SG_FT_ABSTIME:
	case SG_FT_PORT:
		buf = sg_arena_alloc(a, 24);
		if (!buf)
			return false;
		n = snprintf(buf, 24, "%llu", (unsigned long long)v->u);
		break;
	case SG_FT_S64:
		buf = sg_arena_alloc(a, 24);
		if (!buf)
			return false;
		n = snprintf(buf, 24, "%lld", (long long)v->i);
		break;
	case SG_FT_BOOL:
		buf = sg_arena_alloc(a, 6);
		if (!buf)
			return false;
		n = snprintf(buf, 6, "%s", v->b ? "true" : "false");
		break;
	default:
		return false;
	}
	v->type = SG_FT_STR;
	v->s.p = buf;
	v->s.len = (uint32_t)n;
	return true;
}

static bool one(struct sg_mvres *r, struct sg_arena *a, const struct sg_value *v)
{
	r->v = (struct sg_value *)sg_arena_alloc(a, sizeof(*r->v));
	if (!r->v)
		return false;
	r->v[0] = *v;
	r->n = 1;
	r->list = false;
	return true;
}

static bool make_str(struct sg_mvres *r, struct sg_arena *a, const char *s, uint32_t len)
{
	struct sg_value v = { .type = SG_FT_STR };
	v.s.p = s;
	v.s.len = len;
	return one(r, a, &v);
}

/* Append the values of src to the list dst (both in the arena). */
static bool append(struct sg_mvres *dst, const struct sg_mvres *src, struct sg_arena *a)
{
	if (dst->n + src->n > SG_MV_MAX_ITEMS)
		return false;
	struct sg_value *v = (struct sg_value *)sg_arena_alloc(a, (dst->n + src->n) * sizeof(*v));
	if (!v)
		return false;
	if (dst->n)
		memcpy(v, dst->v, dst->n * sizeof(*v));
	memcpy(v + dst->n, src->v, src->n * sizeof(*v));
	dst->v = v;
	dst->n += src->n;
	return true;
}

static bool eval_list(const struct sg_operand *o, struct sg_event *e, struct sg_arena *a,
		      struct sg_mvres *r)
{
	*r = (struct sg_mvres){ .list = true };
	for (int i = 0; i < o->nargs; i++) {
		struct sg_mvres x;
		if (!sg_mv_eval(&o->args[i], e, a, &x))
			return false;
		for (uint32_t j = 0; j < x.n; j++)
			if (!text_of(&x.v[j], a))
				return false;
		if (!append(r, &x, a))
			return false;
	}
	return true;
}

/* The single text value of an argument. */
static bool eval_text(const struct sg_operand *o, struct sg_event *e, struct sg_arena *a,
		      struct sg_value *out)
{
	struct sg_mvres x;
	if (!sg_mv_eval(o, e, a, &x) || x.n != 1)
		return false;
	*out = x.v[0];
	return text_of(out, a);
}

static bool eval_join(const struct sg_operand *o, struct sg_event *e, struct sg_arena *a,
		      struct sg_mvres *r)
{
	struct sg_value sep;
	struct sg_mvres l;
	if (!eval_text(&o->args[0], e, a, &sep) || !sg_mv_eval(&o->args[1], e, a, &l))
		return false;
	size_t len = 0;
	for (uint32_t i = 0; i < l.n; i++)
		len += l.v[i].s.len + (i ? sep.s.len : 0);
	char *out = sg_arena_alloc(a, len + 1);
	if (!out)
		return false;
	size_t at = 0;
	for (uint32_t i = 0; i < l.n; i++) {
		if (i) {
			memcpy(out + at, sep.s.p, sep.s.len);
			at += sep.s.len;
		}
		memcpy(out + at, l.v[i].s.p, l.v[i].s.len);
		at += l.v[i].s.len;
	}
	out[at] = '\0';
	return make_str(r, a, out, (uint32_t)at);
}

static bool eval_concat(const struct sg_operand *o, struct sg_event *e, struct sg_arena *a,
			struct sg_mvres *r)
{
	struct sg_value parts[64];
	if (o->nargs > 64)
		return false;
	size_t len = 0;
	for (int i = 0; i < o->nargs; i++) {
		if (!eval_text(&o->args[i], e, a, &parts[i]))
			return false;
		len += parts[i].s.len;
	}
	char *out = sg_arena_alloc(a, len + 1);
	if (!out)
		return false;
	size_t at = 0;
	for (int i = 0; i < o->nargs; i++) {
		memcpy(out + at, parts[i].s.p, parts[i].s.len);
		at += parts[i].s.len;
	}
	out[at] = '\0';
	return make_str(r, a, out, (uint32_t)at);
}

/* The options of a getopt(3) optstring: valid ones, those taking an
 * argument (a ':' after them); a leading ':' only changes what getopt
 * reports for a missing argument, which the results below do not show. */
struct optinfo {
	bool valid[256], arg[256];
};

static void parse_optstring(const char *s, uint32_t len, struct optinfo *oi)
{
	memset(oi, 0, sizeof(*oi));
	uint32_t i = len && s[0] == ':' ? 1 : 0;
	for (; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == ':')
			continue;
		oi->valid[c] = true;
		if (i + 1 < len && s[i + 1] == ':') {
			oi->arg[c] = true;
			i++;
		}
	}
}

static bool push_text(struct sg_mvres *r, struct sg_arena *a, const char *s, uint32_t len)
{
	struct sg_mvres x;
	return make_str(&x, a, s, len) && append(r, &x, a);
}

/*
 * libs' getopt transformer: scan the arguments as getopt(3) would, stopping
 * at "--" or the first non-option; "--long" options are skipped.  Without a
 * selector the result lists each option letter (and its argument after it;
 * "?" for an unknown letter); with [c] it is c's last argument (or the
 * letter, for an option without one; "" when its argument is missing).
 */
static bool eval_getopt(const struct sg_operand *o, struct sg_event *e, struct sg_arena *a,
			struct sg_mvres *r)
{
	struct sg_value optstr;
	struct sg_mvres args;
	struct optinfo oi;
	if (!eval_text(&o->args[1], e, a, &optstr) || !sg_mv_eval(&o->args[0], e, a, &args))
		return false;
	parse_optstring(optstr.s.p, optstr.s.len, &oi);
	*r = (struct sg_mvres){ .list = !o->has_sel };
	struct sg_value sel = { 0 };
	bool have_sel = false;
	unsigned char want = (unsigned char)o->sel;
	for (uint32_t ai = 0; ai < args.n; ai++) {
		const char *s = args.v[ai].s.p;
		uint32_t len = args.v[ai].s.len;
		if (len == 2 && s[0] == '-' && s[1] == '-')
			break;
		if (len > 2 && s[0] == '-' && s[1] == '-')
			continue;
		if (len < 2 || s[0] != '-')
			break;
		for (uint32_t i = 1; i < len; i++) {
			unsigned char c = (unsigned char)s[i];
			if (c == ':' || !oi.valid[c]) {
				if (!o->has_sel && !push_text(r, a, "?", 1))
					return false;
				continue;
			}
			bool match = !o->has_sel || c == want;
			if (!oi.arg[c]) {
				if (match && o->has_sel) {
					sel = (struct sg_value){ .type = SG_FT_STR, .s = { s + i, 1 } };
					have_sel = true;
				} else if (match && !push_text(r, a, s + i, 1)) {
					return false;
				}
				continue;
			}
			const char *val = NULL;
			uint32_t vlen = 0;
			if (i + 1 < len) {
				val = s + i + 1;
				vlen = len - i - 1;
			} else if (ai + 1 < args.n) {
				ai++;
				val = args.v[ai].s.p;
				vlen = args.v[ai].s.len;
			}
			/* a missing argument gives "" (libs), not the letter */
			if (match && o->has_sel) {
				sel = (struct sg_value){ .type = SG_FT_STR, .s = { val ? val : "", vlen } };
				have_sel = true;
			} else if (match && !val) {
				if (!push_text(r, a, "", 0))
					return false;
			} else if (match) {
				if (!push_text(r, a, s + i, 1) || !push_text(r, a, val, vlen))
					return false;
			}
			break;
		}
	}
	if (o->has_sel)
		return have_sel && one(r, a, &sel);
	return true;
}

static bool eval_base(const struct sg_operand *o, struct sg_event *e, struct sg_arena *a,
		      struct sg_mvres *r)
{
	struct sg_value v;
	switch (o->base) {
	case SG_OB_FIELD:
		return sg_field_get(e, &o->ref, &v, a) && one(r, a, &v);
	case SG_OB_STR:
		return make_str(r, a, o->str, o->slen);
	case SG_OB_LIST:
		return eval_list(o, e, a, r);
	case SG_OB_JOIN:
		return eval_join(o, e, a, r);
	case SG_OB_CONCAT:
		return eval_concat(o, e, a, r);
	case SG_OB_GETOPT:
		return eval_getopt(o, e, a, r);
	}
	return false;
}

bool sg_mv_eval(const struct sg_operand *o, struct sg_event *e, struct sg_arena *a,
		struct sg_mvres *r)
{
	if (!eval_base(o, e, a, r))
		return false;
	for (int i = 0; i < o->nxf; i++) {
		if (r->list && o->xf[i] == SG_XF_LEN) {
			struct sg_value n = { .type = SG_FT_U64, .u = r->n };
			if (!one(r, a, &n))
				return false;
			continue;
		}
		for (uint32_t j = 0; j < r->n; j++)
			if (!sg_xform_apply(o->xf[i], &r->v[j], a))
				return false;
	}
	return true;
}

bool sg_mv_cmp_list(uint8_t op, const struct sg_mvres *r, const struct sg_konst *k)
{
	/* libs' list comparison: in = every value is in the set, intersects =
	 * some value is */
	for (uint32_t i = 0; i < r->n; i++) {
		bool in = sg_cmp_konst(SG_CMP_IN, &r->v[i], k);
		if (op == SG_CMP_INTERSECTS && in)
			return true;
		if (op == SG_CMP_IN && !in)
			return false;
	}
	return op == SG_CMP_IN;
}
