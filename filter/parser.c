/*
 * Recursive-descent parser of the sysdig/Falco filter language, following
 * the grammar of falcosecurity/libs (userspace/libsinsp/filter/parser.cpp):
 *
 *   Expr       ::= OrExpr
 *   OrExpr     ::= AndExpr ('or' (blank | '(') AndExpr)*
 *   AndExpr    ::= NotExpr ('and' (blank | '(') NotExpr)*
 *   NotExpr    ::= ('not' blank)* ( 'not(' Expr ')' | Check )
 *   Check      ::= '(' Expr ')' | Operand UnaryOp | Operand Op Value | Identifier
 *   Operand    ::= Field | Transformer '(' Arg (',' Arg)* ')' FieldArg?
 *   Arg        ::= Number | QuotedStr | '(' (LArg (',' LArg)*)? ')' | Operand
 *   LArg       ::= Field | Transformer... | QuotedStr | Number
 *   Op Value   ::= NumOp (Number | RhsField)
 *                | StrOp (Modifier blank (List | Identifier) | RhsField | Str)
 *                | ListOp (List | RhsField | Identifier)
 *   RhsField   ::= 'val(' Field ')' FieldArg? | Operand starting with a transformer
 *   List       ::= '(' (Str (',' Str)*)? ')'
 *
 * An Identifier is a Falco macro's name (and after 'in' or a modifier, a
 * list's): filter/rules.c replaces them.  A bare field name on the right
 * ("proc.name = proc.pname") is a string, as in libs.
 * 'not' binds tightest, then 'and', then 'or'.  Blank text means "match
 * everything".
 */
#include "filter/ast.h"

#include <stdlib.h>
#include <string.h>

#include "filter/lexer.h"

struct parser {
	struct sg_lexer lx;
	struct sg_diag *d;
	const char *src;
	int depth;
};

/* Operator spellings in the order they must be tried. */
static const char *const op_text[] = {
	"exists", "<=", "<", ">=", ">", "==", "=", "!=", "glob", "iglob", "contains",
	"icontains", "bcontains", "startswith", "bstartswith", "endswith", "regex",
	"intersects", "in", "pmatch", NULL,
};
static const uint8_t op_id[] = {
	SG_CMP_EXISTS, SG_CMP_LE, SG_CMP_LT, SG_CMP_GE, SG_CMP_GT, SG_CMP_EQ, SG_CMP_EQ,
	SG_CMP_NE, SG_CMP_GLOB, SG_CMP_IGLOB, SG_CMP_CONTAINS, SG_CMP_ICONTAINS,
	SG_CMP_BCONTAINS, SG_CMP_STARTSWITH, SG_CMP_BSTARTSWITH, SG_CMP_ENDSWITH,
	SG_CMP_REGEX, SG_CMP_INTERSECTS, SG_CMP_IN, SG_CMP_PMATCH,
};

static struct sg_ast *parse_or(struct parser *p);

static int pos(const struct parser *p)
{
	return (int)p->lx.pos;
}

static void err_at(struct parser *p, int off, const char *msg)
{
	sg_diag_set(p->d, p->src, off, "%s", msg);
}

/* "unexpected 'x'": quote what is at the cursor, bounded. */
static void err_unexpected(struct parser *p, const char *expected)
{
	size_t n = sg_lex_word_len(&p->lx);
	const char *at = p->src + p->lx.pos;
	const char *hint = "";
	if (!strncmp(at, "&&", 2))
		hint = " (write 'and' for '&&')";
	else if (!strncmp(at, "||", 2))
		hint = " (write 'or' for '||')";
	else if (!strncmp(at, "AND", 3) || !strncmp(at, "OR", 2) || !strncmp(at, "NOT", 3))
		hint = " (and, or and not are lowercase)";
	if (sg_lex_eof(&p->lx))
		sg_diag_set(p->d, p->src, pos(p), "unexpected end of the filter: expected %s",
			    expected);
	else
		sg_diag_set(p->d, p->src, pos(p), "unexpected '%.*s': expected %s%s", (int)n, at,
			    expected, hint);
}

