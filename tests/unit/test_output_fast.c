/*
 * The fast paths of rendering against the slow, obvious ways they replace:
 * numbers against printf, the word-at-a-time escapers against byte-by-byte
 * reference escapers, sg_field_text against sg_field_get + sg_value_text on
 * every field of the catalogue, and the batching writer (whole events,
 * nothing left behind after a flush, whole events kept when memory runs
 * out).
 */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <linux/types.h>

#include "bpf/decode.h"
#include "state/state.h"
#include "event/abi.h"
#include "event/syscalls.h"
#include "output/internal.h"
#include "t.h"

static struct sg_strbuf sb;

/* ---- numbers ------------------------------------------------------------ */

static uint64_t next_rand(uint64_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return *s;
}

/* Interesting values: powers of ten and two around their edges, plus
 * random ones of every length. */
static uint64_t sample(unsigned i, uint64_t *seed)
{
	static const uint64_t edges[] = {0, 1, 7, 8, 9, 10, 11, 15, 16, 99, 100, 101, 255, 256,
					 999, 1000, 4095, 65535, 999999999, 1000000000,
					 UINT32_MAX, (uint64_t)UINT32_MAX + 1, INT64_MAX,
					 (uint64_t)INT64_MAX + 1, UINT64_MAX - 1, UINT64_MAX};
	if (i < sizeof(edges) / sizeof(edges[0]))
		return edges[i];
	return next_rand(seed) >> (next_rand(seed) % 64);
}

static void test_numbers(void)
{
	uint64_t seed = 88172645463325252ull;
	int bad_u = 0, bad_i = 0, bad_x = 0, bad_o = 0, bad_p = 0;
	char want[64];

	for (unsigned i = 0; i < 20000; i++) {
		uint64_t v = sample(i, &seed);
		sg_sb_reset(&sb);
		sg_sb_u64(&sb, v);
		snprintf(want, sizeof(want), "%" PRIu64, v);
		bad_u += strcmp(sg_sb_cstr(&sb), want) != 0;

		sg_sb_reset(&sb);
		sg_sb_i64(&sb, (int64_t)v);
		snprintf(want, sizeof(want), "%" PRId64, (int64_t)v);
		bad_i += strcmp(sg_sb_cstr(&sb), want) != 0;

		sg_sb_reset(&sb);
		sg_sb_hex64(&sb, v);
		snprintf(want, sizeof(want), "%" PRIx64, v);
		bad_x += strcmp(sg_sb_cstr(&sb), want) != 0;

		sg_sb_reset(&sb);
		sg_sb_oct64(&sb, v);
		snprintf(want, sizeof(want), "%#" PRIo64, v);
		bad_o += strcmp(sg_sb_cstr(&sb), want) != 0;

		unsigned w = i % 21;
		sg_sb_reset(&sb);
		sg_sb_u64_pad(&sb, v, w);
		snprintf(want, sizeof(want), "%0*" PRIu64, (int)w, v);
		bad_p += strcmp(sg_sb_cstr(&sb), want) != 0;
	}
	T_OK(bad_u == 0, "sg_sb_u64 = %%llu on 20000 values (%d differ)", bad_u);
	T_OK(bad_i == 0, "sg_sb_i64 = %%lld, INT64_MIN included (%d differ)", bad_i);
	T_OK(bad_x == 0, "sg_sb_hex64 = %%llx (%d differ)", bad_x);
	T_OK(bad_o == 0, "sg_sb_oct64 = %%#llo, 0 as \"0\" (%d differ)", bad_o);
	T_OK(bad_p == 0, "sg_sb_u64_pad = %%0*llu (%d differ)", bad_p);
}

