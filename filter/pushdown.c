/*
 * What the kernel can decide before copying anything (event/pushdown.h),
 * derived from the checked AST.
 *
 * Event types: every node gets two sets of syscalls, `may` (the node can
 * be true only for these) and `must` (the node is true for every event of
 * these).  A comparison on evt.type is exact: it is evaluated against
 * every syscall name, so may == must.  Any other comparison may be true
 * anywhere and is true nowhere for sure.  Then
 *   and: may = AND of mays, must = AND of musts
 *   or : may = OR of mays,  must = OR of musts
 *   not: may = NOT must,    must = NOT may
 * so "not evt.type=open" excludes open, while "not (evt.type=open and
 * proc.name=x)" excludes nothing.  The filter can match only the `may`
 * syscalls of the root.
 *
 * Conditions: the top-level conjunction's "=" / "in" tests of proc.pid,
 * thread.tid, user.uid and proc.name (each list intersected with the
 * others on the same field).  Any subset of the conjuncts is a valid
 * pre-check, so a test that does not fit is simply left out.
 */
#include "filter/pushdown.h"

#include <stdio.h>
#include <string.h>

#include "event/syscalls.h"
#include "filter/bytecode.h"

#define NBITS (SG_MAX_SYSCALLS + 1) /* the last bit is procexit */
#define PROCEXIT_BIT SG_MAX_SYSCALLS
#define NWORDS ((NBITS + 63) / 64)

struct tset {
	uint64_t w[NWORDS];
};

/* uni: every bit; named: the syscall numbers with a name on this
 * architecture, plus procexit.  An event of a number without a name should
 * not occur; if one does, its evt.type is unknown, so comparisons on
 * evt.type treat it like any other field would, but it does not keep a
 * filter from being "never". */
struct ctx {
	struct tset uni, named;
};

static void set_all(const struct ctx *c, struct tset *s, bool on)
{
	if (on)
		*s = c->uni;
	else
		memset(s->w, 0, sizeof(s->w));
}

static void set_bit(struct tset *s, unsigned i, bool on)
{
	if (on)
		s->w[i / 64] |= 1ull << (i % 64);
	else
		s->w[i / 64] &= ~(1ull << (i % 64));
}

static bool get_bit(const struct tset *s, unsigned i)
{
	return (s->w[i / 64] >> (i % 64)) & 1;
}

/* Empty as far as real events go: no named syscall, no procexit. */
static bool set_empty(const struct ctx *c, const struct tset *s)
{
	for (int i = 0; i < NWORDS; i++)
		if (s->w[i] & c->named.w[i])
			return false;
	return true;
}

static void set_not(const struct ctx *c, struct tset *s)
{
	for (int i = 0; i < NWORDS; i++)
		s->w[i] = ~s->w[i] & c->uni.w[i];
}

/* The event types there can be: every named syscall, but those that never
 * return (exit, exit_group: their end is procexit) unless with_noreturn. */
static void init_ctx(struct ctx *c, bool with_noreturn)
{
	unsigned count = sg_syscall_count();
	memset(c, 0, sizeof(*c));
	for (unsigned i = 0; i < NBITS; i++)
		set_bit(&c->uni, i, true);
	for (unsigned nr = 0; nr < count && nr < SG_MAX_SYSCALLS; nr++) {
		const struct sg_syscall_def *d = sg_syscall_by_nr(nr);
		if (!sg_syscall_name(nr))
			continue;
		if (!with_noreturn && d && (d->flags & SG_SC_NORETURN))
			continue;
		set_bit(&c->named, nr, true);
	}
	set_bit(&c->named, PROCEXIT_BIT, true);
}

/* A leaf on evt.type, evaluated on one syscall name, by the VM's own
 * comparison (sets unsorted: it scans them). */
static bool leaf_on_name(const struct sg_ast *n, const char *name)
{
	struct sg_value v = { .type = SG_FT_SYSCALL };
	v.s.p = name;
	v.s.len = (uint32_t)strlen(name);
	struct sg_konst k = { .cmp = n->op, .cv = n->cv, .ncv = (uint32_t)n->ncv, .mod = n->mod };
	return sg_cmp_konst(n->op, &v, &k);
}