static bool enter(struct parser *p)
{
	if (++p->depth <= SG_FILTER_MAX_DEPTH)
		return true;
	sg_diag_set(p->d, p->src, pos(p), "the filter is nested deeper than %d levels",
		    SG_FILTER_MAX_DEPTH);
	return false;
}

static int xform_at(struct parser *p)
{
	for (int i = 0; i < SG_XF_MAX; i++) {
		size_t n = strlen(sg_xform_names[i]);
		if (sg_lex_peek(&p->lx, sg_xform_names[i]) && p->src[p->lx.pos + n] == '(')
			return i;
	}
	return -1;
}

static bool is_multi(int xf)
{
	return xf == SG_XF_JOIN || xf == SG_XF_CONCAT || xf == SG_XF_GETOPT;
}

static char *dup_bytes(const char *s, size_t n)
{
	char *c = malloc(n + 1);
	if (c) {
		memcpy(c, s, n);
		c[n] = '\0';
	}
	return c;
}

/* libs' field argument: '[' (QuotedStr | [^][\"'[:space:]]+) ']'.  A
 * quoted one is decoded into a malloc'd *arg (*owned; it may be empty); a
 * bare one points into the text, so messages can point into it.  Returns
 * 1 with an argument, 0 without '[', -1 on error. */
static int parse_field_arg_at(struct parser *p, char **arg, uint32_t *alen, int *at, bool *owned)
{
	*owned = true;
	*at = pos(p);
	if (!sg_lex_lit(&p->lx, "["))
		return 0;
	struct sg_tok t;
	int r = sg_lex_quoted(&p->lx, &t);
	if (r < 0)
		return -1;
	if (r == 0) {
		size_t st = p->lx.pos;
		while (p->lx.pos < p->lx.len && !strchr("[]\"' \t\n\v\f\r", p->src[p->lx.pos]))
			p->lx.pos++;
		if (p->lx.pos == st) {
			err_at(p, pos(p), "expected a field argument inside '[ ]': a quoted string or "
					  "a bare string");
			return -1;
		}
		t.s = (char *)p->src + st;
		t.len = (uint32_t)(p->lx.pos - st);
		*owned = false;
	}
	if (!sg_lex_lit(&p->lx, "]")) {
		if (*owned)
			free(t.s);
		err_at(p, pos(p), "expected ']' to close the field argument");
		return -1;
	}
	*arg = t.s;
	*alen = t.len;
	return 1;
}

/* The same, the argument always malloc'd. */
static int parse_field_arg(struct parser *p, char **arg, uint32_t *alen, int *at)
{
	bool owned;
	int r = parse_field_arg_at(p, arg, alen, at, &owned);
	if (r > 0 && !owned) {
		*arg = dup_bytes(*arg, *alen);
		if (!*arg) {
			err_at(p, *at, "out of memory");
			return -1;
		}
	}
	return r;
}

/* Field ::= ident(.ident)+ FieldArg? */
static bool parse_field(struct parser *p, struct sg_operand *o)
{
	o->field_off = pos(p);
	size_t n = sg_fieldname_len(p->src + p->lx.pos);
	if (n == 0) {
		size_t w = sg_lex_ident_len(&p->lx);
		if (w)
			sg_diag_set(p->d, p->src, pos(p), "unknown field '%.*s' (see --list-fields)",
				    (int)(w > 200 ? 200 : w), p->src + p->lx.pos);
		else
			err_at(p, pos(p), "expected a field name, like proc.name");
		return false;
	}
	const char *name = p->src + p->lx.pos;
	p->lx.pos += n;
	char *arg = NULL;
	uint32_t alen = 0;
	int at;
	bool owned = false;
	int r = parse_field_arg_at(p, &arg, &alen, &at, &owned);
	if (r < 0)
		return false;
	bool ok = sg_fieldref_resolve(p->src, name, n, r > 0, arg, alen, p->src + at, &o->ref,
				      p->d) == 0;
	if (ok && o->ref.key) {
		/* the AST must not point into the caller's text or arg */
		o->key = dup_bytes(o->ref.key, o->ref.keylen);
		if (!o->key) {
			err_at(p, o->field_off, "out of memory");
			ok = false;
		}
		o->ref.key = o->key;
	}
	if (owned)
		free(arg);
	return ok;
}

