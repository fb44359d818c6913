/* Tag once: one linear pass that gives every token its keyword id and
 * records every lexicon entry starting at it (text.h: hit_at, hit,
 * lexmask), so that recognisers test integers and bits, never strings. */
#ifndef MEETINGD_TAG_TAG_H
#define MEETINGD_TAG_TAG_H

#include "model/lexicon/lex.h"
#include "model/text/text.h"

/* Cut the request's bytes s[0..len) into tokens as text_scan() does, also
 * checking the bytes and setting each token's keyword id. Returns 0; -1
 * when out of memory or over the budget; 1 when the bytes are not UTF-8 or
 * hold a NUL (the first bad byte at *bad, *nul telling which); 2 when the
 * text needs NFC normalisation first (normalise, then scan the result;
 * *bad is then the first code point NFC may change, and the bytes before
 * it are known to be valid UTF-8). */
int tag_scan_input(text_t *tx, const char *s, size_t len, arena_t *arena, budget_t *budget,
		   size_t *bad, int *nul);

/* Tag tx (after text_scan). The arrays are freed by text_free(). 0, or -1
 * when out of memory. */
int tag_text(text_t *tx);

/* The keyword id of token i (0 past the end). */
static inline uint16_t tok_kw(const text_t *tx, size_t i)
{
	return i < tx->n ? tx->tok[i].kw : 0;
}

/* Tokens i and i + 1 are the keywords a and b. */
static inline int tok_kw2(const text_t *tx, size_t i, uint16_t a, uint16_t b)
{
	return i + 1 < tx->n && tx->tok[i].kw == a && tx->tok[i + 1].kw == b;
}

#endif
