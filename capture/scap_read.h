/*
 * The .scap block reader: section header, machine info, process, fd,
 * interface and user lists, and event blocks of every version libs has
 * written.  Lists go to callbacks as they are parsed; events are handed
 * out one at a time with their parameters located (not yet interpreted).
 * Every length comes from the file, so every one is checked: a block
 * longer than the rest of the stream, a list entry longer than its block,
 * a parameter longer than its event are errors with their offset.
 */
#ifndef SG_CAPTURE_SCAP_READ_H
#define SG_CAPTURE_SCAP_READ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "capture/scap_events.h"
#include "capture/source.h"

#define SG_SCAP_MAX_PARAMS 64 /* libs events have at most 32 today */
/* The largest block read (LARGE event blocks carry u32 lengths). */
#define SG_SCAP_BLOCK_MAX (64u << 20)

struct sg_scap_thread {
	uint64_t tid, pid, ptid, sid, vpgid, pgid, vtid, vpid;
	const char *comm, *exe, *exepath, *cwd, *root; /* NUL terminated */
	const char *args, *env, *cgroups;  /* NUL separated */
	uint32_t args_len, env_len, cgroups_len;
	uint64_t fdlimit;
	uint32_t flags, uid, gid, tty, loginuid;
};

struct sg_scap_fd {
	uint64_t tid;
	int64_t fd;
	uint64_t ino;
	uint8_t type;      /* enum sg_scap_fdtype */
	uint8_t l4proto;
	uint8_t family;    /* sockets: AF_INET, AF_INET6, AF_UNIX */
	uint8_t sip[16], dip[16]; /* IPv4 in the first 4 bytes */
	uint16_t sport, dport;
	uint64_t usrc, udst;      /* AF_UNIX socket pointers */
	uint32_t open_flags;
	const char *name;  /* path or unix name, NUL terminated; "" if none */
};

struct sg_scap_user {
	bool group;
	uint32_t uid, gid;
	const char *name, *home, *shell; /* home, shell: users */
};

struct sg_scap_cb {
	void *ctx;
	void (*machine)(void *ctx, const char *hostname, uint32_t ncpus, uint64_t boot_ts);
	void (*thread)(void *ctx, const struct sg_scap_thread *t);
	void (*fd)(void *ctx, const struct sg_scap_fd *f);
	void (*user)(void *ctx, const struct sg_scap_user *u);
};

struct sg_scap_param {
	const uint8_t *data;
	uint32_t len;
};

struct sg_scap_evt {
	uint64_t ts, tid;
	uint16_t type, cpu;
	uint32_t flags;      /* EVF blocks */
	uint32_t nparams;
	uint64_t offset;     /* of its block */
	struct sg_scap_param p[SG_SCAP_MAX_PARAMS];
	const uint8_t *raw;  /* the event as stored (header + lengths + data) */
	uint32_t raw_len;
};

struct sg_scap_reader;

struct sg_scap_reader *sg_scap_reader_new(struct sg_source *src, const struct sg_scap_cb *cb);
void sg_scap_reader_free(struct sg_scap_reader *r);

/* 1 with the next event in *ev (valid until the next call), 0 at a clean
 * end, -1 on an error (sg_scap_reader_error).  Lists met on the way go to
 * the callbacks first.  Events of codes this table does not know are
 * skipped and counted. */
int sg_scap_next(struct sg_scap_reader *r, struct sg_scap_evt *ev);
const char *sg_scap_reader_error(const struct sg_scap_reader *r);
uint16_t sg_scap_version(const struct sg_scap_reader *r); /* major << 8 | minor */

struct sg_scap_read_stats {
	uint64_t blocks, events, unknown_events, skipped_blocks;
};
void sg_scap_reader_stats(const struct sg_scap_reader *r, struct sg_scap_read_stats *out);

#endif
