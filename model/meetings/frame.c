/* Is a meeting reported as held in the article's own time frame? A dated
 * sentence that names a meeting anchors one only when it reports it: not
 * when the meeting is announced for later ("Hội nghị ... sẽ diễn ra từ ngày
 * 20-21/5", "Dự kiến ... được tổ chức vào sáng 30.4"), recalled as
 * background ("Trước đó, tại Hội nghị ..."), when the date is a time limit
 * ("báo cáo trước ngày 10/2"), a cited document's date, an anniversary or a
 * speaker's words in quotation marks, or when the ceremony is a religious
 * rite. The cue words are model/lexicon/meeting_frame.tsv. */
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "model/meetings/meetings_internal.h"

/* the classes (bits 1 << FR_*) an entry's second column names, a
 * comma-separated list */
static unsigned entry_classes(const lex_entry_t *e)
{
	static const char *names[] = {"",	  "future", "modal", "opener",	 "past",
				      "deadline", "rite",   "sport", "held_pre", "held_post",
				      "done",	  "named",  "venue", "posted",	 "trip",
				      "topic",	  "habit",  "notice"};
	if (e->ncols < 2)
		return 0;
	unsigned m = 0;
	for (const char *p = e->cols[1]; *p;) {
		size_t len = 0;
		while (p[len] && p[len] != ',')
			len++;
		for (unsigned k = 1; k < sizeof names / sizeof names[0]; k++)
			if (p[0] == names[k][0] && !strncmp(p, names[k], len) && !names[k][len])
				m |= 1u << k;
		if (!p[len])
			break;
		p += len + 1;
	}
	return m;
}

/* Each entry's classes, read from its column the first time a text hits
 * it and kept for the process (bit 31 says it is set): a parse pays for
 * the few entries it meets, not for the whole file nor for every ask. The
 * value is the same whoever computes it, so relaxed atomics suffice. */
#define FRAME_TABLE_MAX 2048
#define FRAME_SET (1u << 31)
static _Atomic unsigned frame_table[FRAME_TABLE_MAX];

/* the classes (bits 1 << FR_*) of the longest frame phrase at token i
 * ending at or before lim, its length in *n */
static unsigned frame_at(const text_t *t, size_t i, size_t lim, size_t *n)
{
	size_t len = 0;
	const lex_entry_t *e = lex_at(t, LEX_MEETING_FRAME, i, lim, &len);
	if (!e || e->ncols < 2)
		return 0;
	size_t idx = (size_t)(e - lex_entry(LEX_MEETING_FRAME, 0));
	unsigned m;
	if (idx < FRAME_TABLE_MAX) {
		m = atomic_load_explicit(&frame_table[idx], memory_order_relaxed);
		if (!(m & FRAME_SET)) {
			m = entry_classes(e) | FRAME_SET;
			atomic_store_explicit(&frame_table[idx], m, memory_order_relaxed);
		}
		m &= ~FRAME_SET;
	} else {
		m = entry_classes(e);
	}
	if (n)
		*n = len;
	return m;
}

#define FRB(x) (1u << (x))

/* 1 when a phrase of class cls ends right before token end (at most three
 * tokens long) */
static int frame_ends_at(const text_t *t, size_t end, int cls)
{
	for (size_t j = end >= 3 ? end - 3 : 0; j < end; j++) {
		size_t n = 0;
		if ((frame_at(t, j, end, &n) & FRB(cls)) && j + n == end)
			return 1;
	}
	return 0;
}

static int quote_iv_cmp(const void *x, const void *y)
{
	size_t a = ((const size_t *)x)[0], b = ((const size_t *)y)[0];
	return a < b ? -1 : a > b;
}

/* The tokens inside quotation marks, from the quotes' occurrences: their
 * token ranges sorted and merged, so that the work is in quotes, not in
 * tokens, and meetings_in_quote is a binary search. */
