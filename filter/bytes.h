/*
 * Byte comparison shared by the VM's inline fast path and compare.c.
 */
#ifndef SG_FILTER_BYTES_H
#define SG_FILTER_BYTES_H

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

/* memcmp(a, b, n) == 0; short strings (names, most paths' prefixes) are
 * compared in place: the call costs more than the bytes. */
static inline bool sg_same_bytes(const char *a, const char *b, uint32_t n)
{
	if (n > 16)
		return memcmp(a, b, n) == 0;
	for (uint32_t i = 0; i < n; i++)
		if (a[i] != b[i])
			return false;
	return true;
}

#endif /* SG_FILTER_BYTES_H */
