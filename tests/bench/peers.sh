# Sourced by run.sh: the peers, on the same workloads as sysgrep.  Each
# prints every selected call of the loop (or counts it, where the tool
# only counts); lines are what it printed or counted of the loop's calls,
# lost what it said it lost.  A peer that cannot run here is listed with
# the reason (add_skip), never dropped.
#
#   bpftrace       a one-liner per workload, and the issue's reference
#                  tracepoint:raw_syscalls:sys_enter { @[comm] = count(); }
#   libbpf-tools   syscount (getppid), opensnoop (open), tcpconnect
#                  (connect), execsnoop (forkexec)
#   perf trace     wrapping the loop, -e the workload's syscall
#   strace -f -c   wrapping the loop

# the syscall each workload selects, for the peers' own filters
declare -A PEER_SC=([getppid]=getppid [open]=openat [connect]=connect [forkexec]=execve)

# "Lost N events" in whichever words and case a tool says it
peer_lost() {
	cat "$OUT/peer.out" "$OUT/peer.err" 2> /dev/null |
		sed -n 's/.*[Ll][Oo][Ss][Tt] \([0-9][0-9]*\) \(events\|samples\).*/\1/p' |
		awk '{ s += $1 } END { print s + 0 }'
}

have() { command -v "$1" > /dev/null 2>&1 || [ -x "/usr/sbin/$1" ]; }

# bpftrace_row W TOOL PROGRAM LINES_AWK [DIV]: LINES_AWK reads bpftrace's
# stdout; DIV: run a DIV-th of the iterations (printf costs ~10x a count)
bpftrace_row() {
	local w=$1 tool=$2 prog=$3 count=$4 div=${5:-1} lines note=
	have bpftrace || { add_skip "$w" "$tool" "bpftrace not installed (apt-get install bpftrace)"; return; }
	[ -d /sys/kernel/tracing/events/syscalls ] ||
		{ add_skip "$w" "$tool" "no tracefs syscall tracepoints (mount -t tracefs nodev /sys/kernel/tracing)"; return; }
	[ "$div" -gt 1 ] && note="1/$div of the iterations"
	if ! traced "$w" "$(($(iterations "$w") / div))" bpftrace -e "$prog"; then
		add_skip "$w" "$tool" "bpftrace did not attach: $(grep -v RLIMIT "$OUT/peer.err" | head -c 200)"
		return
	fi
	lines=$(awk "$count" "$OUT/peer.out")
	add_row "$w" "$tool" "$NS" "$lines" "$MADE" "$(peer_lost)" "$note"
}

# libbpf_row W TOOL CMD LINES_AWK
libbpf_row() {
	local w=$1 tool=$2 cmd=$3 count=$4 lines
	have "${cmd%% *}" ||
		{ add_skip "$w" "$tool" "${cmd%% *} not installed (apt-get install libbpf-tools)"; return; }
	# shellcheck disable=SC2086 # the command's words
	if ! traced "$w" "$(iterations "$w")" $cmd; then
		add_skip "$w" "$tool" "${cmd%% *} did not attach: $(grep -v '^$' "$OUT/peer.err" | head -n 1 | head -c 200)"
		return
	fi
	lines=$(awk "$count" "$OUT/peer.out")
	add_row "$w" "$tool" "$NS" "$lines" "$MADE" "$(peer_lost)"
}

# The wrappers: one run of the loop under the tool, whose count of the
# workload's calls is added to $OUT/peer.count
w_perf() {
	perf trace -e "$PEER_W_SC" -o "$OUT/peer.out" -- "$@" 2>> "$OUT/peer.err"
	grep -c "$PEER_W_SC(" "$OUT/peer.out" >> "$OUT/peer.count"
	peer_lost >> "$OUT/peer.lost"
}
w_strace() {
	strace -f -c -o "$OUT/peer.out" "$@" 2>> "$OUT/peer.err"
	awk -v sc="$PEER_W_SC" '$NF == sc { print $4 }' "$OUT/peer.out" >> "$OUT/peer.count"
	echo 0 >> "$OUT/peer.lost"
}

