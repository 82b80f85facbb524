/*
 * Falco rules files (filter/rules.h): YAML read with libyaml's document
 * API (every node knows its line), kept as macros, lists and rules by
 * name, and expanded into filters at the AST: a macro's condition is
 * parsed, expanded and checked against its own text (so an error in it
 * names the macro, its file and line, with a caret in the condition), then
 * put where its name was.  Lists are Falco's text substitution, done on a
 * condition before it is parsed (falco's rule_loader_compiler does the
 * same): a list's name, standing between blanks, '(', ')', ',' or '=',
 * becomes its items joined by ", " (an item with a blank quoted, unless it
 * already starts with a quote).
 */
#include "filter/rules.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "filter/ast.h"

#define SG_RULES_MAX_FILE (64u << 20)  /* a rules file larger than this is refused */
#define SG_RULES_MAX_DEPTH 64          /* macros in macros, lists in lists */

enum dkind { D_MACRO, D_LIST, D_RULE };

struct def {
	char *name;
	char *cond;          /* macro, rule */
	char *rcond;         /* macro: cond with the lists substituted (lazily) */
	char **items;        /* list */
	int nitems;
	struct sg_rule rule; /* rule: points into the fields below */
	char *output, *priority, *source;
	char *file;
	int line;
	char *what;          /* "FILE:LINE: macro 'x' condition", for diagnostics */
};

struct dtab {
	struct def *d;
	int n, cap;
};

struct sg_rules {
	struct dtab t[3];
	int depth;           /* expansion depth */
	char **texts;        /* filters with their lists substituted: diagnostics
			      * point into them, so they live as long as r */
	int ntexts;
};

struct sg_rules *sg_rules_new(void)
{
	return calloc(1, sizeof(struct sg_rules));
}

static void def_free(struct def *d)
{
	free(d->name);
	free(d->cond);
	free(d->rcond);
	for (int i = 0; i < d->nitems; i++)
		free(d->items[i]);
	free(d->items);
	free(d->output);
	free(d->priority);
	free(d->source);
	free(d->file);
	free(d->what);
}

void sg_rules_free(struct sg_rules *r)
{
	if (!r)
		return;
	for (int k = 0; k < 3; k++) {
		for (int i = 0; i < r->t[k].n; i++)
			def_free(&r->t[k].d[i]);
		free(r->t[k].d);
	}
	for (int i = 0; i < r->ntexts; i++)
		free(r->texts[i]);
	free(r->texts);
	free(r);
}

static struct def *find(const struct sg_rules *r, enum dkind k, const char *name, size_t len)
{
	if (!r)
		return NULL;
	/* the last definition wins: search from the end */
	for (int i = r->t[k].n - 1; i >= 0; i--) {
		struct def *d = &r->t[k].d[i];
		if (strlen(d->name) == len && !memcmp(d->name, name, len))
			return d;
	}
	return NULL;
}

const struct sg_rule *sg_rules_rule(const struct sg_rules *r, const char *name)
{
	struct def *d = find(r, D_RULE, name, strlen(name));
	return d ? &d->rule : NULL;
}

void sg_rules_counts(const struct sg_rules *r, unsigned *macros, unsigned *lists,
		     unsigned *rules)
{
	*macros = r ? (unsigned)r->t[D_MACRO].n : 0;
	*lists = r ? (unsigned)r->t[D_LIST].n : 0;
	*rules = r ? (unsigned)r->t[D_RULE].n : 0;
}

const struct sg_rule *sg_rules_rule_at(const struct sg_rules *r, unsigned i)
{
	return r && i < (unsigned)r->t[D_RULE].n ? &r->t[D_RULE].d[i].rule : NULL;
}

/* ---- YAML ------------------------------------------------------------- */

struct loader {
	struct sg_rules *r;
	yaml_document_t doc;
	const char *file;
	struct sg_diag *d;
	char msg[512];
};

