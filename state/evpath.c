/*
 * The path an event's parameter names, made absolute as the kernel saw it:
 * relative to the dirfd before it (openat's, renameat's), or to the cwd of
 * the process (the one before the chdir being applied, for that chdir).
 * Above the fd and process tables, since a dirfd may have to be read from
 * /proc; below what events do to them (fdevents.c) and the fields.
 */
#include <fcntl.h>
#include <string.h>

#include "state/state_int.h"

/* The dirfd a path parameter is relative to: the DIRFD parameter just
 * before it (openat's dirfd, renameat's olddirfd / newdirfd), else arg 0
 * for calls flagged so, else the cwd. */
static int64_t dirfd_of(const struct sg_event *e, const struct sg_param *p)
{
	long i = p - e->params;
	if (i > 0 && i < SG_MAX_PARAMS && e->params[i - 1].def &&
	    e->params[i - 1].def->type == SG_PT_DIRFD)
		return (int32_t)(uint32_t)e->params[i - 1].num;
	if (e->def && (e->def->flags & SG_SC_DIRFD_ARG0))
		return (int32_t)(uint32_t)e->args[0];
	return AT_FDCWD;
}

bool sg_state_path(struct sg_event *e, const struct sg_param *p, struct sg_strbuf *out)
{
	if (!p || !(p->flags & SG_PARAM_DATA) || !p->data)
		return false;
	const char *s = (const char *)p->data;
	const char *nul = memchr(s, 0, p->len);
	size_t n = nul ? (size_t)(nul - s) : p->len;
	if (n && s[0] == '/') {
		sg_path_join(out, NULL, s, n);
		return true;
	}
	struct sg_proc *pr = e->proc;
	if (!pr)
		return false;
	int64_t dirfd = dirfd_of(e, p);
	const char *base = pr->cwd;
	/* the chdir being applied: its path was relative to the cwd before */
	if (e->state && e->state->oldcwd_ev == e)
		base = e->state->oldcwd.len ? sg_sb_cstr(&e->state->oldcwd) : NULL;
	if (dirfd != AT_FDCWD) {
		struct sg_fd *f = sg_fdtab_get(pr->fds, dirfd);
		if (!f && e->state && dirfd >= 0)
			f = sg_procfs_fd(e->state, pr, dirfd);
		base = f && f->name[0] == '/' ? f->name : NULL;
	} else if (!n) {
		return false; /* "" without a dirfd names nothing */
	}
	if (!base)
		return false;
	sg_path_join(out, base, s, n);
	return true;
}
