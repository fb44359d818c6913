/* Organisations: bodies of the Party, the State, the Front, mass
 * organisations and the armed forces, recognised as token sequences:
 *   organ* unit [locality [place]] [khóa N]
 *   "Ban Thường vụ" + "Tỉnh ủy"; "UBND" + "tỉnh" + "Nghệ An";
 *   "HĐND" + "TP" + "Đà Nẵng"; "Ủy ban Kiểm tra" + "Trung ương"
 * or a generic head noun followed by a capitalised proper name
 *   "Sở" + "Tài chính"; "Hội" + "Xuất bản Việt Nam".
 * Vocabulary lives in model/lexicon/{bodies,localities,places}.tsv. */
#include <stdio.h>
#include <string.h>

#include "model/orgs/orgs_internal.h"
#include "model/text/fold.h"
#include "model/text/strmap.h"

static int cat_of(const char *s)
{
	static const char *n[] = {"party", "state", "front", "mass", "military", "other"};
	for (int i = 0; i < 6; i++)
		if (s && strcmp(s, n[i]) == 0)
			return i;
	return CAT_OTHER;
}

static int level_of(const char *s)
{
	if (!s)
		return LVL_NONE;
	if (!strcmp(s, "central"))
		return LVL_CENTRAL;
	if (!strcmp(s, "province"))
		return LVL_PROVINCE;
	if (!strcmp(s, "district"))
		return LVL_DISTRICT;
	if (!strcmp(s, "commune"))
		return LVL_COMMUNE;
	return LVL_NONE;
}

/* locality word + place ("tỉnh Nghệ An", "TP Hà Nội", "huyện Tam Nông"),
 * a place alone ("Hà Nội"), or "Trung ương"/"T.Ư". Returns end token. */
/* level of an administrative unit from its type in places.tsv */
static int place_level(const lex_entry_t *pe)
{
	const char *ty = pe && pe->ncols > 1 ? pe->cols[1] : "";
	if (!strcmp(ty, "province"))
		return LVL_PROVINCE;
	if (!strcmp(ty, "city") || !strcmp(ty, "district") || !strcmp(ty, "town"))
		return LVL_DISTRICT;
	if (!strcmp(ty, "ward") || !strcmp(ty, "commune"))
		return LVL_COMMUNE;
	return LVL_NONE;
}

/* unit_needs_place: 1 for units that take a place ("UBND", "Tỉnh ủy"); 2 for
 * the territorial party committees, which also take a place the lexicon
 * does not know ("Huyện ủy Nghi Lộc") */
