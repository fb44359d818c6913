/* Bylines and credits: a line that is only a byline ("HOÀNG BIÊN", "Theo
 * Dân trí"), a byline run into the end of the last paragraph ("... đề ra.
 * Thu Phương (TTXVN)") or into the middle of a run-together body ("Xuân
 * Đương – Tiên Minh APEC 2017 được ..."). Each looks at a bounded number of
 * word tokens around one position. */
#include <string.h>

#include "model/segment/internal.h"

enum { BY_NONE = 0, BY_AUTHOR = 1, BY_THEO = 2, BY_SOURCE = 3 };

/* The word token [s, e) ends a sentence: "đề ra.", "bày tỏ./.", "nhân
 * rộng.”", but not an initial "H.". */
int segment_ends_sentence(const seg_ctx_t *c, size_t s, size_t e)
{
	int32_t last = seg_cp_before(c, s, e);
	while (e > s && seg_qclose(last)) {
		e = seg_prev(c, s, e);
		last = seg_cp_before(c, s, e);
	}
	int syl;
	return seg_term(last) &&
	       !(last == '.' && segment_name_token(c, s, e, &syl) == SEG_NC_INITIAL);
}

/* Start of the word token that ends at e (at most 32 bytes back). */
size_t segment_token_start(const seg_ctx_t *c, size_t s, size_t e)
{
	size_t w = e;
	while (w > s && e - w < 32 && !seg_space(seg_cp_before(c, s, w)))
		w = seg_prev(c, s, w);
	return w;
}

/* Cut word token k at byte b (a '/' inside it). */
static void cut_token(seg_ctx_t *c, size_t k, size_t b)
{
	seg_wtok_t *w = &c->toks.v[k];
	size_t x = w->t0;
	while (x < w->t1 && c->tx->tok[x].start < b)
		x++;
	w->end = (uint32_t)b;
	w->t1 = (uint32_t)x;
}

/* The bracket that opens at word token k starts with "Theo" ("(Theo AP,
 * ABC News, CNN)"): the sources of a report, however many. */
static int paren_theo(seg_ctx_t *c, size_t k)
{
	const text_t *tx = c->tx;
	size_t i = text_tok_at(tx, c->toks.v[k].start + 1);
	if (i >= tx->n || tx->tok[i].start != c->toks.v[k].start + 1 ||
	    !lex_starts(tx, LEX_SEGMENT_BYLINE_PREFIX, i))
		return 0;
	for (lex_iter_t it = lex_iter(tx, LEX_SEGMENT_BYLINE_PREFIX, i); lex_next(&it);) {
		const lex_entry_t *e = lex_entry(LEX_SEGMENT_BYLINE_PREFIX, (size_t)it.entry);
		if (!strcmp(segment_detail(e), "theo") &&
		    segment_form_fits(c, i, i + it.len, e->form, 0))
			return 1;
	}
	return 0;
}

/* Tokens c->toks[0,*n) end with an agency in brackets or after a slash
 * ("Thu Phương (TTXVN)", "Trí Anh/VOV.VN", "Nguyễn Hiền/VOV-Trung tâm Tin",
 * "Hoài Nam/ VOV- Miền Trung", "Việt Hưng (Theo AP, ABC News, CNN)"): drop
 * it, cutting a slashed token in place. 1 when something was dropped. */