static bool fail(struct loader *L, const yaml_node_t *n, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static bool fail(struct loader *L, const yaml_node_t *n, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(L->msg, sizeof(L->msg), fmt, ap);
	va_end(ap);
	sg_diag_set(L->d, NULL, -1, "%s:%lu: %s", L->file,
		    n ? (unsigned long)n->start_mark.line + 1 : 0UL, L->msg);
	return false;
}

static const char *scalar(const yaml_node_t *n)
{
	return n && n->type == YAML_SCALAR_NODE ? (const char *)n->data.scalar.value : NULL;
}

/* The value of key in the mapping m, or NULL. */
static yaml_node_t *get(struct loader *L, const yaml_node_t *m, const char *key)
{
	for (yaml_node_pair_t *p = m->data.mapping.pairs.start; p < m->data.mapping.pairs.top; p++) {
		const char *k = scalar(yaml_document_get_node(&L->doc, p->key));
		if (k && !strcmp(k, key))
			return yaml_document_get_node(&L->doc, p->value);
	}
	return NULL;
}

static bool is_true(const yaml_node_t *n)
{
	const char *s = scalar(n);
	return s && (!strcmp(s, "true") || !strcmp(s, "True") || !strcmp(s, "yes"));
}

static bool init_def(struct loader *L, enum dkind k, const yaml_node_t *n, const char *name,
		     struct def *d)
{
	static const char *const kinds[] = { "macro", "list", "rule" };
	d->name = strdup(name);
	d->file = strdup(L->file);
	d->line = (int)n->start_mark.line + 1;
	size_t wl = strlen(L->file) + strlen(name) + 48;
	d->what = malloc(wl);
	if (!d->name || !d->file || !d->what) {
		def_free(d);
		memset(d, 0, sizeof(*d));
		return false;
	}
	snprintf(d->what, wl, "%s:%d: %s '%s' condition", L->file, d->line, kinds[k], name);
	return true;
}

static struct def *add_def(struct loader *L, enum dkind k, const yaml_node_t *n,
			   const char *name)
{
	struct dtab *t = &L->r->t[k];
	/* a redefinition replaces the item where it was (Falco keeps the
	 * first definition's place, which the list substitution order uses) */
	struct def *old = find(L->r, k, name, strlen(name));
	if (old) {
		def_free(old);
		memset(old, 0, sizeof(*old));
		if (init_def(L, k, n, name, old))
			return old;
		/* keep the table dense: drop the slot that could not be filled */
		t->n--;
		memmove(old, old + 1, (size_t)(t->d + t->n - old) * sizeof(*old));
		return NULL;
	}
	if (t->n == t->cap) {
		int cap = t->cap ? t->cap * 2 : 64;
		struct def *d = realloc(t->d, (size_t)cap * sizeof(*d));
		if (!d)
			return NULL;
		t->d = d;
		t->cap = cap;
	}
	struct def *d = &t->d[t->n];
	memset(d, 0, sizeof(*d));
	if (!init_def(L, k, n, name, d))
		return NULL;
	t->n++;
	return d;
}

/* "append: true", or "override: {KEY: append}" for the key. */
static int how_extend(struct loader *L, const yaml_node_t *item, const char *key)
{
	if (is_true(get(L, item, "append")))
		return 1;
	yaml_node_t *ov = get(L, item, "override");
	if (ov && ov->type == YAML_MAPPING_NODE) {
		const char *v = scalar(get(L, ov, key));
		if (v && !strcmp(v, "append"))
			return 1;
		if (v && !strcmp(v, "replace"))
			return 2;
	}
	return 0;
}

static char *join2(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	char *s = malloc(la + lb + 2);
	if (s) {
		memcpy(s, a, la);
		s[la] = ' ';
		memcpy(s + la + 1, b, lb + 1);
	}
	return s;
}

static bool load_items(struct loader *L, const yaml_node_t *seq, struct def *d)
{
	if (!seq || seq->type != YAML_SEQUENCE_NODE)
		return fail(L, seq, "list '%s': items must be a sequence, like [a, b]", d->name);
	for (yaml_node_item_t *it = seq->data.sequence.items.start;
	     it < seq->data.sequence.items.top; it++) {
		yaml_node_t *n = yaml_document_get_node(&L->doc, *it);
		const char *v = scalar(n);
		if (!v)
			return fail(L, n, "list '%s': an item must be a string", d->name);
		char **items = realloc(d->items, (size_t)(d->nitems + 1) * sizeof(*items));
		if (!items || !(items[d->nitems] = strdup(v))) {
			if (items)
				d->items = items;
			return fail(L, n, "out of memory");
		}
		d->items = items;
		d->nitems++;
	}
	return true;
}

static bool load_list(struct loader *L, const yaml_node_t *item, const char *name)
{
	yaml_node_t *items = get(L, item, "items");
	struct def *old = find(L->r, D_LIST, name, strlen(name));
	if (how_extend(L, item, "items") == 1) {
		if (!old)
			return fail(L, item, "list '%s' appends to a list not defined before it", name);
		return load_items(L, items, old);
	}
	struct def *d = add_def(L, D_LIST, item, name);
	if (!d)
		return fail(L, item, "out of memory");
	return !items || scalar(items) ? true : load_items(L, items, d);
}

static bool load_cond(struct loader *L, const yaml_node_t *item, enum dkind k,
		      const char *name, struct def **out)
{
	static const char *const kinds[] = { "macro", "list", "rule" };
	const char *cond = scalar(get(L, item, "condition"));
	struct def *old = find(L->r, k, name, strlen(name));
	*out = NULL;
	if (how_extend(L, item, "condition") == 1) {
		if (!old)
			return fail(L, item, "%s '%s' appends to a %s not defined before it",
				    kinds[k], name, kinds[k]);
		if (cond) {
			char *c = join2(old->cond ? old->cond : "", cond);
			if (!c)
				return fail(L, item, "out of memory");
			free(old->cond);
			old->cond = c;
		}
		*out = old;
		return true;
	}
	if (!cond && k == D_MACRO)
		return fail(L, item, "macro '%s' has no condition", name);
	if (!cond && old && k == D_RULE) {
		/* a rule item without a condition changes others of its keys */
		*out = old;
		return true;
	}
	if (!cond)
		return fail(L, item, "rule '%s' has no condition", name);
	struct def *d = add_def(L, k, item, name);
	if (!d || !(d->cond = strdup(cond)))
		return fail(L, item, "out of memory");
	*out = d;
	return true;
}

static bool set_str(char **dst, const char *v)
{
	if (!v)
		return true;
	char *c = strdup(v);
	if (!c)
		return false;
	free(*dst);
	*dst = c;
	return true;
}

static bool load_rule(struct loader *L, const yaml_node_t *item, const char *name)
{
	struct def *d;
	if (!load_cond(L, item, D_RULE, name, &d))
		return false;
	yaml_node_t *en = get(L, item, "enabled");
	if (!set_str(&d->output, scalar(get(L, item, "output"))) ||
	    !set_str(&d->priority, scalar(get(L, item, "priority"))) ||
	    !set_str(&d->source, scalar(get(L, item, "source"))))
		return fail(L, item, "out of memory");
	struct sg_rule *r = &d->rule;
	if (!r->name)
		r->enabled = true;
	if (en)
		r->enabled = is_true(en);
	yaml_node_t *ex = get(L, item, "exceptions");
	r->has_exceptions = r->has_exceptions ||
			    (ex && ex->type == YAML_SEQUENCE_NODE &&
			     ex->data.sequence.items.top > ex->data.sequence.items.start);
	r->name = d->name;
	r->condition = d->cond;
	r->output = d->output ? d->output : "";
	r->priority = d->priority ? d->priority : "Warning";
	r->source = d->source ? d->source : "syscall";
	r->file = d->file;
	r->line = d->line;
	return true;
}

static bool load_item(struct loader *L, const yaml_node_t *item)
{
	if (item->type != YAML_MAPPING_NODE)
		return fail(L, item, "expected a mapping (- macro: ..., - list: ..., - rule: ...)");
	const char *name;
	if ((name = scalar(get(L, item, "macro")))) {
		struct def *d;
		return load_cond(L, item, D_MACRO, name, &d);
	}
	if ((name = scalar(get(L, item, "list"))))
		return load_list(L, item, name);
	if ((name = scalar(get(L, item, "rule"))))
		return load_rule(L, item, name);
	/* required_engine_version, required_plugin_versions... */
	return true;
}

bool sg_rules_load_text(struct sg_rules *r, const char *name, const char *text, size_t len,
			struct sg_diag *d)
{
	struct loader L = { .r = r, .file = name, .d = d };
	yaml_parser_t p;
	if (!yaml_parser_initialize(&p)) {
		sg_diag_set(d, NULL, -1, "%s: out of memory", name);
		return false;
	}
	yaml_parser_set_input_string(&p, (const unsigned char *)text, len);
	bool ok = true;
	for (;;) {
		if (!yaml_parser_load(&p, &L.doc)) {
			sg_diag_set(d, NULL, -1, "%s:%lu:%lu: %s%s%s", name,
				    (unsigned long)p.problem_mark.line + 1,
				    (unsigned long)p.problem_mark.column + 1,
				    p.problem ? p.problem : "YAML error",
				    p.context ? " " : "", p.context ? p.context : "");
			ok = false;
			break;
		}
		yaml_node_t *root = yaml_document_get_root_node(&L.doc);
		if (!root) { /* the end of the stream */
			yaml_document_delete(&L.doc);
			break;
		}
		if (root->type != YAML_SEQUENCE_NODE) {
			ok = fail(&L, root, "a rules file is a sequence of items (- macro: ..., "
					    "- list: ..., - rule: ...)");
		} else {
			for (yaml_node_item_t *it = root->data.sequence.items.start;
			     ok && it < root->data.sequence.items.top; it++)
				ok = load_item(&L, yaml_document_get_node(&L.doc, *it));
		}
		yaml_document_delete(&L.doc);
		if (!ok)
			break;
	}
	yaml_parser_delete(&p);
	return ok;
}

bool sg_rules_load(struct sg_rules *r, const char *path, struct sg_diag *d)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		sg_diag_set(d, NULL, -1, "%s: %s", path, strerror(errno));
		return false;
	}
	size_t cap = 1 << 16, len = 0;
	char *buf = malloc(cap);
	bool ok = buf != NULL;
	while (ok) {
		if (len == cap) {
			char *nb = cap < SG_RULES_MAX_FILE ? realloc(buf, cap * 2) : NULL;
			if (!nb) {
				sg_diag_set(d, NULL, -1, "%s: larger than %u MiB, or out of memory",
					    path, SG_RULES_MAX_FILE >> 20);
				ok = false;
				break;
			}
			buf = nb;
			cap *= 2;
		}
		size_t n = fread(buf + len, 1, cap - len, f);
		len += n;
		if (n == 0) {
			if (ferror(f)) {
				sg_diag_set(d, NULL, -1, "%s: %s", path, strerror(errno));
				ok = false;
			}
			break;
		}
	}
	fclose(f);
	if (ok)
		ok = sg_rules_load_text(r, path, buf, len, d);
	free(buf);
	return ok;
}

