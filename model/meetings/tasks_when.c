/* By when ("rõ thời gian"): the deadline of a directive as written. A
 * deadline is a lead word ("trước", "chậm nhất", "trong", "ngay trong",
 * "đến", "từ nay đến", "vào") and then a date of the date recogniser
 * ("trước ngày 30/6", "trong quý III", "trong tháng 7/2017", "vào năm
 * 2018"), a period the calendar does not name ("cuối năm", "ngay trong
 * tuần", "trong nhiệm kỳ mới", "trước ngày khai mạc Kỳ họp thứ ba",
 * "trước khi ...") or a count of days, weeks or months ("trong ba tháng
 * tới", "trong 6 tháng cuối năm 2017"). A vague time ("thời gian tới",
 * "sớm", "khẩn trương") is none. */
#include "model/meetings/tasks.h"

/* The date expression starting at token i, or NULL. */
static const date_expr_t *date_at(const doc_t *d, size_t i)
{
	if (i >= d->tx.n)
		return NULL;
	size_t q = meetings_date_from(d, d->tx.tok[i].start);
	return q < d->dates.n && d->dates.v[q].tok_start == i ? &d->dates.v[q] : NULL;
}

static int is_unit(const text_t *t, size_t i)
{
	uint16_t k = tok_kw(t, i);
	return k == KW_ngayf || k == KW_thangs || k == KW_tuaanf || k == KW_nawm || k == KW_quys;
}

/* A count: digits or a number word ("ba tháng"). */
static int is_count(const text_t *t, size_t i)
{
	return i < t->n && (t->tok[i].kind == TK_NUM ||
			    (t->tok[i].kind == TK_WORD && dates_parse_ordinal(t, i, i + 1) > 0));
}

/* Words that go on after the deadline's core: "tới", "này", "mới", a year
 * ("cuối năm 2017"). */
static size_t tail(const mctx_t *c, size_t j, size_t b)
{
	const text_t *t = c->t;
	size_t n;
	for (int k = 0; k < 3 && j < b; k++) {
		if (meetings_task_use(t, LEX_TASK_WHEN, j, b, &n) == TU_TAIL)
			j += n;
		else if (t->tok[j].kind == TK_NUM && t->tok[j].ndig == 4)
			j++;
		else if (date_at(c->d, j) && date_at(c->d, j)->precision == PREC_YEAR)
			j = date_at(c->d, j)->tok_end;
		else
			break;
	}
	return j;
}

/* A period with no date of its own: "cuối năm", "tuần", "nhiệm kỳ mới";
 * "ngày khai mạc Kỳ họp thứ ba" and "khi ..." run on to the clause's next
 * comma. The end, 0 when none. */
static size_t period(const mctx_t *c, size_t j, size_t b)
{
	const text_t *t = c->t;
	size_t n;
	if (meetings_task_use(t, LEX_TASK_WHEN, j, b, &n) == TU_PERIOD) {
		size_t e = j + n;
		/* "ngày khai mạc Kỳ họp thứ ba", "khi diễn ra Đại hội": an event */
		if (tok_kw(t, j) == KW_khi || (n > 1 && tok_kw(t, j) == KW_ngayf)) {
			size_t q = e;
			while (q < b && q < e + 8 && t->tok[q].kind != TK_PUNCT &&
			       !meetings_task_use(t, LEX_TASK_VERB, q, b, NULL) &&
			       !(q > e && tok_kw(t, q) == KW_ddeer))
				q++;
			return q > e ? q : 0;
		}
		return tail(c, e, b);
	}
	/* "ba tháng tới", "30 ngày", "6 tháng cuối năm 2017" */
	if (is_count(t, j) && is_unit(t, j + 1)) {
		size_t e = j + 2;
		if (meetings_task_use(t, LEX_TASK_WHEN, e, b, &n) == TU_PERIOD)
			e += n;
		return tail(c, e, b);
	}
	return 0;
}

int meetings_task_deadline(const mctx_t *c, size_t a, size_t b, span_t *sp, size_t *lo, size_t *hi)
{
	const text_t *t = c->t;
	for (size_t i = a; i < b; i++) {
		size_t n;
		if (meetings_task_use(t, LEX_TASK_WHEN, i, b, &n) != TU_WLEAD)
			continue;
		size_t j = i + n;
		/* "chậm nhất là ngày", "hoàn thành trước vào" */
		if (j < b && (tok_kw(t, j) == KW_laf || tok_kw(t, j) == KW_vaof))
			j++;
		size_t e = 0;
		const date_expr_t *x = date_at(c->d, j);
		if (x && x->tok_end <= b)
			e = tail(c, x->tok_end, b);
		else
			e = period(c, j, b);
		if (!e)
			continue;
		*sp = span_make(t->tok[i].start, t->tok[e - 1].end);
		*lo = i;
		*hi = e;
		return 1;
	}
	return 0;
}
