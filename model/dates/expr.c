/* Date/time expressions: a lead ("từ", "trong hai ngày", "lúc"), a clock
 * time, a part of day, a relative day, a weekday, "ngày", the date itself,
 * a range end and a trailing time, put together from the pieces of
 * parts.c; and the scan over the text. */
#include "model/dates/grammar.h"

/* "2 giờ chiều" is 14:00, "8 giờ tối" 20:00, "1 giờ trưa" 13:00. */
static int pod_hour(int h, enum part_of_day pod)
{
	if ((pod == POD_AFTERNOON || pod == POD_EVENING) && h >= 1 && h < 12 &&
	    !(pod == POD_EVENING && h < 5))
		return h + 12;
	if (pod == POD_NOON && h >= 1 && h < 4)
		return h + 12;
	return h;
}

/* The bare numbers (no word before them) pass the number-shape guards:
 * not "Điều 5.2", "tỷ lệ 3/4", "thắng 3-1", "3-5 người", "2/3 đại biểu",
 * "1.1." at the head of a line. */
static bool bare_ok(dview_t *v, size_t i, size_t end, uint32_t sep)
{
	const tok_t *n = dt_at(v, end);
	if (!dates_leading_ok(v, i))
		return false;
	if (i > v->lo &&
	    (dt_cls(v, i - 1, LEX_DATE_CTX) || (sep == '-' && dt_cls(v, i - 1, LEX_DATE_SCORE))))
		return false;
	if (tk_punct(n, '%') || tk_punct(n, 0x2030))
		return false;
	/* "năm nay" after a date is this year, not "3-5 năm" */
	if (n->kind == TK_WORD && tk_lower(n) && dt_cls(v, end, LEX_DATE_UNIT) &&
	    !(n->kw == KW_nawm && dt_kw(v, end + 1) == KW_nay))
		return false;
	if (sep == '.' && dt_nl(v, i, dt_at(v, i)) && n->kind == TK_PUNCT && !dt_sp(v, end, n) &&
	    (n->val == '.' || n->val == ')'))
		return false;
	return true;
}

/* Range end after a connector: "[hết] [ngày] 7/12", "[ngày] 7 tháng 12". */
static bool range_end(dview_t *v, size_t k, core_t *c2)
{
	if (dt_kw(v, k) == KW_heets)
		k++;
	if (dt_kw(v, k) == KW_ngayf)
		k++;
	return dates_dm_core(v, k, true, c2) && c2->kind == C_DM;
}

enum lead { LEAD_NONE, LEAD_FROM, LEAD_PAIR, LEAD_AT };

/* The word or dash between the two days of a range at k. */
static bool range_conn(dview_t *v, size_t k, enum lead lead, bool headed)
{
	uint16_t kw = dt_kw(v, k);
	if (lead == LEAD_PAIR) /* "Trong hai ngày 30/6 và 1/7" */
		return kw == KW_vaf || dt_dash(v, k) || kw == KW_ddeens;
	if (lead == LEAD_FROM) /* "từ ngày 5 đến 7/12", "Từ ngày 27 - 30/6" */
		return kw == KW_ddeens || kw == KW_towis || dt_dash(v, k);
	if (headed) /* "ngày 19 và 20/6", "Sáng 5 - 7/12" */
		return dt_dash(v, k) || kw == KW_vaf || kw == KW_ddeens;
	/* bare "5-7/12": the shape dm_core saw */
	const tok_t *t = dt_at(v, k);
	return tk_punct(t, '-') && !dt_sp(v, k, t);
}

/* Fill the range of e from its first part c (day, maybe month and year)
 * and its end c2; 0 when the two do not make a forward range. */
static bool make_range(date_expr_t *e, const core_t *c, const core_t *c2, long maxlen)
{
	int d = c->d, m = c->m, y = c->y;
	if (!dates_valid(c2->y, c2->m, c2->d))
		return false;
	if (!m) { /* "từ ngày 30 đến 2/7": the 30th of June */
		m = c2->m;
		if (d > c2->d)
			m = m == 1 ? 12 : m - 1;
	}
	if (!y && c2->y)
		y = (m > c2->m || (m == c2->m && d > c2->d)) ? c2->y - 1 : c2->y;
	if (!dates_valid(y, m, d))
		return false;
	int ey = c2->y;
	long a = dates_day_no(y, m, d);
	long b = dates_day_no(
	    ey ? ey : (y ? y : 2000) + (a > dates_day_no(y, c2->m, c2->d) ? 1 : 0), c2->m, c2->d);
	if (b <= a || b - a > maxlen)
		return false;
	e->day = d;
	e->month = m;
	e->year = y;
	e->end_day = c2->d;
	e->end_month = c2->m;
	e->end_year = ey;
	return true;
}

static void set_core(date_expr_t *e, const core_t *c)
{
	e->day = c->d;
	e->month = c->m;
	e->year = c->y;
	e->quarter = c->q;
	e->precision = c->kind == C_MONTH     ? PREC_MONTH
		       : c->kind == C_QUARTER ? PREC_QUARTER
		       : c->kind == C_YEAR    ? PREC_YEAR
					      : PREC_DAY;
	e->rule = c->rule;
}

