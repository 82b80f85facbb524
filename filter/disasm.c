/*
 * The bytecode listing for --dump-filter, one instruction per line in the
 * manner of jq's --debug-dump-disasm, and the pushdown summary after it:
 *
 *   0000 field    evt.type
 *   0001 cmp      = "openat"
 *   0002 jf       0006
 */
#include "filter/bytecode.h"

#include <arpa/inet.h>
#include <string.h>

#include "event/strbuf.h"
#include "event/syscalls.h"
#include "filter/pushdown.h"

#define SG_DISASM_SET_MAX 16 /* set members shown before "... N more" */

static void put_i128(struct sg_strbuf *b, __int128 n)
{
	char buf[48];
	int i = sizeof(buf);
	bool neg = n < 0;
	unsigned __int128 u = neg ? -(unsigned __int128)n : (unsigned __int128)n;
	buf[--i] = '\0';
	do {
		buf[--i] = (char)('0' + (int)(u % 10));
		u /= 10;
	} while (u && i > 1);
	if (neg)
		buf[--i] = '-';
	sg_sb_puts(b, buf + i);
}

static void put_cval(struct sg_strbuf *b, const struct sg_cval *c)
{
	char ip[INET6_ADDRSTRLEN];
	switch (c->kind) {
	case SG_CK_NUM:
		put_i128(b, c->n);
		return;
	case SG_CK_BOOL:
		sg_sb_puts(b, c->b ? "true" : "false");
		return;
	case SG_CK_NET:
		inet_ntop(c->family == 4 ? AF_INET : AF_INET6, c->addr, ip, sizeof(ip));
		sg_sb_printf(b, "%s/%u", ip, c->prefix);
		return;
	default:
		sg_quote(b, c->s, c->len);
	}
}

static void put_konst(struct sg_strbuf *b, uint8_t op, const struct sg_konst *k)
{
	if (op == SG_CMP_EXISTS)
		return;
	sg_sb_putc(b, ' ');
	if (k->mod)
		sg_sb_printf(b, "%s ", sg_cmpmod_names[k->mod]);
	if (op != SG_CMP_IN && op != SG_CMP_INTERSECTS && op != SG_CMP_PMATCH && !k->mod) {
		if (k->ncv)
			put_cval(b, &k->cv[0]);
		return;
	}
	sg_sb_putc(b, '(');
	for (uint32_t i = 0; i < k->ncv; i++) {
		if (i == SG_DISASM_SET_MAX) {
			sg_sb_printf(b, ", ... %u more", k->ncv - i);
			break;
		}
		if (i)
			sg_sb_puts(b, ", ");
		put_cval(b, &k->cv[i]);
	}
	sg_sb_putc(b, ')');
}

static void put_slot(struct sg_strbuf *b, const struct sg_prog *p, uint16_t slot)
{
	char name[300];
	if (slot >= p->nslots) {
		sg_sb_printf(b, "slot#%u", slot);
		return;
	}
	sg_fieldref_name(&p->slots[slot].ref, name, sizeof(name));
	sg_sb_puts(b, name);
}

static void put_insn(struct sg_strbuf *b, const struct sg_prog *p, const struct sg_insn *in)
{
	const struct sg_opinfo *oi = &sg_opinfo[in->op];
	const char *opname = in->cmp < SG_CMP_MAX ? sg_cmpop_names[in->cmp] : "?";
	sg_sb_printf(b, "%-8s", oi->name);
	switch (oi->opnd) {
	case SG_OPND_FIELD:
		sg_sb_putc(b, ' ');
		put_slot(b, p, in->slot);
		break;
	case SG_OPND_XFORM:
		sg_sb_printf(b, " %s", in->cmp < SG_XF_MAX ? sg_xform_names[in->cmp] : "?");
		break;
	case SG_OPND_ANY:
	case SG_OPND_FCONST:
		sg_sb_putc(b, ' ');
		put_slot(b, p, in->slot);
		/* fall through */
	case SG_OPND_CONST:
		sg_sb_printf(b, " %s", opname);
		if (in->arg < p->nk)
			put_konst(b, in->cmp, &p->k[in->arg]);
		break;
	case SG_OPND_ANYV:
		sg_sb_putc(b, ' ');
		put_slot(b, p, in->slot);
		/* fall through */
	case SG_OPND_CMP:
		sg_sb_printf(b, " %s", opname);
		break;
	case SG_OPND_JUMP:
		sg_sb_printf(b, " %04u", in->arg);
		break;
	case SG_OPND_MV:
	case SG_OPND_MVCONST:
		if (in->slot < p->nmv) {
			struct sg_ast tmp = { .kind = SG_AST_CMP, .op = SG_CMP_EXISTS, .lhs = p->mv[in->slot] };
			struct sg_strbuf s;
			sg_sb_init(&s);
			sg_ast_print(&tmp, &s);
			/* "(exists X)": show X */
			if (s.len > 9)
				sg_sb_printf(b, " %.*s", (int)(s.len - 9), s.p + 8);
			sg_sb_free(&s);
		}
		if (oi->opnd == SG_OPND_MVCONST) {
			sg_sb_printf(b, " %s", opname);
			if (in->cmp != SG_CMP_EXISTS && in->arg < p->nk)
				put_konst(b, in->cmp, &p->k[in->arg]);
		}
		break;
	default:
		break;
	}
	/* no trailing blanks from the padded name */
	while (b->len && b->p[b->len - 1] == ' ')
		b->len--;
}

