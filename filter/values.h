/*
 * Parsing of filter constants: integers, booleans, IP addresses and
 * networks, hex byte strings, port service names.  All take (text, len)
 * because a quoted constant may hold any byte, NUL included.
 */
#ifndef SG_VALUES_H
#define SG_VALUES_H

#include <stdbool.h>
#include <stdint.h>

/* [+-]digits or 0xHEX, magnitude at most UINT64_MAX. */
bool sg_parse_int(const char *s, uint32_t len, __int128 *out);

/* "true" or "false". */
bool sg_parse_bool(const char *s, uint32_t len, bool *out);

/* An IPv4/IPv6 address, optionally /prefix.  family is 4 or 6; an address
 * without a prefix gets the full length (32 or 128). */
bool sg_parse_net(const char *s, uint32_t len, uint8_t *family, uint8_t addr[16],
		  uint8_t *prefix);

/* Pairs of hex digits ("2f657463") into bytes; *out is malloc'd. */
bool sg_parse_hexbytes(const char *s, uint32_t len, char **out, uint32_t *olen);

/* Port of a service name from /etc/services (any protocol), or from a
 * built-in table when the file is missing; -1 if unknown. */
int sg_service_port(const char *name, uint32_t len);

/* Same, reading the given services file (tests). */
int sg_service_port_in(const char *path, const char *name, uint32_t len);

#endif /* SG_VALUES_H */
