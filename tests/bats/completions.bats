#!/usr/bin/env bats
# The bash, zsh and fish completions, each driven in its own shell for real
# (bash through bash-completion, zsh on a pty with compinit, fish with
# `complete -C`), checked against the binary's own catalogue: every option of
# --help, every field of --list-fields, every syscall of --list-events.

load helpers

REPO=$BATS_TEST_DIRNAME/../..

setup() {
	# the completions run `sysgrep`: the binary under test, first on PATH
	mkdir -p "$BATS_TEST_TMPDIR/bin"
	ln -sf "$SYSGREP" "$BATS_TEST_TMPDIR/bin/sysgrep"
	export PATH="$BATS_TEST_TMPDIR/bin:$PATH"
}

need_shell() {
	case $1 in
	bash) [ -r /usr/share/bash-completion/bash_completion ] || skip "bash-completion is not installed" ;;
	zsh) command -v zsh >/dev/null || skip "zsh is not installed" ;;
	fish) command -v fish >/dev/null || skip "fish is not installed" ;;
	esac
}

# comp SHELL LINE: the candidates SHELL offers for the last word of LINE, in
# full, one a line (zsh's quoting and fish's descriptions taken off).
comp() {
	case $1 in
	bash) bash --norc --noprofile "$REPO/tests/completion/bash.sh" "$REPO/completions/sysgrep.bash" "$2" ;;
	zsh) SG_ZCOMPDUMP=$BATS_RUN_TMPDIR/zcompdump timeout 120 zsh -f "$REPO/tests/completion/zsh.zsh" "$REPO/completions" "$2" | sed 's/\\//g' ;;
	fish) fish --no-config -c "source '$REPO/completions/sysgrep.fish'; complete -C $(printf '%q' "$2")" | cut -f1 ;;
	esac
}

# the field names as a filter writes them: proc.aname[N] -> proc.aname,
# evt.arg.NAME -> evt.arg.
catalogue_fields() {
	"$SYSGREP" --list-fields -o json | jq -r '.name + (if .arg | startswith(".") then "." else "" end)'
}

# missing WANTED GOT: print the lines of file WANTED that file GOT lacks
missing() {
	sort -u "$1" >"$1.s"
	sort -u "$2" >"$2.s"
	comm -23 "$1.s" "$2.s"
}

check_options() {
	need_shell "$1"
	local t=$BATS_TEST_TMPDIR
	"$SYSGREP" --help | grep -oE '^  +(-[A-Za-z0-9], )?--[a-z-]+' | grep -oE -- '--[a-z-]+' >"$t/long"
	"$SYSGREP" --help | grep -oE '^  +-[A-Za-z0-9],' | grep -oE -- '-[A-Za-z0-9]' >"$t/short"
	[ "$(wc -l <"$t/long")" -ge 20 ]
	[ "$(wc -l <"$t/short")" -ge 8 ]
	comp "$1" "sysgrep --" >"$t/got_long"
	comp "$1" "sysgrep -" >"$t/got_short"
	# fish offers an optional value's option as --color=
	cat "$t/got_short" >>"$t/got_long"
	sed -i 's/=$//' "$t/got_long"
	run missing "$t/long" "$t/got_long"
	[ -z "$output" ] || { echo "long options not offered: $output"; false; }
	run missing "$t/short" "$t/got_long"
	[ -z "$output" ] || { echo "short options not offered: $output"; false; }
	# and nothing that is not an option of this binary
	cat "$t/long" "$t/short" >"$t/all"
	run missing "$t/got_long" "$t/all"
	[ -z "$output" ] || { echo "offered but not in --help: $output"; false; }
}

check_fields() {
	need_shell "$1"
	local t=$BATS_TEST_TMPDIR class
	catalogue_fields >"$t/fields"
	[ "$(wc -l <"$t/fields")" -ge 100 ]
	: >"$t/got"
	for class in $(cut -d. -f1 "$t/fields" | sort -u); do
		comp "$1" "sysgrep $class." >>"$t/got"
	done
	run missing "$t/fields" "$t/got"
	[ -z "$output" ] || { echo "fields not offered: $output"; false; }
	run missing "$t/got" "$t/fields"
	[ -z "$output" ] || { echo "offered but not in --list-fields: $output"; false; }
}

check_syscalls() {
	need_shell "$1"
	local t=$BATS_TEST_TMPDIR
	{ "$SYSGREP" --list-events -o json | jq -r '"evt.type=" + .name'; echo evt.type=procexit; } >"$t/want"
	[ "$(wc -l <"$t/want")" -ge 300 ]
	comp "$1" "sysgrep evt.type=" >"$t/got"
	run missing "$t/want" "$t/got"
	[ -z "$output" ] || { echo "syscalls not offered: $output"; false; }
	run missing "$t/got" "$t/want"
	[ -z "$output" ] || { echo "offered but not in --list-events: $output"; false; }
	comp "$1" "sysgrep evt.type=execv" >"$t/got"
	grep -qx 'evt.type=execve' "$t/got"
	! grep -qvx 'evt.type=execve\(at\)\?' "$t/got"
	# argument names after evt.arg.
	"$SYSGREP" --list-events -o json | jq -r '.params[].name' | sed 's/^/evt.arg./' | sort -u >"$t/want"
	comp "$1" "sysgrep evt.arg." >"$t/got"
	run missing "$t/want" "$t/got"
	[ -z "$output" ] || { echo "argument names not offered: $output"; false; }
}

