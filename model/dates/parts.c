/* The pieces of a date/time expression: part of day, relative day,
 * weekday, the number shapes of a date and the clock time, with the guards
 * that tell a date from other numbers. Each reads the view at a token and
 * returns the token after what it read (or false/0). */
#include "model/dates/grammar.h"

/* Part of day at i: "sáng", "buổi sáng", "sáng sớm", "rạng sáng", "trưa",
 * "chiều", "chiều tối" (evening), "tối", "đêm". */
size_t dates_pod_words(dview_t *v, size_t i, enum part_of_day *pod)
{
	size_t k = i;
	if (dt_kw(v, k) == KW_buooir)
		k++;
	else if (dt_kw(v, k) == KW_rangj && dt_kw(v, k + 1) == KW_sangs) {
		*pod = POD_MORNING;
		return k + 2;
	}
	switch (dt_kw(v, k)) {
	case KW_sangs:
		*pod = POD_MORNING;
		return dt_kw(v, k + 1) == KW_sowms ? k + 2 : k + 1;
	case KW_truwa:
		*pod = POD_NOON;
		return k + 1;
	case KW_chieeuf:
		if (dt_kw(v, k + 1) == KW_toois) {
			*pod = POD_EVENING;
			return k + 2;
		}
		*pod = POD_AFTERNOON;
		return k + 1;
	case KW_toois:
	case KW_ddeem:
		*pod = POD_EVENING;
		return k + 1;
	default:
		return 0;
	}
}

/* "nay", "qua", "mai" right after a part of day ("sáng nay"); written
 * "Mai" (capital and small letters) it is more likely the name of the next
 * person. */
static bool rel_tail(const tok_t *t, uint16_t kw)
{
	return t->kw == kw && (t->nup == 0 || t->nlow == 0);
}

/* Relative day at i: after a part of day "nay", "qua", "mai"; anywhere
 * "hôm nay", "hôm qua", "ngày mai", "ngày hôm qua", "cùng ngày". */
size_t dates_relative(dview_t *v, size_t i, bool after_pod, enum date_relative *rel)
{
	if (after_pod) {
		const tok_t *t = dt_at(v, i);
		if (rel_tail(t, KW_nay)) {
			*rel = REL_TODAY;
			return i + 1;
		}
		if (rel_tail(t, KW_qua)) {
			*rel = REL_YESTERDAY;
			return i + 1;
		}
		if (rel_tail(t, KW_mai)) {
			*rel = REL_TOMORROW;
			return i + 1;
		}
	}
	size_t k = i;
	if (dt_kw(v, k) == KW_ngayf && dt_kw(v, k + 1) == KW_mai) {
		*rel = REL_TOMORROW;
		return k + 2;
	}
	if (dt_kw(v, k) == KW_ngayf && dt_kw(v, k + 1) == KW_hoom)
		k++;
	if (dt_kw(v, k) == KW_hoom) {
		if (dt_kw(v, k + 1) == KW_nay) {
			*rel = REL_TODAY;
			return k + 2;
		}
		if (dt_kw(v, k + 1) == KW_qua) {
			*rel = REL_YESTERDAY;
			return k + 2;
		}
		return 0;
	}
	if (k == i && dt_kw(v, i) == KW_cungf && dt_kw(v, i + 1) == KW_ngayf) {
		*rel = REL_SAME_DAY;
		return i + 2;
	}
	return 0;
}

/* Weekday at i: "thứ Hai" .. "thứ Bảy", "thứ 2" .. "thứ 7", "Chủ nhật",
 * "CN". Not after "lần", "kỳ họp", "xếp" ...: "kỳ họp thứ 4" is an ordinal. */
size_t dates_weekday(dview_t *v, size_t i, int *wd)
{
	const tok_t *t = dt_at(v, i);
	if (t->kind != TK_WORD)
		return 0;
	if (t->kw == KW_cn && (t->flags & TF_UPPER)) {
		*wd = 6;
		return i + 1;
	}
	if (t->kw == KW_chur && dt_kw(v, i + 1) == KW_nhaatj) {
		*wd = 6;
		return i + 2;
	}
	if (t->kw != KW_thuws)
		return 0;
	if (i > v->lo && dt_cls(v, i - 1, LEX_DATE_ORD))
		return 0;
	const tok_t *n = dt_at(v, i + 1);
	if (n->kind == TK_NUM) {
		const tok_t *a = dt_at(v, i + 2);
		/* "xếp thứ 3/12" is a rank */
		if (n->ndig != 1 || n->val < 2 || n->val > 7 ||
		    (a->kind == TK_PUNCT && !dt_sp(v, i + 2, a) &&
		     (a->val == '/' || a->val == '.' || a->val == '-')))
			return 0;
		*wd = (int)n->val - 2;
		return i + 2;
	}
	switch (n->kw) {
	case KW_hai:
		*wd = 0;
		break;
	case KW_ba:
		*wd = 1;
		break;
	case KW_tuw:
	case KW_boons:
		*wd = 2;
		break;
	case KW_nawm:
		*wd = 3;
		break;
	case KW_saus:
		*wd = 4;
		break;
	case KW_bayr:
	case KW_baayr:
		*wd = 5;
		break;
	default:
		return 0;
	}
	return i + 2;
}

