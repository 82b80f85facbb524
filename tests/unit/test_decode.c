/*
 * The record decoder on hand-built records: well-formed ones decode to the
 * expected event; cut, lying and mismatched ones are counted as malformed
 * and never read out of bounds (run under ASan by `make asan`).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <linux/types.h>

#include "bpf/decode.h"
#include "state/state.h"
#include "event/abi.h"
#include "event/syscalls.h"
#include "tests/unit/t.h"

/* ---- record builder ------------------------------------------------------ */

struct rb {
	uint8_t b[4 * SG_STR_MAX + 4096];
	size_t len;
};

static struct sg_rec *rb_hdr(struct rb *r)
{
	return (struct sg_rec *)r->b;
}

static void rb_init(struct rb *r, uint16_t kind, unsigned nr)
{
	struct sg_rec *h;

	memset(r, 0, sizeof(*r));
	h = rb_hdr(r);
	h->kind = kind;
	h->nr = (uint16_t)nr;
	h->ts = 1000;
	h->tid = 101;
	h->pid = 100;
	h->ppid = 1;
	h->uid = 1000;
	h->gid = 1000;
	h->loginuid = (uint32_t)-1;
	h->cpu = 1;
	memcpy(h->comm, "cat", 4);
	r->len = sizeof(*h);
	h->len = (uint32_t)r->len;
}

static void rb_pl(struct rb *r, uint8_t kind, uint8_t flags, const void *data, uint16_t len)
{
	struct sg_payload p = {.len = len, .kind = kind, .flags = flags};

	memcpy(r->b + r->len, &p, sizeof(p));
	if (len)
		memcpy(r->b + r->len + sizeof(p), data, len);
	r->len += sizeof(p) + len;
	rb_hdr(r)->npayloads++;
	rb_hdr(r)->len = (uint32_t)r->len;
}

/* The kernel's path of an open's new fd (SG_SC_KPATH): the last payload. */
static void rb_kpath(struct rb *r, uint8_t flags, const char *path)
{
	rb_pl(r, SG_CAP_RES_PATH, flags, path, path ? (uint16_t)strlen(path) : 0);
}

static unsigned nr_of(const char *name)
{
	unsigned nr = SG_NR_NONE;

	sg_syscall_by_name(name, &nr);
	return nr;
}

static int dec(struct sg_decoder *d, struct rb *r, struct sg_event *e)
{
	return sg_decode(d, r->b, r->len, e);
}

static const struct sg_param *param(const struct sg_event *e, const char *name)
{
	for (unsigned i = 0; i < e->nparams; i++)
		if (!strcmp(e->params[i].def->name, name))
			return &e->params[i];
	return NULL;
}

static int data_is(const struct sg_param *p, const char *s)
{
	return p && (p->flags & SG_PARAM_DATA) && p->len == strlen(s) &&
	       !memcmp(p->data, s, p->len);
}

/* ---- well-formed records ------------------------------------------------- */

static void openat_record(struct rb *r, const char *path)
{
	rb_init(r, SG_REC_SYSCALL, nr_of("openat"));
	rb_hdr(r)->res = 3;
	rb_hdr(r)->args[0] = 0xdeadbeefffffff9cull; /* AT_FDCWD, junk above */
	rb_hdr(r)->args[2] = 0x80000;
	rb_pl(r, SG_CAP_STR, 0, path, (uint16_t)strlen(path));
	rb_kpath(r, 0, path);
}

