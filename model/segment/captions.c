/* Body lines: photo credits cut a line into paragraph text and captions,
 * a byline is cut off the last paragraph or out of a run-together one, and
 * a short line without a full stop is a caption. */
#include <string.h>

#include "model/segment/internal.h"

/* The credit-word entry of word token w with the given detail, or NULL. */
static const lex_entry_t *credit_word(const seg_ctx_t *c, const seg_wtok_t *w, const char *what)
{
	const lex_entry_t *e = segment_wtok_is(c, w, LEX_SEGMENT_CREDIT);
	return e && !strcmp(segment_detail(e), what) ? e : NULL;
}

/* Extent of the photo credit whose credit word is atom p: "Ảnh: Thu Giang",
 * "(Ảnh: Q.H)", "Ảnh: Doãn Tấn/TTXVN", "Ảnh minh họa", "Ảnh Ngọc Anh.". The
 * credit runs into the next paragraph in baomoi texts, so it stops before a
 * word that opens a sentence or before the capital ahead of a lower-case word
 * ("Ảnh: Thu Giang Sáng 3/7, ..."). Returns the end, or 0 if p is no credit. */
static size_t credit_end(seg_ctx_t *c, size_t s, size_t pa, size_t e, int paren)
{
	const char *t = c->t;
	const tok_t *tk = c->tx->tok;
	size_t p = tk[pa].start, q = tk[pa].end;
	if (seg_glued(c, pa + 1, e) && tk[pa + 1].kind != TK_PUNCT)
		return 0;
	if (q < e && (tk[pa + 1].flags & TF_SPACE))
		q = tk[pa + 1].start < e ? tk[pa + 1].start : e;
	int colon = q < e && t[q] == ':';
	if (colon)
		q++;
	if (paren) {
		for (size_t i = q; i < e && i < q + 96; i++)
			if (t[i] == ')')
				return i + 1;
	}
	if (segment_tokenize(c, q, e, 9)) {
		c->oom = 1;
		return 0;
	}
	size_t n = c->toks.n;
	if (!colon) {
		/* "Ảnh minh họa", or "Ảnh Ngọc Anh." after a full stop */
		if (n >= 2 && credit_word(c, &c->toks.v[0], "plain"))
			return c->toks.v[1].end;
		size_t b = p;
		while (b > s && p - b < 8 && seg_space(seg_cp_before(c, s, b)))
			b = seg_prev(c, s, b);
		if (b > s && !segment_ends_sentence(c, segment_token_start(c, s, b), b))
			return 0;
		/* "Ảnh Ngọc Anh.", "Ảnh tư liệu." (but not "Ảnh hưởng rất lớn.") */
		int lower = n && credit_word(c, &c->toks.v[0], "lower");
		for (size_t k = 0; k < n && k < 4; k++) {
			int syl;
			seg_wtok_t w = c->toks.v[k];
			size_t we = t[w.end - 1] == '.' ? w.end - 1 : w.end;
			int ok = lower ? we > w.start && seg_lower(seg_cp_at(c, w.start, we))
				       : segment_name_token(c, w.start, we, &syl) != SEG_NC_NONE;
			if (!ok)
				return 0;
			if (we < w.end &&
			    (lower || segment_syllable_class(c, w.start, w.end) != SEG_NC_INITIAL))
				return w.end;
		}
		return 0;
	}
	if (n == 0)
		return q;
	size_t starter = 0;
	for (size_t k = 1; k < n && k < 8; k++)
		if (segment_starter(c, c->toks.v[k].start, c->toks.v[k].end)) {
			starter = k;
			break;
		}
	for (size_t k = 0; k < n && k < 8; k++) {
		seg_wtok_t w = c->toks.v[k];
		int32_t f = seg_cp_at(c, w.start, w.end);
		if (k > 0 && k == starter)
			return c->toks.v[k - 1].end;
		if (f == 0x201C || f == '"' || f == '(' || f == 0x2018 || f == 0xAB)
			return k ? c->toks.v[k - 1].end : q;
		if (!seg_upper(f) && !starter && f != '-' && f != 0x2013) {
			if (k >= 2)
				return c->toks.v[k - 2].end;
			return k ? c->toks.v[0].end : q;
		}
		if (t[w.end - 1] == '.' &&
		    segment_syllable_class(c, w.start, w.end) != SEG_NC_INITIAL)
			return w.end;
		if (k + 1 < n) { /* two spaces end "Minh Quyết/TTXVN  Đề cập ..." */
			size_t gap = c->toks.v[k + 1].start - w.end;
			if (gap >= 2 && !(gap == 2 && (unsigned char)t[w.end] == 0xC2))
				return w.end;
		}
		const char *sl = memchr(t + w.start, '/', w.end - w.start);
		if (sl) {
			size_t a = (size_t)(sl - t) + 1;
			int32_t x = seg_cp_at(c, a, w.end), y = seg_cp_at(c, a + 1, w.end);
			if (seg_upper(x) && seg_upper(y))
				return w.end;
		}
		if (k == 0 && n > 1 && !sl &&
		    segment_syllable_class(c, w.start, w.end) == SEG_NC_NONE &&
		    seg_upper(seg_cp_at(c, w.start + 1, w.end)))
			return w.end; /* "Ảnh: VOV Tổng Bí thư ..." */
	}
	return c->toks.v[(n < 8 ? n : 8) - 1].end;
}

