/* Internal: the tokenizer's loop, shared by text_scan() (model/text/scan.c:
 * text known to be valid NFC, no vocabulary) and tag_scan_input()
 * (model/tag/input.c: the request's bytes, checked as they are read, with
 * the keyword id of each token looked up while its key is fresh). The
 * including file defines SCAN_CHECK (0 or 1) and SCAN_KW(key, len, hash).
 *
 * One pass: ASCII through a 128-entry class table, other code points
 * decoded once and classed by the character table; each word's key and its
 * hash are built as its letters are read. */
#include <string.h>

#include "model/text/chars.h"
#include "model/text/text.h"

#define SCAN_KEY_MAX 63 /* longer words get no key: no lexicon has such a word */

enum { A_SPACE = 1, A_NL = 2, A_DIGIT = 4, A_UPPER = 8, A_LOWER = 16, A_ROMAN = 32 };

/* ASCII classes: controls and ' ' are blanks (\n and \r line breaks). */
static const unsigned char scan_ascii[128] = {
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 3, 1, 1, 3, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 0, 0, 0, 0, 0, 0,
    0, 8, 8, 40, 8, 8, 8, 8, 8, 40, 8, 8, 40, 8, 8, 8, 8, 8, 8, 8, 8, 8, 40, 8, 40, 8, 8, 0, 0, 0, 0, 0,
    0, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16,
    16, 16, 16, 0, 0, 0, 0, 1};

static inline uint8_t scan_sat(unsigned v)
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
 * (overlong, surrogate, above U+10FFFF, truncated, stray continuation). */
