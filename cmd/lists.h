#ifndef SG_LISTS_H
#define SG_LISTS_H

#include <stdio.h>

void sg_list_fields(FILE *out, int json);
void sg_list_events(FILE *out, int json);

#endif
