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

@test "in a user namespace the reason is the namespace, not the kernel" {
	[ "$(id -u)" -eq 0 ] || skip "needs root to make a user namespace that looks privileged"
	command -v unshare >/dev/null || skip "no unshare"
	unshare -Ur true 2>/dev/null || skip "user namespaces are not available here"
	run -2 unshare -Ur "$SYSGREP" -t 1 evt.type=getppid
	[[ "$output" == *"running in a user namespace"* ]]
	[[ "$output" != *"ring buffers"* ]]
}

@test "without privilege: one sentence naming the missing capability and root" {
	[ "$(id -u)" -eq 0 ] || skip "needs root to drop to nobody"
	command -v setpriv >/dev/null || skip "no setpriv"
	run -2 setpriv --reuid=65534 --regid=65534 --clear-groups "$SYSGREP" -t 1 evt.type=getppid
	[ "$output" = "sysgrep: missing capability CAP_BPF, needed to create the probe's BPF maps and load its programs: run sysgrep as root, or give it CAP_BPF, CAP_PERFMON, CAP_SYS_PTRACE and CAP_DAC_READ_SEARCH (sysgrep --check lists what is missing)" ]
}

@test "-v shows libbpf's messages only when asked; -vv adds its debug log" {
	require_bpf
	run -1 --separate-stderr "$SYSGREP" -t 0.2 'evt.type=getppid and proc.pid=1'
	[ -z "$stderr" ]
	run -1 --separate-stderr "$SYSGREP" -vv -t 0.2 'evt.type=getppid and proc.pid=1'
	[[ "$stderr" == *"libbpf: loading object"* ]]
}

@test "-p and --count-by refuse an unknown event argument, as filters do" {
	run -2 --separate-stderr "$SYSGREP" -t 1 -p '%evt.arg.flgs' 'evt.type=open'
	[ -z "$output" ]
	[[ "$stderr" == *"format:1:10: unknown event argument 'flgs' (did you mean 'flags'?)"* ]]
	run -2 --separate-stderr "$SYSGREP" -t 1 --count-by 'evt.rawarg.nosuch' 'evt.type=open'
	[[ "$stderr" == *"count-by:1:12: unknown event argument 'nosuch': no syscall sysgrep decodes has it"* ]]
	run -2 --separate-stderr "$SYSGREP" --dump-filter 'evt.arg[nmae] exists'
	[[ "$stderr" == *"filter:1:9: unknown event argument 'nmae' (did you mean 'name'?)"* ]]
}
