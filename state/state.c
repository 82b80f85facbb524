/*
 * The state as the event loop sees it: create and free, and the two calls
 * around the filter (sg_state_before resolves the event's process and fd
 * and applies what the call created; sg_state_after applies removals).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "state/state_int.h"
#include "event/flagtables.h"

#define PROCTAB_MIN 1024

static uint64_t clock_ns(clockid_t id)
{
	struct timespec ts;

	if (clock_gettime(id, &ts) != 0)
		return 0;
	return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

void sg_state_set_clock(struct sg_state *st, uint64_t boot_to_epoch_ns)
{
	if (st)
		st->boot_to_epoch_ns = boot_to_epoch_ns;
}

struct sg_state *sg_state_new(void)
{
	struct sg_state *st = calloc(1, sizeof(*st));
	if (!st)
		return NULL;
	st->pb = calloc(PROCTAB_MIN, sizeof(*st->pb));
	/* one byte past the bound shows a cut, one more for read_at's NUL */
	st->scratch = malloc(SG_PROCFS_ARGS_MAX + 2);
	if (!st->pb || !st->scratch) {
		free(st->pb);
		free(st->scratch);
		free(st);
		return NULL;
	}
	st->pmask = PROCTAB_MIN - 1;
	/* realtime on both sides of boottime, as the live decoder does */
	uint64_t r1 = clock_ns(CLOCK_REALTIME), b = clock_ns(CLOCK_BOOTTIME);
	uint64_t r2 = clock_ns(CLOCK_REALTIME);
	st->boot_to_epoch_ns = r1 / 2 + r2 / 2 - b;
	st->clk_tck = sysconf(_SC_CLK_TCK);
	if (st->clk_tck <= 0)
		st->clk_tck = 100;
	st->reap_at = SG_REAP_MIN;
	st->socks_loaded = -1;
	sg_idfile_init(&st->passwd, "passwd");
	sg_idfile_init(&st->group, "group");
	sg_state_set_etc(st, getenv("SYSGREP_ETC"));
	sg_sb_init(&st->sb);
	sg_sb_init(&st->oldcwd);
	return st;
}

void sg_state_free(struct sg_state *st)
{
	if (!st)
		return;
	for (uint32_t i = 0; i <= st->pmask; i++) {
		struct sg_proc *p = st->pb[i];
		while (p) {
			struct sg_proc *next = p->next;
			sg_proc_destroy(st, p);
			p = next;
		}
	}
	free(st->pb);
	sg_idfile_free(&st->passwd);
	sg_idfile_free(&st->group);
	sg_cgmap_free(&st->cg);
	sg_ctrmeta_free(st->ctrmeta);
	if (st->scan)
		closedir(st->scan); /* stopped before the scan was done */
	sg_sockmap_free(&st->socks);
	sg_sb_free(&st->sb);
	sg_sb_free(&st->oldcwd);
	free(st->scratch);
	free(st);
}

void sg_state_stats(struct sg_state *st, struct sg_state_stats *out)
{
	memset(out, 0, sizeof(*out));
	if (!st)
		return;
	out->procs = st->nprocs;
	out->fds = st->nfds;
	out->procs_dropped = st->procs_dropped;
}

static enum sg_act act_of_event(struct sg_state *st, const struct sg_event *e)
{
	if (e->kind != SG_EV_SYSCALL || !e->def)
		return SG_ACT_NONE;
	if (e->nr >= SG_MAX_SYSCALLS)
		return sg_act_of(e->def);
	if (!st->act[e->nr])
		st->act[e->nr] = (uint8_t)(sg_act_of(e->def) + 1);
	return (enum sg_act)(st->act[e->nr] - 1);
}

#define SG_AT_EMPTY_PATH 0x1000
#define SG_MAP_ANONYMOUS 0x20

static bool num_param(const struct sg_event *e, const char *name, int64_t *v)
{
	return sg_param_num(sg_event_param(e, name), v);
}

/* The fd a call without SG_SC_FD_ARG0 is still about: mmap's "fd"
 * argument, and the dirfd of an *at call given AT_EMPTY_PATH and an empty
 * (or NULL) path, which then works on the dirfd itself (glibc's fstat is
 * newfstatat(fd, "", AT_EMPTY_PATH)).  -1 when there is none. */
/* The "fd" parameter of an event that is an argument (mmap's), found once
 * per syscall: looking it up by name on every event cost more than the
 * rest of the state work for calls that have none. */
static const struct sg_param *fd_arg_param(struct sg_state *st, const struct sg_event *e)
{
	uint8_t k = e->nr < SG_MAX_SYSCALLS && !st->offline ? st->fdarg[e->nr] : 0;

	/* a capture's events leave out what their version lacks: the index
	 * varies, so it is looked up each time there */
	if (!k) {
		const struct sg_param *p = sg_event_param(e, "fd");
		k = p && p->def->type == SG_PT_FD && p->def->src == SG_SRC_ARG
			    ? (uint8_t)(p - e->params + 2) : 1;
		if (e->nr < SG_MAX_SYSCALLS)
			st->fdarg[e->nr] = k;
	}
	return k > 1 && (unsigned)(k - 2) < e->nparams ? &e->params[k - 2] : NULL;
}