static bool is_type_leaf(const struct sg_ast *n)
{
	return sg_operand_is_field(&n->lhs) && n->lhs.ref.id == SG_F_EVT_TYPE &&
	       n->lhs.nxf == 0 && n->rhs_kind != SG_RHS_FIELD;
}

static void leaf_sets(const struct ctx *c, const struct sg_ast *n, struct tset *may,
		      struct tset *must)
{
	set_all(c, may, true);
	set_all(c, must, false);
	if (!is_type_leaf(n))
		return;
	for (unsigned nr = 0; nr < SG_MAX_SYSCALLS; nr++) {
		if (!get_bit(&c->named, nr))
			continue;
		bool hit = leaf_on_name(n, sg_syscall_name(nr));
		set_bit(may, nr, hit);
		set_bit(must, nr, hit);
	}
	bool hit = leaf_on_name(n, sg_procexit_def.name);
	set_bit(may, PROCEXIT_BIT, hit);
	set_bit(must, PROCEXIT_BIT, hit);
}

static void node_sets(const struct ctx *c, const struct sg_ast *n, struct tset *may,
		      struct tset *must)
{
	struct tset km, kt;
	switch (n->kind) {
	case SG_AST_CMP:
		leaf_sets(c, n, may, must);
		return;
	case SG_AST_NOT:
		node_sets(c, n->kids[0], &km, &kt);
		*may = kt;
		*must = km;
		set_not(c, may);
		set_not(c, must);
		return;
	case SG_AST_AND:
	case SG_AST_OR:
		set_all(c, may, n->kind == SG_AST_AND);
		set_all(c, must, n->kind == SG_AST_AND);
		for (int i = 0; i < n->nkids; i++) {
			node_sets(c, n->kids[i], &km, &kt);
			for (int w = 0; w < NWORDS; w++) {
				if (n->kind == SG_AST_AND) {
					may->w[w] &= km.w[w];
					must->w[w] &= kt.w[w];
				} else {
					may->w[w] |= km.w[w];
					must->w[w] |= kt.w[w];
				}
			}
		}
		return;
	default: /* TRUE */
		set_all(c, may, true);
		set_all(c, must, true);
	}
}

/* ---- conjunctive conditions ------------------------------------------- */

struct numcond {
	bool set;
	uint32_t n, v[SG_PUSH_MAX];
};

struct conds {
	struct numcond pid, tid, uid;
	bool comm_set;
	uint32_t ncomm;
	char comm[SG_PUSH_MAX][SG_COMM_LEN];
	bool empty; /* some field's values cannot all hold */
	const char *empty_field;
	const char *empty_why; /* the reason, when not the generic one */
	int empty_off;
};

static bool pushable_leaf(const struct sg_ast *n)
{
	if (n->kind != SG_AST_CMP || !sg_operand_is_field(&n->lhs) || n->lhs.nxf ||
	    n->lhs.anyof || n->mod)
		return false;
	if (n->rhs_kind != SG_RHS_VALUE && n->rhs_kind != SG_RHS_LIST)
		return false;
	if (n->op != SG_CMP_EQ && n->op != SG_CMP_IN && n->op != SG_CMP_INTERSECTS)
		return false;
	return n->ncv <= SG_PUSH_MAX;
}

static void note_empty(struct conds *c, const struct sg_ast *n, const char *field)
{
	if (c->empty)
		return;
	c->empty = true;
	c->empty_field = field;
	c->empty_off = n->off;
}