int meetings_frame_init(mctx_t *c)
{
	const doc_t *d = c->d;
	size_t nq = 0;
	for (size_t q = 0; q < d->art.quotes.n; q++)
		nq += d->art.quotes.v[q].at.n;
	c->quote_iv = NULL;
	c->nquote_iv = 0;
	if (!nq)
		return 0;
	size_t *iv = arena_alloc_raw(d->ar, nq * 2 * sizeof *iv);
	if (!iv)
		return -1;
	size_t k = 0;
	for (size_t q = 0; q < d->art.quotes.n; q++) {
		const quote_t *qt = &d->art.quotes.v[q];
		for (size_t j = 0; j < qt->at.n; j++) {
			size_t a = doc_tok_at(d, qt->at.v[j].start);
			size_t b = doc_tok_at(d, qt->at.v[j].end);
			if (a < b) {
				iv[2 * k] = a;
				iv[2 * k + 1] = b;
				k++;
			}
		}
	}
	if (k > 1)
		qsort(iv, k, 2 * sizeof *iv, quote_iv_cmp);
	/* merge overlapping and touching ranges: the union is what counts */
	size_t m = 0;
	for (size_t j = 0; j < k; j++) {
		if (m && iv[2 * j] <= iv[2 * m - 1]) {
			if (iv[2 * j + 1] > iv[2 * m - 1])
				iv[2 * m - 1] = iv[2 * j + 1];
			continue;
		}
		iv[2 * m] = iv[2 * j];
		iv[2 * m + 1] = iv[2 * j + 1];
		m++;
	}
	c->quote_iv = iv;
	c->nquote_iv = m;
	return 0;
}

int meetings_in_quote(const mctx_t *c, size_t i)
{
	size_t lo = 0, hi = c->nquote_iv;
	/* the last range starting at or before i */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (c->quote_iv[2 * mid] <= i)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo > 0 && i < c->quote_iv[2 * (lo - 1) + 1];
}

/* 1 when byte offset off lies inside a cited document ("văn bản số 304/UBND
 * – NL ngày 23/01/2017"): its date is the document's */
static int in_citation(const doc_t *d, size_t off)
{
	size_t i = meetings_doc_from(d, off + 1);
	return i > 0 && d->docs.v[i - 1].span.start <= off && off < d->docs.v[i - 1].span.end;
}

int meetings_date_is_event(const mctx_t *c, const date_expr_t *x)
{
	const doc_t *d = c->d;
	const text_t *t = c->t;
	size_t ts = x->tok_start;
	if (ts < t->n && meetings_in_quote(c, ts))
		return 0;
	if (in_citation(d, x->span.start))
		return 0;
	/* a citation the document recogniser did not take: "văn bản số
	 * 304/UBND – NL ngày 23/01/2017" */
	if (x->has_ngay)
		for (size_t j = ts >= 8 ? ts - 8 : 0; j + 1 < ts; j++) {
			if (tok_kw(t, j) == KW_soos && t->tok[j + 1].kind == TK_NUM) {
				size_t q = j + 1;
				/* a title line ending on "Chỉ thị số 05" does not
				 * run into the lead's date */
				while (q < ts && !meetings_is_punct(t, q, '.') &&
				       !meetings_is_punct(t, q, ';') &&
				       !(t->tok[q + 1].flags & (TF_NL | TF_SENT)))
					q++;
				if (q == ts)
					return 0;
			}
		}
	/* an anniversary "(30.4.1975 - 30.4.2025)", a date long past */
	if (x->year && x->end_year && x->end_year != x->year)
		return 0;
	if (x->year && ts > 0 && meetings_is_punct(t, ts - 1, '('))
		return 0;
	/* the second half "(30.4.1975 - 30.4.2025)": a dash after the
	 * bracket opens, in the same line */
	if (x->year)
		for (size_t j = ts, dash = 0; j > 0 && j + 12 > ts; j--) {
			if (meetings_is_punct(t, j - 1, ')') || (t->tok[j].flags & TF_NL))
				break;
			if (meetings_is_punct(t, j - 1, '-'))
				dash = 1;
			if (meetings_is_punct(t, j - 1, '('))
				if (dash)
					return 0;
		}
	if (x->year && d->pub_year && x->year < d->pub_year - 1)
		return 0;
	/* "diễn ra từ 22/5 đến 21/6": a session's schedule, not a day */
	if (x->end_day && x->month &&
	    (x->end_month ? x->end_month : x->month) * 31 + x->end_day - x->month * 31 - x->day >
		10)
		return 0;
	/* "trước ngày 10/2", "từ nay đến 30-8", "hồi tháng 3"; a date written
	 * with its part of day ("đến sáng 5/7") still dates an event */
	if (!x->pod && (frame_ends_at(t, ts, FR_DEADLINE) || frame_ends_at(t, ts, FR_PAST)))
		return 0;
	if (ts > 0 && tok_kw(t, ts - 1) == KW_vaof &&
	    (frame_ends_at(t, ts - 1, FR_DEADLINE) || frame_ends_at(t, ts - 1, FR_PAST)))
		return 0;
	return 1;
}

