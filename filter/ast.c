/* AST nodes: allocation, freeing and the S-expression printer. */
#include "filter/ast.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdlib.h>
#include <string.h>

#include "event/fields.h"

const char *const sg_cmpop_names[SG_CMP_MAX] = {
#define SG_CMP_NAME(id, s) [SG_CMP_##id] = s,
	SG_CMPOPS(SG_CMP_NAME)
#undef SG_CMP_NAME
};

const char *const sg_xform_names[SG_XF_MAX] = {
#define SG_XF_NAME(id, s) [SG_XF_##id] = s,
	SG_XFORMS(SG_XF_NAME)
#undef SG_XF_NAME
};

const char *const sg_cmpmod_names[4] = { "", "oneof", "anyof", "allof" };

void sg_operand_free(struct sg_operand *o)
{
	if (!o)
		return;
	for (int i = 0; i < o->nargs; i++)
		sg_operand_free(&o->args[i]);
	free(o->args);
	free(o->key);
	free(o->str);
	o->args = NULL;
	o->nargs = 0;
	o->key = NULL;
	o->str = NULL;
}

bool sg_operand_copy(struct sg_operand *dst, const struct sg_operand *src)
{
	*dst = *src;
	dst->key = NULL;
	dst->str = NULL;
	dst->args = NULL;
	dst->nargs = 0;
	if (src->key) {
		dst->key = malloc((size_t)src->ref.keylen + 1);
		if (!dst->key)
			return false;
		memcpy(dst->key, src->key, src->ref.keylen);
		dst->key[src->ref.keylen] = '\0';
		dst->ref.key = dst->key;
	}
	if (src->str) {
		dst->str = malloc((size_t)src->slen + 1);
		if (!dst->str)
			return false;
		memcpy(dst->str, src->str, src->slen);
		dst->str[src->slen] = '\0';
	}
	if (src->nargs) {
		dst->args = calloc((size_t)src->nargs, sizeof(*dst->args));
		if (!dst->args)
			return false;
		for (int i = 0; i < src->nargs; i++) {
			dst->nargs = i + 1;
			if (!sg_operand_copy(&dst->args[i], &src->args[i]))
				return false;
		}
	}
	return true;
}

struct sg_ast *sg_ast_new(uint8_t kind, int off)
{
	struct sg_ast *n = calloc(1, sizeof(*n));
	if (!n)
		return NULL;
	n->kind = kind;
	n->off = off;
	n->lhs.ref.index = -1;
	n->rhs.ref.index = -1;
	return n;
}

bool sg_ast_add(struct sg_ast *n, struct sg_ast *kid)
{
	/* grow by doubling: and/or chains of thousands stay linear */
	if ((n->nkids & (n->nkids - 1)) == 0) {
		int cap = n->nkids ? n->nkids * 2 : 2;
		struct sg_ast **k = realloc(n->kids, (size_t)cap * sizeof(*k));
		if (!k)
			return false;
		n->kids = k;
	}
	n->kids[n->nkids++] = kid;
	return true;
}

void sg_cval_free(struct sg_cval *c)
{
	if (!c)
		return;
	free(c->s);
	pcre2_match_data_free(c->md);
	pcre2_code_free(c->re);
	c->s = NULL;
	c->md = NULL;
	c->re = NULL;
}

void sg_ast_free(struct sg_ast *n)
{
	if (!n)
		return;
	for (int i = 0; i < n->nkids; i++)
		sg_ast_free(n->kids[i]);
	free(n->kids);
	for (int i = 0; i < n->nlits; i++)
		free(n->lits[i].s);
	free(n->lits);
	for (int i = 0; i < n->ncv; i++)
		sg_cval_free(&n->cv[i]);
	free(n->cv);
	sg_operand_free(&n->lhs);
	sg_operand_free(&n->rhs);
	free(n->ident);
	free(n);
}

