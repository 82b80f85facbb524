# fish completion for sysgrep.  Everything it offers comes from the binary
# itself: options and their descriptions from `sysgrep --help`, field names
# from --list-fields, syscall and argument names from --list-events, so it
# cannot drift from the program it completes (tests/bats/completions.bats).

# The filter's word operators, as filter/ast.h's SG_CMPOPS spells them
# (tests/unit/test_completion.c fails when the lists differ), its symbolic
# ones, and its boolean keywords.
set -g __sysgrep_ops exists glob iglob contains icontains bcontains startswith bstartswith endswith regex intersects in pmatch
set -g __sysgrep_symops '=' '!=' '<' '<=' '>' '>='
set -g __sysgrep_keywords and or not

# `sysgrep --help` option lines -> LONG|SHORT|ARG|DESCRIPTION (ARG: req, opt or -)
function __sysgrep_options
    command sysgrep --help 2>/dev/null | awk '
    /^  +(-[A-Za-z0-9], )?--[a-z]/ {
        line = $0; sub(/^ +/, "", line); short = ""
        if (line ~ /^-[A-Za-z0-9], /) { short = substr(line, 2, 1); line = substr(line, 5) }
        long = line; sub(/[ [=].*/, "", long); rest = substr(line, length(long) + 1); arg = "-"
        if (rest ~ /^\[=/) { arg = "opt"; sub(/^\[=[A-Z]*\]/, "", rest) }
        else if (rest ~ /^ [A-Z][A-Z_,]*([ [].*)?$/) { arg = "req"; sub(/^ [A-Z][^ ]*/, "", rest) }
        sub(/^ +/, "", rest)
        printf "%s|%s|%s|%s\n", substr(long, 3), short, arg, rest
    }'
end

# Field names as a filter spells them, TAB, their description:
# proc.aname[N] -> proc.aname, evt.arg.NAME -> evt.arg. (an argument follows).
function __sysgrep_fields
    command sysgrep --list-fields 2>/dev/null | awk '{
        f = $1; if (f ~ /\.NAME$/) sub(/NAME$/, "", f); else sub(/\[.*/, "", f)
        d = $0; sub(/^[^ ]+ +[^ ]+ +/, "", d); printf "%s\t%s\n", f, d
    }'
end

function __sysgrep_events
    command sysgrep --list-events -o json 2>/dev/null | string replace -rf '^\{"name":"([^"]*)".*"category":"([^"]*)".*' '$1\t$2'
    printf 'procexit\tprocess\n'
end

function __sysgrep_argnames
    command sysgrep --list-events -o json 2>/dev/null | string match -ar '\{"name":"[^"]*","type"' | string replace -r '.*"name":"([^"]*)".*' '$1' | sort -u
end

# Is $argv[1] a field name (proc.aname[2], evt.arg.name included)?
function __sysgrep_is_field
    set -l f (string replace -r '\[.*' '' -- $argv[1] | string replace -r '^(evt\.(raw)?arg\.).*' '$1')
    contains -- $f (__sysgrep_fields | string replace -r '\t.*' '')
end

# The candidates for the filter word being typed, each in full.  Inside a
# quoted filter ('proc.name st) the token holds several words: complete the
# last one and keep the rest in front of each candidate.
function __sysgrep_filter_word
    set -l cur (commandline -ct)
    set -l prev (commandline -opc)[-1]
    # the token as typed keeps its opening quote: so do the candidates
    set -l head ''
    string match -qr '^[\'"]' -- $cur; and set head (string sub -l 1 -- $cur)
    set cur (string replace -r '^[\'"]' '' -- $cur)
    set -l words (string split ' ' -- $cur)
    if test (count $words) -gt 1
        set head "$head"(string join ' ' -- $words[1..-2])' '
        set prev $words[-2]
        set cur $words[-1]
    end
    __sysgrep_filter_candidates $cur $prev | string replace -r '^' -- "$head"
end

function __sysgrep_filter_candidates -a cur prev
    switch $cur
        case 'evt.type=*' 'evt.type!=*'
            set -l op (string match -r '^evt\.type!?=' -- $cur)
            __sysgrep_events | string replace -r '^' $op
            return
        case 'evt.arg.*' 'evt.rawarg.*'
            set -l head (string replace -r '[^.]*$' '' -- $cur)
            __sysgrep_argnames | string replace -r '^' $head
            return
    end
    # after a field name: an operator
    if test -n "$prev"; and __sysgrep_is_field $prev
        printf '%s\toperator\n' $__sysgrep_ops $__sysgrep_symops
        return
    end
    __sysgrep_fields
    printf '%s\tkeyword\n' $__sysgrep_keywords
end

# -p FORMAT: the %field being typed at the end of the format
function __sysgrep_format
    set -l cur (commandline -ct)
    string match -q '*%*' -- $cur; or return
    set -l head (string replace -r '%[^%]*$' '' -- $cur)
    __sysgrep_fields | string replace -r '^' "$head%"
end

# --count-by FIELD,FIELD: the field after the last comma
function __sysgrep_count_by
    set -l cur (commandline -ct | string replace -r '^--count-by=' '')
    set -l head ''
    string match -q '*,*' -- $cur; and set head (string replace -r '[^,]*$' '' -- $cur)
    __sysgrep_fields | string replace -r '^' -- "$head"
end

complete -c sysgrep -e
for opt in (__sysgrep_options)
    set -l f (string split '|' -- $opt)
    set -l args -c sysgrep -l $f[1] -d $f[4]
    test -n "$f[2]"; and set -a args -s $f[2]
    switch $f[1]
        case output
            set -a args -x -a 'text\tdefault json\t"JSON Lines" csv\tCSV'
        case color colour
            set -a args -f -a 'auto always never'
        case read rules write container-socket
            set -a args -r -F
        case count-by
            set -a args -x -a '(__sysgrep_count_by)'
        case format
            set -a args -x -a '(__sysgrep_format)'
        case '*'
            test "$f[3]" = req; and set -a args -x
    end
    complete $args
end
complete -c sysgrep -f -a '(__sysgrep_filter_word)'
