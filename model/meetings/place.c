/* A meeting's place: "tại Hội trường Tỉnh ủy", "tại trụ sở UBND tỉnh",
 * "cuộc họp báo ở Seoul", "tại Quảng trường X, thành phố Y, tỉnh Z".
 *
 * The place follows "tại" (or "ở" right after the meeting's noun or its
 * verb of happening) in the anchor sentence; when the anchor names none, a
 * later sentence of the meeting's region that names the meeting again
 * ("Tiếp tục Kỳ họp thứ 3, ... các đại biểu làm việc tại Hội trường")
 * gives it. A "tại" inside a body's or a person's name ("Tổng Lãnh sự quán
 * Việt Nam tại Osaka", "Đại sứ Nga tại Washington") or after another event
 * named between the meeting and it ("... các hội nghị APEC diễn ra tại
 * Nha Trang") is not the meeting's place. Venue nouns written in lower case
 * ("sân vận động", "trụ sở") are the "venue" class of meeting_frame.tsv. */
#include "model/meetings/meetings_internal.h"

static int loc_stop(const text_t *t, size_t e)
{
	return e < t->n && lex_starts(t, LEX_CUE_LOC_STOP, e);
}

static int is_cap(const text_t *t, size_t i)
{
	return i < t->n && t->tok[i].kind == TK_WORD && (t->tok[i].flags & (TF_CAP | TF_UPPER));
}

/* the venue noun at token i ("hội trường", "sân vận động"), its length */
static size_t venue_at(const text_t *t, size_t i, size_t lim)
{
	size_t n = 0;
	return (meetings_frame_classes(t, i, lim, &n) & MEETINGS_FRB(FR_VENUE)) ? n : 0;
}

/* 1 when token i lies inside an organisation's name that starts before it
 * ("Tổng Lãnh sự quán Việt Nam tại Osaka") or in a person's position */
static int inside_name(const doc_t *d, size_t i)
{
	if (meetings_in_person_ctx(d, i))
		return 1;
	/* "Đại sứ quán Việt Nam tại", "phóng viên TTXVN tại": an office or a
	 * person posted abroad, the country's name between */
	const text_t *t = &d->tx;
	for (size_t p = i >= 8 ? i - 8 : 0; p < i; p++) {
		size_t n = 0;
		if (!(meetings_frame_classes(t, p, i, &n) & MEETINGS_FRB(FR_POSTED)))
			continue;
		size_t q = p + n;
		while (q < i && is_cap(t, q))
			q++;
		/* "Đại sứ nước này tại" */
		if (q == i || i - (p + n) <= 2)
			return 1;
	}
	for (size_t j = i >= 10 ? i - 10 : 0; j < i; j++) {
		int o = meetings_org_mention_at(d, j);
		if (o >= 0 && d->org_mentions.v[o].tok_end > i)
			return 1;
	}
	return 0;
}

/* "chuyến thăm và làm việc tại Nhật Bản": a trip's place, not a meeting's */
static int after_trip(const text_t *t, size_t i)
{
	for (size_t p = i >= 6 ? i - 6 : 0; p < i; p++)
		if (meetings_frame_classes(t, p, i, NULL) & MEETINGS_FRB(FR_TRIP))
			return 1;
	return 0;
}

/* the verb of happening ending right before token i: "tổ chức ở",
 * "diễn ra ở", "khai mạc ở", "họp ở" */
static int after_happening(const text_t *t, size_t i)
{
	return i >= 1 &&
	       ((tok_kw(t, i - 1) == KW_hopj) ||
		(i >= 2 &&
		 (tok_kw2(t, i - 2, KW_toor, KW_chuwcs) || tok_kw2(t, i - 2, KW_dieenx, KW_ra) ||
		  tok_kw2(t, i - 2, KW_khai, KW_macj) || tok_kw2(t, i - 2, KW_lamf, KW_vieecj))));
}

/* the end of a place name starting at token k (exclusive), k when none */
static size_t place_end(const text_t *t, size_t k, size_t sb)
{
	const int pl = LEX_PLACES, loc = LEX_LOCALITIES;
	size_t n = 0, vn = venue_at(t, k, sb);
	size_t e = k + vn;
	while (e < sb) {
		const tok_t *x = &t->tok[e];
		if (x->kind == TK_PUNCT) {
			if (meetings_is_punct(t, e, '.') && e + 1 < sb &&
			    !(t->tok[e + 1].flags & TF_SPACE)) {
				e++; /* "Q.2", "TP.HCM" */
				continue;
			}
			if (meetings_is_punct(t, e, ',') && e + 1 < sb &&
			    lex_at(t, pl, e + 1, sb, &n) &&
			    (e + 1 + n >= sb || meetings_is_punct(t, e + 1 + n, ',') ||
			     meetings_is_punct(t, e + 1 + n, '.'))) {
				e += 1 + n; /* "Mộc Châu, Sơn La" */
				continue;
			}
			/* ", thành phố Thái Nguyên, tỉnh Thái Nguyên": an address */
			if (meetings_is_punct(t, e, ',') && e + 2 < sb &&
			    lex_at(t, loc, e + 1, sb, &n) && is_cap(t, e + 1 + n)) {
				size_t q = e + 1 + n;
				while (q < sb && is_cap(t, q))
					q++;
				if (q >= sb || meetings_is_punct(t, q, ',') ||
				    meetings_is_punct(t, q, '.')) {
					e = q;
					continue;
				}
			}
			if (meetings_is_punct(t, e, '-') && !(x->flags & TF_SPACE)) {
				e++;
				continue;
			}
			break;
		}
		if (x->kind == TK_WORD && !(x->flags & (TF_CAP | TF_UPPER)) &&
		    !lex_at(t, loc, e, e + 1, &n)) {
			/* lower-case syllables inside the name: "Trung tâm Hội
			 * nghị tỉnh", "Nhà văn hóa xã", "Trụ sở Chính phủ" */
			size_t q = e;
			while (q < sb && q < e + 2 && t->tok[q].kind == TK_WORD &&
			       !(t->tok[q].flags & (TF_CAP | TF_UPPER)) && !loc_stop(t, q) &&
			       !lex_at(t, loc, q, q + 1, &n))
				q++;
			if (q == e)
				break;
			if (q < sb && ((t->tok[q].flags & (TF_CAP | TF_UPPER)) ||
				       lex_at(t, loc, q, q + 1, &n))) {
				e = q;
				continue;
			}
			if (q >= sb || t->tok[q].kind == TK_PUNCT || loc_stop(t, q)) {
				e = q;
				continue;
			}
			break;
		}
		e++;
	}
	return e;
}

