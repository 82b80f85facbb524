#!/usr/bin/env bats
# A fork/exec/exit storm: short processes (fork, exec of the helper, exit)
# while sysgrep keeps state for them.  Every exec and exit is seen, and once
# they are gone sysgrep's process and fd tables are back at their starting
# size, its RSS and open fds flat (both printed).  SG_FORKEXEC_N children
# (10,000 here; `make soak` runs 100,000).

load helpers

setup() {
	require_bpf
	SGR=$(unique_copy "$HELPERS/sgrely" sgs_)
	NAME=$(basename "$SGR")
	OUT="$BATS_TEST_TMPDIR/out"
}

teardown() {
	[ -z "${SG:-}" ] || { kill "$SG" 2>/dev/null || true; wait "$SG" 2>/dev/null || true; }
}

rss_of() { sed -n 's/^VmRSS:[[:space:]]*\([0-9]*\) kB/\1/p' "/proc/$1/status"; }
fds_of() { ls /proc/"$1"/fd | wc -l; }

@test "fork/exec/exit storm: every exec and exit seen; tables back at their start, RSS and fds flat" {
	local n=${SG_FORKEXEC_N:-10000}
	# proc.exepath is read from the state: counted in user space, the
	# state kept for every process of the storm
	local f="evt.type in (execve, procexit) and proc.name=$NAME and proc.exepath=$SGR"
	"$SYSGREP" --dump-filter "$f" --count-by evt.type | grep -q '^counting: in user space'
	"$SYSGREP" --stats -o json --count-by evt.type "$f" >"$OUT" 2>"$OUT.err" &
	SG=$!
	sg_wait_attached "$SG"
	sleep 1 # the /proc scan after attaching holds fds of its own
	local rss0 fds0 samples="" max=0 r
	rss0=$(rss_of "$SG")
	fds0=$(fds_of "$SG")
	# two forking threads: both CPUs
	"$SGR" forkexec 2 $((n / 2)) >"$OUT.made" &
	local w=$! t0=$SECONDS
	while kill -0 "$w" 2>/dev/null; do
		r=$(rss_of "$SG")
		[ "${r:-0}" -le "$max" ] || max=$r
		samples="$samples $r/$(fds_of "$SG")"
		sleep 1
	done
	wait "$w"
	local secs=$((SECONDS - t0))
	sleep 0.5
	local rss1 fds1
	rss1=$(rss_of "$SG")
	fds1=$(fds_of "$SG")
	kill -INT "$SG"
	local st=0
	wait "$SG" || st=$?
	SG=
	[ "$st" -eq 0 ]
	local s made ex px
	s=$(grep '^{"stats"' "$OUT.err")
	made=$(cat "$OUT.made")
	ex=$(jq -s 'map(select(."evt.type" == "execve") | .count) | add // 0' "$OUT")
	px=$(jq -s 'map(select(."evt.type" == "procexit") | .count) | add // 0' "$OUT")
	echo "$made children in $secs s: execve $ex, procexit $px; lost $(jq .stats.lost <<<"$s") (of the filter's $(jq .stats.lost_match <<<"$s"))" >&3
	echo "state: $(jq -c .stats.state <<<"$s")" >&3
	echo "sysgrep RSS kB/open fds: start $rss0/$fds0, during:$samples, end $rss1/$fds1 (max RSS $max)" >&3
	[ "$made" -eq "$n" ]
	# an exec for each child and the forking process itself (started after
	# the probe attached); an exit for each of them and its two threads
	local lm
	lm=$(jq .stats.lost_match <<<"$s")
	[ $((ex + px + lm)) -eq $((2 * n + 4)) ]
	[ "$lm" -gt 0 ] || { [ "$ex" -eq $((n + 1)) ] && [ "$px" -eq $((n + 3)) ]; }
	# the tables are where they began, give or take what the rest of the
	# machine did meanwhile; none of the storm's was dropped unseen
	[ "$(jq '.stats.state.procs <= .stats.state.procs_start + 50' <<<"$s")" = true ]
	[ "$(jq '.stats.state.fds <= .stats.state.fds_start + 500' <<<"$s")" = true ]
	[ "$(jq '.stats.lost > 0 or .stats.state.procs_dropped == 0' <<<"$s")" = true ]
	# nothing per process is kept open, nor kept in memory
	[ "$fds1" -eq "$fds0" ]
	[ "$max" -le $((rss0 + 32768)) ]
}