static void test_openat(void)
{
	struct sg_decoder d;
	struct sg_event e;
	struct rb r;

	sg_decoder_init(&d, NULL);
	openat_record(&r, "/etc/passwd");
	T_OK(dec(&d, &r, &e) == 1, "openat record decodes to an event");
	T_OK(e.kind == SG_EV_SYSCALL && e.def && !strcmp(e.def->name, "openat"),
	     "openat: kind and def");
	T_OK(e.num == 1 && d.next_num == 1, "openat: evt.num is 1");
	T_OK(e.ts == 1000 + d.boot_to_epoch_ns, "openat: boot time moved to the epoch");
	T_OK(e.pid == 100 && e.tid == 101 && e.ppid == 1 && e.uid == 1000 && e.cpu == 1,
	     "openat: header fields");
	T_OK(!strcmp(e.comm, "cat"), "openat: comm");
	T_OK(e.res == 3 && param(&e, "fd") && param(&e, "fd")->num == 3, "openat: fd from res");
	T_OK(param(&e, "dirfd") && param(&e, "dirfd")->num == -100,
	     "openat: dirfd sign-extended from 32 bits");
	T_OK(data_is(param(&e, "name"), "/etc/passwd"), "openat: name from its payload");
	T_OK(param(&e, "flags") && param(&e, "flags")->num == 4097,
	     "openat: O_RDONLY|O_CLOEXEC in Falco's encoding");
	T_OK(e.fdnum == -1 && !e.proc && !e.fd, "openat: state fields left for the state layer");
	T_OK(d.records == 1 && d.malformed == 0, "openat: counters");
}

static void test_flags(void)
{
	struct sg_decoder d;
	struct sg_event e;
	struct rb r;
	const struct sg_param *p;

	sg_decoder_init(&d, NULL);
	rb_init(&r, SG_REC_SYSCALL, nr_of("openat"));
	rb_pl(&r, SG_CAP_STR, SG_PLF_TRUNC, "/very/long", 10);
	rb_kpath(&r, SG_PLF_SKIP, NULL);
	p = (dec(&d, &r, &e) == 1) ? param(&e, "name") : NULL;
	T_OK(p && (p->flags & SG_PARAM_TRUNC) && data_is(p, "/very/long"),
	     "a cut string keeps its bytes and is flagged TRUNC");

	rb_init(&r, SG_REC_SYSCALL, nr_of("openat"));
	rb_pl(&r, SG_CAP_STR, SG_PLF_FAULT, NULL, 0);
	rb_kpath(&r, SG_PLF_SKIP, NULL);
	p = (dec(&d, &r, &e) == 1) ? param(&e, "name") : NULL;
	T_OK(p && (p->flags & SG_PARAM_FAULT) && !(p->flags & SG_PARAM_DATA),
	     "an unreadable string: FAULT, no data");

	/* writev([{good}, {bad pointer}]): the probe keeps what it gathered */
	uint64_t bad = d.malformed;
	rb_init(&r, SG_REC_SYSCALL, nr_of("writev"));
	rb_pl(&r, SG_CAP_IOVEC_ARG, SG_PLF_FAULT, "hello-sysgrep", 13);
	p = (dec(&d, &r, &e) == 1) ? param(&e, "data") : NULL;
	T_OK(p && (p->flags & SG_PARAM_TRUNC) && data_is(p, "hello-sysgrep") &&
		     d.malformed == bad,
	     "a gather that faults part way is a cut value, never a dropped event");

	rb_init(&r, SG_REC_SYSCALL, nr_of("openat"));
	rb_pl(&r, SG_CAP_STR, SG_PLF_SKIP, NULL, 0);
	rb_kpath(&r, SG_PLF_SKIP, NULL);
	p = (dec(&d, &r, &e) == 1) ? param(&e, "name") : NULL;
	T_OK(p && p->flags == 0, "a skipped capture: no data, no flags");

	rb_init(&r, SG_REC_SYSCALL, nr_of("openat"));
	rb_pl(&r, SG_CAP_STR, SG_PLF_SKIP, "x", 1);
	rb_kpath(&r, SG_PLF_SKIP, NULL);
	T_OK(dec(&d, &r, &e) == -1, "a skipped capture with bytes is malformed");

	rb_init(&r, SG_REC_SYSCALL, nr_of("close"));
	rb_hdr(&r)->args[0] = 0xffffffffull;
	T_OK(dec(&d, &r, &e) == 1 && param(&e, "fd") && param(&e, "fd")->num == -1,
	     "close(-1): fd is -1, not 4294967295");

	rb_init(&r, SG_REC_SYSCALL, nr_of("setuid"));
	rb_hdr(&r)->args[0] = 0xffffffffull;
	T_OK(dec(&d, &r, &e) == 1 && param(&e, "uid") && param(&e, "uid")->num == 4294967295ll,
	     "setuid(-1): uid is unsigned 32-bit");
}

