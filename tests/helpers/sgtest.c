/*
 * sgtest: performs known system calls for the bats tests, so they can assert
 * the exact events sysgrep prints.  The tests copy it to a uniquely named
 * file, so `proc.name=<that name>` selects only its events.
 *
 *   sgtest [-l] [-d MS] OP [ARG...]
 *     -l      repeat OP until killed (the test stops it once sysgrep exits:
 *             no race with the probe attaching)
 *     -d MS   pause between repetitions (default 20 ms)
 *
 * OPs print nothing on success; they exit 0 even when the syscall fails on
 * purpose (connect to a closed port), so the test asserts the event, not us.
 *
 *   sgtest [-l] [-d MS] sys SYSCALL DIR [ARG]
 *     one scenario per syscall of the typed set (see sys_ops[]): each
 *     repetition makes exactly one call of that type with the arguments its
 *     comment gives, in the scratch directory DIR; ARG is a TCP/UDP port or
 *     a program path.  Every fd it opens is closed again, so the fds are
 *     the same on every repetition: the first free one is 3.
 */
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <linux/bpf.h>
#include <linux/capability.h>
#include <linux/io_uring.h>
#include <linux/openat2.h>
#include <linux/seccomp.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/inotify.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/ptrace.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/timerfd.h>
#include <sys/uio.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static void sleep_ms(int ms)
{
	struct timespec ts = {ms / 1000, (long)(ms % 1000) * 1000000L};
	nanosleep(&ts, NULL);
}

static int port_arg(const char *s)
{
	return atoi(s);
}

static struct sockaddr_in loopback(int port)
{
	struct sockaddr_in a;
	memset(&a, 0, sizeof(a));
	a.sin_family = AF_INET;
	a.sin_port = htons((unsigned short)port);
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	return a;
}

/* open PATH: openat(AT_FDCWD, PATH, O_RDONLY|O_CLOEXEC), read 16 bytes, close */
static int op_open(char **a)
{
	int fd = openat(AT_FDCWD, a[0], O_RDONLY | O_CLOEXEC);
	if (fd >= 0) {
		char buf[16];
		if (read(fd, buf, sizeof(buf)) < 0)
			perror("read");
		close(fd);
	}
	return 0;
}

/* write PATH DATA: openat O_WRONLY|O_CREAT|O_TRUNC 0640, write DATA, close */
static int op_write(char **a)
{
	int fd = openat(AT_FDCWD, a[0], O_WRONLY | O_CREAT | O_TRUNC, 0640);
	if (fd < 0)
		return 0;
	if (write(fd, a[1], strlen(a[1])) < 0)
		perror("write");
	close(fd);
	return 0;
}

/* connect PORT: TCP connect to 127.0.0.1:PORT (closed: ECONNREFUSED) */
static int op_connect(char **a)
{
	int s = socket(AF_INET, SOCK_STREAM, 0);
	struct sockaddr_in addr = loopback(port_arg(a[0]));
	connect(s, (struct sockaddr *)&addr, sizeof(addr));
	close(s);
	return 0;
}

