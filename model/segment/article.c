/* Article structure of a Vietnamese news text: lines, title, dateline, and
 * the order of the work (segment_article).
 *
 * Two shapes occur: one paragraph per line (Bình Định pages, the seed:
 * title / dateline / paragraphs and captions / byline line), and the baomoi
 * dump (title / sapo / one line holding every paragraph, the photo captions
 * with their "Ảnh: X" credits and the byline run together). One pass over
 * the atoms finds the lines, the sentence-final and quotation marks and the
 * photo-credit words; everything after it looks at those or at a bounded
 * number of atoms around a position, so the cost is linear. */
#include <string.h>

#include "model/segment/internal.h"
#include "model/tag/tag.h"

/* The atom is the photo-credit word, spelled as in segment.tsv ("Ảnh",
 * capital, not "ảnh" nor "ẢNH"). */
static int credit_head(const seg_ctx_t *c, size_t i)
{
	const tok_t *t = &c->tx->tok[i];
	if (t->kw != KW_anhr || !(t->flags & TF_CAP))
		return 0;
	const lex_entry_t *e = segment_entry(c, LEX_SEGMENT_CREDIT, i, i + 1);
	return e && !strcmp(segment_detail(e), "head") && segment_spelled(c, i, e, "");
}

static int is_mark(uint32_t v)
{
	return seg_term((int32_t)v) || v == 0x201C || v == 0x201E || v == 0x201D || v == 0x2018 ||
	       v == 0x2019 || v == 0xAB || v == 0xBB || v == '"' || v == '\'';
}

/* A line ends at \n, \r\n or a lone \r (not at the other breaks the text
 * layer knows): between atoms i - 1 and i. */
static int line_break(const seg_ctx_t *c, size_t i)
{
	const tok_t *t = &c->tx->tok[i];
	if (!(t->flags & TF_NL))
		return 0;
	size_t a = i ? c->tx->tok[i - 1].end : 0;
	for (size_t b = a; b < t->start; b++)
		if (c->t[b] == '\n' || c->t[b] == '\r')
			return 1;
	return 0;
}

/* The one pass over the atoms: lines (trimmed, non-empty), marks and credit
 * words. */
static int scan(seg_ctx_t *c)
{
	const text_t *tx = c->tx;
	const tok_t *tk = tx->tok;
	size_t n = tx->n, l0 = 0;
	for (size_t i = 0; i < n; i++) {
		/* most atoms: a word on the line, not the credit word, passed
		 * over in a loop of their own; the work check is for the rest */
		while ((i = tag_cls_next(c->a->cls, i, TAG_CLS_LINE)) < n &&
		       !(tk[i].flags & TF_NL) && tk[i].kind == TK_WORD && tk[i].kw != KW_anhr)
			i++;
		if (i >= n)
			break;
		const tok_t *t = &tk[i];
		if (budget_check(tx->budget))
			return -1;
		if (i > l0 && line_break(c, i)) {
			seg_line_t *l = avec_push(c->ar, &c->lines);
			if (!l)
				return -1;
			*l = (seg_line_t){tx->tok[l0].start, tx->tok[i - 1].end, (uint32_t)l0,
					  (uint32_t)i};
			l0 = i;
		}
		if (t->kind == TK_PUNCT) {
			if (is_mark(t->val)) {
				uint32_t *m = avec_push(c->ar, &c->marks);
				if (!m)
					return -1;
				*m = (uint32_t)i;
			}
		} else if (t->kind == TK_WORD && t->kw == KW_anhr && credit_head(c, i)) {
			uint32_t *m = avec_push(c->ar, &c->credits);
			if (!m)
				return -1;
			*m = (uint32_t)i;
		}
	}
	if (n > l0) {
		seg_line_t *l = avec_push(c->ar, &c->lines);
		if (!l)
			return -1;
		*l = (seg_line_t){tx->tok[l0].start, tx->tok[n - 1].end, (uint32_t)l0, (uint32_t)n};
	}
	return 0;
}

