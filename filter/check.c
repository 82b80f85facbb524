/*
 * The type checker: every comparison is checked against the field
 * catalogue (which operators a type takes, which transformers apply) and
 * every constant is parsed once, here, into the form the VM compares
 * against.  All errors a filter can have are found at this point, never
 * while events flow.  The operator tables follow libsinsp's
 * flt_is_comparable (filter_compare.cpp).
 */
#include "filter/ast.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "event/suggest.h"
#include "event/syscalls.h"
#include "filter/values.h"
#include "state/state.h"

struct checker {
	const char *src;
	struct sg_diag *d;
	bool in_args;
};

#define OPS(...) (ops_mask(__VA_ARGS__, -1))
static uint32_t ops_mask(int first, ...)
{
	uint32_t m = 0;
	va_list ap;
	va_start(ap, first);
	for (int op = first; op >= 0; op = va_arg(ap, int))
		m |= 1u << op;
	va_end(ap);
	return m;
}

static bool is_numeric(uint8_t t)
{
	return t == SG_FT_U64 || t == SG_FT_S64 || t == SG_FT_ABSTIME || t == SG_FT_PORT;
}

static bool is_text(uint8_t t)
{
	return t == SG_FT_STR || t == SG_FT_SYSCALL || t == SG_FT_BYTES;
}

static bool is_ip(uint8_t t)
{
	return t == SG_FT_IPADDR || t == SG_FT_IPNET;
}

/* Operators each value type takes. */
static uint32_t allowed_ops(uint8_t t)
{
	uint32_t all = (1u << SG_CMP_MAX) - 1;
	uint32_t bin = OPS(SG_CMP_BCONTAINS, SG_CMP_BSTARTSWITH);
	if (is_numeric(t))
		return OPS(SG_CMP_EQ, SG_CMP_NE, SG_CMP_LT, SG_CMP_LE, SG_CMP_GT, SG_CMP_GE,
			   SG_CMP_IN, SG_CMP_INTERSECTS, SG_CMP_EXISTS);
	if (t == SG_FT_BOOL || is_ip(t))
		return OPS(SG_CMP_EQ, SG_CMP_NE, SG_CMP_IN, SG_CMP_INTERSECTS, SG_CMP_EXISTS);
	if (t == SG_FT_BYTES)
		return OPS(SG_CMP_EQ, SG_CMP_NE, SG_CMP_CONTAINS, SG_CMP_IN, SG_CMP_EXISTS,
			   SG_CMP_STARTSWITH, SG_CMP_ENDSWITH, SG_CMP_INTERSECTS, SG_CMP_BCONTAINS,
			   SG_CMP_BSTARTSWITH);
	return all & ~bin; /* strings, syscall names, evt.rawarg */
}

static const char *type_noun(uint8_t t)
{
	switch (t) {
	case SG_FT_U64:
	case SG_FT_S64:
	case SG_FT_ABSTIME:
		return "number";
	case SG_FT_PORT:
		return "port";
	case SG_FT_BOOL:
		return "bool";
	case SG_FT_BYTES:
		return "buffer";
	case SG_FT_IPADDR:
		return "IP address";
	case SG_FT_IPNET:
		return "network";
	case SG_FT_DYN:
		return "argument";
	default:
		return "string";
	}
}

static const char *ops_hint(uint8_t t)
{
	if (is_numeric(t))
		return "use =, !=, <, <=, >, >=, in or exists";
	if (t == SG_FT_BOOL || is_ip(t))
		return "use =, !=, in or exists";
	if (t == SG_FT_BYTES)
		return "use =, !=, contains, bcontains, startswith, bstartswith, endswith, in or exists";
	return "use contains or startswith on strings";
}

