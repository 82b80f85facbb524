/*
 * The bash completion's operator list is the filter's: every word operator
 * of SG_CMPOPS is offered, and nothing else is.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "filter/ast.h"
#include "t.h"

/* completions/sysgrep.bash: make runs the tests from the top of the tree */
static FILE *open_completion(void)
{
	return fopen("completions/sysgrep.bash", "r");
}

/* The value of _sysgrep_ops="..." into buf. */
static bool read_ops(char *buf, size_t size)
{
	FILE *f = open_completion();
	char line[4096];
	bool found = false;
	while (f && !found && fgets(line, sizeof(line), f)) {
		if (strncmp(line, "_sysgrep_ops=\"", 14) != 0)
			continue;
		char *end = strchr(line + 14, '"');
		size_t n = end ? (size_t)(end - (line + 14)) : size;
		if (n < size) {
			memcpy(buf, line + 14, n);
			buf[n] = '\0';
			found = true;
		}
	}
	if (f)
		fclose(f);
	return found;
}

static bool has_word(const char *list, const char *w)
{
	size_t n = strlen(w);
	for (const char *p = list; (p = strstr(p, w)); p += n)
		if ((p == list || p[-1] == ' ') && (p[n] == ' ' || p[n] == '\0'))
			return true;
	return false;
}

static bool is_word_op(const char *w, size_t n)
{
	for (int i = 0; i < SG_CMP_MAX; i++)
		if (strlen(sg_cmpop_names[i]) == n && !strncmp(sg_cmpop_names[i], w, n))
			return isalpha((unsigned char)sg_cmpop_names[i][0]);
	return false;
}

int main(void)
{
	char ops[2048];
	if (!T_OK(read_ops(ops, sizeof(ops)), "completions/sysgrep.bash sets _sysgrep_ops"))
		return t_done();
	for (int i = 0; i < SG_CMP_MAX; i++)
		if (isalpha((unsigned char)sg_cmpop_names[i][0]))
			T_OK(has_word(ops, sg_cmpop_names[i]), "completion offers '%s'",
			     sg_cmpop_names[i]);
	for (char *w = strtok(ops, " "); w; w = strtok(NULL, " "))
		T_OK(is_word_op(w, strlen(w)), "completion's '%s' is a filter operator", w);
	return t_done();
}