/* "hai", "ba", "2" ... "9" before "ngày" in "Trong hai ngày 30/6 và 1/7". */
bool dates_count_word(dview_t *v, size_t i)
{
	const tok_t *t = dt_at(v, i);
	if (t->kind == TK_NUM)
		return t->ndig == 1 && t->val >= 2;
	return t->kind == TK_WORD && dates_unit_word(t->kw) >= 2;
}

/* The token after the expression must not continue a number shape: not
 * "26/1/QĐ", "2.0.1", "6,5", "50%", "3-1a". */
bool dates_trailing_ok(dview_t *v, size_t k)
{
	const tok_t *t = dt_at(v, k);
	if (dt_sp(v, k, t) || t->kind == TK_END)
		return true;
	if (t->kind == TK_NUM || t->kind == TK_WORD)
		return false;
	if (t->val == '/' || t->val == '%' || t->val == 0x2030)
		return false;
	const tok_t *u = dt_at(v, k + 1);
	if ((t->val == '.' || t->val == ',' || t->val == ':') && dt_num_touch(v, k + 1, 255))
		return false;
	if (tk_dash(t) && !dt_sp(v, k + 1, u) && (u->kind == TK_NUM || u->kind == TK_WORD))
		return false;
	return true;
}

/* The token before a number must not make it part of a bigger number or a
 * symbol: "Q.9", "1,5/2", "12/26/1", "QH13/...". */
bool dates_leading_ok(dview_t *v, size_t i)
{
	const tok_t *t = dt_at(v, i), *p = dt_back(v, i, 1);
	if (dt_sp(v, i, t))
		return true;
	if (p->kind == TK_NUM || p->kind == TK_WORD)
		return false;
	if (p->kind == TK_PUNCT && (p->val == '.' || p->val == ',' || p->val == '/' ||
				    p->val == ':' || p->val == '+' || tk_dash(p))) {
		const tok_t *pp = dt_back(v, i, 2);
		if (!dt_sp(v, i - 1, p) && (pp->kind == TK_NUM || pp->kind == TK_WORD))
			return false;
	}
	return true;
}

/* "d SEP m [SEP yyyy]" with the separators touching ("26.1", "26/01/2022",
 * "6-4-2016") or ISO "2025-04-22". A third part that is not a 4-digit year
 * 1900-2100 makes it no date at all ("2.0.1", "26/1/22"). */
bool dates_num_date(dview_t *v, size_t i, core_t *c)
{
	const tok_t *a = dt_at(v, i), *s1 = dt_at(v, i + 1), *b = dt_at(v, i + 2);
	if (a->kind != TK_NUM || s1->kind != TK_PUNCT || dt_sp(v, i + 1, s1) ||
	    !dt_num_touch(v, i + 2, 4))
		return false;
	uint32_t sep = s1->val;
	if (sep != '.' && sep != '/' && sep != '-')
		return false;
	const tok_t *s2 = dt_at(v, i + 3), *e = dt_at(v, i + 4);
	bool third = s2->kind == TK_PUNCT && !dt_sp(v, i + 3, s2) && s2->val == sep &&
		     dt_num_touch(v, i + 4, 255);
	if (a->ndig == 4 && sep == '-') {
		if (!tk_year(a) || b->ndig != 2 || !third || e->ndig != 2)
			return false;
		c->kind = C_DM;
		c->y = (int)a->val;
		c->m = (int)b->val;
		c->d = (int)e->val;
		c->next = i + 5;
		c->rule = "date.iso";
		return true;
	}
	if (a->ndig > 2 || b->ndig > 2)
		return false;
	c->kind = C_DM;
	c->d = (int)a->val;
	c->m = (int)b->val;
	c->y = 0;
	c->next = i + 3;
	c->rule = sep == '.' ? "date.dm_dot" : sep == '/' ? "date.dm_slash" : "date.dm_dash";
	if (third) {
		if (!tk_year(e))
			return false;
		c->y = (int)e->val;
		c->next = i + 5;
	} else if (sep != '-' && tk_punct(s2, '-') && !dt_sp(v, i + 3, s2) && tk_year(e) &&
		   !dt_sp(v, i + 4, e)) {
		c->y = (int)e->val; /* "2/9-2025" */
		c->next = i + 5;
	}
	return true;
}

