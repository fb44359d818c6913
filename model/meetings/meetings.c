/* Meetings: which meetings the article reports, and for each its kind,
 * ordinal, convening body, term, date, place, chairs, attendees, agenda and
 * tasks ("5 rõ").
 *
 * A meeting is anchored on a sentence that dates an event and names a
 * meeting or a meeting verb: "Sáng 26.1, đồng chí X chủ trì hội nghị lần thứ
 * 53 của Ban Thường vụ Tỉnh ủy". Later sentences that open with their own
 * date ("Chiều cùng ngày, Đoàn làm việc với ...") start further meetings.
 * Meetings merely cited ("Nghị quyết Hội nghị Trung ương 4") are not
 * anchors. */
#include <stdio.h>
#include <string.h>

#include "model/meetings/meetings_internal.h"
#include "model/mem.h"
#include "model/tag/classes.h"

static void resolve_date(mctx_t *c, meeting_t *m, int di, int prev_y, int prev_m, int prev_d)
{
	doc_t *d = c->d;
	m->date_idx = di;
	m->hour = m->minute = -1;
	if (di < 0)
		return;
	const date_expr_t *x = &d->dates.v[di];
	m->pod = x->pod;
	m->hour = x->hour;
	m->minute = x->minute;
	if (x->relative == REL_SAME_DAY && !x->day) {
		m->year = prev_y, m->month = prev_m, m->day = prev_d;
		return;
	}
	if (x->day && x->month) {
		m->month = x->month;
		m->day = x->day;
		if (x->year) {
			m->year = x->year;
		} else if (d->pub_year) {
			m->year = dates_infer_year(x->month, x->day, d->pub_year, d->pub_month,
						   d->pub_day);
			m->year_inferred = 1;
		}
		if (x->end_day) {
			m->end_day = x->end_day;
			m->end_month = x->end_month ? x->end_month : x->month;
			m->end_year = x->end_year ? x->end_year : m->year;
		}
		return;
	}
	if (x->relative && d->pub_year) {
		int y = d->pub_year, mo = d->pub_month, da = d->pub_day;
		if (x->relative == REL_YESTERDAY)
			dates_add_days(&y, &mo, &da, -1);
		else if (x->relative == REL_TOMORROW)
			dates_add_days(&y, &mo, &da, 1);
		m->year = y, m->month = mo, m->day = da;
	}
}

/* The year of the same day written in full elsewhere in the article ("sáng
 * 24/5" and later "ngày 24/5/2017"): that year when all such dates agree,
 * else 0. Not a day of the past the article recalls ("40 năm trước, ngày
 * 21/6/1977": the year is older than that of the article's latest full
 * date but one), nor
 * the start of a period ("kể từ ngày 15/5/2017": an effective date). */
static int same_day_year(const doc_t *d, int month, int day)
{
	const text_t *t = &d->tx;
	int y = 0, latest = 0;
	for (size_t i = 0; i < d->dates.n; i++)
		if (d->dates.v[i].day && d->dates.v[i].year > latest)
			latest = d->dates.v[i].year;
	for (size_t i = 0; i < d->dates.n; i++) {
		const date_expr_t *x = &d->dates.v[i];
		if (!x->year || x->month != month || x->day != day || x->year + 1 < latest)
			continue;
		size_t k = x->tok_start;
		if ((k >= 1 && tok_kw(t, k - 1) == KW_tuwf) ||
		    (k >= 2 && tok_kw(t, k - 2) == KW_tuwf))
			continue;
		if (y && x->year != y)
			return 0;
		y = x->year;
	}
	return y;
}

/* A year stated in the meeting's own name: "phiên họp thường kỳ tháng 6 năm
 * 2017", "hội nghị ... năm 2017". Planning clauses ("6 tháng cuối năm 2017")
 * do not date the meeting. */
