#!/usr/bin/env bats
# What the probe captures, asserted on real calls: calls newer than the
# build host's headers, the snaplen, and the path of a successful exec.

load helpers

setup() {
	require_bpf
	SGP=$(unique_copy "$HELPERS/sgprobe" sgp_)
	NAME=$(basename "$SGP")
	OUT="$BATS_TEST_TMPDIR/out"
}

@test "a call newer than the build headers (fchmodat2, nr 452) is typed and decoded" {
	local f="$BATS_TEST_TMPDIR/chmod-me"
	: >"$f"
	sg_capture "$OUT" -o json -n 1 -t 20s "evt.type=fchmodat2 and proc.name=$NAME" --- "$SGP" fchmodat2 "$f"
	[ "$SG_STATUS" -eq 0 ]
	jq -e --arg f "$f" '."evt.type" == "fchmodat2" and ."evt.rawres" == 0 and
		."evt.arg".filename == $f and ."evt.arg".mode == 416 and
		."evt.arg".dirfd == -100' "$OUT"
	[ "$(stat -c %a "$f")" = 640 ]
}

@test "-s 0 captures no data bytes, and the cut is marked" {
	sg_capture "$OUT" -o json -s 0 -n 1 -t 20s "evt.type=write and proc.name=$NAME" --- "$SGP" write 100
	[ "$SG_STATUS" -eq 0 ]
	jq -e '."evt.rawres" == 100 and ."evt.arg".size == 100' "$OUT"
	jq -e '(."evt.arg".data // "") == "" and ."_cut" == ["data"]' "$OUT"
	sg_capture "$OUT" -o json -s 0 -n 1 -t 20s -p '%evt.args' "evt.type=write and proc.name=$NAME" --- "$SGP" write 100
	grep -q 'data=\.\.\.' <(jq -r '."evt.args"' "$OUT")
}

@test "-s 10 captures ten bytes and marks the cut" {
	sg_capture "$OUT" -s 10 -n 1 -t 20s "evt.type=write and proc.name=$NAME" --- "$SGP" write 100
	[ "$SG_STATUS" -eq 0 ]
	grep -q ' data=abcdefghij\.\.\. ' "$OUT" || grep -q ' data=abcdefghij\.\.\.$' "$OUT"
}

@test "a successful execve carries the file that was run in filename" {
	local t
	t=$(unique_copy /bin/true tru_)
	sg_capture "$OUT" -o json -n 1 -t 20s "evt.type=execve and proc.name=$(basename "$t")" --- \
		sh -c "while :; do $t; sleep 0.05; done"
	[ "$SG_STATUS" -eq 0 ]
	jq -e --arg t "$t" '."evt.rawres" == 0 and ."evt.arg".filename == $t and ."proc.exepath" == $t' "$OUT"
}

@test "an argv longer than the probe captures is marked cut, not silently short" {
	local t big
	t=$(unique_copy /bin/true tru_)
	big=$(printf 'a%.0s' $(seq 200))
	local args=()
	for i in $(seq 100); do args+=("$i$big"); done
	printf '%s\n' "${args[@]}" >"$BATS_TEST_TMPDIR/args"
	sg_capture "$OUT" -o json -n 1 -t 20s "evt.type=execve and proc.name=$(basename "$t")" --- \
		sh -c "while :; do xargs $t <'$BATS_TEST_TMPDIR/args'; sleep 0.05; done"
	[ "$SG_STATUS" -eq 0 ]
	# what was captured is a true prefix of the 20 KB argv, and says so
	jq -e '(."_cut" | index("args")) != null' "$OUT"
	jq -e '(."evt.arg".args | length) < 100 and (."evt.arg".args | .[0] | startswith("1aaaa"))' "$OUT"
	sg_capture "$OUT" -o json -n 1 -t 20s -p '%evt.args %evt.arg.args %evt.rawarg.args' \
		"evt.type=execve and proc.name=$(basename "$t")" --- \
		sh -c "while :; do xargs $t <'$BATS_TEST_TMPDIR/args'; sleep 0.05; done"
	jq -e '."evt.arg.args" | endswith("...")' "$OUT"
	jq -e '."evt.args" | test(" args=1a+\\.2a+\\..*\\.\\.\\. tid=")' "$OUT"
	jq -e '(."evt.rawarg.args" | length) < 20000 and (."evt.rawarg.args" | startswith("1aaaa"))' "$OUT"
}

@test "a short argv is not marked cut" {
	local t
	t=$(unique_copy /bin/true tru_)
	sg_capture "$OUT" -o json -n 1 -t 20s "evt.type=execve and proc.name=$(basename "$t")" --- \
		sh -c "while :; do $t one two; sleep 0.05; done"
	[ "$SG_STATUS" -eq 0 ]
	jq -e '."evt.arg".args == ["one", "two"] and has("_cut") == false' "$OUT"
	sg_capture "$OUT" -o json -n 1 -t 20s -p '%evt.arg.args' "evt.type=execve and proc.name=$(basename "$t")" --- \
		sh -c "while :; do $t one two; sleep 0.05; done"
	jq -e '."evt.arg.args" == "one.two."' "$OUT"
}

@test "execve carries tty, pgid and gid, as Falco's exit event does" {
	command -v script >/dev/null || skip "no script(1) to give the exec a terminal"
	local t
	t=$(unique_copy /bin/true tru_)
	sg_capture "$OUT" -o json -n 1 -t 20s "evt.type=execve and proc.name=$(basename "$t")" --- \
		script -qec "while :; do setsid $t; sleep 0.05; done" /dev/null
	[ "$SG_STATUS" -eq 0 ]
	# setsid: a new session and process group, led by the exec'd process
	jq -e '."evt.arg".pgid == ."proc.pid" and ."evt.arg".gid == 0 and
		(."evt.arg".tty | type) == "number"' "$OUT"
}

@test "execve under a terminal: tty is the terminal's device, as proc.tty" {
	command -v script >/dev/null || skip "no script(1) to give the exec a terminal"
	local t
	t=$(unique_copy /bin/true tru_)
	sg_capture "$OUT" -o json -n 1 -t 20s -p '*%evt.rawarg.tty %proc.tty' \
		"evt.type=execve and proc.name=$(basename "$t")" --- \
		script -qec "while :; do $t; sleep 0.05; done" /dev/null
	[ "$SG_STATUS" -eq 0 ]
	jq -e '."evt.rawarg.tty" > 0 and ."evt.rawarg.tty" == ."proc.tty"' "$OUT"
}

@test "a UDP client bound to port 0 stays the client: fd.sport is the server's" {
	sg_capture "$OUT" -o json -n 5 -t 20s -p '%fd.sport %fd.cport %fd.is_server %fd.sip %fd.cip' \
		"evt.type=sendto and proc.name=$NAME" --- "$SGP" udpbind0 9
	[ "$SG_STATUS" -eq 0 ]
	[ "$(wc -l <"$OUT")" -eq 5 ]
	# every one of them: the first may come from /proc, the others from bind
	jq -se 'all(."fd.sport" == 9 and ."fd.is_server" == false and ."fd.cport" > 0 and
		."fd.sip" == "127.0.0.1")' "$OUT"
}
