#!/usr/bin/env bats
# sysgrep --check: every requirement tried for real, as root (all ok here)
# and as nobody (what is missing named, status 2), in text and JSON.

load helpers

# The checks every --check report has, "check what", in order.
WANT='kernel
btf /sys/kernel/btf/vmlinux
namespace user
capability CAP_BPF
capability CAP_PERFMON
capability CAP_SYS_PTRACE
capability CAP_DAC_READ_SEARCH
lockdown /sys/kernel/security/lockdown
memlock RLIMIT_MEMLOCK
sysctl kernel.unprivileged_bpf_disabled
map BPF_MAP_TYPE_RINGBUF
tracepoint sys_exit
tracepoint sched_process_exec
tracepoint sched_process_fork
tracepoint sched_process_exit
iterator task
iterator task_file
probe sysgrep.bpf.c
tracefs /sys/kernel/tracing'

require_setpriv() {
	[ "$(id -u)" -eq 0 ] || skip "needs root to run sysgrep as nobody"
	command -v setpriv >/dev/null || skip "no setpriv (util-linux)"
	setpriv --list-caps | grep -qx bpf || skip "this setpriv does not know CAP_BPF"
	id nobody >/dev/null 2>&1 || skip "no user nobody"
}

# nobody CAP...: run sysgrep as nobody holding exactly these capabilities
nobody() {
	local set="-all" c
	while [ $# -gt 0 ] && [ "$1" != -- ]; do set+=",+$1"; shift; done
	shift
	setpriv --reuid=nobody --regid="$(id -g nobody)" --clear-groups --inh-caps="$set" \
		--ambient-caps="$set" --bounding-set="$set" "$SYSGREP" "$@"
}

@test "--check as root: every requirement ok, status 0" {
	require_bpf
	run --separate-stderr "$SYSGREP" --check
	[ "$status" -eq 0 ]
	[ -z "$stderr" ]
	[ "${lines[-1]}" = "sysgrep can run here: every requirement is met" ]
	# one line per check, each ok
	[ "$(grep -c '^ok  ' <<<"$output")" -eq "$(wc -l <<<"$WANT")" ]
	grep -Eq '^ok +tracepoint sys_exit +tp_btf: a test program loaded, attached \(BTF id [0-9]+\) and detached$' <<<"$output"
	grep -Eq '^ok +btf /sys/kernel/btf/vmlinux +found at /sys/kernel/btf/vmlinux: .*[0-9]+ types' <<<"$output"
	grep -Eq '^ok +probe sysgrep.bpf.c +the probe loaded' <<<"$output"
}

@test "--check -o json as root: one object, every check, can_run true" {
	require_bpf
	run --separate-stderr "$SYSGREP" --check -o json
	[ "$status" -eq 0 ]
	[ "${#lines[@]}" -eq 1 ]
	jq -e '.can_run == true' <<<"$output"
	[ "$(jq -r '.checks[] | "\(.check)\(if .what == "" then "" else " " + .what end)"' <<<"$output")" = "$WANT" ]
	[ "$(jq -c '.checks[] | select(.status != "ok")' <<<"$output" | wc -l)" -eq 0 ]
	[ "$(jq -c '.checks[] | select(.required and (.detail | length) > 0)' <<<"$output" | wc -l)" -eq 14 ]
	# tracefs: not required, and said to be not needed
	jq -e '.checks[] | select(.check == "tracefs") | .required == false and
		(.detail | startswith("not needed"))' <<<"$output"
	# the memlock answer is the kernel's, whichever it is
	jq -e '.checks[] | select(.check == "memlock") | (.detail | test("memory cgroup|RLIMIT_MEMLOCK"))' <<<"$output"
}

@test "--check as nobody without capabilities: each missing one named, status 2" {
	require_setpriv
	run --separate-stderr nobody -- --check
	[ "$status" -eq 2 ]
	[ "${lines[-1]}" = "sysgrep cannot run here: 11 requirements are missing or not known (see above)" ]
	grep -Eq '^missing +capability CAP_BPF +not held; needed to create the probe' <<<"$output"
	grep -Eq '^missing +capability CAP_SYS_PTRACE +not held' <<<"$output"
	# what needs the privilege to be tried is not guessed
	grep -Eq '^unknown +tracepoint sys_exit +not tried: trying it needs CAP_BPF, which is missing$' <<<"$output"
	# the BTF is readable by anyone
	grep -Eq '^ok +btf /sys/kernel/btf/vmlinux' <<<"$output"
}

@test "--check -o json as nobody with all but CAP_SYS_PTRACE: only it is missing" {
	require_bpf
	require_setpriv
	run --separate-stderr nobody bpf perfmon dac_read_search -- --check -o json
	[ "$status" -eq 2 ]
	jq -e '.can_run == false' <<<"$output"
	[ "$(jq -c '[.checks[] | select(.status != "ok") | {check, what, status, required}]' <<<"$output")" = '[{"check":"capability","what":"CAP_SYS_PTRACE","status":"missing","required":true}]' ]
	# with CAP_BPF and CAP_PERFMON the kernel checks are tried, and pass
	[ "$(jq -c '.checks[] | select(.check == "tracepoint" and .status == "ok")' <<<"$output" | wc -l)" -eq 4 ]
	jq -e '.checks[] | select(.check == "probe") | .status == "ok"' <<<"$output"
}

@test "--check with the four as nobody: can run" {
	require_bpf
	require_setpriv
	run --separate-stderr nobody bpf perfmon sys_ptrace dac_read_search -- --check -o json
	[ "$status" -eq 0 ]
	jq -e '.can_run == true and ([.checks[] | select(.status != "ok")] | length == 0)' <<<"$output"
}

@test "the completions know --check: bash offers it" {
	# the completions take the options from --help (completions.bats checks
	# every option in bash, zsh and fish); here only that --check is one
	local dir
	dir=$(dirname "$SYSGREP")
	"$SYSGREP" --help | grep -q -- '--check '
	run --separate-stderr env PATH="$dir:$PATH" bash --norc --noprofile \
		"$BATS_TEST_DIRNAME/../completion/bash.sh" "$BATS_TEST_DIRNAME/../../completions/sysgrep.bash" 'sysgrep --ch'
	echo "offered: '$output'; stderr: '$stderr'"
	[ "$status" -eq 0 ]
	[ "$output" = "--check" ]
}
