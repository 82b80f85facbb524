#!/usr/bin/env bats
# Hostile names in every output form.  A spawner (sgrely spawn) runs, every
# 20 ms, a program whose file name, argv, env and comm carry newlines, ESC
# sequences, invalid UTF-8, CSV and JSON quoting characters, and words that
# look like fields and format specifiers (`%proc.name`, `evt.type=x`); one
# argument is 100,000 bytes, and the file it opens has a 4095-byte path.
# Whatever the form, each event stays one well-formed record: JSON lines
# parse (jq, and Python's strict UTF-8 + json), CSV rows have the header's
# column count (Python's csv), text lines hold no raw control byte, and the
# number of records is the number of events.

load helpers

setup() {
	require_bpf
	command -v python3 >/dev/null || skip "needs python3"
	SP=$(unique_copy "$HELPERS/sgrely" sgsp_)
	SPN=$(basename "$SP")
	D="$BATS_TEST_TMPDIR/h"
	mkdir -p "$D"
	OUT="$BATS_TEST_TMPDIR/out"
	# the program's file: a newline, an OSC title sequence, BEL, a byte
	# that is not UTF-8, a printf specifier
	EXE="$D/$(printf 'evt.type=x\n\033]0;t\007\377%%s.bin')"
	cp "$SP" "$EXE"
	# what it renames itself (15 bytes, a task's comm)
	COMM=$(printf '%%proc.name\n\033[1m')
	# the file it opens: 4095 bytes (PATH_MAX with its NUL), the last
	# component hostile
	local seg p last
	seg=$(printf 's%.0s' $(seq 1 200))
	p=$D
	while [ $((${#p} + 202)) -lt 3900 ]; do p="$p/$seg"; done
	mkdir -p "$p"
	last=$(printf 'f\n\033[31m\377\376%%proc.name,"q\t')
	LC_ALL=C
	local pad=$((4095 - ${#p} - 1 - ${#last}))
	P="$p/$(printf 'x%.0s' $(seq 1 "$pad"))$last"
	unset LC_ALL
	[ "$(printf '%s' "$P" | wc -c)" -eq 4095 ]
	: >"$P"
	FILTER="proc.pname=$SPN and (evt.type=execve or (evt.type=openat and fd.name startswith $D/))"
	"$SP" spawn "$EXE" "$P" "$COMM" >/dev/null 2>&1 &
	BG=$!
}

teardown() {
	[ -z "${BG:-}" ] || { kill "$BG" 2>/dev/null || true; wait "$BG" 2>/dev/null || true; }
}

# every hostile field a -p format can ask for ('*': an execve has no fd)
FIELDS='*%evt.num %evt.type %proc.name %proc.exe %proc.exepath %proc.cmdline %proc.args %proc.env %proc.pname %fd.name %evt.arg.name %evt.args %evt.arg.args %evt.arg.env'

N=6

# cap ARGS...: N events (3 children: an execve and an open each) into OUT
cap() {
	local st=0
	"$SYSGREP" "$@" -n "$N" -t 30s "$FILTER" >"$OUT" 2>"$OUT.err" || st=$?
	[ "$st" -eq 0 ] || { echo "sysgrep exited $st"; cat "$OUT.err"; return 1; }
	[ ! -s "$OUT.err" ] || { cat "$OUT.err"; return 1; }
	echo "$(wc -c <"$OUT") bytes" >&3
}

# json_ok WANT: WANT lines, each one JSON object (jq), strict UTF-8 JSON
# (Python), and no line of it split
json_ok() {
	[ "$(jq -c . "$OUT" | wc -l)" -eq "$1" ]
	[ "$(wc -l <"$OUT")" -eq "$1" ]
	python3 - "$OUT" <<'PY'
import json, sys
for raw in open(sys.argv[1], "rb").read().split(b"\n")[:-1]:
    v = json.loads(raw.decode("utf-8"))
    assert isinstance(v, dict), v
PY
}

# csv_ok WANT: a header and WANT rows ("any": some), every one as wide as
# the header
csv_ok() {
	python3 - "$OUT" "$1" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8", errors="surrogateescape")))
if sys.argv[2] != "any":
    want = int(sys.argv[2])
    assert len(rows) == want + 1, "%d rows for %d records" % (len(rows) - 1, want)
w = len(rows[0])
bad = [i for i, r in enumerate(rows) if len(r) != w]
assert not bad, "rows %s are not %d columns wide" % (bad, w)
PY
}

# text_ok WANT: WANT lines and no raw control byte (ESC, CR, BEL, ...)
text_ok() {
	[ "$(wc -l <"$OUT")" -eq "$1" ]
	! LC_ALL=C grep -q "$(printf '[\001-\011\013-\037\177]')" "$OUT"
}

@test "JSON, default record: one object a line, the hostile values exact" {
	cap -o json
	json_ok "$N"
	# the open's process renamed itself: comm round-trips byte for byte
	[ "$(jq -rj 'select(."evt.type" == "openat") | ."proc.name" + "\u0000"' "$OUT" | head -c 15)" = "$COMM" ]
	# bytes that are not UTF-8 are U+FFFD in the value, exact in _raw (base64)
	jq -r 'select(."evt.type" == "openat") | ._raw."fd.name"' "$OUT" | head -n 1 | base64 -d >"$OUT.raw"
	[ "$(cat "$OUT.raw")" = "$P" ]
	jq -r 'select(."evt.type" == "execve") | ._raw."proc.exepath"' "$OUT" | head -n 1 | base64 -d >"$OUT.raw"
	[ "$(cat "$OUT.raw")" = "$EXE" ]
	# argv whole: the 100,000-byte argument is the last, cut or not, one string
	# (-s: jq 1.6's -e looks at the last input's output alone)
	jq -s -e --arg c "$COMM" '[.[] | select(."evt.type" == "execve") | ."evt.arg".args | .[0] == "hostile" and .[1] == "new\nline" and .[4] == "%proc.name" and .[5] == "evt.type=x" and .[7] == $c] | length > 0 and all' "$OUT" >/dev/null
}

@test "JSON with -p: every hostile field, one object a line" {
	cap -o json -p "$FIELDS"
	json_ok "$N"
	# a value that looks like a format specifier is printed, not expanded
	[ "$(jq -r 'select(."evt.type" == "openat") | ."proc.name" | test("^%proc\\.name\n\u001b\\[1m$")' "$OUT" | sort -u)" = true ]
	jq -c 'select(."evt.type" == "execve") | ."proc.env"' "$OUT" | cut -c 1-200 >&3
	jq -s -e '[.[] | select(."evt.type" == "execve") | ."proc.env" | contains("SG_FMT=%proc.name evt.type=x")] | length > 0 and all' "$OUT" >/dev/null
}

@test "CSV, default columns and -p: every row as wide as the header" {
	cap -o csv
	csv_ok "$N"
	cap -o csv -p "$FIELDS"
	csv_ok "$N"
}

@test "text, default line and -p: one line an event, no raw control byte" {
	cap
	text_ok "$N"
	cap -p "$FIELDS"
	text_ok "$N"
	# the specifier-like comm is shown, escaped, not expanded
	grep -qF '%proc.name\n\x1b[1m' "$OUT"
}

@test "--count-by hostile fields, in text, JSON and CSV: one row a key" {
	cap --count-by proc.name,proc.exepath,fd.name
	! LC_ALL=C grep -q "$(printf '[\001-\011\013-\037\177]')" "$OUT"
	# a header, an execve row and an openat row (state: its comm and fd)
	# a header, then a row a key: the execve's, the open's (and the open of
	# a child whose exec came before the probe: no exepath)
	head -n 1 "$OUT" | grep -q '^count  proc.name  *proc.exepath  *fd.name$'
	[ "$(tail -n +2 "$OUT" | grep -Ec '^ *[0-9]+  ')" -eq "$(($(wc -l <"$OUT") - 1))" ]
	[ "$(tail -n +2 "$OUT" | awk '{ n += $1 } END { print n }')" -eq "$N" ]
	cap -o json --count-by proc.name,proc.exepath,fd.name,proc.cmdline
	json_ok "$(wc -l <"$OUT")"
	[ "$(jq -s 'map(.count) | add' "$OUT")" -eq "$N" ]
	cap -o csv --count-by proc.name,proc.cmdline,fd.name
	csv_ok any
	python3 - "$OUT" "$N" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8", errors="surrogateescape")))
assert sum(int(r[0]) for r in rows[1:]) == int(sys.argv[2]), rows
PY
}

@test "-c: a number, whatever the names" {
	cap -c
	[ "$(cat "$OUT")" = "$N" ]
	cap -c -o json
	[ "$(jq '.count' "$OUT")" -eq "$N" ]
}
