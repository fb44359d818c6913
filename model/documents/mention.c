/* Citations around a symbol or a bare number: the type written before it,
 * the body that issued it as the subject of the sentence (agents), and the
 * short re-mentions by type and number ("Quyết định 935"). */
#include <string.h>

#include "model/documents/internal.h"
#include "model/tag/tag.h"

/* ------------------------------------------------------------------ */
/* Agents                                                              */

static bool breaks_clause(const doc_ctx_t *c, size_t k)
{
	const tok_t *t = &c->t[k];
	if (t->kind != TK_PUNCT)
		return false;
	return t->val == ';' || t->val == '.' || t->val == '!' || t->val == '?' || t->val == ':' ||
	       t->val == '(' || t->val == ')';
}

static int verb_mode(const lex_entry_t *e)
{
	const lex_entry_t *e0 = lex_entry(LEX_DOC_VERB, 0);
	return e && e0 && e >= e0 && (size_t)(e - e0) < lex_count(LEX_DOC_VERB)
		   ? documents_tables.verb_mode[e - e0]
		   : -1;
}

/* A date written before the issuer ("Ngày 17.2.2025, X đã ban hành ...")
 * is the date of issue: "ngày" at most 8 units before h, the date ending
 * right before h (or the comma before it). */
static void date_before(const doc_ctx_t *c, size_t h, doc_cand_t *cd)
{
	size_t k = h;
	if (k > 0 && doc_is_p(c, doc_u_prev(c, k), ','))
		k = doc_u_prev(c, k);
	for (size_t q = k, dist = 0; q > 0;) {
		q = doc_u_prev(c, q);
		if (++dist > 8)
			break;
		if (doc_word(c, q, KW_ngayf)) {
			int y, m, d;
			if (documents_ngay_date(c, q, &y, &m, &d) == k && y) {
				cd->d.year = y;
				cd->d.month = m;
				cd->d.day = d;
			}
			break;
		}
	}
}

/* The body that issued the document when it is the subject of the sentence:
 * "Ban Thường vụ Tỉnh ủy đã ban hành Nghị quyết số ...", "được Ủy ban Kiểm
 * tra Trung ương kết luận tại Thông báo số ...", "Thủ tướng Chính phủ phê
 * duyệt đề án ... tại Quyết định số ...". s is the first atom of the
 * citation. */
static void find_agent(const doc_ctx_t *c, size_t s, doc_cand_t *cd)
{
	size_t vs = SIZE_MAX, st;
	const lex_entry_t *x;
	if (s == 0)
		return;
	size_t s1 = doc_u_prev(c, s);
	if (s1 == 0)
		return;
	if (doc_word(c, s1, KW_taij)) {
		/* any issuing verb right before "tại": "được HĐND tỉnh thông qua
		 * tại Nghị quyết số ...", "được UBND tỉnh ban hành tại ..." */
		x = documents_phrase_end(c, LEX_DOC_VERB, doc_u_prev(c, s1), &st, NULL);
		if (x) {
			vs = st;
		} else {
			/* "X phê duyệt đề án ... tại Quyết định": up to 30 units back */
			for (size_t k = s1, dist = 1; k > 0;) {
				k = doc_u_prev(c, k);
				if (++dist >= 30 || breaks_clause(c, k) ||
				    doc_nl(c, doc_u_end(c, k)))
					break;
				x = documents_phrase_end(c, LEX_DOC_VERB, k, &st, NULL);
				if (x && verb_mode(x) == DOC_VERB_FAR) {
					vs = st;
					break;
				}
			}
		}
	} else {
		x = documents_phrase_end(c, LEX_DOC_VERB, s1, &st, NULL);
		if (x && verb_mode(x) == DOC_VERB_DIRECT)
			vs = st;
	}
	if (vs == SIZE_MAX || vs == 0)
		return;
	size_t xe = vs;
	if (documents_phrase_end(c, LEX_DOC_PRE_VERB, doc_u_prev(c, vs), &st, NULL))
		xe = st;
	if (xe == 0)
		return;
	/* the subject starts after punctuation set off by a space, at most 15
	 * units back */
	size_t lo = doc_u_prev(c, xe);
	for (size_t dist = 1; lo > 0 && dist < 16 && !doc_nl(c, lo); dist++) {
		size_t pu = doc_u_prev(c, lo);
		if (c->t[pu].kind == TK_PUNCT && (doc_sp(c, pu) || doc_sp(c, lo)))
			break;
		lo = pu;
	}
	for (size_t h = lo; h < xe; h = doc_u_end(c, h)) {
		if (!doc_u_word(c, h) || !doc_u_up(c, h) || !doc_kind_at(c, LEX_DOC_HEAD, h))
			continue;
		if (h > 0 && !doc_sp(c, h))
			continue;
		if (documents_parse_issuer(c, h) != xe)
			continue;
		cd->d.issuer_span = span_make(c->t[h].start, c->t[xe - 1].end);
		if (!cd->d.year)
			date_before(c, h, cd);
		return;
	}
}

