/*
 * The filter lexer.  The sysdig/Falco grammar is context sensitive (a bare
 * string after '=' may hold dots and slashes, a field name may not), so the
 * lexer is a cursor with one scanning function per kind of token and the
 * parser calls the one its position allows, as libsinsp's parser does.
 */
#ifndef SG_LEXER_H
#define SG_LEXER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "event/diag.h"

struct sg_lexer {
	const char *src;
	size_t len;
	size_t pos;
	struct sg_diag *d;
};

/* A decoded string token (quoted or bare): malloc'd text, NUL terminated
 * for convenience, but len is the truth (\x00 is allowed). */
struct sg_tok {
	int off;        /* byte offset of the token in src */
	int end;        /* offset just past it */
	char *s;        /* decoded value, owned by the caller (free) */
	uint32_t len;
	bool quoted;
};

void sg_lex_init(struct sg_lexer *lx, const char *src, struct sg_diag *d);

/* Skip blanks (space, tab, \b, \r, \n, \f, \v); true if any were skipped. */
bool sg_lex_blank(struct sg_lexer *lx);

bool sg_lex_eof(const struct sg_lexer *lx);

/* Consume the literal text w if the input starts with it. */
bool sg_lex_lit(struct sg_lexer *lx, const char *w);

/* Peek: does the input start with w? */
bool sg_lex_peek(const struct sg_lexer *lx, const char *w);

/* Consume "not" followed by at least one blank. */
bool sg_lex_not_blank(struct sg_lexer *lx);

/* A word operator ("contains", "glob"...) must be followed by a blank;
 * symbol operators need nothing.  Returns the operator's index in the
 * table passed, or -1.  ops is NULL terminated. */
int sg_lex_oneof(struct sg_lexer *lx, const char *const *ops);

/* A quoted string ('...' or "..."), escapes decoded.  Returns 1 on success,
 * 0 when the input is not a quote, -1 on error (diag set). */
int sg_lex_quoted(struct sg_lexer *lx, struct sg_tok *t);

/* A bare string: bytes up to a blank, quote, parenthesis, '=' or ','. */
int sg_lex_bare(struct sg_lexer *lx, struct sg_tok *t);

/* A number as libsinsp lexes one: 0x1f, 42, -3, 1.5, 1e+3 (the checker
 * rejects what is not an integer). */
int sg_lex_number(struct sg_lexer *lx, struct sg_tok *t);

/* An identifier [A-Za-z][A-Za-z0-9_]* (no token: for error messages). */
size_t sg_lex_ident_len(const struct sg_lexer *lx);

/* Length of the "word" at the cursor, for quoting it in messages. */
size_t sg_lex_word_len(const struct sg_lexer *lx);

#endif /* SG_LEXER_H */
