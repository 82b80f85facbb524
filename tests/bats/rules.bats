#!/usr/bin/env bats
# Falco rules files: --rules loads macros and lists (libyaml), --rule runs one
# rule with its output format.  The rules file is tests/rules/, written for
# these tests; its tags name the event types each rule's evt.type checks name.

load helpers

RULES="$BATS_TEST_DIRNAME/../rules/sysgrep_test_rules.yaml"

# The event types a rule's tag names, sorted, space separated.
tag_types() {
	grep -A9 -- "^- rule: $1\$" "$RULES" | grep -m1 'tags:' |
		sed -e 's/.*types=\([^"]*\)".*/\1/' | tr ',' '\n' | sed '/^$/d' | sort | tr '\n' ' '
}

# The event types --dump-filter says the probe selects, sorted.
dumped_types() {
	sed -n 's/^  syscalls: [0-9]* of [0-9]*: //p' | tr ' ' '\n' | sed '/^$/d' | sort | tr '\n' ' '
}

@test "--dump-filter of every rule shows the event types its evt.type checks name" {
	local n=0 rule want got
	while IFS= read -r rule; do
		want=$(tag_types "$rule")
		run --separate-stderr "$SYSGREP" --rules "$RULES" --rule "$rule" --dump-filter
		[ "$status" -eq 0 ]
		if [ -z "$want" ]; then
			# a rule that can never match: a warning, and nothing selected
			[[ "$output" == *"never matches"* ]]
			[[ "$stderr" == *"rule '$rule' condition"*"warning: this filter can never match"* ]]
		else
			got=$(dumped_types <<<"$output")
			[ "$got" = "$want" ] || { echo "$rule: want '$want' got '$got'"; return 1; }
		fi
		n=$((n + 1))
	done < <(sed -n 's/^- rule: //p' "$RULES")
	[ "$n" -eq 7 ]
}

@test "a filter names macros and lists of the rules file" {
	run "$SYSGREP" --rules "$RULES" --dump-filter 'spawned_process and shell_procs'
	[ "$status" -eq 0 ]
	[[ "$output" == *'ftype    evt.type in ("execve", "execveat")'* ]]
	# the list with its appended item, the macro with its appended condition
	[[ "$output" == *'proc.name in ("ash", "bash", "csh", "ksh", "sh", "tcsh", "zsh", "dash", "fish")'* ]]
	[[ "$output" == *'proc.tty != 0'* ]]
	[[ "$output" == *"syscalls: 2 of "*": execve execveat"* ]]
	# an item with a blank is quoted (Falco's rule), a list with a modifier
	run "$SYSGREP" --rules "$RULES" --dump-filter 'history_change'
	[ "$status" -eq 0 ]
	[[ "$output" == *'fs.path.name endswith anyof (".bash_history", ".zsh_history", "fish history")'* ]]
}

@test "without --rules a macro name is refused, saying where to find it" {
	run --separate-stderr "$SYSGREP" --dump-filter 'spawned_process and proc.name=bash'
	[ "$status" -eq 2 ]
	[[ "$stderr" == *"filter:1:1: 'spawned_process' is not a field or a known macro: load the rules file that defines it with --rules FILE"* ]]
}

@test "an error in a macro names the file, the line and the macro, with a caret in its condition" {
	local bad="$BATS_TEST_TMPDIR/bad.yaml"
	printf -- '- macro: ok_macro\n  condition: proc.name = x\n\n- macro: typo\n  condition: evt.type = execve and proc.nmae = x\n' >"$bad"
	run --separate-stderr "$SYSGREP" --rules "$bad" --dump-filter 'ok_macro or typo'
	[ "$status" -eq 2 ]
	[[ "$stderr" == *"$bad:4: macro 'typo' condition:1:23: unknown field 'proc.nmae' (did you mean 'proc.name'?)"* ]]
	[[ "$stderr" == *"evt.type = execve and proc.nmae = x"* ]]
	# a macro that uses itself is refused, not a hang
	printf -- '- macro: loop\n  condition: proc.name = x or loop\n' >"$bad"
	run --separate-stderr "$SYSGREP" --rules "$bad" --dump-filter 'loop'
	[ "$status" -eq 2 ]
	[[ "$stderr" == *"macro 'loop' uses itself"* ]]
}

@test "rules file errors: YAML syntax, append to nothing, unknown rule, no file" {
	local bad="$BATS_TEST_TMPDIR/bad.yaml"
	printf -- '- list: x\n  items: [a, b\n' >"$bad"
	run --separate-stderr "$SYSGREP" --rules "$bad" --dump-filter 'proc.name=a'
	[ "$status" -eq 2 ]
	[[ "$stderr" == "sysgrep: rules: $bad:"* ]]
	printf -- '- list: nothere\n  items: [a]\n  append: true\n' >"$bad"
	run --separate-stderr "$SYSGREP" --rules "$bad" --dump-filter 'proc.name=a'
	[ "$status" -eq 2 ]
	[[ "$stderr" == *"$bad:1: list 'nothere' appends to a list not defined before it"* ]]
	run --separate-stderr "$SYSGREP" --rules "$RULES" --rule 'No such rule' --dump-filter
	[ "$status" -eq 2 ]
	[[ "$stderr" == *"no rule named 'No such rule'"* ]]
	run --separate-stderr "$SYSGREP" --rule 'Shell spawned' --dump-filter
	[ "$status" -eq 2 ]
	[[ "$stderr" == *"needs the rules file that defines it: --rules FILE"* ]]
	run --separate-stderr "$SYSGREP" --rules "$BATS_TEST_TMPDIR/missing.yaml" --dump-filter 'proc.name=a'
	[ "$status" -eq 2 ]
	[[ "$stderr" == *"missing.yaml: No such file or directory"* ]]
}

@test "a later --rules file overrides and extends an earlier one" {
	local more="$BATS_TEST_TMPDIR/more.yaml"
	printf -- '- macro: never_true\n  condition: (evt.num=1)\n\n- list: ssh_ports\n  items: [8022]\n  append: true\n' >"$more"
	run "$SYSGREP" --rules "$RULES" --rules "$more" --rule 'Outbound ssh' --dump-filter
	[ "$status" -eq 0 ]
	[[ "$output" == *'fd.sport in (22, 2222, 8022)'* ]]
	run "$SYSGREP" --rules "$RULES" --rules "$more" --dump-filter 'never_true'
	[[ "$output" == *'evt.num = 1'* ]]
}

@test "--rule prints a matching event with the rule's output format, as Falco does" {
	require_bpf
	local t name
	t=$(unique_copy /bin/true rul_)
	name=$(basename "$t")
	sg_capture "$BATS_TEST_TMPDIR/out" -n 1 -t 20s --rules "$RULES" --rule 'Program spawned' \
		"proc.name=$name" --- "$HELPERS/sgtest" -l exec "$t"
	[ "$SG_STATUS" -eq 0 ]
	[ "$(wc -l <"$BATS_TEST_TMPDIR/out")" -eq 1 ]
	grep -Eq "^[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{9}: Informational Program spawned \(name=$name exe=$t parent=sgtest\)\$" \
		"$BATS_TEST_TMPDIR/out" || { cat "$BATS_TEST_TMPDIR/out"; return 1; }
}