static int year_in_name(mctx_t *c, const kmention_t *k, size_t sb)
{
	const doc_t *d = c->d;
	const text_t *t = c->t;
	if (!k)
		return 0;
	size_t a = k->tok, b = k->tok + k->ntok + 16;
	if (b > sb)
		b = sb;
	for (size_t i = meetings_date_from(d, t->tok[a].start);
	     i < d->dates.n && d->dates.v[i].span.start <= t->tok[b - 1].end; i++) {
		const date_expr_t *x = &d->dates.v[i];
		if (!x->year || x->span.start < t->tok[a].start ||
		    x->span.start > t->tok[b - 1].end)
			continue;
		size_t ti = doc_tok_at(d, x->span.start);
		int planning = 0;
		for (size_t q = ti >= 3 ? ti - 3 : 0; q < ti + 3 && q < t->n; q++)
			if ((tok_kw(t, q) == KW_cuoois) || (tok_kw(t, q) == KW_towis) ||
			    tok_kw2(t, q, KW_nawm, KW_hocj))
				planning = 1;
		int comma = 0;
		for (size_t q = a; q < ti; q++)
			if (meetings_is_punct(t, q, ',') || meetings_is_punct(t, q, ';') ||
			    meetings_is_punct(t, q, '.'))
				comma = 1;
		/* a name with two years reviews one and plans the next ("kiểm điểm
		 * ... năm 2016, triển khai nhiệm vụ năm 2017"): it dates nothing */
		for (size_t j = meetings_date_from(d, t->tok[a].start);
		     j < d->dates.n && d->dates.v[j].span.start <= t->tok[b - 1].end + 200; j++) {
			const date_expr_t *y = &d->dates.v[j];
			if (j != i && y->year && y->year != x->year &&
			    y->span.start >= t->tok[a].start &&
			    y->span.start <= t->tok[b - 1].end + 200)
				planning = 1;
		}
		if (!planning && !comma)
			return x->year;
	}
	return 0;
}

/* tokens i and j are the same word (folded key) */
static int same_word(const text_t *t, size_t i, size_t j)
{
	return t->tok[i].klen && t->tok[i].klen == t->tok[j].klen &&
	       !memcmp(tok_key(t, i), tok_key(t, j), t->tok[i].klen);
}

/* "Đại hội" and "Đại hội đại biểu", not "cuộc gặp" and "cuộc đối thoại" */
static int same_noun(const text_t *t, const kmention_t *a, const kmention_t *b)
{
	size_t n = a->ntok < b->ntok ? a->ntok : b->ntok;
	for (size_t i = 0; i < n; i++)
		if (!same_word(t, a->tok + i, b->tok + i))
			return 0;
	return 1;
}

