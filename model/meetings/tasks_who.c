/* Who must do it ("rõ người"): the assignees of a directive, as written, a
 * list split the way the corpus conventions say. An assignee is a noun
 * phrase: a body, a person, a position, a place, or a common noun phrase
 * ("các sở, ngành liên quan", "cấp ủy các cấp"); it ends where the action
 * starts (a verb of tasks.tsv), at a deadline, at "để". Distinct bodies
 * joined by "," or "và" are one task each; a collective phrase stays one
 * ("các cơ quan, tổ chức hữu quan"): a common noun without a quantifier of
 * its own belongs to the common noun before it. */
#include <string.h>

#include "model/meetings/tasks.h"

/* Column 3 of tasks.tsv as a use; the names are told apart by their first
 * two letters (and "pl..." by the third), so that a lookup costs a switch,
 * not a row of string compares. */
static enum task_use use_of(const char *u)
{
	switch (u[0]) {
	case 'a':
		return u[1] == 's' ? TU_ASK : TU_ACT;
	case 'c':
		return TU_COORD;
	case 'h':
		return TU_HEAD;
	case 'l':
		return TU_LEAD;
	case 'm':
		return TU_MAKE;
	case 'o':
		return u[1] == 'r'   ? TU_ORDER
		       : u[1] == 'p' ? (u[2] == 'e' ? TU_OPEN : TU_OPINION)
				     : TU_NONE;
	case 'p':
		if (u[1] == 'a')
			return u[2] == 's' && u[3] == 't' ? TU_PAST : TU_PASSIVE;
		if (u[1] == 'e')
			return TU_PERIOD;
		return u[2] == 'u' ? TU_PLURAL : TU_PLEDGE;
	case 'q':
		return u[3] == 'l' ? TU_QUAL : TU_QUANT;
	case 'r':
		return u[2] == 'p' ? TU_REPORT : TU_RESULT;
	case 's':
		return u[1] == 'e'   ? TU_SELF
		       : u[1] == 't' ? TU_STRONG
		       : u[1] == 'u' ? TU_SUBMIT
				     : TU_SPEAKER;
	case 't':
		return TU_TAIL;
	case 'v':
		return TU_VAGUE;
	case 'w':
		return u[1] == 'i' ? TU_WISH : TU_WORD;
	}
	return TU_NONE;
}

enum task_use meetings_task_use_hit(const text_t *t, int lx, size_t i, size_t lim, size_t *n)
{
	size_t k = 0;
	const lex_entry_t *e = lex_at(t, lx, i, lim, &k);
	if (!e || ((lx == LEX_TASK_VERB || lx == LEX_TASK_CUE) && meetings_task_in_word(t, i)))
		return TU_NONE;
	if (n)
		*n = k;
	if (e->ncols < 3)
		return TU_PRODUCT;
	const char *u = e->cols[2];
	/* "lead" is a verb's use in class verb and a deadline's in class when */
	if (lx == LEX_TASK_WHEN && u[0] == 'l')
		return TU_WLEAD;
	return use_of(u);
}

int meetings_task_in_word(const text_t *t, size_t i)
{
	size_t n;
	for (size_t k = 0; k < 3 && k <= i; k++)
		if (meetings_task_use(t, LEX_TASK_NOT, i - k, t->n, &n) == TU_WORD && n > k)
			return 1;
	return 0;
}

int meetings_task_quant(const text_t *t, size_t i, size_t lim, size_t *n)
{
	return meetings_task_use(t, LEX_TASK_AGENT, i, lim, n) == TU_QUANT;
}

static int is_word(const text_t *t, size_t i)
{
	return i < t->n && t->tok[i].kind == TK_WORD;
}

static int is_cap(const text_t *t, size_t i)
{
	return is_word(t, i) && (t->tok[i].flags & (TF_CAP | TF_UPPER));
}

/* A capital that names: not the first word of a sentence, a bullet or a
 * line ("Các địa phương ..." is a common noun). */
