#include "tokens.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "normalize.h"

/* Per code point U+00C0..U+1EFF: the lower-case letter without tone mark
 * (UTF-8), and the tone. Built once from utf8proc's decompositions. */
struct foldent {
	char s[4];
	uint8_t n;
	uint8_t tone;
	uint8_t upper;
	uint8_t letter;
};

#define FOLD_LO 0xC0
#define FOLD_HI 0x1F00
static struct foldent fold_tab[FOLD_HI - FOLD_LO];

/* canonical decompositions of U+00C0..U+1EFF (of the code point, and of its
 * lower case), so the recognisers need not call utf8proc per character */
struct decoent {
	int32_t d[4], dl[4];
	uint8_t n, nl;
};
static struct decoent deco_tab[FOLD_HI - FOLD_LO];
static pthread_once_t fold_once = PTHREAD_ONCE_INIT;

static int tone_of(utf8proc_int32_t m)
{
	switch (m) {
	case 0x301:
		return 1;
	case 0x300:
		return 2;
	case 0x309:
		return 3;
	case 0x303:
		return 4;
	case 0x323:
		return 5;
	}
	return 0;
}

static void fold_build(void)
{
	for (uint32_t c = FOLD_LO; c < FOLD_HI; c++) {
		struct foldent *e = &fold_tab[c - FOLD_LO];
		const utf8proc_property_t *p = utf8proc_get_property((utf8proc_int32_t)c);
		e->letter = p->category >= UTF8PROC_CATEGORY_LU && p->category <= UTF8PROC_CATEGORY_LO;
		e->upper = p->category == UTF8PROC_CATEGORY_LU;
		utf8proc_int32_t lc = utf8proc_tolower((utf8proc_int32_t)c);
		utf8proc_int32_t buf[8];
		int lb;
		utf8proc_ssize_t n = utf8proc_decompose_char(lc, buf, 8, UTF8PROC_DECOMPOSE, &lb);
		utf8proc_int32_t keep[8];
		int nk = 0;
		for (utf8proc_ssize_t k = 0; k < n && k < 8; k++) {
			int t = tone_of(buf[k]);
			if (t && k > 0)
				e->tone = (uint8_t)t;
			else
				keep[nk++] = buf[k];
		}
		/* recompose the base with its non-tone marks (â, ơ, ư, ă) */
		utf8proc_uint8_t tmp[32];
		utf8proc_ssize_t tl = 0;
		for (int k = 0; k < nk; k++)
			tl += utf8proc_encode_char(keep[k], tmp + tl);
		utf8proc_uint8_t *out = NULL;
		utf8proc_ssize_t ol =
		    utf8proc_map(tmp, tl, &out, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
		if (ol > 0 && ol <= 3) {
			memcpy(e->s, out, (size_t)ol);
			e->n = (uint8_t)ol;
		} else {
			e->n = (uint8_t)utf8proc_encode_char(lc, (utf8proc_uint8_t *)e->s);
			e->tone = 0;
		}
		free(out);
	}
	for (uint32_t c = FOLD_LO; c < FOLD_HI; c++) {
		struct decoent *e = &deco_tab[c - FOLD_LO];
		int lb;
		utf8proc_ssize_t n = utf8proc_decompose_char((utf8proc_int32_t)c, e->d, 4,
							     UTF8PROC_DECOMPOSE, &lb);
		e->n = n > 0 && n <= 4 ? (uint8_t)n : 0;
		n = utf8proc_decompose_char((utf8proc_int32_t)c, e->dl, 4,
					    UTF8PROC_DECOMPOSE | UTF8PROC_CASEFOLD, &lb);
		e->nl = n > 0 && n <= 4 ? (uint8_t)n : 0;
	}
	/* Ð (U+00D0, Icelandic eth) is typed for Đ in some texts */
	struct foldent *eth = &fold_tab[0xD0 - FOLD_LO];
	memcpy(eth->s, "\xc4\x91", 2);
	eth->n = 2;
}

void fold_init(void)
{
	pthread_once(&fold_once, fold_build);
}

long fold_decompose(int32_t cp, int32_t *out, long cap, int casefold)
{
	if (cp >= FOLD_LO && cp < FOLD_HI) {
		fold_init();
		const struct decoent *e = &deco_tab[cp - FOLD_LO];
		int n = casefold ? e->nl : e->n;
		if (n && n <= cap) {
			memcpy(out, casefold ? e->dl : e->d, (size_t)n * sizeof *out);
			return n;
		}
	}
	int lb;
	return (long)utf8proc_decompose_char(
	    cp, out, cap, UTF8PROC_DECOMPOSE | (casefold ? UTF8PROC_CASEFOLD : 0), &lb);
}

static int is_letter_cp(uint32_t c, int *upper)
{
	if (c < 0x80) {
		*upper = c >= 'A' && c <= 'Z';
		return (c | 32) >= 'a' && (c | 32) <= 'z';
	}
	if (c >= FOLD_LO && c < FOLD_HI) {
		*upper = fold_tab[c - FOLD_LO].upper;
		return fold_tab[c - FOLD_LO].letter || (c >= 0x300 && c < 0x370);
	}
	const utf8proc_property_t *p = utf8proc_get_property((utf8proc_int32_t)c);
	*upper = p->category == UTF8PROC_CATEGORY_LU;
	return p->category >= UTF8PROC_CATEGORY_LU && p->category <= UTF8PROC_CATEGORY_ME;
}

uint32_t fold_hash(const char *s, size_t n)
{
	uint32_t h = 2166136261u;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h;
}

size_t fold_word(const char *s, size_t len, char *out)
{
	fold_init();
	size_t i = 0, o = 0;
	int tone = 0;
	while (i < len) {
		uint32_t c = utf8_next(s, len, &i);
		if (c < 0x80) {
			out[o++] = (char)((c >= 'A' && c <= 'Z') ? c + 32 : c);
		} else if (c >= 0x300 && c < 0x370) {
			int t = tone_of((utf8proc_int32_t)c);
			if (t)
				tone = t;
			/* other combining marks only survive in NFD leftovers */
		} else if (c >= FOLD_LO && c < FOLD_HI) {
			const struct foldent *e = &fold_tab[c - FOLD_LO];
			memcpy(out + o, e->s, e->n);
			o += e->n;
			if (e->tone)
				tone = e->tone;
		} else {
			o += (size_t)utf8proc_encode_char(utf8proc_tolower((utf8proc_int32_t)c),
							  (utf8proc_uint8_t *)out + o);
		}
	}
	if (tone)
		out[o++] = (char)('0' + tone);
	out[o] = '\0';
	return o;
}

static int push_key(tokens_t *t, const char *k, size_t n, token_t *tok)
{
	if (t->keys_len + n + 1 > t->keys_cap) {
		size_t nc = t->keys_cap ? t->keys_cap * 2 : 4096;
		while (nc < t->keys_len + n + 1)
			nc *= 2;
		char *p = realloc(t->keys, nc);
		if (!p)
			return -1;
		t->keys = p;
		t->keys_cap = nc;
	}
	memcpy(t->keys + t->keys_len, k, n);
	t->keys[t->keys_len + n] = '\0';
	tok->key = (uint32_t)t->keys_len;
	tok->klen = (uint16_t)n;
	tok->hash = fold_hash(k, n);
	t->keys_len += n + 1;
	return 0;
}

static int is_roman(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!strchr("IVXLC", s[i]))
			return 0;
	return n > 0;
}

