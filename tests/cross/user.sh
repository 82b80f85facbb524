#!/usr/bin/env bash
# user.sh DEBARCH BUILD HOSTBIN: the target's binaries under qemu user mode
# (qemu-aarch64 / qemu-s390x, package qemu-user), no kernel of the target:
#   1. every C unit test built for the target (BUILD/tests/test_*)
#   2. -r of each capture (the shared sample captures and the repo's own
#      capture inputs) in every output format, the target's output compared
#      byte for byte with the host binary HOSTBIN's: on s390x this is where
#      the capture reader's and decoder's byte-order bugs show.
# Prints "user: N passed, N failed"; exit 0 when none failed, 77 if it
# cannot run.
set -u
arch=$1 build=$2 hostbin=$3
repo=$(cd "$(dirname "$0")/../.." && pwd)
case $arch in
arm64) qemu=qemu-aarch64 ;;
s390x) qemu=qemu-s390x ;;
*) echo "user.sh: no such target: $arch" >&2; exit 2 ;;
esac
command -v "$qemu" >/dev/null || { echo "user.sh: skip: no $qemu (package qemu-user)" >&2; exit 77; }
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "user: $arch: FAIL: $*" >&2; }

# 1. unit tests, through run-unit.sh as on the host (one wrapper each)
wrap=$(mktemp -d)
trap 'rm -rf "$wrap"' EXIT
set --
for t in "$build"/tests/test_*; do
	[ -x "$t" ] || continue
	w=$wrap/$(basename "$t")
	printf '#!/bin/sh\nexec %s %s "$@"\n' "$qemu" "$(cd "$(dirname "$t")" && pwd)/$(basename "$t")" >"$w"
	chmod +x "$w"
	set -- "$@" "$w"
done
[ $# -gt 0 ] || { echo "user.sh: no unit tests in $build/tests: build them first" >&2; exit 2; }
unit=$(cd "$repo" && tests/run-unit.sh "$@" 2>&1)
echo "$unit" | grep -v '^# ' | sed "s/^/user: $arch: /"
p=$(echo "$unit" | sed -n 's/^unit: \([0-9]*\) passed, \([0-9]*\) failed$/\1/p')
f=$(echo "$unit" | sed -n 's/^unit: \([0-9]*\) passed, \([0-9]*\) failed$/\2/p')
pass=$((pass + ${p:-0})) fail=$((fail + ${f:-1}))

# 2. replay parity with the host
if [ ! -x "$hostbin" ]; then
	echo "user.sh: no host binary $hostbin: replay parity skipped" >&2
else
	caps=
	for d in "$repo/../shared/captures" "$repo/../../shared/captures"; do
		[ -d "$d" ] && { caps=$(ls "$d"/*.scap 2>/dev/null); break; }
	done
	[ -n "$caps" ] || echo "user.sh: no shared/captures beside the repo: only the repo's inputs" >&2
	caps="$caps $(ls "$repo"/tests/capture/regress/* "$repo"/tests/fuzz/seeds/capture/* 2>/dev/null)"
	n=0
	for c in $caps; do
		for args in "-o json" "-o csv" "" "-c" "--count-by evt.type" \
			"-o json -p %evt.num%evt.rawarg%fd.name%proc.args%evt.rawtime"; do
			# shellcheck disable=SC2086
			want=$("$hostbin" -r "$c" $args 2>&1; echo "status $?")
			# shellcheck disable=SC2086
			got=$("$qemu" "$build/sysgrep" -r "$c" $args 2>&1; echo "status $?")
			if [ "$want" = "$got" ]; then
				ok
			else
				bad "-r $(basename "$c") $args differs from the host's:"
				diff <(echo "$want") <(echo "$got") 2>/dev/null | head -n 6 >&2 ||
					{ echo "$want" | head -n 3; echo "---"; echo "$got" | head -n 3; } >&2
			fi
			n=$((n + 1))
		done
	done
	echo "user: $arch: -r parity with the host: $n runs over $(echo $caps | wc -w) captures"
fi
echo "user: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