static size_t locality(const doc_t *d, size_t k, size_t lim, int *level, int unit_needs_place)
{
	const text_t *t = &d->tx;
	const int loc = LEX_LOCALITIES, pl = LEX_PLACES;
	size_t n = 0;
	const lex_entry_t *e = lex_at(t, loc, k, lim, &n);
	if (e && !(t->tok[k].flags & TF_NL)) {
		if (*level == LVL_NONE)
			*level = level_of(e->ncols > 2 ? e->cols[2] : NULL);
		size_t j = k + n;
		size_t m = 0;
		const lex_entry_t *pe = j < lim ? lex_at(t, pl, j, lim, &m) : NULL;
		if (pe && !(t->tok[j].flags & TF_NL) && orgs_is_cap(&t->tok[j])) {
			/* "TP Vinh" is a district-level city, "TP Hà Nội" a province */
			int pl_lv = place_level(pe);
			if (pl_lv)
				*level = pl_lv;
			return j + m;
		}
		/* an unknown place: up to three capitalised syllables, or a number
		 * ("phường 5", "Q.9") */
		if (j < lim && t->tok[j].kind == TK_NUM)
			return j + 1;
		size_t c = j;
		while (c < lim && c < j + 4 && orgs_is_cap(&t->tok[c]) &&
		       !(t->tok[c].flags & TF_NL))
			c++;
		/* a surname-led run of three syllables or more after "tỉnh" is a
		 * person ("UBND tỉnh Phạm Anh Tuấn" in "Chủ tịch UBND tỉnh Phạm
		 * Anh Tuấn"), not a place; two syllables are a place, as full
		 * names are written in news ("huyện Lương Sơn", "huyện Mai Châu",
		 * "huyện Cao Lộc": districts named like people) */
		const int sur = LEX_SURNAMES;
		size_t sn = 0;
		if (j < lim && lex_at(t, sur, j, lim, &sn) && c - j != 2)
			return j;
		return c > j + 3 ? j + 3 : c;
	}
	if (k < lim && ((tok_kw(t, k) == KW_trung) && (tok_kw(t, k + 1) == KW_uwowng))) {
		*level = LVL_CENTRAL;
		size_t j = k + 2;
		if ((tok_kw(t, j) == KW_ddangr) || (tok_kw(t, j) == KW_ddoanf))
			j++;
		return j;
	}
	if (k < lim && ((tok_kw(t, k) == KW_tw) || (tok_kw(t, k) == KW_tuw))) {
		*level = LVL_CENTRAL;
		return k + 1;
	}
	if (k + 2 < lim + 1 && (tok_kw(t, k) == KW_t) && k + 2 < t->n &&
	    t->keys[t->tok[k + 1].key] == '.' && (tok_kw(t, k + 2) == KW_uw)) {
		*level = LVL_CENTRAL;
		return k + 3;
	}
	if (unit_needs_place && k < lim && orgs_is_cap(&t->tok[k]) && !(t->tok[k].flags & TF_NL)) {
		size_t m = 0;
		const lex_entry_t *pe = lex_at(t, pl, k, lim, &m);
		if (pe) {
			int pl_lv = place_level(pe);
			if (pl_lv)
				*level = pl_lv;
			return k + m;
		}
		/* "Huyện ủy Nghi Lộc", "Đảng ủy xã" are territorial: an unknown
		 * capitalised place may follow, but not a person's name */
		if (unit_needs_place == 2) {
			/* the capitalised run after the committee, minus a
			 * three-syllable name at its end ("Huyện ủy Tam Nông
			 * Nguyễn Văn An"): the rest, up to three syllables, is
			 * the place */
			const int sur = LEX_SURNAMES, pos = LEX_POSITIONS, bod = LEX_BODIES;
			size_t c = k, sn = 0;
			while (c < lim && c < k + 6 && orgs_is_cap(&t->tok[c]) &&
			       !(t->tok[c].flags & TF_NL) && (t->tok[c].flags & TF_SPACE) &&
			       !lex_at(t, pos, c, lim, &sn) && !lex_at(t, bod, c, lim, &sn))
				c++;
			size_t r = c - k;
			if (r >= 3 && lex_at(t, sur, c - 3, c, &sn))
				r -= 3;
			else if (r >= 2 && lex_at(t, sur, k, c, &sn))
				r = 0;
			if (r > 3)
				r = 3;
			return k + r;
		}
	}
	return k;
}

/* tokens [a, b) as written, after a space, onto the canonical name */
static size_t canon_copy(const doc_t *d, char *canon, size_t cl, size_t canon_sz, size_t a,
			 size_t b)
{
	const text_t *t = &d->tx;
	for (size_t q = a; q < b && cl < canon_sz - 2; q++) {
		size_t len = t->tok[q].end - t->tok[q].start;
		if (q == a || (t->tok[q].flags & TF_SPACE))
			canon[cl++] = ' ';
		if (cl + len >= canon_sz)
			break;
		memcpy(canon + cl, d->text + t->tok[q].start, len);
		cl += len;
	}
	canon[cl] = '\0';
	return cl;
}

/* The name after a generic head whose own tokens end at s: a capitalised
 * name, a number, descriptors and a name, a remit, the place of a mission
 * (bodies.tsv, column "tail"). Returns its end, s when there is none. */
