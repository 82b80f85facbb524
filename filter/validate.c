/*
 * The bytecode validator.  The VM trusts what this proves, for every
 * program, before it runs:
 *   - every opcode, operator, transformer, slot and constant index is valid,
 *     and a constant has what its operator needs (a regex, a value);
 *   - jumps go forward and land inside the program;
 *   - the stack is balanced: each instruction finds the values and booleans
 *     it pops, every path into an instruction arrives with the same stack,
 *     nothing is deeper than SG_VM_STACK, and RET leaves it empty;
 *   - the program ends with RET, so execution cannot run off the end.
 * Jumps only go forward, so one pass in program order sees every path.
 */
#include "filter/bytecode.h"

#include <stdlib.h>
#include <string.h>

const struct sg_opinfo sg_opinfo[SG_OP_MAX] = {
#define SG_OP_INFO(id, name, opnd, vpop, vpush, bpop, bpush) \
	[SG_OP_##id] = { name, opnd, vpop, vpush, bpop, bpush },
	SG_OPCODES(SG_OP_INFO)
#undef SG_OP_INFO
};

/* The abstract stack: its depth and, per entry, value (0) or bool (1).
 * SG_VM_STACK <= 32, so a bit mask holds the kinds. */
struct shape {
	int8_t depth;   /* -1: no path reaches this point yet */
	uint32_t kinds; /* bit i set: entry i is a bool */
};

static bool same(struct shape a, struct shape b)
{
	return a.depth == b.depth && a.kinds == b.kinds;
}

static const char *check_operands(const struct sg_prog *p, const struct sg_insn *in)
{
	const struct sg_opinfo *oi = &sg_opinfo[in->op];
	switch (oi->opnd) {
	case SG_OPND_FIELD:
		return in->slot < p->nslots && !p->slots[in->slot].anyof ? NULL : "bad field slot";
	case SG_OPND_XFORM:
		return in->cmp < SG_XF_JOIN ? NULL : "bad transformer";
	case SG_OPND_MV:
		return in->slot < p->nmv ? NULL : "bad multi-value operand";
	case SG_OPND_MVCONST:
		if (in->slot >= p->nmv || in->cmp >= SG_CMP_MAX)
			return "bad multi-value operand or operator";
		if (in->cmp != SG_CMP_EXISTS && in->arg >= p->nk)
			return "bad constant";
		return NULL;
	case SG_OPND_ANY:
		if (in->slot >= p->nslots || !p->slots[in->slot].anyof)
			return "bad any-of field slot";
		/* fall through */
	case SG_OPND_FCONST:
		if (oi->opnd == SG_OPND_FCONST &&
		    (in->slot >= p->nslots || p->slots[in->slot].anyof))
			return "bad field slot";
		/* fall through */
	case SG_OPND_CONST:
		if (in->cmp >= SG_CMP_MAX || in->arg >= p->nk)
			return "bad operator or constant";
		if (in->cmp == SG_CMP_REGEX) {
			const struct sg_konst *k = &p->k[in->arg];
			for (uint32_t i = 0; i < k->ncv; i++)
				if (!k->cv[i].re || !k->cv[i].md)
					return "regex operator without a regex";
		}
		if (in->op == SG_OP_FTYPE && (p->slots[in->slot].ref.id != SG_F_EVT_TYPE ||
					      !p->k[in->arg].memo))
			return "ftype without evt.type or its memo";
		if (oi->opnd != SG_OPND_ANY && in->cmp == SG_CMP_EXISTS)
			return "exists takes no constant";
		if (in->cmp != SG_CMP_EXISTS && in->cmp != SG_CMP_IN && in->cmp != SG_CMP_INTERSECTS &&
		    in->cmp != SG_CMP_PMATCH && !p->k[in->arg].mod && p->k[in->arg].ncv != 1)
			return "operator needs exactly one constant";
		return NULL;
	case SG_OPND_ANYV:
		if (in->slot >= p->nslots || !p->slots[in->slot].anyof)
			return "bad any-of field slot";
		/* fall through */
	case SG_OPND_CMP:
		if (in->cmp >= SG_CMP_MAX || in->cmp == SG_CMP_EXISTS || in->cmp == SG_CMP_REGEX ||
		    in->cmp == SG_CMP_PMATCH)
			return "bad operator for two values";
		return NULL;
	case SG_OPND_JUMP:
		return NULL;
	default:
		return NULL;
	}
}

/* Pop n entries of one kind (bool or value) off s. */
static const char *shape_pop(struct shape *s, int n, bool isbool)
{
	for (int i = 0; i < n; i++) {
		if (s->depth <= 0)
			return "stack underflow";
		s->depth--;
		bool top = (s->kinds >> s->depth) & 1;
		if (top != isbool)
			return isbool ? "expected a boolean on the stack" : "expected a value on the stack";
		s->kinds &= ~(1u << s->depth);
	}
	return NULL;
}

static const char *shape_push(struct shape *s, int n, bool isbool)
{
	for (int i = 0; i < n; i++) {
		if (s->depth >= SG_VM_STACK)
			return "stack overflow";
		if (isbool)
			s->kinds |= 1u << s->depth;
		s->depth++;
	}
	return NULL;
}

/* The shape after in, given the shape before; jumps handled by caller. */
static const char *step(const struct sg_insn *in, struct shape *s)
{
	const struct sg_opinfo *oi = &sg_opinfo[in->op];
	const char *why;
	if ((why = shape_pop(s, oi->vpop, false)) || (why = shape_pop(s, oi->bpop, true)) ||
	    (why = shape_push(s, oi->vpush, false)) || (why = shape_push(s, oi->bpush, true)))
		return why;
	return NULL;
}

static const char *merge(struct shape *at, struct shape s)
{
	if (at->depth < 0) {
		*at = s;
		return NULL;
	}
	return same(*at, s) ? NULL : "paths join with different stacks";
}

static const char *check_insn(const struct sg_prog *p, uint32_t pc, struct shape *shapes)
{
	const struct sg_insn *in = &p->code[pc];
	if (in->op >= SG_OP_MAX)
		return "bad opcode";
	const char *why = check_operands(p, in);
	if (why)
		return why;
	struct shape s = shapes[pc];
	if (s.depth < 0)
		return "unreachable instruction";
	if (in->op == SG_OP_JF || in->op == SG_OP_JT) {
		if (in->arg <= pc || in->arg >= p->ncode)
			return "jump not forward or out of range";
		if (s.depth < 1 || !((s.kinds >> (s.depth - 1)) & 1))
			return "conditional jump without a boolean";
		if ((why = merge(&shapes[in->arg], s)))
			return why;
		if ((why = shape_pop(&s, 1, true)))
			return why;
		return merge(&shapes[pc + 1], s);
	}
	if ((why = step(in, &s)))
		return why;
	if (in->op == SG_OP_RET)
		return s.depth == 0 ? NULL : "values left on the stack at ret";
	return merge(&shapes[pc + 1], s);
}

const char *sg_validate(const struct sg_prog *p, uint32_t *bad_pc)
{
	*bad_pc = 0;
	if (!p->code || p->ncode == 0)
		return "empty program";
	if (p->code[p->ncode - 1].op != SG_OP_RET)
		return "program does not end with ret";
	/* one extra entry: the fall-through of the final RET is never used */
	struct shape *shapes = malloc(((size_t)p->ncode + 1) * sizeof(*shapes));
	if (!shapes)
		return "out of memory";
	for (uint32_t i = 0; i <= p->ncode; i++)
		shapes[i] = (struct shape){ .depth = -1 };
	shapes[0].depth = 0;
	const char *why = NULL;
	for (uint32_t pc = 0; pc < p->ncode && !why; pc++) {
		why = check_insn(p, pc, shapes);
		if (why)
			*bad_pc = pc;
	}
	free(shapes);
	return why;
}
