/* Lookups the meetings recogniser shares: meeting kinds in the text, the
 * dates, documents, people and bodies of a token range, sentence bounds. */
#include <stdio.h>
#include <string.h>

#include "model/meetings/meetings_internal.h"

const char *meetings_kind_enum(const char *v)
{
	static const char *ok[] = {"conference", "session",	    "sitting",
				   "congress",	 "working_session", "seminar",
				   "ceremony",	 "meeting",	    NULL};
	for (int i = 0; ok[i]; i++)
		if (v && !strcmp(v, ok[i]))
			return ok[i];
	return "meeting";
}

const uint16_t meetings_kw_cues[KW_COUNT] = {
    [KW_nghe] = MC_AGENDA | MC_NGHE,
    [KW_baos] = MC_AGENDA,
    [KW_towf] = MC_AGENDA,
    [KW_trinhf] = MC_AGENDA,
    [KW_quans] = MC_AGENDA,
    [KW_truyeenf] = MC_AGENDA,
    [KW_trieenr] = MC_AGENDA,
    [KW_ddocj] = MC_AGENDA,
    [KW_giowis] = MC_AGENDA,
    [KW_do] = MC_DO,
    [KW_thoongs] = MC_DECIDE,
    [KW_bieeur] = MC_DECIDE,
    [KW_keets] = MC_DECIDE,
    [KW_chur] = MC_VERB,
    [KW_hopj] = MC_VERB,
    [KW_khai] = MC_VERB,
    [KW_bees] = MC_VERB,
    [KW_dieenx] = MC_VERB,
    [KW_toor] = MC_VERB,
    [KW_tieeps] = MC_VERB,
    [KW_cho] = MC_CHO,
    [KW_kieens] = MC_KIEN,
    [KW_ddieemr] = MC_BRIDGE,
    [KW_vowis] = MC_WITH,
    [KW_theo] = MC_WITH,
};

int meetings_sent_cues_init(mctx_t *c)
{
	const doc_t *d = c->d;
	const text_t *t = c->t;
	size_t ns = d->art.sentences.n;
	const uint64_t task = (1ull << LEX_TASK_CUE) | (1ull << LEX_TASK_VERB);
	const uint64_t attend = (1ull << LEX_PWORD_ATTEND_VERB) | (1ull << LEX_PWORD_ATTEND_HEAD);
	const uint64_t chair = (1ull << LEX_PWORD_CHAIR_VERB) | (1ull << LEX_PWORD_BOARD);
	c->sent_cues = arena_alloc_raw(d->ar, (ns ? ns : 1) * sizeof *c->sent_cues);
	if (!c->sent_cues)
		return -1;
	for (size_t s = 0; s < ns; s++) {
		size_t a, b;
		meetings_sent_tokens(d, s, &a, &b);
		unsigned m = 0;
		uint64_t lm = 0;
		/* two tokens a step, each into its own word: half the loop
		 * tests of this walk over every token */
		unsigned m2 = 0;
		uint64_t lm2 = 0;
		size_t i = a;
		for (; i + 2 <= b; i += 2) {
			m |= meetings_kw_cues[t->tok[i].kw];
			m2 |= meetings_kw_cues[t->tok[i + 1].kw];
			lm |= t->lexmask[i];
			lm2 |= t->lexmask[i + 1];
		}
		if (i < b) {
			m |= meetings_kw_cues[t->tok[i].kw];
			lm |= t->lexmask[i];
		}
		m |= m2;
		lm |= lm2;
		if (lm & task)
			m |= MC_TASK;
		if (lm & attend)
			m |= MC_ATTEND;
		if (lm & chair)
			m |= MC_CHAIR;
		c->sent_cues[s] = (uint16_t)m;
	}
	return 0;
}

/* sentence bounds in tokens */
void meetings_sent_tokens(const doc_t *d, size_t s, size_t *a, size_t *b)
{
	*a = d->sent_tok.v[s];
	*b = s + 1 < d->sent_tok.n ? d->sent_tok.v[s + 1] : d->tx.n;
	/* tokens past the sentence's end (captions, bylines between) */
	while (*b > *a && d->tx.tok[*b - 1].end > d->art.sentences.v[s].end)
		(*b)--;
}

