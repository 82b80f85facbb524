/*
 * make bench: how sysgrep should seed its process and fd tables at start.
 * Times, best of RUNS, (1) sysgrep's own /proc scan (sg_state_scan_proc:
 * every process's stat, status, cmdline, environ, cwd, exe, fds and their
 * fdinfo, /proc/net for sockets) and (2) BPF task and task_file iterators
 * (iter.bpf.o) listing the same processes and fds, without the strings
 * only /proc gives (argv, environ, paths).
 * Usage: seed_bench ITER.bpf.o [RUNS]
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include <bpf/bpf.h>
#include <bpf/libbpf.h>

#include "state/state.h"

static double now_ms(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static int quiet(enum libbpf_print_level level, const char *fmt, va_list ap)
{
	return level == LIBBPF_WARN ? vfprintf(stderr, fmt, ap) : 0;
}

/* Run one iterator to its end; the records it wrote, or -1. */
static long run_iter(struct bpf_link *link, size_t recsize)
{
	static char buf[1 << 16];
	long bytes = 0;
	ssize_t n;
	int fd = bpf_iter_create(bpf_link__fd(link));

	if (fd < 0)
		return -1;
	while ((n = read(fd, buf, sizeof(buf))) > 0)
		bytes += n;
	close(fd);
	return n < 0 ? -1 : bytes / (long)recsize;
}

static int bench_iter(const char *obj_path, int runs)
{
	struct bpf_object *obj = bpf_object__open_file(obj_path, NULL);
	struct bpf_program *pt, *pf;
	struct bpf_link *lt, *lf;
	double best = 1e9;
	long nt = 0, nf = 0;

	if (!obj || bpf_object__load(obj)) {
		fprintf(stderr, "seed_bench: cannot load %s\n", obj_path);
		return -1;
	}
	pt = bpf_object__find_program_by_name(obj, "seed_task");
	pf = bpf_object__find_program_by_name(obj, "seed_file");
	lt = pt ? bpf_program__attach_iter(pt, NULL) : NULL;
	lf = pf ? bpf_program__attach_iter(pf, NULL) : NULL;
	if (!lt || !lf) {
		fprintf(stderr, "seed_bench: cannot attach the iterators\n");
		return -1;
	}
	for (int i = 0; i < runs; i++) {
		double t0 = now_ms();
		nt = run_iter(lt, 32);
		nf = run_iter(lf, 24);
		double t = now_ms() - t0;
		if (nt < 0 || nf < 0)
			return -1;
		if (t < best)
			best = t;
	}
	printf("  %-34s %9.2f ms %6ld processes %6ld fds (no argv, env, paths)\n",
	       "BPF task + task_file iterators", best, nt, nf);
	bpf_link__destroy(lf);
	bpf_link__destroy(lt);
	bpf_object__close(obj);
	return 0;
}

static void bench_proc(int runs)
{
	double best = 1e9;
	struct sg_state_stats s = {0};

	for (int i = 0; i < runs; i++) {
		struct sg_state *st = sg_state_new();
		if (!st)
			return;
		double t0 = now_ms();
		sg_state_scan_proc(st);
		double t = now_ms() - t0;
		sg_state_stats(st, &s);
		sg_state_free(st);
		if (t < best)
			best = t;
	}
	printf("  %-34s %9.2f ms %6llu processes %6llu fds (everything)\n",
	       "sysgrep's /proc scan", best, (unsigned long long)s.procs,
	       (unsigned long long)s.fds);
}

int main(int argc, char **argv)
{
	int runs = argc > 2 ? atoi(argv[2]) : 5;

	if (argc < 2) {
		fprintf(stderr, "usage: seed_bench ITER.bpf.o [RUNS]\n");
		return 2;
	}
	libbpf_set_print(quiet);
	bench_proc(runs > 0 ? runs : 5);
	return bench_iter(argv[1], runs > 0 ? runs : 5) ? 2 : 0;
}
