#include "model/text/fold.h"

#include <string.h>

#include "model/text/chars.h"

size_t text_fold(const text_t *tx, size_t a, size_t b, char *out, size_t cap)
{
	size_t o = 0;
	for (size_t i = a; i < b && i < tx->n; i++) {
		const tok_t *t = &tx->tok[i];
		if (i > a && (t->flags & TF_SPACE)) {
			if (o + 1 >= cap)
				return (size_t)-1;
			out[o++] = ' ';
		}
		if (o + t->klen >= cap)
			return (size_t)-1;
		memcpy(out + o, tx->keys + t->key, t->klen);
		o += t->klen;
	}
	if (o >= cap)
		return (size_t)-1;
	out[o] = '\0';
	return o;
}

/* Each code point re-cased by f (0 lower, 1 title case), into the arena. */
static char *recase(arena_t *ar, const char *s, size_t n, int title)
{
	char *out = arena_alloc(ar, n * 2 + 4);
	if (!out)
		return NULL;
	size_t i = 0, o = 0;
	int start = 1, space = 0;
	struct char_info buf;
	while (i < n) {
		uint32_t c = chars_decode(s, n, &i);
		const struct char_info *ci = chars_info(c, &buf);
		if (!title && (c == ' ' || c == '\n' || c == '\t' || c == '\r')) {
			space = 1;
			continue;
		}
		if (space && o)
			out[o++] = ' ';
		space = 0;
		int letter = ci->cls & CC_LETTER;
		uint32_t m = title && start && letter ? chars_upper(c) : chars_lower(c);
		o += (size_t)chars_encode(m, out + o);
		start = !letter && !(ci->cls & CC_DIGIT);
	}
	out[o] = '\0';
	return out;
}

char *text_lower(arena_t *ar, const char *s, size_t n)
{
	return recase(ar, s, n, 0);
}

char *text_title_case(arena_t *ar, const char *s, size_t n)
{
	return recase(ar, s, n, 1);
}