/* A kind mention that only cites another meeting: "Nghị quyết Hội nghị
 * Trung ương 4", "Kết luận Hội nghị", "tinh thần Đại hội". */
int meetings_cited_only(const mctx_t *c, size_t i)
{
	const text_t *t = c->t;
	for (size_t k = i >= 3 ? i - 3 : 0; k < i; k++) {
		/* "phát biểu kết luận (tại) hội nghị", "kết luận tại hội nghị":
		 * the act of concluding at the meeting, not the document */
		if (tok_kw2(t, k, KW_keets, KW_luaanj) &&
		    ((k + 2 < i && tok_kw(t, k + 2) == KW_taij) ||
		     (k >= 2 && tok_kw2(t, k - 2, KW_phats, KW_bieeur))))
			continue;
		if (tok_kw2(t, k, KW_nghij, KW_quyeets) || tok_kw2(t, k, KW_keets, KW_luaanj) ||
		    tok_kw2(t, k, KW_tinh, KW_thaanf) || tok_kw2(t, k, KW_vawn, KW_kieenj) ||
		    tok_kw2(t, k, KW_chir, KW_thij))
			return 1;
	}
	/* "kế hoạch tổ chức Hội nghị", "chuẩn bị Đại hội": a topic */
	return meetings_frame_topic_before(t, i);
}

/* A guest after the verb at token i: a capitalised title or name ("tiếp
 * Đại sứ", "tiếp Thống đốc ..."), a delegation ("tiếp đoàn công tác") or a
 * form of address before a name ("tiếp ông Antony Blinken"). */
int meetings_guest_after(const text_t *t, size_t i)
{
	size_t h = 0;
	if (i + 1 >= t->n)
		return 0;
	return (t->tok[i + 1].flags & TF_CAP) || tok_kw(t, i + 1) == KW_ddoanf ||
	       (lex_at(t, LEX_HONORIFICS, i + 1, t->n, &h) && i + 1 + h < t->n &&
		(t->tok[i + 1 + h].flags & TF_CAP));
}

/* "tiếp" at token i is the verb of a reception: lower case, after a named
 * person ("Thủ tướng Phạm Minh Chính tiếp", "ông A đã tiếp") and before a
 * guest. */
static int reception_verb(const mctx_t *c, size_t i)
{
	const doc_t *d = c->d;
	const text_t *t = c->t;
	if ((t->tok[i].flags & TF_CAP) || i == 0 || !meetings_guest_after(t, i))
		return 0;
	uint16_t w = tok_kw(t, i - 1);
	size_t end = w == KW_ddax || w == KW_vuwaf ? i - 1 : i;
	for (size_t k = meetings_pm_from(d, i > 24 ? i - 24 : 0);
	     k < d->person_mentions.n && d->person_mentions.v[k].ctx_start < i; k++) {
		const person_mention_t *pm = &d->person_mentions.v[k];
		if (!pm->is_title_only && pm->tok_end == end)
			return 1;
	}
	return 0;
}

