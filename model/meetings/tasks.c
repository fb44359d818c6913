/* A meeting's tasks ("5 rõ"): the directives the meeting, its chair or its
 * convening body gives, one task per assignee per directive clause (the
 * corpus README, "Tasks"). Two shapes make a directive:
 *   - a cue verb and its object, the assignee: "giao Sở A và Sở B ...",
 *     "yêu cầu các địa phương ...", "đề nghị Chính phủ ...", "chỉ đạo ...",
 *     "lưu ý X cần ...", "mong muốn X cần ...";
 *   - a clause that opens with the assignee and a directive verb: "X cần
 *     (phải) ...", "X có trách nhiệm ...", "X chủ trì, phối hợp với Y ...",
 *     "X khẩn trương ...", "X tiếp thu ... để trình ..."; and, in the
 *     sentences of a directive, any action: "...; Công an thành phố phối
 *     hợp với ...", "Trong đó, Sở VH-TT tiếp tục rà soát ...".
 * Not tasks: a request by a delegate, a voter or an expert ("Đại biểu X đề
 * nghị ..."), an opinion ("cho rằng", "Một số ý kiến"), a pledge ("X sẽ
 * ..."), what is done already ("X đã ..."), a directive a document gives
 * ("Nghị quyết ... yêu cầu"), a noun ("theo yêu cầu của", "ý kiến chỉ
 * đạo"). The parts: tasks_who.c (assignees), tasks_when.c (deadline),
 * tasks_what.c (deliverable). */
#include <string.h>

#include "model/meetings/tasks.h"
#include "model/tag/classes.h"

/* a cue written as a noun: "theo yêu cầu", "ý kiến chỉ đạo", "về đề nghị",
 * "danh sách đề nghị khen thưởng", "yêu cầu của", "Ban Chỉ đạo" */
static int cue_is_noun(const mctx_t *c, size_t i, size_t n)
{
	const doc_t *d = c->d;
	const text_t *t = c->t;
	size_t q = meetings_org_from(d, i + 1);
	if (q > 0 && d->org_mentions.v[q - 1].tok_start <= i &&
	    d->org_mentions.v[q - 1].tok_end > i)
		return 1;
	uint16_t next = tok_kw(t, i + n);
	if (next == KW_cuar || next == KW_nayf)
		return 1;
	if (i == 0)
		return 0;
	uint16_t prev = tok_kw(t, i - 1);
	if (prev == KW_ban || prev == KW_theo || prev == KW_cuar || prev == KW_cacs ||
	    prev == KW_nhuwngx || prev == KW_veef || prev == KW_vowis || prev == KW_suwj ||
	    prev == KW_lowif)
		return 1;
	size_t k;
	/* "Hội nghị yêu cầu", "Phiên họp giao": the meeting directs */
	if (i >= 2 && (lex_at(t, LEX_MEETING_KINDS, i - 2, i, &k) ||
		       lex_at(t, LEX_MEETING_KINDS, i - 1, i, &k)))
		return 0;
	if (i >= 2 && meetings_task_use(t, LEX_TASK_PRODUCT, i - 1, i, &k) == TU_PRODUCT)
		return 1;
	if (i >= 2 && meetings_task_use(t, LEX_TASK_PRODUCT, i - 2, i, &k) == TU_PRODUCT && k == 2)
		return 1;
	if (i >= 2 && tok_kw2(t, i - 2, KW_ys, KW_kieens))
		return 1;
	/* "lãnh đạo, chỉ đạo": one verb of a series, not a cue */
	if (i >= 2 && task_is_punct(t, i - 1, ',') &&
	    meetings_task_use(t, LEX_TASK_VERB, i - 2, i - 1, &k))
		return 1;
	return 0;
}

/* ", nhất là người đứng đầu, ... cần": an aside after the assignee that
 * singles some of them out; the action starts at the directive verb after
 * it. The token where the action starts (v when there is no aside). */
