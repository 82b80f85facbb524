# Container metadata (state/engine.c): the engine's inspect JSON parsed
# with jansson, linked statically like the other libraries (libjansson-dev);
# the cache's worker thread (state/ctrmeta.c) needs pthreads.
LIBS += -ljansson -lpthread
# fd.cip.name, fd.sip.name...: names resolved with c-ares (libc-ares-dev), static
LIBS += -lcares

# The program of tests/bats/container.bats's image (built from scratch, so
# static: nothing else is in it).
all: $(BUILD)/tests/sgctr

$(BUILD)/tests/sgctr: tests/container/sgctr.c
	$(call msg,CC,$<)
	$(Q)mkdir -p $(dir $@) && $(CC) -O1 -g $(WARN) -D_GNU_SOURCE -static -o $@ $<
test bats: $(BUILD)/tests/sgctr
