#!/usr/bin/env bats
# Pushdown may change the cost, never the result: the same filter run with the
# kernel-side selection and with --no-pushdown, side by side on the same
# workload, must print the same events.

load helpers

setup() {
	require_bpf
	SGT=$(unique_copy "$HELPERS/sgtest" sgp_)
	NAME=$(basename "$SGT")
	F="$BATS_TEST_TMPDIR/pd-file"
}

workload() {
	"$SGT" write "$F" "some data"
	"$SGT" open "$F"
	"$SGT" enoent "$BATS_TEST_TMPDIR/pd-missing"
	"$SGT" connect 9
	"$SGT" getppid 7
	"$SGT" files "$BATS_TEST_TMPDIR"
}

# same_events FILTER: both runs attached at once, one workload, same lines
same_events() {
	local fmt='%evt.type %thread.tid %evt.rawres %fd.name %evt.arg.name'
	# -t only bounds a hang: both are stopped once the workload is done,
	# and a stop drains what the probe had sent
	"$SYSGREP" -t 60s -p "*$fmt" "$1" >"$BATS_TEST_TMPDIR/with" 2>"$BATS_TEST_TMPDIR/with.err" &
	local a=$!
	"$SYSGREP" --no-pushdown -t 60s -p "*$fmt" "$1" >"$BATS_TEST_TMPDIR/without" 2>"$BATS_TEST_TMPDIR/without.err" &
	local b=$!
	sg_wait_attached $a
	sg_wait_attached $b
	workload
	kill -INT $a $b 2>/dev/null || true
	wait $a || true
	wait $b || true
	[ -s "$BATS_TEST_TMPDIR/with" ]
	diff "$BATS_TEST_TMPDIR/with" "$BATS_TEST_TMPDIR/without"
	return 0
}

@test "pushdown: syscall set and comm" {
	same_events "proc.name=$NAME and evt.type in (openat, read, write, close)"
}

@test "pushdown: negation and fd state" {
	same_events "proc.name=$NAME and not evt.type in (getppid, mmap, mprotect, brk) and (fd.name contains pd- or evt.failed=true)"
}

@test "pushdown: uid and or-ed types" {
	same_events "user.uid=0 and proc.name=$NAME and (evt.type=getppid or evt.type startswith mkdir or evt.type=connect)"
}

@test "pushdown: a name too long for a comm is left out of the pushed list" {
	same_events "proc.name in (a_name_longer_than_a_comm, $NAME) and evt.type in (openat, write)"
}

@test "pushdown: pmatch with glob components" {
	same_events "proc.name=$NAME and fd.name pmatch ('$BATS_TEST_TMPDIR/pd-*')"
	# and it selected what it should: the pd-file events, nothing else
	grep -q "pd-file" "$BATS_TEST_TMPDIR/with"
	! grep -v "pd-file" "$BATS_TEST_TMPDIR/with"
}

@test "pushdown: an any-of field is refused against val(), as libs refuses it (EPF_NO_RHS)" {
	run -2 "$SYSGREP" --dump-filter "proc.name=$NAME and proc.aname=val(proc.name)"
	[[ "$output" == *"'proc.aname' cannot be compared with a right-hand side field"* ]]
	[[ "$output" == *"^"* ]]
}

@test "pushdown: a field against val() of another field" {
	# the workload's parent is bats' shell, never a process of its own name
	run -0 "$SYSGREP" --dump-filter "proc.name=$NAME and proc.pname=val(proc.name)"
	same_events "proc.name=$NAME and (proc.pname=val(proc.name) or evt.type=getppid)"
	grep -q "^getppid " "$BATS_TEST_TMPDIR/with"
	! grep -v "^getppid " "$BATS_TEST_TMPDIR/with"
}

@test "--dump-filter names what is pushed down" {
	run "$SYSGREP" --dump-filter "proc.name=$NAME and evt.type in (openat, read)"
	[ "$status" -eq 0 ]
	[[ "$output" == *"$NAME"* ]]
	[[ "$output" == *openat* ]]
}