static size_t aside_end(const mctx_t *c, size_t v, size_t sb)
{
	const text_t *t = c->t;
	size_t j = v + task_is_punct(t, v, ','), n;
	int aside = (tok_kw(t, j) == KW_nhaats && tok_kw(t, j + 1) == KW_laf) ||
		    (meetings_task_use(t, LEX_TASK_CUE, j, sb, &n) == TU_OPEN &&
		     tok_kw(t, j + n) == KW_laf);
	if (!aside)
		return v;
	for (size_t q = j + 2; q < sb && q < j + 24; q++) {
		if (t->tok[q].kind == TK_PUNCT && !task_is_punct(t, q, ','))
			return v;
		if (meetings_task_use(t, LEX_TASK_VERB, q, sb, NULL) == TU_STRONG)
			return q;
	}
	return v;
}

/* Token i may open an assignee (tasks_who.c, item_head): a quantifier, an
 * honorific, a body, a person, a position, a place or a common head noun
 * starts there. Asked first, so that most tokens cost a few mask tests. */
static int could_open(const mctx_t *c, size_t i)
{
	const doc_t *d = c->d;
	const text_t *t = c->t;
	const uint64_t heads = (1ull << LEX_TASK_AGENT) | (1ull << LEX_HONORIFICS) |
			       (1ull << LEX_POSITIONS) | (1ull << LEX_PLACES) |
			       (1ull << LEX_LOCALITIES) | (1ull << LEX_BODIES);
	if (t->tok[i].kind != TK_WORD)
		return 0;
	return (t->lexmask[i] & heads) || d->org_at_tok[i] >= 0 || d->pctx_tok[i];
}

/* The end of a directive clause's action that starts at token v: the
 * clause's ';', or where another directive starts (a cue with its
 * assignee, or ", X cần ..."). */
static size_t action_end(const mctx_t *c, size_t v, size_t sb)
{
	const text_t *t = c->t;
	size_t n;
	for (size_t e = v; e < sb; e++) {
		if (task_is_punct(t, e, ';') || (e > v && task_is_punct(t, e, '"')))
			return e;
		if (e > v && lex_starts(t, LEX_TASK_CUE, e) &&
		    meetings_task_use(t, LEX_TASK_CUE, e, sb, &n) && !cue_is_noun(c, e, n)) {
			task_whos_t w;
			size_t j = e + n;
			if (task_is_punct(t, j, ','))
				j++;
			if (meetings_task_whos(c, j, sb, &w) &&
			    meetings_task_use(t, LEX_TASK_VERB, w.end, sb, NULL))
				return e;
		}
		/* ", các bộ ngành có liên quan báo cáo ...": a new subject */
		if (task_is_punct(t, e, ',') && e + 1 < sb) {
			task_whos_t w;
			size_t k = e + 1;
			if (could_open(c, k) && meetings_task_whos(c, k, sb, &w) &&
			    (w.v[0].quant || !w.v[0].generic)) {
				size_t v2 = w.end + (tok_kw(t, w.end) == KW_cungx);
				enum task_use u = meetings_task_use(t, LEX_TASK_VERB, v2, sb, NULL);
				if ((u == TU_STRONG || u == TU_LEAD) &&
				    !meetings_task_use(t, LEX_TASK_NOT, v2, sb, NULL)) {
					/* not the objects of "phối hợp với A, B ..." */
					int with = 0;
					for (size_t q = v; q < e && !with; q++)
						with = tok_kw(t, q) == KW_vowis;
					if (!with)
						return e;
				}
			}
		}
	}
	return sb;
}

/* The clause's words before the directive: a speaker who asks rather than
 * directs ("Đại biểu X đề nghị"), an opinion ("cho rằng"), a source
 * ("Theo Sở X, ..."), a document that directs ("Nghị quyết yêu cầu"). */
typedef struct clause_state {
	int speaker, opinion, doc;
} clause_state_t;

/* u: the use of token i in task_not (asked once by the caller) */
static void note_word(const mctx_t *c, size_t i, size_t sb, enum task_use u, clause_state_t *cs)
{
	const text_t *t = c->t;
	size_t n;
	if (u == TU_SPEAKER)
		cs->speaker = 1;
	else if (u == TU_OPINION)
		cs->opinion = 1;
	if ((t->tok[i].flags & TF_SENT) && tok_kw(t, i) == KW_theo)
		cs->opinion = 1;
	/* "Kết luận hội nghị, X yêu cầu ...", "Kết luận buổi làm việc": the
	 * chair's conclusion, no document */
	/* the document must open its clause to be what directs: "Về Luật
	 * Đầu tư công, Thủ tướng giao ..." names a topic */
	if (lex_starts(t, LEX_DOC_TYPE, i) && (t->tok[i].flags & (TF_CAP | TF_UPPER)) &&
	    (i == 0 || (t->tok[i].flags & TF_SENT) || t->tok[i - 1].kind == TK_PUNCT) &&
	    lex_at(t, LEX_DOC_TYPE, i, sb, &n) && i + n < sb && !task_is_punct(t, i + n, ',') &&
	    !lex_starts(t, LEX_MEETING_KINDS, i + n) && tok_kw(t, i + n) != KW_buooir)
		cs->doc = 1;
}

