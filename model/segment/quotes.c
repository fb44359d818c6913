/* Quotation marks and quoted phrases. The marks are punctuation atoms,
 * listed once per text (ctx.marks), so pairing the marks of a paragraph
 * looks at its marks only, never at its other characters. */
#include <stdlib.h>
#include <string.h>

#include "model/segment/internal.h"

enum { QK_DCURLY = 1, QK_SCURLY, QK_GUIL, QK_DSTRAIGHT, QK_SSTRAIGHT };

#define QSTACK 16
#define QMAX_CP 2000

static int opens_after(int32_t p) /* a straight mark after p may open a quote */
{
	return p < 0 || seg_space(p) || p == '(' || p == '[' || p == '{' || p == 0x201C ||
	       p == 0x2018 || p == 0xAB || p == '-' || p == 0x2013 || p == 0x2014 || p == '/' ||
	       p == ':' || p == ',' || p == ';' || p == '"' || p == '\'';
}

static int closes_before(int32_t n) /* a straight mark before n may close a quote */
{
	return n < 0 || seg_space(n) || seg_term(n) || n == ',' || n == ';' || n == ':' ||
	       n == ')' || n == ']' || n == '}' || n == 0x201D || n == 0x2019 || n == 0xBB ||
	       n == '-' || n == 0x2013 || n == 0x2014 || n == '/' || n == '"' || n == '\'';
}

/* A stand-in for the last (or first) code point of atom j: its own for a
 * mark, one of its class for a word or number (the tests above and below
 * only ask whether it is blank, alphanumeric or one of the marks). */
static int32_t stand_in(const seg_ctx_t *c, size_t j)
{
	const tok_t *t = &c->tx->tok[j];
	return t->kind == TK_PUNCT ? (int32_t)t->val : t->kind == TK_NUM ? '0' : 'a';
}

/* The code point before atom i within [s, ...), -1 at s. */
static int32_t before(const seg_ctx_t *c, size_t i, size_t s)
{
	const tok_t *t = &c->tx->tok[i];
	if (t->start <= s)
		return -1;
	return t->flags & TF_SPACE ? ' ' : stand_in(c, i - 1);
}

/* The code point after atom i within [..., e), -1 at e. */
static int32_t after(const seg_ctx_t *c, size_t i, size_t e)
{
	const tok_t *t = &c->tx->tok[i];
	if (t->end >= e)
		return -1;
	return c->tx->tok[i + 1].flags & TF_SPACE ? ' ' : stand_in(c, i + 1);
}

static int quote_ok(const char *t, size_t s, size_t e)
{
	if (e - s <= QMAX_CP)
		return 1;
	if (e - s > 4 * QMAX_CP)
		return 0;
	size_t n = 0;
	for (size_t i = s; i < e; i++)
		n += ((unsigned char)t[i] & 0xC0) != 0x80;
	return n <= QMAX_CP;
}

