/*
 * sgrely: workloads for the reliability tests (races on user memory, storms,
 * hostile names).  Like sgtest, the tests copy it to a uniquely named file so
 * that `proc.name=<that name>` selects only its events.  Every op prints its
 * own count of what it did, so the tests compare sysgrep's output with the
 * workload's, never with a guess.
 *
 *   sgrely raceopen DIR      a thread opens DIR/fifo.real (a FIFO: the open
 *                            blocks); while it waits inside the call, the
 *                            path buffer is rewritten to DIR/decoy.txt (same
 *                            length); then the FIFO's writer lets the open
 *                            finish.  At the exit, the caller's memory names
 *                            the decoy; the kernel opened the FIFO.
 *   sgrely raceconnect DIR   the same for connect: a unix listener with a
 *                            full backlog makes connect(DIR/real.sock) block;
 *                            the sockaddr is rewritten to DIR/fake.sock
 *                            during the call, then the backlog is drained.
 *   sgrely bindzero          binds a TCP socket to 127.0.0.1 port 0: the
 *                            kernel picks the port, the caller's sockaddr
 *                            still says 0; prints "bound PORT fd FD"
 *   sgrely storm T N [PATH]  T threads each make N calls as fast as they
 *                            can: getppid, or with PATH the open syscall
 *                            (SYS_open, which neither the dynamic loader nor
 *                            glibc's open() uses: evt.type=open selects these
 *                            calls alone) + close; prints the calls made
 *                            (opens that succeeded)
 *   sgrely blocked CMD ARG...  execs CMD with the stop signals (INT, TERM,
 *                            HUP, PIPE) blocked and ignored, as a careless
 *                            parent (or nohup) leaves them
 *   sgrely forkexec T N      T threads each fork N children that exec this
 *                            program (op "exit": main returns at once) and
 *                            wait for them; prints the children that exited 0
 *   sgrely hold N            a new process group of N children that sleep
 *                            until killed (kill -- -PGID); prints "ready"
 *                            once they all exist: a /proc that takes a
 *                            while to scan
 *   sgrely spawn EXE PATH COMM
 *                            every 20 ms until killed, a child execs EXE with
 *                            hostile argv (newline, ESC, invalid UTF-8,
 *                            format-like words, one 100,000-byte argument)
 *                            and env; the child (op "hostile ... COMM PATH
 *                            BIG") renames itself COMM, opens PATH and exits
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <sys/un.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static void die(const char *what)
{
	fprintf(stderr, "sgrely: %s: %s\n", what, strerror(errno));
	exit(2);
}

static void sleep_ms(int ms)
{
	struct timespec ts = {ms / 1000, (long)(ms % 1000) * 1000000L};
	nanosleep(&ts, NULL);
}

/* Wait until thread tid is blocked inside syscall nr: /proc's syscall file
 * starts with the number of the call a task sleeps in ("running" if none). */
static void wait_in_syscall(pid_t tid, long nr)
{
	char path[64], buf[128];

	snprintf(path, sizeof(path), "/proc/self/task/%d/syscall", (int)tid);
	for (;;) {
		int fd = open(path, O_RDONLY | O_CLOEXEC);
		ssize_t n = fd >= 0 ? read(fd, buf, sizeof(buf) - 1) : -1;

		if (fd >= 0)
			close(fd);
		if (n > 0) {
			buf[n] = 0;
			if (strtol(buf, NULL, 10) == nr && buf[0] != 'r')
				return;
		}
		sleep_ms(1);
	}
}

/* ---- raceopen ------------------------------------------------------------ */

struct race {
	char buf[4096]; /* the path or sockaddr the thread passes */
	pid_t tid;
	int fd, err;
	volatile int started;
};

static void *open_thread(void *v)
{
	struct race *r = v;

	r->tid = (pid_t)syscall(SYS_gettid);
	r->started = 1;
	r->fd = openat(AT_FDCWD, r->buf, O_RDONLY | O_CLOEXEC);
	r->err = errno;
	return NULL;
}

