/* Test fixture: the tagged text of a test string, as model_parse() builds
 * it (text_scan, then tag_text). The bytes are copied into a buffer of
 * their exact length, without a terminating NUL, so a read past the end
 * shows under the sanitizers. Include after <criterion/criterion.h>. */
#ifndef MEETINGD_TESTS_TEXTFIX_H
#define MEETINGD_TESTS_TEXTFIX_H

#include <stdlib.h>
#include <string.h>

#include "model/tag/tag.h"
#include "model/text/arena.h"
#include "model/text/text.h"

typedef struct textfix {
	char *buf;
	arena_t arena;
	text_t tx;
} textfix_t;

/* The tagged text of s[0..n); release with textfix_close(). */
static inline const text_t *textfix_open(textfix_t *f, const char *s, size_t n)
{
	memset(f, 0, sizeof *f);
	f->buf = malloc(n ? n : 1);
	cr_assert_not_null(f->buf);
	if (n)
		memcpy(f->buf, s, n);
	cr_assert_eq(text_scan(&f->tx, f->buf, n, &f->arena, NULL), 0);
	cr_assert_eq(tag_text(&f->tx), 0);
	return &f->tx;
}

static inline const text_t *textfix_str(textfix_t *f, const char *s)
{
	return textfix_open(f, s, strlen(s));
}

static inline void textfix_close(textfix_t *f)
{
	text_free(&f->tx);
	arena_free(&f->arena);
	free(f->buf);
	memset(f, 0, sizeof *f);
}

#endif
