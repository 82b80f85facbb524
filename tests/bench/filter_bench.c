/*
 * Filter cost on hand-built events: compile time, then ns per event of a
 * typical three-clause filter and of a 50-element 'in' list, each on a
 * matching and a non-matching event.  Budget: < 50 ns/event, < 1 ms to
 * compile.
 *
 *   make BUILD=build
 *   cc -O2 -std=gnu11 -D_GNU_SOURCE -I. -Ibuild tests/bench/filter_bench.c \
 *      build/libsysgrep.a -lbpf -lelf -lz -lzstd -lpcre2-8 -o build/filter_bench
 *   build/filter_bench [iterations]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "state/state.h"
#include "event/strbuf.h"
#include "event/syscalls.h"
#include "filter/filter.h"

static double now_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

static void make_event(struct sg_event *e, struct sg_fd *fd, const char *type,
		       const char *comm, const char *path)
{
	unsigned nr;
	memset(e, 0, sizeof(*e));
	e->kind = SG_EV_SYSCALL;
	e->def = sg_syscall_by_name(type, &nr);
	e->nr = (uint16_t)nr;
	e->pid = e->tid = 1234;
	e->res = 3;
	snprintf(e->comm, sizeof(e->comm), "%s", comm);
	/* as the state layer makes them: the name measured once */
	*fd = (struct sg_fd){ .num = 3, .type = SG_FDT_FILE, .name = (char *)path,
			      .name_len1 = (uint32_t)strlen(path) + 1 };
	e->fd = fd;
	e->fdnum = 3;
}

static struct sg_filter *compile_timed(const char *text, double *ns)
{
	struct sg_diag d = { .what = "filter" };
	struct sg_filter *f = NULL;
	double t0 = now_ns();
	enum { REPS = 100 };
	for (int i = 0; i < REPS; i++) {
		sg_filter_free(f);
		f = sg_filter_compile(text, &d);
	}
	*ns = (now_ns() - t0) / REPS;
	if (!f)
		sg_diag_print(&d, stderr);
	return f;
}

static double run(struct sg_filter *f, struct sg_event *e, struct sg_arena *a, long iters,
		  long *matched)
{
	*matched = 0;
	double t0 = now_ns();
	for (long i = 0; i < iters; i++) {
		sg_arena_reset(a);
		*matched += sg_filter_match(f, e, a);
	}
	return (now_ns() - t0) / (double)iters;
}

static int bench(const char *label, const char *text, struct sg_event *hit,
		 struct sg_event *miss, long iters)
{
	double cns;
	struct sg_filter *f = compile_timed(text, &cns);
	if (!f)
		return 1;
	struct sg_arena a;
	sg_arena_init(&a, 1 << 16);
	long m1, m2;
	double hit_ns = run(f, hit, &a, iters, &m1);
	double miss_ns = run(f, miss, &a, iters, &m2);
	printf("%-14s compile %8.1f us   match %6.1f ns/event   no match %6.1f ns/event\n",
	       label, cns / 1e3, hit_ns, miss_ns);
	sg_arena_free(&a);
	sg_filter_free(f);
	/* the results must be right, or the timing means nothing */
	if (m1 != iters || m2 != 0) {
		fprintf(stderr, "filter_bench: %s: wrong results (%ld, %ld)\n", label, m1, m2);
		return 1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	long iters = argc > 1 ? atol(argv[1]) : 5000000;
	if (iters <= 0)
		iters = 5000000;
	sg_syscalls_init();
	struct sg_event hit, miss;
	struct sg_fd fh, fm;
	make_event(&hit, &fh, "openat", "bash", "/etc/passwd");
	make_event(&miss, &fm, "read", "cat", "/home/al/notes");

	int rc = bench("three-clause",
		       "evt.type=openat and proc.name=bash and fd.name startswith /etc", &hit,
		       &miss, iters);

	struct sg_strbuf b;
	sg_sb_init(&b);
	sg_sb_puts(&b, "proc.name in (");
	for (int i = 0; i < 49; i++)
		sg_sb_printf(&b, "name%02d, ", i);
	sg_sb_puts(&b, "bash)");
	rc |= bench("in-50", sg_sb_cstr(&b), &hit, &miss, iters);
	sg_sb_free(&b);
	return rc;
}
