/* Internal to the people recogniser (model/people/): the context of one
 * pass and the phrase grammar (names, titles, positions) its files share. */
#ifndef MEETINGD_PEOPLE_PEOPLE_H
#define MEETINGD_PEOPLE_PEOPLE_H

#include <string.h>

#include "model/extract.h"
#include "model/lexicon/lex.h"
#include "model/text/fold.h"
#include "model/text/strmap.h"

/* What the recogniser knows of one token, filled in one pass per parse
 * (the -1s and 0s side by side, so that the fill is plain stores and no
 * byte-wise memset). The name answers are asked again and again from
 * every start position (each trigger, the chains, the re-mention pass):
 * each is worked out once and kept as end - i + 1, 0 while not known
 * (a name too long for a byte is worked out every time). */
typedef struct people_tok {
	int32_t org_at;	 /* org mention starting at the token, or -1 */
	int32_t org_in;	 /* org mention covering the token, or -1 */
	uint8_t foreign; /* 0 not yet known, 1 Vietnamese, 2 foreign */
	uint8_t name[2]; /* people_name_at(i, need_surname) */
	uint8_t fname;	 /* people_foreign_name_at(i) */
	uint8_t covered; /* inside a person mention (the re-mention pass) */
	uint8_t pad[3];
} people_tok_t;

typedef struct ctx {
	doc_t *d;
	strmap_t by_name;  /* canonical name -> person */
	strmap_t by_title; /* folded position -> the first person holding it */
	const text_t *t;
	people_tok_t *pt; /* n + 1 of them */
	int pos, hon, sur, loc, pl;
} ctx_t;

/* a capitalised word (inline: every name and position test asks it) */
static inline int people_is_cap(const tok_t *t)
{
	return t->kind == TK_WORD && (t->flags & (TF_CAP | TF_UPPER));
}

/* Column col of lexicon entry e is the word w. The TSVs give an entry's
 * class as a word, not an id or a bit, so this stays a string test; its
 * first letter turns most asks away without a call. */
static inline int people_col_is(const lex_entry_t *e, unsigned col, const char *w)
{
	return e->ncols > col && e->cols[col][0] == w[0] && !strcmp(e->cols[col], w);
}

/* a lower-case word before a title that stays in the position: "nguyên",
 * "cựu" (former), "quyền" (acting), "tân" (new): "tân Tổng thống Pháp" */
static inline int people_modifier_kw(uint16_t kw)
{
	return kw == KW_nguyeen || kw == KW_quyeenf || kw == KW_cuwuj || kw == KW_taan;
}

/* Punctuation token i is the ASCII character ch. */
static inline int people_is_punct(const ctx_t *c, size_t i, char ch)
{
	return i < c->t->n && c->t->tok[i].kind == TK_PUNCT && c->t->keys[c->t->tok[i].key] == ch &&
	       c->t->tok[i].klen == 1;
}

/* Words that end a position phrase: verbs and function words that follow a
 * person's titles in the genre (cues.tsv, person_stop). */
static inline int people_is_stop(const ctx_t *c, size_t i)
{
	return i < c->t->n && lex_starts(c->t, LEX_CUE_PERSON_STOP, i);
}

/* 0 when no title can start at i: neither i nor the word after a modifier
 * starts a position (one bit each; lexmask has two zero words past n). The
 * cheap rejection every title and position test asks first. */
static inline int people_may_title(const ctx_t *c, size_t i)
{
	const text_t *t = c->t;
	if (i >= t->n)
		return 0;
	size_t k = i + (people_modifier_kw(t->tok[i].kw) ? 1 : 0);
	return (t->lexmask[k] >> LEX_POSITIONS) & 1;
}

/* The lower-case words a person's phrase may start at besides an
 * honorific: "các" (a group heading) and the modifiers. One load, where
 * the scan asks it of every token. */
extern const uint8_t people_start_kws[KW_COUNT];
static inline int people_start_kw(uint16_t kw)
{
	return kw < KW_COUNT && people_start_kws[kw];
}

/* positions.c: tokens, titles and positions */
int people_is_dash_sep(const ctx_t *c, size_t i);
int people_title_at_start(const ctx_t *c, size_t i);
static inline int people_title_start(const ctx_t *c, size_t i)
{
	return people_may_title(c, i) && people_title_at_start(c, i);
}
/* names.c: names and the signs of a foreign one */
static inline size_t people_surname_at(const ctx_t *c, size_t i)
{
	size_t n = 0;
	if (i >= c->t->n || !people_is_cap(&c->t->tok[i]))
		return 0;
	if (lex_at(c->t, LEX_SURNAMES, i, c->t->n, &n))
		return n;
	return 0;
}
size_t people_name_run(const ctx_t *c, size_t i, int need_surname);
/* A name at i (names.c: name_run), remembered per token. A name has a
 * second word: the token after the first is capitalised, a mark (the "-"
 * of a glued part, the "." of an initial) or a particle ("von"); most
 * capitalised words fail that and are answered here. */
