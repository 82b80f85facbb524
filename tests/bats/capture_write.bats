#!/usr/bin/env bats
# sysgrep -w: the capture writer.  Live captures of a known workload read
# back by sysdig and by sysgrep itself; the shared captures written again
# (-r X -w Y) and read back the same; the file options (-z, -w -, --force,
# 0600), rotation (-C, -G, -W), a stop part way and a full disk.

load helpers

# The shared captures from the main checkout or from a worktree beside it.
find_caps() {
	local repo="$BATS_TEST_DIRNAME/../.." d
	for d in "$repo/../shared/captures" "$repo/../../shared/captures"; do
		if [ -r "$d/curl_google.scap" ]; then
			echo "$d"
			return 0
		fi
	done
	return 1
}

setup() {
	T="$BATS_TEST_TMPDIR"
	CAPS=$(find_caps || true)
}

teardown() {
	if mountpoint -q "$T/small" 2>/dev/null; then umount "$T/small"; fi
}

need_caps() {
	[ -n "$CAPS" ] || skip "no shared captures in ../shared/captures or ../../shared/captures"
}

need_sysdig() {
	command -v sysdig >/dev/null || skip "sysdig is not installed (apt-get install sysdig)"
}

# Output with the evt.num column (text) or key (JSON) removed: a replay
# numbers the events of its file, a live run every event it saw.
strip_num_text() { sed -E 's/^[0-9]+ //' "$1"; }
strip_num_json() { jq -c 'del(."evt.num")' "$1"; }

# live_write OUT CAP SYSGREP-ARGS... --- COMMAND...: records (and prints,
# into OUT) while COMMAND runs once after the probe is attached; sysgrep
# stops at its -t.
live_write() {
	local out=$1 cap=$2
	shift 2
	local args=()
	while [ "$1" != "---" ]; do
		args+=("$1")
		shift
	done
	shift
	# a big ring: the machine may be busy, and a lost event is in neither
	"$SYSGREP" -w "$cap" --buffer-size 128M "${args[@]}" >"$out" 2>"$out.err" &
	local sg=$!
	sg_wait_attached "$sg"
	"$@" >/dev/null 2>&1
	SG_STATUS=0
	wait "$sg" || SG_STATUS=$?
}

# The workload: a uniquely named sgtest opening, reading, writing files.
workload_setup() {
	SGT=$(unique_copy "$HELPERS/sgtest" sgw_)
	NAME=$(basename "$SGT")
	echo "some data" >"$T/in.txt"
	# its own calls; the loader's libc.so goes through the /lib symlink,
	# whose kernel path (live) is not the path the call passed (capture)
	FILTER="proc.name=$NAME and evt.type in (execve, openat, read, write, close, procexit) and not fd.name contains libc.so"
}

workload() {
	"$SGT" open "$T/in.txt" && "$SGT" write "$T/out.txt" hello && "$SGT" enoent "$T/none"
}

@test "-w live: sysgrep -r prints exactly what the live run printed (JSON and text)" {
	require_bpf
	workload_setup
	live_write "$T/live.json" "$T/cap.scap" -o json -t 4s "$FILTER" --- workload
	[ "$SG_STATUS" -eq 0 ]
	# the workload really ran and was recorded: 3 execs, the file's data
	[ "$(jq -e 'select(."evt.type" == "execve")' "$T/live.json" | jq -s length)" -eq 3 ]
	[ "$(jq -r 'select(."evt.type" == "write") | ."evt.arg".data' "$T/live.json")" = hello ]
	run "$SYSGREP" -r "$T/cap.scap" -o json
	[ "$status" -eq 0 ]
	printf '%s\n' "$output" >"$T/replay.json"
	diff <(strip_num_json "$T/live.json") <(strip_num_json "$T/replay.json")

	live_write "$T/live.txt" "$T/cap2.scap" -p '*%evt.num %evt.time %proc.name (%thread.tid) %evt.type %fd.name %evt.args' -t 4s "$FILTER" --- workload
	[ "$SG_STATUS" -eq 0 ]
	grep -Eq " write $T/out.txt res=5 data=hello fd=[0-9]+\(<f>$T/out.txt\)" "$T/live.txt"
	"$SYSGREP" -r "$T/cap2.scap" -p '*%evt.num %evt.time %proc.name (%thread.tid) %evt.type %fd.name %evt.args' >"$T/replay.txt"
	diff <(strip_num_text "$T/live.txt") <(strip_num_text "$T/replay.txt")
	# and the default text line
	live_write "$T/live3.txt" "$T/cap3.scap" -o text -t 4s "$FILTER" --- workload
	"$SYSGREP" -r "$T/cap3.scap" >"$T/replay3.txt"
	[ -s "$T/live3.txt" ]
	diff <(strip_num_text "$T/live3.txt") <(strip_num_text "$T/replay3.txt")
}

