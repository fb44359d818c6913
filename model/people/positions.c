/* The phrase grammar of people: names (2-4 capitalised syllables, led by a
 * family name unless a trigger vouches), titles and the positions they make
 * with the body after them, and apposition chains after a name. */
#include <stdio.h>
#include <string.h>

#include "model/people/people_internal.h"

/* people_internal.h: people_start_kw */
const uint8_t people_start_kws[KW_COUNT] = {
    [KW_cacs] = 1, [KW_nguyeen] = 1, [KW_quyeenf] = 1, [KW_cuwuj] = 1, [KW_taan] = 1,
};

/* "-" or "–" with a space before or after it: an apposition separator
 * ("A - Bí thư", "A- Bí thư"); a glued one joins words ("NN-PTNT") */
int people_is_dash_sep(const ctx_t *c, size_t i)
{
	return people_is_punct(c, i, '-') &&
	       ((c->t->tok[i].flags & TF_SPACE) || (c->t->tok[i + 1].flags & TF_SPACE));
}

/* A spaced dash between the two fields of one department's name
 * ("Trưởng phòng Tài chính - Kế hoạch huyện", "Giám đốc Sở Văn hóa - Thể
 * thao"): after a word of the field, before a capitalised word that starts
 * no title and no name. "Bí thư Tỉnh ủy - Chủ tịch HĐND tỉnh" and "... -
 * Lê Văn A" still separate. */
static int dash_joins_fields(const ctx_t *c, size_t k, size_t lim)
{
	const text_t *t = c->t;
	return k > 0 && k + 2 < lim && people_is_punct(c, k, '-') && (t->tok[k].flags & TF_SPACE) &&
	       (t->tok[k + 1].flags & TF_SPACE) && t->tok[k - 1].kind == TK_WORD &&
	       t->tok[k + 1].kind == TK_WORD && people_is_cap(&t->tok[k + 1]) &&
	       !(t->tok[k + 1].flags & TF_NL) && !people_title_start(c, k + 1) &&
	       people_name_after(c, k + 1, 0, 1) <= k + 1;
}

/* The verbs "giao" (to assign) and "ký" (to sign) end a position, but
 * are also the lower-case second syllables of "Ngoại giao" and "Thư ký":
 * between capitalised words ("Bộ trưởng Ngoại giao Trung Quốc", "Bộ
 * trưởng Ngoại giao Vương Nghị") and not after a body ("UBND tỉnh giao
 * ...") they do not. */
static int stop_in_field(const ctx_t *c, size_t i, size_t k)
{
	const text_t *t = c->t;
	return k > i && k + 1 < t->n && (tok_kw(t, k) == KW_giao || tok_kw(t, k) == KW_kys) &&
	       people_is_cap(&t->tok[k - 1]) && c->pt[k - 1].org_in < 0 &&
	       !(t->tok[k].flags & TF_NL) && people_is_cap(&t->tok[k + 1]) &&
	       !(t->tok[k + 1].flags & TF_NL) && !people_title_start(c, k + 1);
}

/* Position title at i ("Phó Bí thư", "nguyên Chủ tịch"): returns end or i. */
static size_t title_at(const ctx_t *c, size_t i, const lex_entry_t **ent)
{
	size_t k = i, n = 0;
	if (people_modifier_kw(tok_kw(c->t, k)))
		k++;
	const lex_entry_t *e = lex_at(c->t, c->pos, k, c->t->n, &n);
	if (!e || lex_starts(c->t, LEX_PWORD_TITLE_NOT, k))
		return i;
	/* titles are written capitalised in this genre ("Bí thư", "Phó Chủ tịch");
	 * "ủy viên" in lower case is mostly a common noun */
	if (!people_is_cap(&c->t->tok[k]))
		return i;
	if (people_col_is(e, 2, "modifier"))
		return i;
	/* a body's head noun that begins with a title is the body: "Đại sứ
	 * quán", "Tổng Lãnh sự quán" (not "Đại sứ", "Tổng Lãnh sự") */
	size_t bn = 0;
	const lex_entry_t *be = lex_at(c->t, LEX_BODIES, k, c->t->n, &bn);
	if (be && bn > n && people_col_is(be, 4, "generic"))
		return i;
	*ent = e;
	return k + n;
}

/* people_title_start past its one-bit rejection */
int people_title_at_start(const ctx_t *c, size_t i)
{
	const lex_entry_t *e;
	return title_at(c, i, &e) > i;
}