/* "(4/7)", "(thứ Hai, 4/7)" after a relative word or a weekday. */
static bool bracket_date(dview_t *v, size_t k, date_expr_t *e, size_t *next)
{
	if (!dt_punct(v, k, '('))
		return false;
	k++;
	int wd = -1;
	size_t wj = dates_weekday(v, k, &wd);
	if (wj) {
		k = wj;
		if (dt_punct(v, k, ','))
			k++;
	}
	if (dt_kw(v, k) == KW_ngayf)
		k++;
	core_t c;
	if (!dates_dm_core(v, k, true, &c) || c.kind != C_DM || !dt_punct(v, c.next, ')') ||
	    !dates_valid(c.y, c.m, c.d))
		return false;
	set_core(e, &c);
	if (wj)
		e->weekday = wd;
	*next = c.next + 1;
	return true;
}

/* Clock time after a date: "ngày 26/1, lúc 8 giờ", "26/01/2022 14:00". */
static size_t time_tail(dview_t *v, size_t k, date_expr_t *e)
{
	size_t j = k;
	bool comma = dt_punct(v, j, ',');
	if (comma)
		j++;
	bool luc = dt_kw(v, j) == KW_lucs;
	if (luc)
		j++;
	int h, m;
	size_t nj;
	if ((luc || !comma) && dates_clock_time(v, j, luc, &h, &m, &nj)) {
		enum part_of_day pod = POD_NONE;
		size_t pj = dates_pod_words(v, nj, &pod);
		if (pj && (!e->pod || e->pod == pod)) {
			e->pod = pod;
			nj = pj;
		}
		e->hour = pod_hour(h, e->pod);
		e->minute = m;
		return nj;
	}
	return k;
}

/* One date/time expression starting at token i; returns the token after it
 * or 0. */
