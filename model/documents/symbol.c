/* Document symbols: the tables read from doc_types.tsv, phrase matching on
 * whole units, and the number-type-issuer shapes of Party and State
 * symbols ("21-KL/TW", "30/2020/NĐ-CP", "12/2017/QH14", "3311/BNN-TCTS"). */
#include <string.h>

#include "model/documents/internal.h"
#include "model/tag/tag.h"

doc_tables_t documents_tables;

/* ------------------------------------------------------------------ */
/* Tables                                                              */

static int family_of(const char *s)
{
	/* the family column is ASCII data: party | state | both */
	return !strcmp(s, "party")   ? DOC_FAM_PARTY
	       : !strcmp(s, "state") ? DOC_FAM_STATE
				     : DOC_FAM_BOTH;
}

/* Index of the canonical type name, added on first sight. */
static int type_index(doc_tables_t *T, const char *name, bool is_short)
{
	for (int i = 0; i < T->ntype; i++)
		if (!strcmp(T->type_name[i], name)) {
			T->type_short[i] |= is_short;
			return i;
		}
	if (T->ntype >= DOC_MAXTYPE)
		return -1;
	T->type_name[T->ntype] = name;
	T->type_short[T->ntype] = is_short;
	return T->ntype++;
}

/* The token key of a code ("QĐi" -> "qđi"), folded by the text layer. */
static int code_key(doc_code_t *r)
{
	text_t tx;
	arena_t ar = {0};
	int ok = text_scan(&tx, r->code, r->len, &ar, NULL) == 0;
	if (ok && tx.n == 1 && tx.tok[0].klen < sizeof r->key) {
		memcpy(r->key, tok_key(&tx, 0), tx.tok[0].klen);
		r->klen = tx.tok[0].klen;
		r->hash = tx.tok[0].hash;
	}
	text_free(&tx);
	arena_free(&ar);
	return ok ? 0 : -1;
}

static void max_tok(doc_tables_t *T, int lx)
{
	for (size_t i = 0; i < lex_count(lx); i++)
		if (lex_entry(lx, i)->ntok > T->maxtok)
			T->maxtok = lex_entry(lx, i)->ntok;
}

/* Internal: fills the static tables once, in file order: a type is known by
 * its canonical name (column 2); a code maps back to the first row that has
 * it for the family. */
void documents_tables_init(void)
{
	doc_tables_t *T = &documents_tables;
	memset(T, 0, sizeof *T);
	size_t nt = lex_count(LEX_DOC_TYPE), nv = lex_count(LEX_DOC_VERB);
	if (nt > DOC_MAXENTRY || nv > DOC_MAXENTRY)
		return;
	for (size_t i = 0; i < nt; i++) {
		const lex_entry_t *e = lex_entry(LEX_DOC_TYPE, i);
		T->entry_type[i] = -1;
		if (e->ncols < 4)
			continue;
		int ti = type_index(T, e->cols[1], e->ncols >= 5 && e->cols[4][0] == '1');
		if (ti < 0)
			return;
		T->entry_type[i] = (int16_t)ti;
		size_t cl = strlen(e->cols[2]);
		if (!strcmp(e->cols[2], "-") || cl >= 16) /* no code is that long */
			continue;
		if (T->ncode >= DOC_MAXCODE)
			return;
		doc_code_t *r = &T->code[T->ncode++];
		r->code = e->cols[2];
		r->len = (uint8_t)cl;
		r->family = (uint8_t)family_of(e->cols[3]);
		r->type = (int16_t)ti;
		if (code_key(r))
			return;
	}
	for (size_t i = 0; i < nv; i++) {
		const lex_entry_t *e = lex_entry(LEX_DOC_VERB, i);
		const char *m = e->ncols >= 3 ? e->cols[2] : "";
		T->verb_mode[i] = !strcmp(m, "far")   ? DOC_VERB_FAR
				  : !strcmp(m, "tai") ? DOC_VERB_TAI
						      : DOC_VERB_DIRECT;
	}
	max_tok(T, LEX_DOC_TYPE);
	max_tok(T, LEX_DOC_VERB);
	max_tok(T, LEX_DOC_PRE_VERB);
	T->ok = 1;
}

