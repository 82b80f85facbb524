/*
 * The writer: rendered events leave with write(2), each event whole, so
 * lines from one event are never torn apart by a short stdio flush.
 * Unbuffered (the default) writes each event at once, as a line-buffered
 * stream would; --buffered waits for 64 KiB.  A batching caller (the live
 * loop, which flushes after each ring-buffer drain and so before it sleeps)
 * gets one write per drain or per 64 KiB: every event still leaves whole
 * and before sysgrep waits for more, so `sysgrep | grep` stays live.
 */
#include "output/internal.h"

#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

/* stdout may have been left non-blocking by whoever shares it. */
static int wait_writable(int fd)
{
	struct pollfd p = {.fd = fd, .events = POLLOUT};
	int r;
	do
		r = poll(&p, 1, -1);
	while (r < 0 && errno == EINTR);
	return r < 0 ? -1 : 0;
}

/* 0, or -1 with errno; *done = the bytes that went out either way. */
static int write_all(int fd, const char *p, size_t n, size_t *done)
{
	*done = 0;
	while (n) {
		ssize_t w = write(fd, p, n);
		if (w > 0) {
			p += w;
			n -= (size_t)w;
			*done += (size_t)w;
			continue;
		}
		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
			if (wait_writable(fd) < 0)
				return -1;
			continue;
		}
		if (w == 0)
			errno = EIO;
		return -1;
	}
	return 0;
}

/*
 * A write failed after done bytes of buf went out.  In a regular file the
 * bytes past the last whole event are cut off again (ENOSPC part way
 * through an event), so the file holds whole records only; a pipe or a
 * terminal cannot take bytes back.  Only our own last bytes are cut.
 */
static void cut_partial(struct sg_writer *w, size_t done)
{
	struct stat st;
	size_t end = 0;

	if (!done || w->ends_lost || fstat(w->fd, &st) || !S_ISREG(st.st_mode))
		return;
	for (size_t i = 0; i < w->nends && w->ends[i] <= done; i++)
		end = w->ends[i];
	size_t partial = done - end;
	off_t at = lseek(w->fd, 0, SEEK_CUR);

	if (!partial || at < 0 || (uint64_t)at < partial)
		return;
	if (ftruncate(w->fd, at - (off_t)partial) == 0)
		lseek(w->fd, at - (off_t)partial, SEEK_SET);
}

static void reset(struct sg_writer *w)
{
	w->whole = 0;
	w->nends = 0;
	w->ends_lost = false;
}

int sg_writer_flush(struct sg_writer *w)
{
	size_t done;

	if (w->buf.oom) {
		/* a cut event must not be printed as if it were whole */
		size_t whole = w->whole < w->buf.len ? w->whole : w->buf.len;
		int r = write_all(w->fd, w->buf.p, whole, &done);
		int saved = r ? errno : ENOMEM;
		if (r)
			cut_partial(w, done);
		sg_sb_free(&w->buf);
		reset(w);
		errno = saved;
		return -1;
	}
	int r = write_all(w->fd, w->buf.p, w->buf.len, &done);
	int saved = errno;
	if (r)
		cut_partial(w, done);
	sg_sb_reset(&w->buf);
	reset(w);
	errno = saved;
	return r;
}

/* Where the event just completed ends. */
static void note_end(struct sg_writer *w)
{
	if (w->ends_lost)
		return;
	if (w->nends == w->capends) {
		size_t cap = w->capends ? 2 * w->capends : 256;
		size_t *n = realloc(w->ends, cap * sizeof(*n));
		if (!n) {
			w->ends_lost = true;
			return;
		}
		w->ends = n;
		w->capends = cap;
	}
	w->ends[w->nends++] = w->buf.len;
}

void sg_writer_free(struct sg_writer *w)
{
	sg_sb_free(&w->buf);
	free(w->ends);
	w->ends = NULL;
	w->nends = w->capends = 0;
}

int sg_writer_commit(struct sg_writer *w)
{
	if (!w->buf.oom) {
		w->whole = w->buf.len;
		note_end(w);
	}
	if ((w->buffered || w->batch) && w->buf.len < SG_WRITER_FLUSH_AT && !w->buf.oom)
		return 0;
	return sg_writer_flush(w);
}

void sg_writer_rewind(struct sg_writer *w, size_t mark)
{
	if (mark > w->buf.len)
		return;
	w->buf.len = mark;
	if (w->buf.p)
		w->buf.p[mark] = 0;
}
