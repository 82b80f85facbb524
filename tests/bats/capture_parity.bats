#!/usr/bin/env bats
# sysgrep -r against Debian's sysdig 0.29.3 on the shared captures: the
# table in tests/capture/parity.tsv, compared by timestamps.

load helpers

CAPS="$BATS_TEST_DIRNAME/../../../shared/captures"

setup() {
	command -v sysdig >/dev/null || skip "sysdig is not installed (apt-get install sysdig)"
	[ -r "$CAPS/curl_google.scap" ] || skip "no shared captures at $CAPS"
}

@test "parity: sysgrep -r selects the syscalls sysdig -r does (tests/capture/parity.tsv)" {
	local table="$BATS_TEST_DIRNAME/../capture/parity.tsv" bad=0 rows=0 same=0
	local a="$BATS_TEST_TMPDIR/sysdig" b="$BATS_TEST_TMPDIR/sysgrep"
	while IFS=$'\t' read -r file expect filter; do
		[[ -z "$file" || "$file" == \#* ]] && continue
		rows=$((rows + 1))
		local sf="evt.dir=< or evt.type=procexit"
		[ -n "$filter" ] && sf="($filter) and ($sf)"
		sysdig -r "$CAPS/$file" -p '%evt.rawtime' "$sf" 2>/dev/null | sort > "$a"
		"$SYSGREP" -r "$CAPS/$file" -p '%evt.rawtime' "$filter" 2>"$b.err" | sort > "$b"
		if [ -s "$b.err" ]; then
			echo "# $file [$filter]: sysgrep said: $(head -c 300 "$b.err")" >&3
			bad=$((bad + 1))
			continue
		fi
		local got=same
		cmp -s "$a" "$b" || got=differs
		[ "$got" = same ] && same=$((same + 1))
		if [ "$got" = differs ]; then
			echo "# $file [$filter]: $(comm -23 "$a" "$b" | wc -l) only in sysdig," \
				"$(comm -13 "$a" "$b" | wc -l) only in sysgrep (${expect#differs: })" >&3
		fi
		if [ "$got" != "${expect%%:*}" ]; then
			echo "# MISMATCH $file [$filter]: expected $expect, got $got" >&3
			bad=$((bad + 1))
		fi
	done < "$table"
	echo "# $rows filters, $same select the same syscalls" >&3
	[ "$rows" -ge 40 ]
	[ "$bad" -eq 0 ]
}
