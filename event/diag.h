/*
 * Compile-time diagnostics (filter, -p format): what, where, and the fix,
 * printed compiler-style with the source line and a caret:
 *
 *   sysgrep: filter:1:21: unknown field 'proc.nmae' (did you mean 'proc.name'?)
 *     evt.type=execve and proc.nmae=bash
 *                         ^
 */
#ifndef SG_DIAG_H
#define SG_DIAG_H

#include <stdarg.h>
#include <stdio.h>

struct sg_diag {
	const char *what;  /* "filter", "format" */
	const char *src;   /* the text compiled (not owned) */
	int line, col;     /* 1-based; col 0 = no position */
	char msg[512];
	int set;
};

/* Record the first error only: later ones are usually consequences. */
void sg_diag_set(struct sg_diag *d, const char *src, int offset,
		 const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/* Print "sysgrep: what:line:col: msg", the source line and a caret. */
void sg_diag_print(const struct sg_diag *d, FILE *out);

#endif /* SG_DIAG_H */
