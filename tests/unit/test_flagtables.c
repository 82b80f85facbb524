/* Flag and enum name tables: every table sane, real Linux values, and the
 * rendering users read (O_WRONLY|O_CREAT|O_TRUNC, SIGKILL...). */
#include <ctype.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "event/flagtables.h"
#include "event/strbuf.h"
#include "tests/unit/t.h"

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

static const char *render(unsigned t, uint64_t v, int is_enum, int *n)
{
	static struct sg_strbuf b;

	sg_sb_reset(&b);
	*n = sg_flags_render(&b, t, v, is_enum);
	return sg_sb_cstr(&b);
}

static int valid_name(const char *s)
{
	if (!s || !*s)
		return 0;
	for (; *s; s++)
		if (!isalnum((unsigned char)*s) && !strchr("_+-", *s))
			return 0;
	return 1;
}

/* Is name one of the '|'-separated tokens of s? */
static int has_token(const char *s, const char *name)
{
	size_t n = strlen(name);

	for (const char *p = s; (p = strstr(p, name)); p += n)
		if ((p == s || p[-1] == '|') && (p[n] == 0 || p[n] == '|'))
			return 1;
	return 0;
}

/* Each table: names valid and unique, each value renders with its name
 * and looks back up to itself (or a name of the same value). */
static void check_table(unsigned t)
{
	unsigned n = 0;
	const struct sg_flagname *f = sg_flags_names(t, &n);
	int ok_names = 1, ok_unique = 1, ok_render = 1, ok_value = 1, cnt;

	if (!T_OK(f && n > 0, "table %u has names", t))
		return;
	for (unsigned i = 0; i < n; i++) {
		const char *r;

		if (!valid_name(f[i].name))
			ok_names = 0;
		for (unsigned j = 0; j < i; j++)
			if (strcmp(f[i].name, f[j].name) == 0)
				ok_unique = 0;
		/* as flags first; enum tables render the same either way */
		r = render(t, f[i].value, 0, &cnt);
		if (!has_token(r, f[i].name)) {
			r = render(t, f[i].value, 1, &cnt);
		}
		if (!has_token(r, f[i].name)) {
			/* another entry with the same value may render first */
			int same = 0;

			for (unsigned j = 0; j < i; j++)
				same |= f[j].value == f[i].value;
			if (!same) {
				ok_render = 0;
				t_note("table %u: %s (0x%llx) renders '%s'", t, f[i].name,
				       (unsigned long long)f[i].value, r);
			}
		}
		if (sg_flags_value(t, f[i].name) != (int64_t)f[i].value)
			ok_value = 0;
	}
	T_OK(ok_names, "table %u: names are identifiers", t);
	T_OK(ok_unique, "table %u: names unique", t);
	T_OK(ok_render, "table %u: every value renders with its name", t);
	T_OK(ok_value, "table %u: every name looks up its value", t);
}

static void test_tables(void)
{
	unsigned n = 99;

	for (unsigned t = 1; t < SG_TBL_MAX; t++)
		check_table(t);
	T_OK(!sg_flags_names(SG_TBL_NONE, &n) && n == 0, "NONE table is empty");
	T_OK(!sg_flags_names(SG_TBL_MAX, &n) && n == 0, "table id out of range");
}