/* Dash then a 4-digit year: "2017 - 2022" is a period, not a year. */
static bool period_follows(dview_t *v, size_t k)
{
	return dt_dash(v, k) && tk_year(dt_at(v, k + 1));
}

/* "năm 2025" after a day and month: "1/5 năm 2025". */
static void year_after(dview_t *v, core_t *c)
{
	if (c->y == 0 && dt_kw(v, c->next) == KW_nawm && tk_year(dt_at(v, c->next + 1)) &&
	    !period_follows(v, c->next + 2)) {
		c->y = (int)dt_at(v, c->next + 1)->val;
		c->next += 2;
	}
}

/* Day and month at i: numeric forms, "26 tháng 1 [năm 2022]" when
 * `spelled` (after a head word), or a lone day (only good as the start of
 * a range: "từ ngày 5 đến 7/12", "5-7/12"). */
bool dates_dm_core(dview_t *v, size_t i, bool spelled, core_t *c)
{
	memset(c, 0, sizeof *c);
	const tok_t *a = dt_at(v, i), *s1 = dt_at(v, i + 1), *b = dt_at(v, i + 2),
		    *s2 = dt_at(v, i + 3);
	if (a->kind != TK_NUM)
		return false;
	if (a->ndig <= 2 && tk_punct(s1, '-') && !dt_sp(v, i + 1, s1) &&
	    dt_num_touch(v, i + 2, 2) && tk_punct(s2, '/') && !dt_sp(v, i + 3, s2)) {
		c->kind = C_DAYONLY;
		c->d = (int)a->val;
		c->next = i + 1;
		return true;
	}
	if (dates_num_date(v, i, c)) {
		year_after(v, c);
		return true;
	}
	if (a->ndig > 2 || a->val < 1 || a->val > 31)
		return false;
	if (spelled && b->kind == TK_NUM && b->ndig <= 2 && dt_kw(v, i + 1) == KW_thangs) {
		c->kind = C_DM;
		c->d = (int)a->val;
		c->m = (int)b->val;
		c->next = i + 3;
		c->rule = "date.spelled";
		year_after(v, c);
		return true;
	}
	if (s1->kind == TK_PUNCT && !dt_sp(v, i + 1, s1) && b->kind == TK_NUM &&
	    !dt_sp(v, i + 2, b))
		return false;
	c->kind = C_DAYONLY;
	c->d = (int)a->val;
	c->next = i + 1;
	return true;
}

/* Year after a month or quarter: "/2017", "-2017", " - 2017", "năm 2017". */
static void month_year(dview_t *v, core_t *c)
{
	size_t k = c->next;
	const tok_t *s = dt_at(v, k), *y = dt_at(v, k + 1);
	if ((tk_punct(s, '/') || tk_dash(s)) && tk_year(y) &&
	    (dt_sp(v, k, s) || !dt_sp(v, k + 1, y)) && !period_follows(v, k + 2)) {
		c->y = (int)y->val;
		c->next = k + 2;
	} else if (s->kw == KW_nawm && tk_year(y) && !period_follows(v, k + 2)) {
		c->y = (int)y->val;
		c->next = k + 2;
	}
}

/* Keyword-led periods: "tháng 6 năm 2017", "tháng 1-2017", "quý II/2017",
 * "quý 3", "năm 2022". "6 tháng" (six months) and "năm 2017 - 2022" (a
 * period) are not dates. */
