/* Filter constants: numbers, booleans, addresses and networks, hex bytes. */
#include "filter/values.h"

#include <arpa/inet.h>
#include <stdlib.h>
#include <string.h>

static int hexdigit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

bool sg_parse_int(const char *s, uint32_t len, __int128 *out)
{
	uint32_t i = 0;
	bool neg = false;
	unsigned base = 10;
	if (len > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
		base = 16;
		i = 2;
	} else if (len > 0 && (s[0] == '+' || s[0] == '-')) {
		neg = s[0] == '-';
		i = 1;
	}
	if (i == len)
		return false;
	unsigned __int128 v = 0;
	for (; i < len; i++) {
		int d = hexdigit(s[i]);
		if (d < 0 || (unsigned)d >= base)
			return false;
		v = v * base + (unsigned)d;
		if (v > UINT64_MAX)
			return false;
	}
	*out = neg ? -(__int128)v : (__int128)v;
	return true;
}

bool sg_parse_bool(const char *s, uint32_t len, bool *out)
{
	if (len == 4 && !memcmp(s, "true", 4)) {
		*out = true;
		return true;
	}
	if (len == 5 && !memcmp(s, "false", 5)) {
		*out = false;
		return true;
	}
	return false;
}

static bool parse_prefix(const char *p, unsigned max, uint8_t *prefix)
{
	unsigned v = 0;
	if (!*p)
		return false;
	for (; *p; p++) {
		if (*p < '0' || *p > '9')
			return false;
		v = v * 10 + (unsigned)(*p - '0');
		if (v > max)
			return false;
	}
	*prefix = (uint8_t)v;
	return true;
}

bool sg_parse_net(const char *s, uint32_t len, uint8_t *family, uint8_t addr[16],
		  uint8_t *prefix)
{
	char buf[64];
	if (len == 0 || len >= sizeof(buf) || memchr(s, '\0', len))
		return false;
	memcpy(buf, s, len);
	buf[len] = '\0';
	char *slash = strchr(buf, '/');
	if (slash)
		*slash = '\0';
	memset(addr, 0, 16);
	if (inet_pton(AF_INET, buf, addr) == 1) {
		*family = 4;
		*prefix = 32;
	} else if (inet_pton(AF_INET6, buf, addr) == 1) {
		*family = 6;
		*prefix = 128;
	} else {
		return false;
	}
	return !slash || parse_prefix(slash + 1, *prefix, prefix);
}

bool sg_parse_hexbytes(const char *s, uint32_t len, char **out, uint32_t *olen)
{
	if (len == 0 || len % 2)
		return false;
	char *b = malloc(len / 2 + 1);
	if (!b)
		return false;
	for (uint32_t i = 0; i < len; i += 2) {
		int hi = hexdigit(s[i]), lo = hexdigit(s[i + 1]);
		if (hi < 0 || lo < 0) {
			free(b);
			return false;
		}
		b[i / 2] = (char)(hi * 16 + lo);
	}
	b[len / 2] = '\0';
	*out = b;
	*olen = len / 2;
	return true;
}
