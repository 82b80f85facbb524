#!/usr/bin/env python3
# Writes the capture fuzz seeds: small .scap files made here from the format
# (never copies of real captures).  Run from this directory.
import gzip, struct

def block(t, body):
    body += b'\0' * ((4 - len(body) % 4) % 4)
    n = 12 + len(body)
    return struct.pack('<II', t, n) + body + struct.pack('<I', n)

def s16(b):
    return struct.pack('<H', len(b)) + b

def shb(minor=2):
    return block(0x0A0D0D0A, struct.pack('<IHHQ', 0x1A2B3C4D, 1, minor, 0xffffffffffffffff))

def mi():
    return block(0x201, struct.pack('<IQQ128sQQQQ', 2, 1 << 30, 32768, b'seedhost', 0, 0, 0, 0))

def proc(tid, pid, ptid, comm):
    e = struct.pack('<QQQQQ', tid, pid, ptid, pid, pid) + s16(comm) + s16(comm) + s16(b'/usr/bin/' + comm)
    e += s16(b'-x\0') + s16(b'/tmp/') + struct.pack('<QIII', 1024, 0, 1000, 1000)
    e += struct.pack('<IIIQQ', 0, 0, 0, 0, 0) + s16(b'HOME=/\0') + struct.pack('<qq', tid, pid)
    e += s16(b'cpu=/user.slice\0') + s16(b'/') + struct.pack('<IBQQQ', 1000, 0, 0, 0, 0)
    return struct.pack('<I', len(e) + 4) + e

def fdl(tid):
    f = struct.pack('<qQB', 3, 0, 16) + struct.pack('<I', 1) + s16(b'/etc/passwd')
    s = struct.pack('<qQB', 4, 0, 3) + bytes([127, 0, 0, 1, 127, 0, 0, 1]) + struct.pack('<HHB', 40000, 80, 2)
    return block(0x218, struct.pack('<Q', tid) + struct.pack('<I', len(f) + 4) + f + struct.pack('<I', len(s) + 4) + s)

def ul():
    u = b'\0' + struct.pack('<II', 1000, 1000) + s16(b'alice') + s16(b'/home/alice') + s16(b'/bin/sh')
    g = b'\1' + struct.pack('<I', 1000) + s16(b'alice')
    return block(0x220, struct.pack('<I', len(u) + 4) + u + struct.pack('<I', len(g) + 4) + g)

def ev(ts, tid, code, params, cpu=0, v2=True):
    lens = b''.join(struct.pack('<H', len(p)) for p in params)
    data = b''.join(params)
    if v2:
        hdr = struct.pack('<QQIHI', ts, tid, 26 + len(lens) + len(data), code, len(params))
        return block(0x216, struct.pack('<H', cpu) + hdr + lens + data)
    hdr = struct.pack('<QQIH', ts, tid, 22 + len(lens) + len(data), code)
    return block(0x204, struct.pack('<H', cpu) + hdr + lens + data)

def q(v): return struct.pack('<q', v)
def u32(v): return struct.pack('<I', v)

head = shb() + mi() + block(0x215, proc(100, 100, 1, b'cat')) + fdl(100) + ul()
events = (
    ev(1000, 100, 2, [b'/etc/hosts\0', u32(4097), u32(0)]) +
    ev(1001, 100, 3, [q(5), b'/etc/hosts\0', u32(4097), u32(0), u32(0)]) +
    ev(1002, 100, 6, [q(5), u32(16)], v2=False) +
    ev(1003, 100, 7, [q(4), b'127.0.0.1 x\n'[:4]], v2=False) +
    ev(1004, 100, 22, [q(4), bytes([2, 127, 0, 0, 1]) + struct.pack('<H', 80)]) +
    ev(1005, 100, 23, [q(0), bytes([2, 127, 0, 0, 1]) + struct.pack('<H', 40000) + bytes([127, 0, 0, 1]) + struct.pack('<H', 80)]) +
    ev(1006, 100, 161, [q(0), u32(0), u32(0), u32(0), struct.pack('<Q', 0), struct.pack('<Q', 4096), u32(3), u32(10), q(-1), struct.pack('<Q', 0)]) +
    ev(1007, 100, 186, [q(0), q(0), b'\0', b'\0', q(0)])
)
open('basic.scap', 'wb').write(head + events)
open('basic.scap.gz', 'wb').write(gzip.compress(head + events))
open('v10.scap', 'wb').write(shb(0) + events)
open('cut.scap', 'wb').write((head + events)[:-30])
