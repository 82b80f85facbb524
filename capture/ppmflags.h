/*
 * libs' encodings of flag and command values (PPM_CL_*, PPM_PROT_*,
 * PPM_MAP_*, PPM_FCNTL_*, PPM_O_* where the kernel has O_*...) against the
 * values sysgrep's event model holds (the kernel's, but for open flags,
 * which it keeps in Falco's encoding too).  The reader decodes, the writer
 * encodes; a value with no mapping passes unchanged.
 */
#ifndef SG_CAPTURE_PPMFLAGS_H
#define SG_CAPTURE_PPMFLAGS_H

#include <stdint.h>

/* lt: enum sg_libs_table of the libs parameter; st: SG_TBL_* of sysgrep's. */
uint64_t sg_ppm_decode(unsigned lt, unsigned st, uint64_t v);
uint64_t sg_ppm_encode(unsigned lt, unsigned st, uint64_t v);

#endif
