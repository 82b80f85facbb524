#!/usr/bin/env bats
# The process, capability and fd fields Falco's rules use, asserted exactly
# on the events of a helper (sgfields) that sets a known state up:
# capabilities after capset, process groups and sessions, an executable in
# memory (memfd) or in an overlayfs layer, UDP sockets connected or not,
# the raw path of an open.

load helpers
load sys_helpers

setup() {
	sys_require_bpf
	SGF=$(unique_copy "$HELPERS/sgfields" sgf_)
	NAME=$(basename "$SGF")
	# runs SGF (or another program) again and again: execs the probe sees
	DRV=$(unique_copy "$HELPERS/sgfields" sgd_)
	OUT="$BATS_TEST_TMPDIR/out"
	DIR="$BATS_TEST_TMPDIR/d"
	mkdir -p "$DIR"
	PORT=$((20000 + RANDOM % 30000))
}

teardown() {
	if [ -n "${BG:-}" ]; then
		kill "$BG" 2>/dev/null || true
		wait "$BG" 2>/dev/null || true
	fi
	if [ -n "${MNT:-}" ]; then
		umount "$MNT" 2>/dev/null || true
	fi
}

# cap N FORMAT FILTER --- HELPER...: N events as JSON Lines into OUT.
# Exec tests take 2 and keep the second: the first may be an exec that was
# under way while the probe attached (its exec record unseen).
cap() {
	local n=$1 fmt=$2 filter=$3
	shift 3
	sg_capture "$OUT" -o json -n "$n" -t 15s -p "*$fmt" "$filter" "$@"
	if [ "$SG_STATUS" -ne 0 ]; then
		echo "sysgrep exited $SG_STATUS for: $filter"
		cat "$OUT.err"
		return 1
	fi
}

# cap_exec FORMAT FILTER --- HELPER...: the second exec event, alone in OUT.
cap_exec() {
	cap 2 "$@"
	tail -n 1 "$OUT" >"$OUT.1"
	mv "$OUT.1" "$OUT"
}

# num FIELD [LINE]: the integer FIELD has on the LINE-th captured line
# (1), from the JSON text itself: jq's doubles lose the last digits of
# nanosecond times.
num() {
	sed -n "${2:-1}p" "$OUT" | grep -o "\"$1\":-\?[0-9]*" | cut -d: -f2
}

# count JQ-SELECT: how many captured lines the selection keeps (jq -e on a
# select succeeds on no input at all: count instead).
count() {
	jq -c "select($1)" "$OUT" | wc -l
}

@test "thread.cap_*: the capabilities capset(2) left, as libs names them" {
	cap 2 '%thread.cap_effective %thread.cap_permitted %thread.cap_inheritable %evt.type' \
		"evt.type=getppid and proc.name=$NAME" --- "$SGF" caps
	cat "$OUT"
	[ "$(count '."thread.cap_effective" == "CAP_KILL" and ."thread.cap_permitted" == "CAP_KILL CAP_NET_RAW" and ."thread.cap_inheritable" == "CAP_NET_RAW"')" -eq 2 ]
}