int tokens_build(tokens_t *t, const char *text, size_t len)
{
	fold_init();
	memset(t, 0, sizeof *t);
	size_t i = 0;
	int pend = 0;
	char kbuf[4 * 64 + 8];
	while (i < len) {
		size_t st = i;
		uint32_t c = utf8_next(text, len, &i);
		int up;
		if (c == '\n' || c == '\r') {
			pend |= OTF_NL | OTF_SPACE;
			continue;
		}
		if (c == ' ' || c == '\t' || c == 0xA0 || c == 0x200B || c == 0xFEFF ||
		    (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x3000 || c == '\f' ||
		    c == '\v') {
			pend |= OTF_SPACE;
			continue;
		}
		if (t->n == t->cap) {
			size_t nc = t->cap ? t->cap * 2 : 256;
			token_t *p = realloc(t->v, nc * sizeof *p);
			if (!p)
				return -1;
			t->v = p;
			t->cap = nc;
		}
		token_t *tok = &t->v[t->n];
		memset(tok, 0, sizeof *tok);
		tok->start = (uint32_t)st;
		tok->flags = (uint8_t)pend;
		pend = 0;
		if (c >= '0' && c <= '9') {
			while (i < len && text[i] >= '0' && text[i] <= '9')
				i++;
			tok->kind = OTK_NUM;
			tok->end = (uint32_t)i;
			if (push_key(t, text + st, i - st > 64 ? 64 : i - st, tok))
				return -1;
		} else if (is_letter_cp(c, &up)) {
			int all_up = up, any_letter = 1;
			size_t j = i;
			while (j < len) {
				size_t k = j;
				uint32_t d = utf8_next(text, len, &k);
				int u2;
				if (!is_letter_cp(d, &u2) && !(d >= '0' && d <= '9'))
					break;
				if (d >= 0x300 && d < 0x370)
					u2 = all_up;
				if (!(d >= '0' && d <= '9') && !u2)
					all_up = 0;
				j = k;
			}
			i = j;
			tok->kind = OTK_WORD;
			tok->end = (uint32_t)i;
			if (up)
				tok->flags |= OTF_CAP;
			if (all_up && any_letter)
				tok->flags |= OTF_UPPER;
			if (is_roman(text + st, i - st))
				tok->flags |= OTF_ROMAN;
			size_t wl = i - st > 64 ? 64 : i - st;
			size_t kl = fold_word(text + st, wl, kbuf);
			if (push_key(t, kbuf, kl, tok))
				return -1;
		} else {
			tok->kind = OTK_PUNCT;
			tok->end = (uint32_t)i;
			char pk[8];
			size_t pl;
			if (c == 0x2013 || c == 0x2014 || c == 0x2012 || c == 0x2212)
				pk[0] = '-', pl = 1;
			else if (c == 0x201C || c == 0x201D || c == 0xAB || c == 0xBB)
				pk[0] = '"', pl = 1;
			else if (c == 0x2018 || c == 0x2019)
				pk[0] = '\'', pl = 1;
			else if (c == 0x2026)
				memcpy(pk, "...", 3), pl = 3;
			else
				memcpy(pk, text + st, i - st), pl = i - st;
			if (push_key(t, pk, pl, tok))
				return -1;
		}
		t->n++;
	}
	return 0;
}

void tokens_free(tokens_t *t)
{
	free(t->v);
	free(t->keys);
	memset(t, 0, sizeof *t);
}

/* The words the recognisers compare against are string literals, so their
 * folded keys are cached per thread by address (tokens.h, tok_is): folding a
 * literal on every comparison cost a third of the model's time. */
_Thread_local struct tok_litkey tok_litcache[TOK_LITCACHE];

const struct tok_litkey *tok_lit_miss(const char *w)
{
	uintptr_t h = ((uintptr_t)w >> 3) * 2654435761u;
	struct tok_litkey *e = &tok_litcache[h & (TOK_LITCACHE - 1)];
	size_t n = strlen(w);
	char buf[4 * 60 + 8];
	size_t kl = n > 60 ? 0 : fold_word(w, n, buf);
	if (kl > sizeof e->key)
		kl = 0;
	memcpy(e->key, buf, kl);
	e->len = (uint16_t)kl;
	e->hash = kl ? fold_hash(buf, kl) : 0;
	e->w = w;
	return e;
}

char *fold_text(const char *s, size_t len)
{
	tokens_t t;
	if (tokens_build(&t, s, len))
		return NULL;
	size_t cap = t.keys_len + t.n + 1;
	char *out = malloc(cap);
	if (!out) {
		tokens_free(&t);
		return NULL;
	}
	size_t o = 0;
	for (size_t i = 0; i < t.n; i++) {
		if (i && (t.v[i].flags & OTF_SPACE))
			out[o++] = ' ';
		memcpy(out + o, otok_key(&t, i), t.v[i].klen);
		o += t.v[i].klen;
	}
	out[o] = '\0';
	tokens_free(&t);
	return out;
}

char *fold_title_case(const char *s, size_t len)
{
	/* lower-case everything, then upper-case each word's first letter */
	utf8proc_uint8_t *low = NULL;
	utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, &low,
					  UTF8PROC_STABLE | UTF8PROC_COMPOSE);
	if (n < 0)
		return NULL;
	char *out = malloc((size_t)n * 2 + 4);
	if (!out) {
		free(low);
		return NULL;
	}
	size_t i = 0, o = 0;
	int start = 1;
	while (i < (size_t)n) {
		uint32_t c = utf8_next((const char *)low, (size_t)n, &i);
		int up;
		int letter = is_letter_cp(c, &up);
		utf8proc_int32_t m = start && letter ? utf8proc_toupper((utf8proc_int32_t)c)
						     : utf8proc_tolower((utf8proc_int32_t)c);
		o += (size_t)utf8proc_encode_char(m, (utf8proc_uint8_t *)out + o);
		start = !letter && !(c >= '0' && c <= '9');
	}
	out[o] = '\0';
	free(low);
	return out;
}
