/*
 * The ring-buffer consumer.  The probe does not wake the reader per event,
 * so the reader sleeps between drains (a short timer, or earlier when the
 * probe forces a wakeup because much data is pending) and then delivers
 * everything that is there in one go.
 */
#ifndef SG_READER_H
#define SG_READER_H

#include "bpf/probe.h"

/* Longest sleep between two drains: bounds the delay of an event. */
#define SG_READER_BATCH_MS 10

struct sg_reader;

/* A reader of the BPF ring buffer map map_fd; NULL with errno set. */
struct sg_reader *sg_reader_new(int map_fd);

/* As sg_probe_poll: records delivered, 0 on timeout, or -errno. */
int sg_reader_poll(struct sg_reader *r, int timeout_ms, sg_record_fn fn, void *ctx);

/* Records delivered to callbacks since the start. */
uint64_t sg_reader_delivered(const struct sg_reader *r);

void sg_reader_free(struct sg_reader *r);

#endif /* SG_READER_H */