static bool parse_operand(struct parser *p, struct sg_operand *o);

static bool add_arg(struct parser *p, struct sg_operand *o, struct sg_operand *a)
{
	if ((o->nargs & (o->nargs - 1)) == 0) {
		int cap = o->nargs ? o->nargs * 2 : 1;
		struct sg_operand *n = realloc(o->args, (size_t)cap * sizeof(*n));
		if (!n) {
			sg_operand_free(a);
			err_at(p, a->off, "out of memory");
			return false;
		}
		o->args = n;
	}
	o->args[o->nargs++] = *a;
	return true;
}

/* A number or quoted string as a transformer argument: a constant string. */
static int parse_const_arg(struct parser *p, struct sg_operand *a)
{
	struct sg_tok t;
	int r = sg_lex_number(&p->lx, &t);
	if (r == 0)
		r = sg_lex_quoted(&p->lx, &t);
	if (r <= 0)
		return r;
	a->base = SG_OB_STR;
	a->str = t.s;
	a->slen = t.len;
	return 1;
}

/* TransformerList ::= '(' (LArg (',' LArg)*)? ')', after the '(' */
static bool parse_tlist(struct parser *p, struct sg_operand *o, int open)
{
	o->base = SG_OB_LIST;
	o->off = open;
	sg_lex_blank(&p->lx);
	if (sg_lex_lit(&p->lx, ")"))
		return true;
	for (;;) {
		struct sg_operand a = { .ref.index = -1, .off = pos(p) };
		int r = 0;
		if (sg_fieldname_len(p->src + p->lx.pos) || xform_at(p) >= 0)
			r = parse_operand(p, &a) ? 1 : -1;
		else
			r = parse_const_arg(p, &a);
		if (r == 0)
			err_unexpected(p, "a field, a transformer, a quoted string or a number in the "
					  "transformer list");
		if (r <= 0 || !add_arg(p, o, &a)) {
			sg_operand_free(&a);
			return false;
		}
		sg_lex_blank(&p->lx);
		if (sg_lex_lit(&p->lx, ")"))
			return true;
		if (!sg_lex_lit(&p->lx, ",")) {
			if (sg_lex_eof(&p->lx))
				sg_diag_set(p->d, p->src, open,
					    "unbalanced parenthesis: this list is never closed with ')'");
			else
				err_unexpected(p, "',' or ')' in the transformer list");
			return false;
		}
		sg_lex_blank(&p->lx);
	}
}

/* Arg ::= Number | QuotedStr | TransformerList | Operand */
static bool parse_xarg(struct parser *p, struct sg_operand *a)
{
	sg_lex_blank(&p->lx);
	a->off = pos(p);
	a->ref.index = -1;
	int r = parse_const_arg(p, a);
	if (r)
		return r > 0;
	if (sg_lex_lit(&p->lx, "("))
		return parse_tlist(p, a, a->off);
	if (xform_at(p) >= 0 || sg_fieldname_len(p->src + p->lx.pos))
		return parse_operand(p, a);
	err_unexpected(p, "a transformer argument: a field, a transformer, a quoted string, a "
			  "number or a list");
	return false;
}

