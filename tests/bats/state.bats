#!/usr/bin/env bats
# Process, fd and user state, end to end: what sysgrep knows about a process
# comes from /proc (started before it) or from the exec/fork/open events it
# saw, and the fields built on that state are asserted exactly.

load helpers
load sys_helpers

setup() {
	sys_setup
}

teardown() {
	if [ -n "${BG:-}" ]; then
		kill "$BG" 2>/dev/null || true
		wait "$BG" 2>/dev/null || true
	fi
	# a test cgroup is removed once its last process is gone
	if [ -n "${CGDIR:-}" ]; then
		for _ in $(seq 50); do rmdir "$CGDIR" 2>/dev/null && break; sleep 0.05; done
		[ -z "${CGPARENT:-}" ] || rmdir "$CGPARENT" 2>/dev/null || true
	fi
}

@test "a process started before sysgrep: cmdline from /proc, its open fd's name" {
	local f="$DIR/held"
	"$SGT" -l -d 20 hold "$f" >/dev/null 2>&1 &
	BG=$!
	# let it open the file and write a few times before sysgrep exists
	for _ in $(seq 50); do [ -s "$f" ] && break; sleep 0.02; done
	[ -s "$f" ]
	run "$SYSGREP" -o json -n 1 -t 10s \
		-p '*%proc.cmdline %proc.exepath %proc.pid %fd.name %fd.type %evt.rawarg.data' \
		"evt.type=write and proc.name=$NAME"
	[ "$status" -eq 0 ]
	echo "$output" >"$OUT"
	X="$NAME -l -d 20 hold $f" Y=$f ev '."proc.cmdline" == $x' '."proc.exepath" == "\($d | sub("/d$"; ""))/\($n)"' \
		'."fd.name" == $y' '."fd.type" == "file"' '."evt.rawarg.data" == "tick\n"' \
		"(.\"proc.pid\") == $BG"
}

@test "nested exec: proc.pname, proc.aname[N], proc.apid[N] and bare proc.aname" {
	local b t
	b=$(unique_copy "$HELPERS/sgtest" sgb_)
	t=$(unique_copy /bin/true tru_)
	# NAME forks and execs b; b forks and execs t
	sg_capture "$OUT" -o json -n 1 -t 10s \
		-p '*%proc.name %proc.pname %proc.aname[1] %proc.aname[2] %proc.apid[1] %proc.apid[2] %proc.ppid %proc.exepath' \
		"evt.type=execve and proc.name=$(basename "$t") and proc.aname=$NAME" \
		--- "$SGT" -l exec "$b" exec "$t"
	[ "$SG_STATUS" -eq 0 ]
	X=$(basename "$b") Y=$(basename "$t") ev '."proc.name" == $y' '."proc.pname" == $x' \
		'."proc.aname[1]" == $x' '."proc.aname[2]" == $n' \
		'."proc.apid[1]" == ."proc.ppid"' "(.\"proc.apid[2]\") == $SG_HELPER_PID"
}

@test "proc.cwd follows chdir; fs.path.name of a relative openat is absolute" {
	: >"$DIR/rel"
	sg_capture "$OUT" -o json -n 1 -t 10s \
		-p '*%proc.cwd %fs.path.name %fd.name %evt.rawarg.name %evt.rawarg.dirfd %evt.rawres' \
		"evt.type=openat and proc.name=$NAME and evt.rawarg.name=rel" \
		--- "$SGT" -l relopen "$DIR" rel
	[ "$SG_STATUS" -eq 0 ]
	ev '."evt.rawres" >= 3' '."proc.cwd" == $d' '."evt.rawarg.name" == "rel"' \
		'."evt.rawarg.dirfd" == -100' '."fs.path.name" == "\($d)/rel"' '."fd.name" == "\($d)/rel"'
}

@test "fchdir moves proc.cwd too" {
	FMT='*%proc.cwd %evt.rawres' sys_cap fchdir fchdir
	ev '."evt.rawres" == 0' '."proc.cwd" == $d'
}

# Threads share their process's cwd and fd table: a write and a relative
# stat made by a second thread see what the main thread set up
@test "a thread sees its process's fd and cwd" {
	local f='*%thread.tid %proc.pid %thread.ismain %fd.num %fd.name %proc.cwd %fs.path.name %evt.rawarg.data'
	FMT=$f sys_cap write thread 'thread.ismain=false'
	ev '."thread.tid" != ."proc.pid"' '."thread.ismain" == false' '."fd.num" == 3' \
		'."fd.name" == "\($d)/a"' '."proc.cwd" == $d' '."evt.rawarg.data" == "th"'
	FMT=$f sys_cap newfstatat thread 'thread.ismain=false and evt.rawarg.path=a'
	ev '."thread.tid" != ."proc.pid"' '."proc.cwd" == $d' '."fs.path.name" == "\($d)/a"'
}

@test "after dup2(3, 10), a write on fd 10 has the file's name" {
	FMT='*%fd.num %fd.name %fd.type %evt.rawarg.data' sys_cap write dup2 'fd.num=10'
	ev '."fd.num" == 10' '."fd.name" == "\($d)/a"' '."fd.type" == "file"' '."evt.rawarg.data" == "d2"'
}

@test "user.name is root for root, nobody after setuid(65534)" {
	FMT='*%user.uid %user.name %group.gid' sys_cap kill kill
	ev '."user.uid" == 0' '."user.name" == "root"' '."group.gid" == 0'
	FMT='*%user.uid %user.name' sys_cap setuid setuid
	ev '."user.uid" == 65534' '."user.name" == "nobody"'
}