/* A clause that opens at token i: not inside a person's phrase ("Đồng chí
 * X, Ủy viên Bộ Chính trị, Trưởng Ban ... chủ trì"), unless the phrase
 * starts there. */
static int opens_clause(const mctx_t *c, size_t i)
{
	const doc_t *d = c->d;
	if (!meetings_in_person_ctx(d, i))
		return 1;
	size_t q = meetings_pm_from(d, i);
	return q < d->person_mentions.n && d->person_mentions.v[q].ctx_start == i;
}

/* "X chủ trì hội nghị", "X chủ trì và phát biểu": X chairs the meeting,
 * no task; a person who "chủ trì" leads a task only with "phối hợp". */
static int chairs_meeting(const mctx_t *c, const task_whos_t *w, size_t v, size_t sb)
{
	const text_t *t = c->t;
	size_t n;
	if (meetings_task_use(t, LEX_TASK_VERB, v, sb, &n) != TU_LEAD)
		return 0;
	size_t k = v + n;
	if (task_is_punct(t, k, ',') &&
	    meetings_task_use(t, LEX_TASK_VERB, k + 1, sb, NULL) == TU_COORD)
		return 0;
	if (lex_starts(t, LEX_MEETING_KINDS, k) || tok_kw(t, k) == KW_vaf || k >= sb ||
	    t->tok[k].kind == TK_PUNCT)
		return 1;
	for (size_t i = 0; i < w->n; i++)
		if (w->v[i].person >= 0)
			return 1;
	return 0;
}

/* Set the task's deadline (and its date) from tokens [a, b). */
static void set_deadline(const mctx_t *c, const meeting_t *m, task_t *tk, size_t a, size_t b,
			 size_t *lo, size_t *hi)
{
	const doc_t *d = c->d;
	span_t sp;
	if (!meetings_task_deadline(c, a, b, &sp, lo, hi))
		return;
	tk->deadline = sp;
	for (size_t q = meetings_date_from(d, sp.start);
	     q < d->dates.n && d->dates.v[q].span.start < sp.end; q++) {
		const date_expr_t *x = &d->dates.v[q];
		if (x->day && x->month) {
			tk->dl_month = x->month;
			tk->dl_day = x->day;
			tk->dl_year = x->year ? x->year : (d->pub_year ? d->pub_year : m->year);
			if (tk->dl_year && !dates_valid(tk->dl_year, tk->dl_month, tk->dl_day))
				tk->dl_year = 0;
			break;
		}
	}
}

/* Where the action of tokens [as, aend) stops: before a deliverable to
 * hand in ("..., (để) trình UBND tỉnh", "..., báo cáo Sở X") and before a
 * deadline that closes the clause ("rà soát nguồn vốn trước ngày 15/3");
 * a product made stays in the action ("xây dựng kế hoạch"). */
static size_t action_cut(const mctx_t *c, size_t as, size_t aend, span_t del, size_t dlo,
			 size_t dhi)
{
	const text_t *t = c->t;
	size_t cut = aend, n;
	if (!span_is_empty(del))
		for (size_t j = as + 1; j < aend; j++)
			if (t->tok[j].start == del.start) {
				enum task_use u = meetings_task_use(t, LEX_TASK_VERB, j, aend, &n);
				/* "hoàn chỉnh báo cáo ...": a report made, in the action */
				size_t mn = 0;
				int made = (meetings_task_use(t, LEX_TASK_VERB, j - 1, j, &mn) ==
					    TU_MAKE) ||
					   (j >= as + 2 &&
					    meetings_task_use(t, LEX_TASK_VERB, j - 2, j, &mn) ==
						TU_MAKE &&
					    mn == 2);
				if ((u == TU_SUBMIT || u == TU_REPORT) && !made)
					cut = j;
				break;
			}
	if (dhi > dlo && dlo > as && dlo < cut) {
		size_t q = dhi;
		while (q < cut && t->tok[q].kind == TK_PUNCT)
			q++;
		if (q >= cut)
			cut = dlo;
	}
	while (cut > as && (t->tok[cut - 1].kind == TK_PUNCT || tok_kw(t, cut - 1) == KW_ddeer))
		cut--;
	return cut > as ? cut : aend;
}