/* "proc.name", or "tolower(proc.name)" for a transformed operand. */
static void operand_name(const struct sg_operand *o, char *buf, size_t size)
{
	static const char *const base_names[] = { [SG_OB_STR] = "a string", [SG_OB_LIST] = "a list",
						   [SG_OB_JOIN] = "join(...)", [SG_OB_CONCAT] = "concat(...)",
						   [SG_OB_GETOPT] = "getopt(...)" };
	char name[256];
	if (o->base == SG_OB_FIELD)
		sg_fieldref_name(&o->ref, name, sizeof(name));
	else
		snprintf(name, sizeof(name), "%s", base_names[o->base]);
	size_t n = 0;
	buf[0] = '\0';
	for (int i = o->nxf - 1; i >= 0 && n < size; i--)
		n += (size_t)snprintf(buf + n, size - n, "%s(", sg_xform_names[o->xf[i]]);
	if (n < size)
		n += (size_t)snprintf(buf + n, size - n, "%s", name);
	for (int i = 0; i < o->nxf && n < size; i++)
		n += (size_t)snprintf(buf + n, size - n, ")");
}

/* Any-of fields: several values per event (client and server, every
 * ancestor), compared one by one through sg_field_get_nth. */
static bool field_is_anyof(const struct sg_fieldref *r)
{
	const struct sg_field_info *f = &sg_fields[r->id];
	if (f->flags & (SG_FF_FILTERONLY | SG_FF_RESOLVER))
		return true;
	/* bare proc.args is the joined argument string, not any-of */
	return f->argmode == SG_ARG_OPTINDEX && r->index < 0 && r->id != SG_F_PROC_ARGS;
}

static bool xform_type(struct checker *c, struct sg_operand *o, int i, uint8_t *t)
{
	uint8_t x = o->xf[i], in = *t;
	bool ok;
	if (o->list) {
		/* libs: len() of a list is its length; the others take one value */
		ok = x == SG_XF_LEN;
		if (ok) {
			o->list = false;
			*t = SG_FT_U64;
			return true;
		}
		char name[300];
		struct sg_operand inner = *o;
		inner.nxf = (uint8_t)i;
		operand_name(&inner, name, sizeof(name));
		sg_diag_set(c->d, c->src, o->off, "%s() cannot take the list %s: it works on one "
						  "value (len() counts a list)", sg_xform_names[x], name);
		return false;
	}
	switch (x) {
	case SG_XF_LEN:
		ok = is_text(in);
		*t = SG_FT_U64;
		break;
	case SG_XF_B64:
		ok = in == SG_FT_STR || in == SG_FT_SYSCALL || in == SG_FT_BYTES;
		*t = in == SG_FT_BYTES ? SG_FT_BYTES : SG_FT_STR;
		break;
	default: /* tolower, toupper, basename: strings */
		ok = in == SG_FT_STR || in == SG_FT_SYSCALL;
		*t = SG_FT_STR;
		break;
	}
	if (ok)
		return true;
	char name[300];
	struct sg_operand inner = *o;
	inner.nxf = (uint8_t)i;
	operand_name(&inner, name, sizeof(name));
	sg_diag_set(c->d, c->src, o->off, "%s() cannot take the %s '%s'%s",
		    sg_xform_names[x], type_noun(in), name,
		    x == SG_XF_LEN || x == SG_XF_B64 ? ": it works on strings and buffers"
						     : ": it works on strings");
	return false;
}

/* evt.rawarg.X has the type of the argument X names (libs: the first
 * event parameter of that name); NONE when that type compares with
 * nothing (addresses, tuples, argv): only 'exists' then. */
static uint8_t rawarg_type(const struct sg_fieldref *r)
{
	if (!r->key)
		return SG_FT_DYN; /* evt.rawarg[N]: decided per event */
	/* names whose first event in libs' table is not sysgrep's first: libs'
	 * connect (a sockaddr) comes before mmap (a number) */
	if (r->keylen == 4 && !memcmp(r->key, "addr", 4))
		return SG_FT_NONE;
	switch (sg_syscall_param_type(r->key, r->keylen)) {
	case SG_PT_INT:
	case SG_PT_ERRNO:
	case SG_PT_FD:
	case SG_PT_DIRFD:
	case SG_PT_PID:
		return SG_FT_S64;
	case SG_PT_UINT:
	case SG_PT_HEX:
	case SG_PT_UID:
	case SG_PT_GID:
	case SG_PT_MODE:
	case SG_PT_FLAGS:
	case SG_PT_ENUM:
	case SG_PT_SIGNAL:
	case SG_PT_DEV:
		return SG_FT_U64;
	case SG_PT_PATH:
	case SG_PT_STR:
		return SG_FT_STR;
	case SG_PT_BYTES:
	case SG_PT_RAW:
		return SG_FT_BYTES;
	default:
		return SG_FT_NONE;
	}
}

