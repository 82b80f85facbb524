/*
 * What the running kernel and process offer the probe: BTF, ring buffers,
 * privileges, version.  sg_probe_check (bpf/probe.h) is built from these;
 * the parsing parts are separate so they can be tested without root.
 */
#ifndef SG_FEATURES_H
#define SG_FEATURES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* "6.1.0-18-amd64" -> 0x060100 (major << 16 | minor << 8 | patch, each
 * capped at 255); 0 when the text does not start with a version. */
uint32_t sg_kernel_version_parse(const char *release);

/* Oldest kernel the probe supports: ring buffer maps and tp_btf. */
#define SG_KERNEL_MIN 0x050800

/* Effective capabilities let us load and attach tracing programs:
 * CAP_SYS_ADMIN, or CAP_BPF together with CAP_PERFMON. */
bool sg_caps_allow_bpf(uint64_t effective);

/* The effective capability set of this process (0 on error). */
uint64_t sg_caps_effective(void);

/* "integrity"/"confidentiality"/"none" from the lockdown file text
 * ("none [integrity] confidentiality"); "none" when not bracketed. */
const char *sg_lockdown_mode(const char *text);

/* Whether uid_map text (/proc/self/uid_map) is the initial user
 * namespace's identity map "0 0 4294967295": capabilities held in any
 * other namespace do not let a process load tracing programs. */
bool sg_uid_map_is_initial(const char *text);

/* Read a small /proc or /sys file whole into b (NUL-terminated, cut at
 * n - 1 bytes); false if it cannot be opened. */
bool sg_read_small(const char *path, char *b, size_t n);

/* The running kernel's BTF, parsed at the first call and kept for every
 * check before the load (each parse costs 40-60 ms, most of it page faults:
 * start-up used to parse it three times); NULL when there is none (errno
 * says why).  sg_kernel_btf_release frees it, before libbpf parses its own. */
struct btf;
struct btf *sg_kernel_btf(void);
void sg_kernel_btf_release(void);

#endif /* SG_FEATURES_H */