@test "thread.cap_effective of a root process: the kernel's set, CAP_SYS_ADMIN among them" {
	local want
	want=$(awk '/^CapEff:/ { print $2 }' /proc/self/status)
	cap_exec '%thread.cap_effective %evt.rawarg.cap_effective %evt.rawarg.cap_permitted' \
		"evt.type=execve and proc.name=$NAME" --- "$DRV" spawn "$SGF" exit
	cat "$OUT"
	# the exec record's capabilities are those the kernel reports
	[ "$(num evt.rawarg.cap_effective)" -eq $((16#$want)) ]
	if [ $((16#$want & (1 << 21))) -ne 0 ]; then
		[ "$(count '."thread.cap_effective" | split(" ") | index("CAP_SYS_ADMIN") != null')" -eq 1 ]
	fi
	# CAP_SYS_RESOURCE (bit 24) is missing on these machines: absent from the text too
	if [ $((16#$want & (1 << 24))) -eq 0 ]; then
		[ "$(count '."thread.cap_effective" | contains("CAP_SYS_RESOURCE") | not')" -eq 1 ]
	fi
}

@test "proc.is_vpgid_leader, proc.vpgid.name: a group leader and its child" {
	cap 4 '%proc.pid %proc.ppid %proc.pgid %proc.vpgid %proc.is_vpgid_leader %proc.is_pgid_leader %proc.vpgid.name %proc.pgid.exepath' \
		"evt.type=getppid and proc.name=$NAME" --- "$SGF" pgrp
	cat "$OUT"
	local leader=$SG_HELPER_PID
	[ "$(count ".\"proc.pid\" == $leader and .\"proc.is_vpgid_leader\" == true and .\"proc.is_pgid_leader\" == true and .\"proc.vpgid\" == $leader")" -ge 1 ]
	[ "$(count ".\"proc.ppid\" == $leader and .\"proc.is_vpgid_leader\" == false and .\"proc.pgid\" == $leader")" -ge 1 ]
	X=$SGF
	[ "$(jq -c --arg x "$SGF" --arg n "$NAME" 'select(."proc.vpgid.name" == $n and ."proc.pgid.exepath" == $x)' "$OUT" | wc -l)" -eq 4 ]
}

@test "proc.sname, proc.is_sid_leader: setsid(2) makes a session, its child is in it" {
	cap 6 '%proc.pid %proc.ppid %proc.sid %proc.sname %proc.sid.exepath %proc.is_sid_leader' \
		"evt.type=getppid and proc.name=$NAME" --- "$SGF" session
	cat "$OUT"
	local top=$SG_HELPER_PID
	# the child leads its session; the grandchild is in it
	[ "$(count ".\"proc.ppid\" == $top and .\"proc.is_sid_leader\" == true and .\"proc.sid\" == .\"proc.pid\"")" -ge 1 ]
	local lead
	lead=$(jq -r "select(.\"proc.ppid\" == $top) | .\"proc.pid\"" "$OUT" | head -n 1)
	[ -n "$lead" ]
	[ "$(jq -c --arg n "$NAME" --arg x "$SGF" "select(.\"proc.ppid\" == $lead and .\"proc.is_sid_leader\" == false and .\"proc.sid\" == $lead and .\"proc.sname\" == \$n and .\"proc.sid.exepath\" == \$x)" "$OUT" | wc -l)" -ge 1 ]
	# the top process stays in the test's session: not its leader
	[ "$(count ".\"proc.pid\" == $top and .\"proc.is_sid_leader\" == false and .\"proc.sid\" != $top")" -ge 1 ]
}

@test "proc.is_exe_from_memfd: a program run from a memfd, and the flags of its execve" {
	cap_exec '%proc.is_exe_from_memfd %proc.is_exe_upper_layer %evt.arg.flags %evt.rawarg.flags %proc.pname' \
		"evt.type=execve and proc.pname=$NAME" --- "$SGF" memfd "$HELPERS/sgfields"
	cat "$OUT"
	[ "$(count '."proc.is_exe_from_memfd" == true and ."proc.is_exe_upper_layer" == false and (."evt.arg.flags" | split("|") | index("EXE_FROM_MEMFD") != null) and (."evt.rawarg.flags" % 8 >= 4)')" -eq 1 ]
	# the helper itself was run from a file
	cap_exec '%proc.is_exe_from_memfd %evt.arg.flags' "evt.type=execve and proc.name=$NAME" \
		--- "$DRV" spawn "$SGF" exit
	[ "$(count '."proc.is_exe_from_memfd" == false and (."evt.arg.flags" | contains("MEMFD") | not)')" -eq 1 ]
}

@test "proc.is_exe_upper_layer / lower_layer: programs of an overlayfs's image and of its upper layer" {
	local o="$BATS_TEST_TMPDIR/ov"
	mkdir -p "$o/lower" "$o/upper" "$o/work" "$o/merged"
	cp "$SGF" "$o/lower/${NAME}l"
	MNT="$o/merged"
	mount -t overlay overlay -o "lowerdir=$o/lower,upperdir=$o/upper,workdir=$o/work" "$MNT" ||
		skip "cannot mount an overlayfs here"
	cp "$SGF" "$MNT/${NAME}u" # written through the mount: the upper layer
	[ -e "$o/upper/${NAME}u" ]
	cap_exec '%proc.name %proc.is_exe_upper_layer %proc.is_exe_lower_layer %evt.arg.flags %proc.exe_ino' \
		"evt.type=execve and proc.name=${NAME}l" --- "$DRV" spawn "$MNT/${NAME}l" exit
	cat "$OUT"
	[ "$(count '."proc.is_exe_upper_layer" == false and ."proc.is_exe_lower_layer" == true and (."evt.arg.flags" | contains("EXE_LOWER_LAYER"))')" -eq 1 ]
	[ "$(num proc.exe_ino)" -eq "$(stat -c %i "$MNT/${NAME}l")" ]
	cap_exec '%proc.name %proc.is_exe_upper_layer %proc.is_exe_lower_layer %evt.arg.flags' \
		"evt.type=execve and proc.name=${NAME}u" --- "$DRV" spawn "$MNT/${NAME}u" exit
	cat "$OUT"
	[ "$(count '."proc.is_exe_upper_layer" == true and ."proc.is_exe_lower_layer" == false and (."evt.arg.flags" | contains("EXE_UPPER_LAYER"))')" -eq 1 ]
}

@test "proc.exe_ino, proc.exe_ino.ctime / mtime: the executable's inode as stat(2) shows it" {
	cap_exec '%proc.exe_ino %proc.exe_ino.ctime %proc.exe_ino.mtime %evt.rawarg.exe_ino %proc.is_exe_writable %proc.exe_ino.ctime_duration_proc_start %proc.pid.ts' \
		"evt.type=execve and proc.name=$NAME" --- "$DRV" spawn "$SGF" exit
	cat "$OUT"
	local ino ctime mtime
	read -r ino ctime mtime < <(stat -c '%i %.9Z %.9Y' "$SGF")
	ctime=$((10#${ctime/./})) mtime=$((10#${mtime/./}))
	[ "$(num proc.exe_ino)" -eq "$ino" ]
	[ "$(num evt.rawarg.exe_ino)" -eq "$ino" ]
	[ "$(num proc.exe_ino.ctime)" -eq "$ctime" ]
	[ "$(num proc.exe_ino.mtime)" -eq "$mtime" ]
	# root owns the copy: writable
	[ "$(count '."proc.is_exe_writable" == true')" -eq 1 ]
	[ "$(num proc.exe_ino.ctime_duration_proc_start)" -eq $(($(num proc.pid.ts) - ctime)) ]
}

@test "proc.duration and proc.pid.ts: the process's age at the event, from its start" {
	cap 1 '%proc.duration %proc.pid.ts %evt.rawtime %proc.ppid.duration' \
		"evt.type=getppid and proc.name=$NAME" --- "$SGF" sleep 300
	cat "$OUT"
	local d
	d=$(num proc.duration)
	[ "$d" -eq $(($(num evt.rawtime) - $(num proc.pid.ts))) ]
	# it slept 300 ms before its first getppid; far less than a minute old
	[ "$d" -ge 300000000 ] && [ "$d" -lt 60000000000 ]
	[ "$(num proc.ppid.duration)" -gt "$d" ]
}

@test "proc.pid.ts of a process started before sysgrep comes from /proc, the same clock" {
	"$SGF" sleep 0 >/dev/null 2>&1 &
	BG=$!
	sleep 0.3
	local start_ticks tck boot
	start_ticks=$(awk '{ sub(/.*\) /, ""); print $20 }' "/proc/$BG/stat")
	cap 1 '%proc.pid.ts %proc.duration %evt.rawtime' "evt.type=getppid and proc.pid=$BG" --- true
	cat "$OUT"
	tck=$(getconf CLK_TCK)
	boot=$(awk '/^btime/ { print $2 }' /proc/stat)
	# /proc/stat's btime is whole seconds: the start agrees within a second or two
	local want=$(( (boot * tck + start_ticks) * (1000000000 / tck) )) ts
	ts=$(num proc.pid.ts)
	[ "$ts" -gt $((want - 2000000000)) ] && [ "$ts" -lt $((want + 2000000000)) ]
	[ "$(num proc.duration)" -ge 300000000 ]
}

@test "fd.connected, fd.name_changed: sendto from an unconnected UDP socket, send on a connected one" {
	cap 6 '%fd.num %fd.name %fd.connected %fd.name_changed %fd.l4proto %evt.type' \
		"evt.type=sendto and proc.name=$NAME" --- "$SGF" udp "$PORT" "$((PORT + 1))"
	cat "$OUT"
	# the unconnected socket names a new peer on every call
	[ "$(count ".\"fd.connected\" == false and .\"fd.name_changed\" == true and (.\"fd.name\" | endswith(\":$PORT\") or endswith(\":$((PORT + 1))\"))")" -ge 2 ]
	[ "$(count ".\"fd.connected\" == true and .\"fd.name_changed\" == false and (.\"fd.name\" | endswith(\"->127.0.0.1:$PORT\"))")" -ge 1 ]
	[ "$(count '."fd.connected" == false and ."fd.name_changed" == false')" -eq 0 ]
}

@test "fd.nameraw: the path as the program passed it, runs of '/' made one" {
	mkdir -p "$DIR/sub"
	: >"$DIR/f"
	cap 2 '%evt.type %fd.name %fd.nameraw %fd.name_changed' \
		"evt.type in (openat, close) and proc.name=$NAME and fd.name=$DIR/f" --- "$SGF" nameraw "$DIR"
	cat "$OUT"
	[ "$(count '."evt.type" == "openat" and ."fd.nameraw" == "./sub/../f" and ."fd.name_changed" == true')" -ge 1 ]
	[ "$(count '."evt.type" == "close" and ."fd.nameraw" == "./sub/../f" and ."fd.name_changed" == false')" -ge 1 ]
}

@test "the Falco rule macros that use these fields compile" {
	run "$SYSGREP" --dump-filter '(evt.type in (sendto,sendmsg) and fd.l4proto != tcp and fd.connected=false and fd.name_changed=true) and proc.duration <= 5000000000 and proc.is_vpgid_leader=true and proc.aexe[2] endswith java'
	[ "$status" -eq 0 ]
	run "$SYSGREP" --dump-filter 'evt.type=execve and (proc.is_exe_upper_layer=true or proc.is_exe_from_memfd=true) and thread.cap_effective icontains sys_module and not thread.cap_permitted contains CAP_SYS_ADMIN and fd.nameraw glob "*../*../*"'
	[ "$status" -eq 0 ]
}
