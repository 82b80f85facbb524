/*
 * The filter: sysdig/Falco condition text -> checked AST -> bytecode -> VM.
 * Each stage is its own file (lexer.c, parser.c, check.c, compile.c, vm.c,
 * disasm.c, validate.c, pushdown.c); this is the whole public interface.
 */
#ifndef SG_FILTER_H
#define SG_FILTER_H

#include <stdbool.h>
#include <stdio.h>

#include "event/diag.h"
#include "event/event.h"
#include "event/fields.h"
#include "event/pushdown.h"

struct sg_filter;

/* Compile text (NULL or blank = match everything).  On error returns NULL
 * and fills *d with the position and message. */
struct sg_filter *sg_filter_compile(const char *text, struct sg_diag *d);

/* The same, with the macros and lists of Falco rules files (NULL: none). */
struct sg_rules;
struct sg_filter *sg_filter_compile_rules(const char *text, const struct sg_rules *rules,
					  struct sg_diag *d);

/* A warning about a compiled filter (it can never match), or NULL.  The
 * diag's text points at the compiled text. */
const struct sg_diag *sg_filter_warning(const struct sg_filter *f);

/* Does e match?  Fields are fetched lazily into a; the caller resets a per event. */
bool sg_filter_match(struct sg_filter *f, struct sg_event *e, struct sg_arena *a);

/* What can be decided in the kernel. */
void sg_filter_pushdown(const struct sg_filter *f, struct sg_pushdown *pd);

/* The bytecode listing and the pushdown, for --dump-filter. */
void sg_filter_dump(const struct sg_filter *f, FILE *out);

void sg_filter_free(struct sg_filter *f);

#endif /* SG_FILTER_H */