/* Internal: the type index of a LEX_DOC_TYPE entry (tables owned here). */
int documents_entry_type(const lex_entry_t *e)
{
	const lex_entry_t *e0 = lex_entry(LEX_DOC_TYPE, 0);
	if (!e0 || e < e0)
		return -1;
	size_t idx = (size_t)(e - e0);
	return idx < lex_count(LEX_DOC_TYPE) ? documents_tables.entry_type[idx] : -1;
}

/* ------------------------------------------------------------------ */
/* Phrases on whole units                                              */

/* Atom i is the second atom of a letter/digit run ("30a": the "a"). */
static bool glued_left(const doc_ctx_t *c, size_t i)
{
	return doc_joins(c, i);
}

/* Internal: longest entry at i; the entry is static lexicon storage. */
const lex_entry_t *documents_phrase_at(const doc_ctx_t *c, int lx, size_t i, size_t *len)
{
	const text_t *tx = c->tx;
	if (i >= c->n || !lex_starts(tx, lx, i) || glued_left(c, i))
		return NULL;
	size_t best_len = 0;
	int32_t best = -1;
	/* entries come shortest first: the last good one is the longest; one
	 * ending inside a run ("Kết luận30") is no phrase */
	for (lex_iter_t it = lex_iter(tx, lx, i); lex_next(&it);)
		if (!doc_joins(c, i + it.len)) {
			best = it.entry;
			best_len = it.len;
		}
	if (best < 0)
		return NULL;
	if (len)
		*len = best_len;
	return lex_entry(lx, (size_t)best);
}

/* Internal: longest entry ending with unit e; static lexicon storage. */
const lex_entry_t *documents_phrase_end(const doc_ctx_t *c, int lx, size_t e, size_t *start,
					size_t *len)
{
	const text_t *tx = c->tx;
	if (e >= c->n || c->t[e].kind != TK_WORD || !doc_u_single(c, e))
		return NULL;
	for (size_t n = documents_tables.maxtok; n >= 1; n--) {
		if (n > e + 1)
			continue;
		size_t s = e + 1 - n, m;
		if (!lex_starts(tx, lx, s) || glued_left(c, s))
			continue;
		const lex_entry_t *x = lex_at(tx, lx, s, e + 1, &m);
		if (x && m == n) {
			*start = s;
			if (len)
				*len = n;
			return x;
		}
	}
	return NULL;
}

/* ------------------------------------------------------------------ */
/* Numbers and codes                                                   */

/* Internal: a document number unit ("21", "30a"); reads the tokens only. */
bool documents_is_docnum(const doc_ctx_t *c, size_t i)
{
	if (i >= c->n || c->t[i].kind != TK_NUM || c->t[i].ndig > 5)
		return false;
	if (doc_u_single(c, i))
		return true;
	/* "30a": one lower-case ASCII letter glued, then the run ends */
	const tok_t *w = &c->t[i + 1];
	return w->kind == TK_WORD && w->end - w->start == 1 && w->nlow == 1 &&
	       doc_u_single(c, i + 1);
}

/* A symbol code unit: "KL", "QĐi", "CTr", "TTg", "UBTVQH13". Mostly
 * capitals, the first letter one of them; digits only when allowed. */
static bool code_tok(const doc_ctx_t *c, size_t i, bool digits)
{
	if (!doc_u_word(c, i) || !doc_u_up(c, i))
		return false;
	size_t e = doc_u_end(c, i);
	unsigned up = 0, low = 0;
	for (size_t j = i; j < e; j++) {
		if (c->t[j].kind == TK_NUM) {
			if (!digits)
				return false;
			continue;
		}
		up += c->t[j].nup;
		low += c->t[j].nlow;
	}
	return up >= 1 && up >= low && c->t[e - 1].end - c->t[i].start <= 24;
}

static const char *tok_text(const doc_ctx_t *c, size_t k, size_t *n)
{
	*n = c->t[k].end - c->t[k].start;
	return c->s + c->t[k].start;
}

