#!/usr/bin/env bats
# Option parsing that needs no probe: options after the filter words,
# durations that are numbers only, and filter words that start with '-'.

load helpers

@test "options may follow the filter words (as with grep and sysdig)" {
	run -0 "$SYSGREP" evt.type = openat --dump-filter
	[[ "$output" == *"syscalls: 1 of"*"openat"* ]]
}

@test "a filter word that starts with '-' is an option unless after --" {
	run -2 "$SYSGREP" --dump-filter evt.rawres = -2
	[[ "$output" == *"unknown option '-2': a filter word that starts with '-' goes after '--' or in quotes"* ]]
	run -0 "$SYSGREP" --dump-filter -- evt.rawres = -2
	run -0 "$SYSGREP" --dump-filter 'evt.rawres = -2'
}

@test "-t takes decimal durations only: nan, inf and hex are refused" {
	local d
	for d in nan inf 0x10 -1 '' 1e; do
		run -2 "$SYSGREP" -t "$d" --dump-filter evt.type=open
		[[ "$output" == *"-t: '$d' is not a duration"* ]]
	done
	for d in 30 30s .5 1.5m 500ms 1h; do
		run -0 "$SYSGREP" -t "$d" --dump-filter evt.type=open
	done
}

@test "-q exits at the first match, like grep -q" {
	require_bpf
	local t
	t=$(unique_copy /bin/true tru_)
	( for i in $(seq 100); do "$t"; sleep 0.1; done ) &
	local loop=$!
	SECONDS=0
	run -0 timeout 20 "$SYSGREP" -q -t 15s "evt.type=execve and proc.name=$(basename "$t")"
	kill "$loop" 2>/dev/null || true
	[ -z "$output" ]
	[ "$SECONDS" -lt 10 ]
}