/* Transformer '(' Arg (',' Arg)* ')' FieldArg?, at the transformer's name. */
static bool parse_transformer(struct parser *p, struct sg_operand *o, int xf)
{
	int open = pos(p);
	p->lx.pos += strlen(sg_xform_names[xf]) + 1;
	if (!enter(p))
		return false;
	struct sg_operand call = { .ref.index = -1, .off = open };
	bool ok = false;
	for (;;) {
		struct sg_operand a = { 0 };
		if (!parse_xarg(p, &a) || !add_arg(p, &call, &a)) {
			sg_operand_free(&a);
			goto out;
		}
		sg_lex_blank(&p->lx);
		if (!sg_lex_lit(&p->lx, ","))
			break;
	}
	sg_lex_blank(&p->lx);
	if (!sg_lex_lit(&p->lx, ")")) {
		if (sg_lex_eof(&p->lx) || !sg_lex_peek(&p->lx, ","))
			sg_diag_set(p->d, p->src, pos(p), "expected ')' to close %s( at column %d",
				    sg_xform_names[xf], open + 1);
		goto out;
	}
	char *arg = NULL;
	uint32_t alen = 0;
	int at;
	int r = parse_field_arg(p, &arg, &alen, &at);
	if (r < 0)
		goto out;
	if (r > 0 && xf != SG_XF_GETOPT) {
		sg_diag_set(p->d, p->src, at, "transformer '%s' does not support field arguments",
			    sg_xform_names[xf]);
		free(arg);
		goto out;
	}
	if (r > 0) {
		/* libs parses any argument and refuses all but one letter when it
		 * compiles: so does the checker here */
		call.has_sel = true;
		call.sel = alen ? arg[0] : 0;
		call.bad_sel = alen != 1;
		free(arg);
	}
	if (is_multi(xf)) {
		call.base = (uint8_t)(SG_OB_JOIN + (xf - SG_XF_JOIN));
		*o = call;
		p->depth--;
		return true;
	}
	if (call.nargs != 1) {
		sg_diag_set(p->d, p->src, open, "%s() takes one argument, not %d",
			    sg_xform_names[xf], call.nargs);
		goto out;
	}
	/* a one-value transformer wraps its argument */
	*o = call.args[0];
	free(call.args);
	call.args = NULL;
	call.nargs = 0;
	if (o->nxf == SG_MAX_XFORMS) {
		sg_diag_set(p->d, p->src, open, "more than %d transformers on one field",
			    SG_MAX_XFORMS);
		sg_operand_free(o);
		memset(o, 0, sizeof(*o));
		goto out;
	}
	o->xf[o->nxf++] = (uint8_t)xf;
	o->off = open;
	ok = true;
out:
	sg_operand_free(&call);
	p->depth--;
	return ok;
}

/* Operand ::= Field | Transformer(...) */
static bool parse_operand(struct parser *p, struct sg_operand *o)
{
	o->off = pos(p);
	o->ref.index = -1;
	int xf = xform_at(p);
	if (xf >= 0)
		return parse_transformer(p, o, xf);
	if (sg_lex_peek(&p->lx, "val(")) {
		err_at(p, pos(p), "val() belongs on the right of an operator: proc.name = val(proc.pname)");
		return false;
	}
	return parse_field(p, o);
}

static bool add_lit(struct sg_ast *n, struct sg_tok *t)
{
	if ((n->nlits & (n->nlits - 1)) == 0) {
		int cap = n->nlits ? n->nlits * 2 : 1;
		struct sg_lit *l = realloc(n->lits, (size_t)cap * sizeof(*l));
		if (!l) {
			free(t->s);
			return false;
		}
		n->lits = l;
	}
	n->lits[n->nlits++] = (struct sg_lit){ .s = t->s, .len = t->len, .off = t->off,
					       .quoted = t->quoted };
	return true;
}

/* 'val(' Field ')' or a transformer, on the right: field-to-field.
 * Returns 1 when there was one, 0 when not, -1 on error. */
static int parse_rhs_field(struct parser *p, struct sg_ast *n)
{
	int start = pos(p);
	if (sg_lex_lit(&p->lx, "val(")) {
		sg_lex_blank(&p->lx);
		n->rhs.off = start;
		n->rhs.ref.index = -1;
		if (!sg_fieldname_len(p->src + p->lx.pos)) {
			err_at(p, pos(p), xform_at(p) >= 0
				? "val() takes a field, not a transformer: val(proc.name)"
				: "expected a field inside val(), like val(proc.name)");
			return -1;
		}
		if (!parse_field(p, &n->rhs))
			return -1;
		sg_lex_blank(&p->lx);
		if (!sg_lex_lit(&p->lx, ")")) {
			sg_diag_set(p->d, p->src, pos(p), "expected ')' to close val( at column %d",
				    start + 1);
			return -1;
		}
		char *arg;
		uint32_t alen;
		int at, r = parse_field_arg(p, &arg, &alen, &at);
		if (r < 0)
			return -1;
		if (r > 0) {
			free(arg);
			sg_diag_set(p->d, p->src, at, "transformer 'val' does not support field arguments");
			return -1;
		}
		n->rhs_kind = SG_RHS_FIELD;
		return 1;
	}
	if (xform_at(p) < 0)
		return 0;
	if (!parse_operand(p, &n->rhs))
		return -1;
	n->rhs_kind = SG_RHS_FIELD;
	return 1;
}