/* Every length of the small-copy path, next to guard bytes. */
static void test_copy(void)
{
	char src[48], dst[48 + 2];
	int bad = 0;

	for (size_t i = 0; i < sizeof(src); i++)
		src[i] = (char)('a' + i % 26);
	for (size_t n = 0; n <= sizeof(src); n++) {
		memset(dst, '#', sizeof(dst));
		sg_sb_copy(dst + 1, src, n);
		bad += memcmp(dst + 1, src, n) != 0 || dst[0] != '#' || dst[n + 1] != '#';
	}
	T_OK(bad == 0, "sg_sb_copy: every length 0..48 exact, nothing outside");

	struct sg_strbuf b;
	sg_sb_init(&b);
	for (int i = 0; i < 1000; i++)
		sg_sb_put(&b, src, (size_t)i % 40);
	size_t want = 0;
	for (int i = 0; i < 1000; i++)
		want += (size_t)i % 40;
	T_OK(b.len == want && b.p[b.len] == 0 && !b.oom, "puts of mixed sizes: length and NUL");
	sg_sb_free(&b);
}

/* ---- escapers against reference implementations ----------------------- */

static bool dangerous(uint32_t cp)
{
	return (cp >= 0x80 && cp <= 0x9f) || (cp >= 0x202a && cp <= 0x202e) ||
	       (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200e || cp == 0x200f || cp == 0x061c;
}

/* The text escaper as a plain loop over code points. */
static size_t ref_text(struct sg_strbuf *b, const uint8_t *u, size_t n, size_t maxcols)
{
	size_t cols = 0, i = 0;
	char esc[32];

	while (i < n) {
		uint32_t cp = 0;
		size_t len = sg_utf8_next(u + i, n - i, &cp), elen = 0;
		if (len == 0 || (len == 1 && (cp < 0x20 || cp == 0x7f || cp == '\\'))) {
			uint8_t c = u[i];
			len = 1;
			if (c == '\n' || c == '\t' || c == '\r' || c == '\\')
				elen = (size_t)snprintf(esc, sizeof(esc), "\\%c",
							c == '\n' ? 'n' : c == '\t' ? 't' : c == '\r' ? 'r' : '\\');
			else
				elen = (size_t)snprintf(esc, sizeof(esc), "\\x%02x", c);
		} else if (dangerous(cp)) {
			for (size_t k = 0; k < len; k++)
				elen += (size_t)snprintf(esc + elen, sizeof(esc) - elen, "\\x%02x", u[i + k]);
		}
		size_t w = elen ? elen : 1;
		if (maxcols != SG_NO_LIMIT && cols + w > maxcols)
			break;
		sg_sb_put(b, elen ? (const void *)esc : (const void *)(u + i), elen ? elen : len);
		cols += w;
		i += len;
	}
	return cols;
}

/* Maximal invalid subpart length, as the Unicode standard defines it. */
static size_t ref_bad_len(const uint8_t *s, size_t n)
{
	uint8_t c = s[0], lo = 0x80, hi = 0xbf;
	size_t need;
	if (c >= 0xc2 && c <= 0xdf)
		need = 1;
	else if (c >= 0xe0 && c <= 0xef)
		need = 2, lo = c == 0xe0 ? 0xa0 : lo, hi = c == 0xed ? 0x9f : hi;
	else if (c >= 0xf0 && c <= 0xf4)
		need = 3, lo = c == 0xf0 ? 0x90 : lo, hi = c == 0xf4 ? 0x8f : hi;
	else
		return 1;
	size_t i = 1;
	for (; i <= need && i < n; i++)
		if (i == 1 ? (s[i] < lo || s[i] > hi) : (s[i] & 0xc0) != 0x80)
			break;
	return i;
}

static bool ref_json(struct sg_strbuf *b, const uint8_t *u, size_t n)
{
	bool valid = true;
	char rep[16];

	sg_sb_putc(b, '"');
	for (size_t i = 0; i < n;) {
		uint32_t cp = 0;
		size_t len = sg_utf8_next(u + i, n - i, &cp);
		if (len == 0) {
			valid = false;
			sg_sb_puts(b, "\\ufffd");
			i += ref_bad_len(u + i, n - i);
			continue;
		}
		if (cp == '"' || cp == '\\')
			snprintf(rep, sizeof(rep), "\\%c", (char)cp);
		else if (cp == '\n' || cp == '\t' || cp == '\r')
			snprintf(rep, sizeof(rep), "\\%c", cp == '\n' ? 'n' : cp == '\t' ? 't' : 'r');
		else if (cp < 0x20 || cp == 0x7f || cp == 0x2028 || cp == 0x2029)
			snprintf(rep, sizeof(rep), "\\u%04x", cp);
		else
			rep[0] = 0;
		if (rep[0])
			sg_sb_puts(b, rep);
		else
			sg_sb_put(b, u + i, len);
		i += len;
	}
	sg_sb_putc(b, '"');
	return valid;
}

/* Bytes biased toward the classes the word tricks must tell apart: the
 * edges of printable ASCII, quote, backslash, UTF-8 lead and continuation
 * bytes, and the sequences of C1 and bidi controls. */
static size_t random_value(uint8_t *buf, size_t cap, uint64_t *seed)
{
	static const uint8_t pick[] = {0x00, 0x01, 0x1f, 0x20, 0x21, '"', '\\', 0x5b, 0x5d,
				       0x7e, 0x7f, 0x80, 0x9b, 0xbf, 0xc0, 0xc2, 0xc3, 0xe0,
				       0xe2, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xff, '\n', '\t', 'a'};
	size_t n = (size_t)(next_rand(seed) % cap);
	for (size_t i = 0; i < n; i++) {
		uint64_t r = next_rand(seed);
		if (r % 3 == 0)
			buf[i] = pick[(r >> 8) % sizeof(pick)];
		else if (r % 3 == 1)
			buf[i] = (uint8_t)(0x20 + (r >> 8) % 0x5f); /* printable */
		else
			buf[i] = (uint8_t)(r >> 8);
	}
	/* plant whole sequences now and then */
	static const char *const seqs[] = {"\xc2\x9b", "\xe2\x80\xae", "\xe2\x80\xa8",
					   "\xd8\x9c", "\xf0\x9f\x98\x80", "\xc3\xa9"};
	if (n > 8 && next_rand(seed) % 2) {
		const char *s = seqs[next_rand(seed) % 6];
		size_t at = (size_t)(next_rand(seed) % (n - 4));
		memcpy(buf + at, s, strlen(s));
	}
	return n;
}

static void test_escapers(void)
{
	uint64_t seed = 0x9e3779b97f4a7c15ull;
	struct sg_strbuf ref;
	uint8_t in[200];
	int bad_text = 0, bad_cols = 0, bad_json = 0, bad_valid = 0, bad_plain = 0;

	sg_sb_init(&ref);
	for (int round = 0; round < 30000; round++) {
		size_t n = random_value(in, sizeof(in), &seed);
		/* all printable runs too, to cross the 8-byte words */
		if (round % 4 == 0)
			for (size_t i = 0; i < n; i++)
				in[i] = (uint8_t)(0x20 + (in[i] % 0x5f));
		size_t max = round % 3 ? SG_NO_LIMIT : (size_t)(next_rand(&seed) % 60);

		sg_sb_reset(&sb);
		sg_sb_reset(&ref);
		size_t c1 = sg_esc_text(&sb, (const char *)in, n, max);
		size_t c2 = ref_text(&ref, in, n, max);
		bad_text += sb.len != ref.len || memcmp(sg_sb_cstr(&sb), sg_sb_cstr(&ref), sb.len);
		bad_cols += c1 != c2;

		sg_sb_reset(&sb);
		sg_sb_reset(&ref);
		bool v1 = sg_esc_json(&sb, (const char *)in, n);
		bool v2 = ref_json(&ref, in, n);
		bad_json += sb.len != ref.len || memcmp(sg_sb_cstr(&sb), sg_sb_cstr(&ref), sb.len);
		bad_valid += v1 != v2;
		/* plain: printable ASCII without quote or backslash, which
		 * escaping leaves as it is */
		bool plain = sg_json_plain((const char *)in, n), ascii = true;
		for (size_t i = 0; i < n; i++)
			ascii &= in[i] >= 0x20 && in[i] < 0x7f && in[i] != '"' && in[i] != '\\';
		bad_plain += plain != ascii ||
			     (plain && (ref.len != n + 2 || memcmp(ref.p + 1, in, n) != 0));
	}
	T_OK(bad_text == 0, "text escape = reference on 30000 values (%d differ)", bad_text);
	T_OK(bad_cols == 0, "text escape: same columns under width limits (%d differ)", bad_cols);
	T_OK(bad_json == 0, "JSON escape = reference on 30000 values (%d differ)", bad_json);
	T_OK(bad_valid == 0, "JSON escape: same UTF-8 verdict (%d differ)", bad_valid);
	T_OK(bad_plain == 0, "sg_json_plain exactly on plain ASCII, kept as is (%d differ)",
	     bad_plain);
	sg_sb_free(&ref);
}

/* ---- sg_field_text against the generic path ---------------------------- */

struct rec {
	uint8_t b[2048];
	size_t len;
};

static struct sg_rec *hdr(struct rec *r)
{
	return (struct sg_rec *)r->b;
}

static void rec_init(struct rec *r, const char *type, uint64_t ts)
{
	unsigned nr = SG_NR_NONE;
	sg_syscall_by_name(type, &nr);
	memset(r, 0, sizeof(*r));
	struct sg_rec *h = hdr(r);
	h->kind = SG_REC_SYSCALL;
	h->nr = (uint16_t)nr;
	h->ts = ts;
	h->tid = 4242;
	h->pid = 4242;
	h->ppid = 1;
	h->uid = 0;
	h->loginuid = (uint32_t)-1;
	h->cpu = 1;
	memcpy(h->comm, "fa\nst\033", 7);
	r->len = sizeof(*h);
	h->len = (uint32_t)r->len;
}

static void rec_str(struct rec *r, const char *s, size_t n)
{
	struct sg_payload p = {.len = (uint16_t)n, .kind = SG_CAP_STR};
	memcpy(r->b + r->len, &p, sizeof(p));
	memcpy(r->b + r->len + sizeof(p), s, n);
	r->len += sizeof(p) + n;
	hdr(r)->npayloads++;
	hdr(r)->len = (uint32_t)r->len;
}

/* An open's kernel path payload (SG_SC_KPATH), not captured. */
static void rec_kpath_skip(struct rec *r)
{
	struct sg_payload p = {.kind = SG_CAP_RES_PATH, .flags = SG_PLF_SKIP};
	memcpy(r->b + r->len, &p, sizeof(p));
	r->len += sizeof(p);
	hdr(r)->npayloads++;
	hdr(r)->len = (uint32_t)r->len;
}

/* The generic text of a field, as the outputs produced it before. */
static bool generic_text(struct sg_event *e, const struct sg_fieldref *ref,
			 struct sg_arena *a, struct sg_strbuf *out)
{
	struct sg_value v;
	sg_sb_reset(out);
	if (!sg_field_get(e, ref, &v, a))
		return false;
	sg_value_text(out, &v);
	return true;
}

/* Every printable field of the catalogue, bare (no argument). */
static int compare_fields(struct sg_output *out, struct sg_event *e, struct sg_arena *a,
			  int *checked)
{
	struct sg_strbuf want;
	int bad = 0;

	sg_sb_init(&want);
	for (unsigned id = 0; id < SG_F_MAX; id++) {
		const struct sg_field_info *f = &sg_fields[id];
		if ((f->flags & SG_FF_FILTERONLY) || f->argmode == SG_ARG_INDEX ||
		    f->argmode == SG_ARG_NAME)
			continue;
		struct sg_fieldref ref = {.id = (uint16_t)id, .index = -1};
		const char *text = NULL;
		size_t len = 0;
		sg_arena_reset(a);
		bool ok1 = sg_field_text(out, e, &ref, a, &text, &len);
		/* copy before the generic path may reuse the arena */
		char got[4096];
		size_t glen = len < sizeof(got) ? len : sizeof(got);
		if (ok1)
			memcpy(got, text, glen);
		sg_arena_reset(a);
		bool ok2 = generic_text(e, &ref, a, &want);
		(*checked)++;
		if (ok1 != ok2 || (ok1 && (glen != want.len || memcmp(got, want.p, glen)))) {
			bad++;
			t_note("%s: fast %s '%.*s', generic %s '%s'", f->name, ok1 ? "ok" : "missing",
			       (int)glen, ok1 ? got : "", ok2 ? "ok" : "missing", sg_sb_cstr(&want));
		}
	}
	sg_sb_free(&want);
	return bad;
}

static void test_field_text(struct sg_arena *a)
{
	struct sg_state *st = sg_state_new();
	struct sg_decoder d;
	struct sg_diag dg = {.what = "format"};
	struct sg_output_opts o = {.fmt = SG_OUT_TEXT, .fd = -1, .header = true};
	struct sg_output *out = sg_output_new(&o, &dg);
	struct rec r;
	struct sg_event e;
	int bad = 0, checked = 0, decoded = 0;

	sg_decoder_init(&d, st);
	/* boot time -> epoch is the machine's: pick stamps through it */
	uint64_t base = 1700000000ull * 1000000000ull - d.boot_to_epoch_ns;
	static const uint64_t steps[] = {0, 1, 999999999, 1000000000, 1000000001, 5, 86399000000000ull,
					 3600000000000ull * 24 * 200 + 7};
	for (unsigned i = 0; i < sizeof(steps) / sizeof(steps[0]); i++) {
		/* a generic syscall (raw args), and an openat with a hostile path */
		rec_init(&r, "getppid", base + steps[i]);
		hdr(&r)->res = 77;
		hdr(&r)->args[0] = 0xdeadbeef;
		decoded += sg_decode(&d, r.b, r.len, &e) == 1;
		sg_state_before(st, &e);
		bad += compare_fields(out, &e, a, &checked);
		sg_state_after(st, &e);

		rec_init(&r, "openat", base + steps[i] + 123);
		hdr(&r)->res = -2;
		hdr(&r)->args[0] = (uint64_t)-100;
		hdr(&r)->args[2] = 0x80241;
		hdr(&r)->args[3] = 0644;
		rec_str(&r, "/tmp/a\nb\xff\\c\xe2\x80\xae", 14);
		rec_kpath_skip(&r);
		decoded += sg_decode(&d, r.b, r.len, &e) == 1;
		sg_state_before(st, &e);
		bad += compare_fields(out, &e, a, &checked);
		sg_state_after(st, &e);
	}
	T_OK(decoded == 16, "built records decode");
	T_OK(bad == 0 && checked > 16 * 40,
	     "sg_field_text = sg_field_get + sg_value_text, %d field values, %d differ", checked, bad);
	sg_output_free(out);
	sg_state_free(st);
}

/* ---- batching writer ---------------------------------------------------- */

static char rd[1 << 18];

static ssize_t drain_pipe(int fd)
{
	ssize_t total = 0, n;
	while ((n = read(fd, rd + total, sizeof(rd) - (size_t)total)) > 0)
		total += n;
	return total;
}

static void test_batch(void)
{
	int p[2];
	T_OK(pipe(p) == 0, "pipe");
	fcntl(p[0], F_SETFL, O_NONBLOCK);
	fcntl(p[1], F_SETPIPE_SZ, 1 << 20);
	struct sg_writer w = {.fd = p[1], .batch = true};
	sg_sb_init(&w.buf);
	char line[100];
	memset(line, 'x', sizeof(line) - 1);
	line[sizeof(line) - 1] = '\n';

	int r = 0;
	for (int i = 0; i < 10; i++) {
		sg_sb_put(&w.buf, line, sizeof(line));
		r |= sg_writer_commit(&w);
	}
	T_OK(r == 0 && drain_pipe(p[0]) <= 0, "batch: events wait for the flush");
	T_OK(sg_writer_flush(&w) == 0 && drain_pipe(p[0]) == 1000, "batch: flush writes them all");
	T_OK(sg_writer_flush(&w) == 0 && drain_pipe(p[0]) <= 0, "batch: a second flush writes nothing");

	for (int i = 0; i < 1000; i++) {
		sg_sb_put(&w.buf, line, sizeof(line));
		r |= sg_writer_commit(&w);
	}
	ssize_t got = drain_pipe(p[0]);
	T_OK(r == 0 && got >= SG_WRITER_FLUSH_AT && got % 100 == 0 && w.buf.len < SG_WRITER_FLUSH_AT,
	     "batch: a long drain goes out in whole-event blocks of 64 KiB (%zd)", got);
	T_OK(sg_writer_flush(&w) == 0 && drain_pipe(p[0]) == 100000 - got, "batch: rest at the flush");

	/* memory runs out inside the third event: the two whole ones leave */
	sg_sb_put(&w.buf, "one\n", 4);
	sg_writer_commit(&w);
	sg_sb_put(&w.buf, "two\n", 4);
	sg_writer_commit(&w);
	sg_sb_put(&w.buf, "thr", 3);
	w.buf.oom = 1;
	errno = 0;
	int fr = sg_writer_flush(&w);
	int err = errno;
	got = drain_pipe(p[0]);
	T_OK(fr == -1 && err == ENOMEM && got == 8 && memcmp(rd, "one\ntwo\n", 8) == 0,
	     "out of memory: whole events written, the cut one dropped, ENOMEM");
	T_OK(!w.buf.oom && w.buf.len == 0 && w.whole == 0, "out of memory: the buffer starts over");
	sg_writer_free(&w);
	close(p[0]);
	close(p[1]);
}

/* A regular file that fills up part way through an event (RLIMIT_FSIZE
 * stands in for a full disk: a short write, then EFBIG): the flush fails,
 * and the file is cut back to the last whole event, never left with half
 * a record. */
static void test_full_file(void)
{
	char name[] = "/tmp/sg-writer-XXXXXX";
	int fd = mkstemp(name);
	struct rlimit old, lim;
	struct stat st;

	T_OK(fd >= 0, "temporary file");
	unlink(name);
	signal(SIGXFSZ, SIG_IGN);
	getrlimit(RLIMIT_FSIZE, &old);
	struct sg_writer w = {.fd = fd, .batch = true};
	sg_sb_init(&w.buf);
	/* events of 34 bytes past the 1000-byte limit: the 30th is cut */
	const size_t len = 34, whole = 1000 / 34;
	for (int i = 0; i < 32; i++) {
		sg_sb_printf(&w.buf, "{\"n\":%02d,\"pad\":\"xxxxxxxxxxxxxxxx\"}\n", i);
		sg_writer_commit(&w);
	}
	T_OK(w.buf.len == 32 * len, "32 events of %zu bytes rendered", len);
	lim = old;
	lim.rlim_cur = 1000;
	setrlimit(RLIMIT_FSIZE, &lim);
	errno = 0;
	int r = sg_writer_flush(&w);
	int err = errno;
	setrlimit(RLIMIT_FSIZE, &old);
	T_OK(r == -1 && err == EFBIG, "a full file: the flush fails with the write's error (%s)",
	     strerror(err));
	int sr = fstat(fd, &st);
	T_OK(sr == 0 && (size_t)st.st_size == whole * len,
	     "cut back to the %zu whole events (%lld bytes)", whole, (long long)st.st_size);
	char last;
	T_OK(pread(fd, &last, 1, st.st_size - 1) == 1 && last == '\n', "the file ends with a whole record");
	/* nothing more goes after a failure: the next event starts clean */
	sg_sb_printf(&w.buf, "{\"n\":99}\n");
	sg_writer_commit(&w);
	r = sg_writer_flush(&w);
	sr = fstat(fd, &st);
	T_OK(r == 0 && sr == 0 && (size_t)st.st_size == whole * len + 9,
	     "a later write continues at the cut (r %d, %lld bytes)", r, (long long)st.st_size);
	sg_writer_free(&w);
	close(fd);
}

/* The public calls: sg_output_batch + sg_output_flush; --buffered keeps its
 * blocks; unbatched output writes each event at once. */
static void test_output_flush(struct sg_arena *a)
{
	int p[2];
	T_OK(pipe(p) == 0, "pipe");
	fcntl(p[0], F_SETFL, O_NONBLOCK);
	struct sg_diag dg = {.what = "format"};
	struct sg_output_opts o = {.fmt = SG_OUT_TEXT, .format = "%evt.num %evt.type", .fd = p[1]};
	struct sg_event e;
	memset(&e, 0, sizeof(e));
	unsigned nr;
	e.def = sg_syscall_by_name("getpid", &nr);
	e.kind = SG_EV_SYSCALL;
	e.fdnum = -1;

	struct sg_output *out = sg_output_new(&o, &dg);
	e.num = 1;
	T_OK(out && sg_output_event(out, &e, a) == 0 && drain_pipe(p[0]) == 9 &&
	     memcmp(rd, "1 getpid\n", 9) == 0, "not batched: written at once");
	sg_output_batch(out);
	for (e.num = 2; e.num <= 4; e.num++)
		sg_output_event(out, &e, a);
	T_OK(drain_pipe(p[0]) <= 0, "batched: held until the flush");
	ssize_t n = sg_output_flush(out) == 0 ? drain_pipe(p[0]) : -1;
	T_OK(n == 27 && memcmp(rd, "2 getpid\n3 getpid\n4 getpid\n", 27) == 0,
	     "batched: the flush writes them in order");
	T_OK(sg_output_flush(out) == 0 && drain_pipe(p[0]) <= 0, "batched: empty flush");
	sg_output_free(out);

	o.buffered = true;
	out = sg_output_new(&o, &dg);
	sg_output_batch(out);
	e.num = 5;
	sg_output_event(out, &e, a);
	T_OK(sg_output_flush(out) == 0 && drain_pipe(p[0]) <= 0, "--buffered: flush keeps the block");
	T_OK(sg_output_end(out) == 0 && drain_pipe(p[0]) == 9, "--buffered: written at the end");
	sg_output_free(out);

	/* the reader goes away: the flush reports EPIPE */
	o.buffered = false;
	out = sg_output_new(&o, &dg);
	sg_output_batch(out);
	sg_output_event(out, &e, a);
	close(p[0]);
	errno = 0;
	T_OK(sg_output_flush(out) == -1 && errno == EPIPE, "batched: EPIPE from the flush");
	sg_output_free(out);
	close(p[1]);
}

int main(void)
{
	signal(SIGPIPE, SIG_IGN);
	/* a zone with a half-hour offset: evt.time must follow it */
	setenv("TZ", "XST-5:30", 1);
	tzset();
	sg_syscalls_init();
	sg_sb_init(&sb);
	struct sg_arena a;
	sg_arena_init(&a, 1 << 16);

	test_numbers();
	test_copy();
	test_escapers();
	test_field_text(&a);
	test_batch();
	test_full_file();
	test_output_flush(&a);

	sg_arena_free(&a);
	sg_sb_free(&sb);
	return t_done();
}
