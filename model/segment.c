/* Article structure of a Vietnamese news text: title, dateline, byline,
 * photo captions, paragraphs, sentences and quoted phrases.
 *
 * Two shapes occur: one paragraph per line (Bình Định pages, the seed:
 * title / dateline / paragraphs and captions / byline line), and the baomoi
 * dump (title / sapo / one line holding every paragraph, the photo captions
 * with their "Ảnh: X" credits and the byline run together). Everything is
 * one pass or a bounded look around a position, so the cost is linear. */
#include "segment.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* ---- UTF-8 and character classes ---------------------------------------- */

/* Decode the code point at t[i] (i < e); invalid bytes give U+FFFD, length 1. */
static size_t dec(const char *t, size_t i, size_t e, int32_t *cp)
{
	const unsigned char *u = (const unsigned char *)t;
	unsigned c = u[i];
	size_t n;
	int32_t v, min;
	if (c < 0x80) {
		*cp = (int32_t)c;
		return 1;
	}
	if (c >= 0xC2 && c <= 0xDF) {
		n = 2, v = c & 0x1F, min = 0x80;
	} else if (c >= 0xE0 && c <= 0xEF) {
		n = 3, v = c & 0x0F, min = 0x800;
	} else if (c >= 0xF0 && c <= 0xF4) {
		n = 4, v = c & 0x07, min = 0x10000;
	} else {
		*cp = 0xFFFD;
		return 1;
	}
	if (e - i < n) {
		*cp = 0xFFFD;
		return 1;
	}
	for (size_t k = 1; k < n; k++) {
		if ((u[i + k] & 0xC0) != 0x80) {
			*cp = 0xFFFD;
			return 1;
		}
		v = (v << 6) | (u[i + k] & 0x3F);
	}
	if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) {
		*cp = 0xFFFD;
		return 1;
	}
	*cp = v;
	return n;
}

/* Start of the code point that ends at i (s < i). */
static size_t prev_start(const char *t, size_t s, size_t i)
{
	size_t j = i - 1;
	for (int k = 0; k < 3 && j > s && ((unsigned char)t[j] & 0xC0) == 0x80; k++)
		j--;
	int32_t cp;
	return j + dec(t, j, i, &cp) == i ? j : i - 1;
}

static int32_t cp_at(const char *t, size_t i, size_t e)
{
	int32_t cp;
	if (i >= e)
		return -1;
	dec(t, i, e, &cp);
	return cp;
}

static int32_t cp_before(const char *t, size_t s, size_t i)
{
	return i > s ? cp_at(t, prev_start(t, s, i), i) : -1;
}

static int is_space(int32_t c)
{
	return c == ' ' || c == '\t' || c == '\f' || c == '\v' || c == 0xA0 || c == 0x1680 ||
	       (c >= 0x2000 && c <= 0x200B) || c == 0x202F || c == 0x205F || c == 0x3000 ||
	       c == 0xFEFF;
}

static int ucat(int32_t c)
{
	return c < 0 || c > 0x10FFFF ? UTF8PROC_CATEGORY_CN : (int)utf8proc_category(c);
}

static int is_upper(int32_t c)
{
	int k = ucat(c);
	return k == UTF8PROC_CATEGORY_LU || k == UTF8PROC_CATEGORY_LT;
}

static int is_lower(int32_t c)
{
	return ucat(c) == UTF8PROC_CATEGORY_LL;
}

/* Letters, and combining marks so that a decomposed "Hòa" stays one word. */
static int is_letter(int32_t c)
{
	int k = ucat(c);
	return (k >= UTF8PROC_CATEGORY_LU && k <= UTF8PROC_CATEGORY_LO) ||
	       k == UTF8PROC_CATEGORY_MN;
}

static int is_digit(int32_t c)
{
	return c >= '0' && c <= '9';
}

static int is_alnum(int32_t c)
{
	return is_digit(c) || is_letter(c);
}

static int is_term(int32_t c) /* sentence-final marks: . ! ? … */
{
	return c == '.' || c == '!' || c == '?' || c == 0x2026;
}

static int is_qclose(int32_t c) /* closing quotes and brackets after a full stop */
{
	return c == 0x201D || c == 0x2019 || c == '"' || c == '\'' || c == 0xBB || c == ')' ||
	       c == ']';
}

static void trim(const char *t, size_t *s, size_t *e)
{
	int32_t cp;
	while (*s < *e) {
		size_t n = dec(t, *s, *e, &cp);
		if (!is_space(cp))
			break;
		*s += n;
	}
	while (*e > *s) {
		size_t p = prev_start(t, *s, *e);
		dec(t, p, *e, &cp);
		if (!is_space(cp))
			break;
		*e = p;
	}
}

/* Case-insensitive comparison of t[s,e) with the lower-case word w. */
static int ieq(const char *t, size_t s, size_t e, const char *w)
{
	size_t wl = strlen(w), k = 0;
	while (s < e) {
		int32_t cp;
		s += dec(t, s, e, &cp);
		utf8proc_uint8_t b[4];
		utf8proc_ssize_t n = utf8proc_encode_char(utf8proc_tolower(cp), b);
		if (n <= 0 || k + (size_t)n > wl || memcmp(w + k, b, (size_t)n) != 0)
			return 0;
		k += (size_t)n;
	}
	return k == wl;
}

static int in_list(const char *t, size_t s, size_t e, const char *const *list)
{
	for (; *list; list++)
		if (ieq(t, s, e, *list))
			return 1;
	return 0;
}

static int exact_in(const char *t, size_t s, size_t e, const char *const *list)
{
	for (; *list; list++)
		if (strlen(*list) == e - s && memcmp(t + s, *list, e - s) == 0)
			return 1;
	return 0;
}

/* ---- vocabulary --------------------------------------------------------- */

/* Words before a full stop that do not end a sentence: "TP. Vinh", "ThS. Lan". */
static const char *const ABBREV[] = {"TP",  "Tp", "tp", "Q",   "P",  "TX", "Tx", "TT", "Tt", "ThS",
				     "Ths", "TS", "Ts", "PGS", "GS", "BS", "Bs", "KS", "CN", "NXB",
				     "Nxb", "St", "Mr", "Mrs", "Ms", "Dr", "Th", "TƯ", "v",  NULL};

/* Capitalised words that open a sentence and never open a byline name; a
 * photo credit stops before them ("Ảnh: Thu Giang Sáng 3/7, ..."). */