static int same_task(const meeting_t *m, const task_t *tk)
{
	for (size_t j = 0; j < m->tasks.n; j++) {
		const task_t *x = &m->tasks.v[j];
		if (x->mention.start == tk->mention.start && x->has_assignee == tk->has_assignee &&
		    (!tk->has_assignee || !strcmp(x->assignee.name, tk->assignee.name)))
			return 1;
	}
	return 0;
}

/* Push one task per assignee of a directive whose action is tokens [v, ae);
 * the deadline may also stand in [pre[0], pre[1]) ("đề nghị, năm 2017, hai
 * bên cần ...") or in the sentence's opening adverbial [pre[2], pre[3])
 * ("Trong ba tháng tới, X phải ..."). -1 when out of memory. */
static int emit(mctx_t *c, meeting_t *m, const task_whos_t *w, size_t cue, size_t v, size_t ae,
		const size_t pre[4], const char *rule)
{
	const doc_t *d = c->d;
	const text_t *t = c->t;
	size_t as = v, n;
	while (as < ae && (task_is_punct(t, as, ',') || tok_kw(t, as) == KW_cungx))
		as++;
	/* "cần", "phải", "cần phải" say it is a directive; the action follows */
	int modal = 0;
	while (as + 1 < ae && (tok_kw(t, as) == KW_caanf || tok_kw(t, as) == KW_phair) &&
	       t->tok[as + 1].kind == TK_WORD)
		as++, modal = 1;
	task_t base = {0};
	base.assignee.org = base.assignee.person = -1;
	/* "chủ trì, phối hợp": lead; "phối hợp với": coordinate when it is the
	 * whole of what the assignee does */
	size_t r = as;
	enum task_use u = meetings_task_use(t, LEX_TASK_VERB, r, ae, &n);
	if (u == TU_STRONG && tok_kw(t, r) != KW_tieeps && tok_kw(t, r) != KW_khaanr) {
		r += n;
		u = meetings_task_use(t, LEX_TASK_VERB, r, ae, &n);
	}
	if (u == TU_LEAD)
		base.responsibility = 1;
	else if (u == TU_COORD && !modal) /* "X cần phối hợp ...": an exhortation, no role */
		base.responsibility = 2;
	size_t dlo = 0, dhi = 0;
	set_deadline(c, m, &base, as, ae, &dlo, &dhi);
	for (int k = 0; k < 4 && span_is_empty(base.deadline); k += 2)
		if (pre[k + 1] > pre[k])
			set_deadline(c, m, &base, pre[k], pre[k + 1], &dlo, &dhi);
	/* "đề nghị, năm 2017, hai bên cần ...": a time set off between the cue
	 * and the assignee is the deadline even without a lead word */
	if (span_is_empty(base.deadline) && pre[1] > pre[0] + 1 &&
	    task_is_punct(t, pre[1] - 1, ',')) {
		size_t q = meetings_date_from(d, t->tok[pre[0]].start);
		if (q < d->dates.n && d->dates.v[q].tok_start == pre[0] &&
		    d->dates.v[q].tok_end == pre[1] - 1)
			base.deadline = d->dates.v[q].span;
	}
	base.deliverable = meetings_task_deliverable(c, as, ae, dlo, dhi);
	size_t aend = ae;
	while (aend > as && t->tok[aend - 1].kind == TK_PUNCT)
		aend--;
	size_t act = action_cut(c, as, aend, base.deliverable, dlo, dhi);
	if (act > as)
		base.action = span_make(t->tok[as].start, t->tok[act - 1].end);
	base.mention = span_make(t->tok[cue].start, t->tok[(aend > cue ? aend : cue + 1) - 1].end);
	base.rule = rule;
	if (!w || !w->n) {
		/* an impersonal instruction is a task only with a deadline or a
		 * product ("yêu cầu lập danh sách ...") */
		if (span_is_empty(base.deadline) && span_is_empty(base.deliverable))
			return 0;
		if (same_task(m, &base))
			return 0;
		task_t *slot = avec_push(d->ar, &m->tasks);
		if (!slot)
			return -1;
		*slot = base;
		return 0;
	}
	for (size_t i = 0; i < w->n; i++) {
		const task_who_t *x = &w->v[i];
		task_t tk = base;
		tk.has_assignee = 1;
		tk.assignee.org = x->org;
		tk.assignee.person = x->person;
		if (x->person >= 0) {
			tk.assignee.name = doc_strdup(d, d->people.v[x->person].name);
		} else {
			size_t b = x->b;
			while (b > x->a && t->tok[b - 1].kind == TK_PUNCT)
				b--;
			if (b <= x->a)
				continue;
			tk.assignee.name = doc_strndup(d, d->text + t->tok[x->a].start,
						       t->tok[b - 1].end - t->tok[x->a].start);
		}
		if (!tk.assignee.name)
			return -1;
		if (same_task(m, &tk))
			continue;
		task_t *slot = avec_push(d->ar, &m->tasks);
		if (!slot)
			return -1;
		*slot = tk;
	}
	return 0;
}

