/*
 * Counting in the kernel (cmd/kcount.h).  The kernel keeps running totals;
 * what an interval adds is the difference from the totals last read, so
 * nothing is reset under the probe and no call is counted twice or lost.
 */
#include "cmd/kcount.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "event/abi.h"
#include "event/fields.h"
#include "event/syscalls.h"

const char sg_kcount_fields[] =
	"evt.type, proc.pid, thread.tid, proc.name, user.uid, container.id";

/* The key component of a field counted by, or 0 when the kernel does not
 * know it. */
static uint32_t field_bit(const struct sg_fieldref *ref)
{
	if (ref->index >= 0 || ref->key)
		return 0;
	switch (ref->id) {
	case SG_F_EVT_TYPE: return SG_KF_TYPE;
	case SG_F_PROC_PID: return SG_KF_PID;
	case SG_F_THREAD_TID: return SG_KF_TID;
	case SG_F_PROC_NAME: return SG_KF_COMM;
	case SG_F_USER_UID: return SG_KF_UID;
	case SG_F_CONTAINER_ID: return SG_KF_CGROUP;
	default: return 0;
	}
}

/* The bits of a --count-by list (already checked by the output), or 0
 * with why set. */
static uint32_t count_by_bits(const char *list, char *why, size_t n)
{
	uint32_t bits = 0;
	const char *s = list;

	for (;;) {
		while (*s == ' ' || *s == '\t' || *s == ',')
			s++;
		if (*s == '%')
			s++;
		if (!*s)
			return bits;
		struct sg_fieldref ref;
		struct sg_diag d = {.what = "count-by"};
		int used = sg_fieldref_parse(list, s, &ref, &d);
		if (used <= 0) {
			snprintf(why, n, "--count-by does not parse");
			return 0;
		}
		uint32_t b = field_bit(&ref);
		if (!b) {
			snprintf(why, n, "--count-by %.*s: the kernel does not know that field "
				 "(it knows %s)", used, s, sg_kcount_fields);
			return 0;
		}
		bits |= b;
		s += used;
	}
}

uint32_t sg_kcount_plan(const struct sg_opts *o, const struct sg_pushdown *pd, char *why,
			size_t n)
{
	snprintf(why, n, "%s", "");
	if (!(o->count || o->quiet || o->count_by)) {
		snprintf(why, n, "events are printed (only -c, -q and --count-by count)");
		return 0;
	}
	if (o->write_file) {
		snprintf(why, n, "-w records every selected event");
		return 0;
	}
	if (o->no_pushdown) {
		snprintf(why, n, "--no-pushdown: the filter decides in user space");
		return 0;
	}
	/* -q alone stops at the first match (its implied -n 1): the count
	 * is read often, and the first one ends the run */
	if (o->max_events && !(o->quiet && o->max_events == 1 && !o->count && !o->count_by)) {
		snprintf(why, n, "-n stops at an exact event, which counting in the kernel "
			 "cannot do");
		return 0;
	}
	if (!pd->exact) {
		snprintf(why, n, "the kernel does not decide the whole filter: only evt.type, and "
			 "= / in on proc.pid, thread.tid, user.uid and proc.name, joined by 'and'");
		return 0;
	}
	if (pd->never) {
		snprintf(why, n, "the filter never matches");
		return 0;
	}
	if (!o->count_by)
		return SG_KF_ON;
	uint32_t bits = count_by_bits(o->count_by, why, n);
	return bits ? SG_KF_ON | bits : 0;
}

/* ---- totals last read ------------------------------------------------- */

struct slot {
	struct sg_kkey key;
	uint64_t total;
	bool used;
};

struct sg_kcount {
	uint32_t kf;
	struct sg_state *st;
	struct slot *slots;
	size_t cap, n;           /* power of 2; slots in use */
	struct sg_output *out;
	struct sg_arena arena;
	int64_t added;
	int err;
};