# after a field, the operators: every one compiles after a field of a type
# it compares (strings, numbers, bytes)
check_operators() {
	need_shell "$1"
	local t=$BATS_TEST_TMPDIR op
	comp "$1" "sysgrep proc.name " >"$t/got"
	for op in startswith contains in pmatch exists glob regex '=' '!=' '<'; do
		grep -qxF -- "$op" "$t/got" || { echo "operator $op not offered"; false; }
	done
	while read -r op; do
		"$SYSGREP" --dump-filter "proc.name $op $(operand "$op" bash)" >/dev/null 2>&1 ||
			"$SYSGREP" --dump-filter "proc.pid $op $(operand "$op" 1)" >/dev/null 2>&1 ||
			"$SYSGREP" --dump-filter "evt.buffer $op 2f657463" >/dev/null 2>&1 ||
			{ echo "offered '$op' compiles after no field"; false; }
	done <"$t/got"
	# not after a word that is no field (a file name, an option's value)
	comp "$1" "sysgrep -r x.scap proc.na" >"$t/got"
	grep -qx proc.name "$t/got"
	comp "$1" "sysgrep evt.type=openat an" >"$t/got"
	[ "$(cat "$t/got")" = and ]
}

# operand OP VALUE: the right-hand side OP takes
operand() {
	case $1 in
	exists) ;;
	in|pmatch|intersects) echo "($2, $2)" ;;
	*) echo "$2" ;;
	esac
}

check_values() {
	need_shell "$1"
	local t=$BATS_TEST_TMPDIR v
	comp "$1" "sysgrep -o " >"$t/got"
	for v in text json csv; do grep -qx "$v" "$t/got"; done
	while read -r v; do
		"$SYSGREP" -o "$v" --list-fields >/dev/null || { echo "-o $v is refused"; false; }
	done <"$t/got"
	comp "$1" "sysgrep --output=j" >"$t/got"
	[ "$(cat "$t/got")" = --output=json ]
	comp "$1" "sysgrep --color=" >"$t/got"
	[ "$(wc -l <"$t/got")" -eq 3 ]
	while read -r v; do
		"$SYSGREP" "$v" --list-fields >/dev/null || { echo "$v is refused"; false; }
	done <"$t/got"
	comp "$1" "sysgrep -p %proc.na" >"$t/got"
	grep -qx %proc.name "$t/got"
	comp "$1" "sysgrep --count-by proc.name,evt.ty" >"$t/got"
	[ "$(cat "$t/got")" = proc.name,evt.type ]
	# -r takes a file name
	touch "$t/trace-one.scap"
	comp "$1" "sysgrep -r $t/trace-o" >"$t/got"
	grep -qx "$t/trace-one.scap" "$t/got"
}

@test "bash: every option of --help is completed" { check_options bash; }
@test "zsh: every option of --help is completed" { check_options zsh; }
@test "fish: every option of --help is completed" { check_options fish; }

@test "bash: every field of --list-fields is completed after its class (proc., fd., ...)" { check_fields bash; }
@test "zsh: every field of --list-fields is completed after its class (proc., fd., ...)" { check_fields zsh; }
@test "fish: every field of --list-fields is completed after its class (proc., fd., ...)" { check_fields fish; }

@test "bash: evt.type= completes exactly the syscalls of --list-events; evt.arg. their arguments" { check_syscalls bash; }
@test "zsh: evt.type= completes exactly the syscalls of --list-events; evt.arg. their arguments" { check_syscalls zsh; }
@test "fish: evt.type= completes exactly the syscalls of --list-events; evt.arg. their arguments" { check_syscalls fish; }

@test "bash: operators after a field, and each one compiles there" { check_operators bash; }
@test "zsh: operators after a field, and each one compiles there" { check_operators zsh; }
@test "fish: operators after a field, and each one compiles there" { check_operators fish; }

@test "bash: option values (-o, --color=, -p %field, --count-by a,b, -r FILE) are ones sysgrep takes" { check_values bash; }
@test "zsh: option values (-o, --color=, -p %field, --count-by a,b, -r FILE) are ones sysgrep takes" { check_values zsh; }
@test "fish: option values (-o, --color=, -p %field, --count-by a,b, -r FILE) are ones sysgrep takes" { check_values fish; }

@test "zsh and fish: the last word of a quoted filter is completed" {
	need_shell zsh
	need_shell fish
	run comp zsh "sysgrep 'evt.type=openat and proc.name st"
	[ "$output" = "evt.type=openat and proc.name startswith" ]
	run comp fish "sysgrep 'evt.type=openat and proc.name st"
	[ "$output" = "'evt.type=openat and proc.name startswith" ]
}
