/*
 * The open-addressing table behind the cgroup and socket maps: entries of
 * one fixed size, each starting with its nonzero u64 key (0 = empty slot),
 * linear probing, kept at most half full.
 */
#include <stdlib.h>
#include <string.h>

#include "state/state_int.h"

/* Cgroup ids and inode numbers are sequential: spread them over the slots. */
static uint64_t mix(uint64_t x)
{
	x ^= x >> 33;
	x *= 0xff51afd7ed558ccdull;
	x ^= x >> 33;
	return x;
}

void *sg_idmap_at(const struct sg_idmap *m, size_t i)
{
	char *e = (char *)m->v + i * m->esz;
	uint64_t key;
	memcpy(&key, e, sizeof(key));
	return key ? e : NULL;
}

/* The slot of key in v: where it is, or the empty slot it would take. */
static char *slot(char *v, size_t cap, size_t esz, uint64_t key)
{
	size_t i = mix(key) & (cap - 1);
	for (;;) {
		char *e = v + i * esz;
		uint64_t k;
		memcpy(&k, e, sizeof(k));
		if (!k || k == key)
			return e;
		i = (i + 1) & (cap - 1);
	}
}

static bool grow(struct sg_idmap *m)
{
	if (m->cap && (m->n + 1) * 2 <= m->cap)
		return true;
	size_t cap = m->cap ? m->cap * 2 : 256;
	char *v = calloc(cap, m->esz);
	if (!v)
		return false;
	for (size_t i = 0; i < m->cap; i++) {
		const char *e = sg_idmap_at(m, i);
		uint64_t key;
		if (!e)
			continue;
		memcpy(&key, e, sizeof(key));
		memcpy(slot(v, cap, m->esz, key), e, m->esz);
	}
	free(m->v);
	m->v = v;
	m->cap = cap;
	return true;
}

void *sg_idmap_get(const struct sg_idmap *m, uint64_t key)
{
	if (!m->cap || !key)
		return NULL;
	char *e = slot(m->v, m->cap, m->esz, key);
	uint64_t k;
	memcpy(&k, e, sizeof(k));
	return k ? e : NULL;
}

void *sg_idmap_put(struct sg_idmap *m, size_t esz, uint64_t key, bool *added)
{
	*added = false;
	if (!key || esz < sizeof(key) || (m->esz && m->esz != esz))
		return NULL;
	m->esz = esz;
	if (!grow(m))
		return NULL;
	char *e = slot(m->v, m->cap, m->esz, key);
	uint64_t k;
	memcpy(&k, e, sizeof(k));
	if (k)
		return e;
	memcpy(e, &key, sizeof(key));
	m->n++;
	*added = true;
	return e;
}

void sg_idmap_free(struct sg_idmap *m)
{
	free(m->v);
	memset(m, 0, sizeof(*m));
}
