/* Token-sequence lexicons built from the model/lexicon TSV files. */
#ifndef MEETINGD_LEX_H
#define MEETINGD_LEX_H

/* ---- token-sequence lexicons ------------------------------------------ */
#include "lexicon.h"
#include "tokens.h"

typedef struct olex_entry {
	char *form;     /* first column as written in the file */
	char *cols[6];  /* all columns (cols[0] == form) */
	int ncols;
	uint8_t ntok;   /* tokens in the form */
	char *keys;     /* the form's token keys, NUL-separated */
} olex_entry_t;

typedef struct lex lex_t;

/* The lexicon built from model/lexicon/<name>.tsv, loaded on first use and
 * kept for the life of the process (never freed). NULL when the file is
 * missing. Thread-safe. */
const lex_t *lex_get(const char *name);

/* Longest entry whose form matches tokens [i, i+k) with i+k <= lim; *ntok
 * gets k. NULL when none. */
const olex_entry_t *lex_longest(const lex_t *lx, const tokens_t *t, size_t i, size_t lim,
			       size_t *ntok);

/* Entry whose form folds to the same keys as the words of s, or NULL. */
const olex_entry_t *lex_lookup_text(const lex_t *lx, const char *s, size_t len);

size_t lex_size(const lex_t *lx);
const olex_entry_t *lex_entry_at(const lex_t *lx, size_t i);

#endif
