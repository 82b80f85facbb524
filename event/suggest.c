#include "event/suggest.h"

#include <ctype.h>
#include <string.h>

#define SG_SUGGEST_MAXLEN 64 /* longer input is not a misspelt name */

static int lc(char c)
{
	return tolower((unsigned char)c);
}

size_t sg_edit_distance(const char *a, size_t la, const char *b, size_t lb)
{
	size_t d[SG_SUGGEST_MAXLEN + 1][SG_SUGGEST_MAXLEN + 1];

	if (la > SG_SUGGEST_MAXLEN || lb > SG_SUGGEST_MAXLEN)
		return (size_t)-1;
	for (size_t i = 0; i <= la; i++)
		d[i][0] = i;
	for (size_t j = 0; j <= lb; j++)
		d[0][j] = j;
	for (size_t i = 1; i <= la; i++) {
		for (size_t j = 1; j <= lb; j++) {
			size_t v = d[i - 1][j] + 1;
			if (d[i][j - 1] + 1 < v)
				v = d[i][j - 1] + 1;
			size_t cost = lc(a[i - 1]) != lc(b[j - 1]);
			if (d[i - 1][j - 1] + cost < v)
				v = d[i - 1][j - 1] + cost;
			if (i > 1 && j > 1 && lc(a[i - 1]) == lc(b[j - 2]) &&
			    lc(a[i - 2]) == lc(b[j - 1]) && d[i - 2][j - 2] + 1 < v)
				v = d[i - 2][j - 2] + 1;
			d[i][j] = v;
		}
	}
	return d[la][lb];
}

void sg_suggest_init(struct sg_suggest *s, const char *word, size_t len, size_t limit)
{
	s->word = word;
	s->len = len;
	s->limit = limit;
	s->best = NULL;
	s->best_d = (size_t)-1;
}

void sg_suggest_try(struct sg_suggest *s, const char *cand)
{
	size_t d = sg_edit_distance(s->word, s->len, cand, strlen(cand));
	if (d < s->best_d) {
		s->best_d = d;
		s->best = cand;
	}
}

const char *sg_suggest_result(const struct sg_suggest *s)
{
	return s->best_d <= s->limit ? s->best : NULL;
}
