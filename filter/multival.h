/* libs' multi-value transformers (join, concat, getopt, "(a, b)") at run time. */
#ifndef SG_MULTIVAL_H
#define SG_MULTIVAL_H

#include <stdbool.h>
#include <stdint.h>

#include "filter/ast.h"

/* One value, or a list of them (list true), in the arena. */
struct sg_mvres {
	bool list;
	uint32_t n;
	struct sg_value *v;
};

/* The value of a checked operand of any base; false = no value. */
bool sg_mv_eval(const struct sg_operand *o, struct sg_event *e, struct sg_arena *a,
		struct sg_mvres *r);

struct sg_konst;
/* A list against constants: 'in' (all values in k) or 'intersects' (some). */
bool sg_mv_cmp_list(uint8_t op, const struct sg_mvres *r, const struct sg_konst *k);

#endif /* SG_MULTIVAL_H */