/* The kernel's path of an open's new fd (SG_SC_KPATH) rides after the
 * params' captures: whole, it is the event's kpath; cut, detached or odd, no
 * kpath (state falls back to the caller's path); missing or lying, the
 * record is malformed. */
static void kpath_rec(struct rb *r, const char *name, uint8_t kflags, const void *kp, uint16_t klen)
{
	rb_init(r, SG_REC_SYSCALL, nr_of("openat"));
	rb_hdr(r)->res = 4;
	rb_hdr(r)->args[0] = (uint64_t)-100;
	rb_pl(r, SG_CAP_STR, 0, name, (uint16_t)strlen(name));
	rb_pl(r, SG_CAP_RES_PATH, kflags, kp, klen);
}

static void test_kpath(void)
{
	struct sg_decoder d;
	struct sg_event e;
	struct rb r;
	static uint8_t big[SG_STR_MAX + 1];

	sg_decoder_init(&d, NULL);
	kpath_rec(&r, "lib/x.so", 0, "/usr/lib/x.so", 13);
	T_OK(dec(&d, &r, &e) == 1 && e.kpath && e.kpath_len == 13 &&
		     !memcmp(e.kpath, "/usr/lib/x.so", 13),
	     "openat: the kernel's path is the event's kpath");
	T_OK(data_is(param(&e, "name"), "lib/x.so"), "openat: name stays the caller's");

	kpath_rec(&r, "x", SG_PLF_TRUNC, NULL, 0);
	T_OK(dec(&d, &r, &e) == 1 && !e.kpath, "a cut kernel path: no kpath, the event stays");
	kpath_rec(&r, "x", SG_PLF_DETACHED, "/x", 2);
	T_OK(dec(&d, &r, &e) == 1 && !e.kpath, "a path in a detached mount: no kpath");
	kpath_rec(&r, "x", SG_PLF_FAULT, NULL, 0);
	T_OK(dec(&d, &r, &e) == 1 && !e.kpath, "an unreadable kernel path: no kpath");
	kpath_rec(&r, "x", 0, "x", 1);
	T_OK(dec(&d, &r, &e) == 1 && !e.kpath, "a relative kernel path is not a name");
	kpath_rec(&r, "x", 0, "/a\0b", 4);
	T_OK(dec(&d, &r, &e) == 1 && !e.kpath, "a kernel path with a NUL is not a name");
	kpath_rec(&r, "x", SG_PLF_SKIP, NULL, 0);
	T_OK(dec(&d, &r, &e) == 1 && !e.kpath, "a failed open: the path is skipped");

	uint64_t bad = d.malformed;
	kpath_rec(&r, "x", SG_PLF_SKIP, "/x", 2);
	T_OK(dec(&d, &r, &e) == -1, "a skipped kernel path with bytes is malformed");
	memset(big, 'a', sizeof(big));
	big[0] = '/';
	kpath_rec(&r, "x", 0, big, sizeof(big));
	T_OK(dec(&d, &r, &e) == -1, "a kernel path longer than SG_STR_MAX is malformed");
	rb_init(&r, SG_REC_SYSCALL, nr_of("openat"));
	rb_pl(&r, SG_CAP_STR, 0, "x", 1);
	T_OK(dec(&d, &r, &e) == -1, "an open without its kernel path payload is malformed");
	rb_init(&r, SG_REC_SYSCALL, nr_of("openat"));
	rb_pl(&r, SG_CAP_STR, 0, "x", 1);
	rb_pl(&r, SG_CAP_STR, 0, "/x", 2);
	T_OK(dec(&d, &r, &e) == -1, "a kernel path payload of another kind is malformed");
	T_OK(d.malformed == bad + 4, "each counted as malformed");

	/* libs' open_by_handle_at has a path param: the kernel's */
	rb_init(&r, SG_REC_SYSCALL, nr_of("open_by_handle_at"));
	rb_hdr(&r)->res = 5;
	rb_pl(&r, SG_CAP_RES_PATH, 0, "/srv/data", 9);
	T_OK(dec(&d, &r, &e) == 1 && data_is(param(&e, "path"), "/srv/data") && e.kpath &&
		     e.kpath_len == 9,
	     "open_by_handle_at: path param and kpath from the new fd");
}

