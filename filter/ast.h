/*
 * The filter AST: what the parser builds, the checker annotates with types
 * and parsed constants, and the compiler turns into bytecode.  Also the two
 * vocabularies every stage shares: comparison operators and transformers.
 */
#ifndef SG_AST_H
#define SG_AST_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "event/diag.h"
#include "event/fields.h"
#include "extract/fieldget.h"
#include "event/strbuf.h"

/* X(id, "spelling") in the order the parser tries them (longest first
 * where one is a prefix of another). */
#define SG_CMPOPS(X)                       \
	X(EXISTS, "exists")                \
	X(LE, "<=")                        \
	X(LT, "<")                         \
	X(GE, ">=")                        \
	X(GT, ">")                         \
	X(EQ, "=")                         \
	X(NE, "!=")                        \
	X(GLOB, "glob")                    \
	X(IGLOB, "iglob")                  \
	X(CONTAINS, "contains")            \
	X(ICONTAINS, "icontains")          \
	X(BCONTAINS, "bcontains")          \
	X(STARTSWITH, "startswith")        \
	X(BSTARTSWITH, "bstartswith")      \
	X(ENDSWITH, "endswith")            \
	X(REGEX, "regex")                  \
	X(INTERSECTS, "intersects")        \
	X(IN, "in")                        \
	X(PMATCH, "pmatch")

enum sg_cmpop {
#define SG_CMP_ENUM(id, s) SG_CMP_##id,
	SG_CMPOPS(SG_CMP_ENUM)
#undef SG_CMP_ENUM
	SG_CMP_MAX
};

extern const char *const sg_cmpop_names[SG_CMP_MAX];

/* Operator modifiers of current libs: "proc.name = oneof (a, b)". */
enum sg_cmpmod { SG_MOD_NONE = 0, SG_MOD_ONEOF, SG_MOD_ANYOF, SG_MOD_ALLOF };

extern const char *const sg_cmpmod_names[4];

/* Transformers: X(id, "name").  The first five take one value; join,
 * concat and getopt take several (multi-value transformers, filter/multival.c). */
#define SG_XFORMS(X)              \
	X(TOLOWER, "tolower")     \
	X(TOUPPER, "toupper")     \
	X(B64, "b64")             \
	X(BASENAME, "basename")   \
	X(LEN, "len")             \
	X(JOIN, "join")           \
	X(CONCAT, "concat")       \
	X(GETOPT, "getopt")

enum sg_xform {
#define SG_XF_ENUM(id, s) SG_XF_##id,
	SG_XFORMS(SG_XF_ENUM)
#undef SG_XF_ENUM
	SG_XF_MAX
};

extern const char *const sg_xform_names[SG_XF_MAX];

#define SG_MAX_XFORMS 8     /* transformers on one field */
#define SG_FILTER_MAX_DEPTH 500 /* nesting of parentheses, not and transformers */

/* A parsed constant, typed by the checker. */
enum sg_ckind {
	SG_CK_NUM = 1, /* integer (n) */
	SG_CK_BOOL,    /* b */
	SG_CK_STR,     /* s, len (any bytes) */
	SG_CK_NET,     /* family, prefix, addr: an address is a /32 or /128 */
	SG_CK_DYN,     /* a string that may also be a number (evt.rawarg) */
};

struct sg_cval {
	uint8_t kind;      /* enum sg_ckind */
	bool has_num;      /* NUM always; DYN when the text is a number */
	bool b;
	uint8_t family;    /* NET: 4 or 6 */
	uint8_t prefix;    /* NET: bits that must match */
	uint8_t addr[16];
	__int128 n;        /* NUM, DYN: the number */
	char *s;           /* STR, DYN: the text (malloc'd, NUL after len) */
	uint32_t len;
	void *re;          /* regex: pcre2_code * of this pattern */
	void *md;          /* and its pcre2_match_data * */
};

/* What an operand's value starts from before its one-value transformers:
 * a field, or (libs' multi-value transformers and their arguments) a
 * constant string, a transformer list "(a, b)", join, concat, getopt. */
enum sg_obase { SG_OB_FIELD = 0, SG_OB_STR, SG_OB_LIST, SG_OB_JOIN, SG_OB_CONCAT, SG_OB_GETOPT };

