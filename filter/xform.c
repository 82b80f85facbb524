/*
 * Field transformers (libsinsp's tolower, toupper, b64, basename, len),
 * applied to a value at run time.  New text goes into the per-event arena;
 * when it is full the value is reported missing, never cut silently.
 */
#include "filter/bytecode.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

/* Numbers (evt.rawarg of a numeric argument) transform as their text. */
static bool as_text(struct sg_value *v, struct sg_arena *a)
{
	if (v->type == SG_FT_STR || v->type == SG_FT_BYTES || v->type == SG_FT_SYSCALL)
		return true;
	if (v->type != SG_FT_U64 && v->type != SG_FT_S64)
		return false;
	char *buf = sg_arena_alloc(a, 24);
	if (!buf)
		return false;
	int n = v->type == SG_FT_S64 ? snprintf(buf, 24, "%lld", (long long)v->i)
				     : snprintf(buf, 24, "%llu", (unsigned long long)v->u);
	v->type = SG_FT_STR;
	v->s.p = buf;
	v->s.len = (uint32_t)n;
	return true;
}

static bool change_case(struct sg_value *v, struct sg_arena *a, bool upper)
{
	char *out = sg_arena_alloc(a, (size_t)v->s.len + 1);
	if (!out)
		return false;
	for (uint32_t i = 0; i < v->s.len; i++) {
		unsigned char c = (unsigned char)v->s.p[i];
		out[i] = (char)(upper ? toupper(c) : tolower(c));
	}
	out[v->s.len] = '\0';
	v->s.p = out;
	if (v->type == SG_FT_SYSCALL)
		v->type = SG_FT_STR;
	return true;
}

static int b64val(unsigned char c)
{
	if (c >= 'A' && c <= 'Z')
		return c - 'A';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 26;
	if (c >= '0' && c <= '9')
		return c - '0' + 52;
	if (c == '+')
		return 62;
	if (c == '/')
		return 63;
	return -1;
}

/* Standard base64, padding optional; anything else is "no value". */
static bool b64_decode(struct sg_value *v, struct sg_arena *a)
{
	uint32_t len = v->s.len;
	const char *s = v->s.p;
	while (len > 0 && s[len - 1] == '=' && v->s.len - len < 2)
		len--;
	if (len % 4 == 1)
		return false;
	char *out = sg_arena_alloc(a, (size_t)len / 4 * 3 + 3);
	if (!out)
		return false;
	uint32_t n = 0, acc = 0, bits = 0;
	for (uint32_t i = 0; i < len; i++) {
		int d = b64val((unsigned char)s[i]);
		if (d < 0)
			return false;
		acc = (acc << 6) | (uint32_t)d;
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			out[n++] = (char)((acc >> bits) & 0xff);
		}
	}
	out[n] = '\0';
	v->s.p = out;
	v->s.len = n;
	if (v->type == SG_FT_SYSCALL)
		v->type = SG_FT_STR;
	return true;
}

static void basename_of(struct sg_value *v)
{
	const char *p = v->s.p;
	uint32_t i = v->s.len;
	while (i > 0 && p[i - 1] != '/')
		i--;
	v->s.p = p + i;
	v->s.len -= i;
	if (v->type == SG_FT_SYSCALL)
		v->type = SG_FT_STR;
}

bool sg_xform_apply(uint8_t xf, struct sg_value *v, struct sg_arena *a)
{
	if (!as_text(v, a))
		return false;
	switch (xf) {
	case SG_XF_TOLOWER:
		return change_case(v, a, false);
	case SG_XF_TOUPPER:
		return change_case(v, a, true);
	case SG_XF_B64:
		return b64_decode(v, a);
	case SG_XF_BASENAME:
		basename_of(v);
		return true;
	case SG_XF_LEN: {
		uint64_t n = v->s.len;
		v->type = SG_FT_U64;
		v->u = n;
		return true;
	}
	}
	return false;
}