/* Codes are symbol data, not words: the exact spelling first ("QĐi" is a
 * Quy định, "QĐ" a Quyết định), then the folded key. */
int documents_type_of_code(const doc_ctx_t *c, size_t k, int family)
{
	const doc_tables_t *T = &documents_tables;
	const tok_t *t = &c->t[k];
	size_t n;
	const char *s = tok_text(c, k, &n);
	for (int i = 0; i < T->ncode; i++) {
		const doc_code_t *r = &T->code[i];
		if ((r->family & family) && r->len == n && !memcmp(r->code, s, n))
			return r->type;
	}
	for (int i = 0; i < T->ncode; i++) {
		const doc_code_t *r = &T->code[i];
		if ((r->family & family) && r->hash == t->hash && r->klen == t->klen && r->klen &&
		    !memcmp(r->key, tok_key(c->tx, k), r->klen))
			return r->type;
	}
	return -1;
}

/* Internal: reads the tokens and the code table only. */
bool documents_code_extends_type(const doc_ctx_t *c, size_t k, int ti)
{
	const doc_tables_t *T = &documents_tables;
	size_t n;
	const char *s = tok_text(c, k, &n);
	for (int i = 0; i < T->ncode; i++)
		if (T->code[i].type == ti && T->code[i].len < n &&
		    !memcmp(s, T->code[i].code, T->code[i].len))
			return true;
	return false;
}

/* Internal: the string belongs to the arena of the text. */
char *documents_join(const doc_ctx_t *c, size_t a, size_t b)
{
	size_t cap = c->t[b - 1].end - c->t[a].start;
	char *s = arena_alloc(c->arena, cap + 1);
	if (!s)
		return NULL;
	size_t k = 0;
	for (size_t i = a; i < b; i++) {
		const tok_t *t = &c->t[i];
		if (t->kind == TK_PUNCT && doc_is_dash(t->val)) {
			s[k++] = '-';
			continue;
		}
		memcpy(s + k, c->s + t->start, t->end - t->start);
		k += t->end - t->start;
	}
	s[k] = '\0';
	return s;
}

/* Issuer codes glued by '-' or '&': "UBND", "CCHC&PC", "BTP-BNV". */
static size_t parse_codes(const doc_ctx_t *c, size_t k)
{
	if (!code_tok(c, k, true))
		return 0;
	size_t e = doc_u_end(c, k);
	while (e + 1 < c->n && c->t[e].kind == TK_PUNCT && doc_glued(c, e) &&
	       (c->t[e].val == '&' || doc_is_dash(c->t[e].val)) && doc_glued(c, e + 1) &&
	       code_tok(c, e + 1, true))
		e = doc_u_end(c, e + 1);
	return e;
}

/* "QH14", "UBTVQH13": the National Assembly and its term. */
static bool is_qh_code(const doc_ctx_t *c, size_t i)
{
	if (!code_tok(c, i, true))
		return false;
	size_t e = doc_u_end(c, i);
	if (e - i < 2 || c->t[e - 1].kind != TK_NUM || c->t[e - 1].ndig > 2)
		return false;
	const tok_t *w = &c->t[e - 2];
	const char *s = c->s + w->start;
	size_t n = w->end - w->start;
	return n >= 2 && s[n - 2] == 'Q' && s[n - 1] == 'H';
}

/* A dash that may carry spaces around it ("439 – QĐNS/TW", "42 -CT/TW"). */
static bool loose_dash(const doc_ctx_t *c, size_t i)
{
	return doc_is_dash_tok(c, i) && !doc_nl(c, i) && i + 1 < c->n && !doc_nl(c, i + 1);
}

/* A drafting unit after a spaced dash ("304/UBND – NL"): one upper-case
 * code of at most six letters that ends the symbol, so that "5/UBND -
 * Chủ tịch" stays no symbol. */
static bool short_unit(const doc_ctx_t *c, size_t k)
{
	return k < c->n && code_tok(c, k, true) && doc_u_len(c, k) <= 6 &&
	       parse_codes(c, k) == doc_u_end(c, k);
}

