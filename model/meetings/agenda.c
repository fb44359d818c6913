/* A meeting's agenda: who presented what, what was decided, the
 * conclusion. */
#include <stdio.h>
#include <string.h>

#include "model/meetings/tasks.h"

/* presenter phrase: an organisation mention or a person at token k, with a
 * leading "đại diện"/"lãnh đạo" kept */
static int presenter_at(mctx_t *c, agenda_item_t *a, size_t k, size_t lim)
{
	const doc_t *d = c->d;
	const text_t *t = c->t;
	size_t s = k;
	while (s < lim &&
	       (tok_kw2(t, s, KW_ddaij, KW_dieenj) || tok_kw2(t, s, KW_lanhx, KW_ddaoj) ||
		(tok_kw(t, s) == KW_cacs) || tok_kw2(t, s, KW_ddoongf, KW_chis)))
		s += (tok_kw(t, s) == KW_cacs) ? 1 : 2;
	int om = meetings_org_mention_at(d, s);
	if (om >= 0 && !meetings_in_person_ctx(d, s)) {
		const org_mention_t *o = &d->org_mentions.v[om];
		size_t e = o->tok_end;
		span_t sp = o->span;
		/* "Ban Phong trào Ủy ban Trung ương MTTQ Việt Nam": a department
		 * named with its parent body right after it */
		int om2;
		for (;;) {
			/* "Ban Phong trào Ủy ban Trung ương MTTQ Việt Nam": a
			 * department named with its parent body; "Sở Tài chính và
			 * Sở Kế hoạch và Đầu tư": a coordinated list stays one; so
			 * does "Sở Tài chính, Sở Y tế" when the presenting verb
			 * follows it (not "tờ trình của Chính phủ, Ủy ban X cho
			 * rằng": the comma ends the clause) */
			int comma = meetings_is_punct(t, e, ',');
			size_t e2 = (tok_kw(t, e) == KW_vaf || comma) ? e + 1 : e;
			om2 = meetings_org_mention_at(d, e2);
			if (om2 < 0 || (t->tok[e2].flags & TF_NL))
				break;
			if (comma &&
			    !lex_starts(t, LEX_CUE_PRESENT_VERB, d->org_mentions.v[om2].tok_end))
				break;
			sp.end = d->org_mentions.v[om2].span.end;
			e = d->org_mentions.v[om2].tok_end;
		}
		a->has_presenter = 1;
		a->presenter.name =
		    doc_strndup(c->d, d->text + t->tok[k].start, sp.end - t->tok[k].start);
		a->presenter.org = o->org;
		a->presenter.person = -1;
		return (int)e;
	}
	/* a noun phrase ending in a body: "các ban của HĐND tỉnh", "các tiểu
	 * ban thuộc Ban Chỉ đạo của tỉnh" */
	for (size_t q = s; q < lim && q < s + 6; q++) {
		const tok_t *x = &t->tok[q];
		if (x->kind != TK_WORD || (x->flags & (TF_CAP | TF_UPPER)))
			break;
		int o2 = meetings_org_mention_at(d, q + 1);
		if (o2 >= 0 && ((tok_kw(t, q) == KW_cuar) || (tok_kw(t, q) == KW_thuoocj)) &&
		    q > s && !meetings_in_person_ctx(d, q + 1)) {
			const org_mention_t *o = &d->org_mentions.v[o2];
			/* the body's own qualifiers may run on past its mention
			 * ("thuộc Ban Chỉ đạo của tỉnh Khánh Hòa") */
			size_t e = o->tok_end;
			task_whos_t w;
			if (meetings_task_whos(c, k, lim, &w) && w.v[w.n - 1].b > e)
				e = w.v[w.n - 1].b;
			while (e > o->tok_end && t->tok[e - 1].kind == TK_PUNCT)
				e--;
			a->has_presenter = 1;
			a->presenter.name = doc_strndup(c->d, d->text + t->tok[k].start,
							t->tok[e - 1].end - t->tok[k].start);
			a->presenter.org = o->org;
			a->presenter.person = -1;
			return (int)e;
		}
	}
	for (size_t i = meetings_pm_from(d, k);
	     i < d->person_mentions.n && d->person_mentions.v[i].ctx_start <= s + 1; i++) {
		const person_mention_t *p = &d->person_mentions.v[i];
		if (p->ctx_start >= k && p->ctx_start <= s + 1 && !p->is_title_only) {
			a->has_presenter = 1;
			a->presenter.name = doc_strdup(c->d, d->people.v[p->person].name);
			a->presenter.org = -1;
			a->presenter.person = p->person;
			return (int)p->ctx_end;
		}
	}
	/* a longer noun phrase, read the way a task's assignee is: "các
	 * tiểu ban thuộc Ban Chỉ đạo của tỉnh Khánh Hòa", "các Phó Chủ tịch
	 * UBND thành phố" (a list stays one presenter) */
	task_whos_t w;
	/* read after a leading "đại diện", "lãnh đạo" too: "đại diện các
	 * địa phương" */
	if ((meetings_task_whos(c, k, lim, &w) || (s > k && meetings_task_whos(c, s, lim, &w))) &&
	    w.v[0].a >= k && w.v[w.n - 1].b > k) {
		size_t e = w.v[w.n - 1].b;
		while (e > k && t->tok[e - 1].kind == TK_PUNCT)
			e--;
		if (e <= k)
			return -1;
		a->has_presenter = 1;
		a->presenter.name = doc_strndup(c->d, d->text + t->tok[k].start,
						t->tok[e - 1].end - t->tok[k].start);
		a->presenter.org = w.v[0].org;
		a->presenter.person = w.n == 1 ? w.v[0].person : -1;
		return (int)e;
	}
	return -1;
}

