/* Deriving the kernel pushdown (event/pushdown.h) from a checked filter. */
#ifndef SG_FILTER_PUSHDOWN_H
#define SG_FILTER_PUSHDOWN_H

#include <stddef.h>

#include "event/pushdown.h"
#include "filter/ast.h"

/* Fill pd from the checked AST.  When the filter can never match, pd->never
 * is set, why holds the reason and *off where in the text it starts. */
void sg_pushdown_build(const struct sg_ast *root, struct sg_pushdown *pd, char *why,
		       size_t whylen, int *off);

/* The pushdown as text, for --dump-filter. */
struct sg_strbuf;
void sg_pushdown_print(const struct sg_pushdown *pd, struct sg_strbuf *b);

#endif /* SG_FILTER_PUSHDOWN_H */
