/*
 * sgfields: known process, capability and socket states for fields.bats.
 * Each OP sets its state up once, then repeats one marker call every 20 ms
 * until killed, so the test can pick one event (whenever the probe
 * attached) and assert the fields sysgrep shows for it.
 *
 *   sgfields caps          capset: effective CAP_KILL, permitted CAP_KILL
 *                          CAP_NET_RAW, inheritable CAP_NET_RAW; then getppid
 *   sgfields pgrp          setpgid(0, 0), then fork: parent and child getppid
 *                          (the child is in the parent's group, not its leader)
 *   sgfields session       fork a child that calls setsid and forks a
 *                          grandchild; both getppid
 *   sgfields memfd PROG    fork children that fexecve() a memfd copy of PROG
 *   sgfields udp P1 P2     sendto() 127.0.0.1:P1 and :P2 in turn from one
 *                          unconnected socket, send() from a socket connected
 *                          to P1 (receivers bound on both)
 *   sgfields nameraw DIR   chdir(DIR), openat("./sub/..//f") and close
 *   sgfields sleep MS      sleep MS once, then getppid
 *   sgfields spawn PROG ARG...  run PROG ARG... in a child every 20 ms (an
 *                          exec the probe sees, whenever it attached)
 *   sgfields exit          exit at once
 */
#include <arpa/inet.h>
#include <fcntl.h>
#include <linux/capability.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
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

/* Children end with their parent: the test kills only the helper. */
static void prctl_parent_death(void)
{
	prctl(PR_SET_PDEATHSIG, SIGKILL);
}

static void tick_forever(void)
{
	for (;;) {
		syscall(SYS_getppid);
		sleep_ms(20);
	}
}

static int op_caps(char **a)
{
	(void)a;
	struct __user_cap_header_struct h = {_LINUX_CAPABILITY_VERSION_3, 0};
	struct __user_cap_data_struct d[2];
	memset(d, 0, sizeof(d));
	d[0].effective = 1u << CAP_KILL;
	d[0].permitted = (1u << CAP_KILL) | (1u << CAP_NET_RAW);
	d[0].inheritable = 1u << CAP_NET_RAW;
	if (syscall(SYS_capset, &h, d)) {
		perror("capset");
		return 1;
	}
	tick_forever();
	return 0;
}

static int op_pgrp(char **a)
{
	(void)a;
	if (setpgid(0, 0)) {
		perror("setpgid");
		return 1;
	}
	pid_t c = fork();
	if (c < 0)
		return 1;
	if (c == 0)
		prctl_parent_death();
	tick_forever();
	return 0;
}

static int op_session(char **a)
{
	(void)a;
	pid_t c = fork();
	if (c < 0)
		return 1;
	if (c > 0) {
		tick_forever();
		return 0;
	}
	prctl_parent_death();
	if (setsid() < 0) {
		perror("setsid");
		return 1;
	}
	pid_t g = fork();
	if (g == 0)
		prctl_parent_death();
	tick_forever();
	return 0;
}

static int copy_to_memfd(const char *prog)
{
	int in = open(prog, O_RDONLY | O_CLOEXEC);
	int m = (int)syscall(SYS_memfd_create, "sgmem", 0);
	char buf[65536];
	ssize_t n;

	if (in < 0 || m < 0)
		return -1;
	while ((n = read(in, buf, sizeof(buf))) > 0)
		if (write(m, buf, (size_t)n) != n)
			return -1;
	close(in);
	return m;
}

static int op_memfd(char **a)
{
	int m = copy_to_memfd(a[0]);
	if (m < 0) {
		perror("memfd");
		return 1;
	}
	for (;;) {
		pid_t c = fork();
		if (c == 0) {
			char *argv[] = {"sgmem", NULL};
			char *envp[] = {NULL};
			syscall(SYS_execveat, m, "", argv, envp, AT_EMPTY_PATH);
			_exit(127);
		}
		if (c > 0)
			waitpid(c, NULL, 0);
		sleep_ms(20);
	}
	return 0;
}

static struct sockaddr_in loopback(int port)
{
	struct sockaddr_in s;
	memset(&s, 0, sizeof(s));
	s.sin_family = AF_INET;
	s.sin_port = htons((unsigned short)port);
	s.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	return s;
}

static int op_udp(char **a)
{
	struct sockaddr_in p1 = loopback(atoi(a[0])), p2 = loopback(atoi(a[1]));
	int r1 = socket(AF_INET, SOCK_DGRAM, 0), r2 = socket(AF_INET, SOCK_DGRAM, 0);
	int un = socket(AF_INET, SOCK_DGRAM, 0), co = socket(AF_INET, SOCK_DGRAM, 0);
	char buf[16];

	if (bind(r1, (struct sockaddr *)&p1, sizeof(p1)) ||
	    bind(r2, (struct sockaddr *)&p2, sizeof(p2)) ||
	    connect(co, (struct sockaddr *)&p1, sizeof(p1))) {
		perror("udp setup");
		return 1;
	}
	for (;;) {
		sendto(un, "a", 1, 0, (struct sockaddr *)&p1, sizeof(p1));
		sendto(un, "b", 1, 0, (struct sockaddr *)&p2, sizeof(p2));
		send(co, "c", 1, 0);
		/* drain the receivers so their buffers never fill */
		while (recv(r1, buf, sizeof(buf), MSG_DONTWAIT) > 0)
			;
		while (recv(r2, buf, sizeof(buf), MSG_DONTWAIT) > 0)
			;
		sleep_ms(20);
	}
	return 0;
}

static int op_nameraw(char **a)
{
	if (chdir(a[0])) {
		perror("chdir");
		return 1;
	}
	for (;;) {
		int fd = openat(AT_FDCWD, "./sub/..//f", O_RDONLY | O_CLOEXEC);
		if (fd >= 0)
			close(fd);
		sleep_ms(20);
	}
	return 0;
}

static int op_sleep(char **a)
{
	sleep_ms(atoi(a[0]));
	tick_forever();
	return 0;
}

static int op_spawn(char **a)
{
	for (;;) {
		pid_t c = fork();
		if (c == 0) {
			prctl_parent_death();
			execv(a[0], a);
			_exit(127);
		}
		if (c > 0)
			waitpid(c, NULL, 0);
		sleep_ms(20);
	}
	return 0;
}

static int op_exit(char **a)
{
	(void)a;
	return 0;
}

static const struct {
	const char *name;
	int nargs;
	int (*fn)(char **a);
} ops[] = {
	{"caps", 0, op_caps},	      {"pgrp", 0, op_pgrp},	{"session", 0, op_session},
	{"memfd", 1, op_memfd},	      {"udp", 2, op_udp},	{"nameraw", 1, op_nameraw},
	{"sleep", 1, op_sleep},	      {"spawn", 1, op_spawn},	{"exit", 0, op_exit},
};

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: sgfields OP [ARG...]\n");
		return 2;
	}
	for (size_t i = 0; i < sizeof(ops) / sizeof(ops[0]); i++) {
		if (strcmp(ops[i].name, argv[1]))
			continue;
		if (argc - 2 < ops[i].nargs) {
			fprintf(stderr, "sgfields: %s needs %d argument(s)\n", argv[1], ops[i].nargs);
			return 2;
		}
		return ops[i].fn(argv + 2);
	}
	fprintf(stderr, "sgfields: unknown op '%s'\n", argv[1]);
	return 2;
}
