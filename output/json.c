/*
 * JSON Lines: one object per event, keys are field names.
 *
 * Default object (no -p), in this order:
 *   evt.num, evt.rawtime (integer ns since the epoch), evt.datetime
 *   (RFC 3339), evt.cpu, evt.type, evt.dir, proc.name, proc.pid,
 *   thread.tid, proc.ppid, proc.pname, proc.exepath, proc.cmdline, user.uid,
 *   user.name, evt.res, evt.rawres, evt.failed,
 *   fd.num, fd.type, fd.name (only when the event has an fd),
 *   evt.args (the text rendering, as in the text output),
 *   evt.arg    {name: what sysdig's evt.arg.name shows, a string: the name
 *               of the value when it has one ("O_RDONLY|O_CLOEXEC", "ENOENT",
 *               "<f>/etc/passwd", "AT_FDCWD"), else the value ("0644", a
 *               path, a tuple; buffers as rendered, non-printables '.')},
 *   evt.rawarg {name: numbers as numbers, strings / paths / buffers / argv
 *               (NULs kept as \u0000) as strings, addresses and tuples as
 *               text}; null when not captured.
 * A pipe / socketpair pair appears as two members fd1 and fd2, Falco's
 * names ("fd1":3,"fd2":4), in evt.arg and evt.rawarg alike.
 * A field that does not apply is null.  With -p: only the fields named,
 * keyed as written ("evt.arg.fd"); a missing one is null with a leading
 * '*', and skips the event without it, as in the text output.
 *
 * Numbers and booleans are JSON numbers and booleans.  Strings follow RFC
 * 8259; bytes that are not valid UTF-8 become U+FFFD, and then the exact
 * bytes of that value are also given base64-encoded in a last member
 * "_raw": {"<key>": "<base64>"} (key "evt.arg.<name>" / "evt.rawarg.<name>"
 * for arguments).  _raw is absent when every string was valid UTF-8.
 */
#include "output/internal.h"

#include <string.h>

#include "extract/render.h"

struct json_ctx {
	struct sg_output *out;
	struct sg_strbuf *b;
	struct sg_event *e;
	struct sg_arena *a;
	bool first;
	/* evt.arg and evt.rawarg have the same keys: each parameter name's
	 * length + 1 once measured, with its plainness */
	uint8_t pkeylen[SG_MAX_PARAMS];
	bool pkeyplain[SG_MAX_PARAMS];
};

/* `,"key":` with one copy; key must be plain. */
static void put_plain_key(struct json_ctx *c, const char *key, size_t n)
{
	char *d = sg_sb_room(c->b, n + 4);
	if (!d)
		return;
	size_t at = 0;
	if (!c->first)
		d[at++] = ',';
	c->first = false;
	d[at++] = '"';
	sg_sb_copy(d + at, key, n);
	at += n;
	d[at++] = '"';
	d[at++] = ':';
	sg_sb_commit(c->b, at);
}

static void put_key(struct json_ctx *c, const char *key, size_t klen)
{
	/* keys are mostly field and parameter names: plain */
	if (sg_json_plain(key, klen)) {
		put_plain_key(c, key, klen);
		return;
	}
	if (!c->first)
		sg_sb_putc(c->b, ',');
	c->first = false;
	sg_esc_json(c->b, key, klen);
	sg_sb_putc(c->b, ':');
}

/* The key of parameter i, measured on first use. */
static void put_param_key(struct json_ctx *c, unsigned i, const char *name)
{
	if (!c->pkeylen[i]) {
		size_t n = strlen(name);
		if (n >= UINT8_MAX) {
			put_key(c, name, n);
			return;
		}
		c->pkeylen[i] = (uint8_t)(n + 1);
		c->pkeyplain[i] = sg_json_plain(name, n);
	}
	size_t n = c->pkeylen[i] - 1u;
	if (c->pkeyplain[i])
		put_plain_key(c, name, n);
	else
		put_key(c, name, n);
}

/* A key that is the name of field id: the catalogue's names are checked
 * once, when the output is made (sg_json_prepare). */
static void put_field_key(struct json_ctx *c, unsigned id)
{
	uint8_t n = c->out->fieldkey[id];
	if (n)
		put_plain_key(c, sg_fields[id].name, n);
	else
		put_key(c, sg_fields[id].name, strlen(sg_fields[id].name));
}

