/* What product ("rõ sản phẩm"): the deliverable a directive asks for, as
 * written. In the order the corpus prefers:
 *   - what is to be submitted: "(để) trình Ban Thường vụ Tỉnh ủy ban hành";
 *   - a proposal or a publication: "đề xuất phương án ...", "công bố ...";
 *     a product made: "xây dựng kế hoạch ...", "lập danh sách ...", "hoàn
 *     chỉnh các tờ trình, báo cáo ...", "có văn bản ...";
 *   - a report to someone: "báo cáo Thủ tướng ...", "báo cáo kết quả ...".
 * A vague purpose ("để các bước phê duyệt đúng trình tự") is none. */
#include "model/meetings/tasks.h"

static int is_word(const text_t *t, size_t i)
{
	return i < t->n && t->tok[i].kind == TK_WORD;
}

/* The product noun phrase a "make" verb at v takes ("xây dựng các phương
 * án ...", "lập danh sách ..."): its first token, 0 when the object is no
 * product. */
static size_t product_after(const text_t *t, size_t v, size_t n, size_t b)
{
	size_t j = v + n, q = 0;
	for (int k = 0; k < 2 && j < b; k++) {
		if (meetings_task_use(t, LEX_TASK_PRODUCT, j, b, &q) == TU_PRODUCT)
			return j;
		/* "các", "một", "đầy đủ" before the product */
		if (meetings_task_quant(t, j, b, &q) || tok_kw(t, j) == KW_mootj)
			j += q ? q : 1;
		else
			break;
	}
	return 0;
}

/* A report to someone or of results: "báo cáo UBND tỉnh", "báo cáo Thủ
 * tướng Chính phủ kết quả", "báo cáo tình hình thực hiện". */
static int report_to(const mctx_t *c, size_t j, size_t b)
{
	const text_t *t = c->t;
	size_t n;
	if (j >= b)
		return 0;
	if (meetings_org_mention_at(c->d, j) >= 0 || lex_at(t, LEX_POSITIONS, j, b, &n) ||
	    (t->tok[j].flags & (TF_CAP | TF_UPPER)))
		return 1;
	return meetings_task_use(t, LEX_TASK_PRODUCT, j, b, &n) == TU_RESULT ||
	       tok_kw(t, j) == KW_veef || tok_kw(t, j) == KW_cho || tok_kw(t, j) == KW_lanhx;
}

/* "để thành phố trình ...": someone else submits, not the assignee. */
static int submitter_before(const mctx_t *c, size_t j)
{
	const doc_t *d = c->d;
	const text_t *t = c->t;
	if (j == 0)
		return 0;
	size_t q = meetings_org_from(d, j);
	if (q > 0 && d->org_mentions.v[q - 1].tok_end == j)
		return 1;
	for (size_t k = 1; k <= 2 && k <= j; k++) {
		size_t n;
		if ((lex_at(t, LEX_LOCALITIES, j - k, j, &n) && n == k) ||
		    (meetings_task_use(t, LEX_TASK_AGENT, j - k, j, &n) == TU_HEAD && n == k))
			return 1;
	}
	return 0;
}

/* Where a deliverable starting at s ends: the clause's end, the deadline,
 * or a comma that opens the next action ("xây dựng kế hoạch, triển khai
 * ..."); a comma before another product goes on ("các tờ trình, báo cáo"). */
static size_t extent(const text_t *t, size_t s, size_t b, size_t dlo, size_t dhi)
{
	size_t e = s;
	while (e < b) {
		if (e == dlo && dhi > dlo)
			break;
		if (task_is_punct(t, e, ';') || task_is_punct(t, e, '(') ||
		    (task_is_punct(t, e, '.') && (t->tok[e + 1].flags & TF_SPACE)))
			break;
		if (task_is_punct(t, e, ',') && e > s + 1) {
			size_t q;
			if (meetings_task_use(t, LEX_TASK_PRODUCT, e + 1, b, &q) != TU_PRODUCT &&
			    (meetings_task_use(t, LEX_TASK_VERB, e + 1, b, &q) ||
			     lex_starts(t, LEX_TASK_CUE, e + 1)))
				break;
		}
		e++;
	}
	/* trailing marks: "phê chuẩn./" */
	while (e > s && t->tok[e - 1].kind == TK_PUNCT)
		e--;
	return e;
}

span_t meetings_task_deliverable(const mctx_t *c, size_t a, size_t b, size_t dlo, size_t dhi)
{
	const text_t *t = c->t;
	size_t submit = 0, made = 0, report = 0, n;
	for (size_t j = a; j < b; j++) {
		if (!is_word(t, j) || (j >= dlo && j < dhi))
			continue;
		n = 1;
		enum task_use u = meetings_task_use(t, LEX_TASK_VERB, j, b, &n);
		if (u == TU_SUBMIT && !submit && !submitter_before(c, j))
			submit = j + 1;
		else if (u == TU_SELF && !made && j + n < b && is_word(t, j + n))
			made = j + 1;
		else if (u == TU_MAKE && !made) {
			size_t p = product_after(t, j, n, b);
			size_t q = 0;
			if (p)
				made = meetings_task_quant(t, j + n, b, &q) ? j + n + 1 : p + 1;
		} else if (u == TU_REPORT && !report && !made && report_to(c, j + n, b))
			report = j + 1;
		/* the words of a longer verb are not verbs of their own ("giải
		 * trình" holds no "trình") */
		if (u != TU_NONE && n > 1)
			j += n - 1;
	}
	/* each holds its first token + 1 (0: none); a make verb's product
	 * starts at the quantifier right after the verb ("các tờ trình") */
	size_t s = submit ? submit - 1 : made ? made - 1 : report ? report - 1 : b;
	/* a report to someone written before the submission is what is
	 * handed in first ("báo cáo Chính phủ ... để trình Quốc hội") */
	if (submit && report && report < submit && !made)
		s = report - 1;
	if (s >= b)
		return span_make(0, 0);
	size_t e = extent(t, s, b, dlo, dhi);
	if (e <= s)
		return span_make(0, 0);
	return span_make(t->tok[s].start, t->tok[e - 1].end);
}
