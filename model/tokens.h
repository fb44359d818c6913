/* Tokens: words, numbers and punctuation with folded matching keys.
 *
 * The key of a word is its lower-case letters without the tone mark, then a
 * tone digit ('1' sắc, '2' huyền, '3' hỏi, '4' ngã, '5' nặng): old and new
 * tone placement fold together ("hoá" and "hóa" both give "hoa1"), as do
 * NFC/NFD and case. Offsets are bytes into the NFC text. */
#ifndef MEETINGD_TOKENS_H
#define MEETINGD_TOKENS_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

enum otok_kind { OTK_WORD = 0, OTK_NUM, OTK_PUNCT };

enum otok_flag {
	OTF_CAP = 1,    /* first letter upper case */
	OTF_UPPER = 2,  /* every letter upper case (and at least one letter) */
	OTF_SPACE = 4,  /* whitespace before */
	OTF_NL = 8,     /* a line break before */
	OTF_SENT = 16,  /* first token of a sentence (set by the caller) */
	OTF_ROMAN = 32, /* only Roman-numeral letters, upper case */
};

typedef struct token {
	uint32_t start, end; /* bytes */
	uint32_t key;        /* offset of the folded key in toks->keys */
	uint32_t hash;       /* hash of the key */
	uint16_t klen;
	uint8_t kind;
	uint8_t flags;
} token_t;

typedef struct tokens {
	token_t *v;
	size_t n, cap;
	char *keys;
	size_t keys_len, keys_cap;
} tokens_t;

/* Tokenise text (NFC UTF-8). 0 or -1 (ENOMEM). Free with tokens_free. */
int tokens_build(tokens_t *t, const char *text, size_t len);
void tokens_free(tokens_t *t);

static inline const char *otok_key(const tokens_t *t, size_t i)
{
	return t->keys + t->v[i].key;
}

/* Folded keys of literal words, cached per thread by address. */
#define TOK_LITCACHE 1024
struct tok_litkey {
	const char *w;
	uint32_t hash;
	uint16_t len;
	char key[64];
};
extern _Thread_local struct tok_litkey tok_litcache[TOK_LITCACHE];
const struct tok_litkey *tok_lit_miss(const char *w);

/* 1 when token i's key equals the fold of the literal word w ("ủy", "Hội").
 * w must have static storage (a string literal): its folded key is cached
 * per thread by address. Inline: the recognisers call it millions of times. */
static inline int tok_is(const tokens_t *t, size_t i, const char *w)
{
	if (i >= t->n)
		return 0;
	uintptr_t h = ((uintptr_t)w >> 3) * 2654435761u;
	const struct tok_litkey *e = &tok_litcache[h & (TOK_LITCACHE - 1)];
	if (e->w != w)
		e = tok_lit_miss(w);
	const token_t *x = &t->v[i];
	return e->hash == x->hash && e->len == x->klen && e->len &&
	       memcmp(e->key, t->keys + x->key, e->len) == 0;
}

/* Fold a UTF-8 word into key form (see above). out must hold 4*len+2 bytes.
 * Returns the key length. */
size_t fold_word(const char *s, size_t len, char *out);

/* Fold arbitrary text: each word folded, words joined by one space,
 * punctuation kept (dashes folded to '-'). Returns malloc'ed string. */
char *fold_text(const char *s, size_t len);

uint32_t fold_hash(const char *s, size_t n);

/* Title Case of a name written in capitals: "HOÀNG BIÊN" -> "Hoàng Biên".
 * Returns malloc'ed string. */
char *fold_title_case(const char *s, size_t len);

void fold_init(void);

#endif
