#!/usr/bin/env bats
# Faults: stop signals at any moment (start-up included), SIGKILL, a parent
# that blocks the stop signals.  After every run the kernel must hold nothing
# of it: the programs, links and maps it had are gone, and nothing is pinned.
#
# Other sysgrep instances (other tests, other users) may load and unload
# their own probes meanwhile, so "the kernel's lists are the same before and
# after" is checked as: every sysgrep program, link and map created since
# the run began is still held by a live process's file descriptor (a leaked
# one is held by none, or is pinned), and each id the run itself held is
# gone.  The kernel frees a closed object a little later (RCU, deferred
# fput): the check waits up to 10 s for that.

load helpers

setup() {
	require_bpf
	command -v bpftool >/dev/null || skip "needs bpftool to list the kernel's BPF objects"
	command -v python3 >/dev/null || skip "needs python3"
	OUT="$BATS_TEST_TMPDIR/out"
	PINS0=$(pins)
	SGR=$(unique_copy "$HELPERS/sgrely" sgf_)
}

teardown() {
	[ -z "${SG:-}" ] || { kill -9 "$SG" 2>/dev/null || true; wait "$SG" 2>/dev/null || true; }
	[ -z "${HOLD:-}" ] || { kill -- -"$HOLD" 2>/dev/null || true; wait "$HOLD" 2>/dev/null || true; }
}

# what is pinned under the BPF filesystem (empty when none is mounted)
pins() { find /sys/fs/bpf -mindepth 1 2>/dev/null | sort; }

# the highest program, link and map ids the kernel has now: "P L M"
bpf_max_ids() {
	local p l m
	p=$(bpftool prog show -j | jq '[.[].id] | max // 0')
	l=$(bpftool link show -j | jq '[.[].id] | max // 0')
	m=$(bpftool map show -j | jq '[.[].id] | max // 0')
	echo "$p $l $m"
}

# the BPF ids PID holds through its fds: "prog:ID", "link:ID", "map:ID" lines
held_by() {
	local f
	for f in /proc/"$1"/fdinfo/*; do
		sed -n -e 's/^prog_id:[[:space:]]*/prog:/p' -e 's/^link_id:[[:space:]]*/link:/p' \
			-e 's/^map_id:[[:space:]]*/map:/p' "$f" 2>/dev/null
	done | sort -u
}

