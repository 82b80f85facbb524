/*
 * Hostile values through every format, checked by independent readers:
 * JSON Lines parsed by jq (invalid UTF-8 must come back as Python's
 * decode('utf-8', 'replace') gives it, and the exact bytes from _raw),
 * CSV parsed by Python's csv module (byte-exact), and text scanned for any
 * raw control byte.  Values: newlines, commas, quotes, tabs, ESC and OSC
 * sequences, invalid UTF-8, C1 and bidi controls, backslashes, 4 KiB.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "state/state.h"
#include "event/syscalls.h"
#include "output/output.h"
#include "t.h"

static const char *const values[] = {
	"line1\nline2",
	"a,b",
	"say \"hi\"",
	"tab\there",
	"\033[31mred\033[0m\033]0;title\007",
	"bad\xff\xfeutf8",
	"cut\xc3",
	"caf\xc3\xa9 \xf0\x9f\x98\x80 \xe2\x80\xae",
	"\r\n\r\n",
	"",
	"\\ backslash \\n literal",
	"\xed\xa0\x80 surrogate \xc0\xaf overlong \xf4\x90\x80\x80",
	"\xc2\x9b" "2J C1 CSI",
	NULL, /* the 4 KiB one, filled in main */
};
#define NVAL (sizeof(values) / sizeof(values[0]))

static char big[4097];
static char dir[] = "/tmp/sg-hostile-XXXXXX";

struct hev {
	struct sg_event e;
	struct sg_proc proc;
};
static struct hev ev[NVAL];

static const char *value(size_t i)
{
	return values[i] ? values[i] : big;
}

static void build(struct sg_state *st)
{
	const struct sg_syscall_def *def = sg_syscall_by_name("openat", NULL);
	for (size_t i = 0; i < NVAL; i++) {
		struct sg_event *e = &ev[i].e;
		e->def = def;
		e->kind = SG_EV_SYSCALL;
		e->num = i + 1;
		e->ts = 1700000000000000000ull;
		e->pid = e->tid = 77;
		snprintf(e->comm, sizeof(e->comm), "%.15s", value(i));
		e->res = 3;
		e->fdnum = -1;
		e->state = st;
		e->nparams = def->nparams;
		for (unsigned k = 0; k < def->nparams; k++) {
			struct sg_param *p = &e->params[k];
			p->def = &def->params[k];
			p->num = p->def->src == SG_SRC_RES ? 3 : 0;
			if (strcmp(p->def->name, "name") == 0) {
				p->data = (const uint8_t *)value(i);
				p->len = (uint32_t)strlen(value(i));
				p->flags = SG_PARAM_DATA;
			}
		}
		ev[i].proc = (struct sg_proc){.pid = 77, .exepath = (char *)value(i)};
		e->proc = &ev[i].proc;
	}
}

static int render(const char *file, enum sg_outfmt fmt, const char *format)
{
	char path[256];
	snprintf(path, sizeof(path), "%s/%s", dir, file);
	FILE *f = fopen(path, "w");
	if (!f)
		return -1;
	struct sg_output_opts o = {.fmt = fmt, .format = format, .header = true, .fd = fileno(f)};
	struct sg_diag d = {.what = "format"};
	struct sg_output *out = sg_output_new(&o, &d);
	struct sg_arena a;
	sg_arena_init(&a, 1 << 16);
	int r = out ? 0 : -1;
	for (size_t i = 0; out && i < NVAL; i++) {
		sg_arena_reset(&a);
		r |= sg_output_event(out, &ev[i].e, &a);
	}
	if (out)
		r |= sg_output_end(out);
	sg_output_free(out);
	sg_arena_free(&a);
	fclose(f);
	return r;
}

static void write_raw(size_t i)
{
	char path[256];
	snprintf(path, sizeof(path), "%s/raw.%zu", dir, i);
	FILE *f = fopen(path, "wb");
	fwrite(value(i), 1, strlen(value(i)), f);
	fclose(f);
}

