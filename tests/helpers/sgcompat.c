/*
 * sgcompat PATH | setuid32: 32-bit system calls from a 64-bit process
 * (int 0x80 on x86_64), the way a program would try to slip past a
 * 64-bit-only monitor.  Every 50 ms until killed, through the ia32 entry:
 * open(PATH, O_WRONLY|O_CREAT, 0600), write(fd, "x", 1), close(fd); or
 * setuid32(its own uid), a call that has no 64-bit namesake.  Exits 77
 * where there is no such entry (not x86_64, or no IA32 emulation).
 */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#if defined(__x86_64__)
/* ia32 numbers (arch/x86/entry/syscalls/syscall_32.tbl) */
#define NR32_WRITE 4
#define NR32_OPEN 5
#define NR32_CLOSE 6
#define NR32_SETUID32 213

static long sys32(long nr, long a, long b, long c)
{
	long r;

	asm volatile("int $0x80" : "=a"(r) : "a"(nr), "b"(a), "c"(b), "d"(c) : "memory");
	return r;
}

int main(int argc, char **argv)
{
	const struct timespec pause = {0, 50 * 1000 * 1000};

	if (argc != 2 || strlen(argv[1]) > 1000) {
		fprintf(stderr, "usage: sgcompat PATH | setuid32\n");
		return 2;
	}
	if (strcmp(argv[1], "setuid32") == 0) {
		for (;;) {
			if (sys32(NR32_SETUID32, (long)getuid(), 0, 0) == -38)
				return 77;
			nanosleep(&pause, NULL);
		}
	}
	/* 32-bit calls take 32-bit pointers: the path must live below 4 GiB */
	char *low = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_32BIT,
			 -1, 0);
	if (low == MAP_FAILED)
		return 77;
	strcpy(low, argv[1]);
	strcpy(low + 2048, "x");
	for (;;) {
		long fd = sys32(NR32_OPEN, (long)low, O_WRONLY | O_CREAT, 0600);
		if (fd == -38) /* ENOSYS: no IA32 emulation */
			return 77;
		if (fd >= 0) {
			sys32(NR32_WRITE, fd, (long)(low + 2048), 1);
			sys32(NR32_CLOSE, fd, 0, 0);
		}
		nanosleep(&pause, NULL);
	}
}
#else
int main(void)
{
	return 77;
}
#endif
