/* sysgrep --check: what the live source needs here, as text or one JSON object. */
#ifndef SG_CMD_CHECK_H
#define SG_CMD_CHECK_H

#include <stdbool.h>
#include <stdio.h>

/* Run the checks and print them.  Returns the exit status: 0 when
 * sysgrep can run here, 2 when a requirement is missing. */
int sg_check_main(FILE *out, bool json);

#endif
