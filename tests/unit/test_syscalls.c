/* The event table: shape of every def, numbers on x86_64, lookups,
 * suggestions, payload numbers and the --list-events output. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* open_memstream */
#endif
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <linux/types.h>

#include "event/abi.h"
#include "event/flagtables.h"
#include "event/syscalls.h"
#include "tests/unit/t.h"

/* Every syscall the table must describe (the brief's list). */
static const char *const required[] = {
	"execve", "execveat", "clone", "clone3", "fork", "vfork", "exit", "exit_group",
	"setuid", "setgid", "setresuid", "setresgid", "setreuid", "setregid", "capset",
	"prctl", "ptrace", "kill", "tkill", "tgkill", "setns", "unshare", "setpgid",
	"setsid", "seccomp", "bpf", "init_module", "finit_module", "delete_module",
	"memfd_create", "personality", "chroot", "pivot_root", "mount", "umount2",
	"userfaultfd", "io_uring_setup", "io_uring_enter", "io_uring_register",
	"open", "openat", "openat2", "creat", "open_by_handle_at", "close", "read",
	"write", "pread64", "pwrite64", "readv", "writev", "preadv", "pwritev",
	"sendfile", "splice", "dup", "dup2", "dup3", "fcntl", "pipe", "pipe2",
	"eventfd2", "signalfd4", "inotify_init1", "timerfd_create", "epoll_create1",
	"chdir", "fchdir", "mkdir", "mkdirat", "rmdir", "unlink", "unlinkat", "rename",
	"renameat", "renameat2", "link", "linkat", "symlink", "symlinkat", "chmod",
	"fchmod", "fchmodat", "chown", "lchown", "fchown", "fchownat", "truncate",
	"ftruncate", "mmap", "mprotect", "access", "faccessat", "faccessat2",
	"newfstatat", "statx", "stat", "lstat", "fstat", "getdents64", "fsconfig",
	"socket", "socketpair", "connect", "accept", "accept4", "bind", "listen",
	"sendto", "recvfrom", "sendmsg", "recvmsg", "sendmmsg", "recvmmsg", "shutdown",
	"getsockopt", "setsockopt",
};

/* Calls that change process or fd state: the probe must always send them. */
static const char *const state_calls[] = {
	"open", "openat", "openat2", "creat", "open_by_handle_at", "close", "dup",
	"dup2", "dup3", "fcntl", "socket", "socketpair", "accept", "accept4",
	"connect", "bind", "listen", "pipe", "pipe2", "eventfd2", "signalfd4",
	"inotify_init1", "timerfd_create", "epoll_create1", "memfd_create", "chdir",
	"fchdir", "execve", "execveat", "clone", "clone3", "fork", "vfork",
	"userfaultfd", "io_uring_setup", "bpf",
};

static const char *const state_names[] = {
	"exe", "args", "env", "cwd", "comm", "tid", "pid", "ptid", "uid", "gid",
	"loginuid", "ret", "sig", "tty", "pgid", "fdlimit", "pgft_maj", "pgft_min",
	"vm_size", "vm_rss", "vm_swap", "vpgid", "flags", "cap_inheritable",
	"cap_permitted", "cap_effective", "exe_ino", "exe_ino_ctime", "exe_ino_mtime",
	"vtid", "vpid", "pidns_init_start_ts",
};

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

static int in_list(const char *s, const char *const *l, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(s, l[i]) == 0)
			return 1;
	return 0;
}

static const struct sg_param_def *param(const struct sg_syscall_def *d, const char *n)
{
	for (unsigned i = 0; d && i < d->nparams; i++)
		if (strcmp(d->params[i].name, n) == 0)
			return &d->params[i];
	return NULL;
}

static int has_arg(const struct sg_syscall_def *d, unsigned arg, unsigned type)
{
	for (unsigned i = 0; i < d->nparams; i++)
		if (d->params[i].src == SG_SRC_ARG && d->params[i].arg == arg &&
		    d->params[i].type == type)
			return 1;
	return 0;
}

