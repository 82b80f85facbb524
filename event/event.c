/* Parameter lookup by Falco name, and parameter numbers. */
#include "event/event.h"

#include <string.h>

#include <linux/types.h>

#include "bpf/sysgrep.h"

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

/* Captured numbers (pipe's fd pair, fields of a user struct) are read from
 * their bytes, the way the probe laid them out; the others are num. */
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
	if (p->def->cap == SG_CAP_INT2) {
		/* both ints are captured; aux picks one */
		int32_t x;
		uint32_t off = p->len >= 8 ? (uint32_t)p->def->aux * 4 : 0;
		if (off + sizeof(x) > p->len)
			return false;
		memcpy(&x, p->data + off, sizeof(x));
		*v = x;
		return true;
	}
	if (p->def->cap == SG_CAP_STRUCT && p->def->aux && p->len >= p->def->aux * 8u) {
		/* the first aux * 8 bytes are captured: the value is the last 8 */
		uint64_t x;
		memcpy(&x, p->data + (p->def->aux - 1) * 8u, sizeof(x));
		*v = (int64_t)x;
		return true;
	}
	*v = p->num;
	return true;
}
