#!/usr/bin/env bats
# The live spine, for real: the probe loads, a helper performs known syscalls,
# and the events sysgrep prints for it are asserted exactly.

load helpers

setup() {
	require_bpf
	SGT=$(unique_copy "$HELPERS/sgtest" sgt_)
	NAME=$(basename "$SGT")
	OUT="$BATS_TEST_TMPDIR/out"
}

@test "exec of a uniquely named true is printed (text)" {
	local t
	t=$(unique_copy /bin/true tru_)
	sg_capture "$OUT" -n 1 -t 20s "evt.type=execve and proc.name=$(basename "$t")" --- "$SGT" -l exec "$t"
	[ "$SG_STATUS" -eq 0 ]
	[ "$(wc -l <"$OUT")" -eq 1 ]
	# num time cpu name (tid) < execve args
	grep -Eq "^[0-9]+ [0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{9} [0-9]+ $(basename "$t") \([0-9]+\) < execve " "$OUT"
	grep -q "res=0" "$OUT"
}

@test "exec in JSON: type, name, exepath, result, parent" {
	local t
	t=$(unique_copy /bin/true tru_)
	sg_capture "$OUT" -o json -n 1 -t 20s "evt.type=execve and proc.name=$(basename "$t")" --- "$SGT" -l exec "$t"
	[ "$SG_STATUS" -eq 0 ]
	jq -e --arg n "$(basename "$t")" --arg p "$t" '
		."evt.type" == "execve" and ."proc.name" == $n and
		."evt.rawres" == 0 and ."evt.res" == "SUCCESS" and ."proc.exepath" == $p and
		(."proc.pid" | type) == "number" and ."proc.ppid" > 0 and
		."evt.arg".exe == $p and ."evt.arg".pid == ."proc.pid"' "$OUT"
	# the parent's name: a field of its own (-p), not in the default record
	sg_capture "$OUT" -o json -p '%proc.pname %evt.failed' -n 1 -t 20s \
		"evt.type=execve and proc.name=$(basename "$t")" --- "$SGT" -l exec "$t"
	jq -e --arg parent "$NAME" '."proc.pname" == $parent and ."evt.failed" == false' "$OUT"
}

@test "openat of a unique file: fd, dirfd, name, flags in JSON" {
	local f="$BATS_TEST_TMPDIR/open-me"
	echo data >"$f"
	sg_capture "$OUT" -o json -n 1 -t 20s "evt.type=openat and proc.name=$NAME" --- "$SGT" -l open "$f"
	[ "$SG_STATUS" -eq 0 ]
	jq -e --arg f "$f" '
		."evt.type" == "openat" and ."evt.arg".name == $f and
		."evt.arg".dirfd == -100 and ."evt.arg".flags == "O_RDONLY|O_CLOEXEC" and
		(."evt.rawres" >= 3) and ."evt.arg".fd == ."evt.rawres" and
		."fd.num" == ."evt.rawres" and ."fd.type" == "file" and ."fd.name" == $f and
		(."evt.arg" | keys_unsorted) == ["fd", "dirfd", "name", "flags", "mode"]' "$OUT"
}

@test "openat of a unique file: sysdig-style text arguments" {
	local f="$BATS_TEST_TMPDIR/open-me"
	echo data >"$f"
	sg_capture "$OUT" -n 1 -t 20s "evt.type=openat and proc.name=$NAME" --- "$SGT" -l open "$f"
	[ "$SG_STATUS" -eq 0 ]
	grep -Eq "< openat fd=[0-9]+\(<f>$f\) dirfd=-100\(AT_FDCWD\) name=$f flags=4097\(O_RDONLY\|O_CLOEXEC\)" "$OUT"
}

