/* Article structure: title, dateline, byline, captions, paragraphs, quotes. */
#ifndef MEETINGD_SEGMENT_H
#define MEETINGD_SEGMENT_H

#include "model/dates/dates.h"
#include "span.h"

typedef struct author {
	span_t span; /* as written: "HOÀNG BIÊN" */
	char *name;  /* Title Case, malloc'ed: "Hoàng Biên" */
} author_t;

typedef struct quote {
	span_t span;  /* inside the marks, trailing punctuation inside dropped */
	int count;    /* occurrences of the same text (first span kept) */
} quote_t;

typedef struct article {
	span_t title;          /* {0,0} when none */
	int has_title;
	int has_dateline;
	span_t dateline_span;
	dateline_t dateline;
	VEC(author_t) authors;
	VEC(span_t) captions;
	VEC(span_t) paragraphs; /* body paragraphs (not title, dateline, byline, captions) */
	VEC(span_t) sentences;  /* sentences of the body paragraphs and captions, in order */
	VEC(quote_t) quotes;    /* distinct quoted phrases, first occurrence order */
} article_t;

/* Segment NFC text[0..len) into *out (zeroed by the caller). 0 or -1 (ENOMEM). */
int segment_article(const char *text, size_t len, article_t *out);

void segment_free(article_t *a);

#endif
