#!/usr/bin/env python3
"""Write the BTF of a kernel image (Debian's /boot/vmlinuz-*) to a file.

A cross build has no /sys/kernel/btf/vmlinux of its target, but the kernel
package of that target carries the same bytes: vmlinux's .BTF section is in
the image, plain (arm64's Image) or inside the image's compressed payload
(gzip, xz, zstd...: s390's).  The section starts with the BTF header; its
lengths say where it ends, and both byte orders are looked for (s390x is big
endian).  Usage: kernel-btf.py VMLINUZ OUT
"""
import gzip
import lzma
import struct
import sys
import zlib

MAGIC = 0xEB9F
HDR_LEN = 24


def find_btf(data):
    """The first well-formed BTF blob in data, or None."""
    for order in ("<", ">"):
        needle = struct.pack(order + "HBB", MAGIC, 1, 0)
        at = data.find(needle)
        while at >= 0:
            if at + HDR_LEN <= len(data):
                hdr_len, type_off, type_len, str_off, str_len = struct.unpack_from(
                    order + "IIIII", data, at + 4)
                end = at + HDR_LEN + str_off + str_len
                if (hdr_len == HDR_LEN and type_off == 0 and str_off == type_len
                        and type_len > 0 and str_len > 0 and end <= len(data)
                        and data[end - 1] == 0):
                    return data[at:end]
            at = data.find(needle, at + 1)
    return None


def payloads(data):
    """The image itself, then every stream it holds that decompresses."""
    yield data
    for magic, unpack in ((b"\x1f\x8b\x08", gzip_stream), (b"\xfd7zXZ\x00", xz_stream)):
        at = data.find(magic)
        while at >= 0:
            out = unpack(data[at:])
            if out:
                yield out
            at = data.find(magic, at + 1)


def gzip_stream(data):
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(data)
    except zlib.error:
        return None


def xz_stream(data):
    # a kernel's xz payload may be followed by other bytes: read what decodes
    dec = lzma.LZMADecompressor(format=lzma.FORMAT_XZ)
    out = []
    try:
        for i in range(0, len(data), 1 << 16):
            out.append(dec.decompress(data[i:i + (1 << 16)]))
            if dec.eof:
                break
    except lzma.LZMAError:
        pass
    return b"".join(out) or None


def main(argv):
    if len(argv) != 3:
        sys.stderr.write("usage: kernel-btf.py VMLINUZ OUT\n")
        return 2
    with open(argv[1], "rb") as f:
        image = f.read()
    for data in payloads(image):
        btf = find_btf(data)
        if btf:
            with open(argv[2], "wb") as f:
                f.write(btf)
            return 0
    sys.stderr.write("sysgrep: build: no BTF in %s (a kernel built without "
                     "CONFIG_DEBUG_INFO_BTF): put a vmlinux.h at bpf/vmlinux/ARCH.h\n" % argv[1])
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
