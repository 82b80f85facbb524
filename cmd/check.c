/*
 * sysgrep --check: the requirements (bpf/checks.c) for people, one line
 * each, or as one JSON object for scripts and configuration management.
 */
#include "cmd/check.h"

#include "bpf/checks.h"

/* Our own strings, but errno texts and paths: escape what JSON needs. */
static void json_str(FILE *out, const char *s)
{
	fputc('"', out);
	for (; *s; s++) {
		unsigned char ch = (unsigned char)*s;

		if (ch == '"' || ch == '\\')
			fprintf(out, "\\%c", ch);
		else if (ch < 0x20)
			fprintf(out, "\\u%04x", ch);
		else
			fputc(ch, out);
	}
	fputc('"', out);
}

static void print_json(FILE *out, const struct sg_checks *c, bool can_run)
{
	fprintf(out, "{\"can_run\":%s,\"checks\":[", can_run ? "true" : "false");
	for (unsigned i = 0; i < c->n; i++) {
		const struct sg_hostcheck *k = &c->c[i];

		fprintf(out, "%s{\"check\":", i ? "," : "");
		json_str(out, k->check);
		fprintf(out, ",\"what\":");
		json_str(out, k->what);
		fprintf(out, ",\"status\":\"%s\",\"required\":%s,\"detail\":",
			sg_check_status_name(k->status), k->required ? "true" : "false");
		json_str(out, k->detail);
		fputc('}', out);
	}
	fprintf(out, "]}\n");
}

static void print_text(FILE *out, const struct sg_checks *c, bool can_run)
{
	unsigned bad = 0;

	for (unsigned i = 0; i < c->n; i++) {
		const struct sg_hostcheck *k = &c->c[i];
		char name[80];

		snprintf(name, sizeof(name), "%s%s%s", k->check, *k->what ? " " : "", k->what);
		fprintf(out, "%-8s %-40s %s%s\n", sg_check_status_name(k->status), name, k->detail,
			k->required ? "" : " (not required)");
		bad += k->required && k->status != SG_CHECK_OK;
	}
	if (can_run)
		fprintf(out, "sysgrep can run here: every requirement is met\n");
	else
		fprintf(out, "sysgrep cannot run here: %u requirement%s missing or not known "
			"(see above)\n", bad, bad == 1 ? " is" : "s are");
}

int sg_check_main(FILE *out, bool json)
{
	struct sg_checks c;
	bool can_run = sg_checks_run(&c);

	if (json)
		print_json(out, &c, can_run);
	else
		print_text(out, &c, can_run);
	return can_run ? 0 : 2;
}
