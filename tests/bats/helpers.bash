# Shared by the bats tests.  SYSGREP is the binary under test, HELPERS the
# directory with the helper programs (both set by `make test`).

SYSGREP=${SYSGREP:-$BATS_TEST_DIRNAME/../../sysgrep}
bats_require_minimum_version 1.5.0

HELPERS=${HELPERS:-$BATS_TEST_DIRNAME/../../build/tests}

# Skip unless the probe can really load here: root, BTF, and a probe that
# loads and attaches (a run that cannot match anything must exit 1, not 2).
require_bpf() {
	[ "$(id -u)" -eq 0 ] || skip "needs root to load the BPF probe"
	[ -r /sys/kernel/btf/vmlinux ] || skip "kernel has no BTF (/sys/kernel/btf/vmlinux)"
	local mark="$BATS_RUN_TMPDIR/bpf-ok"
	if [ ! -e "$mark" ] && [ ! -e "$mark.no" ]; then
		local rc=0
		"$SYSGREP" -q -t 200ms 'evt.type=getppid and proc.pid=1' 2>"$BATS_RUN_TMPDIR/bpf-why" || rc=$?
		if [ "$rc" -eq 1 ]; then touch "$mark"; else touch "$mark.no"; fi
	fi
	[ -e "$mark" ] || skip "the probe does not load: $(head -c 300 "$BATS_RUN_TMPDIR/bpf-why")"
}

# A copy of a program under a unique name, so proc.name selects only it.
# Names stay within the 15 bytes of a task's comm.
unique_copy() {	# SRC PREFIX -> prints the path
	local name="$2$(printf '%05d' $((RANDOM % 100000)))"
	cp "$1" "$BATS_TEST_TMPDIR/$name"
	echo "$BATS_TEST_TMPDIR/$name"
}

# sg_capture OUT SYSGREP-ARGS... --- HELPER-COMMAND...
# Runs sysgrep in the background into OUT (stderr to OUT.err), and the helper
# command alongside until sysgrep exits (use -n / -t to end it).  The helper
# repeats its syscalls (sgtest -l), so nothing races with the probe attaching.
# Sets SG_STATUS, and SG_HELPER_PID for assertions on the helper's pid.
sg_capture() {
	local out=$1
	shift
	local args=()
	while [ $# -gt 0 ] && [ "$1" != "---" ]; do
		args+=("$1")
		shift
	done
	shift
	"$SYSGREP" "${args[@]}" >"$out" 2>"$out.err" &
	local sg=$!
	"$@" >/dev/null 2>&1 &
	local helper=$!
	SG_HELPER_PID=$helper
	SG_STATUS=0
	wait "$sg" || SG_STATUS=$?
	kill "$helper" 2>/dev/null || true
	wait "$helper" 2>/dev/null || true
	return 0
}

# sg_wait_attached PID: wait (up to 10 s) until sysgrep PID has attached its
# probe: every BPF link it holds shows in its fdinfo as link_type.
sg_wait_attached() {
	local pid=$1 i
	for i in $(seq 1 200); do
		if [ "$(grep -l '^link_type:' /proc/"$pid"/fdinfo/* 2>/dev/null | wc -l)" -ge 3 ]; then
			sleep 0.05 # the /proc scan after attaching: events queue meanwhile
			return 0
		fi
		kill -0 "$pid" 2>/dev/null || return 1
		sleep 0.05
	done
	return 1
}
