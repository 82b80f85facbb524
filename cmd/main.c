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
#include <strings.h>
#include <unistd.h>

#include "cmd/check.h"
#include "cmd/kcount.h"
#include "cmd/lists.h"
#include "cmd/live.h"
#include "cmd/options.h"
#include "cmd/signals.h"
#include "cmd/replay.h"
#include "event/syscalls.h"
#include "filter/filter.h"
#include "filter/rules.h"
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

static struct sg_filter *compile_filter(const struct sg_opts *o, const struct sg_rules *rules)
{
	const char *text = o->filter;
	struct sg_diag d = {.what = o->rule_what ? o->rule_what : "filter"};
	struct sg_filter *f = sg_filter_compile_rules(text, rules, &d);
	if (!f) {
		if (!d.set)
			snprintf(d.msg, sizeof(d.msg), "cannot compile the filter"), d.set = 1;
		sg_diag_print(&d, stderr);
		return NULL;
	}
	/* Falco loads a rule that can never match: so does sysgrep, saying so */
	const struct sg_diag *w = sg_filter_warning(f);
	if (w)
		sg_diag_print(w, stderr);
	return f;
}

static struct sg_rules *load_rules(const struct sg_opts *o)
{
	struct sg_rules *r = sg_rules_new();
	if (!r) {
		fprintf(stderr, "sysgrep: out of memory\n");
		return NULL;
	}
	for (unsigned i = 0; i < o->nrules; i++) {
		struct sg_diag d = {.what = "rules"};
		if (!sg_rules_load(r, o->rules[i], &d)) {
			sg_diag_print(&d, stderr);
			sg_rules_free(r);
			return NULL;
		}
	}
	return r;
}

/* Falco's spelling of a rule's priority: "Notice", "Informational"... */
static const char *priority_name(const char *p)
{
	static const char *const names[] = { "Emergency", "Alert", "Critical", "Error", "Warning",
					     "Notice", "Informational", "Debug" };
	if (!strcasecmp(p, "info"))
		return "Informational";
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (!strcasecmp(p, names[i]))
			return names[i];
	return p;
}

/* --rule NAME: its condition (and the FILTER words, if any) becomes the
 * filter, and its output the -p format, after Falco's "time: Priority". */
static int apply_rule(struct sg_opts *o, const struct sg_rules *r)
{
	const struct sg_rule *ru = sg_rules_rule(r, o->rule);
	if (!ru) {
		fprintf(stderr, "sysgrep: --rule: no rule named '%s' in the rules files\n", o->rule);
		return 2;
	}
	if (strcmp(ru->source, "syscall")) {
		fprintf(stderr, "sysgrep: --rule: '%s' (%s:%d) is a rule for the '%s' source; "
				"sysgrep sees syscalls only\n", ru->name, ru->file, ru->line, ru->source);
		return 2;
	}
	if (ru->has_exceptions)
		fprintf(stderr, "sysgrep: warning: rule '%s' (%s:%d) has exceptions, which sysgrep "
				"does not apply: it may print events Falco would not\n",
			ru->name, ru->file, ru->line);
	size_t n = strlen(ru->condition) + strlen(o->filter) + 16;
	char *text = malloc(n);
	if (!text)
		return 2;
	if (*o->filter)
		snprintf(text, n, "(%s) and (%s)", ru->condition, o->filter);
	else
		snprintf(text, n, "%s", ru->condition);
	free(o->filter);
	o->filter = text;
	n = strlen(ru->file) + strlen(ru->name) + 48;
	o->rule_what = malloc(n);
	if (!o->rule_what)
		return 2;
	snprintf(o->rule_what, n, "%s:%d: rule '%s' condition", ru->file, ru->line, ru->name);
	if (!o->format && o->fmt == SG_OUT_TEXT && *ru->output) {
		/* '*': a missing field prints as <NA>, as Falco's outputs do */
		n = strlen(ru->output) + strlen(ru->priority) + 24;
		o->rule_format = malloc(n);
		if (!o->rule_format)
			return 2;
		snprintf(o->rule_format, n, "*%%evt.time: %s %s", priority_name(ru->priority),
			 ru->output);
		o->format = o->rule_format;
	}
	return 0;
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
static int run_info(const struct sg_opts *o, const struct sg_rules *rules)
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
	case SG_ACT_CHECK:
		return sg_check_main(stdout, json);
	default:
		break;
	}
	struct sg_filter *f = compile_filter(o, rules);
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

	/* before anything can take time: a stop during start-up is a clean
	 * stop, with the totals, never a half-set-up probe killed */
	sg_signals_catch();
	int rc = sg_opts_parse(&o, argc, argv);
	if (rc) {
		sg_opts_free(&o);
		return rc;
	}
	sg_syscalls_init();
	struct sg_rules *rules = NULL;
	if (o.nrules && (o.action == SG_ACT_RUN || o.action == SG_ACT_DUMP_FILTER)) {
		rules = load_rules(&o);
		rc = !rules ? 2 : o.rule ? apply_rule(&o, rules) : 0;
		if (rc) {
			sg_rules_free(rules);
			sg_opts_free(&o);
			return rc;
		}
	}
	if (o.action != SG_ACT_RUN) {
		sg_signals_default();
		rc = run_info(&o, rules);
		if (fflush(stdout) || ferror(stdout))
			rc = 2;
		sg_rules_free(rules);
		sg_opts_free(&o);
		return rc;
	}

	struct sg_filter *f = compile_filter(&o, rules);
	struct sg_output *out = f ? make_output(&o) : NULL;
	if (!f || !out) {
		if (f)
			sg_filter_free(f);
		sg_rules_free(rules);
		sg_opts_free(&o);
		return 2;
	}
	rc = o.read_file ? sg_replay_run(&o, f, out) : sg_live_run(&o, f, out);
	sg_output_free(out);
	sg_filter_free(f);
	sg_rules_free(rules);
	sg_opts_free(&o);
	return rc;
}