/* A presenter named as a noun phrase that opens its clause and ends right
 * before the verb at v: "Tại hội nghị, lãnh đạo các sở, ngành đã báo cáo",
 * "đại diện các địa phương báo cáo"; with any, also one not named by role
 * or as a body ("Các chuyên gia trình bày tham luận"). The longest such
 * phrase; 1 when one was found. */
static int presenter_before(mctx_t *c, agenda_item_t *a, size_t sa, size_t v, int any)
{
	const text_t *t = c->t;
	for (size_t q = v > sa + 12 ? v - 12 : sa; q < v; q++) {
		if (!(q == sa || meetings_is_punct(t, q - 1, ',')) || t->tok[q].kind != TK_WORD ||
		    lex_starts(t, LEX_MEETING_KINDS, q))
			continue;
		/* a body, a person, or people named by their role ("lãnh đạo
		 * ...", "đại diện ..."); not any noun ("Các doanh nghiệp báo cáo
		 * lợi nhuận tăng") */
		int role = tok_kw2(t, q, KW_lanhx, KW_ddaoj) || tok_kw2(t, q, KW_ddaij, KW_dieenj);
		agenda_item_t tmp = *a;
		if (presenter_at(c, &tmp, q, v) == (int)v &&
		    (any || role || tmp.presenter.org >= 0 || tmp.presenter.person >= 0)) {
			/* "đến 31/10, các bộ ngành báo cáo ...": a deadline makes
			 * it a task */
			span_t dl;
			size_t lo, hi;
			if (meetings_task_deadline(c, sa, v, &dl, &lo, &hi))
				return 0;
			*a = tmp;
			return 1;
		}
	}
	return 0;
}

static int push_presenter(mctx_t *c, meeting_t *m, int person, int om, const char *action,
			  size_t sa, size_t sb)
{
	const doc_t *d = c->d;
	for (size_t j = 0; j < m->agenda.n; j++) {
		const agenda_item_t *x = &m->agenda.v[j];
		if ((person >= 0 && x->presenter.person == person) ||
		    (om >= 0 && x->presenter.org == d->org_mentions.v[om].org &&
		     x->mention.start <= c->t->tok[sa].start &&
		     x->mention.end >= c->t->tok[sb - 1].end))
			return 0;
	}
	agenda_item_t a = {0};
	a.conclusion_speaker = -1;
	a.has_presenter = 1;
	a.presenter.person = person;
	a.presenter.org = -1;
	if (person >= 0) {
		a.presenter.name = doc_strdup(c->d, d->people.v[person].name);
	} else {
		a.presenter.name = doc_span_dup(d, d->org_mentions.v[om].span);
		a.presenter.org = d->org_mentions.v[om].org;
	}
	a.action = doc_strdup(c->d, action);
	a.mention = span_make(c->t->tok[sa].start, c->t->tok[sb - 1].end);
	a.rule = "agenda.presenter_list";
	agenda_item_t *slot = avec_push(d->ar, &m->agenda);
	if (!slot) {
		return -1;
	}
	*slot = a;
	return 0;
}

