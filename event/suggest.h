/* "Did you mean ...?": the closest known name to a misspelt one. */
#ifndef SG_SUGGEST_H
#define SG_SUGGEST_H

#include <stddef.h>

struct sg_suggest {
	const char *word;
	size_t len;
	size_t limit;      /* farthest distance worth suggesting */
	const char *best;  /* first closest candidate so far */
	size_t best_d;
};

/* Optimal string alignment distance (Levenshtein plus adjacent
 * transpositions), ignoring case: "exceve" and "proc.nmae" are one edit
 * away.  (size_t)-1 for words too long to be a misspelt name. */
size_t sg_edit_distance(const char *a, size_t la, const char *b, size_t lb);

void sg_suggest_init(struct sg_suggest *s, const char *word, size_t len, size_t limit);
/* Offer one candidate; on a tie the earlier one stays. */
void sg_suggest_try(struct sg_suggest *s, const char *cand);
/* The suggestion, or NULL when nothing is within the limit. */
const char *sg_suggest_result(const struct sg_suggest *s);

#endif
