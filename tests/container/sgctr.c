/*
 * The program of the test image (tests/bats/container.bats): static, so it
 * runs alone in an image built from scratch.  It opens /sgctr-mark (absent:
 * ENOENT) every 50 ms, N times (argv[1], default 200), so the events of a
 * container's process keep coming while sysgrep learns its metadata.
 */
#include <fcntl.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	long n = argc > 1 ? strtol(argv[1], NULL, 10) : 200;
	struct timespec ts = {0, 50 * 1000 * 1000};
	for (long i = 0; i < n; i++) {
		int fd = open("/sgctr-mark", O_RDONLY | O_CLOEXEC);
		if (fd >= 0)
			close(fd);
		nanosleep(&ts, NULL);
	}
	return 0;
}
