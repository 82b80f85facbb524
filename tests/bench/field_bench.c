/*
 * Field extraction cost on a hand-built event: ns per event to get, through
 * sg_field_get, every field a JSON line carries (the fixed list of
 * output/json.c), on an event whose process has a typical command line.
 * It measures extract/fieldget.c alone: the output layer renders the times
 * and evt.args itself, and escapes and writes what it gets.
 *
 *   make BUILD=build
 *   cc -O2 -std=gnu11 -D_GNU_SOURCE -I. -Ibuild tests/bench/field_bench.c \
 *      build/libsysgrep.a -lbpf -lelf -lz -lzstd -lpcre2-8 -o build/field_bench
 *   build/field_bench [iterations]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "state/state.h"
#include "event/diag.h"
#include "event/fields.h"
#include "extract/fieldget.h"
#include "event/syscalls.h"

static const char *const json_fields[] = {
	"evt.num", "evt.rawtime", "evt.datetime", "evt.cpu", "evt.type", "evt.dir",
	"proc.name", "proc.pid", "thread.tid", "proc.ppid", "proc.exepath", "proc.cmdline",
	"user.uid", "evt.res", "evt.rawres", "evt.failed", "evt.args",
};
#define NFIELDS (sizeof(json_fields) / sizeof(json_fields[0]))

static double now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

static int parse_all(struct sg_fieldref *refs)
{
	for (size_t i = 0; i < NFIELDS; i++) {
		struct sg_diag d = {.what = "field"};

		if (sg_fieldref_parse(json_fields[i], json_fields[i], &refs[i], &d) < 0) {
			fprintf(stderr, "field_bench: cannot parse %s\n", json_fields[i]);
			return -1;
		}
	}
	return 0;
}

int main(int argc, char **argv)
{
	static const char args[] = "-m\0http.server\0--bind\0127.0.0.1\0008080";
	long iters = argc > 1 ? atol(argv[1]) : 2000000;
	struct sg_fieldref refs[NFIELDS];
	struct sg_proc proc;
	struct sg_event e;
	struct sg_arena a;
	unsigned nr;
	long got = 0;

	if (iters <= 0)
		iters = 2000000;
	sg_syscalls_init();
	if (parse_all(refs))
		return 1;
	memset(&e, 0, sizeof(e));
	memset(&proc, 0, sizeof(proc));
	proc.pid = 4242;
	proc.exepath = "/usr/bin/python3.11";
	proc.args = (char *)args;
	proc.args_len = sizeof(args) - 1;
	proc.nargs = 5;
	e.kind = SG_EV_SYSCALL;
	e.def = sg_syscall_by_name("getppid", &nr);
	e.nr = (uint16_t)nr;
	e.pid = e.tid = 4242;
	e.ppid = 1;
	e.res = 1;
	e.ts = 1764000000123456789ull;
	snprintf(e.comm, sizeof(e.comm), "python3");
	e.proc = &proc;
	sg_arena_init(&a, 1 << 16);

	double t0 = now_ns();
	for (long i = 0; i < iters; i++) {
		sg_arena_reset(&a);
		e.num = (uint64_t)i;
		e.ts += 1000;
		for (size_t f = 0; f < NFIELDS; f++) {
			struct sg_value v;

			got += sg_field_get(&e, &refs[f], &v, &a);
		}
	}
	double ns = (now_ns() - t0) / (double)iters;
	sg_arena_free(&a);
	printf("json fields    %zu fields   %6.1f ns/event\n", NFIELDS, ns);
	/* every field applies to this event: a miss means the timing is void */
	if (got != iters * (long)NFIELDS) {
		fprintf(stderr, "field_bench: %ld of %ld fields had no value\n", got,
			iters * (long)NFIELDS);
		return 1;
	}
	return 0;
}
