/*
 * Falco rules files: the macros, lists and rules of YAML files (read with
 * libyaml), and their use in filters.  A filter names a macro as a bare
 * identifier ("spawned_process and shell_procs"), replaced in the AST by
 * sg_rules_expand, and a list by its name in the text ("proc.name in
 * (shell_binaries)"), substituted by sg_rules_subst before parsing: both
 * as Falco's rule loader does.
 */
#ifndef SG_RULES_H
#define SG_RULES_H

#include <stdbool.h>
#include <stdio.h>

#include "event/diag.h"

struct sg_rules;
struct sg_ast;

/* One Falco rule. */
struct sg_rule {
	const char *name;
	const char *condition;
	const char *output;    /* "" when the rule has none */
	const char *priority;  /* "Warning" when the rule says nothing */
	const char *source;    /* "syscall" unless the rule says otherwise */
	const char *file;
	int line;
	bool enabled;
	bool has_exceptions;   /* exceptions: are not applied by sysgrep */
};

struct sg_rules *sg_rules_new(void);
void sg_rules_free(struct sg_rules *r);

/* Load one file; later files (and later items) override earlier ones of
 * the same name, append: true / override: extend them, as in Falco.
 * false with *d set ("FILE:LINE: ..."). */
bool sg_rules_load(struct sg_rules *r, const char *path, struct sg_diag *d);

/* The same from text in memory (tests); name stands for the file. */
bool sg_rules_load_text(struct sg_rules *r, const char *name, const char *text, size_t len,
			struct sg_diag *d);

/* The rule called name, or NULL. */
const struct sg_rule *sg_rules_rule(const struct sg_rules *r, const char *name);

/* How many macros, lists, rules are loaded; the i-th rule (for listings). */
void sg_rules_counts(const struct sg_rules *r, unsigned *macros, unsigned *lists,
		     unsigned *rules);
const struct sg_rule *sg_rules_rule_at(const struct sg_rules *r, unsigned i);

/* text with the lists substituted, as Falco does before it parses a
 * condition; owned by r (diagnostics point into it), or text itself when r
 * is NULL; NULL when out of memory. */
const char *sg_rules_subst(struct sg_rules *r, const char *text);

/* Replace the macros in *root (parsed from text); rules may be
 * NULL (then nothing is replaced and a macro name stays for the checker
 * to refuse).  An error in a macro's condition is reported against that
 * condition, named by its file and line in d->what. */
bool sg_rules_expand(const struct sg_rules *r, struct sg_ast **root, const char *text,
		     struct sg_diag *d);

#endif /* SG_RULES_H */
