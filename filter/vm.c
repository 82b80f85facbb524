/*
 * The filter VM.  It runs only programs that passed sg_validate, so it
 * checks nothing the validator proves (operands in range, stack depth).
 * Fields are fetched when a FIELD instruction runs, once per event: the
 * slot cache is valid while its epoch equals the program's, and the epoch
 * moves on with every event.
 */
#include "filter/bytecode.h"
#include "filter/bytes.h"
#include "filter/multival.h"

#include <string.h>

/* A stack entry points at its value (the slot cache, or tmp once a
 * transformer rewrote it): copying whole values just written by the
 * getter would stall on store forwarding. */
struct vmv {
	bool present; /* values: the field applies to the event */
	bool b;       /* booleans */
	const struct sg_value *v;
	struct sg_value tmp;
};

static void fetch(struct sg_prog *p, struct sg_slot *s, struct sg_event *e, struct sg_arena *a)
{
	if (s->epoch == p->epoch)
		return;
	s->epoch = p->epoch;
	s->present = s->get(e, &s->ref, &s->v, a);
}

/* FCMP's commonest cases without a call: one text constant against text
 * (=, !=, startswith), one number against an unsigned number (=, !=).
 * The rules are sg_cmp_konst's; everything else goes there. */
static inline bool fcmp(uint8_t op, const struct sg_value *v, const struct sg_konst *k)
{
	const struct sg_cval *c = k->cv;
	if (k->ncv != 1 || k->mod)
		return sg_cmp_konst(op, v, k);
	bool text = v->type == SG_FT_STR || v->type == SG_FT_SYSCALL || v->type == SG_FT_BYTES;
	if (text && c->kind == SG_CK_STR) {
		switch (op) {
		case SG_CMP_EQ:
			return v->s.len == c->len && sg_same_bytes(v->s.p, c->s, c->len);
		case SG_CMP_NE:
			return v->s.len != c->len || !sg_same_bytes(v->s.p, c->s, c->len);
		case SG_CMP_STARTSWITH:
			return c->len <= v->s.len && sg_same_bytes(v->s.p, c->s, c->len);
		default:
			break;
		}
	} else if (v->type == SG_FT_U64 && c->kind == SG_CK_NUM) {
		if (op == SG_CMP_EQ)
			return (__int128)v->u == c->n;
		if (op == SG_CMP_NE)
			return (__int128)v->u != c->n;
	}
	return sg_cmp_konst(op, v, k);
}

/* Compare a value from the stack with another (val(field)). */
static bool cmp_values(uint8_t op, const struct sg_value *l, const struct sg_value *r)
{
	struct sg_cval c = { 0 };
	switch (r->type) {
	case SG_FT_U64:
	case SG_FT_ABSTIME:
	case SG_FT_PORT:
		c.kind = SG_CK_NUM;
		c.has_num = true;
		c.n = r->u;
		break;
	case SG_FT_S64:
		c.kind = SG_CK_NUM;
		c.has_num = true;
		c.n = r->i;
		break;
	case SG_FT_BOOL:
		c.kind = SG_CK_BOOL;
		c.b = r->b;
		break;
	case SG_FT_IPADDR:
	case SG_FT_IPNET:
		c.kind = SG_CK_NET;
		c.family = r->ip.family;
		c.prefix = r->ip.family == 4 ? 32 : 128;
		memcpy(c.addr, r->ip.addr, sizeof(c.addr));
		break;
	default:
		c.kind = SG_CK_STR;
		c.s = (char *)r->s.p;
		c.len = r->s.len;
		break;
	}
	return sg_cmp_one(op, l, &c);
}

/* One value of an any-of field against the constant k, or else against
 * the value r from the stack (proc.aname = val(proc.name)). */
static inline bool cmp_one(uint8_t op, const struct sg_value *v, const struct sg_konst *k,
			   const struct sg_value *r)
{
	return k ? sg_cmp_konst(op, v, k) : cmp_values(op, v, r);
}

/* Any-of fields: true if some value compares.  For fd.ip / fd.port /
 * fd.net, '!=' holds when no value is equal (libsinsp's compare_ip). */
static bool cmp_any(struct sg_slot *s, uint8_t op, const struct sg_konst *k,
		    const struct sg_value *r, struct sg_event *e, struct sg_arena *a)
{
	struct sg_value v;
	bool all = s->ne_all && op == SG_CMP_NE;
	int n;
	for (n = 1; sg_field_get_nth(e, &s->ref, n, &v, a); n++) {
		if (op == SG_CMP_EXISTS)
			return true;
		if (all) {
			if (cmp_one(SG_CMP_EQ, &v, k, r))
				return false;
		} else if (cmp_one(op, &v, k, r)) {
			return true;
		}
		/* a runaway getter must not hang the filter */
		if (n >= 4096)
			break;
	}
	return all && n > 1;
}

