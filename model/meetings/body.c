/* A meeting's convening body (its place: place.c). */
#include <stdio.h>
#include <string.h>

#include "model/meetings/meetings_internal.h"

static void find_subject_body(mctx_t *c, meeting_t *m, const kmention_t *k, size_t sa, size_t sb);

/* token after an organisation mention and what may follow it before the
 * verb: its term ("khóa XVIII") and a bracketed place ("(Nghệ An)") */
static size_t skip_org_tail(const doc_t *d, const org_mention_t *o, size_t sb)
{
	const text_t *t = &d->tx;
	size_t e = o->tok_end;
	if (!span_is_empty(o->term))
		while (e < sb && t->tok[e].start < o->term.end)
			e++;
	if (e < sb && meetings_is_punct(t, e, ',') && ((tok_kw(t, e + 1) == KW_khoas) || (tok_kw(t, e + 1) == KW_khoas)))
		e += 3;
	if (e < sb && meetings_is_punct(t, e, '(')) {
		size_t q = e + 1;
		while (q < sb && q < e + 10 && !meetings_is_punct(t, q, ')'))
			q++;
		if (q < sb && meetings_is_punct(t, q, ')'))
			e = q + 1;
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

void meetings_find_body(mctx_t *c, meeting_t *m, const kmention_t *k, size_t sa, size_t sb)
{
	const doc_t *d = c->d;
	const text_t *t = c->t;
	m->body_org = -1;
	/* a working session reported with a body as subject ("UBND tỉnh đã có
	 * buổi làm việc với Công an TP") is that body's; with a person as
	 * subject it is the counterpart's ("... làm việc với Ban Thường vụ") */
	if (k && k->kind == meetings_kind_enum("working_session")) {
		find_subject_body(c, m, k, sa, sb);
		if (m->body_org >= 0)
			return;
	}
	if (k) {
		/* after the kind: "hội nghị lần thứ 53 của Ban Thường vụ Tỉnh ủy",
		 * "kỳ họp thứ 4, HĐND tỉnh khóa IX", "Hội nghị BCH Trung ương Đoàn" */
		size_t q = k->tok + k->ntok;
		for (size_t s = q; s < sb && s < q + 10; s++) {
			if (meetings_is_punct(t, s, '.') || meetings_is_punct(t, s, ';'))
				break;
			int om = meetings_org_mention_at(d, s);
			if (om >= 0 && !meetings_in_person_ctx(d, s)) {
				int prev_ok = s == q || (tok_kw(t, s - 1) == KW_cuar) || meetings_is_punct(t, s - 1, ',') ||
					      (tok_kw(t, s - 1) == KW_thuws) || t->tok[s - 1].kind == TK_NUM ||
					      (t->tok[s - 1].flags & TF_ROMAN) || (tok_kw(t, s - 1) == KW_vowis) ||
					      tok_kw2(t, s - 2, KW_ddaij, KW_bieeur);
				if (prev_ok) {
					set_body(m, d, om);
					return;
				}
				break;
			}
			if (t->tok[s].kind == TK_WORD && !(t->tok[s].flags & (TF_CAP | TF_UPPER)) &&
			    !(tok_kw(t, s) == KW_laanf) && !(tok_kw(t, s) == KW_thuws) && !(tok_kw(t, s) == KW_cuar) &&
			    !(tok_kw(t, s) == KW_giao) && !(tok_kw(t, s) == KW_ban) && !(tok_kw(t, s) == KW_toanf) &&
			    !(tok_kw(t, s) == KW_theer) && !(tok_kw(t, s) == KW_thuwowngf) && !(tok_kw(t, s) == KW_kyf) &&
			    !(tok_kw(t, s) == KW_truwcj) && !(tok_kw(t, s) == KW_tuyeens) && !(tok_kw(t, s) == KW_mowr) &&
			    !(tok_kw(t, s) == KW_roongj) && !(tok_kw(t, s) == KW_vowis) && !(tok_kw(t, s) == KW_ddaij) &&
			    !(tok_kw(t, s) == KW_bieeur))
				break;
		}
	}
	/* working session: "... làm việc với Ban Thường vụ Tỉnh ủy" */
	int lv = meetings_has_kw_pair(t, sa, sb, KW_lamf, KW_vieecj);
	if (lv) {
		size_t s = (size_t)lv + 1;
		if ((tok_kw(t, s) == KW_vowis)) {
			int om = meetings_org_mention_at(d, s + 1);
			if (om >= 0) {
				set_body(m, d, om);
				return;
			}
		}
	}
	find_subject_body(c, m, k, sa, sb);
}

/* subject of the sentence: "Ban Thường vụ Tỉnh ủy tổ chức hội nghị",
 * "Chính phủ họp phiên thường kỳ" */
static void find_subject_body(mctx_t *c, meeting_t *m, const kmention_t *k, size_t sa, size_t sb)
{
	const doc_t *d = c->d;
	const text_t *t = c->t;
	size_t lim = k ? k->tok : sb;
	for (size_t i = meetings_org_from(d, sa); i < d->org_mentions.n && d->org_mentions.v[i].tok_start < lim;
	     i++) {
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
		size_t e = skip_org_tail(d, o, sb);
		span_t joint = o->span;
		/* "X phối hợp với Y tổ chức": X convenes; "X và Y tổ chức": both,
		 * recorded as written */
		if (tok_kw2(t, e, KW_phoois, KW_howpj) && (tok_kw(t, e + 2) == KW_vowis)) {
			int o2 = meetings_org_mention_at(d, e + 3);
			if (o2 >= 0)
				e = skip_org_tail(d, &d->org_mentions.v[o2], sb);
		} else {
			/* "Tỉnh ủy, HĐND, UBND, UBMTTQ Việt Nam tỉnh đã tổ chức",
			 * "Thành ủy - HĐND - UBND thành phố": one joint convener */
			while (e + 1 < sb && ((tok_kw(t, e) == KW_vaf) || meetings_is_punct(t, e, ',') ||
					      meetings_is_punct(t, e, '-'))) {
				int o2 = meetings_org_mention_at(d, e + 1);
				if (o2 < 0)
					break;
				joint.end = d->org_mentions.v[o2].span.end;
				e = skip_org_tail(d, &d->org_mentions.v[o2], sb);
			}
			if (joint.end > o->span.end && o->tok_start > sa &&
			    (tok_kw(t, o->tok_start - 1) == KW_truwcj) && o->tok_start >= 2 &&
			    (tok_kw(t, o->tok_start - 2) == KW_thuwowngf))
				joint.start = t->tok[o->tok_start - 2].start;
		}
		if (e < sb && (tok_kw(t, e) == KW_ddax))
			e++;
		if (e < sb && ((tok_kw(t, e) == KW_hopj) || tok_kw2(t, e, KW_toor, KW_chuwcs) ||
			       tok_kw2(t, e, KW_tieens, KW_hanhf) || tok_kw2(t, e, KW_khai, KW_macj) ||
			       tok_kw2(t, e, KW_bees, KW_macj) || tok_kw2(t, e, KW_cho, KW_ys) ||
			       tok_kw2(t, e, KW_thaor, KW_luaanj) || tok_kw2(t, e, KW_xem, KW_xets) ||
			       (tok_kw(t, e) == KW_nghe) || (k && e + 1 == k->tok && (tok_kw(t, e) == KW_cos)) ||
			       (k && e == k->tok && tok_kw2(t, e, KW_lamf, KW_vieecj)))) {
			set_body(m, d, (int)i);
			m->body_span = joint;
			return;
		}
	}
}
