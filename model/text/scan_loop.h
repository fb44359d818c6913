/* Internal: the tokenizer's loop, shared by text_scan() (model/text/scan.c:
 * text known to be valid NFC, no vocabulary) and tag_scan_input()
 * (model/tag/input.c: the request's bytes, checked as they are read, with
 * the keyword id of each token looked up while its key is fresh). The
 * including file defines SCAN_CHECK (0 or 1) and SCAN_KW(key, len, hash).
 *
 * One pass: ASCII through a 128-entry class table, other code points
 * decoded once and classed by the character table; each word's key is
 * built as its letters are read and hashed a word at a time once it is
 * complete (text_hash_padded). */
#include <string.h>

#include "model/text/chars.h"
#include "model/text/text.h"

#define SCAN_KEY_MAX 63 /* longer words get no key: no lexicon has such a word */

enum { A_SPACE = 1, A_NL = 2, A_DIGIT = 4, A_UPPER = 8, A_LOWER = 16, A_ROMAN = 32 };

/* ASCII classes: controls and ' ' are blanks (\n and \r line breaks). */
static const unsigned char scan_ascii[128] = {
    1,	1,  1,	1,  1,	1,  1,	1,  1,	1,  3,	1,  1,	3,  1,	1,  1,	1,  1,	1,  1,	1,
    1,	1,  1,	1,  1,	1,  1,	1,  1,	1,  1,	0,  0,	0,  0,	0,  0,	0,  0,	0,  0,	0,
    0,	0,  0,	0,  4,	4,  4,	4,  4,	4,  4,	4,  4,	4,  0,	0,  0,	0,  0,	0,  0,	8,
    8,	40, 8,	8,  8,	8,  8,	40, 8,	8,  40, 8,  8,	8,  8,	8,  8,	8,  8,	8,  40, 8,
    40, 8,  8,	0,  0,	0,  0,	0,  0,	16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16,
    16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 0,  0,	0,  0,	1};

static inline uint8_t scan_sat(size_t v)
{
	return v > 255 ? 255 : (uint8_t)v;
}

static int scan_grow(text_t *tx)
{
	size_t nc = tx->cap ? tx->cap * 2 : 1024;
	tok_t *p = mem_realloc(tx->tok, nc * sizeof *p);
	if (!p)
		return -1;
	tx->tok = p;
	tx->cap = nc;
	return 0;
}

/* The code point of the multi-byte sequence at s[*i] (lead byte >= 0x80),
 * advancing *i; with SCAN_CHECK, 0xFFFFFFFF for an invalid sequence
 * (overlong, surrogate, above U+10FFFF, truncated, stray continuation).
 * Two- and three-byte sequences (every Vietnamese letter) are decoded
 * without a loop, as they are nearly every multi-byte character read. */
static inline uint32_t scan_decode(const char *s, size_t len, size_t *i)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t p = *i;
	uint32_t c = u[p];
	if (!SCAN_CHECK)
		return chars_decode(s, len, i);
	if (c - 0xC2 <= 0xDF - 0xC2) {
		if (len - p < 2 || (u[p + 1] & 0xC0) != 0x80)
			return 0xFFFFFFFFu;
		*i = p + 2;
		return (c & 0x1F) << 6 | (u[p + 1] & 0x3F);
	}
	if (c - 0xE0 <= 0xEF - 0xE0) {
		if (len - p < 3)
			return 0xFFFFFFFFu;
		/* both continuation bytes (10xxxxxx) in one test */
		uint32_t y = u[p + 1] ^ 0x80u, z = u[p + 2] ^ 0x80u;
		if ((y | z) > 0x3F)
			return 0xFFFFFFFFu;
		c = (c & 0x0F) << 12 | y << 6 | z;
		if (c < 0x800 || (c >= 0xD800 && c <= 0xDFFF))
			return 0xFFFFFFFFu;
		*i = p + 3;
		return c;
	}
	if (c < 0xF0 || c > 0xF4 || len - p < 4)
		return 0xFFFFFFFFu;
	c &= 0x07;
	for (size_t k = 1; k <= 3; k++) {
		if ((u[p + k] & 0xC0) != 0x80)
			return 0xFFFFFFFFu;
		c = (c << 6) | (u[p + k] & 0x3F);
	}
	if (c < 0x10000 || c > 0x10FFFF)
		return 0xFFFFFFFFu;
	*i = p + 4;
	return c;
}

