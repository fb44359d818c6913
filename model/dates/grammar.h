/* Internal to model/dates/: how the date grammar reads the shared tokens,
 * and the pieces its files share.
 *
 * The grammar looks a bounded number of tokens ahead of the token where an
 * expression starts (its anchor) and at most two behind, through a view of
 * one token range. Past the range, before it, or after a line break that
 * follows the anchor it sees the edge token (TK_END, spaced): an expression
 * never runs over a line break, so a paragraph ending in "... 14:00:11" is
 * not continued by "Sáng" on the next line. The first token of the range
 * counts as spaced and as starting a line, as the start of a text does. */
#ifndef MEETINGD_DATES_GRAMMAR_H
#define MEETINGD_DATES_GRAMMAR_H

#include <stdbool.h>
#include <stdint.h>

#include "model/dates/dates.h"
#include "model/lexicon/lex.h"
#include "model/tag/classes.h"
#include "model/tag/tag.h"

typedef struct dview {
	const text_t *tx;
	size_t lo, hi;	/* the tokens [lo, hi) */
	size_t anchor;	/* where the current expression starts */
	size_t nl_at;	/* first token after the anchor with a line break before it,
			   or SIZE_MAX while none is known */
	size_t scanned; /* tokens up to here were checked for nl_at */
} dview_t;

static const tok_t dates_edge = {.kind = TK_END, .flags = TF_SPACE | TF_NL};

static inline void dv_anchor(dview_t *v, size_t i)
{
	v->anchor = v->scanned = i;
	v->nl_at = SIZE_MAX;
}

static inline void dv_init(dview_t *v, const text_t *tx, size_t lo, size_t hi)
{
	v->tx = tx;
	v->lo = lo;
	v->hi = hi < tx->n ? hi : tx->n;
	dv_anchor(v, lo);
}

/* Token i as the grammar sees it (the edge token outside the view). The
 * line-break check is lazy: only as far ahead as the grammar looks. */
static inline const tok_t *dt_at(dview_t *v, size_t i)
{
	if (i >= v->hi || i < v->lo)
		return &dates_edge;
	if (i > v->anchor) {
		while (v->nl_at == SIZE_MAX && v->scanned < i) {
			size_t k = ++v->scanned;
			if (v->tx->tok[k].flags & TF_NL)
				v->nl_at = k;
		}
		if (i >= v->nl_at)
			return &dates_edge;
	}
	return &v->tx->tok[i];
}

/* The token `back` places before i (the edge token before the range). */
static inline const tok_t *dt_back(dview_t *v, size_t i, size_t back)
{
	return i < v->lo + back ? &dates_edge : dt_at(v, i - back);
}

/* Whitespace (or the start of the range) before token i, which is t. */
static inline bool dt_sp(const dview_t *v, size_t i, const tok_t *t)
{
	return i <= v->lo || (t->flags & TF_SPACE);
}

/* A line break (or the start of the range) before token i, which is t. */
static inline bool dt_nl(const dview_t *v, size_t i, const tok_t *t)
{
	return i <= v->lo || (t->flags & TF_NL);
}

/* The keyword id of token i (0 for the edge token). */
static inline uint16_t dt_kw(dview_t *v, size_t i)
{
	return dt_at(v, i)->kw;
}

/* Token i is a word of class lx of model/lexicon/dates.tsv (LEX_DATE_*). */
static inline bool dt_cls(dview_t *v, size_t i, int lx)
{
	return dt_at(v, i)->kind == TK_WORD && lex_starts(v->tx, lx, i);
}

/* Token t is the punctuation mark cp (a code point, compared exactly). */
static inline bool tk_punct(const tok_t *t, uint32_t cp)
{
	return t->kind == TK_PUNCT && t->val == cp;
}

static inline bool dt_punct(dview_t *v, size_t i, uint32_t cp)
{
	return tk_punct(dt_at(v, i), cp);
}

/* A dash: hyphen, U+2010..U+2015 or the minus sign. */
static inline bool tk_dash(const tok_t *t)
{
	return t->kind == TK_PUNCT &&
	       (t->val == '-' || (t->val >= 0x2010 && t->val <= 0x2015) || t->val == 0x2212);
}

static inline bool dt_dash(dview_t *v, size_t i)
{
	return tk_dash(dt_at(v, i));
}

/* Token i is a number of at most nd digits touching the token before it. */
static inline bool dt_num_touch(dview_t *v, size_t i, unsigned nd)
{
	const tok_t *t = dt_at(v, i);
	return t->kind == TK_NUM && !dt_sp(v, i, t) && t->ndig <= nd;
}

/* A four-digit year 1900..2100. */
static inline bool tk_year(const tok_t *t)
{
	return t->kind == TK_NUM && t->ndig == 4 && t->val >= 1900 && t->val <= 2100;
}

/* A word without capitals ("5G" is a network, "14g" a time). */
static inline bool tk_lower(const tok_t *t)
{
	return t->nup == 0;
}

/* ---- shared pieces ---- */

enum core_kind { C_NONE, C_DAYONLY, C_DM, C_MONTH, C_QUARTER, C_YEAR };

/* The date part of an expression: a day and month, a month, a quarter or a
 * year, with the token after it. */
typedef struct core {
	int kind;
	int d, m, y, q;
	size_t next;
	const char *rule;
} core_t;

/* calendar.c: days since 1970-01-01 of a date, year 0 ("not written")
 * counting as 2000, a leap year. */
long dates_day_no(int y, int m, int d);

/* calendar.c: a canonical Roman numeral (any case) of s[0..n), else 0. */
int dates_roman_value(const char *s, size_t n);

/* calendar.c: the value of a unit word ("hai" 2 .. "chín" 9), else 0. */
int dates_unit_word(uint16_t kw);

/* parts.c: weekday at i ("thứ Hai", "thứ 2", "Chủ nhật", "CN"); the token
 * after it, or 0. */
size_t dates_weekday(dview_t *v, size_t i, int *wd);

/* parts.c: "d SEP m [SEP yyyy]" or ISO "yyyy-mm-dd" at i into *c. */
bool dates_num_date(dview_t *v, size_t i, core_t *c);

/* parts.c: the token at k does not continue a number shape ("26/1/QĐ",
 * "6,5", "50%"). */
bool dates_trailing_ok(dview_t *v, size_t k);

/* parts.c: the pieces of an expression (see there). */
size_t dates_pod_words(dview_t *v, size_t i, enum part_of_day *pod);
size_t dates_relative(dview_t *v, size_t i, bool after_pod, enum date_relative *rel);
bool dates_count_word(dview_t *v, size_t i);
bool dates_leading_ok(dview_t *v, size_t i);
bool dates_dm_core(dview_t *v, size_t i, bool spelled, core_t *c);
bool dates_keyword_core(dview_t *v, size_t i, core_t *c);
bool dates_clock_time(dview_t *v, size_t i, bool strong, int *hh, int *mm, size_t *next);

#endif
