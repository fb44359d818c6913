/* The text layer: the NFC text of one parse cut once into tokens, with one
 * fold key per token. Every recogniser reads these tokens; none decodes or
 * folds text again.
 *
 * Tokens are atoms: a run of letters (with their combining marks), a run of
 * ASCII digits, or one other code point. "8h30" is three tokens, "QH13" two
 * (glued: no TF_SPACE on the second), "TP.HCM" three. The key of a word is
 * its lower-case letters without the tone mark, then the tone digit ('1'
 * sắc, '2' huyền, '3' hỏi, '4' ngã, '5' nặng), so case, old and new tone
 * placement and NFC/NFD fold together: "Hóa", "hoá", "HOÁ" all give "hoa1".
 * A number's key is its digits, a mark's its ASCII class (chars.h). */
#ifndef MEETINGD_TEXT_TEXT_H
#define MEETINGD_TEXT_TEXT_H

#include <stddef.h>
#include <stdint.h>

#include "model/text/arena.h"
#include "model/text/budget.h"

enum tok_kind { TK_WORD = 0, TK_NUM, TK_PUNCT, TK_END };

enum tok_flag {
	TF_SPACE = 1,  /* whitespace before the token */
	TF_NL = 2,     /* a line break before it */
	TF_CAP = 4,    /* word: its first letter is upper case */
	TF_UPPER = 8,  /* word: every cased letter upper case, and one at least */
	TF_ROMAN = 16, /* word: only the capitals I V X L C */
	TF_SENT = 32,  /* first token of a sentence (set by the segmenter) */
};

typedef struct tok {
	uint32_t start, end; /* bytes of the NFC text */
	uint32_t hash;	     /* text_hash of the key */
	uint32_t key;	     /* offset of the key in text->keys (NUL-terminated) */
	uint32_t val;	     /* TK_NUM: value (capped at 999,999,999); TK_PUNCT: code point */
	uint16_t kw;	     /* vocabulary id of the key (KW_*), 0 when none */
	uint8_t kind;	     /* enum tok_kind */
	uint8_t flags;	     /* enum tok_flag */
	uint8_t klen;	     /* key bytes; 0 for a word too long to have a key */
	uint8_t ndig;	     /* TK_NUM: digits (capped at 255) */
	uint8_t nup, nlow;   /* TK_WORD: upper- and lower-case letters (capped at 255) */
} tok_t;

typedef struct lex_hit lex_hit_t;

/* One parse's text. tok[n] is a sentinel (TK_END at the end of the text,
 * with TF_SPACE and TF_NL), so tok[i + 1] may be read for any i < n. */
typedef struct text {
	const char *s;
	size_t len;
	tok_t *tok;
	size_t n, cap;
	char *keys;
	size_t keys_len;
	/* lexicon hits (model/tag): hit[hit_at[i] .. hit_at[i + 1]) start at
	 * token i, ordered by lexicon then length; lexmask[i] has bit L when
	 * lexicon L has one */
	uint32_t *hit_at;
	lex_hit_t *hit;
	uint64_t *lexmask;
	/* the class byte of each token (model/tag/classes.h), n + 16 bytes,
	 * set by tag_text */
	uint8_t *cls;
	arena_t *arena;
	budget_t *budget; /* the parse's work bound; NULL: none */
	int kw_done;	  /* keyword ids set by the scan (tag_scan_input) */
	/* text_tok_at's last answer, a cache it updates through const
	 * pointers (the recognisers mostly ask in text order); a text_t is
	 * never an object defined const */
	size_t tok_hint;
	/* tok_blk[b] is the first token whose start is at or after byte
	 * b << TEXT_BLK_SHIFT, for b = 0 .. (len >> TEXT_BLK_SHIFT) + 1 (set
	 * by tag_text, in the arena; NULL before): text_tok_at searches the
	 * tokens of one block, not the text */
	uint32_t *tok_blk;
} text_t;

#define TEXT_BLK_SHIFT 8

/* Cut s[0..len) (valid UTF-8, NFC) into tokens: tx->tok (realloc'ed; free
 * with text_free) and the keys (in the arena). Vocabulary ids are not set
 * here (tag_text does that). budget (may be NULL) is polled as it goes and
 * kept in tx->budget for the later stages. 0, or -1 when out of memory or
 * over the budget. */
int text_scan(text_t *tx, const char *s, size_t len, arena_t *arena, budget_t *budget);

/* Free what text_scan() and tag_text() allocated outside the arena. */
void text_free(text_t *tx);

/* First token whose start is at or after byte off (n when none): O(1)
 * when asked in text order (the last answer or a neighbour), else a
 * binary search over the tokens of off's block (tok_blk), or over all of
 * them before tag_text. */
size_t text_tok_at(const text_t *tx, size_t off);

/* The first of tokens [lo, hi) whose start is at or after off (hi when
 * none): a binary search. */
static inline size_t text_tok_search(const tok_t *tk, size_t lo, size_t hi, size_t off)
{
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (tk[mid].start < off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static inline const char *tok_key(const text_t *tx, size_t i)
{
	return tx->keys + tx->tok[i].key;
}

/* Punctuation token i is the ASCII character c ('-' for every dash, '"' for
 * every double quotation mark, '\'' for single ones: chars.h). */
static inline int tok_punct(const text_t *tx, size_t i, char c)
{
	const tok_t *t = &tx->tok[i];
	return i < tx->n && t->kind == TK_PUNCT && t->klen == 1 && tx->keys[t->key] == c;
}

/* The hash of every key (tok_t.hash, the vocabulary's slots, strmap): the
 * bytes read eight at a time, the last word zero-padded, one multiply per
 * word, so that a syllable's key (nearly all are 8 bytes or less) costs
 * one multiply and not one per byte. The low bits (the slot of a table)
 * take bits 32-43 and 52-63 of the product, so that every byte of a word
 * counts in them (the tone digit ends a key). */
static inline uint64_t text_hash_word(uint64_t h, uint64_t w)
{
	return (h ^ w) * 0x9E3779B97F4A7C15ull;
}

static inline uint32_t text_hash_end(uint64_t h)
{
	return (uint32_t)(h >> 32) ^ (uint32_t)(h >> 52);
}

static inline uint32_t text_hash(const char *s, size_t n)
{
	uint64_t h = 0;
	size_t i = 0;
	do {
		uint64_t w = 0;
		__builtin_memcpy(&w, s + i, n - i < 8 ? n - i : 8);
		h = text_hash_word(h, w);
		i += 8;
	} while (i < n);
	return text_hash_end(h);
}

/* text_hash of s[0..n) when zero bytes follow it up to the next multiple
 * of 8, and 8 at least (the scan pads every key so): whole-word loads
 * only. */
static inline uint32_t text_hash_padded(const char *s, size_t n)
{
	uint64_t w;
	__builtin_memcpy(&w, s, 8);
	uint64_t h = text_hash_word(0, w);
	for (size_t i = 8; i < n; i += 8) {
		__builtin_memcpy(&w, s + i, 8);
		h = text_hash_word(h, w);
	}
	return text_hash_end(h);
}

#endif
