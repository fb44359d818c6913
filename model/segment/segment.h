/* Article structure: title, dateline, byline, captions, paragraphs,
 * sentences and quoted phrases, read from the shared text (model/text). */
#ifndef MEETINGD_SEGMENT_SEGMENT_H
#define MEETINGD_SEGMENT_SEGMENT_H

#include "model/dates/dates.h"
#include "model/span.h"
#include "model/text/arena.h"
#include "model/text/text.h"

typedef struct author {
	span_t span; /* as written: "HOÀNG BIÊN" */
	char *name;  /* Title Case, in the parse's arena: "Hoàng Biên" */
} author_t;

typedef struct quote {
	span_t span;	 /* inside the marks, trailing punctuation inside dropped */
	int count;	 /* occurrences of the same text in quotation marks */
	AVEC(span_t) at; /* each of them, in the order they were read */
} quote_t;

/* Everything in an article lives in the arena of its text (tx->arena) and
 * goes with it; spans are bytes of the text. */
typedef struct article {
	span_t title; /* {0,0} when none */
	int has_title;
	int has_dateline;
	span_t dateline_span;
	dateline_t dateline;
	AVEC(author_t) authors;
	AVEC(span_t) captions;
	AVEC(span_t) paragraphs; /* body paragraphs (not title, dateline, byline, captions) */
	AVEC(span_t) sentences;	 /* sentences of the body paragraphs and captions, in order */
	AVEC(quote_t) quotes;	 /* distinct quoted phrases, first occurrence order */
	const uint8_t *cls;	 /* the token classes (tag_classes), for every later stage */
} article_t;

/* Segment the text tx (cut by text_scan and tagged by tag_text) into *out,
 * zeroed by the caller; *out is allocated in tx->arena. Marks the first
 * token of every sentence with TF_SENT (the only change to tx). 0, or -1
 * when out of memory. */
int segment_article(const text_t *tx, article_t *out);

#endif
