#!/bin/sh
# check.sh: check the console log (SG_LOG) of an emulated boot against what
# tests/cross/sginit.c's cases must have printed: exactly one event each,
# its fields as the workload made them.  JSON through jq, here on the host.
set -u
log=${SG_LOG:?}
fails=0

out() { sed -n "s/^SGOUT $1 //p" "$log"; }
fail() {
	echo "check: $1: $2" >&2
	sed -n "s/^SG\(OUT\|ERR\) $1 /  $1: /p" "$log" >&2
	fails=$((fails + 1))
}
# case, then a jq condition the case's one line must meet
json_case() {
	rc=$(sed -n "s/^SGRC $1 //p" "$log")
	[ "$rc" = 0 ] || { fail "$1" "sysgrep exited ${rc:-never}, not 0"; return; }
	lines=$(out "$1" | wc -l)
	[ "$lines" -eq 1 ] || { fail "$1" "$lines lines, not 1"; return; }
	n=$(out "$1" | jq -c "select($2)" 2>&1 | wc -l)
	[ "$n" -eq 1 ] || { fail "$1" "the event is not: $2"; return; }
	echo "ok: $1: $(out "$1")"
}

json_case exec '."evt.type" == "execve" and ."proc.name" == "sgwork" and
	."proc.exepath" == "/bin/sgwork" and ."proc.pname" == "sgwork" and ."evt.res" == "SUCCESS"'
json_case open '."evt.type" == "openat" and ."fd.name" == "/tmp/sg-arch-file" and
	(."evt.arg.flags" | test("^O_RDONLY\\|O_CLOEXEC$")) and ."proc.name" == "sgwork" and
	."evt.rawarg.dirfd" == -100'
json_case connect '."evt.type" == "connect" and
	(."fd.name" | test("^127\\.0\\.0\\.1:[0-9]+->127\\.0\\.0\\.1:7357$")) and
	."fd.sip" == "127.0.0.1" and ."fd.sport" == 7357 and ."fd.cport" > 1023 and
	."fd.cport" < 65536 and ."fd.l4proto" == "tcp" and ."evt.res" == "SUCCESS" and
	(."fd.name" | endswith(":7357")) and
	(."fd.name" | split("->")[0] | split(":")[1] | tonumber) == ."fd.cport"'
json_case json '."evt.type" == "openat" and ."proc.name" == "sgwork" and
	."proc.exepath" == "/bin/sgwork" and ."fd.name" == "/tmp/sg-arch-file" and
	."fd.type" == "file" and ."user.uid" == 0 and ."evt.res" == "SUCCESS" and
	(."fd.num" | type) == "number" and ."evt.arg".name == "/tmp/sg-arch-file" and
	."evt.arg".dirfd == -100 and ."evt.arg".flags == "O_RDONLY|O_CLOEXEC" and
	."evt.arg".fd == ."fd.num" and (."evt.rawtime" | type) == "number" and
	."evt.rawtime" > 1000000000000000000'

rc=$(sed -n 's/^SGRC text //p' "$log")
line=$(out text)
if [ "$rc" = 0 ] && [ "$(out text | wc -l)" -eq 1 ] &&
	echo "$line" | grep -Eq ' sgwork \([0-9]+\) < connect res=0 tuple=127\.0\.0\.1:[0-9]+->127\.0\.0\.1:7357 '; then
	echo "ok: text: $line"
else
	fail text "sysgrep exited ${rc:-never}; not one sysdig-style connect line"
fi

echo "check: $fails failed"
[ "$fails" -eq 0 ]