static const char *cap_problem(const struct sg_param_def *p)
{
	if (p->cap <= SG_CAP_NONE || p->cap >= SG_CAP_KIND_MAX)
		return "cap kind out of range";
	if (p->arg >= SG_NARGS)
		return "cap arg out of range";
	switch (p->cap) {
	case SG_CAP_BUF_ARG: case SG_CAP_SOCKADDR: case SG_CAP_SOCKADDR_PLEN:
	case SG_CAP_IOVEC_RES: case SG_CAP_IOVEC_ARG:
		if (p->aux >= SG_NARGS || p->aux == p->arg)
			return "cap length arg out of range";
		break;
	case SG_CAP_STRUCT:
		if (p->aux == 0 || p->aux * 8 > 256)
			return "struct size out of range";
		break;
	case SG_CAP_INT2:
		if (p->aux > 1)
			return "INT2 index not 0/1";
		break;
	}
	if ((p->capflags & ~(SG_CAPF_ON_FAIL | SG_CAPF_ON_SUCCESS)) ||
	    p->capflags == (SG_CAPF_ON_FAIL | SG_CAPF_ON_SUCCESS))
		return "bad cap flags";
	return NULL;
}

/* Why a param is malformed, or NULL. */
static const char *param_problem(const struct sg_param_def *p)
{
	int tabled = p->type == SG_PT_FLAGS || p->type == SG_PT_ENUM;

	if (!p->name || !*p->name)
		return "no name";
	if (p->type <= SG_PT_NONE || p->type >= SG_PT_MAX)
		return "type out of range";
	if (tabled && (p->table == SG_TBL_NONE || p->table >= SG_TBL_MAX))
		return "FLAGS/ENUM without a table";
	if (p->type == SG_PT_SIGNAL && p->table != SG_TBL_SIGNALS)
		return "SIGNAL without the signal table";
	if (!tabled && p->type != SG_PT_SIGNAL && p->table != SG_TBL_NONE)
		return "table on an untabled type";
	switch (p->src) {
	case SG_SRC_RES:
		return NULL;
	case SG_SRC_ARG:
		return p->arg < SG_NARGS ? NULL : "arg out of range";
	case SG_SRC_CAP:
		return cap_problem(p);
	case SG_SRC_STATE:
		return in_list(p->name, state_names, NELEM(state_names)) ?
			NULL : "STATE param the decoder does not know";
	}
	return "source out of range";
}

/* Why a def is malformed, or NULL. */
static const char *def_problem(const struct sg_syscall_def *d)
{
	unsigned caps = 0, res = 0;

	if (!d->name || !*d->name || d->nparams == 0 || d->nparams > SG_MAX_PARAMS)
		return "bad name or param count";
	if (d->category >= SG_CAT_MAX)
		return "category out of range";
	for (unsigned i = 0; i < d->nparams; i++) {
		const struct sg_param_def *p = &d->params[i];
		const char *why = param_problem(p);

		if (why)
			return why;
		for (unsigned j = 0; j < i; j++)
			if (strcmp(d->params[j].name, p->name) == 0)
				return "duplicate param name";
		caps += p->src == SG_SRC_CAP;
		res += p->src == SG_SRC_RES;
	}
	/* the kernel path of a KPATH call is one more capture, after them */
	if (caps + ((d->flags & SG_SC_KPATH) != 0) > SG_MAX_CAPS)
		return "more than SG_MAX_CAPS captures";
	if ((d->flags & SG_SC_KPATH) && !(d->flags & SG_SC_FD_RES))
		return "KPATH without a new fd as the result";
	if (res > 1)
		return "two result params";
	return NULL;
}

static const char *flag_problem(const struct sg_syscall_def *d)
{
	const struct sg_param_def *r = NULL;

	for (unsigned i = 0; i < d->nparams; i++)
		if (d->params[i].src == SG_SRC_RES)
			r = &d->params[i];
	if ((d->flags & SG_SC_FD_ARG0) && !has_arg(d, 0, SG_PT_FD))
		return "FD_ARG0 without an fd param on arg0";
	if ((d->flags & SG_SC_DIRFD_ARG0) && !has_arg(d, 0, SG_PT_DIRFD))
		return "DIRFD_ARG0 without a dirfd param on arg0";
	if ((d->flags & SG_SC_FD_RES) && (!r || r->type != SG_PT_FD))
		return "FD_RES without an FD result";
	if ((d->flags & SG_SC_FD_RES) && (d->flags & SG_SC_FD_ARG0))
		return "both FD_RES and FD_ARG0";
	if ((d->flags & SG_SC_GENERIC))
		return "table def marked generic";
	return NULL;
}

