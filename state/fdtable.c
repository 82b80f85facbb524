/*
 * The fd table of one process: a small chained hash keyed by fd number
 * that grows with the process, plus the fd records themselves.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "state/state_int.h"
#include "event/netfmt.h"

static const char *const fdtype_names[] = {
#define SG_FDT_NAME(id, s, c) s,
	SG_FDTYPES(SG_FDT_NAME)
#undef SG_FDT_NAME
};

static const char fdtype_chars[] = {
#define SG_FDT_CHAR(id, s, c) c,
	SG_FDTYPES(SG_FDT_CHAR)
#undef SG_FDT_CHAR
};

const char *sg_fdtype_name(unsigned t)
{
	return t < SG_FDT_MAX ? fdtype_names[t] : "unknown";
}

char sg_fdtype_char(unsigned t)
{
	return t < SG_FDT_MAX ? fdtype_chars[t] : '?';
}

/* ---- fd records -------------------------------------------------------- */

struct sg_fd *sg_fd_new(int64_t num, unsigned type, const char *name, size_t len)
{
	struct sg_fd *f = calloc(1, sizeof(*f));
	if (!f)
		return NULL;
	f->num = num;
	f->type = (uint8_t)type;
	sg_fd_set_name(f, name ? name : "", name ? len : 0);
	if (!f->name) {
		free(f);
		return NULL;
	}
	return f;
}

void sg_fd_free(struct sg_fd *f)
{
	if (!f)
		return;
	sg_memo_drop(&f->name_memo);
	free(f->name);
	free(f->name_raw);
	free(f);
}

/* Name generations, unique across all fds (0 is never handed out), so a
 * new fd never looks like an old one whose name did not change. */
static uint32_t name_gens;

static uint32_t next_gen(void)
{
	if (++name_gens == 0)
		name_gens = 1;
	return name_gens;
}

/* Keeps the old name when memory runs out: a stale name beats a crash. */
void sg_fd_set_name(struct sg_fd *f, const char *name, size_t len)
{
	const char *nul = memchr(name, 0, len);
	if (nul)
		len = (size_t)(nul - name);
	if (len > SG_STR_MAX * 2)
		len = SG_STR_MAX * 2;
	if (f->name && f->name_len1 == len + 1 && memcmp(f->name, name, len) == 0)
		return; /* the same text: not a change (fd.name_changed) */
	char *s = malloc(len + 1);
	if (!s)
		return;
	memcpy(s, name, len);
	s[len] = 0;
	free(f->name);
	f->name = s;
	f->name_len1 = (uint32_t)len + 1;
	sg_memo_drop(&f->name_memo);
	f->name_gen = next_gen();
}

void sg_fd_set_name_raw(struct sg_fd *f, const char *raw, size_t len)
{
	const char *nul = memchr(raw, 0, len);
	if (nul)
		len = (size_t)(nul - raw);
	free(f->name_raw);
	f->name_raw = NULL;
	f->raw_is_name = 0;
	/* most opens pass the absolute path that became the name: no copy */
	if (f->name && f->name_len1 == len + 1 && memcmp(f->name, raw, len) == 0) {
		f->raw_is_name = 1;
		return;
	}
	if (len > SG_STR_MAX)
		len = SG_STR_MAX;
	f->name_raw = malloc(len + 1);
	if (!f->name_raw)
		return;
	memcpy(f->name_raw, raw, len);
	f->name_raw[len] = 0;
}

static struct sg_fd *fd_clone(const struct sg_fd *src)
{
	struct sg_fd *f = sg_fd_new(src->num, src->type, src->name, strlen(src->name));
	if (!f)
		return NULL;
	f->is_server = src->is_server;
	f->netrole = src->netrole;
	f->cloexec = src->cloexec;
	f->openflags = src->openflags;
	f->tuple = src->tuple;
	f->connected = src->connected;
	f->raw_is_name = src->raw_is_name;
	if (src->name_raw)
		sg_fd_set_name_raw(f, src->name_raw, strlen(src->name_raw));
	return f;
}

/* An AF_UNIX address the way /proc/net/unix prints it, so one socket has
 * one name whether an event or a /proc scan named it: a path ends at its
 * NUL; an abstract name (leading NUL) is '@' and all its bytes, each NUL
 * again as '@'.  Text from /proc (already "@x" or a path) stays as is. */
void sg_fd_set_unix_name(struct sg_fd *f, const char *a, size_t n)
{
	char buf[SG_UNIX_NAME_MAX];
	sg_fd_set_name(f, buf, sg_unix_name(buf, a, n));
}

void sg_fd_name_from_tuple(struct sg_state *st, struct sg_fd *f,
			   const char *unix_path, size_t ulen)
{
	struct sg_strbuf *b = &st->sb;

	sg_sb_reset(b);
	if (f->tuple.family == AF_UNIX) {
		/* users look for the socket file (fd.name=/run/docker.sock) */
		sg_fd_set_unix_name(f, unix_path, unix_path ? ulen : 0);
		return;
	}
	if (f->tuple.family != AF_INET && f->tuple.family != AF_INET6)
		return;
	bool connected = f->tuple.rport != 0;
	if (f->is_server && !connected) {
		/* a listening socket has no client: sysdig names it by its
		 * own address, the server side of the tuple text */
		struct sg_tuple t = f->tuple;
		memcpy(t.raddr, t.laddr, sizeof(t.raddr));
		t.rport = t.lport;
		sg_render_tuple(b, &t, false, NULL, 0);
		const char *arrow = strstr(sg_sb_cstr(b), "->");
		const char *s = arrow ? arrow + 2 : sg_sb_cstr(b);
		sg_fd_set_name(f, s, strlen(s));
		return;
	}
	sg_render_tuple(b, &f->tuple, f->is_server, NULL, 0);
	sg_fd_set_name(f, sg_sb_cstr(b), b->len);
}

