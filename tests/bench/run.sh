#!/usr/bin/env bash
# make bench: what sysgrep costs a traced program, as ns per getppid(2) in a
# tight loop and as a ratio to the same loop with nothing attached.
#
#   bare loop             nothing attached
#   tp_btf floor          empty tp_btf programs on sys_enter + sys_exit
#   sysgrep -q            a filter that never selects the loop's syscall
#   sysgrep printing      every call of the loop printed (to /dev/null)
#   sysgrep -q selected   every call decoded, tracked and filtered, none printed
#   sysgrep -j printing   every call printed as JSON Lines
#   sysgrep -w            every call recorded to a capture (/dev/null), plain
#                         and gzip: it should lose no more than -q selected
#   seed_bench            the /proc scan that seeds the state at start, and
#                         what BPF task/task_file iterators list instead
#
# Each case runs RUNS times (median kept); machines are noisy.  The probe
# cases need root and are skipped without it; filter_bench and field_bench
# (the filter and field extraction on hand-built events) always run.
# Environment: SYSGREP (binary), BUILD (build dir), CALLS, RUNS.
set -u
cd "$(dirname "$0")/../.."

BUILD=${BUILD:-build}
SYSGREP=${SYSGREP:-$PWD/sysgrep}
CALLS=${CALLS:-2000000}
RUNS=${RUNS:-5}
OUT=$BUILD/bench
CC=${CC:-cc}
CLANG=${CLANG:-clang}
BPFTOOL=${BPFTOOL:-$(command -v bpftool || echo /usr/sbin/bpftool)}
ARCH=$(uname -m | sed -e 's/x86_64/x86/' -e 's/aarch64/arm64/' -e 's/s390x/s390/')
LOOP_COMM=sgbench_loop

die() { echo "bench: $*" >&2; exit 2; }

ROOT=0
[ "$(id -u)" -eq 0 ] && ROOT=1
[ "$ROOT" -eq 0 ] || [ -x "$SYSGREP" ] || die "no sysgrep binary at $SYSGREP: run make first"
mkdir -p "$OUT" || die "cannot create $OUT"

# ---- build the helpers -----------------------------------------------------

vmlinux_h() {
	if [ -r "bpf/vmlinux/$ARCH.h" ]; then echo "bpf/vmlinux/$ARCH.h"; return; fi
	if [ -r "$BUILD/vmlinux.h" ]; then echo "$BUILD/vmlinux.h"; return; fi
	"$BPFTOOL" btf dump file /sys/kernel/btf/vmlinux format c > "$OUT/vmlinux.h" || return 1
	echo "$OUT/vmlinux.h"
}

build_bpf() {
	local vm
	vm=$(vmlinux_h) || die "cannot generate vmlinux.h"
	$CC -O2 -Wall -o "$OUT/loop" tests/bench/loop.c || die "cannot build loop.c"
	$CLANG -g -O2 -target bpf -D__TARGET_ARCH_"$ARCH" -include "$vm" -Wall \
		-c tests/bench/bare.bpf.c -o "$OUT/bare.bpf.o" || die "cannot build bare.bpf.c"
	$CC -O2 -Wall -o "$OUT/bare_run" tests/bench/bare_run.c -lbpf -lelf -lz ||
		die "cannot build bare_run.c"
	$CLANG -g -O2 -target bpf -D__TARGET_ARCH_"$ARCH" -include "$vm" -Wall \
		-c tests/bench/iter.bpf.c -o "$OUT/iter.bpf.o" || die "cannot build iter.bpf.c"
	$CC -O2 -Wall -D_GNU_SOURCE -I. -I"$BUILD" -o "$OUT/seed_bench" tests/bench/seed_bench.c \
		"$BUILD/libsysgrep.a" -lbpf -lelf -lz -lzstd -lpcre2-8 || die "cannot build seed_bench.c"
	# the live probe and the pipeline of the binary just built
	$CC -O2 -Wall -D_GNU_SOURCE -I. -I"$BUILD" -o "$OUT/replay_bench" tests/bench/replay_bench.c \
		"$BUILD/cmd/pipeline.o" "$BUILD/bpf/probe.o" "$BUILD/libsysgrep.a" \
		-lbpf -lelf -lz -lzstd -lpcre2-8 || die "cannot build replay_bench.c"
}

# filter_bench and field_bench load nothing: they need no root
build_userspace() {
	if [ -f tests/bench/filter_bench.c ]; then
		[ -f "$BUILD/libsysgrep.a" ] || die "no $BUILD/libsysgrep.a for filter_bench: run make first"
		$CC -O2 -D_GNU_SOURCE -I. -I"$BUILD" -o "$OUT/filter_bench" tests/bench/filter_bench.c \
			"$BUILD/libsysgrep.a" -lbpf -lelf -lz -lzstd -lpcre2-8 ||
			die "cannot build filter_bench.c"
		$CC -O2 -D_GNU_SOURCE -I. -I"$BUILD" -o "$OUT/field_bench" tests/bench/field_bench.c \
			"$BUILD/libsysgrep.a" -lbpf -lelf -lz -lzstd -lpcre2-8 ||
			die "cannot build field_bench.c"
	fi
}