static int op_raceopen(const char *dir)
{
	static struct race r;
	char real[2048], decoy[2048];
	pthread_t th;

	snprintf(real, sizeof(real), "%s/fifo.real", dir);
	snprintf(decoy, sizeof(decoy), "%s/decoy.txt", dir);
	if (strlen(real) != strlen(decoy) || strlen(real) >= sizeof(r.buf))
		return 2;
	if (mkfifo(real, 0600) && errno != EEXIST)
		die("mkfifo");
	int dfd = open(decoy, O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
	if (dfd < 0)
		die(decoy);
	close(dfd);
	memset(&r, 0, sizeof(r));
	strcpy(r.buf, real);
	if (pthread_create(&th, NULL, open_thread, &r))
		die("pthread_create");
	while (!r.started)
		sleep_ms(1);
	wait_in_syscall(r.tid, SYS_openat);
	/* the kernel has the FIFO's path: what the buffer says from now on
	 * is the decoy */
	memcpy(r.buf, decoy, strlen(decoy));
	int w = open(real, O_WRONLY | O_CLOEXEC);
	if (w < 0)
		die("open fifo for writing");
	pthread_join(th, NULL);
	close(w);
	if (r.fd < 0) {
		errno = r.err;
		die("open fifo for reading");
	}
	struct stat st;
	if (fstat(r.fd, &st) || !S_ISFIFO(st.st_mode))
		die("the opened file is not the FIFO");
	close(r.fd);
	printf("opened %s tid %d\n", real, (int)r.tid);
	return 0;
}

/* ---- raceconnect --------------------------------------------------------- */

static void *connect_thread(void *v)
{
	struct race *r = v;
	int s = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);

	r->tid = (pid_t)syscall(SYS_gettid);
	r->started = 1;
	if (connect(s, (struct sockaddr *)r->buf, sizeof(struct sockaddr_un)) == 0)
		r->fd = s;
	else {
		r->err = errno;
		r->fd = -1;
		close(s);
	}
	return NULL;
}

static void unix_addr(struct sockaddr_un *a, const char *path)
{
	memset(a, 0, sizeof(*a));
	a->sun_family = AF_UNIX;
	snprintf(a->sun_path, sizeof(a->sun_path), "%s", path);
}

static int op_raceconnect(const char *dir)
{
	static struct race r;
	struct sockaddr_un real, fake;
	char rp[sizeof(real.sun_path)], fp[sizeof(real.sun_path)];
	pthread_t th;

	if (snprintf(rp, sizeof(rp), "%s/real.sock", dir) >= (int)sizeof(rp) ||
	    snprintf(fp, sizeof(fp), "%s/fake.sock", dir) >= (int)sizeof(fp))
		return 2;
	unlink(rp);
	unix_addr(&real, rp);
	unix_addr(&fake, fp);
	int l = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (l < 0 || bind(l, (struct sockaddr *)&real, sizeof(real)) || listen(l, 0))
		die("listen");
	/* the backlog of 0 holds one connection: the next connect waits */
	int c1 = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (connect(c1, (struct sockaddr *)&real, sizeof(real)))
		die("first connect");
	memset(&r, 0, sizeof(r));
	memcpy(r.buf, &real, sizeof(real));
	if (pthread_create(&th, NULL, connect_thread, &r))
		die("pthread_create");
	while (!r.started)
		sleep_ms(1);
	wait_in_syscall(r.tid, SYS_connect);
	memcpy(r.buf, &fake, sizeof(fake));
	int a1 = accept(l, NULL, NULL);
	int a2 = accept(l, NULL, NULL);
	pthread_join(th, NULL);
	if (a1 < 0 || a2 < 0 || r.fd < 0) {
		errno = r.err;
		die("connect");
	}
	close(a1);
	close(a2);
	close(c1);
	close(r.fd);
	close(l);
	unlink(rp);
	printf("connected %s tid %d\n", rp, (int)r.tid);
	return 0;
}

/* ---- bindzero ---------------------------------------------------------- */

static int op_bindzero(void)
{
	struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = 0};
	socklen_t len = sizeof(a);

	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	int s = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (s < 0 || bind(s, (struct sockaddr *)&a, sizeof(a)))
		die("bind");
	struct sockaddr_in got;
	if (getsockname(s, (struct sockaddr *)&got, &len))
		die("getsockname");
	printf("bound %d fd %d\n", ntohs(got.sin_port), s);
	close(s);
	return 0;
}

/* ---- storm -------------------------------------------------------------- */

struct storm {
	long n, done;
	const char *path;
	pthread_t th;
};

static void *storm_thread(void *v)
{
	struct storm *s = v;

	for (long i = 0; i < s->n; i++) {
		if (!s->path) {
			syscall(SYS_getppid);
			s->done++;
			continue;
		}
		int fd = (int)syscall(SYS_open, s->path, O_RDONLY | O_CLOEXEC, 0);
		if (fd >= 0) {
			s->done++;
			close(fd);
		}
	}
	return NULL;
}

static int op_storm(int t, long n, const char *path)
{
	struct storm s[64];
	long total = 0;

	if (t < 1 || t > 64 || n < 0)
		return 2;
	for (int i = 0; i < t; i++) {
		s[i] = (struct storm){.n = n, .path = path};
		if (pthread_create(&s[i].th, NULL, storm_thread, &s[i]))
			die("pthread_create");
	}
	for (int i = 0; i < t; i++) {
		pthread_join(s[i].th, NULL);
		total += s[i].done;
	}
	printf("%ld\n", total);
	return 0;
}

/* ---- blocked ------------------------------------------------------------ */

