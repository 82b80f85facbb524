/*
 * The second way state is seeded: from a capture file's process, fd and
 * user lists instead of /proc and /etc.  A state seeded so is offline:
 * nothing about this host (its /proc, /etc/passwd, cgroups, live pids) is
 * ever consulted, because the processes it describes ran elsewhere.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "state/state_int.h"

void sg_state_set_offline(struct sg_state *st)
{
	st->offline = true;
	/* no /etc: an empty list until the capture's user list arrives */
	sg_idfile_set_text(&st->passwd, NULL);
	sg_idfile_set_text(&st->group, NULL);
}

bool sg_state_is_offline(const struct sg_state *st)
{
	return st && st->offline;
}

/* libs' cgroups text ("cpuset=/a\0memory=/b\0...") as /proc/PID/cgroup
 * lines, which the container layer already knows how to read. */
static void seed_container(struct sg_state *st, struct sg_proc *p, const char *cg, uint32_t len)
{
	struct sg_strbuf *b = &st->sb;
	sg_sb_reset(b);
	const char *end = cg + len;
	for (const char *s = cg; s < end;) {
		const char *nul = memchr(s, 0, (size_t)(end - s));
		size_t n = nul ? (size_t)(nul - s) : (size_t)(end - s);
		const char *eq = memchr(s, '=', n);
		if (eq && !memchr(s, '\n', n)) {
			sg_sb_puts(b, "0:");
			sg_sb_put(b, s, (size_t)(eq - s));
			sg_sb_putc(b, ':');
			sg_sb_put(b, eq + 1, n - (size_t)(eq + 1 - s));
			sg_sb_putc(b, '\n');
		}
		s += n + 1;
	}
	if (!b->len)
		return;
	const char *v2 = NULL;
	size_t v2len = 0;
	sg_container_from_procfile(sg_sb_cstr(b), b->len, p->container_id, &v2, &v2len);
	if (strcmp(p->container_id, "host") && p->container_id[0])
		p->in_container = true;
}

struct sg_proc *sg_state_seed_proc(struct sg_state *st, const struct sg_proc_seed *s)
{
	struct sg_proc *p = sg_state_proc(st, s->pid);
	if (p) {
		/* another thread of a process already listed */
		p->nthreads++;
		return p;
	}
	p = sg_proc_alloc(s->pid);
	if (!p)
		return NULL;
	p->ppid = s->ppid;
	p->vpid = s->vpid ? s->vpid : s->pid;
	p->sid = s->sid;
	p->pgid = s->pgid;
	p->tty = s->tty;
	p->uid = s->uid;
	p->gid = s->gid;
	p->loginuid = s->loginuid;
	if (s->comm) {
		size_t n = strnlen(s->comm, SG_COMM_LEN - 1);
		memcpy(p->comm, s->comm, n);
		p->comm[n] = 0;
	}
	if (s->exe)
		sg_proc_set_str(&p->exe, s->exe, strlen(s->exe));
	if (s->exepath && s->exepath[0])
		sg_proc_set_str(&p->exepath, s->exepath, strlen(s->exepath));
	if (s->cwd && s->cwd[0]) {
		/* libs keeps the cwd with a trailing slash; state does not */
		size_t n = strlen(s->cwd);
		while (n > 1 && s->cwd[n - 1] == '/')
			n--;
		sg_proc_set_str(&p->cwd, s->cwd, n);
	}
	if (s->args && s->args_len) {
		/* argv[0] NUL args...: exe comes from the list's own field */
		char *exe = p->exe;
		p->exe = NULL;
		sg_proc_set_argv(p, s->args, s->args_len);
		if (exe) {
			free(p->exe);
			p->exe = exe;
		}
	}
	if (s->env && s->env_len)
		sg_proc_set_env(p, s->env, s->env_len);
	if (s->cgroups && s->cgroups_len)
		seed_container(st, p, s->cgroups, s->cgroups_len);
	if (!p->container_id[0])
		snprintf(p->container_id, sizeof(p->container_id), "host");
	sg_proc_insert(st, p);
	return p;
}

struct sg_fd *sg_state_seed_fd(struct sg_state *st, uint32_t pid, const struct sg_fd_seed *s)
{
	struct sg_proc *p = sg_state_proc(st, pid);
	if (!p)
		return NULL;
	struct sg_fd *f = sg_fd_new(s->num, s->type, s->name, s->name ? s->name_len : 0);
	if (!f)
		return NULL;
	f->openflags = s->openflags;
	f->is_server = s->is_server;
	if (s->tuple) {
		f->tuple = *s->tuple;
		f->netrole = SG_ROLE_KNOWN;
		if (f->tuple.family == AF_INET || f->tuple.family == AF_INET6)
			sg_fd_name_from_tuple(st, f, NULL, 0);
	}
	return sg_fdtab_put(st, p->fds, f);
}

void sg_state_set_cwd(struct sg_state *st, struct sg_proc *p, const char *cwd, size_t n)
{
	(void)st;
	if (p && cwd && n && cwd[0] == '/')
		sg_proc_set_str(&p->cwd, cwd, n);
}

void sg_state_seed_ids(struct sg_state *st, char *passwd, char *group)
{
	if (passwd)
		sg_idfile_set_text(&st->passwd, passwd);
	if (group)
		sg_idfile_set_text(&st->group, group);
}

void sg_state_each_proc(struct sg_state *st, void (*cb)(void *ctx, struct sg_proc *p), void *ctx)
{
	for (uint32_t i = 0; st && i <= st->pmask; i++)
		for (struct sg_proc *p = st->pb[i]; p; p = p->next)
			cb(ctx, p);
}

void sg_proc_each_fd(struct sg_proc *p, void (*cb)(void *ctx, struct sg_fd *f), void *ctx)
{
	struct sg_fdtab *t = p ? p->fds : NULL;
	for (uint32_t i = 0; t && i <= t->mask; i++)
		for (struct sg_fd *f = t->b[i]; f; f = f->next)
			cb(ctx, f);
}

void sg_state_each_id(struct sg_state *st, bool users,
		      void (*cb)(void *ctx, const struct sg_id *id), void *ctx)
{
	struct sg_idfile *f = users ? &st->passwd : &st->group;
	/* load (or re-check) the list before walking it */
	(void)sg_idfile_get(f, st->etc, 0);
	for (size_t i = 0; i < f->n; i++) {
		const struct sg_identry *e = &f->v[i];
		/* the first entry of an id is the one lookups return */
		if (i && f->v[i - 1].id == e->id)
			continue;
		struct sg_id id = {
			.id = e->id, .gid = e->gid, .name = e->name,
			.home = e->home, .shell = e->shell,
		};
		cb(ctx, &id);
	}
}