/* ---- expansion ---------------------------------------------------------- */

static char *subst_lists(const struct sg_rules *r, const char *text);

static bool expand(const struct sg_rules *r, struct sg_ast **np, const char *text,
		   struct sg_diag *d);

/* Every offset of a macro's expansion is the macro name's in the text
 * that used it, so later messages (never matching...) point there. */
static void set_offsets(struct sg_ast *n, int off)
{
	n->off = off;
	n->op_off = off;
	n->lhs.off = n->lhs.field_off = off;
	n->rhs.off = n->rhs.field_off = off;
	for (int i = 0; i < n->nlits; i++)
		n->lits[i].off = off;
	for (int i = 0; i < n->nkids; i++)
		set_offsets(n->kids[i], off);
}

static bool expand_macro(const struct sg_rules *r, struct sg_ast **np, struct sg_diag *d)
{
	struct sg_ast *n = *np;
	struct def *m = find(r, D_MACRO, n->ident, strlen(n->ident));
	if (!m)
		return true; /* the checker says it is unknown */
	struct sg_rules *rw = (struct sg_rules *)r;
	if (rw->depth >= SG_RULES_MAX_DEPTH) {
		sg_diag_set(d, NULL, -1, "macro '%s' uses itself, or macros nest deeper than %d",
			    m->name, SG_RULES_MAX_DEPTH);
		d->what = m->what;
		return false;
	}
	if (!m->rcond && !(m->rcond = subst_lists(r, m->cond))) {
		sg_diag_set(d, NULL, -1, "out of memory");
		return false;
	}
	const char *what = d->what;
	d->what = m->what;
	rw->depth++;
	struct sg_ast *e = sg_parse(m->rcond, d);
	bool ok = e && expand(r, &e, m->rcond, d) && sg_check(e, m->rcond, d);
	rw->depth--;
	if (!ok) {
		sg_ast_free(e);
		return false;
	}
	d->what = what;
	set_offsets(e, n->off);
	e->checked = true;
	sg_ast_free(n);
	*np = e;
	return true;
}