static const char *const STARTERS[] = {
    "Sáng",  "Chiều", "Tối",	"Trưa", "Đêm",	  "Sau",   "Ngày",   "Hôm",  "Năm",   "Tháng",
    "Theo",  "Tại",   "Trong",	"Ông",	"Bà",	  "Chị",   "Đồng",   "Thay", "Tiếp",  "Cùng",
    "Chỉ",   "Góp",   "Đề",	"Tham", "Căn",	  "Dự",	   "Với",    "Để",   "Cũng",  "Về",
    "Trước", "Khi",   "Phát",	"Qua",	"Bên",	  "Đây",   "Đó",     "Hội",  "Ban",   "Bộ",
    "Các",   "Những", "Nhiều",	"Một",	"Hai",	  "Ba",	   "Đại",    "Chủ",  "Phó",   "Bí",
    "Thủ",   "Tổng",  "Ủy",	"Uỷ",	"Việc",	  "Nhằm",  "Từ",     "Đến",  "Như",   "Do",
    "Nếu",   "Tuy",   "Nhưng",	"Và",	"Hiện",	  "Đối",   "Toàn",   "Kết",  "Báo",   "Đài",
    "Sở",    "Tỉnh",  "Huyện",	"Lãnh", "Thường", "Giám",  "Trưởng", "Cục",  "Viện",  "Nguồn",
    "Ảnh",   "Tin",   "Bài",	"Trao", "Tặng",	  "Cuộc",  "Buổi",   "Kỳ",   "Phiên", "Lễ",
    "Nghị",  "Quyết", "Chương", "Kế",	"Đặc",	  "Quang", "Đoàn",   "UBND", "HĐND",  NULL};

/* News agencies and papers: credits, not authors ("Theo Dân trí", "TTXVN"). */
static const char *const AGENCIES[] = {"ttxvn",
				       "vna",
				       "vov",
				       "vov.vn",
				       "vtv",
				       "vtc",
				       "plo",
				       "dân trí",
				       "tuổi trẻ",
				       "thanh niên",
				       "nhân dân",
				       "vnexpress",
				       "vietnamnet",
				       "zing",
				       "zing news",
				       "zingnews",
				       "tin tức",
				       "tiền phong",
				       "lao động",
				       "người lao động",
				       "sài gòn giải phóng",
				       "sggp",
				       "vgp",
				       "quân đội nhân dân",
				       "qđnd",
				       "công an nhân dân",
				       "cand",
				       "hà nội mới",
				       "pháp luật",
				       "kinh tế đô thị",
				       "đại đoàn kết",
				       "vietnamplus",
				       "baomoi",
				       "báo mới",
				       "an ninh thủ đô",
				       "infonet",
				       "kênh14",
				       "soha",
				       "vietnam+",
				       "pv",
				       "nhóm pv",
				       "ctv",
				       "bnews",
				       "vtc news",
				       "vov-tphcm",
				       "tổng hợp",
				       NULL};

/* First words of an organisation credit: "Báo Nghệ An", "Cổng TTĐT tỉnh". */
static const char *const ORG_HEADS[] = {"báo", "cổng", "đài", "tạp", "nguồn", "theo", NULL};

/* Lower-case words that introduce a proper name; a capitalised run after them at
 * the end of a paragraph is that name, not a byline ("tại cầu Sông Hinh"). */
static const char *const NAME_HEADS[] = {
    "tỉnh",  "huyện", "xã",   "phường", "quận",	  "phố",    "đường", "cầu",  "sông", "núi",
    "làng",  "thôn",  "bản",  "ấp",	"chợ",	  "trường", "nhà",   "chùa", "đền",  "đình",
    "khu",   "cụm",   "tổ",   "ông",	"bà",	  "anh",    "chị",   "em",   "chí",  "tại",
    "ở",     "của",   "với",  "và",	"cho",	  "từ",	    "đến",   "về",   "trên", "dưới",
    "gồm",   "là",    "như",  "trấn",	"thành",  "biển",   "hồ",    "đảo",  "cảng", "ga",
    "bến",   "miền",  "vùng", "nước",	"cô",	  "chú",    "thầy",  "cụ",   "sư",   "sĩ",
    "tướng", "tá",    "úy",   "đoàn",	"ty",	  "nhóm",   "ban",   "bộ",   "sở",   "hội",
    "viện",  "cục",   "báo",  "đài",	"chương", "trình",  "án",    "luật", "lộ",   "tuyến",
    "dự",    "tàng",  "viên", "quán",	"hiệu",	  "họ",	    "tên",   "gia",  NULL};

/* ---- scratch state ------------------------------------------------------ */

typedef struct qpair {
	uint32_t open, in, close, end; /* mark, content start, closing mark, after it */
} qpair_t;

typedef struct block {
	span_t sp;
	int caption;
} block_t;

typedef VEC(qpair_t) qpair_vec;
typedef VEC(span_t) span_vec;

typedef struct ctx {
	const char *t;
	size_t len;
	article_t *a;
	span_vec lines;	     /* non-empty lines, trimmed */
	VEC(block_t) blocks; /* paragraphs and captions in text order */
	qpair_vec pairs, pairs2;
	span_vec sents, toks;
	uint32_t *qtab; /* quote index + 1, open addressing */
	size_t qcap;
	int oom;
} ctx_t;

/* ---- quotation marks ---------------------------------------------------- */

enum { QK_DCURLY = 1, QK_SCURLY, QK_GUIL, QK_DSTRAIGHT, QK_SSTRAIGHT };

#define QSTACK 16
#define QMAX_CP 2000

static int opens_after(int32_t p) /* a straight mark after p may open a quote */
{
	return p < 0 || is_space(p) || p == '(' || p == '[' || p == '{' || p == 0x201C ||
	       p == 0x2018 || p == 0xAB || p == '-' || p == 0x2013 || p == 0x2014 || p == '/' ||
	       p == ':' || p == ',' || p == ';' || p == '"' || p == '\'';
}

static int closes_before(int32_t n) /* a straight mark before n may close a quote */
{
	return n < 0 || is_space(n) || is_term(n) || n == ',' || n == ';' || n == ':' || n == ')' ||
	       n == ']' || n == '}' || n == 0x201D || n == 0x2019 || n == 0xBB || n == '-' ||
	       n == 0x2013 || n == 0x2014 || n == '/' || n == '"' || n == '\'';
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

/* Pair the quotation marks of t[s,e) (one paragraph) into *out, innermost
 * first. A mark that finds no partner is dropped, so an unmatched “ cannot
 * swallow the rest of the text; apostrophes inside words are not marks. */
static int match_quotes(const char *t, size_t s, size_t e, qpair_vec *out)
{
	struct {
		uint8_t kind;
		uint32_t pos, in;
	} st[QSTACK];
	int n = 0;
	int32_t prev = -1;
	out->n = 0;
	for (size_t i = s; i < e;) {
		int32_t cp;
		size_t l = dec(t, i, e, &cp);
		int kind = 0, can_open = 0, can_close = 0;
		int32_t next = cp_at(t, i + l, e);
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
			kind = QK_SCURLY,
			can_close = prev >= 0 && !is_space(prev) && !is_alnum(next);
			break;
		case 0xAB:
			kind = QK_GUIL, can_open = 1;
			break;
		case 0xBB:
			kind = QK_GUIL, can_close = 1;
			break;
		case '"':
			kind = QK_DSTRAIGHT;
			can_open = next >= 0 && !is_space(next) && opens_after(prev);
			can_close = prev >= 0 && !is_space(prev) && closes_before(next);
			break;
		case '\'':
			kind = QK_SSTRAIGHT;
			can_open =
			    opens_after(prev) && (is_alnum(next) || next == 0x201C || next == '"');
			can_close =
			    prev >= 0 && !is_space(prev) && !is_alnum(next) && closes_before(next);
			break;
		}
		if (kind) {
			int k = n - 1;
			while (k >= 0 && st[k].kind != kind)
				k--;
			if (can_open && can_close)
				can_open = k < 0;
			if (can_open) {
				if (n == QSTACK) {
					memmove(st, st + 1, sizeof st[0] * (QSTACK - 1));
					n--;
				}
				st[n].kind = (uint8_t)kind;
				st[n].pos = (uint32_t)i;
				st[n].in = (uint32_t)(i + l);
				n++;
			} else if (can_close && k >= 0) {
				if (quote_ok(t, st[k].in, i)) {
					qpair_t *q = vec_push(out);
					if (!q)
						return -1;
					q->open = st[k].pos;
					q->in = st[k].in;
					q->close = (uint32_t)i;
					q->end = (uint32_t)(i + l);
				}
				n = k;
			}
		}
		prev = cp;
		i += l;
	}
	return 0;
}

