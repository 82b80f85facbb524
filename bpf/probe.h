/*
 * The live event source: kernel feature checks, loading the embedded probe
 * (open -> set rodata -> load -> attach), and draining its ring buffer.
 */
#ifndef SG_PROBE_H
#define SG_PROBE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "event/pushdown.h"

struct sg_probe_opts {
	const struct sg_pushdown *pd; /* NULL = every syscall, no conditions */
	uint32_t snaplen;             /* bytes of data buffers (-s; 0 = none) */
	uint32_t ringbuf_bytes;       /* ring buffer size (power of 2), default 8 MiB */
	int verbose;                  /* -v: libbpf's messages on stderr; -vv: debug too */
	/* SG_KF_* (event/abi.h): count in the kernel, send nothing; only
	 * when the pushdown decides the whole filter */
	uint32_t kcount;
};

struct sg_probe;

/*
 * Check what the kernel offers (BTF, ring buffer maps, tp_btf programs,
 * privileges).  Returns 0 when the probe can load; otherwise writes one
 * sentence naming exactly what is missing and what to do into why.
 */
int sg_probe_check(char *why, size_t n);

/* Load and attach.  NULL on failure, with the reason (never a raw libbpf
 * dump) in why. */
struct sg_probe *sg_probe_open(const struct sg_probe_opts *o, char *why, size_t n);

/* Called once per record, in ring-buffer order.  Return non-zero to stop
 * the current drain early (e.g. -n reached). */
typedef int (*sg_record_fn)(void *ctx, const void *rec, size_t len);

/*
 * Wait up to timeout_ms for records and deliver all that are there.  The
 * probe does not wake the reader per event (BPF_RB_NO_WAKEUP; a wakeup is
 * forced only when much data is pending), so this sleeps in between drains
 * to batch.  Returns records delivered, or -errno (-EINTR on a signal).
 */
int sg_probe_poll(struct sg_probe *p, int timeout_ms, sg_record_fn fn, void *ctx);

struct sg_probe_cpu {
	uint64_t emitted, lost, lost_match, cut, compat, kfull;
};

struct sg_probe_counters {
	uint64_t emitted; /* records the probe submitted */
	uint64_t lost;    /* records dropped because the ring buffer was full */
	uint64_t lost_match; /* of those, records the filter may select (calls it can
			      * match, pushed-down conditions holding): matches missing */
	uint64_t cut;     /* records cut because the scratch area was too small */
	uint64_t compat;  /* 32-bit calls the filter may select, seen, not decoded */
	uint64_t kfull;   /* calls counted in the kernel under no key (table full) */
	uint32_t ncpu;    /* rows of cpu (possible CPUs), 0 if unreadable */
	struct sg_probe_cpu *cpu; /* per CPU; sg_probe_counters_free() */
};
void sg_probe_counters(struct sg_probe *p, struct sg_probe_counters *c);
void sg_probe_counters_free(struct sg_probe_counters *c);

/*
 * Stop producing: detach every program, so no new record enters the ring.
 * The records already there stay for sg_probe_drain().
 */
void sg_probe_stop(struct sg_probe *p);

/* Longest wait in sg_probe_drain for records a running program is still
 * submitting (they come within microseconds; the bound is for safety). */
#define SG_DRAIN_WAIT_MS 1000

/*
 * After sg_probe_stop(): deliver every record left, without sleeping
 * between drains, until the reader has delivered all the probe counted as
 * sent.  fn should not stop early (a stop leaves records unread).  Returns
 * the probe's final count of records sent.
 */
uint64_t sg_probe_drain(struct sg_probe *p, sg_record_fn fn, void *ctx);

/* The kernel's counts so far (opts.kcount): fn once per key with its
 * total over every CPU.  0, or -errno. */
struct sg_kkey;
typedef void (*sg_kcount_fn)(void *ctx, const struct sg_kkey *key, uint64_t total);
int sg_probe_kcounts(struct sg_probe *p, sg_kcount_fn fn, void *ctx);

/* Read one of the probe's maps through the fd already held: 0 when that
 * works with the capabilities in effect now, -errno when not (older
 * kernels refuse every bpf() call without CAP_BPF when
 * kernel.unprivileged_bpf_disabled is set). */
int sg_probe_ping(struct sg_probe *p);

/* Records the reader has handed to callbacks since the start. */
uint64_t sg_probe_delivered(struct sg_probe *p);

void sg_probe_close(struct sg_probe *p);

#endif /* SG_PROBE_H */