bool dates_keyword_core(dview_t *v, size_t i, core_t *c)
{
	memset(c, 0, sizeof *c);
	const tok_t *t = dt_at(v, i), *n = dt_at(v, i + 1);
	if (t->kind != TK_WORD)
		return false;
	if (t->kw == KW_thangs && n->kind == TK_NUM && n->ndig <= 2 && n->val >= 1 &&
	    n->val <= 12 && dt_back(v, i, 1)->kind != TK_NUM) {
		c->kind = C_MONTH;
		c->m = (int)n->val;
		c->next = i + 2;
		c->rule = "date.month";
		month_year(v, c);
		return true;
	}
	if (t->kw == KW_quys) {
		int q = 0;
		if (n->kind == TK_NUM && n->ndig == 1)
			q = (int)n->val;
		else if (n->kind == TK_WORD && (n->flags & TF_UPPER))
			q = dates_roman_value(v->tx->s + n->start, n->end - n->start);
		if (q < 1 || q > 4)
			return false;
		c->kind = C_QUARTER;
		c->q = q;
		c->next = i + 2;
		c->rule = "date.quarter";
		month_year(v, c);
		return true;
	}
	const tok_t *s = dt_at(v, i + 2);
	if (t->kw == KW_nawm && tk_year(n) && !period_follows(v, i + 2) &&
	    !(tk_punct(s, '/') && !dt_sp(v, i + 2, s))) {
		c->kind = C_YEAR;
		c->y = (int)n->val;
		c->next = i + 2;
		c->rule = "date.year";
		return true;
	}
	return false;
}

/* Clock time at i: "14 giờ", "8 giờ 30 (phút)", "3 giờ rưỡi", "11 giờ kém
 * 15", "8h30", "14g", "14:00(:11)". Unless `strong` ("lúc" before), a
 * duration word before rejects it ("trong 24 giờ"), and a ratio or score
 * word the colon form ("tỷ lệ 1:10"); "khoảng 14 giờ" is a time. */
bool dates_clock_time(dview_t *v, size_t i, bool strong, int *hh, int *mm, size_t *next)
{
	const tok_t *a = dt_at(v, i);
	if (a->kind != TK_NUM || a->ndig > 2 || !dates_leading_ok(v, i))
		return false;
	bool after_word = i > v->lo && dt_back(v, i, 1)->kind == TK_WORD;
	if (!strong && after_word && dt_cls(v, i - 1, LEX_DATE_DUR))
		return false;
	int h = (int)a->val, m = 0;
	size_t k = i + 1;
	const tok_t *b = dt_at(v, k);
	if (b->kw == KW_giowf) {
		if (h > 24)
			return false;
		k++;
		const tok_t *c = dt_at(v, k), *s = dt_at(v, k + 1);
		bool date_next = s->kind == TK_PUNCT && !dt_sp(v, k + 1, s) &&
				 (s->val == '/' || s->val == '.' || s->val == '-') &&
				 dt_num_touch(v, k + 2, 4);
		if (c->kind == TK_NUM && c->ndig <= 2 && c->val < 60 && !date_next) {
			m = (int)c->val;
			k++;
			if (dt_kw(v, k) == KW_phuts)
				k++;
		} else if (c->kw == KW_ruwowix) {
			m = 30;
			k++;
		} else if (c->kw == KW_kems && s->kind == TK_NUM && s->ndig <= 2 && s->val > 0 &&
			   s->val < 60) {
			h = h == 0 ? 23 : h - 1;
			m = 60 - (int)s->val;
			k += 2;
			if (dt_kw(v, k) == KW_phuts)
				k++;
		}
	} else if (b->kind == TK_WORD && !dt_sp(v, k, b) &&
		   (b->kw == KW_h || (b->kw == KW_g && tk_lower(b)))) {
		/* "5G" is a network, "14g" a time */
		if (h > 24)
			return false;
		k++;
		const tok_t *c = dt_at(v, k);
		if (dt_num_touch(v, k, 2) && c->ndig == 2 && c->val < 60) {
			m = (int)c->val;
			k++;
			const tok_t *pp = dt_at(v, k);
			if (pp->kw == KW_p && !dt_sp(v, k, pp))
				k++;
		}
	} else if (tk_punct(b, ':') && !dt_sp(v, k, b)) {
		const tok_t *c = dt_at(v, k + 1);
		if (!strong && after_word &&
		    (dt_cls(v, i - 1, LEX_DATE_CTX) || dt_cls(v, i - 1, LEX_DATE_SCORE)))
			return false; /* "tỷ lệ 1:10", "thắng 2:1" */
		if (!dt_num_touch(v, k + 1, 2) || c->ndig != 2 || c->val > 59 || h > 23)
			return false;
		m = (int)c->val;
		k += 2;
		const tok_t *colon = dt_at(v, k);
		if (tk_punct(colon, ':') && !dt_sp(v, k, colon) && dt_num_touch(v, k + 1, 2) &&
		    dt_at(v, k + 1)->ndig == 2 && dt_at(v, k + 1)->val < 60)
			k += 2;
	} else {
		return false;
	}
	if (h == 24 && m != 0)
		return false;
	*hh = h;
	*mm = m;
	*next = k;
	return true;
}
