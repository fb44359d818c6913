/* Terms and periods: "khóa XIII", "khoá 8", "nhiệm kỳ 2020 - 2025",
 * "giai đoạn 2021-2025". */
#include "model/dates/grammar.h"

/* "2020 - 2025", "2017- 2022", "2021–2026", "2016 đến 2021" at k. */
static bool year_period(dview_t *v, size_t k, int maxlen, int *from, int *to, size_t *next)
{
	const tok_t *a = dt_at(v, k), *b = dt_at(v, k + 2);
	uint16_t kw = dt_kw(v, k + 1);
	if (!tk_year(a) || !(dt_dash(v, k + 1) || kw == KW_ddeens || kw == KW_towis) ||
	    !tk_year(b) || b->val <= a->val || b->val - a->val > (uint32_t)maxlen)
		return false;
	*from = (int)a->val;
	*to = (int)b->val;
	*next = k + 3;
	return true;
}

static size_t parse_term(dview_t *v, size_t i, term_expr_t *o)
{
	const tok_t *t = dt_at(v, i);
	memset(o, 0, sizeof *o);
	if (t->kw == KW_khoas) {
		const tok_t *n = dt_at(v, i + 1);
		if (n->kind == TK_NUM && n->ndig <= 3 && n->val > 0 &&
		    dates_trailing_ok(v, i + 2)) {
			o->ordinal = (int)n->val;
			o->rule = "term.khoa_number";
		} else if (n->kind == TK_WORD) {
			int r = dates_roman_value(v->tx->s + n->start, n->end - n->start);
			if (r < 1 || r > 99)
				return 0;
			o->ordinal = r;
			o->rule = "term.khoa_roman";
		} else {
			return 0;
		}
		o->span = span_make(t->start, n->end);
		o->tok_start = i;
		o->tok_end = i + 2;
		return i + 2;
	}
	uint16_t n1 = dt_kw(v, i + 1);
	bool nk = t->kw == KW_nhieemj && (n1 == KW_kyf || n1 == KW_kif);
	bool gd = t->kw == KW_giai && n1 == KW_ddoanj;
	if (!nk && !gd)
		return 0;
	size_t k = i + 2, next;
	if (dt_punct(v, k, ':'))
		k++;
	if (!year_period(v, k, nk ? 10 : 50, &o->from_year, &o->to_year, &next) ||
	    !dates_trailing_ok(v, next))
		return 0;
	o->rule = nk ? "term.nhiem_ky" : "term.giai_doan";
	o->span = span_make(t->start, dt_at(v, next - 1)->end);
	o->tok_start = i;
	o->tok_end = next;
	return next;
}

/* Appends to *out in tx->arena. */
int dates_find_terms(const text_t *tx, term_list_t *out)
{
	if (!tx || !out)
		return 0;
	const uint8_t *cls = tag_classes(tx);
	return cls ? dates_find_terms_cls(tx, cls, out) : -1;
}

/* Public (dates.h): cls from tag_classes(tx). */
int dates_find_terms_cls(const text_t *tx, const uint8_t *cls, term_list_t *out)
{
	if (!tx || !out)
		return 0;
	dview_t v;
	dv_init(&v, tx, 0, tx->n);
	const tok_t *tok = tx->tok;
	const size_t n = tx->n;
	for (size_t i = 0; i < n;) {
		/* the tokens that cannot start a term are passed over by their
		 * class byte (TAG_CLS_TERM: the term keywords by id mod 64); the
		 * exact test and the work check are for the others */
		i = tag_cls_next(cls, i, TAG_CLS_TERM);
		if (i >= n)
			break;
		uint16_t kw = tok[i].kw;
		if (kw != KW_khoas && kw != KW_nhieemj && kw != KW_giai) {
			i++;
			continue;
		}
		if (budget_check(tx->budget))
			return -1;
		term_expr_t e;
		dv_anchor(&v, i);
		size_t nx = parse_term(&v, i, &e);
		if (nx > i) {
			term_expr_t *slot = avec_push(tx->arena, out);
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
