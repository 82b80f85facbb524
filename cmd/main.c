/*
 * sysgrep: a grep for live system calls.
 *
 *   sysgrep [OPTIONS] [FILTER...]
 *
 * Everything is decided here before the probe loads: options, the filter
 * (compiled and type-checked) and the output format, so that every user
 * error is reported with exit status 2 without needing root.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd/kcount.h"
#include "cmd/lists.h"
#include "cmd/live.h"
#include "cmd/options.h"
#include "event/syscalls.h"
#include "filter/filter.h"
#include "output/output.h"

#ifndef SG_VERSION
#define SG_VERSION "0.1"
#endif

static bool want_color(const struct sg_opts *o)
{
	if (o->color == SG_COLOR_NEVER)
		return false;
	if (o->color == SG_COLOR_ALWAYS)
		return true;
	const char *nc = getenv("NO_COLOR");
	if (nc && *nc)
		return false;
	const char *term = getenv("TERM");
	if (term && !strcmp(term, "dumb"))
		return false;
	return isatty(STDOUT_FILENO);
}

static struct sg_filter *compile_filter(const char *text)
{
	struct sg_diag d = {.what = "filter"};
	struct sg_filter *f = sg_filter_compile(text, &d);
	if (!f) {
		if (!d.set)
			snprintf(d.msg, sizeof(d.msg), "cannot compile the filter"), d.set = 1;
		sg_diag_print(&d, stderr);
	}
	return f;
}

static struct sg_output *make_output(const struct sg_opts *o)
{
	struct sg_output_opts oo = {
		.fmt = o->fmt,
		.format = o->format,
		.count_by = o->count_by,
		.count = o->count,
		.quiet = o->quiet,
		.color = want_color(o),
		.header = !o->no_header,
		.buffered = o->buffered,
		.interval = o->interval_ns != 0,
		.fd = STDOUT_FILENO,
	};
	struct sg_diag d = {.what = "format"};
	struct sg_output *out = sg_output_new(&oo, &d);
	if (!out) {
		if (!d.set)
			snprintf(d.msg, sizeof(d.msg), "cannot set up the output"), d.set = 1;
		sg_diag_print(&d, stderr);
	}
	return out;
}

/* --dump-filter: whether the counts of this run would be made in the
 * kernel (no event sent), and why not. */
static void dump_counting(const struct sg_opts *o, const struct sg_filter *f)
{
	struct sg_pushdown pd;
	char why[512];

	sg_filter_pushdown(f, &pd);
	printf("  kernel decides the whole filter: %s\n", pd.exact ? "yes" : "no");
	if (!(o->count || o->quiet || o->count_by)) {
		if (pd.exact && !pd.never)
			printf("counting: -c, -q and --count-by over %s would count in the kernel\n",
			       sg_kcount_fields);
		else
			printf("counting: in user space (%s)\n",
			       pd.never ? "the filter never matches"
					: "the kernel does not decide the whole filter");
		return;
	}
	if (sg_kcount_plan(o, &pd, why, sizeof(why)))
		printf("counting: in the kernel (no event is sent)\n");
	else
		printf("counting: in user space: %s\n", why);
}

/* Informational actions print to stdout and exit 0. */
static int run_info(const struct sg_opts *o)
{
	int json = o->fmt == SG_OUT_JSON;
	switch (o->action) {
	case SG_ACT_HELP:
		sg_usage(stdout);
		return 0;
	case SG_ACT_VERSION:
		printf("sysgrep %s\n", SG_VERSION);
		return 0;
	case SG_ACT_LIST_FIELDS:
		sg_list_fields(stdout, json);
		return 0;
	case SG_ACT_LIST_EVENTS:
		sg_list_events(stdout, json);
		return 0;
	default:
		break;
	}
	struct sg_filter *f = compile_filter(o->filter);
	if (!f)
		return 2;
	sg_filter_dump(f, stdout);
	dump_counting(o, f);
	sg_filter_free(f);
	return 0;
}

int main(int argc, char **argv)
{
	struct sg_opts o;
	int rc = sg_opts_parse(&o, argc, argv);
	if (rc) {
		sg_opts_free(&o);
		return rc;
	}
	sg_syscalls_init();
	if (o.action != SG_ACT_RUN) {
		rc = run_info(&o);
		if (fflush(stdout) || ferror(stdout))
			rc = 2;
		sg_opts_free(&o);
		return rc;
	}

	struct sg_filter *f = compile_filter(o.filter);
	struct sg_output *out = f ? make_output(&o) : NULL;
	if (!f || !out) {
		if (f)
			sg_filter_free(f);
		sg_opts_free(&o);
		return 2;
	}
	rc = sg_live_run(&o, f, out);
	sg_output_free(out);
	sg_filter_free(f);
	sg_opts_free(&o);
	return rc;
}
