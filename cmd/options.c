#include "cmd/options.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "event/abi.h"

#define SG_STR_(x) #x
#define SG_STR(x) SG_STR_(x)

enum {
	OPT_STATS = 256,
	OPT_VERSION,
	OPT_COLOR,
	OPT_NO_HEADER,
	OPT_BUFFERED,
	OPT_COUNT_BY,
	OPT_INTERVAL,
	OPT_LIST_FIELDS,
	OPT_LIST_EVENTS,
	OPT_DUMP_FILTER,
	OPT_BUFFER_SIZE,
	OPT_NO_PUSHDOWN,
	OPT_FORCE,
	OPT_RULES,
	OPT_RULE,
	OPT_CHECK,
	OPT_CONTAINER_SOCKET,
};

static const struct option long_opts[] = {
	{"max-events", required_argument, NULL, 'n'},
	{"timeout", required_argument, NULL, 't'},
	{"output", required_argument, NULL, 'o'},
	{"json", no_argument, NULL, 'j'},
	{"format", required_argument, NULL, 'p'},
	{"quiet", no_argument, NULL, 'q'},
	{"count", no_argument, NULL, 'c'},
	{"snaplen", required_argument, NULL, 's'},
	{"verbose", no_argument, NULL, 'v'},
	{"help", no_argument, NULL, 'h'},
	{"stats", no_argument, NULL, OPT_STATS},
	{"version", no_argument, NULL, OPT_VERSION},
	{"color", optional_argument, NULL, OPT_COLOR},
	{"colour", optional_argument, NULL, OPT_COLOR},
	{"no-header", no_argument, NULL, OPT_NO_HEADER},
	{"buffered", no_argument, NULL, OPT_BUFFERED},
	{"count-by", required_argument, NULL, OPT_COUNT_BY},
	{"interval", required_argument, NULL, OPT_INTERVAL},
	{"list-fields", no_argument, NULL, OPT_LIST_FIELDS},
	{"list-events", no_argument, NULL, OPT_LIST_EVENTS},
	{"dump-filter", no_argument, NULL, OPT_DUMP_FILTER},
	{"buffer-size", required_argument, NULL, OPT_BUFFER_SIZE},
	{"no-pushdown", no_argument, NULL, OPT_NO_PUSHDOWN},
	{"read", required_argument, NULL, 'r'},
	{"write", required_argument, NULL, 'w'},
	{"compress", no_argument, NULL, 'z'},
	{"force", no_argument, NULL, OPT_FORCE},
	{"rotate-size", required_argument, NULL, 'C'},
	{"rotate-time", required_argument, NULL, 'G'},
	{"rotate-files", required_argument, NULL, 'W'},
	{"rules", required_argument, NULL, OPT_RULES},
	{"rule", required_argument, NULL, OPT_RULE},
	{"check", no_argument, NULL, OPT_CHECK},
	{"container-socket", required_argument, NULL, OPT_CONTAINER_SOCKET},
	{0},
};