# wrapped_row W TOOL WRAPPER: RUNS loops of a SLOW-th of the iterations
# (forkexec, slow already, runs them all)
wrapped_row() {
	local w=$1 tool=$2 wrapper=$3 n div=$SLOW
	[ "$w" = forkexec ] && div=1
	n=$(($(iterations "$w") / div))
	[ "$n" -gt 0 ] || n=1
	PEER_W_SC=${PEER_SC[$w]}
	: > "$OUT/peer.count"
	: > "$OUT/peer.lost"
	: > "$OUT/peer.err"
	loops "$w" "$n" "$wrapper"
	if [ "$MADE" -eq 0 ]; then
		add_skip "$w" "$tool" "the loop did not run under it: $(head -c 200 "$OUT/peer.err")"
		return
	fi
	add_row "$w" "$tool" "$NS" "$(awk '{ s += $1 } END { print s + 0 }' "$OUT/peer.count")" \
		"$MADE" "$(awk '{ s += $1 } END { print s + 0 }' "$OUT/peer.lost")" \
		"$([ "$div" -gt 1 ] && echo "1/$div of the iterations")"
}

peer_cases() {
	local w=$1 sc=${PEER_SC[$1]}
	local c="/comm == \"$LOOP_COMM\"/"
	local printed="\$1 == \"$LOOP_COMM\" { n++ } END { print n + 0 }"
	case $w in
	getppid)
		bpftrace_row "$w" "bpftrace @[comm] = count() on raw_syscalls" \
			'tracepoint:raw_syscalls:sys_enter { @[comm] = count(); }' \
			"/^@\\[$LOOP_COMM\\]/ { print \$2 }"
		bpftrace_row "$w" "bpftrace printf on sys_enter_getppid" \
			"tracepoint:syscalls:sys_enter_getppid $c { printf(\"%s %d\\n\", comm, pid); }" \
			"$printed" 5
		libbpf_row "$w" "libbpf-tools syscount" "syscount" '$1 == "getppid" { print $2 }'
		;;
	open)
		bpftrace_row "$w" "bpftrace printf on sys_enter_openat" \
			"tracepoint:syscalls:sys_enter_openat $c { printf(\"%s %d %s\\n\", comm, pid, str(args->filename)); }" \
			"$printed"
		libbpf_row "$w" "libbpf-tools opensnoop -n $LOOP_COMM" "opensnoop -n $LOOP_COMM" \
			"\$2 == \"$LOOP_COMM\" { n++ } END { print n + 0 }"
		;;
	connect)
		bpftrace_row "$w" "bpftrace printf on sys_enter_connect" \
			"tracepoint:syscalls:sys_enter_connect $c { printf(\"%s %d %d\\n\", comm, pid, args->fd); }" \
			"$printed"
		libbpf_row "$w" "libbpf-tools tcpconnect" "tcpconnect" \
			"\$2 == \"$LOOP_COMM\" { n++ } END { print n + 0 }"
		;;
	forkexec)
		bpftrace_row "$w" "bpftrace printf on sys_enter_execve" \
			"tracepoint:syscalls:sys_enter_execve $c { printf(\"%s %d %s\\n\", comm, pid, str(args->filename)); }" \
			"$printed"
		libbpf_row "$w" "libbpf-tools execsnoop" "execsnoop" \
			'$1 == "true" { n++ } END { print n + 0 }'
		;;
	esac
	if have perf; then
		wrapped_row "$w" "perf trace -e $sc" w_perf
	else
		add_skip "$w" "perf trace -e $sc" "perf not installed (apt-get install linux-perf)"
	fi
	if have strace; then
		wrapped_row "$w" "strace -f -c" w_strace
	else
		add_skip "$w" "strace -f -c" "strace not installed (apt-get install strace)"
	fi
}
