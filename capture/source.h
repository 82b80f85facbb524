/*
 * The bytes of a capture file: a file, stdin or a memory buffer, plain or
 * gzip (told by its magic, never by its name; concatenated gzip members
 * are read as one stream).  Offsets are in the uncompressed stream: the
 * ones libs and sysdig speak of.
 */
#ifndef SG_CAPTURE_SOURCE_H
#define SG_CAPTURE_SOURCE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct sg_source;

/* path "-" is stdin.  NULL with the reason in err. */
struct sg_source *sg_source_open(const char *path, char *err, size_t errlen);
/* A buffer the caller keeps alive (tests, the fuzz target). */
struct sg_source *sg_source_mem(const void *data, size_t len);
void sg_source_close(struct sg_source *s);

/* Up to n bytes into buf: the count read, less than n only at the end of
 * the stream (or on an error: sg_source_error says which). */
size_t sg_source_read(struct sg_source *s, void *buf, size_t n);
/* Skip n bytes; the count skipped. */
uint64_t sg_source_skip(struct sg_source *s, uint64_t n);
/* Bytes of the uncompressed stream consumed so far. */
uint64_t sg_source_offset(const struct sg_source *s);
/* The size of the uncompressed stream when it is known in advance (a
 * plain regular file or a buffer), else 0. */
uint64_t sg_source_size(const struct sg_source *s);
/* A read error or corrupt compressed data (not a clean end): its text. */
const char *sg_source_error(const struct sg_source *s);
bool sg_source_gzip(const struct sg_source *s);

#endif
