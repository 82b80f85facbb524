#!/usr/bin/env bats
# Cross builds (mk/cross.mk): arm64 built and booted for real under
# qemu-system-aarch64 with Debian's arm64 kernel, its live events checked on
# the host (tests/cross/check.sh); s390x built, big endian, static.  Slow:
# each cross build takes minutes on two CPUs, the boot about two.  Skips
# with the reason when the cross toolchain, qemu or the kernel is missing.

load helpers

REPO="$BATS_TEST_DIRNAME/../.."

need_cross() {
	command -v "$1-linux-gnu-gcc" >/dev/null || skip "no $1-linux-gnu-gcc (gcc-$1-linux-gnu)"
}

@test "cross: make ARCH=arm64 builds a static aarch64 sysgrep with a little-endian probe" {
	need_cross aarch64
	[ -e /usr/lib/aarch64-linux-gnu/libbpf.a ] || skip "no libbpf-dev:arm64"
	compgen -G '/var/cache/sysgrep-cross/arm64/boot/vmlinuz-*' >/dev/null ||
		compgen -G '/boot/vmlinuz-*-arm64' >/dev/null ||
		skip "no Debian arm64 kernel: make cross-kernel ARCH=arm64"
	run make -C "$REPO" -j2 --no-print-directory ARCH=arm64 build-arm64/sysgrep build-arm64/tests/sginit
	echo "$output" | tail -n 20
	[ "$status" -eq 0 ]
	run file "$REPO/build-arm64/sysgrep"
	[[ "$output" == *"ARM aarch64"*"statically linked"* ]]
	run file "$REPO/build-arm64/sysgrep.bpf.o"
	[[ "$output" == *"LSB"*"eBPF"* ]]
	# arm64 has no open or stat: the table holds only what the headers have
	! grep -q '^SG_NR(open, ' "$REPO/build-arm64/syscall_nrs.h"
	grep -q '^SG_NR(openat, 56)$' "$REPO/build-arm64/syscall_nrs.h"
	[ ! -s "$REPO/build-arm64/syscall_nrs_compat.h" ]
}

@test "cross: arm64 under qemu: execve, openat, connect and a JSON record from the live probe" {
	command -v qemu-system-aarch64 >/dev/null || skip "no qemu-system-aarch64 (qemu-system-arm)"
	[ -x "$REPO/build-arm64/sysgrep" ] || skip "no arm64 build (the test above)"
	run "$REPO/tests/cross/boot.sh" arm64 "$REPO/build-arm64"
	echo "$output"
	[ "$status" -ne 77 ] || skip "$(echo "$output" | tail -n 1)"
	[ "$status" -eq 0 ]
	[[ "$output" == *"check: 0 failed"* ]]
	[ "$(echo "$output" | grep -c '^ok: ')" -eq 5 ]
}

@test "cross: make ARCH=s390x builds a static big-endian sysgrep with a bpfeb probe" {
	need_cross s390x
	[ -e /usr/lib/s390x-linux-gnu/libbpf.a ] || [ -e /var/cache/sysgrep-cross/s390x-libs/.done ] ||
		skip "no s390x libraries: make cross-kernel ARCH=s390x"
	[ -r /sys/kernel/btf/vmlinux ] || skip "no host BTF to build the s390x types from"
	run make -C "$REPO" -j2 --no-print-directory ARCH=s390x build-s390x/sysgrep
	echo "$output" | tail -n 20
	[ "$status" -eq 0 ]
	run file "$REPO/build-s390x/sysgrep"
	[[ "$output" == *"MSB"*"S/390"*"statically linked"* ]]
	run file "$REPO/build-s390x/sysgrep.bpf.o"
	[[ "$output" == *"MSB"*"eBPF"* ]]
	# the skeleton embeds the big-endian object, not its bpfel twin
	grep -q 'x7f\\x45\\x4c\\x46\\x02\\x02' "$REPO/build-s390x/sysgrep.skel.h"
	command -v qemu-s390x >/dev/null || skip "no qemu-s390x (qemu-user) to run it"
	run qemu-s390x "$REPO/build-s390x/sysgrep" --version
	[ "$status" -eq 0 ]
}
