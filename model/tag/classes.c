/* The per-token class bytes (classes.h). */
#include "model/tag/classes.h"

#include <string.h>

#include "model/lexicon/lex.h"
#include "model/lexicon/lex_tables.h"

_Static_assert(TF_NL == 1 << 1 && TAG_CLS_LINE == 1 << 5, "the bit positions tag_cls_token moves");

/* Public (classes.h). */
void tag_cls_kw_table(uint8_t kwc[64])
{
	memset(kwc, 0, 64);
	kwc[KW_khoas & 63] |= TAG_CLS_TERM;
	kwc[KW_nhieemj & 63] |= TAG_CLS_TERM;
	kwc[KW_giai & 63] |= TAG_CLS_TERM;
	kwc[KW_anhr & 63] |= TAG_CLS_LINE;
	kwc[KW_vowis & 63] |= TAG_CLS_TASK;
	kwc[KW_theo & 63] |= TAG_CLS_TASK;
}

/* Public (classes.h): the array lives in the text's arena. */
const uint8_t *tag_classes(const text_t *tx)
{
	if (tx->cls)
		return tx->cls; /* set by tag_text */
	const size_t n = tx->n;
	uint8_t *cls = arena_alloc_raw(tx->arena, n + 16);
	if (!cls)
		return NULL;
	uint8_t kwc[64];
	tag_cls_kw_table(kwc);
	for (size_t i = 0; i < n; i++) {
		unsigned lc = 0;
		for (uint32_t h = tx->hit_at ? tx->hit_at[i] : 0;
		     tx->hit_at && h < tx->hit_at[i + 1]; h++)
			lc |= lex_node_cls[tx->hit[h].node];
		cls[i] = tag_cls_token(kwc, &tx->tok[i], lc);
	}
	memset(cls + n, 0xFF, 16);
	return cls;
}
