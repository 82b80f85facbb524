#!/bin/sh
# libs.sh DEBARCH ROOT: unpack the static libraries sysgrep links (the :DEBARCH
# -dev packages of libbpf, libelf, zlib, zstd, PCRE2, libyaml, jansson, c-ares) into
# ROOT/DEBARCH-libs, with apt's own client, for a host that cannot install
# them beside its own (Multi-Arch wants the same version of each, and a
# mirror may lag for one architecture).  The headers are the host's: the
# same versions, and none of them differs by architecture.
set -eu
arch=$1 root=$2
dest=$root/$arch-libs
pkgs="libbpf-dev libelf-dev zlib1g-dev libzstd-dev libpcre2-dev libyaml-dev libjansson-dev libc-ares-dev"
[ -e "$dest/.done" ] && exit 0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
chmod 0777 "$tmp"
set --
for p in $pkgs; do set -- "$@" "$p:$arch"; done
(cd "$tmp" && apt-get download -q "$@" >/dev/null) || {
	echo "sysgrep: cross-libs: apt-get download $* failed: run" \
		"'dpkg --add-architecture $arch && apt-get update'" >&2
	exit 1
}
rm -rf "$dest" && mkdir -p "$dest"
for d in "$tmp"/*.deb; do
	dpkg-deb --fsys-tarfile "$d" | tar -x -C "$dest" --wildcards './usr/lib/*.a'
done
touch "$dest/.done"
echo "sysgrep: cross-libs: $(ls "$dest"/usr/lib/*/ | tr '\n' ' ')in $dest"