/* A time written between the cue and the assignee, up to its comma ("đề
 * nghị, năm 2017, hai bên ...", "yêu cầu đến cuối năm, Sở X phải ..."):
 * the token after the comma, or k when there is none. */
static size_t skip_adverbial(const mctx_t *c, size_t k, size_t sb)
{
	const text_t *t = c->t;
	const doc_t *d = c->d;
	size_t q = meetings_date_from(d, t->tok[k].start);
	int timeish = meetings_task_use(t, LEX_TASK_WHEN, k, sb, NULL) != TU_NONE ||
		      (q < d->dates.n && d->dates.v[q].tok_start == k);
	if (!timeish)
		return k;
	for (size_t e = k + 1; e < sb && e < k + 10; e++) {
		if (task_is_punct(t, e, ','))
			return e + 1;
		if (t->tok[e].kind == TK_PUNCT)
			break;
	}
	return k;
}

/* How a clause may open at token i: 2 for a hard start (the sentence's
 * start, after ";", ":", a bullet, or a connective and its comma: "Trong
 * đó, ..."), 1 for a soft one (after a comma, or "mà"), 0 for none. */
static int clause_start(const mctx_t *c, size_t i, size_t sa, size_t open_end)
{
	const text_t *t = c->t;
	if (i == sa || (t->tok[i].flags & TF_NL) || i == open_end)
		return 2;
	const tok_t *p = &t->tok[i - 1];
	if (p->kind == TK_PUNCT) {
		if (task_is_punct(t, i - 1, ','))
			return 1;
		/* a quote that opens the sentence or follows its colon */
		if (task_is_punct(t, i - 1, '"') && (i - 1 == sa || task_is_punct(t, i - 2, ':')))
			return 2;
		if (task_is_punct(t, i - 1, '(') || task_is_punct(t, i - 1, '"') ||
		    task_is_punct(t, i - 1, '\'') || task_is_punct(t, i - 1, '-') ||
		    task_is_punct(t, i - 1, '/') || task_is_punct(t, i - 1, '.'))
			return 0;
		return 2;
	}
	/* "..., đối với X thì Bộ Y phải ...", "... mà X cần ..." */
	return tok_kw(t, i - 1) == KW_maf || tok_kw(t, i - 1) == KW_thif;
}

/* A cue with no assignee gives a task only when someone named says it
 * ("Ông X yêu cầu lập danh sách ...", "...; đề nghị chuẩn bị dự thảo ..."). */
static int impersonal_ok(const mctx_t *c, size_t i, size_t sa)
{
	const text_t *t = c->t;
	if (tok_kw(t, i) != KW_yeeu && tok_kw(t, i) != KW_ddeef)
		return 0;
	if (i == sa)
		return 0;
	return task_is_punct(t, i - 1, ';') || meetings_in_person_ctx(c->d, i - 1) ||
	       tok_kw(t, i - 1) == KW_tooi;
}