static size_t parse_expr(dview_t *v, size_t i, date_expr_t *e)
{
	size_t j = i, last = i, nj;
	enum lead lead = LEAD_NONE;
	bool head = false, wk = false;
	int h, m;
	core_t c, c2;

	memset(e, 0, sizeof *e);
	e->hour = e->minute = -1;
	e->weekday = -1;

	if (dt_kw(v, j) == KW_tuwf) {
		lead = LEAD_FROM;
		j++;
	} else if (dt_kw(v, j) == KW_trong && dates_count_word(v, j + 1) &&
		   dt_kw(v, j + 2) == KW_ngayf) {
		lead = LEAD_PAIR;
		j += 3;
	} else if (dates_count_word(v, j) && dt_kw(v, j + 1) == KW_ngayf &&
		   dt_at(v, j + 2)->kind == TK_NUM) {
		lead = LEAD_PAIR;
		j += 2;
	} else if (dt_kw(v, j) == KW_lucs) {
		lead = LEAD_AT;
		j++;
	}
	/* "Trong 2 ngày (14 và 15/12)": the days in brackets, read with the
	 * lead that joins them */
	bool pair_bracket = false;
	if (lead == LEAD_PAIR) {
		e->has_ngay = 1;
		if (dt_punct(v, j, '(')) {
			pair_bracket = true;
			j++;
		}
	}

	/* time first: "lúc 14 giờ 30 ngày 5/12", "8 giờ sáng nay" */
	if (lead != LEAD_PAIR && dates_clock_time(v, j, lead == LEAD_AT, &h, &m, &nj)) {
		e->hour = h;
		e->minute = m;
		j = last = nj;
		head = true;
		size_t pj = dates_pod_words(v, j, &e->pod);
		if (pj) {
			e->hour = pod_hour(h, e->pod);
			j = last = pj;
		}
		if (dt_punct(v, j, ','))
			j++;
	} else if (lead == LEAD_AT) {
		return 0;
	}

	if (!e->pod && lead != LEAD_PAIR) {
		size_t pj = dates_pod_words(v, j, &e->pod);
		if (pj) {
			j = pj;
			head = true;
		}
	}

	size_t rj = lead == LEAD_NONE || lead == LEAD_AT
			? dates_relative(v, j, e->pod != POD_NONE, &e->relative)
			: 0;
	if (rj) {
		j = last = rj;
		e->rule = "date.relative";
		if (bracket_date(v, j, e, &nj)) {
			j = last = nj;
			e->rule = "date.relative_bracket";
		} else {
			size_t k = j;
			if (dt_punct(v, k, ','))
				k++;
			bool ng = dt_kw(v, k) == KW_ngayf;
			if (ng)
				k++;
			if ((ng || k == j) && dates_dm_core(v, k, true, &c) && c.kind == C_DM &&
			    dates_valid(c.y, c.m, c.d) && dates_trailing_ok(v, c.next)) {
				set_core(e, &c);
				e->has_ngay = ng;
				e->rule = "date.relative_date";
				j = last = c.next;
			}
		}
		goto tail;
	}

	int wd = -1;
	size_t wj = lead == LEAD_NONE || lead == LEAD_AT ? dates_weekday(v, j, &wd) : 0;
	if (wj) {
		e->weekday = wd;
		j = wj;
		wk = head = true;
		if (bracket_date(v, j, e, &nj)) {
			j = last = nj;
			goto tail;
		}
		if (dt_punct(v, j, ',') || dt_dash(v, j))
			j++;
	}

	if (lead != LEAD_PAIR && dt_kw(v, j) == KW_ngayf) {
		e->has_ngay = 1;
		head = true;
		j++;
	}

	size_t core_at = j;
	bool have = dates_dm_core(v, j, head || e->has_ngay, &c);
	if (have && c.kind == C_DAYONLY && lead != LEAD_FROM && lead != LEAD_PAIR &&
	    !range_conn(v, c.next, lead, e->has_ngay || head))
		have = false; /* "ngày 19" alone; "14 giờ, 8 giờ 30" */
	if (!have) {
		if (j == i && lead == LEAD_NONE && dates_keyword_core(v, j, &c)) {
			if (!dates_trailing_ok(v, c.next))
				return 0;
			set_core(e, &c);
			last = c.next;
			goto done;
		}
		if (e->hour >= 0 && !wk && lead != LEAD_FROM && lead != LEAD_PAIR) {
			e->rule = "time.clock";
			goto done;
		}
		return 0;
	}

	if (lead == LEAD_FROM || lead == LEAD_PAIR || c.kind == C_DAYONLY) {
		size_t k = c.next;
		if (!range_conn(v, k, lead, e->has_ngay || head) || !range_end(v, k + 1, &c2) ||
		    !make_range(e, &c, &c2, lead == LEAD_FROM ? 400 : 31))
			return 0;
		e->rule = "date.range";
		j = last = c2.next;
		/* the expression is the bracket's content, as "(24-25/6)" */
		if (pair_bracket) {
			if (!dt_punct(v, last, ')'))
				return 0;
			i = core_at;
			e->has_ngay = 0;
		}
	} else {
		if (!dates_valid(c.y, c.m, c.d))
			return 0;
		set_core(e, &c);
		j = last = c.next;
		/* "30/4-1/5", "27/6 – 30/6": a short range without "từ" */
		if (dt_dash(v, j) && range_end(v, j + 1, &c2) && make_range(e, &c, &c2, 31)) {
			e->rule = "date.range";
			j = last = c2.next;
		}
	}
	if (core_at == i && lead == LEAD_NONE) {
		const tok_t *s = dt_at(v, i + 1);
		if (!bare_ok(v, i, last, s->kind == TK_PUNCT ? s->val : 0))
			return 0;
	}
	if (!dates_trailing_ok(v, last))
		return 0;

tail:
	if (e->hour < 0)
		last = time_tail(v, last, e);
	if (e->weekday < 0 && dt_punct(v, last, '(')) {
		size_t w2 = dates_weekday(v, last + 1, &wd);
		if (w2 && dt_punct(v, w2, ')')) {
			e->weekday = wd;
			last = w2 + 1;
		}
	}
done:
	if (dt_at(v, last - 1)->kind == TK_NUM && !dates_trailing_ok(v, last))
		return 0;
	e->span = span_make(dt_at(v, i)->start, dt_at(v, last - 1)->end);
	e->tok_start = i;
	e->tok_end = last;
	return last;
}

/* Appends to *out in tx->arena. */
int dates_find(const text_t *tx, date_list_t *out)
{
	if (!tx || !out)
		return 0;
	const uint8_t *cls = tag_classes(tx);
	return cls ? dates_find_cls(tx, cls, out) : -1;
}

/* Public (dates.h): cls from tag_classes(tx). */
int dates_find_cls(const text_t *tx, const uint8_t *cls, date_list_t *out)
{
	if (!tx || !out)
		return 0;
	dview_t v;
	dv_init(&v, tx, 0, tx->n);
	/* the token array is read through locals: the stores of the parse
	 * would otherwise reload it for every token skipped */
	const tok_t *tok = tx->tok;
	const uint64_t *lm = tx->lexmask;
	const size_t n = tx->n;
	for (size_t i = 0; i < n;) {
		/* the tokens that cannot start a date cost two tests, in a loop
		 * of their own; the work check is for the others */
		while ((i = tag_cls_next(cls, i, TAG_CLS_NUM | TAG_CLS_DATE)) < n &&
		       !(tok[i].kind == TK_NUM ||
			 (tok[i].kind == TK_WORD && ((lm[i] >> LEX_DATE_START) & 1))))
			i++;
		if (i >= n)
			break;
		if (budget_check(tx->budget))
			return -1;
		date_expr_t e;
		dv_anchor(&v, i);
		size_t nx = parse_expr(&v, i, &e);
		if (nx > i) {
			date_expr_t *slot = avec_push(tx->arena, out);
			if (!slot)
				return -1;
			*slot = e;
			i = nx;
			continue;
		}
		i++;
	}
	return 0;
}