/* ---- lists: Falco's text substitution ------------------------------------ */

struct sbuf {
	char *p;
	size_t len, cap;
	bool oom;
};

static void sb_put(struct sbuf *b, const char *s, size_t n)
{
	if (b->oom)
		return;
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 256;
		while (cap < b->len + n + 1)
			cap *= 2;
		char *p = realloc(b->p, cap);
		if (!p) {
			b->oom = true;
			return;
		}
		b->p = p;
		b->cap = cap;
	}
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
}

static void put_item(struct sbuf *b, const char *item, bool *first)
{
	if (!*first)
		sb_put(b, ", ", 2);
	*first = false;
	/* Falco's quote_item: an item with a blank is quoted, unless it
	 * starts with a quote already */
	bool q = strchr(item, ' ') && item[0] != '"' && item[0] != '\'';
	if (q)
		sb_put(b, "\"", 1);
	sb_put(b, item, strlen(item));
	if (q)
		sb_put(b, "\"", 1);
}

/* The items of list l, those naming a list defined before it replaced by
 * that list's own items (one level, as Falco's compile_list_infos). */
static void put_items(const struct sg_rules *r, const struct def *l, struct sbuf *b)
{
	bool first = true;
	const struct dtab *t = &r->t[D_LIST];
	for (int i = 0; i < l->nitems; i++) {
		const struct def *ref = NULL;
		for (const struct def *d = t->d; d < l; d++)
			if (!strcmp(d->name, l->items[i]))
				ref = d;
		if (!ref) {
			put_item(b, l->items[i], &first);
			continue;
		}
		for (int j = 0; j < ref->nitems; j++)
			put_item(b, ref->items[j], &first);
	}
}