static bool parse_scalar(struct parser *p, struct sg_ast *n, bool numeric, const char *opname)
{
	int oplen = (int)strlen(opname);
	int r = parse_rhs_field(p, n);
	if (r)
		return r > 0;
	struct sg_tok t;
	r = numeric ? sg_lex_number(&p->lx, &t) : sg_lex_quoted(&p->lx, &t);
	if (r == 0 && !numeric)
		r = sg_lex_bare(&p->lx, &t);
	if (r < 0)
		return false;
	if (r == 0) {
		const char *hint = "";
		if (!numeric && sg_lex_peek(&p->lx, "("))
			hint = " (use 'in' to compare with a list)";
		if (sg_lex_eof(&p->lx) || sg_lex_peek(&p->lx, ")") || sg_lex_peek(&p->lx, "("))
			sg_diag_set(p->d, p->src, pos(p), "expected a %s after '%.*s'%s",
				    numeric ? "number" : "value", oplen, opname, hint);
		else
			sg_diag_set(p->d, p->src, pos(p), "expected a %s after '%.*s', not '%.*s'",
				    numeric ? "number" : "value", oplen, opname,
				    (int)sg_lex_word_len(&p->lx), p->src + p->lx.pos);
		return false;
	}
	n->rhs_kind = SG_RHS_VALUE;
	if (!add_lit(n, &t)) {
		err_at(p, t.off, "out of memory");
		return false;
	}
	return true;
}

/* List ::= '(' (Str (',' Str)*)? ')', at the '('. */
static bool parse_values(struct parser *p, struct sg_ast *n)
{
	int open = pos(p);
	p->lx.pos++;
	n->rhs_kind = SG_RHS_LIST;
	sg_lex_blank(&p->lx);
	if (sg_lex_lit(&p->lx, ")"))
		return true;
	for (;;) {
		struct sg_tok t;
		sg_lex_blank(&p->lx);
		int r = sg_lex_quoted(&p->lx, &t);
		if (r == 0)
			r = sg_lex_bare(&p->lx, &t);
		if (r < 0)
			return false;
		if (r == 0) {
			if (xform_at(p) >= 0 || sg_lex_peek(&p->lx, "val("))
				err_at(p, pos(p), "a list holds values, not transformers");
			else
				err_unexpected(p, "a value in the list");
			return false;
		}
		if (!add_lit(n, &t)) {
			err_at(p, t.off, "out of memory");
			return false;
		}
		sg_lex_blank(&p->lx);
		if (sg_lex_lit(&p->lx, ")"))
			return true;
		if (sg_lex_eof(&p->lx)) {
			sg_diag_set(p->d, p->src, open,
				    "unbalanced parenthesis: this list is never closed with ')'");
			return false;
		}
		if (!sg_lex_lit(&p->lx, ",")) {
			err_unexpected(p, "',' or ')' in the list");
			return false;
		}
	}
}

/* An identifier where a list goes: a Falco list's name, else one value. */
static int parse_list_ident(struct parser *p, struct sg_ast *n)
{
	size_t len = sg_lex_ident_len(&p->lx);
	if (!len)
		return 0;
	struct sg_tok t = { .off = pos(p) };
	t.s = dup_bytes(p->src + p->lx.pos, len);
	t.len = (uint32_t)len;
	if (!t.s || !add_lit(n, &t)) {
		err_at(p, pos(p), "out of memory");
		return -1;
	}
	n->lits[n->nlits - 1].ident = true;
	p->lx.pos += len;
	n->rhs_kind = SG_RHS_LIST;
	return 1;
}

