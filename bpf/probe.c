/*
 * Loading the embedded probe: open the skeleton, write its settings
 * (selection, capture specs, pushdown, snaplen, wakeup threshold) into
 * rodata, size the maps, load, attach.  The only file that includes the
 * generated skeleton.
 */
#include "bpf/probe.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <bpf/bpf.h>
#include <bpf/btf.h>
#include <bpf/libbpf.h>
#include <linux/types.h>

#include "bpf/features.h"
#include "bpf/reader.h"
#include "event/abi.h"
#include "event/syscalls.h"
#include "sysgrep.skel.h"

#define SG_RINGBUF_DEFAULT (8u << 20)
#define SG_RINGBUF_MIN (64u << 10)
#define SG_RINGBUF_MAX (1u << 30)

struct sg_probe {
	struct sysgrep_bpf *skel;
	struct sg_reader *reader;
	uint32_t kcount;
	int ncpu;
	uint64_t *vals; /* a per-CPU value, ncpu of them */
};

/* -v: libbpf's warnings and notes (a verifier log comes as a warning);
 * its debug level narrates every relocation: only with -vv. */
static int libbpf_verbosity; /* libbpf's print callback has no context */

static int print_verbose(enum libbpf_print_level level, const char *fmt, va_list ap)
{
	if (level == LIBBPF_DEBUG && libbpf_verbosity < 2)
		return 0;
	return vfprintf(stderr, fmt, ap);
}

static int print_quiet(enum libbpf_print_level level, const char *fmt, va_list ap)
{
	return 0;
}

/* The ring buffer size: a power of two the kernel accepts. */
static uint32_t ringbuf_size(uint32_t want)
{
	uint32_t sz = SG_RINGBUF_MIN;

	if (!want)
		return SG_RINGBUF_DEFAULT;
	while (sz < want && sz < SG_RINGBUF_MAX)
		sz <<= 1;
	return sz;
}

/* The capture list of syscall def: its CAP params, in order, then the
 * kernel path of the new fd (SG_SC_KPATH). */
static void spec_of(const struct sg_syscall_def *d, struct sg_spec *s)
{
	unsigned n = 0;

	memset(s, 0, sizeof(*s));
	for (unsigned i = 0; d && i < d->nparams && n < SG_MAX_CAPS; i++) {
		const struct sg_param_def *p = &d->params[i];

		if (p->src != SG_SRC_CAP)
			continue;
		s->cap[n].kind = p->cap;
		s->cap[n].arg = p->arg;
		s->cap[n].aux = p->aux;
		s->cap[n].flags = p->capflags;
		n++;
	}
	/* after the params' captures, as the decoder reads it */
	if (d && (d->flags & SG_SC_KPATH) && n < SG_MAX_CAPS)
		s->cap[n] = (struct sg_cap){.kind = SG_CAP_RES_PATH, .flags = SG_CAPF_ON_SUCCESS};
}

static void set_specs(struct sysgrep_bpf *sk)
{
	unsigned count = sg_syscall_count();

	for (unsigned nr = 0; nr < count && nr < SG_MAX_SYSCALLS; nr++)
		spec_of(sg_syscall_by_nr(nr), &sk->rodata->specs[nr]);
}

/*
 * The ia32 numbers of the calls the filter may select, counted when made.
 * A 32-bit call with no native counterpart is counted when the filter may
 * select anything at all (socketcall: any network call), since what it
 * does cannot be told from its number: over-reported, never hidden.
 */
static void set_sel_compat(struct sysgrep_bpf *sk)
{
	volatile __u8 *sel = sk->rodata->sel;
	bool any = false, net = false;

	for (unsigned nr = 0; nr < SG_MAX_SYSCALLS; nr++) {
		const struct sg_syscall_def *d = sg_syscall_by_nr(nr);

		if (!(sel[nr] & SG_SEL_FILTER))
			continue;
		any = true;
		net |= d && d->category == SG_CAT_NET;
	}
	for (unsigned nr32 = 0; nr32 < SG_MAX_SYSCALLS; nr32++) {
		const char *name = sg_syscall_compat_name(nr32);
		unsigned nr = sg_syscall_compat_native(nr32);
		bool want;

		if (!name)
			continue;
		if (nr < SG_MAX_SYSCALLS)
			want = sel[nr] & SG_SEL_FILTER;
		else
			want = strcmp(name, "socketcall") ? any : net;
		if (want)
			sel[nr32] |= SG_SEL_COMPAT;
	}
}