struct sg_kcount *sg_kcount_new(uint32_t kf, struct sg_state *st)
{
	struct sg_kcount *k = calloc(1, sizeof(*k));
	if (!k)
		return NULL;
	k->kf = kf;
	k->st = st;
	k->cap = 1024;
	k->slots = calloc(k->cap, sizeof(*k->slots));
	if (!k->slots) {
		free(k);
		return NULL;
	}
	sg_arena_init(&k->arena, 64 << 10);
	return k;
}

void sg_kcount_free(struct sg_kcount *k)
{
	if (!k)
		return;
	sg_arena_free(&k->arena);
	free(k->slots);
	free(k);
}

static uint64_t key_hash(const struct sg_kkey *key)
{
	const uint8_t *p = (const uint8_t *)key;
	uint64_t h = 0xcbf29ce484222325ull;
	for (size_t i = 0; i < sizeof(*key); i++) {
		h ^= p[i];
		h *= 0x100000001b3ull;
	}
	return h;
}

static struct slot *find(struct slot *slots, size_t cap, const struct sg_kkey *key)
{
	size_t i = key_hash(key) & (cap - 1);
	while (slots[i].used && memcmp(&slots[i].key, key, sizeof(*key)))
		i = (i + 1) & (cap - 1);
	return &slots[i];
}

static bool grow(struct sg_kcount *k)
{
	size_t cap = k->cap * 2;
	struct slot *s = calloc(cap, sizeof(*s));
	if (!s)
		return false;
	for (size_t i = 0; i < k->cap; i++)
		if (k->slots[i].used)
			*find(s, cap, &k->slots[i].key) = k->slots[i];
	free(k->slots);
	k->slots = s;
	k->cap = cap;
	return true;
}

/* An event with the key's values, as the fields counted by read them. */
static void key_event(struct sg_kcount *k, const struct sg_kkey *key, struct sg_event *e,
		      struct sg_proc *p)
{
	memset(e, 0, sizeof(*e));
	memset(p, 0, sizeof(*p));
	e->kind = SG_EV_SYSCALL;
	e->nr = (uint16_t)key->nr;
	e->def = sg_syscall_by_nr(key->nr);
	if (key->nr == SG_KNR_PROCEXIT) {
		e->kind = SG_EV_PROCEXIT;
		e->def = &sg_procexit_def;
	}
	/* without the type in the key, any def: evt.type is not counted by */
	if (!e->def)
		e->def = &sg_procexit_def;
	e->pid = p->pid = key->pid;
	e->tid = key->tid;
	e->uid = key->uid;
	e->cgroup_id = key->cgroup;
	memcpy(e->comm, key->comm, SG_COMM_LEN);
	e->comm[SG_COMM_LEN - 1] = 0;
	e->fdnum = -1;
	if (k->kf & SG_KF_CGROUP)
		sg_state_container_of_cgroup(k->st, key->cgroup, p->container_id);
	e->proc = p;
}

static void on_total(void *ctx, const struct sg_kkey *key, uint64_t total)
{
	struct sg_kcount *k = ctx;
	struct sg_event e;
	struct sg_proc p;

	if (k->err)
		return;
	if (k->n + 1 > k->cap / 2 && !grow(k)) {
		k->err = ENOMEM;
		return;
	}
	struct slot *s = find(k->slots, k->cap, key);
	if (!s->used) {
		s->used = true;
		s->key = *key;
		k->n++;
	}
	uint64_t delta = total - s->total;
	s->total = total;
	if (!delta)
		return;
	key_event(k, key, &e, &p);
	sg_arena_reset(&k->arena);
	if (sg_output_count(k->out, &e, &k->arena, delta) < 0) {
		k->err = errno;
		return;
	}
	k->added += (int64_t)delta;
}

int64_t sg_kcount_collect(struct sg_kcount *k, struct sg_probe *p, struct sg_output *out)
{
	k->out = out;
	k->added = 0;
	k->err = 0;
	int r = sg_probe_kcounts(p, on_total, k);
	if (r < 0) {
		errno = -r;
		return -1;
	}
	if (k->err) {
		errno = k->err;
		return -1;
	}
	return k->added;
}
