#!/usr/bin/env python3
"""mkcpio.py OUT NAME=FILE...: a newc initramfs of the given files (0755),
with their directories; NAME is the path inside (init, bin/sysgrep).  The
host needs no cpio; the kernel unpacks it uncompressed."""
import os
import sys


def entry(out, ino, name, mode, data=b""):
    name_b = name.encode() + b"\0"
    fields = (ino, mode, 0, 0, 1, 0, len(data), 0, 0, 0, 0, len(name_b), 0)
    out.write(b"070701" + b"".join(b"%08X" % f for f in fields))
    out.write(name_b + b"\0" * ((4 - (110 + len(name_b)) % 4) % 4))
    out.write(data + b"\0" * ((4 - len(data) % 4) % 4))


def main(argv):
    if len(argv) < 3:
        sys.stderr.write("usage: mkcpio.py OUT NAME=FILE...\n")
        return 2
    files = [a.split("=", 1) for a in argv[2:]]
    dirs = sorted({os.path.dirname(n) for n, _ in files} - {""})
    with open(argv[1], "wb") as out:
        ino = 1
        for d in dirs:
            entry(out, ino, d, 0o040755)
            ino += 1
        for name, path in files:
            with open(path, "rb") as f:
                entry(out, ino, name, 0o100755, f.read())
            ino += 1
        entry(out, 0, "TRAILER!!!", 0)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