static int name_cap(const text_t *t, size_t i)
{
	if (!is_cap(t, i) || (t->tok[i].flags & (TF_SENT | TF_NL)))
		return 0;
	return !(i > 0 && t->tok[i - 1].kind == TK_PUNCT && !task_is_punct(t, i - 1, ',') &&
		 !task_is_punct(t, i - 1, '('));
}

/* The head of an assignee at token h: its end (0 when there is none), and
 * what it is. A lower-case "plural" head ("sở", "bộ") needs a quantifier
 * or a list before it (plural_ok). */
static size_t item_head(const mctx_t *c, size_t k, size_t h, size_t lim, int plural_ok,
			task_who_t *w, int *strict)
{
	const doc_t *d = c->d;
	const text_t *t = c->t;
	size_t n = 0;
	*strict = 0;
	if (h >= lim || !is_word(t, h))
		return 0;
	/* a person named here, with the positions written beside the name; the
	 * person's phrase may open with the honorific left out (k) */
	for (size_t q = meetings_pm_from(d, k);
	     q < d->person_mentions.n && d->person_mentions.v[q].ctx_start <= h; q++) {
		const person_mention_t *p = &d->person_mentions.v[q];
		if (p->ctx_start != h && p->tok_start != h)
			continue;
		if (!p->is_title_only && p->ctx_end <= lim) {
			w->person = p->person;
			w->generic = 0;
			*strict = 2;
			return p->ctx_end;
		}
	}
	int om = meetings_org_mention_at(d, h);
	if (om >= 0 && d->org_mentions.v[om].tok_end <= lim) {
		w->org = d->org_mentions.v[om].org;
		w->generic = 0;
		*strict = 1;
		/* a name never takes a directive verb in lower case ("Sở VHTT
		 * cần"): the action starts there */
		size_t e = d->org_mentions.v[om].tok_end;
		for (size_t q = h + 1; q < e; q++)
			if (is_word(t, q) && !is_cap(t, q) &&
			    meetings_task_use(t, LEX_TASK_VERB, q, e, NULL) == TU_STRONG)
				return q;
		return e;
	}
	enum task_use u = meetings_task_use(t, LEX_TASK_AGENT, h, lim, &n);
	if (u == TU_HEAD || (u == TU_PLURAL && plural_ok)) {
		/* a capital after the clause's first word names a body ("Hội sinh
		 * viên thành phố") */
		w->generic = !name_cap(t, h);
		return h + n;
	}
	const lex_entry_t *pos = lex_at(t, LEX_POSITIONS, h, lim, &n);
	if (pos && !(pos->ncols >= 3 && !strcmp(pos->cols[2], "modifier"))) {
		w->generic = 0;
		return h + n;
	}
	const lex_entry_t *pl = lex_at(t, LEX_PLACES, h, lim, &n);
	/* a Vietnamese province, city or district ("Hà Nội và Lào Cai cần");
	 * states are parties to talks, not assignees */
	if (pl && is_cap(t, h) && pl->ncols >= 2 && strcmp(pl->cols[1], "country") &&
	    strcmp(pl->cols[1], "region")) {
		w->generic = 0;
		return h + n;
	}
	if (lex_at(t, LEX_LOCALITIES, h, lim, &n)) {
		w->generic = !is_cap(t, h + n);
		return h + n;
	}
	/* a body's head noun written with its capital ("Sở", "Ban Chỉ đạo") */
	if (lex_at(t, LEX_BODIES, h, lim, &n) && is_cap(t, h)) {
		w->generic = 0;
		return h + n;
	}
	return 0;
}

/* Where the words after an assignee's head stop: the head's qualifiers
 * ("liên quan", "của Quốc hội", "trong Ban Thường vụ Tỉnh ủy", "thành
 * phố", "(BCĐ)") belong to it; a verb, a deadline, "để", a comma or "và"
 * end it. After a body's name only a qualifier or another name may follow
 * (strict); after a common noun a few lower-case modifiers may too ("các
 * cơ quan báo chí"). 0 when the phrase runs on without an end. */
