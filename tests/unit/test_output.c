/* Output building blocks: escaping, -p compiler, writer (EPIPE, ENOSPC,
 * buffering), -q, -c, --count-by, and the per-format rules on events. */
#include <errno.h>
#include <fcntl.h>
#include <regex.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "state/state.h"
#include "event/syscalls.h"
#include "output/internal.h"
#include "t.h"

static struct sg_strbuf sb;

static const char *esc_text(const char *s, size_t n, size_t max)
{
	sg_sb_reset(&sb);
	sg_esc_text(&sb, s, n, max);
	return sg_sb_cstr(&sb);
}

static const char *esc_json(const char *s, size_t n, bool *valid)
{
	sg_sb_reset(&sb);
	bool v = sg_esc_json(&sb, s, n);
	if (valid)
		*valid = v;
	return sg_sb_cstr(&sb);
}

static const char *esc_csv(const char *s)
{
	sg_sb_reset(&sb);
	sg_esc_csv(&sb, s, strlen(s));
	return sg_sb_cstr(&sb);
}

static const char *b64(const char *s, size_t n)
{
	sg_sb_reset(&sb);
	sg_base64(&sb, s, n);
	return sg_sb_cstr(&sb);
}

#define S(lit) lit, sizeof(lit) - 1

static void test_text_escape(void)
{
	T_STREQ(esc_text(S("plain /etc/passwd"), SG_NO_LIMIT), "plain /etc/passwd", "text: plain");
	T_STREQ(esc_text(S("a\nb\tc\rd"), SG_NO_LIMIT), "a\\nb\\tc\\rd", "text: \\n \\t \\r");
	T_STREQ(esc_text(S("back\\slash"), SG_NO_LIMIT), "back\\\\slash", "text: backslash doubled");
	T_STREQ(esc_text(S("\033[31mred\033[0m"), SG_NO_LIMIT), "\\x1b[31mred\\x1b[0m",
		"text: ESC as \\x1b");
	T_STREQ(esc_text(S("nul\0del\x7f"), SG_NO_LIMIT), "nul\\x00del\\x7f", "text: NUL and DEL");
	T_STREQ(esc_text(S("caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80"), SG_NO_LIMIT),
		"caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80", "text: valid UTF-8 kept");
	T_STREQ(esc_text(S("bad\xff\xfe"), SG_NO_LIMIT), "bad\\xff\\xfe", "text: invalid bytes");
	T_STREQ(esc_text(S("cut\xc3"), SG_NO_LIMIT), "cut\\xc3", "text: cut sequence");
	T_STREQ(esc_text(S("\xc0\xaf"), SG_NO_LIMIT), "\\xc0\\xaf", "text: overlong form");
	T_STREQ(esc_text(S("\xed\xa0\x80"), SG_NO_LIMIT), "\\xed\\xa0\\x80", "text: surrogate");
	T_STREQ(esc_text(S("\xf4\x90\x80\x80"), SG_NO_LIMIT), "\\xf4\\x90\\x80\\x80",
		"text: above U+10FFFF");
	T_STREQ(esc_text(S("x\xc2\x9b" "2J"), SG_NO_LIMIT), "x\\xc2\\x9b2J", "text: C1 CSI escaped");
	T_STREQ(esc_text(S("a\xe2\x80\xae" "b"), SG_NO_LIMIT), "a\\xe2\\x80\\xaeb",
		"text: bidi override escaped");
	T_STREQ(esc_text(S("h\xc3\xa9llo"), 3), "h\xc3\xa9l", "text: width counts code points");
	sg_sb_reset(&sb);
	T_OK(sg_esc_text(&sb, S("a\nb"), 2) == 1 && strcmp(sg_sb_cstr(&sb), "a") == 0,
	     "text: an escape is never cut in half");

	/* every byte value alone: the escaped text has no control byte */
	int raw = 0;
	for (int c = 0; c < 256; c++) {
		char in = (char)c;
		const char *o = esc_text(&in, 1, SG_NO_LIMIT);
		for (const char *p = o; *p; p++)
			if ((unsigned char)*p < 0x20 || *p == 0x7f || (unsigned char)*p >= 0x80)
				raw++;
	}
	T_OK(raw == 0, "text: no single byte passes through as a control or high byte");
}