/*
 * Threaded dispatch: the label table is built from the opcode X-macro, so
 * an opcode without a handler does not compile, and each handler ends in
 * its own indirect jump, which the branch predictor learns per opcode.
 */
#define NEXT()                                \
	do {                                  \
		in = &p->code[++pc];          \
		goto *labels[in->op];         \
	} while (0)
#define JUMP(to)                              \
	do {                                  \
		pc = (to);                    \
		in = &p->code[pc];            \
		goto *labels[in->op];         \
	} while (0)

bool sg_vm_run(struct sg_prog *p, struct sg_event *e, struct sg_arena *a)
{
	static const void *const labels[SG_OP_MAX] = {
#define SG_OP_LABEL(id, name, opnd, vpop, vpush, bpop, bpush) [SG_OP_##id] = &&L_##id,
		SG_OPCODES(SG_OP_LABEL)
#undef SG_OP_LABEL
	};
	struct vmv st[SG_VM_STACK];
	int sp = 0;
	uint32_t pc = 0;
	const struct sg_insn *in = &p->code[0];
	struct sg_slot *s;
	p->epoch++;
	goto *labels[in->op];

L_FIELD:
	s = &p->slots[in->slot];
	fetch(p, s, e, a);
	st[sp].present = s->present;
	st[sp++].v = &s->v;
	NEXT();
L_XFORM: {
	struct vmv *t = &st[sp - 1];
	if (t->present) {
		if (t->v != &t->tmp) {
			t->tmp = *t->v;
			t->v = &t->tmp;
		}
		t->present = sg_xform_apply(in->cmp, &t->tmp, a);
	}
	NEXT();
}
L_CMP:
	st[sp - 1].b = st[sp - 1].present && sg_cmp_konst(in->cmp, st[sp - 1].v, &p->k[in->arg]);
	NEXT();
L_FCMP:
	s = &p->slots[in->slot];
	fetch(p, s, e, a);
	st[sp++].b = s->present && fcmp(in->cmp, &s->v, &p->k[in->arg]);
	NEXT();
L_FTYPE:
	/* the getter's rule: no def or no name, no evt.type */
	st[sp++].b = e->def && e->def->name && sg_cmp_def(in->cmp, &p->k[in->arg], e->def);
	NEXT();
L_CMPANY:
	st[sp++].b = cmp_any(&p->slots[in->slot], in->cmp, &p->k[in->arg], NULL, e, a);
	NEXT();
L_CMPV:
	sp--;
	st[sp - 1].b = st[sp - 1].present && st[sp].present &&
		       cmp_values(in->cmp, st[sp - 1].v, st[sp].v);
	NEXT();
L_CMPANYV: {
	struct vmv *t = &st[sp - 1];
	const struct sg_value *r = t->v;
	t->b = t->present && cmp_any(&p->slots[in->slot], in->cmp, NULL, r, e, a);
	NEXT();
}
L_MVAL: {
	struct sg_mvres r;
	struct vmv *t = &st[sp++];
	t->present = sg_mv_eval(&p->mv[in->slot], e, a, &r) && !r.list && r.n == 1;
	if (t->present)
		t->tmp = r.v[0];
	t->v = &t->tmp;
	NEXT();
}
L_MVCMP: {
	struct sg_mvres r;
	bool ok = sg_mv_eval(&p->mv[in->slot], e, a, &r);
	if (ok && in->cmp != SG_CMP_EXISTS)
		ok = r.list ? sg_mv_cmp_list(in->cmp, &r, &p->k[in->arg])
			    : r.n == 1 && sg_cmp_konst(in->cmp, &r.v[0], &p->k[in->arg]);
	st[sp++].b = ok;
	NEXT();
}
L_EXISTS:
	st[sp - 1].b = st[sp - 1].present;
	NEXT();
L_NOT:
	st[sp - 1].b = !st[sp - 1].b;
	NEXT();
L_JF:
	if (!st[sp - 1].b)
		JUMP(in->arg);
	sp--;
	NEXT();
L_JT:
	if (st[sp - 1].b)
		JUMP(in->arg);
	sp--;
	NEXT();
L_TRUE:
	st[sp++].b = true;
	NEXT();
L_RET:
	return sp > 0 && st[sp - 1].b;
}
