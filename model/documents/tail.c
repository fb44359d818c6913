/* What follows a document number: the issue date ("ngày 25.10.2021", read
 * from the dates recogniser's list), the issuer ("của Ban Chấp hành Trung
 * ương Đảng khóa XIII", the term read from the term list) and the subject
 * ("về đẩy mạnh ..."). */
#include "model/documents/internal.h"

/* ------------------------------------------------------------------ */
/* Dates and terms from their recognisers                              */

/* The date expression holding byte off, or NULL: the list is in text
 * order and its spans do not overlap. */
static const date_expr_t *date_over(const doc_ctx_t *c, uint32_t off)
{
	const date_list_t *dl = c->dates;
	if (!dl || !dl->n)
		return NULL;
	size_t lo = 0, hi = dl->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (dl->v[mid].span.start <= off)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (!lo || off >= dl->v[lo - 1].span.end)
		return NULL;
	return &dl->v[lo - 1];
}

/* A day and month the dates recogniser read, holding atom q (the day). */
static const date_expr_t *day_date(const doc_ctx_t *c, size_t q)
{
	if (!doc_u_num(c, q) || c->t[q].ndig > 2)
		return NULL;
	const date_expr_t *x = date_over(c, c->t[q].start);
	if (!x || x->precision != PREC_DAY || !x->day || !x->month)
		return NULL;
	return x;
}

/* The atom after x, or 0 when x ends inside a run of letters and digits
 * (the rules walk whole runs). */
static size_t after(const doc_ctx_t *c, span_t x)
{
	size_t e = text_tok_at(c->tx, x.end);
	return e <= c->n && !doc_joins(c, e) ? e : 0;
}

static size_t set_date(const doc_ctx_t *c, const date_expr_t *x, int *y, int *m, int *d)
{
	size_t e = after(c, x->span);
	if (e && x->year) {
		*y = x->year;
		*m = x->month;
		*d = x->day;
	}
	return e;
}

/* Internal: reads the dates list the caller owns; no allocation. */
size_t documents_ngay_date(const doc_ctx_t *c, size_t p, int *y, int *m, int *d)
{
	*y = *m = *d = 0;
	const date_expr_t *x = day_date(c, p + 1);
	if (!x || x->span.start > c->t[p].start)
		return 0;
	return set_date(c, x, y, m, d);
}

/* "khóa XIII", "khoá XI", "nhiệm kỳ 2020 - 2025" at atom i, as the term
 * recogniser read it: the atom after it, 0 when none. */
static size_t term_end(const doc_ctx_t *c, size_t i)
{
	if (i >= c->n || c->t[i].kind != TK_WORD ||
	    (c->t[i].kw != KW_khoas && c->t[i].kw != KW_nhieemj) || !c->terms ||
	    !doc_u_single(c, i))
		return 0;
	const term_list_t *tl = c->terms;
	uint32_t off = c->t[i].start;
	size_t lo = 0, hi = tl->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (tl->v[mid].span.start < off)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == tl->n || tl->v[lo].span.start != off)
		return 0;
	return after(c, tl->v[lo].span);
}

/* ------------------------------------------------------------------ */
/* Issuer names: "Ban Chấp hành Trung ương Đảng khóa XIII",
 * "Ban thường vụ Thành ủy Hà Nội", "UBND tỉnh", "Bộ Kế hoạch và Đầu tư".
 * A grammar of its own over the tokens for now; the organisation
 * recogniser's mentions could replace it once they run before it. */

enum { PV_NONE, PV_TITLE, PV_CAPS, PV_LOWER, PV_LISTED };

static bool is_type_start(const doc_ctx_t *c, size_t i)
{
	return doc_kind_at(c, LEX_DOC_TYPE, i);
}

/* The unit at i is a capitalised word. */
static bool cap_word(const doc_ctx_t *c, size_t i)
{
	return doc_u_word(c, i) && doc_u_up(c, i);
}

