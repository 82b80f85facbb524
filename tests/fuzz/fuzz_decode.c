/*
 * libFuzzer target for the ring-buffer record decoder (bpf/decode.c): the
 * input is a stream of records as the probe writes them, each framed by
 * its own header's len and padded to 8 bytes as the ring buffer pads.
 * Each record is copied to a heap block of exactly its size (a read past
 * it is an ASan report), decoded, and its event goes through the live
 * state (sg_state_before/after, process records to the process table)
 * and out as text and as JSON, so state and rendering see hostile values
 * too.
 *
 * Thread, process and parent ids are moved above any pid_max (1 << 22):
 * the state then looks for them in /proc and finds nothing, the same
 * answer on every run, instead of reading whatever this host runs.
 */
#include <fcntl.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bpf/decode.h"
#include "event/abi.h"
#include "output/output.h"
#include "state/state.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FAR_PID 0x40000000u

static int devnull = -1;

static void far_ids(uint8_t *rec)
{
	static const size_t offs[] = {offsetof(struct sg_rec, tid), offsetof(struct sg_rec, pid),
				      offsetof(struct sg_rec, ppid)};
	for (size_t i = 0; i < sizeof(offs) / sizeof(offs[0]); i++) {
		uint32_t v;
		memcpy(&v, rec + offs[i], 4);
		v = FAR_PID | (v & 0xffff);
		memcpy(rec + offs[i], &v, 4);
	}
}

/* The bytes of the record at data: its header's len when that fits, else
 * all that is left (the decoder must refuse it). */
static size_t frame(const uint8_t *data, size_t left)
{
	uint32_t len;
	if (left < sizeof(struct sg_rec))
		return left;
	memcpy(&len, data + offsetof(struct sg_rec, len), 4);
	if (len < sizeof(struct sg_rec) || len > left)
		return left;
	return len;
}

static struct sg_output *output(enum sg_outfmt fmt)
{
	struct sg_output_opts o = {.fmt = fmt, .fd = devnull};
	struct sg_diag d = {.what = "fuzz"};
	struct sg_output *out = sg_output_new(&o, &d);
	if (!out)
		abort(); /* the default outputs always build */
	return out;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (devnull < 0)
		devnull = open("/dev/null", O_WRONLY | O_CLOEXEC);
	struct sg_state *st = sg_state_new();
	struct sg_decoder *dec = malloc(sizeof(*dec));
	struct sg_output *text = output(SG_OUT_TEXT), *json = output(SG_OUT_JSON);
	struct sg_arena a;
	sg_arena_init(&a, 1 << 16);
	if (!st || !dec)
		abort();
	sg_decoder_init(dec, st);
	while (size) {
		size_t n = frame(data, size);
		uint8_t *rec = malloc(n ? n : 1);
		if (!rec)
			break;
		memcpy(rec, data, n);
		if (n >= sizeof(struct sg_rec))
			far_ids(rec);
		struct sg_event e;
		if (sg_decode(dec, rec, n, &e) == 1) {
			sg_arena_reset(&a);
			sg_state_before(st, &e);
			sg_output_event(text, &e, &a);
			sg_output_event(json, &e, &a);
			sg_state_after(st, &e);
		}
		free(rec);
		size_t step = (n + 7) & ~(size_t)7;
		if (step > size)
			step = size;
		data += step;
		size -= step;
	}
	sg_output_end(text);
	sg_output_end(json);
	sg_output_free(text);
	sg_output_free(json);
	sg_arena_free(&a);
	free(dec);
	sg_state_free(st);
	return 0;
}
