/*
 * sgprobe MODE ARG: known system calls for the probe's own tests, repeated
 * every 50 ms until killed (so nothing races with the probe attaching).
 *   fchmodat2 PATH   fchmodat2(AT_FDCWD, PATH, 0640, 0) by number (452: a
 *                    call newer than many build hosts' headers)
 *   write N          write(fd of /dev/null, N bytes of 'a'..'z', N)
 *   udpbind0 PORT    a UDP client that binds 127.0.0.1:0 (an ephemeral port)
 *                    then sendto(127.0.0.1:PORT, "ping")
 */
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#define NR_FCHMODAT2 452 /* the same on every architecture (unified numbers) */

static void nap(void)
{
	const struct timespec t = {0, 50 * 1000 * 1000};

	nanosleep(&t, NULL);
}

int main(int argc, char **argv)
{
	if (argc != 3) {
		fprintf(stderr, "usage: sgprobe fchmodat2 PATH | write N\n");
		return 2;
	}
	if (strcmp(argv[1], "fchmodat2") == 0) {
		for (;;) {
			syscall(NR_FCHMODAT2, AT_FDCWD, argv[2], 0640, 0);
			nap();
		}
	}
	if (strcmp(argv[1], "write") == 0) {
		size_t n = strtoul(argv[2], NULL, 10);
		char *b = malloc(n ? n : 1);
		int fd = open("/dev/null", O_WRONLY);

		if (!b || fd < 0 || n > (1u << 20))
			return 1;
		for (size_t i = 0; i < n; i++)
			b[i] = (char)('a' + i % 26);
		for (;;) {
			if (write(fd, b, n) < 0)
				return 1;
			nap();
		}
	}
	if (strcmp(argv[1], "udpbind0") == 0) {
		struct sockaddr_in me = {.sin_family = AF_INET}, to = {.sin_family = AF_INET};

		me.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
		to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
		to.sin_port = htons((uint16_t)atoi(argv[2]));
		/* a new socket each time: the probe sees its bind, not only /proc */
		for (;;) {
			int s = socket(AF_INET, SOCK_DGRAM, 0);

			if (s < 0 || bind(s, (struct sockaddr *)&me, sizeof(me)) < 0)
				return 1;
			sendto(s, "ping", 4, 0, (struct sockaddr *)&to, sizeof(to));
			close(s);
			nap();
		}
	}
	fprintf(stderr, "sgprobe: unknown mode '%s'\n", argv[1]);
	return 2;
}
