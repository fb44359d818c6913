/* Folded and re-cased copies of text, for comparing phrases and writing
 * canonical names; the folding is the tokens' own (text.h). */
#ifndef MEETINGD_TEXT_FOLD_H
#define MEETINGD_TEXT_FOLD_H

#include <stddef.h>
#include <string.h>

#include "model/text/arena.h"
#include "model/text/text.h"

/* The folded form of tokens [a, b): their keys, one space where the text
 * has whitespace between two tokens ("Chủ tịch UBND tỉnh" -> "chu3 tich5
 * ubnd tinh3"). Written into out[0..cap) with a NUL; returns the length,
 * or (size_t)-1 when it does not fit. */
size_t text_fold(const text_t *tx, size_t a, size_t b, char *out, size_t cap);

/* s[0..n) in lower case, runs of whitespace as one space, in the arena. */
char *text_lower(arena_t *ar, const char *s, size_t n);

/* s[0..n) in Title Case: each word's first letter upper case, the rest
 * lower case ("HOÀNG BIÊN" -> "Hoàng Biên"), in the arena. */
char *text_title_case(arena_t *ar, const char *s, size_t n);

/* Append s[0..n) (text_append: the NUL-terminated s) to buf, holding at
 * bytes in cap, cut to fit and NUL-terminated; returns the new length (at
 * most cap - 1). The model's string building: a copy, where snprintf
 * would parse a format at every call. */
static inline size_t text_appendn(char *buf, size_t at, size_t cap, const char *s, size_t n)
{
	if (at >= cap)
		return at;
	if (n > cap - 1 - at)
		n = cap - 1 - at;
	memcpy(buf + at, s, n);
	buf[at + n] = '\0';
	return at + n;
}

static inline size_t text_append(char *buf, size_t at, size_t cap, const char *s)
{
	return text_appendn(buf, at, cap, s, strlen(s));
}

/* The decimal digits of v at out (room for 20), no NUL; their count. */
static inline size_t text_utoa(char *out, unsigned long long v)
{
	char t[20];
	size_t n = 0;
	do
		t[n++] = (char)('0' + v % 10);
	while ((v /= 10) != 0);
	for (size_t k = 0; k < n; k++)
		out[k] = t[n - 1 - k];
	return n;
}

#endif
