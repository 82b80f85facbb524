#!/usr/bin/env bats
# Output formats end to end, on live events of a helper with hostile file names.

load helpers

setup() {
	require_bpf
	SGT=$(unique_copy "$HELPERS/sgtest" sgo_)
	NAME=$(basename "$SGT")
	OUT="$BATS_TEST_TMPDIR/out"
}

@test "-p prints exactly the fields asked for" {
	local f="$BATS_TEST_TMPDIR/plain"
	echo x >"$f"
	sg_capture "$OUT" -n 1 -t 20s -p '%proc.name %evt.type %fd.name' "evt.type=openat and proc.name=$NAME" --- "$SGT" -l open "$f"
	[ "$SG_STATUS" -eq 0 ]
	[ "$(cat "$OUT")" = "$NAME openat $f" ]
}

@test "-p with JSON: only those keys" {
	local f="$BATS_TEST_TMPDIR/plain"
	echo x >"$f"
	sg_capture "$OUT" -o json -n 1 -t 20s -p '%proc.name %fd.name' "evt.type=openat and proc.name=$NAME" --- "$SGT" -l open "$f"
	[ "$SG_STATUS" -eq 0 ]
	jq -e --arg n "$NAME" --arg f "$f" '(keys | sort) == ["fd.name", "proc.name"] and ."proc.name" == $n and ."fd.name" == $f' "$OUT"
}

@test "a file name with newline, comma, quote, tab and ESC round-trips through jq" {
	local f
	f="$BATS_TEST_TMPDIR/$(printf 'a\nb,c"d\te\033[31mf')"
	echo x >"$f"
	sg_capture "$OUT" -o json -n 1 -t 20s "evt.type=openat and proc.name=$NAME" --- "$SGT" -l open "$f"
	[ "$SG_STATUS" -eq 0 ]
	[ "$(wc -l <"$OUT")" -eq 1 ]
	[ "$(jq -j '."evt.arg".name' "$OUT")" = "$f" ]
	[ "$(jq -j '."fd.name"' "$OUT")" = "$f" ]
}

@test "the same hostile name round-trips through Python's csv module" {
	local f
	f="$BATS_TEST_TMPDIR/$(printf 'a\nb,c"d\te\033[31mf')"
	echo x >"$f"
	sg_capture "$OUT" -o csv -n 1 -t 20s -p '%proc.name %fd.name' "evt.type=openat and proc.name=$NAME" --- "$SGT" -l open "$f"
	[ "$SG_STATUS" -eq 0 ]
	python3 - "$OUT" "$NAME" "$f" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline='', encoding='utf-8', errors='surrogateescape')))
assert rows[0] == ['proc.name', 'fd.name'], rows[0]
assert rows[1] == [sys.argv[2], sys.argv[3]], rows[1]
assert len(rows) == 2
PY
}

@test "text output never emits a raw control byte" {
	local f
	f="$BATS_TEST_TMPDIR/$(printf 'x\033[2Jy\rz\tw')"
	echo x >"$f"
	sg_capture "$OUT" -n 1 -t 20s "evt.type=openat and proc.name=$NAME" --- "$SGT" -l open "$f"
	[ "$SG_STATUS" -eq 0 ]
	[ "$(wc -l <"$OUT")" -eq 1 ]
	# tab included: the default line has none of its own, values escape it
	! LC_ALL=C grep -q "$(printf '[\001-\011\013-\037\177]')" "$OUT"
	grep -qF 'z\tw' "$OUT"
}

@test "-p text and --count-by text escape tabs in values too" {
	local f="$BATS_TEST_TMPDIR/$(printf 'ta\tb')"
	echo x >"$f"
	sg_capture "$OUT" -n 1 -t 20s -p '%proc.name %fd.name' "evt.type=openat and proc.name=$NAME" --- "$SGT" -l open "$f"
	[ "$SG_STATUS" -eq 0 ]
	! LC_ALL=C grep -q "$(printf '[\001-\011\013-\037\177]')" "$OUT"
	sg_capture "$OUT" --count-by fd.name -n 2 -t 20s "evt.type=openat and proc.name=$NAME" --- "$SGT" -l open "$f"
	[ "$SG_STATUS" -eq 0 ]
	! LC_ALL=C grep -q "$(printf '[\001-\011\013-\037\177]')" "$OUT"
	grep -qF 'ta\tb' "$OUT"
}

