/*
 * The public filter API (filter/filter.h): the pipeline parse -> check ->
 * pushdown analysis -> compile -> validate, and the match entry point.
 */
#include "filter/filter.h"

#include <stdlib.h>
#include <string.h>

#include "event/strbuf.h"
#include "filter/ast.h"
#include "filter/bytecode.h"
#include "filter/pushdown.h"
#include "filter/rules.h"

struct sg_filter {
	struct sg_prog prog;
	struct sg_pushdown pd;
	struct sg_diag warn; /* set: the filter can never match (why, where) */
	const char *text;    /* the text compiled: lists substituted */
};

/* Parse, expand macros and lists, check; a filter that can never match
 * is a warning (Falco expands an empty list to "in ()", and such rules
 * must load): the pushdown then selects nothing for it. */
static struct sg_ast *analyze(struct sg_filter *f, const char *text,
			      const struct sg_rules *rules, struct sg_diag *d)
{
	text = sg_rules_subst((struct sg_rules *)rules, text);
	if (!text) {
		sg_diag_set(d, NULL, -1, "out of memory");
		return NULL;
	}
	f->text = text;
	struct sg_ast *root = sg_parse(text, d);
	if (!root)
		return NULL;
	if (!sg_rules_expand(rules, &root, text, d) || !sg_check(root, text, d)) {
		sg_ast_free(root);
		return NULL;
	}
	char why[160];
	int off;
	sg_pushdown_build(root, &f->pd, why, sizeof(why), &off);
	if (f->pd.never) {
		f->warn.what = d->what;
		sg_diag_set(&f->warn, text, off, "warning: this filter can never match: %s", why);
	}
	return root;
}

const struct sg_diag *sg_filter_warning(const struct sg_filter *f)
{
	return f && f->warn.set ? &f->warn : NULL;
}

struct sg_filter *sg_filter_compile(const char *text, struct sg_diag *d)
{
	return sg_filter_compile_rules(text, NULL, d);
}

struct sg_filter *sg_filter_compile_rules(const char *text, const struct sg_rules *rules,
					  struct sg_diag *d)
{
	if (!text)
		text = "";
	struct sg_filter *f = calloc(1, sizeof(*f));
	if (!f) {
		sg_diag_set(d, text, -1, "out of memory");
		return NULL;
	}
	struct sg_ast *root = analyze(f, text, rules, d);
	if (!root) {
		free(f);
		return NULL;
	}
	text = f->text;
	bool ok = sg_compile(root, &f->prog, text, d);
	sg_ast_free(root);
	if (!ok) {
		free(f);
		return NULL;
	}
	uint32_t pc;
	const char *why = sg_validate(&f->prog, &pc);
	if (why) {
		sg_diag_set(d, text, -1, "internal error: invalid bytecode at %u: %s", pc, why);
		sg_filter_free(f);
		return NULL;
	}
	return f;
}

bool sg_filter_match(struct sg_filter *f, struct sg_event *e, struct sg_arena *a)
{
	return !f || sg_vm_run(&f->prog, e, a);
}

void sg_filter_pushdown(const struct sg_filter *f, struct sg_pushdown *pd)
{
	if (f) {
		*pd = f->pd;
		return;
	}
	/* no filter: everything, no conditions */
	memset(pd, 0, sizeof(*pd));
	memset(pd->sel, SG_SEL_FILTER, sizeof(pd->sel));
	pd->procexit = true;
}

void sg_filter_dump(const struct sg_filter *f, FILE *out)
{
	struct sg_strbuf b;
	struct sg_pushdown pd;
	sg_sb_init(&b);
	if (f)
		sg_disasm(&f->prog, &b);
	sg_filter_pushdown(f, &pd);
	sg_pushdown_print(&pd, &b);
	fwrite(b.p ? b.p : "", 1, b.len, out);
	sg_sb_free(&b);
}

void sg_filter_free(struct sg_filter *f)
{
	if (!f)
		return;
	sg_prog_free(&f->prog);
	free(f);
}
