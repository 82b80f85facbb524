/*
 * The process table: one entry per process (tgid), shared by its threads,
 * kept from the probe's fork / exec / exit records and seeded from /proc.
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

void sg_memo_set(struct sg_memo *m, const char *s, size_t n)
{
	char *d = n <= UINT32_MAX ? malloc(n ? n : 1) : NULL;
	if (!d)
		return;
	memcpy(d, s, n);
	free(m->p);
	m->p = d;
	m->len = (uint32_t)n;
}

void sg_memo_drop(struct sg_memo *m)
{
	free(m->p);
	m->p = NULL;
	m->len = 0;
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
static void clear_argv(struct sg_proc *p, const char *filename, size_t flen)
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


static void copy_header(struct sg_proc *p, const struct sg_rec *r)
{
	size_t n = strnlen(r->comm, SG_COMM_LEN - 1);
	memcpy(p->comm, r->comm, n);
	p->comm[n] = 0;
	p->ppid = r->ppid;
	p->uid = r->uid;
	p->gid = r->gid;
	p->loginuid = r->loginuid;
}

/* ---- lookups from events ----------------------------------------------- */

/* An event of a process never seen: read it from /proc, else take what the
 * event header says. */
static struct sg_proc *proc_discover(struct sg_state *st, const struct sg_event *e)
{
	struct sg_proc *p = sg_proc_alloc(e->pid);
	if (!p)
		return NULL;
	p->ppid = e->ppid;
	p->uid = e->uid;
	p->gid = e->gid;
	p->loginuid = e->loginuid;
	size_t n = strnlen(e->comm, SG_COMM_LEN - 1);
	memcpy(p->comm, e->comm, n);
	if (!sg_procfs_load(st, p, true))
		sg_proc_set_container(st, p, e->cgroup_id);
	sg_proc_insert(st, p);
	return p;
}

struct sg_proc *sg_proc_get(struct sg_state *st, const struct sg_event *e)
{
	struct sg_proc *p = sg_state_proc(st, e->pid);
	if (!p)
		p = proc_discover(st, e);
	if (!p)
		return NULL;
	p->last_ts = st->now_ts;
	/* the header is fresher than the table: setuid, reparenting, prctl */
	p->ppid = e->ppid;
	p->uid = e->uid;
	p->gid = e->gid;
	p->loginuid = e->loginuid;
	if (e->tid == e->pid) {
		size_t n = strnlen(e->comm, SG_COMM_LEN - 1);
		memcpy(p->comm, e->comm, n);
		p->comm[n] = 0;
	}
	sg_proc_set_container(st, p, e->cgroup_id);
	return p;
}

static struct sg_proc *proc_for_record(struct sg_state *st, const struct sg_rec *r)
{
	struct sg_proc *p = sg_state_proc(st, r->pid);
	if (p)
		return p;
	struct sg_event e = {
		.pid = r->pid, .tid = r->tid, .ppid = r->ppid, .uid = r->uid,
		.gid = r->gid, .loginuid = r->loginuid, .cgroup_id = r->cgroup_id,
	};
	memcpy(e.comm, r->comm, SG_COMM_LEN);
	e.comm[SG_COMM_LEN - 1] = 0;
	return proc_discover(st, &e);
}

/* ---- records ----------------------------------------------------------- */

void sg_state_exec(struct sg_state *st, const struct sg_rec *r,
		   const struct sg_procinfo *pi, const char *filename, uint32_t flen,
		   const char *args, uint32_t alen, const char *env, uint32_t elen,
		   unsigned cut)
{
	struct sg_proc *p = proc_for_record(st, r);
	if (!p)
		return;
	copy_header(p, r);
	if (pi)
		sg_proc_from_info(st, p, pi);
	/* a capture that faulted must not leave the old image's strings on
	 * the new one: without argv, exe is the file that was run */
	if (args)
		sg_proc_set_argv(p, args, alen);
	else
		clear_argv(p, filename, flen);
	if (env) {
		sg_proc_set_env(p, env, elen);
	} else {
		free(p->env);
		p->env = NULL;
		p->env_len = 0;
	}
	p->args_cut = args && (cut & SG_EXEC_ARGS_CUT);
	p->env_cut = env && (cut & SG_EXEC_ENV_CUT);
	if (filename) {
		/* bprm->filename is what the program passed: may be relative */
		sg_path_join(&st->sb, p->cwd ? p->cwd : "/", filename, flen);
		sg_proc_set_exepath(p, sg_sb_cstr(&st->sb), st->sb.len);
	}
	/* exec leaves one thread; the others are gone */
	p->nthreads = 1;
	sg_fdtab_drop_cloexec(st, p->fds);
	sg_proc_set_container(st, p, r->cgroup_id);
	/* runc exec joins a v1 cgroup just before its exec, and on a hybrid
	 * host the v2 id does not show it: execs are rare, /proc is cheap */
	sg_procfs_cgroup(st, p);
}

static void copy_strings(struct sg_proc *c, const struct sg_proc *pp)
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

/*
 * SG_REC_FORK: the header describes the new task (tid, pid = its tgid,
 * ppid = its parent's tgid).  A thread joins its process; a process starts
 * as a copy of its parent, fd table included.
 */
void sg_state_fork(struct sg_state *st, const struct sg_rec *r,
		   const struct sg_procinfo *pi)
{
	if (r->flags & SG_RECF_THREAD) {
		struct sg_proc *p = proc_for_record(st, r);
		if (p)
			p->nthreads++;
		return;
	}
	struct sg_proc *c = sg_proc_alloc(r->pid);
	if (!c)
		return;
	struct sg_proc *pp = sg_state_proc(st, r->ppid);
	if (pp) {
		copy_strings(c, pp);
		struct sg_fdtab *t = sg_fdtab_copy(st, pp->fds);
		if (t) {
			sg_fdtab_free(st, c->fds);
			c->fds = t;
		}
		c->cgroup_id = pp->cgroup_id;
		memcpy(c->container_id, pp->container_id, sizeof(c->container_id));
		c->in_container = pp->in_container;
		c->sid = pp->sid;
		c->pgid = pp->pgid;
		c->tty = pp->tty;
	}
	copy_header(c, r);
	if (pi)
		sg_proc_from_info(st, c, pi);
	sg_proc_set_container(st, c, r->cgroup_id);
	if (!pp)
		sg_procfs_load(st, c, true);
	sg_proc_insert(st, c);
}

/*
 * A task ended.  Only the thread count changes here: the process itself is
 * dropped by sg_state_after() of its procexit event, so the filter and the
 * output of that event still see it.
 */
void sg_state_exit(struct sg_state *st, const struct sg_rec *r)
{
	struct sg_proc *p = sg_state_proc(st, r->pid);
	if (p && p->nthreads > 1)
		p->nthreads--;
}