int meetings_collect_kinds(mctx_t *c)
{
	const int lx = LEX_MEETING_KINDS;
	const text_t *t = c->t;
	const uint64_t *lm = t->lexmask, bit = 1ull << lx;
	for (size_t i = 0; i < t->n; i++) {
		/* four tokens a test: few tokens start a kind, and lex_at
		 * says no to the rest from this same bit */
		while (i + 4 <= t->n && !((lm[i] | lm[i + 1] | lm[i + 2] | lm[i + 3]) & bit))
			i += 4;
		size_t n = 0;
		const lex_entry_t *e = lex_at(t, lx, i, t->n, &n);
		if (!e)
			continue;
		/* "buổi lễ trao học bổng": the ceremony's verb is its kind text
		 * ("lễ trao"), not the measure word */
		if ((tok_kw(t, i) == KW_buooir || tok_kw(t, i) == KW_cuoocj) && i + 1 < t->n) {
			size_t n2 = 0;
			const lex_entry_t *e2 = lex_at(t, lx, i + 1, t->n, &n2);
			if (e2 && i + 1 + n2 > i + n && e2->ncols > 1 &&
			    !strcmp(meetings_kind_enum(e2->cols[1]), "ceremony")) {
				i++;
				e = e2;
				n = n2;
			}
		}
		/* "họp phiên bế mạc": the verb before a longer kind that starts
		 * at the noun is that kind ("phiên bế mạc"), not "họp phiên" */
		if (n > 1 && tok_kw(t, i) == KW_hopj) {
			size_t n2 = 0;
			const lex_entry_t *e2 = lex_at(t, lx, i + 1, t->n, &n2);
			if (e2 && i + 1 + n2 > i + n) {
				i++;
				e = e2;
				n = n2;
			}
		}
		/* a kind written only as a name ("Đối thoại nhiều bên về APEC"):
		 * lower case, the word is a verb ("thường xuyên đối thoại") */
		if (meetings_frame_named_only(t, i, n))
			continue;
		/* "Trung tâm Hội nghị tỉnh", "Cung Hội nghị Quốc gia": a building */
		if (i >= 1 &&
		    ((tok_kw(t, i - 1) == KW_taam) || (tok_kw(t, i - 1) == KW_cung) ||
		     (tok_kw(t, i - 1) == KW_truwowngf) || (tok_kw(t, i - 1) == KW_phongf) ||
		     (tok_kw(t, i - 1) == KW_nhaf) || (tok_kw(t, i - 1) == KW_sanhr)) &&
		    (t->tok[i].flags & TF_CAP))
			continue;
		if (n == 1 && tok_kw(t, i) == KW_tieeps && !reception_verb(c, i))
			continue;
		/* bare "lễ" is a holiday ("nghỉ lễ") more often than a ceremony */
		if (n == 1 && (tok_kw(t, i) == KW_leex))
			continue;
		/* "chương trình làm việc", "ngày làm việc", "lề lối làm việc" are
		 * not working sessions */
		if ((tok_kw(t, i) == KW_lamf) && i >= 1 &&
		    ((tok_kw(t, i - 1) == KW_trinhf) || (tok_kw(t, i - 1) == KW_ngayf) ||
		     (tok_kw(t, i - 1) == KW_phieen) || (tok_kw(t, i - 1) == KW_tuaanf) ||
		     (tok_kw(t, i - 1) == KW_giowf) || (tok_kw(t, i - 1) == KW_loois) ||
		     (tok_kw(t, i - 1) == KW_truwowngf) || (tok_kw(t, i - 1) == KW_phong) ||
		     (tok_kw(t, i - 1) == KW_chees) || (tok_kw(t, i - 1) == KW_gian) ||
		     (tok_kw(t, i - 1) == KW_vieecj) || (tok_kw(t, i - 1) == KW_nowi)))
			continue;
		/* "buổi lễ của một Thánh nữ", "Đại hội Thể dục thể thao" */
		if (e->ncols > 1 &&
		    meetings_frame_not_meeting(t, i, n, meetings_kind_enum(e->cols[1]))) {
			i += n - 1;
			continue;
		}
		kmention_t *k = avec_push(c->d->ar, &c->kinds);
		if (!k)
			return -1;
		k->tok = i;
		k->ntok = n;
		k->kind = meetings_kind_enum(e->ncols > 1 ? e->cols[1] : NULL);
		k->text = e->ncols > 2 && strcmp(e->cols[2], "-") ? e->cols[2] : NULL;
		i += n - 1;
	}
	return 0;
}

/* index of the first date whose span starts at or after byte a */
static size_t date_from_key(const void *ctx, size_t i)
{
	return ((const doc_t *)ctx)->dates.v[i].span.start;
}

size_t meetings_date_from(const doc_t *d, size_t a)
{
	return doc_lower_bound(d->dates.n, a, date_from_key, d);
}