/* A code point that NFC may change: a combining mark or one outside the
 * blocks that never change (Latin below U+0300, Vietnamese U+1E00-U+1EFF,
 * general punctuation, currency). */
static inline int scan_nfc_risk(uint32_t c)
{
	return c >= 0x300 && !(c >= 0x1E00 && c <= 0x1EFF) && !(c >= 0x2010 && c <= 0x206F) &&
	       !(c >= 0x20A0 && c <= 0x20CF);
}

/* The lower-case key byte of an ASCII letter, with bit 7 set for an
 * upper-case one (no key byte below 0x80 has it), 0 for every other byte:
 * the word loop's one load per ASCII letter. */
static const unsigned char scan_lc[256] = {
    ['A'] = 0x80 | 'a', ['B'] = 0x80 | 'b', ['C'] = 0x80 | 'c', ['D'] = 0x80 | 'd',
    ['E'] = 0x80 | 'e', ['F'] = 0x80 | 'f', ['G'] = 0x80 | 'g', ['H'] = 0x80 | 'h',
    ['I'] = 0x80 | 'i', ['J'] = 0x80 | 'j', ['K'] = 0x80 | 'k', ['L'] = 0x80 | 'l',
    ['M'] = 0x80 | 'm', ['N'] = 0x80 | 'n', ['O'] = 0x80 | 'o', ['P'] = 0x80 | 'p',
    ['Q'] = 0x80 | 'q', ['R'] = 0x80 | 'r', ['S'] = 0x80 | 's', ['T'] = 0x80 | 't',
    ['U'] = 0x80 | 'u', ['V'] = 0x80 | 'v', ['W'] = 0x80 | 'w', ['X'] = 0x80 | 'x',
    ['Y'] = 0x80 | 'y', ['Z'] = 0x80 | 'z', ['a'] = 'a',	['b'] = 'b',
    ['c'] = 'c',	['d'] = 'd',	    ['e'] = 'e',	['f'] = 'f',
    ['g'] = 'g',	['h'] = 'h',	    ['i'] = 'i',	['j'] = 'j',
    ['k'] = 'k',	['l'] = 'l',	    ['m'] = 'm',	['n'] = 'n',
    ['o'] = 'o',	['p'] = 'p',	    ['q'] = 'q',	['r'] = 'r',
    ['s'] = 's',	['t'] = 't',	    ['u'] = 'u',	['v'] = 'v',
    ['w'] = 'w',	['x'] = 'x',	    ['y'] = 'y',	['z'] = 'z'};

/* Only the upper-case Roman digits I V X L C (CC_ROMAN is set for these
 * five alone, so a word is Roman when every byte of it is one). Asked
 * only of words without a lower-case letter, so rarely and of short ones. */
static int scan_roman(const unsigned char *p, size_t n)
{
	for (size_t k = 0; k < n; k++)
		if (p[k] >= 0x80 || !(scan_ascii[p[k]] & A_ROMAN))
			return 0;
	return 1;
}

/* Returns 0; -1 out of memory or over the budget; with SCAN_CHECK, 1 for
 * invalid UTF-8 or a NUL at byte *bad (*nul tells which), 2 when the text
 * needs NFC normalisation (the tokens are then incomplete; *bad is the
 * first code point NFC may change, the bytes before it valid UTF-8). */
