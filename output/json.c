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
#include "state/state.h"

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
	unsigned ncut;  /* arguments cut at a bound (the default record's _cut) */
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

/* The exact bytes of a value that was not UTF-8, base64 under rk in _raw. */
static void add_raw(struct json_ctx *c, const struct rawkey *rk, const char *s, size_t n)
{
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

/* A string value; records the raw bytes under rk when not UTF-8. */
static void put_str(struct json_ctx *c, const struct rawkey *rk, const char *s, size_t n)
{
	if (!sg_esc_json(c->b, s, n))
		add_raw(c, rk, s, n);
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

/* ---- the default record ---------------------------------------------- */

/* A literal piece of the record (keys and punctuation), one copy. */
static inline __attribute__((always_inline)) void lit(struct sg_strbuf *b, const char *s, size_t n)
{
	char *d = sg_sb_room(b, n);
	if (!d)
		return;
	sg_sb_copy(d, s, n);
	sg_sb_commit(b, n);
}
#define LIT(b, s) lit((b), (s), sizeof(s) - 1)

#define SG_MEMO_STRLEN ((size_t)-1) /* put_memo measures the string itself */

/* A string of the state that an output of this kind prints again and
 * again (proc.exepath, fd.name): escaped once into its memo, which state
 * drops whenever the string changes.  Not UTF-8: escaped each time, so
 * that _raw gets its bytes. */
static void put_memo(struct json_ctx *c, struct sg_memo *m, const char *key, const char *s,
		     size_t n)
{
	if (m->p) {
		lit(c->b, m->p, m->len);
		return;
	}
	if (n == SG_MEMO_STRLEN)
		n = strlen(s);
	size_t at = c->b->len;
	const struct rawkey rk = {key, SG_NAME_KEY, NULL};
	if (!sg_esc_json(c->b, s, n)) {
		add_raw(c, &rk, s, n);
		return;
	}
	if (!c->b->oom)
		sg_memo_set(m, c->b->p + at, c->b->len - at);
}

static bool is_number_ptype(unsigned t)
{
	switch (t) {
	case SG_PT_INT:
	case SG_PT_UINT:
	case SG_PT_ERRNO:
	case SG_PT_FD:
	case SG_PT_DIRFD:
	case SG_PT_PID:
	case SG_PT_UID:
	case SG_PT_GID:
	case SG_PT_MODE:
	case SG_PT_DEV:
		return true;
	default:
		return false;
	}
}

static bool is_signed_ptype(unsigned t)
{
	return t == SG_PT_INT || t == SG_PT_ERRNO || t == SG_PT_FD || t == SG_PT_DIRFD ||
	       t == SG_PT_PID;
}

static void put_number_arg(struct json_ctx *c, const struct sg_param *p)
{
	unsigned t = p->def->type;
	int64_t v;

	if ((p->flags & SG_PARAM_FAULT) || !sg_param_num(p, &v))
		LIT(c->b, "null");
	else if ((t == SG_PT_UID || t == SG_PT_GID) && (v == -1 || v == (int64_t)UINT32_MAX))
		LIT(c->b, "-1");
	else if (is_signed_ptype(t))
		sg_sb_i64(c->b, v);
	else
		sg_sb_u64(c->b, (uint64_t)v);
}

/* The bytes of a captured value, or NULL (then the value is null). */
static const char *captured(const struct sg_param *p, size_t *n)
{
	if (!(p->flags & SG_PARAM_DATA) || (p->flags & SG_PARAM_FAULT) || !p->data)
		return NULL;
	*n = p->len;
	return (const char *)p->data;
}

/* argv / envp: an array of strings; a value with a string that is not
 * UTF-8 has all its bytes (NUL separated) in _raw. */
static void put_strarray(struct json_ctx *c, const struct rawkey *rk, const char *s, size_t n)
{
	struct sg_strbuf *b = c->b;
	size_t all = n, start = 0;
	bool first = true, valid = true;

	/* the last terminator may be there or not */
	if (n && s[n - 1] == 0)
		n--;
	sg_sb_putc(b, '[');
	for (size_t i = 0; all && i <= n; i++) {
		if (i < n && s[i])
			continue;
		if (!first)
			sg_sb_putc(b, ',');
		first = false;
		valid &= sg_esc_json(b, s + start, i - start);
		start = i + 1;
	}
	sg_sb_putc(b, ']');
	if (!valid)
		add_raw(c, rk, s, all);
}

static void put_arg_value(struct json_ctx *c, const struct sg_param *p)
{
	const struct rawkey rk = {"evt.arg", 7, p->def->name};
	unsigned t = p->def->type;
	const char *s;
	size_t n = 0;

	if (is_number_ptype(t)) {
		put_number_arg(c, p);
		return;
	}
	switch (t) {
	case SG_PT_FLAGS:
	case SG_PT_ENUM:
	case SG_PT_SIGNAL:
	case SG_PT_HEX: {
		/* names as the text line resolves them; hex exact, as a string.
		 * Both are made of constant names, digits and '|': no escaping */
		int64_t v;
		if ((p->flags & SG_PARAM_FAULT) || !sg_param_num(p, &v)) {
			LIT(c->b, "null");
			return;
		}
		if (t == SG_PT_HEX) {
			LIT(c->b, "\"0x");
			sg_sb_hex64(c->b, (uint64_t)v);
		} else {
			sg_sb_putc(c->b, '"');
			sg_render_param_resolved(c->b, c->e, p);
		}
		sg_sb_putc(c->b, '"');
		return;
	}
	case SG_PT_PATH:
	case SG_PT_STR:
		if (!(s = captured(p, &n))) {
			LIT(c->b, "null");
			return;
		}
		/* a relative path as the text line resolves it */
		if (t == SG_PT_PATH && n && s[0] != '/' && !(p->flags & SG_PARAM_TRUNC)) {
			put_rendered(c, &rk, sg_render_param_resolved, p);
			return;
		}
		n = sg_strnlen32(s, (uint32_t)n);
		put_str(c, &rk, s, n);
		return;
	case SG_PT_BYTES:
		if (!(s = captured(p, &n))) {
			LIT(c->b, "null");
			return;
		}
		put_str(c, &rk, s, n);
		return;
	case SG_PT_CHARBUFARRAY:
		if (!(s = captured(p, &n))) {
			LIT(c->b, "null");
			return;
		}
		put_strarray(c, &rk, s, n);
		return;
	default: /* SOCKADDR, TUPLE, RAW: their text */
		if (!captured(p, &n)) {
			LIT(c->b, "null");
			return;
		}
		put_rendered(c, &rk, sg_render_param_plain, p);
		return;
	}
}

/* The two fds of a pipe / socketpair: "fd1":3,"fd2":4, Falco's names. */
static void put_fdpair(struct json_ctx *c, const struct sg_param *p)
{
	int32_t fds[2];
	bool ok = (p->flags & SG_PARAM_DATA) && !(p->flags & SG_PARAM_FAULT) && p->data &&
		  p->len >= 2 * sizeof(int32_t);

	if (ok)
		memcpy(fds, p->data, sizeof(fds));
	for (int i = 0; i < 2; i++) {
		put_plain_key(c, i ? "fd2" : "fd1", 3);
		if (ok)
			sg_sb_i64(c->b, fds[i]);
		else
			LIT(c->b, "null");
	}
}

/* "evt.arg":{...}: every parameter once, typed. */
static void put_args(struct json_ctx *c)
{
	struct sg_event *e = c->e;
	unsigned n = e->nparams < SG_MAX_PARAMS ? e->nparams : SG_MAX_PARAMS;

	LIT(c->b, ",\"evt.arg\":{");
	c->first = true;
	for (unsigned i = 0; i < n; i++) {
		const struct sg_param *p = &e->params[i];
		if (!p->def || !p->def->name)
			continue;
		if (p->flags & SG_PARAM_TRUNC)
			c->ncut++;
		if (p->def->type == SG_PT_FDPAIR) {
			put_fdpair(c, p);
			continue;
		}
		put_param_key(c, i, p->def->name);
		put_arg_value(c, p);
	}
	sg_sb_putc(c->b, '}');
	c->first = false;
}

/* "_cut":["name",...]: the arguments whose captures stopped at a bound
 * (-s, the path and argv bounds), so a cut value is never taken whole. */
static void put_cut(struct json_ctx *c)
{
	struct sg_event *e = c->e;
	unsigned n = e->nparams < SG_MAX_PARAMS ? e->nparams : SG_MAX_PARAMS;
	bool first = true;

	LIT(c->b, ",\"_cut\":[");
	for (unsigned i = 0; i < n; i++) {
		const struct sg_param *p = &e->params[i];
		if (!p->def || !p->def->name || !(p->flags & SG_PARAM_TRUNC))
			continue;
		if (!first)
			sg_sb_putc(c->b, ',');
		first = false;
		sg_esc_json(c->b, p->def->name, strlen(p->def->name));
	}
	sg_sb_putc(c->b, ']');
}

static void put_u64(struct sg_strbuf *b, const char *key, size_t klen, uint64_t v)
{
	lit(b, key, klen);
	sg_sb_u64(b, v);
}
#define PUT_U64(b, k, v) put_u64((b), (k), sizeof(k) - 1, (v))

/* A field through its getter; null when it does not apply. */
static void put_field_value(struct json_ctx *c, unsigned id)
{
	struct sg_fieldref ref = {.id = (uint16_t)id, .index = -1};
	struct sg_value v;
	struct rawkey rk = {sg_fields[id].name, SG_NAME_KEY, NULL};

	put_value(c, &rk, sg_field_get(c->e, &ref, &v, c->a) ? &v : NULL);
}

static void put_process_fields(struct json_ctx *c)
{
	struct sg_event *e = c->e;
	struct sg_proc *p = e->proc;
	struct sg_strbuf *b = c->b;
	const struct rawkey name = {"proc.name", SG_NAME_KEY, NULL};

	LIT(b, ",\"proc.name\":");
	put_str(c, &name, e->comm, strnlen(e->comm, SG_EVENT_COMM_LEN));
	PUT_U64(b, ",\"proc.pid\":", e->pid);
	PUT_U64(b, ",\"thread.tid\":", e->tid);
	PUT_U64(b, ",\"proc.ppid\":", p ? p->ppid : e->ppid);
	LIT(b, ",\"proc.exepath\":");
	if (p && p->exepath)
		put_memo(c, &p->exepath_memo, "proc.exepath", p->exepath, SG_MEMO_STRLEN);
	else
		LIT(b, "null");
	PUT_U64(b, ",\"user.uid\":", e->uid);
}

/* The process part is the same for every event of a thread until its
 * name, uid, parent or executable change: made once, copied after. */
static void put_process(struct json_ctx *c)
{
	struct sg_event *e = c->e;
	struct sg_proc *p = e->proc;
	struct sg_jproc *j = &c->out->jproc;
	uint32_t ppid = p ? p->ppid : e->ppid;
	uint64_t gen = p ? p->gen : 0;

	if (j->valid && j->tid == e->tid && j->pid == e->pid && j->uid == e->uid &&
	    j->ppid == ppid && j->proc == p && j->gen == gen &&
	    memcmp(j->comm, e->comm, sizeof(j->comm)) == 0) {
		lit(c->b, j->text.p, j->text.len);
		return;
	}
	size_t at = c->b->len;
	size_t raw = c->out->raw.len;
	put_process_fields(c);
	/* a part with _raw bytes (a name that is not UTF-8) is made each time */
	j->valid = !c->b->oom && c->out->raw.len == raw;
	if (!j->valid)
		return;
	j->tid = e->tid;
	j->pid = e->pid;
	j->uid = e->uid;
	j->ppid = ppid;
	j->proc = p;
	j->gen = gen;
	memcpy(j->comm, e->comm, sizeof(j->comm));
	sg_sb_reset(&j->text);
	sg_sb_put(&j->text, c->b->p + at, c->b->len - at);
	j->valid = !j->text.oom;
}

static void put_fd(struct json_ctx *c)
{
	struct sg_event *e = c->e;
	struct sg_fd *f = e->fd;
	struct sg_strbuf *b = c->b;

	if (e->fdnum < 0)
		return;
	LIT(b, ",\"fd.num\":");
	sg_sb_i64(b, e->fdnum);
	if (!f) {
		LIT(b, ",\"fd.type\":null,\"fd.name\":null");
		return;
	}
	LIT(b, ",\"fd.type\":");
	put_field_value(c, SG_F_FD_TYPE);
	LIT(b, ",\"fd.name\":");
	put_memo(c, &f->name_memo, "fd.name", f->name ? f->name : "", sg_fd_name_len(f));
}

static void put_default(struct json_ctx *c)
{
	struct sg_event *e = c->e;
	struct sg_strbuf *b = c->b;

	PUT_U64(b, "\"evt.num\":", e->num);
	PUT_U64(b, ",\"evt.rawtime\":", e->ts);
	/* exact also for readers that hold numbers as doubles (jq 1.6) */
	LIT(b, ",\"evt.datetime\":\"");
	const char *dt;
	size_t dtlen;
	if (sg_clock_utc(&c->out->utc, e->ts, &dt, &dtlen))
		lit(b, dt, dtlen);
	sg_sb_putc(b, '"');
	PUT_U64(b, ",\"evt.cpu\":", e->cpu);
	LIT(b, ",\"evt.type\":");
	/* syscall names are constant identifiers: no escaping */
	if (e->def && e->def->name) {
		sg_sb_putc(b, '"');
		lit(b, e->def->name, strlen(e->def->name));
		sg_sb_putc(b, '"');
	} else {
		put_field_value(c, SG_F_EVT_TYPE);
	}
	put_process(c);
	LIT(b, ",\"evt.res\":");
	put_field_value(c, SG_F_EVT_RES);
	LIT(b, ",\"evt.rawres\":");
	sg_sb_i64(b, e->res);
	put_fd(c);
	put_args(c);
	if (c->ncut)
		put_cut(c);
	c->first = false;
}

/* ---- -p: every argument at once (%evt.arg, %evt.rawarg) ------------------ */


static void put_rawarg_number(struct json_ctx *c, const struct sg_param *p)
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
		put_rawarg_number(c, p);
	}
}

/* The two fds of a pipe / socketpair, or false. */
static bool get_fdpair_forms(const struct sg_param *p, int32_t fds[2])
{
	if (!(p->flags & SG_PARAM_DATA) || (p->flags & SG_PARAM_FAULT) || !p->data ||
	    p->len < 2 * sizeof(int32_t))
		return false;
	memcpy(fds, p->data, 2 * sizeof(int32_t));
	return true;
}

static void put_fdpair_forms(struct json_ctx *c, const struct sg_param *p, bool raw)
{
	int32_t fds[2];
	bool ok = get_fdpair_forms(p, fds);

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

/* %evt.arg / %evt.rawarg alone in -p: every argument as one object, each
 * value as evt.arg.NAME (resolved, a string) or evt.rawarg.NAME gives it */
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
			put_fdpair_forms(c, p, raw);
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
		if (it->whole) {
			put_args_object(c, it->ref.id == SG_F_EVT_RAWARG);
			continue;
		}
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
