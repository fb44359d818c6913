/* Word tokens, vocabulary tests and person names: what bylines and photo
 * credits are made of ("HOÀNG BIÊN", "H. Nguyên", "Vũ-Trung", "Ngọc Lan -
 * Minh Tâm"). Everything here looks at a bounded number of tokens. */
#include <string.h>

#include "model/segment/internal.h"

/* ---- blanks and word tokens --------------------------------------------- */

void segment_trim(const seg_ctx_t *c, size_t *s, size_t *e)
{
	const text_t *tx = c->tx;
	if (*e <= *s)
		return;
	/* every byte outside the atoms is a blank */
	size_t a = text_tok_at(tx, *s);
	if (!(a > 0 && tx->tok[a - 1].end > *s))
		*s = a < tx->n && tx->tok[a].start < *e ? tx->tok[a].start : *e;
	if (*e <= *s) {
		*e = *s;
		return;
	}
	/* the first token at or after *e: a few steps on from a (a line, a
	 * caption), else the search */
	size_t b = a, n = tx->n;
	while (b < n && tx->tok[b].start < *e && b - a < 8)
		b++;
	if (b < n && tx->tok[b].start < *e)
		b = text_tok_at(tx, *e);
	if (b > 0 && tx->tok[b - 1].end < *e)
		*e = tx->tok[b - 1].end > *s ? tx->tok[b - 1].end : *s;
}

int segment_tokenize(seg_ctx_t *c, size_t s, size_t e, size_t max)
{
	size_t i = text_tok_at(c->tx, s);
	if (i > 0 && c->tx->tok[i - 1].end > s)
		i--; /* s inside an atom: the first token starts at s */
	c->toks.n = 0;
	c->tk_next = i;
	c->tk_start = s;
	c->tk_end = e;
	return segment_tokenize_more(c, max);
}

int segment_tokenize_more(seg_ctx_t *c, size_t max)
{
	const tok_t *tk = c->tx->tok;
	size_t i = c->tk_next, n = c->tx->n, e = c->tk_end;
	while (c->toks.n < max && i < n && tk[i].start < e) {
		seg_wtok_t *w = avec_push(c->ar, &c->toks);
		if (!w)
			return -1;
		w->start = tk[i].start > c->tk_start ? tk[i].start : (uint32_t)c->tk_start;
		w->t0 = (uint32_t)i;
		for (i++; i < n && !(tk[i].flags & TF_SPACE) && tk[i].start < e; i++)
			;
		w->t1 = (uint32_t)i;
		w->end = tk[i - 1].end < e ? tk[i - 1].end : (uint32_t)e;
	}
	c->tk_next = i;
	return 0;
}

/* ---- vocabulary --------------------------------------------------------- */

const lex_entry_t *segment_entry(const seg_ctx_t *c, int lx, size_t i, size_t j)
{
	size_t n;
	if (j <= i || i >= c->tx->n)
		return NULL;
	const lex_entry_t *e = lex_at(c->tx, lx, i, j, &n);
	return e && n == j - i ? e : NULL;
}

int segment_form_fits(const seg_ctx_t *c, size_t i, size_t j, const char *form, int strict)
{
	const tok_t *tk = c->tx->tok;
	size_t p = 0, fl = strlen(form);
	for (size_t k = i; k < j; k++) {
		int sp = 0;
		while (p < fl && form[p] == ' ')
			p++, sp++;
		if (k > i) {
			int tsp = (tk[k].flags & TF_SPACE) != 0;
			if (tsp != (sp > 0))
				return 0;
			if (strict && tsp &&
			    (sp != 1 || tk[k].start != tk[k - 1].end + 1 ||
			     c->t[tk[k - 1].end] != ' '))
				return 0;
		}
		if (p >= fl)
			return 0;
		size_t q = p;
		uint32_t cp = chars_decode(form, fl, &q);
		if (tk[k].kind == TK_PUNCT) {
			if (cp != tk[k].val)
				return 0;
			p = q;
			continue;
		}
		unsigned want = tk[k].kind == TK_NUM ? CC_DIGIT : CC_LETTER;
		while (p < fl) { /* the word or number: its key matched already */
			q = p;
			cp = chars_decode(form, fl, &q);
			if (!(seg_cls((int32_t)cp) & want))
				break;
			p = q;
		}
	}
	return p == fl;
}

static int same_bytes(const char *a, size_t n, const char *b, size_t m)
{
	return n == m && memcmp(a, b, n) == 0;
}

int segment_spelled(const seg_ctx_t *c, size_t i, const lex_entry_t *e, const char *alts)
{
	const tok_t *t = &c->tx->tok[i];
	const char *w = c->t + t->start;
	size_t n = t->end - t->start;
	if (same_bytes(w, n, e->form, strlen(e->form)))
		return 1;
	for (const char *p = alts; *p;) {
		size_t m = strcspn(p, " ");
		if (same_bytes(w, n, p, m))
			return 1;
		p += m;
		p += *p == ' ';
	}
	return 0;
}