static size_t item_tail(const mctx_t *c, size_t j, size_t lim, int strict, task_who_t *w)
{
	const doc_t *d = c->d;
	const text_t *t = c->t;
	size_t free_words = 0, n;
	while (j < lim) {
		const tok_t *x = &t->tok[j];
		if (x->flags & TF_NL)
			return j;
		int om = meetings_org_mention_at(d, j);
		if (om >= 0 && !meetings_in_person_ctx(d, j) &&
		    d->org_mentions.v[om].tok_end <= lim) {
			if (w->org < 0 && w->person < 0)
				w->org = d->org_mentions.v[om].org;
			w->generic = 0;
			j = d->org_mentions.v[om].tok_end;
			continue;
		}
		if (x->kind == TK_PUNCT) {
			/* "Đài Truyền thanh - Truyền hình thành phố" */
			if (task_is_punct(t, j, '-') && is_cap(t, j + 1) && j > 0 &&
			    is_word(t, j - 1)) {
				j++;
				continue;
			}
			/* "Q.2", "TP.HCM": a dot inside a word */
			if (task_is_punct(t, j, '.') && !(x->flags & TF_SPACE) && j + 1 < lim &&
			    !(t->tok[j + 1].flags & TF_SPACE)) {
				j++;
				continue;
			}
			/* an abbreviation in brackets: "(BCĐ)" */
			if (task_is_punct(t, j, '(')) {
				size_t q = j + 1;
				while (q < lim && q < j + 6 && !task_is_punct(t, q, ')'))
					q++;
				if (q < lim && task_is_punct(t, q, ')') && is_cap(t, j + 1)) {
					j = q + 1;
					continue;
				}
			}
			return j;
		}
		if (tok_kw(t, j) == KW_vaf)
			return j;
		enum task_use u = meetings_task_use(t, LEX_TASK_AGENT, j, lim, &n);
		if (u == TU_QUAL) {
			j += n;
			continue;
		}
		/* "của Quốc hội", "thuộc Bộ", "trong Ban Thường vụ ...": the body
		 * the assignee belongs to */
		if ((tok_kw(t, j) == KW_cuar || tok_kw(t, j) == KW_thuoocj ||
		     tok_kw(t, j) == KW_trong) &&
		    j + 1 < lim) {
			size_t hn = 0;
			int om2 = meetings_org_mention_at(d, j + 1);
			if (om2 >= 0 || lex_at(t, LEX_BODIES, j + 1, lim, &hn) ||
			    (lex_at(t, LEX_LOCALITIES, j + 1, lim, &hn) && is_cap(t, j + 1 + hn)) ||
			    meetings_task_use(t, LEX_TASK_AGENT, j + 1, lim, &hn) == TU_HEAD) {
				j++;
				continue;
			}
			return j;
		}
		/* "Ban chỉ đạo" in lower case is a steering committee */
		if (j > 0 && tok_kw(t, j - 1) == KW_ban && tok_kw2(t, j, KW_chir, KW_ddaoj)) {
			j += 2;
			continue;
		}
		/* a capital inside the phrase names ("Ban Chỉ đạo"): no verb */
		if (name_cap(t, j) && j > 0 && is_cap(t, j - 1)) {
			j++;
			continue;
		}
		if (meetings_task_use(t, LEX_TASK_VERB, j, lim, &n) ||
		    meetings_task_use(t, LEX_TASK_NOT, j, lim, &n) ||
		    meetings_task_use(t, LEX_TASK_WHEN, j, lim, &n) ||
		    lex_starts(t, LEX_CUE_ORG_VERB, j) || lex_starts(t, LEX_TASK_CUE, j))
			return j;
		if (is_cap(t, j) || t->tok[j].kind == TK_NUM ||
		    lex_at(t, LEX_LOCALITIES, j, lim, &n)) {
			j++;
			continue;
		}
		if (strict || ++free_words > 6)
			return 0;
		j++;
	}
	return j;
}

/* One assignee starting at token k: its end, 0 when none. The quantifier
 * stays in it ("các sở, ngành"), a leading honorific does not ("các đồng
 * chí trong Ban Thường vụ Tỉnh ủy" is the Ban Thường vụ). */