/* Presenters that the one-presenter patterns miss:
 *   "nghe A, B và C lần lượt trình bày tham luận"   (several people)
 *   "Báo cáo tại cuộc họp, Sở X cho biết ..."      (sentence-initial report)
 *   "Thẩm tra tờ trình của Chính phủ, Ủy ban X cho rằng ..."
 *   "... do đồng chí X, Phó Trưởng Ban ... trình bày" */
int meetings_find_presenter_lists(mctx_t *c, meeting_t *m, size_t sa, size_t sb)
{
	const doc_t *d = c->d;
	const text_t *t = c->t;
	/* sentence-initial report or verification clause, then the speaker
	 * ("Trình bày báo cáo thẩm tra, Chủ nhiệm Ủy ban X cho biết ...") */
	int lead =
	    tok_kw2(t, sa, KW_baos, KW_caos) || tok_kw2(t, sa, KW_thaamr, KW_tra) ||
	    (tok_kw2(t, sa, KW_trinhf, KW_bayf) &&
	     (tok_kw2(t, sa + 2, KW_baos, KW_caos) || tok_kw2(t, sa + 2, KW_towf, KW_trinhf))) ||
	    ((tok_kw(t, sa) == KW_theo) && tok_kw2(t, sa + 1, KW_baos, KW_caos) &&
	     !(tok_kw(t, sa + 3) == KW_cuar));
	if (!lead && !(c->cues & (MC_NGHE | MC_DO)))
		return 0;
	int pm[64];
	size_t np;
	meetings_persons_in(d, sa, sb, pm, &np, 64);
	for (size_t i = sa; i < sb && (c->cues & MC_NGHE); i++) {
		if (!(tok_kw(t, i) == KW_nghe))
			continue;
		size_t v = i + 1;
		while (v < sb && !tok_kw2(t, v, KW_trinhf, KW_bayf) &&
		       !tok_kw2(t, v, KW_baos, KW_caos) && !(tok_kw(t, v) == KW_ddocj) &&
		       !meetings_is_punct(t, v, '.') && !meetings_is_punct(t, v, ';'))
			v++;
		if (v >= sb || meetings_is_punct(t, v, '.') || meetings_is_punct(t, v, ';'))
			continue;
		size_t cnt = 0;
		for (size_t q = 0; q < np; q++) {
			const person_mention_t *p = &d->person_mentions.v[pm[q]];
			if (p->ctx_start > i && p->ctx_end <= v && !p->is_title_only)
				cnt++;
		}
		if (cnt < 2)
			continue;
		for (size_t q = 0; q < np; q++) {
			const person_mention_t *p = &d->person_mentions.v[pm[q]];
			if (p->ctx_start > i && p->ctx_end <= v && !p->is_title_only &&
			    push_presenter(c, m, p->person, -1, ACTION_PRESENT, sa, sb))
				return -1;
		}
	}
	if (lead) {
		size_t k = sa;
		while (k < sb && !meetings_is_punct(t, k, ',') && !meetings_is_punct(t, k, ':'))
			k++;
		/* "Báo cáo tại Đại hội khẳng định: ...": what the report says,
		 * no speaker */
		if (k < sb && meetings_is_punct(t, k, ':'))
			k = sb;
		k++;
		while (k < sb &&
		       (tok_kw2(t, k, KW_ddaij, KW_dieenj) || tok_kw2(t, k, KW_lanhx, KW_ddaoj)))
			k += 2;
		if (k < sb) {
			for (size_t q = 0; q < np; q++) {
				const person_mention_t *p = &d->person_mentions.v[pm[q]];
				if (p->ctx_start == k && !p->is_title_only)
					return push_presenter(c, m, p->person, -1, ACTION_REPORT,
							      sa, sb);
			}
			int om = meetings_org_mention_at(d, k);
			if (om >= 0)
				return push_presenter(c, m, -1, om, ACTION_REPORT, sa, sb);
		}
	}
	/* "do X trình bày" */
	for (size_t i = sa; i < sb && (c->cues & MC_DO); i++) {
		if (!(tok_kw(t, i) == KW_do))
			continue;
		size_t k = i + 1;
		for (size_t q = 0; q < np; q++) {
			const person_mention_t *p = &d->person_mentions.v[pm[q]];
			if (p->ctx_start >= k && p->ctx_start <= k + 2 && !p->is_title_only &&
			    (tok_kw2(t, p->ctx_end, KW_trinhf, KW_bayf) ||
			     tok_kw2(t, p->ctx_end, KW_baos, KW_caos) ||
			     (meetings_is_punct(t, p->ctx_end, ',') &&
			      tok_kw2(t, p->ctx_end + 1, KW_trinhf, KW_bayf))))
				if (push_presenter(c, m, p->person, -1, ACTION_PRESENT, sa, sb))
					return -1;
		}
	}
	return 0;
}

