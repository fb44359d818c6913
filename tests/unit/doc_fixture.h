/* Test fixture for the document recogniser: the tagged text, the dates and
 * the terms of a string, built as model_parse builds them (NFC first when
 * the bytes are valid UTF-8; other bytes go to the tokenizer unchanged, to
 * show that nothing reads past them). */
#ifndef MEETINGD_TESTS_DOC_FIXTURE_H
#define MEETINGD_TESTS_DOC_FIXTURE_H

#include <stdlib.h>
#include <string.h>

#include "model/dates/dates.h"
#include "model/documents/documents.h"
#include "model/tag/tag.h"
#include "model/text/nfc.h"

typedef struct doc_fixture {
	arena_t arena;
	text_t tx;
	date_list_t dates;
	term_list_t terms;
	char *nfc; /* the normalised copy, when one was needed */
	const char *s;
	size_t len;
} doc_fixture_t;

/* 0, or -1 when out of memory. */
static inline int doc_fixture_init(doc_fixture_t *f, const char *s, size_t n)
{
	int nul;
	memset(f, 0, sizeof *f);
	f->s = s;
	f->len = n;
	if (text_utf8_check(s, n, &nul) == n && !text_is_nfc_fast(s, n)) {
		f->nfc = text_nfc(s, n, &f->len);
		if (!f->nfc)
			return -1;
		f->s = f->nfc;
	}
	if (text_scan(&f->tx, f->s, f->len, &f->arena, NULL) || tag_text(&f->tx) ||
	    dates_find(&f->tx, &f->dates) || dates_find_terms(&f->tx, &f->terms))
		return -1;
	return 0;
}

static inline void doc_fixture_free(doc_fixture_t *f)
{
	text_free(&f->tx);
	arena_free(&f->arena);
	free(f->nfc);
	memset(f, 0, sizeof *f);
}

/* The fixture of s[0..n) and documents_find on it; 0 or -1. */
static inline int doc_fixture_find(doc_fixture_t *f, const char *s, size_t n, doc_list_t *out)
{
	if (doc_fixture_init(f, s, n))
		return -1;
	return documents_find(&f->tx, &f->dates, &f->terms, out);
}

#endif