static void set_sel(struct sysgrep_bpf *sk, const struct sg_pushdown *pd)
{
	unsigned count = sg_syscall_count();

	for (unsigned nr = 0; nr < count && nr < SG_MAX_SYSCALLS; nr++) {
		uint8_t s = pd ? pd->sel[nr] & (SG_SEL_FILTER | SG_SEL_STATE | SG_SEL_STATE_DGRAM)
			       : SG_SEL_FILTER;

		if (pd && pd->never)
			s &= (uint8_t)~SG_SEL_FILTER;
		sk->rodata->sel[nr] = s;
	}
	set_sel_compat(sk);
}

/* A list longer than the probe holds is not pushed down at all: cutting
 * it would drop events the filter accepts. */
static uint32_t list_len(uint32_t n)
{
	return n <= SG_PUSH_MAX ? n : 0;
}

static void set_push(struct sysgrep_bpf *sk, const struct sg_pushdown *pd)
{
	struct sg_push *p = (struct sg_push *)&sk->rodata->push;

	memset(p, 0, sizeof(*p));
	if (!pd)
		return;
	p->npid = list_len(pd->npid);
	memcpy(p->pid, pd->pid, p->npid * sizeof(p->pid[0]));
	p->ntid = list_len(pd->ntid);
	memcpy(p->tid, pd->tid, p->ntid * sizeof(p->tid[0]));
	p->nuid = list_len(pd->nuid);
	memcpy(p->uid, pd->uid, p->nuid * sizeof(p->uid[0]));
	p->ncgroup = list_len(pd->ncgroup);
	memcpy(p->cgroup, pd->cgroup, p->ncgroup * sizeof(p->cgroup[0]));
	p->ncomm = list_len(pd->ncomm);
	/* the probe compares 16 NUL-padded bytes */
	for (uint32_t i = 0; i < p->ncomm; i++)
		strncpy(p->comm[i], pd->comm[i], SG_COMM_LEN - 1);
}

static void set_rodata(struct sysgrep_bpf *sk, const struct sg_probe_opts *o, uint32_t rbsize)
{
	/* 0 is a real snaplen (-s 0: sizes and tuples, no data) */
	uint32_t snap = o->snaplen;

	sk->rodata->self_tgid = (uint32_t)getpid();
	sk->rodata->snaplen = snap > SG_SNAPLEN_MAX ? SG_SNAPLEN_MAX : snap;
	/* wake the reader when an eighth of the ring is unread */
	sk->rodata->wake_bytes = rbsize / 8;
	set_sel(sk, o->pd);
	set_specs(sk);
	set_push(sk, o->pd);
	sk->rodata->kcount = o->kcount;
	sk->rodata->sel_procexit = !o->pd || (o->pd->procexit && !o->pd->never) ? SG_SEL_FILTER : 0;
}

/* Whether the kernel's sched_process_exit tracepoint passes group_dead
 * (task, bool): its typedef is a pointer to (void *, task *, bool). */
static bool exit_has_group_dead(void)
{
	struct btf *btf = sg_kernel_btf();
	const struct btf_type *t = NULL;
	bool has = false;
	int id;

	if (!btf)
		return false;
	id = btf__find_by_name_kind(btf, "btf_trace_sched_process_exit", BTF_KIND_TYPEDEF);
	if (id > 0)
		t = btf__type_by_id(btf, btf__resolve_type(btf, id));
	if (t && btf_is_ptr(t))
		t = btf__type_by_id(btf, t->type);
	if (t && btf_is_func_proto(t) && btf_vlen(t) == 3) {
		/* bool is a typedef of _Bool */
		int aid = btf__resolve_type(btf, btf_params(t)[2].type);
		const struct btf_type *a = aid > 0 ? btf__type_by_id(btf, aid) : NULL;

		has = a && btf_is_int(a) && (btf_int_encoding(a) & BTF_INT_BOOL);
	}
	return has;
}

/* Exactly one exit program: the other would not verify, or would not be
 * exact (see sysgrep.bpf.c). */
static void pick_exit(struct sysgrep_bpf *sk)
{
	bool gd = exit_has_group_dead();

	bpf_program__set_autoload(sk->progs.sg_exit_gd, gd);
	bpf_program__set_autoload(sk->progs.sg_exit, !gd);
}

