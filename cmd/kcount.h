/*
 * Counting in the kernel: when only counts are wanted (-c, -q, --count-by)
 * and the kernel decides the whole filter, the probe counts each selected
 * call in a map and sends nothing; the counts are read at each --interval
 * and at the end, and fed to the same counting outputs as events would be.
 */
#ifndef SG_KCOUNT_H
#define SG_KCOUNT_H

#include <stddef.h>
#include <stdint.h>

#include "bpf/probe.h"
#include "cmd/options.h"
#include "event/pushdown.h"
#include "output/output.h"
#include "state/state.h"

/* The SG_KF_* bits of the count this run can make in the kernel, or 0 with
 * the reason it cannot in why (for --dump-filter and -v). */
uint32_t sg_kcount_plan(const struct sg_opts *o, const struct sg_pushdown *pd, char *why,
			size_t n);

/* The fields a count can be by in the kernel, for messages. */
extern const char sg_kcount_fields[];

struct sg_kcount;

/* NULL when out of memory. */
struct sg_kcount *sg_kcount_new(uint32_t kf, struct sg_state *st);
void sg_kcount_free(struct sg_kcount *k);

/* What the kernel counted since the last call goes to out, as that many
 * events of each key.  Returns the events added, or -1 (errno). */
int64_t sg_kcount_collect(struct sg_kcount *k, struct sg_probe *p, struct sg_output *out);

#endif /* SG_KCOUNT_H */
