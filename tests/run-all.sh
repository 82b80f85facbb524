#!/usr/bin/env bash
# Every test: the C unit tests (no root), then the bats tests (the root/BPF
# ones skip with a reason where they cannot run).  Last line: the total.
set -u
cd "$(dirname "$0")/.."
export BUILD=${BUILD:-build}
upass=0 ufail=0
unit_out=$(tests/run-unit.sh "$@")
printf '%s\n' "$unit_out" | grep -v '^unit:'
read -r upass ufail < <(printf '%s\n' "$unit_out" | sed -n 's/^unit: \([0-9]*\) passed, \([0-9]*\) failed$/\1 \2/p')
upass=${upass:-0} ufail=${ufail:-1}

bats_out=$(SYSGREP="${SYSGREP:-$PWD/sysgrep}" HELPERS="$PWD/$BUILD/tests" bats --tap tests/bats 2>&1)
printf '%s\n' "$bats_out"
bskip=$(printf '%s\n' "$bats_out" | grep -c '^ok .* # skip')
bpass=$(( $(printf '%s\n' "$bats_out" | grep -c '^ok ') - bskip ))
bfail=$(printf '%s\n' "$bats_out" | grep -c '^not ok ')
echo "bats: $bpass passed, $bfail failed, $bskip skipped"

pass=$((upass + bpass)) fail=$((ufail + bfail))
echo "$pass passed, $fail failed, $bskip skipped"
[ "$fail" -eq 0 ]
