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

/* The character entry of the multi-byte sequence at u[p] (u[p] >= 0x80),
 * its code point at *cp and its end at *next; NULL with SCAN_CHECK for an
 * invalid sequence (*err 1) or a code point NFC may change (*err 2).
 * Nearly every such letter of Vietnamese text is a two-byte sequence
 * below U+0800 or a three-byte one of U+1E00-U+1EFF (lead E1, second byte
 * B8-BB): those are read here without the generic decoder, and their NFC
 * test is a byte compare (a two-byte code point is U+0300 or above exactly
 * when its lead is CC or above, and those leads take the generic path
 * when checking; U+1E00-U+1EFF never changes). Every other sequence takes
 * the generic path, so both agree byte for byte. The code point is the
 * bytes shifted and added, less the sum of their marker bits (C0 80 for
 * two bytes, E0 80 80 for three), which is one constant. */
static inline const struct char_info *scan_mb(const unsigned char *p, const unsigned char *e,
					      const unsigned char **next, uint32_t *cp, int *err,
					      struct char_info *slow)
{
	unsigned b = p[0];
	size_t left = (size_t)(e - p);
	unsigned lead2_max = SCAN_CHECK ? 0xCB : 0xDF;
	if (b - 0xC2u <= lead2_max - 0xC2u && left >= 2 && (p[1] & 0xC0) == 0x80) {
		uint32_t c = (b << 6) + p[1] - 0x3080;
		*cp = c;
		*next = p + 2;
		return &chars_table[c];
	}
	if (b == 0xE1 && left >= 3 && (p[1] & 0xFC) == 0xB8 && (p[2] & 0xC0) == 0x80) {
		/* the lead adds 1 << 12, the markers 0x80 << 6 and 0x80 come off */
		uint32_t c = ((uint32_t)p[1] << 6) + p[2] - 0x1080;
		*cp = c;
		*next = p + 3;
		return &chars_table[c];
	}
	size_t j = 0;
	uint32_t c = scan_decode((const char *)p, left, &j);
	if (SCAN_CHECK && c == 0xFFFFFFFFu) {
		*err = 1;
		return NULL;
	}
	if (SCAN_CHECK && scan_nfc_risk(c)) {
		*err = 2;
		return NULL;
	}
	*cp = c;
	*next = p + j;
	return chars_info(c, slow);
}

/* What an ASCII byte adds to a word's letter counts (ul in scan_loop: the
 * upper-case letters in the low half, the lower-case ones in the high
 * half), 0 for a byte that is not a letter: the word loop's one load per
 * ASCII letter, which is also its letter test (the key byte is then the
 * letter | 0x20). */
#define SCAN_UP 1ull
#define SCAN_LOW (1ull << 32)
static const uint64_t scan_ul[256] = {
    ['A' ... 'Z'] = SCAN_UP,
    ['a' ... 'z'] = SCAN_LOW,
};

/* The same for another letter, by its class's case bits (a letter with
 * both counts as upper case). */
static const uint64_t scan_case_ul[(CC_UPPER | CC_LOWER) + 1] = {
    [CC_UPPER] = SCAN_UP,
    [CC_LOWER] = SCAN_LOW,
    [CC_UPPER | CC_LOWER] = SCAN_UP,
};

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

/* The case bit (CC_UPPER or CC_LOWER) of the first cased letter of the
 * word p[0..e) (valid UTF-8), 0 when none: asked only of words whose first
 * letter has no case, so rarely. */