/* A deadline that opens the sentence before its comma ("Trong ba tháng
 * tới, ...", "“Từ nay đến cuối năm, ..."): its tokens in pre[0..1] (and
 * pre[2..3], so that one array serves both kinds of emit). */
static void lead_adverbial(const mctx_t *c, size_t sa, size_t sb, size_t pre[4])
{
	const text_t *t = c->t;
	size_t a = sa;
	while (a < sb && a < sa + 2 && t->tok[a].kind == TK_PUNCT)
		a++;
	if (a >= sb || meetings_task_use(t, LEX_TASK_WHEN, a, sb, NULL) != TU_WLEAD)
		return;
	for (size_t e = a + 1; e < sb && e < a + 14; e++) {
		if (task_is_punct(t, e, ',')) {
			span_t sp;
			size_t lo, hi;
			if (meetings_task_deadline(c, a, e, &sp, &lo, &hi) && lo == a) {
				pre[0] = pre[2] = a;
				pre[1] = pre[3] = e;
			}
			return;
		}
		/* the marks inside a date ("30/6", "30-7") go on */
		if (t->tok[e].kind == TK_PUNCT && !(t->tok[e].flags & TF_SPACE) && e + 1 < sb &&
		    t->tok[e + 1].kind == TK_NUM && !(t->tok[e + 1].flags & TF_SPACE))
			continue;
		if (t->tok[e].kind == TK_PUNCT)
			return;
	}
}

/* A sentence can give a directive only with a cue or a directive verb
 * ("cần", "phải", "chủ trì", ...) in it, or after a directive: most
 * sentences are passed over at the cost of a mask test a token. 1 when it
 * can; *last is the token after its last directive verb (sa when none):
 * a clause that opens past it has no verb to direct it. */
static int may_direct(const mctx_t *c, size_t sa, size_t sb, size_t *last)
{
	const text_t *t = c->t;
	int cue = 0;
	*last = sa;
	if (!(c->cues & MC_TASK))
		return 0;
	/* the class byte's bit finds the cues and verbs, sixteen tokens at
	 * a time */
	for (size_t i = sa; (i = tag_cls_next(t->cls, i, TAG_CLS_DIRECT)) < sb; i++) {
		uint64_t mk = t->lexmask[i];
		if (!(mk & ((1ull << LEX_TASK_CUE) | (1ull << LEX_TASK_VERB))))
			continue;
		if ((mk >> LEX_TASK_CUE) & 1)
			cue = 1;
		if ((mk >> LEX_TASK_VERB) & 1) {
			enum task_use u = meetings_task_use(t, LEX_TASK_VERB, i, sb, NULL);
			if (u == TU_STRONG || u == TU_LEAD)
				*last = i + 1;
		}
	}
	return cue || *last > sa;
}

/* "Giao các tập đoàn rà soát ... . Hoàn thành báo cáo và gửi về Bộ Công
 * Thương chậm nhất ngày 4/2/2017.": a sentence right after a directive that
 * opens with an action verb and gives no task of its own gives the
 * deadline of that directive's tasks when they have none. */
static void follow_up_deadline(mctx_t *c, meeting_t *m, size_t sa, size_t sb)
{
	const text_t *t = c->t;
	if (!m->tasks.n || sa >= sb || !(t->tok[sa].flags & TF_CAP) ||
	    !meetings_task_use(t, LEX_TASK_VERB, sa, sb, NULL))
		return;
	task_t *last = &m->tasks.v[m->tasks.n - 1];
	if (!span_is_empty(last->deadline) || last->mention.end > t->tok[sa].start)
		return;
	task_t got = *last;
	size_t lo, hi;
	set_deadline(c, m, &got, sa, sb, &lo, &hi);
	if (span_is_empty(got.deadline))
		return;
	/* every task of that directive clause: one per assignee */
	for (size_t q = m->tasks.n; q-- > 0;) {
		task_t *tk = &m->tasks.v[q];
		if (tk->action.start != last->action.start || !span_is_empty(tk->deadline))
			break;
		tk->deadline = got.deadline;
		tk->dl_year = got.dl_year;
		tk->dl_month = got.dl_month;
		tk->dl_day = got.dl_day;
	}
}