/* The post of an envoy after the position phrase ending at k: "Đại sứ
 * Việt Nam tại Nhật Bản", "Đại sứ nước này tại Washington", "Trưởng Đại
 * diện UNDP tại Việt Nam": "tại" (after at most two lower-case words) and
 * a place, or one capitalised word before a name or the end of the
 * phrase. Returns the new end, or k. */
static size_t envoy_post(const ctx_t *c, size_t k, size_t lim)
{
	const text_t *t = c->t;
	size_t q = k;
	while (q < lim && q < k + 2 && t->tok[q].kind == TK_WORD && !people_is_cap(&t->tok[q]) &&
	       tok_kw(t, q) != KW_taij && !people_is_stop(c, q))
		q++;
	if (q + 1 >= lim || tok_kw(t, q) != KW_taij || !people_is_cap(&t->tok[q + 1]) ||
	    (t->tok[q].flags & TF_NL) || (t->tok[q + 1].flags & TF_NL))
		return k;
	size_t pn = 0;
	if (lex_at(t, c->pl, q + 1, lim, &pn))
		return q + 1 + pn;
	if (c->pt[q + 1].org_at >= 0)
		return c->d->org_mentions.v[c->pt[q + 1].org_at].tok_end;
	size_t w = q + 2;
	if (w >= lim || !people_is_cap(&t->tok[w]) || (t->tok[w].flags & TF_NL) ||
	    people_name_after(c, w, 0, 1) > w)
		return w;
	return k;
}

