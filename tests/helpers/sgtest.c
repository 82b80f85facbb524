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
 */
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
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

/* creds: setuid(getuid()), kill(getpid(), 0), ptrace(PTRACE_ATTACH, 1) (fails) */
static int op_creds(char **a)
{
	(void)a;
	if (setuid(getuid()))
		perror("setuid");
	kill(getpid(), 0);
	ptrace(PTRACE_ATTACH, 1, NULL, NULL);
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

struct op {
	const char *name;
	int nargs;
	int (*fn)(char **a);
};

static const struct op ops[] = {
	{"open", 1, op_open},	      {"write", 2, op_write},	  {"connect", 1, op_connect},
	{"serve", 1, op_serve},	      {"exec", 1, op_exec},	  {"files", 1, op_files},
	{"creds", 0, op_creds},	      {"getppid", 0, op_getppid}, {"forks", 1, op_forks},
	{"enoent", 1, op_enoent},
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
