/* A meeting's chairs and attendees.
 *
 * Chairs are the people said to preside (people_words.tsv, chair_verb):
 *   subject before the verb      "X (và Y) chủ trì hội nghị", "do X chủ trì",
 *                                "X đã tham dự và chủ trì khai mạc"
 *   "dưới sự chủ trì của X"      also "điều hành", "điều khiển"
 *   a fronted verb phrase        "Chỉ đạo buổi làm việc, ông X ..."
 *   a presiding board            "Ban chủ tọa gồm A, B và C"
 * The first sentences of the meeting's region that name a chair give the
 * chairs; the rest of the region adds the people who preside over a part of
 * it ("Buổi chiều, Phó Chủ tịch Quốc hội X điều hành."). With no chair, the
 * leading official of a working session or of talks is recorded: "X làm
 * việc với Y", "Đoàn do X làm Trưởng đoàn / dẫn đầu", the host who "tiếp"
 * a visitor, the subject of "hội đàm", "hội kiến" (joint subjects "X và Y
 * hội đàm" are co-chairs).
 *
 * Attendees are the people named after "dự", "tham dự", "cùng dự", "có sự
 * tham dự của", "Về phía ...", "Trong số khách mời có", the subjects of
 * "X (đã) đến dự", "X chứng kiến", and those who "điều hành điểm cầu" of an
 * online meeting. A chair is never an attendee. */
#include <stdio.h>
#include <string.h>

#include "model/meetings/meetings_internal.h"

#define ROLE_MAXP 128
/* filler words allowed between a subject's phrase and its verb */
#define GAP_MAX 6

typedef struct sent_people {
	int pm[ROLE_MAXP];
	size_t np;
} sent_people_t;

static const person_mention_t *pmention(const doc_t *d, const sent_people_t *sp, size_t q)
{
	return &d->person_mentions.v[sp->pm[q]];
}

static int add_chair(mctx_t *c, meeting_t *m, const person_mention_t *p)
{
	if (meetings_add_unique(c->d->ar, &m->chairs, p->person))
		return -1;
	return people_prefer_mention(c->d, p);
}

/* Tokens [a, b) between a subject and its verb are fillers: lower-case
 * words that are not a hand-over to someone else ("giao", "đề nghị"),
 * commas, and a bracketed aside ("(bìa trái)"). */
static int gap_ok(const doc_t *d, size_t a, size_t b)
{
	const text_t *t = &d->tx;
	if (b < a || b - a > GAP_MAX + 3)
		return 0;
	int depth = 0;
	size_t words = 0;
	for (size_t i = a; i < b; i++) {
		const tok_t *x = &t->tok[i];
		if (meetings_is_punct(t, i, '(')) {
			depth++;
			continue;
		}
		if (meetings_is_punct(t, i, ')')) {
			depth--;
			continue;
		}
		if (depth > 0)
			continue;
		/* "X, ..., thay mặt Bộ Chính trị điều hành phiên họp" */
		if (tok_kw2(t, i, KW_thay, KW_mawtj) && meetings_org_mention_at(d, i + 2) >= 0) {
			i = d->org_mentions.v[meetings_org_mention_at(d, i + 2)].tok_end - 1;
			continue;
		}
		if (x->kind == TK_PUNCT) {
			if (!meetings_is_punct(t, i, ','))
				return 0;
			continue;
		}
		if (x->kind != TK_WORD || (x->flags & (TF_CAP | TF_UPPER)))
			return 0;
		if (lex_starts(t, LEX_PWORD_GAP_STOP, i))
			return 0;
		words++;
	}
	return depth == 0 && words <= GAP_MAX;
}

/* "và", ",", ";", "cùng", "cùng với" between two co-subjects [a, b) */
static int joins_people(const text_t *t, size_t a, size_t b)
{
	if (b == a + 1)
		return tok_kw(t, a) == KW_vaf || tok_kw(t, a) == KW_cungf ||
		       meetings_is_punct(t, a, ',') || meetings_is_punct(t, a, ';');
	if (b == a + 2)
		return (tok_kw(t, a) == KW_cungf && tok_kw(t, a + 1) == KW_vowis) ||
		       (meetings_is_punct(t, a, ',') && tok_kw(t, a + 1) == KW_vaf);
	return 0;
}

