/*
 * Ring-buffer consumer: sleep-based batching on top of libbpf's ring_buffer.
 *
 * libbpf registers the map in its epoll set level-triggered, so a wait
 * returns at once while any record is unread: with a steady trickle the
 * reader would spin, draining a few records per wakeup.  We wait instead
 * on our own edge-triggered epoll set: it wakes only on a wakeup the probe
 * forces (unread data crossed its threshold) or at the batch timer.
 */
#include "bpf/reader.h"

#include <errno.h>
#include <stdlib.h>
#include <sys/epoll.h>
#include <unistd.h>

#include <bpf/libbpf.h>

/* libbpf stops a drain on a negative callback result: our "stop" marker. */
#define SG_READER_STOP (-ECANCELED)

struct sg_reader {
	struct ring_buffer *rb;
	int efd;
	sg_record_fn fn;
	void *ctx;
	int delivered;
	uint64_t total; /* every record delivered since the start */
};

/* Records are written by another CPU, so the first read of each misses
 * the cache; start fetching the next record's header while this one is
 * decoded.  It starts 8 bytes (the ring's own header) past this record,
 * rounded up to 8.  A prefetch never faults, even past the mapping. */
static void prefetch_next(const void *data, size_t len)
{
	const char *next = (const char *)data + ((len + 7) & ~(size_t)7) + 8;

	__builtin_prefetch(next);
	__builtin_prefetch(next + 64);
}

static int on_sample(void *vctx, void *data, size_t len)
{
	struct sg_reader *r = vctx;

	prefetch_next(data, len);
	r->delivered++;
	r->total++;
	if (r->fn(r->ctx, data, len))
		return SG_READER_STOP;
	return 0;
}

struct sg_reader *sg_reader_new(int map_fd)
{
	struct sg_reader *r = calloc(1, sizeof(*r));
	struct epoll_event ev = {.events = EPOLLIN | EPOLLET};

	if (!r)
		return NULL;
	r->efd = epoll_create1(EPOLL_CLOEXEC);
	if (r->efd < 0)
		goto fail;
	if (epoll_ctl(r->efd, EPOLL_CTL_ADD, map_fd, &ev) < 0)
		goto fail;
	r->rb = ring_buffer__new(map_fd, on_sample, r, NULL);
	if (!r->rb)
		goto fail;
	return r;
fail:;
	int err = errno;

	sg_reader_free(r);
	errno = err;
	return NULL;
}

/* Deliver what is in the ring now.  Records delivered, or -errno. */
static int drain(struct sg_reader *r)
{
	r->delivered = 0;
	int n = ring_buffer__consume(r->rb);

	if (n == SG_READER_STOP || n >= 0)
		return r->delivered;
	return n;
}

/* Sleep up to ms, or until the probe forces a wakeup.  0 or -errno. */
static int wait_data(struct sg_reader *r, int ms)
{
	struct epoll_event ev[1];

	if (epoll_wait(r->efd, ev, 1, ms) < 0)
		return -errno;
	return 0;
}

int sg_reader_poll(struct sg_reader *r, int timeout_ms, sg_record_fn fn, void *ctx)
{
	int left = timeout_ms;

	r->fn = fn;
	r->ctx = ctx;
	for (;;) {
		int ms = left < 0 || left > SG_READER_BATCH_MS ? SG_READER_BATCH_MS : left;

		if (ms > 0) {
			int err = wait_data(r, ms);

			if (err)
				return err;
		}
		int n = drain(r);

		if (n != 0)
			return n;
		if (left >= 0) {
			left -= ms;
			if (left <= 0)
				return 0;
		}
	}
}

uint64_t sg_reader_delivered(const struct sg_reader *r)
{
	return r->total;
}

void sg_reader_free(struct sg_reader *r)
{
	if (!r)
		return;
	ring_buffer__free(r->rb);
	if (r->efd >= 0)
		close(r->efd);
	free(r);
}
