/* container.* (but container.id) and k8s.* fields, for fieldget.c. */
#ifndef SG_EXTRACT_CONTAINER_H
#define SG_EXTRACT_CONTAINER_H

#include <stdbool.h>

#include "event/fields.h"

bool sg_container_field(struct sg_event *e, const struct sg_fieldref *ref, struct sg_value *v,
			struct sg_arena *a);

#endif
