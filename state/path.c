/*
 * Path arithmetic for fd names, cwd and fs.path.*: join a relative path to
 * its base and normalise it lexically (".", "..", "//"), as sysdig does.
 * Symlinks are not followed: the result names what the program asked for.
 */
#include <string.h>

#include "state/state_int.h"

/* Append one component to out, which holds "/" or "/a/b". */
static void push_component(struct sg_strbuf *out, const char *c, size_t n)
{
	if (!out->p)
		return; /* out of memory: the text is cut, never overrun */
	if (n == 1 && c[0] == '.')
		return;
	if (n == 2 && c[0] == '.' && c[1] == '.') {
		/* "/.." stays "/" as in the kernel */
		while (out->len > 1 && out->p[out->len - 1] != '/')
			out->len--;
		if (out->len > 1)
			out->len--;
		out->p[out->len] = 0;
		return;
	}
	if (out->len > 1)
		sg_sb_putc(out, '/');
	sg_sb_put(out, c, n);
}

static void push_all(struct sg_strbuf *out, const char *s, size_t n)
{
	size_t i = 0;

	while (i < n) {
		while (i < n && s[i] == '/')
			i++;
		size_t start = i;
		while (i < n && s[i] != '/')
			i++;
		if (i > start)
			push_component(out, s + start, i - start);
	}
}

void sg_path_join(struct sg_strbuf *out, const char *base, const char *rel, size_t rlen)
{
	const char *nul = memchr(rel, 0, rlen);
	if (nul)
		rlen = (size_t)(nul - rel);
	sg_sb_reset(out);
	sg_sb_putc(out, '/');
	if (!(rlen && rel[0] == '/') && base)
		push_all(out, base, strlen(base));
	push_all(out, rel, rlen);
}