static void test_json_escape(void)
{
	bool v;
	T_STREQ(esc_json(S("plain"), &v), "\"plain\"", "json: plain");
	T_OK(v, "json: plain is valid UTF-8");
	T_STREQ(esc_json(S("q\"b\\n\nt\tr\r\x01\x1f\x7f"), NULL),
		"\"q\\\"b\\\\n\\nt\\tr\\r\\u0001\\u001f\\u007f\"", "json: quote, backslash, controls");
	T_STREQ(esc_json(S("nul\0x"), NULL), "\"nul\\u0000x\"", "json: NUL as \\u0000");
	T_STREQ(esc_json(S("\033[2J"), NULL), "\"\\u001b[2J\"", "json: ESC");
	T_STREQ(esc_json(S("caf\xc3\xa9"), &v), "\"caf\xc3\xa9\"", "json: UTF-8 kept");
	T_OK(v, "json: UTF-8 valid");
	T_STREQ(esc_json(S("a\xff" "b\xc3"), &v), "\"a\\ufffdb\\ufffd\"", "json: invalid -> U+FFFD");
	T_OK(!v, "json: invalid reported");
	T_STREQ(esc_json(S("\xf0\x9f\x98" "x\xe0\x80\xed\xa0\x80"), NULL),
		"\"\\ufffdx\\ufffd\\ufffd\\ufffd\\ufffd\\ufffd\"",
		"json: one U+FFFD per maximal invalid subpart");
	T_STREQ(esc_json(S("\xe2\x80\xa8"), NULL), "\"\\u2028\"", "json: U+2028 escaped");
	T_STREQ(esc_json("", 0, &v), "\"\"", "json: empty");
}

static void test_csv_escape(void)
{
	T_STREQ(esc_csv("plain"), "plain", "csv: plain unquoted");
	T_STREQ(esc_csv("a,b"), "\"a,b\"", "csv: comma quoted");
	T_STREQ(esc_csv("say \"hi\""), "\"say \"\"hi\"\"\"", "csv: quotes doubled");
	T_STREQ(esc_csv("a\nb"), "\"a\nb\"", "csv: LF quoted");
	T_STREQ(esc_csv("a\rb"), "\"a\rb\"", "csv: CR quoted");
	T_STREQ(esc_csv("tab\there"), "tab\there", "csv: tab needs no quotes");
	T_STREQ(esc_csv(""), "", "csv: empty");
}

static void test_base64(void)
{
	T_STREQ(b64("", 0), "", "base64 empty");
	T_STREQ(b64(S("f")), "Zg==", "base64 f");
	T_STREQ(b64(S("fo")), "Zm8=", "base64 fo");
	T_STREQ(b64(S("foo")), "Zm9v", "base64 foo");
	T_STREQ(b64(S("foobar")), "Zm9vYmFy", "base64 foobar");
	T_STREQ(b64(S("\xff\xfe\x00")), "//4A", "base64 high bytes");
}