static void test_table_shape(void)
{
	const struct sg_syscall_def *d;
	unsigned i;

	for (i = 0; (d = sg_syscall_table_at(i)); i++) {
		const char *why = def_problem(d);

		if (!why)
			why = flag_problem(d);
		T_OK(!why, "table %s well formed%s%s", d->name, why ? ": " : "",
		     why ? why : "");
		for (unsigned j = 0; j < i; j++)
			if (strcmp(sg_syscall_table_at(j)->name, d->name) == 0)
				T_OK(0, "table name %s unique", d->name);
	}
	T_OK(i >= NELEM(required), "table has %u defs", i);
	T_OK(!def_problem(&sg_procexit_def), "procexit well formed");
	T_STREQ(sg_procexit_def.name, "procexit", "procexit name");
	T_OK(sg_procexit_def.params[0].src == SG_SRC_RES &&
	     strcmp(sg_procexit_def.params[0].name, "status") == 0 &&
	     sg_procexit_def.params[0].type == SG_PT_INT, "procexit status is INT from res");
}

static void test_required(void)
{
	for (size_t i = 0; i < NELEM(required); i++) {
		unsigned nr = 0;
		const struct sg_syscall_def *d = sg_syscall_by_name(required[i], &nr);

		T_OK(d && strcmp(d->name, required[i]) == 0 && !(d->flags & SG_SC_GENERIC) &&
		     nr != SG_NR_NONE && sg_syscall_by_nr(nr) == d,
		     "%s described and on x86_64 (nr %u)", required[i], nr);
	}
	for (size_t i = 0; i < NELEM(state_calls); i++) {
		const struct sg_syscall_def *d = sg_syscall_by_name(state_calls[i], NULL);

		T_OK(d && (d->flags & SG_SC_STATE), "%s is a state call", state_calls[i]);
	}
}

static void test_generic_and_numbers(void)
{
	const struct sg_syscall_def *d;
	unsigned nr = 0, n = sg_syscall_count();
	int all = 1;

	T_OK(n > 334 && n <= SG_MAX_SYSCALLS, "count %u in range", n);
	T_STREQ(sg_syscall_by_nr(257) ? sg_syscall_by_nr(257)->name : NULL, "openat",
		"nr 257 is openat");
	T_STREQ(sg_syscall_by_nr(59) ? sg_syscall_by_nr(59)->name : NULL, "execve",
		"nr 59 is execve");
	T_STREQ(sg_syscall_name(0), "read", "name of nr 0");
	d = sg_syscall_by_nr(110);
	T_OK(d && strcmp(d->name, "getppid") == 0 && (d->flags & SG_SC_GENERIC) &&
	     d->nparams == 7 && d->category == SG_CAT_OTHER, "getppid generic with 7 params");
	if (d) {
		T_STREQ(d->params[0].name, "res", "generic param 0 is res");
		T_OK(d->params[0].type == SG_PT_ERRNO && d->params[0].src == SG_SRC_RES,
		     "generic res is ERRNO");
		T_STREQ(d->params[6].name, "arg5", "generic param 6 is arg5");
		T_OK(d->params[4].src == SG_SRC_ARG && d->params[4].arg == 3 &&
		     d->params[4].type == SG_PT_HEX, "generic arg3 is raw HEX arg 3");
	}
	T_OK(sg_syscall_by_name("getppid", &nr) == d && nr == 110, "by_name generic getppid");
	T_OK(!sg_syscall_by_nr(n) && !sg_syscall_by_nr(100000), "by_nr past the end is NULL");
	T_OK(!sg_syscall_name(100000), "name past the end is NULL");
	T_OK(!sg_syscall_by_nr(335) && !sg_syscall_name(335), "hole 335 has no def");
	for (unsigned i = 0; i < n; i++) {
		d = sg_syscall_by_nr(i);
		if (!d)
			continue;
		if (def_problem(d) || strcmp(d->name, sg_syscall_name(i)) != 0) {
			all = 0;
			t_note("nr %u (%s) malformed", i, d->name);
		}
	}
	T_OK(all, "every def by number well formed and named");
	sg_syscalls_init();
	T_OK(sg_syscall_by_nr(257) == sg_syscall_by_name("openat", NULL), "init idempotent");
}

