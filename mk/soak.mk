# The long reliability runs, not part of `make test` (root):
#
#   make soak   the fork/exec/exit storm at 100,000 children
#               (tests/bats/procstorm.bats, SG_FORKEXEC_N), then
#               SG_SOAK_SECONDS (600) of moderate load (tests/soak/soak.bats)

.PHONY: soak

SG_SOAK_SECONDS ?= 600

soak: $(BIN) $(HELPERS)
	$(Q)SG_FORKEXEC_N=100000 SYSGREP=$(abspath $(BIN)) HELPERS=$(CURDIR)/$(BUILD)/tests \
		bats --tap tests/bats/procstorm.bats
	$(Q)SG_SOAK_SECONDS=$(SG_SOAK_SECONDS) SYSGREP=$(abspath $(BIN)) \
		HELPERS=$(CURDIR)/$(BUILD)/tests bats --tap tests/soak/soak.bats
