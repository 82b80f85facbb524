/*
 * libFuzzer target for --count-by field lists (sg_fmt_compile_list and the
 * tally of output/count.c): the first byte picks the output (text, JSON,
 * CSV), whether the table has a header and whether an --interval tick
 * comes before the end; the rest is the list.  A list that compiles counts
 * the fixed world's events (fuzz_world.h) and prints its table to
 * /dev/null.
 */
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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
	struct sg_output_opts o = {.fmt = fmts[data[0] % 3], .count_by = text, .fd = devnull,
				   .header = data[0] & 4, .interval = data[0] & 8};
	struct sg_diag d = {.what = "count-by"};
	struct sg_output *out = sg_output_new(&o, &d);
	if (out) {
		fw_print(out, o.interval);
		sg_output_free(out);
	} else if (strncmp(d.msg, "internal error", 14) == 0) {
		abort();
	}
	free(text);
	return 0;
}