@test "a failing openat has res=-2(ENOENT) and evt.failed" {
	local f="$BATS_TEST_TMPDIR/no-such-file"
	sg_capture "$OUT" -o json -n 1 -t 20s "evt.type=openat and proc.name=$NAME and evt.failed=true" --- "$SGT" -l enoent "$f"
	[ "$SG_STATUS" -eq 0 ]
	jq -e --arg f "$f" '."evt.rawres" == -2 and ."evt.res" == "ENOENT" and ."evt.arg".name == $f and
		."evt.arg".fd == -2 and has("fd.num") == false' "$OUT"
	sg_capture "$OUT" -n 1 -t 20s "evt.type=openat and proc.name=$NAME" --- "$SGT" -l enoent "$f"
	grep -q 'fd=-2(ENOENT)' "$OUT"
}

@test "connect to a closed loopback port: ECONNREFUSED and the tuple" {
	sg_capture "$OUT" -o json -n 1 -t 20s "evt.type=connect and proc.name=$NAME" --- "$SGT" -l connect 9
	[ "$SG_STATUS" -eq 0 ]
	jq -e '."evt.rawres" == -111 and ."evt.res" == "ECONNREFUSED" and
		(."evt.arg".tuple | test("^[0-9.]+:[0-9]+->127\\.0\\.0\\.1:9$"))' "$OUT"
}

@test "write: the data buffer, bounded by the snaplen" {
	local f="$BATS_TEST_TMPDIR/w"
	sg_capture "$OUT" -o json -s 5 -n 1 -t 20s "evt.type=write and proc.name=$NAME" --- "$SGT" -l write "$f" "hello world"
	[ "$SG_STATUS" -eq 0 ]
	jq -e --arg f "$f" '."evt.rawres" == 11 and ."evt.arg".data == "hello" and ."fd.name" == $f and
		."_cut" == ["data"]' "$OUT"
}

@test "-n stops after N events" {
	sg_capture "$OUT" -n 3 -t 20s "evt.type=getppid and proc.name=$NAME" --- "$SGT" -l -d 1 getppid 5
	[ "$SG_STATUS" -eq 0 ]
	[ "$(wc -l <"$OUT")" -eq 3 ]
	grep -c '< getppid ' "$OUT" | grep -qx 3
}

@test "-t ends a run that matched nothing with status 1" {
	run "$SYSGREP" -t 300ms 'proc.name=no-such-proc'
	[ "$status" -eq 1 ]
	[ -z "$output" ]
}

@test "a generic syscall has its name, result and six raw arguments" {
	sg_capture "$OUT" -o json -n 1 -t 20s "evt.type=getppid and proc.name=$NAME" --- "$SGT" -l getppid 1
	[ "$SG_STATUS" -eq 0 ]
	jq -e --arg n "$NAME" '."evt.type" == "getppid" and ."proc.name" == $n and (."evt.rawres" > 0) and
		(."evt.arg" | has("arg0") and has("arg5")) and
		(."evt.arg".arg0 | test("^0x[0-9a-f]+$"))' "$OUT"
}

@test "a closed pipe ends sysgrep quietly with status 0" {
	"$SGT" -l -d 1 getppid 3 &
	local h=$!
	run bash -c "'$SYSGREP' -t 20s 'evt.type=getppid and proc.name=$NAME' 2>'$BATS_TEST_TMPDIR/err' | head -n 3; echo \"status=\${PIPESTATUS[0]}\""
	kill $h; wait $h 2>/dev/null || true
	[ "$(echo "$output" | grep -c '< getppid ')" -eq 3 ]
	echo "$output" | grep -qx 'status=0'
	[ ! -s "$BATS_TEST_TMPDIR/err" ]
}

@test "SIGINT stops cleanly with status 1 when nothing matched" {
	"$SYSGREP" 'proc.name=no-such-proc' >"$OUT" 2>"$OUT.err" &
	local p=$!
	sleep 1
	kill -INT $p
	wait $p && st=0 || st=$?
	[ "$st" -eq 1 ]
	[ ! -s "$OUT" ]
}