static int drop_agency_suffix(seg_ctx_t *c, size_t *n)
{
	const char *t = c->t;
	size_t m = *n;
	if (!m)
		return 0;
	seg_wtok_t last = c->toks.v[m - 1];
	if (t[last.end - 1] == ')') {
		for (size_t k = m; k-- > 0 && m - k <= 12;) {
			if (t[c->toks.v[k].start] == '(') {
				size_t len = last.end - c->toks.v[k].start;
				if ((len > 48 || m - k > 5) && !(len <= 120 && paren_theo(c, k)))
					return 0;
				*n = k;
				return 1;
			}
		}
		return 0;
	}
	for (size_t k = m; k-- > 0 && m - k <= 4;) {
		seg_wtok_t tk = c->toks.v[k];
		if (segment_ends_sentence(c, tk.start, tk.end) && k + 1 < m)
			return 0;
		for (size_t i = tk.start + 1; i + 1 < tk.end; i++) {
			if (t[i] == '/' && seg_upper(seg_cp_at(c, i + 1, tk.end))) {
				cut_token(c, k, i);
				*n = k + 1;
				return 1;
			}
		}
		/* a slash that ends the token, the agency in the next ones */
		if (tk.end > tk.start + 1 && t[tk.end - 1] == '/' && k + 1 < m &&
		    seg_upper(seg_cp_at(c, c->toks.v[k + 1].start, c->toks.v[k + 1].end))) {
			cut_token(c, k, tk.end - 1);
			*n = k + 1;
			return 1;
		}
	}
	return 0;
}

/* Word tokens of the byline prefix at c->toks[k] ("Tác giả:", "Tin, ảnh:",
 * "Theo"), within c->toks[0,n), with its kind; 0 if none. */
static size_t byline_prefix(seg_ctx_t *c, size_t k, size_t n, int *kind)
{
	const text_t *tx = c->tx;
	if (k >= n)
		return 0;
	size_t i = c->toks.v[k].t0;
	if (i >= tx->n || !lex_starts(tx, LEX_SEGMENT_BYLINE_PREFIX, i))
		return 0;
	for (lex_iter_t it = lex_iter(tx, LEX_SEGMENT_BYLINE_PREFIX, i); lex_next(&it);) {
		size_t end = i + it.len, m = 0;
		while (k + m < n && c->toks.v[k + m].t1 < end)
			m++;
		if (k + m >= n || c->toks.v[k + m].t1 != end ||
		    c->toks.v[k + m].end != tx->tok[end - 1].end)
			continue;
		const lex_entry_t *e = lex_entry(LEX_SEGMENT_BYLINE_PREFIX, (size_t)it.entry);
		if (!segment_form_fits(c, i, end, e->form, 0))
			continue;
		const char *d = segment_detail(e);
		*kind = !strcmp(d, "theo") ? BY_THEO : !strcmp(d, "source") ? BY_SOURCE : BY_AUTHOR;
		return m + 1;
	}
	return 0;
}

int segment_byline_line(seg_ctx_t *c, size_t s, size_t e)
{
	if (e - s > 160)
		return 0;
	if (segment_tokenize(c, s, e, 13))
		return -1;
	size_t n = c->toks.n;
	if (n == 0 || n > 12)
		return 0;
	int syl;
	if (seg_cp_before(c, s, e) == '.' &&
	    segment_name_token(c, c->toks.v[n - 1].start, e, &syl) != SEG_NC_INITIAL)
		return 0; /* a sentence, not a byline */
	int kind = BY_NONE;
	size_t a = byline_prefix(c, 0, n, &kind);
	int dropped = drop_agency_suffix(c, &n);
	if (a >= n) /* "(TTXVN)", "Theo", "Tác giả:" alone */
		return dropped || kind == BY_SOURCE ? 1 : 0;
	size_t as = c->toks.v[a].start, ae = c->toks.v[n - 1].end;
	if (segment_is_agency(c, as, ae) ||
	    (n - a == 1 && segment_syllable_class(c, as, ae) == SEG_NC_NONE && (dropped || kind))) {
		return 1; /* "Theo PLO", "TTXVN", "Nhóm PV" */
	}
	seg_names_t nl;
	size_t used;
	if (!segment_parse_names(c, a, n, 0, &nl, &used))
		return kind == BY_SOURCE && n - a <= 3;
	if (kind != BY_SOURCE && segment_add_names(c, &nl))
		return -1;
	return 1;
}

/* Word tokens c->toks[0,n) end with the words that close a byline ("thực
 * hiện.", "ghi"): how many word tokens they take, 0 if they do not. */
