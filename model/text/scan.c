/* The tokenizer for text known to be valid NFC (tests, tools, the
 * vocabulary compiler): the shared loop without checks and without keyword
 * ids (model/text/scan_loop.h). */
#include <stdlib.h>
#include <string.h>

#include "model/mem.h"
#include "model/text/text.h"

#define SCAN_CHECK 0
#define SCAN_KW(key, len, hash) 0
#include "model/text/scan_loop.h"

int text_scan(text_t *tx, const char *s, size_t len, arena_t *arena, budget_t *budget)
{
	return scan_loop(tx, s, len, arena, budget, NULL, NULL) ? -1 : 0;
}

void text_free(text_t *tx)
{
	free(tx->tok);
	free(tx->hit_at);
	free(tx->hit);
	free(tx->lexmask);
	tx->tok = NULL;
	tx->hit_at = NULL;
	tx->hit = NULL;
	tx->lexmask = NULL;
	tx->n = tx->cap = 0;
}

size_t text_tok_at(const text_t *tx, size_t off)
{
	size_t lo = 0, hi = tx->n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (tx->tok[mid].start < off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}
