#!/usr/bin/env bats
# contrib/: the systemd audit service and timer pass `systemd-analyze verify`
# (with this sysgrep in ExecStart), their filter compiles, sysgrep sees events
# with only the unit's capabilities, and the logrotate snippet rotates.

load helpers

REPO=$BATS_TEST_DIRNAME/../..
UNITS=$REPO/contrib/systemd

# the units in a scratch directory, ExecStart naming the binary under test
units_here() {
	U=$BATS_TEST_TMPDIR/units
	mkdir -p "$U" "$BATS_TEST_TMPDIR/man/man8"
	cp "$UNITS"/sysgrep-audit.service "$UNITS"/sysgrep-audit.timer "$U/"
	sed -i "s|/usr/bin/sysgrep|$SYSGREP|" "$U/sysgrep-audit.service"
	# Documentation=man:sysgrep(8) resolves to this tree's page
	cp "$REPO/man/sysgrep.8" "$BATS_TEST_TMPDIR/man/man8/"
}

# the arguments of the unit's ExecStart, one a line, as systemd splits them
exec_args() {
	sed -n 's/^ExecStart=//p' "$UNITS/sysgrep-audit.service" |
		python3 -c 'import shlex, sys; print("\n".join(shlex.split(sys.stdin.read())[1:]))'
}

@test "contrib: systemd-analyze verify accepts the audit service and timer, with nothing to say" {
	command -v systemd-analyze >/dev/null || skip "systemd-analyze is not installed"
	units_here
	run env MANPATH="$BATS_TEST_TMPDIR/man" systemd-analyze verify "$U/sysgrep-audit.service" "$U/sysgrep-audit.timer"
	echo "$output"
	[ "$status" -eq 0 ]
	# warnings (an unknown key, a bad value) do not change the status: none at all
	! grep -q 'sysgrep-audit' <<<"$output"
	# the timer starts the service
	grep -qx 'OnCalendar=\*-\*-\* 00:00:00' "$U/sysgrep-audit.timer"
	[ ! -e "$U/sysgrep-audit.path" ]
}

@test "contrib: the audit's command line is one this sysgrep takes, ending before the timer's next start" {
	command -v python3 >/dev/null || skip "no python3"
	mapfile -t args < <(exec_args)
	[ "${#args[@]}" -ge 4 ]
	run "$SYSGREP" "${args[@]}" --dump-filter
	echo "$output"
	[ "$status" -eq 0 ]
	# -t: less than a day, so the run is over when the timer fires again
	local i t
	for i in "${!args[@]}"; do [ "${args[i]}" = -t ] && t=${args[i+1]}; done
	[[ "$t" =~ ^([0-9]+)m$ ]]
	[ "${BASH_REMATCH[1]}" -lt 1440 ]
}

@test "contrib: with only the unit's CapabilityBoundingSet and no_new_privs, sysgrep sees the audit's events" {
	require_bpf
	command -v setpriv >/dev/null || skip "no setpriv (util-linux)"
	command -v python3 >/dev/null || skip "no python3"
	local caps
	caps=$(sed -n 's/^CapabilityBoundingSet=//p' "$UNITS/sysgrep-audit.service" |
		tr ' ' '\n' | sed 's/^CAP_//' | tr 'A-Z' 'a-z' | sed 's/^/+/' | paste -sd,)
	[[ "$caps" == *+bpf*+perfmon* ]]
	mapfile -t args < <(exec_args)
	local prog out=$BATS_TEST_TMPDIR/audit.jsonl
	prog=$(unique_copy /bin/true sgaud)
	# the unit's own command line, -t shortened, -n 1, for this program only
	args=("${args[@]/#1435m/20s}")
	args[-1]="(${args[-1]}) and proc.name=$(basename "$prog")"
	local wrap=$BATS_TEST_TMPDIR/sysgrep-bounded
	printf '#!/bin/sh\nexec setpriv --bounding-set -all,%s --no-new-privs -- %s "$@"\n' "$caps" "$SYSGREP" >"$wrap"
	chmod +x "$wrap"
	SYSGREP=$wrap sg_capture "$out" -n 1 "${args[@]}" --- bash -c "while :; do '$prog'; sleep 0.05; done"
	cat "$out.err"
	[ "$SG_STATUS" -eq 0 ]
	run jq -e -s --arg name "$(basename "$prog")" \
		'map(select(.["evt.type"] == "execve" and .["proc.name"] == $name)) | length == 1' "$out"
	[ "$status" -eq 0 ]
}

@test "contrib: the logrotate snippet rotates the audit file to a dated name and empties it in place" {
	command -v logrotate >/dev/null || skip "logrotate is not installed"
	local d=$BATS_TEST_TMPDIR/log conf=$BATS_TEST_TMPDIR/logrotate.conf
	mkdir -p "$d"
	sed "s|/var/log/sysgrep|$d|" "$REPO/contrib/logrotate/sysgrep" >"$conf"
	run logrotate -d -s "$BATS_TEST_TMPDIR/state" "$conf"
	echo "$output"
	[ "$status" -eq 0 ]
	! grep -qi '^error' <<<"$output"
	echo '{"evt.type":"execve"}' >"$d/audit.jsonl"
	# a writer holding it open with O_APPEND, as systemd's StandardOutput=append: does
	exec 7>>"$d/audit.jsonl"
	run logrotate -f -s "$BATS_TEST_TMPDIR/state" "$conf"
	echo "$output"
	[ "$status" -eq 0 ]
	local rotated="$d/audit.jsonl-$(date -d yesterday +%Y%m%d)"
	[ -f "$rotated" ]
	grep -q execve "$rotated"
	[ ! -s "$d/audit.jsonl" ]
	echo '{"evt.type":"openat"}' >&7
	exec 7>&-
	# the writer's next line is at the start of the emptied file
	[ "$(head -c 1 "$d/audit.jsonl")" = "{" ]
	grep -q openat "$d/audit.jsonl"
}