static size_t generic_name(const doc_t *d, size_t s, size_t lim, unsigned tail)
{
	const text_t *t = &d->tx;
	size_t j = orgs_person_name(d, s, lim) ? s : orgs_name_run(d, s, lim);
	if (j == s && (tail & ORGS_TAIL_NUMBER))
		j = orgs_number_name(d, s, lim);
	if (j == s && (tail & ORGS_TAIL_DESCR)) {
		size_t q = orgs_descr_run(d, s, lim);
		if (q > s) {
			size_t j2 = orgs_name_run(d, q, lim);
			/* "Bệnh viện đa khoa" + "tỉnh ...": the locality follows */
			j = j2 > q ? j2 : orgs_is_cap(&t->tok[q]) ? s : q;
		}
	}
	if ((tail & ORGS_TAIL_REMIT)) {
		/* "Ban Chỉ đạo quốc gia về ..." */
		size_t r =
		    j == s && tok_kw(t, s) == KW_quoocs && tok_kw(t, s + 1) == KW_gia ? s + 2 : j;
		size_t re = orgs_remit_end(d, r, lim);
		if (re > r)
			j = re;
		else if (j == s)
			j = orgs_bare_remit_end(d, s, lim);
	}
	if ((tail & ORGS_TAIL_AT) && j > s)
		j = orgs_mission_place(d, j, lim);
	return j;
}

/* Try to read a body starting at token i. Fills *om; returns end token or
 * i. depth > 0 when called to check the body after "của" of a bare head. */
