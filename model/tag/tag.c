#include "model/tag/tag.h"

#include <stdlib.h>
#include <string.h>

#include "model/lexicon/lex_tables.h"

#define MAX_HITS_AT 64 /* entries of one lexicon ending in a walk */

int tag_text(text_t *tx)
{
	size_t n = tx->n;
	tx->hit_at = malloc((n + 2) * sizeof *tx->hit_at);
	tx->lexmask = calloc(n + 2, sizeof *tx->lexmask);
	if (!tx->hit_at || !tx->lexmask)
		return -1;
	for (size_t i = 0; i < n; i++) {
		tok_t *t = &tx->tok[i];
		t->kw = t->klen ? lex_vocab_find(tx->keys + t->key, t->klen, t->hash) : 0;
	}
	size_t nh = 0, cap = n / 4 + 64;
	tx->hit = malloc(cap * sizeof *tx->hit);
	if (!tx->hit)
		return -1;
	struct lex_hit buf[MAX_HITS_AT];
	for (size_t i = 0; i < n; i++) {
		tx->hit_at[i] = (uint32_t)nh;
		uint64_t m = lex_kw_first[tx->tok[i].kw];
		uint64_t got = 0;
		while (m) {
			int lx = __builtin_ctzll(m);
			m &= m - 1;
			size_t k = lex_walk(tx, lx, i, buf, MAX_HITS_AT);
			if (!k)
				continue;
			got |= 1ULL << lx;
			if (nh + k > cap) {
				while (nh + k > cap)
					cap *= 2;
				struct lex_hit *p = realloc(tx->hit, cap * sizeof *p);
				if (!p)
					return -1;
				tx->hit = p;
			}
			memcpy(tx->hit + nh, buf, k * sizeof *buf);
			nh += k;
		}
		tx->lexmask[i] = got;
	}
	tx->hit_at[n] = tx->hit_at[n + 1] = (uint32_t)nh;
	return 0;
}
