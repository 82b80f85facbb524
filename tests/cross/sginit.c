/*
 * sginit: init (PID 1) of the emulated systems `make test-arm64` and
 * `make test-s390x` boot, and their workload.  Static, no libraries beyond
 * libc, so the initramfs holds only it and sysgrep.
 *
 *   /init                  mount /proc, /sys, /tmp; bring up lo; run each
 *                          case of cases[]; power off
 *   /bin/sgwork OP         the workload: one OP every 50 ms until killed
 *     exec                 fork + execve /bin/sgwork noop
 *     open                 openat(AT_FDCWD, "/tmp/sg-arch-file", O_RDONLY)
 *     connect              TCP connect 127.0.0.1:<ephemeral> -> 127.0.0.1:7357
 *     noop                 exit 0
 *
 * Each case runs sysgrep with its arguments while the workload repeats its
 * call (no race with the probe attaching: sysgrep stops after its first
 * event, -n 1, or at its -t timeout), and prints to the console, for
 * tests/cross/boot.sh to check on the host:
 *
 *   SGOUT <case> <a line sysgrep printed on stdout>
 *   SGERR <case> <a line sysgrep printed on stderr>
 *   SGRC <case> <exit status>
 *   SGDONE
 */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <net/if.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/reboot.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define SG_PORT 7357
#define SG_FILE "/tmp/sg-arch-file"

struct sg_case {
	const char *name;
	const char *work; /* sgwork OP */
	const char *argv[12];
};

/* Each one selects exactly the workload's calls.  The formats name what
 * the host checks: the path, the tuple (its ports show a byte-order bug),
 * the flags as libs renders them. */
static const struct sg_case cases[] = {
	{ "exec", "exec",
	  { "-n", "1", "-t", "120s", "-o", "json", "-p",
	    "%evt.type %proc.name %proc.exepath %proc.pname %evt.res",
	    "evt.type=execve and proc.name=sgwork", NULL } },
	{ "open", "open",
	  { "-n", "1", "-t", "120s", "-o", "json", "-p",
	    "%evt.type %fd.name %evt.arg.flags %proc.name %evt.rawarg.dirfd",
	    "evt.type=openat and fd.name=" SG_FILE, NULL } },
	{ "connect", "connect",
	  { "-n", "1", "-t", "120s", "-o", "json", "-p",
	    "%evt.type %fd.name %fd.sip %fd.sport %fd.cport %fd.l4proto %evt.res",
	    "evt.type=connect and fd.sport=7357", NULL } },
	/* the default JSON record, whole: every key through the host's jq */
	{ "json", "open",
	  { "-n", "1", "-t", "120s", "-o", "json",
	    "evt.type=openat and fd.name=" SG_FILE, NULL } },
	/* the text output, sysdig's line */
	{ "text", "connect",
	  { "-n", "1", "-t", "120s", "evt.type=connect and fd.sport=7357", NULL } },
};

static void sleep_ms(int ms)
{
	struct timespec ts = { ms / 1000, (long)(ms % 1000) * 1000000L };

	nanosleep(&ts, NULL);
}

/* ---- workload --------------------------------------------------------- */

static int work_exec(void)
{
	pid_t p = fork();

	if (p == 0) {
		char *const argv[] = { "sgwork", "noop", NULL };
		char *const envp[] = { "PATH=/bin", NULL };

		execve("/bin/sgwork", argv, envp);
		_exit(127);
	}
	if (p > 0)
		waitpid(p, NULL, 0);
	return 0;
}

static int work_open(void)
{
	int fd = openat(AT_FDCWD, SG_FILE, O_RDONLY | O_CLOEXEC);

	if (fd >= 0)
		close(fd);
	return 0;
}

/* One listening socket for the whole loop; each round connects to it. */
static int work_connect(int *lfd)
{
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons(SG_PORT) };
	int fd, one = 1;

	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (*lfd < 0) {
		*lfd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
		setsockopt(*lfd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
		if (bind(*lfd, (struct sockaddr *)&a, sizeof(a)) || listen(*lfd, 64)) {
			perror("sgwork: listen");
			return 1;
		}
	}
	fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return 1;
	if (connect(fd, (struct sockaddr *)&a, sizeof(a)) == 0) {
		int c = accept4(*lfd, NULL, NULL, SOCK_CLOEXEC);

		if (c >= 0)
			close(c);
	}
	close(fd);
	return 0;
}

static int sgwork(const char *op)
{
	int lfd = -1;

	if (!strcmp(op, "noop"))
		return 0;
	for (;;) {
		int rc;

		if (!strcmp(op, "exec"))
			rc = work_exec();
		else if (!strcmp(op, "open"))
			rc = work_open();
		else if (!strcmp(op, "connect"))
			rc = work_connect(&lfd);
		else {
			fprintf(stderr, "sgwork: unknown OP %s\n", op);
			return 2;
		}
		if (rc)
			return rc;
		sleep_ms(50);
	}
}

/* ---- init ------------------------------------------------------------- */