void sg_usage(FILE *out)
{
	fputs("Usage: sysgrep [OPTIONS] [FILTER...]\n"
	      "Print the system calls of this host that a sysdig/Falco-style FILTER selects.\n"
	      "The FILTER words are joined with spaces. Exit status: 0 if an event matched,\n"
	      "1 if none did, 2 on error.\n"
	      "\n"
	      "Selection and stopping:\n"
	      "  -n, --max-events N     stop after N printed events\n"
	      "  -t, --timeout DURATION stop after DURATION (30, 30s, 500ms, 5m, 1h); with -r,\n"
	      "                         after DURATION of the capture's time from its first event\n"
	      "  -s, --snaplen N        bytes of data buffers to capture (default 80)\n"
	      "      --buffer-size SIZE kernel ring buffer size (default 8M)\n"
	      "\n"
	      "Capture files (sysdig/Falco .scap):\n"
	      "  -r, --read FILE        read events from a capture FILE ('-': stdin), plain or\n"
	      "                         gzip; no root needed, every field and format works\n"
	      "  -w, --write FILE       record the selected events to a capture FILE ('-':\n"
	      "                         stdout) that sysdig, Falco and -r read; prints nothing\n"
	      "                         unless -p or -o is given\n"
	      "  -z, --compress         gzip the capture (implied by a .gz name)\n"
	      "      --force            let -w replace an existing file\n"
	      "  -C, --rotate-size MB   with -w: a new file every MB million bytes (FILE, FILE1..)\n"
	      "  -G, --rotate-time SECONDS  with -w: a new file every SECONDS of event time\n"
	      "  -W, --rotate-files N   with -C or -G: keep the last N files (FILE0..FILE<N-1>)\n"
	      "\n"
	      "Output:\n"
	      "  -o, --output FORMAT    text (default), json (JSON Lines) or csv\n"
	      "  -j, --json             same as -o json\n"
	      "  -p, --format FORMAT    print these fields: '%evt.num %proc.name %fd.name';\n"
	      "                         a leading '*' prints missing fields as <NA>\n"
	      "  -q, --quiet            print nothing; exit at the first match (status only)\n"
	      "  -c, --count            print only the number of matching events\n"
	      "      --count-by FIELDS  print a table of counts by FIELD[,FIELD] at the end\n"
	      "      --interval DURATION  with --count-by: print the table every DURATION\n"
	      "                         (with -r: of the capture's time)\n"
	      "      --no-header        no CSV header row\n"
	      "      --color[=WHEN]     colour: auto (default: terminal only), always, never;\n"
	      "                         NO_COLOR in the environment turns it off\n"
	      "      --buffered         block-buffer stdout (faster into files)\n"
	      "      --stats            print counters on stderr at the end\n"
	      "\n"
	      "Falco rules:\n"
	      "      --rules FILE       load the macros, lists and rules of a Falco rules file\n"
	      "                         (repeatable; later files override earlier ones), so\n"
	      "                         FILTER can name them: 'spawned_process and shell_procs'\n"
	      "      --rule NAME        run that rule's condition (and FILTER, if given) and\n"
	      "                         print its output format, as Falco would\n"
	      "\n"
	      "Containers:\n"
	      "      --container-socket PATH  ask this engine socket for container.* and\n"
	      "                         k8s.* (repeatable; 'none': ask none; default: podman's\n"
	      "                         /run/podman/podman.sock, docker's /var/run/docker.sock)\n"
	      "\n"
	      "Information:\n"
	      "      --list-fields      the fields a filter or format can use (-o json too)\n"
	      "      --list-events      the system calls and their arguments (-o json too)\n"
	      "      --dump-filter      compile FILTER, print its bytecode and pushdown, exit\n"
	      "      --check            try each thing the live probe needs here (BTF, maps,\n"
	      "                         tracepoints, capabilities...); exit 0 if it can run\n"
	      "      --no-pushdown      decide everything in user space (for checking pushdown)\n"
	      "  -v, --verbose          show libbpf's messages (-vv: with its debug log)\n"
	      "      --version          print the version\n"
	      "  -h, --help             this help\n"
	      "\n"
	      "Examples:\n"
	      "  sysgrep 'evt.type=execve and proc.name=bash'\n"
	      "  sysgrep -o json 'evt.type in (connect, accept4) and fd.sport=22' | jq .\n"
	      "  sysgrep -t 60s -c 'evt.type=openat and fd.name startswith /etc/shadow'\n"
	      "  sysgrep -r trace.scap.gz -p '%evt.time %proc.name %fd.name' 'evt.type=open'\n"
	      "  sysgrep -w trace.scap.gz -t 5m 'proc.name in (sshd, sudo)'\n",
	      out);
}

