#include "event/fields.h"

#include <stdlib.h>

void sg_arena_init(struct sg_arena *a, size_t size)
{
	a->base = malloc(size);
	a->size = a->base ? size : 0;
	a->used = 0;
}

void sg_arena_reset(struct sg_arena *a)
{
	a->used = 0;
}

void sg_arena_free(struct sg_arena *a)
{
	free(a->base);
	a->base = NULL;
	a->size = a->used = 0;
}

char *sg_arena_alloc(struct sg_arena *a, size_t n)
{
	/* keep 8-byte alignment so callers may store numbers too */
	size_t need = (n + 7) & ~(size_t)7;
	if (need < n || a->size - a->used < need)
		return NULL;
	char *p = a->base + a->used;
	a->used += need;
	return p;
}
