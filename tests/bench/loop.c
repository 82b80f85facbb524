/*
 * The benchmark's workload: a tight loop of getppid(2), the cheapest real
 * system call, so the probe's cost per call dominates.  Prints the mean
 * nanoseconds per call.  Its comm is fixed so sysgrep filters can name it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#define LOOP_COMM "sgbench_loop"

static double now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

int main(int argc, char **argv)
{
	long n = argc > 1 ? atol(argv[1]) : 1000000;

	if (n <= 0) {
		fprintf(stderr, "usage: %s CALLS\n", argv[0]);
		return 2;
	}
	prctl(PR_SET_NAME, LOOP_COMM);
	/* warm caches and the branch predictor before timing */
	for (long i = 0; i < 10000; i++)
		syscall(SYS_getppid);
	double t0 = now_ns();
	for (long i = 0; i < n; i++)
		syscall(SYS_getppid);
	double t1 = now_ns();
	printf("%.2f\n", (t1 - t0) / (double)n);
	return 0;
}