# ---- measuring ----------------------------------------------------------------

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR) print v[int((NR + 1) / 2)] }'; }

# ns per call of the loop, RUNS times, under an optional wrapper command
loop_runs() {
	local i
	for ((i = 0; i < RUNS; i++)); do "$@" "$OUT/loop" "$CALLS" | cut -d' ' -f1; done
}

# Wait until sysgrep's probe is attached (its program shows up) and the
# /proc scan is done, or give up.
wait_attached() {
	local pid=$1 i
	for ((i = 0; i < 100; i++)); do
		kill -0 "$pid" 2>/dev/null || return 1
		if "$BPFTOOL" prog show 2>/dev/null | grep -q 'name sg_sys_exit'; then
			sleep 1
			return 0
		fi
		sleep 0.1
	done
	return 1
}

# sysgrep ARGS... in the background around RUNS loop runs; prints the median
# ns/call, then the events it printed and lost (from --stats).
with_sysgrep() {
	local err="$OUT/sysgrep.err" pid ns
	"$SYSGREP" --stats "$@" > /dev/null 2> "$err" &
	pid=$!
	wait_attached "$pid" || { cat "$err" >&2; die "sysgrep did not start: $*"; }
	ns=$(loop_runs | median)
	kill -INT "$pid"
	wait "$pid"
	local stats matched lost
	stats=$(grep 'stats:' "$err")
	matched=$(sed -n 's/.* \([0-9]*\) matched.*/\1/p' <<< "$stats")
	lost=$(sed -n 's/.* \([0-9]*\) lost,.*/\1/p' <<< "$stats")
	echo "$ns ${matched:-?} ${lost:-?}"
}

row() { # name ns base printed lost
	awk -v n="$1" -v ns="$2" -v b="$3" -v p="${4:-}" -v l="${5:-}" \
		'BEGIN { printf "  %-34s %9.1f %7.2fx %10s %10s\n", n, ns, ns / b, p, l }'
}

probe_cases() {
echo "sysgrep bench: $CALLS getppid calls per run, median of $RUNS runs ($(uname -r), $(nproc) CPUs)"
printf '  %-34s %9s %8s %10s %10s\n' case ns/call ratio printed lost

base=$(loop_runs | median)
row "bare loop" "$base" "$base"
floor=$(loop_runs "$OUT/bare_run" "$OUT/bare.bpf.o" | median)
row "tp_btf enter+exit, empty (floor)" "$floor" "$base"
read -r ns printed lost < <(with_sysgrep -q 'evt.type=openat and proc.name=nosuch')
row "sysgrep -q, loop not selected" "$ns" "$base" "$printed" "$lost"
read -r ns printed lost < <(with_sysgrep "proc.name=$LOOP_COMM")
row "sysgrep printing every call" "$ns" "$base" "$printed" "$lost"
read -r ns printed lost < <(with_sysgrep -q "proc.name=$LOOP_COMM")
row "sysgrep -q, loop selected" "$ns" "$base" "$printed" "$lost"
# recording every call: the encoding and the writes, not the disk
read -r ns printed lost < <(with_sysgrep -w /dev/null --force "proc.name=$LOOP_COMM")
row "sysgrep -w recording every call" "$ns" "$base" "$printed" "$lost"
read -r ns printed lost < <(with_sysgrep -w /dev/null --force -z "proc.name=$LOOP_COMM")
row "sysgrep -w -z (gzip) every call" "$ns" "$base" "$printed" "$lost"
read -r ns printed lost < <(with_sysgrep -j "proc.name=$LOOP_COMM")
row "sysgrep -j printing every call" "$ns" "$base" "$printed" "$lost"
}

# The consumer alone: records of real runs, replayed through decode ->
# state -> filter -> output into /dev/null (tests/bench/replay_bench.c).
replay_cases() {
	local w raw
	for w in getppid open; do
		raw="$OUT/replay-$w.raw"
		"$OUT/replay_bench" record "$raw" "$OUT/loop" 100000 "$w" > /dev/null 2> "$OUT/replay.err" ||
			{ cat "$OUT/replay.err" >&2; echo "  replay: recording $w failed"; continue; }
		echo "consumer replay, $w loop (targets: text, JSON <= 250 ns/event; CSV, -p <= 150):"
		"$OUT/replay_bench" replay "$raw" "proc.name=$LOOP_COMM" 1000000 | sed 's/^/  /'
		rm -f "$raw"
	done
}

build_userspace
if [ "$ROOT" -eq 1 ]; then
	build_bpf
	probe_cases
	# how the state is seeded at start: /proc, or what BPF iterators give
	echo "seed_bench (best of $RUNS):"
	"$OUT/seed_bench" "$OUT/iter.bpf.o" "$RUNS" || echo "  seed_bench failed"
	replay_cases
else
	echo "sysgrep bench: probe cases skipped (they load BPF programs: run 'sudo make bench')"
fi

if [ -x "$OUT/filter_bench" ]; then
	echo "filter_bench:"
	"$OUT/filter_bench" | sed 's/^/  /'
	echo "field_bench:"
	"$OUT/field_bench" | sed 's/^/  /'
fi