static void test_render(void)
{
	static const struct {
		unsigned t;
		uint64_t v;
		int is_enum;
		const char *want;
	} rows[] = {
		/* Falco's encoding, in libs' name order (sysdig's text) */
		{ SG_TBL_OPEN_FLAGS, 262, 0, "O_TRUNC|O_CREAT|O_WRONLY" },
		{ SG_TBL_OPEN_FLAGS, 1, 0, "O_RDONLY" },
		{ SG_TBL_OPEN_FLAGS, 4097, 0, "O_RDONLY|O_CLOEXEC" },
		{ SG_TBL_OPEN_FLAGS, 5185, 0, "O_DIRECTORY|O_NONBLOCK|O_RDONLY|O_CLOEXEC" },
		{ SG_TBL_OPEN_FLAGS, 0x93, 0, "O_SYNC|O_DSYNC|O_RDWR" },
		{ SG_TBL_OPEN_FLAGS, 0x2403, 0, "O_DIRECTORY|O_RDWR|O_TMPFILE" },
		{ SG_TBL_OPEN_FLAGS, 0, 0, "O_NONE" },
		{ SG_TBL_OPEN_FLAGS, 0x40000005, 0, "O_CREAT|O_RDONLY|0x40000000" },
		{ SG_TBL_SIGNALS, 9, 1, "SIGKILL" },
		{ SG_TBL_SIGNALS, 15, 0, "SIGTERM" },
		{ SG_TBL_SIGNALS, 34, 1, "SIGRTMIN+2" },
		{ SG_TBL_SIGNALS, 64, 1, "SIGRTMAX" },
		{ SG_TBL_SIGNALS, 0, 1, "" },
		{ SG_TBL_SIGNALS, 65, 1, "" },
		{ SG_TBL_CLONE_FLAGS, 0x1200011, 0,
		  "CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD" },
		{ SG_TBL_CLONE_FLAGS, 0x3d0f00, 0,
		  "CLONE_VM|CLONE_FS|CLONE_FILES|CLONE_SIGHAND|CLONE_THREAD|CLONE_SYSVSEM|"
		  "CLONE_SETTLS|CLONE_PARENT_SETTID|CLONE_CHILD_CLEARTID" },
		{ SG_TBL_CLONE_FLAGS, 0x200000000ULL, 0, "CLONE_INTO_CGROUP" },
		{ SG_TBL_NS_FLAGS, 0x20020000, 0, "CLONE_NEWNS|CLONE_NEWPID" },
		{ SG_TBL_SOCK_FAMILY, 2, 1, "AF_INET" },
		{ SG_TBL_SOCK_FAMILY, 10, 1, "AF_INET6" },
		{ SG_TBL_SOCK_FAMILY, 1, 1, "AF_UNIX" },
		{ SG_TBL_SOCK_TYPE, 0x80801, 0, "SOCK_STREAM|SOCK_NONBLOCK|SOCK_CLOEXEC" },
		{ SG_TBL_SOCK_TYPE, 0x80000, 0, "SOCK_CLOEXEC" },
		{ SG_TBL_SOCK_TYPE, 2, 0, "SOCK_DGRAM" },
		{ SG_TBL_SOCK_TYPE, 0, 0, "" },
		{ SG_TBL_SOCK_PROTO, 6, 1, "IPPROTO_TCP" },
		{ SG_TBL_SOCK_PROTO, 0, 1, "" },
		{ SG_TBL_SHUTDOWN_HOW, 2, 1, "SHUT_RDWR" },
		{ SG_TBL_MSG_FLAGS, 0x4040, 0, "MSG_DONTWAIT|MSG_NOSIGNAL" },
		{ SG_TBL_MSG_FLAGS, 0, 0, "" },
		{ SG_TBL_PROT_FLAGS, 0, 0, "PROT_NONE" },
		{ SG_TBL_PROT_FLAGS, 5, 0, "PROT_READ|PROT_EXEC" },
		{ SG_TBL_MMAP_FLAGS, 0x22, 0, "MAP_PRIVATE|MAP_ANONYMOUS" },
		{ SG_TBL_MMAP_FLAGS, 0x812, 0, "MAP_PRIVATE|MAP_FIXED|MAP_DENYWRITE" },
		{ SG_TBL_ACCESS_MODE, 0, 0, "F_OK" },
		{ SG_TBL_ACCESS_MODE, 6, 0, "R_OK|W_OK" },
		{ SG_TBL_AT_FLAGS, 0x200, 0, "AT_REMOVEDIR" },
		{ SG_TBL_AT_FLAGS, 0x1100, 0, "AT_SYMLINK_NOFOLLOW|AT_EMPTY_PATH" },
		{ SG_TBL_AT_FLAGS, 0, 0, "" },
		{ SG_TBL_RENAME_FLAGS, 1, 0, "RENAME_NOREPLACE" },
		{ SG_TBL_RENAME_FLAGS, 0x100, 0, "" },
		{ SG_TBL_FCNTL_CMD, 1030, 1, "F_DUPFD_CLOEXEC" },
		{ SG_TBL_FCNTL_CMD, 0, 1, "F_DUPFD" },
		{ SG_TBL_PTRACE_REQ, 16, 1, "PTRACE_ATTACH" },
		{ SG_TBL_PTRACE_REQ, 0x4206, 1, "PTRACE_SEIZE" },
		{ SG_TBL_PRCTL_OPT, 15, 1, "PR_SET_NAME" },
		{ SG_TBL_PRCTL_OPT, 38, 1, "PR_SET_NO_NEW_PRIVS" },
		{ SG_TBL_SECCOMP_OP, 1, 1, "SECCOMP_SET_MODE_FILTER" },
		{ SG_TBL_BPF_CMD, 5, 1, "BPF_PROG_LOAD" },
		{ SG_TBL_BPF_CMD, 0, 1, "BPF_MAP_CREATE" },
		{ SG_TBL_MOUNT_FLAGS, 0x5000, 0, "MS_BIND|MS_REC" },
		{ SG_TBL_MOUNT_FLAGS, 0xc0ed1000, 0, "MS_MGC_VAL|MS_BIND" },
		{ SG_TBL_UMOUNT_FLAGS, 2, 0, "MNT_DETACH" },
		{ SG_TBL_EPOLL_FLAGS, 0x80000, 0, "EPOLL_CLOEXEC" },
		{ SG_TBL_PIPE_FLAGS, 0x80800, 0, "O_CLOEXEC|O_NONBLOCK" },
		{ SG_TBL_MEMFD_FLAGS, 3, 0, "MFD_CLOEXEC|MFD_ALLOW_SEALING" },
		{ SG_TBL_FSCONFIG_CMD, 6, 1, "FSCONFIG_CMD_CREATE" },
		{ SG_TBL_SOCKOPT_LEVEL, 1, 1, "SOL_SOCKET" },
		{ SG_TBL_SOCKOPT_NAME, 2, 1, "SO_REUSEADDR" },
		{ SG_TBL_SOCKOPT_NAME, 20, 1, "SO_RCVTIMEO" },
		{ SG_TBL_WHENCE, 2, 1, "SEEK_END" },
		{ SG_TBL_IO_URING_FLAGS, 3, 0, "IORING_SETUP_IOPOLL|IORING_SETUP_SQPOLL" },
		{ SG_TBL_SPLICE_FLAGS, 5, 0, "SPLICE_F_MOVE|SPLICE_F_MORE" },
		{ SG_TBL_STATX_MASK, 0xfff, 0, "STATX_BASIC_STATS|STATX_BTIME" },
		{ SG_TBL_STATX_MASK, 0x3, 0, "STATX_TYPE|STATX_MODE" },
		{ SG_TBL_CAPS, (1ULL << 21) | (1ULL << 12), 0, "CAP_NET_ADMIN|CAP_SYS_ADMIN" },
		{ SG_TBL_PERSONALITY, 0x40000, 0, "PER_LINUX|ADDR_NO_RANDOMIZE" },
		{ SG_TBL_PERSONALITY, 0x8, 0, "PER_LINUX32" },
		{ SG_TBL_RESOLVE_FLAGS, 0x4, 0, "RESOLVE_NO_SYMLINKS" },
		{ SG_TBL_RESOLVE_FLAGS, 0x18, 0, "RESOLVE_BENEATH|RESOLVE_IN_ROOT" },
		{ SG_TBL_NONE, 1, 0, "" },
		{ SG_TBL_MAX, 1, 0, "" },
		{ 9999, 1, 1, "" },
	};

	for (size_t i = 0; i < NELEM(rows); i++) {
		int n;
		const char *got = render(rows[i].t, rows[i].v, rows[i].is_enum, &n);
		int names = 0;

		/* the count is the names written: tokens that are not 0x... */
		for (const char *p = rows[i].want; *rows[i].want && p; p = strchr(p, '|')) {
			p += *p == '|';
			names += strncmp(p, "0x", 2) != 0;
		}
		T_STREQ(got, rows[i].want, "render table %u value 0x%llx", rows[i].t,
			(unsigned long long)rows[i].v);
		T_OK(n == names, "render table %u value 0x%llx: %d names (want %d)", rows[i].t,
		     (unsigned long long)rows[i].v, n, names);
	}
}