static int pair_cmp(const void *x, const void *y)
{
	const qpair_t *a = x, *b = y;
	return a->open < b->open ? -1 : a->open > b->open;
}

static uint32_t hash_bytes(const char *p, size_t n)
{
	uint32_t h = 2166136261u;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)p[i]) * 16777619u;
	return h;
}

static int qtab_grow(ctx_t *c)
{
	size_t ncap = c->qcap ? c->qcap * 2 : 64;
	uint32_t *tab = calloc(ncap, sizeof *tab);
	if (!tab)
		return -1;
	for (size_t i = 0; i < c->a->quotes.n; i++) {
		span_t sp = c->a->quotes.v[i].span;
		size_t h = hash_bytes(c->t + sp.start, sp.end - sp.start) & (ncap - 1);
		while (tab[h])
			h = (h + 1) & (ncap - 1);
		tab[h] = (uint32_t)i + 1;
	}
	free(c->qtab);
	c->qtab = tab;
	c->qcap = ncap;
	return 0;
}

/* Count one occurrence of the quoted text t[s,e). */
static int add_quote(ctx_t *c, size_t s, size_t e)
{
	if ((c->a->quotes.n + 1) * 2 > c->qcap && qtab_grow(c))
		return -1;
	size_t n = e - s, h = hash_bytes(c->t + s, n) & (c->qcap - 1);
	while (c->qtab[h]) {
		quote_t *q = &c->a->quotes.v[c->qtab[h] - 1];
		if (q->span.end - q->span.start == n &&
		    memcmp(c->t + q->span.start, c->t + s, n) == 0) {
			q->count++;
			return 0;
		}
		h = (h + 1) & (c->qcap - 1);
	}
	quote_t *q = vec_push(&c->a->quotes);
	if (!q)
		return -1;
	q->span = span_make(s, e);
	q->count = 1;
	c->qtab[h] = (uint32_t)c->a->quotes.n;
	return 0;
}

/* The quotes of one paragraph, caption or title, in order of their opening
 * mark; the content drops the trailing punctuation written inside the marks
 * ("“tự diễn biến,”" gives "tự diễn biến"). */
static int collect_quotes(ctx_t *c, size_t s, size_t e)
{
	if (match_quotes(c->t, s, e, &c->pairs))
		return -1;
	if (c->pairs.n > 1)
		qsort(c->pairs.v, c->pairs.n, sizeof *c->pairs.v, pair_cmp);
	for (size_t k = 0; k < c->pairs.n; k++) {
		size_t qs = c->pairs.v[k].in, qe = c->pairs.v[k].close;
		for (;;) {
			trim(c->t, &qs, &qe);
			int32_t last = cp_before(c->t, qs, qe);
			if (!(is_term(last) || last == ',' || last == ';' || last == ':'))
				break;
			qe = prev_start(c->t, qs, qe);
		}
		if (qe > qs && add_quote(c, qs, qe))
			return -1;
	}
	return 0;
}

/* ---- sentences ---------------------------------------------------------- */

/* 1 when the '.' at i ends an abbreviation or an initial ("TP. Vinh",
 * "H. Nguyên"); a lone I, V or X is a Roman numeral ending "khóa X." */
static int abbrev_before(const char *t, size_t s, size_t i)
{
	size_t w = i;
	int n = 0;
	while (w > s && n < 6) {
		size_t p = prev_start(t, s, w);
		int32_t cp = cp_at(t, p, w);
		if (!is_letter(cp))
			break;
		w = p;
		n++;
	}
	if (w == i || n >= 6)
		return 0;
	int32_t first = cp_at(t, w, i);
	if (n == 1 && is_upper(first))
		return !(first == 'I' || first == 'V' || first == 'X');
	return exact_in(t, w, i, ABBREV);
}

/* Split t[s,e) into sentences (appended to *out) at . ! ? … followed by a space
 * and a capital, digit, quote or bullet, never inside a quotation, an
 * abbreviation or a number ("1.500", "25.10.2021", "TP.HCM"). */
static int split_sentences(ctx_t *c, size_t s, size_t e, span_vec *out)
{
	const char *t = c->t;
	if (match_quotes(t, s, e, &c->pairs2))
		return -1;
	if (c->pairs2.n > 1)
		qsort(c->pairs2.v, c->pairs2.n, sizeof *c->pairs2.v, pair_cmp);
	/* outermost quotations, disjoint and in order */
	size_t np = 0;
	for (size_t k = 0; k < c->pairs2.n; k++) {
		if (np && c->pairs2.v[k].open < c->pairs2.v[np - 1].end)
			continue;
		c->pairs2.v[np++] = c->pairs2.v[k];
	}
	size_t pr = 0, st = s;
	for (size_t i = s; i < e;) {
		int32_t cp;
		size_t l = dec(t, i, e, &cp);
		if (!is_term(cp)) {
			i += l;
			continue;
		}
		while (pr < np && c->pairs2.v[pr].end <= i)
			pr++;
		size_t j = i + l;
		if (cp == '.') {
			int32_t nx = cp_at(t, j, e);
			if (is_alnum(nx) || abbrev_before(t, s, i)) {
				i = j;
				continue;
			}
		}
		for (;;) { /* "...", "?!", "./." then closing quotes */
			int32_t nx = cp_at(t, j, e);
			if (is_term(nx))
				j += dec(t, j, e, &nx);
			else if (nx == '/' && cp_at(t, j + 1, e) == '.')
				j += 2;
			else
				break;
		}
		while (j < e && is_qclose(cp_at(t, j, e)))
			j += dec(t, j, e, &cp);
		if (pr < np && c->pairs2.v[pr].open < i && j <= c->pairs2.v[pr].close) {
			i = j;
			continue;
		}
		size_t k = j;
		int32_t nx = cp_at(t, k, e);
		if (k < e && !is_space(nx)) {
			i = j;
			continue;
		}
		while (k < e && is_space(nx = cp_at(t, k, e)))
			k += dec(t, k, e, &nx);
		if (k < e &&
		    !(is_upper(nx) || is_digit(nx) || nx == 0x201C || nx == '"' || nx == 0x2018 ||
		      nx == '\'' || nx == 0xAB || nx == '(' || nx == '[' || nx == 0x2022 ||
		      nx == '*' || nx == '-' || nx == 0x2013 || nx == 0x2014)) {
			i = j;
			continue;
		}
		size_t a = st, b = j;
		trim(t, &a, &b);
		if (b > a) {
			span_t *sp = vec_push(out);
			if (!sp)
				return -1;
			*sp = span_make(a, b);
		}
		st = i = k;
	}
	size_t a = st, b = e;
	trim(t, &a, &b);
	if (b > a) {
		span_t *sp = vec_push(out);
		if (!sp)
			return -1;
		*sp = span_make(a, b);
	}
	return 0;
}