/* A field (or a multi-value transformer) with the one-value transformers
 * around it: tolower(basename(proc.exe)), len(join("-", (a, b))). */
struct sg_operand {
	uint8_t base;       /* enum sg_obase */
	struct sg_fieldref ref; /* FIELD */
	char *key;          /* ref.key copied, so the AST outlives the text */
	int off;            /* where the field (or its outermost transformer) starts */
	int field_off;
	uint8_t nxf;
	uint8_t xf[SG_MAX_XFORMS]; /* applied xf[0] first (the innermost) */
	char *str;          /* STR: the text (malloc'd) */
	uint32_t slen;
	struct sg_operand *args; /* LIST, JOIN, CONCAT, GETOPT */
	int nargs;
	bool has_sel;       /* getopt(...)[c]: one option's value */
	char sel;
	bool bad_sel;       /* its argument is not one character (the checker says so) */
	uint8_t type;       /* checker: value type after the transformers */
	bool list;          /* checker: the value is a list (libs' EPF_IS_LIST) */
	bool anyof;         /* checker: iterates sg_field_get_nth */
};

static inline bool sg_operand_is_field(const struct sg_operand *o)
{
	return o->base == SG_OB_FIELD;
}

/* MACRO: an identifier (a Falco macro's name), replaced by the macro's
 * condition before checking (filter/rules.c); none is left after that. */
enum sg_ast_kind { SG_AST_AND = 1, SG_AST_OR, SG_AST_NOT, SG_AST_CMP, SG_AST_TRUE, SG_AST_MACRO };
enum sg_rhs_kind { SG_RHS_NONE = 0, SG_RHS_VALUE, SG_RHS_LIST, SG_RHS_FIELD };

struct sg_lit {
	char *s;            /* decoded text (malloc'd) */
	uint32_t len;
	int off;
	bool quoted;
	bool ident;         /* "in my_list", "oneof my_list": may name a Falco list */
};

struct sg_ast {
	uint8_t kind;       /* enum sg_ast_kind */
	int off;            /* source offset, for messages */
	/* AND, OR (n >= 2), NOT (n == 1) */
	struct sg_ast **kids;
	int nkids;
	/* CMP */
	struct sg_operand lhs;
	uint8_t op;         /* enum sg_cmpop */
	uint8_t mod;        /* enum sg_cmpmod */
	int op_off;
	char *ident;        /* MACRO: the name */
	bool checked;       /* a macro's expansion, checked against its own text */
	uint8_t rhs_kind;   /* enum sg_rhs_kind */
	struct sg_lit *lits; /* VALUE: 1, LIST: n (may be 0) */
	int nlits;
	struct sg_operand rhs; /* FIELD: val(x) or a transformer */
	/* checker results */
	struct sg_cval *cv; /* one per literal */
	int ncv;
};

struct sg_ast *sg_ast_new(uint8_t kind, int off);
/* Append kid to an AND/OR/NOT node; false when out of memory. */
bool sg_ast_add(struct sg_ast *n, struct sg_ast *kid);
void sg_ast_free(struct sg_ast *n);
/* Free what an operand owns (not the operand itself). */
void sg_operand_free(struct sg_operand *o);
/* Deep copy (macros are expanded once per use); false when out of memory. */
bool sg_operand_copy(struct sg_operand *dst, const struct sg_operand *src);
void sg_cval_free(struct sg_cval *c);

/* S-expression of the tree, for tests and --dump-filter:
 *   (and (= evt.type "open") (not (contains fd.name "/etc")))  */
void sg_ast_print(const struct sg_ast *n, struct sg_strbuf *b);

/* Text bytes as a double-quoted, escaped string (shared with disasm). */
void sg_quote(struct sg_strbuf *b, const char *s, uint32_t len);

/* Parse text into an AST; NULL with *d set on error.  Blank text parses to
 * SG_AST_TRUE. */
struct sg_ast *sg_parse(const char *text, struct sg_diag *d);

/* Type-check the AST against the field catalogue and parse every constant
 * (numbers, ports, networks, syscall names, regexes).  false with *d set. */
bool sg_check(struct sg_ast *root, const char *text, struct sg_diag *d);

#endif /* SG_AST_H */