/* The person whose phrase is the subject of the verb at i (the last one
 * ending before it across fillers), or -1. */
static int subject_before(const doc_t *d, const sent_people_t *sp, size_t i)
{
	int best = -1;
	for (size_t q = 0; q < sp->np; q++) {
		const person_mention_t *p = pmention(d, sp, q);
		if (p->ctx_end <= i && p->tok_end <= i && gap_ok(d, p->ctx_end, i))
			best = (int)q;
	}
	return best;
}

/* The subject at q and the co-subjects named before it ("X và Y chủ
 * trì"), in text order. */
static int add_subjects(mctx_t *c, meeting_t *m, const sent_people_t *sp, int q, int_vec_t *to)
{
	const doc_t *d = c->d;
	int first = q;
	while (first > 0) {
		const person_mention_t *p0 = pmention(d, sp, (size_t)first - 1);
		const person_mention_t *p1 = pmention(d, sp, (size_t)first);
		if (p0->ctx_end > p1->ctx_start ||
		    !joins_people(&d->tx, p0->ctx_end, p1->ctx_start))
			break;
		first--;
	}
	for (int r = first; r <= q; r++) {
		const person_mention_t *p = pmention(d, sp, (size_t)r);
		if (to == &m->chairs) {
			if (add_chair(c, m, p))
				return -1;
		} else if (meetings_add_unique(d->ar, to, p->person)) {
			return -1;
		}
	}
	return 0;
}

/* Past bracketed asides from token e, up to lim: "A (HLHTNVN) (giữa), B" */
static size_t skip_brackets(const text_t *t, size_t e, size_t lim)
{
	while (e < lim && meetings_is_punct(t, e, '(')) {
		size_t q = e + 1;
		while (q < lim && q < e + 8 && !meetings_is_punct(t, q, ')'))
			q++;
		if (q >= lim || !meetings_is_punct(t, q, ')'))
			break;
		e = q + 1;
	}
	return e;
}

/* The people named from token i on, joined by "và" / "," / ";" ("dưới sự
 * chủ trì của X và Y", "Ban chủ tọa gồm A, B và C"). */
static int add_list_after(mctx_t *c, meeting_t *m, const sent_people_t *sp, size_t i, size_t reach)
{
	const doc_t *d = c->d;
	for (size_t q = 0; q < sp->np; q++) {
		const person_mention_t *p = pmention(d, sp, q);
		if (p->ctx_start < i || p->ctx_start > i + reach)
			continue;
		if (add_chair(c, m, p))
			return -1;
		size_t e = p->ctx_end;
		for (size_t r = q + 1; r < sp->np; r++) {
			const person_mention_t *p2 = pmention(d, sp, r);
			e = skip_brackets(&d->tx, e, p2->ctx_start);
			if (p2->ctx_start < e || p2->ctx_start > e + 3 ||
			    !(tok_kw(&d->tx, e) == KW_vaf || meetings_is_punct(&d->tx, e, ';') ||
			      meetings_is_punct(&d->tx, e, ',')))
				break;
			if (add_chair(c, m, p2))
				return -1;
			e = p2->ctx_end;
		}
		return 1;
	}
	return 0;
}

/* A chair verb at i: its length, or 0. "điều hành điểm cầu" runs a bridge
 * point (an attendee); "chỉ đạo, điều hành" is the government's steering,
 * not presiding. */
static size_t chair_verb_at(const text_t *t, size_t i, size_t lim)
{
	size_t n = 0;
	if (!lex_at(t, LEX_PWORD_CHAIR_VERB, i, lim, &n))
		return 0;
	if (tok_kw2(t, i + n, KW_ddieemr, KW_caauf))
		return 0;
	if (tok_kw(t, i) == KW_ddieeuf && i >= 2 &&
	    (tok_kw2(t, i - 2, KW_chir, KW_ddaoj) ||
	     (i >= 3 && tok_kw2(t, i - 3, KW_chir, KW_ddaoj))))
		return 0;
	return n;
}