/* After in / intersects / pmatch: List | RhsField | Identifier */
static bool parse_list(struct parser *p, struct sg_ast *n)
{
	const char *opname = sg_cmpop_names[n->op];
	if (sg_lex_peek(&p->lx, "("))
		return parse_values(p, n);
	int r = parse_rhs_field(p, n);
	if (r)
		return r > 0;
	r = parse_list_ident(p, n);
	if (r)
		return r > 0;
	sg_diag_set(p->d, p->src, pos(p), "expected a list after '%s', like (a, b)", opname);
	return false;
}

static bool is_num_op(uint8_t op)
{
	return op == SG_CMP_LT || op == SG_CMP_LE || op == SG_CMP_GT || op == SG_CMP_GE;
}

static bool is_list_op(uint8_t op)
{
	return op == SG_CMP_IN || op == SG_CMP_INTERSECTS || op == SG_CMP_PMATCH;
}

/* A word operator at the cursor that sg_lex_oneof refused for want of a
 * blank after it: "contains" at the end, 'glob"x"'.  libs' grammar wants
 * the blank too ("glob " in its operator list), so this is an error; the
 * index lets it say which.  Not "containsx": that is another word. */
static int word_op_without_blank(const struct parser *p)
{
	const char *s = p->lx.src + p->lx.pos;
	size_t left = p->lx.len - p->lx.pos;
	for (int i = 0; op_text[i]; i++) {
		size_t n = strlen(op_text[i]);
		if (op_text[i][0] < 'a' || op_text[i][0] > 'z' || n > left || memcmp(s, op_text[i], n))
			continue;
		char c = n < left ? s[n] : '\0';
		bool word = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
			    (c >= '0' && c <= '9') || c == '_';
		if (!word)
			return i;
	}
	return -1;
}

static void operand_label(const struct sg_operand *o, char *buf, size_t size)
{
	if (sg_operand_is_field(o) && !o->nxf)
		sg_fieldref_name(&o->ref, buf, size);
	else
		snprintf(buf, size, "the transformer");
}

static bool err_operator(struct parser *p, struct sg_ast *n)
{
	char name[256];
	operand_label(&n->lhs, name, sizeof(name));
	int i = word_op_without_blank(p);
	size_t w = sg_lex_word_len(&p->lx);
	if (i >= 0 && p->lx.pos + strlen(op_text[i]) >= p->lx.len)
		sg_diag_set(p->d, p->src, (int)(p->lx.pos + strlen(op_text[i])),
			    "expected a value after '%s'", op_text[i]);
	else if (i >= 0)
		sg_diag_set(p->d, p->src, (int)(p->lx.pos + strlen(op_text[i])),
			    "expected a blank after '%s', like %s \"x\"", op_text[i], op_text[i]);
	else if (sg_lex_eof(&p->lx))
		sg_diag_set(p->d, p->src, pos(p),
			    "expected an operator after '%s', like = or contains", name);
	else
		sg_diag_set(p->d, p->src, pos(p),
			    "unknown operator '%.*s' after '%s': use =, !=, <, <=, >, >=, contains, icontains, bcontains, startswith, bstartswith, endswith, glob, iglob, regex, in, intersects, pmatch or exists",
			    (int)w, p->src + p->lx.pos, name);
	return false;
}

/* libs' bool_keyword_follows: and / or / not, not followed by [A-Za-z0-9]. */
static bool bool_keyword_follows(const struct parser *p)
{
	static const char *const kw[] = { "and", "or", "not" };
	for (int i = 0; i < 3; i++) {
		size_t n = strlen(kw[i]);
		if (!sg_lex_peek(&p->lx, kw[i]))
			continue;
		char c = p->lx.pos + n < p->lx.len ? p->src[p->lx.pos + n] : '\0';
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')))
			return true;
	}
	return false;
}

