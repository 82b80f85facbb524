/*
 * What the probe's process records and a few process calls say about a
 * process beyond its identity: capabilities, process group and session,
 * start times, the executable's inode and layer.  capset, setsid and
 * setpgid are state calls (sent whatever the filter selects), so
 * thread.cap_* and proc.is_vpgid_leader stay right after them.
 */
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