int sg_parse_duration(const char *s, uint64_t *ns)
{
	char *end;
	/* decimal only: strtod also takes "nan", "inf" and hex floats */
	if (!((s[0] >= '0' && s[0] <= '9') || (s[0] == '.' && s[1] >= '0' && s[1] <= '9')))
		return -1;
	if (strchr(s, 'x') || strchr(s, 'X'))
		return -1;
	errno = 0;
	double v = strtod(s, &end);
	if (errno || end == s || !(v >= 0))
		return -1;
	double mul;
	if (!*end || !strcmp(end, "s"))
		mul = 1e9;
	else if (!strcmp(end, "ms"))
		mul = 1e6;
	else if (!strcmp(end, "us"))
		mul = 1e3;
	else if (!strcmp(end, "m"))
		mul = 60e9;
	else if (!strcmp(end, "h"))
		mul = 3600e9;
	else
		return -1;
	double r = v * mul;
	if (r > 1.8e19)
		return -1;
	*ns = (uint64_t)r;
	return 0;
}

int sg_parse_size(const char *s, uint64_t *bytes)
{
	char *end;
	errno = 0;
	unsigned long long v = strtoull(s, &end, 10);
	if (errno || end == s || *s == '-')
		return -1;
	unsigned shift = 0;
	if (*end == 'k' || *end == 'K')
		shift = 10;
	else if (*end == 'm' || *end == 'M')
		shift = 20;
	else if (*end == 'g' || *end == 'G')
		shift = 30;
	else if (*end)
		return -1;
	if (shift && end[1] && strcmp(end + 1, "iB") && strcmp(end + 1, "B"))
		return -1;
	if (v > (~0ULL >> shift))
		return -1;
	*bytes = v << shift;
	return 0;
}

static int bad(const char *fmt, const char *arg)
{
	fprintf(stderr, "sysgrep: ");
	fprintf(stderr, fmt, arg);
	fprintf(stderr, "\nTry 'sysgrep --help' for more information.\n");
	return 2;
}

static int parse_count(const char *s, uint64_t *out)
{
	char *end;
	errno = 0;
	unsigned long long v = strtoull(s, &end, 10);
	if (errno || end == s || *end || *s == '-')
		return -1;
	*out = v;
	return 0;
}

/* The FILTER words after the options, joined with single spaces. */
static char *join_words(int argc, char **argv)
{
	size_t n = 1;
	for (int i = 0; i < argc; i++)
		n += strlen(argv[i]) + 1;
	char *s = malloc(n);
	if (!s)
		return NULL;
	s[0] = 0;
	for (int i = 0; i < argc; i++) {
		if (i)
			strcat(s, " ");
		strcat(s, argv[i]);
	}
	return s;
}

