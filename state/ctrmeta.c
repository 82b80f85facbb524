/*
 * Container metadata (container.name, image, mounts, labels...) by
 * container id, asked of the engine off the event path.  The first read of
 * a container's field queues its id and answers "unknown" at once; a
 * worker thread asks the engine sockets (engine.c) and publishes the
 * answer, which the next events read.  Published entries never change and
 * live until sg_state_free, so the event path keeps the last one it read
 * without a lock.  No engine running costs one failed connect() a socket
 * per id every SG_CTR_RETRY_MS, in the worker, and prints nothing.
 */
#include <pthread.h>
#include <stdio.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "state/state_int.h"

#define SG_CTR_SLOTS 4096   /* containers remembered (a power of two) */
#define SG_CTR_QUEUE 256    /* ids waiting for the worker */
#define SG_CTR_RETRY_MS 5000 /* an id the engines did not know, asked again */

enum { CTR_EMPTY = 0, CTR_PENDING, CTR_KNOWN, CTR_MISSING };

struct ctr_ent {
	char id[16];
	uint8_t status;
	uint64_t retry_ms;
	struct sg_ctrinfo *info;
};

struct sg_ctrmeta {
	pthread_mutex_t mu;
	pthread_cond_t cv;
	pthread_t thread;
	bool started;
	bool stop; /* read by the worker and engine.c with atomics */
	struct ctr_ent tab[SG_CTR_SLOTS];
	uint32_t used;
	char queue[SG_CTR_QUEUE][16];
	unsigned qhead, qlen;
	char socks[SG_ENGINES_MAX][108];
	unsigned nsocks;
	unsigned prefer; /* the socket that answered last */
};

static const char *const default_socks[] = {
	"/run/podman/podman.sock",
	"/var/run/docker.sock",
};

static uint64_t mono_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000;
}

static uint32_t hash_id(const char *id)
{
	uint32_t h = 2166136261u;
	for (; *id; id++)
		h = (h ^ (uint8_t)*id) * 16777619u;
	return h;
}

/* The slot of id, or the empty slot it would take; NULL when full. */
static struct ctr_ent *slot(struct sg_ctrmeta *cm, const char *id)
{
	uint32_t h = hash_id(id);
	for (uint32_t i = 0; i < SG_CTR_SLOTS; i++) {
		struct ctr_ent *e = &cm->tab[(h + i) & (SG_CTR_SLOTS - 1)];
		if (e->status == CTR_EMPTY || !strcmp(e->id, id))
			return e;
	}
	return NULL;
}

/* Ask each socket, the one that answered last first: the first that knows
 * the id wins; "down" only when none could be reached. */
static enum sg_engine_rc ask(struct sg_ctrmeta *cm, const char *id, struct sg_ctrinfo **info)
{
	enum sg_engine_rc best = SG_ENG_DOWN;
	for (unsigned k = 0; k < cm->nsocks; k++) {
		unsigned i = (cm->prefer + k) % cm->nsocks;
		enum sg_engine_rc rc = sg_engine_inspect(cm->socks[i], id, &cm->stop, info);
		if (rc == SG_ENG_OK) {
			cm->prefer = i;
			return rc;
		}
		if (rc != SG_ENG_DOWN)
			best = rc;
	}
	return best;
}

static void *worker(void *arg)
{
	struct sg_ctrmeta *cm = arg;
	pthread_mutex_lock(&cm->mu);
	for (;;) {
		while (!cm->stop && !cm->qlen)
			pthread_cond_wait(&cm->cv, &cm->mu);
		if (cm->stop)
			break;
		char id[16];
		memcpy(id, cm->queue[cm->qhead], sizeof(id));
		cm->qhead = (cm->qhead + 1) % SG_CTR_QUEUE;
		cm->qlen--;
		pthread_mutex_unlock(&cm->mu);

		struct sg_ctrinfo *info = NULL;
		enum sg_engine_rc rc = ask(cm, id, &info);

		pthread_mutex_lock(&cm->mu);
		struct ctr_ent *e = slot(cm, id);
		if (e && e->status == CTR_PENDING && rc == SG_ENG_OK) {
			e->info = info;
			__atomic_store_n(&e->status, CTR_KNOWN, __ATOMIC_RELEASE);
		} else {
			sg_ctrinfo_free(info);
			if (e && e->status == CTR_PENDING) {
				e->retry_ms = mono_ms() + SG_CTR_RETRY_MS;
				e->status = CTR_MISSING;
			}
		}
	}
	pthread_mutex_unlock(&cm->mu);
	return NULL;
}

