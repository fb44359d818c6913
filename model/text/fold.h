/* Folded and re-cased copies of text, for comparing phrases and writing
 * canonical names; the folding is the tokens' own (text.h). */
#ifndef MEETINGD_TEXT_FOLD_H
#define MEETINGD_TEXT_FOLD_H

#include <stddef.h>

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

#endif