/* The meeting named right after token i ("chủ trì hội nghị", "điều hành
 * phiên họp"), or NULL. */
static const kmention_t *object_kind(const mctx_t *c, size_t i, size_t lim)
{
	size_t b = i + 3 < lim ? i + 3 : lim;
	const kmention_t *k = meetings_kind_in(c, i, b);
	return k && k->tok <= i + 1 ? k : NULL;
}

/* Chairs in one sentence [sa, sb). later: a later sentence of the region,
 * where only presiding over this meeting or a part of it counts. 1 when a
 * chair was found, 0 when none, -1 on error. */
static int chairs_in_sentence(mctx_t *c, meeting_t *m, size_t sent, int later)
{
	const doc_t *d = c->d;
	const text_t *t = c->t;
	size_t sa, sb;
	meetings_sent_tokens(d, sent, &sa, &sb);
	/* a chair verb, a board, or "Chỉ đạo" put first */
	if (!(c->sent_cues[sent] & MC_CHAIR) && !tok_kw2(t, sa, KW_chir, KW_ddaoj) &&
	    !tok_kw2(t, sa + 1, KW_chir, KW_ddaoj))
		return 0;
	sent_people_t sp;
	meetings_persons_in(d, sa, sb, sp.pm, &sp.np, ROLE_MAXP);
	if (!sp.np)
		return 0;
	size_t before = m->chairs.n;
	for (size_t i = sa; i < sb; i++) {
		/* "Ban chủ tọa gồm A, B và C" */
		size_t bn = 0;
		if (lex_at(t, LEX_PWORD_BOARD, i, sb, &bn)) {
			int r = add_list_after(c, m, &sp, i + bn, 3);
			if (r < 0)
				return -1;
			i += bn - 1;
			continue;
		}
		size_t n = chair_verb_at(t, i, sb);
		int fronted = 0;
		/* "Chỉ đạo buổi làm việc, ông X ..." */
		if (!n && tok_kw2(t, i, KW_chir, KW_ddaoj) && i <= sa + 1 &&
		    object_kind(c, i + 2, sb))
			n = 2, fronted = 1;
		if (!n)
			continue;
		if (later) {
			/* presiding over a part: "X điều hành.", "X điều khiển phiên
			 * thảo luận", "dưới sự điều hành của X"; chairing again
			 * only this meeting's kind */
			const kmention_t *k = object_kind(c, i + n, sb);
			int presides = tok_kw(t, i) == KW_ddieeuf;
			int ok = (i > sa && tok_kw(t, i - 1) == KW_suwj) ||
				 (presides && (i + n >= sb || t->tok[i + n].kind == TK_PUNCT || k ||
					       tok_kw(t, i + n) == KW_phieen ||
					       tok_kw(t, i + n) == KW_phaanf)) ||
				 (k && m->kind && !strcmp(k->kind, m->kind));
			if (!ok) {
				i += n - 1;
				continue;
			}
		}
		/* "dưới sự chủ trì của X (và Y)" */
		if (i > sa && tok_kw(t, i - 1) == KW_suwj) {
			if (add_list_after(c, m, &sp, i + n, 12) < 0)
				return -1;
			i += n - 1;
			continue;
		}
		/* a verb phrase put first, then its list: "Chủ trì hội nghị có
		 * đồng chí X", "Cùng chủ trì là ...", "Đồng chủ trì gồm A và B" */
		if (!fronted && i <= sa + 1) {
			int r = 0;
			for (size_t j = i + n; j < sb && j <= i + n + 6 && !r; j++) {
				uint16_t w = tok_kw(t, j);
				if (w == KW_cos || w == KW_laf || w == KW_goomf ||
				    meetings_is_punct(t, j, ':')) {
					size_t j2 = j + 1;
					if (w == KW_cos && tok_kw(t, j2) == KW_laf)
						j2++;
					r = add_list_after(c, m, &sp, j2, 4);
					if (r < 0)
						return -1;
					break;
				}
				if (meetings_is_punct(t, j, ',') || meetings_is_punct(t, j, '.'))
					break;
			}
			if (r > 0) {
				i += n - 1;
				continue;
			}
		}
		/* a verb phrase put first, the subject after its comma */
		if (fronted || i <= sa + 1) {
			size_t q = i + n;
			while (q < sb && q < i + n + 8 && !meetings_is_punct(t, q, ','))
				q++;
			if (q < sb && meetings_is_punct(t, q, ',')) {
				for (size_t r = 0; r < sp.np; r++) {
					const person_mention_t *p = pmention(d, &sp, r);
					if (p->ctx_start > q && p->ctx_start <= q + 2) {
						if (add_chair(c, m, p))
							return -1;
						break;
					}
				}
			}
			i += n - 1;
			continue;
		}
		int s = subject_before(d, &sp, i);
		if (s >= 0 && add_subjects(c, m, &sp, s, &m->chairs))
			return -1;
		i += n - 1;
	}
	return m->chairs.n > before;
}

