#!/usr/bin/env bash
# complete LINE the way bash + bash-completion do at the end of LINE, and print
# each candidate for the last word in full, one a line.  COMP_WORDS is split
# as bash splits it: at blanks, and at the COMP_WORDBREAKS characters '=' and
# ':', which become words of their own.
set -u
comp=${1:?completion file}
line=${2:?command line}
# with bash-completion when it is installed (SG_NO_BASH_COMPLETION=1: without)
bc=/usr/share/bash-completion/bash_completion
if [ -r "$bc" ] && [ -z "${SG_NO_BASH_COMPLETION:-}" ]; then
	# shellcheck source=/dev/null
	source "$bc" || exit 3
fi
# shellcheck source=/dev/null
source "$comp" || exit 3
func=$(complete -p sysgrep | sed -n 's/.*-F \([^ ]*\) .*/\1/p')
[ -n "$func" ] || { echo "no complete -F for sysgrep" >&2; exit 3; }

read -ra toks <<<"$line"
[[ "$line" == *" " ]] && toks+=("")
COMP_WORDS=()
for t in "${toks[@]}"; do
	[ -z "$t" ] && { COMP_WORDS+=(""); continue; }
	while [ -n "$t" ]; do
		if [[ "$t" =~ ^([=:]+)(.*)$ || "$t" =~ ^([^=:]+)(.*)$ ]]; then
			COMP_WORDS+=("${BASH_REMATCH[1]}")
			t=${BASH_REMATCH[2]}
		fi
	done
done
COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
COMP_LINE=$line
COMP_POINT=${#line}
COMP_TYPE=9
COMP_KEY=9
# the text readline replaces starts after the last word break of the last token
last=${toks[-1]}
head=""
[[ "$last" =~ ^(.*[=:]) ]] && head=${BASH_REMATCH[1]}
cur=${COMP_WORDS[COMP_CWORD]}
[[ "$cur" =~ ^[=:]+$ ]] && cur=""
COMPREPLY=()
"$func" sysgrep "$cur" "${COMP_WORDS[COMP_CWORD-1]:-}"
for c in "${COMPREPLY[@]}"; do
	printf '%s%s\n' "$head" "$c"
done
