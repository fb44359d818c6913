/* Internal to the meetings recogniser (model/meetings/): the context of one
 * pass and the helpers its files share. */
#ifndef MEETINGD_MEETINGS_MEETINGS_H
#define MEETINGD_MEETINGS_MEETINGS_H

#include "model/extract.h"
#include "model/lexicon/lex.h"
#include "model/text/fold.h"

/* The words the model writes for an agenda item's action (phrases.tsv). */
#define ACTION_REPORT (lex_entry(LEX_PHRASE_ACTION_REPORT, 0)->form)
#define ACTION_PRESENT (lex_entry(LEX_PHRASE_ACTION_PRESENT, 0)->form)
#define ACTION_SUBMIT (lex_entry(LEX_PHRASE_ACTION_SUBMIT, 0)->form)

typedef struct kmention {
	size_t tok, ntok;
	const char *kind;
	const char *text; /* the kind_text to report, NULL: the words as written */
} kmention_t;

typedef struct mctx {
	doc_t *d;
	const text_t *t;
	AVEC(kmention_t) kinds;
	int *person_at;	  /* person mention index whose name starts at token */
	size_t *quote_iv; /* quoted token ranges [a, b), sorted, disjoint (frame.c) */
	size_t nquote_iv;
	int future_seen;     /* a meeting of the text was announced for later */
	uint16_t *sent_cues; /* each sentence's cue bits (MC_*, meetings_sent_cues_init) */
	unsigned cues;	     /* those of the sentence the finders read now */
	int task_run;	     /* the sentence before gave a directive (tasks.c) */
} mctx_t;

/* classes of model/lexicon/meeting_frame.tsv (frame.c) */
enum meetings_frame {
	FR_NONE,
	FR_FUTURE,
	FR_MODAL,
	FR_OPENER,
	FR_PAST,
	FR_DEADLINE,
	FR_RITE,
	FR_SPORT,
	FR_HELD_PRE,
	FR_HELD_POST,
	FR_DONE,
	FR_NAMED,
	FR_VENUE,
	FR_POSTED,
	FR_TRIP,
	FR_TOPIC,
	FR_HABIT,
	FR_NOTICE
};
#define MEETINGS_FRB(x) (1u << (x))

/* What a sentence holds that a finder starts on: a finder none of whose
 * words the sentence has passes it over at a bit test, instead of a walk
 * over its tokens. The words are the first ones of each pattern. */
enum meetings_cue {
	MC_AGENDA = 1u << 0, /* nghe, báo, tờ, trình, quán, truyền, triển, đọc, giới */
	MC_NGHE = 1u << 1,   /* nghe */
	MC_DO = 1u << 2,     /* do */
	MC_DECIDE = 1u << 3, /* thống (nhất), biểu (quyết), kết (luận) */
	MC_VERB = 1u << 4, /* chủ, họp, khai, bế, diễn, tổ, tiếp (meetings_meeting_verb) */
	MC_CHO = 1u << 5,    /* cho (ý kiến) */
	MC_KIEN = 1u << 6,   /* kiến */
	MC_BRIDGE = 1u << 7, /* điểm (cầu) */
	MC_TASK = 1u << 8,   /* an entry of task_cue or task_verb starts there */
	MC_ATTEND = 1u << 9, /* an attend verb or head */
	MC_CHAIR = 1u << 10, /* a chair verb or a board */
	MC_WITH = 1u << 11,  /* với, theo: words the task finder reads (tasks.c) */
};

/* the MC_* bits of a keyword (static data: nothing to build at run time) */
extern const uint16_t meetings_kw_cues[KW_COUNT];

/* The cue bits of every sentence, one pass over the tokens. 0, or -1 when
 * out of memory. */
int meetings_sent_cues_init(mctx_t *c);

const char *meetings_kind_enum(const char *v);
/* punctuation token i is ch (tok_punct); inline, the finders ask at most
 * tokens */