static inline uint32_t scan_decode(const char *s, size_t len, size_t *i)
{
	const unsigned char *u = (const unsigned char *)s;
	uint32_t c = u[*i];
	if (!SCAN_CHECK)
		return chars_decode(s, len, i);
	size_t n;
	uint32_t min;
	if (c >= 0xC2 && c <= 0xDF)
		n = 1, c &= 0x1F, min = 0x80;
	else if (c >= 0xE0 && c <= 0xEF)
		n = 2, c &= 0x0F, min = 0x800;
	else if (c >= 0xF0 && c <= 0xF4)
		n = 3, c &= 0x07, min = 0x10000;
	else
		return 0xFFFFFFFFu;
	if (len - *i <= n)
		return 0xFFFFFFFFu;
	for (size_t k = 1; k <= n; k++) {
		if ((u[*i + k] & 0xC0) != 0x80)
			return 0xFFFFFFFFu;
		c = (c << 6) | (u[*i + k] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return 0xFFFFFFFFu;
	*i += n + 1;
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

/* Returns 0; -1 out of memory or over the budget; with SCAN_CHECK, 1 for
 * invalid UTF-8 or a NUL at byte *bad (*nul tells which), 2 when the text
 * needs NFC normalisation (the tokens are then incomplete). */
static int scan_loop(text_t *tx, const char *s, size_t len, arena_t *arena, budget_t *budget,
		     size_t *bad, int *nul)
{
	memset(tx, 0, sizeof *tx);
	tx->budget = budget;
	tx->s = s;
	tx->len = len;
	tx->arena = arena;
	/* a key is never longer than its token plus the tone digit */
	tx->keys = arena_alloc_raw(arena, len * 2 + 16);
	if (!tx->keys)
		return -1;
	char *keys = tx->keys;
	size_t ko = 0, i = 0;
	unsigned pend = 0;
	struct char_info slow;
	while (i < len) {
		size_t st = i;
		unsigned char b = (unsigned char)s[i];
		const struct char_info *ci = NULL;
		uint32_t c = b;
		unsigned a = 0;
		if (b < 0x80) {
			a = scan_ascii[b];
			if (a & A_SPACE) {
				if (SCAN_CHECK && !b) {
					*bad = i;
					*nul = 1;
					return 1;
				}
				pend |= TF_SPACE | (a & A_NL ? TF_NL : 0);
				i++;
				continue;
			}
			i++;
		} else {
			c = scan_decode(s, len, &i);
			if (SCAN_CHECK && c == 0xFFFFFFFFu) {
				*bad = i;
				*nul = 0;
				return 1;
			}
			if (SCAN_CHECK && scan_nfc_risk(c))
				return 2;
			ci = chars_info(c, &slow);
			if (ci->cls & CC_SPACE) {
				pend |= TF_SPACE | (ci->cls & CC_NL ? TF_NL : 0);
				continue;
			}
		}
		if (tx->n + 1 >= tx->cap && scan_grow(tx))
			return -1;
		if (!(tx->n & 255) && budget_check(budget))
			return -1;
		tok_t *t = &tx->tok[tx->n];
		t->start = (uint32_t)st;
		t->flags = (uint8_t)pend;
		t->ndig = t->nup = t->nlow = 0;
		pend = 0;
		size_t k0 = ko;
		uint32_t h = 2166136261u;
		if (a & A_DIGIT) {
			uint32_t v = c - '0';
			unsigned nd = 1;
			keys[ko++] = (char)c;
			h = (h ^ c) * 16777619u;
			while (i < len && s[i] >= '0' && s[i] <= '9') {
				if (v < 100000000)
					v = v * 10 + (uint32_t)(s[i] - '0');
				if (nd < SCAN_KEY_MAX) {
					keys[ko++] = s[i];
					h = (h ^ (unsigned char)s[i]) * 16777619u;
				}
				nd++;
				i++;
			}
			t->kind = TK_NUM;
			t->val = v;
			t->ndig = scan_sat(nd);
		} else if ((a & (A_UPPER | A_LOWER)) || (ci && (ci->cls & CC_LETTER))) {
			unsigned up = 0, low = 0, tone = 0, roman = 1, cased = 0, cap = 0;
			if (a) { /* an ASCII letter first */
				cased = 1;
				cap = (a & A_UPPER) != 0;
				up = cap;
				low = !cap;
				roman = (a & A_ROMAN) != 0;
				keys[ko++] = (char)(b | 0x20);
				h = (h ^ (unsigned char)(b | 0x20)) * 16777619u;
			}
			for (;;) {
				if (ci) {
					unsigned cls = ci->cls;
					if (cls & (CC_UPPER | CC_LOWER)) {
						if (!cased)
							cap = (cls & CC_UPPER) != 0;
						cased = 1;
						up += (cls & CC_UPPER) != 0;
						low += (cls & CC_LOWER) != 0;
					}
					roman &= (cls & CC_ROMAN) != 0;
					if (ci->tone)
						tone = ci->tone;
					for (unsigned k = 0; k < ci->flen; k++) {
						keys[ko++] = ci->fold[k];
						h = (h ^ (unsigned char)ci->fold[k]) * 16777619u;
					}
				}
				/* ASCII letters without a table lookup */
				while (i < len) {
					unsigned char x = (unsigned char)s[i];
					unsigned ax = x < 0x80 ? scan_ascii[x] : 0;
					if (!(ax & (A_UPPER | A_LOWER)))
						break;
					i++;
					up += (ax & A_UPPER) != 0;
					low += (ax & A_LOWER) != 0;
					roman &= (ax & A_ROMAN) != 0;
					keys[ko++] = (char)(x | 0x20);
					h = (h ^ (unsigned char)(x | 0x20)) * 16777619u;
				}
				if (i >= len || (unsigned char)s[i] < 0x80)
					break;
				size_t j = i;
				uint32_t d = scan_decode(s, len, &j);
				if (SCAN_CHECK && d == 0xFFFFFFFFu) {
					*bad = i;
					*nul = 0;
					return 1;
				}
				if (SCAN_CHECK && scan_nfc_risk(d))
					return 2;
				const struct char_info *di = chars_info(d, &slow);
				if (!(di->cls & CC_LETTER))
					break;
				i = j;
				ci = di;
			}
			if (tone) {
				keys[ko++] = (char)('0' + tone);
				h = (h ^ (unsigned char)('0' + tone)) * 16777619u;
			}
			t->kind = TK_WORD;
			t->nup = scan_sat(up);
			t->nlow = scan_sat(low);
			if (cap)
				t->flags |= TF_CAP;
			if (up && !low)
				t->flags |= TF_UPPER;
			if (roman && up)
				t->flags |= TF_ROMAN;
			if (ko - k0 > SCAN_KEY_MAX) {
				ko = k0; /* too long for any lexicon: no key */
				h = 0;
			}
		} else {
			t->kind = TK_PUNCT;
			t->val = c;
			if (!ci) {
				keys[ko++] = (char)b;
				h = (h ^ b) * 16777619u;
			} else {
				for (unsigned k = 0; k < ci->flen; k++) {
					keys[ko++] = ci->fold[k];
					h = (h ^ (unsigned char)ci->fold[k]) * 16777619u;
				}
			}
		}
		t->end = (uint32_t)i;
		t->key = (uint32_t)k0;
		t->klen = (uint8_t)(ko - k0);
		t->hash = h;
		t->kw = t->klen ? SCAN_KW(keys + k0, ko - k0, h) : 0;
		keys[ko++] = '\0';
		tx->n++;
	}
	if (tx->n + 1 > tx->cap && scan_grow(tx))
		return -1;
	tok_t *e = &tx->tok[tx->n];
	memset(e, 0, sizeof *e);
	e->start = e->end = (uint32_t)len;
	e->kind = TK_END;
	e->flags = TF_SPACE | TF_NL;
	e->key = (uint32_t)ko;
	keys[ko++] = '\0';
	tx->keys_len = ko;
	tx->kw_done = SCAN_CHECK;
	return 0;
}
