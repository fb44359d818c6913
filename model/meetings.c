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
#include <utf8proc.h>

#include "extract.h"
#include "lex.h"

typedef struct kmention {
	size_t tok, ntok;
	const char *kind;
} kmention_t;

typedef struct mctx {
	doc_t *d;
	const tokens_t *t;
	VEC(kmention_t) kinds;
	int *person_at; /* person mention index whose name starts at token */
} mctx_t;

static const char *kind_enum(const char *v)
{
	static const char *ok[] = {"conference", "session", "sitting", "congress", "working_session",
				   "seminar", "ceremony", "meeting", NULL};
	for (int i = 0; ok[i]; i++)
		if (v && !strcmp(v, ok[i]))
			return ok[i];
	return "meeting";
}

static int is_punct(const tokens_t *t, size_t i, char ch)
{
	return i < t->n && t->v[i].kind == OTK_PUNCT && t->v[i].klen == 1 && t->keys[t->v[i].key] == ch;
}

static int tok_is2(const tokens_t *t, size_t i, const char *a, const char *b)
{
	return tok_is(t, i, a) && tok_is(t, i + 1, b);
}

static char *lower_dup(const char *s, size_t n)
{
	utf8proc_uint8_t *o = NULL;
	utf8proc_ssize_t r = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &o,
					  UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD);
	if (r < 0)
		return strndup(s, n);
	/* collapse internal whitespace */
	char *w = (char *)o;
	for (char *p = (char *)o; *p; p++) {
		if (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r') {
			if (w > (char *)o && w[-1] != ' ')
				*w++ = ' ';
		} else {
			*w++ = *p;
		}
	}
	*w = '\0';
	return (char *)o;
}

/* sentence bounds in tokens */
static void sent_tokens(const doc_t *d, size_t s, size_t *a, size_t *b)
{
	*a = d->sent_tok.v[s];
	*b = s + 1 < d->sent_tok.n ? d->sent_tok.v[s + 1] : d->toks.n;
	/* tokens past the sentence's end (captions, bylines between) */
	while (*b > *a && d->toks.v[*b - 1].end > d->art.sentences.v[s].end)
		(*b)--;
}

/* A kind mention that only cites another meeting: "Nghị quyết Hội nghị
 * Trung ương 4", "Kết luận Hội nghị", "tinh thần Đại hội". */
static int cited_only(const mctx_t *c, size_t i)
{
	const tokens_t *t = c->t;
	for (size_t k = i >= 3 ? i - 3 : 0; k < i; k++)
		if (tok_is2(t, k, "nghị", "quyết") || tok_is2(t, k, "kết", "luận") ||
		    tok_is2(t, k, "tinh", "thần") || tok_is2(t, k, "văn", "kiện") ||
		    tok_is2(t, k, "chỉ", "thị"))
			return 1;
	return 0;
}

static int collect_kinds(mctx_t *c)
{
	const lex_t *lx = lex_get("meeting_kinds");
	const tokens_t *t = c->t;
	for (size_t i = 0; i < t->n; i++) {
		size_t n = 0;
		const olex_entry_t *e = lex_longest(lx, t, i, t->n, &n);
		if (!e)
			continue;
		/* "Trung tâm Hội nghị tỉnh", "Cung Hội nghị Quốc gia": a building */
		if (i >= 1 && (tok_is(t, i - 1, "tâm") || tok_is(t, i - 1, "cung") ||
			       tok_is(t, i - 1, "trường") || tok_is(t, i - 1, "phòng") ||
			       tok_is(t, i - 1, "nhà") || tok_is(t, i - 1, "sảnh")) &&
		    (t->v[i].flags & OTF_CAP))
			continue;
		/* bare "lễ" is a holiday ("nghỉ lễ") more often than a ceremony */
		if (n == 1 && tok_is(t, i, "lễ"))
			continue;
		/* "chương trình làm việc", "ngày làm việc", "lề lối làm việc" are
		 * not working sessions */
		if (tok_is(t, i, "làm") && i >= 1 &&
		    (tok_is(t, i - 1, "trình") || tok_is(t, i - 1, "ngày") || tok_is(t, i - 1, "phiên") ||
		     tok_is(t, i - 1, "tuần") || tok_is(t, i - 1, "giờ") || tok_is(t, i - 1, "lối") ||
		     tok_is(t, i - 1, "trường") || tok_is(t, i - 1, "phong") || tok_is(t, i - 1, "chế") ||
		     tok_is(t, i - 1, "gian") || tok_is(t, i - 1, "việc") || tok_is(t, i - 1, "nơi")))
			continue;
		kmention_t *k = vec_push(&c->kinds);
		if (!k)
			return -1;
		k->tok = i;
		k->ntok = n;
		k->kind = kind_enum(e->ncols > 1 ? e->cols[1] : NULL);
		i += n - 1;
	}
	return 0;
}

/* index of the first date whose span starts at or after byte a */
static size_t date_from_key(const void *ctx, size_t i)
{
	return ((const doc_t *)ctx)->dates.v[i].span.start;
}

static size_t date_from(const doc_t *d, size_t a)
{
	return lower_bound(d->dates.n, a, date_from_key, d);
}

static size_t doc_from_key(const void *ctx, size_t i)
{
	return ((const doc_t *)ctx)->docs.v[i].span.start;
}

static size_t doc_from(const doc_t *d, size_t a)
{
	return lower_bound(d->docs.n, a, doc_from_key, d);
}

/* index of the first person mention whose phrase starts at or after token a
 * (person_mentions is sorted by ctx_start in meetings_extract) */
static size_t pm_from_key(const void *ctx, size_t i)
{
	return ((const doc_t *)ctx)->person_mentions.v[i].ctx_start;
}

static size_t pm_from(const doc_t *d, size_t a)
{
	return lower_bound(d->person_mentions.n, a, pm_from_key, d);
}

static size_t org_from_key(const void *ctx, size_t i)
{
	return ((const doc_t *)ctx)->org_mentions.v[i].tok_start;
}

static size_t org_from(const doc_t *d, size_t a)
{
	return lower_bound(d->org_mentions.n, a, org_from_key, d);
}

static const date_expr_t *date_in(const doc_t *d, size_t a, size_t b, int *idx)
{
	/* an event date written with its part of day ("chiều 30/3") or as a
	 * relative date wins over an anniversary in brackets ("(31/3/1975 -
	 * 31/3/2025), chiều 30/3, ...") */
	for (size_t i = date_from(d, a); i < d->dates.n && d->dates.v[i].span.start < b; i++) {
		const date_expr_t *x = &d->dates.v[i];
		if (x->span.start >= a && x->span.end <= b && (x->pod || x->relative) &&
		    ((x->precision == PREC_DAY && x->day && x->month) || x->relative)) {
			*idx = (int)i;
			return x;
		}
	}
	for (size_t i = date_from(d, a); i < d->dates.n && d->dates.v[i].span.start < b; i++) {
		const date_expr_t *x = &d->dates.v[i];
		if (x->span.start >= a && x->span.end <= b &&
		    ((x->precision == PREC_DAY && x->day && x->month) || x->relative)) {
			*idx = (int)i;
			return x;
		}
	}
	return NULL;
}

static int has_word_pair(const tokens_t *t, size_t a, size_t b, const char *w1, const char *w2)
{
	for (size_t i = a; i < b; i++)
		if (w2 ? tok_is2(t, i, w1, w2) : tok_is(t, i, w1))
			return (int)i + 1;
	return 0;
}

static int meeting_verb(const tokens_t *t, size_t a, size_t b)
{
	return has_word_pair(t, a, b, "chủ", "trì") ||
	       has_word_pair(t, a, b, "họp", NULL) || has_word_pair(t, a, b, "khai", "mạc") ||
	       has_word_pair(t, a, b, "bế", "mạc") || has_word_pair(t, a, b, "diễn", "ra") ||
	       has_word_pair(t, a, b, "tổ", "chức") || has_word_pair(t, a, b, "tiếp", NULL) ||
	       (has_word_pair(t, a, b, "cho", "ý") && has_word_pair(t, a, b, "kiến", NULL));
}

static size_t kind_from_key(const void *ctx, size_t i)
{
	return ((const mctx_t *)ctx)->kinds.v[i].tok;
}

static size_t kind_from(const mctx_t *c, size_t a)
{
	return lower_bound(c->kinds.n, a, kind_from_key, c);
}

/* first kind mention within tokens [a, b) that is not a citation */
static const kmention_t *kind_in(const mctx_t *c, size_t a, size_t b)
{
	for (size_t i = kind_from(c, a); i < c->kinds.n && c->kinds.v[i].tok < b; i++) {
		const kmention_t *k = &c->kinds.v[i];
		if (k->tok >= a && k->tok < b && !cited_only(c, k->tok))
			return k;
	}
	return NULL;
}