static struct sg_ctrmeta *ctrmeta_new(struct sg_state *st)
{
	struct sg_ctrmeta *cm = calloc(1, sizeof(*cm));
	if (!cm)
		return NULL;
	pthread_mutex_init(&cm->mu, NULL);
	pthread_cond_init(&cm->cv, NULL);
	if (st->engines_set) {
		for (unsigned i = 0; i < st->nengines; i++)
			snprintf(cm->socks[i], sizeof(cm->socks[i]), "%s", st->engines[i]);
		cm->nsocks = st->nengines;
	} else {
		for (unsigned i = 0; i < sizeof(default_socks) / sizeof(default_socks[0]); i++)
			snprintf(cm->socks[cm->nsocks++], sizeof(cm->socks[0]), "%s", default_socks[i]);
	}
	if (!cm->nsocks)
		return cm; /* --container-socket none: nothing to ask, no thread */
	/* the worker takes no signals: the main loop's handlers stay in charge */
	sigset_t all, old;
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	cm->started = pthread_create(&cm->thread, NULL, worker, cm) == 0;
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	return cm;
}

void sg_ctrmeta_free(struct sg_ctrmeta *cm)
{
	if (!cm)
		return;
	if (cm->started) {
		pthread_mutex_lock(&cm->mu);
		__atomic_store_n(&cm->stop, true, __ATOMIC_RELAXED);
		pthread_cond_signal(&cm->cv);
		pthread_mutex_unlock(&cm->mu);
		pthread_join(cm->thread, NULL);
	}
	for (uint32_t i = 0; i < SG_CTR_SLOTS; i++)
		sg_ctrinfo_free(cm->tab[i].info);
	pthread_mutex_destroy(&cm->mu);
	pthread_cond_destroy(&cm->cv);
	free(cm);
}

int sg_state_set_engines(struct sg_state *st, const char *const *paths, unsigned n)
{
	if (n > SG_ENGINES_MAX)
		return -1;
	st->nengines = 0;
	for (unsigned i = 0; i < n; i++) {
		if (!strcmp(paths[i], "none"))
			continue;
		if (strlen(paths[i]) >= sizeof(((struct sg_ctrmeta *)0)->socks[0]))
			return -1;
		st->engines[st->nengines++] = paths[i];
	}
	st->engines_set = true;
	return 0;
}

/* Queue id unless it is queued already or the queue is full (the id is
 * then asked again on a later read). */
static void enqueue(struct sg_ctrmeta *cm, struct ctr_ent *e)
{
	if (cm->qlen == SG_CTR_QUEUE || !cm->started) {
		e->status = CTR_MISSING;
		e->retry_ms = mono_ms() + (cm->started ? 100 : UINT64_MAX / 2);
		return;
	}
	memcpy(cm->queue[(cm->qhead + cm->qlen) % SG_CTR_QUEUE], e->id, sizeof(e->id));
	cm->qlen++;
	e->status = CTR_PENDING;
	pthread_cond_signal(&cm->cv);
}

const struct sg_ctrinfo *sg_state_container_info(struct sg_state *st, const char *cid)
{
	if (!st || !cid || !cid[0] || !strcmp(cid, "host") || st->offline || strlen(cid) > 15)
		return NULL;
	if (st->ctr_last && !strcmp(st->ctr_last_id, cid))
		return st->ctr_last;
	if (!st->ctrmeta && !st->ctrmeta_failed) {
		st->ctrmeta = ctrmeta_new(st);
		st->ctrmeta_failed = !st->ctrmeta;
	}
	struct sg_ctrmeta *cm = st->ctrmeta;
	if (!cm)
		return NULL;
	const struct sg_ctrinfo *info = NULL;
	pthread_mutex_lock(&cm->mu);
	struct ctr_ent *e = slot(cm, cid);
	if (e && e->status == CTR_EMPTY) {
		snprintf(e->id, sizeof(e->id), "%s", cid);
		cm->used++;
		enqueue(cm, e);
	} else if (e && e->status == CTR_MISSING && mono_ms() >= e->retry_ms) {
		enqueue(cm, e);
	} else if (e && e->status == CTR_KNOWN) {
		info = e->info;
	}
	pthread_mutex_unlock(&cm->mu);
	if (info) {
		snprintf(st->ctr_last_id, sizeof(st->ctr_last_id), "%s", cid);
		st->ctr_last = info;
	}
	return info;
}

const char *sg_ctrinfo_label(const struct sg_ctrinfo *ci, const char *key, size_t klen)
{
	if (!ci)
		return NULL;
	size_t lo = 0, hi = ci->nlabels;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		const char *k = ci->labels[mid].key;
		int c = strncmp(k, key, klen);
		if (c == 0 && k[klen])
			c = 1;
		if (c == 0)
			return ci->labels[mid].value;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}