/* "= oneof (a, b)", "contains allof my_list": libs takes the modifier
 * only when a blank follows it and a list or an identifier (not and / or /
 * not) comes next; otherwise the word is the value ("proc.name = oneof"). */
static int parse_modifier(struct parser *p, struct sg_ast *n, bool had_blank)
{
	static const char *const mods[] = { "oneof", "anyof", "allof" };
	if (!had_blank)
		return 0;
	size_t save = p->lx.pos;
	for (int i = 0; i < 3; i++) {
		if (!sg_lex_lit(&p->lx, mods[i]))
			continue;
		if (!sg_lex_blank(&p->lx) ||
		    (!sg_lex_peek(&p->lx, "(") && !sg_lex_ident_len(&p->lx)) ||
		    bool_keyword_follows(p)) {
			p->lx.pos = save;
			return 0;
		}
		n->mod = (uint8_t)(SG_MOD_ONEOF + i);
		if (sg_lex_peek(&p->lx, "("))
			return parse_values(p, n) ? 1 : -1;
		return parse_list_ident(p, n);
	}
	return 0;
}

static bool parse_condition(struct parser *p, struct sg_ast *n)
{
	sg_lex_blank(&p->lx);
	n->op_off = pos(p);
	int i = sg_lex_oneof(&p->lx, op_text);
	if (i < 0)
		return err_operator(p, n);
	n->op = op_id[i];
	if (n->op == SG_CMP_EXISTS)
		return true;
	bool word = op_text[i][0] >= 'a' && op_text[i][0] <= 'z';
	bool had_blank = sg_lex_blank(&p->lx) || word;
	if (is_list_op(n->op))
		return parse_list(p, n);
	if (!is_num_op(n->op)) {
		int r = parse_modifier(p, n, had_blank);
		if (r)
			return r > 0;
	}
	return parse_scalar(p, n, is_num_op(n->op), op_text[i]);
}

static struct sg_ast *parse_embedded(struct parser *p, int open)
{
	struct sg_ast *n = parse_or(p);
	if (!n)
		return NULL;
	sg_lex_blank(&p->lx);
	if (sg_lex_lit(&p->lx, ")"))
		return n;
	if (sg_lex_eof(&p->lx))
		sg_diag_set(p->d, p->src, open, "unbalanced parenthesis: this '(' is never closed");
	else
		err_unexpected(p, "'and', 'or' or ')'");
	sg_ast_free(n);
	return NULL;
}

static struct sg_ast *parse_check(struct parser *p)
{
	sg_lex_blank(&p->lx);
	int start = pos(p);
	if (sg_lex_lit(&p->lx, "("))
		return parse_embedded(p, start);
	size_t id = sg_lex_ident_len(&p->lx);
	bool operand = sg_fieldname_len(p->src + p->lx.pos) || xform_at(p) >= 0 ||
		       sg_lex_peek(&p->lx, "val(");
	if (!operand && !id) {
		err_unexpected(p, "a condition, like proc.name=bash");
		return NULL;
	}
	struct sg_ast *n = sg_ast_new(operand ? SG_AST_CMP : SG_AST_MACRO, start);
	if (!n) {
		err_at(p, start, "out of memory");
		return NULL;
	}
	if (!operand) {
		/* a Falco macro's name: filter/rules.c puts its condition here */
		n->ident = dup_bytes(p->src + p->lx.pos, id);
		p->lx.pos += id;
		if (!n->ident) {
			err_at(p, start, "out of memory");
			sg_ast_free(n);
			return NULL;
		}
		return n;
	}
	if (!parse_operand(p, &n->lhs) || !parse_condition(p, n)) {
		sg_ast_free(n);
		return NULL;
	}
	return n;
}

static struct sg_ast *wrap_not(struct parser *p, struct sg_ast *kid, int off)
{
	struct sg_ast *n = sg_ast_new(SG_AST_NOT, off);
	if (!n || !sg_ast_add(n, kid)) {
		free(n);
		sg_ast_free(kid);
		err_at(p, off, "out of memory");
		return NULL;
	}
	return n;
}