int segment_push_block(seg_ctx_t *c, size_t s, size_t e, int caption, const seg_sent_t *sv,
		       size_t sn, const seg_pair_t *pv, size_t pn)
{
	segment_trim(c, &s, &e);
	if (e <= s)
		return 0;
	seg_block_t *b = avec_push(c->ar, &c->blocks);
	if (!b)
		return -1;
	b->sp = span_make(s, e);
	b->caption = caption;
	b->s0 = b->s1 = b->p0 = b->p1 = SEG_NONE;
	if (sv) {
		b->s0 = (uint32_t)c->bsents.n;
		for (size_t k = 0; k < sn; k++) {
			seg_sent_t *x = avec_push(c->ar, &c->bsents);
			if (!x)
				return -1;
			*x = sv[k];
		}
		b->s1 = (uint32_t)c->bsents.n;
	}
	if (pv) {
		b->p0 = (uint32_t)c->bpairs.n;
		for (size_t k = 0; k < pn; k++) {
			seg_pair_t *x = avec_push(c->ar, &c->bpairs);
			if (!x)
				return -1;
			*x = pv[k];
		}
		b->p1 = (uint32_t)c->bpairs.n;
	}
	return 0;
}

/* "[img]", "[video]": placeholders of the Bình Định pages. */
static int placeholder(const seg_ctx_t *c, const seg_line_t *l)
{
	const char *t = c->t;
	size_t s = l->start, e = l->end;
	if (e - s < 3 || e - s > 24 || t[s] != '[' || t[e - 1] != ']')
		return 0;
	for (size_t i = s + 1; i + 1 < e; i++)
		if (!(t[i] == ' ' || t[i] == '_' || t[i] == '-' || (t[i] >= '0' && t[i] <= '9') ||
		      ((t[i] | 0x20) >= 'a' && (t[i] | 0x20) <= 'z')))
			return 0;
	return 1;
}

/* The first line is a paragraph, not a headline, when it is long and ends
 * with a full stop after several sentences. */
static int looks_like_body(seg_ctx_t *c, const seg_line_t *l, int only_line)
{
	const char *t = c->t;
	size_t s = l->start, e = l->end;
	if (e - s > 600)
		return 1;
	if (t[e - 1] != '.' || (e - 1 > s && t[e - 2] == '.'))
		return 0;
	if (only_line)
		return 1;
	c->sents.n = 0;
	if (segment_match_quotes(c, s, e, &c->pairs) ||
	    segment_split(c, s, e, c->pairs.v, c->pairs.n, &c->sents))
		return -1;
	return c->sents.n > 1;
}

static void find_dateline(seg_ctx_t *c, size_t *which)
{
	size_t n = c->lines.n;
	size_t cand[5] = {0, 1, 2, n - 1, n - 2};
	for (int k = 0; k < 5; k++) {
		if (cand[k] >= n || (k >= 3 && cand[k] < 3))
			continue;
		const seg_line_t *l = &c->lines.v[cand[k]];
		if (l->end - l->start > 64)
			continue;
		dateline_t dl;
		memset(&dl, 0, sizeof dl);
		if (dates_parse_dateline(c->tx, l->t0, l->t1, &dl) == 1) {
			c->a->has_dateline = 1;
			c->a->dateline_span = span_make(l->start, l->end);
			c->a->dateline = dl;
			*which = cand[k];
			return;
		}
	}
}

/* The sentences and quotes of every block, in text order. */
static int finish(seg_ctx_t *c)
{
	article_t *a = c->a;
	for (size_t k = 0; k < c->blocks.n; k++) {
		const seg_block_t *b = &c->blocks.v[k];
		if (budget_check(c->tx->budget))
			return -1;
		span_t *dst =
		    b->caption ? avec_push(c->ar, &a->captions) : avec_push(c->ar, &a->paragraphs);
		if (!dst)
			return -1;
		*dst = b->sp;
		const seg_pair_t *pv;
		size_t pn;
		if (b->p0 != SEG_NONE) {
			pn = b->p1 - b->p0;
			pv = pn ? c->bpairs.v + b->p0 : NULL;
		} else {
			if (segment_match_quotes(c, b->sp.start, b->sp.end, &c->pairs))
				return -1;
			pv = c->pairs.v;
			pn = c->pairs.n;
		}
		if (segment_collect_quotes(c, pv, pn))
			return -1;
		const seg_sent_t *sv;
		size_t sn;
		if (b->s0 != SEG_NONE) {
			sv = c->bsents.v + b->s0;
			sn = b->s1 - b->s0;
		} else {
			c->sents.n = 0;
			if (segment_split(c, b->sp.start, b->sp.end, pv, pn, &c->sents))
				return -1;
			sv = c->sents.v;
			sn = c->sents.n;
		}
		for (size_t i = 0; i < sn; i++) {
			span_t *sp = avec_push(c->ar, &a->sentences);
			if (!sp)
				return -1;
			*sp = span_make(sv[i].start, sv[i].end);
			c->tx->tok[sv[i].tok].flags |= TF_SENT;
		}
	}
	return 0;
}