static void test_format_compile(void)
{
	struct sg_diag d = {.what = "format"};
	struct sg_fmt *f = sg_fmt_compile("*%evt.num %proc.name", &d);
	T_OK(f && f->star && f->nitems == 3 && f->nfields == 2, "format: star, 3 items, 2 fields");
	T_OK(f && f->items[0].ref.id == SG_F_EVT_NUM && f->items[2].ref.id == SG_F_PROC_NAME,
	     "format: field ids");
	T_OK(f && f->items[1].kind == SG_ITEM_LIT && f->items[1].len == 1, "format: literal");
	sg_fmt_free(f);

	f = sg_fmt_compile("%10proc.name|%%|a\\tb\\n\\q", &d);
	T_OK(f && f->items[0].width == 10 && !f->star, "format: %%N width");
	T_OK(f && f->nitems == 2 && strcmp(f->items[1].text, "|%|a\tb\n\\q") == 0,
	     "format: %% and \\t \\n escapes, unknown escape kept");
	sg_fmt_free(f);

	char *src = strdup("%evt.arg.fd %proc.aname[2] %evt.arg[1]");
	f = sg_fmt_compile(src, &d);
	memset(src, 'x', strlen(src));
	free(src);
	T_OK(f && f->nfields == 3, "format: field arguments");
	T_OK(f && f->items[0].ref.key && f->items[0].ref.keylen == 2 &&
		     memcmp(f->items[0].ref.key, "fd", 2) == 0,
	     "format: key survives the caller's text");
	T_OK(f && strcmp(f->items[0].text, "evt.arg.fd") == 0 &&
		     strcmp(f->items[2].text, "proc.aname[2]") == 0,
	     "format: names kept as written");
	T_OK(f && f->items[4].ref.index == 1, "format: evt.arg[1] index");
	sg_fmt_free(f);

	struct sg_diag d1 = {.what = "format"};
	T_OK(!sg_fmt_compile("%evt.num %proc.nmae", &d1), "format: unknown field fails");
	T_OK(d1.set && d1.col == 11 && strstr(d1.msg, "proc.name"),
	     "format: error at the field with a suggestion (col %d: %s)", d1.col, d1.msg);
	struct sg_diag d2 = {.what = "format"};
	T_OK(!sg_fmt_compile("x %fd.ip", &d2) && d2.set && d2.col == 4 && strstr(d2.msg, "filters"),
	     "format: filter-only field rejected (%s)", d2.msg);
	struct sg_diag d3 = {.what = "format"};
	T_OK(!sg_fmt_compile("end %", &d3) && d3.set && d3.col == 6, "format: lone %% at the end");
	struct sg_diag d4 = {.what = "format"};
	T_OK(!sg_fmt_compile("%99999proc.name", &d4) && d4.set, "format: huge width rejected");
	struct sg_diag d5 = {.what = "format"};
	f = sg_fmt_compile("", &d5);
	T_OK(f && f->nitems == 0 && !d5.set, "format: empty format compiles");
	sg_fmt_free(f);

	struct sg_diag d6 = {.what = "count-by"};
	f = sg_fmt_compile_list(" proc.name , evt.type,%fd.name", &d6);
	T_OK(f && f->nfields == 3 && f->items[2].ref.id == SG_F_FD_NAME, "list: three fields");
	sg_fmt_free(f);
	struct sg_diag d7 = {.what = "count-by"};
	T_OK(!sg_fmt_compile_list("proc.name evt.type", &d7) && d7.set && d7.col == 11,
	     "list: missing comma reported at col %d", d7.col);
	struct sg_diag d8 = {.what = "count-by"};
	T_OK(!sg_fmt_compile_list("proc.name,", &d8) && d8.set, "list: trailing comma");
	struct sg_diag d9 = {.what = "count-by"};
	T_OK(!sg_fmt_compile_list("", &d9) && d9.set, "list: empty");
}

/* Random inputs (fixed seed): escapers never let a control byte or invalid
 * UTF-8 through, and the compiler either compiles or explains why. */
static void test_random(void)
{
	unsigned seed = 12345;
	char in[64];
	int text_bad = 0, json_bad = 0, fmt_bad = 0;
	static const char alphabet[] = "%%%*\\ntevroc.pnam[]0123456789 ,'\"\x1b\xff";

	for (int round = 0; round < 20000; round++) {
		size_t n = (size_t)(rand_r(&seed) % sizeof(in));
		for (size_t i = 0; i < n; i++)
			in[i] = (char)(rand_r(&seed) & 0xff);
		sg_sb_reset(&sb);
		sg_esc_text(&sb, in, n, SG_NO_LIMIT);
		for (size_t i = 0; i < sb.len; i++) {
			unsigned char c = (unsigned char)sb.p[i];
			text_bad += c < 0x20 || c == 0x7f;
		}
		sg_sb_reset(&sb);
		sg_esc_json(&sb, in, n);
		for (size_t i = 0; i < sb.len;) {
			uint32_t cp;
			size_t l = sg_utf8_next((const uint8_t *)sb.p + i, sb.len - i, &cp);
			json_bad += l == 0 || cp < 0x20;
			i += l ? l : 1;
		}

		for (size_t i = 0; i < n; i++)
			in[i] = alphabet[rand_r(&seed) % (sizeof(alphabet) - 1)];
		in[n] = 0;
		struct sg_diag d = {.what = "format"};
		struct sg_fmt *f = sg_fmt_compile(in, &d);
		fmt_bad += !f == !d.set; /* NULL exactly when an error is set */
		sg_fmt_free(f);
	}
	T_OK(text_bad == 0, "random bytes: text escape lets no control byte through");
	T_OK(json_bad == 0, "random bytes: JSON strings are valid UTF-8 without controls");
	T_OK(fmt_bad == 0, "random formats: compiled, or an error with a position");
}