static struct sg_ast *parse_not(struct parser *p)
{
	sg_lex_blank(&p->lx);
	int start = pos(p);
	bool neg = false;
	while (sg_lex_not_blank(&p->lx))
		neg = !neg;
	struct sg_ast *kid;
	int open = pos(p);
	if ((open != start && sg_lex_eof(&p->lx)) ||
	    (sg_lex_peek(&p->lx, "not") && open + 3 == (int)p->lx.len)) {
		sg_diag_set(p->d, p->src, open, "expected a condition after 'not'");
		return NULL;
	}
	if (sg_lex_lit(&p->lx, "not(")) {
		neg = !neg;
		kid = parse_embedded(p, open + 3);
	} else {
		kid = parse_check(p);
	}
	if (!kid || !neg)
		return kid;
	return wrap_not(p, kid, start);
}

/* The right operand of 'and' / 'or': libsinsp wants a blank or '(' after
 * the keyword, so "andx" is not "and x". */
static struct sg_ast *parse_after_kw(struct parser *p, const char *kw,
				     struct sg_ast *(*next)(struct parser *))
{
	int open = pos(p);
	if (sg_lex_blank(&p->lx)) {
		if (sg_lex_eof(&p->lx)) {
			sg_diag_set(p->d, p->src, pos(p), "expected a condition after '%s'", kw);
			return NULL;
		}
		return next(p);
	}
	if (sg_lex_lit(&p->lx, "("))
		return parse_embedded(p, open);
	if (sg_lex_eof(&p->lx))
		sg_diag_set(p->d, p->src, pos(p), "expected a condition after '%s'", kw);
	else
		sg_diag_set(p->d, p->src, pos(p) - (int)strlen(kw),
			    "expected a blank or '(' after '%s'", kw);
	return NULL;
}

static struct sg_ast *parse_chain(struct parser *p, uint8_t kind, const char *kw,
				  struct sg_ast *(*next)(struct parser *))
{
	sg_lex_blank(&p->lx);
	int start = pos(p);
	struct sg_ast *first = next(p);
	if (!first)
		return NULL;
	struct sg_ast *n = NULL;
	sg_lex_blank(&p->lx);
	while (sg_lex_lit(&p->lx, kw)) {
		struct sg_ast *kid = parse_after_kw(p, kw, next);
		if (!kid)
			goto fail;
		if (!n) {
			n = sg_ast_new(kind, start);
			if (!n || !sg_ast_add(n, first)) {
				sg_ast_free(kid);
				goto oom;
			}
			first = NULL;
		}
		if (!sg_ast_add(n, kid)) {
			sg_ast_free(kid);
			goto oom;
		}
		sg_lex_blank(&p->lx);
	}
	return n ? n : first;
oom:
	err_at(p, start, "out of memory");
fail:
	sg_ast_free(first);
	sg_ast_free(n);
	return NULL;
}

static struct sg_ast *parse_and(struct parser *p)
{
	return parse_chain(p, SG_AST_AND, "and", parse_not);
}

static struct sg_ast *parse_or(struct parser *p)
{
	if (!enter(p))
		return NULL;
	struct sg_ast *n = parse_chain(p, SG_AST_OR, "or", parse_and);
	p->depth--;
	return n;
}

struct sg_ast *sg_parse(const char *text, struct sg_diag *d)
{
	struct parser p = { .d = d, .src = text ? text : "" };
	sg_lex_init(&p.lx, p.src, d);
	sg_lex_blank(&p.lx);
	if (sg_lex_eof(&p.lx))
		return sg_ast_new(SG_AST_TRUE, 0);
	struct sg_ast *n = parse_or(&p);
	if (!n)
		return NULL;
	sg_lex_blank(&p.lx);
	if (sg_lex_eof(&p.lx))
		return n;
	if (sg_lex_peek(&p.lx, ")"))
		err_at(&p, pos(&p), "unbalanced parenthesis: this ')' has no matching '('");
	else
		err_unexpected(&p, "'and', 'or' or the end of the filter");
	sg_ast_free(n);
	return NULL;
}
