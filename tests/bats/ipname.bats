#!/usr/bin/env bats
# fd.cip.name / fd.sip.name / fd.lip.name / fd.rip.name: the names a filter
# gives are resolved when it is compiled (c-ares; CARES_HOSTS names a hosts
# file of this test's own, so nothing needs a network), and an event's
# addresses compare with them.  A python3 client bound to 127.0.0.2
# connects to a server on 127.0.0.3, over and over.

load helpers

setup() {
	export CARES_HOSTS="$BATS_TEST_TMPDIR/hosts"
	printf '127.0.0.2 sgclient.test\n127.0.0.3 sgserver.test sgalias.test\n10.255.255.1 sgfar.test\n' \
		>"$CARES_HOSTS"
	PORT=$((20000 + RANDOM % 20000))
}

teardown() {
	[ -z "${PEERS:-}" ] || kill "$PEERS" 2>/dev/null || true
	[ -z "${PEERS:-}" ] || wait "$PEERS" 2>/dev/null || true
}

# Client 127.0.0.2 -> server 127.0.0.3:PORT, every 50 ms, for 60 s at most.
start_peers() {
	command -v python3 >/dev/null || skip "needs python3"
	python3 - "$PORT" <<'EOF' >/dev/null 2>&1 &
import socket, sys, time
port = int(sys.argv[1])
ls = socket.socket(); ls.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
ls.bind(("127.0.0.3", port)); ls.listen(8)
for _ in range(1200):
    c = socket.socket(); c.bind(("127.0.0.2", 0)); c.connect(("127.0.0.3", port))
    s, _ = ls.accept(); s.close(); c.close(); time.sleep(0.05)
EOF
	PEERS=$!
}

@test "ipname: fd.sip.name and fd.cip.name of a connect, fd.lip.name and fd.rip.name of its accept" {
	require_bpf
	start_peers
	run -0 "$SYSGREP" -n 1 -t 30s -p '%evt.type %fd.sip.name %fd.cip.name %fd.lip.name %fd.rip.name' \
		"evt.type=connect and fd.sport=$PORT and fd.sip.name=sgserver.test and fd.cip.name=sgclient.test"
	[ "$output" = "connect sgserver.test sgclient.test sgclient.test sgserver.test" ]
	run -0 "$SYSGREP" -n 1 -t 30s -p '%evt.type %fd.lip.name %fd.rip.name' \
		"evt.type=accept4 and fd.sport=$PORT and fd.lip.name=sgserver.test and fd.rip.name in (sgfar.test, sgclient.test)"
	[ "$output" = "accept4 sgserver.test sgclient.test" ]
}

@test "ipname: '=', '!=' and 'in' mean libs' match and !match; two names of one address both match" {
	require_bpf
	start_peers
	run -0 "$SYSGREP" -n 1 -t 30s -p '%fd.sip' \
		"evt.type=connect and fd.sport=$PORT and fd.sip.name != sgfar.test"
	[ "$output" = "127.0.0.3" ]
	run -0 "$SYSGREP" -n 1 -t 30s -p '%fd.sip' \
		"evt.type=connect and fd.sport=$PORT and fd.sip.name in (sgfar.test, sgalias.test)"
	[ "$output" = "127.0.0.3" ]
	# the alias is the second name of 127.0.0.3: it matches all the same
	run -0 "$SYSGREP" -n 1 -t 30s -p '%fd.sip' \
		"evt.type=connect and fd.sport=$PORT and fd.sip.name=sgserver.test and fd.sip.name=sgalias.test"
	[ "$output" = "127.0.0.3" ]
	# not the server's name: nothing, and '!=' of its own name: nothing either
	run -1 "$SYSGREP" -t 2s "evt.type=connect and fd.sport=$PORT and fd.sip.name=sgfar.test"
	[ -z "$output" ]
	run -1 "$SYSGREP" -t 2s "evt.type=connect and fd.sport=$PORT and fd.sip.name != sgalias.test"
	[ -z "$output" ]
}

@test "ipname: compile-time checks, warnings for a name without an address, --list-fields marks" {
	run -0 --separate-stderr "$SYSGREP" --dump-filter 'fd.sip.name in (sgserver.test, nowhere.invalid)'
	[[ "$stderr" == *"warning: fd.sip.name: 'nowhere.invalid' has no address"* ]]
	[[ "$stderr" != *"sgserver.test"* ]]
	run -2 "$SYSGREP" --dump-filter 'fd.sip.name contains sgserver'
	[[ "$output" == *"takes '=', '!=' or 'in' with host names"* ]]
	run -2 "$SYSGREP" --dump-filter 'fd.cip.name = val(proc.name)'
	[[ "$output" == *"compares with host names, not fields"* ]]
	run -0 "$SYSGREP" --list-fields -o json
	echo "$output" | jq -e -s '[.[] | select(.needs == "resolver") | .name] | sort ==
		["fd.cip.name", "fd.lip.name", "fd.rip.name", "fd.sip.name"]'
}
