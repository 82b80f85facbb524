/*
 * libFuzzer target for the capture reader: any bytes, as a .scap file
 * (plain, or gzip when they start with its magic), through the block
 * reader, the libs -> sysgrep decoder and the offline state.  Nothing may
 * crash, hang or allocate what a length field claims.
 */
#include <stddef.h>
#include <stdint.h>

#include "capture/decode.h"
#include "capture/source.h"
#include "state/state.h"

/* events per input: a small file cannot hold more, a decompression bomb
 * must not run for ever */
#define MAX_EVENTS 100000

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct sg_source *src = sg_source_mem(data, size);
	struct sg_state *st = sg_state_new();
	struct sg_capdec *d = src && st ? sg_capdec_new(src, st) : NULL;
	struct sg_event e;
	for (int i = 0; d && i < MAX_EVENTS && sg_capdec_next(d, &e) > 0; i++) {
		sg_state_before(st, &e);
		sg_state_after(st, &e);
	}
	sg_capdec_free(d);
	sg_state_free(st);
	sg_source_close(src);
	return 0;
}