static void setup(void)
{
	struct rlimit inf = { RLIM_INFINITY, RLIM_INFINITY };
	struct ifreq ifr;
	int s, fd;

	mkdir("/proc", 0555);
	mkdir("/sys", 0555);
	mkdir("/tmp", 01777);
	mkdir("/dev", 0755);
	mount("proc", "/proc", "proc", 0, NULL);
	mount("sysfs", "/sys", "sysfs", 0, NULL);
	mount("tmpfs", "/tmp", "tmpfs", 0, NULL);
	mount("devtmpfs", "/dev", "devtmpfs", 0, NULL);
	setrlimit(RLIMIT_MEMLOCK, &inf);
	fd = open(SG_FILE, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (fd >= 0) {
		if (write(fd, "sysgrep\n", 8) != 8)
			perror("sginit: write");
		close(fd);
	}
	/* lo is down in a fresh network namespace: connect needs it up */
	s = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	memset(&ifr, 0, sizeof(ifr));
	strncpy(ifr.ifr_name, "lo", IFNAMSIZ - 1);
	if (s < 0 || ioctl(s, SIOCGIFFLAGS, &ifr) < 0)
		perror("sginit: lo");
	ifr.ifr_flags |= IFF_UP | IFF_RUNNING;
	if (s >= 0 && ioctl(s, SIOCSIFFLAGS, &ifr) < 0)
		perror("sginit: lo up");
	if (s >= 0)
		close(s);
}

/* Copy what fd carries to the console, a tag before each line. */
static void relay(int fd, const char *tag, const char *name)
{
	FILE *in = fdopen(fd, "r");
	char line[8192];

	if (!in)
		return;
	while (fgets(line, sizeof(line), in)) {
		size_t n = strlen(line);

		if (n && line[n - 1] == '\n')
			line[--n] = '\0';
		printf("%s %s %s\n", tag, name, line);
		fflush(stdout);
	}
	fclose(in);
}

static pid_t spawn(char *const argv[], int out, int err)
{
	pid_t p = fork();

	if (p != 0)
		return p;
	if (out >= 0)
		dup2(out, 1);
	if (err >= 0)
		dup2(err, 2);
	execv(argv[0], argv);
	perror(argv[0]);
	_exit(127);
}

static void run_case(const struct sg_case *c)
{
	char *argv[16] = { "/bin/sysgrep" };
	char *wargv[] = { "/bin/sgwork", (char *)c->work, NULL };
	int out[2], err[2], st = 0;
	pid_t w, s;
	size_t i;

	for (i = 0; c->argv[i] && i + 2 < sizeof(argv) / sizeof(argv[0]); i++)
		argv[i + 1] = (char *)c->argv[i];
	argv[i + 1] = NULL;
	/* close-on-exec: the workload must not hold the write ends open */
	if (pipe2(out, O_CLOEXEC) || pipe2(err, O_CLOEXEC)) {
		perror("sginit: pipe");
		return;
	}
	w = spawn(wargv, -1, -1);
	s = spawn(argv, out[1], err[1]);
	close(out[1]);
	close(err[1]);
	/* stderr is short (errors, warnings): read stdout first, then it */
	relay(out[0], "SGOUT", c->name);
	relay(err[0], "SGERR", c->name);
	waitpid(s, &st, 0);
	kill(w, SIGKILL);
	waitpid(w, NULL, 0);
	printf("SGRC %s %d\n", c->name, WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st));
	fflush(stdout);
}

/* sgdebug=1 on the kernel command line: sysgrep -v once, and the lines
 * of its stderr that name a program, then the last ones (the verifier's
 * verdict), instead of the cases. */
static void debug_load(void)
{
	char *argv[] = { "/bin/sysgrep", "-v", "-t", "5s", "evt.type=getppid", NULL };
	static char ring[64][512];
	char line[512];
	unsigned n = 0;
	int err[2], st;
	FILE *in;
	pid_t s;

	if (pipe2(err, O_CLOEXEC))
		return;
	s = spawn(argv, -1, err[1]);
	close(err[1]);
	in = fdopen(err[0], "r");
	while (in && fgets(line, sizeof(line), in)) {
		if (strstr(line, "libbpf: prog") || strstr(line, "processed "))
			printf("SGDBG %s", line);
		snprintf(ring[n++ % 64], sizeof(ring[0]), "%s", line);
	}
	for (unsigned i = n > 64 ? n - 64 : 0; i < n; i++)
		printf("SGDBG tail %s", ring[i % 64]);
	waitpid(s, &st, 0);
	printf("SGRC debug %d\n", WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st));
}

static int init(void)
{
	setup();
	if (getenv("sgdebug")) {
		debug_load();
		printf("SGDONE\n");
		fflush(stdout);
		sync();
		reboot(RB_POWER_OFF);
		return 0;
	}
	printf("SGBOOT\n");
	fflush(stdout);
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		run_case(&cases[i]);
	printf("SGDONE\n");
	fflush(stdout);
	sync();
	reboot(RB_POWER_OFF);
	return 0;
}

int main(int argc, char **argv)
{
	const char *me = strrchr(argv[0], '/');

	me = me ? me + 1 : argv[0];
	if (!strcmp(me, "sgwork"))
		return sgwork(argc > 1 ? argv[1] : "noop");
	if (getpid() != 1) {
		fprintf(stderr, "sginit: not PID 1: run as /bin/sgwork OP for the workload\n");
		return 2;
	}
	init();
	/* only if the power-off failed: PID 1 must not exit */
	for (;;)
		pause();
}
