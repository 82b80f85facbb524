#!/usr/bin/env bats
# Exact accounting at every stop: the probe is detached first, the ring is
# drained, and only then are the totals printed.  Each test checks against
# the workload's own count: sgrely storm makes open(2) calls (SYS_open, which
# nothing else in it makes, so 'evt.type=open and proc.name=NAME' selects
# exactly them) and prints how many succeeded.  The probe counts apart the
# lost records the filter may select (lost_match), so with a loss the
# equation is still exact: printed + lost_match = made.

load helpers

setup() {
	require_bpf
	SGR=$(unique_copy "$HELPERS/sgrely" sga_)
	NAME=$(basename "$SGR")
	T="$BATS_TEST_TMPDIR/target"
	: > "$T"
	OUT="$BATS_TEST_TMPDIR/out"
	FILTER="evt.type=open and proc.name=$NAME and fd.name=$T"
}

teardown() {
	[ -z "${BG:-}" ] || { kill "$BG" 2>/dev/null || true; wait "$BG" 2>/dev/null || true; }
}

# run_then_signal SIGNAL N SYSGREP-ARGS...: start sysgrep, wait until it is
# attached, do N opens of $T, send SIGNAL at once; sets MADE and SG_STATUS.
run_then_signal() {
	local sig=$1 n=$2
	shift 2
	"$SYSGREP" "$@" >"$OUT" 2>"$OUT.err" &
	local sg=$!
	sg_wait_attached "$sg"
	MADE=$("$SGR" storm 1 "$n" "$T")
	kill -"$sig" "$sg"
	SG_STATUS=0
	wait "$sg" || SG_STATUS=$?
}

# the first stats line's and the second's numbers (text --stats)
stat_of() { # WORD: the number before " WORD" on the stats lines
	sed -n "s/^sysgrep: stats: .*[ ,;]\([0-9][0-9]*\) $1.*/\1/p" "$OUT.err" | head -n 1
}
lost_match_of() {
	sed -n 's/^sysgrep: stats: of the lost, \([0-9]*\) of calls the filter selects.*/\1/p' "$OUT.err"
}
stats_json() { grep '^{"stats"' "$OUT.err"; }

# every record read is accounted for, and every match
balanced() {
	local s=$1
	[ "$(jq '.stats.emitted == .stats.read and .stats.unread == 0' <<<"$s")" = true ]
	[ "$(jq '.stats.read == .stats.events + .stats.skipped + .stats.proc_records + .stats.malformed' <<<"$s")" = true ]
	[ "$(jq '.stats.matched == .stats.printed + .stats.no_field' <<<"$s")" = true ]
	[ "$(jq '([.stats.cpus[].emitted] | add) == .stats.emitted' <<<"$s")" = true ]
	[ "$(jq '([.stats.cpus[].read] | add) == .stats.read' <<<"$s")" = true ]
	[ "$(jq '([.stats.cpus[].lost] | add) == .stats.lost' <<<"$s")" = true ]
	[ "$(jq '([.stats.cpus[].lost_match] | add) == .stats.lost_match' <<<"$s")" = true ]
	[ "$(jq '.stats.lost_match <= .stats.lost' <<<"$s")" = true ]
}

@test "SIGINT right after 200,000 opens: -c counts every one, or the loss says how many" {
	run_then_signal INT 200000 -c --stats "$FILTER"
	[ "$SG_STATUS" -eq 0 ]
	[ "$MADE" -eq 200000 ]
	count=$(cat "$OUT")
	lm=$(lost_match_of)
	echo "count $count lost_match $lm" >&3
	[ $((count + lm)) -eq "$MADE" ]
	[ "$lm" -eq 0 ] || grep -q 'events lost in the kernel buffer .* of them of calls the filter selects' "$OUT.err"
}

@test "SIGTERM right after 200,000 opens: every one is printed as text" {
	run_then_signal TERM 200000 --stats "$FILTER"
	[ "$SG_STATUS" -eq 0 ]
	lines=$(wc -l <"$OUT")
	lm=$(lost_match_of)
	[ $((lines + lm)) -eq "$MADE" ]
	[ "$(stat_of printed)" -eq "$lines" ]
}

@test "SIGHUP right after 100,000 opens: every one is a JSON line; stats in JSON add up" {
	run_then_signal HUP 100000 -o json -p '%evt.num %evt.type %fd.name' --stats "$FILTER"
	[ "$SG_STATUS" -eq 0 ]
	lines=$(jq -c 'select(."evt.type" == "open")' "$OUT" | wc -l)
	s=$(stats_json)
	balanced "$s"
	[ "$(jq '.stats.printed' <<<"$s")" -eq "$lines" ]
	[ "$(wc -l <"$OUT")" -eq "$lines" ]
	[ $((lines + $(jq '.stats.lost_match' <<<"$s"))) -eq "$MADE" ]
}

@test "-t ends while a workload runs: what was sent before the stop is all read" {
	"$SGR" storm 1 100000000 "$T" >/dev/null &
	BG=$!
	"$SYSGREP" -c -t 1s -o json --stats "$FILTER" >"$OUT" 2>"$OUT.err" || true
	s=$(stats_json)
	balanced "$s"
	count=$(jq '.count' "$OUT")
	[ "$(jq '.stats.matched' <<<"$s")" -eq "$count" ]
	[ "$count" -gt 0 ]
}

