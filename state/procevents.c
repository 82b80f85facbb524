/*
 * What the probe's process records (fork, exec, exit) and a few process
 * calls do to the process table: the entry an event belongs to (found, or
 * read from /proc when never seen), its image after exec, a child as a copy
 * of its parent, and beyond identity its capabilities, process group and
 * session, start times, the executable's inode and layer.  capset, setsid
 * and setpgid are state calls (sent whatever the filter selects), so
 * thread.cap_* and proc.is_vpgid_leader stay right after them.
 */
#include <stdlib.h>
#include <string.h>

#include "state/state_int.h"

void sg_proc_from_info(struct sg_state *st, struct sg_proc *p, const struct sg_procinfo *pi)
{
	p->vpid = pi->vpid;
	p->sid = pi->sid;
	p->pgid = pi->pgid;
	p->vpgid = pi->vpgid;
	p->tty = pi->tty;
	p->loginuid = pi->loginuid;
	if (pi->pidns_level > 0)
		p->in_container = true;
	p->cap_eff = pi->cap_effective;
	p->cap_prm = pi->cap_permitted;
	p->cap_inh = pi->cap_inheritable;
	p->caps_known = true;
	if (pi->start_ns)
		p->start_ns = sg_state_epoch_ns(st, pi->start_ns);
	p->pidns_start_ns = sg_state_epoch_ns(st, pi->pidns_start_ns);
	p->exe_ino = pi->exe_ino;
	p->exe_ctime_ns = pi->exe_ctime_ns;
	p->exe_mtime_ns = pi->exe_mtime_ns;
	p->exe_flags = (uint8_t)pi->exe_flags;
	p->fdlimit = pi->fdlimit;
	p->maj_flt = pi->maj_flt;
	p->min_flt = pi->min_flt;
	p->vm_size_kb = pi->vm_size_kb;
	p->vm_rss_kb = pi->vm_rss_kb;
	p->vm_swap_kb = pi->vm_swap_kb;
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
		sg_proc_clear_argv(p, filename, flen);
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
		sg_proc_copy_strings(c, pp);
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

/* capset(2) succeeded: its data is two struct __user_cap_data_struct
 * (effective, permitted, inheritable: low 32 bits, then high). */
static void on_capset(struct sg_event *e)
{
	const struct sg_param *d = sg_event_param(e, "data");
	uint32_t w[6];

	if (e->res != 0 || !d || !(d->flags & SG_PARAM_DATA) || d->len < sizeof(w))
		return;
	/* capset(hdr, data) on another process is refused since 2.6.24:
	 * the caller's own capabilities are what changed */
	memcpy(w, d->data, sizeof(w));
	struct sg_proc *p = e->proc;
	p->cap_eff = (uint64_t)w[3] << 32 | w[0];
	p->cap_prm = (uint64_t)w[4] << 32 | w[1];
	p->cap_inh = (uint64_t)w[5] << 32 | w[2];
	p->caps_known = true;
}

/* setsid(2): the caller leads a new session and process group. */
static void on_setsid(struct sg_event *e)
{
	if (e->res < 0)
		return;
	struct sg_proc *p = e->proc;
	p->sid = p->pgid = p->pid;
	p->vpgid = p->vpid;
}

/* setpgid(2) of the caller itself into a group it leads (the shell's job
 * control does this): other forms name ids of another namespace or
 * process, and the next exec record brings them. */
static void on_setpgid(struct sg_event *e)
{
	struct sg_proc *p = e->proc;
	int64_t pid = (int32_t)(uint32_t)e->args[0], pgid = (int32_t)(uint32_t)e->args[1];

	if (e->res != 0)
		return;
	bool self = pid == 0 || (uint32_t)pid == p->vpid;
	if (self && (pgid == 0 || (uint32_t)pgid == p->vpid)) {
		p->pgid = p->pid;
		p->vpgid = p->vpid;
	}
}

void sg_procevents_before(struct sg_state *st, struct sg_event *e, enum sg_act act)
{
	(void)st;
	switch (act) {
	case SG_ACT_CAPSET: on_capset(e); break;
	case SG_ACT_SETSID: on_setsid(e); break;
	case SG_ACT_SETPGID: on_setpgid(e); break;
	default: break;
	}
}
