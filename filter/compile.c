/*
 * AST -> bytecode.  Each comparison becomes FIELD [XFORM...] CMP (or one
 * CMPANY for any-of fields, CMPANYV when they meet val() or a transformed
 * field); 'and' / 'or' chains become short-circuit JF /
 * JT jumps to the end of the chain, 'not' a NOT.  Fields are given slots
 * (one per distinct reference, so a field used twice is fetched once per
 * event), and constants are moved out of the AST into the constant pool,
 * with their sets sorted and regexes prepared, once, here.
 */
#include "filter/bytecode.h"

#include <stdlib.h>
#include <string.h>

#define SG_PROG_MAX_CODE (1u << 22)
#define SG_PROG_MAX_SLOTS 65535u

struct compiler {
	struct sg_prog *p;
	uint32_t cap_code, cap_k;
	const char *src;
	struct sg_diag *d;
};

static bool grow(void **arr, uint32_t *cap, uint32_t need, size_t elem)
{
	if (need <= *cap)
		return true;
	uint32_t n = *cap ? *cap * 2 : 16;
	while (n < need)
		n *= 2;
	void *q = realloc(*arr, (size_t)n * elem);
	if (!q)
		return false;
	*arr = q;
	*cap = n;
	return true;
}

static bool oom(struct compiler *c, int off)
{
	sg_diag_set(c->d, c->src, off, "out of memory compiling the filter");
	return false;
}

static bool emit(struct compiler *c, uint8_t op, uint8_t cmp, uint16_t slot, uint32_t arg,
		 int off)
{
	struct sg_prog *p = c->p;
	if (p->ncode >= SG_PROG_MAX_CODE) {
		sg_diag_set(c->d, c->src, off, "the filter is too large");
		return false;
	}
	if (!grow((void **)&p->code, &c->cap_code, p->ncode + 1, sizeof(*p->code)))
		return oom(c, off);
	p->code[p->ncode++] = (struct sg_insn){ .op = op, .cmp = cmp, .slot = slot, .arg = arg };
	return true;
}

static bool same_ref(const struct sg_fieldref *a, const struct sg_fieldref *b)
{
	if (a->id != b->id || a->index != b->index || a->keylen != b->keylen)
		return false;
	if (!a->key || !b->key)
		return a->key == b->key;
	return memcmp(a->key, b->key, a->keylen) == 0;
}

/* The slot of a field reference, shared by every use of it. */
static int slot_for(struct compiler *c, const struct sg_operand *o)
{
	struct sg_prog *p = c->p;
	for (uint32_t i = 0; i < p->nslots; i++)
		if (same_ref(&p->slots[i].ref, &o->ref))
			return (int)i;
	if (p->nslots >= SG_PROG_MAX_SLOTS) {
		sg_diag_set(c->d, c->src, o->off, "the filter uses too many fields");
		return -1;
	}
	/* slots are few: grow one at a time */
	struct sg_slot *s = realloc(p->slots, (p->nslots + 1) * sizeof(*s));
	if (!s) {
		oom(c, o->off);
		return -1;
	}
	p->slots = s;
	struct sg_slot *n = &s[p->nslots];
	memset(n, 0, sizeof(*n));
	n->ref = o->ref;
	if (o->ref.key) {
		n->key = malloc((size_t)o->ref.keylen + 1);
		if (!n->key) {
			oom(c, o->off);
			return -1;
		}
		memcpy(n->key, o->ref.key, o->ref.keylen);
		n->key[o->ref.keylen] = '\0';
		n->ref.key = n->key;
	}
	n->get = sg_field_getter(&n->ref);
	n->anyof = o->anyof;
	/* libsinsp: fd.ip != x holds when neither end is x */
	n->ne_all = o->ref.id == SG_F_FD_IP || o->ref.id == SG_F_FD_PORT ||
		    o->ref.id == SG_F_FD_NET || (sg_fields[o->ref.id].flags & SG_FF_RESOLVER);
	return (int)p->nslots++;
}

