#!/usr/bin/env bats
# Inputs the capture reader's fuzzer (make fuzz-capture) once crashed on:
# a 28-byte skip read as a shift count (UB), and a thread slot moved by a
# deletion that kept its pending enter's pointer (double free, glibc aborts).
# Each must be read to its end or refused, with a status of 0, 1 or 2 and
# never a signal; every format walks the events too.

load helpers

REG="$BATS_TEST_DIRNAME/../capture/regress"

@test "capture regressions: each fuzz crash input ends with a status, never a signal" {
	local f n=0
	for f in "$REG"/*.scap; do
		n=$((n + 1))
		for fmt in text json csv; do
			run "$SYSGREP" -r "$f" -o "$fmt"
			echo "$f -o $fmt: status $status"
			[ "$status" -le 2 ]
		done
		run "$SYSGREP" -r "$f" -c --stats
		[ "$status" -le 2 ]
		run "$SYSGREP" -r - -c < "$f"
		[ "$status" -le 2 ]
	done
	[ "$n" -eq 2 ]
}