@test "-w live: sysdig -r reads the capture: same calls, processes, fd names and arguments" {
	require_bpf
	need_sysdig
	workload_setup
	local f='*%evt.rawtime %evt.type %proc.name %proc.pid %thread.tid %proc.pname %fd.name %fd.type %evt.arg.name %evt.arg.flags %evt.arg.data'
	live_write "$T/live.txt" "$T/cap.scap" -p "$f" -t 4s "$FILTER" --- workload
	[ "$SG_STATUS" -eq 0 ]
	grep -q " openat $NAME .* $T/in.txt file $T/in.txt O_RDONLY|O_CLOEXEC " "$T/live.txt"
	grep -q " write $NAME .* $T/out.txt file <NA> <NA> hello$" "$T/live.txt"
	# sysdig prints an enter and an exit per call: the exits are sysgrep's
	# events (procexit has only the one)
	run sysdig -r "$T/cap.scap" -p "$f" "(evt.dir=< or evt.type=procexit) and $FILTER"
	[ "$status" -eq 0 ]
	printf '%s\n' "$output" >"$T/sysdig.txt"
	# the failed open's fd.name: sysdig names it from the path, sysgrep
	# (live and replay) has no fd for it
	diff <(grep -v " $T/none " "$T/live.txt") <(grep -v " $T/none " "$T/sysdig.txt")
	[ "$(grep -c " $T/none " "$T/sysdig.txt")" -eq 1 ]
	[ "$(wc -l <"$T/sysdig.txt")" -eq "$(wc -l <"$T/live.txt")" ]
	# the process list: sysdig knows the processes that ran before (the parent)
	run sysdig -r "$T/cap.scap" -p '%proc.pname' "evt.type=execve and evt.dir=< and proc.name=$NAME"
	[ "${lines[0]}" != "<NA>" ]
}

@test "-w live: with neither -p nor -o nothing is printed; a stop by SIGINT leaves a whole capture" {
	require_bpf
	workload_setup
	"$SYSGREP" -w "$T/int.scap" "proc.name=$NAME" >"$T/out" 2>"$T/err" &
	local sg=$!
	sg_wait_attached "$sg"
	workload
	"$SGT" -l -d 5 open "$T/in.txt" &
	local loop=$!
	sleep 1
	kill -INT "$sg"
	local rc=0
	wait "$sg" || rc=$?
	kill "$loop"
	wait "$loop" || true
	[ "$rc" -eq 0 ]
	[ ! -s "$T/out" ]
	# a whole file: read to its end, no truncation reported
	run "$SYSGREP" -r "$T/int.scap" -c
	[ "$status" -eq 0 ]
	[ "$output" -gt 10 ]
	run "$SYSGREP" -r "$T/int.scap" -c "evt.type=write and evt.arg.data=hello and fd.name=$T/out.txt"
	[ "$output" -eq 1 ]
}