/* Talks between two named people ("cuộc gặp giữa ông A, Đại sứ ... và
 * ông B", "hội đàm giữa Thủ tướng A với Thủ tướng B"): both chair them.
 * i is the word after the talks. */
static int talks_between(mctx_t *c, meeting_t *m, const sent_people_t *sp, size_t i)
{
	const doc_t *d = c->d;
	const text_t *t = c->t;
	int a = -1, b = -1;
	for (size_t q = 0; q < sp->np; q++) {
		const person_mention_t *p = pmention(d, sp, q);
		if (a < 0 && p->ctx_start > i && p->ctx_start <= i + 3)
			a = (int)q;
		else if (a >= 0 && b < 0) {
			size_t e = pmention(d, sp, (size_t)a)->ctx_end;
			size_t k = e;
			while (k < p->ctx_start && t->tok[k].kind == TK_PUNCT)
				k++;
			if ((tok_kw(t, k) == KW_vaf || tok_kw(t, k) == KW_vowis) &&
			    p->ctx_start > k && p->ctx_start <= k + 3)
				b = (int)q;
		}
	}
	if (a < 0 || b < 0)
		return 0;
	if (add_chair(c, m, pmention(d, sp, (size_t)a)) ||
	    add_chair(c, m, pmention(d, sp, (size_t)b)))
		return -1;
	return 1;
}

/* The leading official of a working session or of talks, when the meeting
 * has no chair: "X làm việc với Y", "Đoàn do X làm Trưởng đoàn", "X dẫn
 * đầu", "X tiếp Y", "X hội đàm với Y", "X và Y hội đàm". */
