/*
 * Field extraction: the value of a field of the catalogue (event/fields.def)
 * for one event, read from the event and from the state the event points
 * at.  It stands above state/ and below filter/ and output/.
 */
#ifndef SG_FIELDGET_H
#define SG_FIELDGET_H

#include <stdbool.h>

#include "event/fields.h"

/*
 * The value of ref for event e.  Returns true and fills *v when the field
 * applies to the event, false when it does not (no fd, no such argument,
 * unknown process...): the filter then treats the comparison as false.
 * For OPTINDEX fields with index -1 ("any"), call with index 1, 2, ... via
 * sg_field_get_nth until it returns false.
 */
bool sg_field_get(struct sg_event *e, const struct sg_fieldref *ref,
		  struct sg_value *v, struct sg_arena *a);

/* The nth value (from 1) of an any-of field (proc.aname, proc.apid, fd.ip...). */
bool sg_field_get_nth(struct sg_event *e, const struct sg_fieldref *ref, int n,
		      struct sg_value *v, struct sg_arena *a);

/* A getter with sg_field_get's contract.  sg_field_getter(ref) gives one
 * specialised for the field (the filter resolves it once per slot, saving
 * the dispatch on every event for the fields most filters use), or
 * sg_field_get itself. */
typedef bool (*sg_field_fn)(struct sg_event *e, const struct sg_fieldref *ref,
			    struct sg_value *v, struct sg_arena *a);
sg_field_fn sg_field_getter(const struct sg_fieldref *ref);

#endif /* SG_FIELDGET_H */
