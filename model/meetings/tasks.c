/* A meeting's tasks ("5 rõ"): who must do what, by when, with what
 * responsibility and deliverable. */
#include <stdio.h>
#include <string.h>

#include "model/meetings/meetings_internal.h"

/* Tasks: "giao X ...", "yêu cầu X ...", "đề nghị X ...", and a body as the
 * subject of "tiếp thu ..., hoàn thiện ... để trình ...". */
int meetings_find_tasks(mctx_t *c, meeting_t *m, size_t sa, size_t sb)
{
	const doc_t *d = c->d;
	const text_t *t = c->t;
	for (size_t i = sa; i < sb; i++) {
		uint16_t k0 = t->tok[i].kw;
		if (i != sa && k0 != KW_giao && k0 != KW_yeeu && k0 != KW_ddeef && k0 != KW_chir)
			continue;
		int directive = (tok_kw(t, i) == KW_giao) || tok_kw2(t, i, KW_yeeu, KW_caauf) ||
				tok_kw2(t, i, KW_ddeef, KW_nghij) || tok_kw2(t, i, KW_chir, KW_ddaoj);
		size_t who = 0;
		if (directive) {
			who = i + ((tok_kw(t, i) == KW_giao) ? 1 : 2);
			if ((tok_kw(t, who) == KW_cho))
				who++;
		} else if (i == sa && meetings_org_mention_at(d, i) >= 0 && !meetings_in_person_ctx(d, i)) {
			const org_mention_t *o = &d->org_mentions.v[meetings_org_mention_at(d, i)];
			size_t e = o->tok_end;
			if (e < sb && (tok_kw2(t, e, KW_tieeps, KW_thu) || tok_kw2(t, e, KW_chur, KW_trif) ||
				       tok_kw2(t, e, KW_hoanf, KW_thieenj) || tok_kw2(t, e, KW_khaanr, KW_truwowng) ||
				       tok_kw2(t, e, KW_cos, KW_trachs)))
				who = i;
			else
				continue;
		} else {
			continue;
		}
		task_t tk = {0};
		tk.assignee.org = tk.assignee.person = -1;
		size_t ae = who;
		while (ae < sb && ((tok_kw(t, ae) == KW_cacs) || tok_kw2(t, ae, KW_ddoongf, KW_chis)))
			ae += (tok_kw(t, ae) == KW_cacs) ? 1 : 2;
		int om = meetings_org_mention_at(d, ae);
		if (om >= 0) {
			const org_mention_t *o = &d->org_mentions.v[om];
			tk.has_assignee = 1;
			tk.assignee.name = doc_span_dup(d, o->span);
			tk.assignee.org = o->org;
			ae = o->tok_end;
		} else {
			for (size_t q = meetings_pm_from(d, sa); q < d->person_mentions.n && d->person_mentions.v[q].ctx_start < sb;
			     q++) {
				const person_mention_t *p = &d->person_mentions.v[q];
				if (p->ctx_start == ae || p->ctx_start == who) {
					tk.has_assignee = 1;
					tk.assignee.name = doc_strdup(c->d, d->people.v[p->person].name);
					tk.assignee.person = p->person;
					ae = p->ctx_end;
					break;
				}
			}
		}
		if (!tk.has_assignee)
			continue;
		/* skip "cần", "phải" */
		while (ae < sb && ((tok_kw(t, ae) == KW_caanf) || (tok_kw(t, ae) == KW_phair) || meetings_is_punct(t, ae, ',')))
			ae++;
		if (tok_kw2(t, ae, KW_chur, KW_trif))
			tk.responsibility = 1;
		else if (tok_kw2(t, ae, KW_phoois, KW_howpj))
			tk.responsibility = 2;
		size_t as = ae, e = ae;
		size_t del = 0, dl = 0;
		while (e < sb && !meetings_is_punct(t, e, ';') &&
		       !(meetings_is_punct(t, e, '.') && (e + 1 >= sb || (t->tok[e + 1].flags & TF_SPACE)))) {
			if (!del && (tok_kw2(t, e, KW_ddeer, KW_trinhf) ||
				     (((tok_kw(t, e) == KW_trinhf) || tok_kw2(t, e, KW_baos, KW_caos)) && e > as &&
				      meetings_is_punct(t, e - 1, ','))))
				del = e;
			if (!dl && (((tok_kw(t, e) == KW_truwowcs) && ((tok_kw(t, e + 1) == KW_ngayf) ||
							       t->tok[e + 1].kind == TK_NUM)) ||
				    ((tok_kw(t, e) == KW_trong) && ((tok_kw(t, e + 1) == KW_quys) ||
							       (tok_kw(t, e + 1) == KW_thangs) ||
							       tok_kw(t, e + 1) == KW_nawm))))
				dl = e;
			e++;
		}
		size_t action_end = del ? del : (dl ? dl : e);
		while (action_end > as && meetings_is_punct(t, action_end - 1, ','))
			action_end--;
		if (action_end > as)
			tk.action = span_make(t->tok[as].start, t->tok[action_end - 1].end);
		if (del) {
			size_t ds = (tok_kw(t, del) == KW_ddeer) ? del + 1 : del;
			size_t de = dl > del ? dl : e;
			while (de > ds && meetings_is_punct(t, de - 1, ','))
				de--;
			if (de > ds)
				tk.deliverable = span_make(t->tok[ds].start, t->tok[de - 1].end);
		}
		if (dl) {
			size_t de = dl + 1;
			while (de < e && !meetings_is_punct(t, de, ',') && !meetings_is_punct(t, de, ';') && de < dl + 8)
				de++;
			tk.deadline = span_make(t->tok[dl].start, t->tok[de - 1].end);
			for (size_t q = meetings_date_from(d, tk.deadline.start);
			     q < d->dates.n && d->dates.v[q].span.start < tk.deadline.end; q++) {
				const date_expr_t *x = &d->dates.v[q];
				if (x->span.start >= tk.deadline.start && x->span.start < tk.deadline.end &&
				    x->day && x->month) {
					tk.dl_month = x->month;
					tk.dl_day = x->day;
					tk.dl_year = x->year ? x->year
							     : (d->pub_year ? d->pub_year : m->year);
					if (tk.dl_year && !dates_valid(tk.dl_year, tk.dl_month, tk.dl_day))
						tk.dl_year = 0;
				}
			}
		}
		tk.mention = span_make(t->tok[i].start, t->tok[(e > i ? e : i + 1) - 1].end);
		tk.rule = directive ? "task.directive" : "task.subject";
		task_t *slot = avec_push(d->ar, &m->tasks);
		if (!slot) {
			return -1;
		}
		*slot = tk;
		i = e;
	}
	return 0;
}