static int find_tasks_in(mctx_t *c, meeting_t *m, size_t sa, size_t sb)
{
	const text_t *t = c->t;
	size_t last_strong;
	if (!may_direct(c, sa, sb, &last_strong) && !c->task_run)
		return 0;
	int run = c->task_run, gave = 0, past = 0;
	clause_state_t cs = {0};
	int with = 0;	      /* a "với" since the clause began: "phối hợp với A, B" */
	size_t open_end = sa; /* the token after "Trong đó," */
	size_t lead[4] = {0, 0, 0, 0};
	lead_adverbial(c, sa, sb, lead);
	/* a word in none of these lexicons, no body, no person, no "với" or
	 * "theo", changes nothing below: passed over by the class byte's
	 * scan (classes.h: TAG_CLS_TASK), the tokens it stops at tested in
	 * full */
	const uint64_t live = MEETINGS_TASK_LEXICONS;
	const doc_t *d = c->d;
	for (size_t i = sa; (i = tag_cls_next(t->cls, i, TAG_CLS_LINE | TAG_CLS_TASK)) < sb; i++) {
		if (t->tok[i].kind == TK_WORD && !(t->lexmask[i] & live) && d->org_at_tok[i] < 0 &&
		    !d->pctx_tok[i] && !(meetings_kw_cues[t->tok[i].kw] & MC_WITH))
			continue;
		if (budget_check(t->budget))
			return 0;
		size_t n = 0;
		enum task_use cu = lex_starts(t, LEX_TASK_CUE, i)
				       ? meetings_task_use(t, LEX_TASK_CUE, i, sb, &n)
				       : TU_NONE;
		/* "Ông X nói: “Trong ba tháng tới, Sở Y tế phải ...”" */
		if (i > sa && t->tok[i].kind == TK_WORD &&
		    (t->tok[i - 1].kind == TK_PUNCT || (t->tok[i].flags & TF_NL)) &&
		    meetings_task_use(t, LEX_TASK_WHEN, i, sb, NULL) == TU_WLEAD &&
		    (clause_start(c, i, sa, open_end) == 2 ||
		     (task_is_punct(t, i - 1, '"') &&
		      (i - 1 == sa || task_is_punct(t, i - 2, ':')))))
			lead_adverbial(c, i, sb, lead);
		if (cu == TU_OPEN) {
			/* "Trong đó, X ...", "Theo đó X ..." */
			open_end = task_is_punct(t, i + n, ',') ? i + n + 1 : i + n;
			i += n - 1;
			continue;
		}
		/* a directive cue and its assignees; "X đã ban hành ..., chỉ đạo
		 * Y ..." tells what was done */
		int series = past && i > sa && task_is_punct(t, i - 1, ',');
		if (cu && !cue_is_noun(c, i, n) && !series &&
		    !(cu == TU_ASK && (cs.speaker || cs.opinion)) && !cs.doc) {
			size_t k = i + n;
			if (task_is_punct(t, k, ','))
				k++;
			size_t pre = k;
			k = skip_adverbial(c, k, sb);
			task_whos_t w;
			int found = meetings_task_whos(c, k, sb, &w);
			size_t v = found ? w.end : k;
			while (v < sb && task_is_punct(t, v, ','))
				v++;
			enum task_use vu = meetings_task_use(t, LEX_TASK_VERB, v, sb, NULL);
			if (cu == TU_WISH && vu != TU_STRONG)
				found = 0, vu = TU_NONE;
			/* "yêu cầu các công trình phục vụ hội nghị phải hoàn thành
			 * trong tháng 6": no assignee, the directive verb further on */
			if (!found && !vu && cu != TU_WISH && impersonal_ok(c, i, sa)) {
				for (size_t q = k;
				     q < sb && q < k + 16 && t->tok[q].kind != TK_PUNCT; q++)
					if (meetings_task_use(t, LEX_TASK_VERB, q, sb, NULL) ==
					    TU_STRONG) {
						v = q;
						vu = TU_STRONG;
						break;
					}
			}
			if (found || (vu && cu != TU_WISH && impersonal_ok(c, i, sa))) {
				size_t ae = action_end(c, v, sb);
				const size_t pr[4] = {pre, k, lead[0], lead[1]};
				if (emit(c, m, found ? &w : NULL, i, v, ae, pr, "task.directive"))
					return -1;
				gave = run = 1;
				i = ae > i ? ae - 1 : i;
				with = 0;
				continue;
			}
			/* "Thủ tướng giao nhiệm vụ: • ...": the list gives the tasks */
			if (k >= sb || task_is_punct(t, k, ':') || t->tok[k].kind == TK_PUNCT)
				run = 1;
		}
		/* a clause that opens with its assignee: a soft start (after a
		 * comma) needs a directive verb ("X cần"), a hard one also takes
		 * any action inside a directive's sentences */
		/* outside a directive's sentences a clause needs a directive verb
		 * after its assignee */
		int start = (run || i < last_strong) &&
				    (could_open(c, i) || (run && lex_starts(t, LEX_TASK_WHEN, i)))
				? clause_start(c, i, sa, open_end)
				: 0;
		if (start == 1 && with)
			start = 0;
		/* "Đến 31/10, các bộ báo cáo ...": the clause after the opening
		 * deadline starts hard */
		if (start == 1 && lead[3] && i == lead[3] + 1)
			start = 2;
		/* a new clause: what the last one said of its speaker is over */
		if (task_is_punct(t, i, ';')) {
			with = past = 0;
			cs = (clause_state_t){0};
		}
		/* "phối hợp với A, B": not "đối với X thì ..." */
		if (tok_kw(t, i) == KW_vowis && !(i > sa && tok_kw(t, i - 1) == KW_ddoois))
			with = 1;
		/* "... thì chậm nhất năm 2019 phải thoái vốn": in a directive's
		 * sentences, a deadline and a directive verb with no assignee */
		if (start && run && !cs.opinion && !cs.speaker && !cs.doc &&
		    meetings_task_use(t, LEX_TASK_WHEN, i, sb, NULL) == TU_WLEAD) {
			span_t sp;
			size_t lo, hi;
			if (meetings_task_deadline(c, i, sb < i + 12 ? sb : i + 12, &sp, &lo,
						   &hi) &&
			    lo == i) {
				size_t v = hi + task_is_punct(t, hi, ',');
				if (meetings_task_use(t, LEX_TASK_VERB, v, sb, NULL) == TU_STRONG) {
					size_t ae = action_end(c, v, sb);
					const size_t pr[4] = {i, hi, 0, 0};
					if (emit(c, m, NULL, i, v, ae, pr, "task.deadline"))
						return -1;
					gave = 1;
					i = ae > i ? ae - 1 : i;
					continue;
				}
			}
		}
		if (start && !cs.opinion && !cs.speaker && !cs.doc && opens_clause(c, i)) {
			task_whos_t w;
			if (meetings_task_whos(c, i, sb, &w) && !chairs_meeting(c, &w, w.end, sb) &&
			    !(start == 1 && w.v[0].generic && !w.v[0].quant)) {
				size_t v = aside_end(c, w.end, sb);
				if (tok_kw(t, v) == KW_cungx)
					v++;
				enum task_use vu = meetings_task_use(t, LEX_TASK_VERB, v, sb, NULL);
				int person = 0;
				for (size_t q = 0; q < w.n; q++)
					person |= w.v[q].person >= 0;
				int ok = vu == TU_STRONG || (vu == TU_LEAD && !person) ||
					 (start == 2 && run && vu != TU_NONE && !person);
				if (ok && !meetings_task_use(t, LEX_TASK_NOT, v, sb, NULL)) {
					size_t ae = action_end(c, v, sb);
					if (emit(c, m, &w, i, v, ae, lead, "task.subject"))
						return -1;
					gave = run = 1;
					i = ae > i ? ae - 1 : i;
					with = 0;
					continue;
				}
			}
		}
		enum task_use nu = meetings_task_use(t, LEX_TASK_NOT, i, sb, NULL);
		if (nu == TU_PAST)
			past = 1;
		note_word(c, i, sb, nu, &cs);
	}
	c->task_run = gave;
	return 0;
}

int meetings_find_tasks(mctx_t *c, meeting_t *m, size_t sa, size_t sb)
{
	int run = c->task_run;
	size_t before = m->tasks.n;
	int r = find_tasks_in(c, m, sa, sb);
	if (!r && run && m->tasks.n == before)
		follow_up_deadline(c, m, sa, sb);
	return r;
}
