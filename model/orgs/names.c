/* The body-name grammar after a head noun (model/orgs/orgs.c reads the
 * head): the name proper, lower-case descriptors, a remit after "về", a
 * number, the place of a mission after "tại", a bracketed abbreviation
 * inside the name and a country after a central body:
 *   head [descr*] name [remit] [owner | locality] [khóa N]
 *   "Viện" + "nghiên cứu chính sách" + "Nhật Bản"
 *   "Ban Chỉ đạo" + "về khu vực phòng thủ" + "thành phố Hà Nội"
 *   "Tổng Lãnh sự quán" + "Việt Nam" + "tại Osaka"
 *   "Hội Nông dân" + "(HND)" + "huyện ..."
 * Each function reads forward from a token and stops at a fixed distance,
 * so the recogniser stays linear. */
#include <string.h>

#include "model/orgs/orgs_internal.h"

/* First syllables of verbs and function words that follow a body's name
 * ("Đại học Huế tổ chức", "Trung tâm X cùng phối hợp"): never the lower-case
 * second syllable of a name. */
static int verbish(const text_t *t, size_t j)
{
	return j < t->n && lex_starts(t, LEX_CUE_ORG_VERB, j);
}

/* a lower-case word that can be a syllable of a name */
int orgs_plain_lower(const text_t *t, size_t j)
{
	size_t nn;
	return t->tok[j].kind == TK_WORD && !orgs_is_cap(&t->tok[j]) &&
	       !(t->tok[j].flags & TF_NL) && !lex_at(t, LEX_LOCALITIES, j, j + 1, &nn) &&
	       !verbish(t, j) && !(tok_kw(t, j) == KW_khoas) && !(tok_kw(t, j) == KW_nhieemj) &&
	       !(tok_kw(t, j) == KW_laanf) && !(tok_kw(t, j) == KW_nawm) &&
	       !(tok_kw(t, j) == KW_cacs) && !(tok_kw(t, j) == KW_nhuwngx);
}

/* The tail flags of a bodies.tsv entry (its sixth column, a
 * comma-separated list or "-"). */
unsigned orgs_tail_of(const lex_entry_t *e)
{
	static const char *const names[] = {"remit", "number", "descr", "at", "of"};
	if (!e || e->ncols < 6)
		return 0;
	unsigned f = 0;
	for (const char *p = e->cols[5]; *p;) {
		size_t len = strcspn(p, ",");
		for (unsigned i = 0; i < sizeof names / sizeof names[0]; i++)
			if (strlen(names[i]) == len && !strncmp(p, names[i], len))
				f |= 1u << i;
		p += len;
		if (*p == ',')
			p++;
	}
	return f;
}

/* A capitalised body of more than one word starts at j (not a bare head). */
int orgs_body_starts(const text_t *t, size_t j, size_t lim)
{
	size_t nb = 0;
	const lex_entry_t *be = lex_at(t, LEX_BODIES, j, lim, &nb);
	return be && nb >= 2 && be->ncols > 4 && strcmp(be->cols[4], "generic") &&
	       orgs_is_cap(&t->tok[j]);
}

/* Whether a country (places.tsv) starts at token i, its tokens at *n. */
static int is_country(const text_t *t, size_t i, size_t lim, size_t *n)
{
	const lex_entry_t *pe = lex_at(t, LEX_PLACES, i, lim, n);
	return pe && pe->ncols > 1 && !strcmp(pe->cols[1], "country");
}

size_t orgs_country_pair(const text_t *t, size_t k, size_t j, size_t lim)
{
	size_t n = 0, m = 0;
	if (j + 1 >= lim || !tok_punct(t, j, '-') || (t->tok[j + 1].flags & TF_NL) ||
	    !is_country(t, j + 1, lim, &m))
		return 0;
	for (size_t b = j; b > k && j - b < 4; b--)
		if (orgs_is_cap(&t->tok[b - 1]) && is_country(t, b - 1, j, &n) && b - 1 + n == j)
			return j + 1 + m;
	return 0;
}

/* Tokens that continue a proper name after a generic head: a capitalised
 * word, its lower-case syllables ("Tài chính", "Cảnh sát giao thông"),
 * "và"/"&"/"-" between capitalised words ("Kế hoạch và Đầu tư", "KH-ĐT"),
 * a number after a word ("Quân khu 4"). Returns the end token. */
