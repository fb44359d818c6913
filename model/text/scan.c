/* The tokenizer: one pass over the text, the character table for classes
 * and folding (no utf8proc call for Vietnamese), keys and their hashes built
 * as the letters are read. */
#include <stdlib.h>
#include <string.h>

#include "model/text/chars.h"
#include "model/text/text.h"
#include "model/mem.h"

#define KEY_MAX 63 /* longer words get no key: no lexicon has such a word */

static int grow(text_t *tx)
{
	size_t nc = tx->cap ? tx->cap * 2 : 1024;
	tok_t *p = mem_realloc(tx->tok, nc * sizeof *p);
	if (!p)
		return -1;
	tx->tok = p;
	tx->cap = nc;
	return 0;
}

static inline uint8_t sat(unsigned v)
{
	return v > 255 ? 255 : (uint8_t)v;
}

int text_scan(text_t *tx, const char *s, size_t len, arena_t *arena, budget_t *budget)
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
		uint32_t c = chars_decode(s, len, &i);
		const struct char_info *ci = chars_info(c, &slow);
		if (ci->cls & CC_SPACE) {
			pend |= TF_SPACE | (ci->cls & CC_NL ? TF_NL : 0);
			continue;
		}
		if (tx->n + 1 >= tx->cap && grow(tx))
			return -1;
		if (budget_check(tx->budget))
			return -1;
		tok_t *t = &tx->tok[tx->n];
		t->start = (uint32_t)st;
		t->flags = (uint8_t)pend;
		t->kw = 0;
		t->ndig = t->nup = t->nlow = 0;
		pend = 0;
		size_t k0 = ko;
		uint32_t h = 2166136261u;
		if (ci->cls & CC_DIGIT) {
			uint32_t v = c - '0';
			unsigned nd = 1;
			keys[ko++] = (char)c;
			h = (h ^ (unsigned char)c) * 16777619u;
			while (i < len && s[i] >= '0' && s[i] <= '9') {
				if (v < 100000000)
					v = v * 10 + (uint32_t)(s[i] - '0');
				if (nd < KEY_MAX) {
					keys[ko++] = s[i];
					h = (h ^ (unsigned char)s[i]) * 16777619u;
				}
				nd++;
				i++;
			}
			t->kind = TK_NUM;
			t->val = v;
			t->ndig = sat(nd);
		} else if (ci->cls & CC_LETTER) {
			unsigned up = 0, low = 0, tone = 0, roman = 1, cased = 0, cap = 0;
			for (;;) {
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
				/* the rest of the word: ASCII letters without a table
				 * lookup, other letters through the table */
				while (i < len) {
					unsigned char b = (unsigned char)s[i];
					unsigned char l = (unsigned char)(b | 0x20);
					if (b >= 0x80 || l < 'a' || l > 'z')
						break;
					i++;
					if (b < 'a') {
						up++;
						roman &= b == 'I' || b == 'V' || b == 'X' || b == 'L' ||
							 b == 'C';
					} else {
						low++;
						roman = 0;
					}
					keys[ko++] = (char)l;
					h = (h ^ l) * 16777619u;
				}
				if (i >= len || (unsigned char)s[i] < 0x80)
					break;
				size_t j = i;
				uint32_t d = chars_decode(s, len, &j);
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
			t->nup = sat(up);
			t->nlow = sat(low);
			if (cap)
				t->flags |= TF_CAP;
			if (up && !low)
				t->flags |= TF_UPPER;
			if (roman && up)
				t->flags |= TF_ROMAN;
			if (ko - k0 > KEY_MAX) {
				ko = k0; /* too long for any lexicon: no key */
				h = 0;
			}
		} else {
			t->kind = TK_PUNCT;
			t->val = c;
			for (unsigned k = 0; k < ci->flen; k++) {
				keys[ko++] = ci->fold[k];
				h = (h ^ (unsigned char)ci->fold[k]) * 16777619u;
			}
		}
		t->end = (uint32_t)i;
		t->key = (uint32_t)k0;
		t->klen = (uint8_t)(ko - k0);
		t->hash = h;
		keys[ko++] = '\0';
		tx->n++;
	}
	if (tx->n + 1 > tx->cap && grow(tx))
		return -1;
	tok_t *e = &tx->tok[tx->n];
	memset(e, 0, sizeof *e);
	e->start = e->end = (uint32_t)len;
	e->kind = TK_END;
	e->flags = TF_SPACE | TF_NL;
	e->key = (uint32_t)ko;
	keys[ko++] = '\0';
	tx->keys_len = ko;
	return 0;
}

void text_free(text_t *tx)
{
	free(tx->tok);
	free(tx->hit_at);
	free(tx->hit);
	free(tx->lexmask);
	tx->tok = NULL;
	tx->hit_at = NULL;
	tx->hit = NULL;
	tx->lexmask = NULL;
	tx->n = tx->cap = 0;
}

size_t text_tok_at(const text_t *tx, size_t off)
{
	size_t lo = 0, hi = tx->n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (tx->tok[mid].start < off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}