static bool check_operand(struct checker *c, struct sg_operand *o, bool rhs);

static bool err_args(struct checker *c, const struct sg_operand *o, const char *msg)
{
	sg_diag_set(c->d, c->src, o->off, "%s", msg);
	return false;
}

/* join(sep, list), concat(a, b...), getopt(list, optstring), (a, b): the
 * argument rules of libs' multi-value transformers. */
static bool check_multi(struct checker *c, struct sg_operand *o)
{
	bool save = c->in_args;
	c->in_args = true;
	for (int i = 0; i < o->nargs; i++) {
		if (!check_operand(c, &o->args[i], false)) {
			c->in_args = save;
			return false;
		}
	}
	c->in_args = save;
	const struct sg_operand *a = o->args;
	switch (o->base) {
	case SG_OB_LIST:
		o->type = SG_FT_STR;
		o->list = true;
		return true;
	case SG_OB_JOIN:
		if (o->nargs != 2)
			return err_args(c, o, "join() requires exactly 2 arguments: separator and list");
		if (a[0].list)
			return err_args(c, o, "join() first argument (separator) must be a single value, not a list");
		if (!a[1].list)
			return err_args(c, o, "join() second argument must be a list, like (fd.name, fd.directory)");
		break;
	case SG_OB_CONCAT:
		if (o->nargs < 2)
			return err_args(c, o, "concat() requires at least 2 arguments");
		for (int i = 0; i < o->nargs; i++)
			if (a[i].list || (a[i].type != SG_FT_STR && a[i].type != SG_FT_SYSCALL))
				return err_args(c, &a[i], "concat() arguments must be strings");
		break;
	case SG_OB_GETOPT:
		if (o->nargs != 2)
			return err_args(c, o, "getopt() requires exactly 2 arguments: args list and optstring");
		if (!a[0].list)
			return err_args(c, o, "getopt() first argument must be a list, like (\"-n\", \"x\")");
		if (a[1].list)
			return err_args(c, o, "getopt() second argument (optstring) must be a single value");
		if (a[0].type != SG_FT_STR || (a[1].type != SG_FT_STR && a[1].type != SG_FT_SYSCALL))
			return err_args(c, o, "getopt() arguments must be strings");
		if (o->bad_sel)
			return err_args(c, o, "getopt() field argument must be a single option "
					      "character, like getopt(...)[t]");
		o->type = SG_FT_STR;
		o->list = !o->has_sel;
		return true;
	default:
		break;
	}
	o->type = SG_FT_STR;
	o->list = false;
	return true;
}

static bool check_operand(struct checker *c, struct sg_operand *o, bool rhs)
{
	uint8_t t;
	if (o->base == SG_OB_STR) {
		t = SG_FT_STR;
	} else if (o->base != SG_OB_FIELD) {
		if (!check_multi(c, o))
			return false;
		t = o->type;
	} else {
		const struct sg_field_info *f = &sg_fields[o->ref.id];
		o->anyof = field_is_anyof(&o->ref);
		/* libs' EPF_NO_TRANSFORMER / EPF_NO_RHS: any-of fields and evt.rawarg */
		bool raw = o->ref.id == SG_F_EVT_RAWARG;
		if ((o->anyof || raw) && (o->nxf || rhs)) {
			const char *ex = f->argmode == SG_ARG_OPTINDEX ? "[1]" : "";
			if (raw)
				sg_diag_set(c->d, c->src, o->field_off,
					    "'evt.rawarg' %s (use evt.arg.X, its text)",
					    rhs ? "cannot be a right-hand side field"
						: "does not take transformers");
			else
				sg_diag_set(c->d, c->src, o->field_off,
					    "'%s' has several values per event, so it cannot be %s%s%s%s",
					    f->name, rhs ? "a right-hand side field" : "transformed",
					    *ex ? ": pick one, like " : "", *ex ? f->name : "", ex);
			return false;
		}
		if (o->anyof && c->in_args) {
			sg_diag_set(c->d, c->src, o->field_off,
				    "'%s' has several values per event, so it cannot be a transformer's argument",
				    f->name);
			return false;
		}
		t = raw ? rawarg_type(&o->ref) : f->type;
		o->list = false;
	}
	for (int i = 0; i < o->nxf; i++)
		if (!xform_type(c, o, i, &t))
			return false;
	o->type = t;
	return true;
}