void sg_quote(struct sg_strbuf *b, const char *s, uint32_t len)
{
	sg_sb_putc(b, '"');
	for (uint32_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '"' || c == '\\') {
			sg_sb_putc(b, '\\');
			sg_sb_putc(b, (char)c);
		} else if (c == '\n') {
			sg_sb_puts(b, "\\n");
		} else if (c == '\t') {
			sg_sb_puts(b, "\\t");
		} else if (c < 0x20 || c >= 0x7f) {
			sg_sb_printf(b, "\\x%02x", c);
		} else {
			sg_sb_putc(b, (char)c);
		}
	}
	sg_sb_putc(b, '"');
}

static void print_operand(const struct sg_operand *o, struct sg_strbuf *b)
{
	static const char *const base_names[] = { [SG_OB_JOIN] = "join", [SG_OB_CONCAT] = "concat",
						   [SG_OB_GETOPT] = "getopt" };
	char name[256];
	for (int i = o->nxf - 1; i >= 0; i--)
		sg_sb_printf(b, "(%s ", sg_xform_names[o->xf[i]]);
	switch (o->base) {
	case SG_OB_FIELD:
		sg_fieldref_name(&o->ref, name, sizeof(name));
		sg_sb_puts(b, name);
		break;
	case SG_OB_STR:
		sg_quote(b, o->str, o->slen);
		break;
	default:
		sg_sb_printf(b, "(%s", o->base == SG_OB_LIST ? "list" : base_names[o->base]);
		for (int i = 0; i < o->nargs; i++) {
			sg_sb_putc(b, ' ');
			print_operand(&o->args[i], b);
		}
		if (o->has_sel)
			sg_sb_printf(b, " [%c]", o->sel);
		sg_sb_putc(b, ')');
		break;
	}
	for (int i = 0; i < o->nxf; i++)
		sg_sb_putc(b, ')');
}

static void print_cmp(const struct sg_ast *n, struct sg_strbuf *b)
{
	if (n->mod)
		sg_sb_printf(b, "(%s %s ", sg_cmpop_names[n->op], sg_cmpmod_names[n->mod]);
	else
		sg_sb_printf(b, "(%s ", sg_cmpop_names[n->op]);
	print_operand(&n->lhs, b);
	switch (n->rhs_kind) {
	case SG_RHS_VALUE:
		sg_sb_putc(b, ' ');
		sg_quote(b, n->lits[0].s, n->lits[0].len);
		break;
	case SG_RHS_LIST:
		sg_sb_puts(b, " (");
		for (int i = 0; i < n->nlits; i++) {
			if (i)
				sg_sb_putc(b, ' ');
			sg_quote(b, n->lits[i].s, n->lits[i].len);
		}
		sg_sb_putc(b, ')');
		break;
	case SG_RHS_FIELD:
		sg_sb_puts(b, " (val ");
		print_operand(&n->rhs, b);
		sg_sb_putc(b, ')');
		break;
	default:
		break;
	}
	sg_sb_putc(b, ')');
}

void sg_ast_print(const struct sg_ast *n, struct sg_strbuf *b)
{
	switch (n->kind) {
	case SG_AST_TRUE:
		sg_sb_puts(b, "true");
		return;
	case SG_AST_CMP:
		print_cmp(n, b);
		return;
	case SG_AST_MACRO:
		sg_sb_printf(b, "(macro %s)", n->ident ? n->ident : "?");
		return;
	case SG_AST_NOT:
		sg_sb_puts(b, "(not ");
		break;
	case SG_AST_AND:
		sg_sb_puts(b, "(and ");
		break;
	case SG_AST_OR:
		sg_sb_puts(b, "(or ");
		break;
	}
	for (int i = 0; i < n->nkids; i++) {
		if (i)
			sg_sb_putc(b, ' ');
		sg_ast_print(n->kids[i], b);
	}
	sg_sb_putc(b, ')');
}
