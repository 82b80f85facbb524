/*
 * The process table: one entry per process (tgid), shared by its threads,
 * its strings and its lookup by pid.  What fills it sits above: procfs.c
 * (/proc), procevents.c (the fork / exec / exit records), seed.c (a
 * capture's lists).
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "state/state_int.h"

/* ---- entries ----------------------------------------------------------- */

/* sg_proc.gen: one counter for every entry, so that an entry freed and
 * another allocated at the same address never share a generation. */
static uint64_t next_gen;

struct sg_proc *sg_proc_alloc(uint32_t pid)
{
	struct sg_proc *p = calloc(1, sizeof(*p));
	if (!p)
		return NULL;
	p->gen = ++next_gen;
	p->pid = p->vpid = p->pgid = p->sid = pid;
	p->loginuid = (uint32_t)-1;
	p->nthreads = 1;
	p->fds = sg_fdtab_new();
	if (!p->fds) {
		free(p);
		return NULL;
	}
	return p;
}

void sg_proc_set_exepath(struct sg_proc *p, const char *s, size_t n)
{
	sg_proc_set_str(&p->exepath, s, n);
	sg_memo_drop(&p->exepath_memo);
	p->gen = ++next_gen;
}

static void proc_free_strings(struct sg_proc *p)
{
	sg_memo_drop(&p->exepath_memo);
	free(p->exe);
	free(p->exepath);
	free(p->args);
	free(p->env);
	free(p->cwd);
	p->exe = p->exepath = p->args = p->env = p->cwd = NULL;
	p->args_len = p->env_len = p->nargs = 0;
}

void sg_proc_destroy(struct sg_state *st, struct sg_proc *p)
{
	if (!p)
		return;
	proc_free_strings(p);
	sg_fdtab_free(st, p->fds);
	free(p);
}

/* A NUL-terminated copy of n bytes (which may hold NULs); keeps the old
 * value when memory runs out. */
static char *dup_bytes(const char *s, size_t n)
{
	char *d = malloc(n + 1);
	if (!d)
		return NULL;
	if (n)
		memcpy(d, s, n);
	d[n] = 0;
	return d;
}

void sg_proc_set_str(char **dst, const char *s, size_t n)
{
	const char *nul = s ? memchr(s, 0, n) : NULL;
	if (!s)
		n = 0;
	else if (nul)
		n = (size_t)(nul - s);
	char *d = dup_bytes(s, n);
	if (!d)
		return;
	free(*dst);
	*dst = d;
}

/* argv as the kernel hands it over (argv[0] NUL argv[1] NUL ...): split into
 * exe and the NUL-separated rest.  A missing final NUL (cut) is tolerated. */
void sg_proc_set_argv(struct sg_proc *p, const char *a, size_t n)
{
	const char *nul = memchr(a, 0, n);
	size_t n0 = nul ? (size_t)(nul - a) : n;

	sg_proc_set_str(&p->exe, a, n0);
	const char *rest = nul ? nul + 1 : a + n;
	size_t rn = (size_t)(a + n - rest);
	/* drop the terminator of the last argument: args_len covers text only */
	if (rn && rest[rn - 1] == 0)
		rn--;
	char *d = dup_bytes(rest, rn);
	if (!d)
		return;
	free(p->args);
	p->args = d;
	p->args_len = (uint32_t)rn;
	p->nargs = 0;
	if (!rn)
		return;
	p->nargs = 1;
	for (size_t i = 0; i < rn; i++)
		p->nargs += d[i] == 0;
}

void sg_proc_set_env(struct sg_proc *p, const char *a, size_t n)
{
	if (n && a[n - 1] == 0)
		n--;
	char *d = dup_bytes(a, n);
	if (!d)
		return;
	free(p->env);
	p->env = d;
	p->env_len = (uint32_t)n;
}

/* No argv captured: no args, and exe is the filename (may be NULL). */
void sg_proc_clear_argv(struct sg_proc *p, const char *filename, size_t flen)
{
	free(p->args);
	p->args = NULL;
	p->args_len = 0;
	p->nargs = 0;
	if (filename) {
		sg_proc_set_str(&p->exe, filename, flen);
		return;
	}
	free(p->exe);
	p->exe = NULL;
}

/* ---- the table --------------------------------------------------------- */

static uint32_t pslot(const struct sg_state *st, uint32_t pid)
{
	return (uint32_t)(pid * 0x9e3779b1u) & st->pmask;
}

