#!/usr/bin/env bats
# sysgrep -r: reading the shared captures offline, and damaged files.

load helpers

CAPS="$BATS_TEST_DIRNAME/../../../shared/captures"

setup() {
	[ -r "$CAPS/curl_google.scap" ] || skip "no shared captures at $CAPS"
	T="$BATS_TEST_TMPDIR"
}

# a plain (gunzipped) copy, in the test's temporary directory only
plain() {
	gzip -dc < "$CAPS/$1" > "$T/$1.plain"
	echo "$T/$1.plain"
}

@test "-r: every exit of the capture is one event; -c, -n, --count-by work offline" {
	run "$SYSGREP" -r "$CAPS/curl_google.scap" -c
	[ "$status" -eq 0 ]
	[ "$output" = 599 ]
	run "$SYSGREP" -r "$CAPS/curl_google.scap" -n 5 -p '%evt.num %evt.type'
	[ "$status" -eq 0 ]
	[ "${#lines[@]}" -eq 5 ]
	[ "${lines[0]}" = "1 execve" ]
	run "$SYSGREP" -r "$CAPS/curl_google.scap" --count-by evt.type -o csv 'evt.type in (open, close)'
	[ "$status" -eq 0 ]
	[[ "$output" == *"48,open"* ]]
	[[ "$output" == *"54,close"* ]]
}

@test "-r: enter and exit arguments merged; fd names, flags and process from the file" {
	run "$SYSGREP" -r "$CAPS/curl_google.scap" -n 1 -o json \
		-p '%evt.type %fd.name %proc.name %proc.pname %evt.arg.size' \
		'evt.type=read and fd.name contains libcurl'
	[ "$status" -eq 0 ]
	# read's old exit event has res and data only: fd and size are the enter's
	[ "$(jq -r '."fd.name"' <<<"$output")" = /usr/lib/x86_64-linux-gnu/libcurl-gnutls.so.4 ]
	[ "$(jq -r '."evt.arg.size"' <<<"$output")" = 832 ]
	[ "$(jq -r '."proc.name"' <<<"$output")" = curl ]
	[ "$(jq -r '."proc.pname"' <<<"$output")" = bash ]
	run "$SYSGREP" -r "$CAPS/curl_google.scap" -n 1 -p '%evt.arg.flags' 'evt.type=open'
	[ "$output" = "O_RDONLY|O_CLOEXEC" ]
	# mmap flags arrive in libs' encoding (PPM_MAP_*): shown as the kernel's
	run "$SYSGREP" -r "$CAPS/curl_google.scap" -n 1 -p '%evt.rawarg.flags %evt.arg.flags' \
		'evt.type=mmap and evt.arg.flags contains MAP_ANONYMOUS'
	[ "$output" = "34 MAP_PRIVATE|MAP_ANONYMOUS" ]
}

@test "-r: the state is the file's, not this host's (users, processes)" {
	mkdir -p "$T/etc"
	echo 'mallory:x:1000:1000::/home/mallory:/bin/sh' > "$T/etc/passwd"
	: > "$T/etc/group"
	run env SYSGREP_ETC="$T/etc" "$SYSGREP" -r "$CAPS/curl_google.scap" -n 1 -p '%user.name' \
		'thread.tid=17498'
	[ "$status" -eq 0 ]
	[ "$output" = ubuntu ]
}

@test "-r: gzip or plain by magic, stdin, no root" {
	local p
	p=$(plain curl_google.scap)
	run "$SYSGREP" -r "$p" -c
	[ "$output" = 599 ]
	run sh -c "'$SYSGREP' -r - -c < '$CAPS/curl_google.scap'"
	[ "$output" = 599 ]
	cp "$CAPS/single_ipv6_conn.scap" "$T/a.txt"
	run "$SYSGREP" -r "$T/a.txt" -c
	[ "$output" = 14 ]
	command -v setpriv >/dev/null || skip "no setpriv"
	# a directory nobody can read: the test's own may not be
	local d
	d=$(mktemp -d /tmp/sysgrep-capture.XXXXXX)
	chmod 0755 "$d"
	cp "$p" "$d/c.scap"
	chmod 0644 "$d/c.scap"
	run setpriv --reuid=65534 --regid=65534 --clear-groups "$SYSGREP" -r "$d/c.scap" -c 'evt.type=open'
	rm -rf "$d"
	[ "$status" -eq 0 ]
	[ "$output" = 48 ]
}

