#!/bin/sh
# boot.sh DEBARCH BUILD: boot Debian's kernel for DEBARCH (arm64, s390x)
# under qemu with an initramfs of BUILD/sysgrep and BUILD/tests/sginit, and
# check on the host what sysgrep printed there (tests/cross/sginit.c runs the
# cases and frames the output).  The console log stays in BUILD/boot.log.
#   SG_KERNEL=path       the kernel image (default: mk/cross.mk's search)
#   SG_BOOT_TIMEOUT=600  seconds before the boot counts as hung
# Exit 0 when every check passed, 1 when one failed, 77 when it cannot run.
set -u
arch=$1 build=$2
here=$(cd "$(dirname "$0")" && pwd)
timeout_s=${SG_BOOT_TIMEOUT:-600}
root=${SG_KROOT:-/var/cache/sysgrep-cross}

skip() { echo "boot.sh: skip: $*" >&2; exit 77; }
case $arch in
arm64)
	qemu=qemu-system-aarch64 triplet=aarch64-linux-gnu
	machine="-M virt -cpu cortex-a57" console=ttyAMA0 ;;
s390x)
	qemu=qemu-system-s390x triplet=s390x-linux-gnu
	machine="-M s390-ccw-virtio -cpu max" console=ttysclp0 ;;
*) echo "boot.sh: no such target: $arch" >&2; exit 2 ;;
esac
command -v "$qemu" >/dev/null || skip "no $qemu (package qemu-system-arm / qemu-system-misc)"
command -v jq >/dev/null || skip "no jq"
kernel=${SG_KERNEL:-$(ls /boot/vmlinuz-*-"$arch" "$root/$arch"/boot/vmlinuz-*-"$arch" 2>/dev/null | sort -V | tail -n 1)}
[ -n "$kernel" ] || skip "no Debian kernel for $arch: make cross-kernel ARCH=$arch"
[ -x "$build/sysgrep" ] && [ -x "$build/tests/sginit" ] || { echo "boot.sh: build $build first" >&2; exit 2; }

# stripped copies: a smaller initramfs unpacks faster in the emulator
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
strip=$triplet-strip
command -v "$strip" >/dev/null || strip=true
cp "$build/sysgrep" "$tmp/sysgrep" && cp "$build/tests/sginit" "$tmp/sginit"
"$strip" "$tmp/sysgrep" "$tmp/sginit" 2>/dev/null || true
python3 "$here/mkcpio.py" "$tmp/initrd" init="$tmp/sginit" bin/sgwork="$tmp/sginit" \
	bin/sysgrep="$tmp/sysgrep" || exit 2

log=$build/boot.log
start=$(date +%s)
# shellcheck disable=SC2086
timeout "$timeout_s" "$qemu" $machine -m 1024 -smp 1 -nographic -no-reboot -nic none \
	-kernel "$kernel" -initrd "$tmp/initrd" \
	-append "console=$console panic=-1 loglevel=3 rdinit=/init ${SG_BOOT_ARGS:-}" </dev/null >"$log" 2>&1
rc=$?
secs=$(( $(date +%s) - start ))
tr -d '\r' <"$log" >"$log.tmp" && mv "$log.tmp" "$log"
echo "boot.sh: $arch: $(basename "$kernel") booted and ran the cases in ${secs}s (qemu status $rc)"
grep -q '^SGDONE' "$log" || {
	echo "boot.sh: $arch: the cases did not finish (timeout ${timeout_s}s?): $log" >&2
	tail -n 30 "$log" >&2
	exit 1
}
[ -z "${SG_BOOT_ARGS:-}" ] || { grep "^SG" "$log"; exit 0; }
SG_LOG=$log "$here/check.sh"
