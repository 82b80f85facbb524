#!/usr/bin/env zsh
# zsh.zsh DIR LINE: complete LINE at its end in a real interactive zsh, on a
# pty (zsh/zpty), with compinit and the completion function _sysgrep from DIR;
# print each candidate for the last word in full, one a line.  compadd is
# wrapped so that it prints what it would offer instead of offering it.
# compinit's scan of every completion function is slow: SG_ZCOMPDUMP names a
# dump file to keep between calls (its first call writes it).
zmodload zsh/zpty || { print -u2 "no zsh/zpty"; exit 3 }
dir=${1:?completion dir} line=${2:?command line}
init=$(mktemp) || exit 3
trap 'rm -f $init $init.dump' EXIT
cat >$init <<'INIT'
PROMPT='' RPROMPT='' PS2=''
unsetopt beep
autoload -Uz compinit && compinit -u -d "$SG_ZCOMPDUMP"
zstyle ':completion:*' list-grouped false
zstyle ':completion:*' insert-tab false
bindkey '^I' complete-word
bindkey '^M' undefined
bindkey '^J' undefined
__sg_mark() { print -r -- '<<sg-mark>>' }
compprefuncs=(__sg_mark)
comppostfuncs=(__sg_mark exit)
compadd() {
	# calls that only collect matches (-O, -A, -D) are _arguments' own
	if [[ ${@[1,(i)(-|--)]} == *-(O|A|D)\ * ]]; then
		builtin compadd "$@"
		return
	fi
	local -a __sg_hits
	builtin compadd -A __sg_hits "$@"
	local -A __sg_o
	zparseopts -E -A __sg_o P: p: J: V: X: x: d: l q Q S: s: r: R: M: F: i: I: W: k a U 1 2 n f e E: o: 'D:' 'O:' 'A:'
	local h
	for h in $__sg_hits; do
		print -r -- "$IPREFIX${__sg_o[-P]}${__sg_o[-p]}$h"
	done
}
print -r -- '<<sg-ready>>'
INIT
export SG_ZCOMPDUMP=${SG_ZCOMPDUMP:-${init}.dump}
zpty z zsh -f -i
zpty -w z "fpath=(${(q)dir} \$fpath); source ${(q)init}"
out=''
repeat 50; do
	zpty -r -t z out && [[ $out == *'<<sg-ready>>'* ]] && [[ $out != *print* ]] && break
	sleep 0.1
done
zpty -w -n z "$line"$'\t'
integer marks=0
while zpty -r z out; do
	out=${out//$'\r'/}
	out=${out%$'\n'}
	if [[ $out == *'<<sg-mark>>'* ]]; then
		(( ++marks >= 2 )) && break
		continue
	fi
	(( marks == 1 )) && [[ -n $out ]] && print -r -- "$out"
done
zpty -d z
(( marks >= 2 )) || exit 2