/* Internal: reads the tokens and the term list; no allocation. */
size_t documents_parse_issuer(const doc_ctx_t *c, size_t p)
{
	size_t n = c->n, k = p, end = p, safe = p;
	int prev = PV_NONE, count = 0;
	bool pending = false;
	if (!cap_word(c, p))
		return p;
	while (k < n && count++ < DOC_ISSUER_MAX) {
		const tok_t *t = &c->t[k];
		if (k > p && doc_nl(c, k))
			break;
		if (t->kind == TK_PUNCT) {
			uint32_t cp = t->val;
			/* joiners inside a name: "KH&ĐT", "TP.HCM", "T.Ư" */
			if (!doc_sp(c, k) && k > p && (cp == '&' || cp == '.' || doc_is_dash(cp)) &&
			    k + 1 < n && !doc_sp(c, k + 1) && c->t[k + 1].kind != TK_PUNCT) {
				size_t w = k + 1;
				k = end = doc_u_end(c, w);
				prev = doc_u_nlow(c, w) && doc_u_up(c, w) ? PV_TITLE : PV_CAPS;
				continue;
			}
			/* "UBND TP. Hồ Chí Minh" */
			if (cp == '.' && !doc_sp(c, k) && k > p &&
			    doc_kind_at(c, LEX_DOC_ABBR, doc_u_prev(c, k)) && doc_sp_ok(c, k + 1) &&
			    cap_word(c, k + 1)) {
				k++;
				prev = PV_NONE;
				continue;
			}
			/* "của Tỉnh ủy, HĐND, UBND tỉnh về ...": kept only when the
			 * list closes the clause (checked below) */
			if (cp == ',' && prev != PV_NONE && doc_sp_ok(c, k + 1) &&
			    cap_word(c, k + 1) && !is_type_start(c, k + 1)) {
				if (!pending)
					safe = end;
				pending = true;
				k++;
				prev = PV_NONE;
				continue;
			}
			break;
		}
		if (k > p && !doc_sp(c, k))
			break;
		if (doc_u_num(c, k)) {
			/* "Hội nghị Trung ương 6", "Quận 9" */
			if (prev != PV_NONE && t->ndig <= 3 && !doc_glued(c, k + 1) &&
			    (!doc_kind_at(c, LEX_DOC_COUNT_WORD, k + 1) || term_end(c, k + 1))) {
				k++;
				end = k;
				prev = PV_CAPS;
				continue;
			}
			break;
		}
		size_t te = term_end(c, k);
		if (te && prev != PV_NONE) {
			k = end = te;
			break;
		}
		/* "lần thứ sáu": "Hội nghị lần thứ sáu Ban Chấp hành ..." */
		if (prev != PV_NONE && doc_word(c, k, KW_laanf) && doc_word(c, k + 1, KW_thuws) &&
		    doc_sp_ok(c, k + 1) && doc_sp_ok(c, k + 2) && c->t[k + 2].kind != TK_PUNCT) {
			k = end = doc_u_end(c, k + 2);
			prev = PV_CAPS;
			continue;
		}
		if (doc_word(c, k, KW_vaf)) {
			if (prev != PV_NONE && doc_sp_ok(c, k + 1) && cap_word(c, k + 1) &&
			    !is_type_start(c, k + 1)) {
				k++;
				prev = PV_NONE;
				continue;
			}
			break;
		}
		if (doc_u_up(c, k)) {
			prev = doc_u_nlow(c, k) ? PV_TITLE : PV_CAPS;
			k = end = doc_u_end(c, k);
			continue;
		}
		if (prev == PV_NONE)
			break;
		size_t len = 0;
		if (documents_phrase_at(c, LEX_DOC_ISSUER_WORD, k, &len)) {
			k = end = k + len;
			prev = PV_LISTED;
			continue;
		}
		if (doc_kind_at(c, LEX_DOC_VERB, k) || doc_kind_at(c, LEX_DOC_ISSUER_STOP, k))
			break;
		/* second syllable of a capitalised word: "Bộ Chính trị", "Ban Bí thư" */
		if (prev == PV_TITLE) {
			k = end = doc_u_end(c, k);
			prev = PV_LOWER;
			continue;
		}
		break;
	}
	if (pending && k < n && !doc_nl(c, k) && doc_u_word(c, k) && !doc_word(c, k, KW_veef) &&
	    !doc_word(c, k, KW_ngayf) && end == k)
		end = safe;
	return end;
}

/* ------------------------------------------------------------------ */
/* Subject: "về đẩy mạnh ..." up to ';', '.', a closing bracket or a line
 * break. */

static bool is_open_quote(uint32_t cp)
{
	return cp == '"' || cp == 0x201C || cp == '\'' || cp == 0x2018 || cp == 0xAB;
}

static uint32_t close_quote(uint32_t cp)
{
	switch (cp) {
	case 0x201C:
		return 0x201D;
	case 0x2018:
		return 0x2019;
	case 0xAB:
		return 0xBB;
	default:
		return cp;
	}
}

/* A '.' followed by a space ends the subject unless it closes an abbreviation
 * ("TP. Hồ Chí Minh"); one glued to a letter or digit never does ("T.Ư",
 * "1.999"). */
static bool terminal_dot(const doc_ctx_t *c, size_t k)
{
	if (k + 1 >= c->n)
		return true;
	if (!doc_sp(c, k + 1))
		return c->t[k + 1].kind == TK_PUNCT;
	if (doc_nl(c, k + 1))
		return true;
	if (k > 0 && !doc_sp(c, k) && doc_kind_at(c, LEX_DOC_ABBR, doc_u_prev(c, k)) &&
	    cap_word(c, k + 1))
		return false;
	return true;
}