static void test_numeric_caps(void)
{
	struct sg_decoder d;
	struct sg_event e;
	struct rb r;
	int32_t fds[2] = {5, 6};
	uint64_t how[3] = {0x241, 0644, 0x8};

	sg_decoder_init(&d, NULL);
	rb_init(&r, SG_REC_SYSCALL, nr_of("pipe2"));
	rb_pl(&r, SG_CAP_INT2, 0, fds, sizeof(fds));
	rb_pl(&r, SG_CAP_INT2, 0, fds, sizeof(fds));
	T_OK(dec(&d, &r, &e) == 1 && param(&e, "fd1") && param(&e, "fd1")->num == 5 &&
	     param(&e, "fd2") && param(&e, "fd2")->num == 6, "pipe2: fd1 and fd2 from INT2");

	rb_init(&r, SG_REC_SYSCALL, nr_of("pipe2"));
	rb_pl(&r, SG_CAP_INT2, 0, fds, 4);
	rb_pl(&r, SG_CAP_INT2, 0, fds, sizeof(fds));
	T_OK(dec(&d, &r, &e) == -1, "pipe2: an INT2 payload of 4 bytes is malformed");

	rb_init(&r, SG_REC_SYSCALL, nr_of("openat2"));
	rb_pl(&r, SG_CAP_STR, 0, "f", 1);
	rb_pl(&r, SG_CAP_STRUCT, 0, how, 8);
	rb_pl(&r, SG_CAP_STRUCT, 0, how, 16);
	rb_pl(&r, SG_CAP_STRUCT, 0, how, 24);
	rb_kpath(&r, SG_PLF_SKIP, NULL);
	T_OK(dec(&d, &r, &e) == 1 && param(&e, "flags")->num == 262 &&
	     param(&e, "mode")->num == 0644 && param(&e, "resolve")->num == 0x8,
	     "openat2: flags, mode, resolve from struct open_how");

	rb_init(&r, SG_REC_SYSCALL, nr_of("openat2"));
	rb_pl(&r, SG_CAP_STR, 0, "f", 1);
	rb_pl(&r, SG_CAP_STRUCT, 0, how, 16);
	rb_pl(&r, SG_CAP_STRUCT, 0, how, 16);
	rb_pl(&r, SG_CAP_STRUCT, 0, how, 24);
	rb_kpath(&r, SG_PLF_SKIP, NULL);
	T_OK(dec(&d, &r, &e) == -1, "openat2: a struct payload longer than its size is malformed");
}