static int parse_one(struct sg_opts *o, int c, const char *arg)
{
	uint64_t v;

	switch (c) {
	case 'n':
		if (parse_count(arg, &o->max_events) || !o->max_events)
			return bad("-n: '%s' is not a positive whole number", arg);
		return 0;
	case 't':
		if (sg_parse_duration(arg, &o->timeout_ns) || !o->timeout_ns)
			return bad("-t: '%s' is not a duration (30, 30s, 500ms, 5m, 1h)", arg);
		return 0;
	case OPT_INTERVAL:
		if (sg_parse_duration(arg, &o->interval_ns) || !o->interval_ns)
			return bad("--interval: '%s' is not a duration (30, 30s, 500ms, 5m, 1h)", arg);
		return 0;
	case 'o':
		if (!strcmp(arg, "text"))
			o->fmt = SG_OUT_TEXT;
		else if (!strcmp(arg, "json") || !strcmp(arg, "jsonl"))
			o->fmt = SG_OUT_JSON;
		else if (!strcmp(arg, "csv"))
			o->fmt = SG_OUT_CSV;
		else
			return bad("-o: unknown output format '%s' (use text, json or csv)", arg);
		return 0;
	case 'j':
		o->fmt = SG_OUT_JSON;
		return 0;
	case 'p':
		o->format = arg;
		return 0;
	case 'q':
		o->quiet = true;
		return 0;
	case 'c':
		o->count = true;
		return 0;
	case 's':
		if (parse_count(arg, &v) || v > SG_SNAPLEN_MAX)
			return bad("-s: '%s' is not a snaplen from 0 to " SG_STR(SG_SNAPLEN_MAX), arg);
		o->snaplen = (uint32_t)v;
		return 0;
	case OPT_BUFFER_SIZE:
		if (sg_parse_size(arg, &v) || v < 4096 || v > (1ULL << 30) || (v & (v - 1)))
			return bad("--buffer-size: '%s' must be a power of two from 4K to 1G", arg);
		o->ringbuf_bytes = (uint32_t)v;
		return 0;
	case 'v':
		o->verbose++;
		return 0;
	case 'h':
		o->action = SG_ACT_HELP;
		return 0;
	case OPT_VERSION:
		o->action = SG_ACT_VERSION;
		return 0;
	case OPT_STATS:
		o->stats = true;
		return 0;
	case OPT_COLOR:
		if (!arg || !strcmp(arg, "always"))
			o->color = SG_COLOR_ALWAYS;
		else if (!strcmp(arg, "never"))
			o->color = SG_COLOR_NEVER;
		else if (!strcmp(arg, "auto"))
			o->color = SG_COLOR_AUTO;
		else
			return bad("--color: '%s' is not one of auto, always, never", arg);
		return 0;
	case OPT_NO_HEADER:
		o->no_header = true;
		return 0;
	case OPT_BUFFERED:
		o->buffered = true;
		return 0;
	case OPT_COUNT_BY:
		o->count_by = arg;
		return 0;
	case OPT_LIST_FIELDS:
		o->action = SG_ACT_LIST_FIELDS;
		return 0;
	case OPT_LIST_EVENTS:
		o->action = SG_ACT_LIST_EVENTS;
		return 0;
	case OPT_DUMP_FILTER:
		o->action = SG_ACT_DUMP_FILTER;
		return 0;
	case OPT_NO_PUSHDOWN:
		o->no_pushdown = true;
		return 0;
	case 'r':
		o->read_file = arg;
		return 0;
	case 'w':
		o->write_file = arg;
		return 0;
	case 'z':
		o->compress = true;
		return 0;
	case OPT_FORCE:
		o->force = true;
		return 0;
	case 'C':
		if (parse_count(arg, &v) || !v || v > (1ull << 40))
			return bad("-C: '%s' is not a size in megabytes (1 or more)", arg);
		o->rotate_bytes = v * 1000000ull;
		return 0;
	case 'G':
		if (sg_parse_duration(arg, &o->rotate_ns) || o->rotate_ns < 1000000000ull)
			return bad("-G: '%s' is not a duration of at least a second (30, 30s, 5m)", arg);
		return 0;
	case 'W':
		if (parse_count(arg, &o->rotate_files) || !o->rotate_files)
			return bad("-W: '%s' is not a positive whole number of files", arg);
		return 0;
	case OPT_RULES: {
		const char **r = realloc(o->rules, (o->nrules + 1) * sizeof(*r));
		if (!r)
			return bad("%s", "out of memory");
		r[o->nrules++] = arg;
		o->rules = r;
		return 0;
	}
	case OPT_RULE:
		o->rule = arg;
		return 0;
	case OPT_CHECK:
		o->action = SG_ACT_CHECK;
		return 0;
	case OPT_CONTAINER_SOCKET:
		if (o->nctr_sockets == sizeof(o->ctr_sockets) / sizeof(o->ctr_sockets[0]))
			return bad("--container-socket: at most 8 sockets (%s is one too many)", arg);
		if (!arg[0] || strlen(arg) >= 108)
			return bad("--container-socket: '%s' is not a unix socket path "
				   "(1 to 107 bytes, or 'none')", arg);
		o->ctr_sockets[o->nctr_sockets++] = arg;
		return 0;
	}
	return 2; /* getopt already said what was wrong */
}

