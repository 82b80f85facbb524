/*
 * What the kernel can decide before it copies anything, derived from the
 * compiled filter and loaded into the probe as rodata.  Pushdown may only
 * make the probe send fewer events that the filter would reject anyway:
 * userspace still runs the whole filter.
 */
#ifndef SG_PUSHDOWN_H
#define SG_PUSHDOWN_H

#include <stdbool.h>
#include <stdint.h>

#include "event/abi.h"

struct sg_pushdown {
	/* syscalls the filter can match (bit nr set); all when the filter
	 * does not constrain evt.type */
	uint8_t sel[SG_MAX_SYSCALLS];
	bool procexit;   /* the filter can match procexit events */
	bool never;      /* the filter can never match */

	/* Conjunctive conditions (all must hold); a list is "one of". */
	uint32_t npid, pid[SG_PUSH_MAX];
	uint32_t ntid, tid[SG_PUSH_MAX];
	uint32_t nuid, uid[SG_PUSH_MAX];
	uint32_t ncomm;
	char comm[SG_PUSH_MAX][SG_COMM_LEN];
	uint32_t ncgroup;
	uint64_t cgroup[SG_PUSH_MAX];

	/* The kernel decides the whole filter: the selected syscalls and the
	 * conditions above hold exactly when the filter does, so counting
	 * needs no event sent (-c, -q, --count-by over kernel fields). */
	bool exact;

	/* What the filter (and output) reads: decides which state syscalls
	 * the probe must send even when the filter cannot match them. */
	bool uses_proc_state;
	bool uses_fd_state;
};

#endif /* SG_PUSHDOWN_H */
