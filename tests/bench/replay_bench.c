/*
 * The consumer's cost without the kernel: probe records of a real run are
 * recorded once, then replayed through the very path a live run takes
 * (sg_decode -> state -> filter -> output) into /dev/null, so the ns and
 * bytes per event are the consumer's alone, free of the producer's noise.
 *
 *   replay_bench record FILE COMMAND [ARGS...]
 *       attach the probe (every syscall of COMMAND's process, and what
 *       state needs), run COMMAND, keep the records of its pid in FILE
 *   replay_bench replay FILE FILTER [MIN_EVENTS]
 *       one row per output form: default text, default JSON, CSV, -p with
 *       five fields (text), -p five fields as JSON; best of three passes
 *
 * FILE: "SGRAW1\n\0", then per record a u32 length, a u32 zero, the bytes,
 * padded to 8.  Bench-only: nothing of sysgrep reads it.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "bpf/decode.h"
#include "bpf/probe.h"
#include "cmd/pipeline.h"
#include "event/abi.h"
#include "event/syscalls.h"
#include "filter/filter.h"
#include "output/output.h"
#include "state/state.h"

static const char magic[8] = "SGRAW1\n";

/* CPU time of this thread: the consumer's own work, less what a noisy
 * shared machine takes from it between two readings */
static double now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

/* ---- record ------------------------------------------------------------ */

struct rec_ctx {
	FILE *f;
	uint32_t pid;
	uint64_t kept, seen;
};

static int keep(void *vctx, const void *rec, size_t len)
{
	struct rec_ctx *c = vctx;
	struct sg_rec h;
	static const char pad[8];

	c->seen++;
	if (len < sizeof(h))
		return 0;
	memcpy(&h, rec, sizeof(h));
	if (h.pid != c->pid)
		return 0;
	uint32_t hdr[2] = {(uint32_t)len, 0};
	fwrite(hdr, sizeof(hdr), 1, c->f);
	fwrite(rec, len, 1, c->f);
	fwrite(pad, (8 - len % 8) % 8, 1, c->f);
	c->kept++;
	return 0;
}

static int record(const char *file, char **argv)
{
	int go[2];
	char why[512];

	if (pipe(go) < 0)
		return 2;
	pid_t pid = fork();
	if (pid == 0) {
		char b;
		close(go[1]);
		/* start only once the probe is attached, so the exec is seen */
		if (read(go[0], &b, 1) != 1)
			_exit(127);
		execvp(argv[0], argv);
		_exit(127);
	}
	close(go[0]);
	struct sg_probe_opts po = {.ringbuf_bytes = 64u << 20};
	struct sg_probe *p = sg_probe_open(&po, why, sizeof(why));
	if (!p) {
		fprintf(stderr, "replay_bench: %s\n", why);
		kill(pid, SIGKILL);
		return 2;
	}
	struct rec_ctx c = {.f = fopen(file, "w"), .pid = (uint32_t)pid};
	if (!c.f) {
		perror(file);
		return 2;
	}
	fwrite(magic, sizeof(magic), 1, c.f);
	if (write(go[1], "x", 1) != 1)
		return 2;
	close(go[1]);
	int status;
	while (waitpid(pid, &status, WNOHANG) == 0)
		sg_probe_poll(p, 10, keep, &c);
	sg_probe_stop(p);
	sg_probe_drain(p, keep, &c);
	struct sg_probe_counters k;
	sg_probe_counters(p, &k);
	fprintf(stderr, "replay_bench: %llu records of pid %d kept (%llu read, %llu lost)\n",
		(unsigned long long)c.kept, pid, (unsigned long long)c.seen,
		(unsigned long long)k.lost);
	sg_probe_counters_free(&k);
	sg_probe_close(p);
	return fclose(c.f) || k.lost ? 2 : 0;
}

/* ---- replay ------------------------------------------------------------ */

struct recs {
	char *buf;
	size_t len;
	size_t n;
};

