/* A meeting's convening body (its place: place.c). */
#include <stdio.h>
#include <string.h>

#include "model/meetings/meetings_internal.h"

static void find_subject_body(mctx_t *c, meeting_t *m, const kmention_t *k, size_t sa, size_t sb);
static void subject_after_kind(mctx_t *c, meeting_t *m, const kmention_t *k, size_t sb);
static int convening_verb(const text_t *t, size_t e, const kmention_t *k);

static size_t term_key(const void *ctx, size_t i)
{
	return ((const doc_t *)ctx)->terms.v[i].tok_start;
}

/* token after a term period written after a body and its term, before the
 * verb: "HĐND tỉnh khóa X, nhiệm kỳ 2021 - 2026 khai mạc kỳ họp", "Ban
 * Chấp hành Đảng bộ tỉnh khóa XX nhiệm kỳ 2020 - 2025 tổ chức hội nghị";
 * e itself when none starts there (terms are in text order) */
static size_t skip_period(const doc_t *d, size_t e, size_t sb)
{
	const text_t *t = &d->tx;
	size_t q = e < sb && meetings_is_punct(t, e, ',') ? e + 1 : e;
	if (q >= sb || tok_kw(t, q) != KW_nhieemj)
		return e;
	size_t i = doc_lower_bound(d->terms.n, q, term_key, d);
	if (i >= d->terms.n || d->terms.v[i].tok_start != q || !d->terms.v[i].from_year ||
	    d->terms.v[i].tok_end > sb)
		return e;
	return d->terms.v[i].tok_end;
}

/* token after an organisation mention and what may follow it before the
 * verb: its term ("khóa XVIII"), a bracketed place ("(Nghệ An)") and an
 * appositive place ("Tổng Lãnh sự quán Việt Nam tại Osaka, Nhật Bản đã
 * ...") */
static size_t skip_org_tail(const doc_t *d, const org_mention_t *o, size_t sb)
{
	const text_t *t = &d->tx;
	size_t e = o->tok_end;
	if (!span_is_empty(o->term))
		while (e < sb && t->tok[e].start < o->term.end)
			e++;
	if (e < sb && meetings_is_punct(t, e, ',') &&
	    ((tok_kw(t, e + 1) == KW_khoas) || (tok_kw(t, e + 1) == KW_khoas)))
		e += 3;
	e = skip_period(d, e, sb);
	if (e < sb && meetings_is_punct(t, e, '(')) {
		size_t q = e + 1;
		while (q < sb && q < e + 10 && !meetings_is_punct(t, q, ')'))
			q++;
		if (q < sb && meetings_is_punct(t, q, ')'))
			e = q + 1;
	}
	size_t n = 0;
	if (e + 2 < sb && meetings_is_punct(t, e, ',') &&
	    (t->tok[e + 1].flags & (TF_CAP | TF_UPPER)) && lex_at(t, LEX_PLACES, e + 1, sb, &n) &&
	    e + 1 + n < sb && t->tok[e + 1 + n].kind == TK_WORD &&
	    !(t->tok[e + 1 + n].flags & (TF_CAP | TF_UPPER)) &&
	    meetings_org_mention_at(d, e + 1) < 0)
		e += 1 + n;
	return e;
}

/* adverbs between a subject and its verb: "đã", "đang", "vừa", "cũng",
 * "tiếp tục" ("Chính phủ tiếp tục họp phiên thường kỳ") */
static size_t skip_adverbs(const text_t *t, size_t e, size_t sb)
{
	for (int n = 0; n < 3 && e < sb; n++) {
		uint16_t w = tok_kw(t, e);
		if (w == KW_ddax || w == KW_ddang || w == KW_vuwaf || w == KW_cungx)
			e++;
		else if (tok_kw2(t, e, KW_tieeps, KW_tucj) || tok_kw2(t, e, KW_long, KW_trongj) ||
			 tok_kw2(t, e, KW_trongj, KW_theer))
			e += 2; /* "long trọng tổ chức", "trọng thể tổ chức" */
		else
			break;
	}
	return e;
}

