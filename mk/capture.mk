# Capture files (-r / -w): the reader's libFuzzer target.
#
#   make fuzz-capture   FUZZ_TIME seconds (600) of tests/fuzz/fuzz_capture.c
#                       under ASan + UBSan, from tests/fuzz/seeds/capture

.PHONY: fuzz-capture

fuzz-capture:
	$(Q)$(MAKE) --no-print-directory BUILD=build-fuzz STATIC=0 CC=clang \
		CFLAGS="-O1 -g -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined" \
		build-fuzz/libsysgrep.a
	$(Q)mkdir -p build-fuzz/corpus-capture
	$(Q)clang -O1 -g -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
		-I. -Ibuild-fuzz -D_GNU_SOURCE tests/fuzz/fuzz_capture.c build-fuzz/libsysgrep.a \
		$(LIBS) -o build-fuzz/fuzz_capture
	$(Q)build-fuzz/fuzz_capture -max_total_time=$(FUZZ_TIME) -max_len=65536 -rss_limit_mb=2048 \
		-print_final_stats=1 build-fuzz/corpus-capture tests/fuzz/seeds/capture