/* ---- tokens and names --------------------------------------------------- */

/* Whitespace-separated tokens of t[s,e) into c->toks. */
static int tokenize(ctx_t *c, size_t s, size_t e, size_t max)
{
	c->toks.n = 0;
	size_t i = s;
	while (i < e && c->toks.n < max) {
		int32_t cp;
		size_t l = dec(c->t, i, e, &cp);
		if (is_space(cp)) {
			i += l;
			continue;
		}
		size_t b = i;
		while (i < e) {
			l = dec(c->t, i, e, &cp);
			if (is_space(cp))
				break;
			i += l;
		}
		span_t *sp = vec_push(&c->toks);
		if (!sp)
			return -1;
		*sp = span_make(b, i);
	}
	return 0;
}

enum { NC_NONE = 0, NC_TITLE = 1, NC_CAPS = 2, NC_INITIAL = 3 };

/* Case class of one name syllable t[s,e): "Biên" NC_TITLE, "BIÊN" NC_CAPS, "H."
 * NC_INITIAL; NC_NONE for anything else. Capital words need a vowel so that
 * acronyms ("PV", "TTXVN") are not names. */
static int syllable_class(const char *t, size_t s, size_t e)
{
	int32_t cp;
	if (s >= e)
		return NC_NONE;
	size_t i = s + dec(t, s, e, &cp);
	if (!is_upper(cp))
		return NC_NONE;
	if (i < e && t[i] == '.' && i + 1 == e)
		return NC_INITIAL;
	int up = 0, lo = 0, vowel = strchr("AEIOUY", cp) != NULL || (cp >= 0xC0 && cp != 0x110);
	while (i < e) {
		i += dec(t, i, e, &cp);
		if (is_upper(cp)) {
			up++;
			vowel |= strchr("AEIOUY", cp) != NULL || (cp >= 0xC0 && cp != 0x110);
		} else if (is_lower(cp) || ucat(cp) == UTF8PROC_CATEGORY_MN) {
			lo++;
		} else {
			return NC_NONE;
		}
	}
	if (up && lo)
		return NC_NONE;
	if (up)
		return vowel ? NC_CAPS : NC_NONE;
	return NC_TITLE;
}

/* Class of a name token (syllables joined by '-' as in "Vũ-Trung", or an
 * initial glued to a name as in "T.Đảng") and its syllable count in *syl. */
static int name_token(const char *t, size_t s, size_t e, int *syl)
{
	int cls = NC_INITIAL;
	*syl = 0;
	size_t i = s;
	while (i < e) {
		size_t j = i;
		while (j < e && t[j] != '-' && !(t[j] == '.' && j + 1 < e && j > i))
			j++;
		size_t pe = j < e && t[j] == '.' ? j + 1 : j;
		int k = syllable_class(t, i, pe);
		if (k == NC_NONE)
			return NC_NONE;
		if (k != NC_INITIAL) {
			if (cls != NC_INITIAL && cls != k)
				return NC_NONE;
			cls = k;
		}
		(*syl)++;
		i = j < e && t[j] == '-' ? j + 1 : pe;
		if (i == e && t[e - 1] == '-')
			return NC_NONE;
	}
	return *syl ? cls : NC_NONE;
}

static int is_sep_token(const char *t, size_t s, size_t e)
{
	return ieq(t, s, e, "-") || ieq(t, s, e, "\xe2\x80\x93") || ieq(t, s, e, "\xe2\x80\x94") ||
	       ieq(t, s, e, "&") || ieq(t, s, e, "và") || ieq(t, s, e, ",");
}

#define MAX_AUTHORS 16

/* Add an author for the name t[s,e) (tokens separated by blanks); a name
 * written in capitals is Title-Cased ("H. NGUYÊN" -> "H. Nguyên"). */
static int add_author(ctx_t *c, size_t s, size_t e, int caps)
{
	const char *t = c->t;
	if (c->a->authors.n >= MAX_AUTHORS)
		return 0;
	char *name = malloc((e - s) * 2 + 1);
	if (!name)
		return -1;
	size_t n = 0, i = s;
	int word_start = 1, space = 0;
	while (i < e) {
		int32_t cp;
		i += dec(t, i, e, &cp);
		if (is_space(cp)) {
			space = 1;
			word_start = 1;
			continue;
		}
		if (space && n)
			name[n++] = ' ';
		space = 0;
		if (caps && !word_start)
			cp = utf8proc_tolower(cp);
		word_start = cp == '-' || cp == '.';
		utf8proc_ssize_t k = utf8proc_encode_char(cp, (utf8proc_uint8_t *)name + n);
		n += k > 0 ? (size_t)k : 0;
	}
	name[n] = '\0';
	for (size_t k = 0; k < c->a->authors.n; k++) {
		if (strcmp(c->a->authors.v[k].name, name) == 0) {
			free(name);
			return 0;
		}
	}
	author_t *au = vec_push(&c->a->authors);
	if (!au) {
		free(name);
		return -1;
	}
	au->span = span_make(s, e);
	au->name = name;
	return 0;
}

typedef struct namelist {
	int n;		     /* names found */
	int dash;	     /* separated by '-' or '–' */
	int caps;	     /* every name in capitals */
	size_t t0[4], t1[4]; /* token range of each name */
	size_t e[4];	     /* byte end of each name (a trailing comma dropped) */
	int cls[4];
} namelist_t;

static int is_agency(const char *t, size_t s, size_t e)
{
	if (in_list(t, s, e, AGENCIES))
		return 1;
	size_t w = s;
	while (w < e && t[w] != ' ')
		w++;
	return in_list(t, s, w, ORG_HEADS);
}

/* Parse c->toks[a,b) as "Name", "Name - Name", "Name, Name và Name" with 2..5
 * syllables a name, each name all in capitals or all in Title Case. With
 * partial set, parsing stops at the first token that does not fit; *used
 * tells how many tokens the names took. Returns the number of names. */