/* Joint conveners written as one span after o: "Tỉnh ủy, HĐND, UBND,
 * UBMTTQ Việt Nam tỉnh", "Thành ủy - HĐND - UBND thành phố", "Chính phủ và
 * Ủy ban T.Ư MTTQ Việt Nam", "X cùng Y". Extends *joint over them and
 * returns the token after the last one (its tail skipped). */
static size_t joint_after(const doc_t *d, const org_mention_t *o, size_t sb, span_t *joint)
{
	const text_t *t = &d->tx;
	size_t e = skip_org_tail(d, o, sb);
	*joint = o->span;
	for (int n = 0; n < 8 && e + 1 < sb; n++) {
		if (!((tok_kw(t, e) == KW_vaf) || (tok_kw(t, e) == KW_cungf) ||
		      meetings_is_punct(t, e, ',') || meetings_is_punct(t, e, '-')))
			break;
		int o2 = meetings_org_mention_at(d, e + 1);
		if (o2 < 0 || meetings_in_person_ctx(d, e + 1))
			break;
		joint->end = d->org_mentions.v[o2].span.end;
		e = skip_org_tail(d, &d->org_mentions.v[o2], sb);
	}
	return e;
}

static void set_body(meeting_t *m, const doc_t *d, int om)
{
	const org_mention_t *o = &d->org_mentions.v[om];
	m->body_span = o->span;
	m->body_org = o->org;
	if (span_is_empty(m->term) && !span_is_empty(o->term))
		m->term = o->term;
}

/* a visiting team ("Đoàn công tác", "Đoàn kiểm tra của Ban Bí thư"): in a
 * working session with a body, that body is recorded */
static int delegation_at(const text_t *t, size_t i)
{
	return tok_kw(t, i) == KW_ddoanf && i + 1 < t->n && t->tok[i + 1].kind == TK_WORD &&
	       !(t->tok[i + 1].flags & (TF_CAP | TF_UPPER));
}

/* After "phối hợp với": the co-organisers up to "(đồng) tổ chức" in the
 * same sentence ("X phối hợp với A, B và C tổ chức"); returns the verb's
 * token, or q when none comes within forty tokens. */
static size_t coorganisers_end(const text_t *t, size_t q, size_t sb)
{
	for (size_t s = q; s + 1 < sb && s < q + 40; s++) {
		if (meetings_is_punct(t, s, '.') || meetings_is_punct(t, s, ';'))
			break;
		if (tok_kw2(t, s, KW_toor, KW_chuwcs))
			return tok_kw(t, s - 1) == KW_ddoongf ? s - 1 : s;
	}
	return q;
}

/* "Hội thảo ... do nhóm X chủ trì", "Diễn đàn ... do Bộ A, Bộ B và C tổ
 * chức": the body named as organiser in a passive clause after the kind */
static int passive_organiser(mctx_t *c, meeting_t *m, const kmention_t *k, size_t sb)
{
	const doc_t *d = c->d;
	const text_t *t = c->t;
	size_t q = k->tok + k->ntok;
	for (size_t s = q; s + 1 < sb && s < q + 30; s++) {
		if (meetings_is_punct(t, s, '.') || meetings_is_punct(t, s, ';'))
			return 0;
		if (tok_kw(t, s) != KW_do)
			continue;
		int om = meetings_org_mention_at(d, s + 1);
		if (om < 0 || meetings_in_person_ctx(d, s + 1))
			return 0;
		span_t joint;
		size_t e = skip_adverbs(t, joint_after(d, &d->org_mentions.v[om], sb, &joint), sb);
		if (tok_kw2(t, e, KW_phoois, KW_howpj) && tok_kw(t, e + 2) == KW_vowis)
			e = coorganisers_end(t, e + 3, sb);
		else if (tok_kw2(t, e, KW_phoois, KW_howpj))
			e += 2;
		if (tok_kw(t, e) == KW_ddoongf)
			e++;
		if (tok_kw2(t, e, KW_toor, KW_chuwcs) || tok_kw2(t, e, KW_chur, KW_trif) ||
		    tok_kw2(t, e, KW_ddawng, KW_cai) || tok_kw2(t, e, KW_trieeuj, KW_taapj)) {
			set_body(m, d, om);
			m->body_span = joint;
			return 1;
		}
		return 0;
	}
	return 0;
}