static void test_by_name(void)
{
	unsigned nr = 7;

	T_OK(sg_syscall_by_name("procexit", &nr) == &sg_procexit_def && nr == SG_NR_NONE,
	     "procexit by name, no number");
	nr = 7;
	T_OK(!sg_syscall_by_name("nosuchcall", &nr) && nr == SG_NR_NONE, "unknown name");
	T_OK(!sg_syscall_by_name("", NULL) && !sg_syscall_by_name(NULL, NULL), "empty / NULL name");
	T_OK(!sg_syscall_by_name("OPENAT", NULL), "names are case sensitive");
}

static void test_suggest(void)
{
	static const struct { const char *in, *want; } rows[] = {
		{ "exceve", "execve" }, { "opnat", "openat" }, { "getppdi", "getppid" },
		{ "procexti", "procexit" }, { "conect", "connect" }, { "OPENAT", "openat" },
		{ "unlinkta", "unlinkat" }, { "xyzzyqqq", NULL }, { "", NULL },
	};
	char longname[200];

	for (size_t i = 0; i < NELEM(rows); i++) {
		const char *got = sg_syscall_suggest(rows[i].in);

		if (rows[i].want)
			T_STREQ(got, rows[i].want, "suggest '%s'", rows[i].in);
		else
			T_OK(!got, "no suggestion for '%s' (got %s)", rows[i].in, got ? got : "-");
	}
	memset(longname, 'a', sizeof(longname) - 1);
	longname[sizeof(longname) - 1] = 0;
	T_OK(!sg_syscall_suggest(longname), "no suggestion for a 199-char name");
	T_OK(!sg_syscall_suggest(NULL), "no suggestion for NULL");
}

