#!/usr/bin/env bats
# -t and --interval with -r run on the capture's own clock, from its first
# event.  The expected values are computed from the events' %evt.rawtime by
# python, independently of sysgrep's interval code.

CAPS="$BATS_TEST_DIRNAME/../../../shared/captures"
[ -d "$CAPS" ] || CAPS="$BATS_TEST_DIRNAME/../../../../shared/captures"
CAP="$CAPS/curl_google.scap"

setup() {
	[ -r "$CAP" ] || skip "no shared captures at $CAPS"
	T="$BATS_TEST_TMPDIR"
	"$SYSGREP" -r "$CAP" -p '%evt.rawtime' > "$T/times"
	[ "$(wc -l < "$T/times")" -gt 100 ]
}

# How many events fall in the first N ns of the capture.
first_ns() {
	python3 -c 'import sys
t = [int(l) for l in open(sys.argv[1])]
print(sum(1 for x in t if x - t[0] < int(sys.argv[2])))' "$T/times" "$1"
}

@test "-r -t: reads only the first DURATION of recorded time" {
	want=$(first_ns 10000000)
	[ "$want" -gt 0 ]
	[ "$want" -lt "$(wc -l < "$T/times")" ]
	run "$SYSGREP" -r "$CAP" -t 10ms -c
	[ "$status" -eq 0 ]
	[ "$output" = "$want" ]
	want=$(first_ns 30000000)
	run "$SYSGREP" -r "$CAP" -t 30ms -p '%evt.rawtime'
	[ "${#lines[@]}" -eq "$want" ]
	# longer than the capture: every event
	run "$SYSGREP" -r "$CAP" -t 1h -c
	[ "$output" = "$(wc -l < "$T/times")" ]
}

@test "-r -t with a filter and -n: the first limit reached stops" {
	run "$SYSGREP" -r "$CAP" -t 1h -n 3 -p '%evt.num' 'evt.type=open'
	[ "$status" -eq 0 ]
	[ "${#lines[@]}" -eq 3 ]
	run "$SYSGREP" -r "$CAP" -t 1ms -c 'evt.type=connect'
	[ "$status" -eq 1 ]
	[ "$output" = "0" ]
}

@test "-r --interval: one table per interval of recorded time, empty intervals as count 0" {
	"$SYSGREP" -r "$CAP" -o json --count-by evt.type --interval 10ms > "$T/rows"
	# expected: per 10 ms bucket from the first event, the number of events;
	# each bucket's rows carry its end, t0 + (k+1) * 10 ms; the last, partial
	# one ends at the last event
	python3 - "$T/times" "$T/rows" <<'PY'
import json, sys, datetime
t = [int(l) for l in open(sys.argv[1])]
t0, last, step = t[0], max(t), 10_000_000
want = {}
for x in t:
    want[(x - t0) // step] = want.get((x - t0) // step, 0) + 1
def iso(ns):
    s, frac = divmod(ns, 1_000_000_000)
    d = datetime.datetime.fromtimestamp(s, datetime.timezone.utc)
    return d.strftime('%Y-%m-%dT%H:%M:%S') + '.%09dZ' % frac
nb = (last - t0) // step + 1
ends = [iso(t0 + (k + 1) * step) for k in range(nb - 1)] + [iso(last)]
got = {}
for line in open(sys.argv[2]):
    r = json.loads(line)
    got[r['interval']] = got.get(r['interval'], 0) + r['count']
exp = {ends[k]: want.get(k, 0) for k in range(nb)}
if got != exp:
    print('got', got, '\nwant', exp)
    sys.exit(1)
# at least one empty interval in this capture, printed as a row of 0
assert 0 in exp.values(), exp
PY
}

@test "-r --interval: CSV rows and text tables per interval" {
	run "$SYSGREP" -r "$CAP" -o csv --count-by evt.type --interval 20ms
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = "count,interval,evt.type" ]
	n=$(printf '%s\n' "${lines[@]:1}" | cut -d, -f2 | sort -u | wc -l)
	[ "$n" -eq 4 ]
	# the interval 40-60 ms has one event: one row
	[ "$(printf '%s\n' "${lines[@]:1}" | cut -d, -f2 | sort | uniq -c | awk '$1 == 1' | wc -l)" -eq 1 ]
	# text: four tables, each with its header, apart by an empty line
	"$SYSGREP" -r "$CAP" --count-by evt.type --interval 20ms > "$T/text"
	[ "$(grep -c '^count  evt.type$' "$T/text")" -eq 4 ]
	[ "$(grep -c '^$' "$T/text")" -eq 3 ]
}