/* ---- writer ----------------------------------------------------------- */

static struct sg_output *new_out(enum sg_outfmt fmt, int fd, const char *format,
				 const char *count_by, bool count)
{
	struct sg_output_opts o = {.fmt = fmt, .format = format, .count_by = count_by,
				   .count = count, .header = true, .fd = fd};
	struct sg_diag d = {.what = "format"};
	struct sg_output *out = sg_output_new(&o, &d);
	if (!out)
		t_note("sg_output_new: %s", d.msg);
	return out;
}

static void test_writer(void)
{
	int p[2];
	signal(SIGPIPE, SIG_IGN);

	T_OK(pipe(p) == 0, "pipe");
	close(p[0]);
	struct sg_output *out = new_out(SG_OUT_TEXT, p[1], NULL, NULL, true);
	errno = 0;
	T_OK(out && sg_output_end(out) == -1 && errno == EPIPE, "reader gone: -1 with EPIPE");
	sg_output_free(out);
	close(p[1]);

	int full = open("/dev/full", O_WRONLY);
	out = new_out(SG_OUT_JSON, full, NULL, NULL, true);
	errno = 0;
	T_OK(out && sg_output_end(out) == -1 && errno == ENOSPC, "/dev/full: -1 with ENOSPC");
	sg_output_free(out);
	close(full);

	/* buffered: nothing leaves before 64 KiB, then everything whole */
	T_OK(pipe(p) == 0, "pipe 2");
	fcntl(p[0], F_SETFL, O_NONBLOCK);
	fcntl(p[1], F_SETPIPE_SZ, 1 << 20);
	struct sg_writer w = {.fd = p[1], .buffered = true};
	sg_sb_init(&w.buf);
	char line[100];
	memset(line, 'x', sizeof(line) - 1);
	line[sizeof(line) - 1] = '\n';
	int r = 0;
	for (int i = 0; i < 100; i++) {
		sg_sb_put(&w.buf, line, sizeof(line));
		r |= sg_writer_commit(&w);
	}
	char rd[1 << 17];
	T_OK(r == 0 && read(p[0], rd, sizeof(rd)) < 0 && errno == EAGAIN,
	     "buffered: 10000 bytes stay in memory");
	for (int i = 0; i < 600; i++) {
		sg_sb_put(&w.buf, line, sizeof(line));
		r |= sg_writer_commit(&w);
	}
	ssize_t got = read(p[0], rd, sizeof(rd));
	T_OK(r == 0 && got >= SG_WRITER_FLUSH_AT && got % 100 == 0,
	     "buffered: flushed at 64 KiB, whole lines (%zd bytes)", got);
	T_OK(sg_writer_flush(&w) == 0 && read(p[0], rd, sizeof(rd)) == 70000 - got,
	     "flush writes the rest");
	w.buffered = false;
	sg_sb_put(&w.buf, line, sizeof(line));
	T_OK(sg_writer_commit(&w) == 0 && read(p[0], rd, sizeof(rd)) == 100,
	     "unbuffered: each event written at once");
	sg_sb_put(&w.buf, "skipped", 7);
	sg_writer_rewind(&w, 0);
	T_OK(w.buf.len == 0, "rewind drops a skipped event");
	sg_writer_free(&w); /* the buffer and the record ends */
	close(p[0]);
	close(p[1]);
}

/* ---- events ----------------------------------------------------------- */

static char outbuf[1 << 16];

/* Run fn on a temp file and return what it wrote. */
static const char *slurp(int fd)
{
	ssize_t n = pread(fd, outbuf, sizeof(outbuf) - 1, 0);
	outbuf[n > 0 ? n : 0] = 0;
	return outbuf;
}

static int tmpfd(void)
{
	char name[] = "/tmp/sg-test-output-XXXXXX";
	int fd = mkstemp(name);
	unlink(name);
	return fd;
}

struct ev {
	struct sg_event e;
	struct sg_proc proc;
};

