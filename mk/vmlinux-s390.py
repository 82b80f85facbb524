#!/usr/bin/env python3
"""vmlinux-s390.py IN OUT: a vmlinux.h for building the probe for s390x when
no s390x kernel BTF is at hand (Debian's s390x kernel is built without
CONFIG_DEBUG_INFO_BTF).  IN is a vmlinux.h of another architecture (the
build host's); its struct pt_regs is replaced, where it stands, by the s390
one (arch/s390/include/asm/ptrace.h), and s390's user_pt_regs is added.

The probe needs nothing else of the architecture: every other type it reads
is generic, and CO-RE relocates each access against the running kernel's own
BTF at load time, so only the names must exist here."""
import re
import sys

S390_REGS = """typedef struct {
	long unsigned int mask;
	long unsigned int addr;
} psw_t;

typedef struct {
	long unsigned int args[1];
	psw_t psw;
	long unsigned int gprs[16];
} user_pt_regs;

struct pt_regs {
	union {
		user_pt_regs user_regs;
		struct {
			long unsigned int args[1];
			psw_t psw;
			long unsigned int gprs[16];
		};
	};
	long unsigned int orig_gpr2;
	union {
		struct {
			unsigned int int_code;
			unsigned int int_parm;
		};
		long unsigned int int_parm_long;
	};
	long unsigned int flags;
	long unsigned int cr1;
	long unsigned int last_break;
};
"""


def main(argv):
    if len(argv) != 3:
        sys.stderr.write("usage: vmlinux-s390.py IN OUT\n")
        return 2
    with open(argv[1]) as f:
        text = f.read()
    # a type of the same name elsewhere would clash with s390's
    for name in ("psw_t", "user_pt_regs"):
        if re.search(r"\b%s;\n" % name, text):
            sys.stderr.write("vmlinux-s390.py: %s already has %s\n" % (argv[1], name))
            return 1
    body = re.compile(r"^struct pt_regs \{\n.*?^\};\n", re.S | re.M)
    text, n = body.subn(lambda m: S390_REGS, text, count=1)
    if n != 1:
        sys.stderr.write("vmlinux-s390.py: no struct pt_regs in %s\n" % argv[1])
        return 1
    with open(argv[2], "w") as f:
        f.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