static int build_meeting(mctx_t *c, size_t sent, int di, const kmention_t *k, size_t region_end,
			 int prev_y, int prev_m, int prev_d, int *weak)
{
	doc_t *d = c->d;
	const text_t *t = c->t;
	meeting_t *m = avec_push(d->ar, &d->meetings);
	if (!m)
		return -1;
	m->sent = sent;
	m->body_org = -1;
	m->date_idx = -1;
	m->rule = "meeting.dated_sentence";
	const kmention_t *k0 = k; /* the anchor's own word, maybe the verb "họp" */
	size_t sa, sb;
	meetings_sent_tokens(d, sent, &sa, &sb);
	if (!k || meetings_weak_kind(c, k)) {
		/* a noun phrase for the meeting: later in its region, else the title */
		const kmention_t *st = meetings_strong_kind(c, k, sa, region_end);
		if (!st && d->art.has_title && d->tx.n)
			st = meetings_strong_kind(c, k, 0, doc_tok_at(d, d->art.title.end));
		if (st)
			k = st;
	}
	*weak = !k || meetings_weak_kind(c, k);
	/* "phát biểu tại buổi lễ ... buổi lễ trao học bổng": the ceremony's
	 * kind text is the one with its verb */
	{
		const kmention_t *nc = meetings_named_ceremony(c, k, sa, region_end);
		if (!nc && d->art.has_title && d->tx.n)
			nc = meetings_named_ceremony(c, k, 0, doc_tok_at(d, d->art.title.end));
		if (nc)
			k = nc;
	}
	/* "phiên họp sáng nay" of "kỳ họp thứ 4": a day of a numbered kỳ
	 * họp is that kỳ họp; a named sitting (phiên toàn thể, phiên chất
	 * vấn) or a numbered one (Phiên họp thứ 11) stays a sitting */
	if (k && meetings_bare_sitting(c, k) &&
	    !meetings_ordinal_after(c, k->tok + k->ntok, t->n, k->kind) &&
	    !meetings_numbered_sitting(c, sa, region_end) &&
	    !(d->art.has_title &&
	      meetings_numbered_sitting(c, 0, doc_tok_at(d, d->art.title.end)))) {
		const kmention_t *ss = meetings_numbered_session(c, sa, region_end);
		if (ss)
			k = ss;
	}
	if (k) {
		span_t ks = span_make(t->tok[k->tok].start, t->tok[k->tok + k->ntok - 1].end);
		m->kind = k->kind;
		m->kind_text = k->text ? doc_strdup(d, k->text)
				       : text_lower(d->ar, d->text + ks.start, ks.end - ks.start);
		span_t *ms = avec_push(d->ar, &m->mentions);
		if (ms)
			*ms = ks;
		m->ordinal = meetings_ordinal_after(c, k->tok + k->ntok, t->n, k->kind);
	} else {
		m->kind = "working_session";
		m->kind_text = doc_strdup(c->d, lex_entry(LEX_PHRASE_KIND_WORKING, 0)->form);
	}
	resolve_date(c, m, di, prev_y, prev_m, prev_d);
	if (!m->year && m->month) {
		int y = year_in_name(c, k, k && k->tok >= sb ? t->n : sb);
		/* "Chính phủ họp phiên thường kỳ tháng 6-2017": the name follows
		 * the anchor's verb, the noun comes later */
		if (!y && k0 && k0 != k && k0->tok < sb)
			y = year_in_name(c, k0, sb);
		if (y)
			m->year = y;
	}
	/* the same day with its year elsewhere wins over a year inferred from
	 * the publication date */
	if ((!m->year || m->year_inferred) && m->month && m->day) {
		int y = same_day_year(d, m->month, m->day);
		if (y && y != m->year) {
			m->year = y;
			m->year_inferred = 0;
		}
	}
	if (m->year && m->month && !dates_valid(m->year, m->month, m->day))
		m->year = 0;
	if (m->year_inferred && m->year)
		doc_warn(d, "year_inferred",
			 "the meeting's year was taken from the publication date",
			 di >= 0 ? d->dates.v[di].span : span_make(0, 0), di >= 0);
	/* region: the anchor sentence to the next anchor */
	size_t ra = sa;
	size_t rb = region_end;
	size_t kb = k ? k->tok + k->ntok : sb;
	size_t kind_sent_end = sb;
	if (k && k->tok >= sb) {
		long ks = doc_sentence_of(d, t->tok[k->tok].start);
		if (ks >= 0) {
			size_t a2, b2;
			meetings_sent_tokens(d, (size_t)ks, &a2, &b2);
			kind_sent_end = b2;
		}
	}
	meetings_find_body(c, m, k, k && k->tok >= sb ? k->tok : sa,
			   k && k->tok >= sb ? kind_sent_end : sb);
	if (m->body_org < 0 && k && k->tok >= sb)
		meetings_find_body(c, m, NULL, sa, sb);
	/* other mentions of the same meeting in its region: "Toàn cảnh kỳ họp
	 * thứ 15 của Ủy ban Kiểm tra Trung ương" */
	for (size_t q = meetings_kind_from(c, sa);
	     q < c->kinds.n && c->kinds.v[q].tok < region_end && k &&
	     (m->body_org < 0 || !m->ordinal);
	     q++) {
		const kmention_t *o = &c->kinds.v[q];
		if (o == k || o->tok < sa || o->tok >= region_end || o->kind != k->kind ||
		    meetings_cited_only(c, o->tok))
			continue;
		/* the same noun close to the anchor ("họp kỳ thứ 15 ... Toàn cảnh
		 * kỳ họp thứ 15"), not another numbered meeting further on ("trình
		 * Hội nghị Trung ương 5") nor another noun of the kind ("cuộc đối
		 * thoại lần thứ hai" beside "cuộc gặp") */
		if (!m->ordinal && same_noun(t, o, k) &&
		    doc_sentence_of(d, t->tok[o->tok].start) <= (long)sent + 3)
			m->ordinal = meetings_ordinal_after(c, o->tok + o->ntok, t->n, o->kind);
		if (m->body_org < 0) {
			long os = doc_sentence_of(d, t->tok[o->tok].start);
			size_t a2 = o->tok, b2 = t->n;
			if (os >= 0)
				meetings_sent_tokens(d, (size_t)os, &a2, &b2);
			meeting_t tmp = *m;
			meetings_find_body(c, &tmp, o, o->tok, b2);
			/* only the "kind ... của BODY" and "kind ... do BODY tổ
			 * chức" readings count here */
			size_t bt = tmp.body_org >= 0 ? doc_tok_at(d, tmp.body_span.start) : 0;
			if (tmp.body_org >= 0 && tmp.body_span.start > t->tok[o->tok].start &&
			    bt > 0 &&
			    (tok_kw(t, bt - 1) == KW_cuar || tok_kw(t, bt - 1) == KW_do)) {
				m->body_org = tmp.body_org;
				m->body_span = tmp.body_span;
				if (span_is_empty(m->term))
					m->term = tmp.term;
			}
		}
	}
	(void)kb;
	/* term: "khóa XIII" in the anchor sentence when the body has none */
	if (span_is_empty(m->term) && k) {
		for (size_t i = 0; i < d->terms.n; i++) {
			const term_expr_t *te = &d->terms.v[i];
			size_t tt = doc_tok_at(d, te->span.start);
			/* a program period ("giai đoạn 2016-2020") or a term in
			 * brackets after a cited resolution is not the meeting's */
			int cited = (tok_kw(t, tt) == KW_giai);
			if (tt >= 3 && meetings_is_punct(t, tt - 1, '('))
				for (size_t q = tt - 2; q + 6 > tt && q > 0; q--)
					if (tok_kw2(t, q, KW_nghij, KW_quyeets) ||
					    tok_kw2(t, q, KW_trung, KW_uwowng) ||
					    tok_kw2(t, q, KW_chir, KW_thij) ||
					    tok_kw2(t, q, KW_keets, KW_luaanj))
						cited = 1;
			if (cited)
				continue;
			if (te->span.start >= t->tok[k->tok].start &&
			    te->span.end <= t->tok[sb - 1].end &&
			    te->span.start - t->tok[k->tok].start < 200) {
				/* "họp báo thông tin về kỳ họp thứ 3 của Quốc hội khóa
				 * XIV": the term of another meeting named between */
				size_t q = meetings_kind_from(c, k->tok + k->ntok);
				while (q < c->kinds.n && c->kinds.v[q].tok < tt &&
				       (c->kinds.v[q].kind == k->kind ||
					meetings_weak_kind(c, &c->kinds.v[q])))
					q++;
				if (q < c->kinds.n && c->kinds.v[q].tok < tt)
					break;
				m->term = te->span;
				break;
			}
		}
	}
	/* the body's term written with another mention of it in the title or
	 * the meeting's region: "Phiên họp thứ 12 của Ủy ban Thường vụ Quốc
	 * hội khóa XIV" */
	if (span_is_empty(m->term) && m->body_org >= 0) {
		size_t te = d->art.has_title ? d->art.title.end : 0;
		size_t ra0 = t->tok[sa].start,
		       rb0 = region_end < t->n ? t->tok[region_end].start : d->len;
		for (size_t q = 0; q < d->org_mentions.n; q++) {
			const org_mention_t *o = &d->org_mentions.v[q];
			if (o->span.start >= rb0)
				break;
			if (o->org == m->body_org && !span_is_empty(o->term) &&
			    (o->span.end <= te || o->span.start >= ra0)) {
				m->term = o->term;
				break;
			}
		}
	}
	meetings_find_place(c, m, sent, k && k->tok >= sb ? k->tok : sb, kind_sent_end, rb);
	/* format */
	if (meetings_has_kw_pair(t, sa, sb, KW_truwcj, KW_tuyeens))
		m->format =
		    meetings_has_kw_pair(t, sa, sb, KW_truwcj, KW_tieeps) ? "hybrid" : "online";
	/* chairs: the anchor sentence and its region (roles.c) */
	if (meetings_find_chairs(c, m, sent, rb))
		return -1;
	for (size_t s = sent; s < d->art.sentences.n; s++) {
		size_t a, b;
		meetings_sent_tokens(d, s, &a, &b);
		if (a >= rb)
			break;
		c->cues = c->sent_cues[s];
		if (meetings_find_attendees(c, m, a, b) || meetings_find_agenda(c, m, a, b, s) ||
		    meetings_find_presenter_lists(c, m, a, b) || meetings_find_tasks(c, m, a, b))
			return -1;
		meetings_find_decision(c, m, a, b);
	}
	(void)ra;
	/* name: "Hội nghị lần thứ 53 của Ban Thường vụ Tỉnh ủy" */
	if (k && m->body_org >= 0 && m->body_span.start > t->tok[k->tok].start &&
	    m->body_span.start - t->tok[k->tok].start < 160) {
		m->name = span_make(t->tok[k->tok].start, m->body_span.end);
		span_t *ms = avec_push(d->ar, &m->mentions);
		(void)ms;
		if (ms)
			*ms = m->name;
	}
	return 0;
}