static void make_event(struct ev *v, const char *type, uint64_t num, const char *comm,
		       int64_t res)
{
	memset(v, 0, sizeof(*v));
	unsigned nr;
	v->e.def = sg_syscall_by_name(type, &nr);
	v->e.nr = (uint16_t)nr;
	v->e.kind = SG_EV_SYSCALL;
	v->e.num = num;
	v->e.ts = 1700000000123456789ull;
	v->e.pid = v->e.tid = 100;
	snprintf(v->e.comm, sizeof(v->e.comm), "%s", comm);
	v->e.res = res;
	v->e.fdnum = -1;
	/* params: the result only, enough for these tests */
	for (unsigned i = 0; v->e.def && i < v->e.def->nparams; i++) {
		if (v->e.def->params[i].src != SG_SRC_RES)
			continue;
		v->e.params[v->e.nparams].def = &v->e.def->params[i];
		v->e.params[v->e.nparams++].num = res;
	}
}

static void test_events(struct sg_arena *a)
{
	struct ev v1, v2, v3;
	make_event(&v1, "close", 1, "bash", 0);
	make_event(&v2, "close", 2, "cat", -9);
	make_event(&v3, "getpid", 3, "bash", 100);

	int fd = tmpfd();
	struct sg_output *out = new_out(SG_OUT_TEXT, fd, "%evt.num %proc.name %evt.res", NULL, false);
	sg_output_event(out, &v1.e, a);
	sg_output_event(out, &v2.e, a);
	sg_output_end(out);
	T_STREQ(slurp(fd), "1 bash SUCCESS\n2 cat EBADF\n", "text -p");
	sg_output_free(out);
	close(fd);

	fd = tmpfd();
	out = new_out(SG_OUT_TEXT, fd, "%evt.num %fd.name", NULL, false);
	sg_output_event(out, &v1.e, a);
	sg_output_end(out);
	T_STREQ(slurp(fd), "", "text -p: event missing a field is skipped");
	sg_output_free(out);
	close(fd);

	fd = tmpfd();
	out = new_out(SG_OUT_TEXT, fd, "*%evt.num %fd.name|%6proc.name|%2proc.name|", NULL, false);
	sg_output_event(out, &v1.e, a);
	sg_output_end(out);
	T_STREQ(slurp(fd), "1 <NA>|bash  |ba|\n", "text -p: * prints <NA>; %%N pads and cuts");
	sg_output_free(out);
	close(fd);

	/* a width cuts values, not the <NA> marker: a cut "<NA" reads as data */
	fd = tmpfd();
	out = new_out(SG_OUT_TEXT, fd, "*%3fd.num|%2fd.name|%6fd.name|", NULL, false);
	sg_output_event(out, &v1.e, a);
	sg_output_end(out);
	T_STREQ(slurp(fd), "<NA>|<NA>|<NA>  |\n", "text -p: %%N keeps <NA> whole");
	sg_output_free(out);
	close(fd);

	fd = tmpfd();
	struct sg_output_opts co = {.fmt = SG_OUT_TEXT, .format = "%proc.name %evt.type %evt.res",
				    .color = true, .fd = fd};
	struct sg_diag d = {0};
	out = sg_output_new(&co, &d);
	sg_output_event(out, &v2.e, a);
	sg_output_end(out);
	T_STREQ(slurp(fd), "\033[36mcat\033[0m \033[1;31mclose\033[0m \033[1;31mEBADF\033[0m\n",
		"text colour: name, failed type and result");
	sg_output_free(out);
	close(fd);

	fd = tmpfd();
	out = new_out(SG_OUT_JSON, fd, "%evt.num %proc.name %evt.failed %fd.name", NULL, false);
	sg_output_event(out, &v1.e, a);
	sg_output_end(out);
	T_STREQ(slurp(fd), "", "json -p: missing field skips the event");
	sg_output_free(out);
	close(fd);

	fd = tmpfd();
	out = new_out(SG_OUT_JSON, fd, "*%evt.num %proc.name %evt.failed %fd.name %evt.num", NULL,
		      false);
	sg_output_event(out, &v2.e, a);
	sg_output_end(out);
	T_STREQ(slurp(fd),
		"{\"evt.num\":2,\"proc.name\":\"cat\",\"evt.failed\":true,\"fd.name\":null}\n",
		"json -p: typed values, null for missing, duplicate key once");
	sg_output_free(out);
	close(fd);

	fd = tmpfd();
	out = new_out(SG_OUT_CSV, fd, "%evt.num,%proc.name", NULL, false);
	sg_output_end(out);
	T_STREQ(slurp(fd), "evt.num,proc.name\n", "csv: header even with no events");
	sg_output_free(out);
	close(fd);

	fd = tmpfd();
	struct sg_output_opts no = {.fmt = SG_OUT_CSV, .format = "%evt.num %proc.name",
				    .header = false, .fd = fd};
	out = sg_output_new(&no, &d);
	sg_output_event(out, &v1.e, a);
	sg_output_end(out);
	T_STREQ(slurp(fd), "1,bash\n", "csv: --no-header");
	sg_output_free(out);
	close(fd);

	fd = tmpfd();
	struct sg_output_opts q = {.fmt = SG_OUT_TEXT, .quiet = true, .count = true, .fd = fd};
	out = sg_output_new(&q, &d);
	sg_output_event(out, &v1.e, a);
	T_OK(sg_output_tick(out) == 0 && sg_output_end(out) == 0, "quiet: ok");
	T_STREQ(slurp(fd), "", "quiet: writes nothing");
	sg_output_free(out);
	close(fd);

	/* -c in each format */
	const char *want_c[] = {"3\n", "{\"count\":3}\n", "count\n3\n"};
	for (int f = SG_OUT_TEXT; f <= SG_OUT_CSV; f++) {
		fd = tmpfd();
		out = new_out(f, fd, NULL, NULL, true);
		sg_output_event(out, &v1.e, a);
		sg_output_event(out, &v2.e, a);
		sg_output_event(out, &v3.e, a);
		sg_output_end(out);
		T_STREQ(slurp(fd), want_c[f], "-c in format %d", f);
		sg_output_free(out);
		close(fd);
	}

	/* --count-by: sorted by count, then key */
	const char *want_t =
		"count  proc.name  evt.type\n"
		"    2  bash       close\n"
		"    1  bash       getpid\n"
		"    1  cat        close\n";
	const char *want_j =
		"{\"count\":2,\"proc.name\":\"bash\",\"evt.type\":\"close\"}\n"
		"{\"count\":1,\"proc.name\":\"bash\",\"evt.type\":\"getpid\"}\n"
		"{\"count\":1,\"proc.name\":\"cat\",\"evt.type\":\"close\"}\n";
	const char *want_v =
		"count,proc.name,evt.type\n2,bash,close\n1,bash,getpid\n1,cat,close\n";
	const char *want[] = {want_t, want_j, want_v};
	for (int f = SG_OUT_TEXT; f <= SG_OUT_CSV; f++) {
		fd = tmpfd();
		out = new_out(f, fd, NULL, "proc.name,evt.type", false);
		sg_output_event(out, &v2.e, a);
		sg_output_event(out, &v3.e, a);
		sg_output_event(out, &v1.e, a);
		sg_output_event(out, &v1.e, a);
		sg_output_end(out);
		T_STREQ(slurp(fd), want[f], "--count-by in format %d", f);
		sg_output_free(out);
		close(fd);
	}

	/* intervals: each tick prints and restarts; numbers are numbers */
	fd = tmpfd();
	out = new_out(SG_OUT_JSON, fd, NULL, "evt.num,fd.name", false);
	sg_output_event(out, &v1.e, a);
	sg_output_tick(out);
	sg_output_event(out, &v2.e, a);
	sg_output_end(out);
	T_STREQ(slurp(fd),
		"{\"count\":1,\"evt.num\":1,\"fd.name\":null}\n"
		"{\"count\":1,\"evt.num\":2,\"fd.name\":null}\n",
		"--count-by intervals, typed values, null for missing");
	sg_output_free(out);
	close(fd);

	/* --interval: each row says which interval it is of; an empty
	 * interval is a row of count 0 without values */
	for (int f = SG_OUT_JSON; f <= SG_OUT_CSV; f++) {
		struct sg_output_opts io = {.fmt = f, .count_by = "proc.name", .header = true,
					    .interval = true, .fd = tmpfd()};
		struct sg_diag idg = {.what = "format"};
		out = sg_output_new(&io, &idg);
		sg_output_event(out, &v1.e, a);
		sg_output_tick(out);
		sg_output_tick(out);
		sg_output_event(out, &v2.e, a);
		sg_output_end(out);
		const char *got = slurp(io.fd);
		const char *re = f == SG_OUT_JSON
			? "^\\{\"count\":1,\"interval\":\"(20[0-9-]{8}T[0-9:]{8}\\.[0-9]{9}Z)\",\"proc.name\":\"bash\"\\}\n"
			  "\\{\"count\":0,\"interval\":\"20[0-9-]{8}T[0-9:]{8}\\.[0-9]{9}Z\"\\}\n"
			  "\\{\"count\":1,\"interval\":\"20[0-9-]{8}T[0-9:]{8}\\.[0-9]{9}Z\",\"proc.name\":\"cat\"\\}\n$"
			: "^count,interval,proc.name\n"
			  "1,20[0-9-]{8}T[0-9:]{8}\\.[0-9]{9}Z,bash\n"
			  "0,20[0-9-]{8}T[0-9:]{8}\\.[0-9]{9}Z,\n"
			  "1,20[0-9-]{8}T[0-9:]{8}\\.[0-9]{9}Z,cat\n$";
		regex_t rx;
		T_OK(regcomp(&rx, re, REG_EXTENDED) == 0 && regexec(&rx, got, 0, NULL, 0) == 0,
		     "--interval in format %d: rows carry the interval's end, empty ones too", f);
		if (regexec(&rx, got, 0, NULL, 0) != 0)
			t_note("got: %s", got);
		regfree(&rx);
		sg_output_free(out);
		close(io.fd);
	}

	/* hostile keys: escaped in the text table, exact in JSON's _raw */
	struct ev h1, h2;
	make_event(&h1, "close", 4, "a\nb\033", 0);
	make_event(&h2, "close", 5, "x\xffy", 0);
	fd = tmpfd();
	out = new_out(SG_OUT_TEXT, fd, NULL, "proc.name", false);
	sg_output_event(out, &h1.e, a);
	sg_output_event(out, &h2.e, a);
	sg_output_event(out, &h2.e, a);
	sg_output_end(out);
	T_STREQ(slurp(fd), "count  proc.name\n    2  x\\xffy\n    1  a\\nb\\x1b\n",
		"--count-by text: keys escaped, columns aligned on escaped width");
	sg_output_free(out);
	close(fd);
	fd = tmpfd();
	out = new_out(SG_OUT_JSON, fd, NULL, "proc.name", false);
	sg_output_event(out, &h2.e, a);
	sg_output_end(out);
	T_STREQ(slurp(fd), "{\"count\":1,\"proc.name\":\"x\\ufffdy\",\"_raw\":{\"proc.name\":\"eP95\"}}\n",
		"--count-by json: invalid UTF-8 key with _raw");
	sg_output_free(out);
	close(fd);

	/* a -p format with \n: one event, two lines, written together */
	fd = tmpfd();
	out = new_out(SG_OUT_TEXT, fd, "%evt.num\\n  %proc.name", NULL, false);
	sg_output_event(out, &v1.e, a);
	sg_output_end(out);
	T_STREQ(slurp(fd), "1\n  bash\n", "text -p: \\n in the format");
	sg_output_free(out);
	close(fd);

	struct sg_output_opts bad = {.fmt = SG_OUT_TEXT, .count_by = "proc.name,evt.tpye", .fd = 1};
	struct sg_diag bd = {.what = "format"};
	T_OK(!sg_output_new(&bad, &bd) && bd.set && strcmp(bd.what, "count-by") == 0 &&
		     strstr(bd.msg, "evt.type"),
	     "--count-by unknown field: count-by error with suggestion");
	struct sg_output_opts dup = {.fmt = SG_OUT_JSON, .count_by = "proc.name, evt.type,proc.name",
				     .fd = 1};
	struct sg_diag dd = {.what = "format"};
	T_OK(!sg_output_new(&dup, &dd) && dd.set && strcmp(dd.what, "count-by") == 0 &&
		     strstr(dd.msg, "proc.name is listed twice") && dd.col == 21,
	     "--count-by a field twice: an error at the second");
	struct sg_output_opts badp = {.fmt = SG_OUT_JSON, .format = "%nope", .fd = 1};
	struct sg_diag pd = {.what = "format"};
	T_OK(!sg_output_new(&badp, &pd) && pd.set && pd.col == 2, "bad -p: format error");
}

int main(void)
{
	sg_sb_init(&sb);
	sg_syscalls_init();
	setenv("TZ", "UTC", 1);
	tzset();
	struct sg_arena a;
	sg_arena_init(&a, 1 << 16);

	test_text_escape();
	test_json_escape();
	test_csv_escape();
	test_base64();
	test_format_compile();
	test_random();
	test_writer();
	test_events(&a);

	sg_arena_free(&a);
	sg_sb_free(&sb);
	return t_done();
}
