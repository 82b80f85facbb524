# sysgrep: one self-contained binary, from the eBPF probe to stdout.
#
#   make              build ./sysgrep (static: libbpf, libelf, zlib, PCRE2 inside)
#   make test         every test: C unit tests, then bats (root tests skip without BPF)
#   make unit         C unit tests only (no root)
#   make asan         unit tests under ASan + UBSan
#   make fuzz         every libFuzzer target, FUZZ_TIME seconds (600) each (mk/fuzz.mk)
#   make bench        probe cost ratios against a bare loop (root)
#   make install      PREFIX=/usr/local DESTDIR=  (make uninstall: the same files)
#   V=1               show the commands

# cross builds (ARCH=arm64, ARCH=s390x) choose CC and BUILD first
include mk/cross.vars

PREFIX    ?= /usr/local
DESTDIR   ?=
BUILD     ?= build
ARCH      ?= $(shell uname -m | sed -e 's/x86_64/x86/' -e 's/aarch64/arm64/' -e 's/s390x/s390/')
CC        ?= cc
CLANG     ?= clang
BPF_TARGET ?= bpf
BPFTOOL   ?= $(shell command -v bpftool || echo /usr/sbin/bpftool)
VERSION   ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo 0.1)
STATIC    ?= 1
FUZZ_TIME ?= 600
BIN       ?= sysgrep

ifeq ($(V),1)
Q =
msg = @true
else
Q = @
msg = @printf '  %-7s %s\n' $(1) $(2);
endif

WARN     := -Wall -Wextra -Wshadow -Wno-unused-parameter -Wno-missing-field-initializers
CFLAGS   ?= -O2 -g
ALL_CFLAGS = $(CFLAGS) $(WARN) -std=gnu11 -D_GNU_SOURCE -I. -I$(BUILD) -DSG_VERSION='"$(VERSION)"'
LIBS     := -lbpf -lelf -lz -lzstd -lpcre2-8
ifeq ($(STATIC),1)
ALL_LDFLAGS = $(LDFLAGS) -static
else
ALL_LDFLAGS = $(LDFLAGS)
endif

# vmlinux.h: a per-architecture copy in bpf/vmlinux/ wins (for packaging on a
# build host without BTF); otherwise it is generated from this machine's BTF.
# CO-RE relocates every field access at load time, so the copy only has to
# name the types and fields the probe uses, not match the target kernel.
VMLINUX_TREE := bpf/vmlinux/$(ARCH).h
ifneq ($(wildcard $(VMLINUX_TREE)),)
VMLINUX := $(VMLINUX_TREE)
else
VMLINUX := $(BUILD)/vmlinux.h
endif