static inline size_t people_name_at(const ctx_t *c, size_t i, int need_surname)
{
	const text_t *t = c->t;
	if (i >= t->n || !people_is_cap(&t->tok[i]) || c->pt[i].org_in >= 0)
		return i;
	const tok_t *nx = &t->tok[i + 1];
	if (!people_is_cap(nx) && nx->kind != TK_PUNCT &&
	    !(nx->kind == TK_WORD && lex_starts(t, LEX_PWORD_NAME_LINK, i + 1)))
		return i;
	uint8_t m = c->pt[i].name[need_surname ? 1 : 0];
	if (m)
		return i + m - 1;
	return people_name_run(c, i, need_surname ? 1 : 0);
}
size_t people_word_end_glued(const ctx_t *c, size_t j);
/* End of the name word starting at token j (names.c: the token and its
 * glued "-part"s); most words have no mark after them. */
static inline size_t people_word_end(const ctx_t *c, size_t j)
{
	if (c->t->tok[j + 1].kind != TK_PUNCT)
		return j + 1;
	return people_word_end_glued(c, j);
}
int people_foreign_word(const ctx_t *c, size_t i);
size_t people_foreign_run_at(const ctx_t *c, size_t i);
/* A foreign name at i (names.c: foreign_run), remembered per token. */
static inline size_t people_foreign_name_at(const ctx_t *c, size_t i)
{
	const text_t *t = c->t;
	if (i + 1 >= t->n || !people_is_cap(&t->tok[i]))
		return i;
	/* a word in capitals is an abbreviation, unless it is an initial */
	if ((t->tok[i].flags & TF_UPPER) && t->tok[i].end - t->tok[i].start != 1)
		return i;
	/* the second word foreign_run asks for first; no initial either
	 * without a mark after the word */
	const tok_t *nx = &t->tok[i + 1];
	if (nx->kind != TK_PUNCT && !(people_is_cap(nx) && (nx->flags & TF_SPACE)) &&
	    !(nx->kind == TK_WORD && lex_starts(t, LEX_PWORD_NAME_LINK, i + 1)))
		return i;
	uint8_t m = c->pt[i].fname;
	if (m)
		return i + m - 1;
	return people_foreign_run_at(c, i);
}
size_t people_name_in_body_tail(const ctx_t *c, size_t a, size_t b);
int people_ends_with_country(const ctx_t *c, size_t end);
size_t people_position_found(const ctx_t *c, size_t i, size_t lim, position_t *out,
			     int before_name);
/* Extent of one position phrase starting at i (positions.c): a title,
 * then the body it belongs to. Returns end token (i when no title). */
static inline size_t people_position_at(const ctx_t *c, size_t i, size_t lim, position_t *out,
					int before_name)
{
	if (!people_may_title(c, i))
		return i;
	return people_position_found(c, i, lim, out, before_name);
}
/* forget a mention's positions (they stay in the arena) */
static inline void people_free_positions(person_mention_t *pm)
{
	pm->positions.n = 0;
}
int people_add_pos(arena_t *ar, person_mention_t *pm, position_t *p);
size_t people_chain_after(const ctx_t *c, size_t j, person_mention_t *pm);

/* The name at k of a person introduced by an honorific (has_hon) and/or
 * positions (had_pos): led by a family name, or any name after an
 * honorific alone or after a country ("Thủ tướng Lào Thoong-lun
 * Xi-xu-lít"), or a foreign name. Returns end or k. Inline: every
 * trigger asks it, and most asks end at the first cheap rejection. */
static inline size_t people_name_after(const ctx_t *c, size_t k, int has_hon, int had_pos)
{
	if (had_pos && k < c->t->n && c->pt[k].org_in >= 0) {
		/* the tail of a body the positions ended in */
		const org_mention_t *om = &c->d->org_mentions.v[c->pt[k].org_in];
		if (om->tok_start < k &&
		    people_name_in_body_tail(c, om->tok_start, om->tok_end) == k)
			return om->tok_end;
		return k;
	}
	size_t ne = people_name_at(c, k, !has_hon);
	if (ne == k && has_hon && !had_pos)
		ne = people_name_at(c, k, 0);
	if (ne == k && had_pos && people_ends_with_country(c, k))
		ne = people_name_at(c, k, 0);
	if (ne == k && (has_hon || had_pos))
		ne = people_foreign_name_at(c, k);
	return ne;
}

#endif