struct sg_proc *sg_state_proc(struct sg_state *st, uint32_t pid)
{
	if (!st)
		return NULL;
	for (struct sg_proc *p = st->pb[pslot(st, pid)]; p; p = p->next)
		if (p->pid == pid)
			return p;
	return NULL;
}

static void pgrow(struct sg_state *st)
{
	uint32_t n = (st->pmask + 1) * 2;
	struct sg_proc **b = calloc(n, sizeof(*b));
	if (!b)
		return;
	uint32_t old = st->pmask;
	struct sg_proc **ob = st->pb;
	st->pb = b;
	st->pmask = n - 1;
	for (uint32_t i = 0; i <= old; i++) {
		struct sg_proc *p = ob[i];
		while (p) {
			struct sg_proc *next = p->next;
			uint32_t s = pslot(st, p->pid);
			p->next = b[s];
			b[s] = p;
			p = next;
		}
	}
	free(ob);
}

/* Insert, replacing a stale entry of the same pid (pid reuse). */
void sg_proc_insert(struct sg_state *st, struct sg_proc *p)
{
	sg_proc_remove(st, p->pid);
	if (st->nprocs > st->pmask)
		pgrow(st);
	/* a capture's process with no cgroups: the host, as sysdig says */
	if (st->offline && !p->container_id[0])
		memcpy(p->container_id, "host", 5);
	uint32_t s = pslot(st, p->pid);
	p->next = st->pb[s];
	st->pb[s] = p;
	p->last_ts = st->now_ts;
	st->nprocs++;
}

void sg_proc_remove(struct sg_state *st, uint32_t pid)
{
	for (struct sg_proc **pp = &st->pb[pslot(st, pid)]; *pp; pp = &(*pp)->next) {
		struct sg_proc *p = *pp;
		if (p->pid != pid)
			continue;
		*pp = p->next;
		st->nprocs--;
		sg_proc_destroy(st, p);
		return;
	}
}

struct sg_fd *sg_state_fd(struct sg_state *st, uint32_t pid, int64_t fd)
{
	struct sg_proc *p = sg_state_proc(st, pid);
	return p ? sg_fdtab_get(p->fds, fd) : NULL;
}

/*
 * Drop the processes that died while their exit record was lost: without
 * this a full ring buffer would leak entries forever.  Runs when the table
 * has doubled since the last check, so its cost is amortised.
 */
void sg_state_reap(struct sg_state *st)
{
	for (uint32_t i = 0; i <= st->pmask; i++) {
		struct sg_proc **pp = &st->pb[i];
		while (*pp) {
			struct sg_proc *p = *pp;
			bool idle = st->now_ts - p->last_ts > SG_REAP_IDLE_NS;
			/* a capture's pids are not this host's: its processes
			 * end with their procexit events only */
			if (!idle || st->offline || kill((pid_t)p->pid, 0) == 0 ||
			    errno != ESRCH) {
				pp = &p->next;
				continue;
			}
			*pp = p->next;
			st->nprocs--;
			st->procs_dropped++;
			sg_proc_destroy(st, p);
		}
	}
	st->reap_at = st->nprocs * 2 > SG_REAP_MIN ? st->nprocs * 2 : SG_REAP_MIN;
}

/* ---- containers -------------------------------------------------------- */

void sg_proc_set_container(struct sg_state *st, struct sg_proc *p, uint64_t cgid)
{
	if (!cgid || cgid == p->cgroup_id)
		return;
	char cid[sizeof(p->container_id)];
	sg_container_of_cgroup(st, cgid, cid);
	/* a cgroup not found keeps what /proc said when the id was unknown */
	if (cid[0] || p->cgroup_id)
		memcpy(p->container_id, cid, sizeof(cid));
	p->cgroup_id = cgid;
}


void sg_proc_copy_strings(struct sg_proc *c, const struct sg_proc *pp)
{
	if (pp->exe)
		sg_proc_set_str(&c->exe, pp->exe, strlen(pp->exe));
	if (pp->exepath)
		sg_proc_set_exepath(c, pp->exepath, strlen(pp->exepath));
	if (pp->cwd)
		sg_proc_set_str(&c->cwd, pp->cwd, strlen(pp->cwd));
	if (pp->args) {
		c->args = dup_bytes(pp->args, pp->args_len);
		c->args_len = c->args ? pp->args_len : 0;
		c->nargs = c->args ? pp->nargs : 0;
		c->args_cut = c->args && pp->args_cut;
	}
	if (pp->env) {
		c->env = dup_bytes(pp->env, pp->env_len);
		c->env_len = c->env ? pp->env_len : 0;
		c->env_cut = c->env && pp->env_cut;
	}
}