static void test_tuple(void)
{
	struct sg_decoder d;
	struct sg_event e;
	struct rb r;
	struct sg_tuple t = {.family = 2, .l4proto = 6, .lport = 40000, .rport = 80};
	uint8_t un[sizeof(t) + 5];

	sg_decoder_init(&d, NULL);
	rb_init(&r, SG_REC_SYSCALL, nr_of("connect"));
	const struct sg_syscall_def *def = sg_syscall_by_nr(nr_of("connect"));
	/* connect's payloads in table order */
	for (unsigned i = 0; def && i < def->nparams; i++) {
		if (def->params[i].src != SG_SRC_CAP)
			continue;
		if (def->params[i].cap == SG_CAP_SOCKADDR)
			rb_pl(&r, SG_CAP_SOCKADDR, 0, "\x02\x00\x00\x50\x7f\x00\x00\x01", 8);
		else
			rb_pl(&r, def->params[i].cap, 0, &t, sizeof(t));
	}
	T_OK(def && dec(&d, &r, &e) == 1 && param(&e, "tuple") &&
	     param(&e, "tuple")->len == sizeof(t), "connect: tuple payload");

	rb_init(&r, SG_REC_SYSCALL, nr_of("shutdown"));
	rb_pl(&r, SG_CAP_FD_TUPLE, 0, &t, 10);
	T_OK(dec(&d, &r, &e) == -1, "a tuple shorter than struct sg_tuple is malformed");

	t.family = 1;
	memcpy(un, &t, sizeof(t));
	memcpy(un + sizeof(t), "/run", 5);
	rb_init(&r, SG_REC_SYSCALL, nr_of("shutdown"));
	rb_pl(&r, SG_CAP_FD_TUPLE, 0, un, sizeof(un));
	T_OK(dec(&d, &r, &e) == 1 && param(&e, "tuple")->len == sizeof(un),
	     "an AF_UNIX tuple carries its path after the struct");
}

/* ---- malformed records --------------------------------------------------- */

static void test_malformed(void)
{
	struct sg_decoder d;
	struct sg_event e;
	struct rb r, good;
	uint8_t big[SG_STR_MAX + 1];

	sg_decoder_init(&d, NULL);
	openat_record(&good, "/tmp/x");

	T_OK(sg_decode(&d, good.b, sizeof(struct sg_rec) - 1, &e) == -1,
	     "shorter than a header: malformed");
	T_OK(sg_decode(&d, NULL, 0, &e) == -1, "no bytes: malformed");

	r = good;
	T_OK(sg_decode(&d, r.b, r.len - 1, &e) == -1, "header len beyond the bytes received");

	r = good;
	rb_hdr(&r)->len = sizeof(struct sg_rec) - 4;
	T_OK(dec(&d, &r, &e) == -1, "header len smaller than the header");

	r = good;
	rb_hdr(&r)->len += 4;
	r.len += 4;
	T_OK(dec(&d, &r, &e) == -1, "bytes after the last payload");

	r = good;
	rb_hdr(&r)->npayloads = 3;
	T_OK(dec(&d, &r, &e) == -1, "more payloads announced than present");

	r = good;
	rb_hdr(&r)->npayloads = 0;
	T_OK(dec(&d, &r, &e) == -1, "fewer payloads announced than the syscall has");

	r = good;
	{
		struct sg_payload p;

		memcpy(&p, r.b + sizeof(struct sg_rec), sizeof(p));
		p.len = 60000;
		memcpy(r.b + sizeof(struct sg_rec), &p, sizeof(p));
	}
	T_OK(dec(&d, &r, &e) == -1, "payload length past the record");

	rb_init(&r, SG_REC_SYSCALL, SG_MAX_SYSCALLS + 7);
	T_OK(dec(&d, &r, &e) == -1, "unknown syscall number");

	rb_init(&r, SG_REC_SYSCALL, nr_of("openat"));
	rb_pl(&r, SG_CAP_BUF_RES, 0, "abc", 3);
	rb_kpath(&r, SG_PLF_SKIP, NULL);
	T_OK(dec(&d, &r, &e) == -1, "payload kind does not match the syscall's capture");

	memset(big, 'a', sizeof(big));
	rb_init(&r, SG_REC_SYSCALL, nr_of("openat"));
	rb_pl(&r, SG_CAP_STR, 0, big, sizeof(big));
	rb_kpath(&r, SG_PLF_SKIP, NULL);
	T_OK(dec(&d, &r, &e) == -1, "string longer than SG_STR_MAX");

	rb_init(&r, 77, 0);
	T_OK(dec(&d, &r, &e) == -1, "unknown record kind");

	T_OK(d.malformed == 12 && d.records == 12 && d.next_num == 0,
	     "every malformed record counted, none numbered (%llu)",
	     (unsigned long long)d.malformed);
}

