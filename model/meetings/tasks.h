/* Internal to the task recogniser (model/meetings/tasks*.c): the uses of the
 * task vocabulary (model/lexicon/tasks.tsv) and the parts of a directive
 * each file finds: who (tasks_who.c), by when (tasks_when.c), what product
 * (tasks_what.c); tasks.c finds the directives and puts them together. */
#ifndef MEETINGD_MEETINGS_TASKS_H
#define MEETINGD_MEETINGS_TASKS_H

#include "model/meetings/meetings_internal.h"

/* The lexicons a word must be in for the task finder to stop at it: each
 * gives TAG_CLS_TASK (model/tag/cls_bits.h), which its scan looks for. */
#define MEETINGS_TASK_LEXICONS                                                                     \
	((1ull << LEX_TASK_CUE) | (1ull << LEX_TASK_VERB) | (1ull << LEX_TASK_NOT) |               \
	 (1ull << LEX_TASK_WHEN) | (1ull << LEX_DOC_TYPE) | (1ull << LEX_TASK_AGENT) |             \
	 (1ull << LEX_HONORIFICS) | (1ull << LEX_POSITIONS) | (1ull << LEX_PLACES) |               \
	 (1ull << LEX_LOCALITIES) | (1ull << LEX_BODIES))

/* Column 3 of tasks.tsv: what a form of the task lexicons is used for. */
enum task_use {
	TU_NONE = 0,
	TU_ORDER,
	TU_ASK,
	TU_WISH,
	TU_OPEN, /* cue */
	TU_ACT,
	TU_STRONG,
	TU_LEAD,
	TU_COORD, /* verb */
	TU_MAKE,
	TU_SELF,
	TU_SUBMIT,
	TU_REPORT, /* verb: deliverables */
	TU_HEAD,
	TU_QUAL,
	TU_PLURAL,
	TU_QUANT, /* agent */
	TU_SPEAKER,
	TU_OPINION,
	TU_PLEDGE,
	TU_PAST,
	TU_PASSIVE,
	TU_WORD, /* not */
	TU_WLEAD,
	TU_PERIOD,
	TU_TAIL,
	TU_VAGUE, /* when */
	TU_PRODUCT,
	TU_RESULT /* product */
};

/* The use of the longest entry of task lexicon lx at token i (tokens
 * [i, i + *n), within lim), or TU_NONE. */
enum task_use meetings_task_use_hit(const text_t *t, int lx, size_t i, size_t lim, size_t *n);

/* meetings_is_punct inline: the recogniser asks at every token. */
static inline int task_is_punct(const text_t *t, size_t i, char ch)
{
	return i < t->n && t->tok[i].kind == TK_PUNCT && t->tok[i].klen == 1 &&
	       t->keys[t->tok[i].key] == ch;
}

/* meetings_task_use_hit, answered here from the token's mask when no entry
 * of lx starts at i (most asks): the recogniser asks at every token. */
static inline enum task_use meetings_task_use(const text_t *t, int lx, size_t i, size_t lim,
					      size_t *n)
{
	if (i >= lim || i >= t->n || !((t->lexmask[i] >> lx) & 1))
		return TU_NONE;
	return meetings_task_use_hit(t, lx, i, lim, n);
}

/* 1 when token i is part of a word that only looks like a task verb
 * ("công trình", "trình độ"): an entry of class not/word covers it. */
int meetings_task_in_word(const text_t *t, size_t i);

/* 1 when token i is a quantifier that opens a plural assignee ("các",
 * "những", "từng", "mỗi", "toàn thể", "tất cả"); *n its tokens. */
int meetings_task_quant(const text_t *t, size_t i, size_t lim, size_t *n);

/* One assignee as written: tokens [a, b), and the body or person it is. */
typedef struct task_who {
	size_t a, b;
	int org, person; /* indexes into doc->orgs / doc->people, or -1 */
	int generic;	 /* a common noun phrase ("các sở, ngành"), no name */
	int quant;	 /* opens with its own quantifier */
} task_who_t;

#define TASK_WHO_MAX 12

typedef struct task_whos {
	task_who_t v[TASK_WHO_MAX];
	size_t n;
	size_t end; /* the token after the list (the action starts there) */
} task_whos_t;

/* The assignees of a directive starting at token k, split the way the
 * corpus conventions say (distinct bodies one by one, a collective phrase
 * whole); the action starts at out->end. 1 when there is one at least. */
int meetings_task_whos(const mctx_t *c, size_t k, size_t lim, task_whos_t *out);

/* The deadline written in tokens [a, b): its span and, through lo and hi, its
 * tokens; 0 when none. */
int meetings_task_deadline(const mctx_t *c, size_t a, size_t b, span_t *sp, size_t *lo, size_t *hi);

/* The deliverable of the action in tokens [a, b), the deadline's tokens
 * [dlo, dhi) left out; an empty span when none. */
span_t meetings_task_deliverable(const mctx_t *c, size_t a, size_t b, size_t dlo, size_t dhi);

#endif