void sg_disasm(const struct sg_prog *p, struct sg_strbuf *b)
{
	for (uint32_t pc = 0; pc < p->ncode; pc++) {
		const struct sg_insn *in = &p->code[pc];
		sg_sb_printf(b, "%04u ", pc);
		if (in->op >= SG_OP_MAX)
			sg_sb_printf(b, "bad#%u", in->op);
		else
			put_insn(b, p, in);
		sg_sb_putc(b, '\n');
	}
}

static void put_nums(struct sg_strbuf *b, const char *field, uint32_t n, const uint32_t *v)
{
	if (!n)
		return;
	sg_sb_printf(b, "  %s in (", field);
	for (uint32_t i = 0; i < n; i++)
		sg_sb_printf(b, "%s%u", i ? ", " : "", v[i]);
	sg_sb_puts(b, ")\n");
}

/* A syscall an event can show: named, and returning (exit and exit_group
 * never reach sys_exit, so they are never selected). */
static bool selectable(unsigned nr)
{
	const struct sg_syscall_def *d = sg_syscall_by_nr(nr);

	return sg_syscall_name(nr) && !(d && (d->flags & SG_SC_NORETURN));
}

void sg_pushdown_print(const struct sg_pushdown *pd, struct sg_strbuf *b)
{
	unsigned count = sg_syscall_count(), named = 0, sel = 0;
	for (unsigned nr = 0; nr < count && nr < SG_MAX_SYSCALLS; nr++) {
		if (!selectable(nr))
			continue;
		named++;
		sel += pd->sel[nr] != 0;
	}
	sg_sb_puts(b, "pushdown:\n");
	if (pd->never) {
		sg_sb_puts(b, "  never matches\n");
	} else if (sel == named) {
		sg_sb_puts(b, "  syscalls: all\n");
	} else {
		/* name the shorter side: "not evt.type=open" lists one syscall */
		bool but = sel > named / 2;
		sg_sb_printf(b, "  syscalls: %u of %u%s:", sel, named, but ? ", all but" : "");
		for (unsigned nr = 0; nr < count && nr < SG_MAX_SYSCALLS; nr++)
			if (!pd->sel[nr] == but && selectable(nr))
				sg_sb_printf(b, " %s", sg_syscall_name(nr));
		sg_sb_putc(b, '\n');
	}
	sg_sb_printf(b, "  procexit: %s\n", pd->procexit ? "yes" : "no");
	put_nums(b, "proc.pid", pd->npid, pd->pid);
	put_nums(b, "thread.tid", pd->ntid, pd->tid);
	put_nums(b, "user.uid", pd->nuid, pd->uid);
	if (pd->ncomm) {
		sg_sb_puts(b, "  proc.name in (");
		for (uint32_t i = 0; i < pd->ncomm; i++) {
			if (i)
				sg_sb_puts(b, ", ");
			sg_quote(b, pd->comm[i], (uint32_t)strnlen(pd->comm[i], SG_COMM_LEN));
		}
		sg_sb_puts(b, ")\n");
	}
	sg_sb_printf(b, "  state: proc %s, fd %s\n", pd->uses_proc_state ? "yes" : "no",
		     pd->uses_fd_state ? "yes" : "no");
}