size_t segment_mark_at(const seg_ctx_t *c, size_t off)
{
	size_t lo = 0, hi = c->marks.n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (c->tx->tok[c->marks.v[mid]].start < off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static int pair_cmp(const void *x, const void *y)
{
	const seg_pair_t *a = x, *b = y;
	return a->open < b->open ? -1 : a->open > b->open;
}

/* Pair the quotation marks of [s, e) (one paragraph) into *out, sorted by
 * opening mark. A mark that finds no partner is dropped, so an unmatched “
 * cannot swallow the rest of the text; apostrophes inside words are not
 * marks. */
/* segment_match_quotes for a span with a mark, the first at marks.v[m0];
 * apart, so that the common span without one does not set up its stack */
__attribute__((noinline)) static int match_quotes(seg_ctx_t *c, size_t m0, size_t s, size_t e,
						  seg_pair_vec *out)
{
	const tok_t *tk = c->tx->tok;
	struct {
		uint8_t kind;
		uint32_t tok;
	} st[QSTACK];
	int n = 0;
	for (size_t m = m0; m < c->marks.n; m++) {
		size_t i = c->marks.v[m];
		if (tk[i].start >= e)
			break;
		int32_t cp = (int32_t)tk[i].val, prev, next;
		int kind = 0, can_open = 0, can_close = 0;
		switch (cp) {
		case 0x201C:
		case 0x201E:
			kind = QK_DCURLY, can_open = 1;
			break;
		case 0x201D:
			kind = QK_DCURLY, can_close = 1;
			break;
		case 0x2018:
			kind = QK_SCURLY, can_open = 1;
			break;
		case 0x2019: /* also the apostrophe of "d’Ivoire" */
			prev = before(c, i, s), next = after(c, i, e);
			kind = QK_SCURLY,
			can_close = prev >= 0 && !seg_space(prev) && !seg_alnum(next);
			break;
		case 0xAB:
			kind = QK_GUIL, can_open = 1;
			break;
		case 0xBB:
			kind = QK_GUIL, can_close = 1;
			break;
		case '"':
			prev = before(c, i, s), next = after(c, i, e);
			kind = QK_DSTRAIGHT;
			can_open = next >= 0 && !seg_space(next) && opens_after(prev);
			can_close = prev >= 0 && !seg_space(prev) && closes_before(next);
			break;
		case '\'':
			prev = before(c, i, s), next = after(c, i, e);
			kind = QK_SSTRAIGHT;
			can_open =
			    opens_after(prev) && (seg_alnum(next) || next == 0x201C || next == '"');
			can_close = prev >= 0 && !seg_space(prev) && !seg_alnum(next) &&
				    closes_before(next);
			break;
		}
		if (!kind)
			continue;
		int k = n - 1;
		while (k >= 0 && st[k].kind != kind)
			k--;
		/* a double mark of the other shape closes the innermost open
		 * double mark: web text mixes them ("trường sẽ giải thể”,
		 * “gói dữ liệu") */
		if (k < 0 && can_close && n > 0 &&
		    ((kind == QK_DCURLY && st[n - 1].kind == QK_DSTRAIGHT) ||
		     (kind == QK_DSTRAIGHT && st[n - 1].kind == QK_DCURLY)))
			k = n - 1, can_open = 0;
		if (can_open && can_close)
			can_open = k < 0;
		if (can_open) {
			if (n == QSTACK) {
				memmove(st, st + 1, sizeof st[0] * (QSTACK - 1));
				n--;
			}
			st[n].kind = (uint8_t)kind;
			st[n].tok = (uint32_t)i;
			n++;
		} else if (can_close && k >= 0) {
			const tok_t *o = &tk[st[k].tok];
			if (quote_ok(c->t, o->end, tk[i].start)) {
				seg_pair_t *q = avec_push(c->ar, out);
				if (!q)
					return -1;
				q->open = o->start;
				q->in = o->end;
				q->close = tk[i].start;
				q->end = tk[i].end;
				q->topen = st[k].tok;
				q->tclose = (uint32_t)i;
			}
			n = k;
		}
	}
	if (out->n > 1)
		qsort(out->v, out->n, sizeof *out->v, pair_cmp);
	return 0;
}

int segment_match_quotes(seg_ctx_t *c, size_t s, size_t e, seg_pair_vec *out)
{
	size_t m = segment_mark_at(c, s);
	out->n = 0;
	if (m >= c->marks.n || c->tx->tok[c->marks.v[m]].start >= e)
		return 0; /* no mark in the span */
	return match_quotes(c, m, s, e, out);
}

/* The hash of the quoted atoms [a, b): from their key hashes, so that the
 * text is not read again (equal texts have equal atoms). */
static uint32_t quote_hash(const seg_ctx_t *c, size_t a, size_t b)
{
	uint32_t h = 2166136261u;
	for (size_t i = a; i < b; i++)
		h = (h ^ c->tx->tok[i].hash) * 16777619u;
	return h ? h : 1;
}

static int qtab_grow(seg_ctx_t *c)
{
	size_t ncap = c->qcap ? c->qcap * 2 : 64;
	uint32_t *tab = arena_alloc(c->ar, ncap * sizeof *tab);
	uint32_t *hs = arena_alloc(c->ar, ncap / 2 * sizeof *hs);
	if (!tab || !hs)
		return -1;
	for (size_t i = 0; i < c->a->quotes.n; i++) {
		size_t h = (hs[i] = c->qhash[i]) & (ncap - 1);
		while (tab[h])
			h = (h + 1) & (ncap - 1);
		tab[h] = (uint32_t)i + 1;
	}
	c->qtab = tab;
	c->qhash = hs;
	c->qcap = ncap;
	return 0;
}

/* Count one occurrence of the quoted atoms [a, b). */
static int add_quote(seg_ctx_t *c, size_t a, size_t b)
{
	if ((c->a->quotes.n + 1) * 2 > c->qcap && qtab_grow(c))
		return -1;
	const tok_t *tk = c->tx->tok;
	size_t s = tk[a].start, e = tk[b - 1].end, n = e - s;
	uint32_t hv = quote_hash(c, a, b);
	size_t h = hv & (c->qcap - 1);
	while (c->qtab[h]) {
		size_t k = c->qtab[h] - 1;
		quote_t *q = &c->a->quotes.v[k];
		if (c->qhash[k] == hv && q->span.end - q->span.start == n &&
		    memcmp(c->t + q->span.start, c->t + s, n) == 0) {
			span_t *at = avec_push(c->ar, &q->at);
			if (!at)
				return -1;
			*at = span_make(s, e);
			q->count++;
			return 0;
		}
		h = (h + 1) & (c->qcap - 1);
	}
	quote_t *q = avec_push(c->ar, &c->a->quotes);
	if (!q)
		return -1;
	q->span = span_make(s, e);
	q->count = 1;
	span_t *at = avec_push(c->ar, &q->at);
	if (!at)
		return -1;
	*at = q->span;
	c->qhash[c->a->quotes.n - 1] = hv;
	c->qtab[h] = (uint32_t)c->a->quotes.n;
	return 0;
}

/* The quotes of one paragraph, caption or title, in order of their opening
 * mark; the content drops the trailing punctuation written inside the marks
 * ("“tự diễn biến,”" gives "tự diễn biến"). */
int segment_collect_quotes(seg_ctx_t *c, const seg_pair_t *pv, size_t pn)
{
	const tok_t *tk = c->tx->tok;
	for (size_t k = 0; k < pn; k++) {
		size_t a = pv[k].topen + 1, b = pv[k].tclose;
		while (b > a && tk[b - 1].kind == TK_PUNCT &&
		       (seg_term((int32_t)tk[b - 1].val) || tk[b - 1].val == ',' ||
			tk[b - 1].val == ';' || tk[b - 1].val == ':'))
			b--;
		if (b > a && add_quote(c, a, b))
			return -1;
	}
	return 0;
}
