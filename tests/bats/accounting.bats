#!/usr/bin/env bats
# Exact accounting at every stop: the probe is detached first, the ring is
# drained, and only then are the totals printed.  Each test checks against
# the workload's own count (the helper prints how many opens succeeded).

load helpers

setup() {
	require_bpf
	SGT=$(unique_copy "$HELPERS/sgtest" sga_)
	NAME=$(basename "$SGT")
	T="$BATS_TEST_TMPDIR/target"
	: > "$T"
	OUT="$BATS_TEST_TMPDIR/out"
	FILTER="evt.type=openat and proc.name=$NAME and fd.name=$T"
}

# run_then_signal SIGNAL N SYSGREP-ARGS...: start sysgrep, wait until it is
# attached, do N opens of $T, send SIGNAL at once; sets MADE and SG_STATUS.
run_then_signal() {
	local sig=$1 n=$2
	shift 2
	"$SYSGREP" "$@" >"$OUT" 2>"$OUT.err" &
	local sg=$!
	sg_wait_attached "$sg"
	MADE=$("$SGT" opens "$n" "$T")
	kill -"$sig" "$sg"
	SG_STATUS=0
	wait "$sg" || SG_STATUS=$?
}

lost_of() { # the kernel-buffer losses --stats reported (0 when none)
	sed -n 's/^sysgrep: stats: .* \([0-9]*\) lost, .*/\1/p' "$OUT.err" | head -n 1
}

@test "SIGINT right after 200,000 opens: -c counts every one" {
	run_then_signal INT 200000 -c --stats "$FILTER"
	[ "$SG_STATUS" -eq 0 ]
	[ "$MADE" -eq 200000 ]
	lost=$(lost_of)
	count=$(cat "$OUT")
	echo "count $count lost $lost" >&3
	# a loss is never silent, and only a loss makes the count smaller
	[ "$lost" -eq 0 ] && [ "$count" -eq "$MADE" ] || {
		[ "$count" -lt "$MADE" ] && [ $((count + lost)) -ge "$MADE" ] && grep -q 'events lost' "$OUT.err"
	}
}

@test "SIGTERM right after 200,000 opens: every one is printed as text" {
	run_then_signal TERM 200000 --stats "$FILTER"
	[ "$SG_STATUS" -eq 0 ]
	lines=$(wc -l <"$OUT")
	lost=$(lost_of)
	[ "$lost" -eq 0 ] && [ "$lines" -eq "$MADE" ] || {
		[ $((lines + lost)) -ge "$MADE" ] && grep -q 'events lost' "$OUT.err"
	}
}

@test "SIGHUP right after 100,000 opens: every one is a JSON line; stats in JSON add up" {
	run_then_signal HUP 100000 -o json --stats "$FILTER"
	[ "$SG_STATUS" -eq 0 ]
	lines=$(jq -c 'select(."evt.type" == "openat")' "$OUT" | wc -l)
	stats=$(grep '^{"stats"' "$OUT.err")
	lost=$(jq '.stats.lost' <<<"$stats")
	[ "$lost" -eq 0 ] && [ "$lines" -eq "$MADE" ] || [ $((lines + lost)) -ge "$MADE" ]
	# everything the probe sent was read, and the per-CPU rows sum to the totals
	[ "$(jq '.stats.emitted == .stats.read and .stats.unread == 0' <<<"$stats")" = true ]
	[ "$(jq '([.stats.cpus[].emitted] | add) == .stats.emitted' <<<"$stats")" = true ]
	[ "$(jq '([.stats.cpus[].read] | add) == .stats.read' <<<"$stats")" = true ]
	[ "$(jq '.stats.matched' <<<"$stats")" -eq "$lines" ]
}

@test "-t ends while a workload runs: what was sent before the stop is all read" {
	"$SGT" -l -d 0 opens 1000 "$T" >/dev/null &
	local w=$!
	"$SYSGREP" -c -t 1s -o json --stats "$FILTER" >"$OUT" 2>"$OUT.err" || true
	kill "$w"; wait "$w" 2>/dev/null || true
	stats=$(grep '^{"stats"' "$OUT.err")
	[ "$(jq '.stats.emitted == .stats.read and .stats.unread == 0' <<<"$stats")" = true ]
	count=$(jq '.count' "$OUT")
	[ "$(jq '.stats.matched' <<<"$stats")" -eq "$count" ]
	[ "$count" -gt 0 ]
}

@test "-n 1000 during a fast loop prints exactly 1000; the rest is read and counted as skipped" {
	"$SGT" -l -d 0 opens 1000 "$T" >/dev/null &
	local w=$!
	"$SYSGREP" -n 1000 -o json --stats "$FILTER" >"$OUT" 2>"$OUT.err" || true
	kill "$w"; wait "$w" 2>/dev/null || true
	[ "$(wc -l <"$OUT")" -eq 1000 ]
	stats=$(grep '^{"stats"' "$OUT.err")
	[ "$(jq '.stats.matched' <<<"$stats")" -eq 1000 ]
	[ "$(jq '.stats.emitted == .stats.read' <<<"$stats")" = true ]
}

@test "lost events are reported on stderr with what helps, without --stats" {
	# a 4 KiB-page-sized ring and JSON of every open: the consumer falls behind
	run_then_signal INT 200000 -o json --buffer-size 64K "$FILTER"
	lines=$(wc -l <"$OUT")
	if [ "$lines" -lt "$MADE" ]; then
		grep -Eq '^sysgrep: [0-9]+ events lost in the kernel buffer .*--buffer-size' "$OUT.err"
	else
		skip "the consumer kept up with a 64 KiB ring here: nothing was lost"
	fi
}
