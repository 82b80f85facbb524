#!/usr/bin/env python3
"""skel-bytes.py SKEL OBJ: put OBJ's bytes in the skeleton header SKEL.

Debian 12's bpftool (libbpf 1.1) opens only objects of the host's byte
order, so it cannot write the skeleton of a big-endian (s390x) probe.  The
skeleton's code and types depend only on the object's maps, programs and
global data, which are the same in both byte orders: the build makes it from
a little-endian object of the same source, and this swaps in the big-endian
object's bytes (the ELF the skeleton embeds and libbpf opens at run time)."""
import re
import sys


def c_bytes(data):
    lines = []
    for i in range(0, len(data), 32):
        lines.append("".join("\\x%02x" % b for b in data[i:i + 32]) + "\\")
    return "\n".join(lines)


def main(argv):
    if len(argv) != 3:
        sys.stderr.write("usage: skel-bytes.py SKEL OBJ\n")
        return 2
    with open(argv[1]) as f:
        skel = f.read()
    with open(argv[2], "rb") as f:
        obj = f.read()
    pat = re.compile(r'(__elf_bytes\(size_t \*sz\)\n\{\n\t\*sz = )\d+(;\n\treturn \(const void \*\)"\\\n)'
                     r'.*?(";\n\})', re.S)
    new, n = pat.subn(lambda m: m.group(1) + str(len(obj)) + m.group(2) + c_bytes(obj)
                      + "\n" + m.group(3), skel, count=1)
    if n != 1:
        sys.stderr.write("skel-bytes.py: no embedded object in %s (a new bpftool?)\n" % argv[1])
        return 1
    with open(argv[1], "w") as f:
        f.write(new)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