@test "-r X -w Y: every shared capture written again reads back the same (text and JSON)" {
	need_caps
	local c n
	for c in "$CAPS"/*.scap; do
		n=$(basename "$c")
		run "$SYSGREP" -r "$c" -w "$T/$n"
		[ "$status" -eq 0 ]
		[ -z "$output" ]
		"$SYSGREP" -r "$c" >"$T/a.txt"
		"$SYSGREP" -r "$T/$n" >"$T/b.txt"
		[ -s "$T/a.txt" ]
		diff "$T/a.txt" "$T/b.txt"
		"$SYSGREP" -r "$c" -o json >"$T/a.json"
		"$SYSGREP" -r "$T/$n" -o json >"$T/b.json"
		diff "$T/a.json" "$T/b.json"
		# the state blocks came along: threads, fds and users listed
		"$SYSGREP" -r "$T/$n" -o json --stats -c 2>"$T/st" >/dev/null
		jq -e '.stats.threads > 0 and .stats.users > 0' "$T/st"
	done
	# a filter writes only what it selects
	run "$SYSGREP" -r "$CAPS/curl_google.scap" -w "$T/open.scap" 'evt.type=open'
	[ "$status" -eq 0 ]
	run "$SYSGREP" -r "$T/open.scap" -c
	[ "$output" -eq 48 ]
	run "$SYSGREP" -r "$T/open.scap" -p '%evt.type' 'not evt.type=open'
	[ "$status" -eq 1 ]
}

@test "-w: sysdig reads a capture sysgrep wrote from another capture" {
	need_caps
	need_sysdig
	"$SYSGREP" -r "$CAPS/curl_google.scap" -w "$T/c.scap"
	run sysdig -r "$T/c.scap" -p '%evt.type %proc.name %fd.name' 'evt.dir=< and evt.type=open and fd.name contains /etc/'
	[ "$status" -eq 0 ]
	local want
	want=$("$SYSGREP" -r "$CAPS/curl_google.scap" -p '%evt.type %proc.name %fd.name' 'evt.type=open and fd.name contains /etc/')
	[ -n "$want" ]
	[ "$output" = "$want" ]
}

@test "-w: refuses an existing file unless --force; creates 0600; -w with -o prints too" {
	need_caps
	local c="$CAPS/test_ipv6_client.scap"
	echo keep >"$T/x.scap"
	run "$SYSGREP" -r "$c" -w "$T/x.scap"
	[ "$status" -eq 2 ]
	[[ "$output" == "sysgrep: -w: $T/x.scap: the file exists"*"--force"* ]]
	[ "$(cat "$T/x.scap")" = keep ]
	run "$SYSGREP" -r "$c" -w "$T/x.scap" --force
	[ "$status" -eq 0 ]
	run "$SYSGREP" -r "$T/x.scap" -c
	[ "$output" -eq 34 ]
	rm -f "$T/new.scap"
	( umask 000; "$SYSGREP" -r "$c" -w "$T/new.scap" )
	[ "$(stat -c %a "$T/new.scap")" = 600 ]
	# -o: records and prints; the status is the print's
	run "$SYSGREP" -r "$c" -w "$T/p.scap" -o csv -p '%evt.type' 'evt.type=connect'
	[ "$status" -eq 0 ]
	[ -n "$output" ]
	[ "$output" = "$("$SYSGREP" -r "$T/p.scap" -o csv -p '%evt.type')" ]
	# nothing selected: status 1, and still a valid (empty) capture
	run "$SYSGREP" -r "$c" -w "$T/none.scap" 'proc.name=nobody_xyz'
	[ "$status" -eq 1 ]
	run "$SYSGREP" -r "$T/none.scap" -c
	[ "$status" -eq 1 ]
	[ "$output" = 0 ]
}

@test "-w: -z and a .gz name compress (gzip); -w - writes the capture to stdout" {
	need_caps
	local c="$CAPS/curl_google.scap"
	"$SYSGREP" -r "$c" -w "$T/z.scap" -z
	"$SYSGREP" -r "$c" -w "$T/n.scap.gz"
	"$SYSGREP" -r "$c" -w "$T/plain.scap"
	[ "$(head -c 2 "$T/z.scap" | od -An -tx1 | tr -d ' ')" = 1f8b ]
	[ "$(head -c 2 "$T/n.scap.gz" | od -An -tx1 | tr -d ' ')" = 1f8b ]
	[ "$(head -c 4 "$T/plain.scap" | od -An -tx1 | tr -d ' ')" = 0a0d0d0a ]
	gzip -t "$T/z.scap"
	cmp <(gzip -dc "$T/z.scap") "$T/plain.scap"
	[ "$(stat -c %s "$T/z.scap")" -lt "$(stat -c %s "$T/plain.scap")" ]
	"$SYSGREP" -r "$c" -o json >"$T/want"
	diff "$T/want" <("$SYSGREP" -r "$T/n.scap.gz" -o json)
	# -w -: the capture on stdout, through a pipe, read back from stdin
	"$SYSGREP" -r "$c" -w - | "$SYSGREP" -r - -o json >"$T/pipe"
	diff "$T/want" "$T/pipe"
	"$SYSGREP" -r "$c" -w - -z | gzip -dc | cmp - "$T/plain.scap"
	# stdout cannot carry both
	run "$SYSGREP" -r "$c" -w - -o json
	[ "$status" -eq 2 ]
}

@test "-w: rotation by size (-C), keeping the last N (-W), by event time (-G)" {
	need_caps
	local i f total=0
	# 25 sections of the same capture in one gzip stream: 3 MB written
	for i in $(seq 25); do cat "$CAPS/curl_google.scap"; done >"$T/big.scap.gz"
	run "$SYSGREP" -r "$T/big.scap.gz" -w "$T/r.scap" -C 1
	[ "$status" -eq 0 ]
	# tcpdump's names: FILE, FILE1, FILE2
	[ -f "$T/r.scap" ] && [ -f "$T/r.scap1" ] && [ -f "$T/r.scap2" ] && [ ! -e "$T/r.scap3" ]
	for f in "$T/r.scap" "$T/r.scap1" "$T/r.scap2"; do
		# each a whole capture: read alone, with its own lists
		run "$SYSGREP" -r "$f" -c
		[ "$status" -eq 0 ]
		total=$((total + output))
		# past 1 MB only by the last event written
		[ "$(stat -c %s "$f")" -lt 1100000 ]
	done
	[ "$total" -eq $((25 * 599)) ]
	# the events are the same, in order, with their fd names
	diff <("$SYSGREP" -r "$T/big.scap.gz" -p '%evt.rawtime %evt.type %fd.name') \
		<(for f in "$T/r.scap" "$T/r.scap1" "$T/r.scap2"; do "$SYSGREP" -r "$f" -p '%evt.rawtime %evt.type %fd.name'; done)
	# -W 2: FILE0 and FILE1 (tcpdump's padded numbers), the last two kept
	run "$SYSGREP" -r "$T/big.scap.gz" -w "$T/w.scap" -C 1 -W 2
	[ "$status" -eq 0 ]
	[ -f "$T/w.scap0" ] && [ -f "$T/w.scap1" ] && [ ! -e "$T/w.scap2" ] && [ ! -e "$T/w.scap" ]
	# the third file replaced the first: w.scap0 holds the last events
	[ "$("$SYSGREP" -r "$T/w.scap0" -p '%evt.rawtime' | tail -1)" = \
	  "$("$SYSGREP" -r "$T/big.scap.gz" -p '%evt.rawtime' | tail -1)" ]
	# -G: a new file every 2 s of event time (the capture spans 7.6 s)
	run "$SYSGREP" -r "$CAPS/single_ipv6_conn.scap" -w "$T/g.scap" -G 2
	[ "$status" -eq 0 ]
	[ -f "$T/g.scap" ] && [ -f "$T/g.scap1" ]
	diff <("$SYSGREP" -r "$CAPS/single_ipv6_conn.scap" -p '%evt.rawtime %evt.type %fd.name %proc.name') \
		<(for f in "$T"/g.scap*; do "$SYSGREP" -r "$f" -p '%evt.rawtime %evt.type %fd.name %proc.name'; done | sort -n)
	local first last
	for f in "$T"/g.scap*; do
		first=$("$SYSGREP" -r "$f" -p '%evt.rawtime' | head -1)
		last=$("$SYSGREP" -r "$f" -p '%evt.rawtime' | tail -1)
		[ $((last - first)) -lt 2000000000 ]
	done
}

@test "-w: a write error (a full disk) is status 2 with one clear message" {
	need_caps
	[ -w /dev/full ] || skip "no /dev/full"
	run "$SYSGREP" -r "$CAPS/curl_google.scap" -w /dev/full --force
	[ "$status" -eq 2 ]
	[ "${#lines[@]}" -eq 1 ]
	[[ "${lines[0]}" == "sysgrep: -w: /dev/full: cannot write the capture: No space left on device" ]]
	# a directory that is not there: said before anything runs
	run "$SYSGREP" -r "$CAPS/curl_google.scap" -w "$T/no/such/dir/x.scap"
	[ "$status" -eq 2 ]
	[[ "$output" == *"cannot create the capture: No such file or directory"* ]]
}

@test "-w: a small full tmpfs: status 2, and the file keeps only whole blocks" {
	[ "$(id -u)" -eq 0 ] || skip "mounting a tmpfs needs root"
	need_caps
	mkdir -p "$T/small"
	mount -t tmpfs -o size=64k tmpfs "$T/small" || skip "cannot mount a tmpfs here"
	local rc=0
	"$SYSGREP" -r "$CAPS/curl_google.scap" -w "$T/small/x.scap" 2>"$T/err" || rc=$?
	[ "$rc" -eq 2 ]
	[ "$(wc -l <"$T/err")" -eq 1 ]
	grep -q "No space left on device" "$T/err"
	# what was written is a capture cut at a block boundary: it reads
	# to its end, the events before the cut
	run "$SYSGREP" -r "$T/small/x.scap" -c
	umount "$T/small"
	[ "$status" -eq 0 ]
	[ "$output" -gt 0 ]
}