/* "cuộc họp của Ủy Ban lần thứ 8" after "Ủy Ban Quốc gia về biến đổi khí
 * hậu": a bare generic head refers to the last body named with it */
static int bare_head_body(const doc_t *d, size_t s, size_t sb)
{
	const text_t *t = &d->tx;
	size_t n = 0;
	const lex_entry_t *e = lex_at(t, LEX_BODIES, s, sb, &n);
	if (!e || e->ncols < 5 || strcmp(e->cols[4], "generic") ||
	    !(t->tok[s].flags & (TF_CAP | TF_UPPER)))
		return -1;
	for (size_t i = meetings_org_from(d, s); i-- > 0;) {
		const org_mention_t *o = &d->org_mentions.v[i];
		if (o->tok_start >= s || o->tok_end - o->tok_start <= n)
			continue;
		size_t q = 0;
		while (q < n && tok_kw(t, o->tok_start + q) == tok_kw(t, s + q) && tok_kw(t, s + q))
			q++;
		if (q == n)
			return (int)i;
	}
	return -1;
}

/* words between a kind and "của" + its body: "hội nghị sơ kết công tác 6
 * tháng đầu năm 2017 của Sở Tư pháp", "phiên họp thường kỳ tháng 6 của
 * Chính phủ" */
static int kind_filler(const text_t *t, size_t s)
{
	switch (tok_kw(t, s)) {
	case KW_laanf:
	case KW_thuws:
	case KW_cuar:
	case KW_giao:
	case KW_ban:
	case KW_toanf:
	case KW_theer:
	case KW_thuwowngf:
	case KW_kyf:
	case KW_truwcj:
	case KW_tuyeens:
	case KW_mowr:
	case KW_roongj:
	case KW_vowis:
	case KW_ddaij:
	case KW_bieeur:
	case KW_quys:
	case KW_thangs:
	case KW_nawm:
	case KW_ddaauf:
	case KW_cuoois:
	case KW_sow:
	case KW_keets:
	case KW_toongr:
	case KW_coong:
	case KW_tacs:
	case KW_ddinhj:
	case KW_chuyeen:
	case KW_ddeef:
	/* "cuộc họp mới đây của ...", "hội nghị vừa qua của ...", "phiên họp
	 * hôm nay của ..." */
	case KW_mowis:
	case KW_ddaay:
	case KW_vuwaf:
	case KW_qua:
	case KW_hoom:
	case KW_nay:
		return 1;
	default:
		return 0;
	}
}

/* "HĐND tỉnh Bình Phước khai mạc kỳ họp thứ 12, HĐND tỉnh khóa X": the
 * body after the kind is the subject named again without its place; the
 * subject's fuller name is kept (its canonical name extends the other's at
 * a word boundary) */
static void subject_names_more(mctx_t *c, meeting_t *m, const kmention_t *k, size_t sa, size_t sb,
			       int om)
{
	const doc_t *d = c->d;
	int org = m->body_org;
	span_t span = m->body_span, term = m->term;
	m->body_org = -1;
	find_subject_body(c, m, k, sa, sb);
	int sm =
	    m->body_org >= 0 ? meetings_org_mention_at(d, doc_tok_at(d, m->body_span.start)) : -1;
	if (sm >= 0 && m->body_org != org) {
		const char *shortn = d->org_mentions.v[om].canonical;
		const char *longn = d->org_mentions.v[sm].canonical;
		size_t n = strlen(shortn);
		if (strlen(longn) > n && !strncmp(longn, shortn, n) && longn[n] == ' ') {
			if (span_is_empty(m->term))
				m->term = term;
			return;
		}
	}
	m->body_org = org;
	m->body_span = span;
	m->term = term;
}

