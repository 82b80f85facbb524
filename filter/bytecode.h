/*
 * The filter bytecode: a small stack machine with forward-only jumps.
 * Comparisons push booleans; 'and' / 'or' are short-circuit jumps that keep
 * the deciding boolean on the stack (jq's JUMP_F style), so a field is
 * fetched only when an instruction needs it.  The opcode list is one
 * X-macro shared by the enum, the disassembler and the VM, so they cannot
 * disagree.  FCMP is FIELD + CMP in one instruction, for the common case of
 * a plain field against a constant: half the dispatches.  FTYPE is FCMP
 * for evt.type, whose result depends only on the event's syscall def: it
 * is remembered per def, so most events cost one pointer comparison.
 *
 * Instruction: op, cmp (a comparison operator or transformer), slot (a
 * field slot), arg (a constant index or jump target).
 */
#ifndef SG_BYTECODE_H
#define SG_BYTECODE_H

#include <stdbool.h>
#include <stdint.h>

#include "event/fields.h"
#include "extract/fieldget.h"
#include "filter/ast.h"

/* Operand kinds, for the disassembler and the validator. */
enum sg_opnd {
	SG_OPND_NONE,  /* nothing */
	SG_OPND_FIELD, /* slot: a field */
	SG_OPND_XFORM, /* cmp: a transformer */
	SG_OPND_CONST, /* cmp: operator, arg: constant */
	SG_OPND_ANY,   /* cmp: operator, slot: any-of field, arg: constant */
	SG_OPND_FCONST,/* cmp: operator, slot: field, arg: constant */
	SG_OPND_CMP,   /* cmp: operator (two values from the stack) */
	SG_OPND_ANYV,  /* cmp: operator, slot: any-of field (a value from the stack) */
	SG_OPND_JUMP,  /* arg: target */
	SG_OPND_MV,    /* slot: a multi-value operand (join, concat, getopt, list) */
	SG_OPND_MVCONST, /* slot: multi-value operand, cmp: operator, arg: constant */
};

/*
 * X(id, "name", operand kind, values popped, values pushed, bools popped,
 *   bools pushed) -- the stack effect drives the validator.
 */
#define SG_OPCODES(X)                                                             \
	X(FIELD, "field", SG_OPND_FIELD, 0, 1, 0, 0) /* push the field's value */  \
	X(XFORM, "xform", SG_OPND_XFORM, 1, 1, 0, 0) /* transform the top value */ \
	X(CMP, "cmp", SG_OPND_CONST, 1, 0, 0, 1)     /* value <op> constant */     \
	X(FCMP, "fcmp", SG_OPND_FCONST, 0, 0, 0, 1)  /* field <op> constant */     \
	X(FTYPE, "ftype", SG_OPND_FCONST, 0, 0, 0, 1) /* evt.type <op> constant */ \
	X(CMPANY, "cmpany", SG_OPND_ANY, 0, 0, 0, 1) /* any value of the field */  \
	X(CMPV, "cmpv", SG_OPND_CMP, 2, 0, 0, 1)     /* value <op> value */        \
	X(CMPANYV, "cmpanyv", SG_OPND_ANYV, 1, 0, 0, 1) /* any value <op> value */ \
	X(EXISTS, "exists", SG_OPND_NONE, 1, 0, 0, 1) /* the value is present */   \
	X(MVAL, "mval", SG_OPND_MV, 0, 1, 0, 0)      /* push a multi-value's value */ \
	X(MVCMP, "mvcmp", SG_OPND_MVCONST, 0, 0, 0, 1) /* multi-value <op> constant */ \
	X(NOT, "not", SG_OPND_NONE, 0, 0, 1, 1)                                    \
	X(JF, "jf", SG_OPND_JUMP, 0, 0, 0, 0)  /* false: jump, keep; else pop */   \
	X(JT, "jt", SG_OPND_JUMP, 0, 0, 0, 0)  /* true: jump, keep; else pop */    \
	X(TRUE, "true", SG_OPND_NONE, 0, 0, 0, 1)                                  \
	X(RET, "ret", SG_OPND_NONE, 0, 0, 1, 0) /* the result; stop */

enum sg_opcode {
#define SG_OP_ENUM(id, name, opnd, vpop, vpush, bpop, bpush) SG_OP_##id,
	SG_OPCODES(SG_OP_ENUM)
#undef SG_OP_ENUM
	SG_OP_MAX
};

