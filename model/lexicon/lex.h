/* The vocabulary and the lexicons, compiled from the TSV files of model/lexicon at
 * build time (tools/lexgen.c writes build/gen/lexicon_tables.c and
 * build/gen/lexicon_ids.h): every word of every file has a keyword id
 * (KW_<Telex spelling>: "họp" is KW_hopj, "chủ" KW_chur), every file (or
 * every class of a file) is a lexicon LEX_<NAME>, and each entry is a
 * sequence of keyword ids in a trie. Nothing is parsed at run time and
 * nothing needs a lock.
 *
 * A TSV file says how it is read in a first line such as
 *   #! lex bodies                  form in column 1
 *   #! lex doc split=1 form=2 aliases=6
 *                                  one lexicon per value of column 1
 *                                  (LEX_DOC_TYPE, LEX_DOC_HEAD ...), form in
 *                                  column 2, more forms (comma-separated)
 *                                  in column 6
 *   #! list html_site split=2      no lexicon: strings code tests byte for
 *                                  byte (substrings, prefixes), not tokens;
 *                                  lex_list_html_site_<class>[] (NULL-ended,
 *                                  file order) and LEX_LIST_..._COUNT, no
 *                                  keyword ids, not in LEX_COUNT; "a " in
 *                                  double quotes keeps its spaces */
#ifndef MEETINGD_LEXICON_LEX_H
#define MEETINGD_LEXICON_LEX_H

#include <stddef.h>
#include <stdint.h>

#include "lexicon_ids.h"
#include "model/text/text.h"

typedef struct lex_entry {
	const char *form;	 /* the form as written in the file */
	const char *const *cols; /* every column of its row (cols[0] is column 1) */
	uint8_t ncols;
	uint8_t ntok; /* tokens of the form */
} lex_entry_t;

/* A trie node reached from token i that spells entries, those of tokens
 * [i, i + len) (text.h: hit_at): its terms are the entries. */
struct lex_hit {
	uint32_t node;
	uint8_t len;
};

/* The entries of one lexicon starting at a token, shortest first:
 *   for (lex_iter_t it = lex_iter(tx, lx, i); lex_next(&it);) it.len, it.entry */
typedef struct lex_iter {
	const text_t *tx;
	int lx;
	uint32_t h, hend; /* hits of the token still to look at */
	uint32_t k, kend; /* terms of the current hit still to look at */
	size_t len;	  /* the current entry's tokens */
	int32_t entry;	  /* its index in the lexicon */
} lex_iter_t;

lex_iter_t lex_iter(const text_t *tx, int lx, size_t i);
int lex_next(lex_iter_t *it);

/* The keyword id of a key (text.h), 0 when no lexicon has the word. */
uint16_t lex_vocab_find(const char *key, size_t len, uint32_t hash);

/* The key of keyword id kw (static storage), or "" for 0. */
const char *lex_vocab_key(uint16_t kw);

/* The longest entry of lexicon lx matching tokens [i, i + *n) with
 * i + *n <= lim, or NULL. A multi-token entry never runs over a line
 * break. Needs tag_text(). */
const lex_entry_t *lex_at_hit(const text_t *tx, int lx, size_t i, size_t lim, size_t *n);
static inline const lex_entry_t *lex_at(const text_t *tx, int lx, size_t i, size_t lim, size_t *n)
{
	/* most asks find no entry: answered here, from the token's mask */
	if (i >= lim || i >= tx->n || !((tx->lexmask[i] >> lx) & 1))
		return NULL;
	return lex_at_hit(tx, lx, i, lim, n);
}

/* 1 when some entry of lexicon lx spans exactly tokens [i, i + n). */
int lex_is_hit(const text_t *tx, int lx, size_t i, size_t n);
static inline int lex_is(const text_t *tx, int lx, size_t i, size_t n)
{
	return i < tx->n && ((tx->lexmask[i] >> lx) & 1) && lex_is_hit(tx, lx, i, n);
}

/* 1 when some entry of lexicon lx starts at token i. */
static inline int lex_starts(const text_t *tx, int lx, size_t i)
{
	return (tx->lexmask[i] >> lx) & 1;
}

/* Entries of a lexicon, in file order (duplicate forms included). */
size_t lex_count(int lx);
const lex_entry_t *lex_entry(int lx, size_t idx);

/* The lexicon's name ("bodies", "doc_type"). */
const char *lex_name(int lx);

/* The entry of lexicon lx whose form is the whole of s[0..len) (folded
 * like the text), or NULL. For tests and tools: it tokenizes s. */
const lex_entry_t *lex_lookup(int lx, const char *s, size_t len);

#endif