/* Falco's names and the capture plan of the calls rules rely on. */
static void test_falco_shapes(void)
{
	const struct sg_syscall_def *d = sg_syscall_by_name("openat", NULL);
	const struct sg_param_def *p;

	T_OK(d && d->nparams == 5 && !strcmp(d->params[0].name, "fd") &&
	     !strcmp(d->params[1].name, "dirfd") && !strcmp(d->params[2].name, "name") &&
	     !strcmp(d->params[3].name, "flags") && !strcmp(d->params[4].name, "mode"),
	     "openat: fd dirfd name flags mode");
	p = param(d, "flags");
	T_OK(p && p->type == SG_PT_FLAGS && p->table == SG_TBL_OPEN_FLAGS && p->arg == 2,
	     "openat flags: arg 2 with open flags");
	p = param(d, "name");
	T_OK(p && p->src == SG_SRC_CAP && p->cap == SG_CAP_STR && p->arg == 1 &&
	     p->type == SG_PT_PATH, "openat name: string capture of arg 1");

	d = sg_syscall_by_name("connect", NULL);
	T_OK(d && !strcmp(d->params[0].name, "res") && !strcmp(d->params[1].name, "tuple") &&
	     !strcmp(d->params[2].name, "fd") && !strcmp(d->params[3].name, "addr"),
	     "connect: res tuple fd addr");
	p = param(d, "tuple");
	T_OK(p && p->cap == SG_CAP_FD_TUPLE && p->arg == 0 && p->type == SG_PT_TUPLE,
	     "connect tuple from the fd");
	p = param(d, "addr");
	T_OK(p && p->cap == SG_CAP_SOCKADDR && p->arg == 1 && p->aux == 2,
	     "connect addr: sockaddr arg1 len arg2");

	d = sg_syscall_by_name("accept4", NULL);
	p = param(d, "tuple");
	T_OK(d && !strcmp(d->params[0].name, "fd") && p && p->cap == SG_CAP_RES_TUPLE &&
	     param(d, "flags"), "accept4: fd, tuple of the result, flags");

	d = sg_syscall_by_name("execve", NULL);
	p = param(d, "filename");
	T_OK(p && p->src == SG_SRC_CAP && (p->capflags & SG_CAPF_ON_FAIL),
	     "execve filename captured only on failure");
	T_OK(param(d, "exe") && param(d, "exe")->src == SG_SRC_STATE &&
	     param(d, "args") && param(d, "args")->type == SG_PT_CHARBUFARRAY &&
	     param(d, "cwd") && param(d, "env"), "execve exe/args/cwd/env from state");

	d = sg_syscall_by_name("read", NULL);
	p = param(d, "data");
	T_OK(p && p->cap == SG_CAP_BUF_RES && p->arg == 1, "read data: buffer of res bytes");
	for (unsigned i = 0; d && i < d->nparams; i++)
		if (d->params[i].type == SG_PT_TUPLE)
			T_OK(0, "read captures no tuple");
	d = sg_syscall_by_name("write", NULL);
	p = param(d, "data");
	T_OK(p && p->cap == SG_CAP_BUF_ARG && p->arg == 1 && p->aux == 2,
	     "write data: arg1, length arg2");
	d = sg_syscall_by_name("writev", NULL);
	p = param(d, "data");
	T_OK(p && p->cap == SG_CAP_IOVEC_ARG, "writev data from the iovec");

	d = sg_syscall_by_name("sendto", NULL);
	T_OK(param(d, "tuple") && param(d, "addr") && param(d, "data"),
	     "sendto: data, tuple, addr");
	d = sg_syscall_by_name("renameat2", NULL);
	T_OK(d && (d->flags & SG_SC_DIRFD_ARG0) && param(d, "newdirfd") &&
	     param(d, "newdirfd")->type == SG_PT_DIRFD, "renameat2 dirfds");
	d = sg_syscall_by_name("kill", NULL);
	p = param(d, "sig");
	T_OK(p && p->type == SG_PT_SIGNAL && p->arg == 1, "kill sig is a signal");
	d = sg_syscall_by_name("close", NULL);
	T_OK(d && (d->flags & (SG_SC_CLOSE | SG_SC_FD_ARG0)) == (SG_SC_CLOSE | SG_SC_FD_ARG0),
	     "close closes arg0");
	d = sg_syscall_by_name("recvmsg", NULL);
	T_OK(d && (d->flags & SG_SC_NET) && (d->flags & SG_SC_READ), "recvmsg: net read");
}

static void test_cap_num(void)
{
	const struct sg_syscall_def *d = sg_syscall_by_name("pipe2", NULL);
	int32_t fds[2] = { 3, 4 };
	uint64_t how[3] = { 0x80241, 0644, 0x8 };
	int64_t v = -1;

	T_OK(sg_syscall_cap_num(param(d, "fd1"), fds, sizeof(fds), &v) && v == 3, "pipe fd1");
	T_OK(sg_syscall_cap_num(param(d, "fd2"), fds, sizeof(fds), &v) && v == 4, "pipe fd2");
	T_OK(!sg_syscall_cap_num(param(d, "fd2"), fds, 4, &v), "short INT2 payload");
	d = sg_syscall_by_name("openat2", NULL);
	/* O_WRONLY|O_CREAT|O_TRUNC|O_CLOEXEC in Falco's encoding */
	T_OK(sg_syscall_cap_num(param(d, "flags"), how, 8, &v) && v == 4358, "openat2 flags");
	T_OK(sg_syscall_cap_num(param(d, "mode"), how, 16, &v) && v == 0644, "openat2 mode");
	T_OK(sg_syscall_cap_num(param(d, "resolve"), how, 24, &v) && v == 8, "openat2 resolve");
	T_OK(!sg_syscall_cap_num(param(d, "resolve"), how, 16, &v), "cut struct: no value");
	T_OK(!sg_syscall_cap_num(param(d, "name"), "x", 1, &v), "string capture is not a number");
	T_OK(!sg_syscall_cap_num(param(d, "dirfd"), fds, 8, &v), "ARG param is not a capture");
	T_OK(!sg_syscall_cap_num(NULL, fds, 8, &v), "NULL def");
}

static char *list(int json, size_t *len)
{
	char *buf = NULL;
	FILE *f = open_memstream(&buf, len);

	if (!f)
		return NULL;
	sg_syscalls_list(f, json);
	fclose(f);
	return buf;
}