static int op_blocked(char **cmd)
{
	static const int sigs[] = {SIGINT, SIGTERM, SIGHUP, SIGPIPE};
	sigset_t set;

	sigemptyset(&set);
	for (unsigned i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++) {
		sigaddset(&set, sigs[i]);
		signal(sigs[i], SIG_IGN);
	}
	/* both survive execve: the mask and the ignored dispositions */
	sigprocmask(SIG_BLOCK, &set, NULL);
	execvp(cmd[0], cmd);
	die(cmd[0]);
	return 2;
}

/* ---- forkexec ----------------------------------------------------------- */

static const char *self_exe;

struct forker {
	long n, ok;
	pthread_t th;
};

static void *fork_thread(void *v)
{
	struct forker *f = v;

	for (long i = 0; i < f->n; i++) {
		pid_t pid = fork();
		if (pid < 0)
			die("fork");
		if (pid == 0) {
			char *argv[] = {(char *)self_exe, "exit", NULL};
			execv(self_exe, argv);
			_exit(127);
		}
		int st;
		if (waitpid(pid, &st, 0) == pid && WIFEXITED(st) && WEXITSTATUS(st) == 0)
			f->ok++;
	}
	return NULL;
}

static int op_forkexec(int t, long n)
{
	struct forker f[16];
	long total = 0;

	if (t < 1 || t > 16 || n < 0)
		return 2;
	for (int i = 0; i < t; i++) {
		f[i] = (struct forker){.n = n};
		if (pthread_create(&f[i].th, NULL, fork_thread, &f[i]))
			die("pthread_create");
	}
	for (int i = 0; i < t; i++) {
		pthread_join(f[i].th, NULL);
		total += f[i].ok;
	}
	printf("%ld\n", total);
	return 0;
}

/* ---- hold -------------------------------------------------------------- */

static int op_hold(long n)
{
	if (n < 0 || setpgid(0, 0))
		return 2;
	for (long i = 0; i < n; i++) {
		pid_t pid = fork();
		if (pid < 0)
			die("fork");
		if (pid == 0) {
			pause();
			_exit(0);
		}
	}
	printf("ready\n");
	fflush(stdout);
	pause();
	return 0;
}

/* ---- spawn / hostile ---------------------------------------------------- */

#define SG_BIG_ARG 100000

static int op_hostile(const char *path, const char *comm)
{
	prctl(PR_SET_NAME, comm, 0, 0, 0);
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		die("open the hostile path");
	close(fd);
	return 0;
}

static int op_spawn(const char *exe, const char *path, const char *comm)
{
	static char big[SG_BIG_ARG + 1];

	memset(big, 'A', SG_BIG_ARG);
	memcpy(big, "big\n\033[31m", 9);
	/* the short ones first: the probe keeps 4 KiB of argv */
	char *argv[] = {(char *)exe, "hostile", "new\nline", "\033[2J\033]0;title\007esc",
			"bad\xff\xfe\xc0utf8", "%proc.name", "evt.type=x", "a,b\"c\td",
			(char *)comm, (char *)path, big, NULL};
	char *envp[] = {"SG_NL=a\nb", "SG_ESC=\033[31mred", "SG_BAD=\xff\xc0",
			"SG_FMT=%proc.name evt.type=x", NULL};
	for (;;) {
		pid_t pid = fork();
		if (pid < 0)
			die("fork");
		if (pid == 0) {
			execve(exe, argv, envp);
			_exit(127);
		}
		waitpid(pid, NULL, 0);
		sleep_ms(20);
	}
	return 0;
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: sgrely OP [ARG...]\n");
		return 2;
	}
	const char *op = argv[1];
	self_exe = argv[0];
	if (!strcmp(op, "exit"))
		return 0;
	if (!strcmp(op, "blocked") && argc >= 3)
		return op_blocked(argv + 2);
	if (!strcmp(op, "forkexec") && argc == 4)
		return op_forkexec(atoi(argv[2]), atol(argv[3]));
	if (!strcmp(op, "hold") && argc == 3)
		return op_hold(atol(argv[2]));
	if (!strcmp(op, "spawn") && argc == 5)
		return op_spawn(argv[2], argv[3], argv[4]);
	if (!strcmp(op, "hostile") && argc >= 5) /* ... COMM PATH BIG */
		return op_hostile(argv[argc - 2], argv[argc - 3]);
	if (!strcmp(op, "raceopen") && argc == 3)
		return op_raceopen(argv[2]);
	if (!strcmp(op, "raceconnect") && argc == 3)
		return op_raceconnect(argv[2]);
	if (!strcmp(op, "bindzero") && argc == 2)
		return op_bindzero();
	if (!strcmp(op, "storm") && (argc == 4 || argc == 5))
		return op_storm(atoi(argv[2]), atol(argv[3]), argc == 5 ? argv[4] : NULL);
	fprintf(stderr, "sgrely: unknown op or wrong arguments: %s\n", op);
	return 2;
}