/* First entry of ctx.credits at or after byte off. */
static size_t credit_at(const seg_ctx_t *c, size_t off)
{
	size_t lo = 0, hi = c->credits.n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (c->tx->tok[c->credits.v[mid]].start < off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Next photo credit in [s, e): *ms its start (the "(" or the credit word),
 * returns its end, 0 when none. "Tin, ảnh: X" is a byline, not a photo
 * credit. */
static size_t next_credit(seg_ctx_t *c, size_t s, size_t e, size_t *ms)
{
	const tok_t *tk = c->tx->tok;
	for (size_t m = credit_at(c, s); m < c->credits.n; m++) {
		size_t pa = c->credits.v[m], p = tk[pa].start;
		if (p + 5 > e)
			break;
		int32_t pv = p > s ? (tk[pa].flags & TF_SPACE ? ' ' : (int32_t)tk[pa - 1].val) : -1;
		if (p > s && !(tk[pa].flags & TF_SPACE) &&
		    !(tk[pa - 1].kind == TK_PUNCT && (pv == '(' || seg_term(pv))))
			continue;
		int paren = pv == '(';
		size_t b = paren ? p - 1 : p;
		size_t w = b;
		while (w > s && b - w < 8 && seg_space(seg_cp_before(c, s, w)))
			w = seg_prev(c, s, w);
		size_t ws = segment_token_start(c, s, w);
		if (w > ws) {
			seg_wtok_t x;
			x.start = (uint32_t)ws;
			x.end = (uint32_t)w;
			x.t0 = (uint32_t)text_tok_at(c->tx, ws);
			x.t1 = (uint32_t)text_tok_at(c->tx, w);
			if (x.t0 < x.t1 && tk[x.t0].start == ws && credit_word(c, &x, "before"))
				continue;
		}
		size_t end = credit_end(c, s, pa, e, paren);
		if (c->oom)
			return 0;
		if (end) {
			*ms = b;
			return end;
		}
	}
	return 0;
}

/* Short line without a final full stop after the lead: a photo caption
 * ("Quang cảnh buổi làm việc"), not a list item ("- Kế hoạch ..."). */
static int caption_shaped(const seg_ctx_t *c, size_t s, size_t e)
{
	const char *t = c->t;
	if (!memchr(t + s, ' ', e - s) || e - s > 1000)
		return 0; /* one word, or surely over 250 code points */
	if (e - s > 250) {
		size_t cps = 0;
		for (size_t i = s; i < e; i++)
			cps += ((unsigned char)t[i] & 0xC0) != 0x80;
		if (cps > 250)
			return 0;
	}
	int32_t f = seg_cp_at(c, s, e);
	if (f == '-' || f == 0x2013 || f == 0x2022 || f == '*' || f == '+' || seg_digit(f))
		return 0;
	int32_t l = seg_cp_before(c, s, e);
	while (seg_qclose(l) && e > s) {
		e = seg_prev(c, s, e);
		l = seg_cp_before(c, s, e);
	}
	return !(seg_term(l) || l == ':' || l == ';' || l == ',');
}

/* Paragraph text [s, e) of a body line: a byline at its end (last line) or
 * inside it (run-together body) is cut out; what remains is a caption when
 * cap_ok is 2 (after an [img] placeholder), or 1 and it is one short sentence
 * without a full stop. pre/npre: the sentences of [s, e) trimmed when the
 * caller has them. */
static int emit_paragraph(seg_ctx_t *c, size_t s, size_t e, int last, int cap_ok,
			  const seg_sent_t *pre, size_t npre)
{
	segment_trim(c, &s, &e);
	if (e <= s)
		return 0;
	int have = 0; /* 1: c->sents are the sentences of [s, e); 2: and c->pairs its pairs */
	c->sents.n = 0;
	if (pre) {
		for (size_t k = 0; k < npre; k++) {
			seg_sent_t *x = avec_push(c->ar, &c->sents);
			if (!x)
				return -1;
			*x = pre[k];
		}
		have = 1;
	}
	if (last) {
		if (!have) {
			if (segment_match_quotes(c, s, e, &c->pairs) ||
			    segment_split(c, s, e, c->pairs.v, c->pairs.n, &c->sents))
				return -1;
			have = 2;
		}
		size_t e2 = segment_trailing_byline(c, s, e, c->sents.n >= 2 || e - s > 300);
		if (c->oom)
			return -1;
		segment_trim(c, &s, &e2);
		if (e2 <= s)
			return 0;
		if (e2 != e) {
			e = e2;
			have = 0;
			c->sents.n = 0;
		}
	}
	if (!have) {
		if (segment_match_quotes(c, s, e, &c->pairs) ||
		    segment_split(c, s, e, c->pairs.v, c->pairs.n, &c->sents))
			return -1;
		have = 2;
	}
	const seg_pair_t *pv = have == 2 ? c->pairs.v : NULL;
	size_t pn = have == 2 ? c->pairs.n : 0;
	if (cap_ok == 2 || (cap_ok && c->sents.n == 1 && caption_shaped(c, s, e)))
		return segment_push_block(c, s, e, 1, c->sents.v, c->sents.n, pv, pn);
	size_t from = s;
	int whole = 1;
	for (size_t k = 1; k < c->sents.n; k++) {
		size_t ss = c->sents.v[k].start;
		size_t be = segment_mid_byline(c, ss, c->sents.v[k].end);
		if (c->oom)
			return -1;
		if (be) {
			/* the text before it splits as it did in the whole paragraph;
			 * the text after a byline is split on its own */
			if (segment_push_block(c, from, ss, 0, whole ? c->sents.v : NULL,
					       whole ? k : 0, NULL, 0))
				return -1;
			from = be;
			whole = 0;
		}
	}
	return segment_push_block(c, from, e, 0, whole ? c->sents.v : NULL, whole ? c->sents.n : 0,
				  whole ? pv : NULL, whole ? pn : 0);
}

int segment_body_line(seg_ctx_t *c, size_t s, size_t e, int first, int after_img, int last)
{
	size_t cur = s, ms;
	int found = 0;
	for (;;) {
		size_t me = next_credit(c, cur, e, &ms);
		if (c->oom)
			return -1;
		if (!me)
			break;
		size_t cs = cur, ce = ms;
		segment_trim(c, &cs, &ce);
		size_t cap = cs, ns = 0;
		c->csents.n = 0;
		if (ce > cs && !(after_img && cur == s)) {
			if (segment_match_quotes(c, cs, ce, &c->cpairs) ||
			    segment_split(c, cs, ce, c->cpairs.v, c->cpairs.n, &c->csents))
				return -1;
			ns = c->csents.n;
			if (ns)
				cap = c->csents.v[ns - 1].start;
		}
		/* the sentences before the caption are those of the text before it */
		if (emit_paragraph(c, cur, cap, 0, 0, ns > 1 ? c->csents.v : NULL, ns - (ns > 0)))
			return -1;
		if (ns == 1 ? segment_push_block(c, cap, ce, 1, c->csents.v, 1, c->cpairs.v,
						 c->cpairs.n)
			    : segment_push_block(c, cap, ce, 1, NULL, 0, NULL, 0))
			return -1;
		cur = me;
		found = 1;
	}
	return emit_paragraph(c, cur, e, last, found || first ? 0 : after_img ? 2 : 1, NULL, 0);
}
