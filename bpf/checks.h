/*
 * sysgrep --check: every requirement of the live source, each found out by
 * trying it (a map created, a program loaded and attached, a file read),
 * never by the kernel's version.
 */
#ifndef SG_CHECKS_H
#define SG_CHECKS_H

#include <stdbool.h>

enum sg_check_status {
	SG_CHECK_OK,      /* there, or not needed */
	SG_CHECK_MISSING, /* tried, and it is not there */
	SG_CHECK_UNKNOWN, /* could not be tried (the reason says what is missing) */
};

struct sg_hostcheck {
	const char *check;   /* "btf", "capability", "tracepoint", ... */
	char what[48];       /* its subject: "CAP_BPF", "sys_exit"; may be empty */
	enum sg_check_status status;
	bool required;       /* sysgrep cannot run without it */
	char detail[384];    /* the exact reason: what was found, what to do */
};

#define SG_CHECKS_MAX 32

struct sg_checks {
	unsigned n;
	struct sg_hostcheck c[SG_CHECKS_MAX];
};

/* Run every check into c.  Returns true when sysgrep can run here: every
 * required check is ok. */
bool sg_checks_run(struct sg_checks *c);

const char *sg_check_status_name(enum sg_check_status s);

#endif /* SG_CHECKS_H */