/* The kernel's open flags in Falco's encoding (libs' open_flags_to_scap). */
static void test_open_ppm(void)
{
	static const struct {
		uint64_t k;
		uint32_t ppm;
	} rows[] = {
		{ O_RDONLY, 1 },
		{ O_RDONLY | O_CLOEXEC, 4097 },
		{ O_WRONLY | O_CREAT | O_TRUNC, 262 },
		{ O_RDWR | O_CREAT, 7 },
		{ O_RDWR | O_APPEND | O_EXCL, 0x2b },
		{ O_RDONLY | O_NONBLOCK | O_DIRECTORY | O_CLOEXEC, 5185 },
		{ O_WRONLY | O_DSYNC, 0x12 },
		{ O_RDWR | O_SYNC, 0x93 },            /* O_SYNC includes O_DSYNC's bit */
		{ O_RDWR | O_TMPFILE, 0x2403 },       /* ... and O_TMPFILE O_DIRECTORY's */
		{ O_RDONLY | O_DIRECTORY, 0x401 },    /* a directory is no TMPFILE */
		{ O_DIRECT | O_WRONLY, 0x202 },
		{ O_RDONLY | O_PATH | O_NOFOLLOW | O_NOCTTY, 1 }, /* libs has no bits for these */
		{ 3, 1 },                             /* an invalid access mode reads as RDONLY */
	};
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++)
		T_OK(sg_open_flags_ppm(rows[i].k) == rows[i].ppm, "kernel open flags 0%llo -> %u (got %u)",
		     (unsigned long long)rows[i].k, rows[i].ppm, sg_open_flags_ppm(rows[i].k));
}