static int pm_cmp(const void *a, const void *b)
{
	const person_mention_t *x = a, *y = b;
	if (x->ctx_start != y->ctx_start)
		return x->ctx_start < y->ctx_start ? -1 : 1;
	return x->tok_start < y->tok_start ? -1 : x->tok_start > y->tok_start;
}

static int build_indexes(doc_t *d)
{
	size_t n = d->tx.n + 1;
	d->org_at_tok = arena_alloc_raw(d->ar, n * sizeof *d->org_at_tok);
	d->pctx_tok = arena_alloc(d->ar, n);
	if (!d->org_at_tok || !d->pctx_tok)
		return -1;
	for (size_t i = 0; i < n; i++)
		d->org_at_tok[i] = -1;
	/* the task finder's scan stops at these tokens too (classes.h:
	 * TAG_CLS_TASK) */
	uint8_t *cls = d->tx.cls;
	for (size_t i = 0; i < d->org_mentions.n; i++)
		if (d->org_at_tok[d->org_mentions.v[i].tok_start] < 0) {
			d->org_at_tok[d->org_mentions.v[i].tok_start] = (int)i;
			cls[d->org_mentions.v[i].tok_start] |= TAG_CLS_TASK;
		}
	if (d->person_mentions.n)
		qsort(d->person_mentions.v, d->person_mentions.n, sizeof *d->person_mentions.v,
		      pm_cmp);
	for (size_t i = 0; i < d->person_mentions.n; i++) {
		const person_mention_t *p = &d->person_mentions.v[i];
		for (size_t k = p->ctx_start; k < p->ctx_end && k < d->tx.n; k++) {
			d->pctx_tok[k] = 1;
			cls[k] |= TAG_CLS_TASK;
		}
	}
	return 0;
}

