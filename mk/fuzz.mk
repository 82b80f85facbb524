# libFuzzer targets (tests/fuzz/fuzz_*.c), under ASan + UBSan, each over the
# core library built with the same sanitizers in build-fuzz/.
#
#   make fuzz            every target, FUZZ_TIME seconds (600) each, one after another
#   make fuzz-TARGET     one: filter, capture, format, countby, decode
#   make fuzz-build      build them all (tests/bats/fuzz.bats runs them for 60 s)
#
# Seeds: tests/fuzz/seeds/TARGET/; the growing corpus: build-fuzz/corpus-TARGET/;
# a crash leaves its input in build-fuzz/TARGET-crash-* (-timeout-, -oom-).
# A crash input, once fixed, is kept as a regression test in
# tests/fuzz/regress/TARGET/ (tests/bats/fuzz.bats runs each target on them).

FUZZ_TARGETS := filter capture format countby decode
FUZZ_DIR     := build-fuzz
FUZZ_SAN     := -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer
# the longest input each is given: a filter or a format is a line, a
# capture or a record stream needs room for lists and payloads
FUZZ_LEN_filter  := 512
FUZZ_LEN_format  := 1024
FUZZ_LEN_countby := 512
FUZZ_LEN_capture := 65536
FUZZ_LEN_decode  := 65536
# an input that runs this many seconds is a hang, reported as a failure
FUZZ_TIMEOUT ?= 30

FUZZ_BINS := $(addprefix $(FUZZ_DIR)/fuzz_,$(FUZZ_TARGETS))

.PHONY: fuzz fuzz-build fuzz-lib fuzz-seeds $(addprefix fuzz-,$(FUZZ_TARGETS))

fuzz-lib:
	$(Q)$(MAKE) --no-print-directory BUILD=$(FUZZ_DIR) STATIC=0 CC=clang \
		CFLAGS="-O1 -g -fsanitize=fuzzer-no-link $(FUZZ_SAN)" $(FUZZ_DIR)/libsysgrep.a

# relinked every time (the library it links is rebuilt by its own make
# above), into a new file renamed over the old: a run of it may be going on
$(FUZZ_DIR)/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz_world.h fuzz-lib
	$(call msg,FUZZ,$@)
	$(Q)clang -O1 -g $(WARN) -std=gnu11 -fsanitize=fuzzer $(FUZZ_SAN) -I. -I$(FUZZ_DIR) -D_GNU_SOURCE \
		$< $(FUZZ_DIR)/libsysgrep.a $(LIBS) -o $@.tmp && mv $@.tmp $@

fuzz-build: $(FUZZ_BINS)

# FUZZ_OUT: where the corpus and crash inputs go (fuzz.bats: a temporary
# directory, so a CI run leaves nothing behind)
FUZZ_OUT ?= $(FUZZ_DIR)

$(addprefix fuzz-,$(FUZZ_TARGETS)): fuzz-%: $(FUZZ_DIR)/fuzz_%
	$(Q)mkdir -p $(FUZZ_OUT)/corpus-$*
	$(Q)$< -max_total_time=$(FUZZ_TIME) -max_len=$(FUZZ_LEN_$*) -timeout=$(FUZZ_TIMEOUT) \
		-rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix=$(FUZZ_OUT)/$*- \
		$(FUZZ_OUT)/corpus-$* tests/fuzz/seeds/$*

# one after another, also under make -j: each takes its FUZZ_TIME
fuzz: fuzz-build
	$(Q)for t in $(FUZZ_TARGETS); do \
		$(MAKE) --no-print-directory fuzz-$$t || exit 1; done

# the decoder's seeds are record streams made from the event table
# (tests/fuzz/make_decode_seeds.c); the capture seeds have their make_seeds.py
fuzz-seeds: $(LIB)
	$(Q)mkdir -p $(BUILD)/tests tests/fuzz/seeds/decode
	$(Q)$(CC) $(ALL_CFLAGS) -o $(BUILD)/tests/make_decode_seeds tests/fuzz/make_decode_seeds.c $(LIB) $(LIBS)
	$(Q)$(BUILD)/tests/make_decode_seeds tests/fuzz/seeds/decode