@test "--stats prints counters on stderr, nothing on stdout" {
	sg_capture "$OUT" --stats -q -n 1 -t 20s "evt.type=getppid and proc.name=$NAME" --- "$SGT" -l getppid 1
	[ "$SG_STATUS" -eq 0 ]
	[ ! -s "$OUT" ]
	grep -q '^sysgrep: stats: .* matched' "$OUT.err"
}

@test "sysgrep never reports its own syscalls" {
	# exec keeps the pid: $$ of that shell is sysgrep's own pid (other
	# sysgrep instances on the host are fair game, so not proc.name)
	run bash -c 'exec "$0" -n 5 -t 1s "proc.pid=$$"' "$SYSGREP"
	[ "$status" -eq 1 ]
	[ -z "$output" ]
}

@test "output is flushed per line into a pipe" {
	# the first event must reach the reader long before -t ends the run
	"$SGT" -l -d 5 getppid 1 &
	local h=$!
	local t0=$SECONDS
	run timeout 30 bash -c "'$SYSGREP' -t 20s 'evt.type=getppid and proc.name=$NAME' | head -n 1"
	local took=$((SECONDS - t0))
	kill $h; wait $h 2>/dev/null || true
	[ "$status" -eq 0 ]
	[[ "$output" == *"< getppid "* ]]
	[ "$took" -lt 5 ]
}

@test "--buffered holds the output back until the end of the run" {
	# 20 calls a second: about 10 KB of lines in the run, well below a block
	"$SGT" -l -d 50 getppid 1 &
	local h=$!
	local t0=$SECONDS
	run timeout 30 bash -c "'$SYSGREP' --buffered -t 4s 'evt.type=getppid and proc.name=$NAME' | head -n 1"
	local took=$((SECONDS - t0))
	kill $h; wait $h 2>/dev/null || true
	[ "$status" -eq 0 ]
	[[ "$output" == *"< getppid "* ]]
	# nothing before the end
	[ "$took" -ge 3 ]
}