__attribute__((noinline)) static unsigned
scan_first_case(const unsigned char *p, const unsigned char *e, struct char_info *slow)
{
	while (p < e) {
		if (*p < 0x80)
			return *p < 'a' ? CC_UPPER : CC_LOWER;
		size_t j = 0;
		uint32_t c = chars_decode((const char *)p, (size_t)(e - p), &j);
		unsigned cls = chars_info(c, slow)->cls & (CC_UPPER | CC_LOWER);
		if (cls)
			return cls;
		p += j;
	}
	return 0;
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
	/* everything the loop moves in locals, and pointers rather than
	 * indexes (the text at p, the keys at kp), so that the letter loops
	 * stay in registers; the stores into the tokens would otherwise make
	 * the compiler reload what it reads through tx */
	char *const keys = tx->keys;
	char *kp = keys;
	const unsigned char *p = u, *const e = u + len, *st = u;
	/* the next token, and the one at which the array must grow or the
	 * budget be polled (every 256 tokens): one compare per token for both */
	tok_t *t = tx->tok, *tlim = t;
	unsigned pend = 0;
	int rc = 0, err = 0;
	struct char_info slow;
	while (p < e) {
		st = p;
		unsigned b = *p;
		const struct char_info *ci = NULL;
		uint32_t c = b;
		unsigned kind;
		if (b < 0x80) {
			unsigned a = scan_ascii[b];
			if (a & A_SPACE) {
				if (SCAN_CHECK && !b) {
					*bad = (size_t)(p - u);
					*nul = 1;
					rc = 1;
					goto out;
				}
				pend |= TF_SPACE | (a & A_NL ? TF_NL : 0);
				p++;
				continue;
			}
			/* a first ASCII letter is read by the word loop below */
			kind = a & (A_UPPER | A_LOWER) ? TK_WORD : a & A_DIGIT ? TK_NUM : TK_PUNCT;
			p += kind != TK_WORD;
		} else {
			ci = scan_mb(p, e, &p, &c, &err, &slow);
			if (SCAN_CHECK && !ci)
				goto bad_at_st;
			if (ci->cls & CC_SPACE) {
				pend |= TF_SPACE | (ci->cls & CC_NL ? TF_NL : 0);
				continue;
			}
			kind = ci->cls & CC_LETTER ? TK_WORD : TK_PUNCT;
		}
		if (t >= tlim) {
			size_t n = (size_t)(t - tx->tok);
			if (n + 1 >= tx->cap) {
				if (scan_grow(tx)) {
					rc = -1;
					goto out;
				}
				t = tx->tok + n;
			}
			if (!(n & 255) && budget_check(budget)) {
				rc = -1;
				goto out;
			}
			size_t lim = (n | 255) + 1;
			if (lim > tx->cap - 1)
				lim = tx->cap - 1;
			tlim = tx->tok + lim;
		}
		/* the fields known now are stored now, so that they do not
		 * stay live across the letter loop */
		t->start = (uint32_t)(st - u);
		t->key = (uint32_t)(kp - keys);
		t->kind = (uint8_t)kind;
		unsigned flags = pend;
		pend = 0;
		char *k0 = kp;
		if (kind == TK_WORD) {
			/* ul counts the upper-case letters (low half) and the
			 * lower-case ones (high half) */
			uint64_t ul = 0;
			unsigned tone = 0;
			/* the case of the first letter (TF_CAP), known now but for
			 * a word that starts with an uncased letter or a mark */
			unsigned fc = ci	? ci->cls & (CC_UPPER | CC_LOWER)
				      : b < 'a' ? CC_UPPER
						: CC_LOWER;
			for (;;) {
				if (ci) {
					ul += scan_case_ul[ci->cls & (CC_UPPER | CC_LOWER)];
					if (ci->tone)
						tone = ci->tone;
					/* fold is 4 bytes, the key buffer has slack */
					__builtin_memcpy(kp, ci->fold, 4);
					kp += ci->flen;
				}
				/* a run of ASCII letters: one table load each, the
				 * key written at the same offset as its letter */
				size_t r = 0, rmax = (size_t)(e - p);
				while (r < rmax) {
					unsigned x = p[r];
					uint64_t w = scan_ul[x];
					if (!w)
						break;
					kp[r] = (char)(x | 0x20);
					ul += w;
					r++;
				}
				p += r;
				kp += r;
				if (p >= e || *p < 0x80)
					break;
				const unsigned char *q;
				uint32_t d;
				const struct char_info *di = scan_mb(p, e, &q, &d, &err, &slow);
				if (SCAN_CHECK && !di) {
					st = p;
					goto bad_at_st;
				}
				if (!(di->cls & CC_LETTER))
					break;
				p = q;
				ci = di;
			}
			if (tone)
				*kp++ = (char)('0' + tone);
			uint32_t up = (uint32_t)ul, low = (uint32_t)(ul >> 32);
			t->val = 0;
			t->ndig = 0;
			if (__builtin_expect(!(ul & 0xFFFFFF00FFFFFF00ull), 1)) {
				t->nup = (uint8_t)up;
				t->nlow = (uint8_t)low;
			} else {
				t->nup = scan_sat(up);
				t->nlow = scan_sat(low);
			}
			if (__builtin_expect(!fc, 0))
				fc = scan_first_case(st, p, &slow);
			if (fc & CC_UPPER)
				flags |= TF_CAP;
			if (up && !low) {
				flags |= TF_UPPER;
				if (scan_roman(st, (size_t)(p - st)))
					flags |= TF_ROMAN;
			}
			t->flags = (uint8_t)flags;
			if (kp - k0 > SCAN_KEY_MAX)
				kp = k0; /* too long for any lexicon: no key */
		} else if (kind == TK_NUM) {
			uint32_t v = c - '0';
			unsigned nd = 1;
			*kp++ = (char)c;
			while (p < e && (unsigned)(*p - '0') <= 9u) {
				if (v < 100000000)
					v = v * 10 + (uint32_t)(*p - '0');
				if (nd < SCAN_KEY_MAX)
					*kp++ = (char)*p;
				nd++;
				p++;
			}
			t->val = v;
			t->flags = (uint8_t)flags;
			t->ndig = scan_sat(nd);
			t->nup = t->nlow = 0;
		} else {
			t->val = c;
			t->flags = (uint8_t)flags;
			t->ndig = t->nup = t->nlow = 0;
			if (!ci) {
				*kp++ = (char)b;
			} else {
				__builtin_memcpy(kp, ci->fold, 4);
				kp += ci->flen;
			}
		}
		/* the key's NUL and the zero bytes the word-wise hash reads past
		 * it (the next key overwrites them) */
		__builtin_memset(kp, 0, 8);
		size_t klen = (size_t)(kp - k0);
		uint32_t h = 0;
		uint16_t kw = 0;
		if (klen) {
			h = text_hash_padded(k0, klen);
			kw = SCAN_KW(k0, klen, h);
		}
		t->end = (uint32_t)(p - u);
		t->hash = h;
		t->kw = kw;
		t->klen = (uint8_t)klen;
		kp++;
		t++;
		/* the one space after a word, without a turn of the loop */
		if (p < e && *p == ' ') {
			pend = TF_SPACE;
			p++;
		}
	}
	size_t n = (size_t)(t - tx->tok);
	tx->n = n;
	if (n + 1 > tx->cap && scan_grow(tx))
		return -1;
	size_t ko = (size_t)(kp - keys);
	tok_t *te = &tx->tok[n];
	memset(te, 0, sizeof *te);
	te->start = te->end = (uint32_t)len;
	te->kind = TK_END;
	te->flags = TF_SPACE | TF_NL;
	te->key = (uint32_t)ko;
	keys[ko++] = '\0';
	tx->keys_len = ko;
	tx->kw_done = SCAN_CHECK;
	return 0;
bad_at_st:
	/* the sequence at st is invalid (err 1) or may change under NFC */
	*bad = (size_t)(st - u);
	if (err == 1)
		*nul = 0;
	rc = err;
out:
	tx->n = (size_t)(t - tx->tok);
	return rc;
}