/* ---- the table --------------------------------------------------------- */

#define FDTAB_MIN 8

struct sg_fdtab *sg_fdtab_new(void)
{
	struct sg_fdtab *t = calloc(1, sizeof(*t));
	if (!t)
		return NULL;
	t->b = calloc(FDTAB_MIN, sizeof(*t->b));
	if (!t->b) {
		free(t);
		return NULL;
	}
	t->mask = FDTAB_MIN - 1;
	return t;
}

void sg_fdtab_free(struct sg_state *st, struct sg_fdtab *t)
{
	if (!t)
		return;
	for (uint32_t i = 0; i <= t->mask; i++) {
		struct sg_fd *f = t->b[i];
		while (f) {
			struct sg_fd *next = f->next;
			sg_fd_free(f);
			f = next;
		}
	}
	st->nfds -= t->n;
	free(t->b);
	free(t);
}

static uint32_t slot(const struct sg_fdtab *t, int64_t num)
{
	return (uint32_t)((uint64_t)num * 0x9e3779b97f4a7c15ull >> 32) & t->mask;
}

struct sg_fd *sg_fdtab_get(struct sg_fdtab *t, int64_t num)
{
	if (!t)
		return NULL;
	for (struct sg_fd *f = t->b[slot(t, num)]; f; f = f->next)
		if (f->num == num)
			return f;
	return NULL;
}

/* Double the buckets at load 1; a failed grow only makes chains longer. */
static void grow(struct sg_fdtab *t)
{
	uint32_t n = (t->mask + 1) * 2;
	struct sg_fd **b = calloc(n, sizeof(*b));
	if (!b)
		return;
	struct sg_fdtab nt = {.b = b, .mask = n - 1};
	for (uint32_t i = 0; i <= t->mask; i++) {
		struct sg_fd *f = t->b[i];
		while (f) {
			struct sg_fd *next = f->next;
			uint32_t s = slot(&nt, f->num);
			f->next = b[s];
			b[s] = f;
			f = next;
		}
	}
	free(t->b);
	t->b = b;
	t->mask = n - 1;
}

struct sg_fd *sg_fdtab_put(struct sg_state *st, struct sg_fdtab *t, struct sg_fd *f)
{
	if (!f)
		return NULL;
	sg_fdtab_del(st, t, f->num);
	if (t->n > t->mask)
		grow(t);
	uint32_t s = slot(t, f->num);
	f->next = t->b[s];
	t->b[s] = f;
	t->n++;
	st->nfds++;
	return f;
}

void sg_fdtab_del(struct sg_state *st, struct sg_fdtab *t, int64_t num)
{
	if (!t)
		return;
	for (struct sg_fd **pp = &t->b[slot(t, num)]; *pp; pp = &(*pp)->next) {
		struct sg_fd *f = *pp;
		if (f->num != num)
			continue;
		*pp = f->next;
		sg_fd_free(f);
		t->n--;
		st->nfds--;
		return;
	}
}

/* Remove every fd matching: cloexec ones (exec), or a number range. */
static void del_where(struct sg_state *st, struct sg_fdtab *t, bool cloexec,
		      uint64_t lo, uint64_t hi)
{
	for (uint32_t i = 0; i <= t->mask; i++) {
		struct sg_fd **pp = &t->b[i];
		while (*pp) {
			struct sg_fd *f = *pp;
			bool drop = cloexec ? f->cloexec
					    : (uint64_t)f->num >= lo && (uint64_t)f->num <= hi;
			if (!drop) {
				pp = &f->next;
				continue;
			}
			*pp = f->next;
			sg_fd_free(f);
			t->n--;
			st->nfds--;
		}
	}
}

void sg_fdtab_drop_cloexec(struct sg_state *st, struct sg_fdtab *t)
{
	if (t)
		del_where(st, t, true, 0, 0);
}

void sg_fdtab_del_range(struct sg_state *st, struct sg_fdtab *t, uint64_t lo, uint64_t hi)
{
	if (t)
		del_where(st, t, false, lo, hi);
}

void sg_fdtab_cloexec_range(struct sg_fdtab *t, uint64_t lo, uint64_t hi)
{
	for (uint32_t i = 0; t && i <= t->mask; i++)
		for (struct sg_fd *f = t->b[i]; f; f = f->next)
			if ((uint64_t)f->num >= lo && (uint64_t)f->num <= hi)
				f->cloexec = 1;
}

struct sg_fdtab *sg_fdtab_copy(struct sg_state *st, const struct sg_fdtab *src)
{
	struct sg_fdtab *t = sg_fdtab_new();
	if (!t || !src)
		return t;
	for (uint32_t i = 0; i <= src->mask; i++)
		for (const struct sg_fd *f = src->b[i]; f; f = f->next)
			sg_fdtab_put(st, t, fd_clone(f));
	return t;
}

uint32_t sg_state_fd_count(const struct sg_proc *p)
{
	const struct sg_fdtab *t = p ? p->fds : NULL;
	return t ? t->n : 0;
}
