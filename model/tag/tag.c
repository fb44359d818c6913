#include "model/tag/tag.h"

#include <stdlib.h>
#include <string.h>

#include "model/lexicon/lex_tables.h"
#include "model/mem.h"
#include "model/tag/classes.h"

#define MAX_HITS_AT 128 /* trie nodes with entries reached from one token */

/* tx->tok_blk (text.h): a binary search per block, over at most the
 * block's bytes' worth of tokens past the last block's first (every token
 * starts at a byte of its own), so a few steps a block and no walk over
 * the tokens. */
static int tag_block_index(text_t *tx)
{
	size_t nb = (tx->len >> TEXT_BLK_SHIFT) + 2;
	uint32_t *blk = arena_alloc_raw(tx->arena, nb * sizeof *blk);
	if (!blk)
		return -1;
	size_t lo = 0;
	for (size_t b = 0; b < nb; b++) {
		size_t off = b << TEXT_BLK_SHIFT;
		size_t hi = tx->n - lo > ((size_t)1 << TEXT_BLK_SHIFT)
				? lo + ((size_t)1 << TEXT_BLK_SHIFT)
				: tx->n;
		lo = text_tok_search(tx->tok, lo, hi, off);
		blk[b] = (uint32_t)lo;
	}
	tx->tok_blk = blk;
	return 0;
}

/* One pass over the tokens: at each token that can begin an entry, the
 * trie is walked along the following tokens (a multi-token entry never
 * runs over a line break), and every node reached that spells an entry is
 * a hit. The walk is inline and every token's mask is written here (no
 * cleared array first), as this runs at every token of every parse. */
int tag_text(text_t *tx)
{
	size_t n = tx->n;
	tx->hit_at = mem_malloc((n + 2) * sizeof *tx->hit_at);
	tx->lexmask = mem_malloc((n + 2) * sizeof *tx->lexmask);
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
	const tok_t *tok = tx->tok;
	struct lex_hit *hits = tx->hit;
	uint32_t *hit_at = tx->hit_at;
	uint64_t *lexmask = tx->lexmask;
	/* the class bytes, set here while each token and its mask are at hand */
	uint8_t *cls = arena_alloc_raw(tx->arena, n + 16);
	if (!cls)
		return -1;
	uint8_t kwc[64];
	tag_cls_kw_table(kwc);
	for (size_t i0 = 0; i0 < n; i0 += 64) {
		/* the work bound every 64 tokens (a token's walk is bounded), out
		 * of the inner loop so that a token costs no test for it */
		if (budget_check(tx->budget))
			return -1;
		size_t blk = n - i0 > 64 ? i0 + 64 : n;
		for (size_t i = i0; i < blk; i++) {
			hit_at[i] = (uint32_t)nh;
			lexmask[i] = 0;
			int32_t root = lex_kw_root[tok[i].kw];
			if (root < 0) {
				cls[i] = tag_cls_token(kwc, &tok[i], 0);
				continue;
			}
			if (nh + MAX_HITS_AT > cap) {
				cap = cap * 2 + MAX_HITS_AT;
				struct lex_hit *p = mem_realloc(hits, cap * sizeof *p);
				if (!p)
					return -1;
				tx->hit = hits = p;
			}
			struct lex_hit *out = hits + nh;
			uint32_t node = (uint32_t)root;
			uint64_t m = 0;
			unsigned lc = 0;
			size_t k = 0, j = i;
			/* at most MAX_HITS_AT tokens from one token, so at most
			 * MAX_HITS_AT hits (one a node) and a len that fits a byte */
			size_t jend = n - i > MAX_HITS_AT ? i + MAX_HITS_AT : n;
			for (;;) {
				uint64_t nm = lex_node_mask[node];
				if (nm) {
					out[k].node = node;
					out[k].len = (uint8_t)(j - i + 1);
					m |= nm;
					lc |= lex_node_cls[node];
					k++;
				}
				uint64_t bloom = lex_node_bloom[node];
				if (!bloom || ++j >= jend)
					break;
				const tok_t *t = &tok[j];
				/* most next tokens are no child of the node: their
				 * bit says so without a probe */
				if (!(bloom >> (t->kw & 63) & 1) || !lex_kw_inner[t->kw] ||
				    (t->flags & TF_NL))
					break;
				int64_t c = lex_trie_child(node, t->kw);
				if (c < 0)
					break;
				node = (uint32_t)c;
			}
			nh += k;
			lexmask[i] = m;
			cls[i] = tag_cls_token(kwc, &tok[i], lc);
		}
	}
	hit_at[n] = hit_at[n + 1] = (uint32_t)nh;
	lexmask[n] = lexmask[n + 1] = 0;
	memset(cls + n, 0xFF, 16);
	tx->cls = cls;
	return tag_block_index(tx);
}
