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

static int write_all(int fd, const char *p, size_t n)
{
	while (n) {
		ssize_t w = write(fd, p, n);
		if (w > 0) {
			p += w;
			n -= (size_t)w;
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

int sg_writer_flush(struct sg_writer *w)
{
	if (w->buf.oom) {
		/* a cut event must not be printed as if it were whole */
		size_t whole = w->whole < w->buf.len ? w->whole : w->buf.len;
		int r = write_all(w->fd, w->buf.p, whole);
		int saved = r ? errno : ENOMEM;
		sg_sb_free(&w->buf);
		w->whole = 0;
		errno = saved;
		return -1;
	}
	int r = write_all(w->fd, w->buf.p, w->buf.len);
	int saved = errno;
	sg_sb_reset(&w->buf);
	w->whole = 0;
	errno = saved;
	return r;
}

int sg_writer_commit(struct sg_writer *w)
{
	if (!w->buf.oom)
		w->whole = w->buf.len;
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
