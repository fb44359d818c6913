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
	tx->tok_blk = NULL; /* in the arena */
	tx->n = tx->cap = 0;
}

size_t text_tok_at(const text_t *tx, size_t off)
{
	size_t n = tx->n, h = tx->tok_hint < n ? tx->tok_hint : n;
	const tok_t *tk = tx->tok;
	/* the common asks, answered before the search: the last answer
	 * again, the token before it (a span's start after its end) or the
	 * token after it */
	if (h < n && tk[h].start >= off) {
		if (h == 0 || tk[h - 1].start < off)
			return h;
		if (h == 1 || tk[h - 2].start < off) {
			((text_t *)tx)->tok_hint = h - 1;
			return h - 1;
		}
	} else if (h + 1 <= n && (h + 1 == n || tk[h + 1].start >= off)) {
		((text_t *)tx)->tok_hint = h + 1;
		return h + 1;
	}
	/* the tokens before block b start before off, the first one of
	 * block b + 1 at or after it */
	size_t lo = 0, hi = n;
	if (tx->tok_blk) {
		size_t b = (off < tx->len ? off : tx->len) >> TEXT_BLK_SHIFT;
		lo = tx->tok_blk[b];
		hi = tx->tok_blk[b + 1];
	}
	lo = text_tok_search(tk, lo, hi, off);
	((text_t *)tx)->tok_hint = lo;
	return lo;
}