const lex_entry_t *segment_wtok_is(const seg_ctx_t *c, const seg_wtok_t *w, int lx)
{
	const lex_entry_t *e = segment_entry(c, lx, w->t0, w->t1);
	return e && w->end == c->tx->tok[w->t1 - 1].end &&
		       segment_form_fits(c, w->t0, w->t1, e->form, 0)
		   ? e
		   : NULL;
}

int segment_starter(const seg_ctx_t *c, size_t s, size_t e)
{
	size_t i = text_tok_at(c->tx, s), n;
	if (i >= c->tx->n || c->tx->tok[i].start != s || c->tx->tok[i].end != e)
		return 0;
	/* a starter of several words ("Quang cảnh") starts one only before the
	 * rest of them: "Quang" alone is a given name ("Quang Vũ") */
	size_t j = i + 4 < c->tx->n ? i + 4 : c->tx->n;
	const lex_entry_t *x = lex_at(c->tx, LEX_SEGMENT_STARTER, i, j, &n);
	if (!x)
		return 0;
	if (n == 1)
		return segment_spelled(c, i, x, segment_detail(x));
	/* its first word as spelled, the others as the lexicons match them */
	const tok_t *t = &c->tx->tok[i];
	return same_bytes(c->t + t->start, t->end - t->start, x->form, strcspn(x->form, " "));
}

/* ---- names -------------------------------------------------------------- */

static int vowelish(int32_t cp)
{
	return (cp < 0x80 && cp && strchr("AEIOUY", cp) != NULL) || (cp >= 0xC0 && cp != 0x110);
}

/* Case class of one name syllable [s, e): "Biên" NC_TITLE, "BIÊN" NC_CAPS, "H."
 * NC_INITIAL; NC_NONE for anything else. Capital words need a vowel so that
 * acronyms ("PV", "TTXVN") are not names. */
int segment_syllable_class(const seg_ctx_t *c, size_t s, size_t e)
{
	const char *t = c->t;
	if (s >= e)
		return SEG_NC_NONE;
	size_t i = s;
	int32_t cp = (int32_t)chars_decode(t, e, &i);
	if (!seg_upper(cp))
		return SEG_NC_NONE;
	if (i < e && t[i] == '.' && i + 1 == e)
		return SEG_NC_INITIAL;
	int up = 0, lo = 0, vowel = vowelish(cp);
	while (i < e) {
		cp = (int32_t)chars_decode(t, e, &i);
		unsigned k = seg_cls(cp);
		if (k & CC_UPPER) {
			up++;
			vowel |= vowelish(cp);
		} else if (k & (CC_LOWER | CC_MARK)) {
			lo++;
		} else {
			return SEG_NC_NONE;
		}
	}
	if (up && lo)
		return SEG_NC_NONE;
	if (up)
		return vowel ? SEG_NC_CAPS : SEG_NC_NONE;
	return SEG_NC_TITLE;
}

/* Class of a name token (syllables joined by '-' as in "Vũ-Trung", or an
 * initial glued to a name as in "T.Đảng") and its syllable count in *syl. */
int segment_name_token(const seg_ctx_t *c, size_t s, size_t e, int *syl)
{
	const char *t = c->t;
	int cls = SEG_NC_INITIAL;
	*syl = 0;
	size_t i = s;
	while (i < e) {
		size_t j = i;
		while (j < e && t[j] != '-' && !(t[j] == '.' && j + 1 < e && j > i))
			j++;
		size_t pe = j < e && t[j] == '.' ? j + 1 : j;
		int k = segment_syllable_class(c, i, pe);
		if (k == SEG_NC_NONE)
			return SEG_NC_NONE;
		if (k != SEG_NC_INITIAL) {
			if (cls != SEG_NC_INITIAL && cls != k)
				return SEG_NC_NONE;
			cls = k;
		}
		(*syl)++;
		i = j < e && t[j] == '-' ? j + 1 : pe;
		if (i == e && t[e - 1] == '-')
			return SEG_NC_NONE;
	}
	return *syl ? cls : SEG_NC_NONE;
}

/* "-", "–", "—", "&", "," or "và" alone. */
int segment_is_sep(const seg_ctx_t *c, const seg_wtok_t *w)
{
	if (w->t1 - w->t0 != 1 || w->end != c->tx->tok[w->t0].end)
		return 0;
	const tok_t *t = &c->tx->tok[w->t0];
	if (t->kind == TK_WORD)
		return t->kw == KW_vaf;
	return t->kind == TK_PUNCT && (t->val == '-' || t->val == 0x2013 || t->val == 0x2014 ||
				       t->val == '&' || t->val == ',');
}

static int is_and(const seg_ctx_t *c, const seg_wtok_t *w)
{
	const tok_t *t = &c->tx->tok[w->t0];
	return t->kind == TK_WORD ? t->kw == KW_vaf : t->val == '&';
}

