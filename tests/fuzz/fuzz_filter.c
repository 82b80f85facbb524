/*
 * libFuzzer target: compile any bytes as a filter, dump it, and run it on
 * a small hand-built event, then free everything.  Compile errors are
 * fine; crashes, leaks, sanitizer reports, hangs and "internal error"
 * messages (the compiler built bytecode the validator refused) are not.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "event/syscalls.h"
#include "filter/filter.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static FILE *devnull;

static void event_for(struct sg_event *e)
{
	unsigned nr;
	memset(e, 0, sizeof(*e));
	e->kind = SG_EV_SYSCALL;
	e->def = sg_syscall_by_name("openat", &nr);
	e->nr = (uint16_t)nr;
	e->pid = e->tid = 42;
	e->res = 3;
	e->fdnum = -1;
	strcpy(e->comm, "fuzz");
	e->nparams = e->def ? e->def->nparams : 0;
	for (unsigned k = 0; k < e->nparams; k++)
		e->params[k].def = &e->def->params[k];
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!devnull)
		devnull = fopen("/dev/null", "w");
	char *text = malloc(size + 1);
	if (!text)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	struct sg_diag d = { .what = "filter" };
	struct sg_filter *f = sg_filter_compile(text, &d);
	if (f) {
		struct sg_event e;
		struct sg_arena a;
		struct sg_pushdown pd;
		event_for(&e);
		sg_arena_init(&a, 4096);
		sg_filter_match(f, &e, &a);
		sg_filter_pushdown(f, &pd);
		sg_filter_dump(f, devnull);
		sg_arena_free(&a);
		sg_filter_free(f);
	} else {
		/* a filter the checker let through must compile to valid code */
		if (strncmp(d.msg, "internal error", 14) == 0)
			abort();
		if (devnull)
			sg_diag_print(&d, devnull);
	}
	free(text);
	return 0;
}
