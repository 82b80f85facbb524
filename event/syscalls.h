/*
 * The event table: for every syscall sysgrep decodes, its parameters with
 * Falco's names and types, and how the probe captures each.  One table,
 * keyed by name; numbers come from the architecture's <asm/unistd.h>
 * (generated into build/syscall_nrs.h), so the table is arch-neutral.
 */
#ifndef SG_SYSCALLS_H
#define SG_SYSCALLS_H

#include <stdbool.h>
#include <stdio.h>

#include "event/event.h"

#define SG_NR_NONE 0xffff

/* Initialise the nr -> def map (idempotent; cheap).  Syscalls of the
 * architecture missing from the table get a generic def: res + arg0..arg5. */
void sg_syscalls_init(void);

/* Def of syscall number nr; NULL only when nr is outside the arch's table. */
const struct sg_syscall_def *sg_syscall_by_nr(unsigned nr);

/* Def by name, or NULL; *nr set to its number (SG_NR_NONE if the name is
 * known but not on this architecture, and for "procexit", which gives
 * &sg_procexit_def). */
const struct sg_syscall_def *sg_syscall_by_name(const char *name, unsigned *nr);

/* Closest known syscall name to a misspelt one, or NULL (for "did you mean"). */
const char *sg_syscall_suggest(const char *name);

/* Number of syscall numbers of the architecture (max nr + 1). */
unsigned sg_syscall_count(void);

/* Name of nr (also for generic defs), or NULL. */
const char *sg_syscall_name(unsigned nr);

/* The native number of the 32-bit (ia32) call nr32: the call of the same
 * name, or the one a 32-bit variant stands for (setuid32 -> setuid, mmap2
 * -> mmap, fstatat64 -> newfstatat, _llseek -> lseek...); SG_NR_NONE when
 * there is none (socketcall, ipc...) or no 32-bit table. */
unsigned sg_syscall_compat_native(unsigned nr32);

/* Whether some event (a described syscall, a generic one's res/arg0..5,
 * procexit) has a parameter named k (len bytes); if not, *suggest gets
 * the closest name or NULL. */
bool sg_syscall_param_known(const char *k, size_t len, const char **suggest);

/* The type (SG_PT_*) of the first parameter named k in the table order
 * sg_syscall_param_known searches, or -1: what evt.rawarg.k compares as. */
int sg_syscall_param_type(const char *k, size_t len);

/* The name of the 32-bit call nr32, or NULL. */
const char *sg_syscall_compat_name(unsigned nr32);

/* The i-th def of the table (arch-neutral: also names this architecture
 * lacks), NULL past the end.  For tests and listings. */
const struct sg_syscall_def *sg_syscall_table_at(unsigned i);

/* The pseudo-event of process exit (evt.type=procexit). */
extern const struct sg_syscall_def sg_procexit_def;

/*
 * Conventions of the table the decoder and the state layer rely on:
 *
 * - CAP params appear in params[] in the order of their payloads.
 * - A CAP param of a numeric type (FD, INT, FLAGS...) takes its number from
 *   its payload: SG_CAP_INT2 -> the int at index aux (0 or 1: pipe fd1/fd2;
 *   the probe ignores aux for INT2); SG_CAP_STRUCT -> the last 8 bytes the
 *   probe copied (aux words), read as a native u64 (clone3 flags: aux 1;
 *   openat2 flags/mode/resolve: aux 1/2/3).  sg_syscall_cap_num() does it.
 * - A PATH param is relative to the nearest DIRFD param before it (renameat
 *   newpath -> newdirfd), else to the cwd.
 * - SG_SRC_STATE params are filled by the event source, by name:
 *   exe, args, env, cwd, comm, tty, pgid (the process after the call), tid,
 *   pid, ptid, uid, gid, loginuid; procexit's ret ((status >> 8) & 0xff) and
 *   sig (status & 0x7f).
 */

/* The number a numeric CAP param carries in its payload (see above); 0 when
 * the param is not numeric or the payload is too short. */
int sg_syscall_cap_num(const struct sg_param_def *d, const void *data,
		       uint32_t len, int64_t *out);

/* The value an ARG param holds for the raw register value: ints are 32
 * bits in registers of 64 (the upper half is whatever the caller left),
 * and open flags are in Falco's encoding (SG_PPM_O_*), as libs has them.
 * The decoder fills num with it; so must anything that builds events. */
int64_t sg_syscall_arg_num(const struct sg_param_def *d, uint64_t raw);

/* Print every syscall of the architecture (and procexit) with its
 * parameters, one per line: text "openat(fd FD, dirfd DIRFD, ...) [file]",
 * or JSON {"name":..,"nr":..,"category":..,"params":[{"name":..,"type":..}]}.
 * For --list-events. */
void sg_syscalls_list(FILE *out, int json);

/* "FD" for SG_PT_FD; "file" for SG_CAT_FILE ("?" when out of range). */
const char *sg_ptype_name(unsigned t);
const char *sg_category_name(unsigned c);

#endif /* SG_SYSCALLS_H */
