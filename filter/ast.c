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
	if (c)
		free(c->s);
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
	free(n->lhs.key);
	free(n->rhs.key);
	/* the compiler takes the regex (and clears re) when it builds a program */
	pcre2_code_free(n->re);
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
	char name[256];
	for (int i = o->nxf - 1; i >= 0; i--)
		sg_sb_printf(b, "(%s ", sg_xform_names[o->xf[i]]);
	sg_fieldref_name(&o->ref, name, sizeof(name));
	sg_sb_puts(b, name);
	for (int i = 0; i < o->nxf; i++)
		sg_sb_putc(b, ')');
}

static void print_cmp(const struct sg_ast *n, struct sg_strbuf *b)
{
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
