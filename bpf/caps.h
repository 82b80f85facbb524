/*
 * The capabilities the live source needs, and giving up the rest.
 *
 * Loading and attaching the probe needs CAP_BPF and CAP_PERFMON (or
 * CAP_SYS_ADMIN); reading /proc/PID/fd and /proc/PID/exe of every user's
 * processes, for state, needs CAP_SYS_PTRACE and CAP_DAC_READ_SEARCH (or
 * CAP_DAC_OVERRIDE).  Once attached and seeded, only the /proc pair is
 * still used: new processes and fds are looked up there while running.
 */
#ifndef SG_CAPS_H
#define SG_CAPS_H

#include <linux/capability.h>

/* older uapi headers lack the two capabilities of 5.8 */
#ifndef CAP_PERFMON
#define CAP_PERFMON 38
#endif
#ifndef CAP_BPF
#define CAP_BPF 39
#endif

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define SG_CAP_BIT(c) (1ull << (c))

/* "CAP_BPF" for 39; NULL for a number with no name. */
const char *sg_cap_name(int cap);

/* "CAP_A, CAP_B" for the bits of mask, "none" for 0. */
void sg_caps_text(uint64_t mask, char *out, size_t n);

/* The first capability eff lacks to load and attach the probe, or -1:
 * CAP_BPF and CAP_PERFMON, unless CAP_SYS_ADMIN stands in for both. */
int sg_caps_missing_load(uint64_t eff);

/* The first capability eff lacks to read every process's /proc entries
 * (CAP_SYS_PTRACE; CAP_DAC_READ_SEARCH, or CAP_DAC_OVERRIDE), or -1. */
int sg_caps_missing_proc(uint64_t eff);

/* Why sysgrep needs cap (one phrase, for messages and --check). */
const char *sg_cap_purpose(int cap);

/* Of eff, the capabilities a running live source keeps to read /proc
 * (state: true) or none (state: false, counting in the kernel). */
uint64_t sg_caps_runtime(uint64_t eff, bool state);

/*
 * Keep only the capabilities in keep (permitted and effective; nothing
 * inheritable or ambient; the bounding set cut to keep when CAP_SETPCAP
 * allows) and set no_new_privs, so neither this process nor anything it
 * could run gains a privilege back.  0, or -1 with the reason in why.
 */
int sg_caps_keep_only(uint64_t keep, char *why, size_t n);

/* Lower the effective set to eff for a moment (permitted unchanged, so
 * it can be raised again): to try what works with less.  0 or -1. */
int sg_caps_set_effective(uint64_t eff);

/* The permitted set of this process (0 on error). */
uint64_t sg_caps_permitted(void);

/* Whether no_new_privs is set on this process. */
bool sg_caps_no_new_privs(void);

#endif /* SG_CAPS_H */