/* a kind written as a bare verb ("làm việc", "họp", "gặp mặt") names the
 * meeting less well than a noun phrase ("buổi làm việc", "phiên họp") */
static int weak_kind(const mctx_t *c, const kmention_t *k)
{
	const tokens_t *t = c->t;
	return tok_is(t, k->tok, "làm") || tok_is(t, k->tok, "họp") || tok_is(t, k->tok, "gặp") ||
	       tok_is(t, k->tok, "tiếp");
}

static const kmention_t *strong_kind(const mctx_t *c, const kmention_t *weak, size_t a, size_t b)
{
	for (size_t i = kind_from(c, a); i < c->kinds.n && c->kinds.v[i].tok < b; i++) {
		const kmention_t *k = &c->kinds.v[i];
		if (k->tok < a || k->tok >= b || cited_only(c, k->tok) || weak_kind(c, k))
			continue;
		if (!weak || k->kind == weak->kind || tok_is(c->t, weak->tok, "họp"))
			return k;
	}
	return NULL;
}

static int ordinal_after(const mctx_t *c, size_t i, size_t lim, const char *kind)
{
	const tokens_t *t = c->t;
	if (!strcmp(kind, "ceremony"))
		return 0;
	for (size_t k = i; k < lim && k < i + 14; k++) {
		if (is_punct(t, k, '.') || is_punct(t, k, ';') || is_punct(t, k, '('))
			break;
		if (is_punct(t, k, ',') && k > i + 1)
			break;
		/* "phiên chất vấn tại kỳ họp thứ 15": the number is the kỳ họp's */
		if (tok_is(t, k, "tại") || tok_is2(t, k, "kỳ", "họp") || tok_is2(t, k, "hội", "nghị"))
			break;
		if (tok_is(t, k, "thứ") && k + 1 < lim) {
			const token_t *x = &t->v[k + 1];
			int v = dates_parse_ordinal(&c->d->tx, text_tok_at(&c->d->tx, x->start),
						    text_tok_at(&c->d->tx, x->end));
			/* weekdays are not ordinals: "thứ Tư, 5/6" */
			if (v > 0 && !(k > 0 && tok_is(t, k - 1, "ngày")))
				return v;
		}
		/* "Hội nghị Trung ương 5" */
		if (k == i && tok_is2(t, k, "trung", "ương") && k + 2 < lim &&
		    t->v[k + 2].kind == OTK_NUM) {
			const token_t *x = &t->v[k + 2];
			return dates_parse_ordinal(&c->d->tx, text_tok_at(&c->d->tx, x->start),
						   text_tok_at(&c->d->tx, x->end));
		}
	}
	return 0;
}

static int org_mention_at(const doc_t *d, size_t tok)
{
	return tok < d->toks.n ? d->org_at_tok[tok] : -1;
}

/* an organisation mention inside a person's position phrase is not a body */
static int in_person_ctx(const doc_t *d, size_t tok)
{
	return tok < d->toks.n && d->pctx_tok[tok];
}

/* token after an organisation mention and what may follow it before the
 * verb: its term ("khóa XVIII") and a bracketed place ("(Nghệ An)") */
