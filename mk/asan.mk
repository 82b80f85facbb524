# The bats suite against a sysgrep built with ASan + UBSan.
#
#   make asan-bats     build build-asan/sysgrep and the helpers with the
#                      sanitizers, then run tests/bats against them
#   ASAN_BATS=FILES    only these bats files, e.g.
#                      ASAN_BATS=tests/bats/capture_read.bats
#                      (default: all but fuzz.bats, whose targets are
#                      sanitized builds already)
#
# Any sanitizer report aborts the process (a signal, never one of
# sysgrep's own exit statuses 0-2, so no test that checks a status can
# pass over it) and leaves its text in build-asan/reports/; the run then
# fails and lists them.  Leaks count: LeakSanitizer reports at exit.

ASAN_SAN  := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
ASAN_BATS ?= $(filter-out tests/bats/fuzz.bats,$(sort $(wildcard tests/bats/*.bats)))
ASAN_REPORTS := $(CURDIR)/build-asan/reports

.PHONY: asan-bats

asan-bats:
	$(Q)$(MAKE) --no-print-directory BUILD=build-asan BIN=build-asan/sysgrep STATIC=0 CC=clang \
		CFLAGS="-O1 -g $(ASAN_SAN)" LDFLAGS="-fsanitize=address,undefined" \
		HELPER_FLAGS="$(ASAN_SAN)" build-asan/sysgrep \
		$(patsubst tests/helpers/%.c,build-asan/tests/%,$(wildcard tests/helpers/*.c))
	$(Q)rm -rf $(ASAN_REPORTS) && mkdir -p $(ASAN_REPORTS)
	$(Q)rc=0; \
	ASAN_OPTIONS="abort_on_error=1:halt_on_error=1:detect_leaks=1:log_path=$(ASAN_REPORTS)/asan" \
	UBSAN_OPTIONS="abort_on_error=1:halt_on_error=1:print_stacktrace=1:log_path=$(ASAN_REPORTS)/ubsan" \
	SYSGREP=$(CURDIR)/build-asan/sysgrep HELPERS=$(CURDIR)/build-asan/tests \
		bats --tap $(ASAN_BATS) || rc=1; \
	if ls $(ASAN_REPORTS) | grep -q .; then \
		echo "asan-bats: sanitizer reports:" >&2; \
		grep -h -m1 -E 'ERROR|runtime error' $(ASAN_REPORTS)/* | sort | uniq -c >&2; rc=1; fi; \
	exit $$rc