static size_t read_org(doc_t *d, size_t i, size_t lim, org_mention_t *om, char *canon,
		       size_t canon_sz, int depth)
{
	const text_t *t = &d->tx;
	const int bodies = LEX_BODIES;
	size_t k = i;
	int cat = -1, level = LVL_NONE, have_unit = 0, have_organ = 0, territorial = 0, hosted = 0;
	unsigned unit_tail = 0;
	canon[0] = '\0';
	size_t cl = 0;
	while (k < lim) {
		if (k > i && (t->tok[k].flags & TF_NL))
			break;
		size_t n = 0;
		const lex_entry_t *e = lex_at(t, bodies, k, lim, &n);
		if (!e)
			break;
		/* "QH14", "UBTVQH15": a code glued to a term number is part of a
		 * document symbol, not a mention of the body */
		if (t->tok[k + n - 1].kind == TK_WORD && t->tok[k + n].kind == TK_NUM &&
		    !(t->tok[k + n].flags & TF_SPACE))
			break;
		const char *role = e->ncols > 4 ? e->cols[4] : "unit";
		const char *cn = e->ncols > 1 && strcmp(e->cols[1], "-") ? e->cols[1] : e->form;
		/* a lower-case head ("ban", "hội", "sở", "thường trực") is an
		 * ordinary noun; lower-case units ("tỉnh ủy") are still bodies */
		if (!orgs_is_cap(&t->tok[k]) &&
		    (strcmp(role, "unit") || n < 2 ||
		     !((tok_kw(t, k) == KW_tinhr) || (tok_kw(t, k) == KW_thanhf) ||
		       (tok_kw(t, k) == KW_huyeenj) || (tok_kw(t, k) == KW_quaanj) ||
		       (tok_kw(t, k) == KW_thij))))
			break;
		if (!strcmp(role, "generic")) {
			/* a title that begins with the head: "Viện trưởng", "Cục
			 * trưởng" */
			size_t pn = 0;
			if (lex_at(t, LEX_POSITIONS, k, lim, &pn) && pn > n)
				break;
			/* a meeting: "Hội nghị", "Hội thảo" */
			if (lex_at(t, LEX_MEETING_KINDS, k, lim, &pn) && pn > n)
				break;
			unsigned tail = orgs_tail_of(e);
			size_t s = k + n;
			size_t j = generic_name(d, s, lim, tail);
			/* "Ban Chỉ đạo (BCĐ) 389 tỉnh": the head's abbreviation
			 * before its name */
			size_t hab = j == s ? orgs_inner_abbr(d, s, lim) : s;
			if (hab > s) {
				size_t j2 = generic_name(d, hab, lim, tail);
				if (j2 > hab) {
					s = hab;
					j = j2;
				}
			}
			if (j == s) {
				/* "Đoàn giám sát" + "của Ban Văn hóa - Xã hội HĐND TP":
				 * the bare head, which orgs_extract joins to its owner */
				org_mention_t o2;
				char c2[256];
				if (!(tail & ORGS_TAIL_OF) || depth > 0 ||
				    tok_kw(t, s) != KW_cuar ||
				    read_org(d, s + 1, lim, &o2, c2, sizeof c2, depth + 1) == s + 1)
					break;
			}
			if (cl)
				cl = text_append(canon, cl, canon_sz, " ");
			cl = text_append(canon, cl, canon_sz, cn);
			if (j > s)
				cl = canon_copy(d, canon, cl, canon_sz, s, j);
			if (cat < 0)
				cat = cat_of(e->ncols > 2 ? e->cols[2] : NULL);
			k = j;
			have_unit = 1;
			/* the body that owns it: "Hội đồng Thi đua - Khen thưởng" +
			 * "Bộ Quốc phòng", "Vụ Kế hoạch" + "Bộ Công Thương" */
			if (j > s && orgs_body_starts(t, k, lim) && !(t->tok[k].flags & TF_NL))
				continue;
			break;
		}
		if (cl && cl < canon_sz - 1)
			canon[cl++] = ' ';
		cl = text_append(canon, cl, canon_sz, cn);
		int c = cat_of(e->ncols > 2 ? e->cols[2] : NULL);
		int lv = level_of(e->ncols > 3 ? e->cols[3] : NULL);
		if (!strcmp(role, "organ")) {
			have_organ = 1;
			if (cat < 0)
				cat = c;
			if (lv)
				level = lv;
			k += n;
			/* "Ủy ban Kiểm tra (UBKT) Tỉnh ủy ...": the organ's own
			 * abbreviation before the unit it belongs to */
			size_t ab = orgs_inner_abbr(d, k, lim);
			if (ab > k && ab < lim && orgs_is_cap(&t->tok[ab]) &&
			    !(t->tok[ab].flags & TF_NL) && lex_starts(t, bodies, ab))
				k = ab;
			continue;
		}
		/* a party organ of another body is a party body: "Đảng ủy Công
		 * an tỉnh", "Ban cán sự đảng Bộ Tư pháp" */
		if (!(have_organ && cat == CAT_PARTY))
			cat = c;
		if (lv)
			level = lv;
		have_unit = 1;
		unit_tail = orgs_tail_of(e);
		territorial = (tok_kw(t, k + n - 1) == KW_uyr) && n <= 2;
		/* a department named with a generic head ("Phòng" + "Cảnh sát
		 * hình sự", "Cục" + "Chính trị") */
		size_t hn = 0;
		const lex_entry_t *he = n > 1 ? lex_at(t, bodies, k, k + n - 1, &hn) : NULL;
		int department = he && he->ncols > 4 && !strcmp(he->cols[4], "generic") &&
				 lv != LVL_PROVINCE && lv != LVL_DISTRICT && lv != LVL_COMMUNE &&
				 !(hn == 1 && tok_kw(t, k) == KW_booj);
		k += n;
		/* a Party or mass unit of no fixed level, or a department, inside
		 * the body it serves: "Công đoàn" + "Tổng công ty Điện lực miền
		 * Bắc", "Chi đoàn" + "Văn phòng Tỉnh ủy", "Đảng bộ" + "Bộ Công an",
		 * "Phòng Cảnh sát hình sự" + "Công an tỉnh" */
		if ((((c == CAT_PARTY || c == CAT_MASS) && !lv) || department) && depth == 0 &&
		    k < lim && !(t->tok[k].flags & TF_NL) && orgs_is_cap(&t->tok[k]) &&
		    lex_starts(t, bodies, k)) {
			org_mention_t o2;
			char c2[256];
			size_t j2 = read_org(d, k, lim, &o2, c2, sizeof c2, depth + 1);
			if (j2 > k) {
				cl = text_append(canon, cl, canon_sz, " ");
				cl = text_append(canon, cl, canon_sz, c2);
				level = o2.level;
				k = j2;
				hosted = 1;
			}
		}
		break;
	}
	if (!have_unit && !have_organ)
		return i;
	/* locality after the unit (or after organs: "Ban Chấp hành Trung ương"),
	 * or after a bracketed abbreviation: "Hội Nông dân (HND) huyện ...".
	 * "Quốc hội", "Chính phủ" are central and take no place ("Đại biểu
	 * Quốc hội tỉnh Nghệ An" is a delegate of the province), only a
	 * country: "Quốc hội Lào", "Tổng Liên đoàn lao động (LĐLĐ) Việt Nam" */
	size_t before = k, k2 = k;
	int lv2 = LVL_NONE;
	size_t ab = orgs_inner_abbr(d, k, lim);
	for (int pass = 0; pass < 2 && k2 == before && !hosted; pass++) {
		size_t from = pass ? ab : k;
		if (pass && ab == k)
			break;
		size_t e2 = level == LVL_CENTRAL && have_unit
				? orgs_country_after(d, from, lim)
				: locality(d, from, lim, &lv2, territorial ? 2 : 1);
		if (e2 > from) {
			before = from;
			k2 = e2;
		}
	}
	/* "Ủy ban liên Chính phủ Việt Nam - Lào", "Hội Hữu nghị Việt Nam -
	 * Nhật Bản": a second country after a dash belongs to the name */
	if (!hosted) {
		size_t end = k2 > before ? k2 : k;
		size_t e4 = end < lim ? orgs_country_pair(t, i, end, lim) : 0;
		if (e4 > end) {
			if (k2 == before)
				before = k;
			k2 = e4;
		}
	}
	/* "Ủy ban Mặt trận Tổ quốc (MTTQ) Việt Nam" + "tỉnh Nghệ An": the
	 * country is part of the name, the locality follows it */
	if (k2 > before && !hosted && level != LVL_CENTRAL) {
		size_t pn = 0;
		const lex_entry_t *pe = lex_at(t, LEX_PLACES, before, k2, &pn);
		int lv3 = LVL_NONE;
		size_t e3 = pe && before + pn == k2 && pe->ncols > 1 &&
				    !strcmp(pe->cols[1], "country") && k2 < lim &&
				    !orgs_is_cap(&t->tok[k2])
				? locality(d, k2, lim, &lv3, territorial ? 2 : 1)
				: k2;
		if (e3 > k2) {
			k2 = e3;
			lv2 = lv3;
		}
	}
	if (k2 > before) {
		for (size_t q = before; q < k2 && cl < canon_sz - 2; q++) {
			size_t len = t->tok[q].end - t->tok[q].start;
			if (t->tok[q].flags & TF_SPACE)
				canon[cl++] = ' ';
			if (cl + len >= canon_sz)
				break;
			/* expand abbreviations: TP, TP. -> thành phố */
			const int loc = LEX_LOCALITIES;
			size_t nn = 0;
			const lex_entry_t *le = q == before ? lex_at(t, loc, q, k2, &nn) : NULL;
			if (le && le->ncols > 1 && strcmp(le->cols[1], "-")) {
				cl = text_append(canon, cl, canon_sz, le->cols[1]);
				q += nn - 1;
				/* "Q.9" -> "quận 9" */
				if (q + 1 < k2 && !(t->tok[q + 1].flags & TF_SPACE) &&
				    cl < canon_sz - 1)
					canon[cl++] = ' ';
				continue;
			}
			memcpy(canon + cl, d->text + t->tok[q].start, len);
			cl += len;
		}
		canon[cl] = '\0';
		if (lv2 && (level == LVL_NONE || lv2 == LVL_CENTRAL))
			level = lv2;
		k = k2;
	}
	/* "TAND cấp cao tại Hà Nội" */
	if (unit_tail & ORGS_TAIL_AT) {
		size_t me = orgs_mission_place(d, k, lim);
		if (me > k) {
			cl = canon_copy(d, canon, cl, canon_sz, k, me);
			k = me;
		}
	}
	om->cat = cat < 0 ? CAT_OTHER : cat;
	om->level = level;
	/* term right after: "khóa XIII" */
	om->term = span_make(0, 0);
	if (k < lim && ((tok_kw(t, k) == KW_khoas) || (tok_kw(t, k) == KW_khoas)) && k + 1 < t->n &&
	    (t->tok[k + 1].kind == TK_NUM || (t->tok[k + 1].flags & TF_ROMAN))) {
		om->term = span_make(t->tok[k].start, t->tok[k + 1].end);
	}
	return k;
}