static void load_error(int err, char *why, size_t n)
{
	if (err == EPERM || err == EACCES)
		snprintf(why, n, "the kernel refused to load the probe (%s): run as root, "
			 "and check lockdown and seccomp", strerror(err));
	else if (err == ENOMEM)
		snprintf(why, n, "not enough memory to load the probe: try a smaller "
			 "ring buffer");
	else if (err == E2BIG || err == EINVAL || err == ENOSPC)
		snprintf(why, n, "the kernel's BPF verifier rejected the probe (%s); "
			 "run with -v to see its log", strerror(err));
	else
		snprintf(why, n, "cannot load the probe: %s (run with -v for details)",
			 strerror(err));
}

static int setup(struct sg_probe *p, const struct sg_probe_opts *o, char *why, size_t n)
{
	uint32_t rbsize = ringbuf_size(o->ringbuf_bytes);
	int ncpu = libbpf_num_possible_cpus();
	int err;

	set_rodata(p->skel, o, rbsize);
	pick_exit(p->skel);
	/* the last check that reads the kernel's BTF: libbpf parses its own */
	sg_kernel_btf_release();
	if (ncpu <= 0)
		ncpu = 1;
	/* counting sends nothing: the ring need not be large */
	if (o->kcount)
		rbsize = SG_RINGBUF_MIN;
	if (!(o->kcount & SG_KF_BY))
		bpf_map__set_max_entries(p->skel->maps.kcount_by, 1);
	err = bpf_map__set_max_entries(p->skel->maps.rb, rbsize);
	if (!err)
		err = bpf_map__set_max_entries(p->skel->maps.scratch, (uint32_t)ncpu);
	if (err) {
		snprintf(why, n, "cannot size the probe's maps: %s", strerror(-err));
		return -1;
	}
	err = sysgrep_bpf__load(p->skel);
	if (err) {
		load_error(-err, why, n);
		return -1;
	}
	err = sysgrep_bpf__attach(p->skel);
	if (err) {
		snprintf(why, n, "cannot attach the probe to the syscall and scheduler "
			 "tracepoints: %s", strerror(-err));
		return -1;
	}
	p->reader = sg_reader_new(bpf_map__fd(p->skel->maps.rb));
	if (!p->reader) {
		snprintf(why, n, "cannot read the probe's ring buffer: %s", strerror(errno));
		return -1;
	}
	return 0;
}

struct sg_probe *sg_probe_open(const struct sg_probe_opts *o, char *why, size_t n)
{
	struct sg_probe_opts none = {0};
	struct sg_probe *p;

	if (!o)
		o = &none;
	libbpf_verbosity = o->verbose;
	libbpf_set_print(o->verbose ? print_verbose : print_quiet);
	sg_syscalls_init();
	p = calloc(1, sizeof(*p));
	if (!p) {
		snprintf(why, n, "out of memory");
		return NULL;
	}
	p->skel = sysgrep_bpf__open();
	if (!p->skel) {
		snprintf(why, n, "cannot open the embedded probe: %s", strerror(errno));
		free(p);
		return NULL;
	}
	p->kcount = o->kcount;
	p->ncpu = libbpf_num_possible_cpus();
	p->vals = p->ncpu > 0 ? calloc((size_t)p->ncpu, sizeof(uint64_t)) : NULL;
	if (!p->vals) {
		snprintf(why, n, "out of memory");
		sg_probe_close(p);
		return NULL;
	}
	if (setup(p, o, why, n)) {
		sg_probe_close(p);
		return NULL;
	}
	return p;
}

int sg_probe_poll(struct sg_probe *p, int timeout_ms, sg_record_fn fn, void *ctx)
{
	return sg_reader_poll(p->reader, timeout_ms, fn, ctx);
}

/* Where the per-CPU value of counter k goes. */
static uint64_t *counter_row(struct sg_probe_cpu *c, uint32_t k)
{
	switch (k) {
	case SG_CNT_EMITTED: return &c->emitted;
	case SG_CNT_LOST: return &c->lost;
	case SG_CNT_LOST_MATCH: return &c->lost_match;
	case SG_CNT_SCRATCH: return &c->cut;
	case SG_CNT_COMPAT: return &c->compat;
	case SG_CNT_KFULL: return &c->kfull;
	}
	return NULL;
}