/* more meetings than this in one text is not a report but a list or an
 * attack; the rest is skipped with a warning */
#define MAX_MEETINGS 100

int meetings_extract(doc_t *d)
{
	mctx_t c = {.d = d, .t = &d->tx};
	if (build_indexes(d))
		return -1;
	if (meetings_collect_kinds(&c) || meetings_frame_init(&c) || meetings_sent_cues_init(&c)) {
		return -1;
	}
	size_t ns = d->art.sentences.n;
	/* anchors */
	AVEC(size_t) anchors = {0};
	AVEC(int) anchor_dates = {0};
	AVEC(const kmention_t *) anchor_kinds = {0};
	int rc = 0;
	for (size_t s = 0; s < ns; s++) {
		if (budget_check(d->tx.budget)) {
			rc = -1;
			goto out;
		}
		size_t a, b;
		meetings_sent_tokens(d, s, &a, &b);
		if (a >= b)
			continue;
		/* the title is not an anchor */
		if (d->art.has_title && d->art.sentences.v[s].start < d->art.title.end)
			continue;
		int di = -1;
		const date_expr_t *x =
		    meetings_date_in(&c, d->tx.tok[a].start, d->tx.tok[b - 1].end, &di);
		if (!x)
			continue;
		const kmention_t *k = meetings_kind_in(&c, a, b);
		/* the verbs' first words, or "cho ý kiến" with "kiến", first */
		unsigned cu = c.sent_cues[s];
		int verb = ((cu & MC_VERB) || ((cu & MC_CHO) && (cu & MC_KIEN))) &&
			   meetings_meeting_verb(&d->tx, a, b);
		if (!k && !verb)
			continue;
		/* announced for later, recalled as background */
		if (meetings_frame_refused(
			&c, a, b, x, k,
			anchor_dates.n ? &d->dates.v[anchor_dates.v[anchor_dates.n - 1]] : NULL))
			continue;
		size_t dtok = doc_tok_at(d, x->span.start);
		/* "Sáng 26.1, ...", "Chiều cùng ngày, ...", or a capitalised date
		 * after a heading run into the body without a full stop ("... để
		 * nhân rộng Chiều 7.2, ...") */
		int opens = dtok <= a + 2 || meetings_frame_opens(&c, a, dtok) ||
			    (dtok > a && dtok < d->tx.n && (d->tx.tok[dtok].flags & TF_CAP) &&
			     d->tx.tok[dtok - 1].kind == TK_WORD &&
			     !(d->tx.tok[dtok - 1].flags & (TF_CAP | TF_UPPER)));
		if (anchors.n == 0) {
			/* the first reported meeting: a date and a meeting word or
			 * verb in the same sentence */
			if (!k) {
				/* the kind noun may come in the next sentences or title */
				for (size_t s2 = s + 1; s2 < ns && s2 < s + 4 && !k; s2++) {
					size_t a2, b2;
					meetings_sent_tokens(d, s2, &a2, &b2);
					k = meetings_kind_in(&c, a2, b2);
				}
				if (!k && !(meetings_has_kw_pair(&d->tx, a, b, KW_hopj, 0) ||
					    meetings_has_kw_pair(&d->tx, a, b, KW_chur, KW_trif)))
					continue;
			}
		} else {
			/* further meetings: a sentence that opens with its own date
			 * and names a meeting or a working verb, on another date or
			 * "cùng ngày" */
			if (!opens)
				continue;
			if (!k && !meetings_has_kw_pair(&d->tx, a, b, KW_lamf, KW_vieecj))
				continue;
			if (!(k && meetings_kind_held(&d->tx, k, b)) &&
			    !meetings_has_kw_pair(&d->tx, a, b, KW_chur, KW_trif) &&
			    !meetings_has_kw_pair(&d->tx, a, b, KW_lamf, KW_vieecj) &&
			    !meetings_has_kw_pair(&d->tx, a, b, KW_hopj, 0) &&
			    !meetings_has_kw_pair(&d->tx, a, b, KW_dieenx, KW_ra) &&
			    !meetings_has_kw_pair(&d->tx, a, b, KW_toor, KW_chuwcs))
				continue;
			const date_expr_t *px = &d->dates.v[anchor_dates.v[anchor_dates.n - 1]];
			if (x->relative != REL_SAME_DAY && px->day == x->day &&
			    px->month == x->month && px->pod == x->pod &&
			    !meetings_has_kw_pair(&d->tx, a, b, KW_chur, KW_trif))
				continue;
			/* "Thứ tư, ngày 21-6, Quốc hội họp phiên bế mạc ... Phiên bế
			 * mạc sẽ được truyền hình trực tiếp": the next day's agenda */
			if (s + 1 < ns && meetings_frame_announced_next(&c, s + 1, a, b))
				continue;
		}
		if (anchors.n >= MAX_MEETINGS) {
			doc_warn(d, "too_many_meetings", "only the first 100 meetings are reported",
				 span_make(0, 0), 0);
			break;
		}
		size_t *pa = avec_push(d->ar, &anchors);
		int *pd = avec_push(d->ar, &anchor_dates);
		const kmention_t **pk = avec_push(d->ar, &anchor_kinds);
		if (!pa || !pd || !pk) {
			rc = -1;
			goto out;
		}
		*pa = s, *pd = di, *pk = k;
	}
	/* No dated sentence: a lead that still reports a meeting ("Hội nghị
	 * ... đã khai mạc", "X chủ trì cuộc họp ...") anchors an undated one. */
	for (size_t s = 0; !anchors.n && s < ns && s < 6; s++) {
		size_t a, b;
		meetings_sent_tokens(d, s, &a, &b);
		if (a >= b || (d->art.has_title && d->art.sentences.v[s].start < d->art.title.end))
			continue;
		/* a lead dated for another event, or narrating the past,
		 * reports no undated meeting */
		if (meetings_lead_stops_undated(&c, a, b))
			break;
		const kmention_t *k = meetings_undated_kind(&c, a, b);
		if (!k)
			continue;
		size_t *pa = avec_push(d->ar, &anchors);
		int *pd = avec_push(d->ar, &anchor_dates);
		const kmention_t **pk = avec_push(d->ar, &anchor_kinds);
		if (!pa || !pd || !pk) {
			rc = -1;
			goto out;
		}
		*pa = s, *pd = -1, *pk = k;
	}
	int py = 0, pmo = 0, pda = 0;
	int *weak = anchors.n ? arena_alloc(d->ar, anchors.n * sizeof *weak) : NULL;
	if (anchors.n && !weak) {
		rc = -1;
		goto out;
	}
	for (size_t i = 0; i < anchors.n; i++) {
		if (budget_poll(d->tx.budget)) {
			rc = -1;
			goto out;
		}
		size_t region_end = i + 1 < anchors.n ? d->sent_tok.v[anchors.v[i + 1]] : d->tx.n;
		if (build_meeting(&c, anchors.v[i], anchor_dates.v[i], anchor_kinds.v[i],
				  region_end, py, pmo, pda, &weak[i])) {
			rc = -1;
			goto out;
		}
		const meeting_t *m = &d->meetings.v[d->meetings.n - 1];
		if (m->month)
			py = m->year, pmo = m->month, pda = m->day;
	}
	if (weak && meetings_merge_repeats(d, weak)) {
		rc = -1;
		goto out;
	}
	if (!d->meetings.n)
		doc_warn(d, "no_meeting_found", "the article reports no meeting", span_make(0, 0),
			 0);
out:
	return rc;
}