void sg_json_prepare(struct sg_output *out)
{
	for (unsigned id = 0; id < SG_F_MAX; id++) {
		const char *name = sg_fields[id].name;
		size_t n = name ? strlen(name) : 0;
		out->fieldkey[id] = n && n <= UINT8_MAX && sg_json_plain(name, n) ? (uint8_t)n : 0;
	}
}

/* The key a value's raw bytes go under in _raw: "obj.name", or key alone
 * when name is NULL.  Built only for values that are not UTF-8. */
struct rawkey {
	const char *key;
	size_t klen;  /* or SG_NAME_KEY: NUL terminated */
	const char *name;
};

#define SG_NAME_KEY ((size_t)-1)

/* A string value; records the raw bytes under rk when not UTF-8. */
static void put_str(struct json_ctx *c, const struct rawkey *rk, const char *s, size_t n)
{
	if (sg_esc_json(c->b, s, n))
		return;
	struct sg_strbuf *raw = &c->out->raw;
	struct sg_strbuf *key = &c->out->key;
	sg_sb_reset(key);
	sg_sb_put(key, rk->key, rk->klen == SG_NAME_KEY ? strlen(rk->key) : rk->klen);
	if (rk->name) {
		sg_sb_putc(key, '.');
		sg_sb_puts(key, rk->name);
	}
	if (raw->len)
		sg_sb_putc(raw, ',');
	sg_esc_json(raw, key->p ? key->p : "", key->len);
	sg_sb_puts(raw, ":\"");
	sg_base64(raw, s, n);
	sg_sb_putc(raw, '"');
}

/* A value rendered by fn straight into the line between quotes: values
 * are mostly plain, and then that is all (no scratch copy, no escaper).
 * Otherwise the bytes are moved to the scratch buffer and escaped from
 * there, which gives the very bytes put_str would. */
typedef void render_fn(struct sg_strbuf *b, const struct sg_event *e, const struct sg_param *p);

static void put_rendered(struct json_ctx *c, const struct rawkey *rk, render_fn *fn,
			 const struct sg_param *p)
{
	struct sg_strbuf *b = c->b;
	struct sg_strbuf *tmp = &c->out->tmp;

	sg_sb_putc(b, '"');
	size_t at = b->len;
	fn(b, c->e, p);
	/* out of memory: the line is cut here, and nothing may go before the cut */
	if (b->oom)
		return;
	size_t n = b->len - at;
	if (sg_json_plain(b->p + at, n)) {
		sg_sb_putc(b, '"');
		return;
	}
	sg_sb_reset(tmp);
	sg_sb_put(tmp, b->p + at, n);
	b->len = at - 1;
	b->p[b->len] = 0;
	put_str(c, rk, tmp->p ? tmp->p : "", tmp->len);
}

static void render_all_args(struct sg_strbuf *b, const struct sg_event *e,
			    const struct sg_param *p)
{
	(void)p;
	sg_render_args(b, e);
}

static void put_value(struct json_ctx *c, const struct rawkey *rk, const struct sg_value *v)
{
	struct sg_strbuf *tmp = &c->out->tmp;

	if (!v) {
		sg_sb_puts(c->b, "null");
		return;
	}
	switch (v->type) {
	case SG_FT_BOOL:
		sg_sb_puts(c->b, v->b ? "true" : "false");
		return;
	case SG_FT_STR:
	case SG_FT_BYTES:
	case SG_FT_SYSCALL:
		/* the value's own bytes: no copy */
		put_str(c, rk, v->s.p ? v->s.p : "", v->s.p ? v->s.len : 0);
		return;
	}
	if (sg_value_is_number(v)) {
		sg_value_text(c->b, v);
		return;
	}
	sg_sb_reset(tmp);
	sg_value_text(tmp, v);
	put_str(c, rk, tmp->p ? tmp->p : "", tmp->len);
}

/* key: value of field ref; false when missing (value null).  klen is
 * SG_NAME_KEY when key is the name of the field (the default object). */