void sg_probe_counters(struct sg_probe *p, struct sg_probe_counters *c)
{
	int ncpu = libbpf_num_possible_cpus();
	struct sg_probe_cpu *cpu;

	memset(c, 0, sizeof(*c));
	if (ncpu <= 0)
		return;
	uint64_t *vals = calloc((size_t)ncpu, sizeof(*vals));

	cpu = calloc((size_t)ncpu, sizeof(*cpu));
	if (!vals || !cpu) {
		free(vals);
		free(cpu);
		return;
	}
	int fd = bpf_map__fd(p->skel->maps.counters);

	for (uint32_t k = 0; k < SG_CNT_MAX; k++) {
		if (bpf_map_lookup_elem(fd, &k, vals))
			continue;
		for (int i = 0; i < ncpu; i++) {
			uint64_t *row = counter_row(&cpu[i], k);

			if (row)
				*row = vals[i];
		}
	}
	free(vals);
	for (int i = 0; i < ncpu; i++) {
		c->emitted += cpu[i].emitted;
		c->lost += cpu[i].lost;
		c->lost_match += cpu[i].lost_match;
		c->cut += cpu[i].cut;
		c->compat += cpu[i].compat;
		c->kfull += cpu[i].kfull;
	}
	c->ncpu = (uint32_t)ncpu;
	c->cpu = cpu;
}

void sg_probe_counters_free(struct sg_probe_counters *c)
{
	free(c->cpu);
	c->cpu = NULL;
	c->ncpu = 0;
}

void sg_probe_stop(struct sg_probe *p)
{
	if (p && p->skel)
		sysgrep_bpf__detach(p->skel);
}

/* What the probe has counted as sent so far. */
static uint64_t emitted_now(struct sg_probe *p)
{
	struct sg_probe_counters c;

	sg_probe_counters(p, &c);
	sg_probe_counters_free(&c);
	return c.emitted;
}

uint64_t sg_probe_drain(struct sg_probe *p, sg_record_fn fn, void *ctx)
{
	/* a program already running when its link went may still submit,
	 * and a record reserved but not yet submitted holds back the ones
	 * after it: read until all the probe counted as sent has come */
	for (int waited_ms = 0;; ) {
		int n = sg_reader_poll(p->reader, 0, fn, ctx);

		if (n > 0)
			continue;
		uint64_t sent = emitted_now(p);

		if (sg_reader_delivered(p->reader) >= sent || waited_ms >= SG_DRAIN_WAIT_MS)
			return sent;
		usleep(1000);
		waited_ms++;
	}
}

/* The sum over CPUs of one per-CPU value of map fd at key. */
static int sum_cpus(struct sg_probe *p, int fd, const void *key, uint64_t *total)
{
	if (bpf_map_lookup_elem(fd, key, p->vals))
		return -errno;
	*total = 0;
	for (int i = 0; i < p->ncpu; i++)
		*total += p->vals[i];
	return 0;
}

int sg_probe_kcounts(struct sg_probe *p, sg_kcount_fn fn, void *ctx)
{
	uint64_t total;

	if (!(p->kcount & SG_KF_BY)) {
		int fd = bpf_map__fd(p->skel->maps.kcount_nr);
		uint32_t last = p->kcount & SG_KF_TYPE ? SG_KNR_PROCEXIT : 0;

		for (uint32_t nr = 0; nr <= last; nr++) {
			struct sg_kkey k = {.nr = nr};
			int err = sum_cpus(p, fd, &nr, &total);
			if (err)
				return err;
			if (total)
				fn(ctx, &k, total);
		}
		return 0;
	}
	int fd = bpf_map__fd(p->skel->maps.kcount_by);
	struct sg_kkey k, next;
	const void *prev = NULL;

	while (bpf_map_get_next_key(fd, prev, &next) == 0) {
		k = next;
		prev = &k;
		/* a key deleted meanwhile (none are) would only be skipped */
		if (sum_cpus(p, fd, &k, &total) == 0 && total)
			fn(ctx, &k, total);
	}
	return 0;
}

int sg_probe_ping(struct sg_probe *p)
{
	uint32_t k = SG_CNT_EMITTED;

	if (bpf_map_lookup_elem(bpf_map__fd(p->skel->maps.counters), &k, p->vals))
		return -errno;
	return 0;
}

uint64_t sg_probe_delivered(struct sg_probe *p)
{
	return sg_reader_delivered(p->reader);
}

void sg_probe_close(struct sg_probe *p)
{
	if (!p)
		return;
	sg_reader_free(p->reader);
	sysgrep_bpf__destroy(p->skel);
	free(p->vals);
	free(p);
}