static int64_t other_fd(struct sg_state *st, const struct sg_event *e, uint16_t flags)
{
	if (flags & SG_SC_DIRFD_ARG0) {
		/* AT_* flags only: open's flags are another table (whose 0x1000
		 * is O_CLOEXEC in Falco's encoding) */
		const struct sg_param *fp = sg_event_param(e, "flags");
		int64_t v;
		if (!fp || (fp->def->table != SG_TBL_AT_FLAGS &&
			    fp->def->table != SG_TBL_ACCESS_AT_FLAGS) ||
		    !sg_param_num(fp, &v) || !(v & SG_AT_EMPTY_PATH))
			return -1;
		for (unsigned i = 1; i < e->nparams && i < SG_MAX_PARAMS; i++) {
			const struct sg_param *p = &e->params[i];
			if (!p->def || p->def->type != SG_PT_PATH)
				continue;
			bool empty = !(p->flags & SG_PARAM_DATA) || !p->len || !p->data[0];
			return empty ? (int32_t)(uint32_t)e->args[0] : -1;
		}
		return -1;
	}
	const struct sg_param *p = fd_arg_param(st, e);
	if (!p)
		return -1;
	/* mmap: an anonymous map ignores its fd argument */
	int64_t mflags;
	if (!strcmp(e->def->name, "mmap") && num_param(e, "flags", &mflags) &&
	    (mflags & SG_MAP_ANONYMOUS))
		return -1;
	return (int32_t)(uint32_t)p->num;
}

/* The fd an event is about, from the table or else /proc. */
static void resolve_fd(struct sg_state *st, struct sg_event *e, int64_t num, bool ask)
{
	e->fdnum = num;
	e->fd = sg_fdtab_get(e->proc->fds, num);
	if (!e->fd && ask && num >= 0)
		e->fd = sg_procfs_fd(st, e->proc, num);
}

void sg_state_before(struct sg_state *st, struct sg_event *e)
{
	e->state = st;
	e->proc = NULL;
	e->fd = NULL;
	e->fdnum = -1;
	e->fd_name_changed = false;
	if (!st)
		return;
	st->oldcwd_ev = NULL;
	if (e->ts > st->now_ts)
		st->now_ts = e->ts;
	if (st->nprocs >= st->reap_at)
		sg_state_reap(st);
	e->proc = sg_proc_get(st, e);
	if (!e->proc || e->kind != SG_EV_SYSCALL || !e->def)
		return;

	enum sg_act act = act_of_event(st, e);
	uint16_t flags = e->def->flags;
	/* a closed fd is gone from /proc: only the table can name it */
	bool ask = act != SG_ACT_CLOSE && e->res != -EBADF;
	if (flags & SG_SC_FD_ARG0) {
		resolve_fd(st, e, (int32_t)(uint32_t)e->args[0], ask);
	} else if (!(flags & SG_SC_FD_RES)) {
		int64_t num = other_fd(st, e, flags);
		if (num >= 0)
			resolve_fd(st, e, num, ask);
	}
	/* fd.name_changed: libs compares the fd's name before and after the
	 * event; a new fd had no name before */
	uint32_t pre_gen = e->fd ? e->fd->name_gen : 0;
	sg_procevents_before(st, e, act);
	struct sg_fd *made = sg_fdevents_before(st, e, act);
	/* bpf(2) returns an fd for some commands only: the table says which */
	if (made && ((flags & SG_SC_FD_RES) || act == SG_ACT_BPF)) {
		e->fdnum = made->num;
		e->fd = made;
	} else if ((flags & SG_SC_FD_RES) && e->res >= 0 && act != SG_ACT_BPF) {
		e->fdnum = e->res; /* a new fd the table could not learn */
		e->fd = NULL;
	}
	if (e->fdnum >= 0 && e->fd == NULL)
		e->fd = sg_fdtab_get(e->proc->fds, e->fdnum);
	/* generations are unique across fds: a different fd (a new one,
	 * even at the old one's address) never carries the old generation */
	if (e->fd)
		e->fd_name_changed = e->fd->name_gen != pre_gen && sg_fd_name_len(e->fd) > 0;
}

void sg_state_after(struct sg_state *st, struct sg_event *e)
{
	if (!st || !e->proc)
		return;
	if (e->kind == SG_EV_PROCEXIT) {
		if (e->args[0] & SG_RECF_GROUP_DEAD)
			sg_proc_remove(st, e->pid);
		e->proc = NULL;
		e->fd = NULL;
		return;
	}
	enum sg_act act = act_of_event(st, e);
	if (act == SG_ACT_CLOSE || act == SG_ACT_CLOSE_RANGE) {
		sg_fdevents_after(st, e, act);
		e->fd = NULL;
	}
}
