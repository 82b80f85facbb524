# make deb: a Debian package built with dpkg-deb alone (no network, no
# debhelper, no fakeroot: --root-owner-group).  Debian links libraries
# dynamically (policy 10.1, and lintian's embedded-library and
# statically-linked-binary errors), so the package's binary is built with
# STATIC=0 in $(DEB_BUILD) and depends, through dpkg-shlibdeps, on the
# libraries it uses; the static ./sysgrep stays what a copy-it-anywhere
# install uses.  The binary, man page and completions land in Debian's
# paths; packaging/deb/ holds the control template and copyright file.
#
#   make deb                   -> $(DEB_BUILD)/sysgrep_VERSION_ARCH.deb
#   make deb DEB_VERSION=1.2-1 (default: 0.1+git<commits>.<hash>, from git)

DEB_BUILD      ?= build-deb
DEB_ARCH       ?= $(shell dpkg --print-architecture 2>/dev/null || echo amd64)
DEB_VERSION    ?= $(shell v=$$(git rev-list --count HEAD 2>/dev/null).$$(git rev-parse --short HEAD 2>/dev/null) \
                    && [ "$$v" != . ] && echo "0.1+git$$v" || echo 0.1)
DEB_MAINTAINER ?= $(shell git log -1 --format='%an <%ae>' 2>/dev/null || echo 'sysgrep maintainers <root@localhost>')
# the changelog's date is the commit's: the same tree gives the same package
DEB_DATE       ?= $(shell date -R -u -d @$$(git log -1 --format=%ct 2>/dev/null || date +%s))
# Debian's hardening flags (bindnow, fortify, stack protector, relro)
DEB_FLAGS_ENV  := DEB_BUILD_MAINT_OPTIONS=hardening=+all
DEB_CFLAGS     ?= $(shell $(DEB_FLAGS_ENV) dpkg-buildflags --get CFLAGS 2>/dev/null) \
                  $(shell $(DEB_FLAGS_ENV) dpkg-buildflags --get CPPFLAGS 2>/dev/null)
DEB_LDFLAGS    ?= $(shell $(DEB_FLAGS_ENV) dpkg-buildflags --get LDFLAGS 2>/dev/null)
# dpkg-shlibdeps wants a source tree: debian/control, the package in
# debian/sysgrep; outside $(DEB_BUILD), whose *.d files make includes
DEB_SRC        := $(DEB_BUILD)-pkg
DEB_ROOT       := $(DEB_SRC)/debian/sysgrep
DEB_FILE       := $(DEB_BUILD)/sysgrep_$(DEB_VERSION)_$(DEB_ARCH).deb

.PHONY: deb deb-clean
deb:
	$(Q)$(MAKE) --no-print-directory BUILD=$(DEB_BUILD) STATIC=0 BIN=$(DEB_BUILD)/sysgrep \
		CFLAGS="$(DEB_CFLAGS)" LDFLAGS="$(DEB_LDFLAGS)" $(DEB_BUILD)/sysgrep
	$(call msg,DEB,$(DEB_FILE))
	$(Q)rm -rf $(DEB_SRC) && mkdir -p $(DEB_ROOT)/DEBIAN
	$(Q)printf 'Source: sysgrep\n\nPackage: sysgrep\nArchitecture: any\n' > $(DEB_SRC)/debian/control
	$(Q)$(MAKE) --no-print-directory -s install DESTDIR=$(abspath $(DEB_ROOT)) PREFIX=/usr \
		BIN=$(DEB_BUILD)/sysgrep BUILD=$(DEB_BUILD) STATIC=0
	$(Q)strip --strip-unneeded --remove-section=.comment --remove-section=.note $(DEB_ROOT)/usr/bin/sysgrep
	$(Q)gzip -9n $(DEB_ROOT)/usr/share/man/man8/sysgrep.8
	$(Q)install -D -m 0644 packaging/deb/copyright $(DEB_ROOT)/usr/share/doc/sysgrep/copyright
	$(Q)printf 'sysgrep (%s) unstable; urgency=medium\n\n  * Built from git %s by make deb.\n\n -- %s  %s\n' \
		'$(DEB_VERSION)' "$$(git rev-parse --short HEAD 2>/dev/null || echo unknown)" \
		'$(DEB_MAINTAINER)' '$(DEB_DATE)' | gzip -9n > $(DEB_ROOT)/usr/share/doc/sysgrep/changelog.gz
	$(Q)chmod 0644 $(DEB_ROOT)/usr/share/doc/sysgrep/changelog.gz
	$(Q)depends=$$(cd $(DEB_SRC) && dpkg-shlibdeps -O -e debian/sysgrep/usr/bin/sysgrep 2>&1 | grep -v 'should already be installed in' | sed -n 's/^shlibs:Depends=//p') \
		&& [ -n "$$depends" ] || { echo "sysgrep: deb: dpkg-shlibdeps found no dependencies" >&2; exit 1; }; \
		sed -e 's|@VERSION@|$(DEB_VERSION)|' -e 's|@ARCH@|$(DEB_ARCH)|' \
		-e 's|@MAINTAINER@|$(DEB_MAINTAINER)|' -e "s|@DEPENDS@|$$depends|" \
		-e "s|@SIZE@|$$(du -sk --exclude=DEBIAN $(DEB_ROOT) | cut -f1)|" \
		packaging/deb/control.in > $(DEB_ROOT)/DEBIAN/control
	$(Q)cd $(DEB_ROOT) && find usr -type f | LC_ALL=C sort | xargs md5sum > DEBIAN/md5sums
	$(Q)chmod 0644 $(DEB_ROOT)/DEBIAN/control $(DEB_ROOT)/DEBIAN/md5sums
	$(Q)dpkg-deb --root-owner-group -Zxz --build $(DEB_ROOT) $(DEB_FILE) >/dev/null
	@echo $(DEB_FILE)

clean: deb-clean
deb-clean:
	rm -rf $(DEB_BUILD) $(DEB_SRC)
