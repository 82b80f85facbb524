#!/usr/bin/env bats
# make deb: the package's contents are in Debian's paths, lintian finds no
# error, and it installs (dpkg -i) and removes (dpkg -r) cleanly on this host.
# make deb builds a second, dynamically linked binary (build-deb/): slow once.

load helpers

REPO=$BATS_TEST_DIRNAME/../..

setup_file() {
	command -v dpkg-deb >/dev/null || return 0
	export DEB_OUT=$BATS_FILE_TMPDIR/make-deb.out
	make -s -C "$REPO" deb >"$DEB_OUT" 2>&1 || echo "make deb failed" >>"$DEB_OUT"
}

deb_file() {
	command -v dpkg-deb >/dev/null || skip "no dpkg-deb (not a Debian system)"
	if grep -q "make deb failed" "$DEB_OUT"; then
		cat "$DEB_OUT"
		return 1
	fi
	DEB=$REPO/$(tail -n 1 "$DEB_OUT")
	[ -f "$DEB" ]
}

# dpkg ARGS...: dpkg, waiting while another dpkg or apt holds its lock
dpkg_locked() {
	local i out
	for i in $(seq 60); do
		out=$(dpkg "$@" 2>&1) && return 0
		[[ "$out" == *lock* ]] || { echo "$out"; return 1; }
		sleep 5
	done
	echo "$out"
	return 1
}

@test "make deb: binary, man page, completions, copyright and changelog in Debian's paths" {
	deb_file
	run dpkg-deb -c "$DEB"
	[ "$status" -eq 0 ]
	local p
	for p in ./usr/bin/sysgrep ./usr/share/man/man8/sysgrep.8.gz \
		./usr/share/bash-completion/completions/sysgrep \
		./usr/share/zsh/vendor-completions/_sysgrep \
		./usr/share/fish/vendor_completions.d/sysgrep.fish \
		./usr/share/doc/sysgrep/copyright ./usr/share/doc/sysgrep/changelog.gz; do
		grep -q " $p\$" <<<"$output" || { echo "missing $p"; false; }
	done
	# every file is root's
	! grep -v ' root/root ' <<<"$output"
	run dpkg-deb -f "$DEB" Package Architecture Depends
	[[ "$output" == *"Package: sysgrep"* ]]
	[[ "$output" == *"Architecture: $(dpkg --print-architecture)"* ]]
	[[ "$output" == *"Depends: "*libbpf* ]]
}

@test "make deb: lintian reports no error" {
	deb_file
	command -v lintian >/dev/null || skip "lintian is not installed"
	run lintian --fail-on error "$DEB"
	echo "$output"
	[ "$status" -eq 0 ]
	! grep -q '^E: ' <<<"$output"
}

teardown() {
	# a failed check must not leave the package installed
	if [ -n "${INSTALLED_BY_TEST:-}" ] && dpkg-query -W -f='${Status}' sysgrep 2>/dev/null | grep -q ' installed'; then
		dpkg_locked -r sysgrep >/dev/null
	fi
	return 0
}

@test "make deb: dpkg -i installs it, the installed sysgrep runs, dpkg -r removes every file" {
	deb_file
	[ "$(id -u)" -eq 0 ] || skip "dpkg -i needs root"
	if dpkg-query -W -f='${Status}' sysgrep 2>/dev/null | grep -q ' installed'; then
		skip "a sysgrep package is already installed here: not replacing it"
	fi
	INSTALLED_BY_TEST=1
	run dpkg_locked -i "$DEB"
	echo "$output"
	[ "$status" -eq 0 ]
	run /usr/bin/sysgrep --version
	[ "$status" -eq 0 ]
	[[ "$output" == sysgrep* ]]
	run /usr/bin/sysgrep -r - -c 'evt.type=open' </dev/null
	[ "$status" -le 2 ]
	# the package's files, as dpkg knows them
	dpkg-query -L sysgrep >"$BATS_TEST_TMPDIR/files"
	grep -qx /usr/bin/sysgrep "$BATS_TEST_TMPDIR/files"
	grep -qx /usr/share/fish/vendor_completions.d/sysgrep.fish "$BATS_TEST_TMPDIR/files"
	man -w sysgrep 2>/dev/null | grep -q /usr/share/man/man8/sysgrep.8.gz || [ -f /usr/share/man/man8/sysgrep.8.gz ]
	# the installed completions are found where each shell looks by itself
	if command -v fish >/dev/null; then
		# (--no-config would skip the vendor directories too)
		run env HOME="$BATS_TEST_TMPDIR" XDG_CONFIG_HOME="$BATS_TEST_TMPDIR" fish -c 'complete -C "sysgrep --outp"'
		[[ "$output" == --output* ]]
	fi
	if [ -r /usr/share/bash-completion/bash_completion ]; then
		run bash --norc -c 'source /usr/share/bash-completion/bash_completion
			__load_completion sysgrep && complete -p sysgrep'
		[[ "$output" == *"-F _sysgrep sysgrep"* ]]
	fi
	run dpkg_locked -r sysgrep
	echo "$output"
	[ "$status" -eq 0 ]
	local f
	while read -r f; do
		[ -d "$f" ] || [ ! -e "$f" ] || { echo "left behind: $f"; false; }
	done <"$BATS_TEST_TMPDIR/files"
	! dpkg-query -W -f='${Status}' sysgrep 2>/dev/null | grep -q ' installed'
}