static int load(const char *file, struct recs *r)
{
	int fd = open(file, O_RDONLY);
	struct stat st;

	if (fd < 0 || fstat(fd, &st) < 0 || st.st_size < (off_t)sizeof(magic)) {
		fprintf(stderr, "replay_bench: cannot read %s\n", file);
		return -1;
	}
	r->len = (size_t)st.st_size;
	r->buf = aligned_alloc(64, (r->len + 63) & ~(size_t)63);
	if (!r->buf || read(fd, r->buf, r->len) != (ssize_t)r->len ||
	    memcmp(r->buf, magic, sizeof(magic))) {
		fprintf(stderr, "replay_bench: %s is not a record file\n", file);
		return -1;
	}
	close(fd);
	for (size_t at = sizeof(magic); at + 8 <= r->len;) {
		uint32_t l;
		memcpy(&l, r->buf + at, 4);
		if (l > r->len - at - 8)
			return -1;
		at += 8 + ((l + 7) & ~(size_t)7);
		r->n++;
	}
	return 0;
}

struct form {
	const char *name;
	enum sg_outfmt fmt;
	const char *format;
	bool quiet;
};

static const struct form forms[] = {
	{"-q (decode, state, filter)", SG_OUT_TEXT, NULL, true},
	{"default text", SG_OUT_TEXT, NULL},
	{"default JSON", SG_OUT_JSON, NULL},
	{"CSV", SG_OUT_CSV, NULL},
	{"-p five fields", SG_OUT_TEXT,
	 "%evt.num %proc.name %thread.tid %evt.type %evt.res"},
	{"-o json -p five fields", SG_OUT_JSON,
	 "%evt.num %proc.name %thread.tid %evt.type %evt.res"},
	{"-o csv -p $REPLAY_FORMAT", SG_OUT_CSV, NULL},
};

struct result {
	double ns;       /* per event through the whole path */
	double bytes;    /* written per event */
	uint64_t events, matched;
};

/* One pass over the records: fresh state, filter, output, as a run has. */
static int pass(const struct recs *r, const char *filter, const struct form *fm,
		uint64_t min_events, struct result *res)
{
	struct sg_diag d = {.what = "filter"};
	struct sg_filter *f = sg_filter_compile(filter, &d);
	if (!f) {
		sg_diag_print(&d, stderr);
		return -1;
	}
	int devnull = open("/dev/null", O_WRONLY);
	struct sg_output_opts oo = {.fmt = fm->fmt, .format = fm->format, .header = true,
				    .quiet = fm->quiet, .fd = devnull};
	struct sg_diag od = {.what = "format"};
	struct sg_output *out = sg_output_new(&oo, &od);
	struct sg_opts o = {.fmt = fm->fmt, .format = fm->format, .quiet = fm->quiet};
	struct sg_state *st = sg_state_new();
	struct sg_decoder *dec = malloc(sizeof(*dec));
	struct sg_pipeline pl;
	struct sg_event ev;

	if (!out || !st || !dec)
		return -1;
	sg_decoder_init(dec, st);
	sg_pipeline_init(&pl, &o, f, out, st);
	double t0 = now_ns();
	uint64_t batch = 0;
	while (pl.events < min_events) {
		for (size_t at = sizeof(magic); at + 8 <= r->len;) {
			uint32_t l;
			memcpy(&l, r->buf + at, 4);
			if (sg_decode(dec, r->buf + at + 8, l, &ev) > 0)
				sg_pipeline_event(&pl, &ev);
			at += 8 + ((l + 7) & ~(size_t)7);
			/* a live drain is some thousands of records */
			if (++batch % 4096 == 0)
				sg_pipeline_flush(&pl);
		}
	}
	sg_pipeline_flush(&pl);
	double t1 = now_ns();
	res->ns = (t1 - t0) / (double)pl.events;
	res->events = pl.events;
	res->matched = pl.matched;
	sg_pipeline_end(&pl);
	sg_pipeline_free(&pl);
	sg_output_free(out);
	sg_state_free(st);
	sg_filter_free(f);
	free(dec);
	close(devnull);
	return 0;
}