static size_t doc_from_key(const void *ctx, size_t i)
{
	return ((const doc_t *)ctx)->docs.v[i].span.start;
}

size_t meetings_doc_from(const doc_t *d, size_t a)
{
	return doc_lower_bound(d->docs.n, a, doc_from_key, d);
}

/* index of the first person mention whose phrase starts at or after token a
 * (person_mentions is sorted by ctx_start in meetings_extract) */
static size_t pm_from_key(const void *ctx, size_t i)
{
	return ((const doc_t *)ctx)->person_mentions.v[i].ctx_start;
}

size_t meetings_pm_from(const doc_t *d, size_t a)
{
	return doc_lower_bound(d->person_mentions.n, a, pm_from_key, d);
}

static size_t org_from_key(const void *ctx, size_t i)
{
	return ((const doc_t *)ctx)->org_mentions.v[i].tok_start;
}

size_t meetings_org_from(const doc_t *d, size_t a)
{
	return doc_lower_bound(d->org_mentions.n, a, org_from_key, d);
}

const date_expr_t *meetings_date_in(const mctx_t *c, size_t a, size_t b, int *idx)
{
	const doc_t *d = c->d;
	/* an event date written with its part of day ("chiều 30/3") or as a
	 * relative date wins over an anniversary in brackets ("(31/3/1975 -
	 * 31/3/2025), chiều 30/3, ...") */
	for (size_t i = meetings_date_from(d, a); i < d->dates.n && d->dates.v[i].span.start < b;
	     i++) {
		const date_expr_t *x = &d->dates.v[i];
		if (x->span.start >= a && x->span.end <= b && (x->pod || x->relative) &&
		    ((x->precision == PREC_DAY && x->day && x->month) || x->relative) &&
		    meetings_date_is_event(c, x)) {
			*idx = (int)i;
			return x;
		}
	}
	for (size_t i = meetings_date_from(d, a); i < d->dates.n && d->dates.v[i].span.start < b;
	     i++) {
		const date_expr_t *x = &d->dates.v[i];
		if (x->span.start >= a && x->span.end <= b &&
		    ((x->precision == PREC_DAY && x->day && x->month) || x->relative) &&
		    meetings_date_is_event(c, x)) {
			*idx = (int)i;
			return x;
		}
	}
	return NULL;
}

/* 1 + the index of the first token in [a, b) that is keyword w1 (followed
 * by w2 when w2 is not 0), or 0. */
int meetings_has_kw_pair(const text_t *t, size_t a, size_t b, uint16_t w1, uint16_t w2)
{
	for (size_t i = a; i < b; i++)
		if (t->tok[i].kw == w1 && (!w2 || (i + 1 < t->n && t->tok[i + 1].kw == w2)))
			return (int)i + 1;
	return 0;
}

/* "chủ trì", "họp", "khai mạc", "bế mạc", "diễn ra", "tổ chức", "tiếp",
 * or "cho ý" with "kiến": one pass, a table bit a token */
int meetings_meeting_verb(const text_t *t, size_t a, size_t b)
{
	int choy = 0, kien = 0;
	for (size_t i = a; i < b; i++) {
		uint16_t k = t->tok[i].kw;
		if (!(meetings_kw_cues[k] & (MC_VERB | MC_CHO | MC_KIEN)))
			continue;
		uint16_t k2 = i + 1 < t->n ? t->tok[i + 1].kw : 0;
		switch (k) {
		case KW_chur:
			if (k2 == KW_trif)
				return 1;
			break;
		case KW_hopj:
		case KW_tieeps:
			return 1;
		case KW_khai:
		case KW_bees:
			if (k2 == KW_macj)
				return 1;
			break;
		case KW_dieenx:
			if (k2 == KW_ra)
				return 1;
			break;
		case KW_toor:
			if (k2 == KW_chuwcs)
				return 1;
			break;
		case KW_cho:
			choy |= k2 == KW_ys;
			break;
		case KW_kieens:
			kien = 1;
			break;
		}
	}
	return choy && kien;
}

static size_t kind_from_key(const void *ctx, size_t i)
{
	return ((const mctx_t *)ctx)->kinds.v[i].tok;
}