size_t orgs_name_run(const doc_t *d, size_t k, size_t lim)
{
	const text_t *t = &d->tx;
	size_t j = k;
	if (j >= lim || !orgs_is_cap(&t->tok[j]) || (t->tok[j].flags & TF_NL))
		return k;
	while (j < lim) {
		const tok_t *x = &t->tok[j];
		if (j > k && (x->flags & TF_NL))
			break;
		if (orgs_is_cap(x)) {
			/* another body starts here: "Ban Phong trào" + "Ủy ban
			 * Trung ương MTTQ Việt Nam" */
			size_t nb = 0;
			/* a country ends a foreign body's name: "Bộ Nông Lâm Lào" */
			if (j > k && is_country(t, j, lim, &nb) &&
			    !(j + nb < lim && t->tok[j + nb].kind == TK_WORD &&
			      !orgs_is_cap(&t->tok[j + nb]))) {
				j += nb;
				/* two countries joined by a dash name a bilateral
				 * body: "Hội Hữu nghị Việt Nam - Nhật Bản" */
				size_t cp = orgs_country_pair(t, k, j, lim);
				if (cp)
					j = cp;
				break;
			}
			if (j > k && orgs_body_starts(t, j, lim))
				break;
			j++;
			/* lower-case syllables inside a name: "Tài chính", "Khu kinh
			 * tế Đông Nam", "Cảnh sát giao thông" (up to three, when a
			 * capitalised word follows), or a run that ends the name
			 * ("Sở Tài chính tỉnh", "Bộ Nội vụ ban hành") — but not a verb
			 * ("Đại học Vinh tuyển sinh") */
			size_t q = j;
			while (q < lim && q < j + 3 && orgs_plain_lower(t, q))
				q++;
			/* a number after two such words at most: "Trường Đại học
			 * Vinh" + "tuyển sinh hơn 5.000" is a verb and its object */
			/* "Đảng Cộng sản Cuba" + "do ông Lê Văn A dẫn đầu", "... do
			 * Chủ tịch Quốc hội dẫn đầu": "do" or a form of address
			 * before a person or a title ends the name ("Trường THPT
			 * tư thục Hà Huy Tập" is named after a person) */
			int addressed = 0;
			for (size_t r = j; r < q && !addressed; r++)
				addressed = lex_starts(t, LEX_HONORIFICS, r);
			int by = q > j && q < lim && orgs_is_cap(&t->tok[q]) &&
				 (addressed ||
				  (tok_kw(t, j) == KW_do && (lex_starts(t, LEX_POSITIONS, q) ||
							     orgs_person_name(d, q, lim))));
			if (by)
				break;
			if (q > j && q < lim &&
			    (orgs_is_cap(&t->tok[q]) || (t->tok[q].kind == TK_NUM && q <= j + 2)) &&
			    !(t->tok[q].flags & TF_NL)) {
				j = q;
			} else if (q > j) {
				/* the run ends the name when a verb, a place word or
				 * punctuation follows it */
				for (size_t r = q; r > j; r--) {
					size_t nn;
					if (r >= lim || t->tok[r].kind == TK_PUNCT ||
					    (t->tok[r].flags & TF_NL) || verbish(t, r) ||
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
		if (((tok_kw(t, j) == KW_vaf) ||
		     (x->kind == TK_PUNCT && (t->keys[x->key] == '&' || t->keys[x->key] == '-'))) &&
		    j + 1 < lim && orgs_is_cap(&t->tok[j + 1])) {
			/* "và" + another body: two bodies ("Hội Doanh nhân Việt Nam
			 * và Ngân hàng X"), not one name ("Kế hoạch và Đầu tư") */
			if (!tok_punct(t, j, '-') && lex_starts(t, LEX_BODIES, j + 1))
				break;
			/* "A - B" with spaces separates a name from a title ("X -
			 * Chủ tịch ..."), but joins two fields in a committee's name
			 * ("Ban Kinh tế - Ngân sách", "Ban Dân chủ - Pháp luật") */
			if (x->kind == TK_PUNCT && t->keys[x->key] == '-' &&
			    (x->flags & TF_SPACE) && (t->tok[j + 1].flags & TF_SPACE)) {
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

/* A person's name starts at k: a family name and one to three more
 * capitalised syllables, none of them a place or a body ("Phòng" +
 * "Nguyễn Văn An" in "Trưởng Phòng Nguyễn Văn An" is a title and a
 * person, not a body). */
int orgs_person_name(const doc_t *d, size_t k, size_t lim)
{
	const text_t *t = &d->tx;
	size_t n = 0;
	if (k >= lim || !orgs_is_cap(&t->tok[k]) || !lex_at(t, LEX_SURNAMES, k, lim, &n))
		return 0;
	size_t q = k;
	while (q < lim && q < k + 5 && orgs_is_cap(&t->tok[q]) &&
	       (q == k || (t->tok[q].flags & TF_SPACE)) && !(q > k && (t->tok[q].flags & TF_NL))) {
		if (lex_starts(t, LEX_PLACES, q) || (q > k && lex_starts(t, LEX_BODIES, q)))
			return 0;
		q++;
	}
	return q - k >= 2 && q - k <= 4;
}

/* Lower-case descriptors between a head and its name: "Viện" + "nghiên
 * cứu chính sách" + "Nhật Bản", "Bệnh viện" + "đa khoa" + "tỉnh ...",
 * "Ban Quản lý" + "các khu công nghiệp" + "...". Up to four words, "và"
 * and "các" inside; then a capitalised name that is not a person, a
 * title, a document or a meeting, or a locality word. Returns where that
 * name starts, or k. */
size_t orgs_descr_run(const doc_t *d, size_t k, size_t lim)
{
	const text_t *t = &d->tx;
	size_t q = k;
	while (q < lim && q < k + 4) {
		uint16_t w = tok_kw(t, q);
		int glue = (w == KW_vaf && q > k) || w == KW_cacs;
		if (orgs_plain_lower(t, q) || (glue && q + 1 < lim && orgs_plain_lower(t, q + 1)))
			q++;
		else
			break;
	}
	if (q == k || q >= lim || (t->tok[q].flags & TF_NL))
		return k;
	size_t n = 0;
	if (orgs_is_cap(&t->tok[q])) {
		/* a country or place whose first syllable is also a family
		 * name: "Hàn Quốc", "Cao Bằng" */
		if (lex_starts(t, LEX_PLACES, q))
			return q;
		if (lex_at(t, LEX_SURNAMES, q, lim, &n) || lex_starts(t, LEX_POSITIONS, q) ||
		    lex_starts(t, LEX_DOC_TYPE, q) || lex_starts(t, LEX_MEETING_KINDS, q))
			return k;
		return q;
	}
	if (lex_at(t, LEX_LOCALITIES, q, lim, &n) && q + n < lim && orgs_is_cap(&t->tok[q + n]))
		return q;
	return k;
}

/* A committee's remit after "về": "về khu vực phòng thủ", "về phòng,
 * chống tham nhũng, tiêu cực", "về khoa học, công nghệ và sáng tạo",
 * "về phòng, chống dịch COVID-19". Lower-case words, "và" between them,
 * commas before a lower-case word, acronyms; it stops before a locality
 * (read after it), a verb, a meeting, other punctuation or a capitalised
 * word, and after sixteen tokens. Returns its end, or k when k is not
 * "về" + a remit ("về việc ..." is a subject line, not a remit). */
size_t orgs_remit_end(const doc_t *d, size_t k, size_t lim)
{
	const text_t *t = &d->tx;
	if (k + 1 >= lim || tok_kw(t, k) != KW_veef || tok_kw(t, k + 1) == KW_vieecj)
		return k;
	size_t q = k + 1, last = k;
	while (q < lim && q < k + 17) {
		const tok_t *x = &t->tok[q];
		size_t n = 0;
		if ((x->flags & TF_NL) || lex_at(t, LEX_LOCALITIES, q, lim, &n) ||
		    lex_starts(t, LEX_MEETING_KINDS, q))
			break;
		if (x->kind == TK_WORD && !orgs_is_cap(x)) {
			if (tok_kw(t, q) == KW_vaf) {
				if (!(q + 1 < lim && orgs_plain_lower(t, q + 1)))
					break;
			} else if (verbish(t, q) || tok_kw(t, q) == KW_khoas ||
				   tok_kw(t, q) == KW_nhieemj || tok_kw(t, q) == KW_nawm) {
				break;
			}
			last = ++q;
			continue;
		}
		if (x->kind == TK_WORD && (x->flags & TF_UPPER) && q > k + 1) {
			/* an acronym inside: "dịch COVID-19" */
			q++;
			while (q + 1 < lim && tok_punct(t, q, '-') &&
			       !(t->tok[q].flags & TF_SPACE) && t->tok[q + 1].kind == TK_NUM &&
			       !(t->tok[q + 1].flags & TF_SPACE))
				q += 2;
			last = q;
			continue;
		}
		if (tok_punct(t, q, ',') && q + 1 < lim && orgs_plain_lower(t, q + 1) &&
		    q > k + 1) {
			q++;
			continue;
		}
		break;
	}
	return last > k + 1 ? last : k;
}

/* A committee's remit written without "về", right after its head: lower-case
 * words up to the locality its name ends with ("Ban Chỉ đạo" + "phòng,
 * chống thiên tai và tìm kiếm cứu nạn" + "tỉnh Hà Giang", "Ban Chỉ đạo" +
 * "phát triển du lịch" + "huyện ..."). No verb or function word inside
 * (cues.tsv org_verb, remit_stop), "và" and commas only between lower-case
 * words, at most twelve tokens, and a locality with its name must follow:
 * otherwise the words are the sentence going on ("Ban Chỉ đạo kiểm tra
 * ..."). Returns the remit's end (the locality is read after it), or k. */
size_t orgs_bare_remit_end(const doc_t *d, size_t k, size_t lim)
{
	const text_t *t = &d->tx;
	size_t q = k, n = 0;
	int at_locality = 0;
	while (q < lim && q < k + 13) {
		const tok_t *x = &t->tok[q];
		if (x->flags & TF_NL)
			return k;
		if (q > k && lex_at(t, LEX_LOCALITIES, q, lim, &n)) {
			at_locality = 1;
			break;
		}
		if (tok_kw(t, q) == KW_vaf || tok_punct(t, q, ',')) {
			if (q == k || !(q + 1 < lim && orgs_plain_lower(t, q + 1)))
				return k;
			q++;
			continue;
		}
		if (!orgs_plain_lower(t, q) || lex_starts(t, LEX_CUE_REMIT_STOP, q) ||
		    lex_starts(t, LEX_MEETING_KINDS, q))
			return k;
		q++;
	}
	if (!at_locality || q + n >= lim || !orgs_is_cap(&t->tok[q + n]))
		return k;
	return q;
}

/* A number as the whole name: "Ban Chỉ đạo 389", "Tổ công tác 751", "Sư
 * đoàn 312", then "quốc gia" ("Ban Chỉ đạo 389 quốc gia"). Returns the
 * end, or k. */
size_t orgs_number_name(const doc_t *d, size_t k, size_t lim)
{
	const text_t *t = &d->tx;
	if (k >= lim || t->tok[k].kind != TK_NUM || !(t->tok[k].flags & TF_SPACE) ||
	    (t->tok[k].flags & TF_NL))
		return k;
	/* "389/QĐ-TTg", "12-2017", "5.000": a number that runs on is not a name */
	if (k + 1 < lim && t->tok[k + 1].kind == TK_PUNCT && !(t->tok[k + 1].flags & TF_SPACE) &&
	    !tok_punct(t, k + 1, ',') && !tok_punct(t, k + 1, ')'))
		return k;
	size_t j = k + 1;
	if (j + 1 < lim && tok_kw(t, j) == KW_quoocs && tok_kw(t, j + 1) == KW_gia)
		j += 2;
	return j;
}

/* "tại" + the place where a mission sits: "Tổng Lãnh sự quán Việt Nam tại
 * Osaka", "Đại sứ quán Việt Nam tại Tây Ban Nha", "TAND cấp cao tại Hà
 * Nội": a known place or up to three capitalised words. Returns the end,
 * or k. */
size_t orgs_mission_place(const doc_t *d, size_t k, size_t lim)
{
	const text_t *t = &d->tx;
	if (k + 1 >= lim || tok_kw(t, k) != KW_taij || !orgs_is_cap(&t->tok[k + 1]) ||
	    (t->tok[k + 1].flags & TF_NL))
		return k;
	size_t n = 0;
	if (lex_at(t, LEX_PLACES, k + 1, lim, &n))
		return k + 1 + n;
	size_t q = k + 1;
	while (q < lim && q < k + 4 && orgs_is_cap(&t->tok[q]) && !(t->tok[q].flags & TF_NL) &&
	       !lex_starts(t, LEX_BODIES, q) && !(q > k + 1 && lex_starts(t, LEX_SURNAMES, q)))
		q++;
	return q > k + 1 ? q : k;
}

/* A bracketed abbreviation inside a name, before the part that completes
 * it: "Bảo hiểm xã hội (BHXH) Việt Nam", "Hội Nông dân (HND) huyện ...".
 * Returns the token after ")" when one to four capitalised tokens sit in
 * the brackets, or k. The caller decides whether something follows. */
size_t orgs_inner_abbr(const doc_t *d, size_t k, size_t lim)
{
	const text_t *t = &d->tx;
	if (k + 2 >= lim || !tok_punct(t, k, '(') || !(t->tok[k + 1].flags & TF_UPPER))
		return k;
	size_t q = k + 2;
	while (q < lim && q < k + 6 && !tok_punct(t, q, ')')) {
		const tok_t *x = &t->tok[q];
		if ((x->flags & (TF_SPACE | TF_NL)) ||
		    !(x->kind == TK_PUNCT || (x->flags & TF_UPPER)))
			return k;
		q++;
	}
	return q < lim && tok_punct(t, q, ')') ? q + 1 : k;
}

/* A country right after a central body names whose it is: "Quốc hội Lào",
 * "Bộ Ngoại giao Mỹ", "Tổng Liên đoàn lao động (LĐLĐ) Việt Nam". Returns
 * the end, or k. */
size_t orgs_country_after(const doc_t *d, size_t k, size_t lim)
{
	const text_t *t = &d->tx;
	size_t n = 0;
	if (k >= lim || !orgs_is_cap(&t->tok[k]) || (t->tok[k].flags & TF_NL))
		return k;
	return is_country(t, k, lim, &n) ? k + n : k;
}
