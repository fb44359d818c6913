/* The per-token class bytes (classes.h). */
#include "model/tag/classes.h"

#include <string.h>

#include "model/lexicon/lex.h"

/* Bit `from` of x as bit `to` of the result: one shift and one mask, the
 * direction chosen at compile time. */
#define CLS_MOVE(x, from, to)                                                                      \
	((unsigned)((int)(from) >= (int)(to)                                                       \
			? (uint64_t)(x) >>                                                         \
			      ((int)(from) - (int)(to) >= 0 ? (int)(from) - (int)(to) : 0)         \
			: (uint64_t)(x)                                                            \
			      << ((int)(to) - (int)(from) >= 0 ? (int)(to) - (int)(from) : 0)) &   \
	 (1u << (to)))

enum {
	TF_NL_BIT = 1,
	TAG_CLS_DATE_BIT = 1,
	TAG_CLS_ORG_BIT = 3,
	TAG_CLS_DOC_BIT = 4,
	TAG_CLS_LINE_BIT = 5
};
_Static_assert(TF_NL == 1 << TF_NL_BIT && TAG_CLS_DATE == 1 << TAG_CLS_DATE_BIT &&
		   TAG_CLS_ORG == 1 << TAG_CLS_ORG_BIT && TAG_CLS_DOC == 1 << TAG_CLS_DOC_BIT &&
		   TAG_CLS_LINE == 1 << TAG_CLS_LINE_BIT,
	       "the bit positions CLS_MOVE uses");

/* Public (classes.h): the array lives in the text's arena. */
const uint8_t *tag_classes(const text_t *tx)
{
	const size_t n = tx->n;
	uint8_t *cls = arena_alloc_raw(tx->arena, n + 16);
	if (!cls)
		return NULL;
	const tok_t *tok = tx->tok;
	const uint64_t *lm = tx->lexmask;
	/* the bits from the keyword, by id mod 64: a superset (terms.c and the
	 * segmenter test the ids), one load */
	uint8_t kwc[64] = {0};
	kwc[KW_khoas & 63] |= TAG_CLS_TERM;
	kwc[KW_nhieemj & 63] |= TAG_CLS_TERM;
	kwc[KW_giai & 63] |= TAG_CLS_TERM;
	kwc[KW_anhr & 63] |= TAG_CLS_LINE;
	/* the bits from the kind; the lexicon bits are not limited to words
	 * (their loops test the kind again) */
	static const uint8_t kindc[4] = {
	    [TK_WORD] = 0,
	    [TK_NUM] = TAG_CLS_NUM | TAG_CLS_LINE,
	    [TK_PUNCT] = TAG_CLS_LINE,
	    [TK_END] = TAG_CLS_LINE,
	};
	for (size_t i = 0; i < n; i++) {
		const tok_t *t = &tok[i];
		uint64_t m = lm ? lm[i] : 0;
		unsigned c = kindc[t->kind & 3] | kwc[t->kw & 63] |
			     CLS_MOVE(t->flags, TF_NL_BIT, TAG_CLS_LINE_BIT) |
			     CLS_MOVE(m, LEX_DATE_START, TAG_CLS_DATE_BIT) |
			     CLS_MOVE(m, LEX_BODIES, TAG_CLS_ORG_BIT) |
			     CLS_MOVE(m, LEX_PLACES, TAG_CLS_ORG_BIT) |
			     CLS_MOVE(m, LEX_DOC_TYPE, TAG_CLS_DOC_BIT);
		cls[i] = (uint8_t)c;
	}
	memset(cls + n, 0xFF, 16);
	return cls;
}