static size_t parse_subject(const doc_ctx_t *c, size_t p)
{
	size_t n = c->n, k = p + 1, nk;
	if (k >= n || doc_nl(c, k))
		return p;
	uint32_t start = c->t[p].start;
	if (c->t[k].kind == TK_PUNCT && is_open_quote(c->t[k].val)) {
		uint32_t q = close_quote(c->t[k].val);
		for (size_t j = k + 1; j < n && c->t[j].end - start <= DOC_SUBJ_CAP; j++) {
			if (doc_nl(c, j))
				break;
			if (c->t[j].kind == TK_PUNCT && c->t[j].val == q)
				return j + 1;
		}
	}
	size_t end = p;
	int depth = 0;
	for (; k < n; k = nk) {
		const tok_t *t = &c->t[k];
		nk = doc_u_end(c, k);
		if (doc_nl(c, k) || c->t[nk - 1].end - start > DOC_SUBJ_CAP)
			break;
		/* "về phân cấp cán bộ và Quy định 98-QĐ/TW về ...": the next
		 * coordinated citation is not part of this subject */
		if (!depth && (doc_is_p(c, k, ',') || doc_word(c, k, KW_vaf)) && doc_sp_ok(c, nk) &&
		    doc_u_up(c, nk) && is_type_start(c, nk))
			break;
		if (!depth && k > p + 1 && doc_u_word(c, k) &&
		    (doc_kind_at(c, LEX_DOC_SUBJECT_STOP, k) ||
		     (doc_word(c, k, KW_dduwowcj) && doc_sp_ok(c, nk) && doc_u_up(c, nk))))
			break;
		if (t->kind == TK_PUNCT) {
			uint32_t cp = t->val;
			if (cp == ';' || cp == '!' || cp == '?')
				break;
			if (cp == '(' || cp == '[') {
				depth++;
			} else if (cp == ')' || cp == ']') {
				if (!depth)
					break;
				depth--;
			} else if (cp == '.' && terminal_dot(c, k)) {
				break;
			} else if (cp == ',' || cp == ':') {
				/* a trailing comma is not part of the subject */
				if (k + 1 >= n || doc_nl(c, k + 1))
					break;
				continue;
			}
		}
		end = nk;
	}
	return end > p + 1 ? end : p;
}

/* ------------------------------------------------------------------ */
/* The tail                                                            */

static void put_date(doc_cite_t *d, int y, int m, int dd)
{
	d->year = y;
	d->month = m;
	d->day = dd;
}

/* Internal: sets the date, issuer and subject of the caller's *cd. */
size_t documents_parse_tail(const doc_ctx_t *c, size_t t, doc_cand_t *cd)
{
	doc_cite_t *d = &cd->d;
	size_t pos = t, p, e, len;
	bool have_date = false;
	int y, m, dd;

	p = pos;
	if (doc_is_p(c, p, ','))
		p++;
	if (documents_phrase_at(c, LEX_DOC_VERB, p, &len) && doc_word(c, p + len, KW_ngayf))
		p += len; /* "ban hành ngày 5/3/2021" */
	if (doc_word(c, p, KW_ngayf) && !doc_nl(c, p) && doc_sp_ok(c, p + 1)) {
		e = documents_ngay_date(c, p, &y, &m, &dd);
		if (e) {
			put_date(d, y, m, dd);
			have_date = true;
			pos = e;
		}
	} else if (p == t && doc_is_p(c, p, '(') && !doc_nl(c, p)) {
		/* "Chỉ thị 05-CT/TW (ngày 15/5/2016)" */
		size_t q = p + 1;
		if (doc_word(c, q, KW_ngayf))
			q++;
		const date_expr_t *x = day_date(c, q);
		if (x && x->year && x->span.start >= c->t[p + 1].start) {
			y = m = dd = 0;
			e = set_date(c, x, &y, &m, &dd);
			if (e && doc_is_p(c, e, ')')) {
				put_date(d, y, m, dd);
				have_date = true;
				pos = e + 1;
			}
		}
	}
	/* "Quyết định 218 năm 2013 của Bộ Chính trị": the year alone is no
	 * issue date but the issuer still follows */
	if (pos == t && doc_word(c, pos, KW_nawm) && doc_sp_ok(c, pos) && doc_is_year(c, pos + 1) &&
	    doc_sp_ok(c, pos + 1))
		pos += 2;
	p = pos;
	if (doc_is_p(c, p, ','))
		p++;
	if (doc_word(c, p, KW_cuar) && !doc_nl(c, p) && doc_sp_ok(c, p + 1)) {
		e = documents_parse_issuer(c, p + 1);
		if (e > p + 1) {
			d->issuer_span = span_make(c->t[p + 1].start, c->t[e - 1].end);
			cd->postposed_issuer = true;
			pos = e;
			p = pos;
			if (doc_is_p(c, p, ','))
				p++;
			if (!have_date && doc_word(c, p, KW_ngayf) && !doc_nl(c, p) &&
			    doc_sp_ok(c, p + 1)) {
				e = documents_ngay_date(c, p, &y, &m, &dd);
				if (e) {
					put_date(d, y, m, dd);
					pos = e;
				}
			}
		}
	}
	/* "Kết luận số 21-KL/TW, ngày ... của ..., về ...": a comma before "về"
	 * only after a date or issuer; "Chỉ thị 05, về nội dung" is a list */
	p = pos;
	if (pos > t && doc_is_p(c, p, ','))
		p++;
	if (doc_word(c, p, KW_veef) && !doc_nl(c, p)) {
		e = parse_subject(c, p);
		if (e > p) {
			d->subject_span = span_make(c->t[p].start, c->t[e - 1].end);
			pos = e;
		}
	}
	return pos;
}
