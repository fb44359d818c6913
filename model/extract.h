/* Internal: the document being parsed and the extracted objects.
 * One `doc_t` per model_parse call; everything hangs off it and is freed by
 * doc_free. Spans are byte offsets into doc->text (NFC). */
#ifndef MEETINGD_EXTRACT_H
#define MEETINGD_EXTRACT_H

#include "model/dates/dates.h"
#include "model/documents/documents.h"
#include "model/segment/segment.h"
#include "model/tag/tag.h"
#include "model/text/arena.h"
#include "model/text/text.h"
#include "span.h"

struct html_article;

typedef AVEC(int) int_vec_t;

enum org_category { CAT_PARTY, CAT_STATE, CAT_FRONT, CAT_MASS, CAT_MILITARY, CAT_OTHER };
enum org_level { LVL_NONE, LVL_CENTRAL, LVL_PROVINCE, LVL_DISTRICT, LVL_COMMUNE };

typedef struct org_mention {
	span_t span;
	size_t tok_start, tok_end; /* token range */
	char *canonical;	   /* malloc'ed */
	enum org_category cat;
	enum org_level level;
	span_t term; /* "khóa XIII" right after, or {0,0} */
	int org;     /* index into doc->orgs */
	const char *rule;
} org_mention_t;

typedef struct org {
	char *name; /* canonical, malloc'ed */
	AVEC(char *) forms;
	enum org_category cat;
	enum org_level level;
	char *term;
	AVEC(span_t) mentions;
	const char *rule;
} org_t;

typedef struct position {
	span_t span;		   /* as written */
	size_t tok_start, tok_end; /* its tokens */
	char *title;		   /* in the parse's arena */
	int org_mention;	   /* index into doc->org_mentions or -1 */
} position_t;

typedef struct person {
	char *name, *family, *given; /* malloc'ed */
	char *honorific;	     /* malloc'ed or NULL */
	AVEC(position_t) positions;
	AVEC(span_t) mentions;
	const char *rule;
	int chair_first; /* positions reordered by people_prefer_mention */
} person_t;

/* One named person occurrence with the positions written beside it. */
typedef struct person_mention {
	span_t span;		   /* the name */
	size_t tok_start, tok_end; /* tokens of the name */
	size_t ctx_start, ctx_end; /* tokens of the whole phrase (honorific, positions) */
	int person;
	AVEC(position_t) positions;
	int is_title_only; /* "đồng chí Bí thư Tỉnh ủy" without a name */
} person_mention_t;

typedef struct ref {
	char *name;	 /* malloc'ed */
	int org, person; /* -1 when none */
} ref_t;

typedef struct agenda_item {
	ref_t presenter;
	int has_presenter;
	char *action;
	span_t subject;
	AVEC(int) docs;
	span_t decision;
	int conclusion_speaker;
	span_t conclusion;
	span_t mention;
	const char *rule;
} agenda_item_t;

typedef struct task {
	ref_t assignee;
	int has_assignee;
	span_t action;
	span_t deadline;
	int dl_year, dl_month, dl_day;
	int responsibility; /* 0 none, 1 lead, 2 coordinate */
	span_t deliverable;
	span_t mention;
	const char *rule;
} task_t;

typedef struct meeting {
	const char *kind;
	char *kind_text;
	span_t name;
	int ordinal;
	int body_org;	  /* index into doc->orgs or -1 */
	span_t body_span; /* as written */
	span_t term;
	int year, month, day; /* 0 when unknown */
	int end_year, end_month, end_day;
	int date_idx; /* index into doc->dates or -1 */
	int year_inferred;
	enum part_of_day pod;
	int hour, minute;
	span_t location;
	const char *format;
	int_vec_t chairs;
	int_vec_t attendees;
	AVEC(agenda_item_t) agenda;
	AVEC(task_t) tasks;
	AVEC(span_t) mentions;
	size_t sent; /* anchor sentence index */
	const char *rule;
} meeting_t;

typedef struct warning {
	const char *code;
	char *message;
	span_t span;
	int has_span;
} warning_t;

typedef struct doc {
	const char *text;
	size_t len;
	arena_t arena;	 /* everything of this parse that is not freed on its own */
	arena_t *ar;	 /* &arena, so that a const doc_t can still allocate */
	budget_t budget; /* the work bound (model_options), polled by every stage */
	text_t tx;	 /* the tokens every recogniser reads, tagged once */
	article_t art;
	AVEC(size_t) sent_tok; /* first token of each sentence in art.sentences */
	date_list_t dates;
	term_list_t terms;
	doc_list_t docs;
	AVEC(org_mention_t) org_mentions;
	AVEC(org_t) orgs;
	AVEC(person_mention_t) person_mentions;
	AVEC(person_t) people;
	AVEC(meeting_t) meetings;
	AVEC(warning_t) warnings;
	int pub_year, pub_month, pub_day; /* 0 when unknown */
	int pub_hour, pub_min, pub_sec;
	int pub_has_time;
	int pub_tz;
	int pub_from_request;
	/* indexes built by meetings_extract so that every lookup is O(1) or
	 * O(log n): the organisation mention starting at a token, and whether a
	 * token lies inside a person's phrase */
	int *org_at_tok;
	unsigned char *pctx_tok;
	/* HTML input: the page the text was laid out from, or NULL */
	const struct html_article *page;
} doc_t;

/* extractors, run in this order by model_parse */
int orgs_extract(doc_t *d);
int people_extract(doc_t *d);
int meetings_extract(doc_t *d);
/* a chair's positions as its chairing mention writes them (people.c) */
int people_prefer_mention(doc_t *d, const person_mention_t *pm);

/* helpers shared by extractors (extract_util.c); strings live in the
 * parse's arena (NULL when out of memory) */
char *doc_span_dup(const doc_t *d, span_t s);
char *doc_strdup(const doc_t *d, const char *s);
char *doc_strndup(const doc_t *d, const char *s, size_t n);
int span_is_empty(span_t s);
/* sentence index containing byte offset, or -1 */
long doc_sentence_of(const doc_t *d, size_t off);
/* first index i in [0, n) with key(ctx, i) >= a; key must not decrease.
 * Inline, so that a caller's key function inlines into the search. */
static inline size_t doc_lower_bound(size_t n, size_t a, size_t (*key)(const void *ctx, size_t i),
				     const void *ctx)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (key(ctx, mid) < a)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}
/* first token index at or after byte offset */
size_t doc_tok_at(const doc_t *d, size_t off);
int doc_warn(doc_t *d, const char *code, const char *msg, span_t sp, int has_span);

#endif
