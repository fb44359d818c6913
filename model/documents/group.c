/* The entry point: symbols first, then short re-mentions, then the groups
 * (which citations name the same document) and the tails lists share. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "model/documents/internal.h"

/* ------------------------------------------------------------------ */
/* Grouping                                                            */

/* Digits of the number without leading zeros ("05" = "5"), then the keys
 * of the atoms from `from` to `to`, each after a 0x1f: the folded spelling
 * of a symbol, whatever its case and dashes. In the arena; NULL when out of
 * memory. */
static char *symbol_key(const doc_ctx_t *c, const doc_cand_t *cd, size_t from, size_t to, int ti)
{
	size_t cap = 4 + c->t[cd->ns].klen;
	for (size_t k = from; k < to; k++)
		cap += 1u + c->t[k].klen;
	char *s = arena_alloc(c->arena, cap);
	if (!s)
		return NULL;
	size_t n = 0;
	if (ti >= 0) /* a type and number key: the type first */
		s[n++] = (char)(ti + 1);
	const char *dig = tok_key(c->tx, cd->ns);
	size_t nd = c->t[cd->ns].klen;
	while (nd > 1 && dig[0] == '0') {
		dig++;
		nd--;
	}
	memcpy(s + n, dig, nd);
	n += nd;
	for (size_t k = from; k < to; k++) {
		s[n++] = '\x1f';
		memcpy(s + n, tok_key(c->tx, k), c->t[k].klen);
		n += c->t[k].klen;
	}
	s[n] = '\0';
	return s;
}

/* A small string -> int map (open addressing) in the arena, so linking
 * stays linear. */
typedef struct smap {
	const char **key;
	int *val;
	size_t cap;
} smap_t;

static int smap_init(const doc_ctx_t *c, smap_t *m, size_t n)
{
	m->cap = 16;
	while (m->cap < n * 2 + 1)
		m->cap *= 2;
	m->key = arena_alloc(c->arena, m->cap * sizeof *m->key);
	m->val = arena_alloc(c->arena, m->cap * sizeof *m->val);
	return m->key && m->val ? 0 : -1;
}

static size_t smap_slot(const smap_t *m, const char *k)
{
	size_t i = text_hash(k, strlen(k)) & (m->cap - 1);
	while (m->key[i] && strcmp(m->key[i], k) != 0)
		i = (i + 1) & (m->cap - 1);
	return i;
}

static int smap_get(const smap_t *m, const char *k)
{
	size_t i = smap_slot(m, k);
	return m->key[i] ? m->val[i] : -1;
}

/* The value stored for k, or insert v and return -1. */
static int smap_get_or_put(smap_t *m, const char *k, int v)
{
	size_t i = smap_slot(m, k);
	if (m->key[i])
		return m->val[i];
	m->key[i] = k;
	m->val[i] = v;
	return -1;
}

/* Groups: a repeated full symbol joins its first citation ("4-KH/TW" after
 * "04-KH/TW" too); a short form ("Kết luận 21") joins the first full
 * citation of that type and number anywhere in the text, else the first
 * short form of it. same_as is then the group's first citation. */
/* Internal: sets same_as in place; its maps live in the arena. */
int documents_link_same(const doc_ctx_t *c, doc_cand_t *v, size_t n, size_t base)
{
	const char **sk = arena_alloc(c->arena, (n + 1) * sizeof *sk);
	const char **tk = arena_alloc(c->arena, (n + 1) * sizeof *tk);
	size_t *first = arena_alloc(c->arena, (n + 1) * sizeof *first);
	smap_t ms, mt, mshort;
	if (!sk || !tk || !first || smap_init(c, &ms, n) || smap_init(c, &mt, n) ||
	    smap_init(c, &mshort, n))
		return -1;
	for (size_t i = 0; i < n; i++) {
		doc_cand_t *cd = &v[i];
		first[i] = SIZE_MAX;
		cd->d.same_as = (int)(base + i);
		if (!cd->d.is_short && !(sk[i] = symbol_key(c, cd, cd->ns + 1, cd->se, -1)))
			return -1;
		if (cd->ti >= 0 && !(tk[i] = symbol_key(c, cd, cd->ns + 1, cd->ne, cd->ti)))
			return -1;
	}
	for (size_t i = 0; i < n; i++) {
		if (v[i].d.is_short)
			continue;
		int f = smap_get_or_put(&ms, sk[i], (int)(base + i));
		if (f >= 0)
			v[i].d.same_as = f;
		if (tk[i])
			smap_get_or_put(&mt, tk[i], v[i].d.same_as);
	}
	for (size_t i = 0; i < n; i++) {
		if (!v[i].d.is_short || !tk[i])
			continue;
		int f = smap_get(&mt, tk[i]);
		if (f < 0)
			f = smap_get_or_put(&mshort, tk[i], (int)(base + i));
		if (f >= 0)
			v[i].d.same_as = f;
	}
	/* the group is now known; same_as names its first citation in text
	 * order, so "Kết luận 72 ... Kết luận số 72-KL/TW" points the full
	 * citation back at the short one (consumers group by a root that never
	 * comes after its members) */
	for (size_t i = 0; i < n; i++) {
		size_t r = (size_t)v[i].d.same_as - base;
		if (first[r] > i)
			first[r] = i;
	}
	for (size_t i = 0; i < n; i++)
		v[i].d.same_as = (int)(base + first[(size_t)v[i].d.same_as - base]);
	return 0;
}