@test "-n 1000 during a fast loop prints exactly 1000; the rest is read and counted as skipped" {
	"$SGR" storm 1 100000000 "$T" >/dev/null &
	BG=$!
	"$SYSGREP" -n 1000 -o json -p '%evt.num %fd.name' --stats "$FILTER" >"$OUT" 2>"$OUT.err" || true
	[ "$(wc -l <"$OUT")" -eq 1000 ]
	s=$(stats_json)
	balanced "$s"
	[ "$(jq '.stats.matched' <<<"$s")" -eq 1000 ]
	[ "$(jq '.stats.printed' <<<"$s")" -eq 1000 ]
}

@test "lines printed = matches processed: a -p format skips the matches it has no field for, and says so" {
	# every open has a name, no close has: one of each per iteration (the
	# dynamic loader's closes are of other files)
	run_then_signal INT 20000 -o json -p '%evt.type %evt.arg.name' --stats \
		"evt.type in (open, close) and proc.name=$NAME and fd.name=$T"
	[ "$SG_STATUS" -eq 0 ]
	s=$(stats_json)
	balanced "$s"
	lines=$(wc -l <"$OUT")
	[ "$(jq -c 'select(."evt.type" == "open")' "$OUT" | wc -l)" -eq "$lines" ]
	[ "$(jq '.stats.printed' <<<"$s")" -eq "$lines" ]
	lm=$(jq '.stats.lost_match' <<<"$s")
	nf=$(jq '.stats.no_field' <<<"$s")
	echo "printed $lines no_field $nf lost_match $lm" >&3
	# the helper's closes are the same in number as its opens
	[ $((lines + nf + lm)) -eq $((2 * MADE)) ]
	[ "$nf" -gt 0 ]
}

@test "a closed pipe (| head) ends the run quietly: status 0, the ring drained, the rest counted as skipped" {
	"$SGR" storm 1 100000000 "$T" >/dev/null &
	BG=$!
	set +e
	"$SYSGREP" --stats -o json -p '%evt.num %fd.name' "$FILTER" 2>"$OUT.err" | head -n 5 >"$OUT"
	local st=("${PIPESTATUS[@]}")
	set -e
	cat "$OUT.err" >&3
	[ "${st[0]}" -eq 0 ]
	[ "$(wc -l <"$OUT")" -eq 5 ]
	! grep -q 'cannot write' "$OUT.err"
	s=$(stats_json)
	balanced "$s"
	[ "$(jq '.stats.printed >= 5' <<<"$s")" = true ]
}

@test "lost events are reported on stderr with what helps, without --stats" {
	# a 64 KiB ring and JSON of every open: the consumer falls behind
	run_then_signal INT 200000 -o json --buffer-size 64K "$FILTER"
	lines=$(wc -l <"$OUT")
	if [ "$lines" -lt "$MADE" ]; then
		grep -Eq '^sysgrep: [0-9]+ events lost in the kernel buffer .*, [0-9]+ of them of calls the filter selects: .*--buffer-size' "$OUT.err"
		n=$(sed -n 's/.*, \([0-9]*\) of them of calls the filter selects.*/\1/p' "$OUT.err")
		[ $((lines + n)) -eq "$MADE" ]
	else
		skip "the consumer kept up with a 64 KiB ring here: nothing was lost"
	fi
}

# RSS of PID in kB
rss_of() { sed -n 's/^VmRSS:[[:space:]]*\([0-9]*\) kB/\1/p' "/proc/$1/status"; }

@test "storm: both CPUs call as fast as they can, everything printed to /dev/null: sysgrep keeps up or counts, memory stays bounded" {
	local n=1000000
	"$SYSGREP" --stats -o json --buffer-size 1M "evt.type=getppid and proc.name=$NAME" \
		>/dev/null 2>"$OUT.err" &
	local sg=$!
	sg_wait_attached "$sg"
	local rss0 max=0 r
	rss0=$(rss_of "$sg")
	"$SGR" storm 2 "$n" >"$OUT.made" &
	local w=$!
	while kill -0 "$w" 2>/dev/null; do
		r=$(rss_of "$sg")
		[ "${r:-0}" -le "$max" ] || max=$r
		sleep 0.2
	done
	wait "$w"
	kill -0 "$sg" # still running
	r=$(rss_of "$sg")
	kill -INT "$sg"
	local st=0
	wait "$sg" || st=$?
	[ "$st" -eq 0 ]
	s=$(stats_json)
	balanced "$s"
	made=$(cat "$OUT.made")
	printed=$(jq '.stats.printed' <<<"$s")
	lm=$(jq '.stats.lost_match' <<<"$s")
	echo "made $made printed $printed lost_match $lm; RSS kB start $rss0 max $max end $r" >&3
	[ "$made" -eq $((2 * n)) ]
	[ $((printed + lm)) -eq "$made" ]
	# the ring, the batch and the arena are fixed: what grows is a leak
	[ "$max" -le $((rss0 + 32768)) ]
}
