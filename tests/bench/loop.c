/*
 * The benchmark's workloads, each a tight loop printing the mean
 * nanoseconds per iteration.  Its comm is fixed so sysgrep filters (and
 * the peers' filters) can name it.
 *
 * Prints "NS ITERATIONS" (the warm-up included in ITERATIONS).
 *
 *   loop N             getppid(2), the cheapest real system call, so the
 *                      probe's cost per call dominates
 *   loop N open        openat("/etc/passwd") + close
 *   loop N connect     socket + connect to 127.0.0.1:9 (closed: refused) + close
 *   loop N forkexec    fork + execve("/bin/true") + wait
 *   loop N fork        fork + _exit + wait (a fork storm: N processes come and go)
 *   loop N tick        getppid(2) once a millisecond, for the start-up case
 *                      (the first event printed after sysgrep's exec)
 *   loop N sleepers    N children that sleep in pause(2); prints "ready" once
 *                      they are all there and sleeps itself until killed
 *                      (kill its process group)
 */
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define LOOP_COMM "sgbench_loop"

static double now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

static void one_getppid(void)
{
	syscall(SYS_getppid);
}

static void one_tick(void)
{
	struct timespec ms = {.tv_nsec = 1000000};

	syscall(SYS_getppid);
	nanosleep(&ms, NULL);
}

static void one_open(void)
{
	int fd = open("/etc/passwd", O_RDONLY | O_CLOEXEC);

	if (fd >= 0)
		close(fd);
}

static void one_connect(void)
{
	struct sockaddr_in sa = {.sin_family = AF_INET, .sin_port = htons(9)};
	int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);

	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (fd < 0)
		return;
	if (connect(fd, (struct sockaddr *)&sa, sizeof(sa)) == 0)
		fprintf(stderr, "loop: 127.0.0.1:9 accepted a connection\n");
	close(fd);
}

static void one_forkexec(void)
{
	pid_t pid = fork();

	if (pid == 0) {
		execl("/bin/true", "true", (char *)NULL);
		_exit(127);
	}
	if (pid > 0)
		waitpid(pid, NULL, 0);
}

static void one_fork(void)
{
	pid_t pid = fork();

	if (pid == 0)
		_exit(0);
	if (pid > 0)
		waitpid(pid, NULL, 0);
}

/* Idle processes for the start-up case: sysgrep seeds its state with all of them. */
static int sleepers(long n)
{
	for (long i = 0; i < n; i++) {
		pid_t pid = fork();
		if (pid < 0) {
			perror("loop: fork");
			return 1;
		}
		if (pid == 0) {
			for (;;)
				pause();
		}
	}
	printf("ready\n");
	fflush(stdout);
	for (;;)
		pause();
}

int main(int argc, char **argv)
{
	long n = argc > 1 ? atol(argv[1]) : 1000000;
	const char *mode = argc > 2 ? argv[2] : "getppid";
	void (*one)(void) = !strcmp(mode, "getppid") ? one_getppid
			  : !strcmp(mode, "open")    ? one_open
			  : !strcmp(mode, "connect") ? one_connect
			  : !strcmp(mode, "forkexec") ? one_forkexec
			  : !strcmp(mode, "fork")    ? one_fork
			  : !strcmp(mode, "tick")    ? one_tick
						      : NULL;

	if (n > 0 && !strcmp(mode, "sleepers")) {
		prctl(PR_SET_NAME, "sgbench_sleep");
		return sleepers(n);
	}

	if (n <= 0 || !one) {
		fprintf(stderr, "usage: %s N [getppid|open|connect|forkexec|fork|tick|sleepers]\n", argv[0]);
		return 2;
	}
	prctl(PR_SET_NAME, LOOP_COMM);
	/* warm caches and the branch predictor before timing */
	long warm = n / 100 < 10000 ? n / 100 : 10000;
	for (long i = 0; i < warm; i++)
		one();
	double t0 = now_ns();
	for (long i = 0; i < n; i++)
		one();
	double t1 = now_ns();
	/* ns per iteration, and iterations made (warm-up included): the
	 * benchmark checks lines printed against calls made */
	printf("%.2f %ld\n", (t1 - t0) / (double)n, n + warm);
	return 0;
}