/* 1 when some date of tokens [a, b) is "hôm nay", "sáng nay" */
static int dated_today(const doc_t *d, size_t a, size_t b)
{
	const text_t *t = &d->tx;
	for (size_t i = meetings_date_from(d, t->tok[a].start);
	     i < d->dates.n && d->dates.v[i].span.start < t->tok[b - 1].end; i++)
		if (d->dates.v[i].relative == REL_TODAY)
			return 1;
	return 0;
}

/* the first verb of happening in [a, b): the meeting's own verb when the
 * sentence names no meeting noun */
static size_t happening_verb(const text_t *t, size_t a, size_t b)
{
	for (size_t i = a; i < b; i++)
		if (tok_kw(t, i) == KW_hopj || tok_kw2(t, i, KW_chur, KW_trif) ||
		    tok_kw2(t, i, KW_toor, KW_chuwcs) || tok_kw2(t, i, KW_dieenx, KW_ra) ||
		    tok_kw2(t, i, KW_khai, KW_macj) || tok_kw2(t, i, KW_lamf, KW_vieecj))
			return i;
	return b;
}

/* "Văn phòng Chính phủ có thông báo truyền đạt kết luận của Phó Thủ tướng
 * tại cuộc họp ...": the date is the notice's, the meeting was earlier;
 * a notice word, then "kết luận", then "tại" right before the noun at kt */
static int notice_of(const text_t *t, size_t a, size_t kt)
{
	if (kt < 1 || tok_kw(t, kt - 1) != KW_taij)
		return 0;
	int notice = 0;
	for (size_t i = a; i + 1 < kt; i++) {
		if (frame_at(t, i, kt, NULL) & FRB(FR_NOTICE))
			notice = 1;
		else if (notice && tok_kw2(t, i, KW_keets, KW_luaanj))
			return 1;
	}
	return 0;
}

/* "đã", "vừa" in [a, e) */
static int told_past(const text_t *t, size_t a, size_t e)
{
	for (size_t i = a; i < e; i++)
		if (frame_at(t, i, e, NULL) & FRB(FR_DONE))
			return 1;
	return 0;
}

int meetings_frame_refused(mctx_t *c, size_t a, size_t b, const date_expr_t *x, const kmention_t *k,
			   const date_expr_t *prev)
{
	const doc_t *d = c->d;
	const text_t *t = c->t;
	if (a >= b)
		return 1;
	if (x && x->relative == REL_TOMORROW)
		return 1;
	/* "Trước đó, tại Hội nghị ...": background, unless the article's
	 * meeting days ("Trước đó, sáng cùng ngày, ...") */
	for (size_t i = a; i < a + 2 && i < b; i++) {
		if (!(frame_at(t, i, b, NULL) & FRB(FR_OPENER)))
			continue;
		if (!prev || !x)
			return 1;
		if (x->relative == REL_SAME_DAY || x->relative == REL_TODAY)
			break;
		if (!x->day || !x->month || x->month != prev->month || x->day != prev->day)
			return 1;
		break;
	}
	if (dated_today(d, a, b))
		return 0;
	if (k && k->tok >= a && k->tok < b && notice_of(t, a, k->tok))
		return 1;
	/* the future before the meeting's noun (or its verb), or a modal
	 * right after its noun: "Hội nghị ... sẽ diễn ra", "Kỳ họp sẽ khai
	 * mạc" */
	size_t e = (k && k->tok >= a && k->tok < b) ? k->tok : happening_verb(t, a, b);
	for (size_t i = a; i < e; i++) {
		size_t n = 0;
		if (frame_at(t, i, e, &n) & (FRB(FR_FUTURE) | FRB(FR_MODAL))) {
			c->future_seen = 1;
			return 1;
		}
		if (n > 1)
			i += n - 1;
	}
	/* between the noun and its verb: "Hội nghị Bộ trưởng ... APEC sẽ diễn
	 * ra" */
	if (k && k->tok >= a && k->tok < b)
		for (size_t i = k->tok + k->ntok; i < k->tok + k->ntok + 12 && i < b; i++) {
			if (meetings_is_punct(t, i, ',') || meetings_is_punct(t, i, '.') ||
			    meetings_is_punct(t, i, ';'))
				break;
			unsigned m = frame_at(t, i, b, NULL);
			if (m & FRB(FR_MODAL)) {
				c->future_seen = 1;
				return 1;
			}
			if (m & FRB(FR_HELD_POST) || happening_verb(t, i, i + 1) == i) {
				e = i + 1;
				break;
			}
		}
	/* in an article that announces meetings, one is reported only when
	 * told in the past ("đã", "vừa") or dated yesterday */
	if (c->future_seen && !(x && x->relative == REL_YESTERDAY) &&
	    !told_past(t, a, e > a ? e : b))
		return 1;
	return 0;
}