static size_t byline_suffix(const seg_ctx_t *c, size_t n)
{
	const text_t *tx = c->tx;
	for (size_t b = n > 2 ? n - 2 : 0; b < n; b++) {
		size_t i = c->toks.v[b].t0, len;
		if (i >= tx->n ||
		    !lex_at(tx, LEX_SEGMENT_BYLINE_SUFFIX, i, c->toks.v[n - 1].t1, &len))
			continue;
		size_t p = tx->tok[i + len - 1].end, e = c->toks.v[n - 1].end;
		while (p < e && c->t[p] == '.')
			p++;
		if (p == e)
			return n - b;
	}
	return 0;
}

/* "ảnh:" alone: the photo credit that ends a caption. */
static int photo_colon(const seg_ctx_t *c, const seg_wtok_t *w)
{
	const lex_entry_t *e = segment_wtok_is(c, w, LEX_SEGMENT_CREDIT);
	return e && !strcmp(segment_detail(e), "photo");
}

size_t segment_trailing_byline(seg_ctx_t *c, size_t s, size_t e, int long_par)
{
	const char *t = c->t;
	for (int round = 0; round < 3; round++) {
		size_t ts = e > s + 400 ? e - 400 : s;
		while (ts > s && ((unsigned char)t[ts] & 0xC0) == 0x80)
			ts--;
		if (segment_tokenize(c, ts, e, 256)) {
			c->oom = 1;
			return e;
		}
		size_t n = c->toks.n;
		if (ts > s && n) { /* the first token may be cut */
			memmove(c->toks.v, c->toks.v + 1, (n - 1) * sizeof *c->toks.v);
			n--;
		}
		if (n < 2)
			return e;
		int dropped = drop_agency_suffix(c, &n);
		size_t sfx = dropped ? 0 : byline_suffix(c, n);
		if (sfx && sfx < n)
			n -= sfx;
		else
			sfx = 0;
		size_t j = n, k = n;
		while (k > 0 && n - k < 12) {
			seg_wtok_t tk = c->toks.v[k - 1];
			int syl;
			size_t te = tk.end;
			if (te > tk.start + 1 && t[te - 1] == ',')
				te--;
			if (segment_name_token(c, tk.start, te, &syl) == SEG_NC_NONE &&
			    !segment_is_sep(c, &c->toks.v[k - 1]))
				break;
			if (k < n && t[tk.end - 1] == '.' &&
			    segment_name_token(c, tk.start, tk.end, &syl) != SEG_NC_INITIAL)
				break;
			k--;
		}
		while (k < j && segment_is_sep(c, &c->toks.v[k]))
			k++;
		/* what comes before the run */
		int strong = 0, kind = BY_NONE;
		size_t cut = k;
		if (k == 0) {
			strong = ts == s;
		} else {
			seg_wtok_t pv = c->toks.v[k - 1];
			if (segment_ends_sentence(c, pv.start, pv.end) ||
			    memchr(t + pv.start, '/', pv.end - pv.start))
				strong = 1;
			for (size_t b = k >= 3 ? k - 3 : 0; b < k && !kind; b++) {
				size_t m = byline_prefix(c, b, k, &kind);
				if (m && b + m == k &&
				    (b == 0 || segment_ends_sentence(c, c->toks.v[b - 1].start,
								     c->toks.v[b - 1].end))) {
					cut = b;
					strong = 1;
				} else {
					kind = BY_NONE;
				}
			}
			if (!kind && photo_colon(c, &c->toks.v[k - 1]))
				return e; /* a photo credit, handled with the caption */
		}
		if (sfx && (k == j || !strong))
			return e; /* "... do Sở Xây dựng thực hiện." */
		if (k == j) {
			/* no name: "./. PV", "./. TTXVN/Tin Tức", "đề ra. (TTXVN)" */
			if (dropped && n &&
			    segment_ends_sentence(c, c->toks.v[n - 1].start,
						  c->toks.v[n - 1].end)) {
				e = c->toks.v[n - 1].end;
				continue;
			}
			size_t b = n;
			while (
			    b > 0 && n - b < 2 &&
			    !segment_ends_sentence(c, c->toks.v[b - 1].start, c->toks.v[b - 1].end))
				b--;
			if (b == 0 || b == n ||
			    !segment_ends_sentence(c, c->toks.v[b - 1].start, c->toks.v[b - 1].end))
				return e;
			size_t xs = c->toks.v[b].start, xe = c->toks.v[n - 1].end;
			int32_t f = seg_cp_at(c, xs, xe), sec = seg_cp_at(c, xs + 1, xe);
			if (!(segment_is_agency(c, xs, xe) ||
			      (seg_upper(f) && seg_upper(sec) &&
			       segment_syllable_class(c, xs, c->toks.v[b].end) == SEG_NC_NONE)))
				return e;
			e = c->toks.v[b - 1].end;
			continue;
		}
		if (k == 0 && !strong)
			return e;
		seg_names_t nl;
		size_t used;
		if (!segment_parse_names(c, k, j, 0, &nl, &used))
			return e;
		if (!strong) {
			seg_wtok_t pv = c->toks.v[k - 1];
			int32_t f = seg_cp_at(c, pv.start, pv.end);
			if (!long_par || !seg_lower(f))
				return e;
			if (!nl.caps &&
			    (nl.n > 1 || segment_wtok_is(c, &pv, LEX_SEGMENT_NAME_HEAD)))
				return e;
		}
		if (kind != BY_SOURCE && segment_add_names(c, &nl)) {
			c->oom = 1;
			return e;
		}
		/* the paragraph ends before the byline (and before its prefix); a
		 * prefix at the window's first token leaves the token the window
		 * cut in half to the paragraph */
		e = cut > 0 ? c->toks.v[cut - 1].end : ts > s ? c->toks.v[0].start : ts;
		if (e <= s)
			return s;
	}
	return e;
}