void meetings_find_body(mctx_t *c, meeting_t *m, const kmention_t *k, size_t sa, size_t sb)
{
	const doc_t *d = c->d;
	const text_t *t = c->t;
	m->body_org = -1;
	/* a working session reported with a body as subject ("UBND tỉnh đã có
	 * buổi làm việc với Công an TP") is that body's; with a person or a
	 * visiting team as subject it is the counterpart's ("... làm việc với
	 * Ban Thường vụ") */
	int saved_org = -1;
	span_t saved_span = {0, 0};
	if (k && k->kind == meetings_kind_enum("working_session")) {
		find_subject_body(c, m, k, sa, sb);
		if (m->body_org >= 0 && !delegation_at(t, doc_tok_at(d, m->body_span.start)))
			return;
		saved_org = m->body_org;
		saved_span = m->body_span;
		m->body_org = -1;
	}
	if (k && passive_organiser(c, m, k, sb))
		return;
	/* "X tiếp Đoàn đại biểu ...": the body after the verb of a reception
	 * is its guest, not its convener */
	int reception = k && k->ntok == 1 && tok_kw(t, k->tok) == KW_tieeps;
	if (k && !reception) {
		/* after the kind: "hội nghị lần thứ 53 của Ban Thường vụ Tỉnh ủy",
		 * "kỳ họp thứ 4, HĐND tỉnh khóa IX", "Hội nghị BCH Trung ương Đoàn" */
		size_t q = k->tok + k->ntok;
		for (size_t s = q; s < sb && s < q + 14; s++) {
			if (meetings_is_punct(t, s, '.') || meetings_is_punct(t, s, ';'))
				break;
			/* "Lễ công bố Quyết định của Tổng cục ...": the body issued
			 * the document, it did not hold the ceremony */
			if ((t->tok[s].flags & (TF_CAP | TF_UPPER)) &&
			    lex_starts(t, LEX_DOC_TYPE, s))
				break;
			int om = meetings_org_mention_at(d, s);
			if (om < 0 && s > q && tok_kw(t, s - 1) == KW_cuar &&
			    (om = bare_head_body(d, s, sb)) >= 0) {
				set_body(m, d, om);
				return;
			}
			if (om >= 0 && !meetings_in_person_ctx(d, s)) {
				int prev_ok = s == q || (tok_kw(t, s - 1) == KW_cuar) ||
					      meetings_is_punct(t, s - 1, ',') ||
					      (tok_kw(t, s - 1) == KW_thuws) ||
					      t->tok[s - 1].kind == TK_NUM ||
					      (t->tok[s - 1].flags & TF_ROMAN) ||
					      (tok_kw(t, s - 1) == KW_vowis &&
					       k->kind == meetings_kind_enum("working_session")) ||
					      tok_kw2(t, s - 2, KW_ddaij, KW_bieeur);
				if (prev_ok) {
					span_t joint;
					set_body(m, d, om);
					joint_after(d, &d->org_mentions.v[om], sb, &joint);
					m->body_span = joint;
					subject_names_more(c, m, k, sa, sb, om);
					return;
				}
				break;
			}
			if (t->tok[s].kind == TK_WORD && !(t->tok[s].flags & (TF_CAP | TF_UPPER)) &&
			    !kind_filler(t, s))
				break;
		}
	}
	/* working session: "... làm việc với Ban Thường vụ Tỉnh ủy", unless a
	 * body is its subject ("Ban Thường vụ Thành ủy Hà Nội làm việc với
	 * Ban Thường vụ Tỉnh ủy Lào Cai") */
	int lv = meetings_has_kw_pair(t, sa, sb, KW_lamf, KW_vieecj);
	if (lv) {
		size_t s = (size_t)lv + 1;
		for (size_t i = meetings_org_from(d, sa);
		     i < d->org_mentions.n && d->org_mentions.v[i].tok_end < s; i++) {
			const org_mention_t *o = &d->org_mentions.v[i];
			if (o->tok_start < sa || meetings_in_person_ctx(d, o->tok_start) ||
			    delegation_at(t, o->tok_start))
				continue;
			span_t joint;
			size_t e = skip_adverbs(t, joint_after(d, o, sb, &joint), sb);
			if (tok_kw(t, e) == KW_cos &&
			    (tok_kw(t, e + 1) == KW_buooir || tok_kw(t, e + 1) == KW_cuoocj))
				e += 2;
			if (e + 2 == s && tok_kw(t, s) == KW_vowis) {
				set_body(m, d, (int)i);
				m->body_span = joint;
				return;
			}
		}
		if ((tok_kw(t, s) == KW_vowis)) {
			int om = meetings_org_mention_at(d, s + 1);
			if (om >= 0) {
				set_body(m, d, om);
				return;
			}
		}
	}
	if (saved_org >= 0) {
		m->body_org = saved_org;
		m->body_span = saved_span;
		return;
	}
	find_subject_body(c, m, k, sa, sb);
	if (m->body_org < 0 && k)
		subject_after_kind(c, m, k, sb);
}

