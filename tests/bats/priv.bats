#!/usr/bin/env bats
# Least privilege, for real: sysgrep run as the user nobody with exactly the
# capabilities sysgrep(8) PRIVILEGES lists sees another user's events and fd
# names; with one fewer it names the one missing; once running it holds only
# what it still uses, with no_new_privs; -r needs nothing at all.

load helpers

# The capabilities a live run needs, in setpriv's spelling.
CAPS4=(bpf perfmon sys_ptrace dac_read_search)

setup() {
	REAL=$SYSGREP
	OUT="$BATS_TEST_TMPDIR/out"
}

# Everything setpriv needs to run sysgrep as nobody with given capabilities.
require_setpriv() {
	[ "$(id -u)" -eq 0 ] || skip "needs root to run sysgrep as nobody with capabilities"
	command -v setpriv >/dev/null || skip "no setpriv (util-linux)"
	setpriv --list-caps | grep -qx bpf || skip "this setpriv does not know CAP_BPF"
	id nobody >/dev/null 2>&1 || skip "no user nobody"
}

# as_nobody CAP...: from here on SYSGREP runs the binary as nobody holding
# exactly those capabilities (none when no argument): permitted, effective,
# inheritable, ambient and bounding sets all the same.
as_nobody() {
	local set="-all" c
	for c in "$@"; do set+=",+$c"; done
	local w="$BATS_TEST_TMPDIR/as-nobody"
	cat >"$w" <<EOF
#!/bin/sh
exec setpriv --reuid=nobody --regid=$(id -g nobody) --clear-groups --inh-caps=$set \
	--ambient-caps=$set --bounding-set=$set "$REAL" "\$@"
EOF
	chmod +x "$w"
	SYSGREP=$w
}

# status_field PID NAME: a line's value from /proc/PID/status
status_field() {
	awk -v k="$2:" '$1 == k { print $2 }' /proc/"$1"/status
}

# wait_dropped PID: wait (up to 15 s) until sysgrep PID has set no_new_privs,
# the last step after attaching and seeding.
wait_dropped() {
	local i
	for i in $(seq 1 300); do
		[ "$(status_field "$1" NoNewPrivs 2>/dev/null)" = 1 ] && return 0
		kill -0 "$1" 2>/dev/null || return 1
		sleep 0.05
	done
	return 1
}

# Where the shared captures are, from /work/main or from a worktree.
captures() {
	local repo="$BATS_TEST_DIRNAME/../.." d
	for d in "$repo/../shared/captures" "$repo/../../shared/captures"; do
		[ -r "$d/curl_google.scap" ] && { echo "$d"; return 0; }
	done
	return 1
}

@test "as nobody with exactly CAP_BPF, CAP_PERFMON, CAP_SYS_PTRACE, CAP_DAC_READ_SEARCH: a root process's events and fd names" {
	require_bpf
	require_setpriv
	local sgt name f="$BATS_TEST_TMPDIR/held" h
	sgt=$(unique_copy "$HELPERS/sgtest" sgt_)
	name=$(basename "$sgt")
	# root's helper opens the file before sysgrep starts: its name can only
	# come from /proc/PID/fd, which nobody reads with these capabilities
	"$sgt" -l -d 10 hold "$f" &
	h=$!
	for _ in $(seq 1 100); do [ -s "$f" ] && break; sleep 0.05; done
	as_nobody "${CAPS4[@]}"
	run --separate-stderr "$SYSGREP" -o json -n 3 -t 20s -p '%evt.type %proc.name %user.uid %fd.name' \
		"evt.type=write and proc.name=$name"
	kill "$h"; wait "$h" 2>/dev/null || true
	[ "$status" -eq 0 ]
	[ "$(jq -c --arg n "$name" --arg f "$f" \
		'select(."evt.type" == "write" and ."proc.name" == $n and ."user.uid" == 0 and ."fd.name" == $f)' \
		<<<"$output" | wc -l)" -eq 3 ]
}

@test "as nobody with exactly the four: a new process's exec is seen" {
	require_bpf
	require_setpriv
	local sgt t
	sgt=$(unique_copy "$HELPERS/sgtest" sgt_)
	t=$(unique_copy /bin/true tru_)
	as_nobody "${CAPS4[@]}"
	sg_capture "$OUT" -o json -n 1 -t 20s "evt.type=execve and proc.name=$(basename "$t")" --- "$sgt" -l exec "$t"
	[ "$SG_STATUS" -eq 0 ]
	[ "$(jq -c --arg p "$t" 'select(."evt.type" == "execve" and ."proc.exepath" == $p and ."evt.rawres" == 0)' "$OUT" | wc -l)" -eq 1 ]
}

