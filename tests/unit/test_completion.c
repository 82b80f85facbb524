/*
 * The operator list of each completion (bash, zsh, fish) is the filter's:
 * every word operator of SG_CMPOPS is offered, and nothing else is.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "filter/ast.h"
#include "t.h"

/* The text of FILE's line that starts with PREFIX, up to END (or the end
 * of the line) into buf.  make runs the tests from the top of the tree. */
static bool read_ops(const char *file, const char *prefix, char end, char *buf, size_t size)
{
	FILE *f = fopen(file, "r");
	char line[4096];
	size_t plen = strlen(prefix);
	bool found = false;
	while (f && !found && fgets(line, sizeof(line), f)) {
		if (strncmp(line, prefix, plen) != 0)
			continue;
		char *stop = strchr(line + plen, end);
		size_t n = stop ? (size_t)(stop - (line + plen)) : size;
		if (n < size) {
			memcpy(buf, line + plen, n);
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

static void check(const char *file, const char *prefix, char end)
{
	char ops[2048];
	if (!T_OK(read_ops(file, prefix, end, ops, sizeof(ops)), "%s sets its operator list", file))
		return;
	for (int i = 0; i < SG_CMP_MAX; i++)
		if (isalpha((unsigned char)sg_cmpop_names[i][0]))
			T_OK(has_word(ops, sg_cmpop_names[i]), "%s offers '%s'", file,
			     sg_cmpop_names[i]);
	for (char *w = strtok(ops, " "); w; w = strtok(NULL, " "))
		T_OK(is_word_op(w, strlen(w)), "%s's '%s' is a filter operator", file, w);
}

int main(void)
{
	check("completions/sysgrep.bash", "_sysgrep_ops=\"", '"');
	check("completions/_sysgrep", "_sysgrep_ops=(", ')');
	check("completions/sysgrep.fish", "set -g __sysgrep_ops ", '\n');
	return t_done();
}
