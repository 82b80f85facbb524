/* The command line: parsed once into struct sg_opts. */
#ifndef SG_OPTIONS_H
#define SG_OPTIONS_H

#include <stdbool.h>
#include <stdint.h>

#include "output/output.h"

enum sg_action {
	SG_ACT_RUN = 0,
	SG_ACT_HELP,
	SG_ACT_VERSION,
	SG_ACT_LIST_FIELDS,
	SG_ACT_LIST_EVENTS,
	SG_ACT_DUMP_FILTER,
	SG_ACT_CHECK,            /* --check: what the live source needs here */
};

enum sg_color { SG_COLOR_AUTO, SG_COLOR_ALWAYS, SG_COLOR_NEVER };

struct sg_opts {
	enum sg_action action;
	char *filter;            /* the FILTER words joined with spaces (owned) */
	uint64_t max_events;     /* -n; 0 = no limit */
	uint64_t timeout_ns;     /* -t; 0 = none */
	uint64_t interval_ns;    /* --interval for --count-by; 0 = none */
	enum sg_outfmt fmt;      /* -o */
	const char *format;      /* -p */
	const char *count_by;    /* --count-by */
	bool count;              /* -c */
	bool quiet;              /* -q */
	bool stats;              /* --stats */
	int verbose;             /* -v (1), -vv (2) */
	bool no_header;          /* --no-header */
	bool buffered;           /* --buffered */
	bool no_pushdown;        /* --no-pushdown: the probe sends every syscall */
	enum sg_color color;     /* --color */
	uint32_t snaplen;        /* -s */
	uint32_t ringbuf_bytes;  /* --buffer-size */
	const char *read_file;   /* -r FILE ("-": stdin): replay a capture */
	const char *write_file;  /* -w FILE ("-": stdout): record a capture */
	bool compress;           /* -z (or a .gz name): gzip the capture */
	bool force;              /* --force: -w may replace an existing file */
	uint64_t rotate_bytes;   /* -C MB: a new file past this size */
	uint64_t rotate_ns;      /* -G SECONDS: a new file this often */
	uint64_t rotate_files;   /* -W N: keep the last N files */
	bool print;              /* -w with -p or -o: print as well as record */
	const char **rules;      /* --rules FILE, in order (owned array) */
	unsigned nrules;
	const char *rule;        /* --rule NAME */
	char *rule_format;       /* the rule's output as a -p format (owned) */
	const char *ctr_sockets[8]; /* --container-socket PATH, in order */
	unsigned nctr_sockets;
	char *rule_what;         /* "FILE:LINE: rule 'NAME' condition", for messages (owned) */
};

/* Parse argv.  Returns 0, or 2 after printing the error (exit status). */
int sg_opts_parse(struct sg_opts *o, int argc, char **argv);
void sg_opts_free(struct sg_opts *o);
void sg_usage(FILE *out);

/* "30" (seconds), "30s", "500ms", "5m", "2h" -> ns; -1 when malformed. */
int sg_parse_duration(const char *s, uint64_t *ns);
/* "8M", "65536", "1G" -> bytes; -1 when malformed. */
int sg_parse_size(const char *s, uint64_t *bytes);

#endif