/* A directive cue ("yêu cầu", "đề nghị", "giao", "chỉ đạo") in the few
 * words before the report verb at v, with no clause break between. */
static int directed_report(const text_t *t, size_t sa, size_t v)
{
	for (size_t q = v; q > sa && q + 12 > v; q--) {
		size_t p = q - 1;
		if (t->tok[p].kind == TK_PUNCT && !meetings_is_punct(t, p, ','))
			return 0;
		uint16_t k = tok_kw(t, p);
		if (k == KW_giao || (p > sa && ((tok_kw(t, p - 1) == KW_yeeu && k == KW_caauf) ||
						(tok_kw(t, p - 1) == KW_ddeef && k == KW_nghij) ||
						(tok_kw(t, p - 1) == KW_chir && k == KW_ddaoj))))
			return 1;
	}
	return 0;
}

/* What "trình bày" or "đọc" presents, at token j or after a "trước X"
 * ("trình bày trước Quốc hội Tờ trình ..."): a submission, a report, a
 * paper, a scheme, a draft, maybe counted ("nhiều tham luận"). */
static int submission_at(const text_t *t, size_t j, size_t sb)
{
	if (tok_kw(t, j) == KW_truwowcs)
		for (size_t q = j + 1; q < sb && q < j + 6; q++)
			if (tok_kw2(t, q, KW_towf, KW_trinhf) || tok_kw2(t, q, KW_baos, KW_caos)) {
				j = q;
				break;
			}
	/* "trình bày nhiều tham luận", "trình bày 5 báo cáo" */
	if (j + 1 < sb &&
	    (tok_kw(t, j) == KW_nhieeuf || tok_kw(t, j) == KW_cacs || t->tok[j].kind == TK_NUM))
		j++;
	return tok_kw2(t, j, KW_towf, KW_trinhf) || tok_kw2(t, j, KW_baos, KW_caos) ||
	       tok_kw2(t, j, KW_tham, KW_luaanj) || tok_kw2(t, j, KW_ddeef, KW_ans) ||
	       tok_kw2(t, j, KW_duwj, KW_thaor);
}

/* "X (đã) giới thiệu (cụ thể) về ...": at a forum or workshop a speaker
 * introducing a subject presents it. Only with "về" close after the verb, so
 * that introducing a guest or a product ("giới thiệu đại biểu") is no
 * presentation; the subject must end right before the verb (or "đã"). */
static int intro_at(const text_t *t, size_t sa, size_t i)
{
	if (!tok_kw2(t, i, KW_giowis, KW_thieeuj) || i <= sa)
		return 0;
	for (size_t q = i + 2; q < i + 5 && q < t->n; q++) {
		if (t->tok[q].kind == TK_PUNCT)
			return 0;
		if (tok_kw(t, q) == KW_veef)
			return 1;
	}
	return 0;
}

/* The clause's last person before the verb at v, when the verb follows the
 * person's position phrase ("ThS X, Phó Giám đốc Trung tâm Giám sát, điều
 * hành đô thị thông minh trình bày") or affiliation ("TS X, Trường Đại học Y
 * trình bày"). -1 when none. */
static int clause_person(const mctx_t *c, size_t sa, size_t v)
{
	const doc_t *d = c->d;
	const text_t *t = c->t;
	size_t cs = v;
	while (cs > sa && !meetings_is_punct(t, cs - 1, ';') && !meetings_is_punct(t, cs - 1, ':'))
		cs--;
	int bestp = -1;
	for (size_t q = meetings_pm_from(d, cs);
	     q < d->person_mentions.n && d->person_mentions.v[q].ctx_start < v; q++) {
		const person_mention_t *p = &d->person_mentions.v[q];
		if (p->ctx_start >= cs && p->ctx_end <= v && v - p->ctx_end <= 12 &&
		    !p->is_title_only &&
		    (bestp < 0 || p->ctx_start > d->person_mentions.v[bestp].ctx_start))
			bestp = (int)q;
	}
	if (bestp < 0)
		return -1;
	size_t e = d->person_mentions.v[bestp].ctx_end;
	if (e < v && (!meetings_is_punct(t, e, ',') || meetings_has_kw_pair(t, e, v, KW_vaf, 0) ||
		      meetings_has_kw_pair(t, e, v, KW_cho, KW_bieets)))
		return -1;
	return bestp;
}

