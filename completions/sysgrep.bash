# bash completion for sysgrep.  Field and syscall names come from the binary
# itself (--list-fields / --list-events), the same catalogue the filter reads.

_sysgrep_fields() {
	sysgrep --list-fields 2>/dev/null | awk '{ sub(/\[.*|\.NAME$/, "", $1); print $1 }'
}

_sysgrep_events() {
	sysgrep --list-events -o json 2>/dev/null | sed -n 's/^{"name":"\([^"]*\)".*/\1/p'
}

# The filter's word operators, as filter/ast.h's SG_CMPOPS spells them
# (tests/unit/test_completion.c fails when the two lists differ), and its
# boolean keywords.
_sysgrep_ops="exists glob iglob contains icontains bcontains startswith bstartswith endswith regex intersects in pmatch"
_sysgrep_keywords="and or not"

_sysgrep() {
	local cur prev
	COMPREPLY=()
	cur=${COMP_WORDS[COMP_CWORD]}
	prev=${COMP_WORDS[COMP_CWORD-1]}

	case "$prev" in
	-o|--output)
		COMPREPLY=($(compgen -W "text json csv" -- "$cur")); return ;;
	--color|--colour)
		COMPREPLY=($(compgen -W "auto always never" -- "$cur")); return ;;
	-r|--read|--container-socket)
		COMPREPLY=($(compgen -f -- "$cur")); return ;;
	-n|--max-events|-t|--timeout|-s|--snaplen|--interval|--buffer-size|-p|--format)
		return ;;
	--count-by)
		COMPREPLY=($(compgen -W "$(_sysgrep_fields)" -- "${cur##*,}")); return ;;
	esac

	if [[ "$cur" == -* ]]; then
		COMPREPLY=($(compgen -W "-n --max-events -t --timeout -o --output -j --json -p --format
			-q --quiet -c --count --count-by --interval -s --snaplen --buffer-size --no-header
			--color --buffered --stats --list-fields --list-events --dump-filter -v --verbose
			-r --read --version -h --help --container-socket" -- "$cur"))
		return
	fi
	# evt.type=<syscall>
	if [[ "$cur" == evt.type=* ]]; then
		COMPREPLY=($(compgen -P "evt.type=" -W "$(_sysgrep_events) procexit" -- "${cur#evt.type=}"))
		return
	fi
	COMPREPLY=($(compgen -W "$(_sysgrep_fields) $_sysgrep_keywords $_sysgrep_ops" -- "$cur"))
}
complete -F _sysgrep sysgrep