static void test_render_appends(void)
{
	struct sg_strbuf b;

	sg_sb_init(&b);
	sg_sb_puts(&b, "flags=");
	sg_flags_render(&b, SG_TBL_OPEN_FLAGS, 4097, 0);
	T_STREQ(sg_sb_cstr(&b), "flags=O_RDONLY|O_CLOEXEC", "render appends to the buffer");
	sg_sb_free(&b);
	T_OK(sg_flags_render(NULL, SG_TBL_OPEN_FLAGS, 0, 0) == 0, "NULL buffer");
}

static void test_value(void)
{
	static const struct {
		unsigned t;
		const char *name;
		int64_t want;
	} rows[] = {
		{ SG_TBL_OPEN_FLAGS, "O_CLOEXEC", 4096 },
		{ SG_TBL_OPEN_FLAGS, "O_CREAT", 4 },
		{ SG_TBL_OPEN_FLAGS, "O_RDONLY", 1 },
		{ SG_TBL_OPEN_FLAGS, "O_NDELAY", 64 },
		{ SG_TBL_OPEN_FLAGS, "o_creat", 4 },
		{ SG_TBL_OPEN_FLAGS, "O_NOPE", -1 },
		{ SG_TBL_OPEN_FLAGS, "", -1 },
		{ SG_TBL_SIGNALS, "SIGKILL", 9 },
		{ SG_TBL_SIGNALS, "SIGIOT", 6 },
		{ SG_TBL_SIGNALS, "SIGRTMAX", 64 },
		{ SG_TBL_SOCK_FAMILY, "AF_LOCAL", 1 },
		{ SG_TBL_SOCK_PROTO, "IPPROTO_IP", 0 },
		{ SG_TBL_SOCK_PROTO, "IPPROTO_UDP", 17 },
		{ SG_TBL_CLONE_FLAGS, "CLONE_NEWUSER", 0x10000000 },
		{ SG_TBL_CLONE_FLAGS, "SIGCHLD", 17 },
		{ SG_TBL_PIPE_FLAGS, "EFD_SEMAPHORE", 1 },
		{ SG_TBL_AT_FLAGS, "AT_EACCESS", 0x200 },
		{ SG_TBL_MMAP_FLAGS, "MAP_ANON", 0x20 },
		{ SG_TBL_CAPS, "CAP_SYS_ADMIN", 1LL << 21 },
		{ SG_TBL_SOCKOPT_NAME, "SO_RCVTIMEO_OLD", 20 },
		{ SG_TBL_MAX, "O_CREAT", -1 },
		{ SG_TBL_NONE, "O_CREAT", -1 },
	};

	for (size_t i = 0; i < NELEM(rows); i++)
		T_OK(sg_flags_value(rows[i].t, rows[i].name) == rows[i].want,
		     "value of '%s' in table %u is %lld", rows[i].name, rows[i].t,
		     (long long)rows[i].want);
	T_OK(sg_flags_value(SG_TBL_OPEN_FLAGS, NULL) == -1, "NULL name");
}

int main(void)
{
	test_tables();
	test_render();
	test_open_ppm();
	test_render_appends();
	test_value();
	return t_done();
}