static int leaders_in_sentence(mctx_t *c, meeting_t *m, size_t sa, size_t sb)
{
	const doc_t *d = c->d;
	const text_t *t = c->t;
	sent_people_t sp;
	meetings_persons_in(d, sa, sb, sp.pm, &sp.np, ROLE_MAXP);
	if (!sp.np)
		return 0;
	for (size_t i = sa; i < sb; i++) {
		int lv = tok_kw2(t, i, KW_lamf, KW_vieecj) && (tok_kw(t, i + 2) == KW_vowis);
		int lead =
		    tok_kw2(t, i, KW_daanx, KW_ddaauf) ||
		    ((tok_kw(t, i) == KW_lamf) && tok_kw2(t, i + 1, KW_truwowngr, KW_ddoanf));
		size_t n = 0;
		int talks = 0;
		if (!lv && !lead && lex_at(t, LEX_PWORD_TALKS_VERB, i, sb, &n)) {
			talks = 1;
			/* "tiếp", "gặp" alone: a visitor must follow ("tiếp Đại sứ
			 * X", "tiếp đoàn", "gặp ông Y"), not "tiếp tục" */
			if (n == 1) {
				int obj = 0;
				for (size_t q = 0; q < sp.np && !obj; q++) {
					const person_mention_t *p = pmention(d, &sp, q);
					obj = p->ctx_start > i && p->ctx_start <= i + 3;
				}
				size_t o = i + 1;
				if (tok_kw(t, o) == KW_vowis)
					o++;
				obj |= tok_kw(t, o) == KW_ddoanf ||
				       meetings_org_mention_at(d, o) >= 0 ||
				       (tok_kw(t, i) == KW_tieeps && meetings_guest_after(t, i));
				if (!obj || meetings_in_person_ctx(d, i))
					talks = 0;
			}
		}
		if (talks && lex_starts(t, LEX_PWORD_TALKS_BETWEEN, i + n)) {
			int r = talks_between(c, m, &sp, i + n);
			if (r)
				return r;
		}
		if (!lv && !lead && !talks)
			continue;
		int best = -1;
		for (size_t q = 0; q < sp.np; q++) {
			const person_mention_t *p = pmention(d, &sp, q);
			if (p->ctx_end <= i && p->tok_end <= i &&
			    (lead ? i - p->ctx_end <= 1 : gap_ok(d, p->ctx_end, i)))
				best = (int)q;
		}
		if (best < 0)
			continue;
		if (talks) {
			if (add_subjects(c, m, &sp, best, &m->chairs))
				return -1;
		} else if (add_chair(c, m, pmention(d, &sp, (size_t)best))) {
			return -1;
		}
		return 1;
	}
	return 0;
}

int meetings_find_chairs(mctx_t *c, meeting_t *m, size_t sent, size_t rb)
{
	doc_t *d = c->d;
	size_t ns = d->art.sentences.n, s, last = sent;
	/* the anchor sentence, then the next few sentences and captions */
	for (s = sent; s < ns; s++) {
		size_t a, b;
		meetings_sent_tokens(d, s, &a, &b);
		if (a >= rb && s > sent)
			break;
		last = s;
		int r = chairs_in_sentence(c, m, s, 0);
		if (r < 0)
			return -1;
		if (r > 0 || s >= sent + 4)
			break;
	}
	/* no chair: the leading official of the session or talks */
	for (s = sent; s <= last && !m->chairs.n; s++) {
		size_t a, b;
		meetings_sent_tokens(d, s, &a, &b);
		if (leaders_in_sentence(c, m, a, b) < 0)
			return -1;
	}
	/* the rest of the region: who presides over this meeting or a part */
	for (s = last + 1; s < ns; s++) {
		size_t a, b;
		if (budget_check(c->t->budget))
			return -1;
		meetings_sent_tokens(d, s, &a, &b);
		if (a >= rb)
			break;
		if (chairs_in_sentence(c, m, s, 1) < 0)
			return -1;
	}
	/* captions before the anchor naming the chair ("Đồng chí X chủ trì
	 * hội nghị") when the article reports one meeting */
	if (!m->chairs.n && d->meetings.n == 1) {
		for (s = 0; s < sent && !m->chairs.n; s++) {
			if (chairs_in_sentence(c, m, s, 0) < 0)
				return -1;
		}
	}
	return 0;
}

static int is_chair(const meeting_t *m, int person)
{
	for (size_t k = 0; k < m->chairs.n; k++)
		if (m->chairs.v[k] == person)
			return 1;
	return 0;
}

static int add_attendee(const doc_t *d, meeting_t *m, const person_mention_t *p)
{
	if (p->is_title_only || is_chair(m, p->person))
		return 0;
	return meetings_add_unique(d->ar, &m->attendees, p->person);
}

/* A word after which the people named attend ("dự", "Cùng đi có", "khách
 * mời"), not "Dự án", "dự kiến" */
static int attend_head(const text_t *t, size_t i)
{
	return lex_starts(t, LEX_PWORD_ATTEND_HEAD, i) && !lex_starts(t, LEX_PWORD_ATTEND_NOT, i);
}

