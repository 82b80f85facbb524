#!/usr/bin/env bats
# 32-bit system calls (int 0x80) from a 64-bit process are not decoded, but
# they must never pass unseen: the ones the filter may select are counted
# and reported on stderr.

load helpers

setup() {
	require_bpf
	[ "$(uname -m)" = x86_64 ] || skip "ia32 system calls exist on x86_64 only"
	SGC=$(unique_copy "$HELPERS/sgcompat" sgc_)
	NAME=$(basename "$SGC")
	OUT="$BATS_TEST_TMPDIR/out"
	F="$BATS_TEST_TMPDIR/made-by-int80"
}

@test "int 0x80 open and write the filter selects are counted and reported" {
	sg_capture "$OUT" -t 2s "proc.name=$NAME and evt.type in (open, write)" --- "$SGC" "$F"
	[ -e "$F" ] || skip "this kernel has no IA32 emulation (the helper's open did nothing)"
	[ "$SG_STATUS" -eq 1 ]
	[ ! -s "$OUT" ]
	grep -Eq '^sysgrep: [1-9][0-9]* 32-bit system calls \(int 0x80, ia32\) the filter may select were seen but not decoded' "$OUT.err"
}

@test "32-bit calls the filter cannot select are not reported" {
	sg_capture "$OUT" -t 2s "proc.name=$NAME and evt.type=getppid" --- "$SGC" "$F"
	[ -e "$F" ] || skip "this kernel has no IA32 emulation (the helper's open did nothing)"
	[ "$SG_STATUS" -eq 1 ]
	! grep -q '32-bit' "$OUT.err"
}

@test "the count respects the pushdown: another process name counts nothing" {
	sg_capture "$OUT" -t 2s "proc.name=nosuchproc_xyz and evt.type in (open, write)" --- "$SGC" "$F"
	[ -e "$F" ] || skip "this kernel has no IA32 emulation (the helper's open did nothing)"
	[ "$SG_STATUS" -eq 1 ]
	! grep -q '32-bit' "$OUT.err"
}

@test "a 32-bit call without a 64-bit namesake (setuid32) is counted for evt.type=setuid" {
	"$SGC" "$F" >/dev/null 2>&1 || true
	[ -e "$F" ] || skip "this kernel has no IA32 emulation (the helper's open did nothing)"
	sg_capture "$OUT" -t 2s "proc.name=$NAME and evt.type=setuid" --- "$SGC" setuid32
	[ "$SG_STATUS" -eq 1 ]
	[ ! -s "$OUT" ]
	grep -Eq '^sysgrep: [1-9][0-9]* 32-bit system calls' "$OUT.err"
}