/* people_position_at past its one-bit rejection */
size_t people_position_found(const ctx_t *c, size_t i, size_t lim, position_t *out, int before_name)
{
	const text_t *t = c->t;
	const lex_entry_t *e = NULL;
	/* "Bí thư" inside the body "Ban Bí thư" is no title */
	if (i < t->n && c->pt[i].org_in >= 0 && c->d->org_mentions.v[c->pt[i].org_in].tok_start < i)
		return i;
	size_t k = title_at(c, i, &e);
	if (k == i)
		return i;
	int standalone = people_col_is(e, 2, "standalone");
	out->org_mention = -1;
	/* the body: a recognised organisation, or a capitalised run that is
	 * not the person's name */
	while (k < lim) {
		const tok_t *x = &t->tok[k];
		if (x->flags & TF_NL)
			break;
		/* a body that starts here, or one that started inside the title
		 * ("Phó Bí thư Thường trực" + "Tỉnh ủy" read as "Thường trực Tỉnh ủy") */
		if (c->pt[k].org_in >= 0) {
			int mi = c->pt[k].org_at >= 0 ? c->pt[k].org_at : c->pt[k].org_in;
			const org_mention_t *om = &c->d->org_mentions.v[mi];
			if (out->org_mention < 0)
				out->org_mention = mi;
			if (before_name) {
				size_t nt = people_name_in_body_tail(c, k, om->tok_end);
				if (nt < om->tok_end) {
					k = nt;
					break;
				}
			}
			k = om->tok_end;
			if (before_name && k < lim && people_is_cap(&t->tok[k]) &&
			    people_ends_with_country(c, k) && c->pt[k].org_in < 0 &&
			    !people_title_start(c, k))
				break;
			continue;
		}
		/* a place of two words or more belongs to the body, though it
		 * may start with a family name: "Hội đồng Châu Âu Charles Michel" */
		size_t pn2 = 0;
		if (before_name && k > i && people_is_cap(x) && lex_at(t, c->pl, k, lim, &pn2) &&
		    pn2 >= 2) {
			k += pn2;
			if (k < lim && people_is_cap(&t->tok[k]) && c->pt[k].org_in < 0 &&
			    !people_title_start(c, k) && (t->tok[k].flags & TF_SPACE))
				break;
			continue;
		}
		if (before_name && people_surname_at(c, k) && people_name_at(c, k, 1) > k)
			break;
		/* "Tổng Giám đốc WTO Pascal Lamy": a foreign name ends the body */
		if (before_name && people_foreign_name_at(c, k) > k)
			break;
		/* an abbreviation in brackets inside the body: "Liên đoàn giới chủ
		 * Tây Ban Nha (CEOE)" */
		if (k > i && people_is_punct(c, k, '(') && k + 2 < lim &&
		    t->tok[k + 1].kind == TK_WORD && (t->tok[k + 1].flags & TF_UPPER) &&
		    people_is_punct(c, k + 2, ')')) {
			k += 3;
			continue;
		}
		/* a foreign official: "Chủ tịch Quốc hội Lào Pany Yathotou" — the
		 * capitalised words after a country name are the person's name */
		size_t cn = 0;
		const lex_entry_t *ce = lex_at(t, c->pl, k, lim, &cn);
		if (ce && people_col_is(ce, 1, "country") && people_is_cap(x)) {
			k += cn;
			if (before_name && k < lim && people_is_cap(&t->tok[k]) &&
			    c->pt[k].org_in < 0 && !people_title_start(c, k) &&
			    (t->tok[k].flags & TF_SPACE))
				break;
			continue;
		}
		/* "Trung ương" is one word whose second syllable is lower case */
		if ((tok_kw(t, k) == KW_trung) && (tok_kw(t, k + 1) == KW_uwowng) &&
		    !(t->tok[k + 1].flags & TF_NL)) {
			k += 2;
			continue;
		}
		if (people_is_cap(x)) {
			(void)standalone; /* "Thủ tướng Chính phủ": keep going */
			k++;
			continue;
		}
		size_t n = 0;
		if (x->kind == TK_WORD && lex_at(t, c->loc, k, k + 1, &n)) {
			k++;
			continue;
		}
		if (x->kind == TK_NUM && k > i) {
			k++;
			continue;
		}
		if (x->kind == TK_PUNCT &&
		    (t->keys[x->key] == '&' || t->keys[x->key] == '.' ||
		     (t->keys[x->key] == '-' && !(x->flags & TF_SPACE))) &&
		    k + 1 < lim && people_is_cap(&t->tok[k + 1]) &&
		    !(t->tok[k + 1].flags & TF_SPACE) &&
		    !(t->keys[x->key] == '-' && people_title_start(c, k + 1))) {
			k += 2;
			continue;
		}
		if (dash_joins_fields(c, k, lim)) {
			k += 2;
			continue;
		}
		size_t n0 = 0;
		/* the lower-case second syllable of a capitalised word at the end
		 * of the phrase: "Ủy viên Thường vụ, ...", "Ủy viên Thường vụ chủ trì" */
		if (x->kind == TK_WORD && k > i && people_is_cap(&t->tok[k - 1]) &&
		    !(x->flags & TF_NL) && (!people_is_stop(c, k) || stop_in_field(c, i, k)) &&
		    (k + 1 >= lim || t->tok[k + 1].kind == TK_PUNCT || people_is_stop(c, k + 1) ||
		     (t->tok[k + 1].flags & TF_NL) || lex_at(t, c->loc, k + 1, k + 2, &n0) ||
		     /* "Trưởng ban Chỉ đạo Tây Nam bộ Vương Đình Huệ" */
		     (before_name && people_name_after(c, k + 1, 0, 1) > k + 1))) {
			k++;
			/* "Đào tạo huyện": a place word may still follow */
			if (k < lim && lex_at(t, c->loc, k, k + 1, &n0))
				continue;
			if (dash_joins_fields(c, k, lim)) {
				k += 2;
				continue;
			}
			/* "Giáo dục và Đào tạo": "và" joins two fields of one name */
			if (k + 1 < lim && (tok_kw(t, k) == KW_vaf) &&
			    people_is_cap(&t->tok[k + 1]) && !people_title_start(c, k + 1) &&
			    people_name_at(c, k + 1, 1) == k + 1) {
				k++;
				continue;
			}
			break;
		}
		/* lower-case words inside a body name: "Hội nhà báo Việt Nam",
		 * "Ủy viên dự khuyết Trung ương": allowed when a capitalised
		 * word follows within two tokens and no stop word is crossed */
		if (x->kind == TK_WORD && (!people_is_stop(c, k) || stop_in_field(c, i, k))) {
			size_t q = k;
			while (q < lim && q < k + 3 && t->tok[q].kind == TK_WORD &&
			       !people_is_cap(&t->tok[q]) &&
			       (!people_is_stop(c, q) || (q == k && stop_in_field(c, i, q))) &&
			       !(t->tok[q].flags & TF_NL) && !lex_starts(t, LEX_HONORIFICS, q))
				q++;
			/* "Ủy ban châu Âu", "Ngân hàng châu Á": a place whose first
			 * word is lower case ends here */
			size_t lp = 0;
			if (q < lim && q > k && people_is_cap(&t->tok[q]) &&
			    lex_at(t, c->pl, q - 1, lim, &lp) && lp >= 2) {
				k = q - 1 + lp;
				continue;
			}
			if (q < lim && q > k && people_is_cap(&t->tok[q]) &&
			    !(t->tok[q].flags & TF_NL) && !people_title_start(c, q) &&
			    !(before_name && people_name_after(c, q, 0, 1) > q) &&
			    !((tok_kw(t, q - 1) == KW_vaf) && people_name_at(c, q, 1) > q)) {
				k = q;
				continue;
			}
			/* "Tổ chức Thương mại thế giới (WTO)" */
			if (q < lim && q > k && people_is_punct(c, q, '(') && q + 2 < lim &&
			    (t->tok[q + 1].flags & TF_UPPER) && people_is_punct(c, q + 2, ')')) {
				k = q;
				continue;
			}
		}
		break;
	}
	if (people_col_is(e, 2, "envoy"))
		k = envoy_post(c, k, lim);
	out->span = span_make(t->tok[i].start, t->tok[k - 1].end);
	out->tok_start = i;
	out->tok_end = k;
	out->title =
	    doc_strdup(c->d, e->ncols > 1 && !people_col_is(e, 1, "-") ? e->cols[1] : e->form);
	return k;
}