static size_t item(const mctx_t *c, size_t k, size_t lim, int in_list, task_who_t *w)
{
	const text_t *t = c->t;
	size_t n = 0, h = k;
	memset(w, 0, sizeof *w);
	w->org = w->person = -1;
	w->a = k;
	if (meetings_task_quant(t, h, lim, &n)) {
		w->quant = 1;
		h += n;
	}
	if (lex_at(t, LEX_HONORIFICS, h, lim, &n)) {
		h += n;
		if (tok_kw(t, h) == KW_trong)
			h++;
		w->a = h;
		w->quant = w->quant || in_list;
	}
	int strict = 0;
	size_t e = item_head(c, k, h, lim, w->quant || in_list, w, &strict);
	if (!e)
		return 0;
	if (strict == 2) { /* a person's phrase ends where the people recogniser says */
		w->b = e;
		return e;
	}
	size_t e2 = item_tail(c, e, lim, strict, w);
	w->b = e2 ? e2 : e;
	return w->b;
}

/* "Thường trực các Ủy ban: Pháp luật, Tài chính - Ngân sách, Đối ngoại": the
 * names after a heading's colon are the assignees. */
static size_t colon_names(const text_t *t, size_t k, size_t lim, task_whos_t *out)
{
	size_t j = k;
	while (j < lim && out->n < TASK_WHO_MAX && is_cap(t, j)) {
		task_who_t *w = &out->v[out->n];
		memset(w, 0, sizeof *w);
		w->org = w->person = -1;
		w->a = j;
		while (j < lim &&
		       (is_cap(t, j) || (task_is_punct(t, j, '-') && is_cap(t, j + 1)) ||
			(is_word(t, j) && !(t->tok[j].flags & (TF_CAP | TF_UPPER)) && j > w->a &&
			 is_cap(t, j - 1) && !meetings_task_use(t, LEX_TASK_VERB, j, lim, NULL) &&
			 tok_kw(t, j) != KW_vaf)))
			j++;
		w->b = j;
		out->n++;
		if (j < lim && (task_is_punct(t, j, ',') || tok_kw(t, j) == KW_vaf))
			j++;
		else
			break;
	}
	return j;
}

/* Join the common nouns of a list into their collective: "các cơ quan, tổ
 * chức hữu quan" is one; a list opened by a quantifier and a common noun
 * takes every item that has none of its own ("các tỉnh ủy, thành ủy, Đảng
 * đoàn"). */
static void group(task_whos_t *out)
{
	size_t n = 0;
	int open = 0; /* the group so far opened with a quantifier and a common noun */
	for (size_t i = 0; i < out->n; i++) {
		task_who_t *w = &out->v[i];
		if (n && !w->quant && (open || (w->generic && out->v[n - 1].generic))) {
			out->v[n - 1].b = w->b;
			if (out->v[n - 1].org < 0)
				out->v[n - 1].org = w->org;
			continue;
		}
		open = w->quant && w->generic;
		out->v[n++] = *w;
	}
	out->n = n;
}

int meetings_task_whos(const mctx_t *c, size_t k, size_t lim, task_whos_t *out)
{
	const text_t *t = c->t;
	out->n = 0;
	out->end = k;
	size_t j = k;
	while (out->n < TASK_WHO_MAX) {
		task_who_t w;
		size_t e = item(c, j, lim, out->n > 0, &w);
		if (!e)
			break;
		out->v[out->n++] = w;
		out->end = e;
		if (task_is_punct(t, e, ':') && w.generic == 0) {
			task_whos_t names = {.n = 0};
			size_t e2 = colon_names(t, e + 1, lim, &names);
			if (names.n) {
				out->n--;
				for (size_t q = 0; q < names.n && out->n < TASK_WHO_MAX; q++)
					out->v[out->n++] = names.v[q];
				out->end = e = e2;
			}
		}
		size_t s = e;
		if (task_is_punct(t, s, ',') || task_is_punct(t, s, ';'))
			s++;
		if (tok_kw(t, s) == KW_vaf)
			s++;
		if (s == e || s >= lim)
			break;
		j = s;
	}
	if (!out->n)
		return 0;
	group(out);
	return 1;
}
