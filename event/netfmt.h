/*
 * Text of IP addresses, socket tuples and unix socket names: one rule for
 * the arguments of events and for the fd names the state layer builds.
 */
#ifndef SG_NETFMT_H
#define SG_NETFMT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "event/strbuf.h"

struct sg_tuple; /* event/abi.h */

/* Text of a tuple: "1.2.3.4:5->6.7.8.9:10", "[::1]:5->[::1]:6", unix path. */
void sg_render_tuple(struct sg_strbuf *b, const struct sg_tuple *t, bool server_first,
		     const char *unix_path, uint32_t unix_len);

/* The name of a unix socket address, the same from events and from /proc:
 * a path ends at its NUL; an abstract name (leading NUL) is '@' and all its
 * bytes, each NUL again '@', as /proc/net/unix shows it.  Returns its
 * length in out (not NUL terminated). */
#define SG_UNIX_NAME_MAX 108
size_t sg_unix_name(char out[SG_UNIX_NAME_MAX], const char *a, size_t n);

/* Text of an IP address (no brackets). */
void sg_render_ip(struct sg_strbuf *b, int family, const uint8_t *addr);

/* Text of a struct sockaddr as a program passed it (network byte order):
 * "1.2.3.4:80", "[::1]:80", a unix name, or "NULL". */
void sg_render_sockaddr(struct sg_strbuf *b, const uint8_t *d, uint32_t len);

/* Bytes of s up to its first NUL, at most n (0 for NULL). */
uint32_t sg_strnlen32(const char *s, uint32_t n);

#endif /* SG_NETFMT_H */
