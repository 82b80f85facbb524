/*
 * The event table: for every syscall sysgrep decodes, its parameters with
 * Falco's names and types, and how the probe captures each.  One table,
 * keyed by name; numbers come from the architecture's <asm/unistd.h>
 * (generated into build/syscall_nrs.h), so the table is arch-neutral.
 */
#ifndef SG_SYSCALLS_H
#define SG_SYSCALLS_H

#include "event/event.h"

#define SG_NR_NONE 0xffff

/* Initialise the nr -> def map (idempotent; cheap).  Syscalls of the
 * architecture missing from the table get a generic def: res + arg0..arg5. */
void sg_syscalls_init(void);

/* Def of syscall number nr; NULL only when nr is outside the arch's table. */
const struct sg_syscall_def *sg_syscall_by_nr(unsigned nr);

/* Def by name, or NULL; *nr set to its number (SG_NR_NONE if the name is
 * known but not on this architecture). */
const struct sg_syscall_def *sg_syscall_by_name(const char *name, unsigned *nr);

/* Closest known syscall name to a misspelt one, or NULL (for "did you mean"). */
const char *sg_syscall_suggest(const char *name);

/* Number of syscall numbers of the architecture (max nr + 1). */
unsigned sg_syscall_count(void);

/* Name of nr (also for generic defs), or NULL. */
const char *sg_syscall_name(unsigned nr);

/* The pseudo-event of process exit (evt.type=procexit). */
extern const struct sg_syscall_def sg_procexit_def;

#endif /* SG_SYSCALLS_H */
