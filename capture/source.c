/*
 * Capture bytes, inflated on the fly when the stream starts with the gzip
 * magic.  zlib's inflate is driven directly (not gzread) so that a memory
 * buffer, a pipe and a file take the same path, and a corrupt stream is an
 * error with its offset rather than a silent end.
 */
#include "capture/source.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#define SG_SRC_CHUNK (1u << 16)

struct sg_source {
	int fd;            /* -1 for a memory buffer */
	bool own_fd;
	const uint8_t *mem;
	size_t mem_len, mem_off;
	uint8_t *in;       /* raw bytes read but not consumed */
	size_t in_len, in_off;
	bool gzip, raw_eof, z_end;
	z_stream z;
	uint64_t offset;   /* uncompressed bytes handed out */
	uint64_t size;
	char err[160];
};

/* Refill the raw buffer; false at the end of the raw input. */
static bool raw_fill(struct sg_source *s)
{
	if (s->raw_eof)
		return false;
	if (s->fd < 0) {
		size_t n = s->mem_len - s->mem_off;
		if (n > SG_SRC_CHUNK)
			n = SG_SRC_CHUNK;
		/* an empty buffer may be NULL: no pointer arithmetic on it */
		if (n)
			memcpy(s->in, s->mem + s->mem_off, n);
		s->mem_off += n;
		s->in_len = n;
		s->in_off = 0;
		if (!n)
			s->raw_eof = true;
		return n > 0;
	}
	for (;;) {
		ssize_t r = read(s->fd, s->in, SG_SRC_CHUNK);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			snprintf(s->err, sizeof(s->err), "read error: %s", strerror(errno));
			s->raw_eof = true;
			return false;
		}
		s->in_len = (size_t)r;
		s->in_off = 0;
		if (!r)
			s->raw_eof = true;
		return r > 0;
	}
}

static size_t raw_read(struct sg_source *s, uint8_t *buf, size_t n)
{
	size_t got = 0;
	while (got < n) {
		if (s->in_off == s->in_len && !raw_fill(s))
			break;
		size_t k = s->in_len - s->in_off;
		if (k > n - got)
			k = n - got;
		memcpy(buf + got, s->in + s->in_off, k);
		s->in_off += k;
		got += k;
	}
	return got;
}

static size_t gz_read(struct sg_source *s, uint8_t *buf, size_t n)
{
	size_t got = 0;
	while (got < n && !s->err[0]) {
		if (s->z_end) {
			/* another member may follow (cat a.gz b.gz) */
			if (s->in_off == s->in_len && !raw_fill(s))
				break;
			if (inflateReset(&s->z) != Z_OK)
				break;
			s->z_end = false;
		}
		if (s->in_off == s->in_len && !raw_fill(s)) {
			if (!s->err[0])
				snprintf(s->err, sizeof(s->err), "the gzip stream ends early");
			break;
		}
		s->z.next_in = s->in + s->in_off;
		s->z.avail_in = (uInt)(s->in_len - s->in_off);
		s->z.next_out = buf + got;
		s->z.avail_out = (uInt)(n - got > (1u << 30) ? (1u << 30) : n - got);
		uInt before = s->z.avail_out;
		int rc = inflate(&s->z, Z_NO_FLUSH);
		got += before - s->z.avail_out;
		s->in_off = s->in_len - s->z.avail_in;
		if (rc == Z_STREAM_END) {
			s->z_end = true;
		} else if (rc != Z_OK && rc != Z_BUF_ERROR) {
			snprintf(s->err, sizeof(s->err), "corrupt gzip data (%s)",
				 s->z.msg ? s->z.msg : "inflate failed");
		}
	}
	return got;
}

static struct sg_source *source_new(void)
{
	struct sg_source *s = calloc(1, sizeof(*s));
	if (!s)
		return NULL;
	s->in = malloc(SG_SRC_CHUNK);
	if (!s->in) {
		free(s);
		return NULL;
	}
	s->fd = -1;
	return s;
}

/* Look at the first bytes: gzip's magic starts inflating. */
static bool source_start(struct sg_source *s)
{
	raw_fill(s);
	if (s->in_len >= 2 && s->in[0] == 0x1f && s->in[1] == 0x8b) {
		s->gzip = true;
		s->size = 0;
		/* 16 + MAX_WBITS: gzip framing only */
		if (inflateInit2(&s->z, 16 + MAX_WBITS) != Z_OK)
			return false;
	}
	return true;
}

struct sg_source *sg_source_open(const char *path, char *err, size_t errlen)
{
	struct sg_source *s = source_new();
	if (!s) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	if (!strcmp(path, "-")) {
		s->fd = STDIN_FILENO;
	} else {
		s->fd = open(path, O_RDONLY | O_CLOEXEC);
		if (s->fd < 0) {
			snprintf(err, errlen, "%s", strerror(errno));
			sg_source_close(s);
			return NULL;
		}
		s->own_fd = true;
	}
	struct stat sb;
	if (fstat(s->fd, &sb) == 0 && S_ISREG(sb.st_mode))
		s->size = (uint64_t)sb.st_size;
	if (fstat(s->fd, &sb) == 0 && S_ISDIR(sb.st_mode)) {
		snprintf(err, errlen, "is a directory");
		sg_source_close(s);
		return NULL;
	}
	if (!source_start(s)) {
		snprintf(err, errlen, "cannot start zlib");
		sg_source_close(s);
		return NULL;
	}
	return s;
}

struct sg_source *sg_source_mem(const void *data, size_t len)
{
	struct sg_source *s = source_new();
	if (!s)
		return NULL;
	s->mem = data;
	s->mem_len = len;
	s->size = len;
	if (!source_start(s)) {
		sg_source_close(s);
		return NULL;
	}
	return s;
}

void sg_source_close(struct sg_source *s)
{
	if (!s)
		return;
	if (s->gzip)
		inflateEnd(&s->z);
	if (s->own_fd)
		close(s->fd);
	free(s->in);
	free(s);
}

size_t sg_source_read(struct sg_source *s, void *buf, size_t n)
{
	size_t got = s->gzip ? gz_read(s, buf, n) : raw_read(s, buf, n);
	s->offset += got;
	return got;
}

uint64_t sg_source_skip(struct sg_source *s, uint64_t n)
{
	uint8_t tmp[4096];
	uint64_t done = 0;
	while (done < n) {
		size_t k = n - done > sizeof(tmp) ? sizeof(tmp) : (size_t)(n - done);
		size_t r = sg_source_read(s, tmp, k);
		done += r;
		if (r < k)
			break;
	}
	return done;
}

uint64_t sg_source_offset(const struct sg_source *s)
{
	return s->offset;
}

uint64_t sg_source_size(const struct sg_source *s)
{
	return s->size;
}

const char *sg_source_error(const struct sg_source *s)
{
	return s->err[0] ? s->err : NULL;
}

bool sg_source_gzip(const struct sg_source *s)
{
	return s->gzip;
}