/* the meeting's noun: its first mention */
static size_t kind_tok(const mctx_t *c, const meeting_t *m)
{
	return m->mentions.n ? doc_tok_at(c->d, m->mentions.v[0].start) : (size_t)-1;
}

/* the noun-phrase kind mention nearest before token i in [a, i), or the
 * nearest of that kind when kind is set; NULL when none */
static const kmention_t *kind_before(const mctx_t *c, size_t a, size_t i, const char *kind)
{
	const kmention_t *best = NULL;
	for (size_t q = meetings_kind_from(c, a); q < c->kinds.n && c->kinds.v[q].tok < i; q++) {
		const kmention_t *k = &c->kinds.v[q];
		if (k->tok < a || meetings_cited_only(c, k->tok) || meetings_weak_kind(c, k))
			continue;
		if (!kind || k->kind == kind)
			best = k;
	}
	return best;
}

/* A place in tokens [sa, sb). With near set, only a place right after a
 * mention of the meeting's kind (a later sentence naming it again). A
 * journey's place goes to *trip. */
static int scan(mctx_t *c, meeting_t *m, size_t sa, size_t sb, int near, span_t *trip)
{
	const doc_t *d = c->d;
	const text_t *t = c->t;
	size_t kt = kind_tok(c, m);
	for (size_t i = sa; i + 1 < sb; i++) {
		int tai = tok_kw(t, i) == KW_taij, o = tok_kw(t, i) == KW_owr;
		if (!tai && !o)
			continue;
		size_t k = i + 1, n = 0;
		if (!venue_at(t, k, sb) && !is_cap(t, k) && !lex_at(t, LEX_LOCALITIES, k, sb, &n))
			continue;
		/* "tại Hội nghị" is the meeting itself */
		size_t kq = meetings_kind_from(c, k);
		if (kq < c->kinds.n && c->kinds.v[kq].tok == k)
			continue;
		if (inside_name(d, i))
			continue;
		/* the journey's place: the meeting's when nothing nearer is named */
		if (after_trip(t, i)) {
			size_t e = place_end(t, k, sb);
			if (trip && span_is_empty(*trip) && e > k)
				*trip = span_make(t->tok[k].start, t->tok[e - 1].end);
			continue;
		}
		const kmention_t *kb = kind_before(c, near ? sa : (kt < i ? kt : i), i, NULL);
		/* "ở" only right after the meeting's noun or its verb */
		if (o && !after_happening(t, i) && !(kb && kb->tok + kb->ntok + 4 > i))
			continue;
		if (near) {
			const kmention_t *same = kind_before(c, sa, i, m->kind);
			if (!same || same->tok + same->ntok + 16 <= i)
				continue;
			/* "làm việc tại Hội trường", "lễ ... được tổ chức ở X",
			 * "Tham dự buổi lễ trao học bổng tại X"; not "căn cứ quy
			 * định tại Điều 74", "về cuộc gặp thượng đỉnh tại Đức" */
			if (!after_happening(t, i) && !(same->tok + same->ntok + 3 >= i &&
							meetings_frame_held_before(t, same->tok)))
				continue;
		}
		/* another event named between the meeting's noun and "tại" */
		if (!near && kb && kt < i && kb->tok > kt && kb->kind != m->kind)
			continue;
		size_t e = place_end(t, k, sb);
		/* a body's name read whole ("tại Viện nghiên cứu chính sách
		 * Nhật Bản"): its lower-case descriptors are part of it */
		int om = meetings_org_mention_at(d, k);
		if (om >= 0 && d->org_mentions.v[om].tok_start == k &&
		    d->org_mentions.v[om].tok_end > e && d->org_mentions.v[om].tok_end <= sb)
			e = d->org_mentions.v[om].tok_end;
		if (e > k) {
			m->location = span_make(t->tok[k].start, t->tok[e - 1].end);
			return 1;
		}
	}
	return 0;
}

void meetings_find_place(mctx_t *c, meeting_t *m, size_t sent, size_t ksa, size_t ksb, size_t rb)
{
	const doc_t *d = c->d;
	size_t sa, sb;
	meetings_sent_tokens(d, sent, &sa, &sb);
	span_t trip = {0, 0};
	if (scan(c, m, sa, sb, 0, &trip) || (ksa >= sb && scan(c, m, ksa, ksb, 0, &trip)))
		return;
	/* a later sentence naming the meeting again, within a few sentences */
	for (size_t s = sent + 1; s < d->art.sentences.n && s < sent + 5; s++) {
		size_t a, b;
		meetings_sent_tokens(d, s, &a, &b);
		if (a >= rb)
			break;
		if (a >= ksa && a < ksb)
			continue;
		if (scan(c, m, a, b, 1, NULL))
			return;
	}
	m->location = trip;
}
