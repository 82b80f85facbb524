#!/usr/bin/env bats
# The command line without the probe: options, filter errors, listings.
# None of these need root.

load helpers

@test "--version and --help" {
	run "$SYSGREP" --version
	[ "$status" -eq 0 ]
	[[ "$output" == "sysgrep "* ]]
	run "$SYSGREP" --help
	[ "$status" -eq 0 ]
	[[ "$output" == *"Usage: sysgrep"* ]]
}

@test "an unknown option is status 2 with a message on stderr only" {
	run --separate-stderr "$SYSGREP" --no-such-option
	[ "$status" -eq 2 ]
	[ -z "$output" ]
	[[ "$stderr" == *"sysgrep: "*"--no-such-option"* ]]
}

@test "bad option values are status 2" {
	for a in "-n 0" "-n x" "-t 5y" "-o yaml" "-s 999999" "--buffer-size 3000"; do
		run $SYSGREP $a 'evt.type=open'
		[ "$status" -eq 2 ]
	done
}

@test "a misspelt field: position, suggestion and caret, status 2, stdout empty" {
	run --separate-stderr "$SYSGREP" 'evt.type=execve and proc.nmae=bash'
	[ "$status" -eq 2 ]
	[ -z "$output" ]
	[[ "${stderr_lines[0]}" == "sysgrep: filter:1:21: unknown field 'proc.nmae' (did you mean 'proc.name'?)" ]]
	[[ "${stderr_lines[1]}" == "  evt.type=execve and proc.nmae=bash" ]]
	[[ "${stderr_lines[2]}" == "                      ^" ]]
}

@test "a missing value names the position" {
	run --separate-stderr "$SYSGREP" 'evt.type=execve and proc.name='
	[ "$status" -eq 2 ]
	[[ "${stderr_lines[0]}" == "sysgrep: filter:1:"*"expected a value after '='"* ]]
}

@test "a misspelt syscall is suggested" {
	run --separate-stderr "$SYSGREP" 'evt.type=exceve'
	[ "$status" -eq 2 ]
	[[ "$stderr" == *"unknown syscall 'exceve' (did you mean 'execve'?)"* ]]
}

@test "contains on a number field is a type error" {
	run --separate-stderr "$SYSGREP" 'proc.pid contains 1'
	[ "$status" -eq 2 ]
	[[ "$stderr" == *"'contains' cannot compare the number field 'proc.pid'"* ]]
}

@test "a filter that can never match is a warning, and the probe selects nothing for it" {
	# Falco expands an empty list to "in ()": such rules must still load
	run --separate-stderr "$SYSGREP" --dump-filter 'evt.type=open and evt.type=close'
	[ "$status" -eq 0 ]
	[[ "$stderr" == *"warning: this filter can never match: no event type"* ]]
	[[ "$output" == *"never matches"* ]]
	run --separate-stderr "$SYSGREP" --dump-filter 'proc.name in ()'
	[ "$status" -eq 0 ]
	[[ "$stderr" == *"warning: this filter can never match"* ]]
}

@test "the filter words are joined with spaces, as sysdig does" {
	run "$SYSGREP" --dump-filter evt.type=execve and proc.name=bash
	[ "$status" -eq 0 ]
	run "$SYSGREP" --dump-filter 'evt.type=execve and proc.name=bash'
	[ "$status" -eq 0 ]
}

@test "--dump-filter shows the bytecode and what is pushed down" {
	run "$SYSGREP" --dump-filter 'evt.type in (connect, accept4) and proc.name=sshd'
	[ "$status" -eq 0 ]
	[[ "$output" == *connect* ]]
	[[ "$output" == *accept4* ]]
	[[ "$output" == *sshd* ]]
}

@test "--list-fields: the catalogue as text and JSON Lines" {
	run "$SYSGREP" --list-fields
	[ "$status" -eq 0 ]
	[[ "$output" == *"proc.name"* ]]
	[[ "$output" == *"fd.sport"* ]]
	"$SYSGREP" --list-fields -o json | jq -e -s 'length > 80 and (map(.name) | index("evt.type") != null)'
}

@test "--list-events: every syscall with its arguments" {
	run "$SYSGREP" --list-events
	[ "$status" -eq 0 ]
	[[ "$output" == *openat*dirfd*name*flags* ]]
	"$SYSGREP" --list-events -o json | jq -e -s 'map(.name) | index("getppid") != null and index("execve") != null'
}

@test "a bad -p format is status 2 with its position" {
	run --separate-stderr "$SYSGREP" -p '%evt.num %proc.nmae' 'evt.type=open'
	[ "$status" -eq 2 ]
	[[ "$stderr" == *"sysgrep: format:1:"*"proc.nmae"* ]]
}

@test "bash completion offers field and syscall names from the binary itself" {
	local dir
	dir=$(dirname "$SYSGREP")
	# without bash-completion too (tests/bats/completions.bats: with it, and zsh, fish)
	run env PATH="$dir:$PATH" SG_NO_BASH_COMPLETION=1 bash --norc "$BATS_TEST_DIRNAME/../completion/bash.sh" \
		"$BATS_TEST_DIRNAME/../../completions/sysgrep.bash" "sysgrep proc.na"
	[ "$status" -eq 0 ]
	[[ "$output" == *proc.name* ]]
	run env PATH="$dir:$PATH" SG_NO_BASH_COMPLETION=1 bash --norc "$BATS_TEST_DIRNAME/../completion/bash.sh" \
		"$BATS_TEST_DIRNAME/../../completions/sysgrep.bash" "sysgrep evt.type=exec"
	[ "$status" -eq 0 ]
	[[ "$output" == *evt.type=execve* ]]
}

@test "make install puts the binary, man page and completions under DESTDIR" {
	command -v make >/dev/null || skip "no make"
	local d="$BATS_TEST_TMPDIR/root"
	run make -s -C "$BATS_TEST_DIRNAME/../.." install DESTDIR="$d" PREFIX=/usr BIN="$SYSGREP" BUILD="${BUILD:-build}"
	[ "$status" -eq 0 ]
	[ -x "$d/usr/bin/sysgrep" ]
	[ -f "$d/usr/share/man/man8/sysgrep.8" ]
	[ -f "$d/usr/share/bash-completion/completions/sysgrep" ]
	[ -f "$d/usr/share/zsh/vendor-completions/_sysgrep" ]
	"$d/usr/bin/sysgrep" --version
}

@test "--count-by a field twice is an error at the second one" {
	run -2 "$SYSGREP" --count-by proc.name,proc.name -o json 'evt.type=openat'
	[[ "${lines[0]}" == "sysgrep: count-by:1:11: proc.name is listed twice" ]]
}