/* A caption or heading before the lead: "Họp báo kỳ họp thứ 3 ... Chiều
 * 19/5, Văn phòng Quốc hội tổ chức họp báo ...": a body later in the
 * sentence that organises a meeting of the same kind */
static void subject_after_kind(mctx_t *c, meeting_t *m, const kmention_t *k, size_t sb)
{
	const doc_t *d = c->d;
	const text_t *t = c->t;
	for (size_t i = meetings_org_from(d, k->tok + k->ntok); i < d->org_mentions.n; i++) {
		const org_mention_t *o = &d->org_mentions.v[i];
		if (o->tok_end >= sb)
			return;
		if (meetings_in_person_ctx(d, o->tok_start))
			continue;
		span_t joint;
		size_t e = skip_adverbs(t, joint_after(d, o, sb, &joint), sb);
		/* "Tiếp tục chương trình Kỳ họp thứ 6, sáng 5/11, Quốc hội thảo
		 * luận ...": the kind in a fronted phrase, the body the subject
		 * of the clause after it */
		int fronted = 0;
		for (size_t q = k->tok + k->ntok; q < o->tok_start && !fronted; q++)
			fronted = meetings_is_punct(t, q, ',');
		if (fronted && o->tok_start > 0 && meetings_is_punct(t, o->tok_start - 1, ',') &&
		    !tok_kw2(t, e, KW_toor, KW_chuwcs) && convening_verb(t, e, NULL)) {
			set_body(m, d, (int)i);
			m->body_span = joint;
			return;
		}
		if (!tok_kw2(t, e, KW_toor, KW_chuwcs))
			continue;
		size_t q = meetings_kind_from(c, e + 2);
		if (q < c->kinds.n && c->kinds.v[q].tok == e + 2 && c->kinds.v[q].kind == k->kind) {
			set_body(m, d, (int)i);
			m->body_span = joint;
			return;
		}
	}
}

/* the verb after a convening subject: "họp", "tổ chức", "tiến hành",
 * "khai mạc", "cho ý kiến", "thảo luận", "nghe", "có" + the kind, ... */
static int convening_verb(const text_t *t, size_t e, const kmention_t *k)
{
	return (tok_kw(t, e) == KW_hopj) || tok_kw2(t, e, KW_toor, KW_chuwcs) ||
	       tok_kw2(t, e, KW_tieens, KW_hanhf) || tok_kw2(t, e, KW_khai, KW_macj) ||
	       tok_kw2(t, e, KW_bees, KW_macj) || tok_kw2(t, e, KW_cho, KW_ys) ||
	       tok_kw2(t, e, KW_thaor, KW_luaanj) || tok_kw2(t, e, KW_xem, KW_xets) ||
	       (tok_kw(t, e) == KW_nghe) || (k && e + 1 == k->tok && (tok_kw(t, e) == KW_cos)) ||
	       (k && e == k->tok && tok_kw2(t, e, KW_lamf, KW_vieecj)) ||
	       tok_kw2(t, e, KW_buwowcs, KW_vaof);
}