/* ------------------------------------------------------------------ */
/* Full citations                                                      */

/* Type written before a symbol: "Kết luận số 21-KL/TW", "Nghị quyết
 * 36a/NQ-CP", "Bộ luật Hình sự số 100/2015/QH13". Returns the type index
 * and sets *ts to its first atom, *tlen to its atoms; -1 when none. */
static int type_before(const doc_ctx_t *c, size_t i, size_t *ts, size_t *tlen)
{
	size_t j = i, st;
	bool so = false;
	const lex_entry_t *x;
	if (!doc_sp_ok(c, i) || i == 0)
		return -1;
	size_t pj = doc_u_prev(c, j);
	if (doc_word(c, pj, KW_soos)) {
		if (pj > 0 && !doc_sp_ok(c, pj))
			return -1;
		so = true;
		j = pj;
	}
	if (j == 0)
		return -1;
	x = documents_phrase_end(c, LEX_DOC_TYPE, doc_u_prev(c, j), &st, tlen);
	if (x && (!so || doc_sp_ok(c, j))) {
		*ts = st;
		return documents_entry_type(x);
	}
	if (!so)
		return -1;
	/* a name between the type and "số": "Luật Đất đai số 45/2013/QH13",
	 * "Kế hoạch liên tịch số 12/KHLT-UBND" */
	size_t k = doc_u_prev(c, j);
	for (size_t w = 0; k > 0 && w < 6; w++) {
		if (!doc_u_word(c, k) || !doc_sp_ok(c, k))
			return -1;
		size_t pk = doc_u_prev(c, k);
		x = documents_phrase_end(c, LEX_DOC_TYPE, pk, &st, tlen);
		if (x && (doc_u_up(c, k) || w < 3)) {
			*ts = st;
			return documents_entry_type(x);
		}
		k = pk;
	}
	return -1;
}

/* Internal: appends to *out (arena); marks the symbol's atoms used. */
int documents_emit_symbol(const doc_ctx_t *c, size_t i, const doc_sym_t *sy0, doc_cand_vec_t *out)
{
	doc_cand_t *cd = avec_push(c->arena, out);
	if (!cd)
		return -1;
	size_t ts = i, tlen = 0;
	int ti = type_before(c, i, &ts, &tlen);
	doc_sym_t syv = *sy0, *sy = &syv;
	/* "Kế hoạch liên tịch số 12/KHLT-UBND-MTTQ": a code unknown to the
	 * table that extends the written type's code is a type, not an issuer */
	if (sy->rest_s && ti >= 0 && documents_code_extends_type(c, sy->ic_s, ti)) {
		sy->tc = sy->ic_s;
		sy->ic_s = sy->rest_s;
		sy->ic_e = sy->end;
		sy->rule = "doc.state_symbol";
	}
	doc_cite_t *d = &cd->d;
	cd->ns = i;
	cd->ne = doc_u_end(c, i);
	cd->se = sy->end;
	d->number = documents_join(c, i, cd->ne);
	d->symbol = documents_join(c, i, sy->end);
	if (sy->tc != SIZE_MAX && !(d->type_code = documents_join(c, sy->tc, sy->tc + 1)))
		return -1;
	d->issuer_code = documents_join(c, sy->ic_s, sy->ic_e);
	if (!d->number || !d->symbol || !d->issuer_code)
		return -1;
	if (ti < 0 && sy->tc != SIZE_MAX) {
		ti = documents_type_of_code(c, sy->tc, sy->family);
		if (ti < 0)
			ti = documents_type_of_code(c, sy->tc, DOC_FAM_BOTH);
	} else if (ti >= 0) {
		d->type_span = span_make(c->t[ts].start, c->t[ts + tlen - 1].end);
	}
	cd->ti = ti;
	if (ti >= 0) {
		const char *tn = documents_tables.type_name[ti];
		if (!(d->type = arena_strndup(c->arena, tn, strlen(tn))))
			return -1;
	}
	d->symbol_span = span_make(c->t[i].start, c->t[sy->end - 1].end);
	d->rule = sy->rule;
	cd->ts = ts;
	cd->te = documents_parse_tail(c, sy->end, cd);
	if (!d->issuer_span.end)
		find_agent(c, ts, cd);
	d->span = span_make(c->t[ts].start, c->t[cd->te - 1].end);
	memset(c->used + ts, 1, sy->end - ts);
	return 0;
}

