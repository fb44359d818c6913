/* Sentences. A sentence ends at a punctuation atom (. ! ? …), so splitting
 * a paragraph visits its marks (ctx.marks) and the few atoms around each,
 * never its other characters. */
#include "model/segment/internal.h"

/* 1 when the '.' atom i ends an abbreviation or an initial ("TP. Vinh",
 * "H. Nguyên"); a lone I, V or X is a Roman numeral ending "khóa X." */
static int abbrev_before(const seg_ctx_t *c, size_t i, size_t s)
{
	const tok_t *tk = c->tx->tok;
	if (i == 0 || (tk[i].flags & TF_SPACE) || tk[i - 1].kind != TK_WORD || tk[i - 1].start < s)
		return 0;
	const tok_t *w = &tk[i - 1];
	size_t ncp = 0;
	for (size_t b = w->start; b < w->end && ncp < 6; b++)
		ncp += ((unsigned char)c->t[b] & 0xC0) != 0x80;
	if (ncp >= 6)
		return 0;
	if (ncp == 1) {
		int32_t first = seg_first_cp(c, i - 1);
		if (seg_upper(first))
			return !(first == 'I' || first == 'V' || first == 'X');
	}
	const lex_entry_t *e = segment_entry(c, LEX_SEGMENT_ABBREV, i - 1, i);
	return e && segment_spelled(c, i - 1, e, segment_detail(e));
}

/* What may open a sentence after a full stop and a blank: a capital, a
 * digit, a quotation mark, a bracket or a bullet. */
static int opens_sentence(const seg_ctx_t *c, size_t x)
{
	const tok_t *t = &c->tx->tok[x];
	if (t->kind == TK_NUM)
		return 1;
	if (t->kind == TK_WORD)
		return seg_upper(seg_first_cp(c, x));
	uint32_t v = t->val;
	return v == 0x201C || v == '"' || v == 0x2018 || v == '\'' || v == 0xAB || v == '(' ||
	       v == '[' || v == 0x2022 || v == '*' || v == '-' || v == 0x2013 || v == 0x2014;
}

static int push(seg_ctx_t *c, seg_sent_vec *out, size_t s, size_t e, size_t tok)
{
	seg_sent_t *sp = avec_push(c->ar, out);
	if (!sp)
		return -1;
	sp->start = (uint32_t)s;
	sp->end = (uint32_t)e;
	sp->tok = (uint32_t)tok;
	return 0;
}

/* Split [s, e) into sentences at . ! ? … followed by a space and a capital,
 * digit, quote or bullet, never inside a quotation, an abbreviation or a
 * number ("1.500", "25.10.2021", "TP.HCM"). */
int segment_split(seg_ctx_t *c, size_t s, size_t e, const seg_pair_t *pv, size_t pn,
		  seg_sent_vec *out)
{
	const tok_t *tk = c->tx->tok;
	/* outermost quotations, disjoint and in order */
	c->outer.n = 0;
	for (size_t k = 0; k < pn; k++) {
		if (c->outer.n && pv[k].open < c->outer.v[c->outer.n - 1].end)
			continue;
		seg_pair_t *q = avec_push(c->ar, &c->outer);
		if (!q)
			return -1;
		*q = pv[k];
	}
	const seg_pair_t *op = c->outer.v;
	size_t np = c->outer.n, pr = 0, st = s, resume = s;
	size_t st_tok = text_tok_at(c->tx, s);
	for (size_t m = segment_mark_at(c, s); m < c->marks.n; m++) {
		size_t i = c->marks.v[m];
		const tok_t *t = &tk[i];
		if (t->start >= e)
			break;
		if (t->start < resume || !seg_term((int32_t)t->val))
			continue;
		size_t pos = t->start, j = t->end, x = i + 1;
		while (pr < np && op[pr].end <= pos)
			pr++;
		if (t->val == '.' &&
		    ((seg_glued(c, x, e) && tk[x].kind != TK_PUNCT) || abbrev_before(c, i, s))) {
			resume = j;
			continue;
		}
		for (;;) { /* "...", "?!", "./." then closing quotes */
			if (!seg_glued(c, x, e) || tk[x].kind != TK_PUNCT)
				break;
			if (seg_term((int32_t)tk[x].val)) {
				j = tk[x++].end;
			} else if (tk[x].val == '/' && seg_glued(c, x + 1, e) &&
				   tk[x + 1].kind == TK_PUNCT && tk[x + 1].val == '.') {
				j = tk[x + 1].end;
				x += 2;
			} else {
				break;
			}
		}
		while (seg_glued(c, x, e) && tk[x].kind == TK_PUNCT &&
		       seg_qclose((int32_t)tk[x].val))
			j = tk[x++].end;
		if (pr < np && op[pr].open < pos && j <= op[pr].close) {
			resume = j;
			continue;
		}
		size_t k = e;
		if (x < c->tx->n && tk[x].start < e) {
			if (!(tk[x].flags & TF_SPACE) || !opens_sentence(c, x)) {
				resume = j;
				continue;
			}
			k = tk[x].start;
		}
		if (push(c, out, st, j, st_tok))
			return -1;
		st = resume = k;
		st_tok = x;
	}
	size_t a = st, b = e;
	segment_trim(c, &a, &b);
	if (b > a && push(c, out, a, b, text_tok_at(c->tx, a)))
		return -1;
	return 0;
}
