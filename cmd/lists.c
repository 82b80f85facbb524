/* --list-fields and --list-events: the catalogue and the event table, as
 * text for people and JSON Lines for scripts (and the shell completions). */
#include "cmd/lists.h"

#include <stdio.h>

#include "event/fields.h"
#include "event/syscalls.h"

static const char *ftype_name(unsigned t)
{
	static const char *const names[] = {
		[SG_FT_NONE] = "none",	   [SG_FT_U64] = "uint64",     [SG_FT_S64] = "int64",
		[SG_FT_BOOL] = "bool",	   [SG_FT_STR] = "string",     [SG_FT_BYTES] = "bytes",
		[SG_FT_ABSTIME] = "abstime", [SG_FT_IPADDR] = "ipaddr", [SG_FT_IPNET] = "ipnet",
		[SG_FT_PORT] = "port",	   [SG_FT_SYSCALL] = "syscall", [SG_FT_DYN] = "dynamic",
	};
	return t < sizeof(names) / sizeof(names[0]) && names[t] ? names[t] : "?";
}

static const char *arg_suffix(const struct sg_field_info *f)
{
	switch (f->argmode) {
	case SG_ARG_INDEX:
		return "[N]";
	case SG_ARG_NAME:
		return (f->flags & SG_FF_DYNARG) ? ".NAME" : "[ARG]";
	case SG_ARG_KEY:
		return "[KEY]";
	case SG_ARG_OPTINDEX:
		return "[N]";
	}
	return "";
}

/* Catalogue strings are ours and plain ASCII: only quotes and backslashes
 * could need escaping, and none carry them, but stay correct anyway. */
static void json_str(FILE *out, const char *s)
{
	fputc('"', out);
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			fputc('\\', out);
		fputc(*s, out);
	}
	fputc('"', out);
}

/* What a field needs beyond the kernel: the container engine's API
 * (container.name...), or a name resolver (fd.sip.name...). */
static const char *needs(const struct sg_field_info *f)
{
	if (f->flags & SG_FF_ENGINE)
		return "engine";
	if (f->flags & SG_FF_RESOLVER)
		return "resolver";
	return "";
}

void sg_list_fields(FILE *out, int json)
{
	for (int i = 0; i < SG_F_MAX; i++) {
		const struct sg_field_info *f = &sg_fields[i];
		if (!json) {
			char name[64];
			snprintf(name, sizeof(name), "%s%s", f->name, arg_suffix(f));
			const char *n = needs(f);
			fprintf(out, "%-22s %-8s %s%s%s%s\n", name, ftype_name(f->type), n[0] ? "[" : "",
				n, n[0] ? "] " : "", f->desc);
			continue;
		}
		fputs("{\"name\":", out);
		json_str(out, f->name);
		fputs(",\"type\":", out);
		json_str(out, ftype_name(f->type));
		fputs(",\"arg\":", out);
		json_str(out, arg_suffix(f));
		fprintf(out, ",\"filter_only\":%s,\"needs\":\"%s\",\"desc\":",
			(f->flags & SG_FF_FILTERONLY) ? "true" : "false", needs(f));
		json_str(out, f->desc);
		fputs("}\n", out);
	}
}

void sg_list_events(FILE *out, int json)
{
	sg_syscalls_init();
	sg_syscalls_list(out, json);
}
