#!/usr/bin/env bats
# Counting in the kernel: -c, -q and --count-by over fields the kernel knows,
# with a filter it decides whole, count in a BPF map and send no event.
# Each test checks the counts against the calls the helper made, and against
# the same run counted in user space (--no-pushdown), so the kernel path
# cannot drift from the filter's meaning.

load helpers

setup() {
	require_bpf
	SGT=$(unique_copy "$HELPERS/sgtest" sgk_)
	NAME=$(basename "$SGT")
	OUT="$BATS_TEST_TMPDIR/out"
}

# count_run N SYSGREP-ARGS...: start sysgrep, wait until it is attached,
# make N getppid calls, stop it with SIGINT; sets SG_STATUS.
count_run() {
	local n=$1
	shift
	"$SYSGREP" "$@" >"$OUT" 2>"$OUT.err" &
	local sg=$!
	sg_wait_attached "$sg"
	"$SGT" getppid "$n"
	kill -INT "$sg"
	SG_STATUS=0
	wait "$sg" || SG_STATUS=$?
}

stat_of() { # KEY: a number of the --stats JSON object
	jq -r ".stats.$1" "$OUT.err"
}

@test "-c in the kernel: exactly the calls made, and no event sent" {
	count_run 5000 -v -c -o json --stats "evt.type=getppid and proc.name=$NAME"
	[ "$SG_STATUS" -eq 0 ]
	grep -q '^sysgrep: counting in the kernel' "$OUT.err"
	grep -v '^sysgrep: ' "$OUT.err" >"$OUT.stats"
	mv "$OUT.stats" "$OUT.err"
	[ "$(jq -r .count "$OUT")" -eq 5000 ]
	[ "$(stat_of kernel_counted)" -eq 5000 ]
	[ "$(stat_of emitted)" -eq 0 ]
	[ "$(stat_of lost)" -eq 0 ]
}

@test "-c counted in user space (--no-pushdown) gives the same number" {
	count_run 3000 -v -c --no-pushdown "evt.type=getppid and proc.name=$NAME"
	[ "$SG_STATUS" -eq 0 ]
	grep -q '^sysgrep: counting in user space: --no-pushdown' "$OUT.err"
	[ "$(cat "$OUT")" -eq 3000 ]
}

@test "--count-by evt.type,proc.name,thread.tid,user.uid in the kernel: the exact rows" {
	count_run 700 -v -o json --count-by evt.type,proc.name,thread.tid,user.uid \
		"proc.name=$NAME and evt.type in (getppid, procexit)"
	[ "$SG_STATUS" -eq 0 ]
	grep -q '^sysgrep: counting in the kernel' "$OUT.err"
	[ "$(wc -l <"$OUT")" -eq 2 ]
	jq -e -s --arg n "$NAME" '
		(map(select(."evt.type" == "getppid" and .count == 700 and ."proc.name" == $n and
			    ."user.uid" == 0 and (."thread.tid" | type) == "number")) | length) == 1 and
		(map(select(."evt.type" == "procexit" and .count == 1)) | length) == 1' "$OUT"
}

@test "--count-by proc.pid,container.id in the kernel matches the user-space table" {
	count_run 400 -o json --count-by proc.pid,container.id "evt.type=getppid and proc.name=$NAME"
	[ "$SG_STATUS" -eq 0 ]
	jq -c -s 'map({count, pid: ."proc.pid", c: ."container.id"})' "$OUT" >"$BATS_TEST_TMPDIR/k"
	jq -e -s 'length == 1 and .[0].count == 400 and (.[0]."container.id" | length) > 0' "$OUT"
	count_run 400 -o json --count-by proc.pid,container.id --no-pushdown \
		"evt.type=getppid and proc.name=$NAME"
	jq -e -s 'length == 1 and .[0].count == 400 and (.[0]."container.id" | length) > 0' "$OUT"
	# the same container for a process started after sysgrep, either way
	[ "$(jq -r '.[0].c' "$BATS_TEST_TMPDIR/k")" = "$(jq -r -s '.[0]."container.id"' "$OUT")" ]
}

@test "--interval rows counted in the kernel add up to the calls made" {
	"$SYSGREP" -o json --count-by evt.type --interval 200ms \
		"evt.type=getppid and proc.name=$NAME" >"$OUT" 2>"$OUT.err" &
	local sg=$!
	sg_wait_attached "$sg"
	"$SGT" -l -d 5 getppid 10 &
	local h=$!
	sleep 1
	kill "$h"
	wait "$h" || true
	sleep 0.3
	kill -INT "$sg"
	wait "$sg" || true
	# several intervals, each row with its end; nothing counted twice
	[ "$(jq -s 'map(.interval) | unique | length' "$OUT")" -ge 3 ]
	local total
	total=$(jq -s 'map(.count) | add' "$OUT")
	[ "$total" -gt 0 ] && [ $((total % 10)) -eq 0 ]
}

@test "-q in the kernel exits 0 at the first match" {
	"$SYSGREP" -q -t 20s "evt.type=getppid and proc.name=$NAME" &
	local sg=$!
	sg_wait_attached "$sg"
	"$SGT" getppid 1
	SG_STATUS=0
	wait "$sg" || SG_STATUS=$?
	[ "$SG_STATUS" -eq 0 ]
}

@test "a filter the kernel cannot decide is counted in user space, and says why" {
	count_run 200 -v -c "evt.type=getppid and proc.name=$NAME and evt.res=SUCCESS"
	[ "$SG_STATUS" -eq 0 ]
	grep -q '^sysgrep: counting in user space: the kernel does not decide the whole filter' "$OUT.err"
	[ "$(cat "$OUT")" -eq 200 ]
	count_run 200 -v --count-by evt.type,proc.ppid "evt.type=getppid and proc.name=$NAME"
	grep -q 'count-by proc.ppid: the kernel does not know that field' "$OUT.err"
	grep -Eq '^ *200 +getppid ' "$OUT"
}

@test "--dump-filter says when the counting is done in the kernel" {
	run "$SYSGREP" --dump-filter -c "evt.type in (getppid, openat) and proc.name=$NAME and user.uid=0"
	[ "$status" -eq 0 ]
	[[ "$output" == *"kernel decides the whole filter: yes"* ]]
	[[ "$output" == *"counting: in the kernel (no event is sent)"* ]]
	run "$SYSGREP" --dump-filter --count-by proc.name "evt.type=openat or proc.name=$NAME"
	[[ "$output" == *"kernel decides the whole filter: no"* ]]
	[[ "$output" == *"counting: in user space: the kernel does not decide"* ]]
	run "$SYSGREP" --dump-filter "evt.type=openat"
	[[ "$output" == *"would count in the kernel"* ]]
}