/* The body of that canonical name, added when new. Names compare ignoring
 * ASCII case ("Ủy ban nhân dân Tỉnh" is "Ủy ban nhân dân tỉnh"), through a
 * map of the lower-cased names, so a text naming many bodies stays linear. */
static int find_or_add_org(doc_t *d, strmap_t *names, const char *canon, const org_mention_t *om)
{
	size_t n = strlen(canon);
	char *key = arena_alloc(d->ar, n + 1);
	if (!key)
		return -1;
	for (size_t i = 0; i < n; i++)
		key[i] = (char)(canon[i] >= 'A' && canon[i] <= 'Z' ? canon[i] + 32 : canon[i]);
	int added;
	int *v = strmap_put(names, key, n, (int)d->orgs.n, &added);
	if (!v)
		return -1;
	if (!added)
		return *v;
	org_t *o = avec_push(d->ar, &d->orgs);
	if (!o)
		return -1;
	o->name = doc_strdup(d, canon);
	o->cat = om->cat;
	o->level = om->level;
	o->rule = om->rule;
	return (int)(d->orgs.n - 1);
}

/* A document's issuer read by the documents' own grammar, completed with
 * the body named there: "Sở Y" -> "Sở Y tế tỉnh Hà Tĩnh", "Ban Chỉ đạo" ->
 * "Ban Chỉ đạo về phòng, chống tham nhũng tỉnh". Documents and mentions
 * are both in text order: one sweep. */