@test "close of a connected socket: fd.name is its tuple, from the state" {
	FMT='*%fd.num %fd.name %fd.type' sys_cap close tcp 'fd.num=6'
	ev '."fd.type" == "ipv4"' '."fd.name" | test("^127\\.0\\.0\\.1:[0-9]+->127\\.0\\.0\\.1:\($port)$")'
}

# 100,000 forks take about 40 s on a 2-core machine while sysgrep runs; -t
# only bounds a run that hangs (sysgrep is stopped when the forks are done)
@test "fork storm: 100000 forks while sysgrep runs, every exit seen, nothing lost" {
	local n=100000
	"$SYSGREP" --stats -c -t 600s "evt.type=procexit and proc.name=$NAME" >"$OUT" 2>"$OUT.err" &
	BG=$!
	sleep 1
	"$SGT" forks "$n"
	sleep 0.5
	kill -INT "$BG"
	local st=0
	wait "$BG" || st=$?
	BG=
	cat "$OUT.err"
	[ "$st" -eq 0 ]
	grep -q ' 0 lost' "$OUT.err"
	# n children plus the forking process itself
	[ "$(cat "$OUT")" -eq $((n + 1)) ]
}

# The "state:" line of --stats: the table sizes at the end and at the start
# of the run, and the processes the reaper had to drop (their exit unseen).
# A fork storm whose exits are all seen must leave the tables where they
# began: 100000 leaked children would be 100000 more processes, and any the
# reaper (30 s idle) dropped instead are counted as dropped, which must be 0.
@test "fork storm: --stats shows the state tables back at their starting size" {
	# fd.name needs fd state, so this is not counted in the kernel: the
	# state is kept, seeded from /proc and updated by every fork and exit
	"$SYSGREP" --stats -q -t 600s 'proc.name=no-such-proc and fd.name=/no/such' 2>"$OUT.err" &
	BG=$!
	sleep 1
	"$SGT" forks 100000
	sleep 0.5
	kill -INT "$BG"
	wait "$BG" || true
	BG=
	cat "$OUT.err"
	local re='^sysgrep: state: ([0-9]+) processes, ([0-9]+) fds \(at start ([0-9]+) processes, ([0-9]+) fds\), ([0-9]+) processes dropped$'
	local line
	line=$(grep '^sysgrep: state: ' "$OUT.err")
	[[ $line =~ $re ]]
	local procs=${BASH_REMATCH[1]} fds=${BASH_REMATCH[2]}
	local procs0=${BASH_REMATCH[3]} fds0=${BASH_REMATCH[4]} dropped=${BASH_REMATCH[5]}
	echo "procs $procs0 -> $procs, fds $fds0 -> $fds, dropped $dropped"
	# it really counted: at least init and this shell were there from /proc
	[ "$procs0" -ge 2 ]
	# slack for whatever else the machine started meanwhile
	[ "$procs" -le $((procs0 + 50)) ]
	[ "$fds" -le $((fds0 + 500)) ]
	grep -q ' 0 lost' "$OUT.err"
	[ "$dropped" -eq 0 ]
}

@test "--stats says no state was kept when the kernel counts" {
	run -1 --separate-stderr "$SYSGREP" --stats -q -t 300ms 'proc.name=no-such-proc'
	[[ "$stderr" == *"sysgrep: state: not kept (counted in the kernel)"* ]]
	run -1 --separate-stderr "$SYSGREP" -o json --stats -q -t 300ms 'proc.name=no-such-proc'
	[ "$(jq -c '.stats.state' <<<"$stderr")" = null ]
	[ "$(jq '.stats.kernel_counted >= 0' <<<"$stderr")" = true ]
}

# cgroup v1 hybrid hosts: the probe's cgroup id is the v2 one, which a move
# into a v1 container cgroup (runc exec) does not change.  A process sysgrep
# saw start on the host moves itself into pids:/docker/<id> and execs: the
# exec must show the container.  The new program lives a moment (sleep): the
# exec record is read after the fact, and /proc of a process already gone
# has no cgroup left to read.
@test "a process that joins a v1 docker cgroup and execs gets its container.id" {
	local v1=/sys/fs/cgroup/pids
	grep -q "^cgroup $v1 cgroup .*pids" /proc/mounts ||
		skip "no cgroup v1 pids hierarchy at $v1 (not a v1/hybrid host)"
	local id t mv
	id=$(od -An -N32 -tx1 /dev/urandom | tr -d ' \n')
	[ ${#id} -eq 64 ]
	[ -d "$v1/docker" ] || CGPARENT=$v1/docker
	CGDIR=$v1/docker/$id
	mkdir -p "$CGDIR" || skip "cannot make a cgroup in $v1"
	t=$(unique_copy /bin/sleep slp_)
	mv=$BATS_TEST_TMPDIR/mv.sh
	printf '#!/bin/sh\necho $$ > %s/cgroup.procs && exec %s 0.3\n' "$CGDIR" "$t" >"$mv"
	chmod +x "$mv"
	# forked from a shell sysgrep watches, moved, then exec'd
	sg_capture "$OUT.all" -o json -n 2 -t 10s -p '*%proc.name %container.id %proc.is_container' \
		"evt.type=execve and proc.name=$(basename "$t")" \
		--- sh -c "while :; do $mv; sleep 0.1; done"
	[ "$SG_STATUS" -eq 0 ]
	tail -n 1 "$OUT.all" >"$OUT"
	X=${id:0:12} ev '."container.id" == $x' '."proc.is_container" == true'
}