@test "with one capability fewer: status 2 and the missing capability named" {
	require_bpf
	require_setpriv
	local c others
	for c in "${CAPS4[@]}"; do
		others=()
		for o in "${CAPS4[@]}"; do [ "$o" = "$c" ] || others+=("$o"); done
		as_nobody "${others[@]}"
		run --separate-stderr "$SYSGREP" -t 5s 'evt.type=getppid and proc.pid=1'
		echo "without $c: status $status: $stderr"
		[ "$status" -eq 2 ]
		[ -z "$output" ]
		[[ "$stderr" == "sysgrep: missing capability CAP_${c^^}, needed "* ]]
		# one sentence naming every capability to give
		[ "$(wc -l <<<"$stderr")" -eq 1 ]
		[[ "$stderr" == *"CAP_BPF, CAP_PERFMON, CAP_SYS_PTRACE and CAP_DAC_READ_SEARCH"* ]]
	done
}

@test "a running sysgrep as nobody keeps only CAP_SYS_PTRACE and CAP_DAC_READ_SEARCH, with NoNewPrivs" {
	require_bpf
	require_setpriv
	as_nobody "${CAPS4[@]}"
	"$SYSGREP" --stats -t 20s 'evt.type=getppid and proc.pid=1' >"$OUT" 2>"$OUT.err" &
	local sg=$!
	wait_dropped "$sg"
	local eff prm inh amb bnd
	eff=$(status_field "$sg" CapEff) prm=$(status_field "$sg" CapPrm)
	inh=$(status_field "$sg" CapInh) amb=$(status_field "$sg" CapAmb)
	kill -INT "$sg"
	wait "$sg" || true
	# bit 19 CAP_SYS_PTRACE, bit 2 CAP_DAC_READ_SEARCH
	[ "$eff" = 0000000000080004 ]
	[ "$prm" = 0000000000080004 ]
	[ "$inh" = 0000000000000000 ]
	[ "$amb" = 0000000000000000 ]
	grep -qx 'sysgrep: privileges: kept CAP_DAC_READ_SEARCH, CAP_SYS_PTRACE (.*); dropped CAP_PERFMON, CAP_BPF; no_new_privs set' "$OUT.err"
}

@test "a running sysgrep as root drops to the same two, bounding set included" {
	require_bpf
	"$SYSGREP" -t 20s 'evt.type=getppid and proc.pid=1' >"$OUT" 2>"$OUT.err" &
	local sg=$!
	wait_dropped "$sg"
	local eff bnd
	eff=$(status_field "$sg" CapEff) bnd=$(status_field "$sg" CapBnd)
	kill -INT "$sg"
	wait "$sg" || true
	[ "$eff" = 0000000000080004 ]
	# root holds CAP_SETPCAP until the drop: nothing it runs could regain more
	[ "$bnd" = 0000000000080004 ]
}

@test "counting in the kernel keeps no capability at all" {
	require_bpf
	# -c over evt.type is counted in the kernel: no state, no /proc
	"$SYSGREP" -c -t 20s 'evt.type=getppid' >"$OUT" 2>"$OUT.err" &
	local sg=$!
	wait_dropped "$sg"
	local eff
	eff=$(status_field "$sg" CapEff)
	kill -INT "$sg"
	wait "$sg" || true
	[ "$eff" = 0000000000000000 ]
}

@test "--stats -o json says what was kept and that no_new_privs is set" {
	require_bpf
	run --separate-stderr "$SYSGREP" -o json --stats -t 300ms 'evt.type=getppid and proc.pid=1'
	[ "$status" -eq 1 ]
	jq -e '.stats.privileges | .kept == ["CAP_DAC_READ_SEARCH", "CAP_SYS_PTRACE"] and
		.no_new_privs == true and (.dropped | index("CAP_BPF") != null) and
		(.dropped | index("CAP_SYS_ADMIN") != null)' < <(grep '^{' <<<"$stderr")
	# the stats object is the one JSON line (a loss under load is a sentence)
	[ "$(grep -c '^{' <<<"$stderr")" -eq 1 ]
}

@test "-r needs no privilege: nobody with no capability reads a capture" {
	local d
	d=$(captures) || skip "no shared captures (../shared/captures or ../../shared/captures from the repository)"
	require_setpriv
	as_nobody
	run --separate-stderr "$SYSGREP" -r "$d/curl_google.scap" -c 'evt.type=open'
	[ "$status" -eq 0 ]
	# sysdig 0.29.3 counts 96 (enter and exit); sysgrep one event per call
	[ "$output" -gt 0 ]
	local as_root
	as_root=$("$REAL" -r "$d/curl_google.scap" -c 'evt.type=open')
	[ "$output" = "$as_root" ]
	run --separate-stderr "$SYSGREP" -r - -o json -n 1 'evt.type=execve' <"$d/curl_google.scap"
	[ "$status" -eq 0 ]
	[ "$(jq -c 'select(."evt.type" == "execve")' <<<"$output" | wc -l)" -eq 1 ]
}