/* A ceremony named for a religious service ("buổi lễ của một Thánh nữ",
 * "lễ cầu siêu") or a sports festival named "đại hội" ("Đại hội Thể dục
 * thể thao"): the kind mention at [i, i + n) is no meeting. */
int meetings_frame_not_meeting(const text_t *t, size_t i, size_t n, const char *kind)
{
	int cer = !strcmp(kind, "ceremony"), con = !strcmp(kind, "congress");
	if (!cer && !con)
		return 0;
	size_t lim = i + n + 5 < t->n ? i + n + 5 : t->n;
	for (size_t j = i + n; j < lim; j++) {
		if (meetings_is_punct(t, j, '.') || meetings_is_punct(t, j, ',') ||
		    meetings_is_punct(t, j, ';'))
			break;
		unsigned m = frame_at(t, j, lim, NULL);
		if ((cer && (m & FRB(FR_RITE))) || (con && (m & FRB(FR_SPORT)) && j < i + n + 2))
			return 1;
	}
	if (cer && i >= 1 && (frame_at(t, i - 1, i, NULL) & FRB(FR_RITE)))
		return 1;
	return 0;
}

/* 1 when tokens [a, b) date something a month or more before publication
 * ("diễn ra vào tháng 5/2013" in an article of October 2013) */
static int stale_period(const doc_t *d, size_t a, size_t b)
{
	const text_t *t = &d->tx;
	if (!d->pub_year)
		return 0;
	long pub = (long)d->pub_year * 12 + d->pub_month;
	for (size_t i = meetings_date_from(d, t->tok[a].start);
	     i < d->dates.n && d->dates.v[i].span.start < t->tok[b - 1].end; i++) {
		const date_expr_t *x = &d->dates.v[i];
		if (!x->year)
			continue;
		long ym = (long)x->year * 12 + (x->month ? x->month : 12);
		if (ym < pub - 1)
			return 1;
	}
	return 0;
}

/* "chủ trì cuộc họp", "bên lề hội thảo", "Hội nghị ... đã khai mạc" */
int meetings_kind_held(const text_t *t, const kmention_t *k, size_t b)
{
	if (frame_ends_at(t, k->tok, FR_HELD_PRE))
		return 1;
	for (size_t i = k->tok + k->ntok; i < b && i < k->tok + k->ntok + 12; i++) {
		if (meetings_is_punct(t, i, '.') || meetings_is_punct(t, i, ';'))
			break;
		if (frame_at(t, i, b, NULL) & FRB(FR_HELD_POST))
			return 1;
	}
	return 0;
}

int meetings_lead_stops_undated(const mctx_t *c, size_t a, size_t b)
{
	const doc_t *d = c->d;
	if (a >= b)
		return 0;
	int idx;
	if (meetings_date_in(c, d->tx.tok[a].start, d->tx.tok[b - 1].end, &idx))
		return 1;
	return stale_period(d, a, b) && meetings_kind_in(c, a, b);
}

const kmention_t *meetings_undated_kind(mctx_t *c, size_t a, size_t b)
{
	const doc_t *d = c->d;
	if (a >= b || meetings_in_quote(c, a) || stale_period(d, a, b))
		return NULL;
	for (size_t i = meetings_kind_from(c, a); i < c->kinds.n && c->kinds.v[i].tok < b; i++) {
		const kmention_t *k = &c->kinds.v[i];
		if (k->tok < a || meetings_cited_only(c, k->tok) || meetings_weak_kind(c, k))
			continue;
		if (meetings_in_quote(c, k->tok))
			continue;
		if (!meetings_kind_held(c->t, k, b))
			continue;
		if (meetings_frame_refused(c, a, b, NULL, k, NULL))
			return NULL;
		return k;
	}
	return NULL;
}