size_t segment_mid_byline(seg_ctx_t *c, size_t s, size_t e)
{
	const char *t = c->t;
	/* the names must start at the first token: look at it alone first */
	if (segment_tokenize(c, s, e, 1)) {
		c->oom = 1;
		return 0;
	}
	if (!c->toks.n)
		return 0;
	seg_wtok_t f0 = c->toks.v[0];
	size_t te = f0.end - (f0.end > f0.start + 1 && t[f0.end - 1] == ',');
	int syl;
	if (segment_name_token(c, f0.start, te, &syl) == SEG_NC_NONE ||
	    segment_starter(c, f0.start, te))
		return 0;
	if (segment_tokenize_more(c, 16)) {
		c->oom = 1;
		return 0;
	}
	size_t n = c->toks.n;
	seg_names_t nl;
	size_t k;
	if (n < 2 || !segment_parse_names(c, 0, n, 1, &nl, &k))
		return 0;
	size_t end = nl.e[nl.n - 1];
	seg_wtok_t *w = k < n ? &c->toks.v[k] : NULL;
	if (w && w->end - w->start > 2 && t[w->start] == '(' && t[w->end - 1] == ')' &&
	    segment_is_agency(c, w->start + 1, w->end - 1)) {
		end = w->end; /* "Ngọc Thiện (TTXVN)" */
		k++;
	} else if (nl.n >= 2 && nl.dash) {
		int32_t f = w ? seg_cp_at(c, w->start, w->end) : -1;
		int last = nl.n - 1;
		if (seg_lower(f)) {
			/* "Tiên Minh Ngoài ra": the last capital opens the next paragraph */
			if (nl.t1[last] - nl.t0[last] < 3 || nl.caps)
				return 0;
			k = --nl.t1[last];
			end = nl.e[last] = c->toks.v[k - 1].end;
		}
	} else {
		return 0;
	}
	if (k < n) {
		int32_t f = seg_cp_at(c, c->toks.v[k].start, c->toks.v[k].end);
		if (!(seg_upper(f) || seg_digit(f) || f == 0x201C || f == '"'))
			return 0;
	}
	if (segment_add_names(c, &nl)) {
		c->oom = 1;
		return 0;
	}
	return end;
}
