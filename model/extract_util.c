#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "extract.h"

char *doc_span_dup(const doc_t *d, span_t s)
{
	if (s.end < s.start || s.end > d->len)
		return arena_strndup(d->ar, "", 0);
	return arena_strndup(d->ar, d->text + s.start, s.end - s.start);
}

char *doc_strdup(const doc_t *d, const char *s)
{
	return s ? arena_strndup(d->ar, s, strlen(s)) : NULL;
}

char *doc_strndup(const doc_t *d, const char *s, size_t n)
{
	size_t l = 0;
	while (l < n && s[l])
		l++;
	return arena_strndup(d->ar, s, l);
}

int span_is_empty(span_t s)
{
	return s.end <= s.start;
}

long doc_sentence_of(const doc_t *d, size_t off)
{
	size_t lo = 0, hi = d->art.sentences.n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (d->art.sentences.v[mid].end <= off)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < d->art.sentences.n && d->art.sentences.v[lo].start <= off)
		return (long)lo;
	return -1;
}

size_t doc_tok_at(const doc_t *d, size_t off)
{
	return text_tok_at(&d->tx, off);
}

int doc_warn(doc_t *d, const char *code, const char *msg, span_t sp, int has_span)
{
	warning_t *w = avec_push(d->ar, &d->warnings);
	if (!w)
		return -1;
	w->code = code;
	w->message = doc_strdup(d, msg);
	w->span = sp;
	w->has_span = has_span;
	return 0;
}