/* [s, e) is a news agency ("Dân trí", "VOV.VN") or starts with the head of
 * an organisation credit ("Báo Nghệ An"). */
int segment_is_agency(const seg_ctx_t *c, size_t s, size_t e)
{
	const text_t *tx = c->tx;
	if (e <= s)
		return 0;
	size_t i = text_tok_at(tx, s), j = text_tok_at(tx, e);
	if (i >= j || tx->tok[i].start != s)
		return 0;
	if (tx->tok[j - 1].end == e) {
		const lex_entry_t *x = segment_entry(c, LEX_SEGMENT_AGENCY, i, j);
		if (x && segment_form_fits(c, i, j, x->form, 1))
			return 1;
	}
	/* the first word, up to the first ASCII space, is a head */
	size_t we = tx->tok[i].end;
	return we <= e && (we == e || c->t[we] == ' ') &&
	       segment_entry(c, LEX_SEGMENT_ORG_HEAD, i, i + 1) != NULL;
}

#define MAX_AUTHORS 16

/* Add an author for the name [s, e) (tokens separated by blanks); a name
 * written in capitals is Title-Cased ("H. NGUYÊN" -> "H. Nguyên"). */
static int add_author(seg_ctx_t *c, size_t s, size_t e, int caps)
{
	const char *t = c->t;
	if (c->a->authors.n >= MAX_AUTHORS)
		return 0;
	char *name = arena_alloc(c->ar, (e - s) * 2 + 1);
	if (!name)
		return -1;
	size_t n = 0, i = s;
	int word_start = 1, space = 0;
	while (i < e) {
		uint32_t cp = chars_decode(t, e, &i);
		if (seg_space((int32_t)cp)) {
			space = 1;
			word_start = 1;
			continue;
		}
		if (space && n)
			name[n++] = ' ';
		space = 0;
		if (caps && !word_start)
			cp = chars_lower(cp);
		word_start = cp == '-' || cp == '.';
		n += (size_t)chars_encode(cp, name + n);
	}
	name[n] = '\0';
	for (size_t k = 0; k < c->a->authors.n; k++)
		if (strcmp(c->a->authors.v[k].name, name) == 0)
			return 0;
	author_t *au = avec_push(c->ar, &c->a->authors);
	if (!au)
		return -1;
	au->span = span_make(s, e);
	au->name = name;
	return 0;
}

/* Parse c->toks[a,b) as "Name", "Name - Name", "Name, Name và Name" with 2..5
 * syllables a name, each name all in capitals or all in Title Case. With
 * partial set, parsing stops at the first token that does not fit; *used
 * tells how many tokens the names took. Returns the number of names. */
int segment_parse_names(seg_ctx_t *c, size_t a, size_t b, int partial, seg_names_t *nl,
			size_t *used)
{
	const char *t = c->t;
	memset(nl, 0, sizeof *nl);
	size_t k = a, last_ok = a;
	while (k < b && nl->n < 4) {
		size_t ns = k;
		int cls = SEG_NC_INITIAL, syl = 0, comma = 0;
		while (k < b && k - ns < 5) {
			seg_wtok_t tk = c->toks.v[k];
			size_t te = tk.end;
			int cm = te > tk.start + 1 && t[te - 1] == ',';
			te -= (size_t)cm;
			int sy, kc = segment_name_token(c, tk.start, te, &sy);
			if (kc == SEG_NC_NONE ||
			    (kc != SEG_NC_INITIAL && cls != SEG_NC_INITIAL && kc != cls))
				break;
			if (k == ns && segment_starter(c, tk.start, te))
				break;
			if (kc != SEG_NC_INITIAL)
				cls = kc;
			syl += sy;
			k++;
			if ((comma = cm))
				break;
		}
		if (k == ns || syl < 2 || syl > 5 || cls == SEG_NC_INITIAL)
			break;
		size_t es = c->toks.v[k - 1].end - (size_t)comma;
		if (segment_is_agency(c, c->toks.v[ns].start, es))
			break;
		nl->t0[nl->n] = ns;
		nl->t1[nl->n] = k;
		nl->e[nl->n] = es;
		nl->cls[nl->n] = cls;
		nl->n++;
		last_ok = k;
		if (comma)
			continue;
		if (k < b && segment_is_sep(c, &c->toks.v[k])) {
			if (!is_and(c, &c->toks.v[k]))
				nl->dash = 1;
			k++;
			continue;
		}
		break;
	}
	nl->caps = nl->n > 0;
	for (int i = 0; i < nl->n; i++)
		nl->caps &= nl->cls[i] == SEG_NC_CAPS;
	*used = last_ok - a;
	if (!nl->n)
		return 0;
	return partial || last_ok == b ? nl->n : 0;
}

int segment_add_names(seg_ctx_t *c, const seg_names_t *nl)
{
	for (int i = 0; i < nl->n; i++)
		if (add_author(c, c->toks.v[nl->t0[i]].start, nl->e[i], nl->cls[i] == SEG_NC_CAPS))
			return -1;
	return 0;
}