static bool check_op(struct checker *c, const struct sg_ast *n)
{
	uint8_t t = n->lhs.type;
	if (n->op == SG_CMP_EXISTS)
		return true;
	if (n->lhs.list) {
		/* libs' flt_is_comparable_any_list */
		if (n->op == SG_CMP_IN || n->op == SG_CMP_INTERSECTS)
			return true;
		char name[300];
		operand_name(&n->lhs, name, sizeof(name));
		sg_diag_set(c->d, c->src, n->op_off,
			    "'%s' cannot compare the list %s (use in, intersects or exists)",
			    sg_cmpop_names[n->op], name);
		return false;
	}
	if (t == SG_FT_NONE) {
		char name[300];
		operand_name(&n->lhs, name, sizeof(name));
		sg_diag_set(c->d, c->src, n->op_off,
			    "'%s' cannot compare '%s': its argument's type (an address, a tuple, a "
			    "list of strings) compares with nothing; use exists, or evt.arg for its text",
			    sg_cmpop_names[n->op], name);
		return false;
	}
	if (allowed_ops(t) & (1u << n->op))
		return true;
	char name[300];
	operand_name(&n->lhs, name, sizeof(name));
	const char *what = n->lhs.nxf ? "" : " field";
	sg_diag_set(c->d, c->src, n->op_off, "'%s' cannot compare the %s%s '%s' (%s)",
		    sg_cmpop_names[n->op], type_noun(t), what, name, ops_hint(t));
	return false;
}

static int type_class(uint8_t t)
{
	if (is_numeric(t))
		return 1;
	if (t == SG_FT_BOOL)
		return 2;
	if (is_ip(t))
		return 3;
	if (t == SG_FT_BYTES)
		return 5; /* libs: a buffer is no string (PT_BYTEBUF, PT_CHARBUF) */
	return 4; /* text, and evt.rawarg[N] which compares either way */
}

static bool check_rhs_field(struct checker *c, struct sg_ast *n)
{
	if (!check_operand(c, &n->rhs, true))
		return false;
	/* libs: the left side cannot be any-of, evt.rawarg or a network */
	if (sg_operand_is_field(&n->lhs) && (n->lhs.anyof || n->lhs.ref.id == SG_F_EVT_RAWARG)) {
		char l[300];
		operand_name(&n->lhs, l, sizeof(l));
		sg_diag_set(c->d, c->src, n->lhs.off,
			    "'%s' cannot be compared with a right-hand side field (libs: EPF_NO_RHS)", l);
		return false;
	}
	if (n->lhs.type == SG_FT_IPNET) {
		sg_diag_set(c->d, c->src, n->rhs.off,
			    "a network field cannot be compared with a right-hand side field");
		return false;
	}
	if (n->op == SG_CMP_REGEX || n->op == SG_CMP_PMATCH) {
		sg_diag_set(c->d, c->src, n->rhs.off,
			    "'%s' needs constants on its right, not a field", sg_cmpop_names[n->op]);
		return false;
	}
	uint8_t lt = n->lhs.type, rt = n->rhs.type;
	if (n->rhs.list && !n->lhs.list) {
		char r[300];
		operand_name(&n->rhs, r, sizeof(r));
		sg_diag_set(c->d, c->src, n->rhs.off,
			    "cannot compare one value with the list %s (libs: types must match)", r);
		return false;
	}
	if (n->rhs.list) {
		sg_diag_set(c->d, c->src, n->rhs.off,
			    "a list on both sides is not supported: compare the left list with constants");
		return false;
	}
	if (lt == SG_FT_DYN || rt == SG_FT_DYN || type_class(lt) == type_class(rt))
		return true;
	char l[300], r[300];
	operand_name(&n->lhs, l, sizeof(l));
	operand_name(&n->rhs, r, sizeof(r));
	sg_diag_set(c->d, c->src, n->rhs.off, "cannot compare the %s '%s' with the %s '%s'",
		    type_noun(lt), l, type_noun(rt), r);
	return false;
}

