/* The hash of a trie edge, shared by the generator (tools/lexgen.c) and the
 * runtime (model/lexicon/lex.c) so that both probe the same slots. */
#ifndef MEETINGD_LEXICON_LEX_HASH_H
#define MEETINGD_LEXICON_LEX_HASH_H

#include <stdint.h>

/* key: (parent node + 1) << 16 | keyword id */
static inline uint64_t lex_edge_hash(uint64_t k)
{
	k ^= k >> 33;
	k *= 0xff51afd7ed558ccdULL;
	k ^= k >> 33;
	return k;
}

#endif