static void add_num(struct conds *c, struct numcond *nc, const struct sg_ast *n,
		    const char *field)
{
	uint32_t vals[SG_PUSH_MAX], nv = 0;
	for (int i = 0; i < n->ncv; i++) {
		__int128 x = n->cv[i].n;
		/* pids and uids are 32 bits: a larger value never matches */
		if (!n->cv[i].has_num || x < 0 || x > UINT32_MAX)
			continue;
		bool dup = false;
		for (uint32_t j = 0; j < nv; j++)
			dup = dup || vals[j] == (uint32_t)x;
		if (!dup)
			vals[nv++] = (uint32_t)x;
	}
	if (!nc->set) {
		nc->set = true;
		memcpy(nc->v, vals, sizeof(vals));
		nc->n = nv;
	} else {
		uint32_t k = 0;
		for (uint32_t i = 0; i < nc->n; i++)
			for (uint32_t j = 0; j < nv; j++)
				if (nc->v[i] == vals[j]) {
					nc->v[k++] = nc->v[i];
					break;
				}
		nc->n = k;
	}
	if (nc->n == 0)
		note_empty(c, n, field);
}

static void add_comm(struct conds *c, const struct sg_ast *n)
{
	char vals[SG_PUSH_MAX][SG_COMM_LEN];
	uint32_t nv = 0;
	/* proc.name is the kernel's comm (libs: task->comm): at most 15 bytes
	 * and no NUL, so a longer value can never be equal and is left out */
	for (int i = 0; i < n->ncv; i++) {
		if (n->cv[i].len >= SG_COMM_LEN || memchr(n->cv[i].s, '\0', n->cv[i].len))
			continue;
		memset(vals[nv], 0, SG_COMM_LEN);
		memcpy(vals[nv++], n->cv[i].s, n->cv[i].len);
	}
	if (nv == 0 && n->ncv > 0 && !c->empty) {
		note_empty(c, n, "proc.name");
		c->empty_why = "proc.name is the kernel's comm: at most 15 bytes, no NUL";
		return;
	}
	if (!c->comm_set) {
		c->comm_set = true;
		memcpy(c->comm, vals, sizeof(vals));
		c->ncomm = nv;
	} else {
		uint32_t k = 0;
		for (uint32_t i = 0; i < c->ncomm; i++)
			for (uint32_t j = 0; j < nv; j++)
				if (!memcmp(c->comm[i], vals[j], SG_COMM_LEN)) {
					memmove(c->comm[k++], c->comm[i], SG_COMM_LEN);
					break;
				}
		c->ncomm = k;
	}
	if (c->ncomm == 0)
		note_empty(c, n, "proc.name");
}

static void collect(const struct sg_ast *n, struct conds *c)
{
	if (n->kind == SG_AST_AND) {
		for (int i = 0; i < n->nkids; i++)
			collect(n->kids[i], c);
		return;
	}
	if (!pushable_leaf(n))
		return;
	switch (n->lhs.ref.id) {
	case SG_F_PROC_PID:
		add_num(c, &c->pid, n, "proc.pid");
		break;
	case SG_F_THREAD_TID:
		add_num(c, &c->tid, n, "thread.tid");
		break;
	case SG_F_USER_UID:
		add_num(c, &c->uid, n, "user.uid");
		break;
	case SG_F_PROC_NAME:
		add_comm(c, n);
		break;
	default:
		break;
	}
}

/* The state an operand reads: its field's, or its arguments' (join...). */
static uint8_t operand_flags(const struct sg_operand *o)
{
	if (o->base == SG_OB_FIELD)
		return sg_fields[o->ref.id].flags;
	uint8_t fl = 0;
	for (int i = 0; i < o->nargs; i++)
		fl |= operand_flags(&o->args[i]);
	return fl;
}

/* Only evt.type in this subtree: its event-type sets are exact. */
static bool type_only(const struct sg_ast *n)
{
	if (n->kind == SG_AST_CMP)
		return is_type_leaf(n);
	for (int i = 0; i < n->nkids; i++)
		if (!type_only(n->kids[i]))
			return false;
	return true;
}

/* Does the pushdown hold exactly when the filter does?  A conjunction of
 * subtrees on evt.type alone and of the conditions collect() pushes whole
 * (=, in on pid, tid, uid, name; their lists fit the probe's). */
