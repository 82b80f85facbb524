/*
 * Rendering of event parameters the way sysdig users read them:
 *   fd=3(<f>/etc/passwd) res=-2(ENOENT) flags=4097(O_RDONLY|O_CLOEXEC)
 *   mode=0644 tuple=127.0.0.1:41234->127.0.0.1:22 dirfd=-100(AT_FDCWD)
 *   uid=1000(alice) data=hello.world (non-printables as '.')
 * The text produced is the raw value: control bytes in captured strings are
 * kept as they are here, and each output format escapes for its own medium.
 */
#ifndef SG_RENDER_H
#define SG_RENDER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "event/event.h"
#include "event/errnos.h"
#include "event/netfmt.h"
#include "event/strbuf.h"

/* The value of one parameter, rendered (without "name="). */
void sg_render_param(struct sg_strbuf *b, const struct sg_event *e,
		     const struct sg_param *p);

/* The value of one parameter without decorations: the number for numeric
 * types, the string for captured ones, the tuple text for tuples.  This is
 * what evt.arg.X compares against. */
void sg_render_param_plain(struct sg_strbuf *b, const struct sg_event *e,
			   const struct sg_param *p);

/* What sysdig's evt.arg.X shows: the name of the value when it has one
 * ("ENOENT", "O_RDONLY|O_CLOEXEC", "<f>/etc/passwd", "AT_FDCWD", "root",
 * "bash"), otherwise the value itself; captured values as rendered. */
void sg_render_param_resolved(struct sg_strbuf *b, const struct sg_event *e,
			      const struct sg_param *p);

/* All parameters: "name=value name=value".  True when the text is plain
 * by construction (numbers, argument and errno names: nothing a text or
 * CSV line escapes), so the caller need not scan it. */
bool sg_render_args(struct sg_strbuf *b, const struct sg_event *e);



#endif /* SG_RENDER_H */
