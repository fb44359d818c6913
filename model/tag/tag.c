#include "model/tag/tag.h"

#include <stdlib.h>
#include <string.h>

#include "model/lexicon/lex_tables.h"
#include "model/mem.h"

#define MAX_HITS_AT 128 /* trie nodes with entries reached from one token */

int tag_text(text_t *tx)
{
	size_t n = tx->n;
	tx->hit_at = mem_malloc((n + 2) * sizeof *tx->hit_at);
	tx->lexmask = mem_calloc(n + 2, sizeof *tx->lexmask); /* 0 where no hit */
	if (!tx->hit_at || !tx->lexmask)
		return -1;
	for (size_t i = 0; i < n && !tx->kw_done; i++) {
		tok_t *t = &tx->tok[i];
		t->kw = t->klen ? lex_vocab_find(tx->keys + t->key, t->klen, t->hash) : 0;
	}
	size_t nh = 0, cap = n / 4 + 64;
	tx->hit = mem_malloc(cap * sizeof *tx->hit);
	if (!tx->hit)
		return -1;
	for (size_t i = 0; i < n; i++) {
		tx->hit_at[i] = (uint32_t)nh;
		if (budget_check(tx->budget))
			return -1;
		if (!lex_kw_first[tx->tok[i].kw])
			continue;
		if (nh + MAX_HITS_AT > cap) {
			cap = cap * 2 + MAX_HITS_AT;
			struct lex_hit *p = mem_realloc(tx->hit, cap * sizeof *p);
			if (!p)
				return -1;
			tx->hit = p;
		}
		uint64_t got;
		nh += lex_walk(tx, i, tx->hit + nh, MAX_HITS_AT, &got);
		tx->lexmask[i] = got;
	}
	tx->hit_at[n] = tx->hit_at[n + 1] = (uint32_t)nh;
	return 0;
}