struct sg_opinfo {
	const char *name;
	uint8_t opnd;
	uint8_t vpop, vpush, bpop, bpush;
};
extern const struct sg_opinfo sg_opinfo[SG_OP_MAX];

struct sg_insn {
	uint8_t op;
	uint8_t cmp;
	uint16_t slot;
	uint32_t arg;
};

#define SG_VM_STACK 8 /* deepest stack a valid program may use */

/* A field the program reads, with its per-event cache. */
struct sg_slot {
	struct sg_fieldref ref;
	char *key;          /* owned copy of ref.key */
	bool anyof;         /* values via sg_field_get_nth */
	bool ne_all;        /* any-of '!=' means "no value is equal" (fd.ip...) */
	sg_field_fn get;    /* the field's getter, resolved once */
	uint64_t epoch;     /* the cache is valid when equal to the program's */
	bool present;
	struct sg_value v;
};

/* A constant operand: one value, a set, or a regex. */
struct sg_konst {
	uint8_t cmp;          /* the operator it was built for */
	struct sg_cval *cv;   /* values (owned) */
	uint32_t ncv;
	/* 'in' / 'intersects' sets: sorted views for binary search */
	__int128 *nums;
	uint32_t nnums;
	const struct sg_cval **strs;
	uint32_t nstrs;
	uint32_t *hash;       /* open addressing over strs: index + 1, 0 empty */
	uint32_t hmask;
	uint8_t mod;          /* enum sg_cmpmod: oneof / anyof / allof over cv */
	struct sg_defmemo *memo; /* FTYPE: results by syscall def (SG_DEFMEMO) */
};

/* FTYPE's memo: direct-mapped by def address.  Defs live in static tables
 * and never change, so a def's result never goes stale. */
#define SG_DEFMEMO 64
struct sg_defmemo {
	const struct sg_syscall_def *def;
	bool hit;
};

struct sg_prog {
	struct sg_insn *code;
	uint32_t ncode;
	struct sg_slot *slots;
	uint32_t nslots;
	struct sg_konst *k;
	uint32_t nk;
	struct sg_operand *mv; /* multi-value operands (owned copies of the AST's) */
	uint32_t nmv;
	uint64_t epoch;       /* bumped once per event */
};

/* AST -> program; false with *d set (out of memory, too big). */
bool sg_compile(struct sg_ast *root, struct sg_prog *p, const char *text, struct sg_diag *d);
void sg_prog_free(struct sg_prog *p);

/* Structural checks every program passes before it runs: opcodes and
 * operands valid, jumps forward and in range, the stack balanced on every
 * path and never deeper than SG_VM_STACK.  NULL if valid, else why. */
const char *sg_validate(const struct sg_prog *p, uint32_t *bad_pc);

bool sg_vm_run(struct sg_prog *p, struct sg_event *e, struct sg_arena *a);

/* One listing line per instruction. */
struct sg_strbuf;
void sg_disasm(const struct sg_prog *p, struct sg_strbuf *b);

/* --- comparisons, shared by the VM and the pushdown analysis --- */

/* value <op> constant for the scalar operators (not in/pmatch/regex). */
bool sg_cmp_one(uint8_t op, const struct sg_value *v, const struct sg_cval *c);
/* value <op> k: any operator, sets and regexes included. */
bool sg_cmp_konst(uint8_t op, const struct sg_value *v, const struct sg_konst *k);
/* evt.type <op> k for the syscall def d (FTYPE), through k's memo. */
bool sg_cmp_def(uint8_t op, struct sg_konst *k, const struct sg_syscall_def *d);
/* Give k the memo FTYPE needs. */
bool sg_konst_memo(struct sg_konst *k);
/* Build the sorted views and regex match data of k. */
bool sg_konst_prepare(struct sg_konst *k);
void sg_konst_free(struct sg_konst *k);

/* fnmatch(3) semantics without FNM_PATHNAME, on byte strings. */
bool sg_glob(const char *pat, uint32_t plen, const char *s, uint32_t slen, bool icase);

/* Transform v in place (strings into the arena); false = no value. */
bool sg_xform_apply(uint8_t xf, struct sg_value *v, struct sg_arena *a);

#endif /* SG_BYTECODE_H */