static bool syscall_known(const char *s, uint32_t len)
{
	if (memchr(s, '\0', len))
		return false;
	return sg_syscall_by_name(s, NULL) != NULL;
}

static bool conv_syscall(struct checker *c, const struct sg_ast *n, const struct sg_lit *l)
{
	/* only exact comparisons name a syscall: "evt.type startswith open" is fine */
	if (n->op != SG_CMP_EQ && n->op != SG_CMP_NE && n->op != SG_CMP_IN &&
	    n->op != SG_CMP_INTERSECTS)
		return true;
	if (syscall_known(l->s, l->len))
		return true;
	const char *sug = memchr(l->s, '\0', l->len) ? NULL : sg_syscall_suggest(l->s);
	int shown = l->len > 64 ? 64 : (int)l->len;
	if (sug)
		sg_diag_set(c->d, c->src, l->off, "unknown syscall '%.*s' (did you mean '%s'?)",
			    shown, l->s, sug);
	else
		sg_diag_set(c->d, c->src, l->off,
			    "unknown syscall '%.*s' (sysgrep --list-events shows them)", shown, l->s);
	return false;
}

static bool dup_text(struct sg_cval *cv, const struct sg_lit *l)
{
	cv->s = malloc((size_t)l->len + 1);
	if (!cv->s)
		return false;
	memcpy(cv->s, l->s, l->len);
	cv->s[l->len] = '\0';
	cv->len = l->len;
	return true;
}

/* How libs reads a number for the field: its type's sscanf ("%" PRId64,
 * "%" PRIu64, "%" PRIu32), so a negative number is fine for a signed field
 * and wraps around for an unsigned one (evt.num > -1 is evt.num >
 * 18446744073709551615, as in Falco).  Fields sysgrep stores as u64 that
 * libs declares signed: */
enum numkind { NK_S64, NK_U64, NK_U32 };

static enum numkind num_kind(const struct sg_operand *o, uint8_t t)
{
	if (t == SG_FT_S64 || !sg_operand_is_field(o) || o->nxf)
		return t == SG_FT_S64 ? NK_S64 : NK_U64;
	switch (o->ref.id) {
	case SG_F_EVT_CPU:
	case SG_F_PROC_PID:
	case SG_F_PROC_PPID:
	case SG_F_THREAD_TID:
	case SG_F_PROC_VPID:
	case SG_F_THREAD_VTID:
	case SG_F_PROC_SID:
	case SG_F_PROC_PGID:
	case SG_F_PROC_APID:
	case SG_F_PROC_LOGINSHELLID:
		return NK_S64;
	case SG_F_USER_UID:
	case SG_F_GROUP_GID:
	case SG_F_PROC_TTY:
		return NK_U32;
	default:
		return NK_U64;
	}
}

