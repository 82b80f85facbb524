# bash completion for sysgrep.  Everything it offers comes from the binary
# itself: options from `sysgrep --help`, field names from --list-fields,
# syscall and argument names from --list-events, so it cannot drift from the
# program it completes.  tests/bats/completions.bats checks that.

# The filter's word operators, as filter/ast.h's SG_CMPOPS spells them
# (tests/unit/test_completion.c fails when the two lists differ), and its
# boolean keywords.
_sysgrep_ops="exists glob iglob contains icontains bcontains startswith bstartswith endswith regex intersects in pmatch"
_sysgrep_symops="= != < <= > >="
_sysgrep_keywords="and or not"

# `sysgrep --help` option lines -> "LONG|SHORT|ARG" (ARG: req, opt or -)
_sysgrep_options() {
	sysgrep --help 2>/dev/null | awk '
	/^  +(-[A-Za-z0-9], )?--[a-z]/ {
		line = $0; sub(/^ +/, "", line); short = ""
		if (line ~ /^-[A-Za-z0-9], /) { short = substr(line, 1, 2); line = substr(line, 5) }
		long = line; sub(/[ [=].*/, "", long); rest = substr(line, length(long) + 1); arg = "-"
		if (rest ~ /^\[=/) arg = "opt"
		else if (rest ~ /^ [A-Z][A-Z_,]*([ [].*)?$/) arg = "req"
		printf "%s|%s|%s\n", long, short, arg
	}'
}

# Field names as a filter spells them: proc.aname[N] -> proc.aname (a bare
# ancestor field is valid), evt.arg.NAME -> evt.arg. (an argument name follows).
_sysgrep_fields() {
	sysgrep --list-fields 2>/dev/null | awk '{ f = $1; if (f ~ /\.NAME$/) sub(/NAME$/, "", f); else sub(/\[.*/, "", f); print f }'
}

_sysgrep_events() {
	sysgrep --list-events -o json 2>/dev/null | sed -n 's/^{"name":"\([^"]*\)".*/\1/p'
	echo procexit
}

# Is $1 a field name (proc.aname[2] and evt.arg.name included)?
_sysgrep_is_field() {
	local f=${1%%[*}
	[[ "$f" == evt.arg.* ]] && f=evt.arg.
	[[ "$f" == evt.rawarg.* ]] && f=evt.rawarg.
	[[ "$f" == *.* ]] || return 1
	[[ " "$(_sysgrep_fields)" " == *[[:space:]]"$f"[[:space:]]* ]]
}

# Every argument name any syscall has, for evt.arg.NAME / evt.rawarg.NAME.
_sysgrep_argnames() {
	sysgrep --list-events -o json 2>/dev/null | grep -o '{"name":"[^"]*","type"' | cut -d'"' -f4 | sort -u
}

# _sysgrep_reply PREFIX WORDS CUR: COMPREPLY = PREFIX + each of WORDS that
# starts with CUR; no space after a word that ends in '.' or '['.
_sysgrep_reply() {
	local w
	COMPREPLY=()
	for w in $2; do
		[[ "$w" == "$3"* ]] && COMPREPLY+=("$1$w")
	done
	if [[ ${#COMPREPLY[@]} -eq 1 && "${COMPREPLY[0]}" == *[.[] ]]; then
		compopt -o nospace 2>/dev/null
	fi
	return 0
}

# The value of an option that takes one.
_sysgrep_value() {	# OPTION CUR
	case "$1" in
	--output) _sysgrep_reply "" "text json csv" "$2" ;;
	--color|--colour) _sysgrep_reply "" "auto always never" "$2" ;;
	--read|--rules|--write|--container-socket) COMPREPLY=($(compgen -f -- "$2")) ;;
	--count-by)
		local head=""
		[[ "$2" == *,* ]] && head="${2%,*},"
		_sysgrep_reply "$head" "$(_sysgrep_fields)" "${2##*,}" ;;
	--format)
		# the last %field of the format
		local head=${2%\%*}
		[[ "$2" == *%* ]] || { COMPREPLY=(); return; }
		_sysgrep_reply "$head%" "$(_sysgrep_fields)" "${2##*%}"
		compopt -o nospace 2>/dev/null ;;
	*) COMPREPLY=() ;;
	esac
}

# One word of the filter; PREV is the word before it.
_sysgrep_filter_word() {	# CUR PREV
	local cur=$1 prev=$2
	case "$cur" in
	evt.type=*|evt.type!=*)
		_sysgrep_reply "${cur%%=*}=" "$(_sysgrep_events)" "${cur#*=}"; return ;;
	evt.arg.*|evt.rawarg.*)
		_sysgrep_reply "${cur%.*}." "$(_sysgrep_argnames)" "${cur##*.}"; return ;;
	esac
	# after a field name: an operator
	if _sysgrep_is_field "$prev"; then
		_sysgrep_reply "" "$_sysgrep_ops $_sysgrep_symops" "$cur"
		return
	fi
	_sysgrep_reply "" "$(_sysgrep_fields) $_sysgrep_keywords" "$cur"
}

# The long form of option word $1 ("-o" -> "--output") if it takes a value.
_sysgrep_takes_value() {
	local long short arg
	while IFS="|" read -r long short arg; do
		if [[ ( "$1" == "$long" || "$1" == "$short" ) && "$arg" == req ]]; then
			echo "$long"
			return 0
		fi
	done < <(_sysgrep_options)
	return 1
}

_sysgrep() {
	local cur prev words cword
	if declare -F _init_completion >/dev/null; then
		# bash-completion: rejoin the words COMP_WORDBREAKS split at '=' and ':'
		_init_completion -n =: || return
	else
		# without it: the blank-separated words of the line up to the cursor
		local line=${COMP_LINE:0:COMP_POINT}
		read -ra words <<<"$line"
		[[ "$line" == *[[:space:]] ]] && words+=("")
		cword=$((${#words[@]} - 1))
		cur=${words[cword]}
		prev=${words[cword-1]}
	fi

	local opt
	if opt=$(_sysgrep_takes_value "$prev"); then
		_sysgrep_value "$opt" "$cur"
		return
	fi
	case "$cur" in
	--color=*|--colour=*)
		_sysgrep_reply "${cur%%=*}=" "auto always never" "${cur#*=}"
		_sysgrep_ltrim "$cur"; return ;;
	--*=*)
		_sysgrep_value "${cur%%=*}" "${cur#*=}"
		COMPREPLY=("${COMPREPLY[@]/#/${cur%%=*}=}")
		_sysgrep_ltrim "$cur"; return ;;
	-*)
		_sysgrep_reply "" "$(_sysgrep_options | cut -d"|" -f1,2 | tr "|" " ")" "$cur"
		return ;;
	esac
	_sysgrep_filter_word "$cur" "$prev"
	_sysgrep_ltrim "$cur"
}

# Readline replaces only the text after the last COMP_WORDBREAKS character
# ('=' by default) although bash-completion gave the whole word as CUR: drop
# that part from each reply, as __ltrim_colon_completions does for ':'.
_sysgrep_ltrim() {	# CUR
	[[ "$1" == *=* && "$COMP_WORDBREAKS" == *=* ]] || return 0
	local head=${1%=*}= i
	for i in "${!COMPREPLY[@]}"; do
		COMPREPLY[i]=${COMPREPLY[i]#"$head"}
	done
}
complete -F _sysgrep sysgrep