static unsigned count_lines(const char *s)
{
	unsigned n = 0;

	for (; s && *s; s++)
		n += *s == '\n';
	return n;
}

static void test_list(void)
{
	size_t len = 0;
	char *text = list(0, &len), *json;
	unsigned want = 1; /* procexit */
	int jsonok = 1;

	for (unsigned i = 0; i < sg_syscall_count(); i++)
		want += sg_syscall_by_nr(i) != NULL;
	T_OK(text && strstr(text, "\nopenat(fd FD, dirfd DIRFD, name PATH, flags FLAGS, "
			    "mode MODE) [file]\n"), "text list: openat signature");
	T_OK(text && strstr(text, "\ngetppid(res ERRNO, arg0 HEX, arg1 HEX, arg2 HEX, "
			    "arg3 HEX, arg4 HEX, arg5 HEX) [other]\n"), "text list: generic");
	T_OK(text && strstr(text, "\nprocexit(status INT"), "text list: procexit");
	T_OK(count_lines(text) == want, "text list: %u lines (want %u)", count_lines(text), want);
	free(text);

	json = list(1, &len);
	T_OK(json && strstr(json, "{\"name\":\"openat\",\"nr\":257,\"category\":\"file\","
			    "\"params\":[{\"name\":\"fd\",\"type\":\"FD\"},{\"name\":\"dirfd\","
			    "\"type\":\"DIRFD\"},{\"name\":\"name\",\"type\":\"PATH\"},"
			    "{\"name\":\"flags\",\"type\":\"FLAGS\"},{\"name\":\"mode\","
			    "\"type\":\"MODE\"}]}\n"), "json list: openat object");
	T_OK(json && strstr(json, "{\"name\":\"procexit\",\"nr\":null,"), "json list: procexit");
	T_OK(count_lines(json) == want, "json list: %u lines", count_lines(json));
	for (char *l = json; l && *l; l = strchr(l, '\n') + 1)
		if (l[0] != '{' || strchr(l, '\n')[-1] != '}')
			jsonok = 0;
	T_OK(jsonok, "json list: one object per line");
	free(json);
}

static void test_names(void)
{
	T_STREQ(sg_ptype_name(SG_PT_FD), "FD", "ptype name FD");
	T_STREQ(sg_ptype_name(SG_PT_CHARBUFARRAY), "CHARBUFARRAY", "ptype name CHARBUFARRAY");
	T_STREQ(sg_ptype_name(999), "?", "ptype out of range");
	T_STREQ(sg_category_name(SG_CAT_NET), "net", "category net");
	T_STREQ(sg_category_name(999), "?", "category out of range");
}

/* 32-bit calls map to the native call they stand for (x86: ia32). */
static void test_compat(void)
{
#if defined(__x86_64__)
	static const struct { unsigned nr32; const char *name32, *native; } rows[] = {
		{ 5, "open", "open" }, { 4, "write", "write" }, { 213, "setuid32", "setuid" },
		{ 192, "mmap2", "mmap" }, { 300, "fstatat64", "newfstatat" },
		{ 140, "_llseek", "lseek" }, { 221, "fcntl64", "fcntl" }, { 195, "stat64", "stat" },
	};
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		unsigned want = SG_NR_NONE, got = sg_syscall_compat_native(rows[i].nr32);
		sg_syscall_by_name(rows[i].native, &want);
		T_STREQ(sg_syscall_compat_name(rows[i].nr32), rows[i].name32, "ia32 %u is %s",
			rows[i].nr32, rows[i].name32);
		T_OK(got != SG_NR_NONE && got == want, "ia32 %s stands for %s", rows[i].name32,
		     rows[i].native);
	}
	T_OK(sg_syscall_compat_native(102) == SG_NR_NONE, "socketcall has no one native call");
#else
	T_OK(sg_syscall_compat_name(5) == NULL, "no 32-bit table off x86");
#endif
}

int main(void)
{
	test_compat();
	test_table_shape();
	test_required();
	test_generic_and_numbers();
	test_by_name();
	test_suggest();
	test_falco_shapes();
	test_cap_num();
	test_list();
	test_names();
	return t_done();
}
