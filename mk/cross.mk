# Cross builds and their emulated boots (the variables are in mk/cross.vars).
#
#   make ARCH=arm64              build-arm64/sysgrep (static) and its probe
#   make ARCH=s390x              build-s390x/sysgrep (static, big endian)
#   make cross-kernel ARCH=...   fetch the target's Debian kernel package
#                                (apt-get download) into $(SG_KDIR)
#   make test-arm64              boot Debian's arm64 kernel under
#                                qemu-system-aarch64 with build-arm64/sysgrep
#                                and tests/cross/sginit.c as init; check events
#   make test-user-arm64         unit tests and -r (byte for byte against the
#   make test-user-s390x         host's) under qemu-aarch64 / qemu-s390x
#   make test-s390x              = test-user-s390x (no BTF in Debian's kernel)
#
# The kernel is Debian's linux-image-<arch> for that architecture: the one in
# /boot if the package is installed, else the copy `make cross-kernel`
# unpacked into $(SG_KDIR) (CI does that once, before the tests).

.PHONY: cross-kernel test-arm64 test-s390x test-user-arm64 test-user-s390x

SG_KROOT ?= /var/cache/sysgrep-cross
SG_KDIR  ?= $(SG_KROOT)/$(SG_DEB_ARCH)
SG_KERNEL ?= $(lastword $(sort $(wildcard /boot/vmlinuz-*-$(SG_DEB_ARCH) \
			$(SG_KDIR)/boot/vmlinuz-*-$(SG_DEB_ARCH))))

ifeq ($(SG_CROSS),s390)
# Debian's s390x kernel has no BTF: the build host's types with s390's
# registers (mk/vmlinux-s390.py says why that is enough for CO-RE)
$(BUILD)/vmlinux.h: | $(BUILD)
	$(call msg,GEN,$@)
	$(Q)test -r /sys/kernel/btf/vmlinux || { echo "sysgrep: build: no /sys/kernel/btf/vmlinux \
		to build the s390x types from; put a vmlinux.h at $(VMLINUX_TREE)" >&2; exit 1; }
	$(Q)$(BPFTOOL) btf dump file /sys/kernel/btf/vmlinux format c > $@.host
	$(Q)python3 mk/vmlinux-s390.py $@.host $@.tmp && rm -f $@.host && mv $@.tmp $@
else ifneq ($(SG_CROSS),)
# vmlinux.h of the target: the .BTF its kernel package's image carries
# (CO-RE relocates every access against the running kernel's BTF anyway;
# this only has to name the target's types: its pt_regs above all).
$(BUILD)/vmlinux.btf: | $(BUILD)
	$(call msg,GEN,$@)
	$(Q)test -n "$(SG_KERNEL)" || { echo "sysgrep: build: no Debian kernel for $(SG_DEB_ARCH) \
		(linux-image-$(SG_DEB_ARCH)); run 'make cross-kernel ARCH=$(SG_DEB_ARCH)' or put a \
		vmlinux.h at $(VMLINUX_TREE)" >&2; exit 1; }
	$(Q)python3 mk/kernel-btf.py $(SG_KERNEL) $@.tmp && mv $@.tmp $@

$(BUILD)/vmlinux.h: $(BUILD)/vmlinux.btf
	$(call msg,GEN,$@)
	$(Q)$(BPFTOOL) btf dump file $< format c > $@.tmp && mv $@.tmp $@

endif

ifneq ($(SG_SKEL_LAYOUT),)
# the little-endian twin of a big-endian probe, for bpftool's skeleton
$(SG_SKEL_LAYOUT): $(BPF_SRC) event/abi.h $(VMLINUX) | $(BUILD)
	$(call msg,BPF,$@)
	$(Q)$(CLANG) -g -O2 -target bpfel -D__TARGET_ARCH_$(ARCH) -I. -I$(dir $(VMLINUX)) \
		-include $(VMLINUX) -Wall -Wno-unused-function -c $(BPF_SRC) -o $@.tmp
	$(Q)llvm-strip -g $@.tmp 2>/dev/null || true
	$(Q)mv $@.tmp $@
endif

ifneq ($(SG_CROSS),)
# the emulated system's init and workload: one static program
$(BUILD)/tests/sginit: tests/cross/sginit.c
	$(call msg,CC,$<)
	$(Q)mkdir -p $(dir $@) && $(CC) -O1 -g $(WARN) -D_GNU_SOURCE -static -o $@ $<
endif

cross-kernel:
	$(Q)test -n "$(SG_DEB_ARCH)" || { echo "sysgrep: cross-kernel: give ARCH=arm64 or ARCH=s390x" >&2; exit 2; }
	$(Q)tests/cross/kernel.sh $(SG_DEB_ARCH) $(SG_KROOT)
	$(Q)[ -e /usr/lib/$(SG_TRIPLET)/libbpf.a ] || tests/cross/libs.sh $(SG_DEB_ARCH) $(SG_KROOT)

# the host binary too: -r output of the target's is compared with it
SG_HOST_BIN ?= $(CURDIR)/sysgrep
SG_UNIT_NAMES := $(patsubst tests/unit/%.c,%,$(wildcard tests/unit/test_*.c))

test-arm64:
	$(Q)$(MAKE) --no-print-directory ARCH=arm64 build-arm64/sysgrep build-arm64/tests/sginit
	$(Q)tests/cross/boot.sh arm64 build-arm64

# Debian's s390x kernel has no BTF (the probe cannot attach there): the
# big-endian build's unit tests and -r run in qemu user mode instead
test-s390x: test-user-s390x

# the unit tests and -r (compared byte for byte with the host binary's) of
# a cross build, under qemu-aarch64 / qemu-s390x (see sysgrep(8): known to
# fail today where tests assume x86's syscall table, and on s390x's -r)
test-user-arm64 test-user-s390x: test-user-%:
	$(Q)$(MAKE) --no-print-directory ARCH=$* build-$*/sysgrep $(addprefix build-$*/tests/,$(SG_UNIT_NAMES))
	$(Q)tests/cross/user.sh $* build-$* $(SG_HOST_BIN)