/* ------------------------------------------------------------------ */
/* Short re-mentions                                                   */

/* "91/2015" after a type word: a number and its year without codes, the
 * short form of "91/2015/NĐ-CP". The end of the year, or 0. */
static size_t num_year_end(const doc_ctx_t *c, size_t j)
{
	size_t k = doc_u_end(c, j);
	if (k + 1 >= c->n || !doc_is_p(c, k, '/') || !doc_glued(c, k) || !doc_glued(c, k + 1) ||
	    !doc_is_year(c, k + 1))
		return 0;
	size_t e = doc_u_end(c, k + 1);
	/* "91/2015/NĐ-CP" is a full symbol, "5/2015/x" none we know */
	if (e < c->n && !doc_sp(c, e) && c->t[e].kind == TK_PUNCT &&
	    (c->t[e].val == '/' || doc_is_dash(c->t[e].val)))
		return 0;
	return e;
}

static int emit_short(const doc_ctx_t *c, size_t ts, size_t tlen, size_t j, int ti,
		      const char *rule, doc_cand_vec_t *out, size_t *tail_end)
{
	doc_cand_t *cd = avec_push(c->arena, out);
	if (!cd)
		return -1;
	doc_cite_t *d = &cd->d;
	const char *tn = documents_tables.type_name[ti];
	size_t ye = num_year_end(c, j);
	cd->ns = j;
	cd->ne = doc_u_end(c, j);
	cd->se = ye ? ye : cd->ne;
	cd->ti = ti;
	d->type = arena_strndup(c->arena, tn, strlen(tn));
	d->number = documents_join(c, j, cd->ne);
	d->symbol = ye ? documents_join(c, j, ye) : d->number;
	if (!d->type || !d->number || !d->symbol)
		return -1;
	if (tlen)
		d->type_span = span_make(c->t[ts].start, c->t[ts + tlen - 1].end);
	d->symbol_span = span_make(c->t[j].start, c->t[cd->se - 1].end);
	d->is_short = 1;
	d->rule = rule;
	cd->ts = tlen ? ts : j;
	cd->te = documents_parse_tail(c, cd->se, cd);
	if (!d->issuer_span.end && tlen)
		find_agent(c, ts, cd);
	d->span = span_make(c->t[cd->ts].start, c->t[cd->te - 1].end);
	*tail_end = cd->te;
	return 0;
}

/* After a bare number: is it a quantity, a year, a date or part of a
 * symbol rather than a document number? */
static bool short_num_ok(const doc_ctx_t *c, size_t j)
{
	if (doc_is_year(c, j)) /* "Luật 2013", "Hiến pháp 2013" */
		return false;
	size_t k = doc_u_end(c, j);
	if (k < c->n && !doc_sp(c, k)) {
		const tok_t *t = &c->t[k];
		if (t->kind != TK_PUNCT)
			return false;
		if (t->val == '/' || t->val == '%' || t->val == '&' || doc_is_dash(t->val))
			return false;
		if ((t->val == '.' || t->val == ',') && k + 1 < c->n && !doc_sp(c, k + 1) &&
		    doc_u_num(c, k + 1))
			return false;
	}
	if (doc_sp_ok(c, k) && doc_kind_at(c, LEX_DOC_COUNT_WORD, k)) {
		/* "Quyết định 218 năm 2013" names the year and "Quy định số 01
		 * ngày 3/3/2016" the date; "Kế hoạch 5 năm" counts years */
		if (doc_word(c, k, KW_nawm) && doc_is_year(c, k + 1))
			return true;
		int y, m, d;
		if (doc_word(c, k, KW_ngayf) && documents_ngay_date(c, k, &y, &m, &d))
			return true;
		return false;
	}
	return true;
}