static size_t skip_org_tail(const doc_t *d, const org_mention_t *o, size_t sb)
{
	const tokens_t *t = &d->toks;
	size_t e = o->tok_end;
	if (!span_is_empty(o->term))
		while (e < sb && t->v[e].start < o->term.end)
			e++;
	if (e < sb && is_punct(t, e, ',') && (tok_is(t, e + 1, "khóa") || tok_is(t, e + 1, "khoá")))
		e += 3;
	if (e < sb && is_punct(t, e, '(')) {
		size_t q = e + 1;
		while (q < sb && q < e + 10 && !is_punct(t, q, ')'))
			q++;
		if (q < sb && is_punct(t, q, ')'))
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

static void find_subject_body(mctx_t *c, meeting_t *m, const kmention_t *k, size_t sa, size_t sb);

static void find_body(mctx_t *c, meeting_t *m, const kmention_t *k, size_t sa, size_t sb)
{
	const doc_t *d = c->d;
	const tokens_t *t = c->t;
	m->body_org = -1;
	/* a working session reported with a body as subject ("UBND tỉnh đã có
	 * buổi làm việc với Công an TP") is that body's; with a person as
	 * subject it is the counterpart's ("... làm việc với Ban Thường vụ") */
	if (k && k->kind == kind_enum("working_session")) {
		find_subject_body(c, m, k, sa, sb);
		if (m->body_org >= 0)
			return;
	}
	if (k) {
		/* after the kind: "hội nghị lần thứ 53 của Ban Thường vụ Tỉnh ủy",
		 * "kỳ họp thứ 4, HĐND tỉnh khóa IX", "Hội nghị BCH Trung ương Đoàn" */
		size_t q = k->tok + k->ntok;
		for (size_t s = q; s < sb && s < q + 10; s++) {
			if (is_punct(t, s, '.') || is_punct(t, s, ';'))
				break;
			int om = org_mention_at(d, s);
			if (om >= 0 && !in_person_ctx(d, s)) {
				int prev_ok = s == q || tok_is(t, s - 1, "của") || is_punct(t, s - 1, ',') ||
					      tok_is(t, s - 1, "thứ") || t->v[s - 1].kind == OTK_NUM ||
					      (t->v[s - 1].flags & OTF_ROMAN) || tok_is(t, s - 1, "với") ||
					      tok_is2(t, s - 2, "đại", "biểu");
				if (prev_ok) {
					set_body(m, d, om);
					return;
				}
				break;
			}
			if (t->v[s].kind == OTK_WORD && !(t->v[s].flags & (OTF_CAP | OTF_UPPER)) &&
			    !tok_is(t, s, "lần") && !tok_is(t, s, "thứ") && !tok_is(t, s, "của") &&
			    !tok_is(t, s, "giao") && !tok_is(t, s, "ban") && !tok_is(t, s, "toàn") &&
			    !tok_is(t, s, "thể") && !tok_is(t, s, "thường") && !tok_is(t, s, "kỳ") &&
			    !tok_is(t, s, "trực") && !tok_is(t, s, "tuyến") && !tok_is(t, s, "mở") &&
			    !tok_is(t, s, "rộng") && !tok_is(t, s, "với") && !tok_is(t, s, "đại") &&
			    !tok_is(t, s, "biểu"))
				break;
		}
	}
	/* working session: "... làm việc với Ban Thường vụ Tỉnh ủy" */
	int lv = has_word_pair(t, sa, sb, "làm", "việc");
	if (lv) {
		size_t s = (size_t)lv + 1;
		if (tok_is(t, s, "với")) {
			int om = org_mention_at(d, s + 1);
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
	const tokens_t *t = c->t;
	size_t lim = k ? k->tok : sb;
	for (size_t i = org_from(d, sa); i < d->org_mentions.n && d->org_mentions.v[i].tok_start < lim;
	     i++) {
		const org_mention_t *o = &d->org_mentions.v[i];
		if (o->tok_start < sa || o->tok_end > lim)
			continue;
		if (in_person_ctx(d, o->tok_start))
			continue;
		/* "tại Trung tâm Hội nghị tỉnh, Hội Nông dân tỉnh tổ chức": a venue */
		int venue = 0;
		for (size_t q = o->tok_start; q > sa && !is_punct(t, q - 1, ','); q--)
			if (tok_is(t, q - 1, "tại")) {
				venue = 1;
				break;
			}
		if (venue)
			continue;
		size_t e = skip_org_tail(d, o, sb);
		span_t joint = o->span;
		/* "X phối hợp với Y tổ chức": X convenes; "X và Y tổ chức": both,
		 * recorded as written */
		if (tok_is2(t, e, "phối", "hợp") && tok_is(t, e + 2, "với")) {
			int o2 = org_mention_at(d, e + 3);
			if (o2 >= 0)
				e = skip_org_tail(d, &d->org_mentions.v[o2], sb);
		} else {
			/* "Tỉnh ủy, HĐND, UBND, UBMTTQ Việt Nam tỉnh đã tổ chức",
			 * "Thành ủy - HĐND - UBND thành phố": one joint convener */
			while (e + 1 < sb && (tok_is(t, e, "và") || is_punct(t, e, ',') ||
					      is_punct(t, e, '-'))) {
				int o2 = org_mention_at(d, e + 1);
				if (o2 < 0)
					break;
				joint.end = d->org_mentions.v[o2].span.end;
				e = skip_org_tail(d, &d->org_mentions.v[o2], sb);
			}
			if (joint.end > o->span.end && o->tok_start > sa &&
			    tok_is(t, o->tok_start - 1, "trực") && o->tok_start >= 2 &&
			    tok_is(t, o->tok_start - 2, "thường"))
				joint.start = t->v[o->tok_start - 2].start;
		}
		if (e < sb && tok_is(t, e, "đã"))
			e++;
		if (e < sb && (tok_is(t, e, "họp") || tok_is2(t, e, "tổ", "chức") ||
			       tok_is2(t, e, "tiến", "hành") || tok_is2(t, e, "khai", "mạc") ||
			       tok_is2(t, e, "bế", "mạc") || tok_is2(t, e, "cho", "ý") ||
			       tok_is2(t, e, "thảo", "luận") || tok_is2(t, e, "xem", "xét") ||
			       tok_is(t, e, "nghe") || (k && e + 1 == k->tok && tok_is(t, e, "có")) ||
			       (k && e == k->tok && tok_is2(t, e, "làm", "việc")))) {
			set_body(m, d, (int)i);
			m->body_span = joint;
			return;
		}
	}
}

static int loc_stop(const tokens_t *t, size_t e)
{
	static const char *const w[] = {"và", "về", "đã", "diễn", "có", "của", "ra", "để", "nhằm",
					"với", "cho", "tổ", "chủ", "họp", "tiến", "khai", "được",
					"dưới", "sáng", "chiều", "tối", "ngày", "trong", "từ", "vào",
					"lúc", "nhân", "khi", "sau", "trước", "nhằm", "theo", NULL};
	for (int i = 0; w[i]; i++)
		if (tok_is(t, e, w[i]))
			return 1;
	return 0;
}

static void find_location(mctx_t *c, meeting_t *m, size_t sa, size_t sb)
{
	const tokens_t *t = c->t;
	const lex_t *pl = lex_get("places"), *loc = lex_get("localities");
	for (size_t i = sa; i + 1 < sb; i++) {
		if (!tok_is(t, i, "tại"))
			continue;
		size_t k = i + 1, n = 0;
		/* "tại trụ sở UBND tỉnh", "tại hội trường ...": venue nouns */
		int venue = tok_is2(t, k, "trụ", "sở") || tok_is2(t, k, "hội", "trường") ||
			    tok_is2(t, k, "nhà", "văn") || tok_is2(t, k, "phòng", "họp") ||
			    tok_is2(t, k, "trung", "tâm");
		if (!venue && !(t->v[k].flags & (OTF_CAP | OTF_UPPER)) && !lex_longest(loc, t, k, sb, &n))
			continue;
		/* "tại Hội nghị" is the meeting itself */
		size_t kq = kind_from(c, k);
		if (kq < c->kinds.n && c->kinds.v[kq].tok == k)
			continue;
		size_t e = venue ? k + 2 : k;
		while (e < sb) {
			const token_t *x = &t->v[e];
			if (x->kind == OTK_PUNCT) {
				if (is_punct(t, e, '.') && e + 1 < sb && !(t->v[e + 1].flags & OTF_SPACE)) {
					e++; /* "Q.2", "TP.HCM" */
					continue;
				}
				if (is_punct(t, e, ',') && e + 1 < sb &&
				    lex_longest(pl, t, e + 1, sb, &n) &&
				    (e + 1 + n >= sb || is_punct(t, e + 1 + n, ',') ||
				     is_punct(t, e + 1 + n, '.'))) {
					e += 1 + n; /* "Mộc Châu, Sơn La" */
					continue;
				}
				if (is_punct(t, e, '-') && !(x->flags & OTF_SPACE)) {
					e++;
					continue;
				}
				break;
			}
			if (x->kind == OTK_WORD && !(x->flags & (OTF_CAP | OTF_UPPER)) &&
			    !lex_longest(loc, t, e, e + 1, &n)) {
				/* lower-case syllables inside the name: "Trung tâm Hội
				 * nghị tỉnh", "Nhà văn hóa xã", "Trụ sở Chính phủ" */
				size_t q = e;
				while (q < sb && q < e + 2 && t->v[q].kind == OTK_WORD &&
				       !(t->v[q].flags & (OTF_CAP | OTF_UPPER)) && !loc_stop(t, q) &&
				       !lex_longest(loc, t, q, q + 1, &n))
					q++;
				if (q == e)
					break;
				if (q < sb && ((t->v[q].flags & (OTF_CAP | OTF_UPPER)) ||
					       lex_longest(loc, t, q, q + 1, &n))) {
					e = q;
					continue;
				}
				if (q >= sb || t->v[q].kind == OTK_PUNCT || loc_stop(t, q)) {
					e = q;
					continue;
				}
				break;
			}
			e++;
		}
		if (e > k) {
			m->location = span_make(t->v[k].start, t->v[e - 1].end);
			return;
		}
	}
}

static int add_unique(int_vec_t *v, int x)
{
	for (size_t i = 0; i < v->n; i++)
		if (v->v[i] == x)
			return 0;
	int *p = vec_push(v);
	if (!p)
		return -1;
	*p = x;
	return 0;
}

/* person mentions (by ctx) within tokens [a, b), in text order */
static void persons_in(const doc_t *d, size_t a, size_t b, int *out, size_t *n, size_t cap)
{
	*n = 0;
	for (size_t i = pm_from(d, a);
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

static int find_chairs(mctx_t *c, meeting_t *m, size_t sa, size_t sb)
{
	const doc_t *d = c->d;
	const tokens_t *t = c->t;
	int pm[64];
	size_t np;
	persons_in(d, sa, sb, pm, &np, 64);
	for (size_t i = sa; i < sb; i++) {
		int chair_verb = tok_is2(t, i, "chủ", "trì") || tok_is2(t, i, "chủ", "tọa") ||
				 (tok_is2(t, i, "điều", "hành") && !tok_is2(t, i + 2, "điểm", "cầu"));
		if (!chair_verb)
			continue;
		/* "dưới sự chủ trì của X (và Y)" / "do X chủ trì" */
		if (i >= 2 && tok_is(t, i - 1, "sự")) {
			for (size_t q = 0; q < np; q++) {
				const person_mention_t *p = &d->person_mentions.v[pm[q]];
				if (p->ctx_start > i && p->ctx_start <= i + 12) {
					if (add_unique(&m->chairs, p->person))
						return -1;
					/* coordinated: "và đồng chí Y" */
					size_t e = p->ctx_end;
					for (size_t r = q + 1; r < np; r++) {
						const person_mention_t *p2 = &d->person_mentions.v[pm[r]];
						if (p2->ctx_start <= e + 3 &&
						    (tok_is(t, e, "và") || is_punct(t, e, ';') ||
						     is_punct(t, e, ','))) {
							add_unique(&m->chairs, p2->person);
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
				if (p->ctx_end <= i && !has_word_pair(t, p->ctx_end, i, "và", NULL)) {
					int verbish = 0;
					for (size_t r = p->ctx_end; r < i; r++)
						if (is_punct(t, r, '.') || is_punct(t, r, ';'))
							verbish = 1;
					if (!verbish && i - p->ctx_end <= 6)
						best = (int)q;
				}
			}
		}
		if (best >= 0) {
			const person_mention_t *p = &d->person_mentions.v[pm[best]];
			if (add_unique(&m->chairs, p->person))
				return -1;
			/* "X và Y đồng chủ trì" / "X và Y chủ trì" */
			for (int q = best - 1; q >= 0; q--) {
				const person_mention_t *p0 = &d->person_mentions.v[pm[q]];
				const person_mention_t *p1 = &d->person_mentions.v[pm[q + 1]];
				if (p0->ctx_end <= p1->ctx_start && p1->ctx_start - p0->ctx_end <= 1 &&
				    (tok_is(t, p0->ctx_end, "và") || is_punct(t, p0->ctx_end, ',') ||
				     is_punct(t, p0->ctx_end, ';'))) {
					add_unique(&m->chairs, p0->person);
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
		int lv = tok_is2(t, i, "làm", "việc") && tok_is(t, i + 2, "với");
		int lead = tok_is2(t, i, "dẫn", "đầu") ||
			   (tok_is(t, i, "làm") && tok_is2(t, i + 1, "trưởng", "đoàn"));
		int tiep = tok_is(t, i, "tiếp") && i + 1 < sb && !tok_is(t, i + 1, "tục") &&
			   !tok_is(t, i + 1, "thu") && !tok_is(t, i + 1, "cận") && !tok_is(t, i + 1, "theo");
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
			if (add_unique(&m->chairs, p->person))
				return -1;
			return 0;
		}
	}
	return 0;
}

static int find_attendees(mctx_t *c, meeting_t *m, size_t sa, size_t sb)
{
	const doc_t *d = c->d;
	const tokens_t *t = c->t;
	/* "X điều hành điểm cầu tỉnh ...": runs one bridge point of an online
	 * meeting, so attends it */
	int bp = has_word_pair(t, sa, sb, "điểm", "cầu");
	if (bp && bp >= 3 && tok_is2(t, (size_t)bp - 3, "điều", "hành")) {
		size_t v = (size_t)bp - 3;
		for (size_t q = pm_from(d, sa);
		     q < d->person_mentions.n && d->person_mentions.v[q].ctx_start < v; q++) {
			const person_mention_t *p = &d->person_mentions.v[q];
			if (p->ctx_end <= v && v - p->ctx_end <= 2 && !p->is_title_only) {
				int is_chair = 0;
				for (size_t k = 0; k < m->chairs.n; k++)
					is_chair |= m->chairs.v[k] == p->person;
				if (!is_chair && add_unique(&m->attendees, p->person))
					return -1;
			}
		}
	}
	size_t trig = 0;
	int found = 0;
	for (size_t i = sa; i < sb; i++) {
		if (tok_is(t, i, "dự") || tok_is2(t, i, "tham", "dự") || tok_is2(t, i, "cùng", "đi") ||
		    (i == sa && tok_is2(t, i, "về", "phía")) ||
		    (i == sa && tok_is2(t, i, "ngoài", "ra")) ||
		    (tok_is(t, i, "có") && tok_is2(t, i + 1, "sự", "tham"))) {
			trig = i;
			found = 1;
			break;
		}
	}
	if (!found)
		return 0;
	int pm[128];
	size_t np;
	persons_in(d, sa, sb, pm, &np, 128);
	for (size_t q = 0; q < np; q++) {
		const person_mention_t *p = &d->person_mentions.v[pm[q]];
		if (p->tok_start < trig || p->is_title_only)
			continue;
		int is_chair = 0;
		for (size_t k = 0; k < m->chairs.n; k++)
			if (m->chairs.v[k] == p->person)
				is_chair = 1;
		if (!is_chair && add_unique(&m->attendees, p->person))
			return -1;
	}
	return 0;
}

/* presenter phrase: an organisation mention or a person at token k, with a
 * leading "đại diện"/"lãnh đạo" kept */
static int presenter_at(mctx_t *c, agenda_item_t *a, size_t k, size_t lim)
{
	const doc_t *d = c->d;
	const tokens_t *t = c->t;
	size_t s = k;
	while (s < lim && (tok_is2(t, s, "đại", "diện") || tok_is2(t, s, "lãnh", "đạo") ||
			   tok_is(t, s, "các") || tok_is2(t, s, "đồng", "chí")))
		s += tok_is(t, s, "các") ? 1 : 2;
	int om = org_mention_at(d, s);
	if (om >= 0 && !in_person_ctx(d, s)) {
		const org_mention_t *o = &d->org_mentions.v[om];
		size_t e = o->tok_end;
		span_t sp = o->span;
		/* "Ban Phong trào Ủy ban Trung ương MTTQ Việt Nam": a department
		 * named with its parent body right after it */
		int om2;
		for (;;) {
			/* "Ban Phong trào Ủy ban Trung ương MTTQ Việt Nam": a
			 * department named with its parent body; "Sở Tài chính và
			 * Sở Kế hoạch và Đầu tư": a coordinated list stays one */
			size_t e2 = tok_is(t, e, "và") ? e + 1 : e;
			om2 = org_mention_at(d, e2);
			if (om2 < 0 || (t->v[e2].flags & OTF_NL))
				break;
			sp.end = d->org_mentions.v[om2].span.end;
			e = d->org_mentions.v[om2].tok_end;
		}
		a->has_presenter = 1;
		a->presenter.name = strndup(d->text + t->v[k].start, sp.end - t->v[k].start);
		a->presenter.org = o->org;
		a->presenter.person = -1;
		return (int)e;
	}
	/* a noun phrase ending in a body: "các ban của HĐND tỉnh", "các tiểu
	 * ban thuộc Ban Chỉ đạo của tỉnh" */
	for (size_t q = s; q < lim && q < s + 6; q++) {
		const token_t *x = &t->v[q];
		if (x->kind != OTK_WORD || (x->flags & (OTF_CAP | OTF_UPPER)))
			break;
		int o2 = org_mention_at(d, q + 1);
		if (o2 >= 0 && (tok_is(t, q, "của") || tok_is(t, q, "thuộc")) && q > s &&
		    !in_person_ctx(d, q + 1)) {
			const org_mention_t *o = &d->org_mentions.v[o2];
			a->has_presenter = 1;
			a->presenter.name = strndup(d->text + t->v[k].start, o->span.end - t->v[k].start);
			a->presenter.org = o->org;
			a->presenter.person = -1;
			return (int)o->tok_end;
		}
	}
	for (size_t i = pm_from(d, k);
	     i < d->person_mentions.n && d->person_mentions.v[i].ctx_start <= s + 1; i++) {
		const person_mention_t *p = &d->person_mentions.v[i];
		if (p->ctx_start >= k && p->ctx_start <= s + 1 && !p->is_title_only) {
			a->has_presenter = 1;
			a->presenter.name = strdup(d->people.v[p->person].name);
			a->presenter.org = -1;
			a->presenter.person = p->person;
			return (int)p->ctx_end;
		}
	}
	return -1;
}

static int push_presenter(mctx_t *c, meeting_t *m, int person, int om, const char *action,
			  size_t sa, size_t sb)
{
	const doc_t *d = c->d;
	for (size_t j = 0; j < m->agenda.n; j++) {
		const agenda_item_t *x = &m->agenda.v[j];
		if ((person >= 0 && x->presenter.person == person) ||
		    (om >= 0 && x->presenter.org == d->org_mentions.v[om].org &&
		     x->mention.start <= c->t->v[sa].start && x->mention.end >= c->t->v[sb - 1].end))
			return 0;
	}
	agenda_item_t a = {0};
	a.conclusion_speaker = -1;
	a.has_presenter = 1;
	a.presenter.person = person;
	a.presenter.org = -1;
	if (person >= 0) {
		a.presenter.name = strdup(d->people.v[person].name);
	} else {
		a.presenter.name = span_dup(d, d->org_mentions.v[om].span);
		a.presenter.org = d->org_mentions.v[om].org;
	}
	a.action = strdup(action);
	a.mention = span_make(c->t->v[sa].start, c->t->v[sb - 1].end);
	a.rule = "agenda.presenter_list";
	agenda_item_t *slot = vec_push(&m->agenda);
	if (!slot) {
		free(a.presenter.name);
		free(a.action);
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
static int find_presenter_lists(mctx_t *c, meeting_t *m, size_t sa, size_t sb)
{
	const doc_t *d = c->d;
	const tokens_t *t = c->t;
	int pm[64];
	size_t np;
	persons_in(d, sa, sb, pm, &np, 64);
	for (size_t i = sa; i < sb; i++) {
		if (!tok_is(t, i, "nghe"))
			continue;
		size_t v = i + 1;
		while (v < sb && !tok_is2(t, v, "trình", "bày") && !tok_is2(t, v, "báo", "cáo") &&
		       !tok_is(t, v, "đọc") && !is_punct(t, v, '.') && !is_punct(t, v, ';'))
			v++;
		if (v >= sb || is_punct(t, v, '.') || is_punct(t, v, ';'))
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
			    push_presenter(c, m, p->person, -1, "trình bày", sa, sb))
				return -1;
		}
	}
	/* sentence-initial report or verification clause, then the speaker */
	if (tok_is2(t, sa, "báo", "cáo") || tok_is2(t, sa, "thẩm", "tra") ||
	    (tok_is(t, sa, "theo") && tok_is2(t, sa + 1, "báo", "cáo") &&
	     !tok_is(t, sa + 3, "của"))) {
		size_t k = sa;
		while (k < sb && !is_punct(t, k, ','))
			k++;
		k++;
		while (k < sb && (tok_is2(t, k, "đại", "diện") || tok_is2(t, k, "lãnh", "đạo")))
			k += 2;
		if (k < sb) {
			for (size_t q = 0; q < np; q++) {
				const person_mention_t *p = &d->person_mentions.v[pm[q]];
				if (p->ctx_start == k && !p->is_title_only)
					return push_presenter(c, m, p->person, -1, "báo cáo", sa, sb);
			}
			int om = org_mention_at(d, k);
			if (om >= 0)
				return push_presenter(c, m, -1, om, "báo cáo", sa, sb);
		}
	}
	/* "do X trình bày" */
	for (size_t i = sa; i < sb; i++) {
		if (!tok_is(t, i, "do"))
			continue;
		size_t k = i + 1;
		for (size_t q = 0; q < np; q++) {
			const person_mention_t *p = &d->person_mentions.v[pm[q]];
			if (p->ctx_start >= k && p->ctx_start <= k + 2 && !p->is_title_only &&
			    (tok_is2(t, p->ctx_end, "trình", "bày") ||
			     tok_is2(t, p->ctx_end, "báo", "cáo") ||
			     (is_punct(t, p->ctx_end, ',') && tok_is2(t, p->ctx_end + 1, "trình", "bày"))))
				if (push_presenter(c, m, p->person, -1, "trình bày", sa, sb))
					return -1;
		}
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
	const tokens_t *t = c->t;
	size_t cs = v;
	while (cs > sa && !is_punct(t, cs - 1, ';') && !is_punct(t, cs - 1, ':'))
		cs--;
	int bestp = -1;
	for (size_t q = pm_from(d, cs); q < d->person_mentions.n && d->person_mentions.v[q].ctx_start < v;
	     q++) {
		const person_mention_t *p = &d->person_mentions.v[q];
		if (p->ctx_start >= cs && p->ctx_end <= v && v - p->ctx_end <= 12 && !p->is_title_only &&
		    (bestp < 0 || p->ctx_start > d->person_mentions.v[bestp].ctx_start))
			bestp = (int)q;
	}
	if (bestp < 0)
		return -1;
	size_t e = d->person_mentions.v[bestp].ctx_end;
	if (e < v && (!is_punct(t, e, ',') || has_word_pair(t, e, v, "và", NULL) ||
		      has_word_pair(t, e, v, "cho", "biết")))
		return -1;
	return bestp;
}

static int find_agenda(mctx_t *c, meeting_t *m, size_t sa, size_t sb, size_t sent)
{
	const doc_t *d = c->d;
	const tokens_t *t = c->t;
	for (size_t i = sa; i < sb; i++) {
		agenda_item_t a = {0};
		a.conclusion_speaker = -1;
		a.presenter.org = a.presenter.person = -1;
		int end = -1;
		const char *action = "báo cáo";
		/* "nghe X báo cáo/trình bày ..." */
		if (tok_is(t, i, "nghe")) {
			end = presenter_at(c, &a, i + 1, sb);
			if (end >= 0 && !(tok_is2(t, (size_t)end, "báo", "cáo") ||
					  tok_is2(t, (size_t)end, "trình", "bày") ||
					  tok_is(t, (size_t)end, "trình") ||
					  tok_is2(t, (size_t)end, "thông", "qua") ||
					  tok_is(t, (size_t)end, "đọc") ||
					  tok_is2(t, (size_t)end, "truyền", "đạt"))) {
				free(a.presenter.name);
				continue;
			}
			if (end >= 0 && tok_is(t, (size_t)end, "trình"))
				action = "trình";
		} else if ((tok_is2(t, i, "báo", "cáo") || tok_is2(t, i, "tờ", "trình")) &&
			   tok_is(t, i + 2, "của")) {
			/* "Theo báo cáo của X", "báo cáo của X" */
			end = presenter_at(c, &a, i + 3, sb);
			if (tok_is2(t, i, "tờ", "trình"))
				action = "trình";
		} else if (tok_is2(t, i, "trình", "bày") &&
			   (tok_is2(t, i + 2, "tờ", "trình") || tok_is2(t, i + 2, "báo", "cáo") ||
			    tok_is2(t, i + 2, "tham", "luận") || tok_is2(t, i + 2, "đề", "án") ||
			    tok_is2(t, i + 2, "dự", "thảo"))) {
			/* "X trình bày tờ trình ...": X is the person right before */
			int cp = clause_person(c, sa, i);
			for (size_t q = pm_from(d, sa); q < d->person_mentions.n && d->person_mentions.v[q].ctx_start < sb;
			     q++) {
				const person_mention_t *p = &d->person_mentions.v[q];
				if (cp >= 0 ? (int)q == cp
					    : (p->ctx_end <= i && i - p->ctx_end <= 1 && !p->is_title_only)) {
					a.has_presenter = 1;
					a.presenter.name = strdup(d->people.v[p->person].name);
					a.presenter.person = p->person;
					end = (int)i;
					break;
				}
			}
			if (!a.has_presenter) {
				for (size_t q = org_from(d, sa); q < d->org_mentions.n && d->org_mentions.v[q].tok_start < sb;
			     q++) {
					const org_mention_t *o = &d->org_mentions.v[q];
					if (o->tok_end == i && !in_person_ctx(d, o->tok_start) &&
					    (o->tok_start == sa || !tok_is(t, o->tok_start - 1, "của"))) {
						a.has_presenter = 1;
						a.presenter.name = span_dup(d, o->span);
						a.presenter.org = o->org;
						end = (int)i;
						break;
					}
				}
			}
			action = "trình";
		} else if ((tok_is2(t, i, "báo", "cáo") && !tok_is(t, i + 2, "của")) ||
			   ((tok_is2(t, i, "quán", "triệt") || tok_is2(t, i, "truyền", "đạt") ||
			     tok_is2(t, i, "triển", "khai")) &&
			    (has_word_pair(t, i + 2, sb, "nội", "dung") ||
			     has_word_pair(t, i + 2, sb, "chuyên", "đề") ||
			     has_word_pair(t, i + 2, sb, "nghị", "quyết") ||
			     has_word_pair(t, i + 2, sb, "quyết", "định") ||
			     has_word_pair(t, i + 2, sb, "chỉ", "thị") ||
			     has_word_pair(t, i + 2, sb, "kết", "luận")) &&
			    i > sa && !is_punct(t, i - 1, ',') && !tok_is(t, i - 1, "và")) ||
			   (tok_is(t, i, "trình") && i > sa && tok_is(t, i - 2, "do"))) {
			/* "Phó Bí thư Tỉnh ủy X báo cáo với Đoàn ...", "UBND tỉnh báo
			 * cáo ...", "... do đồng chí X trình" */
			size_t v = i;
			if (v > sa && tok_is(t, v - 1, "đã"))
				v--;
			/* the clause's last person, when the verb follows its
			 * position phrase ("ThS X, Phó Giám đốc Trung tâm Giám sát,
			 * điều hành đô thị thông minh trình bày"), or its
			 * affiliation ("TS X, Trường Đại học Y trình bày") */
			size_t cs = i;
			while (cs > sa && !is_punct(t, cs - 1, ';') && !is_punct(t, cs - 1, ':'))
				cs--;
			int bestp = -1;
			for (size_t q = pm_from(d, sa); q < d->person_mentions.n && d->person_mentions.v[q].ctx_start < sb;
			     q++) {
				const person_mention_t *p = &d->person_mentions.v[q];
				if (p->ctx_start >= cs && p->ctx_end <= v && v - p->ctx_end <= 12 &&
				    !p->is_title_only &&
				    (bestp < 0 ||
				     p->ctx_start > d->person_mentions.v[bestp].ctx_start))
					bestp = (int)q;
			}
			if (bestp >= 0 && d->person_mentions.v[bestp].ctx_end < v &&
			    !is_punct(t, d->person_mentions.v[bestp].ctx_end, ','))
				bestp = -1;
			if (bestp >= 0 && d->person_mentions.v[bestp].ctx_end < v &&
			    (has_word_pair(t, d->person_mentions.v[bestp].ctx_end, v, "và", NULL) ||
			     has_word_pair(t, d->person_mentions.v[bestp].ctx_end, v, "cho", "biết")))
				bestp = -1;
			for (size_t q = pm_from(d, sa); q < d->person_mentions.n && d->person_mentions.v[q].ctx_start < sb;
			     q++) {
				const person_mention_t *p = &d->person_mentions.v[q];
				if ((bestp >= 0 ? (int)q == bestp : p->ctx_end == v) && !p->is_title_only) {
					a.has_presenter = 1;
					a.presenter.name = strdup(d->people.v[p->person].name);
					a.presenter.person = p->person;
					a.presenter.org = -1;
					end = (int)i;
					break;
				}
			}
			if (!a.has_presenter)
				for (size_t q = org_from(d, sa); q < d->org_mentions.n && d->org_mentions.v[q].tok_start < sb;
			     q++) {
					const org_mention_t *o = &d->org_mentions.v[q];
					if (o->tok_end == v && !in_person_ctx(d, o->tok_start) &&
					    o->tok_start > sa && !tok_is(t, o->tok_start - 1, "với") &&
					    !tok_is(t, o->tok_start - 1, "của")) {
						a.has_presenter = 1;
						a.presenter.name = span_dup(d, o->span);
						a.presenter.org = o->org;
						end = (int)i;
						break;
					}
				}
			/* "lãnh đạo Q.9 báo cáo", "đại diện phường X báo cáo" */
			if (!a.has_presenter) {
				for (size_t q = v >= 6 ? v - 6 : sa; q + 1 < v && q >= sa; q++) {
					if (!(tok_is2(t, q, "lãnh", "đạo") || tok_is2(t, q, "đại", "diện")))
						continue;
					int ok = q + 2 < v;
					for (size_t r = q + 2; r < v && ok; r++) {
						size_t ln = 0;
						ok = (t->v[r].flags & (OTF_CAP | OTF_UPPER)) ||
						     t->v[r].kind == OTK_NUM || is_punct(t, r, '.') ||
						     lex_longest(lex_get("localities"), t, r, r + 1, &ln);
					}
					if (ok) {
						a.has_presenter = 1;
						a.presenter.name = strndup(d->text + t->v[q].start,
									   t->v[v - 1].end - t->v[q].start);
						end = (int)i;
						break;
					}
				}
			}
			/* "phần báo cáo kết quả ... của UBND tỉnh Đồng Nai" */
			if (!a.has_presenter && i > sa &&
			    (tok_is(t, i - 1, "phần") || tok_is(t, i - 1, "nghe"))) {
				for (size_t q = i + 2; q + 1 < sb && q < i + 40; q++) {
					if (is_punct(t, q, ';') || is_punct(t, q, '.'))
						break;
					int o2 = tok_is(t, q, "của") ? org_mention_at(d, q + 1) : -1;
					if (o2 < 0 || in_person_ctx(d, q + 1))
						continue;
					size_t oe = d->org_mentions.v[o2].tok_end;
					if (oe >= sb || is_punct(t, oe, '.') || is_punct(t, oe, ';')) {
						a.has_presenter = 1;
						a.presenter.name = span_dup(d, d->org_mentions.v[o2].span);
						a.presenter.org = d->org_mentions.v[o2].org;
						end = (int)i;
					}
					break;
				}
			}
			if (tok_is(t, i, "trình"))
				action = "trình";
		} else {
			continue;
		}
		if (end < 0 || !a.has_presenter) {
			free(a.presenter.name);
			continue;
		}
		a.action = strdup(action);
		/* subject: from after the verb to the end of the sentence */
		size_t s = (size_t)end;
		if (tok_is2(t, s, "báo", "cáo") || tok_is2(t, s, "trình", "bày") ||
		    tok_is2(t, s, "thông", "qua") || tok_is2(t, s, "truyền", "đạt"))
			s += 2;
		else if (tok_is(t, s, "trình"))
			s += 1;
		if (s < sb && t->v[s].kind != OTK_PUNCT) {
			size_t e = s;
			while (e < sb && !is_punct(t, e, ';') && !(is_punct(t, e, '.') &&
								     (e + 1 >= sb || (t->v[e + 1].flags & OTF_SPACE))))
				e++;
			if (e > s)
				a.subject = span_make(t->v[s].start, t->v[e - 1].end);
		}
		for (size_t q = doc_from(d, a.subject.start);
		     q < d->docs.n && d->docs.v[q].span.start < a.subject.end; q++)
			if (!span_is_empty(a.subject) && d->docs.v[q].span.start >= a.subject.start &&
			    d->docs.v[q].span.start < a.subject.end) {
				int *p = vec_push(&a.docs);
				if (p)
					*p = (int)q;
			}
		a.mention = span_make(t->v[i].start, t->v[sb - 1].end);
		a.rule = "agenda.presenter";
		(void)sent;
		int dup = 0;
		for (size_t q = 0; q < m->agenda.n && !dup; q++)
			dup = m->agenda.v[q].presenter.name && a.presenter.name &&
			      !strcmp(m->agenda.v[q].presenter.name, a.presenter.name) &&
			      m->agenda.v[q].mention.start == a.mention.start;
		if (dup) {
			free(a.presenter.name);
			free(a.action);
			free(a.docs.v);
			continue;
		}
		agenda_item_t *slot = vec_push(&m->agenda);
		if (!slot) {
			free(a.presenter.name);
			free(a.action);
			free(a.docs.v);
			return -1;
		}
		*slot = a;
		/* more items may follow in the same sentence ("Tờ trình của A
		 * ...; Tờ trình của B ...") */
		if (end > (int)i)
			i = (size_t)end;
	}
	return 0;
}

/* decision ("Cơ bản thống nhất với dự thảo kế hoạch") and conclusion (the
 * chair's "phát biểu kết luận" paragraph) for the last agenda item */
static void find_decision(mctx_t *c, meeting_t *m, size_t sa, size_t sb)
{
	const tokens_t *t = c->t;
	if (!m->agenda.n)
		return;
	agenda_item_t *a = &m->agenda.v[m->agenda.n - 1];
	for (size_t i = sa; i < sb; i++) {
		if ((tok_is2(t, i, "thống", "nhất") && (i == sa || tok_is(t, i - 1, "bản") ||
						       tok_is2(t, i + 2, "thông", "qua"))) ||
		    (tok_is2(t, i, "biểu", "quyết") && tok_is2(t, i + 2, "thông", "qua"))) {
			size_t s = i >= sa + 2 && tok_is2(t, i - 2, "cơ", "bản") ? i - 2 : i;
			size_t e = i;
			while (e < sb && !is_punct(t, e, ',') && !is_punct(t, e, '.') &&
			       !is_punct(t, e, ';'))
				e++;
			if (span_is_empty(a->decision) && e > s)
				a->decision = span_make(t->v[s].start, t->v[e - 1].end);
		}
		if (tok_is2(t, i, "kết", "luận") &&
		    ((i >= sa + 2 && tok_is2(t, i - 2, "phát", "biểu")) ||
		     (i == sa && ((kind_from(c, i + 2) < c->kinds.n &&
				   c->kinds.v[kind_from(c, i + 2)].tok == i + 2) ||
				  is_punct(t, i + 2, ',')))) &&
		    span_is_empty(a->conclusion)) {
			/* the whole paragraph of the conclusion */
			for (size_t p = 0; p < c->d->art.paragraphs.n; p++) {
				span_t ps = c->d->art.paragraphs.v[p];
				if (ps.start <= t->v[i].start && t->v[i].start < ps.end)
					a->conclusion = ps;
			}
			/* the speaker: the person named in the sentence, else the chair */
			const doc_t *d = c->d;
			for (size_t q = pm_from(d, sa);
			     q < d->person_mentions.n && d->person_mentions.v[q].ctx_start < sb; q++)
				if (d->person_mentions.v[q].tok_start >= sa) {
					a->conclusion_speaker = d->person_mentions.v[q].person;
					break;
				}
			if (a->conclusion_speaker < 0 && m->chairs.n)
				a->conclusion_speaker = m->chairs.v[0];
		}
	}
}

/* Tasks: "giao X ...", "yêu cầu X ...", "đề nghị X ...", and a body as the
 * subject of "tiếp thu ..., hoàn thiện ... để trình ...". */
static int find_tasks(mctx_t *c, meeting_t *m, size_t sa, size_t sb)
{
	const doc_t *d = c->d;
	const tokens_t *t = c->t;
	for (size_t i = sa; i < sb; i++) {
		int directive = tok_is(t, i, "giao") || tok_is2(t, i, "yêu", "cầu") ||
				tok_is2(t, i, "đề", "nghị") || tok_is2(t, i, "chỉ", "đạo");
		size_t who = 0;
		if (directive) {
			who = i + (tok_is(t, i, "giao") ? 1 : 2);
			if (tok_is(t, who, "cho"))
				who++;
		} else if (i == sa && org_mention_at(d, i) >= 0 && !in_person_ctx(d, i)) {
			const org_mention_t *o = &d->org_mentions.v[org_mention_at(d, i)];
			size_t e = o->tok_end;
			if (e < sb && (tok_is2(t, e, "tiếp", "thu") || tok_is2(t, e, "chủ", "trì") ||
				       tok_is2(t, e, "hoàn", "thiện") || tok_is2(t, e, "khẩn", "trương") ||
				       tok_is2(t, e, "có", "trách")))
				who = i;
			else
				continue;
		} else {
			continue;
		}
		task_t tk = {0};
		tk.assignee.org = tk.assignee.person = -1;
		size_t ae = who;
		while (ae < sb && (tok_is(t, ae, "các") || tok_is2(t, ae, "đồng", "chí")))
			ae += tok_is(t, ae, "các") ? 1 : 2;
		int om = org_mention_at(d, ae);
		if (om >= 0) {
			const org_mention_t *o = &d->org_mentions.v[om];
			tk.has_assignee = 1;
			tk.assignee.name = span_dup(d, o->span);
			tk.assignee.org = o->org;
			ae = o->tok_end;
		} else {
			for (size_t q = pm_from(d, sa); q < d->person_mentions.n && d->person_mentions.v[q].ctx_start < sb;
			     q++) {
				const person_mention_t *p = &d->person_mentions.v[q];
				if (p->ctx_start == ae || p->ctx_start == who) {
					tk.has_assignee = 1;
					tk.assignee.name = strdup(d->people.v[p->person].name);
					tk.assignee.person = p->person;
					ae = p->ctx_end;
					break;
				}
			}
		}
		if (!tk.has_assignee)
			continue;
		/* skip "cần", "phải" */
		while (ae < sb && (tok_is(t, ae, "cần") || tok_is(t, ae, "phải") || is_punct(t, ae, ',')))
			ae++;
		if (tok_is2(t, ae, "chủ", "trì"))
			tk.responsibility = 1;
		else if (tok_is2(t, ae, "phối", "hợp"))
			tk.responsibility = 2;
		size_t as = ae, e = ae;
		size_t del = 0, dl = 0;
		while (e < sb && !is_punct(t, e, ';') &&
		       !(is_punct(t, e, '.') && (e + 1 >= sb || (t->v[e + 1].flags & OTF_SPACE)))) {
			if (!del && (tok_is2(t, e, "để", "trình") ||
				     ((tok_is(t, e, "trình") || tok_is2(t, e, "báo", "cáo")) && e > as &&
				      is_punct(t, e - 1, ','))))
				del = e;
			if (!dl && ((tok_is(t, e, "trước") && (tok_is(t, e + 1, "ngày") ||
							       t->v[e + 1].kind == OTK_NUM)) ||
				    (tok_is(t, e, "trong") && (tok_is(t, e + 1, "quý") ||
							       tok_is(t, e + 1, "tháng") ||
							       tok_is2(t, e + 1, "năm", NULL)))))
				dl = e;
			e++;
		}
		size_t action_end = del ? del : (dl ? dl : e);
		while (action_end > as && is_punct(t, action_end - 1, ','))
			action_end--;
		if (action_end > as)
			tk.action = span_make(t->v[as].start, t->v[action_end - 1].end);
		if (del) {
			size_t ds = tok_is(t, del, "để") ? del + 1 : del;
			size_t de = dl > del ? dl : e;
			while (de > ds && is_punct(t, de - 1, ','))
				de--;
			if (de > ds)
				tk.deliverable = span_make(t->v[ds].start, t->v[de - 1].end);
		}
		if (dl) {
			size_t de = dl + 1;
			while (de < e && !is_punct(t, de, ',') && !is_punct(t, de, ';') && de < dl + 8)
				de++;
			tk.deadline = span_make(t->v[dl].start, t->v[de - 1].end);
			for (size_t q = date_from(d, tk.deadline.start);
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
		tk.mention = span_make(t->v[i].start, t->v[(e > i ? e : i + 1) - 1].end);
		tk.rule = directive ? "task.directive" : "task.subject";
		task_t *slot = vec_push(&m->tasks);
		if (!slot) {
			free(tk.assignee.name);
			return -1;
		}
		*slot = tk;
		i = e;
	}
	return 0;
}

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

/* A year stated in the meeting's own name: "phiên họp thường kỳ tháng 6 năm
 * 2017", "hội nghị ... năm 2017". Planning clauses ("6 tháng cuối năm 2017")
 * do not date the meeting. */
static int year_in_name(mctx_t *c, const kmention_t *k, size_t sb)
{
	const doc_t *d = c->d;
	const tokens_t *t = c->t;
	if (!k)
		return 0;
	size_t a = k->tok, b = k->tok + k->ntok + 16;
	if (b > sb)
		b = sb;
	for (size_t i = date_from(d, t->v[a].start);
	     i < d->dates.n && d->dates.v[i].span.start <= t->v[b - 1].end; i++) {
		const date_expr_t *x = &d->dates.v[i];
		if (!x->year || x->span.start < t->v[a].start || x->span.start > t->v[b - 1].end)
			continue;
		size_t ti = doc_tok_at(d, x->span.start);
		int planning = 0;
		for (size_t q = ti >= 3 ? ti - 3 : 0; q < ti + 3 && q < t->n; q++)
			if (tok_is(t, q, "cuối") || tok_is(t, q, "tới") || tok_is2(t, q, "năm", "học"))
				planning = 1;
		int comma = 0;
		for (size_t q = a; q < ti; q++)
			if (is_punct(t, q, ',') || is_punct(t, q, ';') || is_punct(t, q, '.'))
				comma = 1;
		/* a name with two years reviews one and plans the next ("kiểm điểm
		 * ... năm 2016, triển khai nhiệm vụ năm 2017"): it dates nothing */
		for (size_t j = date_from(d, t->v[a].start);
		     j < d->dates.n && d->dates.v[j].span.start <= t->v[b - 1].end + 200; j++) {
			const date_expr_t *y = &d->dates.v[j];
			if (j != i && y->year && y->year != x->year && y->span.start >= t->v[a].start &&
			    y->span.start <= t->v[b - 1].end + 200)
				planning = 1;
		}
		if (!planning && !comma)
			return x->year;
	}
	return 0;
}

static int build_meeting(mctx_t *c, size_t sent, int di, const kmention_t *k, size_t region_end,
			 int prev_y, int prev_m, int prev_d)
{
	doc_t *d = c->d;
	const tokens_t *t = c->t;
	meeting_t *m = vec_push(&d->meetings);
	if (!m)
		return -1;
	m->sent = sent;
	m->body_org = -1;
	m->date_idx = -1;
	m->rule = "meeting.dated_sentence";
	size_t sa, sb;
	sent_tokens(d, sent, &sa, &sb);
	if (!k || weak_kind(c, k)) {
		/* a noun phrase for the meeting: later in its region, else the title */
		const kmention_t *st = strong_kind(c, k, sa, region_end);
		if (!st && d->art.has_title && d->toks.n)
			st = strong_kind(c, k, 0, doc_tok_at(d, d->art.title.end));
		if (st)
			k = st;
	}
	if (k) {
		span_t ks = span_make(t->v[k->tok].start, t->v[k->tok + k->ntok - 1].end);
		m->kind = k->kind;
		m->kind_text = lower_dup(d->text + ks.start, ks.end - ks.start);
		span_t *ms = vec_push(&m->mentions);
		if (ms)
			*ms = ks;
		m->ordinal = ordinal_after(c, k->tok + k->ntok, t->n, k->kind);
	} else {
		m->kind = "working_session";
		m->kind_text = strdup("làm việc");
	}
	resolve_date(c, m, di, prev_y, prev_m, prev_d);
	if (!m->year && m->month) {
		int y = year_in_name(c, k, k && k->tok >= sb ? t->n : sb);
		if (y)
			m->year = y;
	}
	if (m->year && m->month && !dates_valid(m->year, m->month, m->day))
		m->year = 0;
	if (m->year_inferred && m->year)
		warn(d, "year_inferred", "the meeting's year was taken from the publication date",
		     di >= 0 ? d->dates.v[di].span : span_make(0, 0), di >= 0);
	/* region: the anchor sentence to the next anchor */
	size_t ra = sa;
	size_t rb = region_end;
	size_t kb = k ? k->tok + k->ntok : sb;
	size_t kind_sent_end = sb;
	if (k && k->tok >= sb) {
		long ks = doc_sentence_of(d, t->v[k->tok].start);
		if (ks >= 0) {
			size_t a2, b2;
			sent_tokens(d, (size_t)ks, &a2, &b2);
			kind_sent_end = b2;
		}
	}
	find_body(c, m, k, k && k->tok >= sb ? k->tok : sa, k && k->tok >= sb ? kind_sent_end : sb);
	if (m->body_org < 0 && k && k->tok >= sb)
		find_body(c, m, NULL, sa, sb);
	/* other mentions of the same meeting in its region: "Toàn cảnh kỳ họp
	 * thứ 15 của Ủy ban Kiểm tra Trung ương" */
	for (size_t q = kind_from(c, sa);
	     q < c->kinds.n && c->kinds.v[q].tok < region_end && k && (m->body_org < 0 || !m->ordinal);
	     q++) {
		const kmention_t *o = &c->kinds.v[q];
		if (o == k || o->tok < sa || o->tok >= region_end || o->kind != k->kind ||
		    cited_only(c, o->tok))
			continue;
		if (!m->ordinal)
			m->ordinal = ordinal_after(c, o->tok + o->ntok, t->n, o->kind);
		if (m->body_org < 0) {
			long os = doc_sentence_of(d, t->v[o->tok].start);
			size_t a2 = o->tok, b2 = t->n;
			if (os >= 0)
				sent_tokens(d, (size_t)os, &a2, &b2);
			meeting_t tmp = *m;
			find_body(c, &tmp, o, o->tok, b2);
			/* only the "kind ... của BODY" reading counts here */
			size_t bt = tmp.body_org >= 0 ? doc_tok_at(d, tmp.body_span.start) : 0;
			if (tmp.body_org >= 0 && tmp.body_span.start > t->v[o->tok].start && bt > 0 &&
			    tok_is(t, bt - 1, "của")) {
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
			int cited = tok_is(t, tt, "giai");
			if (tt >= 3 && is_punct(t, tt - 1, '('))
				for (size_t q = tt - 2; q + 6 > tt && q > 0; q--)
					if (tok_is2(t, q, "nghị", "quyết") || tok_is2(t, q, "trung", "ương") ||
					    tok_is2(t, q, "chỉ", "thị") || tok_is2(t, q, "kết", "luận"))
						cited = 1;
			if (cited)
				continue;
			if (te->span.start >= t->v[k->tok].start && te->span.end <= t->v[sb - 1].end &&
			    te->span.start - t->v[k->tok].start < 200) {
				m->term = te->span;
				break;
			}
		}
	}
	find_location(c, m, sa, sb);
	if (span_is_empty(m->location) && k && k->tok >= sb)
		find_location(c, m, k->tok, kind_sent_end);
	/* format */
	if (has_word_pair(t, sa, sb, "trực", "tuyến"))
		m->format = has_word_pair(t, sa, sb, "trực", "tiếp") ? "hybrid" : "online";
	/* chairs: the anchor sentence, then the next few sentences and captions */
	size_t s_end = d->art.sentences.n;
	for (size_t s = sent; s < s_end && !m->chairs.n; s++) {
		size_t a, b;
		sent_tokens(d, s, &a, &b);
		if (a >= rb && s > sent)
			break;
		if (find_chairs(c, m, a, b))
			return -1;
		if (s > sent + 4)
			break;
	}
	/* captions naming the chair ("Đồng chí X chủ trì hội nghị") */
	if (!m->chairs.n && d->meetings.n == 1) {
		for (size_t s = 0; s < sent && !m->chairs.n; s++) {
			size_t a, b;
			sent_tokens(d, s, &a, &b);
			if (find_chairs(c, m, a, b))
				return -1;
		}
	}
	for (size_t s = sent; s < d->art.sentences.n; s++) {
		size_t a, b;
		sent_tokens(d, s, &a, &b);
		if (a >= rb)
			break;
		if (find_attendees(c, m, a, b) || find_agenda(c, m, a, b, s) ||
		    find_presenter_lists(c, m, a, b) || find_tasks(c, m, a, b))
			return -1;
		find_decision(c, m, a, b);
	}
	(void)ra;
	/* name: "Hội nghị lần thứ 53 của Ban Thường vụ Tỉnh ủy" */
	if (k && m->body_org >= 0 && m->body_span.start > t->v[k->tok].start &&
	    m->body_span.start - t->v[k->tok].start < 160) {
		m->name = span_make(t->v[k->tok].start, m->body_span.end);
		span_t *ms = vec_push(&m->mentions);
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
	size_t n = d->toks.n + 1;
	d->org_at_tok = malloc(n * sizeof *d->org_at_tok);
	d->pctx_tok = calloc(n, 1);
	if (!d->org_at_tok || !d->pctx_tok)
		return -1;
	for (size_t i = 0; i < n; i++)
		d->org_at_tok[i] = -1;
	for (size_t i = 0; i < d->org_mentions.n; i++)
		if (d->org_at_tok[d->org_mentions.v[i].tok_start] < 0)
			d->org_at_tok[d->org_mentions.v[i].tok_start] = (int)i;
	if (d->person_mentions.n)
		qsort(d->person_mentions.v, d->person_mentions.n, sizeof *d->person_mentions.v, pm_cmp);
	for (size_t i = 0; i < d->person_mentions.n; i++) {
		const person_mention_t *p = &d->person_mentions.v[i];
		for (size_t k = p->ctx_start; k < p->ctx_end && k < d->toks.n; k++)
			d->pctx_tok[k] = 1;
	}
	return 0;
}

/* more meetings than this in one text is not a report but a list or an
 * attack; the rest is skipped with a warning */
#define MAX_MEETINGS 100

int meetings_extract(doc_t *d)
{
	mctx_t c = {.d = d, .t = &d->toks};
	if (build_indexes(d))
		return -1;
	if (collect_kinds(&c)) {
		free(c.kinds.v);
		return -1;
	}
	size_t ns = d->art.sentences.n;
	/* anchors */
	VEC(size_t) anchors = {0};
	VEC(int) anchor_dates = {0};
	VEC(const kmention_t *) anchor_kinds = {0};
	int rc = 0;
	for (size_t s = 0; s < ns; s++) {
		size_t a, b;
		sent_tokens(d, s, &a, &b);
		if (a >= b)
			continue;
		/* the title is not an anchor */
		if (d->art.has_title && d->art.sentences.v[s].start < d->art.title.end)
			continue;
		int di = -1;
		const date_expr_t *x = date_in(d, d->toks.v[a].start, d->toks.v[b - 1].end, &di);
		if (!x)
			continue;
		const kmention_t *k = kind_in(&c, a, b);
		int verb = meeting_verb(&d->toks, a, b);
		if (!k && !verb)
			continue;
		size_t dtok = doc_tok_at(d, x->span.start);
		/* "Sáng 26.1, ...", "Chiều cùng ngày, ...", or a capitalised date
		 * after a heading run into the body without a full stop ("... để
		 * nhân rộng Chiều 7.2, ...") */
		int opens = dtok <= a + 2 ||
			    (dtok > a && dtok < d->toks.n && (d->toks.v[dtok].flags & OTF_CAP) &&
			     d->toks.v[dtok - 1].kind == OTK_WORD &&
			     !(d->toks.v[dtok - 1].flags & (OTF_CAP | OTF_UPPER)));
		if (anchors.n == 0) {
			/* the first reported meeting: a date and a meeting word or
			 * verb in the same sentence */
			if (!k) {
				/* the kind noun may come in the next sentences or title */
				for (size_t s2 = s + 1; s2 < ns && s2 < s + 4 && !k; s2++) {
					size_t a2, b2;
					sent_tokens(d, s2, &a2, &b2);
					k = kind_in(&c, a2, b2);
				}
				if (!k && !(has_word_pair(&d->toks, a, b, "họp", NULL) ||
					    has_word_pair(&d->toks, a, b, "chủ", "trì")))
					continue;
			}
		} else {
			/* further meetings: a sentence that opens with its own date
			 * and names a meeting or a working verb, on another date or
			 * "cùng ngày" */
			if (!opens)
				continue;
			if (!k && !has_word_pair(&d->toks, a, b, "làm", "việc"))
				continue;
			if (!has_word_pair(&d->toks, a, b, "chủ", "trì") &&
			    !has_word_pair(&d->toks, a, b, "làm", "việc") &&
			    !has_word_pair(&d->toks, a, b, "họp", NULL) &&
			    !has_word_pair(&d->toks, a, b, "diễn", "ra") &&
			    !has_word_pair(&d->toks, a, b, "tổ", "chức"))
				continue;
			const date_expr_t *px = &d->dates.v[anchor_dates.v[anchor_dates.n - 1]];
			if (x->relative != REL_SAME_DAY && px->day == x->day && px->month == x->month &&
			    px->pod == x->pod && !has_word_pair(&d->toks, a, b, "chủ", "trì"))
				continue;
		}
		if (anchors.n >= MAX_MEETINGS) {
			warn(d, "too_many_meetings", "only the first 100 meetings are reported",
			     span_make(0, 0), 0);
			break;
		}
		size_t *pa = vec_push(&anchors);
		int *pd = vec_push(&anchor_dates);
		const kmention_t **pk = vec_push(&anchor_kinds);
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
		sent_tokens(d, s, &a, &b);
		if (a >= b || (d->art.has_title && d->art.sentences.v[s].start < d->art.title.end))
			continue;
		const kmention_t *k = kind_in(&c, a, b);
		if (!k || weak_kind(&c, k))
			continue;
		if (!has_word_pair(&d->toks, a, b, "chủ", "trì") &&
		    !has_word_pair(&d->toks, a, b, "khai", "mạc") &&
		    !has_word_pair(&d->toks, a, b, "bế", "mạc") &&
		    !has_word_pair(&d->toks, a, b, "diễn", "ra") &&
		    !has_word_pair(&d->toks, a, b, "tổ", "chức"))
			continue;
		/* "sẽ tổ chức", "dự kiến": a meeting announced, not reported */
		if (has_word_pair(&d->toks, a, b, "sẽ", NULL) ||
		    has_word_pair(&d->toks, a, b, "dự", "kiến") ||
		    has_word_pair(&d->toks, a, b, "chuẩn", "bị"))
			continue;
		size_t *pa = vec_push(&anchors);
		int *pd = vec_push(&anchor_dates);
		const kmention_t **pk = vec_push(&anchor_kinds);
		if (!pa || !pd || !pk) {
			rc = -1;
			goto out;
		}
		*pa = s, *pd = -1, *pk = k;
	}
	int py = 0, pmo = 0, pda = 0;
	for (size_t i = 0; i < anchors.n; i++) {
		size_t region_end = i + 1 < anchors.n ? d->sent_tok.v[anchors.v[i + 1]] : d->toks.n;
		if (build_meeting(&c, anchors.v[i], anchor_dates.v[i], anchor_kinds.v[i], region_end,
				  py, pmo, pda)) {
			rc = -1;
			goto out;
		}
		const meeting_t *m = &d->meetings.v[d->meetings.n - 1];
		if (m->month)
			py = m->year, pmo = m->month, pda = m->day;
	}
	if (!d->meetings.n)
		warn(d, "no_meeting_found", "the article reports no meeting", span_make(0, 0), 0);
out:
	free(anchors.v);
	free(anchor_dates.v);
	free(anchor_kinds.v);
	free(c.kinds.v);
	return rc;
}
