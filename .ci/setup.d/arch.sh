# Cross builds (mk/cross.mk): sourced by .ci/run with "pre" before apt-get
# update (the foreign architectures of .ci/packages.d/arch's :arm64
# packages) and with "post" after the install (Debian's arm64 kernel image
# for tests/bats/cross.bats, unpacked, never installed: tests/cross/kernel.sh).
case $1 in
pre) dpkg --add-architecture arm64; dpkg --add-architecture s390x ;;
post)
	make --no-print-directory cross-kernel ARCH=arm64 || echo "ci: no arm64 kernel: cross.bats skips its boot" >&2
	# s390x: its static libraries (tests/cross/libs.sh), for the cross build
	make --no-print-directory cross-kernel ARCH=s390x || echo "ci: no s390x libraries: cross.bats skips that build" >&2 ;;
esac
