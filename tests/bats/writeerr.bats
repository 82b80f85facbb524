#!/usr/bin/env bats
# Write errors in every output form: stdout on /dev/full, a closed pipe, a
# file on a full disk (a small tmpfs).  A write error is status 2 and one
# message; a closed pipe is the quiet end (status as if the run had ended
# there); a full disk never leaves a partial record in the file.

load helpers

# every output form: events (text, JSON, CSV, -p in each), counts (-c,
# --count-by in each format)
FORMS=(
	""
	"-o json"
	"-o csv"
	"-p %evt.num+%proc.name+%evt.type+%evt.res"
	"-o json -p %evt.num+%proc.name+%evt.type"
	"-o csv -p %evt.num+%proc.name+%evt.type"
	"-c"
	"--count-by proc.name"
	"-o json --count-by proc.name,evt.type"
	"-o csv --count-by proc.name"
)

setup() {
	require_bpf
	SGT=$(unique_copy "$HELPERS/sgtest" sgw_)
	NAME=$(basename "$SGT")
	OUT="$BATS_TEST_TMPDIR/out"
	"$SGT" -l -d 2 getppid 1 >/dev/null 2>&1 &
	H=$!
}

teardown() {
	[ -z "${H:-}" ] || { kill "$H" 2>/dev/null || true; wait "$H" 2>/dev/null || true; }
	[ -z "${MNT:-}" ] || umount "$MNT" 2>/dev/null || true
}

# form_args N: the Nth form as words ("+" in a -p format is a space)
form_args() {
	local w
	ARGS=()
	for w in ${FORMS[$1]}; do ARGS+=("${w//+/ }"); done
}

@test "stdout on /dev/full, in every output form: status 2 and exactly one message" {
	[ -w /dev/full ] || skip "no /dev/full"
	local i st
	for i in "${!FORMS[@]}"; do
		form_args "$i"
		st=0
		"$SYSGREP" "${ARGS[@]}" -n 3 -t 20s "evt.type=getppid and proc.name=$NAME" >/dev/full 2>"$OUT.err" || st=$?
		echo "${FORMS[$i]:-text}: status $st: $(cat "$OUT.err")" >&3
		[ "$st" -eq 2 ]
		[ "$(wc -l <"$OUT.err")" -eq 1 ]
		grep -qx 'sysgrep: cannot write the output: No space left on device' "$OUT.err"
	done
}

@test "a pipe closed before the first write, in every output form: quiet, status 0, the totals still balance" {
	local i
	for i in "${!FORMS[@]}"; do
		form_args "$i"
		set +e
		# the reader closes its end at once and stays: every write is EPIPE
		"$SYSGREP" "${ARGS[@]}" --stats -n 3 -t 20s "evt.type=getppid and proc.name=$NAME" \
			2>"$OUT.err" | { exec <&-; sleep 1; }
		local st=("${PIPESTATUS[@]}")
		set -e
		echo "${FORMS[$i]:-text}: status ${st[0]}" >&3
		[ "${st[0]}" -eq 0 ]
		# only the totals, no error
		[ -z "$(grep -v -e '^sysgrep: stats: ' -e '^sysgrep: state: ' -e '^sysgrep: privileges: ' -e '^{"stats"' "$OUT.err")" ] || { cat "$OUT.err"; return 1; }
		grep -q -e '^sysgrep: stats: ' -e '^{"stats"' "$OUT.err"
	done
}

# a tmpfs of SIZE at MNT, for a disk that fills
small_disk() {
	MNT="$BATS_TEST_TMPDIR/disk"
	mkdir -p "$MNT"
	mount -t tmpfs -o "size=$1" sgtest "$MNT" 2>/dev/null || { MNT=; skip "cannot mount a tmpfs here"; }
}

# whole FILE FORM: every record in FILE is whole and well formed
whole() {
	python3 - "$1" "$2" <<'PY'
import csv, io, json, re, sys
data = open(sys.argv[1], "rb").read()
form = sys.argv[2]
assert data, "nothing was written before the disk was full"
assert data.endswith(b"\n"), "the file ends inside a record: %r" % data[-80:]
text = data.decode("utf-8")
if "json" in form:
    for line in text.splitlines():
        json.loads(line)
elif "csv" in form:
    rows = list(csv.reader(io.StringIO(text, newline="")))
    width = {len(r) for r in rows}
    assert len(width) == 1, "rows of %s columns" % sorted(width)
else:
    for line in text.splitlines():
        assert re.match(r"^[0-9]+ ", line), "not a whole line: %r" % line[:120]
print("%d records, %d bytes" % (text.count("\n"), len(data)))
PY
}

@test "a full disk under a stream of events: status 2, one message, the file holds whole records only" {
	command -v python3 >/dev/null || skip "needs python3"
	# 64 KiB: a few hundred records of the helper's 500 calls a second
	small_disk 64k
	local i st forms=("" "-o json" "-o csv" "-p %evt.num+%proc.name+%evt.type" "-o csv -p %evt.num+%proc.name+%evt.type")
	for i in "${!forms[@]}"; do
		rm -f "$MNT/out"
		ARGS=()
		local w
		for w in ${forms[$i]}; do ARGS+=("${w//+/ }"); done
		st=0
		"$SYSGREP" "${ARGS[@]}" -t 60s "evt.type=getppid and proc.name=$NAME" \
			>"$MNT/out" 2>"$OUT.err" || st=$?
		echo "${forms[$i]:-text}: status $st, $(whole "$MNT/out" "${forms[$i]}"): $(cat "$OUT.err")" >&3
		[ "$st" -eq 2 ]
		[ "$(wc -l <"$OUT.err")" -eq 1 ]
		grep -qx 'sysgrep: cannot write the output: No space left on device' "$OUT.err"
		whole "$MNT/out" "${forms[$i]}"
	done
}

@test "a disk already full when the counts are printed: status 2, one message, nothing half written" {
	small_disk 64k
	local i st
	dd if=/dev/zero of="$MNT/fill" bs=4k 2>/dev/null || true
	for i in 6 7 8 9; do
		form_args "$i"
		st=0
		"$SYSGREP" "${ARGS[@]}" -n 3 -t 20s "evt.type=getppid and proc.name=$NAME" \
			>"$MNT/out" 2>"$OUT.err" || st=$?
		echo "${FORMS[$i]}: status $st: $(cat "$OUT.err")" >&3
		[ "$st" -eq 2 ]
		[ "$(wc -l <"$OUT.err")" -eq 1 ]
		grep -qx 'sysgrep: cannot write the output: No space left on device' "$OUT.err"
		[ ! -s "$MNT/out" ]
	done
}
