/*
 * Users and groups from /etc/passwd and /etc/group, parsed here because the
 * binary is static (no NSS).  Each file is cached sorted by id and re-read
 * when it changes; the change check (one stat) runs at most once a second.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "state/state_int.h"

#define IDFILE_MAX (16 * 1024 * 1024)

void sg_idfile_init(struct sg_idfile *f, const char *base)
{
	memset(f, 0, sizeof(*f));
	f->base = base;
	f->checked = -1;
}

/* Drop the entries, keeping their text alive one more generation: a
 * caller (the filter VM) may still hold a name from the current event. */
static void idfile_retire(struct sg_idfile *f)
{
	free(f->old_v);
	free(f->old_text);
	f->old_v = f->v;
	f->old_text = f->text;
	f->v = NULL;
	f->text = NULL;
	f->n = 0;
}

void sg_idfile_free(struct sg_idfile *f)
{
	idfile_retire(f); /* frees the generation before */
	idfile_retire(f); /* and this one */
}

time_t sg_mono_sec(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC_COARSE, &ts);
	return ts.tv_sec;
}

static char *read_file(int fd, size_t size)
{
	if (size > IDFILE_MAX)
		size = IDFILE_MAX;
	char *s = malloc(size + 1);
	if (!s)
		return NULL;
	size_t n = 0;
	while (n < size) {
		ssize_t r = read(fd, s + n, size - n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		n += (size_t)r;
	}
	s[n] = 0;
	return s;
}

/* Split a line at ':' into at most max fields (in place). */
static int split(char *line, char **fld, int max)
{
	int n = 0;
	fld[n++] = line;
	for (char *c = line; *c && n < max; c++) {
		if (*c == ':') {
			*c = 0;
			fld[n++] = c + 1;
		}
	}
	return n;
}

static bool parse_id(const char *s, uint32_t *id)
{
	char *end;
	errno = 0;
	unsigned long v = strtoul(s, &end, 10);
	if (end == s || *end || errno || v > UINT32_MAX || s[0] == '-')
		return false;
	*id = (uint32_t)v;
	return true;
}

static int cmp_ent(const void *a, const void *b)
{
	const struct sg_identry *x = a, *y = b;
	if (x->id != y->id)
		return x->id < y->id ? -1 : 1;
	return x->line < y->line ? -1 : x->line > y->line;
}

/* passwd: name:pw:uid:gid:gecos:home:shell   group: name:pw:gid:members */
static void parse(struct sg_idfile *f, bool users)
{
	size_t cap = 0;
	uint32_t lineno = 0;
	char *save = NULL;
	for (char *l = strtok_r(f->text, "\n", &save); l; l = strtok_r(NULL, "\n", &save)) {
		size_t len = strlen(l);
		if (len && l[len - 1] == '\r')
			l[len - 1] = 0; /* a file edited on Windows */
		char *fld[7];
		int n = split(l, fld, 7);
		lineno++;
		uint32_t id;
		/* NIS "+"/"-" lines and comments name nobody */
		if (n < (users ? 7 : 3) || !fld[0][0] || strchr("+-#", fld[0][0]) ||
		    !parse_id(fld[2], &id))
			continue;
		if (f->n == cap) {
			size_t nc = cap ? cap * 2 : 64;
			struct sg_identry *v = realloc(f->v, nc * sizeof(*v));
			if (!v)
				return;
			f->v = v;
			cap = nc;
		}
		struct sg_identry *e = &f->v[f->n++];
		e->id = id;
		e->line = lineno;
		e->name = fld[0];
		e->gid = 0;
		if (users && !parse_id(fld[3], &e->gid))
			e->gid = 0;
		e->home = users ? fld[5] : NULL;
		e->shell = users ? fld[6] : NULL;
	}
	if (f->n)
		qsort(f->v, f->n, sizeof(*f->v), cmp_ent);
}

static void idfile_reload(struct sg_idfile *f, const char *etc)
{
	char path[PATH_MAX];
	snprintf(path, sizeof(path), "%s/%s", etc, f->base);
	f->checked = sg_mono_sec();
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	struct stat sb;
	if (fd < 0 || fstat(fd, &sb) != 0) {
		if (fd >= 0)
			close(fd);
		idfile_retire(f);
		f->loaded = true;
		f->ino = 0;
		return;
	}
	if (f->loaded && sb.st_ino == f->ino && sb.st_size == f->size &&
	    sb.st_mtim.tv_sec == f->mtime.tv_sec && sb.st_mtim.tv_nsec == f->mtime.tv_nsec) {
		close(fd);
		return;
	}
	idfile_retire(f);
	f->text = read_file(fd, (size_t)sb.st_size);
	close(fd);
	f->loaded = true;
	f->ino = sb.st_ino;
	f->size = sb.st_size;
	f->mtime = sb.st_mtim;
	if (f->text)
		parse(f, strcmp(f->base, "passwd") == 0);
}

void sg_idfile_set_text(struct sg_idfile *f, char *text)
{
	idfile_retire(f);
	f->text = text;
	f->loaded = f->fixed = true;
	if (f->text)
		parse(f, strcmp(f->base, "passwd") == 0);
}

const struct sg_identry *sg_idfile_get(struct sg_idfile *f, const char *etc, uint32_t id)
{
	if (!f->fixed && (!f->loaded || sg_mono_sec() != f->checked))
		idfile_reload(f, etc);
	size_t lo = 0, hi = f->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (f->v[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < f->n && f->v[lo].id == id ? &f->v[lo] : NULL;
}

const char *sg_user_name(struct sg_state *st, uint32_t uid)
{
	const struct sg_identry *e = st ? sg_idfile_get(&st->passwd, st->etc, uid) : NULL;
	return e ? e->name : NULL;
}

const char *sg_user_home(struct sg_state *st, uint32_t uid)
{
	const struct sg_identry *e = st ? sg_idfile_get(&st->passwd, st->etc, uid) : NULL;
	return e ? e->home : NULL;
}

const char *sg_user_shell(struct sg_state *st, uint32_t uid)
{
	const struct sg_identry *e = st ? sg_idfile_get(&st->passwd, st->etc, uid) : NULL;
	return e ? e->shell : NULL;
}

const char *sg_group_name(struct sg_state *st, uint32_t gid)
{
	const struct sg_identry *e = st ? sg_idfile_get(&st->group, st->etc, gid) : NULL;
	return e ? e->name : NULL;
}

void sg_state_set_etc(struct sg_state *st, const char *dir)
{
	snprintf(st->etc, sizeof(st->etc), "%s", dir && *dir ? dir : "/etc");
	/* force a re-read from the new place */
	st->passwd.loaded = st->group.loaded = false;
}