/* A param's bytes lie inside the record, or inside the event (comm). */
static int data_inside(const struct sg_param *p, const uint8_t *rec, size_t len,
		       const struct sg_event *e)
{
	uintptr_t d = (uintptr_t)p->data, r = (uintptr_t)rec, ev = (uintptr_t)e;

	if (!(p->flags & SG_PARAM_DATA))
		return 1;
	if (d >= r && d + p->len <= r + len)
		return 1;
	return d >= ev && d + p->len <= ev + sizeof(*e);
}

/* Cut the valid record at every length, and flip random bytes: the decoder
 * must reject or accept, never read past what it was given (ASan). */
static void test_fuzz(void)
{
	struct sg_decoder d;
	struct sg_event e;
	struct rb good, r;
	int bad = 0, crashfree = 1;

	sg_decoder_init(&d, NULL);
	openat_record(&good, "/etc/hostname");
	for (size_t n = 0; n < good.len; n++) {
		uint8_t *copy = malloc(n ? n : 1);

		memcpy(copy, good.b, n);
		if (sg_decode(&d, copy, n, &e) != -1)
			bad++;
		free(copy);
	}
	T_OK(bad == 0, "every cut of a record is malformed");

	srand(42);
	for (int i = 0; i < 20000; i++) {
		uint8_t *copy;
		int res;

		r = good;
		for (int k = 0; k < 1 + rand() % 4; k++)
			r.b[rand() % r.len] = (uint8_t)rand();
		copy = malloc(r.len);
		memcpy(copy, r.b, r.len);
		res = sg_decode(&d, copy, r.len, &e);
		if (res < -1 || res > 1)
			crashfree = 0;
		if (res == 1 && (e.nparams > SG_MAX_PARAMS || !e.def))
			crashfree = 0;
		for (unsigned p = 0; res == 1 && p < e.nparams; p++)
			if (!data_inside(&e.params[p], copy, r.len, &e))
				crashfree = 0;
		free(copy);
	}
	T_OK(crashfree, "20000 mutated records: results in range, data inside the record");
}

/* ---- process records --------------------------------------------------- */

static void procinfo_pl(struct rb *r)
{
	struct sg_procinfo pi = {.vpid = 100, .vtid = 100, .sid = 1, .pgid = 100};

	rb_pl(r, SG_PL_PROCINFO, 0, &pi, sizeof(pi));
}

static void exec_record(struct rb *r, uint32_t pid)
{
	static const char args[] = "/bin/cat\0-n\0/etc/hosts";
	static const char env[] = "HOME=/root\0TERM=xterm";

	rb_init(r, SG_REC_EXEC, 0);
	rb_hdr(r)->pid = pid;
	rb_hdr(r)->tid = pid;
	procinfo_pl(r);
	rb_pl(r, SG_PL_FILENAME, 0, "/bin/cat", 8);
	rb_pl(r, SG_PL_ARGS, 0, args, sizeof(args));
	rb_pl(r, SG_PL_ENV, 0, env, sizeof(env));
}