/* subject of the sentence: "Ban Thường vụ Tỉnh ủy tổ chức hội nghị",
 * "Chính phủ họp phiên thường kỳ" */
static void find_subject_body(mctx_t *c, meeting_t *m, const kmention_t *k, size_t sa, size_t sb)
{
	const doc_t *d = c->d;
	const text_t *t = c->t;
	size_t lim = k ? k->tok : sb;
	for (size_t i = meetings_org_from(d, sa);
	     i < d->org_mentions.n && d->org_mentions.v[i].tok_start < lim; i++) {
		const org_mention_t *o = &d->org_mentions.v[i];
		if (o->tok_start < sa || o->tok_end > lim)
			continue;
		if (meetings_in_person_ctx(d, o->tok_start))
			continue;
		/* "tại Trung tâm Hội nghị tỉnh, Hội Nông dân tỉnh tổ chức": a venue */
		int venue = 0;
		for (size_t q = o->tok_start; q > sa && !meetings_is_punct(t, q - 1, ','); q--)
			if ((tok_kw(t, q - 1) == KW_taij)) {
				venue = 1;
				break;
			}
		if (venue)
			continue;
		span_t joint;
		size_t e = joint_after(d, o, sb, &joint);
		if (joint.end > o->span.end && o->tok_start > sa &&
		    (tok_kw(t, o->tok_start - 1) == KW_truwcj) && o->tok_start >= 2 &&
		    (tok_kw(t, o->tok_start - 2) == KW_thuwowngf))
			joint.start = t->tok[o->tok_start - 2].start;
		size_t e0 = e;
		e = skip_adverbs(t, e, sb);
		/* the kind right after the subject: "Ủy ban Thường vụ Quốc hội
		 * tiếp tục phiên họp thứ 12", "Đoàn đại biểu Quốc hội tỉnh tiếp
		 * xúc cử tri" */
		int resumes =
		    k && e == k->tok && (e > e0 || !(t->tok[e].flags & (TF_CAP | TF_UPPER)));
		/* "X (đã) phối hợp với Y, Z và W tổ chức": X convenes */
		if (tok_kw2(t, e, KW_phoois, KW_howpj) && (tok_kw(t, e + 2) == KW_vowis)) {
			size_t v = coorganisers_end(t, e + 3, sb);
			if (v > e + 3)
				e = tok_kw(t, v) == KW_ddoongf ? v + 1 : v;
		} else if (tok_kw2(t, e, KW_phoois, KW_howpj)) {
			e += 2; /* "X và Y phối hợp tổ chức" */
		}
		if (tok_kw(t, e) == KW_ddoongf ||
		    (tok_kw(t, e) == KW_cungf && tok_kw2(t, e + 1, KW_toor, KW_chuwcs)))
			e++; /* "đồng tổ chức", "cùng tổ chức" */
		if (e < sb && (convening_verb(t, e, k) || resumes)) {
			set_body(m, d, (int)i);
			m->body_span = joint;
			return;
		}
	}
	/* "Ban Chỉ đạo đã họp", "Ủy ban tổ chức hội nghị": a bare head as
	 * subject is the body last named with it */
	for (size_t s = sa; s + 1 < lim; s++) {
		if (!(t->tok[s].flags & (TF_CAP | TF_UPPER)) ||
		    meetings_org_mention_at(d, s) >= 0 || meetings_in_person_ctx(d, s) ||
		    !lex_starts(t, LEX_BODIES, s) || (s > sa && tok_kw(t, s - 1) == KW_taij))
			continue;
		size_t n = 0;
		if (!lex_at(t, LEX_BODIES, s, lim, &n))
			continue;
		size_t e = skip_adverbs(t, s + n, sb);
		int om;
		if (e < sb && convening_verb(t, e, k) && (om = bare_head_body(d, s, sb)) >= 0) {
			set_body(m, d, om);
			return;
		}
	}
}
