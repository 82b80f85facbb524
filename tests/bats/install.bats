#!/usr/bin/env bats
# make install / make uninstall under DESTDIR and PREFIX: uninstall removes
# exactly what install put, and nothing else.

load helpers

REPO=$BATS_TEST_DIRNAME/../..

mk() {
	make -s -C "$REPO" "$@" BIN="$SYSGREP" BUILD="${BUILD:-build}"
}

# the files under $1, relative to it
files_under() {
	(cd "$1" && find . -type f -o -type l | sed 's|^\./||' | LC_ALL=C sort)
}

@test "make uninstall removes exactly what make install put (DESTDIR and PREFIX honoured)" {
	command -v make >/dev/null || skip "no make"
	local d=$BATS_TEST_TMPDIR/root
	# files another package owns in the same directories must survive
	mkdir -p "$d/opt/sg/bin" "$d/opt/sg/share/man/man8"
	echo other >"$d/opt/sg/bin/other"
	echo other >"$d/opt/sg/share/man/man8/other.8"
	files_under "$d" >"$BATS_TEST_TMPDIR/before"
	run mk install DESTDIR="$d" PREFIX=/opt/sg
	[ "$status" -eq 0 ]
	files_under "$d" >"$BATS_TEST_TMPDIR/after"
	run comm -13 "$BATS_TEST_TMPDIR/before" "$BATS_TEST_TMPDIR/after"
	[ "$output" = "opt/sg/bin/sysgrep
opt/sg/share/bash-completion/completions/sysgrep
opt/sg/share/fish/vendor_completions.d/sysgrep.fish
opt/sg/share/man/man8/sysgrep.8
opt/sg/share/zsh/vendor-completions/_sysgrep" ]
	"$d/opt/sg/bin/sysgrep" --version
	# another PREFIX is another tree: nothing of this one goes
	run mk uninstall DESTDIR="$d" PREFIX=/usr
	[ "$status" -eq 0 ]
	[ "$(files_under "$d")" = "$(cat "$BATS_TEST_TMPDIR/after")" ]
	run mk uninstall DESTDIR="$d" PREFIX=/opt/sg
	[ "$status" -eq 0 ]
	[ "$(files_under "$d")" = "$(cat "$BATS_TEST_TMPDIR/before")" ]
	# and again: nothing left to remove is no error
	run mk uninstall DESTDIR="$d" PREFIX=/opt/sg
	[ "$status" -eq 0 ]
}
