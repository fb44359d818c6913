/* Character classes and folding, from one table.
 *
 * Every code point below CHARS_N has an entry built at build time from
 * utf8proc's data (tools/lexgen_chars.c writes build/gen/chars_table.c), so
 * the tokenizer never calls utf8proc for Vietnamese text; code points above
 * it (CJK, symbols) go through chars_slow(). */
#ifndef MEETINGD_TEXT_CHARS_H
#define MEETINGD_TEXT_CHARS_H

#include <stddef.h>
#include <stdint.h>

/* U+0000..U+221F: Latin, Vietnamese, combining marks, general punctuation
 * (dashes, quotation marks, the ellipsis), currency signs and the minus. */
#define CHARS_N 0x2220

enum chars_class {
	CC_LETTER = 1,	/* a letter (Unicode L*) or a combining mark (M*) */
	CC_UPPER = 2,	/* Lu, Lt */
	CC_LOWER = 4,	/* Ll */
	CC_MARK = 8,	/* M*: joins the word it follows */
	CC_DIGIT = 16,	/* ASCII 0-9 */
	CC_SPACE = 32,	/* separates tokens */
	CC_NL = 64,	/* a line break (also CC_SPACE) */
	CC_ROMAN = 128, /* I V X L C: an upper-case Roman digit */
};

/* What a code point contributes to the folded key of its token: letters
 * their lower-case base letter with the non-tone diacritics kept (â ă ê ô ơ
 * ư đ), tone marks only their tone; punctuation its ASCII class ('-' for
 * every dash, '"' and '\'' for quotation marks, "..." for the ellipsis). */
struct char_info {
	uint8_t cls;  /* enum chars_class bits */
	uint8_t tone; /* 1 sắc, 2 huyền, 3 hỏi, 4 ngã, 5 nặng, 0 none */
	uint8_t flen; /* bytes of fold */
	char fold[4]; /* UTF-8, not NUL-terminated */
	uint8_t pad;
};

extern const struct char_info chars_table[CHARS_N];

/* The entry of a code point at or above CHARS_N, computed with utf8proc
 * into *buf (returned). */
const struct char_info *chars_slow(uint32_t cp, struct char_info *buf);

static inline const struct char_info *chars_info(uint32_t cp, struct char_info *buf)
{
	return cp < CHARS_N ? &chars_table[cp] : chars_slow(cp, buf);
}

/* Decode the code point at s[*i] of valid UTF-8 (the model checks input
 * first), advancing *i. The project's one UTF-8 decoder. */
static inline uint32_t chars_decode(const char *s, size_t len, size_t *i)
{
	const unsigned char *u = (const unsigned char *)s;
	uint32_t c = u[*i];
	if (c < 0x80) {
		(*i)++;
		return c;
	}
	int n = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : 1;
	c &= 0x3F >> n;
	size_t j = *i + 1;
	for (int k = 0; k < n && j < len; k++, j++)
		c = (c << 6) | (u[j] & 0x3F);
	*i = j;
	return c;
}

/* Start of the code point that ends at i (0 < i). */
static inline size_t chars_prev(const char *s, size_t i)
{
	size_t j = i - 1;
	while (j > 0 && i - j < 4 && ((unsigned char)s[j] & 0xC0) == 0x80)
		j--;
	return j;
}

/* Encode cp as UTF-8 into out (4 bytes room); returns the length. */
int chars_encode(uint32_t cp, char *out);

/* Simple case mappings (utf8proc's, from the table for Vietnamese). */
uint32_t chars_lower(uint32_t cp);
uint32_t chars_upper(uint32_t cp);

#endif
