/*
 * Value translation between libs' encodings and the kernel's.  Bit sets
 * map bit by bit (bits without a counterpart are dropped, as libs' drivers
 * drop them); enums map value to value.
 */
#include "capture/ppmflags.h"

#include <fcntl.h>
#include <sched.h>
#include <stddef.h>
#include <sys/epoll.h>
#include <sys/mman.h>

#include "capture/scap_events.h"
#include "event/flagtables.h"

struct pair {
	uint64_t ppm, k;
};

#define N(a) (sizeof(a) / sizeof((a)[0]))

#ifndef CLONE_NEWCGROUP
#define CLONE_NEWCGROUP 0x02000000
#endif
#ifndef MAP_32BIT
#define MAP_32BIT 0x40
#endif

static const struct pair clone_bits[] = {
	{1u << 0, CLONE_FILES}, {1u << 1, CLONE_FS}, {1u << 2, CLONE_IO},
	{1u << 3, CLONE_NEWIPC}, {1u << 4, CLONE_NEWNET}, {1u << 5, CLONE_NEWNS},
	{1u << 6, CLONE_NEWPID}, {1u << 7, CLONE_NEWUTS}, {1u << 8, CLONE_PARENT},
	{1u << 9, CLONE_PARENT_SETTID}, {1u << 10, CLONE_PTRACE}, {1u << 11, CLONE_SIGHAND},
	{1u << 12, CLONE_SYSVSEM}, {1u << 13, CLONE_THREAD}, {1u << 14, CLONE_UNTRACED},
	{1u << 15, CLONE_VM}, {1u << 20, CLONE_NEWUSER}, {1u << 23, CLONE_CHILD_CLEARTID},
	{1u << 24, CLONE_CHILD_SETTID}, {1u << 25, CLONE_SETTLS}, {1u << 27, CLONE_VFORK},
	{1u << 28, CLONE_NEWCGROUP},
};

static const struct pair prot_bits[] = {
	{1u << 0, PROT_READ}, {1u << 1, PROT_WRITE}, {1u << 2, PROT_EXEC},
	{1u << 3, 0x8 /* PROT_SEM */}, {1u << 4, PROT_GROWSDOWN}, {1u << 5, PROT_GROWSUP},
};

static const struct pair mmap_bits[] = {
	{1u << 0, MAP_SHARED}, {1u << 1, MAP_PRIVATE}, {1u << 2, MAP_FIXED},
	{1u << 3, MAP_ANONYMOUS}, {1u << 4, MAP_32BIT}, {1u << 6, MAP_NORESERVE},
	{1u << 7, MAP_POPULATE}, {1u << 8, MAP_NONBLOCK}, {1u << 9, MAP_GROWSDOWN},
	{1u << 10, MAP_DENYWRITE}, {1u << 11, MAP_EXECUTABLE}, {1u << 14, MAP_LOCKED},
	{1u << 15, MAP_STACK}, {1u << 16, MAP_HUGETLB}, {1u << 18, MAP_SHARED_VALIDATE},
	{1u << 19, MAP_FIXED_NOREPLACE}, {1u << 20, MAP_SYNC},
};

/* O_* bits of the calls whose flags libs encodes as file_flags but the
 * kernel takes as O_* (pipe2, dup3, eventfd2, inotify_init1...). */
static const struct pair file_bits[] = {
	{1u << 12, O_CLOEXEC}, {1u << 6, O_NONBLOCK}, {1u << 9, O_DIRECT},
};

static const struct pair epoll_bits[] = {
	{1u << 0, EPOLL_CLOEXEC},
};

static const struct pair fcntl_cmds[] = {
	{1, F_DUPFD}, {2, F_GETFD}, {3, F_SETFD}, {4, F_GETFL}, {5, F_SETFL},
	{6, F_GETLK}, {8, F_SETLK}, {9, F_SETLKW}, {10, F_SETOWN}, {12, F_GETOWN},
	{13, F_SETSIG}, {15, F_GETSIG}, {21, F_SETOWN_EX}, {22, F_GETOWN_EX},
	{23, F_SETLEASE}, {24, F_GETLEASE}, {25, 1029 /* F_CANCELLK */},
	{26, F_DUPFD_CLOEXEC}, {27, F_NOTIFY}, {28, F_SETPIPE_SZ}, {29, F_GETPIPE_SZ},
	{30, F_OFD_GETLK}, {31, F_OFD_SETLK}, {32, F_OFD_SETLKW},
};

static uint64_t bits(const struct pair *t, size_t n, uint64_t v, int to_kernel)
{
	uint64_t r = 0;
	for (size_t i = 0; i < n; i++) {
		uint64_t from = to_kernel ? t[i].ppm : t[i].k, to = to_kernel ? t[i].k : t[i].ppm;
		/* a value of several bits (MAP_SHARED_VALIDATE) only when all are set */
		if ((v & from) == from)
			r |= to;
	}
	return r;
}

static uint64_t value(const struct pair *t, size_t n, uint64_t v, int to_kernel)
{
	for (size_t i = 0; i < n; i++)
		if ((to_kernel ? t[i].ppm : t[i].k) == v)
			return to_kernel ? t[i].k : t[i].ppm;
	/* PPM_FCNTL_UNKNOWN is 0; an unknown kernel command is -1 to libs */
	return to_kernel ? (uint64_t)-1 : 0;
}

static uint64_t translate(unsigned lt, unsigned st, uint64_t v, int to_kernel)
{
	switch (lt) {
	case SG_LT_CLONE_FLAGS:
		return bits(clone_bits, N(clone_bits), v, to_kernel);
	case SG_LT_PROT_FLAGS:
		return bits(prot_bits, N(prot_bits), v, to_kernel);
	case SG_LT_MMAP_FLAGS:
		return bits(mmap_bits, N(mmap_bits), v, to_kernel);
	case SG_LT_FCNTL_COMMANDS:
		return value(fcntl_cmds, N(fcntl_cmds), v, to_kernel);
	case SG_LT_EPOLL_CREATE1_FLAGS:
		return bits(epoll_bits, N(epoll_bits), v, to_kernel);
	case SG_LT_FILE_FLAGS:
		/* open's flags stay in Falco's encoding; the O_* of pipe2 and
		 * friends are the kernel's */
		if (st == SG_TBL_OPEN_FLAGS)
			return v;
		return bits(file_bits, N(file_bits), v, to_kernel);
	}
	return v;
}

uint64_t sg_ppm_decode(unsigned lt, unsigned st, uint64_t v)
{
	return translate(lt, st, v, 1);
}

uint64_t sg_ppm_encode(unsigned lt, unsigned st, uint64_t v)
{
	return translate(lt, st, v, 0);
}