static bool put_field(struct json_ctx *c, const char *key, size_t klen,
		      const struct sg_fieldref *ref)
{
	struct rawkey rk = {key, klen, NULL};
	const char *text;
	size_t len;
	int special = sg_field_text_special(c->out, c->e, ref, &text, &len);

	if (klen == SG_NAME_KEY)
		put_field_key(c, ref->id);
	else
		put_key(c, key, klen);
	if (special > 0) {
		put_str(c, &rk, text, len);
		return true;
	}
	if (special == 0) {
		sg_sb_puts(c->b, "null");
		return false;
	}
	struct sg_value v;
	bool ok = sg_field_get(c->e, ref, &v, c->a);
	put_value(c, &rk, ok ? &v : NULL);
	return ok;
}

static bool put_field_id(struct json_ctx *c, unsigned id)
{
	struct sg_fieldref ref = {.id = (uint16_t)id, .index = -1};
	return put_field(c, sg_fields[id].name, SG_NAME_KEY, &ref);
}

/* ---- evt.arg / evt.rawarg -------------------------------------------- */

static bool is_signed_ptype(unsigned t)
{
	return t == SG_PT_INT || t == SG_PT_ERRNO || t == SG_PT_FD || t == SG_PT_DIRFD ||
	       t == SG_PT_PID;
}

static void put_raw_number(struct json_ctx *c, const struct sg_param *p)
{
	unsigned t = p->def->type;
	int64_t v;
	if ((p->flags & SG_PARAM_FAULT) || !sg_param_num(p, &v))
		sg_sb_puts(c->b, "null");
	else if ((t == SG_PT_UID || t == SG_PT_GID) && (v == -1 || v == (int64_t)UINT32_MAX))
		sg_sb_puts(c->b, "-1");
	else if (is_signed_ptype(t))
		sg_sb_i64(c->b, v);
	else
		sg_sb_u64(c->b, (uint64_t)v);
}

static void put_rawarg(struct json_ctx *c, const struct sg_param *p)
{
	unsigned t = p->def->type;
	const struct rawkey key = {"evt.rawarg", 10, p->def->name};

	switch (t) {
	case SG_PT_PATH:
	case SG_PT_STR:
	case SG_PT_BYTES:
	case SG_PT_CHARBUFARRAY: {
		if (!(p->flags & SG_PARAM_DATA) || (p->flags & SG_PARAM_FAULT) || !p->data) {
			sg_sb_puts(c->b, "null");
			return;
		}
		size_t n = p->len;
		/* strings end at their NUL; argv and buffers keep theirs */
		if (t == SG_PT_PATH || t == SG_PT_STR) {
			const void *nul = memchr(p->data, 0, n);
			n = nul ? (size_t)((const uint8_t *)nul - p->data) : n;
		}
		put_str(c, &key, (const char *)p->data, n);
		return;
	}
	case SG_PT_SOCKADDR:
	case SG_PT_TUPLE:
	case SG_PT_RAW:
		if (!(p->flags & SG_PARAM_DATA) || (p->flags & SG_PARAM_FAULT)) {
			sg_sb_puts(c->b, "null");
			return;
		}
		put_rendered(c, &key, sg_render_param_plain, p);
		return;
	default:
		put_raw_number(c, p);
	}
}

/* The two fds of a pipe / socketpair, or false. */
static bool get_fdpair(const struct sg_param *p, int32_t fds[2])
{
	if (!(p->flags & SG_PARAM_DATA) || (p->flags & SG_PARAM_FAULT) || !p->data ||
	    p->len < 2 * sizeof(int32_t))
		return false;
	memcpy(fds, p->data, 2 * sizeof(int32_t));
	return true;
}

static void put_fdpair(struct json_ctx *c, const struct sg_param *p, bool raw)
{
	int32_t fds[2];
	bool ok = get_fdpair(p, fds);

	for (int i = 0; i < 2; i++) {
		put_key(c, i ? "fd2" : "fd1", 3);
		if (!ok) {
			sg_sb_puts(c->b, "null");
		} else if (raw) {
			sg_sb_i64(c->b, fds[i]);
		} else {
			struct sg_param one = *p;
			static const struct sg_param_def fddef = {.name = "fd", .type = SG_PT_FD};
			one.def = &fddef;
			one.num = fds[i];
			one.flags = 0;
			const struct rawkey key = {i ? "evt.arg.fd2" : "evt.arg.fd1", 11, NULL};
			put_rendered(c, &key, sg_render_param_resolved, &one);
		}
	}
}

