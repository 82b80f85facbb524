#!/bin/sh
# kernel.sh DEBARCH ROOT: unpack the /boot of Debian's current kernel package
# for DEBARCH (linux-image-DEBARCH's dependency) into ROOT/DEBARCH, with
# apt's own client.  The package is only unpacked, never installed: its
# dependencies (initramfs-tools, udev) and hooks have no business on the
# build host, and qemu needs nothing but the image.
set -eu
arch=$1 root=$2
pkg=$(apt-cache depends "linux-image-$arch:$arch" 2>/dev/null \
	| awk '$1 == "Depends:" && $2 ~ /^linux-image-[0-9]/ { sub(":.*", "", $2); print $2; exit }')
[ -n "$pkg" ] || {
	echo "sysgrep: cross-kernel: apt knows no linux-image-$arch:$arch:" \
		"run 'dpkg --add-architecture $arch && apt-get update'" >&2
	exit 1
}
if ls "$root/$arch/boot/vmlinuz-"*"-$arch" >/dev/null 2>&1 &&
	[ -e "$root/$arch/boot/config-${pkg#linux-image-}" ]; then
	exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# _apt drops privileges to write the file: give it a directory it may write
chmod 0777 "$tmp"
(cd "$tmp" && apt-get download -q "$pkg:$arch" >/dev/null)
rm -rf "$root/$arch.new" && mkdir -p "$root/$arch.new"
dpkg-deb --fsys-tarfile "$tmp"/*.deb | tar -x -C "$root/$arch.new" --wildcards './boot/*'
rm -rf "$root/$arch" && mv "$root/$arch.new" "$root/$arch"
echo "sysgrep: cross-kernel: $(ls "$root/$arch/boot/"vmlinuz-*) from $pkg"
