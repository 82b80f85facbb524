/*
 * Recursive-descent parser of the sysdig/Falco filter language, following
 * the grammar of falcosecurity/libs (userspace/libsinsp/filter/parser.cpp):
 *
 *   Expr       ::= OrExpr
 *   OrExpr     ::= AndExpr ('or' (blank | '(') AndExpr)*
 *   AndExpr    ::= NotExpr ('and' (blank | '(') NotExpr)*
 *   NotExpr    ::= ('not' blank)* ( 'not(' Expr ')' | Check )
 *   Check      ::= '(' Expr ')' | Operand UnaryOp | Operand Op Value
 *   Operand    ::= Field | Transformer '(' Operand ')'
 *   Value      ::= QuotedStr | BareStr | Number | List | 'val(' Field ')'
 *                | Transformer '(' Operand ')'
 *   List       ::= '(' (Value (',' Value)*)? ')'
 *
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

static bool parse_field(struct parser *p, struct sg_operand *o)
{
	o->field_off = pos(p);
	int n = sg_fieldref_parse(p->src, p->src + p->lx.pos, &o->ref, p->d);
	if (n < 0)
		return false;
	p->lx.pos += (size_t)n;
	if (o->ref.key) {
		/* the AST must not point into the caller's text */
		o->key = malloc((size_t)o->ref.keylen + 1);
		if (!o->key) {
			err_at(p, o->field_off, "out of memory");
			return false;
		}
		memcpy(o->key, o->ref.key, o->ref.keylen);
		o->key[o->ref.keylen] = '\0';
		o->ref.key = o->key;
	}
	return true;
}

/* Operand ::= Field | Transformer '(' Operand ')'.  Transformers are
 * collected outermost first, then reversed so xf[0] is applied first. */
static bool parse_operand(struct parser *p, struct sg_operand *o)
{
	o->off = pos(p);
	int open[SG_MAX_XFORMS];
	int nx = 0, xf;
	uint8_t outer[SG_MAX_XFORMS];
	while ((xf = xform_at(p)) >= 0) {
		if (nx == SG_MAX_XFORMS) {
			sg_diag_set(p->d, p->src, pos(p), "more than %d transformers on one field",
				    SG_MAX_XFORMS);
			return false;
		}
		open[nx] = pos(p);
		outer[nx++] = (uint8_t)xf;
		p->lx.pos += strlen(sg_xform_names[xf]) + 1;
		sg_lex_blank(&p->lx);
	}
	if (sg_lex_peek(&p->lx, "val(")) {
		err_at(p, pos(p), "val() belongs on the right of an operator: proc.name = val(proc.pname)");
		return false;
	}
	if (!parse_field(p, o))
		return false;
	for (int i = nx - 1; i >= 0; i--) {
		sg_lex_blank(&p->lx);
		if (!sg_lex_lit(&p->lx, ")")) {
			sg_diag_set(p->d, p->src, pos(p), "expected ')' to close %s( at column %d",
				    sg_xform_names[outer[i]], open[i] + 1);
			return false;
		}
		o->xf[o->nxf++] = outer[i];
	}
	return true;
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

/* 'val(' Field ')' or a transformer, on the right: field-to-field. */
static int parse_rhs_field(struct parser *p, struct sg_ast *n)
{
	int start = pos(p);
	if (sg_lex_lit(&p->lx, "val(")) {
		sg_lex_blank(&p->lx);
		n->rhs.off = start;
		if (!parse_field(p, &n->rhs))
			return -1;
		sg_lex_blank(&p->lx);
		if (!sg_lex_lit(&p->lx, ")")) {
			sg_diag_set(p->d, p->src, pos(p), "expected ')' to close val( at column %d",
				    start + 1);
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

static bool parse_list(struct parser *p, struct sg_ast *n)
{
	int open = pos(p);
	const char *opname = sg_cmpop_names[n->op];
	int r = parse_rhs_field(p, n);
	if (r > 0) {
		sg_diag_set(p->d, p->src, n->rhs.off,
			    "'%s' needs a list of values, like (a, b), not a field", opname);
		return false;
	}
	if (r < 0)
		return false;
	if (!sg_lex_lit(&p->lx, "(")) {
		sg_diag_set(p->d, p->src, pos(p), "expected a list after '%s', like (a, b)", opname);
		return false;
	}
	n->rhs_kind = SG_RHS_LIST;
	sg_lex_blank(&p->lx);
	if (sg_lex_lit(&p->lx, ")"))
		return true;
	for (;;) {
		struct sg_tok t;
		sg_lex_blank(&p->lx);
		r = sg_lex_quoted(&p->lx, &t);
		if (r == 0)
			r = sg_lex_bare(&p->lx, &t);
		if (r < 0)
			return false;
		if (r == 0) {
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

static bool err_operator(struct parser *p, struct sg_ast *n)
{
	char name[256];
	sg_fieldref_name(&n->lhs.ref, name, sizeof(name));
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
	sg_lex_blank(&p->lx);
	if (is_list_op(n->op))
		return parse_list(p, n);
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
	if (sg_lex_eof(&p->lx) || sg_lex_peek(&p->lx, ")") ||
	    (!sg_lex_ident_len(&p->lx) && !sg_lex_peek(&p->lx, "val("))) {
		err_unexpected(p, "a condition, like proc.name=bash");
		return NULL;
	}
	struct sg_ast *n = sg_ast_new(SG_AST_CMP, start);
	if (!n) {
		err_at(p, start, "out of memory");
		return NULL;
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