BPF_SRC   := bpf/sysgrep.bpf.c
USR_SRC   := $(wildcard event/*.c) $(filter-out %.bpf.c,$(wildcard bpf/*.c)) \
             $(wildcard capture/*.c) $(wildcard state/*.c) $(wildcard extract/*.c) \
             $(wildcard filter/*.c) $(wildcard output/*.c)
CMD_SRC   := $(wildcard cmd/*.c)
# bpf/probe.c alone includes the skeleton: everything else (the core library
# the unit tests link) builds without clang -target bpf.
PROBE_OBJ := $(BUILD)/bpf/probe.o
USR_OBJ   := $(filter-out $(PROBE_OBJ),$(patsubst %.c,$(BUILD)/%.o,$(USR_SRC)))
CMD_OBJ   := $(patsubst %.c,$(BUILD)/%.o,$(CMD_SRC))
LIB       := $(BUILD)/libsysgrep.a
GEN       := $(BUILD)/syscall_nrs.h $(BUILD)/syscall_nrs_compat.h

UNIT_SRC  := $(wildcard tests/unit/test_*.c)
UNIT_BIN  := $(patsubst tests/unit/%.c,$(BUILD)/tests/%,$(UNIT_SRC))
HELPERS   := $(patsubst tests/helpers/%.c,$(BUILD)/tests/%,$(wildcard tests/helpers/*.c))

# V=1 and BIN=path (the binary; parallel builds use BUILD=build-x BIN=build-x/sysgrep)
.PHONY: all test unit bats asan bench install clean
.DELETE_ON_ERROR:

# (a cross build: the binary and the emulated system's init, not the host helpers)
all: $(BIN) $(if $(SG_CROSS),$(BUILD)/tests/sginit,$(HELPERS))

$(BIN): $(CMD_OBJ) $(PROBE_OBJ) $(LIB)
	$(call msg,LINK,$@)
	$(Q)$(CC) $(ALL_CFLAGS) $(ALL_LDFLAGS) -o $@ $(CMD_OBJ) $(PROBE_OBJ) $(LIB) $(LIBS)

$(PROBE_OBJ): $(BUILD)/sysgrep.skel.h

$(LIB): $(USR_OBJ)
	$(call msg,AR,$@)
	$(Q)rm -f $@ && ar rcs $@ $^

$(BUILD)/%.o: %.c $(GEN) | $(BUILD)
	$(call msg,CC,$<)
	$(Q)mkdir -p $(dir $@) && $(CC) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

# Syscall numbers of the target architecture, straight from its uapi header.
$(BUILD)/syscall_nrs.h: | $(BUILD)
	$(call msg,GEN,$@)
	$(Q)echo '#include <asm/unistd.h>' | $(CC) -dM -E - \
		| awk '$$2 ~ /^__NR_/ && $$3 ~ /^[0-9]+$$/ { sub("__NR_", "", $$2); print "SG_NR(" $$2 ", " $$3 ")" }' \
		| sort -t, -k2 -n > $@.tmp
	$(Q)[ -s $@.tmp ] || { echo "sysgrep: build: no syscall numbers from $(CC)'s <asm/unistd.h>: \
		install linux-libc-dev (cross: libc6-dev-<arch>-cross)" >&2; rm -f $@.tmp; exit 1; }
	$(Q)mv $@.tmp $@

# The 32-bit calls a 64-bit kernel also takes (x86: int 0x80), by name, so
# the probe can count the ones the filter may select; empty elsewhere.
$(BUILD)/syscall_nrs_compat.h: | $(BUILD)
	$(call msg,GEN,$@)
	$(Q)if [ "$(ARCH)" = x86 ]; then echo '#include <asm/unistd_32.h>' | $(CC) -dM -E - \
		| awk '$$2 ~ /^__NR_/ && $$3 ~ /^[0-9]+$$/ { sub("__NR_", "", $$2); print "SG_NR32(" $$2 ", " $$3 ")" }' \
		| sort -t, -k2 -n; fi > $@.tmp
	$(Q)[ "$(ARCH)" != x86 ] || [ -s $@.tmp ] || { echo "sysgrep: build: no ia32 syscall \
		numbers from <asm/unistd_32.h>: install linux-libc-dev" >&2; rm -f $@.tmp; exit 1; }
	$(Q)mv $@.tmp $@

# (a cross build reads the target kernel package's BTF instead: mk/cross.mk)
ifeq ($(SG_CROSS),)
$(BUILD)/vmlinux.h: | $(BUILD)
	$(call msg,GEN,$@)
	$(Q)test -r /sys/kernel/btf/vmlinux || { echo "sysgrep: build: no /sys/kernel/btf/vmlinux; put a vmlinux.h at $(VMLINUX_TREE)" >&2; exit 1; }
	$(Q)$(BPFTOOL) btf dump file /sys/kernel/btf/vmlinux format c > $@
endif

$(BUILD)/sysgrep.bpf.o: $(BPF_SRC) event/abi.h $(VMLINUX) | $(BUILD)
	$(call msg,BPF,$@)
	$(Q)$(CLANG) -g -O2 -target $(BPF_TARGET) -D__TARGET_ARCH_$(ARCH) -I. -I$(dir $(VMLINUX)) \
		-include $(VMLINUX) -Wall -Wno-unused-function -c $(BPF_SRC) -o $@.tmp
	$(Q)llvm-strip -g $@.tmp 2>/dev/null || true
	$(Q)mv $@.tmp $@

# (SG_SKEL_LAYOUT: a big-endian probe's skeleton is made from a little-endian
# twin, then given the probe's own bytes: mk/skel-bytes.py)
$(BUILD)/sysgrep.skel.h: $(BUILD)/sysgrep.bpf.o $(SG_SKEL_LAYOUT)
	$(call msg,GEN-SKEL,$@)
	$(Q)$(BPFTOOL) gen skeleton $(or $(SG_SKEL_LAYOUT),$<) name sysgrep_bpf > $@.tmp
	$(Q)[ -z "$(SG_SKEL_LAYOUT)" ] || python3 mk/skel-bytes.py $@.tmp $<
	$(Q)mv $@.tmp $@

$(BUILD):
	$(Q)mkdir -p $@

# ---- tests ---------------------------------------------------------------

$(BUILD)/tests/%: tests/unit/%.c tests/unit/t.h $(LIB)
	$(call msg,CC,$<)
	$(Q)mkdir -p $(dir $@) && $(CC) $(ALL_CFLAGS) $(ALL_LDFLAGS) -o $@ $< $(LIB) $(LIBS)

# helpers do known syscalls for the bats tests: plain, dynamic, no sysgrep code
$(BUILD)/tests/%: tests/helpers/%.c
	$(call msg,CC,$<)
	$(Q)mkdir -p $(dir $@) && $(CC) -O1 -g $(WARN) -D_GNU_SOURCE -o $@ $<

unit: $(UNIT_BIN)
	$(Q)tests/run-unit.sh $(UNIT_BIN)

bats: $(BIN) $(HELPERS)
	$(Q)SYSGREP=$(abspath $(BIN)) HELPERS=$(CURDIR)/$(BUILD)/tests bats --tap tests/bats

test: $(BIN) $(HELPERS) $(UNIT_BIN)
	$(Q)SYSGREP=$(abspath $(BIN)) BUILD=$(BUILD) tests/run-all.sh $(UNIT_BIN)

asan:
	$(Q)$(MAKE) --no-print-directory BUILD=build-asan STATIC=0 CC=clang \
		CFLAGS="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined" \
		LDFLAGS="-fsanitize=address,undefined" unit

bench: $(BIN)
	$(Q)SYSGREP=$(abspath $(BIN)) BUILD=$(BUILD) LIBS="$(LIBS)" tests/bench/run.sh

install: $(BIN)
	install -D -m 0755 $(BIN) $(DESTDIR)$(PREFIX)/bin/sysgrep
	install -D -m 0644 man/sysgrep.8 $(DESTDIR)$(PREFIX)/share/man/man8/sysgrep.8
	install -D -m 0644 completions/sysgrep.bash $(DESTDIR)$(PREFIX)/share/bash-completion/completions/sysgrep
	install -D -m 0644 completions/_sysgrep $(DESTDIR)$(PREFIX)/share/zsh/vendor-completions/_sysgrep
	install -D -m 0644 completions/sysgrep.fish $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/sysgrep.fish

clean:
	rm -rf build build-asan build-fuzz sysgrep

# Topic fragments (one file a topic: capture, packaging, cross builds...)
include $(sort $(wildcard mk/*.mk))

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
