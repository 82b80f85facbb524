#!/usr/bin/env bats
# The long soak (`make soak`, not part of `make test`): SG_SOAK_SECONDS
# (600) of moderate load (rounds of 2,000 opens and 10 fork/exec/exit
# children, 5 rounds a second at most) under two sysgrep instances, one
# printing every open as JSON to /dev/null, one counting them with state
# kept.  Both see every call exactly; their RSS and open fds stay flat (a
# sample every 10 s, printed) and the state tables end where they began.

load ../bats/helpers

setup() {
	require_bpf
	SGR=$(unique_copy "$HELPERS/sgrely" sgk_)
	NAME=$(basename "$SGR")
	T="$BATS_TEST_TMPDIR/target"
	: >"$T"
	OUT="$BATS_TEST_TMPDIR/out"
}

teardown() {
	local p
	for p in ${P1:-} ${P2:-}; do kill "$p" 2>/dev/null || true; done
	wait 2>/dev/null || true
}

rss_of() { sed -n 's/^VmRSS:[[:space:]]*\([0-9]*\) kB/\1/p' "/proc/$1/status"; }
fds_of() { ls /proc/"$1"/fd | wc -l; }

@test "soak: moderate load for SG_SOAK_SECONDS: exact counts, flat RSS and fds, tables back at their start" {
	local secs=${SG_SOAK_SECONDS:-600}
	local f="evt.type=open and proc.name=$NAME and fd.name=$T"
	"$SYSGREP" --stats -o json "$f" >/dev/null 2>"$OUT.1.err" &
	P1=$!
	# -c with fd.name: counted in user space, the state kept
	"$SYSGREP" --stats -o json -c "$f" >"$OUT.2" 2>"$OUT.2.err" &
	P2=$!
	sg_wait_attached "$P1"
	sg_wait_attached "$P2"
	sleep 1 # the /proc scan after attaching holds fds of its own
	local r1 f1 r2 f2 t0=$SECONDS next=$SECONDS made=0 m
	local rss1_0 fds1_0 rss2_0 fds2_0 rss1_1m=0 rss2_1m=0
	rss1_0=$(rss_of "$P1") fds1_0=$(fds_of "$P1")
	rss2_0=$(rss_of "$P2") fds2_0=$(fds_of "$P2")
	while [ $((SECONDS - t0)) -lt "$secs" ]; do
		m=$("$SGR" storm 1 2000 "$T")
		made=$((made + m))
		"$SGR" forkexec 1 10 >/dev/null
		sleep 0.2
		if [ "$SECONDS" -ge "$next" ]; then
			r1=$(rss_of "$P1") f1=$(fds_of "$P1") r2=$(rss_of "$P2") f2=$(fds_of "$P2")
			echo "$((SECONDS - t0)) s: $made opens; RSS kB/fds: json $r1/$f1, count $r2/$f2" >&3
			[ "$((SECONDS - t0))" -lt 60 ] || [ "$rss1_1m" -ne 0 ] || { rss1_1m=$r1; rss2_1m=$r2; }
			next=$((next + 10))
		fi
	done
	sleep 0.5
	r1=$(rss_of "$P1") f1=$(fds_of "$P1") r2=$(rss_of "$P2") f2=$(fds_of "$P2")
	kill -INT "$P1" "$P2"
	local st1=0 st2=0
	wait "$P1" || st1=$?
	wait "$P2" || st2=$?
	P1= P2=
	echo "start RSS kB/fds: json $rss1_0/$fds1_0, count $rss2_0/$fds2_0; end: json $r1/$f1, count $r2/$f2" >&3
	[ "$st1" -eq 0 ]
	[ "$st2" -eq 0 ]
	local s1 s2
	s1=$(grep '^{"stats"' "$OUT.1.err")
	s2=$(grep '^{"stats"' "$OUT.2.err")
	echo "json: $(jq -c '.stats | {printed, lost, lost_match, state}' <<<"$s1")" >&3
	echo "count: $(jq -c '.count' "$OUT.2") $(jq -c '.stats | {lost, lost_match, state}' <<<"$s2")" >&3
	[ $(($(jq .stats.printed <<<"$s1") + $(jq .stats.lost_match <<<"$s1"))) -eq "$made" ]
	[ $(($(jq .count "$OUT.2") + $(jq .stats.lost_match <<<"$s2"))) -eq "$made" ]
	# flat: no fd more, no more than 8 MiB of RSS after the first minute
	[ "$f1" -eq "$fds1_0" ]
	[ "$f2" -eq "$fds2_0" ]
	[ "$rss1_1m" -eq 0 ] || [ "$r1" -le $((rss1_1m + 8192)) ]
	[ "$rss2_1m" -eq 0 ] || [ "$r2" -le $((rss2_1m + 8192)) ]
	local s
	for s in "$s1" "$s2"; do
		[ "$(jq '.stats.state.procs <= .stats.state.procs_start + 50' <<<"$s")" = true ]
		[ "$(jq '.stats.state.fds <= .stats.state.fds_start + 500' <<<"$s")" = true ]
	done
}
