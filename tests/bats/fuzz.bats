#!/usr/bin/env bats
# The libFuzzer targets (mk/fuzz.mk, tests/fuzz/), bounded for CI: each is
# built under ASan + UBSan and runs FUZZ_CI_TIME seconds (60) from its
# seeds; a crash, a sanitizer report, a leak or a hang fails its test.
# Every input a target once crashed on (tests/fuzz/regress/TARGET/) is run
# again by that target, and the -p / --count-by ones by sysgrep itself.
# Skips when clang's libFuzzer runtime is missing (Debian:
# libclang-rt-14-dev, listed in .ci/packages.d/fuzz).

load helpers

REPO="$BATS_TEST_DIRNAME/../.."
FUZZ_CI_TIME=${FUZZ_CI_TIME:-60}

setup_file() {
	local probe="$BATS_FILE_TMPDIR/probe"
	printf 'int LLVMFuzzerTestOneInput(const char *d, long n) { return 0; }\n' > "$probe.c"
	if ! clang -fsanitize=fuzzer,address,undefined "$probe.c" -o "$probe" 2>"$probe.err"; then
		echo "clang cannot link a libFuzzer target (install libclang-rt-14-dev): $(head -c 200 "$probe.err")" \
			> "$BATS_FILE_TMPDIR/skip"
		return 0
	fi
	make -C "$REPO" --no-print-directory -s -j"$(nproc)" fuzz-build > "$BATS_FILE_TMPDIR/build.log" 2>&1 ||
		echo "failed" > "$BATS_FILE_TMPDIR/build-failed"
}

need_fuzz() {
	[ ! -e "$BATS_FILE_TMPDIR/skip" ] || skip "$(cat "$BATS_FILE_TMPDIR/skip")"
	if [ -e "$BATS_FILE_TMPDIR/build-failed" ]; then
		tail -30 "$BATS_FILE_TMPDIR/build.log"
		return 1
	fi
}

# fuzz_for TARGET: FUZZ_CI_TIME seconds of it; prints its final stats
fuzz_for() {
	need_fuzz
	run make -C "$REPO" --no-print-directory -s "fuzz-$1" FUZZ_TIME="$FUZZ_CI_TIME" \
		FUZZ_OUT="$BATS_TEST_TMPDIR"
	printf '%s\n' "$output" | grep -E 'ERROR|runtime error|SUMMARY|stat::(number_of|average|new_units)|Done' | head -20
	ls "$BATS_TEST_TMPDIR" | grep -E "^$1-(crash|leak|timeout|oom)" && return 1
	[ "$status" -eq 0 ]
	printf '%s\n' "$output" | grep -q '^Done [0-9]* runs'
}

@test "fuzz filter: $FUZZ_CI_TIME s of the filter compiler, no crash" {
	fuzz_for filter
}

@test "fuzz capture: $FUZZ_CI_TIME s of the .scap reader, no crash" {
	fuzz_for capture
}

@test "fuzz format: $FUZZ_CI_TIME s of the -p format compiler, no crash" {
	fuzz_for format
}

@test "fuzz countby: $FUZZ_CI_TIME s of --count-by field lists, no crash" {
	fuzz_for countby
}

@test "fuzz decode: $FUZZ_CI_TIME s of the ring-buffer record decoder, no crash" {
	fuzz_for decode
}

@test "fuzz regressions: each target runs every input it once crashed on" {
	need_fuzz
	local d t n=0
	for d in "$REPO"/tests/fuzz/regress/*/; do
		t=$(basename "$d")
		# files, not a directory: each is run once, nothing is fuzzed
		run "$REPO/build-fuzz/fuzz_$t" "$d"*
		echo "$t: status $status"
		printf '%s\n' "$output" | grep -E 'ERROR|runtime error|SUMMARY' || true
		[ "$status" -eq 0 ]
		n=$((n + 1))
	done
	[ "$n" -ge 2 ]
}

# The first byte of a format or count-by input picks the output
# (fuzz_format.c): the same text through sysgrep -r on a seed capture.
@test "fuzz regressions: sysgrep -p and --count-by take each crash input and end with a status" {
	local cap="$REPO/tests/fuzz/seeds/capture/basic.scap" f text fmt n=0
	local fmts=(text json csv)
	for f in "$REPO"/tests/fuzz/regress/format/* "$REPO"/tests/fuzz/regress/countby/*; do
		text=$(tail -c +2 "$f")
		fmt=${fmts[$(( $(od -An -tu1 -N1 "$f") % 3 ))]}
		case $f in
		*/format/*) run "$SYSGREP" -r "$cap" -o "$fmt" -p "$text" ;;
		*) run "$SYSGREP" -r "$cap" -o "$fmt" --count-by "$text" ;;
		esac
		echo "$f: status $status"
		[ "$status" -le 2 ]
		n=$((n + 1))
	done
	[ "$n" -ge 2 ]
}