/* A bare number in a list ends the list item only before punctuation or a
 * function word: "Quyết định 935, 936 có ý nghĩa" but not "Chỉ thị 05, 120
 * cán bộ". */
static bool list_item_end(const doc_ctx_t *c, size_t k)
{
	if (k >= c->n || doc_nl(c, k) || c->t[k].kind == TK_PUNCT)
		return true;
	return doc_u_word(c, k) && doc_kind_at(c, LEX_DOC_ISSUER_STOP, k);
}

/* "Quyết định 935, 936 của ...": more numbers sharing the type after the
 * one at j; returns the last number's first atom. */
static int list_more(const doc_ctx_t *c, size_t i, size_t j, int ti, size_t te, doc_cand_vec_t *out,
		     size_t *lastp)
{
	size_t last = j;
	while (te == doc_u_end(c, last)) {
		size_t k = te;
		if (doc_is_p(c, k, ','))
			k++;
		if (doc_word(c, k, KW_vaf) && doc_sp_ok(c, k))
			k++;
		if (k == te || !documents_is_docnum(c, k) || !doc_sp_ok(c, k) || c->used[k] ||
		    !short_num_ok(c, k))
			break;
		int dl = (int)c->t[k].ndig - (int)c->t[last].ndig;
		if (dl > 1 || dl < -1 || !list_item_end(c, doc_u_end(c, k)))
			break;
		if (emit_short(c, i, 0, k, ti, "doc.short_list", out, &te) < 0)
			return -1;
		last = k;
	}
	*lastp = last;
	return 0;
}

/* Internal: appends to *out (arena), skipping atoms of full citations. */
int documents_find_short(const doc_ctx_t *c, doc_cand_vec_t *out)
{
	const uint64_t *lm = c->tx->lexmask;
	const uint8_t *used = c->used;
	const size_t n = c->n;
	for (size_t i = 0; i < n; i++) {
		/* two tests, in a loop of its own (the arrays read through
		 * locals): the work check is for the rest */
		while ((i = tag_cls_next(c->cls, i, TAG_CLS_DOC)) < n &&
		       (!((lm[i] >> LEX_DOC_TYPE) & 1) || used[i]))
			i++;
		if (i >= n)
			break;
		if (budget_check(c->tx->budget))
			return -1;
		size_t len = 0;
		const lex_entry_t *x = documents_phrase_at(c, LEX_DOC_TYPE, i, &len);
		int ti = x ? documents_entry_type(x) : -1;
		if (ti < 0)
			continue;
		size_t j = i + len;
		bool so = false;
		if (doc_word(c, j, KW_soos) && doc_sp_ok(c, j)) {
			so = true;
			j++;
		}
		if (j >= c->n || c->used[j] || !documents_is_docnum(c, j) || !doc_sp_ok(c, j)) {
			i = j - 1;
			continue;
		}
		/* without "số" only a capitalised type word is a citation:
		 * "quyết định 5 vấn đề" is the verb */
		if ((!so && (!(c->t[i].flags & TF_CAP) || !documents_tables.type_short[ti])) ||
		    (!short_num_ok(c, j) && !num_year_end(c, j))) {
			i = doc_u_end(c, j) - 1;
			continue;
		}
		size_t te, last;
		if (emit_short(c, i, len, j, ti, "doc.short_mention", out, &te) < 0 ||
		    list_more(c, i, j, ti, te, out, &last) < 0)
			return -1;
		/* the subject may cite further documents: scan on from the number */
		i = doc_u_end(c, last) - 1;
	}
	return 0;
}