static void test_process(void)
{
	struct sg_decoder d;
	struct sg_event e;
	struct rb r;

	sg_decoder_init(&d, NULL);
	exec_record(&r, 100);
	T_OK(dec(&d, &r, &e) == 0 && d.next_num == 0, "exec record: state only, no event");

	rb_init(&r, SG_REC_FORK, 0);
	rb_hdr(&r)->flags = SG_RECF_THREAD;
	procinfo_pl(&r);
	T_OK(dec(&d, &r, &e) == 0, "fork record: state only");

	rb_init(&r, SG_REC_FORK, 0);
	procinfo_pl(&r);
	rb_pl(&r, SG_PL_ARGS, 0, "a", 1);
	T_OK(dec(&d, &r, &e) == -1, "fork record with argv: malformed");

	rb_init(&r, SG_REC_EXEC, 0);
	rb_pl(&r, SG_PL_PROCINFO, 0, "short", 5);
	T_OK(dec(&d, &r, &e) == -1, "procinfo of the wrong size: malformed");

	rb_init(&r, SG_REC_EXEC, 0);
	rb_pl(&r, SG_PL_FILENAME, 0, "/bin/x", 6);
	T_OK(dec(&d, &r, &e) == -1, "exec record without procinfo: malformed");

	rb_init(&r, SG_REC_EXEC, 0);
	procinfo_pl(&r);
	rb_pl(&r, SG_PL_ARGS, 0, "a", 1);
	rb_pl(&r, SG_PL_ARGS, 0, "b", 1);
	T_OK(dec(&d, &r, &e) == -1, "exec record with argv twice: malformed");

	rb_init(&r, SG_REC_EXIT, 0);
	rb_hdr(&r)->res = (3 << 8) | 0;
	rb_hdr(&r)->flags = SG_RECF_GROUP_DEAD;
	T_OK(dec(&d, &r, &e) == 1 && e.kind == SG_EV_PROCEXIT && e.def == &sg_procexit_def,
	     "exit record: a procexit event");
	T_OK(e.res == 0x300 && (e.args[0] & SG_RECF_GROUP_DEAD) && e.num == 1,
	     "procexit: status, group-dead flag, first evt.num");
	T_OK(param(&e, "ret") && param(&e, "ret")->num == 3 && param(&e, "sig") &&
	     param(&e, "sig")->num == 0, "procexit: ret 3, sig 0");

	rb_init(&r, SG_REC_EXIT, 0);
	rb_hdr(&r)->res = 9;
	T_OK(dec(&d, &r, &e) == 1 && param(&e, "sig")->num == 9 && param(&e, "ret")->num == 0,
	     "procexit: killed by signal 9");

	rb_init(&r, SG_REC_EXIT, 0);
	procinfo_pl(&r);
	T_OK(dec(&d, &r, &e) == -1, "exit record with a payload: malformed");
}

/* execve's exe / args / env come from the process table the exec record
 * updated just before. */
static void test_execve_state(void)
{
	struct sg_state *st = sg_state_new();
	struct sg_decoder d;
	struct sg_event e;
	struct rb r;

	if (!T_OK(st != NULL, "state table"))
		return;
	sg_decoder_init(&d, st);
	exec_record(&r, 4242);
	T_OK(dec(&d, &r, &e) == 0, "exec record applied to state");

	rb_init(&r, SG_REC_SYSCALL, nr_of("execve"));
	rb_hdr(&r)->pid = 4242;
	rb_hdr(&r)->tid = 4242;
	rb_hdr(&r)->res = 0;
	rb_pl(&r, SG_CAP_STR, SG_PLF_SKIP, NULL, 0); /* filename: only on failure */
	T_OK(dec(&d, &r, &e) == 1, "execve record decodes");
	T_OK(data_is(param(&e, "exe"), "/bin/cat"), "execve: exe from the process table");
	const struct sg_param *a = param(&e, "args");
	T_OK(a && (a->flags & SG_PARAM_DATA) && a->len == 13 && !memcmp(a->data, "-n\0/etc/hosts", 13),
	     "execve: args from the process table");
	T_OK(param(&e, "pid") && param(&e, "pid")->num == 4242 && data_is(param(&e, "comm"), "cat"),
	     "execve: pid and comm from the event");
	sg_state_free(st);
}

int main(void)
{
	sg_syscalls_init();
	test_openat();
	test_kpath();
	test_flags();
	test_numeric_caps();
	test_tuple();
	test_malformed();
	test_fuzz();
	test_process();
	test_execve_state();
	return t_done();
}
