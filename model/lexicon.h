/* Compiled-in vocabulary: model/lexicon/<name>.tsv embedded at build time. */
#ifndef MEETINGD_LEXICON_H
#define MEETINGD_LEXICON_H

#include <stddef.h>

struct embedded_file {
	const char *name;
	const unsigned char *data; /* NUL-terminated */
	size_t len;
};

/* The raw bytes of model/lexicon/<name>.tsv, or NULL. Static storage. */
const struct embedded_file *lexicon_file(const char *name);

/* Iterate the data lines of a TSV file: skips blank lines and lines starting
 * with '#'. Splits on TAB into at most maxcols fields (pointers into a
 * caller-supplied copy of the line; fields are NUL-terminated). Returns the
 * number of fields, or -1 at the end. *pos is the cursor (start at 0). */
int lexicon_next_row(const struct embedded_file *f, size_t *pos, char *linebuf,
		     size_t bufsize, char **cols, int maxcols);

#endif

/* ---- token-sequence lexicons ------------------------------------------ */
#include "tokens.h"

typedef struct lex_entry {
	char *form;     /* first column as written in the file */
	char *cols[6];  /* all columns (cols[0] == form) */
	int ncols;
	uint8_t ntok;   /* tokens in the form */
	char *keys;     /* the form's token keys, NUL-separated */
} lex_entry_t;

typedef struct lex lex_t;

/* The lexicon built from model/lexicon/<name>.tsv, loaded on first use and
 * kept for the life of the process (never freed). NULL when the file is
 * missing. Thread-safe. */
const lex_t *lex_get(const char *name);

/* Longest entry whose form matches tokens [i, i+k) with i+k <= lim; *ntok
 * gets k. NULL when none. */
const lex_entry_t *lex_longest(const lex_t *lx, const tokens_t *t, size_t i, size_t lim,
			       size_t *ntok);

/* Entry whose form folds to the same keys as the words of s, or NULL. */
const lex_entry_t *lex_lookup_text(const lex_t *lx, const char *s, size_t len);

size_t lex_size(const lex_t *lx);
const lex_entry_t *lex_entry_at(const lex_t *lx, size_t i);