static void extend_issuers(doc_t *d)
{
	size_t m = 0;
	for (size_t i = 0; i < d->docs.n; i++) {
		span_t *is = &d->docs.v[i].issuer_span;
		if (span_is_empty(*is))
			continue;
		while (m < d->org_mentions.n && d->org_mentions.v[m].span.start < is->start)
			m++;
		if (m < d->org_mentions.n && d->org_mentions.v[m].span.start == is->start &&
		    d->org_mentions.v[m].span.end > is->end)
			is->end = d->org_mentions.v[m].span.end;
	}
}

int orgs_extract(doc_t *d)
{
	const text_t *t = &d->tx;
	strmap_t names = {.ar = d->ar}, forms = {.ar = d->ar};
	char canon[512];
	size_t i = 0;
	const tok_t *tok = t->tok;
	const uint64_t *lm = t->lexmask;
	const size_t n = t->n;
	/* a token that starts neither a body nor a place is passed over in a
	 * loop of its own, the array read through locals */
	const uint64_t starts = (1ULL << LEX_BODIES) | (1ULL << LEX_PLACES);
	/* the token classes the segmenter kept (tag_classes), made here when
	 * the caller did not segment */
	const uint8_t *cls = d->art.cls ? d->art.cls : (d->art.cls = tag_classes(t));
	if (!cls)
		return -1;
	while (i < n) {
		org_mention_t om;
		while ((i = tag_cls_next(cls, i, TAG_CLS_ORG)) < n &&
		       (!(lm[i] & starts) || tok[i].kind != TK_WORD))
			i++;
		if (i >= n)
			break;
		if (budget_check(t->budget))
			return -1;
		/* every body starts with an entry of bodies.tsv */
		if (t->tok[i].kind != TK_WORD || !lex_starts(t, LEX_BODIES, i)) {
			/* a place of several words is not read from its middle:
			 * "Tây Ban Nha" holds no "Ban" */
			size_t pn = 0;
			if (orgs_is_cap(&t->tok[i]) && lex_at(t, LEX_PLACES, i, t->n, &pn) &&
			    pn > 1)
				i += pn;
			else
				i++;
			continue;
		}
		/* the issuer code inside a document's symbol ("123/QĐ-UBND",
		 * "567/UBND-KT") names no body in the text */
		if (i >= 2 && !(t->tok[i].flags & TF_SPACE) && t->tok[i - 1].kind == TK_PUNCT &&
		    !(t->tok[i - 1].flags & TF_SPACE) &&
		    (tok_punct(t, i - 1, '/') ||
		     (tok_punct(t, i - 1, '-') && (t->tok[i - 2].flags & TF_UPPER)))) {
			i++;
			continue;
		}
		memset(&om, 0, sizeof om);
		/* "Phó Bí thư Thường trực Tỉnh ủy": "Thường trực" belongs to the
		 * title before it, and the body is "Tỉnh ủy" */
		if ((tok_kw(t, i) == KW_thuwowngf) && (tok_kw(t, i + 1) == KW_truwcj) && i > 0) {
			const int pos = LEX_POSITIONS;
			int after_title = 0;
			for (size_t q = i; q > 0 && i - q < 4 && !after_title;) {
				q--;
				size_t pn = 0;
				if (lex_at(t, pos, q, i, &pn) && q + pn == i)
					after_title = 1;
			}
			if (after_title) {
				i += 2;
				continue;
			}
		}
		size_t j = read_org(d, i, t->n, &om, canon, sizeof canon, 0);
		if (j == i) {
			i++;
			continue;
		}
		/* a committee of another body: "Ủy ban Tài chính - Ngân sách của
		 * Quốc hội", "Đoàn giám sát của Ban Văn hóa - Xã hội HĐND TP" */
		if (j + 1 < t->n && (tok_kw(t, j) == KW_cuar) && span_is_empty(om.term) &&
		    ((tok_kw(t, i) == KW_uyr) || (tok_kw(t, i) == KW_ban) ||
		     (tok_kw(t, i) == KW_ddoanf) || (tok_kw(t, i) == KW_hooij) ||
		     (tok_kw(t, i) == KW_toor) || (tok_kw(t, i) == KW_tieeur) ||
		     (tok_kw(t, i) == KW_nhoms))) {
			org_mention_t om2;
			char canon2[256];
			memset(&om2, 0, sizeof om2);
			size_t j2 = read_org(d, j + 1, t->n, &om2, canon2, sizeof canon2, 0);
			if (j2 > j + 1) {
				size_t cl = strlen(canon), c2 = strlen(canon2);
				cl = text_append(canon, cl, sizeof canon, " ");
				cl = text_append(canon, cl, sizeof canon,
						 lex_entry(LEX_PHRASE_OF, 0)->form);
				cl = text_append(canon, cl, sizeof canon, " ");
				text_appendn(canon, cl, sizeof canon, canon2, c2 < 200 ? c2 : 200);
				om.term = om2.term;
				if (!om.level)
					om.level = om2.level;
				j = j2;
			}
		}
		om.span = span_make(t->tok[i].start, t->tok[j - 1].end);
		om.tok_start = i;
		om.tok_end = j;
		om.rule = "org.lexicon";
		om.canonical = doc_strdup(d, canon);
		if (!om.canonical)
			return -1;
		int oi = find_or_add_org(d, &names, canon, &om);
		if (oi < 0) {
			return -1;
		}
		om.org = oi;
		org_t *o = &d->orgs.v[oi];
		span_t *ms = avec_push(d->ar, &o->mentions);
		if (!ms) {
			return -1;
		}
		*ms = om.span;
		if (!span_is_empty(om.term) && !o->term)
			o->term = doc_span_dup(d, om.term);
		/* a spelling seen before for this body: key "<org>\t<form>" */
		char *form = doc_span_dup(d, om.span);
		size_t fl = form ? strlen(form) : 0;
		char *fk = form ? arena_alloc(d->ar, fl + 16) : NULL;
		if (!fk)
			return -1;
		size_t kl = text_utoa(fk, (unsigned)oi);
		int added;
		fk[kl++] = '\t';
		memcpy(fk + kl, form, fl + 1);
		kl += fl;
		if (!strmap_put(&forms, fk, (size_t)kl, 0, &added))
			return -1;
		if (added) {
			char **f = avec_push(d->ar, &o->forms);
			if (!f)
				return -1;
			*f = form;
		}
		org_mention_t *slot = avec_push(d->ar, &d->org_mentions);
		if (!slot) {
			return -1;
		}
		*slot = om;
		i = j;
	}
	extend_issuers(d);
	return 0;
}