@test "-c prints only the number of matching events" {
	sg_capture "$OUT" -c -n 4 -t 20s "evt.type=getppid and proc.name=$NAME" --- "$SGT" -l -d 1 getppid 2
	[ "$SG_STATUS" -eq 0 ]
	[ "$(cat "$OUT")" = "4" ]
}

@test "--count-by: a table of counts by the fields" {
	sg_capture "$OUT" -o json --count-by proc.name,evt.type -n 6 -t 20s "evt.type in (getppid, openat) and proc.name=$NAME" --- "$SGT" -l -d 1 getppid 2
	[ "$SG_STATUS" -eq 0 ]
	jq -e -s --arg n "$NAME" 'length == 1 and .[0].count == 6 and .[0]."proc.name" == $n and .[0]."evt.type" == "getppid"' "$OUT"
}

@test "CSV has a header by default and none with --no-header" {
	sg_capture "$OUT" -o csv -n 1 -t 20s "evt.type=getppid and proc.name=$NAME" --- "$SGT" -l getppid 1
	[ "$SG_STATUS" -eq 0 ]
	head -n 1 "$OUT" | grep -q '^evt.num,'
	sg_capture "$OUT" -o csv --no-header -n 1 -t 20s "evt.type=getppid and proc.name=$NAME" --- "$SGT" -l getppid 1
	[ "$(wc -l <"$OUT")" -eq 1 ]
	! grep -q '^evt.num,' "$OUT"
}

@test "a full disk is an error: status 2 and a message" {
	[ -w /dev/full ] || skip "no /dev/full"
	"$SGT" -l getppid 1 &
	local h=$!
	run --separate-stderr bash -c "'$SYSGREP' -n 2 -t 20s 'evt.type=getppid and proc.name=$NAME' >/dev/full"
	kill $h; wait $h 2>/dev/null || true
	[ "$status" -eq 2 ]
	[[ "$stderr" == *"sysgrep: "*"No space left on device"* ]]
}

@test "--interval prints the --count-by table every interval and starts counting again" {
	sg_capture "$OUT" -o json --count-by evt.type --interval 500ms -t 2200ms "evt.type=getppid and proc.name=$NAME" --- "$SGT" -l -d 5 getppid 1
	[ "$SG_STATUS" -eq 0 ]
	# one row per interval (4 ticks and the end), each a fresh count
	[ "$(jq -s 'map(select(."evt.type" == "getppid")) | length' "$OUT")" -ge 4 ]
	# an interval the helper was slow to fill is a row of count 0
	jq -e -s 'map(select(.count > 0)) | length >= 3 and all(.[]; .count < 200)' "$OUT"
	# each row says which interval it is of: distinct, increasing times
	jq -e -s 'map(.interval) | all(test("^20[0-9-]{8}T[0-9:]{8}\\.[0-9]{9}Z$")) and . == (unique | sort) and length == (unique | length)' "$OUT"
}

@test "--interval in CSV: an interval column, and an empty interval is a row of 0" {
	sg_capture "$OUT" -o csv --count-by proc.name --interval 400ms -t 1300ms "evt.type=getppid and proc.name=zz$RANDOM" --- true
	[ "$SG_STATUS" -eq 1 ]
	[ "$(head -n 1 "$OUT")" = "count,interval,proc.name" ]
	[ "$(wc -l <"$OUT")" -ge 4 ]
	! tail -n +2 "$OUT" | grep -Evq '^0,20[0-9-]{8}T[0-9:]{8}\.[0-9]{9}Z,$'
}
