/* A meeting's chairs and attendees. */
#include <stdio.h>
#include <string.h>

#include "model/meetings/meetings_internal.h"

int meetings_find_chairs(mctx_t *c, meeting_t *m, size_t sa, size_t sb)
{
	const doc_t *d = c->d;
	const text_t *t = c->t;
	int pm[64];
	size_t np;
	meetings_persons_in(d, sa, sb, pm, &np, 64);
	for (size_t i = sa; i < sb; i++) {
		int chair_verb = tok_kw2(t, i, KW_chur, KW_trif) || tok_kw2(t, i, KW_chur, KW_toaj) ||
				 (tok_kw2(t, i, KW_ddieeuf, KW_hanhf) && !tok_kw2(t, i + 2, KW_ddieemr, KW_caauf));
		if (!chair_verb)
			continue;
		/* "dưới sự chủ trì của X (và Y)" / "do X chủ trì" */
		if (i >= 2 && (tok_kw(t, i - 1) == KW_suwj)) {
			for (size_t q = 0; q < np; q++) {
				const person_mention_t *p = &d->person_mentions.v[pm[q]];
				if (p->ctx_start > i && p->ctx_start <= i + 12) {
					if (meetings_add_unique(c->d->ar, &m->chairs, p->person))
						return -1;
					/* coordinated: "và đồng chí Y" */
					size_t e = p->ctx_end;
					for (size_t r = q + 1; r < np; r++) {
						const person_mention_t *p2 = &d->person_mentions.v[pm[r]];
						if (p2->ctx_start <= e + 3 &&
						    ((tok_kw(t, e) == KW_vaf) || meetings_is_punct(t, e, ';') ||
						     meetings_is_punct(t, e, ','))) {
							meetings_add_unique(c->d->ar, &m->chairs, p2->person);
							e = p2->ctx_end;
						}
					}
					return 0;
				}
			}
			continue;
		}
		/* subject before the verb: the last person whose phrase ends
		 * right before it (a few filler words allowed) */
		int best = -1;
		for (size_t q = 0; q < np; q++) {
			const person_mention_t *p = &d->person_mentions.v[pm[q]];
			if (p->ctx_end <= i && i - p->ctx_end <= 3)
				best = (int)q;
		}
		if (best < 0) {
			/* "X đồng chủ trì", "X cùng chủ trì" handled above; a chain
			 * ending far away: take the sentence's first person when it
			 * is the subject (sentence starts with it or with a date) */
			for (size_t q = 0; q < np; q++) {
				const person_mention_t *p = &d->person_mentions.v[pm[q]];
				if (p->ctx_end <= i && !meetings_has_kw_pair(t, p->ctx_end, i, KW_vaf, 0)) {
					int verbish = 0;
					for (size_t r = p->ctx_end; r < i; r++)
						if (meetings_is_punct(t, r, '.') || meetings_is_punct(t, r, ';'))
							verbish = 1;
					if (!verbish && i - p->ctx_end <= 6)
						best = (int)q;
				}
			}
		}
		if (best >= 0) {
			const person_mention_t *p = &d->person_mentions.v[pm[best]];
			if (meetings_add_unique(c->d->ar, &m->chairs, p->person))
				return -1;
			/* "X và Y đồng chủ trì" / "X và Y chủ trì" */
			for (int q = best - 1; q >= 0; q--) {
				const person_mention_t *p0 = &d->person_mentions.v[pm[q]];
				const person_mention_t *p1 = &d->person_mentions.v[pm[q + 1]];
				if (p0->ctx_end <= p1->ctx_start && p1->ctx_start - p0->ctx_end <= 1 &&
				    ((tok_kw(t, p0->ctx_end) == KW_vaf) || meetings_is_punct(t, p0->ctx_end, ',') ||
				     meetings_is_punct(t, p0->ctx_end, ';'))) {
					meetings_add_unique(c->d->ar, &m->chairs, p0->person);
				} else {
					break;
				}
			}
			/* co-chairs in the order the article names them */
			for (size_t a = 0, b = m->chairs.n; b > 1 && a < --b; a++) {
				int tmp = m->chairs.v[a];
				m->chairs.v[a] = m->chairs.v[b];
				m->chairs.v[b] = tmp;
			}
			return 0;
		}
		/* "chủ trì: đồng chí X" / "do đồng chí X chủ trì" */
	}
	/* working session: "X làm việc với", "Đoàn ... do X làm Trưởng đoàn",
	 * "X dẫn đầu", "X tiếp" */
	for (size_t i = sa; i < sb; i++) {
		int lv = tok_kw2(t, i, KW_lamf, KW_vieecj) && (tok_kw(t, i + 2) == KW_vowis);
		int lead = tok_kw2(t, i, KW_daanx, KW_ddaauf) ||
			   ((tok_kw(t, i) == KW_lamf) && tok_kw2(t, i + 1, KW_truwowngr, KW_ddoanf));
		int tiep = (tok_kw(t, i) == KW_tieeps) && i + 1 < sb && !(tok_kw(t, i + 1) == KW_tucj) &&
			   !(tok_kw(t, i + 1) == KW_thu) && !(tok_kw(t, i + 1) == KW_caanj) && !(tok_kw(t, i + 1) == KW_theo);
		if (!lv && !lead && !tiep)
			continue;
		int best = -1;
		for (size_t q = 0; q < np; q++) {
			const person_mention_t *p = &d->person_mentions.v[pm[q]];
			if (p->ctx_end <= i && i - p->ctx_end <= (lead ? 1 : 4))
				best = (int)q;
		}
		if (best >= 0) {
			const person_mention_t *p = &d->person_mentions.v[pm[best]];
			if (meetings_add_unique(c->d->ar, &m->chairs, p->person))
				return -1;
			return 0;
		}
	}
	return 0;
}