static int run(seg_ctx_t *c)
{
	article_t *a = c->a;
	if (scan(c))
		return -1;
	size_t n = c->lines.n, dl = (size_t)-1;
	if (!n)
		return 0;
	find_dateline(c, &dl);
	/* title: the first line, unless it is the dateline or a paragraph */
	size_t first = 0;
	while (first < n && (first == dl || placeholder(c, &c->lines.v[first])))
		first++;
	size_t body = first;
	if (first < n) {
		const seg_line_t *l = &c->lines.v[first];
		size_t others = 0;
		for (size_t k = first + 1; k < n && others < 1; k++)
			others += k != dl;
		int lb = looks_like_body(c, l, others == 0);
		if (lb < 0)
			return -1;
		if (!lb) {
			a->title = span_make(l->start, l->end);
			a->has_title = 1;
			body = first + 1;
		}
	}
	/* byline lines at the end */
	size_t end = n;
	while (end > body && (end - 1 == dl || placeholder(c, &c->lines.v[end - 1])))
		end--;
	for (int k = 0; k < 3 && end > body; k++) {
		const seg_line_t *l = &c->lines.v[end - 1];
		int r = segment_byline_line(c, l->start, l->end);
		if (r < 0)
			return -1;
		if (!r)
			break;
		end--;
		while (end > body && end - 1 == dl)
			end--;
	}
	size_t lastb = end;
	for (size_t k = body; k < end; k++)
		if (k != dl && !placeholder(c, &c->lines.v[k]))
			lastb = k;
	int first_body = 1, after_img = 0;
	for (size_t k = body; k < end; k++) {
		const seg_line_t *l = &c->lines.v[k];
		if (budget_check(c->tx->budget))
			return -1;
		if (k == dl)
			continue;
		if (placeholder(c, l)) {
			after_img = 1;
			continue;
		}
		if (segment_body_line(c, l->start, l->end, first_body, after_img, k == lastb))
			return -1;
		first_body = after_img = 0;
	}
	/* quotes (title first), then paragraphs, captions and their sentences */
	if (a->has_title && (segment_match_quotes(c, a->title.start, a->title.end, &c->pairs) ||
			     segment_collect_quotes(c, c->pairs.v, c->pairs.n)))
		return -1;
	return finish(c);
}

int segment_article(const text_t *tx, article_t *out)
{
	seg_ctx_t c;
	memset(&c, 0, sizeof c);
	c.tx = tx;
	c.t = tx->s;
	c.len = tx->len;
	c.ar = tx->arena;
	c.a = out;
	/* the token classes, made once here for every later stage */
	out->cls = tag_classes(tx);
	int r = !out->cls ? -1 : tx->s && tx->len < UINT32_MAX ? run(&c) : 0;
	if (c.oom)
		r = -1;
	/* the scratch arrays go before the recognisers run */
	avec_free(c.ar, &c.lines);
	avec_free(c.ar, &c.blocks);
	avec_free(c.ar, &c.marks);
	avec_free(c.ar, &c.credits);
	avec_free(c.ar, &c.pairs);
	avec_free(c.ar, &c.outer);
	avec_free(c.ar, &c.cpairs);
	avec_free(c.ar, &c.bpairs);
	avec_free(c.ar, &c.sents);
	avec_free(c.ar, &c.csents);
	avec_free(c.ar, &c.bsents);
	avec_free(c.ar, &c.toks);
	if (r)
		memset(out, 0, sizeof *out);
	return r ? -1 : 0;
}