static bool exact(const struct sg_ast *n)
{
	if (n->kind == SG_AST_AND) {
		for (int i = 0; i < n->nkids; i++)
			if (!exact(n->kids[i]))
				return false;
		return true;
	}
	if (type_only(n))
		return true;
	if (!pushable_leaf(n))
		return false;
	switch (n->lhs.ref.id) {
	case SG_F_PROC_PID:
	case SG_F_THREAD_TID:
	case SG_F_USER_UID:
	case SG_F_PROC_NAME:
		return n->lhs.ref.index < 0 && !n->lhs.ref.key;
	default:
		return false;
	}
}

static void uses_state(const struct sg_ast *n, struct sg_pushdown *pd)
{
	if (n->kind != SG_AST_CMP) {
		for (int i = 0; i < n->nkids; i++)
			uses_state(n->kids[i], pd);
		return;
	}
	uint8_t fl = operand_flags(&n->lhs);
	if (n->rhs_kind == SG_RHS_FIELD)
		fl |= operand_flags(&n->rhs);
	pd->uses_proc_state = pd->uses_proc_state || (fl & SG_FF_STATE);
	pd->uses_fd_state = pd->uses_fd_state || (fl & SG_FF_FD);
}

/* Where to point at when the filter can never match: the smallest
 * subtree whose event types are already empty. */
static int never_off(const struct ctx *c, const struct sg_ast *n)
{
	struct tset may, must;
	if (n->kind != SG_AST_AND && n->kind != SG_AST_OR)
		return n->off;
	for (int i = 0; i < n->nkids; i++) {
		node_sets(c, n->kids[i], &may, &must);
		if (set_empty(c, &may))
			return never_off(c, n->kids[i]);
	}
	return n->off;
}

void sg_pushdown_build(const struct sg_ast *root, struct sg_pushdown *pd, char *why,
		       size_t whylen, int *off)
{
	struct tset may, must;
	memset(pd, 0, sizeof(*pd));
	if (whylen)
		why[0] = '\0';
	*off = 0;
	struct ctx c;
	init_ctx(&c, false);
	node_sets(&c, root, &may, &must);
	for (unsigned nr = 0; nr < SG_MAX_SYSCALLS; nr++)
		pd->sel[nr] = get_bit(&may, nr) && get_bit(&c.named, nr) ? SG_SEL_FILTER : 0;
	pd->procexit = get_bit(&may, PROCEXIT_BIT);
	uses_state(root, pd);
	pd->exact = exact(root);
	if (set_empty(&c, &may)) {
		/* would a call that never returns have matched? then say so */
		struct ctx all;
		struct tset amay, amust;
		init_ctx(&all, true);
		node_sets(&all, root, &amay, &amust);
		pd->never = true;
		snprintf(why, whylen, "%s", set_empty(&all, &amay)
			 ? "no event type satisfies its conditions on evt.type"
			 : "exit and exit_group never return, so no event shows them: a process's "
			   "end is evt.type=procexit");
		*off = never_off(&c, root);
		memset(pd->sel, 0, sizeof(pd->sel));
		pd->procexit = false;
		return;
	}
	struct conds cd = { 0 };
	collect(root, &cd);
	if (cd.empty) {
		pd->never = true;
		if (cd.empty_why)
			snprintf(why, whylen, "%s", cd.empty_why);
		else
			snprintf(why, whylen, "its conditions on %s cannot all hold", cd.empty_field);
		*off = cd.empty_off;
		memset(pd->sel, 0, sizeof(pd->sel));
		pd->procexit = false;
		return;
	}
	pd->npid = cd.pid.n;
	memcpy(pd->pid, cd.pid.v, sizeof(pd->pid));
	pd->ntid = cd.tid.n;
	memcpy(pd->tid, cd.tid.v, sizeof(pd->tid));
	pd->nuid = cd.uid.n;
	memcpy(pd->uid, cd.uid.v, sizeof(pd->uid));
	pd->ncomm = cd.ncomm;
	memcpy(pd->comm, cd.comm, sizeof(pd->comm));
}