static int parse_names(ctx_t *c, size_t a, size_t b, int partial, namelist_t *nl, size_t *used)
{
	const char *t = c->t;
	memset(nl, 0, sizeof *nl);
	size_t k = a, last_ok = a;
	while (k < b && nl->n < 4) {
		size_t ns = k;
		int cls = NC_INITIAL, syl = 0, comma = 0;
		while (k < b && k - ns < 5) {
			span_t tk = c->toks.v[k];
			size_t te = tk.end;
			int cm = te > tk.start + 1 && t[te - 1] == ',';
			te -= (size_t)cm;
			int sy, kc = name_token(t, tk.start, te, &sy);
			if (kc == NC_NONE || (kc != NC_INITIAL && cls != NC_INITIAL && kc != cls))
				break;
			if (k == ns && exact_in(t, tk.start, te, STARTERS))
				break;
			if (kc != NC_INITIAL)
				cls = kc;
			syl += sy;
			k++;
			if ((comma = cm))
				break;
		}
		if (k == ns || syl < 2 || syl > 5 || cls == NC_INITIAL)
			break;
		size_t es = c->toks.v[k - 1].end - (size_t)comma;
		if (is_agency(t, c->toks.v[ns].start, es))
			break;
		nl->t0[nl->n] = ns;
		nl->t1[nl->n] = k;
		nl->e[nl->n] = es;
		nl->cls[nl->n] = cls;
		nl->n++;
		last_ok = k;
		if (comma)
			continue;
		if (k < b && is_sep_token(t, c->toks.v[k].start, c->toks.v[k].end)) {
			if (!ieq(t, c->toks.v[k].start, c->toks.v[k].end, "và") &&
			    !ieq(t, c->toks.v[k].start, c->toks.v[k].end, "&"))
				nl->dash = 1;
			k++;
			continue;
		}
		break;
	}
	nl->caps = nl->n > 0;
	for (int i = 0; i < nl->n; i++)
		nl->caps &= nl->cls[i] == NC_CAPS;
	*used = last_ok - a;
	if (!nl->n)
		return 0;
	return partial || last_ok == b ? nl->n : 0;
}

static int add_names(ctx_t *c, const namelist_t *nl)
{
	for (int i = 0; i < nl->n; i++)
		if (add_author(c, c->toks.v[nl->t0[i]].start, nl->e[i], nl->cls[i] == NC_CAPS))
			return -1;
	return 0;
}

/* ---- bylines ------------------------------------------------------------ */

/* The token t[s,e) ends a sentence: "đề ra.", "bày tỏ./.", "nhân rộng.”", but
 * not an initial "H.". */
static int ends_sentence(const char *t, size_t s, size_t e)
{
	int32_t last = cp_before(t, s, e);
	while (e > s && is_qclose(last)) {
		e = prev_start(t, s, e);
		last = cp_before(t, s, e);
	}
	int syl;
	return is_term(last) && !(last == '.' && name_token(t, s, e, &syl) == NC_INITIAL);
}

/* Start of the token that ends at e (at most 32 bytes back). */
static size_t token_start(const char *t, size_t s, size_t e)
{
	size_t w = e;
	while (w > s && e - w < 32 && !is_space(cp_before(t, s, w)))
		w = prev_start(t, s, w);
	return w;
}

/* Tokens c->toks[0,*n) end with an agency in brackets or after a slash
 * ("Thu Phương (TTXVN)", "Trí Anh/VOV.VN", "Nguyễn Hiền/VOV-Trung tâm Tin"):
 * drop it, cutting a slashed token in place. 1 when something was dropped. */
static int drop_agency_suffix(ctx_t *c, size_t *n)
{
	const char *t = c->t;
	size_t m = *n;
	if (!m)
		return 0;
	span_t last = c->toks.v[m - 1];
	if (t[last.end - 1] == ')') {
		for (size_t k = m; k-- > 0 && m - k <= 5;) {
			if (t[c->toks.v[k].start] == '(') {
				if (last.end - c->toks.v[k].start > 48)
					return 0;
				*n = k;
				return 1;
			}
		}
		return 0;
	}
	for (size_t k = m; k-- > 0 && m - k <= 4;) {
		span_t tk = c->toks.v[k];
		if (ends_sentence(t, tk.start, tk.end) && k + 1 < m)
			return 0;
		for (size_t i = tk.start + 1; i + 1 < tk.end; i++) {
			if (t[i] == '/' && is_upper(cp_at(t, i + 1, tk.end))) {
				c->toks.v[k].end = (uint32_t)i;
				*n = k + 1;
				return 1;
			}
		}
	}
	return 0;
}

static const char *const BYLINE_PREFIX[][4] = {{"tác", "giả:"},
					       {"bài:"},
					       {"tin:"},
					       {"bài", "và", "ảnh:"},
					       {"bài,", "ảnh:"},
					       {"tin,", "ảnh:"},
					       {"tin", "và", "ảnh:"},
					       {"tin", "ảnh:"},
					       {"bài", "ảnh:"},
					       {"thực", "hiện:"},
					       {"phóng", "viên:"},
					       {"pv:"},
					       {"ghi", "chép:"},
					       {"theo"},
					       {"nguồn:"},
					       {"nhóm"},
					       {NULL}};

/* Length of the byline prefix at c->toks[k] ("Tác giả:", "Tin, ảnh:", "Theo"), 0 if none. */
static size_t byline_prefix(ctx_t *c, size_t k, size_t n, int *kind)
{
	for (int p = 0; BYLINE_PREFIX[p][0]; p++) {
		size_t m = 0;
		while (m < 4 && BYLINE_PREFIX[p][m])
			m++;
		if (k + m > n)
			continue;
		size_t i = 0;
		while (i < m &&
		       ieq(c->t, c->toks.v[k + i].start, c->toks.v[k + i].end, BYLINE_PREFIX[p][i]))
			i++;
		if (i == m) {
			const char *w = BYLINE_PREFIX[p][0];
			*kind = !strcmp(w, "theo")			     ? 2
				: !strcmp(w, "nguồn:") || !strcmp(w, "nhóm") ? 3
									     : 1;
			return m;
		}
	}
	return 0;
}

/* A line that is only a byline or a credit: "HOÀNG BIÊN", "Tác giả: Nguyễn
 * Văn A", "Ngọc Hà - Minh Tâm", "HỒNG HÀ (Thực hiện)", "Theo Dân trí",
 * "(TTXVN)". Records the authors; 1 for such a line, 0 if not, -1 on ENOMEM. */
static int byline_line(ctx_t *c, size_t s, size_t e)
{
	const char *t = c->t;
	if (e - s > 160)
		return 0;
	if (tokenize(c, s, e, 13))
		return -1;
	size_t n = c->toks.n;
	if (n == 0 || n > 12)
		return 0;
	int syl;
	if (cp_before(t, s, e) == '.' &&
	    name_token(t, c->toks.v[n - 1].start, e, &syl) != NC_INITIAL)
		return 0; /* a sentence, not a byline */
	int kind = 0;
	size_t a = byline_prefix(c, 0, n, &kind);
	int dropped = drop_agency_suffix(c, &n);
	if (a >= n) /* "(TTXVN)", "Theo", "Tác giả:" alone */
		return dropped || kind == 3 ? 1 : 0;
	size_t as = c->toks.v[a].start, ae = c->toks.v[n - 1].end;
	if (is_agency(t, as, ae) ||
	    (n - a == 1 && syllable_class(t, as, ae) == NC_NONE && (dropped || kind))) {
		return 1; /* "Theo PLO", "TTXVN", "Nhóm PV" */
	}
	namelist_t nl;
	size_t used;
	if (!parse_names(c, a, n, 0, &nl, &used))
		return kind == 3 && n - a <= 3;
	if (kind != 3 && add_names(c, &nl))
		return -1;
	return 1;
}