static int sh(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static int sh(const char *fmt, ...)
{
	char cmd[2048];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(cmd, sizeof(cmd), fmt, ap);
	va_end(ap);
	int r = system(cmd);
	return r == -1 ? -1 : WEXITSTATUS(r);
}

/* A file of dir, whole; *len its size. */
static char *slurp(const char *file, size_t *len)
{
	char path[256];
	snprintf(path, sizeof(path), "%s/%s", dir, file);
	FILE *f = fopen(path, "rb");
	char *buf = calloc(1, 1 << 20);
	*len = f ? fread(buf, 1, (1 << 20) - 1, f) : 0;
	if (f)
		fclose(f);
	return buf;
}

/* The NUL-terminated items of a file, one per value; false if fewer. */
static bool items(const char *file, char **buf, const char *item[NVAL], size_t ilen[NVAL])
{
	size_t len, at = 0;
	*buf = slurp(file, &len);
	for (size_t i = 0; i < NVAL; i++) {
		char *nul = memchr(*buf + at, 0, len - at);
		if (!nul)
			return false;
		item[i] = *buf + at;
		ilen[i] = (size_t)(nul - (*buf + at));
		at += ilen[i] + 1;
	}
	return true;
}

static bool same(const char *a, size_t alen, const char *b, size_t blen)
{
	return alen == blen && memcmp(a, b, alen) == 0;
}

/* Reference for JSON: Python's decode('utf-8', 'replace') of each value. */
static void python_replaced(void)
{
	sh("cd %s && python3 -c 'import sys\n"
	   "for i in range(%zu):\n"
	   "  sys.stdout.buffer.write(open(\"raw.%%d\" %% i,\"rb\").read()"
	   ".decode(\"utf-8\",\"replace\").encode() + b\"\\0\")' > want.json",
	   dir, NVAL);
}

/* Each event's value at jq path `path` of file, NUL separated, into out. */
static void jq_values(const char *file, const char *path, const char *out)
{
	sh("cd %s && jq -j -s '.[] | ((%s) + \"\\u0000\")' %s > %s", dir, path, file, out);
}

/* _raw values (base64) decoded by Python, NUL separated; "" when absent. */
static void jq_raw(const char *file, const char *key, const char *out)
{
	sh("cd %s && jq -r -s '.[] | ((._raw // {})[\"%s\"] // \"-\")' %s | python3 -c "
	   "'import sys,base64\n"
	   "for l in sys.stdin.read().splitlines():\n"
	   "  sys.stdout.buffer.write((b\"\" if l == \"-\" else base64.b64decode(l)) + b\"\\0\")'"
	   " > %s",
	   dir, key, file, out);
}

static void check_key(const char *file, const char *path, const char *rawkey,
		      const char *want[], const size_t wlen[])
{
	char *gbuf, *rbuf;
	const char *got[NVAL], *raw[NVAL];
	size_t glen[NVAL], rlen[NVAL];

	jq_values(file, path, "got");
	jq_raw(file, rawkey, "back");
	bool ok = items("got", &gbuf, got, glen) && items("back", &rbuf, raw, rlen);
	T_OK(ok, "%s %s: jq gave a value per event", file, rawkey);
	for (size_t i = 0; ok && i < NVAL; i++) {
		const char *v = value(i);
		bool valid = same(want[i], wlen[i], v, strlen(v));
		T_OK(same(got[i], glen[i], want[i], wlen[i]),
		     "%s %s: value %zu reads back as Python decodes it", file, rawkey, i);
		if (valid)
			T_OK(rlen[i] == 0, "%s %s: no _raw for valid value %zu", file, rawkey, i);
		else
			T_OK(same(raw[i], rlen[i], v, strlen(v)),
			     "%s %s: _raw of value %zu gives the exact bytes", file, rawkey, i);
	}
	free(gbuf);
	free(rbuf);
}

static void check_json(void)
{
	char *wbuf;
	const char *want[NVAL];
	size_t wlen[NVAL];

	T_OK(render("default.json", SG_OUT_JSON, NULL) == 0, "json default rendered");
	T_OK(render("p.json", SG_OUT_JSON, "%proc.exepath %evt.arg.name") == 0, "json -p rendered");
	T_OK(sh("cd %s && jq -e . default.json > /dev/null && jq -e . p.json > /dev/null", dir) == 0,
	     "jq parses every line");
	T_OK(sh("test $(wc -l < %s/default.json) -eq %zu", dir, NVAL) == 0,
	     "one JSON line per event");
	python_replaced();
	if (!T_OK(items("want.json", &wbuf, want, wlen), "python reference decoded"))
		return;
	check_key("default.json", ".[\"proc.exepath\"]", "proc.exepath", want, wlen);
	check_key("default.json", ".[\"evt.arg\"].name", "evt.arg.name", want, wlen);
	check_key("p.json", ".[\"evt.arg.name\"]", "evt.arg.name", want, wlen);
	free(wbuf);
}

static void check_csv(void)
{
	char *buf;
	const char *got[NVAL];
	size_t glen[NVAL];

	T_OK(render("p.csv", SG_OUT_CSV, "%evt.num %proc.exepath %evt.arg.name %proc.name") == 0,
	     "csv rendered");
	for (int col = 1; col <= 2; col++) {
		int r = sh("cd %s && python3 -c 'import csv,sys\n"
			   "r = list(csv.reader(open(\"p.csv\", newline=\"\", encoding=\"utf-8\","
			   " errors=\"surrogateescape\")))\n"
			   "assert len(r) == %zu and all(len(x) == 4 for x in r), \"bad rows\"\n"
			   "for x in r[1:]:\n"
			   "  sys.stdout.buffer.write(x[%d].encode(\"utf-8\", \"surrogateescape\") + b\"\\0\")'"
			   " > got.csv",
			   dir, NVAL + 1, col);
		T_OK(r == 0, "python csv: header + one row of 4 columns per event");
		bool ok = items("got.csv", &buf, got, glen);
		T_OK(ok, "python csv: a value per event (column %d)", col);
		for (size_t i = 0; ok && i < NVAL; i++)
			T_OK(same(got[i], glen[i], value(i), strlen(value(i))),
			     "csv column %d: value %zu round-trips byte for byte", col, i);
		free(buf);
	}
}

static void check_text(void)
{
	T_OK(render("out.txt", SG_OUT_TEXT, NULL) == 0, "text rendered");
	T_OK(render("p.txt", SG_OUT_TEXT, "%proc.exepath|%evt.arg.name|%20proc.name") == 0,
	     "text -p rendered");
	const char *files[] = {"out.txt", "p.txt"};
	for (int k = 0; k < 2; k++) {
		size_t len, lines = 0, ctl = 0;
		char *t = slurp(files[k], &len);
		for (size_t i = 0; i < len; i++) {
			unsigned char c = (unsigned char)t[i];
			if (c == '\n')
				lines++;
			else if (c < 0x20 || c == 0x7f)
				ctl++;
		}
		T_OK(lines == NVAL && ctl == 0,
		     "%s: one line per event, no raw control byte (%zu lines, %zu controls)",
		     files[k], lines, ctl);
		T_OK(!memmem(t, len, "\xc2\x9b", 2) && !memmem(t, len, "\xe2\x80\xae", 3),
		     "%s: no C1 CSI or bidi override left", files[k]);
		T_OK(memmem(t, len, "caf\xc3\xa9 \xf0\x9f\x98\x80", 9) != NULL,
		     "%s: valid UTF-8 kept as it is", files[k]);
		free(t);
	}
}

int main(void)
{
	for (size_t i = 0; i < sizeof(big) - 1; i++)
		big[i] = (char)(1 + i % 255);
	big[sizeof(big) - 1] = 0;
	sg_syscalls_init();
	setenv("TZ", "UTC", 1);
	tzset();
	struct sg_state *st = sg_state_new();
	build(st);
	if (!mkdtemp(dir)) {
		T_OK(0, "mkdtemp: %s", strerror(errno));
		return t_done();
	}
	for (size_t i = 0; i < NVAL; i++)
		write_raw(i);
	T_OK(sh("command -v jq > /dev/null && command -v python3 > /dev/null") == 0,
	     "jq and python3 are installed (the readers of this test)");

	check_json();
	check_csv();
	check_text();

	if (!getenv("SG_KEEP_TMP"))
		sh("rm -rf %s", dir);
	sg_state_free(st);
	return t_done();
}