/* Where the list of a trigger at i starts: after "có", "gồm", "là", "của"
 * or ":" ("Dự hội nghị có ...", "có sự tham dự của ...", "Tham dự buổi
 * làm việc, về phía tỉnh có ..."), before anyone is named; 0 when the
 * people after the trigger are not its list ("nhân dịp tham dự Hội nghị
 * G20, Tổng thống X phát biểu"). */
static size_t list_start(const doc_t *d, const sent_people_t *sp, size_t i, size_t sb)
{
	const text_t *t = &d->tx;
	size_t first = sb;
	for (size_t q = 0; q < sp->np; q++) {
		size_t cs = pmention(d, sp, q)->ctx_start;
		if (cs > i && cs < first)
			first = cs;
	}
	for (size_t j = i + 1; j < sb && j <= i + 30 && j <= first; j++) {
		uint16_t w = tok_kw(t, j);
		if (w == KW_cos || w == KW_goomf || w == KW_laf || w == KW_cuar ||
		    meetings_is_punct(t, j, ':'))
			return j;
	}
	return 0;
}

int meetings_find_attendees(mctx_t *c, meeting_t *m, size_t sa, size_t sb)
{
	const doc_t *d = c->d;
	const text_t *t = c->t;
	/* each pattern below starts on one of these */
	if (!(c->cues & (MC_BRIDGE | MC_ATTEND)) && !tok_kw2(t, sa, KW_veef, KW_phias) &&
	    !tok_kw2(t, sa, KW_ngoaif, KW_ra))
		return 0;
	sent_people_t sp;
	meetings_persons_in(d, sa, sb, sp.pm, &sp.np, ROLE_MAXP);
	if (!sp.np)
		return 0;
	/* "X điều hành điểm cầu tỉnh ...": runs one bridge point of an online
	 * meeting, so attends it */
	int bp = (c->cues & MC_BRIDGE) ? meetings_has_kw_pair(t, sa, sb, KW_ddieemr, KW_caauf) : 0;
	if (bp && bp >= 3 && tok_kw2(t, (size_t)bp - 3, KW_ddieeuf, KW_hanhf)) {
		size_t v = (size_t)bp - 3;
		for (size_t q = 0; q < sp.np; q++) {
			const person_mention_t *p = pmention(d, &sp, q);
			if (p->ctx_end <= v && v - p->ctx_end <= 2 && add_attendee(d, m, p))
				return -1;
		}
	}
	/* the subject of "X (đã) đến dự", "X và Y chứng kiến lễ ký" */
	for (size_t i = sa; i < sb; i++) {
		size_t n = 0;
		if (!lex_at(t, LEX_PWORD_ATTEND_VERB, i, sb, &n) ||
		    lex_starts(t, LEX_PWORD_ATTEND_NOT, i))
			continue;
		int s = subject_before(d, &sp, i);
		if (s >= 0) {
			int_vec_t tmp = {0};
			if (add_subjects(c, m, &sp, s, &tmp))
				return -1;
			for (size_t k = 0; k < tmp.n; k++)
				if (!is_chair(m, tmp.v[k]) &&
				    meetings_add_unique(d->ar, &m->attendees, tmp.v[k]))
					return -1;
		}
		i += n - 1;
	}
	/* a list after its trigger: "Dự hội nghị có ...", "Cùng dự có ...",
	 * "có sự tham dự của ...", "Về phía X, có ...", "khách mời có ..." */
	for (size_t i = sa; i < sb; i++) {
		if (!attend_head(t, i) && !(i == sa && tok_kw2(t, i, KW_veef, KW_phias)) &&
		    !(i == sa && tok_kw2(t, i, KW_ngoaif, KW_ra)))
			continue;
		size_t ls = list_start(d, &sp, i, sb);
		if (!ls)
			continue;
		for (size_t q = 0; q < sp.np; q++) {
			const person_mention_t *p = pmention(d, &sp, q);
			if (p->tok_start >= ls && add_attendee(d, m, p))
				return -1;
		}
		break;
	}
	return 0;
}