/* Bytes per event: one pass of the records into a counting pipe reader
 * would disturb the timing, so a separate pass writes into a temp file. */
static double bytes_per_event(const struct recs *r, const char *filter, const struct form *fm)
{
	char path[] = "/tmp/replay_bench.XXXXXX";
	int fd = mkstemp(path);
	if (fd < 0)
		return -1;
	unlink(path);
	struct sg_diag d = {.what = "filter"};
	struct sg_filter *f = sg_filter_compile(filter, &d);
	struct sg_output_opts oo = {.fmt = fm->fmt, .format = fm->format, .header = false,
				    .quiet = fm->quiet, .fd = fd};
	struct sg_diag od = {.what = "format"};
	struct sg_output *out = sg_output_new(&oo, &od);
	struct sg_opts o = {.fmt = fm->fmt, .format = fm->format, .quiet = fm->quiet};
	struct sg_state *st = sg_state_new();
	struct sg_decoder *dec = malloc(sizeof(*dec));
	struct sg_pipeline pl;
	struct sg_event ev;

	sg_decoder_init(dec, st);
	sg_pipeline_init(&pl, &o, f, out, st);
	for (size_t at = sizeof(magic); at + 8 <= r->len;) {
		uint32_t l;
		memcpy(&l, r->buf + at, 4);
		if (sg_decode(dec, r->buf + at + 8, l, &ev) > 0)
			sg_pipeline_event(&pl, &ev);
		at += 8 + ((l + 7) & ~(size_t)7);
	}
	sg_pipeline_end(&pl);
	double b = pl.matched ? (double)lseek(fd, 0, SEEK_CUR) / (double)pl.matched : 0;
	sg_pipeline_free(&pl);
	sg_output_free(out);
	sg_state_free(st);
	sg_filter_free(f);
	free(dec);
	close(fd);
	return b;
}

static int replay(const char *file, const char *filter, uint64_t min_events, int only)
{
	struct recs r = {0};

	if (load(file, &r) < 0)
		return 2;
	sg_syscalls_init();
	printf("%zu records, at least %llu events per pass, best of 5, filter '%s'\n", r.n,
	       (unsigned long long)min_events, filter);
	printf("  %-28s %10s %12s %10s\n", "form", "ns/event", "bytes/event", "matched");
	for (size_t i = 0; i < sizeof(forms) / sizeof(forms[0]); i++) {
		struct result best = {0}, one;
		if (only >= 0 && (size_t)only != i)
			continue;
		if (!forms[i].format && forms[i].fmt == SG_OUT_CSV && i > 3) {
			static struct form custom;
			if (!getenv("REPLAY_FORMAT"))
				continue;
			custom = forms[i];
			custom.format = getenv("REPLAY_FORMAT");
			if (pass(&r, filter, &custom, min_events, &best) < 0)
				return 2;
			printf("  %-28s %10.1f\n", custom.format, best.ns);
			continue;
		}
		for (int k = 0; k < 5; k++) {
			if (pass(&r, filter, &forms[i], min_events, &one) < 0)
				return 2;
			if (!k || one.ns < best.ns)
				best = one;
		}
		best.bytes = bytes_per_event(&r, filter, &forms[i]);
		printf("  %-28s %10.1f %12.1f %9.1f%%\n", forms[i].name, best.ns, best.bytes,
		       best.events ? 100.0 * (double)best.matched / (double)best.events : 0.0);
	}
	free(r.buf);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc >= 4 && !strcmp(argv[1], "record"))
		return record(argv[2], argv + 3);
	if (argc >= 4 && !strcmp(argv[1], "replay"))
		return replay(argv[2], argv[3], argc > 4 ? strtoull(argv[4], NULL, 10) : 1000000,
			      argc > 5 ? atoi(argv[5]) : -1);
	fprintf(stderr, "usage: %s record FILE COMMAND [ARGS...]\n"
		"       %s replay FILE FILTER [MIN_EVENTS [FORM]]\n", argv[0], argv[0]);
	return 2;
}