static inline int meetings_is_punct(const text_t *t, size_t i, char ch)
{
	return i < t->n && t->tok[i].kind == TK_PUNCT && t->tok[i].klen == 1 &&
	       t->keys[t->tok[i].key] == ch;
}
void meetings_sent_tokens(const doc_t *d, size_t s, size_t *a, size_t *b);
int meetings_cited_only(const mctx_t *c, size_t i);
int meetings_collect_kinds(mctx_t *c);
/* a visitor after the verb at i ("tiếp Đại sứ ...", "tiếp đoàn", "tiếp ông X") */
int meetings_guest_after(const text_t *t, size_t i);
size_t meetings_date_from(const doc_t *d, size_t a);
size_t meetings_doc_from(const doc_t *d, size_t a);
size_t meetings_pm_from(const doc_t *d, size_t a);
size_t meetings_org_from(const doc_t *d, size_t a);
const date_expr_t *meetings_date_in(const mctx_t *c, size_t a, size_t b, int *idx);
int meetings_has_kw_pair(const text_t *t, size_t a, size_t b, uint16_t w1, uint16_t w2);
int meetings_meeting_verb(const text_t *t, size_t a, size_t b);
size_t meetings_kind_from(const mctx_t *c, size_t a);
const kmention_t *meetings_kind_in(const mctx_t *c, size_t a, size_t b);
int meetings_weak_kind(const mctx_t *c, const kmention_t *k);
const kmention_t *meetings_strong_kind(const mctx_t *c, const kmention_t *weak, size_t a, size_t b);
/* a bare "buổi lễ" k names its ceremony in [a, b) with the verb ("buổi lễ
 * trao học bổng", "Lễ khai mạc"): that mention, else NULL */
const kmention_t *meetings_named_ceremony(const mctx_t *c, const kmention_t *k, size_t a, size_t b);
int meetings_bare_sitting(const mctx_t *c, const kmention_t *k);
const kmention_t *meetings_numbered_session(const mctx_t *c, size_t a, size_t b);
int meetings_numbered_sitting(const mctx_t *c, size_t a, size_t b);
int meetings_ordinal_after(const mctx_t *c, size_t i, size_t lim, const char *kind);
int meetings_org_mention_at(const doc_t *d, size_t tok);
int meetings_in_person_ctx(const doc_t *d, size_t tok);
void meetings_find_body(mctx_t *c, meeting_t *m, const kmention_t *k, size_t sa, size_t sb);
int meetings_add_unique(arena_t *ar, int_vec_t *v, int x);
void meetings_persons_in(const doc_t *d, size_t a, size_t b, int *out, size_t *n, size_t cap);
int meetings_find_chairs(mctx_t *c, meeting_t *m, size_t sent, size_t rb);
int meetings_find_attendees(mctx_t *c, meeting_t *m, size_t sa, size_t sb);
int meetings_find_presenter_lists(mctx_t *c, meeting_t *m, size_t sa, size_t sb);
int meetings_find_agenda(mctx_t *c, meeting_t *m, size_t sa, size_t sb, size_t sent);
void meetings_find_decision(mctx_t *c, meeting_t *m, size_t sa, size_t sb);
int meetings_find_tasks(mctx_t *c, meeting_t *m, size_t sa, size_t sb);
int meetings_frame_init(mctx_t *c);
/* token i (< n) lies inside quotation marks */
int meetings_in_quote(const mctx_t *c, size_t i);
int meetings_date_is_event(const mctx_t *c, const date_expr_t *x);
int meetings_frame_refused(mctx_t *c, size_t a, size_t b, const date_expr_t *x, const kmention_t *k,
			   const date_expr_t *prev);
const kmention_t *meetings_undated_kind(mctx_t *c, size_t a, size_t b);
int meetings_merge_repeats(doc_t *d, int *weak);
int meetings_kind_held(const text_t *t, const kmention_t *k, size_t b);
int meetings_lead_stops_undated(const mctx_t *c, size_t a, size_t b);
int meetings_frame_opens(const mctx_t *c, size_t a, size_t dtok);
int meetings_frame_named_only(const text_t *t, size_t i, size_t n);
int meetings_frame_held_before(const text_t *t, size_t tok);
int meetings_frame_topic_before(const text_t *t, size_t tok);
int meetings_frame_announced_next(const mctx_t *c, size_t s, size_t pa, size_t pb);
unsigned meetings_frame_classes(const text_t *t, size_t i, size_t lim, size_t *n);
void meetings_find_place(mctx_t *c, meeting_t *m, size_t sent, size_t ksa, size_t ksb, size_t rb);
int meetings_frame_not_meeting(const text_t *t, size_t i, size_t n, const char *kind);

#endif