static bool is_delim(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '(' || c == ')' ||
	       c == ',' || c == '=';
}

static bool is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* One list into cnd (malloc'd; replaced on success).  The name must stand
 * between delimiters; the blanks around it go; an empty list also takes a
 * comma beside it, so "(a, empty)" stays a list. */
static bool subst_list(const struct sg_rules *r, const struct def *l, char **cnd)
{
	size_t nl = strlen(l->name);
	if (!nl || !strstr(*cnd, l->name))
		return true;
	struct sbuf items = { 0 };
	put_items(r, l, &items);
	if (items.oom)
		return false;
	const char *sub = items.p ? items.p : "";
	size_t slen = items.len;
	char *c = *cnd;
	size_t at = 0;
	for (char *hit; (hit = strstr(c + at, l->name));) {
		size_t start = (size_t)(hit - c), end = start + nl, clen = strlen(c);
		if ((start && !is_delim(c[start - 1])) || (end < clen && !is_delim(c[end]))) {
			at = start + 1;
			continue;
		}
		while (start > 0 && is_blank(c[start - 1]))
			start--;
		while (end < clen && is_blank(c[end]))
			end++;
		if (!slen) {
			if (start > 0 && c[start - 1] == ',')
				start--;
			else if (end < clen && c[end] == ',')
				end++;
		}
		struct sbuf nb = { 0 };
		if (start) {
			sb_put(&nb, c, start);
			sb_put(&nb, " ", 1);
		}
		sb_put(&nb, sub, slen);
		sb_put(&nb, " ", 1);
		sb_put(&nb, c + end, clen - end);
		if (nb.oom) {
			free(nb.p);
			free(items.p);
			return false;
		}
		at = (start ? start + 1 : 0) + slen + 1;
		free(c);
		c = nb.p;
	}
	*cnd = c;
	free(items.p);
	return true;
}

/* text with every list substituted, in their order of definition. */
static char *subst_lists(const struct sg_rules *r, const char *text)
{
	char *c = strdup(text);
	for (int i = 0; c && i < r->t[D_LIST].n; i++) {
		if (!subst_list(r, &r->t[D_LIST].d[i], &c)) {
			free(c);
			return NULL;
		}
	}
	return c;
}

const char *sg_rules_subst(struct sg_rules *r, const char *text)
{
	if (!r)
		return text;
	char **t = realloc(r->texts, (size_t)(r->ntexts + 1) * sizeof(*t));
	if (!t)
		return NULL;
	r->texts = t;
	char *c = subst_lists(r, text);
	if (!c)
		return NULL;
	r->texts[r->ntexts++] = c;
	return c;
}

static bool expand(const struct sg_rules *r, struct sg_ast **np, const char *text,
		   struct sg_diag *d)
{
	struct sg_ast *n = *np;
	if (n->checked)
		return true;
	switch (n->kind) {
	case SG_AST_MACRO:
		return expand_macro(r, np, d);
	case SG_AST_CMP:
		return true;
	default:
		for (int i = 0; i < n->nkids; i++)
			if (!expand(r, &n->kids[i], text, d))
				return false;
		return true;
	}
}

bool sg_rules_expand(const struct sg_rules *r, struct sg_ast **root, const char *text,
		     struct sg_diag *d)
{
	if (!r)
		return true;
	return expand(r, root, text, d);
}