size_t meetings_kind_from(const mctx_t *c, size_t a)
{
	return doc_lower_bound(c->kinds.n, a, kind_from_key, c);
}

/* first kind mention within tokens [a, b) that is not a citation */
const kmention_t *meetings_kind_in(const mctx_t *c, size_t a, size_t b)
{
	for (size_t i = meetings_kind_from(c, a); i < c->kinds.n && c->kinds.v[i].tok < b; i++) {
		const kmention_t *k = &c->kinds.v[i];
		if (k->tok >= a && k->tok < b && !meetings_cited_only(c, k->tok))
			return k;
	}
	return NULL;
}

/* a kind written as a bare verb ("làm việc", "họp", "gặp mặt") names the
 * meeting less well than a noun phrase ("buổi làm việc", "phiên họp") */
int meetings_weak_kind(const mctx_t *c, const kmention_t *k)
{
	const text_t *t = c->t;
	/* "họp báo", "họp mặt" are nouns of their own */
	if (tok_kw(t, k->tok) == KW_hopj)
		return k->ntok == 1;
	return (tok_kw(t, k->tok) == KW_lamf) || (tok_kw(t, k->tok) == KW_gawpj) ||
	       (tok_kw(t, k->tok) == KW_tieeps);
}

const kmention_t *meetings_strong_kind(const mctx_t *c, const kmention_t *weak, size_t a, size_t b)
{
	for (size_t i = meetings_kind_from(c, a); i < c->kinds.n && c->kinds.v[i].tok < b; i++) {
		const kmention_t *k = &c->kinds.v[i];
		if (k->tok < a || k->tok >= b || meetings_cited_only(c, k->tok) ||
		    meetings_weak_kind(c, k))
			continue;
		if (!weak || k->kind == weak->kind || (tok_kw(c->t, weak->tok) == KW_hopj))
			return k;
	}
	return NULL;
}

/* "buổi lễ": a ceremony named without its verb */
static int bare_ceremony(const text_t *t, const kmention_t *k)
{
	return !strcmp(k->kind, "ceremony") && tok_kw(t, k->tok + k->ntok - 1) == KW_leex;
}

const kmention_t *meetings_named_ceremony(const mctx_t *c, const kmention_t *k, size_t a, size_t b)
{
	if (!k || !bare_ceremony(c->t, k))
		return NULL;
	for (size_t i = meetings_kind_from(c, a); i < c->kinds.n && c->kinds.v[i].tok < b; i++) {
		const kmention_t *o = &c->kinds.v[i];
		if (o != k && o->tok >= a && !strcmp(o->kind, "ceremony") &&
		    !bare_ceremony(c->t, o) && !meetings_cited_only(c, o->tok))
			return o;
	}
	return NULL;
}

int meetings_ordinal_after(const mctx_t *c, size_t i, size_t lim, const char *kind)
{
	const text_t *t = c->t;
	if (!strcmp(kind, "ceremony"))
		return 0;
	for (size_t k = i; k < lim && k < i + 14; k++) {
		if (meetings_is_punct(t, k, '.') || meetings_is_punct(t, k, ';') ||
		    meetings_is_punct(t, k, '('))
			break;
		if (meetings_is_punct(t, k, ',') && k > i + 1)
			break;
		/* "phiên chất vấn tại kỳ họp thứ 15": the number is the kỳ họp's */
		if ((tok_kw(t, k) == KW_taij) || tok_kw2(t, k, KW_kyf, KW_hopj) ||
		    tok_kw2(t, k, KW_hooij, KW_nghij))
			break;
		if ((tok_kw(t, k) == KW_thuws) && k + 1 < lim) {
			int v = dates_parse_ordinal(t, k + 1, k + 2);
			/* weekdays are not ordinals: "thứ Tư, 5/6" */
			if (v > 0 && !(k > 0 && (tok_kw(t, k - 1) == KW_ngayf)))
				return v;
		}
		/* "Ủy ban Kiểm tra Trung ương họp kỳ 45": a number right after
		 * "họp kỳ" */
		if (k == i && k >= 2 && tok_kw(t, k - 1) == KW_kyf && tok_kw(t, k - 2) == KW_hopj &&
		    t->tok[k].kind == TK_NUM &&
		    !(k + 2 < lim && !(t->tok[k + 1].flags & TF_SPACE) &&
		      (meetings_is_punct(t, k + 1, '/') || meetings_is_punct(t, k + 1, '-')) &&
		      t->tok[k + 2].kind == TK_NUM)) {
			int v = dates_parse_ordinal(t, k, k + 1);
			if (v > 0)
				return v;
		}
		/* "Hội nghị Trung ương 5" */
		if (k == i && tok_kw2(t, k, KW_trung, KW_uwowng) && k + 2 < lim &&
		    t->tok[k + 2].kind == TK_NUM) {
			return dates_parse_ordinal(t, k + 2, k + 3);
		}
	}
	return 0;
}

