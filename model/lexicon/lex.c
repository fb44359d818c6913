/* Matching against the compiled lexicons (lex.h). */
#include "model/lexicon/lex.h"

#include <string.h>

#include "model/lexicon/lex_tables.h"

uint16_t lex_vocab_find(const char *key, size_t len, uint32_t hash)
{
	uint32_t s = hash & lex_vocab_mask;
	for (;;) {
		uint16_t id = lex_vocab_slot[s];
		if (!id)
			return 0;
		const struct lex_vocab *v = &lex_vocab[id];
		if (v->hash == hash && v->len == len) {
			const char *k = lex_vocab_keys + v->key;
			size_t i = 0;
			while (i < len && k[i] == key[i])
				i++;
			if (i == len)
				return id;
		}
		s = (s + 1) & lex_vocab_mask;
	}
}

const char *lex_vocab_key(uint16_t kw)
{
	return kw < KW_COUNT ? lex_vocab_keys + lex_vocab[kw].key : "";
}

/* The last term of lexicon lx at node (the entry a lookup returns), which
 * the node has (its mask says so): one per lexicon of the node, so a step
 * or two and not one per term. */
static int32_t node_entry(uint32_t node, int lx)
{
	const struct lex_term *t = &lex_node_last[lex_node_last_at[node]];
	while (t->lex != lx)
		t++;
	return t->entry;
}

/* lex_at past its mask test (lex.h) */
const lex_entry_t *lex_at_hit(const text_t *tx, int lx, size_t i, size_t lim, size_t *n)
{
	/* the longest first */
	const struct lex_hit *b = tx->hit + tx->hit_at[i], *x = tx->hit + tx->hit_at[i + 1];
	if (i >= lim)
		return NULL;
	size_t room = lim - i;
	uint64_t bit = 1ULL << lx;
	while (x-- > b)
		if (x->len <= room && (lex_node_mask[x->node] & bit)) {
			*n = x->len;
			return &lex_tables[lx].e[node_entry(x->node, lx)];
		}
	return NULL;
}

/* lex_is past its mask test (lex.h) */
int lex_is_hit(const text_t *tx, int lx, size_t i, size_t n)
{
	for (uint32_t h = tx->hit_at[i]; h < tx->hit_at[i + 1]; h++)
		if (tx->hit[h].len == n && ((lex_node_mask[tx->hit[h].node] >> lx) & 1))
			return 1;
	return 0;
}

lex_iter_t lex_iter(const text_t *tx, int lx, size_t i)
{
	lex_iter_t it = {.tx = tx, .lx = lx};
	if (i < tx->n && ((tx->lexmask[i] >> lx) & 1)) {
		it.h = tx->hit_at[i];
		it.hend = tx->hit_at[i + 1];
	}
	return it;
}

int lex_next(lex_iter_t *it)
{
	for (;;) {
		while (it->k < it->kend) {
			const struct lex_term *t = &lex_terms[it->k++];
			if (t->lex == it->lx) {
				it->entry = t->entry;
				return 1;
			}
		}
		if (it->h >= it->hend)
			return 0;
		const struct lex_hit *x = &it->tx->hit[it->h++];
		if (!((lex_node_mask[x->node] >> it->lx) & 1))
			continue;
		it->len = x->len;
		it->k = lex_node_term[x->node];
		it->kend = lex_node_term[x->node + 1];
	}
}

size_t lex_count(int lx)
{
	return lx >= 0 && lx < LEX_COUNT ? lex_tables[lx].n : 0;
}

const lex_entry_t *lex_entry(int lx, size_t idx)
{
	return idx < lex_count(lx) ? &lex_tables[lx].e[idx] : NULL;
}

const char *lex_name(int lx)
{
	return lx >= 0 && lx < LEX_COUNT ? lex_tables[lx].name : "";
}

const lex_entry_t *lex_lookup(int lx, const char *s, size_t len)
{
	text_t tx = {0};
	arena_t ar = {0};
	const lex_entry_t *r = NULL;
	if (text_scan(&tx, s, len, &ar, NULL) == 0 && tx.n) {
		uint32_t node = 0;
		size_t j = 0;
		for (; j < tx.n; j++) {
			uint16_t kw =
			    tx.tok[j].klen
				? lex_vocab_find(tok_key(&tx, j), tx.tok[j].klen, tx.tok[j].hash)
				: 0;
			int64_t c = kw ? lex_trie_child(node, kw) : -1;
			if (c < 0)
				break;
			node = (uint32_t)c;
		}
		for (uint32_t k = lex_node_term[node]; j == tx.n && k < lex_node_term[node + 1];
		     k++)
			if (lex_terms[k].lex == lx)
				r = &lex_tables[lx].e[lex_terms[k].entry];
	}
	text_free(&tx);
	arena_free(&ar);
	return r;
}