int meetings_find_agenda(mctx_t *c, meeting_t *m, size_t sa, size_t sb, size_t sent)
{
	const doc_t *d = c->d;
	const text_t *t = c->t;
	if (!(c->cues & MC_AGENDA))
		return 0;
	for (size_t i = sa; i < sb; i++) {
		/* every pattern below starts with one of these words (MC_AGENDA) */
		if (!(meetings_kw_cues[t->tok[i].kw] & MC_AGENDA))
			continue;
		agenda_item_t a = {0};
		a.conclusion_speaker = -1;
		a.presenter.org = a.presenter.person = -1;
		int end = -1;
		const char *action = ACTION_REPORT;
		/* "nghe X báo cáo/trình bày ..." */
		if ((tok_kw(t, i) == KW_nghe)) {
			end = presenter_at(c, &a, i + 1, sb);
			if (end >= 0 && !lex_starts(t, LEX_CUE_PRESENT_VERB, (size_t)end))
				continue;
			if (end >= 0 && (tok_kw(t, (size_t)end) == KW_trinhf))
				action = ACTION_SUBMIT;
		} else if ((tok_kw2(t, i, KW_baos, KW_caos) || tok_kw2(t, i, KW_towf, KW_trinhf)) &&
			   (tok_kw(t, i + 2) == KW_cuar || (tok_kw(t, i + 2) == KW_tuwf && i > sa &&
							    tok_kw(t, i - 1) == KW_theo))) {
			/* "Theo báo cáo của X", "báo cáo của X", "Theo báo cáo từ X" */
			end = presenter_at(c, &a, i + 3, sb);
			if (tok_kw2(t, i, KW_towf, KW_trinhf))
				action = ACTION_SUBMIT;
		} else if (((tok_kw2(t, i, KW_trinhf, KW_bayf) || tok_kw(t, i) == KW_ddocj) &&
			    submission_at(t, i + (tok_kw(t, i) == KW_ddocj ? 1 : 2), sb)) ||
			   intro_at(t, sa, i)) {
			/* "X trình bày tờ trình ...": X is the person right before */
			int cp = clause_person(c, sa, i);
			for (size_t q = meetings_pm_from(d, sa);
			     q < d->person_mentions.n && d->person_mentions.v[q].ctx_start < sb;
			     q++) {
				const person_mention_t *p = &d->person_mentions.v[q];
				if (cp >= 0 ? (int)q == cp
					    : (p->ctx_end <= i && i - p->ctx_end <= 1 &&
					       !p->is_title_only)) {
					a.has_presenter = 1;
					a.presenter.name =
					    doc_strdup(c->d, d->people.v[p->person].name);
					a.presenter.person = p->person;
					end = (int)i;
					break;
				}
			}
			if (!a.has_presenter) {
				for (size_t q = meetings_org_from(d, sa);
				     q < d->org_mentions.n && d->org_mentions.v[q].tok_start < sb;
				     q++) {
					const org_mention_t *o = &d->org_mentions.v[q];
					if (o->tok_end == i &&
					    !meetings_in_person_ctx(d, o->tok_start) &&
					    (o->tok_start == sa ||
					     !(tok_kw(t, o->tok_start - 1) == KW_cuar))) {
						a.has_presenter = 1;
						a.presenter.name = doc_span_dup(d, o->span);
						a.presenter.org = o->org;
						end = (int)i;
						break;
					}
				}
			}
			/* "trình bày tham luận" presents whoever does it: "Các
			 * chuyên gia đã trình bày tham luận" */
			if (!a.has_presenter &&
			    presenter_before(c, &a, sa,
					     i > sa && tok_kw(t, i - 1) == KW_ddax ? i - 1 : i, 1))
				end = (int)i;
			action = ACTION_SUBMIT;
		} else if ((tok_kw2(t, i, KW_baos, KW_caos) && !(tok_kw(t, i + 2) == KW_cuar)) ||
			   ((tok_kw2(t, i, KW_quans, KW_trieetj) ||
			     tok_kw2(t, i, KW_truyeenf, KW_ddatj) ||
			     tok_kw2(t, i, KW_trieenr, KW_khai)) &&
			    (meetings_has_kw_pair(t, i + 2, sb, KW_nooij, KW_dung) ||
			     meetings_has_kw_pair(t, i + 2, sb, KW_chuyeen, KW_ddeef) ||
			     meetings_has_kw_pair(t, i + 2, sb, KW_nghij, KW_quyeets) ||
			     meetings_has_kw_pair(t, i + 2, sb, KW_quyeets, KW_ddinhj) ||
			     meetings_has_kw_pair(t, i + 2, sb, KW_chir, KW_thij) ||
			     meetings_has_kw_pair(t, i + 2, sb, KW_keets, KW_luaanj)) &&
			    i > sa && !meetings_is_punct(t, i - 1, ',') &&
			    !(tok_kw(t, i - 1) == KW_vaf)) ||
			   ((tok_kw(t, i) == KW_trinhf) && i > sa && (tok_kw(t, i - 2) == KW_do))) {
			/* "Phó Bí thư Tỉnh ủy X báo cáo với Đoàn ...", "UBND tỉnh báo
			 * cáo ...", "... do đồng chí X trình" */
			size_t v = i;
			if (v > sa && (tok_kw(t, v - 1) == KW_ddax))
				v--;
			/* the clause's last person, when the verb follows its
			 * position phrase ("ThS X, Phó Giám đốc Trung tâm Giám sát,
			 * điều hành đô thị thông minh trình bày"), or its
			 * affiliation ("TS X, Trường Đại học Y trình bày") */
			size_t cs = i;
			while (cs > sa && !meetings_is_punct(t, cs - 1, ';') &&
			       !meetings_is_punct(t, cs - 1, ':'))
				cs--;
			int bestp = -1;
			for (size_t q = meetings_pm_from(d, sa);
			     q < d->person_mentions.n && d->person_mentions.v[q].ctx_start < sb;
			     q++) {
				const person_mention_t *p = &d->person_mentions.v[q];
				if (p->ctx_start >= cs && p->ctx_end <= v && v - p->ctx_end <= 12 &&
				    !p->is_title_only &&
				    (bestp < 0 ||
				     p->ctx_start > d->person_mentions.v[bestp].ctx_start))
					bestp = (int)q;
			}
			if (bestp >= 0 && d->person_mentions.v[bestp].ctx_end < v &&
			    !meetings_is_punct(t, d->person_mentions.v[bestp].ctx_end, ','))
				bestp = -1;
			/* "yêu cầu Sở X báo cáo ...", "giao Sở X báo cáo ...": a
			 * report the meeting asks for is a task, not a presentation */
			if (directed_report(t, sa, v))
				continue;
			if (bestp >= 0 && d->person_mentions.v[bestp].ctx_end < v &&
			    (meetings_has_kw_pair(t, d->person_mentions.v[bestp].ctx_end, v, KW_vaf,
						  0) ||
			     meetings_has_kw_pair(t, d->person_mentions.v[bestp].ctx_end, v, KW_cho,
						  KW_bieets)))
				bestp = -1;
			for (size_t q = meetings_pm_from(d, sa);
			     q < d->person_mentions.n && d->person_mentions.v[q].ctx_start < sb;
			     q++) {
				const person_mention_t *p = &d->person_mentions.v[q];
				if ((bestp >= 0 ? (int)q == bestp : p->ctx_end == v) &&
				    !p->is_title_only) {
					a.has_presenter = 1;
					a.presenter.name =
					    doc_strdup(c->d, d->people.v[p->person].name);
					a.presenter.person = p->person;
					a.presenter.org = -1;
					end = (int)i;
					break;
				}
			}
			if (!a.has_presenter)
				for (size_t q = meetings_org_from(d, sa);
				     q < d->org_mentions.n && d->org_mentions.v[q].tok_start < sb;
				     q++) {
					const org_mention_t *o = &d->org_mentions.v[q];
					if (o->tok_end == v &&
					    !meetings_in_person_ctx(d, o->tok_start) &&
					    (o->tok_start == sa ||
					     (!(tok_kw(t, o->tok_start - 1) == KW_vowis) &&
					      !(tok_kw(t, o->tok_start - 1) == KW_cuar)))) {
						a.has_presenter = 1;
						a.presenter.name = doc_span_dup(d, o->span);
						a.presenter.org = o->org;
						end = (int)i;
						break;
					}
				}
			/* "Tại phiên thảo luận, Việt Nam đã báo cáo ...": at an
			 * international meeting a country's delegation reports; only a
			 * country that opens its clause */
			if (!a.has_presenter) {
				for (size_t q = v >= 4 ? v - 4 : sa; q < v && q >= sa; q++) {
					size_t ln = 0;
					const lex_entry_t *pl = lex_at(t, LEX_PLACES, q, v, &ln);
					if (!pl || q + ln != v || pl->ncols < 2 ||
					    strcmp(pl->cols[1], "country") ||
					    !(q == sa || meetings_is_punct(t, q - 1, ',')))
						continue;
					a.has_presenter = 1;
					a.presenter.name =
					    doc_strndup(c->d, d->text + t->tok[q].start,
							t->tok[v - 1].end - t->tok[q].start);
					end = (int)i;
					break;
				}
			}
			/* "lãnh đạo Q.9 báo cáo", "đại diện phường X báo cáo" */
			if (!a.has_presenter) {
				for (size_t q = v >= 6 ? v - 6 : sa; q + 1 < v && q >= sa; q++) {
					if (!(tok_kw2(t, q, KW_lanhx, KW_ddaoj) ||
					      tok_kw2(t, q, KW_ddaij, KW_dieenj)))
						continue;
					int ok = q + 2 < v;
					for (size_t r = q + 2; r < v && ok; r++) {
						size_t ln = 0;
						ok = (t->tok[r].flags & (TF_CAP | TF_UPPER)) ||
						     t->tok[r].kind == TK_NUM ||
						     meetings_is_punct(t, r, '.') ||
						     lex_at(t, LEX_LOCALITIES, r, r + 1, &ln);
					}
					if (ok) {
						a.has_presenter = 1;
						a.presenter.name = doc_strndup(
						    c->d, d->text + t->tok[q].start,
						    t->tok[v - 1].end - t->tok[q].start);
						end = (int)i;
						break;
					}
				}
			}
			if (!a.has_presenter && presenter_before(c, &a, sa, v, 0))
				end = (int)i;
			/* "phần báo cáo kết quả ... của UBND tỉnh Đồng Nai" */
			if (!a.has_presenter && i > sa &&
			    ((tok_kw(t, i - 1) == KW_phaanf) || (tok_kw(t, i - 1) == KW_nghe))) {
				for (size_t q = i + 2; q + 1 < sb && q < i + 40; q++) {
					if (meetings_is_punct(t, q, ';') ||
					    meetings_is_punct(t, q, '.'))
						break;
					int o2 = (tok_kw(t, q) == KW_cuar)
						     ? meetings_org_mention_at(d, q + 1)
						     : -1;
					if (o2 < 0 || meetings_in_person_ctx(d, q + 1))
						continue;
					size_t oe = d->org_mentions.v[o2].tok_end;
					if (oe >= sb || meetings_is_punct(t, oe, '.') ||
					    meetings_is_punct(t, oe, ';')) {
						a.has_presenter = 1;
						a.presenter.name =
						    doc_span_dup(d, d->org_mentions.v[o2].span);
						a.presenter.org = d->org_mentions.v[o2].org;
						end = (int)i;
					}
					break;
				}
			}
			if ((tok_kw(t, i) == KW_trinhf))
				action = ACTION_SUBMIT;
		} else {
			continue;
		}
		if (end < 0 || !a.has_presenter) {
			continue;
		}
		a.action = doc_strdup(c->d, action);
		/* subject: from after the verb to the end of the sentence */
		size_t s = (size_t)end;
		if (tok_kw2(t, s, KW_baos, KW_caos) || tok_kw2(t, s, KW_trinhf, KW_bayf) ||
		    tok_kw2(t, s, KW_thoong, KW_qua) || tok_kw2(t, s, KW_truyeenf, KW_ddatj) ||
		    tok_kw2(t, s, KW_toms, KW_tawts))
			s += 2;
		else if ((tok_kw(t, s) == KW_trinhf) || (tok_kw(t, s) == KW_ddocj))
			s += 1;
		if (s < sb && t->tok[s].kind != TK_PUNCT) {
			size_t e = s;
			while (e < sb && !meetings_is_punct(t, e, ';') &&
			       !(meetings_is_punct(t, e, '.') &&
				 (e + 1 >= sb || (t->tok[e + 1].flags & TF_SPACE))))
				e++;
			if (e > s)
				a.subject = span_make(t->tok[s].start, t->tok[e - 1].end);
		}
		for (size_t q = meetings_doc_from(d, a.subject.start);
		     q < d->docs.n && d->docs.v[q].span.start < a.subject.end; q++)
			if (!span_is_empty(a.subject) &&
			    d->docs.v[q].span.start >= a.subject.start &&
			    d->docs.v[q].span.start < a.subject.end) {
				int *p = avec_push(d->ar, &a.docs);
				if (p)
					*p = (int)q;
			}
		a.mention = span_make(t->tok[i].start, t->tok[sb - 1].end);
		a.rule = "agenda.presenter";
		(void)sent;
		int dup = 0;
		for (size_t q = 0; q < m->agenda.n && !dup; q++)
			dup = m->agenda.v[q].presenter.name && a.presenter.name &&
			      !strcmp(m->agenda.v[q].presenter.name, a.presenter.name) &&
			      m->agenda.v[q].mention.start == a.mention.start;
		if (dup) {
			continue;
		}
		agenda_item_t *slot = avec_push(d->ar, &m->agenda);
		if (!slot) {
			return -1;
		}
		*slot = a;
		int presents = tok_kw2(t, i, KW_trinhf, KW_bayf) || tok_kw(t, i) == KW_ddocj;
		/* more items may follow in the same sentence ("Tờ trình của A
		 * ...; Tờ trình của B ...") */
		if (end > (int)i)
			i = (size_t)end;
		/* "trình bày (2) báo cáo khoa học": the report presented is
		 * not a second item ("trình bày Báo cáo của Ban Chấp hành" still
		 * names its author) */
		if (presents)
			for (size_t q = i + 1; q < sb && q < i + 5; q++)
				if (tok_kw2(t, q, KW_baos, KW_caos) ||
				    tok_kw2(t, q, KW_towf, KW_trinhf)) {
					if (tok_kw(t, q + 2) != KW_cuar)
						i = q + 1;
					break;
				}
	}
	return 0;
}