/* serve PORT: listen on 127.0.0.1:PORT, connect to it, accept4, send "ping" */
static int op_serve(char **a)
{
	int ls = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	int one = 1;
	setsockopt(ls, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	struct sockaddr_in addr = loopback(port_arg(a[0]));
	if (bind(ls, (struct sockaddr *)&addr, sizeof(addr)) || listen(ls, 4)) {
		perror("bind/listen");
		close(ls);
		return 1;
	}
	int c = socket(AF_INET, SOCK_STREAM, 0);
	connect(c, (struct sockaddr *)&addr, sizeof(addr));
	int s = accept4(ls, NULL, NULL, SOCK_CLOEXEC);
	if (s >= 0) {
		if (write(s, "ping", 4) < 0)
			perror("write");
		char buf[8];
		if (read(c, buf, sizeof(buf)) < 0)
			perror("read");
		close(s);
	}
	close(c);
	close(ls);
	return 0;
}

/* exec PATH [ARG...]: fork, child execs PATH with the args; wait */
static int op_exec(char **a)
{
	pid_t p = fork();
	if (p == 0) {
		execv(a[0], a);
		_exit(127);
	}
	if (p > 0)
		waitpid(p, NULL, 0);
	return 0;
}

/* files DIR: mkdirat DIR/d, renameat2 DIR/d -> DIR/e, unlinkat DIR/e (AT_REMOVEDIR) */
static int op_files(char **a)
{
	char d[4096], e[4096];
	snprintf(d, sizeof(d), "%s/d", a[0]);
	snprintf(e, sizeof(e), "%s/e", a[0]);
	mkdirat(AT_FDCWD, d, 0750);
	syscall(SYS_renameat2, AT_FDCWD, d, AT_FDCWD, e, 0);
	unlinkat(AT_FDCWD, e, AT_REMOVEDIR);
	return 0;
}

/* creds: setuid(getuid()), kill(getpid(), 0), ptrace(PTRACE_ATTACH) of a pid that
 * cannot exist (ESRCH): never a real process, even as root */
static int op_creds(char **a)
{
	(void)a;
	if (setuid(getuid()))
		perror("setuid");
	kill(getpid(), 0);
	ptrace(PTRACE_ATTACH, (pid_t)0x7ffffffe, NULL, NULL);
	return 0;
}

/* getppid N: N getppid calls (bench / counting) */
static int op_getppid(char **a)
{
	long n = a[0] ? atol(a[0]) : 1;
	for (long i = 0; i < n; i++)
		syscall(SYS_getppid);
	return 0;
}

/* forks N: N fork+exit (state memory bound) */
static int op_forks(char **a)
{
	long n = atol(a[0]);
	for (long i = 0; i < n; i++) {
		pid_t p = fork();
		if (p == 0)
			_exit(0);
		if (p > 0)
			waitpid(p, NULL, 0);
	}
	return 0;
}

/* openat-fail PATH: openat of a missing file (ENOENT) */
static int op_enoent(char **a)
{
	int fd = openat(AT_FDCWD, a[0], O_RDONLY);
	if (fd >= 0)
		close(fd);
	return 0;
}

/* ---- sys SYSCALL DIR [ARG]: one scenario per syscall --------------------- */

struct sysctx {
	const char *dir;
	const char *arg;	/* port or program path; "" when not given */
};

/* DIR/NAME in one of a few rotating buffers, so a call can name two paths */
static const char *at(const struct sysctx *c, const char *name)
{
	static char bufs[4][4096];
	static unsigned next;
	char *b = bufs[next++ % 4];
	snprintf(b, sizeof(bufs[0]), "%s/%s", c->dir, name);
	return b;
}

/* DIR/NAME holding DATA; made with creat+pwrite64+close (creat: no test of
 * openat or write sees it; the creat and pwrite64 tests name their files) */
static void mkfile(const struct sysctx *c, const char *name, const char *data)
{
	int fd = (int)syscall(SYS_creat, at(c, name), 0644);
	if (fd < 0)
		return;
	if (pwrite(fd, data, strlen(data), 0) < 0)
		perror("pwrite");
	close(fd);
}

/* DIR as an O_PATH directory fd: the dirfd of the *at scenarios */
static int dirfd_of(const struct sysctx *c)
{
	return openat(AT_FDCWD, c->dir, O_RDONLY | O_DIRECTORY);
}

/* Runs fn in a child (for calls that change the caller) and reaps it. */
static void in_child(const struct sysctx *c, void (*fn)(const struct sysctx *c))
{
	pid_t p = fork();
	if (p == 0) {
		fn(c);
		_exit(0);
	}
	if (p > 0)
		waitpid(p, NULL, 0);
}

static void reap(pid_t p)
{
	if (p > 0)
		waitpid(p, NULL, 0);
}

/* -- processes -- */

/* execve ARG with argv {ARG, "one", "two"} and env {"SGTEST=1"}, in a child */
static void c_execve(const struct sysctx *c)
{
	char *argv[] = {(char *)c->arg, "one", "two", NULL};
	char *envp[] = {"SGTEST=1", NULL};
	syscall(SYS_execve, c->arg, argv, envp);
}
static void sc_execve(const struct sysctx *c) { in_child(c, c_execve); }

/* execve DIR/missing: ENOENT, the filename is captured */
static void c_execve_fail(const struct sysctx *c)
{
	char *argv[] = {"missing", NULL};
	char *envp[] = {NULL};
	syscall(SYS_execve, at(c, "missing"), argv, envp);
}
static void sc_execve_fail(const struct sysctx *c) { in_child(c, c_execve_fail); }

/* execveat(AT_FDCWD, ARG, {ARG, "at"}, env, 0), in a child */
static void c_execveat(const struct sysctx *c)
{
	char *argv[] = {(char *)c->arg, "at", NULL};
	char *envp[] = {"SGTEST=1", NULL};
	syscall(SYS_execveat, AT_FDCWD, c->arg, argv, envp, 0);
}
static void sc_execveat(const struct sysctx *c) { in_child(c, c_execveat); }

/* execveat(3 = DIR, "missing", ..., AT_SYMLINK_NOFOLLOW): ENOENT */
static void c_execveat_fail(const struct sysctx *c)
{
	char *argv[] = {"missing", NULL};
	char *envp[] = {NULL};
	int d = dirfd_of(c);
	syscall(SYS_execveat, d, "missing", argv, envp, AT_SYMLINK_NOFOLLOW);
	close(d);
}
static void sc_execveat_fail(const struct sysctx *c) { in_child(c, c_execveat_fail); }

/* clone(SIGCHLD, 0, 0, 0, 0): fork semantics, the child exits at once */
static void sc_clone(const struct sysctx *c)
{
	long p = syscall(SYS_clone, (unsigned long)SIGCHLD, 0L, 0L, 0L, 0L);
	if (p == 0)
		_exit(0);
	reap((pid_t)p);
}

/* clone3 {flags = CLONE_FILES, exit_signal = SIGCHLD}, size 64 */
static void sc_clone3(const struct sysctx *c)
{
	uint64_t args[8] = {0};
	args[0] = 0x400;	/* CLONE_FILES */
	args[4] = SIGCHLD;	/* exit_signal */
	long p = syscall(SYS_clone3, args, sizeof(args));
	if (p == 0)
		_exit(0);
	reap((pid_t)p);
}

/* fork() as the fork syscall itself (glibc's fork uses clone) */
static void sc_fork(const struct sysctx *c)
{
	long p = syscall(SYS_fork);
	if (p == 0)
		_exit(0);
	reap((pid_t)p);
}

/* vfork: glibc's vfork is the vfork syscall; the child _exits at once */
static void sc_vfork(const struct sysctx *c)
{
	pid_t p = vfork();
	if (p == 0)
		_exit(0);
	reap(p);
}

/* exit_group(7) in a child: never returns, seen as its procexit */
static void c_exit_group(const struct sysctx *c) { syscall(SYS_exit_group, 7); }
static void sc_exit_group(const struct sysctx *c) { in_child(c, c_exit_group); }

/* the credential changes run in a child, which drops to nobody (65534) */
static void c_setuid(const struct sysctx *c) { syscall(SYS_setuid, 65534); }
static void sc_setuid(const struct sysctx *c) { in_child(c, c_setuid); }
static void c_setgid(const struct sysctx *c) { syscall(SYS_setgid, 65534); }
static void sc_setgid(const struct sysctx *c) { in_child(c, c_setgid); }
/* setresuid(-1, 65534, -1) */
static void c_setresuid(const struct sysctx *c) { syscall(SYS_setresuid, -1, 65534, -1); }
static void sc_setresuid(const struct sysctx *c) { in_child(c, c_setresuid); }
/* setresgid(65534, -1, -1) */
static void c_setresgid(const struct sysctx *c) { syscall(SYS_setresgid, 65534, -1, -1); }
static void sc_setresgid(const struct sysctx *c) { in_child(c, c_setresgid); }
/* setreuid(-1, 65534) */
static void c_setreuid(const struct sysctx *c) { syscall(SYS_setreuid, -1, 65534); }
static void sc_setreuid(const struct sysctx *c) { in_child(c, c_setreuid); }
/* setregid(65534, 65534) */
static void c_setregid(const struct sysctx *c) { syscall(SYS_setregid, 65534, 65534); }
static void sc_setregid(const struct sysctx *c) { in_child(c, c_setregid); }

/* capset(v3, pid 0): effective = permitted = CAP_KILL|CAP_NET_RAW (bits 5
 * and 13), inheritable 0, upper words 0; in a child (it drops the rest) */
static void c_capset(const struct sysctx *c)
{
	struct __user_cap_header_struct h = {_LINUX_CAPABILITY_VERSION_3, 0};
	struct __user_cap_data_struct d[2];
	memset(d, 0, sizeof(d));
	d[0].effective = d[0].permitted = (1u << 5) | (1u << 13);
	syscall(SYS_capset, &h, d);
}
static void sc_capset(const struct sysctx *c) { in_child(c, c_capset); }

/* prctl(PR_SET_NAME, "<comm>_p") in a child: the event carries the new name */
static void c_prctl(const struct sysctx *c)
{
	char comm[32] = "", name[16];
	if (prctl(PR_GET_NAME, comm, 0, 0, 0))
		return;
	/* 13 bytes of the old name + "_p" fit the 15 of a comm */
	snprintf(name, sizeof(name), "%.13s_p", comm);
	syscall(SYS_prctl, PR_SET_NAME, name, 0L, 0L, 0L);
}
static void sc_prctl(const struct sysctx *c) { in_child(c, c_prctl); }

/* ptrace(PTRACE_ATTACH, child) on our own paused child, then detach */
static void sc_ptrace(const struct sysctx *c)
{
	pid_t p = fork();
	if (p == 0) {
		pause();
		_exit(0);
	}
	if (p < 0)
		return;
	if (syscall(SYS_ptrace, PTRACE_ATTACH, p, 0L, 0L) == 0) {
		waitpid(p, NULL, __WALL);
		ptrace(PTRACE_DETACH, p, NULL, NULL);
	}
	kill(p, SIGKILL);
	reap(p);
}

/* SIGURG to ourselves: ignored by default, so harmless */
static void sc_kill(const struct sysctx *c) { syscall(SYS_kill, getpid(), SIGURG); }
static void sc_tkill(const struct sysctx *c) { syscall(SYS_tkill, gettid(), SIGURG); }
static void sc_tgkill(const struct sysctx *c)
{
	syscall(SYS_tgkill, getpid(), gettid(), SIGURG);
}

/* setns(3 = /proc/self/ns/uts, CLONE_NEWUTS): re-entering our own ns */
static void sc_setns(const struct sysctx *c)
{
	int fd = open("/proc/self/ns/uts", O_RDONLY | O_CLOEXEC);
	syscall(SYS_setns, fd, CLONE_NEWUTS);
	close(fd);
}

/* unshare(0): no-op, succeeds */
static void sc_unshare(const struct sysctx *c) { syscall(SYS_unshare, 0); }

/* setpgid(0, 0) in a child: it becomes a group leader */
static void c_setpgid(const struct sysctx *c) { syscall(SYS_setpgid, 0, 0); }
static void sc_setpgid(const struct sysctx *c) { in_child(c, c_setpgid); }

/* setsid() in a child: returns the child's pid */
static void c_setsid(const struct sysctx *c) { syscall(SYS_setsid); }
static void sc_setsid(const struct sysctx *c) { in_child(c, c_setsid); }

/* seccomp(SECCOMP_GET_ACTION_AVAIL, 0, &SECCOMP_RET_KILL_PROCESS): 0 */
static void sc_seccomp(const struct sysctx *c)
{
	uint32_t action = SECCOMP_RET_KILL_PROCESS;
	syscall(SYS_seccomp, SECCOMP_GET_ACTION_AVAIL, 0, &action);
}

/* bpf(BPF_MAP_CREATE, {array, key 4, value 8, 1 entry}, 72) -> fd 3 */
static void sc_bpf(const struct sysctx *c)
{
	union bpf_attr a;
	memset(&a, 0, sizeof(a));
	a.map_type = BPF_MAP_TYPE_ARRAY;
	a.key_size = 4;
	a.value_size = 8;
	a.max_entries = 1;
	long fd = syscall(SYS_bpf, BPF_MAP_CREATE, &a, 72);
	if (fd >= 0)
		close((int)fd);
}

/* init_module("sgtest-not-elf", 14, "sg=1"): not an ELF image -> ENOEXEC */
static void sc_init_module(const struct sysctx *c)
{
	static const char img[] = "sgtest-not-elf";
	syscall(SYS_init_module, img, sizeof(img) - 1, "sg=1");
}

/* finit_module(3 = DIR/mod, "sg=1", 0) on a small text file */
static void sc_finit_module(const struct sysctx *c)
{
	mkfile(c, "mod", "sgtest-not-elf");
	int fd = open(at(c, "mod"), O_RDONLY | O_CLOEXEC);
	syscall(SYS_finit_module, fd, "sg=1", 0);
	close(fd);
}

/* delete_module("sg_no_such_mod", O_NONBLOCK): ENOENT */
static void sc_delete_module(const struct sysctx *c)
{
	syscall(SYS_delete_module, "sg_no_such_mod", O_NONBLOCK);
}

/* memfd_create("sgmem", MFD_CLOEXEC|MFD_ALLOW_SEALING) -> 3 */
static void sc_memfd_create(const struct sysctx *c)
{
	long fd = syscall(SYS_memfd_create, "sgmem", 3);
	if (fd >= 0)
		close((int)fd);
}

/* personality(0xffffffff): a query, returns the current persona (0) */
static void sc_personality(const struct sysctx *c)
{
	syscall(SYS_personality, 0xffffffffUL);
}

/* chroot(DIR) in a child */
static void c_chroot(const struct sysctx *c) { syscall(SYS_chroot, c->dir); }
static void sc_chroot(const struct sysctx *c) { in_child(c, c_chroot); }

/* pivot_root(DIR, DIR/old): DIR is no mount point -> EINVAL */
static void sc_pivot_root(const struct sysctx *c)
{
	mkdir(at(c, "old"), 0755);
	syscall(SYS_pivot_root, c->dir, at(c, "old"));
}

/* mount("sgdev", DIR, "sgfs_none", MS_RDONLY|MS_NOSUID, NULL): ENODEV */
static void sc_mount(const struct sysctx *c)
{
	syscall(SYS_mount, "sgdev", c->dir, "sgfs_none", MS_RDONLY | MS_NOSUID, NULL);
}

/* umount2(DIR, MNT_DETACH): not a mount point -> EINVAL */
static void sc_umount2(const struct sysctx *c) { syscall(SYS_umount2, c->dir, MNT_DETACH); }

/* userfaultfd(O_CLOEXEC|O_NONBLOCK) -> 3 */
static void sc_userfaultfd(const struct sysctx *c)
{
	long fd = syscall(SYS_userfaultfd, O_CLOEXEC | O_NONBLOCK);
	if (fd >= 0)
		close((int)fd);
}

/* io_uring_setup(4) -> 3, io_uring_enter(3, 0, 0, 0), io_uring_register(3,
 * IORING_UNREGISTER_BUFFERS, NULL, 0) -> ENXIO (none registered) */
static void sc_io_uring(const struct sysctx *c)
{
	struct io_uring_params p;
	memset(&p, 0, sizeof(p));
	long fd = syscall(SYS_io_uring_setup, 4, &p);
	if (fd < 0)
		return;
	syscall(SYS_io_uring_enter, fd, 0, 0, 0, NULL, 0);
	syscall(SYS_io_uring_register, fd, IORING_UNREGISTER_BUFFERS, NULL, 0);
	close((int)fd);
}

/* -- files -- */

/* open(DIR/o, O_WRONLY|O_CREAT|O_TRUNC, 0640) -> 3 */
static void sc_open(const struct sysctx *c)
{
	long fd = syscall(SYS_open, at(c, "o"), O_WRONLY | O_CREAT | O_TRUNC, 0640);
	if (fd >= 0)
		close((int)fd);
}

/* openat(3 = DIR, "a", O_RDWR|O_CREAT|O_APPEND, 0600) -> 4: relative to a dirfd */
static void sc_openat(const struct sysctx *c)
{
	int d = dirfd_of(c);
	int fd = openat(d, "a", O_RDWR | O_CREAT | O_APPEND, 0600);
	if (fd >= 0)
		close(fd);
	close(d);
}

/* openat2(AT_FDCWD, DIR/a, {O_RDONLY|O_CLOEXEC, 0, RESOLVE_NO_SYMLINKS}) -> 3 */
static void sc_openat2(const struct sysctx *c)
{
	struct open_how how = {.flags = O_RDONLY | O_CLOEXEC, .mode = 0,
			       .resolve = RESOLVE_NO_SYMLINKS};
	mkfile(c, "a", "x");
	long fd = syscall(SYS_openat2, AT_FDCWD, at(c, "a"), &how, sizeof(how));
	if (fd >= 0)
		close((int)fd);
}

/* creat(DIR/c, 0600) -> 3 */
static void sc_creat(const struct sysctx *c)
{
	long fd = syscall(SYS_creat, at(c, "c"), 0600);
	if (fd >= 0)
		close((int)fd);
}

/* open_by_handle_at(3 = DIR, bogus handle, O_RDONLY): a handle that names
 * no inode -> ESTALE */
static void sc_open_by_handle_at(const struct sysctx *c)
{
	struct {
		unsigned int bytes;
		int type;
		unsigned char h[8];
	} fh = {8, 1, {0xff, 0xff, 0xff, 0x7f, 0, 0, 0, 0}};
	int d = dirfd_of(c);
	long fd = syscall(SYS_open_by_handle_at, d, &fh, O_RDONLY);
	if (fd >= 0)
		close((int)fd);
	close(d);
}

/* close(3 = DIR/cl) */
static void sc_close(const struct sysctx *c)
{
	int fd = (int)syscall(SYS_creat, at(c, "cl"), 0600);
	syscall(SYS_close, fd);
}

/* the data every read test reads */
#define SG_RDATA "hello sysgrep"

/* read(3 = DIR/r, buf, 64) -> 13 "hello sysgrep" */
static void sc_read(const struct sysctx *c)
{
	char buf[64];
	mkfile(c, "r", SG_RDATA);
	int fd = open(at(c, "r"), O_RDONLY | O_CLOEXEC);
	if (syscall(SYS_read, fd, buf, sizeof(buf)) < 0)
		perror("read");
	close(fd);
}

/* write(3 = DIR/w, "hello", 5) -> 5 */
static void sc_write(const struct sysctx *c)
{
	int fd = (int)syscall(SYS_creat, at(c, "w"), 0600);
	if (syscall(SYS_write, fd, "hello", 5) < 0)
		perror("write");
	close(fd);
}

/* pread64(3 = DIR/r, buf, 64, 6) -> 7 "sysgrep" */
static void sc_pread64(const struct sysctx *c)
{
	char buf[64];
	mkfile(c, "r", SG_RDATA);
	int fd = open(at(c, "r"), O_RDONLY | O_CLOEXEC);
	if (syscall(SYS_pread64, fd, buf, sizeof(buf), 6) < 0)
		perror("pread64");
	close(fd);
}

/* pwrite64(3 = DIR/pw, "abc", 3, 10) -> 3 */
static void sc_pwrite64(const struct sysctx *c)
{
	int fd = open(at(c, "pw"), O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
	if (syscall(SYS_pwrite64, fd, "abc", 3, 10) < 0)
		perror("pwrite64");
	close(fd);
}

/* readv(3 = DIR/r, {4, 60}, 2) -> 13 "hello sysgrep" */
static void sc_readv(const struct sysctx *c)
{
	char a[4], b[60];
	struct iovec iov[2] = {{a, sizeof(a)}, {b, sizeof(b)}};
	mkfile(c, "r", SG_RDATA);
	int fd = open(at(c, "r"), O_RDONLY | O_CLOEXEC);
	if (syscall(SYS_readv, fd, iov, 2) < 0)
		perror("readv");
	close(fd);
}

/* writev(3 = DIR/wv, {"ab", "cd"}, 2) -> 4 "abcd" */
static void sc_writev(const struct sysctx *c)
{
	struct iovec iov[2] = {{"ab", 2}, {"cd", 2}};
	int fd = open(at(c, "wv"), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (syscall(SYS_writev, fd, iov, 2) < 0)
		perror("writev");
	close(fd);
}

/* preadv(3 = DIR/r, {3, 61}, 2, 6) -> 7 "sysgrep" */
static void sc_preadv(const struct sysctx *c)
{
	char a[3], b[61];
	struct iovec iov[2] = {{a, sizeof(a)}, {b, sizeof(b)}};
	mkfile(c, "r", SG_RDATA);
	int fd = open(at(c, "r"), O_RDONLY | O_CLOEXEC);
	if (syscall(SYS_preadv, fd, iov, 2, 6L, 0L) < 0)
		perror("preadv");
	close(fd);
}

/* pwritev(3 = DIR/pwv, {"xy", "z"}, 2, 4) -> 3 "xyz" */
static void sc_pwritev(const struct sysctx *c)
{
	struct iovec iov[2] = {{"xy", 2}, {"z", 1}};
	int fd = open(at(c, "pwv"), O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
	if (syscall(SYS_pwritev, fd, iov, 2, 4L, 0L) < 0)
		perror("pwritev");
	close(fd);
}

/* sendfile(4 = DIR/sf, 3 = DIR/r, NULL, 64) -> 13 */
static void sc_sendfile(const struct sysctx *c)
{
	mkfile(c, "r", SG_RDATA);
	int in = open(at(c, "r"), O_RDONLY | O_CLOEXEC);
	int out = open(at(c, "sf"), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	syscall(SYS_sendfile, out, in, NULL, 64);
	close(out);
	close(in);
}

/* pipe2 -> 3, 4; write "hello" to 4; splice(3, NULL, 5 = DIR/sp, NULL, 64,
 * SPLICE_F_MOVE) -> 5 */
static void sc_splice(const struct sysctx *c)
{
	int p[2];
	if (pipe2(p, O_CLOEXEC))
		return;
	int out = open(at(c, "sp"), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (write(p[1], "hello", 5) != 5)
		perror("write");
	syscall(SYS_splice, p[0], NULL, out, NULL, 64, SPLICE_F_MOVE);
	close(out);
	close(p[0]);
	close(p[1]);
}

/* dup(3 = DIR/a) -> 4 */
static void sc_dup(const struct sysctx *c)
{
	mkfile(c, "a", "x");
	int fd = open(at(c, "a"), O_RDONLY | O_CLOEXEC);
	long n = syscall(SYS_dup, fd);
	if (n >= 0)
		close((int)n);
	close(fd);
}

/* dup2(3 = DIR/a, 10) -> 10, then write(10, "d2", 2): the copy's name */
static void sc_dup2(const struct sysctx *c)
{
	int fd = open(at(c, "a"), O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
	if (syscall(SYS_dup2, fd, 10) == 10) {
		if (write(10, "d2", 2) < 0)
			perror("write");
		close(10);
	}
	close(fd);
}

/* dup3(3 = DIR/a, 11, O_CLOEXEC) -> 11 */
static void sc_dup3(const struct sysctx *c)
{
	mkfile(c, "a", "x");
	int fd = open(at(c, "a"), O_RDONLY | O_CLOEXEC);
	if (syscall(SYS_dup3, fd, 11, O_CLOEXEC) == 11)
		close(11);
	close(fd);
}

/* fcntl(3 = DIR/a, F_DUPFD_CLOEXEC, 20) -> 20 */
static void sc_fcntl(const struct sysctx *c)
{
	mkfile(c, "a", "x");
	int fd = open(at(c, "a"), O_RDONLY | O_CLOEXEC);
	long n = syscall(SYS_fcntl, fd, F_DUPFD_CLOEXEC, 20);
	if (n >= 0)
		close((int)n);
	close(fd);
}

/* pipe -> 3, 4 */
static void sc_pipe(const struct sysctx *c)
{
	int p[2];
	if (syscall(SYS_pipe, p))
		return;
	close(p[0]);
	close(p[1]);
}

/* pipe2(O_CLOEXEC|O_NONBLOCK) -> 3, 4 */
static void sc_pipe2(const struct sysctx *c)
{
	int p[2];
	if (syscall(SYS_pipe2, p, O_CLOEXEC | O_NONBLOCK))
		return;
	close(p[0]);
	close(p[1]);
}

static void close_res(long fd)
{
	if (fd >= 0)
		close((int)fd);
}

/* eventfd2(5, EFD_CLOEXEC) -> 3 */
static void sc_eventfd2(const struct sysctx *c) { close_res(syscall(SYS_eventfd2, 5, EFD_CLOEXEC)); }

/* signalfd4(-1, {SIGUSR1}, 8, SFD_CLOEXEC|SFD_NONBLOCK) -> 3 */
static void sc_signalfd4(const struct sysctx *c)
{
	uint64_t mask = 1ull << (SIGUSR1 - 1);
	close_res(syscall(SYS_signalfd4, -1, &mask, sizeof(mask), SFD_CLOEXEC | SFD_NONBLOCK));
}

/* inotify_init1(IN_CLOEXEC) -> 3 */
static void sc_inotify_init1(const struct sysctx *c) { close_res(syscall(SYS_inotify_init1, IN_CLOEXEC)); }

/* timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK) -> 3 */
static void sc_timerfd_create(const struct sysctx *c)
{
	close_res(syscall(SYS_timerfd_create, CLOCK_MONOTONIC, TFD_NONBLOCK));
}

/* epoll_create1(EPOLL_CLOEXEC) -> 3 */
static void sc_epoll_create1(const struct sysctx *c) { close_res(syscall(SYS_epoll_create1, EPOLL_CLOEXEC)); }

/* chdir(DIR) */
static void sc_chdir(const struct sysctx *c) { syscall(SYS_chdir, c->dir); }

/* fchdir(3 = DIR) */
static void sc_fchdir(const struct sysctx *c)
{
	int d = dirfd_of(c);
	syscall(SYS_fchdir, d);
	close(d);
}

/* mkdir(DIR/m, 0750), then rmdir(DIR/m) */
static void sc_mkdir(const struct sysctx *c)
{
	syscall(SYS_mkdir, at(c, "m"), 0750);
	syscall(SYS_rmdir, at(c, "m"));
}

/* mkdirat(3 = DIR, "m2", 0700), then unlinkat(3, "m2", AT_REMOVEDIR) */
static void sc_mkdirat(const struct sysctx *c)
{
	int d = dirfd_of(c);
	syscall(SYS_mkdirat, d, "m2", 0700);
	syscall(SYS_unlinkat, d, "m2", AT_REMOVEDIR);
	close(d);
}

/* unlink(DIR/u), after creating it */
static void sc_unlink(const struct sysctx *c)
{
	mkfile(c, "u", "x");
	syscall(SYS_unlink, at(c, "u"));
}

/* unlinkat(3 = DIR, "u2", 0), after creating it */
static void sc_unlinkat(const struct sysctx *c)
{
	mkfile(c, "u2", "x");
	int d = dirfd_of(c);
	syscall(SYS_unlinkat, d, "u2", 0);
	close(d);
}

/* rename(DIR/a, DIR/b) */
static void sc_rename(const struct sysctx *c)
{
	mkfile(c, "a", "x");
	syscall(SYS_rename, at(c, "a"), at(c, "b"));
}

/* renameat(3 = DIR, "a", 3, "b") */
static void sc_renameat(const struct sysctx *c)
{
	mkfile(c, "a", "x");
	int d = dirfd_of(c);
	syscall(SYS_renameat, d, "a", d, "b");
	close(d);
}

/* renameat2(AT_FDCWD, DIR/a, AT_FDCWD, DIR/b, RENAME_NOREPLACE): DIR/b
 * exists, so -> EEXIST */
static void sc_renameat2(const struct sysctx *c)
{
	mkfile(c, "a", "x");
	mkfile(c, "b", "y");
	syscall(SYS_renameat2, AT_FDCWD, at(c, "a"), AT_FDCWD, at(c, "b"), RENAME_NOREPLACE);
}

/* link(DIR/a, DIR/l), then unlink(DIR/l) */
static void sc_link(const struct sysctx *c)
{
	mkfile(c, "a", "x");
	syscall(SYS_link, at(c, "a"), at(c, "l"));
	unlink(at(c, "l"));
}

/* linkat(AT_FDCWD, DIR/a, 3 = DIR, "l2", AT_SYMLINK_FOLLOW), then unlink */
static void sc_linkat(const struct sysctx *c)
{
	mkfile(c, "a", "x");
	int d = dirfd_of(c);
	syscall(SYS_linkat, AT_FDCWD, at(c, "a"), d, "l2", AT_SYMLINK_FOLLOW);
	close(d);
	unlink(at(c, "l2"));
}

/* symlink("../sg-target", DIR/s), then unlink */
static void sc_symlink(const struct sysctx *c)
{
	syscall(SYS_symlink, "../sg-target", at(c, "s"));
	unlink(at(c, "s"));
}

/* symlinkat("sg-target2", 3 = DIR, "s2"), then unlink */
static void sc_symlinkat(const struct sysctx *c)
{
	int d = dirfd_of(c);
	syscall(SYS_symlinkat, "sg-target2", d, "s2");
	close(d);
	unlink(at(c, "s2"));
}

/* chmod(DIR/a, 0604) */
static void sc_chmod(const struct sysctx *c)
{
	mkfile(c, "a", "x");
	syscall(SYS_chmod, at(c, "a"), 0604);
}

/* fchmod(3 = DIR/a, 0640) */
static void sc_fchmod(const struct sysctx *c)
{
	mkfile(c, "a", "x");
	int fd = open(at(c, "a"), O_RDONLY | O_CLOEXEC);
	syscall(SYS_fchmod, fd, 0640);
	close(fd);
}

/* fchmodat(3 = DIR, "a", 0600) */
static void sc_fchmodat(const struct sysctx *c)
{
	mkfile(c, "a", "x");
	int d = dirfd_of(c);
	syscall(SYS_fchmodat, d, "a", 0600);
	close(d);
}

/* chown(DIR/a, 65534, 65534) */
static void sc_chown(const struct sysctx *c)
{
	mkfile(c, "a", "x");
	syscall(SYS_chown, at(c, "a"), 65534, 65534);
}

/* lchown(DIR/s -> "sg-nowhere", 1, 2): the link itself */
static void sc_lchown(const struct sysctx *c)
{
	if (symlink("sg-nowhere", at(c, "s")) && errno != EEXIST)
		return;
	syscall(SYS_lchown, at(c, "s"), 1, 2);
}

/* fchown(3 = DIR/a, -1, 65534) */
static void sc_fchown(const struct sysctx *c)
{
	mkfile(c, "a", "x");
	int fd = open(at(c, "a"), O_RDONLY | O_CLOEXEC);
	syscall(SYS_fchown, fd, -1, 65534);
	close(fd);
}

/* fchownat(3 = DIR, "a", 3, 4, AT_SYMLINK_NOFOLLOW) */
static void sc_fchownat(const struct sysctx *c)
{
	mkfile(c, "a", "x");
	int d = dirfd_of(c);
	syscall(SYS_fchownat, d, "a", 3, 4, AT_SYMLINK_NOFOLLOW);
	close(d);
}

/* truncate(DIR/a, 100) */
static void sc_truncate(const struct sysctx *c)
{
	mkfile(c, "a", "x");
	syscall(SYS_truncate, at(c, "a"), 100);
}

/* ftruncate(3 = DIR/a, 50) */
static void sc_ftruncate(const struct sysctx *c)
{
	mkfile(c, "a", "x");
	int fd = open(at(c, "a"), O_RDWR | O_CLOEXEC);
	syscall(SYS_ftruncate, fd, 50);
	close(fd);
}

/* mmap(NULL, 12288, PROT_READ, MAP_PRIVATE, 3 = DIR/a, 4096) */
static void sc_mmap(const struct sysctx *c)
{
	mkfile(c, "a", "x");
	int fd = open(at(c, "a"), O_RDONLY | O_CLOEXEC);
	void *p = (void *)syscall(SYS_mmap, NULL, 12288, PROT_READ, MAP_PRIVATE, fd, 4096);
	if (p != MAP_FAILED)
		munmap(p, 12288);
	close(fd);
}

/* an anonymous 5-page map, then mprotect(its second page, 8192, PROT_READ|PROT_WRITE) */
static void sc_mprotect(const struct sysctx *c)
{
	char *p = mmap(NULL, 5 * 4096, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED)
		return;
	syscall(SYS_mprotect, p + 4096, 8192, PROT_READ | PROT_WRITE);
	munmap(p, 5 * 4096);
}

/* access(DIR/a, R_OK|W_OK) */
static void sc_access(const struct sysctx *c)
{
	mkfile(c, "a", "x");
	syscall(SYS_access, at(c, "a"), R_OK | W_OK);
}

/* faccessat(3 = DIR, "a", X_OK) on a 0644 file: even root -> EACCES */
static void sc_faccessat(const struct sysctx *c)
{
	mkfile(c, "a", "x");
	chmod(at(c, "a"), 0644);
	int d = dirfd_of(c);
	syscall(SYS_faccessat, d, "a", X_OK);
	close(d);
}

/* faccessat2(AT_FDCWD, DIR/missing, F_OK, AT_EACCESS) -> ENOENT */
static void sc_faccessat2(const struct sysctx *c)
{
	syscall(SYS_faccessat2, AT_FDCWD, at(c, "missing"), F_OK, AT_EACCESS);
}

/* newfstatat(3 = DIR, "a", &st, AT_SYMLINK_NOFOLLOW) */
static void sc_newfstatat(const struct sysctx *c)
{
	struct stat st;
	mkfile(c, "a", "x");
	int d = dirfd_of(c);
	syscall(SYS_newfstatat, d, "a", &st, AT_SYMLINK_NOFOLLOW);
	close(d);
}

/* statx(AT_FDCWD, DIR/a, AT_SYMLINK_NOFOLLOW, STATX_MODE|STATX_SIZE, &stx) */
static void sc_statx(const struct sysctx *c)
{
	struct statx stx;
	mkfile(c, "a", "x");
	syscall(SYS_statx, AT_FDCWD, at(c, "a"), AT_SYMLINK_NOFOLLOW,
		STATX_MODE | STATX_SIZE, &stx);
}

/* stat(DIR/a) */
static void sc_stat(const struct sysctx *c)
{
	struct stat st;
	mkfile(c, "a", "x");
	syscall(SYS_stat, at(c, "a"), &st);
}

/* lstat(DIR/missing) -> ENOENT */
static void sc_lstat(const struct sysctx *c)
{
	struct stat st;
	syscall(SYS_lstat, at(c, "missing"), &st);
}

/* fstat(3 = DIR/a) */
static void sc_fstat(const struct sysctx *c)
{
	struct stat st;
	mkfile(c, "a", "x");
	int fd = open(at(c, "a"), O_RDONLY | O_CLOEXEC);
	syscall(SYS_fstat, fd, &st);
	close(fd);
}

/* getdents64(3 = DIR, buf, 4096): DIR holds "a" at least -> > 0 bytes */
static void sc_getdents64(const struct sysctx *c)
{
	char buf[4096];
	mkfile(c, "a", "x");
	int d = dirfd_of(c);
	syscall(SYS_getdents64, d, buf, sizeof(buf));
	close(d);
}

/* fsopen("tmpfs") -> 3, fsconfig(3, FSCONFIG_SET_STRING, "sgkey", "sgval", 0):
 * tmpfs has no such option -> EINVAL */
static void sc_fsconfig(const struct sysctx *c)
{
	long fd = syscall(SYS_fsopen, "tmpfs", 1 /* FSOPEN_CLOEXEC */);
	if (fd < 0)
		return;
	syscall(SYS_fsconfig, fd, 1 /* FSCONFIG_SET_STRING */, "sgkey", "sgval", 0);
	close((int)fd);
}

/* -- network: 127.0.0.1:PORT -- */

/* socket(AF_INET, SOCK_STREAM|SOCK_CLOEXEC, IPPROTO_TCP) -> 3 */
static void sc_socket(const struct sysctx *c)
{
	close_res(syscall(SYS_socket, AF_INET, SOCK_STREAM | SOCK_CLOEXEC, IPPROTO_TCP));
}

/* socketpair(AF_UNIX, SOCK_STREAM, 0) -> 3, 4 */
static void sc_socketpair(const struct sysctx *c)
{
	int sv[2];
	if (syscall(SYS_socketpair, AF_UNIX, SOCK_STREAM, 0, sv))
		return;
	close(sv[0]);
	close(sv[1]);
}

/*
 * tcp: one TCP session on 127.0.0.1:PORT, every call once:
 *   socket -> 3 (listener), setsockopt(3, SOL_SOCKET, SO_REUSEADDR, 1),
 *   bind(3, PORT), listen(3, 8), getsockopt(3, SOL_SOCKET, SO_TYPE);
 *   socket -> 4, connect(4) ; accept(3, &addr) -> 5 ;
 *   socket -> 6, connect(6) ; accept4(3, NULL, SOCK_CLOEXEC) -> 7 ;
 *   client 6 -> server 7: sendto "ping" (4), sendmsg "hello" (5),
 *     sendmmsg {"m1", "m2"} -> 2, write "w-data" (6);
 *   server 7 takes each back exactly: recvfrom 4, recvmsg 5,
 *     recvmmsg 2 (of 2 bytes each), read 6;
 *   the reply, server 7 -> client 6: sendto "pong" (4), recvfrom 4;
 *   shutdown(6, SHUT_WR); close everything.
 */
struct tcp {
	int ls, c1, s1, c2, s2;
};

static void tcp_open(struct tcp *t, int port)
{
	struct sockaddr_in a = loopback(port);
	int one = 1;
	struct sockaddr_in peer;
	socklen_t plen = sizeof(peer);

	t->ls = socket(AF_INET, SOCK_STREAM, 0);
	syscall(SYS_setsockopt, t->ls, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	if (bind(t->ls, (struct sockaddr *)&a, sizeof(a)) || listen(t->ls, 8))
		perror("bind/listen");
	int type = 0;
	socklen_t tl = sizeof(type);
	syscall(SYS_getsockopt, t->ls, SOL_SOCKET, SO_TYPE, &type, &tl);
	t->c1 = socket(AF_INET, SOCK_STREAM, 0);
	connect(t->c1, (struct sockaddr *)&a, sizeof(a));
	t->s1 = (int)syscall(SYS_accept, t->ls, &peer, &plen);
	t->c2 = socket(AF_INET, SOCK_STREAM, 0);
	connect(t->c2, (struct sockaddr *)&a, sizeof(a));
	t->s2 = accept4(t->ls, NULL, NULL, SOCK_CLOEXEC);
}

static void tcp_close(struct tcp *t)
{
	int *fds[] = {&t->s2, &t->c2, &t->s1, &t->c1, &t->ls};
	for (size_t i = 0; i < sizeof(fds) / sizeof(fds[0]); i++)
		if (*fds[i] >= 0)
			close(*fds[i]);
}

/* the client's sends on c2, in order */
static void tcp_send(struct tcp *t)
{
	struct iovec iov = {"hello", 5};
	struct msghdr mh = {.msg_iov = &iov, .msg_iovlen = 1};
	struct iovec m1 = {"m1", 2}, m2 = {"m2", 2};
	struct mmsghdr mm[2];

	memset(mm, 0, sizeof(mm));
	mm[0].msg_hdr.msg_iov = &m1;
	mm[0].msg_hdr.msg_iovlen = 1;
	mm[1].msg_hdr.msg_iov = &m2;
	mm[1].msg_hdr.msg_iovlen = 1;
	syscall(SYS_sendto, t->c2, "ping", 4, MSG_NOSIGNAL, NULL, 0);
	syscall(SYS_sendmsg, t->c2, &mh, MSG_NOSIGNAL);
	syscall(SYS_sendmmsg, t->c2, mm, 2, MSG_NOSIGNAL);
	if (syscall(SYS_write, t->c2, "w-data", 6) < 0)
		perror("write");
}

/* n bytes have arrived on fd (loopback delivers at once, but wait);
 * FIONREAD, not a peeking recv: that would be a recvfrom event */
static void await_bytes(int fd, int n)
{
	for (int i = 0; i < 200; i++) {
		int avail = 0;
		if (ioctl(fd, FIONREAD, &avail) == 0 && avail >= n)
			return;
		sleep_ms(1);
	}
}

/* the server's receives on s2, each taking exactly what one send sent */
static void tcp_recv(struct tcp *t)
{
	char buf[64], b1[2], b2[2];
	struct sockaddr_in from;
	socklen_t flen = sizeof(from);
	struct iovec iov = {buf, 5};
	struct msghdr mh = {.msg_iov = &iov, .msg_iovlen = 1};
	struct iovec v1 = {b1, 2}, v2 = {b2, 2};
	struct mmsghdr mm[2];

	await_bytes(t->s2, 4 + 5 + 4 + 6);
	syscall(SYS_recvfrom, t->s2, buf, 4, 0, &from, &flen);
	syscall(SYS_recvmsg, t->s2, &mh, 0);
	memset(mm, 0, sizeof(mm));
	mm[0].msg_hdr.msg_iov = &v1;
	mm[0].msg_hdr.msg_iovlen = 1;
	mm[1].msg_hdr.msg_iov = &v2;
	mm[1].msg_hdr.msg_iovlen = 1;
	syscall(SYS_recvmmsg, t->s2, mm, 2, MSG_WAITFORONE, NULL);
	if (syscall(SYS_read, t->s2, buf, 6) < 0)
		perror("read");
}

/* data the other way: the server's sendto and the client's recvfrom show
 * the tuple server->client, the direction the data went */
static void tcp_reply(struct tcp *t)
{
	char buf[4];

	syscall(SYS_sendto, t->s2, "pong", 4, MSG_NOSIGNAL, NULL, 0);
	await_bytes(t->c2, 4);
	syscall(SYS_recvfrom, t->c2, buf, 4, 0, NULL, NULL);
}

static void sc_tcp(const struct sysctx *c)
{
	struct tcp t;
	tcp_open(&t, port_arg(c->arg));
	if (t.s2 >= 0 && t.c2 >= 0) {
		tcp_send(&t);
		tcp_recv(&t);
		tcp_reply(&t);
		syscall(SYS_shutdown, t.c2, SHUT_WR);
	}
	tcp_close(&t);
}

/* udp: 3 bound to 127.0.0.1:PORT; 4 sendto(3's address) "dgram";
 * recvfrom(3, buf, 64, 0, &from) -> 5 */
static void sc_udp(const struct sysctx *c)
{
	struct sockaddr_in a = loopback(port_arg(c->arg)), from;
	socklen_t flen = sizeof(from);
	char buf[64];
	int s = socket(AF_INET, SOCK_DGRAM, 0);
	int cl = socket(AF_INET, SOCK_DGRAM, 0);
	if (bind(s, (struct sockaddr *)&a, sizeof(a)) == 0) {
		syscall(SYS_sendto, cl, "dgram", 5, 0, &a, sizeof(a));
		syscall(SYS_recvfrom, s, buf, sizeof(buf), 0, &from, &flen);
	}
	close(cl);
	close(s);
}

/* udpmsg: as udp, with sendmsg(4, msg_name = 3's address) "dgram" and
 * recvmsg(3, msg_name = &from) -> 5 */
static void sc_udpmsg(const struct sysctx *c)
{
	struct sockaddr_in a = loopback(port_arg(c->arg)), from;
	char buf[64];
	struct iovec out = {"dgram", 5}, in = {buf, sizeof(buf)};
	struct msghdr ms = {.msg_name = &a, .msg_namelen = sizeof(a), .msg_iov = &out,
			    .msg_iovlen = 1};
	struct msghdr mr = {.msg_name = &from, .msg_namelen = sizeof(from), .msg_iov = &in,
			    .msg_iovlen = 1};
	int s = socket(AF_INET, SOCK_DGRAM, 0);
	int cl = socket(AF_INET, SOCK_DGRAM, 0);
	if (bind(s, (struct sockaddr *)&a, sizeof(a)) == 0) {
		syscall(SYS_sendmsg, cl, &ms, 0);
		syscall(SYS_recvmsg, s, &mr, 0);
	}
	close(cl);
	close(s);
}

/* one stream session: listener 3 bound to addr, client 4 connect, server
 * 5 accept, client write "c2s" (3), server read 3, server write "s2c" (3),
 * client read 3 */
static void stream_session(int family, const struct sockaddr *addr, socklen_t alen)
{
	char buf[8];
	int ls = socket(family, SOCK_STREAM, 0), cl = -1, sv = -1;
	int one = 1;
	setsockopt(ls, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	if (ls < 0 || bind(ls, addr, alen) || listen(ls, 4)) {
		perror("bind/listen");
		goto out;
	}
	cl = socket(family, SOCK_STREAM, 0);
	if (connect(cl, addr, alen)) {
		perror("connect");
		goto out;
	}
	sv = accept(ls, NULL, NULL);
	if (sv < 0)
		goto out;
	if (syscall(SYS_write, cl, "c2s", 3) != 3 || syscall(SYS_read, sv, buf, 3) != 3 ||
	    syscall(SYS_write, sv, "s2c", 3) != 3 || syscall(SYS_read, cl, buf, 3) != 3)
		perror("stream io");
out:
	if (sv >= 0)
		close(sv);
	if (cl >= 0)
		close(cl);
	if (ls >= 0)
		close(ls);
}

/* tcp6: stream_session on [::1]:PORT */
static void sc_tcp6(const struct sysctx *c)
{
	struct sockaddr_in6 a;
	memset(&a, 0, sizeof(a));
	a.sin6_family = AF_INET6;
	a.sin6_port = htons((unsigned short)port_arg(c->arg));
	a.sin6_addr = in6addr_loopback;
	stream_session(AF_INET6, (struct sockaddr *)&a, sizeof(a));
}

/* unix: stream_session on the path DIR/sock (removed before and after) */
static void sc_unix(const struct sysctx *c)
{
	struct sockaddr_un a;
	memset(&a, 0, sizeof(a));
	a.sun_family = AF_UNIX;
	snprintf(a.sun_path, sizeof(a.sun_path), "%s", at(c, "sock"));
	unlink(a.sun_path);
	stream_session(AF_UNIX, (struct sockaddr *)&a, sizeof(a));
	unlink(a.sun_path);
}

/* chdirrel: chdir(DIR), chdir("sub"), chdir(".."), chdir("sub/../sub") (DIR/sub made) */
static void sc_chdirrel(const struct sysctx *c)
{
	mkdir(at(c, "sub"), 0755);
	syscall(SYS_chdir, c->dir);
	syscall(SYS_chdir, "sub");
	syscall(SYS_chdir, "..");
	syscall(SYS_chdir, "sub/../sub");
}

/* fstat-empty: 3 = DIR/a; newfstatat(3, "", &st, AT_EMPTY_PATH) (glibc's
 * fstat), statx(3, "", AT_EMPTY_PATH, STATX_SIZE, &stx) */
static void sc_fstat_empty(const struct sysctx *c)
{
	struct stat st;
	struct statx stx;
	mkfile(c, "a", "x");
	int fd = open(at(c, "a"), O_RDONLY | O_CLOEXEC);
	syscall(SYS_newfstatat, fd, "", &st, AT_EMPTY_PATH);
	syscall(SYS_statx, fd, "", AT_EMPTY_PATH, STATX_SIZE, &stx);
	close(fd);
}

/* thread: the main thread chdir(DIR) and opens DIR/a -> 3, then a second
 * thread writes "th" to 3 and stats "a" relative to the shared cwd */
static void *thread_body(void *arg)
{
	struct stat st;
	int fd = *(int *)arg;
	if (syscall(SYS_write, fd, "th", 2) < 0)
		perror("write");
	syscall(SYS_newfstatat, AT_FDCWD, "a", &st, 0);
	return NULL;
}

static void sc_thread(const struct sysctx *c)
{
	pthread_t th;
	if (chdir(c->dir))
		return;
	int fd = open("a", O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (fd >= 0 && pthread_create(&th, NULL, thread_body, &fd) == 0)
		pthread_join(th, NULL);
	if (fd >= 0)
		close(fd);
}

struct sysop {
	const char *name;
	void (*fn)(const struct sysctx *c);
};

static const struct sysop sys_ops[] = {
	{"execve", sc_execve}, {"execve-fail", sc_execve_fail},
	{"execveat", sc_execveat}, {"execveat-fail", sc_execveat_fail},
	{"clone", sc_clone}, {"clone3", sc_clone3}, {"fork", sc_fork}, {"vfork", sc_vfork},
	{"exit_group", sc_exit_group}, {"setuid", sc_setuid}, {"setgid", sc_setgid},
	{"setresuid", sc_setresuid}, {"setresgid", sc_setresgid},
	{"setreuid", sc_setreuid}, {"setregid", sc_setregid}, {"capset", sc_capset},
	{"prctl", sc_prctl}, {"ptrace", sc_ptrace}, {"kill", sc_kill},
	{"tkill", sc_tkill}, {"tgkill", sc_tgkill}, {"setns", sc_setns},
	{"unshare", sc_unshare}, {"setpgid", sc_setpgid}, {"setsid", sc_setsid},
	{"seccomp", sc_seccomp}, {"bpf", sc_bpf}, {"init_module", sc_init_module},
	{"finit_module", sc_finit_module}, {"delete_module", sc_delete_module},
	{"memfd_create", sc_memfd_create}, {"personality", sc_personality},
	{"chroot", sc_chroot}, {"pivot_root", sc_pivot_root}, {"mount", sc_mount},
	{"umount2", sc_umount2}, {"userfaultfd", sc_userfaultfd},
	{"io_uring", sc_io_uring},
	{"open", sc_open}, {"openat", sc_openat}, {"openat2", sc_openat2},
	{"creat", sc_creat}, {"open_by_handle_at", sc_open_by_handle_at},
	{"close", sc_close}, {"read", sc_read}, {"write", sc_write},
	{"pread64", sc_pread64}, {"pwrite64", sc_pwrite64}, {"readv", sc_readv},
	{"writev", sc_writev}, {"preadv", sc_preadv}, {"pwritev", sc_pwritev},
	{"sendfile", sc_sendfile}, {"splice", sc_splice}, {"dup", sc_dup},
	{"dup2", sc_dup2}, {"dup3", sc_dup3}, {"fcntl", sc_fcntl}, {"pipe", sc_pipe},
	{"pipe2", sc_pipe2}, {"eventfd2", sc_eventfd2}, {"signalfd4", sc_signalfd4},
	{"inotify_init1", sc_inotify_init1}, {"timerfd_create", sc_timerfd_create},
	{"epoll_create1", sc_epoll_create1}, {"chdir", sc_chdir}, {"fchdir", sc_fchdir},
	{"mkdir", sc_mkdir}, {"mkdirat", sc_mkdirat}, {"unlink", sc_unlink},
	{"unlinkat", sc_unlinkat}, {"rename", sc_rename}, {"renameat", sc_renameat},
	{"renameat2", sc_renameat2}, {"link", sc_link}, {"linkat", sc_linkat},
	{"symlink", sc_symlink}, {"symlinkat", sc_symlinkat}, {"chmod", sc_chmod},
	{"fchmod", sc_fchmod}, {"fchmodat", sc_fchmodat}, {"chown", sc_chown},
	{"lchown", sc_lchown}, {"fchown", sc_fchown}, {"fchownat", sc_fchownat},
	{"truncate", sc_truncate}, {"ftruncate", sc_ftruncate}, {"mmap", sc_mmap},
	{"mprotect", sc_mprotect}, {"access", sc_access}, {"faccessat", sc_faccessat},
	{"faccessat2", sc_faccessat2}, {"newfstatat", sc_newfstatat},
	{"statx", sc_statx}, {"stat", sc_stat}, {"lstat", sc_lstat}, {"fstat", sc_fstat},
	{"getdents64", sc_getdents64}, {"fsconfig", sc_fsconfig},
	{"socket", sc_socket}, {"socketpair", sc_socketpair}, {"tcp", sc_tcp},
	{"udp", sc_udp}, {"udpmsg", sc_udpmsg}, {"tcp6", sc_tcp6}, {"unix", sc_unix},
	{"chdirrel", sc_chdirrel}, {"fstat-empty", sc_fstat_empty}, {"thread", sc_thread},
};

/* sys SYSCALL DIR [ARG]: the scenario's function, or NULL */
static const struct sysop *sys_find(const char *name)
{
	for (size_t i = 0; i < sizeof(sys_ops) / sizeof(sys_ops[0]); i++)
		if (strcmp(sys_ops[i].name, name) == 0)
			return &sys_ops[i];
	return NULL;
}

static int op_sys(char **a)
{
	const struct sysop *op = sys_find(a[0]);
	struct sysctx c = {a[1], a[2] ? a[2] : ""};
	static int fresh;
	if (!op) {
		fprintf(stderr, "sgtest: unknown sys scenario '%s'\n", a[0]);
		exit(2);
	}
	/* the fd numbers the tests expect start at 3: drop what we inherited
	 * (bats keeps its own fds 3 and 4 open in every child) */
	if (!fresh) {
		syscall(SYS_close_range, 3, ~0U, 0);
		fresh = 1;
	}
	op->fn(&c);
	return 0;
}

/* ---- state scenarios ---------------------------------------------------- */

/* hold FILE: open FILE for appending once, then write "tick\n" to it on every
 * repetition (started before sysgrep: its fd comes from /proc) */
static int op_hold(char **a)
{
	static int fd = -1;
	if (fd < 0)
		fd = open(a[0], O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
	if (write(fd, "tick\n", 5) < 0)
		perror("write");
	return 0;
}

/* relopen DIR NAME: chdir(DIR), then openat(AT_FDCWD, NAME, O_RDONLY) */
static int op_relopen(char **a)
{
	if (chdir(a[0]))
		return 0;
	int fd = openat(AT_FDCWD, a[1], O_RDONLY | O_CLOEXEC);
	if (fd >= 0)
		close(fd);
	return 0;
}

/* opens N FILE: N times open(FILE, O_RDONLY) + close, as fast as it can;
 * prints how many opens succeeded (the workload's own count) */
static int op_opens(char **a)
{
	long n = atol(a[0]), ok = 0;
	for (long i = 0; i < n; i++) {
		int fd = open(a[1], O_RDONLY | O_CLOEXEC);
		if (fd >= 0) {
			ok++;
			close(fd);
		}
	}
	printf("%ld\n", ok);
	return 0;
}

struct op {
	const char *name;
	int nargs;
	int (*fn)(char **a);
};

static const struct op ops[] = {
	{"open", 1, op_open},	      {"write", 2, op_write},	  {"connect", 1, op_connect},
	{"serve", 1, op_serve},	      {"exec", 1, op_exec},	  {"files", 1, op_files},
	{"creds", 0, op_creds},	      {"getppid", 0, op_getppid}, {"forks", 1, op_forks},
	{"enoent", 1, op_enoent},     {"sys", 2, op_sys},	  {"hold", 1, op_hold},
	{"relopen", 2, op_relopen},   {"opens", 2, op_opens},
};

int main(int argc, char **argv)
{
	int loop = 0, delay = 20, c;
	while ((c = getopt(argc, argv, "+ld:")) != -1) {
		if (c == 'l')
			loop = 1;
		else if (c == 'd')
			delay = atoi(optarg);
		else
			return 2;
	}
	if (optind >= argc) {
		fprintf(stderr, "usage: sgtest [-l] [-d MS] OP [ARG...]\n");
		return 2;
	}
	const char *name = argv[optind];
	char **args = argv + optind + 1;
	int nargs = argc - optind - 1;
	for (size_t i = 0; i < sizeof(ops) / sizeof(ops[0]); i++) {
		if (strcmp(ops[i].name, name))
			continue;
		if (nargs < ops[i].nargs) {
			fprintf(stderr, "sgtest: %s needs %d argument(s)\n", name, ops[i].nargs);
			return 2;
		}
		do {
			ops[i].fn(args);
			if (loop)
				sleep_ms(delay);
		} while (loop);
		return 0;
	}
	fprintf(stderr, "sgtest: unknown op '%s'\n", name);
	return 2;
}
