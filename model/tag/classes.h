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
#include "model/text/text.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

enum tag_cls_bit {
	TAG_CLS_NUM = 1,   /* TK_NUM */
	TAG_CLS_DATE = 2,  /* a word in LEX_DATE_START */
	TAG_CLS_TERM = 4,  /* a keyword that starts a term (khóa, nhiệm kỳ, giai đoạn) */
	TAG_CLS_ORG = 8,   /* a word in LEX_BODIES or LEX_PLACES */
	TAG_CLS_DOC = 16,  /* in LEX_DOC_TYPE */
	TAG_CLS_LINE = 32, /* the segmenter may stop: a line break, not a word, or a keyword */
};

/* The keyword part of the classes, by keyword id mod 64 (a superset: the
 * loops test the ids again). */
void tag_cls_kw_table(uint8_t kwc[64]);

/* Bit `from` of x as bit `to` of the result. */
#define TAG_CLS_MOVE(x, from, to)                                                                  \
	((unsigned)((from) >= (to) ? (uint64_t)(x) >> ((from) - (to) >= 0 ? (from) - (to) : 0)     \
				   : (uint64_t)(x) << ((to) - (from) >= 0 ? (to) - (from) : 0)) &  \
	 (1u << (to)))

/* The class of token t whose lexicon mask is m (tag_text sets every
 * token's class this way while it has both at hand). */
static inline uint8_t tag_cls_token(const uint8_t kwc[64], const tok_t *t, uint64_t m)
{
	/* the bits from the kind; the lexicon bits are not limited to words
	 * (their loops test the kind again) */
	static const uint8_t kindc[4] = {
	    [TK_WORD] = 0,
	    [TK_NUM] = TAG_CLS_NUM | TAG_CLS_LINE,
	    [TK_PUNCT] = TAG_CLS_LINE,
	    [TK_END] = TAG_CLS_LINE,
	};
	unsigned c = kindc[t->kind & 3] | kwc[t->kw & 63] |
		     TAG_CLS_MOVE(t->flags, 1, 5) /* TF_NL -> TAG_CLS_LINE */;
	if (m)
		c |= TAG_CLS_MOVE(m, LEX_DATE_START, 1) | TAG_CLS_MOVE(m, LEX_BODIES, 3) |
		     TAG_CLS_MOVE(m, LEX_PLACES, 3) | TAG_CLS_MOVE(m, LEX_DOC_TYPE, 4);
	return (uint8_t)c;
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