static bool ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);
	return n >= m && !strcmp(s + n - m, suffix);
}

/* -r and -w, and what goes with them. */
static int check_capture_opts(struct sg_opts *o, bool saw_output)
{
	if (o->read_file && !o->read_file[0])
		return bad("%s", "-r needs a file name ('-' for stdin)");
	if (o->write_file && !o->write_file[0])
		return bad("%s", "-w needs a file name ('-' for stdout)");
	if (!o->write_file && (o->compress || o->force || o->rotate_bytes || o->rotate_ns ||
			       o->rotate_files))
		return bad("%s", "-z, --force, -C, -G and -W go with -w FILE");
	if (o->rotate_files && !o->rotate_bytes && !o->rotate_ns)
		return bad("%s", "-W needs -C or -G (what to rotate by)");
	if (o->write_file && !strcmp(o->write_file, "-") && (o->rotate_bytes || o->rotate_ns))
		return bad("%s", "-C and -G need a file name, not '-w -'");
	if (o->write_file && ends_with(o->write_file, ".gz"))
		o->compress = true;
	/* -w prints nothing unless asked to, as sysdig -w and tcpdump -w */
	o->print = !o->write_file || saw_output;
	if (o->write_file && !strcmp(o->write_file, "-") && o->print)
		return bad("%s", "-w - writes the capture to stdout: it cannot print there too");
	return 0;
}

int sg_opts_parse(struct sg_opts *o, int argc, char **argv)
{
	memset(o, 0, sizeof(*o));
	o->snaplen = 80;
	o->ringbuf_bytes = 8u << 20;

	opterr = 0;
	int c;
	bool saw_output = false;
	/* options may follow the filter words, as with grep and sysdig; a
	 * filter word that starts with '-' goes after "--" or in quotes */
	while ((c = getopt_long(argc, argv, "n:t:o:jp:qcs:vhr:w:zC:G:W:", long_opts, NULL)) != -1) {
		if (c == '?') {
			if (optopt >= '0' && optopt <= '9')
				return bad("unknown option '-%s': a filter word that starts with '-' "
					   "goes after '--' or in quotes",
					   (char[]){(char)optopt, 0});
			if (optopt && optopt < 256)
				return bad("unknown option '-%s'", (char[]){(char)optopt, 0});
			return bad("unknown or incomplete option '%s'", argv[optind - 1]);
		}
		if (c == ':')
			return bad("option '%s' needs a value", argv[optind - 1]);
		if (c == 'o' || c == 'p' || c == 'j' || c == 'c' || c == OPT_COUNT_BY)
			saw_output = true;
		int rc = parse_one(o, c, optarg);
		if (rc)
			return rc;
	}
	if (o->count && o->count_by)
		return bad("%s", "-c and --count-by cannot be used together");
	if (o->interval_ns && !o->count_by)
		return bad("%s", "--interval needs --count-by");
	int rc = check_capture_opts(o, saw_output);
	if (rc)
		return rc;
	if (o->rule && !o->nrules)
		return bad("--rule '%s' needs the rules file that defines it: --rules FILE", o->rule);
	/* like grep -q: the first match settles the exit status, so stop
	 * there (with --stats the run goes on, for the numbers) */
	if (o->quiet && !o->stats && !o->max_events && !o->count && !o->count_by &&
	    !o->write_file)
		o->max_events = 1;
	o->filter = join_words(argc - optind, argv + optind);
	if (!o->filter) {
		fprintf(stderr, "sysgrep: out of memory\n");
		return 2;
	}
	return 0;
}

void sg_opts_free(struct sg_opts *o)
{
	free(o->filter);
	o->filter = NULL;
	free(o->rules);
	o->rules = NULL;
	free(o->rule_format);
	o->rule_format = NULL;
	free(o->rule_what);
	o->rule_what = NULL;
}