# unheld "P L M" [ID...]: prints what is wrong (nothing when all is well):
# a sysgrep program (sg_*), its link or its map newer than P/L/M that no live
# process holds, or one of the given ids ("prog:12") still in the kernel.
unheld() {
	local base=$1
	shift
	bpftool prog show -j >"$BATS_TEST_TMPDIR/progs.json"
	bpftool link show -j >"$BATS_TEST_TMPDIR/links.json"
	bpftool map show -j >"$BATS_TEST_TMPDIR/maps.json"
	cat /proc/[0-9]*/fdinfo/* 2>/dev/null | grep -E '^(prog_id|link_id|map_id):' >"$BATS_TEST_TMPDIR/held" || true
	python3 - "$BATS_TEST_TMPDIR" "$base" "$@" <<'PY'
import json, sys
d, base, ids = sys.argv[1], [int(x) for x in sys.argv[2].split()], set(sys.argv[3:])
progs = json.load(open(d + "/progs.json"))
links = json.load(open(d + "/links.json"))
maps = json.load(open(d + "/maps.json"))
held = {"prog": set(), "link": set(), "map": set()}
for line in open(d + "/held"):
    k, v = line.split(":", 1)
    held[k.replace("_id", "")].add(int(v))
ours = {p["id"] for p in progs if p.get("name", "").startswith("sg_")}
live_progs = held["prog"] | {l.get("prog_id") for l in links if l["id"] in held["link"]}
for p in progs:
    if p["id"] in ours and p["id"] > base[0] and p["id"] not in live_progs:
        print("program %d (%s) held by no process" % (p["id"], p["name"]))
for l in links:
    if l.get("prog_id") in ours and l["id"] > base[1] and l["id"] not in held["link"]:
        print("link %d (program %d) held by no process" % (l["id"], l["prog_id"]))
their_maps = set()
for p in progs:
    if p["id"] in ours:
        their_maps |= set(p.get("map_ids", []))
live_maps = held["map"] | {m for p in progs if p["id"] in live_progs for m in p.get("map_ids", [])}
for m in maps:
    if m["id"] in their_maps and m["id"] > base[2] and m["id"] not in live_maps:
        print("map %d (%s) held by no process" % (m["id"], m.get("name", "")))
for kind, objs in (("prog", progs), ("link", links), ("map", maps)):
    for o in objs:
        if "%s:%d" % (kind, o["id"]) in ids:
            print("%s %d is still in the kernel after its sysgrep exited" % (kind, o["id"]))
PY
}

# nothing_left "P L M" [ID...]: unheld prints nothing within 10 s, and the
# pins are what they were
nothing_left() {
	local i bad
	for i in $(seq 1 40); do
		bad=$(unheld "$@")
		[ -n "$bad" ] || break
		sleep 0.25
	done
	[ -z "$bad" ] || { echo "$bad"; return 1; }
	[ "$(pins)" = "$PINS0" ] || { echo "pinned since: $(comm -13 <(echo "$PINS0") <(pins))"; return 1; }
}

# the phase of start-up PID is in, from its fds: before the load (no
# program yet), loading (maps, programs still being verified), attaching
# (fewer links than programs), seeding (attached, /proc open) or running
phase_of() {
	local fds maps progs links
	fds=$(ls -l /proc/"$1"/fd 2>/dev/null)
	progs=$(grep -c 'anon_inode:bpf-prog' <<<"$fds" || true)
	maps=$(grep -c 'anon_inode:bpf-map' <<<"$fds" || true)
	links=$(grep -c 'anon_inode:bpf_link' <<<"$fds" || true)
	if [ "$maps" -eq 0 ]; then echo before-load
	elif [ "$links" -eq 0 ]; then echo loading
	elif [ "$links" -lt "$progs" ]; then echo attaching
	elif grep -q -- '-> /proc$' <<<"$fds"; then echo seeding
	else echo running
	fi
}

# wait until PID runs the sysgrep binary (a signal before the exec would
# hit the shell's child, not sysgrep)
wait_exec() {
	local i
	for i in $(seq 1 400); do
		[ "$(readlink /proc/"$1"/exe 2>/dev/null)" = "$(readlink -f "$SYSGREP")" ] && return 0
		sleep 0.005
	done
	return 1
}

# how long start-up takes here, in ms, until every link is attached
startup_ms() {
	local t0 sg ms
	t0=$(date +%s%N)
	"$SYSGREP" -t 30s 'evt.type=getppid and proc.pid=1' 2>/dev/null &
	sg=$!
	sg_wait_attached "$sg"
	ms=$((($(date +%s%N) - t0) / 1000000))
	kill -INT "$sg"
	wait "$sg" || true
	echo "$ms"
}

# stop_at SIGNAL DELAY_MS SYSGREP-ARGS...: start sysgrep, stop it (SIGSTOP)
# DELAY_MS after its exec, note its phase and the BPF ids it holds, send
# SIGNAL, let it go on; sets PHASE, IDS, SG_STATUS
stop_at() {
	local sig=$1 ms=$2
	shift 2
	"$SYSGREP" "$@" >"$OUT" 2>"$OUT.err" &
	SG=$!
	wait_exec "$SG"
	sleep "$((ms / 1000)).$(printf '%03d' $((ms % 1000)))"
	kill -STOP "$SG"
	PHASE=$(phase_of "$SG")
	IDS=$(held_by "$SG" | tr '\n' ' ')
	kill -"$sig" "$SG"
	kill -CONT "$SG" 2>/dev/null || true # SIGKILL: gone already
	SG_STATUS=0
	wait "$SG" || SG_STATUS=$?
	SG=
}

# stop_attached SIGNAL SYSGREP-ARGS...: as stop_at, the moment every link
# is attached (the /proc scan, seeding the state, follows at once)
stop_attached() {
	local sig=$1 i fds
	shift
	"$SYSGREP" "$@" >"$OUT" 2>"$OUT.err" &
	SG=$!
	for i in $(seq 1 4000); do
		fds=$(ls -l /proc/"$SG"/fd 2>/dev/null) || break
		[ "$(grep -c 'anon_inode:bpf_link' <<<"$fds")" -lt 3 ] || break
	done
	kill -STOP "$SG" || { echo "sysgrep ended before it attached:"; cat "$OUT.err"; return 1; }
	PHASE=$(phase_of "$SG")
	IDS=$(held_by "$SG" | tr '\n' ' ')
	kill -"$sig" "$SG"
	kill -CONT "$SG" 2>/dev/null || true
	SG_STATUS=0
	wait "$SG" || SG_STATUS=$?
	SG=
}

# delays spread over start-up and a little after: each tenth of it, with a
# random offset within the tenth
spread() { # STARTUP_MS COUNT
	local i
	for i in $(seq 0 $(($2 - 1))); do
		echo $(($1 * 12 * i / (10 * $2) + RANDOM % ($1 / 10 + 1)))
	done
}

@test "SIGINT, SIGTERM, SIGHUP, SIGPIPE at random moments of start-up and run: clean exit, totals, nothing left in the kernel" {
	local t base sig ms n=0 phases=""
	t=$(startup_ms)
	echo "start-up takes $t ms here" >&3
	for sig in INT TERM HUP PIPE; do
		for ms in $(spread "$t" 5) attached; do
			base=$(bpf_max_ids)
			local how=stop_at
			[ "$ms" != attached ] || how=stop_attached
			# the three ways a run ends: text totals, JSON totals, kernel counts
			case $((n % 3)) in
			0) $how "$sig" ${ms#attached} --stats -t 60s 'evt.type=getppid and proc.pid=1' ;;
			1) $how "$sig" ${ms#attached} --stats -o json -t 60s 'evt.type=openat and proc.pid=1' ;;
			2) $how "$sig" ${ms#attached} --stats -c -t 60s 'evt.type=getppid and proc.pid=1' ;;
			esac
			n=$((n + 1))
			phases="$phases $PHASE"
			echo "SIG$sig at $ms ms ($PHASE): status $SG_STATUS, held: $IDS" >&3
			# never a death by signal, never an error
			[ "$SG_STATUS" -le 1 ] || { cat "$OUT.err"; return 1; }
			# the totals, whatever the phase
			case $(((n - 1) % 3)) in
			1) grep '^{"stats"' "$OUT.err" | jq -e '.stats.events >= 0' >/dev/null ;;
			*) grep -q '^sysgrep: stats: ' "$OUT.err" ;;
			esac
			# and nothing else on stderr but a loss report (a busy host
			# can overflow the ring): no error for a cut-short load
			[ -z "$(grep -v -e '^sysgrep: stats: ' -e '^{"stats"' -e '^sysgrep: state: ' -e '^sysgrep: privileges: ' \
				-e '^sysgrep: [0-9]* events lost in the kernel buffer ' "$OUT.err")" ] || { cat "$OUT.err"; return 1; }
			# shellcheck disable=SC2086
			nothing_left "$base" $IDS
		done
	done
	echo "phases hit: $(tr ' ' '\n' <<<"${phases# }" | sort | uniq -c | awk '{printf "%s %s, ", $2, $1}')" >&3
}

@test "SIGKILL at random moments: no program, link or map outlives the process, nothing pinned" {
	local t base ms
	t=$(startup_ms)
	for ms in $(spread "$t" 8) attached; do
		base=$(bpf_max_ids)
		if [ "$ms" = attached ]; then
			stop_attached KILL -t 60s 'evt.type=getppid and proc.pid=1'
		else
			stop_at KILL "$ms" -t 60s 'evt.type=getppid and proc.pid=1'
		fi
		echo "SIGKILL at $ms ms ($PHASE): status $SG_STATUS, held: $IDS" >&3
		[ "$SG_STATUS" -eq 137 ]
		# shellcheck disable=SC2086
		nothing_left "$base" $IDS
	done
	# and once while a workload keeps the ring busy
	base=$(bpf_max_ids)
	"$SYSGREP" -o json "evt.type=getppid and proc.name=$(basename "$SGR")" >/dev/null 2>&1 &
	SG=$!
	sg_wait_attached "$SG"
	"$SGR" storm 2 200000 >/dev/null &
	local w=$!
	sleep 0.3
	IDS=$(held_by "$SG" | tr '\n' ' ')
	kill -9 "$SG"
	wait "$SG" || true
	SG=
	wait "$w"
	# shellcheck disable=SC2086
	nothing_left "$base" $IDS
}

@test "started with the stop signals blocked and ignored by its parent: SIGINT, SIGTERM, SIGHUP still stop it cleanly" {
	local sig t0 base
	for sig in INT TERM HUP; do
		base=$(bpf_max_ids)
		"$SGR" blocked "$SYSGREP" --stats -t 60s 'evt.type=getppid and proc.pid=1' >"$OUT" 2>"$OUT.err" &
		SG=$!
		sg_wait_attached "$SG"
		grep -E '^Sig(Blk|Ign)' /proc/"$SG"/status >&3
		t0=$SECONDS
		kill -"$sig" "$SG"
		local st=0
		wait "$SG" || st=$?
		SG=
		echo "SIG$sig: status $st after $((SECONDS - t0)) s" >&3
		[ "$st" -eq 1 ]
		# well before the 60 s of -t
		[ $((SECONDS - t0)) -lt 10 ]
		grep -q '^sysgrep: stats: ' "$OUT.err"
		nothing_left "$base"
	done
}

@test "a stop signal during start-up still reads what the probe had sent: the totals balance" {
	# stopped just after it attached: what the probe sent before the stop is
	# read, none is left unread
	local base
	base=$(bpf_max_ids)
	"$SYSGREP" --stats -o json -t 60s "evt.type=getppid and proc.name=$(basename "$SGR")" >"$OUT" 2>"$OUT.err" &
	SG=$!
	"$SGR" storm 1 100000000 >/dev/null &
	local w=$!
	local i
	for i in $(seq 1 400); do
		[ "$(grep -l '^link_type:' /proc/"$SG"/fdinfo/* 2>/dev/null | wc -l)" -ge 1 ] && break
		sleep 0.005
	done
	kill -INT "$SG"
	local st=0
	wait "$SG" || st=$?
	SG=
	kill "$w"
	wait "$w" 2>/dev/null || true
	[ "$st" -le 1 ]
	s=$(grep '^{"stats"' "$OUT.err")
	echo "$s" >&3
	[ "$(jq '.stats.emitted == .stats.read and .stats.unread == 0' <<<"$s")" = true ]
	[ "$(jq '.stats.matched == .stats.printed' <<<"$s")" = true ]
	[ "$(jq '.stats.printed' <<<"$s")" -eq "$(wc -l <"$OUT")" ]
	nothing_left "$base"
}

@test "a stop signal while the state is seeded from /proc: clean exit, totals, nothing left" {
	# 2000 more processes make the /proc scan long enough to land in
	local fifo="$BATS_TEST_TMPDIR/ready" base st i hit=0
	mkfifo "$fifo"
	"$SGR" hold 2000 >"$fifo" &
	HOLD=$!
	read -r _ <"$fifo"
	for i in 1 2 3 4 5 6; do
		base=$(bpf_max_ids)
		stop_attached INT --stats -t 60s 'evt.type=getppid and proc.pid=1'
		echo "SIGINT once attached ($PHASE): status $SG_STATUS" >&3
		[ "$SG_STATUS" -eq 1 ]
		grep -q '^sysgrep: stats: ' "$OUT.err"
		grep -q '^sysgrep: state: ' "$OUT.err"
		# shellcheck disable=SC2086
		nothing_left "$base" $IDS
		[ "$PHASE" != seeding ] || hit=$((hit + 1))
	done
	kill -- -"$HOLD"
	wait "$HOLD" 2>/dev/null || true
	HOLD=
	echo "seeding hit $hit of 6" >&3
	[ "$hit" -ge 1 ]
}
