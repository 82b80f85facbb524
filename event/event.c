/* Parameter lookup by Falco name, and parameter numbers. */
#include "event/event.h"

#include <string.h>

#include <linux/types.h>

#include "event/abi.h"
#include "event/syscalls.h"

const struct sg_param *sg_event_param(const struct sg_event *e, const char *name)
{
	if (!e || !name)
		return NULL;
	unsigned n = e->nparams < SG_MAX_PARAMS ? e->nparams : SG_MAX_PARAMS;
	for (unsigned i = 0; i < n; i++) {
		const struct sg_param *p = &e->params[i];
		if (p->def && p->def->name && strcmp(p->def->name, name) == 0)
			return p;
	}
	return NULL;
}

/* A captured number (pipe's fd pair, a field of a user struct) is read by
 * sg_syscall_cap_num, the rule the decoder fills num with: one place says
 * where it sits, so the two cannot drift.  A pair or struct cut short has
 * no number (its bytes would be another field's). */
bool sg_param_num(const struct sg_param *p, int64_t *v)
{
	if (!p || !p->def)
		return false;
	if (p->def->src != SG_SRC_CAP) {
		*v = p->num;
		return true;
	}
	if (!(p->flags & SG_PARAM_DATA) || !p->data || !p->len)
		return false;
	if (p->def->cap == SG_CAP_INT2 || p->def->cap == SG_CAP_STRUCT)
		return sg_syscall_cap_num(p->def, p->data, p->len, v) != 0;
	*v = p->num;
	return true;
}