/* A byline run into the end of a paragraph: "... đề ra. Thu Phương (TTXVN)",
 * "... quan tâm. Hoàng Anh Tuấn", "... Trí Anh/VOV.VN Trí Anh/VOV.VN",
 * "... Tin, ảnh: Trung Kiên (TTXVN)", "... năm học mới Tuệ Minh" (after a
 * caption without full stop: capitals, or a name not after a word that
 * introduces one). Returns the new end of the paragraph, authors recorded. */
static size_t trailing_byline(ctx_t *c, size_t s, size_t e, int long_par)
{
	const char *t = c->t;
	for (int round = 0; round < 3; round++) {
		size_t ts = e > s + 400 ? e - 400 : s;
		while (ts > s && ((unsigned char)t[ts] & 0xC0) == 0x80)
			ts--;
		if (tokenize(c, ts, e, 256)) {
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
		size_t j = n, k = n;
		while (k > 0 && n - k < 12) {
			span_t tk = c->toks.v[k - 1];
			int syl;
			size_t te = tk.end;
			if (te > tk.start + 1 && t[te - 1] == ',')
				te--;
			if (name_token(t, tk.start, te, &syl) == NC_NONE &&
			    !is_sep_token(t, tk.start, tk.end))
				break;
			if (k < n && t[tk.end - 1] == '.' &&
			    name_token(t, tk.start, tk.end, &syl) != NC_INITIAL)
				break;
			k--;
		}
		while (k < j && is_sep_token(t, c->toks.v[k].start, c->toks.v[k].end))
			k++;
		/* what comes before the run */
		int strong = 0, kind = 0;
		size_t cut = k;
		if (k == 0) {
			strong = ts == s;
		} else {
			span_t pv = c->toks.v[k - 1];
			if (ends_sentence(t, pv.start, pv.end) ||
			    memchr(t + pv.start, '/', pv.end - pv.start))
				strong = 1;
			for (size_t b = k >= 3 ? k - 3 : 0; b < k && !kind; b++) {
				size_t m = byline_prefix(c, b, k, &kind);
				if (m && b + m == k &&
				    (b == 0 || ends_sentence(t, c->toks.v[b - 1].start,
							     c->toks.v[b - 1].end))) {
					cut = b;
					strong = 1;
				} else {
					kind = 0;
				}
			}
			if (!kind && ieq(t, pv.start, pv.end, "ảnh:"))
				return e; /* a photo credit, handled with the caption */
		}
		if (k == j) {
			/* no name: "./. PV", "./. TTXVN/Tin Tức", "đề ra. (TTXVN)" */
			if (dropped && n &&
			    ends_sentence(t, c->toks.v[n - 1].start, c->toks.v[n - 1].end)) {
				e = c->toks.v[n - 1].end;
				continue;
			}
			size_t b = n;
			while (b > 0 && n - b < 2 &&
			       !ends_sentence(t, c->toks.v[b - 1].start, c->toks.v[b - 1].end))
				b--;
			if (b == 0 || b == n ||
			    !ends_sentence(t, c->toks.v[b - 1].start, c->toks.v[b - 1].end))
				return e;
			size_t xs = c->toks.v[b].start, xe = c->toks.v[n - 1].end;
			int32_t f = cp_at(t, xs, xe), sec = cp_at(t, xs + 1, xe);
			if (!(is_agency(t, xs, xe) ||
			      (is_upper(f) && is_upper(sec) &&
			       syllable_class(t, xs, c->toks.v[b].end) == NC_NONE)))
				return e;
			e = c->toks.v[b - 1].end;
			continue;
		}
		if (k == 0 && !strong)
			return e;
		namelist_t nl;
		size_t used;
		if (!parse_names(c, k, j, 0, &nl, &used))
			return e;
		if (!strong) {
			span_t pv = c->toks.v[k - 1];
			int32_t f = cp_at(t, pv.start, pv.end);
			if (!long_par || !is_lower(f))
				return e;
			if (!nl.caps && (nl.n > 1 || in_list(t, pv.start, pv.end, NAME_HEADS)))
				return e;
		}
		if (kind != 3 && add_names(c, &nl)) {
			c->oom = 1;
			return e;
		}
		e = cut > 0 ? c->toks.v[cut - 1].end : ts;
		if (e <= s)
			return s;
	}
	return e;
}

/* A byline at the start of sentence t[s,e) inside a run-together body, with
 * the next paragraph after it: "Xuân Đương – Tiên Minh APEC 2017 được ...",
 * "Ngọc Thiện (TTXVN) Tin liên quan ...". Returns the end of the byline, or
 * 0 when the sentence does not start with one. */
static size_t mid_byline(ctx_t *c, size_t s, size_t e)
{
	const char *t = c->t;
	if (tokenize(c, s, e, 16)) {
		c->oom = 1;
		return 0;
	}
	size_t n = c->toks.n;
	namelist_t nl;
	size_t k;
	if (n < 2 || !parse_names(c, 0, n, 1, &nl, &k))
		return 0;
	size_t end = nl.e[nl.n - 1];
	if (k < n && c->toks.v[k].end - c->toks.v[k].start > 2 && t[c->toks.v[k].start] == '(' &&
	    t[c->toks.v[k].end - 1] == ')' &&
	    is_agency(t, c->toks.v[k].start + 1, c->toks.v[k].end - 1)) {
		end = c->toks.v[k].end; /* "Ngọc Thiện (TTXVN)" */
		k++;
	} else if (nl.n >= 2 && nl.dash) {
		int32_t f = k < n ? cp_at(t, c->toks.v[k].start, c->toks.v[k].end) : -1;
		int last = nl.n - 1;
		if (is_lower(f)) {
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
		int32_t f = cp_at(t, c->toks.v[k].start, c->toks.v[k].end);
		if (!(is_upper(f) || is_digit(f) || f == 0x201C || f == '"'))
			return 0;
	}
	if (add_names(c, &nl)) {
		c->oom = 1;
		return 0;
	}
	return end;
}

/* ---- photo credits and captions ----------------------------------------- */

#define A_HOOK "\xe1\xba\xa2" /* Ả */

/* Extent of the photo credit whose "Ảnh" is at p: "Ảnh: Thu Giang",
 * "(Ảnh: Q.H)", "Ảnh: Doãn Tấn/TTXVN", "Ảnh minh họa", "Ảnh Ngọc Anh.". The
 * credit runs into the next paragraph in baomoi texts, so it stops before a
 * word that opens a sentence or before the capital ahead of a lower-case word
 * ("Ảnh: Thu Giang Sáng 3/7, ..."). Returns the end, or 0 if p is no credit. */
static size_t credit_end(ctx_t *c, size_t s, size_t p, size_t e, int paren)
{
	const char *t = c->t;
	size_t q = p + 5; /* after "Ảnh" */
	int32_t nx = cp_at(t, q, e);
	if (is_alnum(nx))
		return 0;
	while (q < e && is_space(cp_at(t, q, e)))
		q += dec(t, q, e, &nx);
	int colon = q < e && t[q] == ':';
	if (colon)
		q++;
	if (paren) {
		for (size_t i = q; i < e && i < q + 96; i++)
			if (t[i] == ')')
				return i + 1;
	}
	if (tokenize(c, q, e, 9)) {
		c->oom = 1;
		return 0;
	}
	size_t n = c->toks.n;
	if (!colon) {
		/* "Ảnh minh họa", or "Ảnh Ngọc Anh." after a full stop */
		if (n >= 2 && ieq(t, c->toks.v[0].start, c->toks.v[0].end, "minh"))
			return c->toks.v[1].end;
		size_t b = p;
		while (b > s && p - b < 8 && is_space(cp_before(t, s, b)))
			b = prev_start(t, s, b);
		if (b > s && !ends_sentence(t, token_start(t, s, b), b))
			return 0;
		/* "Ảnh Ngọc Anh.", "Ảnh tư liệu." (but not "Ảnh hưởng rất lớn.") */
		static const char *const LOWER_CREDIT[] = {"tư", "internet", "chụp",
							   "nguồn:", NULL};
		int lower = n && in_list(t, c->toks.v[0].start, c->toks.v[0].end, LOWER_CREDIT);
		for (size_t k = 0; k < n && k < 4; k++) {
			int syl;
			span_t tk = c->toks.v[k];
			size_t we = t[tk.end - 1] == '.' ? tk.end - 1 : tk.end;
			int ok = lower ? we > tk.start && is_lower(cp_at(t, tk.start, we))
				       : name_token(t, tk.start, we, &syl) != NC_NONE;
			if (!ok)
				return 0;
			if (we < tk.end &&
			    (lower || syllable_class(t, tk.start, tk.end) != NC_INITIAL))
				return tk.end;
		}
		return 0;
	}
	if (n == 0)
		return q;
	size_t starter = 0;
	for (size_t k = 1; k < n && k < 8; k++)
		if (exact_in(t, c->toks.v[k].start, c->toks.v[k].end, STARTERS)) {
			starter = k;
			break;
		}
	for (size_t k = 0; k < n && k < 8; k++) {
		span_t tk = c->toks.v[k];
		int32_t f = cp_at(t, tk.start, tk.end);
		if (k > 0 && k == starter)
			return c->toks.v[k - 1].end;
		if (f == 0x201C || f == '"' || f == '(' || f == 0x2018 || f == 0xAB)
			return k ? c->toks.v[k - 1].end : q;
		if (!is_upper(f) && !starter && f != '-' && f != 0x2013) {
			if (k >= 2)
				return c->toks.v[k - 2].end;
			return k ? c->toks.v[0].end : q;
		}
		if (t[tk.end - 1] == '.' && syllable_class(t, tk.start, tk.end) != NC_INITIAL)
			return tk.end;
		if (k + 1 < n) { /* two spaces end "Minh Quyết/TTXVN  Đề cập ..." */
			size_t gap = c->toks.v[k + 1].start - tk.end;
			if (gap >= 2 && !(gap == 2 && (unsigned char)t[tk.end] == 0xC2))
				return tk.end;
		}
		const char *sl = memchr(t + tk.start, '/', tk.end - tk.start);
		if (sl) {
			size_t a = (size_t)(sl - t) + 1;
			int32_t x = cp_at(t, a, tk.end), y = cp_at(t, a + 1, tk.end);
			if (is_upper(x) && is_upper(y))
				return tk.end;
		}
		if (k == 0 && n > 1 && !sl && syllable_class(t, tk.start, tk.end) == NC_NONE &&
		    is_upper(cp_at(t, tk.start + 1, tk.end)))
			return tk.end; /* "Ảnh: VOV Tổng Bí thư ..." */
	}
	return c->toks.v[(n < 8 ? n : 8) - 1].end;
}

/* Next photo credit in t[s,e): *ms its start (the "(" or "Ảnh"), returns its
 * end, 0 when none. "Tin, ảnh: X" is a byline, not a photo credit. */
static size_t next_credit(ctx_t *c, size_t s, size_t e, size_t *ms)
{
	const char *t = c->t;
	size_t i = s;
	while (i + 5 <= e) {
		const char *h = memchr(t + i, 0xE1, e - i - 4);
		if (!h)
			return 0;
		size_t p = (size_t)(h - t);
		if (memcmp(h, A_HOOK "nh", 5) != 0) {
			i = p + 1;
			continue;
		}
		i = p + 5;
		int32_t pv = cp_before(t, s, p);
		if (!(pv < 0 || is_space(pv) || pv == '(' || is_term(pv)))
			continue;
		int paren = pv == '(';
		size_t b = paren ? p - 1 : p;
		size_t w = b;
		while (w > s && b - w < 8 && is_space(cp_before(t, s, w)))
			w = prev_start(t, s, w);
		size_t ws = token_start(t, s, w);
		if (w > ws &&
		    (ieq(t, ws, w, "tin,") || ieq(t, ws, w, "bài,") || ieq(t, ws, w, "và")))
			continue;
		size_t end = credit_end(c, s, p, e, paren);
		if (c->oom)
			return 0;
		if (end) {
			*ms = b;
			return end;
		}
	}
	return 0;
}

static int push_block(ctx_t *c, size_t s, size_t e, int caption)
{
	trim(c->t, &s, &e);
	if (e <= s)
		return 0;
	block_t *b = vec_push(&c->blocks);
	if (!b)
		return -1;
	b->sp = span_make(s, e);
	b->caption = caption;
	return 0;
}

/* Short line without a final full stop after the lead: a photo caption
 * ("Quang cảnh buổi làm việc"), not a list item ("- Kế hoạch ..."). */
static int caption_shaped(const char *t, size_t s, size_t e)
{
	size_t cps = 0, words = 1;
	for (size_t i = s; i < e; i++) {
		cps += ((unsigned char)t[i] & 0xC0) != 0x80;
		words += t[i] == ' ';
	}
	if (cps > 250 || words < 2)
		return 0;
	int32_t f = cp_at(t, s, e);
	if (f == '-' || f == 0x2013 || f == 0x2022 || f == '*' || f == '+' || is_digit(f))
		return 0;
	int32_t l = cp_before(t, s, e);
	while (is_qclose(l) && e > s) {
		e = prev_start(t, s, e);
		l = cp_before(t, s, e);
	}
	return !(is_term(l) || l == ':' || l == ';' || l == ',');
}

/* Paragraph text t[s,e) of a body line: a byline at its end (last line) or
 * inside it (run-together body) is cut out; what remains is a caption when
 * cap_ok is 2 (after an [img] placeholder), or 1 and it is one short sentence
 * without a full stop. */
static int emit_paragraph(ctx_t *c, size_t s, size_t e, int last, int cap_ok)
{
	trim(c->t, &s, &e);
	if (e <= s)
		return 0;
	if (last) {
		c->sents.n = 0;
		if (split_sentences(c, s, e, &c->sents))
			return -1;
		e = trailing_byline(c, s, e, c->sents.n >= 2 || e - s > 300);
		if (c->oom)
			return -1;
		trim(c->t, &s, &e);
	}
	c->sents.n = 0;
	if (split_sentences(c, s, e, &c->sents))
		return -1;
	if (cap_ok == 2 || (cap_ok && c->sents.n == 1 && caption_shaped(c->t, s, e)))
		return push_block(c, s, e, 1);
	size_t from = s;
	for (size_t k = 1; k < c->sents.n; k++) {
		size_t ss = c->sents.v[k].start;
		size_t be = mid_byline(c, ss, c->sents.v[k].end);
		if (c->oom)
			return -1;
		if (be) {
			if (push_block(c, from, ss, 0))
				return -1;
			from = be;
		}
	}
	return push_block(c, from, e, 0);
}

/* One body line: photo credits cut it into paragraph text and captions (the
 * sentence before each credit, or the whole line after an [img] placeholder). */
static int body_line(ctx_t *c, size_t s, size_t e, int first, int after_img, int last)
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
		trim(c->t, &cs, &ce);
		size_t cap = cs;
		if (ce > cs && !(after_img && cur == s)) {
			c->sents.n = 0;
			if (split_sentences(c, cs, ce, &c->sents))
				return -1;
			if (c->sents.n)
				cap = c->sents.v[c->sents.n - 1].start;
		}
		if (emit_paragraph(c, cur, cap, 0, 0) || push_block(c, cap, ce, 1))
			return -1;
		cur = me;
		found = 1;
	}
	return emit_paragraph(c, cur, e, last, found || first ? 0 : after_img ? 2 : 1);
}