/* Move the leaf's constants into a new pool entry. */
static int konst_for(struct compiler *c, struct sg_ast *n)
{
	struct sg_prog *p = c->p;
	if (!grow((void **)&p->k, &c->cap_k, p->nk + 1, sizeof(*p->k))) {
		oom(c, n->off);
		return -1;
	}
	struct sg_konst *k = &p->k[p->nk];
	memset(k, 0, sizeof(*k));
	k->cmp = n->op;
	k->cv = n->cv;
	k->ncv = (uint32_t)n->ncv;
	k->mod = n->mod;
	n->cv = NULL;
	n->ncv = 0;
	p->nk++;
	if (!sg_konst_prepare(k)) {
		oom(c, n->off);
		return -1;
	}
	return (int)(p->nk - 1);
}

static bool emit_operand(struct compiler *c, const struct sg_operand *o)
{
	int s = slot_for(c, o);
	if (s < 0 || !emit(c, SG_OP_FIELD, 0, (uint16_t)s, 0, o->off))
		return false;
	for (int i = 0; i < o->nxf; i++)
		if (!emit(c, SG_OP_XFORM, o->xf[i], 0, 0, o->off))
			return false;
	return true;
}

/* A multi-value operand (join, concat, getopt, a list, or a field inside
 * them): the program keeps its own copy of the tree for the evaluator. */
static int mv_for(struct compiler *c, const struct sg_operand *o)
{
	struct sg_prog *p = c->p;
	if (p->nmv >= SG_PROG_MAX_SLOTS) {
		sg_diag_set(c->d, c->src, o->off, "the filter uses too many transformers");
		return -1;
	}
	struct sg_operand *m = realloc(p->mv, (p->nmv + 1) * sizeof(*m));
	if (!m) {
		oom(c, o->off);
		return -1;
	}
	p->mv = m;
	if (!sg_operand_copy(&m[p->nmv], o)) {
		sg_operand_free(&m[p->nmv]);
		oom(c, o->off);
		return -1;
	}
	return (int)p->nmv++;
}

/* Push an operand's value: FIELD [XFORM...], or MVAL. */
static bool emit_value(struct compiler *c, const struct sg_operand *o)
{
	if (sg_operand_is_field(o))
		return emit_operand(c, o);
	int m = mv_for(c, o);
	return m >= 0 && emit(c, SG_OP_MVAL, 0, (uint16_t)m, 0, o->off);
}

static bool compile_cmp(struct compiler *c, struct sg_ast *n)
{
	if (!sg_operand_is_field(&n->lhs) && (n->lhs.list || n->rhs_kind != SG_RHS_FIELD)) {
		/* a list, or a multi-value against constants: one MVCMP */
		int m = mv_for(c, &n->lhs);
		if (m < 0)
			return false;
		int k = 0;
		if (n->op != SG_CMP_EXISTS && (k = konst_for(c, n)) < 0)
			return false;
		return emit(c, SG_OP_MVCMP, n->op, (uint16_t)m, (uint32_t)k, n->off);
	}
	if (n->rhs_kind == SG_RHS_FIELD && (!sg_operand_is_field(&n->lhs) ||
					    !sg_operand_is_field(&n->rhs)) && !n->lhs.anyof)
		return emit_value(c, &n->lhs) && emit_value(c, &n->rhs) &&
		       emit(c, SG_OP_CMPV, n->op, 0, 0, n->off);
	/* proc.aname = val(proc.name): the right side first, then each left value */
	if (n->lhs.anyof && n->rhs_kind == SG_RHS_FIELD) {
		int s = slot_for(c, &n->lhs);
		return s >= 0 && emit_operand(c, &n->rhs) &&
		       emit(c, SG_OP_CMPANYV, n->op, (uint16_t)s, 0, n->off);
	}
	if (n->lhs.anyof) {
		int s = slot_for(c, &n->lhs);
		int k = s < 0 ? -1 : konst_for(c, n);
		return k >= 0 && emit(c, SG_OP_CMPANY, n->op, (uint16_t)s, (uint32_t)k, n->off);
	}
	if (n->lhs.nxf == 0 && n->op != SG_CMP_EXISTS && n->rhs_kind != SG_RHS_FIELD) {
		int s = slot_for(c, &n->lhs);
		int k = s < 0 ? -1 : konst_for(c, n);
		if (k < 0)
			return false;
		if (n->lhs.ref.id != SG_F_EVT_TYPE)
			return emit(c, SG_OP_FCMP, n->op, (uint16_t)s, (uint32_t)k, n->off);
		if (!sg_konst_memo(&c->p->k[k]))
			return oom(c, n->off);
		return emit(c, SG_OP_FTYPE, n->op, (uint16_t)s, (uint32_t)k, n->off);
	}
	if (!emit_operand(c, &n->lhs))
		return false;
	if (n->op == SG_CMP_EXISTS)
		return emit(c, SG_OP_EXISTS, 0, 0, 0, n->off);
	if (n->rhs_kind == SG_RHS_FIELD)
		return emit_operand(c, &n->rhs) && emit(c, SG_OP_CMPV, n->op, 0, 0, n->off);
	int k = konst_for(c, n);
	return k >= 0 && emit(c, SG_OP_CMP, n->op, 0, (uint32_t)k, n->off);
}

