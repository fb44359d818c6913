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

#include "model/extract.h"
#include "model/lexicon/lex.h"
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

static int is_cap(const tok_t *t)
{
	return t->kind == TK_WORD && (t->flags & (TF_CAP | TF_UPPER));
}

/* First syllables of verbs and function words that follow a body's name
 * ("Đại học Huế tổ chức", "Trung tâm X cùng phối hợp"): never the lower-case
 * second syllable of a name. */
static int verbish(const text_t *t, size_t j)
{
	return j < t->n && lex_starts(t, LEX_CUE_ORG_VERB, j);
}

/* a lower-case word that can be a syllable of a name */
static int plain_lower(const text_t *t, size_t j)
{
	size_t nn;
	return t->tok[j].kind == TK_WORD && !is_cap(&t->tok[j]) && !(t->tok[j].flags & TF_NL) &&
	       !lex_at(t, LEX_LOCALITIES, j, j + 1, &nn) && !verbish(t, j) &&
	       !(tok_kw(t, j) == KW_khoas) && !(tok_kw(t, j) == KW_nhieemj) && !(tok_kw(t, j) == KW_laanf) &&
	       !(tok_kw(t, j) == KW_nawm) && !(tok_kw(t, j) == KW_cacs) && !(tok_kw(t, j) == KW_nhuwngx);
}

/* Tokens that continue a proper name after a generic head: a capitalised
 * word, its lower-case second syllable ("Tài chính"), "và"/"&"/"-" between
 * capitalised words ("Kế hoạch và Đầu tư", "KH-ĐT"), a number after a word
 * ("Quân khu 4"). Returns the end token. */
