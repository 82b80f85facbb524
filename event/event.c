/* Parameter lookup by Falco name, and parameter numbers. */
#include "event/event.h"

#include <string.h>

#include <linux/types.h>

#include "event/abi.h"

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