/* ---- lines, title, dateline --------------------------------------------- */

/* Non-empty lines, trimmed; a line ends at \n, \r\n or a lone \r. */
static int split_lines(ctx_t *c)
{
	const char *t = c->t;
	size_t i = 0, n = c->len;
	while (i < n) {
		size_t e = i;
		while (e < n && t[e] != '\n' && t[e] != '\r')
			e++;
		size_t s = i, te = e;
		trim(t, &s, &te);
		if (te > s) {
			span_t *sp = vec_push(&c->lines);
			if (!sp)
				return -1;
			*sp = span_make(s, te);
		}
		i = e + 1 + (e + 1 < n && t[e] == '\r' && t[e + 1] == '\n');
	}
	return 0;
}

/* "[img]", "[video]": placeholders of the Bình Định pages. */
static int placeholder(const char *t, size_t s, size_t e)
{
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
static int looks_like_body(ctx_t *c, size_t s, size_t e, int only_line)
{
	const char *t = c->t;
	if (e - s > 600)
		return 1;
	int32_t l = cp_before(t, s, e);
	if (l != '.' || cp_before(t, s, e - 1) == '.')
		return 0;
	if (only_line)
		return 1;
	c->sents.n = 0;
	if (split_sentences(c, s, e, &c->sents))
		return -1;
	return c->sents.n > 1;
}

static int find_dateline(ctx_t *c, size_t *which)
{
	size_t n = c->lines.n;
	size_t cand[5] = {0, 1, 2, n - 1, n - 2};
	for (int k = 0; k < 5; k++) {
		if (cand[k] >= n || (k >= 3 && cand[k] < 3))
			continue;
		span_t l = c->lines.v[cand[k]];
		if (l.end - l.start > 64)
			continue;
		dateline_t dl;
		memset(&dl, 0, sizeof dl);
		if (dates_parse_dateline_bytes(c->t + l.start, l.end - l.start, &dl) == 1) {
			c->a->has_dateline = 1;
			c->a->dateline_span = l;
			c->a->dateline = dl;
			*which = cand[k];
			return 1;
		}
	}
	return 0;
}

static int run(ctx_t *c)
{
	article_t *a = c->a;
	if (split_lines(c))
		return -1;
	size_t n = c->lines.n, dl = (size_t)-1;
	if (!n)
		return 0;
	find_dateline(c, &dl);
	/* title: the first line, unless it is the dateline or a paragraph */
	size_t first = 0;
	while (first < n &&
	       (first == dl || placeholder(c->t, c->lines.v[first].start, c->lines.v[first].end)))
		first++;
	size_t body = first;
	if (first < n) {
		span_t l = c->lines.v[first];
		size_t others = 0;
		for (size_t k = first + 1; k < n && others < 1; k++)
			others += k != dl;
		int lb = looks_like_body(c, l.start, l.end, others == 0);
		if (lb < 0)
			return -1;
		if (!lb) {
			a->title = l;
			a->has_title = 1;
			body = first + 1;
		}
	}
	/* byline lines at the end */
	size_t end = n;
	while (end > body && (end - 1 == dl || placeholder(c->t, c->lines.v[end - 1].start,
							   c->lines.v[end - 1].end)))
		end--;
	for (int k = 0; k < 3 && end > body; k++) {
		span_t l = c->lines.v[end - 1];
		int r = byline_line(c, l.start, l.end);
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
		if (k != dl && !placeholder(c->t, c->lines.v[k].start, c->lines.v[k].end))
			lastb = k;
	int first_body = 1, after_img = 0;
	for (size_t k = body; k < end; k++) {
		span_t l = c->lines.v[k];
		if (k == dl)
			continue;
		if (placeholder(c->t, l.start, l.end)) {
			after_img = 1;
			continue;
		}
		if (body_line(c, l.start, l.end, first_body, after_img, k == lastb))
			return -1;
		first_body = after_img = 0;
	}
	/* quotes (title first), then paragraphs, captions and their sentences */
	if (a->has_title && collect_quotes(c, a->title.start, a->title.end))
		return -1;
	for (size_t k = 0; k < c->blocks.n; k++) {
		block_t *b = &c->blocks.v[k];
		span_t *dst = b->caption ? vec_push(&a->captions) : vec_push(&a->paragraphs);
		if (!dst)
			return -1;
		*dst = b->sp;
		c->sents.n = 0;
		if (collect_quotes(c, b->sp.start, b->sp.end) ||
		    split_sentences(c, b->sp.start, b->sp.end, &c->sents))
			return -1;
		for (size_t i = 0; i < c->sents.n; i++) {
			span_t *sp = vec_push(&a->sentences);
			if (!sp)
				return -1;
			*sp = c->sents.v[i];
		}
	}
	return 0;
}

/* Segment text[0..len) into *out (zeroed by the caller). Everything in *out
 * is owned by it and released by segment_free(); on -1 (out of memory) *out
 * is already freed. Spans point into text, which the caller keeps. */
int segment_article(const char *text, size_t len, article_t *out)
{
	ctx_t c;
	memset(&c, 0, sizeof c);
	c.t = text;
	c.len = len > UINT32_MAX - 1 ? UINT32_MAX - 1 : len;
	c.a = out;
	int r = text ? run(&c) : 0;
	if (c.oom)
		r = -1;
	free(c.lines.v);
	free(c.blocks.v);
	free(c.pairs.v);
	free(c.pairs2.v);
	free(c.sents.v);
	free(c.toks.v);
	free(c.qtab);
	if (r)
		segment_free(out);
	return r ? -1 : 0;
}

/* Free everything segment_article() allocated in *a (author names and the
 * vectors) and zero it; the text itself is not touched. */
void segment_free(article_t *a)
{
	if (!a)
		return;
	for (size_t i = 0; i < a->authors.n; i++)
		free(a->authors.v[i].name);
	free(a->authors.v);
	free(a->captions.v);
	free(a->paragraphs.v);
	free(a->sentences.v);
	free(a->quotes.v);
	memset(a, 0, sizeof *a);
}
