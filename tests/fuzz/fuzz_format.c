/*
 * libFuzzer target for the -p format compiler (output/format.c): the first
 * byte picks the output (text, JSON, CSV), the rest is the format.  A
 * format that compiles prints the fixed world's events (fuzz_world.h)
 * through state, as the pipeline does, to /dev/null.  Refusals are fine;
 * crashes, sanitizer reports, leaks and "internal error" are not.
 */
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "output/output.h"
#include "fuzz_world.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int devnull = -1;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const enum sg_outfmt fmts[] = {SG_OUT_TEXT, SG_OUT_JSON, SG_OUT_CSV};
	if (devnull < 0)
		devnull = open("/dev/null", O_WRONLY | O_CLOEXEC);
	fw_init();
	if (size < 1)
		return 0;
	char *text = malloc(size);
	if (!text)
		return 0;
	memcpy(text, data + 1, size - 1);
	text[size - 1] = '\0';
	struct sg_output_opts o = {.fmt = fmts[data[0] % 3], .format = text, .fd = devnull,
				   .header = data[0] & 4};
	struct sg_diag d = {.what = "format"};
	struct sg_output *out = sg_output_new(&o, &d);
	if (out) {
		fw_print(out, false);
		sg_output_free(out);
	} else if (strncmp(d.msg, "internal error", 14) == 0) {
		abort();
	}
	free(text);
	return 0;
}