/* "Trước đó, sáng 24/5, ...", "Cũng trong ngày 9/5, ...": the date opens
 * the sentence after an opener, a comma and "cũng", "trong", "vào" */
int meetings_frame_opens(const mctx_t *c, size_t a, size_t dtok)
{
	const text_t *t = c->t;
	size_t i = a, n = 0;
	if (i < dtok && (frame_at(t, i, dtok, &n) & FRB(FR_OPENER)))
		i += n;
	while (i < dtok && (meetings_is_punct(t, i, ',') || tok_kw(t, i) == KW_cungx ||
			    tok_kw(t, i) == KW_trong || tok_kw(t, i) == KW_vaof))
		i++;
	return i == dtok && dtok > a;
}

/* "Đối thoại nhiều bên" is a meeting, "thường xuyên đối thoại" a verb */
int meetings_frame_named_only(const text_t *t, size_t i, size_t n)
{
	size_t len = 0;
	if (!(frame_at(t, i, i + n, &len) & FRB(FR_NAMED)) || len != n ||
	    (t->tok[i].flags & TF_CAP))
		return 0;
	/* "Chủ tịch UBND tỉnh đối thoại với doanh nghiệp" is held; "cần
	 * thiết phải đối thoại với", "công tác đối thoại với" are not */
	if (i + n < t->n && tok_kw(t, i + n) == KW_vowis && !frame_ends_at(t, i, FR_HABIT))
		return 0;
	return 1;
}

unsigned meetings_frame_classes(const text_t *t, size_t i, size_t lim, size_t *n)
{
	return frame_at(t, i, lim, n);
}

/* "dự", "tham dự", "chủ trì", "tại" right before the kind mention at tok */
int meetings_frame_held_before(const text_t *t, size_t tok)
{
	/* "Tham dự buổi lễ trao học bổng": past the measure word */
	if (tok > 0 && (tok_kw(t, tok - 1) == KW_buooir || tok_kw(t, tok - 1) == KW_cuoocj))
		tok--;
	return frame_ends_at(t, tok, FR_HELD_PRE);
}

/* 1 when sentence s opens on a meeting's noun of a kind named in tokens
 * [pa, pb), followed by a future word:
 * "Phiên bế mạc sẽ được tường thuật trực tiếp" */
int meetings_frame_announced_next(const mctx_t *c, size_t s, size_t pa, size_t pb)
{
	const text_t *t = c->t;
	size_t a, b;
	meetings_sent_tokens(c->d, s, &a, &b);
	const kmention_t *k2 = meetings_kind_in(c, a, a + 2 < b ? a + 2 : b);
	if (!k2)
		return 0;
	/* the same kind named in the dated sentence [pa, pb) */
	int same = 0;
	for (size_t q = meetings_kind_from(c, pa); q < c->kinds.n && c->kinds.v[q].tok < pb; q++)
		if (c->kinds.v[q].tok >= pa && c->kinds.v[q].kind == k2->kind)
			same = 1;
	if (!same)
		return 0;
	for (size_t i = k2->tok + k2->ntok; i < b && i < k2->tok + k2->ntok + 4; i++)
		if (frame_at(t, i, b, NULL) & (FRB(FR_MODAL) | FRB(FR_FUTURE)))
			return 1;
	return 0;
}

/* a plan or its preparation names the meeting at tok as a topic: "kế hoạch
 * tổ chức Hội nghị", "công tác chuẩn bị Đại hội", "về việc tổ chức lễ" */
int meetings_frame_topic_before(const text_t *t, size_t tok)
{
	if (tok > 0 && (tok_kw(t, tok - 1) == KW_buooir || tok_kw(t, tok - 1) == KW_cuoocj))
		tok--;
	if (frame_ends_at(t, tok, FR_TOPIC))
		return 1;
	/* "chuẩn bị tổ chức Hội nghị", "kế hoạch tổ chức Hội nghị" */
	return tok >= 2 && tok_kw2(t, tok - 2, KW_toor, KW_chuwcs) &&
	       frame_ends_at(t, tok - 2, FR_TOPIC);
}