int meetings_find_attendees(mctx_t *c, meeting_t *m, size_t sa, size_t sb)
{
	const doc_t *d = c->d;
	const text_t *t = c->t;
	/* "X điều hành điểm cầu tỉnh ...": runs one bridge point of an online
	 * meeting, so attends it */
	int bp = meetings_has_kw_pair(t, sa, sb, KW_ddieemr, KW_caauf);
	if (bp && bp >= 3 && tok_kw2(t, (size_t)bp - 3, KW_ddieeuf, KW_hanhf)) {
		size_t v = (size_t)bp - 3;
		for (size_t q = meetings_pm_from(d, sa);
		     q < d->person_mentions.n && d->person_mentions.v[q].ctx_start < v; q++) {
			const person_mention_t *p = &d->person_mentions.v[q];
			if (p->ctx_end <= v && v - p->ctx_end <= 2 && !p->is_title_only) {
				int is_chair = 0;
				for (size_t k = 0; k < m->chairs.n; k++)
					is_chair |= m->chairs.v[k] == p->person;
				if (!is_chair && meetings_add_unique(c->d->ar, &m->attendees, p->person))
					return -1;
			}
		}
	}
	size_t trig = 0;
	int found = 0;
	for (size_t i = sa; i < sb; i++) {
		if ((tok_kw(t, i) == KW_duwj) || tok_kw2(t, i, KW_tham, KW_duwj) || tok_kw2(t, i, KW_cungf, KW_ddi) ||
		    (i == sa && tok_kw2(t, i, KW_veef, KW_phias)) ||
		    (i == sa && tok_kw2(t, i, KW_ngoaif, KW_ra)) ||
		    ((tok_kw(t, i) == KW_cos) && tok_kw2(t, i + 1, KW_suwj, KW_tham))) {
			trig = i;
			found = 1;
			break;
		}
	}
	if (!found)
		return 0;
	int pm[128];
	size_t np;
	meetings_persons_in(d, sa, sb, pm, &np, 128);
	for (size_t q = 0; q < np; q++) {
		const person_mention_t *p = &d->person_mentions.v[pm[q]];
		if (p->tok_start < trig || p->is_title_only)
			continue;
		int is_chair = 0;
		for (size_t k = 0; k < m->chairs.n; k++)
			if (m->chairs.v[k] == p->person)
				is_chair = 1;
		if (!is_chair && meetings_add_unique(c->d->ar, &m->attendees, p->person))
			return -1;
	}
	return 0;
}
