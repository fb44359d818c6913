/* One byte per token, computed once after tag_text: the bits the skip loops
 * of the recognisers test (dates, terms, bodies and places, document types,
 * the segmenter's line scan), so that each loop is a byte scan, 16 tokens
 * at a time, and not a walk over the 28-byte tokens. Each bit is a superset
 * of what its loop tested before; the loop re-tests its full condition on
 * the tokens the scan stops at. */
#ifndef MEETINGD_TAG_CLASSES_H
#define MEETINGD_TAG_CLASSES_H

#include <stddef.h>
#include <stdint.h>

#include "model/lexicon/lex.h"
#include "model/tag/cls_bits.h"
#include "model/text/text.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/* The keyword part of the classes, by keyword id mod 64 (a superset: the
 * loops test the ids again). */
void tag_cls_kw_table(uint8_t kwc[64]);

/* The class of token t whose entries give it the bits lc (the OR of
 * lex_node_cls over its hits: tag_text sets every token's class this way
 * while it has both at hand). */
static inline uint8_t tag_cls_token(const uint8_t kwc[64], const tok_t *t, unsigned lc)
{
	/* the bits from the kind; the lexicon bits are not limited to words
	 * (their loops test the kind again) */
	static const uint8_t kindc[4] = {
	    [TK_WORD] = 0,
	    [TK_NUM] = TAG_CLS_NUM | TAG_CLS_LINE,
	    [TK_PUNCT] = TAG_CLS_LINE,
	    [TK_END] = TAG_CLS_LINE,
	};
	/* TF_NL (bit 1) as TAG_CLS_LINE (bit 5) */
	return (uint8_t)(kindc[t->kind & 3] | kwc[t->kw & 63] | (t->flags & TF_NL) << 4 | lc);
}

/* The classes of tx's tokens (after tag_text), in tx->arena: n + 16 bytes,
 * the 16 past the end with every bit set, so that tag_cls_next stops at n
 * without a bound test. NULL when out of memory. */
const uint8_t *tag_classes(const text_t *tx);

/* The first token j >= i whose class has one of bits (at most n, as the
 * padding has them all); i <= n. */
static inline size_t tag_cls_next(const uint8_t *cls, size_t i, unsigned bits)
{
#if defined(__SSE2__)
	const __m128i m = _mm_set1_epi8((char)bits);
	const __m128i z = _mm_setzero_si128();
	for (;;) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(cls + i));
		unsigned miss = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_and_si128(v, m), z));
		if (miss != 0xFFFFu)
			return i + (size_t)__builtin_ctz(~miss);
		i += 16;
	}
#else
	while (!(cls[i] & bits))
		i++;
	return i;
#endif
}

#endif