int people_add_pos(arena_t *ar, person_mention_t *pm, position_t *p)
{
	position_t *s = avec_push(ar, &pm->positions);
	if (!s) {
		return -1;
	}
	*s = *p;
	return 0;
}

/* A dash glued on both sides before a title separates too: "Lê Văn
 * Tam-Ủy viên Ban Thường vụ Tỉnh ủy", "... Tỉnh ủy-Phó Chủ tịch UBND tỉnh"
 * (a glued dash between other words joins them: "NN-PTNT"). */
static int glued_dash_title(const ctx_t *c, size_t k)
{
	return people_is_punct(c, k, '-') && !(c->t->tok[k].flags & TF_SPACE) && k + 1 < c->t->n &&
	       !(c->t->tok[k + 1].flags & TF_SPACE) && people_title_start(c, k + 1);
}

/* Apposition chain after a name: ", pos, pos" or " - pos, pos" or " (pos)".
 * Returns the end token. */
size_t people_chain_after(const ctx_t *c, size_t j, person_mention_t *pm)
{
	const text_t *t = c->t;
	size_t k = j;
	int paren = 0;
	if (people_is_punct(c, k, ',') || people_is_dash_sep(c, k) || people_is_punct(c, k, ':') ||
	    glued_dash_title(c, k)) {
		k++;
	} else if (people_is_punct(c, k, '(')) {
		k++;
		paren = 1;
	} else {
		return j;
	}
	size_t end = j;
	for (;;) {
		position_t p = {0};
		size_t e = people_position_at(c, k, t->n, &p, 0);
		if (e == k)
			break;
		/* "A, Chủ tịch HĐND tỉnh X, Chủ tịch HĐND tỉnh Y Lò Văn Muôn":
		 * a position followed by a name introduces the next person */
		position_t p2 = {0};
		size_t e2 = people_position_at(c, k, t->n, &p2, 1);
		if (e2 > k && e2 < e && people_name_after(c, e2, 0, 1) > e2) {
			break;
		}
		/* in brackets the position runs to the closing one: "(Giám đốc
		 * Trung tâm nghiên cứu kinh tế và hỗ trợ doanh nghiệp BSA)" */
		if (paren && !people_is_punct(c, e, ')') && !people_is_punct(c, e, ',') &&
		    !people_is_punct(c, e, ';')) {
			size_t q = e;
			while (q < t->n && q < e + 16 && t->tok[q].kind != TK_PUNCT &&
			       !(t->tok[q].flags & TF_NL))
				q++;
			if (q < t->n && people_is_punct(c, q, ')') && !(t->tok[q].flags & TF_NL)) {
				e = q;
				p.tok_end = q;
				p.span = span_make(t->tok[p.tok_start].start, t->tok[q - 1].end);
			}
		}
		if (people_add_pos(c->d->ar, pm, &p))
			return end;
		end = e;
		k = e;
		if (people_is_punct(c, k, ',') || people_is_dash_sep(c, k) ||
		    glued_dash_title(c, k)) {
			/* the next segment must be a title, else the chain ended
			 * (a list of people follows) */
			if (people_title_start(c, k + 1)) {
				k++;
				continue;
			}
			break;
		}
		if ((tok_kw(t, k) == KW_kieem) && people_title_start(c, k + 1)) {
			k++;
			continue;
		}
		break;
	}
	if (paren && people_is_punct(c, end, ')'))
		end++;
	return end;
}
