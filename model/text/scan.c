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
	size_t n = tx->n, h = tx->tok_hint < n ? tx->tok_hint : n;
	size_t lo, hi, step = 1;
	const tok_t *tk = tx->tok;
	/* the common asks, answered before the search: the last answer
	 * again, or the token after it */
	if (h < n && tk[h].start >= off) {
		if (h == 0 || tk[h - 1].start < off)
			return h;
	} else if (h + 1 <= n && (h + 1 == n || tk[h + 1].start >= off)) {
		((text_t *)tx)->tok_hint = h + 1;
		return h + 1;
	}
	if (h < n && tx->tok[h].start < off) {
		/* the answer is past h: gallop forward */
		lo = h + 1;
		hi = n;
		while (h + step < n) {
			if (tx->tok[h + step].start >= off) {
				hi = h + step;
				break;
			}
			lo = h + step + 1;
			step *= 2;
		}
	} else {
		/* the answer is at h or before: gallop back */
		lo = 0;
		hi = h;
		while (step <= h) {
			if (tx->tok[h - step].start < off) {
				lo = h - step + 1;
				break;
			}
			hi = h - step;
			step *= 2;
		}
	}
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (tx->tok[mid].start < off)
			lo = mid + 1;
		else
			hi = mid;
	}
	((text_t *)tx)->tok_hint = lo;
	return lo;
}