static bool all_digits(const char *s, uint32_t len)
{
	if (!len)
		return false;
	for (uint32_t i = 0; i < len; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

static bool conv_number(struct checker *c, const struct sg_ast *n, const struct sg_lit *l,
			struct sg_cval *cv, uint8_t t)
{
	char name[300];
	operand_name(&n->lhs, name, sizeof(name));
	int shown = l->len > 64 ? 64 : (int)l->len;
	cv->kind = SG_CK_NUM;
	cv->has_num = true;
	/* libs: a port is digits or a service name (no sign) */
	bool ok = t == SG_FT_PORT ? all_digits(l->s, l->len) && sg_parse_int(l->s, l->len, &cv->n)
				  : sg_parse_int(l->s, l->len, &cv->n);
	if (!ok) {
		int port = t == SG_FT_PORT ? sg_service_port(l->s, l->len) : -1;
		if (port >= 0) {
			cv->n = port;
			return true;
		}
		if (t == SG_FT_PORT)
			sg_diag_set(c->d, c->src, l->off,
				    "'%.*s' is not a port number or a known service name (like ssh, http)",
				    shown, l->s);
		else
			sg_diag_set(c->d, c->src, l->off,
				    "'%.*s' is not a number: '%s' compares whole numbers (like 42 or -1)",
				    shown, l->s, name);
		return false;
	}
	enum numkind k = num_kind(&n->lhs, t);
	__int128 two64 = (__int128)UINT64_MAX + 1;
	if (t == SG_FT_PORT) {
		if (cv->n > 65535) {
			sg_diag_set(c->d, c->src, l->off, "%.*s is out of range for '%s' (0 to 65535)",
				    shown, l->s, name);
			return false;
		}
		return true;
	}
	if (k == NK_S64) {
		if (cv->n < INT64_MIN || cv->n > INT64_MAX) {
			sg_diag_set(c->d, c->src, l->off,
				    "%.*s is out of range for '%s' (a signed 64-bit number)", shown,
				    l->s, name);
			return false;
		}
		return true;
	}
	if (cv->n < -(__int128)UINT64_MAX) {
		sg_diag_set(c->d, c->src, l->off, "%.*s is out of range for '%s'", shown, l->s, name);
		return false;
	}
	if (cv->n < 0)
		cv->n += two64;
	if (k == NK_U32)
		cv->n &= UINT32_MAX;
	return true;
}

static bool conv_regex(struct checker *c, struct sg_cval *cv, const struct sg_lit *l)
{
	int err;
	PCRE2_SIZE eoff;
	pcre2_code *re = pcre2_compile((PCRE2_SPTR)l->s, l->len,
				       PCRE2_ANCHORED | PCRE2_ENDANCHORED, &err, &eoff, NULL);
	if (!re) {
		PCRE2_UCHAR msg[256];
		pcre2_get_error_message(err, msg, sizeof(msg));
		int at = l->off + (l->quoted ? 1 : 0) + (int)(eoff <= l->len ? eoff : l->len);
		sg_diag_set(c->d, c->src, at, "bad regex: %s", (const char *)msg);
		return false;
	}
	/* JIT is an optimisation only: without it pcre2_match interprets */
	pcre2_jit_compile(re, PCRE2_JIT_COMPLETE);
	cv->re = re;
	cv->md = pcre2_match_data_create_from_pattern(re, NULL);
	if (!cv->md) {
		sg_diag_set(c->d, c->src, l->off, "out of memory");
		return false;
	}
	return true;
}

static bool conv_text(struct checker *c, struct sg_ast *n, const struct sg_lit *l,
		      struct sg_cval *cv)
{
	cv->kind = SG_CK_STR;
	if (n->op == SG_CMP_BCONTAINS || n->op == SG_CMP_BSTARTSWITH) {
		if (sg_parse_hexbytes(l->s, l->len, &cv->s, &cv->len))
			return true;
		sg_diag_set(c->d, c->src, l->off,
			    "'%s' takes bytes in hex, like 2f657463 for \"/etc\"",
			    sg_cmpop_names[n->op]);
		return false;
	}
	if (n->lhs.type == SG_FT_SYSCALL && !n->lhs.nxf && !conv_syscall(c, n, l))
		return false;
	if (n->op == SG_CMP_REGEX && !conv_regex(c, cv, l))
		return false;
	return dup_text(cv, l);
}

static bool conv_lit(struct checker *c, struct sg_ast *n, const struct sg_lit *l,
		     struct sg_cval *cv)
{
	uint8_t t = n->lhs.type;
	int shown = l->len > 64 ? 64 : (int)l->len;
	char name[300];
	/* libs' string_to_rawval: only a buffer may hold a NUL byte */
	if (t != SG_FT_BYTES && memchr(l->s, '\0', l->len)) {
		sg_diag_set(c->d, c->src, l->off,
			    "a filter value cannot contain a NUL byte (\\x00), except for a buffer "
			    "like evt.buffer");
		return false;
	}
	if (is_numeric(t))
		return conv_number(c, n, l, cv, t);
	if (t == SG_FT_BOOL) {
		cv->kind = SG_CK_BOOL;
		if (sg_parse_bool(l->s, l->len, &cv->b))
			return true;
		operand_name(&n->lhs, name, sizeof(name));
		sg_diag_set(c->d, c->src, l->off, "'%.*s' is not a bool: '%s' is true or false",
			    shown, l->s, name);
		return false;
	}
	if (is_ip(t)) {
		cv->kind = SG_CK_NET;
		if (sg_parse_net(l->s, l->len, &cv->family, cv->addr, &cv->prefix))
			return true;
		sg_diag_set(c->d, c->src, l->off,
			    "'%.*s' is not an IP address or network (like 10.0.0.1, 10.0.0.0/8 or fe80::/10)",
			    shown, l->s);
		return false;
	}
	if (t == SG_FT_DYN) {
		if (!conv_text(c, n, l, cv))
			return false;
		cv->kind = SG_CK_DYN;
		cv->has_num = sg_parse_int(l->s, l->len, &cv->n);
		return true;
	}
	return conv_text(c, n, l, cv);
}

static bool check_values(struct checker *c, struct sg_ast *n)
{
	if (n->op == SG_CMP_REGEX && !n->mod && n->nlits != 1) {
		sg_diag_set(c->d, c->src, n->op_off, "'regex' takes one pattern");
		return false;
	}
	if (n->nlits == 0)
		return true;
	n->cv = calloc((size_t)n->nlits, sizeof(*n->cv));
	if (!n->cv) {
		sg_diag_set(c->d, c->src, n->off, "out of memory");
		return false;
	}
	for (int i = 0; i < n->nlits; i++) {
		n->ncv = i + 1;
		if (!conv_lit(c, n, &n->lits[i], &n->cv[i]))
			return false;
	}
	return true;
}

/* fd.sip.name = NAME and the like: libs takes '=', '!=' and 'in' with
 * names, and resolves each name when the filter is compiled. */
static bool check_ipname(struct checker *c, struct sg_ast *n)
{
	char name[300];
	operand_name(&n->lhs, name, sizeof(name));
	if (n->op != SG_CMP_EQ && n->op != SG_CMP_NE && n->op != SG_CMP_IN) {
		sg_diag_set(c->d, c->src, n->op_off,
			    "'%s' cannot compare '%s': it takes '=', '!=' or 'in' with host names",
			    sg_cmpop_names[n->op], name);
		return false;
	}
	if (n->rhs_kind != SG_RHS_VALUE && n->rhs_kind != SG_RHS_LIST) {
		sg_diag_set(c->d, c->src, n->op_off, "'%s' compares with host names, not fields",
			    name);
		return false;
	}
	for (int i = 0; i < n->nlits; i++) {
		const struct sg_lit *l = &n->lits[i];
		const char *err;
		if (sg_dns_want(l->s, l->len, &err) < 0)
			fprintf(stderr, "sysgrep: warning: %s: '%.*s' has no address (%s): no event "
				"matches it\n", name, l->len > 253 ? 253 : (int)l->len, l->s, err);
	}
	return true;
}

static bool check_cmp(struct checker *c, struct sg_ast *n)
{
	if (!check_operand(c, &n->lhs, false) || !check_op(c, n))
		return false;
	if (sg_operand_is_field(&n->lhs) && (sg_fields[n->lhs.ref.id].flags & SG_FF_RESOLVER) &&
	    !check_ipname(c, n))
		return false;
	switch (n->rhs_kind) {
	case SG_RHS_FIELD:
		return check_rhs_field(c, n);
	case SG_RHS_VALUE:
	case SG_RHS_LIST:
		return check_values(c, n);
	default:
		return true;
	}
}

static bool check_node(struct checker *c, struct sg_ast *n)
{
	if (n->checked)
		return true;
	if (n->kind == SG_AST_MACRO) {
		const char *sug = sg_field_suggest(n->ident, strlen(n->ident));
		if (sug)
			sg_diag_set(c->d, c->src, n->off,
				    "'%s' is not a field or a known macro (did you mean '%s'?)",
				    n->ident, sug);
		else
			sg_diag_set(c->d, c->src, n->off,
				    "'%s' is not a field or a known macro: load the rules file that "
				    "defines it with --rules FILE", n->ident);
		return false;
	}
	if (n->kind == SG_AST_CMP)
		return check_cmp(c, n);
	for (int i = 0; i < n->nkids; i++)
		if (!check_node(c, n->kids[i]))
			return false;
	return true;
}

bool sg_check(struct sg_ast *root, const char *text, struct sg_diag *d)
{
	struct checker c = { .src = text, .d = d };
	return check_node(&c, root);
}
