/* Official document references: Party and State symbols and citations. */
#ifndef MEETINGD_DOCUMENTS_H
#define MEETINGD_DOCUMENTS_H

#include "model/dates/dates.h"
#include "model/span.h"
#include "model/text/text.h"

/* One citation of a document as written. The strings live in the arena of
 * the text they were found in (freed with it). */
typedef struct doc_cite {
	span_t span; /* whole citation: "Kết luận số 21-KL/TW, ngày 25.10.2021 của ... về ..." */
	span_t type_span; /* "Kết luận" as written; {0,0} when no type word */
	span_t symbol_span; /* "21-KL/TW" or "439 – QĐNS/TW" as written, or the bare number "935" */
	char *type; /* canonical type, capital first: "Kết luận", "Nghị định", or NULL */
	char *type_code; /* "KL", "NĐ", "QĐi" ...; NULL when unknown (công văn: NULL) */
	char *number;	 /* "21", "30a" */
	char *symbol; /* normalised: "21-KL/TW", "439-QĐNS/TW", "30/2020/NĐ-CP"; bare number when
			 short form */
	char *issuer_code;    /* "TW", "UBKTTW", "CP", "UBND"; NULL for a bare number */
	int year, month, day; /* issued on, 0 when not written in full */
	span_t issuer_span; /* "Ban Chấp hành Trung ương Đảng khóa XIII" ({0,0} when none) */
	span_t subject_span; /* "về đẩy mạnh ..." up to ';' '.' or the end of the clause ({0,0} when
				none) */
	int is_short;	     /* 1 for a re-mention by type and bare number ("Kết luận 21") */
	int same_as;	     /* index in the list of the first citation of the same
			      * document (its own index when first): "Kết luận 21"
			      * after "Kết luận số 21-KL/TW" points to that one */
	const char *rule;
} doc_cite_t;

typedef VEC(doc_cite_t) doc_list_t;

/* Append every document citation of the tagged text tx (text_scan +
 * tag_text) to *out, in text order. dates and terms are what dates_find and
 * dates_find_terms found in the same text (either may be NULL: no dates, no
 * terms); the issue date and the term closing an issuer name are read from
 * them. "dự thảo Kế hoạch" (no number) and plenum names ("Nghị quyết Trung
 * ương 4") are not documents. Strings go to tx->arena. Returns 0, or -1 when
 * out of memory (then nothing is appended). */
int documents_find(const text_t *tx, const date_list_t *dates, const term_list_t *terms,
		   doc_list_t *out);
/* The same with the token classes already made (tag_classes(tx)). */
int documents_find_cls(const text_t *tx, const uint8_t *cls, const date_list_t *dates,
		       const term_list_t *terms, doc_list_t *out);

/* Frees the array (the strings belong to the arena); the list is left empty. */
void documents_list_free(doc_list_t *list);

#endif
