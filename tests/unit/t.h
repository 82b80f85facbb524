/*
 * A tiny TAP producer for the C unit tests: each check prints one
 * "ok N - what" or "not ok N - what" line; tests/run-unit.sh counts them.
 * Table-driven tests call t_check() once per row.
 */
#ifndef SG_T_H
#define SG_T_H

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static int t_n, t_failed;

static inline int t_check(int ok, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static inline int t_check(int ok, const char *fmt, ...)
{
	va_list ap;
	printf("%sok %d - ", ok ? "" : "not ", ++t_n);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
	if (!ok)
		t_failed++;
	return ok;
}

/* Print a diagnostic line (TAP comment) */
#define t_note(...) (printf("# "), printf(__VA_ARGS__), putchar('\n'))

#define T_OK(cond, ...) t_check(!!(cond), __VA_ARGS__)
#define T_STREQ(got, want, ...)                                                   \
	do {                                                                          \
		const char *g_ = (got), *w_ = (want);                                 \
		if (!t_check(g_ && w_ && strcmp(g_, w_) == 0, __VA_ARGS__))           \
			t_note("got  '%s'\n# want '%s'", g_ ? g_ : "(null)", w_ ? w_ : "(null)"); \
	} while (0)

static inline int t_done(void)
{
	printf("1..%d\n", t_n);
	return t_failed ? 1 : 0;
}

#endif
