# Shared by syscalls.bats and state.bats (load after helpers.bash): a
# uniquely named sgtest performs one known syscall scenario in a loop while
# sysgrep captures one event of it, and each expectation about that event is
# checked on its own, so a failure names the exact value that was wrong.

# require_bpf, made safe under bats' errexit: it records whether the probe
# loads before helpers.bash looks (a status of 1 there would end the test).
sys_require_bpf() {
	local mark="$BATS_RUN_TMPDIR/bpf-ok" st=0
	if [ "$(id -u)" -eq 0 ] && [ ! -e "$mark" ] && [ ! -e "$mark.no" ]; then
		"$SYSGREP" -q -t 200ms 'evt.type=getppid and proc.pid=1' \
			2>"$BATS_RUN_TMPDIR/bpf-why" || st=$?
		if [ "$st" -eq 1 ]; then touch "$mark"; else touch "$mark.no"; fi
	fi
	require_bpf
}

SYS_FULL='*%evt.num %evt.type %proc.name %proc.pid %thread.tid %proc.ppid %proc.pname
%proc.exepath %proc.cmdline %user.uid %user.name %evt.res %evt.rawres %evt.failed %fd.num
%fd.type %fd.name %evt.args %evt.arg %evt.rawarg'

# SGT, NAME (its comm), OUT, DIR (scratch directory), PORT (for sockets)
sys_setup() {
	sys_require_bpf
	SGT=$(unique_copy "$HELPERS/sgtest" sgt_)
	NAME=$(basename "$SGT")
	OUT="$BATS_TEST_TMPDIR/out"
	DIR="$BATS_TEST_TMPDIR/d"
	mkdir -p "$DIR"
	PORT=$((20000 + RANDOM % 30000))
	ARG=$PORT
}

# sys_cap TYPE SCENARIO [FILTER]: one event of TYPE by NAME (PNAME when
# set: a process that renamed itself) and FILTER while
# `sgtest -l sys SCENARIO DIR ARG` runs, as JSON into OUT.
# FMT, when set, is the -p format; by default every form of the event these
# tests check: the fields and every argument three ways (%evt.args as the
# text line has them, %evt.arg resolved, %evt.rawarg raw), more than the
# lean default record has.
# The event kept is the second one: the first may come from the repetition
# that was under way while the probe attached and /proc was read, whose
# opens were neither seen nor still open to be found (a live tracer's limit,
# not the call under test).  The second one's repetition began after the
# first event, so after the probe attached: all of it was watched.  (So a
# scenario must make one matching call a repetition: narrow with FILTER.)
sys_cap() {
	local f="evt.type=$1 and proc.name=${PNAME:-$NAME}"
	[ -z "${3:-}" ] || f="$f and ($3)"
	local fmt=(-p "${FMT:-$SYS_FULL}")
	sg_capture "$OUT.all" -o json "${fmt[@]}" -n 2 -t 10s "$f" --- "$SGT" -l sys "$2" "$DIR" "$ARG"
	cp "$OUT.all.err" "$OUT.err"
	if [ "$SG_STATUS" -ne 0 ]; then
		echo "sysgrep exited $SG_STATUS for: $f"
		cat "$OUT.err"
		return 1
	fi
	tail -n 1 "$OUT.all" >"$OUT"
}

# args(NAME; TEXT): evt.args holds NAME=TEXT as one whole argument, e.g.
# args("flags"; "577(O_WRONLY|O_CREAT|O_TRUNC)"): the full rendering (value
# and name) that the text line shows, where evt.arg.NAME is only the name.
# Arguments are separated by single spaces; padding both ends with one lets
# the first and the last match like the others and keeps "xflags=" or a
# longer value from matching.
SG_JQ_DEFS='def args($k; $v): (" " + (."evt.args" // "") + " ") | contains(" \($k)=\($v) ");'

# ev JQ-PREDICATE...: each must hold for the captured event.  $d is DIR,
# $n NAME, $port PORT, $x and $y the test's X and Y, args() as above; every
# failing predicate is listed, then the event.
ev() {
	local bad=0 p
	for p in "$@"; do
		if ! jq -e --arg d "$DIR" --arg n "$NAME" --argjson port "$PORT" \
			--arg x "${X:-}" --arg y "${Y:-}" "$SG_JQ_DEFS $p" "$OUT" >/dev/null 2>&1; then
			echo "FAILED: $p"
			bad=1
		fi
	done
	[ "$bad" -eq 0 ] && return 0
	echo "event: $(cat "$OUT")"
	return 1
}

# The socket fields the network tests check, with the arguments (evt.args
# for args()); '*' keeps events that lack some of them (null in JSON).
NETFMT='*%evt.type %proc.name %evt.rawres %evt.res %evt.rawarg.fd %evt.arg.tuple %evt.rawarg.data %evt.rawarg.addr %evt.rawarg.flags %fd.name %fd.type %fd.sip %fd.cip %fd.sport %fd.cport %fd.l4proto %fd.is_server %evt.args'
