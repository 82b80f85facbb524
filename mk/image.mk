# make image: an OCI image FROM scratch holding only the static ./sysgrep
# (stripped), built with buildah (no registry, no Dockerfile, nothing pulled).
#
#   make image                       -> $(IMAGE) in the local store
#   make image IMAGE=localhost/sysgrep:test
# deploy/daemonset.yaml runs it on every node of a Kubernetes cluster.

IMAGE   ?= localhost/sysgrep:$(VERSION)
BUILDAH ?= buildah

.PHONY: image
image: $(BIN)
	$(call msg,IMAGE,$(IMAGE))
	$(Q)! readelf -l $(BIN) | grep -q 'Requesting program interpreter' || { \
		echo "sysgrep: image: $(BIN) is dynamically linked; FROM scratch needs STATIC=1" >&2; exit 1; }
	$(Q)mkdir -p $(BUILD)/image && strip -o $(BUILD)/image/sysgrep $(BIN)
	$(Q)ctr=$$($(BUILDAH) from scratch) && \
	{ $(BUILDAH) copy --chmod 0755 $$ctr $(BUILD)/image/sysgrep /sysgrep >/dev/null && \
	  $(BUILDAH) config --entrypoint '["/sysgrep"]' --cmd '["--help"]' \
		--env PATH=/ --workingdir / \
		--label org.opencontainers.image.title=sysgrep \
		--label org.opencontainers.image.version=$(VERSION) \
		--label org.opencontainers.image.description="system calls a Falco filter selects, as JSON Lines" \
		$$ctr && \
	  $(BUILDAH) commit --rm -q $$ctr $(IMAGE) >/dev/null; } || { $(BUILDAH) rm $$ctr >/dev/null; exit 1; }
	@echo $(IMAGE)