int meetings_org_mention_at(const doc_t *d, size_t tok)
{
	return tok < d->tx.n ? d->org_at_tok[tok] : -1;
}

/* an organisation mention inside a person's position phrase is not a body */
int meetings_in_person_ctx(const doc_t *d, size_t tok)
{
	return tok < d->tx.n && d->pctx_tok[tok];
}

int meetings_add_unique(arena_t *ar, int_vec_t *v, int x)
{
	for (size_t i = 0; i < v->n; i++)
		if (v->v[i] == x)
			return 0;
	int *p = avec_push(ar, v);
	if (!p)
		return -1;
	*p = x;
	return 0;
}

/* person mentions (by ctx) within tokens [a, b), in text order */
void meetings_persons_in(const doc_t *d, size_t a, size_t b, int *out, size_t *n, size_t cap)
{
	*n = 0;
	for (size_t i = meetings_pm_from(d, a);
	     i < d->person_mentions.n && d->person_mentions.v[i].ctx_start < b && *n < cap; i++) {
		const person_mention_t *p = &d->person_mentions.v[i];
		if (p->tok_start >= a && p->tok_end <= b)
			out[(*n)++] = (int)i;
	}
	/* sort by position */
	for (size_t i = 1; i < *n; i++)
		for (size_t j = i; j > 0 && d->person_mentions.v[out[j - 1]].tok_start >
						d->person_mentions.v[out[j]].tok_start;
		     j--) {
			int tmp = out[j];
			out[j] = out[j - 1];
			out[j - 1] = tmp;
		}
}

/* "phiên họp", "phiên làm việc" with nothing that names the sitting */
int meetings_bare_sitting(const mctx_t *c, const kmention_t *k)
{
	const text_t *t = c->t;
	if (strcmp(k->kind, "sitting") || tok_kw(t, k->tok) != KW_phieen)
		return 0;
	return (k->ntok == 2 && tok_kw(t, k->tok + 1) == KW_hopj) ||
	       (k->ntok == 3 && tok_kw2(t, k->tok + 1, KW_lamf, KW_vieecj));
}

static const kmention_t *numbered(const mctx_t *c, size_t a, size_t b, const char *kind)
{
	for (size_t i = meetings_kind_from(c, a); i < c->kinds.n && c->kinds.v[i].tok < b; i++) {
		const kmention_t *k = &c->kinds.v[i];
		if (k->tok < a || strcmp(k->kind, kind) || meetings_cited_only(c, k->tok))
			continue;
		if (meetings_ordinal_after(c, k->tok + k->ntok, c->t->n, k->kind))
			return k;
	}
	return NULL;
}

/* the first "kỳ họp thứ N" of tokens [a, b) that is not a citation */
const kmention_t *meetings_numbered_session(const mctx_t *c, size_t a, size_t b)
{
	return numbered(c, a, b, "session");
}

/* 1 when tokens [a, b) name a numbered sitting ("Phiên họp thứ 10") */
int meetings_numbered_sitting(const mctx_t *c, size_t a, size_t b)
{
	return numbered(c, a, b, "sitting") != NULL;
}
