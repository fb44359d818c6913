/* The tokenizer for the request's bytes: the shared loop checking UTF-8 as
 * it reads (so the text is read once, not once to check it and once to cut
 * it) and looking up each token's keyword id while its key is fresh. */
#include "model/tag/tag.h"

#include "model/lexicon/lex.h"
#include "model/lexicon/lex_tables.h"
#include "model/mem.h"

#define SCAN_CHECK 1
#define SCAN_KW(key, len, hash) lex_vocab_find8((key), (len), (hash))
#include "model/text/scan_loop.h"

int tag_scan_input(text_t *tx, const char *s, size_t len, arena_t *arena, budget_t *budget,
		   size_t *bad, int *nul)
{
	return scan_loop(tx, s, len, arena, budget, bad, nul);
}