static bool is_state_type_code(const doc_ctx_t *c, size_t k)
{
	return documents_type_of_code(c, k, DOC_FAM_BOTH) >= 0;
}

/* Internal: fills the caller's *sy (zeroed by the caller); no allocation. */
size_t documents_parse_symbol(const doc_ctx_t *c, size_t i, doc_sym_t *sy)
{
	size_t n = c->n, e, a = doc_u_end(c, i); /* a: the atom after the number */
	sy->tc = SIZE_MAX;
	/* Party: số-LOẠI/CƠQUAN, no year: "21-KL/TW", "04-CTr/BCĐCCTPTW" */
	if (loose_dash(c, a) && code_tok(c, a + 1, false) && doc_u_len(c, a + 1) <= 12 &&
	    doc_is_p(c, a + 2, '/') && doc_glued(c, a + 2) && doc_glued(c, a + 3) &&
	    (e = parse_codes(c, a + 3)) != 0) {
		sy->tc = a + 1;
		sy->ic_s = a + 3;
		sy->ic_e = e;
		sy->family = DOC_FAM_PARTY;
		sy->rule = "doc.party_symbol";
		sy->end = e;
		return e;
	}
	/* "19-2017/NQ-CP": number and year joined by a dash */
	if (doc_is_dash_tok(c, a) && doc_glued(c, a) && doc_glued(c, a + 1) &&
	    doc_is_year(c, a + 1) && doc_is_p(c, a + 2, '/') && doc_glued(c, a + 2) &&
	    doc_glued(c, a + 3) && code_tok(c, a + 3, false) && loose_dash(c, a + 4) &&
	    (e = parse_codes(c, a + 5)) != 0) {
		sy->tc = a + 3;
		sy->ic_s = a + 5;
		sy->ic_e = e;
		sy->family = DOC_FAM_STATE;
		sy->rule = "doc.state_symbol";
		sy->end = e;
		return e;
	}
	if (!doc_is_p(c, a, '/') || !doc_glued(c, a) || !doc_glued(c, a + 1))
		return 0;
	size_t k = a + 1;
	bool year = false;
	if (doc_is_year(c, k) && doc_is_p(c, k + 1, '/') && doc_glued(c, k + 1) &&
	    doc_glued(c, k + 2)) {
		year = true;
		k += 2;
	}
	if (k >= n)
		return 0;
	/* LOẠI-CƠQUAN; the dash is sometimes followed by a space ("NQ- CP") */
	if (code_tok(c, k, false) && doc_u_len(c, k) <= 8 && loose_dash(c, k + 1) &&
	    (doc_glued(c, k + 1) || is_state_type_code(c, k) || short_unit(c, k + 2)) &&
	    (e = parse_codes(c, k + 2)) != 0) {
		sy->family = DOC_FAM_STATE;
		sy->end = e;
		if (is_state_type_code(c, k) || year) {
			sy->tc = k;
			sy->ic_s = k + 2;
			sy->ic_e = e;
			sy->rule = "doc.state_symbol";
		} else {
			/* công văn: issuer and drafting unit, no type ("3311/BNN-TCTS",
			 * typed with spaces too: "304/UBND – NL") */
			if ((!doc_glued(c, k + 1) || !doc_glued(c, k + 2)) && !short_unit(c, k + 2))
				return 0;
			sy->ic_s = k;
			sy->ic_e = k + 1;
			sy->rest_s = k + 2;
			sy->rule = "doc.state_letter";
		}
		return e;
	}
	/* laws and resolutions of the National Assembly: "12/2017/QH14" */
	if (is_qh_code(c, k)) {
		size_t q = doc_u_end(c, k);
		if (doc_is_dash_tok(c, q) && doc_glued(c, q))
			return 0;
		sy->family = DOC_FAM_STATE;
		sy->ic_s = k;
		sy->ic_e = q;
		sy->end = q;
		sy->rule = "doc.state_symbol";
		return q;
	}
	return 0;
}
