#!/usr/bin/env bats
# Several sysgrep instances at once, each with its own filter on its own
# workload (a uniquely named sgrely making open(2) calls of its own file):
# each sees exactly its own events (printed or counted + lost_match = the
# workload's count; lost_match is 0 where the kernel counts), and one
# instance loading or detaching does not disturb the others.

load helpers

setup() {
	require_bpf
	W="$BATS_TEST_TMPDIR/w"
	mkdir -p "$W"
	PIDS=()
}

teardown() {
	local p
	for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
	wait 2>/dev/null || true
}

# inst I MODE: instance I with its own workload program W/I.exe (NAME_I)
# and file W/I.t; MODE json prints every open, count counts them (-c, in
# the kernel when the filter allows it).  Started in the background,
# attached when it returns.
inst() {
	local i=$1 mode=$2 name
	name="sgi$i$(printf '%05d' $((RANDOM % 100000)))"
	cp "$HELPERS/sgrely" "$W/$name"
	echo "$W/$name" >"$W/$i.exe"
	: >"$W/$i.t"
	echo "$mode" >"$W/$i.mode"
	case $mode in
	json) "$SYSGREP" -o json -p '%evt.num %fd.name' --stats \
		"evt.type=open and proc.name=$name and fd.name=$W/$i.t" >"$W/$i.out" 2>"$W/$i.err" & ;;
	count) "$SYSGREP" -c -o json --stats "evt.type=open and proc.name=$name" \
		>"$W/$i.out" 2>"$W/$i.err" & ;;
	esac
	echo $! >"$W/$i.pid"
	PIDS+=($!)
	sg_wait_attached "$(cat "$W/$i.pid")"
}

# work I N: instance I's workload makes N more opens (appends its count)
work() {
	"$(cat "$W/$1.exe")" storm 1 "$2" "$W/$1.t" >>"$W/$1.made"
}

# stop I: SIGINT, then check that instance I saw its own workload exactly
stop() {
	local i=$1 pid st=0 made seen lm
	pid=$(cat "$W/$i.pid")
	kill -INT "$pid"
	wait "$pid" || st=$?
	[ "$st" -eq 0 ] || { echo "instance $i exited $st"; cat "$W/$i.err"; return 1; }
	made=$(awk '{ n += $1 } END { print n + 0 }' "$W/$i.made")
	local s
	s=$(grep '^{"stats"' "$W/$i.err")
	lm=$(jq '.stats.lost_match' <<<"$s")
	case $(cat "$W/$i.mode") in
	json)
		seen=$(jq -c --arg f "$W/$i.t" 'select(."fd.name" == $f)' "$W/$i.out" | wc -l)
		[ "$seen" -eq "$(wc -l <"$W/$i.out")" ] # nothing of another's
		;;
	count)
		seen=$(jq '.count' "$W/$i.out")
		# counted in the kernel: nothing can be lost
		[ "$(jq '.stats.kernel_counted' <<<"$s")" -ne "$seen" ] || [ "$lm" -eq 0 ]
		;;
	esac
	echo "instance $i ($(cat "$W/$i.mode")): made $made, seen $seen, lost_match $lm" >&3
	[ "$made" -gt 0 ]
	[ $((seen + lm)) -eq "$made" ]
	[ "$(jq '.stats.emitted == .stats.read and .stats.unread == 0' <<<"$s")" = true ]
}

@test "two instances at once, each its own filter and workload: each sees its own events exactly" {
	inst 1 json
	inst 2 count
	work 1 50000 &
	local a=$!
	work 2 50000 &
	local b=$!
	wait "$a" "$b"
	stop 1
	stop 2
}

@test "eight instances: four run throughout while four more start and stop staggered among them; every count exact" {
	local i
	for i in 1 2 3 4; do
		inst "$i" "$([ $((i % 2)) -eq 1 ] && echo json || echo count)"
	done
	# the long-lived ones' workloads run in rounds until told to stop, so
	# they are busy across every load and detach below
	for i in 1 2 3 4; do
		(while [ ! -e "$W/stop" ]; do work "$i" 5000; done) &
		eval "L$i=\$!"
	done
	# 5..8 start one after another, each with its workload running while
	# the next loads; then they stop one after another while the rest run
	local wp=()
	for i in 5 6 7 8; do
		inst "$i" "$([ $((i % 2)) -eq 1 ] && echo json || echo count)"
		work "$i" 20000 &
		wp[i]=$!
	done
	echo "at the peak: $(pgrep -c -x sysgrep) sysgrep processes on the host" >&3
	for i in 5 6 7 8; do
		wait "${wp[i]}"
		stop "$i"
	done
	touch "$W/stop"
	wait "$L1" "$L2" "$L3" "$L4"
	for i in 1 2 3 4; do stop "$i"; done
}