static void put_args_object(struct json_ctx *c, bool raw)
{
	struct sg_event *e = c->e;
	unsigned n = e->nparams < SG_MAX_PARAMS ? e->nparams : SG_MAX_PARAMS;

	put_key(c, raw ? "evt.rawarg" : "evt.arg", raw ? 10 : 7);
	sg_sb_putc(c->b, '{');
	c->first = true;
	for (unsigned i = 0; i < n; i++) {
		const struct sg_param *p = &e->params[i];
		if (!p->def || !p->def->name)
			continue;
		if (p->def->type == SG_PT_FDPAIR) {
			put_fdpair(c, p, raw);
			continue;
		}
		put_param_key(c, i, p->def->name);
		if (raw) {
			put_rawarg(c, p);
			continue;
		}
		const struct rawkey key = {"evt.arg", 7, p->def->name};
		put_rendered(c, &key, sg_render_param_resolved, p);
	}
	sg_sb_putc(c->b, '}');
	c->first = false;
}

/* ---- objects --------------------------------------------------------- */

static const uint16_t default_fields[] = {
	SG_F_EVT_NUM, SG_F_EVT_RAWTIME, SG_F_EVT_DATETIME, SG_F_EVT_CPU, SG_F_EVT_TYPE,
	SG_F_EVT_DIR, SG_F_PROC_NAME, SG_F_PROC_PID, SG_F_THREAD_TID, SG_F_PROC_PPID,
	SG_F_PROC_PNAME, SG_F_PROC_EXEPATH, SG_F_PROC_CMDLINE, SG_F_USER_UID, SG_F_USER_NAME, SG_F_EVT_RES,
	SG_F_EVT_RAWRES, SG_F_EVT_FAILED,
};

static void put_default(struct json_ctx *c)
{
	for (size_t i = 0; i < sizeof(default_fields) / sizeof(default_fields[0]); i++)
		put_field_id(c, default_fields[i]);

	struct sg_fieldref fdnum = {.id = SG_F_FD_NUM, .index = -1};
	struct sg_value v;
	if (sg_field_get(c->e, &fdnum, &v, c->a)) {
		put_field_id(c, SG_F_FD_NUM);
		put_field_id(c, SG_F_FD_TYPE);
		put_field_id(c, SG_F_FD_NAME);
	}
	/* evt.args as put_field would give it, rendered in place */
	const struct rawkey args = {sg_fields[SG_F_EVT_ARGS].name, SG_NAME_KEY, NULL};
	put_field_key(c, SG_F_EVT_ARGS);
	put_rendered(c, &args, render_all_args, NULL);
	put_args_object(c, false);
	put_args_object(c, true);
}

/* Has an earlier item of the format the same key?  (jq would keep only
 * the last of duplicate keys; we print each once.) */
static bool seen_before(const struct sg_fmt *f, size_t i)
{
	const struct sg_fmt_item *it = &f->items[i];
	for (size_t j = 0; j < i; j++) {
		const struct sg_fmt_item *o = &f->items[j];
		if (o->kind == SG_ITEM_FIELD && o->len == it->len &&
		    memcmp(o->text, it->text, it->len) == 0)
			return true;
	}
	return false;
}

static bool put_format(struct json_ctx *c)
{
	const struct sg_fmt *f = c->out->fmt;
	for (size_t i = 0; i < f->nitems; i++) {
		const struct sg_fmt_item *it = &f->items[i];
		if (it->kind != SG_ITEM_FIELD || seen_before(f, i))
			continue;
		if (!put_field(c, it->text, it->len, &it->ref) && !f->star)
			return false;
	}
	return true;
}

bool sg_json_event(struct sg_output *out, struct sg_event *e, struct sg_arena *a)
{
	struct json_ctx c = {.out = out, .b = &out->w.buf, .e = e, .a = a, .first = true};
	size_t mark = out->w.buf.len;

	sg_sb_reset(&out->raw);
	sg_sb_putc(c.b, '{');
	if (!out->fmt) {
		put_default(&c);
	} else if (!put_format(&c)) {
		sg_writer_rewind(&out->w, mark);
		return false;
	}
	if (out->raw.len) {
		put_key(&c, "_raw", 4);
		sg_sb_putc(c.b, '{');
		sg_sb_put(c.b, out->raw.p, out->raw.len);
		sg_sb_putc(c.b, '}');
	}
	sg_sb_puts(c.b, "}\n");
	return true;
}