/* decision ("Cơ bản thống nhất với dự thảo kế hoạch") and conclusion (the
 * chair's "phát biểu kết luận" paragraph) for the last agenda item */
void meetings_find_decision(mctx_t *c, meeting_t *m, size_t sa, size_t sb)
{
	const text_t *t = c->t;
	if (!m->agenda.n || !(c->cues & MC_DECIDE))
		return;
	agenda_item_t *a = &m->agenda.v[m->agenda.n - 1];
	for (size_t i = sa; i < sb; i++) {
		if (!(meetings_kw_cues[t->tok[i].kw] & MC_DECIDE))
			continue;
		if ((tok_kw2(t, i, KW_thoongs, KW_nhaats) &&
		     (i == sa || (tok_kw(t, i - 1) == KW_banr) ||
		      tok_kw2(t, i + 2, KW_thoong, KW_qua))) ||
		    (tok_kw2(t, i, KW_bieeur, KW_quyeets) &&
		     tok_kw2(t, i + 2, KW_thoong, KW_qua))) {
			size_t s = i >= sa + 2 && tok_kw2(t, i - 2, KW_cow, KW_banr) ? i - 2 : i;
			size_t e = i;
			while (e < sb && !meetings_is_punct(t, e, ',') &&
			       !meetings_is_punct(t, e, '.') && !meetings_is_punct(t, e, ';'))
				e++;
			if (span_is_empty(a->decision) && e > s)
				a->decision = span_make(t->tok[s].start, t->tok[e - 1].end);
		}
		if (tok_kw2(t, i, KW_keets, KW_luaanj) &&
		    ((i >= sa + 2 && tok_kw2(t, i - 2, KW_phats, KW_bieeur)) ||
		     (i == sa && ((meetings_kind_from(c, i + 2) < c->kinds.n &&
				   c->kinds.v[meetings_kind_from(c, i + 2)].tok == i + 2) ||
				  meetings_is_punct(t, i + 2, ',')))) &&
		    span_is_empty(a->conclusion)) {
			/* the whole paragraph of the conclusion */
			for (size_t p = 0; p < c->d->art.paragraphs.n; p++) {
				span_t ps = c->d->art.paragraphs.v[p];
				if (ps.start <= t->tok[i].start && t->tok[i].start < ps.end)
					a->conclusion = ps;
			}
			/* the speaker: the person named in the sentence, else the chair */
			const doc_t *d = c->d;
			for (size_t q = meetings_pm_from(d, sa);
			     q < d->person_mentions.n && d->person_mentions.v[q].ctx_start < sb;
			     q++)
				if (d->person_mentions.v[q].tok_start >= sa) {
					a->conclusion_speaker = d->person_mentions.v[q].person;
					break;
				}
			if (a->conclusion_speaker < 0 && m->chairs.n)
				a->conclusion_speaker = m->chairs.v[0];
		}
	}
}