static bool compile_node(struct compiler *c, struct sg_ast *n);

/* a and b and c: each but the last is followed by a jump to the end that
 * keeps the deciding boolean.  Until the end is known, the pending jumps
 * are linked through their arg (pc + 1 of the previous one, 0 ends). */
static bool compile_chain(struct compiler *c, struct sg_ast *n, uint8_t jop)
{
	uint32_t pending = 0;
	for (int i = 0; i < n->nkids; i++) {
		if (!compile_node(c, n->kids[i]))
			return false;
		if (i + 1 == n->nkids)
			break;
		if (!emit(c, jop, 0, 0, pending, n->off))
			return false;
		pending = c->p->ncode;
	}
	uint32_t end = c->p->ncode;
	while (pending) {
		struct sg_insn *in = &c->p->code[pending - 1];
		pending = in->arg;
		in->arg = end;
	}
	return true;
}

static bool compile_node(struct compiler *c, struct sg_ast *n)
{
	switch (n->kind) {
	case SG_AST_TRUE:
		return emit(c, SG_OP_TRUE, 0, 0, 0, n->off);
	case SG_AST_CMP:
		return compile_cmp(c, n);
	case SG_AST_NOT:
		return compile_node(c, n->kids[0]) && emit(c, SG_OP_NOT, 0, 0, 0, n->off);
	case SG_AST_AND:
		return compile_chain(c, n, SG_OP_JF);
	case SG_AST_OR:
		return compile_chain(c, n, SG_OP_JT);
	}
	sg_diag_set(c->d, c->src, n->off, "internal error: unknown node");
	return false;
}

bool sg_compile(struct sg_ast *root, struct sg_prog *p, const char *text, struct sg_diag *d)
{
	memset(p, 0, sizeof(*p));
	struct compiler c = { .p = p, .src = text, .d = d };
	if (compile_node(&c, root) && emit(&c, SG_OP_RET, 0, 0, 0, 0))
		return true;
	sg_prog_free(p);
	return false;
}

void sg_prog_free(struct sg_prog *p)
{
	if (!p)
		return;
	for (uint32_t i = 0; i < p->nslots; i++)
		free(p->slots[i].key);
	for (uint32_t i = 0; i < p->nk; i++)
		sg_konst_free(&p->k[i]);
	for (uint32_t i = 0; i < p->nmv; i++)
		sg_operand_free(&p->mv[i]);
	free(p->mv);
	free(p->slots);
	free(p->k);
	free(p->code);
	memset(p, 0, sizeof(*p));
}
