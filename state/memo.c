/*
 * Memos: text an output derives from a state string (the JSON-escaped
 * exepath, fd name), kept beside the string so it is made once, and dropped
 * with it whenever the string changes.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "state/state.h"

void sg_memo_set(struct sg_memo *m, const char *s, size_t n)
{
	char *d = n <= UINT32_MAX ? malloc(n ? n : 1) : NULL;
	if (!d)
		return;
	memcpy(d, s, n);
	free(m->p);
	m->p = d;
	m->len = (uint32_t)n;
}

void sg_memo_drop(struct sg_memo *m)
{
	free(m->p);
	m->p = NULL;
	m->len = 0;
}