/* Lists share what follows the last item: "Nghị quyết 19, Nghị quyết 35 của
 * Thủ tướng Chính phủ", "Nghị quyết số 916/... ngày ... và Nghị quyết số
 * 1096/... của Ủy ban Thường vụ Quốc hội". */
static void share_list_tails(const doc_ctx_t *c, doc_cand_t *v, size_t n)
{
	for (size_t k = n; k-- > 1;) {
		doc_cand_t *a = &v[k - 1], *b = &v[k];
		if (a->d.issuer_span.end || !b->postposed_issuer || a->te > b->ts)
			continue;
		size_t g = a->te;
		if (doc_is_p(c, g, ','))
			g++;
		if (doc_word(c, g, KW_vaf))
			g++;
		if (g == a->te || g != b->ts)
			continue;
		a->d.issuer_span = b->d.issuer_span;
		a->postposed_issuer = true;
		if (!a->d.subject_span.end)
			a->d.subject_span = b->d.subject_span;
	}
}

static int cand_cmp(const void *a, const void *b)
{
	const doc_cand_t *x = a, *y = b;
	if (x->d.span.start != y->d.span.start)
		return x->d.span.start < y->d.span.start ? -1 : 1;
	return x->ts < y->ts ? -1 : x->ts > y->ts;
}

/* ------------------------------------------------------------------ */

static pthread_once_t tables_once = PTHREAD_ONCE_INIT;

/* Full symbols: a document number that is not the tail of something else
 * ("6000/31.328", "A12") and a symbol shape after it. */
static int find_symbols(const doc_ctx_t *c, doc_cand_vec_t *out)
{
	const tok_t *t = c->t;
	const size_t n = c->n;
	for (size_t i = 0; i < n; i++) {
		/* two tests, in a loop of its own (n a local, not reloaded
		 * after the stores below): the work check is for the rest */
		while ((i = tag_cls_next(c->cls, i, TAG_CLS_NUM)) < n &&
		       (t[i].kind != TK_NUM || t[i].ndig > 5))
			i++;
		if (i >= n)
			break;
		if (budget_check(c->tx->budget))
			return -1;
		if (i > 0 && !(t[i].flags & TF_SPACE)) {
			uint32_t p = t[i - 1].val;
			if (t[i - 1].kind != TK_PUNCT || p == '/' || p == '.' || p == ',' ||
			    p == '&' || doc_is_dash(p))
				continue;
		}
		if (!documents_is_docnum(c, i))
			continue;
		doc_sym_t sy;
		memset(&sy, 0, sizeof sy);
		if (!documents_parse_symbol(c, i, &sy))
			continue;
		/* "21-KL/TW/..." or "1234/QĐ-UBND/x": not a symbol we know */
		if (doc_is_p(c, sy.end, '/') && doc_glued(c, sy.end) && doc_glued(c, sy.end + 1) &&
		    t[sy.end + 1].kind != TK_PUNCT)
			continue;
		if (documents_emit_symbol(c, i, &sy, out) < 0)
			return -1;
		i = sy.end - 1;
	}
	return 0;
}

/* Public (documents.h): appends to the caller's *out, strings in tx->arena;
 * on -1 nothing is appended. */
int documents_find(const text_t *tx, const date_list_t *dates, const term_list_t *terms,
		   doc_list_t *out)
{
	if (!tx || !out)
		return -1;
	const uint8_t *cls = tag_classes(tx);
	return cls ? documents_find_cls(tx, cls, dates, terms, out) : -1;
}

/* Public (documents.h): documents_find with the classes of tag_classes(tx). */
int documents_find_cls(const text_t *tx, const uint8_t *cls, const date_list_t *dates,
		       const term_list_t *terms, doc_list_t *out)
{
	if (!tx || !out || pthread_once(&tables_once, documents_tables_init) ||
	    !documents_tables.ok)
		return -1;
	doc_ctx_t c = {tx, tx->tok, tx->n, tx->s, dates, terms, tx->arena, NULL, cls};
	doc_cand_vec_t cands = {0};
	c.used = arena_alloc(c.arena, c.n + 1);
	if (!c.used || find_symbols(&c, &cands) < 0 || documents_find_short(&c, &cands) < 0)
		return -1;
	if (cands.n > 1)
		qsort(cands.v, cands.n, sizeof *cands.v, cand_cmp);
	share_list_tails(&c, cands.v, cands.n);
	if (documents_link_same(&c, cands.v, cands.n, out->n) < 0)
		return -1;
	/* reserve first so that a failure appends nothing (same_as indices
	 * refer to the whole batch) */
	if (out->cap < out->n + cands.n) {
		size_t need = out->n + cands.n;
		if (need > SIZE_MAX / sizeof(doc_cite_t))
			return -1;
		doc_cite_t *nv = realloc(out->v, need * sizeof(doc_cite_t));
		if (!nv)
			return -1;
		out->v = nv;
		out->cap = need;
	}
	for (size_t i = 0; i < cands.n; i++)
		out->v[out->n++] = cands.v[i].d;
	return 0;
}

/* Public: frees the caller's array; the strings belong to the text's arena. */
void documents_list_free(doc_list_t *list)
{
	if (!list)
		return;
	free(list->v);
	list->v = NULL;
	list->n = list->cap = 0;
}
