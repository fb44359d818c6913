/* Token-sequence lexicons: every form of a TSV file is tokenised with the
 * same tokenizer as the article, and its token keys hashed, so that matching
 * at a position costs one hash probe per candidate length (no scans over the
 * lexicon, no quadratic work over the text). */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lex.h"

#define MAXLEX 16
#define MAXTOK 24

struct lex {
	char name[32];
	olex_entry_t *e;
	size_t n;
	uint32_t *slots; /* index+1 into e, 0 = empty */
	size_t nslots;
	uint8_t maxtok;
	uint32_t lens; /* bit k: some form has k tokens (probe only those) */
	uint64_t first[64]; /* bit set of first-token hashes: most tokens start
			     * no form, and are rejected with one load */
};

static struct lex lexes[MAXLEX];
static int nlex;
static pthread_mutex_t lex_mu = PTHREAD_MUTEX_INITIALIZER;

static uint32_t seq_mix(uint32_t h, uint32_t th)
{
	return (h ^ th) * 0x9E3779B1u + 0x7F4A7C15u;
}

static uint32_t entry_hash(const olex_entry_t *e)
{
	uint32_t h = 0x811C9DC5u;
	const char *k = e->keys;
	for (int i = 0; i < e->ntok; i++) {
		size_t n = strlen(k);
		h = seq_mix(h, fold_hash(k, n));
		k += n + 1;
	}
	return h;
}

static int load(struct lex *lx, const char *name)
{
	const struct embedded_file *f = lexicon_file(name);
	if (!f)
		return -1;
	snprintf(lx->name, sizeof lx->name, "%s", name);
	size_t pos = 0, cap = 0;
	char line[1024];
	char *cols[6];
	int nc;
	while ((nc = lexicon_next_row(f, &pos, line, sizeof line, cols, 6)) >= 0) {
		if (lx->n == cap) {
			cap = cap ? cap * 2 : 256;
			olex_entry_t *p = realloc(lx->e, cap * sizeof *p);
			if (!p)
				return -1;
			lx->e = p;
		}
		olex_entry_t *e = &lx->e[lx->n];
		memset(e, 0, sizeof *e);
		for (int i = 0; i < nc; i++)
			e->cols[i] = strdup(cols[i]);
		e->ncols = nc;
		e->form = e->cols[0];
		tokens_t t;
		if (tokens_build(&t, e->form, strlen(e->form)))
			return -1;
		if (t.n == 0 || t.n > MAXTOK) {
			tokens_free(&t);
			continue;
		}
		e->ntok = (uint8_t)t.n;
		e->keys = malloc(t.keys_len + 1);
		size_t o = 0;
		for (size_t i = 0; i < t.n; i++) {
			memcpy(e->keys + o, otok_key(&t, i), t.v[i].klen + 1u);
			o += t.v[i].klen + 1u;
		}
		tokens_free(&t);
		if (e->ntok > lx->maxtok)
			lx->maxtok = e->ntok;
		lx->lens |= 1u << e->ntok;
		{
			uint32_t fh = fold_hash(e->keys, strlen(e->keys));
			lx->first[(fh >> 6) & 63] |= 1ull << (fh & 63);
		}
		lx->n++;
	}
	lx->nslots = 16;
	while (lx->nslots < lx->n * 3)
		lx->nslots *= 2;
	lx->slots = calloc(lx->nslots, sizeof *lx->slots);
	if (!lx->slots)
		return -1;
	for (size_t i = 0; i < lx->n; i++) {
		size_t s = entry_hash(&lx->e[i]) & (lx->nslots - 1);
		while (lx->slots[s]) {
			/* first entry of a duplicate form wins */
			const olex_entry_t *o = &lx->e[lx->slots[s] - 1];
			if (o->ntok == lx->e[i].ntok &&
			    memcmp(o->keys, lx->e[i].keys, 1) == 0 && entry_hash(o) == entry_hash(&lx->e[i]))
				break;
			s = (s + 1) & (lx->nslots - 1);
		}
		if (!lx->slots[s])
			lx->slots[s] = (uint32_t)i + 1;
	}
	return 0;
}

const lex_t *lex_get(const char *name)
{
	pthread_mutex_lock(&lex_mu);
	for (int i = 0; i < nlex; i++)
		if (strcmp(lexes[i].name, name) == 0) {
			pthread_mutex_unlock(&lex_mu);
			return &lexes[i];
		}
	const lex_t *r = NULL;
	if (nlex < MAXLEX && load(&lexes[nlex], name) == 0)
		r = &lexes[nlex++];
	pthread_mutex_unlock(&lex_mu);
	return r;
}

static int entry_matches(const olex_entry_t *e, const tokens_t *t, size_t i)
{
	const char *k = e->keys;
	for (int j = 0; j < e->ntok; j++) {
		size_t n = strlen(k);
		if (t->v[i + j].klen != n || memcmp(otok_key(t, i + j), k, n) != 0)
			return 0;
		/* a multi-token form does not run across a line break */
		if (j > 0 && (t->v[i + j].flags & OTF_NL))
			return 0;
		k += n + 1;
	}
	return 1;
}

const olex_entry_t *lex_longest(const lex_t *lx, const tokens_t *t, size_t i, size_t lim,
			       size_t *ntok)
{
	if (!lx || i >= lim)
		return NULL;
	uint32_t th = t->v[i].hash;
	if (!(lx->first[(th >> 6) & 63] & (1ull << (th & 63))))
		return NULL;
	uint32_t hs[MAXTOK + 1];
	uint32_t h = 0x811C9DC5u;
	size_t maxk = lx->maxtok;
	if (maxk > lim - i)
		maxk = lim - i;
	for (size_t k = 0; k < maxk; k++) {
		h = seq_mix(h, t->v[i + k].hash);
		hs[k + 1] = h;
	}
	for (size_t k = maxk; k >= 1; k--) {
		if (!(lx->lens & (1u << k)))
			continue;
		size_t s = hs[k] & (lx->nslots - 1);
		while (lx->slots[s]) {
			const olex_entry_t *e = &lx->e[lx->slots[s] - 1];
			if (e->ntok == k && entry_matches(e, t, i)) {
				*ntok = k;
				return e;
			}
			s = (s + 1) & (lx->nslots - 1);
		}
	}
	return NULL;
}

const olex_entry_t *lex_lookup_text(const lex_t *lx, const char *s, size_t len)
{
	tokens_t t;
	if (!lx || tokens_build(&t, s, len))
		return NULL;
	size_t k = 0;
	const olex_entry_t *e = lex_longest(lx, &t, 0, t.n, &k);
	if (e && k != t.n)
		e = NULL;
	tokens_free(&t);
	return e;
}

size_t lex_size(const lex_t *lx)
{
	return lx ? lx->n : 0;
}

const olex_entry_t *lex_entry_at(const lex_t *lx, size_t i)
{
	return lx && i < lx->n ? &lx->e[i] : NULL;
}