static size_t name_run(const doc_t *d, size_t k, size_t lim)
{
	const text_t *t = &d->tx;
	size_t j = k;
	if (j >= lim || !is_cap(&t->tok[j]) || (t->tok[j].flags & TF_NL))
		return k;
	while (j < lim) {
		const tok_t *x = &t->tok[j];
		if (j > k && (x->flags & TF_NL))
			break;
		if (is_cap(x)) {
			/* another body starts here: "Ban Phong trào" + "Ủy ban
			 * Trung ương MTTQ Việt Nam" */
			size_t nb = 0;
			/* a country ends a foreign body's name: "Bộ Nông Lâm Lào" */
			const lex_entry_t *ce = j > k ? lex_at(t, LEX_PLACES, j, lim, &nb) : NULL;
			if (ce && ce->ncols > 1 && !strcmp(ce->cols[1], "country") &&
			    !(j + nb < lim && t->tok[j + nb].kind == TK_WORD && !is_cap(&t->tok[j + nb]))) {
				j += nb;
				break;
			}
			nb = 0;
			const lex_entry_t *be = j > k ? lex_at(t, LEX_BODIES, j, lim, &nb) : NULL;
			if (be && nb >= 2 && be->ncols > 4 && strcmp(be->cols[4], "generic"))
				break;
			j++;
			/* lower-case syllables inside a name: "Tài chính", "Khu kinh
			 * tế Đông Nam" (up to two, when a capitalised word follows),
			 * or one that ends the name ("Sở Tài chính tỉnh", "Bộ Nội vụ
			 * ban hành") — but not a verb ("Đại học Vinh tuyển sinh") */
			size_t q = j;
			while (q < lim && q < j + 2 && plain_lower(t, q))
				q++;
			if (q > j && q < lim && (is_cap(&t->tok[q]) || t->tok[q].kind == TK_NUM) &&
			    !(t->tok[q].flags & TF_NL)) {
				j = q;
			} else if (q > j) {
				/* the run ends the name when a verb, a place word or
				 * punctuation follows it */
				for (size_t r = q; r > j; r--) {
					size_t nn;
					if (r >= lim || t->tok[r].kind == TK_PUNCT || (t->tok[r].flags & TF_NL) ||
					    verbish(t, r) ||
					    lex_at(t, LEX_LOCALITIES, r, lim, &nn)) {
						j = r;
						break;
					}
				}
			}
			continue;
		}
		if (x->kind == TK_NUM && j > k && !(x->flags & TF_NL)) {
			j++;
			continue;
		}
		/* connectors need a capitalised word after them */
		if (((tok_kw(t, j) == KW_vaf) || (x->kind == TK_PUNCT && (t->keys[x->key] == '&' ||
								 t->keys[x->key] == '-'))) &&
		    j + 1 < lim && is_cap(&t->tok[j + 1])) {
			/* "A - B" with spaces separates a name from a title ("X -
			 * Chủ tịch ..."), but joins two fields in a committee's name
			 * ("Ban Kinh tế - Ngân sách", "Ban Dân chủ - Pháp luật") */
			if (x->kind == TK_PUNCT && t->keys[x->key] == '-' && (x->flags & TF_SPACE) &&
			    (t->tok[j + 1].flags & TF_SPACE)) {
				size_t n2 = 0;
				if (j - k > 3 || lex_at(t, LEX_POSITIONS, j + 1, lim, &n2) ||
				    lex_at(t, LEX_SURNAMES, j + 1, lim, &n2) ||
				    lex_at(t, LEX_BODIES, j + 1, lim, &n2))
					break;
			}
			j++;
			continue;
		}
		break;
	}
	return j;
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
		if (pe && !(t->tok[j].flags & TF_NL) && is_cap(&t->tok[j])) {
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
		/* a surname-led run after "tỉnh" is a person ("UBND tỉnh Phạm Anh
		 * Tuấn" in "Chủ tịch UBND tỉnh Phạm Anh Tuấn"), not a place */
		const int sur = LEX_SURNAMES;
		size_t sn = 0;
		if (j < lim && lex_at(t, sur, j, lim, &sn))
			return j;
		while (c < lim && c < j + 3 && is_cap(&t->tok[c]) && !(t->tok[c].flags & TF_NL))
			c++;
		return c;
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
	if (k + 2 < lim + 1 && (tok_kw(t, k) == KW_t) && k + 2 < t->n && t->keys[t->tok[k + 1].key] == '.' &&
	    (tok_kw(t, k + 2) == KW_uw)) {
		*level = LVL_CENTRAL;
		return k + 3;
	}
	if (unit_needs_place && k < lim && is_cap(&t->tok[k]) && !(t->tok[k].flags & TF_NL)) {
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
			while (c < lim && c < k + 6 && is_cap(&t->tok[c]) && !(t->tok[c].flags & TF_NL) &&
			       (t->tok[c].flags & TF_SPACE) && !lex_at(t, pos, c, lim, &sn) &&
			       !lex_at(t, bod, c, lim, &sn))
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

/* Try to read a body starting at token i. Fills *om; returns end token or i. */
static size_t read_org(doc_t *d, size_t i, size_t lim, org_mention_t *om, char *canon,
		       size_t canon_sz)
{
	const text_t *t = &d->tx;
	const int bodies = LEX_BODIES;
	size_t k = i;
	int cat = -1, level = LVL_NONE, have_unit = 0, have_organ = 0, generic = 0, territorial = 0;
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
		if (!is_cap(&t->tok[k]) &&
		    (strcmp(role, "unit") || n < 2 ||
		     !((tok_kw(t, k) == KW_tinhr) || (tok_kw(t, k) == KW_thanhf) || (tok_kw(t, k) == KW_huyeenj) ||
		       (tok_kw(t, k) == KW_quaanj) || (tok_kw(t, k) == KW_thij))))
			break;
		if (!strcmp(role, "generic")) {
			size_t j = name_run(d, k + n, lim);
			if (j == k + n)
				break;
			if (cl)
				cl = text_append(canon, cl, canon_sz, " ");
			cl = text_append(canon, cl, canon_sz, cn);
			cl = text_append(canon, cl, canon_sz, " ");
			for (size_t q = k + n; q < j && cl < canon_sz - 1; q++) {
				size_t len = t->tok[q].end - t->tok[q].start;
				if (q > k + n && (t->tok[q].flags & TF_SPACE))
					canon[cl++] = ' ';
				if (cl + len >= canon_sz)
					break;
				memcpy(canon + cl, d->text + t->tok[q].start, len);
				cl += len;
			}
			canon[cl] = '\0';
			if (cat < 0)
				cat = cat_of(e->ncols > 2 ? e->cols[2] : NULL);
			k = j;
			have_unit = 1;
			generic = 1;
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
			continue;
		}
		/* a party organ of another body is a party body: "Đảng ủy Công
		 * an tỉnh", "Ban cán sự đảng Bộ Tư pháp" */
		if (!(have_organ && cat == CAT_PARTY))
			cat = c;
		if (lv)
			level = lv;
		have_unit = 1;
		territorial = (tok_kw(t, k + n - 1) == KW_uyr) && n <= 2;
		k += n;
		break;
	}
	if (!have_unit && !have_organ)
		return i;
	(void)generic;
	/* locality after the unit (or after organs: "Ban Chấp hành Trung ương") */
	size_t before = k;
	int lv2 = LVL_NONE;
	/* "Quốc hội", "Chính phủ" are central and take no place: "Đại biểu
	 * Quốc hội tỉnh Nghệ An" is a delegate of the province */
	size_t k2 = level == LVL_CENTRAL && have_unit ? k
		    : locality(d, k, lim, &lv2, territorial ? 2 : 1);
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
				if (q + 1 < k2 && !(t->tok[q + 1].flags & TF_SPACE) && cl < canon_sz - 1)
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
	} else if (!have_unit) {
		/* organ alone ("Ban Thường vụ", "Thường trực"): refers to the
		 * body in context; keep it, unqualified */
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

int orgs_extract(doc_t *d)
{
	const text_t *t = &d->tx;
	strmap_t names = {.ar = d->ar}, forms = {.ar = d->ar};
	char canon[512];
	size_t i = 0;
	while (i < t->n) {
		org_mention_t om;
		if (budget_check(t->budget))
			return -1;
		/* every body starts with an entry of bodies.tsv */
		if (t->tok[i].kind != TK_WORD || !lex_starts(t, LEX_BODIES, i)) {
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
		size_t j = read_org(d, i, t->n, &om, canon, sizeof canon);
		if (j == i) {
			i++;
			continue;
		}
		/* a committee of another body: "Ủy ban Tài chính - Ngân sách của
		 * Quốc hội", "Đoàn giám sát của Ban Văn hóa - Xã hội HĐND TP" */
		if (j + 1 < t->n && (tok_kw(t, j) == KW_cuar) && span_is_empty(om.term) &&
		    ((tok_kw(t, i) == KW_uyr) || (tok_kw(t, i) == KW_ban) || (tok_kw(t, i) == KW_ddoanf) ||
		     (tok_kw(t, i) == KW_hooij) || (tok_kw(t, i) == KW_toor) || (tok_kw(t, i) == KW_tieeur))) {
			org_mention_t om2;
			char canon2[256];
			memset(&om2, 0, sizeof om2);
			size_t j2 = read_org(d, j + 1, t->n, &om2, canon2, sizeof canon2);
			if (j2 > j + 1) {
				size_t cl = strlen(canon), c2 = strlen(canon2);
				cl = text_append(canon, cl, sizeof canon, " ");
				cl = text_append(canon, cl, sizeof canon, lex_entry(LEX_PHRASE_OF, 0)->form);
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
	return 0;
}
