/* Shared by the unit tests of model/segment: a text cut and tagged as the
 * model does, its segmentation, and span helpers. */
#ifndef MEETINGD_TESTS_SEGMENT_TEST_H
#define MEETINGD_TESTS_SEGMENT_TEST_H

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "model/lexicon/lex.h"
#include "model/segment/segment.h"
#include "model/tag/tag.h"

static arena_t ar;
static text_t tx;
static article_t art;
static const char *txt;

/* Drop the last parse: the article lives in its arena. */
static inline void fini(void)
{
	text_free(&tx);
	arena_free(&ar);
	memset(&art, 0, sizeof art);
}

/* The text as the model builds it, then its segmentation. */
static inline int seg_try(const char *t, size_t n)
{
	fini();
	txt = t;
	cr_assert_eq(text_scan(&tx, t, n, &ar, NULL), 0);
	cr_assert_eq(tag_text(&tx), 0);
	return segment_article(&tx, &art);
}

static inline void seg_n(const char *t, size_t n)
{
	cr_assert_eq(seg_try(t, n), 0);
}

static inline void seg(const char *t)
{
	seg_n(t, strlen(t));
}

/* Text of a span, in a static buffer (big enough for the test articles). */
static inline const char *S(span_t s)
{
	static char buf[2][8192];
	static int k;
	char *b = buf[k ^= 1];
	size_t n = s.end - s.start;
	cr_assert(s.end >= s.start && n < sizeof buf[0]);
	memcpy(b, txt + s.start, n);
	b[n] = '\0';
	return b;
}

#define EXPECT_SPAN(sp, want) cr_expect_str_eq(S(sp), (want))

static inline double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

#endif
