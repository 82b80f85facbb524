#!/usr/bin/env bash
# Run the C unit test binaries given as arguments; print their TAP and a total.
set -u
pass=0 fail=0
for t in "$@"; do
	out=$("$t" 2>&1); rc=$?
	printf '%s\n' "$out" | grep -E '^(not )?ok ' | grep '^not ok' | sed "s|^|$(basename "$t"): |"
	p=$(printf '%s\n' "$out" | grep -c '^ok ')
	f=$(printf '%s\n' "$out" | grep -c '^not ok ')
	# a crash or a non-zero exit with no failing line still counts as a failure
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; echo "$(basename "$t"): exited $rc"; printf '%s\n' "$out" | tail -5; fi
	echo "# $(basename "$t"): $p passed, $f failed"
	pass=$((pass + p)) fail=$((fail + f))
done
echo "unit: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