static int scan_loop(text_t *tx, const char *s, size_t len, arena_t *arena, budget_t *budget,
		     size_t *bad, int *nul)
{
	const unsigned char *u = (const unsigned char *)s;
	memset(tx, 0, sizeof *tx);
	tx->budget = budget;
	tx->s = s;
	tx->len = len;
	tx->arena = arena;
	/* a token's key (with its tone digit and NUL) is at most 2.5 times its
	 * bytes; 8 bytes of slack past the last key for the zero padding the
	 * word-wise hash reads (text_hash_padded) and 4 for the fold copies */
	tx->keys = arena_alloc_raw(arena, len * 3 + 16);
	if (!tx->keys)
		return -1;
	/* most texts have a token per 4 bytes or more: one allocation, not a
	 * doubling series of copies */
	tx->cap = len / 4 + 64;
	tx->tok = mem_malloc(tx->cap * sizeof *tx->tok);
	if (!tx->tok) {
		tx->cap = 0;
		return -1;
	}
	/* the token count in a local, not through tx: the stores into the
	 * tokens would make the compiler reload it at each one */
	char *keys = tx->keys;
	tok_t *tokv = tx->tok;
	size_t ko = 0, i = 0, n = 0, cap = tx->cap;
	unsigned pend = 0;
	int rc = 0;
	struct char_info slow;
	while (i < len) {
		size_t st = i;
		unsigned b = u[i];
		const struct char_info *ci = NULL;
		uint32_t c = b;
		unsigned kind;
		if (b < 0x80) {
			unsigned a = scan_ascii[b];
			if (a & A_SPACE) {
				if (SCAN_CHECK && !b) {
					*bad = i;
					*nul = 1;
					rc = 1;
					goto out;
				}
				pend |= TF_SPACE | (a & A_NL ? TF_NL : 0);
				i++;
				continue;
			}
			/* a first ASCII letter is read by the word loop below */
			kind = a & (A_UPPER | A_LOWER) ? TK_WORD : a & A_DIGIT ? TK_NUM : TK_PUNCT;
			i += kind != TK_WORD;
		} else {
			c = scan_decode(s, len, &i);
			if (SCAN_CHECK && c == 0xFFFFFFFFu) {
				*bad = i;
				*nul = 0;
				rc = 1;
				goto out;
			}
			if (SCAN_CHECK && scan_nfc_risk(c)) {
				*bad = st;
				rc = 2;
				goto out;
			}
			ci = chars_info(c, &slow);
			if (ci->cls & CC_SPACE) {
				pend |= TF_SPACE | (ci->cls & CC_NL ? TF_NL : 0);
				continue;
			}
			kind = ci->cls & CC_LETTER ? TK_WORD : TK_PUNCT;
		}
		if (n + 1 >= cap) {
			if (scan_grow(tx)) {
				rc = -1;
				goto out;
			}
			tokv = tx->tok;
			cap = tx->cap;
		}
		if (!(n & 255) && budget_check(budget)) {
			rc = -1;
			goto out;
		}
		tok_t *t = &tokv[n];
		t->start = (uint32_t)st;
		t->flags = (uint8_t)pend;
		t->ndig = t->nup = t->nlow = 0;
		t->val = 0;
		t->kind = (uint8_t)kind;
		pend = 0;
		size_t k0 = ko;
		int keyless = 0;
		if (kind == TK_WORD) {
			/* ul counts the upper-case letters (low half) and the
			 * lower-case ones (high half); cs is 0 before the first
			 * cased letter, then 2 when it is upper case, 1 when not:
			 * few live variables, so the letter loop stays in
			 * registers */
			uint64_t ul = 0;
			unsigned tone = 0, cs = 0;
			for (;;) {
				if (ci) {
					unsigned cls = ci->cls;
					if (cls & (CC_UPPER | CC_LOWER)) {
						if (!cs)
							cs = 1 + ((cls & CC_UPPER) != 0);
						ul += cls & CC_UPPER ? 1 : (uint64_t)1 << 32;
					}
					if (ci->tone)
						tone = ci->tone;
					/* fold is 4 bytes, the key buffer has slack */
					__builtin_memcpy(keys + ko, ci->fold, 4);
					ko += ci->flen;
				}
				/* a run of ASCII letters: one table load each */
				size_t r0 = i, rup = 0;
				while (i < len) {
					unsigned l = scan_lc[u[i]];
					if (!l)
						break;
					keys[ko++] = (char)(l & 0x7F);
					rup += l >> 7;
					i++;
				}
				if (i > r0) {
					if (!cs)
						cs = 1 + (u[r0] < 'a');
					ul += rup + ((uint64_t)(i - r0 - rup) << 32);
				}
				if (i >= len || u[i] < 0x80)
					break;
				size_t j = i;
				uint32_t d = scan_decode(s, len, &j);
				if (SCAN_CHECK && d == 0xFFFFFFFFu) {
					*bad = i;
					*nul = 0;
					rc = 1;
					goto out;
				}
				if (SCAN_CHECK && scan_nfc_risk(d)) {
					*bad = i;
					rc = 2;
					goto out;
				}
				const struct char_info *di = chars_info(d, &slow);
				if (!(di->cls & CC_LETTER))
					break;
				i = j;
				ci = di;
			}
			if (tone)
				keys[ko++] = (char)('0' + tone);
			uint32_t up = (uint32_t)ul, low = (uint32_t)(ul >> 32);
			t->nup = scan_sat(up);
			t->nlow = scan_sat(low);
			if (cs == 2)
				t->flags |= TF_CAP;
			if (up && !low) {
				t->flags |= TF_UPPER;
				if (scan_roman(u + st, i - st))
					t->flags |= TF_ROMAN;
			}
			if (ko - k0 > SCAN_KEY_MAX) {
				ko = k0; /* too long for any lexicon: no key */
				keyless = 1;
			}
		} else if (kind == TK_NUM) {
			uint32_t v = c - '0';
			unsigned nd = 1;
			keys[ko++] = (char)c;
			while (i < len && (unsigned)(u[i] - '0') <= 9u) {
				if (v < 100000000)
					v = v * 10 + (uint32_t)(u[i] - '0');
				if (nd < SCAN_KEY_MAX)
					keys[ko++] = (char)u[i];
				nd++;
				i++;
			}
			t->val = v;
			t->ndig = scan_sat(nd);
		} else {
			t->val = c;
			if (!ci) {
				keys[ko++] = (char)b;
			} else {
				__builtin_memcpy(keys + ko, ci->fold, 4);
				ko += ci->flen;
			}
		}
		/* the key's NUL and the zero bytes the word-wise hash reads past
		 * it (the next key overwrites them) */
		__builtin_memset(keys + ko, 0, 8);
		uint32_t h = keyless ? 0 : text_hash_padded(keys + k0, ko - k0);
		t->end = (uint32_t)i;
		t->key = (uint32_t)k0;
		t->klen = (uint8_t)(ko - k0);
		t->hash = h;
		t->kw = t->klen ? SCAN_KW(keys + k0, ko - k0, h) : 0;
		ko++;
		n++;
		/* the one space after a word, without a turn of the loop */
		if (i < len && u[i] == ' ') {
			pend = TF_SPACE;
			i++;
		}
	}
	tx->n = n;
	if (n + 1 > tx->cap && scan_grow(tx))
		return -1;
	tok_t *e = &tx->tok[n];
	memset(e, 0, sizeof *e);
	e->start = e->end = (uint32_t)len;
	e->kind = TK_END;
	e->flags = TF_SPACE | TF_NL;
	e->key = (uint32_t)ko;
	keys[ko++] = '\0';
	tx->keys_len = ko;
	tx->kw_done = SCAN_CHECK;
	return 0;
out:
	tx->n = n;
	return rc;
}
