#!/usr/bin/env bats
# Paths and addresses as the kernel used them: an open's fd is named from the
# new fd's struct file (the probe's dentry walk), a connect's from the socket;
# the arguments stay what the caller's memory held at the exit, as libs shows
# them.  The race tests make the call block inside the kernel (a FIFO, a full
# listen backlog) and rewrite the buffer meanwhile, so the two differ every
# time, not by luck.

load helpers

setup() {
	require_bpf
	SGR=$(unique_copy "$HELPERS/sgrely" sgk_)
	SGT=$(unique_copy "$HELPERS/sgtest" sgp_)
	NAME=$(basename "$SGR")
	TNAME=$(basename "$SGT")
	OUT="$BATS_TEST_TMPDIR/out"
	D="$BATS_TEST_TMPDIR/d"
	mkdir -p "$D"
}

# start_sg ARGS...: sysgrep in the background into OUT, attached when it returns
start_sg() {
	"$SYSGREP" "$@" >"$OUT" 2>"$OUT.err" &
	SG=$!
	sg_wait_attached "$SG"
}

stop_sg() {
	kill -INT "$SG"
	SG_STATUS=0
	wait "$SG" || SG_STATUS=$?
}

# the lines of OUT (JSON) for thread TID
of_tid() {
	jq -c --argjson t "$1" 'select(."thread.tid" == $t)' "$OUT"
}

@test "open: a thread rewrites the path during the call: fd.name is the file opened, evt.arg.name what memory held" {
	start_sg -o json -p '*%thread.tid %fd.name %fd.type %evt.arg.name %evt.rawarg.name %fs.path.name' \
		"evt.type=openat and proc.name=$NAME"
	said=$("$SGR" raceopen "$D")
	stop_sg
	tid=${said##* }
	echo "$said" >&3
	of_tid "$tid" >"$OUT.t"
	cat "$OUT.t" >&3
	# the blocked thread made exactly one openat
	[ "$(wc -l <"$OUT.t")" -eq 1 ]
	[ "$(jq -r '."fd.name"' "$OUT.t")" = "$D/fifo.real" ]
	[ "$(jq -r '."evt.arg.name"' "$OUT.t")" = "$D/decoy.txt" ]
	[ "$(jq -r '."evt.rawarg.name"' "$OUT.t")" = "$D/decoy.txt" ]
	[ "$(jq -r '."fs.path.name"' "$OUT.t")" = "$D/decoy.txt" ]
}

@test "connect: a thread rewrites the sockaddr during the call: fd.name is the socket's peer, evt.arg.addr what memory held" {
	start_sg -o json -p '*%thread.tid %fd.name %fd.type %evt.arg.addr %evt.res' \
		"evt.type=connect and proc.name=$NAME"
	said=$("$SGR" raceconnect "$D")
	stop_sg
	tid=${said##* }
	of_tid "$tid" >"$OUT.t"
	cat "$OUT.t" >&3
	[ "$(wc -l <"$OUT.t")" -eq 1 ]
	[ "$(jq -r '."evt.res"' "$OUT.t")" = SUCCESS ]
	[ "$(jq -r '."fd.type"' "$OUT.t")" = unix ]
	jq -e --arg p "$D/real.sock" '."fd.name" | endswith($p)' "$OUT.t"
	jq -e --arg p "$D/fake.sock" '."evt.arg.addr" | endswith($p)' "$OUT.t"
}

# one_open PATH: the fd.name and evt.arg.name of one openat of PATH by SGT
one_open() {
	sg_capture "$OUT" -o json -n 2 -t 10s -p '*%fd.name %evt.arg.name %evt.res' \
		"evt.type=openat and proc.name=$TNAME and evt.res=SUCCESS" --- "$SGT" -l -d 5 open "$1"
	[ "$SG_STATUS" -eq 0 ]
	tail -n 1 "$OUT" >"$OUT.1"
	cut -c 1-300 "$OUT.1" >&3
}

@test "open through a symlink: fd.name is the file, evt.arg.name the link" {
	echo data >"$D/target"
	ln -s "$D/target" "$D/link"
	one_open "$D/link"
	[ "$(jq -r '."fd.name"' "$OUT.1")" = "$D/target" ]
	[ "$(jq -r '."evt.arg.name"' "$OUT.1")" = "$D/link" ]
}

@test "the walk crosses mounts: /proc/self/status is /proc/PID/status" {
	one_open /proc/self/status
	jq -e '."fd.name" | test("^/proc/[0-9]+/status$")' "$OUT.1"
	[ "$(jq -r '."evt.arg.name"' "$OUT.1")" = /proc/self/status ]
}

@test "a 4000-byte path is named whole by the kernel" {
	local p="$D" i seg
	seg=$(printf 'n%.0s' $(seq 1 200))
	# 19 levels of 201 bytes under the test directory, then the file
	for i in $(seq 1 19); do p="$p/$seg"; done
	mkdir -p "$p"
	echo x >"$p/f"
	ln -s "$p/f" "$D/deeplink"
	one_open "$D/deeplink"
	[ "$(jq -r '."fd.name"' "$OUT.1")" = "$p/f" ]
}

@test "deeper than the walk goes (128 steps): fd.name falls back to the caller's path" {
	local p="$D/real" i
	for i in $(seq 1 140); do p="$p/a"; done
	mkdir -p "$p"
	echo x >"$p/f"
	ln -s "$D/real" "$D/ln"
	local via="$D/ln${p#"$D/real"}/f"
	one_open "$via"
	# not the kernel's (it would be real/...): cut walks are never used
	[ "$(jq -r '."fd.name"' "$OUT.1")" = "$via" ]
	[ "$(jq -r '."evt.arg.name"' "$OUT.1")" = "$via" ]
	# and 100 levels are within the walk: the kernel's name
	local p2="$D/real2" via2
	for i in $(seq 1 100); do p2="$p2/a"; done
	mkdir -p "$p2"
	echo x >"$p2/f"
	ln -s "$D/real2" "$D/ln2"
	via2="$D/ln2${p2#"$D/real2"}/f"
	one_open "$via2"
	[ "$(jq -r '."fd.name"' "$OUT.1")" = "$p2/f" ]
}

@test "bind to port 0: fd.name and fd.lport are the port the kernel chose, evt.arg.addr the caller's 0" {
	start_sg -o json -p '*%fd.name %fd.lport %fd.num %evt.arg.addr %evt.res' \
		"evt.type=bind and proc.name=$NAME"
	said=$("$SGR" bindzero)
	stop_sg
	echo "$said" >&3
	cat "$OUT" >&3
	local port=${said#bound } fd=${said##* }
	port=${port%% *}
	[ "$(wc -l <"$OUT")" -eq 1 ]
	[ "$(jq -r '."evt.res"' "$OUT")" = SUCCESS ]
	[ "$(jq -r '."fd.num"' "$OUT")" -eq "$fd" ]
	[ "$(jq -r '."fd.lport"' "$OUT")" -eq "$port" ]
	jq -e --arg p "127.0.0.1:$port" '."fd.name" | startswith($p)' "$OUT" >/dev/null
	[ "$(jq -r '."evt.arg.addr"' "$OUT")" = 127.0.0.1:0 ]
}