# colour_run ENV... [-- SYSGREP-OPTION...]: sysgrep on a terminal (script(1)
# gives it one), printing one event of the helper
colour_run() {
	command -v script >/dev/null || skip "no script(1) for a terminal"
	local env=() opts=()
	while [ $# -gt 0 ] && [ "$1" != "--" ]; do env+=("$1"); shift; done
	[ $# -gt 0 ] && shift
	opts=("$@")
	"$SGT" -l -d 5 getppid 1 &
	local h=$!
	run timeout 30 script -qec "env ${env[*]} '$SYSGREP' ${opts[*]} -n 1 -t 20s 'evt.type=getppid and proc.name=$NAME'" /dev/null
	kill $h; wait $h 2>/dev/null || true
	[[ "$output" == *"getppid"* ]]
}

@test "colour on a terminal by default" {
	colour_run TERM=xterm
	[[ "$output" == *$'\033['* ]]
}

@test "no colour on a terminal with NO_COLOR, --color=never or TERM=dumb" {
	colour_run TERM=xterm NO_COLOR=1
	[[ "$output" != *$'\033['* ]]
	colour_run TERM=dumb
	[[ "$output" != *$'\033['* ]]
	colour_run TERM=xterm -- --color=never
	[[ "$output" != *$'\033['* ]]
}

@test "--color=always wins over NO_COLOR; a pipe gets no colour" {
	"$SGT" -l -d 5 getppid 1 &
	local h=$!
	run bash -c "NO_COLOR=1 TERM=xterm '$SYSGREP' --color=always -n 1 -t 20s 'evt.type=getppid and proc.name=$NAME' | cat"
	[[ "$output" == *$'\033['* ]]
	run bash -c "TERM=xterm '$SYSGREP' -n 1 -t 20s 'evt.type=getppid and proc.name=$NAME' | cat"
	kill $h; wait $h 2>/dev/null || true
	[[ "$output" == *"getppid"* ]]
	[[ "$output" != *$'\033['* ]]
}

@test "without privileges: status 2 and a sentence saying what to do" {
	command -v setpriv >/dev/null || skip "no setpriv"
	run setpriv --reuid=65534 --regid=65534 --clear-groups "$SYSGREP" -t 1s 'evt.type=execve'
	[ "$status" -eq 2 ]
	[[ "$output" == sysgrep:* ]]
	[[ "$output" == *root* || "$output" == *CAP_BPF* ]]
}

@test "a closed pipe ends --count-by --interval quietly with status 0" {
	# no -t: only the closed pipe can end it (timeout's 124 otherwise)
	"$SGT" -l -d 5 getppid 1 &
	local h=$!
	run bash -c "timeout 15 '$SYSGREP' --count-by proc.name --interval 300ms 'evt.type=getppid and proc.name=$NAME' 2>'$BATS_TEST_TMPDIR/err' | head -n 1; echo \"status=\${PIPESTATUS[0]}\""
	kill $h; wait $h 2>/dev/null || true
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = "count  proc.name" ]
	echo "$output" | grep -qx 'status=0'
	[ ! -s "$BATS_TEST_TMPDIR/err" ]
}

@test "a write error of an --interval table ends the run at once with status 2" {
	[ -w /dev/full ] || skip "no /dev/full"
	"$SGT" -l -d 5 getppid 1 &
	local h=$!
	local t0=$SECONDS
	run --separate-stderr bash -c "timeout 15 '$SYSGREP' --count-by proc.name --interval 300ms -t 10s 'evt.type=getppid and proc.name=$NAME' >/dev/full"
	kill $h; wait $h 2>/dev/null || true
	[ "$status" -eq 2 ]
	[ $((SECONDS - t0)) -lt 5 ]
	[[ "$stderr" == *"sysgrep: "*"No space left on device"* ]]
	[ "$(grep -c 'No space left' <<<"$stderr")" -eq 1 ]
}

@test "events all skipped by -p for a missing field: nothing printed, status 1" {
	sg_capture "$OUT" -p '%evt.arg[9]' -t 1s "evt.type=getppid and proc.name=$NAME" --- "$SGT" -l -d 5 getppid 1
	[ "$SG_STATUS" -eq 1 ]
	[ ! -s "$OUT" ]
	# counted, they are found: -c and -q follow the matched events
	sg_capture "$OUT" -c -p '%evt.arg[9]' -t 1s "evt.type=getppid and proc.name=$NAME" --- "$SGT" -l -d 5 getppid 1
	[ "$SG_STATUS" -eq 0 ]
	[ "$(cat "$OUT")" -gt 0 ]
	sg_capture "$OUT" -q -p '%evt.arg[9]' -n 1 -t 20s "evt.type=getppid and proc.name=$NAME" --- "$SGT" -l -d 5 getppid 1
	[ "$SG_STATUS" -eq 0 ]
}

@test "a socket fd has its type and protocol letters: <4t>" {
	sg_capture "$OUT" -n 1 -t 20s "evt.type=connect and proc.name=$NAME" --- "$SGT" -l connect 9
	[ "$SG_STATUS" -eq 0 ]
	grep -Eq "< connect res=-111\(ECONNREFUSED\) tuple=[0-9.]+:[0-9]+->127\.0\.0\.1:9 fd=[0-9]+\(<4t>" "$OUT"
}

@test "a relative path is followed by its absolute form, as sysdig prints it" {
	mkdir -p "$BATS_TEST_TMPDIR/h"
	echo x >"$BATS_TEST_TMPDIR/h/comma,x"
	sg_capture "$OUT" -n 1 -t 20s "evt.type=openat and proc.name=$NAME" --- \
		bash -c 'cd "$1/h" && exec "$2" -l open "comma,x"' _ "$BATS_TEST_TMPDIR" "$SGT"
	[ "$SG_STATUS" -eq 0 ]
	grep -qF " name=comma,x($BATS_TEST_TMPDIR/h/comma,x) " "$OUT"
}