@test "-r: a truncated file prints the events before the cut, then the offset, exit 2" {
	local p
	p=$(plain curl_google.scap)
	head -c 100000 "$p" > "$T/cut.scap"
	run --separate-stderr "$SYSGREP" -r "$T/cut.scap" -p '%evt.num'
	[ "$status" -eq 2 ]
	[ "${#lines[@]}" -gt 10 ]
	[[ "$stderr" == "sysgrep: $T/cut.scap: truncated at offset 100000"* ]]
	# a cut gzip stream: the same, at the offset of the inflated bytes
	head -c 12000 "$CAPS/curl_google.scap" > "$T/cut.scap.gz"
	run --separate-stderr "$SYSGREP" -r "$T/cut.scap.gz" -c
	[ "$status" -eq 2 ]
	[ "$output" -gt 0 ]
	[[ "$stderr" == *": truncated at offset "*"gzip stream ends early"* ]]
}

# patch the u32 at byte offset $2 of file $1 with value $3
patch32() {
	python3 -c 'import sys,struct
f=open(sys.argv[1],"r+b"); f.seek(int(sys.argv[2])); f.write(struct.pack("<I",int(sys.argv[3],0)))' "$@"
}
patch16() {
	python3 -c 'import sys,struct
f=open(sys.argv[1],"r+b"); f.seek(int(sys.argv[2])); f.write(struct.pack("<H",int(sys.argv[3],0)))' "$@"
}

@test "-r: corrupt lengths, unknown versions, foreign files: clear errors with offsets" {
	local p
	p=$(plain curl_google.scap)
	# the block after the 28-byte section header claims 4 GB
	cp "$p" "$T/big.scap"
	patch32 "$T/big.scap" 32 0xfffffff0
	run --separate-stderr "$SYSGREP" -r "$T/big.scap" -c
	[ "$status" -eq 2 ]
	[[ "$stderr" == *"corrupt block at offset 28: length 4294967280"* ]]
	# a block bigger than the file (but under the cap)
	cp "$p" "$T/past.scap"
	patch32 "$T/past.scap" 32 0x01000000
	run --separate-stderr "$SYSGREP" -r "$T/past.scap" -c
	[ "$status" -eq 2 ]
	[[ "$stderr" == *"the block at offset 28 claims 16777216 bytes, past the end of the file"* ]]
	# trailer disagreeing with the header
	cp "$p" "$T/trail.scap"
	patch32 "$T/trail.scap" 24 27
	run --separate-stderr "$SYSGREP" -r "$T/trail.scap" -c
	[ "$status" -eq 2 ]
	[[ "$stderr" == *"corrupt block at offset 0: its trailing length 27"* ]]
	# format version 2.0
	cp "$p" "$T/v2.scap"
	patch16 "$T/v2.scap" 12 2
	run --separate-stderr "$SYSGREP" -r "$T/v2.scap" -c
	[ "$status" -eq 2 ]
	[[ "$stderr" == *"capture format version 2.0 (offset 12) is not one sysgrep reads"* ]]
	run --separate-stderr "$SYSGREP" -r /etc/passwd -c
	[ "$status" -eq 2 ]
	[[ "$stderr" == *"not a .scap capture: no section header at offset 0"* ]]
	: > "$T/empty"
	run --separate-stderr "$SYSGREP" -r "$T/empty" -c
	[ "$status" -eq 2 ]
	[[ "$stderr" == *"empty file"* ]]
	run --separate-stderr "$SYSGREP" -r "$T/nosuch" -c
	[ "$status" -eq 2 ]
	[[ "$stderr" == "sysgrep: $T/nosuch: cannot open: No such file or directory" ]]
}

@test "-r: options that need -w, or clash with -r, are refused" {
	run "$SYSGREP" -r x -w y
	[ "$status" -eq 2 ]
	run "$SYSGREP" -z
	[ "$status" -eq 2 ]
	[[ "$output" == *"go with -w FILE"* ]]
}
